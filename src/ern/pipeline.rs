//! Reading a large file with two threads: a producer runs the strict XML reader and hands
//! batches of events to the model builder on the calling thread. Batches are recycled, so
//! the steady state allocates nothing.

use std::sync::mpsc::{channel, sync_channel, Receiver, Sender, SyncSender};

use super::events::EventSource;
use super::ReadOutcome;
use crate::finding::Span;
use crate::xml::{Attr, Event, TextNode, XmlError, XmlReader};

/// Events per batch: fewer hand-overs between the threads. 16,384 (about 1 MB of events)
/// came out 25–50 ms faster than 4,096 on the 200 MB batch file in two sets of alternating
/// runs; 65,536 no faster.
const BATCH_EVENTS: usize = 16384;

enum Item<'a> {
    Start {
        name: &'a str,
        local: &'a str,
        span: Span,
        attrs: (u32, u32),
    },
    End {
        span: Span,
    },
    Text(TextNode<'a>),
    Doctype {
        span: Span,
        entities: Vec<String>,
    },
}

#[derive(Default)]
struct Batch<'a> {
    items: Vec<Item<'a>>,
    attrs: Vec<Attr<'a>>,
    /// The root element's namespace, on the batch with the root's start tag (only the
    /// root's is asked for: kept out of the events, which stay small).
    namespace: Option<String>,
    /// Set on the last batch: how reading ended.
    end: Option<Result<Vec<(String, u32)>, XmlError>>,
}

pub(super) fn read_in_two_threads<'a>(
    text: &'a str,
    stream: Option<&mut super::stream::Streamer<'_, 'a>>,
) -> ReadOutcome<'a> {
    std::thread::scope(|scope| {
        let (full_tx, full_rx) = sync_channel::<Batch>(4);
        let (empty_tx, empty_rx) = channel::<Batch>();
        scope.spawn(move || produce(text, full_tx, empty_rx));
        super::read_events(
            Consumer {
                full: full_rx,
                empty: empty_tx,
                batch: Batch::default(),
                pos: 0,
                current: (0, 0),
                namespace: None,
                unexpanded: Vec::new(),
                done: false,
            },
            stream,
        )
    })
}

fn produce<'a>(text: &'a str, full: SyncSender<Batch<'a>>, empty: Receiver<Batch<'a>>) {
    let mut reader = XmlReader::new(text);
    let mut batch = Batch::default();
    let mut first_start = true;
    loop {
        let ev = reader.next();
        let last = !matches!(ev, Ok(Some(_)));
        match ev {
            Ok(Some(Event::Start { name, local, span })) => {
                let a0 = batch.attrs.len() as u32;
                batch.attrs.extend_from_slice(reader.attrs());
                if first_start {
                    batch.namespace = reader.element_namespace(name).map(str::to_string);
                    first_start = false;
                }
                batch.items.push(Item::Start {
                    name,
                    local,
                    span,
                    attrs: (a0, batch.attrs.len() as u32),
                });
            }
            Ok(Some(Event::End { span })) => batch.items.push(Item::End { span }),
            Ok(Some(Event::Text(t))) => batch.items.push(Item::Text(t)),
            Ok(Some(Event::Doctype { span, entities })) => batch.items.push(Item::Doctype { span, entities }),
            Ok(None) => batch.end = Some(Ok(std::mem::take(&mut reader.unexpanded_refs))),
            Err(e) => batch.end = Some(Err(e)),
        }
        if last || batch.items.len() >= BATCH_EVENTS {
            if full.send(std::mem::take(&mut batch)).is_err() || last {
                return; // the builder stopped early, or reading is over
            }
            batch = empty.try_recv().unwrap_or_default();
        }
    }
}

struct Consumer<'a> {
    full: Receiver<Batch<'a>>,
    empty: Sender<Batch<'a>>,
    batch: Batch<'a>,
    pos: usize,
    /// Attribute range of the last start tag in `batch.attrs`.
    current: (u32, u32),
    namespace: Option<String>,
    unexpanded: Vec<(String, u32)>,
    done: bool,
}

impl<'a> EventSource<'a> for Consumer<'a> {
    #[inline(always)]
    fn next(&mut self) -> Result<Option<Event<'a>>, XmlError> {
        loop {
            if self.done {
                return Ok(None);
            }
            if self.pos < self.batch.items.len() {
                // Take the item out (leaving a cheap placeholder) so its text moves, not copies.
                let item = std::mem::replace(&mut self.batch.items[self.pos], Item::End { span: Span::default() });
                self.pos += 1;
                return Ok(Some(match item {
                    Item::Start {
                        name,
                        local,
                        span,
                        attrs,
                    } => {
                        self.current = attrs;
                        Event::Start { name, local, span }
                    }
                    Item::End { span } => Event::End { span },
                    Item::Text(t) => Event::Text(t),
                    Item::Doctype { span, entities } => Event::Doctype { span, entities },
                }));
            }
            if let Some(end) = self.batch.end.take() {
                self.done = true;
                match end {
                    Ok(refs) => self.unexpanded = refs,
                    Err(e) => return Err(e),
                }
                continue;
            }
            // Recycle the used batch (its attributes are no longer referenced: the model
            // clones what it keeps) and wait for the next one.
            let mut used = std::mem::replace(
                &mut self.batch,
                match self.full.recv() {
                    Ok(b) => b,
                    Err(_) => return Ok(None),
                },
            );
            self.pos = 0;
            if let Some(ns) = self.batch.namespace.take() {
                self.namespace = Some(ns);
            }
            used.items.clear();
            used.attrs.clear();
            let _ = self.empty.send(used);
        }
    }

    fn attrs(&self) -> &[Attr<'a>] {
        let (a, b) = self.current;
        &self.batch.attrs[a as usize..b as usize]
    }

    fn element_namespace(&self, _qname: &str) -> Option<&str> {
        self.namespace.as_deref()
    }

    fn unexpanded_refs(&self) -> &[(String, u32)] {
        &self.unexpanded
    }
}
