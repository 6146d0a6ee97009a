//! `CN001` missing-reference: a condition requires a reference (e.g. the spec replacing a deprecated one) that is missing.

use serde_json::Value;

use crate::diagnostic::Severity;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::spec_type::ReferenceSpec;
use crate::text::{code_list, is_placeholder_value};

/// ## What it does
/// Checks that while a condition of the spec type holds, the reference it
/// asks for is there: with `status: deprecated`, the spec that replaces this
/// one must be named by one of the condition's fields (`superseded_by`, not
/// empty and not a placeholder) or by one of its phrases in the body
/// ("superseded by", "replaced by"; case-insensitive, HTML comments do not
/// count). The diagnostic points at the value that sets the condition.
/// (Fields a condition makes required are checked by `missing-field`.)
///
/// ## Why is this bad?
/// A deprecated spec that does not say what replaces it sends readers to a
/// dead end; they keep following the old design.
///
/// ## Example
/// ```yaml
/// status: deprecated
/// ```
///
/// Use instead:
/// ```yaml
/// status: deprecated
/// superseded_by: loyalty-v2-db
/// ```
///
/// ## Fix safety
/// There is no fix: only the author knows what replaces the spec.
pub static META: RuleMeta = RuleMeta {
    code: "CN001",
    name: "missing-reference",
    severity: Severity::Warning,
    certainty: Certainty::Heuristic,
    fix: FixAvailability::None,
    summary: "A condition requires a reference (e.g. the spec replacing a deprecated one) that is missing.",
    needs_spec: true,
};

struct MissingReference<'a> {
    field: &'a str,
    value: &'a str,
    reference: &'a ReferenceSpec,
}

/// "the replacing spec" → "replacing spec".
fn bare(what: &str) -> &str {
    let w = what.trim();
    ["the ", "a ", "an "]
        .iter()
        .find_map(|a| {
            w.get(..a.len())
                .filter(|p| p.eq_ignore_ascii_case(a))
                .map(|_| &w[a.len()..])
        })
        .unwrap_or(w)
}

impl Violation for MissingReference<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        format!(
            "`{}` is `{}` but no {} is referenced",
            self.field,
            self.value,
            bare(&self.reference.what)
        )
    }
    fn help(&self) -> Option<String> {
        let r = self.reference;
        let phrases = r
            .phrases
            .iter()
            .map(|p| format!("\"{p}\""))
            .collect::<Vec<_>>();
        let phrases = match phrases.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} or {last}", init.join(", ")),
        };
        match (r.fields.is_empty(), phrases.is_empty()) {
            (false, false) => Some(format!(
                "set {} to {}, or name it in the body with a phrase such as {phrases}",
                fields(&r.fields),
                r.what
            )),
            (false, true) => Some(format!("set {} to {}", fields(&r.fields), r.what)),
            (true, false) => Some(format!(
                "name {} in the body with a phrase such as {phrases}",
                r.what
            )),
            (true, true) => None,
        }
    }
}

/// "`a`" or "`a` or `b`".
fn fields(names: &[String]) -> String {
    code_list(names).replace(", ", " or ")
}

/// Whether a front matter value says something (not empty, null or a placeholder).
fn is_set(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !s.trim().is_empty() && !is_placeholder_value(s),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
        Some(_) => true,
    }
}

/// The body as lowercase words separated by single spaces, HTML comments removed.
fn body_words(body: &str) -> String {
    let mut text = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(i) = rest.find("<!--") {
        text.push_str(&rest[..i]);
        text.push(' ');
        rest = rest[i..].find("-->").map_or("", |j| &rest[i + j + 3..]);
    }
    text.push_str(rest);
    let mut out = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        crate::text::push_lowercase(&mut out, w);
    }
    out
}

/// Whether `phrase` starts a word in `words` (see [`body_words`]). A `…`
/// (or `...`) in the phrase stands for up to [`GAP_WORDS`] words: "use …
/// instead" matches "use the ledger v2 spec instead".
fn mentions(words: &str, phrase: &str) -> bool {
    let phrase = phrase.replace("...", "…");
    let mut parts = phrase.split('…').map(body_words).filter(|p| !p.is_empty());
    let Some(first) = parts.next() else {
        return false;
    };
    let rest: Vec<String> = parts.collect();
    let starts_word = |i: usize| {
        words[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    };
    words.match_indices(first.as_str()).any(|(i, m)| {
        if !starts_word(i) {
            return false;
        }
        let mut at = i + m.len();
        for part in &rest {
            // The next GAP_WORDS words after `at` (a bounded window: linear overall).
            let window_end = words[at..]
                .match_indices(' ')
                .nth(GAP_WORDS + part.matches(' ').count())
                .map_or(words.len(), |(k, _)| at + k);
            let window = &words[at..window_end];
            match window
                .match_indices(part.as_str())
                .find(|(k, _)| starts_word(at + k))
            {
                Some((k, p)) => at += k + p.len(),
                None => return false,
            }
        }
        true
    })
}

/// How many words a `…` in a phrase may stand for.
const GAP_WORDS: usize = 8;

pub fn check(c: &mut Checker<'_>) {
    let Some(fm) = c.doc.yaml() else { return };
    let mut words: Option<String> = None;
    for cond in c.analysis.conditions(c.spec) {
        let (Some(entry), Some(r)) = (fm.get(&cond.when.field), cond.then.reference.as_ref())
        else {
            continue;
        };
        if r.fields.is_empty() && r.phrases.is_empty() {
            continue;
        }
        if r.fields
            .iter()
            .any(|f| is_set(fm.get(f).and_then(|e| e.value.as_ref())))
        {
            continue;
        }
        let words = words.get_or_insert_with(|| body_words(c.doc.body()));
        if r.phrases.iter().any(|p| mentions(words, p)) {
            continue;
        }
        let v = MissingReference {
            field: &cond.when.field,
            value: &cond.when.equals,
            reference: r,
        };
        c.report(v, entry.value_span);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_across_lines_and_case() {
        let w = body_words("This spec is\nSuperseded   by `loyalty-v2`. <!-- replaced by x -->");
        assert!(mentions(&w, "superseded by"));
        assert!(!mentions(&w, "replaced by"), "comments do not count");
        assert!(!mentions(&body_words("irreplacement"), "replacement"));
        assert!(mentions(
            &body_words("unterminated <!-- comment"),
            "unterminated"
        ));
        let w = body_words("Please use the `orders-v2` spec instead. Other text.");
        assert!(mentions(&w, "use … instead"));
        assert!(!mentions(
            &body_words(
                "use it. Then a very long sentence of many more words comes before instead"
            ),
            "use … instead"
        ));
        assert!(mentions(
            &body_words("Deprecated in favour of the new ledger"),
            "in favour of"
        ));
    }

    #[test]
    fn articles_are_dropped() {
        assert_eq!(bare("the replacing spec"), "replacing spec");
        assert_eq!(bare("An ADR"), "ADR");
        assert_eq!(bare("replacement"), "replacement");
        assert_eq!(bare("théâtre"), "théâtre");
    }
}
