use crate::rules::memo::{memoized_key, NameKeyMemo};

use crate::ern::{ReleaseKind, RightsLine};
use crate::finding::{Finding, Severity};
use crate::rules::label::pline_cline_missing::release_resources;
use crate::rules::label::rights_text::{owner_of, shown};
use crate::rules::{Category, Check, Context, FixClass, Rule};
use crate::text::{strict_key, NameKind};

pub static RULE: Rule = Rule {
    id: "pline-owner-differs-from-label",
    category: Category::Label,
    severity: Severity::Info,
    fix: FixClass::No,
    summary: "the P line's owner is none of the release's labels (after name keys)",
    doc: r#"## What it does
Compares the owner named by each P line of a release (its `PLineCompany`, else the owner
read from `PLineText` after the symbol and year) with every label name of the release
(ERN 3 `LabelName`s, ERN 4 the `FullName`s of the parties its `ReleaseLabelReference`s
name). Names are compared by their *name key*: case, diacritic composition, punctuation,
legal forms (`Inc.`, `GmbH`, `AS` …) and trailing generic words (`Records`, `Music`,
`Plater` …), a leading "The" and spaces do not count, so `EMI Music Japan Inc.` and
`EMI MUSIC JAPAN INC.` agree, and so do `DubSetMedia` and `Dubset Media`. When no label
agrees, the rule reports the first such P line of the release, with the number of other
owners its P lines name (a compilation's recordings may have many); releases that repeat
the same owners and labels (ERN 3 track releases) are reported once, with their number.

The release's own P lines are used; an ERN 4 release that has none is compared through the
P lines of its sound recordings. Track releases and stub releases of deal-only messages
are not checked.

## Why
This is often legitimate: DDEX defines `PLineCompany` as "The Name of the company releasing
the Creation. This may be an owner or a Licensee of the Creation", and an imprint label is
rarely the legal owner of the masters. Seeing the pair helps to catch the opposite mistake
on other releases (the owner's legal name pasted into the label field) and label names that
drifted from the company behind them.

## Example
```xml
<LabelName>Hafenkante Tonträger</LabelName>
<PLine><Year>2019</Year>
  <PLineText>℗ 2019 Straßenbahn Süd under exclusive license to Hafenkante Tonträger</PLineText>
</PLine>
```

## Use instead
Nothing to change if the owner is right. If the label is the owner, name it the same way in
both places:
```xml
<LabelName>Hafenkante Tonträger</LabelName>
<PLine><Year>2019</Year><PLineText>℗ 2019 Hafenkante Tonträger</PLineText></PLine>
```

## Fix
None: who owns the recording is a rights question."#,
    // Whole message: counts the releases that share a P line owner.
    check: Check::Whole(check),
};

/// The key names are compared by: the label name key, without a leading "the" and without
/// spaces (`DubSetMedia` = `Dubset Media`, `The Me Iz Label` = `Me Iz Label`).
fn compare_key(name: &str) -> String {
    let key = strict_key(name, NameKind::Label);
    let key = key.strip_prefix("the ").unwrap_or(&key);
    key.chars().filter(|c| !c.is_whitespace()).collect()
}

/// [`compare_key`], memoized per thread (a catalogue repeats a few labels and owners).
fn cached_compare_key(name: &str) -> String {
    thread_local! {
        static MEMO: NameKeyMemo = Default::default();
    }
    memoized_key(&MEMO, name, compare_key)
}

struct Case<'f> {
    /// The first P line whose owner is none of the labels.
    line: &'f RightsLine<'f>,
    owner: &'f str,
    from_company: bool,
    /// How many more distinct owners the release's P lines name.
    more_owners: usize,
    release: String,
    labels: Vec<&'f str>,
    other_releases: usize,
}

fn list_labels(labels: &[&str]) -> String {
    let mut shown_labels: Vec<String> = labels.iter().take(4).map(|l| format!("'{}'", shown(l))).collect();
    if labels.len() > 4 {
        shown_labels.push(format!("… ({} more)", labels.len() - 4));
    }
    shown_labels.join(", ")
}

/// Owner keys and label keys: what makes two releases' findings the same.
type CaseKey = (Vec<String>, Vec<String>);

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let feed = cx.feed;
    // One finding per release, and one for releases that repeat the same owners and labels
    // (ERN 3 track releases).
    let mut cases: Vec<(CaseKey, Case)> = Vec::new();
    for (i, r) in feed.releases.iter().enumerate() {
        if r.resources_omitted || r.kind == ReleaseKind::TrackRelease {
            continue;
        }
        let mut labels: Vec<&str> = Vec::new();
        for l in &r.labels {
            for n in feed.label_names(l) {
                let v = n.value().trim();
                if !v.is_empty() && !labels.contains(&v) {
                    labels.push(v);
                }
            }
        }
        let mut keys: Vec<String> = labels
            .iter()
            .map(|l| cached_compare_key(l))
            .filter(|k| !k.is_empty())
            .collect();
        keys.sort();
        keys.dedup();
        if keys.is_empty() {
            continue;
        }
        let lines: Vec<&RightsLine> = if r.display.plines.is_empty() {
            release_resources(feed, i)
                .into_iter()
                .flat_map(|x| &x.display.plines)
                .collect()
        } else {
            r.display.plines.iter().collect()
        };
        let mut differing: Vec<(String, &RightsLine, &str, bool)> = Vec::new();
        for line in lines {
            let Some((owner, from_company)) = owner_of(line) else {
                continue;
            };
            let key = cached_compare_key(owner);
            if key.is_empty() || keys.contains(&key) || differing.iter().any(|d| d.0 == key) {
                continue;
            }
            differing.push((key, line, owner, from_company));
        }
        let Some((_, line, owner, from_company)) = differing.first() else {
            continue;
        };
        let mut owner_keys: Vec<String> = differing.iter().map(|d| d.0.clone()).collect();
        owner_keys.sort();
        let id = (owner_keys, keys);
        if let Some((_, c)) = cases.iter_mut().find(|(k, _)| *k == id) {
            c.other_releases += 1;
            continue;
        }
        let release = r
            .reference
            .as_ref()
            .map(|t| format!(" {}", t.value.trim()))
            .unwrap_or_default();
        cases.push((
            id,
            Case {
                line,
                owner,
                from_company: *from_company,
                more_owners: differing.len() - 1,
                release,
                labels,
                other_releases: 0,
            },
        ));
    }
    for (_, c) in cases {
        let (anchor, span, el) = if c.from_company {
            let t = &c.line.company.as_ref().unwrap().text;
            (t.elem, t.span, "PLineCompany")
        } else {
            let t = &c.line.text.as_ref().unwrap().text;
            (t.elem, t.span, "PLineText")
        };
        let others = match c.other_releases {
            0 => String::new(),
            1 => " (and 1 other release)".to_string(),
            n => format!(" (and {n} other releases)"),
        };
        let more = match c.more_owners {
            0 => String::new(),
            1 => "; 1 more P line names another owner".to_string(),
            n => format!("; {n} more P lines name other owners"),
        };
        out.push(
            RULE.finding(
                anchor,
                span,
                format!(
                    "P line owner '{}' ({el}) is none of the labels of release{}{others}: {}{more}",
                    shown(c.owner),
                    c.release,
                    list_labels(&c.labels)
                ),
            )
            .with_help("fine if the label is a licensee or an imprint of the owner; otherwise name the label and the owner consistently"),
        );
    }
}
