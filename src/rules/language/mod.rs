//! Language and localization rules (rules.md §4, catalogue G1–G7).
//!
//! Two kinds of rules live here:
//! - *tag rules* look at every `LanguageAndScriptCode` attribute of the message
//!   ([`Feed::lang_attrs`]) and report at the element that carries it;
//! - *text rules* look at every displayed text with its effective language (catalogue §0.4,
//!   [`Feed::display_texts`]) and report at the element that holds the text, naming the tag and
//!   where it came from.
//!
//! The helpers below are shared by both: tag analysis with a per-run cache, the texts a tag
//! applies to, script evidence of a text (catalogue §0.5, counted over letters only, so digits,
//! punctuation, fullwidth forms and Roman numerals never count), and message formatting.

pub mod lang_chinese_without_script;
pub mod lang_script_mismatch;
pub mod lang_tag_country_code_as_language;
pub mod lang_tag_invalid_or_deprecated_subtag;
pub mod lang_tag_malformed;
pub mod lang_tag_missing_inherits_english;
pub mod lang_tag_redundant_script;

mod han;

// Localized variants: every variant of one title or name, grouped by locale.
pub mod artist_non_latin_without_latin_name;
mod findable;
pub mod label_script_without_latin_alternative;
pub mod lang_default_duplicate;
pub mod lang_localization_duplicate_or_identical;
pub mod lang_transliteration_casing;
pub mod lang_transliteration_without_original;
pub mod title_non_latin_without_latin_variant;
pub mod variants;

use crate::hash::FastMap;
use crate::text::FastUnicode;

use unicode_script::Script;

use crate::ern::{AttrValue, Feed, Lang, LangSource, Localized, TextField, Title};
use crate::rules::shared::prefetch_ahead;
use crate::rules::Context;
use crate::text::script::{is_letter, letter_script};
use crate::text::{native_script, CountryCodeTrap, ScriptCode, SubtagKind, TagAnalysis};

/// Parses each distinct tag value once per rule run.
#[derive(Default)]
pub(crate) struct TagCache {
    memo: crate::rules::memo::StrMemo<std::sync::Arc<TagAnalysis>>,
}

impl TagCache {
    pub(crate) fn get(&mut self, raw: &str) -> &TagAnalysis {
        self.memo.get_or(raw, crate::text::parse_tag_shared)
    }
}

/// The local name of the element whose start tag begins at `offset` (`DisplayTitle`).
pub(crate) fn element_name<'s>(cx: &'s Context, offset: u32) -> &'s str {
    let rest = cx.source.text.get(offset as usize + 1..).unwrap_or("");
    // Names end at an ASCII byte, so a byte scan finds the same end as a char scan.
    let end = rest
        .bytes()
        .position(|b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
        .unwrap_or(rest.len());
    let qname = &rest[..end];
    qname.rsplit(':').next().unwrap_or(qname)
}

/// Where a text's language is best declared, for help texts: `on the title element that
/// holds it`, `on its <PartyName>`, `on <DisplayArtistName>`.
pub(crate) fn where_to_declare(cx: &Context, text_elem: u32) -> String {
    match element_name(cx, text_elem) {
        "TitleText" | "SubTitle" => "on the title element that holds it".to_string(),
        "FullName" | "FullNameIndexed" | "KeyName" | "NamesBeforeKeyName" | "NamesAfterKeyName" | "AbbreviatedName" => {
            "on its <PartyName>".to_string()
        }
        "PLineText" | "PLineCompany" => "on its <PLine>".to_string(),
        "CLineText" | "CLineCompany" => "on its <CLine>".to_string(),
        name => format!("on <{name}>"),
    }
}

/// A displayed text the language rules look at, with what they first ask of every text
/// (where its language comes from, its tag, whether its letters can only be Latin) read once
/// when the list is built: on a batch file, reading the model and the text again is a cache
/// miss per text and rule, and most texts are settled by these alone.
pub(crate) struct TextUse<'f, 'a> {
    pub field: TextField,
    /// `loc.lang.source`.
    source: LangSource,
    /// [`is_plain_latin`] of the text.
    plain_latin: bool,
    /// Index of `loc.lang.tag()` in [`LanguageTexts::tags`].
    tag: u32,
    pub loc: &'f Localized<'a>,
}

impl TextUse<'_, '_> {
    /// [`contradicts`] for this text.
    pub(crate) fn contradicts(&self, expected: ScriptCode) -> bool {
        // The plain-Latin shortcut of `contradicts`, told when the list was built.
        if is_latin_code(expected) && self.plain_latin {
            return false;
        }
        letters_contradict(self.loc.value(), expected)
    }

    /// Whether the language is only inherited from the message root or DDEX's default.
    pub(crate) fn inherits_root(&self) -> bool {
        matches!(self.source, LangSource::Root | LangSource::Default)
    }
}

/// [`texts`] and their distinct tags.
pub(crate) struct LanguageTexts<'f, 'a> {
    texts: Vec<TextUse<'f, 'a>>,
    /// Each distinct `Lang::tag` of the texts, in order of first use.
    tags: Vec<&'f str>,
}

/// Every non-empty displayed text, except `FullNameAsciiTranscribed` (Latin by definition,
/// whatever language its `PartyName` declares); computed once per file.
pub(crate) fn texts<'c, 'f, 'a>(cx: &'c Context<'f, 'a>) -> &'c [TextUse<'f, 'a>] {
    &language_texts(cx).texts
}

fn language_texts<'c, 'f, 'a>(cx: &'c Context<'f, 'a>) -> &'c LanguageTexts<'f, 'a> {
    cx.shared.language_texts.get_or_init(|| {
        let mut ids = crate::rules::memo::StrMemo::default();
        let mut tags = Vec::new();
        let all = cx.display_texts();
        let texts = (0..all.len())
            .map(|i| {
                prefetch_ahead(all, i);
                &all[i]
            })
            .filter(|(_, t)| !t.text.value.trim().is_empty())
            .filter(|(field, t)| {
                *field != TextField::PartyNameOther || element_name(cx, t.text.elem) != "FullNameAsciiTranscribed"
            })
            .map(|&(field, loc)| {
                let tag: &'f str = loc.lang.tag();
                let tag = *ids.get_or(tag, |_| {
                    tags.push(tag);
                    tags.len() as u32 - 1
                });
                TextUse {
                    field,
                    source: loc.lang.source,
                    plain_latin: is_plain_latin(loc.value()),
                    tag,
                    loc,
                }
            })
            .collect();
        LanguageTexts { texts, tags }
    })
}

/// The analysis of each distinct tag of the [`texts`], parsed once per rule run rather than
/// looked up for each text.
pub(crate) struct TagAnalyses {
    by_tag: Vec<std::sync::Arc<TagAnalysis>>,
}

impl TagAnalyses {
    pub(crate) fn new(cx: &Context) -> TagAnalyses {
        let tags = &language_texts(cx).tags;
        TagAnalyses {
            by_tag: tags.iter().map(|t| crate::text::parse_tag_shared(t)).collect(),
        }
    }

    /// The analysis of the tag of `t`.
    pub(crate) fn of(&self, t: &TextUse) -> &TagAnalysis {
        &self.by_tag[t.tag as usize]
    }
}

/// A part (`TitleText` or `SubTitle`) of a title that has subtitles.
pub(crate) struct TitlePart<'f, 'a> {
    title: &'f Title<'a>,
    subtitle: bool,
}

impl TitlePart<'_, '_> {
    /// The whole title: `TitleText` and `SubTitle`s joined (`夜明けのうた Acoustic Version`).
    pub fn whole(&self) -> String {
        let parts = self.title.text.iter().chain(&self.title.subtitles);
        parts.map(|p| p.value().trim()).collect::<Vec<_>>().join(" ")
    }

    /// For a `SubTitle`, its title's `TitleText`.
    pub fn main(&self) -> Option<&str> {
        self.title.text.as_ref().filter(|_| self.subtitle).map(|t| t.value())
    }
}

/// The parts (`TitleText` and every `SubTitle`) of each title that has subtitles, keyed by the
/// part's text position: a title and its subtitles are judged together, so an English version
/// marker under a Japanese title passes. The texts are read only for the parts asked about.
pub(crate) fn title_parts<'f, 'a>(feed: &'f Feed<'a>) -> FastMap<u32, TitlePart<'f, 'a>> {
    let mut map = FastMap::default();
    for d in feed.displays() {
        for title in d.titles.iter().filter(|t| !t.subtitles.is_empty()) {
            if let Some(t) = &title.text {
                map.insert(t.text.span.start, TitlePart { title, subtitle: false });
            }
            for s in &title.subtitles {
                map.insert(s.text.span.start, TitlePart { title, subtitle: true });
            }
        }
    }
    map
}

/// The [`texts`] whose effective language is declared by the attribute at `attr_start`.
pub(crate) fn texts_with_attr<'c, 'f, 'a>(cx: &'c Context<'f, 'a>, attr_start: u32) -> Vec<&'c TextUse<'f, 'a>> {
    let all = texts(cx);
    let by_attr = texts_by_attr(cx);
    let key = u64::from(attr_start) << 32;
    let from = by_attr.partition_point(|&p| p < key);
    by_attr[from..]
        .iter()
        .take_while(|&&p| p >> 32 == u64::from(attr_start))
        .map(|&p| &all[(p & 0xffff_ffff) as usize])
        .collect()
}

/// The (attribute value start, index in [`texts`]) pairs of the texts whose effective
/// language an attribute declares, sorted: one allocation, no hashing.
fn texts_by_attr<'c>(cx: &'c Context) -> &'c [u64] {
    let all = texts(cx);
    cx.shared.language_texts_by_attr.get_or_init(|| {
        let mut pairs: Vec<u64> = all
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                t.loc
                    .lang
                    .attr
                    .as_ref()
                    .map(|a| (u64::from(a.span.start) << 32) | i as u64)
            })
            .collect();
        pairs.sort_unstable();
        pairs
    })
}

/// The [`texts`] inside content items whose effective language is declared by an attribute
/// outside them (the message root's, say), for the attributes whose value is `wanted`, each
/// with its texts in document order: what a rule of message scope reads of those attributes
/// in `collect`.
pub(crate) fn outer_attr_texts<'c, 'f, 'a>(
    cx: &'c Context<'f, 'a>,
    wanted: impl FnMut(&str) -> bool,
) -> Vec<(&'f AttrValue<'a>, Vec<&'c TextUse<'f, 'a>>)> {
    let LanguageTexts { texts: all, tags } = language_texts(cx);
    // The texts' few distinct tags tell first whether any attribute is wanted.
    let wanted: Vec<bool> = tags.iter().copied().map(wanted).collect();
    if !wanted.contains(&true) {
        return Vec::new();
    }
    let by_attr = texts_by_attr(cx);
    let mut content = cx.content_walk();
    let mut out = Vec::new();
    for group in by_attr.chunk_by(|a, b| a >> 32 == b >> 32) {
        let first = &all[(group[0] & 0xffff_ffff) as usize];
        // An attribute's value lies inside the element that carries it.
        if !wanted[first.tag as usize] || content.contains((group[0] >> 32) as u32) {
            continue;
        }
        let Some(attr) = first.loc.lang.attr.as_deref() else {
            continue;
        };
        let inside: Vec<&TextUse> = group
            .iter()
            .map(|&p| &all[(p & 0xffff_ffff) as usize])
            .filter(|t| cx.is_in_content(t.loc.text.elem))
            .collect();
        if !inside.is_empty() {
            out.push((attr, inside));
        }
    }
    out
}

/// Elements whose `LanguageAndScriptCode` speaks for one text (or the variants of one title or
/// name) rather than for a whole release, resource, territory block or message.
const TEXT_CONTAINERS: &[&str] = &[
    "DisplayTitleText",
    "DisplayTitle",
    "TitleText",
    "SubTitle",
    "Title",
    "ReferenceTitle",
    "AdditionalTitle",
    "FormalTitle",
    "GroupingTitle",
    "PartyName",
    "FullName",
    "FullNameIndexed",
    "KeyName",
    "NamesBeforeKeyName",
    "NamesAfterKeyName",
    "DisplayArtistName",
    "DisplayArtist",
    "LabelName",
    "PLine",
    "CLine",
    "PLineText",
    "CLineText",
    "PLineCompany",
    "CLineCompany",
];

/// Whether the text's language was declared for this text (on it or on the element grouping
/// its variants) rather than inherited from a release, territory block or the message root.
pub(crate) fn declared_for_text(cx: &Context, lang: &Lang) -> bool {
    match (lang.source, &lang.attr) {
        (LangSource::Own, _) => true,
        (LangSource::Container, Some(a)) => TEXT_CONTAINERS.contains(&element_name(cx, a.elem)),
        _ => false,
    }
}

/// Where a text's language comes from, for messages: `its own LanguageAndScriptCode 'ja-Latn'`,
/// `LanguageAndScriptCode 'ja' inherited from <Title> (line 12)`, …
pub(crate) fn origin(cx: &Context, lang: &Lang) -> String {
    match (&lang.attr, lang.source) {
        (Some(a), LangSource::Own) => format!("its own LanguageAndScriptCode '{}'", a.value),
        (Some(a), LangSource::Root) => format!(
            "LanguageAndScriptCode '{}' inherited from the message root (line {})",
            a.value,
            cx.source.line_of(a.elem)
        ),
        (Some(a), _) => format!(
            "LanguageAndScriptCode '{}' inherited from <{}> (line {})",
            a.value,
            element_name(cx, a.elem),
            cx.source.line_of(a.elem)
        ),
        (None, _) => "DDEX's default 'en' (no LanguageAndScriptCode in the message)".to_string(),
    }
}

/// A text for a message: trimmed, at most 40 characters.
pub(crate) fn quote(text: &str) -> String {
    let t = text.trim();
    if t.chars().count() <= 40 {
        t.to_string()
    } else {
        let mut s: String = t.chars().take(39).collect();
        s.push('…');
        s
    }
}

/// A field's noun for messages.
pub(crate) fn field_noun(field: TextField) -> &'static str {
    match field {
        TextField::Title => "title",
        TextField::SubTitle => "subtitle",
        TextField::ArtistName => "artist name",
        TextField::PartyName | TextField::PartyNameOther => "name",
        TextField::LabelName => "label name",
        TextField::RightsLine => "rights line",
        TextField::RightsCompany => "rights company",
    }
}

/// Letter counts of a text against an expected script.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Letters {
    /// Letters with a script (Common letters such as `ª` are not counted).
    pub total: usize,
    /// Letters in the expected script.
    pub expected: usize,
    /// Latin letters (when the expected script is not Latin).
    pub latin: usize,
    /// Letters of any other script.
    pub other: usize,
    /// `other`, with Han, kana and Hangul letters counted twice: one such character stands
    /// for a syllable or a word, and `夜明けのうた (Acoustic)` is Japanese with an English
    /// version marker, not English.
    pub other_weighted: usize,
}

/// How many Latin letters one letter of `ext` is worth when comparing scripts.
fn weight(ext: unicode_script::ScriptExtension) -> usize {
    if [Script::Han, Script::Hiragana, Script::Katakana, Script::Hangul]
        .iter()
        .any(|s| ext.contains_script(*s))
    {
        2
    } else {
        1
    }
}

/// The scripts a tag's script code stands for when matching text: `Kana` and `Hira` both
/// accept either kana (a reading may be written in either), Latin variants accept Latin.
fn match_code(expected: ScriptCode) -> ScriptCode {
    match expected.as_str() {
        "Kana" | "Hira" => ScriptCode::new("Hrkt").unwrap_or(expected),
        _ => expected,
    }
}

/// Counts the letters of `text` in, or outside, `expected` (§0.5 over letters, by
/// `Script_Extensions`: digits, punctuation, fullwidth punctuation, symbols, combining marks
/// and Roman numerals are not letters or are Common/Inherited, and are skipped; `ー` counts as
/// kana).
pub(crate) fn letters(text: &str, expected: ScriptCode) -> Letters {
    letters_in(text, &match_code(expected).components())
}

/// [`letters`] against the scripts of the expected code, looked up once by the caller.
fn letters_in(text: &str, comps: &crate::text::ScriptSet) -> Letters {
    let mut n = Letters::default();
    for c in text.chars().filter(|c| is_letter(*c)) {
        let ext = c.script_extension_fast();
        if ext.is_common() || ext.is_inherited() || ext.is_empty() {
            continue;
        }
        n.total += 1;
        if comps.iter().any(|s| ext.contains_script(s)) {
            n.expected += 1;
        } else if ext.contains_script(Script::Latin) {
            n.latin += 1;
        } else {
            n.other += 1;
            n.other_weighted += weight(ext);
        }
    }
    n
}

/// Whether the text's letters contradict the expected script (catalogue G6, tuned so that
/// mixed titles pass):
/// - Latin expected: letters of other scripts outnumber the Latin ones, a Han, kana or Hangul
///   letter counting as two (`夜明けのうた (Acoustic)` contradicts `en`, `Live at 武道館`
///   and `Tokyo Night (東京の夜)` do not);
/// - any other script: no letter of it at all, or other non-Latin scripts outnumber it more
///   than two to one. Latin words inside non-Latin text ("LOVEソング", "Ночь (Live)") are
///   always tolerated.
///
/// Texts without letters never contradict anything. Script codes without letters of their
/// own (`Zyyy`, `Zxxx`, `Qaaa`) are never contradicted.
pub(crate) fn contradicts(text: &str, expected: ScriptCode) -> bool {
    if is_latin_code(expected) && is_plain_latin(text) {
        return false; // no letter of another script: nothing outweighs the Latin ones
    }
    letters_contradict(text, expected)
}

/// [`contradicts`] after its plain-Latin shortcut, by counting letters.
fn letters_contradict(text: &str, expected: ScriptCode) -> bool {
    // `match_code` only widens kana codes, so the components are empty exactly when the
    // expected code's are.
    let comps = match_code(expected).components();
    if comps.is_empty() {
        return false;
    }
    let n = letters_in(text, &comps);
    if n.total == 0 {
        return false;
    }
    if is_latin_code(expected) {
        n.other_weighted > n.expected
    } else {
        n.expected == 0 || n.expected * 10 < 3 * (n.expected + n.other)
    }
}

/// Whether every character is ASCII or in U+00C0–U+024F (the letters of the Latin-1
/// Supplement and Latin Extended-A/B, and × ÷, which are no letters): a text whose letters can
/// only be Latin, told without a script lookup.
pub(crate) fn is_plain_latin(text: &str) -> bool {
    text.is_ascii() || text.chars().all(|c| c.is_ascii() || matches!(c, '\u{C0}'..='\u{24F}'))
}

fn is_latin_code(code: ScriptCode) -> bool {
    matches!(code.as_str(), "Latn" | "Latf" | "Latg")
}

/// The script a text is written in, as a tag's script code: `Latn` when Latin letters are the
/// majority (Han, kana and Hangul letters counting as two, as in [`contradicts`]); else `Jpan` when there is kana, `Kore` when there is Hangul, `Hani` for Han
/// alone, otherwise the most frequent non-Latin script. `None` without letters.
pub(crate) fn text_script(text: &str) -> Option<ScriptCode> {
    let (mut latin, mut kana, mut hangul, mut han) = (0usize, 0usize, 0usize, 0usize);
    let mut others: Vec<(Script, usize)> = Vec::new();
    for c in text.chars().filter(|c| is_letter(*c)) {
        let Some(s) = letter_script(c) else { continue };
        match s {
            Script::Latin => latin += 1,
            Script::Hiragana | Script::Katakana => kana += 1,
            Script::Hangul => hangul += 1,
            Script::Han => han += 1,
            s => match others.iter_mut().find(|(x, _)| *x == s) {
                Some((_, k)) => *k += 1,
                None => others.push((s, 1)),
            },
        }
    }
    let non_latin = kana + hangul + han + others.iter().map(|(_, k)| k).sum::<usize>();
    if latin + non_latin == 0 {
        return None;
    }
    if latin >= non_latin + kana + hangul + han {
        return Some(ScriptCode::LATN);
    }
    let cjk = kana + hangul + han;
    let top = others.iter().max_by_key(|(_, k)| *k).copied();
    if cjk > 0 && top.is_none_or(|(_, k)| cjk >= k) {
        return Some(if kana > 0 {
            ScriptCode::JPAN
        } else if hangul > 0 {
            ScriptCode::KORE
        } else {
            ScriptCode::HANI
        });
    }
    top.map(|(s, _)| ScriptCode::from_script(s))
}

/// Whether text in `detected` script (as [`text_script`] gives it) fits the language's native
/// script: `ja` takes `Jpan` and `Hani`, `ko` takes `Kore` and `Hani`, `zh` takes `Hani` but not
/// `Jpan` (kana) nor `Kore` (Hangul). `false` when the language has no native script.
pub(crate) fn script_fits_language(detected: ScriptCode, language: &str) -> bool {
    let Some(native) = native_script(language) else {
        return false;
    };
    if native == detected {
        return true;
    }
    let comps = native.components();
    // What tells the detected script apart: kana for Jpan, Hangul for Kore.
    let key: &[Script] = match detected.as_str() {
        "Jpan" => &[Script::Hiragana, Script::Katakana],
        "Kore" => &[Script::Hangul],
        _ => &[],
    };
    if key.is_empty() {
        detected.components().iter().any(|s| comps.contains(s))
    } else {
        key.iter().any(|s| comps.contains(*s))
    }
}

/// `tag` with its primary language subtag replaced (`jp-JP` → `ja-JP`).
pub(crate) fn with_language(tag: &str, language: &str) -> String {
    match tag.find('-') {
        Some(i) => format!("{language}{}", &tag[i..]),
        None => language.to_string(),
    }
}

/// A tag for `language` written in `script`: the script subtag is left out when it is the
/// language's Suppress-Script (`ja` + `Jpan` → `ja`, `sr` + `Latn` → `sr-Latn`), the region
/// of `like` is kept.
pub(crate) fn tag_for(language: &str, script: ScriptCode, like: &TagAnalysis) -> String {
    let mut t = language.to_string();
    let suppress = crate::text::registry()
        .language(language)
        .and_then(|e| e.suppress_script)
        .and_then(ScriptCode::new);
    if suppress != Some(script) && script != ScriptCode::HANI {
        t.push('-');
        t.push_str(script.as_str());
    }
    if let Some(r) = like.parts.as_ref().and_then(|p| p.region.as_deref()) {
        t.push('-');
        t.push_str(r);
    }
    t
}

/// Letters that Swedish (and Finnish, Norwegian) use and Northern Sami writing does not
/// distinguish it by, and the letters only Northern Sami uses (catalogue G3).
const SWEDISH_LETTERS: &[char] = &['å', 'ä', 'ö', 'Å', 'Ä', 'Ö'];
const SAMI_LETTERS: &[char] = &['á', 'č', 'đ', 'ŋ', 'š', 'ŧ', 'ž', 'Á', 'Č', 'Đ', 'Ŋ', 'Š', 'Ŧ', 'Ž'];

/// Catalogue G3 "valid-but-wrong traps": a registered language code that is also a country
/// code (`si` Sinhala / Slovenia, `kr` Kanuri / Korea) on a text whose script contradicts the
/// code's language and fits the language that was likely meant. Returns that likely language.
///
/// - the code's language has a non-Latin script (`si` Sinh, `be`/`uk` Cyrl, `ar` Arab, `my`
///   Mymr, `dz` Tibt): the text is not in it and fits a likely language (`si` on Latin → `sl`);
/// - otherwise only non-Latin evidence counts (`kr` on Hangul → `ko`, `ch` on Han → `zh`,
///   `cy` on Greek → `el`), plus `se` on text with å/ä/ö and no Sami letter → `sv`. Latin
///   text under `ca`, `cy`, `kr`, `ee` … cannot tell and is left alone.
pub(crate) fn trap_evidence(trap: &CountryCodeTrap, text: &str) -> Option<&'static str> {
    if !trap.is_registered_language() {
        return None;
    }
    if trap.code == "se" {
        let swedish = text.chars().any(|c| SWEDISH_LETTERS.contains(&c));
        let sami = text.chars().any(|c| SAMI_LETTERS.contains(&c));
        if swedish && !sami {
            return Some("sv");
        }
    }
    let detected = text_script(text)?;
    let own = native_script(trap.code);
    let own_is_latin = own.is_none_or(is_latin_code);
    if own_is_latin && detected == ScriptCode::LATN {
        return None;
    }
    if own.is_some_and(|s| !contradicts(text, s)) {
        return None;
    }
    trap.likely
        .iter()
        .copied()
        .find(|l| script_fits_language(detected, l) && native_script(l).is_some_and(|s| !contradicts(text, s)))
}

/// Whether `text` fits the non-Latin script of a trap code's own language (a Sinhala title
/// under `si`): then the code is probably meant as that language.
pub(crate) fn fits_trap_language(trap: &CountryCodeTrap, text: &str) -> bool {
    native_script(trap.code)
        .is_some_and(|s| !is_latin_code(s) && letters(text, s).expected > 0 && !contradicts(text, s))
}

/// The verdict of catalogue G3 on a registered trap code for the texts it applies to: the first
/// text that contradicts it (with the language likely meant), when no text fits the code's
/// own language. Under a tag inherited from a release, territory block or the root, only
/// titles are evidence (names keep their own spelling whatever the release's language).
pub(crate) fn trap_verdict<'t, 'f, 'a>(
    cx: &Context,
    trap: &CountryCodeTrap,
    texts: &[&'t TextUse<'f, 'a>],
) -> Option<(&'t TextUse<'f, 'a>, &'static str)> {
    if !trap.is_registered_language() || texts.iter().any(|t| fits_trap_language(trap, t.loc.value())) {
        return None;
    }
    texts
        .iter()
        .filter(|t| is_title(t.field) || declared_for_text(cx, &t.loc.lang))
        .find_map(|t| trap_evidence(trap, t.loc.value()).map(|l| (*t, l)))
}

/// Titles and subtitles (as opposed to names and rights lines).
pub(crate) fn is_title(field: TextField) -> bool {
    matches!(field, TextField::Title | TextField::SubTitle)
}

/// A script code in words: `Latin`, `Cyrillic`, `Japanese (kana and kanji)`, `Hangul`.
pub(crate) fn script_name(code: ScriptCode) -> String {
    match code.as_str() {
        "Latn" => "Latin".into(),
        "Jpan" => "Japanese (kana and kanji)".into(),
        "Kore" => "Korean (Hangul)".into(),
        "Hani" => "Han (Chinese characters)".into(),
        "Hans" => "Simplified Han".into(),
        "Hant" => "Traditional Han".into(),
        "Kana" => "Katakana".into(),
        "Hira" => "Hiragana".into(),
        c => crate::text::registry()
            .script(c)
            .map(|e| e.name().to_string())
            .unwrap_or_else(|| c.to_string()),
    }
}

/// A language subtag in words (`sl` → `Slovenian`).
pub(crate) fn language_name(subtag: &str) -> String {
    crate::text::registry()
        .language(subtag)
        .map(|e| {
            // `Modern Greek (1453-)` → `Modern Greek`, `Malay (macrolanguage)` → `Malay`.
            let name = e.name();
            name.split(" (").next().unwrap_or(name).to_string()
        })
        .unwrap_or_else(|| subtag.to_string())
}

/// A tag's attribute for messages: `LanguageAndScriptCode 'en_US' on <DisplayTitle>`.
pub(crate) fn attr_label(cx: &Context, attr: &AttrValue) -> String {
    format!(
        "LanguageAndScriptCode '{}' on <{}>",
        attr.value,
        element_name(cx, attr.elem)
    )
}

/// A valid tag for a well-formed (possibly repaired) but invalid one, when every unregistered subtag has a known
/// replacement (language names and ISO 639-2 codes, region `UK` → `GB`).
pub(crate) fn valid_replacement(a: &TagAnalysis, fixed: &str) -> Option<String> {
    if a.unknown.is_empty() || !a.duplicates.is_empty() || !a.extlang_prefix_mismatch.is_empty() {
        return None;
    }
    let mut parts: Vec<String> = fixed.split('-').map(str::to_string).collect();
    for u in &a.unknown {
        match u.kind {
            SubtagKind::Language => {
                // An ambiguous country code (`ge`: Georgian or German?) has no one answer.
                if a.country_code_trap.is_some_and(|t| t.likely.len() > 1) {
                    return None;
                }
                parts[0] = a.suggested_language?.to_string();
            }
            SubtagKind::Extlang => {
                let script = misspelled_script(&u.subtag)?;
                let slot = parts.iter_mut().skip(1).find(|p| p.eq_ignore_ascii_case(&u.subtag))?;
                *slot = script.to_string();
            }
            SubtagKind::Region if u.subtag == "UK" => {
                let slot = parts.iter_mut().skip(1).find(|p| p.as_str() == "UK")?;
                *slot = "GB".to_string();
            }
            _ => return None,
        }
    }
    Some(parts.join("-"))
}

/// A common script code with one letter dropped, read as an (unknown) extended language
/// subtag: `ar-Ltn` → `Latn`, `sr-Cyr` → `Cyrl`.
fn misspelled_script(subtag: &str) -> Option<&'static str> {
    const COMMON: &[&str] = &[
        "Latn", "Cyrl", "Grek", "Arab", "Hebr", "Jpan", "Kore", "Hans", "Hant", "Hani", "Deva", "Thai",
    ];
    COMMON.iter().copied().find(|s| {
        (0..4).any(|i| {
            let mut short = s.to_ascii_lowercase();
            short.remove(i);
            short.eq_ignore_ascii_case(subtag)
        })
    })
}

/// Suggested Chinese script for a text from its characters, if they tell (see [`han`]).
pub(crate) fn chinese_script(text: &str) -> Option<ScriptCode> {
    han::chinese_script(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::parse_tag;

    #[test]
    fn mismatch_tolerates_mixed_titles() {
        let jpan = ScriptCode::JPAN;
        assert!(!contradicts("LOVEソング", jpan));
        assert!(!contradicts("夢のはじまり－風のおくりもの（イントロダクション）", jpan));
        assert!(!contradicts("Ｍｏｔｈｅｒ’ｓ　Ｓｏｎｇ－こどもたちへ－", jpan));
        assert!(!contradicts("～夏の思い出 (インストゥルメンタル)", jpan));
        assert!(contradicts("Yoake no Uta", jpan));
        assert!(contradicts("봄비", jpan));
        let kana = ScriptCode::new("Kana").unwrap();
        assert!(!contradicts("ﾕﾒﾉﾊｼﾞﾏﾘ", kana));
        assert!(!contradicts("ｼｭｳｻｴｺ", kana));
        assert!(!contradicts("ライウ゛・アット・ブドーカン", kana));
        assert!(!contradicts("しゅうさえこ", kana));
        let latn = ScriptCode::LATN;
        assert!(!contradicts("Saeko Shu", latn));
        assert!(!contradicts("Symphony No. Ⅸ – 2024 (Live)", latn));
        assert!(!contradicts("Tokyo Night (東京の夜)", latn));
        assert!(!contradicts("Live at 武道館", latn));
        assert!(contradicts("夜明けのうた (Acoustic)", latn));
        assert!(!contradicts("Love Song Любовь", latn));
        assert!(contradicts("Love Любовь", latn));
        assert!(contradicts("夜明けのうた", latn));
        assert!(contradicts("Тихий Дом Live", latn));
        assert!(!contradicts("123 – （）", latn));
        let cyrl = ScriptCode::CYRL;
        assert!(!contradicts("Ночь (Acoustic Remix Version)", cyrl));
        assert!(contradicts("Beograd", cyrl));
        assert!(contradicts("Ο δρόμος", cyrl));
        assert!(!contradicts("Ο δρόμος", ScriptCode::GREK));
        assert!(contradicts("O dromos", ScriptCode::GREK));
        assert!(!contradicts("anything", ScriptCode::new("Zyyy").unwrap()));
    }

    #[test]
    fn detected_scripts() {
        assert_eq!(text_script("夜明けのうた"), Some(ScriptCode::JPAN));
        assert_eq!(text_script("LOVEソング"), Some(ScriptCode::JPAN));
        assert_eq!(text_script("夜明けのうた (Acoustic)"), Some(ScriptCode::JPAN));
        assert_eq!(text_script("Live at 武道館 2"), Some(ScriptCode::LATN));
        assert_eq!(text_script("봄비"), Some(ScriptCode::KORE));
        assert_eq!(text_script("聽見海"), Some(ScriptCode::HANI));
        assert_eq!(text_script("Тихий Дом Live"), Some(ScriptCode::CYRL));
        assert_eq!(text_script("Ο δρόμος"), Some(ScriptCode::GREK));
        assert_eq!(text_script("123 ()"), None);
    }

    #[test]
    fn traps() {
        let t = |c| crate::text::country_code_trap(c).unwrap();
        assert_eq!(trap_evidence(t("si"), "Zimska pravljica"), Some("sl"));
        assert_eq!(trap_evidence(t("si"), "ශ්‍රී ලංකා"), None);
        assert_eq!(trap_evidence(t("kr"), "봄비"), Some("ko"));
        assert_eq!(trap_evidence(t("kr"), "Kanuri words"), None);
        assert_eq!(trap_evidence(t("ch"), "聽見海"), Some("zh"));
        assert_eq!(trap_evidence(t("se"), "Mörket faller"), Some("sv"));
        assert_eq!(trap_evidence(t("se"), "Čuovgga ája"), None);
        assert_eq!(trap_evidence(t("be"), "Nuit blanche"), Some("nl"));
        assert_eq!(trap_evidence(t("be"), "Белая ноч"), None);
        assert_eq!(trap_evidence(t("ca"), "Winter Song"), None);
        assert_eq!(trap_evidence(t("uk"), "Rainy Days"), Some("en"));
        assert_eq!(trap_evidence(t("uk"), "Щедрик"), None);
    }

    #[test]
    fn tag_building() {
        let a = parse_tag("ja-Latn-JP");
        assert_eq!(tag_for("ja", ScriptCode::JPAN, &a), "ja-JP");
        assert_eq!(tag_for("sr", ScriptCode::LATN, &parse_tag("sr-Cyrl")), "sr-Latn");
        assert_eq!(tag_for("el", ScriptCode::LATN, &parse_tag("el")), "el-Latn");
        assert_eq!(with_language("jp-JP", "ja"), "ja-JP");
        assert!(script_fits_language(ScriptCode::HANI, "ja"));
        assert!(script_fits_language(ScriptCode::KORE, "ko"));
        assert!(!script_fits_language(ScriptCode::KORE, "ja"));
        assert!(script_fits_language(ScriptCode::HANI, "zh"));
        assert!(!script_fits_language(ScriptCode::JPAN, "zh"));
        assert!(!script_fits_language(ScriptCode::JPAN, "ko"));
        assert!(script_fits_language(ScriptCode::JPAN, "ja"));
        assert!(script_fits_language(ScriptCode::LATN, "sl"));
        assert!(!script_fits_language(ScriptCode::CYRL, "sr"));
    }
}
