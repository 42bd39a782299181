//! Character classes the Unicode-hygiene rules need: invisible and format characters, controls,
//! nonstandard spaces, bidi classes.

use unicode_bidi::{bidi_class, BidiClass};

/// What kind of invisible, format, control or space character a character is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InvisibleKind {
    /// U+200B ZERO WIDTH SPACE.
    ZeroWidthSpace,
    /// U+200C ZERO WIDTH NON-JOINER (meaningful in Persian, Brahmic scripts …).
    ZeroWidthNonJoiner,
    /// U+200D ZERO WIDTH JOINER (meaningful in emoji sequences, Brahmic scripts …).
    ZeroWidthJoiner,
    /// U+FEFF ZERO WIDTH NO-BREAK SPACE / BYTE ORDER MARK.
    ByteOrderMark,
    /// U+00AD SOFT HYPHEN.
    SoftHyphen,
    /// U+2060 WORD JOINER.
    WordJoiner,
    /// U+2061–U+2064 invisible mathematical operators.
    InvisibleOperator,
    /// U+034F COMBINING GRAPHEME JOINER.
    GraphemeJoiner,
    /// U+200E LRM, U+200F RLM, U+061C ALM.
    BidiMark,
    /// U+202A–U+202E embeddings/overrides, U+2066–U+2069 isolates.
    BidiControl,
    /// U+115F, U+1160, U+3164, U+FFA0 Hangul fillers.
    HangulFiller,
    /// U+E0000–U+E007F tag characters (also used in emoji flag tag sequences).
    TagCharacter,
    /// U+FE00–U+FE0F, U+E0100–U+E01EF, Mongolian U+180B–U+180D, U+180F.
    VariationSelector,
    /// Any other `Default_Ignorable_Code_Point` (U+180E, U+206A–U+206F, U+FFF0–U+FFF8 …).
    OtherIgnorable,
    /// U+0009 TAB, U+000A LF, U+000D CR.
    WhitespaceControl,
    /// Other C0 controls, U+007F DELETE, C1 controls U+0080–U+009F (including U+0085 NEL).
    Control,
    /// U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR.
    LineSeparator,
    /// A space other than U+0020: U+00A0 NBSP, U+1680, U+2000–U+200A, U+202F NNBSP,
    /// U+205F, U+3000 IDEOGRAPHIC SPACE.
    NonstandardSpace,
}

/// Classifies `c` as an invisible/format/control/space character, or `None` for an ordinary
/// visible character (including U+0020).
pub fn classify_invisible(c: char) -> Option<InvisibleKind> {
    use InvisibleKind::*;
    Some(match c {
        '\u{200B}' => ZeroWidthSpace,
        '\u{200C}' => ZeroWidthNonJoiner,
        '\u{200D}' => ZeroWidthJoiner,
        '\u{FEFF}' => ByteOrderMark,
        '\u{00AD}' => SoftHyphen,
        '\u{2060}' => WordJoiner,
        '\u{2061}'..='\u{2064}' => InvisibleOperator,
        '\u{034F}' => GraphemeJoiner,
        '\u{200E}' | '\u{200F}' | '\u{061C}' => BidiMark,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => BidiControl,
        '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' => HangulFiller,
        '\u{E0000}'..='\u{E007F}' => TagCharacter,
        '\u{FE00}'..='\u{FE0F}'
        | '\u{E0100}'..='\u{E01EF}'
        | '\u{180B}'..='\u{180D}'
        | '\u{180F}' => VariationSelector,
        '\t' | '\n' | '\r' => WhitespaceControl,
        '\u{0000}'..='\u{001F}' | '\u{007F}'..='\u{009F}' => Control,
        '\u{2028}' | '\u{2029}' => LineSeparator,
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => NonstandardSpace,
        c if is_default_ignorable(c) => OtherIgnorable,
        _ => return None,
    })
}

/// A short name for the characters [`classify_invisible`] knows, for messages
/// (`U+200B` → `"ZERO WIDTH SPACE"`); `None` for others.
pub fn invisible_char_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER",
        '\u{200D}' => "ZERO WIDTH JOINER",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE (BOM)",
        '\u{00AD}' => "SOFT HYPHEN",
        '\u{2060}' => "WORD JOINER",
        '\u{034F}' => "COMBINING GRAPHEME JOINER",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\t' => "CHARACTER TABULATION",
        '\n' => "LINE FEED",
        '\r' => "CARRIAGE RETURN",
        '\u{0085}' => "NEXT LINE (NEL)",
        '\u{2028}' => "LINE SEPARATOR",
        '\u{2029}' => "PARAGRAPH SEPARATOR",
        '\u{00A0}' => "NO-BREAK SPACE",
        '\u{1680}' => "OGHAM SPACE MARK",
        '\u{2000}' => "EN QUAD",
        '\u{2001}' => "EM QUAD",
        '\u{2002}' => "EN SPACE",
        '\u{2003}' => "EM SPACE",
        '\u{2004}' => "THREE-PER-EM SPACE",
        '\u{2005}' => "FOUR-PER-EM SPACE",
        '\u{2006}' => "SIX-PER-EM SPACE",
        '\u{2007}' => "FIGURE SPACE",
        '\u{2008}' => "PUNCTUATION SPACE",
        '\u{2009}' => "THIN SPACE",
        '\u{200A}' => "HAIR SPACE",
        '\u{202F}' => "NARROW NO-BREAK SPACE",
        '\u{205F}' => "MEDIUM MATHEMATICAL SPACE",
        '\u{3000}' => "IDEOGRAPHIC SPACE",
        '\u{FE0E}' => "VARIATION SELECTOR-15",
        '\u{FE0F}' => "VARIATION SELECTOR-16",
        _ => return None,
    })
}

/// `Default_Ignorable_Code_Point` (DerivedCoreProperties.txt, same table as the one in
/// `unicode-security`, Unicode 16–18). Includes ZWJ/ZWNJ, bidi controls and variation selectors.
pub fn is_default_ignorable(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}'..='\u{1160}' | '\u{17B4}'..='\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}' | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// Bidi formatting characters: LRM, RLM, ALM, embeddings, overrides and isolates.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Whether `c` is a strong right-to-left character (Bidi_Class R or AL: Hebrew, Arabic,
/// Syriac, Thaana, N'Ko … letters). Arabic digits (AN) and marks (NSM) are not.
pub fn is_rtl_char(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// Whether `s` contains a strong right-to-left character.
pub fn has_rtl(s: &str) -> bool {
    s.chars().any(is_rtl_char)
}

/// Noncharacters: U+FDD0–U+FDEF and the last two code points of every plane (U+FFFE …).
pub fn is_noncharacter(c: char) -> bool {
    let u = c as u32;
    (0xFDD0..=0xFDEF).contains(&u) || (u & 0xFFFE) == 0xFFFE
}

/// Private-use characters: U+E000–U+F8FF and planes 15–16.
pub fn is_private_use(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' | '\u{100000}'..='\u{10FFFD}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use InvisibleKind::*;

    #[test]
    fn classify_listed() {
        let cases = [
            ('\u{200B}', ZeroWidthSpace),
            ('\u{FEFF}', ByteOrderMark),
            ('\u{00AD}', SoftHyphen),
            ('\u{2060}', WordJoiner),
            ('\u{200E}', BidiMark),
            ('\u{200F}', BidiMark),
            ('\u{200C}', ZeroWidthNonJoiner),
            ('\u{200D}', ZeroWidthJoiner),
            ('\u{202A}', BidiControl),
            ('\u{202E}', BidiControl),
            ('\u{2066}', BidiControl),
            ('\u{2069}', BidiControl),
            ('\u{0001}', Control),
            ('\u{0085}', Control),
            ('\u{009F}', Control),
            ('\t', WhitespaceControl),
            ('\u{2028}', LineSeparator),
            ('\u{00A0}', NonstandardSpace),
            ('\u{2000}', NonstandardSpace),
            ('\u{200A}', NonstandardSpace),
            ('\u{202F}', NonstandardSpace),
            ('\u{205F}', NonstandardSpace),
            ('\u{3000}', NonstandardSpace),
            ('\u{FE0F}', VariationSelector),
            ('\u{E0067}', TagCharacter),
            ('\u{3164}', HangulFiller),
            ('\u{180E}', OtherIgnorable),
        ];
        for (c, k) in cases {
            assert_eq!(classify_invisible(c), Some(k), "U+{:04X}", c as u32);
        }
        for c in [' ', 'a', 'ß', 'İ', '’', '（', '－', 'ー', '👨', 'Ⅳ', 'ς'] {
            assert_eq!(classify_invisible(c), None, "{c}");
        }
        assert_eq!(
            invisible_char_name('\u{202E}'),
            Some("RIGHT-TO-LEFT OVERRIDE")
        );
        assert_eq!(invisible_char_name('a'), None);
    }

    #[test]
    fn ignorable_and_bidi() {
        assert!(is_default_ignorable('\u{200D}'));
        assert!(is_default_ignorable('\u{E0100}'));
        assert!(!is_default_ignorable(' '));
        assert!(!is_default_ignorable('\u{00A0}'));
        assert!(is_bidi_control('\u{2067}'));
        assert!(!is_bidi_control('\u{200D}'));
        assert!(is_rtl_char('א'));
        assert!(is_rtl_char('م'));
        assert!(!is_rtl_char('\u{0661}')); // ARABIC-INDIC DIGIT ONE: AN
        assert!(!is_rtl_char('a'));
        assert!(has_rtl("נועה ברק"));
        assert!(!has_rtl("Kaisa Mäkelä"));
        assert!(is_noncharacter('\u{FFFE}'));
        assert!(is_noncharacter('\u{1FFFF}'));
        assert!(is_noncharacter('\u{FDD0}'));
        assert!(!is_noncharacter('\u{FFFD}'));
        assert!(is_private_use('\u{F8FF}'));
        assert!(!is_private_use('a'));
    }
}
