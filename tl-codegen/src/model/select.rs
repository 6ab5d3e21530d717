//! Keeping only what some namespaces need ([`crate::Config::namespaces`]): the
//! functions of the chosen namespaces (and the global ones, such as
//! `invokeWithLayer`), and every type and constructor they reach through
//! their arguments and results. A boxed type keeps all its constructors, so
//! decoding stays complete; `Object` reaches every constructor.

use std::collections::BTreeSet;

use super::{FieldKind, FieldModel, Model, RustPath, WireType};

/// The namespace of a TL name (`messages` for `messages.getChats`; empty for
/// a global name).
fn namespace(name: &str) -> &str {
    name.rsplit_once('.').map_or("", |(ns, _)| ns)
}

/// What is reachable, by Rust path.
#[derive(Default)]
struct Reach<'m> {
    types: BTreeSet<&'m RustPath>,
    /// Constructor structs and row structs.
    structs: BTreeSet<&'m RustPath>,
    any_object: bool,
}

/// Removes from `model` the functions outside `namespaces` (global functions
/// stay) and the types, constructors, rows and groups no kept function
/// reaches.
pub fn keep_namespaces(model: &mut Model, namespaces: &BTreeSet<String>) {
    let kept_functions: Vec<bool> = model
        .functions
        .iter()
        .map(|f| {
            let ns = namespace(&f.tl_name);
            ns.is_empty() || namespaces.contains(ns)
        })
        .collect();
    let reach = reachable(model, &kept_functions);
    let Reach {
        types,
        structs,
        any_object,
    } = reach;
    let types: BTreeSet<RustPath> = types.into_iter().cloned().collect();
    let structs: BTreeSet<RustPath> = structs.into_iter().cloned().collect();

    let mut keep = kept_functions.into_iter();
    model.functions.retain(|_| keep.next().unwrap_or(false));
    // Constructors: kept when reached, directly or through their type.
    let old_index: Vec<bool> = model
        .constructors
        .iter()
        .map(|c| any_object || structs.contains(&c.path))
        .collect();
    let mut new_index = vec![usize::MAX; old_index.len()];
    let mut next = 0;
    for (i, kept) in old_index.iter().enumerate() {
        if *kept {
            new_index[i] = next;
            next += 1;
        }
    }
    let mut keep = old_index.iter();
    model
        .constructors
        .retain(|_| keep.next().copied().unwrap_or(false));
    model
        .types
        .retain(|t| any_object || types.contains(&t.path));
    for t in &mut model.types {
        for v in &mut t.variants {
            v.constructor = new_index[v.constructor];
        }
    }
    let owners: BTreeSet<&str> = model
        .constructors
        .iter()
        .map(|c| c.tl_name.as_str())
        .chain(model.functions.iter().map(|f| f.tl_name.as_str()))
        .collect();
    let groups_kept: Vec<bool> = model
        .groups
        .iter()
        .map(|g| owners.contains(g.owner.as_str()))
        .collect();
    let mut keep = groups_kept.into_iter();
    model.groups.retain(|_| keep.next().unwrap_or(false));
    model
        .rows
        .retain(|r| any_object || structs.contains(&r.path));
    model.any_object &= any_object;
}

/// Walks from the kept functions through every field and result.
fn reachable<'m>(model: &'m Model, kept_functions: &[bool]) -> Reach<'m> {
    let mut reach = Reach::default();
    let mut pending: Vec<&'m WireType> = Vec::new();
    let push_fields = |fields: &'m [FieldModel], pending: &mut Vec<&'m WireType>| {
        for f in fields {
            if let FieldKind::Value { ty, .. } = &f.kind {
                pending.push(ty);
            }
        }
    };
    for (f, kept) in model.functions.iter().zip(kept_functions) {
        if *kept {
            push_fields(&f.fields, &mut pending);
            pending.push(&f.returns);
        }
    }
    while let Some(ty) = pending.pop() {
        match ty {
            WireType::Boxed(path) => {
                if !reach.types.insert(path) {
                    continue;
                }
                if let Some(t) = model.types.iter().find(|t| &t.path == path) {
                    for v in &t.variants {
                        let c = &model.constructors[v.constructor];
                        if reach.structs.insert(&c.path) {
                            push_fields(&c.fields, &mut pending);
                        }
                    }
                }
            }
            WireType::Bare(path) => {
                if !reach.structs.insert(path) {
                    continue;
                }
                if let Some(c) = model.constructors.iter().find(|c| &c.path == path) {
                    push_fields(&c.fields, &mut pending);
                }
                if let Some(r) = model.rows.iter().find(|r| &r.path == path) {
                    push_fields(&r.fields, &mut pending);
                }
            }
            WireType::Vector { elem, .. }
            | WireType::Rows { elem, .. }
            | WireType::Array { elem, .. }
            | WireType::Nullable(elem) => {
                pending.push(elem);
            }
            WireType::AnyObject => reach.any_object = true,
            _ => {}
        }
    }
    reach
}
