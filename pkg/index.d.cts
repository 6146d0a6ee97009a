// Types of the npm package `speclint` (entries `speclint`, for require() and,
// through index.d.ts, for import; and `speclint/web`, through web.d.ts).
//
// Hand-written from the Rust types the binding serializes (src/wasm.rs and the
// core types it returns). They cannot drift: test/types.test.js parses the data
// types below and checks every real output against them, in both directions
// (no undeclared property, every declared property and literal seen), and
// test/tsc.test.js compiles test/types/*.ts against them in strict mode.
// Keep the data types in the subset that checker reads: interfaces, type
// aliases, unions, string literals, `T[]`, `Record<string, T>`.

/** How serious a diagnostic is. */
export type Severity = "info" | "warning" | "error";

/** A rule level in options and config: a severity, or `off`. */
export type Level = "off" | "info" | "warning" | "error";

/** Whether a fix may be applied without a human looking at it. */
export type Applicability = "safe" | "unsafe";

/**
 * How columns are counted: UTF-16 code units (what JS strings, CodeMirror,
 * Monaco and VS Code count; the default of the package) or Unicode scalar
 * values (what a terminal user counts; the native CLI's output).
 */
export type ColumnEncoding = "utf16" | "unicode";

/** How the spec type of a document was chosen. */
export type TypeSource = "front-matter" | "explicit" | "default" | "detected";

/** Replace `start..end` (byte offsets) with `text`. Lines and columns are 1-based. */
export interface Edit {
  /** Byte offset into the document's UTF-8 text. */
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

/** A set of edits that together repair one diagnostic. */
export interface Fix {
  applicability: Applicability;
  /** Short imperative title: "Replace `in-review` with `draft`". */
  title: string;
  edits: Edit[];
}

/** A secondary location ("first defined here"). */
export interface Related {
  /** Set when the location is in another document. */
  path?: string;
  /** 1-based; 0 when the location is in another document. */
  line: number;
  column: number;
  start: number;
  end: number;
  message: string;
}

/** One problem in a document: the shape of the native CLI's `--format json` too. */
export interface Diagnostic {
  /** Stable rule code, e.g. `FM008`. */
  code: string;
  /** Stable kebab-case rule name, e.g. `value-not-allowed`. */
  name: string;
  severity: Severity;
  message: string;
  /** The `path` given in the options. */
  path?: string;
  /** 1-based line. */
  line: number;
  /** 1-based column, in the options' `columnEncoding` (default UTF-16 code units). */
  column: number;
  endLine: number;
  endColumn: number;
  /** Byte offsets into the document's UTF-8 text. */
  start: number;
  end: number;
  /** What to do about it. */
  help?: string;
  fix?: Fix;
  related?: Related[];
}

/** What `validate` returns. */
export interface ValidateResult {
  /** Sorted by position. */
  diagnostics: Diagnostic[];
  /** The spec type the document was validated against, if any. */
  specType: string | null;
  typeSource: TypeSource | null;
  /** Whether the document declares a `spec_type` (tools walking a tree skip other Markdown files). */
  declaresSpecType: boolean;
}

/** The value type of a front matter field. */
export type FieldKind = "string" | "date" | "enum" | "list" | "boolean" | "number";

/** One front matter field of a spec type. */
export interface FieldSpec {
  name: string;
  type: FieldKind;
  required?: boolean;
  /** Allowed values of an `enum`, or allowed items of a `list`. */
  values?: string[];
  /**
   * Suggested values of a `string` or `list` field (e.g. example values of a
   * template): a value outside them is a warning (FM015), never an error.
   */
  suggested?: string[];
  /** The only value allowed. */
  const?: string;
  min_items?: number;
  max_items?: number;
  /** Whether a template placeholder may remain in the value. */
  placeholder_allowed?: boolean;
  description?: string;
}

/** A table column. */
export interface ColumnSpec {
  name: string;
  /** Stable key used in exports (default: the name in snake_case). */
  key?: string;
  aliases?: string[];
  required?: boolean;
}

/** A table a section must contain. */
export interface TableSpec {
  required?: boolean;
  columns: ColumnSpec[];
  /** Minimum number of body rows (default 1). */
  min_rows?: number;
  /** Rows the table must have, by their first cell (a template's skeleton rows). */
  rows?: string[];
}

/** How the heading of a repeated subsection is written. */
export type HeadingStyle = "any" | "code";

/** Repeated subsections inside a section (one per entity, endpoint, ...). */
export interface RepeatedSpec {
  /** What one entry is called in messages ("entity"). */
  name: string;
  level?: number;
  heading?: HeadingStyle;
  min?: number;
  table?: TableSpec;
  residue?: string[];
}

/** One section (a heading and its body). */
export interface SectionSpec {
  id: string;
  title: string;
  aliases?: string[];
  required?: boolean;
  level?: number;
  non_empty?: boolean;
  table?: TableSpec;
  entries?: RepeatedSpec;
  residue?: string[];
  /** Named subsections the section must have (`### Backend Services`). */
  subsections?: SubsectionSpec[];
}

/** A named subsection of a section. */
export interface SubsectionSpec {
  title: string;
  aliases?: string[];
  required?: boolean;
  table?: TableSpec;
}

export interface When {
  field: string;
  equals: string;
}

/** A reference satisfied by a non-empty front matter field or by a phrase in the body. */
export interface ReferenceSpec {
  what: string;
  fields?: string[];
  phrases?: string[];
}

export interface Then {
  no_placeholders?: boolean;
  no_empty_sections?: boolean;
  no_residue?: boolean;
  required_fields?: string[];
  reference?: ReferenceSpec;
}

/** `when` a front matter field has a value, `then` the body must satisfy more. */
export interface Condition {
  when: When;
  then: Then;
}

/** Domain-specific rule sets a spec type can enable. */
export type Semantics = "database-schema";

/**
 * A spec type definition: the same format as a spec type YAML file
 * (snake_case keys), documented in docs/spec-types.md.
 */
export interface SpecType {
  /** The value of `spec_type` in documents of this type (kebab-case). */
  id: string;
  /** Human name, e.g. "Database Schema Specification". */
  name: string;
  description?: string;
  fields?: FieldSpec[];
  sections?: SectionSpec[];
  conditions?: Condition[];
  semantics?: Semantics[];
  residue?: string[];
}

/** A spec type file's text with its path (the path names it in error messages). */
export interface TypeFile {
  path: string;
  text: string;
}

/** A custom spec type: YAML or JSON text, a file, or a definition object. */
export type TypeInput = string | TypeFile | SpecType;

/** Options of `validate`, `specTypes`, `frontMatterSchema` and `new Linter`. */
export interface Options {
  /** Validate as this spec type, whatever the document's `spec_type` says. */
  specType?: string;
  /** The spec type of documents without `spec_type`. */
  defaultType?: string;
  /** Custom spec types (a type with a built-in id replaces it; one with a template's id refines it). */
  types?: TypeInput[];
  /** Templates of a family: each defines the spec type named by its front matter `spec_type`. */
  templates?: TypeFile[];
  /** Rule levels by code (`FM006`) or name (`unknown-field`). */
  rules?: Record<string, Level>;
  /** How diagnostic columns are counted (default `utf16`). */
  columnEncoding?: ColumnEncoding;
  /** Set as `path` on every diagnostic. */
  path?: string;
  /**
   * Rule levels for the files matching some globs (`overrides` of a
   * `speclint.yaml`), applied by each validation's `path`.
   */
  overrides?: Override[];
}

/** Options of `Linter.prototype.validate` (they override the linter's). */
export interface ValidateOptions {
  path?: string;
  specType?: string;
}

/** Whether a rule can attach a fix. */
export type FixAvailability = "none" | "sometimes" | "always";

/** A rule or built-in diagnostic, as `speclint rules` lists it. */
export interface RuleMeta {
  code: string;
  name: string;
  /** The default severity. */
  severity: Severity;
  /**
   * `certain` when the text itself says what is wrong (errors by default);
   * `heuristic` when the finding rests on how speclint read the document
   * (warnings or info by default).
   */
  certainty: "certain" | "heuristic";
  fix: FixAvailability;
  summary: string;
}

/** Where cross-document checks look for the targets of references. */
export interface References {
  /** Globs of initiative documents: `related_initiatives` items must name one (by file stem). */
  initiatives: string[];
  /** Globs of spec documents: `superseded_by` and relative links to `.md` files must name one. */
  specs: string[];
}

/** A parsed config file (`speclint.yaml`): its keys as written there. */
export interface Config {
  rules: Record<string, Level>;
  /** Spec type files, relative to the config file. */
  types: string[];
  /** Globs of template files, relative to the config file: each defines the spec type of its `spec_type`. */
  templates: string[];
  include: string[];
  exclude: string[];
  default_type: string | null;
  references: References;
  /** Levels for some paths (relative to the config file); later entries win. */
  overrides: Override[];
}

/** Levels for the paths `files` matches (globs relative to the config file). */
export interface Override {
  files: string[];
  rules: Record<string, Level>;
}

/** The JSON Schema of one front matter field. */
export interface FieldSchema {
  type: "string" | "boolean" | "number" | "array";
  format?: "date";
  pattern?: string;
  enum?: string[];
  items?: FieldItemsSchema;
  minItems?: number;
  maxItems?: number;
  const?: string;
  description?: string;
}

export interface FieldItemsSchema {
  type: "string";
  enum?: string[];
}

/** The JSON Schema (draft 2020-12) of a spec type's front matter. */
export interface FrontMatterSchema {
  $schema: string;
  $id: string;
  title: string;
  type: "object";
  properties: Record<string, FieldSchema>;
  required: string[];
  additionalProperties: boolean;
}

/** One document for `Linter.exportJson`. */
export interface ExportFile {
  path: string;
  text: string;
  /**
   * Found by walking a folder or a glob (neither named nor in the config's
   * `include`): exported only when it declares `spec_type` (or `specType` is given).
   */
  walked?: boolean;
}

/** Options of `Linter.exportJson`. */
export interface ExportJsonOptions {
  /** Indent the JSON (`speclint export --pretty`). */
  pretty?: boolean;
  /** Read every document as this spec type. */
  specType?: string;
  /** Always an array of `{ path, document }`, even of one document (a folder or glob was given). */
  list?: boolean;
}

/** Output formats of `renderDiagnostics` (`text` is `pretty`). */
export type Format = "pretty" | "text" | "json" | "sarif" | "github";

/** One checked file for `renderDiagnostics`: diagnostics located with `columnEncoding: "unicode"`. */
export interface RenderFile {
  path: string;
  text: string;
  diagnostics: Diagnostic[];
}

export interface RenderOptions {
  /** ANSI colors (pretty format). */
  color?: boolean;
  /** One line per diagnostic instead of code frames (pretty format). */
  quiet?: boolean;
  /** Walked Markdown files skipped for lack of `spec_type` (named in the summary line). */
  skipped?: number;
}

/** One document given to `Linter.prototype.crossCheck`. */
export interface CrossDocument {
  /** `/`-separated; relative links resolve from it, and messages name it. */
  path: string;
  text: string;
  /** The path set on the diagnostics (default: `path`). */
  displayPath?: string;
}

/** What cross-document checks know about the world outside the documents. */
export interface CrossCheckOptions {
  /** Known initiative ids; without it, `related_initiatives` is not checked. */
  initiatives?: string[];
  /** Paths of every known spec document; without it, `superseded_by` and links are not checked. */
  specs?: string[];
}

/** Options of `normalize`: what it may do beyond safe fixes and formatting. */
export interface NormalizeOptions {
  /** Also apply fixes labelled unsafe. */
  unsafeFixes?: boolean;
  /** Move sections into the spec type's order (unsafe). */
  reorderSections?: boolean;
  /** Insert missing required sections as stubs (unsafe). */
  insertMissingSections?: boolean;
  /** Normalize as this spec type instead of the document's `spec_type`. */
  specType?: string;
}

/** A fix the normalizer applied. */
export interface AppliedFix {
  code: string;
  title: string;
  applicability: Applicability;
  /** The texts the fix's edits replaced. */
  removed: string[];
}

/** What `normalize` returns. */
export interface NormalizeResult {
  /** The normalized text. */
  text: string;
  /** Whether `text` differs from the input. */
  changed: boolean;
  /** The fixes applied, in order. */
  fixes: AppliedFix[];
  /** The diagnostics of the normalized text. */
  diagnostics: Diagnostic[];
}

/** Any JSON value (front matter values). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A 1-based, inclusive line range. */
export interface Lines {
  start: number;
  end: number;
}

/** Text with its lines. */
export interface Block {
  markdown: string;
  lines: Lines;
}

/** How a heading relates to the spec type. */
export type SectionRole = "document-title" | "section" | "near-miss" | "wrong-level" | "duplicate" | "entry" | "subsection" | "unknown";

/** One section of an exported document (a flat list; `parent` indexes it). */
export interface SectionData {
  title: string;
  id: string | null;
  role: SectionRole | null;
  level: number;
  parent: number | null;
  lines: Lines;
  markdown: string;
}

/** One table of an exported document: records keyed by canonical column keys when mapped. */
export interface TableData {
  section: string | null;
  sectionIndex: number | null;
  entity: string | null;
  mapped: boolean;
  lines: Lines;
  headers: string[];
  columns: string[];
  rows: Record<string, string | null>[];
  rowLines: Lines[];
}

/** One column of an entity. */
export interface ColumnData {
  name: string;
  type: string;
  nullable: boolean | null;
  default: string | null;
  constraints: string;
  lines: Lines;
}

/** Where a primary key is declared. */
/**
 * Where a key is declared: a cell of the column table, a line of the body
 * ("Primary key: `id`"), DDL or a Prisma model in a code block, or the
 * engine's own key (`_id`).
 */
export type KeySource = "constraints" | "body" | "ddl" | "engine";

/** What identifies the rows: a primary key or what stands for one. */
export type KeyKind = "primary" | "partition" | "sort" | "clustering" | "order-by" | "cluster-by" | "logical" | "unique" | "identity" | "foreign";

export interface PrimaryKeyData {
  columns: string[];
  source: KeySource;
  kind: KeyKind;
  lines: Lines;
}

export interface ForeignKeyTarget {
  entity: string;
  columns: string[];
}

export interface ForeignKeyData {
  column: string;
  references: ForeignKeyTarget;
  lines: Lines;
}

export interface IndexData {
  name: string | null;
  columns: string[];
  method: string | null;
  unique: boolean;
  text: string;
  lines: Lines;
}

/** One entity (table) of a database schema spec. */
export interface EntityData {
  name: string;
  sectionIndex: number;
  lines: Lines;
  description: string | null;
  columns: ColumnData[];
  primaryKey: PrimaryKeyData | null;
  foreignKeys: ForeignKeyData[];
  indexes: IndexData[];
}

/** Diagnostic counts of an exported document. */
export interface DiagnosticCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/** A document as data (`exportSpec`; the JSON Schema is docs/spec-document.schema.json). */
export interface SpecDocument {
  formatVersion: number;
  specType: string | null;
  typeSource: TypeSource | null;
  title: string | null;
  frontMatter: Record<string, JsonValue> | null;
  frontMatterLines: Lines | null;
  fieldLines: Record<string, Lines> | null;
  preamble: Block | null;
  sections: SectionData[];
  tables: TableData[];
  entities: EntityData[] | null;
  diagnostics: DiagnosticCounts;
}

// ---- functions (not read by the data type checker) ----

/**
 * Validates one document (Markdown with YAML front matter): a string, or a
 * file's bytes (invalid UTF-8 is then reported as `IO001` and decoded
 * lossily). Throws an `Error` with a clear message on bad options or a bad
 * custom spec type; a bad document gives diagnostics, never an exception,
 * except one over the input limit (`inputLimit()`, 16 MiB), refused with an
 * `Error` before it is copied into WebAssembly.
 */
export function validate(text: string | Uint8Array, options?: Options): ValidateResult;

/** The known spec types: built-in plus `options.types`. */
export function specTypes(options?: Options): SpecType[];

/** The JSON Schema of a spec type's front matter (for editors). Throws on an unknown type. */
export function frontMatterSchema(specType: string, options?: Options): FrontMatterSchema;

/**
 * Normalizes one document: the rules' safe fixes (unsafe ones with
 * `unsafeFixes`) and canonical formatting; idempotent and lossless.
 */
export function normalize(text: string, options?: Options & NormalizeOptions): NormalizeResult;

/** Exports one document as data. */
export function exportSpec(text: string, options?: Options): SpecDocument;

/** Derives a spec type from a template document; throws when the template has no sections. */
export function deriveSpecType(templateText: string): SpecType;

/** Every rule and built-in diagnostic, in code order. */
export function rules(): RuleMeta[];

/** Parses the text of a config file (`speclint.yaml`). Throws on unknown keys or bad values. */
export function parseConfig(text: string): Config;

/**
 * What `speclint check --format <format>` prints for these files, byte for
 * byte as the native CLI (it is the same code).
 */
export function renderDiagnostics(format: Format, files: RenderFile[], options?: RenderOptions): string;

/**
 * What `speclint fmt --check`/`--diff` prints for one changed document: a
 * unified diff (3 lines of context) with `a/<path>` and `b/<path>` headers;
 * `""` when the texts are equal.
 */
export function unifiedDiff(path: string, oldText: string, newText: string): string;

/**
 * The input limit in bytes (16 MiB). A document (string or bytes) longer than
 * this is refused by every function with an `Error` naming the limit, before
 * it is copied into WebAssembly (the native CLI reports such a file as
 * `LM001` input-too-large).
 */
export function inputLimit(): number;

/** The version of speclint. */
export function version(): string;

/**
 * A configured validator: custom spec types are parsed and rule levels
 * resolved once, then used for many documents.
 */
export class Linter {
  constructor(options?: Options);
  /** Validates one document (string or bytes); `options` override the linter's `path` and `specType`. */
  validate(text: string | Uint8Array, options?: ValidateOptions): ValidateResult;
  /**
   * The cross-document diagnostics (`XD`: duplicate titles, entities defined
   * twice, unresolved references) of a set of documents, one list per document.
   */
  crossCheck(documents: CrossDocument[], options?: CrossCheckOptions): Diagnostic[][];
  /** Normalizes one document (see `normalize`). */
  normalize(text: string, options?: NormalizeOptions): NormalizeResult;
  /** Exports one document as data; `options.specType` forces a spec type. */
  exportSpec(text: string, options?: ValidateOptions): SpecDocument;
  /**
   * What `speclint export` prints for these documents, byte for byte: one
   * document's `SpecDocument`, or for several `[{ path, document }]`, as JSON
   * (indented with `pretty`) and a final newline.
   */
  exportJson(documents: ExportFile[], options?: ExportJsonOptions): string;
  /** The spec types this linter knows. */
  specTypes(): SpecType[];
  /** One spec type's definition; throws an `Error` naming the known ids when unknown. */
  specType(id: string): SpecType;
  /** The JSON Schema of a spec type's front matter. */
  frontMatterSchema(specType: string): FrontMatterSchema;
  /** Releases the linter's memory in the WebAssembly instance (also done when it is collected). */
  free(): void;
}

/** Options of `new Workspace`: what the host read. */
export interface WorkspaceOptions {
  /** The config file's text (`speclint.yaml`); none: the defaults. */
  config?: string;
  /** Where the config was read from (named in messages). */
  configPath?: string;
  /** The spec type files the host read: the config's `types`, then the user's. */
  types?: TypeFile[];
  /** Read every document as this spec type. */
  specType?: string;
  /** Template globs given on the command line, relative to `cwd` (added to the config's `templates`). */
  templates?: string[];
  /** The working directory (absolute), for `templates`. */
  cwd?: string;
  /** The config's folder (absolute), for `templates`. */
  root?: string;
}

/** A template file the host read for `Workspace.templateGlobs()`. */
export interface TemplateSource {
  /** As shown to the user. */
  path: string;
  /** Relative to the config's folder, `/`-separated. */
  rel: string;
  text: string;
}

/** What `speclint templates` prints. */
export interface TemplatesResult {
  output: string;
  /** 1 when `check` found drift, 0 otherwise. */
  exitCode: number;
}

/** How a file is treated: named by the user, matched by `include`. */
export interface Selected {
  named: boolean;
  included: boolean;
}

/** The config's `references` globs (`null` when none). */
export interface ReferenceGlobs {
  initiatives: string[] | null;
  specs: string[] | null;
}

/** Options of `Workspace.finish`. */
export interface FinishOptions {
  /** Shown paths of the initiative documents the walk found (`referenceGlobs().initiatives`). */
  initiatives?: string[] | null;
  /** Shown paths of the spec documents the walk found (`referenceGlobs().specs`). */
  specs?: string[] | null;
  format?: Format;
  color?: boolean;
  quiet?: boolean;
}

/** One file of a finished run. */
export interface FinishedFile {
  path: string;
  diagnostics: Diagnostic[];
}

/** What a run found, rendered as `speclint check` prints it. */
export interface FinishResult {
  output: string;
  /** 2 when a file could not be read, 1 on errors, 0 otherwise. */
  exitCode: number;
  errors: number;
  warnings: number;
  infos: number;
  files: FinishedFile[];
}

/** The kind of a folder entry. */
export type EntryKind = "file" | "dir" | "symlink" | "other";

/** What a walk does with a folder entry. */
export type Visit = "enter" | "file" | "skip";

/**
 * The run policy of `speclint check` (Node hosts: `npx speclint`, plugins):
 * the host lists folders and reads files; the core decides which entries a
 * walk enters, which files are checked, validates each once, runs the
 * cross-document checks and renders the output. One run per workspace.
 */
export class Workspace {
  constructor(options?: WorkspaceOptions);
  /** A `Linter` with this workspace's spec types and levels. */
  linter(): Linter;
  /** Adds the texts of folder `dir`'s ignore files (absolute path); returns the mark for `leave`. */
  enter(dir: string, ignoreTexts: string[]): number;
  /** Drops the ignore rules added since `mark`. */
  leave(mark: number): void;
  /** What a walk does with entry `name` of folder `dir`. */
  visit(dir: string, name: string, kind: EntryKind): Visit;
  /** Whether the file at `rel` (relative to the config's folder) is checked, and how. */
  select(rel: string, named: boolean): Selected | null;
  /** Whether a command-line glob matches a walked path; throws on an invalid glob. */
  matchGlob(pattern: string, path: string): boolean;
  /** The config's `references` globs. */
  referenceGlobs(): ReferenceGlobs;
  /** Which reference lists the file at `rel` belongs to: `[initiative, spec]`. */
  referenceMatches(rel: string): boolean[];
  /** `--only-specs`: files the user names are selected as a walk selects them. */
  setOnlySpecs(on: boolean): void;
  /** `--fail-on`: which findings make `finish()`'s exit code 1 (default `"error"`). */
  setFailOn(level: "error" | "warning" | "never"): void;
  /** The template globs (config `templates` and `--templates`), or `null`. */
  templateGlobs(): string[] | null;
  /** Whether the file at `rel` (relative to the config's folder) is a template of the family. */
  templateMatches(rel: string): boolean;
  /** Derives the spec types of the template files read for `templateGlobs()`; once, before `add`. Throws when a glob matches none or a template derives no type. */
  addTemplates(templates: TemplateSource[]): void;
  /** What `speclint templates [--json] [--check]` prints. */
  renderTemplates(json?: boolean, check?: boolean): TemplatesResult;
  /** Validates a selected file's bytes once; `false` when it is not a spec document. */
  add(shown: string, rel: string, bytes: Uint8Array, named: boolean, included: boolean): boolean;
  /** A file or folder that could not be read (`IO002`); the run goes on. */
  unreadable(shown: string, rel: string | null, message: string): void;
  /** Adds the cross-document findings and renders the output. */
  finish(options?: FinishOptions): FinishResult;
  /** Releases the workspace's memory in the WebAssembly instance. */
  free(): void;
}
