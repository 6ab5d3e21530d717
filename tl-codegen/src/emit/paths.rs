//! Paths between generated modules, and Rust types for wire types.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::Context;
pub use crate::model::layout::Root;
use crate::model::layout::RustType;
use crate::model::{RustPath, WireType};

/// An identifier token, raw if the name is written `r#...`.
pub fn ident(name: &str) -> proc_macro2::Ident {
    match name.strip_prefix("r#") {
        Some(raw) => proc_macro2::Ident::new_raw(raw, proc_macro2::Span::call_site()),
        None => format_ident!("{}", name),
    }
}

/// Where code is being emitted: `depth` modules below the generated root.
#[derive(Debug, Clone, Copy)]
pub struct Here {
    /// How many `super::` lead back to the generated root.
    pub depth: usize,
    /// Whether an item of this module shadows a prelude name the generated
    /// code uses (`Option`, `Vec`, ...), so those must be spelled out in full.
    pub std_shadowed: bool,
}

/// Prelude names generated code uses, with the `std` module that holds each.
pub const STD_NAMES: &[(&str, &str)] = &[
    ("Option", "option"),
    ("Vec", "vec"),
    ("String", "string"),
    ("Box", "boxed"),
    ("Result", "result"),
    ("From", "convert"),
    ("Sized", "marker"),
];

/// Runtime items each generated module imports by name (unless one of its
/// own items has the name).
pub const RUNTIME_NAMES: &[&str] = &["DecodeError", "Reader", "Writer"];

/// Whether a generated item called `name` would hide a name the generated
/// code relies on.
pub fn shadows(name: &str) -> bool {
    STD_NAMES.iter().any(|(n, _)| *n == name) || RUNTIME_NAMES.contains(&name)
}

impl Here {
    /// A prelude item (`Option`, `Vec`, ...): its short name, or its full
    /// `::std::` path where this module shadows it.
    pub fn std(self, name: &str) -> TokenStream {
        // Other crates may shadow the prelude at the including module, so
        // the root spells everything out.
        let ident = format_ident!("{}", name);
        match STD_NAMES.iter().find(|(n, _)| *n == name) {
            Some((_, module)) if self.std_shadowed => {
                let module = format_ident!("{}", module);
                quote!(::std::#module::#ident)
            }
            _ => quote!(#ident),
        }
    }

    /// A runtime item (`Reader`, `Writer`, `DecodeError`): its short name
    /// where the module imports it, its full path otherwise.
    pub fn runtime(self, name: &str, cx: &Context<'_>) -> TokenStream {
        let ident = format_ident!("{}", name);
        if self.std_shadowed {
            let rt = &cx.runtime;
            quote!(#rt::#ident)
        } else {
            quote!(#ident)
        }
    }

    /// The path from here to an item at the generated root (`AnyObject`).
    pub fn root_item(self, name: &str) -> TokenStream {
        let supers = (0..self.depth).map(|_| quote!(super::));
        let name = format_ident!("{}", name);
        quote!(#(#supers)* #name)
    }

    /// The path from here to `path` under `root`.
    pub fn to(self, root: Root, path: &RustPath) -> TokenStream {
        let supers = (0..self.depth).map(|_| quote!(super::));
        let root = format_ident!("{}", root.name());
        let modules = path.module.iter().map(|m| {
            let m = ident(m);
            quote!(#m::)
        });
        let name = format_ident!("{}", path.name);
        quote!(#(#supers)* #root:: #(#modules)* #name)
    }
}

/// The Rust type holding a value of `ty` ([`RustType::of`] spelled as tokens).
pub fn rust_type(ty: &WireType, here: Here, cx: &Context<'_>) -> TokenStream {
    type_tokens(&RustType::of(ty, cx.config.zero_copy), here, cx)
}

fn type_tokens(ty: &RustType, here: Here, cx: &Context<'_>) -> TokenStream {
    match ty {
        RustType::Primitive("()") => quote!(()),
        RustType::Primitive(name) => {
            let name = format_ident!("{}", name);
            quote!(#name)
        }
        RustType::ByteArray(len) => {
            let len = proc_macro2::Literal::usize_unsuffixed(*len);
            quote!([u8; #len])
        }
        RustType::String => here.std("String"),
        RustType::Bytes => {
            let vec = here.std("Vec");
            quote!(#vec<u8>)
        }
        RustType::Runtime(path) => {
            let rt = &cx.runtime;
            let segments = path.split("::").map(|s| format_ident!("{}", s));
            quote!(#rt #(::#segments)*)
        }
        RustType::Vec(elem) => {
            let elem = type_tokens(elem, here, cx);
            let vec = here.std("Vec");
            quote!(#vec<#elem>)
        }
        RustType::Option(inner) => {
            let inner = type_tokens(inner, here, cx);
            let option = here.std("Option");
            quote!(#option<#inner>)
        }
        RustType::Array(elem, len) => {
            let elem = type_tokens(elem, here, cx);
            let len = proc_macro2::Literal::usize_unsuffixed(*len);
            quote!([#elem; #len])
        }
        RustType::Item(root, path) => here.to(*root, path),
        RustType::RootItem(name) => here.root_item(name),
        RustType::Generic(name) => {
            let name = format_ident!("{}", name);
            quote!(#name)
        }
    }
}

/// The codec type that encodes `ty` (for types that are not self-encoding).
pub fn codec(ty: &WireType, cx: &Context<'_>) -> TokenStream {
    let rt = &cx.runtime;
    match ty {
        WireType::Bytes if !cx.config.zero_copy => quote!(#rt::codec::Bytes),
        WireType::String if cx.config.lossy_strings => quote!(#rt::codec::LossyString),
        WireType::Bare(_) => quote!(#rt::codec::Bare),
        WireType::Nullable(inner) => {
            let inner = codec(inner, cx);
            quote!(#rt::codec::Nullable<#inner>)
        }
        WireType::Vector { boxed, elem } => {
            let inner = codec(elem, cx);
            if *boxed {
                quote!(#rt::codec::Vector<#inner>)
            } else {
                quote!(#rt::codec::BareVector<#inner>)
            }
        }
        _ => quote!(#rt::codec::Boxed),
    }
}

/// Whether `ty` is written by its own `Serializable` impl under these options:
/// lossy strings need their codec, zero-copy `bytes` do not.
pub fn self_encoding(ty: &WireType, cx: &Context<'_>) -> bool {
    match ty {
        WireType::String => !cx.config.lossy_strings,
        WireType::Bytes => cx.config.zero_copy,
        WireType::Vector { boxed: true, elem } => self_encoding(elem, cx),
        _ => ty.is_self_encoding(),
    }
}

/// How the prelude and runtime names used in signatures are spelled at a place.
pub struct Spellings {
    /// `Result`.
    pub result: TokenStream,
    /// The runtime's `Reader`.
    pub reader: TokenStream,
    /// The runtime's `Writer`.
    pub writer: TokenStream,
    /// The runtime's `DecodeError`.
    pub error: TokenStream,
    /// `Sized`.
    pub sized: TokenStream,
}

impl Spellings {
    /// The spellings at `here`.
    pub fn at(here: Here, cx: &Context<'_>) -> Spellings {
        Spellings {
            result: here.std("Result"),
            reader: here.runtime("Reader", cx),
            writer: here.runtime("Writer", cx),
            error: here.runtime("DecodeError", cx),
            sized: here.std("Sized"),
        }
    }
}
