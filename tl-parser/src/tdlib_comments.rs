//! TDLib documentation comments: `//@description ...`, `//@field ...`,
//! `//@class Name @description ...` and `//-` continuation lines.

use crate::ast::{ClassDoc, Doc};
use crate::span::Span;

/// Collects documentation comment lines until the declaration they belong to.
#[derive(Debug, Default)]
pub(crate) struct DocCollector {
    /// `(tag, text)` pairs seen since the last declaration.
    tags: Vec<(String, String)>,
    /// Where the first collected line starts and the last ends.
    span: Option<Span>,
}

impl DocCollector {
    /// Takes one `//` comment (text after the slashes). Returns a finished class
    /// block when a new `@class` begins while another is pending.
    pub(crate) fn comment(&mut self, text: &str, span: Span) -> Option<ClassDoc> {
        if let Some(body) = text.strip_prefix('@') {
            let finished = if body.starts_with("class ") || body.starts_with("class\t") {
                self.take_class()
            } else {
                None
            };
            for (tag, value) in split_tags(body) {
                self.tags.push((tag.to_owned(), value.to_owned()));
            }
            self.extend(span);
            finished
        } else if let Some(more) = text.strip_prefix('-') {
            if let Some((_, value)) = self.tags.last_mut() {
                let more = more.trim();
                if !more.is_empty() {
                    if !value.is_empty() {
                        value.push(' ');
                    }
                    value.push_str(more);
                }
                self.extend(span);
            }
            None
        } else {
            None
        }
    }

    fn extend(&mut self, span: Span) {
        self.span = Some(self.span.map_or(span, |s| s.to(span)));
    }

    /// If the pending block is a `@class` block, returns it and clears.
    pub(crate) fn take_class(&mut self) -> Option<ClassDoc> {
        let (tag, name) = self.tags.first()?;
        if tag != "class" {
            return None;
        }
        let name = name.clone();
        let description = self
            .tags
            .iter()
            .find(|(t, _)| t == "description")
            .map(|(_, d)| d.clone())
            .unwrap_or_default();
        let span = self.span.unwrap_or_default();
        self.clear();
        Some(ClassDoc {
            name,
            description,
            span,
        })
    }

    /// Returns the pending documentation for a declaration and clears.
    pub(crate) fn take_doc(&mut self) -> Doc {
        let mut doc = Doc::default();
        for (tag, value) in self.tags.drain(..) {
            if tag == "description" && doc.description.is_none() {
                doc.description = Some(value);
            } else {
                doc.fields.push((tag, value));
            }
        }
        self.span = None;
        doc
    }

    /// Forgets anything pending.
    pub(crate) fn clear(&mut self) {
        self.tags.clear();
        self.span = None;
    }
}

/// Splits `description A thing @length How long` into tags. A tag starts with
/// `@` at the start or after white space, followed by a name and white space.
fn split_tags(body: &str) -> Vec<(&str, &str)> {
    let mut starts = vec![0];
    let bytes = body.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'@' && i > 0 && bytes[i - 1].is_ascii_whitespace() && is_tag_at(&body[i + 1..]) {
            starts.push(i + 1);
        }
    }
    let mut tags = Vec::new();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).map_or(body.len(), |&next| next - 1);
        let chunk = &body[start..end];
        let name_end = chunk
            .find(|c: char| c.is_whitespace())
            .unwrap_or(chunk.len());
        let (name, value) = chunk.split_at(name_end);
        tags.push((name, value.trim()));
    }
    tags
}

fn is_tag_at(rest: &str) -> bool {
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    name_len > 0 && rest[name_len..].starts_with([' ', '\t'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_tags() {
        assert_eq!(
            split_tags("class Foo @description Bar baz"),
            [("class", "Foo"), ("description", "Bar baz")]
        );
        assert_eq!(
            split_tags("description Mail a@b.c or @user here"),
            [("description", "Mail a@b.c or"), ("user", "here")]
        );
    }
}
