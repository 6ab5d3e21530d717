//! Reading schema files, checking them, and merging their declarations.

use std::collections::BTreeMap;
use std::path::Path;

use tl_parser::id::normalized_text;
use tl_parser::{
    Code, Definition, Detected, Diagnostic, Dialect, Schema, Section, detect_dialect, effective_id,
};

use crate::error::{Error, FileDiagnostic, SchemaError, Source};

/// A declaration and the index of the file it came from.
#[derive(Debug, Clone, Copy)]
pub struct Located<'a> {
    /// Index of the source file.
    pub file: usize,
    /// The declaration.
    pub def: &'a Definition,
}

/// Reads each file into a [`Source`] named by its path as given.
pub fn read(paths: &[impl AsRef<Path>]) -> Result<Vec<Source>, Error> {
    paths
        .iter()
        .map(|path| {
            let path = path.as_ref();
            std::fs::read_to_string(path)
                .map(|text| Source::new(path.display().to_string(), text))
                .map_err(|source| Error::Io {
                    path: path.to_owned(),
                    source,
                })
        })
        .collect()
}

/// Parsed and validated sources.
pub struct Loaded {
    /// The sources, in the order given.
    pub sources: Vec<Source>,
    /// Their syntax trees, same order.
    pub schemas: Vec<Schema>,
    /// Warnings and errors of every file, in file order.
    pub diagnostics: Vec<FileDiagnostic>,
    /// The id rules in effect.
    pub dialect: Dialect,
    /// How they were detected, when the caller did not choose.
    pub detected: Option<Detected>,
}

/// Parses every source, chooses the id rules (`chosen`, else detected from
/// all the files together), and validates, keeping every diagnostic.
pub fn load(sources: Vec<Source>, chosen: Option<Dialect>) -> Loaded {
    let mut schemas = Vec::with_capacity(sources.len());
    let mut diagnostics = Vec::new();
    for (file, source) in sources.iter().enumerate() {
        let parsed = tl_parser::parse(&source.text);
        diagnostics.extend(
            parsed
                .diagnostics
                .into_iter()
                .map(|d| FileDiagnostic::new(file, d)),
        );
        schemas.push(parsed.schema);
    }
    let detected = chosen.is_none().then(|| detect_dialect(&schemas));
    let dialect = chosen.or(detected.map(|d| d.dialect)).unwrap_or_default();
    for (file, (source, schema)) in sources.iter().zip(&schemas).enumerate() {
        diagnostics.extend(
            tl_parser::validate_source(schema, &source.text, dialect)
                .into_iter()
                .map(|d| FileDiagnostic::new(file, d)),
        );
    }
    // Each file's diagnostics in source order, syntax errors first at one place.
    diagnostics.sort_by_key(|d| (d.file, d.diagnostic.span.start));
    Loaded {
        sources,
        schemas,
        diagnostics,
        dialect,
        detected,
    }
}

impl Loaded {
    /// Whether any file has an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.diagnostic.is_error())
    }

    /// Every declaration of every file; a declaration repeated identically in
    /// a later file is kept once, a conflicting one is an error.
    pub fn merged(&self, dialect: Dialect) -> Result<Vec<Located<'_>>, Vec<FileDiagnostic>> {
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
                        errors.push(FileDiagnostic::new(
                            file,
                            Diagnostic::error(
                                Code::ConflictingDefinition,
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
            Err(errors)
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

    /// The file names without their folders, so generated output does not
    /// depend on where the checkout is.
    pub fn file_names(&self) -> Vec<String> {
        self.sources
            .iter()
            .map(|s| {
                Path::new(&s.name)
                    .file_name()
                    .map_or_else(|| s.name.clone(), |n| n.to_string_lossy().into_owned())
            })
            .collect()
    }

    /// The error for `problems`, with the warnings in front of them when
    /// `warnings` is set; the sources move into it.
    pub fn into_error(self, problems: Vec<FileDiagnostic>, warnings: bool) -> Error {
        let mut shown: Vec<FileDiagnostic> = if warnings {
            self.diagnostics
        } else {
            self.diagnostics
                .into_iter()
                .filter(|d| d.diagnostic.is_error())
                .collect()
        };
        shown.extend(problems);
        Error::Schema(SchemaError::new(self.sources, shown))
    }
}

/// Whether two declarations of one name are the same: same normalized text
/// and same id in effect (an id written in one file and computed in the other
/// counts as the same).
fn same_declaration(a: &Definition, b: &Definition, dialect: Dialect) -> bool {
    normalized_text(a, Dialect::Tdlib) == normalized_text(b, Dialect::Tdlib)
        && effective_id(a, dialect) == effective_id(b, dialect)
}
