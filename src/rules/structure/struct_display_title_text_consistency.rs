use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::ern::{Display, Localized, Title, TitleKind};
use crate::finding::{Applicability, Finding, Fix, Severity};
use crate::rules::structure::struct_empty_or_invisible_text::is_invisible;
use crate::rules::{Category, Check, Context, FixClass, Rule};
use crate::source::Source;

pub static RULE: Rule = Rule {
    id: "struct-display-title-text-consistency",
    category: Category::Structure,
    severity: Severity::Warning,
    fix: FixClass::Suggest,
    summary: "ERN 4: a DisplayTitleText that differs from the DisplayTitle of the same language and territory",
    doc: r#"## What it does
ERN 4 gives every title twice: `DisplayTitleText`, the whole title in one string, and
`DisplayTitle`, the same title split into `TitleText` and `SubTitle`s. This rule compares
each `DisplayTitleText` of a release or resource with the `DisplayTitle`s of the same
language (`LanguageAndScriptCode`, inherited from the message when absent) and territory
(`ApplicableTerritoryCode`, `Worldwide` when absent), and reports it when it matches none.

A match allows the usual ways of joining a subtitle to the title: `Title (Sub)`,
`Title [Sub]`, `Title - Sub` (also with an en or em dash), `Title: Sub`, `Title Sub`, and
full-width brackets `Title（Sub）`. Whitespace is compared collapsed, text in Unicode NFC,
and invisible characters are ignored (other rules report them). A `SubTitle` with
`IsDisplayedInTitle="false"`, or whose text the `TitleText` already contains, may be left
out. Letter case counts: `Live` and `live` show differently.

When no `DisplayTitle` has the same language and territory (as in DDEX's own samples, which
give one `DisplayTitleText` for a romanized and a Japanese `DisplayTitle`), the rule says
nothing: it cannot know which title the text stands for.

## Why
The DDEX schema says of `DisplayTitleText`: "its content typically provides the same
information as the concatenation of the DisplayTitle's sub-elements", and the Release
Profiles require it to hold "the title plus any available sub-title information". DSPs
build their title from different fields: Apple from title and version, adding brackets
itself; others show `DisplayTitleText` as is. When the two disagree, the same release is
called one thing in one store and another thing in the next, and version information
(live, remix, remaster) silently disappears from one of them.

## Example
```xml
<DisplayTitleText>Weißes Rauschen</DisplayTitleText>
<DisplayTitle>
  <TitleText>Weißes Rauschen</TitleText>
  <SubTitle SubTitleType="Version">Live in Hamburg</SubTitle>
</DisplayTitle>
```

## Use instead
```xml
<DisplayTitleText>Weißes Rauschen (Live in Hamburg)</DisplayTitleText>
<DisplayTitle>
  <TitleText>Weißes Rauschen</TitleText>
  <SubTitle SubTitleType="Version">Live in Hamburg</SubTitle>
</DisplayTitle>
```

## Fix
Suggests the text built from the `DisplayTitle`: `TitleText`, the first subtitle in
parentheses, further ones in square brackets (Apple's convention). Never applied: the split
title may be the wrong one."#,
    check: Check::Item(check),
};

/// NFC, invisible characters dropped, whitespace collapsed and trimmed.
fn norm(s: &str) -> String {
    // Most titles are already NFC: the quick check is much cheaper than composing them.
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        norm_chars(s.len(), s.chars())
    } else {
        norm_chars(s.len(), s.nfc())
    }
}

fn norm_chars(len: usize, chars: impl Iterator<Item = char>) -> String {
    let mut out = String::with_capacity(len);
    let mut space = false;
    for c in chars {
        if c.is_whitespace() {
            space = true;
        } else if is_invisible(c) {
            continue;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

fn lang_key<'s>(t: &'s Title) -> &'s str {
    t.lang.tag().trim()
}

/// Whether two [`lang_key`]s name one language: ASCII case and `_`/`-` ignored (compared
/// in place: lowercase copies per title pair were much of the rule's time).
fn same_lang(a: &str, b: &str) -> bool {
    let fold = |c: u8| if c == b'_' { b'-' } else { c.to_ascii_lowercase() };
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| fold(x) == fold(y))
}

/// The territory, `worldwide` when none is given; compared ignoring ASCII case.
fn territory_key<'s>(t: &'s Title) -> &'s str {
    match &t.territory {
        Some(a) if !a.value.trim().is_empty() => a.value.trim(),
        _ => "worldwide",
    }
}

/// Value of attribute `name` on the start tag at `elem`, read from the source.
fn start_tag_attr<'s>(source: &'s Source, elem: u32, name: &str) -> Option<&'s str> {
    let text = source.text.get(elem as usize..)?;
    let mut quote = None;
    let end = text.char_indices().find_map(|(i, c)| {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
        None
    })?;
    let tag = &text[..end];
    let mut rest = tag;
    while let Some(pos) = rest.find(name) {
        let before = rest[..pos].chars().next_back();
        let after = rest[pos + name.len()..].trim_start();
        if before.is_some_and(|c| c.is_whitespace() || c == ':') {
            if let Some(v) = after.strip_prefix('=') {
                let v = v.trim_start();
                let q = v.chars().next()?;
                if q == '"' || q == '\'' {
                    let v = &v[1..];
                    return v.find(q).map(|e| &v[..e]);
                }
            }
        }
        rest = &rest[pos + name.len()..];
    }
    None
}

struct Sub {
    text: String,
    /// May be left out of the display text.
    optional: bool,
}

const OPEN_CLOSE: &[(&str, &str)] = &[
    (" (", ")"),
    ("(", ")"),
    (" [", "]"),
    ("[", "]"),
    (" （", "）"),
    ("（", "）"),
];
const PREFIXES: &[&str] = &[" - ", " – ", " — ", " -", "- ", ": ", " "];

/// Whether `rest` is exactly `subs` joined in one of the usual ways.
fn matches_subs(rest: &str, subs: &[Sub]) -> bool {
    let Some((first, others)) = subs.split_first() else {
        return rest.is_empty();
    };
    if first.optional && matches_subs(rest, others) {
        return true;
    }
    let s = first.text.as_str();
    for (open, close) in OPEN_CLOSE {
        if let Some(r) = rest
            .strip_prefix(open)
            .and_then(|r| r.strip_prefix(s))
            .and_then(|r| r.strip_prefix(close))
        {
            if matches_subs(r, others) {
                return true;
            }
        }
    }
    for p in PREFIXES {
        if let Some(r) = rest.strip_prefix(p).and_then(|r| r.strip_prefix(s)) {
            if matches_subs(r, others) {
                return true;
            }
        }
    }
    false
}

/// The DisplayTitle's parts, normalized; `None` if it has no usable TitleText.
fn parts(source: &Source, t: &Title) -> Option<(String, Vec<Sub>)> {
    let title = norm(t.text.as_ref()?.value());
    if title.is_empty() {
        return None;
    }
    let subs = t
        .subtitles
        .iter()
        .filter_map(|s: &Localized| {
            let text = norm(s.value());
            if text.is_empty() {
                return None;
            }
            let hidden = start_tag_attr(source, s.text.elem, "IsDisplayedInTitle")
                .is_some_and(|v| matches!(v.trim(), "false" | "0"));
            Some(Sub {
                optional: hidden || title.contains(&text),
                text,
            })
        })
        .collect();
    Some((title, subs))
}

fn matches(dtt: &str, title: &str, subs: &[Sub]) -> bool {
    dtt.strip_prefix(title).is_some_and(|rest| matches_subs(rest, subs))
}

/// The display text built from a DisplayTitle: `Title (Sub1) [Sub2] …`.
fn expected(title: &str, subs: &[Sub]) -> String {
    let mut s = title.to_string();
    let mut n = 0;
    for sub in subs {
        if sub.optional {
            continue;
        }
        let t = &sub.text;
        if t.starts_with(['(', '[', '（']) {
            s.push(' ');
            s.push_str(t);
        } else if n == 0 {
            s.push_str(&format!(" ({t})"));
        } else {
            s.push_str(&format!(" [{t}]"));
        }
        n += 1;
    }
    s
}

fn describe(title: &str, subs: &[Sub]) -> String {
    let mut s = format!("'{title}'");
    for sub in subs {
        s.push_str(&format!(" + SubTitle '{}'", sub.text));
    }
    s
}

fn check_display(source: &Source, d: &Display, out: &mut Vec<Finding>) {
    let dtts = d.titles.iter().filter(|t| t.kind == TitleKind::DisplayTitleText);
    for t in dtts {
        let Some(text) = &t.text else { continue };
        let (lang, territory) = (lang_key(t), territory_key(t));
        let same_place = |d: &&Title| {
            d.kind == TitleKind::DisplayTitle
                && same_lang(lang_key(d), lang)
                && territory_key(d).eq_ignore_ascii_case(territory)
        };
        // The usual case, settled without normalizing or collecting: a DisplayTitle with the
        // very same text and no subtitle. The texts are compared before the languages: texts
        // of other lengths differ without being read, languages are read through a pointer.
        let verbatim = |d: &Title| d.subtitles.is_empty() && d.text.as_ref().is_some_and(|x| x.value() == text.value());
        if d.titles.iter().any(|d| verbatim(d) && same_place(&d)) {
            continue;
        }
        let mut same: Vec<&Title> = d.titles.iter().filter(same_place).collect();
        let dtt = norm(text.value());
        if dtt.is_empty() {
            continue;
        }
        // The default DisplayTitle first: it makes the suggestion.
        same.sort_by_key(|d| {
            !d.is_default
                .as_ref()
                .is_some_and(|a| matches!(a.value.trim(), "true" | "1"))
        });
        let candidates: Vec<(String, Vec<Sub>)> = same.iter().filter_map(|d| parts(source, d)).collect();
        let Some((title, subs)) = candidates.first() else {
            continue;
        };
        if candidates.iter().any(|(title, subs)| matches(&dtt, title, subs)) {
            continue;
        }
        let want = expected(title, subs);
        let fix = if text.text.editable {
            Fix::replace_text(Applicability::Suggestion, text.text.span, want.clone())
        } else {
            Fix::suggest(want.clone())
        };
        let terr = t.territory.as_ref().map_or("Worldwide", |a| a.value.trim());
        out.push(
            RULE.finding(
                text.text.elem,
                text.text.span,
                format!(
                    "DisplayTitleText '{dtt}' differs from its DisplayTitle {} ({}, {terr})",
                    describe(title, subs),
                    t.lang.tag().trim()
                ),
            )
            .with_help(format!("make the two agree, e.g. DisplayTitleText '{want}'"))
            .with_fix(fix),
        );
    }
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    if !cx.feed.version.is_ern4() {
        return;
    }
    for r in &cx.feed.resources {
        check_display(cx.source, &r.display, out);
    }
    for r in &cx.feed.releases {
        check_display(cx.source, &r.display, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sub(t: &str) -> Sub {
        Sub {
            text: t.into(),
            optional: false,
        }
    }

    #[test]
    fn joins() {
        let subs = [sub("Live in Hamburg")];
        for ok in [
            "Weißes Rauschen (Live in Hamburg)",
            "Weißes Rauschen [Live in Hamburg]",
            "Weißes Rauschen - Live in Hamburg",
            "Weißes Rauschen – Live in Hamburg",
            "Weißes Rauschen Live in Hamburg",
            "Weißes Rauschen: Live in Hamburg",
        ] {
            assert!(matches(ok, "Weißes Rauschen", &subs), "{ok}");
        }
        for bad in [
            "Weißes Rauschen",
            "Weißes Rauschen (live in Hamburg)",
            "Weißes Rauschen (Live)",
        ] {
            assert!(!matches(bad, "Weißes Rauschen", &subs), "{bad}");
        }
        let two = [sub("Remix"), sub("feat. Ola")];
        assert!(matches("Song (Remix) [feat. Ola]", "Song", &two));
        assert!(matches("Song - Remix (feat. Ola)", "Song", &two));
        assert_eq!(expected("Song", &two), "Song (Remix) [feat. Ola]");
        assert_eq!(norm("  A \u{00A0} B\u{200B} "), "A B");
    }
}
