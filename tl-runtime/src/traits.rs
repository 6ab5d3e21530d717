//! The traits generated code implements and calls.

use crate::error::{DecodeError, EncodeError};
use crate::reader::Reader;
use crate::writer::{CheckedWriter, Counter, Discard, IoWriter, Writer};

/// Types with a TL constructor id: generated constructor structs and functions.
///
/// A type that is `Identifiable` and has a bare encoding gets its boxed one
/// from that: [`Serializable`] writes [`Identifiable::CONSTRUCTOR_ID`] and
/// then the bare encoding, [`Deserializable`] reads the id, refuses any other
/// as [`crate::DecodeErrorKind::UnexpectedConstructor`] naming
/// [`Identifiable::TL_NAME`], and then reads the bare encoding. Generated
/// constructor structs get their boxed impls this way instead of carrying
/// code of their own for them; a type with both traits cannot implement
/// [`Serializable`] or [`Deserializable`] itself.
pub trait Identifiable {
    /// The 32-bit id written before the fields in boxed form.
    const CONSTRUCTOR_ID: u32;
    /// The TL name of the constructor or function (`peerUser`,
    /// `messages.getHistory`), as decode errors name it.
    const TL_NAME: &'static str;
}

/// The boxed encoding of a constructor: its id, then its bare encoding.
impl<T: Identifiable + BareSerializable> Serializable for T {
    #[inline]
    fn serialize<W: Writer + ?Sized>(&self, out: &mut W) {
        out.write_u32(T::CONSTRUCTOR_ID);
        self.serialize_bare(out);
    }
}

/// The boxed decoding of a constructor: its id, checked, then its bare
/// decoding.
impl<T: Identifiable + BareDeserializable> Deserializable for T {
    #[inline]
    fn deserialize(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        r.expect_constructor(T::CONSTRUCTOR_ID, T::TL_NAME)?;
        T::deserialize_bare(r)
    }
}

/// The least capacity [`Serializable::to_bytes`] starts its vector with:
/// one allocation for most requests, and a small start for the doubling
/// that grows it for a larger value.
pub const TO_BYTES_CAPACITY: usize = 256;

/// The most [`Serializable::to_bytes`] starts with on the strength of the
/// previous value: past it the allocator moves large blocks without
/// copying, and a guess wrong by this much would cost more than growing.
const MOST_START: usize = 1 << 20;

/// How [`Serializable::to_bytes`] sizes its vector without walking the
/// value first: it starts with room for the smaller of what the thread's
/// two previous calls wrote (values encoded one after the other are often
/// alike: requests of one kind, a stream of updates; the smaller of two, so
/// that one large value among small ones does not size the next), when
/// that is 4 KiB or more (at most [`MOST_START`] bytes); else with
/// [`TO_BYTES_CAPACITY`]. A run of large values is then written without the
/// doublings (each one a copy of what was written so far); room a guess
/// left unused is given back.
mod start {
    use std::cell::Cell;

    use crate::traits::{MOST_START, TO_BYTES_CAPACITY};

    /// The least size worth guessing from: below it the doublings from
    /// [`TO_BYTES_CAPACITY`] are few and cheap, and small values keep the
    /// start they always had.
    const LEAST_GUESS: usize = 4096;

    std::thread_local! {
        /// What the two previous calls wrote, the latest first.
        static LAST: Cell<[usize; 2]> = const { Cell::new([0; 2]) };
    }

    /// An empty vector with room for what the previous values wrote, when
    /// that was [`LEAST_GUESS`] or more; else the usual start.
    pub(super) fn vec() -> Vec<u8> {
        let [latest, before] = LAST.with(Cell::get);
        let guess = latest.min(before);
        Vec::with_capacity(if guess >= LEAST_GUESS {
            guess.min(MOST_START)
        } else {
            TO_BYTES_CAPACITY
        })
    }

    /// Notes what `out` holds for the next calls, and gives back the room
    /// that more than halves it.
    pub(super) fn done(out: &mut Vec<u8>) {
        LAST.with(|last| last.set([out.len(), last.get()[0]]));
        if out.capacity() > TO_BYTES_CAPACITY.max(2 * out.len()) {
            out.shrink_to_fit();
        }
    }
}

/// Boxed TL encoding.
///
/// Generated constructor structs write their id and then their fields, enums
/// the id and fields of the active variant; primitives use their natural
/// encoding.
///
/// # Values TL cannot represent
///
/// A TL `string` or `bytes` holds at most [`crate::MAX_TL_BYTES_LEN`]
/// (16,777,215) bytes, and a `String` or `Vec<u8>` can be longer. The
/// infallible methods ([`Serializable::serialize`],
/// [`Serializable::to_bytes`], [`Serializable::write_to`]) never fail and
/// never panic on such a value: they write its first 16,777,215 bytes as if
/// they were the whole value and drop the rest, without any sign (see
/// [`crate::write_tl_bytes`] for the exact bytes). The output is well-formed
/// TL, but decodes to the cut value; a cut `string` may end inside a UTF-8
/// character and then fails strict decoding. The `try_*` methods refuse such
/// a value with an [`EncodeError`] instead, and work for every implementor
/// (they only need [`Serializable::serialize`]).
pub trait Serializable {
    /// Exact number of bytes [`Serializable::serialize`] writes.
    ///
    /// Provided: the encoding is walked once through a [`Writer`] that only
    /// counts, so generated types carry no length code of their own.
    #[inline]
    fn serialized_len(&self) -> usize {
        let mut counter = Counter::default();
        self.serialize(&mut counter);
        counter.len()
    }

    /// Writes the boxed encoding into `out`.
    ///
    /// Infallible: a `string`/`bytes` value longer than
    /// [`crate::MAX_TL_BYTES_LEN`] bytes is written cut to that length,
    /// silently, unless `out` overrides [`Writer::write_tl_bytes`] (see
    /// [`crate::write_tl_bytes`]). [`Serializable::try_serialize`] refuses it
    /// instead.
    fn serialize<W: Writer + ?Sized>(&self, out: &mut W);

    /// Encodes into a new vector, in one pass: the vector starts with room
    /// for the smaller of what the two previous calls on this thread wrote
    /// when that is 4 KiB or more (at most 1 MiB), else for
    /// [`TO_BYTES_CAPACITY`] bytes (most requests fit), grows as it fills,
    /// and gives back the room that more than halves what it holds. So a
    /// run of large values is written without the doublings of a growing
    /// vector, and a small value after two large ones holds their room for
    /// a moment before giving it back. Sizing the vector first with
    /// [`Serializable::serialized_len`] walks the value twice, which costs
    /// more than the growth (`BENCHMARKS.md`, issue 22). To reuse one
    /// buffer across values, call [`Serializable::serialize`] on a cleared
    /// `Vec<u8>`.
    ///
    /// Infallible: a `string`/`bytes` value longer than
    /// [`crate::MAX_TL_BYTES_LEN`] bytes is written as its first 16,777,215
    /// bytes (`fe ff ff ff`, those bytes, one zero byte of padding) and the
    /// rest is lost without any sign; a cut `string` may end inside a UTF-8
    /// character. [`Serializable::try_to_bytes`] refuses it instead.
    #[inline]
    fn to_bytes(&self) -> Vec<u8> {
        let mut out = start::vec();
        self.serialize(&mut out);
        start::done(&mut out);
        out
    }

    /// Encodes into a new vector, or fails with the first value TL cannot
    /// represent (a `string`/`bytes` longer than [`crate::MAX_TL_BYTES_LEN`]
    /// bytes): nothing is lost silently. Its vector starts and grows as in
    /// [`Serializable::to_bytes`] (no length pass first).
    fn try_to_bytes(&self) -> Result<Vec<u8>, EncodeError> {
        let mut out = start::vec();
        self.try_extend(&mut out)?;
        start::done(&mut out);
        Ok(out)
    }

    /// Appends the encoding to `out` (a buffer the caller reuses), or fails
    /// as [`Serializable::try_to_bytes`] does and leaves `out` as it was.
    fn try_extend(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        let start = out.len();
        let mut checked = CheckedWriter::new(out);
        self.serialize(&mut checked);
        let result = checked.finish();
        if result.is_err() {
            out.truncate(start);
        }
        result
    }

    /// Writes the encoding into any [`Writer`], or fails as
    /// [`Serializable::try_to_bytes`] does and writes nothing: the value is
    /// walked once without output to find what TL cannot represent, then
    /// written with [`Serializable::serialize`].
    fn try_serialize<W: Writer + ?Sized>(&self, out: &mut W) -> Result<(), EncodeError> {
        check(self)?;
        self.serialize(out);
        Ok(())
    }

    /// Streams the encoding into `w` through an [`IoWriter`], returning the
    /// first I/O error if any write failed.
    ///
    /// Infallible as far as the value goes: a `string`/`bytes` value longer
    /// than [`crate::MAX_TL_BYTES_LEN`] bytes is written cut, as
    /// [`Serializable::to_bytes`] does. [`Serializable::try_write_to`] refuses
    /// it instead.
    fn write_to<W: std::io::Write>(&self, w: &mut W) -> std::io::Result<()> {
        let mut out = IoWriter::new(w);
        self.serialize(&mut out);
        out.finish().map(drop)
    }

    /// Streams the encoding into `w` as [`Serializable::write_to`] does, but
    /// first walks the value without output: if TL cannot represent it,
    /// nothing is written and the error is an [`std::io::Error`] of kind
    /// [`std::io::ErrorKind::InvalidInput`] whose
    /// [`get_ref`](std::io::Error::get_ref) is the [`EncodeError`].
    fn try_write_to<W: std::io::Write>(&self, w: &mut W) -> std::io::Result<()> {
        check(self).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
        self.write_to(w)
    }
}

/// Boxed TL decoding, the inverse of [`Serializable`].
pub trait Deserializable: Sized {
    /// Reads one value from `r`.
    fn deserialize(r: &mut Reader<'_>) -> Result<Self, DecodeError>;

    /// Decodes one value that must span all of `bytes`; leftover input is a
    /// [`crate::DecodeErrorKind::TrailingBytes`] error.
    #[inline]
    fn from_bytes(bytes: &[u8]) -> Result<Self, DecodeError> {
        let mut r = Reader::new(bytes);
        let value = Self::deserialize(&mut r)?;
        r.finish()?;
        Ok(value)
    }

    /// Decodes one value that must span all of `bytes`, as
    /// [`Deserializable::from_bytes`] does, sharing `bytes` (feature
    /// `zero-copy`): the `string` and `bytes` fields of code generated with
    /// `Config::zero_copy` become slices of it instead of copies.
    #[cfg(feature = "zero-copy")]
    #[inline]
    fn from_shared(bytes: &bytes::Bytes) -> Result<Self, DecodeError> {
        let mut r = Reader::shared(bytes);
        let value = Self::deserialize(&mut r)?;
        r.finish()?;
        Ok(value)
    }
}

/// Bare TL encoding (no constructor id).
///
/// Implemented by generated constructor structs and by the primitives, whose
/// bare and boxed encodings are the same.
pub trait BareSerializable {
    /// Exact number of bytes [`BareSerializable::serialize_bare`] writes.
    ///
    /// Provided, as [`Serializable::serialized_len`] is.
    #[inline]
    fn bare_len(&self) -> usize {
        let mut counter = Counter::default();
        self.serialize_bare(&mut counter);
        counter.len()
    }

    /// Writes the bare encoding into `out`.
    fn serialize_bare<W: Writer + ?Sized>(&self, out: &mut W);
}

/// Bare TL decoding, the inverse of [`BareSerializable`].
pub trait BareDeserializable: Sized {
    /// Reads one bare value from `r`.
    fn deserialize_bare(r: &mut Reader<'_>) -> Result<Self, DecodeError>;
}

/// A TL function (RPC request).
pub trait RemoteCall: Serializable {
    /// The type of the server's answer.
    type Return: Deserializable;
}

/// Walks `value`'s encoding without writing it anywhere: the first value TL
/// cannot represent, if any.
pub(crate) fn check<T: Serializable + ?Sized>(value: &T) -> Result<(), EncodeError> {
    let mut sink = Discard;
    let mut checked = CheckedWriter::new(&mut sink);
    value.serialize(&mut checked);
    checked.finish()
}
