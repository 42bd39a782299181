//! `schemas/labels.schema.json` describes the label registry: `samples/labels.toml` validates
//! against it and parses with ddexlint; a misspelt key or a malformed DPID fails both.

use ddexlint::labels::LabelRegistry;
use serde_json::Value;

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schemas/labels.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    assert!(jsonschema::draft202012::meta::is_valid(&schema));
    jsonschema::draft202012::new(&schema).expect("the schema compiles")
}

fn as_json(toml_text: &str) -> Value {
    let table: toml::Table = toml_text.parse().unwrap();
    serde_json::to_value(table).unwrap()
}

#[test]
fn sample_registry_validates_and_parses() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/samples/labels.toml")).unwrap();
    let errors: Vec<String> = validator()
        .iter_errors(&as_json(&text))
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    LabelRegistry::parse(&text).unwrap();
}

#[test]
fn misspelt_key_and_bad_dpid_fail_schema_and_parser() {
    let v = validator();
    for bad in [
        "[[label]]\nname = \"A\"\nalias = [\"B\"]\n",
        "[[label]]\nname = \"A\"\ndpid = \"PADPIDA123\"\n",
        "[[label]]\naliases = [\"B\"]\n",
        "[[labels]]\nname = \"A\"\n",
    ] {
        assert!(!v.is_valid(&as_json(bad)), "schema accepts {bad:?}");
        assert!(LabelRegistry::parse(bad).is_err(), "parser accepts {bad:?}");
    }
}
