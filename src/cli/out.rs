//! Standard output and error for the CLI: never a panic, never raw
//! document text.
//!
//! `print!` panics when stdout is closed or full (`speclint check | head -1`,
//! `> /dev/full`), which exits with 101 and a backtrace. Here a closed pipe
//! ends the output quietly, as Unix tools do, and any other write error is
//! returned so that the command exits 2 with a message. Messages to stderr
//! are escaped ([`speclint::report::sanitize::line`]): they may hold paths.

use std::io::{ErrorKind, Write};

/// Writes `s` to stdout. A closed pipe is not an error (nothing more can be
/// shown); a full disk or any other failure is.
pub fn print(s: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write to standard output: {e}")),
    }
}

/// Writes one line to stderr, escaped; a failure to write it is ignored
/// (there is nowhere left to report it).
pub fn eprint_line(s: &str) {
    let line = speclint::report::sanitize::line(s);
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// Writes text the core composed (usage errors: already escaped) to stderr;
/// a failure to write it is ignored.
pub fn eprint_text(s: &str) {
    let _ = std::io::stderr().lock().write_all(s.as_bytes());
}
