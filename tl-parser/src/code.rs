//! Stable codes for the kinds of problem a [`Diagnostic`](crate::Diagnostic)
//! reports, like rustc's `E0425`.
//!
//! A code names a kind of problem, not a message: messages may be reworded,
//! codes may not. Tools and tests match on [`Code`] (or on its string,
//! [`Code::as_str`], as `tl-codegen check --format json` prints it) rather
//! than on message text.
//!
//! # Stability
//!
//! Each code's string, `TL` followed by four digits, is stable: it keeps its
//! meaning in every later version, and a code that stops being reported is
//! retired, never given to another kind of problem. New kinds get the next
//! unused number. [`Code`] is `#[non_exhaustive]`, so new codes are not a
//! breaking change.
//!
//! So far the parser reports `TL0001`–`TL0005`, the validator `TL0006`–`TL0017`,
//! and tl-codegen `TL0018`–`TL0026` (the problems of merging several schema
//! files, of generating Rust, and of documentation inputs).

use std::fmt;

/// The kind of problem a [`Diagnostic`](crate::Diagnostic) reports.
///
/// See the [module documentation](self) for what stays stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Code {
    /// `TL0001`: text that does not follow the TL grammar (`expected X,
    /// found Y`).
    Syntax,
    /// `TL0002`: no `;` after a declaration's result type.
    MissingSemicolon,
    /// `TL0003`: a `/*` block comment that nothing closes.
    UnclosedComment,
    /// `TL0004`: types or repetitions that nest more than
    /// [`MAX_NESTING`](crate::MAX_NESTING) levels deep.
    NestingTooDeep,
    /// `TL0005`: a section marker other than `---types---` or
    /// `---functions---`.
    InvalidSection,
    /// `TL0006`: two constructors, or two functions, with the same name.
    DuplicateName,
    /// `TL0007`: two declarations of one section with the same explicit id.
    DuplicateId,
    /// `TL0008`: two fields of one declaration with the same name.
    DuplicateField,
    /// `TL0009`: a type the schema does not declare.
    UnknownType,
    /// `TL0010`: `!X` with no `{X:Type}` argument introducing `X`.
    UndeclaredTypeVariable,
    /// `TL0011`: a conditional field whose flags are not an earlier `#`
    /// field.
    InvalidFlagField,
    /// `TL0012`: a flag bit outside `0..=31`.
    FlagBitOutOfRange,
    /// `TL0013`: a repetition count that is neither an earlier `#` field nor
    /// a `{n:#}` argument.
    UnknownRepetitionCount,
    /// `TL0014` (warning): an explicit id that differs from the computed one.
    IdMismatch,
    /// `TL0015` (warning): most explicit ids differ from the computed ones,
    /// as when the schema follows the other dialect's id rules.
    DialectMismatch,
    /// `TL0016` (warning): a field of type `true` that is not conditional.
    UnconditionalTrue,
    /// `TL0017` (warning): a function result type that no constructor of
    /// the schema builds.
    UnbuiltResult,
    /// `TL0018`: two schema files that define one name differently.
    ConflictingDefinition,
    /// `TL0019`: a type the generator cannot express in Rust.
    UnsupportedType,
    /// `TL0020`: `%T` where `T` does not have exactly one constructor.
    AmbiguousBareType,
    /// `TL0021`: constructors of one type that get the same Rust variant name.
    VariantNameCollision,
    /// `TL0022`: a repetition that carries nothing (empty, or of `true`).
    EmptyRepetition,
    /// `TL0023`: a fixed repetition longer than the generator's limit.
    RepetitionTooLong,
    /// `TL0024`: a repetition count the generator cannot express (not a `#`
    /// field of the same declaration, missing, or shared).
    UnsupportedRepetitionCount,
    /// `TL0025`: a conditional field inside a repetition whose flags are not
    /// a `#` field of that repetition.
    FlagOutsideRepetition,
    /// `TL0026` (warning): documentation for something the schema does not
    /// have.
    StaleDocumentation,
}

impl Code {
    /// Every code, in the order of their numbers.
    pub const ALL: &'static [Code] = &[
        Code::Syntax,
        Code::MissingSemicolon,
        Code::UnclosedComment,
        Code::NestingTooDeep,
        Code::InvalidSection,
        Code::DuplicateName,
        Code::DuplicateId,
        Code::DuplicateField,
        Code::UnknownType,
        Code::UndeclaredTypeVariable,
        Code::InvalidFlagField,
        Code::FlagBitOutOfRange,
        Code::UnknownRepetitionCount,
        Code::IdMismatch,
        Code::DialectMismatch,
        Code::UnconditionalTrue,
        Code::UnbuiltResult,
        Code::ConflictingDefinition,
        Code::UnsupportedType,
        Code::AmbiguousBareType,
        Code::VariantNameCollision,
        Code::EmptyRepetition,
        Code::RepetitionTooLong,
        Code::UnsupportedRepetitionCount,
        Code::FlagOutsideRepetition,
        Code::StaleDocumentation,
    ];

    /// The stable string of the code: `TL` and four digits (`TL0009`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Code::Syntax => "TL0001",
            Code::MissingSemicolon => "TL0002",
            Code::UnclosedComment => "TL0003",
            Code::NestingTooDeep => "TL0004",
            Code::InvalidSection => "TL0005",
            Code::DuplicateName => "TL0006",
            Code::DuplicateId => "TL0007",
            Code::DuplicateField => "TL0008",
            Code::UnknownType => "TL0009",
            Code::UndeclaredTypeVariable => "TL0010",
            Code::InvalidFlagField => "TL0011",
            Code::FlagBitOutOfRange => "TL0012",
            Code::UnknownRepetitionCount => "TL0013",
            Code::IdMismatch => "TL0014",
            Code::DialectMismatch => "TL0015",
            Code::UnconditionalTrue => "TL0016",
            Code::UnbuiltResult => "TL0017",
            Code::ConflictingDefinition => "TL0018",
            Code::UnsupportedType => "TL0019",
            Code::AmbiguousBareType => "TL0020",
            Code::VariantNameCollision => "TL0021",
            Code::EmptyRepetition => "TL0022",
            Code::RepetitionTooLong => "TL0023",
            Code::UnsupportedRepetitionCount => "TL0024",
            Code::FlagOutsideRepetition => "TL0025",
            Code::StaleDocumentation => "TL0026",
        }
    }

    /// What kind of problem the code stands for, in one line.
    pub const fn description(self) -> &'static str {
        match self {
            Code::Syntax => "the text does not follow the TL grammar",
            Code::MissingSemicolon => "a declaration lacks the `;` after its result type",
            Code::UnclosedComment => "a `/*` block comment is never closed",
            Code::NestingTooDeep => "types or repetitions nest more than 32 levels deep",
            Code::InvalidSection => {
                "a section marker is neither `---types---` nor `---functions---`"
            }
            Code::DuplicateName => "two constructors or two functions have the same name",
            Code::DuplicateId => "two declarations of one section have the same explicit id",
            Code::DuplicateField => "two fields of one declaration have the same name",
            Code::UnknownType => "a type that the schema does not declare",
            Code::UndeclaredTypeVariable => "`!X` where no `{X:Type}` argument introduces `X`",
            Code::InvalidFlagField => "a conditional field's flags are not an earlier `#` field",
            Code::FlagBitOutOfRange => "a flag bit is outside 0..=31",
            Code::UnknownRepetitionCount => {
                "a repetition count is neither an earlier `#` field nor a `{n:#}` argument"
            }
            Code::IdMismatch => "an explicit id differs from the computed one",
            Code::DialectMismatch => {
                "most explicit ids differ from the computed ones: likely the other dialect's id rules"
            }
            Code::UnconditionalTrue => {
                "a field of type `true` is not conditional and carries nothing"
            }
            Code::UnbuiltResult => "a function returns a type that no constructor builds",
            Code::ConflictingDefinition => "schema files define one name differently",
            Code::UnsupportedType => "a type that the generator cannot express in Rust",
            Code::AmbiguousBareType => "`%T` where `T` does not have exactly one constructor",
            Code::VariantNameCollision => "constructors of one type get the same Rust variant name",
            Code::EmptyRepetition => "a repetition carries nothing (it is empty, or of `true`)",
            Code::RepetitionTooLong => "a fixed repetition is longer than the generator's limit",
            Code::UnsupportedRepetitionCount => {
                "a repetition count that the generator cannot express"
            }
            Code::FlagOutsideRepetition => {
                "a conditional field in a repetition uses flags from outside it"
            }
            Code::StaleDocumentation => "documentation for something the schema does not have",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nesting_description_names_the_limit() {
        let limit = crate::MAX_NESTING.to_string();
        assert!(Code::NestingTooDeep.description().contains(&limit));
    }
}
