//! Byte ranges into a schema's source text.

/// A half-open byte range `start..end` into the source text.
///
/// Spans stay byte offsets everywhere; they become line and column (counted in
/// characters) only when a diagnostic is displayed. Offsets are `u32`, which
/// keeps the syntax tree small (every name, field and type carries a span);
/// [`Span::new`] clamps an offset past 4 GiB to `u32::MAX` (no real schema
/// is larger than a megabyte).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from byte `start` to byte `end`, each clamped to `u32::MAX`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span {
            start: clamp(start),
            end: clamp(end),
        }
    }

    /// The byte range, for slicing the source.
    pub const fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// The text the span covers, or `""` if it is out of range.
    pub fn text(self, src: &str) -> &str {
        src.get(self.range()).unwrap_or("")
    }

    /// 1-based line and 1-based column (in characters) of the span's start.
    pub fn line_col(self, src: &str) -> (usize, usize) {
        line_col(src, self.start as usize)
    }
}

/// `offset` as a span offset: `u32::MAX` past 4 GiB.
const fn clamp(offset: usize) -> u32 {
    if offset > u32::MAX as usize {
        u32::MAX
    } else {
        offset as u32
    }
}

/// 1-based line and column (in characters) of byte `offset` in `src`.
///
/// An offset inside a multi-byte character counts as that character; one past
/// the end points just after the last character.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(src, offset);
    let before = &src[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// The largest character boundary of `src` at or before byte `offset`
/// (`src.len()` for offsets past the end).
pub fn floor_char_boundary(src: &str, offset: usize) -> usize {
    let mut offset = offset.min(src.len());
    while !src.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let src = "ab\n// größe x\nz";
        // "x" is at byte 14 (ö and ß take two bytes each) but column 10.
        let x = src.find('x').unwrap();
        assert_eq!(x, 14);
        assert_eq!(line_col(src, x), (2, 10));
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, src.len()), (3, 2));
        assert_eq!(line_col(src, 1000), (3, 2));
    }

    #[test]
    fn offsets_past_4_gib_are_clamped() {
        let span = Span::new(7, (u32::MAX as usize) + 10);
        assert_eq!((span.start, span.end), (7, u32::MAX));
        assert_eq!(span.range(), 7..u32::MAX as usize);
        assert_eq!(Span::new(3, 5).text("abcdefg"), "de");
        assert_eq!(span.text("short"), "");
    }

    #[test]
    fn boundaries_round_down() {
        let src = "aö";
        // `ö` takes bytes 1 and 2.
        assert_eq!(floor_char_boundary(src, 0), 0);
        assert_eq!(floor_char_boundary(src, 1), 1);
        assert_eq!(floor_char_boundary(src, 2), 1);
        assert_eq!(floor_char_boundary(src, 3), 3);
        assert_eq!(floor_char_boundary(src, 99), 3);
    }
}
