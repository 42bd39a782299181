use std::borrow::Cow;

use super::{DefinitionRole, Target};
use crate::ern::RefKind;
use crate::finding::{Finding, Severity, Span};
use crate::rules::{Category, Check, Context, FixClass, MessageRule, Rule};

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
    // Whole message: a definition is used when any reference anywhere names it. Carries the
    // definitions some reference names and the references that point past the segments read
    // so far; the first definition of each resource and release value is in the message's
    // ledger, which the reference rules share.
    check: Check::Message(start),
};

fn start<'a>(_: &Context<'_, 'a>) -> Box<dyn MessageRule<'a> + 'a> {
    Box::<Unused>::default()
}

#[derive(Default)]
struct Unused<'a> {
    /// Per kind ([`super::kind_index`]): the start tags of the first definitions some
    /// reference names.
    used: [Vec<u32>; 3],
    /// Resource and release references defined in no segment read so far.
    pending: Vec<(RefKind, Cow<'a, str>)>,
    any_release_ref: bool,
}

impl<'a> Unused<'a> {
    /// Notes what the references inside (`inside`) or outside the content items name.
    fn resolve(&mut self, cx: &Context<'_, 'a>, inside: bool) {
        let defined = cx.content_definitions();
        let refs = cx.feed.refs.iter().zip(cx.ref_targets()).zip(cx.refs_in_content());
        for ((r, target), _) in refs.filter(|(_, &within)| within == inside) {
            self.any_release_ref |= r.kind == RefKind::Release;
            let k = super::kind_index(r.kind);
            let value = super::trim(&r.text.value);
            match *target {
                Target::Empty => {}
                // The parties are all in every segment: a segment's own is the first.
                Target::Defined(elem) if r.kind == RefKind::Party => self.used[k].push(elem),
                // A resource or release defined in this segment may have been defined before.
                Target::Defined(elem) => self.used[k].push(defined.first(r.kind, value).unwrap_or(elem)),
                Target::Unresolved => match defined.first(r.kind, value) {
                    Some(elem) => self.used[k].push(elem),
                    None if r.kind != RefKind::Party => self.pending.push((r.kind, Cow::Owned(value.to_string()))),
                    None => {}
                },
            }
        }
    }
}

impl<'a> MessageRule<'a> for Unused<'a> {
    fn collect(&mut self, cx: &Context<'_, 'a>) {
        self.resolve(cx, true);
    }

    fn finish(mut self: Box<Self>, cx: &Context<'_, 'a>, out: &mut Vec<Finding>) {
        self.resolve(cx, false);
        let defined = cx.content_definitions();
        for (kind, value) in std::mem::take(&mut self.pending) {
            if let Some(elem) = defined.first(kind, &value) {
                self.used[super::kind_index(kind)].push(elem);
            }
        }
        for used in &mut self.used {
            used.sort_unstable();
            used.dedup();
        }
        let is_used = |kind: RefKind, elem: u32| self.used[super::kind_index(kind)].binary_search(&elem).is_ok();
        // The parties (the context), then the content items' first definitions.
        let k = super::kind_index(RefKind::Party);
        let parties = super::definitions(cx.feed, RefKind::Party)
            .into_iter()
            .zip(&cx.ref_definitions().roles[k]);
        for (t, _) in parties.filter(|(_, &role)| role == DefinitionRole::First) {
            if !is_used(RefKind::Party, t.elem) {
                out.push(unused(RefKind::Party, t.elem, t.span, super::trim(&t.value)));
            }
        }
        for kind in [RefKind::Resource, RefKind::Release] {
            if kind == RefKind::Release && !self.any_release_ref {
                continue;
            }
            for (elem, span, value) in defined.firsts(kind) {
                if !is_used(kind, elem) {
                    out.push(unused(kind, elem, span, value));
                }
            }
        }
    }
}

/// Each unused value once, at its first definition (later ones are ref-duplicate's).
fn unused(kind: RefKind, elem: u32, span: Span, value: &str) -> Finding {
    RULE.finding(
        elem,
        span,
        format!(
            "{} '{}' is defined but nothing in the message references it",
            kind.noun(),
            value
        ),
    )
}
