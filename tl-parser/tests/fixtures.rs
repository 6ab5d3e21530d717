//! The repository's fixture schemas, found by listing `schema/fixtures/`: the
//! valid ones (and `schema/example.tl`) check clean under the dialect their
//! header names; each invalid one has one snapshot of its rendered
//! diagnostics (`tests/snapshots/fixtures__invalid_*.snap`).

mod common;

use test_support::Fixture;
use tl_parser::{Dialect, check};

/// The dialect a fixture's `fixture-flags: --dialect NAME` header names.
fn dialect_of(fixture: &Fixture) -> Dialect {
    fixture
        .flag_value("--dialect")
        .map_or(Dialect::Telegram, |name| {
            Dialect::from_name(name).unwrap_or_else(|| panic!("{}: dialect {name}", fixture.name))
        })
}

#[test]
fn valid_fixtures_and_example_check_clean() {
    let mut fixtures = test_support::fixtures();
    assert!(fixtures.len() >= 14, "fixtures missing: {}", fixtures.len());
    fixtures.push(Fixture::read(
        &test_support::repo_root().join("schema/example.tl"),
    ));
    for fixture in fixtures {
        let checked = check(&fixture.text, dialect_of(&fixture));
        let name = fixture.path.display().to_string();
        assert_eq!(
            checked.diagnostics,
            vec![],
            "{}",
            checked.render_all(&name, &fixture.text)
        );
        assert!(!checked.schema.definitions.is_empty(), "{name}");
    }
}

#[test]
fn invalid_fixtures_give_their_snapshot_diagnostics() {
    let fixtures = test_support::invalid_fixtures();
    assert!(
        fixtures.len() >= 9,
        "invalid fixtures missing: {}",
        fixtures.len()
    );
    for fixture in fixtures {
        let checked = check(&fixture.text, dialect_of(&fixture));
        assert!(
            !checked.diagnostics.is_empty(),
            "{}: an invalid fixture must have a problem",
            fixture.name
        );
        let file = format!("invalid/{}.tl", fixture.name);
        insta::assert_snapshot!(
            format!("invalid_{}", fixture.name),
            checked.render_all(&file, &fixture.text)
        );
    }
}
