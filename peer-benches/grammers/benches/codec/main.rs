//! Binary codec of the generated layer 230 against `grammers-tl-types` 0.11
//! (generated from the same `api-230.tl`), plus the generator itself.
//!
//! Run with `cargo bench --manifest-path peer-benches/Cargo.toml --bench
//! codec`. It reads `testdata/` (or `$TL_TESTDATA`); the layer is generated
//! by `peer-benches/grammers/build.rs` (into `peer_benches_grammers::api`
//! and `peer_benches_grammers::zero_copy`).
//!
//! Groups (each compares both crates on the same bytes):
//! - `corpus api-230 decode|encode|roundtrip`: every sample of
//!   `corpus/api-230.tsv` that both crates decode and re-encode
//!   byte-identically, dispatched by TL name through `table.rs` (resolved to
//!   function pointers before timing, so the name lookup is not measured);
//! - `messages-100.bin decode|encode`: one realistic `messages.Messages`;
//!   decode also zero-copy (the layer generated with `Config::zero_copy`,
//!   `from_shared`); encode also sized first, into a buffer the caller
//!   reuses (`serialize`, `try_extend`); `memcpy` of the bytes as the floor;
//! - `generate layer 230`: `tl_codegen::Config::generate` of `api-230.tl` +
//!   `mtproto.tl` (what the tests build script runs); no peer measured.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{
    BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main, measurement::WallTime,
};

// Layer 230 + `mtproto.tl` generated with `Config::zero_copy` (by
// `build.rs`): `string`/`bytes` fields share the decoded buffer.
use peer_benches_grammers::zero_copy;

/// A decoded value of either crate, encodable again.
trait Encode {
    /// `to_bytes`.
    fn encode(&self) -> Vec<u8>;
    /// The length first, then one allocation of that size (ours only; the
    /// peer has no length method and encodes as `encode` does).
    fn encode_sized(&self) -> Vec<u8>;
}

struct Ours<T>(T);
impl<T: tl_runtime::Serializable> Encode for Ours<T> {
    fn encode(&self) -> Vec<u8> {
        self.0.to_bytes()
    }
    fn encode_sized(&self) -> Vec<u8> {
        sized(&self.0)
    }
}

/// Ours, sized first: `serialized_len`, then `serialize` into a vector of
/// that capacity.
fn sized<T: tl_runtime::Serializable>(value: &T) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.serialized_len());
    value.serialize(&mut out);
    out
}

struct Peer<T>(T);
impl<T: grammers_tl_types::Serializable> Encode for Peer<T> {
    fn encode(&self) -> Vec<u8> {
        self.0.to_bytes()
    }
    fn encode_sized(&self) -> Vec<u8> {
        self.0.to_bytes()
    }
}

/// One crate's codec for one TL name.
#[derive(Clone, Copy)]
struct Codec {
    /// Decodes (the value is dropped); whether it succeeded.
    decode: fn(&[u8]) -> bool,
    /// Decodes into a value the encode bench re-encodes.
    decode_boxed: fn(&[u8]) -> Option<Box<dyn Encode>>,
    /// Decodes and encodes again.
    roundtrip: fn(&[u8]) -> Option<Vec<u8>>,
}

/// Ours, for a boxed type or a function call (both read the constructor id).
fn ours<T: tl_runtime::Deserializable + tl_runtime::Serializable + 'static>() -> Codec {
    Codec {
        decode: |b| black_box(T::from_bytes(b)).is_ok(),
        decode_boxed: |b| {
            T::from_bytes(b)
                .ok()
                .map(|v| Box::new(Ours(v)) as Box<dyn Encode>)
        },
        roundtrip: |b| T::from_bytes(b).ok().map(|v| v.to_bytes()),
    }
}

/// The peer, for a boxed type (an enum: reads the constructor id).
fn peer_type<T: grammers_tl_types::Deserializable + grammers_tl_types::Serializable + 'static>()
-> Codec {
    Codec {
        decode: |b| black_box(T::from_bytes(b)).is_ok(),
        decode_boxed: |b| {
            T::from_bytes(b)
                .ok()
                .map(|v| Box::new(Peer(v)) as Box<dyn Encode>)
        },
        roundtrip: |b| T::from_bytes(b).ok().map(|v| v.to_bytes()),
    }
}

/// The peer's function calls deserialize bare (without their constructor
/// id, which they do write): check the id as ours does, then decode the rest.
fn peer_function_body<T: grammers_tl_types::Deserializable + grammers_tl_types::Identifiable>(
    b: &[u8],
) -> Option<T> {
    match b.split_first_chunk::<4>() {
        Some((id, rest)) if u32::from_le_bytes(*id) == T::CONSTRUCTOR_ID => {
            T::from_bytes(rest).ok()
        }
        _ => None,
    }
}

fn peer_function<
    T: grammers_tl_types::Deserializable
        + grammers_tl_types::Serializable
        + grammers_tl_types::Identifiable
        + 'static,
>() -> Codec {
    Codec {
        decode: |b| black_box(peer_function_body::<T>(b)).is_some(),
        decode_boxed: |b| peer_function_body::<T>(b).map(|v| Box::new(Peer(v)) as Box<dyn Encode>),
        roundtrip: |b| peer_function_body::<T>(b).map(|v| v.to_bytes()),
    }
}

/// `(ours, peer)` for a corpus kind and TL name, from `table.rs`.
macro_rules! table {
    (
        types { $($tname:literal => $($tseg:ident)::+, $($tpeer:ident)::+;)* }
        functions { $($fname:literal => $($fseg:ident)::+, $($fpeer:ident)::+;)* }
    ) => {
        fn codecs(kind: &str, name: &str) -> Option<(Codec, Codec)> {
            match kind {
                "type" => match name {
                    $($tname => Some((
                        ours::<peer_benches_grammers::api::$($tseg)::+>(),
                        peer_type::<grammers_tl_types::$($tpeer)::+>(),
                    )),)*
                    _ => None,
                },
                "function" => match name {
                    $($fname => Some((
                        ours::<peer_benches_grammers::api::$($fseg)::+>(),
                        peer_function::<grammers_tl_types::$($fpeer)::+>(),
                    )),)*
                    _ => None,
                },
                _ => None,
            }
        }
    };
}
include!("table.rs");

fn unhex(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex digit"))
        .collect()
}

/// A corpus sample both crates round-trip byte-identically.
struct Sample {
    bytes: Vec<u8>,
    ours: Codec,
    peer: Codec,
}

/// Reads the corpus and keeps the samples both sides round-trip exactly,
/// printing what was left out and why.
fn load_corpus(path: &Path) -> Vec<Sample> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (mut total, mut no_entry, mut ours_failed, mut peer_failed) = (0, 0, 0, 0);
    let mut peer_failures = Vec::new();
    let mut samples = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "{}: expected 4 columns", path.display());
        total += 1;
        let bytes = unhex(cols[3]);
        let Some((ours, peer)) = codecs(cols[0], cols[1]) else {
            no_entry += 1;
            continue;
        };
        let ours_ok = (ours.roundtrip)(&bytes).is_some_and(|out| out == bytes);
        let peer_ok = (peer.roundtrip)(&bytes).is_some_and(|out| out == bytes);
        ours_failed += usize::from(!ours_ok);
        if !peer_ok {
            peer_failed += 1;
            peer_failures.push(cols[1].to_owned());
        }
        if ours_ok && peer_ok {
            samples.push(Sample { bytes, ours, peer });
        }
    }
    peer_failures.dedup();
    println!(
        "{}: {total} samples; {no_entry} not in table.rs (generic calls); ours failed {ours_failed}, grammers failed {peer_failed}{}; {} samples ({} bytes) benched",
        path.display(),
        if peer_failures.is_empty() {
            String::new()
        } else {
            format!(" ({})", peer_failures.join(", "))
        },
        samples.len(),
        samples.iter().map(|s| s.bytes.len()).sum::<usize>(),
    );
    samples
}

fn group<'a>(c: &'a mut Criterion, name: &str, bytes: usize) -> BenchmarkGroup<'a, WallTime> {
    let mut g = c.benchmark_group(name);
    g.sample_size(20)
        .measurement_time(Duration::from_secs(5))
        .warm_up_time(Duration::from_secs(1))
        .throughput(Throughput::Bytes(bytes as u64));
    g
}

fn corpus(c: &mut Criterion) {
    let path = test_support::testdata().join("corpus/api-230.tsv");
    let samples = load_corpus(&path);
    let bytes: usize = samples.iter().map(|s| s.bytes.len()).sum();
    type Side = fn(&Sample) -> Codec;
    let sides: [(&str, Side); 2] = [("tl-codegen", |s| s.ours), ("grammers", |s| s.peer)];

    let mut g = group(c, "corpus api-230 decode", bytes);
    for (name, side) in sides {
        g.bench_function(name, |b| {
            b.iter(|| {
                samples
                    .iter()
                    .filter(|s| (side(s).decode)(black_box(&s.bytes)))
                    .count()
            })
        });
    }
    g.finish();

    let mut g = group(c, "corpus api-230 encode", bytes);
    for (name, side) in sides {
        let values: Vec<Box<dyn Encode>> = samples
            .iter()
            .map(|s| (side(s).decode_boxed)(&s.bytes).expect("round-tripped above"))
            .collect();
        g.bench_function(name, |b| {
            b.iter(|| {
                values
                    .iter()
                    .map(|v| black_box(v.encode()).len())
                    .sum::<usize>()
            })
        });
        if name == "tl-codegen" {
            g.bench_function("tl-codegen/sized first", |b| {
                b.iter(|| {
                    values
                        .iter()
                        .map(|v| black_box(v.encode_sized()).len())
                        .sum::<usize>()
                })
            });
        }
    }
    g.finish();

    let mut g = group(c, "corpus api-230 roundtrip", bytes);
    for (name, side) in sides {
        g.bench_function(name, |b| {
            b.iter(|| {
                samples
                    .iter()
                    .filter_map(|s| (side(s).roundtrip)(black_box(&s.bytes)))
                    .map(|out| out.len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();
}

fn messages_100(c: &mut Criterion) {
    use grammers_tl_types::{Deserializable as _, Serializable as _};
    use tl_runtime::{Deserializable as _, Serializable as _};
    type OursMessages = peer_benches_grammers::api::enums::messages::Messages;
    type PeerMessages = grammers_tl_types::enums::messages::Messages;

    let path = test_support::testdata().join("corpus/messages-100.bin");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let ours = OursMessages::from_bytes(&bytes).expect("ours decodes messages-100.bin");
    let peer = PeerMessages::from_bytes(&bytes).expect("grammers decodes messages-100.bin");
    assert_eq!(ours.to_bytes(), bytes, "ours round-trips messages-100.bin");
    assert_eq!(
        peer.to_bytes(),
        bytes,
        "grammers round-trips messages-100.bin"
    );

    let mut g = group(c, "messages-100.bin decode", bytes.len());
    g.bench_function("tl-codegen", |b| {
        b.iter(|| OursMessages::from_bytes(black_box(&bytes)))
    });
    g.bench_function("grammers", |b| {
        b.iter(|| PeerMessages::from_bytes(black_box(&bytes)))
    });
    // Zero-copy: strings and bytes are slices of a shared buffer.
    type ZeroCopyMessages = zero_copy::enums::messages::Messages;
    let shared = tl_runtime::shared::Bytes::from(bytes.clone());
    assert_eq!(
        ZeroCopyMessages::from_shared(&shared)
            .expect("zero-copy decodes messages-100.bin")
            .to_bytes(),
        bytes
    );
    g.bench_function("tl-codegen zero-copy/from_shared", |b| {
        b.iter(|| ZeroCopyMessages::from_shared(black_box(&shared)))
    });
    g.bench_function("memcpy (to_vec of the bytes)", |b| {
        b.iter(|| black_box(&bytes).to_vec())
    });
    g.finish();

    let mut g = group(c, "messages-100.bin encode", bytes.len());
    g.bench_function("tl-codegen", |b| b.iter(|| black_box(&ours).to_bytes()));
    g.bench_function("grammers", |b| b.iter(|| black_box(&peer).to_bytes()));
    g.bench_function("tl-codegen/sized first", |b| {
        b.iter(|| sized(black_box(&ours)))
    });
    // The floor: copying the encoded bytes into a new vector.
    g.bench_function("memcpy (to_vec of the encoded bytes)", |b| {
        b.iter(|| black_box(&bytes).to_vec())
    });
    g.bench_function("tl-codegen/serialized_len alone", |b| {
        b.iter(|| black_box(&ours).serialized_len())
    });
    // Into a buffer the caller keeps: no allocation, no length pre-pass.
    let mut buffer = Vec::with_capacity(bytes.len());
    g.bench_function("tl-codegen/serialize into a reused Vec", |b| {
        b.iter(|| {
            buffer.clear();
            black_box(&ours).serialize(&mut buffer);
            buffer.len()
        })
    });
    let mut buffer = Vec::with_capacity(bytes.len());
    g.bench_function("tl-codegen/try_extend a reused Vec", |b| {
        b.iter(|| {
            buffer.clear();
            black_box(&ours)
                .try_extend(&mut buffer)
                .map(|()| buffer.len())
        })
    });
    g.finish();
}

fn generate(c: &mut Criterion) {
    let dir = test_support::testdata().join("schema/telegram");
    let paths = [dir.join("api-230.tl"), dir.join("mtproto.tl")];
    let code = tl_codegen::Config::new()
        .generate(&paths)
        .expect("layer 230 generates");
    println!(
        "generated {} bytes of Rust from {}",
        code.len(),
        dir.display()
    );
    let input: u64 = paths
        .iter()
        .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
        .sum();
    let mut g = c.benchmark_group("generate layer 230");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(10))
        .warm_up_time(Duration::from_secs(1))
        .throughput(Throughput::Bytes(input));
    g.bench_function("tl-codegen/Config::generate", |b| {
        b.iter(|| tl_codegen::Config::new().generate(black_box(&paths)))
    });
    g.finish();
}

criterion_group!(benches, corpus, messages_100, generate);
criterion_main!(benches);
