use crate::catalogue::{CatalogueIndex, Occurrence};
use crate::finding::Severity;
use crate::report::Located;
use crate::rules::{Category, Check, FixClass, Rule, RuleOptions};
use crate::text::is_latin_only;

pub static RULE: Rule = Rule {
    id: "id-party-conflict",
    category: Category::Catalogue,
    severity: Severity::Warning,
    fix: FixClass::No,
    summary: "one DPID/ISNI with different names in different files",
    doc: r#"## What it does
Across the files of a run, compares the names (`PartyName/FullName`s) of the parties that
carry each DPID or ISNI. When one identifier names a party differently in different files,
every file that disagrees with the names seen in most files (on a tie, the first) is reported
at its identifier. Names are compared as written (after Unicode normalization): "NINJA TUNE"
and "Ninja Tune" under one DPID are different names. A party whose names share one spelling
with the common ones is not reported, nor one written in another script only (`坂本龍一`
under the ISNI that other files give `Ryuichi Sakamoto`): localized names are not conflicts.

## Why
An identifier ties a name to one entity. The same DPID or ISNI under two names is either a
spelling variant (which the identifier shows to be one label or artist) or a wrong
identifier (a copy-paste from another party): both split or merge catalogues at the DSP.

## Example
```xml
<PartyId><DPID>PADPIDA2021050403Q</DPID></PartyId>  <!-- a.xml: Nordlys Plater -->
<PartyId><DPID>PADPIDA2021050403Q</DPID></PartyId>  <!-- b.xml: Nordlys Records -->
```

## Use instead
One name per identifier (the registered one).

## Fix
None."#,
    check: Check::Catalogue,
};

fn names<'i>(index: &'i CatalogueIndex, o: &Occurrence) -> Vec<&'i str> {
    index.str(o.text).split('\u{1f}').collect()
}

pub fn check(index: &CatalogueIndex, _options: &RuleOptions) -> Vec<Located> {
    let mut out = Vec::new();
    for (id, occs) in &index.parties {
        let class = |o: &Occurrence| {
            let mut n = names(index, o);
            n.sort_unstable();
            n.join("\u{1f}")
        };
        // A conflict: no name in common, and at least one name in the same kind of script.
        let conflict = |o: &Occurrence, canon: &Occurrence| {
            let (a, b) = (names(index, o), names(index, canon));
            !a.iter().any(|n| b.contains(n)) && a.iter().any(|x| b.iter().any(|y| is_latin_only(x) == is_latin_only(y)))
        };
        for (o, first, files) in super::conflicts(occs, class, conflict) {
            let message = format!(
                "{} names '{}' here; '{}' in {files} other file{}, first in {}",
                index.str(*id),
                names(index, o).join("' / '"),
                names(index, first).join("' / '"),
                if files == 1 { "" } else { "s" },
                index.path(first.file)
            );
            let help = "one identifier, one name: spell the party as in the other files, or correct the identifier"
                .to_string();
            out.extend(super::located(&RULE, index, o, message, help, None));
        }
    }
    out
}
