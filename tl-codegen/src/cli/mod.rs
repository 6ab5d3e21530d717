//! Subcommands of the `tl-codegen` binary, one module each.

use clap::ValueEnum;
use tl_parser::Dialect;

pub mod check;
pub mod generate;

/// `--dialect` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DialectArg {
    /// Telegram's id rules.
    Telegram,
    /// TDLib's and TON's id rules.
    Tdlib,
}

impl From<DialectArg> for Dialect {
    fn from(arg: DialectArg) -> Dialect {
        match arg {
            DialectArg::Telegram => Dialect::Telegram,
            DialectArg::Tdlib => Dialect::Tdlib,
        }
    }
}
