//! Generate Rust types, serializers and decoders from TL schemas.
//!
//! The pipeline: TL text → syntax tree ([`tl_parser`]) → validated, merged
//! declarations → the intermediate [`model`] → `quote!` tokens → formatted
//! Rust (prettyplease). Generated code depends on the `tl-runtime` crate.
//!
//! From a build script:
//!
//! ```no_run
//! tl_codegen::compile(&["schema/api.tl"]).expect("schema compiles");
//! ```
#![deny(missing_docs)]

pub mod book;
mod config;
pub mod diff;
pub mod docs;
mod emit;
mod error;
mod load;
pub mod model;
mod options;
mod pipeline;

pub use config::{Config, DEFAULT_FILE_NAME, DEFAULT_RUNTIME_CRATE};
pub use diff::SchemaDiff;
pub use error::{Error, FileDiagnostic, SchemaError, Source};
pub use options::{Flag, FlagError};
pub use pipeline::Built;
pub use pipeline::compile;
pub use tl_parser::{Code, Diagnostic, Dialect, Severity};

/// Generates Rust from the schema files with the default [`Config`].
pub fn generate(paths: &[impl AsRef<std::path::Path>]) -> Result<String, Error> {
    Config::new().generate(paths)
}
