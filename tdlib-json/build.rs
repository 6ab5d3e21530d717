//! Generates the td_api types exactly as the README tells a TDLib user to:
//! `Config::new().serde(true).compile(...)` (the fast printer, as the README's
//! build script uses).

fn main() -> Result<(), tl_codegen::Error> {
    tl_codegen::Config::new()
        .serde(true)
        .pretty(false)
        .compile(&["../testdata/schema/tdlib/td_api.tl"])?;
    Ok(())
}
