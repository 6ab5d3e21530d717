//! The error type of the library, and the schema problems it carries.
//!
//! Diagnostics stay structured (severity, code, message, file, span) together with
//! the schema texts they point into, and are rendered only when displayed, so
//! callers can inspect them and `fn main() -> Result<(), Error>` in a build
//! script still prints them as rustc would.

use std::fmt;
use std::path::PathBuf;

use tl_parser::{Diagnostic, Severity};

/// One schema file's name and text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Source {
    /// The name diagnostics show (usually the path as given).
    pub name: String,
    /// The file's text.
    pub text: String,
}

impl Source {
    /// A source named `name` holding `text`.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            name: name.into(),
            text: text.into(),
        }
    }
}

/// A diagnostic and the index of the file (in [`SchemaError::sources`]) it
/// points into.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FileDiagnostic {
    /// Index of the file among the sources.
    pub file: usize,
    /// The problem, located by a byte span into that file.
    pub diagnostic: Diagnostic,
}

impl FileDiagnostic {
    /// `diagnostic` in file number `file`.
    pub fn new(file: usize, diagnostic: Diagnostic) -> Self {
        FileDiagnostic { file, diagnostic }
    }
}

/// The schemas have errors: every problem found, each located, with the
/// texts they point into.
///
/// `Display` renders every diagnostic like rustc (`error[TL0009]: ...`, ` --> FILE:LINE:COL`,
/// the line, a caret) and ends with a count; `Debug` puts the count first and
/// then renders the same diagnostics, so that a `main` returning this error
/// prints readable text rather than an escaped string.
#[derive(Clone, PartialEq, Eq)]
pub struct SchemaError {
    sources: Vec<Source>,
    diagnostics: Vec<FileDiagnostic>,
    /// What the errors stopped: `generate code`, `compare the schemas`.
    stopped: &'static str,
}

impl SchemaError {
    /// The problems `diagnostics` (errors, and warnings when they were asked
    /// for) found in `sources`.
    pub fn new(sources: Vec<Source>, diagnostics: Vec<FileDiagnostic>) -> Self {
        SchemaError {
            sources,
            diagnostics,
            stopped: "generate code",
        }
    }

    /// The same errors, found while comparing two schemas ([`crate::Config::diff`]).
    pub(crate) fn comparing(mut self) -> SchemaError {
        self.stopped = "compare the schemas";
        self
    }

    /// Both errors' problems, `other`'s files after this one's.
    pub(crate) fn join(mut self, other: SchemaError) -> SchemaError {
        let offset = self.sources.len();
        self.sources.extend(other.sources);
        self.diagnostics
            .extend(other.diagnostics.into_iter().map(|mut d| {
                d.file += offset;
                d
            }));
        self
    }

    /// The schema files, in the order given.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Every diagnostic: the errors, and the warnings when
    /// [`crate::Config::warnings`] is on.
    pub fn diagnostics(&self) -> &[FileDiagnostic] {
        &self.diagnostics
    }

    /// The errors only.
    pub fn errors(&self) -> impl Iterator<Item = &FileDiagnostic> {
        self.diagnostics.iter().filter(|d| d.diagnostic.is_error())
    }

    /// How many errors.
    pub fn error_count(&self) -> usize {
        self.errors().count()
    }

    /// The file a diagnostic points into.
    pub fn source_of(&self, diagnostic: &FileDiagnostic) -> Option<&Source> {
        self.sources.get(diagnostic.file)
    }

    /// `file:line:col: severity[CODE]: message`, one line per diagnostic
    /// (the form `cargo:warning=` lines take, and rustc's short one).
    pub fn one_line_each(&self) -> Vec<String> {
        one_line_each(&self.sources, &self.diagnostics)
    }

    /// `could not generate code: N errors in the schema`.
    fn summary(&self) -> String {
        let errors = self.error_count();
        format!(
            "could not {}: {errors} error{} in the schema",
            self.stopped,
            if errors == 1 { "" } else { "s" }
        )
    }

    fn render_diagnostics(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.diagnostics {
            if let Some(source) = self.source_of(d) {
                f.write_str(&d.diagnostic.render(&source.name, &source.text))?;
            }
        }
        Ok(())
    }
}

/// See [`SchemaError::one_line_each`].
pub(crate) fn one_line_each(sources: &[Source], diagnostics: &[FileDiagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .filter_map(|d| {
            let source = sources.get(d.file)?;
            let (line, col) = d.diagnostic.line_col(&source.text);
            let severity = match d.diagnostic.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            Some(format!(
                "{}:{line}:{col}: {severity}[{}]: {}",
                source.name, d.diagnostic.code, d.diagnostic.message
            ))
        })
        .collect()
}

impl fmt::Display for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.render_diagnostics(f)?;
        writeln!(f, "error: {}", self.summary())
    }
}

impl fmt::Debug for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}\n", self.summary())?;
        self.render_diagnostics(f)
    }
}

impl std::error::Error for SchemaError {}

/// Why code could not be generated.
///
/// `Debug` shows the same text as `Display` (a schema error's diagnostics
/// rendered, not escaped), so `fn main() -> Result<(), tl_codegen::Error>`
/// in a build script fails the build with readable output.
#[derive(thiserror::Error)]
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
    /// The schemas have errors, every one of them located.
    #[error(transparent)]
    Schema(#[from] SchemaError),
    /// A documentation input (documentation file, usability or error table)
    /// is malformed.
    #[error("{path}: {reason}")]
    Docs {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// An option has a value generation cannot use.
    #[error("invalid option `{option}`: {reason}")]
    InvalidOption {
        /// The option, as the builder method names it.
        option: &'static str,
        /// Why the value is unusable.
        reason: String,
    },
    /// `compile` was called outside a build script and no output directory was set.
    #[error("OUT_DIR is not set: call `Config::out_dir` when not running from a build script")]
    NoOutDir,
    /// The generated tokens did not form a Rust file (a bug in tl-codegen).
    #[error("internal error: generated code does not parse: {0}")]
    Emit(String),
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Schema(e) => fmt::Debug::fmt(e, f),
            other => fmt::Display::fmt(other, f),
        }
    }
}
