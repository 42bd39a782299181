use unicode_normalization::char::canonical_combining_class as ccc;

use super::fieldtext::{code, field, fix, non_ascii_texts, position};
use crate::finding::{Applicability, Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};
use crate::text::{is_nfc, is_nfc_starter, to_nfc};

pub static RULE: Rule = Rule {
    id: "unicode-not-nfc",
    category: Category::Unicode,
    severity: Severity::Warning,
    fix: FixClass::Safe,
    summary: "a title or name that is not in Unicode Normalization Form C (decomposed accents)",
    doc: r#"## What it does
Reports a title, subtitle, artist, party or label name, or P/C line whose value is not in
Unicode Normalization Form C: an accent stored as a separate combining character after its
letter (`e` + U+0301 instead of `é`), Korean as conjoining jamo (`ᄇ ᅩ ᆷ` instead of `봄`),
decomposed Greek tonos, or a character NFC replaces (U+212B ANGSTROM SIGN → `Å`). The rule
looks at the decoded value, so `Mo&#x308;tley` is decomposed too.

CJK compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F) are left alone: NFC would map
them to the unified ideograph (U+FA19 `神` → U+795E `神`), but a Japanese personal name may use
that glyph on purpose. A value whose only non-NFC characters are such ideographs is not
reported, and the fix keeps them.

Precomposed text that merely looks complex is NFC and is not reported: Vietnamese `Tiếng
Việt`, Turkish `İstanbul`, Devanagari with its vowel signs.

## Why
Canonically equivalent strings "should always have the same visual appearance and behavior"
(UAX #15), but byte-wise `Mäkelä` in NFC and in NFD are different strings: an exact-match
index, a join or a de-duplication splits them, and the artist or label gets two pages. The
W3C asks content authors to use NFC. macOS file names and some tools really do produce
decomposed text, which then travels into metadata by copy and paste.

## Example
```xml
<FullName>Kaisa Ma&#x308;kela&#x308;</FullName>
```

## Use instead
```xml
<FullName>Kaisa Mäkelä</FullName>
```

## Fix
Safe: the value is replaced by its NFC form, keeping CJK compatibility ideographs as they are.
NFC is canonical, idempotent and stable across Unicode versions. When the value is split by
comments or CDATA the corrected value is only proposed."#,
    check: Check::Item(check),
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (kind, loc, facts) in non_ascii_texts(cx) {
        // A text of NFC starters is NFC; below U+0300 every character is one (see `is_nfc`).
        if !facts.may_have_wide(|c| c >= '\u{0300}' && !is_nfc_starter(c), |b| b.has_in(0xCC, 0xFF)) {
            continue;
        }
        let text = &loc.text;
        let s: &str = &text.value;
        if is_nfc(s) {
            continue;
        }
        let fixed = to_nfc(s);
        if fixed == s {
            continue; // only CJK compatibility ideographs differ: kept on purpose
        }
        let changed = changed_clusters(s);
        let Some(&(start, end)) = changed.first() else {
            continue;
        };
        let seg = &s[start..end];
        let mut message = format!(
            "{} is not in Unicode NFC: {} at position {} should be {}",
            field(cx, kind, text),
            describe_decomposed(seg),
            position(s, start),
            describe_composed(&to_nfc(seg)),
        );
        if changed.len() > 1 {
            message.push_str(&format!(" (and {} more)", changed.len() - 1));
        }
        out.push(
            RULE.finding(text.elem, text.span, message)
                .with_help("store the composed (NFC) form, so the value matches what people type and search for")
                .with_fix_opt(fix(text, Applicability::Safe, fixed)),
        );
    }
}

/// Byte ranges of the clusters (a starter, its combining marks and whatever composes with it)
/// that NFC (minus CJK compatibility ideographs) changes.
fn changed_clusters(s: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let start = chars[i].0;
        let mut j = i + 1;
        while j < chars.len() {
            let (at, c) = chars[j];
            if ccc(c) != 0 {
                j += 1;
                continue;
            }
            // A starter that composes with the cluster (Hangul V/T jamo, some Indic vowels).
            let before = to_nfc(&s[start..at]).chars().count();
            let with = to_nfc(&s[start..at + c.len_utf8()]).chars().count();
            if with <= before {
                j += 1;
                continue;
            }
            break;
        }
        let end = chars.get(j).map_or(s.len(), |x| x.0);
        let seg = &s[start..end];
        if to_nfc(seg) != seg {
            out.push((start, end));
        }
        i = j;
    }
    out
}

fn is_jamo(c: char) -> bool {
    matches!(c, '\u{1100}'..='\u{11FF}' | '\u{A960}'..='\u{A97F}' | '\u{D7B0}'..='\u{D7FF}')
}

/// `"a" + combining diaeresis (U+0308)`, `jamo U+1107 + jamo U+1169`, `"Å" (U+212B)`.
fn describe_decomposed(seg: &str) -> String {
    let parts: Vec<String> = seg
        .chars()
        .map(|c| {
            if let Some(name) = combining_name(c) {
                format!("combining {name} ({})", code(c))
            } else if ccc(c) != 0 {
                format!("combining mark {}", code(c))
            } else if is_jamo(c) {
                format!("jamo {}", code(c))
            } else if to_nfc(c.encode_utf8(&mut [0; 4])).chars().ne(std::iter::once(c)) {
                format!("\"{c}\" ({})", code(c))
            } else {
                format!("\"{c}\"")
            }
        })
        .collect();
    parts.join(" + ")
}

/// `"ä" (U+00E4)`.
fn describe_composed(s: &str) -> String {
    let codes: Vec<String> = s.chars().map(code).collect();
    format!("\"{s}\" ({})", codes.join(" "))
}

/// Names of the combining marks decomposed text usually holds.
fn combining_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{0300}' => "grave accent",
        '\u{0301}' => "acute accent",
        '\u{0302}' => "circumflex accent",
        '\u{0303}' => "tilde",
        '\u{0304}' => "macron",
        '\u{0306}' => "breve",
        '\u{0307}' => "dot above",
        '\u{0308}' => "diaeresis",
        '\u{0309}' => "hook above",
        '\u{030A}' => "ring above",
        '\u{030B}' => "double acute accent",
        '\u{030C}' => "caron",
        '\u{030F}' => "double grave accent",
        '\u{0311}' => "inverted breve",
        '\u{0313}' => "comma above",
        '\u{0314}' => "reversed comma above",
        '\u{031B}' => "horn",
        '\u{0323}' => "dot below",
        '\u{0324}' => "diaeresis below",
        '\u{0325}' => "ring below",
        '\u{0326}' => "comma below",
        '\u{0327}' => "cedilla",
        '\u{0328}' => "ogonek",
        '\u{032D}' => "circumflex accent below",
        '\u{032E}' => "breve below",
        '\u{0330}' => "tilde below",
        '\u{0331}' => "macron below",
        '\u{0342}' => "greek perispomeni",
        '\u{0345}' => "greek ypogegrammeni",
        '\u{3099}' => "katakana-hiragana voiced sound mark",
        '\u{309A}' => "katakana-hiragana semi-voiced sound mark",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clusters() {
        let s = "Ka\u{0069}sa Ma\u{0308}kela\u{0308}";
        let c = changed_clusters(s);
        assert_eq!(c.len(), 2);
        assert_eq!(&s[c[0].0..c[0].1], "a\u{0308}");
        assert_eq!(describe_decomposed("a\u{0308}"), "\"a\" + combining diaeresis (U+0308)");
        assert_eq!(describe_composed("ä"), "\"ä\" (U+00E4)");
        let k = "\u{1107}\u{1169}\u{11B7}비";
        let c = changed_clusters(k);
        assert_eq!(c.len(), 1);
        assert_eq!(&k[c[0].0..c[0].1], "\u{1107}\u{1169}\u{11B7}");
        assert_eq!(changed_clusters("ab\u{212B}").len(), 1);
        assert!(changed_clusters("\u{FA19}田").is_empty());
        assert_eq!(describe_decomposed("\u{212B}"), "\"\u{212B}\" (U+212B)");
    }
}
