//! The `claims` command: a thin layer over the `claims` library. All logic lives in the
//! library (`src/lib.rs`) and the CLI layer (`src/cli/`).

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
