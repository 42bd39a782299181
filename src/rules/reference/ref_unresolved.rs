use super::Target;
use crate::finding::{Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};

pub static RULE: Rule = Rule {
    id: "ref-unresolved",
    category: Category::Reference,
    severity: Severity::Error,
    fix: FixClass::No,
    summary: "a reference that names no party, resource or release of the message",
    doc: r#"## What it does
Checks that every reference resolves inside the message: `ReleaseLabelReference`,
`ArtistPartyReference`, `ContributorPartyReference` and every other `…PartyReference` to a
`Party/PartyReference`; `ReleaseResourceReference`, `LinkedReleaseResourceReference`,
`ResourceContainedResourceReference` and `DealResourceReference` to a resource's
`ResourceReference`; `DealReleaseReference` to a `ReleaseReference`.

## Why
The ERN schema types these as `xs:IDREF`, but DDEX puts them in element content, where XSD
validators do not check them: an XSD-valid message can point at a label or artist that does
not exist. The DSP then shows no label (search by label loses the release) or drops the track.

## Example
```xml
<ReleaseLabelReference>PKaleidoskop</ReleaseLabelReference>
<!-- no Party has PartyReference PKaleidoskop -->
```

## Use instead
```xml
<Party>
  <PartyReference>PKaleidoskop</PartyReference>
  <PartyName><FullName>Kaleidoskop Records</FullName></PartyName>
</Party>
```

## Fix
None: which item was meant cannot be known."#,
    // Whole message: matches every reference against every definition.
    check: Check::Whole(check),
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (r, target) in cx.feed.refs.iter().zip(cx.ref_targets()) {
        match target {
            Target::Defined(_) => {}
            Target::Empty => out.push(RULE.finding(
                r.text.elem,
                r.text.span,
                format!("<{}> is empty: it names no {}", r.element, r.kind.noun()),
            )),
            Target::Unresolved => out.push(
                RULE.finding(
                    r.text.elem,
                    r.text.span,
                    format!(
                        "<{}> '{}' names no {} of this message",
                        r.element,
                        super::trim(&r.text.value),
                        r.kind.noun()
                    ),
                )
                .with_help(format!(
                    "define a {} with this reference, or correct the reference",
                    r.kind.noun()
                )),
            ),
        }
    }
}
