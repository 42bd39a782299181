//! The command line: exit codes, formats, selection, errors.

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

#[test]
fn clean_file_exits_zero() {
    let out = ddexlint()
        .args([
            "check",
            "--select",
            "reference,structure,xml",
            &fixture("base-ern43.xml"),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stdout).contains("All checks passed"));
}

#[test]
fn errors_exit_one_and_fail_on_never_exits_zero() {
    let bad = fixture("rules/ref-unresolved/fail-label-party.xml");
    assert_eq!(
        ddexlint().args(["check", &bad]).output().unwrap().status.code(),
        Some(1)
    );
    assert_eq!(
        ddexlint()
            .args(["check", "--fail-on", "never", &bad])
            .output()
            .unwrap()
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn fail_on_warning_and_info() {
    // ref-unused is an info: passes by default, fails with --fail-on info.
    let f = fixture("rules/ref-unused/fail-party.xml");
    let sel = ["--select", "ref-unused"];
    assert_eq!(
        ddexlint()
            .arg("check")
            .args(sel)
            .arg(&f)
            .output()
            .unwrap()
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        ddexlint()
            .arg("check")
            .args(sel)
            .args(["--fail-on", "warning"])
            .arg(&f)
            .output()
            .unwrap()
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        ddexlint()
            .arg("check")
            .args(sel)
            .args(["--fail-on", "info"])
            .arg(&f)
            .output()
            .unwrap()
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn malformed_xml_is_a_finding_not_an_io_error() {
    let out = ddexlint()
        .args(["check", &fixture("rules/xml-malformed/fail-bare-ampersand.xml")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("error[xml-malformed]"));
}

#[test]
fn missing_path_exits_two() {
    let out = ddexlint().args(["check", "no/such/file.xml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.xml"));
}

#[test]
fn unknown_rule_in_select_exits_two_with_suggestion() {
    let out = ddexlint()
        .args(["check", "--select", "label-mising", &fixture("base-ern43.xml")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean 'label-missing'"), "{err}");
}

#[test]
fn bad_flag_value_exits_two() {
    let out = ddexlint()
        .args(["check", "--format", "yaml", &fixture("base-ern43.xml")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn ignore_removes_a_rule() {
    let bad = fixture("rules/ref-unresolved/fail-label-party.xml");
    let out = ddexlint()
        .args([
            "check",
            "--ignore",
            "ref-unresolved,ref-unused",
            "--select",
            "reference",
            &bad,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn json_report_validates_against_the_schema() {
    let dir = fixture("rules/ref-unresolved");
    let out = ddexlint().args(["check", "--format", "json", &dir]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let schema: serde_json::Value = serde_json::from_str(include_str!("../schemas/report.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&report).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    // A folder is walked: every fixture of the folder is in the report, sorted by path.
    let files = report["files"].as_array().unwrap();
    assert_eq!(files.len(), 3);
    let findings = report["findings"].as_array().unwrap();
    assert!(findings
        .iter()
        .any(|f| f["rule"] == "ref-unresolved" && f["xpath"].as_str().unwrap().ends_with("ReleaseLabelReference")));
    assert_eq!(report["summary"]["files"], 3);
}

#[test]
fn output_file_and_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("report.json");
    let status = ddexlint()
        .args(["check", "--format", "json", "--output"])
        .arg(&out_path)
        .arg("-")
        .write_stdin(std::fs::read(fixture("rules/ref-unresolved/fail-label-party.xml")).unwrap())
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(1));
    assert!(status.stdout.is_empty());
    let report: serde_json::Value = serde_json::from_slice(&std::fs::read(&out_path).unwrap()).unwrap();
    assert_eq!(report["files"][0]["path"], "-");
}

#[test]
fn rules_lists_every_rule_and_explain_shows_docs() {
    let out = ddexlint().args(["rules", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let rules: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for id in [
        "xml-malformed",
        "ref-unresolved",
        "label-missing",
        "ern-unsupported-version",
    ] {
        assert!(ids.contains(&id), "{id} missing");
    }
    let out = ddexlint().args(["explain", "label-missing"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let doc = String::from_utf8_lossy(&out.stdout);
    assert!(doc.contains("## Example") && doc.contains("## Use instead"), "{doc}");
    let out = ddexlint().args(["explain", "label-mising"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("label-missing"));
}

#[test]
fn parallel_run_is_deterministic() {
    let dir = fixture("rules");
    let a = ddexlint()
        .args(["check", "--format", "json", "--jobs", "1", &dir])
        .output()
        .unwrap();
    let b = ddexlint()
        .args(["check", "--format", "json", "--jobs", "4", &dir])
        .output()
        .unwrap();
    assert_eq!(a.stdout, b.stdout);
}
