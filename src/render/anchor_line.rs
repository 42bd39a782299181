//! Where a finding's source line sits in its file, recovered from a [`Located`] alone.
//!
//! Renderers get a [`Report`](crate::report::Report), not the source, yet SARIF fixes need the
//! line/column of each edit and fingerprints need the offending text. Both are on the anchor's
//! line: the anchor's byte offset minus the bytes of the `column - 1` characters before it gives
//! the line's start offset, and from there any byte span on that line maps to columns and text.
//! Working in lines and columns (not raw byte offsets) keeps SARIF regions right for files
//! with a BOM or in UTF-16, whose decoded offsets are not file offsets.

use crate::finding::Span;
use crate::report::Located;

/// The source line holding a finding's anchor, with its byte offset in the decoded text.
#[derive(Clone, Copy, Debug)]
pub(super) struct AnchorLine<'a> {
    text: &'a str,
    start: u32,
    line: u32,
    /// The column of `text`'s first character (a long line is cut to a window).
    column: u32,
}

impl<'a> AnchorLine<'a> {
    /// `None` when the finding has no source line or its column does not fit the line (a
    /// parser position with no element, a hand-built report).
    pub(super) fn of(l: &'a Located) -> Option<Self> {
        let text = l.source_line.as_deref()?;
        let first = l.source_line_column.max(1);
        if l.line == 0 || l.column < first {
            return None;
        }
        let before = (l.column - first) as usize;
        let prefix = match text.char_indices().nth(before) {
            Some((i, _)) => i,
            None if text.chars().count() == before => text.len(),
            None => return None,
        };
        let start = l.finding.anchor.checked_sub(prefix as u32)?;
        Some(AnchorLine {
            text,
            start,
            line: l.line,
            column: first,
        })
    }

    /// 1-based (line, column) of byte `offset` when it lies on this line (its end included).
    pub(super) fn position(&self, offset: u32) -> Option<(u32, u32)> {
        let at = self.local(offset)?;
        Some((self.line, self.text[..at].chars().count() as u32 + self.column))
    }

    /// The part of `span` that lies on this line, if any of it does.
    pub(super) fn clip(&self, span: Span) -> Option<&'a str> {
        let end_of_line = self.start + self.text.len() as u32;
        let from = self.local(span.start.max(self.start))?;
        let to = self.local(span.end.min(end_of_line))?;
        (from < to).then(|| &self.text[from..to])
    }

    fn local(&self, offset: u32) -> Option<usize> {
        let at = offset.checked_sub(self.start)? as usize;
        (at <= self.text.len() && self.text.is_char_boundary(at)).then_some(at)
    }
}

#[cfg(test)]
mod tests {
    use super::AnchorLine;
    use crate::finding::{Finding, Severity, Span};
    use crate::render::tests::located;

    #[test]
    fn maps_spans_on_the_anchor_line() {
        // Line starts at byte 100; "é" is two bytes, so the anchor `<T>` is at byte 103, column 3.
        let text = "\té<T>Αθήνα</T>";
        let value = text.find("Αθήνα").unwrap() as u32;
        let span = Span::new(100 + value, 100 + value + "Αθήνα".len() as u32);
        let f = Finding::new("r", Severity::Info, 103, span, "m");
        let l = located(f, "unicode", "a.xml", (7, 3), (7, 11), None, Some(text));
        let line = AnchorLine::of(&l).unwrap();
        assert_eq!(line.clip(span), Some("Αθήνα"));
        assert_eq!(line.position(span.start), Some((7, 6)));
        assert_eq!(line.position(span.end), Some((7, 11)));
        assert_eq!(line.position(99), None);
        assert_eq!(line.clip(Span::new(span.start, span.end + 500)), Some("Αθήνα</T>"));
    }

    #[test]
    fn no_line_without_a_fitting_column() {
        let f = Finding::new("r", Severity::Info, 0, Span::empty(0), "m");
        assert!(AnchorLine::of(&located(f.clone(), "xml", "a", (1, 9), (1, 9), None, Some("ab"))).is_none());
        assert!(AnchorLine::of(&located(f, "xml", "a", (1, 1), (1, 1), None, None)).is_none());
    }
}
