use crate::ern::TextField;
use crate::finding::{Finding, Fix, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};
use crate::text::{languages_for_script, native_script, ScriptCode, SubtagKind, TagAnalysis};

use super::{
    chinese_script, contradicts, declared_for_text, field_noun, is_title, origin, quote, script_fits_language,
    script_name, tag_for, text_script, texts, texts_with_attr, title_parts, trap_evidence, trap_verdict, TagAnalyses,
};

pub static RULE: Rule = Rule {
    id: "lang-script-mismatch",
    category: Category::Language,
    severity: Severity::Warning,
    fix: FixClass::Suggest,
    summary: "the text's script contradicts the script its language tag declares or implies",
    doc: r#"## What it does
Compares each title, name and rights line with the script its effective language tag
declares (`ja-Latn`, `sr-Cyrl`) or implies through the registry's Suppress-Script (`ja` →
Japanese script, `el` → Greek, `ru` → Cyrillic, `de` → Latin). It reports:
- romanized text under a non-Latin tag: `ja` or `ja-Jpan` on `Yoake no Uta`, `ru` on
  `Tikhaya noch`, `sr-Cyrl` on `Beograd`;
- non-Latin text under a Latin tag: `ja-Latn` on `夜明けのうた`, `el-Latn` on `Ο δρόμος`,
  `de` on `Тихая ночь`;
- text in one non-Latin script under another: `ja` on `봄비`.

Only letters count: digits, punctuation (also fullwidth `（）－`), symbols and Roman numerals
never decide. Mixed titles pass: Latin words inside Japanese, Chinese, Korean, Cyrillic or
Greek text (`LOVEソング`, `Ночь (Acoustic Version)`) are tolerated as long as some letters are
in the declared script (at least 30% of the non-Latin ones), and text passes a Latin tag
unless its letters of other scripts outnumber the Latin ones, a Chinese, Japanese or Korean
character counting as two letters (`Tokyo Night (東京の夜)` passes `en`, `夜明けのうた
(Acoustic)` does not). A title and its subtitles are judged together, so a `SubTitle` such as
`Acoustic Version` under a `ja` title passes. Kana tags (`ja-Kana`, `ja-Hira`) accept
halfwidth and fullwidth katakana and hiragana. Tags that do not imply a script (`sr`, `zh`,
`az`, `yue`) are never contradicted; Chinese without a script is
`lang-chinese-without-script`.

Latin text is not reported in P and C lines (company names are legal names, often registered
in Latin script whatever the line's language), nor in names whose language is inherited from
a release, a territory block or the message root (artist and label names keep their own
spelling whatever the release's language); a language declared on the name itself or its
`PartyName` is checked. Non-Latin text inheriting English from the root is
`lang-tag-missing-inherits-english`; a country code mistaken for a language (`kr` on Hangul)
is `lang-tag-country-code-as-language`.

## Why
Script subtags identify the writing system (RFC 5646), and recipients pick the localized
variant to show by these tags: a romanization tagged `ja` is shown to Japanese users instead
of the Japanese title, and a Japanese title tagged `ja-Latn` is shown to users who asked for
the romanization. Both break search and the pairing of originals with transliterations.

## Example
```xml
<DisplayTitle LanguageAndScriptCode="ja-Latn"><TitleText>夜明けのうた</TitleText></DisplayTitle>
<DisplayTitle LanguageAndScriptCode="sr-Cyrl"><TitleText>Beograd noću</TitleText></DisplayTitle>
```

## Use instead
```xml
<DisplayTitle LanguageAndScriptCode="ja"><TitleText>夜明けのうた</TitleText></DisplayTitle>
<DisplayTitle LanguageAndScriptCode="sr-Latn"><TitleText>Beograd noću</TitleText></DisplayTitle>
```

## Fix
Suggestion only: the tag for the text's script (`ja-Latn` → `ja`, `sr-Cyrl` → `sr-Latn`,
`ru` → `ru-Latn`), or the language the script points to when the declared language is not
written in it (`en` on kana → `ja`). A romanized text may instead be a translation, which
needs the tag of its own language: the help says so."#,
    check: Check::Item(check),
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let all = texts(cx);
    // Only texts that contradict their tag need it.
    let titles = std::cell::OnceCell::new();
    let tags = TagAnalyses::new(cx);
    for t in all {
        let a = tags.of(t);
        if t.inherits_root() && a.language() == Some("en") {
            continue; // lang-tag-missing-inherits-english
        }
        if a.unknown
            .iter()
            .any(|u| matches!(u.kind, SubtagKind::Language | SubtagKind::Extlang | SubtagKind::Script))
        {
            continue; // lang-tag-invalid-or-deprecated-subtag
        }
        let Some(expected) = a.expected_script() else {
            continue;
        };
        if !t.contradicts(expected) {
            continue;
        }
        let (lang, value) = (&t.loc.lang, t.loc.value());
        // A title and its subtitles are judged together ("夜明けのうた" + "Acoustic Version");
        // when the main text is reported, its subtitles are not reported again.
        if let Some(part) = titles.get_or_init(|| title_parts(cx.feed)).get(&t.loc.text.span.start) {
            if !contradicts(&part.whole(), expected) || part.main().is_some_and(|m| contradicts(m, expected)) {
                continue;
            }
        }
        let Some(detected) = text_script(value) else {
            continue;
        };
        if detected == ScriptCode::LATN {
            // Company names in P and C lines are legal names, often registered in Latin script
            // whatever the line's language; names keep their own spelling under a language
            // inherited from a release, territory block or the root.
            if is_rights(t.field) || (!is_title(t.field) && !declared_for_text(cx, lang)) {
                continue;
            }
        }
        if let (Some(trap), Some(attr)) = (a.country_code_trap, &lang.attr) {
            let users = texts_with_attr(cx, attr.span.start);
            if trap_evidence(trap, value).is_some() && trap_verdict(cx, trap, &users).is_some() {
                continue; // lang-tag-country-code-as-language
            }
        }
        let verb = if a.script().is_some() { "declares" } else { "implies" };
        let finding = RULE.finding(
            t.loc.text.elem,
            t.loc.text.span,
            format!(
                "the {} '{}' is written in {} script, but its language is {}, which {verb} {} script",
                field_noun(t.field),
                quote(value),
                script_name(detected),
                origin(cx, lang),
                script_name(expected)
            ),
        );
        let (fix, help) = suggestion(a, detected, expected, value);
        out.push(finding.with_help(help).with_fix_opt(fix.map(Fix::suggest)));
    }
}

/// For a language without a Suppress-Script (`sr`, `az`, `zh`): whether it may plausibly be
/// written in `detected`. Not when the script points to one other language (kana → `ja`,
/// Hangul → `ko`, Greek → `el`), nor Han for a non-Chinese language.
fn may_use_script(lang: &str, detected: ScriptCode) -> bool {
    let chinese = matches!(lang, "zh" | "yue" | "cmn" | "wuu" | "hak" | "nan" | "lzh");
    if detected == ScriptCode::HANI {
        return chinese;
    }
    !matches!(languages_for_script(detected), [only] if *only != lang)
}

fn is_rights(field: TextField) -> bool {
    matches!(field, TextField::RightsLine | TextField::RightsCompany)
}

/// The tag to suggest and the help text.
fn suggestion(a: &TagAnalysis, detected: ScriptCode, expected: ScriptCode, text: &str) -> (Option<String>, String) {
    let lang = a.language().unwrap_or("und");
    let lang = a
        .deprecated
        .iter()
        .find(|d| d.kind == SubtagKind::Language)
        .and_then(|d| d.preferred_value.as_deref())
        .unwrap_or(lang);
    let han = || {
        if detected == ScriptCode::HANI {
            chinese_script(text)
        } else {
            None
        }
    };
    if detected == ScriptCode::LATN {
        let tag = tag_for(lang, ScriptCode::LATN, a);
        return (
            Some(tag.clone()),
            format!("if the text is a romanization, tag it '{tag}'; if it is a translation, tag it with its own language (e.g. 'en')"),
        );
    }
    if script_fits_language(detected, lang) || (native_script(lang).is_none() && may_use_script(lang, detected)) {
        let script = if matches!(lang, "zh" | "yue" | "cmn") {
            han().unwrap_or(detected)
        } else {
            detected
        };
        let tag = tag_for(lang, script, a);
        return (
            Some(tag.clone()),
            format!(
                "tag it '{tag}'; keep '{}' for a variant written in {} script",
                a.best().unwrap_or(lang),
                script_name(expected)
            ),
        );
    }
    let candidates: Vec<String> = match han() {
        Some(h) => vec![format!("zh-{h}")],
        None => languages_for_script(detected).iter().map(|s| s.to_string()).collect(),
    };
    match candidates.as_slice() {
        [only] => (
            Some(only.clone()),
            format!(
                "{} is not written in this script: tag the text '{only}'",
                super::language_name(lang)
            ),
        ),
        [] => (
            None,
            format!(
                "{} is not written in this script: tag the text with its language",
                super::language_name(lang)
            ),
        ),
        many => (
            None,
            format!(
                "{} is not written in this script: tag the text with its language (one of {})",
                super::language_name(lang),
                many.join(", ")
            ),
        ),
    }
}
