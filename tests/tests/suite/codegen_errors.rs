//! Schemas the generator rejects fail with structured, located diagnostics,
//! rendered only when displayed.

use tl_codegen::{Code, Config, Error, SchemaError, Severity};

fn schema_error(config: &Config, sources: &[(&str, &str)]) -> SchemaError {
    match config.generate_from_strs(sources) {
        Err(Error::Schema(e)) => e,
        Err(other) => panic!("unexpected error kind: {other}"),
        Ok(_) => panic!("generation succeeded"),
    }
}

/// `(file name, line, column, severity, message)` of every diagnostic.
fn located(e: &SchemaError) -> Vec<(String, usize, usize, Severity, String)> {
    e.diagnostics()
        .iter()
        .map(|d| {
            let source = e.source_of(d).expect("the file is kept");
            let (line, col) = d.diagnostic.line_col(&source.text);
            (
                source.name.clone(),
                line,
                col,
                d.diagnostic.severity,
                d.diagnostic.message.clone(),
            )
        })
        .collect()
}

/// The code of every diagnostic.
fn codes(e: &SchemaError) -> Vec<Code> {
    e.diagnostics().iter().map(|d| d.diagnostic.code).collect()
}

#[test]
fn repetitions_the_generator_cannot_express_are_located() {
    let e = schema_error(
        &Config::new(),
        &[(
            "rep.tl",
            "int ? = Int;\n\
             a.t {n:#} items:n*[ int ] = a.T n;\n\
             a.u n:# x:n*[ int ] y:n*[ int ] = a.U;\n\
             a.v 5000*[ int ] = a.V;\n",
        )],
    );
    assert_eq!(
        located(&e),
        [
            (
                "rep.tl".to_owned(),
                2,
                17,
                Severity::Error,
                "the count `n` of a repetition must be a `#` field of the same declaration to generate code"
                    .to_owned()
            ),
            (
                "rep.tl".to_owned(),
                3,
                21,
                Severity::Error,
                "`n` is also used elsewhere; a repetition's count must serve it alone to generate code"
                    .to_owned()
            ),
            (
                "rep.tl".to_owned(),
                4,
                5,
                Severity::Error,
                "a fixed repetition of 5000 values is more than the generator's limit of 4096"
                    .to_owned()
            ),
        ]
    );
    assert_eq!(
        codes(&e),
        [
            Code::UnsupportedRepetitionCount,
            Code::UnsupportedRepetitionCount,
            Code::RepetitionTooLong
        ]
    );
    assert_eq!(
        e.to_string().lines().last(),
        Some("error: could not generate code: 3 errors in the schema")
    );
}

/// `Debug` (what `fn main() -> Result<(), Error>` prints after `Error: `)
/// renders the diagnostics instead of escaping them.
#[test]
fn debug_renders_the_diagnostics() {
    let config = Config::new();
    let result = config.generate_from_strs(&[("api.tl", "foo#12345678 x:Strin = Foo;\n")]);
    let e = result.unwrap_err();
    assert_eq!(
        format!("{e:?}"),
        "could not generate code: 1 error in the schema\n\n\
         error[TL0009]: unknown type `Strin`\n  --> api.tl:1:16\n  |\n1 | foo#12345678 x:Strin = Foo;\n  \
         |                ^^^^^\n\n"
    );
}

#[test]
fn warnings_join_the_errors_only_when_asked_for() {
    // An explicit id that is not the CRC32 (a warning) and an unknown type.
    let src = [(
        "w.tl",
        "int ? = Int;\npoint#00000001 x:int = Point;\nline a:Pointt = Line;\n",
    )];
    let quiet = schema_error(&Config::new(), &src);
    assert_eq!(
        located(&quiet)
            .into_iter()
            .map(|(_, l, c, s, _)| (l, c, s))
            .collect::<Vec<_>>(),
        [(3, 8, Severity::Error)]
    );
    let loud = schema_error(Config::new().warnings(true), &src);
    assert_eq!(
        located(&loud)
            .into_iter()
            .map(|(_, l, c, s, _)| (l, c, s))
            .collect::<Vec<_>>(),
        [(2, 6, Severity::Warning), (3, 8, Severity::Error)]
    );
    assert_eq!(loud.error_count(), 1);
    assert!(
        loud.to_string()
            .starts_with("warning[TL0014]: explicit id #00000001")
    );
    assert_eq!(
        loud.one_line_each()[1],
        "w.tl:3:8: error[TL0009]: unknown type `Pointt`"
    );
    assert_eq!(codes(&loud), [Code::IdMismatch, Code::UnknownType]);
}

#[test]
fn conflicting_definitions_across_files_are_located() {
    let e = schema_error(
        &Config::new(),
        &[
            ("a.tl", "int ? = Int;\npoint x:int = Point;\n"),
            ("b.tl", "int ? = Int;\npoint x:int y:int = Point;\n"),
        ],
    );
    assert_eq!(
        located(&e),
        [(
            "b.tl".to_owned(),
            2,
            1,
            Severity::Error,
            "conflicting definition of `point`".to_owned()
        )]
    );
    assert_eq!(codes(&e), [Code::ConflictingDefinition]);
    assert_eq!(
        e.diagnostics()[0].diagnostic.notes,
        ["first defined differently at a.tl:2:1"]
    );
}

#[test]
fn identical_definitions_across_files_merge() {
    // 299f9c6d is the CRC32 of "point x:int = Point" (computed with Python's zlib).
    let code = Config::new()
        .generate_from_strs(&[
            ("a.tl", "int ? = Int;\npoint x:int = Point;\n"),
            (
                "b.tl",
                "int ? = Int;\npoint#299f9c6d x:int = Point;\nline a:Point b:Point = Line;\n",
            ),
        ])
        .unwrap();
    assert_eq!(code.matches("pub struct Point {").count(), 1);
    assert!(code.contains("pub struct Line {"));
}

/// The schema of issue 6 used to hang `generate`: now a located error.
#[test]
fn duplicate_field_names_are_an_error_not_a_hang() {
    let e = schema_error(
        &Config::new(),
        &[("x.tl", "int ? = Int;\nx#12345678 a:int a:int a:int = X;\n")],
    );
    let errors: Vec<_> = located(&e)
        .into_iter()
        .map(|(_, l, c, _, m)| (l, c, m))
        .collect();
    assert_eq!(
        errors,
        [
            (2, 18, "duplicate field `a`".to_owned()),
            (2, 24, "duplicate field `a`".to_owned())
        ]
    );
    assert_eq!(codes(&e), [Code::DuplicateField, Code::DuplicateField]);
}

#[test]
fn a_runtime_path_that_is_no_path_is_an_option_error() {
    let result = Config::new()
        .runtime_crate("not a path")
        .generate_from_strs(&[("p.tl", "int ? = Int;\npoint x:int = Point;\n")]);
    match result {
        Err(e @ Error::InvalidOption { option, .. }) => {
            assert_eq!(option, "runtime_crate");
            assert!(
                e.to_string()
                    .starts_with("invalid option `runtime_crate`: `not a path` is not a Rust path"),
                "{e}"
            );
        }
        other => panic!("{other:?}"),
    }
}

/// A function whose answer type the schema never builds is generated, with
/// the answer kept as bytes.
#[test]
fn unbuilt_result_types_generate_raw_answers() {
    let path = test_support::fixtures_dir().join("invalid/unbuilt_results.tl");
    let code = Config::new().generate(&[path]).unwrap();
    assert_eq!(code.matches("type Return = ::tl_runtime::Raw;").count(), 2);
    assert!(code.contains("pub struct HttpWait {"), "{code}");
    assert!(code.contains("pub struct GetFutureSalts {"), "{code}");
}

/// A namespace with no function is a mistake worth stopping for (a typo in
/// `--namespaces` would otherwise silently drop everything).
#[test]
fn unknown_namespaces_are_an_invalid_option() {
    let schema = "int ? = Int;\nx.a#00000001 = X;\n---functions---\nx.get#00000002 = X;\n";
    let err = Config::new()
        .namespaces(["x", "mesages", "bots"])
        .generate_from_strs(&[("s.tl", schema)])
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid option `namespaces`: no function of the schema is in `bots`, `mesages`"
    );
    assert!(matches!(
        err,
        Error::InvalidOption {
            option: "namespaces",
            ..
        }
    ));
}

/// What only the generator rejects, one schema per code: the code, where,
/// and the message.
#[test]
fn generator_limits_have_their_codes() {
    let cases: [(&str, Code, (usize, usize), &str); 7] = [
        (
            "foo x:int = Foo;\na x:Foo<int> = A;\n",
            Code::UnsupportedType,
            (3, 5),
            "cannot generate Rust for type `Foo<int>`",
        ),
        (
            "b1 = T;\nb2 = T;\na x:%T = A;\n",
            Code::AmbiguousBareType,
            (4, 5),
            "`%T` needs a type with exactly one constructor",
        ),
        // Struct names `x::Foo`, `y::Foo`, `XFoo`: stripped of the enum's
        // name, as they are, and by TL name (`XFoo` twice) all collide.
        (
            "x.foo = T;\ny.foo = T;\nxFoo = T;\n",
            Code::VariantNameCollision,
            (2, 9),
            "no unique Rust variant names for the constructors of `T`: `XFoo` stands for more than one",
        ),
        (
            "a n:# x:n*[ ] = A;\n",
            Code::EmptyRepetition,
            (2, 7),
            "an empty repetition carries nothing",
        ),
        (
            "true = True;\na n:# x:n*[ true ] = A;\n",
            Code::EmptyRepetition,
            (3, 13),
            "a repetition of `true` carries nothing on the wire",
        ),
        (
            "a x:[ int ] = A;\n",
            Code::UnsupportedRepetitionCount,
            (2, 3),
            "a repetition without a count must follow the `#` field that holds it",
        ),
        (
            "a flags:# n:# x:n*[ y:flags.0?int ] = A;\n",
            Code::FlagOutsideRepetition,
            (2, 23),
            "a conditional field inside a repetition must use a `#` field of the same repetition",
        ),
    ];
    for (schema, code, (line, col), message) in cases {
        let src = format!("int ? = Int;\n{schema}");
        let e = schema_error(&Config::new(), &[("g.tl", &src)]);
        assert_eq!(
            located(&e),
            [(
                "g.tl".to_owned(),
                line,
                col,
                Severity::Error,
                message.to_owned()
            )],
            "{schema}"
        );
        assert_eq!(codes(&e), [code], "{schema}");
    }
}
