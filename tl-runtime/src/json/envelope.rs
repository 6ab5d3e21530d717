//! What travels around an object: a request's `@extra`, an answer's
//! `@extra` and `@client_id`, and "the answer or TDLib's error".

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{BorrowedStrDeserializer, MapAccessDeserializer};
use serde::de::{
    self, Deserialize, DeserializeSeed, Deserializer, IgnoredAny, IntoDeserializer, MapAccess,
    Visitor,
};
use serde::ser::{self, Impossible, Serialize, SerializeMap, SerializeStruct, Serializer};
use serde_json::Value;

use super::tagged::{TaggedUnion, with_tag};
use crate::traits::Identifiable;

/// A request with an `@extra`, for `td_send`/`td_execute`: serializes as
/// the request's own object followed by `"@extra": ...`.
///
/// TDLib echoes the `@extra` of a request in its answer, which is how
/// answers are matched to requests ([`Received::extra`]). The request is
/// written straight into the output: nothing is built in between. It must
/// serialize as a struct or a map (generated constructor structs and
/// functions do, so does a `serde_json::Value` object); anything else is the
/// error `a TDLib request is an object, not ...`.
///
/// ```
/// use serde_json::json;
/// use tl_runtime::json;
///
/// #[derive(serde::Serialize)]
/// #[serde(tag = "@type", rename = "getOption")]
/// struct GetOption {
///     name: String,
/// }
///
/// let request = GetOption { name: "version".into() };
/// assert_eq!(
///     json::to_string(&json::with_extra(&request, 17)).unwrap(),
///     r#"{"@type":"getOption","name":"version","@extra":17}"#,
/// );
/// assert_eq!(
///     json::to_string(&json::Request::new(&request).extra(json!({"id": "a"}))).unwrap(),
///     r#"{"@type":"getOption","name":"version","@extra":{"id":"a"}}"#,
/// );
/// // no extra: the object alone
/// assert_eq!(
///     json::to_string(&json::Request::new(&request)).unwrap(),
///     r#"{"@type":"getOption","name":"version"}"#,
/// );
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Request<'a, T: ?Sized> {
    /// The request's object.
    pub object: &'a T,
    /// Written as `"@extra"` after the object's fields when `Some`, as it
    /// is (`Some(Value::Null)` writes `"@extra":null`).
    pub extra: Option<Value>,
}

impl<'a, T: ?Sized> Request<'a, T> {
    /// `object` without an `@extra`.
    pub fn new(object: &'a T) -> Self {
        Request {
            object,
            extra: None,
        }
    }

    /// Sets the `@extra` (anything that converts to a JSON value: numbers,
    /// strings, `serde_json::Value`s).
    pub fn extra(mut self, extra: impl Into<Value>) -> Self {
        self.extra = Some(extra.into());
        self
    }
}

/// `object` with an `@extra`: short for `Request::new(object).extra(extra)`.
pub fn with_extra<T: ?Sized>(object: &T, extra: impl Into<Value>) -> Request<'_, T> {
    Request::new(object).extra(extra)
}

impl<T: ?Sized + Serialize> Serialize for Request<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.object.serialize(Append {
            inner: serializer,
            extra: self.extra.as_ref(),
            client_id: None,
            what: "a TDLib request",
        })
    }
}

/// An object received from TDLib (an answer or an update) with the
/// envelope keys taken out: `@extra`, echoed from the request, and
/// `@client_id`, the client that `td_receive` got it for.
///
/// Reading takes those two keys out wherever they are in the object and
/// hands every other key to `T`'s deserializer as it is read (nothing of
/// `T` is buffered), so `T` never sees them. Writing puts them after the
/// object's fields. Each is `None` when the key is missing; a key given
/// twice is an error.
///
/// ```
/// use serde_json::json;
/// use tl_runtime::json::{self, Received};
///
/// #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
/// #[serde(tag = "@type", rename = "optionValueString")]
/// struct OptionValueString {
///     value: String,
/// }
///
/// let text = r#"{"@type":"optionValueString","@client_id":1,"value":"1.8.0","@extra":17}"#;
/// let got: Received<OptionValueString> = json::from_str(text).unwrap();
/// assert_eq!(got.extra, Some(json!(17)));
/// assert_eq!(got.client_id, Some(1));
/// assert_eq!(got.object, OptionValueString { value: "1.8.0".into() });
/// assert_eq!(
///     json::to_string(&got).unwrap(),
///     r#"{"@type":"optionValueString","value":"1.8.0","@extra":17,"@client_id":1}"#,
/// );
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Received<T> {
    /// The `@extra` of the request this answers (`None` for updates and
    /// for requests sent without one), as it was sent.
    pub extra: Option<Value>,
    /// The `@client_id` (`None` when missing, as in `td_execute` results).
    pub client_id: Option<i32>,
    /// The object without those keys.
    pub object: T,
}

impl<T: Serialize> Serialize for Received<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.object.serialize(Append {
            inner: serializer,
            extra: self.extra.as_ref(),
            client_id: self.client_id,
            what: "a TDLib object",
        })
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Received<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ReceivedVisitor(PhantomData))
    }
}

struct ReceivedVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ReceivedVisitor<T> {
    type Value = Received<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a TDLib object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Received<T>, A::Error> {
        let mut envelope = Envelope {
            map,
            extra: None,
            client_id: None,
        };
        let object = T::deserialize(MapAccessDeserializer::new(&mut envelope))?;
        // `T` may stop before the end; the envelope keys may still follow.
        while envelope.next_key::<IgnoredAny>()?.is_some() {
            envelope.next_value::<IgnoredAny>()?;
        }
        Ok(Received {
            extra: envelope.extra,
            client_id: envelope.client_id,
            object,
        })
    }
}

/// A map without its `@extra` and `@client_id`, which it keeps.
struct Envelope<A> {
    map: A,
    extra: Option<Value>,
    client_id: Option<i32>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Envelope<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let mut seed = Some(seed);
        loop {
            match self.map.next_key_seed(EnvelopeKey { seed: &mut seed })? {
                None => return Ok(None),
                Some(EnvelopeKeyValue::Other(key)) => return Ok(Some(key)),
                Some(EnvelopeKeyValue::Extra) => {
                    if self.extra.is_some() {
                        return Err(de::Error::duplicate_field("@extra"));
                    }
                    self.extra = Some(self.map.next_value()?);
                }
                Some(EnvelopeKeyValue::ClientId) => {
                    if self.client_id.is_some() {
                        return Err(de::Error::duplicate_field("@client_id"));
                    }
                    self.client_id = Some(self.map.next_value()?);
                }
            }
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

enum EnvelopeKeyValue<K> {
    Extra,
    ClientId,
    Other(K),
}

/// Reads a key: an envelope key, or any other, which goes to `seed` in
/// place (borrowed when the input allows, never copied).
struct EnvelopeKey<'s, K> {
    seed: &'s mut Option<K>,
}

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for EnvelopeKey<'_, K> {
    type Value = EnvelopeKeyValue<K::Value>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de, K: DeserializeSeed<'de>> EnvelopeKey<'_, K> {
    fn other<E: de::Error, D: Deserializer<'de, Error = E>>(
        self,
        key: D,
    ) -> Result<EnvelopeKeyValue<K::Value>, E> {
        match self.seed.take() {
            Some(seed) => seed.deserialize(key).map(EnvelopeKeyValue::Other),
            None => Err(E::custom("a key was read after the map ended")),
        }
    }
}

impl<'de, K: DeserializeSeed<'de>> Visitor<'de> for EnvelopeKey<'_, K> {
    type Value = EnvelopeKeyValue<K::Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        match v {
            "@extra" => Ok(EnvelopeKeyValue::Extra),
            "@client_id" => Ok(EnvelopeKeyValue::ClientId),
            _ => self.other(BorrowedStrDeserializer::new(v)),
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        match v {
            "@extra" => Ok(EnvelopeKeyValue::Extra),
            "@client_id" => Ok(EnvelopeKeyValue::ClientId),
            _ => self.other(v.into_deserializer()),
        }
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        match v.as_str() {
            "@extra" => Ok(EnvelopeKeyValue::Extra),
            "@client_id" => Ok(EnvelopeKeyValue::ClientId),
            _ => self.other(v.into_deserializer()),
        }
    }
}

/// The answer to a request: the object it asked for (`Ok`), or TDLib's
/// `error` object (`Err`).
///
/// Read by the object's `@type`: `E::TL_NAME` (`"error"` for TDLib's
/// generated `types::Error`) reads an `E`, any other tag goes to `T` (a
/// boxed type, [`TaggedUnion`]), with the same in-place fast path as
/// [`super::deserialize_tagged`]. A `T` that also has a constructor named
/// `E::TL_NAME` (such as the union of every object) never gets it. Writes
/// whichever it holds. Wrap it in [`Received`] for the envelope keys.
///
/// ```
/// use tl_runtime::json::{self, Outcome, Received};
/// # use serde::{Deserialize, Deserializer};
/// # #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
/// # #[serde(tag = "@type", rename = "ok")]
/// # pub struct OkStruct {}
/// # #[derive(Debug, PartialEq)]
/// # pub enum OkObject { Ok }
/// # impl json::TaggedUnion for OkObject {
/// #     const TYPE_NAME: &'static str = "Ok";
/// #     const TAGS: &'static [&'static str] = &["ok"];
/// #     fn deserialize_body<'de, D: Deserializer<'de>>(tag: &str, body: D) -> Result<Self, D::Error> {
/// #         match tag {
/// #             "ok" => OkStruct::deserialize(body).map(|_| Self::Ok),
/// #             _ => Err(json::unknown_tag::<Self, D::Error>(tag)),
/// #         }
/// #     }
/// # }
/// #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
/// #[serde(tag = "@type", rename = "error")]
/// pub struct Error {
///     pub code: i32,
///     pub message: String,
/// }
/// impl tl_runtime::Identifiable for Error {
///     const CONSTRUCTOR_ID: u32 = 0x9bdd8f1a;
///     const TL_NAME: &'static str = "error";
/// }
///
/// let text = r#"{"@type":"error","code":400,"message":"Invalid chat","@extra":5}"#;
/// let got: Received<Outcome<OkObject, Error>> = json::from_str(text).unwrap();
/// let expected = Error { code: 400, message: "Invalid chat".into() };
/// assert_eq!(got.object.into_result(), Err(expected));
///
/// let got: Outcome<OkObject, Error> = json::from_str(r#"{"@type":"ok"}"#).unwrap();
/// assert_eq!(got, Outcome::Ok(OkObject::Ok));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome<T, E> {
    /// What the request asked for.
    Ok(T),
    /// TDLib's error.
    Err(E),
}

impl<T, E> Outcome<T, E> {
    /// As a `Result`.
    pub fn into_result(self) -> Result<T, E> {
        match self {
            Outcome::Ok(v) => Ok(v),
            Outcome::Err(e) => Err(e),
        }
    }
}

impl<T, E> From<Outcome<T, E>> for Result<T, E> {
    fn from(outcome: Outcome<T, E>) -> Self {
        outcome.into_result()
    }
}

impl<T: Serialize, E: Serialize> Serialize for Outcome<T, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Outcome::Ok(v) => v.serialize(serializer),
            Outcome::Err(e) => e.serialize(serializer),
        }
    }
}

impl<'de, T, E> Deserialize<'de> for Outcome<T, E>
where
    T: TaggedUnion,
    E: Identifiable + Deserialize<'de>,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(OutcomeVisitor(PhantomData))
    }
}

struct OutcomeVisitor<T, E>(PhantomData<(T, E)>);

/// "`Ok` or `error`", as errors name what an [`Outcome`] expects.
struct OutcomeName<T, E>(PhantomData<(T, E)>);

impl<T: TaggedUnion, E: Identifiable> fmt::Display for OutcomeName<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} or {}", T::TYPE_NAME, E::TL_NAME)
    }
}

impl<'de, T, E> Visitor<'de> for OutcomeVisitor<T, E>
where
    T: TaggedUnion,
    E: Identifiable + Deserialize<'de>,
{
    type Value = Outcome<T, E>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "an object of TL type {}",
            OutcomeName::<T, E>(PhantomData)
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        with_tag(map, &OutcomeName::<T, E>(PhantomData), |tag, body| {
            if tag == E::TL_NAME {
                E::deserialize(body).map(Outcome::Err)
            } else {
                T::deserialize_body(tag, body).map(Outcome::Ok)
            }
        })
    }
}

/// A serializer that writes an object followed by the envelope keys, and
/// refuses anything that is not an object.
struct Append<'a, S> {
    inner: S,
    extra: Option<&'a Value>,
    client_id: Option<i32>,
    /// What the value is, for the error: "a TDLib request".
    what: &'static str,
}

impl<S> Append<'_, S> {
    fn added(&self) -> usize {
        usize::from(self.extra.is_some()) + usize::from(self.client_id.is_some())
    }

    fn not_object<E: ser::Error>(&self, got: &str) -> E {
        E::custom(format_args!("{} is an object, not {got}", self.what))
    }
}

/// The `Serializer` methods of [`Append`] that refuse their value.
macro_rules! refuse {
    ($($method:ident($($arg:ident: $ty:ty),*) -> $ret:ty, $got:literal;)*) => {
        $(
            fn $method(self, $(_: $ty),*) -> Result<$ret, S::Error> {
                Err(self.not_object($got))
            }
        )*
    };
}

impl<'a, S: Serializer> Serializer for Append<'a, S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Impossible<S::Ok, S::Error>;
    type SerializeTuple = Impossible<S::Ok, S::Error>;
    type SerializeTupleStruct = Impossible<S::Ok, S::Error>;
    type SerializeTupleVariant = Impossible<S::Ok, S::Error>;
    type SerializeMap = AppendTo<'a, S::SerializeMap>;
    type SerializeStruct = AppendTo<'a, S::SerializeStruct>;
    type SerializeStructVariant = Impossible<S::Ok, S::Error>;

    refuse! {
        serialize_bool(v: bool) -> S::Ok, "a boolean";
        serialize_i8(v: i8) -> S::Ok, "a number";
        serialize_i16(v: i16) -> S::Ok, "a number";
        serialize_i32(v: i32) -> S::Ok, "a number";
        serialize_i64(v: i64) -> S::Ok, "a number";
        serialize_i128(v: i128) -> S::Ok, "a number";
        serialize_u8(v: u8) -> S::Ok, "a number";
        serialize_u16(v: u16) -> S::Ok, "a number";
        serialize_u32(v: u32) -> S::Ok, "a number";
        serialize_u64(v: u64) -> S::Ok, "a number";
        serialize_u128(v: u128) -> S::Ok, "a number";
        serialize_f32(v: f32) -> S::Ok, "a number";
        serialize_f64(v: f64) -> S::Ok, "a number";
        serialize_char(v: char) -> S::Ok, "a string";
        serialize_str(v: &str) -> S::Ok, "a string";
        serialize_bytes(v: &[u8]) -> S::Ok, "an array";
        serialize_none() -> S::Ok, "null";
        serialize_unit() -> S::Ok, "null";
        serialize_unit_struct(name: &'static str) -> S::Ok, "null";
        serialize_unit_variant(name: &'static str, index: u32, variant: &'static str) -> S::Ok,
            "a string";
        serialize_seq(len: Option<usize>) -> Self::SerializeSeq, "an array";
        serialize_tuple(len: usize) -> Self::SerializeTuple, "an array";
        serialize_tuple_struct(name: &'static str, len: usize) -> Self::SerializeTupleStruct,
            "an array";
        serialize_tuple_variant(name: &'static str, index: u32, variant: &'static str, len: usize)
            -> Self::SerializeTupleVariant, "an enum variant";
        serialize_struct_variant(name: &'static str, index: u32, variant: &'static str, len: usize)
            -> Self::SerializeStructVariant, "an enum variant";
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<S::Ok, S::Error> {
        value.serialize(self)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<S::Ok, S::Error> {
        Err(self.not_object("an enum variant"))
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        let added = self.added();
        Ok(AppendTo {
            inner: self
                .inner
                .serialize_map(len.map(|n| n.saturating_add(added)))?,
            extra: self.extra,
            client_id: self.client_id,
        })
    }

    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        let added = self.added();
        Ok(AppendTo {
            inner: self
                .inner
                .serialize_struct(name, len.saturating_add(added))?,
            extra: self.extra,
            client_id: self.client_id,
        })
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

/// A struct or map being written, with the envelope keys to add at its end.
struct AppendTo<'a, M> {
    inner: M,
    extra: Option<&'a Value>,
    client_id: Option<i32>,
}

impl<M: SerializeStruct> SerializeStruct for AppendTo<'_, M> {
    type Ok = M::Ok;
    type Error = M::Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), M::Error> {
        self.inner.serialize_field(key, value)
    }

    fn skip_field(&mut self, key: &'static str) -> Result<(), M::Error> {
        self.inner.skip_field(key)
    }

    fn end(mut self) -> Result<M::Ok, M::Error> {
        if let Some(extra) = self.extra {
            self.inner.serialize_field("@extra", extra)?;
        }
        if let Some(client_id) = self.client_id {
            self.inner.serialize_field("@client_id", &client_id)?;
        }
        self.inner.end()
    }
}

impl<M: SerializeMap> SerializeMap for AppendTo<'_, M> {
    type Ok = M::Ok;
    type Error = M::Error;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), M::Error> {
        self.inner.serialize_key(key)
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), M::Error> {
        self.inner.serialize_value(value)
    }

    fn serialize_entry<K: ?Sized + Serialize, V: ?Sized + Serialize>(
        &mut self,
        key: &K,
        value: &V,
    ) -> Result<(), M::Error> {
        self.inner.serialize_entry(key, value)
    }

    fn end(mut self) -> Result<M::Ok, M::Error> {
        if let Some(extra) = self.extra {
            self.inner.serialize_entry("@extra", extra)?;
        }
        if let Some(client_id) = self.client_id {
            self.inner.serialize_entry("@client_id", &client_id)?;
        }
        self.inner.end()
    }
}
