//! The changes to the fields of a matched constructor or function: which
//! fields pair up (by name, then renamed between the same kept fields), and
//! what changed in each, classified on the generated Rust and on the wire.

use std::collections::BTreeMap;

use super::matching::{longest_increasing, matching};
use super::{Change, Detail, RustTypes, change, rust_type};
use crate::model::{FieldKind, FieldModel, FlagBit};

/// The bit a field depends on, if it is conditional.
fn flag_of(f: &FieldModel) -> Option<&FlagBit> {
    match &f.kind {
        FieldKind::Value { flag, .. } => flag.as_ref(),
        FieldKind::TrueFlag(bit) => Some(bit),
        _ => None,
    }
}

fn condition(bit: &FlagBit) -> String {
    format!("{}.{}", bit.field, bit.bit)
}

/// The field's type as written, condition included.
fn written(f: &FieldModel) -> String {
    match flag_of(f) {
        Some(bit) => format!("{}?{}", condition(bit), f.tl_type),
        None => f.tl_type.clone(),
    }
}

/// The field's type, and for a `#` what it is used as (a `#` that became a
/// flags word changes its Rust shape without changing its TL type).
fn type_role(f: &FieldModel) -> String {
    match f.kind {
        FieldKind::Flags { .. } => format!("{} (flags)", f.tl_type),
        FieldKind::Count { .. } => format!("{} (count)", f.tl_type),
        _ => f.tl_type.clone(),
    }
}

/// Whether Rust code sees the field (directly, or in its group's struct).
fn visible(f: &FieldModel) -> bool {
    f.is_stored() || f.group.is_some()
}

/// The fields the schema spells (not the generated group fields): the TL
/// parameters, in order.
fn real_fields(fields: &[FieldModel]) -> Vec<&FieldModel> {
    fields
        .iter()
        .filter(|f| !matches!(f.kind, FieldKind::Group { .. }))
        .collect()
}

/// Fields renamed: among the fields left unpaired by name, those between the
/// same two kept fields (`anchors`, `(old, new)` in order) whose written
/// type is the same, when each side has as many of that type there. Where
/// the field sits counts, not its index: `message` gaining `pinned` before
/// `to_id` still renames `to_id` to `peer_id`.
fn renames(
    anchors: &[(usize, usize)],
    o: &[&FieldModel],
    n: &[&FieldModel],
    old_left: &[usize],
    new_left: &[usize],
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for gap in 0..=anchors.len() {
        let after = gap.checked_sub(1).and_then(|k| anchors.get(k));
        let before = anchors.get(gap);
        let inside = |i: usize, side: fn(&(usize, usize)) -> usize| {
            after.is_none_or(|a| i > side(a)) && before.is_none_or(|b| i < side(b))
        };
        let mut by_type: BTreeMap<String, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
        for &i in old_left.iter().filter(|&&i| inside(i, |p| p.0)) {
            by_type.entry(written(o[i])).or_default().0.push(i);
        }
        for &j in new_left.iter().filter(|&&j| inside(j, |p| p.1)) {
            by_type.entry(written(n[j])).or_default().1.push(j);
        }
        for (olds, news) in by_type.values() {
            if olds.len() == news.len() {
                out.extend(olds.iter().copied().zip(news.iter().copied()));
            }
        }
    }
    out
}

/// The changes to the fields. `same_id` says whether the id stayed: a `true`
/// flag added or removed then leaves every value decodable by the other
/// side (an unknown bit is ignored).
pub fn compare_fields(
    old: &[FieldModel],
    new: &[FieldModel],
    same_id: bool,
    out: &mut Vec<Change>,
) {
    let bit_only = |f: &FieldModel| same_id && matches!(f.kind, FieldKind::TrueFlag(_));
    let (o, n) = (real_fields(old), real_fields(new));
    let mut m = matching(&o, &n, |f| f.tl_name.as_str(), |_| None::<()>);
    m.pairs.sort_by_key(|&(_, j)| j);
    let kept = longest_increasing(&m.pairs.iter().map(|p| p.0).collect::<Vec<_>>());
    let anchors: Vec<(usize, usize)> = kept.iter().map(|&k| m.pairs[k]).collect();
    for (i, j) in renames(&anchors, &o, &n, &m.old_left, &m.new_left) {
        m.old_left.retain(|&x| x != i);
        m.new_left.retain(|&x| x != j);
        m.pairs.push((i, j));
    }
    m.pairs.sort_by_key(|&(_, j)| j);

    for &i in &m.old_left {
        out.push(change(
            Detail::FieldRemoved {
                field: o[i].tl_name.clone(),
                ty: written(o[i]),
            },
            visible(o[i]),
            bit_only(o[i]),
        ));
    }
    let kept = longest_increasing(&m.pairs.iter().map(|p| p.0).collect::<Vec<_>>());
    for (j, f) in n.iter().enumerate() {
        let Some(k) = m.pairs.iter().position(|p| p.1 == j) else {
            out.push(change(
                Detail::FieldAdded {
                    field: f.tl_name.clone(),
                    ty: written(f),
                },
                visible(f),
                bit_only(f),
            ));
            continue;
        };
        let i = m.pairs[k].0;
        compare_field(o[i], f, out);
        if !kept.contains(&k) {
            out.push(change(
                Detail::FieldMoved {
                    field: f.tl_name.clone(),
                    old: i + 1,
                    new: j + 1,
                },
                false,
                false,
            ));
        }
    }
}

/// The changes to one field both sides have. The TL changes (optionality,
/// type) are wire changes; the field's Rust type is compared once, and
/// the change that carries it is breaking only when it differs.
fn compare_field(o: &FieldModel, n: &FieldModel, out: &mut Vec<Change>) {
    let seen = visible(o) || visible(n);
    if o.tl_name != n.tl_name {
        out.push(change(
            Detail::FieldRenamed {
                old: o.tl_name.clone(),
                new: n.tl_name.clone(),
            },
            seen && o.rust_name != n.rust_name,
            true,
        ));
    } else if o.rust_name != n.rust_name && seen {
        out.push(super::rust_name(
            format!("field `{}`", n.tl_name),
            o.rust_name.clone(),
            n.rust_name.clone(),
        ));
    }
    let field = n.tl_name.clone();
    let retyped = type_role(o) != type_role(n);
    let rust = match (rust_type::of(o), rust_type::of(n)) {
        (None, None) => None,
        (old, new) => Some(RustTypes { old, new }),
    };
    let rust_breaks = seen && rust.as_ref().is_some_and(RustTypes::changed);
    // The Rust types go with the retyping when there is one.
    let (on_flag, on_type) = if retyped { (None, rust) } else { (rust, None) };
    let flag_breaks = rust_breaks && !retyped;
    match (flag_of(o), flag_of(n)) {
        (None, Some(bit)) => out.push(change(
            Detail::FieldMadeOptional {
                field: field.clone(),
                flag: condition(bit),
                rust: on_flag,
            },
            flag_breaks,
            false,
        )),
        (Some(bit), None) => out.push(change(
            Detail::FieldMadeRequired {
                field: field.clone(),
                flag: condition(bit),
                rust: on_flag,
            },
            flag_breaks,
            false,
        )),
        (Some(a), Some(b)) if a != b => out.push(change(
            Detail::FieldFlagMoved {
                field: field.clone(),
                old: condition(a),
                new: condition(b),
            },
            false,
            false,
        )),
        _ => {}
    }
    if retyped {
        out.push(change(
            Detail::FieldRetyped {
                field: field.clone(),
                old: type_role(o),
                new: type_role(n),
                rust: on_type,
            },
            rust_breaks,
            false,
        ));
    }
    if o.group != n.group {
        out.push(change(
            Detail::FieldRegrouped {
                field,
                old: o.group.clone(),
                new: n.group.clone(),
            },
            true,
            true,
        ));
    }
}
