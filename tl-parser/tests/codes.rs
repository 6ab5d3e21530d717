//! Every diagnostic code, its stable string and its description, as an exact
//! table: a code that changes string or meaning, or a new one, shows up here.
//! Which schema produces each code is asserted with the diagnostics tests
//! (`validate.rs`, `recovery.rs`, `hostile.rs` and the generator's tests).

use tl_parser::{Code, Dialect, check};

#[test]
fn every_code_with_its_description() {
    let table: Vec<String> = Code::ALL
        .iter()
        .map(|code| format!("{code} {code:?}: {}", code.description()))
        .collect();
    assert_eq!(
        table,
        [
            "TL0001 Syntax: the text does not follow the TL grammar",
            "TL0002 MissingSemicolon: a declaration lacks the `;` after its result type",
            "TL0003 UnclosedComment: a `/*` block comment is never closed",
            "TL0004 NestingTooDeep: types or repetitions nest more than 32 levels deep",
            "TL0005 InvalidSection: a section marker is neither `---types---` nor `---functions---`",
            "TL0006 DuplicateName: two constructors or two functions have the same name",
            "TL0007 DuplicateId: two declarations of one section have the same explicit id",
            "TL0008 DuplicateField: two fields of one declaration have the same name",
            "TL0009 UnknownType: a type that the schema does not declare",
            "TL0010 UndeclaredTypeVariable: `!X` where no `{X:Type}` argument introduces `X`",
            "TL0011 InvalidFlagField: a conditional field's flags are not an earlier `#` field",
            "TL0012 FlagBitOutOfRange: a flag bit is outside 0..=31",
            "TL0013 UnknownRepetitionCount: a repetition count is neither an earlier `#` field nor a `{n:#}` argument",
            "TL0014 IdMismatch: an explicit id differs from the computed one",
            "TL0015 DialectMismatch: most explicit ids differ from the computed ones: likely the other dialect's id rules",
            "TL0016 UnconditionalTrue: a field of type `true` is not conditional and carries nothing",
            "TL0017 UnbuiltResult: a function returns a type that no constructor builds",
            "TL0018 ConflictingDefinition: schema files define one name differently",
            "TL0019 UnsupportedType: a type that the generator cannot express in Rust",
            "TL0020 AmbiguousBareType: `%T` where `T` does not have exactly one constructor",
            "TL0021 VariantNameCollision: constructors of one type get the same Rust variant name",
            "TL0022 EmptyRepetition: a repetition carries nothing (it is empty, or of `true`)",
            "TL0023 RepetitionTooLong: a fixed repetition is longer than the generator's limit",
            "TL0024 UnsupportedRepetitionCount: a repetition count that the generator cannot express",
            "TL0025 FlagOutsideRepetition: a conditional field in a repetition uses flags from outside it",
            "TL0026 StaleDocumentation: documentation for something the schema does not have",
        ]
    );
}

/// `ALL` lists each code once, numbered from `TL0001` without gaps, in
/// order: a new code takes the next number.
#[test]
fn codes_are_numbered_in_order() {
    for (i, code) in Code::ALL.iter().enumerate() {
        assert_eq!(code.as_str(), format!("TL{:04}", i + 1));
    }
}

/// The code shows in the rendered diagnostic and in `Display`, like rustc's
/// `error[E0425]`.
#[test]
fn rendering_shows_the_code() {
    let src = "int ? = Int;\nfoo#12345678 x:Strin = Foo;\n";
    let checked = check(src, Dialect::Telegram);
    let error = checked.errors().next().expect("an error");
    assert_eq!(error.code, Code::UnknownType);
    assert_eq!(error.to_string(), "error[TL0009]: unknown type `Strin`");
    assert!(
        error
            .render("api.tl", src)
            .starts_with("error[TL0009]: unknown type `Strin`\n  --> api.tl:2:16\n"),
        "{}",
        error.render("api.tl", src)
    );
}
