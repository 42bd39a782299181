//! The feeds the whole-file tests run over: the real corpus, the rule fixtures, the samples
//! and the generated batch in `tests/data`.

use std::path::{Path, PathBuf};

fn xml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            xml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "xml") {
            out.push(p);
        }
    }
}

/// Every `.xml` file of those folders, sorted.
pub fn files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for d in ["../shared/corpus/real", "tests/fixtures", "samples", "tests/data"] {
        xml_files(&root.join(d), &mut out);
    }
    out.sort();
    out
}
