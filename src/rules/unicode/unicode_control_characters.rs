use super::fieldtext::{
    char_label, code, field, fix, is_xml_space, position, referenced_chars, texts_with_facts, Hits,
};
use crate::finding::{Applicability, Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};

pub static RULE: Rule = Rule {
    id: "unicode-control-characters",
    category: Category::Unicode,
    severity: Severity::Error,
    fix: FixClass::Safe,
    summary: "control characters (tab, line break, C0/C1 controls, U+0085) in a title or name",
    doc: r#"## What it does
Reports control characters in titles, names and P/C lines, all single-line fields:
- TAB, LINE FEED and CARRIAGE RETURN inside the value, between its first and last visible
  characters, when written as references (`&#9;` `&#10;` `&#13;`), and literal tabs between
  words (`Mörket⟨TAB⟩faller`);
- U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR anywhere;
- C1 controls U+0080–U+009F (including U+0085 NEXT LINE) and U+007F DELETE anywhere, and any
  other C0 control that got past the XML parser.

Not reported here, but by `whitespace-trim-collapse-and-punctuation-spacing`: whitespace
before the first or after the last visible character (the indentation of a pretty-printed
value), and a literal line break in the file together with the indentation around it. XML
files wrap long values across lines (the DDEX sample files wrap long P lines); such a break
is the file's formatting, which XML consumers read as a space, not a control character in
the value.

## Why
A line break or tab in a title splits it on screen, in CSV exports and in the royalty
reports built from it, and makes it differ from the same title typed on one line. C1 controls
are invisible and almost always Windows-1252 bytes decoded as Latin-1: U+0092 where `’` was
meant, U+0096 for `–`. Apple's metadata rules list carriage return and horizontal tab as
"MUST NOT be present".

## Example
```xml
<TitleText>Mörket&#9;faller</TitleText>
<TitleText>Émile&#x92;s Song</TitleText>
```

## Use instead
```xml
<TitleText>Mörket faller</TitleText>
<TitleText>Émile’s Song</TitleText>
```

## Fix
Safe when the value holds only tabs, line breaks and line/paragraph separators: each run of
them, with the spaces around it, becomes one space. When it holds a C1 or other control the
fix is a suggestion: C1 controls become their Windows-1252 character (U+0092 → `’`, U+0085 →
`…`) or are dropped when Windows-1252 has none, other controls are dropped."#,
    check: Check::Item(check),
};

/// The Windows-1252 character for a C1 control read as Latin-1, if any.
fn cp1252(c: char) -> Option<char> {
    Some(match c {
        '\u{80}' => '€',
        '\u{82}' => '‚',
        '\u{83}' => 'ƒ',
        '\u{84}' => '„',
        '\u{85}' => '…',
        '\u{86}' => '†',
        '\u{87}' => '‡',
        '\u{88}' => 'ˆ',
        '\u{89}' => '‰',
        '\u{8A}' => 'Š',
        '\u{8B}' => '‹',
        '\u{8C}' => 'Œ',
        '\u{8E}' => 'Ž',
        '\u{91}' => '‘',
        '\u{92}' => '’',
        '\u{93}' => '“',
        '\u{94}' => '”',
        '\u{95}' => '•',
        '\u{96}' => '–',
        '\u{97}' => '—',
        '\u{98}' => '˜',
        '\u{99}' => '™',
        '\u{9A}' => 'š',
        '\u{9B}' => '›',
        '\u{9C}' => 'œ',
        '\u{9E}' => 'ž',
        '\u{9F}' => 'Ÿ',
        _ => return None,
    })
}

const LINE_SEPARATORS: [char; 2] = ['\u{2028}', '\u{2029}'];

fn is_line_control(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

fn is_other_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{7F}'
}

/// The reported characters of `s` (byte offset, character). `refs`: offsets of characters the
/// source writes as references ([`referenced_chars`]).
fn flagged(s: &str, refs: &[usize]) -> Vec<(usize, char)> {
    let first = s.find(|c: char| !is_xml_space(c)).unwrap_or(s.len());
    let last = s.rfind(|c: char| !is_xml_space(c)).map_or(0, |i| i + 1);
    let is_ref = |i: usize| refs.binary_search(&i).is_ok();
    let mut out = Vec::new();
    let mut run: Vec<(usize, char)> = Vec::new();
    let flush_run = |run: &mut Vec<(usize, char)>, out: &mut Vec<(usize, char)>| {
        // A run holding a literal line break is the file's line wrapping: formatting, left
        // to whitespace-trim-collapse-and-punctuation-spacing.
        let wrapped = run.iter().any(|&(i, c)| c == '\n' && !is_ref(i));
        out.extend(run.drain(..).filter(|&(i, c)| c != ' ' && (is_ref(i) || !wrapped)));
    };
    for (i, c) in s.char_indices() {
        if i < first || i >= last {
            if !is_xml_space(c) && (is_line_control(c) || is_other_control(c)) {
                out.push((i, c));
            }
            continue;
        }
        if is_xml_space(c) {
            run.push((i, c));
            continue;
        }
        flush_run(&mut run, &mut out);
        if is_line_control(c) || is_other_control(c) {
            out.push((i, c));
        }
    }
    flush_run(&mut run, &mut out);
    out.sort_unstable();
    out
}

/// The corrected value: runs of spaces and line controls holding a reported character become
/// one space; C1 controls become their Windows-1252 character; other controls are dropped.
fn corrected(s: &str, flagged: &[(usize, char)]) -> String {
    let is_flagged = |i: usize| flagged.binary_search_by_key(&i, |f| f.0).is_ok();
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    let mut run_flagged = false;
    let flush = |out: &mut String, run: &mut String, run_flagged: &mut bool| {
        if *run_flagged {
            out.push(' ');
        } else {
            out.push_str(run);
        }
        run.clear();
        *run_flagged = false;
    };
    for (i, c) in s.char_indices() {
        if c == ' ' || is_line_control(c) {
            run.push(c);
            run_flagged |= is_flagged(i);
            continue;
        }
        flush(&mut out, &mut run, &mut run_flagged);
        if is_other_control(c) {
            if let Some(r) = cp1252(c) {
                out.push(r);
            }
        } else {
            out.push(c);
        }
    }
    flush(&mut out, &mut run, &mut run_flagged);
    out
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (kind, loc, facts) in texts_with_facts(cx) {
        // Controls are below U+0020, U+007F–U+009F (lead byte 0xC2), U+2028 and U+2029.
        if !facts.bytes.has_in(0x00, 0x1F)
            && !facts.bytes.has(0x7F)
            && !facts.may_have_wide(
                |c| c.is_control() || LINE_SEPARATORS.contains(&c),
                |b| b.has(0xC2) || b.may_have_any(&LINE_SEPARATORS),
            )
        {
            continue;
        }
        let text = &loc.text;
        let s: &str = &text.value;
        if !s.contains(|c: char| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')) {
            continue;
        }
        let bad = flagged(s, &referenced_chars(&cx.source.text, text));
        if bad.is_empty() {
            continue;
        }
        let mut hits = Hits::default();
        let mut c1 = false;
        for &(i, c) in &bad {
            let label = match cp1252(c) {
                Some(r) => {
                    c1 = true;
                    format!("C1 control character {} (\"{r}\" in Windows-1252)", code(c))
                }
                None if is_other_control(c) => {
                    c1 = true;
                    char_label(c)
                }
                None => char_label(c),
            };
            hits.add(label, position(s, i));
        }
        let help = if c1 {
            "C1 controls are almost always Windows-1252 bytes read as Latin-1: type the intended character"
        } else {
            "titles and names are single-line: use a plain space"
        };
        let applicability = if c1 {
            Applicability::Suggestion
        } else {
            Applicability::Safe
        };
        out.push(
            RULE.finding(
                text.elem,
                text.span,
                format!("{} of {}", hits.describe(), field(cx, kind, text)),
            )
            .with_help(help)
            .with_fix_opt(fix(text, applicability, corrected(s, &bad))),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(s: &str) -> String {
        corrected(s, &flagged(s, &[]))
    }

    #[test]
    fn controls() {
        assert_eq!(fixed("Mörket\tfaller"), "Mörket faller");
        // literal line wrapping is formatting; written as a reference it is a control
        assert!(flagged("A long\n    title", &[]).is_empty());
        assert!(flagged("A long\ntitle", &[]).is_empty());
        assert_eq!(flagged("A long\ntitle", &[6]), [(6, '\n')]);
        assert_eq!(corrected("A \r\n B", &flagged("A \r\n B", &[2, 3])), "A B");
        assert_eq!(flagged("A\n\tB", &[]).len(), 0);
        assert_eq!(fixed("Émile\u{92}s Song"), "Émile’s Song");
        assert_eq!(fixed("Wait\u{85}"), "Wait…");
        assert_eq!(fixed("a\u{81}b"), "ab");
        assert!(flagged("\n   Ane Fjell\n", &[]).is_empty());
        assert!(flagged("\tCapitol Records", &[]).is_empty());
        assert_eq!(flagged("Talvi\u{2028}", &[]).len(), 1);
        assert_eq!(fixed("  A\tB  "), "  A B  ");
    }
}
