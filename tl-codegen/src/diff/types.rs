//! The changes to a boxed type both sides have: its name, and the Rust
//! names and shapes of the variants both sides have. Constructors added to
//! or removed from it are listed as added or removed constructors, once.

use std::collections::BTreeMap;

use super::{Change, Detail, ItemKind, change, rust_name, rust_path};
use crate::model::layout::{INLINE_BYTES, Payload};
use crate::model::{BoxedType, Constructor, Model, Variant};

/// Why a constructor's variant is boxed, or inline, on this side: the first
/// field that is not plain, the fields that share a flag bit, or the size.
fn boxing_reason(c: &Constructor, boxed: bool) -> String {
    match Payload::of(c) {
        Payload::Group(f) => format!(
            "fields of `{}` share a flag bit and are held in a struct, which is not plain",
            f.rust_name
        ),
        Payload::NotPlain(f) => format!(
            "field `{}:{}` is not plain (only numbers, strings, bytes and vectors of those stay inline)",
            f.tl_name, f.tl_type
        ),
        Payload::Plain(size) if boxed => {
            format!("its fields take about {size} bytes, more than the {INLINE_BYTES} kept inline")
        }
        Payload::Plain(size) => format!(
            "its fields are plain and take about {size} bytes, at most the {INLINE_BYTES} kept inline"
        ),
    }
}

/// The changes between two matched types: name, and the Rust names,
/// payloads and boxing of the variants both have. `renamed_ctor` maps old
/// constructor names to new ones.
pub fn compare_types(
    old_model: &Model,
    o: &BoxedType,
    new_model: &Model,
    n: &BoxedType,
    renamed_ctor: &BTreeMap<&str, &str>,
) -> Vec<Change> {
    let mut out = Vec::new();
    if o.tl_name != n.tl_name {
        out.push(change(
            Detail::Renamed {
                from: o.tl_name.clone(),
            },
            true,
            true,
        ));
    }
    let old_variants: BTreeMap<&str, &Variant> = o
        .variants
        .iter()
        .filter_map(|v| {
            let name = old_model.constructors.get(v.constructor)?.tl_name.as_str();
            Some((renamed_ctor.get(name).copied().unwrap_or(name), v))
        })
        .collect();
    let new_variants: BTreeMap<&str, &Variant> = n
        .variants
        .iter()
        .filter_map(|v| {
            let c = new_model.constructors.get(v.constructor)?;
            Some((c.tl_name.as_str(), v))
        })
        .collect();
    if o.tl_name == n.tl_name && o.path != n.path {
        out.push(rust_name(
            "the enum".to_owned(),
            rust_path(ItemKind::Type, &o.path),
            rust_path(ItemKind::Type, &n.path),
        ));
    }
    let enum_path = rust_path(ItemKind::Type, &n.path);
    for (name, nv) in &new_variants {
        let Some(ov) = old_variants.get(name) else {
            continue;
        };
        if ov.name != nv.name {
            out.push(rust_name(
                format!("the variant for `{name}`"),
                ov.name.clone(),
                nv.name.clone(),
            ));
        }
        let variant = format!("{enum_path}::{}", nv.name);
        if ov.unit != nv.unit {
            out.push(change(
                Detail::Payload {
                    variant,
                    unit: nv.unit,
                },
                true,
                true,
            ));
        } else if ov.boxed != nv.boxed {
            let reason = new_model
                .constructors
                .get(nv.constructor)
                .map(|c| boxing_reason(c, nv.boxed))
                .unwrap_or_default();
            out.push(change(
                Detail::Boxing {
                    variant,
                    boxed: nv.boxed,
                    reason,
                },
                true,
                true,
            ));
        }
    }
    out
}

/// Each constructor's variant (`enums::InputMedia::StakeDice`), by its
/// index in `model.constructors`.
pub fn variants(model: &Model) -> BTreeMap<usize, String> {
    let mut out = BTreeMap::new();
    for t in &model.types {
        let path = rust_path(ItemKind::Type, &t.path);
        for v in &t.variants {
            out.insert(v.constructor, format!("{path}::{}", v.name));
        }
    }
    out
}
