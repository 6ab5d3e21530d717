//! Hostile schema text: nesting deep enough to exhaust any stack gives one
//! located error, and a broken declaration loses nothing that follows it.
//! Run with `cargo test hostile`.

mod common;

use tl_parser::{Dialect, MAX_NESTING, Section, check, parse};

/// Runs `f` on a thread with a small stack (512 KiB, a quarter of what Rust
/// gives a thread by default), as a build script on a
/// constrained machine might, so a recursion that is not bounded fails here.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(512 * 1024)
        .spawn(f)
        .expect("thread")
        .join()
        .expect("no stack overflow")
}

/// A diagnostic as `(severity, line, column, message)`.
type Located = (String, usize, usize, String);

/// The diagnostics of `src`, and the names of the declarations that parsed.
fn checked(src: String) -> (Vec<Located>, Vec<String>) {
    on_small_stack(move || {
        let checked = check(&src, Dialect::Telegram);
        let problems = checked
            .diagnostics
            .iter()
            .map(|d| common::located(d, &src))
            .collect();
        let names = checked
            .schema
            .definitions
            .iter()
            .map(|d| d.name.full.clone())
            .collect();
        (problems, names)
    })
}

/// The parser's diagnostics of `src`, located.
fn syntax_problems(parsed: &tl_parser::Parsed, src: &str) -> Vec<Located> {
    parsed
        .diagnostics
        .iter()
        .map(|d| common::located(d, src))
        .collect()
}

const DEPTH: usize = 100_000;

fn too_deep(col: usize) -> Located {
    (
        "error".to_owned(),
        1,
        col,
        format!("types or repetitions nest more than {MAX_NESTING} levels deep"),
    )
}

#[test]
fn hostile_deep_angle_brackets() {
    let src = format!(
        "x a:{}int{} = X;\nint ? = Int;\nok#75f8e065 x:int = Ok;\n",
        "Vector<".repeat(DEPTH),
        ">".repeat(DEPTH)
    );
    let (problems, names) = checked(src);
    // The 33rd `Vector<` starts after `x a:` and 32 of them: column 4 + 224 + 1.
    assert_eq!(problems, [too_deep(229)]);
    assert_eq!(names, ["int", "ok"]);
}

#[test]
fn hostile_deep_parentheses() {
    let src = format!(
        "x a:{}int{} = X;\n",
        "(vector ".repeat(DEPTH),
        ")".repeat(DEPTH)
    );
    let (problems, _) = checked(src);
    assert_eq!(problems, [too_deep(4 + 32 * 8 + 1)]);
}

#[test]
fn hostile_deep_repetitions() {
    let src = format!(
        "x n:# a:{}int{} = X;\n",
        "[ ".repeat(DEPTH),
        " ]".repeat(DEPTH)
    );
    let (problems, _) = checked(src);
    assert_eq!(problems, [too_deep(8 + 32 * 2 + 1)]);
}

#[test]
fn hostile_deep_percent_signs() {
    let src = format!("x a:{}int = X;\n", "%".repeat(DEPTH));
    let (problems, _) = checked(src);
    assert_eq!(problems, [too_deep(4 + 32 + 1)]);
}

#[test]
fn hostile_nesting_at_the_limit_parses() {
    let src = format!(
        "int ? = Int;\nvector {{t:Type}} # [ t ] = Vector t;\nx a:{}int{} = X;\n",
        "Vector<".repeat(MAX_NESTING - 1),
        ">".repeat(MAX_NESTING - 1)
    );
    let (problems, names) = checked(src);
    assert_eq!(problems, []);
    assert_eq!(names, ["int", "vector", "x"]);
}

/// A missing `;` at the end of a line: the error is where the `;` belongs,
/// the declaration is kept, and the section change and the declaration after
/// it are still read.
#[test]
fn hostile_missing_semicolon_loses_nothing() {
    let src = "foo#12345678 x:int = Foo;\nbar x:int = Bar\n---functions---\nbaz#1 = Qux;\n";
    let parsed = parse(src);
    let problems = syntax_problems(&parsed, src);
    assert_eq!(
        problems,
        [(
            "error".to_owned(),
            2,
            16,
            "expected `;` after the result type, found end of line".to_owned()
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
}

/// Other broken declarations: parsing resumes at the next line that starts a
/// declaration or a section when that comes before the next `;`.
#[test]
fn hostile_errors_resume_at_the_next_declaration_line() {
    let src = "a x:int ) = A;\nb x: = B\nc y:int = C;\n---functions---\nd = C;\ne = C\n";
    let parsed = parse(src);
    let problems = syntax_problems(&parsed, src);
    assert_eq!(
        problems,
        [
            (
                "error".to_owned(),
                1,
                9,
                "expected a field or `=`, found `)`".to_owned()
            ),
            (
                "error".to_owned(),
                2,
                5,
                "expected a field type after `:`, found white space".to_owned()
            ),
            (
                "error".to_owned(),
                6,
                6,
                "expected `;` after the result type, found end of line".to_owned()
            ),
        ]
    );
    let names: Vec<&str> = parsed
        .schema
        .definitions
        .iter()
        .map(|d| d.name.full.as_str())
        .collect();
    assert_eq!(names, ["c", "d", "e"]);
}
