//! The column table of an entity: each row read by the roles of its header.

use super::*;

pub(super) fn read_table(table: &Table, roles: &columns::ColumnRoles, e: &mut EntitySchema) {
    let headers: Vec<&str> = table.header.cells.iter().map(|c| c.text.as_str()).collect();
    let confidence = match roles.confidence() {
        Confidence::Clear => ReadConfidence::Clear,
        Confidence::NoType => ReadConfidence::NoType,
        Confidence::Unclear => ReadConfidence::Unclear,
    };
    // What was and was not understood is said only for an unclear table.
    let unclear = confidence == ReadConfidence::Unclear;
    e.reading = Some(TableReading {
        confidence,
        found: if unclear {
            roles.describe_found(&headers)
        } else {
            Vec::new()
        },
        unknown: roles
            .unknown
            .iter()
            .filter(|_| unclear)
            .filter_map(|&i| headers.get(i))
            .map(|h| h.trim().to_string())
            .collect(),
        name_by_position: roles.name_by_position,
        header: table.header.span,
    });
    let name_ix = roles.name.unwrap_or(0);
    // What each column's cells mean for key markers, read once per table.
    let contexts: Vec<CellContext> = (0..headers.len())
        .map(|ix| {
            cell_context(
                &headers,
                ix,
                roles.cells.get(ix).map_or(&[][..], Vec::as_slice),
            )
        })
        .collect();

    let cons_ix = roles.constraints.first().or(roles.keys.first()).copied();
    for row in &table.rows {
        let cell = |ix: Option<usize>| ix.and_then(|i| row.cells.get(i));
        let Some(name_cell) = row.cells.get(name_ix) else {
            continue;
        };
        let name = column_name(&name_cell.text);
        if name.is_empty() {
            continue;
        }
        if is_ellipsis(&name) {
            e.partial = true;
            continue;
        }
        let (type_cell, null_cell, default_cell, cons_cell) = (
            cell(roles.type_),
            cell(roles.nullable.map(|(i, _)| i)),
            cell(roles.default),
            cell(cons_ix),
        );
        let inverted = roles.nullable.is_some_and(|(_, inv)| inv);
        let mut col = ColumnSchema {
            name: name.to_string(),
            data_type: type_cell
                .map(|c| unwrap_markup(&c.text).to_string())
                .unwrap_or_default(),
            nullable: null_cell.and_then(|c| columns::read_nullable(&c.text, inverted)),
            default: default_cell.and_then(|c| parse_default(&c.text)),
            constraints: cons_cell
                .map(|c| c.text.trim().to_string())
                .unwrap_or_default(),
            keys: Vec::new(),
            row_span: row.span,
            name_span: name_cell.span,
            type_span: type_cell.map(|c| c.span),
            nullable_span: null_cell.map(|c| c.span),
            default_span: default_cell.map(|c| c.span),
            constraints_span: cons_cell.map(|c| c.span),
        };
        // Every cell of the row but the name may declare keys and references;
        // a row with no marker at all (most rows) is not read cell by cell.
        let mut ordinal = None;
        let mut first_key_cell: Option<Span> = None;
        for (ix, c) in row.cells.iter().enumerate() {
            // Names, nullability and defaults declare no keys or references.
            if ix == name_ix
                || Some(ix) == roles.nullable.map(|(n, _)| n)
                || Some(ix) == roles.default
                || c.text.trim().is_empty()
            {
                continue;
            }
            let cell_roles = roles.cells.get(ix).map_or(&[][..], Vec::as_slice);
            let ctx = contexts.get(ix).copied().unwrap_or_default();
            // One pre-check for both readers: most cells hold neither a key nor a reference.
            let may = keys::may_mark(&c.text);
            if !may
                && matches!(ctx, CellContext::Text | CellContext::TypeColumn)
                && !cell_roles.contains(&Role::References)
            {
                continue;
            }
            let marks = keys::cell_marks_unchecked(&c.text, ctx);
            for k in &marks.kinds {
                if !col.keys.contains(k) {
                    col.keys.push(*k);
                }
            }
            if !marks.kinds.is_empty() && first_key_cell.is_none() {
                first_key_cell = Some(c.span);
            }
            if ordinal.is_none() {
                ordinal = marks.ordinal;
            }
            let reads_refs = cell_roles.iter().any(|r| {
                matches!(
                    r,
                    Role::Keys | Role::Constraints | Role::References | Role::Notes
                )
            }) || cell_roles.is_empty();
            if reads_refs && (cell_roles.contains(&Role::References) || may) {
                let is_refs_column =
                    cell_roles.contains(&Role::References) && !cell_roles.contains(&Role::Keys);
                let ctx = refs::Context {
                    bare_arrow: cell_roles
                        .iter()
                        .any(|r| matches!(r, Role::Keys | Role::Constraints | Role::References)),
                    whole: is_refs_column,
                };
                for r in refs::parse(&c.text, ctx).references {
                    push_foreign_key_in(
                        e,
                        &col.name,
                        r,
                        c.span.start,
                        KeySource::Constraints,
                        row.span,
                    );
                }
            }
        }
        if let Some(span) = first_key_cell {
            for k in &col.keys {
                if *k != KeyKind::Foreign {
                    e.keys.push(KeyFact {
                        kind: *k,
                        columns: vec![col.name.clone()],
                        source: KeySource::Constraints,
                        span,
                        ordinal,
                    });
                }
            }
        }
        e.columns.push(col);
    }
}

/// What a cell's column means for key markers.
pub(super) fn cell_context(headers: &[&str], ix: usize, roles: &[Role]) -> CellContext {
    let words = headers
        .get(ix)
        .map(|h| columns::header_words(h))
        .unwrap_or_default();
    if words == ["pk"] || words == ["primary", "key"] || words == ["primary"] {
        CellContext::PrimaryColumn
    } else if roles.contains(&Role::Keys) {
        CellContext::KeysColumn
    } else if roles.contains(&Role::Type) {
        CellContext::TypeColumn
    } else {
        CellContext::Text
    }
}

/// A name cell as a column name: markup removed, a trailing note dropped
/// (`id (PK)` → `id`, `` `_id` *(document id)* `` → `_id`).
pub(super) fn column_name(cell: &str) -> String {
    let t = unwrap_markup(cell);
    let t = if t.starts_with('`') {
        t.trim_start_matches('`').split('`').next().unwrap_or("")
    } else {
        t
    };
    let t = match t.find([' ', '(']) {
        Some(i)
            if !t[..i].is_empty() && t[..i].chars().any(|c| c.is_alphanumeric() || c == '_') =>
        {
            &t[..i]
        }
        _ => t,
    };
    unwrap_markup(t).trim_matches('"').to_string()
}

pub(super) fn is_ellipsis(name: &str) -> bool {
    let t = name.trim();
    t == "..." || t == "…" || t.chars().all(|c| c == '.' || c == '…') && !t.is_empty()
}

/// Whether the entity's heading says it is a view.
pub(super) fn says_view(heading: &str) -> bool {
    let w = columns::header_words(heading);
    w.iter().any(|x| x == "view" || x == "stream")
        || w.windows(2).any(|p| p == ["continuous", "aggregate"])
}

/// Whether the entity's text says its column table is not complete.
pub(super) fn says_partial(doc: &Document<'_>, region: Span) -> bool {
    let (_, paragraphs) = indexes::within(&doc.paragraphs, |p| p.span, region);
    let (_, items) = indexes::within(&doc.list_items, |p| p.span, region);
    paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .chain(items.iter().map(|i| i.text.as_str()))
        .any(|t| {
            [
                "other columns",
                "columns omitted",
                "remaining columns",
                "selected columns",
                "key columns only",
                "abridged",
                "not exhaustive",
                "partial list",
            ]
            .iter()
            .any(|p| contains_ignore_ascii_case(t, p))
        })
}

/// Whether a cell or line says a reference's target lives outside the document.
/// Whether `hay` contains `needle` (ASCII lowercase), ignoring ASCII case, without allocating.
pub(super) fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return true;
    };
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), h)
        .any(|i| h.len() - i >= n.len() && h[i..i + n.len()].eq_ignore_ascii_case(n))
}

pub(super) fn says_external(context: &str) -> bool {
    let l = context;
    [
        "outside this",
        "external",
        "another system",
        "other system",
        "another service",
        "other service",
        "another database",
        "another spec",
        "not in this",
        "lives in",
        "owned by",
        "cross-service",
        "cross service",
        "remote",
    ]
    .iter()
    .any(|p| contains_ignore_ascii_case(l, p))
}

pub(super) fn push_foreign_key(
    e: &mut EntitySchema,
    column: &str,
    r: Reference,
    base: usize,
    source: KeySource,
) {
    let span = Span::new(r.start + base, r.end + base);
    push_foreign_key_in(e, column, r, base, source, span);
}

pub(super) fn push_foreign_key_in(
    e: &mut EntitySchema,
    column: &str,
    mut r: Reference,
    base: usize,
    source: KeySource,
    context: Span,
) {
    r.start += base;
    r.end += base;
    let first = r.readings().into_iter().next();
    let Some(first) = first else { return };
    let column = if column.is_empty() {
        r.local.first().cloned().unwrap_or_default()
    } else {
        column.to_string()
    };
    // The same reference read twice (a keys cell and a notes cell) is kept once.
    if e.foreign_keys.iter().any(|f| {
        f.column == column
            && normalize_name(&f.target_entity) == normalize_name(&first.entity)
            && f.target_columns == first.columns
    }) {
        return;
    }
    e.foreign_keys.push(ForeignKey {
        column,
        target_entity: first.entity,
        target_columns: first.columns,
        span: Span::new(r.start, r.end),
        source,
        context,
        reference: r,
        resolved: Resolved::Yes,
    });
}

/// Reads a default cell: `—`, `–`, `-`, `n/a`, `none` and an empty cell mean
/// no default (`None`); anything else is the expression as written, without
/// code span backticks (`now()`, `'USD'`, `NULL`).
pub fn parse_default(s: &str) -> Option<String> {
    let t = unwrap_markup(s);
    let lower = t.to_ascii_lowercase();
    if matches!(lower.as_str(), "" | "—" | "–" | "-" | "n/a" | "none") {
        None
    } else {
        Some(t.to_string())
    }
}
