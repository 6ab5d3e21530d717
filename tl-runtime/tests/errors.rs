//! Decoding failures: exact error values, offsets and messages, and the
//! absence of panics on truncated or hostile input.

use tl_runtime::codec::{Bare, BareVector, Bytes, Codec, LossyString, Vector};
use tl_runtime::{DecodeError, DecodeErrorKind, Deserializable, Reader};

fn err(offset: usize, expected: &'static str, kind: DecodeErrorKind) -> DecodeError {
    DecodeError {
        offset,
        expected,
        kind,
    }
}

fn eof(offset: usize, expected: &'static str, needed: usize, available: usize) -> DecodeError {
    err(
        offset,
        expected,
        DecodeErrorKind::UnexpectedEof { needed, available },
    )
}

#[test]
fn display_unexpected_constructor() {
    let mut bytes = vec![0u8; 48];
    bytes.extend_from_slice(&[0xcd, 0xab, 0x34, 0x12]);
    let mut r = Reader::new(&bytes);
    r.read_raw(48).expect("48 bytes present");
    let id = r.read_u32().expect("4 bytes present");
    let e = r.unexpected_constructor(id, "messages.Messages");
    assert_eq!(
        e,
        err(
            48,
            "messages.Messages",
            DecodeErrorKind::UnexpectedConstructor(0x1234_abcd)
        )
    );
    assert_eq!(
        e.to_string(),
        "unexpected constructor 0x1234abcd for messages.Messages at offset 48"
    );
}

#[test]
fn display_unexpected_eof() {
    let bytes = [0u8; 13];
    let mut r = Reader::new(&bytes);
    r.read_raw(12).expect("12 bytes present");
    let e = r.read_i32().expect_err("only one byte left");
    assert_eq!(e, eof(12, "int", 4, 1));
    assert_eq!(
        e.to_string(),
        "unexpected end of input while reading int at offset 12: needed 4 bytes, 1 available"
    );
}

#[test]
fn display_invalid_length_prefix() {
    let bytes = [0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0x61, 0x62, 0x63];
    let mut r = Reader::new(&bytes);
    r.read_raw(8).expect("8 bytes present");
    let e = r.read_string().expect_err("0xff prefix");
    assert_eq!(e, err(8, "string", DecodeErrorKind::InvalidLengthPrefix));
    assert_eq!(
        e.to_string(),
        "invalid length prefix for string at offset 8"
    );
}

#[test]
fn display_invalid_utf8() {
    let bytes = [0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0xff, 0xfe, 0x00];
    let mut r = Reader::new(&bytes);
    r.read_raw(8).expect("8 bytes present");
    let e = r.read_string().expect_err("not UTF-8");
    assert_eq!(e, err(8, "string", DecodeErrorKind::InvalidUtf8));
    assert_eq!(e.to_string(), "invalid UTF-8 in string at offset 8");
}

#[test]
fn display_trailing_bytes() {
    let e = err(20, "Updates", DecodeErrorKind::TrailingBytes(4));
    assert_eq!(e.to_string(), "4 trailing bytes after Updates at offset 20");
}

#[test]
fn display_length_too_large() {
    let bytes = [0x15, 0xc4, 0xb5, 0x1c, 0xff, 0xff, 0xff, 0xff];
    let e = Vec::<i32>::from_bytes(&bytes).expect_err("negative count");
    assert_eq!(e, err(4, "Vector", DecodeErrorKind::LengthTooLarge(-1)));
    assert_eq!(
        e.to_string(),
        "vector length -1 is invalid for Vector at offset 4"
    );
}

#[test]
fn decode_error_is_std_error() {
    let e: Box<dyn std::error::Error> = Box::new(eof(0, "int", 4, 0));
    assert_eq!(
        e.to_string(),
        "unexpected end of input while reading int at offset 0: needed 4 bytes, 0 available"
    );
}

#[test]
fn truncated_fixed_size_values() {
    let full = [0x11u8; 32];
    for n in 0..4 {
        assert_eq!(i32::from_bytes(&full[..n]), Err(eof(0, "int", 4, n)));
    }
    for n in 0..8 {
        assert_eq!(i64::from_bytes(&full[..n]), Err(eof(0, "long", 8, n)));
        assert_eq!(f64::from_bytes(&full[..n]), Err(eof(0, "double", 8, n)));
    }
    for n in 0..16 {
        assert_eq!(
            <[u8; 16]>::from_bytes(&full[..n]),
            Err(eof(0, "int128", 16, n))
        );
    }
    for n in 0..32 {
        assert_eq!(
            <[u8; 32]>::from_bytes(&full[..n]),
            Err(eof(0, "int256", 32, n))
        );
    }
    for n in 0..4 {
        assert_eq!(bool::from_bytes(&full[..n]), Err(eof(0, "Bool", 4, n)));
    }
}

#[test]
fn truncated_short_string_at_every_byte() {
    // "abcd": 04 61 62 63 64 00 00 00
    let full = [0x04, 0x61, 0x62, 0x63, 0x64, 0x00, 0x00, 0x00];
    assert_eq!(String::from_bytes(&[]), Err(eof(0, "string", 1, 0)));
    for n in 1..5 {
        assert_eq!(
            String::from_bytes(&full[..n]),
            Err(err(0, "string", DecodeErrorKind::InvalidLengthPrefix)),
            "{n} bytes"
        );
    }
    for n in 5..8 {
        assert_eq!(
            String::from_bytes(&full[..n]),
            Err(eof(0, "string", 8, n)),
            "{n} bytes"
        );
    }
    assert_eq!(String::from_bytes(&full), Ok("abcd".to_owned()));
}

#[test]
fn truncated_long_string_at_every_byte() {
    // 254 bytes: fe fe 00 00, data, 2 padding bytes; 260 in all.
    let mut full = vec![0xfe, 0xfe, 0x00, 0x00];
    full.extend_from_slice(&[b'x'; 254]);
    full.extend_from_slice(&[0x00, 0x00]);
    for n in 0..260 {
        let expected = match n {
            0 => eof(0, "bytes", 1, 0),
            1..=3 => eof(0, "bytes", 4, n),
            4..=257 => err(0, "bytes", DecodeErrorKind::InvalidLengthPrefix),
            _ => eof(0, "bytes", 260, n),
        };
        let mut r = Reader::new(&full[..n]);
        assert_eq!(r.read_tl_bytes(), Err(expected), "{n} bytes");
    }
}

#[test]
fn truncated_vector_at_every_byte() {
    let full = [
        0x15, 0xc4, 0xb5, 0x1c, 0x02, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00,
        0x00,
    ];
    for n in 0..full.len() {
        let expected = match n {
            0..=3 => eof(0, "Vector", 4, n),
            4..=7 => eof(4, "Vector", 4, n - 4),
            // The count (2) needs 8 bytes of elements, which are not all there.
            _ => err(4, "Vector", DecodeErrorKind::LengthTooLarge(2)),
        };
        assert_eq!(
            Vec::<i32>::from_bytes(&full[..n]),
            Err(expected),
            "{n} bytes"
        );
    }
}

#[test]
fn truncated_element_reports_its_own_offset() {
    // Vector of one string whose data runs past the end.
    let bytes = [
        0x15, 0xc4, 0xb5, 0x1c, 0x01, 0x00, 0x00, 0x00, 0x09, 0x61, 0x62, 0x63,
    ];
    assert_eq!(
        Vec::<String>::from_bytes(&bytes),
        Err(err(8, "string", DecodeErrorKind::InvalidLengthPrefix))
    );
}

#[test]
fn hostile_vector_count_is_rejected_before_allocating() {
    let bytes = [0x15, 0xc4, 0xb5, 0x1c, 0xff, 0xff, 0xff, 0x7f];
    let expected = err(4, "Vector", DecodeErrorKind::LengthTooLarge(0x7fff_ffff));
    assert_eq!(Vec::<i64>::from_bytes(&bytes), Err(expected.clone()));
    // Zero-sized-looking element types are bounded the same way.
    let mut r = Reader::new(&bytes);
    assert_eq!(Vector::<Bytes>::read(&mut r), Err(expected));

    let bare = [0xff, 0xff, 0xff, 0x7f, 0x01, 0x00, 0x00, 0x00];
    let mut r = Reader::new(&bare);
    assert_eq!(
        BareVector::<Bare>::read(&mut r) as Result<Vec<i32>, _>,
        Err(err(
            0,
            "vector",
            DecodeErrorKind::LengthTooLarge(0x7fff_ffff)
        ))
    );
}

#[test]
fn read_len_bounds() {
    // Count 2, then 8 bytes.
    let bytes = [0x02, 0x00, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
    assert_eq!(Reader::new(&bytes).read_len(4), Ok(2));
    assert_eq!(
        Reader::new(&bytes).read_len(5),
        Err(err(0, "Vector", DecodeErrorKind::LengthTooLarge(2)))
    );
    assert_eq!(
        Reader::new(&bytes).read_len(usize::MAX),
        Err(err(0, "Vector", DecodeErrorKind::LengthTooLarge(2)))
    );
    let negative = [0x00, 0x00, 0x00, 0x80];
    assert_eq!(
        Reader::new(&negative).read_len(0),
        Err(err(
            0,
            "Vector",
            DecodeErrorKind::LengthTooLarge(-2_147_483_648)
        ))
    );
}

#[test]
fn wrong_vector_id() {
    let bytes = [0xb5, 0x75, 0x72, 0x99, 0x00, 0x00, 0x00, 0x00];
    let e = Vec::<i32>::from_bytes(&bytes).expect_err("boolTrue is not a vector");
    assert_eq!(
        e,
        err(
            0,
            "Vector",
            DecodeErrorKind::UnexpectedConstructor(0x9972_75b5)
        )
    );
    assert_eq!(
        e.to_string(),
        "unexpected constructor 0x997275b5 for Vector at offset 0"
    );
}

#[test]
fn unknown_bool_constructor() {
    let e = bool::from_bytes(&[0x01, 0x00, 0x00, 0x00]).expect_err("not a Bool");
    assert_eq!(e, err(0, "Bool", DecodeErrorKind::UnexpectedConstructor(1)));
    assert_eq!(
        e.to_string(),
        "unexpected constructor 0x00000001 for Bool at offset 0"
    );
}

#[test]
fn trailing_bytes_after_value() {
    let e = i32::from_bytes(&[0x01, 0x00, 0x00, 0x00, 0x02]).expect_err("one extra byte");
    assert_eq!(e, err(4, "value", DecodeErrorKind::TrailingBytes(1)));
    assert_eq!(e.to_string(), "1 trailing bytes after value at offset 4");
}

#[test]
fn strict_versus_lossy_utf8() {
    let bytes = [0x02, 0xff, 0x61, 0x00];
    assert_eq!(
        String::from_bytes(&bytes),
        Err(err(0, "string", DecodeErrorKind::InvalidUtf8))
    );
    assert_eq!(
        Reader::new(&bytes).read_string_lossy(),
        Ok("\u{fffd}a".to_owned())
    );
    let mut r = Reader::new(&bytes);
    assert_eq!(LossyString::read(&mut r), Ok("\u{fffd}a".to_owned()));
    assert_eq!(r.finish(), Ok(()));
}

#[test]
fn raw_and_peek_errors() {
    let bytes = [0x01, 0x02];
    let r = Reader::new(&bytes);
    assert_eq!(r.peek_u32(), Err(eof(0, "int", 4, 2)));
    let mut r = Reader::new(&bytes);
    assert_eq!(r.read_raw(3), Err(eof(0, "raw bytes", 3, 2)));
    assert_eq!(
        r.read_raw(usize::MAX),
        Err(eof(0, "raw bytes", usize::MAX, 2))
    );
    assert_eq!(r.read_vector_id(), Err(eof(0, "Vector", 4, 2)));
}

#[test]
fn reader_error_helper_uses_current_offset() {
    let bytes = [0u8; 6];
    let mut r = Reader::new(&bytes);
    r.read_raw(6).expect("present");
    assert_eq!(
        r.error("help.Config", DecodeErrorKind::InvalidUtf8),
        err(6, "help.Config", DecodeErrorKind::InvalidUtf8)
    );
}

/// Small deterministic generator so the no-panic sweep needs no dependency.
struct Lcg(u64);

impl Lcg {
    fn next_byte(&mut self) -> u8 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 56) as u8
    }
}

#[test]
fn arbitrary_input_never_panics() {
    let mut rng = Lcg(42);
    let interesting = [
        0x00, 0x01, 0xfd, 0xfe, 0xff, 0x15, 0xc4, 0xb5, 0x1c, 0x7f, 0x80,
    ];
    for len in 0..64 {
        for _ in 0..200 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    let b = rng.next_byte();
                    if b & 1 == 0 {
                        interesting[usize::from(b >> 1) % interesting.len()]
                    } else {
                        b
                    }
                })
                .collect();
            let _ = Vec::<String>::from_bytes(&bytes);
            let _ = Vec::<Vec<i64>>::from_bytes(&bytes);
            let _ = Vec::<bool>::from_bytes(&bytes);
            let _ = <Vec<[u8; 16]>>::from_bytes(&bytes);
            let mut r = Reader::new(&bytes);
            let _ = Vector::<Bytes>::read(&mut r);
            let mut r = Reader::new(&bytes);
            let _: Result<Vec<Vec<String>>, _> = BareVector::<BareVector<Bare>>::read(&mut r);
            let mut r = Reader::new(&bytes);
            while r.read_tl_bytes().is_ok() {}
        }
    }
}
