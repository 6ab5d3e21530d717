//! Subcommands of the `tl-codegen` binary, one module each, and what they
//! share: the schema options and the exit statuses.

use std::process::ExitCode;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use tl_codegen::{Config, Dialect};

pub mod check;
pub mod diff;
pub mod docs;
pub mod generate;

/// How a command ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Done, nothing wrong.
    Success,
    /// A schema has errors.
    SchemaErrors,
    /// `diff` found differences (or breaking ones, when asked).
    Differences,
    /// A usage error, or a file that cannot be read or written.
    Failure,
}

impl Exit {
    /// The process exit status: 0, 1 or 2.
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::SchemaErrors | Exit::Differences => 1,
            Exit::Failure => 2,
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit.code())
    }
}

/// Reports a failed library call on stderr: schema errors rendered (and
/// ending with `on_schema`), anything else as `error: ...` (exit 2).
pub fn report(error: &tl_codegen::Error, on_schema: Exit) -> Exit {
    if let tl_codegen::Error::Schema(_) = error {
        eprint!("{error}");
        on_schema
    } else {
        eprintln!("error: {error}");
        Exit::Failure
    }
}

/// Options every command that reads schemas takes.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct SchemaArgs {
    /// The id rules: `telegram` (api.tl, mtproto.tl; the default) or `tdlib`
    /// (TDLib and TON; also `ton`).
    #[arg(long, value_parser = dialect_parser())]
    pub dialect: Option<Dialect>,
}

impl SchemaArgs {
    /// Sets these options on `config`.
    pub fn apply(&self, config: &mut Config) {
        if let Some(dialect) = self.dialect {
            config.dialect(dialect);
        }
    }
}

/// `--dialect` values: each dialect's name, and its aliases.
fn dialect_parser() -> impl TypedValueParser<Value = Dialect> {
    PossibleValuesParser::new(
        Dialect::ALL.map(|d| PossibleValue::new(d.name()).aliases(d.aliases().iter().copied())),
    )
    .map(|name| Dialect::from_name(&name).unwrap_or_default())
}

/// The documentation inputs, taken by `generate` and `docs`.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct DocsArgs {
    /// A documentation file (`api-docs` JSON): descriptions, parameters,
    /// each method's errors.
    #[arg(long = "docs", value_name = "FILE")]
    pub docs_file: Option<std::path::PathBuf>,
    /// A usability table (`method,usability,errors` CSV): who may call each method.
    #[arg(long = "usability", value_name = "FILE")]
    pub usability_table: Option<std::path::PathBuf>,
    /// An error table (`name,codes,description` CSV): typed RPC errors.
    #[arg(long = "errors", value_name = "FILE")]
    pub error_table: Option<std::path::PathBuf>,
}

impl DocsArgs {
    /// Sets these inputs on `config`.
    pub fn apply(&self, config: &mut Config) {
        if let Some(path) = &self.docs_file {
            config.docs_file(path);
        }
        if let Some(path) = &self.usability_table {
            config.usability_table(path);
        }
        if let Some(path) = &self.error_table {
            config.error_table(path);
        }
    }

    /// Reads the inputs that are given.
    pub fn read(&self) -> Result<tl_codegen::docs::Documentation, tl_codegen::Error> {
        tl_codegen::docs::Documentation::read(
            self.docs_file.as_deref(),
            self.usability_table.as_deref(),
            self.error_table.as_deref(),
        )
    }
}
