use std::borrow::Cow;

use crate::ern::{Release, ReleaseKind, Resource};
use crate::finding::{Finding, Severity, Span};
use crate::hash::FastMap;
use crate::rules::{Category, Check, Context, FixClass, MessageRule, Rule};

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
    // Whole message: a release's P and C lines may sit on its resources (ERN 4 lists them
    // apart). Carries each resource's reference with whether it is a recording and has a P
    // line, and the releases lacking a P line of their own whose resources are not all read
    // yet (the references, and the findings or what makes them), and the findings made.
    check: Check::Message(start),
};

/// `part` (a slice of `whole`) with the lifetime of the file text when `whole` borrows it.
pub(crate) fn part_of<'a>(whole: &Cow<'a, str>, part: &str) -> Cow<'a, str> {
    if let Cow::Borrowed(w) = whole {
        let start = (part.as_ptr() as usize).wrapping_sub(w.as_ptr() as usize);
        if let Some(p) = start.checked_add(part.len()).and_then(|end| w.get(start..end)) {
            return Cow::Borrowed(p);
        }
    }
    Cow::Owned(part.to_string())
}

/// What a message rule keeps of the resources read so far, to find the resources of a
/// release in the segments before its own: a `T` of each resource with a reference, found by
/// reference (the first definition wins, as in [`crate::ern::Feed::resource`]).
pub(crate) struct ResourceIndex<'a, T> {
    /// Each resource with a reference, in document order: the reference as written (taken
    /// once indexed) and its `T`.
    resources: Vec<(Cow<'a, str>, T)>,
    /// The trimmed references of the first `indexed` resources: built when a release first
    /// asks (in a batch whose releases all have what the rule needs, never).
    by_reference: FastMap<Cow<'a, str>, u32>,
    indexed: usize,
}

impl<T> Default for ResourceIndex<'_, T> {
    fn default() -> Self {
        ResourceIndex {
            resources: Vec::new(),
            by_reference: FastMap::default(),
            indexed: 0,
        }
    }
}

impl<'a, T> ResourceIndex<'a, T> {
    /// Adds a resource of a segment (before the segment's releases are read), with `info` of
    /// it, if it has a reference.
    pub(crate) fn add(&mut self, resource: &Resource<'a>, info: impl FnOnce() -> T) {
        if let Some(t) = &resource.reference {
            self.resources.push((t.value.clone(), info()));
        }
    }

    /// The resources a release's `ResourceReference`s name, each once, in the order of the
    /// references ([`crate::ern::Feed::release_resources`]). While the message is not read
    /// to its end (`complete` false), `None` when a reference names no resource read so far:
    /// one of a later segment may be the one it names; at the end, such references are left
    /// out.
    pub(crate) fn resources<'s>(&mut self, refs: impl Iterator<Item = &'s str>, complete: bool) -> Option<Vec<&T>> {
        for (i, (reference, _)) in self.resources.iter_mut().enumerate().skip(self.indexed) {
            let reference = std::mem::take(reference);
            self.by_reference
                .entry(part_of(&reference, reference.trim()))
                .or_insert(i as u32);
        }
        self.indexed = self.resources.len();
        let mut found: Vec<u32> = Vec::new();
        for reference in refs {
            match self.by_reference.get(reference.trim()) {
                Some(&i) if !found.contains(&i) => found.push(i),
                Some(_) => {}
                None if complete => {}
                None => return None,
            }
        }
        Some(found.into_iter().map(|i| &self.resources[i as usize].1).collect())
    }
}

/// The references of a release's resources, kept until its resources are all read.
pub(crate) fn resource_refs<'a>(release: &Release<'a>) -> Vec<Cow<'a, str>> {
    release.resource_refs.iter().map(|t| t.value.clone()).collect()
}

/// " R1" for a release with the reference `R1`, "" for one without.
pub(crate) fn name_of(reference: Option<&str>) -> String {
    reference.map(|t| format!(" {}", t.trim())).unwrap_or_default()
}

/// Resources whose release carries a ℗ notice: recordings of sound or of sound and image.
fn is_recording(r: &Resource) -> bool {
    matches!(r.kind, "SoundRecording" | "Video")
}

/// What the rule needs of a resource.
struct Contained {
    recording: bool,
    has_plines: bool,
}

/// A release with no P line of its own, before its resources are looked at.
enum Lacking<'a> {
    /// ERN 4: reported unless a resource has a P line.
    Ern4 {
        elem: u32,
        span: Span,
        reference: Option<Cow<'a, str>>,
        no_c: &'static str,
    },
    /// ERN 3: the findings.
    Ern3(Vec<Finding>),
}

struct Missing<'a> {
    ern4: bool,
    resources: ResourceIndex<'a, Contained>,
    /// The releases lacking a P line with a resource not read yet, and their references.
    pending: Vec<(Lacking<'a>, Vec<Cow<'a, str>>)>,
    found: Vec<Finding>,
}

fn start<'a>(cx: &Context<'_, 'a>) -> Box<dyn MessageRule<'a> + 'a> {
    Box::new(Missing {
        ern4: cx.feed.version.is_ern4(),
        resources: ResourceIndex::default(),
        pending: Vec::new(),
        found: Vec::new(),
    })
}

impl<'a> MessageRule<'a> for Missing<'a> {
    fn collect(&mut self, cx: &Context<'_, 'a>) {
        let feed = cx.feed;
        for x in &feed.resources {
            self.resources.add(x, || Contained {
                recording: is_recording(x),
                has_plines: !x.display.plines.is_empty(),
            });
        }
        for r in &feed.releases {
            if r.resources_omitted || r.kind == ReleaseKind::TrackRelease {
                continue;
            }
            let Some(lacking) = lacking(r, self.ern4) else {
                continue;
            };
            let refs = r.resource_refs.iter().map(|t| &*t.value);
            match self.resources.resources(refs, false) {
                Some(contained) => report(lacking, &contained, &mut self.found),
                None => self.pending.push((lacking, resource_refs(r))),
            }
        }
    }

    fn finish(self: Box<Self>, _cx: &Context<'_, 'a>, out: &mut Vec<Finding>) {
        let Missing {
            mut resources,
            pending,
            mut found,
            ..
        } = *self;
        for (lacking, refs) in pending {
            let contained = resources.resources(refs.iter().map(|r| &**r), true).unwrap_or_default();
            report(lacking, &contained, &mut found);
        }
        out.extend(found);
    }
}

/// The findings `lacking` gives, given the resources of its release.
fn report(lacking: Lacking, resources: &[&Contained], out: &mut Vec<Finding>) {
    // A release of images, texts or software only (a wallpaper) has no recording to notice.
    if !resources.is_empty() && !resources.iter().any(|x| x.recording) {
        return;
    }
    match lacking {
        Lacking::Ern3(findings) => out.extend(findings),
        Lacking::Ern4 {
            elem,
            span,
            reference,
            no_c,
        } => {
            if resources.iter().any(|x| x.has_plines) {
                return;
            }
            let recordings = resources.iter().filter(|x| x.recording).count();
            let which = if recordings == 0 {
                String::new()
            } else {
                format!(" nor on any of its {recordings} recording(s)")
            };
            out.push(
                RULE.finding(
                    elem,
                    span,
                    format!(
                        "release{} has no PLine (℗ notice) on the release{which}{no_c}",
                        name_of(reference.as_deref())
                    ),
                )
                .with_help(
                    "add a PLine (Year, PLineCompany, PLineText) to the Release or to each SoundRecordingEdition",
                ),
            );
        }
    }
}

/// What a release lacking a P line of its own gives, `None` for one that has one.
fn lacking<'a>(r: &Release<'a>, ern4: bool) -> Option<Lacking<'a>> {
    let no_c = if r.display.clines.is_empty() {
        "; it has no CLine (© notice) either"
    } else {
        ""
    };
    if ern4 {
        return r.display.plines.is_empty().then(|| Lacking::Ern4 {
            elem: r.elem,
            span: r.tag_span,
            reference: r.reference.as_ref().map(|t| t.value.clone()),
            no_c,
        });
    }
    // Only for messages: built when a finding is made.
    let name = || name_of(r.reference.as_ref().map(|t| &*t.value));
    // ERN 3: on the Release, in the default (first) ReleaseDetailsByTerritory, which
    // gives the values of every territory (DDEX KB, territorial variations), or in each.
    let in_details = |d: usize| r.display.plines.iter().any(|l| l.details == Some(d as u16));
    if r.display.plines.iter().any(|l| l.details.is_none()) || in_details(0) {
        return None;
    }
    let mut out = Vec::new();
    let Some(first) = r.display.details.first() else {
        out.push(
            RULE.finding(
                r.elem,
                r.tag_span,
                format!("release{} has no PLine (℗ notice){no_c}", name()),
            )
            .with_help("add a PLine to the Release"),
        );
        return Some(Lacking::Ern3(out));
    };
    let lacking: Vec<usize> = (0..r.display.details.len()).filter(|&d| !in_details(d)).collect();
    if lacking.len() == r.display.details.len() {
        out.push(
            RULE.finding(
                first.elem,
                first.tag_span,
                format!(
                    "release{} has no PLine (℗ notice): none on the Release nor in any ReleaseDetailsByTerritory{no_c}",
                    name()
                ),
            )
            .with_help("add a PLine to the Release, or to the first (default) ReleaseDetailsByTerritory"),
        );
        return Some(Lacking::Ern3(out));
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
    Some(Lacking::Ern3(out))
}
