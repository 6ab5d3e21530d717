//! The error type of the library.

use std::path::PathBuf;

/// Why code could not be generated.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A schema file could not be read, or the output could not be written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The schemas have errors. `rendered` holds every diagnostic, located and
    /// rendered like rustc's, followed by a count.
    #[error("{rendered}")]
    Schema {
        /// The rendered diagnostics.
        rendered: String,
        /// How many errors.
        errors: usize,
    },
    /// `compile` was called outside a build script and no output directory was set.
    #[error("OUT_DIR is not set: call `Config::out_dir` when not running from a build script")]
    NoOutDir,
    /// The generated tokens did not form a Rust file (a bug in tl-codegen).
    #[error("internal error: generated code does not parse: {0}")]
    Emit(String),
}
