//! Cross-module tests of the text toolkit: traps that rules must not trip on, and a no-panic
//! loop over generated garbage.

use super::*;

const TRAPS: &[&str] = &[
    "LOVEソング",
    "I Love You 無望",
    "（ライブ）－",
    "می\u{200C}خواهم",
    "नमस्\u{200D}ते",
    "👨\u{200D}👩\u{200D}👧",
    "İstanbul",
    "Straße",
    "Tiếng Việt",
    "Београд",
    "Beograd",
    "Ελληνικός",
    "Don’t",
    "Ⅳ",
    "XIV 1999",
    "2024",
];

#[test]
fn traps_are_clean() {
    for t in TRAPS {
        assert!(is_nfc(t), "{t}");
        assert_eq!(to_nfc(t), *t);
        assert!(is_highly_restrictive(t), "{t}");
        assert!(mixed_script_confusables(t).is_empty(), "{t}");
        assert!(latin_lookalike(t).is_none(), "{t}");
        assert!(first_non_nfc_offset(t).is_none());
    }
    // ZWJ/ZWNJ are classified but belong to the text
    assert_eq!(
        classify_invisible('\u{200C}'),
        Some(InvisibleKind::ZeroWidthNonJoiner)
    );
    assert!(has_rtl("می\u{200C}خواهم"));
}

#[test]
fn positive_cases() {
    assert_eq!(parse_tag("ja_Jpan").repaired.as_deref(), Some("ja-Jpan"));
    assert_eq!(parse_tag("iw").preferred.as_deref(), Some("he"));
    assert!(!parse_tag("en-UK").is_valid());
    assert!(!parse_tag("english").is_valid());
    assert!(parse_tag("de-Latn").redundant_script);
    assert!(has_mixed_script_confusable("Nordlicht R\u{0435}cords"));
    assert!(!is_nfc("Ma\u{0308}kela\u{0308}"));
    assert_eq!(strict_key("Ninja Tune Ltd", NameKind::Label), "ninja tune");
    assert_eq!(strict_key("NINJA TUNE", NameKind::Label), "ninja tune");
    assert_eq!(
        loose_key("Mäkelä", NameKind::Artist),
        loose_key("Makela", NameKind::Artist)
    );
    assert!(registry_file_date().starts_with("20"));
    assert!(UNICODE_VERSION.0 >= 15);
}

/// A tiny deterministic generator (xorshift) over a pool of awkward characters.
fn garbage(seed: &mut u64, len: usize) -> String {
    const POOL: &[char] = &[
        'a',
        'Z',
        '-',
        '_',
        '.',
        '@',
        ' ',
        '\t',
        '\n',
        '0',
        '9',
        'x',
        'X',
        'i',
        'İ',
        'ı',
        'ß',
        'ẞ',
        'ς',
        'σ',
        'Σ',
        'е',
        'о',
        'ソ',
        '無',
        '봄',
        'ᄇ',
        'ᅩ',
        'ᆷ',
        '\u{0301}',
        '\u{0308}',
        '\u{0307}',
        '\u{200B}',
        '\u{200C}',
        '\u{200D}',
        '\u{200E}',
        '\u{202E}',
        '\u{2066}',
        '\u{FEFF}',
        '\u{00AD}',
        '\u{0085}',
        '\u{0000}',
        '\u{00A0}',
        '\u{3000}',
        '\u{FA19}',
        '\u{2F800}',
        '\u{FFFD}',
        '\u{E000}',
        '\u{FFFF}',
        '\u{10FFFF}',
        '\u{E0100}',
        '\u{FE0F}',
        '℗',
        '©',
        '(',
        ')',
        'p',
        'c',
        '1',
        '2',
        '–',
        '’',
        '👨',
        '🇫',
        'Ⓟ',
        '㈱',
        'ﬁ',
        '𝓝',
        'Ω',
        'А',
        'В',
        'ー',
        '々',
        'ـ',
        'م',
        'א',
    ];
    let mut s = String::new();
    for _ in 0..len {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        if *seed % 7 == 0 {
            // any scalar value
            if let Some(c) = char::from_u32((*seed >> 8) as u32 % 0x11_0000) {
                s.push(c);
                continue;
            }
        }
        s.push(POOL[(*seed as usize >> 3) % POOL.len()]);
    }
    s
}

#[test]
fn no_panic_on_garbage() {
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    for i in 0..3000 {
        let s = garbage(&mut seed, i % 24);
        let a = parse_tag(&s);
        let _ = (a.best(), a.is_valid(), a.expected_script(), a.to_langid());
        if let Some(r) = &a.repaired {
            assert!(parse_well_formed(r).is_ok(), "{s:?} → {r:?}");
            // repairing is idempotent
            assert_eq!(parse_tag(r).best(), Some(r.as_str()));
        }
        let _ = expected_script(&s);
        let _ = (
            scripts_of(&s),
            resolved_scripts(&s).codes(),
            dominant_script(&s),
        );
        let _ = (
            is_single_script(&s),
            is_highly_restrictive(&s),
            is_latin_only(&s),
        );
        let _ = (has_non_latin_letters(&s), has_latin_letters(&s));
        let _ = script_matches_tag(&s, ScriptCode::JPAN);
        let _ = script_share(&s, ScriptCode::LATN).expected_ratio();
        for w in mixed_script_confusables(&s) {
            assert_eq!(&s[w.range.clone()], w.word);
        }
        let _ = (latin_lookalike(&s), skeleton(&s));
        let k = strict_key(&s, NameKind::Label);
        assert_eq!(strict_key(&k, NameKind::Label).is_empty(), k.is_empty());
        let _ = (loose_key(&s, NameKind::Artist), legal_form_of(&s));
        let n = to_nfc(&s);
        assert_eq!(to_nfc(&n), n, "to_nfc is idempotent on {s:?}");
        if is_nfc(&s) {
            assert_eq!(n, s);
            assert_eq!(first_non_nfc_offset(&s), None);
        } else if let Some(off) = first_non_nfc_offset(&s) {
            assert!(s.is_char_boundary(off));
        }
        for c in s.chars() {
            let _ = (classify_invisible(c), is_rtl_char(c), is_noncharacter(c));
        }
    }
}
