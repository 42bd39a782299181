use std::borrow::Cow;

use crate::ern::Feed;
use crate::finding::{Finding, Fix, Severity};
use crate::hash::FastSet;
use crate::rules::{Category, Check, Context, FixClass, MessageRule, Rule};
use crate::text::{registry, script_share, strict_key, ScriptCode};

use super::variants::{is_initialism, language_name, script_name, trimmed_text, Field, SetOwner, VariantSet};

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
    // Carries the titles' findings, and for each kind of name set the first set of each
    // distinct set of names (its key, its texts and its findings), and the references items
    // use as labels and artists.
    check: Check::Message(start),
};

/// The sets of each kind, apart: the whole message's order puts every release before every
/// resource, whatever the document's order.
#[derive(Default)]
struct State<'a> {
    release_titles: Vec<Finding>,
    resource_titles: Vec<Finding>,
    release_names: FirstNames<'a>,
    resource_names: FirstNames<'a>,
    release_credits: FirstNames<'a>,
    resource_credits: FirstNames<'a>,
    label_names: FirstNames<'a>,
}

fn start<'a>(_: &Context<'_, 'a>) -> Box<dyn MessageRule<'a> + 'a> {
    Box::<State>::default()
}

/// Whether a set has a variant tagged as a romanization: the only sets checked.
fn romanized(set: &VariantSet) -> bool {
    set.variants.iter().any(|v| v.locale.romanization_of().is_some())
}

impl<'a> MessageRule<'a> for State<'a> {
    fn collect(&mut self, cx: &Context<'_, 'a>) {
        cx.record_party_roles();
        let sets = cx.variant_sets();
        for set in sets.titles.iter().filter(|s| romanized(s)) {
            let out = match set.owner {
                SetOwner::Release(_) => &mut self.release_titles,
                _ => &mut self.resource_titles,
            };
            check_set(cx.feed, set, set.field, out);
        }
        // Names repeat on every release and resource: report each set of names once.
        for set in sets.artist_names.iter().filter(|s| romanized(s)) {
            let names = match set.owner {
                SetOwner::Release(_) => &mut self.release_names,
                _ => &mut self.resource_names,
            };
            names.add(cx.feed, set, set.field);
        }
        for set in sets.parties.iter().filter(|s| romanized(s)) {
            let names = match set.owner {
                SetOwner::Credit { release: Some(_), .. } => &mut self.release_credits,
                SetOwner::Credit { .. } => &mut self.resource_credits,
                SetOwner::Party(_) | SetOwner::Release(_) | SetOwner::Resource(_) => continue,
            };
            names.add(cx.feed, set, set.field);
        }
        for set in sets.labels.iter().filter(|s| romanized(s)) {
            self.label_names.add(cx.feed, set, set.field);
        }
    }

    fn finish(self: Box<Self>, cx: &Context<'_, 'a>, out: &mut Vec<Finding>) {
        let s = *self;
        let roles = cx.message_party_roles();
        let mut parties = FirstNames::default();
        for set in cx.variant_sets().parties.iter() {
            if matches!(set.owner, SetOwner::Party(_)) && romanized(set) {
                parties.add(cx.feed, set, roles.field_of(set));
            }
        }
        // The order of the whole message's sets: titles, display artist names, parties,
        // credits, label names.
        out.extend(s.release_titles);
        out.extend(s.resource_titles);
        let mut reported = FastSet::default();
        for names in [
            s.release_names,
            s.resource_names,
            parties,
            s.release_credits,
            s.resource_credits,
            s.label_names,
        ] {
            for (key, found) in names.first {
                if reported.insert(key) {
                    out.extend(found);
                }
            }
        }
    }
}

/// The first set of each distinct set of names (by [`VariantSet::names_key_as`]) among those
/// added, with its findings.
#[derive(Default)]
struct FirstNames<'a> {
    first: Vec<((Field, bool, String), Vec<Finding>)>,
    keys: FastSet<(Field, bool, String)>,
    /// The texts the keys were made of (sorted, deduplicated): the same texts always give
    /// the same key, so a set that repeats them (a name on every release and resource) is
    /// known without computing its strict keys again.
    texts: FastSet<(Field, bool, Vec<Cow<'a, str>>)>,
}

impl<'a> FirstNames<'a> {
    /// Checks `set` (naming a `field`) if it is the first with its names.
    fn add<'f>(&mut self, feed: &'f Feed<'a>, set: &VariantSet<'f, 'a>, field: Field) {
        let party = matches!(set.owner, SetOwner::Party(_) | SetOwner::Credit { .. });
        if !self.texts.insert((field, party, name_texts(set))) {
            return;
        }
        let key = (field, party, set.names_key_as(field));
        if !self.keys.insert(key.clone()) {
            return;
        }
        let mut found = Vec::new();
        check_set(feed, set, field, &mut found);
        self.first.push((key, found));
    }
}

/// The texts [`VariantSet::names_key_as`] is made of, sorted and deduplicated.
fn name_texts<'a>(set: &VariantSet<'_, 'a>) -> Vec<Cow<'a, str>> {
    let mut texts: Vec<Cow<'a, str>> = set
        .variants
        .iter()
        .map(|v| trimmed_text(&v.text.text.value))
        .chain(set.other_names.iter().map(|l| trimmed_text(&l.text.value)))
        .collect();
    texts.sort_unstable();
    texts.dedup();
    texts
}

/// The findings about `set`, which names a `field`.
fn check_set<'f, 'a>(feed: &'f Feed<'a>, set: &VariantSet<'f, 'a>, field: Field, out: &mut Vec<Finding>) {
    let kind = field.name_kind();
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
                field.noun(),
                script_name(native),
                v.kind.element(),
                f.replacement,
                text
            ),
            None => format!(
                "add the {} in {} script as its own {}, keeping '{}' as the romanization",
                field.noun(),
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
                    field.noun(),
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
