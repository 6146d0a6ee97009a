#!/usr/bin/env node
// `npx speclint`: see lib/cli.js.
import { main } from "../lib/cli.js";

// A closed pipe (`speclint check | head`) ends the output, not with a stack trace.
process.stdout.on("error", (e) => {
  if (e.code !== "EPIPE") throw e;
  process.exit(process.exitCode ?? 0);
});
process.exitCode = main(process.argv.slice(2));
