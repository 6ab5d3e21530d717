//! The errors of decoding ([`DecodeError`]) and of the fallible encoding
//! methods ([`EncodeError`]), and of conversions between generated types
//! ([`MissingField`]).

use std::fmt;

/// A decoding failure: what went wrong, at which byte, and while reading
/// which TL item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// Byte offset, from the start of the input, where the failing item begins.
    pub offset: usize,
    /// TL name of the item that was being read, such as `"int"`, `"string"`,
    /// `"Vector"` or `"messages.Messages"`.
    pub expected: &'static str,
    /// The reason decoding stopped.
    pub kind: DecodeErrorKind,
}

impl DecodeError {
    /// Creates an error from its three parts.
    #[inline]
    pub const fn new(offset: usize, expected: &'static str, kind: DecodeErrorKind) -> Self {
        Self {
            offset,
            expected,
            kind,
        }
    }
}

/// The reason a [`DecodeError`] was raised.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecodeErrorKind {
    /// A constructor id that does not belong to the type being decoded.
    UnexpectedConstructor(u32),
    /// The input ended in the middle of an item.
    UnexpectedEof {
        /// Bytes the item needs.
        needed: usize,
        /// Bytes that were left in the input.
        available: usize,
    },
    /// A string/bytes prefix starting with `0xff`, or declaring more data than
    /// the input holds.
    InvalidLengthPrefix,
    /// A `string` whose payload is not valid UTF-8.
    InvalidUtf8,
    /// Input was left over after a complete value; holds how many bytes.
    TrailingBytes(usize),
    /// A vector element count that is negative or larger than the remaining
    /// input could possibly hold.
    LengthTooLarge(i64),
    /// Values nested deeper than the reader allows (see
    /// [`Reader::with_max_depth`](crate::Reader::with_max_depth)); holds the limit.
    TooDeep(u32),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (what, at) = (self.expected, self.offset);
        match &self.kind {
            DecodeErrorKind::UnexpectedConstructor(id) => {
                write!(
                    f,
                    "unexpected constructor {id:#010x} for {what} at offset {at}"
                )
            }
            DecodeErrorKind::UnexpectedEof { needed, available } => write!(
                f,
                "unexpected end of input while reading {what} at offset {at}: \
                 needed {needed} bytes, {available} available"
            ),
            DecodeErrorKind::InvalidLengthPrefix => {
                write!(f, "invalid length prefix for {what} at offset {at}")
            }
            DecodeErrorKind::InvalidUtf8 => write!(f, "invalid UTF-8 in {what} at offset {at}"),
            DecodeErrorKind::TrailingBytes(n) => {
                write!(f, "{n} trailing bytes after {what} at offset {at}")
            }
            DecodeErrorKind::LengthTooLarge(n) => {
                write!(f, "vector length {n} is invalid for {what} at offset {at}")
            }
            DecodeErrorKind::TooDeep(limit) => {
                write!(
                    f,
                    "{what} nested more than {limit} levels deep at offset {at}"
                )
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// A value that TL cannot represent: encoding it would lose data.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EncodeError {
    /// A `string` or `bytes` value longer than a TL length prefix can state.
    TooLong {
        /// Its length in bytes.
        len: usize,
        /// The most TL can carry: [`crate::MAX_TL_BYTES_LEN`] (16,777,215) bytes.
        limit: usize,
        /// Where its encoding would have started, in bytes from the start of
        /// the encoding of the value being encoded (not of a buffer that
        /// encoding is appended to).
        offset: usize,
    },
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncodeError::TooLong { len, limit, offset } => write!(
                f,
                "a string or bytes value of {len} bytes at offset {offset} is longer than TL's limit of {limit} bytes"
            ),
        }
    }
}

impl std::error::Error for EncodeError {}

/// A conversion between generated types that needs a field its source value
/// does not have: `TryFrom<&types::User> for enums::InputPeer` on a `user`
/// without an `access_hash` (a "min" user).
///
/// ```
/// let error = tl_runtime::MissingField { constructor: "user", field: "access_hash" };
/// assert_eq!(error.to_string(), "this `user` has no `access_hash`");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MissingField {
    /// The source's TL constructor.
    pub constructor: &'static str,
    /// The TL name of the field it lacks.
    pub field: &'static str,
}

impl fmt::Display for MissingField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "this `{}` has no `{}`", self.constructor, self.field)
    }
}

impl std::error::Error for MissingField {}
