//! The typed RPC errors: an `errors` module with `RpcError` (the code as
//! received and the parsed message), `RpcMessage` (one variant per known
//! error, a named number field for names like `FLOOD_WAIT_X`, and `Other`
//! for the rest) and the fieldless `RpcErrorKind` with each error's name,
//! codes and description, plus each function's `ERRORS` list.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::Context;
use super::paths::Here;
use crate::docs::text::{self, paragraph};
use crate::model::{Function, Model, NumberField, RpcErrorModel};

/// The `errors` module, or nothing without error tables.
pub fn errors_module(model: &Model) -> TokenStream {
    if model.rpc_errors.is_empty() {
        return quote!();
    }
    let errors = &model.rpc_errors;
    let variant = |e: &RpcErrorModel| format_ident!("{}", e.variant);

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
        let doc = format!(" `{}`: [`RpcMessage::{}`].", e.name, e.variant);
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
    let kind_arms = errors.iter().map(|e| {
        let v = variant(e);
        let pattern = if e.number.is_some() {
            quote!(Self::#v { .. })
        } else {
            quote!(Self::#v)
        };
        quote!(#pattern => Some(RpcErrorKind::#v),)
    });
    let name_arms = errors.iter().map(|e| {
        let (v, name) = (variant(e), &e.name);
        quote!(Self::#v => #name,)
    });
    let codes_arms = errors.iter().map(|e| {
        let v = variant(e);
        let codes = e.codes.iter().map(|c| Literal::i32_unsuffixed(*c));
        quote!(Self::#v => &[#(#codes),*],)
    });
    let description_arms = errors.iter().map(|e| {
        let (v, d) = (variant(e), &e.description);
        quote!(Self::#v => #d,)
    });
    let numbered_display = errors.iter().filter_map(|e| {
        let n = e.number.as_ref()?;
        let (v, field) = (variant(e), format_ident!("{}", n.field));
        let format = display_format(n, &e.description);
        Some(quote!(RpcMessage::#v { #field } => write!(f, #format, n = #field, code = self.code),))
    });
    let exact_display = errors.iter().any(|e| e.number.is_none()).then(|| {
        quote! {
            known => match known.kind() {
                Some(kind) => write!(f, "{} ({}): {}", kind.name(), self.code, kind.description()),
                None => Ok(()),
            },
        }
    });
    quote! {
        /// The RPC errors of the error tables, typed.
        pub mod errors {
            /// An RPC error as received (the `error_code` and `error_message`
            /// of an `rpc_error`), parsed with [`RpcError::parse`].
            #[derive(Debug, Clone, PartialEq, Eq)]
            pub struct RpcError {
                /// The error code, as received.
                pub code: i32,
                /// The message: a known error (with its number) or
                /// [`RpcMessage::Other`].
                pub message: RpcMessage,
            }

            /// What an RPC error's message says: a known error by its name
            /// (the number of a name such as `FLOOD_WAIT_X` in a named
            /// field), anything else as [`RpcMessage::Other`].
            #[derive(Debug, Clone, PartialEq, Eq)]
            pub enum RpcMessage {
                #(#variants)*
                /// A message the tables do not know, as it came.
                Other(::std::string::String),
            }

            /// Which known error a message is, without its number: what a
            /// function's `ERRORS` list holds.
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub enum RpcErrorKind {
                #(#kinds)*
            }

            impl RpcError {
                /// The error an `rpc_error` with this code and message
                /// stands for; the code is kept as received.
                pub fn parse(code: i32, message: &str) -> Self {
                    Self {
                        code,
                        message: RpcMessage::parse(message),
                    }
                }

                /// Which known error this is.
                pub fn kind(&self) -> ::std::option::Option<RpcErrorKind> {
                    self.message.kind()
                }

                /// The error's name as the tables spell it (`FLOOD_WAIT_X`);
                /// an unknown error's message.
                pub fn name(&self) -> &str {
                    match &self.message {
                        RpcMessage::Other(message) => message,
                        known => known.kind().map_or("", RpcErrorKind::name),
                    }
                }

                /// What the error means, as the tables say it (a number
                /// reads `{seconds}` or `%d`; [`std::fmt::Display`] fills it
                /// in); empty for an unknown error.
                pub fn description(&self) -> &'static str {
                    self.kind().map_or("", RpcErrorKind::description)
                }
            }

            impl RpcMessage {
                /// The known error `message` names. Matching is exact,
                /// letter case included: Telegram writes its names in upper
                /// case, so `flood_wait_30` is [`RpcMessage::Other`]. Exact
                /// names match before names with a number, and a longer
                /// pattern before a shorter one.
                pub fn parse(message: &str) -> Self {
                    match message {
                        #(#exact)*
                        _ => {}
                    }
                    #(#pattern_checks)*
                    Self::Other(message.to_owned())
                }

                /// Which known error this is (`None` for [`RpcMessage::Other`]).
                pub fn kind(&self) -> ::std::option::Option<RpcErrorKind> {
                    match self {
                        #(#kind_arms)*
                        Self::Other(_) => None,
                    }
                }
            }

            impl RpcErrorKind {
                /// The name as the tables spell it, `X` for a number
                /// (`FLOOD_WAIT_X`).
                pub fn name(self) -> &'static str {
                    match self {
                        #(#name_arms)*
                    }
                }

                /// The codes it comes with, the usual one first.
                pub fn codes(self) -> &'static [i32] {
                    match self {
                        #(#codes_arms)*
                    }
                }

                /// What it means, as the tables say it.
                pub fn description(self) -> &'static str {
                    match self {
                        #(#description_arms)*
                    }
                }
            }

            /// `FLOOD_WAIT_30 (420): A wait of 30 seconds is required`: the
            /// message, the code received and the description with the
            /// number filled in; an unknown error is its message and code.
            impl ::std::fmt::Display for RpcError {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    match &self.message {
                        #(#numbered_display)*
                        RpcMessage::Other(message) => write!(f, "{message} ({})", self.code),
                        #exact_display
                    }
                }
            }

            impl ::std::error::Error for RpcError {}
        }
    }
}

/// The `write!` format of a numbered error: the message with the number as
/// `{n}`, the code as `{code}`, and the description with its placeholder
/// (`{seconds}`, or `%d`) as `{n}` too; other braces escaped.
fn display_format(number: &NumberField, description: &str) -> String {
    let escape = |text: &str| text.replace('{', "{{").replace('}', "}}");
    let mut out = format!(
        "{}{{n}}{} ({{code}}): ",
        escape(&number.prefix),
        escape(&number.suffix)
    );
    let mut rest = description;
    while !rest.is_empty() {
        let at = rest.find(['{', '%']).unwrap_or(rest.len());
        out.push_str(&escape(&rest[..at]));
        rest = &rest[at..];
        if let Some(after) = rest.strip_prefix("%d") {
            out.push_str("{n}");
            rest = after;
        } else if let Some(name) = rest.strip_prefix('{').and_then(text::placeholder_name) {
            out.push_str("{n}");
            rest = &rest[name.len() + 2..];
        } else if let Some(c) = rest.chars().next() {
            out.push_str(&escape(&rest[..c.len_utf8()]));
            rest = &rest[c.len_utf8()..];
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    fn number(prefix: &str, suffix: &str) -> NumberField {
        NumberField {
            prefix: prefix.to_owned(),
            suffix: suffix.to_owned(),
            field: "seconds".to_owned(),
        }
    }

    #[test]
    fn display_fills_the_number_in() {
        assert_eq!(
            display_format(
                &number("FLOOD_WAIT_", ""),
                "A wait of {seconds} seconds is required"
            ),
            "FLOOD_WAIT_{n} ({code}): A wait of {n} seconds is required"
        );
        assert_eq!(
            display_format(
                &number("FILE_REFERENCE_", "_EXPIRED"),
                "The file at index %d {expired} 100% {} {"
            ),
            "FILE_REFERENCE_{n}_EXPIRED ({code}): The file at index {n} {n} 100% {{}} {{"
        );
    }
}
