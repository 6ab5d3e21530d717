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

/// The footnote marks of a paragraph: each run of superscript digits read
/// as a number (`²` is 2, `¹²` is 12), once each, in increasing order.
fn marks(text: &str) -> Vec<usize> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(|c: char| superscript_value(c).is_some()) {
        let (n, len) = mark_at(&rest[at..]);
        found.push(n);
        rest = &rest[at + len..];
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// The number of the run of superscript digits `text` starts with, and its
/// length in bytes.
fn mark_at(text: &str) -> (usize, usize) {
    let len: usize = text
        .chars()
        .take_while(|&c| superscript_value(c).is_some())
        .map(char::len_utf8)
        .sum();
    let n = text[..len]
        .chars()
        .filter_map(superscript_value)
        .fold(0usize, |n, d| n.saturating_mul(10).saturating_add(d));
    (n, len)
}

/// Text without its footnote marks (`A takeout¹ session` → `A takeout
/// session`), for plain-text descriptions that have nowhere to link.
pub(crate) fn without_marks(text: &str) -> String {
    text.chars()
        .filter(|&c| superscript_value(c).is_none())
        .collect()
}

/// One paragraph of the documentation as Markdown. A run of superscript
/// digits is a footnote mark; `links` are the paragraph's own links, one per
/// distinct mark in increasing order of the marks (see [`paragraphs`]), so
/// the `k`-th smallest mark links to `links[k - 1]` (the digits stay the
/// link text). A mark without a link is dropped rather than left as a bare
/// digit. Words that are URLs become autolinks; a mark written against a
/// URL (`https://telegram.org/privacy-tpa¹`) is not part of it, and is
/// dropped, the URL being the link already.
pub fn paragraph(text: &str, links: &[String]) -> String {
    let numbers = marks(text);
    let link_of = |n: usize| {
        numbers
            .binary_search(&n)
            .ok()
            .and_then(|rank| links.get(rank))
    };
    let mut out = String::with_capacity(text.len() + 16);
    let mut word_start = true;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if word_start && (rest.starts_with("https://") || rest.starts_with("http://")) {
            let end = rest
                .find(|c: char| c.is_whitespace() || superscript_value(c).is_some())
                .unwrap_or(rest.len());
            let url = rest[..end].trim_end_matches(['.', ',', ')', ';', ':']);
            out.push('<');
            out.push_str(url);
            out.push('>');
            rest = &rest[url.len()..];
            let (_, mark_len) = mark_at(rest);
            rest = &rest[mark_len..];
            word_start = false;
            continue;
        }
        if superscript_value(c).is_some() {
            let (n, len) = mark_at(rest);
            if let Some(url) = link_of(n) {
                out.push('[');
                out.push_str(&rest[..len]);
                out.push_str("](");
                out.push_str(url);
                out.push(')');
            }
            rest = &rest[len..];
            word_start = false;
            continue;
        }
        out.push_str(&escape(&c.to_string()));
        word_start = c.is_whitespace() || c == '(';
        rest = &rest[c.len_utf8()..];
    }
    tidy_end(out.trim())
}

/// Plain text from text with Markdown links (`errors.csv` has three:
/// `see [here](/api/discussion#...) for more info`): each becomes its label
/// and, in parentheses, its target, made absolute on the official site when
/// it is a path of it. Anything else, brackets included, stays as written.
pub(crate) fn plain_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let link = after.find("](").and_then(|close| {
            let label = &after[..close];
            let target_start = close + 2;
            let end = after[target_start..].find(')')?;
            let target = &after[target_start..target_start + end];
            (!label.contains('[') && !target.contains(char::is_whitespace)).then_some((
                label,
                target,
                target_start + end + 1,
            ))
        });
        match link {
            Some((label, target, used)) => {
                out.push_str(&rest[..open]);
                out.push_str(label);
                out.push_str(" (");
                if target.starts_with('/') {
                    out.push_str("https://core.telegram.org");
                }
                out.push_str(target);
                out.push(')');
                rest = &after[used..];
            }
            None => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
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
///
/// `links` is one list for all the paragraphs: each paragraph takes one link
/// per distinct mark it has, in the order of the paragraphs and, within a
/// paragraph, of the marks' numbers. So paragraph `k`'s mark with the `r`-th
/// smallest number is `links[o + r - 1]`, where `o` is the number of
/// distinct marks of the paragraphs before it. The numbering itself is not
/// an index into `links`: in `api-docs-223.json` it mostly restarts at `¹`
/// in each paragraph, but sometimes goes on from the paragraph before (the
/// four paragraphs of `account.getBotBusinessConnection` are marked `¹ ²`,
/// `³`, `⁴`, `⁵ ⁶` for six links) and sometimes does both in one entry
/// (`channels.getGroupsForDiscussion`: `¹`, `¹ ²`, `³` for four links). In
/// every entry of that file the number of links is the number of distinct
/// marks, paragraph by paragraph, which this rule reads either way.
pub fn paragraphs(texts: &[String], links: &[String]) -> Option<String> {
    let mut offset = 0;
    let parts: Vec<String> = texts
        .iter()
        .map(|t| {
            let own = links.get(offset..).unwrap_or_default();
            offset += marks(t).len();
            paragraph(t, own)
        })
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
        // A mark without a link goes: a bare digit would link nowhere.
        assert_eq!(
            paragraph("see¹ and²", &links),
            "see[¹](https://core.telegram.org/api/links) and"
        );
        assert_eq!(
            paragraph("A takeout¹ session, see here » for more info².", &[]),
            "A takeout session, see here » for more info."
        );
    }

    fn owned(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| (*t).to_owned()).collect()
    }

    #[test]
    fn numbering_restarts_in_each_paragraph() {
        // `birthday` in api-docs-223.json.
        let texts = owned(&[
            "Birthday¹ information.",
            "Gift Telegram Premium subscriptions »¹ to others.",
        ]);
        let links = owned(&[
            "https://core.telegram.org/api/profile#birthday",
            "https://core.telegram.org/api/premium#gifting-telegram-premium",
        ]);
        assert_eq!(
            paragraphs(&texts, &links).as_deref(),
            Some(
                "Birthday[¹](https://core.telegram.org/api/profile#birthday) information.\n\n\
                 Gift Telegram Premium subscriptions »[¹](https://core.telegram.org/api/premium#gifting-telegram-premium) to others."
            )
        );
    }

    #[test]
    fn numbering_that_goes_on_across_paragraphs() {
        // `channels.getGroupsForDiscussion`: restarts once, then goes on.
        let texts = owned(&[
            "Groups¹.",
            "Basic groups¹ and supergroups².",
            "Use togglePreHistoryHidden³ first.",
        ]);
        let links = owned(&["https://a/1", "https://a/2", "https://a/3", "https://a/4"]);
        assert_eq!(
            paragraphs(&texts, &links).as_deref(),
            Some(
                "Groups[¹](https://a/1).\n\n\
                 Basic groups[¹](https://a/2) and supergroups[²](https://a/3).\n\n\
                 Use togglePreHistoryHidden[³](https://a/4) first."
            )
        );
        // A paragraph without marks takes no link; more marks than links
        // leave the last ones without.
        let texts = owned(&["None here.", "One¹ and two².", "Three³."]);
        let links = owned(&["https://b/1", "https://b/2"]);
        assert_eq!(
            paragraphs(&texts, &links).as_deref(),
            Some("None here.\n\nOne[¹](https://b/1) and two[²](https://b/2).\n\nThree.")
        );
    }

    #[test]
    fn a_mark_against_a_url_is_not_part_of_it() {
        let links = owned(&["https://telegram.org/privacy-tpa"]);
        assert_eq!(
            paragraph(
                "then https://telegram.org/privacy-tpa¹ must be used",
                &links
            ),
            "then <https://telegram.org/privacy-tpa> must be used"
        );
        let links = owned(&[
            "https://google.com",
            "https://google.com",
            "https://core.telegram.org/constructor/x",
        ]);
        assert_eq!(
            paragraph("url: https://google.com¹; for text urls², use x³.", &links),
            "url: <https://google.com>; for text urls[²](https://google.com), use x[³](https://core.telegram.org/constructor/x)."
        );
    }

    #[test]
    fn marks_come_out_of_plain_text() {
        assert_eq!(
            without_marks("A takeout¹ session, more info²."),
            "A takeout session, more info."
        );
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
    fn markdown_links_become_plain_text() {
        assert_eq!(
            plain_links("see [here](/api/discussion#join) for more info"),
            "see here (https://core.telegram.org/api/discussion#join) for more info"
        );
        assert_eq!(
            plain_links("[a](https://x.org/) and [b](/c)"),
            "a (https://x.org/) and b (https://core.telegram.org/c)"
        );
        // Brackets that are not a link stay.
        assert_eq!(plain_links("a [b] c (d)"), "a [b] c (d)");
        assert_eq!(plain_links("[x]("), "[x](");
        assert_eq!(plain_links("[x](a b)"), "[x](a b)");
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
