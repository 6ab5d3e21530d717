//! Byte-exact conformance against the shared corpus: every sample decodes by
//! its TL name and encodes back to the same bytes.

mod common;

use common::{Sample, read_corpus, testdata};
use tl_runtime::{Deserializable, Serializable};

fn roundtrip(s: &Sample, bytes: &[u8]) -> Option<Result<Vec<u8>, tl_runtime::DecodeError>> {
    match s.kind.as_str() {
        "type" => tests::dispatch::roundtrip_type(&s.name, bytes),
        "function" => tests::dispatch::roundtrip_function(&s.name, bytes),
        other => panic!("line {}: unknown kind {other}", s.line),
    }
}

/// `TL_CORPUS` names another corpus of layer 230: a `.tsv` replaces
/// `api-230.tsv`, a `.bin` (one boxed `messages.Messages`) replaces `messages-100.bin`.
fn corpus_override() -> Option<std::path::PathBuf> {
    std::env::var_os("TL_CORPUS").map(Into::into)
}

fn is_bin(path: &std::path::Path) -> bool {
    path.extension().is_some_and(|e| e == "bin")
}

/// Round-trips every sample of a corpus file, reporting counts and every failure.
fn check_corpus(file: &str) -> Option<()> {
    let dir = testdata()?;
    let path = match corpus_override() {
        Some(p) if file == "api-230.tsv" && !is_bin(&p) => p,
        _ => dir.join("corpus").join(file),
    };
    let samples = read_corpus(&path);
    let mut failures = Vec::new();
    for s in &samples {
        assert_eq!(
            s.bytes
                .get(..4)
                .map(|b| u32::from_le_bytes(b.try_into().unwrap())),
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
    Some(())
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
    let Some(dir) = testdata() else { return };
    let name = std::fs::read_to_string(dir.join("corpus/messages-100.txt")).unwrap();
    assert_eq!(name.trim(), "messages.Messages");
    let path = std::env::var_os("TL_MESSAGES")
        .map_or_else(|| dir.join("corpus/messages-100.bin"), Into::into);
    let bytes = std::fs::read(path).unwrap();
    let value = tests::api::enums::messages::Messages::from_bytes(&bytes).expect("decodes");
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
    assert_eq!(value.serialized_len(), bytes.len());
    assert_eq!(value.to_bytes(), bytes);
}

/// Every proper prefix of every sample is an error, never a panic, and
/// never a value.
#[test]
fn truncated_samples_are_errors() {
    let Some(dir) = testdata() else { return };
    let mut checked = 0usize;
    for file in ["api-230.tsv", "mtproto.tsv"] {
        for s in read_corpus(&dir.join("corpus").join(file)) {
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
    println!("{checked} truncated inputs rejected");
}
