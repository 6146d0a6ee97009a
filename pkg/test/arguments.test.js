// Every export and method checks its arguments (issue "Every host as its
// users meet it"): a value of the wrong type is a plain `Error` naming the
// argument, never a `WebAssembly.RuntimeError` (which would leave the module
// in an unknown state) nor a TypeError from the glue.
import assert from "node:assert/strict";
import { test } from "node:test";
import * as speclint from "../index.js";

const { Linter, Workspace } = speclint;
const VALUES = {
  number: 5,
  bigint: 5n,
  boolean: true,
  null: null,
  undefined: undefined,
  object: {},
  array: [],
  Buffer: Buffer.from("x"),
  "lone surrogate": "\ud800",
  symbol: Symbol("x"),
};

const CALLS = {
  validate: (v) => speclint.validate(v),
  normalize: (v) => speclint.normalize(v),
  exportSpec: (v) => speclint.exportSpec(v),
  deriveSpecType: (v) => speclint.deriveSpecType(v),
  frontMatterSchema: (v) => speclint.frontMatterSchema(v),
  "frontMatterSchema options": (v) => speclint.frontMatterSchema("database-schema", v),
  specTypes: (v) => speclint.specTypes(v),
  parseConfig: (v) => speclint.parseConfig(v),
  "unifiedDiff path": (v) => speclint.unifiedDiff(v, "a", "b"),
  "unifiedDiff text": (v) => speclint.unifiedDiff("p", v, "b"),
  "renderDiagnostics format": (v) => speclint.renderDiagnostics(v, []),
  "renderDiagnostics files": (v) => speclint.renderDiagnostics("json", v),
  "new Linter": (v) => new Linter(v),
  "Linter.validate": (v) => new Linter().validate(v),
  "Linter.normalize": (v) => new Linter().normalize(v),
  "Linter.exportSpec": (v) => new Linter().exportSpec(v),
  "Linter.specType": (v) => new Linter().specType(v),
  "Linter.frontMatterSchema": (v) => new Linter().frontMatterSchema(v),
  "Linter.crossCheck": (v) => new Linter().crossCheck(v),
  "Linter.exportJson": (v) => new Linter().exportJson(v),
  "new Workspace": (v) => new Workspace(v),
  "Workspace.enter": (v) => new Workspace().enter(v, []),
  "Workspace.enter texts": (v) => new Workspace().enter("/r", v),
  "Workspace.leave": (v) => new Workspace().leave(v),
  "Workspace.visit": (v) => new Workspace().visit("/r", "a.md", v),
  "Workspace.select": (v) => new Workspace().select(v, false),
  "Workspace.select named": (v) => new Workspace().select("a.md", v),
  "Workspace.matchGlob": (v) => new Workspace().matchGlob(v, "a"),
  "Workspace.add bytes": (v) => new Workspace().add("a.md", "a.md", v, false, false),
  "Workspace.add named": (v) => new Workspace().add("a.md", "a.md", new Uint8Array(), v, false),
  "Workspace.unreadable": (v) => new Workspace().unreadable("a.md", null, v),
  "Workspace.finish": (v) => new Workspace().finish(v),
};

test("every export and method × every kind of value: a result or a plain Error, never a trap or a glue TypeError", () => {
  const bad = [];
  for (const [name, call] of Object.entries(CALLS)) {
    for (const [kind, value] of Object.entries(VALUES)) {
      try {
        call(value);
      } catch (e) {
        const plain = e instanceof Error && e.constructor === Error && typeof e.message === "string" && e.message !== "";
        if (!plain || e instanceof WebAssembly.RuntimeError) bad.push(`${name}(${kind}): ${e?.constructor?.name}: ${e?.message}`);
      }
    }
  }
  assert.deepEqual(bad, []);
  // The module still works.
  assert.ok(speclint.validate("---\nspec_type: database-schema\n---\n").diagnostics.length > 0);
});

test("the messages name the argument", () => {
  assert.throws(() => speclint.frontMatterSchema(5), { message: "the spec type must be a string" });
  assert.throws(() => speclint.unifiedDiff(5, "a", "b"), { message: "the path must be a string" });
  assert.throws(() => speclint.renderDiagnostics(true, []), { message: "the format must be a string" });
  assert.throws(() => new Linter().specType(null), { message: "the spec type id must be a string" });
  assert.throws(() => new Workspace().select("a.md", 5n), { message: "`named` must be a boolean" });
  assert.throws(() => new Workspace().leave(-1), { message: "the mark must be a number from `enter`" });
});

test("messages in the user's terms: did you mean, the rule of a bad level, path:line:col of config YAML", () => {
  assert.throws(() => speclint.normalize("x", { unsafeFix: true }), { message: /^options: unknown option `unsafeFix`; expected one of .*`unsafeFixes`.*; did you mean `unsafeFixes`\?$/ });
  assert.throws(() => speclint.validate("x", { rules: { FM06: "off" } }), { message: "unknown rule `FM06` in `rules`; did you mean `FM006`?" });
  assert.throws(() => speclint.validate("x", { rules: { FM006: "warn" } }), { message: /rule `FM006`: unknown level `warn`.*did you mean `warning`\?$/ });
  assert.throws(() => speclint.parseConfig("rules:\n  FM06: off\n"), { message: "unknown rule `FM06` in `rules`; did you mean `FM006`?" });
  assert.throws(() => speclint.parseConfig("rules: [\n  x\n", "docs/speclint.yaml"), { message: /^config docs\/speclint\.yaml:1:8: / });
  assert.throws(() => new speclint.Linter({ types: [{ path: "types/x.yaml", text: "id: x\nname: X\nsections: [\n" }] }), { message: /^spec type types\/x\.yaml:4:1: / });
});
