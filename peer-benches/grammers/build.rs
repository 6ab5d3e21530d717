//! Generates, into OUT_DIR, Telegram layer 230 (`api-230.tl` + `mtproto.tl`
//! from `testdata/`, or `$TL_TESTDATA`) for the codec bench, as the `tests`
//! crate's build script does:
//! - `api.rs`: the layer printed by the fast printer (`pretty(false)`);
//! - `api_zero_copy.rs`: the same layer with `zero_copy(true)`.
//!
//! Missing test data fails the build, with a message saying where it looked.

fn main() {
    println!("cargo:rerun-if-env-changed=TL_TESTDATA");
    let dir = test_support::testdata().join("schema/telegram");
    let paths = [dir.join("api-230.tl"), dir.join("mtproto.tl")];
    for path in &paths {
        println!("cargo:rerun-if-changed={}", path.display());
    }

    let mut config = tl_codegen::Config::new();
    config.file_name("api.rs").pretty(false);
    let model = config.model(&paths).unwrap_or_else(|e| panic!("{e}"));
    config.write(&model).unwrap_or_else(|e| panic!("{e}"));

    let mut zero_copy = tl_codegen::Config::new();
    zero_copy
        .zero_copy(true)
        .pretty(false)
        .file_name("api_zero_copy.rs");
    zero_copy.write(&model).unwrap_or_else(|e| panic!("{e}"));
}
