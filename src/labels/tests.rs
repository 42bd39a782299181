use super::*;

fn errors(text: &str) -> Vec<String> {
    LabelRegistry::parse(text)
        .unwrap_err()
        .iter()
        .map(|e| e.to_string())
        .collect()
}

#[test]
fn sample_registry_parses() {
    let text = include_str!("../../samples/labels.toml");
    let r = LabelRegistry::parse(text).unwrap();
    assert!(r.labels.len() >= 8);
    assert!(matches!(r.lookup("Nordlys Records"), Lookup::Alias(e) if e.name == "Nordlys Plater"));
    assert!(matches!(r.lookup("Nordlys Plater"), Lookup::Canonical(_)));
    assert_eq!(r.lookup("Nordlys Plates"), Lookup::Unknown);
    assert_eq!(r.closest("NORDLYS PLATER")[0], "Nordlys Plater");
}

#[test]
fn duplicate_name() {
    let e = errors("[[label]]\nname = \"A Records\"\n\n[[label]]\nname = \"A Records\"\n");
    assert_eq!(e, ["line 5: duplicate label name 'A Records' (first at line 2)"]);
}

#[test]
fn alias_that_is_a_canonical_name() {
    let e = errors("[[label]]\nname = \"A\"\naliases = [\"B\"]\n[[label]]\nname = \"B\"\n");
    assert_eq!(e, ["line 3: alias 'B' of 'A' is a canonical label name (line 5)"]);
}

#[test]
fn alias_of_two_labels() {
    let e = errors("[[label]]\nname = \"A\"\naliases = [\"C\"]\n[[label]]\nname = \"B\"\naliases = [\"C\"]\n");
    assert_eq!(e, ["line 6: alias 'C' of 'B' is also an alias of 'A' (line 3)"]);
}

#[test]
fn bad_dpid_and_isni_and_parent() {
    let e = errors("[[label]]\nname = \"A\"\ndpid = \"PADPIDA2021\"\nisni = \"0000000000000002\"\nparent = \"Z\"\n");
    assert_eq!(e.len(), 3, "{e:?}");
    assert!(e[0].starts_with("line 3: DPID 'PADPIDA2021' of 'A'"), "{e:?}");
    assert!(e[1].starts_with("line 4: ISNI"), "{e:?}");
    assert!(e[2].starts_with("line 5: parent 'Z'"), "{e:?}");
}

#[test]
fn unknown_key_and_syntax_have_lines() {
    let e = errors("[[label]]\nname = \"A\"\nalias = [\"B\"]\n");
    assert!(e[0].starts_with("line 3:"), "{e:?}");
    let e = errors("[[label]]\nname = \"A\n");
    assert!(e[0].starts_with("line 2:"), "{e:?}");
}
