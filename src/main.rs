//! The `ddexlint` command: argument parsing, file walking and output. All linting lives in
//! the library.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
