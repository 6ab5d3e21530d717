//! `tl-codegen docs` and the documentation flags of `generate`, run as a
//! process. The pages themselves are checked in `tests/tests/book.rs`.

mod common;

use common::{TempFile, run, stderr, stdout};

const SCHEMA: &str = "schema/fixtures/documented.tl";
const DOCS: &str = "schema/fixtures/docs";

#[test]
fn docs_writes_a_book_and_reports_coverage() {
    let marker = TempFile::new("marker", "");
    let dir = marker.sibling("book");
    let dir = dir.to_str().unwrap();
    let out = run(&[
        "docs",
        "--docs",
        &format!("{DOCS}/api-docs.json"),
        "--usability",
        &format!("{DOCS}/methods.csv"),
        "--errors",
        &format!("{DOCS}/errors.csv"),
        "-o",
        dir,
        SCHEMA,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "{dir}: 17 pages (3 methods, 4 constructors, 3 types, 4 namespaces, the errors, the summary and the overview); described: 2 of 3 methods, 2 of 4 constructors, 1 of 3 types; 3 stale documentation entries\n"
        )
    );
    // One warning per stale entry, located.
    assert_eq!(
        stderr(&out),
        "schema/fixtures/docs/api-docs.json:17:6: warning[TL0026]: documentation for constructor `channelForbidden`, which the schema does not have\n\
         schema/fixtures/docs/api-docs.json:43:6: warning[TL0026]: documentation for method `channels.deleteHistory`, which the schema does not have\n\
         schema/fixtures/docs/methods.csv:4:1: warning[TL0026]: documentation for method `channels.deleteMessages`, which the schema does not have\n"
    );
    let page =
        std::fs::read_to_string(format!("{dir}/src/method/messages.importChatInvite.md")).unwrap();
    assert!(page.starts_with("# messages.importChatInvite\n"));
    assert!(std::path::Path::new(&format!("{dir}/book.toml")).is_file());
}

#[test]
fn docs_without_documentation_still_writes_pages() {
    let marker = TempFile::new("marker", "");
    let dir = marker.sibling("plain");
    let out = run(&["docs", "-o", dir.to_str().unwrap(), SCHEMA]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let page = std::fs::read_to_string(dir.join("src/method/channels.inviteToChannel.md")).unwrap();
    // No usability table: the question is not answered at all.
    assert!(!page.contains("Can bots use this method?"), "{page}");
    assert!(page.contains("## Example\n"));
}

#[test]
fn malformed_documentation_exits_2() {
    let bad = TempFile::new("errors.csv", "code,name\n1,x\n");
    let marker = TempFile::new("marker2", "");
    let dir = marker.sibling("book");
    let out = run(&[
        "docs",
        "--errors",
        bad.path().to_str().unwrap(),
        "-o",
        dir.to_str().unwrap(),
        SCHEMA,
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("expected the header `name,codes,description`, found `code,name`"),
        "{}",
        stderr(&out)
    );
    let generate = run(&["generate", "--errors", bad.path().to_str().unwrap(), SCHEMA]);
    assert_eq!(generate.status.code(), Some(2));
}

#[test]
fn schema_errors_exit_1() {
    let bad = TempFile::new("bad.tl", "a x:Nope = A;\n");
    let marker = TempFile::new("marker3", "");
    let dir = marker.sibling("book");
    let out = run(&[
        "docs",
        "-o",
        dir.to_str().unwrap(),
        bad.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("unknown type `Nope`"));
}

#[test]
fn generate_with_documentation_has_typed_errors() {
    let out = run(&[
        "generate",
        "--docs",
        &format!("{DOCS}/api-docs.json"),
        "--usability",
        &format!("{DOCS}/methods.csv"),
        "--errors",
        &format!("{DOCS}/errors.csv"),
        SCHEMA,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let code = stdout(&out);
    assert!(code.contains("pub mod errors {"));
    assert!(code.contains("        FloodWait {\n            /// The number in the message (`FLOOD_WAIT_X`).\n            seconds: u32,\n        },\n"));
    assert!(
        code.contains("        /// # Can bots use this method?\n        ///\n        /// No\n")
    );
}
