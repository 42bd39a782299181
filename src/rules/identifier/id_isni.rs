use crate::ern::IdKind;
use crate::finding::{Finding, Severity};
use crate::ids::{check_isni, is_invisible};
use crate::rules::{Category, Check, Context, FixClass, Rule};

use super::{check_format, IdFormat};

pub static RULE: Rule = Rule {
    id: "id-isni",
    category: Category::Identifier,
    severity: Severity::Error,
    fix: FixClass::Safe,
    summary: "an ISNI that is not 15 digits + a valid check character",
    doc: r#"## What it does
Checks every ISNI (International Standard Name Identifier) of a party: ERN 4
`PartyId/ISNI`, ERN 3 `PartyId IsISNI="true"`. An ISNI is 16 characters: 15 digits and an
ISO 7064 MOD 11-2 check character (a digit or `X`), e.g. `0000000121032683`. Reported:
- the display form: spaces (`0000 0001 2103 2683`), an `ISNI` prefix, hyphens, an isni.org
  URL, a lowercase `x`;
- a value of the wrong length or with characters other than digits and a final `X`;
- a check character that does not match: a mistyped ISNI, or another number (an IPI, an
  internal ID) in the ISNI field;
- an empty `ISNI` element.

## Why
ISNIs tell apart artists and labels that share a name; DSPs and rights databases use them
to attach a release to the right artist or label page. They compare the bare 16
characters, so a display form or a mistyped ISNI links to nobody, or to someone else. The
ERN schema types ISNI as a plain string.

## Example
```xml
<PartyId><ISNI>ISNI 0000 0001 2103 2683</ISNI></PartyId>
```

## Use instead
```xml
<PartyId><ISNI>0000000121032683</ISNI></PartyId>
```

## Fix
Safe when only spaces (invisible characters such as zero-width spaces count as spaces) or an
`ISNI` prefix are wrong: `--fix` writes the 16 bare characters (not when the element's text
is split by a comment). Hyphens, an isni.org URL or a lowercase `x` get the clean form as a
suggestion only. A wrong check character gets the value with the right one as a suggestion,
never applied: look the party up on isni.org."#,
    check: Check::Item(check),
};

static FORMAT: IdFormat = IdFormat {
    rule: &RULE,
    kind: IdKind::Isni,
    name: "ISNI",
    check: check_isni,
    wanted: "the 16 bare characters",
    safe: Some(only_spaces_or_label),
    write_help: "write the party's ISNI as found on isni.org: 15 digits and a check digit or X, e.g. \
                 0000000121032683",
    verify_help: "Look the party up on isni.org",
};

/// Whether `normalized` is `raw` without its spaces (and invisible characters) and an
/// `ISNI` / `ISNI:` label: the formatting rules.md lets `--fix` repair.
fn only_spaces_or_label(raw: &str, normalized: &str) -> bool {
    let bare: String = raw
        .chars()
        .filter(|&c| !c.is_whitespace() && !is_invisible(c))
        .collect();
    let unlabelled = match bare.get(..4) {
        Some(label) if label.eq_ignore_ascii_case("ISNI") => {
            let rest = &bare[4..];
            rest.strip_prefix(':').unwrap_or(rest)
        }
        _ => &bare,
    };
    unlabelled == normalized
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    check_format(cx, out, &FORMAT);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_spaces_and_the_label_are_safe() {
        let n = "0000000121032683";
        assert!(only_spaces_or_label("ISNI 0000 0001 2103 2683", n));
        assert!(only_spaces_or_label(" isni: 0000000121032683\n", n));
        assert!(only_spaces_or_label("0000\u{200B}000121032683", n));
        assert!(!only_spaces_or_label("0000-0001-2103-2683", n));
        assert!(!only_spaces_or_label("https://isni.org/isni/0000000121032683", n));
        assert!(!only_spaces_or_label("000000021694233x", "000000021694233X"));
    }
}
