//! Repetitions (`n*[ ... ]`, `16*[ int ]`): runs of bare values that carry
//! no count of their own; another field (`n:#`) or the schema holds it.

use crate::error::{DecodeError, DecodeErrorKind};
use crate::reader::Reader;

/// Reads `count` values with `read` (`count` was read before, from the `#`
/// field the repetition names). A count the remaining input cannot hold, at
/// `min_size` bytes per value (at least 1), is
/// [`DecodeErrorKind::LengthTooLarge`] before anything is allocated.
pub fn read_repeated<'a, T>(
    r: &mut Reader<'a>,
    count: u32,
    min_size: usize,
    expected: &'static str,
    mut read: impl FnMut(&mut Reader<'a>) -> Result<T, DecodeError>,
) -> Result<Vec<T>, DecodeError> {
    let fits = usize::try_from(count).ok().filter(|&n| {
        n.checked_mul(min_size.max(1))
            .is_some_and(|need| need <= r.remaining())
    });
    let Some(n) = fits else {
        return Err(r.error(expected, DecodeErrorKind::LengthTooLarge(i64::from(count))));
    };
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push(read(r)?);
    }
    Ok(out)
}

/// Reads exactly `N` values with `read` (`16*[ int ]`).
pub fn read_array<'a, T, const N: usize>(
    r: &mut Reader<'a>,
    expected: &'static str,
    mut read: impl FnMut(&mut Reader<'a>) -> Result<T, DecodeError>,
) -> Result<[T; N], DecodeError> {
    let mut out = Vec::with_capacity(N);
    for _ in 0..N {
        out.push(read(r)?);
    }
    // Exactly N values were pushed, so the conversion succeeds.
    out.try_into()
        .map_err(|_| r.error(expected, DecodeErrorKind::LengthTooLarge(N as i64)))
}

/// The count written for a repetition of `len` values: a `#` is 32 bits, and
/// no value in memory holds 2^32 elements of a TL type.
pub fn count_of(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_checked_against_the_input() {
        let bytes = [1, 0, 0, 0, 2, 0, 0, 0];
        let mut r = Reader::new(&bytes);
        let got = read_repeated(&mut r, 2, 4, "row", |r| r.read_i32()).unwrap();
        assert_eq!(got, [1, 2]);
        let mut r = Reader::new(&bytes);
        let err = read_repeated(&mut r, 3, 4, "row", |r| r.read_i32()).unwrap_err();
        assert_eq!(err.kind, DecodeErrorKind::LengthTooLarge(3));
        assert_eq!(err.offset, 0);
        // A hostile count allocates nothing.
        let mut r = Reader::new(&bytes);
        let err = read_repeated(&mut r, u32::MAX, 0, "row", |r| r.read_i32()).unwrap_err();
        assert_eq!(
            err.kind,
            DecodeErrorKind::LengthTooLarge(i64::from(u32::MAX))
        );
    }

    #[test]
    fn arrays_read_exactly_n() {
        let bytes = [1, 0, 0, 0, 2, 0, 0, 0];
        let mut r = Reader::new(&bytes);
        let got: [i32; 2] = read_array(&mut r, "pair", |r| r.read_i32()).unwrap();
        assert_eq!(got, [1, 2]);
        let mut r = Reader::new(&bytes[..6]);
        let err = read_array::<i32, 2>(&mut r, "pair", |r| r.read_i32()).unwrap_err();
        assert_eq!(err.offset, 4);
        assert_eq!(count_of(3), 3);
    }
}
