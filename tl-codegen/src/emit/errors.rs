//! The typed RPC errors: an `errors` module with `RpcError` (one variant
//! per known error, a named number field for names like `FLOOD_WAIT_X`, and
//! `Other` for the rest) and the fieldless `RpcErrorKind`, plus each
//! function's `ERRORS` list.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::Context;
use super::paths::Here;
use crate::docs::text::paragraph;
use crate::model::{Function, Model, RpcErrorModel};

/// The `errors` module, or nothing without error tables.
pub fn errors_module(model: &Model) -> TokenStream {
    if model.rpc_errors.is_empty() {
        return quote!();
    }
    let errors = &model.rpc_errors;
    let variant = |e: &RpcErrorModel| format_ident!("{}", e.variant);
    let code = |e: &RpcErrorModel| Literal::i32_unsuffixed(e.codes.first().copied().unwrap_or(400));

    let variants = errors.iter().map(|e| {
        let v = variant(e);
        let codes: Vec<String> = e.codes.iter().map(i32::to_string).collect();
        let doc = format!(
            " `{}` ({}): {}",
            e.name,
            codes.join(", "),
            paragraph(&e.description, &[])
        );
        match &e.number {
            Some(n) => {
                let field = format_ident!("{}", n.field);
                let field_doc = format!(" The number in the message (`{}`).", e.name);
                quote! {
                    #[doc = #doc]
                    #v {
                        #[doc = #field_doc]
                        #field: u32,
                    },
                }
            }
            None => quote!(#[doc = #doc] #v,),
        }
    });
    let kinds = errors.iter().map(|e| {
        let v = variant(e);
        let doc = format!(" `{}`.", e.name);
        quote!(#[doc = #doc] #v,)
    });
    let exact = errors.iter().filter(|e| e.number.is_none()).map(|e| {
        let (v, name) = (variant(e), &e.name);
        quote!(#name => return Self::#v,)
    });
    let mut patterns: Vec<&RpcErrorModel> = errors.iter().filter(|e| e.number.is_some()).collect();
    // The most specific pattern first.
    patterns.sort_by_key(|e| {
        let n = e
            .number
            .as_ref()
            .map_or(0, |n| n.prefix.len() + n.suffix.len());
        std::cmp::Reverse(n)
    });
    let pattern_checks = patterns.iter().filter_map(|e| {
        let n = e.number.as_ref()?;
        let (v, field, prefix, suffix) = (
            variant(e),
            format_ident!("{}", n.field),
            &n.prefix,
            &n.suffix,
        );
        Some(quote! {
            if let Some(number) = message
                .strip_prefix(#prefix)
                .and_then(|rest| rest.strip_suffix(#suffix))
                .and_then(|number| number.parse::<u32>().ok())
            {
                return Self::#v { #field: number };
            }
        })
    });
    let pattern = |e: &RpcErrorModel| {
        let v = variant(e);
        if e.number.is_some() {
            quote!(Self::#v { .. })
        } else {
            quote!(Self::#v)
        }
    };
    let code_arms = errors.iter().map(|e| {
        let (p, c) = (pattern(e), code(e));
        quote!(#p => #c,)
    });
    let name_arms = errors.iter().map(|e| {
        let (p, name) = (pattern(e), &e.name);
        quote!(#p => #name,)
    });
    let description_arms = errors.iter().map(|e| {
        let (p, d) = (pattern(e), &e.description);
        quote!(#p => #d,)
    });
    let kind_arms = errors.iter().map(|e| {
        let (p, v) = (pattern(e), variant(e));
        quote!(#p => Some(RpcErrorKind::#v),)
    });
    let display_arms = errors.iter().map(|e| {
        let (v, c) = (variant(e), code(e));
        match &e.number {
            Some(n) => {
                let (field, prefix, suffix) = (format_ident!("{}", n.field), &n.prefix, &n.suffix);
                let format = format!("{prefix}{{}}{suffix} ({c}): {{}}");
                quote!(Self::#v { #field } => write!(f, #format, #field, self.description()),)
            }
            None => {
                let format = format!("{} ({c}): {{}}", e.name);
                quote!(Self::#v => write!(f, #format, self.description()),)
            }
        }
    });
    quote! {
        /// The RPC errors of the error tables, typed.
        pub mod errors {
            /// An RPC error, parsed from the code and message of an
            /// `rpc_error` with [`RpcError::parse`]: a known error by its
            /// name (the number of a name such as `FLOOD_WAIT_X` in a named
            /// field), anything else as [`RpcError::Other`].
            #[derive(Debug, Clone, PartialEq, Eq)]
            pub enum RpcError {
                #(#variants)*
                /// An error the tables do not know, kept as it came.
                Other {
                    /// The error code.
                    code: i32,
                    /// The error message.
                    message: ::std::string::String,
                },
            }

            /// Which known error an [`RpcError`] is, without its number:
            /// what a function's `ERRORS` list holds.
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub enum RpcErrorKind {
                #(#kinds)*
            }

            impl RpcError {
                /// The error an `rpc_error` with this code and message stands
                /// for. Exact names match before names with a number.
                pub fn parse(code: i32, message: &str) -> Self {
                    match message {
                        #(#exact)*
                        _ => {}
                    }
                    #(#pattern_checks)*
                    Self::Other {
                        code,
                        message: message.to_owned(),
                    }
                }

                /// The error code (for a known error, the one the tables give first).
                pub fn code(&self) -> i32 {
                    match self {
                        #(#code_arms)*
                        Self::Other { code, .. } => *code,
                    }
                }

                /// The error's name as the tables spell it (`FLOOD_WAIT_X`);
                /// an unknown error's message.
                pub fn name(&self) -> &str {
                    match self {
                        #(#name_arms)*
                        Self::Other { message, .. } => message,
                    }
                }

                /// What the error means (empty for an unknown error).
                pub fn description(&self) -> &'static str {
                    match self {
                        #(#description_arms)*
                        Self::Other { .. } => "",
                    }
                }

                /// Which known error this is.
                pub fn kind(&self) -> ::std::option::Option<RpcErrorKind> {
                    match self {
                        #(#kind_arms)*
                        Self::Other { .. } => None,
                    }
                }
            }

            impl ::std::fmt::Display for RpcError {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    match self {
                        #(#display_arms)*
                        Self::Other { code, message } => write!(f, "{message} ({code})"),
                    }
                }
            }

            impl ::std::error::Error for RpcError {}
        }
    }
}

/// `impl F { pub const ERRORS: &[RpcErrorKind] }` for a function whose
/// documentation lists known errors.
pub fn function_errors(
    f: &Function,
    name: &proc_macro2::Ident,
    generics: &TokenStream,
    here: Here,
    cx: &Context<'_>,
) -> TokenStream {
    if !cx.typed_errors() {
        return quote!();
    }
    let mut variants: Vec<&str> = f
        .errors
        .iter()
        .filter_map(|e| e.variant.as_deref())
        .collect();
    variants.sort_unstable();
    variants.dedup();
    if variants.is_empty() {
        return quote!();
    }
    let kind = here.root_item("errors");
    let variants = variants.iter().map(|v| format_ident!("{}", v));
    quote! {
        impl #generics #name #generics {
            /// The errors the documentation says this function can return.
            pub const ERRORS: &'static [#kind::RpcErrorKind] = &[#(#kind::RpcErrorKind::#variants),*];
        }
    }
}
