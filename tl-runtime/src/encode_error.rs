//! The error of the fallible encoding methods ([`Serializable::try_to_bytes`]
//! and its siblings), and the writers behind them.
//!
//! [`Serializable::try_to_bytes`]: crate::Serializable::try_to_bytes

use std::fmt;

use crate::traits::Serializable;
use crate::writer::{MAX_TL_BYTES_LEN, Writer, bytes_len};

/// A value that TL cannot represent: encoding it would lose data.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EncodeError {
    /// A `string` or `bytes` value longer than a TL length prefix can state.
    TooLong {
        /// Its length in bytes.
        len: usize,
        /// The most TL can carry: [`MAX_TL_BYTES_LEN`] (16,777,215) bytes.
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

/// A [`Writer`] that passes everything to `inner` until it meets a
/// `string`/`bytes` value TL cannot represent; it writes nothing of that
/// value or of anything after it, and keeps the error.
pub(crate) struct CheckedWriter<'w, W: Writer + ?Sized> {
    inner: &'w mut W,
    written: usize,
    error: Option<EncodeError>,
}

impl<'w, W: Writer + ?Sized> CheckedWriter<'w, W> {
    pub(crate) fn new(inner: &'w mut W) -> Self {
        CheckedWriter {
            inner,
            written: 0,
            error: None,
        }
    }

    /// The value TL cannot represent, if one was met.
    pub(crate) fn finish(self) -> Result<(), EncodeError> {
        self.error.map_or(Ok(()), Err)
    }
}

impl<W: Writer + ?Sized> Writer for CheckedWriter<'_, W> {
    #[inline]
    fn write_bytes(&mut self, bytes: &[u8]) {
        if self.error.is_none() {
            self.written += bytes.len();
            self.inner.write_bytes(bytes);
        }
    }

    #[inline]
    fn write_tl_bytes(&mut self, data: &[u8]) {
        if self.error.is_some() {
            return;
        }
        if data.len() > MAX_TL_BYTES_LEN {
            self.error = Some(EncodeError::TooLong {
                len: data.len(),
                limit: MAX_TL_BYTES_LEN,
                offset: self.written,
            });
            return;
        }
        self.written += bytes_len(data.len());
        self.inner.write_tl_bytes(data);
    }
}

/// A [`Writer`] that keeps nothing.
struct Discard;

impl Writer for Discard {
    #[inline]
    fn write_bytes(&mut self, _: &[u8]) {}

    #[inline]
    fn write_tl_bytes(&mut self, _: &[u8]) {}
}

/// Walks `value`'s encoding without writing it anywhere: the first value TL
/// cannot represent, if any.
pub(crate) fn check<T: Serializable + ?Sized>(value: &T) -> Result<(), EncodeError> {
    let mut sink = Discard;
    let mut checked = CheckedWriter::new(&mut sink);
    value.serialize(&mut checked);
    checked.finish()
}
