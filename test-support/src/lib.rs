//! Helpers shared by every test crate of the workspace (and the build script
//! of `tests`): where the test data is, and the repository's schema
//! fixtures with the settings each declares in its header.
//!
//! # Fixture headers
//!
//! A fixture under `schema/fixtures/` may open with lines that say how it is
//! generated, read by [`fixtures`]:
//!
//! ```text
//! // fixture-flags: --dialect tdlib --lossy-strings
//! // fixture-generate: unsupported
//! ```
//!
//! `fixture-flags` are flags of `tl-codegen generate` (the same set
//! `Config::command_line_flags` writes); `fixture-generate: unsupported` marks
//! a fixture the generator rejects with a located error.
#![deny(missing_docs)]

use std::path::{Path, PathBuf};

/// The workspace root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from(".."), Path::to_owned)
}

/// Where the test data is: `$TL_TESTDATA` when set, else the repository's
/// `testdata/` folder (see its README for where each file comes from).
pub fn testdata_dir() -> PathBuf {
    std::env::var_os("TL_TESTDATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("testdata"))
}

/// The test data folder, checked: a test that needs data it cannot find
/// fails (panics) with a message saying where it looked, it never skips.
pub fn testdata() -> PathBuf {
    checked_testdata(testdata_dir())
}

/// `dir` if it holds test data (a `schema/` folder), else a panic naming it.
fn checked_testdata(dir: PathBuf) -> PathBuf {
    assert!(
        dir.join("schema").is_dir(),
        "test data not found at {}: it is the repository's `testdata/` folder \
         (or the folder `TL_TESTDATA` names, with the same layout); see testdata/README.md",
        dir.display()
    );
    dir
}

/// One schema of `schema/fixtures/`, with its header settings.
#[derive(Debug, Clone)]
pub struct Fixture {
    /// The file.
    pub path: PathBuf,
    /// The file name without `.tl` (`flags`).
    pub name: String,
    /// The text.
    pub text: String,
    /// The `fixture-flags:` flags, split at white space.
    pub flags: Vec<String>,
    /// Whether the generator accepts it (no `fixture-generate: unsupported`).
    pub generates: bool,
}

impl Fixture {
    /// Reads a fixture and its header.
    pub fn read(path: &Path) -> Fixture {
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut flags = Vec::new();
        let mut generates = true;
        for line in text.lines().take_while(|l| l.starts_with("//")) {
            let line = line.trim_start_matches('/').trim();
            if let Some(rest) = line.strip_prefix("fixture-flags:") {
                flags.extend(rest.split_whitespace().map(str::to_owned));
            } else if let Some(rest) = line.strip_prefix("fixture-generate:") {
                match rest.trim() {
                    "unsupported" => generates = false,
                    other => panic!("{}: unknown fixture-generate `{other}`", path.display()),
                }
            }
        }
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        Fixture {
            path: path.to_owned(),
            name,
            text,
            flags,
            generates,
        }
    }

    /// The value of `--NAME VALUE` among the flags, if present.
    pub fn flag_value(&self, name: &str) -> Option<&str> {
        let position = self.flags.iter().position(|f| f == name)?;
        self.flags.get(position + 1).map(String::as_str)
    }

    /// Whether the switch `--NAME` is among the flags.
    pub fn has_flag(&self, name: &str) -> bool {
        self.flags.iter().any(|f| f == name)
    }
}

/// The `*.tl` files directly in `dir`, sorted by name.
pub fn tl_files(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "tl"))
        .collect();
    paths.sort();
    paths
}

/// The repository's `schema/fixtures` folder.
pub fn fixtures_dir() -> PathBuf {
    repo_root().join("schema/fixtures")
}

/// Every valid fixture (`schema/fixtures/*.tl`), sorted by name.
pub fn fixtures() -> Vec<Fixture> {
    tl_files(&fixtures_dir())
        .iter()
        .map(|p| Fixture::read(p))
        .collect()
}

/// Every invalid fixture (`schema/fixtures/invalid/*.tl`), sorted by name.
pub fn invalid_fixtures() -> Vec<Fixture> {
    tl_files(&fixtures_dir().join("invalid"))
        .iter()
        .map(|p| Fixture::read(p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_read() {
        let dir = std::env::temp_dir().join(format!("test-support-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("x.tl");
        std::fs::write(
            &path,
            "// About x.\n// fixture-flags: --dialect tdlib --lossy-strings\n\
             // fixture-generate: unsupported\nint ? = Int;\n// fixture-flags: --serde\n",
        )
        .unwrap();
        let fixture = Fixture::read(&path);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(fixture.name, "x");
        assert_eq!(fixture.flags, ["--dialect", "tdlib", "--lossy-strings"]);
        assert_eq!(fixture.flag_value("--dialect"), Some("tdlib"));
        assert!(fixture.has_flag("--lossy-strings"));
        assert!(!fixture.has_flag("--serde"), "only the header counts");
        assert!(!fixture.generates);
    }

    #[test]
    fn the_repository_has_fixtures() {
        let names: Vec<String> = fixtures().into_iter().map(|f| f.name).collect();
        assert!(names.contains(&"flags".to_owned()), "{names:?}");
        assert!(!invalid_fixtures().is_empty());
    }

    #[test]
    fn the_repository_carries_its_test_data() {
        let dir = checked_testdata(repo_root().join("testdata"));
        assert!(dir.join("schema/telegram/api-230.tl").is_file());
    }

    #[test]
    #[should_panic(
        expected = "test data not found at /nonexistent/testdata: it is the repository's `testdata/` folder"
    )]
    fn missing_test_data_fails() {
        checked_testdata(PathBuf::from("/nonexistent/testdata"));
    }
}
