//! Placing findings: each offset's line and column, the XPath of its element, and (for the
//! formats that show it) its source line, or a window of a long one.

use rayon::prelude::*;

use crate::ern;
use crate::finding::Finding;
use crate::report::Located;
use crate::rules::registry;
use crate::source::{floor_char_boundary, Source};
use crate::xml::xpath::xpaths_at;

/// Resolve offsets to lines, columns and XPaths (from the feed's items when there is a
/// model, else by scanning the document).
pub fn locate(source: &Source, feed: Option<&ern::Feed>, findings: Vec<Finding>) -> Vec<Located> {
    locate_lines(source, feed, findings, true)
}

/// [`locate`], copying each finding's source line only if `lines`.
pub(super) fn locate_lines(
    source: &Source,
    feed: Option<&ern::Feed>,
    findings: Vec<Finding>,
    lines: bool,
) -> Vec<Located> {
    // A batch file's tens of thousands of findings are placed in chunks on all cores, a
    // small file's few on its own thread.
    const CHUNK: usize = 4096;
    if findings.len() <= CHUNK {
        return locate_in_order(source, feed, findings, lines);
    }
    // One line index (or count by blocks) for all the chunks: without it each would count
    // lines from the start.
    source.index_lines();
    // Each chunk a stretch of the text (the findings come rule by rule, each rule's across
    // the whole file): a chunk counts columns and finds XPaths over its stretch only, not over
    // the whole file (a minified file is one line). The places go back in the findings' order.
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|&i| findings[i].anchor);
    let mut slots: Vec<Option<Finding>> = findings.into_iter().map(Some).collect();
    let chunks: Vec<(Vec<usize>, Vec<Finding>)> = order
        .chunks(CHUNK)
        .map(|at| {
            let chunk = at
                .iter()
                .map(|&i| slots[i].take().expect("each finding once"))
                .collect();
            (at.to_vec(), chunk)
        })
        .collect();
    let placed: Vec<(Vec<usize>, Vec<Located>)> = chunks
        .into_par_iter()
        .map(|(at, chunk)| (at, locate_in_order(source, feed, chunk, lines)))
        .collect();
    let mut out: Vec<Option<Located>> = std::iter::repeat_with(|| None).take(slots.len()).collect();
    for (at, chunk) in placed {
        for (i, located) in at.into_iter().zip(chunk) {
            out[i] = Some(located);
        }
    }
    out.into_iter().map(|l| l.expect("each finding placed")).collect()
}

fn locate_in_order(source: &Source, feed: Option<&ern::Feed>, findings: Vec<Finding>, lines: bool) -> Vec<Located> {
    let anchors: Vec<u32> = findings.iter().map(|f| f.anchor).collect();
    let xpaths = match feed {
        Some(feed) => feed.xpaths_at(&source.text, &anchors),
        None => xpaths_at(&source.text, &anchors),
    };
    let places = places(source, &findings, &anchors, lines);
    findings
        .into_iter()
        .zip(xpaths)
        .zip(places)
        .map(|((finding, xpath), place)| {
            let category = registry::rule(finding.rule).map_or("xml", |r| r.category.as_str());
            let (source_line, source_line_column) = if lines {
                let (line, column) = source_line(&source.text, &place, finding.anchor, finding.span.end);
                (Some(line), column)
            } else {
                (None, 1)
            };
            Located {
                category,
                path: source.path.clone(),
                line: place.start.0,
                column: place.start.1,
                end_line: place.end.0,
                column_end: place.end.1,
                xpath,
                source_line,
                source_line_column,
                finding,
            }
        })
        .collect()
}

/// Lines longer than this (in bytes) are cut to a window around the finding: a minified feed
/// is one line of megabytes, and each finding would copy it.
const LONG_LINE: usize = 4096;
/// Characters of a long line kept before the anchor and after the span's end.
const AROUND: usize = 512;
/// At most this many bytes of a long line's span are kept after the anchor.
const LONG_SPAN: usize = 64 << 10;

/// The anchor's line, or a window of a long one, and the column where it starts.
fn source_line(text: &str, place: &Place, anchor: u32, span_end: u32) -> (String, u32) {
    let (start, end) = place.line;
    if end - start <= LONG_LINE {
        return (text[start..end].to_string(), 1);
    }
    let anchor = floor_char_boundary(text, (anchor as usize).clamp(start, end));
    // Back `AROUND` characters (no further than the line's start), counting them: the window's
    // column is the anchor's less those.
    let (mut from, mut back) = (anchor, 0u32);
    for (i, _) in text[start..anchor].char_indices().rev().take(AROUND) {
        from = start + i;
        back += 1;
    }
    let stop = floor_char_boundary(text, (span_end as usize).clamp(anchor, end).min(anchor + LONG_SPAN));
    let to = text[stop..end]
        .char_indices()
        .nth(AROUND)
        .map_or(end, |(i, _)| stop + i);
    (text[from..to].to_string(), place.start.1.saturating_sub(back).max(1))
}

/// Where a finding is: line and column of its anchor and of its end, and the byte range of
/// the anchor's line (without its line end).
struct Place {
    start: (u32, u32),
    end: (u32, u32),
    line: (usize, usize),
}

/// The places of `findings`, with the anchor's line only if `lines` (else an empty range).
fn places(source: &Source, findings: &[Finding], anchors: &[u32], lines: bool) -> Vec<Place> {
    let offsets: Vec<u32> = findings
        .iter()
        .flat_map(|f| [f.anchor, f.span.end.max(f.anchor)])
        .collect();
    let line_cols = source.line_cols(&offsets);
    let lines = if lines {
        source.line_spans(anchors)
    } else {
        vec![(0, 0); anchors.len()]
    };
    line_cols
        .chunks_exact(2)
        .zip(lines)
        .map(|(lc, line)| Place {
            start: lc[0],
            end: lc[1],
            line,
        })
        .collect()
}
