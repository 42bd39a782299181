//! The label registry on the command line: a broken registry exits 2 with every error and its
//! line; `--fix` writes the canonical name over a registered alias (ERN 4 and ERN 3).

use assert_cmd::Command;
use std::path::Path;

fn ddexlint() -> Command {
    Command::cargo_bin("ddexlint").unwrap()
}

fn fixture(p: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(p)
        .display()
        .to_string()
}

fn check_with_registry(registry: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("labels.toml");
    std::fs::write(&path, registry).unwrap();
    let out = ddexlint()
        .args(["check", "--labels", path.to_str().unwrap(), &fixture("base-ern43.xml")])
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn duplicate_name_exits_two_with_line() {
    let (code, err) = check_with_registry("[[label]]\nname = \"A\"\n\n[[label]]\nname = \"A\"\n");
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("labels.toml:5: duplicate label name 'A' (first at line 2)"),
        "{err}"
    );
}

#[test]
fn alias_that_is_canonical_exits_two_with_line() {
    let (code, err) = check_with_registry("[[label]]\nname = \"A\"\naliases = [\"B\"]\n[[label]]\nname = \"B\"\n");
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("labels.toml:3: alias 'B' of 'A' is a canonical label name"),
        "{err}"
    );
}

#[test]
fn bad_dpid_exits_two_with_line() {
    let (code, err) = check_with_registry("[[label]]\nname = \"A\"\n\ndpid = \"PADPIDA123\"\n");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("labels.toml:4: DPID 'PADPIDA123' of 'A'"), "{err}");
}

#[test]
fn sample_registry_is_valid() {
    let out = ddexlint()
        .args([
            "check",
            "--labels",
            &format!("{}/samples/labels.toml", env!("CARGO_MANIFEST_DIR")),
            "--fail-on",
            "never",
            &fixture("base-ern43.xml"),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn fix_writes_canonical_name_over_alias() {
    let registry = fixture("rules/label-registry-alias/labels.toml");
    for (file, alias, canonical) in [
        ("fail-ern4.xml", "Nordlys Records", "Nordlys Plater"),
        ("fail-ern3.xml", "Lune Rousse Disques", "Disques Lune Rousse"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(file);
        std::fs::copy(fixture(&format!("rules/label-registry-alias/{file}")), &path).unwrap();
        let out = ddexlint()
            .args([
                "check",
                "--fix",
                "--select",
                "label-registry-alias",
                "--labels",
                &registry,
            ])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(canonical), "{file}");
        // ERN 3 sound recordings may carry a LabelName too: the rule is about release labels.
        let _ = alias;
        let again = ddexlint()
            .args([
                "check",
                "--select",
                "label-registry-alias",
                "--format",
                "concise",
                "--labels",
                &registry,
            ])
            .arg(&path)
            .output()
            .unwrap();
        let report = String::from_utf8_lossy(&again.stdout);
        assert!(!report.contains("label-registry-alias"), "{file}: {report}");
    }
}

/// With a registry, the per-feed `label-name-variant` names the registered spelling as the
/// canonical one, even when the feed uses it less often.
#[test]
fn registered_name_is_canonical_within_a_feed() {
    let dir = tempfile::tempdir().unwrap();
    let registry = dir.path().join("labels.toml");
    std::fs::write(&registry, "[[label]]\nname = \"Nordlys-Plater Records\"\n").unwrap();
    let out = ddexlint()
        .args([
            "check",
            "--format",
            "json",
            "--select",
            "label-name-variant",
            "--labels",
        ])
        .arg(&registry)
        .arg(fixture("rules/label-name-variant/fail-ern4-releases.xml"))
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        assert_eq!(f["fix"]["replacement"], "Nordlys-Plater Records", "{f}");
    }
}
