//! Runtime support for Rust code generated from TL (Type Language) schemas
//! by `tl-codegen`.
//!
//! It provides the serialization traits generated types implement
//! ([`Serializable`], [`Deserializable`], their bare counterparts,
//! [`Identifiable`], [`RemoteCall`]), the [`Writer`] sink and [`Reader`]
//! cursor, typed [`DecodeError`]s, the encodings of the TL built-in types,
//! and field [`codec`]s for encodings that differ from a type's own.
//!
//! Decoding never panics: every failure is a [`DecodeError`] carrying the
//! byte offset of the item that failed, and length prefixes and element
//! counts are checked against the remaining input before anything is
//! allocated.
//!
//! Encoding never panics either. A `string`/`bytes` value longer than TL can
//! carry ([`MAX_TL_BYTES_LEN`] bytes) is an [`EncodeError`] from the `try_*`
//! methods of [`Serializable`]; the infallible methods write it cut to that
//! length, as they document.
//!
//! Generated types compare with [`same_encoding`] and [`same_bare_encoding`]:
//! their `PartialEq` walks the two encodings and answers as a derived,
//! field-by-field comparison would, at a fraction of the compile time. Their
//! `Debug` prints from one table of the layer's fields ([`debug`]), the text
//! a derived `Debug` prints.

#![deny(missing_docs)]

pub mod codec;
pub mod debug;
mod equal;
mod error;
pub mod ids;
#[cfg(feature = "json")]
pub mod json;
mod primitives;
mod raw;
mod reader;
pub mod repeat;
#[cfg(feature = "zero-copy")]
pub mod shared;
mod table;
mod traits;
mod writer;

pub use equal::{same_bare_encoding, same_encoding};
pub use error::{DecodeError, DecodeErrorKind, EncodeError, MissingField};
pub use raw::Raw;
pub use reader::Reader;
pub use traits::{
    BareDeserializable, BareSerializable, Deserializable, Identifiable, RemoteCall, Serializable,
    TO_BYTES_CAPACITY,
};
pub use writer::{IoWriter, MAX_TL_BYTES_LEN, Writer, bytes_len, write_tl_bytes};
