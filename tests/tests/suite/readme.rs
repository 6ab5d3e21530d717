//! The README's Rust snippets, compiled and run. Each ```` ```rust ```` block
//! of the README appears word for word in this file, in a test that runs it
//! with `tl` standing for the generated code it needs; `every_snippet_is_here`
//! fails when the two drift apart. Blocks marked `rust,ignore` (build
//! scripts, `include!` of their output, calls into libtdjson) cannot run as
//! they stand in a test: they are here word for word too, the build scripts
//! compiled against `tl_codegen` (`tests/compile.rs` runs a build script
//! written the same way), the TDLib calls run against the `tdlib_json`
//! fixture with `td_send` standing for libtdjson's, and the `include!` line
//! is `generated/src/lib.rs`'s; `every_ignored_snippet_is_checked` fails
//! when one drifts.

/// "Typed RPC errors", against the `documented` fixture (its error table).
mod typed_errors {
    use tests::fixtures::documented as tl;

    #[test]
    fn snippet() {
        use tl::errors::{RpcError, RpcMessage};
        use tl::functions::channels::InviteToChannel;

        /// What to do about an `rpc_error` an `InviteToChannel` got.
        fn handle(code: i32, message: &str) -> String {
            let error = RpcError::parse(code, message);
            match &error.message {
                RpcMessage::FloodWait { seconds } => format!("retry in {seconds} s"),
                RpcMessage::Other(text) => format!("unknown error {text} ({})", error.code),
                _ if error
                    .kind()
                    .is_some_and(|k| InviteToChannel::ERRORS.contains(&k)) =>
                {
                    format!("documented: {error}")
                }
                _ => format!("not documented for this method: {error}"),
            }
        }

        assert_eq!(handle(420, "FLOOD_WAIT_31"), "retry in 31 s");
        assert_eq!(
            handle(406, "CHANNEL_PRIVATE"),
            "documented: CHANNEL_PRIVATE (406): You haven't joined this channel/supergroup"
        );
        assert_eq!(
            handle(400, "SOMETHING_NEW"),
            "unknown error SOMETHING_NEW (400)"
        );
    }
}

/// "Decoding", against layer 230.
mod decoding {
    use tests::api as tl;

    #[test]
    fn snippet() {
        use tl::enums::Updates;
        use tl::functions::messages::ImportChatInvite;
        use tl_runtime::{Deserializable, Serializable};

        let request = ImportChatInvite {
            hash: "AbCd".into(),
        }
        .to_bytes();
        assert_eq!(request[..4], 0xde91436e_u32.to_le_bytes()); // its constructor id
        // An answer that is not an `Updates` is an error, never a panic:
        let error = Updates::from_bytes(&0xdeadbeef_u32.to_le_bytes()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "unexpected constructor 0xdeadbeef for Updates at offset 0"
        );
    }
}

/// "the everyday calls", against the `everyday` fixture (generated with
/// `--try-from --accessors`; `new` and the conversions are on by default).
mod everyday {
    use tests::fixtures::everyday as tl;

    #[test]
    fn snippet() -> Result<(), Box<dyn std::error::Error>> {
        use tl::{enums, functions, types};

        // `new` takes the required fields; the optional ones start unset.
        let mut user = types::User::new(42);
        user.access_hash = Some(7);
        // An input type from the value it refers to, as the schema pairs them:
        let peer = enums::InputPeer::try_from(&user)?;
        let request = functions::messages::SendMessage::new(peer, "hi", 1);
        assert_eq!(request.message, "hi");

        let message = enums::Message::from(types::MessageEmpty { id: 5 });
        // The fields the constructors share:
        assert_eq!(message.id(), 5);
        assert_eq!(message.out(), None);
        // A field only some constructors have is an `Option`:
        let update = enums::Update::from(types::UpdateNewMessage {
            message: message.clone(),
            pts: 10,
            pts_count: 1,
        });
        assert_eq!(update.pts(), Some(10));
        // The constructor's struct out of its enum:
        assert!(types::MessageEmpty::try_from(message).is_ok());
        Ok(())
    }
}

/// The README's build scripts ("Quick start", "TDLib's JSON interface"),
/// compiled: each `main` is what a `build.rs` would run.
#[allow(dead_code)]
mod build_scripts {
    mod quick_start {
        // build.rs
        fn main() -> Result<(), tl_codegen::Error> {
            tl_codegen::Config::new()
                .pretty(false) // a fast printer instead of prettyplease: build scripts run unoptimized
                .serde(true) // #[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
                .compile(&["schema/api.tl", "schema/mtproto.tl"])?;
            Ok(())
        }
    }

    // As the README has it (rustfmt would break the lines at this depth).
    #[rustfmt::skip]
    mod tdlib {
        // build.rs
        fn main() -> Result<(), tl_codegen::Error> {
            tl_codegen::Config::new().serde(true).compile(&["td_api.tl"])?;
            Ok(())
        }
    }
}

/// "TDLib's JSON interface": a request sent and an answer read, against the
/// `tdlib_json` fixture, with `td_send` and `td_receive` standing for
/// libtdjson's (the `tdlib-json` crate runs the same against the library).
mod tdlib_calls {
    use std::cell::RefCell;

    use tests::fixtures::tdlib_json::{AnyObject, functions};

    thread_local! {
        static SENT: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    }

    fn td_send(_client: i32, request: &str) {
        SENT.with(|sent| sent.borrow_mut().push(request.to_owned()));
    }

    #[rustfmt::skip]
    fn run(client: i32, text: String) -> Result<AnyObject, tl_runtime::json::Error> {
        use tl_runtime::json::{self, Received};

        let request = functions::GetTextEntities { text: "@user #tag".into() };
        td_send(client, &json::to_string(&json::with_extra(&request, 1))?);
        // ... then, for each `td_receive` text:
        let received: Received<AnyObject> = json::from_str(&text)?;
        Ok(received.object)
    }

    #[test]
    fn snippet() {
        let answer = r#"{"@type":"textEntities","entities":[],"@extra":1}"#;
        let value = run(1, answer.to_owned()).unwrap();
        assert_eq!(value.tl_name(), "textEntities");
        SENT.with(|sent| {
            assert_eq!(
                *sent.borrow(),
                [r#"{"@type":"getTextEntities","text":"@user #tag","@extra":1}"#]
            )
        });
    }
}

/// The blocks of `text` whose fence is exactly ```` ```{info} ````, each
/// with its lines trimmed and blank lines left out.
fn blocks<'t>(text: &'t str, info: &str) -> Vec<Vec<&'t str>> {
    let fence = format!("```{info}");
    let mut blocks = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line.trim_end() == fence {
            let block = lines
                .by_ref()
                .take_while(|l| l.trim_end() != "```")
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            blocks.push(block);
        }
    }
    blocks
}

/// `text`'s lines, trimmed, blank ones left out.
fn lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

/// Whether `block` appears in `lines` word for word.
fn contains(lines: &[&str], block: &[&str]) -> bool {
    lines.windows(block.len()).any(|w| w == block)
}

/// The profile lines the README gives the layer crate are the ones the
/// repository gives its own, `generated/`, and that crate is laid out as the
/// README's `tl/` is: the runtime a dependency, the generator a
/// build-dependency, a build script.
#[test]
fn the_layout_is_the_example_crates() {
    let readme = include_str!("../../../README.md");
    let toml = blocks(readme, "toml");
    let workspace = toml
        .iter()
        .find(|b| b.first() == Some(&"# Cargo.toml (the workspace)"))
        .expect("the README's workspace block");
    let advice: Vec<&str> = workspace
        .iter()
        .skip_while(|l| **l != "[profile.dev.package.tl]")
        .skip(1)
        .copied()
        .collect();
    assert_eq!(
        advice,
        ["incremental = false", "debug = \"line-tables-only\""]
    );
    let root = lines(include_str!("../../../Cargo.toml"));
    let mut ours = vec!["[profile.dev.package.generated]"];
    ours.extend(&advice);
    assert!(contains(&root, &ours), "Cargo.toml: {ours:?}");

    let member = toml
        .iter()
        .find(|b| b.first() == Some(&"# tl/Cargo.toml"))
        .expect("the README's tl/Cargo.toml block");
    let manifest = lines(include_str!("../../../generated/Cargo.toml"));
    for section in ["[dependencies]", "[build-dependencies]"] {
        let dependency = |lines: &[&str]| {
            lines
                .iter()
                .skip_while(|l| **l != section)
                .nth(1)
                .and_then(|l| l.split([' ', '.']).next())
                .map(str::to_owned)
        };
        assert_eq!(dependency(member), dependency(&manifest), "{section}");
    }
    // The `serde` feature the generated `cfg_attr`s name.
    for lines in [member.as_slice(), manifest.as_slice()] {
        assert!(contains(lines, &["[features]", "serde = [\"dep:serde\"]"]));
    }
    assert!(
        std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../generated/build.rs"
        ))
        .is_file()
    );
}

#[test]
fn every_snippet_is_here() {
    let readme = include_str!("../../../README.md");
    let here = lines(include_str!("readme.rs"));
    let blocks = blocks(readme, "rust");
    assert_eq!(blocks.len(), 3, "the README's runnable snippets");
    for block in blocks {
        assert!(
            contains(&here, &block),
            "README snippet not in tests/tests/suite/readme.rs (word for word):\n{}",
            block.join("\n")
        );
    }
}

#[test]
fn every_ignored_snippet_is_checked() {
    let readme = include_str!("../../../README.md");
    let here = lines(include_str!("readme.rs"));
    let generated = lines(include_str!("../../../generated/src/lib.rs"));
    let blocks = blocks(readme, "rust,ignore");
    assert_eq!(blocks.len(), 4, "the README's `rust,ignore` blocks");
    for block in blocks {
        // The `include!` of a build script's output is the example crate's.
        let block = match block.as_slice() {
            ["// src/lib.rs", rest @ ..] => {
                assert!(
                    contains(&generated, rest),
                    "not in generated/src/lib.rs:\n{}",
                    rest.join("\n")
                );
                continue;
            }
            _ => block,
        };
        assert!(
            contains(&here, &block),
            "README `rust,ignore` block not in tests/tests/suite/readme.rs (word for word):\n{}",
            block.join("\n")
        );
    }
}
