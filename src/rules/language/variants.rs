//! The localized variants of one title, artist name or label name, gathered so that a rule
//! sees a release's, resource's or party's *whole set* of variants at once.
//!
//! A [`VariantSet`] is everything that names one thing:
//! - the titles of one release or resource: ERN 4 `DisplayTitleText`, `DisplayTitle` and
//!   `AdditionalTitle` (`FormalTitle`/`GroupingTitle` in 4.3.2) siblings; ERN 3
//!   `ReferenceTitle` and every `Title` of every `…DetailsByTerritory`;
//! - the display artist name of one release or resource: ERN 4 `DisplayArtistName`
//!   siblings, ERN 3 `DisplayArtistName` across the `ReleaseDetailsByTerritory`;
//! - the names of one ERN 4 party (`PartyName` siblings; artist and label parties alike) or
//!   of one ERN 3 inline `DisplayArtist`;
//! - the label names of one ERN 3 release (`LabelName` across `ReleaseDetailsByTerritory`).
//!
//! Within a set, [`VariantSet::groups`] splits the variants by *locale slot*: (element kind,
//! `TitleType`/`LabelNameType`, canonical language + script + region, territory). Two
//! variants in one slot claim to be the same localization.

use crate::text::FastUnicode;
use std::borrow::Cow;
use std::sync::Arc;

use crate::ern::{
    ArtistCredit, Display, Feed, Lang, LangSource, Localized, PartyName, ReleaseKind, TerritoryDetails, Title,
    TitleKind,
};
use crate::finding::{Finding, Span};
use crate::hash::{FastMap, FastSet};
use crate::rules::shared::prefetch_lists_ahead;
use crate::rules::{Context, Rule};
use crate::text::{
    dominant_script, has_non_latin_letters, native_script, parse_tag, script_matches_tag, script_share, strict_key,
    to_nfc, NameKind, ScriptCode,
};

/// What a set of variants names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    ArtistName,
    LabelName,
    /// A party that is neither a display artist nor a label (contributor, writer …).
    PartyName,
}

impl Field {
    pub fn noun(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::ArtistName => "artist name",
            Field::LabelName => "label name",
            Field::PartyName => "party name",
        }
    }

    pub fn name_kind(self) -> NameKind {
        match self {
            Field::LabelName => NameKind::Label,
            _ => NameKind::Artist,
        }
    }
}

/// The element a variant comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VariantKind {
    DisplayTitleText,
    DisplayTitle,
    AdditionalTitle,
    Title,
    ReferenceTitle,
    DisplayArtistName,
    PartyName,
    LabelName,
}

impl VariantKind {
    /// The element name, for messages.
    pub fn element(self) -> &'static str {
        match self {
            VariantKind::DisplayTitleText => "DisplayTitleText",
            VariantKind::DisplayTitle => "DisplayTitle",
            VariantKind::AdditionalTitle => "AdditionalTitle",
            VariantKind::Title => "Title",
            VariantKind::ReferenceTitle => "ReferenceTitle",
            VariantKind::DisplayArtistName => "DisplayArtistName",
            VariantKind::PartyName => "PartyName",
            VariantKind::LabelName => "LabelName",
        }
    }

    fn of_title(kind: TitleKind) -> VariantKind {
        match kind {
            TitleKind::DisplayTitleText => VariantKind::DisplayTitleText,
            TitleKind::DisplayTitle => VariantKind::DisplayTitle,
            TitleKind::AdditionalTitle => VariantKind::AdditionalTitle,
            TitleKind::Title => VariantKind::Title,
            TitleKind::ReferenceTitle => VariantKind::ReferenceTitle,
        }
    }
}

/// The effective `LanguageAndScriptCode` of a variant, canonicalized.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Locale {
    /// The tag as written (`en` when only DDEX's default applies).
    pub raw: String,
    /// The canonical tag (case fixed, `_` → `-`, Preferred-Values applied), or the trimmed raw
    /// value when nothing well-formed could be made of it.
    pub tag: String,
    /// Primary language subtag.
    pub language: Option<String>,
    /// The explicit script subtag.
    pub script: Option<ScriptCode>,
    /// The explicit script, else the language's Suppress-Script.
    pub expected: Option<ScriptCode>,
    /// Grouping key without the script: language, region and variants (`ja-JP`, `sr`).
    /// [`Locale::slot_script`] gives the script part.
    pub key: String,
    /// Declared on the element or a localized container, not only inherited from the root.
    pub declared: bool,
    /// See [`Locale::romanization_of`].
    romanizes: Option<ScriptCode>,
}

impl Locale {
    fn parse(raw: &str, declared: bool) -> Locale {
        let a = parse_tag(raw.trim());
        let canon = a.preferred.clone().or_else(|| a.best().map(str::to_string));
        let parsed = match &canon {
            Some(c) if Some(c.as_str()) != a.best() => parse_tag(c),
            _ => a,
        };
        let tag = canon.unwrap_or_else(|| raw.trim().to_string());
        let language = parsed.language().map(str::to_string);
        let script = parsed.script();
        let expected = parsed.expected_script();
        let key = match (&language, &parsed.parts) {
            (Some(l), Some(p)) => format!("{l}|{}|{}", p.region.as_deref().unwrap_or(""), p.variants.join("-")),
            _ => tag.to_ascii_lowercase(),
        };
        let romanizes = Locale::compute_romanization(script, language.as_deref());
        Locale {
            raw: raw.to_string(),
            tag,
            language,
            script,
            expected,
            key,
            declared,
            romanizes,
        }
    }

    /// The script part of a locale slot for `text`: the explicit script subtag; else the
    /// Suppress-Script when the text is plausibly written in it (`ja` on `LOVEソング` is
    /// `Jpan`); else the script most of the text's letters are in (`sr` on `Београд` is
    /// `Cyrl`, on `Beograd` `Latn`: two tags without a script subtag written in two scripts
    /// are two localizations, not a conflict; a Latin text tagged `ja` is a script mismatch,
    /// `lang-script-mismatch`'s business); "" for a text without letters.
    pub fn slot_script(&self, text: &str) -> ScriptCode {
        if let Some(s) = self.script {
            return s;
        }
        if self.expected == Some(ScriptCode::LATN) && super::is_plain_latin(text) {
            // Latin letters or none at all: either way the slot is the expected Latin.
            return ScriptCode::LATN;
        }
        // Judge the main part: `Μουσική (Extended Mix)` is Greek, whatever its version says.
        let core = main_part(text);
        if let Some(e) = self.expected {
            if script_share(core, e).expected > 0 {
                return e;
            }
        }
        match dominant_script(core) {
            Some(d) => {
                let code = ScriptCode::from_script(d);
                match self.expected {
                    Some(e) if e.components().contains(d) => e,
                    _ => code,
                }
            }
            None => self
                .expected
                .unwrap_or_else(|| ScriptCode::new("Zyyy").unwrap_or(ScriptCode::LATN)),
        }
    }

    /// The native script of a romanization: `Some(Jpan)` for `ja-Latn`, `Some(Grek)` for
    /// `el-Latn`. `None` when the tag has no explicit `Latn` script, or its language has no
    /// single non-Latin native script (`sr-Latn`, `az-Latn`: Serbian and Azerbaijani are
    /// written in both scripts, so the Latin form is an original, not a transliteration).
    pub fn romanization_of(&self) -> Option<ScriptCode> {
        self.romanizes
    }

    fn compute_romanization(script: Option<ScriptCode>, language: Option<&str>) -> Option<ScriptCode> {
        if script != Some(ScriptCode::LATN) {
            return None;
        }
        native_script(language?).filter(|s| *s != ScriptCode::LATN && !s.components().is_empty())
    }

    /// A tag for `language` with `script` in canonical form (`ja` + `Latn` → `ja-Latn`).
    pub fn with_script(&self, script: ScriptCode) -> Option<String> {
        let l = self.language.as_deref()?;
        Some(format!("{l}-{script}"))
    }
}

/// Caches the analysis of each distinct tag of a feed (declared and inherited apart).
#[derive(Default)]
struct Locales([crate::rules::memo::StrMemo<Arc<Locale>>; 2]);

impl Locales {
    fn of(&mut self, lang: &Lang) -> Arc<Locale> {
        let declared = matches!(lang.source, LangSource::Own | LangSource::Container);
        self.0[declared as usize]
            .get_or(lang.tag(), |raw| cached_locale(raw, declared))
            .clone()
    }
}

/// [`Locale::parse`], memoized per thread across files: a catalogue repeats a handful of tags
/// in every file.
fn cached_locale(raw: &str, declared: bool) -> Arc<Locale> {
    type Memo = [FastMap<String, Arc<Locale>>; 2];
    thread_local! {
        static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::new(Memo::default());
    }
    const MAX_CACHED: usize = 1024;
    if let Some(hit) = MEMO.with(|m| m.borrow()[declared as usize].get(raw).cloned()) {
        return hit;
    }
    let locale = Arc::new(Locale::parse(raw, declared));
    MEMO.with(|m| {
        let m = &mut m.borrow_mut()[declared as usize];
        if m.len() >= MAX_CACHED {
            m.clear();
        }
        m.insert(raw.to_string(), locale.clone());
    });
    locale
}

/// One localized variant.
#[derive(Clone, Debug)]
pub struct Variant<'f, 'a> {
    pub kind: VariantKind,
    /// `TitleType` (ERN 3 `Title`, ERN 4 `AdditionalTitle`) or `LabelNameType`.
    pub subtype: Option<&'f str>,
    /// The text: `TitleText`, `DisplayTitleText`, `FullName`, `DisplayArtistName`, `LabelName`.
    /// Findings about the text point at `text.text.elem` (the element that holds it).
    pub text: &'f Localized<'a>,
    /// `SubTitle`s of a `DisplayTitle`/`Title`.
    pub subtitles: &'f [Localized<'a>],
    pub locale: Arc<Locale>,
    /// `ApplicableTerritoryCode` (absent = `Worldwide`), or for ERN 3 the territory codes of
    /// the `…DetailsByTerritory` the variant sits in.
    pub territory: Cow<'f, str>,
    pub is_default: bool,
    /// The `PartyName` of a party variant.
    pub party_name: Option<&'f PartyName<'a>>,
    /// Position in document order within its set.
    pub order: u32,
    /// See [`Variant::latin_letters_only`].
    latin_letters_only: bool,
}

impl Variant<'_, '_> {
    /// The main text, trimmed.
    pub fn value(&self) -> &str {
        self.text.value().trim()
    }

    /// Whether the main text has no letter of a script other than Latin
    /// (`!has_non_latin_letters`), told when the set was gathered: the rules ask it of most
    /// variants, and on a batch file reading each text again is a cache miss.
    pub fn latin_letters_only(&self) -> bool {
        self.latin_letters_only
    }

    /// The text as shown: main text, then the subtitles in brackets (`La Première Fois (Video 2D)`).
    pub fn shown(&self) -> String {
        let mut s = collapse(self.value());
        for st in self.subtitles {
            let t = collapse(st.value());
            if !t.is_empty() {
                s.push_str(" (");
                s.push_str(&t);
                s.push(')');
            }
        }
        s
    }

    /// Whether `self` and `other` show exactly the same text (then their
    /// [`Variant::comparable`] forms are equal without computing them).
    pub fn same_text(&self, other: &Variant) -> bool {
        self.value() == other.value()
            && self.subtitles.len() == other.subtitles.len()
            && self
                .subtitles
                .iter()
                .zip(other.subtitles)
                .all(|(a, b)| a.value() == b.value())
    }

    /// What two variants are compared on: [`Variant::shown`] in NFC, with punctuation and
    /// symbols turned into spaces and whitespace collapsed, case kept. `La Première Fois
    /// (Video 2D)` and `La Première Fois` + SubTitle `Video 2D` are one text; `Ο δρόμος` and
    /// `Ο Δρόμος` are two.
    pub fn comparable(&self) -> String {
        use unicode_properties::GeneralCategoryGroup;
        let spaced: String = to_nfc(&self.shown())
            .chars()
            .map(|c| match c.general_category_group_fast() {
                GeneralCategoryGroup::Punctuation | GeneralCategoryGroup::Symbol => ' ',
                _ => c,
            })
            .collect();
        collapse(&spaced)
    }

    /// Whether the text element carries its own `LanguageAndScriptCode` (not inherited from
    /// a container or the message).
    pub fn own_language(&self) -> bool {
        self.text.lang.source == LangSource::Own
    }

    /// Whether the variant is compared as a localization: several `DisplayArtistName`s
    /// without a language of their own are a list of artists (common in ERN 3 feeds), not
    /// localized variants.
    pub fn is_localized(&self) -> bool {
        self.kind != VariantKind::DisplayArtistName || self.own_language()
    }

    /// Whether the text has non-Latin letters under a language's explicit `Latn` tag: then it
    /// may be the original copied into the transliteration slot.
    pub fn non_latin_under_latn_tag(&self) -> bool {
        self.locale.script == Some(ScriptCode::LATN) && self.locale.language.is_some() && !self.latin_letters_only
    }

    /// Whether `self` and `other` agree on every part of a locale slot except the script
    /// (the one part that needs the text's letters looked at): only such variants can share
    /// a slot of [`VariantSet::groups`].
    pub fn may_share_slot(&self, other: &Variant) -> bool {
        self.kind == other.kind
            && self.subtype.map(str::trim) == other.subtype.map(str::trim)
            && self.locale.key == other.locale.key
            && self.territory == other.territory
            && self.name_role() == other.name_role()
    }

    /// `PartyName` role flags (`IsNickname`, `IsStageName`, `IsLegalName`).
    fn name_role(&self) -> (bool, bool, bool) {
        self.party_name.map_or((false, false, false), |p| {
            (p.is_nickname, p.is_stage_name, p.is_legal_name)
        })
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What owns a set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SetOwner {
    Release(usize),
    Resource(usize),
    Party(usize),
    /// An ERN 3 inline `DisplayArtist`: the release or resource and the credit's index.
    Credit {
        release: Option<usize>,
        resource: Option<usize>,
        index: usize,
    },
}

/// All the variants of one title or name.
#[derive(Clone, Debug)]
pub struct VariantSet<'f, 'a> {
    pub field: Field,
    pub owner: SetOwner,
    pub owner_label: OwnerLabel<'f>,
    /// In document order.
    pub variants: Box<[Variant<'f, 'a>]>,
    /// Other name forms of a party (`FullNameAsciiTranscribed`, `FullNameIndexed`, `KeyName` …):
    /// they help a name be found but are not localized variants.
    pub other_names: Box<[&'f Localized<'a>]>,
    /// For a `DisplayArtistName` set: the artists the item credits ([`VariantSet::credits`]).
    credited: &'f [ArtistCredit<'a>],
}

impl<'f, 'a> VariantSet<'f, 'a> {
    /// The variants split by locale slot (kind, subtype, locale, territory; for party names
    /// also the `IsNickname`/`IsStageName`/`IsLegalName` role), each in document order; the
    /// slots in the order of their first variant.
    pub fn groups(&self) -> Vec<Vec<&Variant<'f, 'a>>> {
        // Sets are small: a linear scan beats hashing.
        let mut index: Vec<(SlotKey<'_>, usize)> = Vec::new();
        let mut out: Vec<Vec<&Variant<'f, 'a>>> = Vec::new();
        for v in &self.variants {
            let key = SlotKey {
                kind: v.kind,
                subtype: v.subtype.map(str::trim),
                locale: &v.locale.key,
                script: v.locale.slot_script(v.value()),
                territory: &v.territory,
                role: v.name_role(),
            };
            match index.iter().find(|(k, _)| *k == key) {
                Some(&(_, i)) => out[i].push(v),
                None => {
                    index.push((key, out.len()));
                    out.push(vec![v]);
                }
            }
        }
        out
    }

    /// For a `DisplayArtistName` set: the names of each artist the item credits
    /// (`DisplayArtist` → its party's or its inline `PartyName`s). The artist's Latin or
    /// native name there serves the display name too.
    /// Only the credits with a non-empty name; see [`credit_names`]. Looked up on each call,
    /// not when the set is gathered: most sets are judged without them.
    pub fn credits(&self, feed: &'f Feed<'a>) -> impl Iterator<Item = &'f [PartyName<'a>]> + '_ {
        self.credited
            .iter()
            .map(move |a| match &a.party_ref {
                Some(r) => feed.party(&r.value).map_or(&[][..], |p| p.names.as_slice()),
                None => a.names.as_slice(),
            })
            .filter(|names| credit_names(names).next().is_some())
    }

    /// Every text of the set: the variants' main texts and subtitles, the other names, and
    /// the names of the credited artists.
    pub fn all_texts(&self, feed: &'f Feed<'a>) -> impl Iterator<Item = &str> + '_ {
        self.variants
            .iter()
            .flat_map(|v| std::iter::once(v.text).chain(v.subtitles.iter()))
            .chain(self.other_names.iter().copied())
            .chain(self.credits(feed).flat_map(|c| credit_names(c)))
            .map(|l| l.value().trim())
    }

    /// Whether some variant or other name form can be found from a Latin keyboard
    /// ([`latin_findable`]). Subtitles do not count: a Latin `SubTitle` is version
    /// information (`Live`), not a way to find the title.
    /// For a `DisplayArtistName` set, it is also findable when every artist the item credits
    /// has a findable name (`しゅうさえこ` shown, party `Saeko Shu` credited).
    pub fn latin_findable(&self, feed: &'f Feed<'a>) -> bool {
        if self.has_latin_only_variant() {
            return true; // as `any_latin_findable` would tell, without reading the texts
        }
        let variants = self.variants.iter().map(|v| v.value());
        let other_names = self.other_names.iter().map(|l| l.value().trim());
        if any_latin_findable(variants.chain(other_names)) {
            return true;
        }
        let mut credits = self.credits(feed).peekable();
        credits.peek().is_some() && credits.all(|c| any_latin_findable(credit_names(c).map(|l| l.value().trim())))
    }

    /// Whether some variant has no letter of a script other than Latin: then the set can be
    /// found from a Latin keyboard ([`any_latin_findable`]).
    pub fn has_latin_only_variant(&self) -> bool {
        self.variants.iter().any(Variant::latin_letters_only)
    }

    /// The text a finding about the whole set points at: the default variant, else the
    /// first one; for a party with no `FullName`, its first other name form.
    pub fn anchor(&self) -> Option<&'f Localized<'a>> {
        self.variants
            .iter()
            .find(|v| v.is_default)
            .or_else(|| self.variants.first())
            .map(|v| v.text)
            .or_else(|| self.other_names.first().copied())
    }

    /// The romanization tag for the variant [`VariantSet::anchor`] points at.
    pub fn anchor_romanization_tag(&self) -> Option<String> {
        let v = self
            .variants
            .iter()
            .find(|v| v.is_default)
            .or_else(|| self.variants.first())?;
        romanization_tag(v)
    }

    /// A key for "the same set of names" (to report a name used on many items once): the
    /// sorted strict keys of its variants and other names.
    /// The set is taken as naming a `field`: a party's set's field is told by the
    /// [`PartyRoles`] a message rule gathered.
    pub fn names_key_as(&self, field: Field) -> String {
        let kind = field.name_kind();
        let mut keys: Vec<String> = self
            .variants
            .iter()
            .map(|v| v.value())
            .chain(self.other_names.iter().map(|l| l.value().trim()))
            .map(|s| strict_key(s, kind))
            .collect();
        keys.sort();
        keys.dedup();
        keys.join("\u{1f}")
    }
}

#[derive(Clone, PartialEq, Eq)]
struct SlotKey<'s> {
    kind: VariantKind,
    subtype: Option<&'s str>,
    locale: &'s str,
    script: ScriptCode,
    territory: &'s str,
    role: (bool, bool, bool),
}

/// The sets with no Latin-findable variant, each distinct set of names once (the first
/// added), made into a `T` (what a rule reports about it), with the number of other sets
/// added with the same names. Party sets and `DisplayArtistName`/`LabelName` sets are counted
/// apart. Gathered a segment at a time: lists gathered apart are joined with
/// [`UnfindableNames::append`], in the order of the whole message's sets.
pub struct UnfindableNames<T> {
    first: FastMap<(bool, String), usize>,
    sets: Vec<(T, usize)>,
}

impl<T> Default for UnfindableNames<T> {
    fn default() -> Self {
        UnfindableNames {
            first: FastMap::default(),
            sets: Vec::new(),
        }
    }
}

impl<T> UnfindableNames<T> {
    /// Adds `set` (naming a `field`) unless it is Latin-findable; `make` gives what is kept
    /// of the first set with its names.
    pub fn add<'f, 'a>(
        &mut self,
        feed: &'f Feed<'a>,
        set: &VariantSet<'f, 'a>,
        field: Field,
        make: impl FnOnce(&VariantSet<'f, 'a>) -> T,
    ) {
        if set.latin_findable(feed) {
            return;
        }
        let party = matches!(set.owner, SetOwner::Party(_) | SetOwner::Credit { .. });
        self.count((party, set.names_key_as(field)), 0, || make(set));
    }

    fn count(&mut self, key: (bool, String), others: usize, make: impl FnOnce() -> T) {
        match self.first.get(&key) {
            Some(&i) => self.sets[i].1 += others + 1,
            None => {
                self.first.insert(key, self.sets.len());
                self.sets.push((make(), others));
            }
        }
    }

    /// Adds the sets of `later`, as if added after these.
    pub fn append(&mut self, later: UnfindableNames<T>) {
        let mut keys: Vec<((bool, String), usize)> = later.first.into_iter().collect();
        keys.sort_unstable_by_key(|&(_, i)| i);
        for ((key, _), (t, others)) in keys.into_iter().zip(later.sets) {
            self.count(key, others, || t);
        }
    }
}

impl UnfindableNames<Option<PendingFinding>> {
    /// Adds the sets of the context's parties that name a `field` by the message's `roles`.
    pub fn add_parties<'f, 'a>(
        &mut self,
        cx: &Context<'f, 'a>,
        roles: &PartyRoles,
        field: Field,
        make: impl Fn(&VariantSet<'f, 'a>) -> Option<PendingFinding>,
    ) {
        for set in cx.variant_sets().parties.iter() {
            if matches!(set.owner, SetOwner::Party(_)) && roles.field_of(set) == field {
                self.add(cx.feed, set, field, &make);
            }
        }
    }

    /// The findings of `rule`, telling the other uses on `noun`s.
    pub fn findings(self, rule: &Rule, noun: &str, out: &mut Vec<Finding>) {
        for (pending, others) in self.sets {
            out.extend(pending.map(|p| p.finding(rule, others, noun)));
        }
    }
}

/// A finding about an unfindable set of names ([`UnfindableNames`]) but for the number of
/// other sets with the same names, known once the whole message is read.
pub struct PendingFinding {
    pub elem: u32,
    pub span: Span,
    /// The message up to where the other uses are told, and after.
    pub head: String,
    pub tail: String,
    pub help: String,
}

impl PendingFinding {
    /// The finding of `rule`, telling `others` other uses on `noun`s (`item`, `release`).
    pub fn finding(self, rule: &Rule, others: usize, noun: &str) -> Finding {
        let also = if others > 0 {
            format!(" (also on {others} other {noun}{})", if others == 1 { "" } else { "s" })
        } else {
            String::new()
        };
        rule.finding(self.elem, self.span, format!("{}{also}{}", self.head, self.tail))
            .with_help(self.help)
    }
}

/// What the content items of a feed use each party as: a label (a release's
/// `ReleaseLabelReference`) or a display artist (a `DisplayArtist`'s reference), as
/// `Gatherer::party_sets` tells a party's [`Field`]: the message's add up each segment's
/// ([`Context::record_party_roles`]), and the message rules judge the party sets by them at
/// the end ([`Context::message_party_roles`]).
#[derive(Clone, Default)]
pub struct PartyRoles {
    /// By party index.
    by_party: Vec<u8>,
}

const LABEL: u8 = 1;
const ARTIST: u8 = 2;

impl PartyRoles {
    /// Adds the roles of another segment of the same message (whose parties are the same).
    pub fn add(&mut self, other: &PartyRoles) {
        if self.by_party.len() < other.by_party.len() {
            self.by_party.resize(other.by_party.len(), 0);
        }
        for (a, b) in self.by_party.iter_mut().zip(&other.by_party) {
            *a |= b;
        }
    }

    /// The field of a party's set (owner [`SetOwner::Party`]) by the roles of the whole
    /// message: a label if a `ReleaseLabelReference` names the party, else an artist if a
    /// `DisplayArtist` names it.
    pub fn field_of(&self, set: &VariantSet) -> Field {
        let SetOwner::Party(i) = set.owner else {
            return set.field;
        };
        let role = self.by_party.get(i).copied().unwrap_or(0);
        if role & LABEL != 0 {
            Field::LabelName
        } else if role & ARTIST != 0 {
            Field::ArtistName
        } else {
            Field::PartyName
        }
    }
}

impl<'f, 'a> Context<'f, 'a> {
    /// Adds this context's [`PartyRoles`] to the message's, once whichever rule asks first.
    pub(crate) fn record_party_roles(&self) {
        self.shared.party_roles_recorded.get_or_init(|| {
            let mut roles = self.message().party_roles.write().unwrap_or_else(|e| e.into_inner());
            roles.add(&self.variant_sets().roles);
        });
    }

    /// The [`PartyRoles`] the contexts of the message recorded ([`Context::record_party_roles`]
    /// in each message rule's `collect`), for the rules' `finish`.
    pub(crate) fn message_party_roles(&self) -> std::sync::RwLockReadGuard<'_, PartyRoles> {
        self.message().party_roles.read().unwrap_or_else(|e| e.into_inner())
    }
}

/// A text's value trimmed, borrowing the file's text when the value does.
pub fn trimmed_text<'a>(value: &Cow<'a, str>) -> Cow<'a, str> {
    match value {
        Cow::Borrowed(s) => Cow::Borrowed(s.trim()),
        Cow::Owned(s) => Cow::Owned(s.trim().to_string()),
    }
}

/// The territory key of an ERN 4 attribute or an ERN 3 `…DetailsByTerritory`.
fn territory_key<'f>(attr: Option<&'f str>, details: Option<u16>, all: &[TerritoryDetails]) -> Cow<'f, str> {
    if let Some(d) = details.and_then(|i| all.get(i as usize)) {
        let mut codes: Vec<&str> = d.territories.iter().map(|t| t.value.trim()).collect();
        codes.sort_unstable();
        codes.dedup();
        let list = codes.join(",");
        return Cow::Owned(if d.excluded { format!("!{list}") } else { list });
    }
    match attr.map(str::trim) {
        Some(t) if !t.is_empty() => Cow::Borrowed(t),
        _ => Cow::Borrowed("Worldwide"),
    }
}

fn release_label<'f>(kind: ReleaseKind, reference: Option<&'f str>) -> OwnerLabel<'f> {
    let what = match kind {
        ReleaseKind::Release => "release",
        ReleaseKind::TrackRelease => "track release",
    };
    OwnerLabel::new(what, reference)
}

fn resource_label<'f>(kind: &'f str, reference: Option<&'f str>) -> OwnerLabel<'f> {
    OwnerLabel::new(kind, reference)
}

/// How messages name the owner of a set (`release R0`, `SoundRecording A1`, `party PArtist`):
/// formatted only when a finding is made, as most sets never produce one (so the reference
/// is not even trimmed before: on a batch file that read alone is a cache miss per set).
#[derive(Clone, Copy, Debug)]
pub struct OwnerLabel<'f> {
    what: &'f str,
    /// As written, untrimmed.
    reference: Option<&'f str>,
}

impl<'f> OwnerLabel<'f> {
    fn new(what: &'f str, reference: Option<&'f str>) -> Self {
        OwnerLabel { what, reference }
    }
}

impl std::fmt::Display for OwnerLabel<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.reference.map(str::trim).filter(|r| !r.is_empty()) {
            Some(r) => write!(f, "{} {r}", self.what),
            None => f.write_str(self.what),
        }
    }
}

/// The text of a title, for [`prefetch_lists_ahead`].
fn title_text<'t>(t: &'t Title) -> Option<&'t str> {
    t.text.as_ref().map(|x| x.value())
}

/// The text of a `DisplayArtistName`, for [`prefetch_lists_ahead`].
fn artist_name_text<'t>(l: &'t Localized) -> Option<&'t str> {
    Some(l.value())
}

/// The party reference of a `DisplayArtist`, for [`prefetch_lists_ahead`].
fn credit_reference<'t>(a: &'t ArtistCredit) -> Option<&'t str> {
    a.party_ref.as_ref().map(|t| t.value.as_ref())
}

/// The `FullName` of a `PartyName`, for [`prefetch_lists_ahead`].
fn party_full_name<'t>(n: &'t PartyName) -> Option<&'t str> {
    n.full_name.as_ref().map(|l| l.value())
}

fn non_empty(l: &Localized) -> bool {
    !l.value().trim().is_empty()
}

/// [`Variant::latin_letters_only`] of a variant of text `l`.
fn latin_letters_only(l: &Localized) -> bool {
    !has_non_latin_letters(l.value())
}

/// Every variant set of a feed that some rule may report on ([`may_be_reported`]), built once
/// per file for the rules that compare variants ([`Context::variant_sets`]).
pub struct VariantSets<'f, 'a> {
    pub titles: Vec<VariantSet<'f, 'a>>,
    pub artist_names: Vec<VariantSet<'f, 'a>>,
    pub parties: Vec<VariantSet<'f, 'a>>,
    pub labels: Vec<VariantSet<'f, 'a>>,
    /// What the content items use each party as (told while gathering the party sets).
    pub roles: PartyRoles,
}

impl<'f, 'a> VariantSets<'f, 'a> {
    fn of(feed: &'f Feed<'a>) -> Self {
        let mut g = Gatherer::new(feed);
        let titles = g.title_sets();
        let artist_names = g.artist_name_sets();
        let parties = g.party_sets();
        let labels = g.label_name_sets();
        VariantSets {
            titles,
            artist_names,
            parties,
            labels,
            roles: g.roles,
        }
    }
}

impl<'f, 'a> Context<'f, 'a> {
    /// The feed's [`VariantSets`], computed on first use and shared by every rule.
    pub(crate) fn variant_sets(&self) -> &VariantSets<'f, 'a> {
        self.shared.variant_sets.get_or_init(|| VariantSets::of(self.feed))
    }
}

/// Whether some rule may report on a set of these variants: each clause is what one of the
/// rules that read [`VariantSets`] asks of a set first. The other sets are not kept: on a
/// batch file most sets are a Latin name, or a Latin title given as `DisplayTitleText` and
/// `DisplayTitle`, and keeping them took most of the sets' memory.
fn may_be_reported(variants: &[Variant]) -> bool {
    // `title-non-latin-without-latin-variant`, `artist-non-latin-without-latin-name`,
    // `label-script-without-latin-alternative` (see `VariantSet::latin_findable`).
    !variants.iter().any(Variant::latin_letters_only)
        // `lang-transliteration-without-original`, `lang-transliteration-casing`.
        || variants.iter().any(|v| v.locale.romanization_of().is_some())
        // `lang-localization-duplicate-or-identical`.
        || variants.len() >= 2 && (may_have_conflict(variants) || variants.iter().any(Variant::non_latin_under_latn_tag))
}

/// Sets with more variants than this skip the pairwise prefilter of [`may_have_conflict`].
const PAIRWISE_LIMIT: usize = 16;

/// Whether two compared variants with different texts may share a locale slot. Most sets
/// have none (a title and its romanization), and then the slots, which need each text's
/// script, are not worth building.
pub fn may_have_conflict(variants: &[Variant]) -> bool {
    if variants.len() > PAIRWISE_LIMIT {
        return true;
    }
    let compared = || variants.iter().filter(|v| v.is_localized());
    compared()
        .enumerate()
        .any(|(i, a)| compared().skip(i + 1).any(|b| a.may_share_slot(b) && !a.same_text(b)))
}

/// Builds the sets of a feed. Tag analyses are cached across sets.
struct Gatherer<'f, 'a> {
    feed: &'f Feed<'a>,
    locales: Locales,
    /// The variants of the set being gathered: one buffer for every set, as most sets are not
    /// kept ([`Gatherer::finish_set`]).
    variants: Vec<Variant<'f, 'a>>,
    /// Told by [`Gatherer::party_sets`].
    roles: PartyRoles,
}

impl<'f, 'a> Gatherer<'f, 'a> {
    pub fn new(feed: &'f Feed<'a>) -> Self {
        Gatherer {
            feed,
            locales: Locales::default(),
            variants: Vec::new(),
            roles: PartyRoles::default(),
        }
    }

    /// A set of the variants gathered (then taken) and `other_names`, unless it is empty or no
    /// rule may report on it.
    fn finish_set(
        &mut self,
        field: Field,
        owner: SetOwner,
        owner_label: OwnerLabel<'f>,
        other_names: &[&'f Localized<'a>],
        credited: &'f [ArtistCredit<'a>],
    ) -> Option<VariantSet<'f, 'a>> {
        let keep = !(self.variants.is_empty() && other_names.is_empty()) && may_be_reported(&self.variants);
        let variants = self.variants.drain(..);
        if !keep {
            return None;
        }
        Some(VariantSet {
            field,
            owner,
            owner_label,
            variants: variants.collect(),
            other_names: other_names.into(),
            credited,
        })
    }

    fn title_variants(&mut self, titles: &'f [Title<'a>], details: &[TerritoryDetails]) {
        for t in titles {
            let Some(text) = t.text.as_ref().filter(|x| non_empty(x)) else {
                continue;
            };
            self.variants.push(Variant {
                kind: VariantKind::of_title(t.kind),
                subtype: t.title_type.as_ref().map(|a| a.value.as_ref()),
                text,
                subtitles: &t.subtitles,
                locale: self.locales.of(&text.lang),
                territory: territory_key(t.territory.as_ref().map(|a| a.value.as_ref()), t.details, details),
                is_default: t
                    .is_default
                    .as_ref()
                    .is_some_and(|a| matches!(a.value.trim(), "true" | "1")),
                party_name: None,
                order: self.variants.len() as u32,
                latin_letters_only: latin_letters_only(text),
            });
        }
    }

    /// The titles of every release (except deal-only stubs) and resource.
    pub fn title_sets(&mut self) -> Vec<VariantSet<'f, 'a>> {
        let feed = self.feed;
        let mut sets = Vec::new();
        for (i, r) in feed.releases.iter().enumerate() {
            prefetch_lists_ahead(&feed.releases, i, |r| &r.display.titles, title_text);
            if r.resources_omitted {
                continue;
            }
            self.title_variants(&r.display.titles, &r.display.details);
            let label = release_label(r.kind, r.reference.as_ref().map(|t| t.value.as_ref()));
            sets.extend(self.finish_set(Field::Title, SetOwner::Release(i), label, &[], &[]));
        }
        for (i, r) in feed.resources.iter().enumerate() {
            prefetch_lists_ahead(&feed.resources, i, |r| &r.display.titles, title_text);
            self.title_variants(&r.display.titles, &r.display.details);
            let label = resource_label(r.kind, r.reference.as_ref().map(|t| t.value.as_ref()));
            sets.extend(self.finish_set(Field::Title, SetOwner::Resource(i), label, &[], &[]));
        }
        sets
    }

    fn localized_variants(
        &mut self,
        kind: VariantKind,
        names: &'f [Localized<'a>],
        details: &[TerritoryDetails],
        details_of: impl Fn(usize) -> Option<u16>,
    ) {
        for (i, n) in names.iter().enumerate() {
            if !non_empty(n) {
                continue;
            }
            self.variants.push(Variant {
                kind,
                subtype: None,
                text: n,
                subtitles: &[],
                locale: self.locales.of(&n.lang),
                territory: territory_key(n.territory.as_ref().map(|a| a.value.as_ref()), details_of(i), details),
                is_default: n.is_default(),
                party_name: None,
                order: self.variants.len() as u32,
                latin_letters_only: latin_letters_only(n),
            });
        }
    }

    /// The `DisplayArtistName`s of every release (except deal-only stubs) and resource.
    pub fn artist_name_sets(&mut self) -> Vec<VariantSet<'f, 'a>> {
        let feed = self.feed;
        let mut sets = Vec::new();
        // Walked, not collected: a list as long as the feed's items, for the few that have
        // artist names, cost more than the labels themselves.
        let displays = feed
            .releases
            .iter()
            .enumerate()
            .filter(|(_, r)| !r.resources_omitted)
            .map(|(i, r)| {
                prefetch_lists_ahead(&feed.releases, i, |r| &r.display.artist_names, artist_name_text);
                (
                    SetOwner::Release(i),
                    release_label(r.kind, r.reference.as_ref().map(|t| t.value.as_ref())),
                    &r.display,
                )
            })
            .chain(feed.resources.iter().enumerate().map(|(i, r)| {
                prefetch_lists_ahead(&feed.resources, i, |r| &r.display.artist_names, artist_name_text);
                (
                    SetOwner::Resource(i),
                    resource_label(r.kind, r.reference.as_ref().map(|t| t.value.as_ref())),
                    &r.display,
                )
            }));
        for (owner, label, d) in displays {
            self.localized_variants(VariantKind::DisplayArtistName, &d.artist_names, &d.details, |i| {
                artist_name_detail(feed, d, i)
            });
            sets.extend(self.finish_set(Field::ArtistName, owner, label, &[], &d.artists));
        }
        sets
    }

    fn party_name_set(
        &mut self,
        field: Field,
        owner: SetOwner,
        owner_label: OwnerLabel<'f>,
        names: &'f [PartyName<'a>],
    ) -> Option<VariantSet<'f, 'a>> {
        // Allocated only for a party whose names have other forms.
        let mut other_names = Vec::new();
        for pn in names {
            other_names.extend(pn.other_names.iter().filter(|l| non_empty(l)));
            let Some(full) = pn.full_name.as_ref().filter(|l| non_empty(l)) else {
                continue;
            };
            self.variants.push(Variant {
                kind: VariantKind::PartyName,
                subtype: None,
                text: full,
                subtitles: &[],
                locale: self.locales.of(&full.lang),
                territory: territory_key(full.territory.as_ref().map(|a| a.value.as_ref()), None, &[]),
                is_default: full.is_default(),
                party_name: Some(pn),
                order: self.variants.len() as u32,
                latin_letters_only: latin_letters_only(full),
            });
        }
        self.finish_set(field, owner, owner_label, &other_names, &[])
    }

    /// The names of every ERN 4 party, and of every ERN 3 inline `DisplayArtist`. A party is
    /// a label if a `ReleaseLabelReference` names it, else an artist if a `DisplayArtist`
    /// names it, else a plain party.
    pub fn party_sets(&mut self) -> Vec<VariantSet<'f, 'a>> {
        let feed = self.feed;
        let mut labels: FastSet<&str> = FastSet::default();
        let mut artists: FastSet<&str> = FastSet::default();
        for r in &feed.releases {
            for l in &r.labels {
                if let Some(p) = &l.party_ref {
                    labels.insert(p.value.trim());
                }
            }
        }
        // Releases and resources walked apart (the set's order does not matter), as slices the
        // prefetch can look ahead in.
        let mut credit = |d: &'f Display<'a>| {
            for a in &d.artists {
                if let Some(p) = &a.party_ref {
                    artists.insert(p.value.trim());
                }
            }
        };
        for (i, r) in feed.releases.iter().enumerate() {
            prefetch_lists_ahead(&feed.releases, i, |r| &r.display.artists, credit_reference);
            credit(&r.display);
        }
        for (i, r) in feed.resources.iter().enumerate() {
            prefetch_lists_ahead(&feed.resources, i, |r| &r.display.artists, credit_reference);
            credit(&r.display);
        }
        let mut sets = Vec::new();
        self.roles.by_party = vec![0; feed.parties.len()];
        // A streaming reader's segment reports on no party: only the roles of the parties its
        // items reference are wanted, found by reference (each names one party) rather than by
        // a pass over every party.
        let by_reference =
            !feed.reports_context && feed.party_references_unique() && !labels.contains("") && !artists.contains("");
        if by_reference {
            for (set, role) in [(&labels, LABEL), (&artists, ARTIST)] {
                for i in set.iter().filter_map(|r| feed.party_index_of(r)) {
                    self.roles.by_party[i] |= role;
                }
            }
        }
        let parties = if by_reference { &[][..] } else { &feed.parties[..] };
        for (i, p) in parties.iter().enumerate() {
            prefetch_lists_ahead(parties, i, |p| &p.names, party_full_name);
            let reference = p.reference.as_ref().map(|t| t.value.trim()).unwrap_or("");
            let (label, artist) = (labels.contains(reference), artists.contains(reference));
            self.roles.by_party[i] = if label { LABEL } else { 0 } | if artist { ARTIST } else { 0 };
            // A streaming reader's segment has its parties to look up, not to report on.
            if !feed.reports_context {
                continue;
            }
            let field = if label {
                Field::LabelName
            } else if artist {
                Field::ArtistName
            } else {
                Field::PartyName
            };
            let label = OwnerLabel::new("party", Some(reference));
            sets.extend(self.party_name_set(field, SetOwner::Party(i), label, &p.names));
        }
        // ERN 3: artists are credited inline.
        for (ri, r) in feed.releases.iter().enumerate() {
            if r.resources_omitted {
                continue;
            }
            let label = release_label(r.kind, r.reference.as_ref().map(|t| t.value.as_ref()));
            for (ci, a) in r.display.artists.iter().enumerate() {
                let owner = SetOwner::Credit {
                    release: Some(ri),
                    resource: None,
                    index: ci,
                };
                sets.extend(self.party_name_set(Field::ArtistName, owner, label, &a.names));
            }
        }
        for (si, r) in feed.resources.iter().enumerate() {
            let label = resource_label(r.kind, r.reference.as_ref().map(|t| t.value.as_ref()));
            for (ci, a) in r.display.artists.iter().enumerate() {
                let owner = SetOwner::Credit {
                    release: None,
                    resource: Some(si),
                    index: ci,
                };
                sets.extend(self.party_name_set(Field::ArtistName, owner, label, &a.names));
            }
        }
        sets
    }

    /// ERN 3: the `LabelName`s of each release, across its `ReleaseDetailsByTerritory`.
    pub fn label_name_sets(&mut self) -> Vec<VariantSet<'f, 'a>> {
        let feed = self.feed;
        let mut sets = Vec::new();
        for (i, r) in feed.releases.iter().enumerate() {
            if r.resources_omitted {
                continue;
            }
            for l in &r.labels {
                let Some(name) = l.name.as_ref().filter(|n| non_empty(n)) else {
                    continue;
                };
                self.variants.push(Variant {
                    kind: VariantKind::LabelName,
                    subtype: l.label_type.as_ref().map(|a| a.value.as_ref()),
                    text: name,
                    subtitles: &[],
                    locale: self.locales.of(&name.lang),
                    territory: territory_key(None, l.details, &r.display.details),
                    is_default: l.is_default(),
                    party_name: None,
                    order: self.variants.len() as u32,
                    latin_letters_only: latin_letters_only(name),
                });
            }
            let label = release_label(r.kind, r.reference.as_ref().map(|t| t.value.as_ref()));
            sets.extend(self.finish_set(Field::LabelName, SetOwner::Release(i), label, &[], &[]));
        }
        sets
    }
}

/// ERN 3 `DisplayArtistName`s carry no details index in the model: find the
/// `…DetailsByTerritory` each sits in by position (the last one that starts before it).
/// ERN 3: the `ReleaseDetailsByTerritory` the `i`th `DisplayArtistName` of `d` sits in.
fn artist_name_detail(feed: &Feed, d: &crate::ern::Display, i: usize) -> Option<u16> {
    if feed.version.is_ern4() || d.details.is_empty() {
        return None;
    }
    let n = d.artist_names.get(i)?;
    d.details.iter().rposition(|t| t.elem < n.text.elem).map(|i| i as u16)
}

/// The non-empty names (full and other forms) of a credited artist's `PartyName`s.
pub fn credit_names<'f, 'a>(names: &'f [PartyName<'a>]) -> impl Iterator<Item = &'f Localized<'a>> + Clone {
    names
        .iter()
        .flat_map(|n| n.full_name.iter().chain(n.other_names.iter()))
        .filter(|l| non_empty(l))
}

/// The tag a romanization of `v` would carry (`ja-Latn`, `el-Latn`): the variant's own
/// language when its text is written in that language's script, else the one language the
/// text's script is used for (`Ελληνικά` tagged `en` → `el-Latn`); `None` when unsure.
pub fn romanization_tag(v: &Variant) -> Option<String> {
    let text = v.value();
    if let Some(lang) = v.locale.language.as_deref() {
        let fits = match v.locale.expected {
            Some(e) => e != ScriptCode::LATN && script_matches_tag(text, e),
            None => true,
        };
        if fits && lang != "und" && lang != "mul" && lang != "zxx" {
            return Some(format!("{lang}-Latn"));
        }
    }
    let script = ScriptCode::from_script(dominant_script(text)?);
    let script = match script.as_str() {
        "Hira" | "Kana" => ScriptCode::JPAN,
        "Hang" => ScriptCode::KORE,
        _ => script,
    };
    match crate::text::languages_for_script(script) {
        [one] => Some(format!("{}-Latn", one.split('-').next().unwrap_or(one))),
        _ => None,
    }
}

/// The English name of a language subtag (`ja` → `Japanese`), else the subtag.
pub fn language_name(code: &str) -> String {
    crate::text::registry()
        .language(code)
        .and_then(|e| e.descriptions.first())
        .map_or_else(|| code.to_string(), |d| d.split(" (").next().unwrap_or(d).to_string())
}

/// The English name of a script code, without the registry's parenthesized note
/// (`Jpan` → `Japanese`, `Grek` → `Greek`).
pub fn script_name(code: ScriptCode) -> String {
    crate::text::registry()
        .script(code.as_str())
        .and_then(|e| e.descriptions.first())
        .map_or_else(|| code.to_string(), |d| d.split(" (").next().unwrap_or(d).to_string())
}

pub use super::findable::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typeable_and_findable() {
        assert!(latin_typeable("1999"));
        assert!(latin_typeable("Life of π"));
        assert!(latin_typeable("I Love You 無望"));
        assert!(!latin_typeable("LOVEソング"));
        assert!(!latin_typeable("夢のララバイ"));
        assert!(latin_findable("Saeko Shu"));
        assert!(latin_findable("BTS (방탄소년단)"));
        assert!(latin_findable("방탄소년단 (BTS)"));
        assert!(latin_findable("Tokyo Love Story (東京ラブストーリー)"));
        assert!(!latin_findable("夢のララバイ (Live)"));
        assert!(!latin_findable("夢のララバイ (Acoustic Version)"));
        assert!(!latin_findable("夢 (feat. John Smith)"));
        assert!(!latin_findable("LOVEソング"));
        assert!(!latin_findable("Ο δρόμος"));
        assert!(!latin_findable("Београд"));
        assert!(latin_findable("Beograd"));
        assert!(latin_findable("ABBA"));
        assert!(!latin_findable("夢のはじまり－風のおくりもの（イントロダクション）"));
        assert_eq!(untypeable_part("LOVEソング"), Some("ソング"));
        assert_eq!(untypeable_part("Ο δρόμος (Live)"), Some("Ο δρόμος"));
        assert_eq!(untypeable_part("Tokyo ソング Love"), Some("ソング"));
        assert_eq!(language_name("el"), "Modern Greek");
        assert_eq!(untypeable_part("Beograd"), None);
    }

    #[test]
    fn initialisms() {
        assert!(is_initialism("ABBA"));
        assert!(is_initialism("AKB48"));
        assert!(is_initialism("BTS & EXO"));
        assert!(!is_initialism("SAKURA"));
        assert!(!is_initialism("Yoake no Uta"));
        assert!(!is_initialism("1999"));
    }

    #[test]
    fn locales() {
        let ja = Locale::parse("ja", true);
        let jpan = Locale::parse("ja-Jpan", true);
        let kana = Locale::parse("ja-Kana", true);
        assert_eq!(ja.key, jpan.key);
        assert_eq!(ja.slot_script("夢のララバイ"), jpan.slot_script("夢のララバイ"));
        assert_eq!(ja.slot_script("LOVEソング"), ScriptCode::JPAN);
        assert_eq!(ja.slot_script("Yume"), ScriptCode::LATN);
        assert_ne!(jpan.slot_script("ﾕﾒ"), kana.slot_script("ﾕﾒ"));
        let sr = Locale::parse("sr", true);
        assert_ne!(sr.slot_script("Београд"), sr.slot_script("Beograd"));
        let el = Locale::parse("el", true);
        assert_eq!(el.slot_script("Ο δρόμος"), el.slot_script("Ο Δρόμος"));
        assert_eq!(el.slot_script("Μουσική (Extended Mix)"), ScriptCode::GREK);
        assert_eq!(sr.slot_script("Рок (Extended Mix)"), ScriptCode::CYRL);
        assert_eq!(Locale::parse("en_US", true).key, Locale::parse("en-US", true).key);
        assert_eq!(Locale::parse("iw", true).key, Locale::parse("he", true).key);
        assert_eq!(Locale::parse("ja-Latn", true).romanization_of(), Some(ScriptCode::JPAN));
        assert_eq!(Locale::parse("el-Latn", true).romanization_of(), Some(ScriptCode::GREK));
        assert_eq!(Locale::parse("sr-Latn", true).romanization_of(), None);
        assert_eq!(Locale::parse("en-Latn", true).romanization_of(), None);
        assert_eq!(Locale::parse("ja", true).romanization_of(), None);
    }
}
