//! Reading TDLib's JSON by the generated table: what the `Deserialize`
//! impls of the generated types call when the table describes them.
//!
//! A `Deserialize` written out per struct is a function body per type,
//! checked by the compiler for every type of `td_api.tl` and compiled again
//! for every deserializer it is used with; here the reading lives in the
//! runtime, compiled once. An object is read by its type's record in the
//! generated [`Layer`] table into the type's binary TL encoding, which the
//! type's own decoder then reads: fields in any order (TDLib writes them in
//! the schema's), unknown keys skipped, a missing number, `Bool`, string,
//! `bytes` or vector read as TDLib reads it (0, `false`, empty; an `int128`
//! or `int256`, an array of numbers, as zeros), a missing
//! nullable value as `None`, a missing object that may not be null an error
//! naming the field. Values are read in the forms of [`super`]'s table
//! (`int64` from a string or a number, `bytes` from base64), with the same
//! errors as the impls written out per type.
//!
//! The one limit the binary encoding adds: a `string` or `bytes` value
//! longer than [`MAX_TL_BYTES_LEN`] bytes (16 MiB) is an error, since TL
//! cannot carry it.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::form::{Base64, Int64, JsonForm};
use super::tagged::with_tag;
use crate::error::DecodeError;
use crate::ids;
use crate::reader::Reader;
use crate::table::{Kind, Layer, Record, Ty};
use crate::traits::{BareDeserializable, Deserializable, Identifiable};
use crate::writer::{MAX_TL_BYTES_LEN, Writer};

/// What the encoding of an object read or written starts with room for:
/// most of what TDLib sends (an update, an answer) and most requests fit
/// without growing.
pub(super) const ENCODING_CAPACITY: usize = 256;

/// The error for a type the table does not describe as the generated impl
/// said it would (only a table edited by hand gets here).
fn not_described<E: de::Error>(what: impl fmt::Display) -> E {
    E::custom(format_args!("the generated table does not describe {what}"))
}

/// Reads a constructor struct from a JSON object: what the generated
/// `Deserialize` of a described constructor calls.
pub fn read_bare<'de, T, D>(deserializer: D, layer: &'static Layer) -> Result<T, D::Error>
where
    T: Identifiable + BareDeserializable,
    D: Deserializer<'de>,
{
    let record = layer.parsed().constructors.get(&T::CONSTRUCTOR_ID);
    let encoded = object_encoding::<T, D>(deserializer, layer, record, None)?;
    decode(&encoded, T::deserialize_bare)
}

/// Reads a function struct from a JSON object: what the generated
/// `Deserialize` of a described function calls.
pub fn read_function<'de, T, D>(deserializer: D, layer: &'static Layer) -> Result<T, D::Error>
where
    T: Identifiable + Deserializable,
    D: Deserializer<'de>,
{
    let record = layer.parsed().functions.get(&T::CONSTRUCTOR_ID);
    let encoded = object_encoding::<T, D>(deserializer, layer, record, Some(T::CONSTRUCTOR_ID))?;
    decode(&encoded, T::deserialize)
}

/// The encoding of the object `deserializer` reads by `record` (the
/// record of `T`), after `id` when given.
fn object_encoding<'de, T: Identifiable, D: Deserializer<'de>>(
    deserializer: D,
    layer: &'static Layer,
    record: Option<&'static Record>,
    id: Option<u32>,
) -> Result<Vec<u8>, D::Error> {
    let record = record.ok_or_else(|| not_described(T::TL_NAME))?;
    let mut out = Vec::with_capacity(ENCODING_CAPACITY);
    if let Some(id) = id {
        out.write_u32(id);
    }
    deserializer.deserialize_map(Object {
        layer,
        record,
        out: &mut out,
    })?;
    Ok(out)
}

/// Reads the rest of an object whose `@type` was `tag` as a value of the
/// boxed type `type_name`: what the generated
/// [`super::TaggedUnion::deserialize_body`] of a described type calls. A
/// tag that names no constructor of the type is the error
/// `unknown @type "tag" for type_name`.
pub fn read_boxed<'de, T, D>(
    tag: &str,
    body: D,
    layer: &'static Layer,
    type_name: &str,
) -> Result<T, D::Error>
where
    T: Deserializable,
    D: Deserializer<'de>,
{
    decode(
        &tagged_encoding(tag, body, layer, Union::Boxed(type_name))?,
        T::deserialize,
    )
}

/// [`read_boxed`] for the union of every constructor (`AnyObject`).
pub fn read_any_object<'de, T, D>(tag: &str, body: D, layer: &'static Layer) -> Result<T, D::Error>
where
    T: Deserializable,
    D: Deserializer<'de>,
{
    decode(
        &tagged_encoding(tag, body, layer, Union::AnyObject)?,
        T::deserialize,
    )
}

/// [`read_boxed`] for the union of every function (`AnyFunction`).
pub fn read_any_function<'de, T, D>(
    tag: &str,
    body: D,
    layer: &'static Layer,
) -> Result<T, D::Error>
where
    T: Deserializable,
    D: Deserializer<'de>,
{
    decode(
        &tagged_encoding(tag, body, layer, Union::AnyFunction)?,
        T::deserialize,
    )
}

/// The boxed encoding of the object whose `@type` is `tag` and whose other
/// keys `body` reads.
fn tagged_encoding<'de, D: Deserializer<'de>>(
    tag: &str,
    body: D,
    layer: &'static Layer,
    union: Union<'_>,
) -> Result<Vec<u8>, D::Error> {
    let mut out = Vec::with_capacity(ENCODING_CAPACITY);
    tagged_body(tag, body, layer, union, &mut out)?;
    Ok(out)
}

/// Decodes what an object was read into; the table and the decoders come
/// from the same generation, so this fails only on a table edited by hand.
fn decode<T, E: de::Error>(
    encoded: &[u8],
    read: impl FnOnce(&mut Reader<'_>) -> Result<T, DecodeError>,
) -> Result<T, E> {
    let mut reader = Reader::new(encoded);
    match read(&mut reader) {
        Ok(value) if reader.remaining() == 0 => Ok(value),
        Ok(_) => Err(E::custom(
            "the generated table and decoder disagree: bytes left over",
        )),
        Err(e) => Err(E::custom(format_args!(
            "the generated table and decoder disagree: {e}"
        ))),
    }
}

/// Which constructors (or functions) an `@type` may name.
#[derive(Clone, Copy)]
enum Union<'a> {
    /// The constructors of the boxed type of this TL name.
    Boxed(&'a str),
    AnyObject,
    AnyFunction,
}

impl fmt::Display for Union<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Union::Boxed(name) => name,
            Union::AnyObject => "AnyObject",
            Union::AnyFunction => "AnyFunction",
        })
    }
}

/// Writes the boxed encoding of the object whose `@type` is `tag` and whose
/// other keys `body` reads.
fn tagged_body<'de, D: Deserializer<'de>>(
    tag: &str,
    body: D,
    layer: &'static Layer,
    union: Union<'_>,
    out: &mut Vec<u8>,
) -> Result<(), D::Error> {
    let parsed = layer.parsed();
    let (names, records) = match union {
        Union::AnyFunction => (&parsed.function_names, &parsed.functions),
        _ => (&parsed.constructor_names, &parsed.constructors),
    };
    let found = names.get(tag).and_then(|id| {
        let record = records.get(id)?;
        match union {
            Union::Boxed(name) if record.type_name != name => None,
            _ => Some((*id, record)),
        }
    });
    let Some((id, record)) = found else {
        return Err(de::Error::custom(format_args!(
            "unknown @type {tag:?} for {union}"
        )));
    };
    out.write_u32(id);
    body.deserialize_map(Object { layer, record, out })
}

/// Reads an object by `record` into `out`: its fields' encodings in wire
/// order.
struct Object<'o> {
    layer: &'static Layer,
    record: &'static Record,
    out: &'o mut Vec<u8>,
}

impl<'de> Visitor<'de> for Object<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object of TL type {}", self.record.tl_name)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let fields = &self.record.fields;
        let base = self.out.len();
        // Where each value read went (field, start, end); only looked at
        // when the keys did not come in wire order, each once.
        let mut spans = Spans::default();
        let mut next = 0;
        let mut in_order = true;
        while let Some(key) = map.next_key_seed(Key(fields))? {
            let Some(i) = key else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            let Some((_, Kind::Value { ty, flag: None, .. })) = fields.get(i) else {
                return Err(not_described(format_args!(
                    "field {i} of {} as TDLib's JSON",
                    self.record.tl_name
                )));
            };
            let start = self.out.len();
            map.next_value_seed(Value {
                layer: self.layer,
                ty,
                out: self.out,
            })?;
            if in_order && i == next {
                next += 1;
            } else {
                in_order = false;
            }
            spans.push((i, start, self.out.len()));
        }
        if in_order && next == fields.len() {
            return Ok(());
        }
        // Out of order, repeated (the last one counts, as serde's derive
        // has it) or missing: put the values in wire order.
        let read = self.out.split_off(base);
        for (i, (key, kind)) in fields.iter().enumerate() {
            match spans.last_of(i) {
                Some((_, start, end)) => self
                    .out
                    .extend_from_slice(read.get(start - base..end - base).unwrap_or_default()),
                None => missing(key, kind, self.out)?,
            }
        }
        Ok(())
    }
}

/// Where each value of an object went: `(field, start, end)`, the first
/// [`Spans::INLINE`] without allocating (most objects have fewer fields).
#[derive(Default)]
struct Spans {
    inline: [(usize, usize, usize); Spans::INLINE],
    len: usize,
    more: Vec<(usize, usize, usize)>,
}

impl Spans {
    const INLINE: usize = 8;

    fn push(&mut self, span: (usize, usize, usize)) {
        match self.inline.get_mut(self.len) {
            Some(slot) => {
                *slot = span;
                self.len += 1;
            }
            None => self.more.push(span),
        }
    }

    /// The last span of `field`.
    fn last_of(&self, field: usize) -> Option<(usize, usize, usize)> {
        let inline = self.inline.get(..self.len).unwrap_or_default();
        self.more
            .iter()
            .rev()
            .chain(inline.iter().rev())
            .find(|s| s.0 == field)
            .copied()
    }
}

/// Writes the value a missing field reads as, or fails for an object that
/// may not be null.
fn missing<E: de::Error>(key: &'static str, kind: &Kind<'_>, out: &mut Vec<u8>) -> Result<(), E> {
    let Kind::Value { ty, flag: None, .. } = kind else {
        return Err(not_described(format_args!("field {key} as TDLib's JSON")));
    };
    match ty {
        Ty::Int | Ty::Nat => out.write_u32(0),
        Ty::Long | Ty::Int53 | Ty::Double => out.write_i64(0),
        Ty::String | Ty::Bytes => out.write_u32(0),
        Ty::Bool | Ty::Nullable(_) => out.write_u32(ids::BOOL_FALSE),
        Ty::Vector(boxed, _) => {
            if *boxed {
                out.write_u32(ids::VECTOR);
            }
            out.write_u32(0);
        }
        Ty::ByteArray(n) => out.resize(out.len() + n, 0),
        Ty::Boxed(_) | Ty::Bare(_) => return Err(E::missing_field(key)),
    }
    Ok(())
}

/// A key of an object, looked up among its record's fields: the field's
/// index, `None` for `@type` and keys the record does not have.
struct Key<'r>(&'r [(&'static str, Kind<'static>)]);

impl<'de> DeserializeSeed<'de> for Key<'_> {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for Key<'_> {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(self.0.iter().position(|(name, _)| *name == v))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Self::Value, E> {
        Ok(self.0.iter().position(|(name, _)| name.as_bytes() == v))
    }
}

/// A value of type `ty`, written into `out` in its binary encoding.
struct Value<'o> {
    layer: &'static Layer,
    ty: &'static Ty<'static>,
    out: &'o mut Vec<u8>,
}

impl<'de> DeserializeSeed<'de> for Value<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        use serde::Deserialize as De;
        let Value { layer, ty, out } = self;
        match ty {
            Ty::Int => out.write_i32(<i32 as De>::deserialize(deserializer)?),
            Ty::Nat => out.write_u32(<u32 as De>::deserialize(deserializer)?),
            Ty::Int53 => out.write_i64(<i64 as De>::deserialize(deserializer)?),
            Ty::Long => out.write_i64(<Int64 as JsonForm<i64>>::deserialize(deserializer)?),
            Ty::Double => out.write_f64(<f64 as De>::deserialize(deserializer)?),
            Ty::Bool => out.write_u32(if <bool as De>::deserialize(deserializer)? {
                ids::BOOL_TRUE
            } else {
                ids::BOOL_FALSE
            }),
            Ty::String => deserializer.deserialize_str(Text(out))?,
            Ty::Bytes => write_data(
                out,
                &<Base64 as JsonForm<Vec<u8>>>::deserialize(deserializer)?,
            )?,
            Ty::Vector(boxed, elem) => {
                if *boxed {
                    out.write_u32(ids::VECTOR);
                }
                deserializer.deserialize_seq(Seq { layer, elem, out })?;
            }
            Ty::Nullable(inner) => {
                deserializer.deserialize_option(Nullable { layer, inner, out })?
            }
            Ty::Boxed(type_name) => deserializer.deserialize_map(Tagged {
                layer,
                union: Union::Boxed(type_name),
                out,
            })?,
            Ty::Bare(id) => {
                let record = layer
                    .parsed()
                    .constructors
                    .get(id)
                    .ok_or_else(|| not_described(format_args!("constructor {id:#010x}")))?;
                deserializer.deserialize_map(Object { layer, record, out })?;
            }
            // As serde reads `[u8; N]`: a tuple of N numbers.
            Ty::ByteArray(n) => deserializer.deserialize_tuple(*n, ByteArray { n: *n, out })?,
        }
        Ok(())
    }
}

/// Writes `data` as a TL `string`/`bytes`, or fails when TL cannot carry it.
fn write_data<E: de::Error>(out: &mut Vec<u8>, data: &[u8]) -> Result<(), E> {
    if data.len() > MAX_TL_BYTES_LEN {
        return Err(E::custom(format_args!(
            "a value of {} bytes, longer than the {MAX_TL_BYTES_LEN} a TL string or bytes value carries",
            data.len()
        )));
    }
    out.write_tl_bytes(data);
    Ok(())
}

/// A `string`, written as it is read.
struct Text<'o>(&'o mut Vec<u8>);

impl Visitor<'_> for Text<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        write_data(self.0, v.as_bytes())
    }
}

/// A vector's elements: the count, then each.
struct Seq<'o> {
    layer: &'static Layer,
    elem: &'static Ty<'static>,
    out: &'o mut Vec<u8>,
}

impl<'de> Visitor<'de> for Seq<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // As the impls written out per type said it: serde's `Vec` for
        // elements in their own serde form, `VecOf` for the others.
        f.write_str(if has_form(self.elem) {
            "an array"
        } else {
            "a sequence"
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let count_at = self.out.len();
        self.out.write_u32(0);
        let mut count: u32 = 0;
        while seq
            .next_element_seed(Value {
                layer: self.layer,
                ty: self.elem,
                out: self.out,
            })?
            .is_some()
        {
            count = count
                .checked_add(1)
                .ok_or_else(|| de::Error::custom("more elements than a TL vector holds"))?;
        }
        if let Some(slot) = self.out.get_mut(count_at..count_at + 4) {
            slot.copy_from_slice(&count.to_le_bytes());
        }
        Ok(())
    }
}

/// Whether values of `ty` are read in a form of [`super`] rather than their
/// own serde form.
fn has_form(ty: &Ty<'_>) -> bool {
    match ty {
        Ty::Long | Ty::Bytes => true,
        Ty::Vector(_, elem) => has_form(elem),
        _ => false,
    }
}

/// `int128` or `int256`: `n` numbers of a byte each, written as they are.
struct ByteArray<'o> {
    n: usize,
    out: &'o mut Vec<u8>,
}

impl<'de> Visitor<'de> for ByteArray<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an array of length {}", self.n)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        for i in 0..self.n {
            match seq.next_element::<u8>()? {
                Some(byte) => self.out.push(byte),
                None => return Err(de::Error::invalid_length(i, &self)),
            }
        }
        Ok(())
    }
}

/// TDLib's nullable value: `null` (or nothing) is `None`.
struct Nullable<'o> {
    layer: &'static Layer,
    inner: &'static Ty<'static>,
    out: &'o mut Vec<u8>,
}

impl<'de> Visitor<'de> for Nullable<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("option")
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.out.write_u32(ids::BOOL_FALSE);
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.visit_none()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        self.out.write_u32(ids::BOOL_TRUE);
        Value {
            layer: self.layer,
            ty: self.inner,
            out: self.out,
        }
        .deserialize(deserializer)
    }
}

/// A value of a boxed type: an object read by its `@type`.
struct Tagged<'o> {
    layer: &'static Layer,
    union: Union<'static>,
    out: &'o mut Vec<u8>,
}

impl<'de> Visitor<'de> for Tagged<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object of TL type {}", self.union)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let Tagged { layer, union, out } = self;
        with_tag(map, &union, |tag, body| {
            tagged_body(tag, body, layer, union, out)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::test_point::{POINT, Point, layer};

    /// `text` read as a [`Point`] by a table of `records`, whose
    /// constructors are `constructors`.
    fn read(text: &str, records: &str, constructors: &'static [u32]) -> Result<Point, String> {
        let mut de = serde_json::Deserializer::from_str(text);
        read_bare::<Point, _>(&mut de, layer(records, constructors)).map_err(|e| e.to_string())
    }

    #[test]
    fn reads_by_the_record() {
        let point = Point {
            x: 5,
            label: "a".to_owned(),
        };
        assert_eq!(read(r#"{"x":5,"label":"a"}"#, POINT, &[7, 0]), Ok(point));
        let point = Point {
            x: 0,
            label: "b".to_owned(),
        };
        assert_eq!(
            read(r#"{"label":"b","@type":"point"}"#, POINT, &[7, 0]),
            Ok(point)
        );
    }

    /// A table that does not fit the type is an error, never a panic
    /// (failures of the decoder come after the object was read: no
    /// position).
    #[test]
    fn a_table_that_does_not_fit_is_an_error() {
        for (record, text, expected) in [
            (
                "Other - 0 other Other 0\n",
                "{}",
                "the generated table and decoder disagree: unexpected end of input while reading int at offset 0: needed 4 bytes, 0 available",
            ),
            (
                "Point - 0 point Point 1 x v 1 i\n",
                r#"{"x":1}"#,
                "the generated table and decoder disagree: unexpected end of input while reading string at offset 4: needed 1 bytes, 0 available",
            ),
            (
                "Point - 0 point Point 3 x v 1 i label v 1 s y v 1 i\n",
                r#"{"x":1}"#,
                "the generated table and decoder disagree: bytes left over",
            ),
            (
                "Point - 0 point Point 2 flags f x v 1 i\n",
                r#"{"flags":1}"#,
                "the generated table does not describe field 0 of point as TDLib's JSON at line 1 column 8",
            ),
            (
                "Point - 0 point Point 2 flags f x v 1 i\n",
                "{}",
                "the generated table does not describe field flags as TDLib's JSON at line 1 column 2",
            ),
        ] {
            assert_eq!(
                read(text, record, &[7, 0]),
                Err(expected.to_owned()),
                "{record}"
            );
        }
        // No record of the type's id at all.
        assert_eq!(
            read("{}", POINT, &[8, 0]),
            Err("the generated table does not describe point".to_owned())
        );
    }
}
