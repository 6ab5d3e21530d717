//! The integration tests of the generated code, the generator and the book,
//! one module per subject, in one test binary: `cargo test` links the layer
//! once for all of them, and runs their tests side by side (the long ones,
//! `real_schemas` and `stable_output`, beside the rest) instead of one
//! binary after another.
//!
//! Two subjects keep binaries of their own: `zero_copy` (it compiles the
//! zero-copy layer itself, in parallel with this binary) and
//! `hostile_alloc` (it installs a global allocator).

#[path = "../common/mod.rs"]
mod common;

/// `crate::api` and `crate::reencode`, which the dispatch table that
/// `fuzz_replay` includes calls.
use fuzz_replay::reencode;
use tests::api;

mod api_surface;
mod book;
mod codegen_errors;
mod compile;
mod conformance;
mod documentation;
mod fixture_behaviour;
mod fuzz_replay;
mod hostile;
mod layout;
mod module_graph;
mod readme;
mod real_schemas;
mod selection;
mod serde;
mod shared_bits;
mod snapshots;
mod stable_output;
mod tdlib_json;
mod upgrades;
