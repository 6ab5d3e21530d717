//! `tl-codegen generate`: writes the Rust generated from TL schemas.

use std::path::PathBuf;

use tl_codegen::{Config, Error};

use super::DialectArg;

/// Arguments of `tl-codegen generate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The id rules: `telegram` (api.tl, mtproto.tl) or `tdlib` (TDLib, TON).
    #[arg(long, value_enum, default_value_t = DialectArg::Telegram)]
    pub dialect: DialectArg,
    /// Emit serde derives behind a `serde` feature of the including crate.
    #[arg(long)]
    pub serde: bool,
    /// Decode `string` leniently (invalid UTF-8 becomes U+FFFD).
    #[arg(long)]
    pub lossy_strings: bool,
    /// The path generated code names the runtime crate by.
    #[arg(long, default_value = "::tl_runtime")]
    pub runtime_crate: String,
    /// Write here instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// The schema files, generated together.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// Runs the command: 0 on success, 1 for schema errors, 2 for I/O errors.
pub fn run(args: &Args) -> u8 {
    let result = Config::new()
        .dialect(args.dialect.into())
        .serde(args.serde)
        .lossy_strings(args.lossy_strings)
        .runtime_crate(args.runtime_crate.clone())
        .generate(&args.files);
    let code = match result {
        Ok(code) => code,
        Err(e @ Error::Schema { .. }) => {
            eprint!("{e}");
            return 1;
        }
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let written = match &args.output {
        Some(path) => std::fs::write(path, code).map_err(|e| format!("{}: {e}", path.display())),
        None => {
            use std::io::Write;
            std::io::stdout()
                .lock()
                .write_all(code.as_bytes())
                .map_err(|e| format!("standard output: {e}"))
        }
    };
    match written {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
    }
}
