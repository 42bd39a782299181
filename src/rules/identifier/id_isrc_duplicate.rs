use std::borrow::Cow;

use crate::hash::FastMap;

use crate::ern::{IdKind, Owner, Resource};
use crate::finding::{Finding, Severity};
use crate::ids::{check_isrc, IdCheck};
use crate::rules::{Category, Check, Context, FixClass, Rule};

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
    // Whole message: compares the ISRCs of all the resources.
    check: Check::Whole(check),
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

/// "sound recording A1", "video V1", "sound recording" when it has no reference.
fn describe(resource: &Resource) -> String {
    let mut noun = String::new();
    for c in resource.kind.chars() {
        if c.is_uppercase() && !noun.is_empty() {
            noun.push(' ');
        }
        noun.extend(c.to_lowercase());
    }
    match resource
        .reference
        .as_ref()
        .map(|r| r.value.trim())
        .filter(|r| !r.is_empty())
    {
        Some(reference) => format!("{noun} {reference}"),
        None => noun,
    }
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let feed = cx.feed;
    // First holder of each ISRC: (resource index, start tag of its ISRC element).
    let mut first: FastMap<Cow<str>, (usize, u32)> = FastMap::default();
    for ident in feed.identifiers.iter().filter(|i| i.kind == IdKind::Isrc) {
        let Owner::Resource(resource) = ident.owner else {
            continue;
        };
        let Some(key) = key(&ident.text.value) else {
            continue;
        };
        match first.get(&key) {
            None => {
                first.insert(key, (resource, ident.text.elem));
            }
            Some(&(holder, _)) if holder == resource => {}
            Some(&(holder, at)) => {
                let line = cx.source.line_of(at);
                let this = describe(&feed.resources[resource]);
                let other = describe(&feed.resources[holder]);
                out.push(
                    RULE.finding(
                        ident.text.elem,
                        ident.text.span,
                        format!("ISRC {key} of {this} is already the ISRC of {other} (line {line})"),
                    )
                    .with_help(
                        "give each recording its own ISRC (every edit, remix, live or remastered version and every \
                         video needs one); if both are the same recording, list it once and reference it from each \
                         release",
                    ),
                );
            }
        }
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
