//! Encodings of the TL built-in types, plus forwarding impls for `Box`.

use crate::codec::{read_elements, write_vector};
use crate::error::DecodeError;
use crate::ids;
use crate::reader::Reader;
use crate::traits::{BareDeserializable, BareSerializable, Deserializable, Serializable};
use crate::writer::{Writer, bytes_len, write_tl_bytes};

/// Implements the four traits for a type whose bare and boxed encodings
/// coincide (the primitives, and the zero-copy `string`/`bytes` holders):
/// `len`, `write` and `read` give its size, its writing and its reading.
macro_rules! bare_is_boxed {
    (
        $ty:ty,
        len: |$l:ident| $len:expr,
        write: |$s:ident, $out:ident| $write:expr,
        read: |$r:ident| $read:expr $(,)?
    ) => {
        impl $crate::traits::BareSerializable for $ty {
            #[inline]
            fn bare_len(&self) -> usize {
                let $l = self;
                $len
            }
            #[inline]
            fn serialize_bare<W: $crate::Writer + ?Sized>(&self, $out: &mut W) {
                let $s = self;
                $write
            }
        }
        impl $crate::traits::BareDeserializable for $ty {
            #[inline]
            fn deserialize_bare($r: &mut $crate::Reader<'_>) -> Result<Self, $crate::DecodeError> {
                $read
            }
        }
        impl $crate::traits::Serializable for $ty {
            #[inline]
            fn serialized_len(&self) -> usize {
                $crate::traits::BareSerializable::bare_len(self)
            }
            #[inline]
            fn serialize<W: $crate::Writer + ?Sized>(&self, out: &mut W) {
                $crate::traits::BareSerializable::serialize_bare(self, out)
            }
        }
        impl $crate::traits::Deserializable for $ty {
            #[inline]
            fn deserialize(r: &mut $crate::Reader<'_>) -> Result<Self, $crate::DecodeError> {
                <Self as $crate::traits::BareDeserializable>::deserialize_bare(r)
            }
        }
    };
}
#[cfg(feature = "zero-copy")]
pub(crate) use bare_is_boxed;

/// [`bare_is_boxed`] for a fixed-size primitive.
macro_rules! fixed_size {
    ($ty:ty, $size:expr, |$s:ident, $out:ident| $write:expr, |$r:ident| $read:expr) => {
        bare_is_boxed!($ty, len: |_v| $size, write: |$s, $out| $write, read: |$r| $read);
    };
}

fixed_size!(i32, 4, |v, out| out.write_i32(*v), |r| r.read_i32());
fixed_size!(u32, 4, |v, out| out.write_u32(*v), |r| r.read_u32());
fixed_size!(i64, 8, |v, out| out.write_i64(*v), |r| r.read_i64());
fixed_size!(f64, 8, |v, out| out.write_f64(*v), |r| r.read_f64());
fixed_size!([u8; 16], 16, |v, out| out.write_bytes(v), |r| r
    .read_array());
fixed_size!([u8; 32], 32, |v, out| out.write_bytes(v), |r| r
    .read_array());

bare_is_boxed!(
    String,
    len: |v| bytes_len(v.len()),
    write: |v, out| write_tl_bytes(out, v.as_bytes()),
    read: |r| r.read_string(),
);

/// `Bool`: boxed `boolTrue` / `boolFalse`.
impl Serializable for bool {
    #[inline]
    fn serialized_len(&self) -> usize {
        4
    }
    #[inline]
    fn serialize<W: Writer + ?Sized>(&self, out: &mut W) {
        out.write_u32(if *self {
            ids::BOOL_TRUE
        } else {
            ids::BOOL_FALSE
        });
    }
}

impl Deserializable for bool {
    #[inline]
    fn deserialize(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        match r.u32_as("Bool")? {
            ids::BOOL_TRUE => Ok(true),
            ids::BOOL_FALSE => Ok(false),
            id => Err(r.unexpected_constructor(id, "Bool")),
        }
    }
}

/// `True`, boxed: the `true` constructor's id and nothing else. A function
/// declared `= True` (TON's `dht.query`, `overlay.query`) answers with it;
/// inside a flag it is a `bool` field instead and is never written.
impl Serializable for () {
    #[inline]
    fn serialized_len(&self) -> usize {
        4
    }
    #[inline]
    fn serialize<W: Writer + ?Sized>(&self, out: &mut W) {
        out.write_u32(ids::TRUE);
    }
}

impl Deserializable for () {
    #[inline]
    fn deserialize(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        match r.u32_as("True")? {
            ids::TRUE => Ok(()),
            id => Err(r.unexpected_constructor(id, "True")),
        }
    }
}

/// Boxed `Vector` of boxed elements, the same bytes as
/// [`crate::codec::Vector`]`<`[`crate::codec::Boxed`]`>`.
impl<T: Serializable> Serializable for Vec<T> {
    #[inline]
    fn serialized_len(&self) -> usize {
        8 + self.iter().map(T::serialized_len).sum::<usize>()
    }
    #[inline]
    fn serialize<W: Writer + ?Sized>(&self, out: &mut W) {
        write_vector(self, out, T::serialize);
    }
}

impl<T: Deserializable> Deserializable for Vec<T> {
    #[inline]
    fn deserialize(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        r.read_vector_id()?;
        read_elements(r, "Vector", T::deserialize)
    }
}

impl<T: BareSerializable + ?Sized> BareSerializable for Box<T> {
    #[inline]
    fn bare_len(&self) -> usize {
        (**self).bare_len()
    }
    #[inline]
    fn serialize_bare<W: Writer + ?Sized>(&self, out: &mut W) {
        (**self).serialize_bare(out);
    }
}

impl<T: BareDeserializable> BareDeserializable for Box<T> {
    #[inline]
    fn deserialize_bare(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        T::deserialize_bare(r).map(Box::new)
    }
}
