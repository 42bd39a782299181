//! Reading a P or C line text: its notice marks (`℗`, `(P)`, `©`, `(C)`, "Copyright"), the
//! years of the notice and the owner. Shared by the `pline-*` rules.
//!
//! A text is read as *leading notice* + *owner* + *trailing notice*: the leading notice is a
//! run of marks, years, year ranges and separators (`℗ (P) 2019-2024`, `℗ & © 2024`), the
//! trailing one the same at the end (`Kallisto Records, 2024`). Years inside the owner
//! (`Studio 2000 Records`) are not notice years.

use std::ops::Range;

use crate::ern::{RightsKind, RightsLine};
use crate::rules::shared::prefetch_items_ahead;
use crate::rules::Context;

/// Which right a mark notices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// Sound recording: `℗`, `Ⓟ`, `(P)`.
    P,
    /// Copyright: `©`, `Ⓒ`, `(C)`, the word "Copyright".
    C,
}

impl MarkKind {
    pub fn of(kind: RightsKind) -> MarkKind {
        match kind {
            RightsKind::P => MarkKind::P,
            RightsKind::C => MarkKind::C,
        }
    }
    pub fn other(self) -> MarkKind {
        match self {
            MarkKind::P => MarkKind::C,
            MarkKind::C => MarkKind::P,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Mark {
    pub kind: MarkKind,
    /// Byte range in the text.
    pub range: Range<usize>,
    /// The word "Copyright" rather than a symbol.
    pub word: bool,
    /// Written in the ASCII form `(P)` / `(C)`.
    pub ascii: bool,
}

impl Mark {
    /// The same style of symbol for `kind`: `℗`/`©`, or `(P)`/`(C)` for the ASCII form.
    pub fn symbol_for(&self, kind: MarkKind) -> &'static str {
        match (kind, self.ascii) {
            (MarkKind::P, true) => "(P)",
            (MarkKind::C, true) => "(C)",
            (MarkKind::P, false) => "℗",
            (MarkKind::C, false) => "©",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Year {
    pub value: u32,
    pub range: Range<usize>,
}

/// A P or C line text, read.
#[derive(Clone, Debug)]
pub struct Notice<'t> {
    /// Every mark in the text, in order.
    pub marks: Vec<Mark>,
    /// Marks of the leading notice.
    pub lead_marks: Vec<Mark>,
    /// Years of the leading and trailing notice.
    pub years: Vec<Year>,
    /// Every standalone four-digit number of the text (owner included).
    pub all_years: Vec<u32>,
    /// The owner: what lies between the leading and the trailing notice, trimmed.
    pub owner: &'t str,
    /// End of the leading notice (where the owner or the rest starts).
    pub lead_end: usize,
}

impl<'t> Notice<'t> {
    pub fn has(&self, kind: MarkKind) -> bool {
        self.marks.iter().any(|m| m.kind == kind)
    }
    /// Symbol marks (not the word "Copyright") of `kind` in the leading notice.
    pub fn lead_symbols(&self, kind: MarkKind) -> impl Iterator<Item = &Mark> {
        self.lead_marks.iter().filter(move |m| m.kind == kind && !m.word)
    }
    /// Whether the owner has at least two letters.
    pub fn has_owner(&self) -> bool {
        self.owner.chars().filter(|c| c.is_alphabetic()).count() >= 2
    }
}

fn is_sep(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '-' | '‐' | '‑' | '–' | '—' | '/' | '&' | '+' | '·' | '|'
    )
}

/// The byte lengths a [`Mark`] can have, shortest first.
const MARK_LENGTHS: [usize; 3] = [2, 3, 9];

/// The mark starting at `i`, if any.
fn mark_at(s: &str, i: usize) -> Option<Mark> {
    let rest = &s[i..];
    let c = rest.chars().next()?;
    let sym = |kind, len| {
        Some(Mark {
            kind,
            range: i..i + len,
            word: false,
            ascii: false,
        })
    };
    match c {
        '℗' | 'Ⓟ' | 'ⓟ' => return sym(MarkKind::P, c.len_utf8()),
        '©' | 'Ⓒ' | 'ⓒ' => return sym(MarkKind::C, c.len_utf8()),
        _ => {}
    }
    let b = rest.as_bytes();
    if b.len() >= 3 && b[0] == b'(' && b[2] == b')' {
        let kind = match b[1] {
            b'P' | b'p' => MarkKind::P,
            b'C' | b'c' => MarkKind::C,
            _ => return None,
        };
        return Some(Mark {
            kind,
            range: i..i + 3,
            word: false,
            ascii: true,
        });
    }
    const WORD: &str = "copyright";
    if rest.len() >= WORD.len()
        && rest.is_char_boundary(WORD.len())
        && rest[..WORD.len()].eq_ignore_ascii_case(WORD)
        && !rest[WORD.len()..].chars().next().is_some_and(char::is_alphanumeric)
        && !s[..i].chars().next_back().is_some_and(char::is_alphanumeric)
    {
        return Some(Mark {
            kind: MarkKind::C,
            range: i..i + WORD.len(),
            word: true,
            ascii: true,
        });
    }
    None
}

/// A standalone four-digit number starting at `i`.
fn year_at(s: &str, i: usize) -> Option<Year> {
    let b = s.as_bytes();
    if i + 4 > b.len() || !b[i..i + 4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    if s[..i].chars().next_back().is_some_and(char::is_alphanumeric)
        || s[i + 4..].chars().next().is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    Some(Year {
        value: s[i..i + 4].parse().ok()?,
        range: i..i + 4,
    })
}

/// "and " followed by a mark at `i` (`℗ and © 2024`): its length up to the mark.
fn and_before_mark(s: &str, i: usize) -> Option<usize> {
    let rest = &s[i..];
    if !rest.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("and")) {
        return None;
    }
    let after = &rest[3..];
    let ws = after.len() - after.trim_start().len();
    (ws > 0 && mark_at(s, i + 3 + ws).is_some()).then_some(3 + ws)
}

/// Reads a P or C line text.
pub fn read(text: &str) -> Notice<'_> {
    let mut marks = Vec::new();
    let mut all_years = Vec::new();
    for (i, b) in text.bytes().enumerate() {
        // Only a mark's first byte ('(', 'c'/'C' of "Copyright", a non-ASCII symbol's lead
        // byte) or a digit can start something: skip the rest without trying.
        if matches!(b, b'(' | b'c' | b'C' | 0xC0..) {
            if let Some(m) = mark_at(text, i) {
                marks.push(m);
            }
        } else if b.is_ascii_digit() {
            if let Some(y) = year_at(text, i) {
                all_years.push(y.value);
            }
        }
    }
    // Leading notice.
    let mut lead_marks = Vec::new();
    let mut years = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap();
        if c.is_whitespace() || is_sep(c) || c == '.' {
            i += c.len_utf8();
        } else if let Some(m) = mark_at(text, i) {
            i = m.range.end;
            lead_marks.push(m);
        } else if let Some(y) = year_at(text, i) {
            i = y.range.end;
            years.push(y);
        } else if let Some(n) = and_before_mark(text, i) {
            i += n;
        } else {
            break;
        }
    }
    let lead_end = i;
    // Trailing notice (only symbols, years and separators; never a "." that may end "Inc.").
    let mut j = text.len();
    let mut trailing_years = Vec::new();
    loop {
        if j <= lead_end {
            break;
        }
        let c = text[..j].chars().next_back().unwrap();
        if c.is_whitespace() || is_sep(c) {
            j -= c.len_utf8();
            continue;
        }
        if j >= 4 + lead_end {
            if let Some(y) = text.is_char_boundary(j - 4).then(|| year_at(text, j - 4)).flatten() {
                j -= 4;
                trailing_years.push(y);
                continue;
            }
        }
        // A mark ending at j: marks are 2 (`©`), 3 (`℗`, `(P)`) or 9 ("Copyright") bytes long.
        let found = MARK_LENGTHS
            .into_iter()
            .filter(|&n| n <= j - lead_end && text.is_char_boundary(j - n))
            .find_map(|n| mark_at(text, j - n).filter(|m| m.range.end == j));
        if let Some(m) = found {
            j = m.range.start;
            continue;
        }
        break;
    }
    trailing_years.reverse();
    years.extend(trailing_years);
    let owner_end = if j < lead_end { lead_end } else { j };
    let owner = text[lead_end..owner_end].trim_matches(|c: char| c.is_whitespace() || is_sep(c));
    Notice {
        marks,
        lead_marks,
        years,
        all_years,
        owner,
        lead_end,
    }
}

/// The owner a line names, given the values of its `…Company` and `…Text` elements: the
/// company if present and not blank, else the owner read from the text. Returns the value and
/// whether it came from the company element.
pub fn owner_of<'s>(company: Option<&'s str>, text: Option<&'s str>) -> Option<(&'s str, bool)> {
    if let Some(v) = company.map(str::trim).filter(|v| !v.is_empty()) {
        return Some((v, true));
    }
    let n = read(text?);
    let o = n.owner.trim();
    (!o.is_empty() && n.has_owner()).then_some((o, false))
}

/// A value as shown in a message: whitespace collapsed, cut after 80 characters.
pub fn shown(s: &str) -> String {
    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() <= 80 {
        return collapsed;
    }
    let mut cut: String = collapsed.chars().take(79).collect();
    cut.push('…');
    cut
}

/// `PLineText` / `CLineText`, `PLine` / `CLine`, …
pub fn element_names(kind: RightsKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        RightsKind::P => ("PLine", "PLineText", "PLineCompany"),
        RightsKind::C => ("CLine", "CLineText", "CLineCompany"),
    }
}

/// The P and C lines of every resource, then of every release except deal-only stubs (each
/// display's `PLine`s before its `CLine`s), computed once per file for the rules that read
/// every line's text.
fn rights_lines<'c, 'f, 'a>(cx: &'c Context<'f, 'a>) -> &'c [&'f RightsLine<'a>] {
    cx.shared.rights_lines.get_or_init(|| {
        let feed = cx.feed;
        let resources = feed.resources.iter().map(|r| &r.display);
        let releases = feed
            .releases
            .iter()
            .filter(|r| !r.resources_omitted)
            .map(|r| &r.display);
        resources
            .chain(releases)
            .flat_map(|d| d.plines.iter().chain(&d.clines))
            .collect()
    })
}

/// [`rights_lines`] in order, each line's text asked for ahead of its turn (a batch file's
/// lines lie far apart: reading each in turn otherwise waits on memory for every one).
pub(crate) fn each_rights_line<'f, 'a>(cx: &Context<'f, 'a>, mut f: impl FnMut(&'f RightsLine<'a>)) {
    let lines = rights_lines(cx);
    for (i, &line) in lines.iter().enumerate() {
        prefetch_items_ahead(lines, i, |l| l.text.as_ref().map(|t| t.value()));
        f(line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(n: &Notice) -> Vec<u32> {
        n.years.iter().map(|y| y.value).collect()
    }

    #[test]
    fn reads_common_forms() {
        let n = read("(P) 1994 EMI Music Japan Inc.");
        assert_eq!(years(&n), [1994]);
        assert_eq!(n.owner, "EMI Music Japan Inc.");
        assert_eq!(n.lead_marks.len(), 1);
        assert!(n.lead_marks[0].ascii);

        let n = read("℗ (P) 2024 Hafenkante Tonträger");
        assert_eq!(n.lead_symbols(MarkKind::P).count(), 2);
        assert_eq!(n.owner, "Hafenkante Tonträger");

        let n = read("℗ 2019-2024 Studio 2000 Records");
        assert_eq!(years(&n), [2019, 2024]);
        assert_eq!(n.owner, "Studio 2000 Records");

        let n = read("Kallisto Records, 2024");
        assert_eq!(years(&n), [2024]);
        assert_eq!(n.owner, "Kallisto Records");

        let n = read("℗ & © 2024 Kallisto Records");
        assert!(n.has(MarkKind::P) && n.has(MarkKind::C));
        assert_eq!(n.owner, "Kallisto Records");

        let n = read("℗ 2024");
        assert!(!n.has_owner());

        let n = read("Copyright 2020 Andromeda Songs");
        assert!(n.lead_marks[0].word);
        assert_eq!(n.owner, "Andromeda Songs");

        let n = read("℗ 2024 And Also The Trees");
        assert_eq!(n.owner, "And Also The Trees");

        let n = read("℗ Studio 2000 Records");
        assert!(n.years.is_empty());
        assert_eq!(n.all_years, [2000]);

        let n = read("Nordlys Plater ℗ 2026");
        assert_eq!(years(&n), [2026]);
        assert_eq!(n.owner, "Nordlys Plater");
    }

    #[test]
    fn every_mark_form_has_a_known_length() {
        for form in [
            "℗",
            "Ⓟ",
            "ⓟ",
            "©",
            "Ⓒ",
            "ⓒ",
            "(P)",
            "(p)",
            "(C)",
            "(c)",
            "Copyright",
            "COPYRIGHT",
        ] {
            let m = mark_at(form, 0).unwrap_or_else(|| panic!("{form}"));
            assert!(MARK_LENGTHS.contains(&m.range.len()), "{form}");
            let text = format!("Nordlys Plater {form}");
            let n = read(&text);
            assert_eq!((n.owner, n.marks.len()), ("Nordlys Plater", 1), "{form}");
        }
    }
}
