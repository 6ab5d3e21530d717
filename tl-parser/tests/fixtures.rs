//! The repository's fixture schemas: the valid ones check clean, each invalid
//! one gives exactly the problems its header comment promises.

mod common;

use tl_parser::Dialect;

#[test]
fn valid_fixtures_and_example_check_clean() {
    let dir = common::repo_schema_dir();
    let mut files = common::tl_files(&dir.join("fixtures"));
    files.extend(common::tl_files(&dir));
    assert!(files.len() >= 12, "fixtures missing: {}", files.len());
    for (path, src) in files {
        let checked = tl_parser::check(&src, Dialect::Telegram);
        let name = path.display().to_string();
        assert_eq!(
            checked.diagnostics,
            vec![],
            "{}",
            checked.render_all(&name, &src)
        );
        assert!(!checked.schema.definitions.is_empty(), "{name}");
    }
}

/// What each invalid fixture must produce, written from its header comment.
fn expected(file: &str) -> Vec<(&'static str, usize, usize, &'static str)> {
    match file {
        "bad_flags.tl" => vec![
            (
                "error",
                12,
                24,
                "field `x` is conditional on `count`, which is not a `#` field (it is `int`)",
            ),
            (
                "error",
                13,
                13,
                "field `x` is conditional on `flags`, which is declared after it",
            ),
            (
                "error",
                14,
                44,
                "flag bit 32 is out of range; bits must be in 0..=31",
            ),
        ],
        "bad_section.tl" => vec![(
            "error",
            11,
            1,
            "unknown section `---objects---`; expected `---types---` or `---functions---`",
        )],
        "duplicate.tl" => vec![
            ("error", 15, 1, "duplicate constructor `dup.item`"),
            (
                "error",
                19,
                16,
                "duplicate id #997275b5: already used by `boolTrue`",
            ),
        ],
        "id_mismatch.tl" => vec![(
            "warning",
            11,
            14,
            "explicit id #35a95cb8 differs from the computed id #35a95cb9",
        )],
        "missing_generic.tl" => vec![
            ("error", 15, 30, "type variable `X` is not declared"),
            ("error", 16, 23, "unknown type `X`"),
        ],
        "syntax.tl" => vec![
            ("error", 11, 32, "expected `=` or a field, found `;`"),
            ("error", 14, 25, "expected a field or `=`, found `)`"),
            ("error", 19, 1, "unterminated block comment"),
        ],
        "true_field.tl" => vec![(
            "warning",
            10,
            36,
            "field `always` of type `true` is not conditional; it carries nothing on the wire",
        )],
        "unknown_type.tl" => vec![
            ("error", 14, 11, "unknown type `unk.Person`"),
            ("error", 18, 37, "unknown type `unk.Label`"),
        ],
        other => panic!("no expectations written for invalid fixture {other}"),
    }
}

#[test]
fn invalid_fixtures_give_exactly_the_promised_diagnostics() {
    let files = common::tl_files(&common::repo_schema_dir().join("fixtures/invalid"));
    assert!(
        files.len() >= 8,
        "invalid fixtures missing: {}",
        files.len()
    );
    for (path, src) in files {
        let file = path.file_name().and_then(|f| f.to_str()).unwrap_or("");
        let checked = tl_parser::check(&src, Dialect::Telegram);
        let got: Vec<_> = checked
            .diagnostics
            .iter()
            .map(|d| common::located(d, &src))
            .collect();
        let want: Vec<_> = expected(file)
            .into_iter()
            .map(|(s, l, c, m)| (s.to_owned(), l, c, m.to_owned()))
            .collect();
        assert_eq!(got, want, "{file}");
    }
}

#[test]
fn duplicate_notes_name_the_first_line() {
    let path = common::repo_schema_dir().join("fixtures/invalid/duplicate.tl");
    let src = std::fs::read_to_string(path).expect("fixture");
    let checked = tl_parser::check(&src, Dialect::Telegram);
    let notes: Vec<_> = checked
        .diagnostics
        .iter()
        .map(|d| d.notes.clone())
        .collect();
    assert_eq!(
        notes,
        [
            vec!["first declared on line 14".to_owned()],
            vec!["`boolTrue` is declared on line 18".to_owned()],
        ]
    );
}

#[test]
fn rendered_diagnostic_of_a_fixture() {
    let path = common::repo_schema_dir().join("fixtures/invalid/missing_generic.tl");
    let src = std::fs::read_to_string(path).expect("fixture");
    let checked = tl_parser::check(&src, Dialect::Telegram);
    assert_eq!(
        checked.render_all("missing_generic.tl", &src),
        "\
error: type variable `X` is not declared
   --> missing_generic.tl:15:30
   |
15 | miss.invoke layer:int query:!X = miss.Result;
   |                              ^
   |
   = introduce it with `{X:Type}`

error: unknown type `X`
   --> missing_generic.tl:16:23
   |
16 | miss.echo value:int = X;
   |                       ^
   |
   = if `X` is a type variable, introduce it with `{X:Type}`

"
    );
}
