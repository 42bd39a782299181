//! The catalogue pass (rules.md §6) through the command line: small folders with planted
//! variants and conflicts, folders that must stay silent, and a generated catalogue whose
//! planted variants (`bench/gen_ern.py --catalogue`, `planted.json`) must all be found.

use std::collections::BTreeSet;
use std::path::Path;

use assert_cmd::Command;

const CATALOGUE_RULES: &str = "catalogue,label-name-variant";

/// (file name, rule) of every finding of a run over `dir`.
fn findings(dir: &Path, extra: &[&str]) -> BTreeSet<(String, String)> {
    let out = Command::cargo_bin("ddexlint")
        .unwrap()
        .args([
            "check",
            "--no-progress",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--select",
            CATALOGUE_RULES,
        ])
        .args(extra)
        .arg(dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let path = f["path"].as_str().unwrap();
            let name = Path::new(path).file_name().unwrap().to_string_lossy().into_owned();
            (name, f["rule"].as_str().unwrap().to_string())
        })
        .collect()
}

/// `ddexlint index build` of `dir` into `idx`; what it says on stderr.
fn build_index(dir: &Path, idx: &Path) -> String {
    let out = Command::cargo_bin("ddexlint")
        .unwrap()
        .args(["index", "build", "--output"])
        .arg(idx)
        .arg(dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    stderr
}

fn fixture(p: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/catalogue")
        .join(p)
}

#[test]
fn planted_variants_and_conflicts_are_found() {
    let got = findings(&fixture("variants"), &[]);
    let want: BTreeSet<(String, String)> = [
        ("c.xml", "label-name-variant"),
        ("c.xml", "id-party-conflict"),
        ("c.xml", "artist-name-variant"),
        ("d.xml", "label-name-variant"),
        ("d.xml", "id-party-conflict"),
        ("d.xml", "id-isrc-conflict"),
        ("e.xml", "id-release-conflict"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(got, want);
}

/// "Sugar Music" and "Sugar Hill Records" are two labels; one artist written in two scripts
/// (under one ISNI) is one artist; a re-delivered release (same ICPN, same title) is no
/// conflict.
#[test]
fn consistent_catalogue_is_silent() {
    let got = findings(&fixture("consistent"), &[]);
    assert!(got.is_empty(), "{got:?}");
}

/// A file with both spellings is the per-feed rule's: the catalogue pass does not report it
/// a second time.
#[test]
fn in_feed_variants_are_not_reported_twice() {
    let src =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules/label-name-variant/fail-ern4-releases.xml");
    let count = |dir: &Path| {
        let out = Command::cargo_bin("ddexlint")
            .unwrap()
            .args([
                "check",
                "--format",
                "json",
                "--fail-on",
                "never",
                "--select",
                "label-name-variant",
            ])
            .arg(dir)
            .output()
            .unwrap();
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        report["findings"].as_array().unwrap().len()
    };
    let one = tempfile::tempdir().unwrap();
    std::fs::copy(&src, one.path().join("a.xml")).unwrap();
    let single = count(one.path());
    assert!(single > 0);
    let two = tempfile::tempdir().unwrap();
    std::fs::copy(&src, two.path().join("a.xml")).unwrap();
    std::fs::copy(&src, two.path().join("b.xml")).unwrap();
    assert_eq!(count(two.path()), 2 * single);
}

#[test]
fn generated_catalogue_planted_variants_are_all_found() {
    let dir = tempfile::tempdir().unwrap();
    let gen = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/gen_ern.py");
    let status = std::process::Command::new("python3")
        .arg(&gen)
        .args(["--catalogue"])
        .arg(dir.path())
        .args(["--count", "300"])
        .stdout(std::process::Stdio::null())
        .status();
    // python3 is part of this project's machines (the benchmark generator needs it too).
    let status = status.expect("python3 runs bench/gen_ern.py");
    assert!(status.success());
    let planted: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("planted.json")).unwrap()).unwrap();
    let got = findings(dir.path(), &[]);
    // Without a registry a variant needs its canonical spelling somewhere in the run.
    let mut all = String::new();
    for e in std::fs::read_dir(dir.path()).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "xml") {
            all.push_str(&std::fs::read_to_string(p).unwrap());
        }
    }
    let mut variant_files = BTreeSet::new();
    let mut missing = Vec::new();
    for v in planted["variants"].as_array().unwrap() {
        let rule = v["expected_rule"].as_str().unwrap();
        let canonical = v["canonical"].as_str().unwrap().replace('&', "&amp;");
        if !all.contains(&format!(">{canonical}<")) {
            continue;
        }
        for f in v["files"].as_array().unwrap() {
            let f = f.as_str().unwrap().to_string();
            variant_files.insert(f.clone());
            if !got.contains(&(f.clone(), rule.to_string())) {
                missing.push(format!("{f}: {rule} ({})", v["variant"]));
            }
        }
    }
    for c in planted["isrc_conflicts"].as_array().unwrap() {
        let f = c["files"][1].as_str().unwrap().to_string();
        if !got.contains(&(f.clone(), "id-isrc-conflict".to_string())) {
            missing.push(format!("{f}: id-isrc-conflict"));
        }
    }
    assert!(missing.is_empty(), "planted but not found: {missing:?}");
    // No variant finding outside the planted files, except on a tie (the planted spelling
    // used in as many files as the canonical one): then one side is reported.
    let stray: Vec<_> = got
        .iter()
        .filter(|(f, r)| r.ends_with("-name-variant") && !variant_files.contains(f))
        .collect();
    assert!(
        stray.len() <= 8,
        "variant findings on consistently spelled files: {stray:?}"
    );
}

/// With the generated registry, the canonical name comes from the registry.
#[test]
fn generated_catalogue_with_registry() {
    let dir = tempfile::tempdir().unwrap();
    let gen = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/gen_ern.py");
    let status = std::process::Command::new("python3")
        .arg(&gen)
        .arg("--catalogue")
        .arg(dir.path())
        .args(["--count", "120"])
        .stdout(std::process::Stdio::null())
        .status()
        .expect("python3 runs bench/gen_ern.py");
    assert!(status.success());
    let registry = dir.path().join("labels.toml");
    let got = findings(
        dir.path(),
        &[
            "--labels",
            registry.to_str().unwrap(),
            "--select",
            "label-registry-alias",
        ],
    );
    let planted: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("planted.json")).unwrap()).unwrap();
    for v in planted["variants"].as_array().unwrap() {
        let rule = if v["registry_alias"].as_bool() == Some(true) {
            "label-registry-alias"
        } else {
            v["expected_rule"].as_str().unwrap()
        };
        for f in v["files"].as_array().unwrap() {
            let f = f.as_str().unwrap().to_string();
            assert!(got.contains(&(f.clone(), rule.to_string())), "{f}: {rule}");
        }
    }
    // Registered spellings are canonical: no variant finding on a file that spells a
    // label as the registry does.
    for (f, r) in &got {
        if r == "label-name-variant" {
            let planted_file = planted["variants"]
                .as_array()
                .unwrap()
                .iter()
                .any(|v| v["files"].as_array().unwrap().iter().any(|x| x.as_str() == Some(f)));
            assert!(planted_file, "{f}: label-name-variant on a registered spelling");
        }
    }
}

/// An inline suppression silences a catalogue rule on the element it precedes, and is not
/// "unused" because the file's own pass found nothing there.
#[test]
fn inline_suppression_silences_catalogue_findings() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["a.xml", "b.xml", "c.xml", "d.xml", "e.xml"] {
        let mut text = std::fs::read_to_string(fixture(&format!("variants/{f}"))).unwrap();
        if f == "c.xml" {
            let at = text.find("<Party>\n      <PartyReference>PLabel").unwrap();
            text.insert_str(
                at,
                "<!-- ddexlint-disable-next-element label-name-variant, id-party-conflict: the sleeve spells it so -->\n    ",
            );
        }
        std::fs::write(dir.path().join(f), text).unwrap();
    }
    let got = findings(dir.path(), &["--select", "suppression-unused,suppression-invalid"]);
    let c: Vec<&str> = got
        .iter()
        .filter(|(f, _)| f == "c.xml")
        .map(|(_, r)| r.as_str())
        .collect();
    assert_eq!(c, ["artist-name-variant"], "{got:?}");
}

/// Catalogue findings go into a baseline like any other, and the baseline hides them.
#[test]
fn baseline_records_and_hides_catalogue_findings() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("baseline.json");
    let status = Command::cargo_bin("ddexlint")
        .unwrap()
        .args(["check", "--select", CATALOGUE_RULES, "--write-baseline"])
        .arg(&baseline)
        .arg(fixture("variants"))
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(0));
    let got = findings(&fixture("variants"), &["--baseline", baseline.to_str().unwrap()]);
    assert!(got.is_empty(), "{got:?}");
}

/// Incremental use: the index of the files delivered before, then only the new files checked
/// against it, finds what a run over everything finds in the new files.
#[test]
fn new_deliveries_are_checked_against_a_stored_index() {
    let tmp = tempfile::tempdir().unwrap();
    let (old, new) = (tmp.path().join("old"), tmp.path().join("new"));
    std::fs::create_dir_all(&old).unwrap();
    std::fs::create_dir_all(&new).unwrap();
    for name in ["a.xml", "b.xml"] {
        std::fs::copy(fixture("variants").join(name), old.join(name)).unwrap();
    }
    for name in ["c.xml", "d.xml", "e.xml"] {
        std::fs::copy(fixture("variants").join(name), new.join(name)).unwrap();
    }
    let idx = tmp.path().join("catalogue.idx");
    assert!(build_index(&old, &idx).contains("2 files"));

    let alone = findings(&new, &[]);
    let against_index = findings(&new, &["--catalogue", idx.to_str().unwrap()]);
    let everything: BTreeSet<(String, String)> = findings(&fixture("variants"), &[])
        .into_iter()
        .filter(|(f, _)| f != "a.xml" && f != "b.xml")
        .collect();
    assert_eq!(against_index, everything);
    assert!(
        alone.len() < against_index.len(),
        "the index adds what only the old files show: {alone:?}"
    );

    // A re-delivered file replaces its old self in the index: no conflict with itself.
    let again = findings(&old.join("a.xml"), &["--catalogue", idx.to_str().unwrap()]);
    assert!(again.is_empty(), "{again:?}");
}

/// One file alone has nothing to compare its identifiers with, and its run leaves them out
/// (`Settings::catalogue_names_only`); checked against an index, it has, and they are kept.
#[test]
fn one_file_compares_its_identifiers_with_an_index_only() {
    let tmp = tempfile::tempdir().unwrap();
    let old = tmp.path().join("old");
    std::fs::create_dir_all(&old).unwrap();
    for name in ["a.xml", "b.xml", "c.xml", "e.xml"] {
        std::fs::copy(fixture("variants").join(name), old.join(name)).unwrap();
    }
    let idx = tmp.path().join("catalogue.idx");
    build_index(&old, &idx);
    let d = fixture("variants").join("d.xml");
    let against_index = findings(&d, &["--catalogue", idx.to_str().unwrap()]);
    for rule in ["id-isrc-conflict", "id-party-conflict"] {
        assert!(
            against_index.contains(&("d.xml".to_string(), rule.to_string())),
            "{rule}: {against_index:?}"
        );
    }
    let alone = findings(&d, &[]);
    assert!(alone.iter().all(|(_, rule)| !rule.ends_with("-conflict")), "{alone:?}");
}

#[test]
fn stale_or_corrupt_index_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let cases = [
        (
            "corrupt.idx",
            "{\"format\":\"ddexlint-catalogue-index\",\"version\":1,\"strings\":[",
            "corrupt catalogue index",
        ),
        (
            "stale.idx",
            "{\"format\":\"ddexlint-catalogue-index\",\"version\":0,\"ddexlint\":\"0.0.1\"}",
            "format version 0",
        ),
        ("other.json", "{\"hello\":1}", "not a ddexlint catalogue index"),
        ("garbage.idx", "\u{1}\u{2}binary", "not a ddexlint catalogue index"),
    ];
    for (name, content, expected) in cases {
        let path = tmp.path().join(name);
        std::fs::write(&path, content).unwrap();
        let out = Command::cargo_bin("ddexlint")
            .unwrap()
            .args(["check", "--no-progress", "--catalogue"])
            .arg(&path)
            .arg(fixture("variants").join("a.xml"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected) && err.contains("rebuild"), "{name}: {err}");
    }
}

/// The index file is deterministic and survives a round trip unchanged.
#[test]
fn index_files_are_deterministic() {
    let tmp = tempfile::tempdir().unwrap();
    let build = |name: &str, jobs: &str| {
        let path = tmp.path().join(name);
        let out = Command::cargo_bin("ddexlint")
            .unwrap()
            .args(["index", "build", "--jobs", jobs, "--output"])
            .arg(&path)
            .arg(fixture("variants"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        std::fs::read(path).unwrap()
    };
    let one = build("one.idx", "1");
    let two = build("two.idx", "2");
    assert_eq!(one, two);
    let index = ddexlint::catalogue::CatalogueIndex::from_bytes(&one).unwrap();
    assert_eq!(index.files(), 5);
    assert_eq!(index.to_bytes(), one);
}
