//! Structs for constructors (`types`) and functions (`functions`).

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::paths::{Here, rust_type};
use super::{Options, derives, fields, item_doc};
use crate::model::{Constructor, FieldModel, Function, WireType};

/// How the prelude and runtime names used in signatures are spelled at a place.
pub struct Names {
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

impl Names {
    /// The spellings at `here`.
    pub fn at(here: Here, options: &Options) -> Names {
        Names {
            result: here.std("Result"),
            reader: here.runtime("Reader", options),
            writer: here.runtime("Writer", options),
            error: here.runtime("DecodeError", options),
            sized: here.std("Sized"),
        }
    }
}

/// What constructors and functions share for emission.
struct Item<'a> {
    /// `constructor` or `function`, for the fallback doc line.
    what: &'static str,
    tl_name: &'a str,
    rust_name: &'a str,
    id: u32,
    fields: &'a [FieldModel],
    doc: Option<&'a str>,
    declaration: &'a str,
}

/// The pieces of a struct and its impls common to constructors and functions.
struct Parts {
    name: proc_macro2::Ident,
    doc: Vec<String>,
    derives: TokenStream,
    decls: Vec<TokenStream>,
    id: Literal,
    len: TokenStream,
    writes: Vec<TokenStream>,
    reads: Vec<TokenStream>,
    inits: Vec<TokenStream>,
}

impl Parts {
    /// `base` is the fixed length before the fields (4 for a function's id).
    fn new(item: Item<'_>, base: usize, here: Here, options: &Options) -> Parts {
        let (reads, inits) = fields::read_stmts(item.fields, here, options);
        Parts {
            name: format_ident!("{}", item.rust_name),
            doc: item_doc(
                item.doc,
                &format!("The TL {} `{}`.", item.what, item.tl_name),
                item.declaration,
            ),
            derives: derives(options),
            decls: fields::declarations(item.fields, here),
            id: id_literal(item.id),
            len: fields::len_expr(item.fields, base, here, options),
            writes: fields::write_stmts(item.fields, options),
            reads,
            inits,
        }
    }
}

/// A constructor struct with its id and the four (de)serialization impls.
pub fn constructor(c: &Constructor, here: Here, options: &Options) -> TokenStream {
    let rt = &options.runtime;
    let Names {
        result,
        reader,
        writer,
        error,
        sized,
    } = Names::at(here, options);
    let Parts {
        name,
        doc,
        derives,
        decls,
        id,
        len,
        writes,
        reads,
        inits,
    } = Parts::new(
        Item {
            what: "constructor",
            tl_name: &c.tl_name,
            rust_name: &c.path.name,
            id: c.id,
            fields: &c.fields,
            doc: c.doc.as_deref(),
            declaration: &c.declaration,
        },
        0,
        here,
        options,
    );
    let tl_name = &c.tl_name;
    let out_param = if writes.is_empty() {
        quote!(_out)
    } else {
        quote!(out)
    };
    let r_param = if reads.is_empty() {
        quote!(_r)
    } else {
        quote!(r)
    };
    quote! {
        #(#[doc = #doc])*
        #derives
        pub struct #name {
            #(#decls)*
        }

        impl #rt::Identifiable for #name {
            const CONSTRUCTOR_ID: u32 = #id;
        }

        impl #rt::BareSerializable for #name {
            #[inline]
            fn bare_len(&self) -> usize {
                #len
            }

            fn serialize_bare<W: #writer + ?#sized>(&self, #out_param: &mut W) {
                #(#writes)*
            }
        }

        impl #rt::Serializable for #name {
            #[inline]
            fn serialized_len(&self) -> usize {
                4 + self.bare_len()
            }

            fn serialize<W: #writer + ?#sized>(&self, out: &mut W) {
                out.write_u32(#id);
                self.serialize_bare(out);
            }
        }

        impl #rt::BareDeserializable for #name {
            fn deserialize_bare(#r_param: &mut #reader<'_>) -> #result<Self, #error> {
                #(#reads)*
                Ok(Self { #(#inits),* })
            }
        }

        impl #rt::Deserializable for #name {
            fn deserialize(r: &mut #reader<'_>) -> #result<Self, #error> {
                let id = r.read_constructor(#tl_name)?;
                if id != #id {
                    return Err(r.unexpected_constructor(id, #tl_name));
                }
                Self::deserialize_bare(r)
            }
        }
    }
}

/// A function struct with its id, (de)serialization and `RemoteCall`.
pub fn function(f: &Function, here: Here, options: &Options) -> TokenStream {
    let rt = &options.runtime;
    let Names {
        result,
        reader,
        writer,
        error,
        sized,
    } = Names::at(here, options);
    let Parts {
        name,
        doc,
        derives,
        decls,
        id,
        len,
        writes,
        reads,
        inits,
    } = Parts::new(
        Item {
            what: "function",
            tl_name: &f.tl_name,
            rust_name: &f.path.name,
            id: f.id,
            fields: &f.fields,
            doc: f.doc.as_deref(),
            declaration: &f.declaration,
        },
        4,
        here,
        options,
    );
    let tl_name = &f.tl_name;
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
    let returns = match &f.returns {
        WireType::Generic(g) => {
            let g = format_ident!("{}", g);
            quote!(#g::Return)
        }
        other => rust_type(other, here),
    };
    quote! {
        #(#[doc = #doc])*
        #derives
        pub struct #name #generics {
            #(#decls)*
        }

        impl #generics #rt::Identifiable for #name #generics {
            const CONSTRUCTOR_ID: u32 = #id;
        }

        impl #ser_bounds #rt::Serializable for #name #generics {
            #[inline]
            fn serialized_len(&self) -> usize {
                #len
            }

            fn serialize<W: #writer + ?#sized>(&self, out: &mut W) {
                out.write_u32(#id);
                #(#writes)*
            }
        }

        impl #de_bounds #rt::Deserializable for #name #generics {
            fn deserialize(r: &mut #reader<'_>) -> #result<Self, #error> {
                let id = r.read_constructor(#tl_name)?;
                if id != #id {
                    return Err(r.unexpected_constructor(id, #tl_name));
                }
                #(#reads)*
                Ok(Self { #(#inits),* })
            }
        }

        impl #call_bounds #rt::RemoteCall for #name #generics {
            type Return = #returns;
        }
    }
}

/// `0x1cb5c415` as an unsuffixed hex literal.
pub fn id_literal(id: u32) -> Literal {
    format!("0x{id:08x}")
        .parse()
        .unwrap_or_else(|_| Literal::u32_unsuffixed(id))
}
