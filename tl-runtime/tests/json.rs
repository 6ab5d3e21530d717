//! TDLib's JSON conventions (feature `json`), through types written by hand
//! in the shape tl-codegen generates for `td_api.tl` with serde.
#![cfg(feature = "json")]

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Value, json};
use tl_runtime::json::{self, Outcome, Received, Request, TaggedUnion};

/// Constructor structs, as generated.
pub mod types {
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[serde(tag = "@type", rename = "formattedText")]
    pub struct FormattedText {
        pub text: String,
        pub entities: Vec<super::enums::TextEntity>,
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[serde(tag = "@type", rename = "textEntity")]
    pub struct TextEntity {
        pub offset: i32,
        pub length: i32,
        pub r#type: super::enums::TextEntityType,
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[serde(tag = "@type", rename = "textEntityTypeBold")]
    pub struct TextEntityTypeBold {}

    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[serde(tag = "@type", rename = "textEntityTypeTextUrl")]
    pub struct TextEntityTypeTextUrl {
        pub url: String,
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[serde(tag = "@type", rename = "textEntityTypeMentionName")]
    pub struct TextEntityTypeMentionName {
        pub user_id: i64,
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[serde(tag = "@type", rename = "error")]
    pub struct Error {
        pub code: i32,
        pub message: String,
    }
    impl tl_runtime::Identifiable for Error {
        const CONSTRUCTOR_ID: u32 = 0x9bdd_8f1a;
        const TL_NAME: &'static str = "error";
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[serde(tag = "@type", rename = "ok")]
    pub struct Ok {}

    /// Every form: int64, vector<int64>, bytes, a nullable object, nullable
    /// bytes, vector<bytes>, vector<vector<int64>>, and plain fields.
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[serde(tag = "@type", rename = "sample")]
    pub struct Sample {
        #[serde(
            serialize_with = "::tl_runtime::json::serialize::<::tl_runtime::json::Int64, _, _>",
            deserialize_with = "::tl_runtime::json::deserialize::<::tl_runtime::json::Int64, _, _>"
        )]
        pub id: i64,
        #[serde(
            serialize_with = "::tl_runtime::json::serialize::<::tl_runtime::json::VecOf<::tl_runtime::json::Int64>, _, _>",
            deserialize_with = "::tl_runtime::json::deserialize::<::tl_runtime::json::VecOf<::tl_runtime::json::Int64>, _, _>"
        )]
        pub ids: Vec<i64>,
        #[serde(
            serialize_with = "::tl_runtime::json::serialize::<::tl_runtime::json::Base64, _, _>",
            deserialize_with = "::tl_runtime::json::deserialize::<::tl_runtime::json::Base64, _, _>"
        )]
        pub data: Vec<u8>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub caption: Option<super::enums::FormattedText>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            serialize_with = "::tl_runtime::json::serialize::<::tl_runtime::json::Nullable<::tl_runtime::json::Base64>, _, _>",
            deserialize_with = "::tl_runtime::json::deserialize::<::tl_runtime::json::Nullable<::tl_runtime::json::Base64>, _, _>"
        )]
        pub thumbnail: Option<Vec<u8>>,
        #[serde(
            serialize_with = "::tl_runtime::json::serialize::<::tl_runtime::json::VecOf<::tl_runtime::json::Base64>, _, _>",
            deserialize_with = "::tl_runtime::json::deserialize::<::tl_runtime::json::VecOf<::tl_runtime::json::Base64>, _, _>"
        )]
        pub chunks: Vec<Vec<u8>>,
        #[serde(
            serialize_with = "::tl_runtime::json::serialize::<::tl_runtime::json::VecOf<::tl_runtime::json::VecOf<::tl_runtime::json::Int64>>, _, _>",
            deserialize_with = "::tl_runtime::json::deserialize::<::tl_runtime::json::VecOf<::tl_runtime::json::VecOf<::tl_runtime::json::Int64>>, _, _>"
        )]
        pub matrix: Vec<Vec<i64>>,
        pub ratio: f64,
        pub flag: bool,
        pub date: i32,
        pub size: i64,
    }

    /// A function (a request), with a nullable int64 vector.
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[serde(tag = "@type", rename = "getChats")]
    pub struct GetChats {
        #[serde(
            serialize_with = "::tl_runtime::json::serialize::<::tl_runtime::json::Int64, _, _>",
            deserialize_with = "::tl_runtime::json::deserialize::<::tl_runtime::json::Int64, _, _>"
        )]
        pub offset_order: i64,
        pub limit: i32,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            serialize_with = "::tl_runtime::json::serialize::<::tl_runtime::json::Nullable<::tl_runtime::json::VecOf<::tl_runtime::json::Int64>>, _, _>",
            deserialize_with = "::tl_runtime::json::deserialize::<::tl_runtime::json::Nullable<::tl_runtime::json::VecOf<::tl_runtime::json::Int64>>, _, _>"
        )]
        pub exclude: Option<Vec<i64>>,
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[serde(tag = "@type", rename = "richTextPlain")]
    pub struct RichTextPlain {
        pub text: String,
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[serde(tag = "@type", rename = "richTextBold")]
    pub struct RichTextBold {
        pub text: super::enums::RichText,
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[serde(tag = "@type", rename = "richTexts")]
    pub struct RichTexts {
        pub texts: Vec<super::enums::RichText>,
    }
}

/// Boxed types, as generated.
pub mod enums {
    use super::*;

    #[derive(Debug, Clone, PartialEq)]
    pub enum FormattedText {
        FormattedText(super::types::FormattedText),
    }
    impl Serialize for FormattedText {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self {
                Self::FormattedText(v) => v.serialize(s),
            }
        }
    }
    impl TaggedUnion for FormattedText {
        const TYPE_NAME: &'static str = "FormattedText";
        const TAGS: &'static [&'static str] = &["formattedText"];
        fn deserialize_body<'de, D: Deserializer<'de>>(
            tag: &str,
            body: D,
        ) -> Result<Self, D::Error> {
            match tag {
                "formattedText" => serde::Deserialize::deserialize(body).map(Self::FormattedText),
                _ => Err(::tl_runtime::json::unknown_tag::<Self, D::Error>(tag)),
            }
        }
    }
    impl<'de> Deserialize<'de> for FormattedText {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            ::tl_runtime::json::deserialize_tagged(d)
        }
    }

    #[derive(Debug, Clone, PartialEq)]
    pub enum TextEntity {
        TextEntity(super::types::TextEntity),
    }
    impl Serialize for TextEntity {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self {
                Self::TextEntity(v) => v.serialize(s),
            }
        }
    }
    impl TaggedUnion for TextEntity {
        const TYPE_NAME: &'static str = "TextEntity";
        const TAGS: &'static [&'static str] = &["textEntity"];
        fn deserialize_body<'de, D: Deserializer<'de>>(
            tag: &str,
            body: D,
        ) -> Result<Self, D::Error> {
            match tag {
                "textEntity" => serde::Deserialize::deserialize(body).map(Self::TextEntity),
                _ => Err(::tl_runtime::json::unknown_tag::<Self, D::Error>(tag)),
            }
        }
    }
    impl<'de> Deserialize<'de> for TextEntity {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            ::tl_runtime::json::deserialize_tagged(d)
        }
    }

    #[derive(Debug, Clone, PartialEq)]
    pub enum TextEntityType {
        Bold,
        TextUrl(super::types::TextEntityTypeTextUrl),
        MentionName(Box<super::types::TextEntityTypeMentionName>),
    }
    impl Serialize for TextEntityType {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self {
                Self::Bold => super::types::TextEntityTypeBold {}.serialize(s),
                Self::TextUrl(v) => v.serialize(s),
                Self::MentionName(v) => v.serialize(s),
            }
        }
    }
    impl TaggedUnion for TextEntityType {
        const TYPE_NAME: &'static str = "TextEntityType";
        const TAGS: &'static [&'static str] = &[
            "textEntityTypeBold",
            "textEntityTypeTextUrl",
            "textEntityTypeMentionName",
        ];
        fn deserialize_body<'de, D: Deserializer<'de>>(
            tag: &str,
            body: D,
        ) -> Result<Self, D::Error> {
            match tag {
                "textEntityTypeBold" => {
                    <super::types::TextEntityTypeBold as serde::Deserialize>::deserialize(body)
                        .map(|_| Self::Bold)
                }
                "textEntityTypeTextUrl" => serde::Deserialize::deserialize(body).map(Self::TextUrl),
                "textEntityTypeMentionName" => {
                    serde::Deserialize::deserialize(body).map(Self::MentionName)
                }
                _ => Err(::tl_runtime::json::unknown_tag::<Self, D::Error>(tag)),
            }
        }
    }
    impl<'de> Deserialize<'de> for TextEntityType {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            ::tl_runtime::json::deserialize_tagged(d)
        }
    }

    #[derive(Debug, Clone, PartialEq)]
    pub enum Ok {
        Ok,
    }
    impl Serialize for Ok {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self {
                Self::Ok => super::types::Ok {}.serialize(s),
            }
        }
    }
    impl TaggedUnion for Ok {
        const TYPE_NAME: &'static str = "Ok";
        const TAGS: &'static [&'static str] = &["ok"];
        fn deserialize_body<'de, D: Deserializer<'de>>(
            tag: &str,
            body: D,
        ) -> Result<Self, D::Error> {
            match tag {
                "ok" => {
                    <super::types::Ok as serde::Deserialize>::deserialize(body).map(|_| Self::Ok)
                }
                _ => Err(::tl_runtime::json::unknown_tag::<Self, D::Error>(tag)),
            }
        }
    }
    impl<'de> Deserialize<'de> for Ok {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            ::tl_runtime::json::deserialize_tagged(d)
        }
    }

    #[derive(Debug, Clone, PartialEq)]
    pub enum RichText {
        Plain(super::types::RichTextPlain),
        Bold(Box<super::types::RichTextBold>),
        Texts(super::types::RichTexts),
    }
    impl Serialize for RichText {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self {
                Self::Plain(v) => v.serialize(s),
                Self::Bold(v) => v.serialize(s),
                Self::Texts(v) => v.serialize(s),
            }
        }
    }
    impl TaggedUnion for RichText {
        const TYPE_NAME: &'static str = "RichText";
        const TAGS: &'static [&'static str] = &["richTextPlain", "richTextBold", "richTexts"];
        fn deserialize_body<'de, D: Deserializer<'de>>(
            tag: &str,
            body: D,
        ) -> Result<Self, D::Error> {
            match tag {
                "richTextPlain" => serde::Deserialize::deserialize(body).map(Self::Plain),
                "richTextBold" => serde::Deserialize::deserialize(body).map(Self::Bold),
                "richTexts" => serde::Deserialize::deserialize(body).map(Self::Texts),
                _ => Err(::tl_runtime::json::unknown_tag::<Self, D::Error>(tag)),
            }
        }
    }
    impl<'de> Deserialize<'de> for RichText {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            ::tl_runtime::json::deserialize_tagged(d)
        }
    }
}

use enums::TextEntityType;

fn entity(offset: i32, length: i32, r#type: TextEntityType) -> enums::TextEntity {
    enums::TextEntity::TextEntity(types::TextEntity {
        offset,
        length,
        r#type,
    })
}

fn formatted() -> enums::FormattedText {
    enums::FormattedText::FormattedText(types::FormattedText {
        text: "Hi @bob, see x.org".into(),
        entities: vec![
            entity(0, 2, TextEntityType::Bold),
            entity(
                3,
                4,
                TextEntityType::MentionName(Box::new(types::TextEntityTypeMentionName {
                    user_id: 1_234_567_890_123,
                })),
            ),
            entity(
                13,
                5,
                TextEntityType::TextUrl(types::TextEntityTypeTextUrl {
                    url: "https://x.org/".into(),
                }),
            ),
        ],
    })
}

const FORMATTED: &str = concat!(
    r#"{"@type":"formattedText","text":"Hi @bob, see x.org","entities":["#,
    r#"{"@type":"textEntity","offset":0,"length":2,"type":{"@type":"textEntityTypeBold"}},"#,
    r#"{"@type":"textEntity","offset":3,"length":4,"type":{"@type":"textEntityTypeMentionName","user_id":1234567890123}},"#,
    r#"{"@type":"textEntity","offset":13,"length":5,"type":{"@type":"textEntityTypeTextUrl","url":"https://x.org/"}}"#,
    r#"]}"#
);

fn sample() -> types::Sample {
    types::Sample {
        id: -9_223_372_036_854_775_808,
        ids: vec![1, -2, 9_223_372_036_854_775_807],
        data: vec![0xfb, 0xff, 0x00, 0x61],
        caption: Some(formatted()),
        thumbnail: Some(b"ab".to_vec()),
        chunks: vec![vec![], b"f".to_vec(), b"foo".to_vec()],
        matrix: vec![vec![], vec![7, -8]],
        ratio: 0.5,
        flag: true,
        date: 1_700_000_000,
        size: 4_503_599_627_370_496,
    }
}

fn sample_json() -> String {
    format!(
        concat!(
            r#"{{"@type":"sample","id":"-9223372036854775808","ids":["1","-2","9223372036854775807"],"#,
            r#""data":"+/8AYQ==","caption":{},"thumbnail":"YWI=","chunks":["","Zg==","Zm9v"],"#,
            r#""matrix":[[],["7","-8"]],"ratio":0.5,"flag":true,"date":1700000000,"size":4503599627370496}}"#
        ),
        FORMATTED
    )
}

/// A minimal sample around one field's JSON, for the error tests.
fn sample_with(field: &str, value: &str) -> String {
    let mut object: serde_json::Map<String, Value> = serde_json::from_str(concat!(
        r#"{"@type":"sample","id":"1","ids":[],"data":"","chunks":[],"matrix":[],"#,
        r#""ratio":1,"flag":false,"date":2,"size":3}"#
    ))
    .unwrap();
    object.insert(field.to_owned(), serde_json::from_str(value).unwrap());
    serde_json::to_string(&object).unwrap()
}

fn read_err<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> json::Error {
    match json::from_str::<T>(text) {
        Ok(v) => panic!("read {v:?} from {text}"),
        Err(e) => e,
    }
}

// ---- writing and reading back ----

#[test]
fn formatted_text_round_trip() {
    let value = formatted();
    assert_eq!(json::to_string(&value).unwrap(), FORMATTED);
    assert_eq!(
        json::from_str::<enums::FormattedText>(FORMATTED).unwrap(),
        value
    );
    // the constructor struct reads the same text too (serde ignores its tag)
    let enums::FormattedText::FormattedText(inner) = value;
    assert_eq!(
        json::from_str::<types::FormattedText>(FORMATTED).unwrap(),
        inner
    );
    assert_eq!(json::to_vec(&inner).unwrap(), FORMATTED.as_bytes());
    assert_eq!(
        json::from_slice::<enums::FormattedText>(FORMATTED.as_bytes()).unwrap(),
        enums::FormattedText::FormattedText(inner)
    );
}

#[test]
fn sample_round_trip() {
    let text = sample_json();
    assert_eq!(json::to_string(&sample()).unwrap(), text);
    assert_eq!(json::from_str::<types::Sample>(&text).unwrap(), sample());
}

#[test]
fn nullable_none_is_not_written_and_reads_from_missing_or_null() {
    let mut value = sample();
    value.caption = None;
    value.thumbnail = None;
    let text = concat!(
        r#"{"@type":"sample","id":"-9223372036854775808","ids":["1","-2","9223372036854775807"],"#,
        r#""data":"+/8AYQ==","chunks":["","Zg==","Zm9v"],"#,
        r#""matrix":[[],["7","-8"]],"ratio":0.5,"flag":true,"date":1700000000,"size":4503599627370496}"#
    );
    assert_eq!(json::to_string(&value).unwrap(), text);
    assert_eq!(json::from_str::<types::Sample>(text).unwrap(), value);
    let with_nulls = concat!(
        r#"{"@type":"sample","id":"-9223372036854775808","ids":["1","-2","9223372036854775807"],"#,
        r#""data":"+/8AYQ==","caption":null,"thumbnail":null,"chunks":["","Zg==","Zm9v"],"#,
        r#""matrix":[[],["7","-8"]],"ratio":0.5,"flag":true,"date":1700000000,"size":4503599627370496}"#
    );
    assert_eq!(json::from_str::<types::Sample>(with_nulls).unwrap(), value);

    let request = types::GetChats {
        offset_order: 9_223_372_036_854_775_807,
        limit: 100,
        exclude: None,
    };
    let text = r#"{"@type":"getChats","offset_order":"9223372036854775807","limit":100}"#;
    assert_eq!(json::to_string(&request).unwrap(), text);
    assert_eq!(json::from_str::<types::GetChats>(text).unwrap(), request);
    let text = r#"{"@type":"getChats","offset_order":"1","limit":1,"exclude":null}"#;
    assert_eq!(
        json::from_str::<types::GetChats>(text).unwrap().exclude,
        None
    );
    let request = types::GetChats {
        offset_order: 1,
        limit: 1,
        exclude: Some(vec![5, -6]),
    };
    let text = r#"{"@type":"getChats","offset_order":"1","limit":1,"exclude":["5","-6"]}"#;
    assert_eq!(json::to_string(&request).unwrap(), text);
    assert_eq!(json::from_str::<types::GetChats>(text).unwrap(), request);
}

// ---- int64 ----

#[test]
fn int64_reads_strings_and_numbers() {
    let read = |v: &str| json::from_str::<types::Sample>(&sample_with("id", v)).map(|s| s.id);
    assert_eq!(read(r#""0""#).unwrap(), 0);
    assert_eq!(read(r#""-1""#).unwrap(), -1);
    assert_eq!(read(r#""+5""#).unwrap(), 5);
    assert_eq!(
        read(r#""9223372036854775807""#).unwrap(),
        9_223_372_036_854_775_807
    );
    assert_eq!(
        read(r#""-9223372036854775808""#).unwrap(),
        -9_223_372_036_854_775_808
    );
    assert_eq!(read("42").unwrap(), 42);
    assert_eq!(read("-42").unwrap(), -42);
    assert_eq!(
        read("9223372036854775807").unwrap(),
        9_223_372_036_854_775_807
    );
    assert_eq!(
        read("-9223372036854775808").unwrap(),
        -9_223_372_036_854_775_808
    );
    // an escaped string (not borrowed) reads the same
    assert_eq!(read(r#""\u0031\u0032""#).unwrap(), 12);
    let ids = |v: &str| json::from_str::<types::Sample>(&sample_with("ids", v)).map(|s| s.ids);
    assert_eq!(ids(r#"[1,"2",-3]"#).unwrap(), vec![1, 2, -3]);
}

#[test]
fn int64_errors_say_what_was_wrong() {
    let cases: &[(&str, &str)] = &[
        (r#""""#, "invalid int64: empty string"),
        (r#""12a""#, r#"invalid int64 "12a": not a decimal integer"#),
        (r#"" 12""#, r#"invalid int64 " 12": not a decimal integer"#),
        (r#""1.5""#, r#"invalid int64 "1.5": not a decimal integer"#),
        (r#""1e3""#, r#"invalid int64 "1e3": not a decimal integer"#),
        (r#""-""#, r#"invalid int64 "-": not a decimal integer"#),
        (
            r#""9223372036854775808""#,
            r#"int64 out of range: "9223372036854775808""#,
        ),
        (
            r#""-9223372036854775809""#,
            r#"int64 out of range: "-9223372036854775809""#,
        ),
        (
            "9223372036854775808",
            "int64 out of range: 9223372036854775808",
        ),
        (
            "18446744073709551615",
            "int64 out of range: 18446744073709551615",
        ),
        ("100000000000000000000", "int64 out of range: 1e20"),
        ("-1e19", "int64 out of range: -1e19"),
        ("1.5", "invalid int64 1.5: not an integer"),
        ("2.0", "invalid int64 2.0: not an integer"),
        ("1e3", "invalid int64 1000.0: not an integer"),
        (
            "true",
            "invalid type: boolean `true`, expected an int64 (a string of decimal digits or an integer)",
        ),
        (
            "null",
            "invalid type: null, expected an int64 (a string of decimal digits or an integer)",
        ),
    ];
    for (value, message) in cases {
        let err = read_err::<types::Sample>(&sample_with("id", value));
        assert_eq!(err.path(), "id", "{value}");
        assert_eq!(err.message(), *message, "{value}");
        assert_eq!(err.classify(), serde_json::error::Category::Data, "{value}");
    }
    // inside vectors: the path has the index
    let err = read_err::<types::Sample>(&sample_with("matrix", r#"[[],["1","x"]]"#));
    assert_eq!(err.path(), "matrix[1][1]");
    assert_eq!(err.message(), r#"invalid int64 "x": not a decimal integer"#);
}

#[test]
fn int64_error_display_has_path_and_position() {
    let text = r#"{"@type":"getChats","offset_order":"12a","limit":1}"#;
    let err = read_err::<types::GetChats>(text);
    assert_eq!(
        err.to_string(),
        r#"offset_order: invalid int64 "12a": not a decimal integer at line 1 column 40"#
    );
    assert_eq!((err.line(), err.column()), (1, 40));
}

// ---- bytes ----

#[test]
fn base64_accepts_padded_unpadded_and_url_safe() {
    let read = |v: &str| json::from_str::<types::Sample>(&sample_with("data", v)).map(|s| s.data);
    assert_eq!(read(r#""""#).unwrap(), b"");
    assert_eq!(read(r#""+/8AYQ==""#).unwrap(), [0xfb, 0xff, 0x00, 0x61]);
    assert_eq!(read(r#""+/8AYQ""#).unwrap(), [0xfb, 0xff, 0x00, 0x61]);
    assert_eq!(read(r#""-_8AYQ==""#).unwrap(), [0xfb, 0xff, 0x00, 0x61]);
    assert_eq!(read(r#""-_8AYQ""#).unwrap(), [0xfb, 0xff, 0x00, 0x61]);
    assert_eq!(read(r#""Zm9vYg==""#).unwrap(), b"foob");
    assert_eq!(read(r#""Zm9vYmE""#).unwrap(), b"fooba");
    // partial padding
    assert_eq!(read(r#""Zm9vYmE=""#).unwrap(), b"fooba");
    assert_eq!(read(r#""Zg=""#).unwrap(), b"f");
    // an escaped string reads the same
    assert_eq!(read(r#""Zm9v\u0059g==""#).unwrap(), b"foob");
    let thumb = |v: &str| {
        json::from_str::<types::Sample>(&sample_with("thumbnail", v)).map(|s| s.thumbnail)
    };
    assert_eq!(thumb(r#""YWI""#).unwrap(), Some(b"ab".to_vec()));
    assert_eq!(thumb("null").unwrap(), None);
    let chunks =
        |v: &str| json::from_str::<types::Sample>(&sample_with("chunks", v)).map(|s| s.chunks);
    assert_eq!(
        chunks(r#"["Zg","Zg==","_w"]"#).unwrap(),
        vec![b"f".to_vec(), b"f".to_vec(), vec![0xff]]
    );
}

#[test]
fn base64_errors_say_what_was_wrong() {
    let cases: &[(&str, &str)] = &[
        (
            r#""Zm!v""#,
            "invalid base64 at offset 2: '!' is not a base64 symbol",
        ),
        (
            r#""Zm9v Yg==""#,
            "invalid base64 at offset 4: ' ' is not a base64 symbol",
        ),
        (
            r#""Zm9v\nYg==""#,
            "invalid base64 at offset 4: byte 0x0a is not a base64 symbol",
        ),
        (
            r#""Zm9vé""#,
            "invalid base64 at offset 4: byte 0xc3 is not a base64 symbol",
        ),
        // both alphabets in one value
        (
            r#""+_8AYQ==""#,
            "invalid base64 at offset 1: '_' is not a base64 symbol",
        ),
        (
            "\"Z\"",
            "invalid base64: 1 symbols, a length no bytes encode to",
        ),
        (
            "\"Zm9vY\"",
            "invalid base64: 5 symbols, a length no bytes encode to",
        ),
        (
            "\"Zh==\"",
            "invalid base64 at offset 1: the last symbol 'h' has unused bits set",
        ),
        (
            "\"Zm9v=\"",
            "invalid base64 at offset 4: misplaced padding '='",
        ),
        (
            "\"Zg===\"",
            "invalid base64 at offset 2: misplaced padding '='",
        ),
        (
            "\"Zg=g\"",
            "invalid base64 at offset 2: misplaced padding '='",
        ),
        ("\"=\"", "invalid base64 at offset 0: misplaced padding '='"),
        ("12", "invalid type: integer `12`, expected a base64 string"),
    ];
    for (value, message) in cases {
        let err = read_err::<types::Sample>(&sample_with("data", value));
        assert_eq!(err.path(), "data", "{value}");
        assert_eq!(err.message(), *message, "{value}");
    }
    let err = read_err::<types::Sample>(&sample_with("chunks", r#"["Zg==","Z"]"#));
    assert_eq!(err.path(), "chunks[1]");
    assert_eq!(
        err.message(),
        "invalid base64: 1 symbols, a length no bytes encode to"
    );
}

#[cfg(feature = "zero-copy")]
#[test]
fn base64_shared_bytes() {
    use tl_runtime::json::{Base64, JsonForm};
    use tl_runtime::shared::Bytes;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    #[serde(tag = "@type", rename = "blob")]
    struct Blob {
        #[serde(
            serialize_with = "::tl_runtime::json::serialize::<::tl_runtime::json::Base64, _, _>",
            deserialize_with = "::tl_runtime::json::deserialize::<::tl_runtime::json::Base64, _, _>"
        )]
        data: Bytes,
    }
    let blob = Blob {
        data: Bytes::from_static(b"foob"),
    };
    let text = r#"{"@type":"blob","data":"Zm9vYg=="}"#;
    assert_eq!(json::to_string(&blob).unwrap(), text);
    assert_eq!(json::from_str::<Blob>(text).unwrap(), blob);
    let value = <Base64 as JsonForm<Bytes>>::deserialize(json!("Zm9v")).unwrap();
    assert_eq!(value, Bytes::from_static(b"foo"));
}

// ---- @type ----

#[test]
fn type_tag_anywhere_in_the_object() {
    let text = concat!(
        r#"{"text":"Hi @bob, see x.org","entities":["#,
        r#"{"offset":0,"@type":"textEntity","length":2,"type":{"@type":"textEntityTypeBold"}},"#,
        r#"{"offset":3,"length":4,"type":{"user_id":1234567890123,"@type":"textEntityTypeMentionName"},"@type":"textEntity"},"#,
        r#"{"@type":"textEntity","offset":13,"length":5,"type":{"url":"https://x.org/","@type":"textEntityTypeTextUrl"}}"#,
        r#"],"@type":"formattedText"}"#
    );
    assert_eq!(
        json::from_str::<enums::FormattedText>(text).unwrap(),
        formatted()
    );
    // and through serde_json's Value deserializer and reader (no borrowing)
    let value: Value = serde_json::from_str(text).unwrap();
    assert_eq!(
        serde_json::from_value::<enums::FormattedText>(value).unwrap(),
        formatted()
    );
    assert_eq!(
        serde_json::from_reader::<_, enums::FormattedText>(text.as_bytes()).unwrap(),
        formatted()
    );
    assert_eq!(
        serde_json::from_reader::<_, enums::FormattedText>(FORMATTED.as_bytes()).unwrap(),
        formatted()
    );
}

#[test]
fn escaped_type_key_and_tag() {
    let text = r#"{"\u0040type":"textEntityType\u0042old"}"#;
    assert_eq!(
        json::from_str::<TextEntityType>(text).unwrap(),
        TextEntityType::Bold
    );
}

#[test]
fn unit_like_constructor_with_extra_fields() {
    let text = r#"{"@type":"textEntityTypeBold","new_field":[1,{"a":null}]}"#;
    assert_eq!(
        json::from_str::<TextEntityType>(text).unwrap(),
        TextEntityType::Bold
    );
    assert_eq!(
        json::to_string(&TextEntityType::Bold).unwrap(),
        r#"{"@type":"textEntityTypeBold"}"#
    );
}

#[test]
fn unknown_fields_are_ignored() {
    let text = concat!(
        r#"{"@type":"formattedText","future":{"@type":"somethingNew","x":[1,2]},"text":"a","#,
        r#""entities":[{"@type":"textEntity","offset":0,"length":1,"extra_number":5,"#,
        r#""type":{"@type":"textEntityTypeTextUrl","url":"u","is_new":true}}],"more":"x"}"#
    );
    let expected = enums::FormattedText::FormattedText(types::FormattedText {
        text: "a".into(),
        entities: vec![entity(
            0,
            1,
            TextEntityType::TextUrl(types::TextEntityTypeTextUrl { url: "u".into() }),
        )],
    });
    assert_eq!(
        json::from_str::<enums::FormattedText>(text).unwrap(),
        expected
    );
    // unknown fields before @type go through the buffer and are ignored too
    let text = r#"{"unknown":{"deep":[[{}]]},"url":"u","@type":"textEntityTypeTextUrl","later":1}"#;
    assert_eq!(
        json::from_str::<TextEntityType>(text).unwrap(),
        TextEntityType::TextUrl(types::TextEntityTypeTextUrl { url: "u".into() })
    );
}

#[test]
fn unknown_type_tag_names_tag_and_type() {
    let text = concat!(
        r#"{"@type":"formattedText","text":"abc","entities":["#,
        r#"{"@type":"textEntity","offset":0,"length":1,"type":{"@type":"textEntityTypeBold"}},"#,
        r#"{"@type":"textEntity","offset":1,"length":1,"type":{"@type":"textEntityTypeBold"}},"#,
        r#"{"@type":"textEntity","offset":2,"length":1,"type":{"@type":"textEntityTypeFoo"}}]}"#
    );
    let err = read_err::<enums::FormattedText>(text);
    assert_eq!(err.path(), "entities[2].type");
    assert_eq!(
        err.message(),
        r#"unknown @type "textEntityTypeFoo" for TextEntityType"#
    );
    assert_eq!(
        err.to_string(),
        r#"entities[2].type: unknown @type "textEntityTypeFoo" for TextEntityType at line 1 column 296"#
    );

    // a tag of another type
    let err = read_err::<TextEntityType>(r#"{"@type":"textEntity","offset":0}"#);
    assert_eq!(err.path(), "");
    assert_eq!(
        err.to_string(),
        r#"unknown @type "textEntity" for TextEntityType at line 1 column 21"#
    );
    // not first: the tag is found after buffering
    let err = read_err::<TextEntityType>(r#"{"url":"u","@type":"textEntityTypeUrl"}"#);
    assert_eq!(
        err.message(),
        r#"unknown @type "textEntityTypeUrl" for TextEntityType"#
    );
}

#[test]
fn missing_or_bad_type_tag() {
    let err = read_err::<TextEntityType>(r#"{"url":"https://x.org/"}"#);
    assert_eq!(err.path(), "");
    assert_eq!(
        err.to_string(),
        "missing @type for TextEntityType at line 1 column 24"
    );
    let err = read_err::<TextEntityType>("{}");
    assert_eq!(err.message(), "missing @type for TextEntityType");

    let err =
        read_err::<enums::TextEntity>(r#"{"@type":"textEntity","offset":0,"length":1,"type":{}}"#);
    assert_eq!(err.path(), "type");
    assert_eq!(err.message(), "missing @type for TextEntityType");

    let err = read_err::<TextEntityType>(r#"{"@type":5}"#);
    assert_eq!(err.path(), "@type");
    assert_eq!(
        err.message(),
        "invalid type: integer `5`, expected a constructor name as the @type of a TextEntityType"
    );
    let err = read_err::<TextEntityType>(r#"{"@type":null}"#);
    assert_eq!(
        err.message(),
        "invalid type: null, expected a constructor name as the @type of a TextEntityType"
    );
}

#[test]
fn not_an_object() {
    let cases: &[(&str, &str)] = &[
        (
            "5",
            "invalid type: integer `5`, expected an object of TL type TextEntityType",
        ),
        (
            r#""textEntityTypeBold""#,
            r#"invalid type: string "textEntityTypeBold", expected an object of TL type TextEntityType"#,
        ),
        (
            "[]",
            "invalid type: sequence, expected an object of TL type TextEntityType",
        ),
        (
            "null",
            "invalid type: null, expected an object of TL type TextEntityType",
        ),
    ];
    for (text, message) in cases {
        let err = read_err::<TextEntityType>(text);
        assert_eq!(err.message(), *message, "{text}");
        assert_eq!(err.path(), "", "{text}");
    }
    let err = read_err::<enums::TextEntity>(
        r#"{"@type":"textEntity","offset":0,"length":1,"type":"bold"}"#,
    );
    assert_eq!(err.path(), "type");
    assert_eq!(
        err.message(),
        r#"invalid type: string "bold", expected an object of TL type TextEntityType"#
    );
}

#[test]
fn missing_field_is_named() {
    let err = read_err::<enums::TextEntity>(
        r#"{"@type":"textEntity","offset":0,"type":{"@type":"textEntityTypeBold"}}"#,
    );
    assert_eq!(err.path(), "");
    assert_eq!(
        err.to_string(),
        "missing field `length` at line 1 column 71"
    );
    let err = read_err::<enums::FormattedText>(
        r#"{"@type":"formattedText","text":"a","entities":[{"@type":"textEntity","offset":0,"length":1}]}"#,
    );
    assert_eq!(err.path(), "entities[0]");
    assert_eq!(err.message(), "missing field `type`");
    // through the buffer
    let err = read_err::<enums::TextEntity>(r#"{"offset":0,"@type":"textEntity","length":1}"#);
    assert_eq!(err.message(), "missing field `type`");
}

#[test]
fn bad_value_before_the_tag_names_its_key() {
    let err = read_err::<enums::TextEntity>(
        r#"{"length":"x","offset":0,"type":{"@type":"textEntityTypeBold"},"@type":"textEntity"}"#,
    );
    assert_eq!(err.path(), "");
    assert_eq!(
        err.message(),
        r#"length: invalid type: string "x", expected i32"#
    );
    let err = read_err::<enums::FormattedText>(concat!(
        r#"{"entities":[{"@type":"textEntity","offset":0,"length":1,"type":{"@type":"textEntityTypeBold"}},"#,
        r#"{"@type":"textEntity","offset":0,"length":1,"type":{"@type":"bad"}}],"@type":"formattedText"}"#
    ));
    assert_eq!(err.path(), "");
    assert_eq!(
        err.message(),
        r#"entities[1].type: unknown @type "bad" for TextEntityType"#
    );
}

#[test]
fn syntax_errors() {
    let err = read_err::<TextEntityType>(r#"{"@type":"textEntityTypeBold""#);
    assert_eq!(err.classify(), serde_json::error::Category::Eof);
    assert_eq!(
        err.to_string(),
        "EOF while parsing an object at line 1 column 29"
    );
    let err = read_err::<TextEntityType>(r#"{"@type":"textEntityTypeBold"} x"#);
    assert_eq!(err.classify(), serde_json::error::Category::Syntax);
    assert_eq!(err.to_string(), "trailing characters at line 1 column 32");
    let err =
        read_err::<enums::FormattedText>(r#"{"@type":"formattedText","text":"a","entities":[}"#);
    // the path of the element that was expected
    assert_eq!(err.path(), "entities[0]");
    assert_eq!(err.message(), "expected value");
}

// ---- envelopes ----

#[test]
fn request_with_each_kind_of_extra() {
    let request = types::GetChats {
        offset_order: 9_223_372_036_854_775_807,
        limit: 10,
        exclude: None,
    };
    let base = r#"{"@type":"getChats","offset_order":"9223372036854775807","limit":10"#;
    let cases: Vec<(Request<'_, types::GetChats>, String)> = vec![
        (Request::new(&request), format!("{base}}}")),
        (
            json::with_extra(&request, 7),
            format!(r#"{base},"@extra":7}}"#),
        ),
        (
            json::with_extra(&request, -1.5),
            format!(r#"{base},"@extra":-1.5}}"#),
        ),
        (
            json::with_extra(&request, "req \"1\""),
            format!(r#"{base},"@extra":"req \"1\""}}"#),
        ),
        (
            json::with_extra(&request, json!({"id": 1, "tags": ["a"]})),
            format!(r#"{base},"@extra":{{"id":1,"tags":["a"]}}}}"#),
        ),
        (
            json::with_extra(&request, json!([1, null])),
            format!(r#"{base},"@extra":[1,null]}}"#),
        ),
        (
            json::with_extra(&request, true),
            format!(r#"{base},"@extra":true}}"#),
        ),
        (
            json::with_extra(&request, Value::Null),
            format!(r#"{base},"@extra":null}}"#),
        ),
    ];
    for (request, text) in cases {
        assert_eq!(json::to_string(&request).unwrap(), text);
        // TDLib's reading back: the request object with its @extra
        let back: Received<types::GetChats> = json::from_str(&text).unwrap();
        assert_eq!(back.extra, request.extra);
        assert_eq!(&back.object, request.object);
    }
    // a boxed type, a function with no fields, a serde_json object
    assert_eq!(
        json::to_string(&json::with_extra(&TextEntityType::Bold, 1)).unwrap(),
        r#"{"@type":"textEntityTypeBold","@extra":1}"#
    );
    assert_eq!(
        json::to_string(&json::with_extra(&types::Ok {}, "x")).unwrap(),
        r#"{"@type":"ok","@extra":"x"}"#
    );
    assert_eq!(
        json::to_string(&json::with_extra(&json!({"@type": "getMe"}), 2)).unwrap(),
        r#"{"@type":"getMe","@extra":2}"#
    );
    assert_eq!(
        json::to_string(&json::with_extra(&Box::new(Some(types::Ok {})), 3)).unwrap(),
        r#"{"@type":"ok","@extra":3}"#
    );
}

#[test]
fn request_of_a_non_object_is_an_error() {
    let cases: Vec<(String, &str)> = vec![
        (
            json::to_string(&json::with_extra(&5, 1))
                .unwrap_err()
                .to_string(),
            "a TDLib request is an object, not a number",
        ),
        (
            json::to_string(&Request::new("getMe"))
                .unwrap_err()
                .to_string(),
            "a TDLib request is an object, not a string",
        ),
        (
            json::to_string(&json::with_extra(&vec![1], 1))
                .unwrap_err()
                .to_string(),
            "a TDLib request is an object, not an array",
        ),
        (
            json::to_string(&json::with_extra(&(), 1))
                .unwrap_err()
                .to_string(),
            "a TDLib request is an object, not null",
        ),
        (
            json::to_string(&json::with_extra(&None::<types::Ok>, 1))
                .unwrap_err()
                .to_string(),
            "a TDLib request is an object, not null",
        ),
    ];
    for (got, expected) in cases {
        assert_eq!(got, expected);
    }
}

#[test]
fn received_takes_extra_and_client_id_anywhere() {
    let expected = TextEntityType::TextUrl(types::TextEntityTypeTextUrl { url: "u".into() });
    let texts = [
        r#"{"@type":"textEntityTypeTextUrl","url":"u","@extra":{"n":[1]},"@client_id":3}"#,
        r#"{"@extra":{"n":[1]},"@client_id":3,"@type":"textEntityTypeTextUrl","url":"u"}"#,
        r#"{"@type":"textEntityTypeTextUrl","@client_id":3,"url":"u","@extra":{"n":[1]}}"#,
        r#"{"@client_id":3,"url":"u","@type":"textEntityTypeTextUrl","@extra":{"n":[1]}}"#,
    ];
    for text in texts {
        let got: Received<TextEntityType> = json::from_str(text).unwrap();
        assert_eq!(got.extra, Some(json!({"n": [1]})), "{text}");
        assert_eq!(got.client_id, Some(3), "{text}");
        assert_eq!(got.object, expected, "{text}");
    }
    // a struct, a Value
    let got: Received<types::TextEntityTypeTextUrl> = json::from_str(texts[3]).unwrap();
    assert_eq!(got.object, types::TextEntityTypeTextUrl { url: "u".into() });
    let got: Received<Value> = json::from_str(texts[2]).unwrap();
    assert_eq!(
        got.object,
        json!({"@type": "textEntityTypeTextUrl", "url": "u"})
    );
    // neither
    let got: Received<TextEntityType> =
        json::from_str(r#"{"@type":"textEntityTypeBold"}"#).unwrap();
    assert_eq!(
        got,
        Received {
            extra: None,
            client_id: None,
            object: TextEntityType::Bold
        }
    );
    // written back: envelope keys last
    let got: Received<TextEntityType> = json::from_str(texts[1]).unwrap();
    assert_eq!(
        json::to_string(&got).unwrap(),
        r#"{"@type":"textEntityTypeTextUrl","url":"u","@extra":{"n":[1]},"@client_id":3}"#
    );
    // from a reader (keys not borrowed) and from a Value
    let got: Received<TextEntityType> = serde_json::from_reader(texts[3].as_bytes()).unwrap();
    assert_eq!((got.client_id, got.object), (Some(3), expected.clone()));
    let got: Received<TextEntityType> =
        serde_json::from_value(serde_json::from_str(texts[0]).unwrap()).unwrap();
    assert_eq!((got.client_id, got.object), (Some(3), expected));
}

#[test]
fn received_errors() {
    let err = read_err::<Received<TextEntityType>>(
        r#"{"@type":"textEntityTypeBold","@extra":1,"@extra":2}"#,
    );
    assert_eq!(err.message(), "duplicate field `@extra`");
    let err = read_err::<Received<TextEntityType>>(
        r#"{"@client_id":1,"@type":"textEntityTypeBold","@client_id":2}"#,
    );
    assert_eq!(err.message(), "duplicate field `@client_id`");
    let err =
        read_err::<Received<TextEntityType>>(r#"{"@type":"textEntityTypeBold","@client_id":"1"}"#);
    assert_eq!(err.path(), "@client_id");
    assert_eq!(err.message(), r#"invalid type: string "1", expected i32"#);
    let err = read_err::<Received<TextEntityType>>(r#"{"@extra":1}"#);
    assert_eq!(err.message(), "missing @type for TextEntityType");
    let err = read_err::<Received<TextEntityType>>("[1]");
    assert_eq!(
        err.message(),
        "invalid type: sequence, expected a TDLib object"
    );
    // paths through the envelope
    let err = read_err::<Received<enums::FormattedText>>(
        r#"{"@extra":1,"@type":"formattedText","text":"a","entities":[{"@type":"textEntity","offset":"0"}]}"#,
    );
    assert_eq!(err.path(), "entities[0].offset");
    assert_eq!(err.message(), r#"invalid type: string "0", expected i32"#);
}

#[test]
fn outcome_error_or_value() {
    type Answer = Received<Outcome<enums::Ok, types::Error>>;
    let got: Answer =
        json::from_str(r#"{"@type":"error","code":400,"message":"Chat not found","@extra":"r1"}"#)
            .unwrap();
    assert_eq!(got.extra, Some(json!("r1")));
    assert_eq!(
        got.object,
        Outcome::Err(types::Error {
            code: 400,
            message: "Chat not found".into()
        })
    );
    assert_eq!(
        got.object.clone().into_result(),
        Err(types::Error {
            code: 400,
            message: "Chat not found".into()
        })
    );
    let got: Answer = json::from_str(r#"{"@extra":"r2","@type":"ok","@client_id":1}"#).unwrap();
    assert_eq!(got.object, Outcome::Ok(enums::Ok::Ok));
    assert_eq!(Result::from(got.object), Ok(enums::Ok::Ok));
    // error not first
    let got: Outcome<TextEntityType, types::Error> =
        json::from_str(r#"{"code":5,"message":"m","@type":"error"}"#).unwrap();
    assert_eq!(
        got,
        Outcome::Err(types::Error {
            code: 5,
            message: "m".into()
        })
    );
    let got: Outcome<TextEntityType, types::Error> =
        json::from_str(r#"{"@type":"textEntityTypeTextUrl","url":"u"}"#).unwrap();
    assert_eq!(
        got,
        Outcome::Ok(TextEntityType::TextUrl(types::TextEntityTypeTextUrl {
            url: "u".into()
        }))
    );
    // written back
    assert_eq!(
        json::to_string(&got).unwrap(),
        r#"{"@type":"textEntityTypeTextUrl","url":"u"}"#
    );
    let err: Outcome<enums::Ok, types::Error> = Outcome::Err(types::Error {
        code: 1,
        message: "x".into(),
    });
    assert_eq!(
        json::to_string(&err).unwrap(),
        r#"{"@type":"error","code":1,"message":"x"}"#
    );
}

#[test]
fn outcome_errors() {
    let err = read_err::<Outcome<enums::Ok, types::Error>>(r#"{"@type":"chat","id":1}"#);
    assert_eq!(err.message(), r#"unknown @type "chat" for Ok"#);
    let err = read_err::<Outcome<enums::Ok, types::Error>>(r#"{"code":1}"#);
    assert_eq!(err.message(), "missing @type for Ok or error");
    let err = read_err::<Outcome<enums::Ok, types::Error>>("1");
    assert_eq!(
        err.message(),
        "invalid type: integer `1`, expected an object of TL type Ok or error"
    );
    let err = read_err::<Outcome<enums::Ok, types::Error>>(r#"{"@type":"error","code":400}"#);
    assert_eq!(err.message(), "missing field `message`");
}

// ---- forms as plain functions, Plain ----

#[test]
fn plain_form_nests() {
    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    #[serde(tag = "@type", rename = "names")]
    struct Names {
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            serialize_with = "::tl_runtime::json::serialize::<::tl_runtime::json::Nullable<::tl_runtime::json::VecOf<::tl_runtime::json::Plain>>, _, _>",
            deserialize_with = "::tl_runtime::json::deserialize::<::tl_runtime::json::Nullable<::tl_runtime::json::VecOf<::tl_runtime::json::Plain>>, _, _>"
        )]
        names: Option<Vec<String>>,
    }
    let value = Names {
        names: Some(vec!["a".into(), "b".into()]),
    };
    let text = r#"{"@type":"names","names":["a","b"]}"#;
    assert_eq!(json::to_string(&value).unwrap(), text);
    assert_eq!(json::from_str::<Names>(text).unwrap(), value);
    assert_eq!(
        json::from_str::<Names>(r#"{"@type":"names"}"#).unwrap(),
        Names { names: None }
    );
}

// ---- depth ----

const DEPTH: usize = 100_000;

fn assert_recursion_limit(err: &json::Error) {
    assert_eq!(err.message(), "recursion limit exceeded", "{err}");
}

#[test]
fn deep_arrays_are_an_error_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH));
    // in a value read as a serde_json::Value: @extra, a field buffered
    // before @type, a Value object
    assert_recursion_limit(&read_err::<Received<TextEntityType>>(&format!(
        r#"{{"@type":"textEntityTypeBold","@extra":{deep}}}"#
    )));
    assert_recursion_limit(&read_err::<Received<Outcome<enums::Ok, types::Error>>>(
        &format!(r#"{{"@extra":{deep},"@type":"ok"}}"#),
    ));
    assert_recursion_limit(&read_err::<TextEntityType>(&format!(
        r#"{{"x":{deep},"@type":"textEntityTypeBold"}}"#
    )));
    assert_recursion_limit(&read_err::<Received<Value>>(&format!(
        r#"{{"@type":"x","y":{deep}}}"#
    )));
    // an unknown field is skipped by serde_json without recursion: no limit
    // to hit, and no stack used
    let got: Received<Outcome<enums::Ok, types::Error>> =
        json::from_str(&format!(r#"{{"@type":"ok","x":{deep},"@extra":1}}"#)).unwrap();
    assert_eq!(
        (got.extra, got.object),
        (Some(json!(1)), Outcome::Ok(enums::Ok::Ok))
    );
    let text =
        sample_with("unknown", "[]").replace(r#""unknown":[]"#, &format!(r#""unknown":{deep}"#));
    let expected = json::from_str::<types::Sample>(&sample_with("unknown", "1")).unwrap();
    assert_eq!(json::from_str::<types::Sample>(&text).unwrap(), expected);
    // a vector of vectors of int64 cannot go deeper than its type
    let text =
        sample_with("matrix", "[]").replace(r#""matrix":[]"#, &format!(r#""matrix":[{deep}]"#));
    let err = read_err::<types::Sample>(&text);
    assert_eq!(err.path(), "matrix[0][0]");
    assert_eq!(
        err.message(),
        "invalid type: sequence, expected an int64 (a string of decimal digits or an integer)"
    );
}

#[test]
fn deep_objects_are_an_error_not_a_stack_overflow() {
    // @type first: each level goes through the fast path
    let first = format!(
        "{}{}{}",
        r#"{"@type":"richTextBold","text":"#.repeat(DEPTH),
        r#"{"@type":"richTextPlain","text":"x"}"#,
        "}".repeat(DEPTH)
    );
    assert_recursion_limit(&read_err::<enums::RichText>(&first));
    assert_recursion_limit(&read_err::<Received<Outcome<enums::RichText, types::Error>>>(&first));
    // @type last: each level is buffered
    let last = format!(
        "{}{}{}",
        r#"{"text":"#.repeat(DEPTH),
        r#"{"@type":"richTextPlain","text":"x"}"#,
        r#","@type":"richTextBold"}"#.repeat(DEPTH)
    );
    assert_recursion_limit(&read_err::<enums::RichText>(&last));
    // arrays of objects
    let mixed = format!(
        "{}{}{}",
        r#"{"@type":"richTexts","texts":["#.repeat(DEPTH),
        r#"{"@type":"richTextPlain","text":"x"}"#,
        "]}".repeat(DEPTH)
    );
    assert_recursion_limit(&read_err::<enums::RichText>(&mixed));
}

#[test]
fn nesting_within_the_limit_reads_and_writes() {
    // 120 levels, below serde_json's 128, each way, in a test thread's
    // stack (2 MiB unless RUST_MIN_STACK says otherwise).
    let depth = 120;
    let mut value = enums::RichText::Plain(types::RichTextPlain { text: "x".into() });
    for _ in 0..depth {
        value = enums::RichText::Bold(Box::new(types::RichTextBold { text: value }));
    }
    let first = format!(
        "{}{}{}",
        r#"{"@type":"richTextBold","text":"#.repeat(depth),
        r#"{"@type":"richTextPlain","text":"x"}"#,
        "}".repeat(depth)
    );
    assert_eq!(json::to_string(&value).unwrap(), first);
    assert_eq!(json::from_str::<enums::RichText>(&first).unwrap(), value);
    let got: Received<Outcome<enums::RichText, types::Error>> = json::from_str(&first).unwrap();
    assert_eq!(got.object, Outcome::Ok(value.clone()));
    let last = format!(
        "{}{}{}",
        r#"{"text":"#.repeat(depth),
        r#"{"@type":"richTextPlain","text":"x"}"#,
        r#","@type":"richTextBold"}"#.repeat(depth)
    );
    assert_eq!(json::from_str::<enums::RichText>(&last).unwrap(), value);
    // an error at the bottom: the path-tracking second pass goes as deep
    let bad = first.replace(r#""richTextPlain""#, r#""richTextNope""#);
    let err = read_err::<enums::RichText>(&bad);
    assert_eq!(err.path(), ["text"; 120].join("."));
    assert_eq!(
        err.message(),
        r#"unknown @type "richTextNope" for RichText"#
    );
}
