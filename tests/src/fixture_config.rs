//! The `Config` a fixture's `fixture-flags:` header asks for. Shared by the
//! build script (which compiles every fixture) and the snapshot tests, so
//! both generate the same code.

use test_support::Fixture;
use tl_codegen::Config;

/// The configuration `tl-codegen generate FLAGS` would use for `fixture`.
pub fn config_for(fixture: &Fixture) -> Config {
    let config = Config::from_command_line_flags(&fixture.flags)
        .unwrap_or_else(|e| panic!("{}: {e}", fixture.name));
    // The flags the header gave are exactly the ones the config reproduces.
    assert_eq!(
        config.command_line_flags(),
        fixture.flags,
        "{}",
        fixture.name
    );
    config
}
