//! `tl-codegen diff`: what changed between two versions of a schema.
//!
//! ```text
//! tl-codegen diff [--format text|markdown|markdown-full|json] [--fail-on-breaking] OLD.tl NEW.tl
//! tl-codegen diff --old api-222.tl --old mtproto.tl --new api-230.tl --new mtproto.tl
//! ```
//!
//! `text` (the default) lists every change, grouped by namespace;
//! `markdown` is a summary that fits a pull-request description (counts,
//! each breaking change on one line, the other changes counted per
//! namespace); `markdown-full` lists every change in Markdown.
//!
//! Each side's id rules are `--dialect`'s, else detected from that side's
//! files. A warning on stderr says when the two sides read different sets of
//! files (`mtproto.tl` on one side only) or detected different id rules.
//!
//! # Exit status
//!
//! 0 when the two sides are the same, 1 when they differ (with
//! `--fail-on-breaking`: only when a change breaks Rust code that uses the
//! generated types), 2 when a file cannot be read or has errors (rendered
//! on stderr as `check` renders them, then which side failed) or on a usage
//! error.
//!
//! # JSON
//!
//! `--format json` prints one object, with the keys always in this order:
//!
//! ```text
//! {"from_layer": 222 | null, "to_layer": 230 | null,
//!  "non_exhaustive": false,        whether enums were taken as #[non_exhaustive]
//!  "breaking": true,               whether anything breaks Rust code
//!  "warnings": ["..."],            what may make the comparison misleading
//!  "counts": {"added": 96, "removed": 9, "changed": 214,
//!             "breaking": 240,
//!             "wire_incompatible": 180},  changed definitions encoded differently
//!                                         (removed ones are counted in "removed")
//!  "added":   [{"name": "inputMediaStakeDice", "kind": "constructor",
//!               "id": 4073279108,  the id as a number; null for types
//!               "rust": "types::InputMediaStakeDice",
//!               "breaking": true, "reason": "adds variant ..." | null}, ...],
//!  "removed": [same keys],
//!  "changed": [{"name": "message", "kind": "constructor",
//!               "old_id": 1, "id": 2, "rust": "types::Message",
//!               "breaking": true, "wire_compatible": false,
//!               "changes": [{"change": "field_added", "text": "field `x:flags.3?int` added",
//!                            "breaking": true, "wire_compatible": false,
//!                            "field": "x", "type": "flags.3?int"}, ...]}, ...]}
//! ```
//!
//! `kind` is `type`, `constructor` or `function`. Each change carries
//! `change` (one of `renamed`, `section`, `id`, `result`, `field_added`,
//! `field_removed`, `field_retyped`, `field_renamed`, `field_flag_moved`,
//! `field_made_optional`, `field_made_required`, `field_moved`,
//! `field_regrouped`, `rust_name`, `payload`, `boxing`), a human `text`, then
//! the keys of its kind in alphabetical order: `from`; `new`/`old`; `field`
//! with `type`, `new`/`old` (for `field_moved`, the TL parameter positions
//! counted from 1), or `flag`; `name`; `what`; `unit`/`variant`;
//! `boxed`/`reason`/`variant`. `field_retyped`, `field_made_optional` and
//! `field_made_required` also carry `rust`: `{"new": ..., "old": ...}`, the
//! field's Rust types (`null` on a side where the struct has no such field),
//! or `null`. A constructor added to or removed from a
//! type is an entry of `added` or `removed` (its `reason` names the
//! variant), not a change of the type.

use std::path::{Path, PathBuf};

use clap::ValueEnum;
use serde::Serialize;
use serde_json::{Map, Value};
use tl_codegen::diff::{Change, Changed, Detail, Item, RustTypes};
use tl_codegen::{Built, Config, Error, SchemaDiff};

use super::output::Stdout;
use super::{Exit, SchemaArgs};

/// Arguments of `tl-codegen diff`.
#[derive(Debug, Clone, PartialEq, Eq, clap::Args)]
#[command(mut_arg("dialect", |arg| arg.help(DIALECT_HELP)))]
pub struct Args {
    #[command(flatten)]
    pub schema: SchemaArgs,
    /// Classify changes for `#[non_exhaustive]` enums (`generate
    /// --non-exhaustive`): new variants then break nothing.
    #[arg(long)]
    pub non_exhaustive: bool,
    /// How to report.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Exit 1 only when a change breaks Rust code using the generated types.
    #[arg(long)]
    pub fail_on_breaking: bool,
    /// A file of the old side (repeat for several: `--old api.tl --old mtproto.tl`).
    #[arg(long, value_name = "FILE", requires = "new")]
    pub old: Vec<PathBuf>,
    /// A file of the new side (repeat for several).
    #[arg(long, value_name = "FILE", requires = "old")]
    pub new: Vec<PathBuf>,
    /// Write the report here instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// The old and the new file, when each side is one file.
    #[arg(value_names = ["OLD", "NEW"], num_args = 2, action = clap::ArgAction::Set, conflicts_with_all = ["old", "new"], required_unless_present = "old")]
    pub files: Vec<PathBuf>,
}

/// `--dialect` as `diff` uses it: each side is detected on its own.
const DIALECT_HELP: &str = "The id rules of both sides: `telegram` (api.tl, mtproto.tl) or `tdlib` (TDLib and TON; also `ton`); when not given, detected from each side's files (a warning says when the sides differ)";

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Every change, grouped by namespace: counts, the breaking changes, then
    /// the rest.
    Text,
    /// A summary for a pull-request description (under GitHub's 65,536
    /// characters): counts, each breaking change on one line, the rest
    /// counted per namespace.
    Markdown,
    /// Every change, grouped by namespace, in Markdown (can be longer than a
    /// pull-request description takes).
    MarkdownFull,
    /// One JSON object for scripts (see the command's documentation).
    Json,
}

impl Args {
    /// The files of each side.
    fn sides(&self) -> (&[PathBuf], &[PathBuf]) {
        match self.files.as_slice() {
            [old, new] => (std::slice::from_ref(old), std::slice::from_ref(new)),
            _ => (&self.old, &self.new),
        }
    }
}

/// Reports on stderr why a side could not be built: its diagnostics
/// rendered, then which side failed and how.
fn report_side(side: &str, error: &Error) {
    match error {
        Error::Schema(e) => {
            for d in e.diagnostics() {
                if let Some(source) = e.source_of(d) {
                    eprint!("{}", d.diagnostic.render(&source.name, &source.text));
                }
            }
            let errors = e.error_count();
            eprintln!(
                "error: cannot compare the schemas: the {side} side has {errors} error{}",
                if errors == 1 { "" } else { "s" }
            );
        }
        Error::Io { .. } => eprintln!("error: cannot read the {side} side: {error}"),
        other => eprintln!("error: cannot compare the schemas: the {side} side: {other}"),
    }
}

/// Builds both sides (at the same time: they are independent) and compares
/// them; reports what failed on stderr.
fn compare(config: &Config, old: &[PathBuf], new: &[PathBuf]) -> Result<SchemaDiff, Exit> {
    let build = |paths: &[PathBuf]| -> Result<Built, Error> { config.build(paths) };
    let (old, new) = std::thread::scope(|scope| {
        let old = scope.spawn(|| build(old));
        let new = build(new);
        (old.join(), new)
    });
    let old = old.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    match (old, new) {
        (Ok(old), Ok(new)) => Ok(tl_codegen::diff::diff(
            &old.model,
            &new.model,
            config.non_exhaustive_enabled(),
        )),
        (old, new) => {
            for (side, built) in [("old", old), ("new", new)] {
                if let Err(e) = built {
                    report_side(side, &e);
                }
            }
            Err(Exit::Failure)
        }
    }
}

/// Writes the report to `output`, or to standard output.
fn write(report: &str, output: Option<&Path>) -> Result<(), String> {
    match output {
        Some(path) => std::fs::write(path, report).map_err(|e| format!("{}: {e}", path.display())),
        None => Stdout::new().write(report),
    }
}

/// Runs the command.
pub fn run(args: &Args) -> Exit {
    let mut config = Config::new();
    args.schema.apply(&mut config);
    config.non_exhaustive(args.non_exhaustive);
    let (old, new) = args.sides();
    let diff = match compare(&config, old, new) {
        Ok(diff) => diff,
        Err(exit) => return exit,
    };
    for warning in &diff.warnings {
        eprintln!("warning: {warning}");
    }
    let report = match args.format {
        Format::Text => diff.to_string(),
        Format::Markdown => diff.to_markdown(),
        Format::MarkdownFull => diff.to_markdown_full(),
        Format::Json => to_json(&diff),
    };
    if let Err(e) = write(&report, args.output.as_deref()) {
        eprintln!("error: {e}");
        return Exit::Failure;
    }
    let differs = if args.fail_on_breaking {
        diff.is_breaking()
    } else {
        !diff.is_empty()
    };
    if differs {
        Exit::Differences
    } else {
        Exit::Success
    }
}

/// The JSON report (see the module documentation), pretty-printed, with a
/// final newline.
pub fn to_json(diff: &SchemaDiff) -> String {
    let report = JsonDiff {
        from_layer: diff.from_layer,
        to_layer: diff.to_layer,
        non_exhaustive: diff.non_exhaustive,
        breaking: diff.is_breaking(),
        warnings: &diff.warnings,
        counts: JsonCounts {
            added: diff.added.len(),
            removed: diff.removed.len(),
            changed: diff.changed.len(),
            breaking: diff.breaking_count(),
            wire_incompatible: diff.wire_incompatible_count(),
        },
        added: diff.added.iter().map(JsonItem::from).collect(),
        removed: diff.removed.iter().map(JsonItem::from).collect(),
        changed: diff.changed.iter().map(JsonChanged::from).collect(),
    };
    // Serializing plain structs and maps of strings cannot fail.
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}

// The JSON shapes, fields in output order.

#[derive(Serialize)]
struct JsonDiff<'d> {
    from_layer: Option<u32>,
    to_layer: Option<u32>,
    non_exhaustive: bool,
    breaking: bool,
    warnings: &'d [String],
    counts: JsonCounts,
    added: Vec<JsonItem<'d>>,
    removed: Vec<JsonItem<'d>>,
    changed: Vec<JsonChanged<'d>>,
}

#[derive(Serialize)]
struct JsonCounts {
    added: usize,
    removed: usize,
    changed: usize,
    breaking: usize,
    wire_incompatible: usize,
}

#[derive(Serialize)]
struct JsonItem<'d> {
    name: &'d str,
    kind: &'static str,
    id: Option<u32>,
    rust: &'d str,
    breaking: bool,
    reason: Option<&'d str>,
}

impl<'d> From<&'d Item> for JsonItem<'d> {
    fn from(i: &'d Item) -> Self {
        JsonItem {
            name: &i.name,
            kind: i.kind.name(),
            id: i.id,
            rust: &i.rust,
            breaking: i.breaking,
            reason: i.reason.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct JsonChanged<'d> {
    name: &'d str,
    kind: &'static str,
    old_id: Option<u32>,
    id: Option<u32>,
    rust: &'d str,
    breaking: bool,
    wire_compatible: bool,
    changes: Vec<JsonChange>,
}

impl<'d> From<&'d Changed> for JsonChanged<'d> {
    fn from(c: &'d Changed) -> Self {
        JsonChanged {
            name: &c.name,
            kind: c.kind.name(),
            old_id: c.old_id,
            id: c.id,
            rust: &c.rust,
            breaking: c.breaking(),
            wire_compatible: c.wire_compatible(),
            changes: c.changes.iter().map(change).collect(),
        }
    }
}

#[derive(Serialize)]
struct JsonChange {
    change: &'static str,
    text: String,
    breaking: bool,
    wire_compatible: bool,
    /// The keys of the change's kind, in alphabetical order.
    #[serde(flatten)]
    keys: Map<String, Value>,
}

fn change(c: &Change) -> JsonChange {
    let mut out = Map::new();
    let keys: Vec<(&str, Value)> = match &c.detail {
        Detail::Renamed { from } => vec![("from", from.as_str().into())],
        Detail::Section { from } => vec![("from", from.name().into())],
        Detail::Id { old, new } => vec![("old", (*old).into()), ("new", (*new).into())],
        Detail::Result { old, new } => {
            vec![("old", old.as_str().into()), ("new", new.as_str().into())]
        }
        Detail::FieldAdded { field, ty } | Detail::FieldRemoved { field, ty } => {
            vec![
                ("field", field.as_str().into()),
                ("type", ty.as_str().into()),
            ]
        }
        Detail::FieldRetyped {
            field,
            old,
            new,
            rust,
        } => vec![
            ("field", field.as_str().into()),
            ("old", old.as_str().into()),
            ("new", new.as_str().into()),
            ("rust", rust_types(rust.as_ref())),
        ],
        Detail::FieldFlagMoved { field, old, new } => {
            vec![
                ("field", field.as_str().into()),
                ("old", old.as_str().into()),
                ("new", new.as_str().into()),
            ]
        }
        Detail::FieldRenamed { old, new } => {
            vec![("old", old.as_str().into()), ("new", new.as_str().into())]
        }
        Detail::FieldMadeOptional { field, flag, rust }
        | Detail::FieldMadeRequired { field, flag, rust } => vec![
            ("field", field.as_str().into()),
            ("flag", flag.as_str().into()),
            ("rust", rust_types(rust.as_ref())),
        ],
        Detail::FieldMoved { field, old, new } => vec![
            ("field", field.as_str().into()),
            ("old", (*old).into()),
            ("new", (*new).into()),
        ],
        Detail::FieldRegrouped { field, old, new } => vec![
            ("field", field.as_str().into()),
            ("old", old.as_deref().into()),
            ("new", new.as_deref().into()),
        ],
        Detail::RustName { what, old, new } => vec![
            ("what", what.as_str().into()),
            ("old", old.as_str().into()),
            ("new", new.as_str().into()),
        ],
        Detail::Payload { variant, unit } => {
            vec![
                ("unit", (*unit).into()),
                ("variant", variant.as_str().into()),
            ]
        }
        Detail::Boxing {
            variant,
            boxed,
            reason,
        } => vec![
            ("variant", variant.as_str().into()),
            ("boxed", (*boxed).into()),
            ("reason", reason.as_str().into()),
        ],
        _ => Vec::new(),
    };
    for (key, value) in keys {
        out.insert(key.into(), value);
    }
    JsonChange {
        change: c.detail.code(),
        text: c.detail.to_string(),
        breaking: c.breaking,
        wire_compatible: c.wire_compatible,
        keys: out,
    }
}

/// `{"new": ..., "old": ...}`, or `null`.
fn rust_types(rust: Option<&RustTypes>) -> Value {
    rust.map_or(
        Value::Null,
        |r| serde_json::json!({"new": r.new.as_deref(), "old": r.old.as_deref()}),
    )
}
