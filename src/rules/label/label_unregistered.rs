use crate::finding::{Finding, Severity};
use crate::labels::Lookup;
use crate::rules::{Category, Check, Context, FixClass, Rule};

use super::names::display_form;

pub static RULE: Rule = Rule {
    id: "label-unregistered",
    category: Category::Label,
    severity: Severity::Info,
    fix: FixClass::No,
    summary: "with a label registry: a label name the registry does not know",
    doc: r#"## What it does
With a label registry (`--labels FILE` or `labels =` in the config), reports, for
information, every label name that is neither a registered `name` nor one of its `aliases`,
with the closest registered names: first those that differ only in case, punctuation, legal
form or generic words ("NINJA TUNE" for "Ninja Tune"), then likely misspellings. Without a
registry it does nothing.

## Why
A name the registry does not know is a new label, a new imprint, or a new spelling of a
known one. The first two belong in the registry; the third is a variant DSP search will list
as another label.

## Example
```toml
[[label]]
name = "Nordlys Plater"
```
```xml
<LabelName>NORDLYS PLATER</LabelName>
```

## Use instead
```xml
<LabelName>Nordlys Plater</LabelName>
```

## Fix
None: only the label group knows whether the name is new or a misspelling; the closest
registered names are shown in the help."#,
    check: Check::Item(check),
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(registry) = cx.options.labels.as_deref() else {
        return;
    };
    for &name in &cx.label_names().names {
        if registry.lookup(name.value()) != Lookup::Unknown {
            continue;
        }
        let written = display_form(name.value());
        let closest = registry.closest(&written);
        let help = if closest.is_empty() {
            "add the label to the registry if it is a new label or imprint".to_string()
        } else {
            let list: Vec<String> = closest.iter().map(|n| format!("'{n}'")).collect();
            format!(
                "closest registered names: {}; use one, or add the label (or this spelling as an alias) to the registry",
                list.join(", ")
            )
        };
        out.push(
            RULE.finding(
                name.text.elem,
                name.text.span,
                format!("label name '{written}' is not in the label registry"),
            )
            .with_help(help),
        );
    }
}
