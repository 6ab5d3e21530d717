//! Memory bounded by the input: peak allocation while decoding stays within
//! a small multiple of the input's size, and a hostile count allocates
//! nothing. A counting global allocator measures it; this file holds one
//! test so that no other test allocates meanwhile.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged; the
// counters are only read by the test.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = CURRENT.fetch_add(layout.size(), Ordering::SeqCst) + layout.size();
        PEAK.fetch_max(now, Ordering::SeqCst);
        // SAFETY: the caller's contract is passed on as it is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        CURRENT.fetch_sub(layout.size(), Ordering::SeqCst);
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Bytes allocated at the peak of `f`, above what was allocated before it.
fn peak_of(f: impl FnOnce()) -> usize {
    let base = CURRENT.load(Ordering::SeqCst);
    PEAK.store(base, Ordering::SeqCst);
    f();
    PEAK.load(Ordering::SeqCst) - base
}

mod common;

use tests::api::functions::messages::GetMessages;
use tl_runtime::Deserializable;

/// Every sample of the layer-230 corpus decodes within 32 times its size
/// plus 1 KiB (measured: the largest ratio is printed), and a count of
/// 2^31 - 1 elements in 12 bytes allocates nothing.
#[test]
fn hostile_decoding_memory_is_bounded_by_the_input() {
    let data = test_support::testdata();
    let samples = common::read_corpus(&data.join("corpus/api-230.tsv"));
    assert!(!samples.is_empty());
    let mut worst = (0.0f64, String::new());
    for s in &samples {
        let decode = || {
            let _ = match s.kind.as_str() {
                "type" => tests::dispatch::roundtrip_type(&s.name, &s.bytes),
                _ => tests::dispatch::roundtrip_function(&s.name, &s.bytes),
            };
        };
        // The round trip also encodes: exactly the sample's size again.
        let peak = peak_of(decode).saturating_sub(s.bytes.len());
        let ratio = peak as f64 / s.bytes.len() as f64;
        if ratio > worst.0 {
            worst = (
                ratio,
                format!("{} ({} bytes, peak {peak})", s.name, s.bytes.len()),
            );
        }
        assert!(
            peak <= 32 * s.bytes.len() + 1024,
            "line {}: {} allocates {peak} bytes for {} bytes of input",
            s.line,
            s.name,
            s.bytes.len()
        );
    }
    println!(
        "{} samples; the largest peak/size: {:.1} for {}",
        samples.len(),
        worst.0,
        worst.1
    );

    let hostile = [
        0x06, 0x65, 0xc6, 0x63, 0x15, 0xc4, 0xb5, 0x1c, 0xff, 0xff, 0xff, 0x7f,
    ];
    let peak = peak_of(|| {
        assert!(GetMessages::from_bytes(&hostile).is_err());
    });
    assert_eq!(peak, 0, "a hostile count allocated {peak} bytes");
}
