use crate::ern::Feed;
use crate::finding::{Finding, Fix, Severity};
use crate::hash::FastSet;
use crate::rules::{Category, Check, Context, FixClass, Rule};
use crate::text::{registry, script_share, strict_key, ScriptCode};

use super::variants::{is_initialism, language_name, script_name, Field, SetOwner, VariantSet};

pub static RULE: Rule = Rule {
    id: "lang-transliteration-without-original",
    category: Category::Language,
    severity: Severity::Warning,
    fix: FixClass::Suggest,
    summary: "a -Latn transliteration with no variant in the original script",
    doc: r#"## What it does
Reports a title or name tagged as a romanization, i.e. with an explicit `Latn` script
subtag on a language whose native script is not Latin (`ja-Latn`, `el-Latn`, `ru-Latn`,
`ko-Latn`, `zh-Latn`, `he-Latn`, `ar-Latn` …), when no variant of the same title or name is
written in that original script.

All variants of one thing are looked at together: every title of a release or resource
(`DisplayTitleText`, `DisplayTitle`, `AdditionalTitle`; ERN 3 `ReferenceTitle` and `Title`s
of all `ReleaseDetailsByTerritory`), the `DisplayArtistName`s of a release or resource
(with the names of the artists it credits: `Saeko Shu` (`ja-Latn`) shown for a party also
named `しゅうさえこ` has its original),
every name form of a party (`PartyName/FullName`, `FullNameIndexed`, `KeyName` …), the
`LabelName`s of an ERN 3 release. An original in the native script counts whatever its tag
says. One finding per title or name and language.

Not reported:
- `sr-Latn`, `az-Latn`, `uz-Latn` …: languages officially written in both scripts have no
  single original script, so a Latin form is an original, not a transliteration.
- Text without letters (`1999`) and all-capital initialisms of up to five letters (`ABBA`,
  `BTS`, `AKB48`): the same in every script.
- A `-Latn` variant whose text equals another, non-`Latn` variant of the same name and
  language (`ja` `SEKAI` next to `ja-Latn` `SEKAI`): the name is the same in every script.
- Names given only in Latin with a plain tag (`en`, `ja` on Latin text): that is
  `lang-script-mismatch`'s business, not a claimed transliteration.

## Why
A transliteration exists to help readers of another script find the original, it does not
replace it. YouTube's Art Tracks use "only the original language" and "only the version
that appears first"; distributors require CJK, Cyrillic and Hebrew metadata in the original
alphabet ("Transliterations are not allowed" as the only form); MusicBrainz keeps the
original script on the release and the transliteration on a pseudo-release. A release that
only carries `Yoake no Uta` (`ja-Latn`) shows a romanization to Japanese listeners and
cannot be found by anyone typing `夜明けのうた`.

## Example
```xml
<DisplayTitleText LanguageAndScriptCode="ja-Latn">Yoake no Uta</DisplayTitleText>
<DisplayTitle LanguageAndScriptCode="ja-Latn"><TitleText>Yoake no Uta</TitleText></DisplayTitle>
```

## Use instead
```xml
<DisplayTitleText LanguageAndScriptCode="ja" IsDefault="true">夜明けのうた</DisplayTitleText>
<DisplayTitleText LanguageAndScriptCode="ja-Latn">Yoake no Uta</DisplayTitleText>
<DisplayTitle LanguageAndScriptCode="ja" IsDefault="true"><TitleText>夜明けのうた</TitleText></DisplayTitle>
<DisplayTitle LanguageAndScriptCode="ja-Latn"><TitleText>Yoake no Uta</TitleText></DisplayTitle>
```

## Fix
Suggestion only: the finding proposes the `LanguageAndScriptCode` of the missing original
variant (`ja`, `el`, `ru` …). ddexlint cannot invent the original text. If the Latin form is
in fact the only official one (an artist who is only known by a Latin name), tag it with
the language the name is in rather than as a romanization."#,
    // Whole message: reports a set of names once per message; the original may be on another item.
    check: Check::Whole(check),
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let sets = cx.variant_sets();
    // Names repeat on every release and resource: report each set of names once.
    let mut reported = ReportedNames::default();
    for set in sets
        .titles
        .iter()
        .chain(&sets.artist_names)
        .chain(&sets.parties)
        .chain(&sets.labels)
    {
        if !set.variants.iter().any(|v| v.locale.romanization_of().is_some()) {
            continue;
        }
        let party = matches!(set.owner, SetOwner::Party(_) | SetOwner::Credit { .. });
        if set.field != Field::Title && !reported.first(set, party) {
            continue;
        }
        check_set(cx.feed, set, out);
    }
}

/// The sets of names already checked, by [`VariantSet::names_key`].
#[derive(Default)]
struct ReportedNames<'s> {
    keys: FastSet<(Field, bool, String)>,
    /// The texts the keys were made of (sorted, deduplicated): the same texts always give
    /// the same key, so a set that repeats them (a name on every release and resource) is
    /// known without computing its strict keys again.
    texts: FastSet<(Field, bool, Vec<&'s str>)>,
}

impl<'s> ReportedNames<'s> {
    /// Whether `set` is the first with its names (then remembered).
    fn first(&mut self, set: &'s VariantSet, party: bool) -> bool {
        if !self.texts.insert((set.field, party, name_texts(set))) {
            return false;
        }
        self.keys.insert((set.field, party, set.names_key()))
    }
}

/// The texts [`VariantSet::names_key`] is made of, sorted and deduplicated.
fn name_texts<'s>(set: &'s VariantSet) -> Vec<&'s str> {
    let mut texts: Vec<&str> = set
        .variants
        .iter()
        .map(|v| v.value())
        .chain(set.other_names.iter().map(|l| l.value().trim()))
        .collect();
    texts.sort_unstable();
    texts.dedup();
    texts
}

fn check_set<'f, 'a>(feed: &'f Feed<'a>, set: &VariantSet<'f, 'a>, out: &mut Vec<Finding>) {
    let kind = set.field.name_kind();
    let mut languages_done: Vec<&str> = Vec::new();
    for v in &set.variants {
        let (Some(native), Some(lang)) = (v.locale.romanization_of(), v.locale.language.as_deref()) else {
            continue;
        };
        if languages_done.contains(&lang) {
            continue;
        }
        let text = v.value();
        if !text.chars().any(char::is_alphabetic) || is_initialism(text) {
            continue;
        }
        // The strict keys are only compared when no text is in the native script.
        let has_original = set.all_texts(feed).any(|t| script_share(t, native).expected > 0) || {
            let key = strict_key(text, kind);
            set.variants.iter().any(|u| {
                u.order != v.order
                    && u.locale.language == v.locale.language
                    && u.locale.script != Some(ScriptCode::LATN)
                    && strict_key(u.value(), kind) == key
            })
        };
        languages_done.push(lang);
        if has_original {
            continue;
        }
        let fix = original_tag(lang, native).map(Fix::suggest);
        let help = match &fix {
            Some(f) => format!(
                "add the {} in {} script as its own {} with LanguageAndScriptCode=\"{}\" (first, or IsDefault), keeping '{}' as the romanization",
                set.field.noun(),
                script_name(native),
                v.kind.element(),
                f.replacement,
                text
            ),
            None => format!(
                "add the {} in {} script as its own {}, keeping '{}' as the romanization",
                set.field.noun(),
                script_name(native),
                v.kind.element(),
                text
            ),
        };
        out.push(
            RULE.finding(
                v.text.text.elem,
                v.text.text.span,
                format!(
                    "{} of {} '{}' is tagged {}, a romanization of {}, but no variant is in the original {} script",
                    set.field.noun(),
                    set.owner_label,
                    text,
                    v.locale.tag,
                    language_name(lang),
                    script_name(native)
                ),
            )
            .with_help(help)
            .with_fix_opt(fix),
        );
    }
}

/// The tag of the missing original: the bare language when its Suppress-Script is the native
/// script (`ja`, `el`, `ru`), else `lang-Script`; `None` for Chinese (`Hans` or `Hant`?).
fn original_tag(lang: &str, native: ScriptCode) -> Option<String> {
    if native == ScriptCode::HANI {
        return None;
    }
    let suppress = registry()
        .language(lang)
        .and_then(|e| e.suppress_script)
        .and_then(ScriptCode::new);
    Some(if suppress == Some(native) {
        lang.to_string()
    } else {
        format!("{lang}-{native}")
    })
}
