//! What changed between two versions of a schema, and what each change does.
//!
//! [`diff`] compares two [`Model`]s (usually two layers of `api.tl`): it
//! matches definitions by TL name, notices a constructor or function renamed
//! with its id kept (and a type renamed with its constructors kept), and
//! lists for each definition exactly what changed. Every definition is listed
//! once, under its own name: a constructor added to (or removed from) a type
//! is an added (removed) constructor whose reason names the variant it adds
//! to (removes from) the type's enum, not also a change of the type. Each
//! change is classified twice:
//!
//! - **Rust**: whether code that uses the generated types may stop compiling,
//!   following the Rust API evolution rules (RFC 1105, the Cargo SemVer
//!   reference): a new field breaks struct literals, a new variant breaks
//!   exhaustive `match`es (unless the enums are `#[non_exhaustive]`, see
//!   [`crate::Config::non_exhaustive`]), a removed or renamed item or a field
//!   whose Rust type changed breaks its users. The classification looks at
//!   the generated Rust, not at the TL text: `grouped:Bool` becoming
//!   `grouped:flags.0?true` is a `bool` on both sides, so it breaks no Rust
//!   code, although it changes the wire.
//! - **Wire**: whether every value both versions can express is still encoded
//!   the same way, so that a peer on the old layer decodes it. A new id, a new
//!   field, a field on another flag bit are not; a renamed field is. Something
//!   added is compatible (the old values are unchanged). Something removed is
//!   counted apart ([`SchemaDiff::removed`]): the old peer may still send it.
//!
//! Rust names are compared too: a constructor added to a type can change the
//! names the generator gives the type's other variants, which breaks code
//! although their TL text did not change.
//!
//! [`Config::diff`](crate::Config::diff) reads and checks both sides;
//! [`SchemaDiff`]'s `Display` is the full text report,
//! [`SchemaDiff::to_markdown`] a summary for a pull-request description and
//! [`SchemaDiff::to_markdown_full`] the full report in Markdown.

mod compare;
mod detail;
mod fields;
mod matching;
mod render;
mod rust_type;
mod sources;
mod types;

use std::fmt;

pub use detail::{Detail, RustTypes};

use crate::model::layout::Root;
use crate::model::{Model, RustPath};

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
    /// What may make the comparison misleading, one sentence each: the two
    /// sides read different sets of files (`mtproto.tl` given on one side
    /// only), or detected different id rules. Empty when nothing is amiss.
    pub warnings: Vec<String>,
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

    /// The number of changed definitions whose values a peer on the old
    /// layer cannot decode the same way. Removed definitions are not
    /// counted here (see [`SchemaDiff::removed`]): nothing encodes them any
    /// more, but a peer on the old layer may still send them.
    pub fn wire_incompatible_count(&self) -> usize {
        self.changed.iter().filter(|c| !c.wire_compatible()).count()
    }

    /// A summary in Markdown that fits a pull-request description (GitHub
    /// takes 65,536 characters): the counts, each breaking change grouped
    /// by namespace, and the other changes counted per namespace. When even
    /// the breaking changes do not fit, the namespaces that do not fit are
    /// counted instead of listed. [`SchemaDiff::to_markdown_full`] lists
    /// everything.
    pub fn to_markdown(&self) -> String {
        render::markdown_summary(self)
    }

    /// The full report in Markdown: the text report's content, grouped by
    /// namespace, with headings. It can be longer than a pull-request
    /// description takes.
    pub fn to_markdown_full(&self) -> String {
        render::markdown_full(self)
    }
}

/// The full text report: one paragraph of counts, then the breaking changes,
/// then the rest, each grouped by namespace.
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
    /// types (removing always does; adding a constructor or a function does
    /// when it adds a variant to an exhaustive enum: its type's, when the
    /// type existed before, `AnyFunction`, or `AnyObject`).
    pub breaking: bool,
    /// Why it breaks, when it does: the variants it adds or removes
    /// (`adds variant `enums::InputMedia::StakeDice` to an exhaustive enum`).
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
    /// in field order, Rust names, variants.
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

/// A Rust name the generator chose differently: breaking, not a wire change.
fn rust_name(what: String, old: String, new: String) -> Change {
    change(Detail::RustName { what, old, new }, true, true)
}
