//! Key declarations as teams write them, in a table cell or a line of prose.
//!
//! Engines declare what identifies a row in their own words: `PRIMARY KEY`,
//! `PK`, `PK (1/2)`, identity columns, `_id`, a partition key with
//! clustering columns, a partition key with a sort key, an `ORDER BY` key,
//! a logical key "not enforced". Two readers cover them:
//!
//! - [`cell_marks`] reads one cell of a column's row: which key roles the
//!   cell gives its column (primary, partition, sort, clustering, unique,
//!   identity, foreign). A negation just before a marker (`no PK`, `not a
//!   primary key`) cancels it.
//! - [`line_declaration`] reads one bullet or paragraph such as
//!   `Primary key: (a, b)`, `**PK**: order_id, sku`, `Partition key: tenant_id;
//!   sort key: created_at`, `ORDER BY (site_id, ts)` or `Clustering columns:
//!   bucket, ts`, and returns every declaration with its column names.
//!
//! Both are total and linear: one tokenization, a bounded look-behind.

use super::words::{Kind, Tokens, tokenize};

/// A kind of key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeyKind {
    /// `PRIMARY KEY`, `PK`, `@id`, `primary_key=True`, `_id`.
    Primary,
    /// Partition key, hash key, DynamoDB `PK`.
    Partition,
    /// Sort key, range key.
    Sort,
    /// Cassandra/Scylla clustering columns.
    Clustering,
    /// An `ORDER BY` / sorting key of an analytics table (ClickHouse).
    OrderBy,
    /// A `CLUSTER BY` key (BigQuery, Snowflake): storage order, a key only
    /// for an aggregate table keyed by it.
    ClusterBy,
    /// A natural, logical, business or candidate key (often "not enforced").
    Logical,
    /// `UNIQUE`, `UK`, `AK`.
    Unique,
    /// An identity / auto-increment / serial column.
    Identity,
    /// `FK`, `REFERENCES`.
    Foreign,
}

impl KeyKind {
    /// Whether this kind identifies rows on its own or with its companions
    /// (everything but unique, identity and foreign).
    pub fn identifies(self) -> bool {
        !matches!(
            self,
            KeyKind::Unique | KeyKind::Identity | KeyKind::Foreign | KeyKind::ClusterBy
        )
    }
}

/// The key roles one cell gives its row's column.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    pub kinds: Vec<KeyKind>,
    /// `PK (1/2)`: the column's place in a composite key.
    pub ordinal: Option<u32>,
}

impl Marks {
    pub fn has(&self, k: KeyKind) -> bool {
        self.kinds.contains(&k)
    }
    fn add(&mut self, k: KeyKind) {
        if !self.kinds.contains(&k) {
            self.kinds.push(k);
        }
    }
}

/// Where a cell comes from, which decides what a bare mark means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CellContext {
    /// A notes or constraints cell: only explicit phrases count.
    #[default]
    Text,
    /// A `Key`/`Keys`/`PK/FK` column: `P`, `PRI`, `Primary`, `Partition`, `🔑` count too.
    KeysColumn,
    /// A column headed `PK` (or `Primary key`): a check mark or `yes` marks the key.
    PrimaryColumn,
    /// The type cell: `serial`, `bigserial`, `AutoField`, `ObjectId` for `_id`.
    TypeColumn,
}

fn negated(t: &Tokens<'_>, i: usize) -> bool {
    // Up to two words back: `no PK`, `not a primary key`, `not the PK`.
    let back = |k: usize| i.checked_sub(k).map(|j| t.text(j).to_ascii_lowercase());
    let neg = |w: Option<String>| {
        matches!(
            w.as_deref(),
            Some("no" | "not" | "non" | "without" | "never" | "isn" | "isnt")
        )
    };
    neg(back(1))
        || (neg(back(2)) && matches!(back(1).as_deref(), Some("a" | "an" | "the" | "part")))
}

/// Word starts one of which every key marker and reference has (ASCII,
/// case-insensitive, at the start of a word): a text without any of them
/// has no mark in a `Text` or `TypeColumn` context.
fn stems(first: u8) -> &'static [&'static str] {
    match first {
        b'p' => &["pk", "pri", "partition"],
        b'k' => &["key"],
        b'h' => &["hash"],
        b's' => &["sort", "sk", "serial", "smallserial", "surrogate"],
        b'r' => &["range", "ref", "row k", "row i"],
        b'c' => &["cluster", "ck", "candidate", "composite"],
        b'u' => &["uniq", "uk", "uq"],
        b'a' => &["ak", "auto"],
        b'i' => &["ident"],
        b'f' => &["fk", "foreign"],
        b'd' => &["doc i", "doc k", "document i", "document k"],
        b'n' => &["node k", "node i", "natural"],
        b'l' => &["logical"],
        b'b' => &["business", "bigserial", "bigauto"],
        b'o' => &["order b", "order k", "ordered b"],
        b'@' => &["@id"],
        _ => &[],
    }
}

/// Whether a text may hold a key marker or a reference: a fast pre-check
/// with no allocation (`false` means [`cell_marks`] finds nothing in a
/// `Text` cell and [`line_declaration`] nothing at all).
pub fn may_mark(text: &str) -> bool {
    let b = text.as_bytes();
    let mut word_start = true;
    for i in 0..b.len() {
        let c = b[i];
        if c >= 0x80 {
            // `🔑`, `🗝` and the arrows are multi-byte: rare, checked whole.
            if text
                .get(i..)
                .is_some_and(|r| r.starts_with(['🔑', '🗝', '→', '⟶', '➝', '➔', '⇒']))
            {
                return true;
            }
            word_start = false;
            continue;
        }
        if (c == b'-' || c == b'=') && b.get(i + 1) == Some(&b'>') {
            return true;
        }
        if word_start || c == b'@' {
            for stem in stems(c.to_ascii_lowercase()) {
                let s = stem.as_bytes();
                if b.len() - i >= s.len() && b[i..i + s.len()].eq_ignore_ascii_case(s) {
                    return true;
                }
            }
        }
        word_start = !(c.is_ascii_alphanumeric() || c == b'_');
    }
    false
}

/// Reads the key marks of one cell.
pub fn cell_marks(text: &str, ctx: CellContext) -> Marks {
    if matches!(ctx, CellContext::Text | CellContext::TypeColumn) && !may_mark(text) {
        return Marks::default();
    }
    cell_marks_unchecked(text, ctx)
}

/// [`cell_marks`] for a caller that already ran [`may_mark`] on the text.
pub fn cell_marks_unchecked(text: &str, ctx: CellContext) -> Marks {
    let t = tokenize(text);
    let mut m = Marks::default();
    if ctx == CellContext::PrimaryColumn {
        let v = text.trim().trim_matches(|c| c == '*' || c == '`').trim();
        let lower = v.to_lowercase();
        if matches!(
            lower.as_str(),
            "✓" | "✔"
                | "✔\u{fe0f}"
                | "✅"
                | "☑"
                | "☑\u{fe0f}"
                | "x"
                | "yes"
                | "y"
                | "true"
                | "●"
                | "•"
                | "🔑"
                | "*"
                | "pk"
        ) || lower.starts_with("yes")
            || lower.starts_with("pk")
        {
            m.add(KeyKind::Primary);
        }
    }
    if text.contains('🔑') || text.contains("🗝") {
        m.add(KeyKind::Primary);
    }
    // A cell that is only a primary key constraint's name: `PK_EMPLOYEE`,
    // `pk_orders`, `CONSTRAINT pk_orders` (Oracle and SQL Server teams name
    // the constraint instead of writing `PK`).
    let bare = text.trim().trim_matches(|c| c == '`' || c == '*').trim();
    let bare = bare
        .get(..11)
        .filter(|p| p.eq_ignore_ascii_case("constraint "))
        .map_or(bare, |_| bare[11..].trim().trim_matches('`'));
    if is_pk_name(bare) {
        m.add(KeyKind::Primary);
    }
    let n = t.len();
    let mut i = 0;
    while i < n {
        let w = t.text(i).to_ascii_lowercase();
        let is_word = t.kind(i) == Some(Kind::Word);
        if !is_word {
            // Prisma `@id`, `@@id`: an `@` token before the word `id`.
            if t.text(i) == "@" && t.is_word(i + 1, "id") && !t.is_word(i + 2, "_") {
                m.add(KeyKind::Primary);
            }
            i += 1;
            continue;
        }
        let next = t.text(i + 1).to_ascii_lowercase();
        let key_follows = matches!(next.as_str(), "key" | "keys");
        let kind = match w.as_str() {
            "pk" | "pri" => Some(KeyKind::Primary),
            "primary" if key_follows || ctx == CellContext::KeysColumn => Some(KeyKind::Primary),
            "primary_key" => Some(KeyKind::Primary),
            "partition" | "hash" if key_follows || ctx == CellContext::KeysColumn => {
                Some(KeyKind::Partition)
            }
            "partition_key" | "hash_key" => Some(KeyKind::Partition),
            "sort" | "range" if key_follows || ctx == CellContext::KeysColumn => {
                Some(KeyKind::Sort)
            }
            "sk" | "sort_key" | "range_key" => Some(KeyKind::Sort),
            "clustering" | "ck" => Some(KeyKind::Clustering),
            "cluster" if key_follows => Some(KeyKind::Clustering),
            "row" | "document" | "doc" | "node" | "relationship" if key_follows || next == "id" => {
                Some(KeyKind::Primary)
            }
            "natural" | "logical" | "business" | "candidate" | "surrogate" | "composite"
                if key_follows =>
            {
                Some(KeyKind::Logical)
            }
            "sorting" | "order" if key_follows => Some(KeyKind::OrderBy),
            "unique" | "uk" | "uq" | "ak" | "uniq" => Some(KeyKind::Unique),
            "identity" | "auto_increment" | "autoincrement" | "serial" | "bigserial"
            | "smallserial" | "autofield" | "bigautofield" | "smallautofield" => {
                Some(KeyKind::Identity)
            }
            "auto" if next == "increment" || next == "incremented" => Some(KeyKind::Identity),
            "fk" | "foreign_key" => Some(KeyKind::Foreign),
            "foreign" if key_follows => Some(KeyKind::Foreign),
            "references" | "ref" => Some(KeyKind::Foreign),
            "p" if ctx == CellContext::KeysColumn => Some(KeyKind::Primary),
            "u" if ctx == CellContext::KeysColumn => Some(KeyKind::Unique),
            "f" if ctx == CellContext::KeysColumn => Some(KeyKind::Foreign),
            _ => None,
        };
        // `GSI1 PK`, `LSI2 SK`: keys of a secondary index, not of the table.
        let index_key = i > 0 && {
            let prev = t.text(i - 1).to_ascii_lowercase();
            prev.starts_with("gsi") || prev.starts_with("lsi")
        };
        if let Some(k) = kind.filter(|_| !index_key) {
            if !negated(&t, i) {
                m.add(k);
                // `PK (1/2)`, `PK 1/2`, `PK1`: the place in a composite key.
                if k == KeyKind::Primary && m.ordinal.is_none() {
                    m.ordinal = ordinal_after(&t, i + 1);
                }
            }
        }
        i += 1;
    }
    // `pk1`, `PK2` written as one word.
    for k in 0..n {
        let w = t.text(k).to_ascii_lowercase();
        if let Some(d) = w.strip_prefix("pk") {
            if !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()) && !negated(&t, k) {
                m.add(KeyKind::Primary);
                if m.ordinal.is_none() {
                    m.ordinal = d.parse().ok();
                }
            }
        }
    }
    m
}

/// `PK_EMPLOYEE`, `pk_orders`, `PkOrders`: a primary key constraint's name.
fn is_pk_name(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() > 3
        && b[..2].eq_ignore_ascii_case(b"pk")
        && (b[2] == b'_' || (b[1] == b'k' && b[2].is_ascii_uppercase()))
        && w.chars().all(|c| c.is_alphanumeric() || c == '_')
}

/// `(1/2)`, `1/2`, `#1`: the first number after a key marker.
fn ordinal_after(t: &Tokens<'_>, mut i: usize) -> Option<u32> {
    if t.kind(i) == Some(Kind::Open) {
        i += 1;
    }
    if t.text(i) == "#" {
        i += 1;
    }
    let n: u32 = t.text(i).parse().ok()?;
    (t.kind(i + 1) == Some(Kind::Slash)
        || t.kind(i + 1) == Some(Kind::Close)
        || t.kind(i + 1).is_none())
    .then_some(n)
}

/// One key declared in a line of prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declaration {
    pub kind: KeyKind,
    pub columns: Vec<String>,
    /// Byte range of the declaration's phrase in the line.
    pub start: usize,
    pub end: usize,
}

/// Reads every key declaration of a bullet or paragraph (see the module doc).
/// The column names must follow a colon, `=`, `is`, `on`, `by`, `→`, or be
/// in parentheses or code spans, so "the primary key is generated" declares
/// nothing.
pub fn line_declaration(text: &str) -> Vec<Declaration> {
    let t = tokenize(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let Some((kind, after)) = phrase_at(&t, i) else {
            i += 1;
            continue;
        };
        if negated(&t, i) {
            i = after;
            continue;
        }
        // `keyed by`, `order by`: the phrase itself introduces the names.
        let by = after > 0 && t.is_word(after - 1, "by");
        match names_after(&t, after, by) {
            Some((columns, end_tok)) if !columns.is_empty() => {
                let mut decl = Declaration {
                    kind,
                    columns,
                    start: t.start(i),
                    end: t.end(end_tok.saturating_sub(1)),
                };
                // Cassandra `PRIMARY KEY ((a, b), c)`: the inner list is the
                // partition key, the rest clustering columns; all identify a row.
                if kind == KeyKind::Primary {
                    decl.kind = KeyKind::Primary;
                }
                out.push(decl);
                i = end_tok.max(i + 1);
            }
            _ => i = after.max(i + 1),
        }
    }
    out
}

/// A key phrase starting at token `i`: its kind and the token after it.
fn phrase_at(t: &Tokens<'_>, i: usize) -> Option<(KeyKind, usize)> {
    let w = |k: usize| t.text(k).to_ascii_lowercase();
    if t.kind(i) != Some(Kind::Word) {
        // `_id` written as a code span stands for the document key.
        return None;
    }
    let (a, b, c) = (w(i), w(i + 1), w(i + 2));
    let key = |s: &str| matches!(s, "key" | "keys");
    let columns = |s: &str| matches!(s, "column" | "columns" | "key" | "keys");
    Some(match (a.as_str(), b.as_str(), c.as_str()) {
        ("composite" | "compound", "primary", k) if key(k) => (KeyKind::Primary, i + 3),
        ("primary", k, _) if key(k) => (KeyKind::Primary, i + 2),
        ("pk" | "pks", _, _) => (KeyKind::Primary, i + 1),
        ("partition" | "hash" | "shard" | "distribution", k, _) if key(k) => {
            (KeyKind::Partition, i + 2)
        }
        ("sort" | "range", k, _) if key(k) => (KeyKind::Sort, i + 2),
        ("clustering", k, _) if columns(k) => (KeyKind::Clustering, i + 2),
        ("clustering", "order", "by") => (KeyKind::Clustering, i + 3),
        ("cluster" | "clustered", "by", _) => (KeyKind::ClusterBy, i + 2),
        ("order" | "ordered" | "sorted", "by", _) => (KeyKind::OrderBy, i + 2),
        ("sorting" | "sort" | "order", k, _) if key(k) => (KeyKind::OrderBy, i + 2),
        ("keyed" | "identified" | "unique", "by", _) => (KeyKind::Logical, i + 2),
        (
            "natural" | "logical" | "business" | "candidate" | "composite" | "compound"
            | "surrogate",
            k,
            _,
        ) if key(k) => (KeyKind::Logical, i + 2),
        ("row" | "document" | "item" | "node", k, _) if key(k) => (KeyKind::Primary, i + 2),
        ("document" | "doc", "id", _) => (KeyKind::Primary, i + 2),
        ("unique", k, _) if key(k) || matches!(k, "constraint" | "index" | "on") => {
            (KeyKind::Unique, i + 2)
        }
        ("key", _, _) if i == first_word(t) => (KeyKind::Logical, i + 1),
        _ => return None,
    })
}

/// The index of the first word token (a bullet's label: `Key: a, b`).
fn first_word(t: &Tokens<'_>) -> usize {
    (0..t.len())
        .find(|&k| t.kind(k) == Some(Kind::Word))
        .unwrap_or(0)
}

/// The column names after a key phrase, and the token after them.
fn names_after(t: &Tokens<'_>, mut i: usize, by: bool) -> Option<(Vec<String>, usize)> {
    // Label punctuation and emphasis: `**Primary key**:`, `PK =`, `PK →`.
    // A strong introducer (`:`, `=`, `→`, `on`, `by`) lets plain words follow;
    // after a weak one (`is`, `uses`) a plain word must look like an
    // identifier (`order_id`, `orderId`, `id`), so prose declares nothing.
    let mut introduced = by;
    let mut weak = false;
    loop {
        match t.kind(i) {
            Some(Kind::Colon | Kind::Arrow) => {
                introduced = true;
                i += 1;
            }
            Some(Kind::Other) if matches!(t.text(i), "*" | "_" | "=" | "-" | "—" | "–") => {
                introduced |= t.text(i) == "=" || t.text(i) == "—" || t.text(i) == "–";
                i += 1;
            }
            Some(Kind::Word)
                if matches!(
                    t.text(i).to_ascii_lowercase().as_str(),
                    "on" | "by" | "columns" | "column"
                ) =>
            {
                introduced = true;
                i += 1;
            }
            Some(Kind::Word)
                if matches!(
                    t.text(i).to_ascii_lowercase().as_str(),
                    "is" | "are" | "of" | "uses" | "use"
                ) =>
            {
                weak |= !introduced;
                introduced = true;
                i += 1;
            }
            _ => break,
        }
    }
    let mut names = Vec::new();
    while t.kind(i) == Some(Kind::Open) {
        let close = t.matching_close(i)?;
        collect_names(t, i + 1, close, &mut names);
        if !names.is_empty() {
            return Some((names, close + 1));
        }
        // A note such as `(not enforced)`: skip it and its introducer.
        i = close + 1;
        while matches!(t.kind(i), Some(Kind::Colon | Kind::Arrow))
            || (t.kind(i) == Some(Kind::Other) && matches!(t.text(i), "*" | "_" | "="))
        {
            introduced = true;
            weak = false;
            i += 1;
        }
    }
    // Code spans, or plain names after an introducer, separated by `,`, `+`, `and`, `then`.
    let mut k = i;
    while k < t.len() {
        let quoted = t.kind(k) == Some(Kind::Quoted) || t.list.get(k).is_some_and(|x| x.code);
        let plain = t.kind(k) == Some(Kind::Word);
        if !(quoted || (plain && introduced)) {
            break;
        }
        let name = qualified_last(t, &mut k);
        if !is_name_like(&name) || (plain && weak && !looks_like_identifier(&name)) {
            break;
        }
        names.push(name);
        match t.kind(k) {
            Some(Kind::Comma) => k += 1,
            Some(Kind::Other) if t.text(k) == "+" => k += 1,
            Some(Kind::Word)
                if matches!(
                    t.text(k).to_ascii_lowercase().as_str(),
                    "and" | "then" | "plus"
                ) =>
            {
                k += 1
            }
            Some(Kind::Open) => {
                // `tenant_id (partition)`: a note after the name.
                if let Some(c) = t.matching_close(k) {
                    k = c + 1;
                    if t.kind(k) == Some(Kind::Comma) {
                        k += 1;
                        continue;
                    }
                }
                break;
            }
            _ => break,
        }
    }
    Some((names, k))
}

/// Reads `a`, `a.b` or `"a"."b"` at token `k` and returns the last segment.
fn qualified_last(t: &Tokens<'_>, k: &mut usize) -> String {
    let mut name = t.text(*k).to_string();
    *k += 1;
    while t.kind(*k) == Some(Kind::Dot) && t.is_name(*k + 1) {
        name = t.text(*k + 1).to_string();
        *k += 2;
    }
    name
}

/// Names inside `(...)`: `(a, b)`, `((a, b), c)`, `(a DESC, b)`.
fn collect_names(t: &Tokens<'_>, from: usize, to: usize, out: &mut Vec<String>) {
    let mut k = from;
    let mut expect_name = true;
    while k < to {
        match t.kind(k) {
            Some(Kind::Word | Kind::Quoted) if expect_name => {
                let name = qualified_last(t, &mut k);
                // `toStartOfHour(ts)`: a function call; its argument is the column.
                if t.kind(k) == Some(Kind::Open) {
                    continue;
                }
                if is_name_like(&name) {
                    out.push(name);
                }
                expect_name = false;
                continue;
            }
            Some(Kind::Comma | Kind::Open) => expect_name = true,
            _ => {}
        }
        k += 1;
    }
}

/// `order_id`, `orderId`, `sku2`, `id`: written like an identifier, not a word of prose.
fn looks_like_identifier(s: &str) -> bool {
    s.contains('_')
        || s.chars().any(|c| c.is_ascii_digit())
        || s.chars().skip(1).any(char::is_uppercase)
        || s.eq_ignore_ascii_case("id")
        || s.ends_with("Id")
}

fn is_name_like(s: &str) -> bool {
    !s.is_empty()
        && s.chars().any(|c| c.is_alphabetic() || c == '_')
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "asc"
                | "desc"
                | "the"
                | "a"
                | "an"
                | "not"
                | "enforced"
                | "none"
                | "tbd"
                | "n"
                | "na"
                | "soft"
                | "logical"
                | "composite"
                | "surrogate"
                | "natural"
                | "informational"
                | "unenforced"
                | "only"
                | "see"
                | "below"
                | "above"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str, ctx: CellContext) -> Vec<KeyKind> {
        cell_marks(s, ctx).kinds
    }

    #[test]
    fn cell_markers() {
        use CellContext::*;
        use KeyKind::*;
        assert_eq!(kinds("PRIMARY KEY", Text), vec![Primary]);
        assert_eq!(kinds("PK, FK → users.id", Text), vec![Primary, Foreign]);
        assert_eq!(cell_marks("PK (1/2)", Text).ordinal, Some(1));
        assert_eq!(cell_marks("PK 2/2", Text).ordinal, Some(2));
        assert_eq!(kinds("GENERATED ALWAYS AS IDENTITY", Text), vec![Identity]);
        assert_eq!(kinds("AUTO_INCREMENT", Text), vec![Identity]);
        assert_eq!(kinds("Partition key", Text), vec![Partition]);
        assert_eq!(kinds("Partition", KeysColumn), vec![Partition]);
        assert_eq!(kinds("Partition", Text), Vec::<KeyKind>::new());
        assert_eq!(kinds("clustering (DESC)", Text), vec![Clustering]);
        assert_eq!(kinds("UK", KeysColumn), vec![Unique]);
        assert_eq!(kinds("✓", PrimaryColumn), vec![Primary]);
        assert_eq!(kinds("", PrimaryColumn), Vec::<KeyKind>::new());
        assert_eq!(kinds("String @id @default(cuid())", Text), vec![Primary]);
        assert_eq!(kinds("primary_key=True", Text), vec![Primary]);
        assert_eq!(kinds("not the primary key", Text), Vec::<KeyKind>::new());
        assert_eq!(kinds("no PK", Text), Vec::<KeyKind>::new());
        assert_eq!(kinds("PKG name", Text), Vec::<KeyKind>::new());
        assert_eq!(kinds("index pk_orders", Text), Vec::<KeyKind>::new());
        assert_eq!(kinds("`PK_EMPLOYEE`", Text), vec![Primary]);
        assert_eq!(kinds("CONSTRAINT pk_orders", Text), vec![Primary]);
        assert_eq!(kinds("PKG_PAYROLL", Text), Vec::<KeyKind>::new());
        assert_eq!(kinds("🔑", Text), vec![Primary]);
        assert!(!may_mark("timestamptz"));
        assert!(
            !may_mark("— é ü 😀"),
            "multi-byte text is read without slicing inside a character"
        );
        assert!(may_mark("FK → a.b") && may_mark("PRIMARY KEY") && may_mark("@id"));
        assert_eq!(kinds("GSI3 PK", KeysColumn), Vec::<KeyKind>::new());
        assert_eq!(kinds("NODE KEY; id from CRM", Text), vec![Primary]);
        assert_eq!(cell_marks("PK1", Text).ordinal, Some(1));
    }

    fn decl(s: &str) -> Vec<(KeyKind, Vec<String>)> {
        line_declaration(s)
            .into_iter()
            .map(|d| (d.kind, d.columns))
            .collect()
    }

    fn v(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn line_declarations() {
        use KeyKind::*;
        assert_eq!(
            decl("Primary key: (order_id, sku)"),
            vec![(Primary, v(&["order_id", "sku"]))]
        );
        assert_eq!(
            decl("**PK**: order_id, sku"),
            vec![(Primary, v(&["order_id", "sku"]))]
        );
        assert_eq!(decl("Primary key: `id`"), vec![(Primary, v(&["id"]))]);
        assert_eq!(
            decl("The primary key is `id`."),
            vec![(Primary, v(&["id"]))]
        );
        assert_eq!(decl("the primary key is generated"), vec![]);
        assert_eq!(
            decl("Partition key: `tenant_id`; sort key: `created_at`"),
            vec![(Partition, v(&["tenant_id"])), (Sort, v(&["created_at"]))]
        );
        assert_eq!(
            decl("ORDER BY (site_id, toStartOfHour(ts))"),
            vec![(OrderBy, v(&["site_id", "ts"]))]
        );
        assert_eq!(
            decl("Clustering columns: bucket, ts DESC"),
            vec![(Clustering, v(&["bucket", "ts"]))]
        );
        assert_eq!(
            decl("PRIMARY KEY ((tenant, day), ts)"),
            vec![(Primary, v(&["tenant", "day", "ts"]))]
        );
        assert_eq!(
            decl("Logical key (not enforced): `event_id`"),
            vec![(Logical, v(&["event_id"]))]
        );
        assert_eq!(
            decl("- `pk_orders` PRIMARY KEY (`id`)"),
            vec![(Primary, v(&["id"]))]
        );
        assert_eq!(
            decl("There is no primary key: rows are append-only."),
            vec![]
        );
        assert_eq!(
            decl("Keyed by `account_id` + `month`"),
            vec![(Logical, v(&["account_id", "month"]))]
        );
    }

    #[test]
    fn total_on_odd_input() {
        for s in [
            "",
            "PK",
            "primary key:",
            "ORDER BY (",
            "PK (",
            "((((",
            "key",
        ] {
            let _ = line_declaration(s);
            let _ = cell_marks(s, CellContext::KeysColumn);
        }
        let long = "PK ".repeat(50_000);
        assert!(cell_marks(&long, CellContext::Text).has(KeyKind::Primary));
        let _ = line_declaration(&long);
    }
}
