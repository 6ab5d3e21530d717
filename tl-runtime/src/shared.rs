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

use crate::error::DecodeError;
use crate::reader::Reader;
use crate::traits::{BareDeserializable, BareSerializable, Deserializable, Serializable};
use crate::writer::{Writer, bytes_len, write_tl_bytes};

/// Implements the four traits for a `string`/`bytes` holder, whose bare and
/// boxed encodings coincide.
macro_rules! tl_bytes {
    ($ty:ty, |$v:ident| $data:expr, |$r:ident| $read:expr) => {
        impl BareSerializable for $ty {
            #[inline]
            fn bare_len(&self) -> usize {
                let $v = self;
                bytes_len($data.len())
            }
            #[inline]
            fn serialize_bare<W: Writer + ?Sized>(&self, out: &mut W) {
                let $v = self;
                write_tl_bytes(out, $data);
            }
        }
        impl BareDeserializable for $ty {
            #[inline]
            fn deserialize_bare($r: &mut Reader<'_>) -> Result<Self, DecodeError> {
                $read
            }
        }
        impl Serializable for $ty {
            #[inline]
            fn serialized_len(&self) -> usize {
                self.bare_len()
            }
            #[inline]
            fn serialize<W: Writer + ?Sized>(&self, out: &mut W) {
                self.serialize_bare(out);
            }
        }
        impl Deserializable for $ty {
            #[inline]
            fn deserialize(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
                Self::deserialize_bare(r)
            }
        }
    };
}

tl_bytes!(Bytes, |v| v.as_ref(), |r| r.read_shared_bytes());
tl_bytes!(ByteString, |v| v.as_bytes(), |r| r.read_shared_string());
