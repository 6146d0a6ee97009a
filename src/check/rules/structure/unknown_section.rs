//! `ST006` unknown-section: a section the spec type does not know.

use crate::analysis::HeadingRole;
use crate::diagnostic::Severity;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::text::closest;

/// ## What it does
/// Reports section-level headings that match no section of the spec type,
/// not even as an alias or a likely typo, and suggests the closest section
/// title when there is one. Subsections inside known sections are not
/// reported.
///
/// ## Why is this bad?
/// Extra sections are allowed, but they are often a template section under
/// another name, which tools then cannot find.
///
/// ## Example
/// ```markdown
/// ## Data Model Notes
/// ```
///
/// Use instead:
/// ```markdown
/// ## Entity Inventory
/// ```
///
/// ## Fix safety
/// There is no fix: an extra section may be intended.
pub static META: RuleMeta = RuleMeta {
    code: "ST006",
    name: "unknown-section",
    severity: Severity::Info,
    certainty: Certainty::Certain,
    fix: FixAvailability::None,
    summary: "A section the spec type does not know.",
    needs_spec: true,
};

enum Hint<'a> {
    None,
    /// The closest title of a section that is missing.
    Closest(&'a str),
    /// Another name of a section that is already present.
    AlreadyPresent(&'a str),
}

struct UnknownSection<'a> {
    title: &'a str,
    type_name: &'a str,
    hint: Hint<'a>,
}

impl Violation for UnknownSection<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        if self.title.is_empty() {
            format!("empty heading is not a section of the {}", self.type_name)
        } else {
            format!(
                "`{}` is not a section of the {}",
                self.title, self.type_name
            )
        }
    }
    fn help(&self) -> Option<String> {
        match self.hint {
            Hint::None => None,
            Hint::Closest(t) => Some(format!("did you mean `{t}`?")),
            Hint::AlreadyPresent(t) => Some(format!(
                "this looks like `{t}`, which is already present; consider merging the two sections"
            )),
        }
    }
}

pub fn check(c: &mut Checker<'_>) {
    if c.spec.sections.is_empty() {
        return;
    }
    let matcher = c.spec.titles();
    let type_name = if c.spec.name.is_empty() {
        "spec type"
    } else {
        c.spec.name.as_str()
    };
    for (i, role) in c.analysis.roles.iter().enumerate() {
        if *role != HeadingRole::Unknown {
            continue;
        }
        let Some(h) = c.doc.headings.get(i) else {
            continue;
        };
        let hint = match matcher.near_miss(&h.text) {
            Some((s, _)) => match (c.spec.sections.get(s), c.analysis.section_for(s)) {
                (Some(x), Some(_)) => Hint::AlreadyPresent(&x.title),
                (Some(x), None) => Hint::Closest(&x.title),
                (None, _) => Hint::None,
            },
            None => {
                let missing = c
                    .spec
                    .sections
                    .iter()
                    .enumerate()
                    .filter(|(s, _)| c.analysis.section_for(*s).is_none())
                    .map(|(_, x)| x.title.as_str());
                closest(&h.text, missing).map_or(Hint::None, Hint::Closest)
            }
        };
        c.report(
            UnknownSection {
                title: &h.text,
                type_name,
                hint,
            },
            h.span,
        );
    }
}
