use crate::finding::{Finding, Fix, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};
use crate::text::{ScriptCode, SubtagKind};

use super::{
    attr_label, chinese_script, declared_for_text, is_title, quote, tag_for, text_script, texts_with_attr, TagCache,
};

pub static RULE: Rule = Rule {
    id: "lang-chinese-without-script",
    category: Category::Language,
    severity: Severity::Info,
    fix: FixClass::Suggest,
    summary: "a Chinese language tag (`zh`, `zh-TW`, `yue`, `cmn`) without `Hans` or `Hant`",
    doc: r#"## What it does
Reports a `LanguageAndScriptCode` for Chinese (`zh`, `zh-CN`, `zh-TW`, `zh-HK`, `yue`,
`cmn`, and the other Chinese languages `wuu`, `hak`, `nan`, `lzh`) that has no script
subtag. When the texts the tag applies to tell the script, it is suggested: a small table of
common characters whose Simplified and Traditional forms differ (`听`/`聽`, `见`/`見`,
`爱`/`愛` …) decides when the texts use forms of one kind only; romanized texts (pinyin)
suggest `Latn`.

## Why
`zh` has no Suppress-Script in the IANA registry: the tag alone does not say whether the
text is Simplified or Traditional, and a region is not a script (DDEX: "the language is
independent from the territory"; Traditional characters are used in Hong Kong and Malaysia
feeds, Simplified in Singapore). Recipients that serve Simplified and Traditional storefronts
separately, or convert between them, need the script subtag, as in `zh-Hant` in DDEX's own
sample data.

## Example
```xml
<DisplayTitle LanguageAndScriptCode="zh-TW"><TitleText>聽見海</TitleText></DisplayTitle>
```

## Use instead
```xml
<DisplayTitle LanguageAndScriptCode="zh-Hant-TW"><TitleText>聽見海</TitleText></DisplayTitle>
```

## Fix
Suggestion only, and only when the characters tell (`zh` → `zh-Hans` or `zh-Hant`, keeping
the region). The table is small: many titles use only characters common to both scripts,
and then nothing is suggested."#,
    check: Check::Item(check),
};

const CHINESE: &[&str] = &["zh", "yue", "cmn", "wuu", "hak", "nan", "lzh"];

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let mut cache = TagCache::default();
    for attr in &cx.feed.lang_attrs {
        let a = cache.get(&attr.value);
        let Some(lang) = a.language() else {
            continue;
        };
        // `zh-yue` is `yue`; `zh-cmn-Hans` has a script.
        let lang = a
            .deprecated
            .iter()
            .find(|d| {
                matches!(
                    d.kind,
                    SubtagKind::Language | SubtagKind::Redundant | SubtagKind::Extlang
                )
            })
            .and_then(|d| d.preferred_value.as_deref())
            .and_then(|p| p.split('-').next())
            .unwrap_or(lang);
        if !CHINESE.contains(&lang) || a.script().is_some() || !a.unknown.is_empty() {
            continue;
        }
        let users = texts_with_attr(cx, attr.span.start);
        // The script the texts tell, if they agree: Hans/Hant from the characters, Latn for
        // romanized texts.
        let mut told: Option<(ScriptCode, &str, u32)> = None;
        let mut conflict = false;
        // Under a tag inherited from a release or territory block, names (often romanized
        // for export) do not tell the script of the titles: only titles count there.
        for t in users
            .iter()
            .filter(|t| is_title(t.field) || declared_for_text(cx, &t.loc.lang))
        {
            let value = t.loc.value();
            let script = match text_script(value) {
                Some(ScriptCode::LATN) => Some(ScriptCode::LATN),
                Some(_) => chinese_script(value),
                None => None,
            };
            if let Some(s) = script {
                match told {
                    None => told = Some((s, value, t.loc.text.elem)),
                    Some((prev, _, _)) if prev != s => conflict = true,
                    _ => {}
                }
            }
        }
        let region = a.parts.as_ref().and_then(|p| p.region.as_deref());
        let mut message = format!(
            "{}: Chinese tag without a script subtag (Hans for Simplified or Hant for Traditional characters)",
            attr_label(cx, attr)
        );
        if let Some(r) = region {
            message.push_str(&format!("; the region {r} does not say which"));
        }
        let finding = RULE.finding(attr.elem, attr.span, message);
        out.push(match told {
            Some((script, value, elem)) if !conflict => {
                let tag = tag_for(lang, script, a);
                let what = match script.as_str() {
                    "Hans" => "Simplified characters",
                    "Hant" => "Traditional characters",
                    _ => "Latin script (romanized)",
                };
                finding
                    .with_help(format!(
                        "'{}' (line {}) is in {what}: write '{tag}'",
                        quote(value),
                        cx.source.line_of(elem)
                    ))
                    .with_fix(Fix::suggest(tag))
            }
            _ => finding.with_help(format!(
                "add the script: '{}' or '{}'",
                tag_for(lang, ScriptCode::HANS, a),
                tag_for(lang, ScriptCode::HANT, a)
            )),
        });
    }
}
