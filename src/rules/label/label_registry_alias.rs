use crate::finding::{Applicability, Finding, Fix, Severity};
use crate::labels::Lookup;
use crate::rules::{Category, Check, Context, FixClass, Rule};

use super::names::display_form;

pub static RULE: Rule = Rule {
    id: "label-registry-alias",
    category: Category::Label,
    severity: Severity::Warning,
    fix: FixClass::Safe,
    summary: "a label name the label registry lists as an alias of another name",
    doc: r#"## What it does
With a label registry (`--labels FILE` or `labels =` in the config), reports every label
name (ERN 3 `LabelName`, ERN 4 `FullName` of a label party) that the registry lists among
the `aliases` of a label, naming the canonical `name`. Without a registry it does nothing.

## Why
A label group keeps one spelling of each label and imprint so that DSP label search finds
the whole catalogue under one name; the aliases are the spellings it has seen and does not
want ("Kaleidoskop Records GmbH" for "Kaleidoskop Records").

## Example
```toml
[[label]]
name = "Kaleidoskop Records"
aliases = ["Kaleidoskop Records GmbH"]
```
```xml
<LabelName>Kaleidoskop Records GmbH</LabelName>
```

## Use instead
```xml
<LabelName>Kaleidoskop Records</LabelName>
```

## Fix
Safe: the name is replaced by the registry's canonical name (the registry is the label
group's own decision)."#,
    check: Check::Item(check),
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(registry) = cx.options.labels.as_deref() else {
        return;
    };
    for &name in &cx.label_names().names {
        let Lookup::Alias(entry) = registry.lookup(name.value()) else {
            continue;
        };
        let written = display_form(name.value());
        let f = RULE
            .finding(
                name.text.elem,
                name.text.span,
                format!(
                    "label name '{written}' is an alias of '{}' in the label registry (line {})",
                    entry.name, entry.line
                ),
            )
            .with_help(format!("write the registered name '{}'", entry.name));
        let fix = if name.text.editable {
            Fix::replace_text(Applicability::Safe, name.text.span, entry.name.clone())
        } else {
            Fix::suggest(entry.name.clone())
        };
        out.push(f.with_fix(fix));
    }
}
