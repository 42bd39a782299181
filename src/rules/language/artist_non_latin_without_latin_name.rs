use crate::finding::{Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, MessageRule, Rule};

use super::variants::{untypeable_part, Field, PendingFinding, SetOwner, UnfindableNames, VariantSet};

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
    // Carries the first set of each distinct unfindable name (its finding, but for the count)
    // and the counts, by kind of set, and the references items use as labels and artists.
    check: Check::Message(start),
};

type Names = UnfindableNames<Option<PendingFinding>>;

/// The sets of each kind, apart: the whole message's order puts every release before every
/// resource, whatever the document's order.
#[derive(Default)]
struct State {
    release_names: Names,
    resource_names: Names,
    release_credits: Names,
    resource_credits: Names,
}

fn start<'a>(_: &Context<'_, 'a>) -> Box<dyn MessageRule<'a> + 'a> {
    Box::new(State::default())
}

impl<'a> MessageRule<'a> for State {
    fn collect(&mut self, cx: &Context<'_, 'a>) {
        cx.record_party_roles();
        let all = cx.variant_sets();
        for set in &all.artist_names {
            let names = match set.owner {
                SetOwner::Release(_) => &mut self.release_names,
                _ => &mut self.resource_names,
            };
            names.add(cx.feed, set, Field::ArtistName, pending);
        }
        for set in &all.parties {
            let names = match set.owner {
                SetOwner::Credit { release: Some(_), .. } => &mut self.release_credits,
                SetOwner::Credit { .. } => &mut self.resource_credits,
                SetOwner::Party(_) | SetOwner::Release(_) | SetOwner::Resource(_) => continue,
            };
            names.add(cx.feed, set, Field::ArtistName, pending);
        }
    }

    fn finish(self: Box<Self>, cx: &Context<'_, 'a>, out: &mut Vec<Finding>) {
        let State {
            release_names: mut names,
            resource_names,
            release_credits,
            resource_credits,
        } = *self;
        let mut parties = Names::default();
        parties.add_parties(cx, &cx.message_party_roles(), Field::ArtistName, pending);
        // The order of the whole message's sets: display artist names, parties, credits.
        names.append(resource_names);
        names.append(parties);
        names.append(release_credits);
        names.append(resource_credits);
        names.findings(&RULE, "item", out);
    }
}

fn pending(set: &VariantSet) -> Option<PendingFinding> {
    let anchor = set.anchor()?;
    let name = anchor.value().trim();
    let (what, element) = match set.owner {
        SetOwner::Party(_) => (format!("artist {}", set.owner_label), "PartyName"),
        SetOwner::Credit { .. } => (format!("display artist of {}", set.owner_label), "PartyName"),
        _ => (
            format!("display artist name of {}", set.owner_label),
            "DisplayArtistName",
        ),
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
    Some(PendingFinding {
        elem: anchor.text.elem,
        span: anchor.text.span,
        head: format!("{what} '{name}' has no Latin-script variant"),
        tail: format!(": '{part}' cannot be typed on a Latin keyboard"),
        help,
    })
}
