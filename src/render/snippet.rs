//! One source line as a terminal should show it: tabs expanded, invisible characters
//! escaped, long lines cut to a window around the finding, and the columns its carets cover.
//!
//! Kept apart from the layout in `human.rs` because this is where the subtle part lives:
//! `Located` counts columns in characters, a terminal in cells (a CJK character takes two, a
//! zero-width space none), and a minified feed is a single line of megabytes.

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

use crate::report::Located;

/// Tabs are shown as this many spaces (as rustc does), so carets line up under them.
const TAB_WIDTH: usize = 4;
/// At most this share of the window is spent on text before the underline of a long line.
const LEFT_CONTEXT_DIVISOR: usize = 4;

/// What an underline covers, in display columns of the shown text.
pub(super) struct Carets {
    pub(super) start: usize,
    pub(super) end: usize,
}

impl Carets {
    /// Never zero: an empty span (a missing value) still gets one caret at its place.
    pub(super) fn len(&self) -> usize {
        (self.end - self.start).max(1)
    }
}

/// The source line as shown (tabs expanded, invisible characters escaped, windowed to
/// `budget` columns around the span) and where its carets go.
pub(super) fn excerpt(source_line: &str, l: &Located, budget: usize) -> (String, Carets) {
    // A caller may hand over a line with its CR still attached; it would move the cursor.
    let line = source_line.strip_suffix('\r').unwrap_or(source_line);
    let n = line.chars().count();
    let (start, end) = underline_range(line, n, l);

    // Only characters within `budget` of the span's start can be shown. Looking at no others
    // keeps a megabyte-long minified line cheap: one scan, no allocation per character.
    let first = start.saturating_sub(budget);
    let cells: Vec<Cow<'static, str>> = line
        .chars()
        .skip(first)
        .take(2 * budget + 1)
        .map(shown_in_line)
        .collect();
    let widths: Vec<usize> = cells.iter().map(|c| display_width(c)).collect();
    let reaches_end = first + cells.len() == n;
    let (lo, hi) = if first == 0 && reaches_end && widths.iter().sum::<usize>() <= budget {
        (0, cells.len())
    } else {
        // Two columns go to the ellipses that mark the cuts.
        window(&widths, start - first, budget.saturating_sub(2), reaches_end)
    };

    let mut shown = String::new();
    let mut column = 0;
    let (mut caret_start, mut caret_end) = (None, None);
    if first + lo > 0 {
        shown.push('…');
        column += 1;
    }
    for i in lo..hi {
        if first + i == start {
            caret_start = Some(column);
        }
        if first + i == end {
            caret_end = Some(column);
        }
        shown.push_str(&cells[i]);
        column += widths[i];
    }
    let caret_start = caret_start.unwrap_or(column);
    let caret_end = caret_end.unwrap_or(column).max(caret_start);
    if first + hi < n {
        shown.push('…');
    }
    let carets = Carets {
        start: caret_start,
        end: caret_end,
    };
    (shown, carets)
}

/// Terminal cells `text` takes (two for most CJK characters, none for combining marks).
fn display_width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Characters [lo, hi) that fit in `budget` columns, starting a little before `start` so the
/// underline has some context on its left; when the text ends (`reaches_end`) before the
/// budget is spent, the room left over goes to more context on the left.
pub(super) fn window(widths: &[usize], start: usize, budget: usize, reaches_end: bool) -> (usize, usize) {
    let start = start.min(widths.len());
    let (mut lo, mut used) = (start, 0);
    while lo > 0 && used + widths[lo - 1] <= budget / LEFT_CONTEXT_DIVISOR {
        lo -= 1;
        used += widths[lo];
    }
    let mut hi = lo;
    used = 0;
    while hi < widths.len() && used + widths[hi] <= budget {
        used += widths[hi];
        hi += 1;
    }
    while reaches_end && hi == widths.len() && lo > 0 && used + widths[lo - 1] <= budget {
        lo -= 1;
        used += widths[lo];
    }
    (lo, hi)
}

/// Character indices [start, end) of `line` to underline: the finding's span where it can be
/// placed on this line, else from the anchor column to `column_end` (or to the end of the
/// line when the span runs onto later lines).
fn underline_range(line: &str, n: usize, l: &Located) -> (usize, usize) {
    let anchor = (index_on_line(l.column, l)).min(n);
    let start = span_start(line, n, l).filter(|&s| s >= anchor).unwrap_or(anchor);
    let end = match l.end_line.cmp(&l.line) {
        std::cmp::Ordering::Equal => index_on_line(l.column_end, l),
        std::cmp::Ordering::Greater => n,
        std::cmp::Ordering::Less => start,
    };
    (start, end.clamp(start, n.max(start)))
}

/// The character index on the shown source line of a 1-based column of the file's line (the
/// shown line may start further on: [`Located::source_line_column`]).
fn index_on_line(column: u32, l: &Located) -> usize {
    column.max(1).saturating_sub(l.source_line_column.max(1)) as usize
}

/// Character index on `line` where the finding's span starts.
///
/// `Located` gives the anchor's column (the element's start tag) and the span's end column,
/// but the underline belongs under the span, which usually starts later (at the value). Its
/// start is recovered from the end and the span's byte length, as both index the same
/// decoded text; `None` when the span does not lie on this line.
fn span_start(line: &str, n: usize, l: &Located) -> Option<usize> {
    let end_index = l.column_end.checked_sub(l.source_line_column.max(1))? as usize;
    if l.end_line != l.line || end_index > n {
        return None;
    }
    let end_byte = match line.char_indices().nth(end_index) {
        Some((b, _)) => b,
        None => line.len(),
    };
    let start_byte = end_byte.checked_sub(l.finding.span.len() as usize)?;
    line.is_char_boundary(start_byte)
        .then(|| line[..start_byte].chars().count())
}

/// Characters a terminal would hide or act on: controls, zero-width and bidi format
/// characters, line separators, fillers and tag characters. Shown raw, a finding about one
/// would underline nothing visible (and a bidi override would scramble the line).
/// Emoji variation selectors are left alone: they only pick the glyph of the emoji before.
fn is_hidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{B}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{AD}' | '\u{34F}' | '\u{61C}' | '\u{115F}' | '\u{1160}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
        | '\u{3164}' | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFB}'
        | '\u{E0000}'..='\u{E007F}'
    )
}

fn escape(c: char) -> String {
    format!("\\u{{{:X}}}", c as u32)
}

/// One character of a source line as shown.
fn shown_in_line(c: char) -> Cow<'static, str> {
    match c {
        '\t' => Cow::Borrowed(&"        "[..TAB_WIDTH]),
        '\n' | '\r' => Cow::Owned(escape(c)),
        c if is_hidden(c) => Cow::Owned(escape(c)),
        c => Cow::Owned(c.to_string()),
    }
}

/// A message, help or value with hidden characters made visible (line breaks are kept: a
/// help text may have several lines).
pub(super) fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c == '\t' || c == '\r' || is_hidden(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_hidden(c) => out.push_str(&escape(c)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::{excerpt, visible, window};
    use crate::finding::{Finding, Severity, Span};
    use crate::render::tests::located;

    /// Shown line and caret line for a finding on `line` anchored at `anchor_col` whose span
    /// is `value` (found after the anchor), as `lint::locate` would place it.
    fn draw(line: &str, anchor_col: u32, value: &str, budget: usize) -> (String, String) {
        let a = line
            .char_indices()
            .nth(anchor_col as usize - 1)
            .map_or(line.len(), |(b, _)| b);
        let v = a + line[a..].find(value).unwrap();
        let span = Span::new(1000 + v as u32, 1000 + (v + value.len()) as u32);
        let column_end = line[..v + value.len()].chars().count() as u32 + 1;
        let f = Finding::new("r", Severity::Info, 1000 + a as u32, span, "m");
        let l = located(f, "unicode", "p", (7, anchor_col), (7, column_end), None, Some(line));
        let (shown, carets) = excerpt(line, &l, budget);
        (
            shown,
            format!("{}{}", " ".repeat(carets.start), "^".repeat(carets.len())),
        )
    }

    #[test]
    fn carets_sit_under_the_span_not_the_anchor() {
        let (shown, carets) = draw("<T>Ο Δρόμος της Αθήνασ</T>", 1, "Αθήνασ", 80);
        assert_eq!(shown, "<T>Ο Δρόμος της Αθήνασ</T>");
        assert_eq!(carets, "                ^^^^^^");
    }

    #[test]
    fn wide_characters_take_two_cells() {
        let (shown, carets) = draw("<T>東京ﾅｲﾄの夜</T>", 1, "の夜", 80);
        assert_eq!(shown, "<T>東京ﾅｲﾄの夜</T>");
        assert_eq!(carets, format!("{}^^^^", " ".repeat(3 + 4 + 3)));
    }

    #[test]
    fn invisible_characters_are_escaped_and_underlined() {
        let (shown, carets) = draw("\t<T>a\u{200B}b\u{202E}c</T>", 2, "\u{200B}", 80);
        assert_eq!(shown, "    <T>a\\u{200B}b\\u{202E}c</T>");
        assert_eq!(carets, "        ^^^^^^^^");
    }

    #[test]
    fn an_empty_span_gets_one_caret() {
        let (_, carets) = draw("<T></T>", 1, "", 80);
        assert_eq!(carets, "^");
    }

    #[test]
    fn a_span_on_later_lines_underlines_to_the_end_of_this_one() {
        let f = Finding::new("r", Severity::Info, 0, Span::new(0, 200), "m");
        let l = located(f, "label", "p", (3, 3), (9, 9), None, Some("\t\t<Party>"));
        let (shown, carets) = excerpt("\t\t<Party>", &l, 80);
        assert_eq!((shown.as_str(), carets.start, carets.len()), ("        <Party>", 8, 7));
    }

    #[test]
    fn a_long_line_keeps_left_context_and_uses_spare_room_at_its_end() {
        let widths = vec![1; 1000];
        assert_eq!(window(&widths, 500, 100, true), (475, 575));
        assert_eq!(window(&widths, 990, 100, true), (900, 1000));
        assert_eq!(window(&widths, 990, 100, false), (965, 1000));
        assert_eq!(window(&widths, 3, 100, true), (0, 100));
    }

    #[test]
    fn a_span_wider_than_the_window_is_cut() {
        let line = format!("<T>{}</T>", "x".repeat(300));
        let (shown, carets) = draw(&line, 1, &"x".repeat(300), 50);
        assert!(shown.chars().count() <= 50);
        assert!(shown.ends_with('…') && !shown.starts_with('…'));
        assert_eq!(carets, format!("   {}", "^".repeat(45)));
    }

    #[test]
    fn messages_keep_line_breaks_but_not_controls() {
        assert_eq!(visible("a\nb"), "a\nb");
        assert_eq!(visible("x\u{202E}y\tz\r"), "x\\u{202E}y\\tz\\r");
    }
}
