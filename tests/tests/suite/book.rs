//! The reference book (`tl_codegen::docs::Book`): the `documented` fixture's
//! pages as reviewed snapshots, and layer 230's pages checked against the
//! documentation files of `testdata/docs` (read here independently). The Rust example
//! of every layer-230 method page is compiled in `tests::book_examples`.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use tl_codegen::Config;
use tl_codegen::book::Book;
use tl_codegen::model::Model;

/// A configuration with the three documentation inputs in `docs`.
fn documented(docs: &std::path::Path, api_docs: &str) -> Config {
    let mut config = Config::new();
    config
        .docs_file(docs.join(api_docs))
        .usability_table(docs.join("methods.csv"))
        .error_table(docs.join("errors.csv"));
    config
}

fn fixture_book() -> Book {
    let root = test_support::repo_root();
    let config = documented(&root.join("schema/fixtures/docs"), "api-docs.json");
    let model = config
        .model(&[root.join("schema/fixtures/documented.tl")])
        .unwrap();
    config.book(&model)
}

#[test]
fn fixture_pages() {
    let book = fixture_book();
    for path in [
        "method/channels.inviteToChannel.md",
        "method/messages.importChatInvite.md",
        "constructor/inputUser.md",
        "type/Updates.md",
        "ns/channels.md",
        "SUMMARY.md",
        "errors.md",
    ] {
        let page = book.page(path).unwrap_or_else(|| panic!("{path} missing"));
        insta::assert_snapshot!(format!("book_{}", path.replace(['/', '.'], "_")), page.text);
    }
}

/// Every link of `SUMMARY.md` is a page, and every page but the summary is
/// linked from it (`[Methods]()`, a heading of the sidebar, links nowhere).
fn check_summary(book: &Book) {
    let summary = &book.page("SUMMARY.md").unwrap().text;
    let linked: BTreeSet<&str> = summary
        .split("](")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .filter(|target| !target.is_empty())
        .collect();
    let pages: BTreeSet<&str> = book
        .pages
        .iter()
        .map(|p| p.path.as_str())
        .filter(|p| *p != "SUMMARY.md")
        .collect();
    assert_eq!(linked, pages);
}

#[test]
fn fixture_summary_links_every_page() {
    check_summary(&fixture_book());
}

#[test]
fn book_is_written_as_an_mdbook() {
    let dir = std::env::temp_dir().join(format!("tl-book-{}", std::process::id()));
    fixture_book().write(&dir).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.join("book.toml")).unwrap(),
        "[book]\ntitle = \"TL schema reference, layer 7\"\nsrc = \"src\"\n"
    );
    assert!(dir.join("src/SUMMARY.md").is_file());
    assert!(dir.join("src/method/channels.inviteToChannel.md").is_file());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The model and book of `files` (under `testdata/schema/telegram`: layer
/// 230 alone or with `mtproto.tl`) with the documentation of
/// `testdata/docs`, built once for all the tests that read them.
fn documented_layer(files: &[&str]) -> &'static (Model, Book) {
    static ALONE: OnceLock<(Model, Book)> = OnceLock::new();
    static WITH_MTPROTO: OnceLock<(Model, Book)> = OnceLock::new();
    let cell = match files {
        ["api-230.tl"] => &ALONE,
        ["api-230.tl", "mtproto.tl"] => &WITH_MTPROTO,
        other => panic!("no layer {other:?}"),
    };
    cell.get_or_init(|| {
        let data = test_support::testdata();
        let schema = data.join("schema/telegram");
        let config = documented(&data.join("docs"), "api-docs-223.json");
        let paths: Vec<_> = files.iter().map(|f| schema.join(f)).collect();
        let model = config.model(&paths).unwrap();
        let book = config.book(&model);
        (model, book)
    })
}

fn layer_book() -> &'static Book {
    &documented_layer(&["api-230.tl"]).1
}

fn section<'t>(page: &'t str, heading: &str) -> &'t str {
    let start = page
        .find(&format!("## {heading}\n"))
        .unwrap_or_else(|| panic!("no {heading}"));
    let rest = &page[start + heading.len() + 4..];
    rest.split("\n## ").next().unwrap()
}

/// The page carries every error the documentation file gives for the
/// method, with code and description, and the table's bot answer.
#[test]
fn invite_to_channel_page_carries_every_error() {
    let book = layer_book();
    let page = &book
        .page("method/channels.inviteToChannel.md")
        .unwrap()
        .text;
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(test_support::testdata().join("docs/api-docs-223.json")).unwrap(),
    )
    .unwrap();
    let errors = section(page, "Possible errors");
    let listed = json["methods"]["channels.inviteToChannel"]["errors"]
        .as_array()
        .unwrap();
    for error in listed {
        let name = error["type"].as_str().unwrap().replace("%d", "X");
        let row = format!(
            "| {} | [{}](../errors.md#{name}) | {} |",
            error["code"],
            name.replace('_', "\\_"),
            error["description"].as_str().unwrap()
        );
        assert!(errors.contains(&row), "missing `{row}`");
    }
    assert_eq!(
        errors.lines().filter(|l| l.starts_with("| 4")).count(),
        listed.len()
    );
    assert_eq!(
        section(page, "Can bots use this method?")
            .trim()
            .lines()
            .next(),
        Some("No")
    );
    for part in [
        "# channels.inviteToChannel\n",
        "## Example\n",
        "## Parameters\n",
        "## Result\n",
        "## Related pages\n",
    ] {
        assert!(page.contains(part), "{part}");
    }
}

#[test]
fn import_chat_invite_page_describes_hash() {
    let book = layer_book();
    let page = &book
        .page("method/messages.importChatInvite.md")
        .unwrap()
        .text;
    assert!(page.contains(
        "| **hash** | string | `String` | Yes | hash from a chat invite deep link[¹](https://core.telegram.org/api/links#chat-invite-links) |"
    ), "{page}");
}

/// Each method page's bot answer is the usability table's (read here by hand).
#[test]
fn bot_answers_agree_with_the_table() {
    let book = layer_book();
    let rows = tests::usability_rows();
    let mut checked = 0;
    for (method, usability) in &rows {
        let Some(page) = book.page(&format!("method/{method}.md")) else {
            continue; // a method the schema no longer has
        };
        let expected = match usability.as_str() {
            "user" => "No",
            "bot" | "both" => "Yes",
            _ => "Unknown",
        };
        let answer = section(&page.text, "Can bots use this method?")
            .trim()
            .lines()
            .next();
        assert_eq!(answer, Some(expected), "{method}");
        checked += 1;
    }
    assert!(checked > 300, "{checked}");
}

#[test]
fn layer_summary_links_every_page() {
    check_summary(layer_book());
}
/// The book spells Rust types as the configuration generates them: with
/// `zero_copy`, a `string` argument is the runtime's `ByteString`.
#[test]
fn examples_follow_zero_copy() {
    let fixture = test_support::fixtures_dir().join("zero_copy.tl");
    let example = |zero_copy: bool| {
        let mut config = Config::new();
        config.zero_copy(zero_copy);
        let model = config.model(&[&fixture]).unwrap();
        let page = config.book(&model);
        let text = &page.page("method/shared.upload.md").unwrap().text;
        let start = text.find("```rust\n").unwrap() + 8;
        text[start..start + text[start..].find("```").unwrap()].to_owned()
    };
    assert_eq!(
        example(false),
        "/// Builds a `shared.upload` request (`tl` is where the generated code lives).
fn upload(album: tl::enums::shared::Album) -> tl::functions::shared::Upload {
    tl::functions::shared::Upload {
        album,
        note: String::from(\"text\"),
    }
}
"
    );
    assert_eq!(
        example(true),
        "/// Builds a `shared.upload` request (`tl` is where the generated code lives).
fn upload(album: tl::enums::shared::Album) -> tl::functions::shared::Upload {
    tl::functions::shared::Upload {
        album,
        note: tl_runtime::shared::ByteString::from_static(\"text\"),
    }
}
"
    );
}

/// The errors page lists every error of the tables once, with its variant
/// and the methods that return it; every error a method page lists links to
/// a row of it.
#[test]
fn every_error_link_lands_on_the_errors_page() {
    let (model, book) = documented_layer(&["api-230.tl", "mtproto.tl"]);
    let errors = &book.page("errors.md").unwrap().text;
    let anchors: BTreeSet<&str> = errors
        .split("<a id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert!(anchors.len() >= model.rpc_errors.len(), "{}", anchors.len());
    let flood = errors
        .lines()
        .find(|l| l.starts_with("| <a id=\"FLOOD_WAIT_X\"></a>"))
        .unwrap();
    assert!(
        flood.starts_with(
            "| <a id=\"FLOOD_WAIT_X\"></a>FLOOD\\_WAIT\\_X | 420 | `RpcMessage::FloodWait { seconds }` |"
        ),
        "{flood}"
    );
    let stars = errors
        .lines()
        .find(|l| l.starts_with("| <a id=\"ALLOW_PAYMENT_REQUIRED_X\"></a>"))
        .unwrap();
    assert!(
        stars.contains("`RpcMessage::AllowPaymentRequiredWithStars { stars }`"),
        "{stars}"
    );
    assert!(
        stars.contains("[messages.sendMessage](method/messages.sendMessage.md)"),
        "{stars}"
    );
    let mut links = 0;
    for page in book.pages.iter().filter(|p| p.path.starts_with("method/")) {
        for rest in page.text.split("](../errors.md#").skip(1) {
            let anchor = rest.split(')').next().unwrap();
            assert!(anchors.contains(anchor), "{}: #{anchor}", page.path);
            links += 1;
        }
    }
    assert!(links > 1000, "{links} error links");
}

/// The example of `invokeWithLayer` passes the generated `LAYER` (the
/// layer the schema states), and reads "an `invokeWithLayer`".
#[test]
fn examples_use_the_layer_and_the_right_article() {
    let (_, book) = documented_layer(&["api-230.tl", "mtproto.tl"]);
    let page = &book.page("method/invokeWithLayer.md").unwrap().text;
    assert!(
        page.contains(
            "/// Builds an `invokeWithLayer` request (`tl` is where the generated code lives).\n"
        ),
        "{page}"
    );
    assert!(page.contains("        layer: tl::LAYER,\n"), "{page}");
    let page = &book.page("method/messages.sendMessage.md").unwrap().text;
    assert!(page.contains("/// Builds a `messages.sendMessage` request"));
}

/// No page of layer 230's book keeps the stray periods some descriptions
/// of the documentation file end with (`paid messages.  .`, `%d .`).
#[test]
fn no_stray_periods() {
    let (_, book) = documented_layer(&["api-230.tl", "mtproto.tl"]);
    let mut stray = Vec::new();
    for page in &book.pages {
        for line in page.text.lines() {
            let line = line.trim_end_matches(" |").trim_end();
            if line.ends_with(" .") || line.contains(". . ") || line.contains(".  . ") {
                stray.push(format!("{}: {line}", page.path));
            }
        }
    }
    assert_eq!(stray, Vec::<String>::new());
}

/// A page of layer 230's book (with mtproto).
fn page<'b>(book: &'b Book, path: &str) -> &'b str {
    &book
        .page(path)
        .unwrap_or_else(|| panic!("{path} missing"))
        .text
}

/// A later paragraph's footnote links to its own link, and a link to the
/// official page of something the book has a page for goes to that page.
#[test]
fn footnotes_link_to_their_own_paragraphs_links_and_to_local_pages() {
    let (_, book) = documented_layer(&["api-230.tl", "mtproto.tl"]);
    let deleted = page(book, "constructor/forumTopicDeleted.md");
    assert!(
        deleted.contains(
            "Represents a deleted forum topic[¹](https://core.telegram.org/api/forum#forum-topics).\n\n\
             This constructor is returned in place of a forumTopic[¹](../constructor/forumTopic.md) \
             by messages.getForumTopicsByID[²](../method/messages.getForumTopicsByID.md) (and"
        ),
        "{deleted}"
    );
    let birthday = page(book, "constructor/birthday.md");
    assert!(
        birthday.contains(
            "gift Telegram Premium subscriptions »[¹](https://core.telegram.org/api/premium#gifting-telegram-premium) to"
        ),
        "{birthday}"
    );
    let text_url = page(book, "constructor/messageEntityTextUrl.md");
    assert!(
        text_url.contains(
            "domain whitelist documentation »[¹](https://core.telegram.org/api/config#whitelisted-domains)."
        ),
        "{text_url}"
    );
    // The official page of the page itself stays, at the end.
    assert!(
        deleted.ends_with(
            "\n[Official page](https://core.telegram.org/constructor/forumTopicDeleted)\n"
        )
    );
}

/// `Bool`, built in, has a page of its own that links to and from the
/// methods returning it, and `boolTrue` in a description leads to it.
#[test]
fn bool_has_a_page() {
    let (_, book) = documented_layer(&["api-230.tl", "mtproto.tl"]);
    let bool_page = page(book, "type/Bool.md");
    assert!(
        bool_page.starts_with(
            "# Bool\n\nThe TL boolean, built into the generator: a `Bool` is written boxed, as the constructor \
             `boolTrue` (true) or `boolFalse` (false), neither of which has fields. The generated code holds it \
             as a Rust `bool`, with no type of its own.\n\n\
             ```tl\nboolFalse#bc799737 = Bool;\nboolTrue#997275b5 = Bool;\n```\n\n\
             ## Rust type\n\n`bool`: `true` is `boolTrue`, `false` is `boolFalse`.\n\n\
             ## Methods returning it\n\n"
        ),
        "{bool_page}"
    );
    assert!(bool_page.contains("\n- [account.updateStatus](../method/account.updateStatus.md)\n"));
    let returning = bool_page.lines().filter(|l| l.starts_with("- [")).count();
    assert!(returning > 200, "{returning}");
    let status = page(book, "method/account.updateStatus.md");
    assert_eq!(section(status, "Result").trim(), "[Bool](../type/Bool.md)");
    assert!(
        status.contains(
            "| **offline** | [Bool](../type/Bool.md) | `bool` | Yes | If (boolTrue)[¹](../type/Bool.md) is transmitted, \
             user status will change to (userStatusOffline)[²](../constructor/userStatusOffline.md). |"
        ),
        "{status}"
    );
    assert!(
        status.contains("- Its result type: [Bool](../type/Bool.md)\n"),
        "{status}"
    );
}

/// Parameter tables give the Rust type and say whether a field is required;
/// the flags word, which the Rust struct does not have, is no row.
#[test]
fn parameter_tables_say_what_is_required() {
    let (_, book) = documented_layer(&["api-230.tl", "mtproto.tl"]);
    assert_eq!(
        section(page(book, "constructor/birthday.md"), "Fields"),
        "\n| Name | Type | Rust type | Required | Description |\n\
         | :--: | ---- | --------- | -------- | ----------- |\n\
         | **day** | int | `i32` | Yes | Birth day |\n\
         | **month** | int | `i32` | Yes | Birth month |\n\
         | **year** | flags.0?int | `Option<i32>` | Optional | (Optional) birth year. |\n"
    );
    let send = page(book, "method/messages.sendMessage.md");
    for row in [
        "| **no\\_webpage** | flags.1?true | `bool` | Optional: a flag, `false` when not set | Set this flag to disable generation of the webpage preview |",
        "| **reply\\_to** | flags.0?[InputReplyTo](../type/InputReplyTo.md) | `Option<tl::enums::InputReplyTo>` | Optional | If set, indicates that the message should be sent in reply to the specified message or story. Also used to quote other messages. |",
        "| **message** | string | `String` | Yes | The message |",
    ] {
        assert!(send.contains(row), "{row}\n{send}");
    }
    // Telegram's flags words are computed when writing: no row.
    for path in ["constructor/birthday.md", "method/messages.sendMessage.md"] {
        assert!(!page(book, path).contains("| **flags** |"), "{path}");
    }
    // A `#` no field refers to is a plain number, which the struct keeps.
    assert!(
        page(book, "constructor/exportedChatlistInvite.md")
            .contains("| **flags** | # | `u32` | Yes | Flags, see TL conditional fields[¹](https://core.telegram.org/mtproto/TL-combinators#conditional-fields) |"),
        "{}",
        page(book, "constructor/exportedChatlistInvite.md")
    );
}

/// The sidebar groups each namespace's pages by kind, and no namespace is
/// labelled like a page.
#[test]
fn summary_groups_pages_by_kind() {
    let (_, book) = documented_layer(&["api-230.tl", "mtproto.tl"]);
    let summary = page(book, "SUMMARY.md");
    assert!(
        summary.contains("\n- [Global namespace](ns/global.md)\n    - [Methods]()\n        - [")
    );
    assert!(summary.contains("\n- [Namespace `updates`](ns/updates.md)\n    - [Methods]()\n"));
    assert!(summary.contains("\n        - [updates](constructor/updates.md)\n"));
    assert!(summary.contains("\n        - [Bool](type/Bool.md)\n"));
    let mut namespaces = BTreeSet::new();
    let mut pages = BTreeSet::new();
    let mut heading = "";
    for line in summary.lines() {
        let Some((label, target)) = line
            .trim_start()
            .strip_prefix("- [")
            .and_then(|rest| rest.strip_suffix(')'))
            .and_then(|rest| rest.split_once("]("))
        else {
            continue;
        };
        match line.len() - line.trim_start().len() {
            0 => {
                namespaces.insert(label);
            }
            4 => {
                assert_eq!(target, "", "{line}");
                heading = label;
            }
            _ => {
                let kind = match heading {
                    "Methods" => "method/",
                    "Constructors" => "constructor/",
                    "Types" => "type/",
                    other => panic!("heading {other}"),
                };
                assert!(target.starts_with(kind), "{line} under {heading}");
                pages.insert(label);
            }
        }
    }
    assert!(namespaces.len() > 20, "{namespaces:?}");
    assert!(pages.len() > 3000, "{}", pages.len());
    assert_eq!(
        namespaces.intersection(&pages).collect::<Vec<_>>(),
        Vec::<&&str>::new()
    );
}

/// Superscript digits, outside the text of a link (`[¹](...)`): footnote
/// marks that did not become links.
fn bare_marks(text: &str) -> Vec<String> {
    let superscript = |c: char| "⁰¹²³⁴⁵⁶⁷⁸⁹".contains(c);
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(superscript) {
        let run: String = rest[at..].chars().take_while(|&c| superscript(c)).collect();
        let after = &rest[at + run.len()..];
        if !(rest[..at].ends_with('[') && after.starts_with("](")) {
            let start = rest[..at]
                .char_indices()
                .rev()
                .nth(40)
                .map_or(0, |(i, _)| i);
            found.push(rest[start..at + run.len()].to_owned());
        }
        rest = after;
    }
    found
}

/// Every URL the documentation file gives for an entry (its `links` and
/// those of its fields and errors) and that its text spells.
fn entry_urls(entry: &serde_json::Value, into: &mut BTreeSet<String>) {
    match entry {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value) {
                    ("links", serde_json::Value::Array(links)) => {
                        into.extend(links.iter().filter_map(|l| l.as_str()).map(str::to_owned));
                    }
                    _ => entry_urls(value, into),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| entry_urls(i, into)),
        serde_json::Value::String(text) => {
            for word in text.split_whitespace() {
                if let Some(at) = word.find("http") {
                    let url: String = word[at..]
                        .chars()
                        .take_while(|c| !"⁰¹²³⁴⁵⁶⁷⁸⁹".contains(*c))
                        .collect();
                    into.insert(
                        url.trim_end_matches(['.', ',', ')', ';', ':', '"'])
                            .to_owned(),
                    );
                }
            }
        }
        _ => {}
    }
}

/// The URLs of the error table (`testdata/docs/errors.csv`), whose
/// descriptions are on the errors page and method pages: its links to paths
/// of the official site (`/api/discussion`) are to that site.
fn error_table_urls(into: &mut BTreeSet<String>) {
    let table = std::fs::read_to_string(test_support::testdata().join("docs/errors.csv")).unwrap();
    for target in link_targets(&table) {
        match target.strip_prefix('/') {
            Some(path) => into.insert(format!("https://core.telegram.org/{path}")),
            None => into.insert(target.to_owned()),
        };
    }
    entry_urls(&serde_json::Value::String(table.replace(',', " ")), into);
}

/// The targets of a Markdown text's links, `[text](target)` and `<url>`.
fn link_targets(text: &str) -> Vec<&str> {
    let mut targets = Vec::new();
    for (open, close) in [("](", ')'), ("<http", '>')] {
        let mut rest = text;
        while let Some(at) = rest.find(open) {
            // An autolink's target starts with its `http`.
            let after = &rest[at + if close == ')' { 2 } else { 1 }..];
            let end = after.find(close).unwrap_or(after.len());
            targets.push(&after[..end]);
            rest = &after[end..];
        }
    }
    targets
}

/// Every link of every page of layer 230's book goes to a page of the book,
/// to a URL the documentation file gives for the page's entry, or to the
/// entry's official page; a link to the official page of an item the book
/// has is to the book's page instead; no footnote mark is left bare.
#[test]
fn every_link_of_the_layer_book_goes_somewhere_known() {
    let (_, book) = documented_layer(&["api-230.tl", "mtproto.tl"]);
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(test_support::testdata().join("docs/api-docs-223.json")).unwrap(),
    )
    .unwrap();
    let paths: BTreeSet<&str> = book.pages.iter().map(|p| p.path.as_str()).collect();
    let mut problems = Vec::new();
    let mut checked = 0;
    for p in &book.pages {
        // The entry of the page, by section and name (the file spells some
        // names with another letter case).
        let mut allowed = BTreeSet::new();
        if p.path == "errors.md" || p.path.starts_with("method/") {
            error_table_urls(&mut allowed);
        }
        if let Some((kind, name)) = p.path.strip_suffix(".md").and_then(|s| s.split_once('/')) {
            let section = match kind {
                "method" => "methods",
                "constructor" => "constructors",
                "type" => "types",
                _ => "",
            };
            if let Some(entries) = json.get(section).and_then(|s| s.as_object()) {
                for (key, entry) in entries {
                    if key.eq_ignore_ascii_case(name) {
                        entry_urls(entry, &mut allowed);
                    }
                }
                allowed.insert(format!("https://core.telegram.org/{kind}/{name}"));
            }
        }
        let dir = p.path.rsplit_once('/').map_or("", |(dir, _)| dir);
        let own_page = p.text.lines().last().unwrap_or("");
        for target in link_targets(&p.text) {
            checked += 1;
            if target.is_empty() && p.path == "SUMMARY.md" {
                continue;
            }
            if target.starts_with("http") {
                let local = ["method/", "constructor/", "type/"]
                    .iter()
                    .find_map(|kind| {
                        let name = target
                            .strip_prefix("https://core.telegram.org/")?
                            .strip_prefix(kind)?;
                        paths
                            .contains(format!("{kind}{name}.md").as_str())
                            .then_some(())
                    });
                if !allowed.contains(target) {
                    problems.push(format!("{}: unknown URL {target}", p.path));
                } else if local.is_some() && !own_page.contains(target) {
                    problems.push(format!("{}: {target} is a page of the book", p.path));
                }
                continue;
            }
            let file = target.split('#').next().unwrap_or(target);
            let resolved = match file.strip_prefix("../") {
                Some(up) => up.to_owned(),
                None if dir.is_empty() => file.to_owned(),
                None => format!("{dir}/{file}"),
            };
            if !paths.contains(resolved.as_str()) {
                problems.push(format!("{}: no page {target}", p.path));
            }
        }
        for mark in bare_marks(&p.text) {
            problems.push(format!("{}: bare mark in `{mark}`", p.path));
        }
    }
    assert_eq!(problems, Vec::<String>::new());
    assert!(checked > 50_000, "{checked} links");
}

/// The rustdoc of layer 230's generated code links only to URLs of the
/// documentation file and official pages, and leaves no footnote mark bare.
#[test]
fn generated_rustdoc_links_only_to_documented_urls() {
    let data = test_support::testdata();
    let docs = data.join("docs");
    let schema = data.join("schema/telegram");
    let code = documented(&docs, "api-docs-223.json")
        .generate(&[schema.join("api-230.tl"), schema.join("mtproto.tl")])
        .unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(docs.join("api-docs-223.json")).unwrap())
            .unwrap();
    let mut allowed = BTreeSet::new();
    entry_urls(&json, &mut allowed);
    error_table_urls(&mut allowed);
    let mut problems = Vec::new();
    let mut checked = 0;
    for line in code.lines() {
        let Some(doc) = line.trim_start().strip_prefix("///") else {
            continue;
        };
        for target in link_targets(doc)
            .into_iter()
            .filter(|t| t.starts_with("http"))
        {
            checked += 1;
            let official = ["method/", "constructor/", "type/"]
                .iter()
                .any(|kind| target.starts_with(&format!("https://core.telegram.org/{kind}")));
            if !allowed.contains(target) && !official {
                problems.push(format!("unknown URL {target} in `{doc}`"));
            }
        }
        for mark in bare_marks(doc) {
            problems.push(format!("bare mark in `{mark}`"));
        }
    }
    assert_eq!(problems, Vec::<String>::new());
    assert!(checked > 5_000, "{checked} links");
}
