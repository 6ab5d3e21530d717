//! Field declarations and the length, write and read code of a field list.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::paths::{Here, codec, ident, rust_type, self_encoding};
use super::{Context, hex_literal, tri};
use crate::model::{FieldKind, FieldModel, FlagBit, WireType};

/// `pub name: Type,` lines with their docs, and their serde attributes when
/// `serde_attrs` (a struct whose serde impls are derived).
pub fn declarations(
    fields: &[FieldModel],
    serde_attrs: bool,
    here: Here,
    cx: &Context<'_>,
) -> Vec<TokenStream> {
    fields
        .iter()
        .filter(|f| f.is_stored())
        .map(|f| {
            let name = ident(&f.rust_name);
            let doc = field_doc(f, here, cx);
            let ty = match &f.kind {
                FieldKind::TrueFlag(_) => quote!(bool),
                FieldKind::Value { ty, flag: None } => rust_type(ty, here, cx),
                FieldKind::Value { ty, flag: Some(_) } => {
                    let ty = rust_type(ty, here, cx);
                    let option = here.std("Option");
                    quote!(#option<#ty>)
                }
                FieldKind::Flags { .. } | FieldKind::Count { .. } => quote!(u32),
                FieldKind::Group { path, .. } => {
                    let ty = rust_type(&WireType::Bare(path.clone()), here, cx);
                    let option = here.std("Option");
                    quote!(#option<#ty>)
                }
            };
            let serde = if serde_attrs {
                super::long_arrays::field_attr(f, here, cx)
                    .unwrap_or_else(|| super::tdjson::field_attrs(f, cx))
            } else {
                quote!()
            };
            quote! {
                #(#[doc = #doc])*
                #serde
                pub #name: #ty,
            }
        })
        .collect()
}

/// A field's doc lines: its description (or its TL name) with what the
/// wire does with it, then, with documentation inputs, its TL type linked.
fn field_doc(f: &FieldModel, here: Here, cx: &Context<'_>) -> Vec<String> {
    let mut base = match &f.doc {
        Some(doc) => doc.clone(),
        None => format!("TL field `{}`.", f.tl_name),
    };
    if cx.documented() && !base.ends_with(['.', '!', '?', ':']) {
        base.push('.');
    }
    let first = match &f.kind {
        FieldKind::TrueFlag(bit) => {
            format!(" {base} Bit {} of `{}` on the wire.", bit.bit, bit.field)
        }
        FieldKind::Value {
            flag: Some(bit), ..
        }
        | FieldKind::Group { flag: bit, .. } => format!(
            " {base} Present when bit {} of `{}` is set.",
            bit.bit, bit.field
        ),
        FieldKind::Flags { .. } => format!(
            " {base} Bits that belong to conditional fields are computed from them when \
             serializing; the other bits are written as given."
        ),
        FieldKind::Value {
            ty: WireType::Rows { count, .. },
            flag: None,
        } => format!(" {base} Its length is written as `{count}`."),
        FieldKind::Value { flag: None, .. } | FieldKind::Count { .. } => format!(" {base}"),
    };
    let mut lines = vec![first];
    if cx.documented() {
        let ty = match &f.kind {
            FieldKind::Value { ty, .. } => Some(super::rustdoc::type_link(ty, here, cx)),
            FieldKind::Group { path, .. } => Some(super::rustdoc::type_link(
                &WireType::Bare(path.clone()),
                here,
                cx,
            )),
            _ => None,
        };
        if let Some(ty) = ty {
            lines.extend([String::new(), format!(" TL type: {ty}.")]);
        }
    }
    lines
}

/// The mask of a flag bit: `1`, or `1 << N` so the bit number shows;
/// parenthesized when it stands inside a larger expression.
fn mask(bit: &FlagBit, in_expr: bool) -> TokenStream {
    let n = Literal::u32_unsuffixed(bit.bit);
    match (bit.bit, in_expr) {
        (0, _) => quote!(1),
        (_, false) => quote!(1 << #n),
        (_, true) => quote!((1 << #n)),
    }
}

/// The statements writing all fields of `self` to `out`.
pub fn write_stmts(fields: &[FieldModel], cx: &Context<'_>) -> Vec<TokenStream> {
    let mut stmts = Vec::new();
    for f in fields {
        let name = ident(&f.rust_name);
        if let Some(group) = &f.group {
            if let FieldKind::Value { ty, .. } = &f.kind {
                let group = ident(group);
                let write = value_write(ty, &quote!(g.#name), &quote!(&g.#name), cx);
                stmts.push(quote! {
                    if let Some(g) = &self.#group {
                        #write
                    }
                });
            }
            continue;
        }
        match &f.kind {
            FieldKind::Flags { keep_other_bits } => {
                let mut field_mask = 0u32;
                let bits: Vec<TokenStream> = fields
                    .iter()
                    .filter(|other| other.group.is_none())
                    .filter_map(|other| {
                        let other_name = ident(&other.rust_name);
                        match &other.kind {
                            FieldKind::TrueFlag(bit) if bit.field == f.tl_name => {
                                field_mask |= 1u32.checked_shl(bit.bit).unwrap_or(0);
                                let m = mask(bit, false);
                                Some(quote!(if self.#other_name { #m } else { 0 }))
                            }
                            FieldKind::Value {
                                flag: Some(bit), ..
                            }
                            | FieldKind::Group { flag: bit, .. }
                                if bit.field == f.tl_name =>
                            {
                                field_mask |= 1u32.checked_shl(bit.bit).unwrap_or(0);
                                let m = mask(bit, false);
                                Some(quote!(if self.#other_name.is_some() { #m } else { 0 }))
                            }
                            _ => None,
                        }
                    })
                    .collect();
                let mut terms = bits;
                if *keep_other_bits {
                    let other = hex_literal(!field_mask);
                    terms.insert(0, quote!(self.#name & #other));
                }
                let value = if terms.is_empty() {
                    quote!(0u32)
                } else {
                    quote!(#(#terms)|*)
                };
                stmts.push(quote! {
                    let #name: u32 = #value;
                    out.write_u32(#name);
                });
            }
            FieldKind::TrueFlag(_) | FieldKind::Group { .. } => {}
            FieldKind::Count { rows } => {
                let rows = local(fields, rows);
                let rt = &cx.runtime;
                stmts.push(quote!(out.write_u32(#rt::repeat::count_of(self.#rows.len()));));
            }
            FieldKind::Value {
                ty: WireType::Rows { elem, .. } | WireType::Array { elem, .. },
                ..
            } => {
                let write = value_write(elem, &quote!(v), &quote!(v), cx);
                stmts.push(quote! {
                    for v in &self.#name {
                        #write
                    }
                });
            }
            FieldKind::Value { ty, flag } => {
                stmts.push(match flag {
                    None => value_write(ty, &quote!(self.#name), &quote!(&self.#name), cx),
                    Some(_) => {
                        let write = value_write(ty, &quote!(v), &quote!(v), cx);
                        quote! {
                            if let Some(v) = &self.#name {
                                #write
                            }
                        }
                    }
                });
            }
        }
    }
    stmts
}

/// Statements reading every field into a local of the field's name, and the
/// struct-literal field list that uses them.
pub fn read_stmts(
    fields: &[FieldModel],
    here: Here,
    cx: &Context<'_>,
) -> (Vec<TokenStream>, Vec<TokenStream>) {
    let mut stmts = Vec::new();
    let mut inits = Vec::new();
    let mut groups = Vec::new();
    for f in fields {
        let name = ident(&f.rust_name);
        if f.group.is_some() && matches!(f.kind, FieldKind::TrueFlag(_)) {
            // Its bit is the group's presence.
            continue;
        }
        match &f.kind {
            FieldKind::Group { path, members, .. } => {
                let path = rust_type(&WireType::Bare(path.clone()), here, cx);
                let locals: Vec<TokenStream> = members.iter().map(|m| local(fields, m)).collect();
                let value = match locals.as_slice() {
                    [one] => quote!(#one.map(|#one| #path { #one })),
                    _ => quote! {
                        match (#(#locals),*) {
                            (#(Some(#locals)),*) => Some(#path { #(#locals),* }),
                            _ => None,
                        }
                    },
                };
                groups.push(quote!(let #name = #value;));
                inits.push(quote!(#name));
                continue;
            }
            _ if f.group.is_some() => {
                // A value of a group: read into a local the group is built from.
                if let FieldKind::Value {
                    ty,
                    flag: Some(bit),
                } = &f.kind
                {
                    let read = value_read(ty, here, cx);
                    let word = flag_local(fields, bit);
                    let m = mask(bit, true);
                    stmts.push(quote! {
                        let #name = if #word & #m != 0 { Some(#read) } else { None };
                    });
                }
                continue;
            }
            _ => {}
        }
        match &f.kind {
            FieldKind::Flags { keep_other_bits } => {
                let read = tri(quote!(r.read_u32()));
                stmts.push(quote!(let #name = #read;));
                if *keep_other_bits {
                    inits.push(quote!(#name));
                }
            }
            FieldKind::Count { .. } => {
                let read = tri(quote!(r.read_u32()));
                stmts.push(quote!(let #name = #read;));
            }
            FieldKind::Value {
                ty: ty @ (WireType::Rows { elem, .. } | WireType::Array { elem, .. }),
                ..
            } => {
                let rt = &cx.runtime;
                let read = value_read_result(elem, here, cx);
                let what = format!("the `{}` repetition", f.tl_name);
                stmts.push(match ty {
                    WireType::Rows { count, .. } => {
                        let count = local(fields, count);
                        let min = Literal::usize_unsuffixed(elem.min_size());
                        let rows = tri(
                            quote!(#rt::repeat::read_repeated(r, #count, #min, #what, |r| #read)),
                        );
                        quote!(let #name = #rows;)
                    }
                    _ => {
                        let rows = tri(quote!(#rt::repeat::read_array(r, #what, |r| #read)));
                        quote!(let #name = #rows;)
                    }
                });
                inits.push(quote!(#name));
            }
            FieldKind::TrueFlag(bit) => {
                let word = flag_local(fields, bit);
                let m = mask(bit, true);
                stmts.push(quote!(let #name = #word & #m != 0;));
                inits.push(quote!(#name));
            }
            FieldKind::Value { ty, flag } => {
                let read = value_read(ty, here, cx);
                match flag {
                    None => stmts.push(quote!(let #name = #read;)),
                    Some(bit) => {
                        let word = flag_local(fields, bit);
                        let m = mask(bit, true);
                        stmts.push(quote! {
                            let #name = if #word & #m != 0 { Some(#read) } else { None };
                        });
                    }
                }
                inits.push(quote!(#name));
            }
            FieldKind::Group { .. } => {}
        }
    }
    stmts.extend(groups);
    (stmts, inits)
}

fn flag_local(fields: &[FieldModel], bit: &FlagBit) -> TokenStream {
    local(fields, &bit.field)
}

/// The Rust name of the field whose TL name is `tl_name` (a flags word, a
/// count, a repetition), as a local or after `self.`.
fn local(fields: &[FieldModel], tl_name: &str) -> TokenStream {
    let name = fields
        .iter()
        .find(|f| f.tl_name == tl_name)
        .map_or_else(|| tl_name.to_owned(), |f| f.rust_name.clone());
    let name = ident(&name);
    quote!(#name)
}

/// Writing a field: `value` is what a method is called on (`self.x`, or `v`
/// bound to a reference), `reference` what a codec takes (`&self.x`, or `v`).
fn value_write(
    ty: &WireType,
    value: &TokenStream,
    reference: &TokenStream,
    cx: &Context<'_>,
) -> TokenStream {
    let rt = &cx.runtime;
    match ty {
        WireType::True => quote!(),
        _ if self_encoding(ty, cx) => quote!(#value.serialize(out);),
        _ => {
            let c = codec(ty, cx);
            quote!(<#c as #rt::codec::Codec<_>>::write(#reference, out);)
        }
    }
}

fn value_read(ty: &WireType, here: Here, cx: &Context<'_>) -> TokenStream {
    match ty {
        WireType::True => quote!(()),
        // `tri`, copying the borrowed data in the `Ok` arm (zero-copy `bytes`
        // are shared, and read like the other types below).
        WireType::Bytes if !cx.config.zero_copy => {
            quote!(match r.read_tl_bytes() {
                Ok(v) => v.to_vec(),
                Err(e) => return Err(e),
            })
        }
        _ => tri(value_read_result(ty, here, cx)),
    }
}

/// An expression reading a value of `ty` from `r` that evaluates to a
/// `Result` (for closures, where `Ok(x?)` would be needless).
fn value_read_result(ty: &WireType, here: Here, cx: &Context<'_>) -> TokenStream {
    let rt = &cx.runtime;
    let rust = rust_type(ty, here, cx);
    match ty {
        WireType::Int => quote!(r.read_i32()),
        WireType::Long | WireType::Int53 => quote!(r.read_i64()),
        WireType::Double => quote!(r.read_f64()),
        WireType::Nat => quote!(r.read_u32()),
        WireType::Int128 | WireType::Int256 => quote!(r.read_array()),
        WireType::String if !cx.config.lossy_strings && cx.config.zero_copy => {
            quote!(r.read_shared_string())
        }
        WireType::String if !cx.config.lossy_strings => quote!(r.read_string()),
        WireType::Bytes if cx.config.zero_copy => quote!(r.read_shared_bytes()),
        WireType::Bytes => quote!(r.read_tl_bytes().map(<[u8]>::to_vec)),
        WireType::True => quote!(Ok(())),
        _ if self_encoding(ty, cx) => quote!(<#rust>::deserialize(r)),
        _ => {
            let c = codec(ty, cx);
            quote!(<#c as #rt::codec::Codec<#rust>>::read(r))
        }
    }
}
