//! A build script in miniature, written the way the README tells users to:
//! `fn main() -> Result<(), tl_codegen::Error>` around `Config::compile`. The
//! tests in `tests/suite/compile.rs` run it to check exactly what a build script
//! prints, writes and fails with.
//!
//! ```text
//! build_script [--warnings] [--out-dir DIR] [--file-name NAME] [FLAG...] SCHEMA...
//! ```
//!
//! `FLAG` is any flag of `tl-codegen generate` (`--docs FILE`, `--serde`,
//! ...), set on the `Config` through [`tl_codegen::Config::set_flag`].
//!
//! Without `--out-dir`, the output goes to `$OUT_DIR`, as under cargo.

fn main() -> Result<(), tl_codegen::Error> {
    let mut config = tl_codegen::Config::new();
    let mut schemas = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--warnings" => {
                config.warnings(true);
            }
            "--out-dir" => {
                config.out_dir(args.next().unwrap_or_default());
            }
            "--file-name" => {
                config.file_name(args.next().unwrap_or_default());
            }
            flag if tl_codegen::Config::flag(flag).is_some() => {
                let value = match tl_codegen::Config::flag(flag) {
                    Some(known) if known.takes_value() => args.next(),
                    _ => None,
                };
                if let Err(error) = config.set_flag(flag, value.as_deref()) {
                    panic!("{error}");
                }
            }
            _ => schemas.push(arg),
        }
    }
    config.compile(&schemas)?;
    Ok(())
}
