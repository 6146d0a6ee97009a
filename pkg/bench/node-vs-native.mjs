// Benchmark (not a test: it asserts nothing about time): the npm package
// (the core compiled to WebAssembly, in Node) against the native release
// build on the same documents. Figures go in BENCHMARKS.md, "npm package
// (WASM) vs native".
//
//   node pkg/bench/node-vs-native.mjs            # from the repository root, after scripts/build-pkg.sh
//   SPECLINT_NATIVE_RELEASE=/path/to/speclint node pkg/bench/node-vs-native.mjs
//
// Measures:
//   1. validate per document in one process: the package's `Linter.validate`
//      in Node; natively, `speclint check` over K copies of the document minus
//      one copy, divided by K-1 (so process start is cancelled out; reading
//      and JSON rendering are included, on both sides of 2.);
//   2. the same `check` over K copies with the npm CLI (`bin/speclint.js`),
//      which runs the same core in WebAssembly: the CLI-to-CLI comparison;
//   3. start-up: compiling and instantiating the .wasm in a fresh Node
//      process, the first validate call, and `--version` of both CLIs.
// Documents: the examples, and examples/valid/orders-db.md grown to ~500 KB
// by repeating its Entity Inventory (as benches/throughput.rs does).
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Linter, version } from "../index.js";

const pkg = fileURLToPath(new URL("..", import.meta.url));
const repo = join(pkg, "..");
const read = (p) => readFileSync(join(repo, p), "utf8");

function nativeBinary() {
  if (process.env.SPECLINT_NATIVE_RELEASE) return process.env.SPECLINT_NATIVE_RELEASE;
  const bin = join(repo, "target", "release", "speclint");
  if (!existsSync(bin)) {
    process.stderr.write("building the native release binary (cargo build --release)\n");
    execFileSync("cargo", ["build", "--release", "--locked", "--quiet", "--bin", "speclint"], { cwd: repo, stdio: "inherit" });
  }
  return bin;
}

/** examples/valid/orders-db.md with its Entity Inventory repeated up to `target` bytes (benches/throughput.rs). */
function grown(target) {
  const orders = read("examples/valid/orders-db.md");
  const start = orders.indexOf("### `customers`");
  const end = orders.indexOf("## Relationships & Data Flows");
  const entities = orders.slice(start, end);
  let extra = "";
  for (let i = 0; Buffer.byteLength(orders) + Buffer.byteLength(extra) < target; i++) {
    extra += entities.replaceAll("### `", `### \`t${i}_`);
  }
  return orders.slice(0, end) + extra + orders.slice(end);
}

const adrType = read("examples/types/adr.yaml");
const DOCS = [
  { name: "valid/orders-db.md", text: read("examples/valid/orders-db.md") },
  { name: "valid/analytics-warehouse.md", text: read("examples/valid/analytics-warehouse.md") },
  { name: "invalid/orders-db-defects.md", text: read("examples/invalid/orders-db-defects.md") },
  { name: "adr/0001-use-postgres.md (custom type)", text: read("examples/adr/0001-use-postgres.md"), types: true },
  { name: "orders-db grown to ~500 KB", text: grown(500_000) },
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const size = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e3).toFixed(n >= 1e5 ? 0 : 1)} KB`);

/** Median time (ms) of `fn` over batches filling ~`budget` ms, after warming up. */
function timeInProcess(fn, budget = 1500) {
  const warm = performance.now();
  let n = 0;
  while (performance.now() - warm < 300 || n < 3) {
    fn();
    n++;
  }
  const per = (performance.now() - warm) / n;
  const batch = Math.max(1, Math.round(50 / per));
  const samples = [];
  const t0 = performance.now();
  while (performance.now() - t0 < budget || samples.length < 5) {
    const s = performance.now();
    for (let i = 0; i < batch; i++) fn();
    samples.push((performance.now() - s) / batch);
  }
  return median(samples);
}

/** Wall time (ms) of a process, median of `runs`. */
function timeProcess(cmd, args, { cwd, env, runs = 7 } = {}) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(" ")}: exit ${r.status}: ${r.stderr}`);
  }
  return median(times);
}

const work = mkdtempSync(join(tmpdir(), "speclint-bench-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
const native = nativeBinary();
const npmCli = join(pkg, "bin", "speclint.js");
const nativeVersion = execFileSync(native, ["--version"], { encoding: "utf8" }).trim();

/** A directory with `k` copies of a document; cross-document rules off so each copy costs the same. */
function copies(doc, k) {
  const dir = join(work, `${DOCS.indexOf(doc)}-${k}`);
  mkdirSync(join(dir, "docs"), { recursive: true });
  const types = doc.types ? "types: [adr.yaml]\n" : "";
  writeFileSync(join(dir, "speclint.yaml"), `${types}rules:\n  XD001: off\n  XD002: off\n  XD003: off\n`);
  if (doc.types) writeFileSync(join(dir, "adr.yaml"), adrType);
  writeFileSync(join(dir, "docs", "d0.md"), doc.text);
  for (let i = 1; i < k; i++) cpSync(join(dir, "docs", "d0.md"), join(dir, "docs", `d${i}.md`));
  return dir;
}

/** Per-document time (ms) of `check --format json` over K copies, process start cancelled out. */
function perDocCli(cmd, pre, doc, k, env = {}) {
  const one = copies(doc, 1);
  const many = copies(doc, k);
  const args = [...pre, "check", "docs", "--format", "json"];
  const t1 = timeProcess(cmd, args, { cwd: one, env });
  const tk = timeProcess(cmd, args, { cwd: many, env });
  return (tk - t1) / (k - 1);
}

const rows = [];
for (const doc of DOCS) {
  const bytes = Buffer.byteLength(doc.text);
  const linter = new Linter(doc.types ? { types: [adrType] } : {});
  const diagnostics = linter.validate(doc.text).diagnostics.length;
  const api = timeInProcess(() => linter.validate(doc.text));
  linter.free();
  const k = bytes > 100_000 ? 21 : 201;
  // The native CLI checks files in parallel (rayon); WebAssembly runs on one thread.
  const nativeCli = perDocCli(native, [], doc, k, { RAYON_NUM_THREADS: "1" });
  const nativeAll = perDocCli(native, [], doc, k);
  const nodeCli = perDocCli(process.execPath, [npmCli], doc, k);
  rows.push({ doc, bytes, diagnostics, api, nativeCli, nativeAll, nodeCli });
  process.stderr.write(`${doc.name}: api ${ms(api)} ms, native check ${ms(nativeCli)} ms/doc (${ms(nativeAll)} on all cores), npm check ${ms(nodeCli)} ms/doc\n`);
}

// ---- start-up ----
const startup = `
const t0 = performance.now();
const { readFileSync } = await import("node:fs");
const bytes = readFileSync(${JSON.stringify(join(pkg, "wasm", "speclint_bg.wasm"))});
const t1 = performance.now();
const module = new WebAssembly.Module(bytes);
const t2 = performance.now();
const glue = await import(${JSON.stringify(join(pkg, "wasm", "speclint.js"))});
const t3 = performance.now();
glue.initSync({ module });
const t4 = performance.now();
const doc = readFileSync(${JSON.stringify(join(repo, "examples", "valid", "orders-db.md"))}, "utf8");
const t5 = performance.now();
glue.validate(doc);
const t6 = performance.now();
glue.validate(doc);
const t7 = performance.now();
console.log(JSON.stringify({ read: t1 - t0, compile: t2 - t1, glue: t3 - t2, instantiate: t4 - t3, first: t6 - t5, second: t7 - t6 }));
`;
const importTotal = `
const t0 = performance.now();
await import(${JSON.stringify(join(pkg, "index.js"))});
console.log(JSON.stringify({ total: performance.now() - t0 }));
`;
const samples = [];
const totals = [];
for (let i = 0; i < 11; i++) {
  samples.push(JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", startup], { encoding: "utf8" })));
  totals.push(JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", importTotal], { encoding: "utf8" })).total);
}
const st = Object.fromEntries(Object.keys(samples[0]).map((k) => [k, median(samples.map((s) => s[k]))]));
const wasmSize = readFileSync(join(pkg, "wasm", "speclint_bg.wasm")).length;
const nodeBare = timeProcess(process.execPath, ["-e", ""], { runs: 11 });
const nativeVer = timeProcess(native, ["--version"], { runs: 11 });
const npmVer = timeProcess(process.execPath, [npmCli, "--version"], { runs: 11 });

// ---- report (Markdown, for BENCHMARKS.md) ----
const out = [];
out.push(`speclint ${version()} (package) / ${nativeVersion} (native, ${native.replace(repo + "/", "")}); Node ${process.version}; ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}.`);
out.push("");
out.push(`| document | size | diagnostics | package \`Linter.validate\` in Node | native \`check\`, per doc, 1 thread | npm \`check\`, per doc | npm / native \`check\` | native \`check\`, per doc, ${cpus().length} threads |`);
out.push("|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  out.push(`| ${r.doc.name} | ${size(r.bytes)} | ${r.diagnostics} | ${ms(r.api)} ms | ${ms(r.nativeCli)} ms | ${ms(r.nodeCli)} ms | ${(r.nodeCli / r.nativeCli).toFixed(1)}× | ${ms(r.nativeAll)} ms |`);
}
out.push("");
out.push(`| start-up (fresh Node process, medians of 11) | ms |`);
out.push("|---|---|");
out.push(`| read the .wasm (${size(wasmSize)}) | ${ms(st.read)} |`);
out.push(`| compile (\`new WebAssembly.Module\`) | ${ms(st.compile)} |`);
out.push(`| load the glue (wasm/speclint.js) | ${ms(st.glue)} |`);
out.push(`| instantiate (\`initSync\`) | ${ms(st.instantiate)} |`);
out.push(`| \`import "speclint"\` in all (read, compile, instantiate) | ${ms(median(totals))} |`);
out.push(`| first \`validate\` of orders-db.md / second | ${ms(st.first)} / ${ms(st.second)} |`);
out.push(`| process: \`node -e ""\` / \`node bin/speclint.js --version\` / native \`speclint --version\` | ${ms(nodeBare)} / ${ms(npmVer)} / ${ms(nativeVer)} |`);
console.log(out.join("\n"));
