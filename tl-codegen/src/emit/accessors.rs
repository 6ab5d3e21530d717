//! Accessors on a boxed type's enum for the fields its constructors share
//! ([`Config::accessors`](crate::Config::accessors); the rule is
//! `model::shared_fields`'s).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::Context;
use super::paths::{Here, ident, rust_type};
use crate::model::shared_fields::{Held, shared_fields};
use crate::model::{BoxedType, Model};

/// The accessor methods of `t`'s enum (to go in its `impl` block), or
/// nothing when the configuration does not ask for them.
pub fn accessors(t: &BoxedType, model: &Model, here: Here, cx: &Context<'_>) -> TokenStream {
    if !cx.config.accessors {
        return quote!();
    }
    let option = here.std("Option");
    let methods = shared_fields(t, model).fields.into_iter().map(|field| {
        let method = ident(&field.rust_name);
        let ty = rust_type(&field.ty, here, cx);
        let by_value = field.by_value(cx.config.zero_copy);
        let always = field.always();
        let returned = match (always, by_value) {
            (true, true) => quote!(#ty),
            (true, false) => quote!(&#ty),
            (false, true) => quote!(#option<#ty>),
            (false, false) => quote!(#option<&#ty>),
        };
        let mut holders = Vec::new();
        let arms = t.variants.iter().zip(&field.held).filter_map(|(v, held)| {
            let vname = format_ident!("{}", v.name);
            let read = match (held, always, by_value) {
                (Held::Absent, ..) => return None,
                (Held::Plain, true, true) => quote!(x.#method),
                (Held::Plain, true, false) => quote!(&x.#method),
                (Held::Plain, false, true) => quote!(#option::Some(x.#method)),
                (Held::Plain, false, false) => quote!(#option::Some(&x.#method)),
                (Held::Optional, _, true) => quote!(x.#method),
                (Held::Optional, _, false) => quote!(x.#method.as_ref()),
            };
            holders.push(model.constructors[v.constructor].tl_name.as_str());
            Some(quote!(Self::#vname(x) => #read,))
        });
        let arms: Vec<TokenStream> = arms.collect();
        let rest =
            (!always && holders.len() < t.variants.len()).then(|| quote!(_ => #option::None,));
        let doc = if always {
            format!(" The `{}` of every constructor.", field.tl_name)
        } else {
            format!(
                " The `{}` of {}; `None` for the other constructors{}.",
                field.tl_name,
                list(&holders),
                if field.held.contains(&Held::Optional) {
                    " and when it is not set"
                } else {
                    ""
                }
            )
        };
        quote! {
            #[doc = #doc]
            pub fn #method(&self) -> #returned {
                match self {
                    #(#arms)*
                    #rest
                }
            }
        }
    });
    quote!(#(#methods)*)
}

/// `` `a`, `b` and `c` `` (the first four, then how many more).
fn list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    if quoted.len() > 4 {
        return format!("{} and {} more", quoted[..4].join(", "), quoted.len() - 4);
    }
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, init)) => format!("{} and {last}", init.join(", ")),
        None => String::new(),
    }
}
