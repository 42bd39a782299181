//! A document cut into markup and values, so that two versions of a file can be compared
//! value by value: `--fix` may change values (text content, attribute values) that a fix
//! targeted and nothing else. Comparing skeletons catches any edit that leaks out of its value
//! (an unescaped `<` that opens an element, a quote that ends an attribute early) and any
//! change to the declaration, comments, tags, attribute order, quoting or indentation text
//! that was not targeted.
//!
//! The scanner assumes a well-formed document (the caller has read it with the strict reader
//! first); on anything else it still terminates and yields some cut, which then simply fails
//! to match.

use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Tags, comments, processing instructions, the declaration, the DOCTYPE.
    Markup,
    /// Character data between two pieces of markup (CDATA sections and references included),
    /// possibly empty.
    Text,
    /// An attribute value, without its quotes.
    Attr,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub kind: Kind,
    pub span: Range<usize>,
}

/// Cut `text` into segments that cover it in order.
pub fn cut(text: &str) -> Vec<Segment> {
    let b = text.as_bytes();
    let n = b.len();
    let mut out = Vec::new();
    let mut text_start = 0;
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        i += off;
        if b[i..].starts_with(b"<![CDATA[") {
            i = find(b, i + 9, b"]]>").map_or(n, |p| p + 3);
            continue;
        }
        out.push(seg(Kind::Text, text_start, i));
        let mut mark = i;
        if b[i..].starts_with(b"<!--") {
            i = find(b, i + 4, b"-->").map_or(n, |p| p + 3);
        } else if b[i..].starts_with(b"<?") {
            i = find(b, i + 2, b"?>").map_or(n, |p| p + 2);
        } else if b[i..].starts_with(b"<!") {
            i = declaration_end(b, i);
        } else if b[i..].starts_with(b"</") {
            i = find(b, i, b">").map_or(n, |p| p + 1);
        } else {
            // Start tag: every attribute value becomes its own segment.
            i += 1;
            while i < n && b[i] != b'>' {
                if b[i] == b'"' || b[i] == b'\'' {
                    let quote = b[i];
                    let start = i + 1;
                    let end = memchr::memchr(quote, &b[start..]).map_or(n, |p| start + p);
                    out.push(seg(Kind::Markup, mark, start));
                    out.push(seg(Kind::Attr, start, end));
                    mark = end;
                    i = (end + 1).min(n);
                } else {
                    i += 1;
                }
            }
            i = (i + 1).min(n);
        }
        out.push(seg(Kind::Markup, mark, i));
        text_start = i;
        if i >= n {
            break;
        }
    }
    out.push(seg(Kind::Text, text_start.min(n), n));
    out
}

fn seg(kind: Kind, start: usize, end: usize) -> Segment {
    Segment { kind, span: start..end }
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(b.get(from..)?, needle).map(|p| from + p)
}

/// End of `<!DOCTYPE …>`, stepping over an internal subset and quoted strings.
fn declaration_end(b: &[u8], mut i: usize) -> usize {
    let mut depth = 0i32;
    let mut quote = None;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                b'"' | b'\'' => quote = Some(c),
                b'[' => depth += 1,
                b']' => depth -= 1,
                b'>' if depth <= 0 => return i + 1,
                _ => {}
            },
        }
        i += 1;
    }
    b.len()
}

/// The value segment (text or attribute value) that holds the byte range `range`.
pub fn value_at(segments: &[Segment], range: &Range<usize>) -> Option<usize> {
    let first = segments.partition_point(|s| s.span.end < range.start);
    segments[first..]
        .iter()
        .take_while(|s| s.span.start <= range.start)
        .position(|s| s.kind != Kind::Markup && s.span.start <= range.start && range.end <= s.span.end)
        .map(|p| first + p)
}

/// Where two cuts differ in something other than a value: `None` when they have the same
/// markup, byte for byte, and the same shape; otherwise a description of the first difference.
/// `changed` receives the indices of the values that differ.
pub fn compare(a_text: &str, a: &[Segment], b_text: &str, b: &[Segment], changed: &mut Vec<usize>) -> Option<String> {
    if a.len() != b.len() {
        return Some(format!(
            "the document structure changed ({} pieces of markup and values before, {} after)",
            a.len(),
            b.len()
        ));
    }
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        if x.kind != y.kind {
            return Some(format!("the document structure changed at byte {}", y.span.start));
        }
        let (xs, ys) = (&a_text[x.span.clone()], &b_text[y.span.clone()]);
        if xs == ys {
            continue;
        }
        if x.kind == Kind::Markup {
            return Some(format!("markup changed at byte {}: {xs:?} became {ys:?}", y.span.start));
        }
        changed.push(i);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        cut(text).into_iter().map(|s| (s.kind, &text[s.span])).collect()
    }

    #[test]
    fn cuts_values_out_of_markup() {
        let t = "<?xml version=\"1.0\"?>\n<!-- c --><a x='1' y=\"\"><b>T&amp;<![CDATA[<x>]]></b><c/></a>";
        let k = kinds(t);
        let values: Vec<_> = k.iter().filter(|(k, _)| *k != Kind::Markup).map(|(_, s)| *s).collect();
        assert_eq!(values, ["", "\n", "", "1", "", "", "T&amp;<![CDATA[<x>]]>", "", "", ""]);
        let joined: String = k.iter().map(|(_, s)| *s).collect();
        assert_eq!(joined, t);
    }

    #[test]
    fn a_leaking_edit_changes_the_shape() {
        let a = "<a x=\"1\">t</a>";
        let b = "<a x=\"1\"><b/></a>";
        let mut changed = Vec::new();
        assert!(compare(a, &cut(a), b, &cut(b), &mut changed).is_some());
        let c = "<a x=\"2\">u</a>";
        assert!(compare(a, &cut(a), c, &cut(c), &mut changed).is_none());
        assert_eq!(changed.len(), 2);
    }

    #[test]
    fn finds_the_value_of_an_edit() {
        let t = "<a x=\"abc\">text</a>";
        let s = cut(t);
        assert_eq!(s[value_at(&s, &(6..9)).unwrap()].kind, Kind::Attr);
        assert_eq!(s[value_at(&s, &(11..15)).unwrap()].kind, Kind::Text);
        assert!(value_at(&s, &(3..8)).is_none());
    }
}
