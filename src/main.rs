//! The native `speclint` command line: argument parsing and exit codes.
//! Everything it checks comes from the core library; see `src/cli/`.

#![deny(unsafe_code)]

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            cli::out::eprint_line(&format!("speclint: error: {e}"));
            ExitCode::from(2)
        }
    }
}
