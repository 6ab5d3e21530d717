//! Names the language itself defines.

/// Names of the built-in (bare) primitives that schemas declare for completeness
/// (`int ? = Int;`, `vector {t:Type} # [ t ] = Vector t;`, TDLib's `int53 = Int53;`).
pub const CORE_NAMES: &[&str] = &[
    "int", "long", "double", "string", "bytes", "int32", "int53", "int64", "int128", "int256",
    "vector", "object", "function",
];

/// Type names every schema may use without declaring them.
pub const PRELUDE_TYPES: &[&str] = &[
    "#", "int", "long", "double", "string", "bytes", "int128", "int256", "true", "Bool", "True",
    "vector", "Vector", "Type", "Object", "Function", "Int", "Long", "Double", "String", "Bytes",
];

/// Whether `name` is one of [`CORE_NAMES`].
pub fn is_core_name(name: &str) -> bool {
    CORE_NAMES.contains(&name)
}
