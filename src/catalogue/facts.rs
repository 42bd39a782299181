//! What one file contributes to the catalogue index, copied out of its feed.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use crate::ern::{Feed, IdKind, Localized, Owner, ReleaseKind, Title, TitleKind};
use crate::rules::label::names::{display_form, label_uses, KeyCache};
use crate::source::Source;

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

/// The main title: `DisplayTitleText`, else `DisplayTitle`, else the first ERN 3 title.
fn main_title(titles: &[Title]) -> String {
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
        .map(|(_, t)| display_form(t.value()))
        .unwrap_or_default()
}

impl FileFacts {
    /// Copy the catalogue facts out of a feed.
    pub fn extract(feed: &Feed, source: &Source) -> FileFacts {
        // (text, uses, anchor, end) per spelling, in first-seen order
        let mut places: Vec<(u32, u32)> = Vec::new();
        let mut labels: Vec<(String, u32, usize)> = Vec::new();
        // Position in `labels`/`artists` by spelling: a batch file has thousands of names.
        let mut label_at: FxHashMap<String, usize> = FxHashMap::default();
        for u in label_uses(feed) {
            let text = display_form(u.name.value());
            match label_at.get(&text) {
                Some(&i) => labels[i].1 += 1,
                None => {
                    places.push((u.name.text.elem, u.name.text.span.end));
                    label_at.insert(text.clone(), labels.len());
                    labels.push((text, 1, places.len() - 1));
                }
            }
        }
        let mut artists: Vec<(String, u32, usize)> = Vec::new();
        let mut artist_at: FxHashMap<String, usize> = FxHashMap::default();
        let mut seen = std::collections::HashSet::new();
        let mut add_artist = |n: &Localized, places: &mut Vec<(u32, u32)>| {
            if !seen.insert(n.text.span.start) {
                return;
            }
            let text = display_form(n.value());
            if text.is_empty() {
                return;
            }
            match artist_at.get(&text) {
                Some(&i) => artists[i].1 += 1,
                None => {
                    places.push((n.text.elem, n.text.span.end));
                    artist_at.insert(text.clone(), artists.len());
                    artists.push((text, 1, places.len() - 1));
                }
            }
        };
        let displays = feed
            .releases
            .iter()
            .filter(|r| !r.resources_omitted)
            .map(|r| &r.display)
            .chain(feed.resources.iter().map(|r| &r.display));
        for d in displays {
            for n in &d.artist_names {
                add_artist(n, &mut places);
            }
            for credit in &d.artists {
                for pn in &credit.names {
                    if let Some(f) = &pn.full_name {
                        add_artist(f, &mut places);
                    }
                }
                if let Some(p) = credit.party_ref.as_ref().and_then(|r| feed.party(&r.value)) {
                    for f in p.names.iter().filter_map(|n| n.full_name.as_ref()) {
                        add_artist(f, &mut places);
                    }
                }
            }
        }
        let mut named: Vec<(u8, String, String, String, usize)> = Vec::new();
        let mut known: HashMap<(u8, String), ()> = HashMap::new();
        for id in &feed.identifiers {
            let (slot, name, artists) = match (id.kind, id.owner) {
                (IdKind::Isrc, Owner::Resource(i)) => {
                    let r = &feed.resources[i];
                    let artists: Vec<String> = r.display.artist_names.iter().map(|n| display_form(n.value())).collect();
                    (0, main_title(&r.display.titles), artists.join(" / "))
                }
                (IdKind::Icpn | IdKind::Grid, Owner::Release(i)) if feed.releases[i].kind == ReleaseKind::Release => {
                    (1, main_title(&feed.releases[i].display.titles), String::new())
                }
                (IdKind::Dpid | IdKind::Isni, Owner::Party(i)) => {
                    let names: Vec<String> = feed.parties[i]
                        .names
                        .iter()
                        .filter_map(|n| n.full_name.as_ref())
                        .map(|f| display_form(f.value()))
                        .collect();
                    (2, names.join("\u{1f}"), String::new())
                }
                _ => continue,
            };
            let Some(value) = normalized(id.kind, &id.text.value) else {
                continue;
            };
            if name.is_empty() || known.insert((slot, value.clone()), ()).is_some() {
                continue;
            }
            places.push((id.text.elem, id.text.span.end));
            named.push((slot, value, name, artists, places.len() - 1));
        }
        let anchors: Vec<u32> = places.iter().map(|p| p.0).collect();
        let xpaths = feed.xpaths_at(&source.text, &anchors);
        let suppressed = crate::suppress::suppressed_at(&source.text, &anchors);
        let place = |i: usize| {
            let (anchor, end) = places[i];
            let (line, column) = source.line_col(anchor);
            let (end_line, end_column) = source.line_col(end.max(anchor));
            Place {
                line,
                column,
                end_line,
                end_column,
                xpath: xpaths[i].clone(),
                suppressed: crate::rules::catalogue::CHECKS
                    .iter()
                    .enumerate()
                    .filter(|(_, (id, _))| suppressed[i].contains(id))
                    .fold(0u8, |bits, (b, _)| bits | (1 << b)),
            }
        };
        let mut keys = KeyCache;
        let mut spelled = |v: Vec<(String, u32, usize)>, label: bool| {
            v.into_iter()
                .map(|(text, uses, i)| Spelled {
                    key: if label {
                        keys.loose(&text)
                    } else {
                        keys.artist_loose(&text)
                    },
                    text,
                    uses,
                    place: place(i),
                })
                .collect()
        };
        let mut facts = FileFacts {
            labels: spelled(labels, true),
            artists: spelled(artists, false),
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
