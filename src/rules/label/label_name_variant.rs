use std::borrow::Cow;

use crate::hash::{FastMap, FastSet};

use crate::finding::{Finding, Fix, Severity, Span};
use crate::rules::{Category, Check, Context, FixClass, MessageRule, Rule};

use super::names::{canonical_index, display_form, variant_relation, KeyCache};

pub static RULE: Rule = Rule {
    id: "label-name-variant",
    category: Category::Label,
    severity: Severity::Warning,
    fix: FixClass::Suggest,
    summary: "one label spelled several ways within a feed, or across the files of a run",
    doc: r#"## What it does
Groups every label name of the feed (ERN 3 `LabelName`s of all releases and territories,
ERN 4 `FullName`s of the label parties the releases point at) by a name key that ignores
case, punctuation and brackets, `&`/"and", a leading "The", a legal form ("Ltd", "GmbH", …)
and trailing generic words ("Records", "Recordings", "Music", "Plater", …). When one group
holds several spellings, each spelling other than the one the feed uses most often (on a tie,
the one that comes first; with a label registry, the registered name when the group holds
it) is reported, naming that spelling. Spellings that
differ only in diacritics (`Sølvtrykk` / `Solvtrykk`) are reported too.

Different labels keep different keys: "Sugar Music" and "Sugar Hill Records" are not grouped.
The names of one ERN 4 party (its localized `PartyName`s) are not compared with each other.

Across files (the catalogue pass of a run over several files): the same grouping over every
file, the canonical spelling being the label registry's name when there is one, else the
spelling used in most files (on a tie, the one with diacritics, then the first seen). Each
file that uses another spelling is reported once, at its first use, with where the
canonical spelling was seen ("'NINJA TUNE' here … 'Ninja Tune' in 212 other files, first in
…"). A file that holds several spellings itself is left to the per-feed check, and a
spelling the registry lists as an alias to `label-registry-alias`.

## Why
DSP label pages and label search match the label string: "NORDLYS PLATER",
"Nordlys-Plater" and "Nordlys Plater Records" can become three labels, each holding part of
the catalogue. MusicBrainz asks for "the most commonly used name"; Discogs notes that small
variations such as with or without "Records" are "usually unintentional".

## Example
```xml
<LabelName>Sølvtrykk Plater</LabelName>  <!-- release A -->
<LabelName>SØLVTRYKK PLATER</LabelName>  <!-- release B -->
<LabelName>Sølvtrykk Plater AS</LabelName>  <!-- release C -->
```

## Use instead
```xml
<LabelName>Sølvtrykk Plater</LabelName>  <!-- on every release -->
```

## Fix
A suggestion, never applied: the most common spelling (across files: the registry's name,
else the most common). A spelling that only lacks the diacritics of another is never
proposed in its place. With a label registry, registered aliases are replaced by the
canonical name by `--fix` (`label-registry-alias`)."#,
    // Whole message: compares the spellings of every label of the message. Carries the
    // spellings (display form, uses, first offset, the elements that hold it) grouped by key.
    check: Check::Message(start),
};

struct Spelling {
    text: String,
    uses: usize,
    /// First position in the document, for ties.
    first: u32,
    /// Every element that holds it: its start tag and the span of its text.
    elems: Vec<(u32, Span)>,
    /// The spans of `elems`.
    spans: FastSet<Span>,
}

/// The spellings of the label names read so far.
#[derive(Default)]
struct Spellings<'a> {
    /// loose key -> spellings, in order of first appearance
    groups: Vec<Vec<Spelling>>,
    group_of: FastMap<String, usize>,
    /// Raw value -> (group, spelling), or None for an empty key: the display form and key are
    /// worked out once per distinct value, not once per use.
    spelling_of: FastMap<Cow<'a, str>, Option<(usize, usize)>>,
}

fn start<'a>(_cx: &Context<'_, 'a>) -> Box<dyn MessageRule<'a> + 'a> {
    Box::<Spellings<'a>>::default()
}

impl Spellings<'_> {
    /// The group and spelling of a raw value first seen at `at`, made if new.
    fn spelling(&mut self, raw: &str, at: u32) -> Option<(usize, usize)> {
        let text = display_form(raw);
        let key = KeyCache.loose(&text);
        if key.is_empty() {
            return None;
        }
        let groups = &mut self.groups;
        let g = *self.group_of.entry(key).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        let group = &mut groups[g];
        let idx = match group.iter().position(|s| s.text == text) {
            Some(i) => i,
            None => {
                group.push(Spelling {
                    text,
                    uses: 0,
                    first: at,
                    elems: Vec::new(),
                    spans: FastSet::default(),
                });
                group.len() - 1
            }
        };
        Some((g, idx))
    }
}

impl<'a> MessageRule<'a> for Spellings<'a> {
    fn collect(&mut self, cx: &Context<'_, 'a>) {
        for u in cx.label_uses() {
            let found = match self.spelling_of.get(u.name.value()) {
                Some(&found) => found,
                None => {
                    let found = self.spelling(u.name.value(), u.name.text.span.start);
                    self.spelling_of.insert(u.name.text.value.clone(), found);
                    found
                }
            };
            let Some((g, idx)) = found else {
                continue;
            };
            let s = &mut self.groups[g][idx];
            s.uses += 1;
            s.first = s.first.min(u.name.text.span.start);
            if s.spans.insert(u.name.text.span) {
                s.elems.push((u.name.text.elem, u.name.text.span));
            }
        }
    }

    fn finish(self: Box<Self>, cx: &Context<'_, 'a>, out: &mut Vec<Finding>) {
        // FullName offset -> the ERN 4 party that holds it
        let owner: FastMap<u32, u32> = cx
            .feed
            .parties
            .iter()
            .flat_map(|p| {
                p.names
                    .iter()
                    .filter_map(|n| n.full_name.as_ref())
                    .map(move |f| (f.text.span.start, p.elem))
            })
            .collect();
        let party_of = |span: &Span| owner.get(&span.start).copied();
        let mut keys = KeyCache;
        let total_uses = |g: &[Spelling]| g.iter().map(|s| s.uses).sum::<usize>();
        let mut findings = Vec::new();
        for group in &self.groups {
            if group.len() < 2 {
                continue;
            }
            // The label registry's name when the group holds it, else the most common spelling.
            let registered = cx.options.labels.as_deref().and_then(|r| {
                group
                    .iter()
                    .position(|s| matches!(r.lookup(&s.text), crate::labels::Lookup::Canonical(_)))
            });
            let canonical =
                &group[registered.unwrap_or_else(|| canonical_index(group, |s| (s.uses, u64::from(s.first))))];
            // The ERN 4 parties (by element offset) that carry the canonical spelling.
            let canonical_parties: Vec<u32> = canonical.elems.iter().filter_map(|(_, span)| party_of(span)).collect();
            let total = total_uses(group);
            for s in group.iter().filter(|s| s.text != canonical.text) {
                let same_strict = keys.label(&s.text) == keys.label(&canonical.text);
                // Never propose the form that merely lacks the diacritics of this one.
                let (how, stripped_canonical) = variant_relation(&s.text, &canonical.text, same_strict);
                for &(elem, span) in &s.elems {
                    // One party's own names (localized forms) are deliberate.
                    if party_of(&span).is_some_and(|p| canonical_parties.contains(&p)) {
                        continue;
                    }
                    let message = format!(
                        "label name '{}' {how} '{}' ({} of {total} uses in this feed); DSPs may list them as different labels",
                        s.text, canonical.text, canonical.uses
                    );
                    let f = RULE.finding(elem, span, message);
                    findings.push(if stripped_canonical {
                        f.with_help(format!(
                            "spell the label one way everywhere; if '{}' (with diacritics) is right, use it on every release",
                            s.text
                        ))
                    } else {
                        f.with_help(format!("spell the label the same way everywhere: '{}'", canonical.text))
                            .with_fix(Fix::suggest(canonical.text.clone()))
                    });
                }
            }
        }
        findings.sort_by_key(|f| f.span.start);
        out.extend(findings);
    }
}
