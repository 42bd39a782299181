use std::collections::HashSet;

use crate::ern::{Feed, Release};
use crate::finding::{Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};

use super::names::{display_form, is_blank, label_uses, KeyCache};

pub static RULE: Rule = Rule {
    id: "label-equals-artist",
    category: Category::Label,
    severity: Severity::Info,
    fix: FixClass::No,
    summary: "the label name is the main artist's name (a self-release)",
    doc: r#"## What it does
Reports, for information, a release whose label name is its main artist's name, compared by
name key (case, punctuation, a legal form and trailing "Records"/"Music" ignored: "Ane Fjell
Music" counts as "Ane Fjell"). A name that matches only once diacritics are ignored is
reported separately. Main artists are the `DisplayArtistName`s and the `DisplayArtist`s with
the role `MainArtist` (or no role).

## Why
Self-releasing under one's own name is legitimate and common: distributors even fill the
label with the artist name when none is given. It is still worth knowing: a label search for
it only ever returns that artist, and when the artist later adds an imprint, the catalogue
splits across two label names unless the choice is kept consistent.

## Example
```xml
<DisplayArtistName>Kaisa Mäkelä</DisplayArtistName>
<LabelName>Kaisa Mäkelä</LabelName>
```

## Use instead
Keep it, and use the same label name on every release; or use the artist's imprint:
```xml
<LabelName>Sølvtrykk Plater</LabelName>
```

## Fix
None: this is a choice, not an error."#,
    check: Check::Feed(check),
};

/// The main artists' names of a release.
fn main_artists(feed: &Feed, release: &Release) -> Vec<String> {
    let d = &release.display;
    let mut out: Vec<String> = d.artist_names.iter().map(|n| display_form(n.value())).collect();
    for a in &d.artists {
        let main = a.roles.is_empty() || a.roles.iter().any(|r| r.value.trim() == "MainArtist");
        if !main {
            continue;
        }
        let names: Vec<_> = match &a.party_ref {
            Some(r) => feed
                .party(&r.value)
                .map(|p| p.names.iter().collect())
                .unwrap_or_default(),
            None => a.names.iter().collect(),
        };
        out.extend(
            names
                .into_iter()
                .filter_map(|n| n.full_name.as_ref())
                .map(|f| display_form(f.value())),
        );
    }
    out.retain(|n| !is_blank(n));
    out
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let feed = cx.feed;
    let mut seen = HashSet::new();
    let mut keys = KeyCache;
    for u in label_uses(feed) {
        let label = keys.display(u.name.value());
        let key = keys.label(&label);
        if key.is_empty() {
            continue;
        }
        let artists = main_artists(feed, u.release);
        let loose = keys.loose(&label);
        let (artist, exact) = if let Some(a) = artists.iter().find(|a| keys.label(a) == key) {
            (a, true)
        } else if let Some(a) = artists.iter().find(|a| keys.loose(a) == loose) {
            (a, false)
        } else {
            continue;
        };
        if !seen.insert(u.name.text.span.start) {
            continue;
        }
        let message = if exact {
            format!("label name '{label}' is the main artist's name ('{artist}'): a self-release")
        } else {
            format!(
                "label name '{label}' is the main artist's name ('{artist}') apart from diacritics: a self-release?"
            )
        };
        let help = if exact {
            "fine for a self-release; use the same label name on every release of this artist, or the artist's imprint"
        } else {
            "if this is a self-release, spell the label exactly as the artist name, with its diacritics, on every release"
        };
        out.push(
            RULE.finding(u.name.text.elem, u.name.text.span, message)
                .with_help(help),
        );
    }
}
