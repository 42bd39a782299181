use crate::finding::{Applicability, Finding, Fix, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};
use crate::text::{SubtagKind, TagAnalysis};

use super::{attr_label, valid_replacement, TagCache};

pub static RULE: Rule = Rule {
    id: "lang-tag-invalid-or-deprecated-subtag",
    category: Category::Language,
    severity: Severity::Error,
    fix: FixClass::Safe,
    summary: "a language tag with subtags not in the IANA registry (error) or deprecated ones (warning)",
    doc: r#"## What it does
Looks up every subtag of each `LanguageAndScriptCode` in the IANA Language Subtag Registry
(embedded in ddexlint; `ddexlint --version` prints its File-Date). It reports:
- **error**: subtags that are not registered: language names (`english`), ISO 639-2 codes
  (`ger`, `chi`, `jpn`), country codes used as languages (`jp`, `cz`), the region `UK` in
  `en-UK`; an extended language subtag under the wrong language (`de-yue`); a variant or
  extension repeated;
- **warning**: deprecated subtags and tags: `iw` (Hebrew), `in` (Indonesian), `ji` (Yiddish),
  `mo` (Moldavian), region `BU` (Burma), the redundant tag `zh-yue`.

Tags that are not well-formed at all are `lang-tag-malformed`; when the malformation can be
repaired (`iw_IL`), the repaired tag is checked here.

## Why
RFC 5646 §2.2.9: "Users MUST NOT assign language tags that use subtags that do not appear in
the registry". A recipient that looks a tag up (to choose a localized title, a casing
convention, a storefront) finds nothing for `english` or `en-UK`, and the text falls back to
the default or is dropped. Deprecated subtags still resolve, but §4.5 asks for the canonical
form: "Subtags are replaced by their 'Preferred-Value', if there is one", and two spellings of
one language split matching (`iw` and `he` variants of one title).

## Example
```xml
<DisplayTitle LanguageAndScriptCode="en-UK">
<DisplayTitle LanguageAndScriptCode="iw">
```

## Use instead
```xml
<DisplayTitle LanguageAndScriptCode="en-GB">
<DisplayTitle LanguageAndScriptCode="he">
```

## Fix
Safe for deprecated subtags with a Preferred-Value, when the tag is otherwise already in
canonical form (`iw` → `he`, `iw-IL` → `he-IL`, `zh-yue` → `yue`); when the tag also needs
`lang-tag-malformed`'s repair, the replacement is suggested and becomes safe once that repair
is applied. Unknown subtags get a suggestion when one is known (`english` → `en`, `ger` →
`de`, `jp` → `ja`, `en-UK` → `en-GB`); a country code that stands for several languages
(`ge`: Georgian or German) gets none here, see `lang-tag-country-code-as-language`."#,
    check: Check::Item(check),
};

fn kind_noun(kind: SubtagKind) -> &'static str {
    match kind {
        SubtagKind::Language => "language subtag",
        SubtagKind::Extlang => "extended language subtag",
        SubtagKind::Script => "script subtag",
        SubtagKind::Region => "region subtag",
        SubtagKind::Variant => "variant subtag",
        SubtagKind::Grandfathered => "grandfathered tag",
        SubtagKind::Redundant => "tag",
    }
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let mut cache = TagCache::default();
    for attr in &cx.feed.lang_attrs {
        let a = cache.get(&attr.value);
        let Some(tag) = a.best() else {
            continue; // not a tag at all: lang-tag-malformed
        };
        // Most tags are valid and current: the label is formatted only for a finding.
        let label = || attr_label(cx, attr);
        if !a.is_valid() {
            let mut problems: Vec<String> = a
                .unknown
                .iter()
                .map(|u| format!("{} '{}' is not in the IANA registry", kind_noun(u.kind), u.subtag))
                .collect();
            problems.extend(a.extlang_prefix_mismatch.iter().map(|x| {
                let lang = a.language().unwrap_or("");
                format!("extended language subtag '{x}' does not belong to language '{lang}'")
            }));
            problems.extend(a.duplicates.iter().map(|x| format!("subtag '{x}' occurs twice")));
            let suggestion = valid_replacement(a, tag);
            let finding = RULE
                .finding(attr.elem, attr.span, format!("{}: {}", label(), problems.join("; ")))
                .with_help(unknown_help(a, suggestion.as_deref()));
            out.push(finding.with_fix_opt(suggestion.map(Fix::suggest)));
            continue;
        }
        if a.deprecated.is_empty() {
            continue;
        }
        let what: Vec<String> = a
            .deprecated
            .iter()
            .map(|d| match &d.preferred_value {
                Some(p) => format!(
                    "{} '{}' is deprecated (Preferred-Value '{p}')",
                    kind_noun(d.kind),
                    d.subtag
                ),
                None => format!("{} '{}' is deprecated", kind_noun(d.kind), d.subtag),
            })
            .collect();
        let finding = RULE.finding_at(
            Severity::Warning,
            attr.elem,
            attr.span,
            format!("{}: {}", label(), what.join("; ")),
        );
        out.push(match &a.preferred {
            Some(p) if a.is_canonical_case() => finding
                .with_help(format!("write '{p}', the registry's current form"))
                .with_fix(Fix::replace_attr(Applicability::Safe, attr.span, p.clone())),
            Some(p) => finding
                .with_help(format!(
                    "write '{p}', the registry's current form (applied by --fix once lang-tag-malformed's repair is)"
                ))
                .with_fix(Fix::suggest(p.clone())),
            None => finding.with_help("the registry names no replacement: choose a current subtag for this language"),
        });
    }
}

fn unknown_help(a: &TagAnalysis, suggestion: Option<&str>) -> String {
    if let Some(t) = a.country_code_trap.filter(|t| !t.is_registered_language()) {
        let langs: Vec<String> = t.likely.iter().map(|l| format!("'{l}'")).collect();
        return format!(
            "'{}' is the country code of {}, not a language: the language is probably {}",
            t.code,
            t.country,
            langs.join(" or ")
        );
    }
    match suggestion {
        Some(s) => format!("write '{s}'"),
        None => {
            "use registered subtags: language (ISO 639-1 where one exists), Script (ISO 15924), REGION (ISO 3166-1)"
                .to_string()
        }
    }
}
