use crate::finding::{Finding, Severity};
use crate::rules::memo::{memoized_key, NameKeyMemo};
use crate::rules::{Category, Check, Context, FixClass, Rule};

use super::names::whole_name_key;

pub static RULE: Rule = Rule {
    id: "label-is-distributor-or-placeholder",
    category: Category::Label,
    severity: Severity::Warning,
    fix: FixClass::No,
    summary: "a placeholder (\"Unknown\", \"Independent\", …) or a distributor's or store's name as the label",
    doc: r##"## What it does
Reports a label name that is not a label:
- a placeholder: "Unknown", "N/A", "-", "None", "#unknown#", "TBA", "Independent",
  "Self-Released", "No Label", "Various", "Various Artists", or punctuation only;
- the name of a distributor or aggregator (DistroKid, TuneCore, CD Baby, Amuse, RouteNote,
  Ditto Music, UnitedMasters, LANDR, Spinnup, Record Union, iMusician, Soundrop, ONErpm,
  FUGA, The Orchard, Believe, AWAL, Symphonic, Ingrooves, Repost Network, Horus Music);
- the name of a store or DSP (Bandcamp, Spotify, Apple Music, iTunes, YouTube, Deezer,
  TIDAL, Amazon Music).

Names are compared whole, ignoring case, punctuation, a legal form ("TuneCore Inc.") and
spacing ("CD Baby" = "CDBaby"): "Independent Music Group" or "Believe in Music Records" are
labels and are not reported. Add your own distributors with `distributors` in the config.

## Why
Every release labelled "Independent" or "DistroKid" lands in one meaningless label bucket on
DSPs: label pages and label search mix unrelated artists, and the artist's own catalogue is
split from releases delivered under a real imprint. MusicBrainz keeps stores and distributors
as "non-labels" precisely so that releases are not attached to them, and its "[no label]" is
a database placeholder, not a value to deliver.

## Example
```xml
<LabelName>Independent</LabelName>
```

## Use instead
```xml
<LabelName>Éditions Mouvantes</LabelName>
```
(the artist's imprint, or for a self-release the artist's name, used the same way on every release)

## Fix
None: only the artist or label knows the imprint."##,
    check: Check::Item(check),
};

/// Placeholder names, as keys (see [`key`]).
const PLACEHOLDERS: &[&str] = &[
    "unknown",
    "unknownlabel",
    "na",
    "none",
    "null",
    "nolabel",
    "notapplicable",
    "tba",
    "tbd",
    "tbc",
    "independent",
    "independentlabel",
    "selfreleased",
    "selfrelease",
    "various",
    "variousartists",
    "label",
];

#[derive(Clone, Copy)]
enum Kind {
    Distributor,
    Store,
}

/// Distributors, aggregators and stores, as keys.
const COMPANIES: &[(&str, Kind)] = &[
    ("distrokid", Kind::Distributor),
    ("tunecore", Kind::Distributor),
    ("cdbaby", Kind::Distributor),
    ("amuse", Kind::Distributor),
    ("routenote", Kind::Distributor),
    ("dittomusic", Kind::Distributor),
    ("unitedmasters", Kind::Distributor),
    ("landr", Kind::Distributor),
    ("spinnup", Kind::Distributor),
    ("recordunion", Kind::Distributor),
    ("imusician", Kind::Distributor),
    ("imusiciandigital", Kind::Distributor),
    ("soundrop", Kind::Distributor),
    ("onerpm", Kind::Distributor),
    ("fuga", Kind::Distributor),
    ("theorchard", Kind::Distributor),
    ("orchard", Kind::Distributor),
    ("theorchardenterprises", Kind::Distributor),
    ("believe", Kind::Distributor),
    ("believedigital", Kind::Distributor),
    ("awal", Kind::Distributor),
    ("symphonic", Kind::Distributor),
    ("symphonicdistribution", Kind::Distributor),
    ("ingrooves", Kind::Distributor),
    ("ingroovesmusicgroup", Kind::Distributor),
    ("repostnetwork", Kind::Distributor),
    ("repostbysoundcloud", Kind::Distributor),
    ("horusmusic", Kind::Distributor),
    ("bandcamp", Kind::Store),
    ("spotify", Kind::Store),
    ("applemusic", Kind::Store),
    ("itunes", Kind::Store),
    ("itunesstore", Kind::Store),
    ("youtube", Kind::Store),
    ("youtubemusic", Kind::Store),
    ("deezer", Kind::Store),
    ("tidal", Kind::Store),
    ("amazonmusic", Kind::Store),
    ("amazon", Kind::Store),
    ("amazoncom", Kind::Store),
];

/// A whole-name key (case, punctuation, spacing and a legal form ignored), memoized per
/// thread: a catalogue repeats a few label names.
fn key(name: &str) -> String {
    thread_local! {
        static MEMO: NameKeyMemo = Default::default();
    }
    memoized_key(&MEMO, name, whole_name_key)
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let extra: Vec<(String, &str)> = cx
        .options
        .extra_distributors
        .iter()
        .map(|d| (key(d), d.as_str()))
        .filter(|(k, _)| !k.is_empty())
        .collect();
    let names = cx.label_names();
    // Judged once per distinct value: a batch repeats a few label names on every release.
    let verdicts = names.map_values(|_, text| judge(text, &extra));
    for (name, v, _) in names.iter() {
        if let Some((message, help)) = &verdicts[v] {
            out.push(
                RULE.finding(name.text.elem, name.text.span, message.clone())
                    .with_help(*help),
            );
        }
    }
}

/// The message and help for a label name (in display form) that is not a label.
fn judge(text: &str, extra: &[(String, &str)]) -> Option<(String, &'static str)> {
    let k = key(text);
    let (message, help) = if k.is_empty() || PLACEHOLDERS.contains(&k.as_str()) {
        (
            format!("label name '{text}' is a placeholder, not a label: DSPs file every release labelled like this under one meaningless label"),
            "use the artist's own imprint, or for a self-release the artist's name, the same way on every release",
        )
    } else if let Some((_, kind)) = COMPANIES.iter().find(|(c, _)| *c == k) {
        let what = match kind {
            Kind::Distributor => "a distributor's name",
            Kind::Store => "a store's name",
        };
        let help = match kind {
            Kind::Distributor => "use the artist's own imprint, or for a self-release the artist's name; the distributor is not the label",
            Kind::Store => "use the artist's own imprint, or for a self-release the artist's name; the store is not the label",
        };
        (
            format!("label name '{text}' is {what}, not a label: the release would be listed with unrelated artists under it"),
            help,
        )
    } else if let Some((_, configured)) = extra.iter().find(|(c, _)| *c == k) {
        (
            format!(
                "label name '{text}' is the distributor '{configured}' (configured in `distributors`), not a label"
            ),
            "use the artist's own imprint, or for a self-release the artist's name; the distributor is not the label",
        )
    } else {
        return None;
    };
    Some((message, help))
}

#[cfg(test)]
mod tests {
    use super::key;
    use crate::lint::{lint_bytes, Selection, Settings};
    use crate::rules::RuleOptions;

    fn run(label: &str, extra: &[&str]) -> Vec<String> {
        let base = include_str!("../../../tests/fixtures/base-ern382.xml");
        let feed = base.replace(
            "<LabelName>Disques Lune Rousse</LabelName>",
            &format!("<LabelName>{label}</LabelName>"),
        );
        let settings = Settings {
            selection: Selection::new(&[super::RULE.id.to_string()], &[]).unwrap(),
            options: RuleOptions {
                extra_distributors: extra.iter().map(|s| s.to_string()).collect(),
                ..RuleOptions::default()
            },
            ..Settings::default()
        };
        lint_bytes("t.xml", feed.into_bytes(), &settings)
            .findings
            .into_iter()
            .map(|l| l.finding.message)
            .collect()
    }

    #[test]
    fn configured_distributors() {
        assert!(run("Klangwerk Vertrieb", &[]).is_empty());
        let found = run("KLANGWERK-Vertrieb GmbH", &["Klangwerk Vertrieb"]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("configured"), "{found:?}");
        assert!(run("Klangwerk Vertrieb Records", &["Klangwerk Vertrieb"]).is_empty());
    }

    #[test]
    fn keys() {
        assert_eq!(key("#unknown#"), "unknown");
        assert_eq!(key("N/A"), "na");
        assert_eq!(key("-"), "");
        assert_eq!(key("[no label]"), "nolabel");
        assert_eq!(key("Self-Released"), "selfreleased");
        assert_eq!(key("TuneCore Inc."), "tunecore");
        assert_eq!(key("CD Baby"), "cdbaby");
        assert_eq!(key("Amazon.com"), "amazoncom");
        assert_eq!(key("Independent Music Group"), "independentmusicgroup");
    }
}
