// Compiled by test/tsc.test.js (strict, nodenext, DOM lib): the browser entry.
import init, { initSync, validate } from "speclint/web";
import type { ValidateResult } from "speclint/web";

export async function run(url: URL, bytes: Uint8Array): Promise<number> {
  await init();
  await init(url);
  await init(fetch(url));
  initSync(bytes);
  const r: ValidateResult = validate("# x\n");
  return r.diagnostics.length;
}
