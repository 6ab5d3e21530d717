//! Structs for constructors (`types`) and functions (`functions`).

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::paths::{Here, Spellings, rust_type};
use super::{Context, Equality, derives, encoding_eq, fields, hex_literal, item_doc, rustdoc};
use crate::model::{Constructor, FieldModel, Function, Group, Row, WireType};

/// What constructors and functions share for emission.
struct Item<'a> {
    /// `constructor` or `function`, for the fallback doc line.
    what: &'static str,
    tl_name: &'a str,
    rust_name: &'a str,
    /// `None` for a repetition's row, which has no id.
    id: Option<u32>,
    fields: &'a [FieldModel],
    doc: Option<&'a str>,
    declaration: &'a str,
    /// `<X>` for a generic function, else empty.
    generics: TokenStream,
    /// Whether the struct's encoding is the bare one (a constructor, a
    /// repetition's row) rather than the boxed one (a function).
    bare: bool,
    /// Its `Debug` impl from the table, if the table describes it (else
    /// `Debug` is derived).
    debug: Option<TokenStream>,
    /// How its `Serialize` and `Deserialize` go through the table, if the
    /// table describes it (else it is written out).
    json: Option<super::debug_table::JsonCalls>,
    /// Doc lines after the declaration (official page, result, errors).
    extra_doc: Vec<String>,
}

/// The pieces of a struct and its impls common to constructors and functions.
struct Parts {
    /// The documented struct and its `Identifiable` impl.
    definition: TokenStream,
    name: proc_macro2::Ident,
    id: Literal,
    writes: Vec<TokenStream>,
    /// Reads the fields and returns `Ok(Self { .. })`.
    read_fields: TokenStream,
    /// Whether any field is read (else the reader parameter is unused).
    reads_anything: bool,
}

impl Parts {
    fn new(item: Item<'_>, here: Here, cx: &Context<'_>) -> Parts {
        let rt = &cx.runtime;
        let (reads, inits) = fields::read_stmts(item.fields, here, cx);
        let name = format_ident!("{}", item.rust_name);
        let mut doc = item_doc(
            item.doc,
            &format!("The TL {} `{}`.", item.what, item.tl_name),
            item.declaration,
        );
        doc.extend(item.extra_doc);
        // TDLib's JSON: serde impls of its own where it can (`tdjson.rs`),
        // else serde's derives with attributes.
        let written = (item.generics.is_empty())
            .then(|| {
                super::tdjson::struct_impls(&name, item.tl_name, item.fields, item.json, here, cx)
            })
            .flatten();
        // A generic function's parameter need not be encodable: derived.
        let equality = if item.generics.is_empty() {
            Equality::Encoding
        } else {
            Equality::Derived
        };
        let derives = derives(cx, written.is_none(), equality, item.debug.is_none());
        let debug = item.debug;
        let eq = (equality == Equality::Encoding).then(|| encoding_eq(&name, item.bare, cx));
        let tag = match written {
            Some(_) => quote!(),
            None => super::tdjson::struct_attrs(item.tl_name, cx),
        };
        let decls = fields::declarations(item.fields, written.is_none(), here, cx);
        let id = hex_literal(item.id.unwrap_or_default());
        let generics = item.generics;
        let new = super::new_methods::new_method(&name, &generics, item.fields, here, cx);
        let tl_name = item.tl_name;
        let identifiable = item.id.is_some().then(|| {
            quote! {
                impl #generics #rt::Identifiable for #name #generics {
                    const CONSTRUCTOR_ID: u32 = #id;
                    const TL_NAME: &'static str = #tl_name;
                }
            }
        });
        Parts {
            definition: quote! {
                #(#[doc = #doc])*
                #derives
                #tag
                pub struct #name #generics {
                    #(#decls)*
                }

                #eq

                #debug

                #identifiable

                #new

                #written
            },
            writes: fields::write_stmts(item.fields, cx),
            reads_anything: !reads.is_empty(),
            read_fields: quote! {
                #(#reads)*
                Ok(Self { #(#inits),* })
            },
            name,
            id,
        }
    }
}

/// A constructor struct with its id and its bare (de)serialization impls; the
/// runtime derives the boxed ones from `Identifiable` and these.
pub fn constructor(c: &Constructor, here: Here, cx: &Context<'_>) -> TokenStream {
    let Parts {
        definition,
        name,
        writes,
        read_fields,
        reads_anything,
        ..
    } = Parts::new(
        Item {
            what: "constructor",
            tl_name: &c.tl_name,
            rust_name: &c.path.name,
            id: Some(c.id),
            fields: &c.fields,
            doc: c.doc.as_deref(),
            declaration: &c.declaration,
            generics: quote!(),
            bare: true,
            debug: cx.debug.constructor_impl(&c.path, here, cx),
            json: cx.debug.json_constructor(&c.path, here, cx),
            extra_doc: rustdoc::official_page(cx.official_pages, "constructor", &c.tl_name),
        },
        here,
        cx,
    );
    let (serialize_bare, deserialize_bare) =
        bare_impls(&name, &writes, &read_fields, reads_anything, here, cx);
    quote! {
        #definition

        #serialize_bare

        #deserialize_bare
    }
}

/// `BareSerializable` and `BareDeserializable` (apart, so that callers keep
/// their order) of a struct whose fields are written and read by `writes`
/// and `read_fields`.
fn bare_impls(
    name: &proc_macro2::Ident,
    writes: &[TokenStream],
    read_fields: &TokenStream,
    reads_anything: bool,
    here: Here,
    cx: &Context<'_>,
) -> (TokenStream, TokenStream) {
    let rt = &cx.runtime;
    let Spellings {
        result,
        reader,
        writer,
        error,
        sized,
    } = Spellings::at(here, cx);
    let out_param = if writes.is_empty() {
        quote!(_out)
    } else {
        quote!(out)
    };
    let r_param = if reads_anything {
        quote!(r)
    } else {
        quote!(_r)
    };
    let serialize = quote! {
        impl #rt::BareSerializable for #name {
            fn serialize_bare<W: #writer + ?#sized>(&self, #out_param: &mut W) {
                #(#writes)*
            }
        }
    };
    let deserialize = quote! {
        impl #rt::BareDeserializable for #name {
            fn deserialize_bare(#r_param: &mut #reader<'_>) -> #result<Self, #error> {
                #read_fields
            }
        }
    };
    (serialize, deserialize)
}

/// The struct of fields that share a flag bit: plain data, encoded by the
/// struct that holds it.
pub fn group(group: &Group, here: Here, cx: &Context<'_>) -> TokenStream {
    let name = format_ident!("{}", group.path.name);
    let doc = format!(
        " The fields of `{}` present when bit {} of `{}` is set: all of them or none.",
        group.owner, group.flag.bit, group.flag.field
    );
    // No encoding of its own to compare: derived.
    let derives = derives(cx, true, Equality::Derived, true);
    let decls = fields::declarations(&group.fields, true, here, cx);
    quote! {
        #[doc = #doc]
        #derives
        pub struct #name {
            #(#decls)*
        }
    }
}

/// The row struct of a repetition: bare encoding only.
pub fn row(row: &Row, here: Here, cx: &Context<'_>) -> TokenStream {
    let Parts {
        definition,
        name,
        writes,
        read_fields,
        reads_anything,
        ..
    } = Parts::new(
        Item {
            what: "repetition row",
            tl_name: &row.tl_name,
            rust_name: &row.path.name,
            id: None,
            fields: &row.fields,
            doc: None,
            declaration: "",
            generics: quote!(),
            bare: true,
            debug: None,
            json: None,
            extra_doc: Vec::new(),
        },
        here,
        cx,
    );
    let (serialize_bare, deserialize_bare) =
        bare_impls(&name, &writes, &read_fields, reads_anything, here, cx);
    quote! {
        #definition

        #serialize_bare

        #deserialize_bare
    }
}

/// A function struct with its id, (de)serialization and `RemoteCall`.
pub fn function(f: &Function, here: Here, cx: &Context<'_>) -> TokenStream {
    let rt = &cx.runtime;
    let Spellings {
        result,
        reader,
        writer,
        error,
        sized,
    } = Spellings::at(here, cx);
    let (generics, ser_bounds, de_bounds, call_bounds) = match &f.generic {
        Some(g) => {
            let g = format_ident!("{}", g);
            (
                quote!(<#g>),
                quote!(<#g: #rt::Serializable>),
                quote!(<#g: #rt::Deserializable>),
                quote!(<#g: #rt::RemoteCall>),
            )
        }
        None => (quote!(), quote!(), quote!(), quote!()),
    };
    let Parts {
        definition,
        name,
        id,
        writes,
        read_fields,
        ..
    } = Parts::new(
        Item {
            what: "function",
            tl_name: &f.tl_name,
            rust_name: &f.path.name,
            id: Some(f.id),
            fields: &f.fields,
            doc: f.doc.as_deref(),
            declaration: &f.declaration,
            generics: generics.clone(),
            bare: false,
            debug: cx.debug.function_impl(&f.path, here, cx),
            json: cx.debug.json_function(&f.path, here, cx),
            extra_doc: {
                let mut lines = rustdoc::official_page(cx.official_pages, "method", &f.tl_name);
                if cx.documented() {
                    lines.extend(rustdoc::function_sections(f, here, cx));
                }
                lines
            },
        },
        here,
        cx,
    );
    let errors = super::errors::function_errors(f, &name, &generics, here, cx);
    let deserializable = cx.function_decoding().then(|| {
        let tl_name = &f.tl_name;
        let check_id = super::tri(quote!(r.expect_constructor(#id, #tl_name)));
        quote! {
            impl #de_bounds #rt::Deserializable for #name #generics {
                fn deserialize(r: &mut #reader<'_>) -> #result<Self, #error> {
                    #check_id;
                    #read_fields
                }
            }
        }
    });
    let returns = match &f.returns {
        WireType::Generic(g) => {
            let g = format_ident!("{}", g);
            quote!(#g::Return)
        }
        other => rust_type(other, here, cx),
    };
    quote! {
        #definition

        impl #ser_bounds #rt::Serializable for #name #generics {
            fn serialize<W: #writer + ?#sized>(&self, out: &mut W) {
                out.write_u32(#id);
                #(#writes)*
            }
        }

        #deserializable

        impl #call_bounds #rt::RemoteCall for #name #generics {
            type Return = #returns;
        }

        #errors
    }
}
