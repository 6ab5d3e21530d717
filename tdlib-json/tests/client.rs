//! A TDLib client (`td_create_client_id`, `td_send`, `td_receive`) that
//! never gets past authorization and needs no network: the test methods that
//! echo every wire kind and a few local queries, each sent with an `@extra`
//! built from the generated `td_api::functions` structs; every update and
//! answer read into `Received<AnyObject>` (and each answer again as its
//! request's typed answer), written back with `json::to_string` and compared
//! with TDLib's JSON; then `close`, waiting for `authorizationStateClosed`.
//!
//! Needs the library (`bash scripts/fetch-tdjson.sh`, or `TDJSON_LIB`):
//! without it the test fails, never skips. `td_receive` is global to the
//! process, so this binary has a single test.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Debug;
use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::{Value, json};
use tdlib_json::client::{Answer, Client, Reply, offline_parameters, read_answer};
use tdlib_json::td_api::{AnyObject, enums, functions, types};
use tl_runtime::json::{Outcome, Received, TaggedUnion, with_extra};
use tl_runtime::{Identifiable, RemoteCall};

use common::{TempDir, client, collect_types, write_back_differences, writes_back_in_order};

/// The whole test, start to close, must end within this.
const OVERALL: Duration = Duration::from_secs(30);

/// Everything received from one client.
struct Session {
    client: Client<'static>,
    id: i32,
    deadline: Instant,
    /// Updates (messages without `@extra`) received, by `@type`.
    updates: BTreeMap<&'static str, usize>,
    /// Answers not yet checked, by their `@extra` as JSON text.
    answers: BTreeMap<String, Reply<Received<AnyObject>>>,
    /// Answers received in all.
    answer_count: usize,
    /// Every `@type` read, nested objects included.
    types: BTreeSet<String>,
    /// The `@type` of every top-level object read.
    top_level: BTreeSet<&'static str>,
    /// Every authorization state announced, in order.
    states: Vec<String>,
    /// Differences between TDLib's JSON and ours.
    differences: Vec<String>,
    /// Messages we write back with the keys in TDLib's order.
    in_order: usize,
}

impl Session {
    fn send<F>(&self, request: &F, extra: Value)
    where
        F: RemoteCall + Serialize,
    {
        self.client
            .send(self.id, &with_extra(request, extra))
            .unwrap_or_else(|error| panic!("td_send: {error}"));
    }

    /// Receives until `done` says so, failing at the deadline.
    fn receive_until(&mut self, what: &str, mut done: impl FnMut(&Session) -> bool) {
        while !done(self) {
            let left = self.deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "waited {OVERALL:?} in all, still waiting for {what}; answers not checked: {:?}",
                self.answers.keys().collect::<Vec<_>>()
            );
            let reply = match self.client.receive(left.as_secs_f64().min(1.0)) {
                Ok(Some(reply)) => reply,
                Ok(None) => continue,
                Err(error) => panic!("td_receive: {error}"),
            };
            self.record(reply);
        }
    }

    fn record(&mut self, reply: Reply<Received<AnyObject>>) {
        assert_eq!(reply.value.client_id, Some(self.id), "{}", reply.text);
        let tl_name = reply.value.object.tl_name();
        self.top_level.insert(tl_name);
        collect_types(&reply.text, &mut self.types);
        self.differences
            .extend(write_back_differences(tl_name, &reply));
        self.in_order += usize::from(writes_back_in_order(&reply));
        match &reply.value.extra {
            // Every request carries an @extra: what comes without one is an update.
            None => {
                assert!(tl_name.starts_with("update"), "{}", reply.text);
                *self.updates.entry(tl_name).or_default() += 1;
                if let AnyObject::UpdateAuthorizationState(update) = &reply.value.object {
                    self.states.push(tl_name_of(&update.authorization_state));
                }
            }
            Some(extra) => {
                self.answer_count += 1;
                let key = extra.to_string();
                assert!(
                    !self.answers.contains_key(&key),
                    "two answers with @extra {key}"
                );
                self.answers.insert(key, reply);
            }
        }
    }

    /// The answer sent with `extra`, read as the answer to an `F` (the
    /// object or TDLib's error); checks that it is the same value as the
    /// `AnyObject` read of it.
    fn answer<F>(&mut self, extra: &Value) -> Answer<F>
    where
        F: RemoteCall,
        F::Return: TaggedUnion + Serialize + Debug,
    {
        let key = extra.to_string();
        let reply = self
            .answers
            .remove(&key)
            .unwrap_or_else(|| panic!("no answer with @extra {key}"));
        let typed = read_answer::<F>(&reply.text).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(typed.extra.as_ref(), Some(extra), "{}", reply.text);
        assert_eq!(typed.client_id, Some(self.id), "{}", reply.text);
        // Both readings write the same JSON.
        assert_eq!(
            tl_runtime::json::to_string(&typed.object).unwrap(),
            tl_runtime::json::to_string(&reply.value.object).unwrap(),
        );
        typed.object
    }
}

/// A test that fails half-way still closes its client: a process that exits
/// with TDLib running can crash on the way out, which would hide the
/// failure's message.
impl Drop for Session {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            return;
        }
        let close = with_extra(&functions::Close {}, json!("close after a failure"));
        if self.client.send(self.id, &close).is_err() {
            return;
        }
        let until = Instant::now() + Duration::from_secs(5);
        while Instant::now() < until {
            if let Ok(Some(reply)) = self.client.receive(0.5)
                && let AnyObject::UpdateAuthorizationState(update) = &reply.value.object
                && update.authorization_state == enums::AuthorizationState::Closed
            {
                return;
            }
        }
    }
}

/// The `@type` a value is written with.
fn tl_name_of<T: Serialize>(value: &T) -> String {
    let text = tl_runtime::json::to_string(value).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    value["@type"].as_str().unwrap_or_default().to_owned()
}

/// One request and the check of its answer.
trait Case {
    fn name(&self) -> &'static str;
    fn send(&self, session: &Session, extra: Value);
    fn check(&self, session: &mut Session, extra: &Value);
}

struct Check<F, C> {
    request: F,
    check: C,
}

impl<F, C> Case for Check<F, C>
where
    F: RemoteCall + Identifiable + Serialize,
    F::Return: TaggedUnion + Serialize + Debug,
    C: Fn(Answer<F>),
{
    fn name(&self) -> &'static str {
        F::TL_NAME
    }

    fn send(&self, session: &Session, extra: Value) {
        session.send(&self.request, extra);
    }

    fn check(&self, session: &mut Session, extra: &Value) {
        (self.check)(session.answer::<F>(extra));
    }
}

fn case<F, C>(request: F, check: C) -> Box<dyn Case>
where
    F: RemoteCall + Identifiable + Serialize + 'static,
    F::Return: TaggedUnion + Serialize + Debug,
    C: Fn(Answer<F>) + 'static,
{
    Box::new(Check { request, check })
}

/// `request`, whose answer must be `expected`.
fn echo<F>(request: F, expected: F::Return) -> Box<dyn Case>
where
    F: RemoteCall + Identifiable + Serialize + 'static,
    F::Return: TaggedUnion + Serialize + Debug + PartialEq + 'static,
{
    case(request, move |answer: Answer<F>| {
        assert_eq!(ok(answer), expected, "{}", F::TL_NAME)
    })
}

fn ok<T: Debug, E: Debug>(outcome: Outcome<T, E>) -> T {
    match outcome {
        Outcome::Ok(value) => value,
        Outcome::Err(error) => panic!("TDLib error {error:?}"),
    }
}

/// Extras of several JSON kinds; each answer is matched by its extra.
fn extra(name: &str, index: usize) -> Value {
    match index % 4 {
        0 => json!(format!("{name}#{index}")),
        1 => json!({"request": name, "index": index, "tags": ["a", 1.5, null, true]}),
        2 => json!([name, index, -0.25]),
        _ => json!(format!("{name} \u{e9}\u{1F600} \"{index}\"")),
    }
}

/// Strings to echo: empty, ASCII, quotes and escapes, controls, non-ASCII
/// of every UTF-8 length, a long one.
fn strings() -> Vec<String> {
    vec![
        String::new(),
        "plain ASCII".into(),
        "quotes \" and \\ backslash / slash".into(),
        "controls \u{0} \u{1} \t \n \r \u{1f} \u{7f}".into(),
        "caf\u{e9} \u{3b1}\u{3b2} \u{65e5}\u{672c}\u{8a9e} \u{1F600}\u{1F1E9}\u{1F1EA} \u{2028}\u{2029} \u{feff} \u{ffff}".into(),
        "\u{10FFFF}".into(),
        "long ".repeat(2000),
    ]
}

fn test_int(value: i32) -> types::TestInt {
    types::TestInt { value }
}

fn test_string(value: &str) -> types::TestString {
    types::TestString {
        value: value.into(),
    }
}

/// Every request, with the check of its answer.
fn cases() -> Vec<Box<dyn Case>> {
    let mut cases = vec![echo(functions::TestCallEmpty {}, enums::Ok::Ok)];

    for x in [0, 1, -1, 7, -7, 46340, -46340] {
        cases.push(echo(
            functions::TestSquareInt { x },
            enums::TestInt::TestInt(test_int(x * x)),
        ));
    }

    for x in strings() {
        cases.push(echo(
            functions::TestCallString { x: x.clone() },
            enums::TestString::TestString(test_string(&x)),
        ));
    }

    let every_byte: Vec<u8> = (0..=255).collect();
    let byte_values: [Vec<u8>; 6] = [
        vec![],
        vec![0],
        vec![0xff, 0xfe],
        b"hello".to_vec(),
        every_byte.clone(),
        every_byte
            .iter()
            .rev()
            .copied()
            .cycle()
            .take(1000)
            .collect(),
    ];
    for x in byte_values {
        cases.push(echo(
            functions::TestCallBytes { x: x.clone() },
            enums::TestBytes::TestBytes(types::TestBytes { value: x }),
        ));
    }

    let int_vectors: [Vec<i32>; 4] = [
        vec![],
        vec![0],
        vec![i32::MIN, -1, 0, 1, i32::MAX],
        (-500..500).collect(),
    ];
    for x in int_vectors {
        cases.push(echo(
            functions::TestCallVectorInt { x: x.clone() },
            enums::TestVectorInt::TestVectorInt(types::TestVectorInt { value: x.clone() }),
        ));
        let objects: Vec<types::TestInt> = x.into_iter().map(test_int).collect();
        cases.push(echo(
            functions::TestCallVectorIntObject { x: objects.clone() },
            enums::TestVectorIntObject::TestVectorIntObject(Box::new(types::TestVectorIntObject {
                value: objects,
            })),
        ));
    }

    let string_vectors: [Vec<String>; 3] = [vec![], vec![String::new()], strings()];
    for x in string_vectors {
        cases.push(echo(
            functions::TestCallVectorString { x: x.clone() },
            enums::TestVectorString::TestVectorString(types::TestVectorString { value: x.clone() }),
        ));
        let objects: Vec<types::TestString> = x.iter().map(|s| test_string(s)).collect();
        cases.push(echo(
            functions::TestCallVectorStringObject { x: objects.clone() },
            enums::TestVectorStringObject::TestVectorStringObject(Box::new(
                types::TestVectorStringObject { value: objects },
            )),
        ));
    }

    // testReturnError's answer is an `error`, always Outcome::Err.
    for (code, message) in [
        (418, "teapot"),
        (0, ""),
        (i32::MIN, "caf\u{e9} \u{1F600} \"q\" \\"),
        (i32::MAX, "max"),
    ] {
        let error = types::Error {
            code,
            message: message.into(),
        };
        cases.push(case(
            functions::TestReturnError {
                error: error.clone(),
            },
            move |answer| assert_eq!(answer, Outcome::Err(error.clone())),
        ));
    }

    // Local queries.
    cases.push(case(functions::GetCountries {}, |answer| {
        let enums::Countries::Countries(countries) = ok(answer);
        let countries = countries.countries;
        assert_eq!(countries.len(), 235);
        assert_eq!(
            countries[0],
            types::CountryInfo {
                country_code: "AD".into(),
                name: "Andorra".into(),
                english_name: "Andorra".into(),
                flag_emoji: "\u{1F1E6}\u{1F1E9}".into(),
                is_hidden: false,
                calling_codes: vec!["376".into()],
            }
        );
        let germany = countries.iter().find(|c| c.country_code == "DE");
        assert_eq!(
            germany,
            Some(&types::CountryInfo {
                country_code: "DE".into(),
                name: "Germany".into(),
                english_name: "Germany".into(),
                flag_emoji: "\u{1F1E9}\u{1F1EA}".into(),
                is_hidden: false,
                calling_codes: vec!["49".into()],
            })
        );
    }));
    cases.push(case(functions::GetCurrentState {}, |answer| {
        let enums::Updates::Updates(updates) = ok(answer);
        let updates = updates.updates;
        assert!(
            updates.contains(&enums::Update::Option(Box::new(types::UpdateOption {
                name: "version".into(),
                value: enums::OptionValue::String(types::OptionValueString {
                    value: "1.8.66".into()
                }),
            })))
        );
        assert!(
            updates.contains(&enums::Update::AuthorizationState(Box::new(
                types::UpdateAuthorizationState {
                    authorization_state: enums::AuthorizationState::WaitPhoneNumber,
                }
            )))
        );
        assert!(updates.contains(&enums::Update::ConnectionState(Box::new(
            types::UpdateConnectionState {
                state: enums::ConnectionState::Connecting,
            }
        ))));
    }));
    let option = |name: &str| functions::GetOption { name: name.into() };
    cases.push(echo(
        option("version"),
        enums::OptionValue::String(types::OptionValueString {
            value: "1.8.66".into(),
        }),
    ));
    cases.push(echo(option("my_id"), enums::OptionValue::Empty));
    cases.push(echo(
        option("message_text_length_max"),
        enums::OptionValue::Integer(types::OptionValueInteger { value: 4096 }),
    ));
    cases.push(echo(
        option("can_set_new_chat_privacy_settings"),
        enums::OptionValue::Boolean(types::OptionValueBoolean { value: true }),
    ));
    cases.push(echo(
        functions::GetProxies {},
        enums::AddedProxies::AddedProxies(Box::new(types::AddedProxies { proxies: vec![] })),
    ));
    cases
}

/// Offline requests that change local state (network statistics, a proxy)
/// or read richer local objects (internal links, storage statistics).
fn local_state() -> Vec<Box<dyn Case>> {
    use enums::NetworkStatisticsEntry as Entry;
    use enums::NetworkType as Network;
    let call =
        |network_type, sent_bytes, received_bytes, duration| functions::AddNetworkStatistics {
            entry: Entry::Call(Box::new(types::NetworkStatisticsEntryCall {
                network_type,
                sent_bytes,
                received_bytes,
                duration,
            })),
        };
    let file =
        |file_type, network_type, sent_bytes, received_bytes| functions::AddNetworkStatistics {
            entry: Entry::File(Box::new(types::NetworkStatisticsEntryFile {
                file_type,
                network_type,
                sent_bytes,
                received_bytes,
            })),
        };
    let mut cases = vec![
        echo(call(Network::WiFi, 10, 20, 1.5), enums::Ok::Ok),
        // Shorter than TDLib's 6 decimals: read back as 0.
        echo(call(Network::Mobile, 1, 2, 1e-7), enums::Ok::Ok),
        echo(call(Network::Other, 3, 4, 123.456789123), enums::Ok::Ok),
        echo(
            file(Some(enums::FileType::Photo), Network::WiFi, 100, 200),
            enums::Ok::Ok,
        ),
        // A null file type: TDLib stores fileTypeNone.
        echo(file(None, Network::Mobile, 5, 6), enums::Ok::Ok),
        echo(
            functions::AddProxy {
                proxy: socks5_proxy(),
                enable: false,
                comment: "tdlib-json \u{e9}".into(),
            },
            enums::AddedProxy::AddedProxy(Box::new(added_proxy())),
        ),
        echo(
            functions::GetAuthorizationState {},
            enums::AuthorizationState::WaitPhoneNumber,
        ),
        echo(
            functions::GetStorageStatisticsFast {},
            enums::StorageStatisticsFast::StorageStatisticsFast(Box::new(
                types::StorageStatisticsFast {
                    files_size: 0,
                    file_count: 0,
                    database_size: 12288,
                    language_pack_database_size: 0,
                    log_size: 0,
                },
            )),
        ),
        case(
            functions::GetLocalizationTargetInfo { only_local: true },
            |answer| {
                assert_eq!(
                    answer,
                    Outcome::Err(types::Error {
                        code: 400,
                        message: "Option \"localization_target\" needs to be set first".into(),
                    })
                )
            },
        ),
        echo(
            functions::GetPhoneNumberInfo {
                phone_number_prefix: "4915112345678".into(),
            },
            enums::PhoneNumberInfo::PhoneNumberInfo(Box::new(types::PhoneNumberInfo {
                country: Some(types::CountryInfo {
                    country_code: "DE".into(),
                    name: "Germany".into(),
                    english_name: "Germany".into(),
                    flag_emoji: "\u{1F1E9}\u{1F1EA}".into(),
                    is_hidden: false,
                    calling_codes: vec!["49".into()],
                }),
                country_calling_code: "49".into(),
                formatted_phone_number: "15112345678".into(),
                is_anonymous: false,
            })),
        ),
        // A synchronous method through td_send: doubles in an answer.
        echo(
            functions::GetJsonValue {
                json: "[1.5, 1e-7, -0.0, 1e300, 0.30000000000000004]".into(),
            },
            enums::JsonValue::Array(Box::new(types::JsonValueArray {
                values: [1.5, 0.0, -0.0, 1e300, 0.3]
                    .into_iter()
                    .map(|value| enums::JsonValue::Number(types::JsonValueNumber { value }))
                    .collect(),
            })),
        ),
    ];

    use enums::InternalLinkType as Link;
    let links: Vec<(&str, Link)> = vec![
        (
            "https://t.me/username",
            Link::PublicChat(Box::new(types::InternalLinkTypePublicChat {
                chat_username: "username".into(),
                draft_text: String::new(),
                open_profile: false,
            })),
        ),
        (
            "tg://resolve?domain=some_bot&start=hello",
            Link::BotStart(Box::new(types::InternalLinkTypeBotStart {
                bot_username: "some_bot".into(),
                start_parameter: "hello".into(),
                autostart: false,
            })),
        ),
        (
            "https://t.me/addstickers/SomeSet",
            Link::StickerSet(Box::new(types::InternalLinkTypeStickerSet {
                sticker_set_name: "SomeSet".into(),
                expect_custom_emoji: false,
            })),
        ),
        (
            "https://t.me/proxy?server=1.2.3.4&port=443&secret=dd00112233445566778899aabbccddeeff",
            Link::Proxy(Box::new(types::InternalLinkTypeProxy {
                proxy: Some(types::Proxy {
                    server: "1.2.3.4".into(),
                    port: 443,
                    r#type: enums::ProxyType::Mtproto(types::ProxyTypeMtproto {
                        secret: "dd00112233445566778899aabbccddeeff".into(),
                    }),
                }),
            })),
        ),
        (
            "https://t.me/c/1234567890/55",
            Link::Message(types::InternalLinkTypeMessage {
                url: "tg://privatepost?channel=1234567890&post=55".into(),
            }),
        ),
        (
            "https://t.me/share/url?url=https://example.com&text=hi",
            Link::MessageDraft(Box::new(types::InternalLinkTypeMessageDraft {
                text: types::FormattedText {
                    text: "https://example.com\nhi".into(),
                    entities: vec![types::TextEntity {
                        offset: 0,
                        length: 19,
                        r#type: enums::TextEntityType::Url,
                    }],
                },
                contains_link: true,
            })),
        ),
        (
            "https://t.me/+15551234567",
            Link::UserPhoneNumber(Box::new(types::InternalLinkTypeUserPhoneNumber {
                phone_number: "+15551234567".into(),
                draft_text: String::new(),
                open_profile: false,
            })),
        ),
        (
            "https://t.me/joinchat/AAAAAEabcdef",
            Link::ChatInvite(types::InternalLinkTypeChatInvite {
                invite_link: "tg:join?invite=AAAAAEabcdef".into(),
            }),
        ),
        // A nullable field left out by TDLib.
        (
            "tg://settings",
            Link::Settings(Box::new(types::InternalLinkTypeSettings { section: None })),
        ),
        (
            "https://t.me/username?voicechat=abc",
            Link::VideoChat(Box::new(types::InternalLinkTypeVideoChat {
                chat_username: "username".into(),
                invite_hash: "abc".into(),
                is_live_stream: false,
            })),
        ),
        (
            "https://t.me/login/12345",
            Link::AuthenticationCode(types::InternalLinkTypeAuthenticationCode {
                code: "12345".into(),
            }),
        ),
        (
            "https://t.me/nft/SomeGift-123",
            Link::UpgradedGift(types::InternalLinkTypeUpgradedGift {
                name: "SomeGift-123".into(),
            }),
        ),
    ];
    for (link, expected) in links {
        cases.push(echo(
            functions::GetInternalLinkType { link: link.into() },
            expected,
        ));
    }
    cases.push(case(
        functions::GetInternalLinkType {
            link: "https://example.com/not/internal".into(),
        },
        |answer| {
            assert_eq!(
                answer,
                Outcome::Err(types::Error {
                    code: 404,
                    message: "Not Found".into(),
                })
            )
        },
    ));
    cases
}

fn socks5_proxy() -> types::Proxy {
    types::Proxy {
        server: "127.0.0.1".into(),
        port: 1080,
        r#type: enums::ProxyType::Socks5(Box::new(types::ProxyTypeSocks5 {
            username: "user".into(),
            password: "p\u{e9}ss".into(),
        })),
    }
}

/// What addProxy answers for [`socks5_proxy`] in a fresh database.
fn added_proxy() -> types::AddedProxy {
    types::AddedProxy {
        id: 2,
        last_used_date: 0,
        is_enabled: false,
        comment: "tdlib-json \u{e9}".into(),
        proxy: socks5_proxy(),
    }
}

/// Requests that read what [`local_state`] changed.
fn after_local_state() -> Vec<Box<dyn Case>> {
    use enums::NetworkStatisticsEntry as Entry;
    use enums::NetworkType as Network;
    let call = |network_type, sent_bytes, received_bytes, duration| {
        Entry::Call(Box::new(types::NetworkStatisticsEntryCall {
            network_type,
            sent_bytes,
            received_bytes,
            duration,
        }))
    };
    let file = |file_type, network_type, sent_bytes, received_bytes| {
        Entry::File(Box::new(types::NetworkStatisticsEntryFile {
            file_type: Some(file_type),
            network_type,
            sent_bytes,
            received_bytes,
        }))
    };
    // TDLib's order, its %f rounding (123.456789123 -> 123.456789, 1e-7 ->
    // 0), and fileTypeNone for the null file type.
    let entries = vec![
        call(Network::Other, 3, 4, 123.456789),
        file(enums::FileType::Photo, Network::WiFi, 100, 200),
        call(Network::WiFi, 10, 20, 1.5),
        file(enums::FileType::None, Network::Mobile, 5, 6),
        call(Network::Mobile, 1, 2, 0.0),
    ];
    let mut cases: Vec<Box<dyn Case>> = Vec::new();
    for only_current in [true, false] {
        let entries = entries.clone();
        cases.push(case(
            functions::GetNetworkStatistics { only_current },
            move |answer| {
                let enums::NetworkStatistics::NetworkStatistics(statistics) = ok(answer);
                // The date the statistics start: the client's start, now.
                assert!(statistics.since_date > 1_700_000_000, "{statistics:?}");
                assert_eq!(statistics.entries, entries);
            },
        ));
    }
    cases.push(echo(
        functions::GetProxies {},
        enums::AddedProxies::AddedProxies(Box::new(types::AddedProxies {
            proxies: vec![added_proxy()],
        })),
    ));
    cases.push(case(functions::RemoveProxy { proxy_id: 1 }, |answer| {
        assert_eq!(
            answer,
            Outcome::Err(types::Error {
                code: 400,
                message: "Unknown proxy identifier".into(),
            })
        )
    }));
    cases.push(echo(
        functions::GetInternalLink {
            r#type: enums::InternalLinkType::PublicChat(Box::new(
                types::InternalLinkTypePublicChat {
                    chat_username: "username".into(),
                    draft_text: "hi there".into(),
                    open_profile: true,
                },
            )),
            is_http: true,
        },
        enums::HttpUrl::HttpUrl(types::HttpUrl {
            url: "https://t.me/username?text=hi%20there&profile".into(),
        }),
    ));
    cases.push(echo(
        functions::GetInternalLink {
            r#type: enums::InternalLinkType::Settings(Box::new(types::InternalLinkTypeSettings {
                section: None,
            })),
            is_http: false,
        },
        enums::HttpUrl::HttpUrl(types::HttpUrl {
            url: "tg://settings".into(),
        }),
    ));
    cases
}

#[test]
fn a_client_without_network_echoes_every_wire_kind_and_closes() {
    let started = Instant::now();
    let database = TempDir::new("client");
    let client = client();
    let id = client.create_client_id();
    assert!(id > 0, "{id}");
    let mut session = Session {
        client,
        id,
        deadline: started + OVERALL,
        updates: BTreeMap::new(),
        answers: BTreeMap::new(),
        answer_count: 0,
        types: BTreeSet::new(),
        top_level: BTreeSet::new(),
        states: Vec::new(),
        differences: Vec::new(),
        in_order: 0,
    };

    // setTdlibParameters: the test DC and a fresh database; no network is
    // needed to get to authorizationStateWaitPhoneNumber.
    let params = json!("params");
    session.send(
        &offline_parameters(database.file("db"), "tdlib-json test"),
        params.clone(),
    );
    let key = params.to_string();
    session.receive_until("the answer to setTdlibParameters", |s| {
        s.answers.contains_key(&key)
    });
    assert_eq!(
        session.answer::<functions::SetTdlibParameters>(&params),
        Outcome::Ok(enums::Ok::Ok)
    );
    session.receive_until("authorizationStateWaitPhoneNumber", |s| {
        s.states.last().map(String::as_str) == Some("authorizationStateWaitPhoneNumber")
    });

    // Each phase: every request at once, each with its own @extra; then
    // every answer checked.
    let mut requests = 1;
    for phase in [cases(), local_state(), after_local_state()] {
        let extras: Vec<Value> = phase
            .iter()
            .enumerate()
            .map(|(index, case)| extra(case.name(), requests + index))
            .collect();
        requests += phase.len();
        for (case, extra) in phase.iter().zip(&extras) {
            case.send(&session, extra.clone());
        }
        let keys: Vec<String> = extras.iter().map(Value::to_string).collect();
        session.receive_until("every answer", |s| {
            keys.iter().all(|key| s.answers.contains_key(key))
        });
        for (case, extra) in phase.iter().zip(&extras) {
            case.check(&mut session, extra);
        }
    }

    // close: ok, then authorizationStateClosing and authorizationStateClosed.
    let close = json!("close");
    session.send(&functions::Close {}, close.clone());
    session.receive_until("authorizationStateClosed", |s| {
        s.states.last().map(String::as_str) == Some("authorizationStateClosed")
    });
    assert_eq!(
        session.answer::<functions::Close>(&close),
        Outcome::Ok(enums::Ok::Ok)
    );
    assert!(session.answers.is_empty(), "{:?}", session.answers.keys());
    assert_eq!(
        session.states,
        [
            "authorizationStateWaitTdlibParameters",
            "authorizationStateWaitPhoneNumber",
            "authorizationStateClosing",
            "authorizationStateClosed",
        ]
    );

    let update_count: usize = session.updates.values().sum();
    println!(
        "td_receive: {} messages read in {:?}: {update_count} updates ({} @types) and {} answers \
         to {} requests; {} distinct top-level @types, {} distinct @types with nested objects",
        update_count + session.answer_count,
        started.elapsed(),
        session.updates.len(),
        session.answer_count,
        requests + 1,
        session.top_level.len(),
        session.types.len(),
    );
    println!(
        "written back: {} messages, {} differences from TDLib's JSON; {} with TDLib's key order",
        update_count + session.answer_count,
        session.differences.len(),
        session.in_order
    );
    println!("updates: {:?}", session.updates);
    println!("top-level @types: {:?}", session.top_level);
    assert!(
        session.differences.is_empty(),
        "{} differences between TDLib's JSON and ours:\n{}",
        session.differences.len(),
        session.differences.join("\n")
    );
}
