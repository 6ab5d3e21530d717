//! Finds and parses text entities with the real TDLib, through the generated
//! types: `getTextEntities` and `parseTextEntities` (MarkdownV2), run with
//! `td_execute`, their answers printed from the typed values.
//!
//! ```sh
//! cargo run -p tdlib-json --example entities [PATH_TO_LIBTDJSON]
//! ```
//!
//! Without an argument the library is `TDJSON_LIB`, else
//! `target/tdjson/libtdjson.so` (`bash scripts/fetch-tdjson.sh` puts it
//! there).

use std::error::Error;
use std::path::PathBuf;
use std::process::ExitCode;

use tdlib_json::client::{self, Client};
use tdlib_json::ffi::Tdjson;
use tdlib_json::td_api::{enums, functions, types};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn Error>> {
    let path = match std::env::args_os().nth(1) {
        Some(path) => PathBuf::from(path),
        None => Tdjson::locate()?,
    };
    let td = Tdjson::load(&path)?;
    td.quiet();
    let client = Client::new(&td);

    let enums::OptionValue::String(version) = client.execute(&functions::GetOption {
        name: "version".into(),
    })?
    else {
        return Err("the option `version` is not a string".into());
    };
    let shown = path.canonicalize().unwrap_or(path);
    println!("TDLib {} ({})", version.value, shown.display());

    let text = "Hi @user! See #tag and $USD at https://example.com, mail me@example.com or /start";
    println!("\ngetTextEntities {text:?}");
    let enums::TextEntities::TextEntities(found) =
        client.execute(&functions::GetTextEntities { text: text.into() })?;
    print_entities(text, &found.entities);

    let markdown = concat!(
        "*bold* _italic_ __underline__ ~strike~ ||spoiler|| `code` ",
        "[link](https://example.com/) [user](tg://user?id=123456789) ",
        "![\u{1F44D}](tg://emoji?id=5368324170671202286)\n",
        "```rust\nfn main() {}\n```",
    );
    let markdown_v2 = enums::TextParseMode::Markdown(types::TextParseModeMarkdown { version: 2 });
    println!("\nparseTextEntities (MarkdownV2) {markdown:?}");
    let enums::FormattedText::FormattedText(parsed) =
        client.execute(&functions::ParseTextEntities {
            text: markdown.into(),
            parse_mode: markdown_v2.clone(),
        })?;
    println!("  text: {:?}", parsed.text);
    print_entities(&parsed.text, &parsed.entities);

    // TDLib's errors come back typed too.
    let broken = "*unclosed bold";
    println!("\nparseTextEntities (MarkdownV2) {broken:?}");
    match client.execute(&functions::ParseTextEntities {
        text: broken.into(),
        parse_mode: markdown_v2,
    }) {
        Err(client::Error::Td(error)) => {
            println!("  TDLib error {}: {}", error.code, error.message)
        }
        other => return Err(format!("expected TDLib's error, got {other:?}").into()),
    }
    Ok(())
}

/// One line per entity: its UTF-16 range, its type, and the text it covers.
fn print_entities(text: &str, entities: &[types::TextEntity]) {
    println!("  {:>6} {:>6}  {:<36} text", "offset", "length", "type");
    for entity in entities {
        println!(
            "  {:>6} {:>6}  {:<36} {:?}",
            entity.offset,
            entity.length,
            describe(&entity.r#type),
            utf16_slice(text, entity.offset, entity.length)
        );
    }
}

/// The entity type's name, with its fields when it has any.
fn describe(entity_type: &enums::TextEntityType) -> String {
    use enums::TextEntityType as T;
    match entity_type {
        T::TextUrl(url) => format!("TextUrl {}", url.url),
        T::MentionName(mention) => format!("MentionName user_id={}", mention.user_id),
        T::CustomEmoji(emoji) => format!("CustomEmoji id={}", emoji.custom_emoji_id),
        T::PreCode(pre) => format!("PreCode language={}", pre.language),
        T::MediaTimestamp(timestamp) => {
            format!("MediaTimestamp {}s", timestamp.media_timestamp)
        }
        T::DateTime(date) => format!("DateTime unix_time={}", date.unix_time),
        // The other types have no fields: their variant's name.
        other => format!("{other:?}"),
    }
}

/// The part of `text` that an entity's offset and length (in UTF-16 code
/// units, as TDLib counts them) cover.
fn utf16_slice(text: &str, offset: i32, length: i32) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let start = usize::try_from(offset).unwrap_or(0).min(units.len());
    let end = start
        .saturating_add(usize::try_from(length).unwrap_or(0))
        .min(units.len());
    String::from_utf16_lossy(&units[start..end])
}
