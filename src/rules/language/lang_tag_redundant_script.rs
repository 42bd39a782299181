use crate::finding::{Finding, Severity};
use crate::rules::memo::StrMemo;
use crate::rules::{Category, Check, Context, FixClass, Rule};
use crate::text::TagAnalysis;

use super::{attr_label, language_name, TagCache};

pub static RULE: Rule = Rule {
    id: "lang-tag-redundant-script",
    category: Category::Language,
    severity: Severity::Info,
    fix: FixClass::No,
    summary: "a script subtag equal to the language's Suppress-Script (`de-Latn`, `ru-Cyrl`)",
    doc: r#"## What it does
Reports a `LanguageAndScriptCode` whose script subtag is the one the registry already implies
for its language (the language's `Suppress-Script`): `en-Latn`, `de-Latn`, `ru-Cyrl`,
`el-Grek`, `he-Hebr`, `ar-Arab`, `ja-Jpan`, `ko-Kore`. Languages written in several scripts
have no Suppress-Script, so `sr-Latn`, `sr-Cyrl`, `zh-Hant` and `ja-Latn` are never reported.

## Why
RFC 5646 §2.2.3: the script subtag "SHOULD be omitted when it adds no distinguishing value to
the tag or when the primary or extended language subtag's record in the subtag registry
includes a 'Suppress-Script' field listing the applicable script subtag". Two spellings of one
language (`ru` on one title, `ru-Cyrl` on its other variant) can defeat exact-string matching
of variants. This is advice, not an error: DDEX's own ERN 4 samples and YouTube's documentation
write `ja-Jpan`, and a recipient may expect exactly that string.

## Example
```xml
<DisplayTitle LanguageAndScriptCode="ru-Cyrl"><TitleText>Тихая ночь</TitleText></DisplayTitle>
```

## Use instead
```xml
<DisplayTitle LanguageAndScriptCode="ru"><TitleText>Тихая ночь</TitleText></DisplayTitle>
```

## Fix
None: keep the script subtag where a recipient's specification shows it (YouTube's `ja-Jpan`);
otherwise remove it by hand, consistently across the feed."#,
    check: Check::Item(check),
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let mut cache = TagCache::default();
    // A feed repeats a few tags on many elements: the wording about each is made once.
    let mut wordings: StrMemo<Option<Wording>> = StrMemo::default();
    for attr in &cx.feed.lang_attrs {
        let Some(w) = wordings.get_or(&attr.value, |raw| wording(cache.get(raw))) else {
            continue;
        };
        let mut message = attr_label(cx, attr);
        message.push_str(&w.message_tail);
        out.push(RULE.finding(attr.elem, attr.span, message).with_help(w.help.clone()));
    }
}

/// What a finding says about a tag with a redundant script, after the attribute's label.
struct Wording {
    message_tail: String,
    help: String,
}

/// The wording for a tag whose script is redundant; `None` for any other tag.
fn wording(a: &TagAnalysis) -> Option<Wording> {
    if !a.redundant_script {
        return None;
    }
    let (Some(lang), Some(script)) = (a.language(), a.script()) else {
        return None;
    };
    let without: Vec<&str> = a
        .best()
        .unwrap_or("")
        .split('-')
        .filter(|s| !s.eq_ignore_ascii_case(script.as_str()))
        .collect();
    Some(Wording {
        message_tail: format!(
            ": script '{script}' is what '{lang}' ({}) implies already",
            language_name(lang)
        ),
        help: format!(
            "'{}' says the same; keep '{script}' only if the recipient asks for it",
            without.join("-")
        ),
    })
}
