//! `construbot`: the server and the operator commands.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = backend::cli::Cli::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("construbot: cannot start the async runtime: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(backend::cli::run(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("construbot: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
