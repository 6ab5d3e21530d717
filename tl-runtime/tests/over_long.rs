//! `string` and `bytes` values at and past the most a TL length prefix can
//! state (2^24 - 1 = 16,777,215 bytes): the `try_*` methods refuse what TL
//! cannot represent with an exact `EncodeError`, the infallible ones write
//! exactly the cut their documentation describes. Run with
//! `cargo test hostile`.

use std::io;

use tl_runtime::codec::{Bytes, Codec, LossyString, Vector};
use tl_runtime::{
    DecodeError, DecodeErrorKind, Deserializable, EncodeError, MAX_TL_BYTES_LEN, Reader,
    Serializable, Writer,
};

/// 2^24 - 1, written out rather than taken from the crate under test.
const LIMIT: usize = 16_777_215;

/// The long-form prefix of a 16,777,215-byte value: `0xfe`, then the length
/// in 3 little-endian bytes.
const LIMIT_HEADER: [u8; 4] = [0xfe, 0xff, 0xff, 0xff];

/// 4 + 16,777,215 bytes, padded by one zero byte to a multiple of 4.
const LIMIT_ENCODED_LEN: usize = 16_777_220;

/// `len` bytes of a repeating pattern, so that a cut or a shift shows.
fn pattern(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i % 251) as u8).collect()
}

/// `len` ASCII letters of a repeating pattern.
fn text(len: usize) -> String {
    (0..len).map(|i| (b'a' + (i % 26) as u8) as char).collect()
}

/// The encoding of exactly 16,777,215 bytes of `data`: header, data, one
/// zero byte of padding.
fn encoded_at_limit(data: &[u8]) -> Vec<u8> {
    assert_eq!(data.len(), LIMIT);
    let mut out = Vec::with_capacity(LIMIT_ENCODED_LEN);
    out.extend_from_slice(&LIMIT_HEADER);
    out.extend_from_slice(data);
    out.push(0);
    out
}

fn too_long(len: usize, offset: usize) -> EncodeError {
    EncodeError::TooLong {
        len,
        limit: LIMIT,
        offset,
    }
}

/// A struct with a `bytes` field, encoded as generated code encodes one: with
/// the `codec::Bytes` codec.
#[derive(Debug, PartialEq)]
struct Blob(Vec<u8>);

impl Serializable for Blob {
    fn serialize<W: Writer + ?Sized>(&self, out: &mut W) {
        Bytes::write(&self.0, out);
    }
}

impl Deserializable for Blob {
    fn deserialize(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Bytes::read(r).map(Blob)
    }
}

/// A struct with a `Vector<bytes>` field, as generated code encodes one.
#[derive(Debug, PartialEq)]
struct Blobs(Vec<Vec<u8>>);

impl Serializable for Blobs {
    fn serialize<W: Writer + ?Sized>(&self, out: &mut W) {
        Vector::<Bytes>::write(&self.0, out);
    }
}

/// Every encoding method of `value`, which TL can represent, gives
/// `expected`.
fn assert_encodes<T: Serializable>(value: &T, expected: &[u8]) {
    assert_eq!(value.serialized_len(), expected.len());
    assert!(value.to_bytes() == expected, "to_bytes");
    assert!(value.try_to_bytes().unwrap() == expected, "try_to_bytes");
    let mut buffer = vec![9, 9];
    value.try_extend(&mut buffer).unwrap();
    assert!(
        buffer[..2] == [9, 9] && buffer[2..] == *expected,
        "try_extend"
    );
    let mut out = Vec::new();
    value.try_serialize(&mut out).unwrap();
    assert!(out == expected, "try_serialize");
    let mut out = Vec::new();
    value.try_write_to(&mut out).unwrap();
    assert!(out == expected, "try_write_to");
}

/// Every fallible method refuses `value` with `error` and writes nothing;
/// every infallible one writes `cut`.
fn assert_refused<T: Serializable>(value: &T, error: &EncodeError, cut: &[u8]) {
    assert_eq!(value.try_to_bytes().as_ref(), Err(error));
    let mut buffer = vec![9, 9];
    assert_eq!(value.try_extend(&mut buffer).as_ref(), Err(error));
    assert_eq!(buffer, [9, 9]);
    assert_eq!(value.try_serialize(&mut buffer).as_ref(), Err(error));
    assert_eq!(buffer, [9, 9]);
    let mut sink = Vec::new();
    let err = value.try_write_to(&mut sink).unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
    assert_eq!(
        err.get_ref().and_then(|e| e.downcast_ref::<EncodeError>()),
        Some(error)
    );
    assert!(sink.is_empty(), "try_write_to wrote {} bytes", sink.len());

    // The infallible path: the documented cut, of the length
    // `serialized_len` announced, with no sign of the loss.
    assert_eq!(value.serialized_len(), cut.len());
    assert!(value.to_bytes() == cut, "to_bytes");
    let mut out = Vec::new();
    value.serialize(&mut out);
    assert!(out == cut, "serialize");
    let mut out = Vec::new();
    value.write_to(&mut out).unwrap();
    assert!(out == cut, "write_to");
}

#[test]
fn hostile_string_of_exactly_the_limit_round_trips() {
    let value = text(LIMIT);
    let expected = encoded_at_limit(value.as_bytes());
    assert_eq!(expected.len(), LIMIT_ENCODED_LEN);
    assert_encodes(&value, &expected);
    assert!(String::from_bytes(&expected).unwrap() == value);
}

#[test]
fn hostile_bytes_of_exactly_the_limit_round_trip() {
    let value = Blob(pattern(LIMIT));
    let expected = encoded_at_limit(&value.0);
    assert_encodes(&value, &expected);
    assert!(Blob::from_bytes(&expected).unwrap() == value);
}

#[test]
fn hostile_string_one_past_the_limit() {
    let value = text(LIMIT + 1);
    assert_eq!(value.len(), 16_777_216);
    let error = too_long(16_777_216, 0);
    assert_eq!(
        error.to_string(),
        "a string or bytes value of 16777216 bytes at offset 0 is longer than TL's limit of 16777215 bytes"
    );
    // Cut: the first 16,777,215 bytes, as if they were the whole value.
    let cut = encoded_at_limit(&value.as_bytes()[..LIMIT]);
    assert_refused(&value, &error, &cut);
    // It decodes, to a different (shorter) value.
    assert!(String::from_bytes(&cut).unwrap() == value[..LIMIT]);
}

#[test]
fn hostile_bytes_one_past_the_limit() {
    let value = Blob(pattern(LIMIT + 1));
    let cut = encoded_at_limit(&value.0[..LIMIT]);
    assert_refused(&value, &too_long(16_777_216, 0), &cut);
    assert!(Blob::from_bytes(&cut).unwrap().0 == value.0[..LIMIT]);
}

/// The cut of a `string` can fall inside a UTF-8 character: the output then
/// fails strict decoding and decodes lossily with U+FFFD at the end, as the
/// documentation warns.
#[test]
fn hostile_string_cut_inside_a_character() {
    let mut value = "a".repeat(LIMIT - 1);
    value.push('é'); // 0xc3 0xa9: the cut keeps 0xc3 only.
    assert_eq!(value.len(), 16_777_216);
    let mut data = vec![b'a'; LIMIT - 1];
    data.push(0xc3);
    let cut = encoded_at_limit(&data);
    assert_refused(&value, &too_long(16_777_216, 0), &cut);
    assert_eq!(
        String::from_bytes(&cut),
        Err(DecodeError {
            offset: 0,
            expected: "string",
            kind: DecodeErrorKind::InvalidUtf8,
        })
    );
    let mut r = Reader::new(&cut);
    let lossy: String = LossyString::read(&mut r).unwrap();
    assert_eq!(r.finish(), Ok(()));
    assert!(lossy.len() == LIMIT - 1 + 3 && lossy.ends_with("a\u{fffd}"));
}

/// Inside vectors, after other values: the error gives the offset where the
/// value would have started, and only the first of two is reported.
#[test]
fn hostile_over_long_values_inside_vectors() {
    let long = text(LIMIT + 1);
    let value = vec![
        vec!["x".to_owned()],
        vec!["ok".to_owned(), long.clone(), text(LIMIT + 2)],
    ];
    // Outer id and count (8), first inner vector (8 + 4 for "x"), second
    // inner vector's id and count (8), "ok" (4): 32.
    let cut = [
        &[0x15, 0xc4, 0xb5, 0x1c, 2, 0, 0, 0][..],
        &[0x15, 0xc4, 0xb5, 0x1c, 1, 0, 0, 0, 1, b'x', 0, 0],
        &[0x15, 0xc4, 0xb5, 0x1c, 3, 0, 0, 0, 2, b'o', b'k', 0],
        &encoded_at_limit(&long.as_bytes()[..LIMIT]),
        &encoded_at_limit(&text(LIMIT + 2).as_bytes()[..LIMIT]),
    ]
    .concat();
    assert_refused(&value, &too_long(16_777_216, 32), &cut);

    let blobs = Blobs(vec![vec![1, 2, 3], pattern(LIMIT + 1)]);
    let cut = [
        &[0x15, 0xc4, 0xb5, 0x1c, 2, 0, 0, 0, 3, 1, 2, 3][..],
        &encoded_at_limit(&blobs.0[1][..LIMIT]),
    ]
    .concat();
    assert_refused(&blobs, &too_long(16_777_216, 12), &cut);
}

/// After a refusal the same buffer takes the next value as usual.
#[test]
fn hostile_refusal_leaves_the_buffer_usable() {
    let mut buffer = vec![1, 2, 3];
    let refused = vec!["ok".to_owned(), text(LIMIT + 1)];
    assert_eq!(
        refused.try_extend(&mut buffer),
        Err(too_long(16_777_216, 12))
    );
    assert_eq!(buffer, [1, 2, 3]);
    vec!["ok".to_owned()].try_extend(&mut buffer).unwrap();
    assert_eq!(
        buffer,
        [
            1, 2, 3, 0x15, 0xc4, 0xb5, 0x1c, 1, 0, 0, 0, 2, b'o', b'k', 0
        ]
    );
}

/// Every `string` and `bytes` goes through `Writer::write_tl_bytes`, so a
/// writer of one's own can see (and refuse) them; everything else comes
/// through `write_bytes`.
#[test]
fn writers_see_every_string_and_bytes_value() {
    #[derive(Default)]
    struct Recording {
        tl_bytes: Vec<Vec<u8>>,
        other: Vec<u8>,
    }
    impl Writer for Recording {
        fn write_bytes(&mut self, bytes: &[u8]) {
            self.other.extend_from_slice(bytes);
        }
        fn write_tl_bytes(&mut self, data: &[u8]) {
            self.tl_bytes.push(data.to_vec());
        }
    }
    let mut out = Recording::default();
    vec!["ab".to_owned(), String::new()].serialize(&mut out);
    Blob(vec![7; 300]).serialize(&mut out);
    assert_eq!(out.tl_bytes, [b"ab".to_vec(), Vec::new(), vec![7; 300]]);
    assert_eq!(out.other, [0x15, 0xc4, 0xb5, 0x1c, 2, 0, 0, 0]);
}

#[test]
fn the_limit_is_two_to_the_24_minus_one() {
    assert_eq!(MAX_TL_BYTES_LEN, LIMIT);
}
