//! Writing TDLib's JSON by the generated table: what the `Serialize` impls
//! of the generated types call when the table describes them.
//!
//! The mirror of [`super::read_bare`]: instead of a `Serialize` body per
//! type (checked by the compiler for every type of `td_api.tl`, and
//! compiled again for every serializer), the value writes its encoding,
//! and the runtime writes that as JSON by the type's record: `@type` first,
//! then the fields in wire order under their JSON keys, in the forms of
//! [`super`]'s table (`int64` as a string, `bytes` as base64, `int53` as a
//! number), a nullable field left out when it is `None` (`null` inside a
//! vector). The encoding is the one `PartialEq` and `Debug` walk (a
//! `string` or `bytes` value kept whole), so any value is written, however
//! long its strings.

use std::cell::RefCell;
use std::fmt;

use serde::ser::{self, Serialize, SerializeSeq, SerializeStruct, SerializeTuple, Serializer};

use super::form::serialize_base64;
use super::table::ENCODING_CAPACITY;
use crate::equal::Recorder;
use crate::error::DecodeError;
use crate::ids;
use crate::reader::Reader;
use crate::table::{Kind, Layer, Record, Ty};
use crate::traits::{BareSerializable, Identifiable, Serializable};

/// Writes a constructor struct as a JSON object: what the generated
/// `Serialize` of a described constructor calls.
pub fn write_bare<T, S>(value: &T, layer: &'static Layer, serializer: S) -> Result<S::Ok, S::Error>
where
    T: Identifiable + BareSerializable + ?Sized,
    S: Serializer,
{
    let record = layer.parsed().constructors.get(&T::CONSTRUCTOR_ID);
    let record = record.ok_or_else(|| not_described(T::TL_NAME))?;
    let mut recorded = Recorder(Vec::with_capacity(ENCODING_CAPACITY));
    value.serialize_bare(&mut recorded);
    write_recorded(&recorded.0, layer, Start::Object(record), serializer)
}

/// Writes a function struct, or the `AnyFunction` union, as a JSON object
/// (the function's id comes first in its encoding): what their generated
/// `Serialize` calls.
pub fn write_function<T, S>(
    value: &T,
    layer: &'static Layer,
    serializer: S,
) -> Result<S::Ok, S::Error>
where
    T: Serializable + ?Sized,
    S: Serializer,
{
    write_tagged(value, layer, Records::Functions, serializer)
}

/// Writes a boxed type's enum, or the `AnyObject` union, as the JSON
/// object of its constructor (whose id comes first in its encoding): what
/// their generated `Serialize` calls.
pub fn write_boxed<T, S>(value: &T, layer: &'static Layer, serializer: S) -> Result<S::Ok, S::Error>
where
    T: Serializable + ?Sized,
    S: Serializer,
{
    write_tagged(value, layer, Records::Constructors, serializer)
}

/// Writes `value`, whose encoding starts with the id of one of `records`.
fn write_tagged<T, S>(
    value: &T,
    layer: &'static Layer,
    records: Records,
    serializer: S,
) -> Result<S::Ok, S::Error>
where
    T: Serializable + ?Sized,
    S: Serializer,
{
    let mut recorded = Recorder(Vec::with_capacity(ENCODING_CAPACITY));
    value.serialize(&mut recorded);
    write_recorded(&recorded.0, layer, Start::Tagged(records), serializer)
}

/// How the recording starts.
enum Start {
    /// With the fields of this record.
    Object(&'static Record),
    /// With the id of a record of these.
    Tagged(Records),
}

/// Which records an id is looked up in.
#[derive(Clone, Copy)]
enum Records {
    Constructors,
    Functions,
}

/// Writes `recorded` by the table, and fails when the table did not
/// account for every byte.
fn write_recorded<S: Serializer>(
    recorded: &[u8],
    layer: &'static Layer,
    start: Start,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let cursor = Cursor(RefCell::new(Reader::new(recorded)));
    let written = match start {
        Start::Object(record) => Object {
            layer,
            record,
            cursor: &cursor,
        }
        .serialize(serializer)?,
        Start::Tagged(records) => Tagged {
            layer,
            records,
            cursor: &cursor,
        }
        .serialize(serializer)?,
    };
    if cursor.0.borrow().remaining() != 0 {
        return Err(disagree("bytes left over"));
    }
    Ok(written)
}

/// The error for a type the table does not describe as the generated impl
/// said it would (only a table edited by hand gets here).
fn not_described<E: ser::Error>(what: impl fmt::Display) -> E {
    E::custom(format_args!("the generated table does not describe {what}"))
}

/// The error for a recording the table does not fit (only a table edited
/// by hand gets here).
fn disagree<E: ser::Error>(what: impl fmt::Display) -> E {
    E::custom(format_args!(
        "the generated table and encoder disagree: {what}"
    ))
}

/// Where the walk of a recording is: shared by the views below, which
/// read from it as serde asks them to write, one after the other.
struct Cursor<'r>(RefCell<Reader<'r>>);

impl<'r> Cursor<'r> {
    /// Reads one thing, or fails with what the reader said.
    fn read<T, E: ser::Error>(
        &self,
        read: impl FnOnce(&mut Reader<'r>) -> Result<T, DecodeError>,
    ) -> Result<T, E> {
        read(&mut self.0.borrow_mut()).map_err(disagree)
    }

    /// A `string`/`bytes` value as [`Recorder`] keeps it.
    fn data<E: ser::Error>(&self) -> Result<&'r [u8], E> {
        self.read(Recorder::read_data)
    }

    /// Whether the nullable value that comes next is there (`boolTrue`,
    /// then the value) or not (`boolFalse`).
    fn present<E: ser::Error>(&self) -> Result<bool, E> {
        match self.read(Reader::read_u32)? {
            ids::BOOL_TRUE => Ok(true),
            ids::BOOL_FALSE => Ok(false),
            other => Err(disagree(format_args!("{other:#010x} for a nullable value"))),
        }
    }
}

/// The object whose id comes next, looked up in `records`.
struct Tagged<'c, 'r> {
    layer: &'static Layer,
    records: Records,
    cursor: &'c Cursor<'r>,
}

impl Serialize for Tagged<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let id = self.cursor.read(Reader::read_u32)?;
        let parsed = self.layer.parsed();
        let records = match self.records {
            Records::Constructors => &parsed.constructors,
            Records::Functions => &parsed.functions,
        };
        let record = records
            .get(&id)
            .ok_or_else(|| not_described(format_args!("the id {id:#010x}")))?;
        Object {
            layer: self.layer,
            record,
            cursor: self.cursor,
        }
        .serialize(serializer)
    }
}

/// The fields of an object, by `record`: `@type`, then each field.
struct Object<'c, 'r> {
    layer: &'static Layer,
    record: &'static Record,
    cursor: &'c Cursor<'r>,
}

impl Serialize for Object<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let record = self.record;
        let mut object = serializer.serialize_struct(record.tl_name, record.fields.len() + 1)?;
        object.serialize_field("@type", record.tl_name)?;
        for (key, kind) in &record.fields {
            let Kind::Value { ty, flag: None, .. } = kind else {
                return Err(not_described(format_args!(
                    "field {key} of {} as TDLib's JSON",
                    record.tl_name
                )));
            };
            let ty = match ty {
                // Left out when `None`.
                Ty::Nullable(inner) if self.cursor.present()? => inner,
                Ty::Nullable(_) => continue,
                ty => ty,
            };
            object.serialize_field(
                key,
                &Value {
                    layer: self.layer,
                    ty,
                    cursor: self.cursor,
                },
            )?;
        }
        object.end()
    }
}

/// A value of type `ty`.
struct Value<'c, 'r> {
    layer: &'static Layer,
    ty: &'static Ty<'static>,
    cursor: &'c Cursor<'r>,
}

impl Serialize for Value<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let cursor = self.cursor;
        let inner = |ty| Value {
            layer: self.layer,
            ty,
            cursor,
        };
        match self.ty {
            Ty::Int => serializer.serialize_i32(cursor.read(Reader::read_i32)?),
            Ty::Nat => serializer.serialize_u32(cursor.read(Reader::read_u32)?),
            Ty::Int53 => serializer.serialize_i64(cursor.read(Reader::read_i64)?),
            Ty::Long => serializer.collect_str(&cursor.read(Reader::read_i64)?),
            Ty::Double => serializer.serialize_f64(cursor.read(Reader::read_f64)?),
            Ty::Bool => match cursor.read(Reader::read_u32)? {
                ids::BOOL_TRUE => serializer.serialize_bool(true),
                ids::BOOL_FALSE => serializer.serialize_bool(false),
                other => Err(disagree(format_args!("{other:#010x} for a Bool"))),
            },
            Ty::String => match std::str::from_utf8(cursor.data()?) {
                Ok(text) => serializer.serialize_str(text),
                Err(_) => Err(disagree("a string that is not UTF-8")),
            },
            Ty::Bytes => serialize_base64(cursor.data()?, serializer),
            // As serde writes `[u8; N]`: a tuple of numbers.
            Ty::ByteArray(n) => {
                let bytes = cursor.read(|r| r.read_raw(*n))?;
                let mut tuple = serializer.serialize_tuple(*n)?;
                for byte in bytes {
                    tuple.serialize_element(byte)?;
                }
                tuple.end()
            }
            Ty::Vector(boxed, elem) => {
                if *boxed {
                    cursor.read(Reader::read_u32)?;
                }
                let count = cursor.read(Reader::read_u32)?;
                let mut seq = serializer.serialize_seq(usize::try_from(count).ok())?;
                for _ in 0..count {
                    seq.serialize_element(&inner(elem))?;
                }
                seq.end()
            }
            // Inside a vector: `null` when `None`.
            Ty::Nullable(value) if cursor.present()? => serializer.serialize_some(&inner(value)),
            Ty::Nullable(_) => serializer.serialize_none(),
            Ty::Boxed(_) => Tagged {
                layer: self.layer,
                records: Records::Constructors,
                cursor,
            }
            .serialize(serializer),
            Ty::Bare(id) => {
                let record = self
                    .layer
                    .parsed()
                    .constructors
                    .get(id)
                    .ok_or_else(|| not_described(format_args!("constructor {id:#010x}")))?;
                Object {
                    layer: self.layer,
                    record,
                    cursor,
                }
                .serialize(serializer)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::test_point::{POINT, Point, layer};

    /// `point(5, "a")` written by a table of `records`, whose constructors
    /// are `constructors`.
    fn write(records: &str, constructors: &'static [u32]) -> Result<String, String> {
        let point = Point {
            x: 5,
            label: "a".to_owned(),
        };
        let mut out = Vec::new();
        write_bare(
            &point,
            layer(records, constructors),
            &mut serde_json::Serializer::new(&mut out),
        )
        .map_err(|e| e.to_string())?;
        String::from_utf8(out).map_err(|e| e.to_string())
    }

    #[test]
    fn writes_by_the_record() {
        assert_eq!(
            write(POINT, &[7, 0]),
            Ok(r#"{"@type":"point","x":5,"label":"a"}"#.to_owned())
        );
    }

    /// A table that does not fit the encoding is an error, never a panic.
    #[test]
    fn a_table_that_does_not_fit_is_an_error() {
        for (record, expected) in [
            (
                "Point - 0 point Point 0\n",
                "the generated table and encoder disagree: bytes left over",
            ),
            (
                "Point - 0 point Point 3 x v 1 i label v 1 s y v 1 i\n",
                "the generated table and encoder disagree: unexpected end of input while reading int at offset 13: needed 4 bytes, 0 available",
            ),
            (
                "Point - 0 point Point 2 flags f x v 1 i\n",
                "the generated table does not describe field flags of point as TDLib's JSON",
            ),
            (
                "Point - 0 point Point 1 x v 1 B\n",
                "the generated table and encoder disagree: 0x00000005 for a Bool",
            ),
            (
                "Point - 0 point Point 1 x v 1 N i\n",
                "the generated table and encoder disagree: 0x00000005 for a nullable value",
            ),
            // A vector of 5, whose first element is the string's length.
            (
                "Point - 0 point Point 1 x v 1 v N i\n",
                "the generated table and encoder disagree: 0x00000001 for a nullable value",
            ),
            (
                "Point - 0 point Point 1 x v 1 E Other\n",
                "the generated table does not describe the id 0x00000005",
            ),
            (
                "Point - 0 point Point 1 x v 1 S 9\n",
                "the generated table does not describe constructor 0x00000009",
            ),
        ] {
            assert_eq!(write(record, &[7, 0]), Err(expected.to_owned()), "{record}");
        }
        assert_eq!(
            write("Point - 0 point Point 0\n", &[8, 0]),
            Err("the generated table does not describe point".to_owned())
        );
    }
}
