//! The error of the fallible encoding path ([`Serializable::try_to_bytes`]).
//!
//! [`Serializable::try_to_bytes`]: crate::Serializable::try_to_bytes

use std::fmt;

use crate::writer::{MAX_TL_BYTES_LEN, Writer};

/// A value that TL cannot represent, so encoding it would lose data.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EncodeError {
    /// A `string` or `bytes` value longer than [`MAX_TL_BYTES_LEN`] bytes.
    TooLong {
        /// Its length in bytes.
        len: usize,
        /// Byte offset in the output where it would have started.
        offset: usize,
    },
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncodeError::TooLong { len, offset } => write!(
                f,
                "a string or bytes value of {len} bytes at offset {offset} is longer than TL's limit of {MAX_TL_BYTES_LEN}"
            ),
        }
    }
}

impl std::error::Error for EncodeError {}

/// A [`Writer`] that passes everything to `inner` and remembers the first
/// value TL cannot represent.
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

    /// The first problem met, if any.
    pub(crate) fn finish(self) -> Result<(), EncodeError> {
        self.error.map_or(Ok(()), Err)
    }
}

impl<W: Writer + ?Sized> Writer for CheckedWriter<'_, W> {
    #[inline]
    fn write_bytes(&mut self, bytes: &[u8]) {
        self.written += bytes.len();
        self.inner.write_bytes(bytes);
    }

    fn unrepresentable(&mut self, len: usize) {
        if self.error.is_none() {
            self.error = Some(EncodeError::TooLong {
                len,
                offset: self.written,
            });
        }
    }
}
