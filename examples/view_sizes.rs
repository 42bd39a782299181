//! Developer tool: how much resident memory reading a file, each shared view of the rules,
//! and each rule take. `cargo run --release --example view_sizes -- FILE`
//!
//! Growth of VmRSS as the process sees it: memory freed by one step and reused by a later
//! one is counted once. A rule's peak is the high-water mark it sets above the memory it
//! started with (VmHWM, reset before each rule); the rules run one at a time here, in
//! parallel in `ddexlint check`.
use ddexlint::rules::registry::RULES;
use ddexlint::rules::{Context, RuleOptions};
use ddexlint::source::Source;

// The binary's allocator (src/main.rs): with the system one, time and memory are not the
// binary's (a batch file's model builder thread takes ~100 ms less CPU, for one).
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// A memory figure of this process from /proc/self/status (`VmRSS`, `VmHWM`), in MiB.
fn status_mib(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let kib: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("{field} in /proc/self/status"));
    kib / 1024.0
}

fn rss_mib() -> f64 {
    status_mib("VmRSS")
}

/// Makes VmHWM start again from the current VmRSS.
fn reset_peak() {
    std::fs::write("/proc/self/clear_refs", "5").expect("/proc/self/clear_refs");
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: view_sizes FILE");
    let start = rss_mib();
    let source = Source::decode(&path, std::fs::read(&path).unwrap()).unwrap();
    let decoded = rss_mib();
    eprintln!("decoded text       {:>8.1} MiB", decoded - start);
    let outcome = ddexlint::ern::read(&source.text);
    let feed = outcome.feed.expect("an ERN feed");
    let read = rss_mib();
    eprintln!("model              {:>8.1} MiB", read - decoded);
    let options = RuleOptions::default();
    let cx = Context::new(&feed, &source, &options);
    let mut views = 0.0;
    for (view, mib) in cx.build_shared_views(rss_mib) {
        eprintln!("  {view:<18} {mib:>8.1} MiB");
        views += mib;
    }
    eprintln!("shared views       {views:>8.1} MiB");
    let before_rules = rss_mib();
    let mut rules = Vec::new();
    let mut findings = Vec::new();
    for rule in RULES {
        if rule.check.is_on_feed() {
            reset_peak();
            let before = rss_mib();
            rule.check.run_on_feed(&cx, &mut findings);
            rules.push((status_mib("VmHWM") - before, rss_mib() - before, rule.id));
        }
    }
    rules.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (peak, kept, id) in rules.iter().filter(|r| r.0 >= 0.5) {
        eprintln!("  {id:<52} peak {peak:>6.1} kept {kept:>6.1} MiB");
    }
    eprintln!(
        "rules ({} findings) {:>7.1} MiB",
        findings.len(),
        rss_mib() - before_rules
    );
    eprintln!("total              {:>8.1} MiB", rss_mib() - start);
}
