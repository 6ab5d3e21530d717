//! The real libtdjson (TDLib 1.8.66, commit a9966eb3) driven with hand-written
//! JSON, through `tdlib_json::ffi::Tdjson`.
//!
//! These tests need the library: `bash scripts/fetch-tdjson.sh` (or set
//! `TDJSON_LIB`). Without it they fail, never skip.
//!
//! Only well-formed requests with every field present and valid are sent:
//! TDLib crashes the process on some malformed ones (e.g.
//! `getThemeParametersJsonString` without `theme` is a segmentation fault).
//!
//! `td_receive` is global to the process and hands each message to whichever
//! caller asks first, so only one test of this binary (`async_client`) uses
//! `send`/`receive`; the others use `execute` only.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tdlib_json::ffi::{InteriorNul, Tdjson};

/// The library, loaded and quietened once for the whole test binary.
fn td() -> &'static Tdjson {
    static TD: OnceLock<Tdjson> = OnceLock::new();
    TD.get_or_init(|| {
        let path = Tdjson::locate().unwrap_or_else(|message| panic!("{message}"));
        let td = Tdjson::load(&path).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(td.quiet().as_deref(), Some(r#"{"@type":"ok"}"#));
        td
    })
}

fn execute(request: &str) -> String {
    td().execute(request)
        .unwrap_or_else(|| panic!("td_execute returned NULL for {request}"))
}

#[test]
fn loads_and_reports_its_version() {
    assert_eq!(
        execute(r#"{"@type":"getOption","name":"version"}"#),
        r#"{"@type":"optionValueString","value":"1.8.66"}"#
    );
    assert_eq!(
        execute(r#"{"@type":"getOption","name":"commit_hash"}"#),
        r#"{"@type":"optionValueString","value":"a9966eb3704a3351568c28013fed67d797c17828"}"#
    );
    assert_eq!(
        execute(r#"{"@type":"getLogVerbosityLevel"}"#),
        r#"{"@type":"logVerbosityLevel","verbosity_level":1}"#
    );
}

#[test]
fn get_text_entities_finds_mention_hashtag_and_url() {
    assert_eq!(
        execute(r#"{"@type":"getTextEntities","text":"@user #tag https://example.com"}"#),
        concat!(
            r#"{"@type":"textEntities","entities":["#,
            r#"{"@type":"textEntity","offset":0,"length":5,"type":{"@type":"textEntityTypeMention"}},"#,
            r#"{"@type":"textEntity","offset":6,"length":4,"type":{"@type":"textEntityTypeHashtag"}},"#,
            r#"{"@type":"textEntity","offset":11,"length":19,"type":{"@type":"textEntityTypeUrl"}}]}"#,
        )
    );
}

#[test]
fn parse_text_entities_markdown_v2() {
    let answer = execute(
        r#"{"@type":"parseTextEntities","text":"*bold* _it_","parse_mode":{"@type":"textParseModeMarkdown","version":2}}"#,
    );
    assert_eq!(
        answer,
        concat!(
            r#"{"@type":"formattedText","text":"bold it","entities":["#,
            r#"{"@type":"textEntity","offset":0,"length":4,"type":{"@type":"textEntityTypeBold"}},"#,
            r#"{"@type":"textEntity","offset":5,"length":2,"type":{"@type":"textEntityTypeItalic"}}]}"#,
        )
    );
    let parsed: Value = serde_json::from_str(&answer).unwrap();
    assert_eq!(parsed["text"], "bold it");
    assert_eq!(parsed["entities"].as_array().map(Vec::len), Some(2));
}

#[test]
fn unknown_type_is_an_error_object() {
    assert_eq!(
        execute(r#"{"@type":"nosuchMethod"}"#),
        r#"{"@type":"error","code":400,"message":"Failed to parse JSON object as TDLib request: Unknown class \"nosuchMethod\""}"#
    );
    // Not JSON at all: an error object too, not NULL.
    assert_eq!(
        execute("not json"),
        r#"{"@type":"error","code":400,"message":"Failed to parse request as JSON object: Token starts with 'n' -- null expected"}"#
    );
    // A method that exists but is not synchronous.
    assert_eq!(
        execute(r#"{"@type":"getAuthorizationState"}"#),
        r#"{"@type":"error","code":400,"message":"The method can't be executed synchronously"}"#
    );
}

#[test]
fn extra_is_echoed_after_the_fields() {
    assert_eq!(
        execute(r#"{"@type":"getOption","name":"version","@extra":{"id":7,"tags":["a",1.50]}}"#),
        r#"{"@type":"optionValueString","value":"1.8.66","@extra":{"id":7,"tags":["a",1.50]}}"#
    );
}

#[test]
fn int64_is_written_as_a_string() {
    assert_eq!(
        execute(r#"{"@type":"getPushReceiverId","payload":"{\"p\":\"AQIDBAUGBwgJCgsM\"}"}"#),
        r#"{"@type":"pushReceiverId","id":"578437695752307201"}"#
    );
}

#[test]
fn null_object_fields_are_omitted() {
    // phoneNumberInfo.country "may be null if unknown": absent, not `null`.
    assert_eq!(
        execute(
            r#"{"@type":"getPhoneNumberInfoSync","language_code":"en","phone_number_prefix":"999"}"#
        ),
        r#"{"@type":"phoneNumberInfo","country_calling_code":"","formatted_phone_number":"999","is_anonymous":false}"#
    );
}

#[test]
fn doubles_are_written_with_six_decimals() {
    assert_eq!(
        execute(r#"{"@type":"getJsonValue","json":"[1, 0.1, 2.5e-7]"}"#),
        concat!(
            r#"{"@type":"jsonValueArray","values":["#,
            r#"{"@type":"jsonValueNumber","value":1.000000},"#,
            r#"{"@type":"jsonValueNumber","value":0.100000},"#,
            r#"{"@type":"jsonValueNumber","value":0.000000}]}"#,
        )
    );
}

#[test]
fn interior_nul_is_refused_without_calling_tdlib() {
    assert_eq!(td().execute("{\"@type\":\"getOption\"\0}"), None);
    assert_eq!(
        td().send(1, "{\"@type\":\"testCallEmpty\"}\0"),
        Err(InteriorNul { position: 25 })
    );
}

/// Receives until a message for `client_id` satisfies `done`, failing after
/// `deadline`; returns every message of that client received on the way.
fn receive_until(
    client_id: i32,
    deadline: Duration,
    mut done: impl FnMut(&Value) -> bool,
) -> Vec<Value> {
    let start = Instant::now();
    let mut seen = Vec::new();
    while start.elapsed() < deadline {
        let Some(text) = td().receive(1.0) else {
            continue;
        };
        let message: Value = serde_json::from_str(&text)
            .unwrap_or_else(|error| panic!("TDLib sent invalid JSON ({error}): {text}"));
        if message["@client_id"] != json!(client_id) {
            continue;
        }
        let finished = done(&message);
        seen.push(message);
        if finished {
            return seen;
        }
    }
    panic!("no awaited message from TDLib within {deadline:?}; received: {seen:#?}");
}

#[test]
fn async_client() {
    let td = td();
    let client = td.create_client_id();
    assert!(client > 0, "{client}");

    // The first request starts the instance; its first updates come before the answer.
    td.send(
        client,
        r#"{"@type":"getOption","name":"version","@extra":"v"}"#,
    )
    .unwrap();
    let seen = receive_until(client, Duration::from_secs(10), |m| m["@extra"] == "v");
    assert!(
        seen.contains(&json!({
            "@type": "updateAuthorizationState",
            "authorization_state": {"@type": "authorizationStateWaitTdlibParameters"},
            "@client_id": client,
        })),
        "{seen:#?}"
    );
    assert_eq!(
        seen.last().unwrap(),
        &json!({"@type": "optionValueString", "value": "1.8.66", "@extra": "v", "@client_id": client})
    );

    // Offline test methods answer before setTdlibParameters.
    td.send(client, r#"{"@type":"testSquareInt","x":7,"@extra":1}"#)
        .unwrap();
    td.send(
        client,
        r#"{"@type":"testCallBytes","x":"aGVsbG8=","@extra":2}"#,
    )
    .unwrap();
    let mut answers = Vec::new();
    receive_until(client, Duration::from_secs(10), |m| {
        if m.get("@extra").is_some() {
            answers.push(m.clone());
        }
        answers.len() == 2
    });
    answers.sort_by_key(|m| m["@extra"].as_i64());
    assert_eq!(
        answers,
        [
            json!({"@type": "testInt", "value": 49, "@extra": 1, "@client_id": client}),
            json!({"@type": "testBytes", "value": "aGVsbG8=", "@extra": 2, "@client_id": client}),
        ]
    );

    // close: ok, then authorizationStateClosing and authorizationStateClosed.
    td.send(client, r#"{"@type":"close","@extra":"close"}"#)
        .unwrap();
    let seen = receive_until(client, Duration::from_secs(20), |m| {
        m["authorization_state"]["@type"] == "authorizationStateClosed"
    });
    assert!(
        seen.contains(&json!({"@type": "ok", "@extra": "close", "@client_id": client})),
        "{seen:#?}"
    );

    // Receiving from several threads at once is serialized by Tdjson: without
    // that, TDLib aborts the process ("Receive must not be called
    // simultaneously from two different threads").
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                for _ in 0..5 {
                    assert_eq!(td.receive(0.01), None);
                }
            });
        }
    });
}
