//! Byte ranges into a schema's source text.

/// A half-open byte range `start..end` into the source text.
///
/// Spans stay byte offsets everywhere; they become line and column (counted in
/// characters) only when a diagnostic is displayed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text the span covers, or `""` if it is out of range.
    pub fn text(self, src: &str) -> &str {
        src.get(self.start..self.end).unwrap_or("")
    }

    /// 1-based line and 1-based column (in characters) of the span's start.
    pub fn line_col(self, src: &str) -> (usize, usize) {
        line_col(src, self.start)
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
