//! A file read a segment at a time (`Settings::streaming`, what a batch file gets) gives the
//! same findings, in the same order, with the same values, and the same catalogue facts, as
//! the file read whole. Checked
//! over the real corpus, the rule fixtures, the samples and a generated batch, with segments
//! of one item and of three, and on a message whose party comes after a content item (read
//! whole instead).

use std::path::Path;

use ddexlint::lint::{lint_bytes, FileOutcome, Selection, Settings, Streaming};
use ddexlint::rules::registry::RULES;
use ddexlint::rules::{Check, RuleOptions};

mod feeds;
use feeds::files;

/// Every rule that reads a file (the catalogue rules run on the whole run's index, but the
/// file's catalogue facts are taken and compared).
fn settings(streaming: Streaming) -> Settings {
    let catalogue: Vec<String> = RULES
        .iter()
        .filter(|r| matches!(r.check, Check::Catalogue))
        .map(|r| r.id.to_string())
        .collect();
    Settings {
        selection: Selection::new(&[], &catalogue).unwrap(),
        options: RuleOptions {
            current_year: 2026,
            ..RuleOptions::default()
        },
        streaming,
        catalogue: true,
        ..Settings::default()
    }
}

fn shown(outcome: &FileOutcome) -> Vec<String> {
    let found = outcome.findings.iter().zip(&outcome.values);
    let mut out: Vec<String> = found.map(|(l, v)| format!("{l:?} {v:?}")).collect();
    out.push(format!("{:?}", outcome.summary));
    out.push(format!("{:?}", outcome.catalogue));
    out
}

fn lint(path: &Path, streaming: Streaming) -> Vec<String> {
    let mut outcome = lint_bytes("feed.xml", std::fs::read(path).unwrap(), &settings(streaming));
    outcome.sort_findings();
    shown(&outcome)
}

#[test]
fn streamed_files_give_what_whole_ones_give() {
    let whole = Streaming {
        from_bytes: usize::MAX,
        ..Streaming::default()
    };
    let mut differ = Vec::new();
    let mut found = 0;
    for path in files() {
        let expected = lint(&path, whole);
        found += expected.len() - 1;
        for items_per_segment in [1, 3] {
            let streamed = lint(
                &path,
                Streaming {
                    from_bytes: 0,
                    items_per_segment,
                },
            );
            if streamed != expected {
                let only = |a: &[String], b: &[String]| a.iter().find(|x| !b.contains(x)).cloned();
                differ.push(format!(
                    "{} by {items_per_segment}: only whole {:?}; only streamed {:?}",
                    path.display(),
                    only(&expected, &streamed),
                    only(&streamed, &expected)
                ));
            }
        }
    }
    assert!(found > 1000, "too few findings to show anything: {found}");
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// A message whose parties come after its resources cannot be read a segment at a time (the
/// resources' segments would have been checked without them): it is read whole instead.
#[test]
fn a_party_list_after_the_resources_is_read_whole() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/label-kaleidoskop-ern43.xml");
    let text = std::fs::read_to_string(path).unwrap();
    let (start, end) = (
        text.find("  <PartyList>").unwrap(),
        text.find("</PartyList>").unwrap() + 13,
    );
    let parties = &text[start..end];
    let rest = format!("{}{}", &text[..start], &text[end..]);
    let at = rest.find("  <ReleaseList>").unwrap();
    let moved = format!("{}{}{}", &rest[..at], parties, &rest[at..]);
    assert!(moved.find("<PartyList>").unwrap() > moved.find("<ResourceList>").unwrap());
    let lint = |streaming: Streaming| {
        let mut outcome = lint_bytes("feed.xml", moved.clone().into_bytes(), &settings(streaming));
        outcome.sort_findings();
        shown(&outcome)
    };
    let whole = lint(Streaming {
        from_bytes: usize::MAX,
        ..Streaming::default()
    });
    assert!(whole.len() > 3, "{whole:?}");
    let streamed = lint(Streaming {
        from_bytes: 0,
        items_per_segment: 1,
    });
    assert_eq!(streamed, whole);
}
