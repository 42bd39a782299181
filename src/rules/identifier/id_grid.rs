use crate::ern::IdKind;
use crate::finding::{Finding, Severity};
use crate::ids::check_grid;
use crate::rules::{Category, Check, Context, FixClass, Rule};

use super::{check_format, IdFormat};

pub static RULE: Rule = Rule {
    id: "id-grid",
    category: Category::Identifier,
    severity: Severity::Error,
    fix: FixClass::Suggest,
    summary: "a GRid that is not A1 + 16 characters with a valid check character",
    doc: r#"## What it does
Checks every GRid (Global Release Identifier, `ReleaseId/GRid`). A GRid is 18 characters:
`A1`, a 5-character issuer code, a 10-character release number and an ISO 7064 MOD 37,36
check character, e.g. `A12425GABC1234002M`. Reported:
- hyphens, spaces or lowercase letters (`A1-2425G-ABC1234002-M` is how a GRid is shown to
  people, not how it is written in a message);
- a value of the wrong length, not starting with `A1`, or with characters other than
  letters and digits;
- a check character that does not match: a mistyped or made-up GRid;
- an empty `GRid` element.

## Why
A GRid identifies the release across its whole digital supply chain; receivers compare it
character for character, so a hyphenated, lowercase or mistyped GRid does not match the one
the issuer registered. The ERN schema types GRid as a plain string.

## Example
```xml
<ReleaseId><GRid>A1-2425G-ABC1234002-M</GRid></ReleaseId>
```

## Use instead
```xml
<ReleaseId><GRid>A12425GABC1234002M</GRid></ReleaseId>
```

## Fix
Never applied. A GRid with only hyphens, spaces or lowercase letters wrong gets its clean
form as a suggestion; a wrong check character gets the value with the right one as a
suggestion, but the typo may be in any other character, so check with the GRid's issuer."#,
    check: Check::Item(check),
};

static FORMAT: IdFormat = IdFormat {
    rule: &RULE,
    kind: IdKind::Grid,
    name: "GRid",
    check: check_grid,
    wanted: "18 characters, uppercase, without hyphens or spaces",
    // rules.md: no fix for GRids, so even formatting is only proposed.
    safe: None,
    write_help: "write the GRid as issued: 'A1' followed by 16 letters or digits, e.g. A12425GABC1234002M",
    verify_help: "Check it with whoever issued the GRid",
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    check_format(cx, out, &FORMAT);
}
