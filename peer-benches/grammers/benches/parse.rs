//! Parsing Telegram layer 230 (`api-230.tl`, ~0.3 MB) from `testdata/`,
//! against `grammers-tl-parser` on the same input, in the same group.
//!
//! Run with `cargo bench --manifest-path peer-benches/Cargo.toml --bench
//! parse`. The schema is `testdata/schema/telegram/api-230.tl` (or under
//! `$TL_TESTDATA`).
//!
//! The two sides do not do the same amount of work, see `BENCHMARKS.md`:
//! - `tl-parser/check`: `tl_parser::check(src, Dialect::Telegram)`, the parse
//!   (spans, doc comments, located diagnostics) plus validation (every id
//!   recomputed and compared, references resolved, ...);
//! - `tl-parser/parse`: the parse alone;
//! - `grammers/parse_tl_file`: collects every definition; it reads explicit
//!   ids as written (it only computes a CRC32 when a definition has none) and
//!   checks little beyond the syntax of each definition.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Our side: parse and validate. Returns the number of definitions and
/// diagnostics.
fn ours(src: &str) -> (usize, usize) {
    let checked = tl_parser::check(src, tl_parser::Dialect::Telegram);
    (checked.schema.definitions.len(), checked.diagnostics.len())
}

/// The peer: every definition collected, `(ok, err)` counted.
fn grammers(src: &str) -> (usize, usize) {
    grammers_tl_parser::parse_tl_file(src).fold((0, 0), |(ok, err), d| match d {
        Ok(d) => {
            black_box(&d);
            (ok + 1, err)
        }
        Err(_) => (ok, err + 1),
    })
}

fn parse(c: &mut Criterion) {
    let path = test_support::testdata().join("schema/telegram/api-230.tl");
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    // Printed once so the numbers can be read next to what each side saw.
    let (defs, diags) = ours(&src);
    let (ok, err) = grammers(&src);
    let errors: Vec<String> = grammers_tl_parser::parse_tl_file(&src)
        .filter_map(|d| d.err().map(|e| format!("{e:?}")))
        .collect();
    println!(
        "{}: {} bytes; tl-parser check: {defs} definitions, {diags} diagnostics; grammers-tl-parser: {ok} definitions, {err} errors {errors:?}",
        path.display(),
        src.len()
    );

    let mut g = c.benchmark_group("parse api-230.tl");
    g.sample_size(20)
        .measurement_time(Duration::from_secs(5))
        .warm_up_time(Duration::from_secs(1))
        .throughput(Throughput::Bytes(src.len() as u64));
    g.bench_function("tl-parser/check", |b| b.iter(|| ours(black_box(&src))));
    g.bench_function("tl-parser/parse", |b| {
        b.iter(|| {
            let parsed = tl_parser::parse(black_box(&src));
            (parsed.schema.definitions.len(), parsed.diagnostics.len())
        })
    });
    g.bench_function("grammers/parse_tl_file", |b| {
        b.iter(|| grammers(black_box(&src)))
    });
    g.finish();

    // Both sides keep every definition (a schema tree, as a code generator
    // needs), and freeing it is left out of the timing for both.
    let mut g = c.benchmark_group("parse api-230.tl, keeping the definitions");
    g.sample_size(20)
        .measurement_time(Duration::from_secs(5))
        .warm_up_time(Duration::from_secs(1))
        .throughput(Throughput::Bytes(src.len() as u64));
    g.bench_function("tl-parser/check", |b| {
        b.iter_with_large_drop(|| tl_parser::check(black_box(&src), tl_parser::Dialect::Telegram))
    });
    g.bench_function("tl-parser/parse", |b| {
        b.iter_with_large_drop(|| tl_parser::parse(black_box(&src)))
    });
    g.bench_function("grammers/parse_tl_file", |b| {
        b.iter_with_large_drop(|| {
            grammers_tl_parser::parse_tl_file(black_box(&src)).collect::<Vec<_>>()
        })
    });
    g.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
