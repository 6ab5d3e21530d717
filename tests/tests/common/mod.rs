//! Locating the shared test data (`../shared`, or `TL_TESTDATA`).

use std::path::PathBuf;

/// The shared test data folder, or `None` (after printing why) when it is
/// missing outside CI. In CI (`CI=true`) a missing folder fails the test.
pub fn testdata() -> Option<PathBuf> {
    let dir = std::env::var_os("TL_TESTDATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared")));
    if dir.is_dir() && tests::HAS_TESTDATA {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "test data not found at {} (set TL_TESTDATA)",
        dir.display()
    );
    println!("skipped: test data not found at {}", dir.display());
    None
}

/// Decodes a hex string.
pub fn unhex(hex: &str) -> Vec<u8> {
    assert!(hex.len().is_multiple_of(2), "odd hex length");
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex digit"))
        .collect()
}

/// One corpus line: kind (`type`/`function`), TL name, id, bytes.
#[allow(dead_code)]
pub struct Sample {
    pub line: usize,
    pub kind: String,
    pub name: String,
    pub id: u32,
    pub bytes: Vec<u8>,
}

/// Reads a corpus file of tab-separated samples.
pub fn read_corpus(path: &std::path::Path) -> Vec<Sample> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 4, "line {}: expected 4 columns", n + 1);
            Sample {
                line: n + 1,
                kind: cols[0].to_owned(),
                name: cols[1].to_owned(),
                id: u32::from_str_radix(cols[2], 16).expect("hex id"),
                bytes: unhex(cols[3]),
            }
        })
        .collect()
}
