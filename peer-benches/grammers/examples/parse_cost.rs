//! One side of the parse bench, for instruction counts where wall time is
//! noisy (allocator state moves criterion's figures by 10 % and more). From
//! the repository root:
//!
//! ```sh
//! cargo build --release --manifest-path peer-benches/Cargo.toml --example parse_cost
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     peer-benches/target/release/examples/parse_cost check testdata/schema/telegram/api-230.tl
//! ```
//!
//! The first argument is `check` (parse + validate), `parse` or `grammers`
//! (`grammers_tl_parser::parse_tl_file`, every definition collected); the
//! input is read, then processed 10 times.

use std::hint::black_box;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(side), Some(path)) = (args.next(), args.next()) else {
        eprintln!("usage: parse_cost check|parse|grammers SCHEMA.tl");
        std::process::exit(2);
    };
    let src = match std::fs::read_to_string(&path) {
        Ok(src) => src,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let mut total = 0;
    for _ in 0..10 {
        total += match side.as_str() {
            "check" => {
                let checked = tl_parser::check(black_box(&src), tl_parser::Dialect::Telegram);
                checked.schema.definitions.len() + checked.diagnostics.len()
            }
            "parse" => tl_parser::parse(black_box(&src)).schema.definitions.len(),
            "grammers" => grammers_tl_parser::parse_tl_file(black_box(&src)).count(),
            other => {
                eprintln!("unknown side `{other}`: check, parse or grammers");
                std::process::exit(2);
            }
        };
    }
    println!("{side}: {total}");
}
