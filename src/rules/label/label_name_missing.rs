use crate::finding::{Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};

pub static RULE: Rule = Rule {
    id: "label-name-missing",
    category: Category::Label,
    severity: Severity::Error,
    fix: FixClass::No,
    summary: "ERN 4: a label party with identifiers but no PartyName/FullName",
    doc: r#"## What it does
ERN 4 only: reports a `Party` that a `ReleaseLabelReference` points at but that has no
`PartyName/FullName`, typically a party that carries only a `PartyId` (DPID, ISNI or a
proprietary ID). Parties referenced only by stub releases (deal-only messages) are left alone.
A `FullName` that is present but empty is `struct-empty-or-invisible-text`; a reference that
names no party is `ref-unresolved`.

## Why
DSPs display and index the label by its name. An identifier alone cannot be shown on a
release page or matched by label search, so the release ends up with no visible label, as if
`label-missing` had fired.

## Example
```xml
<Party>
  <PartyReference>PLabel</PartyReference>
  <PartyId><DPID>PADPIDA3897722461G</DPID></PartyId>
</Party>
```

## Use instead
```xml
<Party>
  <PartyReference>PLabel</PartyReference>
  <PartyName><FullName>Kaleidoskop Records</FullName></PartyName>
  <PartyId><DPID>PADPIDA3897722461G</DPID></PartyId>
</Party>
```

## Fix
None: only the label knows its name."#,
    check: Check::Item(check),
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let feed = cx.feed;
    if !feed.version.is_ern4() {
        return;
    }
    for &(party, reference) in cx.label_parties() {
        if party.names.iter().any(|n| n.full_name.is_some()) {
            continue;
        }
        let what = if party.names.is_empty() {
            "no PartyName"
        } else {
            "a PartyName without FullName"
        };
        let ids = if party.ids.is_empty() {
            ""
        } else {
            " (only identifiers)"
        };
        out.push(
            RULE.finding(
                party.elem,
                party.tag_span,
                format!(
                    "label party {} has {what}{ids}: DSPs cannot display the label or find the release by it",
                    reference.value.trim()
                ),
            )
            .with_help(
                "add <PartyName><FullName>…</FullName></PartyName> with the label's name as it should appear on DSPs",
            ),
        );
    }
}
