//! Name keys for grouping label and artist spellings (rules catalogue §0.6). Keys are for
//! detection only and are never written back.
//!
//! **Strict key:** 1. NFC; 2. drop Default_Ignorable and bidi controls; 3. NFKC_Casefold;
//! 4. remove a leading rights notice (`℗`, `©`, `(p)`, `(c)`) and the years / year ranges
//! after it; 5. replace General_Category P* and S* characters with a space; 6. collapse
//! whitespace; 7. labels only: drop trailing legal-form tokens and generic words.
//!
//! **Loose key:** the strict key, NFD, `Mn` marks removed (then NFC again so Hangul stays
//! composed). Extension beyond §0.6: letters with a stroke or ligatures that have no
//! decomposition are folded too (`ø`→`o`, `ł`→`l`, `đ`→`d`, `ħ`→`h`, `ŧ`→`t`, `ı`→`i`,
//! `æ`→`ae`, `œ`→`oe`), so the catalogue's L4 example `Sølvtrykk`/`Solvtrykk` groups.
//!
//! Notes on approximations:
//! - NFKC_Casefold is computed as NFKC → full default case folding (`caseless`, Unicode
//!   C+F mappings) → NFKC, with Default_Ignorables already removed in step 2. This equals the
//!   UCD property except for rare characters whose folding needs another round.
//! - Circled `Ⓟ`/`ⓟ`/`Ⓒ`/`ⓒ` are mapped to `℗`/`©` before step 3, because NFKC would turn
//!   them into plain letters that step 4 could no longer recognise.
//! - Controls (Cc) are treated like whitespace in step 5.

use crate::text::FastUnicode;
use caseless::Caseless;
use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategory, GeneralCategoryGroup};

use super::chars::{is_bidi_control, is_default_ignorable};

/// Whose name a key is built for: label keys also drop legal forms and generic words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameKind {
    /// A label (imprint) name.
    Label,
    /// An artist name.
    Artist,
}

/// Legal-form suffixes as token sequences after steps 1–6 (catalogue L3 list and common
/// equivalents). Matched at the end of a label key.
pub const LEGAL_FORMS: &[&str] = &[
    "gmbh co kg",
    "co kg",
    "co ltd",
    "co llc",
    "co inc",
    "pty ltd",
    "pvt ltd",
    "sp z o o",
    "spółka z o o",
    "s de r l",
    "s a de c v",
    "sa de cv",
    "ug haftungsbeschränkt",
    "ltd",
    "limited",
    "llc",
    "l l c",
    "llp",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "plc",
    "co",
    "gmbh",
    "ag",
    "kg",
    "ug",
    "e k",
    "ohg",
    "gbr",
    "s a",
    "sa",
    "s l",
    "sl",
    "s r l",
    "srl",
    "s p a",
    "spa",
    "sarl",
    "s a r l",
    "sas",
    "s a s",
    "b v",
    "bv",
    "n v",
    "nv",
    "ab",
    "as",
    "a s",
    "asa",
    "aps",
    "oy",
    "oyj",
    "s r o",
    "sro",
    "kft",
    "zrt",
    "nyrt",
    "bt",
    "d o o",
    "doo",
    "lda",
    "ltda",
    "k k",
    "kk",
    "ооо",
    "оао",
    "зао",
    "пао",
    "ао",
    "株式会社",
    "有限会社",
    "株",
];

/// Legal forms that are written *before* the name (`ООО Союз`, `株式会社夜光レコード`,
/// `㈱夜光レコード`).
const LEADING_LEGAL_FORMS: &[&str] = &["ооо", "оао", "зао", "пао", "ао", "株式会社", "有限会社", "株", "有"];

/// Generic words dropped from the end of label keys (§0.6 step 7).
pub const GENERIC_LABEL_WORDS: &[&str] = &[
    "records",
    "recordings",
    "recording",
    "music",
    "musik",
    "musique",
    "label",
    "entertainment",
    "group",
    "disques",
    "discos",
    "dischi",
    "platen",
    "plater",
    "schallplatten",
    "tonträger",
    "productions",
];

/// NFKC_Casefold approximation: NFKC, full case folding, NFKC (see the module docs).
pub fn nfkc_casefold(s: &str) -> String {
    s.chars().nfkc().default_case_fold().nfkc().collect()
}

/// Removes a leading rights notice (`℗`, `©`, `(p)`, `(c)`, repeated) and the years or year
/// ranges after it (`℗ 2019–2020, 2023 Foo` → `Foo`). Years are removed only after a notice
/// (`1984 Records` keeps its year). Works on casefolded or raw text.
pub fn strip_rights_notice(s: &str) -> &str {
    let mut rest = s.trim_start();
    let mut notice = false;
    loop {
        if let Some(r) = rest.strip_prefix(['℗', '©']) {
            rest = r.trim_start();
            notice = true;
        } else if let Some(r) = strip_paren_notice(rest) {
            rest = r.trim_start();
            notice = true;
        } else if let Some(r) = notice.then(|| strip_year(rest)).flatten() {
            rest = r.trim_start();
        } else {
            return rest;
        }
    }
}

fn strip_paren_notice(s: &str) -> Option<&str> {
    let r = s.strip_prefix('(')?.trim_start();
    let r = r.strip_prefix(['p', 'c', 'P', 'C'])?.trim_start();
    r.strip_prefix(')')
}

/// Strips `YYYY`, `YYYY-YY`, `YYYY–YYYY`, `YYYY/YYYY`, with an optional trailing comma.
fn strip_year(s: &str) -> Option<&str> {
    let digits = |t: &str| t.bytes().take_while(u8::is_ascii_digit).count();
    if digits(s) != 4 {
        return None;
    }
    let mut r = &s[4..];
    let mut chars = r.chars();
    if let Some(sep) = chars.next() {
        let is_sep = sep == '/' || sep.general_category_fast() == GeneralCategory::DashPunctuation;
        let after = chars.as_str();
        let n = digits(after);
        if is_sep && (n == 2 || n == 4) {
            r = &after[n..];
        }
    }
    if r.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some(r.strip_prefix(',').unwrap_or(r))
}

fn is_punct_or_symbol(c: char) -> bool {
    matches!(
        c.general_category_group_fast(),
        GeneralCategoryGroup::Punctuation | GeneralCategoryGroup::Symbol
    ) || c.is_control()
}

/// Steps 1–6 shared by both kinds.
fn base_key(s: &str) -> String {
    let folded = if s.is_ascii() {
        // ASCII is its own NFC and NFKC form, holds no ignorable or bidi-control
        // character, and case-folds to its lowercase: the Unicode passes change nothing.
        s.to_ascii_lowercase()
    } else {
        let cleaned: String = s
            .nfc()
            .filter(|c| !is_default_ignorable(*c) && !is_bidi_control(*c))
            .map(|c| match c {
                'Ⓟ' | 'ⓟ' => '℗',
                'Ⓒ' | 'ⓒ' => '©',
                c => c,
            })
            .collect();
        nfkc_casefold(&cleaned)
    };
    let body = strip_rights_notice(&folded);
    let spaced: String = body
        .chars()
        .map(|c| if is_punct_or_symbol(c) { ' ' } else { c })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `tokens` end with the words of `form` and have more before them. Called for every
/// legal form, so it compares the words in place rather than collecting them.
fn ends_with_tokens(tokens: &[&str], form: &str) -> bool {
    // Most forms already differ in their last word: test it before splitting the form.
    let Some(last) = tokens.last() else { return false };
    if !form
        .strip_suffix(last)
        .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
    {
        return false;
    }
    let n = form.split(' ').count();
    tokens.len() > n && tokens[tokens.len() - n..].iter().copied().eq(form.split(' '))
}

/// Drops trailing legal forms and generic words, and leading legal forms, never emptying.
fn drop_label_noise(key: &str) -> String {
    let mut k = key.to_string();
    for f in ["株式会社", "有限会社"] {
        if let Some(r) = k.strip_prefix(f).filter(|r| !r.trim().is_empty()) {
            k = r.trim().to_string();
        }
        if let Some(r) = k.strip_suffix(f).filter(|r| !r.trim().is_empty()) {
            k = r.trim().to_string();
        }
    }
    let mut tokens: Vec<&str> = k.split(' ').filter(|t| !t.is_empty()).collect();
    while tokens.len() > 1 && LEADING_LEGAL_FORMS.contains(&tokens[0]) {
        tokens.remove(0);
    }
    loop {
        let n = tokens.len();
        if let Some(f) = LEGAL_FORMS.iter().find(|f| ends_with_tokens(&tokens, f)) {
            tokens.truncate(n - f.split(' ').count());
        } else if n > 1 && GENERIC_LABEL_WORDS.contains(&tokens[n - 1]) {
            tokens.pop();
        } else {
            break;
        }
    }
    tokens.join(" ")
}

/// The strict key of a label or artist name (§0.6). `"Ninja Tune Ltd"`, `"NINJA TUNE"` and
/// `"ninja tune"` all give `"ninja tune"` as labels.
pub fn strict_key(s: &str, kind: NameKind) -> String {
    let key = base_key(s);
    match kind {
        NameKind::Label => drop_label_noise(&key),
        NameKind::Artist => key,
    }
}

/// The loose key: the strict key without combining marks and with stroke letters folded
/// (`Mäkelä` → `makela`, `Sølvtrykk` → `solvtrykk`). For "diacritic-stripped variant"
/// warnings only.
pub fn loose_key(s: &str, kind: NameKind) -> String {
    let strict = strict_key(s, kind);
    let mut out = String::with_capacity(strict.len());
    for c in strict
        .nfd()
        .filter(|c| c.general_category_fast() != GeneralCategory::NonspacingMark)
    {
        match c {
            'ø' => out.push('o'),
            'ł' => out.push('l'),
            'đ' => out.push('d'),
            'ħ' => out.push('h'),
            'ŧ' => out.push('t'),
            'ı' => out.push('i'),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            c => out.push(c),
        }
    }
    out.nfc().collect()
}

/// The legal form a label name ends with (or, for `ООО`/`株式会社`…, starts with), as its
/// [`LEGAL_FORMS`] entry (`"Łąka Records Sp. z o.o."` → `"sp z o o"`); `None` otherwise.
pub fn legal_form_of(label: &str) -> Option<&'static str> {
    let key = base_key(label);
    let tokens: Vec<&str> = key.split(' ').collect();
    if let Some(f) = LEGAL_FORMS.iter().find(|f| ends_with_tokens(&tokens, f)) {
        return Some(f);
    }
    for f in ["株式会社", "有限会社"] {
        if key.len() > f.len() && (key.starts_with(f) || key.ends_with(f)) {
            return Some(LEGAL_FORMS.iter().find(|x| **x == f).copied().unwrap_or(f));
        }
    }
    LEADING_LEGAL_FORMS
        .iter()
        .find(|f| tokens.len() > 1 && tokens[0] == **f)
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use NameKind::*;

    #[test]
    fn ascii_folds_to_its_lowercase() {
        let all: String = (0u8..128).map(char::from).collect();
        assert_eq!(nfkc_casefold(&all), all.to_ascii_lowercase());
        assert!(all.chars().all(|c| !is_default_ignorable(c) && !is_bidi_control(c)));
    }

    #[test]
    fn label_strict_keys() {
        assert_eq!(strict_key("Ninja Tune Ltd", Label), "ninja tune");
        assert_eq!(strict_key("NINJA TUNE", Label), "ninja tune");
        assert_eq!(strict_key("ninja tune", Label), "ninja tune");
        assert_eq!(strict_key("Ninja Tune Ltd.", Label), "ninja tune");
        assert_eq!(strict_key("Capitol Records LLC", Label), "capitol");
        assert_eq!(strict_key("Łąka Records Sp. z o.o.", Label), "łąka");
        assert_eq!(strict_key("Nordlicht-Schallplatten", Label), "nordlicht");
        assert_eq!(strict_key("NORDLICHT Schallplatten GmbH & Co. KG", Label), "nordlicht");
        assert_eq!(strict_key("Hafenkante Tonträger", Label), "hafenkante");
        assert_eq!(strict_key("Disques Dreyfus S.A.", Label), "disques dreyfus");
        assert_eq!(strict_key("Sølvtrykk Plater AS", Label), "sølvtrykk");
        assert_eq!(strict_key("[PIAS]", Label), "pias");
        assert_eq!(strict_key("1984 Records", Label), "1984");
        assert_eq!(strict_key("Records", Label), "records");
        assert_eq!(strict_key("Music Group", Label), "music");
        assert_eq!(strict_key("℗ 1978 King Record Co., Ltd.", Label), "king record");
        assert_eq!(strict_key("(P) 2019-2020 Foo Music", Label), "foo");
        assert_eq!(strict_key("Ⓟ 2024 Foo", Label), "foo");
        assert_eq!(
            strict_key("© 2023 Καλλιστώ Δισκογραφική", Label),
            "καλλιστώ δισκογραφική"
        );
        assert_eq!(strict_key("株式会社夜光レコード", Label), "夜光レコード");
        assert_eq!(strict_key("㈱夜光レコード", Label), "夜光レコード");
        assert_eq!(strict_key("ООО Тёплый Звук", Label), "тёплый звук");
        assert_eq!(
            strict_key("\u{FEFF}\tCapitol\u{200B} Records ", Label),
            strict_key("Capitol", Label)
        );
        assert_eq!(strict_key("Straße Musik", Label), "strasse");
    }

    #[test]
    fn artist_keys() {
        assert_eq!(strict_key("Émile Sørensen", Artist), "émile sørensen");
        assert_eq!(strict_key("Ninja Tune Ltd", Artist), "ninja tune ltd");
        assert_eq!(strict_key("Kaisa  Mäkelä\u{200E}", Artist), "kaisa mäkelä");
        // NFD input gives the same strict key as NFC input
        assert_eq!(
            strict_key("Ka\u{0069}sa Ma\u{0308}kela\u{0308}", Artist),
            strict_key("Kaisa Mäkelä", Artist)
        );
        assert_eq!(strict_key("ΒΑΣΙΛΗΣ", Artist), "βασιλησ");
        assert_eq!(strict_key("Βασίλης", Artist), "βασίλησ");
        assert_eq!(strict_key("Ｔａｌｖｉ", Artist), "talvi");
        assert_eq!(strict_key("İpek Yıldız", Artist), "i\u{0307}pek yıldız");
        assert_eq!(strict_key("Beyoncé", Artist), "beyoncé");
        assert_eq!(strict_key("AC/DC", Artist), "ac dc");
        assert_eq!(strict_key("👨\u{200D}👩\u{200D}👧", Artist), "");
    }

    #[test]
    fn loose_keys() {
        assert_eq!(loose_key("Mäkelä", Artist), loose_key("Makela", Artist));
        assert_eq!(loose_key("Mäkelä", Artist), "makela");
        assert_ne!(strict_key("Mäkelä", Artist), strict_key("Makela", Artist));
        assert_eq!(
            loose_key("Sølvtrykk Plater", Label),
            loose_key("Solvtrykk Plater", Label)
        );
        assert_eq!(loose_key("Тёплый Звук", Label), loose_key("Теплый Звук", Label));
        assert_eq!(loose_key("Tiếng Việt", Artist), "tieng viet");
        assert_eq!(loose_key("İstanbul", Artist), "istanbul");
        assert_eq!(loose_key("봄비", Artist), "봄비");
        assert_eq!(loose_key("Ελληνικός", Artist), "ελληνικοσ");
    }

    #[test]
    fn notices_and_forms() {
        assert_eq!(strip_rights_notice("℗ 2024 Foo"), "Foo");
        assert_eq!(strip_rights_notice("(C) 2019–2020, Foo"), "Foo");
        assert_eq!(strip_rights_notice("℗ (P) 2020 Foo"), "Foo");
        assert_eq!(strip_rights_notice("1984 Records"), "1984 Records");
        assert_eq!(strip_rights_notice("© 20245 Foo"), "20245 Foo");
        assert_eq!(legal_form_of("Łąka Records Sp. z o.o."), Some("sp z o o"));
        assert_eq!(legal_form_of("JP ACME Label Inc."), Some("inc"));
        assert_eq!(legal_form_of("株式会社夜光レコード"), Some("株式会社"));
        assert_eq!(legal_form_of("ООО Союз"), Some("ооо"));
        assert_eq!(legal_form_of("Ninja Tune"), None);
        assert_eq!(legal_form_of("Ltd"), None);
        assert_eq!(nfkc_casefold("Straße ﬁ Ⅳ"), "strasse fi iv");
    }
}
