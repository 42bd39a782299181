use crate::finding::{Applicability, Finding, Fix, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};
use crate::text::{parse_tag, registry, Repair};

use super::{attr_label, valid_replacement, TagCache};

pub static RULE: Rule = Rule {
    id: "lang-tag-malformed",
    category: Category::Language,
    severity: Severity::Error,
    fix: FixClass::Safe,
    summary: "a LanguageAndScriptCode that is not a well-formed BCP 47 tag, or not in canonical case",
    doc: r#"## What it does
Checks every `LanguageAndScriptCode` attribute against the syntax of BCP 47 (RFC 5646):
subtags of letters and digits separated by `-`, no spaces, no empty value. It reports:
- POSIX and programming-language locales: `en_US`, `de_DE.UTF-8`, `fr_FR@euro`;
- surrounding whitespace (` fr `) and empty values;
- free text that cannot be a tag (`日本語`, `en US`, `English (US)`);
- well-formed, valid tags that are not in canonical case (`JA-JPAN`, `en-us`): language in
  lowercase, script in titlecase, region in uppercase.

A well-formed tag whose subtags are not registered (`English`, `english`, `EN-UK`) is
`lang-tag-invalid-or-deprecated-subtag`, not this rule: its suggestion fixes the case too.

## Why
The ERN schemas type the attribute as `xs:string` and say it is "as defined in IETF RfC 5646",
so XSD validation accepts `en_US`; recipients that match tags (to pick the localized title to
show, or the language's casing rules) do not. Underscore locales come from DSP APIs and
operating systems, and they are the most common malformed tag in real feeds. RFC 5646 treats
tags as case-insensitive but asks for the canonical case when tags are generated (§2.1.1,
§4.5), and exact-string matching is common downstream.

## Example
```xml
<DisplayTitle LanguageAndScriptCode="en_US">
<DisplayTitle LanguageAndScriptCode="JA-JPAN">
```

## Use instead
```xml
<DisplayTitle LanguageAndScriptCode="en-US">
<DisplayTitle LanguageAndScriptCode="ja-Jpan">
```

## Fix
Safe when the repairs (trim, `_` → `-`, removal of a POSIX suffix such as `.UTF-8` or
`@euro`, canonical case) give a tag that is well-formed and valid: `en_US` → `en-US`,
`sr_latn_rs` → `sr-Latn-RS`. When the repaired tag still has unregistered subtags, or the value
is a language name (`English` → `en`), the corrected tag is only suggested."#,
    check: Check::Item(check),
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let mut cache = TagCache::default();
    for attr in &cx.feed.lang_attrs {
        let a = cache.get(&attr.value);
        if a.well_formed {
            // Case only. A tag with unregistered subtags is reported (with its canonical
            // spelling) by lang-tag-invalid-or-deprecated-subtag instead.
            if a.is_canonical_case() || !a.is_valid() {
                continue;
            }
            let label = attr_label(cx, attr);
            let canon = a.canonical_case.clone().unwrap_or_default();
            out.push(
                RULE.finding(attr.elem, attr.span, format!("{label} is not in canonical case"))
                    .with_help(format!(
                        "write '{canon}': language in lowercase, Script in titlecase, REGION in uppercase"
                    ))
                    .with_fix(Fix::replace_attr(Applicability::Safe, attr.span, canon)),
            );
            continue;
        }
        let label = attr_label(cx, attr);
        let why = a.syntax_error.as_deref().unwrap_or("not a language tag");
        let message = if attr.value.trim().is_empty() {
            format!("{label} is empty")
        } else {
            format!("{label} is not a well-formed BCP 47 tag: {why}")
        };
        let finding = RULE.finding(attr.elem, attr.span, message);
        out.push(match &a.repaired {
            Some(fixed) if a.is_valid() => finding
                .with_help(format!("write '{fixed}' ({})", repairs_text(&a.repairs)))
                .with_fix(Fix::replace_attr(Applicability::Safe, attr.span, fixed.clone())),
            Some(fixed) => {
                let suggestion = valid_replacement(a, fixed);
                let help = format!(
                    "repaired ({}), the tag reads '{fixed}', which is still not valid{}",
                    repairs_text(&a.repairs),
                    suggestion
                        .as_ref()
                        .map(|s| format!(": write '{s}'"))
                        .unwrap_or_else(|| " (see lang-tag-invalid-or-deprecated-subtag)".to_string())
                );
                finding.with_help(help).with_fix_opt(suggestion.map(Fix::suggest))
            }
            None => match (collapsed(&attr.value), a.suggested_language) {
                (Some(tag), _) => finding
                    .with_help(format!("write '{tag}' (no empty subtags)"))
                    .with_fix(Fix::suggest(tag)),
                (None, Some(l)) if !starts_with_language(&attr.value) => finding
                    .with_help(format!(
                        "'{}' reads as a language name: its subtag is '{l}'",
                        attr.value.trim()
                    ))
                    .with_fix(Fix::suggest(l)),
                _ => finding.with_help(
                    "write a BCP 47 tag: language[-Script][-REGION], e.g. 'en', 'ja-Latn', 'pt-BR', 'sr-Cyrl'",
                ),
            },
        });
    }
}

/// The steps, in words ("separate subtags with '-', not '_', drop the POSIX locale suffix").
fn repairs_text(repairs: &[Repair]) -> String {
    let words: Vec<&str> = repairs
        .iter()
        .map(|r| match r {
            Repair::Trimmed => "remove the surrounding whitespace",
            Repair::UnderscoreToHyphen => "separate subtags with '-', not '_'",
            Repair::PosixSuffixRemoved => "drop the POSIX locale suffix",
            Repair::CaseFixed => "use canonical case",
        })
        .collect();
    words.join("; ")
}

/// The value with empty subtags dropped (`en-` → `en`, `ja--Jpan` → `ja-Jpan`), in canonical
/// case, when that gives a valid tag.
fn collapsed(raw: &str) -> Option<String> {
    let parts: Vec<&str> = raw.trim().split(['-', '_']).filter(|p| !p.is_empty()).collect();
    let joined = parts.join("-");
    if joined.is_empty() || joined == raw {
        return None;
    }
    let a = parse_tag(&joined);
    if a.is_valid() {
        a.best().map(str::to_string)
    } else {
        None
    }
}

/// Whether the value starts with a registered language subtag (`en-`, `ja--Jpan`): then it is
/// a damaged tag, not a language name.
fn starts_with_language(raw: &str) -> bool {
    raw.trim()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .is_some_and(|first| first.len() <= 3 && registry().language(first).is_some())
}
