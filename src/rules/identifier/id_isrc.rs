use crate::ern::IdKind;
use crate::finding::{Finding, Severity};
use crate::ids::check_isrc;
use crate::rules::{Category, Check, Context, FixClass, Rule};

use super::{check_format, IdFormat};

pub static RULE: Rule = Rule {
    id: "id-isrc",
    category: Category::Identifier,
    severity: Severity::Error,
    fix: FixClass::Safe,
    summary: "an ISRC that is not 12 bare characters with a valid country code",
    doc: r#"## What it does
Checks every ISRC of the message (ERN 4 `ResourceId/ISRC`, ERN 3 `SoundRecordingId/ISRC`,
`VideoId/ISRC` and `ReleaseId/ISRC`). An ISRC is 12 characters: a two-letter country code,
three letters or digits for the registrant, two digits for the year and five digits for the
recording, e.g. `GBABC2400012`. Reported:
- formatting: hyphens, spaces or other separators (`GB-ABC-24-00012`), lowercase letters,
  an `ISRC` or `ISRC:` prefix, invisible characters pasted along with the value;
- a value of the wrong length or shape, or characters an ISRC cannot hold;
- a country code that is neither an ISO 3166 code nor one the ISRC system adds (`FX`, `QM`,
  `QZ`, `UK`, `CP`, `DG`, `ZZ` of DDEX RP rule 1011-2, the extra prefixes IFPI gave to
  agencies, and the former `CS` and `YU`);
- an empty `ISRC` element.

An ISRC has no check character, so a typo in the registrant or the number cannot be seen.

## Why
DSPs, collecting societies and chart companies match recordings by ISRC, character for
character. The ISRC standard says the prefix, hyphens and spaces "should never be considered
part" of the code, but a receiver that compares strings sees `GB-ABC-24-00012` and
`GBABC2400012` as two recordings: plays and royalties end up on an unmatched record. The ERN
schema types ISRC as a plain string ("DDEX will enforce the syntax … in the future"), so
schema validation lets all of this through.

## Example
```xml
<ResourceId><ISRC>gb-abc-24-00012</ISRC></ResourceId>
```

## Use instead
```xml
<ResourceId><ISRC>GBABC2400012</ISRC></ResourceId>
```

## Fix
Safe when only separators, spaces (invisible characters such as zero-width spaces count as
spaces), letter case or an `ISRC` prefix are wrong: `--fix` writes the 12 bare characters
(not when the element's text is split by a comment; then the clean value is only proposed).
Nothing is proposed for a wrong shape or country code: only the label's ISRC registry knows
the right code."#,
    check: Check::Item(check),
};

static FORMAT: IdFormat = IdFormat {
    rule: &RULE,
    kind: IdKind::Isrc,
    name: "ISRC",
    check: check_isrc,
    wanted: "the 12 bare characters",
    // Every formatting problem `check_isrc` cleans is one rules.md names as safe.
    safe: Some(|_, _| true),
    write_help: "write the ISRC the recording was registered with: 2-letter country code, 3 letters or digits, \
                 2-digit year, 5 digits, e.g. GBABC2400012",
    verify_help: "Check it against the label's ISRC registry",
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    check_format(cx, out, &FORMAT);
}
