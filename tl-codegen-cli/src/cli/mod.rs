//! Subcommands of the `tl-codegen` binary, one module each, and what they
//! share: the schema options and the exit statuses.

use std::process::ExitCode;

use std::marker::PhantomData;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Arg, ArgAction, ArgMatches};
use tl_codegen::{Config, Dialect, Flag};

pub mod check;
pub mod diff;
pub mod docs;
pub mod generate;
pub mod output;

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

/// Options of [`Config`] taken from the command line exactly as
/// [`Config::FLAGS`] declares them (flag, value name, help), so that a new
/// option needs no code here: `S` says which of them a command takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigFlags<S> {
    /// The flags given, in the table's order, with their values.
    pub given: Vec<(&'static Flag, Option<String>)>,
    set: PhantomData<S>,
}

impl<S> Default for ConfigFlags<S> {
    fn default() -> Self {
        ConfigFlags {
            given: Vec::new(),
            set: PhantomData,
        }
    }
}

/// Which flags of [`Config::FLAGS`] a command takes.
pub trait FlagSet {
    /// Whether the command takes `flag`.
    fn takes(flag: &Flag) -> bool;
}

/// `--dialect`: every command that reads schemas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Schema {}

impl FlagSet for Schema {
    fn takes(flag: &Flag) -> bool {
        flag.name == "--dialect"
    }
}

/// The documentation inputs, taken by `docs`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocsInputs {}

impl FlagSet for DocsInputs {
    fn takes(flag: &Flag) -> bool {
        matches!(flag.name, "--docs" | "--usability" | "--errors")
    }
}

/// Every generation option but `--dialect`, taken by `generate`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Generation {}

impl FlagSet for Generation {
    fn takes(flag: &Flag) -> bool {
        !Schema::takes(flag)
    }
}

/// Options every command that reads schemas takes.
pub type SchemaArgs = ConfigFlags<Schema>;
/// The documentation inputs.
pub type DocsArgs = ConfigFlags<DocsInputs>;

impl<S: FlagSet> ConfigFlags<S> {
    fn flags() -> impl Iterator<Item = &'static Flag> {
        Config::FLAGS.iter().filter(|f| S::takes(f))
    }

    /// Sets these options on `config`.
    pub fn apply(&self, config: &mut Config) {
        for (flag, value) in &self.given {
            // The values were checked by the parser (`--dialect`'s names)
            // or are taken as they are (paths, names): nothing can fail here.
            let _ = config.set_flag(flag.name, value.as_deref());
        }
    }
}

/// The clap id of a flag: its name without the dashes.
fn id(flag: &Flag) -> &'static str {
    flag.name.trim_start_matches('-')
}

impl<S: FlagSet> clap::FromArgMatches for ConfigFlags<S> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let mut args = ConfigFlags::default();
        args.update_from_arg_matches(matches)?;
        Ok(args)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        self.given = Self::flags()
            .filter_map(|flag| {
                if flag.takes_value() {
                    let value = matches.get_one::<String>(id(flag))?;
                    Some((flag, Some(value.clone())))
                } else {
                    matches.get_flag(id(flag)).then_some((flag, None))
                }
            })
            .collect();
        Ok(())
    }
}

impl<S: FlagSet> clap::Args for ConfigFlags<S> {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        cmd.args(Self::flags().map(|flag| {
            let arg = Arg::new(id(flag)).long(id(flag)).help(flag.help);
            match flag.value_name {
                Some(name) if flag.name == "--dialect" => {
                    arg.value_name(name).value_parser(dialect_parser())
                }
                Some(name) => arg.value_name(name).action(ArgAction::Set),
                None => arg.action(ArgAction::SetTrue),
            }
        }))
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

/// `--dialect` values: each dialect's name, and its aliases; the value kept
/// is the dialect's name.
fn dialect_parser() -> impl TypedValueParser<Value = String> {
    PossibleValuesParser::new(
        Dialect::ALL.map(|d| PossibleValue::new(d.name()).aliases(d.aliases().iter().copied())),
    )
    .map(|name| {
        Dialect::from_name(&name)
            .unwrap_or_default()
            .name()
            .to_owned()
    })
}
