//! Schema upgrades as reviewed snapshots: the `tl-codegen diff` text report
//! of each consecutive pair of the Telegram layers in `testdata/`, and of each
//! fixture pair in `schema/upgrades/<kind>/{old,new}.tl` (found by listing
//! the folder), one per kind of change the classifier knows.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use tl_codegen::diff::{Detail, ItemKind};
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

/// A file of the Telegram test data.
fn telegram(name: &str) -> PathBuf {
    test_support::testdata().join("schema/telegram").join(name)
}

/// The diff between two layers of `testdata/`.
fn layers(from: u32, to: u32) -> SchemaDiff {
    let old = telegram(&format!("api-{from}.tl"));
    let new = telegram(&format!("api-{to}.tl"));
    Config::new()
        .diff(&[old], &[new])
        .unwrap_or_else(|e| panic!("{from} → {to}: {e}"))
}

/// Each consecutive pair of the layers, as a reviewed snapshot.
#[test]
fn consecutive_layers() {
    let layers_known = [166, 199, 216, 222, 230];
    for pair in layers_known.windows(2) {
        let report = layers(pair[0], pair[1]).to_string();
        insta::assert_snapshot!(format!("layers_{}_{}", pair[0], pair[1]), report);
    }
}

/// GitHub takes 65,536 characters in a pull-request description: the
/// Markdown summary of every pair of layers fits (222 → 230's full list was
/// 70,827), and the full Markdown still lists every entry.
#[test]
fn markdown_summary_fits_a_pull_request_description() {
    let layers_known = [166, 199, 216, 222, 230];
    for pair in layers_known.windows(2) {
        let diff = layers(pair[0], pair[1]);
        let summary = diff.to_markdown();
        assert!(
            summary.len() < 65_536,
            "{} → {}: {} characters",
            pair[0],
            pair[1],
            summary.len()
        );
        assert!(summary.contains("\n### Breaking changes ("), "{summary}");
        let full = diff.to_markdown_full();
        let entries = full.lines().filter(|l| l.starts_with("- **")).count();
        assert_eq!(
            entries,
            diff.added.len() + diff.removed.len() + diff.changed.len()
        );
    }
    let diff = layers(222, 230);
    let summary = diff.to_markdown();
    // Every breaking entry is listed, grouped by namespace.
    assert!(summary.contains("\n#### global ("), "{summary}");
    assert!(summary.contains("\n#### channels ("), "{summary}");
    assert!(
        summary.contains("\n- removed constructor `keyboardButtonUrl`: removes variant `enums::KeyboardButton::Url`\n"),
        "{summary}"
    );
    assert_eq!(
        summary.lines().filter(|l| l.starts_with("- ")).count(),
        diff.breaking_count()
    );
    // The other changes are counted, not listed.
    assert!(
        summary.contains(
            "| namespace | added | removed | changed | encoded differently |\n|---|---:|---:|---:|---:|\n| global |"
        ),
        "{summary}"
    );
}

/// Whether `line` names the constructor `name` (`constructor name 0x...`,
/// or `` constructor `name` ``).
fn names(line: &str, name: &str) -> bool {
    line.contains(&format!("constructor {name} "))
        || line.contains(&format!("constructor `{name}`"))
}

/// Every definition is listed once: a constructor added to or removed from
/// an existing type is not also a change of the type (222 → 230 listed its
/// 18 removed constructors and 80 of its 181 added ones twice).
#[test]
fn each_definition_is_listed_once() {
    let diff = layers(222, 230);
    let report = diff.to_string();
    let constructors = diff.added.iter().chain(&diff.removed);
    for item in constructors.filter(|i| i.kind == ItemKind::Constructor) {
        let lines = report.lines().filter(|l| names(l, &item.name)).count();
        assert_eq!(lines, 1, "{} is on {lines} lines", item.name);
    }
    // The constructors added to existing types say which variant they add.
    let into_old_types = diff
        .added
        .iter()
        .filter(|i| {
            i.reason
                .as_deref()
                .is_some_and(|r| r.starts_with("adds variant `enums::"))
        })
        .count();
    assert_eq!(into_old_types, 80);
    let removed = diff
        .removed
        .iter()
        .filter(|i| {
            i.reason
                .as_deref()
                .is_some_and(|r| r.starts_with("removes variant `enums::"))
        })
        .count();
    assert_eq!(removed, 18);
}

/// The wire count is of changed definitions; removed ones are counted apart.
#[test]
fn wire_count_leaves_removed_definitions_apart() {
    let dir = test_support::repo_root().join("schema/upgrades");
    let removed = fixture_diff(&dir.join("removed"));
    assert!(!removed.removed.is_empty());
    assert_eq!(removed.wire_incompatible_count(), 0);
    assert!(
        removed
            .to_string()
            .contains("Encoded differently, so that a peer on the old schema cannot decode them: 0. Removed, which a peer on the old schema may still send: 3.\n"),
        "{removed}"
    );
    let diff = layers(222, 230);
    assert_eq!(diff.wire_incompatible_count(), 68);
    assert_eq!(diff.removed.len(), 20);
}

/// Rename detection looks at where the field sits between the fields both
/// sides keep, not at its index: `message` gained `pinned` before `to_id`,
/// `messageService` did not, and both renamed `to_id` to `peer_id`.
#[test]
fn a_rename_is_found_after_an_inserted_field() {
    let dir = test_support::repo_root().join("schema/upgrades");
    let diff = fixture_diff(&dir.join("field_renamed_shifted"));
    let renamed = Detail::FieldRenamed {
        old: "to_id".to_owned(),
        new: "peer_id".to_owned(),
    };
    for name in ["message", "messageService"] {
        let changed = diff.changed.iter().find(|c| c.name == name).unwrap();
        let details: Vec<&Detail> = changed.changes.iter().map(|c| &c.detail).collect();
        assert!(details.contains(&&renamed), "{name}: {details:?}");
        assert!(
            !details
                .iter()
                .any(|d| matches!(d, Detail::FieldRemoved { .. })),
            "{name}: {details:?}"
        );
    }
}

/// Rust-breaking follows the generated Rust type, not the TL text:
/// `grouped:Bool` → `grouped:flags.0?true` is `bool` on both sides;
/// `flags.0?Bool` (`Option<bool>`) → `flags.0?true` (`bool`) breaks, once.
#[test]
fn rust_breaking_follows_the_rust_type() {
    let dir = test_support::repo_root().join("schema/upgrades");
    let diff = fixture_diff(&dir.join("rust_type_kept"));
    let breaking = |name: &str| -> Vec<String> {
        let changed = diff.changed.iter().find(|c| c.name == name).unwrap();
        changed
            .changes
            .iter()
            .filter(|c| c.breaking)
            .map(|c| c.detail.to_string())
            .collect()
    };
    assert_eq!(breaking("channels.exportMessageLink"), Vec::<String>::new());
    assert_eq!(breaking("messages.getLinks"), Vec::<String>::new());
    assert_eq!(
        breaking("messages.exportLink"),
        ["field `grouped`: `Bool` → `true` (Rust `Option<bool>` → `bool`)"]
    );
    assert!(diff.changed.iter().all(|c| !c.wire_compatible()));
}

/// A file given on one side only is warned about: its definitions are
/// reported as removed or added although they probably did not change.
#[test]
fn a_file_on_one_side_only_is_warned_about() {
    let one_sided = Config::new()
        .diff(
            &[telegram("api-222.tl"), telegram("mtproto.tl")],
            &[telegram("api-230.tl")],
        )
        .unwrap();
    assert_eq!(
        one_sided.warnings,
        [
            "`mtproto.tl` is read on the old side only: everything it defines is reported as removed (give it on both sides if it did not change)"
        ]
    );
    let both = Config::new()
        .diff(
            &[telegram("api-222.tl"), telegram("mtproto.tl")],
            &[telegram("api-230.tl"), telegram("mtproto.tl")],
        )
        .unwrap();
    assert_eq!(both.warnings, Vec::<String>::new());
    assert_eq!(layers(222, 230).warnings, Vec::<String>::new());
}

/// A side with errors stops the comparison, and the error says so (not
/// "could not generate code").
#[test]
fn errors_say_the_comparison_stopped() {
    let dir = std::env::temp_dir().join(format!("tl-diff-errors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.tl");
    let bad = dir.join("bad.tl");
    std::fs::write(&good, "int ? = Int;\npoint#299f9c6d x:int = Point;\n").unwrap();
    std::fs::write(&bad, "int ? = Int;\nfoo#12345678 x:Strin = Foo;\n").unwrap();
    let error = Config::new().diff(&[&good], &[&bad]).unwrap_err();
    let text = error.to_string();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        text.ends_with("\nerror: could not compare the schemas: 1 error in the schema\n"),
        "{text}"
    );
}
