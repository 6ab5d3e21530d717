//! The documentation inputs' part of the model: descriptions where the
//! schema has none, each function's errors and usability, the typed RPC
//! errors (their variant names settled here), and a located warning for each
//! entry the schema has no item for. [`super::build`] calls it while it
//! builds the model, so a model is complete when it is returned.

use std::collections::BTreeSet;

use tl_parser::{Code, Diagnostic, Span};

use super::{FieldModel, Model, NumberField, PossibleError, RpcErrorModel, names};
use crate::docs::{Documentation, Entry, ErrorInfo, Usability, text};
use crate::error::{FileDiagnostic, one_line_each};

/// What applying the documentation did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Applied {
    /// Constructors with a description (from the schema or the documentation).
    pub constructors_described: usize,
    /// Types with a description.
    pub types_described: usize,
    /// Functions with a description.
    pub functions_described: usize,
    /// Documentation entries (constructors, types, methods, usability rows)
    /// that name something the schema does not have.
    pub stale: usize,
    /// One `file:line:col: warning[TL0026]: ...` line per stale entry.
    pub warnings: Vec<String>,
}

fn fill(doc: &mut Option<String>, from: Option<&String>) {
    if doc.is_none() {
        doc.clone_from(&from.cloned());
    }
}

fn fill_fields(fields: &mut [FieldModel], entry: &Entry) {
    for f in fields {
        fill(&mut f.doc, entry.fields.get(&f.tl_name));
    }
}

/// Whether items link to their official pages: Telegram's schemas with a
/// documentation file.
pub(super) fn official_pages(docs: &Documentation, dialect: tl_parser::Dialect) -> bool {
    docs.constructors.len() + docs.methods.len() > 0 && dialect == tl_parser::Dialect::Telegram
}

/// Fills the descriptions, errors and usability of `model` from `docs`,
/// whose [`rpc_errors`] the model already holds.
pub(super) fn describe(docs: &Documentation, model: &mut Model) -> Applied {
    docs.describe(model)
}

impl Documentation {
    fn describe(&self, model: &mut Model) -> Applied {
        let mut used: BTreeSet<(&'static str, String)> = BTreeSet::new();

        for c in &mut model.constructors {
            if let Some((key, entry)) = self.constructor(&c.tl_name) {
                used.insert(("constructor", key.to_owned()));
                fill(&mut c.doc, entry.description.as_ref());
                fill_fields(&mut c.fields, entry);
            }
        }
        for g in &mut model.groups {
            if let Some((_, entry)) = self.constructor(&g.owner) {
                fill_fields(&mut g.fields, entry);
            }
        }
        for t in &mut model.types {
            if let Some((key, entry)) = self.type_entry(&t.tl_name) {
                used.insert(("type", key.to_owned()));
                fill(&mut t.doc, entry.description.as_ref());
            }
        }

        let variant_of = |name: &str| {
            model
                .rpc_errors
                .binary_search_by(|e| e.name.as_str().cmp(name))
                .ok()
                .map(|i| model.rpc_errors[i].variant.clone())
        };
        let mut functions = std::mem::take(&mut model.functions);
        for f in &mut functions {
            if let Some((key, entry)) = self.method(&f.tl_name) {
                used.insert(("method", key.to_owned()));
                fill(&mut f.doc, entry.description.as_ref());
                fill_fields(&mut f.fields, entry);
                f.errors = entry
                    .errors
                    .iter()
                    .map(|e| PossibleError {
                        code: e.code,
                        name: e.name.clone(),
                        description: e.description.clone(),
                        variant: variant_of(&e.name),
                    })
                    .collect();
            }
            if self.has_usability {
                let found = self.usability_row(&f.tl_name);
                if let Some((key, _)) = found {
                    used.insert(("usability", key.to_owned()));
                }
                let row = found.map(|(_, row)| row);
                f.usability = Some(row.map_or(Usability::Unknown, |r| r.usability));
                // Errors the table lists that the documentation file does not.
                for name in row.map(|r| r.errors.as_slice()).unwrap_or_default() {
                    if f.errors.iter().any(|e| &e.name == name) {
                        continue;
                    }
                    let info = self.errors.get(name);
                    f.errors.push(PossibleError {
                        code: info.and_then(|i| i.codes.first().copied()).unwrap_or(400),
                        name: name.clone(),
                        description: info.map(|i| text::paragraph(&i.description, &[])),
                        variant: variant_of(name),
                    });
                }
            }
        }
        model.functions = functions;

        let mut applied = Applied {
            constructors_described: model
                .constructors
                .iter()
                .filter(|c| c.doc.is_some())
                .count(),
            types_described: model.types.iter().filter(|t| t.doc.is_some()).count(),
            functions_described: model.functions.iter().filter(|f| f.doc.is_some()).count(),
            ..Applied::default()
        };
        let mut warnings = Vec::new();
        for ((kind, name), place) in &self.places {
            if used.contains(&(*kind, name.clone())) || self.is_builtin(kind, name) {
                continue;
            }
            applied.stale += 1;
            let offset = self.entry_offset(kind, name, place.offset, place.file);
            let what = if *kind == "usability" { "method" } else { kind };
            warnings.push(FileDiagnostic::new(
                place.file,
                Diagnostic::warning(
                    Code::StaleDocumentation,
                    Span::new(offset, offset),
                    format!("documentation for {what} `{name}`, which the schema does not have"),
                ),
            ));
        }
        warnings.sort_by_key(|d| (d.file, d.diagnostic.span.start));
        applied.warnings = one_line_each(&self.sources, &warnings);
        applied
    }

    /// Entries for the built-in types the generator maps to Rust types
    /// (`int`, `Vector t`, `#`, ...), which have no item of their own.
    fn is_builtin(&self, kind: &str, name: &str) -> bool {
        match kind {
            "type" => {
                crate::model::WireType::primitive(name).is_some()
                    || matches!(name, "Vector t" | "Vector" | "#" | "Object" | "X" | "!X")
            }
            "constructor" => matches!(name, "boolTrue" | "boolFalse" | "true" | "vector"),
            _ => false,
        }
    }

    /// Where the entry `name` of `kind` starts in its file: the JSON key, or
    /// the CSV row.
    fn entry_offset(&self, kind: &str, name: &str, from: usize, file: usize) -> usize {
        if kind == "usability" {
            return from;
        }
        let text = &self.sources[file].text;
        text.get(from..)
            .and_then(|rest| rest.find(&format!("\"{name}\": {{")))
            .map_or(from, |at| from + at + 1)
    }
}

/// The typed RPC errors of the error tables, ordered by name.
pub(super) fn rpc_errors(docs: &Documentation) -> Vec<RpcErrorModel> {
    let numbers: Vec<(&ErrorInfo, Option<NumberField>)> = docs
        .errors
        .values()
        .map(|info| (info, number_field(info)))
        .collect();
    let naming: Vec<names::ErrorNaming<'_>> = numbers
        .iter()
        .map(|(info, number)| names::ErrorNaming {
            name: &info.name,
            number_field: number.as_ref().map(|n| n.field.as_str()),
            code: info.codes.first().copied().unwrap_or(400),
        })
        .collect();
    let variants = names::error_variant_names(&naming);
    numbers
        .into_iter()
        .zip(variants)
        .map(|((info, number), variant)| RpcErrorModel {
            name: info.name.clone(),
            variant,
            number,
            codes: info.codes.clone(),
            description: info.description.clone(),
        })
        .collect()
}

/// Where the number of a name such as `FLOOD_WAIT_X` is, and the field
/// that holds it.
fn number_field(info: &ErrorInfo) -> Option<NumberField> {
    let words: Vec<&str> = info.name.split('_').collect();
    let at = words.iter().position(|w| *w == "X")?;
    let prefix: String = words[..at].iter().map(|w| format!("{w}_")).collect();
    let suffix: String = words[at + 1..].iter().map(|w| format!("_{w}")).collect();
    let field = placeholder(&info.description)
        .or_else(|| number_word(&info.description))
        .map(|p| names::field_name(&p))
        .unwrap_or_else(|| "value".to_owned());
    Some(NumberField {
        prefix,
        suffix,
        field,
    })
}

/// The first `{name}` placeholder of a description.
fn placeholder(description: &str) -> Option<String> {
    let start = description.find('{')? + 1;
    text::placeholder_name(&description[start..]).map(str::to_owned)
}

/// What the first `%d` of a description counts, by the words around it: a
/// unit of the next two words (`wait %d seconds` → `seconds`, `charges %d
/// Telegram Stars` → `stars`), else a position the word before names
/// (`at index %d` → `index`, `unixtime %d` → `unixtime`).
fn number_word(description: &str) -> Option<String> {
    const UNITS: [&str; 5] = ["seconds", "minutes", "hours", "days", "stars"];
    const POSITIONS: [&str; 3] = ["index", "offset", "unixtime"];
    let word = |w: &str| {
        w.trim_matches(|c: char| !c.is_ascii_alphanumeric())
            .to_ascii_lowercase()
    };
    let (before, after) = description.split_once("%d")?;
    let unit = after
        .split_whitespace()
        .take(2)
        .map(word)
        .find(|w| UNITS.contains(&w.as_str()));
    unit.or_else(|| {
        before
            .split_whitespace()
            .last()
            .map(word)
            .filter(|w| POSITIONS.contains(&w.as_str()))
    })
}
