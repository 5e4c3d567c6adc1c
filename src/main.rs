//! The `quorum` command: parses the command line and calls the library.

mod cli;

use std::process::ExitCode;

// Rendering allocates and frees many small strings: mimalloc does that
// markedly faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::run()
}
