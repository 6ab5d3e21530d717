//! TDLib's JSON shape, for `serde` output of a schema with TDLib's rules
//! (`td_api.tl`, and TON's `tonlib_api.tl`, which follows the same
//! conventions). What `td_json_client` reads and writes:
//!
//! - every object is `{"@type": "<TL name>", ...fields}`: constructor and
//!   function structs get `Serialize` and `Deserialize` ([`struct_impls`]:
//!   one call each into the runtime, which reads and writes by the
//!   generated table, `tl_runtime::json::read_bare` and `write_bare`, when
//!   the table describes the type; else written out, reading on
//!   `tl_runtime::json::ReadObject`; serde's derives with attributes only
//!   for what a TDLib schema does not have); a boxed type is an enum read
//!   by its `@type` (`tl_runtime::json::TaggedUnion`) and written as its
//!   variant's object;
//! - `int64` is a string (read from a string or a number), `bytes` standard
//!   base64, through `tl_runtime::json`'s field forms;
//! - a field that may be null is an `Option`, left out when `None` and `None`
//!   when missing or `null`;
//! - a missing number, `Bool`, string, bytes or vector reads as TDLib reads
//!   it: 0, `false`, empty; a missing object that may not be null is an error
//!   that names the field;
//! - a key the schema does not know is ignored.
//!
//! Everything here is behind the including crate's `serde` feature, like
//! the derives.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use super::Context;
use super::debug_table::JsonCalls;
use super::paths::{Here, ident, rust_type};
use crate::model::{FieldKind, FieldModel, WireType};

/// What a variant of a TDLib enum holds.
pub enum Payload {
    /// Nothing: the constructor's struct is built to write it.
    Unit,
    /// The struct.
    Plain,
    /// The struct in a `Box`.
    Boxed,
}

/// One variant of a TDLib enum: its TL name, its Rust name, the struct's
/// path, and what it holds.
pub struct TaggedVariant<'a> {
    /// The `@type` it is read and written by.
    pub tag: &'a str,
    /// The variant.
    pub variant: Ident,
    /// The constructor (or function) struct.
    pub ty: TokenStream,
    /// How the variant holds it.
    pub payload: Payload,
}

/// `#[serde(tag = "@type", rename = "name")]` for the struct of constructor
/// or function `tl_name`.
pub fn struct_attrs(tl_name: &str, cx: &Context<'_>) -> TokenStream {
    if !cx.tdlib_json() {
        return quote!();
    }
    quote!(#[cfg_attr(feature = "serde", serde(tag = "@type", rename = #tl_name))])
}

/// The serde attributes of a field: its JSON name, what a missing value
/// reads as, and the form of `int64` and `bytes` values.
pub fn field_attrs(f: &FieldModel, cx: &Context<'_>) -> TokenStream {
    if !cx.tdlib_json() {
        return quote!();
    }
    let mut parts = Vec::new();
    if f.rust_name.trim_start_matches("r#") != f.tl_name {
        let name = &f.tl_name;
        parts.push(quote!(rename = #name));
    }
    let ty = match &f.kind {
        FieldKind::Value { ty, flag: None } => match ty {
            WireType::Nullable(_) => {
                parts.push(quote!(
                    default,
                    skip_serializing_if = "::std::option::Option::is_none"
                ));
                Some(ty.clone())
            }
            WireType::Boxed(_) | WireType::Bare(_) | WireType::AnyObject | WireType::Generic(_) => {
                Some(ty.clone())
            }
            _ => {
                parts.push(quote!(default));
                Some(ty.clone())
            }
        },
        FieldKind::Value { ty, flag: Some(_) } => {
            parts.push(quote!(
                default,
                skip_serializing_if = "::std::option::Option::is_none"
            ));
            Some(WireType::Nullable(Box::new(ty.clone())))
        }
        FieldKind::Group { .. } => {
            parts.push(quote!(
                default,
                skip_serializing_if = "::std::option::Option::is_none"
            ));
            None
        }
        FieldKind::TrueFlag(_) | FieldKind::Flags { .. } | FieldKind::Count { .. } => {
            parts.push(quote!(default));
            None
        }
    };
    if let Some(form) = ty
        .as_ref()
        .and_then(|ty| form(ty, &cx.config.runtime_crate))
    {
        let runtime = &cx.config.runtime_crate;
        let serialize = format!("{runtime}::json::serialize::<{form}, _, _>");
        let deserialize = format!("{runtime}::json::deserialize::<{form}, _, _>");
        parts.push(quote!(serialize_with = #serialize, deserialize_with = #deserialize));
    }
    if parts.is_empty() {
        return quote!();
    }
    quote!(#[cfg_attr(feature = "serde", serde(#(#parts),*))])
}

/// `Serialize`, `ReadObject` and `Deserialize` of the constructor or function
/// struct `name` (TL name `tl_name`), written out instead of serde's derives
/// (see `tl_runtime::json::ReadObject` for why); with `table` (how the
/// table reads and writes it), a `Serialize` and a `Deserialize` of one
/// call each instead; or
/// `None` when serde's
/// derives with [`field_attrs`] stay: without TDLib's JSON, and for the
/// fields a TDLib schema does not have (flags and their groups, arrays
/// longer than serde's).
///
/// A field is read as [`field_attrs`] has it: a nullable (or conditional)
/// field is `None` when missing or `null` and left out when `None`; an
/// object that may not be null is an error when missing; anything else
/// takes its default.
pub fn struct_impls(
    name: &Ident,
    tl_name: &str,
    fields: &[FieldModel],
    table: Option<JsonCalls>,
    here: Here,
    cx: &Context<'_>,
) -> Option<TokenStream> {
    if !cx.tdlib_json() {
        return None;
    }
    let result = here.std("Result");
    // Read and written by the table when it describes the struct: one call
    // each.
    if let Some(JsonCalls { read, write }) = table {
        return Some(serde_impls(name, &result, write, quote!(), read));
    }
    let rt = &cx.runtime;
    let runtime = &cx.config.runtime_crate;
    let option = here.std("Option");
    let form_of = |ty: &WireType| form(ty, runtime).and_then(|f| f.parse::<TokenStream>().ok());
    let mut keys = Vec::new();
    let (mut slots, mut arms, mut inits, mut writes) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for f in fields {
        let FieldKind::Value { ty, flag } = &f.kind else {
            return None;
        };
        if f.group.is_some() || super::long_arrays::long_array(f) {
            return None;
        }
        let key = f.tl_name.as_str();
        let field = ident(&f.rust_name);
        let slot = format_ident!("__f{}", keys.len());
        let index = Literal::usize_unsuffixed(keys.len());
        keys.push(key);
        // The value inside an `Option` (a nullable or conditional field),
        // or `None` for a plain one.
        let optional = match (ty, flag) {
            (WireType::Nullable(inner), None) => Some(&**inner),
            (_, Some(_)) => Some(ty),
            _ => None,
        };
        match optional {
            Some(inner) => {
                let inner_ty = rust_type(inner, here, cx);
                let (read, write) = match form_of(inner) {
                    Some(form) => (
                        quote!(#rt::json::value_as::<#rt::json::Nullable<#form>, _, _>(&mut __map)?),
                        quote!(#rt::json::field_as::<#form, _, _>(&mut __object, #key, __v)?;),
                    ),
                    None => (
                        quote!(#rt::json::value(&mut __map)?),
                        quote!(#rt::json::field(&mut __object, #key, __v)?;),
                    ),
                };
                slots.push(quote!(let mut #slot: #option<#inner_ty> = #option::None;));
                arms.push(quote!(#index => #slot = #read,));
                inits.push(quote!(#field: #slot));
                writes.push(quote!(if let #option::Some(__v) = &self.#field { #write }));
            }
            None => {
                let field_ty = rust_type(ty, here, cx);
                let (read, write) = match form_of(ty) {
                    Some(form) => (
                        quote!(#rt::json::value_as::<#form, _, _>(&mut __map)?),
                        quote!(#rt::json::field_as::<#form, _, _>(&mut __object, #key, &self.#field)?;),
                    ),
                    None => (
                        quote!(#rt::json::value(&mut __map)?),
                        quote!(#rt::json::field(&mut __object, #key, &self.#field)?;),
                    ),
                };
                slots.push(quote!(let mut #slot: #option<#field_ty> = #option::None;));
                arms.push(quote!(#index => #slot = #option::Some(#read),));
                let required = matches!(
                    ty,
                    WireType::Boxed(_)
                        | WireType::Bare(_)
                        | WireType::AnyObject
                        | WireType::Generic(_)
                );
                inits.push(if required {
                    quote!(#field: #rt::json::required(#slot, #key)?)
                } else {
                    quote!(#field: #slot.unwrap_or_default())
                });
                writes.push(write);
            }
        }
    }
    let count = Literal::usize_unsuffixed(keys.len());
    let body = if keys.is_empty() {
        quote! {
            while #rt::json::next_key::<Self, A>(&mut __map)?.is_some() {
                #rt::json::skip_value(&mut __map)?;
            }
            #result::Ok(Self {})
        }
    } else {
        quote! {
            #(#slots)*
            while let #option::Some(__key) = #rt::json::next_key::<Self, A>(&mut __map)? {
                match __key {
                    #(#arms)*
                    _ => #rt::json::skip_value(&mut __map)?,
                }
            }
            #result::Ok(Self { #(#inits),* })
        }
    };
    let write = quote! {
        let mut __object = #rt::json::begin_object(serializer, #tl_name, #count)?;
        #(#writes)*
        #rt::json::end_object(__object)
    };
    let read_object = quote! {
        #[cfg(feature = "serde")]
        impl #rt::json::ReadObject for #name {
            const TL_NAME: &'static str = #tl_name;
            const FIELDS: &'static [&'static str] = &[#(#keys),*];

            fn read_fields<'de, A: ::serde::de::MapAccess<'de>>(mut __map: A) -> #result<Self, A::Error> {
                #body
            }
        }
    };
    let read = quote!(#rt::json::read_object(deserializer));
    Some(serde_impls(name, &result, write, read_object, read))
}

/// `Serialize` of `name` whose body is `write` (on `self` and
/// `serializer`), then `between`, then `Deserialize` whose body is `read`
/// (on `deserializer`): the serde impls of a constructor or function
/// struct, behind the `serde` feature.
fn serde_impls(
    name: &Ident,
    result: &TokenStream,
    write: TokenStream,
    between: TokenStream,
    read: TokenStream,
) -> TokenStream {
    quote! {
        #[cfg(feature = "serde")]
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> #result<S::Ok, S::Error> {
                #write
            }
        }

        #between

        #[cfg(feature = "serde")]
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> #result<Self, D::Error> {
                #read
            }
        }
    }
}

/// The `tl_runtime::json` form of a value of `ty` (as the text serde's
/// `serialize_with` takes), when it is not the type's own serde shape.
fn form(ty: &WireType, runtime: &str) -> Option<String> {
    let json = format!("{runtime}::json");
    Some(match ty {
        WireType::Long => format!("{json}::Int64"),
        WireType::Bytes => format!("{json}::Base64"),
        WireType::Vector { elem, .. } => format!("{json}::VecOf<{}>", form(elem, runtime)?),
        WireType::Nullable(inner) => match form(inner, runtime) {
            Some(inner) => format!("{json}::Nullable<{inner}>"),
            // `Option`'s own shape, with `default` for a missing key.
            None => return None,
        },
        _ => return None,
    })
}

/// `Serialize` (each variant as its object), `TaggedUnion` (the variant of
/// an `@type`) and `Deserialize` (through the runtime's tag dispatch) for
/// the enum `name`, whose TL name is `type_name`: writing and reading by
/// the table when `table` says how, else a `match` each.
pub fn enum_impls(
    name: &Ident,
    type_name: &str,
    variants: &[TaggedVariant<'_>],
    table: Option<JsonCalls>,
    here: Here,
    cx: &Context<'_>,
) -> TokenStream {
    if !cx.tdlib_json() {
        return quote!();
    }
    let rt = &cx.runtime;
    let mut writes = Vec::new();
    let mut reads = Vec::new();
    let mut tags = Vec::new();
    let result = here.std("Result");
    for v in variants {
        let (tag, vname, ty) = (v.tag, &v.variant, &v.ty);
        tags.push(tag);
        if table.is_some() {
            continue;
        }
        let (write, value) = match v.payload {
            Payload::Unit => (
                quote!(Self::#vname => ::serde::Serialize::serialize(&#ty {}, serializer),),
                quote!(Self::#vname),
            ),
            Payload::Plain => (
                quote!(Self::#vname(x) => ::serde::Serialize::serialize(x, serializer),),
                quote!(Self::#vname(v)),
            ),
            Payload::Boxed => (
                quote!(Self::#vname(x) => ::serde::Serialize::serialize(&**x, serializer),),
                quote!(Self::#vname(::std::boxed::Box::new(v))),
            ),
        };
        writes.push(write);
        let bind = if matches!(v.payload, Payload::Unit) {
            quote!(_)
        } else {
            quote!(v)
        };
        reads.push(quote! {
            #tag => match <#ty as ::serde::Deserialize<'de>>::deserialize(body) {
                ::std::result::Result::Ok(#bind) => ::std::result::Result::Ok(#value),
                ::std::result::Result::Err(e) => ::std::result::Result::Err(e),
            },
        });
    }
    // By the table when it describes the type: one call each.
    let (write_body, read_body) = match table {
        Some(JsonCalls { read, write }) => (write, read),
        None => (
            quote!(match self { #(#writes)* }),
            quote! {
                match tag {
                    #(#reads)*
                    _ => ::std::result::Result::Err(#rt::json::unknown_tag::<Self, D::Error>(tag)),
                }
            },
        ),
    };
    quote! {
        #[cfg(feature = "serde")]
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> #result<S::Ok, S::Error> {
                #write_body
            }
        }

        #[cfg(feature = "serde")]
        impl #rt::json::TaggedUnion for #name {
            const TYPE_NAME: &'static str = #type_name;
            const TAGS: &'static [&'static str] = &[#(#tags),*];

            fn deserialize_body<'de, D: ::serde::Deserializer<'de>>(
                tag: &str,
                body: D,
            ) -> #result<Self, D::Error> {
                #read_body
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> #result<Self, D::Error> {
                #rt::json::deserialize_tagged(deserializer)
            }
        }
    }
}
