use super::fieldtext::{char_label, field, non_ascii_texts, position, Hits};
use crate::finding::{Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};

pub static RULE: Rule = Rule {
    id: "unicode-bidi-controls",
    category: Category::Unicode,
    severity: Severity::Error,
    fix: FixClass::No,
    summary: "bidi embedding, override or isolate controls (U+202A–U+202E, U+2066–U+2069)",
    doc: r#"## What it does
Reports the bidirectional formatting controls U+202A LEFT-TO-RIGHT EMBEDDING, U+202B
RIGHT-TO-LEFT EMBEDDING, U+202C POP DIRECTIONAL FORMATTING, U+202D LEFT-TO-RIGHT OVERRIDE,
U+202E RIGHT-TO-LEFT OVERRIDE and the isolates U+2066–U+2069 in titles, names and P/C lines,
and says when they are not balanced (an embedding or isolate left open, or a pop with nothing
to close).

The marks U+200E LRM, U+200F RLM and U+061C ALM are not reported here: in right-to-left text
they can be needed, and in left-to-right text they are `unicode-invisible-format-characters`.

## Why
Overrides make text display in an order different from the order it is stored in (the
"Trojan Source" technique, CVE-2021-42574): `⟨U+202E⟩ivlaT` shows as `Talvi` but is not
`Talvi` to search or matching. Embeddings and isolates are invisible, make values that look
identical compare unequal, and an unbalanced one changes how whatever a DSP displays next to
the field (an artist name, a track number) is laid out. A DSP lays out each field on its
own; a title that needs direction help uses the marks RLM/LRM instead.

## Example
```xml
<TitleText>⟨U+202E⟩ivlaT</TitleText>
<FullName>⟨U+202B⟩נועה ברק⟨U+202C⟩</FullName>
```

## Use instead
```xml
<TitleText>Talvi</TitleText>
<FullName>נועה ברק</FullName>
```

## Fix
None: the characters may encode display order that the stored text does not, so the right
value needs a person who can read it."#,
    check: Check::Item(check),
};

const CONTROLS: [char; 9] = [
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
];

fn is_embedding_or_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether the controls of `s` are unbalanced: an embedding/override or isolate that is never
/// closed, or a PDF/PDI with nothing open.
fn unbalanced(s: &str) -> bool {
    // Stack of openers: false = embedding/override, true = isolate.
    let mut stack: Vec<bool> = Vec::new();
    for c in s.chars() {
        match c {
            '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' => stack.push(false),
            '\u{2066}'..='\u{2068}' => stack.push(true),
            '\u{202C}' => {
                if stack.last() != Some(&false) {
                    return true;
                }
                stack.pop();
            }
            '\u{2069}' => {
                // PDI also closes embeddings opened inside the isolate.
                let Some(at) = stack.iter().rposition(|&iso| iso) else {
                    return true;
                };
                stack.truncate(at);
            }
            _ => {}
        }
    }
    !stack.is_empty()
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (kind, loc, facts) in non_ascii_texts(cx) {
        if !facts.may_have_any(&CONTROLS) {
            continue;
        }
        let text = &loc.text;
        let s: &str = &text.value;
        if !s.chars().any(is_embedding_or_override) {
            continue;
        }
        let mut hits = Hits::default();
        for (i, c) in s.char_indices().filter(|&(_, c)| is_embedding_or_override(c)) {
            hits.add(char_label(c), position(s, i));
        }
        let mut message = format!("{} of {}", hits.describe(), field(cx, kind, text));
        if unbalanced(s) {
            message.push_str(" (not balanced)");
        }
        let help = if s.contains(['\u{202D}', '\u{202E}']) {
            "remove it and store the text in reading order: an override makes the displayed text differ from the stored one"
        } else {
            "remove it; if right-to-left text needs direction help, use U+200F RIGHT-TO-LEFT MARK"
        };
        out.push(RULE.finding(text.elem, text.span, message).with_help(help));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balance() {
        assert!(!unbalanced("\u{202B}נועה\u{202C}"));
        assert!(unbalanced("\u{202E}Talvi"));
        assert!(unbalanced("Talvi\u{202C}"));
        assert!(!unbalanced("\u{2067}\u{202B}x\u{2069}"));
        assert!(unbalanced("\u{2069}"));
    }
}
