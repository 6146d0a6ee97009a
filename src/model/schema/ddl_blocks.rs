//! DDL in code blocks: the `CREATE TABLE`, `ALTER TABLE` and Prisma models a
//! document shows, matched to its entities.

use super::*;

/// The DDL tables of a document's code blocks, by normalized name.
pub(super) struct DdlIndex {
    tables: Vec<(DdlTable, Span)>,
}

/// Code block languages that may hold DDL.
pub(super) fn may_hold_ddl(language: &str) -> bool {
    matches!(
        language,
        "" | "sql"
            | "ddl"
            | "cql"
            | "psql"
            | "pgsql"
            | "postgres"
            | "postgresql"
            | "mysql"
            | "tsql"
            | "t-sql"
            | "plsql"
            | "sqlite"
            | "clickhouse"
            | "bigquery"
            | "snowflake"
            | "hql"
            | "hive"
            | "sparksql"
            | "spark-sql"
            | "databricks"
            | "redshift"
            | "spanner"
            | "ksql"
            | "ksqldb"
            | "prisma"
            | "dbml"
            | "oracle"
            | "mssql"
            | "mariadb"
            | "cockroach"
            | "cockroachdb"
            | "duckdb"
            | "trino"
            | "presto"
            | "athena"
            | "scylla"
            | "cassandra"
    )
}

impl DdlIndex {
    pub(super) fn new(doc: &Document<'_>) -> DdlIndex {
        let mut tables = Vec::new();
        for b in &doc.code_blocks {
            let lang = b.language();
            if !may_hold_ddl(&lang) {
                continue;
            }
            let code = b.content.text(doc.text);
            // Cheap pre-check: most blocks hold no DDL at all.
            let lower = code.to_ascii_lowercase();
            if !(lower.contains("create")
                || lower.contains("alter")
                || lang == "prisma"
                || lang == "dbml"
                || lower.contains("model "))
            {
                continue;
            }
            for mut t in ddl::read(code, &lang) {
                let base = b.content.start;
                for (_, r) in &mut t.references {
                    r.start += base;
                    r.end += base;
                }
                let span = Span::new(base + t.name_start, base + t.name_end);
                tables.push((t, span));
            }
        }
        DdlIndex { tables }
    }

    /// DDL tables naming `entity`: the same name, or the same last segment.
    pub(super) fn tables_for<'s>(
        &'s self,
        entity: &str,
        _region: Span,
    ) -> impl Iterator<Item = &'s (DdlTable, Span)> + 's {
        let n = normalize_name(entity);
        let last = last_segment(&n).to_string();
        self.tables.iter().filter(move |(t, _)| {
            let tn = normalize_name(&t.name.join("."));
            tn == n || last_segment(&tn) == last
        })
    }
}

pub(super) fn read_ddl((t, span): &(DdlTable, Span), e: &mut EntitySchema) {
    e.view |= t.view;
    for (kind, cols) in &t.keys {
        e.keys.push(KeyFact {
            kind: *kind,
            columns: cols.clone(),
            source: KeySource::Ddl,
            span: *span,
            ordinal: None,
        });
    }
    for (local, r) in &t.references {
        let column = local.first().cloned().unwrap_or_default();
        push_foreign_key(e, &column, r.clone(), 0, KeySource::Ddl);
    }
    if e.columns.is_empty() && !t.columns.is_empty() {
        e.columns = t
            .columns
            .iter()
            .map(|c| ColumnSchema {
                name: c.name.clone(),
                data_type: c.data_type.clone(),
                nullable: Some(!c.not_null),
                default: None,
                constraints: String::new(),
                keys: Vec::new(),
                row_span: *span,
                name_span: *span,
                type_span: None,
                nullable_span: None,
                default_span: None,
                constraints_span: None,
            })
            .collect();
    }
}
