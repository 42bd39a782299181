use unicode_normalization::UnicodeNormalization;

use super::fieldtext::{code, field, fix, has_cjk, join_and, non_ascii_texts, position};
use crate::finding::{Applicability, Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};
use crate::text::to_nfc;

pub static RULE: Rule = Rule {
    id: "unicode-compatibility-characters",
    category: Category::Unicode,
    severity: Severity::Warning,
    fix: FixClass::Unsafe,
    summary: "fullwidth Latin in Latin text, halfwidth katakana, ligatures such as ﬁ",
    doc: r#"## What it does
Reports compatibility characters that stand for ordinary text in titles, names and P/C
lines:
- fullwidth ASCII (`Ｔａｌｖｉ`, `２０２４`, `（Live）`, U+FF01–U+FF5E, and `￥` `￠` … U+FFE0–U+FFE6)
  in text with no Han, kana, Hangul or Bopomofo;
- Roman numeral characters (`Ⅳ`, U+2160–U+217F), also only in text with no CJK character;
- halfwidth katakana (`ﾖｱｹﾉｳﾀ`, U+FF61–U+FF9F), halfwidth Hangul letters and halfwidth
  symbols (U+FFA1–U+FFEE);
- Latin and Armenian ligatures (`ﬁ` `ﬂ` `ﬀ`, U+FB00–U+FB17).

Not reported:
- fullwidth punctuation, fullwidth Latin and Roman numerals in CJK text: `夜明けのうた（ライブ）`,
  `ＬＯＶＥソング`, `ファイナルファンタジーⅣ` use them as normal CJK typography;
- halfwidth katakana in a value whose language tag names the `Kana` or `Hrkt` script
  (`LanguageAndScriptCode="ja-Kana"`): such a value is a phonetic reading, and halfwidth
  kana is the established convention for readings in Japanese systems (the DDEX ERN 4 sample
  files use it);
- characters whose compatibility mapping changes meaning (`②` `²` `½` `™` `№` `㈱`) and
  styled mathematical letters (`unicode-styled-alphanumerics`), ideographic and no-break
  spaces (`unicode-nonstandard-spaces`).

## Why
UAX #15 warns that compatibility forms "may remove distinctions that are important", which is
why the rule only names the cases where the compatibility character is a stand-in for plain
text. `Ｔａｌｖｉ` is not `Talvi` to an exact-match index, a join or a typed search, and a
`ﬁ` ligature breaks the word for search. Halfwidth katakana are a legacy of single-byte
Japanese encodings; DSPs display and index the fullwidth forms. MusicBrainz: Roman numeral
characters "exist only for compatibility purposes and its use is discouraged by the standard".

## Example
```xml
<TitleText>Ｔａｌｖｉ</TitleText>
<TitleText>ﾖｱｹﾉｳﾀ</TitleText>
<TitleText>Deﬁnitely</TitleText>
```

## Use instead
```xml
<TitleText>Talvi</TitleText>
<TitleText>ヨアケノウタ</TitleText>
<TitleText>Definitely</TitleText>
```

## Fix
Unsafe (applied with `--unsafe-fixes`): only the reported characters are replaced by their
compatibility (NFKC) mapping, then the value is put in NFC so halfwidth voiced marks combine
(`ｶﾞ` → `ガ`). The rest of the value is never compatibility-folded. It is unsafe because the
stylised spelling might be deliberate."#,
    check: Check::Item(check),
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    FullwidthAlnum,
    FullwidthPunct,
    RomanNumeral,
    HalfwidthKatakana,
    HalfwidthOther,
    Ligature,
}

impl Class {
    fn noun(self, n: usize) -> &'static str {
        match (self, n) {
            (Class::FullwidthAlnum, 1) => "fullwidth Latin letter or digit",
            (Class::FullwidthAlnum, _) => "fullwidth Latin letters or digits",
            (Class::FullwidthPunct, 1) => "fullwidth punctuation or symbol",
            (Class::FullwidthPunct, _) => "fullwidth punctuation or symbols",
            (Class::RomanNumeral, 1) => "Roman numeral character",
            (Class::RomanNumeral, _) => "Roman numeral characters",
            (Class::HalfwidthKatakana, 1) => "halfwidth katakana",
            (Class::HalfwidthKatakana, _) => "halfwidth katakana",
            (Class::HalfwidthOther, 1) => "halfwidth form",
            (Class::HalfwidthOther, _) => "halfwidth forms",
            (Class::Ligature, 1) => "ligature",
            (Class::Ligature, _) => "ligatures",
        }
    }
}

fn classify(c: char) -> Option<Class> {
    Some(match c {
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => Class::FullwidthAlnum,
        '\u{FF01}'..='\u{FF60}' | '\u{FFE0}'..='\u{FFE6}' => Class::FullwidthPunct,
        '\u{2160}'..='\u{217F}' => Class::RomanNumeral,
        '\u{FF61}'..='\u{FF9F}' => Class::HalfwidthKatakana,
        '\u{FFA1}'..='\u{FFDC}' | '\u{FFE8}'..='\u{FFEE}' => Class::HalfwidthOther,
        '\u{FB00}'..='\u{FB06}' | '\u{FB13}'..='\u{FB17}' => Class::Ligature,
        _ => return None,
    })
}

/// Whether the language tag names a kana script (`ja-Kana`, `ja-Hrkt`): a phonetic reading.
fn is_kana_reading(tag: &str) -> bool {
    tag.split(['-', '_'])
        .skip(1)
        .any(|p| p.eq_ignore_ascii_case("kana") || p.eq_ignore_ascii_case("hrkt"))
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (kind, loc, facts) in non_ascii_texts(cx) {
        // Every class is in U+2160–U+217F or U+FB00–U+FFEE.
        if !facts.may_have_wide(
            |c| classify(c).is_some(),
            |b| b.may_have_range('\u{2160}', '\u{217F}') || b.may_have_range('\u{FB00}', '\u{FFEE}'),
        ) {
            continue;
        }
        let text = &loc.text;
        let s: &str = &text.value;
        // Computed on first use: most candidate texts hold none of the characters.
        let mut cjk: Option<bool> = None;
        let mut reading: Option<bool> = None;
        // (class, count, first char, its byte offset)
        let mut groups: Vec<(Class, usize, char, usize)> = Vec::new();
        let mut flagged: Vec<usize> = Vec::new();
        for (i, c) in s.char_indices() {
            let Some(class) = classify(c) else { continue };
            let report = match class {
                Class::FullwidthAlnum | Class::FullwidthPunct | Class::RomanNumeral => {
                    !*cjk.get_or_insert_with(|| has_cjk(s))
                }
                Class::HalfwidthKatakana => !*reading.get_or_insert_with(|| is_kana_reading(loc.lang.tag())),
                Class::HalfwidthOther | Class::Ligature => true,
            };
            // Skip characters NFKC leaves alone (none in these ranges today).
            if !report || c.to_string().nfkc().eq(std::iter::once(c)) {
                continue;
            }
            flagged.push(i);
            match groups.iter_mut().find(|g| g.0 == class) {
                Some(g) => g.1 += 1,
                None => groups.push((class, 1, c, i)),
            }
        }
        if flagged.is_empty() {
            continue;
        }
        let parts: Vec<String> = groups
            .iter()
            .map(|&(class, n, c, at)| {
                if n == 1 {
                    format!(
                        "{} \"{c}\" ({}) at position {}",
                        class.noun(1),
                        code(c),
                        position(s, at)
                    )
                } else {
                    format!(
                        "{n} {} (first \"{c}\" ({}) at position {})",
                        class.noun(n),
                        code(c),
                        position(s, at)
                    )
                }
            })
            .collect();
        let folded = fold(s, &flagged);
        out.push(
            RULE.finding(
                text.elem,
                text.span,
                format!(
                    "{} uses compatibility characters: {}",
                    field(cx, kind, text),
                    join_and(&parts)
                ),
            )
            .with_help(format!("write the plain characters: \"{folded}\""))
            .with_fix_opt(fix(text, Applicability::Unsafe, folded)),
        );
    }
}

/// NFKC of the characters at the `flagged` byte offsets only, then NFC of the whole value.
fn fold(s: &str, flagged: &[usize]) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if flagged.binary_search(&i).is_ok() {
            out.extend(c.to_string().nfkc());
        } else {
            out.push(c);
        }
    }
    to_nfc(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        let s = "ｶﾞｲﾄﾞ";
        let all: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
        assert_eq!(fold(s, &all), "ガイド");
        assert_eq!(fold("Deﬁnitely", &[2]), "Definitely");
        assert_eq!(fold("Ｔａｌｖｉ", &[0, 3, 6, 9, 12]), "Talvi");
        assert!(is_kana_reading("ja-Kana"));
        assert!(is_kana_reading("ja-hrkt-JP"));
        assert!(!is_kana_reading("ja"));
        assert!(!is_kana_reading("ja-Jpan"));
    }
}
