//! Feeds arbitrary UTF-8 to the parser and validator, in both dialects, and
//! renders what they report: none of it may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tl_parser::{Dialect, check};

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    for dialect in [Dialect::Telegram, Dialect::Tdlib] {
        let checked = check(src, dialect);
        let _ = checked.render_all("fuzz.tl", src);
        let _ = checked.schema.to_string();
    }
});
