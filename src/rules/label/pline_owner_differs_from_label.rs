use crate::rules::memo::{memoized_key, NameKeyMemo};

use std::borrow::Cow;

use crate::ern::{ReleaseKind, RightsLine, Text};
use crate::finding::{Finding, Severity, Span};
use crate::rules::label::pline_cline_missing::{name_of, part_of, resource_refs, ResourceIndex};
use crate::rules::label::rights_text::{owner_of, shown};
use crate::rules::{Category, Check, Context, FixClass, MessageRule, Rule};
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
    // Whole message: counts the releases that share a P line owner. Carries each resource's
    // reference with its P lines' company and text (their owners are read only for a release
    // without P lines of its own), the cases found (the first release's P line owner, labels
    // and reference, and a count of the others), and any release read before one of its
    // resources (its labels, its P lines' owners or its references), with the releases after
    // it.
    check: Check::Message(start),
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

/// A P line that names an owner: the owner, and the element it was read from.
#[derive(Clone)]
struct OwnerLine<'a> {
    owner: Cow<'a, str>,
    from_company: bool,
    elem: u32,
    span: Span,
}

/// The owner a line with these `…Company` and `…Text` elements names ([`owner_of`]),
/// borrowed from the file text when it can be.
fn owner_line<'a>(company: Option<&Text<'a>>, text: Option<&Text<'a>>) -> Option<OwnerLine<'a>> {
    let (owner, from_company) = owner_of(company.map(|t| &*t.value), text.map(|t| &*t.value))?;
    let t = if from_company { company? } else { text? };
    Some(OwnerLine {
        owner: part_of(&t.value, owner),
        from_company,
        elem: t.elem,
        span: t.span,
    })
}

/// [`owner_line`] of a release's P line.
fn own_owner_line<'a>(line: &RightsLine<'a>) -> Option<OwnerLine<'a>> {
    owner_line(
        line.company.as_ref().map(|c| &c.text),
        line.text.as_ref().map(|t| &t.text),
    )
}

/// A resource's P line, kept as it is: only the releases without P lines of their own read
/// it (in a batch, hardly any), so its owner is read when one does.
struct ResourceLine<'a> {
    company: Option<Text<'a>>,
    text: Option<Text<'a>>,
}

struct Case<'a> {
    /// The first P line whose owner is none of the labels.
    line: OwnerLine<'a>,
    /// How many more distinct owners the release's P lines name.
    more_owners: usize,
    release: String,
    labels: Vec<Cow<'a, str>>,
    other_releases: usize,
}

fn list_labels(labels: &[Cow<str>]) -> String {
    let mut shown_labels: Vec<String> = labels.iter().take(4).map(|l| format!("'{}'", shown(l))).collect();
    if labels.len() > 4 {
        shown_labels.push(format!("… ({} more)", labels.len() - 4));
    }
    shown_labels.join(", ")
}

/// Owner keys and label keys: what makes two releases' findings the same.
type CaseKey = (Vec<String>, Vec<String>);

/// A release with labels, before its P lines are compared with them.
struct Labelled<'a> {
    reference: Option<Cow<'a, str>>,
    /// The label names, trimmed, each once.
    labels: Vec<Cow<'a, str>>,
    /// Their keys, sorted, each once, none empty.
    keys: Vec<String>,
}

/// Where a release's P lines are: its own, or those of its resources.
enum Lines<'a> {
    Own(Vec<OwnerLine<'a>>),
    OfResources(Vec<Cow<'a, str>>),
}

#[derive(Default)]
struct Owners<'a> {
    /// Each resource's P lines, as a range of `lines`.
    resources: ResourceIndex<'a, (u32, u32)>,
    lines: Vec<ResourceLine<'a>>,
    /// The first release with a resource not read yet and every release after it, in order:
    /// a case is the first release's that makes it.
    pending: Vec<(Labelled<'a>, Lines<'a>)>,
    // One finding per release, and one for releases that repeat the same owners and labels
    // (ERN 3 track releases).
    cases: Vec<(CaseKey, Case<'a>)>,
}

fn start<'a>(_cx: &Context<'_, 'a>) -> Box<dyn MessageRule<'a> + 'a> {
    Box::<Owners<'a>>::default()
}

impl<'a> MessageRule<'a> for Owners<'a> {
    fn collect(&mut self, cx: &Context<'_, 'a>) {
        let feed = cx.feed;
        let lines = &mut self.lines;
        lines.reserve(feed.resources.len());
        for x in &feed.resources {
            self.resources.add(x, || {
                let start = lines.len() as u32;
                lines.extend(x.display.plines.iter().map(|l| ResourceLine {
                    company: l.company.as_ref().map(|c| c.text.clone()),
                    text: l.text.as_ref().map(|t| t.text.clone()),
                }));
                (start, lines.len() as u32)
            });
        }
        for r in &feed.releases {
            if r.resources_omitted || r.kind == ReleaseKind::TrackRelease {
                continue;
            }
            let mut labels: Vec<Cow<'a, str>> = Vec::new();
            for l in &r.labels {
                for n in feed.label_names(l) {
                    let v = n.value().trim();
                    if !v.is_empty() && !labels.iter().any(|l| l == v) {
                        labels.push(part_of(&n.text.value, v));
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
            let release = Labelled {
                reference: r.reference.as_ref().map(|t| t.value.clone()),
                labels,
                keys,
            };
            if !r.display.plines.is_empty() {
                let own = r.display.plines.iter().filter_map(own_owner_line);
                if self.pending.is_empty() {
                    judge(&mut self.cases, release, own);
                } else {
                    self.pending.push((release, Lines::Own(own.collect())));
                }
                continue;
            }
            if self.pending.is_empty() {
                let refs = r.resource_refs.iter().map(|t| &*t.value);
                if let Some(ranges) = self.resources.resources(refs, false) {
                    judge(&mut self.cases, release, resource_lines(&self.lines, &ranges));
                    continue;
                }
            }
            self.pending.push((release, Lines::OfResources(resource_refs(r))));
        }
    }

    fn finish(self: Box<Self>, _cx: &Context<'_, 'a>, out: &mut Vec<Finding>) {
        let Owners {
            mut resources,
            lines,
            pending,
            mut cases,
        } = *self;
        for (release, release_lines) in pending {
            match release_lines {
                Lines::Own(own) => judge(&mut cases, release, own),
                Lines::OfResources(refs) => {
                    let ranges = resources.resources(refs.iter().map(|r| &**r), true).unwrap_or_default();
                    judge(&mut cases, release, resource_lines(&lines, &ranges));
                }
            }
        }
        for (_, c) in cases {
            let el = if c.line.from_company {
                "PLineCompany"
            } else {
                "PLineText"
            };
            let (anchor, span) = (c.line.elem, c.line.span);
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
                        shown(&c.line.owner),
                        c.release,
                        list_labels(&c.labels)
                    ),
                )
                .with_help("fine if the label is a licensee or an imprint of the owner; otherwise name the label and the owner consistently"),
            );
        }
    }
}

/// The P lines of the resources whose lines are `ranges` of `lines` that name an owner.
fn resource_lines<'l, 'a>(
    lines: &'l [ResourceLine<'a>],
    ranges: &'l [&(u32, u32)],
) -> impl Iterator<Item = OwnerLine<'a>> + 'l {
    let of_resources = ranges.iter().flat_map(|&&(s, e)| &lines[s as usize..e as usize]);
    of_resources.filter_map(|l| owner_line(l.company.as_ref(), l.text.as_ref()))
}

/// Compares a release's P lines, `lines`, with its labels: a new case, or one more release
/// of a case already made.
fn judge<'a>(
    cases: &mut Vec<(CaseKey, Case<'a>)>,
    release: Labelled<'a>,
    lines: impl IntoIterator<Item = OwnerLine<'a>>,
) {
    let keys = release.keys;
    let mut differing: Vec<(String, OwnerLine)> = Vec::new();
    for line in lines {
        let key = cached_compare_key(&line.owner);
        if key.is_empty() || keys.contains(&key) || differing.iter().any(|d| d.0 == key) {
            continue;
        }
        differing.push((key, line));
    }
    let more_owners = differing.len().saturating_sub(1);
    let mut owner_keys: Vec<String> = differing.iter().map(|d| d.0.clone()).collect();
    let Some((_, line)) = differing.into_iter().next() else {
        return;
    };
    owner_keys.sort();
    let id = (owner_keys, keys);
    if let Some((_, c)) = cases.iter_mut().find(|(k, _)| *k == id) {
        c.other_releases += 1;
        return;
    }
    cases.push((
        id,
        Case {
            line,
            more_owners,
            release: name_of(release.reference.as_deref()),
            labels: release.labels,
            other_releases: 0,
        },
    ));
}
