//! Wire types: what a field or result is on the wire, resolved against the schema.

use super::RustPath;

/// A resolved TL type, as encoded on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum WireType {
    /// `int`: i32.
    Int,
    /// `long` (`int64` in TDLib's schemas): i64.
    Long,
    /// TDLib's `int53`: an i64 encoded like `long`, that TDLib's JSON
    /// writes as a number (an `int64` is a string there).
    Int53,
    /// `double`: f64.
    Double,
    /// `#` used as a plain number: u32.
    Nat,
    /// `int128`: 16 bytes.
    Int128,
    /// `int256`: 32 bytes.
    Int256,
    /// `string`: UTF-8 text.
    String,
    /// `bytes`: raw bytes.
    Bytes,
    /// `Bool`: boxed boolTrue/boolFalse.
    Bool,
    /// `true` outside a flag: no bytes at all.
    True,
    /// `Vector<T>` (boxed, with the vector id) or `vector<T>` (bare).
    Vector {
        /// Whether the vector id is written.
        boxed: bool,
        /// The element type.
        elem: Box<WireType>,
    },
    /// A boxed type: an enum under `enums`.
    Boxed(RustPath),
    /// A bare constructor (`%T` or a constructor name): a struct under `types`, no id.
    Bare(RustPath),
    /// The type parameter of a generic function (`!X`, or a result `X`).
    Generic(String),
    /// `Object` / `object`: any boxed value of the schema (`AnyObject`).
    AnyObject,
    /// `Function` / `function`: any boxed function of the schema (`AnyFunction`).
    AnyFunction,
    /// A function result no constructor of the schema builds: the answer is
    /// kept as bytes (the runtime's `Raw`).
    Raw,
    /// `n*[ ... ]`: as many bare `elem` values as the `#` field `count` (its
    /// TL name) says, a `Vec`; the count is written from the vector's length.
    Rows {
        /// The TL name of the `#` field holding the count.
        count: String,
        /// What is repeated: one anonymous field's type, or a row struct.
        elem: Box<WireType>,
    },
    /// A value the schema's documentation says may be null (TDLib's
    /// "may be null", "pass null"): an `Option`. TL has no null; on the wire
    /// it is a `Bool` (`boolTrue` before a value, `boolFalse` for none), in
    /// TDLib's JSON an omitted key (or `null` in a vector).
    Nullable(Box<WireType>),
    /// `K*[ ... ]`: exactly `len` bare `elem` values, an array.
    Array {
        /// How many.
        len: usize,
        /// What is repeated.
        elem: Box<WireType>,
    },
}

impl WireType {
    /// The built-in TL type `name` stands for (`int`, `Int`, `int32`, ...),
    /// if any.
    pub fn primitive(name: &str) -> Option<WireType> {
        Some(match name {
            "#" => WireType::Nat,
            "int" | "Int" | "int32" => WireType::Int,
            "long" | "Long" | "int64" => WireType::Long,
            "int53" => WireType::Int53,
            "double" | "Double" => WireType::Double,
            "int128" | "Int128" => WireType::Int128,
            "int256" | "Int256" => WireType::Int256,
            "string" | "String" => WireType::String,
            "bytes" | "Bytes" => WireType::Bytes,
            "Bool" => WireType::Bool,
            "true" | "True" => WireType::True,
            "Object" | "object" => WireType::AnyObject,
            "Function" | "function" => WireType::AnyFunction,
            _ => return None,
        })
    }

    /// Whether `AnyObject` appears in it.
    pub fn mentions_any_object(&self) -> bool {
        match self {
            WireType::AnyObject => true,
            WireType::Vector { elem, .. }
            | WireType::Rows { elem, .. }
            | WireType::Array { elem, .. }
            | WireType::Nullable(elem) => elem.mentions_any_object(),
            _ => false,
        }
    }

    /// Whether the type is or holds `AnyFunction`.
    pub fn mentions_any_function(&self) -> bool {
        match self {
            WireType::AnyFunction => true,
            WireType::Vector { elem, .. }
            | WireType::Rows { elem, .. }
            | WireType::Array { elem, .. }
            | WireType::Nullable(elem) => elem.mentions_any_function(),
            _ => false,
        }
    }

    /// The fewest bytes a value takes on the wire (0 where it depends on
    /// other declarations), so that a hostile count is refused before
    /// anything is allocated.
    pub fn min_size(&self) -> usize {
        match self {
            WireType::Int | WireType::Nat | WireType::Bool | WireType::Nullable(_) => 4,
            WireType::Long | WireType::Int53 | WireType::Double => 8,
            WireType::Int128 => 16,
            WireType::Int256 => 32,
            WireType::String | WireType::Bytes => 4,
            WireType::Vector { boxed, .. } => {
                if *boxed {
                    8
                } else {
                    4
                }
            }
            WireType::Boxed(_) | WireType::AnyObject | WireType::AnyFunction => 4,
            WireType::Array { len, elem } => len.saturating_mul(elem.min_size()),
            WireType::True
            | WireType::Bare(_)
            | WireType::Generic(_)
            | WireType::Raw
            | WireType::Rows { .. } => 0,
        }
    }

    /// Whether a value's own `Serializable`/`Deserializable` impl is its wire
    /// form (so no codec is needed).
    pub fn is_self_encoding(&self) -> bool {
        match self {
            WireType::Int
            | WireType::Long
            | WireType::Int53
            | WireType::Double
            | WireType::Nat
            | WireType::Int128
            | WireType::Int256
            | WireType::String
            | WireType::Bool
            | WireType::Boxed(_)
            | WireType::Generic(_)
            | WireType::AnyObject
            | WireType::AnyFunction
            | WireType::Raw => true,
            WireType::Vector { boxed, elem } => *boxed && elem.is_self_encoding(),
            WireType::Bytes
            | WireType::True
            | WireType::Bare(_)
            | WireType::Rows { .. }
            | WireType::Array { .. }
            | WireType::Nullable(_) => false,
        }
    }

    /// Whether the Rust value holds no heap data and no nested TL objects: a
    /// small scalar that is cheap to keep inline in an enum.
    pub fn is_flat(&self) -> bool {
        !matches!(
            self,
            WireType::Boxed(_)
                | WireType::Bare(_)
                | WireType::Generic(_)
                | WireType::AnyObject
                | WireType::AnyFunction
                | WireType::Raw
        ) && match self {
            WireType::Vector { elem, .. }
            | WireType::Rows { elem, .. }
            | WireType::Array { elem, .. }
            | WireType::Nullable(elem) => elem.is_flat(),
            _ => true,
        }
    }

    /// An estimate of the Rust value's size in bytes (for boxing decisions).
    pub fn estimated_size(&self) -> usize {
        match self {
            WireType::Int | WireType::Nat => 4,
            WireType::Long | WireType::Int53 | WireType::Double => 8,
            WireType::Int128 => 16,
            WireType::Int256 => 32,
            WireType::Nullable(inner) => inner.estimated_size(),
            WireType::String
            | WireType::Bytes
            | WireType::Vector { .. }
            | WireType::Rows { .. } => 24,
            WireType::Array { len, elem } => len.saturating_mul(elem.estimated_size()),
            WireType::Bool => 1,
            WireType::True => 0,
            WireType::Boxed(_)
            | WireType::Bare(_)
            | WireType::Generic(_)
            | WireType::AnyObject
            | WireType::AnyFunction
            | WireType::Raw => 32,
        }
    }
}
