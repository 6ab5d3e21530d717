//! The boxed encoding the runtime gives every `Identifiable` type with a bare
//! one (what generated constructor structs rely on), on a constructor written
//! by hand: `test.point#0a0b0c0d x:int y:int = test.Point;`.

use tl_runtime::{
    BareDeserializable, BareSerializable, DecodeError, DecodeErrorKind, Deserializable,
    Identifiable, Reader, Serializable, Writer,
};

#[derive(Debug, PartialEq)]
struct Point {
    x: i32,
    y: i32,
}

impl Identifiable for Point {
    const CONSTRUCTOR_ID: u32 = 0x0a0b_0c0d;
    const TL_NAME: &'static str = "test.point";
}

impl BareSerializable for Point {
    fn serialize_bare<W: Writer + ?Sized>(&self, out: &mut W) {
        out.write_i32(self.x);
        out.write_i32(self.y);
    }
}

impl BareDeserializable for Point {
    fn deserialize_bare(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Point {
            x: r.read_i32()?,
            y: r.read_i32()?,
        })
    }
}

const BOXED: [u8; 12] = [
    0x0d, 0x0c, 0x0b, 0x0a, // the id, little-endian
    0x07, 0x00, 0x00, 0x00, // x = 7
    0xfe, 0xff, 0xff, 0xff, // y = -2
];

#[test]
fn boxed_encoding_is_the_id_then_the_bare_encoding() {
    let p = Point { x: 7, y: -2 };
    assert_eq!(p.to_bytes(), BOXED);
    assert_eq!(p.serialized_len(), 12);
    assert_eq!(p.try_to_bytes(), Ok(BOXED.to_vec()));
    let mut bare = Vec::new();
    p.serialize_bare(&mut bare);
    assert_eq!(bare, BOXED[4..]);
}

#[test]
fn boxed_decoding_checks_the_id() {
    assert_eq!(Point::from_bytes(&BOXED), Ok(Point { x: 7, y: -2 }));

    let mut wrong = BOXED;
    wrong[0] = 0x0e;
    let e = Point::from_bytes(&wrong).expect_err("another constructor's id");
    assert_eq!(e.offset, 0);
    assert_eq!(e.expected, "test.point");
    assert_eq!(e.kind, DecodeErrorKind::UnexpectedConstructor(0x0a0b_0c0e));
    assert_eq!(
        e.to_string(),
        "unexpected constructor 0x0a0b0c0e for test.point at offset 0"
    );
}

#[test]
fn boxed_decoding_of_a_cut_id_names_the_constructor() {
    let e = Point::from_bytes(&BOXED[..2]).expect_err("two bytes of an id");
    assert_eq!(e.offset, 0);
    assert_eq!(e.expected, "test.point");
    assert_eq!(
        e.kind,
        DecodeErrorKind::UnexpectedEof {
            needed: 4,
            available: 2
        }
    );
}
