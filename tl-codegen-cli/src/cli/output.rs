//! Writing to standard output when the reader may go away: `tl-codegen
//! generate x.tl | head` closes the pipe early, which is not an error of the
//! command. Every command writes its stdout through [`Stdout`], which then
//! stops writing quietly instead of failing (or panicking, as `println!`
//! does).

use std::io::{ErrorKind, Write};

/// Standard output, closed or not.
#[derive(Debug, Default)]
pub struct Stdout {
    /// The reader went away: nothing more is written.
    closed: bool,
}

impl Stdout {
    /// Standard output, open.
    pub fn new() -> Self {
        Stdout::default()
    }

    /// Writes `text` (and flushes, so that a closed pipe shows here). A
    /// closed pipe ends the output quietly; any other failure is returned as
    /// `standard output: reason`.
    pub fn write(&mut self, text: &str) -> Result<(), String> {
        if self.closed {
            return Ok(());
        }
        let mut out = std::io::stdout().lock();
        match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            Err(e) => Err(format!("standard output: {e}")),
        }
    }

    /// [`Stdout::write`] of `line` and a newline.
    pub fn line(&mut self, line: &str) -> Result<(), String> {
        self.write(&format!("{line}\n"))
    }
}
