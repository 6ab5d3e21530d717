//! Decodes arbitrary bytes as a boxed type of layer 230 + mtproto (the first
//! two bytes choose which) and checks that what decodes re-encodes to bytes
//! that decode to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [a, b, rest @ ..] = data else { return };
    let index = usize::from(u16::from_le_bytes([*a, *b])) % tl_fuzz::TYPES;
    tl_fuzz::round_trip(index, rest);
});
