//! Round trips of the built-in types against byte sequences written by hand
//! from the TL encoding rules.

use std::fmt::Debug;

use tl_runtime::codec::{Bare, BareVector, Boxed, Bytes, Codec, LossyString, Vector};
use tl_runtime::{
    BareDeserializable, BareSerializable, Deserializable, IoWriter, Reader, Serializable,
    bytes_len, write_tl_bytes,
};

/// Checks encoding, length, streaming and decoding of `value` against `bytes`.
fn check<T>(value: T, bytes: &[u8])
where
    T: Serializable + Deserializable + PartialEq + Debug,
{
    assert_eq!(value.to_bytes(), bytes, "to_bytes of {value:?}");
    assert_eq!(value.serialized_len(), bytes.len(), "len of {value:?}");
    let mut streamed = Vec::new();
    value.write_to(&mut streamed).expect("Vec never fails");
    assert_eq!(streamed, bytes, "write_to of {value:?}");
    assert_eq!(T::from_bytes(bytes), Ok(value));
}

/// Same as [`check`] for the bare encoding.
fn check_bare<T>(value: T, bytes: &[u8])
where
    T: BareSerializable + BareDeserializable + PartialEq + Debug,
{
    let mut out = Vec::new();
    value.serialize_bare(&mut out);
    assert_eq!(out, bytes);
    assert_eq!(value.bare_len(), bytes.len());
    let mut r = Reader::new(bytes);
    assert_eq!(T::deserialize_bare(&mut r), Ok(value));
    assert_eq!(r.finish(), Ok(()));
}

/// Same as [`check`] for a codec.
fn check_codec<C: Codec<T>, T: PartialEq + Debug>(value: T, bytes: &[u8]) {
    let mut out = Vec::new();
    C::write(&value, &mut out);
    assert_eq!(out, bytes);
    let mut r = Reader::new(bytes);
    assert_eq!(C::read(&mut r), Ok(value));
    assert_eq!(r.finish(), Ok(()));
}

fn concat(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

#[test]
fn int() {
    check(1i32, &[0x01, 0x00, 0x00, 0x00]);
    check(-2i32, &[0xfe, 0xff, 0xff, 0xff]);
    check(i32::MIN, &[0x00, 0x00, 0x00, 0x80]);
    check_bare(0x0a0b0c0di32, &[0x0d, 0x0c, 0x0b, 0x0a]);
}

#[test]
fn long() {
    check(
        0x0102_0304_0506_0708i64,
        &[0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01],
    );
    check(-1i64, &[0xff; 8]);
    check_bare(1i64, &[1, 0, 0, 0, 0, 0, 0, 0]);
}

#[test]
fn double() {
    check(1.0f64, &[0, 0, 0, 0, 0, 0, 0xf0, 0x3f]);
    check(-2.5f64, &[0, 0, 0, 0, 0, 0, 0x04, 0xc0]);
    check_bare(0.0f64, &[0; 8]);
}

#[test]
fn int128_and_int256() {
    let a: [u8; 16] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
    check(a, &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    check_bare(a, &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    check([0xabu8; 32], &[0xab; 32]);
    check_bare([7u8; 32], &[7; 32]);
}

#[test]
fn short_strings() {
    check(String::new(), &[0x00, 0x00, 0x00, 0x00]);
    check("a".to_owned(), &[0x01, 0x61, 0x00, 0x00]);
    check("abc".to_owned(), &[0x03, 0x61, 0x62, 0x63]);
    check(
        "abcd".to_owned(),
        &[0x04, 0x61, 0x62, 0x63, 0x64, 0x00, 0x00, 0x00],
    );
    // "é" is two UTF-8 bytes.
    check("é".to_owned(), &[0x02, 0xc3, 0xa9, 0x00]);
    check_bare("ab".to_owned(), &[0x02, 0x61, 0x62, 0x00]);
}

#[test]
fn string_of_253_bytes_uses_short_prefix() {
    // 1 prefix byte + 253 data bytes = 254, padded to 256.
    let s = "x".repeat(253);
    let bytes = concat(&[&[0xfd], &[b'x'; 253], &[0x00, 0x00]]);
    assert_eq!(bytes.len(), 256);
    check(s, &bytes);
}

#[test]
fn string_of_254_bytes_uses_long_prefix() {
    // 4 prefix bytes + 254 data bytes = 258, padded to 260.
    let s = "y".repeat(254);
    let bytes = concat(&[&[0xfe, 0xfe, 0x00, 0x00], &[b'y'; 254], &[0x00, 0x00]]);
    assert_eq!(bytes.len(), 260);
    check(s, &bytes);
}

#[test]
fn long_strings_without_and_with_padding() {
    // 4 + 256 = 260: no padding.
    let bytes = concat(&[&[0xfe, 0x00, 0x01, 0x00], &[b'z'; 256]]);
    check("z".repeat(256), &bytes);
    // 4 + 255 = 259: one padding byte.
    let bytes = concat(&[&[0xfe, 0xff, 0x00, 0x00], &[b'z'; 255], &[0x00]]);
    check("z".repeat(255), &bytes);
    // 70000 = 0x011170 needs all three length bytes; 4 + 70000 is a multiple of 4.
    let data = vec![b'q'; 70000];
    let bytes = concat(&[&[0xfe, 0x70, 0x11, 0x01], &data]);
    check(String::from_utf8(data).expect("ascii"), &bytes);
}

#[test]
fn bytes_len_matches_rules() {
    let cases = [
        (0, 4),
        (1, 4),
        (3, 4),
        (4, 8),
        (7, 8),
        (8, 12),
        (252, 256),
        (253, 256),
        (254, 260),
        (255, 260),
        (256, 260),
        (257, 264),
        (70000, 70004),
    ];
    for (len, encoded) in cases {
        assert_eq!(bytes_len(len), encoded, "bytes_len({len})");
        let mut out = Vec::new();
        write_tl_bytes(&mut out, &vec![0u8; len]);
        assert_eq!(out.len(), encoded, "write_tl_bytes of {len} bytes");
    }
}

#[test]
fn non_zero_padding_is_accepted() {
    assert_eq!(
        String::from_bytes(&[0x01, 0x61, 0xaa, 0xbb]),
        Ok("a".to_owned())
    );
}

#[test]
fn long_prefix_for_short_data_is_accepted() {
    assert_eq!(
        String::from_bytes(&[0xfe, 0x02, 0x00, 0x00, 0x61, 0x62, 0x00, 0x00]),
        Ok("ab".to_owned())
    );
}

#[test]
fn bool_is_boxed() {
    check(true, &[0xb5, 0x75, 0x72, 0x99]);
    check(false, &[0x37, 0x97, 0x79, 0xbc]);
}

#[test]
fn vectors() {
    check(
        vec![1i32, 2],
        &[
            0x15, 0xc4, 0xb5, 0x1c, 0x02, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00,
            0x00, 0x00,
        ],
    );
    check(
        Vec::<i64>::new(),
        &[0x15, 0xc4, 0xb5, 0x1c, 0x00, 0x00, 0x00, 0x00],
    );
    check(
        vec!["a".to_owned()],
        &[
            0x15, 0xc4, 0xb5, 0x1c, 0x01, 0x00, 0x00, 0x00, 0x01, 0x61, 0x00, 0x00,
        ],
    );
    check(
        vec![true, false],
        &[
            0x15, 0xc4, 0xb5, 0x1c, 0x02, 0x00, 0x00, 0x00, 0xb5, 0x75, 0x72, 0x99, 0x37, 0x97,
            0x79, 0xbc,
        ],
    );
    check(
        vec![Vec::<i32>::new()],
        &[
            0x15, 0xc4, 0xb5, 0x1c, 0x01, 0x00, 0x00, 0x00, 0x15, 0xc4, 0xb5, 0x1c, 0x00, 0x00,
            0x00, 0x00,
        ],
    );
}

#[test]
fn boxes_forward_the_bare_encoding() {
    check_bare(Box::new(2i64), &[2, 0, 0, 0, 0, 0, 0, 0]);
    check_bare(Box::new(String::from("ab")), &[0x02, b'a', b'b', 0x00]);
}

#[test]
fn codecs() {
    check_codec::<Boxed, _>(true, &[0xb5, 0x75, 0x72, 0x99]);
    check_codec::<Bare, _>(3i32, &[0x03, 0x00, 0x00, 0x00]);
    check_codec::<Bytes, _>(vec![1u8, 2, 3], &[0x03, 0x01, 0x02, 0x03]);
    check_codec::<Bytes, _>(Vec::new(), &[0x00, 0x00, 0x00, 0x00]);
    check_codec::<LossyString, _>("hi".to_owned(), &[0x02, 0x68, 0x69, 0x00]);
    check_codec::<BareVector<Bare>, _>(
        vec![5i32],
        &[0x01, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00],
    );
    check_codec::<Vector<Bytes>, _>(
        vec![vec![0xaa], vec![]],
        &[
            0x15, 0xc4, 0xb5, 0x1c, 0x02, 0x00, 0x00, 0x00, 0x01, 0xaa, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x00,
        ],
    );
    check_codec::<Vector<BareVector<Bare>>, _>(
        vec![vec![7i64]],
        &[
            0x15, 0xc4, 0xb5, 0x1c, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x07, 0x00,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        ],
    );
}

#[test]
fn vec_impl_equals_boxed_vector_codec() {
    let v = vec!["one".to_owned(), String::new(), "x".repeat(300)];
    let mut via_codec = Vec::new();
    Vector::<Boxed>::write(&v, &mut via_codec);
    assert_eq!(v.to_bytes(), via_codec);
    assert_eq!(v.serialized_len(), via_codec.len());
    let mut r = Reader::new(&via_codec);
    assert_eq!(Vector::<Boxed>::read(&mut r), Ok(v));
}

#[test]
fn io_writer_matches_to_bytes() {
    let v = vec![vec![1i64, -1], vec![], vec![i64::MAX]];
    let mut w = IoWriter::new(Vec::new());
    v.serialize(&mut w);
    assert_eq!(w.finish().expect("Vec never fails"), v.to_bytes());

    let s = "z".repeat(1000);
    let mut w = IoWriter::new(std::io::Cursor::new(Vec::new()));
    s.serialize(&mut w);
    let written = w.finish().expect("cursor never fails").into_inner();
    assert_eq!(written, s.to_bytes());
}

/// A sink that accepts `room` bytes and then fails.
struct Limited {
    room: usize,
    calls_after_error: usize,
}

impl std::io::Write for Limited {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.room == 0 {
            self.calls_after_error += 1;
            return Err(std::io::Error::other("full"));
        }
        let n = buf.len().min(self.room);
        self.room -= n;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn io_writer_keeps_first_error_and_stops() {
    let mut sink = Limited {
        room: 6,
        calls_after_error: 0,
    };
    let v = vec![1i32, 2, 3];
    let err = v.write_to(&mut sink).expect_err("sink fills up");
    assert_eq!(err.to_string(), "full");
    // Only the write that hit the limit touched the sink after it was full.
    assert_eq!(sink.calls_after_error, 1);
}

#[test]
fn reader_position_and_peek() {
    let bytes = [0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0xaa];
    let mut r = Reader::new(&bytes);
    assert_eq!((r.offset(), r.remaining()), (0, 9));
    assert_eq!(r.peek_u32(), Ok(1));
    assert_eq!(r.offset(), 0);
    assert_eq!(r.read_u32(), Ok(1));
    assert_eq!(r.read_array::<4>(), Ok([0x02, 0x00, 0x00, 0x00]));
    assert_eq!((r.offset(), r.remaining()), (8, 1));
    assert_eq!(r.read_raw(1), Ok(&[0xaa][..]));
    assert_eq!(r.read_raw(0), Ok(&[][..]));
    assert_eq!(r.finish(), Ok(()));
}

#[test]
fn tl_bytes_are_borrowed() {
    let bytes = [0x02, 0x10, 0x20, 0x00, 0x05, 0x00, 0x00, 0x00];
    let mut r = Reader::new(&bytes);
    let data = r.read_tl_bytes().expect("valid");
    assert_eq!(data, &[0x10, 0x20]);
    assert!(std::ptr::eq(data.as_ptr(), bytes[1..].as_ptr()));
    assert_eq!(r.offset(), 4);
    assert_eq!(r.read_i32(), Ok(5));
}

/// `True` as a function's answer: the boxed `true#3fedd339` and nothing else.
#[test]
fn unit_is_boxed_true() {
    use tl_runtime::{Deserializable, Serializable};
    assert_eq!(().to_bytes(), [0x39, 0xd3, 0xed, 0x3f]);
    assert_eq!(<()>::from_bytes(&[0x39, 0xd3, 0xed, 0x3f]), Ok(()));
    let err = <()>::from_bytes(&[0xb5, 0x75, 0x72, 0x99]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "unexpected constructor 0x997275b5 for True at offset 0"
    );
}

/// `Vec<u8>` writes `string`/`bytes` through its own faster path; appended
/// after other bytes, every length from 0 to 300 (both prefix forms, every
/// padding) gives the bytes the TL rules give.
#[test]
fn vec_writer_appends_strings_by_the_rules() {
    for len in 0..=300usize {
        let data: Vec<u8> = (0..len).map(|i| (i % 251) as u8 + 1).collect();
        let mut expected = vec![7, 7, 7];
        if len <= 253 {
            expected.push(len as u8);
        } else {
            expected.extend_from_slice(&[0xfe, len as u8, (len >> 8) as u8, 0]);
        }
        expected.extend_from_slice(&data);
        while (expected.len() - 3) % 4 != 0 {
            expected.push(0);
        }
        let mut out = vec![7, 7, 7];
        write_tl_bytes(&mut out, &data);
        assert_eq!(out, expected, "{len} bytes after 3 others");
        let mut streamed = vec![7, 7, 7];
        let mut io = IoWriter::new(&mut streamed);
        write_tl_bytes(&mut io, &data);
        io.finish().expect("Vec never fails");
        assert_eq!(streamed, expected, "{len} bytes through IoWriter");
    }
}
