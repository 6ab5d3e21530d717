//! Reading the shared byte corpus (hex samples, one per line).
#![allow(dead_code)] // without the test data nothing reads the corpus

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
