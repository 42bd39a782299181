//! XPaths of elements, found from their start offsets after the fact: the model keeps only
//! offsets, and only findings need a path.

use quick_xml::events::Event;
use quick_xml::Reader;

/// Where a scan starts: an element whose path is already known (an item of a feed).
#[derive(Clone, Debug)]
pub struct Start<'p> {
    /// Offset of the element's start tag.
    pub offset: u32,
    /// Path of its parent, e.g. `/NewReleaseMessage/ResourceList`.
    pub parent_path: &'p str,
    /// Its index among same-named siblings (1-based).
    pub index: u32,
}

/// The XPath (`/NewReleaseMessage/ResourceList/SoundRecording[2]/…`) of the element whose
/// start tag begins at each of `offsets`, scanning the whole document once. Local names are
/// used; the sibling index is written from `[2]` on. `None` where no start tag begins there.
pub fn xpaths_at(text: &str, offsets: &[u32]) -> Vec<Option<String>> {
    let start = Start {
        offset: 0,
        parent_path: "",
        index: 1,
    };
    xpaths_from(text, &start, offsets, false)
}

/// Like [`xpaths_at`], but scanning only the subtree that starts at `start`.
pub fn xpaths_in(text: &str, start: &Start, offsets: &[u32]) -> Vec<Option<String>> {
    let mut out = vec![None; offsets.len()];
    XPathScanner::default().scan(text, start, offsets.iter().copied().zip(0..), &mut out);
    out
}

/// The stacks of [`xpaths_in`]'s scan, kept between the scans of one document's items: the
/// allocations cost more than a scan of a small item.
#[derive(Default)]
pub struct XPathScanner<'t> {
    /// (offset, slot in the output), in document order.
    wanted: Vec<(u32, usize)>,
    path: Vec<(&'t str, u32)>,
    /// Children seen so far per open element, by name, the innermost element's last.
    siblings: Vec<(&'t str, u32)>,
    /// Where each open element's tallies start in `siblings` (one flat stack, no Vec per
    /// element).
    levels: Vec<usize>,
}

impl<'t> XPathScanner<'t> {
    /// Scan the subtree that starts at `start` and write the XPath of the element starting at
    /// each wanted offset into `out[slot]` (left alone where no start tag begins there).
    pub fn scan(
        &mut self,
        text: &'t str,
        start: &Start,
        wanted: impl Iterator<Item = (u32, usize)>,
        out: &mut [Option<String>],
    ) {
        self.wanted.clear();
        self.wanted.extend(wanted);
        self.wanted.sort_unstable();
        self.path.clear();
        self.siblings.clear();
        self.levels.clear();
        self.levels.push(0);
        self.scan_subtree(text, start, out);
    }

    fn scan_subtree(&mut self, text: &'t str, start: &Start, out: &mut [Option<String>]) {
        let XPathScanner {
            wanted,
            path,
            siblings,
            levels,
        } = self;
        let bytes = text.as_bytes();
        let mut pos = start.offset as usize;
        if wanted.is_empty() || pos > text.len() {
            return;
        }
        // The subtree is part of a well-formed document (a feed's item): markup can be told by its
        // first bytes, and `<` never occurs in text or attribute values. A tokenizer would check
        // far more than this needs.
        let mut next = 0;
        while let Some(rel) = memchr::memchr(b'<', &bytes[pos..]) {
            let at = pos + rel;
            while next < wanted.len() && (wanted[next].0 as usize) < at {
                next += 1; // offset inside text or markup that is not a start tag
            }
            if next >= wanted.len() {
                break;
            }
            let rest = &text[at..];
            let skip_to = |open: usize, close: &str| rest[open..].find(close).map(|e| at + open + e + close.len());
            match bytes.get(at + 1) {
                Some(b'/') => {
                    let Some(gt) = memchr::memchr(b'>', &bytes[at + 2..]) else {
                        break;
                    };
                    pos = at + 2 + gt + 1;
                    path.pop();
                    let level = levels.pop().expect("a level is always open");
                    siblings.truncate(level);
                    if levels.is_empty() {
                        levels.push(level);
                    }
                }
                Some(b'!') => {
                    let end = if rest.starts_with("<!--") {
                        skip_to(4, "-->")
                    } else if rest.starts_with("<![CDATA[") {
                        skip_to(9, "]]>")
                    } else {
                        skip_to(2, ">")
                    };
                    let Some(end) = end else { break };
                    pos = end;
                    continue;
                }
                Some(b'?') => {
                    let Some(end) = skip_to(2, "?>") else { break };
                    pos = end;
                    continue;
                }
                Some(_) => {
                    let Some(end) = start_tag_end(bytes, at + 1) else {
                        break;
                    };
                    pos = end + 1;
                    let raw = &text[at + 1..end];
                    let qname = tag_name(raw);
                    let local = super::local_name(qname);
                    let idx = if path.is_empty() {
                        start.index
                    } else {
                        let level = *levels.last().expect("a level is always open");
                        match siblings[level..].iter_mut().find(|(n, _)| *n == local) {
                            Some((_, c)) => {
                                *c += 1;
                                *c
                            }
                            None => {
                                siblings.push((local, 1));
                                1
                            }
                        }
                    };
                    path.push((local, idx));
                    while next < wanted.len() && wanted[next].0 as usize == at {
                        out[wanted[next].1] = Some(render(start.parent_path, path));
                        next += 1;
                    }
                    if raw.ends_with('/') {
                        path.pop();
                    } else {
                        levels.push(siblings.len());
                    }
                }
                None => break,
            }
            if path.is_empty() {
                break; // the subtree is closed
            }
        }
    }
}

/// [`xpaths_in`] by a full tokenizer, for tests: the two must agree on well-formed text.
#[cfg(test)]
fn xpaths_in_tokenized(text: &str, start: &Start, offsets: &[u32]) -> Vec<Option<String>> {
    xpaths_from(text, start, offsets, true)
}

fn xpaths_from(text: &str, start: &Start, offsets: &[u32], subtree: bool) -> Vec<Option<String>> {
    let mut wanted: Vec<(u32, usize)> = offsets.iter().copied().enumerate().map(|(i, o)| (o, i)).collect();
    wanted.sort_unstable();
    let mut out = vec![None; offsets.len()];
    let from = start.offset as usize;
    if wanted.is_empty() || from > text.len() {
        return out;
    }
    let mut reader = Reader::from_str(&text[from..]);
    reader.config_mut().check_end_names = false;
    // Path of open elements (local name, index among same-named siblings) and, per level,
    // how many children of each name have been seen.
    let mut path: Vec<(&str, u32)> = Vec::new();
    let mut counts: Vec<Vec<(&str, u32)>> = vec![Vec::new()];
    let mut next = 0;
    loop {
        let at = from as u32 + reader.buffer_position() as u32;
        while next < wanted.len() && wanted[next].0 < at {
            next += 1; // offset inside text or markup that is not a start tag
        }
        if next >= wanted.len() {
            break;
        }
        let ev = match reader.read_event() {
            Ok(ev) => ev,
            Err(_) => break,
        };
        match ev {
            Event::Start(_) | Event::Empty(_) => {
                let end = from + reader.buffer_position() as usize;
                let raw = &text[at as usize + 1..end - 1];
                let qname = raw
                    .split(|c: char| c.is_ascii_whitespace() || c == '/')
                    .next()
                    .unwrap_or("");
                let local = super::local_name(qname);
                let idx = if path.is_empty() && subtree {
                    start.index
                } else {
                    let level = counts.last_mut().expect("a level is always open");
                    match level.iter_mut().find(|(n, _)| *n == local) {
                        Some((_, c)) => {
                            *c += 1;
                            *c
                        }
                        None => {
                            level.push((local, 1));
                            1
                        }
                    }
                };
                path.push((local, idx));
                while next < wanted.len() && wanted[next].0 == at {
                    out[wanted[next].1] = Some(render(start.parent_path, &path));
                    next += 1;
                }
                if matches!(ev, Event::Empty(_)) {
                    path.pop();
                } else {
                    counts.push(Vec::new());
                }
            }
            Event::End(_) => {
                path.pop();
                counts.pop();
                if counts.is_empty() {
                    counts.push(Vec::new());
                }
            }
            Event::Eof => break,
            _ => {}
        }
        if subtree && path.is_empty() {
            break; // the subtree is closed
        }
    }
    out
}

/// The offset of the `>` ending the start tag whose name begins at `from`: the first `>`
/// outside a quoted attribute value. Found by jumping between the bytes that matter rather
/// than testing every byte: most tags are a name and nothing else.
fn start_tag_end(bytes: &[u8], mut from: usize) -> Option<usize> {
    loop {
        let at = from + memchr::memchr3(b'>', b'"', b'\'', &bytes[from..])?;
        match bytes[at] {
            b'>' => return Some(at),
            quote => from = at + 1 + memchr::memchr(quote, &bytes[at + 1..])? + 1,
        }
    }
}

/// The qualified name of a start tag's contents (`ern:Name attr="…"` → `ern:Name`).
fn tag_name(raw: &str) -> &str {
    match raw.bytes().position(|b| b.is_ascii_whitespace() || b == b'/') {
        Some(end) => &raw[..end],
        None => raw,
    }
}

fn render(prefix: &str, path: &[(&str, u32)]) -> String {
    use std::fmt::Write;
    // Names plus a slash and room for a short index each: one allocation.
    let len = prefix.len() + path.iter().map(|(name, _)| name.len() + 5).sum::<usize>();
    let mut s = String::with_capacity(len);
    s.push_str(prefix);
    for (name, idx) in path {
        s.push('/');
        s.push_str(name);
        match *idx {
            0 | 1 => {}
            // The usual index, one digit, without the formatting machinery.
            i @ 2..=9 => {
                s.push('[');
                s.push(char::from(b'0' + i as u8));
                s.push(']');
            }
            i => {
                let _ = write!(s, "[{i}]");
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_with_sibling_indexes() {
        let t = "<ern:M xmlns:ern='x'><L><S/><S><I>a</I></S></L></ern:M>";
        let i = t.find("<I>").unwrap() as u32;
        let s2 = t.find("<S>").unwrap() as u32;
        let got = xpaths_at(t, &[i, 0, s2]);
        assert_eq!(got[0].as_deref(), Some("/M/L/S[2]/I"));
        assert_eq!(got[1].as_deref(), Some("/M"));
        assert_eq!(got[2].as_deref(), Some("/M/L/S[2]"));
    }

    #[test]
    fn paths_inside_a_known_subtree() {
        let t = "<ern:M xmlns:ern='x'><L><S/><S><I>a</I><I/></S></L></ern:M>";
        let s2 = t.find("<S>").unwrap() as u32;
        let i2 = t.find("<I/>").unwrap() as u32;
        let start = Start {
            offset: s2,
            parent_path: "/M/L",
            index: 2,
        };
        let got = xpaths_in(t, &start, &[i2, s2]);
        assert_eq!(got[0].as_deref(), Some("/M/L/S[2]/I[2]"));
        assert_eq!(got[1].as_deref(), Some("/M/L/S[2]"));
    }

    /// Every `<` of every item of every well-formed feed of the real corpus, the fixtures and
    /// the samples: the scanner and the tokenizer give the same paths.
    #[test]
    fn scanner_agrees_with_the_tokenizer() {
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            let Ok(entries) = std::fs::read_dir(dir) else { return };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "xml") {
                    out.push(p);
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for dir in ["../shared/corpus/real", "tests/fixtures", "samples"] {
            walk(&root.join(dir), &mut files);
        }
        assert!(files.len() > 100, "corpus and fixtures found");
        let mut items = 0;
        for path in files {
            let bytes = std::fs::read(&path).unwrap();
            let Ok(source) = crate::source::Source::decode(path.display().to_string(), bytes) else {
                continue;
            };
            let outcome = crate::ern::read(&source.text);
            let Some(feed) = outcome.feed else { continue };
            if outcome.findings.iter().any(|f| f.rule == "xml-malformed") {
                continue;
            }
            for mark in &feed.items {
                let start = Start {
                    offset: mark.start,
                    parent_path: &feed.item_parents[mark.parent as usize],
                    index: mark.index,
                };
                let offsets: Vec<u32> = source.text[mark.start as usize..mark.end as usize]
                    .match_indices('<')
                    .map(|(i, _)| mark.start + i as u32)
                    .collect();
                assert_eq!(
                    xpaths_in(&source.text, &start, &offsets),
                    xpaths_in_tokenized(&source.text, &start, &offsets),
                    "{} item at {}",
                    path.display(),
                    mark.start
                );
                items += 1;
            }
        }
        assert!(items > 1000);
    }
}
