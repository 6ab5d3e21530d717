//! The layout of the generated code, stated once: the top-level modules
//! items live in, and the Rust type that holds each wire type. Emission
//! spells these as tokens, the book and `diff` as text; none of them decides
//! a module name or a type mapping of its own.

use super::{RustPath, WireType};

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

    /// The type as text, with generated items below `root` (`tl`) and
    /// runtime items below `runtime` (`tl_runtime`).
    pub fn text(&self, root: &str, runtime: &str) -> String {
        match self {
            RustType::Primitive(name) => (*name).to_owned(),
            RustType::ByteArray(len) => format!("[u8; {len}]"),
            RustType::String => "String".to_owned(),
            RustType::Bytes => "Vec<u8>".to_owned(),
            RustType::Runtime(path) => format!("{runtime}::{path}"),
            RustType::Vec(elem) => format!("Vec<{}>", elem.text(root, runtime)),
            RustType::Option(inner) => format!("Option<{}>", inner.text(root, runtime)),
            RustType::Array(elem, len) => format!("[{}; {len}]", elem.text(root, runtime)),
            RustType::Item(module, path) => format!("{root}::{}", module.path_text(path)),
            RustType::RootItem(name) => format!("{root}::{name}"),
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
    }
}
