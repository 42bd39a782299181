//! NFC checks and a guarded NFC conversion (rules catalogue U1).
//!
//! NFC maps the CJK Compatibility Ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F) to unified
//! ideographs (U+FA19 `神` → U+795E), which may change a deliberately chosen glyph in a
//! Japanese personal name. [`to_nfc`] therefore leaves those characters alone: it normalizes
//! the segments between them and copies them verbatim. This is exactly NFC minus the
//! singleton mapping of those characters, because they are starters (canonical combining
//! class 0) whose decomposition is a single starter, so no composition or reordering can
//! cross them.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Whether `c` is in a CJK Compatibility Ideographs block (U+F900–U+FAFF, U+2F800–U+2FA1F).
/// (A few code points there, e.g. U+FA0E, are unified ideographs that NFC leaves unchanged.)
pub fn is_cjk_compat_ideograph(c: char) -> bool {
    matches!(c, '\u{F900}'..='\u{FAFF}' | '\u{2F800}'..='\u{2FA1F}')
}

/// Whether `s` contains a character of a CJK Compatibility Ideographs block.
pub fn has_cjk_compat_ideograph(s: &str) -> bool {
    s.chars().any(is_cjk_compat_ideograph)
}

/// Whether `s` is in Unicode Normalization Form C (quick check, then a full comparison when
/// the quick check says "maybe"). A string with a CJK compatibility ideograph is not NFC.
pub fn is_nfc(s: &str) -> bool {
    // Most feed text is ASCII or Latin below U+0300 (UTF-8 lead bytes below 0xCC): all such
    // characters are NFC starters, while the quick check would look up every one of them.
    if s.bytes().all(|b| b < 0xCC) {
        return true;
    }
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => true,
        IsNormalized::No => false,
        IsNormalized::Maybe => s.chars().eq(s.chars().nfc()),
    }
}

/// Whether `c` can stand anywhere in an NFC string: NFC quick check "yes" and canonical
/// combining class 0. A string of such characters is NFC.
pub fn is_nfc_starter(c: char) -> bool {
    use unicode_normalization::char::canonical_combining_class as ccc;
    ccc(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// NFC of `s`, except that CJK compatibility ideographs are kept as they are (see the module
/// docs). `to_nfc(s) == s` while `!is_nfc(s)` means the only difference is such ideographs.
pub fn to_nfc(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        match rest.char_indices().find(|(_, c)| is_cjk_compat_ideograph(*c)) {
            Some((i, c)) => {
                out.extend(rest[..i].chars().nfc());
                out.push(c);
                rest = &rest[i + c.len_utf8()..];
            }
            None => {
                out.extend(rest.chars().nfc());
                break;
            }
        }
    }
    out
}

/// Byte offset of the first character of `s` that NFC would change (or that starts a
/// sequence NFC would recompose), or `None` if `s` is NFC. Useful to point a finding at the
/// first decomposed accent.
pub fn first_non_nfc_offset(s: &str) -> Option<usize> {
    if is_nfc(s) {
        return None;
    }
    use unicode_normalization::char::canonical_combining_class as ccc;
    let nfc: String = s.chars().nfc().collect();
    let mut theirs = nfc.chars();
    let mut last_starter = 0;
    for (i, x) in s.char_indices() {
        if ccc(x) == 0 {
            last_starter = i;
        }
        if theirs.next() != Some(x) {
            return Some(last_starter);
        }
    }
    Some(last_starter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_checks() {
        let nfd = "Ka\u{0069}sa Ma\u{0308}kela\u{0308}";
        assert!(!is_nfc(nfd));
        assert_eq!(to_nfc(nfd), "Kaisa Mäkelä");
        assert!(is_nfc("Kaisa Mäkelä"));
        for ok in [
            "Tiếng Việt",
            "İstanbul",
            "Straße",
            "Ελληνικός",
            "Београд",
            "می\u{200C}خواهم",
            "नमस्\u{200D}ते",
            "👨\u{200D}👩\u{200D}👧",
            "LOVEソング（ライブ）－",
            "Don’t Ⅳ 2024",
        ] {
            assert!(is_nfc(ok), "{ok}");
            assert_eq!(to_nfc(ok), ok);
        }
        // conjoining jamo → syllable
        assert_eq!(to_nfc("\u{1107}\u{1169}\u{11B7}비"), "봄비");
        assert!(!is_nfc("\u{1107}\u{1169}\u{11B7}비"));
        // singleton mappings other than CJK compatibility ideographs still apply
        assert_eq!(to_nfc("\u{212B}"), "\u{00C5}");
    }

    #[test]
    fn below_u0300_is_nfc_starters() {
        use unicode_normalization::char::canonical_combining_class as ccc;
        for c in (0u32..0x300).filter_map(char::from_u32) {
            assert_eq!(
                is_nfc_quick(std::iter::once(c)),
                IsNormalized::Yes,
                "U+{:04X}",
                c as u32
            );
            assert_eq!(ccc(c), 0, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn cjk_compat_kept() {
        let s = "\u{FA19}田 e\u{0301}\u{2F800}\u{0301}";
        assert!(has_cjk_compat_ideograph(s));
        assert!(!is_nfc(s));
        assert_eq!(to_nfc(s), "\u{FA19}田 é\u{2F800}\u{0301}");
        assert_eq!(to_nfc("\u{FA19}"), "\u{FA19}");
        assert!(!has_cjk_compat_ideograph("神"));
    }

    #[test]
    fn first_offset() {
        assert_eq!(first_non_nfc_offset("Mäkelä"), None);
        let s = "Ma\u{0308}kela";
        assert_eq!(first_non_nfc_offset(s), Some(1));
        assert_eq!(first_non_nfc_offset("ab\u{212B}"), Some(2));
    }
}
