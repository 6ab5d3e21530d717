//! The unit tests of `src/ffi.rs` (loading libtdjson, locating it, the
//! errors), compiled here with the module alone: the library itself is not
//! built a second time as a unit-test harness (see `Cargo.toml`).

#[allow(dead_code)]
#[path = "../src/ffi.rs"]
mod ffi;
