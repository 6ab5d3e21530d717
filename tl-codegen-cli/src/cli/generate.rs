//! `tl-codegen generate`: writes the Rust generated from TL schemas.

use std::path::PathBuf;

use tl_codegen::Config;

use super::output::Stdout;
use super::{ConfigFlags, Exit, Generation, SchemaArgs, report};

/// Arguments of `tl-codegen generate`.
#[derive(Debug, Clone, PartialEq, Eq, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub schema: SchemaArgs,
    #[command(flatten)]
    pub codegen: CodegenArgs,
    /// Write here instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// The schema files, generated together.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// The generation options of [`Config`], one flag each, as
/// [`Config::FLAGS`] declares them.
pub type CodegenArgs = ConfigFlags<Generation>;

impl From<&Args> for Config {
    fn from(args: &Args) -> Config {
        let mut config = Config::new();
        args.schema.apply(&mut config);
        args.codegen.apply(&mut config);
        config
    }
}

/// Runs the command.
pub fn run(args: &Args) -> Exit {
    let code = match Config::from(args).generate(&args.files) {
        Ok(code) => code,
        Err(e) => return report(&e, Exit::SchemaErrors),
    };
    let written = match &args.output {
        Some(path) => std::fs::write(path, code).map_err(|e| format!("{}: {e}", path.display())),
        None => Stdout::new().write(&code),
    };
    match written {
        Ok(()) => Exit::Success,
        Err(e) => {
            eprintln!("error: {e}");
            Exit::Failure
        }
    }
}
