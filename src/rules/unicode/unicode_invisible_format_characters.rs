use crate::text::FastUnicode;
use unicode_properties::UnicodeEmoji;
use unicode_script::{Script, UnicodeScript};

use super::fieldtext::{char_label, code, field, fix, has_script, is_mark, non_ascii_texts, position, Hits};
use crate::finding::{Applicability, Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};
use crate::text::{
    classify_invisible, has_rtl, invisible_char_name, is_cjk_compat_ideograph, is_default_ignorable, ByteSet,
    InvisibleKind,
};

pub static RULE: Rule = Rule {
    id: "unicode-invisible-format-characters",
    category: Category::Unicode,
    severity: Severity::Warning,
    fix: FixClass::Safe,
    summary: "invisible characters: zero width space, BOM, soft hyphen, word joiner, stray LRM/RLM",
    doc: r#"## What it does
Reports invisible format characters in titles, names and P/C lines:
- U+200B ZERO WIDTH SPACE, U+FEFF ZERO WIDTH NO-BREAK SPACE (byte order mark), U+00AD SOFT
  HYPHEN, U+2060 WORD JOINER, the invisible operators U+2061–U+2064;
- U+200E LEFT-TO-RIGHT MARK, U+200F RIGHT-TO-LEFT MARK and U+061C ARABIC LETTER MARK in a
  value with no right-to-left letter (in Hebrew or Arabic text they can be needed and are
  left alone);
- Hangul fillers (U+3164, U+FFA0, and U+115F/U+1160 outside conjoining jamo);
- tag characters (U+E0000–U+E007F) that do not follow an emoji (the flag of Scotland
  `🏴󠁧󠁢󠁳󠁣󠁴󠁿` is a valid tag sequence);
- variation selectors with nothing to select: at the start, after a space, after another
  invisible character, after a letter of an alphabet that has no variation sequences
  (`a⟨U+FE0F⟩`), ideographic variation selectors not after a Han ideograph, Mongolian free
  variation selectors outside Mongolian text;
- U+180E MONGOLIAN VOWEL SEPARATOR outside Mongolian text, the deprecated format characters
  U+206A–U+206F, U+034F COMBINING GRAPHEME JOINER not followed by a combining mark, and the
  other default-ignorable format characters (U+17B4/U+17B5, U+1BCA0–U+1BCA3 outside
  Duployan, U+1D173–U+1D17A).

ZERO WIDTH JOINER and NON-JOINER are `unicode-zwj-zwnj-misplaced`; embeddings, overrides and
isolates are `unicode-bidi-controls`; spaces are `unicode-nonstandard-spaces`.

## Why
An invisible character makes two values that look identical compare unequal: an artist or
label with a zero width space in one release gets a second page, de-duplication misses the
pair, and a typed search does not find the title. They come from copy and paste out of web
pages, word processors (soft hyphens), and files saved with a byte order mark.

## Example
```xml
<TitleText>Talvi⟨U+200B⟩</TitleText>
<FullName>⟨U+FEFF⟩Nordlys Plater</FullName>
<TitleText>Straßen⟨U+00AD⟩bahn Süd</TitleText>
```

## Use instead
```xml
<TitleText>Talvi</TitleText>
<FullName>Nordlys Plater</FullName>
<TitleText>Straßenbahn Süd</TitleText>
```

## Fix
Safe: the reported characters are deleted; deleting them cannot change how the text looks.
When the value also holds a combining grapheme joiner, a Khmer inherent vowel, a shorthand
format control or a musical format character, whose removal might matter, the same value is
only suggested. Meaningful invisible characters (ZWJ/ZWNJ, marks in right-to-left text,
emoji tag sequences, variation selectors after a base) are never touched."#,
    check: Check::Item(check),
};

/// Whether the flagged character at `i` is removed by the safe fix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Removal {
    Safe,
    Suggest,
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (kind, loc, facts) in non_ascii_texts(cx) {
        // Every character this rule reports is a Default_Ignorable_Code_Point.
        if !facts.may_have_wide(is_default_ignorable, may_have_ignorable) {
            continue;
        }
        let text = &loc.text;
        let s: &str = &text.value;
        if !s.chars().any(|c| !c.is_ascii() && is_default_ignorable(c)) {
            continue;
        }
        let flagged = flag(s);
        if flagged.is_empty() {
            continue;
        }
        let mut hits = Hits::default();
        let mut applicability = Applicability::Safe;
        for &(i, c, removal) in &flagged {
            let label = if invisible_char_name(c).is_some() {
                char_label(c)
            } else {
                let noun = match classify_invisible(c) {
                    Some(InvisibleKind::HangulFiller) => "Hangul filler",
                    Some(InvisibleKind::TagCharacter) => "tag character",
                    Some(InvisibleKind::VariationSelector) => "variation selector",
                    Some(InvisibleKind::InvisibleOperator) => "invisible operator",
                    _ => "invisible format character",
                };
                format!("{noun} ({})", code(c))
            };
            hits.add(label, position(s, i));
            if removal == Removal::Suggest {
                applicability = Applicability::Suggestion;
            }
        }
        let fixed: String = s
            .char_indices()
            .filter(|(i, _)| !flagged.iter().any(|f| f.0 == *i))
            .map(|(_, c)| c)
            .collect();
        out.push(
            RULE.finding(
                text.elem,
                text.span,
                format!("{} of {}", hits.describe(), field(cx, kind, text)),
            )
            .with_help(if fixed.trim().is_empty() {
                "the value holds nothing visible: write the actual value"
            } else {
                "delete it: the character is invisible, but it makes the value differ from what people type"
            })
            .with_fix_opt(fix(text, applicability, fixed)),
        );
    }
}

/// Whether the text may hold a Default_Ignorable_Code_Point ([`is_default_ignorable`]): the
/// UTF-8 lead bytes of its ranges.
fn may_have_ignorable(b: &ByteSet) -> bool {
    b.may_have('\u{00AD}')
        || b.may_have('\u{034F}')
        || b.may_have('\u{061C}')
        || b.may_have_range('\u{115F}', '\u{3164}')
        || b.may_have_range('\u{FE00}', '\u{FFF8}')
        || b.may_have_range('\u{1BCA0}', '\u{1D17A}')
        || b.may_have_range('\u{E0000}', '\u{E0FFF}')
}

/// The invisible characters of `s` this rule reports: byte offset, character, removal class.
fn flag(s: &str) -> Vec<(usize, char, Removal)> {
    // Only bidi marks need it (a bidi class lookup per character): computed on first use.
    let mut rtl: Option<bool> = None;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if c.is_ascii() {
            continue;
        }
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|x| x.1);
        use InvisibleKind::*;
        let removal = match classify_invisible(c) {
            Some(ZeroWidthSpace | ByteOrderMark | SoftHyphen | WordJoiner | InvisibleOperator) => Removal::Safe,
            Some(BidiMark) if !*rtl.get_or_insert_with(|| has_rtl(s)) => Removal::Safe,
            Some(HangulFiller) => match c {
                '\u{115F}' | '\u{1160}' if prev.is_some_and(is_jamo) || next.is_some_and(is_jamo) => continue,
                _ => Removal::Safe,
            },
            Some(TagCharacter) => {
                // Valid inside an emoji tag sequence: emoji base, tag characters.
                let base = chars[..k].iter().rev().map(|x| x.1).find(|c| !is_tag(*c));
                if base.is_some_and(|b| !b.is_ascii() && b.is_emoji_char()) {
                    continue;
                }
                Removal::Safe
            }
            Some(VariationSelector) => {
                if prev.is_some_and(|p| selects(p, c)) {
                    continue;
                }
                Removal::Safe
            }
            Some(GraphemeJoiner) => {
                if next.is_some_and(is_mark) {
                    continue;
                }
                Removal::Suggest
            }
            Some(OtherIgnorable) => match c {
                '\u{180E}' if has_script(s, Script::Mongolian) => continue,
                '\u{180E}' | '\u{206A}'..='\u{206F}' => Removal::Safe,
                '\u{1BCA0}'..='\u{1BCA3}' if has_script(s, Script::Duployan) => continue,
                '\u{17B4}' | '\u{17B5}' | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}' => Removal::Suggest,
                // Unassigned default-ignorables (U+FFF0–U+FFF8, U+E0080–U+E0FFF) are
                // unicode-unassigned-private-use-replacement.
                _ => continue,
            },
            _ => continue,
        };
        out.push((i, c, removal));
    }
    out
}

fn is_tag(c: char) -> bool {
    matches!(c, '\u{E0000}'..='\u{E007F}')
}

fn is_jamo(c: char) -> bool {
    matches!(c, '\u{1100}'..='\u{11FF}' | '\u{A960}'..='\u{A97F}' | '\u{D7B0}'..='\u{D7FF}')
}

/// Whether variation selector `vs` has something to select after `base`.
fn selects(base: char, vs: char) -> bool {
    if base.is_whitespace() || base.is_control() || is_default_ignorable(base) {
        return false;
    }
    match vs {
        // Ideographic variation sequences: Han only.
        '\u{E0100}'..='\u{E01EF}' => base.script() == Script::Han || is_cjk_compat_ideograph(base),
        // Mongolian free variation selectors.
        '\u{180B}'..='\u{180D}' | '\u{180F}' => base.script() == Script::Mongolian,
        // VS1–VS16: emoji presentation, standardized variants (Han compatibility, Myanmar,
        // Phags-pa, Manichaean, Egyptian, math symbols, digits for keycaps …). Letters of
        // alphabets without standardized variants select nothing.
        _ => {
            let is_letter = base.general_category_group_fast() == unicode_properties::GeneralCategoryGroup::Letter;
            !is_letter
                || base.is_emoji_char()
                || matches!(
                    base.script(),
                    Script::Han
                        | Script::Myanmar
                        | Script::Phags_Pa
                        | Script::Manichaean
                        | Script::Egyptian_Hieroglyphs
                        | Script::Mongolian
                )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        flag(s).into_iter().map(|f| f.1).collect()
    }

    #[test]
    fn flags() {
        assert_eq!(chars("Talvi\u{200B}"), ['\u{200B}']);
        assert_eq!(chars("\u{FEFF}夜明けのうた"), ['\u{FEFF}']);
        assert_eq!(chars("Straßen\u{00AD}bahn Süd"), ['\u{00AD}']);
        assert_eq!(chars("Kaisa Mäkelä\u{200E}"), ['\u{200E}']);
        assert!(chars("נועה ברק\u{200F}").is_empty());
        assert!(chars("مرحبا \u{200F}2024").is_empty());
        assert!(chars("می\u{200C}خواهم").is_empty()); // ZWNJ: other rule
        assert!(chars("❤\u{FE0F} Love").is_empty());
        assert!(chars("1\u{FE0F}\u{20E3}").is_empty());
        assert!(chars("葛\u{E0100}飾").is_empty());
        assert_eq!(chars("a\u{FE0F}"), ['\u{FE0F}']);
        assert_eq!(chars("\u{FE0F}a"), ['\u{FE0F}']);
        assert_eq!(chars("Talvi \u{E0100}"), ['\u{E0100}']);
        let scotland = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}";
        assert!(chars(scotland).is_empty());
        assert_eq!(chars("Talvi\u{E0067}").len(), 1);
        assert_eq!(chars("\u{3164}"), ['\u{3164}']);
        assert!(chars("\u{1100}\u{1160}").is_empty());
        assert!(chars("Mo\u{034F}\u{0308}").is_empty());
        assert_eq!(flag("a\u{034F}b")[0].2, Removal::Suggest);
    }
}
