//! What changed between two versions of a schema, and what each change does.
//!
//! [`diff`] compares two [`Model`]s (usually two layers of `api.tl`): it
//! matches definitions by TL name, notices a constructor or function renamed
//! with its id kept (and a type renamed with its constructors kept), and
//! lists for each definition exactly what changed. Each change is classified
//! twice:
//!
//! - **Rust**: whether code that uses the generated types may stop compiling,
//!   following the Rust API evolution rules (RFC 1105, the Cargo SemVer
//!   reference): a new field breaks struct literals, a new variant breaks
//!   exhaustive `match`es (unless the enums are `#[non_exhaustive]`, see
//!   [`crate::Config::non_exhaustive`]), a removed or renamed item or a field
//!   of another type breaks its users.
//! - **Wire**: whether every value both versions can express is still encoded
//!   the same way, so that a peer on the old layer decodes it. A new id, a new
//!   field, a field on another flag bit are not; a renamed field is. Something
//!   added is compatible (the old values are unchanged); something removed is
//!   not (the old peer may still send it).
//!
//! Rust names are compared too: a constructor added to a type can change the
//! names the generator gives the type's other variants, which breaks code
//! although their TL text did not change.
//!
//! [`Config::diff`](crate::Config::diff) reads and checks both sides;
//! [`SchemaDiff`]'s `Display` is the text report and
//! [`SchemaDiff::to_markdown`] the pull-request form.

mod compare;
mod render;

use std::fmt;

use crate::model::Model;

/// Compares `old` with `new`. `non_exhaustive` says whether the generated
/// enums are `#[non_exhaustive]` (new variants then break nothing).
pub fn diff(old: &Model, new: &Model, non_exhaustive: bool) -> SchemaDiff {
    compare::diff(old, new, non_exhaustive)
}

/// Everything that differs between two versions of a schema, ordered by kind
/// (types, constructors, functions) and TL name.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SchemaDiff {
    /// The old side's layer, if it declares one.
    pub from_layer: Option<u32>,
    /// The new side's layer.
    pub to_layer: Option<u32>,
    /// Whether the classification assumed `#[non_exhaustive]` enums.
    pub non_exhaustive: bool,
    /// Definitions only the new side has.
    pub added: Vec<Item>,
    /// Definitions only the old side has.
    pub removed: Vec<Item>,
    /// Definitions both sides have (matched by name, or renamed with their
    /// id kept), with what changed.
    pub changed: Vec<Changed>,
}

impl SchemaDiff {
    /// Whether the two sides are the same (the layer number aside).
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }

    /// Whether anything breaks Rust code that uses the generated types.
    pub fn is_breaking(&self) -> bool {
        self.added.iter().chain(&self.removed).any(|i| i.breaking)
            || self.changed.iter().any(Changed::breaking)
    }

    /// The number of breaking entries (added, removed or changed definitions).
    pub fn breaking_count(&self) -> usize {
        self.added
            .iter()
            .chain(&self.removed)
            .filter(|i| i.breaking)
            .count()
            + self.changed.iter().filter(|c| c.breaking()).count()
    }

    /// The number of entries whose values a peer on the old layer cannot
    /// decode the same way.
    pub fn wire_incompatible_count(&self) -> usize {
        self.removed.len() + self.changed.iter().filter(|c| !c.wire_compatible()).count()
    }

    /// The report as Markdown, for a pull-request description.
    pub fn to_markdown(&self) -> String {
        render::markdown(self)
    }
}

/// The text report: one paragraph of counts, then the breaking changes, then
/// the rest.
impl fmt::Display for SchemaDiff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&render::text(self))
    }
}

/// What kind of definition an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum ItemKind {
    /// A boxed type (an enum under `enums`).
    Type,
    /// A constructor (a struct under `types`).
    Constructor,
    /// A function (a struct under `functions`).
    Function,
}

impl ItemKind {
    /// `type`, `constructor` or `function`.
    pub fn name(self) -> &'static str {
        match self {
            ItemKind::Type => "type",
            ItemKind::Constructor => "constructor",
            ItemKind::Function => "function",
        }
    }

    /// `types`, `constructors` or `functions`.
    pub fn plural(self) -> &'static str {
        match self {
            ItemKind::Type => "types",
            ItemKind::Constructor => "constructors",
            ItemKind::Function => "functions",
        }
    }
}

impl fmt::Display for ItemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A definition one side has and the other does not.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Item {
    /// The TL name.
    pub name: String,
    /// What it is.
    pub kind: ItemKind,
    /// The constructor or function id (types have none).
    pub id: Option<u32>,
    /// The generated Rust item, e.g. `types::messages::Messages`.
    pub rust: String,
    /// Whether adding or removing it breaks Rust code that uses the generated
    /// types (removing always does; adding does when it adds a variant to an
    /// exhaustive `AnyFunction` or `AnyObject`).
    pub breaking: bool,
    /// Why it breaks, when it does.
    pub reason: Option<String>,
}

/// A definition both sides have, and what changed in it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Changed {
    /// The TL name on the new side.
    pub name: String,
    /// What it is on the new side.
    pub kind: ItemKind,
    /// The id on the old side (types have none).
    pub old_id: Option<u32>,
    /// The id on the new side.
    pub id: Option<u32>,
    /// The generated Rust item on the new side.
    pub rust: String,
    /// Every change, in a fixed order: renames, section, id, result, fields
    /// in field order, constructors, Rust names.
    pub changes: Vec<Change>,
}

impl Changed {
    /// Whether a change breaks Rust code that uses the generated types.
    pub fn breaking(&self) -> bool {
        self.changes.iter().any(|c| c.breaking)
    }

    /// Whether every change keeps the encoding of values both sides express.
    pub fn wire_compatible(&self) -> bool {
        self.changes.iter().all(|c| c.wire_compatible)
    }
}

/// One change to a definition, with its classification.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Change {
    /// What changed.
    pub detail: Detail,
    /// Whether it breaks Rust code that uses the generated types.
    pub breaking: bool,
    /// Whether values keep their encoding (a peer on the old layer decodes them).
    pub wire_compatible: bool,
}

/// What changed. `Display` says it in one line; [`Detail::code`] names the
/// kind for scripts.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Detail {
    /// The definition has a new TL name; its id (or, for a type, its set of
    /// constructors) is the same.
    Renamed {
        /// The old TL name.
        from: String,
    },
    /// A constructor became a function or the other way round.
    Section {
        /// The old kind.
        from: ItemKind,
    },
    /// The constructor or function id.
    Id {
        /// The old id.
        old: u32,
        /// The new id.
        new: u32,
    },
    /// The type a constructor builds, or the type a function returns.
    Result {
        /// The old type, as TL.
        old: String,
        /// The new type.
        new: String,
    },
    /// A field that only the new side has.
    FieldAdded {
        /// Its TL name.
        field: String,
        /// Its type as written (`flags.3?Document`).
        ty: String,
    },
    /// A field that only the old side has.
    FieldRemoved {
        /// Its TL name.
        field: String,
        /// Its type as written.
        ty: String,
    },
    /// A field whose type changed (its flag condition aside).
    FieldRetyped {
        /// Its TL name.
        field: String,
        /// The old type.
        old: String,
        /// The new type.
        new: String,
    },
    /// A field with a new name at the same place, with the same type.
    FieldRenamed {
        /// The old TL name.
        old: String,
        /// The new TL name.
        new: String,
    },
    /// A conditional field now on another bit or flags word.
    FieldFlagMoved {
        /// Its TL name.
        field: String,
        /// The old condition (`flags.3`).
        old: String,
        /// The new one (`flags2.0`).
        new: String,
    },
    /// A field that was always present and is now conditional.
    FieldMadeOptional {
        /// Its TL name.
        field: String,
        /// Its condition (`flags.3`).
        flag: String,
    },
    /// A conditional field that is now always present.
    FieldMadeRequired {
        /// Its TL name.
        field: String,
        /// Its old condition.
        flag: String,
    },
    /// A field at another position relative to the other fields.
    FieldMoved {
        /// Its TL name.
        field: String,
        /// Its new position among the fields (0-based).
        position: usize,
    },
    /// A field now held, or no longer held, in the struct of fields that
    /// share its flag bit.
    FieldRegrouped {
        /// Its TL name.
        field: String,
        /// The group field that held it (Rust name), if any.
        old: Option<String>,
        /// The group field that holds it now, if any.
        new: Option<String>,
    },
    /// A constructor that the type has on the new side only.
    ConstructorAdded {
        /// The constructor's TL name.
        name: String,
    },
    /// A constructor that the type has on the old side only.
    ConstructorRemoved {
        /// The constructor's TL name.
        name: String,
    },
    /// A Rust name the generator chose differently although the TL did not
    /// change (a struct's path, a variant, a field).
    RustName {
        /// Which name: `path`, `variant in enums::Chat`, `field x`, ...
        what: String,
        /// The old name.
        old: String,
        /// The new name.
        new: String,
    },
    /// A unit variant that now holds its constructor's struct, or the other
    /// way round (the constructor gained its first field, or lost its last).
    Payload {
        /// The variant's enum and name (`enums::Peer::Empty`).
        variant: String,
        /// Whether it is a unit variant on the new side.
        unit: bool,
    },
    /// A variant's payload is now behind a `Box`, or no longer.
    Boxing {
        /// The variant's enum and name (`enums::Message::Message`).
        variant: String,
        /// Whether it is boxed on the new side.
        boxed: bool,
    },
}

impl Detail {
    /// A stable snake_case name for the kind of change (the `change` key of
    /// `tl-codegen diff --format json`).
    pub fn code(&self) -> &'static str {
        match self {
            Detail::Renamed { .. } => "renamed",
            Detail::Section { .. } => "section",
            Detail::Id { .. } => "id",
            Detail::Result { .. } => "result",
            Detail::FieldAdded { .. } => "field_added",
            Detail::FieldRemoved { .. } => "field_removed",
            Detail::FieldRetyped { .. } => "field_retyped",
            Detail::FieldRenamed { .. } => "field_renamed",
            Detail::FieldFlagMoved { .. } => "field_flag_moved",
            Detail::FieldMadeOptional { .. } => "field_made_optional",
            Detail::FieldMadeRequired { .. } => "field_made_required",
            Detail::FieldMoved { .. } => "field_moved",
            Detail::FieldRegrouped { .. } => "field_regrouped",
            Detail::ConstructorAdded { .. } => "constructor_added",
            Detail::ConstructorRemoved { .. } => "constructor_removed",
            Detail::RustName { .. } => "rust_name",
            Detail::Payload { .. } => "payload",
            Detail::Boxing { .. } => "boxing",
        }
    }
}

impl fmt::Display for Detail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Detail::Renamed { from } => write!(f, "renamed from `{from}`"),
            Detail::Section { from } => write!(f, "was a {from}"),
            Detail::Id { old, new } => write!(f, "id {old:#010x} → {new:#010x}"),
            Detail::Result { old, new } => write!(f, "result `{old}` → `{new}`"),
            Detail::FieldAdded { field, ty } => write!(f, "field `{field}:{ty}` added"),
            Detail::FieldRemoved { field, ty } => write!(f, "field `{field}:{ty}` removed"),
            Detail::FieldRetyped { field, old, new } => {
                write!(f, "field `{field}`: `{old}` → `{new}`")
            }
            Detail::FieldRenamed { old, new } => write!(f, "field `{old}` renamed to `{new}`"),
            Detail::FieldFlagMoved { field, old, new } => {
                write!(f, "field `{field}` moved from `{old}` to `{new}`")
            }
            Detail::FieldMadeOptional { field, flag } => {
                write!(f, "field `{field}` made optional (`{flag}`)")
            }
            Detail::FieldMadeRequired { field, flag } => {
                write!(f, "field `{field}` made required (was `{flag}`)")
            }
            Detail::FieldMoved { field, position } => {
                write!(f, "field `{field}` moved to position {position}")
            }
            Detail::FieldRegrouped { field, old, new } => match (old, new) {
                (_, Some(group)) => write!(
                    f,
                    "field `{field}` now shares its flag bit: held in `{group}`"
                ),
                (Some(group), None) => write!(
                    f,
                    "field `{field}` no longer shares its flag bit (was in `{group}`)"
                ),
                (None, None) => write!(f, "field `{field}` regrouped"),
            },
            Detail::ConstructorAdded { name } => write!(f, "constructor `{name}` added"),
            Detail::ConstructorRemoved { name } => write!(f, "constructor `{name}` removed"),
            Detail::RustName { what, old, new } => {
                write!(f, "Rust name of {what}: `{old}` → `{new}`")
            }
            Detail::Payload { variant, unit } => {
                if *unit {
                    write!(f, "variant `{variant}` is now a unit variant")
                } else {
                    write!(f, "variant `{variant}` now holds its constructor's struct")
                }
            }
            Detail::Boxing { variant, boxed } => {
                if *boxed {
                    write!(f, "variant `{variant}` now holds a `Box`")
                } else {
                    write!(f, "variant `{variant}` no longer holds a `Box`")
                }
            }
        }
    }
}
