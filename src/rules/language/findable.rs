//! Whether a title or name can be found from a Latin keyboard: its Latin letters carry at
//! least as much as the rest, once version and credit parts ("(Live)", "(feat. …)") are set
//! aside. Shared by the localized-variant rules.

use crate::text::FastUnicode;

/// Letters of `s`: Latin ones, and the others weighted by how much of a word they carry
/// (a Han, kana or Hangul character stands for about two Latin letters).
fn letter_weights(s: &str) -> (usize, usize) {
    use unicode_script::Script;
    let mut latin = 0;
    let mut other = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        let ext = c.script_extension_fast();
        if ext.contains_script(Script::Latin) {
            latin += 1;
        } else if ext.is_common() || ext.is_inherited() {
            continue;
        } else if [
            Script::Han,
            Script::Hiragana,
            Script::Katakana,
            Script::Hangul,
            Script::Bopomofo,
        ]
        .iter()
        .any(|x| ext.contains_script(*x))
        {
            other += 2;
        } else {
            other += 1;
        }
    }
    (latin, other)
}

/// Whether `s` can be typed on a Latin keyboard well enough to be found: it has no letters
/// (`1999`), or its Latin letters carry at least as much as its other letters (`Life of π`,
/// `I Love You 無望`). `LOVEソング` is not: the katakana carries as much as the Latin part
/// and cannot be typed.
#[cfg(test)] // the rules judge weights summed over segments: [`weighs_latin`]
pub fn latin_typeable(s: &str) -> bool {
    weighs_latin(letter_weights(s))
}

/// Whether Latin letters carry at least as much as the others, given [`letter_weights`].
fn weighs_latin((latin, other): (usize, usize)) -> bool {
    latin >= other
}

/// Words that mark a bracketed segment as version, credit or format information
/// (`夢のララバイ (Live)`): such a segment does not make the title findable.
const VERSION_WORDS: &[&str] = &[
    "live",
    "remix",
    "remixes",
    "mix",
    "edit",
    "version",
    "ver",
    "remaster",
    "remastered",
    "mono",
    "stereo",
    "acoustic",
    "instrumental",
    "inst",
    "karaoke",
    "demo",
    "original",
    "extended",
    "radio",
    "club",
    "dub",
    "bonus",
    "track",
    "deluxe",
    "edition",
    "single",
    "ep",
    "lp",
    "album",
    "intro",
    "introduction",
    "outro",
    "interlude",
    "reprise",
    "cover",
    "off",
    "vocal",
    "tv",
    "size",
    "short",
    "long",
    "full",
    "mv",
    "ost",
    "theme",
    "explicit",
    "clean",
    "english",
    "japanese",
    "korean",
    "chinese",
    "spanish",
    "unplugged",
    "session",
    "sessions",
    "take",
    "bgm",
    "orchestra",
    "orchestral",
    "piano",
    "guitar",
    "a",
    "the",
    "of",
    "and",
    "in",
    "from",
    "part",
    "pt",
    "no",
    "vol",
    "disc",
    "cd",
    "sped",
    "up",
    "slowed",
    "reverb",
    "nightcore",
    "anniversary",
    "th",
    "st",
    "nd",
    "rd",
    "special",
    "re",
    "recorded",
    "mixed",
    "new",
    "feat",
    "ft",
    "featuring",
    "with",
    "prod",
    "vs",
];

/// First words that make a segment a credit (`feat. John Smith`), not a title.
const CREDIT_WORDS: &[&str] = &["feat", "ft", "featuring", "with", "prod", "produced", "vs", "from"];

fn words_of(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// Splits a title or name into its main segment and bracketed / separated segments:
/// `BTS (방탄소년단)` → `BTS`, `방탄소년단`.
pub fn segments(s: &str) -> Vec<&str> {
    const OPEN: &[char] = &['(', '[', '{', '（', '［', '【', '〔', '〈', '《', '「', '『', '｛'];
    const CLOSE: &[char] = &[')', ']', '}', '）', '］', '】', '〕', '〉', '》', '」', '』', '｝'];
    let mut out = Vec::new();
    for part in s
        .split(OPEN)
        .flat_map(|p| p.split(CLOSE))
        .flat_map(|p| p.split(" / "))
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split(" – "))
        .flat_map(|p| p.split(" — "))
        .flat_map(|p| p.split(" | "))
        .flat_map(|p| p.split('／'))
        .flat_map(|p| p.split('｜'))
    {
        let t = part.trim();
        if !t.is_empty() {
            out.push(t);
        }
    }
    out
}

/// The first segment of `s` that has letters (`Μουσική (Extended Mix)` → `Μουσική`), or `s`.
pub fn main_part(s: &str) -> &str {
    const MARKS: &[char] = &[
        '(', '[', '{', '（', '［', '【', '〔', '〈', '《', '「', '『', '｛', ')', ']', '}', '）', '］', '】', '〕',
        '〉', '》', '」', '』', '｝', '/', '-', '–', '—', '|', '／', '｜',
    ];
    if !s.contains(MARKS) {
        return s;
    }
    segments(s)
        .into_iter()
        .find(|seg| seg.chars().any(char::is_alphabetic))
        .unwrap_or(s)
}

/// Whether a bracketed or separated segment is only version or credit information
/// (`Live`, `Acoustic Version`, `feat. John Smith`).
fn is_version_or_credit(seg: &str) -> bool {
    let words = words_of(seg);
    words.first().is_some_and(|w| CREDIT_WORDS.contains(&w.as_str()))
        || words
            .iter()
            .all(|w| VERSION_WORDS.contains(&w.as_str()) || w.chars().all(|c| c.is_ascii_digit()))
}

/// Whether a title or name can be found by someone typing on a Latin keyboard (catalogue
/// §5.4 findability). Version and credit segments after the main one (`(Live)`,
/// `(feat. John Smith)`) are left out first; then the text is findable when what remains is
/// [`latin_typeable`] (`I Love You 無望`), or its main segment is in Latin letters
/// (`BTS (방탄소년단)`), or another segment is typeable with at least two Latin letters
/// (`방탄소년단 (BTS)`). `夢のララバイ (Acoustic Version)` and `LOVEソング` are not.
pub fn latin_findable(s: &str) -> bool {
    if !crate::text::has_non_latin_letters(s) {
        return true;
    }
    let segs = segments(s);
    let Some((main, rest)) = segs.split_first() else {
        return true;
    };
    // Weights of the main segment and of the other segments that are more than version or
    // credit information. The segments joined by spaces weigh their sum (spaces are no
    // letters), so the whole is judged without joining it.
    let main_weights = letter_weights(main);
    let content: Vec<(usize, usize)> = rest
        .iter()
        .filter(|seg| !is_version_or_credit(seg))
        .map(|seg| letter_weights(seg))
        .collect();
    let (latin, other) = content.iter().fold(main_weights, |(l, o), &(sl, so)| (l + sl, o + so));
    if weighs_latin((latin, other)) {
        return true;
    }
    if weighs_latin(main_weights) && main_weights.0 > 0 {
        return true;
    }
    content.iter().any(|&w| w.0 >= 2 && weighs_latin(w))
}

/// Whether any of `texts` is [`latin_findable`]. Texts without non-Latin letters (findable as
/// they are) are looked for first: they are cheap to tell, and a set usually has one.
pub fn any_latin_findable<'t>(texts: impl Iterator<Item = &'t str> + Clone) -> bool {
    texts.clone().any(|t| !crate::text::has_non_latin_letters(t)) || texts.into_iter().any(latin_findable)
}

/// The part of `s` that cannot be typed on a Latin keyboard, for messages: from its first
/// non-Latin letter to the last one before the next Latin letter (`LOVEソング` → `ソング`,
/// `Ο δρόμος (Live)` → `Ο δρόμος`).
pub fn untypeable_part(s: &str) -> Option<&str> {
    use unicode_script::Script;
    let is_other = |c: char| {
        let ext = c.script_extension_fast();
        c.is_alphabetic() && !ext.contains_script(Script::Latin) && !ext.is_common() && !ext.is_inherited()
    };
    let start = s.char_indices().find(|(_, c)| is_other(*c))?.0;
    let rest = &s[start..];
    let mut end = 0;
    for (i, c) in rest.char_indices() {
        if is_other(c) || (end == i && is_mark(c)) {
            end = i + c.len_utf8();
        } else if c.is_alphabetic() {
            break;
        }
    }
    Some(&rest[..end])
}

fn is_mark(c: char) -> bool {
    use unicode_properties::GeneralCategoryGroup;
    c.general_category_group_fast() == GeneralCategoryGroup::Mark
}

/// Whether every word of `s` is an all-capitals initialism or brand of at most five letters,
/// possibly with digits (`ABBA`, `BTS`, `AKB48`, `EXO`): the same in every script, so a
/// `-Latn` tag on it says nothing about a missing original.
pub fn is_initialism(s: &str) -> bool {
    let words: Vec<&str> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    !words.is_empty()
        && words.iter().all(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            letters <= 5
                && w.chars()
                    .all(|c| !c.is_alphabetic() || (c.is_uppercase() && c.is_ascii()))
        })
}
