//! The `tl-codegen` command-line tool.
//!
//! ```text
//! tl-codegen check [--dialect telegram|tdlib] [--format human|json] FILE...
//! tl-codegen generate [--dialect telegram|tdlib] [--serde] [--lossy-strings]
//!                     [--runtime-crate PATH] [--non-exhaustive] [-o OUT] FILE...
//! tl-codegen docs [--dialect ...] [--docs FILE] [--usability FILE] [--errors FILE]
//!                 -o DIR FILE...
//! tl-codegen diff [--dialect ...] [--non-exhaustive] [--format text|markdown|markdown-full|json]
//!                 [--fail-on-breaking] [-o OUT] (OLD NEW | --old FILE... --new FILE...)
//! ```
//!
//! Exit status ([`cli::Exit`]): 0 when every file is free of errors, 1 when
//! some file has an error, 2 on a usage error or a file that cannot be read
//! or written. `diff` exits 0 without differences, 1 with (or with breaking
//! ones, under `--fail-on-breaking`), 2 when a side cannot be read or has
//! errors.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cli;

use cli::{check, diff, docs, generate};

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
    /// Compare two versions of a schema: what was added, removed and changed,
    /// and what breaks Rust code or the wire.
    Diff(diff::Args),
    /// Write reference pages for a schema (an mdBook), with descriptions,
    /// examples, parameters, results, errors and bot usability.
    Docs(docs::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let exit = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Generate(args) => generate::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Docs(args) => docs::run(&args),
    };
    exit.into()
}

#[cfg(test)]
mod tests {
    use clap::Parser;
    use tl_codegen::{Config, Dialect};

    use super::{Cli, Command};

    /// The `Config` `tl-codegen generate FLAGS... x.tl` generates with.
    fn config_of(flags: &[String]) -> Config {
        let mut argv = vec!["tl-codegen".to_owned(), "generate".to_owned()];
        argv.extend_from_slice(flags);
        argv.push("x.tl".to_owned());
        match Cli::try_parse_from(argv).map(|cli| cli.command) {
            Ok(Command::Generate(args)) => Config::from(&args),
            other => panic!("{flags:?}: {other:?}"),
        }
    }

    #[test]
    fn no_flags_give_the_default_config() {
        assert_eq!(config_of(&[]), Config::default());
    }

    /// Builder → command-line flags → builder gives the same configuration,
    /// option by option and all together.
    #[test]
    fn builder_flags_builder_round_trip() {
        let mut configs = Vec::new();
        for dialect in Dialect::ALL {
            configs.push(Config::new().dialect(dialect).clone());
        }
        configs.push(Config::new().serde(true).clone());
        configs.push(Config::new().lossy_strings(true).clone());
        configs.push(Config::new().runtime_crate("crate::rt").clone());
        configs.push(Config::new().non_exhaustive(true).clone());
        configs.push(Config::new().namespaces(["channels"]).clone());
        configs.push(Config::new().function_decoding(false).clone());
        configs.push(Config::new().derive_debug(false).clone());
        configs.push(Config::new().derive_partial_eq(false).clone());
        configs.push(Config::new().zero_copy(true).clone());
        configs.push(Config::new().pretty(false).clone());
        configs.push(Config::new().try_from(true).clone());
        configs.push(
            Config::new()
                .dialect(Dialect::Tdlib)
                .serde(true)
                .lossy_strings(true)
                .runtime_crate("::my::tl_runtime")
                .non_exhaustive(true)
                .namespaces(["messages", "bots"])
                .function_decoding(false)
                .derive_debug(false)
                .derive_partial_eq(false)
                .zero_copy(true)
                .pretty(false)
                .try_from(true)
                .docs_file("docs/api.json")
                .usability_table("docs/methods.csv")
                .error_table("docs/errors.csv")
                .clone(),
        );
        for config in configs {
            let flags = config.command_line_flags();
            assert_eq!(config_of(&flags), config, "{flags:?}");
        }
    }

    /// Every flag of `Config::FLAGS` is on the command line, with the
    /// same meaning: flags → command line → `Config` → flags.
    #[test]
    fn every_declared_flag_round_trips() {
        for flag in Config::FLAGS {
            let mut flags = vec![flag.name.to_owned()];
            if flag.takes_value() {
                flags.push(
                    match flag.name {
                        "--dialect" => "tdlib",
                        "--namespaces" => "bots,messages",
                        "--runtime-crate" => "crate::rt",
                        _ => "some/file",
                    }
                    .to_owned(),
                );
            }
            let config = config_of(&flags);
            assert_eq!(config.command_line_flags(), flags);
            assert_eq!(Config::from_command_line_flags(&flags).unwrap(), config);
        }
    }

    #[test]
    fn dialect_aliases_are_accepted() {
        let ton = config_of(&["--dialect".to_owned(), "ton".to_owned()]);
        assert_eq!(ton, Config::new().dialect(Dialect::Tdlib).clone());
        let unknown = Cli::try_parse_from(["tl-codegen", "check", "--dialect", "tl", "x.tl"]);
        let message = unknown.unwrap_err().to_string();
        assert!(
            message.contains("invalid value 'tl' for '--dialect <DIALECT>'")
                && message.contains("[possible values: telegram, tdlib]"),
            "{message}"
        );
    }
}
