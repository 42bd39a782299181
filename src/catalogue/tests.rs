use super::*;
use crate::catalogue::facts::{Named, Spelled};

fn spelled(text: &str, key: &str, line: u32) -> Spelled {
    Spelled {
        text: text.into(),
        key: key.into(),
        uses: 1,
        place: Place {
            line,
            column: 1,
            end_line: line,
            end_column: 2,
            xpath: Some("/NewReleaseMessage/PartyList/Party[2]/PartyName/FullName".into()),
            suppressed: 0,
        },
    }
}

fn facts(label: &str, isrc_title: &str) -> FileFacts {
    FileFacts {
        labels: vec![spelled(label, &crate::rules::label::names::label_loose_key(label), 22)],
        isrcs: vec![Named {
            id: "NOABC2600001".into(),
            name: isrc_title.into(),
            artists: "Ane Fjell".into(),
            place: Place::default(),
        }],
        ..FileFacts::default()
    }
}

fn run(order: &[usize]) -> Vec<(String, &'static str, String)> {
    let files = [
        ("a.xml", facts("Ninja Tune", "Vinterlys")),
        ("b.xml", facts("NINJA TUNE", "Vinterlys")),
        ("c.xml", facts("Ninja Tune", "Paper Moon")),
        ("d.xml", facts("Ninja Tune", "Vinterlys")),
    ];
    let mut index = CatalogueIndex::default();
    for &i in order {
        index.merge(i as u32, files[i].0, files[i].1.clone());
    }
    check(&index, &crate::lint::Settings::default())
        .into_iter()
        .map(|l| (l.path, l.finding.rule, l.finding.message))
        .collect()
}

#[test]
fn findings_do_not_depend_on_merge_order() {
    let a = run(&[0, 1, 2, 3]);
    assert_eq!(a, run(&[3, 2, 1, 0]));
    assert_eq!(a, run(&[2, 0, 3, 1]));
    let rules: Vec<(&str, &str)> = a.iter().map(|(p, r, _)| (p.as_str(), *r)).collect();
    assert_eq!(rules, [("b.xml", "label-name-variant"), ("c.xml", "id-isrc-conflict")]);
    assert!(
        a[0].2
            .contains("'Ninja Tune' in 3 other files (3 uses), first in a.xml"),
        "{}",
        a[0].2
    );
}

#[test]
fn strings_are_interned_once() {
    let mut index = CatalogueIndex::default();
    for i in 0..100 {
        index.merge(i, &format!("f{i}.xml"), facts("Ninja Tune", "Vinterlys"));
    }
    // 100 paths + label key, spelling, xpath, "" + ISRC, title, artists
    assert_eq!(index.distinct_strings(), 100 + 7);
    assert_eq!(index.files(), 100);
}
