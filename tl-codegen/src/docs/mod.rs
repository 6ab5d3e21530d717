//! Documentation read from outside the schema: a documentation file in the
//! format of `api-docs-223.json` (descriptions of constructors, types,
//! methods and their parameters, each method's errors), a usability table
//! (`method,usability,errors`, as `methods.csv`) and an error table
//! (`name,codes,description`, as `errors.csv`).
//!
//! All three are optional. Documentation lags the schema by a layer or more,
//! so an entry that names something the schema lacks is a located warning
//! (the model reports it while it takes the documentation in), and an item
//! without documentation keeps the output it has without it. Only an
//! unreadable or malformed file is an error.
//!
//! This module only reads; the model takes what it read in
//! (`model/documentation.rs`), and the book is an output beside the Rust.

mod read;
pub(crate) mod text;

use std::collections::BTreeMap;

use crate::error::{Error, Source};

/// Who may call a method, from the usability table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Usability {
    /// Users only.
    User,
    /// Bots only.
    Bot,
    /// Users and bots.
    Both,
    /// The table says it does not know.
    Unknown,
}

impl Usability {
    /// The answer to "Can bots use this method?": `Yes`, `No` or `Unknown`.
    pub fn bots(self) -> &'static str {
        match self {
            Usability::Bot | Usability::Both => "Yes",
            Usability::User => "No",
            Usability::Unknown => "Unknown",
        }
    }
}

/// A documented error a method can return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentedError {
    /// The error code (400, 403, ...).
    pub code: i32,
    /// The error name as the tables spell it (`CHANNEL_INVALID`, `FLOOD_WAIT_X`).
    pub name: String,
    /// What it means, as Markdown.
    pub description: Option<String>,
}

/// The documentation of one constructor, type or method.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// Its description, as Markdown.
    pub description: Option<String>,
    /// Descriptions of its fields or parameters, by TL name, as Markdown.
    pub fields: BTreeMap<String, String>,
    /// The errors it can return (methods).
    pub errors: Vec<DocumentedError>,
}

/// An error of the error tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorInfo {
    /// The name with its number placeholder written `X` (`FLOOD_WAIT_X`).
    pub name: String,
    /// The codes it comes with, the first being the usual one.
    pub codes: Vec<i32>,
    /// What it means, plain text; a number placeholder reads `{seconds}`.
    pub description: String,
}

/// A row of the usability table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsabilityRow {
    /// Who may call the method.
    pub usability: Usability,
    /// The errors the table lists for it.
    pub errors: Vec<String>,
}

/// Where a documentation entry is, for warnings about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    /// Index into [`Documentation::sources`].
    pub file: usize,
    /// Byte offset of the entry.
    pub offset: usize,
}

/// Everything read from the documentation inputs.
#[derive(Debug, Clone, Default)]
pub struct Documentation {
    /// The files read, for locating warnings.
    pub(crate) sources: Vec<Source>,
    /// The layer the documentation file describes.
    pub layer: Option<u32>,
    /// Constructors by TL name.
    pub constructors: BTreeMap<String, Entry>,
    /// Types by TL name.
    pub types: BTreeMap<String, Entry>,
    /// Methods by TL name.
    pub methods: BTreeMap<String, Entry>,
    /// Errors by name (`X` for the number placeholder).
    pub errors: BTreeMap<String, ErrorInfo>,
    /// The usability table, by method.
    pub usability: BTreeMap<String, UsabilityRow>,
    /// Whether a usability table was given (without one, bot usability is
    /// not stated at all).
    pub has_usability: bool,
    /// Where each constructor, type and method entry is: `(kind, name)`.
    pub(crate) places: BTreeMap<(&'static str, String), Place>,
}

impl Documentation {
    /// Reads the inputs that are given. Fails on an unreadable or malformed file.
    pub fn read(
        docs: Option<&std::path::Path>,
        usability: Option<&std::path::Path>,
        errors: Option<&std::path::Path>,
    ) -> Result<Documentation, Error> {
        let mut out = Documentation::default();
        if let Some(path) = docs {
            read::docs_file(&mut out, path)?;
        }
        if let Some(path) = usability {
            read::usability_table(&mut out, path)?;
        }
        if let Some(path) = errors {
            read::error_table(&mut out, path)?;
        }
        Ok(out)
    }

    /// Whether nothing was read.
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// The entry of constructor `name`. The documentation file sometimes
    /// spells a name with capitals (`FileHash` for `fileHash`).
    pub fn constructor(&self, name: &str) -> Option<(&str, &Entry)> {
        lookup(&self.constructors, name)
    }

    /// The entry of type `name` (`Account.Takeout` stands for `account.Takeout`).
    pub fn type_entry(&self, name: &str) -> Option<(&str, &Entry)> {
        lookup(&self.types, name)
    }

    /// The entry of method `name`.
    pub fn method(&self, name: &str) -> Option<(&str, &Entry)> {
        lookup(&self.methods, name)
    }

    /// The usability row of method `name`; else the row whose name differs
    /// only in underscores and letter case, when exactly one does: the
    /// tables spell MTProto's `req_pq` and `req_DH_params` as `reqPq` and
    /// `reqDHParams`.
    pub fn usability_row(&self, name: &str) -> Option<(&str, &UsabilityRow)> {
        if let Some((k, row)) = self.usability.get_key_value(name) {
            return Some((k, row));
        }
        let folded = fold_spelling(name);
        let mut found = self
            .usability
            .iter()
            .filter(|(k, _)| fold_spelling(k) == folded);
        match (found.next(), found.next()) {
            (Some((k, row)), None) => Some((k, row)),
            _ => None,
        }
    }
}

/// A method name without underscores, in lower case (`req_DH_params` and
/// `reqDHParams` are both `reqdhparams`).
fn fold_spelling(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '_')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// `name`'s entry; else the entry whose name differs only in the case of
/// the first letter of its segments.
fn lookup<'d>(map: &'d BTreeMap<String, Entry>, name: &str) -> Option<(&'d str, &'d Entry)> {
    if let Some((k, e)) = map.get_key_value(name) {
        return Some((k, e));
    }
    // Only the first letter of a segment can differ, so the candidates sort
    // next to one another once that letter is either case: try each.
    let segments: Vec<&str> = name.split('.').collect();
    let variants = 1usize << segments.len().min(4);
    (0..variants).find_map(|mask| {
        let candidate: Vec<String> = segments
            .iter()
            .enumerate()
            .map(|(i, seg)| {
                let mut chars = seg.chars();
                let first = chars.next().map(|c| {
                    if mask & (1 << i) != 0 {
                        c.to_ascii_uppercase()
                    } else {
                        c.to_ascii_lowercase()
                    }
                });
                first.into_iter().chain(chars).collect()
            })
            .collect();
        map.get_key_value(&candidate.join("."))
            .map(|(k, e)| (k.as_str(), e))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(names: &[&str]) -> Documentation {
        let mut docs = Documentation::default();
        for name in names {
            docs.usability.insert(
                (*name).to_owned(),
                UsabilityRow {
                    usability: Usability::Both,
                    errors: Vec::new(),
                },
            );
        }
        docs
    }

    #[test]
    fn usability_rows_match_across_spellings() {
        let docs = table(&["reqPq", "reqDHParams", "messages.sendMessage", "a_b", "aB"]);
        let key = |name| docs.usability_row(name).map(|(k, _)| k);
        assert_eq!(key("messages.sendMessage"), Some("messages.sendMessage"));
        assert_eq!(key("req_pq"), Some("reqPq"));
        assert_eq!(key("req_DH_params"), Some("reqDHParams"));
        assert_eq!(key("req_pq_multi"), None);
        // Two rows fold to the same name: neither is taken for a third.
        assert_eq!(key("a_B"), None);
        assert_eq!(key("a_b"), Some("a_b"));
    }
}
