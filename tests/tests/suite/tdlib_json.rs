//! TDLib's JSON shape on the `tdlib_json` fixture (`--dialect tdlib
//! --serde`): exact JSON text written and read, for every wire kind, null
//! fields, tags, and the errors of bad input. The same rules against the real
//! libtdjson are in the `tdlib-json` crate's tests.

use tests::fixtures::tdlib_json::{AnyFunction, AnyObject, enums, functions, types};
use tl_runtime::RemoteCall;
use tl_runtime::json::{self, Outcome, Received};

fn text(s: &str) -> types::FormattedText {
    types::FormattedText {
        text: s.to_owned(),
        entities: Vec::new(),
    }
}

fn message() -> types::Message {
    types::Message {
        id: 1 << 53,
        sender_id: types::MessageSenderUser { user_id: 42 }.into(),
        is_outgoing: true,
        date: 1_700_000_000,
        media_album_id: -9_223_372_036_854_775_808,
        author_signature: String::new(),
        text: text("hi"),
        receiver_id: None,
        reply_to: Some(types::MessageReplyToMessage {
            chat_id: -100,
            message_id: 7,
        }),
    }
}

#[test]
fn every_wire_kind_is_written_as_tdlib_writes_it() {
    assert_eq!(
        json::to_string(&message()).unwrap(),
        r#"{"@type":"message","id":9007199254740992,"sender_id":{"@type":"messageSenderUser","user_id":42},"is_outgoing":true,"date":1700000000,"media_album_id":"-9223372036854775808","author_signature":"","text":{"@type":"formattedText","text":"hi","entities":[]},"reply_to":{"@type":"messageReplyToMessage","chat_id":-100,"message_id":7}}"#
    );
    let file = types::TestFile {
        data: b"hello".to_vec(),
        parts: vec![b"hell".to_vec(), Vec::new()],
        hashes: vec![1, -2],
        ratio: 0.5,
        thumbnail: vec![0xff],
        owner: None,
    };
    assert_eq!(
        json::to_string(&file).unwrap(),
        r#"{"@type":"testFile","data":"aGVsbG8=","parts":["aGVsbA==",""],"hashes":["1","-2"],"ratio":0.5,"thumbnail":"/w=="}"#
    );
    assert_eq!(
        json::from_str::<types::TestFile>(&json::to_string(&file).unwrap()).unwrap(),
        file
    );
}

#[test]
fn what_tdlib_writes_is_read() {
    // As TDLib writes it: `@type` first, int64 as strings, doubles with six
    // decimals, no null fields, non-ASCII escaped.
    let tdlib = r#"{"@type":"message","id":9007199254740992,"sender_id":{"@type":"messageSenderChat","chat_id":-1001},"is_outgoing":false,"date":1,"media_album_id":"0","author_signature":"\u00e9","text":{"@type":"formattedText","text":"\ud83d\ude00","entities":[{"@type":"textEntity","offset":0,"length":2,"type":{"@type":"textEntityTypeCustomEmoji","custom_emoji_id":"5368324170671202286"}}]}}"#;
    let read: enums::Message = json::from_str(tdlib).unwrap();
    let enums::Message::Message(m) = read;
    assert_eq!(
        m.sender_id,
        types::MessageSenderChat { chat_id: -1001 }.into()
    );
    assert_eq!(m.author_signature, "é");
    assert_eq!(m.text.text, "😀");
    assert_eq!(
        m.text.entities[0].r#type,
        types::TextEntityTypeCustomEmoji {
            custom_emoji_id: 5_368_324_170_671_202_286
        }
        .into()
    );
    assert_eq!((m.receiver_id, m.reply_to), (None, None));
    let file: types::TestFile = json::from_str(
        r#"{"@type":"testFile","data":"","parts":[],"hashes":[5,"6"],"ratio":1.000000,"thumbnail":"AAEC/f7/"}"#,
    )
    .unwrap();
    assert_eq!(file.hashes, [5, 6], "int64 from a number or a string");
    assert_eq!(file.ratio, 1.0);
    assert_eq!(file.thumbnail, [0, 1, 2, 0xfd, 0xfe, 0xff]);
}

#[test]
fn null_fields_are_options_left_out_when_none() {
    let mut m = message();
    m.reply_to = None;
    let written = json::to_string(&m).unwrap();
    assert!(
        !written.contains("reply_to") && !written.contains("receiver_id"),
        "{written}"
    );
    // `null` and a missing key both read as `None`.
    let with_null = written.replacen(
        r#","date""#,
        r#","reply_to":null,"receiver_id":null,"date""#,
        1,
    );
    assert_eq!(json::from_str::<types::Message>(&with_null).unwrap(), m);
    assert_eq!(json::from_str::<types::Message>(&written).unwrap(), m);
    // A vector whose elements may be null ("messages may be null").
    let messages: types::Messages = json::from_str(&format!(
        r#"{{"@type":"messages","total_count":2,"messages":[null,{written}]}}"#
    ))
    .unwrap();
    assert_eq!(messages.messages, [None, Some(m)]);
    assert_eq!(
        json::to_string(&types::Messages {
            total_count: 1,
            messages: vec![None]
        })
        .unwrap(),
        r#"{"@type":"messages","total_count":1,"messages":[null]}"#
    );
}

#[test]
fn missing_fields_read_as_tdlib_reads_them() {
    // Numbers, Bool, strings and vectors: 0, false, empty (TDLib's reader
    // does the same). An object that may not be null: an error naming it.
    let read: types::TestFile = json::from_str(r#"{"@type":"testFile"}"#).unwrap();
    assert_eq!(
        read,
        types::TestFile {
            data: Vec::new(),
            parts: Vec::new(),
            hashes: Vec::new(),
            ratio: 0.0,
            thumbnail: Vec::new(),
            owner: None,
        }
    );
    let error =
        json::from_str::<types::TextEntity>(r#"{"@type":"textEntity","offset":1}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "missing field `type` at line 1 column 33"
    );
    let error = json::from_str::<enums::TextEntities>(
        r#"{"@type":"textEntities","entities":[{"@type":"textEntity","offset":1,"length":2}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "entities[0]: missing field `type` at line 1 column 80"
    );
}

#[test]
fn boxed_types_are_read_by_their_type_tag() {
    let entity: enums::TextEntityType =
        json::from_str(r#"{"@type":"textEntityTypeBold"}"#).unwrap();
    assert_eq!(entity, enums::TextEntityType::Bold);
    assert_eq!(
        json::to_string(&enums::TextEntityType::Bold).unwrap(),
        r#"{"@type":"textEntityTypeBold"}"#
    );
    // `@type` anywhere in the object, unknown keys ignored.
    let pre: enums::TextEntityType = json::from_str(
        r#"{"language":"rust","future_field":[1,{"a":null}],"@type":"textEntityTypePreCode"}"#,
    )
    .unwrap();
    assert_eq!(
        pre,
        types::TextEntityTypePreCode {
            language: "rust".to_owned()
        }
        .into()
    );
    let unknown =
        json::from_str::<enums::TextEntityType>(r#"{"@type":"textEntityTypeBlink"}"#).unwrap_err();
    assert_eq!(
        unknown.to_string(),
        r#"unknown @type "textEntityTypeBlink" for TextEntityType at line 1 column 31"#
    );
    let missing = json::from_str::<enums::TextEntityType>(r#"{"language":"rust"}"#).unwrap_err();
    assert_eq!(
        missing.to_string(),
        "missing @type for TextEntityType at line 1 column 19"
    );
}

#[test]
fn any_object_reads_whatever_td_receive_gives() {
    let answers = [
        (r#"{"@type":"ok","@extra":1,"@client_id":1}"#, "ok"),
        (
            r#"{"@type":"error","code":404,"message":"Not Found","@client_id":1}"#,
            "error",
        ),
        (
            r#"{"@type":"textEntities","entities":[],"@extra":{"k":[1,2]},"@client_id":3}"#,
            "textEntities",
        ),
    ];
    for (text, tag) in answers {
        let received: Received<AnyObject> = json::from_str(text).unwrap();
        assert_eq!(received.object.tl_name(), tag, "{text}");
    }
    let received: Received<AnyObject> = json::from_str(
        r#"{"@type":"textEntities","entities":[],"@extra":{"k":[1,2]},"@client_id":3}"#,
    )
    .unwrap();
    assert_eq!(received.extra, Some(serde_json::json!({"k": [1, 2]})));
    assert_eq!(received.client_id, Some(3));
    assert_eq!(
        received.object,
        AnyObject::from(types::TextEntities {
            entities: Vec::new()
        })
    );
    // Written back as the constructor's object.
    assert_eq!(
        json::to_string(&received.object).unwrap(),
        r#"{"@type":"textEntities","entities":[]}"#
    );
}

#[test]
fn requests_carry_their_type_and_an_extra() {
    let call = functions::SendMessage {
        chat_id: 5,
        reply_to: None,
        text: text("hi"),
    };
    assert_eq!(
        json::to_string(&json::with_extra(&call, "id-1")).unwrap(),
        r#"{"@type":"sendMessage","chat_id":5,"text":{"@type":"formattedText","text":"hi","entities":[]},"@extra":"id-1"}"#
    );
    // A request read back through `AnyFunction`.
    let any: AnyFunction = json::from_str(r#"{"@type":"close","@extra":7}"#).unwrap();
    assert_eq!(any, AnyFunction::Close(Box::new(functions::Close {})));
    assert_eq!(json::to_string(&any).unwrap(), r#"{"@type":"close"}"#);
}

#[test]
fn an_answer_is_the_return_type_or_tdlib_error() {
    type Answer = Outcome<<functions::GetTextEntities as RemoteCall>::Return, types::Error>;
    let ok: Received<Answer> = json::from_str(
        r#"{"@type":"textEntities","entities":[{"@type":"textEntity","offset":0,"length":5,"type":{"@type":"textEntityTypeMention"}}],"@extra":2}"#,
    )
    .unwrap();
    let Ok(enums::TextEntities::TextEntities(entities)) = ok.object.into_result() else {
        panic!("not the answer")
    };
    assert_eq!(entities.entities[0].r#type, enums::TextEntityType::Mention);
    let err: Answer =
        json::from_str(r#"{"@type":"error","code":400,"message":"Text must be encoded in UTF-8"}"#)
            .unwrap();
    assert_eq!(
        err.into_result(),
        Err(types::Error {
            code: 400,
            message: "Text must be encoded in UTF-8".to_owned()
        })
    );
    let neither = json::from_str::<Answer>(r#"{"@type":"ok"}"#).unwrap_err();
    assert_eq!(
        neither.to_string(),
        r#"unknown @type "ok" for TextEntities at line 1 column 14"#
    );
}

/// Keys in any order, repeated (the last one counts) or unknown: the same
/// value as TDLib's order. (The generated types read through the table of
/// `tl_runtime::json::read_bare`, which puts the values in wire order.)
#[test]
fn fields_read_in_any_order() {
    let expected = message();
    let reversed = r#"{"reply_to":{"message_id":7,"chat_id":-100,"@type":"messageReplyToMessage"},"text":{"entities":[],"text":"hi","@type":"formattedText"},"author_signature":"","media_album_id":"-9223372036854775808","date":1700000000,"is_outgoing":true,"sender_id":{"user_id":42,"@type":"messageSenderUser"},"id":9007199254740992,"@type":"message"}"#;
    assert_eq!(
        json::from_str::<types::Message>(reversed).unwrap(),
        expected
    );
    let repeated = r#"{"@type":"message","id":1,"date":5,"sender_id":{"@type":"messageSenderUser","user_id":42},"is_outgoing":true,"date":1700000000,"media_album_id":"-9223372036854775808","unknown":{"x":[1]},"text":{"@type":"formattedText","text":"hi"},"reply_to":{"@type":"messageReplyToMessage","chat_id":-100,"message_id":7},"id":9007199254740992}"#;
    assert_eq!(
        json::from_str::<types::Message>(repeated).unwrap(),
        expected
    );
    // Missing ones among reordered ones take their defaults.
    let file: types::TestFile =
        json::from_str(r#"{"ratio":2.5,"@type":"testFile","parts":["AQ=="]}"#).unwrap();
    assert_eq!(
        file,
        types::TestFile {
            data: Vec::new(),
            parts: vec![vec![1]],
            hashes: Vec::new(),
            ratio: 2.5,
            thumbnail: Vec::new(),
            owner: None,
        }
    );
}

/// A `string` TL cannot carry (over 16 MiB) is refused with an error, not
/// cut: reading goes through the binary encoding.
#[test]
fn a_string_longer_than_tl_carries_is_an_error() {
    let long = "a".repeat(tl_runtime::MAX_TL_BYTES_LEN + 1);
    let text = format!(r#"{{"@type":"formattedText","text":"{long}"}}"#);
    let error = json::from_str::<types::FormattedText>(&text)
        .unwrap_err()
        .to_string();
    // The column is the end of the string: 33 characters before it, its
    // 16,777,216, the closing quote.
    assert_eq!(
        error,
        "text: a value of 16777216 bytes, longer than the 16777215 a TL string or bytes value carries at line 1 column 16777250"
    );
    let longest = "a".repeat(tl_runtime::MAX_TL_BYTES_LEN);
    let text = format!(r#"{{"@type":"formattedText","text":"{longest}"}}"#);
    assert_eq!(
        json::from_str::<types::FormattedText>(&text)
            .unwrap()
            .text
            .len(),
        tl_runtime::MAX_TL_BYTES_LEN
    );
}

/// Writing keeps a string TL cannot carry whole: the generated types write
/// through the table from an encoding that keeps every length (what
/// `PartialEq` walks), not from the TL bytes, which stop at 16 MiB.
#[test]
fn a_string_longer_than_tl_carries_is_written_whole() {
    let long = "a".repeat(tl_runtime::MAX_TL_BYTES_LEN + 1);
    let written = json::to_string(&text(&long)).unwrap();
    assert_eq!(
        written,
        format!(r#"{{"@type":"formattedText","text":"{long}","entities":[]}}"#)
    );
}

/// `int256` (TON's `tonlib_api.tl` has it, with TDLib's JSON rules) is
/// serde's `[u8; 32]`: an array of 32 numbers, zeros when missing, an
/// error for another length.
#[test]
fn int256_is_an_array_of_numbers() {
    let mut key = [0u8; 32];
    for (i, byte) in key.iter_mut().enumerate() {
        *byte = i as u8 * 8;
    }
    let written = json::to_string(&types::TestKey { key }).unwrap();
    assert_eq!(
        written,
        r#"{"@type":"testKey","key":[0,8,16,24,32,40,48,56,64,72,80,88,96,104,112,120,128,136,144,152,160,168,176,184,192,200,208,216,224,232,240,248]}"#
    );
    assert_eq!(
        json::from_str::<types::TestKey>(&written).unwrap(),
        types::TestKey { key }
    );
    assert_eq!(
        json::from_str::<types::TestKey>(r#"{"@type":"testKey"}"#).unwrap(),
        types::TestKey { key: [0; 32] }
    );
    for (text, error) in [
        (
            r#"{"@type":"testKey","key":[1,2]}"#,
            "key: invalid length 2, expected an array of length 32 at line 1 column 30",
        ),
        (
            r#"{"@type":"testKey","key":[256]}"#,
            "key[0]: invalid value: integer `256`, expected u8 at line 1 column 29",
        ),
        (
            r#"{"@type":"testKey","key":"AAAA"}"#,
            r#"key: invalid type: string "AAAA", expected an array of length 32 at line 1 column 31"#,
        ),
    ] {
        let found = json::from_str::<types::TestKey>(text).unwrap_err();
        assert_eq!(found.to_string(), error, "{text}");
    }
}

/// Bad input gets a typed error with the path to the value, never a panic.
#[test]
fn hostile_json_gets_located_errors() {
    let cases = [
        (
            r#"{"@type":"testFile","hashes":["12a"]}"#,
            r#"hashes[0]: invalid int64 "12a": not a decimal integer at line 1 column 35"#,
        ),
        (
            r#"{"@type":"testFile","hashes":["9223372036854775808"]}"#,
            r#"hashes[0]: int64 out of range: "9223372036854775808" at line 1 column 51"#,
        ),
        (
            r#"{"@type":"testFile","hashes":[1.5]}"#,
            "hashes[0]: invalid int64 1.5: not an integer at line 1 column 33",
        ),
        (
            r#"{"@type":"testFile","data":"!!!!"}"#,
            "data: invalid base64 at offset 0: '!' is not a base64 symbol at line 1 column 33",
        ),
        (
            r#"{"@type":"testFile","ratio":"1"}"#,
            r#"ratio: invalid type: string "1", expected f64 at line 1 column 31"#,
        ),
        (
            r#"{"@type":"testFile","#,
            "EOF while parsing a value at line 1 column 20",
        ),
        ("", "EOF while parsing a value at line 1 column 0"),
        // An object is read from a JSON object only (serde's derive also
        // took an array of the field values; TDLib never writes one).
        (
            "[1,2]",
            "invalid type: sequence, expected an object of TL type testFile at line 1 column 0",
        ),
    ];
    for (input, expected) in cases {
        let error = json::from_str::<types::TestFile>(input)
            .unwrap_err()
            .to_string();
        assert_eq!(error, expected, "{input}");
    }
    // Nesting deeper than serde_json's limit: an error, not a stack overflow.
    for tag_first in [true, false] {
        let open = if tag_first {
            r#"{"@type":"jsonValueArray","values":["#
        } else {
            r#"{"values":["#
        };
        let deep = open.repeat(100_000);
        let error = json::from_str::<AnyObject>(&deep).unwrap_err().to_string();
        assert!(error.contains("recursion limit exceeded"), "{error}");
    }
}

/// The fields of TDLib 1.8.66's `td_api.tl` whose documentation says they
/// may be null: 582 objects and the elements of 2 vectors of objects
/// (counted from the schema text by hand: "may be null" 368 fields, "pass
/// null" 223, 7 of them both).
#[test]
fn td_api_nullable_fields() {
    use tl_codegen::model::{FieldKind, WireType};
    let td_api = test_support::repo_root().join("testdata/schema/tdlib/td_api.tl");
    let model = tl_codegen::Config::new().model(&[td_api]).unwrap();
    let fields = model
        .constructors
        .iter()
        .map(|c| (&c.tl_name, &c.fields))
        .chain(model.functions.iter().map(|f| (&f.tl_name, &f.fields)));
    let (mut values, mut elements, mut in_functions) = (0, Vec::new(), 0);
    for (owner, fields) in fields {
        for f in fields {
            match &f.kind {
                FieldKind::Value {
                    ty: WireType::Nullable(_),
                    ..
                } => {
                    values += 1;
                    in_functions +=
                        usize::from(model.functions.iter().any(|x| &x.tl_name == owner));
                }
                FieldKind::Value {
                    ty: WireType::Vector { elem, .. },
                    ..
                } if matches!(**elem, WireType::Nullable(_)) => {
                    elements.push(format!("{owner}.{}", f.tl_name));
                }
                _ => {}
            }
        }
    }
    assert_eq!((values, in_functions), (582, 146));
    assert_eq!(
        elements,
        ["messages.messages", "quickReplyMessages.messages"]
    );
}
