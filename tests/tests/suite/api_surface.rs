//! The shape of the generated layer-230 API that users program against:
//! constants, id lookup, return types, generic wrappers, conversions, and
//! decoding any request.

use tests::api::{AnyFunction, LAYER, enums, functions, name_for_id, types};
use tl_codegen::model::Model;
use tl_codegen::model::conversions::conversions_into;
use tl_codegen::model::shared_fields::{SharedFields, shared_fields};
use tl_runtime::{Deserializable, Identifiable, RemoteCall, Serializable};

/// Compiles only if `F::Return` is `R`.
fn returns<F: RemoteCall<Return = R>, R>() {}

#[test]
fn constants_and_id_lookup() {
    assert_eq!(LAYER, 230);
    assert_eq!(name_for_id(0xde91436e), Some("messages.importChatInvite"));
    assert_eq!(name_for_id(0x74ae4240), Some("updates"));
    assert_eq!(name_for_id(0x1cb5c415), None, "vector is the runtime's");
    assert_eq!(name_for_id(0xdeadbeef), None);
    assert_eq!(
        functions::messages::ImportChatInvite::CONSTRUCTOR_ID,
        0xde91436e
    );
    assert_eq!(types::InputPeerChat::CONSTRUCTOR_ID, 0x35a95cb9);
}

#[test]
fn return_types() {
    returns::<functions::messages::ImportChatInvite, enums::messages::ChatInviteJoinResult>();
    returns::<functions::InvokeWithLayer<functions::help::GetConfig>, enums::Config>();
    returns::<
        functions::InvokeWithLayer<functions::InitConnection<functions::help::GetConfig>>,
        enums::Config,
    >();
    returns::<functions::Ping, enums::Pong>();
}

#[test]
fn constructors_convert_into_their_enum() {
    let peer: enums::InputPeer = types::InputPeerChat { chat_id: 42 }.into();
    assert_eq!(
        peer,
        enums::InputPeer::Chat(types::InputPeerChat { chat_id: 42 })
    );
    assert_eq!(peer.constructor_id(), 0x35a95cb9);
    // inputPeerChat#35a95cb9 chat_id:long
    assert_eq!(
        peer.to_bytes(),
        [0xb9, 0x5c, 0xa9, 0x35, 42, 0, 0, 0, 0, 0, 0, 0]
    );
    let empty: enums::InputPeer = types::InputPeerEmpty {}.into();
    assert_eq!(empty, enums::InputPeer::Empty);
    assert_eq!(empty.to_bytes(), 0x7f3b18ea_u32.to_le_bytes());
    // `Self` is no variant name: that constructor keeps its full name.
    let me: enums::InputPeer = types::InputPeerSelf {}.into();
    assert_eq!(me, enums::InputPeer::InputPeerSelf);
}

#[test]
fn any_function_decodes_nested_generic_requests() {
    let call = functions::InvokeWithLayer {
        layer: LAYER,
        query: functions::InitConnection {
            api_id: 1,
            device_model: "d".into(),
            system_version: "s".into(),
            app_version: "a".into(),
            system_lang_code: "en".into(),
            lang_pack: String::new(),
            lang_code: "en".into(),
            proxy: None,
            params: None,
            query: functions::help::GetConfig {},
        },
    };
    let bytes = call.to_bytes();
    assert_eq!(&bytes[..8], [0x0d, 0x0d, 0x9b, 0xda, 230, 0, 0, 0]);
    let any = AnyFunction::from_bytes(&bytes).unwrap();
    assert_eq!(any.tl_name(), "invokeWithLayer");
    let AnyFunction::InvokeWithLayer(outer) = &any else {
        panic!("{any:?}")
    };
    let AnyFunction::InitConnection(inner) = &outer.query else {
        panic!("{outer:?}")
    };
    assert_eq!(inner.query.tl_name(), "help.getConfig");
    assert_eq!(any.to_bytes(), bytes);
}

/// The model of these files of `testdata/schema`, as the generator builds it.
fn model_of(files: &[&str]) -> Model {
    let schema = test_support::testdata().join("schema");
    let paths: Vec<_> = files.iter().map(|f| schema.join(f)).collect();
    tl_codegen::Config::new().model(&paths).unwrap()
}

/// The model of layer 230 with `mtproto.tl`.
fn layer_230_model() -> Model {
    model_of(&["telegram/api-230.tl", "telegram/mtproto.tl"])
}

/// The shared fields (accessors) of the boxed type `type_name`.
fn shared_of(model: &Model, type_name: &str) -> SharedFields {
    let t = model
        .types
        .iter()
        .find(|t| t.tl_name == type_name)
        .unwrap_or_else(|| panic!("{type_name}"));
    shared_fields(t, model)
}

/// How many accessors the rule gives the whole model, and how many field
/// names it leaves out because their types disagree.
fn accessor_totals(model: &Model) -> (usize, usize) {
    let (mut accessors, mut conflicts) = (0, 0);
    for t in &model.types {
        let shared = shared_fields(t, model);
        accessors += shared.fields.len();
        conflicts += shared.conflicts;
    }
    (accessors, conflicts)
}

/// Every input conversion of the model: the source constructor, the input
/// constructor, and the source fields that may be missing (TL names).
fn conversion_pairs(model: &Model) -> Vec<(&str, &str, Vec<String>)> {
    let mut found = Vec::new();
    for t in &model.types {
        for c in conversions_into(t, model) {
            let optional = c
                .fields
                .iter()
                .filter(|f| f.optional)
                .map(|f| f.source_tl.clone())
                .collect();
            found.push((
                model.constructors[c.source].tl_name.as_str(),
                model.constructors[c.target].tl_name.as_str(),
                optional,
            ));
        }
    }
    found
}

/// The accessor rule (`Config::accessors`) on layer 230: which fields it
/// finds in the enums people read most, and how many in all.
#[test]
fn layer_230_shared_fields() {
    use tl_codegen::model::shared_fields::Held;
    let model = layer_230_model();
    let of = |type_name: &str| shared_of(&model, type_name);
    let message = of("Message");
    let names: Vec<&str> = message
        .fields
        .iter()
        .map(|f| f.rust_name.as_str())
        .collect();
    // messageEmpty id:int flags:# peer_id:flags.0?Peer; message and
    // messageService share the rest of these (`out`, `mentioned`, ... are
    // `true` flags of both; `date`, `from_id`, `reply_to`, `ttl_period`).
    assert_eq!(
        names,
        [
            "date",
            "from_id",
            "id",
            "legacy",
            "media_unread",
            "mentioned",
            "out",
            "peer_id",
            "post",
            "reactions",
            "reply_to",
            "saved_peer_id",
            "silent",
            "ttl_period"
        ]
    );
    let id = &message.fields[2];
    assert!(id.always() && id.by_value(false));
    let peer = &message.fields[7];
    assert!(!peer.always() && !peer.by_value(false));
    assert_eq!(peer.held.len(), 3);
    assert!(peer.held.contains(&Held::Optional));
    let pts = of("Update")
        .fields
        .into_iter()
        .find(|f| f.tl_name == "pts")
        .unwrap();
    assert!(!pts.always() && pts.by_value(false));
    let user_id = of("User")
        .fields
        .into_iter()
        .find(|f| f.tl_name == "id")
        .unwrap();
    assert!(user_id.always());
    let (accessors, conflicts) = accessor_totals(&model);
    println!("{accessors} accessors, {conflicts} names with different types");
    assert_eq!((accessors, conflicts), (517, 47), "accessors, conflicts");
}

/// The input conversions (`Config::conversions`) the rule finds in layer
/// 230, each checked against the TL text (see the issue note): the source
/// constructor, the input constructor, and the source fields that may be
/// missing.
#[test]
fn layer_230_conversions() {
    let model = layer_230_model();
    let found: Vec<String> = conversion_pairs(&model)
        .into_iter()
        .map(|(source, target, optional)| format!("{source} -> {target} {optional:?}"))
        .collect();
    let expected = [
        "aiComposeToneDefault -> inputAiComposeToneDefault []",
        "channel -> inputChannel [\"access_hash\"]",
        "chatTheme -> inputChatTheme []",
        "username -> inputCollectibleUsername []",
        "dialogPeerFolder -> inputDialogPeerFolder []",
        "document -> inputDocument []",
        "encryptedChat -> inputEncryptedChat []",
        "encryptedFile -> inputEncryptedFile []",
        "groupCall -> inputGroupCall []",
        "channel -> inputPeerChannel [\"access_hash\"]",
        "chat -> inputPeerChat []",
        "peerChat -> inputPeerChat []",
        "user -> inputPeerUser [\"access_hash\"]",
        "phoneCall -> inputPhoneCall []",
        "photo -> inputPhoto []",
        "privacyValueAllowChatParticipants -> inputPrivacyValueAllowChatParticipants []",
        "privacyValueDisallowChatParticipants -> inputPrivacyValueDisallowChatParticipants []",
        "ephemeralMessage -> inputReplyToEphemeralMessage []",
        "secureFile -> inputSecureFile []",
        "theme -> inputTheme []",
        "user -> inputUser [\"access_hash\"]",
        "wallPaper -> inputWallPaper []",
        "wallPaperNoFile -> inputWallPaperNoFile []",
        "webDocument -> inputWebDocument []",
    ];
    assert_eq!(found, expected);
}

/// The everyday rules on the other dialects: TDLib's `td_api.tl` (nullable
/// fields are the optional ones) and TON's `ton_api.tl`. The counts are
/// pinned, and a few answers checked against the TL text.
#[test]
fn td_api_and_ton_api_everyday_rules() {
    let td = model_of(&["tdlib/td_api.tl"]);
    let shared = |model: &Model, type_name: &str| {
        shared_of(model, type_name)
            .fields
            .into_iter()
            .map(|f| (f.tl_name.clone(), f.always()))
            .collect::<Vec<_>>()
    };
    // chatTypePrivate user_id:int53; chatTypeSecret secret_chat_id:int32
    // user_id:int53; the basic group and supergroup have no user_id.
    assert_eq!(shared(&td, "ChatType"), [("user_id".to_owned(), false)]);
    // chatBoostSourceGiftCode user_id:int53 gift_code:string,
    // chatBoostSourceGiveaway user_id:int53 gift_code:string ...,
    // chatBoostSourcePremium user_id:int53 ...
    assert_eq!(
        shared(&td, "ChatBoostSource"),
        [
            ("gift_code".to_owned(), false),
            ("user_id".to_owned(), true)
        ]
    );
    let pairs = |model: &Model| -> Vec<String> {
        conversion_pairs(model)
            .into_iter()
            .map(|(source, target, _)| format!("{source} -> {target}"))
            .collect()
    };
    let (accessors, conflicts) = accessor_totals(&td);
    let conversions = pairs(&td);
    assert_eq!((accessors, conflicts), (288, 46), "td_api");
    // Each pair is `x` and `inputX` of `T` and `InputT` with the input's
    // fields a subset of the source's (messageContact contact:contact and
    // inputMessageContact contact:contact; textQuote text position
    // is_manual and inputTextQuote text position; ...).
    assert_eq!(
        conversions,
        [
            "businessChatLink -> inputBusinessChatLink",
            "chatThemeEmoji -> inputChatThemeEmoji",
            "checklistTask -> inputChecklistTask",
            "messageContact -> inputMessageContact",
            "messageLiveLocation -> inputMessageLiveLocation",
            "messageLocation -> inputMessageLocation",
            "messageStory -> inputMessageStory",
            "messageVenue -> inputMessageVenue",
            "messageReplyToStory -> inputMessageReplyToStory",
            "pageBlockAnchor -> inputPageBlockAnchor",
            "pageBlockFooter -> inputPageBlockFooter",
            "pageBlockMathematicalExpression -> inputPageBlockMathematicalExpression",
            "pageBlockParagraph -> inputPageBlockParagraph",
            "pageBlockPreformatted -> inputPageBlockPreformatted",
            "pageBlockSectionHeading -> inputPageBlockSectionHeading",
            "pageBlockThinking -> inputPageBlockThinking",
            "passportElementAddress -> inputPassportElementAddress",
            "passportElementEmailAddress -> inputPassportElementEmailAddress",
            "passportElementPersonalDetails -> inputPassportElementPersonalDetails",
            "passportElementPhoneNumber -> inputPassportElementPhoneNumber",
            "pollMediaLink -> inputPollMediaLink",
            "pollMediaLocation -> inputPollMediaLocation",
            "pollMediaVenue -> inputPollMediaVenue",
            "storyAreaTypeLink -> inputStoryAreaTypeLink",
            "storyAreaTypeMessage -> inputStoryAreaTypeMessage",
            "storyAreaTypeSuggestedReaction -> inputStoryAreaTypeSuggestedReaction",
            "storyAreaTypeUpgradedGift -> inputStoryAreaTypeUpgradedGift",
            "storyAreaTypeWeather -> inputStoryAreaTypeWeather",
            "textQuote -> inputTextQuote",
        ]
    );
    let ton = model_of(&["ton/ton_api.tl"]);
    // pub.ed25519 key:int256, pub.aes key:int256, pub.overlay name:bytes,
    // pub.unenc data:bytes: `key` is in two of four.
    assert_eq!(shared(&ton, "PublicKey"), [("key".to_owned(), false)]);
    assert_eq!(accessor_totals(&ton), (108, 11), "ton_api");
    let conversions = pairs(&ton);
    assert!(conversions.is_empty(), "{conversions:?}");
}
