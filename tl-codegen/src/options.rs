//! The machinery behind [`crate::Config`]'s option list: how an option's
//! value becomes command-line flags and back. Each option is declared once,
//! in `config.rs`, with the `options!` macro: its field, default, builder
//! (with its documentation), flag and help line. Everything else (the
//! `Default`, [`crate::Config::command_line_flags`], the inverse
//! [`crate::Config::from_command_line_flags`], the flag table the command
//! line is built from) follows from that one line.

use std::collections::BTreeSet;
use std::fmt;
use std::path::PathBuf;

use tl_parser::Dialect;

/// One command-line flag of `tl-codegen generate`, from [`crate::Config::FLAGS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Flag {
    /// The flag, `--serde`.
    pub name: &'static str,
    /// The name of its value (`FILE`), or `None` for a switch.
    pub value_name: Option<&'static str>,
    /// One line of help.
    pub help: &'static str,
    /// The [`crate::Config`] builder method it stands for.
    pub method: &'static str,
}

impl Flag {
    /// Whether the flag takes a value.
    pub fn takes_value(&self) -> bool {
        self.value_name.is_some()
    }
}

/// A command line [`crate::Config::from_command_line_flags`] cannot read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FlagError {
    /// A flag no option has.
    Unknown(String),
    /// A flag that takes a value, last on the line.
    MissingValue(&'static str),
    /// A value the option cannot take.
    InvalidValue {
        /// The flag.
        flag: &'static str,
        /// What it was given.
        value: String,
        /// Why it is refused.
        reason: String,
    },
}

impl fmt::Display for FlagError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FlagError::Unknown(flag) => write!(f, "unknown flag `{flag}`"),
            FlagError::MissingValue(flag) => write!(f, "`{flag}` needs a value"),
            FlagError::InvalidValue {
                flag,
                value,
                reason,
            } => write!(f, "invalid value `{value}` for `{flag}`: {reason}"),
        }
    }
}

impl std::error::Error for FlagError {}

/// How an option's value is spelled on the command line.
pub(crate) trait OptionValue: Sized {
    /// Whether its flag takes a value.
    const TAKES_VALUE: bool;

    /// The flag and value that set it, or `None` when it is `default`.
    fn to_flags(&self, default: &Self, flag: &'static str) -> Option<Vec<String>>;

    /// Sets it from its flag's value (`None` for a switch).
    fn set(&mut self, default: &Self, value: Option<&str>) -> Result<(), String>;
}

/// A switch: the flag says "the other way than the default" (`--serde` for
/// an option off by default, `--no-debug` for one on by default).
impl OptionValue for bool {
    const TAKES_VALUE: bool = false;

    fn to_flags(&self, default: &Self, flag: &'static str) -> Option<Vec<String>> {
        (self != default).then(|| vec![flag.to_owned()])
    }

    fn set(&mut self, default: &Self, _: Option<&str>) -> Result<(), String> {
        *self = !default;
        Ok(())
    }
}

/// A value with a default of its own: written when it differs.
impl OptionValue for String {
    const TAKES_VALUE: bool = true;

    fn to_flags(&self, default: &Self, flag: &'static str) -> Option<Vec<String>> {
        (self != default).then(|| vec![flag.to_owned(), self.clone()])
    }

    fn set(&mut self, _: &Self, value: Option<&str>) -> Result<(), String> {
        value.unwrap_or_default().clone_into(self);
        Ok(())
    }
}

/// An optional value: written when it is given.
impl<T: FlagText> OptionValue for Option<T> {
    const TAKES_VALUE: bool = true;

    fn to_flags(&self, _: &Self, flag: &'static str) -> Option<Vec<String>> {
        self.as_ref().map(|v| vec![flag.to_owned(), v.to_text()])
    }

    fn set(&mut self, _: &Self, value: Option<&str>) -> Result<(), String> {
        *self = Some(T::from_text(value.unwrap_or_default())?);
        Ok(())
    }
}

/// A value type as flag text.
pub(crate) trait FlagText: Sized {
    fn to_text(&self) -> String;
    fn from_text(text: &str) -> Result<Self, String>;
}

impl FlagText for Dialect {
    fn to_text(&self) -> String {
        self.name().to_owned()
    }

    fn from_text(text: &str) -> Result<Self, String> {
        Dialect::from_name(text).ok_or_else(|| {
            let names: Vec<&str> = Dialect::ALL.iter().map(|d| d.name()).collect();
            format!("expected one of {}", names.join(", "))
        })
    }
}

impl FlagText for PathBuf {
    fn to_text(&self) -> String {
        self.display().to_string()
    }

    fn from_text(text: &str) -> Result<Self, String> {
        Ok(PathBuf::from(text))
    }
}

/// A set of names, comma-separated.
impl FlagText for BTreeSet<String> {
    fn to_text(&self) -> String {
        let names: Vec<&str> = self.iter().map(String::as_str).collect();
        names.join(",")
    }

    fn from_text(text: &str) -> Result<Self, String> {
        Ok(text.split(',').map(str::to_owned).collect())
    }
}

/// Declares [`crate::Config`] from its options: for each, the builder's
/// documentation, `builder(value: Type) field: FieldType = default`, then
/// `flag "--name" <"VALUE">` and a help line; then the settings of
/// [`crate::Config::compile`] that have no flag.
macro_rules! options {
    (
        $(
            $(#[doc = $doc:literal])*
            fn $field:ident($arg:ident: $arg_ty:ty) -> $ty:ty = $default:expr, $convert:expr;
            flag $flag:literal $(<$value_name:literal>)?, $help:literal;
        )*
        output {
            $(
                $(#[doc = $odoc:literal])*
                fn $ofield:ident($oarg:ident: $oarg_ty:ty) -> $oty:ty = $odefault:expr, $oconvert:expr;
            )*
        }
    ) => {
        /// Settings for generating Rust from TL schemas, prost-build style.
        ///
        /// ```no_run
        /// // build.rs
        /// fn main() -> Result<(), tl_codegen::Error> {
        ///     tl_codegen::Config::new()
        ///         .serde(true)
        ///         .compile(&["schema/api.tl", "schema/mtproto.tl"])?;
        ///     Ok(())
        /// }
        /// // src/lib.rs: include!(concat!(env!("OUT_DIR"), "/tl_types.rs"));
        /// ```
        ///
        /// Two configurations are equal when they generate and write the same way.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Config {
            $(pub(crate) $field: $ty,)*
            $(pub(crate) $ofield: $oty,)*
        }

        impl Default for Config {
            fn default() -> Self {
                Config {
                    $($field: $default,)*
                    $($ofield: $odefault,)*
                }
            }
        }

        impl Config {
            $(
                $(#[doc = $doc])*
                pub fn $field(&mut self, $arg: $arg_ty) -> &mut Self {
                    self.$field = $convert;
                    self
                }
            )*
            $(
                $(#[doc = $odoc])*
                pub fn $ofield(&mut self, $oarg: $oarg_ty) -> &mut Self {
                    self.$ofield = $oconvert;
                    self
                }
            )*

            /// The flags of `tl-codegen generate`, one per generation option,
            /// in the order [`Config::command_line_flags`] writes them.
            pub const FLAGS: &'static [$crate::options::Flag] = &[
                $($crate::options::Flag {
                    name: $flag,
                    value_name: options!(@value_name $($value_name)?),
                    help: $help,
                    method: stringify!($field),
                },)*
            ];

            /// The flags of `tl-codegen generate` that generate the same code
            /// as this configuration (the settings that only decide where
            /// [`Config::compile`] writes have no flag). A default setting
            /// gives no flag. [`Config::from_command_line_flags`] is the inverse.
            ///
            /// ```
            /// let mut config = tl_codegen::Config::new();
            /// config.dialect(tl_codegen::Dialect::Tdlib).serde(true);
            /// assert_eq!(config.command_line_flags(), ["--dialect", "tdlib", "--serde"]);
            /// ```
            pub fn command_line_flags(&self) -> Vec<String> {
                let default = Config::default();
                let mut flags = Vec::new();
                $(
                    if let Some(these) = $crate::options::OptionValue::to_flags(
                        &self.$field,
                        &default.$field,
                        $flag,
                    ) {
                        flags.extend(these);
                    }
                )*
                flags
            }

            /// Sets the option of one flag (`value` for a flag that takes one).
            pub fn set_flag(
                &mut self,
                flag: &str,
                value: Option<&str>,
            ) -> Result<&mut Self, $crate::options::FlagError> {
                let default = Config::default();
                let set = match flag {
                    $(
                        $flag => {
                            if <$ty as $crate::options::OptionValue>::TAKES_VALUE
                                && value.is_none()
                            {
                                return Err($crate::options::FlagError::MissingValue($flag));
                            }
                            $crate::options::OptionValue::set(
                                &mut self.$field,
                                &default.$field,
                                value,
                            )
                            .map_err(|reason| $crate::options::FlagError::InvalidValue {
                                flag: $flag,
                                value: value.unwrap_or_default().to_owned(),
                                reason,
                            })
                        }
                    )*
                    other => return Err($crate::options::FlagError::Unknown(other.to_owned())),
                };
                set.map(|()| self)
            }
        }
    };
    (@value_name $name:literal) => { Some($name) };
    (@value_name) => { None };
}

pub(crate) use options;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_switch_is_written_when_it_differs_from_its_default() {
        assert_eq!(false.to_flags(&false, "--serde"), None);
        assert_eq!(
            true.to_flags(&false, "--serde"),
            Some(vec!["--serde".to_owned()])
        );
        assert_eq!(
            false.to_flags(&true, "--no-debug"),
            Some(vec!["--no-debug".to_owned()])
        );
        let mut on = true;
        on.set(&true, None).unwrap();
        assert!(!on, "`--no-debug` turns a default-on option off");
    }

    #[test]
    fn names_are_comma_separated() {
        let names: BTreeSet<String> = FlagText::from_text("messages,bots").unwrap();
        assert_eq!(names.to_text(), "bots,messages");
    }

    #[test]
    fn an_unknown_dialect_says_which_there_are() {
        assert_eq!(
            Dialect::from_text("tl").unwrap_err(),
            "expected one of telegram, tdlib"
        );
    }
}
