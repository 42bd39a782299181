//! Script detection (rules catalogue §0.5): which writing systems a string uses.
//!
//! Two views are offered:
//! - [`scripts_of`]: the distinct `Script` values of the string's characters, for messages.
//! - [`resolved_scripts`]: the UTS #39 *resolved script set*, computed from `Script_Extensions`
//!   with Common/Inherited characters ignored and the augmentation Hani→{Hani,Hanb,Jpan,Kore},
//!   Hira/Kana→+Jpan, Hang→+Kore, Bopo→+Hanb (implemented by `unicode-security`).
//!
//! Tag-facing code uses [`ScriptCode`], an ISO 15924 code that may be a composite such as
//! `Jpan`, `Kore`, `Hans` or `Hant`, which has no UCD `Script` value of its own.

use crate::text::FastUnicode;
use std::fmt;

use unicode_properties::GeneralCategoryGroup;
use unicode_script::{Script, ScriptExtension, UnicodeScript};
use unicode_security::mixed_script::AugmentedScriptSet;

/// An ISO 15924 script code in canonical case (`Latn`, `Jpan`), as used in language tags.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ScriptCode([u8; 4]);

impl ScriptCode {
    /// Latin.
    pub const LATN: ScriptCode = ScriptCode(*b"Latn");
    /// Cyrillic.
    pub const CYRL: ScriptCode = ScriptCode(*b"Cyrl");
    /// Greek.
    pub const GREK: ScriptCode = ScriptCode(*b"Grek");
    /// Japanese (Han + Hiragana + Katakana).
    pub const JPAN: ScriptCode = ScriptCode(*b"Jpan");
    /// Korean (Hangul + Han).
    pub const KORE: ScriptCode = ScriptCode(*b"Kore");
    /// Han (Simplified variant).
    pub const HANS: ScriptCode = ScriptCode(*b"Hans");
    /// Han (Traditional variant).
    pub const HANT: ScriptCode = ScriptCode(*b"Hant");
    /// Han.
    pub const HANI: ScriptCode = ScriptCode(*b"Hani");
    /// Hangul.
    pub const HANG: ScriptCode = ScriptCode(*b"Hang");
    /// Hebrew.
    pub const HEBR: ScriptCode = ScriptCode(*b"Hebr");
    /// Arabic.
    pub const ARAB: ScriptCode = ScriptCode(*b"Arab");

    /// Parses a four-letter code in any case (`latn` → `Latn`). Returns `None` for anything
    /// that is not four ASCII letters; it does not check the registry.
    pub fn new(code: &str) -> Option<ScriptCode> {
        let b = code.as_bytes();
        if b.len() != 4 || !b.iter().all(u8::is_ascii_alphabetic) {
            return None;
        }
        Some(ScriptCode([
            b[0].to_ascii_uppercase(),
            b[1].to_ascii_lowercase(),
            b[2].to_ascii_lowercase(),
            b[3].to_ascii_lowercase(),
        ]))
    }

    /// The code as a string slice (`"Latn"`).
    pub fn as_str(&self) -> &str {
        // Constructed only from ASCII letters.
        std::str::from_utf8(&self.0).unwrap_or("Zzzz")
    }

    /// The code of a UCD script (`Script::Cyrillic` → `Cyrl`).
    pub fn from_script(s: Script) -> ScriptCode {
        ScriptCode::new(s.short_name()).unwrap_or(ScriptCode(*b"Zzzz"))
    }

    /// The UCD scripts this code stands for: `Jpan` → {Han, Hiragana, Katakana}, `Kore` →
    /// {Hangul, Han}, `Hans`/`Hant` → {Han}, `Hanb` → {Han, Bopomofo}, `Hrkt` → {Hiragana,
    /// Katakana}, variant codes such as `Latf`/`Cyrs`/`Syre`/`Aran` → their base script.
    /// Empty for codes with no letters of their own (`Zyyy`, `Zxxx`, `Zsym`, `Qaaa`…).
    pub fn components(self) -> ScriptSet {
        use Script::*;
        let list: &[Script] = match self.as_str() {
            "Jpan" => &[Han, Hiragana, Katakana],
            "Kore" => &[Hangul, Han],
            "Hans" | "Hant" | "Hani" => &[Han],
            "Hanb" => &[Han, Bopomofo],
            "Hrkt" => &[Hiragana, Katakana],
            "Jamo" => &[Hangul],
            "Latf" | "Latg" => &[Latin],
            "Cyrs" => &[Cyrillic],
            "Syre" | "Syrj" | "Syrn" => &[Syriac],
            "Aran" => &[Arabic],
            "Geok" => &[Georgian],
            "Zyyy" | "Zinh" | "Zxxx" | "Zzzz" | "Zsym" | "Zsye" | "Zmth" => &[],
            code => {
                return match Script::from_short_name(code) {
                    Some(s) if !matches!(s, Common | Inherited | Unknown) => ScriptSet::from_iter([s]),
                    _ => ScriptSet::default(),
                }
            }
        };
        ScriptSet::from_iter(list.iter().copied())
    }

    /// Whether this is a Han-based (CJK) code: `Jpan`, `Kore`, `Hans`, `Hant`, `Hani`, `Hanb`,
    /// `Hrkt`, `Hira`, `Kana`, `Hang`, `Bopo`, `Jamo`. Latin words are tolerated in such text.
    pub fn is_cjk(self) -> bool {
        matches!(
            self.as_str(),
            "Jpan" | "Kore" | "Hans" | "Hant" | "Hani" | "Hanb" | "Hrkt" | "Hira" | "Kana" | "Hang" | "Bopo" | "Jamo"
        )
    }
}

impl fmt::Display for ScriptCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for ScriptCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ScriptCode({})", self.as_str())
    }
}

/// A small set of UCD scripts, kept sorted by short name (`Cyrl`, `Latn`).
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct ScriptSet(Vec<Script>);

impl ScriptSet {
    /// Adds a script (no-op if present).
    pub fn insert(&mut self, s: Script) {
        if let Err(i) = self.0.binary_search_by(|x| x.short_name().cmp(s.short_name())) {
            self.0.insert(i, s);
        }
    }

    /// Whether the set contains `s`.
    pub fn contains(&self, s: Script) -> bool {
        self.0.contains(&s)
    }

    /// Number of scripts.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The scripts, sorted by short name.
    pub fn iter(&self) -> impl Iterator<Item = Script> + '_ {
        self.0.iter().copied()
    }

    /// The short names (`["Cyrl", "Latn"]`).
    pub fn codes(&self) -> Vec<&'static str> {
        self.0.iter().map(|s| s.short_name()).collect()
    }

    /// Whether any script of `ext` is in the set.
    fn intersects_ext(&self, ext: ScriptExtension) -> bool {
        self.0.iter().any(|s| ext.contains_script(*s))
    }
}

impl FromIterator<Script> for ScriptSet {
    fn from_iter<I: IntoIterator<Item = Script>>(iter: I) -> Self {
        let mut set = ScriptSet::default();
        for s in iter {
            set.insert(s);
        }
        set
    }
}

impl fmt::Display for ScriptSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.codes().join("+"))
    }
}

impl fmt::Debug for ScriptSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ScriptSet({self})")
    }
}

/// Whether `c` is a letter (General_Category L*).
pub(crate) fn is_letter(c: char) -> bool {
    c.general_category_group_fast() == GeneralCategoryGroup::Letter
}

/// Whether the extension is Common or Inherited (the character says nothing about script).
fn is_neutral(ext: ScriptExtension) -> bool {
    ext.is_common() || ext.is_inherited() || ext.is_empty()
}

/// The script a letter is counted under: its `Script`, or for Common/Inherited letters with a
/// more specific `Script_Extensions` (U+30FC `ー`), the first script of the extension.
pub(crate) fn letter_script(c: char) -> Option<Script> {
    // Most feed text: ASCII, and Latin-1/Latin Extended letters, without a table search.
    if c.is_ascii() {
        return c.is_ascii_alphabetic().then_some(Script::Latin);
    }
    if is_latin_letter_below_u0250(c) {
        return Some(Script::Latin);
    }
    match c.script() {
        Script::Common | Script::Inherited | Script::Unknown => {
            let ext = c.script_extension_fast();
            if is_neutral(ext) {
                None
            } else {
                ext.iter().next()
            }
        }
        s => Some(s),
    }
}

/// U+00C0–U+024F except `×` and `÷`: Latin letters (Latin-1 Supplement, Latin Extended-A/B).
#[inline]
pub(crate) fn is_latin_letter_below_u0250(c: char) -> bool {
    matches!(c, '\u{00C0}'..='\u{024F}') && c != '\u{00D7}' && c != '\u{00F7}'
}

/// The distinct scripts of the characters of `s` (the `Script` property; Common, Inherited
/// and Unknown are skipped). For messages such as "mixes Cyrl+Latn".
pub fn scripts_of(s: &str) -> ScriptSet {
    s.chars()
        .filter_map(|c| match c.script() {
            Script::Common | Script::Inherited | Script::Unknown => None,
            sc => Some(sc),
        })
        .collect()
}

/// The UTS #39 resolved script set of a string (wrapper over `unicode-security`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct ResolvedScripts(AugmentedScriptSet);

impl ResolvedScripts {
    /// Empty: the string mixes scripts (no script is shared by all its characters).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// "All": the string has only Common/Inherited characters (digits, punctuation, emoji).
    pub fn is_all(&self) -> bool {
        self.0.is_all()
    }

    /// Whether the set contains the code: UCD scripts, or the augmented `Jpan`, `Kore`,
    /// `Hanb` (an "all" set contains everything).
    pub fn contains(&self, code: ScriptCode) -> bool {
        if self.is_all() {
            return true;
        }
        match code.as_str() {
            "Jpan" => self.0.jpan,
            "Kore" => self.0.kore,
            "Hanb" => self.0.hanb,
            c => Script::from_short_name(c).is_some_and(|s| self.0.base.contains_script(s)),
        }
    }

    /// The codes in the set, augmented ones first (`["Jpan", "Hira"]`). Empty for an
    /// empty or "all" set.
    pub fn codes(&self) -> Vec<String> {
        if self.is_all() {
            return Vec::new();
        }
        let mut v: Vec<String> = Vec::new();
        for (flag, name) in [(self.0.hanb, "Hanb"), (self.0.jpan, "Jpan"), (self.0.kore, "Kore")] {
            if flag {
                v.push(name.to_string());
            }
        }
        v.extend(self.0.base.iter().map(|s| s.short_name().to_string()));
        v
    }
}

impl fmt::Debug for ResolvedScripts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ResolvedScripts({:?})", self.0)
    }
}

/// The UTS #39 resolved script set of `s` (§0.5 steps 1–4): the intersection over all
/// characters of their augmented `Script_Extensions`, Common/Inherited ignored.
pub fn resolved_scripts(s: &str) -> ResolvedScripts {
    ResolvedScripts(AugmentedScriptSet::for_str(s))
}

/// UTS #39 single-script: the resolved set is not empty. "夜明けのうた" (Han+Hiragana → Jpan)
/// is single-script; "LOVEソング" is not (see [`is_highly_restrictive`]); a string of only
/// digits and punctuation is.
pub fn is_single_script(s: &str) -> bool {
    !resolved_scripts(s).is_empty()
}

/// UTS #39 "Highly Restrictive": single-script, or covered by Latn+Jpan, Latn+Hanb or
/// Latn+Kore ("LOVEソング", "I Love You 無望").
pub fn is_highly_restrictive(s: &str) -> bool {
    if is_single_script(s) {
        return true;
    }
    let mut rest = AugmentedScriptSet::default();
    for c in s.chars() {
        if !c.script_extension_fast().contains_script(Script::Latin) {
            rest.intersect_with(AugmentedScriptSet::for_char(c));
        }
    }
    !rest.is_all() && (rest.jpan || rest.hanb || rest.kore)
}

/// Whether every character of `s` is Latin, Common or Inherited (by `Script_Extensions`).
/// True for strings with no letters at all ("2024", "").
pub fn is_latin_only(s: &str) -> bool {
    s.chars().all(|c| {
        let ext = c.script_extension_fast();
        is_neutral(ext) || ext.contains_script(Script::Latin)
    })
}

/// Whether `s` has at least one Latin letter.
pub fn has_latin_letters(s: &str) -> bool {
    s.chars()
        .any(|c| is_letter(c) && c.script_extension_fast().contains_script(Script::Latin))
}

/// Whether `s` has at least one letter of a script other than Latin (Common letters such as
/// `ª` or `µ` do not count).
pub fn has_non_latin_letters(s: &str) -> bool {
    s.chars().any(|c| {
        // ASCII and U+00C0–U+024F hold only Latin letters (and symbols): no lookup needed.
        if c.is_ascii() || matches!(c, '\u{C0}'..='\u{24F}') {
            return false;
        }
        let ext = c.script_extension_fast();
        is_letter(c) && !is_neutral(ext) && !ext.contains_script(Script::Latin)
    })
}

/// The script with the most letters in `s` (ties: the one seen first); `None` without letters.
pub fn dominant_script(s: &str) -> Option<Script> {
    let mut counts: Vec<(Script, usize)> = Vec::new();
    for c in s.chars().filter(|c| is_letter(*c)) {
        if let Some(sc) = letter_script(c) {
            match counts.iter_mut().find(|(x, _)| *x == sc) {
                Some((_, n)) => *n += 1,
                None => counts.push((sc, 1)),
            }
        }
    }
    let max = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == max).map(|(s, _)| s)
}

/// Letter counts of a text against an expected script (see [`script_share`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ScriptShare {
    /// All letters with a script (Common letters excluded).
    pub letters: usize,
    /// Letters whose `Script_Extensions` meet the expected script's components.
    pub expected: usize,
    /// Latin letters tolerated because the expected script is CJK ("LOVEソング").
    pub tolerated_latin: usize,
    /// The remaining letters: in some other script.
    pub other: usize,
}

impl ScriptShare {
    /// `expected / (expected + other)`, i.e. tolerated Latin left out; 1.0 without letters.
    pub fn expected_ratio(&self) -> f64 {
        let counted = self.expected + self.other;
        if counted == 0 {
            if self.letters == 0 {
                1.0
            } else {
                0.0
            }
        } else {
            self.expected as f64 / counted as f64
        }
    }
}

/// Counts the letters of `text` that are in / outside the expected script. `Jpan` covers
/// Han+Hiragana+Katakana, `Kore` Hangul+Han, `Hans`/`Hant` Han; for these CJK codes Latin
/// letters are counted as tolerated, not as other.
pub fn script_share(text: &str, expected: ScriptCode) -> ScriptShare {
    let comps = expected.components();
    let cjk = expected.is_cjk();
    let mut share = ScriptShare::default();
    for c in text.chars().filter(|c| is_letter(*c)) {
        let ext = c.script_extension_fast();
        if is_neutral(ext) {
            continue;
        }
        share.letters += 1;
        if comps.intersects_ext(ext) {
            share.expected += 1;
        } else if cjk && ext.contains_script(Script::Latin) {
            share.tolerated_latin += 1;
        } else {
            share.other += 1;
        }
    }
    share
}

/// Whether `text` is plausibly written in the `expected` script: true when it has no letters,
/// or when at least one letter is in the expected script and such letters make up at least
/// half of the letters that count (Latin words inside CJK text do not count, so "LOVEソング"
/// matches `Jpan`). Codes without letters of their own (`Zyyy`, `Qaaa`) always match.
/// Rules needing other thresholds use [`script_share`].
pub fn script_matches_tag(text: &str, expected: ScriptCode) -> bool {
    if expected.components().is_empty() {
        return true;
    }
    let share = script_share(text, expected);
    if share.letters == 0 {
        return true;
    }
    share.expected > 0 && share.expected >= share.other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_script_fast_paths() {
        for c in (0u32..0x300).filter_map(char::from_u32) {
            let slow = match c.script() {
                Script::Common | Script::Inherited | Script::Unknown => {
                    let ext = c.script_extension();
                    if is_neutral(ext) {
                        None
                    } else {
                        ext.iter().next()
                    }
                }
                s => Some(s),
            };
            assert_eq!(letter_script(c), slow, "U+{:04X}", c as u32);
            if is_latin_letter_below_u0250(c) || c.is_ascii_alphabetic() {
                assert!(is_letter(c), "U+{:04X}", c as u32);
            } else if c.is_ascii() {
                assert!(!is_letter(c), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn script_code_basics() {
        assert_eq!(ScriptCode::new("jpan"), Some(ScriptCode::JPAN));
        assert_eq!(ScriptCode::new("LATN").unwrap().as_str(), "Latn");
        assert_eq!(ScriptCode::new("Lat"), None);
        assert_eq!(ScriptCode::new("La1n"), None);
        assert_eq!(ScriptCode::JPAN.components().codes(), ["Hani", "Hira", "Kana"]);
        assert_eq!(ScriptCode::KORE.components().codes(), ["Hang", "Hani"]);
        assert_eq!(ScriptCode::HANT.components().codes(), ["Hani"]);
        assert_eq!(ScriptCode::new("Cyrl").unwrap().components().codes(), ["Cyrl"]);
        assert!(ScriptCode::new("Zyyy").unwrap().components().is_empty());
        assert!(ScriptCode::new("Qaaa").unwrap().components().is_empty());
        assert_eq!(ScriptCode::from_script(Script::Greek), ScriptCode::GREK);
    }

    #[test]
    fn scripts_of_for_reporting() {
        assert_eq!(scripts_of("Nordlicht R\u{0435}cords").codes(), ["Cyrl", "Latn"]);
        assert_eq!(scripts_of("夜明けのうた").codes(), ["Hani", "Hira"]);
        assert!(scripts_of("2024 – (℗) 👨\u{200D}👩\u{200D}👧").is_empty());
        assert_eq!(scripts_of("Beyoncé").codes(), ["Latn"]);
    }

    #[test]
    fn resolved_sets() {
        let r = resolved_scripts("夜明けのうた");
        assert!(!r.is_empty() && r.contains(ScriptCode::JPAN));
        assert!(!r.contains(ScriptCode::KORE));
        assert!(resolved_scripts("봄비").contains(ScriptCode::KORE));
        assert!(resolved_scripts("1, 2, 3!").is_all());
        assert!(!is_single_script("Nordlicht R\u{0435}cords"));
        assert!(is_single_script("Ελληνικός"));
        assert!(is_single_script("Београд"));
        assert!(is_single_script("Beograd"));
        assert!(is_single_script("ー"));
        assert!(is_single_script("می\u{200C}خواهم"));
        assert!(is_single_script("नमस्\u{200D}ते"));
        assert!(!is_single_script("LOVEソング"));
        assert!(is_highly_restrictive("LOVEソング"));
        assert!(is_highly_restrictive("I Love You 無望"));
        assert!(is_highly_restrictive("사랑 Love"));
        assert!(!is_highly_restrictive("Тихий Дом Live"));
        assert!(!is_highly_restrictive("Nordlicht R\u{0435}cords"));
        assert_eq!(resolved_scripts("ひらがな").codes(), ["Jpan", "Hira"]);
    }

    #[test]
    fn latin_checks() {
        assert!(is_latin_only("Tiếng Việt"));
        assert!(is_latin_only("İstanbul Geceleri – Straße’s Ⅳ 2024"));
        assert!(is_latin_only("2024"));
        assert!(!is_latin_only("LOVEソング"));
        assert!(has_non_latin_letters("LOVEソング"));
        assert!(!has_non_latin_letters("Beyoncé µ ª"));
        assert!(!has_non_latin_letters("（）－ 123"));
        assert!(has_latin_letters("I Love You 無望"));
        assert!(!has_latin_letters("Ελληνικός"));
    }

    #[test]
    fn dominant() {
        assert_eq!(dominant_script("Тихий Дом Live"), Some(Script::Cyrillic));
        assert_eq!(dominant_script("LOVEソング"), Some(Script::Latin));
        assert_eq!(dominant_script("ソングLOVE!!"), Some(Script::Latin));
        assert_eq!(dominant_script("ーー"), Some(Script::Hiragana));
        assert_eq!(dominant_script("123 !"), None);
    }

    #[test]
    fn matches_tag() {
        let jpan = ScriptCode::JPAN;
        assert!(script_matches_tag("夜明けのうた", jpan));
        assert!(script_matches_tag("LOVEソング", jpan));
        assert!(script_matches_tag("夜明けのうた (Acoustic Version)", jpan));
        assert!(script_matches_tag("（ライブ）－ 2024", jpan));
        assert!(!script_matches_tag("Yoake no Uta", jpan));
        assert!(!script_matches_tag("봄비", jpan));
        assert!(script_matches_tag("봄비 (Spring Rain)", ScriptCode::KORE));
        assert!(script_matches_tag("I Love You 無望", ScriptCode::HANT));
        assert!(script_matches_tag("I Love You 無望", ScriptCode::HANS));
        let latn = ScriptCode::LATN;
        assert!(script_matches_tag("Tiếng Việt", latn));
        assert!(script_matches_tag("Beograd", latn));
        assert!(!script_matches_tag("Београд", latn));
        assert!(!script_matches_tag("夜明けのうた", latn));
        let cyrl = ScriptCode::CYRL;
        assert!(script_matches_tag("Београд", cyrl));
        assert!(script_matches_tag("Тихий Дом (Live)", cyrl));
        assert!(!script_matches_tag("Tikhaya noch", cyrl));
        assert!(script_matches_tag("Ελληνικός", ScriptCode::GREK));
        assert!(script_matches_tag("می\u{200C}خواهم", ScriptCode::ARAB));
        assert!(script_matches_tag("123 – ’", latn));
        assert!(script_matches_tag("anything", ScriptCode::new("Zyyy").unwrap()));
        let share = script_share("LOVEソング", jpan);
        assert_eq!((share.expected, share.tolerated_latin, share.other), (3, 4, 0));
        assert_eq!(share.expected_ratio(), 1.0);
        assert_eq!(script_share("Yoake", jpan).expected_ratio(), 0.0);
    }
}
