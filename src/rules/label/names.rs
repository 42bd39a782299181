//! A minimal label name key (catalogue §0.6 "strict key", label kind), used to compare
//! label names with P line owners. Detection only: never written back.
//!
//! Stand-in until the shared `text::namekey::strict_key(s, NameKind::Label)` lands; it
//! follows the same steps with the standard library and `unicode-normalization`:
//! NFC, drop default-ignorable and bidi characters, NFKC + lower case (+ `ß` → `ss`),
//! remove a leading rights notice and its years, punctuation and symbols to spaces,
//! collapse whitespace, drop trailing legal-form tokens and generic label words.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::rules::structure::struct_empty_or_invisible_text::is_invisible;

/// Legal-form tokens (catalogue L3), as they look after punctuation became spaces.
const LEGAL_FORMS: &[&[&str]] = &[
    &["ltd"],
    &["limited"],
    &["llc"],
    &["l", "l", "c"],
    &["inc"],
    &["incorporated"],
    &["corp"],
    &["corporation"],
    &["co"],
    &["gmbh"],
    &["gmbh", "co", "kg"],
    &["kg"],
    &["ag"],
    &["ug"],
    &["ug", "haftungsbeschränkt"],
    &["e", "k"],
    &["s", "a"],
    &["sa"],
    &["s", "l"],
    &["s", "r", "l"],
    &["srl"],
    &["s", "p", "a"],
    &["spa"],
    &["sarl"],
    &["s", "a", "r", "l"],
    &["s", "a", "s"],
    &["a", "s"],
    &["sas"],
    &["b", "v"],
    &["bv"],
    &["n", "v"],
    &["nv"],
    &["ab"],
    &["as"],
    &["asa"],
    &["aps"],
    &["oy"],
    &["plc"],
    &["pty"],
    &["sp", "z", "o", "o"],
    &["s", "r", "o"],
    &["kft"],
    &["ооо"],
    &["ао"],
    &["株式会社"],
    &["有限会社"],
    &["株"],
];

const GENERIC_WORDS: &[&str] = &[
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

fn strip_leading_notice(s: &str) -> &str {
    let mut rest = s.trim_start();
    let mut noticed = false;
    loop {
        let before = rest;
        for mark in ["℗", "©", "(p)", "(c)"] {
            if let Some(r) = rest.strip_prefix(mark) {
                rest = r.trim_start();
                noticed = true;
            }
        }
        // Years and year ranges after a notice.
        let b = rest.as_bytes();
        if noticed
            && b.len() >= 4
            && b[..4].iter().all(u8::is_ascii_digit)
            && !rest[4..].starts_with(char::is_alphanumeric)
        {
            rest = rest[4..].trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '/' | ','));
        }
        if rest == before {
            return rest;
        }
    }
}

/// The strict key of a label name (or of a P/C line owner compared with labels).
pub fn label_key(s: &str) -> String {
    let cleaned: String = s.nfc().filter(|&c| !is_invisible(c) || c == ' ').collect();
    let folded = cleaned.nfkc().collect::<String>().to_lowercase().replace('ß', "ss");
    let rest = strip_leading_notice(&folded);
    let spaced: String = rest
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || is_combining_mark(c) {
                c
            } else {
                ' '
            }
        })
        .collect();
    let mut words: Vec<&str> = spaced.split_whitespace().collect();
    loop {
        let before = words.len();
        for form in LEGAL_FORMS {
            if words.len() > form.len() && words.ends_with(form) {
                words.truncate(words.len() - form.len());
                break;
            }
        }
        if words.len() > 1 && GENERIC_WORDS.contains(words.last().unwrap()) {
            words.pop();
        }
        if words.len() == before {
            break;
        }
    }
    // A Japanese legal form written as a prefix.
    if words.len() > 1 && matches!(words[0], "株式会社" | "有限会社" | "株") {
        words.remove(0);
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::label_key;

    #[test]
    fn keys() {
        assert_eq!(label_key("EMI MUSIC JAPAN INC."), "emi music japan");
        assert_eq!(label_key("EMI Music Japan Inc."), label_key("EMI MUSIC JAPAN INC."));
        assert_eq!(label_key("Capitol Records LLC"), "capitol");
        assert_eq!(label_key("Nordlys Plater AS"), "nordlys");
        assert_eq!(label_key("℗ 2024 Nordlys Plater"), "nordlys");
        assert_eq!(label_key("Łąka Records Sp. z o.o."), "łąka");
        assert_eq!(label_key("Hafenkante Tonträger"), "hafenkante");
        assert_eq!(label_key("Straßenbahn Süd"), "strassenbahn süd");
        assert_eq!(label_key("Records"), "records");
        assert_eq!(label_key("Disques Lune Rousse S.A.R.L."), "disques lune rousse");
        assert_eq!(label_key("Nordlys\u{200B} Plater"), "nordlys");
    }
}
