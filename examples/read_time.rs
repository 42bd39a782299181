//! Developer tool: CPU time of decoding and reading one file, less noisy than wall-clock
//! on a shared machine. `cargo run --release --example read_time -- FILE [--single] [RUNS]`
use std::time::Instant;

use ddexlint::source::Source;

// The binary's allocator (src/main.rs): with the system one, time and memory are not the
// binary's (a batch file's model builder thread takes ~100 ms less CPU, for one).
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// User + system CPU time of the whole process so far, in ms (from /proc, 10 ms ticks).
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = after.split_whitespace().collect();
    // Fields after the command: state, ppid, …; utime and stime are the 12th and 13th.
    let field = |i: usize| f.get(i).and_then(|x| x.parse::<u64>().ok()).unwrap_or(0);
    (field(11) + field(12)) as f64 * 10.0
}

/// Peak and current resident memory, in MB.
fn rss() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = |key: &str| {
        status
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
            / 1024
    };
    format!("peak {} MB, now {} MB", kb("VmHWM:"), kb("VmRSS:"))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = &args[0];
    let single = args.iter().any(|a| a == "--single");
    // Only the strict XML reader, no model.
    let xml_only = args.iter().any(|a| a == "--xml-only");
    let runs: usize = args.iter().filter_map(|a| a.parse().ok()).next().unwrap_or(3);
    let bytes = std::fs::read(path).unwrap();
    let (c, t) = (cpu_ms(), Instant::now());
    let source = Source::decode(path, bytes).unwrap();
    eprintln!(
        "decode {:>8.1} ms wall {:>8.0} ms cpu",
        t.elapsed().as_secs_f64() * 1e3,
        cpu_ms() - c
    );
    for _ in 0..runs {
        let (c, t) = (cpu_ms(), Instant::now());
        if xml_only {
            let mut reader = ddexlint::xml::XmlReader::new(&source.text);
            let mut events = 0usize;
            while let Ok(Some(_)) = reader.next() {
                events += 1;
            }
            let wall = t.elapsed().as_secs_f64() * 1e3;
            eprintln!(
                "xml    {wall:>8.1} ms wall {:>8.0} ms cpu ({events} events)",
                cpu_ms() - c
            );
            continue;
        }
        let outcome = if single {
            ddexlint::ern::read_single_threaded(&source.text)
        } else {
            ddexlint::ern::read(&source.text)
        };
        let wall = t.elapsed().as_secs_f64() * 1e3;
        let cpu = cpu_ms() - c;
        let items = outcome.feed.as_ref().map_or(0, |f| f.items.len());
        eprintln!(
            "read   {wall:>8.1} ms wall {cpu:>8.0} ms cpu ({items} items; {})",
            rss()
        );
        let c = cpu_ms();
        drop(outcome);
        eprintln!("drop   {:>8.0} ms cpu", cpu_ms() - c);
    }
}
