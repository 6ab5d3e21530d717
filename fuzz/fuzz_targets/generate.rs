//! Generates Rust from arbitrary schema text: parse, validate, build the
//! model and emit, in both dialects. Nothing may panic; errors are fine.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tl_codegen::{Config, Dialect};

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    for dialect in [Dialect::Telegram, Dialect::Tdlib] {
        match Config::new()
            .dialect(dialect)
            .generate_from_strs(&[("fuzz.tl", src)])
        {
            Ok(_) => {}
            Err(e) => {
                let _ = e.to_string();
                let _ = format!("{e:?}");
            }
        }
    }
});
