//! `ST007` near-miss-heading: a section title is close to, but not, the canonical title.

use crate::analysis::{HeadingRole, NearMissKind};
use crate::diagnostic::{Edit, Fix, Severity};
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};

/// ## What it does
/// Checks that sections use the spec type's canonical titles. A heading that
/// differs only in case or punctuation (`Data classification and
/// compliance`), that uses one of the section's aliases (`Overview`), or that
/// is a likely typo (`Purpse`) is reported with the canonical title.
///
/// ## Why is this bad?
/// Tools, links (`#data-classification--compliance`) and readers scanning
/// many specs look for the canonical titles; variants break anchors and
/// searches.
///
/// ## Example
/// ```markdown
/// ## Data Classification and Compliance
/// ```
///
/// Use instead:
/// ```markdown
/// ## Data Classification & Compliance
/// ```
///
/// ## Fix safety
/// The fix replaces the heading text with the canonical title. It is safe:
/// the heading was matched to that section, and the section's content is
/// left as it is.
pub static META: RuleMeta = RuleMeta {
    code: "ST007",
    name: "near-miss-heading",
    severity: Severity::Warning,
    certainty: Certainty::Heuristic,
    fix: FixAvailability::Always,
    summary: "A section title is close to, but not, the canonical title.",
    needs_spec: true,
};

struct NearMissHeading<'a> {
    found: &'a str,
    title: &'a str,
    kind: NearMissKind,
}

impl Violation for NearMissHeading<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        format!("`{}` should be `{}`", self.found, self.title)
    }
    fn help(&self) -> Option<String> {
        Some(match self.kind {
            NearMissKind::Spelling => {
                "section titles are written exactly as in the template".to_string()
            }
            NearMissKind::Alias => format!(
                "`{}` is another name for `{}`; use the template's title",
                self.found, self.title
            ),
            NearMissKind::Typo => format!("did you mean `{}`?", self.title),
        })
    }
}

pub fn check(c: &mut Checker<'_>) {
    for (i, role) in c.analysis.roles.iter().enumerate() {
        let (spec, kind) = match *role {
            HeadingRole::NearMiss { spec, kind } => (spec, kind),
            // A heading at the wrong level may also be spelled differently.
            HeadingRole::WrongLevel { spec } => (spec, NearMissKind::Spelling),
            _ => continue,
        };
        let (Some(h), Some(section)) = (c.doc.headings.get(i), c.spec.sections.get(spec)) else {
            continue;
        };
        // Numbering, emoji and `{#id}` are the team's; only the title is compared and renamed.
        let content = c.doc.slice(h.content);
        let (a, b) = crate::text::title_core(content);
        if content.get(a..b) == Some(section.title.as_str()) {
            continue;
        }
        let core = crate::Span::new(h.content.start + a, h.content.start + b);
        let fix = Fix::safe(
            format!("Rename heading to `{}`", section.title),
            vec![Edit::replace(core, section.title.clone())],
        );
        let v = NearMissHeading {
            found: &h.text,
            title: &section.title,
            kind,
        };
        if let Some(d) = c.report(v, h.content) {
            d.fix = Some(fix);
        }
    }
}
