use crate::ern::IdKind;
use crate::finding::{Finding, Severity};
use crate::labels::Lookup;
use crate::rules::{Category, Check, Context, FixClass, Rule};

pub static RULE: Rule = Rule {
    id: "label-registry-identifier-mismatch",
    category: Category::Label,
    severity: Severity::Warning,
    fix: FixClass::Suggest,
    summary: "ERN 4: a label party's DPID or ISNI differs from the label registry's",
    doc: r#"## What it does
With a label registry, ERN 4 only: for each label party whose `FullName` is a registered
name or alias that has a `dpid` or `isni`, compares it with the party's `DPID` / `ISNI`
`PartyId`s and reports a party identifier that differs (after removing separators and case).
A party without the identifier is `label-party-without-identifier`'s business; a malformed
one is `id-dpid`'s / `id-isni`'s.

## Why
An identifier ties a label to one entity whatever its spelling. A wrong one (a transposed
digit, the DPID of a sister label) ties the release to another label, which no spelling
check can see.

## Example
```toml
[[label]]
name = "Hafenkante Tonträger"
dpid = "PADPIDA20170815093"
```
```xml
<PartyName><FullName>Hafenkante Tonträger</FullName></PartyName>
<PartyId><DPID>PADPIDA20170851093</DPID></PartyId>
```

## Use instead
```xml
<PartyId><DPID>PADPIDA20170815093</DPID></PartyId>
```

## Fix
A suggestion: the registry's identifier (the registry may be the one that is wrong)."#,
    check: Check::Item(check),
};

/// The compact form of an identifier as written. A malformed one (a transposed digit fails
/// the check character) is still compared: id-dpid / id-isni say it is malformed, this rule
/// says whose it should be.
fn normalized(kind: IdKind, raw: &str) -> Option<String> {
    if !matches!(kind, IdKind::Dpid | IdKind::Isni) {
        return None;
    }
    let clean = kind.check(raw)?.clean(raw);
    Some(clean.unwrap_or_else(|_| {
        raw.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_uppercase()
    }))
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(registry) = cx.options.labels.as_deref() else {
        return;
    };
    let feed = cx.feed;
    if !feed.version.is_ern4() {
        return;
    }
    for &(party, _) in cx.label_parties() {
        let entry =
            party
                .names
                .iter()
                .filter_map(|n| n.full_name.as_ref())
                .find_map(|f| match registry.lookup(f.value()) {
                    Lookup::Canonical(e) | Lookup::Alias(e) => Some(e),
                    Lookup::Unknown => None,
                });
        let Some(entry) = entry else { continue };
        for id in feed.identifiers_of(&party.ids) {
            let (expected, what) = match id.kind {
                IdKind::Dpid => (entry.dpid.as_deref(), "DPID"),
                IdKind::Isni => (entry.isni.as_deref(), "ISNI"),
                _ => continue,
            };
            let (Some(expected), Some(actual)) = (expected, normalized(id.kind, &id.text.value)) else {
                continue;
            };
            if actual == expected {
                continue;
            }
            let other = registry.labels.iter().find(|l| match id.kind {
                IdKind::Dpid => l.dpid.as_deref() == Some(actual.as_str()),
                _ => l.isni.as_deref() == Some(actual.as_str()),
            });
            let whose = other.map_or(String::new(), |o| format!(", which is the {what} of '{}'", o.name));
            out.push(
                RULE.finding(
                    id.text.elem,
                    id.text.span,
                    format!(
                        "label party '{}' has {what} {actual}{whose}; the label registry gives {expected} (line {})",
                        entry.name, entry.line
                    ),
                )
                .with_help(format!("use the registered {what} {expected}, or correct the registry"))
                .with_fix(crate::finding::Fix::suggest(expected.to_string())),
            );
        }
    }
}
