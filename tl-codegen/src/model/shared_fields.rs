//! The fields a boxed type's constructors share: what the accessors on its
//! enum read ([`crate::Config::accessors`]).
//!
//! The rule, for each boxed type: a TL field name that two or more of its
//! constructors have, each with the same value type (the type inside the
//! `Option` for a conditional or nullable field), gets an accessor named
//! after the field (a field of one constructor is read from its struct, and
//! a type with one constructor needs no accessor). It returns the value as it is when every constructor
//! has the field and none holds it in an `Option`, and an `Option` of it
//! otherwise. A name whose value type differs between constructors gets
//! none ([`SharedFields::conflicts`] counts them).

use std::collections::BTreeMap;

use super::layout::RustType;
use super::{BoxedType, FieldKind, Model, WireType};

/// How one variant holds a shared field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Held {
    /// Its constructor has no such field (or the variant has no payload).
    Absent,
    /// As a plain field.
    Plain,
    /// In an `Option` (a conditional or nullable field).
    Optional,
}

/// A field shared by constructors of one boxed type.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedField {
    /// The TL name, which is the accessor's.
    pub tl_name: String,
    /// The Rust name of the field (and of the accessor).
    pub rust_name: String,
    /// The value type: a `bool` for a `true` flag.
    pub ty: WireType,
    /// How each variant holds it, in the order of [`BoxedType::variants`].
    pub held: Vec<Held>,
}

impl SharedField {
    /// Whether the accessor returns the value as it is (every variant holds
    /// it plainly) rather than an `Option`.
    pub fn always(&self) -> bool {
        self.held.iter().all(|h| *h == Held::Plain)
    }

    /// Whether the value is returned by value (a `Copy` type: numbers,
    /// `bool`, `int128`/`int256`) rather than by reference.
    pub fn by_value(&self, zero_copy: bool) -> bool {
        RustType::of(&self.ty, zero_copy).is_small_copy()
    }
}

/// The shared fields of a boxed type, and how many field names it has
/// whose types disagree.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SharedFields {
    /// By TL field name.
    pub fields: Vec<SharedField>,
    /// Field names with different value types in different constructors.
    pub conflicts: usize,
}

/// Method names the enum already has.
const TAKEN: &[&str] = &["constructor_id", "tl_name"];

/// The shared fields of `t`.
pub fn shared_fields(t: &BoxedType, model: &Model) -> SharedFields {
    // Per TL name: the Rust name, the value type (None once two disagree),
    // and how each variant holds it.
    let mut found: BTreeMap<&str, (String, Option<WireType>, Vec<Held>)> = BTreeMap::new();
    let variants = t.variants.len();
    for (i, v) in t.variants.iter().enumerate() {
        let Some(c) = model.constructors.get(v.constructor) else {
            continue;
        };
        for f in c.fields.iter().filter(|f| f.is_stored()) {
            let (ty, held) = match &f.kind {
                FieldKind::Value {
                    ty: WireType::Nullable(inner),
                    flag: None,
                } => ((**inner).clone(), Held::Optional),
                FieldKind::Value { ty, flag: None } => (ty.clone(), Held::Plain),
                FieldKind::Value { ty, flag: Some(_) } => (ty.clone(), Held::Optional),
                FieldKind::TrueFlag(_) => (WireType::Bool, Held::Plain),
                FieldKind::Flags { .. } | FieldKind::Count { .. } | FieldKind::Group { .. } => {
                    continue;
                }
            };
            let entry = found.entry(f.tl_name.as_str()).or_insert_with(|| {
                (
                    f.rust_name.clone(),
                    Some(ty.clone()),
                    vec![Held::Absent; variants],
                )
            });
            if entry.1.as_ref().is_some_and(|known| *known != ty) {
                entry.1 = None;
            }
            entry.2[i] = held;
        }
    }
    let mut shared = SharedFields::default();
    for (tl_name, (rust_name, ty, held)) in found {
        if held.iter().filter(|h| **h != Held::Absent).count() < 2 {
            continue;
        }
        match ty {
            None => shared.conflicts += 1,
            Some(_) if TAKEN.contains(&rust_name.as_str()) => {}
            Some(ty) => shared.fields.push(SharedField {
                tl_name: tl_name.to_owned(),
                rust_name,
                ty,
                held,
            }),
        }
    }
    shared
}
