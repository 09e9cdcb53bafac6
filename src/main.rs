use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = ontolint::cli::Cli::parse();
    match ontolint::cli::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("error: {e}");
            if let Some(advice) = e.advice() {
                eprintln!("  help: {advice}");
            }
            ExitCode::from(e.exit_code())
        }
    }
}
