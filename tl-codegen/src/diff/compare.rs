//! Matching two models' definitions and listing what changed, classified.

use std::collections::{BTreeMap, BTreeSet};

use super::fields::compare_fields;
use super::matching::{matching, matching_with};
use super::types::{compare_types, variants};
use super::{Change, Changed, Detail, Item, ItemKind, SchemaDiff, change, rust_name, rust_path};
use crate::model::{BoxedType, FieldModel, Model, RustPath};

/// A constructor or a function, seen the same way.
struct Decl<'m> {
    kind: ItemKind,
    /// Its index in the model's constructors or functions.
    index: usize,
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
    let constructors = model
        .constructors
        .iter()
        .enumerate()
        .map(|(index, c)| Decl {
            kind: ItemKind::Constructor,
            index,
            name: &c.tl_name,
            id: c.id,
            path: &c.path,
            any_variant: &c.any_variant,
            fields: &c.fields,
            result: &c.result,
        });
    let functions = model.functions.iter().enumerate().map(|(index, f)| Decl {
        kind: ItemKind::Function,
        index,
        name: &f.tl_name,
        id: f.id,
        path: &f.path,
        any_variant: &f.any_variant,
        fields: &f.fields,
        result: &f.tl_result,
    });
    constructors.chain(functions).collect()
}

/// The exhaustive enums a definition is a variant of (`AnyFunction` for a
/// function, `AnyObject` for a constructor when generated, its type's enum
/// when `in_type` says so), as `Enum::Variant` paths.
fn any_variants(d: &Decl<'_>, any_object: bool, in_type: Option<&String>) -> Vec<String> {
    let mut out: Vec<String> = in_type.cloned().into_iter().collect();
    match d.kind {
        ItemKind::Function => out.push(format!("AnyFunction::{}", d.any_variant)),
        _ if any_object => out.push(format!("AnyObject::{}", d.any_variant)),
        _ => {}
    }
    out
}

/// `adds variant `X` to an exhaustive enum`, or the plural.
fn variant_reason(verb: &str, variants: &[String], exhaustive: &str) -> Option<String> {
    let quoted: Vec<String> = variants.iter().map(|v| format!("`{v}`")).collect();
    match quoted.as_slice() {
        [] => None,
        [one] => Some(format!("{verb} variant {one}{exhaustive}")),
        more => Some(format!(
            "{verb} variants {}{exhaustive}",
            more.join(" and ")
        )),
    }
}

pub fn diff(old: &Model, new: &Model, non_exhaustive: bool) -> SchemaDiff {
    let old_decls = decls(old);
    let new_decls = decls(new);
    // By name and kind; then by kind and id (a rename that kept the id);
    // then by name alone (a constructor that became a function).
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

    // Types: by name, then renamed when the constructors are the same. Old
    // constructor names are mapped to their new names, so that both sides'
    // sets compare.
    let ctor_set = |model: &Model, t: &BoxedType, map: bool| -> Option<BTreeSet<String>> {
        let set: BTreeSet<String> = t
            .variants
            .iter()
            .filter_map(|v| {
                let name = model.constructors.get(v.constructor)?.tl_name.as_str();
                let name = if map {
                    renamed_ctor.get(name).copied().unwrap_or(name)
                } else {
                    name
                };
                Some(name.to_owned())
            })
            .collect();
        (!set.is_empty()).then_some(set)
    };
    let types = matching_with(
        &old.types,
        &new.types,
        |t| t.tl_name.clone(),
        |t| ctor_set(old, t, true),
        |t| ctor_set(new, t, false),
    );
    // The new types that existed before: a constructor added to one of
    // them adds a variant to an enum users already match on.
    let old_enums: BTreeSet<usize> = types.pairs.iter().map(|&(_, j)| j).collect();
    let new_type_of: BTreeMap<usize, usize> = new
        .types
        .iter()
        .enumerate()
        .flat_map(|(t, ty)| ty.variants.iter().map(move |v| (v.constructor, t)))
        .collect();
    let (old_variants, new_variants) = (variants(old), variants(new));
    // Old type name → new type name, for the types both sides have.
    let type_pairs: BTreeMap<&str, &str> = types
        .pairs
        .iter()
        .map(|&(i, j)| (old.types[i].tl_name.as_str(), new.types[j].tl_name.as_str()))
        .collect();

    let mut added = Vec::new();
    let mut removed = Vec::new();
    let mut changed = Vec::new();

    for (j, d) in new_decls.iter().enumerate() {
        if new_paired.contains(&j) {
            continue;
        }
        let in_old_type = (d.kind == ItemKind::Constructor)
            .then(|| new_type_of.get(&d.index))
            .flatten()
            .filter(|t| old_enums.contains(t))
            .and_then(|_| new_variants.get(&d.index));
        let reason = if non_exhaustive {
            None
        } else {
            let variants = any_variants(d, new.any_object, in_old_type);
            let to = if variants.len() == 1 {
                " to an exhaustive enum"
            } else {
                " to exhaustive enums"
            };
            variant_reason("adds", &variants, to)
        };
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
        if old_paired.contains(&i) {
            continue;
        }
        let in_type = (d.kind == ItemKind::Constructor)
            .then(|| old_variants.get(&d.index))
            .flatten();
        let variants = any_variants(d, old.any_object, in_type);
        let mut item = removed_item(d.name, d.kind, Some(d.id), d.path);
        item.reason = variant_reason("removes", &variants, "");
        removed.push(item);
    }
    for &(i, j) in &pairs {
        let (o, n) = (&old_decls[i], &new_decls[j]);
        let changes = compare_decls(o, n, old.any_object && new.any_object, &type_pairs);
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
        let changes = compare_types(old, &old.types[i], new, &new.types[j], &renamed_ctor);
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
        warnings: super::sources::warnings(old, new),
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
/// `any_object` says whether both sides generate `AnyObject`; `type_pairs`
/// maps the old names of the types both sides have to the new ones.
fn compare_decls(
    o: &Decl<'_>,
    n: &Decl<'_>,
    any_object: bool,
    type_pairs: &BTreeMap<&str, &str>,
) -> Vec<Change> {
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
        // fields, a renamed type still decodes it. Moved to another type, it
        // is no longer accepted where the old type is expected. A
        // function's answer changes.
        let wire = o.kind == ItemKind::Constructor
            && n.kind == ItemKind::Constructor
            && o.id == n.id
            && type_pairs.get(o.result) == Some(&n.result);
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
