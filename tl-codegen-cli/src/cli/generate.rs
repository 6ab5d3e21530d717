//! `tl-codegen generate`: writes the Rust generated from TL schemas.

use std::io::Write;
use std::path::PathBuf;

use tl_codegen::Config;

use super::{DocsArgs, Exit, SchemaArgs, report};

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

/// The generation options of [`Config`], one flag each (see
/// [`Config::command_line_flags`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct CodegenArgs {
    /// Emit serde derives behind a `serde` feature of the including crate.
    #[arg(long)]
    pub serde: bool,
    /// Decode `string` leniently (invalid UTF-8 becomes U+FFFD).
    #[arg(long)]
    pub lossy_strings: bool,
    /// The path generated code names the runtime crate by (default `::tl_runtime`).
    #[arg(long, value_name = "PATH")]
    pub runtime_crate: Option<String>,
    /// Mark generated enums `#[non_exhaustive]`, so that new constructors
    /// and functions are not breaking changes downstream.
    #[arg(long)]
    pub non_exhaustive: bool,
    /// Do not implement `Deserializable` for functions (a client only
    /// encodes requests): less code to compile.
    #[arg(long)]
    pub no_function_decoding: bool,
    /// Do not derive `Debug` on generated types: less code to compile.
    #[arg(long)]
    pub no_debug: bool,
    /// Do not derive `PartialEq` on generated types: less code to compile.
    #[arg(long)]
    pub no_partial_eq: bool,
    /// `string`/`bytes` fields as `tl_runtime::shared::{ByteString, Bytes}`,
    /// slices of the buffer `from_shared` decodes (feature `zero-copy` of
    /// tl-runtime).
    #[arg(long)]
    pub zero_copy: bool,
    /// Print the output with a fast printer (a line per item, statement or
    /// arm) instead of formatting it with prettyplease.
    #[arg(long)]
    pub no_pretty: bool,
    /// Generate only the functions of these namespaces (comma-separated;
    /// global functions stay) and the types they reach.
    #[arg(long, value_name = "NAME,...", value_delimiter = ',')]
    pub namespaces: Option<Vec<String>>,
    #[command(flatten)]
    pub docs: DocsArgs,
}

impl From<&Args> for Config {
    fn from(args: &Args) -> Config {
        let mut config = Config::new();
        args.schema.apply(&mut config);
        let CodegenArgs {
            serde,
            lossy_strings,
            runtime_crate,
            non_exhaustive,
            no_function_decoding,
            no_debug,
            no_partial_eq,
            zero_copy,
            no_pretty,
            namespaces,
            docs,
        } = &args.codegen;
        config
            .serde(*serde)
            .lossy_strings(*lossy_strings)
            .non_exhaustive(*non_exhaustive)
            .function_decoding(!*no_function_decoding)
            .derive_debug(!*no_debug)
            .derive_partial_eq(!*no_partial_eq)
            .zero_copy(*zero_copy)
            .pretty(!*no_pretty);
        if let Some(path) = runtime_crate {
            config.runtime_crate(path.clone());
        }
        if let Some(names) = namespaces {
            config.namespaces(names.iter().cloned());
        }
        docs.apply(&mut config);
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
        None => std::io::stdout()
            .lock()
            .write_all(code.as_bytes())
            .map_err(|e| format!("standard output: {e}")),
    };
    match written {
        Ok(()) => Exit::Success,
        Err(e) => {
            eprintln!("error: {e}");
            Exit::Failure
        }
    }
}
