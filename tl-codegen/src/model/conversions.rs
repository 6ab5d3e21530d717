//! Conversions the schema implies from a constructor to an input type
//! ([`crate::Config::conversions`]): `user` → `InputUser`, `InputPeer`;
//! `channel` → `InputChannel`, `InputPeer`; `document` → `InputDocument`.
//!
//! The rule, for each constructor `inputX...` of a boxed type `InputT`:
//! 1. its sources are the constructors, of other types, named by what
//!    follows `input`, and by the same with the type's own word dropped when
//!    it comes first (`inputPeerChat` of `InputPeer`: `peerChat` and `chat`;
//!    `inputUser`: `user`);
//! 2. every field of the input constructor is a plain field (no flags, no
//!    conditional or nullable ones) and has a field of the source with the
//!    same value type, by the same name or, for `user_id`, `channel_id` and
//!    `chat_id`, named `id`;
//! 3. a source field that is conditional makes the conversion fail (with
//!    `tl_runtime::MissingField`) when it is not set.
//!
//! A source gives at most one conversion into each type: when two input
//! constructors of one type take the same source, neither is generated.

use std::collections::BTreeMap;

use super::{BoxedType, Constructor, FieldKind, Model, WireType};

/// One field of the input constructor and where its value comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Taken {
    /// The input constructor's field (Rust name).
    pub target: String,
    /// The source constructor's field (Rust name).
    pub source: String,
    /// The source field's TL name, for the error.
    pub source_tl: String,
    /// The value's type.
    pub ty: WireType,
    /// Whether the source holds it in an `Option` (a conditional field).
    pub optional: bool,
}

/// A conversion from a constructor's struct into a boxed type's enum.
#[derive(Debug, Clone, PartialEq)]
pub struct Conversion {
    /// The source constructor, an index into [`Model::constructors`].
    pub source: usize,
    /// The input constructor it builds, an index into [`Model::constructors`].
    pub target: usize,
    /// The input constructor's fields, in order.
    pub fields: Vec<Taken>,
}

/// The conversions into `t` (see the module documentation).
pub fn conversions_into(t: &BoxedType, model: &Model) -> Vec<Conversion> {
    let type_word = t
        .tl_name
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .strip_prefix("Input")
        .unwrap_or_default();
    let mut found: BTreeMap<usize, Vec<Conversion>> = BTreeMap::new();
    for v in &t.variants {
        let Some(input) = model.constructors.get(v.constructor) else {
            continue;
        };
        for conversion in conversions(v.constructor, input, type_word, &t.tl_name, model) {
            found.entry(conversion.source).or_default().push(conversion);
        }
    }
    found
        .into_values()
        .filter(|c| c.len() == 1)
        .flatten()
        .collect()
}

/// The conversions into input constructor `input` (number `target`) the
/// rule finds.
fn conversions(
    target: usize,
    input: &Constructor,
    type_word: &str,
    type_name: &str,
    model: &Model,
) -> Vec<Conversion> {
    let (namespace, name) = match input.tl_name.rsplit_once('.') {
        Some((ns, name)) => (Some(ns), name),
        None => (None, input.tl_name.as_str()),
    };
    let Some(rest) = name
        .strip_prefix("input")
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()))
    else {
        return Vec::new();
    };
    let stored: Vec<_> = input.fields.iter().filter(|f| f.is_stored()).collect();
    if stored.is_empty() {
        return Vec::new();
    }
    let mut candidates = vec![rest];
    if let Some(shorter) = rest.strip_prefix(type_word).filter(|s| !s.is_empty()) {
        candidates.push(shorter);
    }
    candidates
        .into_iter()
        .filter_map(|candidate| {
            let mut source_name = String::new();
            if let Some(ns) = namespace {
                source_name.push_str(ns);
                source_name.push('.');
            }
            let mut chars = candidate.chars();
            source_name.extend(chars.next()?.to_lowercase());
            source_name.push_str(chars.as_str());
            let source = model
                .constructors
                .iter()
                .position(|c| c.tl_name == source_name && c.result != type_name)?;
            let fields = stored
                .iter()
                .map(|f| {
                    let FieldKind::Value { ty, flag: None } = &f.kind else {
                        return None;
                    };
                    if matches!(ty, WireType::Nullable(_)) {
                        return None;
                    }
                    taken(&f.rust_name, &f.tl_name, ty, &model.constructors[source])
                })
                .collect::<Option<Vec<_>>>()?;
            Some(Conversion {
                source,
                target,
                fields,
            })
        })
        .collect()
}

/// Where the source takes input field `name` of type `ty` from.
fn taken(target: &str, name: &str, ty: &WireType, source: &Constructor) -> Option<Taken> {
    let stored = || source.fields.iter().filter(|f| f.is_stored());
    let by_name = stored().find(|f| f.tl_name == name);
    let field = by_name.or_else(|| {
        matches!(name, "user_id" | "channel_id" | "chat_id")
            .then(|| stored().find(|f| f.tl_name == "id"))
            .flatten()
    })?;
    let optional = match &field.kind {
        FieldKind::Value { ty: t, flag: None } if t == ty => false,
        FieldKind::Value {
            ty: t,
            flag: Some(_),
        } if t == ty => true,
        _ => return None,
    };
    Some(Taken {
        target: target.to_owned(),
        source: field.rust_name.clone(),
        source_tl: field.tl_name.clone(),
        ty: ty.clone(),
        optional,
    })
}
