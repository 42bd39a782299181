use super::fieldtext::{field, fix, is_xml_space, join_and, position, referenced_chars, texts_with_facts};
use crate::finding::{Applicability, Finding, Fix, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};
use crate::text::TextFacts;

pub static RULE: Rule = Rule {
    id: "whitespace-trim-collapse-and-punctuation-spacing",
    category: Category::Unicode,
    severity: Severity::Warning,
    fix: FixClass::Safe,
    summary: "leading, trailing or doubled whitespace; a space before , . ) ]",
    doc: r#"## What it does
Reports, in titles, names and P/C lines:
- whitespace before the first or after the last visible character, including the line
  breaks and indentation of a pretty-printed value (`<TitleText>⏎    Talvi⏎</TitleText>`);
- runs of two or more whitespace characters between words, and line breaks inside the value
  that come from the file's line wrapping (a long P line continued on the next line);
- a space before `,` `.` `)` `]` or after `(` `[` (`Talvi ( Live )`, `Ane Fjell , Nora`).
  A space before a `.` that starts a word (`The .38 Special`) or an ellipsis (`. . .`) is
  not reported, nor are the spaces French puts before `;` `:` `!` `?`.

Whitespace here is what XML calls whitespace: space, tab, line feed, carriage return. A tab
or line break inside the value is also `unicode-control-characters`; other spaces are
`unicode-nonstandard-spaces`.

## Why
`Talvi ` and `Talvi` are different strings to exact matching, de-duplication and catalogue
joins, and DSPs trim or reject them inconsistently. The DDEX Schematron applies
`normalize-space` to label names; label-name normalisers have to strip values such as
`'  Polydor Records '`. Spacing inside brackets and before commas shows up verbatim in store
listings.

## Example
```xml
<TitleText>  Talvi  (Live)  </TitleText>
<TitleText>Ο δρόμος ( Live )</TitleText>
```

## Use instead
```xml
<TitleText>Talvi (Live)</TitleText>
<TitleText>Ο δρόμος (Live)</TitleText>
```

## Fix
Safe for the whitespace itself: the value is trimmed and each run of whitespace between
words becomes one space. The punctuation spacing is a separate finding whose corrected value
is only suggested: a space before punctuation is sometimes a deliberate stylisation. A value
that is nothing but whitespace is reported without a fix."#,
    check: Check::Item(check),
};

/// `2 spaces`, `a tab`, `a line break and 4 spaces`.
fn describe_run(run: &str) -> String {
    let kinds = [
        ('\n', "line break", "line breaks"),
        ('\r', "carriage return", "carriage returns"),
        ('\t', "tab", "tabs"),
        (' ', "space", "spaces"),
    ];
    let parts: Vec<String> = kinds
        .iter()
        .filter_map(|&(c, one, many)| {
            let n = run.chars().filter(|&x| x == c).count();
            match n {
                0 => None,
                1 => Some(format!("a {one}")),
                n => Some(format!("{n} {many}")),
            }
        })
        .collect();
    join_and(&parts)
}

/// Internal runs of whitespace: byte range within `s`.
/// Whether a text may have something to report, from its [`TextFacts`]: it starts or ends
/// with whitespace, holds a tab or line break, two spaces in a row, or a space before `,` `)`
/// `]` `.` or after `(` `[`. Without any of these every whitespace run is one inner space with
/// no punctuation issue. (All of these are ASCII, which never occurs inside a multi-byte
/// character.)
fn may_have_issue(facts: &TextFacts) -> bool {
    let space = |x: u8| matches!(x, b' ' | b'\t' | b'\n' | b'\r');
    space(facts.first)
        || space(facts.last)
        || facts.bytes.has(b'\t')
        || facts.bytes.has(b'\n')
        || facts.bytes.has(b'\r')
        || b" ,)].".iter().any(|&x| facts.has_space_before(x))
        || b"([".iter().any(|&x| facts.has_space_after(x))
}

fn internal_runs(s: &str, first: usize, last: usize) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s[first..last].char_indices() {
        let i = i + first;
        match (is_xml_space(c), start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                runs.push((a, i));
                start = None;
            }
            _ => {}
        }
    }
    runs
}

/// The punctuation a run of spaces should not be next to, if any.
fn punctuation_issue(s: &str, a: usize, b: usize) -> Option<String> {
    let prev = s[..a].chars().next_back();
    let mut after = s[b..].chars();
    let next = after.next();
    let next2 = after.next();
    match next {
        Some(c @ (',' | ')' | ']')) => return Some(format!("a space before \"{c}\"")),
        Some('.') => {
            let ends_word = match next2 {
                None => true,
                Some(n) => is_xml_space(n) || matches!(n, ')' | ']' | ',' | '"' | '\'' | '’' | '”'),
            };
            let ellipsis = prev == Some('.') || next2 == Some('.') || s[b + 1..].trim_start().starts_with('.');
            if ends_word && !ellipsis {
                return Some("a space before \".\"".into());
            }
        }
        _ => {}
    }
    match prev {
        Some(c @ ('(' | '[')) => Some(format!("a space after \"{c}\"")),
        _ => None,
    }
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (kind, loc, facts) in texts_with_facts(cx) {
        if !may_have_issue(facts) {
            continue;
        }
        let text = &loc.text;
        let s: &str = &text.value;
        if s.is_empty() {
            continue;
        }
        let (Some(first), Some(last)) = (s.find(|c: char| !is_xml_space(c)), s.rfind(|c: char| !is_xml_space(c)))
        else {
            out.push(
                RULE.finding(
                    text.elem,
                    text.span,
                    format!("{} is only whitespace ({})", field(cx, kind, text), describe_run(s)),
                )
                .with_help("give the element its value, or leave the element out"),
            );
            continue;
        };
        let last = last + s[last..].chars().next().map_or(1, char::len_utf8);
        let runs = internal_runs(s, first, last);
        let mut parts = Vec::new();
        if first > 0 {
            parts.push(format!("leading whitespace ({})", describe_run(&s[..first])));
        }
        if last < s.len() {
            parts.push(format!("trailing whitespace ({})", describe_run(&s[last..])));
        }
        // Runs to collapse: two or more characters, or a line break the file wraps the value
        // with (a referenced `&#10;` alone is unicode-control-characters).
        let refs = if s.contains('\n') {
            referenced_chars(&cx.source.text, text)
        } else {
            Vec::new()
        };
        let collapsible = |a: usize, b: usize| {
            let run = &s[a..b];
            run.chars().count() >= 2
                || run
                    .char_indices()
                    .any(|(i, c)| c == '\n' && refs.binary_search(&(a + i)).is_err())
        };
        let long: Vec<&(usize, usize)> = runs.iter().filter(|(a, b)| collapsible(*a, *b)).collect();
        for (a, b) in long.iter().take(3) {
            parts.push(format!("{} at position {}", describe_run(&s[*a..*b]), position(s, *a)));
        }
        if long.len() > 3 {
            parts.push(format!("{} more runs of whitespace", long.len() - 3));
        }
        let mut punct: Vec<(usize, usize, String)> = Vec::new();
        for &(a, b) in &runs {
            if let Some(issue) = punctuation_issue(s, a, b) {
                punct.push((a, b, issue));
            }
        }
        if parts.is_empty() && punct.is_empty() {
            continue;
        }
        // Trim and collapse: the safe value.
        let mut collapsed = String::with_capacity(s.len());
        let mut suggested = String::with_capacity(s.len());
        let mut at = first;
        for &(a, b) in &runs {
            collapsed.push_str(&s[at..a]);
            suggested.push_str(&s[at..a]);
            let run = &s[a..b];
            let one = if collapsible(a, b) { " " } else { run };
            collapsed.push_str(one);
            if !punct.iter().any(|p| p.0 == a) {
                suggested.push_str(one);
            }
            at = b;
        }
        collapsed.push_str(&s[at..last]);
        suggested.push_str(&s[at..last]);

        if !parts.is_empty() {
            out.push(
                RULE.finding(
                    text.elem,
                    text.span,
                    format!("{} has {}", field(cx, kind, text), join_and(&parts)),
                )
                .with_help("trim the value and put single spaces between words")
                .with_fix_opt(fix(text, Applicability::Safe, collapsed)),
            );
        }
        if !punct.is_empty() {
            let issues: Vec<String> = punct
                .iter()
                .take(3)
                .map(|(a, _, issue)| format!("{issue} at position {}", position(s, *a)))
                .collect();
            let mut message = format!("{} has {}", field(cx, kind, text), join_and(&issues));
            if punct.len() > 3 {
                message.push_str(&format!(" (and {} more)", punct.len() - 3));
            }
            out.push(
                RULE.finding(text.elem, text.span, message)
                    .with_help("no space before , . ) ] or after ( [")
                    .with_fix(Fix::suggest(suggested)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_and_punctuation() {
        assert_eq!(describe_run("\n    "), "a line break and 4 spaces");
        let s = "Talvi ( Live )";
        let runs = internal_runs(s, 0, s.len());
        assert_eq!(runs.len(), 3);
        assert_eq!(punctuation_issue(s, runs[0].0, runs[0].1), None);
        assert_eq!(
            punctuation_issue(s, runs[1].0, runs[1].1).as_deref(),
            Some("a space after \"(\"")
        );
        assert_eq!(
            punctuation_issue(s, runs[2].0, runs[2].1).as_deref(),
            Some("a space before \")\"")
        );
        let t = "The .38 Special";
        let r = internal_runs(t, 0, t.len());
        assert_eq!(punctuation_issue(t, r[0].0, r[0].1), None);
        let e = "Wait . . .";
        let r = internal_runs(e, 0, e.len());
        assert!(r.iter().all(|&(a, b)| punctuation_issue(e, a, b).is_none()));
        let f = "Où es-tu ?";
        let r = internal_runs(f, 0, f.len());
        assert!(r.iter().all(|&(a, b)| punctuation_issue(f, a, b).is_none()));
        let g = "Vol .";
        let r = internal_runs(g, 0, g.len());
        assert!(punctuation_issue(g, r[0].0, r[0].1).is_some());
    }
}
