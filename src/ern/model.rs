//! The typed model of one ERN feed, shared by the ERN 3 and ERN 4 readers.
//!
//! Every value keeps where it came from: `elem` is the offset of its element's start tag
//! (line/column of findings) and `span` the raw source range of the value itself (what a
//! finding underlines and what a fix replaces). Values borrow from the decoded text.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::finding::Span;

/// The ERN family and version of a feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErnVersion {
    pub major: u8,
    /// Dotted version as read: `4.3`, `4.1.1`, `3.8.2`.
    pub label: String,
    pub namespace: Option<String>,
}

impl ErnVersion {
    pub fn is_ern4(&self) -> bool {
        self.major == 4
    }
}

/// An attribute value.
#[derive(Clone, Debug)]
pub struct AttrValue<'a> {
    pub value: Cow<'a, str>,
    /// Start tag of the element that carries the attribute.
    pub elem: u32,
    /// Raw value between the quotes.
    pub span: Span,
}

/// An attribute most elements do not carry (`ApplicableTerritoryCode`, `IsDefault`,
/// `TitleType`, `LabelType`): boxed, so an absent one costs a pointer rather than a whole
/// [`AttrValue`] in each of the hundreds of thousands of texts of a batch file.
pub type RareAttr<'a> = Option<Box<AttrValue<'a>>>;

/// Text content of an element.
#[derive(Clone, Debug)]
pub struct Text<'a> {
    pub value: Cow<'a, str>,
    pub elem: u32,
    /// Raw content; empty range right after the start tag for an empty element.
    pub span: Span,
    /// Whether the whole value can be rewritten by one edit of `span` (one run of text
    /// or references, no comments or child elements inside).
    pub editable: bool,
}

/// Where a text's effective language comes from (catalogue §0.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LangSource {
    /// `LanguageAndScriptCode` on the element itself.
    Own,
    /// Inherited from a localized container (`DisplayTitle`, `PartyName`, `Release`, …).
    Container,
    /// Only from the message root.
    Root,
    /// Nothing declared anywhere: DDEX's default, `en`.
    Default,
}

/// The effective language of a value.
#[derive(Clone, Debug)]
pub struct Lang<'a> {
    /// The attribute that declares it; `None` for [`LangSource::Default`]. Shared by every
    /// text that inherits it.
    pub attr: Option<std::sync::Arc<AttrValue<'a>>>,
    pub source: LangSource,
}

impl Lang<'_> {
    /// The tag as written (`en` when only DDEX's default applies).
    pub fn tag(&self) -> &str {
        self.attr.as_ref().map_or("en", |a| a.value.as_ref())
    }
}

/// A displayed or indexed text with its localization: a title, a name, a rights line.
#[derive(Clone, Debug)]
pub struct Localized<'a> {
    pub text: Text<'a>,
    pub lang: Lang<'a>,
    /// `ApplicableTerritoryCode` of the text or its container.
    pub territory: RareAttr<'a>,
    /// `IsDefault` of the text or its container.
    pub is_default: RareAttr<'a>,
}

impl Localized<'_> {
    pub fn value(&self) -> &str {
        &self.text.value
    }
    pub fn is_default(&self) -> bool {
        self.is_default
            .as_ref()
            .is_some_and(|a| a.value.trim() == "true" || a.value.trim() == "1")
    }
}

/// Which element a title comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleKind {
    /// ERN 4 `DisplayTitleText`: the whole title in one string.
    DisplayTitleText,
    /// ERN 4 `DisplayTitle` (`TitleText` + `SubTitle`s).
    DisplayTitle,
    /// ERN 4 `AdditionalTitle` (4.3) or `FormalTitle`/`GroupingTitle` (4.3.2).
    AdditionalTitle,
    /// ERN 3 `Title` (in `ReleaseDetailsByTerritory` or `…DetailsByTerritory`).
    Title,
    /// ERN 3 `ReferenceTitle`.
    ReferenceTitle,
}

#[derive(Clone, Debug)]
pub struct Title<'a> {
    pub kind: TitleKind,
    /// Start tag of the title element (`DisplayTitle`, `Title`, …).
    pub elem: u32,
    pub tag_span: Span,
    /// `TitleType` attribute (ERN 3, ERN 4 AdditionalTitle).
    pub title_type: RareAttr<'a>,
    /// The main text: `TitleText`, or the element's own text for `DisplayTitleText`.
    pub text: Option<Localized<'a>>,
    pub subtitles: Vec<Localized<'a>>,
    /// The title element's own language (for `DisplayTitleText`, the same as the text's).
    pub lang: Lang<'a>,
    pub territory: RareAttr<'a>,
    pub is_default: RareAttr<'a>,
    /// ERN 3: index of the `…DetailsByTerritory` it sits in.
    pub details: Option<u16>,
}

/// Kinds of identifiers the rules check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IdKind {
    Isrc,
    Icpn,
    Grid,
    Isni,
    Dpid,
    Ipi,
    CatalogNumber,
    Proprietary,
    Other,
}

impl IdKind {
    /// Check `raw` as an identifier of this kind; `None` for kinds without a syntax to check
    /// (catalog numbers, proprietary IDs, IPI).
    pub fn check(self, raw: &str) -> Option<crate::ids::IdCheck> {
        use crate::ids::{check_dpid, check_grid, check_icpn, check_isni, check_isrc};
        Some(match self {
            IdKind::Isrc => check_isrc(raw),
            IdKind::Icpn => check_icpn(raw),
            IdKind::Grid => check_grid(raw),
            IdKind::Isni => check_isni(raw),
            IdKind::Dpid => check_dpid(raw),
            IdKind::Ipi | IdKind::CatalogNumber | IdKind::Proprietary | IdKind::Other => return None,
        })
    }
}

/// What an identifier identifies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    /// The `MessageHeader` (sender, recipient).
    Header,
    Party(usize),
    Resource(usize),
    Release(usize),
}

#[derive(Clone, Debug)]
pub struct Identifier<'a> {
    pub kind: IdKind,
    pub text: Text<'a>,
    pub owner: Owner,
    /// `Namespace` attribute of a proprietary identifier.
    pub namespace: RareAttr<'a>,
}

/// One `PartyName` of an ERN 4 party (or an ERN 3 inline party name).
#[derive(Clone, Debug)]
pub struct PartyName<'a> {
    pub elem: u32,
    pub full_name: Option<Localized<'a>>,
    /// `FullNameIndexed`, `FullNameAsciiTranscribed`, `KeyName`, … in document order.
    pub other_names: Vec<Localized<'a>>,
    pub lang: Lang<'a>,
    /// `IsNickname`, `IsStageName`, `IsLegalName` (names in one language may differ by role).
    pub is_nickname: bool,
    pub is_stage_name: bool,
    pub is_legal_name: bool,
}

/// An ERN 4 `PartyList/Party`.
#[derive(Clone, Debug)]
pub struct Party<'a> {
    pub elem: u32,
    pub tag_span: Span,
    pub reference: Option<Text<'a>>,
    pub names: Vec<PartyName<'a>>,
    /// Indexes into [`Feed::identifiers`].
    pub ids: Vec<usize>,
}

/// A `DisplayArtist` credit.
#[derive(Clone, Debug)]
pub struct ArtistCredit<'a> {
    pub elem: u32,
    /// ERN 4 `ArtistPartyReference`.
    pub party_ref: Option<Text<'a>>,
    /// ERN 3 inline `PartyName`s.
    pub names: Vec<PartyName<'a>>,
    /// `DisplayArtistRole` (ERN 4) or `ArtistRole` (ERN 3).
    pub roles: Vec<Text<'a>>,
}

/// A P line or C line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RightsKind {
    P,
    C,
}

#[derive(Clone, Debug)]
pub struct RightsLine<'a> {
    pub kind: RightsKind,
    pub elem: u32,
    pub tag_span: Span,
    pub year: Option<Text<'a>>,
    pub company: Option<Localized<'a>>,
    pub text: Option<Localized<'a>>,
    pub details: Option<u16>,
}

/// A label of a release: ERN 4 `ReleaseLabelReference`, ERN 3 `LabelName`.
#[derive(Clone, Debug)]
pub struct Label<'a> {
    pub elem: u32,
    pub tag_span: Span,
    /// ERN 4: the party reference (the element's text).
    pub party_ref: Option<Text<'a>>,
    /// ERN 3: the label name itself.
    pub name: Option<Localized<'a>>,
    /// `LabelType` (ERN 4) or `LabelNameType` (ERN 3).
    pub label_type: RareAttr<'a>,
    pub is_default: RareAttr<'a>,
    pub territory: RareAttr<'a>,
    pub details: Option<u16>,
}

impl Label<'_> {
    pub fn is_display_label(&self) -> bool {
        self.label_type
            .as_ref()
            .is_some_and(|t| matches!(t.value.trim(), "DisplayLabel" | "DisplayLabelName"))
    }
    pub fn is_default(&self) -> bool {
        self.is_default
            .as_ref()
            .is_some_and(|a| a.value.trim() == "true" || a.value.trim() == "1")
    }
}

/// ERN 3 `ReleaseDetailsByTerritory` (or a resource's `…DetailsByTerritory`).
#[derive(Clone, Debug)]
pub struct TerritoryDetails<'a> {
    pub elem: u32,
    pub tag_span: Span,
    /// `TerritoryCode`s, or `ExcludedTerritoryCode`s when `excluded`.
    pub territories: Vec<Text<'a>>,
    pub excluded: bool,
    pub lang: Lang<'a>,
}

/// The parts of a release or resource that carry display metadata.
#[derive(Clone, Debug, Default)]
pub struct Display<'a> {
    pub titles: Vec<Title<'a>>,
    pub artist_names: Vec<Localized<'a>>,
    pub artists: Vec<ArtistCredit<'a>>,
    pub plines: Vec<RightsLine<'a>>,
    pub clines: Vec<RightsLine<'a>>,
    pub details: Vec<TerritoryDetails<'a>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReleaseKind {
    Release,
    /// ERN 4 `TrackRelease`.
    TrackRelease,
}

#[derive(Clone, Debug)]
pub struct Release<'a> {
    pub kind: ReleaseKind,
    pub elem: u32,
    pub tag_span: Span,
    pub reference: Option<Text<'a>>,
    pub is_main_release: bool,
    /// ERN 3 `ResourceOmissionReason`: a stub release in a deal-only message (takedown,
    /// price change) that describes no content; display rules leave it alone.
    pub resources_omitted: bool,
    pub release_types: Vec<Text<'a>>,
    pub display: Display<'a>,
    pub labels: Vec<Label<'a>>,
    /// Indexes into [`Feed::identifiers`].
    pub ids: Vec<usize>,
    /// The `ReleaseResourceReference`s anywhere in the release (resource groups, track
    /// releases, ERN 3 `ReleaseResourceReferenceList`): the resources it contains.
    pub resource_refs: Vec<Text<'a>>,
}

#[derive(Clone, Debug)]
pub struct Resource<'a> {
    /// `SoundRecording`, `Video`, `Image`, …
    pub kind: &'a str,
    pub elem: u32,
    pub tag_span: Span,
    pub reference: Option<Text<'a>>,
    pub display: Display<'a>,
    /// Indexes into [`Feed::identifiers`].
    pub ids: Vec<usize>,
}

/// What a reference points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RefKind {
    Party,
    Resource,
    Release,
}

impl RefKind {
    pub fn noun(self) -> &'static str {
        match self {
            RefKind::Party => "party",
            RefKind::Resource => "resource",
            RefKind::Release => "release",
        }
    }
}

/// A use of a reference (`ReleaseLabelReference`, `ArtistPartyReference`, …).
#[derive(Clone, Debug)]
pub struct RefUse<'a> {
    pub kind: RefKind,
    /// Local name of the referring element.
    pub element: &'a str,
    pub text: Text<'a>,
}

/// A `MessageSender`, `SentOnBehalfOf` or `MessageRecipient`.
#[derive(Clone, Debug)]
pub struct HeaderParty<'a> {
    pub role: &'a str,
    pub elem: u32,
    pub name: Option<Text<'a>>,
    /// Indexes into [`Feed::identifiers`].
    pub ids: Vec<usize>,
}

/// An `IsDefault="true"` attribute (RP 2.1 rule 1014-1 counts them per sibling group).
#[derive(Clone, Debug)]
pub struct DefaultFlag<'a> {
    /// Local name of the element that carries it.
    pub element: &'a str,
    /// Start tag of the element's parent: siblings share it.
    pub parent: u32,
    pub attr: AttrValue<'a>,
}

/// One ERN message.
#[derive(Clone, Debug)]
pub struct Feed<'a> {
    pub version: ErnVersion,
    /// Root start tag.
    pub root_elem: u32,
    pub root_tag_span: Span,
    pub root_lang: Option<AttrValue<'a>>,
    /// Every `LanguageAndScriptCode` attribute in the message, in document order.
    pub lang_attrs: Vec<AttrValue<'a>>,
    /// Every `IsDefault` attribute whose value is true, in document order.
    pub default_flags: Vec<DefaultFlag<'a>>,
    pub header: Vec<HeaderParty<'a>>,
    pub parties: Vec<Party<'a>>,
    pub resources: Vec<Resource<'a>>,
    pub releases: Vec<Release<'a>>,
    pub identifiers: Vec<Identifier<'a>>,
    pub refs: Vec<RefUse<'a>>,
    /// Where each item (child of the root, or of a `…List`) starts and ends, to find the
    /// XPath of a finding without scanning the whole file again.
    pub items: Vec<ItemMark>,
    /// Parent paths of items (`/NewReleaseMessage`, `/NewReleaseMessage/ResourceList`, …).
    pub item_parents: Vec<String>,
    party_index: RefIndex<'a>,
    resource_index: RefIndex<'a>,
    /// Whether the rules report on the context (the root, the header, the parties and their
    /// identifiers): false in a streaming reader's segments, whose context is there to look
    /// things up in and is reported on once, at the end (`tests/segments.rs`).
    pub reports_context: bool,
    /// Set by a streaming reader: where the content items of a segment are, or, once they
    /// are dropped, where they were ([`Feed::content_marks`]).
    pub(crate) dropped_content: Option<Vec<(u32, u32)>>,
    /// Set by a streaming reader: the releases (of kind [`ReleaseKind::Release`]) it dropped
    /// whole, for [`Feed::release_count`].
    pub(crate) dropped_releases: usize,
    /// Whether every party has a reference of its own (non-empty, trimmed, no other party's).
    party_references_unique: bool,
}

/// References to their definitions (keys trimmed, borrowed from the text when they can be).
/// A seeded hasher: the keys come from the file.
type RefIndex<'a> = HashMap<Cow<'a, str>, usize, ahash::RandomState>;

pub(crate) fn trimmed<'a>(value: &Cow<'a, str>) -> Cow<'a, str> {
    match value {
        Cow::Borrowed(s) => Cow::Borrowed(s.trim()),
        Cow::Owned(s) => Cow::Owned(s.trim().to_string()),
    }
}

/// One item's place in the document.
#[derive(Clone, Copy, Debug)]
pub struct ItemMark {
    pub start: u32,
    pub end: u32,
    /// Index among same-named siblings (1-based).
    pub index: u32,
    /// Index into [`Feed::item_parents`].
    pub parent: u32,
}

impl<'a> Feed<'a> {
    pub fn new(version: ErnVersion, root_elem: u32, root_tag_span: Span, root_lang: Option<AttrValue<'a>>) -> Self {
        Feed {
            version,
            root_elem,
            root_tag_span,
            root_lang,
            lang_attrs: Vec::new(),
            default_flags: Vec::new(),
            header: Vec::new(),
            parties: Vec::new(),
            resources: Vec::new(),
            releases: Vec::new(),
            identifiers: Vec::new(),
            refs: Vec::new(),
            items: Vec::new(),
            item_parents: Vec::new(),
            party_index: RefIndex::default(),
            resource_index: RefIndex::default(),
            reports_context: true,
            dropped_content: None,
            dropped_releases: 0,
            party_references_unique: false,
        }
    }

    /// Called by the readers once every item is read.
    pub(crate) fn finish(&mut self) {
        self.index_parties();
        self.index_resources();
    }

    /// Indexes the parties by reference (for [`Feed::party`]).
    pub(crate) fn index_parties(&mut self) {
        self.party_index.clear();
        let mut unique = true;
        for (i, p) in self.parties.iter().enumerate() {
            match &p.reference {
                Some(r) => {
                    let key = trimmed(&r.value);
                    unique &= !key.is_empty() && !self.party_index.contains_key(&key);
                    self.party_index.entry(key).or_insert(i);
                }
                None => unique = false,
            }
        }
        self.party_references_unique = unique;
    }

    /// Whether every party has a reference of its own (non-empty, no other party's): each
    /// reference then names exactly the party [`Feed::party_index_of`] gives.
    pub(crate) fn party_references_unique(&self) -> bool {
        self.party_references_unique
    }

    /// Indexes the resources by reference (for [`Feed::resource`]).
    pub(crate) fn index_resources(&mut self) {
        self.resource_index.clear();
        for (i, r) in self.resources.iter().enumerate() {
            if let Some(t) = &r.reference {
                self.resource_index.entry(trimmed(&t.value)).or_insert(i);
            }
        }
    }

    /// How many releases (not track releases) the message has.
    pub fn release_count(&self) -> usize {
        let kept = self.releases.iter().filter(|r| r.kind == ReleaseKind::Release).count();
        kept + self.dropped_releases
    }

    /// The `LanguageAndScriptCode` written on the element whose start tag is at `elem`.
    pub fn lang_attr_on(&self, elem: u32) -> Option<&AttrValue<'a>> {
        // `lang_attrs` is in document order.
        let i = self.lang_attrs.partition_point(|a| a.elem < elem);
        self.lang_attrs.get(i).filter(|a| a.elem == elem)
    }

    /// The parties the rules report on: all of them, or none in a segment of a streaming
    /// reader ([`Feed::reports_context`]).
    pub fn reported_parties(&self) -> &[Party<'a>] {
        if self.reports_context {
            &self.parties
        } else {
            &[]
        }
    }

    /// The parties the releases use as labels (ERN 4 `ReleaseLabelReference`s that resolve),
    /// each once, with the reference that first names it; stub releases are left out.
    pub fn label_parties(&self) -> Vec<(&Party<'a>, &Text<'a>)> {
        let mut out: Vec<(&Party<'a>, &Text<'a>)> = Vec::new();
        // By party index: a batch has thousands of label parties, a linear `out` search was quadratic.
        let mut seen = vec![false; self.parties.len()];
        let labels = self
            .releases
            .iter()
            .filter(|r| !r.resources_omitted)
            .flat_map(|r| &r.labels);
        for reference in labels.filter_map(|l| l.party_ref.as_ref()) {
            if let Some(i) = self.party_index_of(&reference.value) {
                if !std::mem::replace(&mut seen[i], true) {
                    out.push((&self.parties[i], reference));
                }
            }
        }
        out
    }

    /// The resource a reference names (first definition wins).
    pub fn resource(&self, reference: &str) -> Option<&Resource<'a>> {
        self.resource_index.get(reference.trim()).map(|&i| &self.resources[i])
    }

    /// The resources a release contains, resolved from its `ReleaseResourceReference`s, each
    /// once, in document order.
    pub fn release_resources(&self, release: &Release<'a>) -> Vec<&Resource<'a>> {
        let mut out: Vec<&Resource<'a>> = Vec::new();
        for t in &release.resource_refs {
            if let Some(r) = self.resource(&t.value) {
                if !out.iter().any(|o| std::ptr::eq(*o, r)) {
                    out.push(r);
                }
            }
        }
        out
    }

    /// XPaths of the elements starting at `offsets` (start tags inside the message's items,
    /// or the root), scanning only the items that hold them.
    pub fn xpaths_at(&self, text: &str, offsets: &[u32]) -> Vec<Option<String>> {
        use crate::xml::xpath::{Start, XPathScanner};
        let mut out = vec![None; offsets.len()];
        let mut by_item: Vec<(usize, usize)> = Vec::new(); // (item, offset index)
        for (i, &o) in offsets.iter().enumerate() {
            if o == self.root_elem {
                let root = &text[o as usize + 1..];
                let qname = root
                    .split(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
                    .next()
                    .unwrap_or("");
                out[i] = Some(format!("/{}", crate::xml::local_name(qname)));
                continue;
            }
            let k = self.items.partition_point(|m| m.start <= o);
            if k > 0 && o < self.items[k - 1].end {
                by_item.push((k - 1, i));
            }
        }
        by_item.sort_unstable();
        let mut scanner = XPathScanner::default();
        for group in by_item.chunk_by(|a, b| a.0 == b.0) {
            let mark = self.items[group[0].0];
            let start = Start {
                offset: mark.start,
                parent_path: &self.item_parents[mark.parent as usize],
                index: mark.index,
            };
            let wanted = group.iter().map(|&(_, i)| (offsets[i], i));
            scanner.scan(text, &start, wanted, &mut out);
        }
        out
    }

    /// The party a reference names (first definition wins).
    pub fn party(&self, reference: &str) -> Option<&Party<'a>> {
        self.party_index_of(reference).map(|i| &self.parties[i])
    }

    /// Index into [`Feed::parties`] of the party a reference names (first definition wins).
    pub fn party_index_of(&self, reference: &str) -> Option<usize> {
        self.party_index.get(reference.trim()).copied()
    }

    /// The names under which a label is shown: the `LabelName` (ERN 3) or the referenced
    /// party's `FullName`s (ERN 4).
    pub fn label_names<'s>(&'s self, label: &'s Label<'a>) -> Vec<&'s Localized<'a>> {
        if let Some(n) = &label.name {
            return vec![n];
        }
        label
            .party_ref
            .as_ref()
            .and_then(|r| self.party(&r.value))
            .map(|p| p.names.iter().filter_map(|n| n.full_name.as_ref()).collect())
            .unwrap_or_default()
    }

    pub fn identifiers_of<'s>(&'s self, ids: &'s [usize]) -> impl Iterator<Item = &'s Identifier<'a>> + 's {
        ids.iter().map(|&i| &self.identifiers[i])
    }

    /// The display metadata of every release, then every resource.
    pub fn displays(&self) -> impl Iterator<Item = &Display<'a>> {
        self.releases
            .iter()
            .map(|r| &r.display)
            .chain(self.resources.iter().map(|r| &r.display))
    }

    /// Every displayed or indexed text of the message, with what it is.
    pub fn display_texts<'s>(&'s self) -> Vec<(TextField, &'s Localized<'a>)> {
        // Keyed by start offset, read once: sorting through the references would fetch two
        // texts from all over a batch file's model for every comparison.
        let mut out: Vec<(u32, TextField, &Localized<'a>)> = Vec::new();
        let mut add = |field: TextField, texts: &mut dyn Iterator<Item = &'s Localized<'a>>| {
            out.extend(texts.map(|t| (t.text.span.start, field, t)));
        };
        for p in self.reported_parties() {
            for n in &p.names {
                add(TextField::PartyName, &mut n.full_name.iter());
                add(TextField::PartyNameOther, &mut n.other_names.iter());
            }
        }
        for d in self.displays() {
            for t in &d.titles {
                add(TextField::Title, &mut t.text.iter());
                add(TextField::SubTitle, &mut t.subtitles.iter());
            }
            add(TextField::ArtistName, &mut d.artist_names.iter());
            for a in &d.artists {
                for n in &a.names {
                    add(TextField::PartyName, &mut n.full_name.iter());
                    add(TextField::PartyNameOther, &mut n.other_names.iter());
                }
            }
            for l in d.plines.iter().chain(&d.clines) {
                add(TextField::RightsLine, &mut l.text.iter());
                add(TextField::RightsCompany, &mut l.company.iter());
            }
        }
        for r in &self.releases {
            for l in &r.labels {
                add(TextField::LabelName, &mut l.name.iter());
            }
        }
        out.sort_by_key(|&(start, _, _)| start);
        out.into_iter().map(|(_, field, t)| (field, t)).collect()
    }
}

/// What kind of field a displayed text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextField {
    Title,
    SubTitle,
    ArtistName,
    /// `PartyName/FullName` (artists, labels, contributors).
    PartyName,
    PartyNameOther,
    /// ERN 3 `LabelName`.
    LabelName,
    RightsLine,
    RightsCompany,
}

impl TextField {
    /// Names (artist, party, label) as opposed to titles and rights lines.
    pub fn is_name(self) -> bool {
        matches!(
            self,
            TextField::ArtistName | TextField::PartyName | TextField::PartyNameOther | TextField::LabelName
        )
    }
}
