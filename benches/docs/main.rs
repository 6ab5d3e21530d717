//! `tl-codegen docs` on the full layer: read the documentation
//! (`api-docs-223.json`, `methods.csv`, `errors.csv`) alone, then build the
//! model of `api-230.tl` + `mtproto.tl` with it (the model takes the
//! documentation in while it is built), build every page and write the book
//! to a temporary folder.
//!
//! Run with `cargo bench --manifest-path benches/Cargo.toml --bench docs`
//! from the repository root. It reads `testdata/` (or `$TL_TESTDATA`).

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use tl_codegen::Config;
use tl_codegen::docs::Documentation;

fn docs(c: &mut Criterion) {
    let data = test_support::testdata();
    let schema = data.join("schema/telegram");
    let inputs =
        ["api-docs-223.json", "methods.csv", "errors.csv"].map(|f| data.join("docs").join(f));
    let paths = [schema.join("api-230.tl"), schema.join("mtproto.tl")];
    let mut config = Config::new();
    config
        .docs_file(&inputs[0])
        .usability_table(&inputs[1])
        .error_table(&inputs[2]);
    let out = std::env::temp_dir().join(format!("tl-bench-book-{}", std::process::id()));
    let read = || {
        Documentation::read(Some(&inputs[0]), Some(&inputs[1]), Some(&inputs[2]))
            .expect("the documentation reads")
    };
    let mut group = c.benchmark_group("docs layer 230");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(15));
    group.bench_function("read documentation", |b| b.iter(read));
    group.bench_function(
        "model with documentation, build pages (no files written)",
        |b| {
            b.iter(|| {
                let model = config.model(&paths).expect("the layer is valid");
                config.book(&model).pages.len()
            })
        },
    );
    group.bench_function(
        "model with documentation, build pages, write the book",
        |b| {
            b.iter(|| {
                let model = config.model(&paths).expect("the layer is valid");
                let book = config.book(&model);
                book.write(&out).expect("the book is written");
                book.pages.len()
            })
        },
    );
    group.finish();
    let _ = std::fs::remove_dir_all(&out);
}

criterion_group!(benches, docs);
criterion_main!(benches);
