use crate::hash::FastSet;

use crate::ern::RefKind;
use crate::finding::{Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};

pub static RULE: Rule = Rule {
    id: "ref-unused",
    category: Category::Reference,
    severity: Severity::Info,
    fix: FixClass::No,
    summary: "a party, resource or release that nothing references",
    doc: r#"## What it does
Reports a party, resource or release defined in the message but never referenced (DDEX
Release Profile rules G.1–G.5). Releases are checked only when the message has deals: a
message without a `DealList` references no release by design.

## Why
An unreferenced party is usually a label or artist that was meant to be credited: the
reference that should point at it points elsewhere or is missing. An unreferenced resource is
a track or image that no release delivers.

## Example
```xml
<Party><PartyReference>PLabel</PartyReference>…</Party>
<!-- no ReleaseLabelReference, ArtistPartyReference, … names PLabel -->
```

## Use instead
```xml
<ReleaseLabelReference>PLabel</ReleaseLabelReference>
```

## Fix
None."#,
    check: Check::Feed(check),
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    // The used values of each kind, in one pass over the references.
    let mut used: [FastSet<&str>; 3] = Default::default();
    for r in &cx.feed.refs {
        used[super::kind_index(r.kind)].insert(super::trim(&r.text.value));
    }
    for kind in [RefKind::Party, RefKind::Resource, RefKind::Release] {
        let used = &used[super::kind_index(kind)];
        if kind == RefKind::Release && used.is_empty() {
            continue;
        }
        let mut seen = FastSet::default();
        for t in super::definitions(cx.feed, kind) {
            let value = super::trim(&t.value);
            if value.is_empty() || used.contains(value) || !seen.insert(value) {
                continue;
            }
            out.push(RULE.finding(
                t.elem,
                t.span,
                format!(
                    "{} '{}' is defined but nothing in the message references it",
                    kind.noun(),
                    value
                ),
            ));
        }
    }
}
