//! The command line with `ddexlint.toml`, baselines and inline suppressions.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn ddexlint(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("ddexlint").unwrap();
    c.current_dir(dir);
    c
}

/// A project: `ddexlint.toml` at the top, feeds below. `a.xml` has six bad ISRCs.
fn project(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let bad = std::fs::read(fixture("rules/id-isrc/fail-ern4.xml")).unwrap();
    std::fs::create_dir_all(dir.path().join("feeds/legacy")).unwrap();
    std::fs::write(dir.path().join("feeds/a.xml"), &bad).unwrap();
    std::fs::write(dir.path().join("feeds/legacy/b.xml"), &bad).unwrap();
    std::fs::write(dir.path().join("ddexlint.toml"), config).unwrap();
    dir
}

fn fixture(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(p)
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn json(r: &Run) -> Value {
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

fn rules_of(v: &Value) -> Vec<(String, String)> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

const IDENT: &str = "select = [\"identifier\"]\n";

#[test]
fn config_is_found_upward_and_applies_severity_and_fail_on() {
    let p = project(&format!(
        "{IDENT}fail-on = \"warning\"\n[severity]\nid-isrc = \"warning\"\n"
    ));
    let r = run(ddexlint(&p.path().join("feeds/legacy")).args(["check", "--format", "json", "b.xml"]));
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let v = json(&r);
    assert_eq!(v["summary"]["warnings"], 6);
    assert_eq!(v["summary"]["errors"], 0);
    // The command line beats the file.
    let r = run(ddexlint(&p.path().join("feeds")).args(["check", "--fail-on", "error", "a.xml"]));
    assert_eq!(r.code, Some(0), "{}", r.stdout);
    let r = run(ddexlint(&p.path().join("feeds")).args(["check", "--select", "reference", "a.xml"]));
    assert_eq!(r.code, Some(0), "{}", r.stdout);
}

#[test]
fn explicit_config_and_missing_config() {
    let p = project("select = [\"reference\"]\n");
    std::fs::write(p.path().join("strict.toml"), IDENT).unwrap();
    let r = run(ddexlint(p.path()).args(["check", "feeds/a.xml"]));
    assert_eq!(r.code, Some(0));
    let r = run(ddexlint(p.path()).args(["check", "--config", "strict.toml", "feeds/a.xml"]));
    assert_eq!(r.code, Some(1));
    let r = run(ddexlint(p.path()).args(["check", "--config", "nope.toml", "feeds/a.xml"]));
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("nope.toml: config file not found"), "{}", r.stderr);
}

#[test]
fn unknown_key_or_rule_exits_two_with_the_closest_name() {
    let p = project("selct = [\"identifier\"]\n");
    let r = run(ddexlint(p.path()).args(["check", "feeds/a.xml"]));
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.contains("unknown key 'selct' (did you mean 'select'?)"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("ddexlint.toml"), "{}", r.stderr);
    let p = project("ignore = [\"id-isrcc\"]\n");
    let r = run(ddexlint(p.path()).args(["check", "feeds/a.xml"]));
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("did you mean 'id-isrc'?"), "{}", r.stderr);
}

#[test]
fn bad_toml_exits_two_with_line_and_column() {
    let p = project("select = [\"identifier\"\nfail-on = \"error\"\n");
    let r = run(ddexlint(p.path()).args(["check", "feeds/a.xml"]));
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("line 2, column"), "{}", r.stderr);
}

#[test]
fn missing_label_registry_exits_two() {
    let p = project("labels = \"labels.toml\"\n");
    let r = run(ddexlint(p.path()).args(["check", "feeds/a.xml"]));
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("label registry not found"), "{}", r.stderr);
    std::fs::write(p.path().join("labels.toml"), "").unwrap();
    let r = run(ddexlint(&p.path().join("feeds")).args(["check", "--show-settings"]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
}

#[test]
fn per_path_ignores_are_relative_to_the_config() {
    let p = project(&format!(
        "{IDENT}[per-path-ignores]\n\"feeds/legacy/**\" = [\"id-isrc\"]\n"
    ));
    for dir in [p.path().to_path_buf(), p.path().join("feeds")] {
        let r = run(ddexlint(&dir).args(["check", "--format", "json", "."]));
        let paths: Vec<String> = rules_of(&json(&r)).into_iter().map(|(p, _)| p).collect();
        assert_eq!(paths.len(), 6, "{paths:?}");
        assert!(paths.iter().all(|p| !p.contains("legacy")), "{paths:?}");
    }
}

#[test]
fn show_settings_prints_the_resolved_settings() {
    let p = project(&format!(
        "{IDENT}ignore = [\"id-grid\"]\ndistributors = [\"Nordic Aggregator AB\"]\n[severity]\nid-isrc = \"info\"\n"
    ));
    let r = run(ddexlint(&p.path().join("feeds")).args(["check", "--show-settings", "--fail-on", "never"]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let config = p.path().join("ddexlint.toml");
    assert!(
        r.stdout.contains(&format!("config: {}", config.display())),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("fail-on: never"));
    assert!(r.stdout.contains("Nordic Aggregator AB"));
    assert!(r.stdout.contains("  id-isrc = info (config)"), "{}", r.stdout);
    assert!(!r.stdout.contains("id-grid"));
    assert!(!r.stdout.contains("label-missing"));
}

#[test]
fn baseline_hides_recorded_findings_and_counts_stale_ones() {
    let p = project(IDENT);
    let dir = p.path();
    let r = run(ddexlint(dir).args(["check", "--write-baseline", "baseline.json", "feeds"]));
    assert_eq!(r.code, Some(0), "{}", r.stdout);
    let written: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("baseline.json")).unwrap()).unwrap();
    assert_eq!(written["version"], 1);
    let entry = &written["files"]["feeds/a.xml"][0];
    assert_eq!(entry["rule"], "id-isrc");
    assert!(entry["xpath"].as_str().unwrap().starts_with("/NewReleaseMessage/"));
    assert!(entry.get("line").is_none());

    // Unchanged: nothing new. Lines shifted by an unrelated edit: still nothing new.
    let a = dir.join("feeds/a.xml");
    let text = std::fs::read_to_string(&a).unwrap();
    let shifted = text.replacen("<ResourceList>", "<ResourceList>\n\n\n", 1);
    std::fs::write(&a, &shifted).unwrap();
    let r = run(ddexlint(dir).args(["check", "--baseline", "baseline.json", "feeds"]));
    assert_eq!(r.code, Some(0), "{}", r.stdout);
    assert!(r.stdout.contains("Baseline: 12 findings hidden."), "{}", r.stdout);

    // One ISRC fixed, one new problem: the new one is reported and the fixed one is stale.
    let first_bad = written["files"]["feeds/a.xml"][0]["value"]
        .as_str()
        .unwrap()
        .to_string();
    let edited = shifted.replacen(&format!(">{first_bad}<"), ">NOABC2600077<", 1);
    let edited = edited.replacen("<ISRC>NOABC2600001</ISRC>", "<ISRC>NO-ABC-26-00001</ISRC>", 1);
    assert_ne!(edited, shifted);
    std::fs::write(&a, edited).unwrap();
    let r = run(ddexlint(dir).args(["check", "--format", "json", "--baseline", "baseline.json", "feeds"]));
    let v = json(&r);
    assert_eq!(v["baseline"]["stale"], 1, "{}", r.stdout);
    assert_eq!(v["baseline"]["suppressed"], 11);
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schemas/report.schema.json")).unwrap(),
    )
    .unwrap();
    assert!(jsonschema::draft202012::new(&schema).unwrap().is_valid(&v));
    let r = run(ddexlint(dir).args(["check", "--baseline", "baseline.json", "feeds"]));
    assert!(r.stdout.contains("1 entry no longer occurs"), "{}", r.stdout);
}

#[test]
fn corrupt_or_wrong_version_baseline_exits_two() {
    let p = project(IDENT);
    let dir = p.path();
    for (text, expected) in [
        ("{not json", "invalid JSON"),
        ("{\"version\": 99, \"files\": {}}", "version 99 is not supported"),
        ("{\"files\": {}}", "no numeric \"version\""),
        (
            "{\"version\": 1, \"files\": {\"a.xml\": [{\"rule\": \"id-isrc\"}]}}",
            "not a ddexlint baseline",
        ),
    ] {
        std::fs::write(dir.join("b.json"), text).unwrap();
        let r = run(ddexlint(dir).args(["check", "--baseline", "b.json", "feeds"]));
        assert_eq!(r.code, Some(2), "{text}");
        assert!(r.stderr.contains(expected), "{text}: {}", r.stderr);
    }
    let r = run(ddexlint(dir).args(["check", "--baseline", "missing.json", "feeds"]));
    assert_eq!(r.code, Some(2));
}

/// `a.xml` with a comment before its first `<ResourceId>`.
fn with_comment(comment: &str) -> tempfile::TempDir {
    let p = project(IDENT);
    let a = p.path().join("feeds/a.xml");
    let text = std::fs::read_to_string(&a).unwrap();
    let at = text.find("<ResourceId>").unwrap();
    std::fs::write(&a, format!("{}{comment}\n{}", &text[..at], &text[at..])).unwrap();
    p
}

fn check_a(p: &tempfile::TempDir) -> Vec<String> {
    let r = run(ddexlint(p.path()).args([
        "check",
        "--select",
        "identifier,structure",
        "--format",
        "json",
        "feeds/a.xml",
    ]));
    rules_of(&json(&r)).into_iter().map(|(_, r)| r).collect()
}

#[test]
fn inline_suppression_with_and_without_reason() {
    let baseline = check_a(&with_comment("<!-- an ordinary comment -->"));
    assert_eq!(baseline.iter().filter(|r| *r == "id-isrc").count(), 6);

    let ok = check_a(&with_comment(
        "<!-- ddexlint-disable-next-element id-isrc: issued so by the agency -->",
    ));
    assert_eq!(ok.iter().filter(|r| *r == "id-isrc").count(), 5, "{ok:?}");
    assert!(!ok.iter().any(|r| r.starts_with("suppression-")), "{ok:?}");

    let no_reason = check_a(&with_comment("<!-- ddexlint-disable-next-element id-isrc -->"));
    assert_eq!(no_reason.iter().filter(|r| *r == "id-isrc").count(), 5);
    assert!(no_reason.contains(&"suppression-invalid".to_string()), "{no_reason:?}");

    let unused = check_a(&with_comment(
        "<!-- ddexlint-disable-next-element id-isrc, id-grid: both -->",
    ));
    assert_eq!(
        unused.iter().filter(|r| *r == "suppression-unused").count(),
        1,
        "{unused:?}"
    );
}

#[test]
fn label_registry_from_config_is_used_and_checked() {
    // The project's feed is labelled "Nordlys Plater": registered under another spelling, it is
    // unknown; a broken registry stops the run with its line.
    let p = project("labels = \"labels.toml\"\nselect = [\"label-unregistered\"]\n");
    std::fs::write(
        p.path().join("labels.toml"),
        "[[label]]\nname = \"Nordlys Plater AS\"\n",
    )
    .unwrap();
    let r = run(ddexlint(p.path()).args(["check", "--format", "json", "feeds/a.xml"]));
    let rules: Vec<String> = rules_of(&json(&r)).into_iter().map(|(_, r)| r).collect();
    assert_eq!(rules, ["label-unregistered"], "{}", r.stderr);
    std::fs::write(
        p.path().join("labels.toml"),
        "[[label]]\nname = \"A\"\n[[label]]\nname = \"A\"\n",
    )
    .unwrap();
    let r = run(ddexlint(p.path()).args(["check", "feeds/a.xml"]));
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.contains("labels.toml:4: duplicate label name 'A'"),
        "{}",
        r.stderr
    );
}
