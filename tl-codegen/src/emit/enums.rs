//! Enums: one per boxed type, and `AnyFunction` over every function.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::paths::{Here, Root};
use super::structs::Names;
use super::{Context, derives, hex_literal, item_doc};
use crate::model::{BoxedType, Model};

/// The enum of a boxed type, its (de)serialization and `From` impls.
pub fn boxed_type(t: &BoxedType, model: &Model, here: Here, cx: &Context<'_>) -> TokenStream {
    let rt = &cx.runtime;
    let (boxed, from) = (here.std("Box"), here.std("From"));
    let Names {
        result,
        reader,
        error,
        ..
    } = Names::at(here, cx);
    let name = format_ident!("{}", t.path.name);
    let tl_name = &t.tl_name;
    let doc = item_doc(
        t.doc.as_deref(),
        &format!("The TL type `{}`: one variant per constructor.", t.tl_name),
        "",
    );
    let derives = derives(cx);
    let mut variants = Vec::new();
    let mut lens = Vec::new();
    let mut writes = Vec::new();
    let mut reads = Vec::new();
    let mut ids = Vec::new();
    let mut froms = Vec::new();
    for v in &t.variants {
        let c = &model.constructors[v.constructor];
        let vname = format_ident!("{}", v.name);
        let ctor = here.to(Root::Types, &c.path);
        let id = hex_literal(c.id);
        let vdoc = format!(" The `{}` constructor.", c.tl_name);
        ids.push(quote!(Self::#vname { .. } => #id,));
        if v.unit {
            variants.push(quote!(#[doc = #vdoc] #vname,));
            lens.push(quote!(Self::#vname => 4,));
            writes.push(quote!(Self::#vname => out.write_u32(#id),));
            reads.push(quote!(#id => Ok(Self::#vname),));
            froms.push(quote! {
                impl #from<#ctor> for #name {
                    fn from(_: #ctor) -> Self {
                        Self::#vname
                    }
                }
            });
            continue;
        }
        let payload = if v.boxed {
            quote!(#boxed<#ctor>)
        } else {
            quote!(#ctor)
        };
        variants.push(quote!(#[doc = #vdoc] #vname(#payload),));
        lens.push(quote!(Self::#vname(x) => x.serialized_len(),));
        writes.push(quote!(Self::#vname(x) => x.serialize(out),));
        let read = quote!(#ctor::deserialize_bare(r)?);
        let wrapped = if v.boxed {
            quote!(#boxed::new(#read))
        } else {
            read
        };
        reads.push(quote!(#id => Ok(Self::#vname(#wrapped)),));
        let value = if v.boxed {
            quote!(#boxed::new(x))
        } else {
            quote!(x)
        };
        froms.push(quote! {
            impl #from<#ctor> for #name {
                fn from(x: #ctor) -> Self {
                    Self::#vname(#value)
                }
            }
        });
    }
    let serializable = serializable_by_variant(&quote!(#name), &lens, &writes, here, cx);
    quote! {
        #(#[doc = #doc])*
        #derives
        pub enum #name {
            #(#variants)*
        }

        impl #name {
            /// The constructor id of this value's variant.
            pub fn constructor_id(&self) -> u32 {
                match self {
                    #(#ids)*
                }
            }
        }

        #serializable

        impl #rt::Deserializable for #name {
            fn deserialize(r: &mut #reader<'_>) -> #result<Self, #error> {
                r.enter(#tl_name)?;
                let id = r.read_constructor(#tl_name)?;
                let value = match id {
                    #(#reads)*
                    _ => Err(r.unexpected_constructor(id, #tl_name)),
                };
                r.leave();
                value
            }
        }

        #(#froms)*
    }
}

/// `Serializable` for an enum whose every variant serializes itself: one match
/// arm per variant for the length (`lens`) and for writing (`writes`).
fn serializable_by_variant(
    name: &TokenStream,
    lens: &[TokenStream],
    writes: &[TokenStream],
    here: Here,
    cx: &Context<'_>,
) -> TokenStream {
    let rt = &cx.runtime;
    let Names { writer, sized, .. } = Names::at(here, cx);
    quote! {
        impl #rt::Serializable for #name {
            #[inline]
            fn serialized_len(&self) -> usize {
                match self {
                    #(#lens)*
                }
            }

            fn serialize<W: #writer + ?#sized>(&self, out: &mut W) {
                match self {
                    #(#writes)*
                }
            }
        }
    }
}

/// `AnyFunction`: decodes any request by its id, generic wrappers included.
pub fn any_function(model: &Model, cx: &Context<'_>) -> TokenStream {
    let rt = &cx.runtime;
    // The root is the including module: its names are unknown, so prelude
    // items are spelled out in full.
    let here = Here {
        depth: 0,
        std_shadowed: true,
    };
    let derives = derives(cx);
    let mut variants = Vec::new();
    let mut lens = Vec::new();
    let mut writes = Vec::new();
    let mut reads = Vec::new();
    let mut names = Vec::new();
    for f in &model.functions {
        let vname = format_ident!("{}", f.any_variant);
        let path = here.to(Root::Functions, &f.path);
        let ty = if f.generic.is_some() {
            quote!(#path<AnyFunction>)
        } else {
            path
        };
        let id = hex_literal(f.id);
        let tl_name = &f.tl_name;
        let vdoc = format!(" The `{}` function.", f.tl_name);
        variants.push(quote!(#[doc = #vdoc] #vname(::std::boxed::Box<#ty>),));
        lens.push(quote!(Self::#vname(x) => x.serialized_len(),));
        writes.push(quote!(Self::#vname(x) => x.serialize(out),));
        reads
            .push(quote!(#id => Ok(Self::#vname(::std::boxed::Box::new(<#ty>::deserialize(r)?))),));
        names.push(quote!(Self::#vname(_) => #tl_name,));
    }
    if variants.is_empty() {
        return quote!();
    }
    let serializable = serializable_by_variant(&quote!(AnyFunction), &lens, &writes, here, cx);
    let Names { reader, error, .. } = Names::at(here, cx);
    quote! {
        /// Any function of the schema: decodes a request whatever its id,
        /// generic wrappers such as `invokeWithLayer` included.
        #derives
        pub enum AnyFunction {
            #(#variants)*
        }

        impl AnyFunction {
            /// The TL name of the function.
            pub fn tl_name(&self) -> &'static str {
                match self {
                    #(#names)*
                }
            }
        }

        #serializable

        impl #rt::Deserializable for AnyFunction {
            fn deserialize(r: &mut #reader<'_>) -> ::std::result::Result<Self, #error> {
                r.enter("a function")?;
                let id = r.peek_u32()?;
                let value = match id {
                    #(#reads)*
                    _ => {
                        let _ = r.read_constructor("a function")?;
                        Err(r.unexpected_constructor(id, "a function"))
                    }
                };
                r.leave();
                value
            }
        }
    }
}
