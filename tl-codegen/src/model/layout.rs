//! The layout of the generated code, stated once: the top-level modules
//! items live in, and the Rust type that holds each wire type. Emission
//! spells these as tokens, the book and `diff` as text; none of them decides
//! a module name or a type mapping of its own.

use super::{Constructor, FieldKind, FieldModel, RustPath, WireType};

/// The three top-level modules items live in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Root {
    /// `types`: constructor structs.
    Types,
    /// `enums`: boxed-type enums.
    Enums,
    /// `functions`: function structs.
    Functions,
}

impl Root {
    /// The module name.
    pub fn name(self) -> &'static str {
        match self {
            Root::Types => "types",
            Root::Enums => "enums",
            Root::Functions => "functions",
        }
    }

    /// `root::module::...::Name` for `path` under this root.
    pub fn path_text(self, path: &RustPath) -> String {
        let mut out = self.name().to_owned();
        for part in path.module.iter().chain([&path.name]) {
            out.push_str("::");
            out.push_str(part);
        }
        out
    }
}

/// The items generated at the root of the output, beside the modules.
pub const ANY_OBJECT: &str = "AnyObject";
/// The enum over every function.
pub const ANY_FUNCTION: &str = "AnyFunction";

/// The most bytes a constructor's plain payload may take and stay inline
/// in its enum's variant.
pub const INLINE_BYTES: usize = 24;

/// What decides whether a constructor's payload stays inline in its enum's
/// variant or is boxed ([`Payload::is_inline`]). Boxing everything that is
/// not plain also breaks every type cycle through enums.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Payload<'a> {
    /// The first field that is not plain: only numbers, strings, bytes and
    /// vectors of those are.
    NotPlain(&'a FieldModel),
    /// The first field holding fields that share a flag bit (a struct).
    Group(&'a FieldModel),
    /// Plain fields only, taking about this many bytes.
    Plain(usize),
}

impl<'a> Payload<'a> {
    /// The payload of `c`.
    pub fn of(c: &'a Constructor) -> Self {
        let mut size = 0;
        for f in &c.fields {
            match &f.kind {
                FieldKind::Flags { keep_other_bits } => {
                    size += if *keep_other_bits { 4 } else { 0 }
                }
                FieldKind::Count { .. } => {}
                FieldKind::Group { .. } => return Payload::Group(f),
                FieldKind::TrueFlag(_) => size += 1,
                FieldKind::Value { ty, flag } => {
                    if !ty.is_flat() {
                        return Payload::NotPlain(f);
                    }
                    size += ty.estimated_size() + if flag.is_some() { 8 } else { 0 };
                }
            }
        }
        Payload::Plain(size)
    }

    /// Whether the payload stays inline: plain, and at most
    /// [`INLINE_BYTES`].
    pub fn is_inline(self) -> bool {
        matches!(self, Payload::Plain(size) if size <= INLINE_BYTES)
    }
}

/// The Rust type that holds a value of a wire type, as emission and the
/// book both spell it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RustType {
    /// A primitive written as is: `i32`, `i64`, `f64`, `u32`, `bool`, `()`.
    Primitive(&'static str),
    /// `[u8; N]` (`int128`, `int256`).
    ByteArray(usize),
    /// `String`.
    String,
    /// `Vec<u8>`.
    Bytes,
    /// A type of the runtime crate, by its path below it
    /// (`shared::ByteString`, `shared::Bytes`, `Raw`).
    Runtime(&'static str),
    /// `Vec<T>`.
    Vec(Box<RustType>),
    /// `Option<T>`.
    Option(Box<RustType>),
    /// `[T; N]`.
    Array(Box<RustType>, usize),
    /// A generated item under one of the [`Root`] modules.
    Item(Root, RustPath),
    /// A generated item at the root (`AnyObject`, `AnyFunction`).
    RootItem(&'static str),
    /// A generic parameter of a function (`X`).
    Generic(String),
}

impl RustType {
    /// Whether a value of this type is `Copy` and small enough to hand out
    /// by value: the primitives and `int128`/`int256`'s byte arrays.
    pub fn is_small_copy(&self) -> bool {
        matches!(self, RustType::Primitive(_) | RustType::ByteArray(_))
    }

    /// The Rust type of `ty`; `zero_copy` says whether `string`/`bytes`
    /// share the decoded buffer ([`crate::Config::zero_copy`]).
    pub fn of(ty: &WireType, zero_copy: bool) -> RustType {
        match ty {
            WireType::Int => RustType::Primitive("i32"),
            WireType::Long | WireType::Int53 => RustType::Primitive("i64"),
            WireType::Double => RustType::Primitive("f64"),
            WireType::Nat => RustType::Primitive("u32"),
            WireType::Bool => RustType::Primitive("bool"),
            WireType::True => RustType::Primitive("()"),
            WireType::Int128 => RustType::ByteArray(16),
            WireType::Int256 => RustType::ByteArray(32),
            WireType::String if zero_copy => RustType::Runtime("shared::ByteString"),
            WireType::Bytes if zero_copy => RustType::Runtime("shared::Bytes"),
            WireType::String => RustType::String,
            WireType::Bytes => RustType::Bytes,
            WireType::Vector { elem, .. } | WireType::Rows { elem, .. } => {
                RustType::Vec(Box::new(RustType::of(elem, zero_copy)))
            }
            WireType::Nullable(inner) => RustType::Option(Box::new(RustType::of(inner, zero_copy))),
            WireType::Array { len, elem } => {
                RustType::Array(Box::new(RustType::of(elem, zero_copy)), *len)
            }
            WireType::Boxed(path) => RustType::Item(Root::Enums, path.clone()),
            WireType::Bare(path) => RustType::Item(Root::Types, path.clone()),
            WireType::Generic(name) => RustType::Generic(name.clone()),
            WireType::AnyObject => RustType::RootItem(ANY_OBJECT),
            WireType::AnyFunction => RustType::RootItem(ANY_FUNCTION),
            WireType::Raw => RustType::Runtime("Raw"),
        }
    }

    /// The type as text, with generated items below `root` (`tl`; `""`
    /// for paths from the output's root, `enums::Peer`) and runtime items
    /// below `runtime` (`tl_runtime`).
    pub fn text(&self, root: &str, runtime: &str) -> String {
        let below_root = |path: String| {
            if root.is_empty() {
                path
            } else {
                format!("{root}::{path}")
            }
        };
        match self {
            RustType::Primitive(name) => (*name).to_owned(),
            RustType::ByteArray(len) => format!("[u8; {len}]"),
            RustType::String => "String".to_owned(),
            RustType::Bytes => "Vec<u8>".to_owned(),
            RustType::Runtime(path) => format!("{runtime}::{path}"),
            RustType::Vec(elem) => format!("Vec<{}>", elem.text(root, runtime)),
            RustType::Option(inner) => format!("Option<{}>", inner.text(root, runtime)),
            RustType::Array(elem, len) => format!("[{}; {len}]", elem.text(root, runtime)),
            RustType::Item(module, path) => below_root(module.path_text(path)),
            RustType::RootItem(name) => below_root((*name).to_owned()),
            RustType::Generic(name) => name.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(module: &[&str], name: &str) -> RustPath {
        RustPath {
            module: module.iter().map(|m| (*m).to_owned()).collect(),
            name: name.to_owned(),
        }
    }

    #[test]
    fn types_as_text() {
        let vector_of_users = WireType::Vector {
            boxed: true,
            elem: Box::new(WireType::Boxed(path(&[], "User"))),
        };
        assert_eq!(
            RustType::of(&vector_of_users, false).text("tl", "tl_runtime"),
            "Vec<tl::enums::User>"
        );
        let bare = WireType::Bare(path(&["messages"], "Messages"));
        assert_eq!(
            RustType::of(&bare, false).text("tl", "tl_runtime"),
            "tl::types::messages::Messages"
        );
        assert_eq!(
            RustType::of(&WireType::String, false).text("tl", "tl_runtime"),
            "String"
        );
        assert_eq!(
            RustType::of(&WireType::String, true).text("tl", "tl_runtime"),
            "tl_runtime::shared::ByteString"
        );
        assert_eq!(
            RustType::of(&WireType::Bytes, true).text("tl", "rt"),
            "rt::shared::Bytes"
        );
        assert_eq!(
            RustType::of(&WireType::Int128, false).text("tl", "rt"),
            "[u8; 16]"
        );
        assert_eq!(
            RustType::of(&WireType::AnyObject, false).text("tl", "rt"),
            "tl::AnyObject"
        );
        // From the output's root, as `diff` names types.
        assert_eq!(
            RustType::of(&vector_of_users, false).text("", "tl_runtime"),
            "Vec<enums::User>"
        );
        assert_eq!(
            RustType::of(&WireType::AnyObject, false).text("", "rt"),
            "AnyObject"
        );
    }
}
