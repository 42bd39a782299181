use crate::finding::{Finding, Fix, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};
use crate::text::{languages_for_script, ScriptCode};

use super::{
    chinese_script, field_noun, origin, quote, script_name, text_script, texts, where_to_declare, TagAnalyses,
};

pub static RULE: Rule = Rule {
    id: "lang-tag-missing-inherits-english",
    category: Category::Language,
    severity: Severity::Warning,
    fix: FixClass::Suggest,
    summary: "non-Latin text whose language is only inherited as English (from the message root or DDEX's default)",
    doc: r#"## What it does
Finds titles, names and rights lines written mainly in a non-Latin script (Japanese, Korean,
Chinese, Cyrillic, Greek, Hebrew, Arabic …) that carry no language of their own: neither the
text nor any element around it below the message root has a `LanguageAndScriptCode`, and the
root says `en` (or `en-US`, `en_GB` …), or there is no tag at all and DDEX's default, English,
applies.

Text counts as non-Latin when its letters of other scripts outnumber its Latin letters, a
Chinese, Japanese or Korean character counting as two; digits, punctuation (also fullwidth),
Roman numerals and symbols are ignored, so `夜明けのうた (Acoustic)` counts and
`Live at 武道館` or `Tokyo Night (東京の夜)` do not. A text whose inherited language is another
language, or is declared on an element closer to it, is `lang-script-mismatch`'s business.
`FullNameAsciiTranscribed` is never checked.

## Why
DDEX defines the attribute's default as "the same as indicated for the containing composite",
and the knowledge base says "The overall default is "en" (for English)". An untagged `봄비`
under `LanguageAndScriptCode="en"` is therefore declared English: recipients that choose the
variant to show by language, apply language-specific casing, or group localized titles will
treat Korean as English. YouTube Art Tracks use "only the original language".

## Example
```xml
<ern:NewReleaseMessage LanguageAndScriptCode="en" …>
  …
  <DisplayTitle><TitleText>봄비</TitleText></DisplayTitle>
```

## Use instead
```xml
  <DisplayTitle LanguageAndScriptCode="ko"><TitleText>봄비</TitleText></DisplayTitle>
```

## Fix
Suggestion only: a tag from the script when the script names one language (kana → `ja`,
Hangul → `ko`, Greek → `el`, Hebrew → `he`; Chinese characters → `zh-Hans` or `zh-Hant` when
the characters tell). For scripts shared by many languages (Cyrillic, Arabic, Han alone) the
candidates are listed."#,
    check: Check::Item(check),
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let tags = TagAnalyses::new(cx);
    for t in texts(cx) {
        if !t.inherits_root() || tags.of(t).language() != Some("en") {
            continue;
        }
        if !t.contradicts(ScriptCode::LATN) {
            continue;
        }
        let lang = &t.loc.lang;
        let value = t.loc.value();
        let Some(script) = text_script(value) else {
            continue;
        };
        // Only Han alone asks the characters which Chinese script they are.
        let han = if script == ScriptCode::HANI {
            chinese_script(value)
        } else {
            None
        };
        let candidates: Vec<String> = match han {
            Some(han) => vec![format!("zh-{han}")],
            None => languages_for_script(script).iter().map(|s| s.to_string()).collect(),
        };
        let place = where_to_declare(cx, t.loc.text.elem);
        let finding = RULE.finding(
            t.loc.text.elem,
            t.loc.text.span,
            format!(
                "the {} '{}' is written in {} script, but its language is only {}: it is declared English",
                field_noun(t.field),
                quote(value),
                script_name(script),
                origin(cx, lang)
            ),
        );
        out.push(match candidates.as_slice() {
            [only] => finding
                .with_help(format!(
                    "declare its language: LanguageAndScriptCode=\"{only}\" {place}"
                ))
                .with_fix(Fix::suggest(only.clone())),
            [] => finding.with_help(format!("declare its language with LanguageAndScriptCode {place}")),
            many => finding.with_help(format!(
                "declare its language with LanguageAndScriptCode {place} (one of {})",
                many.join(", ")
            )),
        });
    }
}
