use unicode_properties::UnicodeEmoji;
use unicode_script::Script;

use super::fieldtext::{char_label, field, fix, in_scripts, is_mark, non_ascii_texts, position};
use crate::finding::{Applicability, Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};

pub static RULE: Rule = Rule {
    id: "unicode-zwj-zwnj-misplaced",
    category: Category::Unicode,
    severity: Severity::Warning,
    fix: FixClass::Suggest,
    summary: "a zero width joiner or non-joiner where it has no function",
    doc: r#"## What it does
Reports U+200D ZERO WIDTH JOINER and U+200C ZERO WIDTH NON-JOINER where they do nothing.
They have a function, and are left alone:
- between letters of joining scripts: Arabic (including Persian, Urdu, Kurdish), Syriac,
  N'Ko, Mongolian, Mandaic, Adlam and others (`می‌خواهم` and `نیمه‌شب` need their ZWNJ);
- between letters of Brahmic scripts, where they select conjunct, half or explicit virama
  forms: Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam,
  Sinhala (`ශ්‍රී`), Tibetan, Myanmar, Khmer and others;
- ZWJ inside an emoji ZWJ sequence (`👨‍👩‍👧`, `🏳️‍🌈`, `👩🏽‍💻`).

The neighbours are the nearest characters on either side, skipping combining marks (a
virama), variation selectors and emoji skin-tone modifiers. Anywhere else (next to Latin,
Cyrillic, Greek or CJK letters, next to a space or punctuation, at the start or end of the
value, doubled) the character is reported.

## Why
Where they have no function they are invisible noise, with the same effect as a zero width
space: two values that look identical compare unequal, so artist and label pages split and
typed searches miss. Where they do have a function, removing them changes the spelling
(Persian uses ZWNJ inside words; Sinhala needs ZWJ for some conjuncts), which is why this
rule looks at both neighbours before reporting.

## Example
```xml
<FullName>Émile⟨U+200D⟩ Sørensen</FullName>
```

## Use instead
```xml
<FullName>Émile Sørensen</FullName>
```

## Fix
Suggestion only: the value without the reported characters. It is never applied
automatically, because a joiner's role can depend on fonts and spelling conventions the
linter cannot see."#,
    check: Check::Item(check),
};

/// Scripts whose letters join, where ZWJ/ZWNJ control joining.
const JOINING: &[Script] = &[
    Script::Arabic,
    Script::Syriac,
    Script::Nko,
    Script::Mongolian,
    Script::Mandaic,
    Script::Manichaean,
    Script::Psalter_Pahlavi,
    Script::Adlam,
    Script::Hanifi_Rohingya,
    Script::Sogdian,
    Script::Old_Uyghur,
    Script::Phags_Pa,
    Script::Chorasmian,
];

/// Brahmic and related scripts, where ZWJ/ZWNJ control conjuncts and virama forms.
const BRAHMIC: &[Script] = &[
    Script::Devanagari,
    Script::Bengali,
    Script::Gurmukhi,
    Script::Gujarati,
    Script::Oriya,
    Script::Tamil,
    Script::Telugu,
    Script::Kannada,
    Script::Malayalam,
    Script::Sinhala,
    Script::Tibetan,
    Script::Myanmar,
    Script::Khmer,
    Script::Lao,
    Script::Thai,
    Script::Javanese,
    Script::Balinese,
    Script::Sundanese,
    Script::Tai_Tham,
    Script::Grantha,
    Script::Newa,
    Script::Sharada,
    Script::Takri,
    Script::Tirhuta,
    Script::Modi,
    Script::Kaithi,
    Script::Siddham,
    Script::Bhaiksuki,
    Script::Chakma,
    Script::Limbu,
    Script::Lepcha,
    Script::Meetei_Mayek,
    Script::Syloti_Nagri,
    Script::Saurashtra,
    Script::Kharoshthi,
    Script::Brahmi,
    Script::Batak,
    Script::Buginese,
    Script::Cham,
    Script::Tai_Viet,
    Script::Dogra,
    Script::Khojki,
    Script::Khudawadi,
    Script::Mahajani,
    Script::Masaram_Gondi,
    Script::Gunjala_Gondi,
    Script::Nandinagari,
    Script::Ahom,
];

fn is_skippable(c: char) -> bool {
    is_mark(c) || matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}')
}

fn is_pictographic(c: char) -> bool {
    !c.is_ascii() && c.is_emoji_char()
}

/// Why the joiner at index `k` of `chars` has no function, or `None` if it has one.
fn misplaced(chars: &[(usize, char)], k: usize) -> Option<String> {
    let c = chars[k].1;
    let is_joiner = |x: char| matches!(x, '\u{200C}' | '\u{200D}');
    let left = chars[..k].iter().rev().map(|x| x.1).find(|&x| !is_skippable(x));
    if let Some(l) = left.filter(|&l| is_joiner(l)) {
        return Some(format!("right after another {}", char_label(l)));
    }
    // A doubled joiner is reported once, as the second one; judge the first by what follows
    // the run.
    let right = chars[k + 1..]
        .iter()
        .map(|x| x.1)
        .find(|&x| !is_skippable(x) && !is_joiner(x));
    let (l, r) = match (left, right) {
        (None, _) => return Some("at the start of the value".into()),
        (_, None) => return Some("at the end of the value".into()),
        (Some(l), Some(r)) => (l, r),
    };
    let functional = |x: char| in_scripts(x, JOINING) || in_scripts(x, BRAHMIC);
    if functional(l) && functional(r) {
        return None;
    }
    if c == '\u{200D}' && is_pictographic(l) && is_pictographic(r) {
        return None;
    }
    let show = |x: char| match x {
        ' ' => "a space".to_string(),
        _ if x.is_whitespace() || x.is_control() => char_label(x),
        _ => format!("\"{x}\""),
    };
    Some(format!("between {} and {}", show(l), show(r)))
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (kind, loc, facts) in non_ascii_texts(cx) {
        if !facts.may_have_any(&['\u{200C}', '\u{200D}']) {
            continue;
        }
        let text = &loc.text;
        let s: &str = &text.value;
        if !s.contains(['\u{200C}', '\u{200D}']) {
            continue;
        }
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let mut bad: Vec<(usize, char, String)> = Vec::new();
        for (k, &(i, c)) in chars.iter().enumerate() {
            if matches!(c, '\u{200C}' | '\u{200D}') {
                if let Some(why) = misplaced(&chars, k) {
                    bad.push((i, c, why));
                }
            }
        }
        let Some((i, c, why)) = bad.first() else {
            continue;
        };
        let mut message = format!(
            "{} at position {} of {} has no function {why}",
            char_label(*c),
            position(s, *i),
            field(cx, kind, text)
        );
        if bad.len() > 1 {
            message.push_str(&format!(" (and {} more)", bad.len() - 1));
        }
        let fixed: String = chars
            .iter()
            .filter(|(i, _)| !bad.iter().any(|b| b.0 == *i))
            .map(|x| x.1)
            .collect();
        out.push(
            RULE.finding(text.elem, text.span, message)
                .with_help("delete it unless the spelling needs it: joiners only matter between letters of joining or Brahmic scripts and inside emoji sequences")
                .with_fix_opt(fix(text, Applicability::Suggestion, fixed)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(s: &str) -> usize {
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        (0..chars.len())
            .filter(|&k| matches!(chars[k].1, '\u{200C}' | '\u{200D}') && misplaced(&chars, k).is_some())
            .count()
    }

    #[test]
    fn contexts() {
        assert_eq!(count("می\u{200C}خواهم"), 0);
        assert_eq!(count("نیمه\u{200C}شب"), 0);
        assert_eq!(count("क्\u{200D}ष"), 0);
        assert_eq!(count("ශ්\u{200D}රී"), 0);
        assert_eq!(count("👨\u{200D}👩\u{200D}👧"), 0);
        assert_eq!(count("🏳\u{FE0F}\u{200D}🌈"), 0);
        assert_eq!(count("👩\u{1F3FD}\u{200D}💻"), 0);
        assert_eq!(count("Émile\u{200D} Sørensen"), 1);
        assert_eq!(count("Auf\u{200C}lage"), 1);
        assert_eq!(count("\u{200D}Talvi"), 1);
        assert_eq!(count("夜\u{200D}明け"), 1);
        assert_eq!(count("می\u{200C}\u{200C}خواهم"), 1);
        assert_eq!(count("👨\u{200C}👩"), 1);
    }
}
