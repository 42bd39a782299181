//! Turning one item's element tree into model values. ERN 3 and ERN 4 differ in where
//! things live (`ReleaseDetailsByTerritory` vs attributes, `LabelName` vs
//! `ReleaseLabelReference`), not in what they mean, so one reader serves both.

use super::model::*;
use super::tree::{NodeId, Tree};

#[derive(Default)]
pub struct ItemReader<'a> {
    /// Local name of the `…List` the item is in ("" for a direct child of the root).
    pub list: &'a str,
    /// Where display metadata is gathered before it is moved into vectors of its exact size.
    display: Display<'a>,
    /// The same for a release's labels.
    labels: Vec<Label<'a>>,
}

const RESOURCE_KINDS: &[&str] = &[
    "SoundRecording",
    "Video",
    "Image",
    "Text",
    "SheetMusic",
    "Software",
    "MIDI",
    "UserDefinedResource",
];

impl<'a> ItemReader<'a> {
    pub fn read_item(&mut self, tree: &Tree<'a>, feed: &mut Feed<'a>) {
        let root = tree.root();
        let name = tree.name(root);
        collect_refs(tree, feed);
        match (self.list, name) {
            ("", "MessageHeader") => read_header(tree, feed),
            ("PartyList", "Party") => read_party(tree, feed),
            ("ResourceList", kind) if RESOURCE_KINDS.contains(&kind) => read_resource(tree, feed, &mut self.display),
            ("ReleaseList", "Release") => read_release(tree, feed, ReleaseKind::Release, self),
            ("ReleaseList", "TrackRelease") => read_release(tree, feed, ReleaseKind::TrackRelease, self),
            _ => {}
        }
    }
}

/// Whether an item (`name` in the list `list`, "" for a child of the root) is a content item:
/// a release or a resource.
pub fn is_content(list: &str, name: &str) -> bool {
    match list {
        "ResourceList" => RESOURCE_KINDS.contains(&name),
        "ReleaseList" => matches!(name, "Release" | "TrackRelease"),
        _ => false,
    }
}

/// Whether an item is part of the context the rules look things up in: the header or a party.
pub fn is_context(list: &str, name: &str) -> bool {
    matches!((list, name), ("", "MessageHeader") | ("PartyList", "Party"))
}

/// Reference uses anywhere in the item, by the referring element's name.
fn collect_refs<'a>(tree: &Tree<'a>, feed: &mut Feed<'a>) {
    for id in tree.all() {
        // ERN 3 wraps some references in a composite of the same name: only leaves count.
        if tree.children(id).next().is_some() {
            continue;
        }
        if let Some(kind) = ref_kind(tree.name(id), feed.version.is_ern4()) {
            feed.refs.push(RefUse {
                kind,
                element: tree.name(id),
                text: tree.text_of(id),
            });
        }
    }
}

fn ref_kind(element: &str, ern4: bool) -> Option<RefKind> {
    if !element.ends_with("Reference") {
        return None;
    }
    match element {
        "ReleaseLabelReference" if ern4 => Some(RefKind::Party),
        e if e.ends_with("PartyReference") && e != "PartyReference" => Some(RefKind::Party),
        "ReleaseResourceReference"
        | "LinkedReleaseResourceReference"
        | "ResourceContainedResourceReference"
        | "ResourceRelatedResourceReference"
        | "DealResourceReference"
        | "ResourceGroupResourceReference" => Some(RefKind::Resource),
        "DealReleaseReference" => Some(RefKind::Release),
        _ => None,
    }
}

/// Descendants of `id`, leaving out what describes other things (the content of
/// `RelatedRelease`, …).
fn own_descendants<'t, 'a>(tree: &'t Tree<'a>, id: NodeId) -> impl Iterator<Item = NodeId> + 't {
    tree.descendants_pruned(id, |d| tree.name(d).starts_with("Related"))
}

fn id_kind(tree: &Tree, id: NodeId, ern4: bool) -> Option<IdKind> {
    let parent = tree.parent(id).map(|p| tree.name(p)).unwrap_or("");
    Some(match tree.name(id) {
        "ISRC" => IdKind::Isrc,
        "ICPN" => IdKind::Icpn,
        "GRid" => IdKind::Grid,
        "ISNI" => IdKind::Isni,
        "DPID" => IdKind::Dpid,
        "IpiNameNumber" => IdKind::Ipi,
        "CatalogNumber" => IdKind::CatalogNumber,
        "ProprietaryId" => IdKind::Proprietary,
        // ERN 4 message header: PartyId is a DPID by schema.
        "PartyId" if ern4 && matches!(parent, "MessageSender" | "SentOnBehalfOf" | "MessageRecipient") => IdKind::Dpid,
        // ERN 3: flags say what a PartyId is; header PartyIds are DPIDs by convention.
        "PartyId" if !ern4 => {
            let header_dpid = matches!(parent, "MessageSender" | "SentOnBehalfOf" | "MessageRecipient")
                && tree
                    .text_of(id)
                    .value
                    .trim()
                    .get(..7)
                    .is_some_and(|p| p.eq_ignore_ascii_case("PADPIDA"));
            if tree.attr_is_true(id, "IsISNI") {
                IdKind::Isni
            } else if tree.attr_is_true(id, "IsDPID") || header_dpid {
                IdKind::Dpid
            } else {
                return None;
            }
        }
        _ => return None,
    })
}

/// The values for some nodes, in a vector of exactly their number (a batch file holds
/// hundreds of thousands of these vectors: `collect` would give each room for four).
fn exact<T>(ids: impl Iterator<Item = NodeId> + Clone, value: impl FnMut(NodeId) -> T) -> Vec<T> {
    let mut out = Vec::with_capacity(ids.clone().count());
    out.extend(ids.map(value));
    out
}

/// Record every identifier below `id` and return their indexes.
fn collect_ids<'a>(tree: &Tree<'a>, id: NodeId, owner: Owner, feed: &mut Feed<'a>) -> Vec<usize> {
    let first = feed.identifiers.len();
    record_ids(tree, id, owner, feed);
    ids_from(first, feed)
}

/// Record every identifier below `id` at the end of `feed.identifiers`.
fn record_ids<'a>(tree: &Tree<'a>, id: NodeId, owner: Owner, feed: &mut Feed<'a>) {
    let ern4 = feed.version.is_ern4();
    for d in own_descendants(tree, id) {
        if let Some(kind) = id_kind(tree, d, ern4) {
            // A PartyId that only wraps ISNI/DPID children (ERN 4 DetailedPartyId) is a container.
            if tree.name(d) == "PartyId" && tree.children(d).next().is_some() {
                continue;
            }
            feed.identifiers.push(Identifier {
                kind,
                text: tree.text_of(d),
                owner,
                namespace: tree.attr(d, "Namespace").map(Box::new),
            });
        }
    }
}

/// The indexes of the identifiers recorded since there were `first`: a range, collected
/// into a vector of exactly its length (no growing, no shrinking).
fn ids_from(first: usize, feed: &Feed) -> Vec<usize> {
    (first..feed.identifiers.len()).collect()
}

fn read_header<'a>(tree: &Tree<'a>, feed: &mut Feed<'a>) {
    let root = tree.root();
    for role_node in tree.children(root).collect::<Vec<_>>() {
        let role = tree.name(role_node);
        if !matches!(role, "MessageSender" | "SentOnBehalfOf" | "MessageRecipient") {
            continue;
        }
        let ids = collect_ids(tree, role_node, Owner::Header, feed);
        let name = tree
            .child(role_node, "PartyName")
            .and_then(|p| tree.child_text(p, "FullName"));
        feed.header.push(HeaderParty {
            role,
            elem: tree.elem(role_node),
            name,
            ids,
        });
    }
}

fn party_name<'a>(tree: &Tree<'a>, id: NodeId) -> PartyName<'a> {
    let mut full_name = None;
    let mut other_names = Vec::new();
    for c in tree.children(id) {
        if tree.children(c).next().is_some() {
            continue;
        }
        let l = tree.localized(c, Some(id));
        if tree.name(c) == "FullName" && full_name.is_none() {
            full_name = Some(l);
        } else {
            other_names.push(l);
        }
    }
    PartyName {
        elem: tree.elem(id),
        full_name,
        other_names,
        lang: tree.lang(id),
        is_nickname: tree.attr_is_true(id, "IsNickname"),
        is_stage_name: tree.attr_is_true(id, "IsStageName"),
        is_legal_name: tree.attr_is_true(id, "IsLegalName"),
    }
}

fn read_party<'a>(tree: &Tree<'a>, feed: &mut Feed<'a>) {
    let root = tree.root();
    let index = feed.parties.len();
    let ids = collect_ids(tree, root, Owner::Party(index), feed);
    let names = exact(tree.children_named(root, "PartyName"), |n| party_name(tree, n));
    feed.parties.push(Party {
        elem: tree.elem(root),
        tag_span: tree.tag_span(root),
        reference: tree.child_text(root, "PartyReference"),
        names,
        ids,
    });
}

fn title<'a>(tree: &Tree<'a>, id: NodeId, kind: TitleKind, details: Option<u16>) -> Title<'a> {
    let (text, subtitles) = if kind == TitleKind::DisplayTitleText {
        (Some(tree.localized(id, None)), Vec::new())
    } else {
        (
            tree.child(id, "TitleText").map(|t| tree.localized(t, Some(id))),
            exact(tree.children_named(id, "SubTitle"), |s| tree.localized(s, Some(id))),
        )
    };
    Title {
        kind,
        elem: tree.elem(id),
        tag_span: tree.tag_span(id),
        title_type: tree.attr(id, "TitleType").map(Box::new),
        text,
        subtitles,
        lang: tree.lang(id),
        territory: tree.attr(id, "ApplicableTerritoryCode").map(Box::new),
        is_default: tree.attr(id, "IsDefault").map(Box::new),
        details,
    }
}

fn rights_line<'a>(tree: &Tree<'a>, id: NodeId, kind: RightsKind, details: Option<u16>) -> RightsLine<'a> {
    let (company, text) = match kind {
        RightsKind::P => ("PLineCompany", "PLineText"),
        RightsKind::C => ("CLineCompany", "CLineText"),
    };
    RightsLine {
        kind,
        elem: tree.elem(id),
        tag_span: tree.tag_span(id),
        year: tree.child_text(id, "Year"),
        company: tree.child(id, company).map(|c| tree.localized(c, Some(id))),
        text: tree.child(id, text).map(|c| tree.localized(c, Some(id))),
        details,
    }
}

fn artist_credit<'a>(tree: &Tree<'a>, id: NodeId) -> ArtistCredit<'a> {
    ArtistCredit {
        elem: tree.elem(id),
        party_ref: tree.child_text(id, "ArtistPartyReference"),
        names: exact(tree.children_named(id, "PartyName"), |n| party_name(tree, n)),
        roles: exact(
            tree.children(id)
                .filter(|&c| matches!(tree.name(c), "DisplayArtistRole" | "ArtistRole")),
            |c| tree.text_of(c),
        ),
    }
}

/// Display metadata directly under `id` (ERN 4) or in one ERN 3 `…DetailsByTerritory`
/// (`details` = its index).
fn read_display_children<'a>(tree: &Tree<'a>, id: NodeId, details: Option<u16>, d: &mut Display<'a>) {
    for c in tree.children(id) {
        match tree.name(c) {
            "DisplayTitleText" => d.titles.push(title(tree, c, TitleKind::DisplayTitleText, details)),
            "DisplayTitle" => d.titles.push(title(tree, c, TitleKind::DisplayTitle, details)),
            "AdditionalTitle" | "FormalTitle" | "GroupingTitle" => {
                d.titles.push(title(tree, c, TitleKind::AdditionalTitle, details))
            }
            "Title" => d.titles.push(title(tree, c, TitleKind::Title, details)),
            "ReferenceTitle" => d.titles.push(title(tree, c, TitleKind::ReferenceTitle, details)),
            "DisplayArtistName" => d.artist_names.push(tree.localized(c, None)),
            "DisplayArtist" => d.artists.push(artist_credit(tree, c)),
            "PLine" => d.plines.push(rights_line(tree, c, RightsKind::P, details)),
            "CLine" => d.clines.push(rights_line(tree, c, RightsKind::C, details)),
            _ => {}
        }
    }
}

fn territory_details<'a>(tree: &Tree<'a>, id: NodeId) -> TerritoryDetails<'a> {
    let codes = exact(tree.children_named(id, "TerritoryCode"), |c| tree.text_of(c));
    let excluded = exact(tree.children_named(id, "ExcludedTerritoryCode"), |c| tree.text_of(c));
    let is_excluded = codes.is_empty() && !excluded.is_empty();
    TerritoryDetails {
        elem: tree.elem(id),
        tag_span: tree.tag_span(id),
        territories: if is_excluded { excluded } else { codes },
        excluded: is_excluded,
        lang: tree.lang(id),
    }
}

fn is_details_by_territory(name: &str) -> bool {
    name.ends_with("DetailsByTerritory")
}

/// A release's or resource's display metadata, ERN 3 and ERN 4 alike. ERN 4 keeps
/// resource P lines in `SoundRecordingEdition` and the like: those are read too.
fn read_display<'a>(
    tree: &Tree<'a>,
    root: NodeId,
    labels: Option<&mut Vec<Label<'a>>>,
    scratch: &mut Display<'a>,
) -> Display<'a> {
    let d = scratch;
    read_display_children(tree, root, None, d);
    let mut labels = labels;
    for c in tree.children(root) {
        let name = tree.name(c);
        if is_details_by_territory(name) {
            let idx = d.details.len() as u16;
            d.details.push(territory_details(tree, c));
            read_display_children(tree, c, Some(idx), d);
            if let Some(labels) = labels.as_deref_mut() {
                for l in tree.children_named(c, "LabelName") {
                    labels.push(Label {
                        elem: tree.elem(l),
                        tag_span: tree.tag_span(l),
                        party_ref: None,
                        name: Some(tree.localized(l, None)),
                        label_type: tree.attr(l, "LabelNameType").map(Box::new),
                        is_default: None,
                        territory: None,
                        details: Some(idx),
                    });
                }
            }
        } else if name.ends_with("Edition") {
            for g in tree.children(c) {
                match tree.name(g) {
                    "PLine" => d.plines.push(rights_line(tree, g, RightsKind::P, None)),
                    "CLine" => d.clines.push(rights_line(tree, g, RightsKind::C, None)),
                    _ => {}
                }
            }
        }
    }
    // Drained into vectors of exactly their length: no room for four, no shrinking.
    Display {
        titles: d.titles.drain(..).collect(),
        artist_names: d.artist_names.drain(..).collect(),
        artists: d.artists.drain(..).collect(),
        plines: d.plines.drain(..).collect(),
        clines: d.clines.drain(..).collect(),
        details: d.details.drain(..).collect(),
    }
}

fn read_resource<'a>(tree: &Tree<'a>, feed: &mut Feed<'a>, scratch: &mut Display<'a>) {
    let root = tree.root();
    let index = feed.resources.len();
    let ids = collect_ids(tree, root, Owner::Resource(index), feed);
    let display = read_display(tree, root, None, scratch);
    feed.resources.push(Resource {
        kind: tree.name(root),
        elem: tree.elem(root),
        tag_span: tree.tag_span(root),
        reference: tree.child_text(root, "ResourceReference"),
        display,
        ids,
    });
}

fn read_release<'a>(tree: &Tree<'a>, feed: &mut Feed<'a>, kind: ReleaseKind, scratch: &mut ItemReader<'a>) {
    let root = tree.root();
    let index = feed.releases.len();
    let first_id = feed.identifiers.len();
    for rid in tree.children_named(root, "ReleaseId") {
        record_ids(tree, rid, Owner::Release(index), feed);
    }
    let ids = ids_from(first_id, feed);
    let labels = &mut scratch.labels;
    for l in tree.children_named(root, "ReleaseLabelReference") {
        labels.push(Label {
            elem: tree.elem(l),
            tag_span: tree.tag_span(l),
            party_ref: Some(tree.text_of(l)),
            name: None,
            label_type: tree.attr(l, "LabelType").map(Box::new),
            is_default: tree.attr(l, "IsDefault").map(Box::new),
            territory: tree.attr(l, "ApplicableTerritoryCode").map(Box::new),
            details: None,
        });
    }
    let display = read_display(tree, root, Some(labels), &mut scratch.display);
    feed.releases.push(Release {
        kind,
        elem: tree.elem(root),
        tag_span: tree.tag_span(root),
        reference: tree.child_text(root, "ReleaseReference"),
        is_main_release: tree.attr_is_true(root, "IsMainRelease"),
        resources_omitted: tree.child(root, "ResourceOmissionReason").is_some(),
        release_types: exact(tree.children_named(root, "ReleaseType"), |c| tree.text_of(c)),
        display,
        // Drained into a vector of exactly their number.
        labels: scratch.labels.drain(..).collect(),
        ids,
        resource_refs: exact(
            tree.descendants(root)
                .filter(|&d| tree.name(d) == "ReleaseResourceReference" && tree.children(d).next().is_none()),
            |d| tree.text_of(d),
        ),
    });
}
