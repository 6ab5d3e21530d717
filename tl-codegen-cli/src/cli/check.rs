//! `tl-codegen check`: parse and validate schema files.
//!
//! # Output
//!
//! With `--format human` (the default), each file's diagnostics are rendered
//! like rustc's on stderr, then one summary line is printed on stdout:
//!
//! ```text
//! schema/example.tl: 142 types, 20 functions, layer 1, telegram ids (detected)
//! ```
//!
//! Types count the non-built-in constructors; the layer is `none` when the
//! file has no `// LAYER N` comment. The id rules are `--dialect`'s, else
//! detected per file (`(detected)`): Telegram's when at least half of the
//! declarations carry an explicit id, TDLib's otherwise.
//!
//! With `--format json`, stdout carries one JSON object per readable file, one
//! per line, with the keys always in this order:
//!
//! ```text
//! {"file": "a.tl",                 the path as given
//!  "layer": 230 | null,
//!  "dialect": "telegram" | "tdlib",  the id rules used
//!  "dialect_detected": true | false, whether they were detected
//!  "definitions": [{"name": "inputPeerChat",
//!                   "kind": "type" | "function" | "builtin",
//!                   "id": "35a95cb9",          the explicit id, else the computed one
//!                   "computed_id": "35a95cb9", the CRC32 of the declaration
//!                   "line": 12}, ...],
//!  "errors":   [{"code": "TL0009", "line": 3, "column": 7,
//!                "message": "unknown type `Foo`"}, ...],
//!  "warnings": [{"code": ..., "line": ..., "column": ..., "message": ...}, ...]}
//! ```
//!
//! Ids are 8 lower-case hex digits; lines and columns are 1-based, columns
//! counted in characters. `code` names the kind of problem (see
//! `tl_parser::Code`): codes are stable and never reused, while messages
//! may be reworded, so match on the code. Rendered diagnostics still go to
//! stderr.
//!
//! A file that cannot be read is reported on stderr (`error: cannot read
//! FILE: reason`); the other files are still checked, and the exit status is 2.

use std::path::PathBuf;

use clap::ValueEnum;
use serde::Serialize;
use tl_codegen::Config;
use tl_parser::{Checked, Diagnostic, Kind, check_detecting};

use super::output::Stdout;
use super::{Exit, SchemaArgs};

/// Arguments of `tl-codegen check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub schema: SchemaArgs,
    /// How to report: rendered diagnostics and a summary, or JSON lines.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// The schema files to check.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Rendered diagnostics on stderr, one summary line per file on stdout.
    Human,
    /// One JSON object per file per line on stdout.
    Json,
}

/// Runs the subcommand.
pub fn run(args: &Args) -> Exit {
    let mut config = Config::new();
    args.schema.apply(&mut config);
    let chosen = config.chosen_dialect();
    let mut status = Exit::Success;
    let mut stdout = Stdout::new();
    for path in &args.files {
        let name = path.display().to_string();
        let src = match std::fs::read_to_string(path) {
            Ok(src) => src,
            Err(e) => {
                eprintln!("error: cannot read {name}: {e}");
                status = Exit::Failure;
                continue;
            }
        };
        let checked = check_detecting(&src, chosen);
        eprint!("{}", checked.render_all(&name, &src));
        let line = match args.format {
            Format::Human => summary_line(&name, &checked),
            Format::Json => json_line(&name, &src, &checked),
        };
        if let Err(e) = stdout.line(&line) {
            eprintln!("error: {e}");
            return Exit::Failure;
        }
        if checked.has_errors() && status == Exit::Success {
            status = Exit::SchemaErrors;
        }
    }
    status
}

/// `FILE: T types, F functions, layer L, tdlib ids (detected)`.
fn summary_line(name: &str, checked: &Checked) -> String {
    let defs = &checked.schema.definitions;
    let types = defs.iter().filter(|d| Kind::of(d) == Kind::Type).count();
    let functions = defs
        .iter()
        .filter(|d| Kind::of(d) == Kind::Function)
        .count();
    let layer = checked
        .schema
        .layer
        .map_or_else(|| "none".to_owned(), |l| l.value.to_string());
    let how = if checked.detected.is_some() {
        " (detected)"
    } else {
        ""
    };
    format!(
        "{name}: {types} types, {functions} functions, layer {layer}, {} ids{how}",
        checked.dialect.name()
    )
}

#[derive(Serialize)]
struct FileReport<'a> {
    file: &'a str,
    layer: Option<u32>,
    dialect: &'static str,
    dialect_detected: bool,
    definitions: Vec<DefinitionReport>,
    errors: Vec<DiagnosticReport<'a>>,
    warnings: Vec<DiagnosticReport<'a>>,
}

#[derive(Serialize)]
struct DefinitionReport {
    name: String,
    kind: &'static str,
    id: String,
    computed_id: String,
    line: usize,
}

#[derive(Serialize)]
struct DiagnosticReport<'a> {
    code: &'static str,
    line: usize,
    column: usize,
    message: &'a str,
}

impl<'a> DiagnosticReport<'a> {
    fn of(d: &'a Diagnostic, src: &str) -> Self {
        let (line, column) = d.line_col(src);
        DiagnosticReport {
            code: d.code.as_str(),
            line,
            column,
            message: &d.message,
        }
    }
}

fn json_line(name: &str, src: &str, checked: &Checked) -> String {
    let report = FileReport {
        file: name,
        layer: checked.schema.layer.map(|l| l.value),
        dialect: checked.dialect.name(),
        dialect_detected: checked.detected.is_some(),
        definitions: checked
            .summaries(src, checked.dialect)
            .into_iter()
            .map(|s| DefinitionReport {
                name: s.name,
                kind: s.kind.as_str(),
                id: format!("{:08x}", s.id),
                computed_id: format!("{:08x}", s.computed_id),
                line: s.line,
            })
            .collect(),
        errors: checked
            .errors()
            .map(|d| DiagnosticReport::of(d, src))
            .collect(),
        warnings: checked
            .warnings()
            .map(|d| DiagnosticReport::of(d, src))
            .collect(),
    };
    // Serializing plain structs of strings and numbers cannot fail.
    serde_json::to_string(&report).unwrap_or_default()
}
