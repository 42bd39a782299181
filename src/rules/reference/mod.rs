//! Reference integrity: DDEX puts its IDs and IDREFs in element content, where XML Schema
//! validators (libxml2) do not check them.

pub mod ref_duplicate;
pub mod ref_unresolved;
pub mod ref_unused;

use std::borrow::Cow;
use std::collections::hash_map::Entry;

use crate::hash::FastMap;

use crate::ern::{Feed, RefKind, Text};
use crate::finding::Span;
use crate::rules::Context;

/// Every definition of a reference of `kind`: the `PartyReference`, `ResourceReference` or
/// `ReleaseReference` element of each party, resource or release.
pub(crate) fn definitions<'s, 'a>(feed: &'s Feed<'a>, kind: RefKind) -> Vec<&'s Text<'a>> {
    match kind {
        RefKind::Party => feed.parties.iter().filter_map(|p| p.reference.as_ref()).collect(),
        RefKind::Resource => feed.resources.iter().filter_map(|r| r.reference.as_ref()).collect(),
        RefKind::Release => feed.releases.iter().filter_map(|r| r.reference.as_ref()).collect(),
    }
}

/// `str::trim`, without decoding characters when the value starts and ends with a visible
/// ASCII character (nearly every reference).
pub(crate) fn trim(s: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x80);
    if visible(s.as_bytes().first()) && visible(s.as_bytes().last()) {
        s
    } else {
        s.trim()
    }
}

/// Position of a kind in [`Definitions::first`].
pub(crate) fn kind_index(kind: RefKind) -> usize {
    match kind {
        RefKind::Party => 0,
        RefKind::Resource => 1,
        RefKind::Release => 2,
    }
}

/// The references the message defines, for the reference rules.
pub(crate) struct Definitions<'f> {
    /// By [`kind_index`]: each trimmed, non-empty defined value and the start tag of its first
    /// definition.
    pub first: [FastMap<&'f str, u32>; 3],
    /// By [`kind_index`]: the role of each of [`definitions`], in that order. The rules that
    /// walk the definitions read it rather than look each value up again (a cache miss per
    /// definition on a batch file).
    pub roles: [Vec<DefinitionRole>; 3],
}

/// What a definition is among those of its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DefinitionRole {
    /// Its value is empty (or only spaces).
    Empty,
    /// The first definition of its value.
    First,
    /// A later definition of a value defined before.
    Repeat,
}

/// What a reference (one of [`Feed::refs`]) names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// Its value is empty (or only spaces).
    Empty,
    /// No definition of its kind has its value.
    Unresolved,
    /// The start tag of the first definition with its value.
    Defined(u32),
}

impl<'f, 'a> Context<'f, 'a> {
    /// The [`Target`] of each of [`Feed::refs`], looked up once per file for `ref-unresolved`
    /// and `ref-unused` (a batch file has hundreds of thousands of references).
    pub(crate) fn ref_targets(&self) -> &[Target] {
        self.shared.ref_targets.get_or_init(|| {
            let defined = &self.ref_definitions().first;
            self.feed
                .refs
                .iter()
                .map(|r| {
                    let value = trim(&r.text.value);
                    if value.is_empty() {
                        return Target::Empty;
                    }
                    match defined[kind_index(r.kind)].get(value) {
                        Some(&elem) => Target::Defined(elem),
                        None => Target::Unresolved,
                    }
                })
                .collect()
        })
    }

    /// Whether each of [`Feed::refs`] lies inside a content item ([`Context::is_in_content`]),
    /// found once per file by one walk (references and items are both in document order).
    pub(crate) fn refs_in_content(&self) -> &[bool] {
        self.shared.refs_in_content.get_or_init(|| {
            let mut walk = self.content_walk();
            self.feed.refs.iter().map(|r| walk.contains(r.text.elem)).collect()
        })
    }

    /// [`Definitions`], built once per file for the reference rules.
    pub(crate) fn ref_definitions(&self) -> &Definitions<'f> {
        self.shared.ref_definitions.get_or_init(|| {
            let by_kind = [RefKind::Party, RefKind::Resource, RefKind::Release].map(|kind| {
                let defs = definitions(self.feed, kind);
                let mut map = FastMap::with_capacity_and_hasher(defs.len(), Default::default());
                let mut roles = Vec::with_capacity(defs.len());
                for t in defs {
                    let value = trim(&t.value);
                    roles.push(if value.is_empty() {
                        DefinitionRole::Empty
                    } else {
                        match map.entry(value) {
                            Entry::Vacant(e) => {
                                e.insert(t.elem);
                                DefinitionRole::First
                            }
                            Entry::Occupied(_) => DefinitionRole::Repeat,
                        }
                    });
                }
                (map, roles)
            });
            let [(party, party_roles), (resource, resource_roles), (release, release_roles)] = by_kind;
            Definitions {
                first: [party, resource, release],
                roles: [party_roles, resource_roles, release_roles],
            }
        })
    }
}

/// The definitions of the content items (resources and releases) read so far, segment after
/// segment: each value's first definition, for resolving references that point back to an
/// earlier segment (the parties are in every segment, for looking up). One ledger per
/// message, shared by the reference rules ([`Context::content_definitions`]).
#[derive(Default)]
pub(crate) struct ContentDefinitions<'a> {
    /// Resources, then releases: each trimmed, non-empty value and its first definition's
    /// start tag and value span.
    first: [FastMap<Cow<'a, str>, (u32, Span)>; 2],
}

impl<'a> ContentDefinitions<'a> {
    fn slot(kind: RefKind) -> Option<usize> {
        match kind {
            RefKind::Party => None,
            RefKind::Resource => Some(0),
            RefKind::Release => Some(1),
        }
    }

    /// Records the definitions of `feed`'s content items.
    fn record(&mut self, feed: &Feed<'a>) {
        for kind in [RefKind::Resource, RefKind::Release] {
            let map = &mut self.first[Self::slot(kind).unwrap_or(0)];
            for t in definitions(feed, kind) {
                let value = trimmed(&t.value);
                if !value.is_empty() {
                    map.entry(value).or_insert((t.elem, t.span));
                }
            }
        }
    }

    /// The start tag of the first definition of a resource or release `value` (trimmed).
    pub fn first(&self, kind: RefKind, value: &str) -> Option<u32> {
        Self::slot(kind).and_then(|k| self.first[k].get(value).map(|d| d.0))
    }

    /// The first definition of each resource or release value: (start tag, value span,
    /// value), in document order.
    pub fn firsts(&self, kind: RefKind) -> Vec<(u32, Span, &str)> {
        let Some(k) = Self::slot(kind) else {
            return Vec::new();
        };
        let mut out: Vec<(u32, Span, &str)> = self.first[k].iter().map(|(v, d)| (d.0, d.1, v.as_ref())).collect();
        out.sort_unstable_by_key(|d| d.0);
        out
    }
}

impl<'a> Context<'_, 'a> {
    /// The message's ledger of content definitions, with this context's recorded (once).
    pub(crate) fn content_definitions(&self) -> std::sync::RwLockReadGuard<'_, ContentDefinitions<'a>> {
        let ledger = &self.message().definitions;
        self.shared.definitions_recorded.get_or_init(|| {
            ledger.write().unwrap_or_else(|e| e.into_inner()).record(self.feed);
        });
        ledger.read().unwrap_or_else(|e| e.into_inner())
    }
}

/// A value trimmed, borrowing the file's text when the value does.
fn trimmed<'a>(value: &Cow<'a, str>) -> Cow<'a, str> {
    match value {
        Cow::Borrowed(s) => Cow::Borrowed(trim(s)),
        Cow::Owned(s) => Cow::Owned(trim(s).to_string()),
    }
}
