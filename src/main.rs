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

/// jemalloc's options, read when it starts. Freed pages go back to the system after 0.3 s
/// rather than 10 s: a batch file's segments are freed as it is read, and what they leave
/// would otherwise still count at the peak. On the 200 MB batch file, five alternating runs
/// each: 317–323 MiB at 300 ms, 322–329 MiB at 1 s and 327–333 MiB at the default 10 s, in
/// the same time; 0 ms gave 305 MiB but took 0.35 s longer.
#[allow(non_upper_case_globals)]
#[export_name = "_rjem_malloc_conf"]
pub static malloc_conf: &[u8] = b"dirty_decay_ms:300\0";
