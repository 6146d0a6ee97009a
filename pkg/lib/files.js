// Which files `npx speclint` works on, and reading them safely. The host
// half of the core's run policy (src/workspace): this file lists folders,
// stats and reads files; the core's `Workspace` decides which entries a walk
// enters (hidden names, links, special files, Markdown extensions, the
// `.gitignore` and `.ignore` rules, whose texts are passed to it), which
// files are checked (`include`, `exclude`, named files) and how globs match.
//
// - command-line paths are files (always checked), directories (walked) or
//   globs (walked from their literal prefix); the same file named several ways
//   (`a.md ./a.md $PWD/a.md`, or named and also found by walking) is one
//   target, named if named anywhere, shown as first given;
// - ignore files are read in each directory walked and in its parents up to
//   the repository root (the directory holding `.git`);
// - a file name that is not UTF-8 is walked and read through its bytes (a
//   Buffer path) and shown lossily, as the native CLI shows it;
// - only regular files are read: a FIFO is never opened, a device never read;
//   ignore, config and spec type files up to 1 MiB, documents and standard
//   input up to the core's input limit;
// - a file or folder that cannot be read is a problem (`{ path, message }`):
//   the command reports it and goes on.
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

/** The largest config, spec type or ignore file read, in bytes. */
export const MAX_SIDE_FILE = 1024 * 1024;
/** The deepest directory nesting walked (src/workspace `MAX_DEPTH`). */
const MAX_DEPTH = 256;

const hasGlobChars = (s) => /[*?[{]/.test(s);

/**
 * Files to work on, sorted, each once: `{ path, fsPath, rel, named, included }`.
 * `path` is shown (lossy for a name that is not UTF-8), `fsPath` is opened (a
 * string, or a Buffer for such a name), `rel` is relative to the config's
 * folder `root`; `named` when named on the command line, `included` when
 * matched by `include`. `ws` is the core's `Workspace`. Problems (`{ path,
 * message }`) are pushed onto `problems`.
 */
export function collect(paths, root, ws, problems = []) {
  const cwd = process.cwd();
  const rel = (p) => {
    const abs = p.startsWith("/") ? p : joinPath(cwd, p);
    return stripPrefix(abs, root) ?? abs;
  };
  const out = [];
  for (const arg of paths.length ? paths : ["."]) {
    // `statSync` follows a named link; a special file is named, not read.
    const st = statOrNull(arg);
    if (st?.isFile()) {
      const r = rel(arg);
      const how = ws.select(r, true);
      if (how) out.push({ path: arg, fsPath: arg, rel: r, named: how.named, included: how.included });
      continue;
    }
    if (st !== null && !st.isDirectory()) {
      problems.push({ path: arg, message: `\`${arg}\` is not a regular file; not reading it` });
      continue;
    }
    let base;
    let pattern = null;
    if (st?.isDirectory()) {
      base = arg;
    } else if (hasGlobChars(arg)) {
      const comps = components(arg);
      const lit = [];
      for (const c of comps) {
        if (hasGlobChars(c)) break;
        lit.push(c);
      }
      base = lit.length ? joinComponents(lit, arg.startsWith("/")) : ".";
      pattern = arg;
      ws.matchGlob(pattern, ""); // an invalid glob fails here, before the walk
    } else {
      throw new Error(`\`${arg}\`: no such file or directory`);
    }
    for (const found of walk(base, ws, problems)) {
      const path = found.path.startsWith("./") ? found.path.slice(2).replace(/^\/+/, "") : found.path;
      if (pattern !== null && !ws.matchGlob(pattern, path)) continue;
      const r = rel(path);
      const how = ws.select(r, false);
      if (how) out.push({ path, fsPath: found.fsPath, rel: r, named: false, included: how.included });
    }
  }
  // One target per file: named wins over walked, the first spelling is kept.
  const unique = [];
  const seen = new Map();
  for (const t of out) {
    const key = canonical(t.fsPath) ?? t.path;
    const u = seen.get(key);
    if (u !== undefined) {
      u.named ||= t.named;
      u.included ||= t.included;
    } else {
      seen.set(key, t);
      unique.push(t);
    }
  }
  return unique.sort((a, b) => comparePaths(a.path, b.path));
}

/** Every Markdown file the walk keeps below `root` (`{ path, fsPath }`). */
export function markdownBelow(root, ws) {
  return [...walk(root, ws, [])];
}

/** The canonical path of a file (links resolved) as a key, or null. */
function canonical(fsPath) {
  try {
    return realpathSync.native(fsPath, { encoding: "buffer" }).toString("latin1");
  } catch {
    return null;
  }
}

function statOrNull(p) {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

/** Rust `Path::components` for `/`-separated paths: empty and `.` (except a leading one) dropped. */
function components(p) {
  const parts = p.split("/");
  return parts.filter((c, i) => c !== "" && (c !== "." || i === 0));
}

function joinComponents(parts, absolute) {
  const s = parts.join("/");
  return absolute ? `/${s}` : s;
}

/** Rust `Path::join` for `/`-separated paths. */
export function joinPath(a, b) {
  if (b.startsWith("/") || a === "") return b;
  return a.endsWith("/") ? a + b : `${a}/${b}`;
}

/** Rust `Path::strip_prefix` (component-wise), or null. */
export function stripPrefix(p, prefix) {
  const a = components(p);
  const b = components(prefix);
  if (p.startsWith("/") !== prefix.startsWith("/") || b.length > a.length) return null;
  for (let i = 0; i < b.length; i++) if (a[i] !== b[i]) return null;
  return a.slice(b.length).join("/");
}

/** Rust `Path` ordering: component by component, bytewise. */
export function comparePaths(a, b) {
  const x = components(a);
  const y = components(b);
  if (a.startsWith("/") !== b.startsWith("/")) return a.startsWith("/") ? -1 : 1;
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = Buffer.compare(Buffer.from(x[i]), Buffer.from(y[i]));
    if (c) return c;
  }
  return x.length - y.length;
}

// ---- the walk ----

const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const lossy = new TextDecoder("utf-8", { ignoreBOM: true });

/** A name's text when it is UTF-8, else null. */
function utf8(bytes) {
  try {
    return strict.decode(bytes);
  } catch {
    return null;
  }
}

/** `dir/name` for the file system: a string, or a Buffer when either part is a Buffer. */
function fsJoin(dir, name) {
  if (typeof dir === "string" && typeof name === "string") return joinPath(dir, name);
  const d = typeof dir === "string" ? Buffer.from(dir) : dir;
  const n = typeof name === "string" ? Buffer.from(name) : name;
  return Buffer.concat([d, Buffer.from(d.length && d[d.length - 1] === 0x2f ? "" : "/"), n]);
}


/**
 * Markdown files under `base` (`{ path, fsPath }`: paths joined onto `base`
 * as given) that the core's walk keeps.
 */
function* walk(base, ws, problems) {
  let absBase;
  try {
    absBase = realpathSync.native(base);
  } catch {
    absBase = resolve(base);
  }
  const marks = [];
  for (const d of parentDirs(absBase)) marks.push(ws.enter(d, readIgnoreFiles(d, d, problems)));
  try {
    yield* walkDir(base, absBase, base, ws, problems, 0);
  } finally {
    if (marks.length) ws.leave(marks[0]);
  }
}

/**
 * The folders above `abs` (canonical) whose ignore files apply: its parents
 * up to the repository root (the first directory with `.git`), outermost
 * first; none outside a repository or at its root.
 */
function parentDirs(abs) {
  if (statOrNull(join(abs, ".git")) !== null) return [];
  const chain = [];
  for (let d = abs; ; ) {
    const up = resolve(d, "..");
    if (up === d) break;
    chain.push(up);
    if (statOrNull(join(up, ".git")) !== null) break;
    d = up;
  }
  if (!chain.length || statOrNull(join(chain[chain.length - 1], ".git")) === null) return [];
  return chain.reverse();
}

/** The texts of the ignore files of one directory (`fsDir`, shown as `shown`), read safely. */
function readIgnoreFiles(fsDir, shown, problems) {
  const out = [];
  for (const name of [".gitignore", ".ignore"]) {
    const p = fsJoin(fsDir, name);
    const s = joinPath(shown, name);
    try {
      lstatSync(p); // nothing there (not even a dangling link): no file
    } catch {
      continue;
    }
    try {
      out.push(lossy.decode(readCapped(p, s, MAX_SIDE_FILE)));
    } catch (e) {
      problems.push({ path: s, message: `${e.message}; its rules are not applied` });
    }
  }
  return out;
}

/** The kind of a directory entry, as the core's walk takes it. */
function kindOf(e) {
  if (e.isDirectory()) return "dir";
  if (e.isFile()) return "file";
  if (e.isSymbolicLink()) return "symlink";
  return "other";
}

/**
 * `dir`: shown (and opened: a string, or a Buffer below a name that is not
 * UTF-8); `absDir`: absolute, lossy (for ignore rules).
 */
function* walkDir(dir, absDir, fsDir, ws, problems, depth) {
  if (depth > MAX_DEPTH) {
    problems.push({ path: dir, message: `\`${dir}\` is nested more than ${MAX_DEPTH} directories deep; not walked further` });
    return;
  }
  let entries;
  try {
    entries = readdirSync(fsDir, { withFileTypes: true, encoding: "buffer" });
  } catch (e) {
    problems.push({ path: dir, message: `cannot read the folder \`${dir}\`: ${ioMessage(e)}` });
    return;
  }
  const mark = ws.enter(absDir, readIgnoreFiles(fsDir, dir, problems));
  try {
    entries.sort((a, b) => Buffer.compare(a.name, b.name));
    for (const e of entries) {
      const name = utf8(e.name);
      const shown = name ?? lossy.decode(e.name);
      const visit = ws.visit(absDir, shown, kindOf(e));
      if (visit === "skip") continue;
      const path = joinPath(dir, shown);
      const fsPath = fsJoin(fsDir, name ?? e.name);
      if (visit === "enter") yield* walkDir(path, join(absDir, shown), fsPath, ws, problems, depth + 1);
      else yield { path, fsPath };
    }
  } finally {
    ws.leave(mark);
  }
}

// ---- reading ----

/** Rust's `io::Error` display for the common errors, so messages match the native CLI. */
export function ioMessage(e) {
  const known = {
    EPERM: ["Operation not permitted", 1],
    ENOENT: ["No such file or directory", 2],
    EIO: ["Input/output error", 5],
    EAGAIN: ["Resource temporarily unavailable", 11],
    EACCES: ["Permission denied", 13],
    EEXIST: ["File exists", 17],
    ENOTDIR: ["Not a directory", 20],
    EISDIR: ["Is a directory", 21],
    EINVAL: ["Invalid argument", 22],
    EMFILE: ["Too many open files", 24],
    EFBIG: ["File too large", 27],
    ENOSPC: ["No space left on device", 28],
    EROFS: ["Read-only file system", 30],
    EPIPE: ["Broken pipe", 32],
    ELOOP: ["Too many levels of symbolic links", 40],
    EDQUOT: ["Disk quota exceeded", 122],
  }[e?.code];
  return known ? `${known[0]} (os error ${known[1]})` : String(e?.message ?? e);
}

/**
 * Reads at most `max + 1` bytes of an open file (or standard input) to its
 * end; returns them (the caller tells a longer file by the length). A
 * non-blocking pipe with nothing yet is waited on, a little at a time.
 */
function readBounded(fd, max, expected = 0) {
  const chunks = [];
  let total = 0;
  let chunk = Buffer.allocUnsafe(Math.min(Math.max(expected + 1, 64 * 1024), max + 1));
  while (total <= max) {
    let n;
    try {
      n = readSync(fd, chunk, 0, Math.min(chunk.length, max + 1 - total), null);
    } catch (e) {
      if (e.code !== "EAGAIN") throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      continue;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
    total += n;
    if (n === chunk.length) chunk = Buffer.allocUnsafe(Math.min(chunk.length * 2, 16 * 1024 * 1024));
  }
  return Buffer.concat(chunks, total);
}

/**
 * Reads a regular file, refusing anything else and anything over `max` bytes
 * (read with a bound, so that a file that grows meanwhile cannot exhaust
 * memory); src/cli/files.rs `read_capped`, with its messages. Only a regular
 * file is opened (with O_NONBLOCK, should it become a FIFO meanwhile). With
 * `keepOpen`, returns `{ bytes, stat, fd }` (the stat of the open file, taken
 * before reading) and leaves the descriptor open.
 */
export function readCapped(fsPath, shown, max, { keepOpen = false } = {}) {
  const fail = (message) => new Error(message);
  let st;
  try {
    st = statSync(fsPath);
  } catch (e) {
    throw fail(`cannot read \`${shown}\`: ${ioMessage(e)}`);
  }
  if (!st.isFile()) throw fail(`\`${shown}\` is not a regular file; not reading it`);
  if (st.size > max) throw fail(`\`${shown}\` is ${st.size} bytes; the limit is ${max} bytes`);
  let fd;
  try {
    fd = openSync(fsPath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw fail(`cannot read \`${shown}\`: ${ioMessage(e)}`);
  }
  let keep = false;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw fail(`\`${shown}\` is not a regular file; not reading it`);
    let bytes;
    try {
      bytes = readBounded(fd, max, stat.size);
    } catch (e) {
      throw fail(`cannot read \`${shown}\`: ${ioMessage(e)}`);
    }
    if (bytes.length > max) throw fail(`\`${shown}\` is larger than ${max} bytes; not reading it`);
    if (!keepOpen) return bytes;
    keep = true;
    return { bytes, stat, fd };
  } finally {
    if (!keep) closeSync(fd);
  }
}

/** The offset of the first byte of `bytes` that is not valid UTF-8, or null. */
export function invalidUtf8(bytes) {
  const text = lossy.decode(bytes);
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

/** A config or spec type file as text: regular, at most `MAX_SIDE_FILE` bytes, UTF-8. */
export function readSideFile(path) {
  const bytes = readCapped(path, path, MAX_SIDE_FILE);
  const bad = invalidUtf8(bytes);
  if (bad !== null) throw new Error(`\`${path}\` is not valid UTF-8 (invalid byte at offset ${bad})`);
  return bytes.toString("utf8");
}

/** Standard input as text, up to `max` bytes (`fmt - < /dev/zero` stops there). */
export function readStdin(max) {
  let bytes;
  try {
    bytes = readBounded(0, max);
  } catch (e) {
    throw new Error(`cannot read standard input: ${ioMessage(e)}`);
  }
  if (bytes.length > max) {
    throw new Error(`standard input is larger than the input limit (${max} bytes); not reading it further`);
  }
  const bad = invalidUtf8(bytes);
  if (bad !== null) throw new Error(`standard input is not valid UTF-8 (invalid byte at offset ${bad})`);
  return bytes.toString("utf8");
}
