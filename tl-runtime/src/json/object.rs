//! Objects: what generated code's `Serialize` and `Deserialize` of a
//! constructor or function struct are made of, in TDLib's JSON shape.
//!
//! serde's derives would do the same job with several times the code per
//! struct (a field enum with its own visitor, a visitor for arrays, a wrapper
//! type per field written in a [`JsonForm`](super::JsonForm)); over the two
//! thousand structs of `td_api.tl` that is most of the time a build spends
//! on the generated types. Here each struct gets one function that reads its
//! fields from a map and one that writes them, and the visitor, the key
//! lookup and the errors live in the runtime, compiled once. Generated
//! code reads and writes this way only the structs its table does not
//! describe (a field under another key than its TL name, conditional
//! fields, zero-copy output); the others go through [`super::read_bare`]
//! and [`super::write_bare`], which have no code per struct at all.
//!
//! ```
//! use serde::de::MapAccess;
//! use tl_runtime::json::{self, Int64, ReadObject};
//!
//! #[derive(Debug, PartialEq)]
//! struct User {
//!     id: i64,
//!     name: String,
//! }
//!
//! impl ReadObject for User {
//!     const TL_NAME: &'static str = "user";
//!     const FIELDS: &'static [&'static str] = &["id", "name"];
//!
//!     fn read_fields<'de, A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
//!         let (mut id, mut name) = (None, None);
//!         while let Some(key) = json::next_key::<Self, A>(&mut map)? {
//!             match key {
//!                 0 => id = Some(json::value_as::<Int64, _, _>(&mut map)?),
//!                 1 => name = Some(json::value(&mut map)?),
//!                 _ => json::skip_value(&mut map)?,
//!             }
//!         }
//!         Ok(User {
//!             id: id.unwrap_or_default(),
//!             name: json::required(name, "name")?,
//!         })
//!     }
//! }
//!
//! impl<'de> serde::Deserialize<'de> for User {
//!     fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
//!         json::read_object(d)
//!     }
//! }
//!
//! impl serde::Serialize for User {
//!     fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
//!         let mut object = json::begin_object(s, "user", 2)?;
//!         json::field_as::<Int64, _, _>(&mut object, "id", &self.id)?;
//!         json::field(&mut object, "name", &self.name)?;
//!         json::end_object(object)
//!     }
//! }
//!
//! let user: User = json::from_str(r#"{"name":"Ann","@type":"user","id":"7","x":[1]}"#).unwrap();
//! assert_eq!(user, User { id: 7, name: "Ann".into() });
//! assert_eq!(json::to_string(&user).unwrap(), r#"{"@type":"user","id":"7","name":"Ann"}"#);
//! let error = json::from_str::<User>(r#"{"id":1}"#).unwrap_err();
//! assert_eq!(error.to_string(), "missing field `name` at line 1 column 8");
//! let error = json::from_str::<User>("[1]").unwrap_err();
//! assert_eq!(
//!     error.to_string(),
//!     "invalid type: sequence, expected an object of TL type user at line 1 column 0"
//! );
//! ```

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::form::{As, FormSeed, JsonForm};

/// A constructor or function struct read from a JSON object: implemented by
/// generated code for the structs its table does not describe, which call
/// [`read_object`] from their `Deserialize`.
pub trait ReadObject: Sized {
    /// The TL name, for errors (`expected an object of TL type user`).
    const TL_NAME: &'static str;

    /// The JSON keys of the fields, in the order [`next_key`] numbers them.
    const FIELDS: &'static [&'static str];

    /// Reads the fields from the object's entries (`@type` and keys not in
    /// [`ReadObject::FIELDS`] included, which it skips).
    fn read_fields<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

/// Reads a `T` from a JSON object: what generated `Deserialize` calls.
/// Anything but an object is serde's `invalid type` error.
pub fn read_object<'de, T: ReadObject, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer.deserialize_map(ObjectVisitor::<T>(PhantomData))
}

struct ObjectVisitor<T>(PhantomData<T>);

impl<'de, T: ReadObject> Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object of TL type {}", T::TL_NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::read_fields(map)
    }
}

/// The next key of an object being read as a `T`: the index of the field in
/// [`ReadObject::FIELDS`], `usize::MAX` for a key that names none
/// (`@type`, a field of a newer schema), `None` after the last entry.
#[inline]
pub fn next_key<'de, T: ReadObject, A: MapAccess<'de>>(
    map: &mut A,
) -> Result<Option<usize>, A::Error> {
    map.next_key_seed(FieldKey(T::FIELDS))
}

/// A key, looked up among a struct's field names.
struct FieldKey(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for FieldKey {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for FieldKey {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<usize, E> {
        Ok(self.0.iter().position(|f| *f == v).unwrap_or(usize::MAX))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<usize, E> {
        Ok(self
            .0
            .iter()
            .position(|f| f.as_bytes() == v)
            .unwrap_or(usize::MAX))
    }
}

/// Reads the value of the key [`next_key`] gave, in its own serde form.
#[inline]
pub fn value<'de, T: de::Deserialize<'de>, A: MapAccess<'de>>(map: &mut A) -> Result<T, A::Error> {
    map.next_value()
}

/// Reads the value of the key [`next_key`] gave, in form `F`.
#[inline]
pub fn value_as<'de, F: JsonForm<T>, T, A: MapAccess<'de>>(map: &mut A) -> Result<T, A::Error> {
    map.next_value_seed(FormSeed::<F, T>(PhantomData))
}

/// Skips the value of a key the struct does not have.
#[inline]
pub fn skip_value<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<IgnoredAny>().map(|_| ())
}

/// The value of a field that must be there (an object that may not be
/// null), or serde's ``missing field `name` `` error.
#[inline]
pub fn required<T, E: de::Error>(value: Option<T>, field: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(field))
}

/// Starts writing an object of TL type `name` with `fields` fields: its
/// `@type` first, as TDLib writes it.
#[inline]
pub fn begin_object<S: Serializer>(
    serializer: S,
    name: &'static str,
    fields: usize,
) -> Result<S::SerializeStruct, S::Error> {
    let mut object = serializer.serialize_struct(name, fields + 1)?;
    object.serialize_field("@type", name)?;
    Ok(object)
}

/// Writes field `key` in its own serde form.
#[inline]
pub fn field<S: SerializeStruct, T: Serialize + ?Sized>(
    object: &mut S,
    key: &'static str,
    value: &T,
) -> Result<(), S::Error> {
    object.serialize_field(key, value)
}

/// Writes field `key` in form `F`.
#[inline]
pub fn field_as<F: JsonForm<T>, T, S: SerializeStruct>(
    object: &mut S,
    key: &'static str,
    value: &T,
) -> Result<(), S::Error> {
    object.serialize_field(key, &As::<F, T>(value, PhantomData))
}

/// Ends an object.
#[inline]
pub fn end_object<S: SerializeStruct>(object: S) -> Result<S::Ok, S::Error> {
    object.end()
}
