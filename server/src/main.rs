//! `sigap`: one binary for serving the portal and administering it from the command line.

use clap::Parser;

/// Server rendering allocates many short-lived strings across threads; glibc's allocator spent
/// a third of the catalog page's CPU time in malloc and free (BENCHMARKS.md, findings).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = server::cli::Cli::parse();
    match server::cli::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            // `{:#}` prints the whole cause chain on one line: the message a person acts on.
            eprintln!("sigap: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
