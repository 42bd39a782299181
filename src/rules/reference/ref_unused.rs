use super::{DefinitionRole, Target};
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
    // Whole message: matches every definition against every reference.
    check: Check::Whole(check),
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    // The first definitions that some reference names (by start tag), per kind: a sorted
    // list rather than a set of every referenced value, built from the shared targets.
    let mut used: [Vec<u32>; 3] = Default::default();
    let mut any_release_ref = false;
    for (r, target) in cx.feed.refs.iter().zip(cx.ref_targets()) {
        any_release_ref |= r.kind == RefKind::Release;
        if let Target::Defined(elem) = *target {
            used[super::kind_index(r.kind)].push(elem);
        }
    }
    let roles = &cx.ref_definitions().roles;
    for kind in [RefKind::Party, RefKind::Resource, RefKind::Release] {
        if kind == RefKind::Release && !any_release_ref {
            continue;
        }
        let k = super::kind_index(kind);
        let used = &mut used[k];
        used.sort_unstable();
        used.dedup();
        for (t, &role) in super::definitions(cx.feed, kind).into_iter().zip(&roles[k]) {
            // Each unused value once, at its first definition (later ones are ref-duplicate's).
            if role != DefinitionRole::First || used.binary_search(&t.elem).is_ok() {
                continue;
            }
            out.push(RULE.finding(
                t.elem,
                t.span,
                format!(
                    "{} '{}' is defined but nothing in the message references it",
                    kind.noun(),
                    super::trim(&t.value)
                ),
            ));
        }
    }
}
