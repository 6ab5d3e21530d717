//! Problems found in a schema, each located by a [`Span`] and named by a
//! stable [`Code`], rendered like rustc.

use std::fmt;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term;

use crate::code::Code;
use crate::span::{Span, floor_char_boundary};

/// How bad a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The schema is usable; something is suspicious.
    Warning,
    /// The schema is wrong; no code can be generated from it.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One problem in a schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What kind of problem: stable, unlike the message, so match on this.
    pub code: Code,
    /// What is wrong, in one line.
    pub message: String,
    /// Where: the caret goes under this span.
    pub span: Span,
    /// Extra lines (`= note: ...`), e.g. where a duplicate was first declared.
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// An error of kind `code` at `span`.
    pub fn error(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            span,
            notes: Vec::new(),
        }
    }

    /// A warning of kind `code` at `span`.
    pub fn warning(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            code,
            message: message.into(),
            span,
            notes: Vec::new(),
        }
    }

    /// Adds a note line.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// 1-based line and column (in characters) of the start of the span in `src`.
    pub fn line_col(&self, src: &str) -> (usize, usize) {
        self.span.line_col(src)
    }

    /// Renders the diagnostic like rustc: `error[TL0009]: ...`,
    /// ` --> FILE:LINE:COL`, the source line, and a caret under the span.
    /// No colours.
    pub fn render(&self, file_name: &str, src: &str) -> String {
        let file = SimpleFile::new(file_name, src);
        let range = self.span.range();
        let start = floor_char_boundary(src, range.start);
        let end = floor_char_boundary(src, range.end.max(range.start)).max(start);
        let diagnostic = match self.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Warning => CsDiagnostic::warning(),
        }
        .with_code(self.code.as_str())
        .with_message(&self.message)
        .with_labels(vec![Label::primary((), start..end)])
        .with_notes(self.notes.clone());
        let config = term::Config {
            chars: term::Chars::ascii(),
            ..term::Config::default()
        };
        match term::emit_into_string(&config, &file, &diagnostic) {
            Ok(text) => text,
            // Only reachable for spans outside the file; fall back to a plain line.
            Err(_) => {
                let (line, col) = self.line_col(src);
                format!(
                    "{}[{}]: {}\n --> {file_name}:{line}:{col}\n",
                    self.severity, self.code, self.message
                )
            }
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]: {}", self.severity, self.code, self.message)
    }
}
