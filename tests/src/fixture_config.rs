//! The `Config` a fixture's `fixture-flags:` header asks for. Shared by the
//! build script (which compiles every fixture) and the snapshot tests, so
//! both generate the same code.

use test_support::Fixture;
use tl_codegen::{Config, Dialect};

/// The configuration `tl-codegen generate FLAGS` would use for `fixture`.
pub fn config_for(fixture: &Fixture) -> Config {
    let mut config = Config::new();
    let mut flags = fixture.flags.iter();
    while let Some(flag) = flags.next() {
        let mut value = || {
            flags
                .next()
                .unwrap_or_else(|| panic!("{}: `{flag}` needs a value", fixture.name))
        };
        match flag.as_str() {
            "--dialect" => {
                let name = value();
                let dialect = Dialect::from_name(name)
                    .unwrap_or_else(|| panic!("{}: unknown dialect `{name}`", fixture.name));
                config.dialect(dialect);
            }
            "--serde" => {
                config.serde(true);
            }
            "--lossy-strings" => {
                config.lossy_strings(true);
            }
            "--runtime-crate" => {
                config.runtime_crate(value().clone());
            }
            "--non-exhaustive" => {
                config.non_exhaustive(true);
            }
            "--no-function-decoding" => {
                config.function_decoding(false);
            }
            "--no-debug" => {
                config.derive_debug(false);
            }
            "--no-partial-eq" => {
                config.derive_partial_eq(false);
            }
            "--zero-copy" => {
                config.zero_copy(true);
            }
            "--no-pretty" => {
                config.pretty(false);
            }
            "--namespaces" => {
                config.namespaces(value().split(','));
            }
            "--docs" => {
                config.docs_file(value());
            }
            "--usability" => {
                config.usability_table(value());
            }
            "--errors" => {
                config.error_table(value());
            }
            other => panic!("{}: unknown fixture flag `{other}`", fixture.name),
        }
    }
    // The flags the header gave are exactly the ones the config reproduces.
    assert_eq!(
        config.command_line_flags(),
        fixture.flags,
        "{}",
        fixture.name
    );
    config
}
