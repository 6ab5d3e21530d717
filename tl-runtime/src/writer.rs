//! Output side: the [`Writer`] sink trait, its adapters (`std::io::Write`,
//! counting, checking, discarding), and the TL `string`/`bytes` encoding.

use std::io;

use crate::error::EncodeError;

/// A byte sink that serialized TL values are written into.
pub trait Writer {
    /// Appends `bytes` to the output.
    fn write_bytes(&mut self, bytes: &[u8]);

    /// Appends a `u32` in little-endian order (used for constructor ids and flags).
    #[inline]
    fn write_u32(&mut self, v: u32) {
        self.write_bytes(&v.to_le_bytes());
    }

    /// Appends a TL `int`.
    #[inline]
    fn write_i32(&mut self, v: i32) {
        self.write_bytes(&v.to_le_bytes());
    }

    /// Appends a TL `long`.
    #[inline]
    fn write_i64(&mut self, v: i64) {
        self.write_bytes(&v.to_le_bytes());
    }

    /// Appends a TL `double`.
    #[inline]
    fn write_f64(&mut self, v: f64) {
        self.write_bytes(&v.to_le_bytes());
    }

    /// Appends `data` as a TL `string`/`bytes`: length prefix, data, zero
    /// padding to a multiple of 4 bytes. Every `string` and `bytes` value
    /// goes through here ([`write_tl_bytes`] calls it), so a writer that
    /// must refuse what TL cannot represent overrides it: the writer behind
    /// the `try_*` methods of [`crate::Serializable`] records an
    /// [`crate::EncodeError`] for data longer than [`MAX_TL_BYTES_LEN`] and
    /// writes nothing of it.
    ///
    /// The provided implementation writes through [`Writer::write_bytes`]
    /// and never fails: data longer than [`MAX_TL_BYTES_LEN`] bytes is
    /// written cut to its first [`MAX_TL_BYTES_LEN`] bytes, as
    /// [`write_tl_bytes`] describes.
    #[inline]
    fn write_tl_bytes(&mut self, data: &[u8]) {
        encode_tl_bytes(self, data);
    }
}

impl Writer for Vec<u8> {
    #[inline]
    fn write_bytes(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }

    /// The same bytes as the provided method, in three appends: the prefix
    /// as four bytes (the one-byte form cut back to its byte), the data,
    /// four zero bytes cut back to the padding. Fixed-size appends cost a
    /// capacity check each and no branch.
    #[inline]
    fn write_tl_bytes(&mut self, data: &[u8]) {
        let data = data.get(..MAX_TL_BYTES_LEN).unwrap_or(data);
        let start = self.len();
        let (prefix, header) = if data.len() <= SHORT_MAX {
            ([data.len() as u8, 0, 0, 0], 1)
        } else {
            let l = (data.len() as u32).to_le_bytes();
            ([0xfe, l[0], l[1], l[2]], 4)
        };
        self.extend_from_slice(&prefix);
        self.truncate(start + header);
        self.extend_from_slice(data);
        self.extend_from_slice(&[0; 4]);
        self.truncate(start + pad4(header + data.len()));
    }
}

/// A [`Writer`] that only counts: what [`crate::Serializable::serialized_len`]
/// writes into.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Counter(usize);

impl Counter {
    /// The number of bytes written so far.
    #[inline]
    pub(crate) fn len(self) -> usize {
        self.0
    }
}

impl Writer for Counter {
    #[inline]
    fn write_bytes(&mut self, bytes: &[u8]) {
        self.0 += bytes.len();
    }

    #[inline]
    fn write_tl_bytes(&mut self, data: &[u8]) {
        self.0 += bytes_len(data.len());
    }
}

/// Lets any [`std::io::Write`] be used as a [`Writer`].
///
/// The first I/O error is kept and every later write is skipped; call
/// [`IoWriter::finish`] to learn whether everything was written. Each write is
/// forwarded as it comes, so wrap unbuffered sinks (sockets, files) in a
/// [`std::io::BufWriter`].
#[derive(Debug)]
pub struct IoWriter<W: io::Write> {
    inner: W,
    error: Option<io::Error>,
}

impl<W: io::Write> IoWriter<W> {
    /// Wraps `inner`.
    #[inline]
    pub fn new(inner: W) -> Self {
        Self { inner, error: None }
    }

    /// Returns the wrapped writer, or the first error any write produced.
    pub fn finish(self) -> io::Result<W> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(self.inner),
        }
    }
}

impl<W: io::Write> Writer for IoWriter<W> {
    #[inline]
    fn write_bytes(&mut self, bytes: &[u8]) {
        if self.error.is_none()
            && let Err(e) = self.inner.write_all(bytes)
        {
            self.error = Some(e);
        }
    }
}

/// Largest payload a TL `string`/`bytes` can carry: the long-form prefix has
/// 3 length bytes.
pub const MAX_TL_BYTES_LEN: usize = (1 << 24) - 1;

/// Longest payload that fits the one-byte prefix form.
const SHORT_MAX: usize = 253;

/// Rounds `n` up to a multiple of 4.
#[inline]
pub(crate) const fn pad4(n: usize) -> usize {
    (n + 3) & !3
}

/// Encoded size of a TL `string`/`bytes` holding `len` data bytes: prefix,
/// data and zero padding.
///
/// Lengths above [`MAX_TL_BYTES_LEN`] are counted as that maximum
/// (16,777,220 bytes), which is what [`write_tl_bytes`] writes for them.
#[inline]
pub fn bytes_len(len: usize) -> usize {
    if len <= SHORT_MAX {
        pad4(1 + len)
    } else {
        pad4(4 + len.min(MAX_TL_BYTES_LEN))
    }
}

/// Writes `data` as a TL `string`/`bytes` through `out`'s
/// [`Writer::write_tl_bytes`]: a length prefix (one byte up to 253 bytes of
/// data; `0xfe` and the length in 3 little-endian bytes above), the data,
/// then zero bytes up to a multiple of 4.
///
/// TL cannot express more than [`MAX_TL_BYTES_LEN`] (16,777,215) bytes.
/// Through a writer that does not override [`Writer::write_tl_bytes`] (a
/// `Vec<u8>`, an [`IoWriter`]) longer data is not refused: its first
/// 16,777,215 bytes are written as if they were the whole value (prefix
/// `fe ff ff ff`, those bytes, one zero byte of padding: 16,777,220 bytes),
/// the rest is dropped, and nothing reports it. Decoding then gives the cut
/// value back; a cut `string` may end inside a UTF-8 character, which
/// `String` decoding refuses as [`crate::DecodeErrorKind::InvalidUtf8`] and
/// lossy decoding turns into U+FFFD. The `try_*` methods of
/// [`crate::Serializable`] refuse such data with an [`crate::EncodeError`]
/// instead.
#[inline]
pub fn write_tl_bytes<W: Writer + ?Sized>(out: &mut W, data: &[u8]) {
    out.write_tl_bytes(data);
}

/// The encoding [`Writer::write_tl_bytes`] provides: data longer than
/// [`MAX_TL_BYTES_LEN`] is cut to that length.
#[inline]
fn encode_tl_bytes<W: Writer + ?Sized>(out: &mut W, data: &[u8]) {
    const ZEROS: [u8; 3] = [0; 3];
    let data = data.get(..MAX_TL_BYTES_LEN).unwrap_or(data);
    let header = if data.len() <= SHORT_MAX {
        out.write_bytes(&[data.len() as u8]);
        1
    } else {
        let l = (data.len() as u32).to_le_bytes();
        out.write_bytes(&[0xfe, l[0], l[1], l[2]]);
        4
    };
    out.write_bytes(data);
    let used = header + data.len();
    let pad = pad4(used) - used;
    out.write_bytes(ZEROS.get(..pad).unwrap_or_default());
}

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
pub(crate) struct Discard;

impl Writer for Discard {
    #[inline]
    fn write_bytes(&mut self, _: &[u8]) {}

    #[inline]
    fn write_tl_bytes(&mut self, _: &[u8]) {}
}
