//! Field codecs: how a field is encoded when that is not simply its type's
//! own [`Serializable`] impl (bare fields, `bytes`, lossy strings, vectors of
//! such things).
//!
//! Vector decoding bounds the element count by the remaining input assuming
//! each element takes at least [`MIN_ELEMENT_SIZE`] bytes; this holds for
//! every TL value except bare `true`, which is never a vector element in
//! practice.

use std::marker::PhantomData;

use crate::error::DecodeError;
use crate::ids;
use crate::reader::Reader;
use crate::traits::{BareDeserializable, BareSerializable, Deserializable, Serializable};
use crate::writer::{Writer, write_tl_bytes};

/// Smallest encoded size assumed for a vector element when checking a
/// decoded element count against the remaining input.
pub const MIN_ELEMENT_SIZE: usize = 4;

/// How a field of Rust type `T` is sized, written and read.
pub trait Codec<T> {
    /// Writes `v` into `out`.
    fn write<W: Writer + ?Sized>(v: &T, out: &mut W);
    /// Reads one value from `r`.
    fn read(r: &mut Reader<'_>) -> Result<T, DecodeError>;
}

/// The type's own boxed encoding ([`Serializable`] / [`Deserializable`]).
#[derive(Debug, Clone, Copy)]
pub struct Boxed;

/// The type's bare encoding ([`BareSerializable`] / [`BareDeserializable`]).
#[derive(Debug, Clone, Copy)]
pub struct Bare;

/// TL `bytes` held in a `Vec<u8>`.
#[derive(Debug, Clone, Copy)]
pub struct Bytes;

/// TL `string` held in a `String`, decoded with invalid UTF-8 replaced by
/// U+FFFD instead of rejected.
#[derive(Debug, Clone, Copy)]
pub struct LossyString;

/// Boxed `Vector`: id, count, then each element encoded with `C`.
#[derive(Debug, Clone, Copy)]
pub struct Vector<C>(PhantomData<C>);

/// Bare `vector`: count, then each element encoded with `C`.
#[derive(Debug, Clone, Copy)]
pub struct BareVector<C>(PhantomData<C>);

impl<T: Serializable + Deserializable> Codec<T> for Boxed {
    #[inline]
    fn write<W: Writer + ?Sized>(v: &T, out: &mut W) {
        v.serialize(out);
    }
    #[inline]
    fn read(r: &mut Reader<'_>) -> Result<T, DecodeError> {
        T::deserialize(r)
    }
}

impl<T: BareSerializable + BareDeserializable> Codec<T> for Bare {
    #[inline]
    fn write<W: Writer + ?Sized>(v: &T, out: &mut W) {
        v.serialize_bare(out);
    }
    #[inline]
    fn read(r: &mut Reader<'_>) -> Result<T, DecodeError> {
        T::deserialize_bare(r)
    }
}

impl Codec<Vec<u8>> for Bytes {
    #[inline]
    fn write<W: Writer + ?Sized>(v: &Vec<u8>, out: &mut W) {
        write_tl_bytes(out, v);
    }
    #[inline]
    fn read(r: &mut Reader<'_>) -> Result<Vec<u8>, DecodeError> {
        r.read_tl_bytes().map(<[u8]>::to_vec)
    }
}

impl Codec<String> for LossyString {
    #[inline]
    fn write<W: Writer + ?Sized>(v: &String, out: &mut W) {
        write_tl_bytes(out, v.as_bytes());
    }
    #[inline]
    fn read(r: &mut Reader<'_>) -> Result<String, DecodeError> {
        r.read_string_lossy()
    }
}

/// Zero-copy lossy strings (feature `zero-copy`): valid text is shared with
/// the input, invalid text repaired into a buffer of its own.
#[cfg(feature = "zero-copy")]
impl Codec<bytestring::ByteString> for LossyString {
    #[inline]
    fn write<W: Writer + ?Sized>(v: &bytestring::ByteString, out: &mut W) {
        write_tl_bytes(out, v.as_bytes());
    }
    #[inline]
    fn read(r: &mut Reader<'_>) -> Result<bytestring::ByteString, DecodeError> {
        r.read_shared_string_lossy()
    }
}

impl<E, C: Codec<E>> Codec<Vec<E>> for Vector<C> {
    #[inline]
    fn write<W: Writer + ?Sized>(v: &Vec<E>, out: &mut W) {
        write_vector(v, out, C::write);
    }
    #[inline]
    fn read(r: &mut Reader<'_>) -> Result<Vec<E>, DecodeError> {
        r.read_vector_id()?;
        read_elements(r, "Vector", C::read)
    }
}

impl<E, C: Codec<E>> Codec<Vec<E>> for BareVector<C> {
    #[inline]
    fn write<W: Writer + ?Sized>(v: &Vec<E>, out: &mut W) {
        write_elements(v, out, C::write);
    }
    #[inline]
    fn read(r: &mut Reader<'_>) -> Result<Vec<E>, DecodeError> {
        read_elements(r, "vector", C::read)
    }
}

/// Writes a boxed vector: its id and element count in one write (one
/// capacity check, not two), then every element with `write`. The count is
/// [`element_count`]'s.
#[inline]
pub(crate) fn write_vector<E, W, F>(items: &[E], out: &mut W, mut write: F)
where
    W: Writer + ?Sized,
    F: FnMut(&E, &mut W),
{
    let [a, b, c, d] = ids::VECTOR.to_le_bytes();
    let [e, f, g, h] = element_count(items).to_le_bytes();
    out.write_bytes(&[a, b, c, d, e, f, g, h]);
    for item in items {
        write(item, out);
    }
}

/// The element count written for `items`.
///
/// A slice longer than `i32::MAX` cannot be expressed in TL; its count is
/// clamped (such a vector could never fit in an MTProto message).
#[inline]
fn element_count<E>(items: &[E]) -> i32 {
    i32::try_from(items.len()).unwrap_or(i32::MAX)
}

/// Writes the element count ([`element_count`]) and then every element
/// with `write`.
#[inline]
pub(crate) fn write_elements<E, W, F>(items: &[E], out: &mut W, mut write: F)
where
    W: Writer + ?Sized,
    F: FnMut(&E, &mut W),
{
    out.write_i32(element_count(items));
    for item in items {
        write(item, out);
    }
}

/// Reads a bounded element count and then that many elements with `read`.
#[inline]
pub(crate) fn read_elements<'a, E, F>(
    r: &mut Reader<'a>,
    expected: &'static str,
    mut read: F,
) -> Result<Vec<E>, DecodeError>
where
    F: FnMut(&mut Reader<'a>) -> Result<E, DecodeError>,
{
    let count = r.len_as(MIN_ELEMENT_SIZE, expected)?;
    let mut items = Vec::with_capacity(count);
    for _ in 0..count {
        items.push(read(r)?);
    }
    Ok(items)
}

/// A value that may be null (TDLib's "may be null" fields), held in an
/// `Option`. TL has no null: `Some` is written as `boolTrue` followed by the
/// value encoded with `C`, `None` as `boolFalse`.
#[derive(Debug, Clone, Copy)]
pub struct Nullable<C>(PhantomData<C>);

impl<T, C: Codec<T>> Codec<Option<T>> for Nullable<C> {
    #[inline]
    fn write<W: Writer + ?Sized>(v: &Option<T>, out: &mut W) {
        match v {
            Some(v) => {
                out.write_u32(ids::BOOL_TRUE);
                C::write(v, out);
            }
            None => out.write_u32(ids::BOOL_FALSE),
        }
    }
    #[inline]
    fn read(r: &mut Reader<'_>) -> Result<Option<T>, DecodeError> {
        if bool::deserialize(r)? {
            C::read(r).map(Some)
        } else {
            Ok(None)
        }
    }
}
