use super::DefinitionRole;
use crate::ern::{RefKind, Text};
use crate::finding::{Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, MessageRule, Rule};

pub static RULE: Rule = Rule {
    id: "ref-duplicate",
    category: Category::Reference,
    severity: Severity::Error,
    fix: FixClass::No,
    summary: "two parties, resources or releases share one reference",
    doc: r#"## What it does
Reports a `PartyReference`, `ResourceReference` or `ReleaseReference` that is defined twice in
one message, at the second (and every later) definition.

## Why
References are the message's internal keys (`xs:ID` in the schema, unchecked by validators
because DDEX puts them in element content). With a duplicate, every `ReleaseLabelReference`
or `ArtistPartyReference` to it is ambiguous: a DSP picks one, and a label or artist name is
silently replaced by another.

## Example
```xml
<Party><PartyReference>P1</PartyReference><PartyName><FullName>Nordlys Plater</FullName></PartyName></Party>
<Party><PartyReference>P1</PartyReference><PartyName><FullName>Ane Brun</FullName></PartyName></Party>
```

## Use instead
```xml
<Party><PartyReference>P1</PartyReference>…</Party>
<Party><PartyReference>P2</PartyReference>…</Party>
```

## Fix
None: the references that use it must be re-pointed by hand."#,
    // Whole message: every definition against the earlier ones. Carries its findings; the
    // first definition of each resource and release value is in the message's ledger, which
    // the reference rules share (parties are in every segment).
    check: Check::Message(start),
};

fn start<'a>(_: &Context<'_, 'a>) -> Box<dyn MessageRule<'a> + 'a> {
    Box::<Duplicates>::default()
}

#[derive(Default)]
struct Duplicates {
    found: Vec<Finding>,
}

impl<'a> MessageRule<'a> for Duplicates {
    fn collect(&mut self, cx: &Context<'_, 'a>) {
        let defined = cx.content_definitions();
        for kind in [RefKind::Resource, RefKind::Release] {
            for t in super::definitions(cx.feed, kind) {
                let value = super::trim(&t.value);
                match defined.first(kind, value) {
                    Some(first) if !value.is_empty() && first != t.elem => self.found.push(repeat(cx, kind, t, first)),
                    _ => {}
                }
            }
        }
    }

    fn finish(self: Box<Self>, cx: &Context<'_, 'a>, out: &mut Vec<Finding>) {
        out.extend(self.found);
        // The parties: the context.
        let defined = cx.ref_definitions();
        let k = super::kind_index(RefKind::Party);
        for (t, &role) in super::definitions(cx.feed, RefKind::Party)
            .into_iter()
            .zip(&defined.roles[k])
        {
            if role != DefinitionRole::Repeat {
                continue;
            }
            if let Some(&first) = defined.first[k].get(super::trim(&t.value)) {
                out.push(repeat(cx, RefKind::Party, t, first));
            }
        }
    }
}

/// A later definition `t` of a value first defined at `first`.
fn repeat(cx: &Context, kind: RefKind, t: &Text, first: u32) -> Finding {
    RULE.finding(
        t.elem,
        t.span,
        format!(
            "{} reference '{}' is already defined at line {}",
            kind.noun(),
            super::trim(&t.value),
            cx.source.line_of(first)
        ),
    )
    .with_help("give every party, resource and release its own reference")
}
