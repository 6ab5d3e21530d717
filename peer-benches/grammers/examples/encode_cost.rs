//! One side of the `messages-100.bin encode` bench, for instruction counts
//! and profiles where wall time is noisy. From the repository root:
//!
//! ```sh
//! cargo build --release --manifest-path peer-benches/Cargo.toml --example encode_cost
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     peer-benches/target/release/examples/encode_cost to_bytes
//! ```
//!
//! The first argument says what is repeated on the decoded
//! `messages-100.bin`: `to_bytes` (ours), `len` (ours,
//! `serialized_len` alone), `grow` (ours, `serialize` into a new `Vec`
//! grown as it fills, without `serialized_len` first), `reuse` (ours, `serialize` into a cleared
//! buffer) or `grammers` (its `to_bytes`); the second how many times
//! (1,000 unless given). Decoding happens once, before.

use std::hint::black_box;

use grammers_tl_types::{Deserializable as _, Serializable as _};
use peer_benches_grammers::api::enums::messages::Messages;
use tl_runtime::{Deserializable as _, Serializable as _};

fn main() {
    let side = std::env::args().nth(1).unwrap_or_default();
    let rounds: usize = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000);
    let path = test_support::testdata().join("corpus/messages-100.bin");
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            std::process::exit(2);
        }
    };
    let (Ok(ours), Ok(peer)) = (
        Messages::from_bytes(&bytes),
        grammers_tl_types::enums::messages::Messages::from_bytes(&bytes),
    ) else {
        eprintln!("messages-100.bin does not decode");
        std::process::exit(2);
    };
    let mut total = 0;
    let mut buffer = Vec::new();
    for _ in 0..rounds {
        total += match side.as_str() {
            "to_bytes" => black_box(&ours).to_bytes().len(),
            "len" => black_box(&ours).serialized_len(),
            "grow" => {
                let mut out = Vec::new();
                black_box(&ours).serialize(&mut out);
                out.len()
            }
            "reuse" => {
                buffer.clear();
                black_box(&ours).serialize(&mut buffer);
                buffer.len()
            }
            "grammers" => black_box(&peer).to_bytes().len(),
            _ => {
                eprintln!("usage: encode_cost to_bytes|len|grow|reuse|grammers");
                std::process::exit(2);
            }
        };
    }
    println!("{total}");
}
