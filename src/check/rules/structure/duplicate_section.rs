//! `ST003` duplicate-section: a section appears twice.

use crate::analysis::HeadingRole;
use crate::diagnostic::{Related, Severity};
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};

/// ## What it does
/// Checks that each section of the spec type has one heading. The second
/// heading (and any later one) with the title of a section already present
/// is reported, with the first one as a related location.
///
/// ## Why is this bad?
/// Tools read the first section of each kind; content under the second one
/// is ignored by them, and readers do not know which one is current.
///
/// ## Example
/// ```markdown
/// ## Open Questions
/// - Partition `orders` by month?
///
/// ## Open Questions
/// - Who signs off the migration?
/// ```
///
/// Use instead:
/// ```markdown
/// ## Open Questions
/// - Partition `orders` by month?
/// - Who signs off the migration?
/// ```
///
/// ## Fix safety
/// There is no fix: merging two sections needs an author's judgement.
pub static META: RuleMeta = RuleMeta {
    code: "ST003",
    name: "duplicate-section",
    severity: Severity::Error,
    certainty: Certainty::Certain,
    fix: FixAvailability::None,
    summary: "A section appears twice.",
    needs_spec: true,
};

struct DuplicateSection<'a> {
    title: &'a str,
}

impl Violation for DuplicateSection<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        format!("section `{}` appears twice", self.title)
    }
    fn help(&self) -> Option<String> {
        Some(format!(
            "merge this content into the first `{}` section and remove this heading",
            self.title
        ))
    }
}

pub fn check(c: &mut Checker<'_>) {
    for (i, role) in c.analysis.roles.iter().enumerate() {
        let HeadingRole::Duplicate { spec, first } = *role else {
            continue;
        };
        let (Some(h), Some(first_h), Some(section)) = (
            c.doc.headings.get(i),
            c.doc.heading(first),
            c.spec.sections.get(spec),
        ) else {
            continue;
        };
        if let Some(d) = c.report(
            DuplicateSection {
                title: &section.title,
            },
            h.span,
        ) {
            d.related.push(Related {
                span: first_h.span,
                message: format!("first `{}` section", section.title),
                path: None,
            });
        }
    }
}
