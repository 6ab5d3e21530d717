//! Snapshots of the code generated for each fixture in `schema/fixtures/`.
//! The same code is compiled (warnings denied) into `tests::fixtures`.

use std::path::Path;

use tl_codegen::{Config, Dialect};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../schema/fixtures");

fn generate(stem: &str) -> String {
    let dialect = if stem.starts_with("tdlib") || stem.starts_with("ton") {
        Dialect::Tdlib
    } else {
        Dialect::Telegram
    };
    let path = Path::new(FIXTURES).join(format!("{stem}.tl"));
    Config::new()
        .dialect(dialect)
        .generate(&[path])
        .unwrap_or_else(|e| panic!("{e}"))
}

macro_rules! snapshot {
    ($($name:ident),* $(,)?) => {$(
        #[test]
        fn $name() {
            insta::assert_snapshot!(stringify!($name), generate(stringify!($name)));
        }
    )*};
}

snapshot!(
    comments, flags, ids, multiline, namespaces, naming, sections, tdlib_docs, ton_style, vectors,
);

#[test]
fn example_schema() {
    let path = Path::new(FIXTURES).join("../example.tl");
    let code = Config::new().serde(true).generate(&[path]).unwrap();
    insta::assert_snapshot!("example", code);
}

/// Generating twice gives byte-identical output.
#[test]
fn output_is_deterministic() {
    assert_eq!(generate("flags"), generate("flags"));
    assert_eq!(generate("namespaces"), generate("namespaces"));
}
