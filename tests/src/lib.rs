//! Code generated for the integration tests: Telegram layer 230 with
//! `mtproto.tl` (from `testdata/`) and every supported
//! fixture of `schema/fixtures/`, compiled with warnings denied.
#![deny(warnings)]
#![allow(missing_docs)]

use tl_runtime::{DecodeError, Deserializable, Serializable};

pub mod fixture_config;

/// The runtime under another name, for the `runtime_crate` fixture
/// (generated with `--runtime-crate crate::rt`).
pub use tl_runtime as rt;

/// Generated from `api-230.tl` + `mtproto.tl`.
pub mod api {
    include!(concat!(env!("OUT_DIR"), "/api.rs"));
}

/// Round trip by TL name.
pub mod dispatch {
    include!(concat!(env!("OUT_DIR"), "/dispatch.rs"));
}

/// The Rust example of every method page of the reference book
/// (`tl_codegen::book::Book` with the documentation of `testdata/docs`), compiled
/// against the generated layer. Its functions are never called: that they
/// compile is the test.
#[allow(dead_code)]
pub mod book_examples {
    use crate::api as tl;
    include!(concat!(env!("OUT_DIR"), "/book_examples.rs"));
}

/// The fixtures' generated code.
pub mod fixtures {
    include!(concat!(env!("OUT_DIR"), "/fixtures.rs"));
}

/// The rows of `testdata/docs/methods.csv` (method → usability), read by
/// splitting lines, independently of the generator's CSV reader.
pub fn usability_rows() -> std::collections::BTreeMap<String, String> {
    let path = test_support::testdata().join("docs/methods.csv");
    let table =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    table
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut cells = line.split(',');
            Some((cells.next()?.to_owned(), cells.next()?.to_owned()))
        })
        .collect()
}

/// Decodes `bytes` as a `T` (the whole input) and encodes the value again,
/// into a vector of the input's size (what a faithful re-encoding takes):
/// `hostile_alloc` counts decoding's memory and exactly the input's size
/// again, whatever `to_bytes` would have guessed from earlier values.
pub fn reencode<T: Deserializable + Serializable>(bytes: &[u8]) -> Result<Vec<u8>, DecodeError> {
    T::from_bytes(bytes).map(|v| {
        let mut out = Vec::with_capacity(bytes.len());
        v.serialize(&mut out);
        out
    })
}
