use crate::ern::IdKind;
use crate::finding::{Finding, Severity};
use crate::ids::check_icpn;
use crate::rules::{Category, Check, Context, FixClass, Rule};

use super::{check_format, IdFormat};

pub static RULE: Rule = Rule {
    id: "id-icpn-check-digit",
    category: Category::Identifier,
    severity: Severity::Error,
    fix: FixClass::Safe,
    summary: "an ICPN (UPC/EAN) with a wrong length, non-digits or a wrong check digit",
    doc: r#"## What it does
Checks every ICPN (the release's UPC or EAN bar code, `ReleaseId/ICPN`). An ICPN is 12
digits (UPC), 13 (EAN/JAN), or 8 or 14 (other GTINs), and its last digit is the GS1 mod-10
check digit of the others. Reported:
- spaces or separators inside the number (`0 36000 29145 2`, `5-901234-123457`), or invisible
  characters pasted along with it;
- letters or other characters;
- a wrong number of digits; 11 digits is usually a UPC whose leading zero a spreadsheet
  dropped, and the zero-padded value is proposed when its check digit is right;
- a check digit that does not match: a mistyped or made-up bar code;
- an empty `ICPN` element.

## Why
DSPs and retailers key releases by their bar code; many reject a release whose UPC/EAN fails
its check digit, and a wrong one points royalties and sales reports at another product.
Leading zeros are part of the code: `036000291452` and `36000291452` are different strings.
The ERN schema types ICPN as a plain string, so schema validation lets all of this through.

## Example
```xml
<ReleaseId><ICPN>00094631432053</ICPN></ReleaseId>
```

## Use instead
```xml
<ReleaseId><ICPN>00094631432057</ICPN></ReleaseId>
```

## Fix
Safe when only spaces, separators or invisible characters are wrong: `--fix` writes the bare
digits (not when the element's text is split by a comment; then the clean value is only
proposed). A wrong check digit gets the value with the right one as a suggestion, never
applied: the typo may be in any other digit, so compare with the bar code registered for the
product."#,
    check: Check::Item(check),
};

static FORMAT: IdFormat = IdFormat {
    rule: &RULE,
    kind: IdKind::Icpn,
    name: "ICPN",
    check: check_icpn,
    wanted: "the bare digits",
    // `check_icpn` cleans only spaces and separators, which rules.md names as safe.
    safe: Some(|_, _| true),
    write_help: "write the release's UPC (12 digits) or EAN (13 digits) with its leading zeros, as registered for \
                 the product",
    verify_help: "Compare it with the bar code registered for the product",
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    check_format(cx, out, &FORMAT);
}
