//! DDL inside code blocks: the tables, keys and references it declares.
//!
//! Teams often declare keys where their engine does: in the `CREATE TABLE`
//! of a ```` ```sql ```` block, in a Prisma `model` block, or in an
//! `ALTER TABLE ... ADD CONSTRAINT`. [`read`] scans one code block and
//! returns what it declares, by table:
//!
//! - `CREATE [OR REPLACE] [TEMP] TABLE [IF NOT EXISTS] name (...)`: column
//!   definitions with inline `PRIMARY KEY`, `UNIQUE`, `REFERENCES t(c)`,
//!   `NOT NULL` and identity markers, and table constraints `[CONSTRAINT n]
//!   PRIMARY KEY (...)` (Cassandra's `((a, b), c)` included), `UNIQUE (...)`,
//!   `FOREIGN KEY (...) REFERENCES t (...)`;
//! - after the parenthesis: `ORDER BY`, `PRIMARY KEY`, `CLUSTER BY` keys of
//!   analytics engines (ClickHouse, BigQuery, Snowflake);
//! - `ALTER TABLE name ADD [CONSTRAINT n] PRIMARY KEY / UNIQUE / FOREIGN KEY`;
//! - Prisma `model Name { field Type @id ... @@id([a, b]) ... @relation(fields: [a], references: [b]) }`.
//!
//! Comments (`--`, `#` in Prisma, `/* */`) and string literals are blanked
//! before reading, keeping every byte offset. Anything else is skipped; a
//! statement the reader does not understand declares nothing. Linear in the
//! block: one tokenization and one pass.
//!
//! Over 600 lines because it is one reader of several DDL dialects (SQL,
//! Prisma, ClickHouse), sharing one tokenizer; its unit tests follow.

use super::keys::KeyKind;
use super::refs::{self, Reference};
use super::words::{Kind, Tokens, tokenize};

/// One table declared by DDL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DdlTable {
    /// Name segments, quotes removed: `["billing", "invoices"]`.
    pub name: Vec<String>,
    /// Byte range of the name in the block.
    pub name_start: usize,
    pub name_end: usize,
    pub columns: Vec<DdlColumn>,
    /// Keys with their columns, in order of appearance.
    pub keys: Vec<(KeyKind, Vec<String>)>,
    /// Foreign keys: the referencing columns and the reference.
    pub references: Vec<(Vec<String>, Reference)>,
    /// Whether this is a view (`CREATE VIEW`, `CREATE MATERIALIZED VIEW`).
    pub view: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DdlColumn {
    pub name: String,
    pub data_type: String,
    pub not_null: bool,
}

/// Reads the tables a code block's text declares. `language` is the block's
/// info string (lowercase first word), used to recognise Prisma.
pub fn read(code: &str, language: &str) -> Vec<DdlTable> {
    if language == "dbml" {
        return super::dbml::read(code);
    }
    let prisma = language == "prisma";
    let clean = blank_comments_and_strings(code, prisma);
    let t = tokenize(&clean);
    let mut out: Vec<DdlTable> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if t.is_word(i, "create") {
            if let Some((table, next)) = create(&t, i + 1) {
                out.push(table);
                i = next.max(i + 1);
                continue;
            }
        } else if t.is_word(i, "alter") && t.is_word(i + 1, "table") {
            if let Some(next) = alter(&t, i + 2, &mut out) {
                i = next.max(i + 1);
                continue;
            }
        } else if t.is_word(i, "model") && t.is_name(i + 1) && t.text(i + 2) == "{" {
            if let Some((table, next)) = prisma_model(&t, i + 1) {
                out.push(table);
                i = next.max(i + 1);
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Replaces comments and string literals with spaces (newlines kept), so
/// offsets stay those of `code`.
pub(super) fn blank_comments_and_strings(code: &str, prisma: bool) -> String {
    let b = code.as_bytes();
    let mut out = b.to_vec();
    let mut i = 0;
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for x in out.iter_mut().take(to).skip(from) {
            if *x != b'\n' {
                *x = b' ';
            }
        }
    };
    while i < b.len() {
        let two = (b[i], b.get(i + 1).copied().unwrap_or(0));
        if two == (b'-', b'-') || (prisma && two == (b'/', b'/')) {
            let end = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |k| i + k);
            blank(&mut out, i, end);
            i = end;
        } else if two == (b'/', b'*') {
            let end = memchr::memmem::find(&b[i + 2..], b"*/").map_or(b.len(), |k| i + 2 + k + 2);
            blank(&mut out, i, end);
            i = end;
        } else if b[i] == b'\'' {
            // 'it''s': a doubled quote continues the string.
            let mut j = i + 1;
            while j < b.len() {
                if b[j] == b'\'' {
                    if b.get(j + 1) == Some(&b'\'') {
                        j += 2;
                        continue;
                    }
                    break;
                }
                j += 1;
            }
            let end = (j + 1).min(b.len());
            blank(&mut out, i + 1, end.saturating_sub(1).max(i + 1));
            i = end;
        } else {
            i += 1;
        }
    }
    // Only ASCII bytes were replaced by ASCII spaces, and whole multi-byte
    // characters inside comments and strings became spaces byte by byte.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Reads a qualified name at `i`: its segments, byte range and the next token.
fn qname(t: &Tokens<'_>, mut i: usize) -> Option<(Vec<String>, usize, usize, usize)> {
    if !t.is_name(i) {
        return None;
    }
    let start = t.start(i);
    let mut segs = vec![t.text(i).to_string()];
    i += 1;
    while t.kind(i) == Some(Kind::Dot) && t.is_name(i + 1) {
        segs.push(t.text(i + 1).to_string());
        i += 2;
    }
    Some((segs, start, t.end(i - 1), i))
}

const TABLE_WORDS: &[&str] = &[
    "virtual",
    "or",
    "replace",
    "temp",
    "temporary",
    "global",
    "local",
    "unlogged",
    "transient",
    "external",
    "dynamic",
    "hybrid",
    "iceberg",
    "virtual",
    "column",
    "columnar",
];

fn create(t: &Tokens<'_>, mut i: usize) -> Option<(DdlTable, usize)> {
    while TABLE_WORDS.iter().any(|w| t.is_word(i, w)) {
        i += 1;
    }
    let mut view = false;
    if t.is_word(i, "materialized") {
        i += 1;
    }
    if t.is_word(i, "view") {
        view = true;
    } else if !(t.is_word(i, "table") || t.is_word(i, "collection")) {
        return None;
    }
    i += 1;
    if t.is_word(i, "if") && t.is_word(i + 1, "not") && t.is_word(i + 2, "exists") {
        i += 3;
    }
    let (name, ns, ne, mut i) = qname(t, i)?;
    let mut table = DdlTable {
        name,
        name_start: ns,
        name_end: ne,
        view,
        ..DdlTable::default()
    };
    // ClickHouse `ON CLUSTER x`.
    if t.is_word(i, "on") && t.is_word(i + 1, "cluster") {
        i += 3;
    }
    if view {
        return Some((table, statement_end(t, i)));
    }
    // SQLite `CREATE VIRTUAL TABLE t USING fts5(name, body, content='x')`:
    // keyed by its rowid (so it needs no declared key, like a view); its
    // columns are the module's arguments that are one name alone.
    if t.is_word(i, "using") && t.kind(i + 2) == Some(Kind::Open) {
        let open = i + 2;
        let close = t.matching_close(open)?;
        table.view = true;
        let mut first = open + 1;
        for k in open + 1..=close {
            if k == close || t.kind(k) == Some(Kind::Comma) {
                if k == first + 1 && t.is_name(first) {
                    table.columns.push(DdlColumn {
                        name: t.text(first).to_string(),
                        ..DdlColumn::default()
                    });
                }
                first = k + 1;
            }
        }
        return Some((table, statement_end(t, close + 1)));
    }
    if t.kind(i) == Some(Kind::Open) {
        let close = t.matching_close(i)?;
        elements(t, i + 1, close, &mut table);
        i = close + 1;
    }
    // Options after the parenthesis, up to the end of the statement.
    let end = statement_end(t, i);
    let mut k = i;
    while k < end {
        let key = if t.is_word(k, "order") && t.is_word(k + 1, "by") {
            Some((KeyKind::OrderBy, k + 2))
        } else if t.is_word(k, "primary") && t.is_word(k + 1, "key") {
            Some((KeyKind::Primary, k + 2))
        } else if t.is_word(k, "cluster") && t.is_word(k + 1, "by") {
            Some((KeyKind::ClusterBy, k + 2))
        } else {
            None
        };
        match key {
            Some((kind, from)) => {
                let (cols, next) = name_list_or_names(t, from, end);
                if !cols.is_empty() {
                    table.keys.push((kind, cols));
                }
                k = next.max(k + 1);
            }
            None => k += 1,
        }
    }
    Some((table, end))
}

/// The index of the `;` ending the statement at `i`, or of the next `CREATE`/`ALTER`.
fn statement_end(t: &Tokens<'_>, mut i: usize) -> usize {
    while i < t.len() {
        if t.kind(i) == Some(Kind::Semicolon) || t.is_word(i, "create") || t.is_word(i, "alter") {
            return i;
        }
        i += 1;
    }
    t.len()
}

/// `(a, b)` or `a, b` (stopping at a keyword or `end`): names, and the next token.
fn name_list_or_names(t: &Tokens<'_>, mut i: usize, end: usize) -> (Vec<String>, usize) {
    let mut out = Vec::new();
    // SQL Server `PRIMARY KEY CLUSTERED (...)`, `USING btree (...)`.
    while ["clustered", "nonclustered", "using", "btree", "hash"]
        .iter()
        .any(|w| t.is_word(i, w))
    {
        i += 1;
    }
    if t.kind(i) == Some(Kind::Open) {
        let Some(close) = t.matching_close(i) else {
            return (out, i + 1);
        };
        collect(t, i + 1, close, &mut out);
        return (out, close + 1);
    }
    let mut k = i;
    while k < end && t.is_name(k) {
        let w = t.text(k).to_ascii_lowercase();
        if matches!(
            w.as_str(),
            "settings"
                | "ttl"
                | "partition"
                | "sample"
                | "primary"
                | "order"
                | "options"
                | "with"
                | "as"
                | "comment"
        ) {
            break;
        }
        let (segs, _, _, next) = match qname(t, k) {
            Some(q) => q,
            None => break,
        };
        if let Some(last) = segs.last() {
            out.push(last.clone());
        }
        k = next;
        if t.kind(k) == Some(Kind::Open) {
            // A function call: `toDate(ts)`.
            k = t.matching_close(k).map_or(k + 1, |c| c + 1);
        }
        if t.kind(k) == Some(Kind::Comma) {
            k += 1;
        } else {
            break;
        }
    }
    (out, k)
}

/// Names inside `from..to`, nested parentheses flattened, function calls read
/// as their argument, modifiers (`DESC`) skipped.
fn collect(t: &Tokens<'_>, from: usize, to: usize, out: &mut Vec<String>) {
    let mut k = from;
    let mut expect = true;
    while k < to {
        match t.kind(k) {
            Some(Kind::Word | Kind::Quoted) if expect => {
                let Some((segs, _, _, next)) = qname(t, k) else {
                    k += 1;
                    continue;
                };
                k = next;
                if t.kind(k) == Some(Kind::Open) {
                    continue;
                }
                if let Some(last) = segs.last() {
                    if last.chars().any(|c| c.is_alphabetic() || c == '_') {
                        out.push(last.clone());
                    }
                }
                expect = false;
                continue;
            }
            Some(Kind::Comma | Kind::Open) => expect = true,
            _ => {}
        }
        k += 1;
    }
}

/// The elements of a `CREATE TABLE (...)` between `from` and `close`.
fn elements(t: &Tokens<'_>, from: usize, close: usize, table: &mut DdlTable) {
    let mut start = from;
    let mut k = from;
    while k <= close {
        if k == close || t.kind(k) == Some(Kind::Comma) {
            element(t, start, k, table);
            start = k + 1;
        } else if t.kind(k) == Some(Kind::Open) {
            if let Some(c) = t.matching_close(k) {
                k = c;
            }
        }
        k += 1;
    }
}

/// One element: a table constraint or a column definition.
fn element(t: &Tokens<'_>, mut i: usize, end: usize, table: &mut DdlTable) {
    if i >= end {
        return;
    }
    let mut constraint = None;
    if t.is_word(i, "constraint") && t.is_name(i + 1) {
        constraint = Some(t.text(i + 1).to_string());
        i += 2;
    }
    if t.is_word(i, "primary") && t.is_word(i + 1, "key") {
        let (cols, _) = name_list_or_names(t, i + 2, end);
        if !cols.is_empty() {
            table.keys.push((KeyKind::Primary, cols));
        }
        return;
    }
    if t.is_word(i, "unique") {
        let mut k = i + 1;
        if t.is_word(k, "key") || t.is_word(k, "index") {
            k += 1;
        }
        if t.is_name(k) && t.kind(k + 1) == Some(Kind::Open) {
            k += 1;
        }
        let (cols, _) = name_list_or_names(t, k, end);
        if !cols.is_empty() {
            table.keys.push((KeyKind::Unique, cols));
        }
        return;
    }
    if t.is_word(i, "foreign") && t.is_word(i + 1, "key") {
        foreign_key(t, i, end, constraint, table);
        return;
    }
    if [
        "key",
        "index",
        "check",
        "exclude",
        "period",
        "fulltext",
        "spatial",
        "projection",
    ]
    .iter()
    .any(|w| t.is_word(i, w))
    {
        return;
    }
    // A column definition: name type [...modifiers].
    if !t.is_name(i) {
        return;
    }
    let name = t.text(i).to_string();
    let mut col = DdlColumn {
        name: name.clone(),
        ..DdlColumn::default()
    };
    let type_start = i + 1;
    let mut k = type_start;
    let mut type_end = type_start;
    while k < end {
        let w = t.text(k).to_ascii_lowercase();
        if t.kind(k) == Some(Kind::Word)
            && matches!(
                w.as_str(),
                "not"
                    | "null"
                    | "primary"
                    | "references"
                    | "unique"
                    | "default"
                    | "generated"
                    | "identity"
                    | "auto_increment"
                    | "autoincrement"
                    | "check"
                    | "constraint"
                    | "collate"
                    | "comment"
                    | "codec"
                    | "materialized"
                    | "alias"
                    | "ttl"
                    | "options"
            )
        {
            break;
        }
        if t.kind(k) == Some(Kind::Open) {
            k = t.matching_close(k).map_or(k + 1, |c| c + 1);
        } else {
            k += 1;
        }
        type_end = k;
    }
    if type_end > type_start {
        col.data_type = t
            .src
            .get(t.start(type_start)..t.end(type_end - 1))
            .unwrap_or("")
            .trim()
            .to_string();
    }
    let upper = t.src.get(t.start(k.min(end))..t.start(end)).unwrap_or("");
    let marks = super::keys::cell_marks(upper, super::keys::CellContext::Text);
    for kind in &marks.kinds {
        match kind {
            KeyKind::Primary | KeyKind::Unique | KeyKind::Identity => {
                table.keys.push((*kind, vec![name.clone()]));
            }
            _ => {}
        }
    }
    let lower = upper.to_ascii_lowercase();
    col.not_null = lower.contains("not null") || marks.has(KeyKind::Primary);
    let parsed = refs::parse(upper, refs::Context::default());
    for mut r in parsed.references {
        let base = t.start(k.min(end));
        r.start += base;
        r.end += base;
        table.references.push((vec![name.clone()], r));
    }
    table.columns.push(col);
}

fn foreign_key(
    t: &Tokens<'_>,
    i: usize,
    end: usize,
    constraint: Option<String>,
    table: &mut DdlTable,
) {
    let text = t.src.get(t.start(i)..t.start(end)).unwrap_or("");
    let base = t.start(i);
    for mut r in refs::parse(text, refs::Context::default()).references {
        r.start += base;
        r.end += base;
        if r.constraint.is_none() {
            r.constraint = constraint.clone();
        }
        let local = r.local.clone();
        table.references.push((local, r));
    }
}

fn alter(t: &Tokens<'_>, i: usize, out: &mut Vec<DdlTable>) -> Option<usize> {
    let mut i = i;
    if t.is_word(i, "if") && t.is_word(i + 1, "exists") {
        i += 2;
    }
    if t.is_word(i, "only") {
        i += 1;
    }
    let (name, ns, ne, i) = qname(t, i)?;
    let end = statement_end(t, i);
    let mut table = DdlTable {
        name,
        name_start: ns,
        name_end: ne,
        ..DdlTable::default()
    };
    let mut k = i;
    while k < end {
        if t.is_word(k, "add") {
            // ADD [CONSTRAINT n] PRIMARY KEY (...) | FOREIGN KEY ... | UNIQUE (...)
            let mut from = k + 1;
            let mut next = from;
            while next < end && !t.is_word(next, "add") {
                if t.kind(next) == Some(Kind::Open) {
                    next = t.matching_close(next).map_or(next + 1, |c| c + 1);
                } else {
                    next += 1;
                }
            }
            if t.is_word(from, "column") {
                from = next;
            }
            if from < next {
                element(t, from, next, &mut table);
            }
            k = next;
        } else {
            k += 1;
        }
    }
    // A column added by ALTER TABLE ADD COLUMN is not a table of its own.
    table.columns.clear();
    if !table.keys.is_empty() || !table.references.is_empty() {
        out.push(table);
    }
    Some(end)
}

/// Prisma `model Name { ... }` at the name token `i`.
fn prisma_model(t: &Tokens<'_>, i: usize) -> Option<(DdlTable, usize)> {
    let (name, ns, ne, _) = qname(t, i)?;
    let mut table = DdlTable {
        name,
        name_start: ns,
        name_end: ne,
        ..DdlTable::default()
    };
    let open = i + 1;
    let close = (open + 1..t.len()).find(|&k| t.text(k) == "}")?;
    let body = t.src.get(t.end(open)..t.start(close)).unwrap_or("");
    let base = t.end(open);
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let line_start = base + offset;
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix("@@id") {
            let cols = bracket_names(rest);
            if !cols.is_empty() {
                table.keys.push((KeyKind::Primary, cols));
            }
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix("@@unique") {
            let cols = bracket_names(rest);
            if !cols.is_empty() {
                table.keys.push((KeyKind::Unique, cols));
            }
            continue;
        }
        if trimmed.starts_with("@@") {
            continue;
        }
        let mut parts = trimmed.split_whitespace();
        let (Some(field), Some(ty)) = (parts.next(), parts.next()) else {
            continue;
        };
        if !field.chars().all(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let attrs = trimmed[field.len()..].trim_start()[ty.len()..].to_string();
        if attrs.contains("@id") {
            table.keys.push((KeyKind::Primary, vec![field.to_string()]));
        }
        if attrs.contains("@unique") {
            table.keys.push((KeyKind::Unique, vec![field.to_string()]));
        }
        if let Some(rel) = attrs.find("@relation(") {
            let args = &attrs[rel..];
            let fields = named_list(args, "fields");
            let references = named_list(args, "references");
            let target = ty.trim_end_matches(['?', '!']).trim_end_matches("[]");
            if !fields.is_empty() && !target.is_empty() {
                let start = line_start + (line.len() - line.trim_start().len());
                table.references.push((
                    fields,
                    Reference {
                        start,
                        end: start + trimmed.len(),
                        segments: vec![target.to_string()],
                        columns: references.clone(),
                        form: if references.is_empty() {
                            refs::Form::EntityOnly
                        } else {
                            refs::Form::Explicit
                        },
                        local: Vec::new(),
                        constraint: None,
                        enforced: true,
                        on_delete: None,
                        certain: !references.is_empty(),
                        alternative: Vec::new(),
                    },
                ));
            }
        }
        let not_null = !ty.ends_with('?');
        table.columns.push(DdlColumn {
            name: field.to_string(),
            data_type: ty.to_string(),
            not_null,
        });
    }
    Some((table, close + 1))
}

/// `([a, b])` or `(fields: [a, b])` → `["a", "b"]`.
fn bracket_names(s: &str) -> Vec<String> {
    let Some(open) = s.find('[') else {
        return Vec::new();
    };
    let Some(close) = s[open..].find(']') else {
        return Vec::new();
    };
    s[open + 1..open + close]
        .split(',')
        .map(|x| x.trim().split('(').next().unwrap_or("").trim().to_string())
        .filter(|x| !x.is_empty())
        .collect()
}

/// The list after `name:` in Prisma attribute arguments.
fn named_list(args: &str, name: &str) -> Vec<String> {
    let Some(i) = args.find(&format!("{name}:")) else {
        return Vec::new();
    };
    bracket_names(&args[i + name.len() + 1..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(t: &DdlTable, k: KeyKind) -> Vec<Vec<String>> {
        t.keys
            .iter()
            .filter(|(kind, _)| *kind == k)
            .map(|(_, c)| c.clone())
            .collect()
    }

    fn v(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn postgres_create_table() {
        let sql = "-- orders\nCREATE TABLE IF NOT EXISTS sales.orders (\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n  customer_id bigint NOT NULL REFERENCES customers(id) ON DELETE CASCADE,\n  note text DEFAULT 'a, (b)',\n  CONSTRAINT uq_x UNIQUE (customer_id, note),\n  CONSTRAINT fk_y FOREIGN KEY (note) REFERENCES notes (body)\n);";
        let tables = read(sql, "sql");
        assert_eq!(tables.len(), 1);
        let t = &tables[0];
        assert_eq!(t.name, v(&["sales", "orders"]));
        assert_eq!(&sql[t.name_start..t.name_end], "sales.orders");
        assert_eq!(keys(t, KeyKind::Primary), vec![v(&["id"])]);
        assert_eq!(keys(t, KeyKind::Unique), vec![v(&["customer_id", "note"])]);
        assert_eq!(
            t.columns
                .iter()
                .map(|c| c.name.as_str())
                .collect::<Vec<_>>(),
            ["id", "customer_id", "note"]
        );
        assert_eq!(t.columns[0].data_type, "bigint");
        assert_eq!(t.references.len(), 2);
        assert_eq!(t.references[0].0, v(&["customer_id"]));
        assert_eq!(t.references[0].1.target(), "customers(id)");
        assert_eq!(
            &sql[t.references[0].1.start..t.references[0].1.end],
            "REFERENCES customers(id)"
        );
        assert_eq!(t.references[1].0, v(&["note"]));
        assert_eq!(t.references[1].1.constraint.as_deref(), Some("fk_y"));
    }

    #[test]
    fn table_constraints_and_engines() {
        let t = &read(
            "CREATE TABLE [dbo].[OrderLine] ([OrderId] INT NOT NULL, [Line] INT, CONSTRAINT [PK_OrderLine] PRIMARY KEY CLUSTERED ([OrderId], [Line]))",
            "sql",
        )[0];
        assert_eq!(t.name, v(&["dbo", "OrderLine"]));
        assert_eq!(keys(t, KeyKind::Primary), vec![v(&["OrderId", "Line"])]);
        let t = &read(
            "CREATE TABLE metrics.samples (tenant text, day date, ts timestamp, v double, PRIMARY KEY ((tenant, day), ts)) WITH CLUSTERING ORDER BY (ts DESC);",
            "cql",
        )[0];
        assert_eq!(keys(t, KeyKind::Primary), vec![v(&["tenant", "day", "ts"])]);
        let t = &read(
            "CREATE TABLE events ON CLUSTER main (site_id UInt32, ts DateTime) ENGINE = ReplicatedMergeTree ORDER BY (site_id, toStartOfHour(ts)) PARTITION BY toYYYYMM(ts)",
            "sql",
        )[0];
        assert_eq!(keys(t, KeyKind::OrderBy), vec![v(&["site_id", "ts"])]);
        let t = &read(
            "CREATE OR REPLACE TABLE `proj.ds.page_views` (id STRING, ts TIMESTAMP) PARTITION BY DATE(ts) CLUSTER BY site, id;",
            "sql",
        )[0];
        assert_eq!(
            t.name,
            v(&["proj", "ds", "page_views"]),
            "backticks are Markdown code, not one quoted name"
        );
        assert_eq!(keys(t, KeyKind::ClusterBy), vec![v(&["site", "id"])]);
        let t = &read(
            "create table photos (id integer primary key autoincrement, album_id integer references albums(id))",
            "sql",
        )[0];
        assert_eq!(keys(t, KeyKind::Primary), vec![v(&["id"])]);
        assert_eq!(t.references[0].1.target(), "albums(id)");
    }

    #[test]
    fn alter_table_and_views() {
        let tables = read(
            "ALTER TABLE silver.orders ADD CONSTRAINT pk_o PRIMARY KEY (order_id);\nALTER TABLE silver.orders ADD CONSTRAINT fk_c FOREIGN KEY (customer_id) REFERENCES silver.customers (customer_id) NOT ENFORCED;\nCREATE MATERIALIZED VIEW v AS SELECT 1;",
            "sql",
        );
        assert_eq!(tables.len(), 3);
        assert_eq!(keys(&tables[0], KeyKind::Primary), vec![v(&["order_id"])]);
        assert_eq!(tables[1].references[0].0, v(&["customer_id"]));
        assert!(tables[2].view);
    }

    #[test]
    fn sqlite_virtual_tables() {
        let t = read(
            "CREATE VIRTUAL TABLE menu_search USING fts5(\n  name,\n  description,\n  content = 'menu_items',\n  tokenize = 'unicode61'\n);\nCREATE TABLE x (id INTEGER PRIMARY KEY);",
            "sql",
        );
        assert_eq!(t[0].name, ["menu_search"]);
        assert!(t[0].view, "keyed by its rowid");
        let cols: Vec<&str> = t[0].columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(cols, ["name", "description"]);
        assert_eq!(t[1].name, ["x"]);
    }

    #[test]
    fn prisma_models() {
        let schema = "model Post {\n  id String @id @default(cuid())\n  authorId String\n  author User @relation(fields: [authorId], references: [id])\n  // comment @id\n}\nmodel Tag {\n  a Int\n  b Int\n  @@id([a, b])\n}";
        let tables = read(schema, "prisma");
        assert_eq!(tables.len(), 2);
        assert_eq!(keys(&tables[0], KeyKind::Primary), vec![v(&["id"])]);
        let (local, r) = &tables[0].references[0];
        assert_eq!(local, &v(&["authorId"]));
        assert_eq!(r.target(), "User(id)");
        assert_eq!(keys(&tables[1], KeyKind::Primary), vec![v(&["a", "b"])]);
    }

    #[test]
    fn odd_input_is_total_and_linear() {
        for s in [
            "",
            "CREATE",
            "CREATE TABLE",
            "CREATE TABLE x (",
            "ALTER TABLE",
            "model X {",
            "'unterminated",
            "/* open",
            "CREATE TABLE x (a int,,,)",
        ] {
            let _ = read(s, "sql");
            let _ = read(s, "prisma");
        }
        let long = "CREATE TABLE t (".repeat(5000) + &"a int, ".repeat(5000);
        let _ = read(&long, "sql");
    }
}
