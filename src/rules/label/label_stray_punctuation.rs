use crate::finding::{Finding, Fix, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};

pub static RULE: Rule = Rule {
    id: "label-stray-punctuation",
    category: Category::Label,
    severity: Severity::Info,
    fix: FixClass::Suggest,
    summary: "stray quotes, leading/trailing orphan punctuation or unbalanced brackets in a label name",
    doc: r#"## What it does
Reports punctuation in a label name that looks like a leftover rather than part of the name:
- an unbalanced bracket or quote: `( ) [ ] { } « » “ ” „ 「 」 『 』`, an odd number of `"`;
- a name wrapped in quotes (`"Nordlys Plater"`) or in doubled brackets (`((Cave)) Recordings`);
- a leading `-`, `–`, `)`, `]`, `.`, `,`, `:`, `;`, `/` (a leading `!` before a letter, `*`, `'`
  and an ellipsis are stylisations and are left alone);
- a trailing `-`, `–`, `(`, `[`, `,`, `:`, `;`, `/`, or a trailing `.` after a word that is not
  an abbreviation (`Inc.`, `Ltd.`, `Bros.`, `S.A.` are fine);
- a trailing `®` or `™`;
- a URL or domain (`www.…`, `….com`), an `@handle` or a `#hashtag`.

Balanced brackets that are part of a brand (`[PIAS]`, `Label (UK)`) are not reported.

## Why
Leftovers of copy and paste or of a spreadsheet export ("- Éditions Mouvantes)", " Self
Released)") make the label a different string from the one on the label's other releases, so
DSP label search splits them. Stores reject URLs and promotion in metadata (Apple: metadata
must not contain "any URLs"), and ™/® need proof of a registered mark at some distributors.

## Example
```xml
<LabelName>- Éditions Mouvantes)</LabelName>
```

## Use instead
```xml
<LabelName>Éditions Mouvantes</LabelName>
```

## Fix
A suggestion, never applied: the name with the orphan punctuation, unmatched brackets,
wrapping quotes, ®/™ and URLs or handles removed. Balanced brand brackets are kept."#,
    check: Check::Item(check),
};

const PAIRS: &[(char, char)] = &[
    ('(', ')'),
    ('[', ']'),
    ('{', '}'),
    ('«', '»'),
    ('“', '”'),
    ('„', '“'),
    ('「', '」'),
    ('『', '』'),
];

fn closer_of(open: char) -> Option<char> {
    PAIRS.iter().find(|(o, _)| *o == open).map(|(_, c)| *c)
}

fn is_closer(c: char) -> bool {
    PAIRS.iter().any(|(_, cl)| *cl == c) || c == '”'
}

/// Byte offsets of unmatched opening and closing brackets (`„…”` closes like `„…“`).
fn unmatched_brackets(s: &str) -> Vec<(usize, char)> {
    let mut stack: Vec<(usize, char)> = Vec::new();
    let mut bad = Vec::new();
    for (i, c) in s.char_indices() {
        // “ both opens (“…”) and closes („…“): a closer first if something waits for it.
        if let Some(&(_, top)) = stack.last() {
            let expected = closer_of(top);
            if expected == Some(c) || (top == '„' && c == '”') {
                stack.pop();
                continue;
            }
        }
        if closer_of(c).is_some() {
            stack.push((i, c));
        } else if is_closer(c) {
            bad.push((i, c));
        }
    }
    bad.extend(stack);
    bad.sort();
    bad
}

const LEADING_ORPHANS: &[char] = &[
    '-', '–', '—', '‐', ')', ']', '}', '»', '”', '」', '』', '.', ',', ':', ';', '/', '\\', '·',
];
const TRAILING_ORPHANS: &[char] = &[
    '-', '–', '—', '‐', '(', '[', '{', '«', '„', '「', '『', ',', ':', ';', '/', '\\',
];

/// A URL, domain, @handle or #hashtag token.
fn is_link_token(tok: &str) -> bool {
    let t = tok.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | ',' | '"'));
    let lower = t.to_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.") {
        return true;
    }
    if let Some(rest) = t.strip_prefix(['@', '#']) {
        return rest.chars().next().is_some_and(char::is_alphabetic);
    }
    const TLDS: &[&str] = &[
        ".com", ".net", ".org", ".io", ".fm", ".de", ".fr", ".co.uk", ".info", ".biz",
    ];
    TLDS.iter().any(|tld| {
        lower.ends_with(tld)
            && lower.len() > tld.len()
            && lower[..lower.len() - tld.len()]
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
    })
}

/// A trailing "." that ends a word rather than an abbreviation (`Inc.`, `Bros.`, `S.A.`,
/// `INC.`) or an ellipsis.
fn is_orphan_dot(s: &str) -> bool {
    let Some(body) = s.strip_suffix('.') else {
        return false;
    };
    if body.ends_with('.') {
        return false;
    }
    if body.ends_with(char::is_whitespace) {
        return true;
    }
    let word = body.rsplit(char::is_whitespace).next().unwrap_or(body);
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    !(word.contains('.') || letters <= 4 || all_caps)
}

struct Problems {
    list: Vec<String>,
}

impl Problems {
    fn add(&mut self, s: impl Into<String>) {
        let s = s.into();
        if !self.list.contains(&s) {
            self.list.push(s);
        }
    }
}

/// URLs, handles and hashtags in a name.
fn links(text: &str) -> Vec<String> {
    let mut p = Problems { list: Vec::new() };
    for t in text.split_whitespace().filter(|t| is_link_token(t)) {
        let what = if t.starts_with('@') {
            "a social-media handle"
        } else if t.starts_with('#') {
            "a hashtag"
        } else {
            "a URL"
        };
        p.add(format!("{what} ('{t}')"));
    }
    p.list
}

/// Stray punctuation in a name.
fn analyse(text: &str) -> Vec<String> {
    let mut p = Problems { list: Vec::new() };
    if let Some(first) = text.chars().next() {
        let stylised_dots = text.starts_with("..") || text.starts_with('…');
        if LEADING_ORPHANS.contains(&first) && !stylised_dots {
            p.add(format!("a leading '{first}'"));
        }
    }
    if let Some(last) = text.chars().next_back() {
        if TRAILING_ORPHANS.contains(&last) {
            p.add(format!("a trailing '{last}'"));
        } else if last == '.' && is_orphan_dot(text) {
            p.add("a trailing '.'");
        } else if matches!(last, '®' | '™') {
            p.add(format!("a trailing '{last}'"));
        }
    }
    for (_, c) in unmatched_brackets(text) {
        p.add(format!("an unmatched '{c}'"));
    }
    let quotes = text.matches('"').count();
    if quotes % 2 == 1 {
        p.add("an unmatched '\"'");
    } else if quotes == 2 && text.starts_with('"') && text.ends_with('"') {
        p.add("quotes around the whole name");
    }
    for &(o, c) in PAIRS {
        if let (Some(i), Some(j)) = (find_doubled(text, o), find_doubled(text, c)) {
            if i < j {
                p.add(format!("doubled brackets '{o}{o}…{c}{c}'"));
            }
        }
    }
    p.list
}

/// Byte offset of the first `cc` in `text`, found without building the two-character string
/// (every distinct label name is searched for every bracket pair).
fn find_doubled(text: &str, c: char) -> Option<usize> {
    text.match_indices(c)
        .map(|(i, _)| i)
        .find(|&i| text[i + c.len_utf8()..].starts_with(c))
}

/// The name with the reported punctuation removed.
fn cleaned(text: &str) -> String {
    let mut s: String = text
        .split_whitespace()
        .filter(|t| !is_link_token(t))
        .collect::<Vec<_>>()
        .join(" ");
    for (o, c) in PAIRS {
        let (oo, cc) = (format!("{o}{o}"), format!("{c}{c}"));
        if s.contains(&oo) && s.contains(&cc) {
            s = s.replace(&oo, &o.to_string()).replace(&cc, &c.to_string());
        }
    }
    if s.matches('"').count() % 2 == 1 || (s.matches('"').count() == 2 && s.starts_with('"') && s.ends_with('"')) {
        s = s.replace('"', "");
    }
    loop {
        let before = s.clone();
        let t = s.trim();
        let t = t.trim_end_matches(['®', '™']);
        let t = if t.starts_with("..") || t.starts_with('…') {
            t
        } else {
            t.trim_start_matches(LEADING_ORPHANS)
        };
        let mut t = t.trim_end_matches(TRAILING_ORPHANS).to_string();
        if t.ends_with('.') && is_orphan_dot(&t) {
            t.pop();
        }
        // Unmatched brackets: drop a stray closer or a trailing opener; close an opener.
        let bad = unmatched_brackets(&t);
        if let Some(&(i, c)) = bad.first() {
            if let Some(close) = closer_of(c).filter(|_| i + c.len_utf8() < t.len()) {
                t.push(close);
            } else {
                t.replace_range(i..i + c.len_utf8(), "");
            }
        }
        s = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if s == before {
            break;
        }
    }
    s
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let names = cx.label_names();
    // Judged once per distinct value: a batch repeats a few label names on every release.
    let verdicts = names.map_values(|_, text| judge(text));
    for (name, v, text) in names.iter() {
        let Some((what, help, fix)) = &verdicts[v] else {
            continue;
        };
        out.push(
            RULE.finding(name.text.elem, name.text.span, format!("label name '{text}' {what}"))
                .with_help(help.clone())
                .with_fix_opt(fix.clone()),
        );
    }
}

/// What is wrong with a label name (in display form): the message's tail, help and fix.
fn judge(text: &str) -> Option<(String, String, Option<Fix>)> {
    let (punct, links) = (analyse(text), links(text));
    let what = match (punct.is_empty(), links.is_empty()) {
        (true, true) => return None,
        (false, true) => format!("has stray punctuation: {}", punct.join(", ")),
        (true, false) => format!("contains {}, which stores do not accept in metadata", links.join(", ")),
        (false, false) => format!(
            "has stray punctuation ({}) and contains {}, which stores do not accept in metadata",
            punct.join(", "),
            links.join(", ")
        ),
    };
    let fixed = cleaned(text);
    let fix = (!fixed.is_empty() && fixed != text).then(|| Fix::suggest(fixed.clone()));
    let help = match &fix {
        Some(_) => format!("remove what is not part of the name: '{fixed}'"),
        None => "remove what is not part of the name".to_string(),
    };
    Some((what, help, fix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_doubled_characters() {
        for text in ["((x))", "a (( b", "«« »»", "x(y((", "", "(", "é((é"] {
            for c in ['(', '«', ')'] {
                assert_eq!(find_doubled(text, c), text.find(&format!("{c}{c}")), "{text} {c}");
            }
        }
    }

    #[test]
    fn finds_and_cleans() {
        assert_eq!(
            analyse("- Éditions Mouvantes)"),
            vec!["a leading '-'", "an unmatched ')'"]
        );
        assert_eq!(cleaned("- Éditions Mouvantes)"), "Éditions Mouvantes");
        assert_eq!(cleaned(" Self Released)"), "Self Released");
        assert_eq!(cleaned("((Cave)) Recordings"), "(Cave) Recordings");
        assert_eq!(cleaned("\"Nordlys Plater\""), "Nordlys Plater");
        assert_eq!(cleaned("Nordlys Plater™"), "Nordlys Plater");
        assert_eq!(cleaned("Nordlys Plater (Oslo"), "Nordlys Plater (Oslo)");
        assert_eq!(cleaned("Nordlys Plater www.nordlys.no"), "Nordlys Plater");
        assert_eq!(cleaned("Nordlys Plater @nordlys"), "Nordlys Plater");
        assert_eq!(cleaned("Nordlys Plater www.nordlys.com"), "Nordlys Plater");
        assert_eq!(cleaned("Nordlys Records."), "Nordlys Records");
        for ok in [
            "[PIAS]",
            "[ŁĄKA]",
            "Warner Bros.",
            "EMI MUSIC JAPAN INC.",
            "Universal Music Italia srL.",
            "Label (UK)",
            "!K7 Records",
            "Warner Bros./Nashville",
            "„Quote“ Records",
            "“Quote” Records",
            "Universal Music S.A.",
            "...Records",
            "Lion's Den",
            "Roc-A-Fella",
            "Sony Music Entertainment Inc.",
        ] {
            assert!(
                analyse(ok).is_empty() && links(ok).is_empty(),
                "{ok}: {:?}",
                analyse(ok)
            );
        }
        assert!(!links("Label @nordlys").is_empty());
        assert!(!links("#unknown#").is_empty());
        assert!(links("Label @ Home").is_empty());
        assert!(!analyse("Records -").is_empty());
    }
}
