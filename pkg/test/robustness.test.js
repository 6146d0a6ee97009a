// The WASM module survives every class of input the fuzzers produce (issue
// #7): the committed fuzz seeds (fuzz/seeds/, and libFuzzer's working corpus
// fuzz/corpus-run/ when a local fuzz run left one), deterministic mutations
// of them (cuts inside multi-byte characters, invalid UTF-8, lone
// surrogates, NUL bytes, duplicated and dropped lines), and the hostile
// documents of tests/robustness.rs. Every call either answers or throws a
// plain JS `Error` (never a `WebAssembly.RuntimeError`, which would mean a
// panic and a dead module), and after each batch the module still validates
// a known document correctly.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import {
  Linter,
  deriveSpecType,
  exportSpec,
  normalize,
  specTypes,
  validate,
} from "speclint";
import { read, repo } from "./helpers.js";

const ORDERS = read("examples/valid/orders-db.md");

/** Files (as bytes) under `dir`, sorted, at most `max` (evenly spread). */
function files(dir, max = Infinity) {
  const root = join(repo, dir);
  if (!existsSync(root)) return [];
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk(root);
  out.sort();
  const step = Math.max(1, Math.ceil(out.length / max));
  return out.filter((_, i) => i % step === 0).map((p) => ({ name: p.slice(repo.length + 1), bytes: readFileSync(p) }));
}

/** A small deterministic PRNG (mulberry32): the same mutations on every run. */
function prng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Byte-level mutations of `bytes`: the crash classes of the fuzzers. */
function* mutations(bytes, rand) {
  const at = () => Math.floor(rand() * (bytes.length + 1));
  yield bytes.subarray(0, at()); // cut anywhere, also inside a UTF-8 sequence
  const bad = Buffer.from(bytes);
  if (bad.length) bad[Math.min(bad.length - 1, at())] = 0xff; // invalid UTF-8
  yield bad;
  const i = at();
  yield Buffer.concat([bytes.subarray(0, i), Buffer.from([0, 0xc3, 0x28, 0xe2, 0x82]), bytes.subarray(i)]);
  const lines = bytes.toString("latin1").split("\n");
  const j = Math.floor(rand() * lines.length);
  yield Buffer.from([...lines.slice(0, j), lines[j], ...lines.slice(j)].join("\n"), "latin1");
  yield Buffer.from([...lines.slice(0, j), ...lines.slice(j + 1)].join("\n"), "latin1");
}

/** Runs `f`; a thrown value must be a plain `Error`, never a wasm trap. */
function survives(what, f) {
  try {
    return f();
  } catch (e) {
    assert.ok(!(e instanceof WebAssembly.RuntimeError), `${what}: the module trapped: ${e}`);
    assert.ok(e instanceof Error, `${what}: threw a non-Error: ${e}`);
    return undefined;
  }
}

function assertAlive(after) {
  const r = validate(ORDERS);
  assert.deepEqual(r.diagnostics, [], `the module answers wrongly after ${after}`);
}

/** Every document entry point, on text and on bytes. */
function exercise(name, bytes) {
  const text = bytes.toString("utf8"); // lossy: U+FFFD for invalid sequences
  const r = survives(`${name}: validate(bytes)`, () => validate(new Uint8Array(bytes)));
  assert.ok(r && Array.isArray(r.diagnostics), `${name}: validate(bytes) answers`);
  // Offsets are those of the decoded text (each invalid sequence one U+FFFD).
  const decoded = Buffer.from(text);
  for (const d of r.diagnostics) {
    assert.ok(d.start <= d.end && d.end <= decoded.length, `${name}: ${d.code} span inside the text`);
  }
  assert.ok(survives(`${name}: validate(text)`, () => validate(text)), `${name}: validate(text) answers`);
  const n = survives(`${name}: normalize`, () => normalize(text));
  assert.ok(n, `${name}: normalize answers`);
  const again = survives(`${name}: normalize twice`, () => normalize(n.text));
  assert.equal(again.text, n.text, `${name}: normalize is idempotent`);
  assert.ok(survives(`${name}: exportSpec`, () => exportSpec(text)), `${name}: exportSpec answers`);
  survives(`${name}: deriveSpecType`, () => deriveSpecType(text)); // throws without sections
}

test("fuzz seeds and working corpus, and their mutations", () => {
  const docs = [
    ...files("fuzz/seeds/validate"),
    ...files("fuzz/seeds/normalize"),
    ...files("fuzz/seeds/export"),
    ...files("fuzz/seeds/derive"),
    ...files("fuzz/corpus-run/validate", 300),
    ...files("fuzz/corpus-run/normalize", 100),
  ];
  assert.ok(docs.length >= 20, "the committed seeds are there");
  const rand = prng(7);
  let calls = 0;
  for (const { name, bytes } of docs) {
    exercise(name, bytes);
    let k = 0;
    for (const m of mutations(bytes, rand)) exercise(`${name} (mutation ${k++})`, m);
    if (++calls % 25 === 0) assertAlive(name);
  }
  assertAlive("the corpus");
});

test("spec type seeds, corpus and mutations: a type loads or throws an Error", () => {
  const types = [...files("fuzz/seeds/spec_type"), ...files("fuzz/corpus-run/spec_type", 300)];
  assert.ok(types.length >= 2);
  const rand = prng(11);
  for (const { name, bytes } of types) {
    const inputs = [bytes, ...mutations(bytes, rand)];
    for (const b of inputs) {
      const linter = survives(`${name}: new Linter`, () => new Linter({ types: [b.toString("utf8")] }));
      if (linter) {
        survives(`${name}: specTypes`, () => linter.specTypes());
        assert.ok(survives(`${name}: validate`, () => linter.validate(ORDERS)));
      }
      survives(`${name}: specTypes()`, () => specTypes({ types: [b.toString("utf8")] }));
    }
  }
  assertAlive("the spec types");
});

test("hostile documents: lone surrogates, deep YAML, alias bomb, many headings, over the size limit", () => {
  const fm = (body) => `---\nspec_type: database-schema\n${body}---\n`;
  let bomb = "a0: &a0 [x]\n";
  for (let i = 1; i <= 9; i++) bomb += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(", ")}]\n`;
  const hostile = {
    "lone surrogates": `---\ntitle: \ud800x\udfff\n---\n## Purpose\n\ud83d`,
    "NUL bytes": "\0---\0\n## \0\n| a\0 | b |\n|---|---|\n",
    "1,000-deep YAML": fm(`x: ${"[".repeat(1000)}${"]".repeat(1000)}\n`),
    "alias bomb": fm(bomb),
    "10,000 headings": "## h\n".repeat(10_000),
    "5,000 nested lists": Array.from({ length: 5000 }, (_, i) => `${" ".repeat(i % 400)}- x`).join("\n"),
    "5,000 nested quotes": ">".repeat(5000) + " x\n",
    "a 300-column table": `| ${"a | ".repeat(300)}\n|${"---|".repeat(300)}\n`,
  };
  for (const [name, text] of Object.entries(hostile)) {
    exercise(name, Buffer.from(text, "utf8"));
    assertAlive(name);
  }
  // Over the input limit (16 MiB): refused with a plain Error before it is
  // copied into WebAssembly (test/limits.test.js), never a trap.
  const big = "x".repeat(17 * 1024 * 1024);
  for (const [what, f] of [
    ["validate(text)", () => validate(big)],
    ["validate(bytes)", () => validate(Buffer.from(big))],
    ["normalize", () => normalize(big)],
    ["exportSpec", () => exportSpec(big)],
  ]) {
    assert.throws(f, (e) => !(e instanceof WebAssembly.RuntimeError) && /over the input limit/.test(e.message), what);
  }
  assertAlive("a 17 MB document");
  const deep = validate(hostile["1,000-deep YAML"]).diagnostics.find((d) => d.code === "FM003");
  assert.match(deep.message, /recursion limit exceeded|nested deeper than/);
});
