//! The Rust type a field has in the generated struct, as text, so that a
//! change is Rust-breaking only when that type changes.

use crate::model::layout::RustType;
use crate::model::{FieldKind, FieldModel, WireType};

/// The field's Rust type as the generated struct declares it (`i32`,
/// `Option<enums::Peer>`, `bool` for a `true` flag), or `None` when the
/// struct has no such field (a Telegram flags word, a repetition's count).
/// A field held in the struct of the fields that share its bit is given the
/// type it would have on its own: moving in or out of that struct is a
/// change of its own.
pub fn of(f: &FieldModel) -> Option<String> {
    Some(match &f.kind {
        FieldKind::TrueFlag(_) => "bool".to_owned(),
        FieldKind::Value { ty, flag: None } => text(&RustType::of(ty, false)),
        FieldKind::Value { ty, flag: Some(_) } => {
            format!("Option<{}>", text(&RustType::of(ty, false)))
        }
        FieldKind::Flags {
            keep_other_bits: true,
        } => "u32".to_owned(),
        FieldKind::Flags {
            keep_other_bits: false,
        }
        | FieldKind::Count { .. } => return None,
        FieldKind::Group { path, .. } => format!(
            "Option<{}>",
            text(&RustType::of(&WireType::Bare(path.clone()), false))
        ),
    })
}

/// `Vec<enums::Peer>`: generated items by their path below the output's
/// root, runtime items below `tl_runtime`.
fn text(ty: &RustType) -> String {
    ty.text("", "tl_runtime")
}
