//! The README's Rust snippets, compiled and run. Each ```` ```rust ```` block
//! of the README appears word for word in this file, in a test that runs it
//! with `tl` standing for the generated code it needs; `every_snippet_is_here`
//! fails when the two drift apart. (Blocks marked `rust,ignore` are build
//! scripts and TDLib calls, tested elsewhere: `tests/compile.rs`,
//! `tdlib-json`.)

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

/// The ```` ```rust ```` blocks of `text`, each with its lines trimmed.
fn rust_blocks(text: &str) -> Vec<Vec<&str>> {
    let mut blocks = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line.trim_end() == "```rust" {
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

#[test]
fn every_snippet_is_here() {
    let readme = include_str!("../../README.md");
    let here: Vec<&str> = include_str!("readme.rs")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let blocks = rust_blocks(readme);
    assert_eq!(blocks.len(), 2, "the README's runnable snippets");
    for block in blocks {
        assert!(
            here.windows(block.len()).any(|w| w == block.as_slice()),
            "README snippet not in tests/tests/readme.rs (word for word):\n{}",
            block.join("\n")
        );
    }
}
