use crate::finding::{Finding, Fix, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};
use crate::text::{is_latin_only, strict_key, ScriptCode};

use super::variants::{may_have_conflict, Variant, VariantSet};

pub static RULE: Rule = Rule {
    id: "lang-localization-duplicate-or-identical",
    category: Category::Language,
    severity: Severity::Error,
    fix: FixClass::Suggest,
    summary: "two variants for one language, script and territory with different text; a transliteration identical to its original",
    doc: r#"## What it does
Looks at the localized variants of one title or name together: the `DisplayTitleText`,
`DisplayTitle` and `AdditionalTitle` siblings of a release or resource (ERN 3: its `Title`s
of one `TitleType` across the `ReleaseDetailsByTerritory`), its `DisplayArtistName`s, and
the `PartyName`s of one party.

- **error**: two variants of the same element (and `TitleType`) claim the same localization
  (the same canonical language, script and region, and the same territory) but differ in
  text, e.g. two `DisplayTitleText LanguageAndScriptCode="el"`: `Ο δρόμος` and `Ο Δρόμος`.
- **info**: a Latin-script variant (`ja-Latn`, `sr-Latn` …) whose text is identical to the
  variant in the original script of the same language: the original was copied into the
  transliteration slot instead of being romanized.

How the localization is compared:
- The tag is canonicalized first: `en_US` = `en-US`, `iw` = `he`, `ja` = `ja-Jpan`.
- A missing `ApplicableTerritoryCode` means `Worldwide`. ERN 3 variants in different
  `ReleaseDetailsByTerritory` with different territories are different localizations.
- When the tag has no script subtag, the script is the one the text is written in: `sr`
  on `Београд` and `sr` on `Beograd` are the Cyrillic and the Latin Serbian names, not a
  conflict (better tagged `sr-Cyrl` / `sr-Latn`). A Latin title tagged only `ja` next to a
  Japanese one is not reported here either: that is `lang-script-mismatch`.
- `PartyName`s that differ in `IsNickname` / `IsStageName` / `IsLegalName` are different
  names, not variants. ERN 3 `LabelName`s are left to `label-display-label-ambiguous`.
- Several `DisplayArtistName`s without a `LanguageAndScriptCode` of their own are a list of
  artists (a common ERN 3 practice), not localized variants, and are not compared.
- Texts are compared with punctuation and symbols ignored and case kept: `La Première Fois
  (Video 2D)` and `La Première Fois` + `SubTitle` `Video 2D` are the same title written two
  ways (as in the DDEX samples); `Ο δρόμος` and `Ο Δρόμος` are two titles.
- Variants with the same text are not reported (a harmless repetition). A transliteration
  identical to an original that has no non-Latin letters (`ABBA`, `1999`: the same in every
  script) is fine.

## Why
DDEX keys localized variants by language and territory: "Multiple instances can be
supplied with an ApplicableTerritoryCode and/or LanguageAndScriptCode". Two different texts
for one key leave the recipient to pick one arbitrarily (YouTube takes the first), so which
title or name a listener sees depends on the DSP. A "transliteration" identical to a
Japanese, Greek or Cyrillic original gives Latin-keyboard users nothing to type.

## Example
```xml
<DisplayTitleText LanguageAndScriptCode="el">Ο δρόμος</DisplayTitleText>
<DisplayTitleText LanguageAndScriptCode="el">Ο Δρόμος</DisplayTitleText>
<DisplayArtistName LanguageAndScriptCode="ja">しゅうさえこ</DisplayArtistName>
<DisplayArtistName LanguageAndScriptCode="ja-Latn">しゅうさえこ</DisplayArtistName>
```

## Use instead
```xml
<DisplayTitleText LanguageAndScriptCode="el">Ο δρόμος</DisplayTitleText>
<DisplayArtistName LanguageAndScriptCode="ja">しゅうさえこ</DisplayArtistName>
<DisplayArtistName LanguageAndScriptCode="ja-Latn">Saeko Shu</DisplayArtistName>
```

## Fix
Suggestion only. When the conflicting variant is in Latin letters under a non-Latin
language tag, the finding proposes the `-Latn` tag it probably meant (`ja` → `ja-Latn`);
otherwise keep one variant or give each its own territory."#,
    check: Check::Item(check),
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let sets = cx.variant_sets();
    for set in sets.titles.iter().chain(&sets.artist_names).chain(&sets.parties) {
        conflicts(cx, set, out);
        identical_transliterations(cx, set, out);
    }
}

fn where_(v: &Variant) -> String {
    let mut s = v.locale.tag.clone();
    if v.territory != "Worldwide" {
        s.push_str(", ");
        s.push_str(&v.territory);
    }
    s
}

fn conflicts(cx: &Context, set: &VariantSet, out: &mut Vec<Finding>) {
    if set.variants.len() < 2 || !may_have_conflict(&set.variants) {
        return;
    }
    for slot in set.groups() {
        if slot.len() < 2 {
            continue;
        }
        let slot: Vec<&Variant> = slot.into_iter().filter(|v| v.is_localized()).collect();
        let Some(first) = slot.first() else { continue };
        // Most slots repeat one text (`DisplayTitleText` and `DisplayTitle` of a release):
        // nothing to compare then.
        if slot.iter().all(|v| v.same_text(first)) {
            continue;
        }
        let mut seen = vec![first.comparable()];
        let first_text = first.shown();
        for v in slot.iter().skip(1) {
            let key = v.comparable();
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            let text = v.shown();
            let line = cx.source.line_of(first.text.text.elem);
            let inherited = if v.locale.declared {
                ""
            } else {
                " (language inherited from the message)"
            };
            let fix = latin_tag(v).map(Fix::suggest);
            out.push(
                RULE.finding(
                    v.text.text.elem,
                    v.text.text.span,
                    format!(
                        "{} of {} '{}' ({}{inherited}) conflicts with '{}' at line {line}: two variants for the same language, script and territory",
                        v.kind.element(),
                        set.owner_label,
                        text,
                        where_(v),
                        first_text,
                    ),
                )
                .with_help(match &fix {
                    Some(f) => format!(
                        "if '{}' is the romanization, tag it LanguageAndScriptCode=\"{}\"; otherwise keep one variant or give each its own ApplicableTerritoryCode",
                        v.value(),
                        f.replacement
                    ),
                    None => "keep one variant per language, script and territory, or give each its own ApplicableTerritoryCode".to_string(),
                })
                .with_fix_opt(fix),
            );
        }
    }
}

/// `ja-Latn` for Latin text under a tag whose script is not Latin.
fn latin_tag(v: &Variant) -> Option<String> {
    let text = v.value();
    if !is_latin_only(text) || !text.chars().any(char::is_alphabetic) {
        return None;
    }
    match v.locale.expected {
        Some(e) if e != ScriptCode::LATN => v.locale.with_script(ScriptCode::LATN),
        _ => None,
    }
}

fn identical_transliterations(cx: &Context, set: &VariantSet, out: &mut Vec<Finding>) {
    let kind = set.field.name_kind();
    if set.variants.len() < 2 {
        return;
    }
    for v in &set.variants {
        // Identical to an original with non-Latin letters: it has non-Latin letters itself.
        if !v.non_latin_under_latn_tag() {
            continue;
        }
        let mut candidates = set
            .variants
            .iter()
            .filter(|u| {
                u.order != v.order
                    && u.kind == v.kind
                    && u.subtype == v.subtype
                    && u.territory == v.territory
                    && u.locale.language == v.locale.language
                    && u.locale.script != Some(ScriptCode::LATN)
                    && u.locale.expected != Some(ScriptCode::LATN)
                    && !u.latin_letters_only()
            })
            .peekable();
        if candidates.peek().is_none() {
            continue;
        }
        let key = strict_key(v.value(), kind);
        if key.is_empty() {
            continue;
        }
        let original = candidates.find(|u| strict_key(u.value(), kind) == key);
        if let Some(u) = original {
            let line = cx.source.line_of(u.text.text.elem);
            out.push(
                RULE.finding_at(
                    Severity::Info,
                    v.text.text.elem,
                    v.text.text.span,
                    format!(
                        "{} of {} tagged {} is identical to the {} original at line {line} ('{}'): it is not a transliteration",
                        v.kind.element(),
                        set.owner_label,
                        v.locale.tag,
                        u.locale.tag,
                        u.value()
                    ),
                )
                .with_help(format!(
                    "put the romanization in Latin letters in the {} variant, or remove it",
                    v.locale.tag
                )),
            );
        }
    }
}
