//! Zero-copy `string`/`bytes` values (feature `zero-copy`): read through
//! `Reader::shared` they are slices of the input buffer; through
//! `Reader::new` copies; either way they encode as `String`/`Vec<u8>` do.
#![cfg(feature = "zero-copy")]

use tl_runtime::codec::{Codec, LossyString};
use tl_runtime::shared::{ByteString, Bytes};
use tl_runtime::{DecodeError, DecodeErrorKind, Deserializable, Reader, Serializable};

/// Whether `inner` lies inside `outer`'s memory.
fn inside(inner: &[u8], outer: &[u8]) -> bool {
    let outer = outer.as_ptr_range();
    let inner = inner.as_ptr_range();
    outer.start <= inner.start && inner.end <= outer.end
}

/// `"hello"` then `bytes` `01 02 03`, each with its padding.
const TWO_VALUES: [u8; 12] = [5, b'h', b'e', b'l', b'l', b'o', 0, 0, 3, 1, 2, 3];

#[test]
fn shared_reads_are_slices_of_the_buffer() {
    let buffer = Bytes::from(TWO_VALUES.to_vec());
    let mut r = Reader::shared(&buffer);
    let text = r.read_shared_string().unwrap();
    let data = r.read_shared_bytes().unwrap();
    assert_eq!(r.finish(), Ok(()));
    assert_eq!(&*text, "hello");
    assert_eq!(&data[..], [1, 2, 3]);
    assert!(inside(text.as_bytes(), &buffer));
    assert!(inside(&data, &buffer));
    // The values keep the buffer alive on their own.
    drop(buffer);
    assert_eq!(&*text, "hello");
}

#[test]
fn plain_reads_are_copies() {
    let mut r = Reader::new(&TWO_VALUES);
    let text = r.read_shared_string().unwrap();
    let data = r.read_shared_bytes().unwrap();
    assert_eq!((&*text, &data[..]), ("hello", &[1u8, 2, 3][..]));
    assert!(!inside(text.as_bytes(), &TWO_VALUES));
    assert!(!inside(&data, &TWO_VALUES));
}

#[test]
fn invalid_utf8_is_refused_where_the_string_starts() {
    let buffer = Bytes::from_static(&[0, 0, 0, 0, 2, 0xc3, 0x28, 0]);
    let mut r = Reader::shared(&buffer);
    r.read_u32().unwrap();
    assert_eq!(
        r.read_shared_string(),
        Err(DecodeError {
            offset: 4,
            expected: "string",
            kind: DecodeErrorKind::InvalidUtf8,
        })
    );
    // The cursor is back at the string: it can be read as bytes instead.
    assert_eq!(&r.read_shared_bytes().unwrap()[..], [0xc3, 0x28]);
}

#[test]
fn lossy_strings_share_valid_text_and_repair_the_rest() {
    let buffer = Bytes::from_static(&[2, 0xc3, 0x28, 0, 2, b'o', b'k', 0]);
    let mut r = Reader::shared(&buffer);
    let repaired: ByteString = LossyString::read(&mut r).unwrap();
    let valid: ByteString = LossyString::read(&mut r).unwrap();
    assert_eq!(r.finish(), Ok(()));
    assert_eq!(&*repaired, "\u{fffd}(");
    assert_eq!(&*valid, "ok");
    assert!(inside(valid.as_bytes(), &buffer));
    let mut out = Vec::new();
    LossyString::write(&valid, &mut out);
    assert_eq!(out, [2, b'o', b'k', 0]);
}

#[test]
fn encodings_are_those_of_string_and_vec() {
    let text = ByteString::from("hello");
    assert_eq!(text.to_bytes(), TWO_VALUES[..8]);
    assert_eq!(text.serialized_len(), 8);
    let data = Bytes::from_static(&[1, 2, 3]);
    assert_eq!(data.to_bytes(), TWO_VALUES[8..]);
    // 254 bytes take the long prefix: fe, 3 length bytes, data, 2 of padding.
    let long = Bytes::from(vec![7u8; 254]);
    let mut expected = vec![0xfe, 254, 0, 0];
    expected.extend([7u8; 254]);
    expected.extend([0, 0]);
    assert_eq!(long.to_bytes(), expected);
    assert_eq!(Bytes::from_shared(&Bytes::from(expected)), Ok(long));
}

#[test]
fn boxed_vectors_of_shared_strings() {
    let buffer = Bytes::from_static(&[
        0x15, 0xc4, 0xb5, 0x1c, 2, 0, 0, 0, 1, b'a', 0, 0, 2, b'b', b'c', 0,
    ]);
    let values = Vec::<ByteString>::from_shared(&buffer).unwrap();
    assert_eq!(values, ["a", "bc"]);
    assert!(values.iter().all(|v| inside(v.as_bytes(), &buffer)));
    assert_eq!(values.to_bytes(), buffer);
    assert_eq!(
        Vec::<ByteString>::from_bytes(&buffer).unwrap(),
        values,
        "from_bytes copies but decodes the same"
    );
}
