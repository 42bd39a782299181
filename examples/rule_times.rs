//! Developer tool: how much CPU reading and each rule take on one file (this thread's CPU
//! time, which a busy machine disturbs less than wall time; reading large files also uses a
//! second thread, not counted). `cargo run --release --example rule_times -- FILE`
use ddexlint::rules::registry::RULES;
use ddexlint::rules::{Context, RuleOptions};
use ddexlint::source::Source;

// The binary's allocator (src/main.rs): with the system one, time and memory are not the
// binary's (a batch file's model builder thread takes ~100 ms less CPU, for one).
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// CPU time of the calling thread, in milliseconds.
fn cpu_ms() -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid timespec for clock_gettime to fill.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 * 1e3 + ts.tv_nsec as f64 / 1e6
}

fn main() {
    let path = std::env::args().nth(1).expect("file");
    let t = cpu_ms();
    let source = Source::decode(&path, std::fs::read(&path).unwrap()).unwrap();
    eprintln!("decode {:>8.1} ms", cpu_ms() - t);
    let t = cpu_ms();
    let wall = std::time::Instant::now();
    let outcome = ddexlint::ern::read(&source.text);
    eprintln!(
        "read   {:>8.1} ms (wall {:.1} ms)",
        cpu_ms() - t,
        wall.elapsed().as_secs_f64() * 1e3
    );
    let feed = outcome.feed.expect("an ERN feed");
    let options = RuleOptions::default();
    let cx = Context::new(&feed, &source, &options);
    let mut shared = 0.0;
    for (view, d) in cx.build_shared_views(cpu_ms) {
        eprintln!("shared {:>8.1} ms  {view}", d);
        shared += d;
    }
    let mut times = Vec::new();
    for rule in RULES {
        let t = cpu_ms();
        let mut out = Vec::new();
        if rule.check.run_on_feed(&cx, &mut out) {
            times.push((cpu_ms() - t, rule.id, out.len()));
        }
    }
    times.sort_by(|a, b| b.0.total_cmp(&a.0));
    let total: f64 = times.iter().map(|t| t.0).sum();
    for (ms, id, n) in times {
        eprintln!("{ms:>8.1} ms  {id} ({n} findings)");
    }
    eprintln!("rules  {total:>8.1} ms (+ shared views {shared:.1} ms)");
}
