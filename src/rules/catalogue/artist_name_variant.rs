use crate::catalogue::CatalogueIndex;
use crate::finding::{Fix, Severity};
use crate::report::Located;
use crate::rules::label::names::{canonical_index, has_diacritics, variant_relation};
use crate::rules::{Category, Check, FixClass, Rule, RuleOptions};
use crate::text::{strict_key, NameKind};

use super::spellings::{seen_elsewhere, spellings};

pub static RULE: Rule = Rule {
    id: "artist-name-variant",
    category: Category::Catalogue,
    severity: Severity::Warning,
    fix: FixClass::Suggest,
    summary: "one artist spelled several ways across the run",
    doc: r#"## What it does
Collects every artist name of the run (`DisplayArtistName`s, the names of the parties that
`DisplayArtist`s point at, ERN 3 inline artist names) and groups them by the artist name key
(case, punctuation and spacing ignored). When a group holds several spellings, every file
that uses a spelling other than the most used one (on a tie, the one seen first) is reported
once, at the first place it uses it, naming the common spelling and where it was first seen.
Spellings that differ only in diacritics (`Zoë Lefèvre` / `Zoe Lefevre`) are reported too.

One artist written in two scripts (`坂本龍一` and `Ryuichi Sakamoto`) has two keys and is
not reported: a localized name is not a variant. This is a catalogue rule: it runs on the
index of all the files of a run (one file is a catalogue of one).

## Why
Spotify: "Keep the spelling and formatting of artist names consistent from one release to
the next". An artist spelled two ways gets two artist pages, each holding part of the
catalogue.

## Example
```xml
<DisplayArtistName>Zoë Lefèvre</DisplayArtistName>   <!-- album.xml -->
<DisplayArtistName>ZOË LEFÈVRE</DisplayArtistName>   <!-- single.xml -->
```

## Use instead
```xml
<DisplayArtistName>Zoë Lefèvre</DisplayArtistName>   <!-- in every file -->
```

## Fix
A suggestion: the most used spelling; never the one that merely lacks diacritics."#,
    check: Check::Catalogue,
};

pub fn check(index: &CatalogueIndex, _options: &RuleOptions) -> Vec<Located> {
    let mut out = Vec::new();
    for occs in index.artists.values() {
        let group = spellings(occs);
        if group.len() < 2 {
            continue;
        }
        let canonical = &group[canonical_index(&group, |s| {
            // On a tie in files, the spelling with diacritics (catalogue L4/A4), then the first seen.
            (
                s.files * 2 + usize::from(has_diacritics(index.str(s.text))),
                u64::from(s.first_file),
            )
        })];
        let canon_text = index.str(canonical.text);
        let canon_key = strict_key(canon_text, NameKind::Artist);
        for s in group.iter().filter(|s| s.text != canonical.text) {
            let text = index.str(s.text);
            let same = strict_key(text, NameKind::Artist) == canon_key;
            let (how, stripped) = variant_relation(text, canon_text, same);
            for o in &s.occs {
                let message = format!(
                    "artist name '{text}' here {how} '{canon_text}': {}; DSPs may split the artist's catalogue",
                    seen_elsewhere(index, canonical, o.file)
                );
                let (help, fix) = if stripped {
                    (
                        format!("spell the artist one way everywhere; if '{text}' (with diacritics) is right, use it everywhere"),
                        None,
                    )
                } else {
                    (
                        format!("spell the artist the same way everywhere: '{canon_text}'"),
                        Some(Fix::suggest(canon_text.to_string())),
                    )
                };
                out.extend(super::located(&RULE, index, o, message, help, fix));
            }
        }
    }
    out
}
