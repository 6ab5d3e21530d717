//! Shared helpers of the tl-parser integration tests: which dialect each real
//! schema uses, and a span-erasing normalizer. Where the test data and the
//! fixtures are is `test_support`'s business.
#![allow(dead_code)] // each test file uses a different subset

use std::path::{Path, PathBuf};

use tl_parser::Dialect;
use tl_parser::ast::*;
use tl_parser::span::Span;

#[allow(unused_imports)] // each test file uses a different subset
pub use test_support::testdata;

/// The id rules of a real schema: Telegram's for Telegram's own files and for
/// TDLib's copies of them (`telegram_api.tl`, `mtproto_api.tl`), TDLib's for
/// `td_api.tl` and TON.
pub fn dialect_for(path: &Path) -> Dialect {
    let file = path.file_name().and_then(|f| f.to_str()).unwrap_or("");
    let dir = path
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|f| f.to_str())
        .unwrap_or("");
    match (dir, file) {
        ("telegram", _) | ("tdlib", "telegram_api.tl" | "mtproto_api.tl") => Dialect::Telegram,
        _ => Dialect::Tdlib,
    }
}

/// Every `*.tl` file under `testdata/schema/{telegram,tdlib,ton}`, sorted,
/// with its text.
pub fn real_schemas(testdata: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for dir in ["telegram", "tdlib", "ton"] {
        out.extend(tl_files(&testdata.join("schema").join(dir)));
    }
    assert_eq!(out.len(), 10, "expected the ten real schemas");
    out
}

/// The `*.tl` files directly in `dir`, sorted by name, with their text.
pub fn tl_files(dir: &Path) -> Vec<(PathBuf, String)> {
    test_support::tl_files(dir)
        .into_iter()
        .map(|p| {
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, text)
        })
        .collect()
}

/// `schema` with every span set to `0..0`, so trees parsed from differently
/// laid out texts compare equal when they say the same thing.
pub fn without_spans(schema: &Schema) -> Schema {
    let mut s = schema.clone();
    if let Some(layer) = &mut s.layer {
        layer.span = Span::default();
    }
    for class in &mut s.classes {
        class.span = Span::default();
    }
    for def in &mut s.definitions {
        def.span = Span::default();
        def.name.span = Span::default();
        if let Some(id) = &mut def.id {
            id.span = Span::default();
        }
        for param in &mut def.params {
            param.span = Span::default();
            for name in &mut param.names {
                name.span = Span::default();
            }
            erase_type(&mut param.ty);
        }
        match &mut def.body {
            Body::Builtin { span } => *span = Span::default(),
            Body::Fields(fields) => erase_fields(fields),
        }
        erase_type(&mut def.result);
    }
    s
}

fn erase_fields(fields: &mut [Field]) {
    for field in fields {
        field.span = Span::default();
        if let Some(name) = &mut field.name {
            name.span = Span::default();
        }
        match &mut field.ty {
            FieldType::Nat => {}
            FieldType::Plain { ty, .. } => erase_type(ty),
            FieldType::Conditional {
                flag, bit_span, ty, ..
            } => {
                flag.span = Span::default();
                *bit_span = Span::default();
                erase_type(ty);
            }
            FieldType::Repeat {
                multiplicity,
                fields,
            } => {
                match multiplicity {
                    Some(Multiplicity::Literal(_, span)) => *span = Span::default(),
                    Some(Multiplicity::Var(var)) => var.span = Span::default(),
                    None => {}
                }
                erase_fields(fields);
            }
        }
    }
}

fn erase_type(ty: &mut TypeExpr) {
    ty.span = Span::default();
    ty.name.span = Span::default();
    for arg in &mut ty.args {
        erase_type(arg);
    }
}

/// A diagnostic as `(severity, code, line, column, message)` for exact
/// comparisons.
pub fn located(
    d: &tl_parser::Diagnostic,
    src: &str,
) -> (String, tl_parser::Code, usize, usize, String) {
    let (line, col) = d.line_col(src);
    (d.severity.to_string(), d.code, line, col, d.message.clone())
}
