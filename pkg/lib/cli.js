// `npx speclint`: the native CLI's `check`, `fmt`, `export`, `types`, `schema` and `rules` on
// top of the WebAssembly build, with the same flags, file selection, config
// discovery, output (rendered by the core: src/report) and exit codes (0 no
// errors, 1 errors found, 2 usage or I/O error). Mirrors src/cli/; what is
// decided here is only what the native CLI decides in src/cli/ too.
import { randomBytes } from "node:crypto";
import { chmodSync, closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { Linter, parseConfig, renderDiagnostics, rules, unifiedDiff, version } from "../index.js";
import { collect, ioMessage, joinPath, stripPrefix } from "./files.js";

const FORMATS = ["pretty", "json", "sarif", "github"];
const COLORS = ["auto", "always", "never"];
const CONFIG_OPTIONS = {
  config: { value: "FILE", help: "Config file (default: `speclint.yaml` or `.speclint.yaml` found upward)" },
  types: { value: "FILE", repeat: true, help: "Extra spec type file (YAML or JSON); repeatable" },
};

const COMMANDS = {
  check: {
    about: "Check spec documents (files, directories or globs; default `.`)",
    positional: { name: "paths", label: "[PATH]...", many: true },
    options: {
      format: { short: "f", value: "FORMAT", values: FORMATS, default: "pretty", help: "Output format" },
      type: { value: "ID", key: "specType", help: "Validate every document as this spec type" },
      color: { value: "WHEN", values: COLORS, default: "auto", help: "Colors in pretty output" },
      quiet: { short: "q", help: "One line per diagnostic, no code frames" },
      ...CONFIG_OPTIONS,
    },
  },
  fmt: {
    about: "Normalize documents: safe fixes and canonical formatting (prints, checks, diffs or writes)",
    positional: { name: "paths", label: "[PATH]...", many: true },
    options: {
      check: { help: "Exit 1 and print a diff when a document would change", conflicts: ["write"] },
      diff: { help: "Print a unified diff of what would change (exit 1 when something would)", conflicts: ["write"] },
      write: { help: "Rewrite changed files in place (atomically; unchanged files are not touched)" },
      "unsafe-fixes": { key: "unsafeFixes", help: "Also apply fixes labelled unsafe" },
      "reorder-sections": { key: "reorderSections", help: "Move sections into the spec type's order (unsafe)" },
      "insert-missing-sections": { key: "insertMissingSections", help: "Insert missing required sections as stubs (unsafe)" },
      type: { value: "ID", key: "specType", help: "Normalize every document as this spec type" },
      ...CONFIG_OPTIONS,
    },
  },
  export: {
    about: "Print documents as data: front matter, sections, tables, entities (JSON)",
    positional: { name: "files", label: "<FILE>...", many: true, required: true },
    options: {
      pretty: { help: "Indent the JSON" },
      type: { value: "ID", key: "specType", help: "Read every document as this spec type" },
      ...CONFIG_OPTIONS,
    },
  },
  types: {
    about: "List the known spec types",
    options: { json: { help: "Print JSON instead of a table" }, ...CONFIG_OPTIONS },
  },
  schema: {
    about: "Print the JSON Schema of a spec type's front matter (for editors)",
    positional: { name: "specType", label: "<SPEC_TYPE>", required: true },
    options: { ...CONFIG_OPTIONS },
  },
  rules: {
    about: "List every rule with its code, name, default severity and fix availability",
    options: { json: { help: "Print JSON instead of a table" } },
  },
};

class UsageError extends Error {}

/** Runs the CLI; returns the exit code. */
export function main(argv, out = process.stdout, err = process.stderr) {
  let cmd;
  let args;
  try {
    [cmd, args] = parse(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err.write(e.message);
    return 2;
  }
  if (cmd === "help" || cmd === "version") {
    out.write(args);
    return 0;
  }
  try {
    return COMMAND_RUN[cmd](args, out, err);
  } catch (e) {
    err.write(`speclint: error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

// ---- arguments (clap's syntax: --long value, --long=value, -s value, -svalue, -qf value, --) ----

function usage(cmd) {
  const c = COMMANDS[cmd];
  return c
    ? `speclint ${cmd} [OPTIONS]${c.positional ? ` ${c.positional.label}` : ""}`
    : "speclint <COMMAND>";
}

function fail(cmd, message) {
  throw new UsageError(
    `error: ${message}\n\nUsage: ${usage(cmd)}\n\nFor more information, try '--help'.\n`,
  );
}

function help(cmd) {
  if (!cmd) {
    const cmds = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(8)}${c.about}`);
    return `Validate, normalize and export spec documents\n\nUsage: speclint <COMMAND>\n\nCommands:\n${cmds.join("\n")}\n\nOptions:\n  -h, --help     Print help\n  -V, --version  Print version\n`;
  }
  const c = COMMANDS[cmd];
  const opts = Object.entries(c.options).map(([n, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : "    "}--${n}${o.value ? ` <${o.value}>` : ""}`;
    const extra = o.values ? ` [possible values: ${o.values.join(", ")}]` : "";
    return `  ${flag.padEnd(24)}${o.help}${extra}`;
  });
  opts.push(`  ${"-h, --help".padEnd(24)}Print help`, `  ${"-V, --version".padEnd(24)}Print version`);
  return `${c.about}\n\nUsage: ${usage(cmd)}\n\nOptions:\n${opts.join("\n")}\n`;
}

function parse(argv) {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError(help(null));
  if (first === "-h" || first === "--help" || first === "help") {
    return ["help", help(rest[0] && COMMANDS[rest[0]] ? rest[0] : null)];
  }
  if (first === "-V" || first === "--version") return ["version", `speclint ${version()}\n`];
  const spec = COMMANDS[first];
  if (!spec) fail(null, `unrecognized subcommand '${first}'`);
  const args = { positional: [] };
  for (const [name, o] of Object.entries(spec.options)) {
    const key = o.key || name;
    args[key] = o.repeat ? [] : o.value ? o.default : false;
  }
  const seen = new Set();
  const set = (name, o, value) => {
    const key = o.key || name;
    const label = `--${name}${o.value ? ` <${o.value}>` : ""}`;
    if (!o.value) {
      if (seen.has(name)) fail(first, `the argument '${label}' cannot be used multiple times`);
      seen.add(name);
      args[key] = true;
      return;
    }
    if (value === undefined) fail(first, `a value is required for '${label}' but none was supplied`);
    if (o.values && !o.values.includes(value)) {
      fail(first, `invalid value '${value}' for '${label}'\n  [possible values: ${o.values.join(", ")}]`);
    }
    if (o.repeat) {
      args[key].push(value);
      return;
    }
    if (seen.has(name)) fail(first, `the argument '${label}' cannot be used multiple times`);
    seen.add(name);
    args[key] = value;
  };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === "--") {
      args.positional.push(...rest.slice(i + 1));
      break;
    }
    if (a === "-h" || a === "--help") return ["help", help(first)];
    if (a === "-V" || a === "--version") return ["version", `speclint ${version()}\n`];
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const o = spec.options[name];
      if (!o) fail(first, `unexpected argument '${eq < 0 ? a : a.slice(0, eq)}' found`);
      if (!o.value && eq >= 0) fail(first, `unexpected value '${a.slice(eq + 1)}' for '--${name}' found; no more were expected`);
      set(name, o, eq >= 0 ? a.slice(eq + 1) : o.value ? rest[++i] : undefined);
    } else if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const entry = Object.entries(spec.options).find(([, o]) => o.short === a[j]);
        if (!entry) fail(first, `unexpected argument '-${a[j]}' found`);
        const [name, o] = entry;
        if (!o.value) {
          set(name, o);
          continue;
        }
        const inline = a.slice(j + 1).replace(/^=/, "");
        set(name, o, inline !== "" ? inline : rest[++i]);
        break;
      }
    } else {
      args.positional.push(a);
    }
  }
  for (const [name, o] of Object.entries(spec.options)) {
    for (const other of o.conflicts ?? []) {
      if (seen.has(name) && seen.has(other)) fail(first, `the argument '--${name}' cannot be used with '--${other}'`);
    }
  }
  const p = spec.positional;
  if (!p && args.positional.length) fail(first, `unexpected argument '${args.positional[0]}' found`);
  if (p && !p.many && args.positional.length > 1) fail(first, `unexpected argument '${args.positional[1]}' found`);
  if (p?.required && !args.positional.length) {
    fail(first, `the following required arguments were not provided:\n  ${p.label}`);
  }
  if (p) args[p.name] = p.many ? args.positional : args.positional[0];
  return [first, args];
}

// ---- settings (src/cli/settings.rs) ----

const CONFIG_NAMES = ["speclint.yaml", ".speclint.yaml"];

function isFile(p) {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function discover(start) {
  for (let dir = start; ; ) {
    for (const n of CONFIG_NAMES) {
      const p = joinPath(dir, n);
      if (isFile(p)) return p;
    }
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** Rust `Path::parent`, or "" for a bare file name. */
function parentOf(p) {
  const trimmed = p.replace(/\/+$/, "");
  const i = trimmed.lastIndexOf("/");
  if (i < 0) return "";
  return i === 0 ? "/" : trimmed.slice(0, i);
}

function read(path, what) {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new Error(`cannot read ${what}\`${path}\`: ${ioMessage(e)}`);
  }
}

function loadSettings(args) {
  const cwd = process.cwd();
  const path = args.config ?? discover(cwd);
  let config;
  let root = cwd;
  if (path !== null) {
    const text = read(path, "config ");
    try {
      config = parseConfig(text);
    } catch (e) {
      throw new Error(`config \`${path}\`: ${e.message}`);
    }
    root = parentOf(path) || cwd;
  } else {
    config = parseConfig("");
  }
  const typeFiles = [...config.types.map((t) => joinPath(root, t)), ...args.types];
  const types = typeFiles.map((f) => ({ path: f, text: read(f, "spec type ") }));
  let linter;
  try {
    linter = new Linter({
      rules: config.rules,
      defaultType: config.default_type ?? undefined,
      types,
      columnEncoding: "unicode",
    });
  } catch (e) {
    throw new Error(path !== null && !e.message.startsWith("spec type") ? `config \`${path}\`: ${e.message}` : e.message);
  }
  return { config, root, linter };
}

// ---- commands ----

const COMMAND_RUN = { check, fmt, export: exportDocs, types, schema, rules: listRules };

function check(a, out) {
  const s = loadSettings(a);
  if (a.specType !== undefined) s.linter.specType(a.specType); // throws "unknown spec type" like the native CLI
  const targets = collect(a.paths, s.root, s.config.include, s.config.exclude);
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const checked = [];
  let skipped = 0;
  for (const t of targets) {
    let bytes;
    try {
      bytes = readFileSync(t.path);
    } catch (e) {
      throw new Error(`cannot read \`${t.path}\`: ${ioMessage(e)}`);
    }
    const r = s.linter.validate(bytes, { path: t.path, specType: a.specType });
    if (!(t.explicit || t.included || r.declaresSpecType || a.specType !== undefined)) {
      skipped++;
      continue;
    }
    checked.push({ path: t.path, text: decoder.decode(bytes), diagnostics: r.diagnostics });
  }
  crossCheck(s, checked);
  const color =
    a.color === "always" || (a.color === "auto" && out.isTTY === true && process.env.NO_COLOR === undefined);
  out.write(renderDiagnostics(a.format, checked, { color, quiet: a.quiet, skipped }));
  const errors = checked.some((c) => c.diagnostics.some((d) => d.severity === "error"));
  return errors ? 1 : 0;
}

/** A path with `/` separators and no leading `./`. */
function slash(p) {
  const s = p.replaceAll("\\", "/");
  return s.startsWith("./") ? s.slice(2) : s;
}

/** The cross-document checks (`XD`) of all checked files, as src/cli/check.rs runs them. */
function crossCheck(s, checked) {
  const refs = s.config.references;
  const cwd = process.cwd();
  const found = (globs) => {
    if (!globs.length) return undefined;
    return collect([s.root], s.root, globs, []).map((t) => slash(stripPrefix(t.path, cwd) ?? t.path));
  };
  const stem = (p) => {
    let name = p.split("/").pop();
    while (name.endsWith(".md")) name = name.slice(0, -3);
    return name;
  };
  const initiatives = found(refs.initiatives)?.map(stem);
  const specs = found(refs.specs ?? []);
  const docs = checked.map((c) => ({ path: slash(c.path), text: c.text, displayPath: c.path }));
  const extra = s.linter.crossCheck(docs, { initiatives, specs });
  checked.forEach((c, i) => {
    if (extra[i].length) {
      c.diagnostics.push(...extra[i]);
      c.diagnostics.sort((x, y) => x.start - y.start || x.end - y.end);
    }
  });
}

/** A file's text as Rust's `String::from_utf8_lossy` decodes it (a BOM is kept). */
const lossy = new TextDecoder("utf-8", { ignoreBOM: true });

/** The offset of the first invalid UTF-8 byte of `bytes` (decoded as `text`), or null. */
function invalidUtf8(bytes, text) {
  let offset = 0;
  for (let from = 0; ; ) {
    const i = text.indexOf("\uFFFD", from);
    if (i < 0) return null;
    offset += Buffer.byteLength(text.slice(from, i));
    // A U+FFFD that was in the file is valid; one that replaced bad bytes is not.
    if (bytes[offset] !== 0xef || bytes[offset + 1] !== 0xbf || bytes[offset + 2] !== 0xbd) return offset;
    offset += 3;
    from = i + 1;
  }
}

function readFile(path) {
  let bytes;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new Error(`cannot read \`${path}\`: ${ioMessage(e)}`);
  }
  const text = lossy.decode(bytes);
  return { bytes, text, invalidUtf8: invalidUtf8(bytes, text) };
}

/** src/cli/fmt.rs */
function fmt(a, out, err) {
  const s = loadSettings(a);
  if (a.specType !== undefined) s.linter.specType(a.specType); // throws "unknown spec type" like the native CLI
  const opts = {
    unsafeFixes: a.unsafeFixes,
    reorderSections: a.reorderSections,
    insertMissingSections: a.insertMissingSections,
    specType: a.specType,
  };
  if (a.paths.length === 1 && a.paths[0] === "-") {
    let text;
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(readFileSync(0));
    } catch (e) {
      throw new Error(`cannot read standard input: ${e instanceof TypeError ? "stream did not contain valid UTF-8" : ioMessage(e)}`);
    }
    const n = s.linter.normalize(text, opts);
    if (a.check || a.diff) {
      if (n.changed) {
        out.write(unifiedDiff("-", text, n.text));
        return 1;
      }
      return 0;
    }
    out.write(n.text);
    return 0;
  }
  const targets = collect(a.paths, s.root, s.config.include, s.config.exclude);
  const printMode = !(a.write || a.check || a.diff);
  if (printMode && targets.length !== 1) {
    throw new Error("give one file to print its normalized text, or use --write, --check or --diff");
  }
  let changed = 0;
  let unchanged = 0;
  let failed = 0;
  for (const t of targets) {
    let outcome;
    try {
      outcome = fmtOne(s, a, opts, t);
    } catch (e) {
      failed++;
      err.write(`speclint: error: ${e instanceof Error ? e.message : String(e)}\n`);
      continue;
    }
    if (outcome.changed) {
      changed++;
      if (printMode) out.write(outcome.normalized);
      else if (a.check || a.diff) out.write(unifiedDiff(t.path, outcome.original, outcome.normalized));
    } else {
      unchanged++;
      if (printMode) out.write(readFile(t.path).text);
    }
  }
  if (!printMode) {
    const verb = a.write ? "reformatted" : "would be reformatted";
    const failures = failed > 0 ? `, ${failed} failed` : "";
    err.write(`${changed} file${changed === 1 ? "" : "s"} ${verb}, ${unchanged} unchanged${failures}\n`);
  }
  return failed > 0 ? 2 : changed > 0 && (a.check || a.diff) ? 1 : 0;
}

/** One file of `fmt`: `{ changed, original, normalized }`; throws the message of a failure. */
function fmtOne(s, a, opts, t) {
  const src = readFile(t.path);
  if (src.invalidUtf8 !== null) {
    throw new Error(`\`${t.path}\` is not valid UTF-8 (invalid byte at offset ${src.invalidUtf8}); not formatting it`);
  }
  const r = s.linter.validate(src.text, { specType: a.specType });
  if (!(t.explicit || t.included || r.declaresSpecType || a.specType !== undefined)) return { changed: false };
  const n = s.linter.normalize(src.text, opts);
  if (!n.changed) return { changed: false };
  if (a.write) writeAtomic(t.path, src.bytes, n.text);
  return { changed: true, original: src.text, normalized: n.text };
}

/**
 * Replaces `path`'s content with `text` atomically, keeping its permissions:
 * a temporary file in the same directory, renamed over it. Fails (leaving the
 * file as it was) when the file no longer holds `expected` (src/cli/fmt.rs).
 */
export function writeAtomic(path, expected, text) {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    throw new Error(`cannot read \`${path}\`: ${ioMessage(e)}`);
  }
  if ((st.mode & 0o222) === 0) throw new Error(`\`${path}\` is read-only; not writing it`);
  const tmp = joinPath(parentOf(path) || ".", `.speclint-${randomBytes(6).toString("hex")}.tmp`);
  let fd;
  try {
    fd = openSync(tmp, "wx", 0o600);
  } catch (e) {
    throw new Error(`cannot create a temporary file next to \`${path}\`: ${ioMessage(e)}`);
  }
  let renamed = false;
  try {
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } catch (e) {
      throw new Error(`cannot write \`${path}\`: ${ioMessage(e)}`);
    } finally {
      closeSync(fd);
    }
    try {
      chmodSync(tmp, st.mode & 0o7777);
    } catch (e) {
      throw new Error(`cannot set permissions of \`${path}\`: ${ioMessage(e)}`);
    }
    let now;
    try {
      now = readFileSync(path);
    } catch (e) {
      throw new Error(`cannot read \`${path}\`: ${ioMessage(e)}`);
    }
    if (!now.equals(expected)) throw new Error(`\`${path}\` changed while it was being formatted; not writing it`);
    try {
      renameSync(tmp, path);
      renamed = true;
    } catch (e) {
      throw new Error(`cannot replace \`${path}\`: ${ioMessage(e)}`);
    }
  } finally {
    if (!renamed) {
      try {
        unlinkSync(tmp);
      } catch {
        // already gone
      }
    }
  }
}

/** src/cli/export.rs: the JSON is the core's (`Linter.exportJson`). */
function exportDocs(a, out) {
  const s = loadSettings(a);
  if (a.specType !== undefined) s.linter.specType(a.specType); // throws "unknown spec type" like the native CLI
  const docs = a.files.map((path) => ({ path, text: readFile(path).text }));
  out.write(s.linter.exportJson(docs, { pretty: a.pretty, specType: a.specType }));
  return 0;
}

function types(a, out) {
  const s = loadSettings(a);
  const all = s.linter.specTypes();
  const count = (t, k) => (t[k] ?? []).length;
  if (a.json) {
    const v = all.map((t) => ({ fields: count(t, "fields"), id: t.id, name: t.name, sections: count(t, "sections") }));
    out.write(`${JSON.stringify(v, null, 2)}\n`);
  } else {
    const w = Math.max(0, ...all.map((t) => [...t.id].length));
    for (const t of all) {
      out.write(`${t.id.padEnd(w)}  ${t.name} (${count(t, "fields")} fields, ${count(t, "sections")} sections)\n`);
    }
  }
  return 0;
}

function schema(a, out) {
  const s = loadSettings(a);
  out.write(`${JSON.stringify(s.linter.frontMatterSchema(a.specType), null, 2)}\n`);
  return 0;
}

function listRules(a, out) {
  const all = rules();
  if (a.json) {
    out.write(`${JSON.stringify(all, null, 2)}\n`);
    return 0;
  }
  const fix = { none: "", sometimes: "fix sometimes", always: "fix" };
  for (const m of all) {
    out.write(`${m.code}  ${m.name.padEnd(28)} ${m.severity.padEnd(8)} ${m.certainty.padEnd(10)} ${fix[m.fix].padEnd(14)} ${m.summary}\n`);
  }
  return 0;
}
