// Which files `speclint check` reads, as the native CLI chooses them
// (src/cli/files.rs, which walks with the Rust `ignore` crate's defaults):
// named files always; directories walked for `.md`/`.markdown` files, skipping
// hidden entries and what `.ignore`, `.gitignore` and `.git/info/exclude`
// ignore (the git files only inside a git repository; ignore files of parent
// directories count too); glob arguments walked from their literal prefix.
// Symbolic links found while walking are not followed. Not read (unlike the
// native CLI): git's global excludes file.
//
// Hostile trees (issue "Safety"): a file or folder that cannot be read, or a
// special file (FIFO, device) named on the command line, is reported through
// `problem` and the walk goes on; a file name that is not UTF-8 is walked and
// read through its bytes (shown lossily, as the native CLI shows it); ignore
// files are read only when they are regular files of at most 1 MiB.
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { compileGlob, globSet, hasGlobChars } from "./glob.js";

/** The largest config, spec type or ignore file read (a larger one is an error). */
export const SMALL_FILE_LIMIT = 1024 * 1024;

const fatal = (message) => {
  throw new Error(message);
};

/**
 * Files to check, sorted, each once: `{ path, fsPath, explicit, included }`.
 * `path` is shown (lossy for a name that is not UTF-8), `fsPath` is opened (a
 * string, or a Buffer for such a name); `explicit` when named on the command
 * line (always checked), `included` when matched by `include`. The same file
 * named twice (`a.md ./a.md $PWD/a.md`, or named and found by walking) is one
 * target, shown as first named, explicit if named. Unreadable entries and
 * special files are passed to `problem` (by default: thrown).
 */
export function collect(paths, root, include, exclude, problem = fatal) {
  const inc = globSet(include);
  const exc = globSet(exclude);
  const cwd = process.cwd();
  const rel = (p) => {
    const abs = p.startsWith("/") ? p : joinPath(cwd, p);
    return stripPrefix(abs, root) ?? abs;
  };
  const matches = (set, p) => set !== null && (set.isMatch(rel(p)) || set.isMatch(p));
  const out = [];
  const byFile = new Map();
  const add = (t) => {
    const id = identity(t.fsPath) ?? `path:${t.path}`;
    const seen = byFile.get(id);
    if (seen) {
      seen.explicit ||= t.explicit;
      seen.included ||= t.included;
      return;
    }
    byFile.set(id, t);
    out.push(t);
  };
  for (const arg of paths.length ? paths : ["."]) {
    let st = null;
    let error = null;
    try {
      st = statSync(arg);
    } catch (e) {
      error = e;
    }
    if (st?.isFile()) {
      add({ path: arg, fsPath: arg, explicit: true, included: matches(inc, arg) });
      continue;
    }
    if (st !== null && !st.isDirectory()) {
      problem(`\`${arg}\` is not a regular file; not reading it`);
      continue;
    }
    if (error !== null && error.code !== "ENOENT" && error.code !== "ENOTDIR" && !hasGlobChars(arg)) {
      problem(`cannot read \`${arg}\`: ${ioMessage(error)}`);
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
      try {
        pattern = compileGlob(arg);
      } catch (e) {
        throw new Error(`invalid glob \`${arg}\`: ${e.message}`);
      }
    } else {
      throw new Error(`\`${arg}\`: no such file or directory`);
    }
    for (const found of walk(base, problem)) {
      if (!/\.(md|markdown)$/i.test(found.path)) continue;
      const path = found.path.startsWith("./") ? found.path.slice(2).replace(/^\/+/, "") : found.path;
      if ((pattern && !pattern.test(path)) || matches(exc, path)) continue;
      const included = matches(inc, path);
      if (inc !== null && !included) continue;
      add({ path, fsPath: found.fsPath, explicit: false, included });
    }
  }
  return out.sort((a, b) => comparePaths(a.path, b.path));
}

/** A file's device and inode (symbolic links followed), or null. */
function identity(fsPath) {
  try {
    const st = statSync(fsPath, { bigint: true });
    return `${st.dev}:${st.ino}`;
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

/** A file name's text when it is UTF-8, else null. */
const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const lossy = new TextDecoder("utf-8", { ignoreBOM: true });
function utf8(bytes) {
  try {
    return strict.decode(bytes);
  } catch {
    return null;
  }
}

/** `dir/name` for the file system: a string, or a Buffer when either part is not UTF-8. */
function fsJoin(dir, name) {
  if (typeof dir === "string" && typeof name === "string") return join(dir, name);
  const d = typeof dir === "string" ? Buffer.from(dir) : dir;
  const n = typeof name === "string" ? Buffer.from(name) : name;
  return Buffer.concat([d, Buffer.from(d.length && d[d.length - 1] === 0x2f ? "" : "/"), n]);
}

/**
 * Files under `base` (`{ path, fsPath }`: paths joined onto `base` as given),
 * minus hidden and ignored ones. A folder that cannot be read is reported
 * through `problem` and skipped.
 */
function* walk(base, problem) {
  const absBase = resolve(base);
  const chain = [];
  // Ignore files of the parent directories, outermost first.
  const parents = [];
  for (let d = absBase; ; ) {
    const up = resolve(d, "..");
    if (up === d) break;
    parents.unshift(up);
    d = up;
  }
  for (const p of parents) chain.push(level(p, p, p, problem));
  yield* walkDir(base, absBase, absBase, [...chain, level(absBase, absBase, base, problem)], problem);
}

/** `dir`: shown; `absDir`: absolute, lossy (for ignore rules); `fsDir`: opened. */
function* walkDir(dir, absDir, fsDir, chain, problem) {
  let entries;
  try {
    entries = readdirSync(fsDir, { withFileTypes: true, encoding: "buffer" });
  } catch (e) {
    problem(`cannot walk \`${dir}\`: ${ioMessage(e)}`);
    return;
  }
  entries.sort((a, b) => Buffer.compare(a.name, b.name));
  for (const e of entries) {
    if (e.name[0] === 0x2e) continue; // hidden: `.`
    const name = utf8(e.name);
    const shown = name ?? lossy.decode(e.name);
    const path = dir.endsWith("/") ? dir + shown : `${dir}/${shown}`;
    const abs = join(absDir, shown);
    const fsPath = fsJoin(fsDir, name ?? e.name);
    const isDir = e.isDirectory();
    if (ignored(chain, abs, isDir)) continue;
    if (isDir) yield* walkDir(path, abs, fsPath, [...chain, level(abs, fsPath, path, problem)], problem);
    else if (e.isFile()) yield { path, fsPath };
  }
}

/** The ignore rules of one directory (`dir` lossy and absolute, `fsDir` opened, `shown` in messages). */
function level(dir, fsDir, shown, problem) {
  const hasGit = statOrNull(fsJoin(fsDir, ".git")) !== null;
  const read = (...names) => rules(fsJoin(fsDir, names.join("/")), joinPath(shown, names.join("/")), problem);
  return {
    dir,
    hasGit,
    ignore: read(".ignore"),
    gitignore: read(".gitignore"),
    exclude: hasGit ? read(".git", "info", "exclude") : null,
  };
}

function statOrNull(p) {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

/** Whether the deepest decisive rule ignores `abs`: `.ignore` files first, then git's. */
function ignored(chain, abs, isDir) {
  const anyGit = chain.some((l) => l.hasGit);
  for (const kind of anyGit ? ["ignore", "gitignore", "exclude"] : ["ignore"]) {
    for (let i = chain.length - 1; i >= 0; i--) {
      const l = chain[i];
      if (!l[kind]) continue;
      const rel = stripPrefix(abs, l.dir);
      if (rel === null || rel === "") continue;
      const m = match(l[kind], rel, isDir);
      if (m !== null) return m;
    }
  }
  return false;
}

/** Gitignore lines as globs (the `ignore` crate's reading of them); null without the file. */
function rules(file, shown, problem) {
  let text;
  try {
    text = readSmallFile(file, shown, "");
  } catch (e) {
    if (e.code !== "ENOENT" && e.code !== "ENOTDIR") problem(e.message);
    return null;
  }
  const out = [];
  for (let line of text.split(/\r?\n/)) {
    if (line.startsWith("#")) continue;
    line = line.replace(/(?<!\\)\s+$/, "");
    if (line === "") continue;
    let whitelist = false;
    if (line.startsWith("!")) {
      whitelist = true;
      line = line.slice(1);
    } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
      line = line.slice(1);
    }
    let anchored = false;
    if (line.startsWith("/")) {
      anchored = true;
      line = line.slice(1);
    }
    let dirOnly = false;
    if (line.endsWith("/") && line.length > 1) {
      dirOnly = true;
      line = line.slice(0, -1);
    }
    if (!anchored && !line.includes("/") && !line.startsWith("**")) line = `**/${line}`;
    if (line.endsWith("/**")) line += "/*";
    try {
      out.push({ re: compileGlob(line, { separator: true }), whitelist, dirOnly });
    } catch {
      // The ignore crate skips lines it cannot read as globs.
    }
  }
  return out;
}

function match(list, rel, isDir) {
  for (let i = list.length - 1; i >= 0; i--) {
    const r = list[i];
    if (r.dirOnly && !isDir) continue;
    if (r.re.test(rel)) return !r.whitelist;
  }
  return null;
}

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

/** An Error with a message and the `code` of its cause (`ENOENT`, ...). */
function failure(message, code) {
  const e = new Error(message);
  if (code !== undefined) e.code = code;
  return e;
}

/**
 * Opens a file for reading only if it is a regular file (a FIFO is never
 * opened, so never waited on; a device is never read): `{ fd, stat }`, the
 * stat of the open file. Throws an Error whose message names `shown`.
 */
export function openRegular(fsPath, shown, what = "") {
  let st;
  try {
    st = statSync(fsPath);
  } catch (e) {
    throw failure(`cannot read ${what}\`${shown}\`: ${ioMessage(e)}`, e.code);
  }
  const special = () => failure(`${what ? `${what}` : ""}\`${shown}\` is not a regular file; not reading it`, "ESPECIAL");
  if (!st.isFile()) throw special();
  let fd;
  try {
    // O_NONBLOCK: should the file have become a FIFO meanwhile, opening it does not wait.
    fd = openSync(fsPath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw failure(`cannot read ${what}\`${shown}\`: ${ioMessage(e)}`, e.code);
  }
  try {
    const now = fstatSync(fd);
    if (!now.isFile()) throw special();
    return { fd, stat: now };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/**
 * Reads an open file to its end, at most `limit` bytes: a file that is (or
 * grows) longer throws `tooLarge(size)`. Never reads more than `limit + 1`.
 */
export function readAtMost(fd, limit, tooLarge, expected = 0) {
  const chunks = [];
  let total = 0;
  let chunk = Buffer.allocUnsafe(Math.min(Math.max(expected + 1, 64 * 1024), limit + 1));
  for (;;) {
    const want = Math.min(chunk.length, limit + 1 - total);
    let n;
    try {
      n = readSync(fd, chunk, 0, want, null);
    } catch (e) {
      // A non-blocking pipe (standard input) with nothing yet: wait a little, read on.
      if (e.code !== "EAGAIN") throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      continue;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
    total += n;
    if (total > limit) throw tooLarge(Math.max(total, expected));
    if (n === chunk.length) chunk = Buffer.allocUnsafe(Math.min(chunk.length * 2, 16 * 1024 * 1024));
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

/**
 * A config, spec type or ignore file's text: a regular file of at most
 * `SMALL_FILE_LIMIT` bytes (a symbolic link to /dev/zero or a FIFO named
 * `.gitignore` is an error, not an endless read). `what`: "config ", "spec type ", "".
 */
export function readSmallFile(fsPath, shown, what) {
  const { fd, stat } = openRegular(fsPath, shown, what);
  try {
    const tooLarge = (size) =>
      failure(`cannot read ${what}\`${shown}\`: larger than ${SMALL_FILE_LIMIT} bytes (1 MiB${size > SMALL_FILE_LIMIT ? `; ${size} bytes` : ""})`, "EFBIG");
    if (stat.size > SMALL_FILE_LIMIT) throw tooLarge(stat.size);
    return readAtMost(fd, SMALL_FILE_LIMIT, tooLarge, stat.size).toString("utf8");
  } catch (e) {
    if (e.code === undefined || e.code === "EFBIG" || e.code === "ESPECIAL") throw e;
    throw failure(`cannot read ${what}\`${shown}\`: ${ioMessage(e)}`, e.code);
  } finally {
    closeSync(fd);
  }
}
