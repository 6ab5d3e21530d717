//! A hostile element count must be rejected before any allocation sized by it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use tl_runtime::{DecodeError, DecodeErrorKind, Deserializable};

/// Records the largest single allocation request seen.
struct Tracking;

static LARGEST: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator.
unsafe impl GlobalAlloc for Tracking {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LARGEST.fetch_max(layout.size(), Ordering::Relaxed);
        // SAFETY: same layout contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System.alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Tracking = Tracking;

#[test]
fn hostile_count_does_not_allocate_by_count() {
    let bytes = [0x15, 0xc4, 0xb5, 0x1c, 0xff, 0xff, 0xff, 0x7f];
    let result = Vec::<Vec<i64>>::from_bytes(&bytes);
    assert_eq!(
        result,
        Err(DecodeError {
            offset: 4,
            expected: "Vector",
            kind: DecodeErrorKind::LengthTooLarge(0x7fff_ffff),
        })
    );
    // 0x7fffffff elements of 24-byte Vecs would be ~48 GiB; nothing close to
    // even 1 MiB may have been requested.
    assert!(LARGEST.load(Ordering::Relaxed) < 1 << 20);
}
