//! A reader that goes away early (`tl-codegen ... | head`) ends the output
//! quietly: no "Broken pipe" error, no panic, for every command.

mod common;

use std::io::Read;
use std::process::{Command, Stdio};

use common::{TempFile, root};

/// Runs the binary with its stdout on a pipe whose reader reads `keep`
/// bytes and closes it; returns the exit status and stderr.
fn run_into_closed_pipe(args: &[&str], keep: usize) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tl-codegen"))
        .args(args)
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = vec![0; keep];
    let _ = stdout.read_exact(&mut first);
    drop(stdout);
    let out = child.wait_with_output().expect("the binary ends");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Each command writes more than a pipe holds (64 KiB), or its reader
/// leaves before it writes, so that a write after the reader left fails.
#[test]
fn every_command_stops_quietly_when_the_reader_leaves() {
    let layers = "testdata/schema/telegram";
    let (old, new) = (
        format!("{layers}/api-222.tl"),
        format!("{layers}/api-230.tl"),
    );
    let many: Vec<&str> = std::iter::once("check")
        .chain(std::iter::repeat_n("schema/example.tl", 2_000))
        .collect();
    let book = TempFile::new("book.txt", "");
    let book_dir = book.sibling("book");
    // `docs` prints one line after writing its book: its reader leaves
    // before reading anything.
    let cases: Vec<(Vec<&str>, usize, Option<i32>)> = vec![
        (vec!["generate", "schema/example.tl"], 10, Some(0)),
        (vec!["diff", &old, &new], 10, Some(1)),
        (
            vec!["diff", "--format", "markdown-full", &old, &new],
            10,
            Some(1),
        ),
        (many, 10, Some(0)),
        (
            vec![
                "docs",
                "-o",
                book_dir.to_str().unwrap(),
                "schema/example.tl",
            ],
            0,
            Some(0),
        ),
    ];
    for (args, keep, status) in cases {
        let (code, stderr) = run_into_closed_pipe(&args, keep);
        assert_eq!(code, status, "{:?}: {stderr}", &args[..2]);
        assert!(
            !stderr.contains("Broken pipe") && !stderr.contains("panicked"),
            "{:?}: {stderr}",
            &args[..2]
        );
    }
}
