use std::collections::HashMap;

use super::fieldtext::texts_with_facts;
use super::textlang::LangCache;
use crate::ern::{Localized, TextField};
use crate::finding::{Finding, Fix, Severity};
use crate::rules::shared::prefetch_ahead;
use crate::rules::{Category, Check, Context, FixClass, Rule};
use crate::text::TextFacts;

pub static RULE: Rule = Rule {
    id: "case-turkish-dotted-i",
    category: Category::Unicode,
    severity: Severity::Warning,
    fix: FixClass::Suggest,
    summary: "dotted/dotless i mixups in Turkish or Azerbaijani text (ISTANBUL vs İSTANBUL)",
    doc: r#"## What it does
Looks at text whose effective language is Turkish (`tr`) or Azerbaijani (`az`), where `I`/`ı`
and `İ`/`i` are two different letters, and reports what a case conversion without Turkish
rules leaves behind:
- `i` followed by U+0307 COMBINING DOT ABOVE (`i̇stanbul`): what lower-casing `İ` gives
  without Turkish rules; the dot is invisible in most fonts but the word no longer matches.
  Also `ı` or `I` followed by U+0307.
- two spellings of the same text in the feed that differ only in dotted and dotless i, where
  one has a capital `I` in the place of the other's `i` or `İ` (or a `ı` in the place of `İ`):
  `ISTANBUL GECELERI` in a `DisplayTitleText` and `İstanbul Geceleri` in the `TitleText`.
  The spelling with the plain `I` is reported; the other one is taken as the intended one.

  The other spelling must itself have a `İ` or `ı`: names from other languages in a
  Turkish-tagged feed (`ÁSGEIR` next to `Ásgeir`) are not compared.

Correct Turkish is left alone: `İstanbul`, `KIRMIZI` next to `Kırmızı`, `İSTANBUL` next to
`İstanbul`. Two different words that differ only in `i`/`ı` (`kır`, `kir`) are not compared.

## Why
In Turkish the capital of `i` is `İ` and the lower case of `I` is `ı`. Tools that change
case with English rules write `ISTANBUL` for `istanbul` (which a Turkish reader reads as
"ıstanbul") and `i̇` for `İ`. The result is misspelt for Turkish listeners, and search and
matching see different words: the same title or artist no longer matches across the feed.

## Example
```xml
<DisplayTitleText LanguageAndScriptCode="tr">ISTANBUL GECELERI</DisplayTitleText>
<DisplayTitle LanguageAndScriptCode="tr"><TitleText>İstanbul Geceleri</TitleText></DisplayTitle>
```

## Use instead
```xml
<DisplayTitleText LanguageAndScriptCode="tr">İSTANBUL GECELERİ</DisplayTitleText>
<DisplayTitle LanguageAndScriptCode="tr"><TitleText>İstanbul Geceleri</TitleText></DisplayTitle>
```

## Fix
Suggestion only: the value without the stray dots, or the other spelling in this value's
case, recased with Turkish rules. Never applied automatically: case is the artist's choice,
and language tags are often wrong (Lithuanian keeps U+0307 in some words)."#,
    check: Check::Item(check),
};

const COMBINING_DOT_ABOVE: char = '\u{0307}';
const TURKIC: &[&str] = &["tr", "az"];

/// The letters that make a text worth a look.
const I_LETTERS: [char; 4] = ['I', 'İ', 'ı', 'i'];

/// Whether the text may hold one of [`I_LETTERS`].
fn may_have_i(facts: &TextFacts) -> bool {
    facts.bytes.has(b'I') || facts.bytes.has(b'i') || facts.may_have_any(&['İ', 'ı'])
}

/// Removes the dot left by lower-casing `İ` without Turkish rules: `i̇`→`i`, `ı̇`→`i`, `İ`
/// for `I` + U+0307. `None` if there is none.
fn without_stray_dots(s: &str) -> Option<String> {
    if !s.contains(COMBINING_DOT_ABOVE) {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, 'i' | 'ı' | 'I') && chars.peek() == Some(&COMBINING_DOT_ABOVE) {
            chars.next();
            out.push(if c == 'I' { 'İ' } else { 'i' });
            changed = true;
        } else {
            out.push(c);
        }
    }
    changed.then_some(out)
}

fn tr_lower(c: char) -> char {
    match c {
        'I' => 'ı',
        'İ' => 'i',
        c => {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(x), None) => x,
                _ => c,
            }
        }
    }
}

fn tr_upper(c: char) -> char {
    match c {
        'i' => 'İ',
        'ı' => 'I',
        c => {
            let mut u = c.to_uppercase();
            match (u.next(), u.next()) {
                (Some(x), None) => x,
                _ => c,
            }
        }
    }
}

/// The value's characters, stray dots removed (so that `i̇` compares as `i`).
fn letters(s: &str) -> Vec<char> {
    without_stray_dots(s).unwrap_or_else(|| s.to_string()).chars().collect()
}

/// The key under which spellings that differ only in case and in dotted/dotless i meet.
fn fold_key(s: &[char]) -> String {
    s.iter()
        .map(|&c| match tr_lower(c) {
            'ı' => 'i',
            x => x,
        })
        .collect()
}

/// Compares two spellings of one text, letter by letter. `Some(true)` when `a` has a capital
/// `I` (or a `ı`) where `b` has `i`/`İ` (or `İ`), and `b` never does the same to `a`;
/// `Some(false)` when they agree under Turkish rules; `None` when they disagree otherwise
/// (different words such as `kır`/`kir`, or mistakes on both sides).
fn a_is_suspect(a: &[char], b: &[char]) -> Option<bool> {
    let (mut a_wrong, mut b_wrong) = (false, false);
    for (&x, &y) in a.iter().zip(b) {
        if tr_lower(x) == tr_lower(y) {
            continue;
        }
        match (x, y) {
            ('I', 'i' | 'İ') | ('ı', 'İ') => a_wrong = true,
            ('i' | 'İ', 'I') | ('İ', 'ı') => b_wrong = true,
            _ => return None,
        }
    }
    match (a_wrong, b_wrong) {
        (false, false) => Some(false),
        (true, false) => Some(true),
        _ => None,
    }
}

/// `good` written in the case of `like` (same length), with Turkish case rules.
fn recase(good: &[char], like: &[char]) -> String {
    good.iter()
        .zip(like)
        .map(|(&g, &l)| {
            if l.is_uppercase() {
                tr_upper(g)
            } else if l.is_lowercase() {
                tr_lower(g)
            } else {
                g
            }
        })
        .collect()
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let mut langs = LangCache::default();
    let texts = cx.display_texts();
    // Texts by fold key (the other spelling may carry any tag). Only a text with a `İ` or `ı`
    // can be the other spelling, so only those are keyed.
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    let mut stray_dots = false;
    for (i, (_, t, facts)) in texts_with_facts(cx).enumerate() {
        stray_dots |= facts.may_have_any(&[COMBINING_DOT_ABOVE]);
        if !facts.may_have_any(&['İ', 'ı', COMBINING_DOT_ABOVE]) {
            continue;
        }
        let theirs = letters(t.value());
        if theirs.iter().any(|c| matches!(c, 'İ' | 'ı')) {
            by_key.entry(fold_key(&theirs)).or_default().push(i);
        }
    }
    // Without a stray dot or another spelling there is nothing to report: most feeds.
    if by_key.is_empty() && !stray_dots {
        return;
    }
    let mut turkic: Vec<(TextField, &Localized, &'static str)> = Vec::new();
    for (i, (field, t, facts)) in texts_with_facts(cx).enumerate() {
        // Most texts have an `i` and so have their language read: ask for them early.
        prefetch_ahead(texts, i);
        if !may_have_i(facts) {
            continue;
        }
        let lang = langs.of(t);
        if lang.is_any(TURKIC) && t.value().contains(I_LETTERS) {
            let name = if lang.is("az") { "Azerbaijani" } else { "Turkish" };
            turkic.push((field, t, name));
        }
    }
    for (field, t, language) in turkic {
        let value = t.value();
        if let Some(fixed) = without_stray_dots(value) {
            let noun = cx.nouns().of(field, t);
            out.push(
                RULE.finding(
                    t.text.elem,
                    t.text.span,
                    format!(
                        "the {noun} '{value}' has an 'i' followed by an invisible COMBINING DOT ABOVE (U+0307), left by lower-casing 'İ' without Turkish rules"
                    ),
                )
                .with_help("in Turkish the lower case of 'İ' is a plain 'i': remove U+0307")
                .with_fix(Fix::suggest(fixed)),
            );
            continue;
        }
        let mine = letters(value);
        let others = by_key.get(&fold_key(&mine)).map_or(&[][..], |v| &v[..]);
        // The other spelling must be visibly Turkish (a `İ` or `ı`): `ÁSGEIR` next to
        // `Ásgeir` in a Turkish-tagged feed is an Icelandic name, not a mixup.
        let other = others.iter().map(|&j| texts[j].1).find(|o| {
            let theirs = letters(o.value());
            theirs.len() == mine.len()
                && theirs.iter().any(|c| matches!(c, 'İ' | 'ı'))
                && a_is_suspect(&mine, &theirs) == Some(true)
        });
        let Some(other) = other else { continue };
        let theirs = letters(other.value());
        let suggestion = recase(&theirs, &mine);
        let line = cx.source.line_of(other.text.elem);
        let noun = cx.nouns().of(field, t);
        out.push(
            RULE.finding(
                t.text.elem,
                t.text.span,
                format!(
                    "the {language} {noun} '{value}' has a plain 'I' where '{}' (line {line}) has a dotted 'i'/'İ': in {language} 'I' is the capital of dotless 'ı'",
                    other.value()
                ),
            )
            .with_help(format!(
                "recase it with Turkish rules: '{suggestion}' (the capital of 'i' is 'İ')"
            ))
            .with_fix(Fix::suggest(suggestion)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Vec<char> {
        letters(s)
    }

    #[test]
    fn stray_dots() {
        assert_eq!(
            without_stray_dots("i\u{307}stanbul geceleri\u{307}").as_deref(),
            Some("istanbul geceleri")
        );
        assert_eq!(without_stray_dots("İstanbul"), None);
    }

    #[test]
    fn spellings() {
        let (a, b) = (v("ISTANBUL GECELERI"), v("İstanbul Geceleri"));
        assert_eq!(fold_key(&a), fold_key(&b));
        assert_eq!(a_is_suspect(&a, &b), Some(true));
        assert_eq!(a_is_suspect(&b, &a), None);
        assert_eq!(recase(&b, &a), "İSTANBUL GECELERİ");
        assert_eq!(a_is_suspect(&v("İSTANBUL"), &v("İstanbul")), Some(false));
        assert_eq!(a_is_suspect(&v("KIRMIZI"), &v("Kırmızı")), Some(false));
        assert_eq!(a_is_suspect(&v("kır"), &v("kir")), None);
        assert_eq!(a_is_suspect(&v("Istanbul"), &v("istanbul")), Some(true));
        assert_eq!(a_is_suspect(&v("ıstanbul"), &v("İSTANBUL")), Some(true));
        assert_eq!(recase(&v("İSTANBUL"), &v("Istanbul")), "İstanbul");
    }
}
