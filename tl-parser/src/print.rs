//! Prints the syntax tree back as canonical TL text.
//!
//! The output parses back to the same tree (spans aside): one declaration per
//! line, single spaces, ids as 8 lower-case hex digits, section markers where
//! the section changes, TDLib documentation as `//@` lines.

use std::fmt::{self, Write};

use crate::ast::*;

impl fmt::Display for Schema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(layer) = &self.layer {
            writeln!(f, "// LAYER {}", layer.value)?;
        }
        for class in &self.classes {
            writeln!(
                f,
                "//@class {} @description {}",
                class.name, class.description
            )?;
            writeln!(f)?;
        }
        let mut section = Section::Types;
        for def in &self.definitions {
            if def.section != section {
                section = def.section;
                match section {
                    Section::Types => writeln!(f, "---types---")?,
                    Section::Functions => writeln!(f, "---functions---")?,
                }
            }
            write_doc(f, &def.doc)?;
            writeln!(f, "{def}")?;
        }
        Ok(())
    }
}

fn write_doc(f: &mut fmt::Formatter<'_>, doc: &Doc) -> fmt::Result {
    if let Some(description) = &doc.description {
        writeln!(f, "//@description {description}")?;
    }
    for (tag, text) in &doc.fields {
        writeln!(f, "//@{tag} {text}")?;
    }
    Ok(())
}

impl fmt::Display for Definition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name.full)?;
        if let Some(id) = &self.id {
            write!(f, "#{:08x}", id.value)?;
        }
        for param in &self.params {
            write!(f, " {param}")?;
        }
        match &self.body {
            Body::Builtin { .. } => f.write_str(" ?")?,
            Body::Fields(fields) => {
                for field in fields {
                    write!(f, " {field}")?;
                }
            }
        }
        write!(f, " = {};", self.result)
    }
}

impl fmt::Display for OptionalArg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('{')?;
        for (i, name) in self.names.iter().enumerate() {
            if i > 0 {
                f.write_char(' ')?;
            }
            f.write_str(&name.name)?;
        }
        write!(f, ":{}}}", self.ty)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(name) = &self.name {
            write!(f, "{}:", name.name)?;
        }
        write!(f, "{}", self.ty)
    }
}

impl fmt::Display for FieldType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldType::Nat => f.write_char('#'),
            FieldType::Plain { bang, ty } => {
                if *bang {
                    f.write_char('!')?;
                }
                write!(f, "{ty}")
            }
            FieldType::Conditional { flag, bit, ty, .. } => {
                write!(f, "{}.{bit}?{ty}", flag.name)
            }
            FieldType::Repeat {
                multiplicity,
                fields,
            } => {
                match multiplicity {
                    Some(Multiplicity::Literal(n, _)) => write!(f, "{n}*")?,
                    Some(Multiplicity::Var(v)) => write!(f, "{}*", v.name)?,
                    None => {}
                }
                f.write_str("[")?;
                for field in fields {
                    write!(f, " {field}")?;
                }
                f.write_str(" ]")
            }
        }
    }
}

impl fmt::Display for TypeExpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.percent {
            f.write_char('%')?;
        }
        match self.style {
            ArgStyle::Angle if !self.args.is_empty() => {
                write!(f, "{}<", self.name.full)?;
                for (i, arg) in self.args.iter().enumerate() {
                    if i > 0 {
                        f.write_char(',')?;
                    }
                    write!(f, "{arg}")?;
                }
                f.write_char('>')
            }
            ArgStyle::Angle => f.write_str(&self.name.full),
            ArgStyle::Paren => write!(f, "({})", self.name.full),
            ArgStyle::Juxtaposed => {
                // Inside a field the application needs parentheses; after `=` it
                // stands bare. Parentheses are accepted in both places.
                write!(f, "({}", self.name.full)?;
                for arg in &self.args {
                    write!(f, " {arg}")?;
                }
                f.write_char(')')
            }
        }
    }
}
