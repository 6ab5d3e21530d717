//! Reading and writing TDLib's JSON in rounds, for instruction counts where
//! wall time is noisy. The text is what libtdjson wrote, captured in
//! `peer-benches/data/` (the 128 updates of a new client, the answer to
//! `getCountries`). A binary rather than an example, so that it builds
//! without tdlib-rs (a dev-dependency of this package). From the
//! repository root:
//!
//! ```sh
//! cargo build --release --manifest-path peer-benches/Cargo.toml --bin json_cost
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     peer-benches/target/release/json_cost read-updates 12
//! ```
//!
//! The first argument says what is repeated: `read-updates` (each update
//! read as `Received<AnyObject>`), `read-countries` (the answer read as
//! `Received<Outcome<enums::Countries, types::Error>>`), `write-updates`
//! and `write-countries` (the same values, read once before, written with
//! `json::to_string`); the second how many times (10 unless given). The
//! difference between two round counts, divided by theirs, is the cost of
//! one round without the one-time work (reading the files, parsing the
//! table).

use std::hint::black_box;
use std::process::ExitCode;

use tdlib_json::td_api::{AnyObject, enums, types};
use tl_runtime::json::{self, Outcome, Received};

type CountriesAnswer = Received<Outcome<enums::Countries, types::Error>>;

fn main() -> ExitCode {
    let what = std::env::args().nth(1).unwrap_or_default();
    let rounds: usize = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10);
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let (Ok(updates), Ok(countries)) = (
        std::fs::read_to_string(data.join("updates.jsonl")),
        std::fs::read_to_string(data.join("countries.json")),
    ) else {
        eprintln!("{}: the captured JSON is missing", data.display());
        return ExitCode::FAILURE;
    };
    let read_updates = || -> Result<Vec<AnyObject>, json::Error> {
        updates
            .lines()
            .map(|text| json::from_str::<Received<AnyObject>>(text).map(|r| r.object))
            .collect()
    };
    let read_countries = || json::from_str::<CountriesAnswer>(&countries).map(|r| r.object);
    let (Ok(read), Ok(answer)) = (read_updates(), read_countries()) else {
        eprintln!("the captured JSON does not read");
        return ExitCode::FAILURE;
    };
    let mut total = 0;
    for _ in 0..rounds {
        total += match what.as_str() {
            "read-updates" => black_box(read_updates()).map_or(0, |u| u.len()),
            "read-countries" => black_box(read_countries()).map_or(0, |_| 1),
            "write-updates" => black_box(&read)
                .iter()
                .map(|u| json::to_string(u).map_or(0, |t| t.len()))
                .sum(),
            "write-countries" => json::to_string(black_box(&answer)).map_or(0, |t| t.len()),
            _ => {
                eprintln!("usage: json_cost read-updates|read-countries|write-updates|write-countries [ROUNDS]");
                return ExitCode::FAILURE;
            }
        };
    }
    println!("{total}");
    ExitCode::SUCCESS
}
