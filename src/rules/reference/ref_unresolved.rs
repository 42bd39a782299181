use super::Target;
use crate::ern::{RefKind, RefUse};
use crate::finding::{Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, MessageRule, Rule};

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
    // Whole message: matches every reference against every definition. Carries the
    // references that point past the segments read so far and its findings; the first
    // definition of each resource and release value is in the message's ledger, which the
    // reference rules share (the parties are in every segment).
    check: Check::Message(start),
};

fn start<'a>(_: &Context<'_, 'a>) -> Box<dyn MessageRule<'a> + 'a> {
    Box::<Unresolved>::default()
}

#[derive(Default)]
struct Unresolved<'a> {
    /// References to a resource or release defined in no segment read so far.
    pending: Vec<RefUse<'a>>,
    found: Vec<Finding>,
}

impl<'a> Unresolved<'a> {
    /// Judges the references inside (`inside`) or outside the content items.
    fn judge(&mut self, cx: &Context<'_, 'a>, inside: bool) {
        let defined = cx.content_definitions();
        let refs = cx.feed.refs.iter().zip(cx.ref_targets()).zip(cx.refs_in_content());
        for ((r, target), _) in refs.filter(|(_, &within)| within == inside) {
            match target {
                Target::Defined(_) => {}
                Target::Empty => self.found.push(empty(r)),
                Target::Unresolved if r.kind == RefKind::Party => self.found.push(unresolved(r)),
                Target::Unresolved => {
                    if defined.first(r.kind, super::trim(&r.text.value)).is_none() {
                        self.pending.push(r.clone());
                    }
                }
            }
        }
    }
}

impl<'a> MessageRule<'a> for Unresolved<'a> {
    fn collect(&mut self, cx: &Context<'_, 'a>) {
        self.judge(cx, true);
    }

    fn finish(mut self: Box<Self>, cx: &Context<'_, 'a>, out: &mut Vec<Finding>) {
        self.judge(cx, false);
        out.extend(self.found);
        let defined = cx.content_definitions();
        for r in &self.pending {
            if defined.first(r.kind, super::trim(&r.text.value)).is_none() {
                out.push(unresolved(r));
            }
        }
    }
}

fn empty(r: &RefUse) -> Finding {
    RULE.finding(
        r.text.elem,
        r.text.span,
        format!("<{}> is empty: it names no {}", r.element, r.kind.noun()),
    )
}

fn unresolved(r: &RefUse) -> Finding {
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
    ))
}
