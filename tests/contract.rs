//! The public contract in `../shared/spec/rules.md`: every rule id of the sections built so
//! far (1–6) exists with the category family, severity and fix class users rely on.

use std::path::Path;

use ddexlint::rules::registry;

/// `(section number, id, severity column, fix column)` rows of the spec's tables.
fn spec_rows() -> Vec<(u32, String, String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/spec/rules.md");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut section = 0;
    let mut rows = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("## ") {
            section = rest.split('.').next().and_then(|n| n.trim().parse().ok()).unwrap_or(0);
            continue;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() >= 5 && cells[1].starts_with('`') && cells[1].ends_with('`') {
            rows.push((
                section,
                cells[1].trim_matches('`').to_string(),
                cells[2].to_string(),
                cells[3].to_string(),
            ));
        }
    }
    rows
}

/// Sections whose issues have landed.
const BUILT: &[u32] = &[1, 2, 3, 4, 5, 6];

#[test]
fn every_contract_id_of_built_sections_exists() {
    let rows = spec_rows();
    assert!(rows.len() > 60, "parsed only {} rows of rules.md", rows.len());
    let mut missing = Vec::new();
    let mut seen = std::collections::HashSet::new();
    // An id listed again in a later section (`label-name-variant` in §6, across files) is the
    // same rule: its first row is the contract.
    for (section, id, severity, fix) in rows
        .iter()
        .filter(|r| BUILT.contains(&r.0))
        .filter(|r| seen.insert(r.1.clone()))
    {
        let Some(rule) = registry::rule(id) else {
            missing.push(id.clone());
            continue;
        };
        // The default severity is the first one the spec names ("error (names) / warning").
        let first = severity.split_whitespace().next().unwrap();
        assert_eq!(rule.severity.as_str(), first, "§{section} {id}: severity");
        // Fix class: the spec's first word; a proposed value may be added where it says "no".
        let spec_fix = fix.split_whitespace().next().unwrap();
        let ours = rule.fix.as_str();
        assert!(
            ours == spec_fix || (spec_fix == "no" && ours == "suggest"),
            "§{section} {id}: fix {ours} vs spec {fix}"
        );
    }
    assert!(missing.is_empty(), "rule ids of rules.md not implemented: {missing:?}");
}
