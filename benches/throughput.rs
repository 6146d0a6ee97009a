//! Throughput of `validate` against pulldown-cmark parse-only on the same
//! documents (group `throughput`), and how validate and normalize scale with
//! the size of the input (group `scaling`: 50 KB, 500 KB, 5 MB; linear time
//! means the same MiB/s at every size).
//!
//! `cargo bench --bench throughput [-- scaling]`; figures are recorded in BENCHMARKS.md.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use pulldown_cmark::{Options, Parser};
use std::hint::black_box;

const ORDERS: &str = include_str!("../examples/valid/orders-db.md");

/// The orders spec with its Entity Inventory repeated until the document is about `target` bytes
/// (entities renamed so they stay distinct).
fn grown(target: usize) -> String {
    let start = ORDERS.find("### `customers`").expect("entity");
    let end = ORDERS
        .find("## Relationships & Data Flows")
        .expect("next section");
    let entities = &ORDERS[start..end];
    let mut extra = String::new();
    let mut i = 0;
    while ORDERS.len() + extra.len() < target {
        extra.push_str(&entities.replace("### `", &format!("### `t{i}_")));
        i += 1;
    }
    format!("{}{}{}", &ORDERS[..end], extra, &ORDERS[end..])
}

fn parse_only(text: &str) -> usize {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_TASKLISTS);
    Parser::new_ext(text, opts).into_offset_iter().count()
}

fn bench(c: &mut Criterion) {
    let docs = [
        ("orders-8KB", ORDERS.to_string()),
        ("grown-50KB", grown(50_000)),
        ("grown-500KB", grown(500_000)),
        ("grown-5MB", grown(5_000_000)),
    ];
    let linter = speclint::Linter::default();
    let mut g = c.benchmark_group("throughput");
    g.sample_size(10);
    for (name, text) in &docs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(
            BenchmarkId::new("pulldown-cmark parse", name),
            text,
            |b, t| b.iter(|| parse_only(black_box(t))),
        );
        g.bench_with_input(BenchmarkId::new("speclint validate", name), text, |b, t| {
            b.iter(|| linter.check(black_box(t)))
        });
    }
    g.finish();
}

/// `text` as a careless author writes it: trailing spaces on every line and
/// tables without padding, so that normalize has work on every line.
fn messy(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.starts_with('|') {
                format!("{}\n", l.replace(" | ", "|"))
            } else {
                format!("{l}  \n")
            }
        })
        .collect()
}

fn scaling(c: &mut Criterion) {
    let linter = speclint::Linter::default();
    let opts = speclint::normalize::NormalizeOptions::default();
    let mut g = c.benchmark_group("scaling");
    g.sample_size(10);
    for (name, size) in [("50KB", 50_000), ("500KB", 500_000), ("5MB", 5_000_000)] {
        let text = messy(&grown(size));
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("validate", name), &text, |b, t| {
            b.iter(|| linter.check(black_box(t)))
        });
        g.bench_with_input(BenchmarkId::new("normalize", name), &text, |b, t| {
            b.iter(|| linter.normalize(black_box(t), &opts))
        });
    }
    g.finish();
}

/// Front matter with flow collections nested 10×, 100× and 1,000× deeper than
/// the limit (`title: [[[[…]]]]`): refused by a linear pre-scan, so the time
/// must not grow with the depth (the YAML parser alone is quadratic in it).
fn yaml_flow_depth(c: &mut Criterion) {
    let linter = speclint::Linter::default();
    let mut g = c.benchmark_group("yaml_flow_depth");
    for factor in [10usize, 100, 1000] {
        let depth = 128 * factor;
        let text = format!(
            "---\nspec_type: database-schema\ntitle: {}1{}\n---\n# T\n",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(
            BenchmarkId::new("validate", format!("{factor}x")),
            &text,
            |b, t| b.iter(|| linter.check(black_box(t))),
        );
    }
    g.finish();
}

/// The 43 valid specs of the precision corpus (`tests/corpus/valid/`),
/// written by different "teams": validation as it meets real documents.
fn corpus(c: &mut Criterion) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/valid");
    let mut docs: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    docs.sort();
    let bytes: usize = docs.iter().map(String::len).sum();
    let linter = speclint::Linter::default();
    let mut g = c.benchmark_group("corpus");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(format!("validate {} specs", docs.len()), |b| {
        b.iter(|| {
            for d in &docs {
                black_box(linter.check(black_box(d)));
            }
        })
    });
    g.bench_function(format!("parse-only {} specs", docs.len()), |b| {
        b.iter(|| {
            for d in &docs {
                black_box(parse_only(black_box(d)));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench, scaling, yaml_flow_depth, corpus);
criterion_main!(benches);
