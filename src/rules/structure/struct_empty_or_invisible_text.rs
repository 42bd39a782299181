use crate::ern::{Display, Localized, TitleKind};
use crate::finding::{Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};
use crate::text::{invisible_char_name, is_default_ignorable};

pub static RULE: Rule = Rule {
    id: "struct-empty-or-invisible-text",
    category: Category::Structure,
    severity: Severity::Error,
    fix: FixClass::No,
    summary: "a title, artist name, label name or P/C line text that is empty or only invisible characters",
    doc: r#"## What it does
Reports a displayed text that is empty once whitespace and invisible characters are
removed:
- titles: ERN 4 `DisplayTitleText`, `DisplayTitle/TitleText`, `AdditionalTitle/TitleText`
  (`FormalTitle`, `GroupingTitle`); ERN 3 `Title/TitleText`, `ReferenceTitle/TitleText`;
- artist names: `DisplayArtistName`, and every `PartyName/FullName` (ERN 4 parties, ERN 3
  inline `DisplayArtist` names);
- label names: ERN 3 `LabelName`, ERN 4 the label party's `PartyName/FullName`;
- `PLineText` and `CLineText`.

Invisible means: any Unicode white space (including no-break, ideographic and other
fixed-width spaces), control characters, the default-ignorable code points (zero-width
space, ZWJ/ZWNJ, word joiner, BOM, soft hyphen, bidi marks and embeddings, variation
selectors, Hangul fillers, …) and the blank Braille pattern U+2800.

An empty optional `SubTitle` is not reported: DSPs drop it. Stub releases of deal-only
ERN 3 messages (a `ResourceOmissionReason`, as in takedowns and price changes, whose DDEX
samples carry an empty `<ReferenceTitle><TitleText/>`) are left alone: they describe no
content and are not displayed.

## Why
The schema types these fields as `xs:string`, so an empty or zero-width-space value is
XSD-valid. The DDEX Release Profile Schematron tests `LabelName` and titles with
`normalize-space` (rules 1395-1, 1708-1/1709-1) and rejects blank ones; DSPs reject the
release, or show a blank title or artist that no one can search for. Values made of invisible
characters are a common trick to pass a "required field" check.

## Example
```xml
<DisplayTitle><TitleText>&#x200B;</TitleText></DisplayTitle>
<DisplayArtistName>&#xA0;</DisplayArtistName>
```

## Use instead
```xml
<DisplayTitle><TitleText>Vinterlys</TitleText></DisplayTitle>
<DisplayArtistName>Ane Fjell</DisplayArtistName>
```

## Fix
None: only the sender knows the value. If the element is optional and has no value, remove it."#,
    check: Check::Item(check),
};

/// Whether `c` shows nothing: white space, controls, default-ignorable code points and
/// blank look-alikes.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || is_default_ignorable(c)
        || matches!(c, '\u{2800}' | '\u{2061}'..='\u{2064}' | '\u{2066}'..='\u{2069}')
}

fn char_name(c: char) -> Option<&'static str> {
    match c {
        '\u{2800}' => Some("BRAILLE PATTERN BLANK"),
        '\u{3164}' => Some("HANGUL FILLER"),
        _ => invisible_char_name(c),
    }
}

/// `None` if `s` shows something; otherwise what it is made of.
pub fn blank_description(s: &str) -> Option<String> {
    // A visible ASCII first character (nearly every value) settles it without decoding.
    if s.as_bytes().first().is_some_and(|b| (0x21..0x7f).contains(b)) || !s.chars().all(is_invisible) {
        return None;
    }
    if s.is_empty() {
        return Some("is empty".into());
    }
    let mut seen: Vec<char> = Vec::new();
    for c in s.chars() {
        let plain = matches!(c, ' ' | '\t' | '\n' | '\r');
        if !plain && !seen.contains(&c) {
            seen.push(c);
        }
    }
    if seen.is_empty() {
        return Some("holds only whitespace".into());
    }
    let names: Vec<String> = seen
        .iter()
        .take(3)
        .map(|&c| match char_name(c) {
            Some(n) => format!("U+{:04X} {n}", c as u32),
            None => format!("U+{:04X}", c as u32),
        })
        .collect();
    let more = if seen.len() > 3 { ", …" } else { "" };
    Some(format!("holds only invisible characters ({}{more})", names.join(", ")))
}

fn report(out: &mut Vec<Finding>, what: &str, t: &Localized) {
    if let Some(desc) = blank_description(t.value()) {
        out.push(
            RULE.finding(t.text.elem, t.text.span, format!("<{what}> {desc}"))
                .with_help("give the value, or remove the element if it is optional"),
        );
    }
}

fn check_display(d: &Display, out: &mut Vec<Finding>) {
    for t in &d.titles {
        let Some(text) = &t.text else { continue };
        let what = match t.kind {
            TitleKind::DisplayTitleText => "DisplayTitleText",
            _ => "TitleText",
        };
        report(out, what, text);
    }
    for n in &d.artist_names {
        report(out, "DisplayArtistName", n);
    }
    for a in &d.artists {
        for n in &a.names {
            if let Some(f) = &n.full_name {
                report(out, "FullName", f);
            }
        }
    }
    for (lines, what) in [(&d.plines, "PLineText"), (&d.clines, "CLineText")] {
        for l in lines {
            if let Some(t) = &l.text {
                report(out, what, t);
            }
        }
    }
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let feed = cx.feed;
    for p in feed.reported_parties() {
        for n in &p.names {
            if let Some(f) = &n.full_name {
                report(out, "FullName", f);
            }
        }
    }
    for r in &feed.resources {
        check_display(&r.display, out);
    }
    for r in &feed.releases {
        if r.resources_omitted {
            continue;
        }
        check_display(&r.display, out);
        for l in &r.labels {
            if let Some(n) = &l.name {
                report(out, "LabelName", n);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::blank_description;

    #[test]
    fn blank() {
        assert_eq!(blank_description("").as_deref(), Some("is empty"));
        assert_eq!(blank_description("  \n ").as_deref(), Some("holds only whitespace"));
        assert!(blank_description("\u{200B}\u{00A0}")
            .unwrap()
            .contains("U+200B ZERO WIDTH SPACE, U+00A0 NO-BREAK SPACE"));
        assert!(blank_description("a\u{200B}").is_none());
        assert!(blank_description("…").is_none());
        assert!(blank_description("?").is_none());
    }
}
