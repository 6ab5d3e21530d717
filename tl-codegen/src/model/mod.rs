//! The intermediate model between the TL syntax tree and Rust emission.
//!
//! The model holds everything emission needs and nothing about how it is
//! printed: resolved wire types, Rust names chosen once (collisions settled),
//! documentation, and which enum payloads are boxed. Other output styles
//! (documentation pages, typed RPC errors, a JSON shape) read the same model.
//!
//! Every Rust name is settled in [`names`] while the model is built; emission
//! spells what the model says and invents no name of its own.
//!
//! The model's types are `#[non_exhaustive]`: later versions add fields (and
//! wire types) without breaking code that reads them.

mod build;
pub mod conversions;
mod documentation;
pub mod layout;
pub mod names;
mod nullability;
mod select;
pub mod shared_fields;
mod wire;

pub(crate) use build::{Inputs, build};
pub use documentation::Applied;
pub(crate) use select::keep_namespaces;
pub use wire::WireType;

pub use crate::docs::Usability;

/// A module path inside the generated code (`["messages"]` for `messages.`).
pub type ModulePath = Vec<String>;

/// Everything generated from one or more schema files.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Model {
    /// The layer, from the first schema that declares one.
    pub layer: Option<u32>,
    /// The schema files' names (without their folders), in the order given.
    pub sources: Vec<String>,
    /// The id rules the ids were computed by.
    pub dialect: tl_parser::Dialect,
    /// How those rules were detected, when nobody chose them.
    pub detected: Option<tl_parser::Detected>,
    /// Constructors of boxed types (one struct each), ordered by TL name.
    pub constructors: Vec<Constructor>,
    /// Boxed types (one enum each), ordered by TL name.
    pub types: Vec<BoxedType>,
    /// Functions (one struct each), ordered by TL name.
    pub functions: Vec<Function>,
    /// Whether the schema uses `Object` (in a field or a result), so that
    /// `AnyObject` is generated.
    pub any_object: bool,
    /// Row structs of repetitions with more than one field (or a named one),
    /// ordered by path.
    pub rows: Vec<Row>,
    /// Structs of fields that share a flag bit, ordered by path.
    pub groups: Vec<Group>,
    /// The typed RPC errors (from the error tables), ordered by name; empty
    /// without error tables.
    pub rpc_errors: Vec<RpcErrorModel>,
    /// Whether items link to their pages on core.telegram.org (Telegram's
    /// schemas).
    pub official_pages: bool,
}

/// One known RPC error: a variant of the generated `RpcError`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RpcErrorModel {
    /// The name as the tables spell it, `X` for a number (`FLOOD_WAIT_X`).
    pub name: String,
    /// The variant (`FloodWait`).
    pub variant: String,
    /// For a name with a number: the message before and after the number
    /// (`FLOOD_WAIT_`, ``) and the field holding it (`seconds`).
    pub number: Option<NumberField>,
    /// The codes it comes with, the usual one first.
    pub codes: Vec<i32>,
    /// What it means, plain text (a number reads `{seconds}`).
    pub description: String,
}

/// The number inside an error name.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct NumberField {
    /// The message text before the number.
    pub prefix: String,
    /// The message text after it.
    pub suffix: String,
    /// The variant's field name: the description's `{placeholder}`, else
    /// what its `%d` counts (`seconds`, `index`), else `value`.
    pub field: String,
}

/// An error a function's documentation says it can return.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PossibleError {
    /// The code.
    pub code: i32,
    /// The name (`X` for a number).
    pub name: String,
    /// What it means, as Markdown.
    pub description: Option<String>,
    /// Its variant of the generated `RpcError`, when errors are typed.
    pub variant: Option<String>,
}

/// The struct of fields that share a flag bit (`saved_from_peer` and
/// `saved_from_msg_id` of `messageFwdHeader`, both `flags.4?`): plain Rust,
/// encoded by the struct that holds it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Group {
    /// The declaration it belongs to.
    pub owner: String,
    /// The bit its fields share.
    pub flag: FlagBit,
    /// Where the struct lives under `types`.
    pub path: RustPath,
    /// Its fields (values, no longer conditional).
    pub fields: Vec<FieldModel>,
}

/// The row of a repetition (`n*[ id:int value:long ]`): a struct in `types`
/// with bare encoding only.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Row {
    /// What it is the row of, e.g. `gen.rows.rows` (declaration and field).
    pub tl_name: String,
    /// Where the struct lives under `types`.
    pub path: RustPath,
    /// Its fields.
    pub fields: Vec<FieldModel>,
    /// The bytes a row takes at the least.
    pub min_size: usize,
}

/// A Rust item's place: module path and name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub struct RustPath {
    /// Namespaces as snake_case modules.
    pub module: ModulePath,
    /// The item name (UpperCamelCase).
    pub name: String,
}

/// One constructor: a struct in `types`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Constructor {
    /// The TL name, e.g. `messages.messages`.
    pub tl_name: String,
    /// The constructor id in effect.
    pub id: u32,
    /// Where the struct lives under `types`.
    pub path: RustPath,
    /// Its variant in `AnyObject` (namespaces included: `MessagesMessages`).
    pub any_variant: String,
    /// Its fields.
    pub fields: Vec<FieldModel>,
    /// The boxed type it builds (TL name), e.g. `messages.Messages`.
    pub result: String,
    /// Documentation from the schema.
    pub doc: Option<String>,
    /// The declaration as canonical TL text, for documentation.
    pub declaration: String,
}

/// One boxed type: an enum in `enums`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct BoxedType {
    /// The TL name, e.g. `messages.Messages`.
    pub tl_name: String,
    /// Where the enum lives under `enums`.
    pub path: RustPath,
    /// Its variants, one per constructor, in TL-name order.
    pub variants: Vec<Variant>,
    /// Documentation (TDLib `@class`).
    pub doc: Option<String>,
}

/// One enum variant.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Variant {
    /// The variant name.
    pub name: String,
    /// Index into [`Model::constructors`].
    pub constructor: usize,
    /// Whether the payload is behind a `Box` (see the model builder's boxing rule).
    pub boxed: bool,
    /// Whether the constructor has no stored fields (a unit variant).
    pub unit: bool,
}

/// One function: a struct in `functions` implementing `RemoteCall`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Function {
    /// The TL name, e.g. `messages.importChatInvite`.
    pub tl_name: String,
    /// The id in effect.
    pub id: u32,
    /// Where the struct lives under `functions`.
    pub path: RustPath,
    /// Its variant in `AnyFunction` (namespaces included: `MessagesGetChats`).
    pub any_variant: String,
    /// Whether `AnyFunction` decodes its id as this function: `false` when
    /// another function shares the id and has more fields (TDLib's "Prefix"
    /// functions describe the start of a generic wrapper with its id).
    pub decoded_by_id: bool,
    /// Its arguments.
    pub fields: Vec<FieldModel>,
    /// The generic parameter (`X` of `{X:Type}`), if the function is generic.
    pub generic: Option<String>,
    /// What the call returns.
    pub returns: WireType,
    /// The result type as TL text (`Vector<User>`, `X`).
    pub tl_result: String,
    /// Documentation from the schema.
    pub doc: Option<String>,
    /// The declaration as canonical TL text.
    pub declaration: String,
    /// The errors its documentation lists, in the documentation's order.
    pub errors: Vec<PossibleError>,
    /// Who may call it, when a usability table was given (a function
    /// without a row is [`Usability::Unknown`]).
    pub usability: Option<Usability>,
}

/// A field of a constructor or function.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct FieldModel {
    /// The TL name.
    pub tl_name: String,
    /// The Rust field name (escaped if it is a keyword).
    pub rust_name: String,
    /// What it holds and how it is encoded.
    pub kind: FieldKind,
    /// Its type as canonical TL text, without the flag condition
    /// (`Vector<Document>` for `flags.3?Vector<Document>`, `#` for a flags
    /// word); empty for a [`FieldKind::Group`], which the schema does not
    /// spell.
    pub tl_type: String,
    /// Documentation from the schema.
    pub doc: Option<String>,
    /// The Rust name of the [`FieldKind::Group`] field that holds it, when it
    /// shares its flag bit with other fields (it is then not a field of its
    /// own).
    pub group: Option<String>,
}

/// How a field is stored and encoded.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum FieldKind {
    /// A `#` word that conditional fields refer to. Its field bits are
    /// computed from the fields present when serializing. With `keep_other_bits`
    /// (TDLib/TON, where bits such as TON's `mode.0` carry meaning without a
    /// field) the word is stored as a `u32` and its other bits are kept;
    /// otherwise (Telegram) it is not stored at all.
    Flags {
        /// Whether the word is stored and its non-field bits kept.
        keep_other_bits: bool,
    },
    /// A value, present always (`flag` is `None`) or when a bit is set.
    Value {
        /// Its wire type.
        ty: WireType,
        /// The bit that says it is present.
        flag: Option<FlagBit>,
    },
    /// `flags.N?true`: a `bool` that is the bit itself.
    TrueFlag(FlagBit),
    /// Fields that share one flag bit, stored together as one `Option` of a
    /// struct so that they are present all or none (a value with some of them
    /// set and others not would encode to bytes that do not decode). `true`
    /// flags of the same bit are the `Option`'s presence.
    Group {
        /// The bit they share.
        flag: FlagBit,
        /// The struct holding the values.
        path: RustPath,
        /// The TL names of the value fields, in order.
        members: Vec<String>,
    },
    /// A `#` that holds the length of a repetition: not stored, written from
    /// the length of the repetition's field.
    Count {
        /// The TL name of the repetition's field.
        rows: String,
    },
}

/// A bit in a flags word.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FlagBit {
    /// The TL name of the `#` field.
    pub field: String,
    /// The bit number, 0..=31.
    pub bit: u32,
}

impl FieldModel {
    /// Whether the field is stored in the struct (Telegram flags words are not).
    pub fn is_stored(&self) -> bool {
        self.group.is_none()
            && !matches!(
                self.kind,
                FieldKind::Flags {
                    keep_other_bits: false
                } | FieldKind::Count { .. }
            )
    }
}
