//! Reading the three documentation inputs into a [`Documentation`].

use std::path::Path;

use serde_json::Value;

use super::text::{self, paragraphs};
use super::{Documentation, DocumentedError, Entry, ErrorInfo, Place, Usability, UsabilityRow};
use crate::error::{Error, Source};

fn read_text(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })
}

fn malformed(path: &Path, reason: impl std::fmt::Display) -> Error {
    Error::Docs {
        path: path.to_owned(),
        reason: reason.to_string(),
    }
}

/// The strings of a JSON array (anything else reads as none).
fn strings(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// An entry's description paragraphs.
fn description(entry: &Value) -> Vec<String> {
    match entry.get("description") {
        Some(Value::String(s)) => vec![s.clone()],
        other => strings(other),
    }
}

/// An entry's description and links as Markdown.
fn described(entry: &Value) -> Option<String> {
    paragraphs(&description(entry), &strings(entry.get("links")))
}

/// A method's error as Markdown. The file gives an error's description
/// without its links; they are in the row its scraper also made of the
/// error among the parameters, named after the code, with the same text
/// (`contacts.getSaved`: `"403": {"description": "A takeout¹ session ...",
/// "links": [...]}`).
fn error_described(error: &Value, code: i64, parameters: Option<&Value>) -> Option<String> {
    let texts = description(error);
    let mut links = strings(error.get("links"));
    if links.is_empty()
        && let Some(row) = parameters.and_then(|p| p.get(code.to_string()))
        && description(row) == texts
    {
        links = strings(row.get("links"));
    }
    paragraphs(&texts, &links)
}

/// A number placeholder in an error name (`%d`) is written `X`.
pub fn error_name(name: &str) -> String {
    name.split('_')
        .map(|part| if part == "%d" { "X" } else { part })
        .collect::<Vec<_>>()
        .join("_")
}

/// Reads a documentation file shaped like `api-docs-223.json`: objects
/// `constructors`, `types`, `methods` (each entry with `description`
/// paragraphs, `links`, and `fields` or `parameters`; methods also with
/// `errors`), `errors`, and `index.layer`.
pub fn docs_file(docs: &mut Documentation, path: &Path) -> Result<(), Error> {
    let text = read_text(path)?;
    let json: Value = serde_json::from_str(&text).map_err(|e| malformed(path, e))?;
    let Some(root) = json.as_object() else {
        return Err(malformed(path, "the top level is not an object"));
    };
    let file = docs.sources.len();
    docs.layer = json
        .pointer("/index/layer")
        .and_then(Value::as_u64)
        .and_then(|l| u32::try_from(l).ok());
    for (section, kind, fields_key) in [
        ("constructors", "constructor", "fields"),
        ("types", "type", "fields"),
        ("methods", "method", "parameters"),
    ] {
        let Some(entries) = root.get(section).and_then(Value::as_object) else {
            continue;
        };
        let section_start = text.find(&format!("\"{section}\"")).unwrap_or(0);
        for (name, entry) in entries {
            let mut out = Entry {
                description: described(entry),
                ..Entry::default()
            };
            if let Some(fields) = entry.get(fields_key).and_then(Value::as_object) {
                for (field, doc) in fields {
                    if let Some(d) = described(doc) {
                        out.fields.insert(field.clone(), d);
                    }
                }
            }
            for error in entry
                .get("errors")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let (Some(code), Some(name)) = (
                    error.get("code").and_then(Value::as_i64),
                    error.get("type").and_then(Value::as_str),
                ) else {
                    continue;
                };
                out.errors.push(DocumentedError {
                    code: i32::try_from(code).unwrap_or_default(),
                    name: error_name(name),
                    description: error_described(error, code, entry.get(fields_key)),
                });
            }
            let target = match kind {
                "constructor" => &mut docs.constructors,
                "type" => &mut docs.types,
                _ => &mut docs.methods,
            };
            target.insert(name.clone(), out);
            docs.places.insert(
                (kind, name.clone()),
                Place {
                    file,
                    offset: section_start,
                },
            );
        }
    }
    for error in root
        .get("errors")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|m| m.values())
    {
        let (Some(code), Some(name)) = (
            error.get("code").and_then(Value::as_i64),
            error.get("type").and_then(Value::as_str),
        ) else {
            continue;
        };
        let name = error_name(name);
        let code = i32::try_from(code).unwrap_or_default();
        let description = error
            .get("description")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let info = error_info(docs, name, description);
        if !info.codes.contains(&code) {
            info.codes.push(code);
        }
    }
    docs.sources
        .push(Source::new(path.display().to_string(), text));
    Ok(())
}

/// The entry of error `name`, created with `description` if new.
fn error_info<'d>(
    docs: &'d mut Documentation,
    name: String,
    description: &str,
) -> &'d mut ErrorInfo {
    docs.errors
        .entry(name.clone())
        .or_insert_with(|| ErrorInfo {
            name,
            codes: Vec::new(),
            // Plain text (the generated `description()`): footnote marks
            // have nowhere to link.
            description: text::tidy_end(text::without_marks(description).trim()),
        })
}

/// CSV records with their byte offsets, the header row checked.
fn csv_records(
    path: &Path,
    text: &str,
    header: &[&str],
) -> Result<Vec<(usize, csv::StringRecord)>, Error> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let found = reader.headers().map_err(|e| malformed(path, e))?.clone();
    if found.iter().collect::<Vec<_>>() != header {
        return Err(malformed(
            path,
            format!(
                "expected the header `{}`, found `{}`",
                header.join(","),
                found.iter().collect::<Vec<_>>().join(",")
            ),
        ));
    }
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| malformed(path, e))?;
        let offset = record
            .position()
            .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(0));
        out.push((offset, record));
    }
    Ok(out)
}

/// Reads a usability table: `method,usability,errors`, where usability is
/// `user`, `bot`, `both` or `unknown` and errors are names separated by spaces.
pub fn usability_table(docs: &mut Documentation, path: &Path) -> Result<(), Error> {
    let text = read_text(path)?;
    let file = docs.sources.len();
    for (offset, record) in csv_records(path, &text, &["method", "usability", "errors"])? {
        let method = record.get(0).unwrap_or_default().trim();
        if method.is_empty() {
            continue;
        }
        let usability = match record.get(1).unwrap_or_default().trim() {
            "user" => Usability::User,
            "bot" => Usability::Bot,
            "both" => Usability::Both,
            _ => Usability::Unknown,
        };
        let errors = record
            .get(2)
            .unwrap_or_default()
            .split_whitespace()
            .map(error_name)
            .collect();
        docs.usability
            .insert(method.to_owned(), UsabilityRow { usability, errors });
        docs.places
            .insert(("usability", method.to_owned()), Place { file, offset });
    }
    docs.has_usability = true;
    docs.sources
        .push(Source::new(path.display().to_string(), text));
    Ok(())
}

/// Reads an error table: `name,codes,description`, codes separated by
/// spaces. Its descriptions win over the documentation file's (they name
/// their number placeholder: `{seconds}`).
pub fn error_table(docs: &mut Documentation, path: &Path) -> Result<(), Error> {
    let text = read_text(path)?;
    for (_, record) in csv_records(path, &text, &["name", "codes", "description"])? {
        let name = error_name(record.get(0).unwrap_or_default().trim());
        if name.is_empty() {
            continue;
        }
        let codes: Vec<i32> = record
            .get(1)
            .unwrap_or_default()
            .split_whitespace()
            .filter_map(|c| c.parse().ok())
            .collect();
        let description = text::tidy_end(
            text::plain_links(&text::without_marks(record.get(2).unwrap_or_default())).trim(),
        );
        let info = error_info(docs, name, "");
        info.description = description;
        let mut merged = codes;
        for code in &info.codes {
            if !merged.contains(code) {
                merged.push(*code);
            }
        }
        info.codes = merged;
    }
    docs.sources
        .push(Source::new(path.display().to_string(), text));
    Ok(())
}
