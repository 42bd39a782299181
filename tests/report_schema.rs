//! The JSON renderer and `schemas/report.schema.json` describe the same document: real
//! renderer output validates, and documents that break the contract do not (so a schema that
//! accepts anything would fail here).

use ddexlint::finding::{Applicability, Edit, Finding, Fix, Severity, Span};
use ddexlint::render::{render, Format, RenderOptions};
use ddexlint::report::{FileSummary, Located, Report};
use serde_json::{json, Value};

fn schema() -> Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schemas/report.schema.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&schema()).expect("the schema compiles")
}

fn located(finding: Finding, category: &'static str, path: &str, line: u32, xpath: Option<&str>) -> Located {
    Located {
        finding,
        category,
        path: path.to_owned(),
        line,
        column: 13,
        end_line: line,
        column_end: 34,
        xpath: xpath.map(str::to_owned),
        source_line: Some("            <ISRC>GB-ABC-24-00012</ISRC>".to_owned()),
        source_line_column: 1,
    }
}

/// Every shape a finding can take: each severity and applicability, no fix, no help, no XPath.
fn report(fixed: usize) -> Report {
    let span = Span::new(100, 115);
    let edit = |value: &str| {
        vec![Edit {
            span,
            content: value.to_owned(),
        }]
    };
    let fix = |applicability, value: &str| Fix {
        applicability,
        replacement: value.to_owned(),
        edits: edit(value),
    };
    let isrc = Finding::new(
        "id-isrc",
        Severity::Error,
        90,
        span,
        "ISRC 'GB-ABC-24-00012' has separators",
    )
    .with_help("write it as GBABC2400012")
    .with_fix(fix(Applicability::Safe, "GBABC2400012"));
    let nfkc = Finding::new(
        "unicode-compatibility-characters",
        Severity::Warning,
        90,
        span,
        "half-width katakana 'ﾅｲﾄ'",
    )
    .with_fix(fix(Applicability::Unsafe, "東京ナイト・ドライブ"));
    let suffix = Finding::new(
        "label-legal-entity-suffix",
        Severity::Warning,
        90,
        span,
        "label name carries 'Ltd'",
    )
    .with_fix(Fix::suggest("Polydor Records"));
    let party = Finding::new(
        "label-party-without-identifier",
        Severity::Info,
        90,
        span,
        "label party has no DPID",
    );
    let malformed = Finding::new(
        "xml-malformed",
        Severity::Error,
        0,
        Span::empty(0),
        "the file is not well-formed XML",
    );
    let xpath = Some("/NewReleaseMessage/ResourceList/SoundRecording[2]/ResourceId/ISRC");
    Report {
        files: vec![
            FileSummary {
                path: "a.xml".into(),
                ern_version: Some("4.3".into()),
                releases: 1,
                findings: 4,
            },
            FileSummary {
                path: "b.xml".into(),
                ern_version: None,
                releases: 0,
                findings: 1,
            },
        ],
        findings: vec![
            located(isrc, "identifier", "a.xml", 48, xpath),
            located(nfkc, "unicode", "a.xml", 50, xpath),
            located(suffix, "label", "a.xml", 60, xpath),
            located(party, "label", "a.xml", 70, None),
            Located {
                source_line: None,
                source_line_column: 1,
                ..located(malformed, "xml", "b.xml", 3, None)
            },
        ],
        fixed,
        baseline: None,
    }
}

fn rendered(report: &Report) -> Value {
    let mut out = Vec::new();
    render(report, Format::Json, &RenderOptions::default(), &mut out).unwrap();
    serde_json::from_slice(&out).unwrap()
}

fn assert_valid(doc: &Value) {
    let validator = validator();
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "schema rejects the document:\n{}", errors.join("\n"));
}

#[test]
fn schema_is_a_valid_draft_2020_12_schema() {
    assert!(jsonschema::draft202012::meta::is_valid(&schema()));
}

#[test]
fn rendered_reports_validate() {
    assert_valid(&rendered(&report(0)));
    assert_valid(&rendered(&report(3)));
    assert_valid(&rendered(&Report::default()));
}

/// What a broken document lacks, and how to break a good one that way.
type Breakage = (&'static str, fn(&mut Value));

#[test]
fn documents_breaking_the_contract_are_rejected() {
    let validator = validator();
    let good = rendered(&report(0));
    assert!(validator.is_valid(&good));

    let broken: Vec<Breakage> = vec![
        ("unknown severity", |d| d["findings"][0]["severity"] = json!("fatal")),
        ("unknown category", |d| d["findings"][0]["category"] = json!("misc")),
        ("unknown applicability", |d| {
            d["findings"][0]["fix"]["applicability"] = json!("maybe")
        }),
        ("fix without replacement", |d| {
            d["findings"][0]["fix"] = json!({"applicability": "safe"})
        }),
        ("help missing instead of null", |d| {
            d["findings"][3].as_object_mut().unwrap().remove("help");
        }),
        ("extra finding key", |d| {
            d["findings"][0]["url"] = json!("https://example.org")
        }),
        ("0-based line", |d| d["findings"][0]["line"] = json!(0)),
        ("ern_version as a number", |d| d["files"][0]["ern_version"] = json!(4.3)),
        ("extra top-level key", |d| d["fixes"] = json!([])),
        ("summary without fixable", |d| {
            d["summary"].as_object_mut().unwrap().remove("fixable");
        }),
        ("another tool", |d| d["tool"]["name"] = json!("ddex-lint")),
    ];
    for (what, break_it) in broken {
        let mut doc = good.clone();
        break_it(&mut doc);
        assert_ne!(doc, good, "{what}: the test did not change the document");
        assert!(!validator.is_valid(&doc), "schema accepts a document with {what}");
    }
}
