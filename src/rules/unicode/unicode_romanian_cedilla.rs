use super::fieldtext::non_ascii_texts;
use super::textlang::{code_point, text_fix, LangCache};
use crate::finding::{Applicability, Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};

pub static RULE: Rule = Rule {
    id: "unicode-romanian-cedilla",
    category: Category::Unicode,
    severity: Severity::Warning,
    fix: FixClass::Safe,
    summary: "ş ţ Ş Ţ (cedilla) where Romanian uses ș ț Ș Ț (comma below)",
    doc: r#"## What it does
Reports Romanian text written with the cedilla letters `ş ţ Ş Ţ` (U+015F, U+0163, U+015E,
U+0162) instead of the comma-below letters `ș ț Ș Ț` (U+0219, U+021B, U+0218, U+021A).

A text is Romanian when its effective language (`LanguageAndScriptCode` on the element or
inherited) is `ro` or `ro-*` (or the deprecated `mo`). Text in another language is reported
only when it also shows Romanian letters (`ă`, comma-below `ș`/`ț`, or `ţ`), as in
`Ştefan Bănică` in an English-tagged feed: then the value is probably Romanian and its
language tag wrong. Turkish, Azerbaijani, Turkmen, Tatar, Kurdish and Gagauz text is never
reported: the cedilla is correct there (`Barış Manço`); neither is text with letters that
only those languages use (`ı`, `İ`, `ğ`, `ə`…), whatever its tag (`Şımarık` in a
Romanian-tagged feed).

## Why
Romanian orthography uses the comma below; the cedilla forms are a leftover of old keyboard
layouts and 8-bit encodings that had no comma-below letters. To search, sorting and
catalogue matching `ş` and `ș` are different letters: `Ştefan` and `Ștefan` become two
artists, and a search typed on a Romanian keyboard misses the cedilla spelling.

## Example
```xml
<TitleText LanguageAndScriptCode="ro">Şi tu, Ţară</TitleText>
```

## Use instead
```xml
<TitleText LanguageAndScriptCode="ro">Și tu, Țară</TitleText>
```

## Fix
Safe when the text's effective language is Romanian: each cedilla letter is replaced by its
comma-below letter (`ş`→`ș`, `ţ`→`ț`, `Ş`→`Ș`, `Ţ`→`Ț`; also a letter followed by a
combining cedilla). Otherwise a suggestion only: fix the language tag, or the letters, by
hand."#,
    check: Check::Item(check),
};

/// Languages in which `ş` (and, for Gagauz, `ţ`) with a cedilla is the correct letter.
const CEDILLA_LANGUAGES: &[&str] = &["tr", "az", "tk", "tt", "crh", "ku", "kmr", "gag", "kk", "kaa", "ba"];

const COMBINING_CEDILLA: char = '\u{0327}';

/// What a text needs for this rule to look at it.
const CEDILLAS: [char; 5] = ['ş', 'ţ', 'Ş', 'Ţ', COMBINING_CEDILLA];

/// The comma-below letter for a cedilla letter.
fn comma_below(c: char) -> Option<char> {
    Some(match c {
        'ş' | 's' => 'ș',
        'ţ' | 't' => 'ț',
        'Ş' | 'S' => 'Ș',
        'Ţ' | 'T' => 'Ț',
        _ => return None,
    })
}

/// The value with comma-below letters, and the first cedilla letter found; `None` if none.
fn corrected(s: &str) -> Option<(String, char)> {
    let mut out = String::with_capacity(s.len());
    let mut first = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, 'ş' | 'ţ' | 'Ş' | 'Ţ') {
            first.get_or_insert(c);
            out.push(comma_below(c).unwrap_or(c));
        } else if matches!(c, 's' | 't' | 'S' | 'T') && chars.peek() == Some(&COMBINING_CEDILLA) {
            chars.next();
            first.get_or_insert(c);
            out.push(comma_below(c).unwrap_or(c));
        } else {
            out.push(c);
        }
    }
    first.map(|f| (out, f))
}

/// Letters that only Romanian (among languages with cedilla or comma-below s/t) uses.
fn looks_romanian(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, 'ă' | 'Ă' | 'ș' | 'ț' | 'Ș' | 'Ț' | 'ţ' | 'Ţ'))
}

/// Letters of Turkish, Azerbaijani and Turkmen that Romanian never uses: such text keeps its
/// cedillas whatever its tag says (`Şımarık` in a Romanian-tagged feed is a Turkish title).
fn looks_turkic(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, 'ı' | 'İ' | 'ğ' | 'Ğ' | 'ə' | 'Ə' | 'ň' | 'Ň' | 'ý' | 'Ý'))
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let mut langs = LangCache::default();
    for (field, t, facts) in non_ascii_texts(cx) {
        if !facts.may_have_any(&CEDILLAS) {
            continue;
        }
        let value = t.value();
        if !value.contains(CEDILLAS) {
            continue;
        }
        let Some((fixed, first)) = corrected(value) else {
            continue;
        };
        let lang = langs.of(t);
        let romanian = lang.is("ro");
        if looks_turkic(value) || (!romanian && (lang.is_any(CEDILLA_LANGUAGES) || !looks_romanian(value))) {
            continue;
        }
        let shown = if first.is_ascii() {
            format!("{first}\u{0327}")
        } else {
            first.to_string()
        };
        let right = comma_below(first).unwrap_or(first);
        let (message, applicability) = if romanian {
            (
                format!(
                    "the Romanian {} '{value}' uses '{shown}' with a cedilla ({}) where Romanian writes '{right}' with a comma below ({})",
                    cx.nouns().of(field, t),
                    code_point(first),
                    code_point(right),
                ),
                Applicability::Safe,
            )
        } else {
            (
                format!(
                    "the {} '{value}' looks Romanian but uses '{shown}' with a cedilla ({}) where Romanian writes '{right}' with a comma below ({}); its language is '{}', not Romanian",
                    cx.nouns().of(field, t),
                    code_point(first),
                    code_point(right),
                    t.lang.tag(),
                ),
                Applicability::Suggestion,
            )
        };
        let help = if romanian {
            "use the comma-below letters ș ț Ș Ț: search and matching treat the cedilla letters as different letters"
        } else {
            "if the text is Romanian, tag it LanguageAndScriptCode=\"ro\" and use the comma-below letters ș ț Ș Ț"
        };
        out.push(
            RULE.finding(t.text.elem, t.text.span, message)
                .with_help(help)
                .with_fix(text_fix(t, applicability, fixed)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrects() {
        assert_eq!(corrected("Şi tu, Ţară").map(|x| x.0).as_deref(), Some("Și tu, Țară"));
        assert_eq!(corrected("s\u{0327}ah").map(|x| x.0).as_deref(), Some("șah"));
        assert_eq!(corrected("Și tu"), None);
        assert!(looks_romanian("Ştefan Bănică"));
        assert!(!looks_romanian("Barış Manço"));
        assert!(looks_turkic("Şımarık"));
        assert!(!looks_turkic("Ştefan Bănică"));
    }
}
