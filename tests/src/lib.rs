//! Code generated for the integration tests: Telegram layer 230 with
//! `mtproto.tl` (when the shared test data is present) and every supported
//! fixture of `schema/fixtures/`, compiled with warnings denied.
#![deny(warnings)]
#![allow(missing_docs)]

use tl_runtime::{DecodeError, Deserializable, Serializable};

pub mod fixture_config;

/// The runtime under another name, for the `runtime_crate` fixture
/// (generated with `--runtime-crate crate::rt`).
pub use tl_runtime as rt;

/// Generated from `api-230.tl` + `mtproto.tl`.
#[cfg(tl_testdata)]
pub mod api {
    include!(concat!(env!("OUT_DIR"), "/api.rs"));
}

/// Round trip by TL name.
#[cfg(tl_testdata)]
pub mod dispatch {
    include!(concat!(env!("OUT_DIR"), "/dispatch.rs"));
}

/// The Rust example of every method page of the reference book
/// (`tl_codegen::docs::Book` with the shared documentation), compiled
/// against the generated layer. Its functions are never called: that they
/// compile is the test.
#[cfg(tl_testdata)]
#[allow(dead_code)]
pub mod book_examples {
    use crate::api as tl;
    include!(concat!(env!("OUT_DIR"), "/book_examples.rs"));
}

/// The fixtures' generated code.
pub mod fixtures {
    include!(concat!(env!("OUT_DIR"), "/fixtures.rs"));
}

/// The rows of the shared `docs/methods.csv` (method → usability), read by
/// splitting lines, independently of the generator's CSV reader.
pub fn usability_rows() -> std::collections::BTreeMap<String, String> {
    let path = test_support::testdata_dir().join("docs/methods.csv");
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

/// Decodes `bytes` as a `T` (the whole input) and encodes the value again.
pub fn reencode<T: Deserializable + Serializable>(bytes: &[u8]) -> Result<Vec<u8>, DecodeError> {
    T::from_bytes(bytes).map(|v| v.to_bytes())
}

/// What a test that needs the shared test data does without it: fails under
/// `CI=true`, prints that it skipped elsewhere.
pub fn skip_without_testdata() {
    test_support::missing_testdata(&test_support::testdata_dir());
}

/// Tests that need the layer generated from the shared test data. Each test
/// exists whether or not the data was found: without it, the test fails
/// under `CI=true` and prints that it skipped elsewhere, instead of
/// compiling to nothing.
///
/// ```ignore
/// tests::testdata_tests! {
///     helpers {
///         use tests::api::enums::RichText;
///         fn nested() -> Vec<u8> { ... }
///     }
///     fn decodes_nested_text() { ... }
/// }
/// ```
///
/// `helpers` holds the imports and functions the tests share (compiled only
/// with the data).
#[macro_export]
macro_rules! testdata_tests {
    (
        helpers { $($helper:item)* }
        $( $(#[doc = $doc:literal])* fn $name:ident() $body:block )*
    ) => {
        #[cfg(tl_testdata)]
        mod with_testdata {
            #[allow(unused_imports)]
            use super::*;
            $($helper)*
            $( $(#[doc = $doc])* pub(super) fn $name() $body )*
        }
        $(
            $(#[doc = $doc])*
            #[test]
            fn $name() {
                #[cfg(tl_testdata)]
                with_testdata::$name();
                #[cfg(not(tl_testdata))]
                $crate::skip_without_testdata();
            }
        )*
    };
}
