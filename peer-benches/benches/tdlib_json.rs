//! Reading TDLib's JSON into the generated types against reading it into
//! `serde_json::Value`, and against the peer `tdlib-rs` 1.4.0 (its types
//! are generated from TDLib 1.8.61's `td_api.tl`; built without TDLib), on
//! text the real library wrote: captured in `peer-benches/data/` by
//! `cargo run -p tdlib-json --example capture_bench_data`, so the bench needs
//! no libtdjson.
//!
//! Run with `cargo bench --manifest-path peer-benches/Cargo.toml --bench tdlib_json`.
//!
//! Groups (each reads the same text every way, in the same run):
//! - `getCountries answer`: one 40 KB answer (235 `countryInfo`), read as
//!   the typed answer to `getCountries`
//!   (`Received<Outcome<enums::Countries, types::Error>>`), as
//!   `Received<AnyObject>`, as `serde_json::Value`, and as tdlib-rs'
//!   `enums::Countries`;
//! - `1000 updates`: the updates a new client sends from
//!   `setTdlibParameters` to `close` (119 `updateOption`, 4
//!   `updateAuthorizationState`, 5 others), those that tdlib-rs reads too,
//!   cycled to 1,000; each read as `Received<AnyObject>`, as `Value`, as
//!   tdlib-rs' `enums::Update`, and the way tdlib-rs' `receive()` does (a
//!   `Value` first, then `from_value`).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde_json::Value;
use tdlib_json::td_api::{AnyObject, enums, types};
use tl_runtime::json::{self, Outcome, Received};

/// getCountries' answer, as the library wrote it.
const COUNTRIES: &str = include_str!("../data/countries.json");

/// A new client's updates, one per line, as the library wrote them.
const UPDATES: &str = include_str!("../data/updates.jsonl");

type CountriesAnswer = Received<Outcome<enums::Countries, types::Error>>;

/// The captured updates that both crates read, cycled to `count`.
fn update_stream(count: usize) -> Vec<&'static str> {
    let (both, only_ours): (Vec<&str>, Vec<&str>) = UPDATES
        .lines()
        .partition(|text| serde_json::from_str::<tdlib_rs::enums::Update>(text).is_ok());
    for text in &both {
        json::from_str::<Received<AnyObject>>(text)
            .unwrap_or_else(|error| panic!("updates.jsonl: {error}: {text}"));
    }
    for text in &only_ours {
        json::from_str::<Received<AnyObject>>(text)
            .unwrap_or_else(|error| panic!("updates.jsonl: {error}: {text}"));
        println!("tdlib-rs does not read (left out of the stream): {text}");
    }
    println!(
        "1000 updates: cycled from {} of the {} captured updates",
        both.len(),
        both.len() + only_ours.len()
    );
    both.into_iter().cycle().take(count).collect()
}

/// Fails the bench, rather than timing an error path, when the answer does
/// not read every way.
fn check_countries() {
    let answer: CountriesAnswer =
        json::from_str(COUNTRIES).unwrap_or_else(|error| panic!("countries.json: {error}"));
    match answer.object {
        Outcome::Ok(enums::Countries::Countries(countries)) => {
            assert_eq!(countries.countries.len(), 235)
        }
        Outcome::Err(error) => panic!("countries.json is TDLib's error {error:?}"),
    }
    json::from_str::<Received<AnyObject>>(COUNTRIES)
        .unwrap_or_else(|error| panic!("countries.json: {error}"));
    let tdlib_rs::enums::Countries::Countries(peer) =
        serde_json::from_str(COUNTRIES).unwrap_or_else(|error| panic!("tdlib-rs: {error}"));
    assert_eq!(peer.countries.len(), 235);
}

fn countries(c: &mut Criterion) {
    check_countries();
    let mut group = c.benchmark_group("getCountries answer");
    group.throughput(Throughput::Bytes(COUNTRIES.len() as u64));
    group.bench_function("ours Received<Outcome<Countries, Error>>", |b| {
        b.iter(|| json::from_str::<CountriesAnswer>(black_box(COUNTRIES)).map(black_box))
    });
    group.bench_function("ours Received<AnyObject>", |b| {
        b.iter(|| json::from_str::<Received<AnyObject>>(black_box(COUNTRIES)).map(black_box))
    });
    group.bench_function("serde_json::Value", |b| {
        b.iter(|| serde_json::from_str::<Value>(black_box(COUNTRIES)).map(black_box))
    });
    group.bench_function("tdlib-rs enums::Countries", |b| {
        b.iter(|| {
            serde_json::from_str::<tdlib_rs::enums::Countries>(black_box(COUNTRIES)).map(black_box)
        })
    });
    group.finish();
}

fn updates(c: &mut Criterion) {
    let stream = update_stream(1000);
    let bytes: usize = stream.iter().map(|text| text.len()).sum();
    println!("1000 updates: {bytes} bytes of JSON");
    let mut group = c.benchmark_group("1000 updates");
    group.throughput(Throughput::Elements(stream.len() as u64));
    group.bench_function("ours Received<AnyObject>", |b| {
        b.iter(|| {
            for text in &stream {
                let _ = black_box(json::from_str::<Received<AnyObject>>(black_box(text)));
            }
        })
    });
    group.bench_function("serde_json::Value", |b| {
        b.iter(|| {
            for text in &stream {
                let _ = black_box(serde_json::from_str::<Value>(black_box(text)));
            }
        })
    });
    group.bench_function("tdlib-rs enums::Update", |b| {
        b.iter(|| {
            for text in &stream {
                let _ = black_box(serde_json::from_str::<tdlib_rs::enums::Update>(black_box(
                    text,
                )));
            }
        })
    });
    group.bench_function("tdlib-rs receive() path (Value, then from_value)", |b| {
        b.iter(|| {
            for text in &stream {
                let value: Value = match serde_json::from_str(black_box(text)) {
                    Ok(value) => value,
                    Err(_) => continue,
                };
                let _ = black_box(serde_json::from_value::<tdlib_rs::enums::Update>(value));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, updates, countries);
criterion_main!(benches);
