//! Byte-exact conformance against the corpus of `testdata/corpus`: every sample decodes by
//! its TL name and encodes back to the same bytes.
//!
//! `TL_CORPUS` names another corpus of layer 230 to use instead: a `.tsv`
//! replaces `api-230.tsv`, a `.bin` (one boxed `messages.Messages`) replaces
//! `messages-100.bin`.

use std::path::{Path, PathBuf};

use crate::common::{Sample, read_corpus};
use tl_runtime::{Deserializable, Serializable};

fn roundtrip(s: &Sample, bytes: &[u8]) -> Option<Result<Vec<u8>, tl_runtime::DecodeError>> {
    match s.kind.as_str() {
        "type" => tests::dispatch::roundtrip_type(&s.name, bytes),
        "function" => tests::dispatch::roundtrip_function(&s.name, bytes),
        other => panic!("line {}: unknown kind {other}", s.line),
    }
}

fn data() -> PathBuf {
    test_support::testdata()
}

/// The corpus file to read for `file` (`api-230.tsv`, `mtproto.tsv`,
/// `messages-100.bin`): `TL_CORPUS` when it has the same extension
/// and `file` is one it replaces, else the one in `testdata/`.
fn corpus_file(file: &str) -> PathBuf {
    let replaceable = matches!(file, "api-230.tsv" | "messages-100.bin");
    let extension = |p: &Path| p.extension().map(|e| e.to_owned());
    match std::env::var_os("TL_CORPUS").map(PathBuf::from) {
        Some(p) if replaceable && extension(&p) == extension(Path::new(file)) => p,
        _ => data().join("corpus").join(file),
    }
}

/// Round-trips every sample of a corpus file, reporting counts and every failure.
fn check_corpus(file: &str) {
    let path = corpus_file(file);
    let samples = read_corpus(&path);
    assert!(!samples.is_empty(), "{}: no samples", path.display());
    let mut failures = Vec::new();
    for s in &samples {
        assert_eq!(
            s.bytes
                .get(..4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])),
            Some(s.id),
            "line {}: the id column matches the bytes",
            s.line
        );
        match roundtrip(s, &s.bytes) {
            None => failures.push(format!(
                "line {}: no generated type for {} {}",
                s.line, s.kind, s.name
            )),
            Some(Err(e)) => failures.push(format!("line {}: {} {}: {e}", s.line, s.kind, s.name)),
            Some(Ok(out)) if out != s.bytes => failures.push(format!(
                "line {}: {} {}: re-encoded {} bytes differ from the {} read",
                s.line,
                s.kind,
                s.name,
                out.len(),
                s.bytes.len()
            )),
            Some(Ok(_)) => {}
        }
    }
    println!(
        "{}: {} samples, {} round-tripped byte-identically, {} failed",
        path.display(),
        samples.len(),
        samples.len() - failures.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn api_230_corpus_round_trips() {
    check_corpus("api-230.tsv");
}

#[test]
fn mtproto_corpus_round_trips() {
    check_corpus("mtproto.tsv");
}

#[test]
fn messages_100_round_trips() {
    let name = std::fs::read_to_string(data().join("corpus/messages-100.txt")).unwrap();
    assert_eq!(name.trim(), "messages.Messages");
    let path = corpus_file("messages-100.bin");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(!bytes.is_empty(), "{}: empty", path.display());
    let value = tests::api::enums::messages::Messages::from_bytes(&bytes).expect("decodes");
    assert_eq!(value.serialized_len(), bytes.len());
    assert_eq!(value.to_bytes(), bytes);
    // The sample's contents, as its README describes them.
    if std::env::var_os("TL_CORPUS").is_none() {
        let tests::api::enums::messages::Messages::Messages(m) = &value else {
            panic!(
                "expected messages.messages, got {:#010x}",
                value.constructor_id()
            );
        };
        assert_eq!(
            (m.messages.len(), m.users.len(), m.chats.len()),
            (100, 20, 5)
        );
    }
}

/// Every proper prefix of every sample is an error, never a panic, and
/// never a value.
#[test]
fn hostile_truncated_samples_are_errors() {
    let mut checked = 0usize;
    for file in ["api-230.tsv", "mtproto.tsv"] {
        for s in read_corpus(&corpus_file(file)) {
            for cut in 0..s.bytes.len() {
                match roundtrip(&s, &s.bytes[..cut]) {
                    Some(Err(_)) => checked += 1,
                    Some(Ok(_)) => panic!(
                        "line {}: {} decoded from {cut} of {} bytes",
                        s.line,
                        s.name,
                        s.bytes.len()
                    ),
                    None => panic!("line {}: no generated type for {}", s.line, s.name),
                }
            }
        }
    }
    assert!(checked > 0, "no samples were truncated");
    println!("{checked} truncated inputs rejected");
}
