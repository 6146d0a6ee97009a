//! The native `speclint` command line: argument parsing and exit codes.
//! Everything it checks comes from the core library; see `src/cli/`.

#![deny(unsafe_code)]

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = Vec::new();
    for a in std::env::args_os().skip(1) {
        match a.into_string() {
            Ok(a) => args.push(a),
            Err(a) => {
                cli::out::eprint_line(&format!(
                    "speclint: error: argument `{}` is not valid UTF-8",
                    a.to_string_lossy()
                ));
                return ExitCode::from(2);
            }
        }
    }
    let invocation = match speclint::command::parse(&args) {
        Ok(i) => i,
        Err(exit) => {
            if exit.stdout {
                if let Err(e) = cli::out::print(&exit.text) {
                    cli::out::eprint_line(&format!("speclint: error: {e}"));
                    return ExitCode::from(2);
                }
            } else {
                cli::out::eprint_text(&exit.text);
            }
            return ExitCode::from(exit.code);
        }
    };
    match cli::run(invocation) {
        Ok(code) => code,
        Err(e) => {
            cli::out::eprint_line(&format!("speclint: error: {e}"));
            ExitCode::from(2)
        }
    }
}
