//! The primary key: derived from every key fact of an entity, with the engine's
//! own key as a fallback.

use super::*;

/// `_id` in a document store: the engine's own key when no other is declared.
pub(super) fn engine_keys(e: &mut EntitySchema) {
    if e.keys.iter().any(|k| k.kind.identifies()) {
        return;
    }
    if let Some(c) = e
        .columns
        .iter()
        .find(|c| c.name == "_id" || c.name == "id" && c.data_type.eq_ignore_ascii_case("objectid"))
    {
        e.keys.push(KeyFact {
            kind: KeyKind::Primary,
            columns: vec![c.name.clone()],
            source: KeySource::Engine,
            span: c.name_span,
            ordinal: None,
        });
    }
}

/// The primary key, in order of preference: primary key facts (cells
/// combined into a composite key in their `(n/m)` order), a partition key
/// with its sort or clustering columns, an `ORDER BY` key, a logical key,
/// an identity column, and for an aggregate table its `CLUSTER BY` key.
pub fn derive_primary_key(facts: &[KeyFact], aggregate: bool) -> Option<PrimaryKey> {
    let of = |kind: KeyKind| facts.iter().filter(move |f| f.kind == kind);
    let combine = |list: Vec<&KeyFact>, kind: KeyKind| -> Option<PrimaryKey> {
        let first = list.first()?;
        // Facts from the first source that has any; cells combine into one key.
        let source = first.source;
        let mut same: Vec<&&KeyFact> = list.iter().filter(|f| f.source == source).collect();
        // `PK (1/2)`, `PK (2/2)`: numbered parts first, in their order (a stable sort).
        same.sort_by_key(|f| f.ordinal.unwrap_or(u32::MAX));
        let mut columns: Vec<String> = Vec::new();
        for f in same {
            for c in &f.columns {
                if !columns.iter().any(|x| same_name(x, c)) {
                    columns.push(c.clone());
                }
            }
            if source != KeySource::Constraints {
                break;
            }
        }
        Some(PrimaryKey {
            columns,
            span: first.span,
            source,
            kind,
        })
    };
    let by_source = |kind: KeyKind| {
        let mut v: Vec<&KeyFact> = of(kind).collect();
        v.sort_by_key(|f| source_rank(f.source));
        v
    };
    if let Some(pk) = combine(by_source(KeyKind::Primary), KeyKind::Primary) {
        return Some(pk);
    }
    let partition = by_source(KeyKind::Partition);
    if let Some(mut pk) = combine(partition, KeyKind::Partition) {
        for kind in [KeyKind::Sort, KeyKind::Clustering] {
            for f in of(kind) {
                for c in &f.columns {
                    if !pk.columns.iter().any(|x| same_name(x, c)) {
                        pk.columns.push(c.clone());
                    }
                }
            }
        }
        return Some(pk);
    }
    for kind in [
        KeyKind::OrderBy,
        KeyKind::Logical,
        KeyKind::Clustering,
        KeyKind::Identity,
    ] {
        if let Some(pk) = combine(by_source(kind), kind) {
            return Some(pk);
        }
    }
    // `CLUSTER BY` orders storage; it keys only an aggregate table.
    if aggregate {
        return combine(by_source(KeyKind::ClusterBy), KeyKind::ClusterBy);
    }
    None
}

/// Whether a heading or name says the entity is an aggregate (`_agg`,
/// rollup, summary, materialized view): keyed by its grouping columns.
pub(super) fn says_aggregate(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_ascii_lowercase)
        .any(|w| {
            matches!(
                w.as_str(),
                "agg"
                    | "aggregate"
                    | "aggregated"
                    | "aggregates"
                    | "rollup"
                    | "rollups"
                    | "summary"
                    | "summaries"
                    | "materialized"
                    | "mv"
            )
        })
}

pub(super) fn source_rank(s: KeySource) -> u8 {
    match s {
        KeySource::Constraints => 0,
        KeySource::Ddl => 1,
        KeySource::Body => 2,
        KeySource::Engine => 3,
    }
}

/// Byte offsets of `word` in `lower` (already lowercased) at word boundaries.
pub(crate) fn find_words<'s>(lower: &'s str, word: &'s str) -> impl Iterator<Item = usize> + 's {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    lower.match_indices(word).map(|(i, _)| i).filter(move |&i| {
        let before = lower[..i].chars().next_back().is_none_or(|c| !is_ident(c));
        let after = lower[i + word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !is_ident(c));
        before && after
    })
}
