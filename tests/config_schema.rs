//! `schemas/config.schema.json` describes `ddexlint.toml`: the README's sample validates
//! against it and parses with ddexlint, and a file with a misspelt key fails both.

use ddexlint::config::ConfigFile;
use serde_json::Value;

const SAMPLE: &str = r#"
select = ["label", "identifier", "language", "unicode", "structure"]
ignore = ["label-party-without-identifier"]
fail-on = "warning"
labels = "labels.toml"
distributors = ["Nordic Aggregator AB"]

[severity]
label-legal-entity-suffix = "info"

[per-path-ignores]
"legacy/**" = ["unicode", "id-isrc"]
"#;

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schemas/config.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    assert!(jsonschema::draft202012::meta::is_valid(&schema));
    jsonschema::draft202012::new(&schema).expect("the schema compiles")
}

fn as_json(toml_text: &str) -> Value {
    let table: toml::Table = toml_text.parse().unwrap();
    serde_json::to_value(table).unwrap()
}

#[test]
fn sample_config_validates_and_parses() {
    let doc = as_json(SAMPLE);
    let errors: Vec<String> = validator().iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    ConfigFile::parse(SAMPLE).unwrap();
}

#[test]
fn misspelt_key_and_bad_severity_fail_the_schema() {
    let v = validator();
    assert!(!v.is_valid(&as_json("selct = [\"label\"]")));
    assert!(!v.is_valid(&as_json("[severity]\nid-isrc = \"warn\"")));
    assert!(!v.is_valid(&as_json("fail-on = \"sometimes\"")));
}
