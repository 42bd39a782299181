//! Tests of `--format sarif` (a file of their own: the schema checks are long).

use serde_json::Value;

use super::super::tests::{empty_report, sample_report};
use super::super::{render, Format, RenderOptions};
use super::uri;
use crate::report::Report;
use crate::rules::registry;

fn sarif_text(report: &Report) -> String {
    let mut out = Vec::new();
    render(report, Format::Sarif, &RenderOptions::default(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn sarif(report: &Report) -> Value {
    serde_json::from_str(&sarif_text(report)).unwrap()
}

/// The official OASIS schema (draft-04), shared by every worktree.
fn validator() -> jsonschema::Validator {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/schemas/sarif-schema-2.1.0.json");
    let text = std::fs::read_to_string(path).expect("the SARIF schema in ../shared/schemas");
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn assert_valid(doc: &Value) {
    let validator = validator();
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

/// The snapshot shows each rule's doc as a placeholder: docs are edited with the rules, and
/// the SARIF shape should not have to be re-approved for that.
#[test]
fn sample_report_as_sarif() {
    let mut text = sarif_text(&sample_report());
    for rule in registry::RULES {
        let doc = serde_json::to_string(rule.doc).unwrap();
        text = text.replace(&doc, &format!("\"<doc of {}>\"", rule.id));
        let full = serde_json::to_string(&super::truncate(&super::what_it_does(rule.doc))).unwrap();
        text = text.replace(&full, &format!("\"<what it does of {}>\"", rule.id));
    }
    insta::assert_snapshot!(text);
}

#[test]
fn validates_against_the_sarif_schema() {
    assert_valid(&sarif(&sample_report()));
    assert_valid(&sarif(&empty_report()));
    // The validator is not vacuous.
    let mut broken = sarif(&sample_report());
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator().is_valid(&broken));
}

#[test]
fn rules_carry_what_github_requires() {
    let doc = sarif(&sample_report());
    let rules = doc["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 7);
    for r in rules {
        let rule = registry::rule(r["id"].as_str().unwrap()).unwrap();
        assert_eq!(r["shortDescription"]["text"], rule.summary);
        let full = r["fullDescription"]["text"].as_str().unwrap();
        assert!(!full.is_empty() && full.chars().count() <= 1024 && !full.contains("##"));
        assert_eq!(r["help"]["markdown"], rule.doc);
        assert!(r["defaultConfiguration"]["level"].is_string());
    }
    for (i, result) in doc["runs"][0]["results"].as_array().unwrap().iter().enumerate() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"], "result {i}");
        let region = &result["locations"][0]["physicalLocation"]["region"];
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(region[key].as_u64() >= Some(1), "{key} of result {i}");
        }
        assert!(result["partialFingerprints"]["ddexlint/v1"].is_string());
    }
}

#[test]
fn fixes_replace_the_edited_columns() {
    let doc = sarif(&sample_report());
    let results = doc["runs"][0]["results"].as_array().unwrap();
    let isrc = results.iter().find(|r| r["ruleId"] == "id-isrc").unwrap();
    let replacement = &isrc["fixes"][0]["artifactChanges"][0]["replacements"][0];
    // `            <ISRC>GB-ABC-24-00012</ISRC>`: the value is columns 19..34.
    assert_eq!(
        replacement["deletedRegion"],
        serde_json::json!({"startLine": 48, "startColumn": 19, "endLine": 48, "endColumn": 34})
    );
    assert_eq!(replacement["insertedContent"]["text"], "GBABC2400012");
    assert_eq!(isrc["properties"]["fix"]["applicability"], "safe");

    // A suggestion has no edits: the proposed value only.
    let suffix = results
        .iter()
        .find(|r| r["ruleId"] == "label-legal-entity-suffix")
        .unwrap();
    assert!(suffix.get("fixes").is_none());
    assert_eq!(suffix["properties"]["fix"]["replacement"], "Polydor Records");
}

#[test]
fn paths_become_uri_references() {
    assert_eq!(uri("feeds/a b#1.xml"), "feeds/a%20b%231.xml");
    assert_eq!(uri("/srv/feeds/ä.xml"), "file:///srv/feeds/%C3%A4.xml");
    assert_eq!(uri("C:\\feeds\\a.xml"), "file:///C:/feeds/a.xml");
    assert_eq!(uri("odd:name.xml"), "odd%3Aname.xml");
}
