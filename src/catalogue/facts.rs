//! What one file contributes to the catalogue index, copied out of its feed.

use crate::hash::{FastMap, FastSet};

use std::borrow::Cow;

use crate::ern::{Display, Feed, IdKind, Localized, Owner, ReleaseKind, Title, TitleKind};
use crate::rules::label::names::{display_form, is_display_form, label_uses, KeyCache};
use crate::source::Source;
use crate::suppress::Suppressions;

/// Where something was seen in its file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Place {
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub xpath: Option<String>,
    /// Catalogue rules an inline suppression silences here: bit `i` for
    /// [`crate::rules::catalogue::CHECKS`]`[i]`.
    pub suppressed: u8,
}

/// One spelling of a name in one file: how often the file uses it and where first.
#[derive(Clone, Debug)]
pub struct Spelled {
    pub text: String,
    /// The loose name key it is grouped by (label or artist key), computed here, in
    /// parallel, rather than under the index's lock.
    pub key: String,
    pub uses: u32,
    pub place: Place,
}

/// An identifier with what it names in this file.
#[derive(Clone, Debug)]
pub struct Named {
    pub id: String,
    /// ISRC: the title; ICPN/GRid: the release title; DPID/ISNI: the party's names joined by
    /// U+001F (localized names of one party).
    pub name: String,
    /// ISRC only: the display artists.
    pub artists: String,
    pub place: Place,
}

/// The catalogue facts of one file.
#[derive(Clone, Debug, Default)]
pub struct FileFacts {
    pub labels: Vec<Spelled>,
    pub artists: Vec<Spelled>,
    pub isrcs: Vec<Named>,
    pub releases: Vec<Named>,
    pub parties: Vec<Named>,
}

/// The compact form of a well-formed identifier (a malformed one is the per-file rules'
/// business and would only add noise here).
fn normalized(kind: IdKind, raw: &str) -> Option<String> {
    kind.check(raw)?.clean(raw).ok()
}

/// Display forms by raw text, per file: a name repeated on many releases is normalized once.
/// Only names that normalizing changes are kept; the others (most) are their own form.
#[derive(Default)]
struct Forms<'f>(FastMap<&'f str, String>);

impl<'f> Forms<'f> {
    fn get(&mut self, raw: &'f str) -> &str {
        if is_display_form(raw) {
            return raw;
        }
        self.0.entry(raw).or_insert_with(|| display_form(raw))
    }
}

/// The main title: `DisplayTitleText`, else `DisplayTitle`, else the first ERN 3 title.
fn main_title<'f>(titles: &'f [Title], forms: &mut Forms<'f>) -> String {
    let rank = |k: TitleKind| match k {
        TitleKind::DisplayTitleText => 0,
        TitleKind::DisplayTitle => 1,
        TitleKind::Title => 2,
        TitleKind::ReferenceTitle => 3,
        TitleKind::AdditionalTitle => 4,
    };
    titles
        .iter()
        .filter_map(|t| t.text.as_ref().map(|x| (rank(t.kind), x)))
        .min_by_key(|(r, _)| *r)
        .map(|(_, t)| forms.get(t.value()).to_string())
        .unwrap_or_default()
}

/// The artist names a display shows, in order: its display artist names, then each credit's
/// inline names and the names of the party it references.
fn each_artist<'f, 'a>(feed: &'f Feed<'a>, d: &'f Display<'a>, mut f: impl FnMut(&'f Localized<'a>)) {
    for n in &d.artist_names {
        f(n);
    }
    for credit in &d.artists {
        for pn in &credit.names {
            if let Some(n) = &pn.full_name {
                f(n);
            }
        }
        if let Some(p) = credit.party_ref.as_ref().and_then(|r| feed.party(&r.value)) {
            for n in p.names.iter().filter_map(|n| n.full_name.as_ref()) {
                f(n);
            }
        }
    }
}

/// `parts` joined by `sep`, without an intermediate `Vec<String>`.
fn join<'f>(parts: impl Iterator<Item = &'f str>, sep: &str, forms: &mut Forms<'f>) -> String {
    let mut out = String::new();
    for (k, raw) in parts.enumerate() {
        if k > 0 {
            out.push_str(sep);
        }
        out.push_str(forms.get(raw));
    }
    out
}

impl FileFacts {
    /// Copy the catalogue facts out of a feed (`identifiers`: with the identifiers).
    pub fn extract(feed: &Feed<'_>, source: &Source, suppressions: &Suppressions, identifiers: bool) -> FileFacts {
        let mut facts = FactsCollector::new(identifiers);
        facts.collect(feed);
        facts.finish(feed, source, suppressions)
    }
}

/// A file's catalogue facts, taken a segment of its message at a time (as
/// [`crate::rules::MessageRule`]s are: `collect` reads the content items, `finish` the
/// context), in the order [`FileFacts::extract`] takes them from a whole message.
#[derive(Default)]
pub struct FactsCollector<'a> {
    /// (anchor, end) of each fact's place.
    places: Vec<(u32, u32)>,
    /// (text, uses, place) per spelling, in first-seen order.
    labels: Vec<(String, u32, usize)>,
    /// Position in `labels` by spelling: a batch file has thousands of names.
    label_at: FastMap<String, usize>,
    /// The same, by raw text: a repeated raw name skips `display_form` and its allocation.
    label_of: FastMap<Cow<'a, str>, usize>,
    artists: Vec<(String, u32, usize)>,
    artist_at: FastMap<String, usize>,
    /// Raw text → position in `artists`, `None` for a name whose display form is empty.
    artist_of: FastMap<Cow<'a, str>, Option<usize>>,
    /// The texts counted already (by start), so a party credited many times counts once.
    seen: FastSet<u32>,
    /// The resources' artist names (raw, start, anchor, end), in document order: a whole
    /// message's are taken after all the releases'.
    resource_artists: Vec<(Cow<'a, str>, u32, u32, u32)>,
    /// (slot, identifier, name, artists, place).
    named: Vec<(u8, String, String, String, usize)>,
    known: FastSet<(u8, String)>,
    /// Whether the identifiers are taken (else only the names).
    with_identifiers: bool,
}

impl<'a> FactsCollector<'a> {
    /// A collector of the names, and of the identifiers if `identifiers`.
    pub fn new(identifiers: bool) -> Self {
        FactsCollector {
            with_identifiers: identifiers,
            ..Default::default()
        }
    }

    /// Takes the facts of a segment's content items.
    pub fn collect(&mut self, feed: &Feed<'a>) {
        for u in label_uses(feed) {
            self.label(u.name);
        }
        for r in feed.releases.iter().filter(|r| !r.resources_omitted) {
            each_artist(feed, &r.display, |n| {
                self.artist(n.text.value.clone(), n.text.span.start, n.text.elem, n.text.span.end)
            });
        }
        for r in &feed.resources {
            each_artist(feed, &r.display, |n| {
                let t = &n.text;
                self.resource_artists
                    .push((t.value.clone(), t.span.start, t.elem, t.span.end));
            });
        }
        self.identifiers(feed, false);
    }

    fn label(&mut self, name: &Localized<'a>) {
        let raw = name.value();
        if let Some(&i) = self.label_of.get(raw) {
            self.labels[i].1 += 1;
            return;
        }
        let text = display_form(raw);
        let i = match self.label_at.get(&text) {
            Some(&i) => {
                self.labels[i].1 += 1;
                i
            }
            None => {
                self.places.push((name.text.elem, name.text.span.end));
                self.label_at.insert(text.clone(), self.labels.len());
                self.labels.push((text, 1, self.places.len() - 1));
                self.labels.len() - 1
            }
        };
        self.label_of.insert(name.text.value.clone(), i);
    }

    fn artist(&mut self, raw: Cow<'a, str>, start: u32, anchor: u32, end: u32) {
        if !self.seen.insert(start) {
            return;
        }
        if let Some(&at) = self.artist_of.get(raw.as_ref()) {
            if let Some(i) = at {
                self.artists[i].1 += 1;
            }
            return;
        }
        let text = display_form(&raw);
        if text.is_empty() {
            self.artist_of.insert(raw, None);
            return;
        }
        let i = match self.artist_at.get(&text) {
            Some(&i) => {
                self.artists[i].1 += 1;
                i
            }
            None => {
                self.places.push((anchor, end));
                self.artist_at.insert(text.clone(), self.artists.len());
                self.artists.push((text, 1, self.places.len() - 1));
                self.artists.len() - 1
            }
        };
        self.artist_of.insert(raw, Some(i));
    }

    /// Takes the identifiers of the context (`context`: the parties') or of the content items.
    fn identifiers(&mut self, feed: &Feed<'a>, context: bool) {
        if !self.with_identifiers {
            return;
        }
        let mut forms = Forms::default();
        for id in &feed.identifiers {
            if matches!(id.owner, Owner::Header | Owner::Party(_)) != context {
                continue;
            }
            let slot = match (id.kind, id.owner) {
                (IdKind::Isrc, Owner::Resource(_)) => 0,
                (IdKind::Icpn | IdKind::Grid, Owner::Release(i)) if feed.releases[i].kind == ReleaseKind::Release => 1,
                (IdKind::Dpid | IdKind::Isni, Owner::Party(_)) => 2,
                _ => continue,
            };
            let Some(value) = normalized(id.kind, &id.text.value) else {
                continue;
            };
            // A known identifier is skipped whatever its name: test before building the name.
            let key = (slot, value);
            if self.known.contains(&key) {
                continue;
            }
            let (name, artists) = match id.owner {
                Owner::Resource(i) => {
                    let d = &feed.resources[i].display;
                    let artists = join(d.artist_names.iter().map(|n| n.value()), " / ", &mut forms);
                    (main_title(&d.titles, &mut forms), artists)
                }
                Owner::Release(i) => (main_title(&feed.releases[i].display.titles, &mut forms), String::new()),
                Owner::Party(i) => {
                    let names = feed.parties[i].names.iter().filter_map(|n| n.full_name.as_ref());
                    (join(names.map(|f| f.value()), "\u{1f}", &mut forms), String::new())
                }
                _ => unreachable!("slot matched the owner"),
            };
            if name.is_empty() {
                continue;
            }
            let (slot, value) = key;
            self.known.insert((slot, value.clone()));
            self.places.push((id.text.elem, id.text.span.end));
            self.named.push((slot, value, name, artists, self.places.len() - 1));
        }
    }

    /// Takes the facts of the context, and places them all.
    pub fn finish(mut self, feed: &Feed<'a>, source: &Source, suppressions: &Suppressions) -> FileFacts {
        for (raw, start, anchor, end) in std::mem::take(&mut self.resource_artists) {
            self.artist(raw, start, anchor, end);
        }
        self.identifiers(feed, true);
        let FactsCollector {
            places,
            labels,
            artists,
            named,
            ..
        } = self;
        let anchors: Vec<u32> = places.iter().map(|p| p.0).collect();
        // Each place is used once: its XPath is moved out, not cloned.
        let mut xpaths = feed.xpaths_at(&source.text, &anchors);
        let suppressed = suppressions.rules_at(&anchors);
        let line_cols = source.line_cols(&anchors);
        let text = source.text.as_str();
        let mut place = |i: usize| {
            let (anchor, end) = places[i];
            let (line, column) = line_cols[i];
            let end = end.max(anchor);
            // The end is almost always on the anchor's line: count on from the anchor instead of
            // a second search of the line starts (a line ends at LF or CR, see `Source`).
            let (end_line, end_column) = match text.get(anchor as usize..end as usize) {
                Some(between) if memchr::memchr2(b'\n', b'\r', between.as_bytes()).is_none() => {
                    (line, column + between.chars().count() as u32)
                }
                _ => source.line_col(end),
            };
            let suppressed = if suppressed[i].is_empty() {
                0
            } else {
                crate::rules::catalogue::CHECKS
                    .iter()
                    .enumerate()
                    .filter(|(_, (id, _))| suppressed[i].contains(id))
                    .fold(0u8, |bits, (b, _)| bits | (1 << b))
            };
            Place {
                line,
                column,
                end_line,
                end_column,
                xpath: xpaths[i].take(),
                suppressed,
            }
        };
        let mut keys = KeyCache;
        let mut spelled = |v: Vec<(String, u32, usize)>, label: bool, place: &mut dyn FnMut(usize) -> Place| {
            let mut out = Vec::with_capacity(v.len());
            for (text, uses, i) in v {
                let key = if label {
                    keys.loose(&text)
                } else {
                    keys.artist_loose(&text)
                };
                out.push(Spelled {
                    key,
                    text,
                    uses,
                    place: place(i),
                });
            }
            out
        };
        let mut facts = FileFacts {
            labels: spelled(labels, true, &mut place),
            artists: spelled(artists, false, &mut place),
            ..FileFacts::default()
        };
        for (slot, id, name, artists, i) in named {
            let n = Named {
                id,
                name,
                artists,
                place: place(i),
            };
            match slot {
                0 => facts.isrcs.push(n),
                1 => facts.releases.push(n),
                _ => facts.parties.push(n),
            }
        }
        facts
    }
}
