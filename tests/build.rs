//! Generates, into OUT_DIR:
//! - `api.rs`: Telegram layer 230 (`api-230.tl` + `mtproto.tl` from
//!   `testdata/`), and `dispatch.rs`, which round-trips a value by its TL name;
//! - `fixture_*.rs` for each fixture of `schema/fixtures/` that the generator
//!   supports, with the options its header asks for, so the snapshot output
//!   is also compiled.
//!
//! Missing test data fails the build, with a message saying where it looked.

use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use tl_codegen::model::{Model, RustPath};

#[path = "src/fixture_config.rs"]
mod fixture_config;

fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
    println!("cargo:rerun-if-env-changed=TL_TESTDATA");

    let data = test_support::testdata();
    let api = data.join("schema/telegram/api-230.tl");
    let mtproto = data.join("schema/telegram/mtproto.tl");
    generate_api(&[&api, &mtproto], &out);

    let mut modules = Vec::new();
    println!(
        "cargo:rerun-if-changed={}",
        test_support::fixtures_dir().display()
    );
    for fixture in test_support::fixtures() {
        if !fixture.generates {
            continue;
        }
        let file = format!("fixture_{}.rs", fixture.name);
        let mut config = fixture_config::config_for(&fixture);
        if let Err(e) = config.file_name(&file).compile(&[&fixture.path]) {
            panic!("{e}");
        }
        let module = format_ident!("{}", fixture.name);
        modules.push(quote! {
            #[doc = concat!("Generated from `schema/fixtures/", stringify!(#module), ".tl`.")]
            pub mod #module {
                include!(concat!(env!("OUT_DIR"), "/", #file));
            }
        });
    }
    write(&out.join("fixtures.rs"), quote!(#(#modules)*));
}

/// Generates the layer from one model: the code and the dispatch table.
fn generate_api(paths: &[&Path], out: &Path) {
    for path in paths {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    // Printed by the fast printer (`pretty(false)`): the full layer compiled
    // from it checks that its output is the program prettyplease's is.
    let mut config = tl_codegen::Config::new();
    config.file_name("api.rs").pretty(false);
    let model = config.model(paths).unwrap_or_else(|e| panic!("{e}"));
    config.write(&model).unwrap_or_else(|e| panic!("{e}"));
    // The same layer in zero-copy mode, for `tests/zero_copy.rs` (the
    // dispatch table fits both: the names are the same). The codec bench's
    // `peer-benches/grammers/build.rs` writes these two the same way.
    let mut zero_copy = tl_codegen::Config::new();
    zero_copy
        .zero_copy(true)
        .pretty(false)
        .file_name("api_zero_copy.rs");
    zero_copy.write(&model).unwrap_or_else(|e| panic!("{e}"));
    write(&out.join("dispatch.rs"), dispatch(&model));
    book_examples(paths, out);
}

/// The Rust example of every method page of the reference book (written
/// with the documentation of `testdata/docs`), each in a module of its own, compiled
/// against the generated layer as `tl`.
fn book_examples(paths: &[&Path], out: &Path) {
    let docs = test_support::testdata().join("docs");
    let inputs = ["api-docs-223.json", "methods.csv", "errors.csv"].map(|f| docs.join(f));
    for path in &inputs {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let mut config = tl_codegen::Config::new();
    config
        .docs_file(&inputs[0])
        .usability_table(&inputs[1])
        .error_table(&inputs[2]);
    let model = config.model(paths).unwrap_or_else(|e| panic!("{e}"));
    let book = config.book(&model);
    let mut text = String::new();
    for (i, page) in book
        .pages
        .iter()
        .filter(|p| p.path.starts_with("method/"))
        .enumerate()
    {
        let example = page
            .text
            .split("```rust\n")
            .nth(1)
            .and_then(|rest| rest.split("```").next())
            .unwrap_or_else(|| panic!("{}: no Rust example", page.path));
        text.push_str(&format!(
            "/// The example of `{}`.\npub mod example_{i} {{\n    use super::tl;\n{example}}}\n",
            page.path
        ));
    }
    let path = out.join("book_examples.rs");
    if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
        std::fs::write(&path, text).expect("OUT_DIR is writable");
    }
}

fn path(root: &str, p: &RustPath) -> TokenStream {
    let root = format_ident!("{}", root);
    let modules = p
        .module
        .iter()
        .map(|m| format_ident!("{}", m.trim_start_matches("r#")));
    let name = format_ident!("{}", p.name);
    quote!(super::api::#root::#(#modules::)*#name)
}

/// `roundtrip(kind, name, bytes)`: decodes `bytes` as the named boxed type or
/// function and encodes the value again; `TYPE_NAMES`, the boxed types in
/// model order.
fn dispatch(model: &Model) -> TokenStream {
    let types = model.types.iter().map(|t| {
        let name = &t.tl_name;
        let ty = path("enums", &t.path);
        quote!(#name => Some(super::reencode::<#ty>(bytes)),)
    });
    let functions = model.functions.iter().map(|f| {
        let name = &f.tl_name;
        let ty = path("functions", &f.path);
        let ty = if f.generic.is_some() {
            quote!(#ty<super::api::AnyFunction>)
        } else {
            ty
        };
        quote!(#name => Some(super::reencode::<#ty>(bytes)),)
    });
    let type_names = model.types.iter().map(|t| &t.tl_name);
    quote! {
        /// The boxed types' TL names in the model's order (the order the fuzz
        /// crate numbers them in: `decode_type`'s first two bytes choose one).
        pub const TYPE_NAMES: &[&str] = &[#(#type_names),*];

        /// Decodes `bytes` as the boxed type `name` and encodes it again;
        /// `None` if the schema has no such type.
        pub fn roundtrip_type(name: &str, bytes: &[u8]) -> Option<Result<Vec<u8>, tl_runtime::DecodeError>> {
            match name {
                #(#types)*
                _ => None,
            }
        }

        /// Decodes `bytes` as a call of function `name` and encodes it again.
        pub fn roundtrip_function(name: &str, bytes: &[u8]) -> Option<Result<Vec<u8>, tl_runtime::DecodeError>> {
            match name {
                #(#functions)*
                _ => None,
            }
        }
    }
}

fn write(path: &Path, tokens: TokenStream) {
    let text = tokens.to_string();
    let unchanged = std::fs::read_to_string(path).is_ok_and(|old| old == text);
    if !unchanged {
        std::fs::write(path, text).expect("OUT_DIR is writable");
    }
}
