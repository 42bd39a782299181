use crate::finding::Severity;
use crate::rules::{Category, Check, FixClass, Rule};

pub static RULE: Rule = Rule {
    id: "suppression-invalid",
    category: Category::Structure,
    severity: Severity::Warning,
    fix: FixClass::No,
    summary: "a ddexlint suppression comment without a reason, with an unknown rule, or with nothing after it",
    doc: r#"## What it does
Reports a `<!-- ddexlint-… -->` comment that is not a valid suppression: an unknown directive
(the one directive is `ddexlint-disable-next-element`), no reason after the colon, a rule id
that does not exist (with the closest one), no rule at all, or no element after it for it to
apply to. Known rule ids in a suppression without a reason still apply.

## Why
A suppression hides a finding from everyone who reads the report after you. The reason is
what lets the next person judge whether it still holds, and a misspelt rule id would silently
suppress nothing.

## Example
```xml
<!-- ddexlint-disable-next-element label-legal-entity-sufix -->
<LabelName>Nordic Sounds AB</LabelName>
```

## Use instead
```xml
<!-- ddexlint-disable-next-element label-legal-entity-suffix: the label's registered display name -->
<LabelName>Nordic Sounds AB</LabelName>
```

## Fix
None: only you know the reason."#,
    check: Check::Reader,
};
