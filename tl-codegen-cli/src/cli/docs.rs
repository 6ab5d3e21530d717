//! `tl-codegen docs`: reference pages for a schema, as an mdBook.
//!
//! ```text
//! tl-codegen docs [--dialect ...] [--docs FILE] [--usability FILE] [--errors FILE] -o DIR SCHEMA...
//! ```
//!
//! Writes `DIR/book.toml` and `DIR/src/` (`SUMMARY.md`, `README.md`, one
//! page per method, constructor and type, an index per namespace); `mdbook
//! build DIR` renders it. Prints one summary line on stdout: how many items
//! got a description and how many documentation entries name something the
//! schema lacks (each of those is a warning on stderr).
//!
//! Exit status: 0 when the book is written, 1 when a schema has errors, 2 on
//! a file that cannot be read or written or a malformed documentation file.

use std::path::PathBuf;

use tl_codegen::Config;

use super::output::Stdout;
use super::{DocsArgs, Exit, SchemaArgs, report};

/// Arguments of `tl-codegen docs`.
#[derive(Debug, Clone, PartialEq, Eq, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub schema: SchemaArgs,
    #[command(flatten)]
    pub docs: DocsArgs,
    /// The book's folder.
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
    /// The schema files, read together.
    #[arg(required = true, value_name = "SCHEMA")]
    pub files: Vec<PathBuf>,
}

/// Runs the command.
pub fn run(args: &Args) -> Exit {
    let mut config = Config::new();
    args.schema.apply(&mut config);
    args.docs.apply(&mut config);
    let built = match config.build(&args.files) {
        Ok(built) => built,
        Err(e) => return report(&e, Exit::SchemaErrors),
    };
    for warning in &built.documentation.warnings {
        eprintln!("{warning}");
    }
    let (model, applied) = (&built.model, &built.documentation);
    let book = config.book(model);
    if let Err(e) = book.write(&args.output) {
        eprintln!("error: {e}");
        return Exit::Failure;
    }
    let namespaces = book
        .pages
        .iter()
        .filter(|p| p.path.starts_with("ns/"))
        .count();
    let errors = if book.page("errors.md").is_some() {
        ", the errors"
    } else {
        ""
    };
    let line = format!(
        "{}: {} pages ({} methods, {} constructors, {} types, {namespaces} namespaces{errors}, the summary and the overview); described: {} of {} methods, {} of {} constructors, {} of {} types; {} stale documentation entries",
        args.output.display(),
        book.pages.len(),
        model.functions.len(),
        model.constructors.len(),
        model.types.len(),
        applied.functions_described,
        model.functions.len(),
        applied.constructors_described,
        model.constructors.len(),
        applied.types_described,
        model.types.len(),
        applied.stale
    );
    match Stdout::new().line(&line) {
        Ok(()) => Exit::Success,
        Err(e) => {
            eprintln!("error: {e}");
            Exit::Failure
        }
    }
}
