//! The reference book (`tl_codegen::docs::Book`): the `documented` fixture's
//! pages as reviewed snapshots, and layer 230's pages checked against the
//! documentation files of `testdata/docs` (read here independently). The Rust example
//! of every layer-230 method page is compiled in `tests::book_examples`.

use std::collections::BTreeSet;

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
/// linked from it.
fn check_summary(book: &Book) {
    let summary = &book.page("SUMMARY.md").unwrap().text;
    let linked: BTreeSet<&str> = summary
        .split("](")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
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

/// The model and book of `files` (under `testdata/schema/telegram`) with
/// the documentation of `testdata/docs`.
fn documented_layer(files: &[&str]) -> (Model, Book) {
    let data = test_support::testdata();
    let schema = data.join("schema/telegram");
    let config = documented(&data.join("docs"), "api-docs-223.json");
    let paths: Vec<_> = files.iter().map(|f| schema.join(f)).collect();
    let model = config.model(&paths).unwrap();
    let book = config.book(&model);
    (model, book)
}

fn layer_book() -> Book {
    documented_layer(&["api-230.tl"]).1
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
        "| **hash** | string | hash from a chat invite deep link[¹](https://core.telegram.org/api/links#chat-invite-links) |"
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
    check_summary(&layer_book());
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
