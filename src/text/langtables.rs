//! Small hand-made tables for language-tag suggestions (rules catalogue G1, G3, G5).
//!
//! These are suggestions only: nothing here is applied as a safe fix.

use super::registry::registry;
use super::script::ScriptCode;

/// A two-letter code that is a country code (ISO 3166-1 alpha-2) misused as a language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CountryCodeTrap {
    /// The code as written in the tag (lowercase).
    pub code: &'static str,
    /// The country the code stands for in ISO 3166-1.
    pub country: &'static str,
    /// The language subtag(s) most likely meant, most likely first.
    pub likely: &'static [&'static str],
}

impl CountryCodeTrap {
    /// Whether the code is nevertheless a registered language subtag (a "valid-but-wrong
    /// trap": `se` Northern Sami, `si` Sinhala, `kr` Kanuri …). `false` means the code is not
    /// a language at all (`jp`, `cz`, `gr` …).
    pub fn is_registered_language(&self) -> bool {
        registry().language(self.code).is_some()
    }

    /// The registry name of the language the code really stands for (`si` → `Sinhala`).
    pub fn registered_name(&self) -> Option<&'static str> {
        registry().language(self.code).map(|e| e.name())
    }
}

macro_rules! trap {
    ($code:literal, $country:literal, [$($l:literal),+]) => {
        CountryCodeTrap { code: $code, country: $country, likely: &[$($l),+] }
    };
}

/// Country codes used as language subtags. Source: rules catalogue G3 (`jp`, `cz`, `gr`,
/// `dk`, `ua`, `sp`, `ge`; traps `se`, `si`, `be`, `kr`, `ch`, `ca`, `cy`), extended with the
/// ISO 3166-1 codes of countries whose main language has a different code (`cn`, `ee`, `uk`,
/// `gb`, `us`, `br`, `at`, `rs` …). Whether each code is a registered language is read from
/// the embedded registry ([`CountryCodeTrap::is_registered_language`]), so the table never
/// claims a registry fact of its own; unit tests pin the expected split.
pub const COUNTRY_CODE_TRAPS: &[CountryCodeTrap] = &[
    // Not language subtags.
    trap!("jp", "Japan", ["ja"]),
    trap!("cz", "Czechia", ["cs"]),
    trap!("gr", "Greece", ["el"]),
    trap!("dk", "Denmark", ["da"]),
    trap!("ua", "Ukraine", ["uk"]),
    trap!("sp", "Spain (not an ISO code; ES)", ["es"]),
    trap!("ge", "Georgia", ["ka", "de"]),
    trap!("cn", "China", ["zh"]),
    trap!("tw", "Taiwan", ["zh"]), // tw is Twi: registered
    trap!("hk", "Hong Kong", ["zh", "yue"]),
    trap!("gb", "United Kingdom", ["en"]),
    trap!("us", "United States", ["en"]),
    trap!("au", "Australia", ["en"]),
    trap!("nz", "New Zealand", ["en", "mi"]),
    trap!("ie", "Ireland", ["en", "ga"]), // ie is Interlingue: registered
    trap!("at", "Austria", ["de"]),
    trap!("mx", "Mexico", ["es"]),
    trap!("ar", "Argentina", ["es"]), // ar is Arabic: registered
    trap!("cl", "Chile", ["es"]),
    trap!("co", "Colombia", ["es"]), // co is Corsican: registered
    trap!("pe", "Peru", ["es"]),
    trap!("br", "Brazil", ["pt"]), // br is Breton: registered
    trap!("il", "Israel", ["he"]),
    trap!("ir", "Iran", ["fa"]),
    trap!("eg", "Egypt", ["ar"]),
    trap!("sa", "Saudi Arabia", ["ar"]), // sa is Sanskrit: registered
    trap!("ae", "United Arab Emirates", ["ar"]), // ae is Avestan: registered
    trap!("vn", "Viet Nam", ["vi"]),
    trap!("rs", "Serbia", ["sr"]),
    trap!("by", "Belarus", ["be"]),
    trap!("kz", "Kazakhstan", ["kk"]),
    trap!("al", "Albania", ["sq"]),
    trap!("si", "Slovenia", ["sl"]), // si is Sinhala: registered
    trap!("se", "Sweden", ["sv"]),   // se is Northern Sami: registered
    trap!("ee", "Estonia", ["et"]),  // ee is Ewe: registered
    trap!("uk", "United Kingdom (not an ISO code; GB)", ["en"]), // uk is Ukrainian: registered
    trap!("kr", "Korea", ["ko"]),    // kr is Kanuri: registered
    trap!("be", "Belgium", ["nl", "fr"]), // be is Belarusian: registered
    trap!("ch", "Switzerland (or China)", ["de", "fr", "zh"]), // ch is Chamorro: registered
    trap!("ca", "Canada", ["en", "fr"]), // ca is Catalan: registered
    trap!("cy", "Cyprus", ["el", "tr"]), // cy is Welsh: registered
    trap!("my", "Malaysia", ["ms"]), // my is Burmese: registered
    trap!("dz", "Algeria", ["ar"]),  // dz is Dzongkha: registered
    trap!("pk", "Pakistan", ["ur"]),
    trap!("bd", "Bangladesh", ["bn"]),
    trap!("ph", "Philippines", ["fil", "tl"]),
];

/// The trap entry for a primary language subtag, if it is a known country-code mix-up.
pub fn country_code_trap(primary: &str) -> Option<&'static CountryCodeTrap> {
    let p = primary.to_ascii_lowercase();
    COUNTRY_CODE_TRAPS.iter().find(|t| t.code == p)
}

/// ISO 639-2 three-letter codes (bibliographic "B" and terminologic "T") that are not in the
/// registry because a two-letter subtag exists (RFC 5646 uses the shortest code). Common
/// music-market languages only.
const ISO639_2: &[(&str, &str)] = &[
    ("alb", "sq"),
    ("sqi", "sq"),
    ("ara", "ar"),
    ("arm", "hy"),
    ("hye", "hy"),
    ("baq", "eu"),
    ("eus", "eu"),
    ("ben", "bn"),
    ("bul", "bg"),
    ("bur", "my"),
    ("mya", "my"),
    ("cat", "ca"),
    ("chi", "zh"),
    ("zho", "zh"),
    ("cze", "cs"),
    ("ces", "cs"),
    ("dan", "da"),
    ("dut", "nl"),
    ("nld", "nl"),
    ("eng", "en"),
    ("est", "et"),
    ("fin", "fi"),
    ("fre", "fr"),
    ("fra", "fr"),
    ("geo", "ka"),
    ("kat", "ka"),
    ("ger", "de"),
    ("deu", "de"),
    ("gle", "ga"),
    ("gre", "el"),
    ("ell", "el"),
    ("heb", "he"),
    ("hin", "hi"),
    ("hrv", "hr"),
    ("hun", "hu"),
    ("ice", "is"),
    ("isl", "is"),
    ("ind", "id"),
    ("ita", "it"),
    ("jpn", "ja"),
    ("kor", "ko"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("mac", "mk"),
    ("mkd", "mk"),
    ("mao", "mi"),
    ("mri", "mi"),
    ("may", "ms"),
    ("msa", "ms"),
    ("nor", "no"),
    ("nob", "nb"),
    ("nno", "nn"),
    ("per", "fa"),
    ("fas", "fa"),
    ("pol", "pl"),
    ("por", "pt"),
    ("rum", "ro"),
    ("ron", "ro"),
    ("rus", "ru"),
    ("slo", "sk"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("spa", "es"),
    ("srp", "sr"),
    ("swe", "sv"),
    ("tha", "th"),
    ("tib", "bo"),
    ("bod", "bo"),
    ("tur", "tr"),
    ("ukr", "uk"),
    ("urd", "ur"),
    ("vie", "vi"),
    ("wel", "cy"),
    ("cym", "cy"),
];

/// Language names (English or native) that the registry's descriptions do not cover.
const EXTRA_NAMES: &[(&str, &str)] = &[
    ("greek", "el"),
    ("deutsch", "de"),
    ("français", "fr"),
    ("francais", "fr"),
    ("español", "es"),
    ("espanol", "es"),
    ("castellano", "es"),
    ("italiano", "it"),
    ("português", "pt"),
    ("portugues", "pt"),
    ("nederlands", "nl"),
    ("svenska", "sv"),
    ("norsk", "no"),
    ("dansk", "da"),
    ("suomi", "fi"),
    ("polski", "pl"),
    ("čeština", "cs"),
    ("magyar", "hu"),
    ("türkçe", "tr"),
    ("turkce", "tr"),
    ("русский", "ru"),
    ("українська", "uk"),
    ("ελληνικά", "el"),
    ("עברית", "he"),
    ("العربية", "ar"),
    ("فارسی", "fa"),
    ("farsi", "fa"),
    ("日本語", "ja"),
    ("中文", "zh"),
    ("한국어", "ko"),
    ("mandarin", "zh"),
];

/// A language subtag for a string that is a language *name* or an ISO 639-2 three-letter
/// code instead of a subtag: `English` → `en`, `Deutsch` → `de`, `ger` → `de`, `jpn` → `ja`.
/// Uses the registry's descriptions plus a small table of native names. Suggestion only.
pub fn suggest_language_for(name: &str) -> Option<&'static str> {
    let n = name.trim().to_lowercase();
    if let Some((_, l)) = ISO639_2.iter().chain(EXTRA_NAMES).find(|(k, _)| *k == n) {
        return Some(l);
    }
    registry().language_by_name(&n)
}

/// Candidate language subtags for text in a script (G5 suggestions): unambiguous scripts give
/// one candidate (`Jpan`/`Hira`/`Kana` → `ja`, `Hang`/`Kore` → `ko`, `Hebr` → `he`, `Grek` →
/// `el`), ambiguous ones several (`Cyrl` → ru, uk, bg, sr, be, mk; `Arab` → ar, fa, ur; `Hani`
/// → zh-Hans, zh-Hant, ja). Empty when unknown.
pub fn languages_for_script(script: ScriptCode) -> &'static [&'static str] {
    match script.as_str() {
        "Jpan" | "Hira" | "Kana" | "Hrkt" => &["ja"],
        "Hang" | "Kore" | "Jamo" => &["ko"],
        "Hebr" => &["he"],
        "Grek" => &["el"],
        "Cyrl" => &["ru", "uk", "bg", "sr", "be", "mk"],
        "Arab" => &["ar", "fa", "ur"],
        "Hani" => &["zh-Hans", "zh-Hant", "ja"],
        "Hans" => &["zh-Hans"],
        "Hant" => &["zh-Hant"],
        "Thai" => &["th"],
        "Armn" => &["hy"],
        "Geor" => &["ka"],
        "Deva" => &["hi", "mr", "ne"],
        "Beng" => &["bn", "as"],
        "Taml" => &["ta"],
        "Telu" => &["te"],
        "Knda" => &["kn"],
        "Mlym" => &["ml"],
        "Gujr" => &["gu"],
        "Guru" => &["pa"],
        "Sinh" => &["si"],
        "Khmr" => &["km"],
        "Laoo" => &["lo"],
        "Mymr" => &["my"],
        "Ethi" => &["am", "ti"],
        "Tibt" => &["bo", "dz"],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traps_split_matches_registry() {
        let registered: Vec<&str> = COUNTRY_CODE_TRAPS
            .iter()
            .filter(|t| t.is_registered_language())
            .map(|t| t.code)
            .collect();
        assert_eq!(
            registered,
            [
                "tw", "ie", "ar", "co", "br", "sa", "ae", "si", "se", "ee", "uk", "kr", "be", "ch",
                "ca", "cy", "my", "dz"
            ]
        );
        for t in COUNTRY_CODE_TRAPS {
            for l in t.likely {
                assert!(registry().language(l).is_some(), "{l}");
            }
        }
        assert_eq!(country_code_trap("JP").unwrap().likely, ["ja"]);
        assert_eq!(
            country_code_trap("si").unwrap().registered_name(),
            Some("Sinhala")
        );
        assert_eq!(country_code_trap("se").unwrap().likely, ["sv"]);
        assert!(country_code_trap("ja").is_none());
    }

    #[test]
    fn name_suggestions() {
        assert_eq!(suggest_language_for("English"), Some("en"));
        assert_eq!(suggest_language_for(" Japanese "), Some("ja"));
        assert_eq!(suggest_language_for("Deutsch"), Some("de"));
        assert_eq!(suggest_language_for("ger"), Some("de"));
        assert_eq!(suggest_language_for("CHI"), Some("zh"));
        assert_eq!(suggest_language_for("Greek"), Some("el"));
        assert_eq!(suggest_language_for("日本語"), Some("ja"));
        assert_eq!(suggest_language_for("xyzzy"), None);
        for (code, l) in ISO639_2 {
            assert!(registry().language(code).is_none(), "{code} is registered");
            assert!(registry().language(l).is_some(), "{l}");
        }
    }

    #[test]
    fn script_candidates() {
        assert_eq!(languages_for_script(ScriptCode::JPAN), ["ja"]);
        assert_eq!(languages_for_script(ScriptCode::HANG), ["ko"]);
        assert_eq!(languages_for_script(ScriptCode::CYRL).len(), 6);
        assert!(languages_for_script(ScriptCode::LATN).is_empty());
    }
}
