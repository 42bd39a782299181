use crate::finding::{Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};

use super::variants::{unfindable, untypeable_part, Field, SetOwner, VariantSet};

pub static RULE: Rule = Rule {
    id: "artist-non-latin-without-latin-name",
    category: Category::Language,
    severity: Severity::Warning,
    fix: FixClass::No,
    summary: "a display artist name only in non-Latin scripts, with no Latin-script variant",
    doc: r#"## What it does
Reports an artist name written only in non-Latin scripts, with no variant a Latin keyboard
can find. Two things are checked, each on its own:
- the `DisplayArtistName`s of a release or resource (ERN 4 siblings; ERN 3 across the
  `ReleaseDetailsByTerritory`). They are fine too when every artist the item credits
  (`DisplayArtist`) has a findable name: `しゅうさえこ` shown, with the credited party also
  named `Saeko Shu`, is found through the artist;
- the names of an artist: an ERN 4 `Party` that a `DisplayArtist` points at (every
  `PartyName`, including `FullNameAsciiTranscribed`, `FullNameIndexed` and `KeyName`), or an
  ERN 3 `DisplayArtist` with inline `PartyName`s.

A name is findable from a Latin keyboard by the same test as titles (see
`title-non-latin-without-latin-variant`): mostly Latin letters, or a Latin main or
bracketed part (`BTS (방탄소년단)`, `아이유 (IU)`). Serbian names given in Cyrillic and in
Latin, and names that are the same in every script (`ABBA`, `2NE1`), are fine.

A name used on many releases and resources is reported once, at its first use, with the
number of other uses.

## Why
Artist search is the first thing a listener types. Most DSP search engines do not
transliterate queries, so `しゅうさえこ` alone is invisible to everyone typing on a Latin
keyboard. DDEX offers repeatable `PartyName` and `DisplayArtistName` elements with a
`LanguageAndScriptCode` (`ja-Latn`) and `FullNameAsciiTranscribed` ("The FullName
transcribed using 7-bit ASCII code") for this. Distributors differ: some require a Latin
form for CJK artist names, MusicBrainz keeps the native name and adds Latin aliases; both
end with a Latin form available.

## Example
```xml
<DisplayArtistName LanguageAndScriptCode="ja">しゅうさえこ</DisplayArtistName>
```

## Use instead
```xml
<DisplayArtistName LanguageAndScriptCode="ja" IsDefault="true">しゅうさえこ</DisplayArtistName>
<DisplayArtistName LanguageAndScriptCode="ja-Latn">Saeko Shu</DisplayArtistName>
```

## Fix
None: only the artist knows the official romanization."#,
    // Whole message: reports a name once per message, counting the other items that carry it.
    check: Check::Whole(check),
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let all = cx.variant_sets();
    let sets: Vec<&VariantSet> = all
        .artist_names
        .iter()
        .chain(all.parties.iter().filter(|s| s.field == Field::ArtistName))
        .collect();
    for (set, others) in unfindable(cx.feed, &sets) {
        let Some(anchor) = set.anchor() else { continue };
        let name = anchor.value().trim();
        let (what, element) = match set.owner {
            SetOwner::Party(_) => (format!("artist {}", set.owner_label), "PartyName"),
            SetOwner::Credit { .. } => (format!("display artist of {}", set.owner_label), "PartyName"),
            _ => (
                format!("display artist name of {}", set.owner_label),
                "DisplayArtistName",
            ),
        };
        let also = if others > 0 {
            format!(" (also on {others} other item{})", if others == 1 { "" } else { "s" })
        } else {
            String::new()
        };
        let part = untypeable_part(name).unwrap_or(name);
        let help = format!(
            "add a {element} with LanguageAndScriptCode=\"{}\" holding the official romanization{}",
            set.anchor_romanization_tag().as_deref().unwrap_or("<language>-Latn"),
            if element == "PartyName" {
                " (or a FullNameAsciiTranscribed)"
            } else {
                ""
            }
        );
        out.push(
            RULE.finding(
                anchor.text.elem,
                anchor.text.span,
                format!(
                    "{what} '{name}' has no Latin-script variant{also}: '{part}' cannot be typed on a Latin keyboard"
                ),
            )
            .with_help(help),
        );
    }
}
