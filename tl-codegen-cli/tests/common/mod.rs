//! What the command-line tests share: running the binary, reading its
//! output, temporary schema files.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The workspace root: the binary runs there, so paths in its output are the
/// relative ones given on the command line.
pub fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tl-codegen"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the binary runs")
}

pub fn stdout(out: &Output) -> &str {
    std::str::from_utf8(&out.stdout).expect("UTF-8 stdout")
}

pub fn stderr(out: &Output) -> &str {
    std::str::from_utf8(&out.stderr).expect("UTF-8 stderr")
}

/// A file in a fresh temporary directory, removed when dropped.
pub struct TempFile(PathBuf);

impl TempFile {
    /// A file named `name` in a directory of its own: tests run in
    /// parallel, and each directory is removed when its file is dropped.
    pub fn new(name: &str, text: &str) -> TempFile {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("tl-codegen-cli-{}-{n}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join(name);
        std::fs::write(&path, text).expect("temp file");
        TempFile(path)
    }

    /// A path `name` next to the file, for a command to create (a book's
    /// folder); removed with the file's directory.
    pub fn sibling(&self, name: &str) -> PathBuf {
        self.0.parent().map(|d| d.join(name)).unwrap_or_default()
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}
