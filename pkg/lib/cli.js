// `npx speclint`: the native CLI's `check`, `fmt`, `export`, `init`, `types`, `schema` and
// `rules` on top of the WebAssembly build. The command line (grammar, help,
// usage errors: src/bindings/command), file selection (src/workspace), output
// (src/report) and exit codes (0 no errors, 1 errors found, 2 usage or I/O
// error) come from the core; this file reads and writes files and prints,
// as src/cli/ does for the native CLI.
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  closeSync,
  constants,
  existsSync,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  linkSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { dirname } from "node:path";
import { Workspace, inputLimit, parseConfig, rules, unifiedDiff } from "../index.js";
// Not public API: the CLI's own exports of the Node module (initialized by index.js).
import { parseArgs, specTypeFile } from "../wasm/speclint.js";
import { discoverConfig } from "./plugin.cjs";
import { collect, invalidUtf8, ioMessage, joinPath, markdownBelow, readCapped, readSideFile, readStdin, stripPrefix } from "./files.js";

// ---- output: nothing from a document or a path reaches a terminal or a CI log raw ----

/**
 * Whether a character must not be printed as it is: C0 controls but tab, DEL,
 * C1 controls, line and paragraph separators, and the bidi controls U+200E,
 * U+200F, U+202A–U+202E, U+2066–U+2069 (the core's src/report/sanitize.rs).
 */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(c) {
  if (c === "\n") return "\\n";
  if (c === "\r") return "\\r";
  return `\\u{${c.codePointAt(0).toString(16)}}`;
}

/**
 * One line of output made safe (the one sanitizing helper of the CLI: every
 * message, path and name it prints itself goes through it): unsafe characters
 * become visible escapes (`\u{1b}`), line breaks `\n` and `\r`, so that one
 * message stays one line and no document or file name can move the cursor,
 * clear the screen, ring the bell, reorder text or start a CI workflow
 * command (`::error ...`) on a line of its own.
 */
export function sanitize(s) {
  return String(s).replace(UNSAFE, escapeChar);
}

/** Writes `speclint: error: MESSAGE` to stderr, sanitized. */
function printError(err, message) {
  err.write(`speclint: error: ${sanitize(message)}\n`);
}

/**
 * Runs the CLI; returns the exit code. The command line is parsed by the core
 * (src/bindings/command: the grammar, help, version and usage errors of the native
 * CLI, the same bytes).
 */
export function main(argv, out = process.stdout, err = process.stderr) {
  const parsed = parseArgs(argv);
  if (parsed.exit) {
    (parsed.exit.stdout ? out : err).write(parsed.exit.text);
    return parsed.exit.code;
  }
  // An argument not given is `null` in the core's shape; `undefined` here.
  const args = Object.fromEntries(Object.entries(parsed.args).map(([k, v]) => [k, v ?? undefined]));
  try {
    return COMMAND_RUN[parsed.command](args, out, err);
  } catch (e) {
    printError(err, e instanceof Error ? e.message : String(e));
    return 2;
  }
}

// ---- settings (src/cli/settings.rs) ----

/** Rust `Path::parent`, or "" for a bare file name. */
function parentOf(p) {
  const trimmed = p.replace(/\/+$/, "");
  const i = trimmed.lastIndexOf("/");
  if (i < 0) return "";
  return i === 0 ? "/" : trimmed.slice(0, i);
}

/** A config or spec type file (regular, at most 1 MiB, UTF-8); `what`: "config", "spec type". */
function read(path, what) {
  try {
    return readSideFile(path);
  } catch (e) {
    throw new Error(`${what}: ${e.message}`);
  }
}

/**
 * The config (given or found upward) and the spec type files, read here; the
 * core's `Workspace` builds the linter and the run policy from them (the
 * same code as the native CLI, src/cli/settings.rs). `specType`: read every
 * document as this type (checked to exist).
 */
function loadSettings(args, specType) {
  const cwd = process.cwd();
  const path = args.config ?? discoverConfig(cwd);
  let config;
  let text;
  let root = cwd;
  if (path !== null) {
    text = read(path, "config");
    config = parseConfig(text, path); // errors name `config path:line:col`, as the native CLI's
    root = parentOf(path) || cwd;
  } else {
    config = parseConfig("");
  }
  const typeFiles = [...config.types.map((t) => joinPath(root, t)), ...args.types];
  const absolute = (p) => (p.startsWith("/") ? p : joinPath(cwd, p));
  // Named as the user sees them (src/cli/settings.rs): relative to the working directory.
  const types = typeFiles.map((f) => ({ path: stripPrefix(absolute(f), cwd) ?? f, text: read(f, "spec type") }));
  const ws = new Workspace({
    config: text,
    configPath: path ?? undefined,
    types,
    specType,
    templates: args.templates ?? [],
    cwd,
    root: absolute(root),
  });
  // src/cli/settings.rs: the template files the core's globs match, read
  // below the config's folder, given to the core before anything is checked.
  if (ws.templateGlobs() !== null) {
    const templates = [];
    for (const f of markdownBelow(root, ws)) {
      const rel = stripPrefix(f.path, root) ?? f.path;
      if (!ws.templateMatches(rel)) continue;
      const abs = absolute(f.path);
      templates.push({ path: stripPrefix(abs, cwd) ?? abs, rel, text: read(f.path, "template") });
    }
    ws.addTemplates(templates);
  }
  return { root, ws, linter: ws.linter() };
}

// ---- commands ----

const COMMAND_RUN = { check, fmt, export: exportDocs, init, types, templates: listTemplates, schema, rules: listRules, lsp };

/** `speclint lsp`: the language server is the native binary's (src/cli/lsp/). */
function lsp() {
  throw new Error("the language server runs in the native `speclint` binary (`cargo install --path .` in the speclint repository), not through npx; point your editor at `speclint lsp`");
}

/** src/cli/init.rs: the spec type file comes from the core, the same bytes. */
function init(a, out, err) {
  const path = a.fromTemplate;
  let text;
  try {
    text = readSideFile(path);
  } catch (e) {
    throw new Error(`cannot read \`${path}\`: ${e.message}`);
  }
  const file = specTypeFile(text, path, a.output);
  if (a.output === undefined) {
    out.write(file.text);
    return 0;
  }
  if (existsSync(a.output) && !a.force) throw new Error(`\`${a.output}\` exists; pass --force to overwrite it`);
  writeNew(a.output, file.text, a.force);
  err.write(`${sanitize(file.wrote)}\n`);
  return 0;
}

/** Writes all of `bytes` to `fd` (a short write is retried, none is ignored), then syncs it. */
function writeFully(fd, bytes) {
  for (let done = 0; done < bytes.length; ) {
    const n = writeSync(fd, bytes, done, bytes.length - done);
    if (!(n > 0)) throw new Error(`wrote ${done} of ${bytes.length} bytes`);
    done += n;
  }
  fsyncSync(fd);
}

/**
 * src/cli/write.rs `write_new` (`init --output`): never half a file, never
 * over a file it was not asked to replace. The text goes to a temporary file
 * next to `path` (mode 0666 less the umask), written in full and synced; then
 * it takes the name: with `force` by a rename over what is there (a link is
 * written through), without it by a hard link that fails when `path` exists,
 * even when it appeared after the check. Where hard links are not supported,
 * an exclusive create (`wx`) does the same. On failure nothing is left behind.
 */
function writeNew(path, text, force) {
  const fail = (e) => new Error(`cannot write \`${path}\`: ${e.code ? ioMessage(e) : e.message}`);
  const exists = new Error(`\`${path}\` exists; pass --force to overwrite it`);
  let target = path;
  if (force) {
    try {
      target = realpathSync.native(path);
    } catch {
      // not there yet (or a dangling link): written as named
    }
  }
  const bytes = Buffer.from(text, "utf8");
  const tmp = childOf(dirOf(target), `.speclint-${randomBytes(6).toString("hex")}.tmp`);
  let fd;
  try {
    fd = openSync(tmp, "wx", 0o666);
  } catch (e) {
    throw fail(e);
  }
  try {
    try {
      writeFully(fd, bytes);
    } finally {
      closeSync(fd);
    }
    if (force) {
      keepMode(target, tmp, path);
      renameSync(tmp, target);
      syncFolder(dirOf(target));
      return;
    }
    try {
      linkSync(tmp, target);
    } catch (e) {
      if (e.code === "EEXIST") throw exists;
      if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV"].includes(e.code)) throw e;
      // No hard links here: an exclusive create, removed again if writing fails.
      let out;
      try {
        out = openSync(target, "wx", 0o666);
      } catch (e2) {
        throw e2.code === "EEXIST" ? exists : e2;
      }
      try {
        writeFully(out, bytes);
      } catch (e2) {
        closeSync(out);
        unlinkSync(target);
        throw e2;
      }
      closeSync(out);
    }
  } catch (e) {
    throw e === exists || e.own ? e : fail(e);
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // renamed, or never created
    }
  }
}

/**
 * A file replaced by `init --output --force` keeps its mode, owner and group
 * (src/cli/write.rs `keep_attributes`); what cannot be kept stops the write.
 */
function keepMode(target, tmp, shown) {
  let st;
  try {
    st = statSync(target);
  } catch {
    return; // nothing there yet
  }
  const own = (m) => Object.assign(new Error(m), { own: true });
  if (!st.isFile()) throw own(`\`${shown}\` is not a regular file; not writing it`);
  const mine = statSync(tmp);
  if (mine.uid !== st.uid || mine.gid !== st.gid) {
    try {
      chownSync(tmp, st.uid, st.gid);
    } catch (e) {
      throw own(`cannot keep the owner and group of \`${shown}\` (${st.uid}:${st.gid}): ${ioMessage(e)}; not writing it`);
    }
  }
  chmodSync(tmp, st.mode & 0o7777);
}

/** Makes a rename in `dir` durable (where folders can be synced). */
function syncFolder(dir) {
  let fd;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // not supported here
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** src/cli/check.rs: reading here; the policy, the checks and the output in the core. */
function check(a, out) {
  const s = loadSettings(a, a.specType);
  s.ws.setOnlySpecs(a.onlySpecs === true);
  s.ws.setFailOn(a.failOn ?? "error");
  const color =
    a.color === "always" || (a.color === "auto" && out.isTTY === true && process.env.NO_COLOR === undefined);
  if (s.ws.readsStdin(a.paths)) {
    // `check -`: the document on standard input, shown as `-`.
    s.ws.add("-", "-", Buffer.from(readStdin(inputLimit()), "utf8"), true, false);
    const r = s.ws.finish({ initiatives: null, specs: null, format: a.format, color, quiet: a.quiet });
    out.write(r.output);
    return r.exitCode;
  }
  const problems = [];
  const targets = collect(a.paths, s.root, s.ws, problems);
  // A file or folder that cannot be read is reported (`IO002`) and the rest checked.
  for (const p of problems) s.ws.unreadable(p.path, null, p.message);
  for (const t of targets) {
    let bytes;
    try {
      bytes = readCapped(t.fsPath ?? t.path, t.path, inputLimit());
    } catch (e) {
      s.ws.unreadable(t.path, t.rel, e.message);
      continue;
    }
    s.ws.add(t.path, t.rel, bytes, t.named, t.included);
  }
  const { initiatives, specs } = referenceFiles(s);
  const r = s.ws.finish({ initiatives, specs, format: a.format, color, quiet: a.quiet });
  out.write(r.output);
  return r.exitCode;
}

/**
 * The files the config's `references` globs name (src/cli/check.rs
 * `reference_files`): the Markdown files below the config's folder that the
 * core keeps, as paths relative to the working directory.
 */
function referenceFiles(s) {
  const globs = s.ws.referenceGlobs();
  if (globs.initiatives === null && globs.specs === null) return {};
  const cwd = process.cwd();
  const initiatives = globs.initiatives === null ? null : [];
  const specs = globs.specs === null ? null : [];
  for (const f of markdownBelow(s.root, s.ws)) {
    const rel = stripPrefix(f.path, s.root) ?? f.path;
    const [isInitiative, isSpec] = s.ws.referenceMatches(rel);
    const abs = f.path.startsWith("/") ? f.path : joinPath(cwd, f.path);
    const shown = stripPrefix(abs, cwd) ?? abs;
    if (isInitiative) initiatives?.push(shown);
    if (isSpec) specs?.push(shown);
  }
  return { initiatives, specs };
}

/** A file's text as Rust's `String::from_utf8_lossy` decodes it (a BOM is kept). */
const lossy = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * A document (`t`: `{ path, fsPath? }`, or a path): `{ bytes, text,
 * invalidUtf8, stat?, fd? }`. Only a regular file is opened (a FIFO named
 * `x.md` is never waited on), and never more than the input limit is read
 * (files.js `readCapped`). With `keepOpen`, `stat` is that of the open file
 * before reading and `fd` stays open (for `fmt --write`'s checks).
 */
function readFile(t, { keepOpen = false } = {}) {
  const target = typeof t === "string" ? { path: t } : t;
  const src = readCapped(target.fsPath ?? target.path, target.path, inputLimit(), { keepOpen });
  const bytes = keepOpen ? src.bytes : src;
  return { ...(keepOpen ? src : {}), bytes, text: lossy.decode(bytes), invalidUtf8: invalidUtf8(bytes) };
}

/** src/cli/fmt.rs */
function fmt(a, out, err) {
  const s = loadSettings(a, a.specType);
  s.ws.setOnlySpecs(a.onlySpecs === true);
  const opts = {
    unsafeFixes: a.unsafeFixes,
    reorderSections: a.reorderSections,
    insertMissingSections: a.insertMissingSections,
    specType: a.specType,
  };
  if (s.ws.readsStdin(a.paths)) {
    const text = readStdin(inputLimit());
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
  const problems = [];
  const targets = collect(a.paths, s.root, s.ws, problems);
  for (const p of problems) printError(err, p.message);
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
      printError(err, e instanceof Error ? e.message : String(e));
      continue;
    }
    if (outcome.changed) {
      changed++;
      if (printMode) out.write(outcome.normalized);
      else if (a.check || a.diff) out.write(unifiedDiff(t.path, outcome.original, outcome.normalized));
    } else {
      unchanged++;
      if (printMode) out.write(outcome.text);
    }
  }
  if (!printMode) {
    const verb = a.write ? "reformatted" : "would be reformatted";
    const failures = failed > 0 ? `, ${failed} failed` : "";
    err.write(`${changed} file${changed === 1 ? "" : "s"} ${verb}, ${unchanged} unchanged${failures}\n`);
  }
  return failed > 0 || problems.length > 0 ? 2 : changed > 0 && (a.check || a.diff) ? 1 : 0;
}

/**
 * One file of `fmt`: `{ changed, original, normalized }` or `{ changed: false, text }`;
 * throws the message of a failure.
 */
function fmtOne(s, a, opts, t) {
  const src = readFile(t, { keepOpen: a.write });
  try {
    if (src.invalidUtf8 !== null) {
      throw new Error(`\`${t.path}\` is not valid UTF-8 (invalid byte at offset ${src.invalidUtf8}); not formatting it`);
    }
    const r = s.linter.validate(src.text, { specType: a.specType });
    if (!(t.named || t.included || r.declaresSpecType || a.specType !== undefined)) return { changed: false, text: src.text };
    const n = s.linter.normalize(src.text, opts);
    if (!n.changed) return { changed: false, text: src.text };
    if (a.write && writeAtomic(t, src, n.text) === ALREADY_THERE) return { changed: false, text: n.text };
    return { changed: true, original: src.text, normalized: n.text };
  } finally {
    if (src.fd !== undefined) closeSync(src.fd);
  }
}

const ALREADY_THERE = "already there";

/** `path`'s directory for the file system (a string, or a Buffer for a name that is not UTF-8). */
function dirOf(path) {
  if (typeof path === "string") return dirname(path);
  const i = path.lastIndexOf(0x2f);
  return i < 0 ? Buffer.from(".") : i === 0 ? Buffer.from("/") : path.subarray(0, i);
}

function childOf(dir, name) {
  if (typeof dir === "string") return joinPath(dir, name);
  return Buffer.concat([dir, Buffer.from(`/${name}`)]);
}

/** What identifies a version of a file for the change checks (src/cli/write.rs's `Stamp`). */
const stamp = (st) => `${st.size}:${st.mtimeMs}:${st.ino}`;

/**
 * `fmt --write`: replaces the file of `t` (read as `src`: `{ bytes, stat,
 * fd }`, the descriptor still open) with `text`, never losing data (as
 * src/cli/write.rs; pkg/README.md says what it guarantees):
 *
 * - atomic: a temporary file next to the target is written in full (every
 *   byte, a short write or any error is a failure), synced, checked for
 *   length, then renamed over the target; on any failure the original is
 *   left byte for byte and the temporary file is removed;
 * - links: a symbolic link is written through (the target is replaced, the
 *   link stays a link);
 * - owner, group and mode (setgid included) are kept; when the owner or group
 *   cannot be kept (EPERM), nothing is written and the error says so;
 *   extended attributes are not (Node cannot read them: README);
 * - concurrent writers: size, modification time and inode are compared
 *   before the rename (and the content): a file changed meanwhile is not
 *   written, unless it already holds `text` (another run formatted it:
 *   `ALREADY_THERE`); after the rename, a write that went to the replaced
 *   file (still open here) is detected and reported.
 */
export function writeAtomic(t, src, text) {
  const shown = t.path;
  const path = t.fsPath ?? t.path;
  let target;
  try {
    // realpathSync.native: the JS one turns a Buffer path (a name that is not UTF-8) into a string.
    target = realpathSync.native(path, typeof path === "string" ? undefined : { encoding: "buffer" });
  } catch (e) {
    throw new Error(`cannot read \`${shown}\`: ${ioMessage(e)}`);
  }
  const st = src.stat;
  if ((st.mode & 0o222) === 0) throw new Error(`\`${shown}\` is read-only; not writing it`);
  const bytes = Buffer.from(text, "utf8");
  const tmp = childOf(dirOf(target), `.speclint-${randomBytes(6).toString("hex")}.tmp`);
  let fd;
  try {
    fd = openSync(tmp, "wx", 0o600);
  } catch (e) {
    throw new Error(`cannot create a temporary file next to \`${shown}\`: ${ioMessage(e)}`);
  }
  let renamed = false;
  try {
    try {
      writeFully(fd, bytes);
      const written = fstatSync(fd).size;
      if (written !== bytes.length) throw new Error(`wrote ${written} of ${bytes.length} bytes`);
    } catch (e) {
      throw new Error(`cannot write \`${shown}\`: ${e.code ? ioMessage(e) : e.message}`);
    }
    keepOwnerAndMode(fd, st, shown);
    closeSync(fd);
    fd = undefined;
    // The file must still be what was formatted.
    const changedMeanwhile = () => new Error(`\`${shown}\` changed while it was being formatted; not writing it`);
    let current;
    try {
      current = readCapped(target, shown, inputLimit(), { keepOpen: true });
    } catch (e) {
      throw /is larger than|the limit is/.test(e.message) ? changedMeanwhile() : e;
    }
    closeSync(current.fd);
    const { bytes: now, stat: nowStat } = current;
    if (now.equals(bytes)) return ALREADY_THERE; // another run formatted it meanwhile
    if (!now.equals(src.bytes) || stamp(nowStat) !== stamp(st)) throw changedMeanwhile();
    try {
      renameSync(tmp, target);
      renamed = true;
    } catch (e) {
      throw new Error(`cannot replace \`${shown}\`: ${ioMessage(e)}`);
    }
  } finally {
    if (fd !== undefined) closeSync(fd);
    if (!renamed) {
      try {
        unlinkSync(tmp);
      } catch {
        // already gone
      }
    }
  }
  // Make the rename durable, then look for a write that slipped in between
  // the check and the rename: it went to the replaced file, still open here.
  try {
    const dir = openSync(dirOf(target), constants.O_RDONLY);
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // not every file system syncs directories
  }
  if (src.fd !== undefined && stamp(fstatSync(src.fd)) !== stamp(st)) {
    throw new Error(
      `\`${shown}\` was written to while it was being replaced; that write went to the old file and is not in \`${shown}\` now`,
    );
  }
  return "replaced";
}

/**
 * Gives the temporary file `fd` the owner, group and mode of `st` (the
 * original): fchown first (it clears setuid/setgid), then fchmod, then a check
 * that the mode held (a non-member group would drop setgid silently).
 */
function keepOwnerAndMode(fd, st, shown) {
  const tmp = fstatSync(fd);
  if (tmp.uid !== st.uid || tmp.gid !== st.gid) {
    try {
      fchownSync(fd, st.uid, st.gid);
    } catch (e) {
      throw new Error(`cannot keep the owner and group of \`${shown}\` (${st.uid}:${st.gid}): ${ioMessage(e)}; not writing it`);
    }
  }
  const mode = st.mode & 0o7777;
  try {
    fchmodSync(fd, mode);
  } catch (e) {
    throw new Error(`cannot keep the permissions of \`${shown}\`: ${ioMessage(e)}; not writing it`);
  }
  const kept = fstatSync(fd).mode & 0o7777;
  if (kept !== mode) {
    throw new Error(`cannot keep the permissions of \`${shown}\`: ${mode.toString(8)} became ${kept.toString(8)}; not writing it`);
  }
}

/** src/cli/export.rs: the JSON is the core's (`Linter.exportJson`). */
/** src/cli/export.rs: named files in the order given; folders and globs walked as `check` walks them. */
function exportDocs(a, out) {
  const s = loadSettings(a, a.specType);
  const onlyFiles = a.files.every((p) => statSync(p, { throwIfNoEntry: false })?.isFile() === true);
  let targets;
  if (onlyFiles) {
    targets = a.files.map((path) => ({ path, walked: false }));
  } else {
    const problems = [];
    const found = collect(a.files, s.root, s.ws, problems);
    if (problems.length) throw new Error(problems[0].message);
    targets = found.map((t) => ({ path: t.path, fsPath: t.fsPath, walked: !(t.named || t.included) }));
  }
  const docs = targets.map((t) => ({ path: t.path, text: readFile(t).text, walked: t.walked }));
  const list = !(onlyFiles && a.files.length === 1);
  out.write(s.linter.exportJson(docs, { pretty: a.pretty, specType: a.specType, list }));
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
    // Ids and names come from type files: each sanitized (a line break in a
    // name must not start a line of its own).
    const id = (t) => sanitize(t.id);
    const w = Math.max(0, ...all.map((t) => [...id(t)].length));
    for (const t of all) {
      out.write(`${id(t).padEnd(w)}  ${sanitize(t.name)} (${count(t, "fields")} fields, ${count(t, "sections")} sections)\n`);
    }
  }
  return 0;
}

/** src/cli/info.rs `templates`: the family as the core renders it. */
function listTemplates(a, out) {
  const s = loadSettings(a);
  const r = s.ws.renderTemplates(a.json, a.check);
  out.write(r.output);
  return r.exitCode;
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
