//! Generates, into OUT_DIR:
//! - `api.rs`: Telegram layer 230 (`api-230.tl` + `mtproto.tl` from the shared
//!   test data), and `dispatch.rs`, which round-trips a value by its TL name;
//! - `fixture_*.rs` for each fixture in `schema/fixtures/` that the generator
//!   supports, so the snapshot output is also compiled.

use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use tl_codegen::model::{Model, RustPath};

/// Fixtures whose features the generator rejects with a located error (tested
/// in `tests/codegen_errors.rs`).
const UNSUPPORTED_FIXTURES: &[&str] = &["builtins", "generics"];

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let root = manifest
        .parent()
        .expect("tests/ is inside the workspace")
        .to_owned();
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
    println!("cargo::rustc-check-cfg=cfg(tl_testdata)");
    println!("cargo:rerun-if-env-changed=TL_TESTDATA");

    let shared = std::env::var_os("TL_TESTDATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"));
    let api = shared.join("schema/telegram/api-230.tl");
    let mtproto = shared.join("schema/telegram/mtproto.tl");
    if api.exists() && mtproto.exists() {
        generate_api(&[&api, &mtproto], &out);
        println!("cargo:rustc-cfg=tl_testdata");
    }

    let mut modules = Vec::new();
    let fixtures = root.join("schema/fixtures");
    println!("cargo:rerun-if-changed={}", fixtures.display());
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .expect("schema/fixtures exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "tl"))
        .collect();
    entries.sort();
    for path in entries {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        if UNSUPPORTED_FIXTURES.contains(&stem.as_str()) {
            continue;
        }
        let file = format!("fixture_{stem}.rs");
        let dialect = if stem.starts_with("tdlib") || stem.starts_with("ton") {
            tl_codegen::Dialect::Tdlib
        } else {
            tl_codegen::Dialect::Telegram
        };
        if let Err(e) = tl_codegen::Config::new()
            .dialect(dialect)
            .file_name(&file)
            .compile(&[&path])
        {
            panic!("{e}");
        }
        let module = format_ident!("{}", stem);
        modules.push(quote! {
            #[doc = concat!("Generated from `schema/fixtures/", stringify!(#module), ".tl`.")]
            pub mod #module {
                include!(concat!(env!("OUT_DIR"), "/", #file));
            }
        });
    }
    write(&out.join("fixtures.rs"), quote!(#(#modules)*));
}

fn generate_api(paths: &[&Path], out: &Path) {
    let config = {
        let mut c = tl_codegen::Config::new();
        c.file_name("api.rs");
        c
    };
    if let Err(e) = config.compile(paths) {
        panic!("{e}");
    }
    let model = config.model(paths).unwrap_or_else(|e| panic!("{e}"));
    write(&out.join("dispatch.rs"), dispatch(&model));
}

fn path(root: &str, p: &RustPath) -> TokenStream {
    let root = format_ident!("{}", root);
    let modules = p
        .module
        .iter()
        .map(|m| format_ident!("{}", m.trim_start_matches("r#")));
    let name = format_ident!("{}", p.name);
    quote!(crate::api::#root::#(#modules::)*#name)
}

/// `roundtrip(kind, name, bytes)`: decodes `bytes` as the named boxed type or
/// function and encodes the value again.
fn dispatch(model: &Model) -> TokenStream {
    let types = model.types.iter().map(|t| {
        let name = &t.tl_name;
        let ty = path("enums", &t.path);
        quote!(#name => Some(crate::reencode::<#ty>(bytes)),)
    });
    let functions = model.functions.iter().map(|f| {
        let name = &f.tl_name;
        let ty = path("functions", &f.path);
        let ty = if f.generic.is_some() {
            quote!(#ty<crate::api::AnyFunction>)
        } else {
            ty
        };
        quote!(#name => Some(crate::reencode::<#ty>(bytes)),)
    });
    quote! {
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
