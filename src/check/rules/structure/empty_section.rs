//! `ST004` empty-section: a section has a heading but no content.

use crate::diagnostic::Severity;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};

/// ## What it does
/// Checks that every section of the spec type has content under its heading.
/// Blank lines and HTML comments are not content. A section whose content is
/// all in subsections is empty only when all of them are empty. Sections the
/// spec type marks `non_empty: false` are skipped. When an active condition
/// requires it (`status: approved` in the built-in type), the diagnostic is an
/// error.
///
/// ## Why is this bad?
/// An empty section looks answered in a table of contents but says nothing;
/// an approved spec with empty sections was approved unfinished.
///
/// ## Example
/// ```markdown
/// ## Risks & Mitigations
/// ## Open Questions
/// - Partition `orders` by month?
/// ```
///
/// Use instead:
/// ```markdown
/// ## Risks & Mitigations
/// - The replication slot can fill the primary's disk: alert at 20 GB of retained WAL.
///
/// ## Open Questions
/// - Partition `orders` by month?
/// ```
///
/// ## Fix safety
/// There is no fix: only the author knows what the section should say.
pub static META: RuleMeta = RuleMeta {
    code: "ST004",
    name: "empty-section",
    severity: Severity::Warning,
    certainty: Certainty::Certain,
    fix: FixAvailability::None,
    summary: "A section has a heading but no content.",
    needs_spec: true,
};

struct EmptySection<'a> {
    title: &'a str,
}

impl Violation for EmptySection<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        format!("section `{}` is empty", self.title)
    }
    fn help(&self) -> Option<String> {
        Some(
            "write the section's content below its heading, or say explicitly that nothing applies"
                .into(),
        )
    }
}

pub fn check(c: &mut Checker<'_>) {
    let cond = c
        .analysis
        .condition_requiring(c.spec, |c| c.then.no_empty_sections);
    for (s, section) in c.spec.sections.iter().enumerate() {
        if !section.non_empty {
            continue;
        }
        let Some(i) = c.analysis.section_for(s) else {
            continue;
        };
        let Some(h) = c.doc.heading(i) else {
            continue;
        };
        if c.analysis.section_is_empty(c.doc, i) {
            c.report_escalated(
                EmptySection {
                    title: &section.title,
                },
                h.span,
                cond,
            );
        }
    }
}
