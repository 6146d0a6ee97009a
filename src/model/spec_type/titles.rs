//! Matching headings with a spec type's section titles: canonical titles up
//! to case and punctuation, aliases, typos, titles with a few more words and
//! several titles under one heading.
//!
//! A [`TitleMatcher`] is built once per spec type ([`SpecType::titles`]) and
//! shared by every document that type checks: normalizing every title and
//! alias per document was an eighth of `speclint check`'s instructions.

use std::collections::HashMap;

use super::{SpecType, normalize_title};

/// Why a heading is a near miss.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NearMissKind {
    /// Same words, other case or punctuation (`Data classification and compliance`).
    Spelling,
    /// One of the section's aliases.
    Alias,
    /// Close by edit distance (a typo).
    Typo,
    /// The title with a few more words (`Data Lifecycle & Retention Policy`).
    Extended,
    /// Several sections under one heading (`Risks, Open Questions & References`):
    /// the heading stands for each of them.
    Combined,
}

/// Section titles and aliases of a spec type, normalized once for matching headings.
#[derive(Debug, Clone)]
pub struct TitleMatcher {
    /// Normalized canonical title per spec section.
    titles: Vec<String>,
    /// The same, by title: a heading's canonical section in O(1).
    by_title: HashMap<String, usize>,
    /// Every name (title or alias), by name.
    by_name: HashMap<String, usize>,
    /// Every title and alias, normalized.
    names: Vec<Name>,
}

#[derive(Debug, Clone)]
struct Name {
    section: usize,
    text: String,
    len: usize,
    hist: Histogram,
}

/// Character counts, for a cheap lower bound of the edit distance.
type Histogram = [u16; 40];

fn histogram(s: &str) -> Histogram {
    let mut h = [0u16; 40];
    for c in s.chars() {
        let k = match c {
            'a'..='z' => c as usize - 'a' as usize,
            '0'..='9' => 26 + (c as usize - '0' as usize),
            ' ' => 36,
            _ => 37 + (c as usize % 3),
        };
        if let Some(slot) = h.get_mut(k) {
            *slot = slot.saturating_add(1);
        }
    }
    h
}

/// A lower bound of the edit distance (with transpositions) between two
/// strings: each edit removes at most one surplus character on each side.
fn distance_lower_bound(a: &Histogram, b: &Histogram) -> usize {
    let (mut more_a, mut more_b) = (0usize, 0usize);
    for (x, y) in a.iter().zip(b) {
        if x > y {
            more_a += usize::from(x - y);
        } else {
            more_b += usize::from(y - x);
        }
    }
    more_a.max(more_b)
}

impl TitleMatcher {
    pub fn new(spec: &SpecType) -> Self {
        let titles: Vec<String> = spec
            .sections
            .iter()
            .map(|s| normalize_title(&s.title))
            .collect();
        let mut names = Vec::new();
        for (i, s) in spec.sections.iter().enumerate() {
            for n in std::iter::once(&s.title).chain(&s.aliases) {
                let n = normalize_title(n);
                if !n.is_empty() {
                    names.push(Name {
                        section: i,
                        len: n.chars().count(),
                        hist: histogram(&n),
                        text: n,
                    });
                }
            }
        }
        let mut by_title = HashMap::new();
        for (i, t) in titles.iter().enumerate() {
            by_title.entry(t.clone()).or_insert(i);
        }
        let mut by_name = HashMap::new();
        for n in &names {
            by_name.entry(n.text.clone()).or_insert(n.section);
        }
        TitleMatcher {
            titles,
            by_title,
            by_name,
            names,
        }
    }

    /// The spec section whose canonical title equals `text` up to case and punctuation.
    pub fn canonical(&self, text: &str) -> Option<usize> {
        let n = normalize_title(text);
        if n.is_empty() {
            return None;
        }
        self.by_title.get(&n).copied()
    }

    /// The spec section a title most likely means, and why: its canonical title
    /// up to case and punctuation, one of its aliases, or a likely typo of
    /// either: a normalized edit similarity (transpositions count as one
    /// edit) of at least 0.8, and at least 0.1 above any other section.
    pub fn near_miss(&self, text: &str) -> Option<(usize, NearMissKind)> {
        let n = normalize_title(text);
        if n.is_empty() {
            return None;
        }
        if let Some(&s) = self.by_title.get(&n) {
            return Some((s, NearMissKind::Spelling));
        }
        if let Some(&s) = self.by_name.get(&n) {
            return Some((s, NearMissKind::Alias));
        }
        let len = n.chars().count();
        if len < 4 {
            return None;
        }
        // Best score per section over its names. Only similarities of 0.7 and
        // more matter (0.8 for a typo, 0.1 less for a runner-up that could
        // cancel it), so names whose character counts already differ by more
        // than 30% of the longer length are skipped without a distance.
        let hist = histogram(&n);
        let mut per_section: Vec<f64> = vec![0.0; self.titles.len()];
        for name in &self.names {
            let longer = len.max(name.len) as f64;
            if (distance_lower_bound(&hist, &name.hist) as f64) > 0.3 * longer {
                continue;
            }
            // Optimal string alignment: edits plus adjacent transpositions (`Scpoe`).
            let score = 1.0 - strsim::osa_distance(&n, &name.text) as f64 / longer;
            if let Some(slot) = per_section.get_mut(name.section) {
                *slot = slot.max(score);
            }
        }
        let mut best: Option<(usize, f64)> = None;
        let mut second = 0.0f64;
        for (i, &score) in per_section.iter().enumerate() {
            match best {
                Some((_, b)) if score <= b => second = second.max(score),
                _ => {
                    if let Some((_, b)) = best {
                        second = second.max(b);
                    }
                    best = Some((i, score));
                }
            }
        }
        // A typo: close to one section and clearly closer to it than to any other.
        best.filter(|&(_, s)| s >= 0.8 && s - second >= 0.1)
            .map(|(i, _)| (i, NearMissKind::Typo))
    }
}

/// Words that join titles and carry no meaning of their own.
const JOINERS: &[&str] = &[
    "and", "the", "of", "for", "our", "a", "an", "notes", "overview",
];

impl TitleMatcher {
    /// The titles and aliases found as whole word runs in `text`, longest
    /// first and without overlap: (section, first word, word count).
    fn word_runs(&self, text: &str) -> (Vec<String>, Vec<(usize, usize, usize)>) {
        let words: Vec<String> = normalize_title(text)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        let mut names: Vec<(&Name, Vec<&str>)> = self
            .names
            .iter()
            .map(|n| (n, n.text.split(' ').collect::<Vec<_>>()))
            .collect();
        names.sort_by_key(|(_, w)| std::cmp::Reverse(w.len()));
        let mut taken = vec![false; words.len()];
        for (name, nw) in names {
            if nw.is_empty() || nw.len() > words.len() {
                continue;
            }
            for start in 0..=words.len() - nw.len() {
                let range = start..start + nw.len();
                if taken[range.clone()].iter().any(|&t| t) {
                    continue;
                }
                if words[range.clone()].iter().zip(&nw).all(|(a, b)| a == b) {
                    taken[range].iter_mut().for_each(|t| *t = true);
                    found.push((name.section, start, nw.len()));
                    break;
                }
            }
        }
        found.sort_by_key(|f| f.1);
        (words, found)
    }

    /// Two or more sections whose titles (or aliases) make up the whole
    /// heading, joined by `&`, `,`, `and`: `Risks, Open Questions & References`.
    pub fn combined(&self, text: &str) -> Option<Vec<usize>> {
        let (words, runs) = self.word_runs(text);
        let mut sections: Vec<usize> = runs.iter().map(|r| r.0).collect();
        sections.dedup();
        let covered: usize = runs.iter().map(|r| r.2).sum();
        let rest = words.len() - covered;
        let joiners = words
            .iter()
            .filter(|w| JOINERS.contains(&w.as_str()))
            .count();
        (sections.len() >= 2 && rest <= joiners).then_some(sections)
    }

    /// One section whose title (or an alias of two or more words) is in the
    /// heading with at most two more words: `Data Lifecycle & Retention Policy`.
    pub fn extended(&self, text: &str) -> Option<usize> {
        let (words, runs) = self.word_runs(text);
        match runs.as_slice() {
            [(s, _, len)] if *len >= 2 && words.len() - len <= 2 => Some(*s),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_bound_never_exceeds_the_distance() {
        let words = [
            "scope",
            "scpoe",
            "purpose",
            "purpse",
            "data classification and compliance",
            "überblick",
            "a_b",
            "",
            "x",
        ];
        for a in words {
            for b in words {
                let bound = distance_lower_bound(&histogram(a), &histogram(b));
                assert!(bound <= strsim::osa_distance(a, b), "{a} / {b}");
            }
        }
    }
}
