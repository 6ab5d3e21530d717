//! Snapshots of the code generated for every fixture in `schema/fixtures/`
//! (found by listing the folder; each generated with the options of its
//! `fixture-flags:` header) and for `schema/example.tl`. The same code is
//! compiled (warnings denied) into `tests::fixtures` and the `generated` crate.

use tests::fixture_config::config_for;
use tl_codegen::Config;

#[test]
fn every_supported_fixture() {
    let fixtures = test_support::fixtures();
    assert!(fixtures.len() >= 14, "fixtures missing: {}", fixtures.len());
    for fixture in fixtures.iter().filter(|f| f.generates) {
        let code = config_for(fixture)
            .generate(&[&fixture.path])
            .unwrap_or_else(|e| panic!("{}: {e}", fixture.name));
        insta::assert_snapshot!(fixture.name.as_str(), code);
    }
}

#[test]
fn example_schema() {
    let path = test_support::repo_root().join("schema/example.tl");
    let code = Config::new().serde(true).generate(&[path]).unwrap();
    insta::assert_snapshot!("example", code);
}

/// Generating twice gives byte-identical output.
#[test]
fn output_is_deterministic() {
    for fixture in test_support::fixtures().iter().filter(|f| f.generates) {
        let config = config_for(fixture);
        assert_eq!(
            config.generate(&[&fixture.path]).unwrap(),
            config.generate(&[&fixture.path]).unwrap(),
            "{}",
            fixture.name
        );
    }
}
