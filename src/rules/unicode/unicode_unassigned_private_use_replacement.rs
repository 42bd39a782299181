use crate::text::FastUnicode;
use unicode_properties::GeneralCategory;

use super::fieldtext::non_ascii_texts;
use super::textlang::code_point;
use crate::finding::{Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};
use crate::text::{is_noncharacter, is_private_use};

pub static RULE: Rule = Rule {
    id: "unicode-unassigned-private-use-replacement",
    category: Category::Unicode,
    severity: Severity::Error,
    fix: FixClass::No,
    summary: "U+FFFD replacement characters, private-use characters or unassigned code points",
    doc: r#"## What it does
Reports a title, artist name, label name or P/C line that contains:
- U+FFFD REPLACEMENT CHARACTER (`�`), which a converter writes in place of a character it
  could not read;
- a private-use character (U+E000–U+F8FF, planes 15 and 16), which has no standard meaning;
- a noncharacter (U+FDD0–U+FDEF, U+FFFE, U+FFFF and the last two code points of every plane);
- a code point that is not assigned in the Unicode version ddexlint's character data follows
  (general category `Cn`, Unicode 18.0).

## Why
U+FFFD means the original character is already gone: the text went through a wrong encoding
conversion and someone has to retype it from the source. A private-use character shows as an
empty box, or as a vendor's own symbol (U+F8FF is the Apple logo on Apple devices only), and
cannot be searched. Unassigned code points and noncharacters are not text at all: stores
reject them or show boxes.

## Example
```xml
<TitleText>Sølvtrykk Plater �</TitleText>
<DisplayArtistName>Ane Fjell &#xF8FF;</DisplayArtistName>
```

## Use instead
```xml
<TitleText>Sølvtrykk Plater</TitleText>
<DisplayArtistName>Ane Fjell</DisplayArtistName>
```

## Fix
None: the intended character cannot be known. Retype the value from the original source.
(Text that is readable but garbled, such as `CafÃ©`, is `unicode-mojibake`.)"#,
    check: Check::Item(check),
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Bad {
    Replacement,
    PrivateUse,
    Noncharacter,
    Unassigned,
}

/// The first code point [`classify`] can report: U+0000–U+0377 are all assigned.
const FIRST_UNASSIGNED: char = '\u{0378}';

fn classify(c: char) -> Option<Bad> {
    if c == '\u{FFFD}' {
        Some(Bad::Replacement)
    } else if is_private_use(c) {
        Some(Bad::PrivateUse)
    } else if is_noncharacter(c) {
        Some(Bad::Noncharacter)
    } else if c.general_category_fast() == GeneralCategory::Unassigned {
        Some(Bad::Unassigned)
    } else {
        None
    }
}

fn describe(bad: Bad, c: char) -> String {
    let (major, minor, _) = unicode_properties::UNICODE_VERSION;
    match bad {
        Bad::Replacement => {
            "U+FFFD REPLACEMENT CHARACTER: a character was lost in an encoding conversion".to_string()
        }
        Bad::PrivateUse => format!(
            "the private-use character {}, which has no standard meaning and shows as an empty box or a vendor-specific symbol",
            code_point(c)
        ),
        Bad::Noncharacter => format!("{}, a noncharacter that is never valid in exchanged text", code_point(c)),
        Bad::Unassigned => format!(
            "{}, a code point not assigned in Unicode {major}.{minor}",
            code_point(c)
        ),
    }
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    // Every character below U+0378 is assigned and standard (lead bytes below 0xCD are).
    for (field, t, facts) in non_ascii_texts(cx) {
        if !facts.may_have_wide(
            |c| c >= FIRST_UNASSIGNED && classify(c).is_some(),
            |b| b.has_in(0xCD, 0xFF),
        ) {
            continue;
        }
        let value = t.value();
        let found: Vec<(Bad, char)> = value
            .chars()
            .filter(|&c| c >= FIRST_UNASSIGNED)
            .filter_map(|c| classify(c).map(|b| (b, c)))
            .collect();
        let Some(&(bad, c)) = found.first() else { continue };
        let more = match found.len() - 1 {
            0 => String::new(),
            1 => " (and 1 more such character)".to_string(),
            n => format!(" (and {n} more such characters)"),
        };
        let help = match bad {
            Bad::Replacement => "retype the value from the original source: the lost character cannot be recovered",
            _ => "replace or remove the character: DSPs cannot display or search it",
        };
        out.push(
            RULE.finding(
                t.text.elem,
                t.text.span,
                format!(
                    "the {} '{value}' contains {}{more}",
                    cx.nouns().of(field, t),
                    describe(bad, c)
                ),
            )
            .with_help(help),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_to_report_below_the_first_unassigned() {
        for c in (0u32..FIRST_UNASSIGNED as u32).filter_map(char::from_u32) {
            assert!(classify(c).is_none(), "U+{:04X}", c as u32);
        }
        assert!(classify(FIRST_UNASSIGNED).is_some());
    }
}
