//! Glob patterns over `/`-separated relative paths, matched in linear time.
//!
//! The syntax is that of `.gitignore` and `globset` with `literal_separator`:
//!
//! | pattern | matches |
//! |---|---|
//! | `*` | any run of characters except `/` |
//! | `?` | one character except `/` |
//! | `**` | as a whole segment: any number of segments (`a/**/b`, `**/x`, `x/**`) |
//! | `[abc]`, `[a-z]`, `[!a-z]` | one character of (or not of) the class |
//! | `{a,b}` | either alternative (not nested) |
//! | `\x` | the character `x` |
//!
//! A pattern without a `/` (other than a trailing one) matches the file name
//! at any depth (`*.md`, `draft-*`); a pattern with one is anchored at the
//! base directory (`docs/*.md`, `/README.md`). A trailing `/` matches
//! directories only ([`Glob::matches_dir`]).
//!
//! Matching simulates the pattern as an automaton over the path (a set of
//! pattern positions advanced one character at a time), so it takes
//! `O(path × pattern)` time whatever the pattern; `*a*a*a*a*b` against a long
//! name cannot backtrack. Patterns longer than [`MAX_PATTERN`] or with more
//! than [`MAX_ALTERNATIVES`] brace alternatives are refused with an error.

/// The longest pattern accepted, in bytes.
pub const MAX_PATTERN: usize = 1024;
/// The most alternatives a pattern's braces may expand to.
pub const MAX_ALTERNATIVES: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Char(char),
    /// `?`
    Any,
    /// `*`
    Star,
    /// `**` as a whole segment: with the `/` after it (`trailing`), zero or
    /// more whole segments; at the end of the pattern, everything left.
    GlobStar {
        trailing: bool,
    },
    Class {
        negated: bool,
        ranges: Vec<(char, char)>,
    },
}

/// A compiled glob pattern.
#[derive(Debug, Clone)]
pub struct Glob {
    source: String,
    /// One token list per brace alternative.
    alternatives: Vec<Vec<Token>>,
    /// Matches the file name at any depth (no `/` in the pattern).
    basename: bool,
    /// A trailing `/`: directories only.
    dir_only: bool,
    negated: bool,
}

/// A pattern that cannot be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlobError {
    pub pattern: String,
    pub message: String,
}

impl std::fmt::Display for GlobError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "glob `{}`: {}", self.pattern, self.message)
    }
}

impl Glob {
    /// Compiles a pattern. A leading `!` is kept as [`Glob::is_negated`] (for
    /// ignore files); it does not change what [`Glob::matches`] answers.
    pub fn new(pattern: &str) -> Result<Glob, GlobError> {
        let err = |m: &str| GlobError {
            pattern: crate::text::truncate_chars(pattern, 80),
            message: m.to_string(),
        };
        if pattern.len() > MAX_PATTERN {
            return Err(err(&format!("longer than {MAX_PATTERN} bytes")));
        }
        let mut p = pattern;
        let negated = p.starts_with('!');
        if negated {
            p = &p[1..];
        }
        let dir_only = p.ends_with('/') && p.len() > 1;
        if dir_only {
            p = &p[..p.len() - 1];
        }
        let anchored = p.starts_with('/');
        if anchored {
            p = &p[1..];
        }
        let p = p.strip_prefix("./").unwrap_or(p);
        let basename = !anchored && !p.contains('/');
        let expanded = expand_braces(p).map_err(|m| err(&m))?;
        let mut alternatives = Vec::with_capacity(expanded.len());
        for alt in &expanded {
            alternatives.push(tokenize(alt).map_err(|m| err(&m))?);
        }
        Ok(Glob {
            source: pattern.to_string(),
            alternatives,
            basename,
            dir_only,
            negated,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Whether the pattern started with `!`.
    pub fn is_negated(&self) -> bool {
        self.negated
    }

    /// Whether the pattern ends with `/` (directories only).
    pub fn is_dir_only(&self) -> bool {
        self.dir_only
    }

    /// Whether a file path (relative, `/`-separated) matches.
    pub fn matches(&self, path: &str) -> bool {
        !self.dir_only && self.matches_any(path)
    }

    /// Whether a directory path matches (patterns with and without a trailing `/`).
    pub fn matches_dir(&self, path: &str) -> bool {
        self.matches_any(path)
    }

    fn matches_any(&self, path: &str) -> bool {
        let path = path.strip_prefix("./").unwrap_or(path);
        let target = if self.basename {
            path.rsplit('/').next().unwrap_or(path)
        } else {
            path
        };
        self.alternatives.iter().any(|t| simulate(t, target))
    }
}

/// Expands `{a,b}` groups (not nested) into alternatives.
fn expand_braces(p: &str) -> Result<Vec<String>, String> {
    let mut out = vec![String::new()];
    let mut chars = p.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let next = chars.next().unwrap_or('\\');
                for o in &mut out {
                    o.push('\\');
                    o.push(next);
                }
            }
            '{' => {
                let mut group = String::new();
                let mut closed = false;
                for d in chars.by_ref() {
                    if d == '}' {
                        closed = true;
                        break;
                    }
                    if d == '{' {
                        return Err("nested braces are not supported".into());
                    }
                    group.push(d);
                }
                if !closed {
                    return Err("unclosed `{`".into());
                }
                let options: Vec<&str> = group.split(',').collect();
                if out.len() * options.len() > MAX_ALTERNATIVES {
                    return Err(format!(
                        "braces expand to more than {MAX_ALTERNATIVES} patterns"
                    ));
                }
                out = out
                    .iter()
                    .flat_map(|o| options.iter().map(move |x| format!("{o}{x}")))
                    .collect();
            }
            _ => {
                for o in &mut out {
                    o.push(c);
                }
            }
        }
    }
    Ok(out)
}

fn tokenize(p: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = p.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                out.push(Token::Char(chars.get(i + 1).copied().unwrap_or('\\')));
                i += 2;
            }
            '?' => {
                out.push(Token::Any);
                i += 1;
            }
            '*' => {
                let at_segment_start = i == 0 || chars[i - 1] == '/';
                if chars.get(i + 1) == Some(&'*') {
                    let end = i + 2;
                    let at_segment_end = end == chars.len() || chars[end] == '/';
                    if at_segment_start && at_segment_end {
                        // The `/` after `**` belongs to it: `a/**/b` matches `a/b`.
                        let trailing = end < chars.len();
                        out.push(Token::GlobStar { trailing });
                        i = if trailing { end + 1 } else { end };
                        continue;
                    }
                    // `a**b` is two stars.
                    out.push(Token::Star);
                    i += 2;
                    continue;
                }
                out.push(Token::Star);
                i += 1;
            }
            '[' => {
                let mut j = i + 1;
                let negated = matches!(chars.get(j), Some('!' | '^'));
                if negated {
                    j += 1;
                }
                let mut ranges = Vec::new();
                let mut first = true;
                let mut closed = false;
                while j < chars.len() {
                    let d = chars[j];
                    if d == ']' && !first {
                        closed = true;
                        break;
                    }
                    first = false;
                    if chars.get(j + 1) == Some(&'-') && chars.get(j + 2).is_some_and(|&e| e != ']')
                    {
                        let e = chars[j + 2];
                        ranges.push((d.min(e), d.max(e)));
                        j += 3;
                    } else {
                        ranges.push((d, d));
                        j += 1;
                    }
                }
                if !closed {
                    return Err("unclosed `[`".into());
                }
                out.push(Token::Class { negated, ranges });
                i = j + 1;
            }
            _ => {
                out.push(Token::Char(c));
                i += 1;
            }
        }
    }
    Ok(out)
}

/// Runs the pattern as an automaton over `path`: the set of pattern
/// positions reachable so far, advanced one character at a time. A
/// `**/` position has a second state, "inside a segment", left at the next `/`.
fn simulate(tokens: &[Token], path: &str) -> bool {
    let n = tokens.len();
    let mut current = vec![false; n + 1];
    let mut next = vec![false; n + 1];
    let mut inside = vec![false; n];
    let mut next_inside = vec![false; n];
    current[0] = true;
    close(tokens, &mut current);
    for c in path.chars() {
        next.iter_mut().for_each(|x| *x = false);
        next_inside.iter_mut().for_each(|x| *x = false);
        let mut any = false;
        for s in 0..n {
            if inside[s] {
                // Inside a segment of `**/`: a `/` ends it, back at a segment start.
                if c == '/' {
                    next[s] = true;
                } else {
                    next_inside[s] = true;
                }
                any = true;
            }
            if !current[s] {
                continue;
            }
            let step = match &tokens[s] {
                Token::Char(x) => (*x == c).then_some(s + 1),
                Token::Any => (c != '/').then_some(s + 1),
                Token::Star => (c != '/').then_some(s),
                Token::GlobStar { trailing: false } => Some(s),
                Token::GlobStar { trailing: true } => {
                    if c == '/' {
                        Some(s)
                    } else {
                        next_inside[s] = true;
                        any = true;
                        None
                    }
                }
                Token::Class { negated, ranges } => {
                    let in_class = ranges.iter().any(|&(a, b)| a <= c && c <= b);
                    (c != '/' && in_class != *negated).then_some(s + 1)
                }
            };
            if let Some(t) = step {
                next[t] = true;
                any = true;
            }
        }
        if !any {
            return false;
        }
        std::mem::swap(&mut current, &mut next);
        std::mem::swap(&mut inside, &mut next_inside);
        close(tokens, &mut current);
    }
    current[n]
}

/// Adds the positions reachable without reading a character: past a `*`
/// (an empty run) and past a `**` (zero segments).
fn close(tokens: &[Token], set: &mut [bool]) {
    for s in 0..tokens.len() {
        if set[s] && matches!(tokens[s], Token::Star | Token::GlobStar { .. }) {
            set[s + 1] = true;
        }
    }
}

/// Several patterns: a path matches when any does.
#[derive(Debug, Clone, Default)]
pub struct GlobSet {
    globs: Vec<Glob>,
}

impl GlobSet {
    pub fn new<S: AsRef<str>>(patterns: &[S]) -> Result<GlobSet, GlobError> {
        let globs = patterns
            .iter()
            .map(|p| Glob::new(p.as_ref()))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(GlobSet { globs })
    }

    pub fn is_empty(&self) -> bool {
        self.globs.is_empty()
    }

    pub fn matches(&self, path: &str) -> bool {
        self.globs.iter().any(|g| g.matches(path))
    }
}

/// The rules of one ignore file (`.gitignore`, `.ignore`), with git's
/// semantics: blank lines and `#` comments skipped, `\#` and `\!` escapes,
/// trailing spaces trimmed unless escaped, `!` re-includes, a trailing `/`
/// matches directories only, a pattern with a `/` before its end is anchored
/// at the file's directory, and the last matching rule wins.
#[derive(Debug, Clone, Default)]
pub struct IgnoreFile {
    /// The directory of the file, relative to the walk's base (`""` for the base).
    base: String,
    rules: Vec<Glob>,
}

impl IgnoreFile {
    /// Reads an ignore file's text. Lines that are not valid globs are
    /// skipped (git ignores them too) and listed in the second value.
    pub fn parse(base: &str, text: &str) -> (IgnoreFile, Vec<GlobError>) {
        let mut rules = Vec::new();
        let mut errors = Vec::new();
        for raw in text.lines() {
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            // Trailing spaces are trimmed unless escaped with `\`.
            let mut end = line.len();
            while end > 0 && line.as_bytes()[end - 1] == b' ' && !line[..end - 1].ends_with('\\') {
                end -= 1;
            }
            let pattern = &line[..end];
            if pattern.is_empty() {
                continue;
            }
            // `\#` and `\!` at the start stay escapes: the glob reads them as literals.
            match Glob::new(pattern) {
                Ok(g) => rules.push(g),
                Err(e) => errors.push(e),
            }
        }
        let base = base.trim_matches('/').to_string();
        (IgnoreFile { base, rules }, errors)
    }

    /// What the file says about `path` (relative to the walk's base):
    /// `Some(true)` ignored, `Some(false)` re-included, `None` no rule matches.
    pub fn decide(&self, path: &str, is_dir: bool) -> Option<bool> {
        let rel = if self.base.is_empty() {
            path
        } else {
            path.strip_prefix(self.base.as_str())?.strip_prefix('/')?
        };
        self.rules.iter().rev().find_map(|g| {
            let hit = if is_dir {
                g.matches_dir(rel)
            } else {
                g.matches(rel)
            };
            hit.then_some(!g.is_negated())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignore_files_follow_git() {
        let (f, errors) = IgnoreFile::parse(
            "docs",
            "# c\n\n*.tmp\nbuild/\n!keep.tmp\n/draft.md\n\\#hash.md\nbad[\n",
        );
        assert_eq!(errors.len(), 1, "an invalid line is skipped and reported");
        assert_eq!(f.decide("docs/a.tmp", false), Some(true));
        assert_eq!(f.decide("docs/sub/keep.tmp", false), Some(false));
        assert_eq!(f.decide("docs/build", true), Some(true));
        assert_eq!(
            f.decide("docs/build", false),
            None,
            "`build/` is for directories"
        );
        assert_eq!(f.decide("docs/draft.md", false), Some(true));
        assert_eq!(
            f.decide("docs/sub/draft.md", false),
            None,
            "anchored at the file's directory"
        );
        assert_eq!(f.decide("docs/#hash.md", false), Some(true));
        assert_eq!(
            f.decide("other/a.tmp", false),
            None,
            "outside the file's directory"
        );
    }

    fn m(p: &str, path: &str) -> bool {
        Glob::new(p).unwrap().matches(path)
    }

    #[test]
    fn stars_and_segments() {
        assert!(m("*.md", "a.md"));
        assert!(m("*.md", "docs/specs/a.md"), "no slash: any depth");
        assert!(!m("docs/*.md", "docs/specs/a.md"));
        assert!(m("docs/*.md", "docs/a.md"));
        assert!(m("docs/**/*.md", "docs/a.md"));
        assert!(m("docs/**/*.md", "docs/x/y/a.md"));
        assert!(m("**/legacy/**", "a/legacy/b/c.md"));
        assert!(m("legacy/**", "legacy/x.md"));
        assert!(!m("a/**/b", "a/xb"), "`**/` ends at a segment boundary");
        assert!(m("a/**/b", "a/b"));
        assert!(m("a/**/b", "a/x/y/b"));
        assert!(!m("a/**/b", "a/x/yb"));
        assert!(!m("legacy/**", "other/legacy/x.md"));
        assert!(m("/README.md", "README.md"));
        assert!(!m("/README.md", "docs/README.md"));
        assert!(m("a?c.md", "abc.md"));
        assert!(!m("a?c.md", "a/c.md"));
        assert!(m("./docs/*.md", "docs/a.md"));
    }

    #[test]
    fn classes_braces_and_escapes() {
        assert!(m("spec-[0-9].md", "spec-7.md"));
        assert!(!m("spec-[!0-9].md", "spec-7.md"));
        assert!(m("*.{md,markdown}", "x.markdown"));
        assert!(m("docs/{a,b}/*.md", "docs/b/x.md"));
        assert!(m("\\*.md", "*.md"));
        assert!(!m("\\*.md", "a.md"));
        assert!(Glob::new("{a").is_err());
        assert!(Glob::new("[a").is_err());
        assert!(Glob::new("{a,{b}}").is_err());
    }

    #[test]
    fn directories_and_negation() {
        let g = Glob::new("build/").unwrap();
        assert!(g.is_dir_only());
        assert!(g.matches_dir("build"));
        assert!(!g.matches("build"));
        let n = Glob::new("!keep.md").unwrap();
        assert!(n.is_negated() && n.matches("keep.md"));
    }

    #[test]
    fn pathological_patterns_are_linear() {
        let name = "a".repeat(60_000);
        assert!(!m("*a*a*a*a*a*a*a*a*b", &name));
        let deep = "x/".repeat(5_000) + "y.md";
        assert!(m("**/**/**/**/y.md", &deep));
        assert!(Glob::new(&"a".repeat(MAX_PATTERN + 1)).is_err());
        assert!(Glob::new(&"{a,b}".repeat(7)).is_err());
    }
}
