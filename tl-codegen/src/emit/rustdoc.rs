//! The rustdoc sections added when documentation inputs are given: links to
//! the official pages, field types as intra-doc links, a function's result,
//! possible errors and bot usability, the functions returning a type.
//! Without documentation inputs none of this is emitted.

use super::Context;
use super::paths::{Here, Root, rust_type};
use crate::model::{BoxedType, Function, Model, WireType};

/// A path as text, for an intra-doc link or an attribute's string
/// (`super::super::enums::User`).
pub(super) fn link_path(tokens: proc_macro2::TokenStream) -> String {
    tokens.to_string().replace(' ', "")
}

/// The type as Markdown in TL spelling, each item an intra-doc link:
/// ``[`InputChannel`](super::super::enums::InputChannel)``,
/// ``Vector<[`InputUser`](...)>``, `` `string` ``.
pub fn type_link(ty: &WireType, here: Here, cx: &Context<'_>) -> String {
    match ty {
        WireType::Boxed(path) | WireType::Bare(path) => {
            // The label is the path from the generated root, which does not
            // resolve where the link stands (rustdoc would call the target
            // redundant otherwise).
            let root = if matches!(ty, WireType::Boxed(_)) {
                Root::Enums
            } else {
                Root::Types
            };
            let label: Vec<&str> = std::iter::once(root.name())
                .chain(path.module.iter().map(String::as_str))
                .chain([path.name.as_str()])
                .collect();
            format!(
                "[`{}`]({})",
                label.join("::"),
                link_path(rust_type(ty, here, cx))
            )
        }
        WireType::Vector { elem, .. } | WireType::Rows { elem, .. } => {
            format!("`Vector<`{}`>`", type_link(elem, here, cx))
        }
        WireType::Array { len, elem } => format!("`{len}*[`{}`]`", type_link(elem, here, cx)),
        WireType::Nullable(inner) => format!("{} (may be null)", type_link(inner, here, cx)),
        WireType::AnyObject => format!("[`AnyObject`]({})", link_path(here.root_item("AnyObject"))),
        WireType::AnyFunction => {
            format!(
                "[`AnyFunction`]({})",
                link_path(here.root_item("AnyFunction"))
            )
        }
        WireType::Generic(name) => format!("`{name}`"),
        WireType::Raw => "raw bytes".to_owned(),
        other => format!("`{}`", primitive_name(other)),
    }
}

fn primitive_name(ty: &WireType) -> &'static str {
    match ty {
        WireType::Int => "int",
        WireType::Long => "long",
        WireType::Int53 => "int53",
        WireType::Double => "double",
        WireType::Nat => "#",
        WireType::Int128 => "int128",
        WireType::Int256 => "int256",
        WireType::String => "string",
        WireType::Bytes => "bytes",
        WireType::Bool => "Bool",
        WireType::True => "true",
        _ => "?",
    }
}

/// ` [Official page](https://core.telegram.org/KIND/NAME)` lines, when the
/// model links to official pages.
pub fn official_page(model_links: bool, kind: &str, name: &str) -> Vec<String> {
    if model_links {
        vec![
            String::new(),
            format!(" [Official page](https://core.telegram.org/{kind}/{name})"),
        ]
    } else {
        Vec::new()
    }
}

/// A function's result, possible errors and bot usability.
pub fn function_sections(f: &Function, here: Here, cx: &Context<'_>) -> Vec<String> {
    let mut lines = vec![
        String::new(),
        " # Result".to_owned(),
        String::new(),
        format!(" {}", type_link(&f.returns, here, cx)),
    ];
    if !f.errors.is_empty() {
        lines.extend([
            String::new(),
            " # Possible errors".to_owned(),
            String::new(),
            " | Code | Type | Description |".to_owned(),
            " | ---- | ---- | ----------- |".to_owned(),
        ]);
        let errors = link_path(here.root_item("errors"));
        for e in &f.errors {
            // A typed error links to its variant of `RpcMessage`.
            let name = match &e.variant {
                Some(variant) if cx.typed_errors() => {
                    format!("[`{}`]({errors}::RpcMessage::{variant})", e.name)
                }
                _ => format!("`{}`", e.name),
            };
            let description = e.description.as_deref().unwrap_or("");
            lines.push(format!(" | {} | {name} | {description} |", e.code));
        }
    }
    if let Some(usability) = f.usability {
        lines.extend([
            String::new(),
            " # Can bots use this method?".to_owned(),
            String::new(),
            format!(" {}", usability.bots()),
        ]);
    }
    lines
}

/// A type's section listing the functions that return it.
pub fn type_sections(t: &BoxedType, model: &Model, here: Here) -> Vec<String> {
    let returning: Vec<String> = model
        .functions
        .iter()
        .filter(|f| returns(&f.returns, t))
        .map(|f| {
            format!(
                "[`{}`]({})",
                f.tl_name,
                link_path(here.to(Root::Functions, &f.path))
            )
        })
        .collect();
    if returning.is_empty() {
        return Vec::new();
    }
    vec![
        String::new(),
        " # Returned by".to_owned(),
        String::new(),
        format!(" {}", returning.join(", ")),
    ]
}

/// Whether a function result is `t` or a vector of it.
fn returns(ty: &WireType, t: &BoxedType) -> bool {
    match ty {
        WireType::Boxed(path) => *path == t.path,
        WireType::Vector { elem, .. } => returns(elem, t),
        _ => false,
    }
}
