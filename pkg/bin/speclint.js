#!/usr/bin/env node
// `npx speclint`: see lib/cli.js.
import { ioMessage } from "../lib/files.js";
import { main } from "../lib/cli.js";

// Standard output that cannot be written never ends in a stack trace. A closed
// pipe (`speclint check | head -1`) ends the output quietly, with the
// command's own exit code, as Unix tools do; any other failure (`> /dev/full`:
// ENOSPC) is reported and exits 2, as the native CLI does (src/cli/out.rs).
let failed = false;
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  if (!failed) {
    failed = true;
    try {
      process.stderr.write(`speclint: error: cannot write to standard output: ${ioMessage(e)}\n`);
    } catch {
      // nowhere left to report it
    }
  }
  process.exit(2);
});
// A closed or full standard error: nowhere left to report anything.
process.stderr.on("error", () => {});
process.exitCode = main(process.argv.slice(2));
