use crate::catalogue::CatalogueIndex;
use crate::finding::Severity;
use crate::report::Located;
use crate::rules::{Category, Check, FixClass, Rule, RuleOptions};
use crate::text::{loose_key, NameKind};

pub static RULE: Rule = Rule {
    id: "id-isrc-conflict",
    category: Category::Catalogue,
    severity: Severity::Warning,
    fix: FixClass::No,
    summary: "one ISRC with different titles or artists in different files",
    doc: r#"## What it does
Across the files of a run, compares what each ISRC names: the sound recording's main title
and display artists (compared by name key, so case and punctuation do not count). When one
ISRC names different recordings in different files, every file that disagrees with the
version seen in most files (on a tie, the first) is reported at its ISRC. The same recording
on several releases (an album and a compilation) is not a conflict. Within one file, a
repeated ISRC is `id-isrc-duplicate`'s business.

## Why
An ISRC identifies one recording. The same code on two different recordings merges their
plays, royalties and metadata at every DSP and collecting society; it usually comes from a
copied template or a reused code range.

## Example
```xml
<ISRC>GBABC2400012</ISRC> <!-- a.xml: "Midnight River" by Ane Fjell -->
<ISRC>GBABC2400012</ISRC> <!-- b.xml: "Paper Moon" by Ane Fjell -->
```

## Use instead
A new ISRC for every new recording.

## Fix
None: only the label knows which recording owns the code."#,
    check: Check::Catalogue,
};

pub fn check(index: &CatalogueIndex, _options: &RuleOptions) -> Vec<Located> {
    let key = |s: &str| loose_key(s, NameKind::Artist);
    let mut out = Vec::new();
    for (isrc, occs) in &index.isrcs {
        let class =
            |o: &crate::catalogue::Occurrence| format!("{}\u{1f}{}", key(index.str(o.text)), key(index.str(o.extra)));
        for (o, first, files) in super::conflicts(occs, class, |_, _| true) {
            let describe = |o: &crate::catalogue::Occurrence| {
                let artists = index.str(o.extra);
                if artists.is_empty() {
                    format!("'{}'", index.str(o.text))
                } else {
                    format!("'{}' by {}", index.str(o.text), artists)
                }
            };
            let message = format!(
                "ISRC {} is {} here; {} in {files} other file{}, first in {}",
                index.str(*isrc),
                describe(o),
                describe(first),
                if files == 1 { "" } else { "s" },
                index.path(first.file)
            );
            let help =
                "one ISRC identifies one recording: check which recording owns this code and give the other a new ISRC"
                    .to_string();
            out.extend(super::located(&RULE, index, o, message, help, None));
        }
    }
    out
}
