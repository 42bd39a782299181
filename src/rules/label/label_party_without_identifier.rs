use crate::finding::{Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};

use super::names::display_form;

pub static RULE: Rule = Rule {
    id: "label-party-without-identifier",
    category: Category::Label,
    severity: Severity::Info,
    fix: FixClass::No,
    summary: "ERN 4: a label party with no DPID, ISNI or ProprietaryId",
    doc: r#"## What it does
ERN 4 only: reports, for information, a `Party` that a `ReleaseLabelReference` points at and
that carries no `PartyId` (no `DPID`, `ISNI` nor `ProprietaryId`). Parties referenced only by
stub releases (deal-only messages) are left alone.

## Why
Labels are not named uniquely: different labels share a name, and one label appears under
several spellings. An identifier lets the recipient (and ddexlint's own variant checks) tie
the label to one entity whatever its spelling. ERN 4 parties can carry an ISNI, a DPID or a
proprietary ID for this. No DSP documents that label identifiers feed its label search; the
gain is consistency on the sender's and recipient's side.

## Example
```xml
<Party>
  <PartyReference>PLabel</PartyReference>
  <PartyName><FullName>Kallisto Records</FullName></PartyName>
</Party>
```

## Use instead
```xml
<Party>
  <PartyReference>PLabel</PartyReference>
  <PartyName><FullName>Kallisto Records</FullName></PartyName>
  <PartyId><ProprietaryId Namespace="DPID:PADPIDA3897722461G">KALLISTO-001</ProprietaryId></PartyId>
</Party>
```

## Fix
None: only the label or its distributor knows its identifiers."#,
    check: Check::Item(check),
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let feed = cx.feed;
    if !feed.version.is_ern4() {
        return;
    }
    for &(party, reference) in cx.label_parties() {
        let has_id = feed
            .identifiers_of(&party.ids)
            .any(|id| !id.text.value.trim().is_empty());
        if has_id {
            continue;
        }
        let name = party
            .names
            .iter()
            .find_map(|n| n.full_name.as_ref())
            .map(|f| format!(" ('{}')", display_form(f.value())))
            .unwrap_or_default();
        out.push(
                RULE.finding(
                    party.elem,
                    party.tag_span,
                    format!("label party {}{name} has no PartyId (DPID, ISNI or ProprietaryId)", reference.value.trim()),
                )
                .with_help("add a <PartyId> with the label's DPID, ISNI or your proprietary label ID, so the label can be matched whatever its spelling"),
            );
    }
}
