//! TDLib's JSON interface, for checking tl-codegen's TDLib JSON output
//! against the real library.
//!
//! [`ffi::Tdjson`] loads `libtdjson` at run time and wraps its C API
//! (`td_create_client_id`, `td_send`, `td_receive`, `td_execute`) in safe
//! methods that take and return JSON text.
//!
//! The library is not part of the repository: `bash scripts/fetch-tdjson.sh`
//! puts TDLib 1.8.66's prebuilt `libtdjson.so` at
//! `target/tdjson/libtdjson.so`, where [`ffi::Tdjson::locate`] finds it (or
//! set `TDJSON_LIB` to another copy).
//!
//! ```no_run
//! use tdlib_json::ffi::Tdjson;
//!
//! let td = Tdjson::load(Tdjson::locate()?)?;
//! td.quiet();
//! let answer = td.execute(r#"{"@type":"getOption","name":"version"}"#);
//! assert_eq!(
//!     answer.as_deref(),
//!     Some(r#"{"@type":"optionValueString","value":"1.8.66"}"#)
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![deny(missing_docs)]

pub mod ffi;
