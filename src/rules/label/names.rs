//! What the label rules share: the label names a feed shows, the keys they are compared by,
//! and the rights-notice and legal-form matchers that work on the raw name (for messages and
//! suggestions; the keys themselves come from [`crate::text::namekey`]).

use crate::hash::{FastMap, FastSet};
use crate::rules::memo::{memoized_key, NameKeyMemo};
use unicode_normalization::{IsNormalized, UnicodeNormalization};

use crate::ern::{Feed, Localized, Party, Release, Text};
use crate::rules::Context;
use crate::text::{is_bidi_control, is_default_ignorable, loose_key, strict_key, NameKind};

/// One place a release shows a label name: ERN 3 a `LabelName`, ERN 4 one `FullName` of
/// the party a `ReleaseLabelReference` points at. Stub releases (ERN 3 with
/// `ResourceOmissionReason`) and names that are empty after trimming are left out.
pub(crate) struct LabelUse<'f, 'a> {
    pub release: &'f Release<'a>,
    pub name: &'f Localized<'a>,
}

/// Every label-name use of the feed, release by release.
pub(crate) fn label_uses<'f, 'a>(feed: &'f Feed<'a>) -> Vec<LabelUse<'f, 'a>> {
    let mut out = Vec::new();
    for release in feed.releases.iter().filter(|r| !r.resources_omitted) {
        for label in &release.labels {
            for name in feed.label_names(label) {
                if !is_blank(name.value()) {
                    out.push(LabelUse { release, name });
                }
            }
        }
    }
    out
}

/// Each label-name element once (ERN 4 parties are shared by many releases), in document
/// order: for rules about the spelling of a name itself.
fn unique_label_names<'f, 'a>(uses: &[LabelUse<'f, 'a>]) -> Vec<&'f Localized<'a>> {
    let mut seen = FastSet::default();
    let mut out: Vec<&Localized> = uses
        .iter()
        .map(|u| u.name)
        .filter(|n| seen.insert(n.text.span.start))
        .collect();
    out.sort_by_key(|n| n.text.span.start);
    out
}

/// The unique label names of a feed ([`unique_label_names`]) with their distinct values: a
/// batch repeats a handful of label names on thousands of elements, so the rules about a
/// name's spelling judge each distinct value once ([`LabelNames::per_value`]).
pub(crate) struct LabelNames<'f, 'a> {
    /// Each label-name element once, in document order.
    pub names: Vec<&'f Localized<'a>>,
    /// For each of `names`, its index into `values`.
    value_of: Vec<u32>,
    /// The distinct raw values, in order of first appearance.
    values: Vec<&'f str>,
    /// [`display_form`] of each of `values`.
    forms: Vec<String>,
}

impl<'f, 'a> LabelNames<'f, 'a> {
    fn of(uses: &[LabelUse<'f, 'a>]) -> Self {
        let names = unique_label_names(uses);
        let mut index: FastMap<&'f str, u32> = FastMap::default();
        let mut values = Vec::new();
        let value_of = names
            .iter()
            .map(|n| {
                *index.entry(n.value()).or_insert_with(|| {
                    values.push(n.value());
                    values.len() as u32 - 1
                })
            })
            .collect();
        let forms = values.iter().map(|v| display_form(v)).collect();
        LabelNames {
            names,
            value_of,
            values,
            forms,
        }
    }

    /// `f(raw value, display form)` for each distinct value, indexed like the value indexes
    /// [`LabelNames::iter`] gives.
    pub(crate) fn map_values<T>(&self, mut f: impl FnMut(&'f str, &str) -> T) -> Vec<T> {
        self.values.iter().zip(&self.forms).map(|(v, t)| f(v, t)).collect()
    }

    /// Each name in document order, with the index of its value and its display form.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&'f Localized<'a>, usize, &str)> + '_ {
        let names = self.names.iter().zip(&self.value_of);
        names.map(|(n, &v)| (*n, v as usize, self.forms[v as usize].as_str()))
    }
}

impl<'f, 'a> Context<'f, 'a> {
    /// [`Feed::label_parties`], computed once per file for the label rules.
    pub(crate) fn label_parties(&self) -> &[(&'f Party<'a>, &'f Text<'a>)] {
        self.shared.label_parties.get_or_init(|| self.feed.label_parties())
    }

    /// [`label_uses`], computed once per file for the label rules.
    pub(crate) fn label_uses(&self) -> &[LabelUse<'f, 'a>] {
        self.shared.label_uses.get_or_init(|| label_uses(self.feed))
    }

    /// [`LabelNames`], computed once per file for the label rules.
    pub(crate) fn label_names(&self) -> &LabelNames<'f, 'a> {
        self.shared
            .label_names
            .get_or_init(|| LabelNames::of(self.label_uses()))
    }
}

fn is_invisible(c: char) -> bool {
    is_default_ignorable(c) || is_bidi_control(c)
}

/// Empty once whitespace and invisible characters are gone (that is
/// `struct-empty-or-invisible-text`'s business, not the label rules').
pub(crate) fn is_blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

/// NFC with invisible characters dropped and whitespace runs collapsed: how two spellings
/// are told apart ("the same string" for the variant rule) and how names are quoted.
pub(crate) fn display_form(s: &str) -> String {
    if is_display_form(s) {
        return s.to_string();
    }
    // Below U+0300 every character is an NFC starter that composes with nothing that follows.
    let s: String = if s.bytes().all(|c| c < 0xCC) {
        s.chars().filter(|&c| !is_invisible(c)).collect()
    } else {
        s.nfc().filter(|&c| !is_invisible(c)).collect()
    };
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether [`display_form`] would return `s` unchanged.
pub(crate) fn is_display_form(s: &str) -> bool {
    // Most names are printable ASCII with single inner spaces.
    let plain_ascii = || {
        s.bytes().all(|c| (0x20..0x7f).contains(&c)) && !s.starts_with(' ') && !s.ends_with(' ') && !s.contains("  ")
    };
    plain_ascii() || is_own_display_form(s)
}

/// Whether `s` is already its display form: visible, whitespace only as single inner spaces,
/// and NFC (below U+0300 trivially; else by the quick check). Most non-ASCII names are, and
/// this test costs far less than normalizing, filtering and re-joining them.
fn is_own_display_form(s: &str) -> bool {
    // `true` at the start: a leading space is not a single inner one.
    let mut after_space = true;
    for c in s.chars() {
        if c.is_whitespace() {
            if c != ' ' || after_space {
                return false;
            }
            after_space = true;
        } else if !c.is_ascii() && is_invisible(c) {
            // (No ASCII character is default-ignorable or a bidi control.)
            return false;
        } else {
            after_space = false;
        }
    }
    let starters_only = || s.bytes().all(|b| b < 0xCC);
    !after_space && (starters_only() || unicode_normalization::is_nfc_quick(s.chars()) == IsNormalized::Yes)
}

/// The whole name as a key, for matching against lists of non-labels: the artist-kind
/// strict key (no generic words dropped, so "Independent Music Group" stays itself) of the
/// name without its legal form, spaces removed. `"TuneCore Inc."` → `"tunecore"`.
pub(crate) fn whole_name_key(s: &str) -> String {
    strict_key(&strip_legal_forms(s), NameKind::Artist).replace(' ', "")
}

/// `&` read as "and", a leading "The" dropped and the legal forms [`legal_affix`] knows
/// removed, before the label strict key: catalogue L4 lists the first two among the typical
/// variants, and the raw-text legal-form matcher covers forms the key's token list lacks
/// (`Pte. Ltd.`, `Sdn. Bhd.`, `SE`).
fn label_key_input(s: &str) -> String {
    let s = strip_legal_forms(&s.replace('&', " and "));
    let trimmed = s.trim_start();
    match trimmed.get(..4) {
        Some(the) if the.eq_ignore_ascii_case("the ") && !trimmed[4..].trim().is_empty() => trimmed[4..].to_string(),
        _ => s,
    }
}

/// The key label spellings are grouped by: the label strict key (§0.6) of the name with
/// `&` read as "and" and without a leading "The". `"The Nordlys Plater AS"` → `"nordlys"`.
pub(crate) fn label_key(s: &str) -> String {
    strict_key(&label_key_input(s), NameKind::Label)
}

/// [`label_key`] without diacritics (`Sølvtrykk` = `Solvtrykk`): only to *warn*.
pub(crate) fn label_loose_key(s: &str) -> String {
    loose_key(&label_key_input(s), NameKind::Label)
}

/// Forms and keys computed once per distinct name: a batch file repeats one label and one
/// artist on thousands of releases, and a catalogue run on thousands of files; the keys
/// (NFKC, case folding, legal forms) are not cheap. The memo lives per thread, across files,
/// and is bounded.
#[derive(Default)]
pub(crate) struct KeyCache;

thread_local! {
    static LABEL_KEYS: NameKeyMemo = Default::default();
    static LABEL_LOOSE_KEYS: NameKeyMemo = Default::default();
    static ARTIST_LOOSE_KEYS: NameKeyMemo = Default::default();
}

impl KeyCache {
    /// [`label_key`], memoized.
    pub(crate) fn label(&mut self, s: &str) -> String {
        memoized_key(&LABEL_KEYS, s, label_key)
    }
    /// [`label_loose_key`], memoized.
    pub(crate) fn loose(&mut self, s: &str) -> String {
        memoized_key(&LABEL_LOOSE_KEYS, s, label_loose_key)
    }
    /// The artist loose key ([`loose_key`] of an artist name), memoized.
    pub(crate) fn artist_loose(&mut self, s: &str) -> String {
        memoized_key(&ARTIST_LOOSE_KEYS, s, |s| loose_key(s, NameKind::Artist))
    }
}

/// Whether `s` carries diacritics (or stroke letters) that the loose key removes.
pub(crate) fn has_diacritics(s: &str) -> bool {
    strict_key(s, NameKind::Artist) != loose_key(s, NameKind::Artist)
}

// ---------------------------------------------------------------------------------------
// Rights notices

/// A year 1900–2099 (ASCII digits).
pub(crate) fn is_year(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) && (s.starts_with("19") || s.starts_with("20"))
}

/// Byte length of a leading notice symbol at the start of `s` (already trimmed): `℗`, `©`,
/// `Ⓟ`, `(P)`, `(C)` (any case, inner spaces allowed) or the word "Copyright".
pub(crate) fn notice_symbol_len(s: &str) -> Option<usize> {
    let first = s.chars().next()?;
    if matches!(first, '℗' | '©' | 'Ⓟ' | 'ⓟ' | 'Ⓒ' | 'ⓒ') {
        return Some(first.len_utf8());
    }
    if let Some(rest) = s.strip_prefix('(') {
        let inner = rest.trim_start();
        let mut chars = inner.chars();
        if let Some(c) = chars.next() {
            if matches!(c, 'p' | 'P' | 'c' | 'C') {
                let after = chars.as_str().trim_start();
                if after.starts_with(')') {
                    return Some(s.len() - after.len() + 1);
                }
            }
        }
        return None;
    }
    // The first nine characters, borrowed (collecting them allocated on every call).
    let word = &s[..s.char_indices().nth(9).map_or(s.len(), |(i, _)| i)];
    if word.eq_ignore_ascii_case("copyright") {
        let after = &s[word.len()..];
        if !after.chars().next().is_some_and(|c| c.is_alphanumeric()) {
            return Some(word.len());
        }
    }
    None
}

/// Byte length of a leading year or year range ("2024", "2019-2024", "2019 – 2024").
pub(crate) fn year_len(s: &str) -> Option<usize> {
    let first = s.get(..4).filter(|y| is_year(y))?;
    if s[4..].chars().next().is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let _ = first;
    let rest = &s[4..];
    let trimmed = rest.trim_start();
    if let Some(after_sep) = trimmed.strip_prefix(['-', '–', '—', '/']) {
        let after_sep = after_sep.trim_start();
        if after_sep.get(..4).is_some_and(is_year)
            && !after_sep[4..].chars().next().is_some_and(|c| c.is_alphanumeric())
        {
            return Some(s.len() - after_sep.len() + 4);
        }
    }
    Some(4)
}

/// `s` without its leading notices and their years (`℗ 2024`, `2024 ©`, `(P) 2019-2024,`,
/// `Copyright 2020`), and the separators between them. A year alone stays (`1984 Records`).
pub(crate) fn strip_leading_notice(s: &str) -> &str {
    fn tidy(t: &str) -> &str {
        t.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–'))
    }
    let mut rest = s.trim_start();
    let mut had_symbol = false;
    loop {
        if let Some(n) = notice_symbol_len(rest) {
            (rest, had_symbol) = (tidy(&rest[n..]), true);
        } else if let Some(n) = year_len(rest).filter(|&n| had_symbol || notice_symbol_len(tidy(&rest[n..])).is_some())
        {
            rest = tidy(&rest[n..]);
        } else {
            return rest;
        }
    }
}

// ---------------------------------------------------------------------------------------
// Legal forms

/// A legal-form token sequence, normalized (dots, commas and parentheses removed).
/// `exact`: short forms that are also ordinary words ("AS", "AB", "SA") count only in
/// their usual capitals, or when written with dots ("s.a.").
struct LegalForm {
    tokens: &'static [&'static str],
    exact: bool,
}

const fn ci(tokens: &'static [&'static str]) -> LegalForm {
    LegalForm { tokens, exact: false }
}
const fn cs(tokens: &'static [&'static str]) -> LegalForm {
    LegalForm { tokens, exact: true }
}

/// Trailing legal forms (catalogue L3), longest first where one extends another.
const LEGAL_SUFFIXES: &[LegalForm] = &[
    ci(&["gmbh", "&", "co", "kg"]),
    ci(&["gmbh", "und", "co", "kg"]),
    ci(&["gmbh", "co", "kg"]),
    ci(&["ag", "&", "co", "kg"]),
    ci(&["spol", "s", "ro"]),
    ci(&["sp", "z", "oo"]),
    ci(&["sa", "de", "cv"]),
    ci(&["ug", "haftungsbeschränkt"]),
    ci(&["co", "ltd"]),
    ci(&["co", "limited"]),
    ci(&["co", "inc"]),
    ci(&["co", "kg"]),
    ci(&["pty", "ltd"]),
    ci(&["pty", "limited"]),
    ci(&["pte", "ltd"]),
    ci(&["pvt", "ltd"]),
    ci(&["private", "limited"]),
    ci(&["sdn", "bhd"]),
    ci(&["ltd"]),
    ci(&["limited"]),
    ci(&["llc"]),
    ci(&["llp"]),
    ci(&["plc"]),
    ci(&["inc"]),
    ci(&["incorporated"]),
    ci(&["corp"]),
    ci(&["corporation"]),
    ci(&["gmbh"]),
    ci(&["sarl"]),
    ci(&["sprl"]),
    ci(&["bvba"]),
    ci(&["ltda"]),
    ci(&["lda"]),
    ci(&["srl"]),
    ci(&["sro"]),
    ci(&["kft"]),
    ci(&["zrt"]),
    ci(&["aps"]),
    ci(&["oy"]),
    ci(&["oyj"]),
    ci(&["a/s"]),
    ci(&["bhd"]),
    ci(&["doo"]),
    ci(&["ohg"]),
    cs(&["AG"]),
    cs(&["AB"]),
    cs(&["AS"]),
    cs(&["SA"]),
    cs(&["SL"]),
    cs(&["SAS"]),
    cs(&["BV"]),
    cs(&["NV"]),
    cs(&["KG"]),
    cs(&["UG"]),
    cs(&["SE"]),
    cs(&["SpA"]),
    cs(&["SPA"]),
    cs(&["eK"]),
    cs(&["KK"]),
    cs(&["Co"]),
    cs(&["CO"]),
];

/// Leading legal forms written as a separate word.
const LEGAL_PREFIX_WORDS: &[&str] = &["ООО", "ОАО", "ЗАО", "ПАО", "АО", "ТОВ", "ТОО", "PT", "PT."];

/// Japanese company forms, written with or without a space.
const CJK_FORMS: &[&str] = &[
    "株式会社",
    "有限会社",
    "合同会社",
    "㈱",
    "(株)",
    "（株）",
    "㈲",
    "(有)",
    "（有）",
];

fn norm_token(raw: &str) -> String {
    raw.chars()
        .filter(|c| !matches!(c, '.' | ',' | '(' | ')' | '（' | '）'))
        .collect()
}

/// A name's token read once for comparing with every legal form ([`LEGAL_SUFFIXES`]):
/// normalizing and lower-casing it per form allocated three strings per comparison.
struct FormToken {
    /// [`norm_token`] of the raw token.
    norm: String,
    lower: String,
    has_dot: bool,
}

impl FormToken {
    fn of(raw: &str) -> FormToken {
        let norm = norm_token(raw);
        FormToken {
            lower: norm.to_lowercase(),
            norm,
            has_dot: raw.contains('.'),
        }
    }

    fn matches(&self, form: &str, exact: bool) -> bool {
        if self.norm.is_empty() {
            return false;
        }
        if exact && !self.has_dot {
            self.norm == form
        } else {
            // Lower-casing keeps every form's length: a token of another length differs.
            self.lower.len() == form.len() && self.lower.chars().eq(form.chars().flat_map(char::to_lowercase))
        }
    }
}

/// The longest legal form, in tokens.
const MAX_FORM_TOKENS: usize = 4;

/// A legal form found in a name: the byte range it covers and what it says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LegalAffix {
    pub start: usize,
    pub end: usize,
    /// The name without it (trimmed, no dangling comma).
    pub rest: String,
}

/// Whitespace-separated tokens with their byte ranges.
fn tokens(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push((st, &s[st..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

fn tidy_rest(s: &str) -> String {
    s.trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '&' || c == '-')
        .to_string()
}

/// The legal form at the end (or, for Cyrillic, Indonesian and Japanese forms, the start)
/// of a name, if the name has more than that.
/// `"EMI MUSIC JAPAN INC."` → `INC.`, rest `EMI MUSIC JAPAN`.
pub(crate) fn legal_affix(s: &str) -> Option<LegalAffix> {
    let trimmed_end = s.trim_end();
    for form in CJK_FORMS {
        if let Some(rest) = trimmed_end.strip_suffix(form) {
            if !rest.trim().is_empty() {
                return Some(LegalAffix {
                    start: rest.len(),
                    end: trimmed_end.len(),
                    rest: tidy_rest(rest),
                });
            }
        }
    }
    let toks = tokens(s);
    // The last tokens, read once for all the forms; a form needs a token before it.
    let tail_len = MAX_FORM_TOKENS.min(toks.len().saturating_sub(1));
    let tail_forms: Vec<FormToken> = toks[toks.len() - tail_len..]
        .iter()
        .map(|(_, raw)| FormToken::of(raw))
        .collect();
    for form in LEGAL_SUFFIXES {
        let n = form.tokens.len();
        if toks.len() <= n {
            continue;
        }
        let tail = &toks[toks.len() - n..];
        if tail_forms[tail_len - n..]
            .iter()
            .zip(form.tokens)
            .all(|(t, f)| t.matches(f, form.exact))
        {
            let start = tail[0].0;
            let (last_start, last) = tail[n - 1];
            return Some(LegalAffix {
                start,
                end: last_start + last.len(),
                rest: tidy_rest(&s[..start]),
            });
        }
    }
    let trimmed_start = s.trim_start();
    let offset = s.len() - trimmed_start.len();
    for form in CJK_FORMS {
        if let Some(rest) = trimmed_start.strip_prefix(form) {
            if !rest.trim().is_empty() {
                return Some(LegalAffix {
                    start: offset,
                    end: offset + form.len(),
                    rest: tidy_rest(rest),
                });
            }
        }
    }
    if toks.len() >= 2 {
        let (st, first) = toks[0];
        if LEGAL_PREFIX_WORDS.contains(&first) {
            return Some(LegalAffix {
                start: st,
                end: st + first.len(),
                rest: tidy_rest(&s[st + first.len()..]),
            });
        }
    }
    None
}

/// The name with every legal form at its ends removed (for keys).
pub(crate) fn strip_legal_forms(s: &str) -> String {
    let mut cur = s.to_string();
    while let Some(a) = legal_affix(&cur) {
        if a.rest.is_empty() || a.rest == cur {
            break;
        }
        cur = a.rest;
    }
    cur
}

// ---------------------------------------------------------------------------------------
// Variant groups (shared by the per-feed `label-name-variant` and the catalogue rules)

/// Index of the canonical spelling of a group: the most used (MusicBrainz: "the most
/// commonly used name"), on a tie the one seen first. `uses_first` gives (uses, first seen).
pub(crate) fn canonical_index<T>(group: &[T], uses_first: impl Fn(&T) -> (usize, u64)) -> usize {
    (0..group.len())
        .min_by_key(|&i| {
            let (uses, first) = uses_first(&group[i]);
            (std::cmp::Reverse(uses), first)
        })
        .expect("non-empty group")
}

/// How spelling `s` relates to the group's `canonical`, given the strict keys of both:
/// the phrase for the message, and whether the canonical form merely lacks the diacritics of
/// `s` (then it must not be proposed: catalogue §0.6 "never propose the stripped form").
pub(crate) fn variant_relation(s: &str, canonical: &str, same_strict: bool) -> (&'static str, bool) {
    let stripped_canonical = !same_strict && has_diacritics(s) && !has_diacritics(canonical);
    let how = if same_strict {
        "is a variant of"
    } else {
        "differs only in diacritics from"
    };
    (how, stripped_canonical)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast paths of [`display_form`] give what NFC + filter + collapse gives.
    #[test]
    fn display_form_fast_paths_agree() {
        let reference = |s: &str| {
            let s: String = s.nfc().filter(|&c| !is_invisible(c)).collect();
            s.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        for s in [
            "",
            " ",
            "Ninja Tune",
            " Ninja Tune",
            "Ninja  Tune",
            "Ninja Tune ",
            "Ninja\tTune",
            "Nin\u{AD}ja",
            "Ninja\u{A0}Tune",
            "Mäkelä",
            "Ma\u{308}kela\u{308}",
            "Ålborg\u{200B}",
            "Ā\u{301}",
            "ソング",
            "ｶﾀｶﾅ",
            "\u{2000}x",
            "a\u{202E}b",
            "ǅ",
            "ȷ̈",
            "\u{0}x",
            "Jonas Köhler",
            "Jonas  Köhler",
            "Jonas Köhler ",
            "Ko\u{308}hler",
            "Ko\u{308}hler\u{200B}",
            "Björk\u{A0}Guðmundsdóttir",
            "Mötley\u{2009}Crüe",
            "Ǆ\u{301}",
            "夢 の 歌",
        ] {
            assert_eq!(display_form(s), reference(s), "{s:?}");
        }
    }

    #[test]
    fn keys() {
        assert_eq!(label_key("The Nordlys Plater AS"), "nordlys");
        assert_eq!(label_key("Sugar Hill Records"), "sugar hill");
        assert_eq!(label_key("Sugar Music"), "sugar");
        assert_eq!(label_key("Universal Music (Pty) Ltd."), "universal");
        assert_eq!(label_key("Universal Music Pte. Ltd."), "universal");
        assert_eq!(label_key("Salt & Pepper"), label_key("Salt and Pepper"));
        assert_eq!(label_key("The"), "the");
        assert_eq!(label_key("[PIAS]"), "pias");
        assert_eq!(label_loose_key("Sølvtrykk Plater"), label_loose_key("SOLVTRYKK PLATER"));
        assert_ne!(label_key("Тёплый Звук"), label_key("Теплый Звук"));
        assert_eq!(whole_name_key("Independent Music Group"), "independentmusicgroup");
        assert_eq!(whole_name_key("TuneCore Inc."), "tunecore");
        assert_eq!(whole_name_key("#unknown#"), "unknown");
        assert_eq!(whole_name_key("-"), "");
        assert!(has_diacritics("Sølvtrykk"));
        assert!(!has_diacritics("Solvtrykk"));
        assert!(is_blank(" \u{200B}\u{FEFF} "));
    }

    #[test]
    fn legal() {
        let a = legal_affix("EMI MUSIC JAPAN INC.").unwrap();
        assert_eq!(a.rest, "EMI MUSIC JAPAN");
        assert_eq!(
            legal_affix("Kaleidoskop Records GmbH").unwrap().rest,
            "Kaleidoskop Records"
        );
        assert_eq!(legal_affix("Łąka Records Sp. z o.o.").unwrap().rest, "Łąka Records");
        assert_eq!(legal_affix("King Record Co., Ltd.").unwrap().rest, "King Record");
        assert_eq!(legal_affix("Foo, Inc.").unwrap().rest, "Foo");
        assert_eq!(legal_affix("Universal Music s.r.o.").unwrap().rest, "Universal Music");
        assert_eq!(
            legal_affix("Universal Music Italia srL.").unwrap().rest,
            "Universal Music Italia"
        );
        assert_eq!(legal_affix("株式会社夜光レコード").unwrap().rest, "夜光レコード");
        assert_eq!(legal_affix("Sølvtrykk Plater AS").unwrap().rest, "Sølvtrykk Plater");
        assert_eq!(
            legal_affix("PT. Universal Music Indonesia").unwrap().rest,
            "Universal Music Indonesia"
        );
        assert_eq!(legal_affix("Sing As"), None);
        assert_eq!(legal_affix("Day Spa"), None);
        assert_eq!(legal_affix("Warner Bros."), None);
        assert_eq!(legal_affix("Inc."), None);
        // FormToken compares with every form at most this many tokens back, lower-casing
        // the form per character (no final sigma to treat apart), which keeps its length.
        for form in LEGAL_SUFFIXES {
            assert!(form.tokens.len() <= MAX_FORM_TOKENS);
            for t in form.tokens {
                assert_eq!(t.to_lowercase().len(), t.len());
                assert_eq!(
                    t.chars().flat_map(char::to_lowercase).collect::<String>(),
                    t.to_lowercase()
                );
            }
        }
        assert_eq!(legal_affix("Universal Music Ltd. (Malaysia branch)"), None);
    }

    #[test]
    fn notices() {
        assert_eq!(strip_leading_notice("℗ 2024 Kaleidoskop"), "Kaleidoskop");
        assert_eq!(strip_leading_notice("(p) 2019 - 2024, Foo"), "Foo");
        assert_eq!(strip_leading_notice("Copyright 2020 Foo"), "Foo");
        assert_eq!(strip_leading_notice("2020 Foo"), "2020 Foo");
        assert_eq!(strip_leading_notice("Copyrighted Foo"), "Copyrighted Foo");
        assert_eq!(strip_leading_notice("2024 © Foo"), "Foo");
    }
}
