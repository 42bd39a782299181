use super::DefinitionRole;
use crate::ern::RefKind;
use crate::finding::{Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};

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
    // Whole message: compares the definitions of all the items.
    check: Check::Whole(check),
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let defined = cx.ref_definitions();
    for kind in [RefKind::Party, RefKind::Resource, RefKind::Release] {
        let k = super::kind_index(kind);
        for (t, &role) in super::definitions(cx.feed, kind).into_iter().zip(&defined.roles[k]) {
            if role != DefinitionRole::Repeat {
                continue;
            }
            // A later definition of a value: where the first one is.
            let value = super::trim(&t.value);
            let Some(&at) = defined.first[k].get(value) else {
                continue;
            };
            let line = cx.source.line_of(at);
            out.push(
                RULE.finding(
                    t.elem,
                    t.span,
                    format!(
                        "{} reference '{}' is already defined at line {}",
                        kind.noun(),
                        value,
                        line
                    ),
                )
                .with_help("give every party, resource and release its own reference"),
            );
        }
    }
}
