//! Generates Telegram layer 230 + `mtproto.tl` (from `$TL_TESTDATA`, else
//! the repository's `testdata/`) into `OUT_DIR/api.rs`, and
//! `types.rs`: `TYPES`, the number of boxed types, and `round_trip(i, bytes)`,
//! which decodes `bytes` as boxed type number `i` and checks that what decodes
//! encodes to bytes that decode to the same value.

use std::fmt::Write;
use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    println!("cargo:rerun-if-env-changed=TL_TESTDATA");
    let data = std::env::var_os("TL_TESTDATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("../testdata"));
    let paths = [
        data.join("schema/telegram/api-230.tl"),
        data.join("schema/telegram/mtproto.tl"),
    ];
    let mut config = tl_codegen::Config::new();
    config.file_name("api.rs");
    let model = match config.model(&paths) {
        Ok(model) => model,
        Err(e) => panic!("{e:?}"),
    };
    if let Err(e) = config.write(&model) {
        panic!("{e:?}");
    }
    for path in &paths {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let mut names = String::new();
    for t in &model.types {
        let _ = write!(names, "{:?}, ", t.tl_name);
    }
    let mut arms = String::new();
    for (i, t) in model.types.iter().enumerate() {
        let mut path = String::from("crate::api::enums::");
        for m in &t.path.module {
            path.push_str(m);
            path.push_str("::");
        }
        path.push_str(&t.path.name);
        let _ = writeln!(arms, "        {i} => check::<{path}>(bytes),");
    }
    let code = format!(
        "/// How many boxed types the layer has.\npub const TYPES: usize = {};\n\n\
         /// Their TL names, by number.\npub const TYPE_NAMES: &[&str] = &[{names}];\n\n\
         /// Decodes `bytes` as boxed type number `index` and checks the round trip.\n\
         pub fn round_trip(index: usize, bytes: &[u8]) {{\n    match index {{\n{arms}        _ => {{}}\n    }}\n}}\n",
        model.types.len()
    );
    std::fs::write(out.join("types.rs"), code).expect("OUT_DIR is writable");
}
