//! DBML (dbdiagram.io, dbdocs): the tables and references of a ```dbml block.
//!
//! ```text
//! Table bookings [note: '...'] {
//!   id uuid [pk, default: `gen_random_uuid()`]
//!   tutor_id uuid [not null, ref: > tutors.id]
//!   indexes { (tutor_id, starts_at) [unique] }
//!   Note: '...'
//! }
//! Ref: bookings.student_id > students.id [delete: restrict]
//! Ref fk_name { reviews.booking_id - bookings.id }
//! ```
//!
//! What [`read`] promises:
//! - Each `Table` gives a [`DdlTable`] with its columns (`not null` from the
//!   settings), its keys (`pk`, `unique`, and `[pk]`/`[unique]` lines of its
//!   `indexes` block) and the inline `ref:` settings of its columns.
//! - Each standalone `Ref` gives a [`DdlTable`] named after its referencing
//!   table with that one reference and no columns, so a reference written
//!   apart from its table (or in another block) still reaches it. `>` and `-`
//!   point from left to right, `<` from right to left; `<>` (many-to-many)
//!   is no foreign key.
//! - A DBML reference names a column (`tutors.id`, `core.tutors.id`), so it
//!   is read as the table and that column, with certainty.
//! - Lines it cannot read are skipped. Offsets are byte offsets into `code`;
//!   time is linear in it (one pass over the lines).

use super::ddl::{DdlColumn, DdlTable, blank_comments_and_strings};
use super::keys::KeyKind;
use super::refs::{Form, Reference};

/// Reads the tables and references of a DBML block.
pub fn read(code: &str) -> Vec<DdlTable> {
    // `//` comments and '...' strings (notes, defaults) become spaces, so
    // their braces and brackets are never read; offsets stay those of `code`.
    let clean = blank_comments_and_strings(code, true);
    let mut out: Vec<DdlTable> = Vec::new();
    // The table being read, and the depth of braces inside it (1 in its body).
    let mut open: Option<(DdlTable, usize)> = None;
    let mut in_indexes = false;
    let mut offset = 0;
    for line in clean.split_inclusive('\n') {
        let start = offset + (line.len() - line.trim_start().len());
        offset += line.len();
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if let Some((table, depth)) = open.as_mut() {
            let opens = t.matches('{').count();
            let closes = t.matches('}').count();
            if *depth == 1 && !in_indexes {
                let lower = t.to_ascii_lowercase();
                if lower.starts_with("indexes") && opens > closes {
                    in_indexes = true;
                } else if !(lower.starts_with("note") || t.starts_with('}')) {
                    column(t, start, table);
                }
            } else if in_indexes && *depth == 2 {
                index_line(t, table);
            }
            *depth = (*depth + opens).saturating_sub(closes);
            if *depth <= 1 {
                in_indexes = false;
            }
            if *depth == 0 {
                out.extend(open.take().map(|(t, _)| t));
            }
            continue;
        }
        let Some((keyword, rest)) = t.split_once(char::is_whitespace) else {
            continue;
        };
        if keyword.eq_ignore_ascii_case("table") && t.contains('{') {
            let name_text = rest.split(['[', '{']).next().unwrap_or("");
            // `Table core.tutors as T`: the alias is DBML's, not the table's.
            let name_text = name_text
                .split(" as ")
                .next()
                .unwrap_or("")
                .trim()
                .to_string();
            let name = segments(&name_text);
            if name.is_empty() {
                continue;
            }
            let ns = start + t.find(&name_text).unwrap_or(0);
            let table = DdlTable {
                name,
                name_start: ns,
                name_end: ns + name_text.len(),
                ..DdlTable::default()
            };
            let depth = t
                .matches('{')
                .count()
                .saturating_sub(t.matches('}').count());
            if depth == 0 {
                out.push(table);
            } else {
                open = Some((table, depth));
            }
        } else if keyword.eq_ignore_ascii_case("ref") || keyword.eq_ignore_ascii_case("ref:") {
            // `Ref: a.b > c.d`, `Ref name: a.b > c.d`, `Ref name { a.b > c.d }`.
            let body_at = match (t.find(':'), t.find('{')) {
                (Some(c), b) if b.is_none_or(|b| c < b) => c + 1,
                (_, Some(b)) => b + 1,
                _ => continue,
            };
            let body = t[body_at..].split(['[', '}']).next().unwrap_or("");
            if let Some((from, r)) = relation(body, start + body_at) {
                let (table, column) = split_column(&from);
                if !table.is_empty() {
                    let mut d = DdlTable {
                        name: table,
                        name_start: r.start,
                        name_end: r.start,
                        ..DdlTable::default()
                    };
                    d.references.push((vec![column], r));
                    out.push(d);
                }
            }
        }
    }
    out.extend(open.map(|(t, _)| t));
    out
}

/// One column line of a table body: `name type [settings]`.
fn column(t: &str, start: usize, table: &mut DdlTable) {
    let (head, settings, settings_at) = match t.find('[') {
        Some(i) => (
            &t[..i],
            t[i + 1..].rsplit_once(']').map_or(&t[i + 1..], |x| x.0),
            i + 1,
        ),
        None => (t, "", t.len()),
    };
    let mut parts = head.split_whitespace();
    let (Some(name), Some(ty)) = (parts.next(), parts.next()) else {
        return;
    };
    let name = name.trim_matches('"');
    if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return;
    }
    let mut not_null = false;
    let mut pos = settings_at;
    for raw in settings.split(',') {
        let s_at = pos + (raw.len() - raw.trim_start().len());
        pos += raw.len() + 1;
        let s = raw.trim();
        let lower = s.to_ascii_lowercase();
        match lower.as_str() {
            "pk" | "primary key" => {
                table.keys.push((KeyKind::Primary, vec![name.to_string()]));
                not_null = true;
            }
            "unique" => table.keys.push((KeyKind::Unique, vec![name.to_string()])),
            "not null" => not_null = true,
            "increment" => table.keys.push((KeyKind::Identity, vec![name.to_string()])),
            _ => {
                if lower.starts_with("ref:") {
                    // `ref: > tutors.id`: read as `this.column > tutors.id`.
                    let target = &s[4..];
                    let at = start + s_at + 4;
                    let this = format!("{}.{name}", table.name.join("."));
                    let Some((from, r)) = relation(&format!("{this} {target}"), 0) else {
                        continue;
                    };
                    // `ref: < other.col` makes the other column the referencing one.
                    if from == this {
                        // Offsets of the synthesized text: move them onto `target`.
                        let shift = this.len() + 1;
                        let r = Reference {
                            start: at + r.start.saturating_sub(shift),
                            end: at + r.end.saturating_sub(shift),
                            ..r
                        };
                        let (_, column) = split_column(&from);
                        table.references.push((vec![column], r));
                    }
                }
            }
        }
    }
    table.columns.push(DdlColumn {
        name: name.to_string(),
        data_type: ty.trim_matches('"').to_string(),
        not_null,
    });
}

/// A line of an `indexes` block: `(a, b) [pk]`, `email [unique]`.
fn index_line(t: &str, table: &mut DdlTable) {
    let Some((cols, settings)) = t.split_once('[') else {
        return;
    };
    let settings = settings.to_ascii_lowercase();
    let kind = if settings
        .split(',')
        .any(|s| s.trim().trim_end_matches(']') == "pk")
    {
        KeyKind::Primary
    } else if settings
        .split(',')
        .any(|s| s.trim().trim_end_matches(']') == "unique")
    {
        KeyKind::Unique
    } else {
        return;
    };
    let cols: Vec<String> = cols
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .split(',')
        .map(|c| c.trim().trim_matches('"').to_string())
        .filter(|c| !c.is_empty() && c.chars().all(|ch| ch.is_alphanumeric() || ch == '_'))
        .collect();
    if !cols.is_empty() {
        table.keys.push((kind, cols));
    }
}

/// `a.b > c.d` at offset `at`: the referencing `table.column` and the
/// reference to the other side.
fn relation(body: &str, at: usize) -> Option<(String, Reference)> {
    let ops = ["<>", ">", "<", "-"];
    let (i, op) = ops
        .iter()
        .filter_map(|op| body.find(op).map(|i| (i, *op)))
        .min_by_key(|(i, op)| (*i, std::cmp::Reverse(op.len())))?;
    if op == "<>" {
        return None;
    }
    let left = body[..i].trim();
    let right_raw = &body[i + op.len()..];
    let right = right_raw.trim();
    let (from, to, to_at) = if op == "<" {
        (right, left, at + body.find(left).unwrap_or(0))
    } else {
        (
            left,
            right,
            at + i + op.len() + (right_raw.len() - right_raw.trim_start().len()),
        )
    };
    let to = to.split_whitespace().next().unwrap_or("");
    let (table, column) = split_column(to);
    if table.is_empty() || column.is_empty() || from.is_empty() {
        return None;
    }
    let reference = Reference {
        start: to_at,
        end: to_at + to.len(),
        certain: table.len() <= 2,
        segments: table,
        columns: vec![column],
        form: Form::Explicit,
        local: Vec::new(),
        constraint: None,
        enforced: true,
        on_delete: None,
        alternative: Vec::new(),
    };
    Some((from.to_string(), reference))
}

/// `core.tutors.id` → (`["core", "tutors"]`, `id`).
fn split_column(s: &str) -> (Vec<String>, String) {
    let mut parts = segments(s);
    let column = parts.pop().unwrap_or_default();
    (parts, column)
}

/// `core."tutors"` → `["core", "tutors"]`; empty unless every part is a name.
fn segments(s: &str) -> Vec<String> {
    let parts: Vec<String> = s
        .trim()
        .split('.')
        .map(|p| p.trim().trim_matches('"').to_string())
        .collect();
    if parts
        .iter()
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() || c == '_'))
    {
        parts
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLOCK: &str = "Table bookings {\n  id uuid [pk, default: `gen_random_uuid()`]\n  tutor_id uuid [not null, ref: > tutors.id]\n  subject text [not null, note: 'a { brace ] in a note']\n  indexes {\n    (tutor_id, starts_at) [unique, name: 'x']\n  }\n  Note: 'Overlap { protection'\n}\nRef: bookings.student_id > students.id [delete: restrict]\nRef: users.id < reviews.author_id\nRef: a.b <> c.d\n";

    #[test]
    fn tables_columns_keys_and_references() {
        let t = read(BLOCK);
        let b = &t[0];
        assert_eq!(b.name, ["bookings"]);
        assert_eq!(&BLOCK[b.name_start..b.name_end], "bookings");
        let cols: Vec<&str> = b.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(cols, ["id", "tutor_id", "subject"]);
        assert!(b.columns[1].not_null);
        assert!(b.keys.contains(&(KeyKind::Primary, vec!["id".into()])));
        assert!(
            b.keys
                .contains(&(KeyKind::Unique, vec!["tutor_id".into(), "starts_at".into()]))
        );
        let (local, r) = &b.references[0];
        assert_eq!(local, &["tutor_id"]);
        assert_eq!(
            (r.segments.clone(), r.columns.clone()),
            (vec!["tutors".to_string()], vec!["id".to_string()])
        );
        assert_eq!(&BLOCK[r.start..r.end], "tutors.id");
        // The standalone refs: `>` from the left, `<` from the right, `<>` none.
        assert_eq!(t.len(), 3, "{t:?}");
        assert_eq!(t[1].name, ["bookings"]);
        assert_eq!(t[1].references[0].0, ["student_id"]);
        assert_eq!(
            &BLOCK[t[1].references[0].1.start..t[1].references[0].1.end],
            "students.id"
        );
        assert_eq!(t[2].name, ["reviews"]);
        assert_eq!(t[2].references[0].1.segments, ["users"]);
        assert_eq!(
            &BLOCK[t[2].references[0].1.start..t[2].references[0].1.end],
            "users.id"
        );
    }

    #[test]
    fn unreadable_and_hostile_text_is_skipped() {
        assert!(read("Table {\n}\n").is_empty());
        assert!(read("Ref: nothing here\n").is_empty());
        let open = read("Table t {\n  a int\n");
        assert_eq!(
            open[0].columns.len(),
            1,
            "an unclosed table keeps what it read"
        );
        let long = "Table t {\n".to_string() + &"  x int [ref: > ]\n".repeat(20_000) + "}{{{[[[";
        let t = read(&long);
        assert_eq!(t[0].columns.len(), 20_000);
        assert!(t[0].references.is_empty());
        for s in [
            "Ref:",
            "Ref: >",
            "Ref { a.b - }",
            "Table \u{e9}.\u{e8} {",
            "Table x { ] [",
        ] {
            let _ = read(s);
        }
    }
}
