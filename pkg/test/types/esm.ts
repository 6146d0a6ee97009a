// Compiled by test/tsc.test.js (strict, nodenext): the ESM types are usable and precise.
import { Linter, frontMatterSchema, renderDiagnostics, rules, specTypes, validate, version } from "speclint";
import type { Diagnostic, Options, Severity, SpecType, ValidateResult } from "speclint";

const options: Options = {
  rules: { FM006: "off", "unknown-section": "warning" },
  types: ["id: adr\nname: ADR\n", { path: "adr.yaml", text: "id: adr\nname: ADR\n" }, { id: "x", name: "X", fields: [{ name: "a", type: "enum", values: ["b"] }] }],
  columnEncoding: "utf16",
};
const r: ValidateResult = validate("---\nspec_type: database-schema\n---\n", options);
const first: Diagnostic | undefined = r.diagnostics[0];
const sev: Severity | undefined = first?.severity;
const line: number | undefined = first?.fix?.edits[0]?.line;
const source: "front-matter" | "explicit" | "default" | "detected" | null = r.typeSource;
const types: SpecType[] = specTypes();
const level: number | undefined = types[0]?.sections?.[0]?.level;
const enumValues: string[] | undefined = frontMatterSchema("database-schema").properties["status"]?.enum;
const codes: string[] = rules().map((m) => m.code);
const text: string = renderDiagnostics("json", [{ path: "a.md", text: "", diagnostics: r.diagnostics }], { color: false });
const linter = new Linter({ defaultType: "database-schema" });
const again: ValidateResult = linter.validate(new Uint8Array([45, 45, 45]), { path: "a.md" });
const cross: Diagnostic[][] = linter.crossCheck([{ path: "a.md", text: "" }], { specs: [] });
linter.free();
const v: string = version();

// @ts-expect-error: not a column encoding
validate("", { columnEncoding: "utf8" });
// @ts-expect-error: not a rule level
validate("", { rules: { FM006: "warn" } });
// @ts-expect-error: unknown option
validate("", { specTyp: "x" });
// @ts-expect-error: a severity is not any string
const bad: Severity = "fatal";

export { sev, line, source, level, enumValues, codes, text, again, cross, v, bad };
