//! Generates Rust types from `schema/example.tl` into `OUT_DIR/tl_types.rs`.
//! Copy this file (and the `include!` in `src/lib.rs`) to use tl-codegen in your crate.

fn main() -> Result<(), tl_codegen::Error> {
    // On a schema error the build fails with every diagnostic rendered
    // (`error[TL0009]: ...`, ` --> file:line:col`, the line, a caret).
    tl_codegen::Config::new()
        // Print the code fast instead of formatting it with prettyplease:
        // build scripts run unoptimized, and formatting is most of their time.
        .pretty(false)
        .serde(true)
        .compile(&["../schema/example.tl"])?;
    Ok(())
}
