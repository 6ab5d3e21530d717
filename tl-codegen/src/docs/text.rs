//! Turning the documentation's plain text into Markdown that rustdoc and
//! mdBook render as written: special characters escaped, footnote links kept
//! as links, bare URLs made autolinks (rustdoc warns on bare URLs and on
//! unmatched brackets, which would otherwise read as HTML tags or links).

/// Superscript digits `⁰`..`⁹` and their values.
fn superscript_value(c: char) -> Option<usize> {
    Some(match c {
        '⁰' => 0,
        '¹' => 1,
        '²' => 2,
        '³' => 3,
        '⁴' => 4,
        '⁵' => 5,
        '⁶' => 6,
        '⁷' => 7,
        '⁸' => 8,
        '⁹' => 9,
        _ => return None,
    })
}

/// Escapes the characters Markdown would read as markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One paragraph of the documentation as Markdown. A run of superscript
/// digits `ⁿ` is footnote `n`: it becomes a link to `links[n - 1]` (the
/// digits stay the link text). Words that are URLs become autolinks.
pub fn paragraph(text: &str, links: &[String]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut word_start = true;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if word_start && (rest.starts_with("https://") || rest.starts_with("http://")) {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let url = rest[..end].trim_end_matches(['.', ',', ')', ';', ':']);
            out.push('<');
            out.push_str(url);
            out.push('>');
            rest = &rest[url.len()..];
            word_start = false;
            continue;
        }
        if superscript_value(c).is_some() {
            let digits: String = rest
                .chars()
                .take_while(|&c| superscript_value(c).is_some())
                .collect();
            let n = digits
                .chars()
                .filter_map(superscript_value)
                .fold(0usize, |n, d| n.saturating_mul(10).saturating_add(d));
            match n.checked_sub(1).and_then(|i| links.get(i)) {
                Some(url) => {
                    out.push('[');
                    out.push_str(&digits);
                    out.push_str("](");
                    out.push_str(url);
                    out.push(')');
                }
                None => out.push_str(&digits),
            }
            rest = &rest[digits.len()..];
            word_start = false;
            continue;
        }
        out.push_str(&escape(&c.to_string()));
        word_start = c.is_whitespace() || c == '(';
        rest = &rest[c.len_utf8()..];
    }
    tidy_end(out.trim())
}

/// The name of the `{name}` placeholder `text` starts with, given the text
/// after its `{` (`seconds} seconds` → `seconds`): letters, digits and `_`
/// up to the closing brace.
pub(crate) fn placeholder_name(text: &str) -> Option<&str> {
    let name = &text[..text.find('}')?];
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .then_some(name)
}

/// A paragraph's end without the stray period some entries of the
/// documentation carry: `paid messages.  .` → `paid messages.`,
/// `unixtime %d .` → `unixtime %d.`.
pub(crate) fn tidy_end(text: &str) -> String {
    if let Some(before) = text.strip_suffix('.') {
        let body = before.trim_end();
        if body.len() < before.len() {
            return if body.ends_with(['.', '!', '?']) {
                body.to_owned()
            } else {
                format!("{body}.")
            };
        }
    }
    text.to_owned()
}

/// Paragraphs as Markdown, separated by blank lines; `None` when they say
/// nothing.
pub fn paragraphs(texts: &[String], links: &[String]) -> Option<String> {
    let parts: Vec<String> = texts
        .iter()
        .map(|t| paragraph(t, links))
        .filter(|p| !p.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join("\n\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stray_periods_go() {
        assert_eq!(
            paragraph("in order to use paid messages.  .", &[]),
            "in order to use paid messages."
        );
        assert_eq!(
            paragraph(
                "must be refreshed as specified in the documentation. .",
                &[]
            ),
            "must be refreshed as specified in the documentation."
        );
        assert_eq!(
            paragraph("active until unixtime %d .", &[]),
            "active until unixtime %d."
        );
        assert_eq!(paragraph("Ends well.", &[]), "Ends well.");
        assert_eq!(paragraph(".", &[]), ".");
    }

    #[test]
    fn footnotes_become_links() {
        let links = ["https://core.telegram.org/api/links".to_owned()];
        assert_eq!(
            paragraph("hash from a chat invite deep link¹", &links),
            "hash from a chat invite deep link[¹](https://core.telegram.org/api/links)"
        );
        // A footnote without a link stays text.
        assert_eq!(paragraph("see ²", &links), "see ²");
    }

    #[test]
    fn markup_is_escaped_and_urls_are_autolinks() {
        assert_eq!(
            paragraph("Use <b>bold</b> [x] a_b, see https://t.me/x.", &[]),
            "Use \\<b\\>bold\\</b\\> \\[x\\] a\\_b, see <https://t.me/x>."
        );
        assert_eq!(escape("a|b"), "a\\|b");
    }

    #[test]
    fn empty_paragraphs_say_nothing() {
        assert_eq!(paragraphs(&[" ".to_owned()], &[]), None);
        assert_eq!(
            paragraphs(&["One".to_owned(), "Two".to_owned()], &[]).as_deref(),
            Some("One\n\nTwo")
        );
    }
}
