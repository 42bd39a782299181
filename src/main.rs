//! The `ddexlint` command: argument parsing, file walking and output. All linting lives in
//! the library.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}

// jemalloc rather than the system allocator: a run allocates and frees millions of small
// model values and findings on every thread, and jemalloc's per-thread caches cut the CPU
// time of the benchmark runs by 12-15 % (BENCHMARKS.md). mimalloc was tried and cost 4x the
// system time on the batch file.
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;
