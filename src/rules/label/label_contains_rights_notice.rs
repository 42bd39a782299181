use crate::finding::{Finding, Fix, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};

use super::names::{is_year, notice_symbol_len, strip_leading_notice};

pub static RULE: Rule = Rule {
    id: "label-contains-rights-notice",
    category: Category::Label,
    severity: Severity::Error,
    fix: FixClass::Suggest,
    summary: "a ℗/© notice, year or licence wording inside a label name",
    doc: r#"## What it does
Reports a label name that carries a rights notice or legal prose instead of just the label:
a `℗`, `©`, `Ⓟ`, `(P)`, `(C)` or the word "Copyright"; licence and ownership wording such as
"under exclusive license to", "a division of", "marketed by", "distributed by",
"manufactured by", "all rights reserved" (and the German, French and Spanish "unter Lizenz",
"sous licence", "bajo licencia"). A four-digit year without any notice is reported at `info`
level only, since names such as "1984 Records" exist.

Checked on ERN 4 label parties' `PartyName/FullName` and on ERN 3 `LabelName`.

## Why
A P line pasted into the label field ("℗ 2024 Kaleidoskop Records GmbH") turns the label into
a one-off string: DSP label pages and label search (Spotify's `label:` filter) never match it
with the label's other releases. DDEX keeps the two apart: the label is "provided for search,
discovery and display", while the owner, year and notice have their own `PLine` elements
(`Year`, `PLineCompany`, `PLineText`). Whether the licensor or the licensee is "the label" is
a business decision the feed should state explicitly, not bury in prose.

## Example
```xml
<Party>
  <PartyReference>PLabel</PartyReference>
  <PartyName><FullName>℗ 2024 Nordlicht Schallplatten under exclusive license to Hafenkante Tonträger</FullName></PartyName>
</Party>
```

## Use instead
```xml
<Party>
  <PartyReference>PLabel</PartyReference>
  <PartyName><FullName>Hafenkante Tonträger</FullName></PartyName>
</Party>
<!-- on the release: -->
<PLine><Year>2024</Year><PLineCompany>Nordlicht Schallplatten</PLineCompany>
  <PLineText>℗ 2024 Nordlicht Schallplatten under exclusive license to Hafenkante Tonträger</PLineText></PLine>
```

## Fix
A suggestion, never applied: the imprint named after "under exclusive license to", else the
text before ", a division of" (or "marketed by", …), else the name with the notice and year
removed. Which company is the label remains a human decision."#,
    check: Check::Item(check),
};

/// Licence or ownership wording; `Keep::After` means the label is what follows it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keep {
    Before,
    After,
}

const PHRASES: &[(&str, Keep)] = &[
    ("under exclusive license to", Keep::After),
    ("under exclusive licence to", Keep::After),
    ("under license to", Keep::After),
    ("under licence to", Keep::After),
    ("under exclusive license from", Keep::Before),
    ("under exclusive licence from", Keep::Before),
    ("under license from", Keep::Before),
    ("under licence from", Keep::Before),
    ("unter exklusiver lizenz", Keep::Before),
    ("unter lizenz", Keep::Before),
    ("sous licence exclusive", Keep::Before),
    ("sous licence", Keep::Before),
    ("bajo licencia exclusiva", Keep::Before),
    ("bajo licencia", Keep::Before),
    ("a division of", Keep::Before),
    ("marketed by", Keep::Before),
    ("distributed by", Keep::Before),
    ("manufactured by", Keep::Before),
    ("all rights reserved", Keep::Before),
];

/// Byte offset of `needle` (ASCII, lower case) in `hay`, case-insensitively, as whole words.
fn find_words(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| {
        h[i..i + n.len()].eq_ignore_ascii_case(n)
            && !hay[..i].chars().next_back().is_some_and(char::is_alphanumeric)
            && !hay[i + n.len()..].chars().next().is_some_and(char::is_alphanumeric)
    })
}

/// A notice symbol in `s`: its byte offset and what it is.
fn find_symbol(s: &str) -> Option<(usize, &'static str, String)> {
    for (i, c) in s.char_indices() {
        let at_word_start = !s[..i].chars().next_back().is_some_and(|p| p.is_alphanumeric());
        match c {
            '℗' | 'Ⓟ' | 'ⓟ' => return Some((i, "a P-line notice", c.to_string())),
            '©' | 'Ⓒ' | 'ⓒ' => return Some((i, "a C-line notice", c.to_string())),
            '(' if at_word_start => {
                if let Some(n) = notice_symbol_len(&s[i..]) {
                    let sym = s[i..i + n].to_string();
                    let what = if sym.to_lowercase().contains('p') {
                        "a P-line notice"
                    } else {
                        "a C-line notice"
                    };
                    return Some((i, what, sym));
                }
            }
            'c' | 'C' if at_word_start => {
                if let Some(n) = notice_symbol_len(&s[i..]) {
                    return Some((i, "a copyright notice", s[i..i + n].to_string()));
                }
            }
            _ => {}
        }
    }
    None
}

/// A stand-alone year (1900–2099) in `s`.
fn find_year(s: &str) -> Option<&str> {
    s.split(|c: char| !c.is_ascii_digit()).find(|t| is_year(t))
}

fn tidy(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—' | '/'))
}

/// The label name with notices and licence wording removed, when something is left.
fn cleaned(name: &str) -> Option<String> {
    let mut s: &str = name;
    if let Some((i, phrase)) = PHRASES
        .iter()
        .filter(|(_, k)| *k == Keep::After)
        .find_map(|(p, _)| find_words(s, p).map(|i| (i, p)))
    {
        s = &s[i + phrase.len()..];
    }
    for (p, _) in PHRASES {
        if let Some(i) = find_words(s, p) {
            let before = tidy(&s[..i]);
            // "Foo under license from Bar" keeps Foo; a leading phrase with nothing before it
            // ("Distributed by X") keeps nothing.
            s = before;
        }
    }
    s = tidy(strip_leading_notice(tidy(s)));
    // A notice after the name ("Foo Records (P) 2024") ends it.
    if let Some((i, _, _)) = find_symbol(s) {
        s = tidy(&s[..i]);
    }
    (!s.is_empty() && s != name).then(|| s.to_string())
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let names = cx.label_names();
    // Judged once per distinct value: a batch repeats a few label names on every release.
    let verdicts = names.map_values(|_, text| judge(text));
    for (name, v, _) in names.iter() {
        let Some(verdict) = &verdicts[v] else { continue };
        let (anchor, span) = (name.text.elem, name.text.span);
        out.push(match verdict {
            Verdict::Year(message) => RULE
                .finding_at(Severity::Info, anchor, span, message.clone())
                .with_help(
                    "if the year is not part of the label's name, remove it (the year belongs in PLine/CLine <Year>)",
                ),
            Verdict::Notice(message, help, fix) => RULE
                .finding(anchor, span, message.clone())
                .with_help(*help)
                .with_fix_opt(fix.clone()),
        });
    }
}

/// A finding's message (and help and fix) for one label name.
enum Verdict {
    Year(String),
    Notice(String, &'static str, Option<Fix>),
}

/// What a label name (in display form) contains, if anything.
fn judge(text: &str) -> Option<Verdict> {
    let symbol = find_symbol(text);
    let phrase = PHRASES
        .iter()
        .find_map(|(p, _)| find_words(text, p).map(|i| &text[i..i + p.len()]));
    let what = match (&symbol, phrase) {
        (Some((_, what, sym)), Some(p)) => format!("{what} ('{sym}') and the wording '{p}'"),
        (Some((_, what, sym)), None) => format!("{what} ('{sym}')"),
        (None, Some(p)) => format!("the licence wording '{p}'"),
        (None, None) => {
            return find_year(text).map(|year| {
                Verdict::Year(format!("label name '{text}' contains the year {year}; if it comes from a P or C line, DSP label search will not match it"))
            });
        }
    };
    let help = if phrase.is_some() {
        "put only the label's own name here; licence and ownership wording belongs in the PLine/CLine text"
    } else {
        "put only the label's own name here; the notice and year belong in PLine/CLine (Year, PLineCompany, PLineText)"
    };
    Some(Verdict::Notice(
        format!("label name '{text}' contains {what}; DSP label search will not match it"),
        help,
        cleaned(text).map(Fix::suggest),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans() {
        assert_eq!(
            cleaned("℗ 2024 Kaleidoskop Records GmbH").as_deref(),
            Some("Kaleidoskop Records GmbH")
        );
        assert_eq!(
            cleaned("℗ 1999 Robert Wyatt under exclusive license to Domino Recording Co Ltd").as_deref(),
            Some("Domino Recording Co Ltd")
        );
        assert_eq!(
            cleaned("Question Everything, Inc. under exclusive license to RCA Records, a division of Sony Music Entertainment")
                .as_deref(),
            Some("RCA Records")
        );
        assert_eq!(
            cleaned("Kaleidoskop Records (P) 2024").as_deref(),
            Some("Kaleidoskop Records")
        );
        assert_eq!(
            cleaned("© 2023 Καλλιστώ Δισκογραφική").as_deref(),
            Some("Καλλιστώ Δισκογραφική")
        );
        assert_eq!(cleaned("Copyright 2020 Foo").as_deref(), Some("Foo"));
        assert_eq!(
            cleaned("Foo Records, all rights reserved").as_deref(),
            Some("Foo Records")
        );
        assert_eq!(cleaned("℗ 2024"), None);
        assert_eq!(cleaned("2024 © Foo").as_deref(), Some("Foo"));
    }

    #[test]
    fn finds() {
        assert!(find_symbol("Label (p) 2020").is_some());
        assert!(find_symbol("Copyright Foo").is_some());
        assert!(find_symbol("Copyrighted Sounds").is_none());
        assert!(find_symbol("Label(c)").is_none());
        assert!(find_symbol("Café (Classics)").is_none());
        assert!(find_words("Not marketed byzantine", "marketed by").is_none());
        assert_eq!(find_year("1984 Records"), Some("1984"));
        assert_eq!(find_year("Studio 54"), None);
    }
}
