use std::collections::{HashMap, HashSet};

use super::fieldtext::non_ascii_texts;
use crate::text::script::{is_letter, letter_script};

use crate::finding::{Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};
use crate::text::{
    expected_script, has_latin_letters, is_latin_only, latin_lookalike, scripts_of, skeleton, Script, ScriptCode,
};

pub static RULE: Rule = Rule {
    id: "unicode-whole-script-confusable-name",
    category: Category::Unicode,
    severity: Severity::Warning,
    fix: FixClass::No,
    summary: "a name written entirely in letters of another script that look like Latin letters",
    doc: r#"## What it does
Reports an artist, party or label name written in one non-Latin script (Cyrillic, Greek,
Cherokee…) whose every letter looks exactly like a Latin letter, so that the whole name reads
as a Latin name: Cyrillic `АВВА` reads as `ABBA`, Cyrillic `КОМЕТА` as `KOMETA` (same UTS #39
skeleton). When the feed also has a Latin-script name that looks the same, the finding names
it.

A name in the script its language is written in (`КОМЕТА` in a text tagged `ru`, `ΚΑΤΕΡΙΝΑ`
tagged `el`) is taken as genuine and reported only when the feed also has the Latin name it
looks like. Names with at least one letter that has no Latin look-alike (`Максим`, `Ελληνικός`,
`Београд`) are not reported, nor names mixing scripts (that is
`unicode-mixed-script-confusable`).

## Why
Such a name is either a genuine name in its own script (`КОМЕТА` is a Russian word) or a
Latin name typed on a Cyrillic or Greek keyboard layout. In the second case nobody can find
it by typing the Latin name, and it does not match the artist's or label's other releases.
In both cases it can be taken for a different, better-known Latin name: a DSP's content team
will ask whether it is the same party. Only a human can tell.

## Example
```xml
<DisplayArtistName>АВВА</DisplayArtistName>  <!-- Cyrillic А, В, В, А -->
```

## Use instead
```xml
<DisplayArtistName>ABBA</DisplayArtistName>
```
or, for a genuine Cyrillic name, keep it and make sure the party is identified (ISNI,
proprietary id) so that it is not merged with the Latin look-alike.

## Fix
None: only the label knows whether the name is meant to be in this script."#,
    // Whole message: looks for the look-alike Latin name anywhere in the message.
    check: Check::Whole(check),
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    // The names that read as Latin: none in most feeds, and never an ASCII one.
    let mut candidates = Vec::new();
    for (field, t, facts) in non_ascii_texts(cx) {
        // A Latin letter anywhere makes a name Latin (`latin_lookalike` is `None`).
        if !field.is_name()
            || facts.has_ascii_letter()
            || facts.wide_chars().is_some_and(|cs| {
                cs.iter()
                    .any(|&c| is_letter(c) && letter_script(c) == Some(Script::Latin))
            })
        {
            continue;
        }
        let value = t.value().trim();
        let Some(reads_as) = latin_lookalike(value) else {
            continue;
        };
        let Some(script) = scripts_of(value)
            .iter()
            .find(|s| !matches!(s, Script::Common | Script::Inherited))
        else {
            continue;
        };
        candidates.push((field, t, value, reads_as, script));
    }
    if candidates.is_empty() {
        return;
    }
    // Latin-script names of the feed by skeleton, to name a look-alike the feed also has.
    // Names repeat across releases: each distinct value is keyed once (the first one wins).
    let mut latin: HashMap<String, &str> = HashMap::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for &(field, t) in cx.display_texts() {
        if field.is_name() && seen.insert(t.value()) && has_latin_letters(t.value()) && is_latin_only(t.value()) {
            latin.entry(skeleton(t.value().trim())).or_insert(t.value().trim());
        }
    }
    let mut expected: HashMap<String, Option<ScriptCode>> = HashMap::new();
    for (field, t, value, reads_as, script) in candidates {
        let twin = latin.get(&skeleton(value));
        // A name in the script its language is written in (`КОМЕТА` tagged `ru`) is taken as
        // genuine unless the feed also has its Latin look-alike. Unknown expectations (`sr`,
        // malformed tags) count as "not this script" only with a Latin twin.
        let tag = t.lang.tag();
        let expects = *expected.entry(tag.to_string()).or_insert_with(|| expected_script(tag));
        let native = expects.is_none_or(|e| e.components().contains(script));
        if twin.is_none() && native {
            continue;
        }
        let script = script.full_name();
        let also = twin
            .map(|l| format!("; the feed also has the Latin name '{l}'"))
            .unwrap_or_else(|| format!("; its language '{tag}' is not written in {script}"));
        let help = match twin {
            Some(l) => format!(
                "if the name is '{l}', retype it in Latin letters; if it is a genuine {script} name, make sure it is not taken for the party '{l}'"
            ),
            None => format!(
                "if the name is '{reads_as}', retype it in Latin letters; if it is a genuine {script} name, tag it with its language"
            ),
        };
        out.push(
            RULE.finding(
                t.text.elem,
                t.text.span,
                format!(
                    "the {} '{value}' is written in {script} letters that all look like Latin letters: it reads as '{reads_as}' but is a different name for search and matching{also}",
                    cx.nouns().of(field, t),
                ),
            )
            .with_help(help),
        );
    }
}
