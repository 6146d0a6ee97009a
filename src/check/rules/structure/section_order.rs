//! `ST002` section-out-of-order: a section is not in the spec type's order.

use crate::diagnostic::Severity;
use crate::document::SectionId;
use crate::rules::{Certainty, Checker, FixAvailability, RuleMeta, Violation};

/// ## What it does
/// Checks that the sections follow the spec type's order. Only the sections
/// that moved are reported: the longest run of sections already in order
/// (the longest increasing subsequence of their positions in the spec type)
/// stays, and every other section is reported with the section it belongs
/// after.
///
/// ## Why is this bad?
/// Readers of many specs of one type find things by position; a section in
/// an unusual place is easily missed, and diffs between specs get noisy.
///
/// ## Example
/// ```markdown
/// ## Schema Summary
/// ## Performance & Capacity Planning
/// ## Entity Inventory
/// ## Migrations & Change Management
/// ```
///
/// Use instead:
/// ```markdown
/// ## Schema Summary
/// ## Entity Inventory
/// ## Migrations & Change Management
/// ## Performance & Capacity Planning
/// ```
///
/// ## Fix safety
/// There is no fix: moving a section moves text the author may refer to by
/// position ("see above").
pub static META: RuleMeta = RuleMeta {
    code: "ST002",
    name: "section-out-of-order",
    severity: Severity::Warning,
    certainty: Certainty::Certain,
    fix: FixAvailability::None,
    summary: "A section is not in the spec type's order.",
    needs_spec: true,
};

enum Place<'a> {
    After(&'a str),
    Before(&'a str),
}

struct SectionOutOfOrder<'a> {
    title: &'a str,
    place: Place<'a>,
}

impl Violation for SectionOutOfOrder<'_> {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn message(&self) -> String {
        match self.place {
            Place::After(p) => format!("`{}` is out of order; it belongs after `{p}`", self.title),
            Place::Before(n) => {
                format!("`{}` is out of order; it belongs before `{n}`", self.title)
            }
        }
    }
    fn help(&self) -> Option<String> {
        Some(match self.place {
            Place::After(p) => format!("move the whole section below the `{p}` section"),
            Place::Before(n) => format!("move the whole section above the `{n}` section"),
        })
    }
}

pub fn check(c: &mut Checker<'_>) {
    // Sections present, in document order: (heading, spec index).
    let mut present: Vec<(SectionId, usize)> = c
        .analysis
        .found
        .iter()
        .enumerate()
        .filter_map(|(s, h)| h.map(|h| (h, s)))
        .collect();
    present.sort_unstable();
    let specs: Vec<usize> = present.iter().map(|&(_, s)| s).collect();
    let keep = longest_increasing(&specs);
    for (k, &(heading, s)) in present.iter().enumerate() {
        if keep.get(k).copied().unwrap_or(true) {
            continue;
        }
        let (Some(h), Some(section)) = (c.doc.heading(heading), c.spec.sections.get(s)) else {
            continue;
        };
        // The canonical neighbours that are present.
        let before = (0..s).rev().find(|&t| c.analysis.section_for(t).is_some());
        let after = (s + 1..c.spec.sections.len()).find(|&t| c.analysis.section_for(t).is_some());
        let place = match (before, after) {
            (Some(t), _) => Place::After(&c.spec.sections[t].title),
            (None, Some(t)) => Place::Before(&c.spec.sections[t].title),
            (None, None) => continue,
        };
        c.report(
            SectionOutOfOrder {
                title: &section.title,
                place,
            },
            h.span,
        );
    }
}

/// Marks the members of one longest strictly increasing subsequence of `xs`
/// (O(n log n)). Among equally long ones, the one whose elements end smallest
/// is kept, so that a section moved down past its neighbours is the one flagged.
fn longest_increasing(xs: &[usize]) -> Vec<bool> {
    // tails[k]: index in xs of the smallest tail of an increasing run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; xs.len()];
    for (i, &x) in xs.iter().enumerate() {
        let k = tails.partition_point(|&t| xs[t] < x);
        prev[i] = k.checked_sub(1).and_then(|j| tails.get(j).copied());
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut keep = vec![false; xs.len()];
    let mut cur = tails.last().copied();
    while let Some(i) = cur {
        keep[i] = true;
        cur = prev[i];
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::longest_increasing;

    fn flagged(xs: &[usize]) -> Vec<usize> {
        longest_increasing(xs)
            .iter()
            .zip(xs)
            .filter(|(k, _)| !**k)
            .map(|(_, x)| *x)
            .collect()
    }

    #[test]
    fn flags_only_moved_sections() {
        assert_eq!(flagged(&[0, 2, 3, 4, 9, 5, 6, 7, 8, 10, 11]), [9]);
        assert_eq!(flagged(&[0, 1, 3, 4, 5, 2, 6]), [2]);
        assert_eq!(flagged(&[5, 0, 1, 2, 3]), [5]);
        assert_eq!(flagged(&[0, 1, 2]), Vec::<usize>::new());
        assert_eq!(flagged(&[]), Vec::<usize>::new());
        assert_eq!(flagged(&[1, 0]).len(), 1);
    }
}
