//! The reference grammar: foreign keys as teams write them.
//!
//! One small parser reads every form of "this column points at that entity"
//! found in constraints cells, key and reference columns, bullets and DDL:
//!
//! ```text
//! reference  := trigger [local] [constraint] [connector] target [notes]
//! trigger    := "REFERENCES" | "FK" | "foreign key" | "ref" | "refs"
//!             | arrow                       (only where the caller allows it)
//! local      := "(" name {"," name} ")"     (FOREIGN KEY (a, b) REFERENCES ...)
//! constraint := name                        (FK fk_orders_customer → ...)
//! connector  := arrow | ":" | "=" | "to" | "references" | "on"
//! arrow      := "→" | "->" | "=>" | "⟶" | "➝" | "➔" | "⇒"
//! target     := ["the"] qname [ws] ["(" name {"," name} ")"] ["table" | "collection"]
//! qname      := name {"." name}
//! name       := bare | "quoted" | `quoted` | [bracketed]
//! notes      := anything after the target: "(soft)", "(not enforced)",
//!               "ON DELETE CASCADE", "; NULL for guests"
//! ```
//!
//! A constraint name may also stand before a bare arrow:
//! `fk_invoice_account → Account(AccountId)`.
//!
//! What the parser promises ([`parse`]):
//! - A target it reads has at least one name. Text it cannot read after a
//!   trigger yields no reference; its range is listed in
//!   [`Parsed::unread`], so a caller may say so (never as an error).
//! - A reference knows how sure the reading is ([`Reference::certain`]):
//!   only `REFERENCES`/`FK`/`foreign key` followed by a target with its
//!   columns in parentheses, `orders(id)` or `public.orders (id)`, is
//!   certain. `FK → orders.id` may mean the column `id` of `orders` or the
//!   table `id` of schema `orders`; [`Reference::readings`] lists both, and
//!   a caller resolves the reference when any reading resolves.
//! - A parenthesis after the target that holds a note (`(soft)`,
//!   `(not enforced)`) is a note, not a column list.
//! - Offsets are byte offsets into the parsed text; the span runs from the
//!   trigger to the end of the target.
//! - Time is linear in the text: one tokenization, and every step moves on.
//!
//! Over 600 lines because it is one grammar (the reference notation), whose
//! scanners call each other; its unit tests follow.

use super::words::{Kind, Tokens, tokenize};

/// How a reference's target is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Columns in parentheses: `orders(id)`, `sales.orders (id, region)`.
    Explicit,
    /// Dotted: `orders.id`, `sales.orders.id` (the last segment is the column,
    /// or the whole name a schema-qualified table).
    Dotted,
    /// The entity alone: `REFERENCES orders`, `FK → orders` (its primary key).
    EntityOnly,
}

/// One reference read from a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// From the trigger to the end of the target.
    pub start: usize,
    pub end: usize,
    /// The target's name segments, quotes removed: `["sales", "orders", "id"]`.
    pub segments: Vec<String>,
    /// The columns in parentheses (empty unless `form` is `Explicit`).
    pub columns: Vec<String>,
    pub form: Form,
    /// The referencing columns, when written (`FOREIGN KEY (a) REFERENCES ...`).
    pub local: Vec<String>,
    /// A constraint name (`fk_invoice_account`).
    pub constraint: Option<String>,
    /// `false` when a note says the key is not enforced (`soft`, `logical`...).
    pub enforced: bool,
    /// The `ON DELETE` action, upper-cased (`CASCADE`, `SET NULL`).
    pub on_delete: Option<String>,
    /// Whether the reading is unambiguous (see the module doc).
    pub certain: bool,
    /// Columns in a parenthesis set apart from a dotted target (`auth.users
    /// (id)`), read as a note first and as columns in the first reading.
    pub alternative: Vec<String>,
}

/// One way to read a reference's target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub entity: String,
    /// Empty for "the entity's primary key".
    pub columns: Vec<String>,
}

impl Reference {
    /// The ways to read the target, the likeliest first.
    pub fn readings(&self) -> Vec<Reading> {
        let joined = |s: &[String]| s.join(".");
        match self.form {
            Form::Explicit => vec![Reading {
                entity: joined(&self.segments),
                columns: self.columns.clone(),
            }],
            Form::EntityOnly => vec![Reading {
                entity: joined(&self.segments),
                columns: Vec::new(),
            }],
            Form::Dotted => {
                let n = self.segments.len();
                let mut out = Vec::new();
                if !self.alternative.is_empty() {
                    out.push(Reading {
                        entity: joined(&self.segments),
                        columns: self.alternative.clone(),
                    });
                }
                out.push(Reading {
                    entity: joined(&self.segments[..n - 1]),
                    columns: vec![self.segments[n - 1].clone()],
                });
                out.push(Reading {
                    entity: joined(&self.segments),
                    columns: Vec::new(),
                });
                out
            }
        }
    }

    /// The target as written for messages: `orders(id)`, `sales.orders.id`.
    pub fn target(&self) -> String {
        let name = self.segments.join(".");
        if self.columns.is_empty() {
            name
        } else {
            format!("{name}({})", self.columns.join(", "))
        }
    }
}

/// What [`parse`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    pub references: Vec<Reference>,
    /// Triggers (`FK`, `REFERENCES`) after which no target could be read.
    pub unread: Vec<(usize, usize)>,
}

/// Where the text comes from, which decides what may start a reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Context {
    /// A bare arrow starts a reference (`→ orders.id`, `fk_x → Account(Id)`):
    /// true in key, constraints and reference cells, false in prose.
    pub bare_arrow: bool,
    /// The whole text is a target (a `References` column): `orders.id`.
    pub whole: bool,
}

/// Words that end a note-only parenthesis: `(soft)`, `(not enforced)`.
const NOTE_WORDS: &[&str] = &[
    "soft",
    "logical",
    "not",
    "enforced",
    "unenforced",
    "informational",
    "virtual",
    "weak",
    "optional",
    "nullable",
    "deferred",
    "deferrable",
    "cascade",
    "app",
    "application",
    "level",
    "app-level",
    "application-level",
    "implicit",
    "polymorphic",
    "indexed",
    "unique",
    "required",
    "see",
    "below",
    "above",
    "todo",
    "tbd",
];

/// Words that are never names of a target.
const NOT_NAMES: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "it",
    "them",
    "they",
    "which",
    "both",
    "all",
    "every",
    "its",
    "their",
    "each",
    "another",
    "other",
    "same",
    "any",
    "none",
    "n",
    "na",
    "no",
    "yes",
    "true",
    "false",
    "nil",
    "see",
    "tbd",
    "todo",
    "references",
    "reference",
    "fk",
    "foreign",
    "key",
    "primary",
    "on",
    "delete",
    "update",
    "cascade",
    "not",
    "null",
    "unique",
    "to",
    "ref",
];

/// Whether `text` may hold a reference outside a table cell: a word starting
/// with `fk`, `foreign` or `ref` (ASCII, any case). A fast pre-check with no
/// allocation; `false` means [`parse`] with the default context finds none.
pub fn may_reference(text: &str) -> bool {
    let b = text.as_bytes();
    let mut word_start = true;
    for (i, &c) in b.iter().enumerate() {
        if word_start {
            let rest = &b[i..];
            let starts =
                |w: &[u8]| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w);
            if starts(b"fk") || starts(b"ref") || starts(b"foreign") {
                return true;
            }
        }
        word_start = !(c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80);
    }
    false
}

/// Reads every reference in `text`.
pub fn parse(text: &str, ctx: Context) -> Parsed {
    let t = tokenize(text);
    let mut out = scan(&t, ctx);
    // A `References` cell: when no trigger starts a reference, the whole
    // cell is the target (`orders.id`, `→ users`).
    if ctx.whole && out.references.is_empty() {
        let i = usize::from(t.kind(0) == Some(Kind::Arrow));
        if let Some((mut r, _)) = target(&t, i, true) {
            r.start = t.start(0);
            r.certain = false;
            out.references.push(r);
            out.unread.clear();
        }
    }
    out
}

/// Reads every reference that starts with a trigger.
fn scan(t: &Tokens<'_>, ctx: Context) -> Parsed {
    let mut out = Parsed::default();
    let mut i = 0;
    while i < t.len() {
        // `no FK (different system)`, `without a foreign key to orders`: the
        // text says there is none, so what follows is read and dropped.
        let denied = denied(t, i);
        match trigger(t, i, ctx) {
            Some(Trigger {
                after,
                keyword,
                constraint,
            }) => match reference_after(t, after, keyword) {
                Some((_, next)) if denied => i = next.max(i + 1),
                Some((mut r, next)) => {
                    r.start = t.start(i);
                    if r.constraint.is_none() {
                        r.constraint = constraint;
                    }
                    out.references.push(r);
                    i = next.max(i + 1);
                }
                None => {
                    if keyword != Keyword::Arrow && !denied {
                        out.unread
                            .push((t.start(i), t.end(after.saturating_sub(1).max(i))));
                    }
                    i += 1;
                }
            },
            None => i += 1,
        }
    }
    out
}

/// Whether the words before token `i` deny a key: `no FK`, `without FK`,
/// `not a foreign key`, `never references`.
fn denied(t: &Tokens<'_>, i: usize) -> bool {
    let before = |k: usize, w: &str| i >= k && t.is_word(i - k, w);
    ["no", "without", "never", "non"]
        .iter()
        .any(|w| before(1, w))
        || (before(1, "a") || before(1, "an")) && (before(2, "not") || before(2, "without"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keyword {
    References,
    ForeignKey,
    Ref,
    Arrow,
}

struct Trigger {
    /// The first token after the trigger.
    after: usize,
    keyword: Keyword,
    constraint: Option<String>,
}

fn trigger(t: &Tokens<'_>, i: usize, ctx: Context) -> Option<Trigger> {
    let plain = |after, keyword| {
        Some(Trigger {
            after,
            keyword,
            constraint: None,
        })
    };
    if t.is_word(i, "references") {
        // Prisma's `@relation(fields: [a], references: [id])` is an argument, not a reference.
        if t.kind(i + 1) == Some(Kind::Colon)
            && t.list
                .get(i + 2)
                .is_some_and(|x| t.src[x.start..].starts_with('['))
        {
            return None;
        }
        return plain(i + 1, Keyword::References);
    }
    if t.is_word(i, "fk") || t.is_word(i, "foreign_key") {
        return plain(i + 1, Keyword::ForeignKey);
    }
    if t.is_word(i, "foreign") && t.is_word(i + 1, "key") {
        return plain(i + 2, Keyword::ForeignKey);
    }
    if (t.is_word(i, "ref") || t.is_word(i, "refs"))
        && matches!(
            t.kind(i + 1),
            Some(Kind::Arrow | Kind::Colon | Kind::Word | Kind::Quoted)
        )
    {
        return plain(i + 1, Keyword::Ref);
    }
    // `fk_invoice_account → Account(AccountId)`: a constraint name before the
    // arrow is as explicit as `FK`, in any cell or line.
    if t.kind(i) == Some(Kind::Word) && t.kind(i + 1) == Some(Kind::Arrow) && is_fk_name(t.text(i))
    {
        return Some(Trigger {
            // The arrow is read as the connector.
            after: i + 1,
            keyword: Keyword::ForeignKey,
            constraint: Some(t.text(i).to_string()),
        });
    }
    if ctx.bare_arrow && t.kind(i) == Some(Kind::Arrow) {
        return plain(i + 1, Keyword::Arrow);
    }
    None
}

/// `fk_orders_customer`, `FK_Orders`, `fkOrderCustomer`: a constraint name.
fn is_fk_name(w: &str) -> bool {
    let lower = w.to_ascii_lowercase();
    lower.len() > 3
        && lower.starts_with("fk")
        && (lower.as_bytes()[2] == b'_' || w.as_bytes()[2].is_ascii_uppercase())
}

/// Reads `[local] [constraint] [connector] target` from token `i`.
fn reference_after(t: &Tokens<'_>, mut i: usize, keyword: Keyword) -> Option<(Reference, usize)> {
    let mut local = Vec::new();
    let mut constraint = None;
    if keyword == Keyword::ForeignKey {
        // `FOREIGN KEY (a, b) REFERENCES t (x, y)`.
        if t.kind(i) == Some(Kind::Open) {
            let close = t.matching_close(i)?;
            let names = name_list(t, i, close)?;
            if t.is_word(close + 1, "references") {
                local = names;
                i = close + 2;
            } else {
                // `FK (orders.id)`: the parenthesis holds the target, and
                // nothing else (`FK (different system)` is a note).
                let (r, _) = target(t, i + 1, true)?;
                let only_target = (i + 1..close).all(|k| t.end(k) <= r.end);
                if only_target {
                    return Some((r, close + 1));
                }
                return None;
            }
        } else if t.kind(i) == Some(Kind::Word)
            && !is_connector(t, i)
            && is_connector(t, i + 1)
            && t.text(i).to_ascii_lowercase().starts_with("fk")
        {
            // `FK fk_orders_customer → orders(id)`.
            constraint = Some(t.text(i).to_string());
            i += 1;
        }
    }
    // After `REFERENCES` only a symbol connects (`references: orders.id`):
    // "validates references on save" is prose.
    let connector = is_connector(t, i)
        && (keyword != Keyword::References || !matches!(t.kind(i), Some(Kind::Word)));
    if connector {
        i += 1;
    }
    // `FK references orders(id)`, `FK to: orders.id`.
    if t.kind(i) == Some(Kind::Colon) {
        i += 1;
    }
    // `Foreign key: plan_id → dim_plan.plan_id`: the referencing column, an arrow, the target.
    if local.is_empty() {
        let mut k = i;
        while t.is_name(k) && t.kind(k + 1) == Some(Kind::Dot) {
            k += 2;
        }
        if t.is_name(k) && t.kind(k + 1) == Some(Kind::Arrow) && t.is_name(k + 2) {
            local = vec![t.text(k).to_string()];
            i = k + 2;
        }
    }
    let explicit_keyword = matches!(keyword, Keyword::References | Keyword::ForeignKey);
    let (mut r, next) = target(t, i, explicit_keyword || connector)?;
    // `FK orders.id` (no connector) is read only in its dotted or explicit form.
    if !connector && keyword == Keyword::ForeignKey && r.form == Form::EntityOnly {
        return None;
    }
    r.local = local;
    r.constraint = constraint;
    r.certain = explicit_keyword && r.form == Form::Explicit && r.segments.len() <= 2;
    Some((r, next))
}

fn is_connector(t: &Tokens<'_>, i: usize) -> bool {
    matches!(t.kind(i), Some(Kind::Arrow | Kind::Colon))
        || t.list
            .get(i)
            .is_some_and(|tok| tok.kind == Kind::Other && t.text(i) == "=")
        || t.is_word(i, "to")
        || t.is_word(i, "references")
        || t.is_word(i, "on")
}

/// Reads a target from token `i`. `entity_only_ok`: a single name without
/// columns is accepted (after an explicit keyword or connector).
fn target(t: &Tokens<'_>, mut i: usize, entity_only_ok: bool) -> Option<(Reference, usize)> {
    // `references the orders table`: after "the", only a quoted name, a
    // dotted or explicit target, or one followed by "table" is a target (so
    // "references the order it belongs to" is prose).
    let after_the = t.is_word(i, "the");
    if after_the {
        i += 1;
    }
    let mut segments: Vec<String> = Vec::new();
    let first = i;
    loop {
        if !t.is_name(i) {
            break;
        }
        let name = t.text(i);
        if segments.is_empty() && NOT_NAMES.iter().any(|w| name.eq_ignore_ascii_case(w)) {
            return None;
        }
        segments.push(name.to_string());
        if t.kind(i + 1) == Some(Kind::Dot)
            && t.is_name(i + 2)
            && !t.list.get(i + 2).is_some_and(|x| x.space_before)
        {
            i += 2;
        } else {
            i += 1;
            break;
        }
    }
    if segments.is_empty() || segments.iter().any(|s| !is_identifier(s)) {
        return None;
    }
    let mut end = t.end(i - 1);
    let mut next = i;
    let mut columns = Vec::new();
    let mut enforced = true;
    // `orders.id (soft)`, `core.tenants.id (RLS)`: after a dotted name, a
    // parenthesis set apart by a space is a note, not a column list.
    let dotted_then_space = segments.len() >= 2 && t.list.get(i).is_some_and(|x| x.space_before);
    let mut alternative = Vec::new();
    if t.kind(i) == Some(Kind::Open) {
        if let Some(close) = t.matching_close(i) {
            if dotted_then_space || is_note(t, i, close) {
                enforced = !says_unenforced(t, i, close);
                // `auth.users (id)` may still be a schema-qualified table and its columns.
                if dotted_then_space && !is_note(t, i, close) {
                    alternative = name_list(t, i, close).unwrap_or_default();
                }
                next = close + 1;
            } else if let Some(names) = name_list(t, i, close) {
                columns = names;
                end = t.end(close);
                next = close + 1;
            }
        }
    }
    let form = if !columns.is_empty() {
        Form::Explicit
    } else if segments.len() >= 2 {
        Form::Dotted
    } else if entity_only_ok {
        Form::EntityOnly
    } else {
        return None;
    };
    let kind_word =
        t.is_word(next, "table") || t.is_word(next, "collection") || t.is_word(next, "model");
    if after_the && form == Form::EntityOnly && !kind_word && t.kind(first) != Some(Kind::Quoted) {
        return None;
    }
    if kind_word {
        next += 1;
    }
    // Notes: the rest of the clause, up to `;` or the next trigger.
    let (enf, on_delete, after_notes) = notes(t, next);
    Some((
        Reference {
            start: t.start(first),
            end,
            segments,
            columns,
            form,
            local: Vec::new(),
            constraint: None,
            enforced: enforced && enf,
            on_delete,
            certain: false,
            alternative,
        },
        after_notes,
    ))
}

/// Whether a name can be an identifier (not a number, not a lone symbol).
fn is_identifier(s: &str) -> bool {
    s.chars().any(|c| c.is_alphabetic() || c == '_')
}

/// `(a, b)` between `open` and `close`: the names, or `None` when anything else is there.
fn name_list(t: &Tokens<'_>, open: usize, close: usize) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut k = open + 1;
    while k < close {
        if !t.is_name(k) {
            return None;
        }
        // `schema.col` inside a list is read as its last segment.
        let mut name = t.text(k).to_string();
        k += 1;
        while t.kind(k) == Some(Kind::Dot) && t.is_name(k + 1) && k + 1 < close {
            name = t.text(k + 1).to_string();
            k += 2;
        }
        // `created_at DESC` and similar modifiers are not part of the name.
        while k < close && t.kind(k) == Some(Kind::Word) {
            k += 1;
        }
        out.push(name);
        match t.kind(k) {
            Some(Kind::Comma) if k < close => k += 1,
            _ if k == close => break,
            _ => return None,
        }
    }
    (!out.is_empty() && out.iter().all(|n| is_identifier(n))).then_some(out)
}

/// Whether the parenthesis holds a note rather than column names.
fn is_note(t: &Tokens<'_>, open: usize, close: usize) -> bool {
    let mut any = false;
    for k in open + 1..close {
        if t.kind(k) == Some(Kind::Quoted) {
            any = true;
        }
        if t.kind(k) == Some(Kind::Word) {
            any = true;
            let w = t.text(k).to_ascii_lowercase();
            if NOTE_WORDS.contains(&w.as_str()) {
                return true;
            }
        }
    }
    !any
}

fn says_unenforced(t: &Tokens<'_>, from: usize, to: usize) -> bool {
    (from..to).any(|k| {
        let w = t.text(k).to_ascii_lowercase();
        matches!(
            w.as_str(),
            "soft"
                | "logical"
                | "unenforced"
                | "informational"
                | "virtual"
                | "application"
                | "app"
                | "app-level"
                | "application-level"
        ) || (w == "not" && t.is_word(k + 1, "enforced"))
    })
}

/// Reads the notes after a target up to `;`, a comma at depth 0, or the next
/// `FK`/`REFERENCES`: whether they say "not enforced", the `ON DELETE`
/// action, and the index where they end.
fn notes(t: &Tokens<'_>, from: usize) -> (bool, Option<String>, usize) {
    let mut k = from;
    let mut on_delete = None;
    let mut enforced = true;
    while k < t.len() {
        if matches!(t.kind(k), Some(Kind::Semicolon | Kind::Comma))
            || t.is_word(k, "fk")
            || t.is_word(k, "references")
            || t.is_word(k, "foreign")
        {
            break;
        }
        if t.kind(k) == Some(Kind::Open) {
            if let Some(c) = t.matching_close(k) {
                if says_unenforced(t, k, c) {
                    enforced = false;
                }
                k = c + 1;
                continue;
            }
        }
        if says_unenforced(t, k, k + 1) {
            enforced = false;
        }
        if t.is_word(k, "on") && t.is_word(k + 1, "delete") {
            let mut action = Vec::new();
            let mut m = k + 2;
            while m < t.len() && action.len() < 2 && t.kind(m) == Some(Kind::Word) {
                let w = t.text(m).to_ascii_uppercase();
                if !matches!(
                    w.as_str(),
                    "CASCADE" | "SET" | "NULL" | "DEFAULT" | "RESTRICT" | "NO" | "ACTION"
                ) {
                    break;
                }
                action.push(w);
                m += 1;
            }
            if !action.is_empty() {
                on_delete = Some(action.join(" "));
            }
            k = m;
            continue;
        }
        k += 1;
    }
    (enforced, on_delete, k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str, ctx: Context) -> Reference {
        let p = parse(s, ctx);
        assert_eq!(p.references.len(), 1, "{s}: {p:?}");
        p.references.into_iter().next().unwrap()
    }

    fn cell(s: &str) -> Reference {
        one(
            s,
            Context {
                bare_arrow: true,
                whole: false,
            },
        )
    }

    fn read(r: &Reference) -> (String, Vec<String>) {
        let first = r.readings().remove(0);
        (first.entity, first.columns)
    }

    fn pair(e: &str, c: &[&str]) -> (String, Vec<String>) {
        (e.to_string(), c.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn sql_forms() {
        let r = cell("NOT NULL REFERENCES orders(id) ON DELETE CASCADE");
        assert_eq!(read(&r), pair("orders", &["id"]));
        assert!(r.certain);
        assert_eq!(r.on_delete.as_deref(), Some("CASCADE"));
        assert_eq!(
            &"NOT NULL REFERENCES orders(id) ON DELETE CASCADE"[r.start..r.end],
            "REFERENCES orders(id)"
        );
        let r = cell("references orders (id)");
        assert_eq!(read(&r), pair("orders", &["id"]));
        assert!(r.certain, "a space before the parenthesis");
        let r = cell("REFERENCES public.orders(id)");
        assert_eq!(read(&r), pair("public.orders", &["id"]));
        let r = cell("REFERENCES orders");
        assert_eq!((r.form, read(&r)), (Form::EntityOnly, pair("orders", &[])));
        let r = cell("FOREIGN KEY (customer_id) REFERENCES customers(id)");
        assert_eq!(r.local, vec!["customer_id"]);
        assert_eq!(read(&r), pair("customers", &["id"]));
    }

    #[test]
    fn quoted_and_bracketed_identifiers() {
        assert_eq!(
            read(&cell("REFERENCES \"Order\"(\"Id\")")),
            pair("Order", &["Id"])
        );
        assert_eq!(
            read(&cell("FK → [dbo].[Orders]([OrderId])")),
            pair("dbo.Orders", &["OrderId"])
        );
        assert_eq!(read(&cell("FK → `orders`.`id`")), pair("orders", &["id"]));
        assert_eq!(
            read(&cell("references `authors` (`_id`)")),
            pair("authors", &["_id"])
        );
    }

    #[test]
    fn fk_arrows_and_notes() {
        for s in [
            "FK → orders.id",
            "FK -> orders.id",
            "FK: orders.id",
            "FK to orders.id",
            "FK orders.id",
            "fk => orders.id",
        ] {
            let r = cell(s);
            assert_eq!(read(&r), pair("orders", &["id"]), "{s}");
            assert!(!r.certain, "{s}: dotted is a guess");
        }
        let r = cell("FK → dim_store.store_key (soft)");
        assert_eq!(r.form, Form::Dotted);
        assert!(!r.enforced);
        assert_eq!(
            r.readings()[1],
            Reading {
                entity: "dim_store.store_key".into(),
                columns: vec![]
            }
        );
        let r = cell("FK → accounts(id) (not enforced)");
        assert!(!r.enforced);
        assert_eq!(read(&r), pair("accounts", &["id"]));
        let r = cell("FK → users.id; NULL for guests");
        assert_eq!(read(&r), pair("users", &["id"]));
        let r = cell("fk_invoice_account → Account(AccountId)");
        assert_eq!(r.constraint.as_deref(), Some("fk_invoice_account"));
        assert_eq!(read(&r), pair("Account", &["AccountId"]));
        let r = cell("FK fk_orders_customer → customers(id)");
        assert_eq!(r.constraint.as_deref(), Some("fk_orders_customer"));
        assert!(r.certain);
        let r = cell("belongs_to :team (FK teams.id)");
        assert_eq!(read(&r), pair("teams", &["id"]));
        let r = cell("ref → brands._id");
        assert_eq!(read(&r), pair("brands", &["_id"]));
        let r = cell("FK → orders");
        assert_eq!(r.form, Form::EntityOnly);
    }

    #[test]
    fn denied_keys_and_notes_in_parentheses_are_prose() {
        for s in [
            "Validated against Policy API before insert, no FK (different system)",
            "No FK on purpose: events must outlive purged drafts",
            "without a foreign key to orders(id), by design",
            "not a FK → users.id",
            "never references tenants(id)",
            "FK (different system)",
            "Rows are never deleted while any pay run line references them",
            "`story-service` validates references on save",
            "null: false, foreign_key: true, index: true",
        ] {
            let p = parse(
                s,
                Context {
                    bare_arrow: true,
                    whole: false,
                },
            );
            assert!(p.references.is_empty(), "{s}: {p:?}");
        }
        // Denial is local: a later key in the same text is read.
        let p = parse(
            "no FK to the ledger; FK → accounts(id)",
            Context {
                bare_arrow: true,
                whole: false,
            },
        );
        assert_eq!(p.references.len(), 1, "{p:?}");
    }

    #[test]
    fn bare_arrows_only_where_allowed() {
        let prose = Context::default();
        assert!(parse("services → tables", prose).references.is_empty());
        assert_eq!(read(&cell("→ orders.id")), pair("orders", &["id"]));
        // A bare arrow to a single word is not a reference.
        assert!(
            parse(
                "→ later",
                Context {
                    bare_arrow: true,
                    whole: false
                }
            )
            .references
            .is_empty()
        );
    }

    #[test]
    fn whole_cell_targets() {
        let ctx = Context {
            bare_arrow: true,
            whole: true,
        };
        assert_eq!(read(&one("orders.id", ctx)), pair("orders", &["id"]));
        assert_eq!(read(&one("`orders`(`id`)", ctx)), pair("orders", &["id"]));
        assert_eq!(read(&one("→ users", ctx)), pair("users", &[]));
    }

    #[test]
    fn unreadable_text_gives_no_reference() {
        let p = parse("FK (see notes below)", Context::default());
        assert!(p.references.is_empty());
        assert_eq!(p.unread.len(), 1);
        let p = parse("PK, FK", Context::default());
        assert!(p.references.is_empty());
        assert!(
            parse("references the order it belongs to", Context::default())
                .references
                .is_empty()
        );
        let r = one("references the `orders` table", Context::default());
        assert_eq!(read(&r), pair("orders", &[]));
        assert!(parse("FK → 42", Context::default()).references.is_empty());
    }

    #[test]
    fn the_pre_check_agrees_with_the_parser() {
        for s in [
            "FK → orders.id",
            "references orders(id)",
            "fk_x → A(b)",
            "Foreign key: a → b.c",
            "ref: brands._id",
        ] {
            assert!(may_reference(s), "{s}");
        }
        for s in [
            "Primary write path",
            "orders_fk_idx btree",
            "prefers the replica",
            "—",
        ] {
            assert!(
                !may_reference(s)
                    || !parse(s, Context::default()).references.is_empty()
                    || s.contains("fk"),
                "{s}"
            );
        }
        assert!(!may_reference("prefers the replica"));
    }

    #[test]
    fn several_references_in_one_cell() {
        let p = parse("FK → orders.id, FK → items.id", Context::default());
        assert_eq!(p.references.len(), 2);
    }

    #[test]
    fn hostile_input_is_linear_and_total() {
        let s = "FK ( ".repeat(20_000) + &"[".repeat(20_000) + &"REFERENCES ".repeat(10_000);
        let p = parse(
            &s,
            Context {
                bare_arrow: true,
                whole: false,
            },
        );
        assert!(p.references.is_empty());
        for s in [
            "",
            "FK",
            "REFERENCES",
            "→",
            "FK →",
            "((((",
            "))))",
            "FK → a.",
            "REFERENCES a(",
        ] {
            let _ = parse(
                s,
                Context {
                    bare_arrow: true,
                    whole: true,
                },
            );
        }
    }
}
