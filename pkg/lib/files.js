// Which files `speclint check` reads, as the native CLI chooses them
// (src/cli/files.rs, which walks with the Rust `ignore` crate's defaults):
// named files always; directories walked for `.md`/`.markdown` files, skipping
// hidden entries and what `.ignore`, `.gitignore` and `.git/info/exclude`
// ignore (the git files only inside a git repository; ignore files of parent
// directories count too); glob arguments walked from their literal prefix.
// Symbolic links found while walking are not followed. Not read (unlike the
// native CLI): git's global excludes file.
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { compileGlob, globSet, hasGlobChars } from "./glob.js";

/** A file to check: `explicit` when named on the command line, `included` when matched by `include`. */
export function collect(paths, root, include, exclude) {
  const inc = globSet(include);
  const exc = globSet(exclude);
  const cwd = process.cwd();
  const rel = (p) => {
    const abs = p.startsWith("/") ? p : joinPath(cwd, p);
    return stripPrefix(abs, root) ?? abs;
  };
  const matches = (set, p) => set !== null && (set.isMatch(rel(p)) || set.isMatch(p));
  const out = [];
  for (const arg of paths.length ? paths : ["."]) {
    const st = stat(arg);
    if (st?.isFile()) {
      out.push({ path: arg, explicit: true, included: matches(inc, arg) });
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
    for (const found of walk(base)) {
      if (!/\.(md|markdown)$/i.test(found)) continue;
      const path = found.startsWith("./") ? found.slice(2).replace(/^\/+/, "") : found;
      if ((pattern && !pattern.test(path)) || matches(exc, path)) continue;
      const included = matches(inc, path);
      if (inc !== null && !included) continue;
      out.push({ path, explicit: false, included });
    }
  }
  out.sort((a, b) => comparePaths(a.path, b.path) || a.explicit - b.explicit || a.included - b.included);
  return out.filter((t, i) => i === 0 || out[i - 1].path !== t.path);
}

function stat(p) {
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

/** Files under `base` (paths joined onto `base` as given), minus hidden and ignored ones. */
function* walk(base) {
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
  for (const p of parents) chain.push(level(p));
  yield* walkDir(base, absBase, [...chain, level(absBase)]);
}

function* walkDir(dir, absDir, chain) {
  let entries;
  try {
    entries = readdirSync(absDir, { withFileTypes: true });
  } catch (e) {
    throw new Error(`cannot walk \`${dir}\`: ${ioMessage(e)}`);
  }
  entries.sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const path = dir.endsWith("/") ? dir + e.name : `${dir}/${e.name}`;
    const abs = join(absDir, e.name);
    const isDir = e.isDirectory();
    if (ignored(chain, abs, isDir)) continue;
    if (isDir) yield* walkDir(path, abs, [...chain, level(abs)]);
    else if (e.isFile()) yield path;
  }
}

/** The ignore rules of one directory. */
function level(dir) {
  const hasGit = existsSync(join(dir, ".git"));
  return {
    dir,
    hasGit,
    ignore: rules(join(dir, ".ignore")),
    gitignore: rules(join(dir, ".gitignore")),
    exclude: hasGit ? rules(join(dir, ".git", "info", "exclude")) : null,
  };
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

/** Gitignore lines as globs (the `ignore` crate's reading of them). */
function rules(file) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch {
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
    ENOENT: ["No such file or directory", 2],
    EACCES: ["Permission denied", 13],
    EISDIR: ["Is a directory", 21],
    ENOTDIR: ["Not a directory", 20],
    ELOOP: ["Too many levels of symbolic links", 40],
    EMFILE: ["Too many open files", 24],
  }[e?.code];
  return known ? `${known[0]} (os error ${known[1]})` : String(e?.message ?? e);
}
