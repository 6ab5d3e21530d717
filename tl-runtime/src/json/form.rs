//! Field forms: how a field is written in TDLib's JSON when that differs
//! from its Rust type's own serde encoding.

use core::fmt;
use core::marker::PhantomData;

use base64::Engine as _;
use base64::engine::general_purpose::{
    STANDARD, STANDARD_PAD_INDIFFERENT, URL_SAFE_PAD_INDIFFERENT,
};
use serde::de::{self, DeserializeOwned, Deserializer, SeqAccess, Visitor};
use serde::ser::{Serialize, Serializer};

/// How a field of Rust type `T` is written in and read from TDLib's JSON.
///
/// Implemented by marker types ([`Int64`], [`Base64`], [`VecOf`],
/// [`Nullable`], [`Plain`]) that generated code names in
/// `#[serde(serialize_with, deserialize_with)]` through [`serialize`] and
/// [`deserialize`]; the forms nest (`VecOf<VecOf<Int64>>` is a
/// `vector<vector<int64>>`).
pub trait JsonForm<T> {
    /// Writes `value` in this form.
    fn serialize<S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error>;

    /// Reads a value written in this form.
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error>;
}

/// Writes `value` in form `F`: the function `serialize_with` names.
///
/// ```
/// #[derive(serde::Serialize, serde::Deserialize)]
/// #[serde(tag = "@type", rename = "user")]
/// struct User {
///     #[serde(
///         serialize_with = "::tl_runtime::json::serialize::<::tl_runtime::json::Int64, _, _>",
///         deserialize_with = "::tl_runtime::json::deserialize::<::tl_runtime::json::Int64, _, _>"
///     )]
///     id: i64,
/// }
/// let text = tl_runtime::json::to_string(&User { id: 7 }).unwrap();
/// assert_eq!(text, r#"{"@type":"user","id":"7"}"#);
/// ```
#[inline]
pub fn serialize<F, T, S>(value: &T, serializer: S) -> Result<S::Ok, S::Error>
where
    F: JsonForm<T>,
    S: Serializer,
{
    F::serialize(value, serializer)
}

/// Reads a value written in form `F`: the function `deserialize_with`
/// names (see [`serialize`]).
///
/// A field whose form is [`Nullable`] also needs `#[serde(default)]`, so that
/// a missing field reads as `None` (serde only does that by itself for an
/// `Option` field without `deserialize_with`).
#[inline]
pub fn deserialize<'de, F, T, D>(deserializer: D) -> Result<T, D::Error>
where
    F: JsonForm<T>,
    D: Deserializer<'de>,
{
    F::deserialize(deserializer)
}

/// A borrowed value that serializes in form `F`.
pub(crate) struct As<'a, F, T>(pub(crate) &'a T, pub(crate) PhantomData<F>);

impl<F: JsonForm<T>, T> Serialize for As<'_, F, T> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        F::serialize(self.0, serializer)
    }
}

/// A seed that deserializes a value in form `F`.
pub(crate) struct FormSeed<F, T>(pub(crate) PhantomData<(F, T)>);

impl<'de, F: JsonForm<T>, T> de::DeserializeSeed<'de> for FormSeed<F, T> {
    type Value = T;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        F::deserialize(deserializer)
    }
}

/// TL `int64` (`i64`): written as a JSON string of its decimal digits
/// (`"-42"`), as TDLib writes it, since JavaScript numbers lose integers past
/// 2^53.
///
/// Reads a string or a number. A string must be what `i64::from_str`
/// accepts (an optional sign and decimal digits, nothing else: no spaces, no
/// fraction, no exponent); a number must be an integer. Every other input is
/// an error that says what was wrong:
///
/// | input | error |
/// |---|---|
/// | `""` | `invalid int64: empty string` |
/// | `"12a"` | `invalid int64 "12a": not a decimal integer` |
/// | `"9223372036854775808"` | `int64 out of range: "9223372036854775808"` |
/// | `9223372036854775808` | `int64 out of range: 9223372036854775808` |
/// | `1.5` | `invalid int64 1.5: not an integer` |
///
/// and a value of another JSON type is serde's `invalid type` error,
/// "expected an int64 (a string of decimal digits or an integer)".
pub enum Int64 {}

impl JsonForm<i64> for Int64 {
    #[inline]
    fn serialize<S: Serializer>(value: &i64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(value)
    }

    #[inline]
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
        deserializer.deserialize_any(Int64Visitor)
    }
}

struct Int64Visitor;

impl Visitor<'_> for Int64Visitor {
    type Value = i64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an int64 (a string of decimal digits or an integer)")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<i64, E> {
        Ok(v)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<i64, E> {
        i64::try_from(v).map_err(|_| E::custom(format_args!("int64 out of range: {v}")))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<i64, E> {
        i64::try_from(v).map_err(|_| E::custom(format_args!("int64 out of range: {v}")))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<i64, E> {
        i64::try_from(v).map_err(|_| E::custom(format_args!("int64 out of range: {v}")))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<i64, E> {
        // `i64::MIN` is exactly -2^63 as an f64; 2^63 is the first f64 past
        // `i64::MAX`. serde_json hands integers past u64 over as floats.
        const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;
        if v.is_finite() && v.fract() == 0.0 && !(-TWO_POW_63..TWO_POW_63).contains(&v) {
            Err(E::custom(format_args!("int64 out of range: {v:?}")))
        } else {
            Err(E::custom(format_args!(
                "invalid int64 {v:?}: not an integer"
            )))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<i64, E> {
        parse_int64(v)
    }
}

/// Parses the string form of an `int64`, with the errors [`Int64`] lists.
fn parse_int64<E: de::Error>(v: &str) -> Result<i64, E> {
    use core::num::IntErrorKind;
    match v.parse::<i64>() {
        Ok(n) => Ok(n),
        Err(e) => Err(match e.kind() {
            IntErrorKind::Empty => E::custom("invalid int64: empty string"),
            IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => {
                E::custom(format_args!("int64 out of range: {v:?}"))
            }
            _ => E::custom(format_args!("invalid int64 {v:?}: not a decimal integer")),
        }),
    }
}

/// TL `bytes` (`Vec<u8>`, and `shared::Bytes` with the `zero-copy`
/// feature): a JSON string of base64.
///
/// Written in the standard alphabet (RFC 4648 section 4, `+` and `/`) with
/// `=` padding, as TDLib writes it. Read in the standard alphabet, or else
/// in the URL-safe alphabet (`-` and `_`, RFC 4648 section 5), with full,
/// partial or no `=` padding (`Zg==`, `Zg=` and `Zg` all read as `f`); one
/// value cannot mix the two alphabets. No whitespace, and the unused low
/// bits of the last symbol must be zero (canonical base64). A bad value is
/// an error naming what is wrong and where:
/// `invalid base64 at offset 3: '!' is not a base64 symbol`.
pub enum Base64 {}

impl JsonForm<Vec<u8>> for Base64 {
    #[inline]
    fn serialize<S: Serializer>(value: &Vec<u8>, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_base64(value, serializer)
    }

    #[inline]
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        deserializer.deserialize_str(Base64Visitor)
    }
}

#[cfg(feature = "zero-copy")]
impl JsonForm<crate::shared::Bytes> for Base64 {
    #[inline]
    fn serialize<S: Serializer>(
        value: &crate::shared::Bytes,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serialize_base64(value, serializer)
    }

    #[inline]
    fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<crate::shared::Bytes, D::Error> {
        deserializer
            .deserialize_str(Base64Visitor)
            .map(crate::shared::Bytes::from)
    }
}

/// Writes `bytes` as padded standard base64 without building a `String`
/// first where the serializer allows it (serde_json's does).
#[inline]
pub(crate) fn serialize_base64<S: Serializer>(
    bytes: &[u8],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&base64::display::Base64Display::new(bytes, &STANDARD))
}

struct Base64Visitor;

impl Visitor<'_> for Base64Visitor {
    type Value = Vec<u8>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a base64 string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Vec<u8>, E> {
        decode_base64(v)
    }
}

/// Decodes base64 as [`Base64`] documents.
fn decode_base64<E: de::Error>(v: &str) -> Result<Vec<u8>, E> {
    use base64::DecodeError;
    match STANDARD_PAD_INDIFFERENT.decode(v) {
        Ok(bytes) => Ok(bytes),
        Err(first) => {
            if let DecodeError::InvalidByte(_, b'-' | b'_') = first
                && let Ok(bytes) = URL_SAFE_PAD_INDIFFERENT.decode(v)
            {
                return Ok(bytes);
            }
            Err(match first {
                DecodeError::InvalidByte(offset, b'=') => E::custom(format_args!(
                    "invalid base64 at offset {offset}: misplaced padding '='"
                )),
                DecodeError::InvalidByte(offset, byte) => E::custom(format_args!(
                    "invalid base64 at offset {offset}: {} is not a base64 symbol",
                    ShowByte(byte)
                )),
                DecodeError::InvalidLength(symbols) => E::custom(format_args!(
                    "invalid base64: {symbols} symbols, a length no bytes encode to"
                )),
                DecodeError::InvalidLastSymbol { offset, symbol, .. } => E::custom(format_args!(
                    "invalid base64 at offset {offset}: the last symbol {} has unused bits set",
                    ShowByte(symbol)
                )),
                DecodeError::InvalidPadding => E::custom("invalid base64: wrong padding"),
            })
        }
    }
}

/// An input byte in an error: the character when it is printable ASCII,
/// else its value.
struct ShowByte(u8);

impl fmt::Display for ShowByte {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_ascii_graphic() || self.0 == b' ' {
            write!(f, "'{}'", char::from(self.0))
        } else {
            write!(f, "byte {:#04x}", self.0)
        }
    }
}

/// TL `vector<T>` (`Vec<T>`) whose elements have form `F`: a JSON array.
///
/// Only needed when the elements need a form of their own
/// (`VecOf<Int64>`, `VecOf<Base64>`, `VecOf<VecOf<Int64>>`); a
/// `Vec<SomeObject>` is plain serde.
pub struct VecOf<F>(PhantomData<F>);

impl<F: JsonForm<T>, T> JsonForm<Vec<T>> for VecOf<F> {
    fn serialize<S: Serializer>(value: &Vec<T>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(value.iter().map(|v| As::<F, T>(v, PhantomData)))
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
        deserializer.deserialize_seq(VecVisitor::<F, T>(PhantomData))
    }
}

struct VecVisitor<F, T>(PhantomData<(F, T)>);

impl<'de, F: JsonForm<T>, T> Visitor<'de> for VecVisitor<F, T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        // The hint comes from the input: trust it only so far.
        let cap = seq.size_hint().unwrap_or(0).min(4096);
        let mut out = Vec::with_capacity(cap);
        while let Some(v) = seq.next_element_seed(FormSeed::<F, T>(PhantomData))? {
            out.push(v);
        }
        Ok(out)
    }
}

/// A field documented as nullable (`Option<T>`) whose value has form `F`:
/// `None` is `null` (generated code skips it on writing with
/// `skip_serializing_if = "Option::is_none"`), and reads from `null`; a
/// missing field reads as `None` when the field also has
/// `#[serde(default)]`.
pub struct Nullable<F>(PhantomData<F>);

impl<F: JsonForm<T>, T> JsonForm<Option<T>> for Nullable<F> {
    fn serialize<S: Serializer>(value: &Option<T>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => serializer.serialize_some(&As::<F, T>(v, PhantomData)),
            None => serializer.serialize_none(),
        }
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
        deserializer.deserialize_option(OptionVisitor::<F, T>(PhantomData))
    }
}

struct OptionVisitor<F, T>(PhantomData<(F, T)>);

impl<'de, F: JsonForm<T>, T> Visitor<'de> for OptionVisitor<F, T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        F::deserialize(deserializer).map(Some)
    }
}

/// A value in its own serde form (`T: Serialize + DeserializeOwned`), for
/// nesting an ordinary value inside another form (`Nullable<Plain>`,
/// `VecOf<Plain>`).
pub enum Plain {}

impl<T: Serialize + DeserializeOwned> JsonForm<T> for Plain {
    #[inline]
    fn serialize<S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
        value.serialize(serializer)
    }

    #[inline]
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
        T::deserialize(deserializer)
    }
}
