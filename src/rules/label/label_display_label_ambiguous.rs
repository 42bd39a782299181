use crate::ern::{Feed, Label, Release};
use crate::finding::{Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};

use super::names::display_form;

pub static RULE: Rule = Rule {
    id: "label-display-label-ambiguous",
    category: Category::Label,
    severity: Severity::Error,
    fix: FixClass::No,
    summary: "several labels for one release and territory without exactly one display label",
    doc: r#"## What it does
Reports a release that gives several different labels for the same territory (and language)
without saying which one to display:
- ERN 3: a `ReleaseDetailsByTerritory` with several `LabelName`s of which not exactly one has
  `LabelNameType="DisplayLabelName"` (DDEX Release Profile rule 1394-1); an untyped
  `LabelName` next to only non-display types (e.g. `MajorLabel`) counts as the display one.
- ERN 4: several `ReleaseLabelReference`s with the same `ApplicableTerritoryCode` and
  `LanguageAndScriptCode` of which not exactly one has `LabelType="DisplayLabel"`, no single
  untyped one stands out, and not exactly one has `IsDefault="true"`.

Labels for different territories or languages (localized label names) are not compared.

## Why
A DSP shows one label per release. Given several candidates, each picks its own: YouTube
"uses only the version that appears first in the message", others take the last or reject
the release. The label then differs between stores, and label search and royalty reporting
follow whichever one was picked.

## Example
```xml
<ReleaseDetailsByTerritory>
  <TerritoryCode>Worldwide</TerritoryCode>
  <LabelName>Vinilo Ámbar</LabelName>
  <LabelName>Vinilo Ambar S.L.</LabelName>
</ReleaseDetailsByTerritory>
```

## Use instead
```xml
<ReleaseDetailsByTerritory>
  <TerritoryCode>Worldwide</TerritoryCode>
  <LabelName LabelNameType="DisplayLabelName">Vinilo Ámbar</LabelName>
</ReleaseDetailsByTerritory>
```

## Fix
None: which label is meant is a business decision."#,
    check: Check::Item(check),
};

/// What a label shows: the ERN 3 name, or the ERN 4 party's first name (else its reference).
fn shown(feed: &Feed, label: &Label) -> String {
    if let Some(n) = feed.label_names(label).first() {
        return display_form(n.value());
    }
    label
        .party_ref
        .as_ref()
        .map(|r| r.value.trim().to_string())
        .unwrap_or_default()
}

/// What tells two labels apart: the party (ERN 4) or the name (ERN 3).
fn identity(label: &Label) -> String {
    match (&label.party_ref, &label.name) {
        (Some(r), _) => r.value.trim().to_string(),
        (None, Some(n)) => display_form(n.value()),
        (None, None) => String::new(),
    }
}

fn distinct<'l, 'a>(labels: impl Iterator<Item = &'l Label<'a>>) -> Vec<&'l Label<'a>>
where
    'a: 'l,
{
    let mut out: Vec<&Label> = Vec::new();
    for l in labels {
        if !out.iter().any(|o| identity(o) == identity(l)) {
            out.push(l);
        }
    }
    out
}

/// Labels compete when they share the ERN 3 `ReleaseDetailsByTerritory` (index), the
/// territory and the language.
type GroupKey = (Option<u16>, String, String);

fn release_name(r: &Release) -> String {
    r.reference
        .as_ref()
        .map(|t| format!(" {}", t.value.trim()))
        .unwrap_or_default()
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let feed = cx.feed;
    for release in feed.releases.iter().filter(|r| !r.resources_omitted) {
        // (details, territory, language) -> labels
        let mut groups: Vec<(GroupKey, Vec<&Label>)> = Vec::new();
        for label in &release.labels {
            if identity(label).is_empty() {
                continue;
            }
            let territory = label
                .territory
                .as_ref()
                .map_or("Worldwide".to_string(), |t| t.value.trim().to_string());
            let lang = match (&label.name, feed.version.is_ern4()) {
                (Some(n), _) if n.lang.source == crate::ern::LangSource::Own => n.lang.tag().to_string(),
                (None, true) => feed
                    .lang_attr_on(label.elem)
                    .map(|a| a.value.trim().to_string())
                    .unwrap_or_default(),
                _ => String::new(),
            };
            let key = (label.details, territory, lang);
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, v)) => v.push(label),
                None => groups.push((key, vec![label])),
            }
        }
        for ((details, territory, lang), labels) in &groups {
            let all = distinct(labels.iter().copied());
            if all.len() < 2 {
                continue;
            }
            let explicit = distinct(labels.iter().copied().filter(|l| l.is_display_label()));
            let untyped = distinct(labels.iter().copied().filter(|l| l.label_type.is_none()));
            let defaults = distinct(labels.iter().copied().filter(|l| l.is_default()));
            if explicit.len() == 1 || (explicit.is_empty() && (untyped.len() == 1 || defaults.len() == 1)) {
                continue;
            }
            let detail = match details {
                Some(i) => {
                    let d = &release.display.details[*i as usize];
                    let codes: Vec<&str> = d.territories.iter().map(|t| t.value.trim()).collect();
                    if codes.is_empty() {
                        String::new()
                    } else if d.excluded {
                        format!(" outside {}", codes.join(", "))
                    } else {
                        format!(" in {}", codes.join(", "))
                    }
                }
                None if territory == "Worldwide" => String::new(),
                None => format!(" in {territory}"),
            };
            let detail = if lang.is_empty() {
                detail
            } else {
                format!("{detail} (language {lang})")
            };
            let rel = release_name(release);
            let display_type = if feed.version.is_ern4() {
                "LabelType=\"DisplayLabel\""
            } else {
                "LabelNameType=\"DisplayLabelName\""
            };
            if explicit.len() > 1 {
                let names: Vec<String> = explicit.iter().map(|l| format!("'{}'", shown(feed, l))).collect();
                let second = explicit[1];
                out.push(
                    RULE.finding(
                        second.elem,
                        second.tag_span,
                        format!(
                            "release{rel} has {} display labels{detail}: {}; DSPs may each pick a different one",
                            explicit.len(),
                            names.join(", ")
                        ),
                    )
                    .with_help(format!(
                        "keep {display_type} on exactly one label; give the others another type or remove them"
                    )),
                );
            } else {
                let names: Vec<String> = all.iter().map(|l| format!("'{}'", shown(feed, l))).collect();
                let (anchor, span) = match details {
                    Some(i) => {
                        let d = &release.display.details[*i as usize];
                        (d.elem, d.tag_span)
                    }
                    None => (release.elem, release.tag_span),
                };
                out.push(
                    RULE.finding(
                        anchor,
                        span,
                        format!("release{rel} has {} labels{detail} ({}) and none is marked as the display label; DSPs may each pick a different one", all.len(), names.join(", ")),
                    )
                    .with_help(format!("mark the label to show with {display_type}, or keep only that one")),
                );
            }
        }
    }
}
