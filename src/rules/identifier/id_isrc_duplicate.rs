use std::borrow::Cow;

use crate::hash::FastMap;

use crate::ern::{IdKind, Owner};
use crate::finding::{Finding, Severity};
use crate::ids::{check_isrc, IdCheck};
use crate::rules::{Category, Check, Context, FixClass, MessageRule, Rule};

pub static RULE: Rule = Rule {
    id: "id-isrc-duplicate",
    category: Category::Identifier,
    severity: Severity::Error,
    fix: FixClass::No,
    summary: "one ISRC on two different recordings of one message",
    doc: r#"## What it does
Reports an ISRC that two different resources of one message carry (two `SoundRecording`s,
or a `SoundRecording` and a `Video`), at the second and every later one, naming the line of
the first. ISRCs are compared in their clean form, so `GB-ABC-24-00012` and `GBABC2400012`
are the same ISRC; values that are no ISRC at all (empty, placeholders like `XXXX`) are left
to `id-isrc`. An ISRC repeated inside one resource is not reported, nor an ERN 3
`ReleaseId/ISRC` equal to its track's ISRC (a single may be identified by its recording's
ISRC).

## Why
An ISRC identifies one recording. Each version of a track (radio edit, remix, live,
remaster, instrumental) and each music video needs its own, or DSPs merge them into one
track: the wrong audio plays, play counts and royalties are pooled, and one of the two
versions disappears from the catalogue. When the two resources really are the same
recording, it should be listed once and referenced from every release that contains it.

## Example
```xml
<SoundRecording>
  <ResourceReference>A1</ResourceReference>
  <SoundRecordingEdition><ResourceId><ISRC>NOABC2600001</ISRC></ResourceId></SoundRecordingEdition>
  <DisplayTitleText>Vinterlys</DisplayTitleText>
</SoundRecording>
<SoundRecording>
  <ResourceReference>A2</ResourceReference>
  <SoundRecordingEdition><ResourceId><ISRC>NOABC2600001</ISRC></ResourceId></SoundRecordingEdition>
  <DisplayTitleText>Vinterlys (Radio Edit)</DisplayTitleText>
</SoundRecording>
```

## Use instead
```xml
<SoundRecording>
  <ResourceReference>A2</ResourceReference>
  <SoundRecordingEdition><ResourceId><ISRC>NOABC2600002</ISRC></ResourceId></SoundRecordingEdition>
  <DisplayTitleText>Vinterlys (Radio Edit)</DisplayTitleText>
</SoundRecording>
```

## Fix
None: the label's ISRC registry says which recording has which ISRC."#,
    // Whole message: compares the ISRCs of all the resources. Carries the first holder of
    // each ISRC (its clean form, the holder's index, ISRC offset, kind and reference) and the
    // findings made.
    check: Check::Message(start),
};

/// The ISRC as receivers compare it: its clean form. `None` when the value is no ISRC at
/// all (empty, a placeholder, the wrong shape): `id-isrc` reports that, and two placeholders
/// are not two recordings sharing an identifier.
fn key(raw: &str) -> Option<Cow<'_, str>> {
    match check_isrc(raw) {
        IdCheck::Valid => Some(Cow::Borrowed(raw)),
        IdCheck::Fixable { normalized, .. } => Some(Cow::Owned(normalized)),
        IdCheck::Invalid { .. } => None,
    }
}

/// "sound recording A1", "video V1", "sound recording" when it has no reference: a
/// resource of `kind` (`SoundRecording`, `Video`) with its `ResourceReference`.
fn describe(kind: &str, reference: Option<&str>) -> String {
    let mut noun = String::new();
    for c in kind.chars() {
        if c.is_uppercase() && !noun.is_empty() {
            noun.push(' ');
        }
        noun.extend(c.to_lowercase());
    }
    match reference.map(str::trim).filter(|r| !r.is_empty()) {
        Some(reference) => format!("{noun} {reference}"),
        None => noun,
    }
}

/// [`key`] of an identifier's value, borrowing the file text when the value does.
fn key_of<'a>(value: &Cow<'a, str>) -> Option<Cow<'a, str>> {
    match value {
        Cow::Borrowed(raw) => key(raw),
        Cow::Owned(raw) => key(raw).map(|k| Cow::Owned(k.into_owned())),
    }
}

/// The first holder of an ISRC: what a later holder's finding names.
struct Holder<'a> {
    /// Index of the resource among the message's resources.
    resource: u32,
    /// Start tag of its ISRC element.
    at: u32,
    kind: &'a str,
    reference: Option<Cow<'a, str>>,
}

impl Holder<'_> {
    /// [`describe`] of the resource.
    fn describe(&self) -> String {
        describe(self.kind, self.reference.as_deref())
    }
}

#[derive(Default)]
struct Isrcs<'a> {
    /// First holder of each ISRC.
    first: FastMap<Cow<'a, str>, Holder<'a>>,
    /// Resources of the segments read so far.
    resources_before: u32,
    found: Vec<Finding>,
}

fn start<'a>(_cx: &Context<'_, 'a>) -> Box<dyn MessageRule<'a> + 'a> {
    Box::<Isrcs<'a>>::default()
}

impl<'a> MessageRule<'a> for Isrcs<'a> {
    fn collect(&mut self, cx: &Context<'_, 'a>) {
        let feed = cx.feed;
        for ident in feed.identifiers.iter().filter(|i| i.kind == IdKind::Isrc) {
            let Owner::Resource(index) = ident.owner else {
                continue;
            };
            let Some(key) = key_of(&ident.text.value) else {
                continue;
            };
            let resource = self.resources_before + index as u32;
            match self.first.get(&key) {
                None => {
                    let r = &feed.resources[index];
                    let holder = Holder {
                        resource,
                        at: ident.text.elem,
                        kind: r.kind,
                        reference: r.reference.as_ref().map(|t| t.value.clone()),
                    };
                    self.first.insert(key, holder);
                }
                Some(holder) if holder.resource == resource => {}
                Some(holder) => {
                    let line = cx.source.line_of(holder.at);
                    let r = &feed.resources[index];
                    let this = describe(r.kind, r.reference.as_ref().map(|t| &*t.value));
                    let other = holder.describe();
                    self.found.push(
                        RULE.finding(
                            ident.text.elem,
                            ident.text.span,
                            format!("ISRC {key} of {this} is already the ISRC of {other} (line {line})"),
                        )
                        .with_help(
                            "give each recording its own ISRC (every edit, remix, live or remastered version and \
                             every video needs one); if both are the same recording, list it once and reference it \
                             from each release",
                        ),
                    );
                }
            }
        }
        self.resources_before += feed.resources.len() as u32;
    }

    fn finish(self: Box<Self>, _cx: &Context<'_, 'a>, out: &mut Vec<Finding>) {
        out.extend(self.found);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_compare_clean_forms() {
        assert_eq!(key("GB-ABC-24-00012"), key("GBABC2400012"));
        assert_eq!(key("isrc gbabc2400012").as_deref(), Some("GBABC2400012"));
        assert_eq!(key("XXXX"), None);
        assert_eq!(key("  "), None);
    }
}
