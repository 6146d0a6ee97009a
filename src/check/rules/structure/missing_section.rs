//! `ST001` missing-section: a required section is missing.

use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::source::Span;

/// ## What it does
/// Checks that every required section of the spec type has a heading. A
/// section written under a near-miss title (`Data classification and
/// compliance`, an alias, a typo) or at the wrong heading level is present:
/// those are reported by `near-miss-heading` and `wrong-heading-level`.
/// The diagnostic points at the heading of the next section that is present,
/// which is where the missing one belongs (or at the end of the document).
///
/// ## Why is this bad?
/// Reviewers and tools rely on every spec of a type answering the same
/// questions; a missing section is usually a question nobody answered.
///
/// ## Example
/// ```markdown
/// ## Purpose
/// Describe the orders data model.
///
/// ## Data Classification & Compliance
/// - Emails are PII.
/// ```
///
/// Use instead:
/// ```markdown
/// ## Purpose
/// Describe the orders data model.
///
/// ## Scope
/// - The `orders_db` database in production and staging.
///
/// ## Data Classification & Compliance
/// - Emails are PII.
/// ```
///
/// ## Fix safety
/// The fix inserts the section's heading, with nothing under it, where the
/// section belongs: before the heading of the next section present, or at
/// the end of the document. It is unsafe: only the author knows what the
/// section should say, and until they write it the section is empty
/// (`ST004`). Normalizing never applies it on its own.
pub static META: RuleMeta = RuleMeta {
    code: "ST001",
    name: "missing-section",
    severity: Severity::Error,
    certainty: Certainty::Certain,
    fix: FixAvailability::Always,
    summary: "A required section is missing.",
    needs_spec: true,
};

struct MissingSection<'a> {
    title: &'a str,
    level: u8,
    /// The canonical title of the next section present, if any.
    before: Option<(&'a str, u8)>,
}

impl MissingSection<'_> {
    /// The heading to add: `## Scope`.
    fn heading(&self) -> String {
        format!("{} {}", "#".repeat(usize::from(self.level)), self.title)
    }
}

impl Violation for MissingSection<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        format!("required section `{}` is missing", self.title)
    }
    fn help(&self) -> Option<String> {
        let heading = self.heading();
        Some(match self.before {
            Some((next, level)) => format!(
                "add `{heading}` before `{} {next}`",
                "#".repeat(usize::from(level))
            ),
            None => format!("add `{heading}` at the end of the document"),
        })
    }
}

pub fn check(c: &mut Checker<'_>) {
    let end = Span::empty(c.doc.text.trim_end().len());
    for (s, section) in c.spec.sections.iter().enumerate() {
        if !section.required || c.analysis.section_for(s).is_some() {
            continue;
        }
        // The next spec section that is present: the missing one goes before it.
        let next = c
            .spec
            .sections
            .iter()
            .enumerate()
            .skip(s + 1)
            .find_map(|(t, spec)| {
                let h = c.analysis.section_for(t).and_then(|i| c.doc.heading(i))?;
                Some((spec, h.span))
            });
        let span = next.map_or(end, |(_, span)| span);
        let v = MissingSection {
            title: &section.title,
            level: section.level,
            before: next.map(|(spec, _)| (spec.title.as_str(), spec.level)),
        };
        let fix = insert_heading(c.doc.text, &c.doc.line_index, &v, next.map(|(_, s)| s));
        if let Some(d) = c.report(v, span) {
            d.fix = Some(fix);
        }
    }
}

/// The unsafe fix: `## Title` and a blank line at the start of the next
/// present section's heading line, or at the end of the document.
fn insert_heading(
    text: &str,
    lines: &crate::source::LineIndex,
    v: &MissingSection<'_>,
    next: Option<Span>,
) -> Fix {
    let heading = v.heading();
    let edit = match next {
        Some(span) => {
            let at = lines
                .line_start(lines.line_of(span.start))
                .unwrap_or(span.start);
            Edit::insert(at, format!("{heading}\n\n"))
        }
        None => {
            let sep = if text.is_empty() || text.ends_with("\n\n") {
                ""
            } else if text.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            Edit::insert(text.len(), format!("{sep}{heading}\n"))
        }
    };
    Fix::unsafe_(format!("Insert `{heading}`"), vec![edit])
}

#[cfg(test)]
mod tests {
    use crate::Linter;

    const ORDERS: &str = include_str!("../../../../examples/valid/orders-db.md");

    /// `text` with the lines from `from` up to (not including) `to` removed.
    fn without(text: &str, from: &str, to: Option<&str>) -> String {
        let a = text.find(from).unwrap();
        let b = to.map_or(text.len(), |t| text.find(t).unwrap());
        format!("{}{}", &text[..a], &text[b..])
    }

    fn codes(text: &str) -> Vec<&'static str> {
        Linter::default()
            .check(text)
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect()
    }

    /// Applies the one `ST001` fix of `text` and returns the result.
    fn fixed(text: &str) -> String {
        let report = Linter::default().check(text);
        let st001: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.code == "ST001")
            .collect();
        assert_eq!(st001.len(), 1, "{:?}", report.diagnostics);
        let fix = st001[0].fix.as_ref().expect("a fix");
        assert_eq!(fix.applicability, crate::diagnostic::Applicability::Unsafe);
        let [edit] = fix.edits.as_slice() else {
            panic!("one edit")
        };
        let mut out = text.to_string();
        out.replace_range(edit.span.start..edit.span.end, &edit.text);
        out
    }

    #[test]
    fn the_fix_inserts_the_heading_before_the_next_section_present() {
        let text = without(
            ORDERS,
            "## Scope\n",
            Some("## Data Classification & Compliance"),
        );
        let out = fixed(&text);
        assert!(
            out.contains("\n## Scope\n\n## Data Classification & Compliance\n"),
            "{out}"
        );
        let codes = codes(&out);
        assert!(!codes.contains(&"ST001"), "{codes:?}");
        assert!(
            codes.contains(&"ST004"),
            "the new section is empty until written: {codes:?}"
        );
    }

    #[test]
    fn the_fix_appends_the_last_section_at_the_end() {
        let text = without(ORDERS, "## References\n", None);
        let out = fixed(&text);
        assert!(out.ends_with("\n\n## References\n"), "{out:?}");
        let codes = codes(&out);
        assert!(!codes.contains(&"ST001"), "{codes:?}");
    }
}
