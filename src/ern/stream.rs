//! Reading a message a segment at a time: the reader hands the rules a few content items
//! (releases and resources) at once, with the context (root, header, parties) to look things
//! up in, then drops the items. A batch file's model is never held whole: what stays is the
//! context, the uses of party references (the first of each reference by each element: they
//! tell how a party is used), and the releases that first use a party as a label, cut down
//! to their labels (what the item rules read at the end to report on the context:
//! `tests/segments.rs`, `tests/streaming.rs`).
//!
//! The context must come before the content items, as the ERN schemas order them; a message
//! with a header or party after a content item cannot be read so (the rules would have seen
//! segments without it) and is read whole instead ([`Streamed::Unordered`]).

use std::mem::take;

use std::borrow::Cow;

use super::model::{trimmed, AttrValue, DefaultFlag, Feed, RefKind, RefUse, Release, ReleaseKind};
use super::ReadOutcome;
use crate::hash::FastSet;

/// Where a streaming read hands its segments.
pub trait Segments<'a> {
    /// `feed` holds one segment: its content items, with their identifiers and the
    /// references, `LanguageAndScriptCode` and `IsDefault` attributes inside them, and the
    /// context read so far (root, header, parties; [`Feed::reports_context`] is false). The
    /// reader drops the items once this returns.
    fn segment(&mut self, feed: &Feed<'a>);
}

/// How a streaming read ended.
pub enum Streamed<'a> {
    /// Read (or found malformed): the outcome's model is the context, every use of a party
    /// reference and the releases cut down to their labels ([`Feed::labelled_context`]).
    Read(Box<ReadOutcome<'a>>),
    /// A header or party came after a content item: what the segments gave is to be
    /// dropped, and the message read whole.
    Unordered,
}

/// The reader's side of streaming: when to cut a segment, and what to set aside meanwhile.
pub(super) struct Streamer<'s, 'a> {
    sink: &'s mut dyn Segments<'a>,
    /// Content items per segment.
    per_segment: usize,
    /// Content items read into the current segment.
    in_segment: usize,
    /// Whether a content item has been read.
    started: bool,
    pub unordered: bool,
    parties_indexed: bool,
    /// Identifiers of the context (header and parties), before those of the segment.
    context_ids: usize,
    /// The context's references (with every use of a party reference), `LanguageAndScriptCode`
    /// and `IsDefault` attributes, in document order, set aside while segments are read.
    refs: Vec<RefUse<'a>>,
    lang_attrs: Vec<AttrValue<'a>>,
    default_flags: Vec<DefaultFlag<'a>>,
    /// The releases that first use a party as a label, cut down to their labels.
    labelled: Vec<Release<'a>>,
    /// The parties used as labels so far, by index.
    label_parties: Vec<bool>,
    /// The releases dropped whole.
    dropped_releases: usize,
    /// The party references kept: each reference by each element once.
    party_refs: FastSet<(&'a str, Cow<'a, str>)>,
    /// Where the content items were, in document order.
    content: Vec<(u32, u32)>,
    /// Where the current segment's first content item is in `content`.
    segment_start: usize,
}

impl<'s, 'a> Streamer<'s, 'a> {
    pub fn new(sink: &'s mut dyn Segments<'a>, per_segment: usize) -> Self {
        Streamer {
            sink,
            per_segment: per_segment.max(1),
            in_segment: 0,
            started: false,
            unordered: false,
            parties_indexed: false,
            context_ids: 0,
            refs: Vec::new(),
            lang_attrs: Vec::new(),
            default_flags: Vec::new(),
            labelled: Vec::new(),
            label_parties: Vec::new(),
            dropped_releases: 0,
            party_refs: FastSet::default(),
            content: Vec::new(),
            segment_start: 0,
        }
    }

    /// An item (a child of the root or of a `…List`) starts, before its start tag's
    /// attributes are read. `content`: a release or resource; `context`: the header or a
    /// party.
    pub fn item_starts(&mut self, feed: &mut Feed<'a>, content: bool, context: bool) {
        if content {
            if self.in_segment == 0 {
                // What was read since the last segment is the context's.
                self.refs.append(&mut feed.refs);
                self.lang_attrs.append(&mut feed.lang_attrs);
                self.default_flags.append(&mut feed.default_flags);
                if !self.started {
                    self.context_ids = feed.identifiers.len();
                    self.started = true;
                }
            }
        } else if self.started {
            if self.in_segment > 0 {
                self.cut(feed);
            }
            self.unordered |= context;
        }
    }

    /// A list (a child of the root named `…List`) starts, before its start tag's attributes
    /// are read: a segment holds the items of one list.
    pub fn list_starts(&mut self, feed: &mut Feed<'a>) {
        if self.in_segment > 0 {
            self.cut(feed);
        }
    }

    /// An item has been read into the model.
    pub fn item_read(&mut self, feed: &mut Feed<'a>, content: bool) {
        if content {
            if let Some(mark) = feed.items.last() {
                self.content.push((mark.start, mark.end));
            }
            self.in_segment += 1;
            if self.in_segment >= self.per_segment {
                self.cut(feed);
            }
        }
    }

    /// Hands the segment to the sink, then drops its items.
    fn cut(&mut self, feed: &mut Feed<'a>) {
        if !self.parties_indexed {
            feed.index_parties();
            self.parties_indexed = true;
        }
        feed.index_resources();
        feed.reports_context = false;
        // Where the segment's items are: known here, rather than found again among every
        // item read so far.
        feed.dropped_content = Some(self.content[self.segment_start..].to_vec());
        if !self.unordered {
            self.sink.segment(feed);
        }
        feed.dropped_content = None;
        self.segment_start = self.content.len();
        feed.reports_context = true;
        self.keep_labels(feed);
        feed.resources.clear();
        feed.identifiers.truncate(self.context_ids);
        for r in feed.refs.drain(..).filter(|r| r.kind == RefKind::Party) {
            if self.party_refs.insert((r.element, trimmed(&r.text.value))) {
                self.refs.push(r);
            }
        }
        feed.lang_attrs.clear();
        feed.default_flags.clear();
        self.in_segment = 0;
    }

    /// Keeps, cut down to its labels, each release of the segment that is the first to use a
    /// party as a label (the item rules judge a label party once, by the first reference to
    /// it: [`Feed::label_parties`]); counts the others.
    fn keep_labels(&mut self, feed: &mut Feed<'a>) {
        self.label_parties.resize(feed.parties.len(), false);
        for release in take(&mut feed.releases) {
            let parties = release.labels.iter().filter_map(|l| l.party_ref.as_ref());
            let parties: Vec<usize> = parties.filter_map(|r| feed.party_index_of(&r.value)).collect();
            if !release.resources_omitted && parties.iter().any(|&i| !self.label_parties[i]) {
                for i in parties {
                    self.label_parties[i] = true;
                }
                self.labelled.push(release.into_labels_only());
            } else if release.kind == ReleaseKind::Release {
                self.dropped_releases += 1;
            }
        }
    }

    /// Reading is over: the last segment, then the context put back together.
    pub fn finish(&mut self, feed: &mut Feed<'a>) {
        if !self.started {
            return;
        }
        if self.in_segment > 0 {
            self.cut(feed);
        }
        // Exactly: grown by doubling, the context's references took up to twice their size.
        self.refs.reserve_exact(feed.refs.len());
        self.lang_attrs.reserve_exact(feed.lang_attrs.len());
        self.default_flags.reserve_exact(feed.default_flags.len());
        self.refs.append(&mut feed.refs);
        self.lang_attrs.append(&mut feed.lang_attrs);
        self.default_flags.append(&mut feed.default_flags);
        feed.refs = take(&mut self.refs);
        feed.lang_attrs = take(&mut self.lang_attrs);
        feed.default_flags = take(&mut self.default_flags);
        feed.releases = take(&mut self.labelled);
        feed.dropped_releases = self.dropped_releases;
        feed.dropped_content = Some(take(&mut self.content));
    }
}
