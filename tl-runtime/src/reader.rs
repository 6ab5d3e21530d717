//! Input side: [`Reader`], a cursor over a byte slice that decodes TL
//! primitives and reports failures with their byte offset.

use crate::error::{DecodeError, DecodeErrorKind};
use crate::ids;
use crate::writer::pad4;

/// A cursor over TL-encoded bytes.
///
/// A failed read returns a [`DecodeError`] whose offset is where the failing
/// item starts; the cursor position after an error is unspecified, so a
/// decode should be abandoned once it fails.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    /// Bytes not read yet.
    rest: &'a [u8],
    /// Length of the whole input; `rest.len() <= total` always holds.
    total: usize,
    /// Boxed values being decoded inside one another right now.
    depth: u32,
    /// The most `depth` may reach.
    max_depth: u32,
    /// The buffer `rest` is a slice of, when reading through
    /// [`Reader::shared`]: `string`/`bytes` values are then slices of it.
    #[cfg(feature = "zero-copy")]
    source: Option<&'a bytes::Bytes>,
}

impl<'a> Reader<'a> {
    /// Starts reading at the beginning of `buf`.
    #[inline]
    pub fn new(buf: &'a [u8]) -> Self {
        Self {
            rest: buf,
            total: buf.len(),
            depth: 0,
            max_depth: Self::DEFAULT_MAX_DEPTH,
            #[cfg(feature = "zero-copy")]
            source: None,
        }
    }

    /// Starts reading at the beginning of `buf`, sharing it (feature
    /// `zero-copy`): [`Reader::read_shared_bytes`] and
    /// [`Reader::read_shared_string`] then give slices of `buf` that keep it
    /// alive, without copying.
    #[cfg(feature = "zero-copy")]
    #[inline]
    pub fn shared(buf: &'a bytes::Bytes) -> Self {
        Self {
            source: Some(buf),
            ..Self::new(buf)
        }
    }

    /// How deeply boxed values may nest by default. Real Telegram data nests a
    /// few levels (rich text in rich text, page blocks in page blocks); the
    /// limit keeps hostile input from exhausting the stack.
    pub const DEFAULT_MAX_DEPTH: u32 = 100;

    /// Sets how deeply boxed values may nest before decoding fails with
    /// [`DecodeErrorKind::TooDeep`].
    #[must_use]
    pub fn with_max_depth(mut self, max_depth: u32) -> Self {
        self.max_depth = max_depth;
        self
    }

    /// For generated code: a boxed value of type `expected` starts inside the
    /// current one. Fails once nesting exceeds the limit.
    #[inline]
    pub fn enter(&mut self, expected: &'static str) -> Result<(), DecodeError> {
        if self.depth >= self.max_depth {
            return Err(self.error(expected, DecodeErrorKind::TooDeep(self.max_depth)));
        }
        self.depth += 1;
        Ok(())
    }

    /// For generated code: the value started by the matching
    /// [`enter`](Self::enter) is complete.
    #[inline]
    pub fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Number of bytes consumed so far.
    #[inline]
    pub fn offset(&self) -> usize {
        self.total - self.rest.len()
    }

    /// Number of bytes not consumed yet.
    #[inline]
    pub fn remaining(&self) -> usize {
        self.rest.len()
    }

    /// Builds an error of `kind` located at the current offset.
    #[cold]
    #[inline(never)]
    pub fn error(&self, expected: &'static str, kind: DecodeErrorKind) -> DecodeError {
        DecodeError::new(self.offset(), expected, kind)
    }

    /// Error for generated code: constructor `id`, just read (so located 4
    /// bytes before the current offset), is not a constructor of the TL type
    /// `expected`.
    #[cold]
    #[inline(never)]
    pub fn unexpected_constructor(&self, id: u32, expected: &'static str) -> DecodeError {
        DecodeError::new(
            self.offset().saturating_sub(4),
            expected,
            DecodeErrorKind::UnexpectedConstructor(id),
        )
    }

    #[cold]
    #[inline(never)]
    fn eof(&self, expected: &'static str, needed: usize) -> DecodeError {
        self.error(
            expected,
            DecodeErrorKind::UnexpectedEof {
                needed,
                available: self.rest.len(),
            },
        )
    }

    /// Reads `N` bytes, naming the item `expected` if they are missing.
    #[inline]
    pub(crate) fn array_as<const N: usize>(
        &mut self,
        expected: &'static str,
    ) -> Result<[u8; N], DecodeError> {
        match self.rest.split_first_chunk::<N>() {
            Some((head, tail)) => {
                self.rest = tail;
                Ok(*head)
            }
            None => Err(self.eof(expected, N)),
        }
    }

    #[inline]
    pub(crate) fn u32_as(&mut self, expected: &'static str) -> Result<u32, DecodeError> {
        self.array_as(expected).map(u32::from_le_bytes)
    }

    /// Reads a little-endian `u32` (constructor ids, flags).
    #[inline]
    pub fn read_u32(&mut self) -> Result<u32, DecodeError> {
        self.u32_as("int")
    }

    /// Reads a TL `int`.
    #[inline]
    pub fn read_i32(&mut self) -> Result<i32, DecodeError> {
        self.array_as("int").map(i32::from_le_bytes)
    }

    /// Reads a TL `long`.
    #[inline]
    pub fn read_i64(&mut self) -> Result<i64, DecodeError> {
        self.array_as("long").map(i64::from_le_bytes)
    }

    /// Reads a TL `double`.
    #[inline]
    pub fn read_f64(&mut self) -> Result<f64, DecodeError> {
        self.array_as("double").map(f64::from_le_bytes)
    }

    /// Reads a constructor id, naming the TL type being decoded (`expected`)
    /// if the input ends first.
    #[inline]
    pub fn read_constructor(&mut self, expected: &'static str) -> Result<u32, DecodeError> {
        self.u32_as(expected)
    }

    /// Returns the next `u32` without consuming it (to look at a constructor id).
    #[inline]
    pub fn peek_u32(&self) -> Result<u32, DecodeError> {
        match self.rest.first_chunk::<4>() {
            Some(b) => Ok(u32::from_le_bytes(*b)),
            None => Err(self.eof("int", 4)),
        }
    }

    /// Reads `N` raw bytes (`int128` for 16, `int256` for 32).
    #[inline]
    pub fn read_array<const N: usize>(&mut self) -> Result<[u8; N], DecodeError> {
        let expected = match N {
            4 => "int",
            8 => "long",
            16 => "int128",
            32 => "int256",
            _ => "raw bytes",
        };
        self.array_as(expected)
    }

    /// Borrows the next `n` bytes as they are.
    #[inline]
    pub fn read_raw(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        match self.rest.split_at_checked(n) {
            Some((head, tail)) => {
                self.rest = tail;
                Ok(head)
            }
            None => Err(self.eof("raw bytes", n)),
        }
    }

    /// Reads a TL `string`/`bytes` payload, naming the item `expected`.
    ///
    /// A declared length running past the input is
    /// [`DecodeErrorKind::InvalidLengthPrefix`]; data that fits but whose
    /// padding is cut off is [`DecodeErrorKind::UnexpectedEof`]. Padding bytes
    /// are not required to be zero.
    #[inline]
    pub(crate) fn tl_bytes_as(&mut self, expected: &'static str) -> Result<&'a [u8], DecodeError> {
        let rest = self.rest;
        let (len, header) = match rest.first() {
            None => return Err(self.eof(expected, 1)),
            Some(0xff) => return Err(self.error(expected, DecodeErrorKind::InvalidLengthPrefix)),
            Some(0xfe) => match rest.first_chunk::<4>() {
                Some(h) => ((u32::from_le_bytes(*h) >> 8) as usize, 4),
                None => return Err(self.eof(expected, 4)),
            },
            Some(&n) => (usize::from(n), 1),
        };
        let data = match rest.get(header..).and_then(|body| body.get(..len)) {
            Some(data) => data,
            None => return Err(self.error(expected, DecodeErrorKind::InvalidLengthPrefix)),
        };
        let size = pad4(header + len);
        match rest.get(size..) {
            Some(tail) => {
                self.rest = tail;
                Ok(data)
            }
            None => Err(self.eof(expected, size)),
        }
    }

    /// Reads a TL `bytes` value, borrowing its payload (no copy); the
    /// padding is skipped after checking it is present.
    #[inline]
    pub fn read_tl_bytes(&mut self) -> Result<&'a [u8], DecodeError> {
        self.tl_bytes_as("bytes")
    }

    /// Reads a TL `string` that must be valid UTF-8.
    #[inline]
    pub fn read_string(&mut self) -> Result<String, DecodeError> {
        let before = self.rest;
        let data = self.tl_bytes_as("string")?;
        match std::str::from_utf8(data) {
            Ok(s) => Ok(s.to_owned()),
            Err(_) => {
                self.rest = before;
                Err(self.error("string", DecodeErrorKind::InvalidUtf8))
            }
        }
    }

    /// Reads a TL `string`, replacing invalid UTF-8 sequences with U+FFFD.
    #[inline]
    pub fn read_string_lossy(&mut self) -> Result<String, DecodeError> {
        let data = self.tl_bytes_as("string")?;
        Ok(String::from_utf8_lossy(data).into_owned())
    }

    /// `data`, a slice of the input, as a [`bytes::Bytes`]: a slice of the
    /// shared buffer when there is one, else a copy.
    #[cfg(feature = "zero-copy")]
    #[inline]
    fn share(&self, data: &'a [u8]) -> bytes::Bytes {
        match self.source {
            // `data` lies inside `source`: `rest` only ever narrows it.
            Some(source) => source.slice_ref(data),
            None => bytes::Bytes::copy_from_slice(data),
        }
    }

    /// Reads a TL `bytes` value as a [`bytes::Bytes`] (feature `zero-copy`):
    /// a slice of the buffer given to [`Reader::shared`], or a copy when the
    /// reader was made with [`Reader::new`].
    #[cfg(feature = "zero-copy")]
    #[inline]
    pub fn read_shared_bytes(&mut self) -> Result<bytes::Bytes, DecodeError> {
        let data = self.tl_bytes_as("bytes")?;
        Ok(self.share(data))
    }

    /// Reads a TL `string` that must be valid UTF-8 as a
    /// [`bytestring::ByteString`] (feature `zero-copy`), shared or copied as
    /// [`Reader::read_shared_bytes`] says.
    #[cfg(feature = "zero-copy")]
    #[inline]
    pub fn read_shared_string(&mut self) -> Result<bytestring::ByteString, DecodeError> {
        let before = self.rest;
        let data = self.tl_bytes_as("string")?;
        match bytestring::ByteString::try_from(self.share(data)) {
            Ok(s) => Ok(s),
            Err(_) => {
                self.rest = before;
                Err(self.error("string", DecodeErrorKind::InvalidUtf8))
            }
        }
    }

    /// Reads a TL `string` as a [`bytestring::ByteString`] (feature
    /// `zero-copy`), replacing invalid UTF-8 sequences with U+FFFD: valid
    /// text is shared as [`Reader::read_shared_string`] shares it, invalid
    /// text is repaired into a buffer of its own.
    #[cfg(feature = "zero-copy")]
    #[inline]
    pub fn read_shared_string_lossy(&mut self) -> Result<bytestring::ByteString, DecodeError> {
        let data = self.tl_bytes_as("string")?;
        Ok(bytestring::ByteString::try_from(self.share(data))
            .unwrap_or_else(|_| String::from_utf8_lossy(data).into_owned().into()))
    }

    /// Reads a vector element count, naming the item `expected`.
    #[inline]
    pub(crate) fn len_as(
        &mut self,
        min_elem_size: usize,
        expected: &'static str,
    ) -> Result<usize, DecodeError> {
        let before = self.rest;
        let n = self.array_as(expected).map(i32::from_le_bytes)?;
        let fits = usize::try_from(n).ok().filter(|&count| {
            count
                .checked_mul(min_elem_size)
                .is_some_and(|need| need <= self.rest.len())
        });
        match fits {
            Some(count) => Ok(count),
            None => {
                self.rest = before;
                Err(self.error(expected, DecodeErrorKind::LengthTooLarge(i64::from(n))))
            }
        }
    }

    /// Reads a vector element count and checks that `count * min_elem_size`
    /// bytes remain, so a hostile count cannot trigger an allocation larger
    /// than the input justifies. A negative or oversized count is
    /// [`DecodeErrorKind::LengthTooLarge`].
    #[inline]
    pub fn read_len(&mut self, min_elem_size: usize) -> Result<usize, DecodeError> {
        self.len_as(min_elem_size, "Vector")
    }

    /// Reads the boxed `Vector` constructor id, failing with
    /// [`DecodeErrorKind::UnexpectedConstructor`] for any other id.
    #[inline]
    pub fn read_vector_id(&mut self) -> Result<(), DecodeError> {
        self.expect_constructor(ids::VECTOR, "Vector")
    }

    /// Reads a constructor id that must be `id` (the boxed form of one
    /// constructor or function), failing with
    /// [`DecodeErrorKind::UnexpectedConstructor`] for any other id, and like
    /// [`Reader::read_constructor`] when fewer than 4 bytes are left; errors
    /// name `expected`.
    #[inline]
    pub fn expect_constructor(
        &mut self,
        id: u32,
        expected: &'static str,
    ) -> Result<(), DecodeError> {
        match self.u32_as(expected)? {
            found if found == id => Ok(()),
            found => Err(self.unexpected_constructor(found, expected)),
        }
    }

    /// Succeeds only when the whole input has been consumed; otherwise
    /// reports [`DecodeErrorKind::TrailingBytes`] at the first unread byte.
    #[inline]
    pub fn finish(&self) -> Result<(), DecodeError> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(self.error("value", DecodeErrorKind::TrailingBytes(self.rest.len())))
        }
    }
}
