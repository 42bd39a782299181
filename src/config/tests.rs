use super::*;

#[test]
fn full_file_parses() {
    let f = ConfigFile::parse(
        r#"
select = ["label", "identifier"]
ignore = ["label-party-without-identifier"]
fail-on = "warning"
labels = "labels.toml"
distributors = ["Nordic Aggregator AB"]
[severity]
label-legal-entity-suffix = "info"
[per-path-ignores]
"legacy/**" = ["unicode", "id-isrc"]
"#,
    )
    .unwrap();
    assert_eq!(f.fail_on, Some(FailOn::Warning));
    assert_eq!(f.distributors, ["Nordic Aggregator AB"]);
    assert_eq!(severities(&f), [("label-legal-entity-suffix", Severity::Info)]);
    assert_eq!(f.per_path_ignores["legacy/**"], ["unicode", "id-isrc"]);
}

#[test]
fn unknown_key_suggests_the_closest() {
    let e = ConfigFile::parse("selct = [\"label\"]").unwrap_err();
    assert_eq!(e, "unknown key 'selct' (did you mean 'select'?)");
}

#[test]
fn unknown_rule_anywhere_suggests_the_closest() {
    let e = ConfigFile::parse("ignore = [\"id-isrcc\"]").unwrap_err();
    assert!(
        e.starts_with("ignore: ") && e.contains("did you mean 'id-isrc'?"),
        "{e}"
    );
    let e = ConfigFile::parse("[severity]\nid-isrcc = \"info\"").unwrap_err();
    assert!(e.contains("[severity]") && e.contains("'id-isrc'"), "{e}");
    let e = ConfigFile::parse("[per-path-ignores]\n\"a/*\" = [\"unicod\"]").unwrap_err();
    assert!(e.contains("did you mean 'unicode'?"), "{e}");
}

#[test]
fn syntax_and_type_errors_give_line_and_column() {
    let e = ConfigFile::parse("select = [\"label\"\nfail-on = \"error\"\n").unwrap_err();
    assert!(e.contains("line 2"), "{e}");
    let e = ConfigFile::parse("\nfail-on = \"sometimes\"\n").unwrap_err();
    assert!(e.contains("line 2") && e.contains("sometimes"), "{e}");
    let e = ConfigFile::parse("[severity]\nid-isrc = \"warn\"\n").unwrap_err();
    assert!(e.contains("line 2") && e.contains("warning"), "{e}");
}

#[test]
fn category_severity_yields_to_rule_severity() {
    let f = ConfigFile::parse("[severity]\nid-isrc = \"error\"\nidentifier = \"info\"\n").unwrap();
    let sev = severities(&f);
    assert!(sev.contains(&("id-isrc", Severity::Error)));
    assert!(sev.contains(&("id-grid", Severity::Info)));
}

#[test]
fn per_path_globs_match_relative_to_the_base() {
    let base = std::env::current_dir().unwrap().join("feeds");
    let p = PerPathIgnores::new(
        vec![
            ("legacy/**".into(), vec!["id-isrc"]),
            ("old-*.xml".into(), vec!["id-grid"]),
        ],
        Some(base),
    )
    .unwrap();
    assert_eq!(p.ignored("feeds/legacy/a.xml"), ["id-isrc"]);
    assert_eq!(p.ignored("feeds/x/old-1.xml"), ["id-grid"]);
    assert!(p.ignored("feeds/new/a.xml").is_empty());
    assert!(p.ignored("-").is_empty());
    assert!(PerPathIgnores::new(vec![("a/[".into(), vec![])], None).is_err());
}
