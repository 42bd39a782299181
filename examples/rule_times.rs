//! Developer tool: how long reading and each rule take on one file.
//! `cargo run --release --example rule_times -- FILE`
use std::time::Instant;

use ddexlint::rules::registry::RULES;
use ddexlint::rules::{Check, Context, RuleOptions};
use ddexlint::source::Source;

fn main() {
    let path = std::env::args().nth(1).expect("file");
    let t = Instant::now();
    let source = Source::decode(&path, std::fs::read(&path).unwrap()).unwrap();
    eprintln!("decode {:>8.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let outcome = ddexlint::ern::read(&source.text);
    eprintln!("read   {:>8.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let feed = outcome.feed.expect("an ERN feed");
    let options = RuleOptions::default();
    let cx = Context {
        feed: &feed,
        source: &source,
        options: &options,
    };
    let mut times = Vec::new();
    for rule in RULES {
        if let Check::Feed(check) = rule.check {
            let t = Instant::now();
            let mut out = Vec::new();
            check(&cx, &mut out);
            times.push((t.elapsed().as_secs_f64() * 1e3, rule.id, out.len()));
        }
    }
    times.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (ms, id, n) in times {
        eprintln!("{ms:>8.1} ms  {id} ({n} findings)");
    }
}
