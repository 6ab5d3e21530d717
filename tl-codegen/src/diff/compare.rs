//! Matching two models' definitions and listing what changed, classified.

use std::collections::{BTreeMap, BTreeSet};

use super::{Change, Changed, Detail, Item, ItemKind, SchemaDiff};
use crate::model::layout::Root;
use crate::model::{BoxedType, FieldKind, FieldModel, FlagBit, Model, RustPath};

/// A constructor or a function, seen the same way.
struct Decl<'m> {
    kind: ItemKind,
    name: &'m str,
    id: u32,
    path: &'m RustPath,
    /// Its variant in `AnyObject` (constructors) or `AnyFunction`.
    any_variant: &'m str,
    fields: &'m [FieldModel],
    /// The type it builds or returns, as TL.
    result: &'m str,
}

fn decls(model: &Model) -> Vec<Decl<'_>> {
    let constructors = model.constructors.iter().map(|c| Decl {
        kind: ItemKind::Constructor,
        name: &c.tl_name,
        id: c.id,
        path: &c.path,
        any_variant: &c.any_variant,
        fields: &c.fields,
        result: &c.result,
    });
    let functions = model.functions.iter().map(|f| Decl {
        kind: ItemKind::Function,
        name: &f.tl_name,
        id: f.id,
        path: &f.path,
        any_variant: &f.any_variant,
        fields: &f.fields,
        result: &f.tl_result,
    });
    constructors.chain(functions).collect()
}

/// The Rust path of an item, e.g. `types::messages::Messages`.
fn rust_path(kind: ItemKind, path: &RustPath) -> String {
    let root = match kind {
        ItemKind::Type => Root::Enums,
        ItemKind::Constructor => Root::Types,
        ItemKind::Function => Root::Functions,
    };
    root.path_text(path)
}

fn change(detail: Detail, breaking: bool, wire_compatible: bool) -> Change {
    Change {
        detail,
        breaking,
        wire_compatible,
    }
}

/// Pairs of indices `(old, new)`, and what is left on each side.
struct Matching {
    pairs: Vec<(usize, usize)>,
    old_left: Vec<usize>,
    new_left: Vec<usize>,
}

/// Matches items by `key` first, then (among what is left) by `fallback`
/// when it pairs exactly one item of each side.
fn matching<T, K: Ord, F: Ord>(
    old: &[T],
    new: &[T],
    key: impl Fn(&T) -> K,
    fallback: impl Fn(&T) -> Option<F>,
) -> Matching {
    matching_with(old, new, key, &fallback, &fallback)
}

/// [`matching`] with a fallback key computed differently on each side.
fn matching_with<T, K: Ord, F: Ord>(
    old: &[T],
    new: &[T],
    key: impl Fn(&T) -> K,
    old_fallback: impl Fn(&T) -> Option<F>,
    new_fallback: impl Fn(&T) -> Option<F>,
) -> Matching {
    let mut by_key: BTreeMap<K, usize> = BTreeMap::new();
    for (i, item) in old.iter().enumerate() {
        by_key.entry(key(item)).or_insert(i);
    }
    let mut pairs = Vec::new();
    let mut old_used = vec![false; old.len()];
    let mut new_left = Vec::new();
    for (j, item) in new.iter().enumerate() {
        match by_key.get(&key(item)) {
            Some(&i) if !old_used[i] => {
                old_used[i] = true;
                pairs.push((i, j));
            }
            _ => new_left.push(j),
        }
    }
    let old_left: Vec<usize> = (0..old.len()).filter(|&i| !old_used[i]).collect();
    // The fallback pairs only unique candidates on both sides.
    let mut candidates: BTreeMap<F, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for &i in &old_left {
        if let Some(k) = old_fallback(&old[i]) {
            candidates.entry(k).or_default().0.push(i);
        }
    }
    for &j in &new_left {
        if let Some(k) = new_fallback(&new[j]) {
            candidates.entry(k).or_default().1.push(j);
        }
    }
    let mut late: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (olds, news) in candidates.values() {
        if let ([i], [j]) = (olds.as_slice(), news.as_slice()) {
            late.insert((*i, *j));
        }
    }
    pairs.extend(late.iter().copied());
    Matching {
        old_left: old_left
            .into_iter()
            .filter(|i| !late.iter().any(|(o, _)| o == i))
            .collect(),
        new_left: new_left
            .into_iter()
            .filter(|j| !late.iter().any(|(_, n)| n == j))
            .collect(),
        pairs,
    }
}

pub fn diff(old: &Model, new: &Model, non_exhaustive: bool) -> SchemaDiff {
    let old_decls = decls(old);
    let new_decls = decls(new);
    // By name and kind; then by name alone (a constructor that became a
    // function); then by kind and id (a rename that kept the id).
    let first = matching(
        &old_decls,
        &new_decls,
        |d| (d.name, d.kind),
        |d| Some((d.kind, d.id)),
    );
    let mut pairs = first.pairs;
    let section_moves = {
        let old_left: Vec<&Decl<'_>> = first.old_left.iter().map(|&i| &old_decls[i]).collect();
        let new_left: Vec<&Decl<'_>> = first.new_left.iter().map(|&j| &new_decls[j]).collect();
        let m = matching(&old_left, &new_left, |d| d.name, |_| None::<()>);
        let moved: Vec<(usize, usize)> = m
            .pairs
            .iter()
            .map(|&(i, j)| (first.old_left[i], first.new_left[j]))
            .collect();
        moved
    };
    pairs.extend(&section_moves);
    let old_paired: BTreeSet<usize> = pairs.iter().map(|p| p.0).collect();
    let new_paired: BTreeSet<usize> = pairs.iter().map(|p| p.1).collect();

    // Old constructor name → new constructor name, for comparing types.
    let renamed_ctor: BTreeMap<&str, &str> = pairs
        .iter()
        .filter(|&&(i, j)| {
            old_decls[i].kind == ItemKind::Constructor && new_decls[j].kind == ItemKind::Constructor
        })
        .map(|&(i, j)| (old_decls[i].name, new_decls[j].name))
        .collect();

    let mut added = Vec::new();
    let mut removed = Vec::new();
    let mut changed = Vec::new();

    for (j, d) in new_decls.iter().enumerate() {
        if new_paired.contains(&j) {
            continue;
        }
        let any = match d.kind {
            ItemKind::Function => Some("AnyFunction"),
            _ if new.any_object => Some("AnyObject"),
            _ => None,
        };
        let reason = any.filter(|_| !non_exhaustive).map(|any| {
            format!(
                "adds variant `{any}::{}` to an exhaustive enum",
                d.any_variant
            )
        });
        added.push(Item {
            name: d.name.to_owned(),
            kind: d.kind,
            id: Some(d.id),
            rust: rust_path(d.kind, d.path),
            breaking: reason.is_some(),
            reason,
        });
    }
    for (i, d) in old_decls.iter().enumerate() {
        if !old_paired.contains(&i) {
            removed.push(removed_item(d.name, d.kind, Some(d.id), d.path));
        }
    }
    for &(i, j) in &pairs {
        let (o, n) = (&old_decls[i], &new_decls[j]);
        let changes = compare_decls(o, n, old.any_object && new.any_object);
        if !changes.is_empty() {
            changed.push(Changed {
                name: n.name.to_owned(),
                kind: n.kind,
                old_id: Some(o.id),
                id: Some(n.id),
                rust: rust_path(n.kind, n.path),
                changes,
            });
        }
    }

    // Types: by name, then renamed when the constructors are the same.
    let ctor_set = |model: &Model, t: &BoxedType, map: bool| -> Option<BTreeSet<String>> {
        let set: BTreeSet<String> = t
            .variants
            .iter()
            .map(|v| {
                let name = model.constructors[v.constructor].tl_name.as_str();
                let name = if map {
                    renamed_ctor.get(name).copied().unwrap_or(name)
                } else {
                    name
                };
                name.to_owned()
            })
            .collect();
        (!set.is_empty()).then_some(set)
    };
    // Old constructor names are mapped to their new names, so that both
    // sides' sets compare.
    let types = matching_with(
        &old.types,
        &new.types,
        |t| t.tl_name.clone(),
        |t| ctor_set(old, t, true),
        |t| ctor_set(new, t, false),
    );
    for &j in &types.new_left {
        let t = &new.types[j];
        added.push(Item {
            name: t.tl_name.clone(),
            kind: ItemKind::Type,
            id: None,
            rust: rust_path(ItemKind::Type, &t.path),
            breaking: false,
            reason: None,
        });
    }
    for &i in &types.old_left {
        let t = &old.types[i];
        removed.push(removed_item(&t.tl_name, ItemKind::Type, None, &t.path));
    }
    for &(i, j) in &types.pairs {
        let changes = compare_types(
            old,
            &old.types[i],
            new,
            &new.types[j],
            &renamed_ctor,
            non_exhaustive,
        );
        if !changes.is_empty() {
            let t = &new.types[j];
            changed.push(Changed {
                name: t.tl_name.clone(),
                kind: ItemKind::Type,
                old_id: None,
                id: None,
                rust: rust_path(ItemKind::Type, &t.path),
                changes,
            });
        }
    }

    added.sort_by(|a, b| (a.kind, &a.name).cmp(&(b.kind, &b.name)));
    removed.sort_by(|a, b| (a.kind, &a.name).cmp(&(b.kind, &b.name)));
    changed.sort_by(|a, b| (a.kind, &a.name).cmp(&(b.kind, &b.name)));
    SchemaDiff {
        from_layer: old.layer,
        to_layer: new.layer,
        non_exhaustive,
        added,
        removed,
        changed,
    }
}

fn removed_item(name: &str, kind: ItemKind, id: Option<u32>, path: &RustPath) -> Item {
    let rust = rust_path(kind, path);
    Item {
        name: name.to_owned(),
        kind,
        id,
        rust,
        breaking: true,
        reason: None,
    }
}

/// The changes between two matched constructors or functions.
/// `any_object` says whether both sides generate `AnyObject`.
fn compare_decls(o: &Decl<'_>, n: &Decl<'_>, any_object: bool) -> Vec<Change> {
    let mut out = Vec::new();
    // Most definitions do not change between layers.
    let same = o.name == n.name
        && o.kind == n.kind
        && o.id == n.id
        && o.result == n.result
        && o.path == n.path
        && o.any_variant == n.any_variant
        && o.fields == n.fields;
    if same {
        return out;
    }
    if o.name != n.name {
        out.push(change(
            Detail::Renamed {
                from: o.name.to_owned(),
            },
            true,
            o.id == n.id,
        ));
    }
    if o.kind != n.kind {
        out.push(change(Detail::Section { from: o.kind }, true, false));
    }
    if o.id != n.id {
        out.push(change(
            Detail::Id {
                old: o.id,
                new: n.id,
            },
            false,
            false,
        ));
    }
    if o.result != n.result {
        // A constructor's bytes do not name its type: with the same id and
        // fields, the old peer still decodes it. A function's answer changes.
        let wire =
            o.kind == ItemKind::Constructor && n.kind == ItemKind::Constructor && o.id == n.id;
        out.push(change(
            Detail::Result {
                old: o.result.to_owned(),
                new: n.result.to_owned(),
            },
            true,
            wire,
        ));
    }
    compare_fields(o.fields, n.fields, o.id == n.id, &mut out);
    if o.name == n.name && o.kind == n.kind {
        if o.path != n.path {
            out.push(rust_name(
                "the struct".to_owned(),
                rust_path(o.kind, o.path),
                rust_path(n.kind, n.path),
            ));
        }
        let any = match n.kind {
            ItemKind::Function => Some("AnyFunction"),
            _ if any_object => Some("AnyObject"),
            _ => None,
        };
        if let Some(any) = any.filter(|_| o.any_variant != n.any_variant) {
            out.push(rust_name(
                format!("its variant in `{any}`"),
                o.any_variant.to_owned(),
                n.any_variant.to_owned(),
            ));
        }
    }
    out
}

fn rust_name(what: String, old: String, new: String) -> Change {
    change(Detail::RustName { what, old, new }, true, true)
}

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

/// The fields the schema spells (not the generated group fields).
fn real_fields(fields: &[FieldModel]) -> Vec<&FieldModel> {
    fields
        .iter()
        .filter(|f| !matches!(f.kind, FieldKind::Group { .. }))
        .collect()
}

/// The changes to the fields. `same_id` says whether the id stayed: a `true`
/// flag added or removed then leaves every value decodable by the other
/// side (an unknown bit is ignored).
fn compare_fields(old: &[FieldModel], new: &[FieldModel], same_id: bool, out: &mut Vec<Change>) {
    let bit_only = |f: &FieldModel| same_id && matches!(f.kind, FieldKind::TrueFlag(_));
    let (o, n) = (real_fields(old), real_fields(new));
    let mut m = matching(&o, &n, |f| f.tl_name.as_str(), |_| None::<()>);
    // A field with a new name at the same place with the same type and
    // condition is a rename.
    let renames: Vec<(usize, usize)> = m
        .old_left
        .iter()
        .filter_map(|&i| {
            m.new_left
                .contains(&i)
                .then_some((i, i))
                .filter(|_| written(o[i]) == written(n[i]))
        })
        .collect();
    for &(i, j) in &renames {
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
        let before = o[m.pairs[k].0];
        compare_field(before, f, out);
        if !kept.contains(&k) {
            out.push(change(
                Detail::FieldMoved {
                    field: f.tl_name.clone(),
                    position: j,
                },
                false,
                false,
            ));
        }
    }
}

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
        out.push(rust_name(
            format!("field `{}`", n.tl_name),
            o.rust_name.clone(),
            n.rust_name.clone(),
        ));
    }
    let field = n.tl_name.clone();
    match (flag_of(o), flag_of(n)) {
        (None, Some(bit)) => out.push(change(
            Detail::FieldMadeOptional {
                field: field.clone(),
                flag: condition(bit),
            },
            seen,
            false,
        )),
        (Some(bit), None) => out.push(change(
            Detail::FieldMadeRequired {
                field: field.clone(),
                flag: condition(bit),
            },
            seen,
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
    if type_role(o) != type_role(n) {
        out.push(change(
            Detail::FieldRetyped {
                field: field.clone(),
                old: type_role(o),
                new: type_role(n),
            },
            seen,
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

/// The indices (into `seq`) of one longest strictly increasing subsequence:
/// the fields that kept their relative order.
fn longest_increasing(seq: &[usize]) -> BTreeSet<usize> {
    // Quadratic: declarations have tens of fields.
    let mut len = vec![1usize; seq.len()];
    let mut prev = vec![usize::MAX; seq.len()];
    for i in 0..seq.len() {
        for k in 0..i {
            if seq[k] < seq[i] && len[k] + 1 > len[i] {
                len[i] = len[k] + 1;
                prev[i] = k;
            }
        }
    }
    let mut out = BTreeSet::new();
    let mut at = (0..seq.len()).max_by_key(|&i| (len[i], std::cmp::Reverse(i)));
    while let Some(i) = at {
        out.insert(i);
        at = (prev[i] != usize::MAX).then_some(prev[i]);
    }
    out
}

/// The changes between two matched types: name, constructors, and the Rust
/// names and boxing of the variants both have.
fn compare_types(
    old_model: &Model,
    o: &BoxedType,
    new_model: &Model,
    n: &BoxedType,
    renamed_ctor: &BTreeMap<&str, &str>,
    non_exhaustive: bool,
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
    let old_variants: BTreeMap<&str, &crate::model::Variant> = o
        .variants
        .iter()
        .map(|v| {
            let name = old_model.constructors[v.constructor].tl_name.as_str();
            (renamed_ctor.get(name).copied().unwrap_or(name), v)
        })
        .collect();
    let new_variants: BTreeMap<&str, &crate::model::Variant> = n
        .variants
        .iter()
        .map(|v| (new_model.constructors[v.constructor].tl_name.as_str(), v))
        .collect();
    for name in old_variants
        .keys()
        .filter(|k| !new_variants.contains_key(*k))
    {
        out.push(change(
            Detail::ConstructorRemoved {
                name: (*name).to_owned(),
            },
            true,
            false,
        ));
    }
    for name in new_variants
        .keys()
        .filter(|k| !old_variants.contains_key(*k))
    {
        out.push(change(
            Detail::ConstructorAdded {
                name: (*name).to_owned(),
            },
            !non_exhaustive,
            true,
        ));
    }
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
        if ov.unit != nv.unit {
            out.push(change(
                Detail::Payload {
                    variant: format!("{enum_path}::{}", nv.name),
                    unit: nv.unit,
                },
                true,
                true,
            ));
        } else if ov.boxed != nv.boxed {
            out.push(change(
                Detail::Boxing {
                    variant: format!("{enum_path}::{}", nv.name),
                    boxed: nv.boxed,
                },
                true,
                true,
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::longest_increasing;

    #[test]
    fn fields_that_kept_their_order() {
        assert_eq!(longest_increasing(&[]).len(), 0);
        assert_eq!(longest_increasing(&[0, 1, 2]), [0, 1, 2].into());
        // `second first`: one of the two moved; the first kept is reported kept.
        assert_eq!(longest_increasing(&[1, 0]), [0].into());
        // `a c d b`: b moved (index 3 of the sequence).
        assert_eq!(longest_increasing(&[0, 2, 3, 1]), [0, 1, 2].into());
    }
}
