//! A strict parser and validator for TL (Type Language) schemas: the language
//! Telegram's MTProto API, TDLib and TON describe their objects and RPCs in.
//!
//! ```
//! let parsed = tl_parser::parse("inputPeerChat#35a95cb9 chat_id:long = InputPeer;");
//! assert!(parsed.diagnostics.is_empty());
//! let def = &parsed.schema.definitions[0];
//! assert_eq!(def.name.full, "inputPeerChat");
//! assert_eq!(def.id.map(|id| id.value), Some(0x35a95cb9));
//! ```
#![deny(missing_docs)]

pub mod ast;
pub mod builtins;
pub mod check;
pub mod code;
pub mod diagnostic;
pub mod id;
mod parser;
mod print;
pub mod span;
mod tdlib_comments;
pub mod validate;

pub use ast::{Definition, Schema, Section};
pub use check::{Checked, Kind, Summary, check, check_detecting};
pub use code::Code;
pub use diagnostic::{Diagnostic, Severity};
pub use id::{Detected, Dialect, compute_id, detect_dialect, effective_id};
pub use parser::{MAX_NESTING, Parsed, parse};
pub use span::Span;
pub use validate::{validate, validate_source};
