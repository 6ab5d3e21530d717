//! What the tests of the real library share: loading it, and comparing what
//! we write back with what TDLib wrote.
//!
//! Each test binary uses a part of it.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::OnceLock;

use serde::Serialize;
use tdlib_json::client::{Client, Reply};
use tdlib_json::ffi::Tdjson;
use tl_runtime::json;

/// The library, loaded and quietened once per test binary. Missing, it is a
/// failure (with the way to get it), never a skip.
pub fn td() -> &'static Tdjson {
    static TD: OnceLock<Tdjson> = OnceLock::new();
    TD.get_or_init(|| {
        let path = Tdjson::locate().unwrap_or_else(|message| panic!("{message}"));
        let td = Tdjson::load(&path).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(td.quiet().as_deref(), Some(r#"{"@type":"ok"}"#));
        td
    })
}

/// A typed client over [`td`].
pub fn client() -> Client<'static> {
    Client::new(td())
}

/// A fresh directory under the system's temporary directory, removed when
/// dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let path =
            std::env::temp_dir().join(format!("tdlib-json-{name}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&path)
            .unwrap_or_else(|error| panic!("cannot create {}: {error}", path.display()));
        TempDir(path)
    }

    pub fn path(&self) -> &std::path::Path {
        &self.0
    }

    /// `name` inside the directory, as a string for a TDLib request.
    pub fn file(&self, name: &str) -> String {
        self.0.join(name).to_string_lossy().into_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The `@type` of every object in the JSON `text`, nested ones included
/// (not those inside an `@extra`, which is the caller's).
pub fn collect_types(text: &str, out: &mut BTreeSet<String>) {
    fn walk(value: &Json, out: &mut BTreeSet<String>) {
        match value {
            Json::Object(members) => {
                for (key, item) in members {
                    match (key.as_str(), item) {
                        ("@type", Json::String(tag)) => {
                            out.insert(tag.clone());
                        }
                        ("@extra", _) => {}
                        _ => walk(item, out),
                    }
                }
            }
            Json::Array(items) => items.iter().for_each(|item| walk(item, out)),
            _ => {}
        }
    }
    match Json::parse(text) {
        Ok(value) => walk(&value, out),
        Err(error) => panic!("not JSON ({error}): {text}"),
    }
}

/// The largest difference allowed between a double TDLib wrote and ours:
/// TDLib prints doubles like C's `%f`, rounded to 6 decimals.
const DOUBLE_TOLERANCE: f64 = 0.5e-6;

/// The differences between the JSON TDLib wrote (`tdlib`) and the JSON we
/// wrote for the value read from it (`ours`), each with its path: none when
/// they are the same JSON value, key order aside, doubles compared within
/// TDLib's `%f` rounding.
///
/// Both texts are read by [`Json::parse`], not by serde_json: the
/// comparison must not share a parser with the code under test. Numbers
/// keep their text; a double is read with Rust's correctly rounded
/// `str::parse::<f64>`.
pub fn differences(tdlib: &str, ours: &str) -> Vec<String> {
    let tdlib_value = match Json::parse(tdlib) {
        Ok(value) => value,
        Err(error) => return vec![format!("TDLib's text is not JSON ({error}): {tdlib}")],
    };
    let our_value = match Json::parse(ours) {
        Ok(value) => value,
        Err(error) => return vec![format!("our text is not JSON ({error}): {ours}")],
    };
    let mut found = Vec::new();
    compare("", &tdlib_value, &our_value, &mut found);
    found
}

/// Writes `reply.value` back with `json::to_string` and returns the
/// differences from TDLib's text (see [`differences`]), each prefixed with
/// `what` and followed by both texts.
pub fn write_back_differences<T: Serialize>(what: &str, reply: &Reply<T>) -> Vec<String> {
    let ours = match json::to_string(&reply.value) {
        Ok(text) => text,
        Err(error) => return vec![format!("{what}: cannot write the value back: {error}")],
    };
    differences(&reply.text, &ours)
        .into_iter()
        .map(|difference| {
            format!(
                "{what}: {difference}\n    TDLib: {}\n    ours:  {}",
                reply.text, ours
            )
        })
        .collect()
}

/// Whether `ours` has the keys of every object in the same order as
/// `tdlib` (informational: the comparison ignores key order).
pub fn same_key_order(tdlib: &str, ours: &str) -> bool {
    fn walk(a: &Json, b: &Json) -> bool {
        match (a, b) {
            (Json::Object(x), Json::Object(y)) => {
                x.len() == y.len()
                    && x.iter()
                        .zip(y)
                        .all(|((k1, v1), (k2, v2))| k1 == k2 && walk(v1, v2))
            }
            (Json::Array(x), Json::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(v1, v2)| walk(v1, v2))
            }
            _ => true,
        }
    }
    match (Json::parse(tdlib), Json::parse(ours)) {
        (Ok(a), Ok(b)) => walk(&a, &b),
        _ => false,
    }
}

/// [`same_key_order`] for a reply and what we write back for it.
pub fn writes_back_in_order<T: Serialize>(reply: &Reply<T>) -> bool {
    json::to_string(&reply.value).is_ok_and(|ours| same_key_order(&reply.text, &ours))
}

/// A JSON value as written: numbers keep their text, objects their key
/// order (and duplicates).
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// Reads one JSON value (RFC 8259), whitespace around it allowed.
    pub fn parse(text: &str) -> Result<Json, String> {
        let mut parser = Parser {
            bytes: text.as_bytes(),
            at: 0,
        };
        let value = parser.value(0)?;
        parser.skip_whitespace();
        if parser.at != parser.bytes.len() {
            return Err(format!("trailing characters at byte {}", parser.at));
        }
        Ok(value)
    }

    /// Compact JSON text (strings escaped the serde_json way), for messages.
    fn show(&self) -> String {
        match self {
            Json::Null => "null".into(),
            Json::Bool(b) => b.to_string(),
            Json::Number(n) => n.clone(),
            Json::String(s) => serde_json::Value::String(s.clone()).to_string(),
            Json::Array(items) => {
                let items: Vec<String> = items.iter().map(Json::show).collect();
                format!("[{}]", items.join(","))
            }
            Json::Object(members) => {
                let members: Vec<String> = members
                    .iter()
                    .map(|(k, v)| format!("{}:{}", serde_json::Value::String(k.clone()), v.show()))
                    .collect();
                format!("{{{}}}", members.join(","))
            }
        }
    }
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn error<T>(&self, what: &str) -> Result<T, String> {
        Err(format!("{what} at byte {}", self.at))
    }

    fn eat(&mut self, literal: &str) -> bool {
        if self.bytes[self.at..].starts_with(literal.as_bytes()) {
            self.at += literal.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, String> {
        if depth > 512 {
            return self.error("nested too deep");
        }
        self.skip_whitespace();
        match self.bytes.get(self.at) {
            None => self.error("unexpected end"),
            Some(b'n') if self.eat("null") => Ok(Json::Null),
            Some(b't') if self.eat("true") => Ok(Json::Bool(true)),
            Some(b'f') if self.eat("false") => Ok(Json::Bool(false)),
            Some(b'"') => self.string().map(Json::String),
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                self.skip_whitespace();
                if self.eat("]") {
                    return Ok(Json::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.skip_whitespace();
                    if self.eat("]") {
                        return Ok(Json::Array(items));
                    }
                    if !self.eat(",") {
                        return self.error("expected , or ]");
                    }
                }
            }
            Some(b'{') => {
                self.at += 1;
                let mut members = Vec::new();
                self.skip_whitespace();
                if self.eat("}") {
                    return Ok(Json::Object(members));
                }
                loop {
                    self.skip_whitespace();
                    if self.bytes.get(self.at) != Some(&b'"') {
                        return self.error("expected a key");
                    }
                    let key = self.string()?;
                    self.skip_whitespace();
                    if !self.eat(":") {
                        return self.error("expected :");
                    }
                    members.push((key, self.value(depth + 1)?));
                    self.skip_whitespace();
                    if self.eat("}") {
                        return Ok(Json::Object(members));
                    }
                    if !self.eat(",") {
                        return self.error("expected , or }");
                    }
                }
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => self.error("unexpected character"),
        }
    }

    fn number(&mut self) -> Result<Json, String> {
        let start = self.at;
        self.eat("-");
        let digits = |p: &mut Self| {
            let from = p.at;
            while let Some(b'0'..=b'9') = p.bytes.get(p.at) {
                p.at += 1;
            }
            p.at - from
        };
        let int_start = self.at;
        let int_digits = digits(self);
        if int_digits == 0 || (int_digits > 1 && self.bytes[int_start] == b'0') {
            return self.error("bad number");
        }
        if self.eat(".") && digits(self) == 0 {
            return self.error("bad fraction");
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            self.at += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            if digits(self) == 0 {
                return self.error("bad exponent");
            }
        }
        // ASCII only, so the slice is a str.
        let text = String::from_utf8_lossy(&self.bytes[start..self.at]).into_owned();
        Ok(Json::Number(text))
    }

    fn hex4(&mut self) -> Result<u16, String> {
        let Some(hex) = self.bytes.get(self.at..self.at + 4) else {
            return self.error("short \\u escape");
        };
        let hex = std::str::from_utf8(hex).map_err(|e| e.to_string())?;
        let unit = u16::from_str_radix(hex, 16).map_err(|e| format!("{e} in \\u{hex}"))?;
        self.at += 4;
        Ok(unit)
    }

    fn string(&mut self) -> Result<String, String> {
        self.at += 1; // "
        let mut out = String::new();
        loop {
            let Some(&byte) = self.bytes.get(self.at) else {
                return self.error("unterminated string");
            };
            match byte {
                b'"' => {
                    self.at += 1;
                    return Ok(out);
                }
                b'\\' => {
                    self.at += 1;
                    let Some(&escape) = self.bytes.get(self.at) else {
                        return self.error("unterminated escape");
                    };
                    self.at += 1;
                    match escape {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let mut units = vec![self.hex4()?];
                            if (0xd800..0xdc00).contains(&units[0]) && self.eat("\\u") {
                                units.push(self.hex4()?);
                            }
                            for c in char::decode_utf16(units) {
                                match c {
                                    Ok(c) => out.push(c),
                                    Err(_) => return self.error("lone surrogate"),
                                }
                            }
                        }
                        _ => return self.error("unknown escape"),
                    }
                }
                0..=0x1f => return self.error("raw control character in a string"),
                _ => {
                    // Copy one UTF-8 character.
                    let rest = &self.bytes[self.at..];
                    let len = match byte {
                        0x00..=0x7f => 1,
                        0xc0..=0xdf => 2,
                        0xe0..=0xef => 3,
                        _ => 4,
                    };
                    let Some(Ok(c)) = rest.get(..len).map(std::str::from_utf8) else {
                        return self.error("invalid UTF-8");
                    };
                    out.push_str(c);
                    self.at += len;
                }
            }
        }
    }
}

fn is_integer(number: &str) -> bool {
    !number.contains(['.', 'e', 'E'])
}

fn compare(path: &str, tdlib: &Json, ours: &Json, found: &mut Vec<String>) {
    match (tdlib, ours) {
        (Json::Object(a), Json::Object(b)) => {
            for (index, (key, _)) in a.iter().enumerate() {
                if a[..index].iter().any(|(k, _)| k == key) {
                    found.push(format!(
                        "{}: TDLib wrote the key twice",
                        join_key(path, key)
                    ));
                }
            }
            for (index, (key, _)) in b.iter().enumerate() {
                if b[..index].iter().any(|(k, _)| k == key) {
                    found.push(format!("{}: we wrote the key twice", join_key(path, key)));
                }
            }
            for (index, (key, value)) in a.iter().enumerate() {
                if a[..index].iter().any(|(k, _)| k == key) {
                    continue;
                }
                let inner = join_key(path, key);
                match b.iter().find(|(k, _)| k == key) {
                    Some((_, other)) => compare(&inner, value, other, found),
                    None => found.push(format!(
                        "{inner}: TDLib wrote {}, we wrote nothing",
                        short(value)
                    )),
                }
            }
            for (index, (key, value)) in b.iter().enumerate() {
                if !b[..index].iter().any(|(k, _)| k == key) && !a.iter().any(|(k, _)| k == key) {
                    found.push(format!(
                        "{}: we wrote {}, TDLib wrote nothing",
                        join_key(path, key),
                        short(value)
                    ));
                }
            }
        }
        (Json::Array(a), Json::Array(b)) => {
            if a.len() != b.len() {
                found.push(format!(
                    "{}: TDLib wrote {} elements, we wrote {}",
                    at(path),
                    a.len(),
                    b.len()
                ));
            }
            for (index, (x, y)) in a.iter().zip(b).enumerate() {
                compare(&format!("{path}[{index}]"), x, y, found);
            }
        }
        (Json::Number(a), Json::Number(b)) => {
            let same = match (is_integer(a), is_integer(b)) {
                // Integers: the same digits (serde_json and TDLib both write
                // them without leading zeros or a plus sign).
                (true, true) => a == b,
                // Doubles: TDLib always writes a fraction, serde_json a
                // fraction or an exponent.
                (false, false) => match (a.parse::<f64>(), b.parse::<f64>()) {
                    (Ok(x), Ok(y)) => x == y || (x - y).abs() <= DOUBLE_TOLERANCE,
                    _ => false,
                },
                _ => false,
            };
            if !same {
                found.push(format!("{}: TDLib wrote {a}, we wrote {b}", at(path)));
            }
        }
        _ => {
            if tdlib != ours {
                found.push(format!(
                    "{}: TDLib wrote {}, we wrote {}",
                    at(path),
                    short(tdlib),
                    short(ours)
                ));
            }
        }
    }
}

fn join_key(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// The path for a message: `(top level)` for the value itself.
fn at(path: &str) -> &str {
    if path.is_empty() { "(top level)" } else { path }
}

/// A value in a message, cut to a readable length.
fn short(value: &Json) -> String {
    let text = value.show();
    if text.chars().count() <= 120 {
        return text;
    }
    let mut cut: String = text.chars().take(117).collect();
    cut.push_str("...");
    cut
}
