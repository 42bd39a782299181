use std::cell::OnceCell;

use crate::hash::{FastMap, FastSet};

use crate::ern::{Feed, PartyName, Release};
use crate::finding::{Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, MessageRule, Rule};

use super::names::{display_form, is_blank, KeyCache};

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
    // Whole message: reports a shared label party once, for the first release whose artist it
    // matches. Carries the label names reported (their offsets) and the findings made.
    check: Check::Message(start),
};

/// Display form and label keys of the names the rule compares, each computed once per
/// distinct raw value (a batch repeats one label and one artist on many releases), the keys
/// only when asked for.
#[derive(Default)]
struct Names<'f> {
    index: FastMap<&'f str, usize>,
    /// (display form, its [`label_key`], its [`label_loose_key`]).
    keys: Vec<(String, OnceCell<String>, OnceCell<String>)>,
}

impl<'f> Names<'f> {
    fn id(&mut self, raw: &'f str) -> usize {
        *self.index.entry(raw).or_insert_with(|| {
            self.keys.push((display_form(raw), OnceCell::new(), OnceCell::new()));
            self.keys.len() - 1
        })
    }
    fn display(&self, i: usize) -> &str {
        &self.keys[i].0
    }
    fn label(&self, i: usize) -> &str {
        let (display, key, _) = &self.keys[i];
        key.get_or_init(|| KeyCache.label(display))
    }
    fn loose(&self, i: usize) -> &str {
        let (display, _, key) = &self.keys[i];
        key.get_or_init(|| KeyCache.loose(display))
    }
}

/// The main artists' names of a release, into `out` (by [`Names`] id).
fn main_artists<'f>(feed: &'f Feed, release: &'f Release, names: &mut Names<'f>, out: &mut Vec<usize>) {
    out.clear();
    let d = &release.display;
    for n in &d.artist_names {
        out.push(names.id(n.value()));
    }
    for a in &d.artists {
        let main = a.roles.is_empty() || a.roles.iter().any(|r| r.value.trim() == "MainArtist");
        if !main {
            continue;
        }
        let credited: &[PartyName] = match &a.party_ref {
            Some(r) => feed.party(&r.value).map_or(&[], |p| &p.names),
            None => &a.names,
        };
        for f in credited.iter().filter_map(|n| n.full_name.as_ref()) {
            out.push(names.id(f.value()));
        }
    }
    out.retain(|&i| !is_blank(names.display(i)));
}

#[derive(Default)]
struct Reported {
    /// The label names reported, by offset.
    seen: FastSet<u32>,
    found: Vec<Finding>,
}

fn start<'a>(_cx: &Context<'_, 'a>) -> Box<dyn MessageRule<'a> + 'a> {
    Box::<Reported>::default()
}

impl<'a> MessageRule<'a> for Reported {
    fn collect(&mut self, cx: &Context<'_, 'a>) {
        check(cx, &mut self.seen, &mut self.found);
    }

    fn finish(self: Box<Self>, _cx: &Context<'_, 'a>, out: &mut Vec<Finding>) {
        out.extend(self.found);
    }
}

/// The findings about the label uses of `cx`'s releases, but those of the names in `seen`.
fn check(cx: &Context, seen: &mut FastSet<u32>, out: &mut Vec<Finding>) {
    let feed = cx.feed;
    let mut names = Names::default();
    let mut artists = Vec::new();
    for u in cx.label_uses() {
        let l = names.id(u.name.value());
        if names.label(l).is_empty() {
            continue;
        }
        main_artists(feed, u.release, &mut names, &mut artists);
        let (artist, exact) = if let Some(&a) = artists.iter().find(|&&a| names.label(a) == names.label(l)) {
            (a, true)
        } else if let Some(&a) = artists.iter().find(|&&a| names.loose(a) == names.loose(l)) {
            (a, false)
        } else {
            continue;
        };
        if !seen.insert(u.name.text.span.start) {
            continue;
        }
        let (label, artist) = (names.display(l), names.display(artist));
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
