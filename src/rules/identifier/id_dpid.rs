use crate::ern::IdKind;
use crate::finding::{Finding, Severity};
use crate::ids::check_dpid;
use crate::rules::{Category, Check, Context, FixClass, Rule};

use super::{check_format, IdFormat};

pub static RULE: Rule = Rule {
    id: "id-dpid",
    category: Category::Identifier,
    severity: Severity::Error,
    fix: FixClass::Suggest,
    summary: "a DPID that is not PADPIDA + 10 characters with a valid check character",
    doc: r#"## What it does
Checks every DPID (DDEX Party Identifier): the `PartyId` of the message sender, recipient
and `SentOnBehalfOf` (ERN 4; ERN 3 when flagged `IsDPID` or starting with `PADPIDA`), and
party identifiers (ERN 4 `PartyId/DPID`, ERN 3 `PartyId IsDPID="true"`). A DPID is 18
characters: `PADPIDA`, a 10-character party number and an ISO 7064 MOD 37,36 check
character, e.g. `PADPIDA2013042401U`. Reported:
- hyphens, spaces or lowercase letters (`PA-DPIDA-3897722461-G` is how the DDEX Knowledge
  Base shows a DPID to people, not how it is written in a message);
- a value of the wrong length, not starting with `PADPIDA`, or with characters other than
  letters and digits;
- a check character that does not match. Example DPIDs copied from third-party
  documentation often fail it (`PADPIDA2014101001U` should end in `E`);
- an empty DPID element.

## Why
Receivers route and accept messages by the sender's and recipient's DPID, and match labels
and other parties by theirs. A DPID that is not the one DDEX issued gets the message
rejected, or attributes it to another company. The check character exists to catch typos
and made-up values before they travel.

## Example
```xml
<MessageSender>
  <PartyId>PADPIDA2014101001U</PartyId>
</MessageSender>
```

## Use instead
```xml
<MessageSender>
  <PartyId>PADPIDA2013042401U</PartyId>
</MessageSender>
```
(the DPID DDEX issued to the sender)

## Fix
Never applied. A DPID with only hyphens, spaces or lowercase letters wrong gets its clean
form as a suggestion; a wrong check character gets the value with the right one as a
suggestion, but the typo may be in any other character: look the party up in the DDEX DPID
registry."#,
    check: Check::Item(check),
};

static FORMAT: IdFormat = IdFormat {
    rule: &RULE,
    kind: IdKind::Dpid,
    name: "DPID",
    check: check_dpid,
    wanted: "18 characters, uppercase, without hyphens or spaces",
    // rules.md: no fix for DPIDs, so even formatting is only proposed.
    safe: None,
    write_help: "write the DPID DDEX issued to the party: 'PADPIDA' followed by 11 letters or digits, e.g. \
                 PADPIDA2013042401U (look it up in the DDEX DPID registry)",
    verify_help: "Look the party up in the DDEX DPID registry before changing it",
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    check_format(cx, out, &FORMAT);
}
