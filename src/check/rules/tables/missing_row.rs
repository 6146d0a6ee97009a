//! `TB007` missing-row: a table lacks a row its spec type expects.

use crate::diagnostic::Severity;
use crate::rules::tables::{Owner, spec_tables};
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};
use crate::spec_type::normalize_title;

/// ## What it does
/// Checks that a table has the rows its spec type names (`rows`, by the text
/// of their first cell). A template declares them with skeleton rows, a
/// label and empty cells:
///
/// ```markdown
/// | Environment | URL | Deployed by |
/// |---|---|---|
/// | Staging | | |
/// | Production | | |
/// ```
///
/// A row counts when its first cell reads as the label (case, punctuation,
/// `&` and `and`, numbering aside) or starts with it (`Production (EU)`).
/// Tables that are missing altogether are `TB001`'s.
///
/// ## Why is this bad?
/// The template asks the same question for each of these rows (each
/// environment, each platform, each severity); a missing row is usually a
/// question left unanswered. It is a warning: a row may not apply, and a
/// team may name it differently.
///
/// ## Example
/// ```markdown
/// | Environment | URL | Deployed by |
/// |---|---|---|
/// | Production | https://shop.example.com | Argo CD |
/// ```
///
/// Use instead:
/// ```markdown
/// | Environment | URL | Deployed by |
/// |---|---|---|
/// | Staging | https://staging.shop.example.com | Argo CD |
/// | Production | https://shop.example.com | Argo CD |
/// ```
///
/// ## Fix safety
/// There is no fix: only the author knows what the row should say.
pub static META: RuleMeta = RuleMeta {
    code: "TB007",
    name: "missing-row",
    severity: Severity::Warning,
    certainty: Certainty::Heuristic,
    fix: FixAvailability::None,
    summary: "A table lacks a row its spec type expects (a template's skeleton row).",
    needs_spec: true,
};

struct MissingRow<'a> {
    owner: &'a str,
    label: &'a str,
}

impl Violation for MissingRow<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        format!("table of `{}` has no `{}` row", self.owner, self.label)
    }
    fn help(&self) -> Option<String> {
        Some(format!(
            "add a row for `{}`, or say in the table why it does not apply",
            self.label
        ))
    }
}

pub fn check(c: &mut Checker<'_>) {
    for t in spec_tables(c.doc, c.spec, c.analysis) {
        if t.spec.rows.is_empty() {
            continue;
        }
        let Some(table) = t.table.and_then(|i| c.doc.table(i)) else {
            continue;
        };
        let firsts: Vec<String> = table
            .rows
            .iter()
            .filter_map(|r| r.cells.first())
            .map(|cell| normalize_title(&cell.text))
            .collect();
        let owner = match t.owner {
            Owner::Section(title) => title,
            Owner::Entry { name, .. } => name,
        };
        for label in &t.spec.rows {
            let want = normalize_title(label);
            if want.is_empty() {
                continue;
            }
            let present = firsts
                .iter()
                .any(|f| *f == want || f.strip_prefix(&want).is_some_and(|r| r.starts_with(' ')));
            if !present {
                c.report(MissingRow { owner, label }, table.header.span);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Linter;
    use crate::config::Config;

    const TEMPLATE: &str = "---\nspec_type: hosting\n---\n\n# Hosting\n\n## Environments\n\n| Environment | URL | Deployed by |\n|---|---|---|\n| Staging | | |\n| Production | | |\n\n## Risks\n\n- What could go wrong.\n";

    fn found(doc: &str) -> Vec<String> {
        let l = Linter::with_templates(
            &Config::default(),
            &[],
            Some(&[("hosting.md".into(), TEMPLATE.into())]),
        )
        .unwrap();
        l.check(doc)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == "TB007")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn skeleton_rows_are_expected_by_their_label() {
        let doc = "---\nspec_type: hosting\n---\n\n# Shop Hosting\n\n## Environments\n\n| Environment | URL | Deployed by |\n|---|---|---|\n| production (EU) | https://shop.example.com | Argo CD |\n\n## Risks\n\nOne region only.\n";
        assert_eq!(found(doc), ["table of `Environments` has no `Staging` row"]);
        let both = doc.replace(
            "| production (EU)",
            "| Staging | https://staging.example.com | Argo CD |\n| production (EU)",
        );
        assert!(found(&both).is_empty());
    }
}
