// The npm API refuses a document over the core's input limit with a plain
// Error naming the limit, before copying it into WebAssembly (issue "Safety",
// item 10: a 2.5 GiB Uint8Array used to trap with `RuntimeError: unreachable`).
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";
import { Linter, deriveSpecType, exportSpec, inputLimit, normalize, parseConfig, unifiedDiff, validate } from "speclint";
import { read } from "./helpers.js";

const ORDERS = read("examples/valid/orders-db.md");
const LIMIT = 16 * 1024 * 1024; // src/check/limits.rs: max_input_bytes
const OVER = /over the input limit of 16777216 bytes \(16 MiB\)/;

/** Asserts that `f` throws a plain Error (not a wasm trap) naming the limit. */
function refused(what, f) {
  assert.throws(f, (e) => {
    assert.ok(!(e instanceof WebAssembly.RuntimeError), `${what}: trapped: ${e}`);
    assert.equal(Object.getPrototypeOf(e), Error.prototype, `${what}: a plain Error`);
    assert.match(e.message, OVER, what);
    return true;
  });
}

/**
 * A Uint8Array that says it holds `length` bytes without allocating them: a
 * Proxy of a small array (`instanceof Uint8Array` holds through the proxy).
 * Copying it would fail; the length check must come first.
 */
function huge(length) {
  const small = new Uint8Array(16);
  return new Proxy(small, {
    get(target, key) {
      if (key === "length" || key === "byteLength") return length;
      const v = Reflect.get(target, key, target);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}

test("inputLimit() is the core's input limit (src/check/limits.rs)", () => {
  assert.equal(inputLimit(), LIMIT);
  assert.equal(createRequire(import.meta.url)("speclint").inputLimit(), LIMIT);
});

test("a 2.5 GiB Uint8Array is refused with a plain Error before it is copied", () => {
  const big = huge(2.5 * 1024 ** 3);
  assert.ok(big instanceof Uint8Array);
  refused("validate", () => validate(big));
  refused("Linter.validate", () => new Linter().validate(big, { path: "big.md" }));
  const e = (() => {
    try {
      validate(big);
    } catch (err) {
      return err;
    }
  })();
  assert.match(e.message, /^the document is over the input limit of 16777216 bytes \(16 MiB\): 2684354560 bytes$/);
  assert.deepEqual(validate(ORDERS).diagnostics, [], "the module still answers");
});

test("just over the limit: bytes, ASCII text and multi-byte text are refused; at the limit they are read", () => {
  const atLimit = Buffer.alloc(LIMIT, 0x61);
  const over = Buffer.alloc(LIMIT + 1, 0x61);
  const text = over.toString("latin1");
  refused("validate(bytes)", () => validate(new Uint8Array(over)));
  refused("validate(Buffer)", () => validate(over));
  refused("validate(text)", () => validate(text));
  refused("Linter.validate(text)", () => new Linter().validate(text));
  refused("normalize", () => normalize(text));
  refused("Linter.normalize", () => new Linter().normalize(text));
  refused("exportSpec", () => exportSpec(text));
  refused("Linter.exportSpec", () => new Linter().exportSpec(text));
  refused("deriveSpecType", () => deriveSpecType(text));
  refused("parseConfig", () => parseConfig(text));
  refused("unifiedDiff", () => unifiedDiff("a.md", text, "x"));
  // Fewer UTF-16 code units than the limit, more UTF-8 bytes: refused after a bounded copy.
  const wide = "é".repeat(LIMIT / 2 + 1);
  assert.ok(wide.length < LIMIT);
  refused("validate(2-byte text)", () => validate(wide));
  // At the limit: read and checked (no front matter: FM001), not refused.
  const codes = (r) => r.diagnostics.map((d) => d.code);
  assert.deepEqual(codes(validate(atLimit)), ["FM001"]);
  assert.deepEqual(codes(validate(atLimit.toString("latin1"))), ["FM001"]);
  assert.deepEqual(validate(ORDERS).diagnostics, [], "the module still answers");
});

test("non-string documents are a clear Error", () => {
  assert.throws(() => normalize(42), /^Error: the document must be a string$/);
  assert.throws(() => exportSpec(new Uint8Array(4)), /^Error: the document must be a string$/);
  assert.throws(() => validate(42), /^Error: the document must be a string or a Uint8Array$/);
});
