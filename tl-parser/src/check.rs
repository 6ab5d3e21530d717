//! Parsing and validation in one step, plus a per-declaration summary.
//!
//! ```
//! use tl_parser::{Code, Dialect, check};
//!
//! let src = "int ? = Int;\nthing x:Missing = Thing;\n";
//! let checked = check(src, Dialect::Telegram);
//! assert!(checked.has_errors());
//! let error = checked.errors().next().unwrap();
//! assert_eq!(error.code, Code::UnknownType);
//! assert_eq!(error.message, "unknown type `Missing`");
//! assert_eq!(error.line_col(src), (2, 9));
//! ```

use crate::ast::{Definition, Schema};
use crate::diagnostic::{Diagnostic, Severity};
use crate::id::{Detected, Dialect, compute_id, detect_dialect, effective_id};
use crate::parser::parse;
use crate::validate::validate_source;

/// A parsed schema with every problem found in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The declarations that parsed.
    pub schema: Schema,
    /// The id rules the schema was validated under.
    pub dialect: Dialect,
    /// How the rules were detected, when the caller did not choose them
    /// ([`check_detecting`]).
    pub detected: Option<Detected>,
    /// Syntax errors and validation problems together, ordered by where they
    /// start in the source (problems starting at the same byte keep the
    /// order they were found in, syntax errors first).
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses `src` and validates the result under `dialect`'s id rules.
///
/// Never panics, whatever the input.
pub fn check(src: &str, dialect: Dialect) -> Checked {
    check_detecting(src, Some(dialect))
}

/// Like [`check`], under the `chosen` rules, or when there are none under the
/// rules [`detect_dialect`] finds in the schema.
///
/// ```
/// let checked = tl_parser::check_detecting("a = A;\nb = A;\n", None);
/// assert_eq!(checked.dialect, tl_parser::Dialect::Tdlib);
/// ```
pub fn check_detecting(src: &str, chosen: Option<Dialect>) -> Checked {
    let parsed = parse(src);
    let detected = match chosen {
        Some(_) => None,
        None => Some(detect_dialect([&parsed.schema])),
    };
    let dialect = chosen.or(detected.map(|d| d.dialect)).unwrap_or_default();
    let mut diagnostics = parsed.diagnostics;
    diagnostics.extend(validate_source(&parsed.schema, src, dialect));
    diagnostics.sort_by_key(|d| d.span.start);
    Checked {
        schema: parsed.schema,
        dialect,
        detected,
        diagnostics,
    }
}

impl Checked {
    /// Whether at least one diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The errors, in source order.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    /// The warnings, in source order.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
    }

    /// Every diagnostic rendered with [`Diagnostic::render`], one after the
    /// other, each followed by a blank line as codespan-reporting writes it.
    /// `src` must be the text [`check`] was given.
    pub fn render_all(&self, file_name: &str, src: &str) -> String {
        self.diagnostics
            .iter()
            .map(|d| d.render(file_name, src))
            .collect()
    }

    /// One [`Summary`] per declaration, in source order. `src` must be the
    /// text [`check`] was given (it provides the line numbers).
    pub fn summaries(&self, src: &str, dialect: Dialect) -> Vec<Summary> {
        self.schema
            .definitions
            .iter()
            .map(|def| Summary::of(def, src, dialect))
            .collect()
    }
}

/// What a declaration declares, as far as code generation is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A constructor of a boxed type.
    Type,
    /// A function (RPC).
    Function,
    /// A built-in primitive ([`Definition::is_builtin`]), generating nothing.
    Builtin,
}

impl Kind {
    /// Of a declaration: built-ins first, then by section.
    pub fn of(def: &Definition) -> Kind {
        if def.is_builtin() {
            Kind::Builtin
        } else if def.is_function() {
            Kind::Function
        } else {
            Kind::Type
        }
    }

    /// `"type"`, `"function"` or `"builtin"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Type => "type",
            Kind::Function => "function",
            Kind::Builtin => "builtin",
        }
    }
}

/// The facts about one declaration a tool reports: name, kind, ids, line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// The full (dotted) name.
    pub name: String,
    /// Type, function or built-in.
    pub kind: Kind,
    /// The id in effect: the explicit `#id` when written, else the computed one.
    pub id: u32,
    /// The CRC32 id computed from the declaration's text (also for `?` built-ins).
    pub computed_id: u32,
    /// The 1-based line where the declaration starts.
    pub line: usize,
}

impl Summary {
    /// Summarizes `def`, parsed from `src`, computing its id under `dialect`.
    pub fn of(def: &Definition, src: &str, dialect: Dialect) -> Summary {
        let computed_id = compute_id(def, dialect);
        Summary {
            name: def.name.full.to_string(),
            kind: Kind::of(def),
            id: effective_id(def, dialect),
            computed_id,
            line: def.span.line_col(src).0,
        }
    }
}
