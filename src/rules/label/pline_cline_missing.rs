use crate::ern::{Feed, Release, ReleaseKind, Resource};
use crate::finding::{Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};

pub static RULE: Rule = Rule {
    id: "pline-cline-missing",
    category: Category::Label,
    severity: Severity::Warning,
    fix: FixClass::No,
    summary: "a release with no P line (℗ notice) anywhere",
    doc: r#"## What it does
Reports a release that carries no P line (the ℗ notice of the sound recording rights):
- ERN 4: no `PLine` on the `Release` and none on any of the resources it contains (the
  `SoundRecordingEdition/PLine` of its sound recordings, resolved through its
  `ReleaseResourceReference`s). DDEX's own samples put the P line on the recordings only:
  that is fine.
- ERN 3: no `PLine` on the `Release` and not one in every `ReleaseDetailsByTerritory`
  (Release Profile rule 1017-1: "PLine in every ReleaseDetailsByTerritory if not on
  Release"). A `PLine` in the first `ReleaseDetailsByTerritory` counts for all: per the
  DDEX Knowledge Base the first one "communicates the default values that apply to all
  territories" and later ones give only what differs. The finding points at each
  `ReleaseDetailsByTerritory` that lacks it, or at the first when there is none at all.

Only releases that contain a recording (a `SoundRecording` or `Video`) need a ℗ notice: a
release of images only (a wallpaper) is not reported.

When the release has no C line (`CLine`, the © notice) either, the message says so. A
missing C line alone is not reported: the Release Profiles make it optional ("A CLine may be
communicated where applicable").

Stub releases of deal-only ERN 3 messages (a `ResourceOmissionReason`: takedowns, price
changes) and ERN 4 `TrackRelease`s (their P line is their sound recording's, which the main
release already covers) are not checked.

## Why
"℗ notices should be displayed on all copies of the sound recordings - both physical and
digital - that are issued to the public" (DDEX Knowledge Base). DSPs show the P line on the
release page and many distributors reject releases without one; the DDEX Release Profile
Schematron makes a missing ERN 3 P line a fatal error (1017-1).

## Example
```xml
<ReleaseDetailsByTerritory>
  <TerritoryCode>Worldwide</TerritoryCode>
  <LabelName>Disques Lune Rousse</LabelName>
  <!-- no PLine, and none on the Release -->
</ReleaseDetailsByTerritory>
```

## Use instead
```xml
<ReleaseDetailsByTerritory>
  <TerritoryCode>Worldwide</TerritoryCode>
  <LabelName>Disques Lune Rousse</LabelName>
  <PLine><Year>2026</Year><PLineText>℗ 2026 Disques Lune Rousse</PLineText></PLine>
  <CLine><Year>2026</Year><CLineText>© 2026 Disques Lune Rousse</CLineText></CLine>
</ReleaseDetailsByTerritory>
```

## Fix
None: only the rights owner knows the owner and the year."#,
    // Whole message: a release's P and C lines may sit on its resources (ERN 4 lists them apart).
    check: Check::Whole(check),
};

/// The resources a release contains.
pub fn release_resources<'f, 'a>(feed: &'f Feed<'a>, index: usize) -> Vec<&'f Resource<'a>> {
    feed.release_resources(&feed.releases[index])
}

fn name_of(r: &Release) -> String {
    r.reference
        .as_ref()
        .map(|t| format!(" {}", t.value.trim()))
        .unwrap_or_default()
}

/// Resources whose release carries a ℗ notice: recordings of sound or of sound and image.
fn is_recording(r: &Resource) -> bool {
    matches!(r.kind, "SoundRecording" | "Video")
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let feed = cx.feed;
    for (i, r) in feed.releases.iter().enumerate() {
        if r.resources_omitted || r.kind == ReleaseKind::TrackRelease {
            continue;
        }
        let resources = release_resources(feed, i);
        // A release of images, texts or software only (a wallpaper) has no recording to notice.
        if !resources.is_empty() && !resources.iter().any(|x| is_recording(x)) {
            continue;
        }
        // Only for messages: built when a finding is made.
        let name = || name_of(r);
        let no_c = if r.display.clines.is_empty() {
            "; it has no CLine (© notice) either"
        } else {
            ""
        };
        if feed.version.is_ern4() {
            if !r.display.plines.is_empty() || resources.iter().any(|x| !x.display.plines.is_empty()) {
                continue;
            }
            let recordings = resources.iter().filter(|x| is_recording(x)).count();
            let which = if recordings == 0 {
                String::new()
            } else {
                format!(" nor on any of its {recordings} recording(s)")
            };
            out.push(
                RULE.finding(
                    r.elem,
                    r.tag_span,
                    format!("release{} has no PLine (℗ notice) on the release{which}{no_c}", name()),
                )
                .with_help(
                    "add a PLine (Year, PLineCompany, PLineText) to the Release or to each SoundRecordingEdition",
                ),
            );
            continue;
        }
        // ERN 3: on the Release, in the default (first) ReleaseDetailsByTerritory, which
        // gives the values of every territory (DDEX KB, territorial variations), or in each.
        let in_details = |d: usize| r.display.plines.iter().any(|l| l.details == Some(d as u16));
        if r.display.plines.iter().any(|l| l.details.is_none()) || in_details(0) {
            continue;
        }
        let Some(first) = r.display.details.first() else {
            out.push(
                RULE.finding(
                    r.elem,
                    r.tag_span,
                    format!("release{} has no PLine (℗ notice){no_c}", name()),
                )
                .with_help("add a PLine to the Release"),
            );
            continue;
        };
        let lacking: Vec<usize> = (0..r.display.details.len()).filter(|&d| !in_details(d)).collect();
        if lacking.len() == r.display.details.len() {
            out.push(
                RULE.finding(
                    first.elem,
                    first.tag_span,
                    format!("release{} has no PLine (℗ notice): none on the Release nor in any ReleaseDetailsByTerritory{no_c}", name()),
                )
                .with_help("add a PLine to the Release, or to the first (default) ReleaseDetailsByTerritory"),
            );
            continue;
        }
        for d in lacking {
            let det = &r.display.details[d];
            let codes: Vec<&str> = det.territories.iter().map(|t| t.value.trim()).collect();
            let terr = if codes.is_empty() {
                String::new()
            } else {
                format!(
                    " ({}{})",
                    if det.excluded { "excluding " } else { "" },
                    codes.join(", ")
                )
            };
            out.push(
                RULE.finding(
                    det.elem,
                    det.tag_span,
                    if d == 0 {
                        format!(
                            "the default (first) ReleaseDetailsByTerritory{terr} of release{} has no PLine, and the Release has none (RP 1017-1)",
                            name()
                        )
                    } else {
                        format!(
                            "ReleaseDetailsByTerritory{terr} of release{} has no PLine; neither the Release nor the default (first) ReleaseDetailsByTerritory gives one (RP 1017-1)",
                            name()
                        )
                    },
                )
                .with_help("add the PLine to the Release or to the first ReleaseDetailsByTerritory, or to this one"),
            );
        }
    }
}
