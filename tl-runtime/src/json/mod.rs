//! TDLib's JSON interface (feature `json`): what code generated for
//! `td_api.tl` with serde calls to read and write the objects that
//! `td_json_client` (`td_send`, `td_receive`, `td_execute`) exchanges.
//!
//! # The conventions
//!
//! | TL | JSON | here |
//! |---|---|---|
//! | an object | `{"@type": "formattedText", ...fields}`: written with `@type` first, read with it anywhere | generated code: [`write_bare`] and [`read_bare`] by the generated table (or [`begin_object`] and [`field`] to write and [`ReadObject`] to read, written out for what the table does not describe); [`TaggedUnion`] and [`deserialize_tagged`] for a boxed type's enum ([`read_boxed`] and [`write_boxed`] by the table); derived serde with `#[serde(tag = "@type", rename = "...")]` works too |
//! | `int32`, `int53`, `double` | a number | plain serde |
//! | `int64` | a string, `"123"`; read from a string or a number | [`Int64`] |
//! | `string` | a string | plain serde |
//! | `bytes` | a string of standard base64 with padding; read more leniently | [`Base64`] |
//! | `Bool` | `true`/`false` | plain serde |
//! | `vector<T>` | an array | plain serde, or [`VecOf`] when `T` has a form |
//! | a nullable field | missing or `null` read as `None`; `None` not written | `#[serde(default, skip_serializing_if = "Option::is_none")]`, and [`Nullable`] when `T` has a form |
//! | `@extra` of a request, echoed in its answer | any JSON value | [`Request`], [`Received`] |
//! | `@client_id` of what `td_receive` returns | an integer | [`Received`] |
//!
//! An unknown field is ignored (TDLib newer than the schema); an unknown
//! `@type` is an error naming the tag and the type expected.
//!
//! # Field forms
//!
//! A field whose JSON differs from its Rust type's own serde form names a
//! [`JsonForm`] through [`serialize`] and [`deserialize`]:
//!
//! ```
//! use tl_runtime::json;
//!
//! #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
//! #[serde(tag = "@type", rename = "file")]
//! pub struct File {
//!     #[serde(
//!         serialize_with = "::tl_runtime::json::serialize::<::tl_runtime::json::Int64, _, _>",
//!         deserialize_with = "::tl_runtime::json::deserialize::<::tl_runtime::json::Int64, _, _>"
//!     )]
//!     pub size: i64,
//!     #[serde(
//!         default,
//!         skip_serializing_if = "Option::is_none",
//!         serialize_with = "::tl_runtime::json::serialize::<::tl_runtime::json::Nullable<::tl_runtime::json::Base64>, _, _>",
//!         deserialize_with = "::tl_runtime::json::deserialize::<::tl_runtime::json::Nullable<::tl_runtime::json::Base64>, _, _>"
//!     )]
//!     pub thumbnail: Option<Vec<u8>>,
//! }
//!
//! let file = File { size: 1 << 40, thumbnail: Some(vec![0xff, 0x00]) };
//! let text = json::to_string(&file).unwrap();
//! assert_eq!(text, r#"{"@type":"file","size":"1099511627776","thumbnail":"/wA="}"#);
//! assert_eq!(json::from_str::<File>(&text).unwrap(), file);
//! // int64 from a number, a missing nullable field
//! let file: File = json::from_str(r#"{"@type":"file","size":5}"#).unwrap();
//! assert_eq!(file, File { size: 5, thumbnail: None });
//! ```
//!
//! # Errors
//!
//! [`from_str`] and [`from_slice`] return an [`Error`] with the path to the
//! value that failed (`entities[2].type`) as well as serde_json's line and
//! column; the path is only worked out once something failed, so reading
//! good input pays nothing for it. serde_json's recursion limit holds:
//! input nested deeper than 128 arrays and objects is an error, never a
//! stack overflow.

mod envelope;
mod form;
mod object;
mod table;
mod tagged;
#[cfg(test)]
mod test_point;
mod write;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use envelope::{Outcome, Received, Request, with_extra};
pub use form::{Base64, Int64, JsonForm, Nullable, Plain, VecOf, deserialize, serialize};
pub use object::{
    ReadObject, begin_object, end_object, field, field_as, next_key, read_object, required,
    skip_value, value, value_as,
};
pub use table::{read_any_function, read_any_object, read_bare, read_boxed, read_function};
pub use tagged::{TaggedUnion, deserialize_tagged, unknown_tag};
pub use write::{write_bare, write_boxed, write_function};

/// A failure to read or write TDLib JSON: serde_json's error and, for
/// reading, the path to the value that failed.
///
/// Displays as `path: message at line L column C`
/// (`entities[2].type: unknown @type "textEntityTypeFoo" for TextEntityType
/// at line 1 column 296`), without the path when the failure is in the
/// top-level value itself or the input is not JSON at all, and without the
/// position for writing.
#[derive(Debug)]
pub struct Error {
    path: String,
    inner: serde_json::Error,
}

impl Error {
    /// The path from the top-level value to the one that failed: keys
    /// joined by `.`, array indices in brackets (`entities[2].type`,
    /// `[0].text`); empty for the top-level value itself.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The message alone, without path and position:
    /// `unknown @type "textEntityTypeFoo" for TextEntityType`.
    pub fn message(&self) -> String {
        let full = self.inner.to_string();
        if self.inner.line() == 0 {
            return full;
        }
        let suffix = format!(
            " at line {} column {}",
            self.inner.line(),
            self.inner.column()
        );
        match full.strip_suffix(&suffix) {
            Some(message) => message.to_owned(),
            None => full,
        }
    }

    /// The line (from 1) of the input where reading failed; 0 for writing.
    pub fn line(&self) -> usize {
        self.inner.line()
    }

    /// The column (from 1, in bytes) where reading failed; 0 for writing.
    pub fn column(&self) -> usize {
        self.inner.column()
    }

    /// What kind of failure: bad JSON syntax, JSON that does not match the
    /// type (`Data`, every error named in this module), input that ended
    /// early, or an I/O error.
    pub fn classify(&self) -> serde_json::error::Category {
        self.inner.classify()
    }

    /// serde_json's error, whose `Display` has the message and position.
    pub fn inner(&self) -> &serde_json::Error {
        &self.inner
    }

    /// serde_json's error, without the path.
    pub fn into_inner(self) -> serde_json::Error {
        self.inner
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.inner)
        } else {
            write!(f, "{}: {}", self.path, self.inner)
        }
    }
}

impl std::error::Error for Error {}

impl From<serde_json::Error> for Error {
    /// An error without a path.
    fn from(inner: serde_json::Error) -> Self {
        Error {
            path: String::new(),
            inner,
        }
    }
}

/// Writes `value` as compact JSON (what `td_send` and `td_execute` take).
///
/// Fails only when `value`'s `Serialize` does: a [`Request`] of something
/// that is not an object, a map with non-string keys.
pub fn to_string<T: ?Sized + Serialize>(value: &T) -> Result<String, Error> {
    Ok(serde_json::to_string(value)?)
}

/// Writes `value` as compact JSON bytes (see [`to_string`]).
pub fn to_vec<T: ?Sized + Serialize>(value: &T) -> Result<Vec<u8>, Error> {
    Ok(serde_json::to_vec(value)?)
}

/// Reads a `T` from JSON text (what `td_receive` and `td_execute`
/// return), with the path to the value in the error.
///
/// The whole text must be one value (whitespace around it is fine).
pub fn from_str<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, Error> {
    match serde_json::from_str(text) {
        Ok(value) => Ok(value),
        Err(first) => Err(locate::<T, _>(
            serde_json::Deserializer::from_str(text),
            first,
        )),
    }
}

/// Reads a `T` from JSON bytes (UTF-8), as [`from_str`] does.
pub fn from_slice<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, Error> {
    match serde_json::from_slice(bytes) {
        Ok(value) => Ok(value),
        Err(first) => Err(locate::<T, _>(
            serde_json::Deserializer::from_slice(bytes),
            first,
        )),
    }
}

/// Reads the input again, failed once with `first`, tracking the path to
/// the value that fails: keeping track of the path costs an allocation per
/// key, which the first attempt does not pay.
fn locate<'a, T: Deserialize<'a>, R: serde_json::de::Read<'a>>(
    mut de: serde_json::Deserializer<R>,
    first: serde_json::Error,
) -> Error {
    let mut track = serde_path_to_error::Track::new();
    let result = T::deserialize(serde_path_to_error::Deserializer::new(&mut de, &mut track));
    match result {
        Err(inner) => {
            let path = track.path();
            let path = if path
                .iter()
                .all(|s| matches!(s, serde_path_to_error::Segment::Unknown))
            {
                String::new()
            } else {
                path.to_string()
            };
            Error { path, inner }
        }
        // Trailing characters fail here, with no path; and were the
        // second attempt to succeed, the first error still stands.
        Ok(_) => Error::from(de.end().err().unwrap_or(first)),
    }
}
