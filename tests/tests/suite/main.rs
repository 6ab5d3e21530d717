//! The integration tests of the generated code, the generator and the book,
//! one module per subject, in one test binary: `cargo test` links the layer
//! once for all of them instead of once per file.
//!
//! Two subjects keep binaries of their own: `zero_copy` (it compiles the
//! zero-copy layer itself, in parallel with this binary) and
//! `hostile_alloc` (it installs a global allocator).

#[path = "../common/mod.rs"]
mod common;

mod api_surface;
mod book;
mod codegen_errors;
mod compile;
mod conformance;
mod debug_output;
mod documentation;
mod equality;
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
