//! Zero-copy `string` and `bytes` values (feature `zero-copy`): what code
//! generated with `Config::zero_copy` holds instead of `String` and
//! `Vec<u8>`.
//!
//! A [`Bytes`] or [`ByteString`] decoded through [`Reader::shared`] (or
//! [`crate::Deserializable::from_shared`]) is a slice of the input buffer: no
//! allocation and no copy, only a reference count shared with the buffer,
//! which lives as long as any value decoded from it. Decoded through
//! [`Reader::new`] from a plain slice, each value is copied into a buffer of
//! its own, as owned decoding does.
//!
//! [`Reader::shared`]: crate::Reader::shared
//! [`Reader::new`]: crate::Reader::new

pub use bytes::Bytes;
pub use bytestring::ByteString;

use crate::primitives::bare_is_boxed;
use crate::writer::{bytes_len, write_tl_bytes};

bare_is_boxed!(
    Bytes,
    len: |v| bytes_len(v.len()),
    write: |v, out| write_tl_bytes(out, v),
    read: |r| r.read_shared_bytes(),
);
bare_is_boxed!(
    ByteString,
    len: |v| bytes_len(v.len()),
    write: |v, out| write_tl_bytes(out, v.as_bytes()),
    read: |r| r.read_shared_string(),
);
