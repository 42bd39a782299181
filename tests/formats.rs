//! Every `--format` on a real run: the whole rule-fixture folder (every rule, every severity,
//! control characters, bidi controls and malformed files in the messages), checked for what
//! each consumer needs: SARIF valid against the OASIS schema, JUnit well-formed, GitLab
//! fingerprints unique, and one line per finding where the format promises it.

use std::collections::HashSet;

use assert_cmd::Command;
use serde_json::Value;

const FIXTURES: &str = "tests/fixtures/rules";

fn run(format: &str) -> String {
    let out = Command::cargo_bin("ddexlint")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--no-progress", "--format", format, FIXTURES])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn json_findings() -> Vec<Value> {
    let report: Value = serde_json::from_str(&run("json")).unwrap();
    report["findings"].as_array().unwrap().clone()
}

#[test]
fn line_formats_have_one_line_per_finding() {
    let findings = json_findings();
    assert!(findings.len() > 50);
    let lines: Vec<Value> = run("json-lines")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines, findings);
    assert_eq!(run("concise").lines().count(), findings.len());
    let github = run("github");
    assert_eq!(github.lines().count(), findings.len());
    assert!(github
        .lines()
        .all(|l| l.starts_with("::error ") || l.starts_with("::warning ") || l.starts_with("::notice ")));
}

#[test]
fn sarif_of_a_real_run_validates() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/schemas/sarif-schema-2.1.0.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let validator = jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let doc: Value = serde_json::from_str(&run("sarif")).unwrap();
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let results = doc["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), json_findings().len());
    assert!(results.iter().any(|r| r.get("fixes").is_some()));
}

#[test]
fn junit_of_a_real_run_is_well_formed() {
    let xml = run("junit");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut cases, mut failures) = (0, 0);
    loop {
        match reader.read_event().expect("well-formed JUnit XML") {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => match e.name().0 {
                "testcase" => cases += 1,
                "failure" => failures += 1,
                _ => {}
            },
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    let files = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rules"))
        .unwrap()
        .flat_map(|d| std::fs::read_dir(d.unwrap().path()).unwrap())
        .filter(|f| f.as_ref().unwrap().path().extension().is_some_and(|e| e == "xml"))
        .count();
    assert_eq!(cases, files);
    assert_eq!(failures, json_findings().len());
}

#[test]
fn gitlab_fingerprints_are_unique() {
    let issues: Value = serde_json::from_str(&run("gitlab")).unwrap();
    let issues = issues.as_array().unwrap();
    assert_eq!(issues.len(), json_findings().len());
    let fingerprints: HashSet<&str> = issues.iter().map(|i| i["fingerprint"].as_str().unwrap()).collect();
    assert_eq!(fingerprints.len(), issues.len());
}

/// GitLab and SARIF fingerprints of a real run survive lines inserted above the findings,
/// including findings whose messages cite other lines ("already the ISRC of A1 (line 21)").
#[test]
fn fingerprints_survive_inserted_lines() {
    let fixtures = [
        "id-isrc-duplicate/fail-ern4.xml",
        "ref-duplicate/fail-party.xml",
        "case-greek-final-sigma/fail.xml",
        "unicode-control-characters/fail-controls.xml",
    ];
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURES);
    let fingerprints = |moved: bool| -> Vec<Vec<String>> {
        let dir = tempfile::tempdir().unwrap();
        fixtures
            .iter()
            .map(|f| {
                let text = std::fs::read_to_string(root.join(f)).unwrap();
                let text = match (moved, text.split_once('\n')) {
                    (true, Some((first, rest))) => format!("{first}\n<!-- a -->\n\n<!-- b -->\n{rest}"),
                    _ => text,
                };
                std::fs::write(dir.path().join("feed.xml"), text).unwrap();
                let out = Command::cargo_bin("ddexlint")
                    .unwrap()
                    .current_dir(dir.path())
                    .args(["check", "--no-progress", "--format", "gitlab", "feed.xml"])
                    .output()
                    .unwrap();
                let issues: Value = serde_json::from_slice(&out.stdout).unwrap();
                let issues = issues.as_array().unwrap();
                assert!(!issues.is_empty(), "{f} has findings");
                issues
                    .iter()
                    .map(|i| i["fingerprint"].as_str().unwrap().to_owned())
                    .collect()
            })
            .collect()
    };
    let (before, after) = (fingerprints(false), fingerprints(true));
    assert_eq!(before, after);
}
