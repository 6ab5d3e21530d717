//! Reading schema files, checking them, and merging their declarations.

use std::collections::BTreeMap;

use tl_parser::id::normalized_text;
use tl_parser::{Definition, Diagnostic, Dialect, Schema, Section, compute_id};

use crate::error::Error;
use crate::model::{Located, LocatedDiagnostic};

/// One schema file's name and text.
#[derive(Debug, Clone)]
pub struct Source {
    /// The name used in diagnostics (usually the path).
    pub name: String,
    /// The file's text.
    pub text: String,
}

/// Parsed and validated sources.
pub struct Loaded {
    /// The sources, in the order given.
    pub sources: Vec<Source>,
    /// Their syntax trees, same order.
    pub schemas: Vec<Schema>,
    /// Warnings, with the index of their file.
    pub warnings: Vec<LocatedDiagnostic>,
}

/// Parses and validates every source; any error fails with all of them rendered.
pub fn load(sources: Vec<Source>, dialect: Dialect) -> Result<Loaded, Error> {
    let mut schemas = Vec::new();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for (file, source) in sources.iter().enumerate() {
        let checked = tl_parser::check(&source.text, dialect);
        for d in checked.diagnostics {
            if d.is_error() {
                errors.push((file, d));
            } else {
                warnings.push((file, d));
            }
        }
        schemas.push(checked.schema);
    }
    if !errors.is_empty() {
        return Err(schema_error(&sources, &errors));
    }
    Ok(Loaded {
        sources,
        schemas,
        warnings,
    })
}

impl Loaded {
    /// Every declaration of every file; a declaration repeated identically in
    /// a later file is kept once, a conflicting one is an error.
    pub fn merged(&self, dialect: Dialect) -> Result<Vec<Located<'_>>, Error> {
        let mut seen: BTreeMap<(Section, &str), Located<'_>> = BTreeMap::new();
        let mut out = Vec::new();
        let mut errors = Vec::new();
        for (file, schema) in self.schemas.iter().enumerate() {
            for def in &schema.definitions {
                let key = (def.section, def.name.full.as_str());
                match seen.get(&key) {
                    None => {
                        let located = Located { file, def };
                        seen.insert(key, located);
                        out.push(located);
                    }
                    Some(first) if same_declaration(first.def, def, dialect) => {}
                    Some(first) if first.file == file => {}
                    Some(first) => {
                        let source = &self.sources[first.file];
                        let (line, col) = first.def.span.line_col(&source.text);
                        errors.push((
                            file,
                            Diagnostic::error(
                                def.name.span,
                                format!("conflicting definition of `{}`", def.name.full),
                            )
                            .with_note(format!(
                                "first defined differently at {}:{line}:{col}",
                                source.name
                            )),
                        ));
                    }
                }
            }
        }
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(schema_error(&self.sources, &errors))
        }
    }

    /// The first layer any file declares.
    pub fn layer(&self) -> Option<u32> {
        self.schemas.iter().find_map(|s| s.layer.map(|l| l.value))
    }

    /// TDLib `@class` descriptions by type name.
    pub fn class_docs(&self) -> BTreeMap<String, String> {
        self.schemas
            .iter()
            .flat_map(|s| &s.classes)
            .map(|c| (c.name.clone(), c.description.clone()))
            .collect()
    }
}

/// Whether two declarations of one name are the same: same normalized text
/// and same id in effect (an id written in one file and computed in the other
/// counts as the same).
fn same_declaration(a: &Definition, b: &Definition, dialect: Dialect) -> bool {
    let id = |d: &Definition| d.id.map_or_else(|| compute_id(d, dialect), |id| id.value);
    normalized_text(a, Dialect::Tdlib) == normalized_text(b, Dialect::Tdlib) && id(a) == id(b)
}

/// Renders located diagnostics into [`Error::Schema`].
pub fn schema_error(sources: &[Source], diagnostics: &[LocatedDiagnostic]) -> Error {
    let mut rendered = render(sources, diagnostics);
    let errors = diagnostics.iter().filter(|(_, d)| d.is_error()).count();
    rendered.push_str(&format!(
        "error: could not generate code: {errors} error{} in the schema\n",
        if errors == 1 { "" } else { "s" }
    ));
    Error::Schema { rendered, errors }
}

/// Renders located diagnostics one after another.
pub fn render(sources: &[Source], diagnostics: &[LocatedDiagnostic]) -> String {
    let mut out = String::new();
    for (file, d) in diagnostics {
        if let Some(source) = sources.get(*file) {
            out.push_str(&d.render(&source.name, &source.text));
        }
    }
    out
}
