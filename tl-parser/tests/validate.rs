//! The validator's rules one by one, on small hand-written schemas, with the
//! exact messages and positions expected.

mod common;

use tl_parser::{Code, Dialect, Kind, check, parse, validate};

/// `(severity, code, line, column, message)`.
type Located = (String, Code, usize, usize, String);

/// `(severity, code, line, column, message)` of every diagnostic `check` gives.
fn problems(src: &str) -> Vec<Located> {
    check(src, Dialect::Telegram)
        .diagnostics
        .iter()
        .map(|d| common::located(d, src))
        .collect()
}

fn err(code: Code, line: usize, col: usize, message: &str) -> Located {
    ("error".to_owned(), code, line, col, message.to_owned())
}

fn warn(code: Code, line: usize, col: usize, message: &str) -> Located {
    ("warning".to_owned(), code, line, col, message.to_owned())
}

const PRELUDE: &str = "int ? = Int;\nvector {t:Type} # [ t ] = Vector t;\n";

#[test]
fn known_references_are_accepted() {
    let src = format!(
        "{PRELUDE}\
message id:int = Message;
future_salt valid_since:int = FutureSalt;
tonNode.shardId workchain:int = tonNode.ShardId;
holder a:%Message b:vector<future_salt> c:tonNode.shardId d:(vector Message) e:Vector<FutureSalt> f:Bool g:bytes = Holder;
tuple {{X:Type}} {{n:#}} items:n*[ X ] = Tuple X n;
---functions---
invoke {{X:Type}} query:!X = X;
wrap query:!Message = Message;
get = Vector<Holder>;
"
    );
    assert_eq!(problems(&src), vec![]);
}

#[test]
fn unknown_types_everywhere() {
    let src = "\
a {X:Kind} x:Foo y:Vector<Bar> = A;
b flags:# c:flags.0?Baz = B X;
---functions---
f = Vector<Qux>;
g = Nope;
h = Y;
";
    assert_eq!(
        problems(src),
        vec![
            err(Code::UnknownType, 1, 6, "unknown type `Kind`"),
            err(Code::UnknownType, 1, 14, "unknown type `Foo`"),
            err(Code::UnknownType, 1, 27, "unknown type `Bar`"),
            err(Code::UnknownType, 2, 21, "unknown type `Baz`"),
            err(Code::UnknownType, 2, 29, "unknown type `X`"),
            // In a function's result: a warning (the answer needs another
            // schema), unless it looks like a forgotten type variable.
            warn(
                Code::UnbuiltResult,
                4,
                12,
                "no constructor of this schema builds `Qux`: the answer cannot be decoded from this schema alone"
            ),
            warn(
                Code::UnbuiltResult,
                5,
                5,
                "no constructor of this schema builds `Nope`: the answer cannot be decoded from this schema alone"
            ),
            err(Code::UnknownType, 6, 5, "unknown type `Y`"),
        ]
    );
}

#[test]
fn nat_variables_are_type_arguments_only() {
    let src = "int ? = Int;\nt {n:#} x:n y:Vector<n> = T;\n";
    assert_eq!(
        problems(src),
        vec![err(Code::UnknownType, 2, 11, "unknown type `n`")]
    );
}

#[test]
fn type_variables_belong_to_their_declaration() {
    let src = "\
---functions---
ok {X:Type} query:!X = X;
bad query:!X = X;
";
    assert_eq!(
        problems(src),
        vec![
            err(
                Code::UndeclaredTypeVariable,
                3,
                12,
                "type variable `X` is not declared"
            ),
            err(Code::UnknownType, 3, 16, "unknown type `X`"),
        ]
    );
    let checked = check(src, Dialect::Telegram);
    assert_eq!(
        checked.diagnostics[0].notes,
        ["introduce it with `{X:Type}`"]
    );
}

#[test]
fn flag_references() {
    let src = "\
int ? = Int;
a x:mask.0?int = A;
b flags:# x:flags.0?int y:flags.0?int z:flags.31?int = B;
c flags:# w:flags.99999999999999999999?int = C;
d n:# r:n*[ flags:# v:flags.1?int ] k:m*[ int ] = D;
";
    assert_eq!(
        problems(src),
        vec![
            err(
                Code::InvalidFlagField,
                2,
                5,
                "field `x` is conditional on `mask`, which is not a field of this declaration"
            ),
            err(
                Code::FlagBitOutOfRange,
                4,
                19,
                "flag bit 18446744073709551615 is out of range; bits must be in 0..=31"
            ),
            err(
                Code::UnknownRepetitionCount,
                5,
                39,
                "repetition count `m` is not an earlier `#` field or a `{m:#}` argument"
            ),
        ]
    );
}

// Computed ids in these tests come from Python, not from this crate:
// `zlib.crc32(b"call = Same")` = 0x6a396a52, `b"other = Same"` = 0x9ee78168,
// `b"a flags:# x:Missing = A"` = 0x09bd5410, `b"get = A"` = 0x9fc8f9aa.

#[test]
fn duplicates_by_section() {
    let src = "\
int ? = Int;
same = Same;
same = Same;
---functions---
same = Same;
call#00000001 = Same;
call#00000001 = Same;
---types---
other#00000001 = Same;
";
    let got = problems(src);
    assert_eq!(
        got,
        vec![
            err(Code::DuplicateName, 3, 1, "duplicate constructor `same`"),
            warn(
                Code::IdMismatch,
                6,
                5,
                "explicit id #00000001 differs from the computed id #6a396a52"
            ),
            err(Code::DuplicateName, 7, 1, "duplicate function `call`"),
            err(
                Code::DuplicateId,
                7,
                5,
                "duplicate id #00000001: already used by `call`"
            ),
            warn(
                Code::IdMismatch,
                7,
                5,
                "explicit id #00000001 differs from the computed id #6a396a52"
            ),
            warn(
                Code::IdMismatch,
                9,
                6,
                "explicit id #00000001 differs from the computed id #9ee78168"
            ),
        ]
    );
    let checked = check(src, Dialect::Telegram);
    let notes: Vec<_> = checked.errors().map(|d| d.notes.clone()).collect();
    assert_eq!(
        notes,
        [
            vec!["first declared on line 2".to_owned()],
            vec!["first declared on line 6".to_owned()],
            vec!["`call` is declared on line 6".to_owned()],
        ]
    );
}

#[test]
fn notes_without_source_name_byte_offsets() {
    let src = "a = A;\na = A;\n";
    let diagnostics = validate(&parse(src).schema, Dialect::Telegram);
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].code, Code::DuplicateName);
    assert_eq!(diagnostics[0].message, "duplicate constructor `a`");
    assert_eq!(diagnostics[0].notes, ["first declared at byte 0"]);
}

#[test]
fn prefix_declarations_may_share_an_id() {
    // As in TDLib's telegram_api.tl.
    let src = "\
string ? = String;
error#c4b9f9bb code:int text:string = Error;
---functions---
invokeWithReCaptchaPrefix#adbb0f94 token:string = Error;
invokeWithReCaptcha#adbb0f94 {X:Type} token:string query:!X = X;
";
    assert_eq!(
        problems(src),
        vec![warn(
            Code::IdMismatch,
            4,
            26,
            "explicit id #adbb0f94 differs from the computed id #16ca1135"
        )]
    );
}

#[test]
fn true_fields_must_be_conditional() {
    let src = "\
true#3fedd339 = True;
a flags:# x:flags.0?true y:true true = A;
";
    assert_eq!(
        problems(src),
        vec![
            warn(
                Code::UnconditionalTrue,
                2,
                26,
                "field `y` of type `true` is not conditional; it carries nothing on the wire"
            ),
            warn(
                Code::UnconditionalTrue,
                2,
                33,
                "a field of type `true` that is not conditional carries nothing on the wire"
            ),
        ]
    );
}

#[test]
fn parser_and_validator_diagnostics_interleave_in_source_order() {
    let src = "a x:Foo = A;\nb x:int B;\nc x:Bar = C;\n";
    assert_eq!(
        problems(src),
        vec![
            err(Code::UnknownType, 1, 5, "unknown type `Foo`"),
            err(Code::Syntax, 2, 10, "expected `=` or a field, found `;`"),
            err(Code::UnknownType, 3, 5, "unknown type `Bar`"),
        ]
    );
}

#[test]
fn columns_count_characters_not_bytes() {
    let src = "/* größe ✓ */ a x:Nope = A;\n";
    assert_eq!(
        problems(src),
        vec![err(Code::UnknownType, 1, 19, "unknown type `Nope`")]
    );
}

#[test]
fn checked_helpers_and_summaries() {
    let src = "\
int ? = Int;
true#3fedd339 = True;
boolTrue#997275b5 = Bool;
a flags:# on:flags.0?true x:Missing = A;
---functions---
get#12345678 = A;
";
    let checked = check(src, Dialect::Telegram);
    assert!(checked.has_errors());
    assert_eq!(checked.errors().count(), 1);
    assert_eq!(checked.warnings().count(), 1);
    let summaries: Vec<_> = checked
        .summaries(src, Dialect::Telegram)
        .into_iter()
        .map(|s| (s.name, s.kind, s.id, s.computed_id, s.line))
        .collect();
    assert_eq!(
        summaries,
        [
            ("int".to_owned(), Kind::Builtin, 0xa8509bda, 0xa8509bda, 1),
            ("true".to_owned(), Kind::Type, 0x3fedd339, 0x3fedd339, 2),
            ("boolTrue".to_owned(), Kind::Type, 0x997275b5, 0x997275b5, 3),
            ("a".to_owned(), Kind::Type, 0x09bd5410, 0x09bd5410, 4),
            ("get".to_owned(), Kind::Function, 0x12345678, 0x9fc8f9aa, 6),
        ]
    );
    assert_eq!(
        checked.render_all("x.tl", src),
        "\
error[TL0009]: unknown type `Missing`
  --> x.tl:4:29
  |
4 | a flags:# on:flags.0?true x:Missing = A;
  |                             ^^^^^^^

warning[TL0014]: explicit id #12345678 differs from the computed id #9fc8f9aa
  --> x.tl:6:4
  |
6 | get#12345678 = A;
  |    ^^^^^^^^^

"
    );
}

#[test]
fn duplicate_field_names_are_errors() {
    let src = format!(
        "{PRELUDE}\
x#12345678 a:int a:int a:int = X;
row n:# items:n*[ a:int a:int ] a:int = Row;
"
    );
    assert_eq!(
        problems(&src),
        vec![
            // CRC32 of "x a:int a:int a:int = X" (Python's zlib): 0x2e080be6.
            warn(
                Code::IdMismatch,
                3,
                2,
                "explicit id #12345678 differs from the computed id #2e080be6"
            ),
            err(Code::DuplicateField, 3, 18, "duplicate field `a`"),
            err(Code::DuplicateField, 3, 24, "duplicate field `a`"),
            err(Code::DuplicateField, 4, 25, "duplicate field `a`"),
        ]
    );
    let checked = check(&src, Dialect::Telegram);
    let notes: Vec<_> = checked
        .diagnostics
        .iter()
        .map(|d| d.notes.clone())
        .collect();
    assert_eq!(
        notes,
        [
            vec![],
            vec!["first declared at line 3, column 12".to_owned()],
            vec!["first declared at line 3, column 12".to_owned()],
            vec!["first declared at line 4, column 19".to_owned()],
        ]
    );
}

/// Ten declarations with Telegram's ids (their CRC32s without the
/// `flags.0?true` field, computed with Python's zlib) checked under the TDLib
/// rules: one warning for all of them, naming the likely dialect.
#[test]
fn mostly_differing_ids_get_one_summary_warning() {
    let ids = [
        "db73927f", "06e54bfa", "bb2f2734", "66b9feb1", "1bcaf8e9", "c65c216c", "7b964da2",
        "a6009427", "81704112", "5ce69897",
    ];
    let mut src = String::from("true = True;\n");
    for (i, id) in ids.iter().enumerate() {
        src.push_str(&format!("a{i}#{id} flags:# x:flags.0?true = A;\n"));
    }
    let checked = check(&src, Dialect::Tdlib);
    let found: Vec<_> = checked
        .diagnostics
        .iter()
        .map(|d| (common::located(d, &src), d.notes.clone()))
        .collect();
    assert_eq!(
        found,
        [(
            warn(
                Code::DialectMismatch,
                2,
                3,
                "10 of 10 explicit ids differ from the ids the tdlib rules compute; 10 of them match the telegram rules"
            ),
            vec![
                // zlib.crc32(b"a0 flags:# x:flags.0?true = A") = 0x00a6ca38
                "the first: `a0` is written #db73927f, computed #00a6ca38".to_owned(),
                "this looks like a telegram schema: choose those rules (`--dialect telegram`, `Config::dialect`)".to_owned(),
            ]
        )]
    );
    // Under the right rules: nothing to say.
    assert_eq!(check(&src, Dialect::Telegram).diagnostics, vec![]);
}
