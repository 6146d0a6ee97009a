//! Small text helpers shared by rules, normalizer and exporter.
//!
//! Each helper states its return contract; none allocates unless it says so,
//! and none panics on any input.
//!
//! Over 600 lines because it gathers many small, independent wording helpers
//! (each documented and tested below), so that message wording lives in one
//! place.

use std::borrow::Cow;

/// `Purpose {#purpose}` → `Purpose`.
pub fn strip_attribute_block(text: &str) -> &str {
    let t = text.trim_end();
    if t.ends_with('}') {
        if let Some(open) = t.rfind('{') {
            let inner = &t[open + 1..t.len() - 1];
            if inner.starts_with('#') || inner.starts_with('.') || inner.contains('=') {
                return t[..open].trim_end();
            }
        }
    }
    t
}

/// `6.1 orders`, `1) Purpose`, `3. Scope`, `A. Scope`, `§2 Scope` → the rest.
pub fn strip_numbering(text: &str) -> &str {
    let t = text.trim_start().trim_start_matches('§').trim_start();
    let digits = t
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    let rest = if digits > 0 {
        &t[digits..]
    } else {
        // A single letter or Roman numeral followed by `.` or `)`: `A.`, `IV)`.
        let head = t
            .char_indices()
            .take_while(|(_, c)| c.is_ascii_alphabetic())
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        let roman = t[..head].chars().all(|c| "IVXivx".contains(c));
        if head > 0 && (head == 1 || roman) && t[head..].starts_with(['.', ')']) {
            &t[head..]
        } else {
            return t;
        }
    };
    let rest = rest.strip_prefix(')').unwrap_or(rest);
    if digits > 0 || rest.len() < t.len() {
        let r = rest.trim_start_matches(['.', ')', ':', '-', '–', '—']);
        if r.starts_with(char::is_whitespace) || r.is_empty() || r.len() < rest.len() {
            return r.trim_start();
        }
    }
    t
}

/// The byte range of a heading's title inside its text: after numbering
/// (`1.`, `6.1`, `A)`) and leading decoration (emoji, `§`), before a
/// trailing attribute block (`{#id}`). `## 2. 🔐 Scope {#scope}` → `Scope`.
/// Returns `(0, s.len())` when there is nothing to strip.
pub fn title_core(s: &str) -> (usize, usize) {
    let end = strip_attribute_block(s).len();
    let head = &s[..end];
    let mut start = 0;
    loop {
        let rest = &head[start..];
        let num = strip_numbering(rest);
        let deco = num.trim_start_matches(|c: char| {
            !(c.is_alphanumeric()
                || matches!(c, '`' | '*' | '_' | '[' | '<' | '"' | '\'' | '(' | '&'))
        });
        let next = end - deco.len();
        if next == start || next >= end {
            break;
        }
        start = next;
    }
    (start.min(end), end)
}

/// The longest message or help kept, in characters.
pub const MAX_MESSAGE_CHARS: usize = 500;

/// Cuts a message that quotes too much of a document (a 10 MB key) to
/// [`MAX_MESSAGE_CHARS`] characters, ending it with `…`.
pub fn cap_message(s: &mut String) {
    if s.len() > MAX_MESSAGE_CHARS {
        if let Some((i, _)) = s.char_indices().nth(MAX_MESSAGE_CHARS) {
            s.truncate(i);
            s.push('…');
        }
    }
}

/// At most `max` characters of `s`, with `…` when cut.
pub fn truncate_chars(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Spans (relative to `s`) of template placeholders `<...>` in `s`.
///
/// A placeholder is `<` + one or more characters other than `<`, `>` and line
/// breaks + `>`, that is not an HTML tag (a known element name, a closing tag,
/// a comment or a tag with attributes) and not an autolink (`<https://…>`,
/// `<a@b.c>`). `<table_name>`, `<Database Schema Specification>` and
/// `<data-or-platform-team>` are placeholders; `<br>`, `<img src=x>`,
/// `</div>` and `<https://example.com>` are not.
pub fn placeholders(s: &str) -> Vec<(usize, usize)> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(rel) = s.get(i..).and_then(|t| t.find('<')) {
        let start = i + rel;
        let Some(close_rel) = s[start + 1..].find(['>', '<', '\n']) else {
            break;
        };
        let end = start + 1 + close_rel;
        if bytes[end] != b'>' {
            i = end;
            continue;
        }
        let inner = &s[start + 1..end];
        if is_placeholder_inner(inner) {
            out.push((start, end + 1));
        }
        i = end + 1;
    }
    out
}

fn is_placeholder_inner(inner: &str) -> bool {
    let t = inner.trim();
    if t.is_empty() || t != inner {
        return false;
    }
    let first = t.chars().next().unwrap_or(' ');
    if matches!(first, '/' | '!' | '?' | '=' | '-') || !(first.is_alphanumeric() || first == '_') {
        return false;
    }
    if t.contains("://")
        || t.contains('@')
        || t.contains('=')
        || t.contains('"')
        || t.contains('\'')
    {
        return false;
    }
    // `<=`, `<-`, `a < b > c` comparisons never reach here with letters first; numbers are not placeholders.
    if t.chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ' ')
    {
        return false;
    }
    // `<br/>`, `<DocCardList />`: self-closing element syntax (HTML, JSX in
    // MDX), which no template writes for a placeholder.
    if t.ends_with('/') {
        return false;
    }
    let name = t.split(' ').next().unwrap_or("");
    t.contains(' ') || !is_html_element(name)
}

/// Whether `name` is an HTML element name (case-insensitive).
pub fn is_html_element(name: &str) -> bool {
    const ELEMENTS: &[&str] = &[
        "a",
        "abbr",
        "address",
        "area",
        "article",
        "aside",
        "audio",
        "b",
        "bdi",
        "bdo",
        "blockquote",
        "body",
        "br",
        "button",
        "caption",
        "center",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "dfn",
        "dialog",
        "div",
        "dl",
        "dt",
        "em",
        "embed",
        "fieldset",
        "figcaption",
        "figure",
        "font",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "i",
        "iframe",
        "img",
        "input",
        "ins",
        "kbd",
        "label",
        "legend",
        "li",
        "link",
        "main",
        "mark",
        "meta",
        "nav",
        "ol",
        "optgroup",
        "option",
        "p",
        "picture",
        "pre",
        "q",
        "s",
        "samp",
        "script",
        "section",
        "select",
        "small",
        "source",
        "span",
        "strike",
        "strong",
        "style",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "template",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "time",
        "title",
        "tr",
        "track",
        "tt",
        "u",
        "ul",
        "var",
        "video",
        "wbr",
    ];
    let lower = name.to_ascii_lowercase();
    ELEMENTS.binary_search(&lower.as_str()).is_ok()
}

/// Whether a front matter value is an unreplaced template placeholder:
/// it contains a `<...>` placeholder, or is a date template such as `YYYY-MM-DD`.
pub fn is_placeholder_value(v: &str) -> bool {
    let t = v.trim();
    !placeholders(t).is_empty() || is_date_template(t)
}

/// `YYYY-MM-DD`, `YYYY/MM/DD`, `DD.MM.YYYY`, `YYYY-MM` (case-insensitive).
pub fn is_date_template(t: &str) -> bool {
    let u = t.to_ascii_uppercase();
    !u.is_empty()
        && u.contains("YYYY")
        && u.chars()
            .all(|c| matches!(c, 'Y' | 'M' | 'D' | '-' | '/' | '.' | ' '))
}

/// Checks a `YYYY-MM-DD` calendar date. Returns `Ok(())`, or `Err` with what is wrong.
pub fn check_date(s: &str) -> Result<(), String> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return Err("dates are written `YYYY-MM-DD`".into());
    }
    let year: u32 = s[0..4].parse().unwrap_or(0);
    let month: u32 = s[5..7].parse().unwrap_or(0);
    let day: u32 = s[8..10].parse().unwrap_or(0);
    if !(1..=12).contains(&month) {
        return Err(format!("month `{month:02}` does not exist"));
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day == 0 || day > days {
        return Err(format!(
            "day `{day:02}` does not exist in {year}-{month:02}"
        ));
    }
    Ok(())
}

/// Reads an unambiguous date written another way and returns it as `YYYY-MM-DD`:
/// `2024/01/15`, `2024.01.15`, `2024-1-5`, `15 January 2024`, `January 15, 2024`,
/// `Jan 15 2024`. Day-month order with numbers only (`01/02/2024`) is ambiguous
/// and returns `None`, as does an invalid calendar date.
pub fn canonical_date(s: &str) -> Option<String> {
    let t = s.trim();
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    if parts.len() == 3
        && parts[0].len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|c| c.is_ascii_digit()))
    {
        let y: u32 = parts[0].parse().ok()?;
        let m: u32 = parts[1].parse().ok()?;
        let d: u32 = parts[2].parse().ok()?;
        return valid(y, m, d);
    }
    // Month names.
    let words: Vec<String> = t
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_ascii_lowercase())
        .collect();
    if words.len() != 3 {
        return None;
    }
    let month_of = |w: &str| -> Option<u32> {
        const M: [&str; 12] = [
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ];
        if w.len() < 3 {
            return None;
        }
        let i = M.iter().position(|m| w.starts_with(m))?;
        let full = [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ][i];
        (full.starts_with(w) || w == "sept").then_some(i as u32 + 1)
    };
    let num = |w: &str| -> Option<u32> {
        let w = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        w.parse().ok()
    };
    let (m, d, y) = if let Some(m) = month_of(&words[0]) {
        (m, num(&words[1])?, words[2].parse().ok()?)
    } else if let Some(m) = month_of(&words[1]) {
        (m, num(&words[0])?, words[2].parse().ok()?)
    } else {
        return None;
    };
    if y < 1000 {
        return None;
    }
    valid(y, m, d)
}

fn valid(y: u32, m: u32, d: u32) -> Option<String> {
    let s = format!("{y:04}-{m:02}-{d:02}");
    check_date(&s).ok().map(|_| s)
}

/// The candidate closest to `value` by edit distance (case-insensitive), when it
/// is close enough to be a likely typo (normalized similarity of at least 0.6,
/// or one is a prefix of the other).
/// A serde message without Rust type names: ``expected struct SpecType``
/// becomes ``expected a mapping``, ``expected a sequence`` stays.
pub fn without_type_names(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find("expected struct ") {
        out.push_str(&rest[..i]);
        out.push_str("expected a mapping");
        let after = &rest[i + "expected struct ".len()..];
        let name_end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        rest = &after[name_end..];
    }
    out.push_str(rest);
    out
}

/// A serde message about an unknown key or variant (``unknown field `x`,
/// expected one of `a`, `b` ``), with `extra` keys added to the ones it
/// lists and a "did you mean" for the closest. Other messages are returned
/// unchanged.
pub fn explain_unknown(message: &str, extra: &[&str]) -> String {
    let Some(rest) = message
        .find("unknown field `")
        .map(|i| (i, "unknown field `"))
        .or_else(|| {
            message
                .find("unknown variant `")
                .map(|i| (i, "unknown variant `"))
        })
    else {
        return message.to_string();
    };
    let (at, prefix) = rest;
    let after = &message[at + prefix.len()..];
    let Some(end) = after.find('`') else {
        return message.to_string();
    };
    let wrong = &after[..end];
    let listed = &after[end..];
    let mut known: Vec<&str> = listed
        .split('`')
        .skip(2)
        .step_by(2)
        .chain(extra.iter().copied())
        .collect();
    known.dedup();
    let head = &message[..at];
    let what = if prefix.contains("field") {
        "unknown option"
    } else {
        "unknown value"
    };
    let list = code_list(&known);
    let hint = closest(wrong, known.iter().copied())
        .map(|c| format!("; did you mean `{c}`?"))
        .unwrap_or_default();
    if known.is_empty() {
        return message.to_string();
    }
    format!("{head}{what} `{wrong}`; expected one of {list}{hint}")
}

pub fn closest<'c>(value: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let v = fold_case(value);
    let mut best: Option<(&str, f64)> = None;
    for c in candidates {
        let cl = fold_case(c);
        let mut score = strsim::normalized_levenshtein(&v, &cl);
        if !v.is_empty() && (cl.starts_with(&v) || v.starts_with(&cl)) {
            score = score.max(0.7);
        }
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((c, score));
        }
    }
    best.filter(|(_, s)| *s >= 0.6).map(|(c, _)| c)
}

/// `a`, `b`, `c` as backticked names joined by commas: "`a`, `b`, `c`".
pub fn code_list<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| format!("`{}`", s.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Repairs UTF-8 that was decoded as Windows-1252 (or Latin-1) and encoded
/// again: `â†’` becomes `→`, `Ã©` becomes `é`. Only runs of characters that
/// map back to bytes and then decode as valid multi-byte UTF-8 are replaced;
/// everything else is returned as is (`Cow::Borrowed` when nothing changed).
pub fn repair_mojibake(s: &str) -> Cow<'_, str> {
    // Fast path: mojibake always starts with a lead byte read as Â..ô.
    if !s.chars().any(|c| ('\u{c2}'..='\u{f4}').contains(&c)) {
        return Cow::Borrowed(s);
    }
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if let Some(lead) = cp1252_byte(c).filter(|b| (0xC2..=0xF4).contains(b)) {
            let need = if lead >= 0xF0 {
                3
            } else if lead >= 0xE0 {
                2
            } else {
                1
            };
            if i + need < chars.len() {
                let mut bytes = vec![lead];
                let mut ok = true;
                for k in 1..=need {
                    match chars.get(i + k).and_then(|&(_, ch)| cp1252_byte(ch)) {
                        Some(b) if (0x80..=0xBF).contains(&b) => bytes.push(b),
                        _ => {
                            ok = false;
                            break;
                        }
                    }
                }
                if ok {
                    if let Ok(decoded) = std::str::from_utf8(&bytes) {
                        out.push_str(decoded);
                        changed = true;
                        i += need + 1;
                        continue;
                    }
                }
            }
        }
        out.push(c);
        i += 1;
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(s)
    }
}

/// The Windows-1252 byte a character was decoded from, if any.
fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if (0xA0..=0xFF).contains(&u) {
        return Some(u as u8);
    }
    // 0x80..0x9F: Windows-1252 specials, or C1 controls for Latin-1.
    const SPECIAL: [(char, u8); 27] = [
        ('€', 0x80),
        ('‚', 0x82),
        ('ƒ', 0x83),
        ('„', 0x84),
        ('…', 0x85),
        ('†', 0x86),
        ('‡', 0x87),
        ('ˆ', 0x88),
        ('‰', 0x89),
        ('Š', 0x8A),
        ('‹', 0x8B),
        ('Œ', 0x8C),
        ('Ž', 0x8E),
        ('‘', 0x91),
        ('’', 0x92),
        ('“', 0x93),
        ('”', 0x94),
        ('•', 0x95),
        ('–', 0x96),
        ('—', 0x97),
        ('˜', 0x98),
        ('™', 0x99),
        ('š', 0x9A),
        ('›', 0x9B),
        ('œ', 0x9C),
        ('ž', 0x9E),
        ('Ÿ', 0x9F),
    ];
    if (0x80..=0x9F).contains(&u) {
        return Some(u as u8);
    }
    SPECIAL.iter().find(|(ch, _)| *ch == c).map(|(_, b)| *b)
}

/// Text reduced for comparing prose with template guidance: mojibake repaired,
/// lowercase, runs of white space collapsed, trailing `.`/`:` removed.
pub fn guidance_key(s: &str) -> String {
    let repaired = repair_mojibake(s);
    let mut out = String::with_capacity(repaired.len());
    for w in repaired.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        push_lowercase(&mut out, w);
    }
    let kept = out.trim_end_matches(['.', ':', ';']).len();
    out.truncate(kept);
    out
}

/// Appends `w` case-folded to `out` (see [`fold_case`]; no allocation for ASCII).
pub fn push_lowercase(out: &mut String, w: &str) {
    if w.is_ascii() {
        let start = out.len();
        out.push_str(w);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(&fold_case(w));
    }
}

/// `s` case-folded: the key under which names, titles and values compare
/// case-insensitively. Allocates.
///
/// Unicode full case folding (through `unicase`), which is what caseless
/// matching means (`Straße` matches `STRASSE`), rather than `to_lowercase`.
/// It also keeps the WASM module small: pulldown-cmark already links the fold
/// table, where `to_lowercase` and `to_uppercase` would add core's own case
/// tables (about 15 KB gzipped).
pub fn fold_case(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        unicase::UniCase::new(s).to_folded_case()
    }
}

/// Whether `a` and `b` are equal ignoring case (by [`fold_case`]). No allocation.
pub fn eq_fold(a: &str, b: &str) -> bool {
    unicase::eq(a, b)
}

/// `s` with its first character case-folded (a description spliced into a
/// sentence: `Owner of the spec` → `owner of the spec`). Allocates.
pub fn fold_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => {
            let mut buf = [0; 4];
            let mut out = fold_case(c.encode_utf8(&mut buf));
            out.push_str(chars.as_str());
            out
        }
        None => String::new(),
    }
}

// Titles and keys as the spec types compare them (re-exported by `spec_type`).

/// `Schema / DB` → `schema_db`.
pub fn snake_case(s: &str) -> String {
    let mut out = String::new();
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('_');
        }
        push_lowercase(&mut out, w);
    }
    out
}

/// A title reduced for comparison: lowercase, `&` read as `and`, punctuation dropped,
/// white space collapsed. `Data Classification & Compliance` → `data classification and compliance`.
pub fn normalize_title(s: &str) -> String {
    // Numbering (`1.`, `6.1`, `A.`), a trailing `{#id}` and decoration such
    // as emoji are not part of a title.
    let s = strip_numbering(strip_attribute_block(s));
    let mut out = String::with_capacity(s.len());
    for w in s
        .split(|c: char| !(c.is_alphanumeric() || c == '&'))
        .filter(|w| !w.is_empty())
    {
        let w = if w == "&" { "and" } else { w };
        if w.contains('&') {
            for (i, part) in w.split('&').enumerate() {
                if i > 0 {
                    push_word(&mut out, "and");
                }
                push_word(&mut out, part);
            }
        } else {
            push_word(&mut out, w);
        }
    }
    out
}

fn push_word(out: &mut String, w: &str) {
    if w.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push(' ');
    }
    push_lowercase(out, w);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_folding_is_unicode_aware() {
        assert_eq!(fold_case("Orders_Audit"), "orders_audit");
        assert_eq!(fold_case("Straße"), fold_case("STRASSE"));
        assert_eq!(fold_case("ÜBERSICHT"), "übersicht");
        assert!(eq_fold("Übersicht", "übersicht"));
        assert_eq!(fold_first("Owner of the spec"), "owner of the spec");
        assert_eq!(fold_first("Ärger"), "ärger");
        assert_eq!(fold_first(""), "");
    }

    #[test]
    fn finds_placeholders() {
        let s = "Owner <team-name>, see <https://x.y> and <br> or <img src=x> </div> <table_name> a < b > c <DocCardList /> <br/>";
        let found: Vec<&str> = placeholders(s).into_iter().map(|(a, b)| &s[a..b]).collect();
        assert_eq!(found, ["<team-name>", "<table_name>"]);
        assert!(is_placeholder_value("<Database Schema Specification>"));
        assert!(is_placeholder_value("YYYY-MM-DD"));
        assert!(!is_placeholder_value("2024-01-01"));
        assert!(placeholders("x <= 3 and y >= 2").is_empty());
    }

    #[test]
    fn dates() {
        assert!(check_date("2024-02-29").is_ok());
        assert_eq!(
            check_date("2023-02-29").unwrap_err(),
            "day `29` does not exist in 2023-02"
        );
        assert_eq!(
            check_date("2024-13-45").unwrap_err(),
            "month `13` does not exist"
        );
        assert!(check_date("last week").is_err());
        assert_eq!(canonical_date("2024/1/5").as_deref(), Some("2024-01-05"));
        assert_eq!(
            canonical_date("January 5, 2024").as_deref(),
            Some("2024-01-05")
        );
        assert_eq!(canonical_date("5 Jan 2024").as_deref(), Some("2024-01-05"));
        assert_eq!(canonical_date("01/02/2024"), None);
        assert_eq!(canonical_date("last week"), None);
    }

    #[test]
    fn mojibake() {
        assert_eq!(repair_mojibake("services â†’ tables"), "services → tables");
        assert_eq!(repair_mojibake("cafÃ© crème"), "café crème");
        assert!(matches!(repair_mojibake("plain → text"), Cow::Borrowed(_)));
        assert_eq!(repair_mojibake("Âge"), "Âge");
    }

    #[test]
    fn closest_suggestion() {
        assert_eq!(
            closest("in-review", ["draft", "approved", "deprecated"]),
            None
        );
        assert_eq!(
            closest("aproved", ["draft", "approved", "deprecated"]),
            Some("approved")
        );
        assert_eq!(closest("Draft", ["draft", "approved"]), Some("draft"));
    }
}

#[cfg(test)]
mod explain_tests {
    use super::explain_unknown;

    #[test]
    fn unknown_options_suggest_the_closest() {
        assert_eq!(
            explain_unknown(
                "options: unknown field `specTyp`, expected one of `specType`, `path`",
                &[]
            ),
            "options: unknown option `specTyp`; expected one of `specType`, `path`; did you mean `specType`?"
        );
        assert_eq!(
            explain_unknown(
                "options: unknown field `unsafeFix`, expected `path`",
                &["unsafeFixes"]
            ),
            "options: unknown option `unsafeFix`; expected one of `path`, `unsafeFixes`; did you mean `unsafeFixes`?"
        );
        assert_eq!(explain_unknown("something else", &[]), "something else");
        assert_eq!(
            super::without_type_names("invalid type: sequence, expected struct SpecType"),
            "invalid type: sequence, expected a mapping"
        );
    }
}
