//! `ST001` missing-section: a required section is missing.

use crate::diagnostic::Severity;
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
/// There is no fix: only the author knows what the section should say.
pub static META: RuleMeta = RuleMeta {
    code: "ST001",
    name: "missing-section",
    severity: Severity::Error,
    certainty: Certainty::Certain,
    fix: FixAvailability::None,
    summary: "A required section is missing.",
    needs_spec: true,
};

struct MissingSection<'a> {
    title: &'a str,
    level: u8,
    /// The canonical title of the next section present, if any.
    before: Option<(&'a str, u8)>,
}

impl Violation for MissingSection<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        format!("required section `{}` is missing", self.title)
    }
    fn help(&self) -> Option<String> {
        let heading = format!("{} {}", "#".repeat(usize::from(self.level)), self.title);
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
                let h = c
                    .analysis
                    .section_for(t)
                    .and_then(|i| c.doc.headings.get(i))?;
                Some((spec, h.span))
            });
        let span = next.map_or(end, |(_, span)| span);
        let v = MissingSection {
            title: &section.title,
            level: section.level,
            before: next.map(|(spec, _)| (spec.title.as_str(), spec.level)),
        };
        c.report(v, span);
    }
}
