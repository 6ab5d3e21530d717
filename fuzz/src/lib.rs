//! Layer 230 + mtproto, generated for the fuzz targets, and the round-trip
//! property they check.
#![allow(missing_docs, clippy::all)]

use tl_runtime::{Deserializable, Serializable};

pub mod api {
    include!(concat!(env!("OUT_DIR"), "/api.rs"));
}

include!(concat!(env!("OUT_DIR"), "/types.rs"));

/// What decodes from `bytes` must encode to bytes of the length
/// `serialized_len` says, which decode again and encode to the same bytes;
/// decoding must never panic. (Bytes are compared, not values: a decoded
/// `double` may be NaN, which is not equal to itself.)
pub fn check<T: Deserializable + Serializable>(bytes: &[u8]) {
    let Ok(value) = T::from_bytes(bytes) else {
        return;
    };
    let encoded = value.to_bytes();
    assert_eq!(encoded.len(), value.serialized_len(), "serialized_len");
    let again = T::from_bytes(&encoded).expect("re-encoded bytes decode");
    assert_eq!(again.to_bytes(), encoded, "re-encoded bytes");
}
