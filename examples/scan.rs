//! Developer tool: lint every file under a folder and print a one-line summary per finding.
use ddexlint::lint::{lint_bytes, Settings};

fn main() {
    let dir = std::env::args().nth(1).expect("folder");
    let mut files = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p)
            } else if p.extension().is_some_and(|e| e == "xml") {
                files.push(p)
            }
        }
    }
    files.sort();
    let settings = Settings::default();
    for f in files {
        let bytes = std::fs::read(&f).unwrap();
        let out = lint_bytes(&f.display().to_string(), bytes, &settings);
        println!(
            "== {} [{}] releases={} findings={}",
            f.display(),
            out.summary.ern_version.as_deref().unwrap_or("-"),
            out.summary.releases,
            out.findings.len()
        );
        for l in out.findings.iter().take(8) {
            println!(
                "   {}:{} {} {} | {}",
                l.line,
                l.column,
                l.finding.severity.as_str(),
                l.finding.rule,
                l.finding.message
            );
        }
    }
}
