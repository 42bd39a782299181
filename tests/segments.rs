//! Rules find the same things in a message's segments as in the whole message: what lets a
//! streaming reader hand a batch file to them a few items at a time. Item rules
//! ([`Check::Item`]) run over each segment, message rules ([`Check::Message`]) carry what they
//! need from one segment to the next. Checked over the real corpus, the rule fixtures, the samples and a generated batch
//! (`tests/data/batch-ern43.xml`: 21 albums sharing labels and artists, with planted problems,
//! from `bench/gen_ern.py --big … --size-mb 0.5 --seed 3 --bad-rate 0.5`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use ddexlint::ern::Feed;
use ddexlint::rules::registry::RULES;
use ddexlint::rules::{Check, Context, MessageShared, RuleOptions};
use ddexlint::source::Source;

mod feeds;
use feeds::files;

/// Calls `each` with every feed of [`files`] that reads as an ERN message.
fn each_feed(mut each: impl FnMut(&Path, &Source, &Feed)) {
    for path in files() {
        let Ok(source) = Source::decode(path.display().to_string(), std::fs::read(&path).unwrap()) else {
            continue;
        };
        if let Some(feed) = ddexlint::ern::read(&source.text).feed {
            each(&path, &source, &feed);
        }
    }
}

/// Each item rule's findings on `feed`, added to `out` (as text: every field counts): all of
/// them, or those anchored inside (`Some(true)`) or outside (`Some(false)`) its content items.
fn find(feed: &Feed, source: &Source, inside: Option<bool>, out: &mut BTreeMap<&'static str, BTreeSet<String>>) {
    let options = RuleOptions::default();
    let cx = Context::new(feed, source, &options);
    for rule in RULES {
        if let Check::Item(check) = rule.check {
            let mut found = Vec::new();
            check(&cx, &mut found);
            let kept = found
                .iter()
                .filter(|f| inside.is_none_or(|inside| cx.is_in_content(f.anchor) == inside));
            out.entry(rule.id).or_default().extend(kept.map(|f| format!("{f:?}")));
        }
    }
}

#[test]
fn item_rules_find_the_same_in_one_item_segments() {
    let mut differ: Vec<String> = Vec::new();
    let mut items = 0;
    each_feed(|path, source, feed| {
        let mut whole = BTreeMap::new();
        find(feed, source, None, &mut whole);
        // The context alone, then each content item with the context.
        let mut segments = BTreeMap::new();
        find(&feed.segment(0, 0), source, None, &mut segments);
        for k in 0..feed.content_items() {
            find(&feed.segment(k, k + 1), source, None, &mut segments);
        }
        items += feed.content_items();
        for (id, found) in &whole {
            let in_segments = &segments[id];
            if found != in_segments {
                differ.push(format!(
                    "{id} on {}: only in the whole message {:?}; only in segments {:?}",
                    path.display(),
                    found.difference(in_segments).next(),
                    in_segments.difference(found).next()
                ));
            }
        }
    });
    assert!(items > 1000, "too few items to show anything: {items}");
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

#[test]
fn a_segment_keeps_the_context_and_its_items_only() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/batch-ern43.xml")).unwrap();
    let feed = ddexlint::ern::read(&text).feed.unwrap();
    let n = feed.content_items();
    assert_eq!(n, feed.releases.len() + feed.resources.len());
    let context = feed.segment(0, 0);
    assert!(context.releases.is_empty() && context.resources.is_empty());
    assert_eq!(context.parties.len(), feed.parties.len());
    // Cut in three, the segments hold every item once, and every identifier of an item.
    let cuts = [0, n / 3, 2 * n / 3, n];
    let parts: Vec<Feed> = cuts.windows(2).map(|w| feed.segment(w[0], w[1])).collect();
    let count = |f: fn(&Feed) -> usize| parts.iter().map(f).sum::<usize>();
    assert_eq!(count(|f| f.releases.len()), feed.releases.len());
    assert_eq!(count(|f| f.resources.len()), feed.resources.len());
    let item_ids = |f: &Feed| {
        f.releases.iter().map(|r| r.ids.len()).sum::<usize>() + f.resources.iter().map(|r| r.ids.len()).sum::<usize>()
    };
    assert_eq!(count(item_ids), item_ids(&feed));
    for part in &parts {
        // Identifier indexes are renumbered with the items: each points at its own owner's.
        for (i, r) in part.releases.iter().enumerate() {
            for id in part.identifiers_of(&r.ids) {
                assert_eq!(id.owner, ddexlint::ern::Owner::Release(i));
            }
        }
        for (i, r) in part.resources.iter().enumerate() {
            for id in part.identifiers_of(&r.ids) {
                assert_eq!(id.owner, ddexlint::ern::Owner::Resource(i));
            }
        }
    }
}

/// Content item `k` as a streaming reader hands it to the rules: a message segment, whose
/// context is there to look things up in, not to report on.
fn streamed_segment<'a>(feed: &Feed<'a>, k: usize) -> Feed<'a> {
    let mut segment = feed.message_segment(k, k + 1);
    segment.reports_context = false;
    segment
}

/// Each message rule's findings, read whole or a segment at a time, as text (every field
/// counts) in the order a report keeps: by anchor, and as the rule gave them at one anchor.
/// `by_segment`: the segments and the context to read instead of `feed` whole.
fn message_findings(
    feed: &Feed,
    source: &Source,
    by_segment: Option<(&[Feed], &Feed)>,
) -> BTreeMap<&'static str, Vec<String>> {
    let options = RuleOptions::default();
    let mut out = BTreeMap::new();
    for rule in RULES {
        let Check::Message(start) = rule.check else { continue };
        let mut found = Vec::new();
        match by_segment {
            Some((segments, context)) => {
                let message = MessageShared::default();
                let context = Context::within(context, source, &options, &message);
                let mut state = start(&context);
                for s in segments {
                    state.collect(&Context::within(s, source, &options, &message));
                }
                state.finish(&context, &mut found);
            }
            None => {
                let cx = Context::new(feed, source, &options);
                let mut state = start(&cx);
                state.collect(&cx);
                state.finish(&cx, &mut found);
            }
        }
        found.sort_by_key(|f| f.anchor);
        out.insert(rule.id, found.iter().map(|f| format!("{f:?}")).collect());
    }
    out
}

#[test]
fn message_rules_find_the_same_reading_one_item_a_segment() {
    let mut differ: Vec<String> = Vec::new();
    let mut items = 0;
    // How many findings each rule gives over all the files: none would show nothing.
    let mut found_by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    each_feed(|path, source, feed| {
        let whole = message_findings(feed, source, None);
        for (id, found) in &whole {
            *found_by_rule.entry(id).or_default() += found.len();
        }
        let segments: Vec<Feed> = (0..feed.content_items()).map(|k| streamed_segment(feed, k)).collect();
        let context = feed.message_context();
        let by_segment = message_findings(feed, source, Some((&segments, &context)));
        items += feed.content_items();
        for (id, found) in &whole {
            let in_segments = &by_segment[id];
            if found != in_segments {
                let at = found
                    .iter()
                    .zip(in_segments)
                    .position(|(a, b)| a != b)
                    .or(Some(found.len().min(in_segments.len())));
                differ.push(format!(
                    "{id} on {}: {} findings whole, {} by segment; first difference: {:?} / {:?}",
                    path.display(),
                    found.len(),
                    in_segments.len(),
                    at.and_then(|i| found.get(i)),
                    at.and_then(|i| in_segments.get(i))
                ));
            }
        }
    });
    assert!(items > 1000, "too few items to show anything: {items}");
    let silent: Vec<_> = found_by_rule.iter().filter(|(_, &n)| n == 0).collect();
    assert!(silent.is_empty(), "rules with no finding to compare: {silent:?}");
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// How a streaming reader would run the item rules: over each segment as the message rules
/// read it (its content items and their own references), keeping the findings inside the
/// items, then once over the context (with every use of a party reference, and the
/// releases' labels: the label rules judge a party by the releases that use it as a label),
/// keeping the findings outside.
#[test]
fn item_rules_find_the_same_streamed() {
    let mut differ: Vec<String> = Vec::new();
    each_feed(|path, source, feed| {
        let mut whole = BTreeMap::new();
        find(feed, source, None, &mut whole);
        let mut streamed = BTreeMap::new();
        for k in 0..feed.content_items() {
            find(&streamed_segment(feed, k), source, Some(true), &mut streamed);
        }
        find(&feed.labelled_context(), source, Some(false), &mut streamed);
        for (id, found) in &whole {
            let s = streamed.get(id).cloned().unwrap_or_default();
            if *found != s {
                differ.push(format!(
                    "{id} on {}: only whole {:?}; only streamed {:?}",
                    path.display(),
                    found.difference(&s).next(),
                    s.difference(found).next()
                ));
            }
        }
    });
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}
