//! How `to_bytes` sizes its vector: the usual start for small values, room
//! for what the two previous calls on the thread wrote once both were large
//! (no doublings), and room a guess left unused given back. The bytes are
//! the same whatever the start. Each test runs on a thread of its own, so
//! each starts with no previous calls.

use tl_runtime::{Serializable, TO_BYTES_CAPACITY};

/// A boxed `Vector<long>` of 2,000 elements: 8 + 16,000 bytes, written
/// element by element (so a vector that starts small doubles to hold it).
fn large() -> Vec<i64> {
    (0..2_000).collect()
}

const LARGE_LEN: usize = 16_008;

/// The encoding written into a new vector, for comparison.
fn serialized<T: Serializable>(value: &T) -> Vec<u8> {
    let mut out = Vec::new();
    value.serialize(&mut out);
    out
}

#[test]
fn small_values_start_with_the_usual_room() {
    for _ in 0..3 {
        let bytes = 7i32.to_bytes();
        assert_eq!(bytes, [7, 0, 0, 0]);
        assert_eq!(bytes.capacity(), TO_BYTES_CAPACITY);
    }
}

#[test]
fn a_run_of_large_values_is_written_without_growing() {
    let value = large();
    let expected = serialized(&value);
    assert_eq!(expected.len(), LARGE_LEN);
    // The first two start small and double: 256 -> ... -> 16,384.
    for _ in 0..2 {
        let bytes = value.to_bytes();
        assert_eq!(bytes, expected);
        assert_eq!(bytes.capacity(), 16_384);
    }
    // Two large ones before: room for them from the start.
    for _ in 0..3 {
        let bytes = value.to_bytes();
        assert_eq!(bytes, expected);
        assert_eq!(bytes.capacity(), LARGE_LEN);
    }
    let checked = value.try_to_bytes().unwrap();
    assert_eq!(checked, expected);
    assert_eq!(checked.capacity(), LARGE_LEN);
}

#[test]
fn a_small_value_after_large_ones_gives_the_room_back() {
    let value = large();
    for _ in 0..2 {
        value.to_bytes();
    }
    // Started with room for 16,008 bytes, keeps its 4.
    let bytes = 7i32.to_bytes();
    assert_eq!(bytes, [7, 0, 0, 0]);
    assert_eq!(bytes.capacity(), 4);
    // One small value among large ones: the next large one starts small
    // again, the one after is sized.
    assert_eq!(value.to_bytes().capacity(), 16_384);
    assert_eq!(value.to_bytes().capacity(), 16_384);
    assert_eq!(value.to_bytes().capacity(), LARGE_LEN);
}

#[test]
fn a_large_value_after_a_smaller_large_run_grows_from_the_guess() {
    let smaller: Vec<i64> = (0..1_000).collect(); // 8,008 bytes
    for _ in 0..2 {
        smaller.to_bytes();
    }
    // From 8,008 doubled once.
    let bytes = large().to_bytes();
    assert_eq!(bytes, serialized(&large()));
    assert_eq!(bytes.capacity(), 16_016);
}
