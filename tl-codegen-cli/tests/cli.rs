//! `tl-codegen check` and `tl-codegen generate`, run as a process: exit codes,
//! the human summary and rendered diagnostics, the JSON lines, and generated code.

use serde_json::Value;

mod common;

use common::{TempFile, root, run, stderr, stdout};

#[test]
fn clean_schema_exits_0_with_a_summary_line() {
    let out = run(&["check", "schema/example.tl"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "schema/example.tl: 109 types, 18 functions, layer 1, telegram ids (detected)\n"
    );
    assert_eq!(stderr(&out), "");
}

#[test]
fn summary_without_a_layer_and_with_several_files() {
    let out = run(&[
        "check",
        "--dialect",
        "tdlib",
        "schema/fixtures/ton_style.tl",
        "schema/fixtures/comments.tl",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "schema/fixtures/ton_style.tl: 5 types, 2 functions, layer none, tdlib ids\n\
         schema/fixtures/comments.tl: 3 types, 1 functions, layer 7, tdlib ids\n"
    );
}

#[test]
fn schema_errors_exit_1_with_rendered_diagnostics() {
    let out = run(&["check", "schema/fixtures/invalid/unknown_type.tl"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "\
error[TL0009]: unknown type `unk.Person`
   --> schema/fixtures/invalid/unknown_type.tl:14:11
   |
14 |     owner:unk.Person = unk.Item;
   |           ^^^^^^^^^^

warning[TL0017]: no constructor of this schema builds `unk.Label`: the answer cannot be decoded from this schema alone
   --> schema/fixtures/invalid/unknown_type.tl:18:37
   |
18 | unk.getLabels item_id:long = Vector<unk.Label>;
   |                                     ^^^^^^^^^

"
    );
    assert_eq!(
        stdout(&out),
        "schema/fixtures/invalid/unknown_type.tl: 2 types, 2 functions, layer none, tdlib ids (detected)\n"
    );
}

#[test]
fn warnings_alone_exit_0() {
    let out = run(&["check", "schema/fixtures/invalid/id_mismatch.tl"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).starts_with(
            "warning[TL0014]: explicit id #35a95cb8 differs from the computed id #35a95cb9\n"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn one_bad_file_among_good_ones_exits_1() {
    let out = run(&[
        "check",
        "schema/example.tl",
        "schema/fixtures/invalid/duplicate.tl",
        "schema/fixtures/flags.tl",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out).lines().count(), 3);
}

#[test]
fn missing_file_exits_2_and_the_others_are_still_checked() {
    let out = run(&[
        "check",
        "schema/no-such-file.tl",
        "schema/fixtures/invalid/duplicate.tl",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error: cannot read schema/no-such-file.tl: "),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        stdout(&out),
        "schema/fixtures/invalid/duplicate.tl: 6 types, 0 functions, layer none, telegram ids (detected)\n"
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["check"]).status.code(), Some(2));
    assert_eq!(
        run(&["check", "--dialect", "klingon", "schema/example.tl"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        run(&["check", "--format", "xml", "schema/example.tl"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn json_lines_field_by_field() {
    let out = run(&[
        "check",
        "--format",
        "json",
        "schema/fixtures/invalid/id_mismatch.tl",
        "schema/fixtures/invalid/duplicate.tl",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<&str> = stdout(&out).lines().collect();
    assert_eq!(lines.len(), 2);

    // Keys come in the documented order.
    assert!(
        lines[0].starts_with(
            r#"{"file":"schema/fixtures/invalid/id_mismatch.tl","layer":null,"dialect":"telegram","dialect_detected":true,"definitions":[{"name":"long","kind":"builtin","id":"22076cba","computed_id":"22076cba","line":6},"#
        ),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].ends_with(
            r#""errors":[],"warnings":[{"code":"TL0014","line":10,"column":14,"message":"explicit id #35a95cb8 differs from the computed id #35a95cb9"}]}"#
        ),
        "{}",
        lines[0]
    );
    let first: Value = serde_json::from_str(lines[0]).expect("JSON");
    assert_eq!(first["file"], "schema/fixtures/invalid/id_mismatch.tl");
    assert_eq!(first["layer"], Value::Null);
    let defs = first["definitions"].as_array().expect("definitions");
    assert_eq!(defs.len(), 4);
    // `zlib.crc32(b"long ? = Long")` = 0x22076cba.
    assert_eq!(defs[0]["name"], "long");
    assert_eq!(defs[0]["kind"], "builtin");
    assert_eq!(defs[0]["id"], "22076cba");
    assert_eq!(defs[0]["computed_id"], "22076cba");
    assert_eq!(defs[0]["line"], 6);
    assert_eq!(defs[1]["name"], "inputPeerEmpty");
    assert_eq!(defs[1]["kind"], "type");
    assert_eq!(defs[1]["id"], "7f3b18ea");
    assert_eq!(defs[1]["computed_id"], "7f3b18ea");
    assert_eq!(defs[1]["line"], 8);
    assert_eq!(defs[3]["name"], "inputPeerChat");
    assert_eq!(defs[3]["id"], "35a95cb8");
    assert_eq!(defs[3]["computed_id"], "35a95cb9");
    assert_eq!(defs[3]["line"], 10);
    assert_eq!(first["errors"], serde_json::json!([]));
    assert_eq!(
        first["warnings"],
        serde_json::json!([{
            "code": "TL0014",
            "line": 10,
            "column": 14,
            "message": "explicit id #35a95cb8 differs from the computed id #35a95cb9"
        }])
    );

    let second: Value = serde_json::from_str(lines[1]).expect("JSON");
    assert_eq!(second["file"], "schema/fixtures/invalid/duplicate.tl");
    assert_eq!(
        second["errors"],
        serde_json::json!([
            {"code": "TL0006", "line": 13, "column": 1, "message": "duplicate constructor `dup.item`"},
            {"code": "TL0007", "line": 17, "column": 16, "message": "duplicate id #997275b5: already used by `boolTrue`"},
        ])
    );
    assert_eq!(second["warnings"], serde_json::json!([]));
    let kinds: Vec<&str> = second["definitions"]
        .as_array()
        .expect("definitions")
        .iter()
        .map(|d| d["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(
        kinds,
        [
            "builtin", "builtin", "type", "type", "type", "type", "type", "type"
        ]
    );
}

#[test]
fn json_layer_and_function_kind() {
    let out = run(&["check", "--format", "json", "schema/fixtures/comments.tl"]);
    assert_eq!(out.status.code(), Some(0));
    let report: Value = serde_json::from_str(stdout(&out).trim_end()).expect("JSON");
    assert_eq!(report["layer"], 7);
    let defs = report["definitions"].as_array().expect("definitions");
    let last = defs.last().expect("a declaration");
    assert_eq!(last["name"], "comment.get");
    assert_eq!(last["kind"], "function");
    assert_eq!(last["line"], 28);
}

#[test]
fn columns_count_characters_on_non_ascii_lines() {
    let file = TempFile::new("umlaut.tl", "int ? = Int;\n/* größe ✓ */ a x:Nope = A;\n");
    let path = file.path().to_str().expect("UTF-8 temp path").to_owned();

    let human = run(&["check", &path]);
    assert_eq!(human.status.code(), Some(1));
    assert_eq!(
        stderr(&human),
        format!(
            "\
error[TL0009]: unknown type `Nope`
  --> {path}:2:19
  |
2 | /* größe ✓ */ a x:Nope = A;
  |                   ^^^^

"
        )
    );

    let json = run(&["check", "--format", "json", &path]);
    let report: Value = serde_json::from_str(stdout(&json).trim_end()).expect("JSON");
    assert_eq!(
        report["errors"],
        serde_json::json!([{"code": "TL0009", "line": 2, "column": 19, "message": "unknown type `Nope`"}])
    );
}

// `tl-codegen generate`

#[test]
fn generates_the_example_to_stdout() {
    let out = run(&["generate", "schema/example.tl"]);
    assert_eq!(out.status.code(), Some(0));
    let code = String::from_utf8(out.stdout).unwrap();
    assert!(code.starts_with(
        "// @generated by tl-codegen. Do not edit by hand.\n// Sources: example.tl\n\
         // Id rules: telegram (detected: 116 of 127 declarations carry an explicit id)\n\n"
    ));
    assert!(code.contains("pub struct ImportChatInvite {"));
    assert!(code.contains("const CONSTRUCTOR_ID: u32 = 0x6c50051c;"));
    // The same bytes as the library produces.
    let lib = tl_codegen::generate(&[root().join("schema/example.tl")]).unwrap();
    assert_eq!(code, lib);
}

#[test]
fn output_flag_writes_a_file() {
    let dir = std::env::temp_dir().join(format!("tl-codegen-gen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("out.rs");
    let out = run(&[
        "generate",
        "--dialect",
        "tdlib",
        "--serde",
        "-o",
        path.to_str().unwrap(),
        "schema/fixtures/ton_style.tl",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let code = std::fs::read_to_string(&path).unwrap();
    assert!(code.contains(
        "#[cfg_attr(feature = \"serde\", derive(::serde::Serialize, ::serde::Deserialize))]"
    ));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn schema_errors_exit_1_with_every_diagnostic() {
    let out = run(&["generate", "schema/fixtures/invalid/unknown_type.tl"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        "error[TL0009]: unknown type `unk.Person`\n   \
         --> schema/fixtures/invalid/unknown_type.tl:14:11\n   |\n\
         14 |     owner:unk.Person = unk.Item;\n   |           ^^^^^^^^^^\n\n\
         error: could not generate code: 1 error in the schema\n"
    );
}

#[test]
fn missing_file_exits_2() {
    let out = run(&["generate", "no/such/file.tl"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: no/such/file.tl: No such file or directory (os error 2)\n"
    );
}

#[test]
fn no_files_is_a_usage_error() {
    assert_eq!(run(&["generate"]).status.code(), Some(2));
}

// Hostile schema text (`cargo test hostile`)

#[test]
fn hostile_deep_nesting_is_a_located_error() {
    let text = format!(
        "x a:{}int{} = X;\n",
        "Vector<".repeat(100_000),
        ">".repeat(100_000)
    );
    let file = TempFile::new("deep.tl", &text);
    let path = file.path().to_str().expect("UTF-8 temp path").to_owned();
    let out = run(&["check", &path]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        format!("{path}: 0 types, 0 functions, layer none, telegram ids (detected)\n")
    );
    // The 33rd `Vector<` (past the limit of 32) starts at column 4 + 32 * 7 + 1.
    // The rendered source line that follows is the whole 1.2 MB line.
    let err = stderr(&out);
    let head = format!(
        "error[TL0004]: types or repetitions nest more than 32 levels deep\n  --> {path}:1:229\n"
    );
    assert_eq!(&err[..head.len().min(err.len())], head);
    assert_eq!(err.matches("error[").count(), 1);

    let out = run(&["check", "--format", "json", &path]);
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_str(stdout(&out).trim_end()).expect("JSON");
    assert_eq!(report["definitions"], serde_json::json!([]));
    assert_eq!(
        report["errors"],
        serde_json::json!([{
            "code": "TL0004",
            "line": 1,
            "column": 229,
            "message": "types or repetitions nest more than 32 levels deep"
        }])
    );

    let out = run(&["generate", &path]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
}

/// `Config::generate_from_strs` on a thread with a small stack (256 KiB), as
/// a build script might run it, gives the located error, not a crash.
#[test]
fn hostile_deep_nesting_in_a_build_script() {
    let result = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            let text = format!(
                "int ? = Int;\nx a:{}int{} = X;\n",
                "(vector ".repeat(100_000),
                ")".repeat(100_000)
            );
            tl_codegen::Config::new()
                .generate_from_strs(&[("deep.tl", &text)])
                .map_err(|e| match e {
                    tl_codegen::Error::Schema(e) => e.one_line_each(),
                    other => vec![other.to_string()],
                })
        })
        .expect("thread")
        .join()
        .expect("no stack overflow");
    // Line 2, after `x a:` and 32 times `(vector `: column 4 + 256 + 1.
    assert_eq!(
        result.unwrap_err(),
        ["deep.tl:2:261: error[TL0004]: types or repetitions nest more than 32 levels deep"]
    );
}

/// The deepest declaration the parser accepts (32 levels) generates, on a
/// thread with a modest stack: nothing after parsing recurses further than
/// the tree is deep.
#[test]
fn nesting_at_the_limit_generates() {
    let code = std::thread::Builder::new()
        .stack_size(512 * 1024)
        .spawn(|| {
            let text = format!(
                "int ? = Int;\nvector {{t:Type}} # [ t ] = Vector t;\nx#1 a:{}int{} = X;\n",
                "Vector<".repeat(31),
                ">".repeat(31)
            );
            tl_codegen::Config::new()
                .dialect(tl_parser::Dialect::Telegram)
                .generate_from_strs(&[("deepest.tl", &text)])
                .map_err(|e| e.to_string())
        })
        .expect("thread")
        .join()
        .expect("no stack overflow")
        .expect("generates");
    // The formatter spreads the type over many lines: compare without
    // white space.
    let compact: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let field = format!("pubstructX{{///TLfield`a`.puba:{}i32>", "Vec<".repeat(31));
    assert_eq!(compact.matches(&field).count(), 1, "no field `{field}`");
}

/// `check --format json` on `file`, which must exit 1: its report.
fn failing_json_check(file: &TempFile) -> Value {
    let path = file.path().to_str().expect("UTF-8 temp path");
    let out = run(&["check", "--format", "json", path]);
    assert_eq!(out.status.code(), Some(1));
    serde_json::from_str(stdout(&out).trim_end()).expect("JSON")
}

/// `(name, kind)` of each definition of a JSON report.
fn names_and_kinds(report: &Value) -> Vec<(&str, &str)> {
    report["definitions"]
        .as_array()
        .expect("definitions")
        .iter()
        .map(|d| (d["name"].as_str().unwrap(), d["kind"].as_str().unwrap()))
        .collect()
}

#[test]
fn hostile_missing_semicolon_keeps_what_follows() {
    let file = TempFile::new(
        "semi.tl",
        "foo#12345678 x:int = Foo;\nbar x:int = Bar\n---functions---\nbaz#1 = Qux;\n",
    );
    let report = failing_json_check(&file);
    let defs = names_and_kinds(&report);
    assert_eq!(
        defs,
        [("foo", "type"), ("bar", "type"), ("baz", "function")]
    );
    assert_eq!(
        report["errors"],
        serde_json::json!([{
            "code": "TL0002",
            "line": 2,
            "column": 16,
            "message": "expected `;` after the result type, found end of line"
        }])
    );
}

/// A declaration cut short before `---functions---`: the error is at the end
/// of its line, the section still changes, and a later problem is still
/// reported.
#[test]
fn hostile_incomplete_declaration_keeps_what_follows() {
    let file = TempFile::new(
        "cut.tl",
        "foo#12345678 x:int = Foo;\nbar x:Vector<int\n---functions---\nbaz#1 = Qux;\nqux x: = Qux;\nok#2 = Qux;\n",
    );
    let report = failing_json_check(&file);
    let defs = names_and_kinds(&report);
    assert_eq!(
        defs,
        [("foo", "type"), ("baz", "function"), ("ok", "function")]
    );
    assert_eq!(
        report["errors"],
        serde_json::json!([
            {
                "code": "TL0001",
                "line": 2,
                "column": 17,
                "message": "expected `>` closing the type arguments, found end of line"
            },
            {
                "code": "TL0001",
                "line": 5,
                "column": 7,
                "message": "expected a field type after `:`, found white space"
            }
        ])
    );
}
