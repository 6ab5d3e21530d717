//! `new` with the required fields, on the structs that have optional ones
//! ([`Config::new_methods`](crate::Config::new_methods)).

use proc_macro2::TokenStream;
use quote::quote;

use super::Context;
use super::paths::{Here, ident, rust_type};
use crate::model::{FieldKind, FieldModel, WireType};

/// How `new` sets a stored field.
enum Start {
    /// From an argument of its type.
    Argument,
    /// From a text argument (`impl Into<String>`).
    Text,
    /// `None`, `false` or `0`: not required.
    Empty(TokenStream),
}

fn start(f: &FieldModel, here: Here, cx: &Context<'_>) -> Start {
    let none = {
        let option = here.std("Option");
        quote!(#option::None)
    };
    match &f.kind {
        FieldKind::Value { flag: Some(_), .. }
        | FieldKind::Value {
            ty: WireType::Nullable(_),
            ..
        }
        | FieldKind::Group { .. } => Start::Empty(none),
        FieldKind::TrueFlag(_) => Start::Empty(quote!(false)),
        FieldKind::Flags { .. } | FieldKind::Count { .. } => Start::Empty(quote!(0)),
        FieldKind::Value {
            ty: WireType::String,
            flag: None,
        } if !cx.config.zero_copy => Start::Text,
        FieldKind::Value { flag: None, .. } => Start::Argument,
    }
}

/// `impl Name { pub fn new(..) -> Self }` for a struct with `fields`, or
/// nothing when the configuration does not ask for it or no field is
/// optional (the struct literal says as much).
pub fn new_method(
    name: &proc_macro2::Ident,
    generics: &TokenStream,
    fields: &[FieldModel],
    here: Here,
    cx: &Context<'_>,
) -> TokenStream {
    if !cx.config.new_methods {
        return quote!();
    }
    let stored: Vec<&FieldModel> = fields.iter().filter(|f| f.is_stored()).collect();
    let starts: Vec<Start> = stored.iter().map(|f| start(f, here, cx)).collect();
    let optional = stored
        .iter()
        .zip(&starts)
        .any(|(f, s)| matches!(s, Start::Empty(_)) && !matches!(f.kind, FieldKind::Flags { .. }));
    if !optional {
        return quote!();
    }
    let mut params = Vec::new();
    let mut inits = Vec::new();
    let mut required = Vec::new();
    for (f, s) in stored.iter().zip(starts) {
        let field = ident(&f.rust_name);
        match s {
            Start::Argument => {
                let FieldKind::Value { ty, .. } = &f.kind else {
                    continue;
                };
                let ty = rust_type(ty, here, cx);
                params.push(quote!(#field: #ty));
                inits.push(quote!(#field));
                required.push(format!("`{}`", f.tl_name));
            }
            Start::Text => {
                let string = here.std("String");
                let into = here.std("Into");
                params.push(quote!(#field: impl #into<#string>));
                inits.push(quote!(#field: #field.into()));
                required.push(format!("`{}`", f.tl_name));
            }
            Start::Empty(value) => inits.push(quote!(#field: #value)),
        }
    }
    let doc = if required.is_empty() {
        " A value with every field unset.".to_owned()
    } else {
        format!(
            " A value from its required fields ({}), every optional one unset.",
            required.join(", ")
        )
    };
    // Clippy's view of a long argument list, or of a `new()` without
    // `Default`, does not fit a constructor the schema dictates.
    let allow = if params.is_empty() {
        quote!(#[allow(clippy::new_without_default)])
    } else if params.len() > 7 {
        quote!(#[allow(clippy::too_many_arguments)])
    } else {
        quote!()
    };
    quote! {
        impl #generics #name #generics {
            #[doc = #doc]
            #allow
            pub fn new(#(#params),*) -> Self {
                Self { #(#inits),* }
            }
        }
    }
}
