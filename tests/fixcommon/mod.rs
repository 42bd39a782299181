//! Helpers shared by the `--fix` tests.
#![allow(dead_code)]

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use ddexlint::fix::{applies, skeleton};
use ddexlint::lint::{FileOutcome, Selection, Settings};
use ddexlint::rules::RuleOptions;

/// The rules named (all when empty), with a fixed "current year".
/// Settings that run `ids`; one rule whose fixture folder holds a `labels.toml` gets that
/// label registry.
pub fn settings_for(ids: &[&str]) -> Settings {
    let registry = match ids {
        [id] => {
            let p = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/rules")
                .join(id)
                .join("labels.toml");
            p.is_file()
                .then(|| std::sync::Arc::new(ddexlint::labels::LabelRegistry::load(&p).unwrap()))
        }
        _ => None,
    };
    let ids: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    Settings {
        selection: Selection::new(&ids, &[]).unwrap(),
        options: RuleOptions {
            current_year: 2026,
            labels: registry,
            ..RuleOptions::default()
        },
        ..Settings::default()
    }
}

pub fn base() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base-ern43.xml")).unwrap()
}

/// `prefix*.xml` files of `dir`, sorted.
pub fn fixtures(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.retain(|p| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".xml"))
    });
    v.sort();
    v
}

/// Findings whose fix `--fix` (with `unsafe_ok`: `--unsafe-fixes`) would apply.
pub fn fixable_left(outcome: &FileOutcome, unsafe_ok: bool) -> usize {
    outcome
        .findings
        .iter()
        .filter_map(|l| l.finding.fix.as_ref())
        .filter(|f| applies(f.applicability, unsafe_ok) && !f.edits.is_empty())
        .count()
}

/// Indices of the values (text contents, attribute values) that differ between two versions
/// of a document; panics if anything else differs.
pub fn changed_values(name: &str, before: &str, after: &str) -> HashSet<usize> {
    let (a, b) = (skeleton::cut(before), skeleton::cut(after));
    let mut changed = Vec::new();
    if let Some(d) = skeleton::compare(before, &a, after, &b, &mut changed) {
        panic!("{name}: more than values changed: {d}");
    }
    changed.into_iter().collect()
}

/// The fixed text is well-formed and differs from the original only inside values.
pub fn assert_only_values_changed(name: &str, before: &str, after: &str) {
    let read = ddexlint::ern::read(after);
    let malformed: Vec<_> = read.findings.iter().filter(|f| f.rule == "xml-malformed").collect();
    assert!(
        malformed.is_empty(),
        "{name}: fixed text is malformed: {}",
        malformed[0].message
    );
    changed_values(name, before, after);
}

/// Encodings a feed is written in: the bytes each starts with, and the encoder.
/// Writes a feed's text as bytes in one encoding.
pub type Encoder = fn(&str) -> Vec<u8>;

pub const ENCODINGS: [(&[u8], Encoder); 4] = [
    (b"", |t| t.as_bytes().to_vec()),
    (b"\xEF\xBB\xBF", |t| [b"\xEF\xBB\xBF".as_slice(), t.as_bytes()].concat()),
    (b"\xFF\xFE", |t| {
        let mut v = b"\xFF\xFE".to_vec();
        t.encode_utf16().for_each(|u| v.extend(u.to_le_bytes()));
        v
    }),
    (b"\xFE\xFF", |t| {
        let mut v = b"\xFE\xFF".to_vec();
        t.encode_utf16().for_each(|u| v.extend(u.to_be_bytes()));
        v
    }),
];
