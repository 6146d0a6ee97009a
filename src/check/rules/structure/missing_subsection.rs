//! `ST008` missing-subsection: a section lacks one of its named subsections.

use crate::analysis::Analysis;
use crate::diagnostic::Severity;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};

/// ## What it does
/// Checks that a section has the named subsections its spec type lists
/// (`subsections`, derived from a template whose section has several named
/// `###` headings, such as `### Backend Services`, `### Web Frontend` and
/// `### Mobile Clients`). A subsection counts when a heading below the
/// section, at any deeper level, has its title or one of its aliases, read
/// as section titles are (case, punctuation, `&` and `and`, numbering).
/// Only sections that are present are checked; a missing section is `ST001`.
///
/// ## Why is this bad?
/// The template asks each document to answer these questions separately; a
/// missing subsection is usually a question left unanswered. It is a warning:
/// a team may fold two subsections into one, or a part may not apply (say
/// so under its heading).
///
/// ## Example
/// ```markdown
/// ## Application Layers
/// ### Backend Services
/// Kotlin services on Ktor 3.
/// ### Web Frontend
/// Next.js 15 on Vercel.
/// ```
///
/// Use instead (when the template also lists `Mobile Clients`):
/// ```markdown
/// ## Application Layers
/// ### Backend Services
/// Kotlin services on Ktor 3.
/// ### Web Frontend
/// Next.js 15 on Vercel.
/// ### Mobile Clients
/// None: the mobile apps are out of scope for this service.
/// ```
///
/// ## Fix safety
/// There is no fix: only the author knows what the subsection should say.
pub static META: RuleMeta = RuleMeta {
    code: "ST008",
    name: "missing-subsection",
    severity: Severity::Warning,
    certainty: Certainty::Heuristic,
    fix: FixAvailability::None,
    summary: "A section lacks one of the named subsections of its spec type.",
    needs_spec: true,
};

struct MissingSubsection<'a> {
    section: &'a str,
    title: &'a str,
    level: u8,
}

impl Violation for MissingSubsection<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        format!(
            "section `{}` has no `{}` subsection",
            self.section, self.title
        )
    }
    fn help(&self) -> Option<String> {
        Some(format!(
            "add `{} {}` under `{}`, or say there why it does not apply",
            "#".repeat(self.level as usize),
            self.title,
            self.section
        ))
    }
}

pub fn check(c: &mut Checker<'_>) {
    for (s, section) in c.spec.sections.iter().enumerate() {
        if section.subsections.is_empty() {
            continue;
        }
        let Some(i) = c.analysis.section_for(s) else {
            continue;
        };
        let Some(h) = c.doc.heading(i) else {
            continue;
        };
        for sub in section.subsections.iter().filter(|x| x.required) {
            if Analysis::subsection_heading(c.doc, i, sub).is_none() {
                c.report(
                    MissingSubsection {
                        section: &section.title,
                        title: &sub.title,
                        level: h.level + 1,
                    },
                    h.span,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Linter;
    use crate::config::Config;

    const TEMPLATE: &str = "---\nspec_type: stack\n---\n\n# Stack\n\n## Application Layers\n\nOne subsection per layer.\n\n### Backend Services\n\n- Languages and frameworks.\n\n### Web Frontend\n\n- Framework and hosting.\n\n### Mobile Clients\n\n- Native or cross-platform.\n\n## Risks\n\n- What could go wrong.\n";

    fn codes(doc: &str) -> Vec<(String, String)> {
        let l = Linter::with_templates(
            &Config::default(),
            &[],
            Some(&[("stack.md".into(), TEMPLATE.into())]),
        )
        .unwrap();
        l.check(doc)
            .diagnostics
            .into_iter()
            .map(|d| (d.code.to_string(), d.message))
            .collect()
    }

    #[test]
    fn named_subsections_are_required_and_read_by_meaning() {
        let doc = "---\nspec_type: stack\n---\n\n# Billing Stack\n\n## Application Layers\n\n### 1. Backend services\n\nKotlin on Ktor 3.\n\n### Web frontend\n\nNext.js 15.\n\n## Risks\n\nVendor lock-in on the queue.\n";
        let found = codes(doc);
        let st008: Vec<_> = found.iter().filter(|(c, _)| c == "ST008").collect();
        assert_eq!(st008.len(), 1, "{found:?}");
        assert_eq!(
            st008[0].1,
            "section `Application Layers` has no `Mobile Clients` subsection"
        );
        let full = doc.replace(
            "## Risks",
            "### Mobile Clients\n\nNone: web only.\n\n## Risks",
        );
        assert!(!codes(&full).iter().any(|(c, _)| c == "ST008"));
    }
}
