//! `TryFrom<&types::Source>` for input types, where the schema implies it
//! ([`Config::conversions`](crate::Config::conversions); the rule is
//! `model::conversions`'s).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::Context;
use super::paths::{Here, Root, ident};
use crate::model::conversions::conversions_into;
use crate::model::layout::RustType;
use crate::model::{BoxedType, Model};

/// The conversions into `t`'s enum, or nothing when the configuration does
/// not ask for them.
pub fn conversions(t: &BoxedType, model: &Model, here: Here, cx: &Context<'_>) -> TokenStream {
    if !cx.config.conversions {
        return quote!();
    }
    let rt = &cx.runtime;
    let name = format_ident!("{}", t.path.name);
    let impls = conversions_into(t, model).into_iter().map(|c| {
        let source = &model.constructors[c.source];
        let target = &model.constructors[c.target];
        let source_ty = here.to(Root::Types, &source.path);
        let target_ty = here.to(Root::Types, &target.path);
        let source_tl = source.tl_name.as_str();
        let inits = c.fields.iter().map(|f| {
            let (to, from, field_tl) = (ident(&f.target), ident(&f.source), f.source_tl.as_str());
            let copy = RustType::of(&f.ty, cx.config.zero_copy).is_small_copy();
            let missing = quote!(#rt::MissingField { constructor: #source_tl, field: #field_tl });
            let value = match (f.optional, copy) {
                (false, true) => quote!(x.#from),
                (false, false) => quote!(x.#from.clone()),
                (true, true) => quote!(x.#from.ok_or(#missing)?),
                (true, false) => quote!(x.#from.clone().ok_or(#missing)?),
            };
            quote!(#to: #value)
        });
        let fallible = c
            .fields
            .iter()
            .filter(|f| f.optional)
            .map(|f| format!("`{}`", f.source_tl));
        let fallible: Vec<String> = fallible.collect();
        let doc = if fallible.is_empty() {
            format!(
                " An `{}` from a `{source_tl}` (never fails).",
                target.tl_name
            )
        } else {
            format!(
                " An `{}` from a `{source_tl}`; fails when its {} is not set.",
                target.tl_name,
                fallible.join(" or ")
            )
        };
        quote! {
            #[doc = #doc]
            impl ::std::convert::TryFrom<&#source_ty> for #name {
                type Error = #rt::MissingField;
                fn try_from(x: &#source_ty) -> ::std::result::Result<Self, #rt::MissingField> {
                    ::std::result::Result::Ok(Self::from(#target_ty { #(#inits),* }))
                }
            }
        }
    });
    quote!(#(#impls)*)
}
