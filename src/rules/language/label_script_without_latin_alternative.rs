use crate::finding::{Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, MessageRule, Rule};

use super::variants::{untypeable_part, Field, PendingFinding, SetOwner, UnfindableNames, VariantSet};

pub static RULE: Rule = Rule {
    id: "label-script-without-latin-alternative",
    category: Category::Language,
    severity: Severity::Info,
    fix: FixClass::No,
    summary: "a label name only in a non-Latin script",
    doc: r#"## What it does
Reports a label whose names are all written in non-Latin scripts, with no variant a Latin
keyboard can find:
- ERN 4: a `Party` that a `ReleaseLabelReference` points at, over all its `PartyName`s
  (`FullName`, `FullNameAsciiTranscribed`, `FullNameIndexed`, `KeyName` …);
- ERN 3: the `LabelName`s of a release, across its `ReleaseDetailsByTerritory`.

A name is findable by the same test as titles (see `title-non-latin-without-latin-variant`):
mostly Latin letters, or a Latin main or bracketed part (`夜光レコード (Yakō Records)`). Names
that are the same in every script (`4AD`, `XL`) are Latin already. A label used by many
releases is reported once, with the number of other uses. The Latin variant is judged by
its text, not its tag: `<PartyName><FullName>JP ACME Label Inc.</FullName></PartyName>` counts
even without `LanguageAndScriptCode="ja-Latn"`.

## Why
Label pages and label search serve users worldwide; most DSP search engines do not
transliterate queries. YouTube's DDEX example for translated metadata carries a Latin label
name (`JP ACME Label Inc.`) alongside the Japanese data, and MusicBrainz asks for a Latin
sort name for labels in other scripts. This is advice, not an error: many labels are known
only by their native name.

## Example
```xml
<Party>
  <PartyReference>PLabel</PartyReference>
  <PartyName LanguageAndScriptCode="ja"><FullName>夜光レコード</FullName></PartyName>
</Party>
```

## Use instead
```xml
<Party>
  <PartyReference>PLabel</PartyReference>
  <PartyName LanguageAndScriptCode="ja" IsDefault="true"><FullName>夜光レコード</FullName></PartyName>
  <PartyName LanguageAndScriptCode="ja-Latn"><FullName>Yakō Records</FullName></PartyName>
</Party>
```

## Fix
None: ddexlint never machine-transliterates a brand name."#,
    // Whole message: reports a label once per message, counting the other releases that carry it.
    // Carries the first ERN 3 label name set of each distinct unfindable name (its finding,
    // but for the count) and the counts, and the references releases use as labels.
    check: Check::Message(start),
};

type Names = UnfindableNames<Option<PendingFinding>>;

#[derive(Default)]
struct State {
    /// ERN 3 `LabelName` sets.
    label_names: Names,
}

fn start<'a>(_: &Context<'_, 'a>) -> Box<dyn MessageRule<'a> + 'a> {
    Box::new(State::default())
}

impl<'a> MessageRule<'a> for State {
    fn collect(&mut self, cx: &Context<'_, 'a>) {
        cx.record_party_roles();
        for set in &cx.variant_sets().labels {
            self.label_names.add(cx.feed, set, Field::LabelName, pending);
        }
    }

    fn finish(self: Box<Self>, cx: &Context<'_, 'a>, out: &mut Vec<Finding>) {
        let State { label_names } = *self;
        // The order of the whole message's sets: label parties, then label names.
        let mut names = Names::default();
        names.add_parties(cx, &cx.message_party_roles(), Field::LabelName, pending);
        names.append(label_names);
        names.findings(&RULE, "release", out);
    }
}

fn pending(set: &VariantSet) -> Option<PendingFinding> {
    let anchor = set.anchor()?;
    let name = anchor.value().trim();
    let (what, element) = match set.owner {
        SetOwner::Party(_) => (format!("label {}", set.owner_label), "PartyName"),
        _ => (format!("label name of {}", set.owner_label), "LabelName"),
    };
    let part = untypeable_part(name).unwrap_or(name);
    Some(PendingFinding {
        elem: anchor.text.elem,
        span: anchor.text.span,
        head: format!("{what} '{name}' is only in a non-Latin script"),
        tail: format!(": '{part}' cannot be typed on a Latin keyboard"),
        help: format!(
            "add a {element} with LanguageAndScriptCode=\"{}\" holding the label's official Latin name",
            set.anchor_romanization_tag().as_deref().unwrap_or("<language>-Latn")
        ),
    })
}
