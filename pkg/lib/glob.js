// Globs as the native CLI reads them (the Rust `globset` crate's defaults), so
// that `include`/`exclude` in speclint.yaml and glob arguments select the same
// files in both CLIs:
//   `*` any run of characters, `/` included (`literal_separator: false`);
//   `?` one character; `[abc]`, `[a-z]`, `[!a]`/`[^a]` classes; `{a,b}`
//   alternatives (nestable); `\x` a literal x;
//   `**` as a whole path component: `**/x` (x at any depth), `x/**` (anything
//   below x), `x/**/y` (zero or more directories between).
// With `separator: true` (.gitignore patterns), `*`, `?` and classes never
// match `/`.

/** Compiles a glob into an anchored RegExp; throws an Error with globset's message. */
export function globToRegExp(glob, { separator = false } = {}) {
  const fail = (m) => {
    throw new Error(`error parsing glob '${glob}': ${m}`);
  };
  const any = separator ? "[^/]" : ".";
  let re = "";
  let alt = 0;
  for (let i = 0; i < glob.length; ) {
    const c = glob[i];
    if (c === "*") {
      let j = i;
      while (glob[j] === "*") j++;
      const stars = j - i;
      const atStart = i === 0 || glob[i - 1] === "/";
      const atEnd = j === glob.length || glob[j] === "/";
      if (stars >= 2 && atStart && atEnd) {
        if (i === 0 && j === glob.length) re += ".*";
        else if (i === 0) {
          re += "(?:/?|.*/)";
          j++; // the `/` after `**`
        } else if (j === glob.length) {
          re = re.slice(0, -1) + "/.*"; // `/**` at the end (the `/` was emitted)
        } else {
          re = re.slice(0, -1) + "(?:/|/.*/)";
          j++;
        }
      } else {
        re += `${any}*`;
      }
      i = j;
    } else if (c === "?") {
      re += any;
      i++;
    } else if (c === "[") {
      let j = i + 1;
      let cls = "";
      if (glob[j] === "!" || glob[j] === "^") {
        cls += "^";
        j++;
      }
      const ranges = [];
      let inRange = false;
      for (let first = true; ; first = false, j++) {
        if (j >= glob.length) fail("unclosed character class; missing ']'");
        const ch = glob[j];
        if (ch === "]" && !first) break;
        if (ch === "-" && !first && !inRange) {
          inRange = true;
          continue;
        }
        if (inRange) {
          const r = ranges[ranges.length - 1];
          r[1] = ch;
          if (r[1] < r[0]) fail(`invalid range; '${r[0]}' > '${r[1]}'`);
          inRange = false;
        } else ranges.push([ch, ch]);
      }
      if (inRange) ranges.push(["-", "-"]);
      for (const [a, b] of ranges) cls += a === b ? escapeClass(a) : `${escapeClass(a)}-${escapeClass(b)}`;
      if (separator) cls = cls.startsWith("^") ? `^/${cls.slice(1)}` : cls;
      re += `[${cls}]`;
      i = j + 1;
    } else if (c === "{") {
      alt++;
      re += "(?:";
      i++;
    } else if (c === "}") {
      if (alt === 0) fail("unopened alternate group; missing '{' (maybe escape '}' with '[}]'?)");
      alt--;
      re += ")";
      i++;
    } else if (c === "," && alt > 0) {
      re += "|";
      i++;
    } else if (c === "\\") {
      if (i + 1 >= glob.length) fail("dangling '\\'");
      re += escape(glob[i + 1]);
      i += 2;
    } else {
      re += escape(c);
      i++;
    }
  }
  if (alt > 0) fail("unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)");
  return new RegExp(`^${re}$`, "s");
}

function escape(c) {
  return /[\\^$.*+?()[\]{}|]/.test(c) ? `\\${c}` : c;
}

function escapeClass(c) {
  return /[\\\]^-]/.test(c) ? `\\${c}` : c;
}

/** A set of globs; `null` for none. Throws `invalid glob `x`: ...` like the native CLI. */
export function globSet(patterns) {
  if (!patterns || patterns.length === 0) return null;
  const res = patterns.map((p) => {
    try {
      return globToRegExp(p);
    } catch (e) {
      throw new Error(`invalid glob \`${p}\`: ${e.message}`);
    }
  });
  return { isMatch: (path) => res.some((r) => r.test(path)) };
}

/** Whether a command-line argument is a glob. */
export function hasGlobChars(s) {
  return /[*?[{]/.test(s);
}
