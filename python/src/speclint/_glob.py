"""Globs as the native CLI reads them (the Rust `globset` crate's defaults).

A port of the npm package's `lib/glob.js`, so that `include`/`exclude` in
`speclint.yaml` and in the plugin options select the same files as
`speclint check`:

- `*` any run of characters, `/` included (`literal_separator: false`);
- `?` one character; `[abc]`, `[a-z]`, `[!a]`/`[^a]` classes;
- `{a,b}` alternatives (nestable); `\\x` a literal x;
- `**` as a whole path component: `**/x` (x at any depth), `x/**` (anything
  below x), `x/**/y` (zero or more directories between).

File selection only: no validation happens here.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional, Pattern


class GlobError(ValueError):
    """A glob that cannot be read (the message is globset's)."""


def glob_to_regex(glob: str) -> Pattern[str]:
    """Compiles a glob into an anchored regular expression."""

    def fail(message: str) -> None:
        raise GlobError(f"error parsing glob '{glob}': {message}")

    out = ""
    alt = 0
    i = 0
    n = len(glob)
    while i < n:
        c = glob[i]
        if c == "*":
            j = i
            while j < n and glob[j] == "*":
                j += 1
            stars = j - i
            at_start = i == 0 or glob[i - 1] == "/"
            at_end = j == n or glob[j] == "/"
            if stars >= 2 and at_start and at_end:
                if i == 0 and j == n:
                    out += ".*"
                elif i == 0:
                    out += "(?:/?|.*/)"
                    j += 1  # the `/` after `**`
                elif j == n:
                    out = out[:-1] + "/.*"  # `/**` at the end (the `/` was emitted)
                else:
                    out = out[:-1] + "(?:/|/.*/)"
                    j += 1
            else:
                out += ".*"
            i = j
        elif c == "?":
            out += "."
            i += 1
        elif c == "[":
            j = i + 1
            cls = ""
            if j < n and glob[j] in "!^":
                cls += "^"
                j += 1
            ranges: list[list[str]] = []
            in_range = False
            first = True
            while True:
                if j >= n:
                    fail("unclosed character class; missing ']'")
                ch = glob[j]
                if ch == "]" and not first:
                    break
                if ch == "-" and not first and not in_range:
                    in_range = True
                elif in_range:
                    r = ranges[-1]
                    r[1] = ch
                    if r[1] < r[0]:
                        fail(f"invalid range; '{r[0]}' > '{r[1]}'")
                    in_range = False
                else:
                    ranges.append([ch, ch])
                first = False
                j += 1
            if in_range:
                ranges.append(["-", "-"])
            for a, b in ranges:
                cls += _escape_class(a) if a == b else f"{_escape_class(a)}-{_escape_class(b)}"
            out += f"[{cls}]"
            i = j + 1
        elif c == "{":
            alt += 1
            out += "(?:"
            i += 1
        elif c == "}":
            if alt == 0:
                fail("unopened alternate group; missing '{' (maybe escape '}' with '[}]'?)")
            alt -= 1
            out += ")"
            i += 1
        elif c == "," and alt > 0:
            out += "|"
            i += 1
        elif c == "\\":
            if i + 1 >= n:
                fail("dangling '\\'")
            out += re.escape(glob[i + 1])
            i += 2
        else:
            out += re.escape(c)
            i += 1
    if alt > 0:
        fail("unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)")
    return re.compile(f"^{out}$", re.DOTALL)


def _escape_class(c: str) -> str:
    return f"\\{c}" if c in "\\]^-[" else c


class GlobSet:
    """A set of globs; matches a `/`-separated path when any glob does."""

    def __init__(self, patterns: Iterable[str]):
        self.patterns = list(patterns)
        self._res = []
        for p in self.patterns:
            try:
                self._res.append(glob_to_regex(p))
            except GlobError as e:
                raise GlobError(f"invalid glob `{p}`: {e}") from None

    def __bool__(self) -> bool:
        return bool(self._res)

    def matches(self, path: Optional[str]) -> bool:
        return path is not None and any(r.match(path) for r in self._res)
