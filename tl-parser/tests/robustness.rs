//! The parser and validator return, without panicking, on thousands of
//! mutated versions of the real schemas and on arbitrary bytes.
//!
//! Deterministic: a hand-written xorshift generator with a fixed seed, so a
//! failure reproduces. Only "it returns" is asserted (plus that rendering the
//! diagnostics and printing the tree return too).

mod common;

use tl_parser::{Dialect, check};

/// xorshift64*: small, fast, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The nearest char boundary at or before `i`.
fn floor(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A window of 2 to 20 KiB of `src`, on char boundaries.
fn window<'a>(rng: &mut Rng, src: &'a str) -> &'a str {
    let len = 2048 + rng.below(18 * 1024);
    let start = floor(src, rng.below(src.len().saturating_sub(len).max(1)));
    let end = floor(src, start + len);
    &src[start..end]
}

const SNIPPETS: &[&str] = &[
    "{",
    "}",
    "<",
    ">",
    "(",
    ")",
    "[",
    "]",
    "%",
    "#",
    "?",
    "!",
    ":",
    ";",
    "=",
    ".",
    "*",
    "---",
    "---functions---",
    "---types---",
    "---x---",
    "/*",
    "*/",
    "//",
    "//@class X @description ",
    "//@description ",
    "//-",
    "// LAYER 9\n",
    "flags.",
    "flags.99?",
    "#ffffffff",
    "#123456789",
    "{X:Type}",
    "!X",
    "\n",
    " ",
    "é",
    "日本",
    "\u{0}",
    "\r\n",
    "4*[",
    "n*[ ",
    "vector",
];

/// Applies one random mutation to `text`.
fn mutate(rng: &mut Rng, text: &mut String, others: &[(std::path::PathBuf, String)]) {
    if text.is_empty() {
        text.push_str(SNIPPETS[rng.below(SNIPPETS.len())]);
        return;
    }
    let at = floor(text, rng.below(text.len() + 1));
    match rng.below(7) {
        // Flip a byte, then repair the UTF-8 lossily.
        0 => {
            let mut bytes = std::mem::take(text).into_bytes();
            let i = rng.below(bytes.len());
            bytes[i] ^= 1 << rng.below(8);
            *text = String::from_utf8_lossy(&bytes).into_owned();
        }
        // Truncate.
        1 => text.truncate(at),
        // Delete a character.
        2 => {
            if let Some(c) = text[at..].chars().next() {
                text.replace_range(at..at + c.len_utf8(), "");
            }
        }
        // Duplicate a character.
        3 => {
            if let Some(c) = text[at..].chars().next() {
                text.insert(at, c);
            }
        }
        // Insert a piece of TL syntax.
        4 => text.insert_str(at, SNIPPETS[rng.below(SNIPPETS.len())]),
        // Splice in a few lines of another schema.
        5 => {
            let (_, other) = &others[rng.below(others.len())];
            let start = floor(other, rng.below(other.len()));
            let end = floor(other, start + rng.below(400));
            text.insert_str(at, &other[start..end]);
        }
        // Swap two halves.
        _ => {
            let (a, b) = text.split_at(at);
            *text = format!("{b}{a}");
        }
    }
}

fn exercise(text: &str, dialect: Dialect) {
    let checked = check(text, dialect);
    // Rendering re-reads the whole text per diagnostic: a few suffice to
    // exercise it (the first ones and the last, which may sit at the end).
    let diagnostics = &checked.diagnostics;
    for d in diagnostics.iter().take(3).chain(diagnostics.last()) {
        let _ = d.render("mutated.tl", text);
    }
    let _ = checked.schema.to_string();
}

#[test]
fn mutated_real_schemas_never_panic() {
    let testdata = common::testdata();
    let schemas = common::real_schemas(&testdata);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let started = std::time::Instant::now();
    let rounds = 3000;
    for round in 0..rounds {
        let (path, src) = &schemas[rng.below(schemas.len())];
        let mut text = window(&mut rng, src).to_owned();
        for _ in 0..1 + rng.below(8) {
            mutate(&mut rng, &mut text, &schemas);
        }
        let dialect = if round % 2 == 0 {
            common::dialect_for(path)
        } else {
            Dialect::Tdlib
        };
        exercise(&text, dialect);
    }
    println!("{rounds} mutated schemas in {:.1?}", started.elapsed());
}

#[test]
fn arbitrary_bytes_never_panic() {
    let mut rng = Rng(0x0123_4567_89ab_cdef);
    for _ in 0..2000 {
        let len = rng.below(512);
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                // Lean on TL punctuation so the parser gets past the first token.
                let b = rng.next() as u8;
                const TL: &[u8] = b"abcXY_.#:?!{}<>()[]%*=; \n/-0123456789";
                if b < 128 {
                    TL[usize::from(b) % TL.len()]
                } else {
                    b
                }
            })
            .collect();
        let text = String::from_utf8_lossy(&bytes);
        exercise(&text, Dialect::Telegram);
    }
}
