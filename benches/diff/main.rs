//! `tl-codegen diff` of two full layers: `Config::diff` of `api-222.tl`
//! against `api-230.tl`, which reads, parses and validates both files, builds
//! both models and compares them (what `tl-codegen diff` does before
//! printing). Also the comparison alone, on models built beforehand.
//!
//! Run with `cargo bench --manifest-path benches/Cargo.toml --bench diff`
//! from the repository root. It reads `testdata/` (or `$TL_TESTDATA`).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use tl_codegen::Config;
use tl_codegen::diff::diff as compare;

fn diff(c: &mut Criterion) {
    let data = test_support::testdata();
    let old = data.join("schema/telegram/api-222.tl");
    let new = data.join("schema/telegram/api-230.tl");
    let config = Config::new();
    let mut group = c.benchmark_group("diff api-222 api-230");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("read, check, model, compare", |b| {
        b.iter(|| {
            config
                .diff(&[&old], &[&new])
                .expect("both layers are valid")
        })
    });
    let old_model = config.model(&[&old]).expect("valid");
    let new_model = config.model(&[&new]).expect("valid");
    group.bench_function("compare models", |b| {
        b.iter(|| compare(black_box(&old_model), black_box(&new_model), false))
    });
    group.bench_function("compare and render text", |b| {
        b.iter(|| compare(black_box(&old_model), black_box(&new_model), false).to_string())
    });
    group.finish();
}

criterion_group!(benches, diff);
criterion_main!(benches);
