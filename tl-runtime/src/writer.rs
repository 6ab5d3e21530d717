//! Output side: the [`Writer`] sink trait, an adapter for `std::io::Write`,
//! and the TL `string`/`bytes` encoding.

use std::io;

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

    /// Told, before it is written cut to [`MAX_TL_BYTES_LEN`] bytes, that a
    /// `string`/`bytes` value of `len` bytes is too long for TL. Does nothing
    /// by default; the writer behind [`crate::Serializable::try_to_bytes`]
    /// turns it into an [`crate::EncodeError`].
    #[inline]
    fn unrepresentable(&mut self, len: usize) {
        let _ = len;
    }
}

impl Writer for Vec<u8> {
    #[inline]
    fn write_bytes(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
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
/// Lengths above [`MAX_TL_BYTES_LEN`] are counted as that maximum, matching
/// what [`write_tl_bytes`] writes for them.
#[inline]
pub fn bytes_len(len: usize) -> usize {
    if len <= SHORT_MAX {
        pad4(1 + len)
    } else {
        pad4(4 + len.min(MAX_TL_BYTES_LEN))
    }
}

/// Writes `data` as a TL `string`/`bytes`: length prefix, data, then zero
/// padding up to a multiple of 4 bytes.
///
/// TL cannot express more than [`MAX_TL_BYTES_LEN`] bytes. Longer input is
/// reported to the writer ([`Writer::unrepresentable`], which makes
/// [`crate::Serializable::try_to_bytes`] fail) and then written cut to its
/// first [`MAX_TL_BYTES_LEN`] bytes, so the output stays well-formed TL but
/// decodes to a shorter value (a cut `string` may even end inside a UTF-8
/// character, which strict decoding then refuses). Use the fallible path
/// where such values can occur; they exceed every MTProto message limit.
#[inline]
pub fn write_tl_bytes<W: Writer + ?Sized>(out: &mut W, data: &[u8]) {
    const ZEROS: [u8; 3] = [0; 3];
    if data.len() > MAX_TL_BYTES_LEN {
        out.unrepresentable(data.len());
    }
    let header = if data.len() <= SHORT_MAX {
        out.write_bytes(&[data.len() as u8]);
        1
    } else {
        let len = data.len().min(MAX_TL_BYTES_LEN);
        let l = (len as u32).to_le_bytes();
        out.write_bytes(&[0xfe, l[0], l[1], l[2]]);
        4
    };
    let data = data.get(..MAX_TL_BYTES_LEN).unwrap_or(data);
    out.write_bytes(data);
    let used = header + data.len();
    let pad = pad4(used) - used;
    out.write_bytes(ZEROS.get(..pad).unwrap_or_default());
}
