//! The options of generation, each declared once below: its builder method
//! (with its documentation), its field and default, its command-line flag
//! and help line. `options.rs` turns that list into [`Config`], its
//! `Default`, [`Config::command_line_flags`] and its inverse, and
//! [`Config::FLAGS`], from which the `tl-codegen` command line is built.
//!
//! Defaults are decided here and nowhere else; emission reads the fields
//! through `emit::Context::config`. What generation does with the options
//! lives in `pipeline.rs`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use tl_parser::Dialect;

use crate::options::{FlagError, options};

/// The path generated code reaches the runtime crate by, unless
/// [`Config::runtime_crate`] says otherwise.
pub const DEFAULT_RUNTIME_CRATE: &str = "::tl_runtime";

/// The output file name of [`Config::compile`], unless [`Config::file_name`]
/// says otherwise.
pub const DEFAULT_FILE_NAME: &str = "tl_types.rs";

options! {
    /// Which rules compute the constructor ids that the schema does not write.
    /// Without a choice they are detected from the schemas: Telegram's when
    /// at least half of the declarations carry an explicit id, TDLib's
    /// otherwise; the generated header says which was used and why.
    fn dialect(dialect: Dialect) -> Option<Dialect> = None, Some(dialect);
    flag "--dialect" <"DIALECT">, "The id rules: `telegram` (api.tl, mtproto.tl) or `tdlib` (TDLib and TON; also `ton`); detected from the schemas when not given";

    /// Emit `#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]`
    /// on every type (the including crate then needs a `serde` feature).
    fn serde(enable: bool) -> bool = false, enable;
    flag "--serde", "Emit serde derives behind a `serde` feature of the including crate";

    /// Decode `string` leniently, replacing invalid UTF-8 with U+FFFD, instead
    /// of failing with `InvalidUtf8`.
    fn lossy_strings(enable: bool) -> bool = false, enable;
    flag "--lossy-strings", "Decode `string` leniently (invalid UTF-8 becomes U+FFFD)";

    /// The path generated code names the runtime crate by (default
    /// `::tl_runtime`), for crates that re-export it.
    fn runtime_crate(path: impl Into<String>) -> String = DEFAULT_RUNTIME_CRATE.to_owned(), path.into();
    flag "--runtime-crate" <"PATH">, "The path generated code names the runtime crate by (default `::tl_runtime`)";

    /// Mark every generated enum (each boxed type, `AnyObject`, `AnyFunction`)
    /// `#[non_exhaustive]`, so that a new layer adding a constructor or a
    /// function is not a breaking change for crates that match on them: their
    /// `match`es need a `_` arm. Off by default. [`Config::diff`] classifies
    /// changes with this setting in mind.
    fn non_exhaustive(enable: bool) -> bool = false, enable;
    flag "--non-exhaustive", "Mark generated enums `#[non_exhaustive]`, so that new constructors and functions are not breaking changes downstream";

    /// Whether functions (and `AnyFunction`) implement `Deserializable`
    /// (default on). A client only encodes requests; a server, a proxy or a
    /// test that reads requests needs decoding. Off, the generated crate has
    /// less code to compile. A schema whose constructors hold a `Function`
    /// keeps function decoding whatever this says.
    fn function_decoding(enable: bool) -> bool = true, enable;
    flag "--no-function-decoding", "Do not implement `Deserializable` for functions (a client only encodes requests): less code to compile";

    /// Whether every generated type implements `Debug` (default on). Most
    /// print from one table of the layer's fields (`tl_runtime::debug`: the
    /// text a derived `Debug` prints, for a line per type instead of a
    /// derived body); what the table cannot describe (repetitions, arrays,
    /// TDLib's nullable values, `Object`, generic functions, stored flags
    /// words, zero-copy `bytes`) derives it. Off, the generated crate
    /// compiles faster still and its values cannot be printed with `{:?}`
    /// (README: what the switches trade). The typed RPC errors keep `Debug`,
    /// which `std::error::Error` needs.
    fn derive_debug(enable: bool) -> bool = true, enable;
    flag "--no-debug", "Do not implement `Debug` on generated types: less code to compile";

    /// Whether every generated type implements `PartialEq` (default on).
    /// Types with an encoding of their own compare through it
    /// (`tl_runtime::same_encoding`: the derived answer, with the exception
    /// that function documents, for a fraction of the compile time); the
    /// structs of fields that share a flag bit and generic functions derive
    /// it. Off, the generated crate compiles faster still and values cannot
    /// be compared with `==`. The typed RPC errors keep it.
    fn derive_partial_eq(enable: bool) -> bool = true, enable;
    flag "--no-partial-eq", "Do not implement `PartialEq` on generated types: less code to compile";

    /// Zero-copy decoding (default off): `string` fields are
    /// `tl_runtime::shared::ByteString` and `bytes` fields
    /// `tl_runtime::shared::Bytes` instead of `String` and `Vec<u8>`.
    /// Decoded with `Deserializable::from_shared` from a `Bytes` buffer, they
    /// are slices of it (a reference count, no allocation, no copy). The
    /// including crate enables the `zero-copy` feature of `tl-runtime` (and
    /// its `serde` feature with [`Config::serde`]).
    fn zero_copy(enable: bool) -> bool = false, enable;
    flag "--zero-copy", "`string`/`bytes` fields as `tl_runtime::shared::{ByteString, Bytes}`, slices of the buffer `from_shared` decodes (feature `zero-copy` of tl-runtime)";

    /// Whether the output is formatted with prettyplease (default on). Off,
    /// a fast printer writes it instead: one item, statement, field or match
    /// arm per line, indented, attributes (doc comments too) as
    /// `#[...]` lines; the same tokens, so the same program. Formatting is
    /// most of the time a build script spends when it runs unoptimized (the
    /// default profile).
    fn pretty(enable: bool) -> bool = true, enable;
    flag "--no-pretty", "Print the output with a fast printer (a line per item, statement or arm) instead of formatting it with prettyplease";

    /// `TryFrom<enums::T>` for every constructor struct of `T` (default
    /// off): `types::MessageEmpty::try_from(message)` gives the struct when
    /// the value is that constructor, and the enum back when it is not.
    fn try_from(enable: bool) -> bool = false, enable;
    flag "--try-from", "Implement `TryFrom<enums::T>` for each constructor struct of `T` (the enum back when it is another constructor)";

    /// Accessors on each boxed type's enum for the fields its constructors
    /// share (default off): `message.id()` for a field every constructor
    /// has, `update.pts()` (an `Option`) for one that only some have; `Copy`
    /// values by value, others by reference. A field name is shared when two
    /// or more constructors have it with the same value type.
    fn accessors(enable: bool) -> bool = false, enable;
    flag "--accessors", "Accessors on each enum for the fields its constructors share (`message.id()`, `update.pts()` as an `Option`)";

    /// `fn new(required fields in TL order) -> Self` on every constructor
    /// and function struct that has an optional field (default on: two
    /// rounds of measurement found no cost to `cargo check` or `cargo build`
    /// of a full layer): the optional ones (conditional, `true` flags,
    /// nullable) start as `None`/`false`, and a `string` argument takes
    /// `impl Into<String>`: `SendMessage::new(peer, "hi", random_id)`.
    fn new_methods(enable: bool) -> bool = true, enable;
    flag "--no-new-methods", "No `new(required fields)` on the structs with an optional field";

    /// `TryFrom<&types::C>` for the input types the schema implies (default
    /// on: three rounds of measurement found no cost to `cargo check` of a
    /// full layer): `enums::InputPeer::try_from(&user)?`, `enums::InputUser`,
    /// `enums::InputChannel`, `enums::InputDocument`, ... An input
    /// constructor `inputX` takes its fields from the constructor `x` (the
    /// type's word dropped: `inputPeerUser` from `user`) by name and type,
    /// `user_id`/`channel_id`/`chat_id` from `id`; a conditional source
    /// field that is not set is a `tl_runtime::MissingField`.
    fn conversions(enable: bool) -> bool = true, enable;
    flag "--no-conversions", "No `TryFrom<&types::C>` for the input types the schema implies (`enums::InputPeer::try_from(&user)`)";

    /// Generate only the functions of these namespaces (`messages`,
    /// `channels`, ...; global functions such as `invokeWithLayer` always
    /// stay) and the types and constructors they reach, instead of the whole
    /// schema: less code to compile for a program that calls a few
    /// namespaces. A namespace the schema has no function in is an error.
    fn namespaces(names: impl IntoIterator<Item = impl Into<String>>) -> Option<BTreeSet<String>> = None, Some(names.into_iter().map(Into::into).collect());
    flag "--namespaces" <"NAME,...">, "Generate only the functions of these namespaces (comma-separated; global functions stay) and the types they reach";

    /// A documentation file in the format of Telegram's `api-docs` JSON
    /// (descriptions of constructors, types, methods and their parameters,
    /// and each method's errors). Items the schema does not describe take
    /// their description from it; entries for items the schema lacks are
    /// warnings ([`Config::warnings`]).
    fn docs_file(path: impl Into<PathBuf>) -> Option<PathBuf> = None, Some(path.into());
    flag "--docs" <"FILE">, "A documentation file (`api-docs` JSON): descriptions, parameters, each method's errors";

    /// A usability table (`method,usability,errors` CSV): each function's
    /// documentation then answers "Can bots use this method?" (Yes, No, or
    /// Unknown for a method without a row) and lists the errors it names.
    fn usability_table(path: impl Into<PathBuf>) -> Option<PathBuf> = None, Some(path.into());
    flag "--usability" <"FILE">, "A usability table (`method,usability,errors` CSV): who may call each method";

    /// An error table (`name,codes,description` CSV). With it (or with the
    /// errors of a [`Config::docs_file`]) the output has a typed `RpcError`
    /// enum, and each function lists the errors it may return.
    fn error_table(path: impl Into<PathBuf>) -> Option<PathBuf> = None, Some(path.into());
    flag "--errors" <"FILE">, "An error table (`name,codes,description` CSV): typed RPC errors";

    output {
        /// Where [`Config::compile`] writes (default: the `OUT_DIR` of the build script).
        fn out_dir(dir: impl Into<PathBuf>) -> Option<PathBuf> = None, Some(dir.into());

        /// The output file name inside the output directory (default `tl_types.rs`).
        fn file_name(name: impl Into<String>) -> String = DEFAULT_FILE_NAME.to_owned(), name.into();

        /// Show schema warnings: [`Config::compile`] prints them as
        /// `cargo:warning=` lines, and a failing schema's error lists them next to
        /// the errors (off by default: real schemas carry known id quirks).
        fn warnings(enable: bool) -> bool = false, enable;
    }
}

impl Config {
    /// The defaults: id rules detected from the schemas, no serde, strict UTF-8, output
    /// `tl_types.rs` in `OUT_DIR`, warnings not printed.
    pub fn new() -> Self {
        Self::default()
    }

    /// The configuration `tl-codegen generate FLAGS` generates with: the
    /// inverse of [`Config::command_line_flags`].
    ///
    /// ```
    /// let config = tl_codegen::Config::from_command_line_flags(["--serde", "--namespaces", "messages"])?;
    /// assert_eq!(config.command_line_flags(), ["--serde", "--namespaces", "messages"]);
    /// # Ok::<(), tl_codegen::FlagError>(())
    /// ```
    pub fn from_command_line_flags<S: AsRef<str>>(
        flags: impl IntoIterator<Item = S>,
    ) -> Result<Config, FlagError> {
        let mut config = Config::new();
        let mut flags = flags.into_iter();
        while let Some(flag) = flags.next() {
            let flag = flag.as_ref();
            let known = Config::flag(flag).ok_or_else(|| FlagError::Unknown(flag.to_owned()))?;
            if known.takes_value() {
                let value = flags.next().ok_or(FlagError::MissingValue(known.name))?;
                config.set_flag(flag, Some(value.as_ref()))?;
            } else {
                config.set_flag(flag, None)?;
            }
        }
        Ok(config)
    }

    /// The flag called `name` (`--serde`), if an option has it.
    pub fn flag(name: &str) -> Option<&'static crate::options::Flag> {
        Config::FLAGS.iter().find(|f| f.name == name)
    }

    /// The id rules [`Config::dialect`] chose, if any; without a choice they
    /// are detected from the schemas ([`tl_parser::detect_dialect`]).
    pub fn chosen_dialect(&self) -> Option<Dialect> {
        self.dialect
    }

    /// Whether generated enums are `#[non_exhaustive]`.
    pub fn non_exhaustive_enabled(&self) -> bool {
        self.non_exhaustive
    }

    /// The output directory: the configured one, else `OUT_DIR`.
    pub(crate) fn out_dir_in_effect(&self) -> Option<PathBuf> {
        self.out_dir
            .clone()
            .or_else(|| std::env::var_os("OUT_DIR").map(PathBuf::from))
    }

    /// The documentation inputs given, in the order they are read: the docs
    /// file, the usability table, the error table.
    pub(crate) fn documentation_inputs(&self) -> impl Iterator<Item = &Path> {
        [&self.docs_file, &self.usability_table, &self.error_table]
            .into_iter()
            .filter_map(|path| path.as_deref())
    }

    /// Whether any documentation input was given.
    pub(crate) fn has_documentation(&self) -> bool {
        self.documentation_inputs().next().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_decided_in_one_place() {
        let config = Config::new();
        assert_eq!(config.chosen_dialect(), None);
        assert!(!config.serde);
        assert!(!config.lossy_strings);
        assert_eq!(config.runtime_crate, "::tl_runtime");
        assert_eq!(config.file_name, "tl_types.rs");
        assert!(!config.warnings);
        assert!(!config.non_exhaustive);
        assert!(config.function_decoding && config.derive_debug && config.derive_partial_eq);
        assert!(config.pretty);
        assert!(config.command_line_flags().is_empty());
    }

    #[test]
    fn every_generation_option_has_a_flag() {
        let mut config = Config::new();
        config
            .dialect(Dialect::Telegram)
            .serde(true)
            .lossy_strings(true)
            .runtime_crate("crate::rt")
            .non_exhaustive(true)
            .function_decoding(false)
            .derive_debug(false)
            .derive_partial_eq(false)
            .zero_copy(true)
            .pretty(false)
            .try_from(true)
            .accessors(true)
            .new_methods(false)
            .conversions(false)
            .namespaces(["messages", "bots"])
            .docs_file("d.json")
            .usability_table("m.csv")
            .error_table("e.csv");
        let flags = config.command_line_flags();
        assert_eq!(
            flags,
            [
                "--dialect",
                "telegram",
                "--serde",
                "--lossy-strings",
                "--runtime-crate",
                "crate::rt",
                "--non-exhaustive",
                "--no-function-decoding",
                "--no-debug",
                "--no-partial-eq",
                "--zero-copy",
                "--no-pretty",
                "--try-from",
                "--accessors",
                "--no-new-methods",
                "--no-conversions",
                "--namespaces",
                "bots,messages",
                "--docs",
                "d.json",
                "--usability",
                "m.csv",
                "--errors",
                "e.csv"
            ]
        );
        assert_eq!(Config::from_command_line_flags(&flags).unwrap(), config);
        // Every flag of the table took part.
        let names: Vec<&str> = Config::FLAGS.iter().map(|f| f.name).collect();
        let written: Vec<&str> = flags
            .iter()
            .map(String::as_str)
            .filter(|f| f.starts_with("--"))
            .collect();
        assert_eq!(names, written);
    }

    #[test]
    fn command_lines_that_cannot_be_read() {
        let errors = [
            (vec!["--serd"], "unknown flag `--serd`"),
            (vec!["--docs"], "`--docs` needs a value"),
            (
                vec!["--dialect", "tl"],
                "invalid value `tl` for `--dialect`: expected one of telegram, tdlib",
            ),
        ];
        for (flags, message) in errors {
            let error = Config::from_command_line_flags(&flags).unwrap_err();
            assert_eq!(error.to_string(), message, "{flags:?}");
        }
    }

    #[test]
    fn the_table_names_each_builder() {
        let methods: Vec<&str> = Config::FLAGS.iter().map(|f| f.method).collect();
        assert_eq!(
            methods,
            [
                "dialect",
                "serde",
                "lossy_strings",
                "runtime_crate",
                "non_exhaustive",
                "function_decoding",
                "derive_debug",
                "derive_partial_eq",
                "zero_copy",
                "pretty",
                "try_from",
                "accessors",
                "new_methods",
                "conversions",
                "namespaces",
                "docs_file",
                "usability_table",
                "error_table"
            ]
        );
    }
}
