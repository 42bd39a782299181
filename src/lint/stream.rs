//! Checking a batch file a segment at a time, as it is read: the item rules run over each
//! segment and keep what they find inside its content items; the message rules collect what
//! they need of it; once the message is read, the item rules run over the context (with
//! each release cut down to its labels) and keep what they find outside the content items,
//! and the message rules give their findings. `tests/segments.rs` checks that this finds what
//! reading the message whole finds; `tests/streaming.rs` checks whole files.

use rayon::prelude::*;

use super::{Selection, Settings};
use crate::catalogue::FactsCollector;
use crate::ern::{self, Feed, ReadOutcome, Segments, Streamed};
use crate::finding::Finding;
use crate::rules::registry::RULES;
use crate::rules::{Check, Context, MessageRule, MessageShared, RuleOptions};
use crate::source::Source;

/// Whether `source` is read a segment at a time: a large file (every rule can read a message
/// so).
pub(super) fn applies(source: &Source, settings: &Settings) -> bool {
    source.text.len() >= settings.streaming.from_bytes
}

/// What checking a file a segment at a time gives.
pub(super) struct Checked<'s> {
    /// The outcome of reading; its model is the context only.
    pub outcome: ReadOutcome<'s>,
    /// The rules' findings, in the registry's order of rules.
    pub found: Vec<Finding>,
    /// The catalogue facts taken from the segments, to be finished with the context.
    pub facts: Option<FactsCollector<'s>>,
}

/// Reads and checks `source` a segment at a time. `None` when the message cannot be read so
/// (a header or party after a content item): it is to be read whole.
pub(super) fn read_and_check<'s>(
    source: &'s Source,
    settings: &Settings,
    selection: &Selection,
) -> Option<Checked<'s>> {
    let mut checker = Checker {
        source,
        options: &settings.options,
        selection,
        messages: Vec::new(),
        started: false,
        found: RULES.iter().map(|_| Vec::new()).collect(),
        facts: settings
            .catalogue
            .then(|| FactsCollector::new(!settings.catalogue_names_only)),
        message: std::sync::Arc::default(),
    };
    let per_segment = settings.streaming.items_per_segment;
    let Streamed::Read(outcome) = ern::read_in_segments(&source.text, &mut checker, per_segment) else {
        return None;
    };
    let mut outcome = *outcome;
    let Some(feed) = outcome.feed.as_mut() else {
        // Malformed: what the segments gave is void.
        return Some(Checked {
            outcome,
            found: Vec::new(),
            facts: None,
        });
    };
    checker.finish(feed);
    Some(Checked {
        outcome,
        found: checker.found_in_order(),
        facts: checker.facts,
    })
}

/// The rules' side of a streaming read.
struct Checker<'s, 'a> {
    source: &'s Source,
    options: &'s RuleOptions,
    selection: &'s Selection,
    /// The enabled message rules' states, by index in the registry.
    messages: Vec<(usize, Box<dyn MessageRule<'a> + 'a>)>,
    started: bool,
    /// What each rule of the registry found, by index, a batch per segment (appended
    /// to one vector, they took up to twice their size as it grew).
    found: Vec<Vec<Vec<Finding>>>,
    facts: Option<FactsCollector<'a>>,
    /// What the message rules share across the segments.
    message: std::sync::Arc<MessageShared<'a>>,
}

impl<'a> Checker<'_, 'a> {
    fn keep(&mut self, found: Vec<(usize, Vec<Finding>)>) {
        for (i, out) in found {
            if !out.is_empty() {
                self.found[i].push(out);
            }
        }
    }

    /// Every finding, rule by rule in the registry's order, each rule's in the order found.
    fn found_in_order(&mut self) -> Vec<Finding> {
        let found = std::mem::take(&mut self.found);
        let total = found.iter().flatten().map(Vec::len).sum();
        let mut all = Vec::with_capacity(total);
        for batch in found.into_iter().flatten() {
            all.extend(batch);
        }
        all
    }

    /// The message is read: the item rules over the context, and the message rules' findings.
    fn finish(&mut self, feed: &Feed<'a>) {
        let message = self.message.clone();
        let cx = Context::within(feed, self.source, self.options, &message);
        self.start(&cx);
        let found = item_rules(self.selection, &cx, false);
        self.keep(found);
        let messages = std::mem::take(&mut self.messages);
        let found: Vec<(usize, Vec<Finding>)> = messages
            .into_par_iter()
            .map(|(i, rule)| {
                let mut out = Vec::new();
                rule.finish(&cx, &mut out);
                (i, out)
            })
            .collect();
        self.keep(found);
    }

    /// Starts the enabled message rules, once.
    fn start(&mut self, cx: &Context<'_, 'a>) {
        if std::mem::replace(&mut self.started, true) {
            return;
        }
        for (i, rule) in RULES.iter().enumerate() {
            if let Check::Message(start) = rule.check {
                if self.selection.is_enabled(rule.id) {
                    self.messages.push((i, start(cx)));
                }
            }
        }
    }
}

impl<'a> Segments<'a> for Checker<'_, 'a> {
    fn segment(&mut self, feed: &Feed<'a>) {
        let message = self.message.clone();
        let cx = Context::within(feed, self.source, self.options, &message);
        self.start(&cx);
        let mut messages = std::mem::take(&mut self.messages);
        let selection = self.selection;
        let facts = &mut self.facts;
        let (found, ()) = rayon::join(
            || item_rules(selection, &cx, true),
            || {
                rayon::join(
                    || messages.par_iter_mut().for_each(|(_, rule)| rule.collect(&cx)),
                    || facts.as_mut().map(|f| f.collect(feed)),
                );
            },
        );
        self.messages = messages;
        self.keep(found);
    }
}

/// Runs the enabled item rules over `cx`, keeping the findings inside (`inside`) or
/// outside the content items.
fn item_rules<'a>(selection: &Selection, cx: &Context<'_, 'a>, inside: bool) -> Vec<(usize, Vec<Finding>)> {
    cx.build_shared_views_in_parallel(|c| RULES.iter().any(|r| r.category == c && selection.is_enabled(r.id)));
    RULES
        .par_iter()
        .enumerate()
        .filter_map(|(i, rule)| {
            let Check::Item(check) = rule.check else { return None };
            if !selection.is_enabled(rule.id) {
                return None;
            }
            let mut out = Vec::new();
            check(cx, &mut out);
            out.retain(|f| cx.is_in_content(f.anchor) == inside);
            Some((i, out))
        })
        .collect()
}
