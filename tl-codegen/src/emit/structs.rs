//! Structs for constructors (`types`) and functions (`functions`).

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::paths::{Here, rust_type};
use super::{Options, derives, fields, item_doc};
use crate::model::{Constructor, Function, WireType};

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
    let name = format_ident!("{}", c.path.name);
    let doc = item_doc(
        c.doc.as_deref(),
        &format!("The TL constructor `{}`.", c.tl_name),
        &c.declaration,
    );
    let derives = derives(options);
    let decls = fields::declarations(&c.fields, here);
    let id = id_literal(c.id);
    let tl_name = &c.tl_name;
    let len = fields::len_expr(&c.fields, 0, here, options);
    let writes = fields::write_stmts(&c.fields, options);
    let (reads, inits) = fields::read_stmts(&c.fields, here, options);
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
    let name = format_ident!("{}", f.path.name);
    let doc = item_doc(
        f.doc.as_deref(),
        &format!("The TL function `{}`.", f.tl_name),
        &f.declaration,
    );
    let derives = derives(options);
    let decls = fields::declarations(&f.fields, here);
    let id = id_literal(f.id);
    let tl_name = &f.tl_name;
    let len = fields::len_expr(&f.fields, 4, here, options);
    let writes = fields::write_stmts(&f.fields, options);
    let (reads, inits) = fields::read_stmts(&f.fields, here, options);
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
