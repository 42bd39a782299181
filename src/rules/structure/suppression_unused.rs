use crate::finding::Severity;
use crate::rules::{Category, Check, FixClass, Rule};

pub static RULE: Rule = Rule {
    id: "suppression-unused",
    category: Category::Structure,
    severity: Severity::Warning,
    fix: FixClass::No,
    summary: "a ddexlint suppression comment names a rule that finds nothing in the next element",
    doc: r#"## What it does
Reports each rule named by a `<!-- ddexlint-disable-next-element RULE: reason -->` comment
that had no finding to silence in the element after the comment. Only rules that ran are
judged: a suppression of a rule left out by `--select`/`--ignore` is not reported.

## Why
Once the value is corrected (or the rule no longer fires there), the suppression is dead
weight, and worse, it would hide the next real problem of that kind in that element.
Like ruff's `unused-noqa` and ESLint's `--report-unused-disable-directives`.

## Example
```xml
<!-- ddexlint-disable-next-element id-isrc: legacy catalogue number -->
<ISRC>GBABC2400012</ISRC>
```

## Use instead
```xml
<ISRC>GBABC2400012</ISRC>
```

## Fix
None: delete the comment or the rule id from it."#,
    check: Check::Reader,
};
