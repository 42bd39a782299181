use crate::finding::{Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};

use super::variants::{any_latin_findable, romanization_tag, untypeable_part, VariantKind};

pub static RULE: Rule = Rule {
    id: "title-non-latin-without-latin-variant",
    category: Category::Language,
    severity: Severity::Warning,
    fix: FixClass::No,
    summary: "a release or track title only in non-Latin scripts, with no Latin-script variant",
    doc: r#"## What it does
Reports a release, track release or resource whose titles are all written in non-Latin
scripts (Japanese, Greek, Cyrillic, Hangul, Arabic …) with no variant a Latin keyboard can
find: no transliteration (`ja-Latn`, `el-Latn`) and no translation.

Every title of the item counts as a variant, whatever its element, type or tag:
`DisplayTitleText`, `DisplayTitle`, `AdditionalTitle` (ERN 4), `ReferenceTitle` and every
`Title` of every `ReleaseDetailsByTerritory` (ERN 3). A title is findable from a Latin
keyboard when, with version and credit parts set aside (`(Acoustic Version)`, `(Live)`,
`(feat. …)`):
- its Latin letters carry at least as much of it as its other letters (a Han, kana or
  Hangul character counts as two Latin letters): `Life of π`, `I Love You 無望`, `1999`
  (no letters at all: typed as is);
- or its main part is in Latin letters (`BTS (방탄소년단)`), or a bracketed or dash-separated
  part is, with at least two Latin letters, and is more than version or credit
  information (`방탄소년단 (BTS)` is findable, `夢のララバイ (Live)` and
  `夢 (feat. John Smith)` are not).

**`LOVEソング` alone is reported**: its katakana half (`ソング`) cannot be typed on a Latin
keyboard, and typing only `LOVE` finds every love song in the catalogue. A `ja-Latn`
variant `LOVE Song` (or `LOVE Songu`) makes it findable. Names such as `ABBA` or `2NE1`
that are the same in every script are Latin already and never reported.

Deal-only stub releases (ERN 3 `ResourceOmissionReason`) are left alone.

## Why
Listeners outside the script's region search with a Latin keyboard, and most DSP search
engines do not transliterate queries. YouTube's DDEX guidance for localized metadata
sends the Japanese title together with its `ja-Latn` form; DDEX carries such forms as
additional `DisplayTitle`/`DisplayTitleText` elements with their own
`LanguageAndScriptCode`. Without one, the release exists only for people who can type its
script.

## Example
```xml
<DisplayTitleText LanguageAndScriptCode="ja">夢のララバイ</DisplayTitleText>
<DisplayTitle LanguageAndScriptCode="ja"><TitleText>夢のララバイ</TitleText></DisplayTitle>
```

## Use instead
```xml
<DisplayTitleText LanguageAndScriptCode="ja" IsDefault="true">夢のララバイ</DisplayTitleText>
<DisplayTitleText LanguageAndScriptCode="ja-Latn">Yume no Lullaby</DisplayTitleText>
<DisplayTitle LanguageAndScriptCode="ja" IsDefault="true"><TitleText>夢のララバイ</TitleText></DisplayTitle>
<DisplayTitle LanguageAndScriptCode="ja-Latn"><TitleText>Yume no Lullaby</TitleText></DisplayTitle>
```

## Fix
None: ddexlint never machine-transliterates a title. The help names the tag the
romanization would carry when the language is clear."#,
    check: Check::Item(check),
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let ern4 = cx.feed.version.is_ern4();
    for set in &cx.variant_sets().titles {
        if set.has_latin_only_variant() || any_latin_findable(set.variants.iter().map(|v| v.value())) {
            continue;
        }
        // Point at the default variant, else the first display title, else the first.
        let Some(v) = set
            .variants
            .iter()
            .find(|v| v.is_default)
            .or_else(|| {
                set.variants
                    .iter()
                    .find(|v| matches!(v.kind, VariantKind::DisplayTitleText | VariantKind::DisplayTitle))
            })
            .or_else(|| set.variants.first())
        else {
            continue;
        };
        let part = untypeable_part(v.value()).unwrap_or(v.value());
        let count = set.variants.len();
        let tag = romanization_tag(v);
        let element = if ern4 {
            "DisplayTitleText and DisplayTitle"
        } else {
            "Title"
        };
        let help = match &tag {
            Some(t) => format!(
                "add a romanized {element} with LanguageAndScriptCode=\"{t}\", or a translated title in a Latin-script language"
            ),
            None => format!(
                "add a romanized {element} with LanguageAndScriptCode=\"<language>-Latn\", or a translated title in a Latin-script language"
            ),
        };
        out.push(
            RULE.finding(
                v.text.text.elem,
                v.text.text.span,
                format!(
                    "title of {} '{}' has no Latin-script variant ({} title{} checked): '{}' cannot be typed on a Latin keyboard",
                    set.owner_label,
                    v.value(),
                    count,
                    if count == 1 { "" } else { "s" },
                    part
                ),
            )
            .with_help(help),
        );
    }
}
