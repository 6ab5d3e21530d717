//! Code generated for the integration tests: Telegram layer 230 with
//! `mtproto.tl` (when the shared test data is present) and every supported
//! fixture of `schema/fixtures/`, compiled with warnings denied.
#![deny(warnings)]
#![allow(missing_docs)]

use tl_runtime::{DecodeError, Deserializable, Serializable};

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

/// The fixtures' generated code.
pub mod fixtures {
    include!(concat!(env!("OUT_DIR"), "/fixtures.rs"));
}

/// Whether the layer 230 code was generated (the shared test data was found).
pub const HAS_TESTDATA: bool = cfg!(tl_testdata);

/// Decodes `bytes` as a `T` (the whole input) and encodes the value again.
pub fn reencode<T: Deserializable + Serializable>(bytes: &[u8]) -> Result<Vec<u8>, DecodeError> {
    T::from_bytes(bytes).map(|v| v.to_bytes())
}
