// Globs as the native CLI reads them (the Rust `globset` crate's defaults), so
// that `include`/`exclude` in speclint.yaml and glob arguments select the same
// files in both CLIs:
//   `*` any run of characters, `/` included (`literal_separator: false`);
//   `?` one character; `[abc]`, `[a-z]`, `[!a]`/`[^a]` classes; `{a,b}`
//   alternatives (nestable, up to 64 deep); `\x` a literal x;
//   `**` as a whole path component: `**/x` (x at any depth), `x/**` (anything
//   below x), `x/**/y` (zero or more directories between).
// With `separator: true` (.gitignore patterns), `*`, `?` and negated classes
// never match `/`.
//
// Matching runs the pattern as an automaton over the path (the set of pattern
// positions reachable so far, advanced one character at a time, as
// src/glob.rs does), never as a backtracking regular expression: it takes
// O(path × pattern) time whatever the pattern, so a `.gitignore` line such as
// `*a*a*a*a*a*a*a*a*b` against a long file name cannot hang the walk.
// Characters are Unicode code points (of the pattern and of the path).

const CHAR = 0; // one given character
const ANY = 1; // any character (`all`: `/` too)
const CLASS = 2; // a character class
const SPLIT = 3; // no character: continue at every `outs`
const MATCH = 4; // the end of the pattern

/** How deep `{a,{b,c}}` groups may nest (the automaton is built recursively). */
export const MAX_NESTING = 64;

/** Compiles a glob into a matcher `{ test(path) }`; throws an Error with globset's message. */
export function compileGlob(glob, { separator = false } = {}) {
  const fail = (m) => {
    throw new Error(`error parsing glob '${glob}': ${m}`);
  };
  const g = Array.from(glob);
  const any = () => ({ t: ANY, all: !separator });
  const anyAll = () => ({ t: ANY, all: true });
  const star = (item) => ({ t: "star", item });
  const slash = () => ({ t: CHAR, c: "/" });
  const isSlash = (item) => item !== undefined && item.t === CHAR && item.c === "/";
  // The pattern as a tree: sequences of items, `{a,b}` groups as "alt" items.
  let seq = [];
  const groups = [];
  for (let i = 0; i < g.length; ) {
    const c = g[i];
    if (c === "*") {
      let j = i;
      while (g[j] === "*") j++;
      const stars = j - i;
      const atStart = i === 0 || g[i - 1] === "/";
      const atEnd = j === g.length || g[j] === "/";
      if (stars >= 2 && atStart && atEnd) {
        if (i === 0 && j === g.length) {
          seq.push(star(anyAll())); // `**`: everything
        } else if (i === 0) {
          // `**/x`: x at the top or below any directories.
          seq.push({ t: "alt", alts: [[], [slash()], [star(anyAll()), slash()]] });
          j++; // the `/` after `**`
        } else if (j === g.length) {
          seq.push(star(anyAll())); // `x/**`: anything below x (the `/` is already there)
        } else {
          // `x/**/y`: the `/` before `**`, and zero or more directories.
          if (isSlash(seq[seq.length - 1])) {
            seq.pop();
            seq.push({ t: "alt", alts: [[slash()], [slash(), star(anyAll()), slash()]] });
          } else {
            // The `/` before was taken by a `**/` just before (`**/**/x`).
            seq.push({ t: "alt", alts: [[], [star(anyAll()), slash()]] });
          }
          j++;
        }
      } else {
        seq.push(star(any()));
      }
      i = j;
    } else if (c === "?") {
      seq.push(any());
      i++;
    } else if (c === "[") {
      let j = i + 1;
      let negated = false;
      if (g[j] === "!" || g[j] === "^") {
        negated = true;
        j++;
      }
      const ranges = [];
      let inRange = false;
      for (let first = true; ; first = false, j++) {
        if (j >= g.length) fail("unclosed character class; missing ']'");
        const ch = g[j];
        if (ch === "]" && !first) break;
        if (ch === "-" && !first && !inRange) {
          inRange = true;
          continue;
        }
        const cp = ch.codePointAt(0);
        if (inRange) {
          const r = ranges[ranges.length - 1];
          r[1] = cp;
          if (r[1] < r[0]) fail(`invalid range; '${String.fromCodePoint(r[0])}' > '${ch}'`);
          inRange = false;
        } else ranges.push([cp, cp]);
      }
      if (inRange) ranges.push([0x2d, 0x2d]); // a trailing `-` is a `-`
      seq.push({ t: CLASS, negated, ranges, noSlash: separator && negated });
      i = j + 1;
    } else if (c === "{") {
      if (groups.length >= MAX_NESTING) fail(`alternate groups nested more than ${MAX_NESTING} deep`);
      groups.push({ alts: [], outer: seq });
      seq = [];
      i++;
    } else if (c === "}") {
      if (groups.length === 0) fail("unopened alternate group; missing '{' (maybe escape '}' with '[}]'?)");
      const group = groups.pop();
      group.alts.push(seq);
      seq = group.outer;
      seq.push({ t: "alt", alts: group.alts });
      i++;
    } else if (c === "," && groups.length > 0) {
      groups[groups.length - 1].alts.push(seq);
      seq = [];
      i++;
    } else if (c === "\\") {
      if (i + 1 >= g.length) fail("dangling '\\'");
      seq.push({ t: CHAR, c: g[i + 1] });
      i += 2;
    } else {
      seq.push({ t: CHAR, c });
      i++;
    }
  }
  if (groups.length > 0) fail("unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)");
  return new Matcher(sequence(seq, { kind: MATCH }));
}

/** The automaton of a sequence of items followed by `next` (Thompson's construction). */
function sequence(items, next) {
  for (let k = items.length - 1; k >= 0; k--) next = node(items[k], next);
  return next;
}

function node(item, next) {
  switch (item.t) {
    case "star": {
      const loop = { kind: SPLIT, outs: null, mark: 0 };
      loop.outs = [node(item.item, loop), next];
      return loop;
    }
    case "alt":
      return { kind: SPLIT, outs: item.alts.map((a) => sequence(a, next)), mark: 0 };
    case CHAR:
      return { kind: CHAR, c: item.c.codePointAt(0), out: next, mark: 0 };
    case ANY:
      return { kind: ANY, all: item.all, out: next, mark: 0 };
    default:
      return { kind: CLASS, negated: item.negated, ranges: item.ranges, noSlash: item.noSlash, out: next, mark: 0 };
  }
}

const SLASH = 0x2f;

function accepts(n, cp) {
  switch (n.kind) {
    case CHAR:
      return n.c === cp;
    case ANY:
      return n.all || cp !== SLASH;
    case CLASS: {
      if (n.noSlash && cp === SLASH) return false;
      let inClass = false;
      for (const [a, b] of n.ranges) {
        if (a <= cp && cp <= b) {
          inClass = true;
          break;
        }
      }
      return inClass !== n.negated;
    }
    default:
      return false;
  }
}

class Matcher {
  constructor(start) {
    this.start = start;
    this.pass = 0; // marks the nodes already in the set being built
  }

  /** Adds `n` and every node reachable from it without reading a character. */
  add(set, n) {
    const todo = [n];
    while (todo.length) {
      const m = todo.pop();
      if (m.mark === this.pass) continue;
      m.mark = this.pass;
      if (m.kind === SPLIT) for (let k = m.outs.length - 1; k >= 0; k--) todo.push(m.outs[k]);
      else set.push(m);
    }
  }

  /** Whether the whole of `path` matches. */
  test(path) {
    let current = [];
    this.pass++;
    this.add(current, this.start);
    for (const ch of String(path)) {
      const cp = ch.codePointAt(0);
      const next = [];
      this.pass++;
      for (const n of current) if (accepts(n, cp)) this.add(next, n.out);
      if (next.length === 0) return false;
      current = next;
    }
    return current.some((n) => n.kind === MATCH);
  }
}

/** A set of globs; `null` for none. Throws `invalid glob `x`: ...` like the native CLI. */
export function globSet(patterns) {
  if (!patterns || patterns.length === 0) return null;
  const matchers = patterns.map((p) => {
    try {
      return compileGlob(p);
    } catch (e) {
      throw new Error(`invalid glob \`${p}\`: ${e.message}`);
    }
  });
  return { isMatch: (path) => matchers.some((m) => m.test(path)) };
}

/** Whether a command-line argument is a glob. */
export function hasGlobChars(s) {
  return /[*?[{]/.test(s);
}
