//! Enums: one per boxed type, and `AnyFunction` over every function.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::paths::Spellings;
use super::paths::{Here, Root};
use super::tdjson::{self, Payload, TaggedVariant};
use super::{Context, encoding_eq, enum_derives, hex_literal, item_doc};
use crate::model::{BoxedType, Model};

/// The enum of a boxed type, its (de)serialization and `From` impls.
pub fn boxed_type(t: &BoxedType, model: &Model, here: Here, cx: &Context<'_>) -> TokenStream {
    let rt = &cx.runtime;
    let (boxed, from) = (here.std("Box"), here.std("From"));
    let Spellings {
        result,
        reader,
        error,
        ..
    } = Spellings::at(here, cx);
    let name = format_ident!("{}", t.path.name);
    let tl_name = &t.tl_name;
    let mut doc = item_doc(
        t.doc.as_deref(),
        &format!("The TL type `{}`: one variant per constructor.", t.tl_name),
        "",
    );
    doc.extend(super::rustdoc::official_page(
        cx.official_pages,
        "type",
        &t.tl_name,
    ));
    if cx.documented() {
        doc.extend(super::rustdoc::type_sections(t, model, here));
    }
    let debug = cx.debug.enum_impl(&t.path, here, cx);
    let derives = enum_derives(cx, debug.is_none());
    let mut variants = Vec::new();
    let mut writes = Vec::new();
    let mut reads = Vec::new();
    let mut ids = Vec::new();
    let mut froms = Vec::new();
    let mut tagged = Vec::new();
    for v in &t.variants {
        let c = &model.constructors[v.constructor];
        let vname = format_ident!("{}", v.name);
        let ctor = here.to(Root::Types, &c.path);
        tagged.push(TaggedVariant {
            tag: &c.tl_name,
            variant: vname.clone(),
            ty: ctor.clone(),
            payload: match (v.unit, v.boxed) {
                (true, _) => Payload::Unit,
                (false, true) => Payload::Boxed,
                (false, false) => Payload::Plain,
            },
        });
        let id = hex_literal(c.id);
        let vdoc = format!(" The `{}` constructor.", c.tl_name);
        ids.push(quote!(Self::#vname { .. } => #id,));
        if v.unit {
            variants.push(quote!(#[doc = #vdoc] #vname,));
            writes.push(quote!(Self::#vname => out.write_u32(#id),));
            reads.push(quote!(#id => Ok(Self::#vname),));
            froms.push(quote! {
                impl #from<#ctor> for #name {
                    #[inline]
                    fn from(_: #ctor) -> Self {
                        Self::#vname
                    }
                }
            });
            froms.push(try_from(
                &name,
                &vname,
                &ctor,
                &Payload::Unit,
                t.variants.len(),
                cx,
            ));
            continue;
        }
        let payload = if v.boxed {
            quote!(#boxed<#ctor>)
        } else {
            quote!(#ctor)
        };
        variants.push(quote!(#[doc = #vdoc] #vname(#payload),));
        writes.push(quote!(Self::#vname(x) => x.serialize(out),));
        // No `?` per arm, and no `Result::map` (one generic instance per
        // variant): a plain match keeps the function cheap for the compiler.
        let wrapped = if v.boxed {
            quote!(Self::#vname(#boxed::new(v)))
        } else {
            quote!(Self::#vname(v))
        };
        reads.push(quote! {
            #id => match #ctor::deserialize_bare(r) { Ok(v) => Ok(#wrapped), Err(e) => Err(e) },
        });
        let value = if v.boxed {
            quote!(#boxed::new(x))
        } else {
            quote!(x)
        };
        froms.push(quote! {
            impl #from<#ctor> for #name {
                #[inline]
                fn from(x: #ctor) -> Self {
                    Self::#vname(#value)
                }
            }
        });
        let payload = if v.boxed {
            Payload::Boxed
        } else {
            Payload::Plain
        };
        froms.push(try_from(
            &name,
            &vname,
            &ctor,
            &payload,
            t.variants.len(),
            cx,
        ));
    }
    let serializable = serializable_by_variant(&quote!(#name), &writes, here, cx);
    let eq = encoding_eq(&name, false, cx);
    let json = tdjson::enum_impls(
        &name,
        tl_name,
        &tagged,
        cx.debug.json_enum(&t.path, here, cx),
        here,
        cx,
    );
    let accessors = super::accessors::accessors(t, model, here, cx);
    let conversions = super::conversions::conversions(t, model, here, cx);
    let enter = super::tri(quote!(r.enter(#tl_name)));
    let read_id = super::tri(quote!(r.read_constructor(#tl_name)));
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

            #accessors
        }

        #eq

        #debug

        #serializable

        impl #rt::Deserializable for #name {
            fn deserialize(r: &mut #reader<'_>) -> #result<Self, #error> {
                #enter;
                let id = #read_id;
                let value = match id {
                    #(#reads)*
                    _ => Err(r.unexpected_constructor(id, #tl_name)),
                };
                r.leave();
                value
            }
        }

        #(#froms)*

        #conversions

        #json
    }
}

/// `TryFrom<enum>` for the struct of one of its variants, with
/// [`Config::try_from`](crate::Config::try_from), for a variant holding
/// `payload`. The enum comes back when it holds another constructor.
fn try_from(
    name: &proc_macro2::Ident,
    vname: &proc_macro2::Ident,
    ctor: &TokenStream,
    payload: &Payload,
    variants: usize,
    cx: &Context<'_>,
) -> TokenStream {
    if !cx.config.try_from {
        return quote!();
    }
    let (pattern, value) = match payload {
        Payload::Unit => (quote!(#name::#vname), quote!(#ctor {})),
        Payload::Plain => (quote!(#name::#vname(x)), quote!(x)),
        Payload::Boxed => (quote!(#name::#vname(x)), quote!(*x)),
    };
    // A one-variant enum has no other value to give back.
    let other = (variants > 1).then(|| quote!(other => ::std::result::Result::Err(other),));
    quote! {
        impl ::std::convert::TryFrom<#name> for #ctor {
            type Error = #name;
            #[inline]
            fn try_from(value: #name) -> ::std::result::Result<Self, #name> {
                match value {
                    #pattern => ::std::result::Result::Ok(#value),
                    #other
                }
            }
        }
    }
}

/// `Serializable` for an enum whose every variant serializes itself: one match
/// arm per variant (`writes`).
fn serializable_by_variant(
    name: &TokenStream,
    writes: &[TokenStream],
    here: Here,
    cx: &Context<'_>,
) -> TokenStream {
    let rt = &cx.runtime;
    let Spellings { writer, sized, .. } = Spellings::at(here, cx);
    quote! {
        impl #rt::Serializable for #name {
            fn serialize<W: #writer + ?#sized>(&self, out: &mut W) {
                match self {
                    #(#writes)*
                }
            }
        }
    }
}

/// One variant of `AnyFunction` or `AnyObject`.
struct AnyItem<'a> {
    variant: &'a str,
    /// The payload type, a path from the root.
    ty: TokenStream,
    id: u32,
    tl_name: &'a str,
    /// Whether decoding `id` gives this variant (see `Function::decoded_by_id`).
    decoded: bool,
    /// The variant's doc line.
    doc: String,
}

/// `AnyFunction`: decodes any request by its id, generic wrappers included.
pub fn any_function(model: &Model, cx: &Context<'_>) -> TokenStream {
    let here = ROOT;
    let winners: BTreeMap<u32, &str> = model
        .functions
        .iter()
        .filter(|f| f.decoded_by_id)
        .map(|f| (f.id, f.tl_name.as_str()))
        .collect();
    let items = model
        .functions
        .iter()
        .map(|f| {
            let path = here.to(Root::Functions, &f.path);
            let doc = match winners.get(&f.id) {
                Some(winner) if !f.decoded_by_id => format!(
                    " The `{}` function. Decoding never gives this variant: `{winner}` \
                     has the same id and more fields.",
                    f.tl_name
                ),
                _ => format!(" The `{}` function.", f.tl_name),
            };
            AnyItem {
                variant: &f.any_variant,
                ty: if f.generic.is_some() {
                    quote!(#path<AnyFunction>)
                } else {
                    path
                },
                id: f.id,
                tl_name: &f.tl_name,
                decoded: f.decoded_by_id,
                doc,
            }
        })
        .collect();
    any_enum(
        AnyNames {
            name: "AnyFunction",
            doc: &[
                " Any function of the schema: decodes a request whatever its id,",
                " generic wrappers such as `invokeWithLayer` included.",
            ],
            expected: "a function",
        },
        items,
        false,
        cx.function_decoding(),
        cx.debug.json_any_function(ROOT, cx),
        cx,
    )
}

/// `AnyObject`, generated when the schema uses `Object` (and for TDLib's
/// JSON, where it reads anything `td_receive` gives): any boxed value,
/// decoded by its constructor id or its `@type`.
pub fn any_object(model: &Model, cx: &Context<'_>) -> TokenStream {
    if !model.any_object && !cx.tdlib_json() {
        return quote!();
    }
    let items = model
        .constructors
        .iter()
        .map(|c| AnyItem {
            variant: &c.any_variant,
            ty: ROOT.to(Root::Types, &c.path),
            id: c.id,
            tl_name: &c.tl_name,
            decoded: true,
            doc: format!(" The `{}` constructor.", c.tl_name),
        })
        .collect();
    any_enum(
        AnyNames {
            name: "AnyObject",
            doc: &[
                " Any value of the schema (`Object`): decodes a boxed value whatever its constructor.",
            ],
            expected: "an object",
        },
        items,
        true,
        true,
        cx.debug.json_any_object(ROOT, cx),
        cx,
    )
}

/// The root is the including module: its names are unknown, so prelude
/// items are spelled out in full.
const ROOT: Here = Here {
    depth: 0,
    std_shadowed: true,
};

/// What the rustdoc and errors of an `Any` enum say: its name, its doc
/// lines, and what decoding expected.
struct AnyNames<'a> {
    name: &'a str,
    doc: &'a [&'a str],
    expected: &'a str,
}

/// An enum over `items`, every payload boxed, with `tl_name()`,
/// `constructor_id()`, (de)serialization by id and, with `froms`, `From`
/// each payload; TDLib's JSON read through the table when `table` says how.
fn any_enum(
    AnyNames {
        name,
        doc,
        expected,
    }: AnyNames<'_>,
    items: Vec<AnyItem<'_>>,
    froms: bool,
    decodes: bool,
    table: Option<super::debug_table::JsonCalls>,
    cx: &Context<'_>,
) -> TokenStream {
    if items.is_empty() {
        return quote!();
    }
    let rt = &cx.runtime;
    let here = ROOT;
    let name = format_ident!("{}", name);
    let derives = enum_derives(cx, true);
    let mut variants = Vec::new();
    let mut writes = Vec::new();
    let mut reads = Vec::new();
    let mut names = Vec::new();
    let mut ids = Vec::new();
    let mut from_impls = Vec::new();
    let mut tagged = Vec::new();
    for item in &items {
        let vname = format_ident!("{}", item.variant);
        let ty = &item.ty;
        tagged.push(TaggedVariant {
            tag: item.tl_name,
            variant: vname.clone(),
            ty: ty.clone(),
            payload: Payload::Boxed,
        });
        let id = hex_literal(item.id);
        let tl_name = item.tl_name;
        let vdoc = &item.doc;
        variants.push(quote!(#[doc = #vdoc] #vname(::std::boxed::Box<#ty>),));
        writes.push(quote!(Self::#vname(x) => x.serialize(out),));
        if item.decoded {
            reads.push(quote!(#id => match <#ty>::deserialize(r) {
                    Ok(v) => Ok(Self::#vname(::std::boxed::Box::new(v))),
                    Err(e) => Err(e),
                },));
        }
        names.push(quote!(Self::#vname(_) => #tl_name,));
        ids.push(quote!(Self::#vname(_) => #id,));
        if froms {
            from_impls.push(quote! {
                impl ::std::convert::From<#ty> for #name {
                    #[inline]
                    fn from(x: #ty) -> Self {
                        Self::#vname(::std::boxed::Box::new(x))
                    }
                }
            });
        }
    }
    let serializable = serializable_by_variant(&quote!(#name), &writes, here, cx);
    let eq = encoding_eq(&name, false, cx);
    let json = tdjson::enum_impls(&name, &name.to_string(), &tagged, table, here, cx);
    let Spellings { reader, error, .. } = Spellings::at(here, cx);
    let deserializable = decodes.then(|| {
        quote! {
            impl #rt::Deserializable for #name {
                fn deserialize(r: &mut #reader<'_>) -> ::std::result::Result<Self, #error> {
                    r.enter(#expected)?;
                    let id = r.peek_u32()?;
                    let value = match id {
                        #(#reads)*
                        _ => {
                            let _ = r.read_constructor(#expected)?;
                            Err(r.unexpected_constructor(id, #expected))
                        }
                    };
                    r.leave();
                    value
                }
            }
        }
    });
    quote! {
        #(#[doc = #doc])*
        #derives
        pub enum #name {
            #(#variants)*
        }

        impl #name {
            /// The TL name of the value's constructor or function.
            pub fn tl_name(&self) -> &'static str {
                match self {
                    #(#names)*
                }
            }

            /// The constructor id of the value.
            pub fn constructor_id(&self) -> u32 {
                match self {
                    #(#ids)*
                }
            }
        }

        #eq

        #serializable

        #deserializable

        #(#from_impls)*

        #json
    }
}
