//! The options of generation, each declared once: a field of [`Config`], its
//! builder method, its default (decided in one accessor), and its
//! command-line flag ([`Config::command_line_flags`]).
//!
//! What generation does with them lives in `pipeline.rs`; emission reads them
//! through `emit::Context`.

use std::collections::BTreeSet;
use std::path::PathBuf;

use tl_parser::Dialect;

/// The path generated code reaches the runtime crate by, unless
/// [`Config::runtime_crate`] says otherwise.
pub const DEFAULT_RUNTIME_CRATE: &str = "::tl_runtime";

/// The output file name of [`Config::compile`], unless [`Config::file_name`]
/// says otherwise.
pub const DEFAULT_FILE_NAME: &str = "tl_types.rs";

/// Settings for generating Rust from TL schemas, prost-build style.
///
/// ```no_run
/// // build.rs
/// fn main() -> Result<(), tl_codegen::Error> {
///     tl_codegen::Config::new()
///         .serde(true)
///         .compile(&["schema/api.tl", "schema/mtproto.tl"])?;
///     Ok(())
/// }
/// // src/lib.rs: include!(concat!(env!("OUT_DIR"), "/tl_types.rs"));
/// ```
///
/// Two configurations are equal when they generate and write the same way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    dialect: Option<Dialect>,
    serde: bool,
    lossy_strings: bool,
    runtime_crate: Option<String>,
    non_exhaustive: bool,
    no_function_decoding: bool,
    no_debug: bool,
    no_partial_eq: bool,
    zero_copy: bool,
    no_pretty: bool,
    namespaces: Option<BTreeSet<String>>,
    docs_file: Option<PathBuf>,
    usability_table: Option<PathBuf>,
    error_table: Option<PathBuf>,
    out_dir: Option<PathBuf>,
    file_name: Option<String>,
    warnings: bool,
}

impl Config {
    /// The defaults: id rules detected from the schemas, no serde, strict UTF-8, output
    /// `tl_types.rs` in `OUT_DIR`, warnings not printed.
    pub fn new() -> Self {
        Self::default()
    }

    /// Which rules compute the constructor ids that the schema does not write.
    /// Without a choice they are detected from the schemas: Telegram's when
    /// at least half of the declarations carry an explicit id, TDLib's
    /// otherwise; the generated header says which was used and why.
    pub fn dialect(&mut self, dialect: Dialect) -> &mut Self {
        self.dialect = Some(dialect);
        self
    }

    /// Emit `#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]`
    /// on every type (the including crate then needs a `serde` feature).
    pub fn serde(&mut self, enable: bool) -> &mut Self {
        self.serde = enable;
        self
    }

    /// Decode `string` leniently, replacing invalid UTF-8 with U+FFFD, instead
    /// of failing with `InvalidUtf8`.
    pub fn lossy_strings(&mut self, enable: bool) -> &mut Self {
        self.lossy_strings = enable;
        self
    }

    /// The path generated code names the runtime crate by (default
    /// `::tl_runtime`), for crates that re-export it.
    pub fn runtime_crate(&mut self, path: impl Into<String>) -> &mut Self {
        self.runtime_crate = Some(path.into());
        self
    }

    /// Mark every generated enum (each boxed type, `AnyObject`, `AnyFunction`)
    /// `#[non_exhaustive]`, so that a new layer adding a constructor or a
    /// function is not a breaking change for crates that match on them: their
    /// `match`es need a `_` arm. Off by default. [`Config::diff`] classifies
    /// changes with this setting in mind.
    pub fn non_exhaustive(&mut self, enable: bool) -> &mut Self {
        self.non_exhaustive = enable;
        self
    }

    /// Whether functions (and `AnyFunction`) implement `Deserializable`
    /// (default on). A client only encodes requests; a server, a proxy or a
    /// test that reads requests needs decoding. Off, the generated crate has
    /// less code to compile. A schema whose constructors hold a `Function`
    /// keeps function decoding whatever this says.
    pub fn function_decoding(&mut self, enable: bool) -> &mut Self {
        self.no_function_decoding = !enable;
        self
    }

    /// Whether every generated type derives `Debug` (default on). Off, the
    /// generated crate compiles faster (about a tenth of its build time for
    /// a full Telegram layer) and its values cannot be printed with `{:?}`.
    /// The typed RPC errors keep `Debug`, which `std::error::Error` needs.
    pub fn derive_debug(&mut self, enable: bool) -> &mut Self {
        self.no_debug = !enable;
        self
    }

    /// Whether every generated type derives `PartialEq` (default on). Off,
    /// the generated crate compiles faster and values cannot be compared
    /// with `==`. The typed RPC errors keep it.
    pub fn derive_partial_eq(&mut self, enable: bool) -> &mut Self {
        self.no_partial_eq = !enable;
        self
    }

    /// Zero-copy decoding (default off): `string` fields are
    /// `tl_runtime::shared::ByteString` and `bytes` fields
    /// `tl_runtime::shared::Bytes` instead of `String` and `Vec<u8>`.
    /// Decoded with `Deserializable::from_shared` from a `Bytes` buffer, they
    /// are slices of it (a reference count, no allocation, no copy). The
    /// including crate enables the `zero-copy` feature of `tl-runtime` (and
    /// its `serde` feature with [`Config::serde`]).
    pub fn zero_copy(&mut self, enable: bool) -> &mut Self {
        self.zero_copy = enable;
        self
    }

    /// Whether the output is formatted with prettyplease (default on). Off,
    /// a fast printer writes it instead: one item, statement, field or match
    /// arm per line, indented, attributes (doc comments too) as
    /// `#[...]` lines; the same tokens, so the same program. Formatting is
    /// most of the time a build script spends when it runs unoptimized (the
    /// default profile): for a full Telegram layer about 2.5 s of 3, against
    /// a fraction of a second for the fast printer.
    pub fn pretty(&mut self, enable: bool) -> &mut Self {
        self.no_pretty = !enable;
        self
    }

    /// Generate only the functions of these namespaces (`messages`,
    /// `channels`, ...; global functions such as `invokeWithLayer` always
    /// stay) and the types and constructors they reach, instead of the whole
    /// schema: less code to compile for a program that calls a few
    /// namespaces. A namespace the schema has no function in is an error.
    pub fn namespaces<S: Into<String>>(&mut self, names: impl IntoIterator<Item = S>) -> &mut Self {
        self.namespaces = Some(names.into_iter().map(Into::into).collect());
        self
    }

    /// A documentation file in the format of Telegram's `api-docs` JSON
    /// (descriptions of constructors, types, methods and their parameters,
    /// and each method's errors). Items the schema does not describe take
    /// their description from it; entries for items the schema lacks are
    /// warnings ([`Config::warnings`]).
    pub fn docs_file(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.docs_file = Some(path.into());
        self
    }

    /// A usability table (`method,usability,errors` CSV): each function's
    /// documentation then answers "Can bots use this method?" (Yes, No, or
    /// Unknown for a method without a row) and lists the errors it names.
    pub fn usability_table(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.usability_table = Some(path.into());
        self
    }

    /// An error table (`name,codes,description` CSV). With it (or with the
    /// errors of a [`Config::docs_file`]) the output has a typed `RpcError`
    /// enum, and each function lists the errors it may return.
    pub fn error_table(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.error_table = Some(path.into());
        self
    }

    /// Where [`Config::compile`] writes (default: the `OUT_DIR` of the build script).
    pub fn out_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// The output file name inside the output directory (default `tl_types.rs`).
    pub fn file_name(&mut self, name: impl Into<String>) -> &mut Self {
        self.file_name = Some(name.into());
        self
    }

    /// Show schema warnings: [`Config::compile`] prints them as
    /// `cargo:warning=` lines, and a failing schema's error lists them next to
    /// the errors (off by default: real schemas carry known id quirks).
    pub fn warnings(&mut self, enable: bool) -> &mut Self {
        self.warnings = enable;
        self
    }

    /// The flags of `tl-codegen generate` that generate the same code as this
    /// configuration (options that only decide where [`Config::compile`]
    /// writes have no flag). A default setting gives no flag.
    ///
    /// ```
    /// let mut config = tl_codegen::Config::new();
    /// config.dialect(tl_codegen::Dialect::Tdlib).serde(true);
    /// assert_eq!(config.command_line_flags(), ["--dialect", "tdlib", "--serde"]);
    /// ```
    pub fn command_line_flags(&self) -> Vec<String> {
        let mut flags = Vec::new();
        if let Some(dialect) = self.dialect {
            flags.extend(["--dialect".to_owned(), dialect.name().to_owned()]);
        }
        if self.serde {
            flags.push("--serde".to_owned());
        }
        if self.lossy_strings {
            flags.push("--lossy-strings".to_owned());
        }
        if let Some(path) = &self.runtime_crate {
            flags.extend(["--runtime-crate".to_owned(), path.clone()]);
        }
        if self.non_exhaustive {
            flags.push("--non-exhaustive".to_owned());
        }
        if self.no_function_decoding {
            flags.push("--no-function-decoding".to_owned());
        }
        if self.no_debug {
            flags.push("--no-debug".to_owned());
        }
        if self.no_partial_eq {
            flags.push("--no-partial-eq".to_owned());
        }
        if self.zero_copy {
            flags.push("--zero-copy".to_owned());
        }
        if self.no_pretty {
            flags.push("--no-pretty".to_owned());
        }
        if let Some(names) = &self.namespaces {
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            flags.extend(["--namespaces".to_owned(), names.join(",")]);
        }
        for (flag, path) in [
            ("--docs", &self.docs_file),
            ("--usability", &self.usability_table),
            ("--errors", &self.error_table),
        ] {
            if let Some(path) = path {
                flags.extend([flag.to_owned(), path.display().to_string()]);
            }
        }
        flags
    }

    /// The id rules [`Config::dialect`] chose, if any; without a choice they
    /// are detected from the schemas ([`tl_parser::detect_dialect`]).
    pub fn chosen_dialect(&self) -> Option<Dialect> {
        self.dialect
    }

    // The other options' values in effect, each default decided here once.

    pub(crate) fn serde_enabled(&self) -> bool {
        self.serde
    }

    pub(crate) fn lossy_strings_enabled(&self) -> bool {
        self.lossy_strings
    }

    pub(crate) fn runtime_crate_path(&self) -> &str {
        self.runtime_crate
            .as_deref()
            .unwrap_or(DEFAULT_RUNTIME_CRATE)
    }

    /// Whether generated enums are `#[non_exhaustive]`.
    pub fn non_exhaustive_enabled(&self) -> bool {
        self.non_exhaustive
    }

    /// Whether functions implement `Deserializable`.
    pub(crate) fn function_decoding_enabled(&self) -> bool {
        !self.no_function_decoding
    }

    /// Whether generated types derive `Debug`.
    pub(crate) fn debug_derive_enabled(&self) -> bool {
        !self.no_debug
    }

    /// Whether generated types derive `PartialEq`.
    pub(crate) fn partial_eq_derive_enabled(&self) -> bool {
        !self.no_partial_eq
    }

    /// Whether `string`/`bytes` fields share the decoded buffer.
    pub(crate) fn zero_copy_enabled(&self) -> bool {
        self.zero_copy
    }

    /// Whether the output is formatted with prettyplease.
    pub(crate) fn pretty_enabled(&self) -> bool {
        !self.no_pretty
    }

    /// The namespaces to generate the functions of, if not all.
    pub(crate) fn namespaces_in_effect(&self) -> Option<&BTreeSet<String>> {
        self.namespaces.as_ref()
    }

    /// The documentation inputs: documentation file, usability table, error table.
    pub(crate) fn docs_inputs(
        &self,
    ) -> (
        Option<&std::path::Path>,
        Option<&std::path::Path>,
        Option<&std::path::Path>,
    ) {
        (
            self.docs_file.as_deref(),
            self.usability_table.as_deref(),
            self.error_table.as_deref(),
        )
    }

    /// The output directory: the configured one, else `OUT_DIR`.
    pub(crate) fn out_dir_in_effect(&self) -> Option<PathBuf> {
        self.out_dir
            .clone()
            .or_else(|| std::env::var_os("OUT_DIR").map(PathBuf::from))
    }

    pub(crate) fn file_name_in_effect(&self) -> &str {
        self.file_name.as_deref().unwrap_or(DEFAULT_FILE_NAME)
    }

    pub(crate) fn warnings_enabled(&self) -> bool {
        self.warnings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_decided_in_one_place() {
        let config = Config::new();
        assert_eq!(config.chosen_dialect(), None);
        assert!(!config.serde_enabled());
        assert!(!config.lossy_strings_enabled());
        assert_eq!(config.runtime_crate_path(), "::tl_runtime");
        assert_eq!(config.file_name_in_effect(), "tl_types.rs");
        assert!(!config.warnings_enabled());
        assert!(!config.non_exhaustive_enabled());
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
            .namespaces(["messages", "bots"])
            .docs_file("d.json")
            .usability_table("m.csv")
            .error_table("e.csv");
        assert_eq!(
            config.command_line_flags(),
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
    }
}
