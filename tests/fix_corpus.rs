//! `--fix --unsafe-fixes` on a copy of every file of the real corpus (`../shared/corpus/real`),
//! the whole folder in one parallel run: no internal error, malformed files untouched, every
//! fixed file well-formed, in its original encoding, changed only in values that a finding
//! of the original offered to fix, and stable under a second `--fix`.

mod fixcommon;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use ddexlint::fix::{applies, apply_fixes, skeleton};
use ddexlint::lint::lint_source;
use ddexlint::source::Source;

use fixcommon::{assert_only_values_changed, changed_values, settings_for};

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "xml") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn copy_tree(from: &Path, to: &Path) {
    for f in files(from) {
        let dest = to.join(f.strip_prefix(from).unwrap());
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(&f, &dest).unwrap();
    }
}

#[test]
fn fix_every_corpus_file_on_a_copy() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real");
    assert!(corpus.is_dir(), "the shared corpus is missing at {}", corpus.display());
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&corpus, tmp.path());

    let out = Command::cargo_bin("ddexlint")
        .unwrap()
        .args(["check", "--fix", "--unsafe-fixes", "--jobs", "2", "--format", "json"])
        .arg(tmp.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(2), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        report["fixed"].as_u64().unwrap_or(0) > 0,
        "the corpus has fixable findings"
    );

    let settings = settings_for(&[]);
    let (mut fixed_files, mut total) = (0, 0);
    for original_path in files(&corpus) {
        total += 1;
        let rel = original_path.strip_prefix(&corpus).unwrap();
        let name = rel.display().to_string();
        let before = std::fs::read(&original_path).unwrap();
        let after = std::fs::read(tmp.path().join(rel)).unwrap();
        if before == after {
            continue;
        }
        fixed_files += 1;
        let source = Source::decode(name.as_str(), before.clone())
            .unwrap_or_else(|e| panic!("{name}: undecodable file rewritten: {}", e.message));
        let read = ddexlint::ern::read(&source.text);
        assert!(
            !read.findings.iter().any(|f| f.rule == "xml-malformed"),
            "{name}: a malformed file was rewritten"
        );
        let fixed = Source::decode(name.as_str(), after.clone()).unwrap();
        assert_eq!(fixed.encoding, source.encoding, "{name}: encoding changed");
        assert_eq!(
            source.encode_like_original(&fixed.text),
            after,
            "{name}: not re-encoded like the original"
        );
        assert_only_values_changed(&name, &source.text, &fixed.text);

        // Every changed value is one a finding of the original offered to fix.
        let cut = skeleton::cut(&source.text);
        let offered: HashSet<usize> = lint_source(&source, &settings)
            .findings
            .iter()
            .filter_map(|l| l.finding.fix.as_ref())
            .filter(|f| applies(f.applicability, true))
            .flat_map(|f| f.edits.iter())
            .filter_map(|e| skeleton::value_at(&cut, &e.span.range()))
            .collect();
        let changed = changed_values(&name, &source.text, &fixed.text);
        let stray: Vec<_> = changed
            .difference(&offered)
            .map(|&i| &source.text[cut[i].span.clone()])
            .collect();
        assert!(
            stray.is_empty(),
            "{name}: values changed that no fix targeted: {stray:?}"
        );

        let again = apply_fixes(&fixed, &settings, true).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            again.applied.is_empty(),
            "{name}: a second --fix would apply {:?}",
            again.applied
        );
    }
    assert!(fixed_files > 0 && fixed_files <= total);
}
