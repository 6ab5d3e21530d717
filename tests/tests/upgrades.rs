//! Schema upgrades as reviewed snapshots: the `tl-codegen diff` text report
//! of each consecutive pair of the Telegram layers in `testdata/`, and of each
//! fixture pair in `schema/upgrades/<kind>/{old,new}.tl` (found by listing
//! the folder), one per kind of change the classifier knows.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use tl_codegen::diff::Detail;
use tl_codegen::{Config, Dialect, SchemaDiff};

/// The upgrade fixtures: `(name, folder)`, in name order.
fn upgrade_fixtures() -> Vec<(String, PathBuf)> {
    let dir = test_support::repo_root().join("schema/upgrades");
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .map(|path| {
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                path,
            )
        })
        .collect();
    out.sort();
    out
}

/// The configuration a fixture asks for: Telegram ids, and the options of
/// its `// diff-flags:` line.
fn config_for(old: &Path) -> Config {
    let text = std::fs::read_to_string(old).unwrap();
    let flags = text
        .lines()
        .find_map(|line| line.strip_prefix("// diff-flags:"))
        .unwrap_or("");
    let mut config = Config::from_command_line_flags(flags.split_whitespace())
        .unwrap_or_else(|e| panic!("{}: {e}", old.display()));
    config.dialect(Dialect::Telegram);
    config
}

fn fixture_diff(dir: &Path) -> SchemaDiff {
    let (old, new) = (dir.join("old.tl"), dir.join("new.tl"));
    config_for(&old)
        .diff(&[&old], &[&new])
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
}

#[test]
fn every_upgrade_fixture() {
    let fixtures = upgrade_fixtures();
    assert!(fixtures.len() >= 20, "fixtures missing: {}", fixtures.len());
    for (name, dir) in &fixtures {
        let report = fixture_diff(dir).to_string();
        insta::assert_snapshot!(format!("upgrade_{name}"), report);
    }
}

/// Every kind of change the classifier reports appears in some fixture.
#[test]
fn fixtures_cover_every_kind_of_change() {
    let mut seen = BTreeSet::new();
    for (_, dir) in upgrade_fixtures() {
        for changed in fixture_diff(&dir).changed {
            seen.extend(changed.changes.iter().map(|c| c.detail.code()));
        }
    }
    let every = [
        "boxing",
        "constructor_added",
        "constructor_removed",
        "field_added",
        "field_flag_moved",
        "field_made_optional",
        "field_made_required",
        "field_moved",
        "field_regrouped",
        "field_removed",
        "field_renamed",
        "field_retyped",
        "id",
        "payload",
        "renamed",
        "result",
        "rust_name",
        "section",
    ];
    assert_eq!(seen, BTreeSet::from(every));
}

/// The classification of a few fixtures, checked by hand against the Rust
/// rules rather than read from the snapshots.
#[test]
fn classification_follows_the_rust_rules() {
    let dir = test_support::repo_root().join("schema/upgrades");
    let breaking = |name: &str| fixture_diff(&dir.join(name)).is_breaking();
    // A new variant breaks exhaustive matches; not with #[non_exhaustive].
    assert!(breaking("constructor_added"));
    assert!(!breaking("non_exhaustive"));
    // A new type breaks nothing; a new id or a moved flag bit break no Rust.
    assert!(!breaking("type_added"));
    assert!(!breaking("id_changed"));
    assert!(!breaking("field_flag_moved"));
    assert!(!breaking("field_moved"));
    assert!(breaking("field_added"));
    assert!(breaking("field_retyped"));

    // Wire: a renamed field and a `true` flag under the same id keep every
    // value decodable; a new id does not.
    let wire_ok = |name: &str| {
        let diff = fixture_diff(&dir.join(name));
        diff.changed.iter().all(|c| c.wire_compatible()) && diff.removed.is_empty()
    };
    assert!(wire_ok("field_renamed"));
    assert!(wire_ok("flag_added_same_id"));
    assert!(wire_ok("type_renamed"));
    assert!(!wire_ok("id_changed"));
    assert!(!wire_ok("field_flag_moved"));

    let unchanged = fixture_diff(&dir.join("unchanged"));
    assert!(unchanged.is_empty());
    assert_eq!(
        (unchanged.from_layer, unchanged.to_layer),
        (Some(1), Some(2))
    );

    // A rename keeping the id is one change, not a removal and an addition.
    let renamed = fixture_diff(&dir.join("renamed"));
    assert!(renamed.added.is_empty() && renamed.removed.is_empty());
    let details: Vec<&Detail> = renamed
        .changed
        .iter()
        .flat_map(|c| c.changes.iter().map(|c| &c.detail))
        .collect();
    assert!(details.contains(&&Detail::Renamed {
        from: "point".to_owned()
    }));
    assert!(details.contains(&&Detail::Renamed {
        from: "getPoint".to_owned()
    }));
}

/// The text report between two layers of `testdata/`.
fn layer_diff(from: u32, to: u32) -> String {
    let dir = test_support::testdata().join("schema/telegram");
    let old = dir.join(format!("api-{from}.tl"));
    let new = dir.join(format!("api-{to}.tl"));
    Config::new()
        .diff(&[old], &[new])
        .unwrap_or_else(|e| panic!("{from} → {to}: {e}"))
        .to_string()
}

/// Each consecutive pair of the layers, as a reviewed snapshot.
#[test]
fn consecutive_layers() {
    let layers = [166, 199, 216, 222, 230];
    for pair in layers.windows(2) {
        let report = layer_diff(pair[0], pair[1]);
        insta::assert_snapshot!(format!("layers_{}_{}", pair[0], pair[1]), report);
    }
}
