//! Documentation inputs: the typed RPC errors of the `documented` fixture at
//! work, the warnings for stale entries, and the layer-230
//! documentation checked against the files it comes from (read here
//! independently).

use tests::fixtures::documented::errors::{RpcError, RpcErrorKind, RpcMessage};
use tests::fixtures::documented::functions::channels::InviteToChannel;
use tl_codegen::Config;
use tl_codegen::docs::Documentation;
use tl_codegen::model::Usability;

#[test]
fn rpc_errors_parse_by_name_and_number() {
    let parse = |code, message| RpcError::parse(code, message).message;
    assert_eq!(parse(400, "CHANNEL_INVALID"), RpcMessage::ChannelInvalid);
    assert_eq!(
        parse(420, "FLOOD_WAIT_31"),
        RpcMessage::FloodWait { seconds: 31 }
    );
    // The more specific pattern wins; a number in the middle of the name works.
    assert_eq!(
        parse(420, "FLOOD_PREMIUM_WAIT_5"),
        RpcMessage::FloodPremiumWait { seconds: 5 }
    );
    assert_eq!(
        parse(400, "FILE_PART_7_MISSING"),
        RpcMessage::FilePartMissing { which: 7 }
    );
    assert_eq!(
        parse(420, "2FA_CONFIRM_WAIT_604800"),
        RpcMessage::Error2faConfirmWait { seconds: 604800 }
    );
    // A name with and without a number: each its own variant, the numbered
    // one named after its field (from the `%d` of the description).
    assert_eq!(
        parse(400, "FILE_REFERENCE_EXPIRED"),
        RpcMessage::FileReferenceExpired
    );
    assert_eq!(
        parse(400, "FILE_REFERENCE_2_EXPIRED"),
        RpcMessage::FileReferenceExpiredWithIndex { index: 2 }
    );
    // Two names that differ in letter case only: the one Telegram does not
    // spell in upper case is named with its code.
    assert_eq!(parse(500, "TIMEOUT"), RpcMessage::Timeout);
    assert_eq!(parse(-503, "Timeout"), RpcMessage::TimeoutCodeMinus503);
    // Not a number, another letter case, or an unknown name: kept as it came.
    for (code, message) in [
        (420, "FLOOD_WAIT_"),
        (420, "FLOOD_WAIT_X"),
        (420, "FLOOD_WAIT_-1"),
        (420, "flood_wait_30"),
        (500, "SOMETHING_NEW"),
    ] {
        assert_eq!(
            RpcError::parse(code, message),
            RpcError {
                code,
                message: RpcMessage::Other(message.to_owned())
            }
        );
    }
}

#[test]
fn rpc_error_accessors_and_display() {
    let flood = RpcError::parse(420, "FLOOD_WAIT_31");
    assert_eq!(flood.code, 420);
    assert_eq!(flood.name(), "FLOOD_WAIT_X");
    assert_eq!(
        flood.description(),
        "A wait of {seconds} seconds is required"
    );
    assert_eq!(flood.kind(), Some(RpcErrorKind::FloodWait));
    assert_eq!(
        flood.to_string(),
        "FLOOD_WAIT_31 (420): A wait of 31 seconds is required"
    );
    // The code as received, even where the table gives another one first.
    let private = RpcError::parse(406, "CHANNEL_PRIVATE");
    assert_eq!(private.code, 406);
    assert_eq!(RpcErrorKind::ChannelPrivate.codes(), [400, 406]);
    assert_eq!(
        private.to_string(),
        "CHANNEL_PRIVATE (406): You haven't joined this channel/supergroup"
    );
    // A `%d` in the description is filled in too.
    assert_eq!(
        RpcError::parse(400, "FILE_REFERENCE_3_EXPIRED").to_string(),
        "FILE_REFERENCE_3_EXPIRED (400): The file reference of the media file at index 3 in the passed media array expired"
    );
    let other = RpcError::parse(500, "SOMETHING_NEW");
    assert_eq!(
        (other.code, other.name(), other.kind(), other.description()),
        (500, "SOMETHING_NEW", None, "")
    );
    assert_eq!(other.to_string(), "SOMETHING_NEW (500)");
    let as_error: &dyn std::error::Error = &flood;
    assert!(as_error.source().is_none());
}

#[test]
fn functions_list_their_errors() {
    // The documentation file lists three errors, the usability table adds USER_BOT.
    assert_eq!(
        InviteToChannel::ERRORS,
        [
            RpcErrorKind::ChannelInvalid,
            RpcErrorKind::ChannelPrivate,
            RpcErrorKind::FloodWait,
            RpcErrorKind::UserBot
        ]
    );
    let error = RpcError::parse(420, "FLOOD_WAIT_3");
    assert!(
        error
            .kind()
            .is_some_and(|kind| InviteToChannel::ERRORS.contains(&kind))
    );
}

#[test]
fn stale_entries_are_located_warnings() {
    let root = test_support::repo_root();
    let docs = root.join("schema/fixtures/docs");
    let mut config = Config::new();
    config
        .docs_file(docs.join("api-docs.json"))
        .usability_table(docs.join("methods.csv"))
        .error_table(docs.join("errors.csv"));
    let built = config
        .build(&[root.join("schema/fixtures/documented.tl")])
        .unwrap();
    let applied = built.documentation;
    let dir = docs.display();
    assert_eq!(
        applied.warnings,
        [
            format!(
                "{dir}/api-docs.json:17:6: warning[TL0026]: documentation for constructor `channelForbidden`, which the schema does not have"
            ),
            format!(
                "{dir}/api-docs.json:43:6: warning[TL0026]: documentation for method `channels.deleteHistory`, which the schema does not have"
            ),
            format!(
                "{dir}/methods.csv:4:1: warning[TL0026]: documentation for method `channels.deleteMessages`, which the schema does not have"
            ),
        ]
    );
    assert_eq!(applied.stale, 3);
    // inputUser, updates (spelled `Updates` in the file); Updates; two methods.
    assert_eq!(
        (
            applied.constructors_described,
            applied.types_described,
            applied.functions_described
        ),
        (2, 1, 2)
    );
}

#[test]
fn a_malformed_docs_file_is_an_error() {
    let dir = std::env::temp_dir().join(format!("tl-docs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("methods.csv");
    std::fs::write(&bad, "name,who\nx,y\n").unwrap();
    let err = Documentation::read(None, Some(&bad), None).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: expected the header `method,usability,errors`, found `name,who`",
            bad.display()
        )
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

use tl_codegen::model::Model;

/// Layer 230 with mtproto and the documentation of `testdata/docs`, and what
/// applying it did: built once for all the tests that read it.
fn documented_layer() -> &'static (Model, tl_codegen::model::Applied) {
    static LAYER: std::sync::OnceLock<(Model, tl_codegen::model::Applied)> =
        std::sync::OnceLock::new();
    LAYER.get_or_init(|| {
        let data = test_support::testdata();
        let schema = data.join("schema/telegram");
        let docs = data.join("docs");
        let built = Config::new()
            .docs_file(docs.join("api-docs-223.json"))
            .usability_table(docs.join("methods.csv"))
            .error_table(docs.join("errors.csv"))
            .build(&[schema.join("api-230.tl"), schema.join("mtproto.tl")])
            .unwrap();
        (built.model, built.documentation)
    })
}

fn function<'m>(model: &'m Model, name: &str) -> &'m tl_codegen::model::Function {
    model.functions.iter().find(|f| f.tl_name == name).unwrap()
}

/// Every error the documentation file gives for `channels.inviteToChannel`,
/// with its code and description (read from the JSON here).
#[test]
fn invite_to_channel_lists_every_documented_error() {
    let (model, _) = documented_layer();
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(test_support::testdata().join("docs/api-docs-223.json")).unwrap(),
    )
    .unwrap();
    let listed = json["methods"]["channels.inviteToChannel"]["errors"]
        .as_array()
        .unwrap();
    assert_eq!(listed.len(), 20);
    let f = function(model, "channels.inviteToChannel");
    for error in listed {
        let name = error["type"].as_str().unwrap();
        let found = f
            .errors
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(
            i64::from(found.code),
            error["code"].as_i64().unwrap(),
            "{name}"
        );
        assert_eq!(
            found.description.as_deref(),
            error["description"].as_str(),
            "{name}"
        );
        assert!(found.variant.is_some(), "{name} has no typed variant");
    }
    // The seed page says bots may call it; the usability table says users only.
    assert_eq!(f.usability, Some(Usability::User));
}

/// `messages.importChatInvite` documents its `hash` parameter.
#[test]
fn import_chat_invite_documents_hash() {
    let (model, _) = documented_layer();
    let f = function(model, "messages.importChatInvite");
    let hash = f.fields.iter().find(|p| p.tl_name == "hash").unwrap();
    assert_eq!(
        hash.doc.as_deref(),
        Some(
            "hash from a chat invite deep link[¹](https://core.telegram.org/api/links#chat-invite-links)"
        )
    );
    assert_eq!(
        f.doc.as_deref(),
        Some("Import a chat invite and join a private chat/supergroup/channel")
    );
}

/// For every method with a row in `methods.csv` (read here by hand), the
/// model's answer to "Can bots use this method?" is the table's.
#[test]
fn bot_usability_agrees_with_the_table() {
    let (model, _) = documented_layer();
    let rows = tests::usability_rows();
    // The table spells six MTProto methods in camel case.
    fn spelled(name: &str) -> &str {
        match name {
            "req_pq" => "reqPq",
            "req_pq_multi" => "reqPqMulti",
            "req_DH_params" => "reqDHParams",
            "set_client_DH_params" => "setClientDHParams",
            "rpc_drop_answer" => "rpcDropAnswer",
            "get_future_salts" => "getFutureSalts",
            other => other,
        }
    }
    let mut checked = 0;
    let mut respelled = 0;
    for f in &model.functions {
        let row = spelled(&f.tl_name);
        respelled += usize::from(row != f.tl_name && rows.contains_key(row));
        let expected = match rows.get(row).map(String::as_str) {
            Some("user") => "No",
            Some("bot" | "both") => "Yes",
            Some(_) | None => "Unknown",
        };
        assert_eq!(
            f.usability.map(Usability::bots),
            Some(expected),
            "{}",
            f.tl_name
        );
        checked += usize::from(rows.contains_key(row));
    }
    assert!(checked > 300, "{checked} methods with a row");
    assert_eq!(respelled, 6);
}

/// What the documentation of `testdata/docs` covers (the figures of the closing note).
#[test]
fn coverage_of_the_documentation() {
    let (model, applied) = documented_layer();
    println!(
        "constructors described: {} of {}; types: {} of {}; functions: {} of {}; stale entries: {}",
        applied.constructors_described,
        model.constructors.len(),
        applied.types_described,
        model.types.len(),
        applied.functions_described,
        model.functions.len(),
        applied.stale
    );
    assert!(applied.functions_described * 10 > model.functions.len() * 8);
    assert_eq!(applied.stale, applied.warnings.len());
    assert!(model.rpc_errors.len() > 500);
}

/// The layer's typed errors are named from what tells them apart: no
/// variant carries a counter, and the pairs of layer 230's tables come out
/// as named here (with the field each number gets).
#[test]
fn layer_error_variants_say_what_distinguishes_them() {
    let (model, _) = documented_layer();
    let variants: Vec<&str> = model
        .rpc_errors
        .iter()
        .map(|e| e.variant.as_str())
        .collect();
    // `Timeout2` beside `Timeout` (`AUTH_TOKEN_INVALID2` is a name of its own).
    let counted: Vec<&str> = model
        .rpc_errors
        .iter()
        .filter(|e| !e.name.ends_with(|c: char| c.is_ascii_digit()))
        .map(|e| e.variant.as_str())
        .filter(|v| {
            let stem = v.trim_end_matches(|c: char| c.is_ascii_digit());
            stem != *v && variants.contains(&stem)
        })
        .collect();
    assert_eq!(counted, Vec::<&str>::new());
    let variant = |name: &str| {
        let e = model.rpc_errors.iter().find(|e| e.name == name);
        let e = e.unwrap_or_else(|| panic!("{name} missing"));
        (
            e.variant.as_str(),
            e.number.as_ref().map(|n| n.field.as_str()),
        )
    };
    let expected = [
        ("TIMEOUT", ("Timeout", None)),
        ("Timeout", ("TimeoutCodeMinus503", None)),
        ("FILE_REFERENCE_EXPIRED", ("FileReferenceExpired", None)),
        (
            "FILE_REFERENCE_X_EXPIRED",
            ("FileReferenceExpiredWithIndex", Some("index")),
        ),
        (
            "FILE_REFERENCE_X_EMPTY",
            ("FileReferenceEmptyWithOffset", Some("offset")),
        ),
        (
            "FILE_REFERENCE_X_INVALID",
            ("FileReferenceInvalidWithIndex", Some("index")),
        ),
        ("ALLOW_PAYMENT_REQUIRED", ("AllowPaymentRequired", None)),
        (
            "ALLOW_PAYMENT_REQUIRED_X",
            ("AllowPaymentRequiredWithStars", Some("stars")),
        ),
        ("FLOOD_WAIT_X", ("FloodWait", Some("seconds"))),
        (
            "PREMIUM_SUB_ACTIVE_UNTIL_X",
            ("PremiumSubActiveUntil", Some("unixtime")),
        ),
    ];
    for (name, want) in expected {
        assert_eq!(variant(name), want, "{name}");
    }
}

fn constructor<'m>(model: &'m Model, name: &str) -> &'m tl_codegen::model::Constructor {
    model
        .constructors
        .iter()
        .find(|c| c.tl_name == name)
        .unwrap_or_else(|| panic!("{name} missing"))
}

/// The links of a description are one list for all its paragraphs: a
/// later paragraph's `¹` is not the first paragraph's.
#[test]
fn later_paragraphs_link_to_their_own_footnotes() {
    let (model, _) = documented_layer();
    assert_eq!(
        constructor(model, "birthday").doc.as_deref(),
        Some(
            "Birthday[¹](https://core.telegram.org/api/profile#birthday) information for a user.\n\n\
             Also used to invite users to gift Telegram Premium subscriptions »[¹](https://core.telegram.org/api/premium#gifting-telegram-premium) \
             to other users with birthdays within a +1/-1 day time range, related to the current day."
        )
    );
    assert_eq!(
        constructor(model, "forumTopicDeleted").doc.as_deref(),
        Some(
            "Represents a deleted forum topic[¹](https://core.telegram.org/api/forum#forum-topics).\n\n\
             This constructor is returned in place of a forumTopic[¹](https://core.telegram.org/constructor/forumTopic) \
             by messages.getForumTopicsByID[²](https://core.telegram.org/method/messages.getForumTopicsByID) \
             (and the other topic-fetching methods) when a topic no longer exists, allowing clients and bots \
             to confirm that a topic was deleted."
        )
    );
    let text_url = constructor(model, "messageEntityTextUrl")
        .doc
        .clone()
        .unwrap();
    assert!(
        text_url.ends_with(
            "the domain whitelist documentation »[¹](https://core.telegram.org/api/config#whitelisted-domains)."
        ),
        "{text_url}"
    );
    // Numbered on across paragraphs (`¹ ²`, `³`, `⁴`, `⁵ ⁶`): six links in turn.
    let connection = function(model, "account.getBotBusinessConnection")
        .doc
        .clone()
        .unwrap();
    for part in [
        "the updateBotBusinessConnect[¹](https://core.telegram.org/constructor/updateBotBusinessConnect) constructor",
        "see here »[²](https://core.telegram.org/api/bots/connected-business-bots) for",
        "some updateBotNewBusinessMessage[³](https://core.telegram.org/constructor/updateBotNewBusinessMessage), etc.",
        "the associated updateBotBusinessConnect[⁴](https://core.telegram.org/constructor/updateBotBusinessConnect) with",
        "new updateBotBusinessConnect[⁵](https://core.telegram.org/constructor/updateBotBusinessConnect) updates",
        "update delivery methods »[⁶](https://core.telegram.org/api/updates)",
    ] {
        assert!(connection.contains(part), "{part}\n{connection}");
    }
}

/// A footnote mark written against a URL is not part of the link.
#[test]
fn marks_stay_out_of_urls() {
    let (model, _) = documented_layer();
    let bot_info = constructor(model, "botInfo");
    let field = bot_info
        .fields
        .iter()
        .find(|f| f.tl_name == "privacy_policy_url")
        .unwrap();
    assert_eq!(
        field.doc.as_deref(),
        Some(
            "The HTTP link to the privacy policy of the bot. If not set, then the /privacy command must be used, \
             if supported by the bot (i.e. if it's present in the commands vector). If it isn't supported, \
             then <https://telegram.org/privacy-tpa> must be opened, instead."
        )
    );
}

/// The documentation file gives a method's errors without their links; the
/// marks of `TAKEOUT_REQUIRED` link to the takeout page all the same.
#[test]
fn error_footnotes_are_links() {
    let (model, _) = documented_layer();
    let f = function(model, "contacts.getSaved");
    let takeout = f
        .errors
        .iter()
        .find(|e| e.name == "TAKEOUT_REQUIRED")
        .unwrap();
    assert_eq!(
        takeout.description.as_deref(),
        Some(
            "A takeout[¹](https://core.telegram.org/api/takeout) session needs to be initialized first, \
             see here » for more info[²](https://core.telegram.org/api/takeout)."
        )
    );
}

/// Without an error table, the documentation file's own error descriptions
/// are the typed errors' plain-text descriptions: without footnote marks.
#[test]
fn plain_error_descriptions_lose_their_marks() {
    let data = test_support::testdata();
    let built = Config::new()
        .docs_file(data.join("docs/api-docs-223.json"))
        .build(&[data.join("schema/telegram/api-230.tl")])
        .unwrap();
    let takeout = built
        .model
        .rpc_errors
        .iter()
        .find(|e| e.name == "TAKEOUT_REQUIRED")
        .unwrap();
    assert_eq!(
        takeout.description,
        "A takeout session needs to be initialized first, see here » for more info."
    );
}

/// `errors.csv` writes three descriptions with Markdown links to pages of
/// the official site; the plain-text description (`RpcErrorKind::description`,
/// rustdoc, the book) gives the label and the full address.
#[test]
fn error_table_links_become_plain_text() {
    let data = test_support::testdata();
    let built = Config::new()
        .docs_file(data.join("docs/api-docs-223.json"))
        .error_table(data.join("docs/errors.csv"))
        .build(&[data.join("schema/telegram/api-230.tl")])
        .unwrap();
    let description = |name: &str| {
        built
            .model
            .rpc_errors
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name}"))
            .description
            .clone()
    };
    assert_eq!(
        description("CHAT_GUEST_SEND_FORBIDDEN"),
        "You join the discussion group before commenting, see here \
         (https://core.telegram.org/api/discussion#requiring-users-to-join-the-group) for more info"
    );
    assert_eq!(
        description("REACTIONS_TOO_MANY"),
        "The message already has exactly `reactions_uniq_max` reaction emojis, you can't react \
         with a new emoji, see the docs for more info \
         (https://core.telegram.org/api/config#client-configuration)"
    );
    assert_eq!(
        description("BUTTON_USER_PRIVACY_RESTRICTED"),
        "The privacy setting of the user specified in a inputKeyboardButtonUserProfile \
         (https://core.telegram.org/constructor/inputKeyboardButtonUserProfile) button do not \
         allow creating such a button"
    );
}
