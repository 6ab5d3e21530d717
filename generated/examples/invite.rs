//! Builds a request, serializes it, and decodes a response, with the types
//! `build.rs` generated from `schema/example.tl`.
//!
//! Run with `cargo run -p generated --example invite`.

use generated::enums::Updates;
use generated::functions::InvokeWithLayer;
use generated::functions::messages::ImportChatInvite;
use generated::types::UpdatesTooLong;
use tl_runtime::{Deserializable, RemoteCall, Serializable};

/// Decodes the answer to `call` from `bytes`, as a client would.
fn decode_answer<F: RemoteCall>(
    _call: &F,
    bytes: &[u8],
) -> Result<F::Return, tl_runtime::DecodeError> {
    F::Return::from_bytes(bytes)
}

fn main() {
    // A request, wrapped in invokeWithLayer as a client sends its first call.
    let call = InvokeWithLayer {
        layer: generated::LAYER,
        query: ImportChatInvite {
            hash: "AbCdEfGh".to_owned(),
        },
    };
    let bytes = call.to_bytes();
    println!("request: {} bytes: {}", bytes.len(), hex(&bytes));

    // A server (or a test) decodes any request without knowing its type.
    let any = generated::AnyFunction::from_bytes(&bytes).expect("a valid request");
    println!("decoded request: {} ({any:?})", any.tl_name());

    // The answer: `updatesTooLong` is the shortest `Updates` on the wire.
    let answer = Updates::from(UpdatesTooLong {}).to_bytes();
    let updates = decode_answer(&call, &answer).expect("a valid answer");
    println!(
        "answer: {updates:?} (constructor {:#010x})",
        updates.constructor_id()
    );

    // Hostile input gets a typed error with an offset, never a panic.
    let err = Updates::from_bytes(&[0xde, 0xad, 0xbe, 0xef]).unwrap_err();
    println!("garbage: {err}");
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
