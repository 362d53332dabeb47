//! The `rolo` binary: parse arguments, run, map the result to an exit code.
//! 0 success (warnings allowed), 1 an input or output failed, 2 usage error.

mod cli;

use clap::Parser;
use std::process::ExitCode;

/// rolo makes and frees tens of millions of small values per million records; mimalloc does that
/// markedly faster than the system allocator (docs/performance.md, docs/dependencies.md).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli::run(cli) {
        Ok(cli::Exit::Ok) => ExitCode::SUCCESS,
        Ok(cli::Exit::Failed) => ExitCode::from(1),
        Err(e) => {
            if let Some(io) = e.downcast_ref::<std::io::Error>() {
                if io.kind() == std::io::ErrorKind::BrokenPipe {
                    return ExitCode::SUCCESS;
                }
            }
            eprintln!("rolo: error: {e:#}");
            ExitCode::from(1)
        }
    }
}
