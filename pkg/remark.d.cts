// Types of `speclint/remark` for require() (remark.cjs); remark.d.ts re-exports
// them for import. The options' value types are the package's (index.d.cts).
import type { Config, Level, References, TypeInput } from "./index.cjs";

/**
 * The unified plugin: validates the file's whole source (`file.value`, front
 * matter included) and adds one vfile message per diagnostic, with `ruleId`
 * (the code, e.g. `FM008`), `source: "speclint"`, `place` (1-based lines,
 * columns in UTF-16 code units, UTF-16 offsets), `note` (the help) and
 * `fatal` (`true` error, `false` warning, `undefined` info). Files that do
 * not declare `spec_type` are skipped unless `options.specType` is set.
 * Throws an `Error` with a clear message on bad options.
 */
declare function remarkSpeclint(options?: remarkSpeclint.Options | null): remarkSpeclint.Transformer;

declare namespace remarkSpeclint {
  /** A `speclint.yaml` as an object: any of its keys. */
  interface ConfigObject {
    rules?: Config["rules"];
    /** Spec type files, relative to the working directory. */
    types?: string[];
    /** Globs of template files, relative to the working directory. */
    templates?: string[];
    include?: string[];
    exclude?: string[];
    default_type?: string | null;
    references?: Partial<References>;
  }

  interface Options {
    /**
     * Also call `file.fail` (which throws) when there are diagnostics of this
     * severity or worse: one message listing them all as
     * `path:line:col code message`. Needed where plain messages are dropped,
     * as in Docusaurus. Default `false`.
     */
    fatal?: "error" | "warning" | false;
    /** Custom spec types: YAML or JSON text, `{ path, text }`, or definition objects. */
    types?: TypeInput[];
    /** Globs of template files (relative to the working directory), besides the config's `templates`. */
    templates?: string[];
    /** Rule levels by code or name; they override the config's. */
    rules?: Record<string, Level>;
    /** Validate every file as this spec type (files without `spec_type` too). */
    specType?: string;
    /** The text of a `speclint.yaml`, or its keys as an object. */
    config?: string | ConfigObject;
  }

  /** A place in the file, as unist and vfile count it. */
  interface Point {
    line: number;
    column: number;
    offset: number;
  }

  interface Place {
    start: Point;
    end: Point;
  }

  interface MessageOptions {
    place: Place;
    ruleId: string;
    source: string;
  }

  /** What the plugin sets on the messages it adds (a `VFileMessage` fits). */
  interface Message {
    fatal?: boolean | null | undefined;
    note?: string | undefined;
  }

  /** What the plugin needs of the file (a `VFile` fits). */
  interface File {
    value: string | Uint8Array;
    path?: string;
    cwd: string;
    message(reason: string, options: MessageOptions): Message;
    fail(reason: string, options: MessageOptions): never;
  }

  type Transformer = (tree: unknown, file: File) => undefined;

}

export = remarkSpeclint;
