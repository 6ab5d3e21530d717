//! Hostile schema text: nesting deep enough to exhaust any stack gives one
//! located error (broken declarations are in `recovery.rs`). Run with
//! `cargo test hostile`.

mod common;

use tl_parser::ast::{ArgStyle, FieldType, TypeExpr};
use tl_parser::id::normalized_text;
use tl_parser::{Code, Dialect, MAX_NESTING, check, parse};

/// Runs `f` on a thread with a small stack (256 KiB, an eighth of what Rust
/// gives a thread by default), as a build script on a constrained machine
/// might, so that a recursion that grows with the input fails here.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .expect("thread")
        .join()
        .expect("no stack overflow")
}

/// A diagnostic as `(severity, code, line, column, message)`.
type Located = (String, Code, usize, usize, String);

/// The diagnostics `check` gives for `src`, and the names of the
/// declarations that parsed, computed on a small stack.
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
            .map(|d| d.name.full.to_string())
            .collect();
        (problems, names)
    })
}

const DEPTH: usize = 100_000;

/// The error for nesting past the limit, at column `col` of line 1.
fn too_deep(col: usize) -> Located {
    (
        "error".to_owned(),
        Code::NestingTooDeep,
        1,
        col,
        "types or repetitions nest more than 32 levels deep".to_owned(),
    )
}

#[test]
fn the_limit_is_32() {
    assert_eq!(MAX_NESTING, 32);
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
    // Parsing goes on after the broken declaration.
    assert_eq!(names, ["int", "ok"]);
}

#[test]
fn hostile_deep_angle_brackets_never_closed() {
    let (problems, names) = checked(format!("x a:{}", "Vector<".repeat(DEPTH)));
    assert_eq!(problems, [too_deep(229)]);
    assert_eq!(names, [] as [&str; 0]);
}

#[test]
fn hostile_deep_parentheses_in_a_field() {
    let src = format!(
        "x a:{}int{} = X;\n",
        "(vector ".repeat(DEPTH),
        ")".repeat(DEPTH)
    );
    // `x a:` and 32 times `(vector ` (8 characters each).
    assert_eq!(checked(src).0, [too_deep(4 + 32 * 8 + 1)]);
}

/// `= Vector (vector (vector ...))`: the result's juxtaposed argument is one
/// level deeper than `Vector`, so the 32nd `(vector ` is the 33rd level.
#[test]
fn hostile_deep_parentheses_after_vector_in_the_result() {
    let src = format!(
        "x = Vector {}int{};\n",
        "(vector ".repeat(DEPTH),
        ")".repeat(DEPTH)
    );
    assert_eq!(checked(src).0, [too_deep(11 + 31 * 8 + 1)]);
}

#[test]
fn hostile_deep_angle_brackets_in_the_result() {
    let src = format!("x = {}int{};\n", "Vector<".repeat(DEPTH), ">".repeat(DEPTH));
    assert_eq!(checked(src).0, [too_deep(4 + 32 * 7 + 1)]);
}

/// Parentheses everywhere else a type may stand: an optional argument, a
/// conditional field, a `!` argument, an anonymous field, and inside
/// angle brackets.
#[test]
fn hostile_deep_parentheses_everywhere_a_type_stands() {
    let parens = |prefix: &str, suffix: &str| {
        format!(
            "{prefix}{}int{}{suffix}\n",
            "(vector ".repeat(DEPTH),
            ")".repeat(DEPTH)
        )
    };
    // Each error is at the 33rd `(vector `: after the prefix and 32 of them.
    let cases = [
        (parens("x {X:", "} = X;"), 5),
        (parens("x f:# a:f.0?", " = X;"), 12),
        (parens("x {X:Type} a:!", " = X;"), 14),
        (parens("x ", " = X;"), 2),
    ];
    for (src, prefix) in cases {
        assert_eq!(checked(src).0, [too_deep(prefix + 32 * 8 + 1)]);
    }
    // `Vector<(vector ` opens two levels: the 17th `Vector<` is the 33rd.
    let src = format!(
        "x a:{}int{} = X;\n",
        "Vector<(vector ".repeat(DEPTH),
        ")>".repeat(DEPTH)
    );
    assert_eq!(checked(src).0, [too_deep(4 + 16 * 15 + 1)]);
}

/// Parentheses must hold a type name, so `((((` is a plain syntax error at
/// the second `(`, however deep it goes.
#[test]
fn hostile_parentheses_without_names() {
    let src = format!("x a:{}int{} = X;\n", "(".repeat(DEPTH), ")".repeat(DEPTH));
    assert_eq!(
        checked(src).0,
        [(
            "error".to_owned(),
            Code::Syntax,
            1,
            6,
            "expected a type name after `(`, found `(`".to_owned()
        )]
    );
}

#[test]
fn hostile_deep_repetitions() {
    let src = format!(
        "x n:# a:{}int{} = X;\n",
        "[ ".repeat(DEPTH),
        " ]".repeat(DEPTH)
    );
    assert_eq!(checked(src).0, [too_deep(8 + 32 * 2 + 1)]);
}

#[test]
fn hostile_deep_counted_and_anonymous_repetitions() {
    let src = format!(
        "x n:# {}int{} = X;\n",
        "n*[ ".repeat(DEPTH),
        " ]".repeat(DEPTH)
    );
    assert_eq!(checked(src).0, [too_deep(6 + 32 * 4 + 1)]);
    let (problems, _) = checked(format!("x n:# a:{}", "[ ".repeat(DEPTH)));
    assert_eq!(problems, [too_deep(8 + 32 * 2 + 1)]);
}

/// Repetitions and the types in them count together: inside 16
/// repetitions, the 16th `Vector<` is the 32nd level and its argument the
/// 33rd.
#[test]
fn hostile_types_inside_repetitions_count_with_them() {
    let src = format!(
        "x n:# a:{}{}int{}{} = X;\n",
        "[ ".repeat(16),
        "Vector<".repeat(DEPTH),
        ">".repeat(DEPTH),
        " ]".repeat(16)
    );
    assert_eq!(checked(src).0, [too_deep(8 + 16 * 2 + 16 * 7 + 1)]);
}

#[test]
fn hostile_deep_percent_signs() {
    let src = format!("x a:{}int = X;\n", "%".repeat(DEPTH));
    assert_eq!(checked(src).0, [too_deep(4 + 32 + 1)]);
}

/// One declaration nesting exactly 32 levels, in each form, parses and
/// checks clean, prints back as written, and gives its id text, all on the
/// small stack: the passes after parsing walk the deepest tree allowed
/// without trouble.
#[test]
fn hostile_nesting_at_the_limit_is_accepted_everywhere() {
    let header = "int ? = Int;\nvector {t:Type} # [ t ] = Vector t;\n";
    // Each declaration, how it prints, and its id text (`<`, `>`, `(`, `)`
    // dropped or turned into spaces).
    let deepest = [
        // 31 `Vector<` and `int`.
        (
            format!("x a:{}int{} = X;", "Vector<".repeat(31), ">".repeat(31)),
            None,
            format!("x a:{}int = X", "Vector ".repeat(31)),
        ),
        (
            format!("x a:{}int{} = X;", "(vector ".repeat(31), ")".repeat(31)),
            None,
            format!("x a:{}int = X", "vector ".repeat(31)),
        ),
        // Repeated `%` count as levels but mean one `%` in the tree.
        (
            format!("x a:{}int = X;", "%".repeat(31)),
            Some("x a:%int = X;".to_owned()),
            "x a:%int = X".to_owned(),
        ),
        // 31 repetitions and `int` in the innermost.
        (
            format!("x n:# a:{}int{} = X;", "[ ".repeat(31), " ]".repeat(31)),
            None,
            format!("x n:# a:{}int{} = X", "[ ".repeat(31), " ]".repeat(31)),
        ),
        // `Vector`, and 31 levels of arguments after it; the printer puts
        // a juxtaposed result in parentheses.
        (
            format!("x = Vector {}int{};", "(vector ".repeat(30), ")".repeat(30)),
            Some(format!(
                "x = (Vector {}int{});",
                "(vector ".repeat(30),
                ")".repeat(30)
            )),
            format!("x = Vector {}int", "vector ".repeat(30)),
        ),
    ];
    for (text, printed_as, expected_normalized) in deepest {
        let expected_printed = printed_as.unwrap_or_else(|| text.clone());
        let src = format!("{header}{text}\n");
        let expected_text = text.clone();
        let (problems, printed, debug_len, normalized) = on_small_stack(move || {
            let checked = check(&src, Dialect::Telegram);
            let problems: Vec<Located> = checked
                .diagnostics
                .iter()
                .map(|d| common::located(d, &src))
                .collect();
            let def = checked.schema.definitions[2].clone();
            assert_eq!(def, checked.schema.definitions[2]);
            let debug_len = format!("{def:?}").len();
            let normalized = normalized_text(&def, Dialect::Telegram);
            (problems, def.to_string(), debug_len, normalized)
        });
        assert_eq!(problems, [], "{expected_text}");
        assert_eq!(printed, expected_printed);
        assert!(debug_len > expected_text.len());
        assert_eq!(normalized, expected_normalized);
    }
}

/// The tree of a declaration at the limit: 32 types, each the only argument
/// of the one before.
#[test]
fn nesting_at_the_limit_builds_the_whole_tree() {
    let src = format!("x a:{}int{} = X;", "Vector<".repeat(31), ">".repeat(31));
    let parsed = parse(&src);
    assert_eq!(parsed.diagnostics, []);
    let FieldType::Plain { ty, .. } = &parsed.schema.definitions[0].fields()[0].ty else {
        panic!("a plain field");
    };
    let mut levels = 1;
    let mut ty: &TypeExpr = ty;
    while let [arg] = ty.args.as_slice() {
        assert_eq!(
            (ty.name.full.as_str(), ty.style),
            ("Vector", ArgStyle::Angle)
        );
        // Each argument starts 7 bytes (`Vector<`) after its parent.
        assert_eq!(arg.span.start, ty.span.start + 7);
        levels += 1;
        ty = arg;
    }
    assert_eq!((levels, ty.name.full.as_str()), (32, "int"));
}
