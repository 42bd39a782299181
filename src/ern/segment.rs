//! A message's model cut down to some of its content items: the unit in which a streaming
//! reader would hand a batch file to the rules, so that it need not hold the whole model at
//! once. Today only `tests/segments.rs` uses it, to check the scope each rule declares
//! ([`Feed::segment`] for the item rules, [`Feed::message_segment`] and
//! [`Feed::message_context`] for the message rules); the streaming reader is not written yet.
//!
//! A segment keeps the message's *context* whole (the root, the `MessageHeader`, every party:
//! labels and artists resolve through the `PartyList`, which comes first; and every use of a
//! party reference: only they tell what a party is, a label or an artist, and a streaming
//! reader keeps them anyway for the reference rules) and, of the *content items* (releases
//! and resources), only the chosen ones. A rule whose findings
//! about an item depend on nothing but that item and the context finds the same things in
//! the segments as in the whole message, once the findings several segments share are merged
//! ([`crate::rules::Check::Item`]); the others need the whole message, and carry what they
//! need of it from segment to segment ([`crate::rules::Check::Message`]).

use super::model::{Display, Feed, Owner, RefKind, Release};

impl<'a> Feed<'a> {
    /// How many content items (releases and resources) the message has, in document order:
    /// the indexes [`Feed::segment`] takes.
    pub fn content_items(&self) -> usize {
        self.content_marks().len()
    }

    /// The model of the context plus the content items `first..end` (indexes of
    /// [`Feed::content_items`]); item marks and parent paths are kept whole, for XPaths.
    pub fn segment(&self, first: usize, end: usize) -> Feed<'a> {
        self.cut(first, end, Refs::ChosenAndParty)
    }

    /// A segment as a rule of message scope reads it ([`crate::rules::MessageRule`]): the
    /// content items `first..end` with the references inside them (and no others), and the
    /// context for looking things up.
    pub fn message_segment(&self, first: usize, end: usize) -> Feed<'a> {
        self.cut(first, end, Refs::Chosen)
    }

    /// The context as a rule of message scope reads it once every segment is read, as a
    /// streaming reader leaves it: the root, the header, the parties, what lies outside the
    /// content items (the deals, with their references) and every use of a party reference,
    /// but no content item; where the content items were is kept
    /// ([`crate::rules::Context::is_in_content`]).
    pub fn message_context(&self) -> Feed<'a> {
        let mut feed = self.cut(0, 0, Refs::Context);
        feed.dropped_content = Some(self.content_marks());
        feed
    }

    /// The context as the item rules read it once every segment is read, for their findings
    /// outside the content items: [`Feed::segment`]`(0, 0)` (with every use of a party
    /// reference), plus each release cut down to its labels (the label rules judge a party
    /// by the releases that use it as a label). `tests/segments.rs` checks that the item
    /// rules' findings outside the content items are the same here as in the whole message.
    pub fn labelled_context(&self) -> Feed<'a> {
        let mut feed = self.segment(0, 0);
        feed.releases = self.releases.iter().map(Release::labels_only).collect();
        feed.finish();
        feed
    }

    fn cut(&self, first: usize, end: usize, refs: Refs) -> Feed<'a> {
        let content = self.content_marks();
        let chosen: Vec<(u32, u32)> = content[first.min(content.len())..end.min(content.len())].to_vec();
        let inside = |ranges: &[(u32, u32)], at: u32| {
            let k = ranges.partition_point(|r| r.0 <= at);
            k > 0 && at < ranges[k - 1].1
        };
        // What the segment keeps: anything chosen, and anything outside every content item.
        let keep = |at: u32| inside(&chosen, at) || !inside(&content, at);
        // The references and attributes a segment has in its own right.
        let own = |at: u32| match refs {
            Refs::ChosenAndParty => keep(at),
            Refs::Chosen => inside(&chosen, at),
            Refs::Context => !inside(&content, at),
        };

        let mut feed = Feed::new(
            self.version.clone(),
            self.root_elem,
            self.root_tag_span,
            self.root_lang.clone(),
        );
        feed.items = self.items.clone();
        feed.item_parents = self.item_parents.clone();
        feed.lang_attrs = self.lang_attrs.iter().filter(|a| own(a.elem)).cloned().collect();
        feed.default_flags = self
            .default_flags
            .iter()
            .filter(|f| own(f.attr.elem))
            .cloned()
            .collect();
        feed.refs = self
            .refs
            .iter()
            .filter(|r| own(r.text.elem) || (refs != Refs::Chosen && r.kind == RefKind::Party))
            .cloned()
            .collect();

        // Items keep their order; owners and identifier indexes are renumbered.
        let kept_index = |elems: &mut dyn Iterator<Item = u32>| -> Vec<Option<usize>> {
            let mut next = 0;
            elems
                .map(|e| {
                    keep(e).then(|| {
                        next += 1;
                        next - 1
                    })
                })
                .collect()
        };
        let release_at = kept_index(&mut self.releases.iter().map(|r| r.elem));
        let resource_at = kept_index(&mut self.resources.iter().map(|r| r.elem));
        let owner_kept = |owner: Owner| match owner {
            Owner::Header | Owner::Party(_) => Some(owner),
            Owner::Release(i) => release_at[i].map(Owner::Release),
            Owner::Resource(i) => resource_at[i].map(Owner::Resource),
        };
        let mut identifier_at = vec![None; self.identifiers.len()];
        for (i, id) in self.identifiers.iter().enumerate() {
            if let Some(owner) = owner_kept(id.owner) {
                identifier_at[i] = Some(feed.identifiers.len());
                let mut id = id.clone();
                id.owner = owner;
                feed.identifiers.push(id);
            }
        }
        let ids = |ids: &[usize]| -> Vec<usize> { ids.iter().filter_map(|&i| identifier_at[i]).collect() };

        feed.header = renumbered(self.header.iter(), |h| h.ids = ids(&h.ids));
        feed.parties = renumbered(self.parties.iter(), |p| p.ids = ids(&p.ids));
        let releases = self.releases.iter().zip(&release_at).filter(|(_, at)| at.is_some());
        feed.releases = renumbered(releases.map(|(r, _)| r), |r| r.ids = ids(&r.ids));
        let resources = self.resources.iter().zip(&resource_at).filter(|(_, at)| at.is_some());
        feed.resources = renumbered(resources.map(|(r, _)| r), |r| r.ids = ids(&r.ids));
        feed.finish();
        feed
    }

    /// The byte ranges of the items that hold a release or a resource, in document order.
    pub(crate) fn content_marks(&self) -> Vec<(u32, u32)> {
        if let Some(marks) = &self.dropped_content {
            return marks.clone();
        }
        let mut elems: Vec<u32> = self
            .releases
            .iter()
            .map(|r| r.elem)
            .chain(self.resources.iter().map(|r| r.elem))
            .collect();
        elems.sort_unstable();
        let mut marks: Vec<(u32, u32)> = self
            .items
            .iter()
            .filter(|m| {
                let k = elems.partition_point(|&e| e < m.start);
                elems.get(k).is_some_and(|&e| e < m.end)
            })
            .map(|m| (m.start, m.end))
            .collect();
        marks.sort_unstable();
        marks
    }
}

/// Which references, `LanguageAndScriptCode` and `IsDefault` attributes a cut keeps.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Refs {
    /// Those inside the chosen items and outside every content item, and every use of a
    /// party reference (what the item rules read).
    ChosenAndParty,
    /// Those inside the chosen items only.
    Chosen,
    /// Those outside every content item, and every use of a party reference.
    Context,
}

impl<'a> Release<'a> {
    /// The release with its labels only (and the territory details its ERN 3 labels sit in).
    pub(crate) fn into_labels_only(self) -> Release<'a> {
        Release {
            release_types: Vec::new(),
            display: Display {
                details: self.display.details,
                ..Display::default()
            },
            ids: Vec::new(),
            resource_refs: Vec::new(),
            ..self
        }
    }

    /// [`Release::into_labels_only`] of a copy.
    fn labels_only(&self) -> Release<'a> {
        Release {
            kind: self.kind,
            elem: self.elem,
            tag_span: self.tag_span,
            reference: self.reference.clone(),
            is_main_release: self.is_main_release,
            resources_omitted: self.resources_omitted,
            release_types: Vec::new(),
            display: Display {
                details: self.display.details.clone(),
                ..Display::default()
            },
            labels: self.labels.clone(),
            ids: Vec::new(),
            resource_refs: Vec::new(),
        }
    }
}

/// Copies of `items`, each with its identifier indexes renumbered by `renumber`.
fn renumbered<'x, T: Clone + 'x>(items: impl Iterator<Item = &'x T>, renumber: impl Fn(&mut T)) -> Vec<T> {
    items
        .map(|item| {
            let mut item = item.clone();
            renumber(&mut item);
            item
        })
        .collect()
}
