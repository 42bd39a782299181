use crate::hash::FastSet;

use crate::finding::{Finding, Fix, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};
use crate::text::{script_share, ScriptCode};
use unicode_script::{Script, UnicodeScript};

use super::variants::{Variant, VariantSet};

pub static RULE: Rule = Rule {
    id: "lang-transliteration-casing",
    category: Category::Language,
    severity: Severity::Info,
    fix: FixClass::Suggest,
    summary: "a romanized title in ALL CAPS, all lowercase, or against romanization casing conventions",
    doc: r#"## What it does
Checks the casing of romanized titles: `DisplayTitleText`, `DisplayTitle`, `AdditionalTitle`
and ERN 3 `Title` variants tagged with an explicit `Latn` script on a language whose native
script is not Latin (`ja-Latn`, `zh-Latn`, `ko-Latn`, `ru-Latn`, `el-Latn` …). It reports,
one finding per distinct text:

- **ALL CAPS** (`YOAKE NO UTA`) or **all lowercase** (`yoake no uta`), when the original
  does not write it that way;
- **Japanese** (`ja-Latn`): a particle capitalized inside the title (`Yoake No Uta`). The
  particles are *wa, ga, o, wo, ni, de, e, he, to, mo, ka, ya, kara, made, yo, ne, no, na,
  yori, dake, shika*; the first word of the title and of each bracketed or dash-separated
  part may be capitalized. Only checked when the other words are romaji (`Come To Me` is
  English, not romaji, and is left alone);
- **Chinese** (`zh-Latn`): Hanyu Pinyin in Title Case (`Yue Liang Dai Biao Wo De Xin`),
  when most words after the first are capitalized and every word is a pinyin syllable
  sequence;
- **Cyrillic, Greek and Armenian originals** (`ru-Latn`, `el-Latn`, `hy-Latn` …): a word
  capitalized where the original's word is not, or the reverse, when both have the same
  number of words.

Latin words carried over from the original (`LOVE` in `LOVEソング` → `LOVE Song`) keep the
original's casing and are not judged. Artist and label names are not checked: romanized
names follow the artist's own stylization (`ONE OK ROCK`, `SEKAI NO OWARI`, `milet`).

## Why
Romanizations have casing conventions, and DSPs normalize titles that break them (Apple
rejects ALL CAPS titles outright). MusicBrainz, whose conventions most catalogues follow:
- Japanese: romanized titles use English-like title case except "**Particles** (1-2 mora
  long): *wa*, *ga*, *o*, *ni*, *de*, *e*, *to*, *mo*, *ka*, *ya*, *kara*, *made*, *yo*,
  *ne*, etc.";
- Chinese: "In Hanyu Pinyin, only the first letter of a sentence and proper nouns should be
  capitalized";
- in general: "If the source script also has a capitalization concept, keep the original
  capitalization".

## Example
```xml
<DisplayTitle LanguageAndScriptCode="ja"><TitleText>夜明けのうた</TitleText></DisplayTitle>
<DisplayTitle LanguageAndScriptCode="ja-Latn"><TitleText>Yoake No Uta</TitleText></DisplayTitle>
```

## Use instead
```xml
<DisplayTitle LanguageAndScriptCode="ja"><TitleText>夜明けのうた</TitleText></DisplayTitle>
<DisplayTitle LanguageAndScriptCode="ja-Latn"><TitleText>Yoake no Uta</TitleText></DisplayTitle>
```

## Fix
Suggestion only: the finding proposes the title recased by the convention of its language
(Japanese title case with lowercase particles; pinyin sentence case; the original's word
capitalization for Cyrillic, Greek and Armenian; sentence case otherwise). Proper nouns
inside the title may need their capital back."#,
    check: Check::Item(check),
};

const JA_PARTICLES: &[&str] = &[
    "wa", "ga", "o", "wo", "ni", "de", "e", "he", "to", "mo", "ka", "ya", "kara", "made", "yo", "ne", "no", "na",
    "yori", "dake", "shika",
];

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for set in &cx.variant_sets().titles {
        // Sets are small: a scan of borrowed texts beats hashing owned copies.
        let mut seen: Vec<&str> = Vec::new();
        for v in &set.variants {
            let Some(native) = v.locale.romanization_of() else {
                continue;
            };
            if seen.contains(&v.value()) {
                continue;
            }
            seen.push(v.value());
            if let Some((problem, suggestion)) = judge(set, v, native) {
                out.push(
                    RULE.finding(
                        v.text.text.elem,
                        v.text.text.span,
                        format!(
                            "romanized title of {} '{}' ({}) {problem}",
                            set.owner_label,
                            v.value(),
                            v.locale.tag
                        ),
                    )
                    .with_help(format!("write it '{suggestion}'"))
                    .with_fix(Fix::suggest(suggestion)),
                );
            }
        }
    }
}

/// One token of a title: its text and the span of its letters.
#[derive(Clone, Debug)]
struct Word {
    /// Offset of the core (letters and digits) in the title.
    start: usize,
    core: String,
    /// First word of the title or of a bracketed / separated part.
    initial: bool,
    /// Carried over from the original (a Latin word of the original script text).
    carried: bool,
}

fn tokenize(text: &str, carried: &FastSet<String>) -> Vec<Word> {
    let mut words = Vec::new();
    let mut initial = true;
    let mut cur: Option<(usize, String)> = None;
    let flush = |cur: &mut Option<(usize, String)>, words: &mut Vec<Word>, initial: &mut bool| {
        if let Some((start, core)) = cur.take() {
            let carried_over = carried.contains(&core.to_lowercase());
            words.push(Word {
                start,
                core,
                initial: *initial,
                carried: carried_over,
            });
            *initial = false;
        }
    };
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() || (c == '\'' || c == '’') && cur.is_some() {
            match &mut cur {
                Some((_, s)) => s.push(c),
                None => cur = Some((i, c.to_string())),
            }
        } else {
            flush(&mut cur, &mut words, &mut initial);
            if matches!(
                c,
                '(' | '['
                    | '{'
                    | '（'
                    | '［'
                    | '「'
                    | '『'
                    | '-'
                    | '–'
                    | '—'
                    | '/'
                    | ':'
                    | '：'
                    | '～'
                    | '〜'
                    | '~'
                    | '|'
                    | '.'
                    | '!'
                    | '?'
            ) {
                initial = true;
            }
        }
    }
    flush(&mut cur, &mut words, &mut initial);
    for w in &mut words {
        w.core = w.core.trim_end_matches(['\'', '’']).to_string();
    }
    words
}

fn has_cased(s: &str) -> bool {
    s.chars().any(|c| c.is_uppercase() || c.is_lowercase())
}

fn is_all_upper(s: &str) -> bool {
    has_cased(s) && !s.chars().any(char::is_lowercase)
}

fn is_all_lower(s: &str) -> bool {
    has_cased(s) && !s.chars().any(char::is_uppercase)
}

fn starts_upper(s: &str) -> bool {
    s.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase)
}

fn capitalize(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut c = lower.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => lower,
    }
}

/// The original-script variant a romanization belongs to: same kind and language first.
fn original<'s, 'f, 'a>(set: &'s VariantSet<'f, 'a>, v: &Variant, native: ScriptCode) -> Option<&'s Variant<'f, 'a>> {
    let in_native = |u: &&Variant| u.order != v.order && script_share(u.value(), native).expected > 0;
    set.variants
        .iter()
        .filter(in_native)
        .find(|u| u.kind == v.kind && u.locale.language == v.locale.language)
        .or_else(|| {
            set.variants
                .iter()
                .filter(in_native)
                .find(|u| u.locale.language == v.locale.language)
        })
        .or_else(|| set.variants.iter().find(in_native))
}

/// The Latin words of a text, lowercased (`LOVEソング` → `love`).
fn latin_words(s: &str) -> FastSet<String> {
    s.split(|c: char| {
        !c.is_alphanumeric()
            || matches!(
                c.script(),
                Script::Katakana | Script::Hiragana | Script::Han | Script::Hangul
            )
    })
    .filter(|w| {
        w.chars().any(|c| c.is_alphabetic()) && w.chars().all(|c| !c.is_alphabetic() || c.script() == Script::Latin)
    })
    .map(str::to_lowercase)
    .collect()
}

/// What is wrong with the casing of `v`, and the recased title.
fn judge(set: &VariantSet, v: &Variant, native: ScriptCode) -> Option<(String, String)> {
    let text = v.value();
    let orig = original(set, v, native);
    let orig_text = orig.map(|u| u.value()).unwrap_or("");
    let carried = latin_words(orig_text);
    let words = tokenize(text, &carried);
    let judged: Vec<&Word> = words
        .iter()
        .filter(|w| !w.carried && w.core.chars().any(char::is_alphabetic))
        .collect();
    if judged.is_empty() {
        return None;
    }
    let lang = v.locale.language.as_deref().unwrap_or("");
    let cased_native = [
        Script::Cyrillic,
        Script::Greek,
        Script::Armenian,
        Script::Coptic,
        Script::Glagolitic,
    ]
    .iter()
    .any(|s| native.components().contains(*s));
    let letters: usize = judged
        .iter()
        .map(|w| w.core.chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    let joined: String = judged.iter().map(|w| w.core.as_str()).collect::<Vec<_>>().join(" ");
    // The original's non-Latin letters, needed only when an ALL CAPS or all-lowercase
    // romanization of a cased script is judged.
    let orig_other = || -> String { orig_text.chars().filter(|c| c.script() != Script::Latin).collect() };

    // ALL CAPS / all lowercase.
    if letters >= 4 && is_all_upper(&joined) && !(cased_native && is_all_upper(&orig_other())) {
        return Some((
            "is in ALL CAPS".to_string(),
            recase(text, &words, lang, cased_native, orig_text),
        ));
    }
    if letters >= 4 && is_all_lower(&joined) && !(cased_native && is_all_lower(&orig_other())) {
        return Some((
            "is all lowercase".to_string(),
            recase(text, &words, lang, cased_native, orig_text),
        ));
    }
    match lang {
        "ja" => {
            let content: Vec<&&Word> = judged
                .iter()
                .filter(|w| !JA_PARTICLES.contains(&w.core.to_lowercase().as_str()))
                .collect();
            if content.is_empty() || !judged.iter().all(|w| is_romaji(&w.core)) {
                return None;
            }
            let bad: Vec<&str> = judged
                .iter()
                .filter(|w| {
                    !w.initial && starts_upper(&w.core) && JA_PARTICLES.contains(&w.core.to_lowercase().as_str())
                })
                .map(|w| w.core.as_str())
                .collect();
            if bad.is_empty() {
                return None;
            }
            let fixed = rewrite(text, &words, |w| {
                if !w.initial && !w.carried && JA_PARTICLES.contains(&w.core.to_lowercase().as_str()) {
                    w.core.to_lowercase()
                } else {
                    w.core.clone()
                }
            });
            Some((
                format!(
                    "capitalizes the particle{} {}: romaji particles are lowercase inside a title",
                    if bad.len() > 1 { "s" } else { "" },
                    quoted(&bad)
                ),
                fixed,
            ))
        }
        "zh" | "cmn" | "yue" => {
            let rest: Vec<&&Word> = judged.iter().filter(|w| !w.initial).collect();
            if rest.len() < 2 || !judged.iter().all(|w| is_pinyin(&w.core)) {
                return None;
            }
            let capitalized = rest.iter().filter(|w| starts_upper(&w.core)).count();
            if capitalized * 2 <= rest.len() {
                return None;
            }
            let fixed = rewrite(text, &words, |w| {
                if w.initial || w.carried {
                    w.core.clone()
                } else {
                    w.core.to_lowercase()
                }
            });
            Some((
                "is in Title Case: Hanyu Pinyin capitalizes only the first word and proper nouns".to_string(),
                fixed,
            ))
        }
        _ if cased_native => {
            let orig_words: Vec<&str> = orig_text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().any(char::is_alphabetic))
                .collect();
            let all: Vec<&Word> = words
                .iter()
                .filter(|w| w.core.chars().any(char::is_alphabetic))
                .collect();
            if orig.is_none() || orig_words.len() != all.len() {
                return None;
            }
            let differs = all
                .iter()
                .zip(&orig_words)
                .any(|(w, o)| !w.carried && starts_upper(&w.core) != starts_upper(o));
            if !differs {
                return None;
            }
            Some((
                format!("capitalizes words differently from the original '{orig_text}'"),
                recase(text, &words, lang, true, orig_text),
            ))
        }
        _ => None,
    }
}

fn quoted(words: &[&str]) -> String {
    words.iter().map(|w| format!("'{w}'")).collect::<Vec<_>>().join(", ")
}

/// `text` with each word's core replaced by `f(word)`.
fn rewrite(text: &str, words: &[Word], f: impl Fn(&Word) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for w in words {
        out.push_str(&text[pos..w.start]);
        out.push_str(&f(w));
        pos = w.start + w.core.len();
    }
    out.push_str(&text[pos..]);
    out
}

/// The conventional casing: Japanese title case with lowercase particles; pinyin and other
/// caseless originals in sentence case; cased originals word by word.
fn recase(text: &str, words: &[Word], lang: &str, cased_native: bool, orig_text: &str) -> String {
    let orig_words: Vec<&str> = orig_text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let lettered: Vec<usize> = words
        .iter()
        .enumerate()
        .filter(|(_, w)| w.core.chars().any(char::is_alphabetic))
        .map(|(i, _)| i)
        .collect();
    let pattern_ok = cased_native && orig_words.len() == lettered.len();
    rewrite(text, words, |w| {
        if w.carried || !w.core.chars().any(char::is_alphabetic) {
            return w.core.clone();
        }
        if pattern_ok {
            let idx = words
                .iter()
                .filter(|x| x.start < w.start && x.core.chars().any(char::is_alphabetic))
                .count();
            if let Some(o) = orig_words.get(idx) {
                return if starts_upper(o) {
                    capitalize(&w.core)
                } else {
                    w.core.to_lowercase()
                };
            }
        }
        match lang {
            "ja" if !w.initial && JA_PARTICLES.contains(&w.core.to_lowercase().as_str()) => w.core.to_lowercase(),
            "ja" => capitalize(&w.core),
            _ if w.initial => capitalize(&w.core),
            _ => w.core.to_lowercase(),
        }
    })
}

fn fold_latin(c: char) -> Option<char> {
    Some(match c {
        'a'..='z' => c,
        'ā' | 'á' | 'ǎ' | 'à' | 'â' => 'a',
        'ē' | 'é' | 'ě' | 'è' | 'ê' => 'e',
        'ī' | 'í' | 'ǐ' | 'ì' | 'î' => 'i',
        'ō' | 'ó' | 'ǒ' | 'ò' | 'ô' => 'o',
        'ū' | 'ú' | 'ǔ' | 'ù' | 'û' => 'u',
        'ü' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => 'v',
        '\'' | '’' => '\'',
        _ => return None,
    })
}

fn folded(word: &str) -> Option<Vec<u8>> {
    word.to_lowercase()
        .chars()
        .filter(|c| *c != '\'')
        .map(|c| fold_latin(c).map(|x| x as u8))
        .collect()
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether a word is Hepburn (or Kunrei) romaji: a sequence of kana syllables, syllabic
/// `n`/`m`, geminate consonants and long vowels (`Yoake`, `Hajimari`, `Kyōto`, `Matcha`).
pub(crate) fn is_romaji(word: &str) -> bool {
    let Some(s) = folded(word) else { return false };
    if s.is_empty() || s.contains(&b'v') && !s.windows(2).any(|w| w == b"vu") {
        return false;
    }
    const ONSETS: &[&[u8]] = &[
        b"ch", b"sh", b"ts", b"ky", b"gy", b"ny", b"hy", b"by", b"py", b"my", b"ry", b"jy", b"dy", b"ty", b"j", b"k",
        b"g", b"s", b"z", b"t", b"d", b"n", b"h", b"b", b"p", b"m", b"y", b"r", b"w", b"f", b"v",
    ];
    let n = s.len();
    let mut i = 0;
    while i < n {
        let c = s[i];
        if is_vowel(c) {
            i += 1;
            continue;
        }
        if i + 1 < n && s[i + 1] == c && b"kstpgzdbfhjcr".contains(&c) {
            i += 1;
            continue;
        }
        if c == b't' && s[i + 1..].starts_with(b"ch") {
            i += 1;
            continue;
        }
        if c == b'n' && (i + 1 == n || (!is_vowel(s[i + 1]) && s[i + 1] != b'y')) {
            i += 1;
            continue;
        }
        if c == b'm' && i + 1 < n && b"bpm".contains(&s[i + 1]) {
            i += 1;
            continue;
        }
        let Some(len) = ONSETS
            .iter()
            .find(|o| s[i..].starts_with(o) && s.get(i + o.len()).is_some_and(|&b| is_vowel(b)))
            .map(|o| o.len())
        else {
            return false;
        };
        i += len + 1;
    }
    true
}

/// Whether a word is a sequence of Hanyu Pinyin syllables (tone marks and `ü` allowed;
/// `Yueliang`, `Wo`, `Xǐhuān`).
pub(crate) fn is_pinyin(word: &str) -> bool {
    const INITIALS: &[&[u8]] = &[
        b"zh", b"ch", b"sh", b"b", b"p", b"m", b"f", b"d", b"t", b"n", b"l", b"g", b"k", b"h", b"j", b"q", b"x", b"r",
        b"z", b"c", b"s", b"y", b"w",
    ];
    const FINALS: &[&[u8]] = &[
        b"iang", b"iong", b"uang", b"ang", b"eng", b"ing", b"ong", b"ian", b"iao", b"uai", b"uan", b"van", b"ai",
        b"ei", b"ao", b"ou", b"an", b"en", b"er", b"ia", b"ie", b"iu", b"in", b"ua", b"uo", b"ui", b"un", b"ue", b"ve",
        b"vn", b"a", b"o", b"e", b"i", b"u", b"v",
    ];
    const ZERO_INITIAL: &[&[u8]] = &[
        b"a", b"o", b"e", b"ai", b"ei", b"ao", b"ou", b"an", b"en", b"ang", b"eng", b"er",
    ];
    let Some(s) = folded(word) else { return false };
    let n = s.len();
    if n == 0 {
        return false;
    }
    let mut ok = vec![false; n + 1];
    ok[0] = true;
    for i in 0..n {
        if !ok[i] {
            continue;
        }
        for fin in ZERO_INITIAL {
            if s[i..].starts_with(fin) {
                ok[i + fin.len()] = true;
            }
        }
        for ini in INITIALS {
            if !s[i..].starts_with(ini) {
                continue;
            }
            let j = i + ini.len();
            for fin in FINALS {
                if fin[0] == b'v' && !matches!(*ini, b"n" | b"l" | b"j" | b"q" | b"x" | b"y") {
                    continue;
                }
                if s[j..].starts_with(fin) {
                    ok[j + fin.len()] = true;
                }
            }
        }
    }
    ok[n]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romaji() {
        for w in [
            "Yoake", "no", "Uta", "Hajimari", "Kyōto", "Matcha", "Shimbun", "kippu", "Tōkyō", "Kaze", "Okuri", "Mono",
            "Ni",
        ] {
            assert!(is_romaji(w), "{w}");
        }
        for w in ["Love", "Back", "The", "Song", "Lullaby", "Christmas"] {
            assert!(!is_romaji(w), "{w}");
        }
    }

    #[test]
    fn pinyin() {
        for w in ["Yueliang", "Wo", "Ai", "Ni", "Xǐhuān", "zhongguo", "nü", "Er"] {
            assert!(is_pinyin(w), "{w}");
        }
        for w in ["Love", "Tokyo", "Street", "Christmas"] {
            assert!(!is_pinyin(w), "{w}");
        }
    }

    #[test]
    fn tokens_and_rewrite() {
        let carried: FastSet<String> = ["love".to_string()].into_iter().collect();
        let text = "LOVE Songu (Yoru No Uta)";
        let words = tokenize(text, &carried);
        let cores: Vec<_> = words.iter().map(|w| (w.core.as_str(), w.initial, w.carried)).collect();
        assert_eq!(
            cores,
            [
                ("LOVE", true, true),
                ("Songu", false, false),
                ("Yoru", true, false),
                ("No", false, false),
                ("Uta", false, false)
            ]
        );
        assert_eq!(recase(text, &words, "ja", false, ""), "LOVE Songu (Yoru no Uta)");
        let plain = tokenize("YOAKE NO UTA", &FastSet::default());
        assert_eq!(recase("YOAKE NO UTA", &plain, "ja", false, ""), "Yoake no Uta");
        let zh = tokenize("yue liang dai biao wo de xin", &FastSet::default());
        assert_eq!(
            recase("yue liang dai biao wo de xin", &zh, "zh", false, ""),
            "Yue liang dai biao wo de xin"
        );
    }
}
