//! Every rule has fixtures under `tests/fixtures/rules/<rule-id>/`: `fail*.xml` files on which
//! it must report (snapshotted: line, column, severity, message, fix) and `pass*.xml` files on
//! which it must stay silent. The rule runs alone, with a fixed "current year".

use std::path::Path;

use ddexlint::labels::LabelRegistry;
use ddexlint::lint::{lint_bytes, Selection, Settings};
use ddexlint::rules::registry::RULES;
use ddexlint::rules::{Check, RuleOptions};

/// Suppression rules judge other rules' findings, so they run with every rule. A rule whose
/// fixture folder holds a `labels.toml` runs with that label registry.
fn settings_for(id: &str, dir: &Path) -> Settings {
    let select = if id.starts_with("suppression-") {
        vec![]
    } else {
        vec![id.to_string()]
    };
    Settings {
        selection: Selection::new(&select, &[]).unwrap(),
        options: RuleOptions {
            current_year: 2026,
            labels: registry(dir),
            ..RuleOptions::default()
        },
        ..Settings::default()
    }
}

fn registry(dir: &Path) -> Option<std::sync::Arc<LabelRegistry>> {
    let path = dir.join("labels.toml");
    path.is_file()
        .then(|| std::sync::Arc::new(LabelRegistry::load(&path).unwrap()))
}

fn fixtures(dir: &Path, prefix: &str) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.retain(|p| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".xml"))
    });
    v.sort();
    v
}

#[test]
fn every_rule_has_failing_and_passing_fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let mut missing = Vec::new();
    for rule in RULES {
        if matches!(rule.check, Check::Catalogue) {
            continue;
        }
        let dir = root.join(rule.id);
        let (fail, pass) = (fixtures(&dir, "fail"), fixtures(&dir, "pass"));
        if fail.is_empty() || pass.is_empty() {
            missing.push(rule.id);
            continue;
        }
        let settings = settings_for(rule.id, &dir);
        for f in &fail {
            let name = format!("{}/{}", rule.id, f.file_name().unwrap().to_string_lossy());
            let out = lint_bytes(&name, std::fs::read(f).unwrap(), &settings);
            let mine: Vec<_> = out.findings.iter().filter(|l| l.finding.rule == rule.id).collect();
            assert!(!mine.is_empty(), "{name}: expected a {} finding, got none", rule.id);
            let mut snap = String::new();
            for l in &mine {
                snap.push_str(&format!(
                    "{}:{} {} {}\n",
                    l.line,
                    l.column,
                    l.finding.severity.as_str(),
                    l.finding.message
                ));
                if let Some(h) = &l.finding.help {
                    snap.push_str(&format!("  help: {h}\n"));
                }
                if let Some(fix) = &l.finding.fix {
                    snap.push_str(&format!(
                        "  fix ({}): {:?}\n",
                        fix.applicability.as_str(),
                        fix.replacement
                    ));
                }
            }
            insta::assert_snapshot!(name.replace(['/', '.'], "__"), snap);
        }
        for p in &pass {
            let name = format!("{}/{}", rule.id, p.file_name().unwrap().to_string_lossy());
            let out = lint_bytes(&name, std::fs::read(p).unwrap(), &settings);
            let mine: Vec<_> = out
                .findings
                .iter()
                .filter(|l| l.finding.rule == rule.id)
                .map(|l| &l.finding.message)
                .collect();
            assert!(mine.is_empty(), "{name}: expected no {} finding, got {mine:?}", rule.id);
        }
    }
    assert!(
        missing.is_empty(),
        "rules without both fail*.xml and pass*.xml fixtures: {missing:?}"
    );
}
