//! Rust types generated at build time from `schema/example.tl` by tl-codegen:
//! the integration a crate using tl-codegen copies (see `build.rs`).
//!
//! ```
//! use generated::functions::messages::ImportChatInvite;
//! use tl_runtime::{Deserializable, Serializable};
//!
//! let call = ImportChatInvite { hash: "AbCdEf".to_owned() };
//! let bytes = call.to_bytes();
//! assert_eq!(&bytes[..4], &0x6c50051c_u32.to_le_bytes());
//! assert_eq!(ImportChatInvite::from_bytes(&bytes).unwrap(), call);
//! ```
#![deny(warnings, missing_docs)]

include!(concat!(env!("OUT_DIR"), "/tl_types.rs"));
