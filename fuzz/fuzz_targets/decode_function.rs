//! Decodes arbitrary bytes as any request of layer 230 + mtproto
//! (`AnyFunction`, nested generic wrappers included) and checks the round trip.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    tl_fuzz::check::<tl_fuzz::api::AnyFunction>(data);
});
