//! Equality through the encoding: what the `PartialEq` impls of generated
//! types call.
//!
//! A derived `PartialEq` is a function body per type that the compiler
//! checks, borrow-checks and keeps for every type of a layer, thousands of
//! them, whether or not the program compares anything. Generated types call
//! [`same_encoding`] or [`same_bare_encoding`] instead: one line each, and
//! the comparison itself is compiled only for the types a program compares.
//!
//! The answer is the one a derived, field-by-field `PartialEq` gives, with
//! one exception below. Values of one type are encoded by the same code, so
//! as long as two encodings agree the two walks are at the same field of the
//! same constructor; the first difference decides. Two things keep the
//! answer the derived one where bytes alone would not:
//! - a `double` is compared as an `f64`: `NaN` is unequal to itself, `0.0`
//!   equals `-0.0`;
//! - a `string`/`bytes` value is compared whole, also past the 16,777,215
//!   bytes an encoding keeps of it ([`crate::MAX_TL_BYTES_LEN`]); these walks
//!   never fail and never cut anything.
//!
//! The exception: where a flags word is a field of the struct (`mode: u32`
//! in TDLib and TON schemas, whose other bits carry meaning), the bits that
//! belong to conditional fields are not compared. Encoding computes them
//! from those fields and ignores the stored ones, so two values that differ
//! only there encode alike and compare equal, as a value and its decoded
//! encoding do.
//!
//! The cost is two walks of the values and one buffer for the first, where a
//! derived impl stops at the first unequal field without allocating: a
//! comparison of large values in a hot loop is better done on the fields
//! that matter.

use crate::error::DecodeError;
use crate::reader::Reader;
use crate::traits::{BareSerializable, Serializable};
use crate::writer::Writer;

/// Whether `a` and `b` are equal, compared through their boxed encodings as
/// the module documentation describes (the derived, field-by-field answer).
///
/// ```
/// # use tl_runtime::{Serializable, Writer};
/// struct Point(f64);
/// impl Serializable for Point {
///     fn serialize<W: Writer + ?Sized>(&self, out: &mut W) {
///         out.write_u32(0x1234_5678);
///         out.write_f64(self.0);
///     }
/// }
/// assert!(tl_runtime::same_encoding(&Point(0.0), &Point(-0.0)));
/// assert!(!tl_runtime::same_encoding(&Point(f64::NAN), &Point(f64::NAN)));
/// assert!(!tl_runtime::same_encoding(&Point(1.0), &Point(2.0)));
/// ```
pub fn same_encoding<T: Serializable + ?Sized>(a: &T, b: &T) -> bool {
    let mut first = Recorder::default();
    a.serialize(&mut first);
    let mut second = Comparer::new(&first.0);
    b.serialize(&mut second);
    second.finish()
}

/// [`same_encoding`] through the bare encodings: for a constructor, whose id
/// both sides share, and for a repetition's row, which has none.
pub fn same_bare_encoding<T: BareSerializable + ?Sized>(a: &T, b: &T) -> bool {
    let mut first = Recorder::default();
    a.serialize_bare(&mut first);
    let mut second = Comparer::new(&first.0);
    b.serialize_bare(&mut second);
    second.finish()
}

/// Keeps what a value writes: plain bytes as they are, a `double` as its 8
/// bytes, a `string`/`bytes` as its whole length (8 bytes) and data. Not an
/// encoding anyone decodes, only what [`Comparer`] and the table-driven
/// `Debug` of [`crate::debug`] walk.
#[derive(Default)]
pub(crate) struct Recorder(pub(crate) Vec<u8>);

impl Recorder {
    /// Reads a `string`/`bytes` value back from a recording, as
    /// [`Recorder`] keeps it: its length in 8 bytes, then its data.
    pub(crate) fn read_data<'a>(recorded: &mut Reader<'a>) -> Result<&'a [u8], DecodeError> {
        let len = u64::from_le_bytes(recorded.read_array()?);
        recorded.read_raw(usize::try_from(len).unwrap_or(usize::MAX))
    }
}

impl Writer for Recorder {
    #[inline]
    fn write_bytes(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    #[inline]
    fn write_f64(&mut self, v: f64) {
        self.0.extend_from_slice(&v.to_bits().to_le_bytes());
    }

    #[inline]
    fn write_tl_bytes(&mut self, data: &[u8]) {
        self.0.extend_from_slice(&(data.len() as u64).to_le_bytes());
        self.0.extend_from_slice(data);
    }
}

/// Walks a [`Recorder`]'s bytes as the second value writes, and keeps
/// whether everything so far was equal. After the first difference it only
/// ignores what is written: the walks need not stay in step any more.
struct Comparer<'a> {
    recorded: Reader<'a>,
    equal: bool,
}

impl<'a> Comparer<'a> {
    fn new(recorded: &'a [u8]) -> Self {
        Comparer {
            recorded: Reader::new(recorded),
            equal: true,
        }
    }

    /// Takes `n` recorded bytes, or marks the values unequal when fewer
    /// are left.
    #[inline]
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if !self.equal {
            return None;
        }
        let taken = self.recorded.read_raw(n).ok();
        self.equal = taken.is_some();
        taken
    }

    /// Both values wrote the same, and the first nothing more.
    fn finish(self) -> bool {
        self.equal && self.recorded.remaining() == 0
    }
}

impl Writer for Comparer<'_> {
    #[inline]
    fn write_bytes(&mut self, bytes: &[u8]) {
        if let Some(recorded) = self.take(bytes.len()) {
            self.equal = recorded == bytes;
        }
    }

    #[inline]
    fn write_f64(&mut self, v: f64) {
        if self.equal {
            self.equal = self.recorded.read_f64().is_ok_and(|recorded| recorded == v);
        }
    }

    #[inline]
    fn write_tl_bytes(&mut self, data: &[u8]) {
        let len = (data.len() as u64).to_le_bytes();
        if self.take(8).is_some_and(|recorded| recorded == len) {
            self.write_bytes(data);
        } else {
            self.equal = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write_tl_bytes;

    /// A value whose encoding is a list of pieces, each written as given.
    #[derive(Debug)]
    enum Piece {
        Int(u32),
        Double(f64),
        Text(Vec<u8>),
    }

    struct Pieces(Vec<Piece>);

    impl Serializable for Pieces {
        fn serialize<W: Writer + ?Sized>(&self, out: &mut W) {
            for piece in &self.0 {
                match piece {
                    Piece::Int(v) => out.write_u32(*v),
                    Piece::Double(v) => out.write_f64(*v),
                    Piece::Text(v) => write_tl_bytes(out, v),
                }
            }
        }
    }

    impl BareSerializable for Pieces {
        fn serialize_bare<W: Writer + ?Sized>(&self, out: &mut W) {
            Serializable::serialize(self, out);
        }
    }

    fn eq(a: Vec<Piece>, b: Vec<Piece>) -> bool {
        let (a, b) = (Pieces(a), Pieces(b));
        let boxed = same_encoding(&a, &b);
        assert_eq!(boxed, same_bare_encoding(&a, &b), "bare and boxed disagree");
        boxed
    }

    use Piece::{Double, Int, Text};

    #[test]
    fn equal_values_are_equal() {
        assert!(eq(vec![], vec![]));
        assert!(eq(
            vec![Int(7), Double(1.5), Text(b"abc".to_vec())],
            vec![Int(7), Double(1.5), Text(b"abc".to_vec())]
        ));
    }

    #[test]
    fn any_difference_is_unequal() {
        assert!(!eq(vec![Int(7)], vec![Int(8)]));
        assert!(!eq(vec![Double(1.5)], vec![Double(2.5)]));
        assert!(!eq(
            vec![Text(b"abc".to_vec())],
            vec![Text(b"abd".to_vec())]
        ));
        // One value longer than the other, either way round.
        assert!(!eq(vec![Int(7)], vec![Int(7), Int(0)]));
        assert!(!eq(vec![Int(7), Int(0)], vec![Int(7)]));
        // The same bytes cut differently: a string of one byte against a
        // shorter one followed by more.
        assert!(!eq(vec![Text(vec![1, 2])], vec![Text(vec![1]), Int(2)]));
    }

    #[test]
    fn doubles_compare_as_numbers() {
        assert!(eq(vec![Double(0.0)], vec![Double(-0.0)]));
        assert!(!eq(vec![Double(f64::NAN)], vec![Double(f64::NAN)]));
        assert!(!eq(
            vec![Double(f64::NAN), Int(1)],
            vec![Double(f64::NAN), Int(1)]
        ));
    }

    #[test]
    fn strings_compare_whole_past_what_an_encoding_keeps() {
        let long = crate::MAX_TL_BYTES_LEN + 2;
        let mut other = vec![b'x'; long];
        other[long - 1] = b'y';
        assert!(!eq(vec![Text(vec![b'x'; long])], vec![Text(other)]));
        assert!(eq(
            vec![Text(vec![b'x'; long])],
            vec![Text(vec![b'x'; long])]
        ));
    }
}
