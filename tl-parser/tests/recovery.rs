//! Broken declarations lose nothing that follows them: each error is
//! reported where the mistake is, and every declaration, section marker and
//! documentation comment after it is still read. Run with
//! `cargo test hostile`.

mod common;

use tl_parser::{Code, Section, parse};

/// A diagnostic as `(severity, code, line, column, message)`.
type Located = (String, Code, usize, usize, String);

fn error(code: Code, line: usize, col: usize, message: &str) -> Located {
    ("error".to_owned(), code, line, col, message.to_owned())
}

/// The diagnostics of `src`, and each declaration's name (with `()` for a
/// function).
fn parsed(src: &str) -> (Vec<Located>, Vec<String>) {
    let parsed = parse(src);
    let problems = parsed
        .diagnostics
        .iter()
        .map(|d| common::located(d, src))
        .collect();
    let names = parsed
        .schema
        .definitions
        .iter()
        .map(|d| match d.section {
            Section::Types => d.name.full.to_string(),
            Section::Functions => format!("{}()", d.name.full),
        })
        .collect();
    (problems, names)
}

/// The example of the issue: a missing `;` at the end of a line. The error
/// is where the `;` belongs, the declaration is kept, and the section change
/// and the declaration after it are still read.
#[test]
fn hostile_missing_semicolon_loses_nothing() {
    let src = "foo#12345678 x:int = Foo;\nbar x:int = Bar\n---functions---\nbaz#1 = Qux;\n";
    let parsed = parse(src);
    let problems: Vec<_> = parsed
        .diagnostics
        .iter()
        .map(|d| common::located(d, src))
        .collect();
    assert_eq!(
        problems,
        [error(
            Code::MissingSemicolon,
            2,
            16,
            "expected `;` after the result type, found end of line"
        )]
    );
    let defs: Vec<(&str, Section)> = parsed
        .schema
        .definitions
        .iter()
        .map(|d| (d.name.full.as_str(), d.section))
        .collect();
    assert_eq!(
        defs,
        [
            ("foo", Section::Types),
            ("bar", Section::Types),
            ("baz", Section::Functions)
        ]
    );
    assert_eq!(parsed.schema.definitions[1].to_string(), "bar x:int = Bar;");
    // The kept declaration ends with its result type.
    assert_eq!(
        parsed.schema.definitions[1].span.text(src),
        "bar x:int = Bar"
    );
}

/// The same, with problems further down: every one is still reported.
#[test]
fn hostile_missing_semicolon_then_later_problems() {
    let src = "foo#12345678 x:int = Foo;\nbar x:int = Bar\n---functions---\nbaz#1 = Qux;\n\
               qux x: = Qux;\nlast = Qux\n---types---\nend ) = End;\nok = Ok;\n";
    let (problems, names) = parsed(src);
    assert_eq!(
        problems,
        [
            error(
                Code::MissingSemicolon,
                2,
                16,
                "expected `;` after the result type, found end of line"
            ),
            error(
                Code::Syntax,
                5,
                7,
                "expected a field type after `:`, found white space"
            ),
            error(
                Code::MissingSemicolon,
                6,
                11,
                "expected `;` after the result type, found end of line"
            ),
            error(Code::Syntax, 8, 5, "expected a field or `=`, found `)`"),
        ]
    );
    assert_eq!(names, ["foo", "bar", "baz()", "last()", "ok"]);
}

/// A declaration cut short before a section marker, in each place it can
/// stop: the error is at the end of its line, and the marker still switches
/// the section.
#[test]
fn hostile_incomplete_declaration_before_a_section_marker() {
    let cases = [
        (
            "bar x:int =",
            error(
                Code::Syntax,
                2,
                12,
                "expected a result type after `=`, found end of line",
            ),
        ),
        (
            "bar x:int",
            error(
                Code::Syntax,
                2,
                10,
                "expected `=` or a field, found end of line",
            ),
        ),
        (
            "bar x:(int",
            error(
                Code::Syntax,
                2,
                11,
                "expected `)` closing the type, found end of line",
            ),
        ),
        (
            "bar x:Vector<int",
            error(
                Code::Syntax,
                2,
                17,
                "expected `>` closing the type arguments, found end of line",
            ),
        ),
        (
            "bar x:[ int",
            error(
                Code::Syntax,
                2,
                12,
                "expected `]` closing the repetition, found end of line",
            ),
        ),
        (
            "bar {X:Type",
            error(
                Code::Syntax,
                2,
                12,
                "expected `}` closing the optional argument, found end of line",
            ),
        ),
    ];
    for (broken, expected) in cases {
        let src = format!("foo = Foo;\n{broken}\n---functions---\nbaz#1 = Qux;\n");
        let (problems, names) = parsed(&src);
        assert_eq!(problems, [expected], "{broken}");
        assert_eq!(names, ["foo", "baz()"], "{broken}");
    }
}

/// Without a section marker: the next declaration is kept too.
#[test]
fn hostile_incomplete_declaration_before_a_declaration() {
    let (problems, names) = parsed("foo = Foo;\nbar x:Vector<int\nbaz#1 = Qux;\n");
    assert_eq!(
        problems,
        [error(
            Code::Syntax,
            2,
            17,
            "expected `>` closing the type arguments, found end of line"
        )]
    );
    assert_eq!(names, ["foo", "baz"]);
}

/// Several incomplete declarations in a row: one error each, at the end of
/// each line.
#[test]
fn hostile_several_incomplete_declarations_in_a_row() {
    let (problems, names) = parsed("a x:int\nb y:int\n---functions---\nc#1 = C;\n");
    assert_eq!(
        problems,
        [
            error(
                Code::Syntax,
                1,
                8,
                "expected `=` or a field, found end of line"
            ),
            error(
                Code::Syntax,
                2,
                8,
                "expected `=` or a field, found end of line"
            ),
        ]
    );
    assert_eq!(names, ["c()"]);
}

/// Other broken declarations: parsing resumes at the next line that starts a
/// declaration or a section when that comes before the next `;`.
#[test]
fn hostile_errors_resume_at_the_next_declaration_line() {
    let src = "a x:int ) = A;\nb x: = B\nc y:int = C;\n---functions---\nd = C;\ne = C\n";
    let (problems, names) = parsed(src);
    assert_eq!(
        problems,
        [
            error(Code::Syntax, 1, 9, "expected a field or `=`, found `)`"),
            error(
                Code::Syntax,
                2,
                5,
                "expected a field type after `:`, found white space"
            ),
            error(
                Code::MissingSemicolon,
                6,
                6,
                "expected `;` after the result type, found end of line"
            ),
        ]
    );
    assert_eq!(names, ["c", "d()", "e()"]);
}

/// An indented line continues the declaration above it, as in TON's
/// schema: a mistake on it is one error, where it is, and parsing resumes
/// after the `;`.
#[test]
fn indented_lines_continue_the_declaration() {
    let src = "foo x:int\n  y:( = Foo;\nok = Ok;\n";
    let (problems, names) = parsed(src);
    assert_eq!(
        problems,
        [error(
            Code::Syntax,
            2,
            7,
            "expected a type name after `(`, found `=`"
        )]
    );
    assert_eq!(names, ["ok"]);
}

/// The documentation comments above the line where parsing resumes stay
/// with the declaration they document.
#[test]
fn hostile_documentation_after_an_error_is_kept() {
    for src in [
        // Resumed at the line, before the parse failed.
        "bar x:(int\n//@description Baz docs\nbaz = Qux;\n",
        // Resumed at the line, after the parse failed.
        "bar x:int ) junk\n\n//@description Baz docs\nbaz = Qux;\n",
    ] {
        let parsed = parse(src);
        assert_eq!(parsed.diagnostics.len(), 1, "{src}");
        let [baz] = &parsed.schema.definitions[..] else {
            panic!("{src}: {:?}", parsed.schema.definitions);
        };
        assert_eq!(baz.name.full, "baz");
        assert_eq!(baz.doc.description.as_deref(), Some("Baz docs"), "{src}");
    }
}

/// `;` and lines inside comments are not places to resume at.
#[test]
fn hostile_recovery_skips_comments() {
    let src = "foo x:) /*\nbar = Bar;\n*/ // baz = Baz;\nok = Ok;\n";
    let (problems, names) = parsed(src);
    assert_eq!(
        problems,
        [error(
            Code::Syntax,
            1,
            7,
            "expected a field type after `:`, found `)`"
        )]
    );
    assert_eq!(names, ["ok"]);
}

/// A `/*` that nothing closes makes the rest of the file a comment; the
/// error says so, once, wherever the `/*` stands.
#[test]
fn hostile_unterminated_comments_are_reported() {
    // Inside a declaration.
    let (problems, names) = parsed("ok = Ok;\nfoo x:int /* never closed\nbar = Bar;\n");
    assert_eq!(
        problems,
        [error(
            Code::UnclosedComment,
            2,
            11,
            "expected `*/` closing the block comment, found `/`"
        )]
    );
    assert_eq!(names, ["ok"]);
    // In the text skipped after an error.
    let (problems, names) = parsed("foo x:) y:/*z\nbar = Bar;\n");
    assert_eq!(
        problems,
        [
            error(
                Code::Syntax,
                1,
                7,
                "expected a field type after `:`, found `)`"
            ),
            error(Code::UnclosedComment, 1, 11, "unterminated block comment"),
        ]
    );
    assert_eq!(names, [] as [&str; 0]);
    // Between declarations.
    let (problems, names) = parsed("ok = Ok;\n/* never closed\nbar = Bar;\n");
    assert_eq!(
        problems,
        [error(
            Code::UnclosedComment,
            2,
            1,
            "unterminated block comment"
        )]
    );
    assert_eq!(names, ["ok"]);
}

/// Recovery takes time in proportion to the text: 20,000 declarations that
/// all lack their `;`, or all break before a declaration line, are each
/// reported once (this took minutes when every declaration scanned the rest
/// of the file).
#[test]
fn hostile_many_broken_declarations() {
    let src = "a x:int = A\n".repeat(20_000);
    let parsed = parse(&src);
    assert_eq!(parsed.schema.definitions.len(), 20_000);
    assert_eq!(parsed.diagnostics.len(), 20_000);
    // The last line starts at byte 19,999 * 12.
    let last = &parsed.diagnostics[19_999];
    assert_eq!(
        (last.span.start, last.message.as_str()),
        (
            19_999 * 12 + 11,
            "expected `;` after the result type, found end of line"
        )
    );

    let src = "a x:(int\n".repeat(20_000);
    let parsed = parse(&src);
    assert_eq!(parsed.schema.definitions.len(), 0);
    assert_eq!(parsed.diagnostics.len(), 20_000);
    let last_two: Vec<_> = parsed.diagnostics[19_998..]
        .iter()
        .map(|d| (d.span.start, d.message.as_str()))
        .collect();
    assert_eq!(
        last_two,
        [
            (
                19_998 * 9 + 8,
                "expected `)` closing the type, found end of line"
            ),
            // The last one runs into the end of the file, after `int`.
            (
                19_999 * 9 + 8,
                "expected `)` closing the type, found end of file"
            ),
        ]
    );
}

/// A section marker that is not `---types---` or `---functions---`, well
/// formed or not, is reported on its own and parsing goes on after it.
#[test]
fn unknown_and_malformed_section_markers() {
    let (problems, names) = parsed("a = A;\n---objects---\nb = B;\n--- types\nc = C;\n");
    assert_eq!(
        problems,
        [
            error(
                Code::InvalidSection,
                2,
                1,
                "unknown section `---objects---`; expected `---types---` or `---functions---`"
            ),
            error(
                Code::InvalidSection,
                4,
                1,
                "malformed section marker; expected `---types---` or `---functions---`"
            ),
        ]
    );
    assert_eq!(names, ["a", "b", "c"]);
}
