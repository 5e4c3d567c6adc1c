//! The `quorum` command: parses the command line and calls the library.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
