//! Mixed-script and whole-script confusables (rules catalogue U11, U12; UTS #39).
//!
//! A *mixed-script confusable word* is a word whose UTS #39 resolved script set is empty (and
//! not covered by the "Highly Restrictive" Latin+Jpan/Hanb/Kore combinations) and whose
//! minority-script letters all look like letters of the majority script ("Nordlicht Rеcords"
//! with Cyrillic `е`). A *whole-script confusable* is a string written in one non-Latin script
//! whose letters all look like ASCII Latin letters (Cyrillic "АВВА").
//!
//! "Looks like" means: equal UTS #39 skeletons (`unicode_security::skeleton`, confusables.txt
//! of the crate's Unicode version). Because that crate only maps characters *to* prototypes,
//! an inverse index (skeleton → first letter of each script having it) is built once, lazily,
//! from the identifier-allowed letters of the non-ideographic parts of planes 0 and 1.

use crate::text::FastUnicode;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use unicode_properties::GeneralCategoryGroup;
use unicode_script::{Script, UnicodeScript};
use unicode_security::GeneralSecurityProfile;

use super::script::{is_highly_restrictive, is_latin_letter_below_u0250, is_letter, letter_script, resolved_scripts};

/// The UTS #39 skeleton of `s` (NFD, default-ignorables removed, confusable prototypes, NFD).
/// Two strings are confusable when their skeletons are equal (U12 compares names this way).
pub fn skeleton(s: &str) -> String {
    unicode_security::skeleton(s).collect()
}

/// skeleton string → letters having it, at most one (the first in code point order) per script.
type Index = HashMap<String, Vec<(Script, char)>>;

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map: Index = HashMap::new();
        // Skip the big ideograph/syllable blocks: no confusables of Latin/Greek/Cyrillic there.
        let ranges = [
            0x0041..0x3400u32,
            0xA000..0xAC00,
            0xD7B0..0xD800,
            0xF900..0x1_0000,
            0x1_0000..0x2_0000,
        ];
        for u in ranges.into_iter().flatten() {
            let Some(c) = char::from_u32(u) else { continue };
            // Only letters allowed in identifiers (UTS #39 General Security Profile) serve as
            // look-alike targets, so suggestions never propose exotic letters.
            if !is_letter(c) || !c.identifier_allowed() {
                continue;
            }
            let sc = c.script();
            if matches!(sc, Script::Common | Script::Inherited | Script::Unknown) {
                continue;
            }
            let entry = map.entry(skeleton(c.encode_utf8(&mut [0; 4]))).or_default();
            if !entry.iter().any(|(s, _)| *s == sc) {
                entry.push((sc, c));
            }
        }
        map
    })
}

/// A letter of `script` that looks like `c` (same skeleton), e.g. Cyrillic `е` → Latin `e`,
/// Latin `K` → Greek `Κ`. `None` if there is none (or `c` is itself in `script`).
pub fn lookalike_in(c: char, script: Script) -> Option<char> {
    if c.script() == script {
        return None;
    }
    let sk = skeleton(c.encode_utf8(&mut [0; 4]));
    index().get(&sk)?.iter().find(|(s, _)| *s == script).map(|(_, x)| *x)
}

/// One minority-script letter inside a mixed-script word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lookalike {
    /// Byte offset of the letter in the input string.
    pub offset: usize,
    /// The letter as written.
    pub ch: char,
    /// Its script.
    pub script: Script,
    /// The majority-script letter it imitates.
    pub replacement: char,
}

/// A word mixing scripts through look-alike letters (U11).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MixedScriptWord {
    /// Byte range of the word in the input string.
    pub range: Range<usize>,
    /// The word as written.
    pub word: String,
    /// The script most of its letters are in.
    pub majority: Script,
    /// The minority letters, each with its majority-script look-alike.
    pub lookalikes: Vec<Lookalike>,
    /// The word with every minority letter replaced by its look-alike (a suggestion only:
    /// some orthographies borrow letters legitimately).
    pub suggestion: String,
}

/// Word characters: letters, marks, numbers and format characters (ZWNJ in Persian words).
fn is_word_char(c: char) -> bool {
    use GeneralCategoryGroup::*;
    match c.general_category_group_fast() {
        Letter | Mark | Number => true,
        Other => c.general_category_fast() == unicode_properties::GeneralCategory::Format,
        _ => false,
    }
}

/// Splits `s` into words (runs of letters, marks, digits and format characters), with byte
/// ranges. Punctuation, symbols (emoji) and spaces separate words.
pub fn words(s: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push((st..i, &s[st..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st..s.len(), &s[st..]));
    }
    out
}

/// Whether every letter of `s` that [`check_word`] counts has the same [`letter_script`]:
/// then no word of `s` can be reported (its only candidate majority is that script, and no
/// letter is a look-alike), so the words need not be split and checked. True for ASCII and
/// for Latin text with accented letters, most of a feed.
fn letters_in_one_script(s: &str) -> bool {
    s.is_ascii() || letters_share_one_script(s.chars())
}

/// Whether the letters among `chars` all have the same [`letter_script`] (ASCII letters are
/// Latin); see [`mixed_script_confusables`], which reports nothing for a text whose characters
/// do.
pub(crate) fn letters_share_one_script(chars: impl IntoIterator<Item = char>) -> bool {
    let mut seen: Option<Script> = None;
    for c in chars {
        let script = if c.is_ascii() {
            if !c.is_ascii_alphabetic() {
                continue;
            }
            Script::Latin
        } else if is_latin_letter_below_u0250(c) {
            Script::Latin
        } else if is_letter(c) {
            match letter_script(c) {
                Some(x) => x,
                None => continue,
            }
        } else {
            continue;
        };
        if *seen.get_or_insert(script) != script {
            return false;
        }
    }
    true
}

/// Checks one word; `offset` is its byte offset in the full string.
fn check_word(word: &str, offset: usize) -> Option<MixedScriptWord> {
    let letters: Vec<(usize, char, Script)> = word
        .char_indices()
        .filter(|(_, c)| is_letter(*c))
        .filter_map(|(i, c)| letter_script(c).map(|s| (i, c, s)))
        .collect();
    if letters.len() < 2 || !resolved_scripts(word).is_empty() || is_highly_restrictive(word) {
        return None;
    }
    // Candidate majorities by letter count (ties: first seen).
    let mut counts: Vec<(Script, usize)> = Vec::new();
    for (_, _, s) in &letters {
        match counts.iter_mut().find(|(x, _)| x == s) {
            Some((_, n)) => *n += 1,
            None => counts.push((*s, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    for (majority, _) in counts {
        let mut lookalikes = Vec::new();
        let all = letters.iter().all(|&(i, c, s)| {
            if s == majority || c.script_extension_fast().contains_script(majority) {
                return true;
            }
            match lookalike_in(c, majority) {
                Some(r) => {
                    lookalikes.push(Lookalike {
                        offset: offset + i,
                        ch: c,
                        script: s,
                        replacement: r,
                    });
                    true
                }
                None => false,
            }
        });
        if all && !lookalikes.is_empty() {
            let suggestion = word
                .char_indices()
                .map(|(i, c)| {
                    lookalikes
                        .iter()
                        .find(|l| l.offset == offset + i)
                        .map_or(c, |l| l.replacement)
                })
                .collect();
            return Some(MixedScriptWord {
                range: offset..offset + word.len(),
                word: word.to_string(),
                majority,
                lookalikes,
                suggestion,
            });
        }
    }
    None
}

/// The words of `s` that mix scripts through look-alike letters (U11). Words of fewer than
/// two letters, single-script words, and Latin+CJK words ("LOVEソング") are never reported.
pub fn mixed_script_confusables(s: &str) -> Vec<MixedScriptWord> {
    if letters_in_one_script(s) {
        return Vec::new();
    }
    words(s)
        .into_iter()
        .filter_map(|(r, w)| check_word(w, r.start))
        .collect()
}

/// Whether `s` has at least one mixed-script confusable word.
pub fn has_mixed_script_confusable(s: &str) -> bool {
    if letters_in_one_script(s) {
        return false;
    }
    words(s).into_iter().any(|(r, w)| check_word(w, r.start).is_some())
}

fn ascii_latin_by_skeleton() -> &'static HashMap<String, char> {
    static MAP: OnceLock<HashMap<String, char>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = HashMap::new();
        for c in ('A'..='Z').chain('a'..='z') {
            m.entry(skeleton(c.encode_utf8(&mut [0; 4]))).or_insert(c);
        }
        m
    })
}

/// A whole-script confusable (U12): a string in one non-Latin script whose letters (at least
/// two) all look like ASCII Latin letters. Returns the Latin look-alike spelling ("АВВА" in
/// Cyrillic → `"ABBA"`); other characters are copied. `None` for Latin text, mixed text, and
/// text with any letter that has no ASCII look-alike ("Ελληνικός", "Београд").
pub fn latin_lookalike(s: &str) -> Option<String> {
    if s.is_ascii() {
        return None; // already Latin
    }
    let map = ascii_latin_by_skeleton();
    let mut script = None;
    let mut n = 0;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !is_letter(c) {
            out.push(c);
            continue;
        }
        let sc = letter_script(c)?;
        if sc == Script::Latin || *script.get_or_insert(sc) != sc {
            return None;
        }
        out.push(*map.get(&skeleton(c.encode_utf8(&mut [0; 4])))?);
        n += 1;
    }
    (n >= 2).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_cyrillic_in_latin() {
        let s = "Nordlicht R\u{0435}cords";
        let found = mixed_script_confusables(s);
        assert_eq!(found.len(), 1);
        let w = &found[0];
        assert_eq!(w.word, "R\u{0435}cords");
        assert_eq!(&s[w.range.clone()], w.word);
        assert_eq!(w.majority, Script::Latin);
        assert_eq!(w.lookalikes.len(), 1);
        assert_eq!(w.lookalikes[0].ch, '\u{0435}');
        assert_eq!(w.lookalikes[0].offset, "Nordlicht R".len());
        assert_eq!(w.lookalikes[0].replacement, 'e');
        assert_eq!(w.suggestion, "Records");
        for c in ['\u{043E}', '\u{0430}', '\u{0440}', '\u{0441}'] {
            let word = format!("B{c}b{c}");
            assert!(has_mixed_script_confusable(&word), "{word}");
        }
    }

    #[test]
    fn flags_other_directions() {
        let w = &mixed_script_confusables("Тихий Дoм")[0];
        assert_eq!(w.majority, Script::Cyrillic);
        assert_eq!(w.suggestion, "Дом");
        let w = &mixed_script_confusables("Kαλλιστώ")[0];
        assert_eq!(w.majority, Script::Greek);
        assert_eq!(w.suggestion, "Καλλιστώ");
    }

    #[test]
    fn does_not_flag_legitimate_text() {
        for ok in [
            "LOVEソング",
            "I Love You 無望",
            "사랑Love",
            "Ελληνικός",
            "Ο δρόμος",
            "Београд",
            "Beograd",
            "Њујорк",
            "Beyoncé",
            "İstanbul Geceleri",
            "Straße",
            "Tiếng Việt",
            "Don’t Stop",
            "Ⅳ 1999 2024",
            "👨\u{200D}👩\u{200D}👧 Family",
            "می\u{200C}خواهم",
            "नमस्\u{200D}ते",
            "夜明けのうた（ライブ）－2024",
            "Тихий Дом Live",
            "ΩMEGA",
            "",
            "a",
        ] {
            assert!(mixed_script_confusables(ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn whole_script() {
        assert_eq!(latin_lookalike("АВВА").as_deref(), Some("ABBA"));
        assert_eq!(latin_lookalike("КОМЕТА").as_deref(), Some("KOMETA"));
        assert_eq!(skeleton("КОМЕТА"), skeleton("KOMETA"));
        assert_ne!(skeleton("Ελληνικός"), skeleton("Ellinikos"));
        for no in ["ABBA", "Ελληνικός", "Београд", "Тихий Дом", "夜明け", "AВ", "A", "123"]
        {
            assert_eq!(latin_lookalike(no), None, "{no}");
        }
    }

    #[test]
    fn words_split() {
        let w: Vec<&str> = words("L’été d’avant (Live) – 2024!").into_iter().map(|x| x.1).collect();
        assert_eq!(w, ["L", "été", "d", "avant", "Live", "2024"]);
        let w: Vec<&str> = words("می\u{200C}خواهم").into_iter().map(|x| x.1).collect();
        assert_eq!(w.len(), 1);
    }
}
