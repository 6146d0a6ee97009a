//! `ST007` near-miss-heading: a section title is close to, but not, the canonical title.

use crate::analysis::{HeadingRole, NearMissKind};
use crate::diagnostic::{Edit, Fix, Severity};
use crate::document::SectionId;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};

/// ## What it does
/// Checks that sections use the spec type's canonical titles. A heading that
/// differs in punctuation or connecting words (`Data Classification and
/// Compliance`), that uses one of the section's aliases (`Overview`), or that
/// is a likely typo (`Purpse`) is reported with the canonical title. Case
/// alone is not reported: sentence case (`System overview`) is a house style
/// that keeps the title's words and its anchor.
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
/// A heading with a few more words than the title (`Data Lifecycle &
/// Retention Policy`) is read as that section, and a heading that joins
/// several titles (`Risks, Open Questions & References`) stands for each of
/// them: neither makes a section missing.
///
/// ## Fix safety
/// The fix replaces the heading text with the canonical title. It is safe
/// for spelling variants, aliases and typos: the heading was matched to that
/// section, and the section's content is left as it is. A heading with more
/// words than the title, or one that combines sections, has no fix: renaming
/// would drop the author's words.
pub static META: RuleMeta = RuleMeta {
    code: "ST007",
    name: "near-miss-heading",
    severity: Severity::Warning,
    certainty: Certainty::Heuristic,
    fix: FixAvailability::Sometimes,
    summary: "A section title is close to, but not, the canonical title.",
    needs_spec: true,
};

struct NearMissHeading<'a> {
    found: &'a str,
    title: &'a str,
    kind: NearMissKind,
    /// For a combined heading, the titles of every section it stands for.
    titles: Vec<&'a str>,
}

impl Violation for NearMissHeading<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        match self.kind {
            NearMissKind::Extended => format!("`{}` is read as `{}`", self.found, self.title),
            NearMissKind::Combined => format!(
                "`{}` is read as the sections {}",
                self.found,
                crate::text::code_list(&self.titles)
            ),
            _ => format!("`{}` should be `{}`", self.found, self.title),
        }
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
            NearMissKind::Extended => format!(
                "read as the section `{}`; the template's title keeps tools and links working",
                self.title
            ),
            NearMissKind::Combined => "the template gives each section its own heading".to_string(),
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
        // Sentence case (`System overview`) is a style, not a near miss: it
        // keeps the anchor (`#system-overview`) and reads the same.
        if content
            .get(a..b)
            .is_some_and(|core| crate::text::eq_fold(core, &section.title))
        {
            continue;
        }
        let core = crate::Span::new(h.content.start + a, h.content.start + b);
        let fix = (!matches!(kind, NearMissKind::Extended | NearMissKind::Combined)).then(|| {
            Fix::safe(
                format!("Rename heading to `{}`", section.title),
                vec![Edit::replace(core, section.title.clone())],
            )
        });
        let titles = c
            .spec
            .sections
            .iter()
            .enumerate()
            .filter(|(s, _)| c.analysis.section_for(*s) == Some(SectionId(i)))
            .map(|(_, sec)| sec.title.as_str())
            .collect();
        let v = NearMissHeading {
            found: &h.text,
            title: &section.title,
            kind,
            titles,
        };
        if let (Some(d), Some(fix)) = (c.report(v, h.content), fix) {
            d.fix = Some(fix);
        }
    }
}
