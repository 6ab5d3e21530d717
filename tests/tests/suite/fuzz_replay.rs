//! Replays the minimized fuzz inputs kept in `fuzz/regressions/TARGET/`
//! (see `fuzz/README.md`) on stable, without a fuzzer: each input must
//! still satisfy the property its target checks. A target whose directory
//! is missing or empty fails, and so does an input that panics or breaks
//! the property; every failure is reported with its file.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use tl_codegen::{Config, Dialect};
use tl_runtime::{DecodeError, Deserializable, Serializable};

/// `super::api` for the dispatch table below.
use tests::api;

/// Round trip by TL name, and the boxed types in model order (the table of
/// `tests::dispatch`, here calling [`reencode`], which also checks
/// `serialized_len`).
#[allow(dead_code)]
mod dispatch {
    include!(concat!(env!("OUT_DIR"), "/dispatch.rs"));
}

/// Decodes `bytes` as a `T` and encodes the value again, checking that the
/// encoding is as long as `serialized_len` says (the fuzz crate's `check`).
fn reencode<T: Deserializable + Serializable>(bytes: &[u8]) -> Result<Vec<u8>, DecodeError> {
    T::from_bytes(bytes).map(|value| {
        let encoded = value.to_bytes();
        assert_eq!(
            encoded.len(),
            value.serialized_len(),
            "serialized_len of {}",
            std::any::type_name::<T>()
        );
        encoded
    })
}

/// The kept inputs of `target`, sorted by name; fails if there are none.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/regressions")
        .join(target);
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut paths: Vec<PathBuf> = entries
        .map(|entry| entry.unwrap_or_else(|e| panic!("{}: {e}", dir.display())))
        .map(|entry| entry.path())
        .filter(|path| path.is_file())
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "{}: no inputs kept", dir.display());
    paths
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path, bytes)
        })
        .collect()
}

/// Runs `property` on every kept input of `target`, each caught on its own,
/// and fails listing every input that panicked.
fn replay(target: &str, property: impl Fn(&[u8])) {
    let inputs = inputs(target);
    let mut failures = Vec::new();
    for (path, bytes) in &inputs {
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| property(bytes))) {
            let message = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("(no message)");
            failures.push(format!("{}: {message}", path.display()));
        }
    }
    println!("{target}: {} inputs replayed", inputs.len());
    assert!(
        failures.is_empty(),
        "{target}: {} of {} inputs fail:\n{}",
        failures.len(),
        inputs.len(),
        failures.join("\n")
    );
}

/// What decodes from `bytes` through `round_trip` re-encodes (checked
/// against `serialized_len` by [`reencode`]) to bytes that decode and
/// re-encode identically. (Bytes are compared, not values: a decoded
/// `double` may be NaN.)
fn check_round_trip(bytes: &[u8], round_trip: impl Fn(&[u8]) -> Result<Vec<u8>, DecodeError>) {
    let Ok(encoded) = round_trip(bytes) else {
        return;
    };
    match round_trip(&encoded) {
        Ok(again) => assert_eq!(again, encoded, "re-encoded bytes"),
        Err(e) => panic!("re-encoded bytes do not decode: {e:?}"),
    }
}

/// The `parse` target: the parser and validator, in both dialects, every
/// diagnostic rendered and the tree printed.
#[test]
fn fuzz_parse_inputs_replay() {
    replay("parse", |data| {
        let Ok(src) = std::str::from_utf8(data) else {
            return;
        };
        for dialect in [tl_parser::Dialect::Telegram, tl_parser::Dialect::Tdlib] {
            let checked = tl_parser::check(src, dialect);
            let _ = checked.render_all("fuzz.tl", src);
            let _ = checked.schema.to_string();
        }
    });
}

/// The `generate` target: code or a schema error, in both dialects.
#[test]
fn fuzz_generate_inputs_replay() {
    replay("generate", |data| {
        let Ok(src) = std::str::from_utf8(data) else {
            return;
        };
        for dialect in [Dialect::Telegram, Dialect::Tdlib] {
            if let Err(e) = Config::new()
                .dialect(dialect)
                .generate_from_strs(&[("fuzz.tl", src)])
            {
                let _ = e.to_string();
                let _ = format!("{e:?}");
            }
        }
    });
}

/// The `decode_type` target: the first two bytes (little-endian) choose
/// boxed type number `index % TYPES` in model order, the rest is decoded
/// as that type.
#[test]
fn fuzz_decode_type_inputs_replay() {
    let names = dispatch::TYPE_NAMES;
    assert!(!names.is_empty());
    replay("decode_type", |data| {
        let [a, b, rest @ ..] = data else { return };
        let name = names[usize::from(u16::from_le_bytes([*a, *b])) % names.len()];
        check_round_trip(rest, |bytes| {
            dispatch::roundtrip_type(name, bytes)
                .unwrap_or_else(|| panic!("{name}: not in the dispatch table"))
        });
    });
}

/// The `decode_function` target: any request (`AnyFunction`, nested
/// generic wrappers included).
#[test]
fn fuzz_decode_function_inputs_replay() {
    replay("decode_function", |data| {
        check_round_trip(data, reencode::<tests::api::AnyFunction>);
    });
}
