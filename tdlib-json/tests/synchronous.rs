//! Every method that `td_api.tl` documents as "Can be called synchronously",
//! run through the real library's `td_execute` with requests built from the
//! generated `td_api::functions` structs, answers (TDLib's `error` included)
//! read into the generated types, and every answer written back with
//! `json::to_string` and compared with TDLib's JSON.
//!
//! Needs the library (`bash scripts/fetch-tdjson.sh`, or `TDJSON_LIB`):
//! without it the tests fail, never skip.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use tdlib_json::client::Answer;
use tdlib_json::td_api::{enums, functions, types};
use tl_runtime::json::{Outcome, TaggedUnion};
use tl_runtime::{Identifiable, RemoteCall};

use common::{TempDir, client, collect_types, write_back_differences, writes_back_in_order};

/// td_api.tl, the schema the crate is generated from.
const SCHEMA: &str = include_str!("../../testdata/schema/tdlib/td_api.tl");

/// The 28 synchronous methods of TDLib 1.8.66's td_api.tl, in schema order,
/// as the survey of the library lists them.
const SYNCHRONOUS: [&str; 28] = [
    "checkQuickReplyShortcutName",
    "searchQuote",
    "getTextEntities",
    "parseTextEntities",
    "parseMarkdown",
    "getMarkdownText",
    "getCountryFlagEmoji",
    "getFileMimeType",
    "getFileExtension",
    "cleanFileName",
    "getLanguagePackString",
    "getJsonValue",
    "getJsonString",
    "getThemeParametersJsonString",
    "getChatFolderDefaultIconName",
    "getPushReceiverId",
    "getOption",
    "searchStringsByPrefix",
    "getPhoneNumberInfoSync",
    "setLogStream",
    "getLogStream",
    "setLogVerbosityLevel",
    "getLogVerbosityLevel",
    "getLogTags",
    "setLogTagVerbosityLevel",
    "getLogTagVerbosityLevel",
    "addLogMessage",
    "testReturnError",
];

/// The functions of `schema` whose description says "Can be called
/// synchronously", in schema order.
///
/// A declaration's documentation is the `//@` comment block right above it:
/// `//@name text` starts a tag, `//-text` continues the previous one; the
/// description is the `@description` tag, up to the next ` @name ` tag on
/// the same line.
fn synchronous_methods(schema: &str) -> Vec<String> {
    let Some((_, functions)) = schema.split_once("---functions---") else {
        panic!("td_api.tl has no ---functions--- section");
    };
    let mut found = Vec::new();
    let mut comment = String::new();
    for line in functions.lines().map(str::trim) {
        if let Some(text) = line.strip_prefix("//-") {
            comment.push(' ');
            comment.push_str(text);
        } else if let Some(text) = line.strip_prefix("//") {
            comment.push('\n');
            comment.push_str(text);
        } else if line.is_empty() {
            // Blank lines separate declarations; a comment block stays with
            // the declaration that follows it directly.
            comment.clear();
        } else {
            let name = line.split_whitespace().next().unwrap_or_default();
            if description(&comment).contains("Can be called synchronously") {
                found.push(name.to_owned());
            }
            comment.clear();
        }
    }
    found
}

/// The `@description` of a comment block (tags at the start of a line or
/// after a space: `@description text @param text`).
fn description(comment: &str) -> String {
    let mut text = String::new();
    let mut inside = false;
    for word in comment.split([' ', '\n']) {
        let tag = word.strip_prefix('@').filter(|tag| {
            !tag.is_empty() && tag.chars().all(|c| c.is_ascii_lowercase() || c == '_')
        });
        match tag {
            Some("description") => inside = true,
            Some(_) => inside = false,
            None if inside => {
                text.push_str(word);
                text.push(' ');
            }
            None => {}
        }
    }
    text
}

#[test]
fn the_schema_documents_exactly_the_28_synchronous_methods() {
    assert_eq!(synchronous_methods(SCHEMA), SYNCHRONOUS);
}

#[test]
fn the_description_reader_follows_continuations_and_tags() {
    let schema = "a = A;\n---functions---\n\
        //@description First part,\n//-second part. Can be called synchronously\n//@x The x\nf x:int32 = A;\n\n\
        //@description Not it @y Can be called synchronously\ng y:int32 = A;\n\n\
        //@description Can be called\n\n//@description orphan\nh = A;\n";
    assert_eq!(synchronous_methods(schema), ["f"]);
    assert_eq!(description("\n@description One @two Three"), "One ");
}

/// What one run of the test went through.
struct Run {
    /// Calls per method (TL name).
    methods: BTreeMap<&'static str, usize>,
    /// Every `@type` in TDLib's answers.
    read: BTreeSet<String>,
    /// Every `@type` in our requests.
    written: BTreeSet<String>,
    /// Differences between TDLib's JSON and ours.
    differences: Vec<String>,
    /// Answers we write back with the keys in TDLib's order.
    in_order: usize,
}

impl Run {
    fn new() -> Run {
        Run {
            methods: BTreeMap::new(),
            read: BTreeSet::new(),
            written: BTreeSet::new(),
            differences: Vec::new(),
            in_order: 0,
        }
    }

    /// Executes `request` and returns TDLib's answer read into the generated
    /// types; records the method, the `@type`s, and the differences between
    /// TDLib's JSON and what we write back for it.
    fn call<F>(&mut self, request: &F) -> Answer<F>
    where
        F: RemoteCall + Identifiable + Serialize + std::fmt::Debug,
        F::Return: TaggedUnion + Serialize,
    {
        let reply = client()
            .execute_reply(request)
            .unwrap_or_else(|error| panic!("{}: {error}\nrequest: {request:?}", F::TL_NAME));
        *self.methods.entry(F::TL_NAME).or_default() += 1;
        let request_text = tl_runtime::json::to_string(request).unwrap();
        collect_types(&request_text, &mut self.written);
        collect_types(&reply.text, &mut self.read);
        self.differences.extend(write_back_differences(
            &format!("{} {request_text}", F::TL_NAME),
            &reply,
        ));
        self.in_order += usize::from(writes_back_in_order(&reply));
        reply.value
    }

    /// [`call`](Self::call), expecting the object asked for.
    fn ok<F>(&mut self, request: &F) -> F::Return
    where
        F: RemoteCall + Identifiable + Serialize + std::fmt::Debug,
        F::Return: TaggedUnion + Serialize,
    {
        match self.call(request) {
            Outcome::Ok(value) => value,
            Outcome::Err(error) => panic!(
                "{}: TDLib error {} {:?}\nrequest: {request:?}",
                F::TL_NAME,
                error.code,
                error.message
            ),
        }
    }

    /// [`call`](Self::call), expecting TDLib's error.
    fn error<F>(&mut self, request: &F) -> (i32, String)
    where
        F: RemoteCall + Identifiable + Serialize + std::fmt::Debug,
        F::Return: TaggedUnion + Serialize + std::fmt::Debug,
    {
        match self.call(request) {
            Outcome::Err(error) => (error.code, error.message),
            Outcome::Ok(value) => panic!(
                "{}: expected an error, got {value:?}\nrequest: {request:?}",
                F::TL_NAME
            ),
        }
    }
}

fn text(text: &str) -> types::FormattedText {
    types::FormattedText {
        text: text.into(),
        entities: Vec::new(),
    }
}

fn entity(offset: i32, length: i32, r#type: enums::TextEntityType) -> types::TextEntity {
    types::TextEntity {
        offset,
        length,
        r#type,
    }
}

fn formatted(text: &str, entities: Vec<types::TextEntity>) -> enums::FormattedText {
    enums::FormattedText::FormattedText(Box::new(types::FormattedText {
        text: text.into(),
        entities,
    }))
}

fn json_number(value: f64) -> enums::JsonValue {
    enums::JsonValue::Number(types::JsonValueNumber { value })
}

fn json_array(values: Vec<enums::JsonValue>) -> enums::JsonValue {
    enums::JsonValue::Array(Box::new(types::JsonValueArray { values }))
}

fn answer_text(text: &str) -> enums::Text {
    enums::Text::Text(types::Text { text: text.into() })
}

fn error(code: i32, message: &str) -> (i32, String) {
    (code, message.to_owned())
}

/// Runs every synchronous method with several inputs each, in one process
/// and one thread: the log settings are global, so the order matters.
#[test]
fn every_synchronous_method() {
    let mut run = Run::new();
    let temp = TempDir::new("synchronous");

    quick_reply_shortcut_names(&mut run);
    text_entities(&mut run);
    markup(&mut run);
    quotes(&mut run);
    files(&mut run);
    language_pack(&mut run, &temp);
    json_values(&mut run);
    theme_parameters(&mut run);
    chat_folder_icons(&mut run);
    push_receiver_ids(&mut run);
    options(&mut run);
    strings_by_prefix(&mut run);
    phone_numbers(&mut run);
    logging(&mut run, &temp);
    errors(&mut run);

    let calls: usize = run.methods.values().sum();
    println!(
        "td_execute: {} methods, {calls} calls; {} distinct object types (constructors) read \
         from TDLib, {} written in requests (functions included)",
        run.methods.len(),
        run.read.len(),
        run.written.len(),
    );
    println!(
        "written back: {calls} answers, {} differences from TDLib's JSON; {} with TDLib's key order",
        run.differences.len(),
        run.in_order
    );
    println!("methods: {:?}", run.methods);
    println!("read: {:?}", run.read);
    assert_eq!(
        run.methods.keys().copied().collect::<BTreeSet<_>>(),
        SYNCHRONOUS.into_iter().collect::<BTreeSet<_>>(),
        "not every synchronous method ran"
    );
    assert!(
        run.differences.is_empty(),
        "{} differences between TDLib's JSON and ours:\n{}",
        run.differences.len(),
        run.differences.join("\n")
    );
}

fn quick_reply_shortcut_names(run: &mut Run) {
    let check = |name: &str| functions::CheckQuickReplyShortcutName { name: name.into() };
    assert_eq!(run.ok(&check("hello")), enums::Ok::Ok);
    assert_eq!(run.ok(&check("hello_2")), enums::Ok::Ok);
    // TDLib reports an invalid name with code 200.
    assert_eq!(
        run.error(&check("bad name!")),
        error(200, "A letter is not allowed")
    );
    assert_eq!(run.error(&check("")), error(200, "Name must be non-empty"));
    assert_eq!(
        run.error(&check(&"a".repeat(33))),
        error(200, "Name is too long")
    );
}

fn text_entities(run: &mut Run) {
    use enums::TextEntityType as T;
    let get = |text: &str| functions::GetTextEntities { text: text.into() };
    let entities = |answer: enums::TextEntities| {
        let enums::TextEntities::TextEntities(found) = answer;
        found.entities
    };

    assert_eq!(
        entities(run.ok(&get("@user #tag https://example.com"))),
        [
            entity(0, 5, T::Mention),
            entity(6, 4, T::Hashtag),
            entity(11, 19, T::Url)
        ]
    );
    assert_eq!(
        entities(run.ok(&get("$USD /start mail@example.com 4242 4242 4242 4242"))),
        [
            entity(0, 4, T::Cashtag),
            entity(5, 6, T::BotCommand),
            entity(12, 16, T::EmailAddress),
            entity(29, 19, T::BankCardNumber),
        ]
    );
    // Offsets count UTF-16 code units: the emoji is two.
    assert_eq!(
        entities(run.ok(&get("\u{1F600} @user \u{e9}t\u{e9} #caf\u{e9}"))),
        [entity(3, 5, T::Mention), entity(13, 5, T::Hashtag)]
    );
    assert_eq!(entities(run.ok(&get("no entities here"))), Vec::new());
    assert_eq!(entities(run.ok(&get(""))), Vec::new());
}

fn markup(run: &mut Run) {
    use enums::TextEntityType as T;
    let markdown = |text: &str| functions::ParseTextEntities {
        text: text.into(),
        parse_mode: enums::TextParseMode::Markdown(types::TextParseModeMarkdown { version: 2 }),
    };
    let html = |text: &str| functions::ParseTextEntities {
        text: text.into(),
        parse_mode: enums::TextParseMode::Html,
    };

    assert_eq!(
        run.ok(&markdown("*bold* _it_")),
        formatted(
            "bold it",
            vec![entity(0, 4, T::Bold), entity(5, 2, T::Italic)]
        )
    );
    assert_eq!(
        run.ok(&markdown(
            "__under__ ~strike~ ||spoiler|| `code` [link](https://example.com/) [user](tg://user?id=123456789)"
        )),
        formatted(
            "under strike spoiler code link user",
            vec![
                entity(0, 5, T::Underline),
                entity(6, 6, T::Strikethrough),
                entity(13, 7, T::Spoiler),
                entity(21, 4, T::Code),
                entity(
                    26,
                    4,
                    T::TextUrl(types::TextEntityTypeTextUrl {
                        url: "https://example.com/".into()
                    })
                ),
                entity(
                    31,
                    4,
                    T::MentionName(types::TextEntityTypeMentionName { user_id: 123456789 })
                ),
            ]
        )
    );
    assert_eq!(
        run.ok(&markdown("```rust\nfn main() {}\n```")),
        formatted(
            "fn main() {}\n",
            vec![entity(
                0,
                13,
                T::PreCode(types::TextEntityTypePreCode {
                    language: "rust".into()
                })
            )]
        )
    );
    // A custom emoji: its int64 id comes back as a JSON string.
    assert_eq!(
        run.ok(&markdown(
            "![\u{1F44D}](tg://emoji?id=5368324170671202286) ok"
        )),
        formatted(
            "\u{1F44D} ok",
            vec![entity(
                0,
                2,
                T::CustomEmoji(types::TextEntityTypeCustomEmoji {
                    custom_emoji_id: 5368324170671202286
                })
            )]
        )
    );
    assert_eq!(
        run.error(&markdown("*unclosed")),
        error(
            400,
            "Can't parse entities: Can't find end of Bold entity at byte offset 0"
        )
    );
    assert_eq!(
        run.error(&markdown("1.5")),
        error(
            400,
            "Can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'"
        )
    );

    assert_eq!(
        run.ok(&html(
            "<b>b</b> <i>i</i> <u>u</u> <s>s</s> <tg-spoiler>p</tg-spoiler> <code>c</code>"
        )),
        formatted(
            "b i u s p c",
            vec![
                entity(0, 1, T::Bold),
                entity(2, 1, T::Italic),
                entity(4, 1, T::Underline),
                entity(6, 1, T::Strikethrough),
                entity(8, 1, T::Spoiler),
                entity(10, 1, T::Code),
            ]
        )
    );
    assert_eq!(
        run.ok(&html(
            "<a href=\"https://example.com/?q=1&amp;r=2\">link</a> &lt;tag&gt; <blockquote>quoted</blockquote>"
        )),
        formatted(
            "link <tag> quoted",
            vec![
                entity(
                    0,
                    4,
                    T::TextUrl(types::TextEntityTypeTextUrl {
                        url: "https://example.com/?q=1&r=2".into()
                    })
                ),
                entity(11, 6, T::BlockQuote),
            ]
        )
    );
    assert_eq!(
        run.error(&html("<b>unclosed")),
        error(
            400,
            "Can't parse entities: Can't find end tag corresponding to start tag \"b\""
        )
    );

    // parseMarkdown: the human-friendly Markdown of the apps.
    let parse = |text: &str| functions::ParseMarkdown {
        text: self::text(text),
    };
    assert_eq!(
        run.ok(&parse("**b** __i__ `c`")),
        formatted(
            "b i c",
            vec![
                entity(0, 1, T::Bold),
                entity(2, 1, T::Italic),
                entity(4, 1, T::Code)
            ]
        )
    );
    assert_eq!(
        run.ok(&parse("~~s~~ ||p|| plain")),
        formatted(
            "s p plain",
            vec![entity(0, 1, T::Strikethrough), entity(2, 1, T::Spoiler)]
        )
    );
    assert_eq!(run.ok(&parse("no markup")), formatted("no markup", vec![]));

    // getMarkdownText: the reverse.
    let unparse = |text: &str, entities: Vec<types::TextEntity>| functions::GetMarkdownText {
        text: types::FormattedText {
            text: text.into(),
            entities,
        },
    };
    assert_eq!(
        run.ok(&unparse("bold it", vec![entity(0, 4, T::Bold)])),
        formatted("**bold** it", vec![])
    );
    assert_eq!(
        run.ok(&unparse(
            "i s",
            vec![entity(0, 1, T::Italic), entity(2, 1, T::Strikethrough)]
        )),
        formatted("__i__ ~~s~~", vec![])
    );
    // Kept as an entity: a custom emoji has no Markdown.
    let emoji = T::CustomEmoji(types::TextEntityTypeCustomEmoji {
        custom_emoji_id: -9223372036854775808,
    });
    assert_eq!(
        run.ok(&unparse("\u{1F600} hi", vec![entity(0, 2, emoji.clone())])),
        formatted("\u{1F600} hi", vec![entity(0, 2, emoji)])
    );
}

fn quotes(run: &mut Run) {
    let search = |text: &str, quote: &str, quote_position: i32| functions::SearchQuote {
        text: self::text(text),
        quote: self::text(quote),
        quote_position,
    };
    let position = |answer: enums::FoundPosition| {
        let enums::FoundPosition::FoundPosition(found) = answer;
        found.position
    };
    assert_eq!(
        position(run.ok(&search("The quick brown fox", "brown", 0))),
        10
    );
    // The occurrence nearest to the given position.
    assert_eq!(position(run.ok(&search("abc abc abc", "abc", 7))), 8);
    assert_eq!(
        position(run.ok(&search("\u{1F600} caf\u{e9}", "caf\u{e9}", 0))),
        3
    );
    assert_eq!(
        run.error(&search("The quick brown fox", "cat", 0)),
        error(404, "Not Found")
    );
}

fn files(run: &mut Run) {
    let mime = |name: &str| functions::GetFileMimeType {
        file_name: name.into(),
    };
    assert_eq!(run.ok(&mime("photo.jpg")), answer_text("image/jpeg"));
    assert_eq!(run.ok(&mime("clip.MP4")), answer_text("video/mp4"));
    assert_eq!(
        run.ok(&mime("/path/to/song.mp3")),
        answer_text("audio/mpeg")
    );
    assert_eq!(
        run.ok(&mime("document.pdf")),
        answer_text("application/pdf")
    );
    assert_eq!(run.ok(&mime("unknown.zzzz")), answer_text(""));
    assert_eq!(run.ok(&mime("README")), answer_text(""));

    let extension = |mime: &str| functions::GetFileExtension {
        mime_type: mime.into(),
    };
    assert_eq!(run.ok(&extension("image/png")), answer_text("png"));
    assert_eq!(run.ok(&extension("application/pdf")), answer_text("pdf"));
    // audio/ogg: TDLib answers "oga", not "ogg".
    assert_eq!(run.ok(&extension("audio/ogg")), answer_text("oga"));
    assert_eq!(run.ok(&extension("no/such-type")), answer_text(""));

    let clean = |name: &str| functions::CleanFileName {
        file_name: name.into(),
    };
    assert_eq!(run.ok(&clean("a/b\\c:d*e?.txt")), answer_text("c d e.txt"));
    assert_eq!(
        run.ok(&clean("report 2024.pdf")),
        answer_text("report 2024.pdf")
    );
    // Each dangerous character becomes a space; the name and the extension
    // are trimmed separately.
    assert_eq!(
        run.ok(&clean("<caf\u{e9}>|\"x\".txt")),
        answer_text("caf\u{e9}   x.txt")
    );
    assert_eq!(run.ok(&clean("")), answer_text(""));

    let flag = |code: &str| functions::GetCountryFlagEmoji {
        country_code: code.into(),
    };
    assert_eq!(run.ok(&flag("DE")), answer_text("\u{1F1E9}\u{1F1EA}"));
    assert_eq!(run.ok(&flag("JP")), answer_text("\u{1F1EF}\u{1F1F5}"));
    assert_eq!(run.ok(&flag("")), answer_text(""));
    assert_eq!(run.ok(&flag("DEU")), answer_text(""));
}

fn language_pack(run: &mut Run, temp: &TempDir) {
    let database = temp.file("langpack.sqlite");
    let get = |key: &str| functions::GetLanguagePackString {
        language_pack_database_path: database.clone(),
        localization_target: "android".into(),
        language_pack_id: "en".into(),
        key: key.into(),
    };
    // Nothing was ever downloaded into the database: 404, and the file now
    // exists.
    assert_eq!(run.error(&get("AppName")), error(404, "Not Found"));
    assert_eq!(run.error(&get("")), error(400, "Key is invalid"));
    assert!(std::path::Path::new(&database).is_file(), "{database}");
}

fn json_values(run: &mut Run) {
    use enums::JsonValue as J;
    let number = json_number;
    let string = |value: &str| {
        J::String(types::JsonValueString {
            value: value.into(),
        })
    };
    let boolean = |value: bool| J::Boolean(types::JsonValueBoolean { value });
    let array = json_array;
    let object = |members: Vec<(&str, J)>| {
        J::Object(Box::new(types::JsonValueObject {
            members: members
                .into_iter()
                .map(|(key, value)| types::JsonObjectMember {
                    key: key.into(),
                    value,
                })
                .collect(),
        }))
    };
    let parse = |json: &str| functions::GetJsonValue { json: json.into() };

    assert_eq!(
        run.ok(&parse(r#"{"a":[1,true,null,"x"]}"#)),
        object(vec![(
            "a",
            array(vec![number(1.0), boolean(true), J::Null, string("x")])
        )])
    );
    assert_eq!(
        run.ok(&parse(
            r#"{"outer":{"inner":{"deep":[[],[{}],{"k":-2.5}]}},"b":false}"#
        )),
        object(vec![
            (
                "outer",
                object(vec![(
                    "inner",
                    object(vec![(
                        "deep",
                        array(vec![
                            array(vec![]),
                            array(vec![object(vec![])]),
                            object(vec![("k", number(-2.5))]),
                        ])
                    )])
                )])
            ),
            ("b", boolean(false)),
        ])
    );
    // Doubles: TDLib writes them with 6 decimals, so 0.1234567 comes back as
    // 0.123457 and 1e-7 as 0.
    assert_eq!(
        run.ok(&parse(
            "[0.1234567, 1e-7, -0.0, 1e300, 123456789.123456789, 9007199254740993]"
        )),
        array(vec![
            number(0.123457),
            number(0.0),
            number(-0.0),
            number(1e300),
            number(123456789.123457),
            number(9007199254740992.0),
        ])
    );
    assert_eq!(
        run.ok(&parse(
            r#""caf\u00e9 \ud83d\ude00 \"q\" \\ / \u0001 \u2028""#
        )),
        string("caf\u{e9} \u{1F600} \"q\" \\ / \u{1} \u{2028}")
    );
    // Duplicate keys are kept, in order.
    assert_eq!(
        run.ok(&parse(r#"{"k":1,"k":2}"#)),
        object(vec![("k", number(1.0)), ("k", number(2.0))])
    );
    assert_eq!(run.ok(&parse("null")), J::Null);
    assert_eq!(
        run.error(&parse("{\"a\":")),
        error(400, "Unexpected string end")
    );

    let write = |json_value: J| functions::GetJsonString { json_value };
    assert_eq!(
        run.ok(&write(object(vec![("a", number(1.5))]))),
        answer_text(r#"{"a":1.500000}"#)
    );
    assert_eq!(
        run.ok(&write(array(vec![
            J::Null,
            boolean(true),
            number(-3.0),
            string("\u{e9}\"\\/\n"),
            object(vec![("nested", array(vec![object(vec![])]))]),
        ]))),
        answer_text(r#"[null,true,-3.000000,"\u00e9\"\\/\n",{"nested":[{}]}]"#)
    );
    assert_eq!(run.ok(&write(J::Null)), answer_text("null"));
}

fn theme_parameters(run: &mut Run) {
    let theme = types::ThemeParameters {
        background_color: 0xffffff,
        secondary_background_color: 0xf0f0f0,
        header_background_color: 0xffffff,
        bottom_bar_background_color: 0xffffff,
        section_background_color: 0xffffff,
        section_separator_color: 0xdddddd,
        text_color: 0x000000,
        accent_text_color: 0x2196f3,
        section_header_text_color: 0x2196f3,
        subtitle_text_color: 0x707070,
        destructive_text_color: 0xff0000,
        hint_color: 0x999999,
        link_color: 0x2196f3,
        button_color: 0x2196f3,
        button_text_color: 0xffffff,
    };
    assert_eq!(
        run.ok(&functions::GetThemeParametersJsonString {
            theme: theme.clone()
        }),
        answer_text(concat!(
            r##"{"bg_color":"#ffffff","secondary_bg_color":"#f0f0f0","text_color":"#000000","##,
            r##""hint_color":"#999999","link_color":"#2196f3","button_color":"#2196f3","##,
            r##""button_text_color":"#ffffff","header_bg_color":"#ffffff","##,
            r##""bottom_bar_bg_color":"#ffffff","section_bg_color":"#ffffff","##,
            r##""section_separator_color":"#dddddd","accent_text_color":"#2196f3","##,
            r##""section_header_text_color":"#2196f3","subtitle_text_color":"#707070","##,
            r##""destructive_text_color":"#ff0000"}"##
        ))
    );
    let dark = types::ThemeParameters {
        background_color: 0x1c1c1d,
        text_color: 0xfefefe,
        hint_color: 0x123456,
        ..theme
    };
    assert_eq!(
        run.ok(&functions::GetThemeParametersJsonString { theme: dark }),
        answer_text(concat!(
            r##"{"bg_color":"#1c1c1d","secondary_bg_color":"#f0f0f0","text_color":"#fefefe","##,
            r##""hint_color":"#123456","link_color":"#2196f3","button_color":"#2196f3","##,
            r##""button_text_color":"#ffffff","header_bg_color":"#ffffff","##,
            r##""bottom_bar_bg_color":"#ffffff","section_bg_color":"#ffffff","##,
            r##""section_separator_color":"#dddddd","accent_text_color":"#2196f3","##,
            r##""section_header_text_color":"#2196f3","subtitle_text_color":"#707070","##,
            r##""destructive_text_color":"#ff0000"}"##
        ))
    );
}

fn chat_folder_icons(run: &mut Run) {
    let folder = |name: &str| types::ChatFolder {
        name: types::ChatFolderName {
            text: text(name),
            animate_custom_emoji: false,
        },
        icon: None,
        color_id: -1,
        is_shareable: false,
        pinned_chat_ids: vec![],
        included_chat_ids: vec![],
        excluded_chat_ids: vec![],
        exclude_muted: false,
        exclude_read: false,
        exclude_archived: false,
        include_contacts: false,
        include_non_contacts: false,
        include_bots: false,
        include_groups: false,
        include_channels: false,
    };
    let icon = |folder: types::ChatFolder| functions::GetChatFolderDefaultIconName { folder };
    let named = |name: &str| {
        enums::ChatFolderIcon::ChatFolderIcon(types::ChatFolderIcon { name: name.into() })
    };
    assert_eq!(
        run.ok(&icon(types::ChatFolder {
            include_bots: true,
            ..folder("Bots")
        })),
        named("Bots")
    );
    assert_eq!(
        run.ok(&icon(types::ChatFolder {
            include_channels: true,
            ..folder("News")
        })),
        named("Channels")
    );
    assert_eq!(
        run.ok(&icon(types::ChatFolder {
            include_groups: true,
            ..folder("Groups")
        })),
        named("Groups")
    );
    assert_eq!(
        run.ok(&icon(types::ChatFolder {
            include_contacts: true,
            include_non_contacts: true,
            ..folder("People")
        })),
        named("Private")
    );
    assert_eq!(
        run.ok(&icon(types::ChatFolder {
            included_chat_ids: vec![1, -1001234567890],
            ..folder("Chosen")
        })),
        named("Custom")
    );
}

fn push_receiver_ids(run: &mut Run) {
    let get = |payload: &str| functions::GetPushReceiverId {
        payload: payload.into(),
    };
    let id = |answer: enums::PushReceiverId| {
        let enums::PushReceiverId::PushReceiverId(found) = answer;
        found.id
    };
    // int64, written by TDLib as a JSON string.
    assert_eq!(
        id(run.ok(&get(r#"{"p":"AQIDBAUGBwgJCgsM"}"#))),
        578437695752307201
    );
    assert_eq!(id(run.ok(&get(r#"{"p":"_____________w"}"#))), -1);
    assert_eq!(id(run.ok(&get("{}"))), 0);
    assert_eq!(
        run.error(&get("not json")),
        error(400, "Failed to parse payload as JSON object")
    );
}

fn options(run: &mut Run) {
    let get = |name: &str| functions::GetOption { name: name.into() };
    let string = |value: &str| {
        enums::OptionValue::String(types::OptionValueString {
            value: value.into(),
        })
    };
    assert_eq!(run.ok(&get("version")), string("1.8.66"));
    assert_eq!(
        run.ok(&get("commit_hash")),
        string("a9966eb3704a3351568c28013fed67d797c17828")
    );
    assert_eq!(
        run.error(&get("utc_time")),
        error(400, "The option can't be get synchronously")
    );
}

fn strings_by_prefix(run: &mut Run) {
    let strings = vec![
        "alpha".to_owned(),
        "beta".into(),
        "alphabet".into(),
        "Alps \u{e9}t\u{e9}".into(),
    ];
    let search = |query: &str, limit: i32, none_for_empty: bool| functions::SearchStringsByPrefix {
        strings: strings.clone(),
        query: query.into(),
        limit,
        return_none_for_empty_query: none_for_empty,
    };
    let found = |total_count: i32, positions: Vec<i32>| {
        enums::FoundPositions::FoundPositions(Box::new(types::FoundPositions {
            total_count,
            positions,
        }))
    };
    assert_eq!(run.ok(&search("al", 10, true)), found(3, vec![0, 2, 3]));
    assert_eq!(run.ok(&search("al", 1, true)), found(3, vec![0]));
    assert_eq!(run.ok(&search("ETE", 10, true)), found(1, vec![3]));
    assert_eq!(run.ok(&search("", 10, true)), found(0, vec![]));
    assert_eq!(run.ok(&search("", 10, false)), found(4, vec![0, 1, 2, 3]));
    assert_eq!(run.ok(&search("zeta", 10, false)), found(0, vec![]));
}

fn phone_numbers(run: &mut Run) {
    let get = |language: &str, prefix: &str| functions::GetPhoneNumberInfoSync {
        language_code: language.into(),
        phone_number_prefix: prefix.into(),
    };
    let country = |code: &str, name: &str, flag: &str, calling: &str| types::CountryInfo {
        country_code: code.into(),
        name: name.into(),
        english_name: name.into(),
        flag_emoji: flag.into(),
        is_hidden: false,
        calling_codes: vec![calling.into()],
    };
    let info = |country: Option<types::CountryInfo>, calling: &str, formatted: &str| {
        enums::PhoneNumberInfo::PhoneNumberInfo(Box::new(types::PhoneNumberInfo {
            country,
            country_calling_code: calling.into(),
            formatted_phone_number: formatted.into(),
            is_anonymous: false,
        }))
    };
    let germany = country("DE", "Germany", "\u{1F1E9}\u{1F1EA}", "49");
    assert_eq!(
        run.ok(&get("en", "4915112345678")),
        info(Some(germany.clone()), "49", "15112345678")
    );
    assert_eq!(run.ok(&get("en", "+49")), info(Some(germany), "49", ""));
    assert_eq!(
        run.ok(&get("en", "447911123456")),
        info(
            Some(country("GB", "United Kingdom", "\u{1F1EC}\u{1F1E7}", "44")),
            "44",
            "7911 123456"
        )
    );
    // No country has the prefix 999: `country` is null, so TDLib leaves it out.
    assert_eq!(run.ok(&get("en", "999")), info(None, "", "999"));
    assert_eq!(run.ok(&get("en", "")), info(None, "", ""));
}

fn logging(run: &mut Run, temp: &TempDir) {
    let stream = |log_stream: enums::LogStream| functions::SetLogStream { log_stream };
    let level = |verbosity_level: i32| {
        enums::LogVerbosityLevel::LogVerbosityLevel(types::LogVerbosityLevel { verbosity_level })
    };

    // Verbosity: `common::td` set it to 1.
    assert_eq!(run.ok(&functions::GetLogVerbosityLevel {}), level(1));
    assert_eq!(
        run.ok(&functions::SetLogVerbosityLevel {
            new_verbosity_level: 2
        }),
        enums::Ok::Ok
    );
    assert_eq!(run.ok(&functions::GetLogVerbosityLevel {}), level(2));
    assert_eq!(
        run.ok(&functions::SetLogVerbosityLevel {
            new_verbosity_level: 1
        }),
        enums::Ok::Ok
    );
    assert_eq!(run.ok(&functions::GetLogVerbosityLevel {}), level(1));
    assert_eq!(
        run.error(&functions::SetLogVerbosityLevel {
            new_verbosity_level: -1
        }),
        error(400, "Wrong new verbosity level specified")
    );

    // Tags.
    let enums::LogTags::LogTags(tags) = run.ok(&functions::GetLogTags {});
    assert_eq!(
        tags.tags,
        [
            "actor",
            "binlog",
            "config_recoverer",
            "connections",
            "dc",
            "dns_resolver",
            "fd",
            "file_gc",
            "file_loader",
            "file_references",
            "get_difference",
            "mtproto",
            "net_query",
            "notifications",
            "proxy",
            "raw_mtproto",
            "sqlite",
            "td_init",
            "td_requests",
            "update_file",
        ]
    );
    let tag_level = |tag: &str| functions::GetLogTagVerbosityLevel { tag: tag.into() };
    assert_eq!(run.ok(&tag_level("actor")), level(14));
    assert_eq!(
        run.ok(&functions::SetLogTagVerbosityLevel {
            tag: "actor".into(),
            new_verbosity_level: 3
        }),
        enums::Ok::Ok
    );
    assert_eq!(run.ok(&tag_level("actor")), level(3));
    assert_eq!(
        run.ok(&functions::SetLogTagVerbosityLevel {
            tag: "actor".into(),
            new_verbosity_level: 14
        }),
        enums::Ok::Ok
    );
    assert_eq!(run.ok(&tag_level("actor")), level(14));
    assert_eq!(
        run.error(&tag_level("nosuchtag")),
        error(400, "Log tag is not found")
    );
    assert_eq!(
        run.error(&functions::SetLogTagVerbosityLevel {
            tag: "nosuchtag".into(),
            new_verbosity_level: 1
        }),
        error(400, "Log tag is not found")
    );

    // Streams: the default (stderr), none, a file; addLogMessage writes to
    // whichever is set.
    assert_eq!(
        run.ok(&functions::GetLogStream {}),
        enums::LogStream::Default
    );
    assert_eq!(run.ok(&stream(enums::LogStream::Empty)), enums::Ok::Ok);
    assert_eq!(run.ok(&functions::GetLogStream {}), enums::LogStream::Empty);
    let log_file = types::LogStreamFile {
        path: temp.file("td.log"),
        max_file_size: 10 << 20,
        redirect_stderr: false,
    };
    assert_eq!(
        run.ok(&stream(enums::LogStream::File(Box::new(log_file.clone())))),
        enums::Ok::Ok
    );
    // max_file_size is an int64: a JSON string both ways.
    assert_eq!(
        run.ok(&functions::GetLogStream {}),
        enums::LogStream::File(Box::new(log_file.clone()))
    );
    let message = "hello from tdlib-json: caf\u{e9} \u{1F600} \"quoted\"";
    assert_eq!(
        run.ok(&functions::AddLogMessage {
            verbosity_level: 1,
            text: message.into()
        }),
        enums::Ok::Ok
    );
    // Above the current verbosity: accepted, not written.
    assert_eq!(
        run.ok(&functions::AddLogMessage {
            verbosity_level: 5,
            text: "not written".into()
        }),
        enums::Ok::Ok
    );
    assert_eq!(
        run.error(&stream(enums::LogStream::File(Box::new(
            types::LogStreamFile {
                max_file_size: 0,
                ..log_file.clone()
            }
        )))),
        error(400, "Max log file size must be positive")
    );
    assert_eq!(run.ok(&stream(enums::LogStream::Default)), enums::Ok::Ok);
    assert_eq!(
        run.ok(&functions::GetLogStream {}),
        enums::LogStream::Default
    );
    let log = std::fs::read_to_string(&log_file.path)
        .unwrap_or_else(|error| panic!("{}: {error}", log_file.path));
    assert!(log.contains(message), "{log:?}");
    assert!(!log.contains("not written"), "{log:?}");
}

fn errors(run: &mut Run) {
    let echo = |code: i32, message: &str| functions::TestReturnError {
        error: types::Error {
            code,
            message: message.into(),
        },
    };
    // testReturnError returns an `Error`, which TDLib sends as an error: the
    // answer is always Outcome::Err.
    assert_eq!(run.error(&echo(42, "boom")), error(42, "boom"));
    assert_eq!(run.error(&echo(0, "")), error(0, ""));
    assert_eq!(
        run.error(&echo(-2147483648, "caf\u{e9} \u{1F600} \"q\" \\ \n")),
        error(-2147483648, "caf\u{e9} \u{1F600} \"q\" \\ \n")
    );
}

/// A double that TDLib holds as DBL_MAX (here `1e400`, which overflows, and
/// DBL_MAX itself) comes back written in full, 309 digits and 6 decimals:
/// it reads as f64::MAX (serde_json's `float_roundtrip`, which tl-runtime's
/// `json` feature turns on; without it this is "number out of range").
#[test]
fn tdlib_dbl_max_reads() {
    let mut run = Run::new();
    assert_eq!(
        run.ok(&functions::GetJsonValue {
            json: "[1e400, 1.7976931348623157e308]".into()
        }),
        json_array(vec![json_number(f64::MAX), json_number(f64::MAX)])
    );
    assert!(run.differences.is_empty(), "{:#?}", run.differences);
}

/// TDLib's `%f` writes 20 and more significant digits for every double from
/// about 1e13 up: `34980118210031.664062` for the double 34980118210031.664.
/// It must read as that double, not the next one down (34980118210031.66,
/// which a parser that is not correctly rounded gives), and write back.
#[test]
fn long_doubles_read_exactly() {
    let mut run = Run::new();
    assert_eq!(
        run.ok(&functions::GetJsonValue {
            json: "34980118210031.664".into()
        }),
        json_number(34980118210031.664)
    );
    assert!(run.differences.is_empty(), "{:#?}", run.differences);
}
