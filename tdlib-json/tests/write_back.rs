//! The write-back comparison that `synchronous.rs` and `client.rs` apply to
//! every answer and update of the real library: a value read from TDLib's
//! JSON is written back with `json::to_string` and compared with TDLib's
//! text as JSON values (key order aside, doubles within TDLib's `%f`
//! rounding, a key written by one side only is a difference).
//!
//! Here the comparison itself is checked on hand-written pairs, and then
//! applied to texts the library wrote (copied verbatim from
//! /work/tdjson-survey.md), so that these cases hold without the library.

mod common;

use serde_json::json;
use tdlib_json::client::{Reply, read};
use tdlib_json::td_api::{AnyObject, enums, types};
use tl_runtime::json::{Outcome, Received};

use common::{differences, write_back_differences};

#[test]
fn the_same_json_in_another_key_order_has_no_differences() {
    assert_eq!(
        differences(
            r#"{"@type":"textEntity","offset":0,"length":5,"type":{"@type":"textEntityTypeMention"}}"#,
            r#"{"length":5,"type":{"@type":"textEntityTypeMention"},"offset":0,"@type":"textEntity"}"#,
        ),
        Vec::<String>::new()
    );
}

#[test]
fn strings_compare_by_value_not_by_escapes() {
    // TDLib escapes every non-ASCII character, serde_json writes UTF-8.
    assert_eq!(
        differences(
            r#"{"text":"caf\u00e9 \ud83d\ude00 \/"}"#,
            "{\"text\":\"caf\u{e9} \u{1F600} /\"}",
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        differences(r#"{"text":"caf\u00e9"}"#, r#"{"text":"cafe"}"#),
        [r#"text: TDLib wrote "café", we wrote "cafe""#]
    );
}

#[test]
fn doubles_compare_within_six_decimals() {
    assert_eq!(
        differences(
            r#"[1.000000, 0.100000, -0.000000, 123456789.123457, 2.500000]"#,
            r#"[1.0, 0.1, -0.0, 123456789.123457, 2.5]"#,
        ),
        Vec::<String>::new()
    );
    // 300 digits written out in full, and the exponent form.
    let huge = concat!(
        "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375",
        "080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233",
        "794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669",
        "472196386865459400540160.000000"
    );
    assert_eq!(
        differences(&format!("[{huge}]"), "[1e300]"),
        Vec::<String>::new()
    );
    // The rounding TDLib applies is allowed, more is not.
    assert_eq!(
        differences("[0.123457]", "[0.1234567]"),
        Vec::<String>::new()
    );
    assert_eq!(
        differences("[0.123457]", "[0.123459]"),
        ["[0]: TDLib wrote 0.123457, we wrote 0.123459"]
    );
    // Read correctly rounded, not with serde_json's default float parser:
    // the two doubles nearest to this text are 0.0039 apart, far more than
    // TDLib's rounding.
    assert_eq!(
        differences("[34980118210031.664062]", "[34980118210031.66]"),
        ["[0]: TDLib wrote 34980118210031.664062, we wrote 34980118210031.66"]
    );
    assert_eq!(
        differences("[34980118210031.664062]", "[34980118210031.664]"),
        Vec::<String>::new()
    );
}

#[test]
fn the_comparison_reads_json_itself() {
    use common::Json;
    assert_eq!(
        Json::parse(r#" {"a" : [1, -2.50, 1e3, true, null, "x\u00e9\ud83d\ude00\n\/"], "a": {}} "#),
        Ok(Json::Object(vec![
            (
                "a".into(),
                Json::Array(vec![
                    Json::Number("1".into()),
                    Json::Number("-2.50".into()),
                    Json::Number("1e3".into()),
                    Json::Bool(true),
                    Json::Null,
                    Json::String("x\u{e9}\u{1F600}\n/".into()),
                ])
            ),
            ("a".into(), Json::Object(vec![])),
        ]))
    );
    assert_eq!(
        Json::parse("\"caf\u{e9}\"").map(|v| v == Json::String("caf\u{e9}".into())),
        Ok(true)
    );
    assert!(Json::parse("[1,]").is_err());
    assert!(Json::parse("01").is_err());
    assert!(Json::parse("\"\\ud83d\"").is_err());
    assert!(Json::parse("{} x").is_err());
    assert_eq!(
        differences(r#"{"a":1,"a":2}"#, r#"{"a":1}"#),
        ["a: TDLib wrote the key twice"]
    );
}

#[test]
fn a_number_of_another_kind_is_a_difference() {
    assert_eq!(
        differences(
            r#"{"id":"578437695752307201"}"#,
            r#"{"id":578437695752307201}"#
        ),
        [r#"id: TDLib wrote "578437695752307201", we wrote 578437695752307201"#]
    );
    assert_eq!(
        differences(r#"{"value":1.000000}"#, r#"{"value":1}"#),
        ["value: TDLib wrote 1.000000, we wrote 1"]
    );
    assert_eq!(
        differences(r#"{"value":5}"#, r#"{"value":6}"#),
        ["value: TDLib wrote 5, we wrote 6"]
    );
}

#[test]
fn a_key_on_one_side_only_is_a_difference_null_included() {
    assert_eq!(
        differences(
            r#"{"@type":"phoneNumberInfo","country_calling_code":"","is_anonymous":false}"#,
            r#"{"@type":"phoneNumberInfo","country":null,"country_calling_code":""}"#,
        ),
        [
            "is_anonymous: TDLib wrote false, we wrote nothing",
            "country: we wrote null, TDLib wrote nothing",
        ]
    );
}

#[test]
fn paths_name_nested_keys_and_indices() {
    assert_eq!(
        differences(
            r#"{"entities":[{"type":{"@type":"textEntityTypeBold"}},{"type":{"@type":"textEntityTypeUrl"}}]}"#,
            r#"{"entities":[{"type":{"@type":"textEntityTypeBold"}},{"type":{"@type":"textEntityTypeUrl","url":""}}]}"#,
        ),
        [r#"entities[1].type.url: we wrote "", TDLib wrote nothing"#]
    );
    assert_eq!(
        differences(r#"{"value":[1,2,3]}"#, r#"{"value":[1,2]}"#),
        ["value: TDLib wrote 3 elements, we wrote 2"]
    );
    assert_eq!(
        differences("[1]", r#"{"@type":"x"}"#),
        [r#"(top level): TDLib wrote [1], we wrote {"@type":"x"}"#]
    );
}

/// `text`, which TDLib wrote, read as a `T` and written back.
fn write_back<T>(text: &str) -> Vec<String>
where
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    let value: T = read(text).unwrap_or_else(|error| panic!("{error}"));
    write_back_differences(
        "survey",
        &Reply {
            value,
            text: text.to_owned(),
        },
    )
}

#[test]
fn texts_the_library_wrote_write_back_the_same() {
    // Doubles, %f-style, up to 300 digits.
    assert_eq!(
        write_back::<Outcome<enums::JsonValue, types::Error>>(concat!(
            r#"{"@type":"jsonValueArray","values":[{"@type":"jsonValueNumber","value":1.000000},"#,
            r#"{"@type":"jsonValueNumber","value":0.100000},"#,
            r#"{"@type":"jsonValueNumber","value":1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000},"#,
            r#"{"@type":"jsonValueNumber","value":-0.000000},"#,
            r#"{"@type":"jsonValueNumber","value":9007199254740992.000000}]}"#,
        )),
        Vec::<String>::new()
    );
    // Escapes: controls, DEL raw, quotes, an unescaped slash, surrogate pairs.
    assert_eq!(
        write_back::<enums::JsonValue>(
            "{\"@type\":\"jsonValueString\",\"value\":\"\\u0000\\u0001\\b\\t\\n\\u000b\\f\\r\\u001f\x7f \\\"\\\\/ \\u00e9 \\u2028 \\uffff \\ud83d\\ude00 \\u0080 ~\"}"
        ),
        Vec::<String>::new()
    );
    // A null object field, left out.
    assert_eq!(
        write_back::<Received<AnyObject>>(
            r#"{"@type":"updateDefaultBackground","for_dark_theme":false,"@client_id":1}"#
        ),
        Vec::<String>::new()
    );
    // int64 as strings, an echoed @extra of each kind, null included.
    for text in [
        r#"{"@type":"pushReceiverId","id":"-1"}"#,
        r#"{"@type":"optionValueInteger","value":"1796303397","@extra":{"b":1,"a":[1,2],"c":{"@type":"x"}},"@client_id":1}"#,
        r#"{"@type":"testInt","value":49,"@extra":null,"@client_id":1}"#,
        r#"{"@type":"testBytes","value":"AAEC/f7/","@extra":"b-binary","@client_id":1}"#,
        r#"{"@type":"formattedText","text":"\ud83d\ude00 hi","entities":[{"@type":"textEntity","offset":0,"length":2,"type":{"@type":"textEntityTypeCustomEmoji","custom_emoji_id":"5368324170671202286"}}]}"#,
        r#"{"@type":"error","code":400,"message":"Failed to parse JSON object as TDLib request: Wrong padding length","@extra":"b-nopad","@client_id":1}"#,
    ] {
        assert_eq!(
            write_back::<Received<AnyObject>>(text),
            Vec::<String>::new(),
            "{text}"
        );
    }
    // `"@extra":null` is kept as an extra, not taken for a missing one.
    let received: Received<AnyObject> =
        read(r#"{"@type":"testInt","value":49,"@extra":null,"@client_id":1}"#).unwrap();
    assert_eq!(received.extra, Some(json!(null)));
}

/// DBL_MAX as TDLib writes it (`getJsonValue` of `1e400`, which overflows to
/// DBL_MAX; copied from the survey): all 309 digits and 6 decimals.
const DBL_MAX_TEXT: &str = concat!(
    r#"{"@type":"jsonValueNumber","value":"#,
    "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558",
    "632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245",
    "490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168",
    "738177180919299881250404026184124858368.000000}",
);

/// DBL_MAX written out in full, as TDLib does for any double equal to
/// f64::MAX, reads as f64::MAX and writes back as the same number. Without
/// serde_json's `float_roundtrip` (turned on by tl-runtime's `json` feature)
/// the 309 digits round past f64::MAX: "number out of range".
#[test]
fn dbl_max_written_in_full_reads() {
    assert_eq!(
        read::<enums::JsonValue>(DBL_MAX_TEXT).unwrap_or_else(|error| panic!("{error}")),
        enums::JsonValue::Number(types::JsonValueNumber { value: f64::MAX })
    );
    assert_eq!(
        write_back::<enums::JsonValue>(DBL_MAX_TEXT),
        Vec::<String>::new()
    );
}

/// More than 19 significant digits, which TDLib's `%f` writes for every
/// double from about 1e13 up, read correctly rounded:
/// `34980118210031.664062` (TDLib's text for the double 34980118210031.664)
/// is that double, not 34980118210031.66, the next double down.
#[test]
fn long_doubles_read_exactly() {
    let text = r#"{"@type":"jsonValueNumber","value":34980118210031.664062}"#;
    assert_eq!(
        read::<enums::JsonValue>(text).unwrap_or_else(|error| panic!("{error}")),
        enums::JsonValue::Number(types::JsonValueNumber {
            value: 34980118210031.664
        })
    );
    assert_eq!(write_back::<enums::JsonValue>(text), Vec::<String>::new());
}

/// Every value of the texts the library wrote that the benches keep
/// (`peer-benches/data/`: 128 updates, one `countries`), and a message
/// content whose nullable fields are one set, one not, as `{:?}` and
/// `{:#?}` print them.
fn debug_text() -> String {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../peer-benches/data");
    let mut out = String::new();
    let updates = std::fs::read_to_string(data.join("updates.jsonl")).unwrap();
    for line in updates.lines() {
        let value: Received<AnyObject> = tl_runtime::json::from_str(line).unwrap();
        out.push_str(&format!("{:?}\n", value.object));
    }
    let countries = std::fs::read_to_string(data.join("countries.json")).unwrap();
    let value: Received<AnyObject> = tl_runtime::json::from_str(&countries).unwrap();
    out.push_str(&format!("{:#?}\n", value.object));
    let content = enums::MessageContent::MessageText(Box::new(types::MessageText {
        text: types::FormattedText {
            text: "a \"quoted\" text\n".to_owned(),
            entities: vec![types::TextEntity {
                offset: 2,
                length: 8,
                r#type: enums::TextEntityType::Bold,
            }],
        },
        link_preview: None,
        link_preview_options: Some(types::LinkPreviewOptions {
            is_disabled: false,
            url: "https://example.com".to_owned(),
            force_small_media: true,
            force_large_media: false,
            show_above_text: true,
        }),
    }));
    out.push_str(&format!("{content:?}\n{content:#?}\n"));
    out
}

/// `Debug` of TDLib's types prints what the derived impls printed: the
/// expected text was written by the derived impls of `03bd3ed`, before any
/// type printed from the generated table.
#[test]
fn debug_prints_what_the_derived_impls_printed() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected/debug.txt");
    let got = debug_text();
    let expected = std::fs::read_to_string(&path).unwrap();
    assert!(got == expected, "{}", first_difference(&got, &expected));
}

/// The first line where two texts differ, for a readable failure.
fn first_difference(got: &str, expected: &str) -> String {
    for (i, (g, e)) in got.lines().zip(expected.lines()).enumerate() {
        if g != e {
            return format!("line {}:\n got:      {g}\n expected: {e}", i + 1);
        }
    }
    format!(
        "{} lines, expected {}",
        got.lines().count(),
        expected.lines().count()
    )
}
