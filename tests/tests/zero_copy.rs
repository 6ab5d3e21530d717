//! Layer 230 + `mtproto.tl` generated with `Config::zero_copy` against the
//! corpus of `testdata/`: every sample decodes through `from_shared` and encodes back
//! to the same bytes, and the strings of `messages-100.bin` are slices of
//! the buffer they were decoded from.

mod common;

/// The layer in zero-copy mode (compiled warning-free in the generator's own
/// checks; here only what the tests reach is used).
// Private here, so clippy judges the variant names it accepts in an
// exported API (`Updates::UpdateShort` mirrors `updateShort`).
#[allow(dead_code, clippy::enum_variant_names)]
mod api {
    include!(concat!(env!("OUT_DIR"), "/api_zero_copy.rs"));
}

/// Round trip by TL name (the same table as `tests::dispatch`: it names
/// `super::api` and `super::reencode`, here the zero-copy ones).
#[allow(dead_code)]
mod dispatch {
    include!(concat!(env!("OUT_DIR"), "/dispatch.rs"));
}

/// Decodes `bytes` through `from_shared` (from a buffer of their own) and
/// encodes the value again.
fn reencode<T>(bytes: &[u8]) -> Result<Vec<u8>, tl_runtime::DecodeError>
where
    T: tl_runtime::Deserializable + tl_runtime::Serializable,
{
    let shared = tl_runtime::shared::Bytes::copy_from_slice(bytes);
    T::from_shared(&shared).map(|v| v.to_bytes())
}

use common::read_corpus;
use tl_runtime::shared::Bytes;
use tl_runtime::{Deserializable, Serializable};

fn check_corpus(file: &str) {
    let path = test_support::testdata().join("corpus").join(file);
    let samples = read_corpus(&path);
    assert!(!samples.is_empty(), "{}: no samples", path.display());
    let mut failures = Vec::new();
    for s in &samples {
        let result = match s.kind.as_str() {
            "type" => crate::dispatch::roundtrip_type(&s.name, &s.bytes),
            _ => crate::dispatch::roundtrip_function(&s.name, &s.bytes),
        };
        match result {
            Some(Ok(out)) if out == s.bytes => {}
            other => failures.push(format!(
                "line {}: {} {}: {:?}",
                s.line,
                s.kind,
                s.name,
                other.map(|r| r.map(|o| o.len()))
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        samples.len(),
        failures.join("\n")
    );
}

#[test]
fn api_230_corpus_round_trips_zero_copy() {
    check_corpus("api-230.tsv");
}

#[test]
fn mtproto_corpus_round_trips_zero_copy() {
    check_corpus("mtproto.tsv");
}

/// Every message text of `messages-100.bin` (and every user's first
/// name) is a slice of the buffer, and the value encodes to the same
/// bytes.
#[test]
fn messages_100_strings_share_the_buffer() {
    use crate::api::enums::messages::Messages;
    use crate::api::enums::{Message, User};
    let path = test_support::testdata().join("corpus/messages-100.bin");
    let buffer = Bytes::from(std::fs::read(&path).unwrap());
    let inside = |part: &[u8]| {
        let (outer, inner) = (buffer.as_ptr_range(), part.as_ptr_range());
        outer.start <= inner.start && inner.end <= outer.end
    };
    let value = Messages::from_shared(&buffer).expect("decodes");
    assert_eq!(value.to_bytes(), buffer);
    let Messages::Messages(m) = &value else {
        panic!("messages.messages expected")
    };
    let texts: Vec<&[u8]> = m
        .messages
        .iter()
        .filter_map(|msg| match msg {
            Message::Message(msg) => Some(msg.message.as_bytes().as_ref()),
            _ => None,
        })
        .collect();
    assert!(texts.len() >= 90, "{} messages with text", texts.len());
    assert!(texts.iter().all(|t| t.is_empty() || inside(t)));
    let names: Vec<&[u8]> = m
        .users
        .iter()
        .filter_map(|u| match u {
            User::User(u) => u.first_name.as_ref().map(|n| n.as_bytes().as_ref()),
            _ => None,
        })
        .collect();
    assert!(!names.is_empty());
    assert!(names.iter().all(|n| n.is_empty() || inside(n)));
    // Decoded from a plain slice, the same value holds copies.
    let copied = Messages::from_bytes(&buffer).expect("decodes");
    assert_eq!(copied, value);
}
