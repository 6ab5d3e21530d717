//! Generates Rust types from `schema/example.tl` into `OUT_DIR/tl_types.rs`.
//! Copy this file (and the `include!` in `src/lib.rs`) to use tl-codegen in your crate.

fn main() {
    if let Err(e) = tl_codegen::Config::new()
        .serde(true)
        .compile(&["../schema/example.tl"])
    {
        // The error holds every diagnostic, rendered with file:line:col.
        eprintln!("{e}");
        std::process::exit(1);
    }
}
