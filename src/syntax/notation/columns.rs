//! Column roles: what each column of a table means, read from its header by
//! meaning rather than by exact spelling.
//!
//! Teams head the same column `Column`, `Column name`, `Field`, `Property`
//! or `Attribute`; the type `Type`, `Datatype` or `Data Type (PG)`;
//! nullability `Nullable`, `NULL?`, `Nullable (Y/N)`, or inversely
//! `Required`, `Mandatory` or `Not null`. [`read_header`] maps each header
//! cell to the [`Role`]s it names:
//!
//! 1. The cell is reduced to words: markup and case dropped, punctuation
//!    (`?`, `(`, `)`...) removed, plurals made singular (`Constraints` →
//!    `constraint`, `Properties` → `property`, `Indexes` → `index`).
//! 2. `/`, `&`, `+`, `,` and the words `and`/`or` split it into parts: a
//!    header naming two roles (`Notes/Constraints`, `PK/FK`) serves both.
//!    A parenthesis only qualifies (`Data Type (PG)`, `Nullable (Y/N)`) and
//!    is read only when the words outside it name nothing.
//! 3. Each part takes the role of the vocabulary phrase that ends last in
//!    it (the head of an English noun compound is its last word: `Field
//!    type` is a type, `Column name` a name), the longest on a tie (`Key
//!    type` is a key, `Not null` inverted nullability).
//! 4. The first cell claiming `name`, `type`, `nullable` or `default` gets
//!    it; a later one falls back to its next role (`Attributes` after
//!    `Column` holds constraints) or is understood but unused.
//!
//! A spec type extends the vocabulary through its columns' aliases. The
//! result says which cells it did not understand, so a caller can report a
//! table it cannot read once, instead of guessing.
//!
//! Over 600 lines because the header vocabulary and the header reader are one
//! unit: the word lists are the reader's data, and splitting them would
//! separate each role from how it is matched.

/// What a table column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Name,
    Type,
    Nullable,
    Default,
    Keys,
    Constraints,
    Notes,
    References,
    /// Understood, but not used by the model (`Size`, `PII`, `Example`).
    Other,
}

impl Role {
    /// The role's name in messages and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Name => "name",
            Role::Type => "type",
            Role::Nullable => "nullable",
            Role::Default => "default",
            Role::Keys => "keys",
            Role::Constraints => "constraints",
            Role::Notes => "notes",
            Role::References => "references",
            Role::Other => "other",
        }
    }

    /// The role an export key or spec column key names (`name`, `type`...).
    pub fn from_key(key: &str) -> Option<Role> {
        Some(match key {
            "name" | "column" => Role::Name,
            "type" => Role::Type,
            "nullable" => Role::Nullable,
            "default" => Role::Default,
            "keys" | "key" => Role::Keys,
            "constraints" => Role::Constraints,
            "notes" => Role::Notes,
            "references" => Role::References,
            _ => return None,
        })
    }
}

/// One vocabulary phrase: its words (singular, lowercase), its roles in
/// order of preference, and whether it inverts nullability (`required`).
struct Phrase {
    words: &'static [&'static str],
    roles: &'static [Role],
    inverted: bool,
}

macro_rules! vocab {
    ($( [$($w:literal)+] => [$($r:ident),+] $(, $inv:ident)? ;)*) => {
        &[$(Phrase { words: &[$($w),+], roles: &[$(Role::$r),+], inverted: vocab!(@inv $($inv)?) }),*]
    };
    (@inv inverted) => { true };
    (@inv) => { false };
}

/// The built-in vocabulary (words already singular and lowercase).
static VOCABULARY: &[Phrase] = vocab![
    ["column"] => [Name];
    ["column" "name"] => [Name];
    ["name"] => [Name];
    ["field"] => [Name];
    ["field" "name"] => [Name];
    ["attribute"] => [Name, Constraints];
    ["attribute" "name"] => [Name];
    ["property"] => [Name];
    ["property" "name"] => [Name];
    ["col"] => [Name];
    ["element"] => [Name];
    ["member"] => [Name];
    ["path"] => [Name];
    ["field" "path"] => [Name];
    // A key-value store's key space (Redis, Memcached): one row per key.
    ["key" "pattern"] => [Name];
    ["key" "name"] => [Name];
    ["key" "format"] => [Name];
    ["identifier"] => [Name];
    ["physical" "name"] => [Name];
    ["logical" "name"] => [Name, Other];
    ["display" "name"] => [Other];
    ["type"] => [Type];
    ["datatype"] => [Type];
    ["data" "type"] => [Type];
    ["dtype"] => [Type];
    ["column" "type"] => [Type];
    ["field" "type"] => [Type];
    ["sql" "type"] => [Type];
    ["db" "type"] => [Type];
    ["database" "type"] => [Type];
    ["storage" "type"] => [Type];
    ["bson" "type"] => [Type];
    ["cql" "type"] => [Type];
    ["value" "type"] => [Type];
    ["kind"] => [Type];
    ["nullable"] => [Nullable];
    ["null"] => [Nullable];
    ["nullability"] => [Nullable];
    ["allow" "null"] => [Nullable];
    ["null" "allowed"] => [Nullable];
    ["nulls" "allowed"] => [Nullable];
    ["optional"] => [Nullable];
    ["can" "be" "null"] => [Nullable];
    ["required"] => [Nullable], inverted;
    ["require"] => [Nullable], inverted;
    ["mandatory"] => [Nullable], inverted;
    ["not" "null"] => [Nullable], inverted;
    ["notnull"] => [Nullable], inverted;
    ["non" "null"] => [Nullable], inverted;
    ["nn"] => [Nullable], inverted;
    ["req"] => [Nullable], inverted;
    ["default"] => [Default];
    ["default" "value"] => [Default];
    ["def"] => [Default];
    ["initial" "value"] => [Default];
    ["key"] => [Keys];
    ["pk"] => [Keys];
    ["fk"] => [Keys, References];
    ["uk"] => [Keys];
    ["primary" "key"] => [Keys];
    ["key" "type"] => [Keys];
    ["key" "role"] => [Keys];
    ["partition" "key"] => [Keys];
    ["sort" "key"] => [Keys];
    ["clustering"] => [Keys];
    ["index"] => [Keys, Other];
    ["indexed"] => [Keys, Other];
    ["unique"] => [Keys, Constraints];
    ["identity"] => [Keys];
    ["constraint"] => [Constraints];
    ["check"] => [Constraints];
    ["rule"] => [Constraints];
    ["validation"] => [Constraints];
    ["modifier"] => [Constraints];
    ["option"] => [Constraints];
    ["flag"] => [Constraints];
    ["extra"] => [Constraints];
    ["note"] => [Notes];
    ["remark"] => [Notes];
    ["comment"] => [Notes];
    ["description"] => [Notes];
    ["desc"] => [Notes];
    ["detail"] => [Notes];
    ["purpose"] => [Notes];
    ["meaning"] => [Notes];
    ["semantic"] => [Notes];
    ["explanation"] => [Notes];
    ["usage"] => [Notes];
    ["info"] => [Notes];
    ["definition"] => [Notes];
    ["business" "rule"] => [Notes];
    ["example"] => [Notes, Other];
    ["sample"] => [Notes, Other];
    ["example" "value"] => [Notes, Other];
    ["reference"] => [References];
    ["ref"] => [References];
    ["foreign" "key"] => [References];
    ["fk" "target"] => [References];
    ["relation"] => [References];
    ["relationship"] => [References];
    ["related"] => [References];
    ["link"] => [References];
    ["link" "to"] => [References];
    ["point" "to"] => [References];
    ["target"] => [References];
    ["parent"] => [References];
    ["size"] => [Other];
    ["length"] => [Other];
    ["max" "length"] => [Other];
    ["precision"] => [Other];
    ["scale"] => [Other];
    ["unit"] => [Other];
    ["format"] => [Other];
    ["encoding"] => [Other];
    ["codec"] => [Other];
    ["compression"] => [Other];
    ["ttl"] => [Other];
    ["pii"] => [Other];
    ["sensitivity"] => [Other];
    ["sensitive"] => [Other];
    ["classification"] => [Other];
    ["source"] => [Other];
    ["owner"] => [Other];
    ["since"] => [Other];
    ["added"] => [Other];
    ["version"] => [Other];
    ["range"] => [Other];
    ["allowed" "value"] => [Other];
    ["value"] => [Other];
    ["enum"] => [Other];
    ["sortable"] => [Other];
    ["searchable"] => [Other];
    ["filterable"] => [Other];
    ["analyzer"] => [Other];
    ["mapping"] => [Type];
    ["cardinality"] => [Other];
    ["storage"] => [Other];
    ["tag"] => [Other];
    ["status"] => [Other];
    ["deprecated"] => [Other];
    ["ordinal"] => [Other];
    ["position"] => [Other];
    ["order"] => [Other];
    ["generated"] => [Other];
    ["computed"] => [Other];
    ["collation"] => [Other];
    ["charset"] => [Other];
    ["retention"] => [Other];
    ["gdpr"] => [Other];
    ["encrypted"] => [Other];
    ["encryption"] => [Other];
    ["masking"] => [Other];
    ["lineage"] => [Other];
    ["origin"] => [Other];
    ["stat"] => [Other];
    ["statistic"] => [Other];
    ["cost"] => [Other];
    ["volume"] => [Other];
    ["estimate"] => [Other];
];

/// How the cells of a header were read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnRoles {
    /// The column holding the names (by its header, or the first column when
    /// no header names it and the first header cell names nothing else).
    pub name: Option<usize>,
    /// Whether `name` was taken by position, not by its header.
    pub name_by_position: bool,
    pub type_: Option<usize>,
    /// The nullability column, and whether it says the inverse (`Required`).
    pub nullable: Option<(usize, bool)>,
    pub default: Option<usize>,
    pub keys: Vec<usize>,
    pub constraints: Vec<usize>,
    pub notes: Vec<usize>,
    pub references: Vec<usize>,
    /// Header cells that name nothing known (not empty cells).
    pub unknown: Vec<usize>,
    /// The roles of every header cell, in order (empty for an unknown cell).
    pub cells: Vec<Vec<Role>>,
}

/// How confidently a table reads as a column table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confidence {
    /// Names and types are both found.
    Clear,
    /// Every cell is understood but no column holds the types.
    NoType,
    /// The names or types cannot be found, and some cells were not understood.
    Unclear,
}

impl ColumnRoles {
    pub fn confidence(&self) -> Confidence {
        match (self.name.is_some(), self.type_.is_some()) {
            (true, true) => Confidence::Clear,
            _ if !self.unknown.is_empty() => Confidence::Unclear,
            (true, false) => Confidence::NoType,
            (false, _) => Confidence::Unclear,
        }
    }

    /// Whether a column table was recognised at all: a name column by header
    /// and one more role that only column tables have.
    pub fn looks_like_column_table(&self) -> bool {
        let by_header = self.name.is_some() && !self.name_by_position;
        let column_roles =
            self.type_.is_some() || self.nullable.is_some() || self.default.is_some();
        (by_header || self.name.is_some()) && column_roles
    }

    /// The roles found, for messages: "`name` (`Column`), `type` (`Datatype`)".
    pub fn describe_found(&self, headers: &[&str]) -> Vec<String> {
        let mut out = Vec::new();
        let mut push = |role: Role, ix: usize| {
            if let Some(h) = headers.get(ix) {
                out.push(format!("`{}` (`{}`)", role.as_str(), h.trim()));
            }
        };
        if let Some(i) = self.name {
            push(Role::Name, i);
        }
        if let Some(i) = self.type_ {
            push(Role::Type, i);
        }
        if let Some((i, _)) = self.nullable {
            push(Role::Nullable, i);
        }
        if let Some(i) = self.default {
            push(Role::Default, i);
        }
        for (role, list) in [
            (Role::Keys, &self.keys),
            (Role::Constraints, &self.constraints),
            (Role::References, &self.references),
            (Role::Notes, &self.notes),
        ] {
            for &i in list {
                push(role, i);
            }
        }
        out
    }
}

/// Extra vocabulary from a spec type: header texts that name a role.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    extra: Vec<(Vec<String>, Role)>,
}

impl Vocabulary {
    /// Adds a header text (`Nullable in PG`) as a name of `role`.
    pub fn add(&mut self, text: &str, role: Role) {
        let words = header_words(text);
        if !words.is_empty() {
            self.extra.push((words, role));
        }
    }
}

/// Reads the roles of a header row. `vocabulary` extends the built-in words.
pub fn read_header<S: AsRef<str>>(cells: &[S], vocabulary: &Vocabulary) -> ColumnRoles {
    let mut out = ColumnRoles::default();
    let readings: Vec<CellReading> = cells
        .iter()
        .map(|c| read_cell(c.as_ref(), vocabulary))
        .collect();
    for (i, r) in readings.iter().enumerate() {
        let mut roles = Vec::new();
        for part in &r.parts {
            // The first role of the part that is still free (single roles claim once).
            let role = part
                .roles
                .iter()
                .copied()
                .find(|&role| match role {
                    Role::Name => out.name.is_none(),
                    Role::Type => out.type_.is_none(),
                    Role::Nullable => out.nullable.is_none(),
                    Role::Default => out.default.is_none(),
                    _ => true,
                })
                .unwrap_or(Role::Other);
            match role {
                Role::Name => out.name = Some(i),
                Role::Type => out.type_ = Some(i),
                Role::Nullable => out.nullable = Some((i, part.inverted)),
                Role::Default => out.default = Some(i),
                Role::Keys => push_once(&mut out.keys, i),
                Role::Constraints => push_once(&mut out.constraints, i),
                Role::Notes => push_once(&mut out.notes, i),
                Role::References => push_once(&mut out.references, i),
                Role::Other => {}
            }
            if !roles.contains(&role) {
                roles.push(role);
            }
        }
        if r.parts.is_empty() && !r.blank {
            out.unknown.push(i);
        }
        out.cells.push(roles);
    }
    if out.name.is_none() {
        // The first column holds the names when its header names nothing else.
        if let Some(first) = readings.first() {
            if first.parts.is_empty() {
                out.name = Some(0);
                out.name_by_position = true;
                out.unknown.retain(|&u| u != 0);
                if let Some(c) = out.cells.first_mut() {
                    c.push(Role::Name);
                }
            }
        }
    }
    out
}

fn push_once(v: &mut Vec<usize>, i: usize) {
    if !v.contains(&i) {
        v.push(i);
    }
}

/// One part of a header cell (`Notes` in `Constraints & Notes`).
#[derive(Debug, Clone)]
struct Part {
    roles: Vec<Role>,
    inverted: bool,
}

struct CellReading {
    parts: Vec<Part>,
    blank: bool,
}

fn read_cell(text: &str, vocabulary: &Vocabulary) -> CellReading {
    let (outside, inside) = split_parenthesized(text);
    let mut parts = read_parts(&outside, vocabulary);
    if parts.is_empty() {
        parts = read_parts(&inside, vocabulary);
    }
    CellReading {
        parts,
        blank: header_words(text).is_empty(),
    }
}

fn read_parts(text: &str, vocabulary: &Vocabulary) -> Vec<Part> {
    let mut out = Vec::new();
    for segment in split_alternatives(text) {
        let words = header_words(&segment);
        if words.is_empty() {
            continue;
        }
        if let Some(p) = best_phrase(&words, vocabulary) {
            out.push(p);
        }
    }
    out
}

/// The phrase that ends last in `words` (longest on a tie); extra vocabulary first.
fn best_phrase(words: &[String], vocabulary: &Vocabulary) -> Option<Part> {
    // (end, len, part)
    let mut best: Option<(usize, usize, Part)> = None;
    let mut consider = |end: usize, len: usize, part: Part| {
        let better = match &best {
            None => true,
            Some((e, l, _)) => end > *e || (end == *e && len > *l),
        };
        if better {
            best = Some((end, len, part));
        }
    };
    for (phrase, role) in &vocabulary.extra {
        if let Some(end) = find_phrase(words, phrase.iter().map(String::as_str)) {
            // Spec type vocabulary outranks built-in phrases of the same extent.
            consider(
                end,
                phrase.len() + 100,
                Part {
                    roles: vec![*role],
                    inverted: false,
                },
            );
        }
    }
    // Only phrases whose first word is one of the header's words can match.
    let by_first = phrases_by_first_word();
    for w in words {
        for &k in by_first.get(w.as_str()).map_or(&[][..], Vec::as_slice) {
            let p = &VOCABULARY[k];
            if let Some(end) = find_phrase(words, p.words.iter().copied()) {
                consider(
                    end,
                    p.words.len(),
                    Part {
                        roles: p.roles.to_vec(),
                        inverted: p.inverted,
                    },
                );
            }
        }
    }
    best.map(|(_, _, p)| p)
}

/// The vocabulary's phrases by their first word, built once per process.
fn phrases_by_first_word() -> &'static std::collections::HashMap<&'static str, Vec<usize>> {
    static INDEX: std::sync::OnceLock<std::collections::HashMap<&'static str, Vec<usize>>> =
        std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut m: std::collections::HashMap<&'static str, Vec<usize>> = Default::default();
        for (k, p) in VOCABULARY.iter().enumerate() {
            if let Some(first) = p.words.first() {
                m.entry(*first).or_default().push(k);
            }
        }
        m
    })
}

/// The index of the last word of the last occurrence of `phrase` in `words`.
fn find_phrase<'p>(
    words: &[String],
    phrase: impl Iterator<Item = &'p str> + Clone,
) -> Option<usize> {
    let n = phrase.clone().count();
    if n == 0 || n > words.len() {
        return None;
    }
    (0..=words.len() - n)
        .rev()
        .find(|&s| phrase.clone().zip(&words[s..s + n]).all(|(p, w)| p == w))
        .map(|s| s + n - 1)
}

/// Splits `a (b) c` into `"a  c"` and `"b"` (nested parentheses read flat).
fn split_parenthesized(text: &str) -> (String, String) {
    let mut outside = String::with_capacity(text.len());
    let mut inside = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' => {
                depth += 1;
                inside.push(' ');
            }
            ')' | ']' => {
                depth = depth.saturating_sub(1);
                inside.push(' ');
            }
            _ if depth > 0 => inside.push(c),
            _ => outside.push(c),
        }
    }
    (outside, inside)
}

/// Splits a header on `/`, `&`, `+`, `,`, `;`, `|` and the words `and`/`or`.
fn split_alternatives(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in text.split(['/', '&', '+', ',', ';', '|']) {
        let mut cur = String::new();
        for w in piece.split_whitespace() {
            if w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or") {
                out.push(std::mem::take(&mut cur));
            } else {
                if !cur.is_empty() {
                    cur.push(' ');
                }
                cur.push_str(w);
            }
        }
        out.push(cur);
    }
    out.retain(|s| !s.trim().is_empty());
    out
}

/// A header reduced to words: markup, case and punctuation dropped, plurals
/// made singular. `**Data Types**` → `["data", "type"]`.
pub fn header_words(text: &str) -> Vec<String> {
    let folded = crate::text::fold_case(text);
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(singular)
        .collect()
}

/// `constraints` → `constraint`, `properties` → `property`, `indexes` →
/// `index`, `indices` → `index`; short words and `-ss` words are kept.
pub fn singular(w: &str) -> String {
    let n = w.chars().count();
    if n <= 3 {
        return w.to_string();
    }
    if w == "indices" {
        return "index".into();
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for suffix in ["xes", "sses", "ches", "shes"] {
        if w.ends_with(suffix) {
            return w[..w.len() - 2].to_string();
        }
    }
    if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// Reads a nullable cell: `yes`, `y`, `true`, `null`, `nullable`, `optional`,
/// `✓`, `✔`, `✅` are `Some(true)`; `no`, `n`, `false`, `not null`,
/// `non-null`, `required`, `✗`, `✘`, `❌` are `Some(false)` (case-insensitive;
/// the first word decides, so `yes (until backfill)` is `Some(true)`). An
/// empty cell, `—` or anything else is `None`.
pub fn parse_nullable(s: &str) -> Option<bool> {
    let bare = unwrap_markup(s);
    // The common cells, without allocating.
    for (word, v) in [
        ("no", false),
        ("yes", true),
        ("y", true),
        ("n", false),
        ("", false),
    ] {
        if bare.eq_ignore_ascii_case(word) {
            return (!word.is_empty()).then_some(v);
        }
    }
    let t = crate::text::fold_case(bare);
    let t = t.trim();
    if t.starts_with("not null")
        || t.starts_with("non-null")
        || t.starts_with("non null")
        || t.starts_with("notnull")
    {
        return Some(false);
    }
    const YES: &[&str] = &[
        "yes",
        "y",
        "true",
        "null",
        "nullable",
        "optional",
        "✓",
        "✔",
        "✔\u{fe0f}",
        "☑",
        "☑\u{fe0f}",
        "✅",
    ];
    const NO: &[&str] = &[
        "no",
        "n",
        "false",
        "required",
        "✗",
        "✘",
        "❌",
        "✖",
        "✖\u{fe0f}",
    ];
    let word = |w: &str| {
        if YES.contains(&w) {
            Some(true)
        } else if NO.contains(&w) {
            Some(false)
        } else {
            None
        }
    };
    word(t).or_else(|| {
        let first = t
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | '.' | ':'))
            .next()?;
        word(first)
    })
}

/// Reads a nullability cell: `Some(true)` when the column may be null.
/// `inverted` is set for a `Required`/`Mandatory`/`Not null` column, where
/// `yes` means not nullable. Returns `None` for an empty or unreadable cell.
pub fn read_nullable(cell: &str, inverted: bool) -> Option<bool> {
    let v = parse_nullable(cell)?;
    // `NOT NULL` or `nullable` written in an inverted column still mean what they say.
    let t = crate::text::fold_case(cell.trim());
    let explicit = t.starts_with("not null")
        || t.starts_with("null")
        || t.starts_with("nullable")
        || t.starts_with("optional")
        || t.starts_with("required");
    Some(if inverted && !explicit { !v } else { v })
}

/// Removes surrounding white space, code span backticks and emphasis: `` `id` `` → `id`.
pub fn unwrap_markup(s: &str) -> &str {
    let mut t = s.trim();
    loop {
        let before = t.len();
        for m in ["**", "__", "`", "*", "_"] {
            if t.len() >= 2 * m.len() && t.starts_with(m) && t.ends_with(m) {
                t = t[m.len()..t.len() - m.len()].trim();
            }
        }
        if t.len() == before {
            return t;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(cells: &[&str]) -> ColumnRoles {
        read_header(cells, &Vocabulary::default())
    }

    #[test]
    fn the_headers_teams_write() {
        let r = roles(&[
            "Column name",
            "Datatype",
            "NULL?",
            "Default Value",
            "Key",
            "Notes",
        ]);
        assert_eq!(r.name, Some(0));
        assert_eq!(r.type_, Some(1));
        assert_eq!(r.nullable, Some((2, false)));
        assert_eq!(r.default, Some(3));
        assert_eq!(r.keys, vec![4]);
        assert_eq!(r.notes, vec![5]);
        assert_eq!(r.confidence(), Confidence::Clear);

        let r = roles(&["Property", "Data Type (PG)", "Nullable (Y/N)", "Remarks"]);
        assert_eq!(
            (r.name, r.type_, r.nullable),
            (Some(0), Some(1), Some((2, false)))
        );
        assert_eq!(r.notes, vec![3]);

        let r = roles(&["Name", "Type", "Mandatory", "Constraints & Notes"]);
        assert_eq!(r.nullable, Some((2, true)));
        assert_eq!(r.constraints, vec![3]);
        assert_eq!(r.notes, vec![3]);

        let r = roles(&["Attribute", "Type", "PK/FK", "Notes"]);
        assert_eq!(r.name, Some(0));
        assert_eq!(r.keys, vec![2]);

        let r = roles(&["Field", "Type", "Required", "Description"]);
        assert_eq!(r.nullable, Some((2, true)));

        let r = roles(&["Column", "Field type", "Attributes"]);
        assert_eq!(r.type_, Some(1));
        assert_eq!(
            r.constraints,
            vec![2],
            "a second name-like header holds constraints"
        );

        let r = roles(&["**Column**", "`Type`", "Not null", "Key type"]);
        assert_eq!(r.nullable, Some((2, true)));
        assert_eq!(r.keys, vec![3]);
    }

    #[test]
    fn unknown_cells_are_listed_and_the_first_column_names_rows() {
        let r = roles(&["Foo", "Type", "Bar"]);
        assert_eq!(r.name, Some(0));
        assert!(r.name_by_position);
        assert_eq!(r.unknown, vec![2]);
        assert_eq!(r.confidence(), Confidence::Clear);
        let r = roles(&["Name", "Frobnication", "Wibble"]);
        assert_eq!(r.confidence(), Confidence::Unclear);
        let r = roles(&["Name", "Description"]);
        assert_eq!(r.confidence(), Confidence::NoType);
    }

    #[test]
    fn spec_vocabulary_extends_the_words() {
        let mut v = Vocabulary::default();
        v.add("Frobnication", Role::Type);
        let r = read_header(&["Name", "Frobnication"], &v);
        assert_eq!(r.type_, Some(1));
    }

    #[test]
    fn plurals_and_punctuation() {
        assert_eq!(header_words("Data Types?"), ["data", "type"]);
        assert_eq!(singular("indexes"), "index");
        assert_eq!(singular("properties"), "property");
        assert_eq!(singular("status"), "status");
        assert_eq!(singular("class"), "class");
        assert_eq!(singular("keys"), "key");
    }

    #[test]
    fn inverted_nullability_cells() {
        assert_eq!(read_nullable("yes", true), Some(false));
        assert_eq!(read_nullable("no", true), Some(true));
        assert_eq!(read_nullable("NOT NULL", true), Some(false));
        assert_eq!(read_nullable("yes", false), Some(true));
        assert_eq!(read_nullable("", true), None);
    }
}
