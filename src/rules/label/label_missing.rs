use crate::ern::ReleaseKind;
use crate::finding::{Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};

pub static RULE: Rule = Rule {
    id: "label-missing",
    category: Category::Label,
    severity: Severity::Error,
    fix: FixClass::No,
    summary: "a release with no label at all",
    doc: r#"## What it does
Reports a release that carries no label: in ERN 4 a `Release` or `TrackRelease` without any
`ReleaseLabelReference`; in ERN 3 a `Release` none of whose `ReleaseDetailsByTerritory`
carries a `LabelName` (DDEX Release Profile rule 1766-1). A reference that points nowhere is
`ref-unresolved`, not this rule. Stub releases of deal-only messages (ERN 3 releases with a
`ResourceOmissionReason`, as in takedowns and price changes) are left alone.

## Why
Search by label, label pages and label-based royalty and playlist tools all start from the
release's label. A release without one is invisible to anyone browsing the label, and DSPs
may reject it (RP 1766-1 is a *Fatal Error*).

## Example
```xml
<ReleaseDetailsByTerritory>
  <TerritoryCode>Worldwide</TerritoryCode>
  <DisplayArtistName>Saeko Shu</DisplayArtistName>
</ReleaseDetailsByTerritory>
```

## Use instead
```xml
<ReleaseDetailsByTerritory>
  <TerritoryCode>Worldwide</TerritoryCode>
  <DisplayArtistName>Saeko Shu</DisplayArtistName>
  <LabelName>Kaleidoskop Records</LabelName>
</ReleaseDetailsByTerritory>
```

## Fix
None: only the label knows its name."#,
    check: Check::Item(check),
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for r in &cx.feed.releases {
        if !r.labels.is_empty() || r.resources_omitted {
            continue;
        }
        let what = match r.kind {
            ReleaseKind::Release => "release",
            ReleaseKind::TrackRelease => "track release",
        };
        let name = r
            .reference
            .as_ref()
            .map(|t| format!(" {}", t.value.trim()))
            .unwrap_or_default();
        if cx.feed.version.is_ern4() {
            out.push(
                RULE.finding(r.elem, r.tag_span, format!("{what}{name} has no ReleaseLabelReference"))
                    .with_help("add a ReleaseLabelReference to the label's Party"),
            );
        } else {
            // ERN 3: point at the ReleaseDetailsByTerritory that should hold the LabelName.
            let (anchor, span) = r
                .display
                .details
                .first()
                .map_or((r.elem, r.tag_span), |d| (d.elem, d.tag_span));
            out.push(
                RULE.finding(
                    anchor,
                    span,
                    format!("{what}{name} has no LabelName in any ReleaseDetailsByTerritory"),
                )
                .with_help("add <LabelName> to the default (first) ReleaseDetailsByTerritory"),
            );
        }
    }
}
