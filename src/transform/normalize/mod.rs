//! The lossless normalizer: safe fixes, then canonical formatting.
//!
//! [`crate::Linter::normalize`] runs, in order:
//! 1. line endings and BOM: LF only, no BOM; then mojibake repair
//!    (`whitespace::mojibake`), which changes display widths so it runs first;
//! 2. the fix loop: validate, apply every non-overlapping fix allowed by the
//!    options (safe ones; unsafe ones only with `unsafe_fixes`), repeat until no
//!    fix applies (at most [`MAX_FIX_PASSES`] passes);
//! 3. optional unsafe structure passes (`sections`): reorder sections, insert
//!    missing required sections as stubs;
//! 4. one formatting pass per node kind, each on a fresh parse:
//!    front matter key order (`front_matter`), ATX headings with one blank line
//!    around (`headings`), aligned pipe tables (`tables`), and white space,
//!    blank lines and final newline (`whitespace`).
//!
//! Every step is validated and kept only if it adds no diagnostic (with safe
//! fixes; unsafe ones may trade a diagnostic for another): when fixes together
//! would create a problem they are taken one by one, and a formatting pass that
//! would is skipped.
//!
//! Guarantees (tested on every fixture and on generated documents): the
//! result is idempotent, loses no word, code block, link, table cell, front
//! matter value or comment, never has a diagnostic the input did not have,
//! and leaves code blocks byte-for-byte as they were (after line endings).

mod front_matter;
mod headings;
mod sections;
mod tables;
mod whitespace;

use serde::{Deserialize, Serialize};

use crate::Validator;
use crate::diagnostic::{Applicability, Diagnostic, Edit, apply_edits};
use crate::document::Document;

/// At most this many validate-and-fix passes per round.
pub const MAX_FIX_PASSES: usize = 8;

/// At most this many rounds of fixes and formatting.
pub const MAX_ROUNDS: usize = 4;

/// What the normalizer may do beyond safe fixes and formatting.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct NormalizeOptions {
    /// Also apply fixes labelled unsafe.
    pub unsafe_fixes: bool,
    /// Move sections into the spec type's order (unsafe).
    pub reorder_sections: bool,
    /// Insert missing required sections as stubs in the right place (unsafe).
    pub insert_missing_sections: bool,
    /// Normalize as this spec type instead of the document's `spec_type`.
    pub spec_type: Option<String>,
}

/// A fix the normalizer applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppliedFix {
    pub code: String,
    pub title: String,
    pub applicability: Applicability,
    /// The texts the fix's edits replaced (for accounting of what changed).
    pub removed: Vec<String>,
}

/// The result of [`crate::Linter::normalize`].
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    pub changed: bool,
    pub fixes: Vec<AppliedFix>,
    /// Diagnostics of the normalized text.
    pub diagnostics: Vec<Diagnostic>,
}

/// Normalizes a document with `linter` (see [`crate::Linter::normalize`]).
/// Never fails: a document over the size limit is returned unchanged with the
/// limit diagnostic.
pub fn normalize(linter: &dyn Validator, text: &str, opts: &NormalizeOptions) -> Normalized {
    let explicit = opts.spec_type.as_deref();
    if linter.limits().check_input(text).is_some() {
        let report = linter.check_with_type(text, explicit);
        return Normalized {
            text: text.to_string(),
            changed: false,
            fixes: Vec::new(),
            diagnostics: report.diagnostics,
        };
    }
    let guard = Guard {
        linter,
        explicit,
        strict: !opts.unsafe_fixes,
    };
    let mut current = line_endings(text);
    let mut baseline = guard.keys(&current);
    let next = run_pass(&current, whitespace::mojibake);
    current = guard.accept(current, next, &mut baseline);
    let mut fixes = Vec::new();
    if opts.reorder_sections || opts.insert_missing_sections {
        let doc = Document::parse(&current);
        if let Some(spec) = linter.spec_for(&doc, explicit) {
            let spec = spec.clone();
            if opts.reorder_sections {
                current = run_pass(&current, |d| sections::reorder(d, &spec));
            }
            if opts.insert_missing_sections {
                current = run_pass(&current, |d| sections::insert_missing(d, &spec));
            }
            baseline = guard.keys(&current);
        }
    }
    // Fixes, then formatting, until nothing changes: formatting can make a
    // fix possible (a setext heading becomes ATX, which ST005 can relevel).
    for _ in 0..MAX_ROUNDS {
        let round_start = current.clone();
        for _ in 0..MAX_FIX_PASSES {
            let report = linter.check_with_type(&current, explicit);
            let (next, applied) = apply_fixes(&current, &report.diagnostics, opts.unsafe_fixes);
            if applied.is_empty() {
                break;
            }
            if guard.allows(&guard.keys(&next), &baseline) {
                fixes.extend(applied);
                current = next;
                baseline = guard.keys(&current);
                continue;
            }
            // Together the fixes create a problem: take them one by one, each checked.
            let mut progressed = false;
            for d in report.diagnostics.iter().filter(|d| d.fix.is_some()) {
                let (one, applied) =
                    apply_fixes(&current, std::slice::from_ref(d), opts.unsafe_fixes);
                if applied.is_empty() {
                    continue;
                }
                let keys = guard.keys(&one);
                if guard.allows(&keys, &baseline) {
                    fixes.extend(applied);
                    current = one;
                    baseline = keys;
                    progressed = true;
                    break; // positions moved: validate again
                }
            }
            if !progressed {
                break;
            }
        }
        // Formatting passes, each kept only if it creates no new diagnostic.
        let spec = linter
            .spec_for(&Document::parse(&current), explicit)
            .cloned();
        let next = run_pass(&current, |d| {
            spec.as_ref()
                .map(|s| front_matter::reorder(d, s))
                .unwrap_or_default()
        });
        current = guard.accept(current, next, &mut baseline);
        let next = run_pass(&current, headings::format);
        current = guard.accept(current, next, &mut baseline);
        let next = run_pass(&current, tables::format);
        current = guard.accept(current, next, &mut baseline);
        let next = whitespace::format(&current);
        current = guard.accept(current, next, &mut baseline);
        if current == round_start {
            break;
        }
    }
    let report = linter.check_with_type(&current, explicit);
    Normalized {
        changed: current != text,
        text: current,
        fixes,
        diagnostics: report.diagnostics,
    }
}

/// Diagnostics as position-free keys (code and message), counted.
type Keys = std::collections::HashMap<(&'static str, String), usize>;

/// The safety net behind "the output never has a diagnostic the input did not
/// have": every step is validated and kept only if it adds no diagnostic.
struct Guard<'l> {
    linter: &'l dyn Validator,
    explicit: Option<&'l str>,
    /// Off with unsafe fixes, which may trade one diagnostic for another.
    strict: bool,
}

impl Guard<'_> {
    fn keys(&self, text: &str) -> Keys {
        let mut m = Keys::new();
        if self.strict {
            for d in self.linter.check_with_type(text, self.explicit).diagnostics {
                *m.entry((d.code, d.message)).or_insert(0) += 1;
            }
        }
        m
    }

    /// Whether `next` has no diagnostic beyond `baseline`.
    fn allows(&self, next: &Keys, baseline: &Keys) -> bool {
        !self.strict
            || next
                .iter()
                .all(|(k, n)| baseline.get(k).is_some_and(|b| b >= n))
    }

    /// `next` if it adds no diagnostic (and then it becomes the baseline), else `current`.
    fn accept(&self, current: String, next: String, baseline: &mut Keys) -> String {
        if next == current {
            return current;
        }
        let keys = self.keys(&next);
        if self.allows(&keys, baseline) {
            *baseline = keys;
            next
        } else {
            current
        }
    }
}

/// Parses `text`, computes edits with `pass`, applies them.
fn run_pass(text: &str, pass: impl FnOnce(&Document<'_>) -> Vec<Edit>) -> String {
    let edits = {
        let doc = Document::parse(text);
        pass(&doc)
    };
    if edits.is_empty() {
        text.to_string()
    } else {
        apply_edits(text, &edits).0
    }
}

/// No BOM, LF line endings (a lone CR is a line ending too).
fn line_endings(text: &str) -> String {
    let t = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !t.contains('\r') {
        return t.to_string();
    }
    t.replace("\r\n", "\n").replace('\r', "\n")
}

/// Applies every fix allowed whose edits overlap no fix already taken.
fn apply_fixes(text: &str, diags: &[Diagnostic], unsafe_fixes: bool) -> (String, Vec<AppliedFix>) {
    let mut taken = Taken::default();
    let mut edits: Vec<Edit> = Vec::new();
    let mut applied = Vec::new();
    for d in diags {
        let Some(fix) = &d.fix else { continue };
        if fix.applicability == Applicability::Unsafe && !unsafe_fixes || fix.edits.is_empty() {
            continue;
        }
        let valid = fix.edits.iter().all(|e| {
            e.span.end <= text.len()
                && text.is_char_boundary(e.span.start)
                && text.is_char_boundary(e.span.end)
        });
        // The edits of one fix must not overlap each other either.
        let mut mine = Taken::default();
        if !valid
            || !fix
                .edits
                .iter()
                .all(|e| !taken.overlaps(e) && mine.insert(e))
        {
            continue;
        }
        for e in &fix.edits {
            taken.insert(e);
        }
        edits.extend(fix.edits.iter().cloned());
        applied.push(AppliedFix {
            code: d.code.to_string(),
            title: fix.title.clone(),
            applicability: fix.applicability,
            removed: fix
                .edits
                .iter()
                .map(|e| e.span.text(text).to_string())
                .filter(|s| !s.is_empty())
                .collect(),
        });
    }
    (apply_edits(text, &edits).0, applied)
}

/// Non-overlapping edit spans by start (end as value): an overlap test in
/// O(log n), so that taking thousands of fixes stays linear-ish.
#[derive(Default)]
struct Taken(std::collections::BTreeMap<usize, usize>);

impl Taken {
    /// Whether `e` overlaps a taken span: shares a byte with it, or starts
    /// where it starts (two insertions, or an insertion and a replacement, at
    /// one offset have no defined order).
    fn overlaps(&self, e: &Edit) -> bool {
        let (start, end) = (e.span.start, e.span.end);
        let before = self.0.range(..=start).next_back();
        let after = self.0.range(start + 1..).next();
        before.is_some_and(|(&s, &t)| s == start || t > start)
            || after.is_some_and(|(&s, _)| s < end)
    }

    /// Takes `e`; false (and nothing taken) when it overlaps a taken span.
    fn insert(&mut self, e: &Edit) -> bool {
        if self.overlaps(e) {
            return false;
        }
        self.0.insert(e.span.start, e.span.end);
        true
    }
}

/// Whether a block starting at `offset` stands at the start of a line with
/// nothing before it (not indented, not in a list item or block quote).
fn at_line_start(text: &str, offset: usize) -> bool {
    offset == 0 || text.as_bytes().get(offset.wrapping_sub(1)) == Some(&b'\n')
}

#[cfg(test)]
mod tests;
