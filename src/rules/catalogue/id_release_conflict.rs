use crate::catalogue::CatalogueIndex;
use crate::finding::Severity;
use crate::report::Located;
use crate::rules::{Category, Check, FixClass, Rule, RuleOptions};
use crate::text::{loose_key, NameKind};

pub static RULE: Rule = Rule {
    id: "id-release-conflict",
    category: Category::Catalogue,
    severity: Severity::Warning,
    fix: FixClass::No,
    summary: "one ICPN/GRid on releases with different titles in different files",
    doc: r#"## What it does
Across the files of a run, compares the main title of the releases (not track releases) that
carry each ICPN (UPC/EAN) or GRid, by name key (case and punctuation do not count). When one
code is on releases with different titles in different files, every file that disagrees with
the title seen in most files (on a tie, the first) is reported at its identifier. An update of
the same release (same title) is not a conflict.

## Why
An ICPN or GRid identifies one product. The same code on two releases makes a DSP treat the
second delivery as an update of the first: the first release's page changes or the new
release is rejected.

## Example
```xml
<ICPN>5021392000018</ICPN> <!-- a.xml: "Paper Moon" -->
<ICPN>5021392000018</ICPN> <!-- b.xml: "Golden Heart" -->
```

## Use instead
A new ICPN for every new product.

## Fix
None."#,
    check: Check::Catalogue,
};

pub fn check(index: &CatalogueIndex, _options: &RuleOptions) -> Vec<Located> {
    let mut out = Vec::new();
    for (id, occs) in &index.releases {
        let class = |o: &crate::catalogue::Occurrence| loose_key(index.str(o.text), NameKind::Artist);
        for (o, first, files) in super::conflicts(occs, class, |_, _| true) {
            let message = format!(
                "release identifier {} is on '{}' here; on '{}' in {files} other file{}, first in {}",
                index.str(*id),
                index.str(o.text),
                index.str(first.text),
                if files == 1 { "" } else { "s" },
                index.path(first.file)
            );
            let help = "one ICPN/GRid identifies one product: give the other release its own identifier".to_string();
            out.extend(super::located(&RULE, index, o, message, help, None));
        }
    }
    out
}
