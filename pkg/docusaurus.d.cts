// Types of `speclint/docusaurus` (docusaurus.cjs), the Docusaurus 3 plugin.
import type { Diagnostic } from "./index.cjs";

/**
 * The Docusaurus plugin: validates every spec document the `include` globs
 * select on every build (`loadContent`), prints all problems as
 * `path:line:col code message`, and fails the build per `failOn`.
 */
declare function pluginSpeclint(
  context: pluginSpeclint.Context,
  options?: pluginSpeclint.Options,
): Promise<pluginSpeclint.Plugin>;

declare namespace pluginSpeclint {
  /** The options in `docusaurus.config.js`. */
  interface Options {
    /** Docusaurus's plugin instance id (default `"default"`). */
    id?: string;
    /** Globs of the files to check, relative to the site directory (default `["docs/**\/*.md{,x}"]`). */
    include?: string | string[];
    /** Globs of files not to check. */
    exclude?: string | string[];
    /** Fail the build on errors (default), on warnings too, or never. */
    failOn?: "error" | "warning" | "never";
    /** Custom spec type files (YAML or JSON), relative to the site directory. */
    types?: string[];
    /** Globs of template files, relative to the site directory, besides the config's `templates`. */
    templates?: string | string[];
    /** Path of the speclint.yaml (default: `speclint.yaml` or `.speclint.yaml` found from the site directory upward). */
    config?: string | undefined;
  }

  /** The options after `validateOptions`. */
  interface NormalizedOptions {
    id: string;
    include: string[];
    exclude: string[];
    failOn: "error" | "warning" | "never";
    types: string[];
    templates: string[];
    config: string | undefined;
  }

  /** What the plugin reads of Docusaurus's context. */
  interface Context {
    siteDir: string;
  }

  /** One checked spec document. */
  interface CheckedDocument {
    /** Relative to the site directory, `/`-separated. */
    path: string;
    /** Columns count Unicode scalar values, as `speclint check` prints them. */
    diagnostics: Diagnostic[];
  }

  /** The plugin's content (what `loadContent` resolves to). */
  interface Content {
    documents: CheckedDocument[];
  }

  interface Plugin {
    name: string;
    loadContent(): Promise<Content>;
    getPathsToWatch(): string[];
  }

  /** Checks the options and fills in the defaults; throws an `Error` with a clear message. */
  function validateOptions(args: { options?: Options | null; validate?: unknown }): NormalizedOptions;

}

export = pluginSpeclint;
