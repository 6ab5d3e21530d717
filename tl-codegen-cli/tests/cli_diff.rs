//! `tl-codegen diff`, run as a process: exit statuses, the several-files
//! form, `--fail-on-breaking`, `--non-exhaustive`, and the JSON report key by
//! key. The text report of every upgrade fixture is snapshotted in
//! `tests/tests/upgrades.rs`.

mod common;

use common::{TempFile, run, stderr, stdout};
use serde_json::Value;

const UPGRADES: &str = "schema/upgrades";

fn pair(kind: &str) -> (String, String) {
    (
        format!("{UPGRADES}/{kind}/old.tl"),
        format!("{UPGRADES}/{kind}/new.tl"),
    )
}

#[test]
fn no_differences_exit_0() {
    let (old, new) = pair("unchanged");
    let out = run(&["diff", &old, &new]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "layer 1 → layer 2\n\nNo differences.\n");
}

#[test]
fn differences_exit_1() {
    let (old, new) = pair("field_renamed");
    let out = run(&["diff", "--dialect", "telegram", &old, &new]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("        field `end` renamed to `stop` [breaking]\n"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn fail_on_breaking_ignores_compatible_changes() {
    // An id change alone breaks no Rust code.
    let (old, new) = pair("id_changed");
    let out = run(&["diff", "--fail-on-breaking", &old, &new]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let (old, new) = pair("field_retyped");
    let out = run(&["diff", "--fail-on-breaking", &old, &new]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
}

#[test]
fn non_exhaustive_makes_new_variants_compatible() {
    let (old, new) = pair("constructor_added");
    let exhaustive = run(&["diff", "--fail-on-breaking", &old, &new]);
    assert_eq!(exhaustive.status.code(), Some(1));
    let relaxed = run(&["diff", "--fail-on-breaking", "--non-exhaustive", &old, &new]);
    assert_eq!(relaxed.status.code(), Some(0), "{}", stdout(&relaxed));
    assert!(stdout(&relaxed).contains("(enums are #[non_exhaustive])"));
}

#[test]
fn several_files_per_side() {
    let extra = TempFile::new("extra.tl", "extra#12340001 id:long = Extra;\n");
    let (old, new) = pair("unchanged");
    let extra = extra.path().to_str().unwrap();
    // The same extra file on both sides: still no differences.
    let same = run(&[
        "diff", "--old", &old, "--old", extra, "--new", &new, "--new", extra,
    ]);
    assert_eq!(same.status.code(), Some(0), "{}", stderr(&same));
    // Only on the new side: its type and constructor are added.
    let added = run(&["diff", "--old", &old, "--new", &new, "--new", extra]);
    assert_eq!(added.status.code(), Some(1), "{}", stderr(&added));
    let report = stdout(&added);
    assert!(
        report.contains("    + added type Extra (enums::Extra)\n"),
        "{report}"
    );
    assert!(
        report.contains("    + added constructor extra 0x12340001 (types::Extra)\n"),
        "{report}"
    );
    // And the file read on one side only is warned about.
    assert_eq!(
        stderr(&added),
        "warning: `extra.tl` is read on the new side only: everything it defines is reported as added (give it on both sides if it did not change)\n"
    );
    assert_eq!(stderr(&same), "");
}

#[test]
fn invalid_input_exits_2_with_located_diagnostics_of_both_sides() {
    let bad_old = TempFile::new("old.tl", "a#1 x:Nope = A;\n");
    let bad_new = TempFile::new("new.tl", "b x:int = ;\n");
    let out = run(&[
        "diff",
        bad_old.path().to_str().unwrap(),
        bad_new.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
    let err = stderr(&out);
    assert!(err.contains("unknown type `Nope`"), "{err}");
    assert!(err.contains("old.tl:1:"), "{err}");
    assert!(err.contains("new.tl:1:"), "{err}");
    // Each side says what failed; nothing was being generated.
    assert!(
        err.contains("error: cannot compare the schemas: the old side has 1 error\n"),
        "{err}"
    );
    assert!(
        err.contains("error: cannot compare the schemas: the new side has "),
        "{err}"
    );
    assert!(!err.contains("could not generate code"), "{err}");
    // The old side's diagnostics and verdict come before the new side's.
    let old_verdict = err.find("the old side has").unwrap();
    assert!(old_verdict < err.find("new.tl:1:").unwrap(), "{err}");
}

#[test]
fn unreadable_file_and_usage_errors_exit_2() {
    let (old, _) = pair("unchanged");
    let missing = run(&["diff", &old, "no/such/file.tl"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).starts_with("error: cannot read the new side: no/such/file.tl: "),
        "{}",
        stderr(&missing)
    );
    // One file alone, or positional files mixed with --old/--new.
    assert_eq!(run(&["diff", &old]).status.code(), Some(2));
    assert_eq!(
        run(&["diff", &old, &old, "--old", &old, "--new", &old])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["diff", "--old", &old]).status.code(), Some(2));
    assert_eq!(
        run(&["diff", "--format", "yaml", &old, &old]).status.code(),
        Some(2)
    );
}

#[test]
fn markdown_report() {
    let (old, new) = pair("renamed");
    let out = run(&["diff", "--format", "markdown", &old, &new]);
    assert_eq!(out.status.code(), Some(1));
    let md = stdout(&out);
    assert!(
        md.starts_with("## TL schema: old schema → new schema\n\n"),
        "{md}"
    );
    assert!(
        md.contains("\n### Breaking changes (3)\n\n#### global (3)\n\n"),
        "{md}"
    );
    assert!(
        md.contains("\n- changed constructor `coords`: renamed from `point`\n"),
        "{md}"
    );
    let full = run(&["diff", "--format", "markdown-full", &old, &new]);
    let full = stdout(&full);
    assert!(
        full.contains("\n#### global (3)\n\n- **changed** type `Point` (`enums::Point`)\n"),
        "{full}"
    );
    assert!(
        full.contains("- **changed** constructor `coords` (`types::Coords`)\n  - renamed from `point` — **breaking**\n"),
        "{full}"
    );
}

/// The default Markdown is a summary that fits a pull-request description
/// (GitHub takes 65,536 characters; 222 → 230 listed in full was 70,827).
#[test]
fn markdown_of_a_real_upgrade_fits_a_pull_request() {
    let dir = "testdata/schema/telegram";
    let (old, new) = (format!("{dir}/api-222.tl"), format!("{dir}/api-230.tl"));
    let summary = run(&["diff", "--format", "markdown", &old, &new]);
    assert_eq!(summary.status.code(), Some(1), "{}", stderr(&summary));
    let summary = stdout(&summary);
    assert!(summary.len() < 65_536, "{} characters", summary.len());
    assert!(
        summary.starts_with("## TL schema: layer 222 → layer 230\n\n344 added"),
        "{summary}"
    );
    assert!(
        summary.contains("\n### Breaking changes (283)\n"),
        "{summary}"
    );
    assert!(summary.contains("\n### Other changes ("), "{summary}");
    let full = run(&["diff", "--format", "markdown-full", &old, &new]);
    assert!(stdout(&full).len() > summary.len());
}

/// `--dialect` is detected per side, as the help says.
#[test]
fn help_says_how_the_dialect_is_chosen() {
    let out = run(&["diff", "--help"]);
    let help = stdout(&out);
    assert!(
        help.contains("when not given, detected from each side's files"),
        "{help}"
    );
    assert!(help.contains("markdown-full"), "{help}");
    assert!(
        help.contains("Usage: tl-codegen diff [OPTIONS] [OLD] [NEW]\n"),
        "{help}"
    );
}

#[test]
fn json_report_key_by_key() {
    let (old, new) = pair("constructor_added");
    let out = run(&["diff", "--format", "json", &old, &new]);
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_str(stdout(&out)).expect("one JSON object");
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "added",
            "breaking",
            "changed",
            "counts",
            "from_layer",
            "non_exhaustive",
            "removed",
            "to_layer",
            "warnings"
        ]
    );
    // The keys in output order, as documented.
    let text = stdout(&out);
    let at = |key: &str| text.find(&format!("\"{key}\":")).unwrap();
    assert!(at("from_layer") < at("to_layer") && at("to_layer") < at("non_exhaustive"));
    assert!(at("breaking") < at("warnings") && at("warnings") < at("counts"));
    assert!(at("counts") < at("added") && at("added") < at("removed"));
    assert!(at("removed") < at("changed"));

    assert_eq!(json["from_layer"], 1);
    assert_eq!(json["to_layer"], 2);
    assert_eq!(json["non_exhaustive"], false);
    assert_eq!(json["breaking"], true);
    assert_eq!(json["warnings"], serde_json::json!([]));
    assert_eq!(
        json["counts"],
        serde_json::json!({"added": 1, "removed": 0, "changed": 0, "breaking": 1, "wire_incompatible": 0})
    );
    assert_eq!(
        json["added"],
        serde_json::json!([{
            "name": "shape.triangle",
            "kind": "constructor",
            "id": 0x1000_0003,
            "rust": "types::shape::Triangle",
            "breaking": true,
            "reason": "adds variant `enums::shape::Shape::Triangle` to an exhaustive enum"
        }])
    );
    assert_eq!(json["removed"], serde_json::json!([]));
    // The type is not also changed: its new constructor is listed once.
    assert_eq!(json["changed"], serde_json::json!([]));
}

#[test]
fn json_change_keys_of_a_field_change() {
    let (old, new) = pair("field_flag_moved");
    let out = run(&["diff", "--format", "json", &old, &new]);
    let json: Value = serde_json::from_str(stdout(&out)).unwrap();
    assert_eq!(
        json["changed"][0]["changes"][1],
        serde_json::json!({
            "change": "field_flag_moved",
            "text": "field `about` moved from `flags.1` to `flags2.0`",
            "breaking": false,
            "wire_compatible": false,
            "field": "about",
            "new": "flags2.0",
            "old": "flags.1"
        })
    );
}

#[test]
fn output_flag_writes_the_report() {
    let target = TempFile::new("report.md", "");
    let (old, new) = pair("id_changed");
    let out = run(&[
        "diff",
        "--format",
        "markdown-full",
        "-o",
        target.path().to_str().unwrap(),
        &old,
        &new,
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    let written = std::fs::read_to_string(target.path()).unwrap();
    assert!(
        written.contains("- **changed** constructor `pong` (`types::Pong`)\n  - id 0x40000002 → 0x40000003 — wire\n"),
        "{written}"
    );
}

#[test]
fn json_change_keys_of_a_move_and_a_retyping() {
    let (old, new) = pair("field_moved");
    let out = run(&["diff", "--format", "json", &old, &new]);
    let json: Value = serde_json::from_str(stdout(&out)).unwrap();
    assert_eq!(
        json["changed"][0]["changes"][0],
        serde_json::json!({
            "change": "field_moved",
            "text": "field `first` moved from 1st to 2nd parameter",
            "breaking": false,
            "wire_compatible": false,
            "field": "first",
            "new": 2,
            "old": 1
        })
    );
    let (old, new) = pair("rust_type_kept");
    let out = run(&["diff", "--format", "json", &old, &new]);
    let json: Value = serde_json::from_str(stdout(&out)).unwrap();
    let link = &json["changed"][0];
    assert_eq!(link["name"], "channels.exportMessageLink");
    assert_eq!(link["breaking"], false);
    assert_eq!(
        link["changes"][3],
        serde_json::json!({
            "change": "field_retyped",
            "text": "field `grouped`: `Bool` → `true` (Rust type `bool` either way)",
            "breaking": false,
            "wire_compatible": false,
            "field": "grouped",
            "new": "true",
            "old": "Bool",
            "rust": {"new": "bool", "old": "bool"}
        })
    );
}

#[test]
fn json_boxing_says_why() {
    let (old, new) = pair("boxing");
    let out = run(&["diff", "--format", "json", &old, &new]);
    let json: Value = serde_json::from_str(stdout(&out)).unwrap();
    assert_eq!(
        json["changed"][0]["changes"][0],
        serde_json::json!({
            "change": "boxing",
            "text": "variant `enums::Point::Point` now holds a `Box`: its fields take about 80 bytes, more than the 24 kept inline",
            "breaking": true,
            "wire_compatible": true,
            "boxed": true,
            "reason": "its fields take about 80 bytes, more than the 24 kept inline",
            "variant": "enums::Point::Point"
        })
    );
}
