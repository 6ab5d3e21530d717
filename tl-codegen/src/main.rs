//! The `tl-codegen` command-line tool.
//!
//! ```text
//! tl-codegen check [--dialect telegram|tdlib] [--format human|json] FILE...
//! tl-codegen generate [--dialect telegram|tdlib] [--serde] [--lossy-strings]
//!                     [--runtime-crate PATH] [-o OUT] FILE...
//! ```
//!
//! Exit status: 0 when every file is free of errors, 1 when some file has an
//! error, 2 on a usage error or a file that cannot be read or written.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cli;

use cli::{check, generate};

/// Generate Rust from TL schemas, or check schemas for problems.
#[derive(Debug, Parser)]
#[command(name = "tl-codegen", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
enum Command {
    /// Parse and validate schema files, reporting every problem.
    Check(check::Args),
    /// Generate Rust from schema files (several files are generated together).
    Generate(generate::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let status = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Generate(args) => generate::run(&args),
    };
    ExitCode::from(status)
}
