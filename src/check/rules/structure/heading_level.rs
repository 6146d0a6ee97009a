//! `ST005` wrong-heading-level: a section heading has the wrong level.

use crate::analysis::HeadingRole;
use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::source::Span;

/// ## What it does
/// Checks that each section's heading has the level the spec type gives it:
/// `### Scope` or `# Scope` where `## Scope` is expected.
///
/// ## Why is this bad?
/// The level decides which section the following text belongs to: a `### Scope`
/// makes the scope part of the section above it, and tools that read the
/// document by section see no scope at all.
///
/// ## Example
/// ```markdown
/// ## Purpose
/// Describe the orders data model.
///
/// ### Scope
/// - The `orders_db` database.
/// ```
///
/// Use instead:
/// ```markdown
/// ## Purpose
/// Describe the orders data model.
///
/// ## Scope
/// - The `orders_db` database.
/// ```
///
/// ## Fix safety
/// The fix rewrites the `#` markers of an ATX heading and is safe. Setext
/// headings (underlined with `===` or `---`) get no fix.
pub static META: RuleMeta = RuleMeta {
    code: "ST005",
    name: "wrong-heading-level",
    severity: Severity::Warning,
    certainty: Certainty::Certain,
    fix: FixAvailability::Sometimes,
    summary: "A section heading has the wrong level.",
    needs_spec: true,
};

struct WrongHeadingLevel<'a> {
    title: &'a str,
    found: u8,
    expected: u8,
}

impl Violation for WrongHeadingLevel<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        format!(
            "section `{}` has heading level {}; expected level {}",
            self.title, self.found, self.expected
        )
    }
    fn help(&self) -> Option<String> {
        Some(format!(
            "write it as `{} {}`",
            "#".repeat(usize::from(self.expected)),
            self.title
        ))
    }
}

pub fn check(c: &mut Checker<'_>) {
    for (i, role) in c.analysis.roles.iter().enumerate() {
        let HeadingRole::WrongLevel { spec } = *role else {
            continue;
        };
        let (Some(h), Some(section)) = (c.doc.headings.get(i), c.spec.sections.get(spec)) else {
            continue;
        };
        let fix = if h.setext {
            None
        } else {
            atx_markers(c.doc.text, h.span)
        }
        .map(|markers| {
            let new = "#".repeat(usize::from(section.level));
            Fix::safe(
                format!("Change `{}` to `{new}`", markers.text(c.doc.text)),
                vec![Edit::replace(markers, new)],
            )
        });
        let v = WrongHeadingLevel {
            title: &section.title,
            found: h.level,
            expected: section.level,
        };
        if let (Some(d), Some(fix)) = (c.report(v, h.span), fix) {
            d.fix = Some(fix);
        }
    }
}

/// The opening `#` run of an ATX heading.
fn atx_markers(text: &str, heading: Span) -> Option<Span> {
    let raw = heading.text(text);
    let lead = raw.len() - raw.trim_start_matches(' ').len();
    let hashes = raw[lead..].len() - raw[lead..].trim_start_matches('#').len();
    (hashes > 0).then(|| Span::new(heading.start + lead, heading.start + lead + hashes))
}
