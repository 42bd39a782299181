//! Reading ERN messages into one typed [`Feed`], whatever the ERN version.

pub mod detect;
mod events;
mod items;
pub mod model;
mod pipeline;
mod segment;
mod stream;
mod tree;

pub use model::*;
pub use stream::{Segments, Streamed};

use crate::finding::{Finding, Severity, Span};
use crate::xml::{local_name, Event, XmlReader};
use detect::Support;
use events::EventSource;
use tree::Tree;

/// What reading a message gives: the model (when the message is an ERN version ddexlint
/// reads) and the findings about the document itself (malformed XML, DOCTYPE, version).
#[derive(Debug)]
pub struct ReadOutcome<'a> {
    pub feed: Option<Feed<'a>>,
    pub findings: Vec<Finding>,
    /// Version read from the namespace even when unsupported (for the report).
    pub version_label: Option<String>,
}

/// Files from this size on are read by two threads: one tokenizes and checks the XML, the
/// other builds the model (a batch file is one file, so the per-file parallelism of a run
/// does not help it). Below it, a second thread costs more than it saves.
const PIPELINE_FROM_BYTES: usize = 8 << 20;

/// Parse `text` strictly and build the model. Never panics; malformed XML becomes one
/// `xml-malformed` finding at the first error (and no model).
pub fn read(text: &str) -> ReadOutcome<'_> {
    if text.len() >= PIPELINE_FROM_BYTES {
        pipeline::read_in_two_threads(text, None)
    } else {
        read_events(XmlReader::new(text), None)
    }
}

/// [`read`], handing the content items to `sink` `per_segment` at a time as they are read
/// ([`Segments`]) and keeping only the context (`src/ern/stream.rs`).
pub fn read_in_segments<'a>(text: &'a str, sink: &mut dyn Segments<'a>, per_segment: usize) -> Streamed<'a> {
    let mut streamer = stream::Streamer::new(sink, per_segment);
    let outcome = if text.len() >= PIPELINE_FROM_BYTES {
        pipeline::read_in_two_threads(text, Some(&mut streamer))
    } else {
        read_events(XmlReader::new(text), Some(&mut streamer))
    };
    if streamer.unordered {
        Streamed::Unordered
    } else {
        Streamed::Read(Box::new(outcome))
    }
}

/// [`read`] on the calling thread only, whatever the size (for tests and tools comparing the
/// two ways of reading).
pub fn read_single_threaded(text: &str) -> ReadOutcome<'_> {
    read_events(XmlReader::new(text), None)
}

/// Build the model from a stream of checked XML events (a segment at a time with `stream`).
fn read_events<'a>(
    mut reader: impl EventSource<'a>,
    mut stream: Option<&mut stream::Streamer<'_, 'a>>,
) -> ReadOutcome<'a> {
    let mut out = ReadOutcome {
        feed: None,
        findings: Vec::new(),
        version_label: None,
    };
    let mut state = State::BeforeRoot;
    let mut tree = Tree::default();
    let mut depth = 0usize;
    let mut items = items::ItemReader::default();
    // Start-tag offsets of the open elements (for `IsDefault` sibling groups).
    let mut open: Vec<u32> = Vec::new();
    // Same-named sibling counts of the root's children and of the current list's, and the
    // item being read: for XPaths.
    let mut root_siblings: Vec<(&str, u32)> = Vec::new();
    let mut list_siblings: Vec<(&str, u32)> = Vec::new();
    let mut open_item: Option<ItemMark> = None;
    // Whether the item being read is a release or a resource (when streaming).
    let mut in_content = false;
    loop {
        let ev = match reader.next() {
            Ok(Some(ev)) => ev,
            Ok(None) => break,
            Err(e) => {
                out.feed = None;
                out.findings.push(
                    Finding::new(
                        "xml-malformed",
                        Severity::Error,
                        e.offset,
                        Span::empty(e.offset),
                        format!("the file is not well-formed XML: {}", e.message),
                    )
                    .with_help("DSPs reject the whole delivery: fix the XML syntax at this position first"),
                );
                return out;
            }
        };
        match ev {
            Event::Doctype { span, entities } => out.findings.push(doctype_finding(span, &entities)),
            Event::Start { name, local, span } => {
                depth += 1;
                if let (State::Reading, Some(feed), Some(stream)) = (&state, out.feed.as_mut(), stream.as_mut()) {
                    // An item starts (before its start tag's attributes are read).
                    let list = if depth == 3 { items.list } else { "" };
                    if depth == 2 && local.ends_with("List") {
                        stream.list_starts(feed);
                    } else if depth == 2 || (depth == 3 && !list.is_empty()) {
                        in_content = items::is_content(list, local);
                        stream.item_starts(feed, in_content, items::is_context(list, local));
                    }
                }
                if let (State::Reading, Some(feed)) = (&state, out.feed.as_mut()) {
                    for a in reader.attrs() {
                        if a.local_name() == "LanguageAndScriptCode" && depth > 1 {
                            feed.lang_attrs.push(AttrValue {
                                value: a.value.clone(),
                                elem: span.start,
                                span: a.value_span,
                            });
                        }
                        if a.local_name() == "IsDefault" && matches!(a.value.trim(), "true" | "1") {
                            if let Some(&parent) = open.last() {
                                feed.default_flags.push(DefaultFlag {
                                    element: local,
                                    parent,
                                    attr: AttrValue {
                                        value: a.value.clone(),
                                        elem: span.start,
                                        span: a.value_span,
                                    },
                                });
                            }
                        }
                    }
                }
                open.push(span.start);
                match state {
                    State::BeforeRoot => {
                        state = start_root(&reader, name, span, &mut out);
                        tree.root_lang = out
                            .feed
                            .as_ref()
                            .and_then(|f| f.root_lang.clone())
                            .map(std::sync::Arc::new);
                    }
                    State::Skip => {}
                    State::Reading => {
                        // Children of the root are items, except `…List`s whose children are.
                        let is_list = depth == 2 && local.ends_with("List");
                        if is_list {
                            items.list = local;
                        } else if depth == 2 {
                            items.list = "";
                        }
                        if let Some(feed) = out.feed.as_mut() {
                            if depth == 2 {
                                let index = count_sibling(&mut root_siblings, local);
                                if is_list {
                                    list_siblings.clear();
                                    feed.item_parents.push(format!("{}/{}", feed.item_parents[0], local));
                                } else {
                                    open_item = Some(ItemMark {
                                        start: span.start,
                                        end: span.end,
                                        index,
                                        parent: 0,
                                    });
                                }
                            } else if depth == 3 && !items.list.is_empty() {
                                let index = count_sibling(&mut list_siblings, local);
                                let parent = feed.item_parents.len() as u32 - 1;
                                open_item = Some(ItemMark {
                                    start: span.start,
                                    end: span.end,
                                    index,
                                    parent,
                                });
                            }
                        }
                        if !is_list {
                            tree.start(local, span, reader.attrs());
                        }
                    }
                }
            }
            Event::Text(t) => {
                if tree.is_building() {
                    tree.text(t);
                }
            }
            Event::End { span } => {
                depth -= 1;
                open.pop();
                if tree.is_building() {
                    tree.end();
                    if tree.is_complete() {
                        if let Some(feed) = out.feed.as_mut() {
                            items.read_item(&tree, feed);
                            if let Some(mut mark) = open_item.take() {
                                mark.end = span.end;
                                feed.items.push(mark);
                            }
                            if let Some(stream) = stream.as_mut() {
                                stream.item_read(feed, in_content);
                            }
                        }
                        tree.clear();
                    }
                }
            }
        }
    }
    if let Some(feed) = out.feed.as_mut() {
        if let Some(stream) = stream {
            stream.finish(feed);
        }
        feed.finish();
    }
    if let Some((name, _)) = reader.unexpanded_refs().first() {
        if let Some(f) = out.findings.iter_mut().find(|f| f.rule == "xml-doctype-not-allowed") {
            f.message.push_str(&format!(
                "; references to them (such as '&{name};') were left unexpanded"
            ));
        }
    }
    out
}

/// Count one more child named `name`; its 1-based index among same-named siblings.
fn count_sibling<'a>(counts: &mut Vec<(&'a str, u32)>, name: &'a str) -> u32 {
    match counts.iter_mut().find(|(n, _)| *n == name) {
        Some((_, c)) => {
            *c += 1;
            *c
        }
        None => {
            counts.push((name, 1));
            1
        }
    }
}

enum State {
    BeforeRoot,
    Reading,
    /// Not an ERN version ddexlint reads: check well-formedness only.
    Skip,
}

fn start_root<'a>(reader: &impl EventSource<'a>, name: &'a str, span: Span, out: &mut ReadOutcome<'a>) -> State {
    let ns = reader.element_namespace(name).map(str::to_string);
    let schema_id = reader.attr("MessageSchemaVersionId").map(|a| a.value.to_string());
    match detect::detect(local_name(name), ns.as_deref(), schema_id.as_deref()) {
        Support::Full(v) | Support::BestEffort(v) => {
            out.version_label = Some(v.label.clone());
            let root_lang = reader.attr("LanguageAndScriptCode").map(|a| AttrValue {
                value: a.value.clone(),
                elem: span.start,
                span: a.value_span,
            });
            let mut feed = Feed::new(v, span.start, span, root_lang.clone());
            feed.item_parents.push(format!("/{}", local_name(name)));
            feed.lang_attrs.extend(root_lang);
            out.feed = Some(feed);
            State::Reading
        }
        Support::Unsupported { found, version } => {
            out.version_label = version;
            out.findings.push(
                Finding::new(
                    "ern-unsupported-version",
                    Severity::Error,
                    span.start,
                    span,
                    format!("this is not an ERN NewReleaseMessage ddexlint can read ({found})"),
                )
                .with_help("ddexlint reads ERN 4.1, 4.1.1, 4.2, 4.3, 4.3.1, 4.3.2 and ERN 3.8, 3.8.1, 3.8.2, 3.8.3 (3.7.x best effort)"),
            );
            State::Skip
        }
    }
}

fn doctype_finding(span: Span, entities: &[String]) -> Finding {
    let mut msg = String::from("the file declares a DOCTYPE; DDEX messages carry none, and ddexlint never expands its entities or fetches anything it names");
    if !entities.is_empty() {
        let names: Vec<String> = entities.iter().take(5).map(|e| format!("'{e}'")).collect();
        msg.push_str(&format!(
            " (declared entities: {}{})",
            names.join(", "),
            if entities.len() > 5 { ", …" } else { "" }
        ));
    }
    Finding::new("xml-doctype-not-allowed", Severity::Error, span.start, span, msg)
        .with_help("remove the DOCTYPE and replace entity references with their text")
}
