use std::borrow::Cow;
use std::collections::HashMap;

use super::fieldtext::non_ascii_texts;
use crate::text::script::{is_letter, letter_script};

use crate::finding::{Finding, Severity, Span};
use crate::hash::FastMap;
use crate::rules::{Category, Check, Context, FixClass, MessageRule, Rule};
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
    // Whole message: the look-alike Latin name may be anywhere. Carries each distinct content
    // name (whether it is Latin-only, and where it first appears) and the content names that
    // read as Latin, with what their findings need.
    check: Check::Message(start),
};

fn start<'a>(_: &Context<'_, 'a>) -> Box<dyn MessageRule<'a> + 'a> {
    Box::<Confusables>::default()
}

#[derive(Default)]
struct Confusables<'a> {
    /// The content items' names that read as Latin, in document order.
    candidates: Vec<Candidate>,
    /// Each distinct content name: where it first appears if it is written in Latin letters
    /// only, to name a look-alike the message also has.
    names: FastMap<Cow<'a, str>, Option<u32>>,
}

/// A name written in letters that all look like Latin ones: what its finding needs.
struct Candidate {
    elem: u32,
    span: Span,
    /// The text's start: the order of the findings.
    start: u32,
    value: String,
    reads_as: String,
    script: Script,
    tag: String,
    noun: &'static str,
}

impl<'a> Confusables<'a> {
    /// The names among the texts inside (`inside`) or outside the content items that read
    /// as Latin.
    fn candidates(cx: &Context<'_, 'a>, inside: bool) -> Vec<Candidate> {
        let mut out = Vec::new();
        // None in most feeds, and never an ASCII name.
        for (field, t, facts) in non_ascii_texts(cx) {
            // A Latin letter anywhere makes a name Latin (`latin_lookalike` is `None`).
            if !field.is_name()
                || facts.has_ascii_letter()
                || facts.wide_chars().is_some_and(|cs| {
                    cs.iter()
                        .any(|&c| is_letter(c) && letter_script(c) == Some(Script::Latin))
                })
                || cx.is_in_content(t.text.elem) != inside
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
            out.push(Candidate {
                elem: t.text.elem,
                span: t.text.span,
                start: t.text.span.start,
                value: value.to_string(),
                reads_as,
                script,
                tag: t.lang.tag().to_string(),
                noun: cx.nouns().of(field, t),
            });
        }
        out
    }

    /// Notes the names inside (`inside`) or outside the content items, each distinct value once.
    fn note_names(&mut self, cx: &Context<'_, 'a>, inside: bool) {
        for &(field, t) in cx.display_texts() {
            if !field.is_name() || self.names.contains_key(t.value()) || cx.is_in_content(t.text.elem) != inside {
                continue;
            }
            let latin = has_latin_letters(t.value()) && is_latin_only(t.value());
            self.names
                .insert(t.text.value.clone(), latin.then_some(t.text.span.start));
        }
    }
}

impl<'a> MessageRule<'a> for Confusables<'a> {
    fn collect(&mut self, cx: &Context<'_, 'a>) {
        self.candidates.extend(Self::candidates(cx, true));
        self.note_names(cx, true);
    }

    fn finish(mut self: Box<Self>, cx: &Context<'_, 'a>, out: &mut Vec<Finding>) {
        // The context's (the parties') names come before the content items'.
        let mut candidates = Self::candidates(cx, false);
        candidates.append(&mut self.candidates);
        candidates.sort_by_key(|c| c.start);
        if candidates.is_empty() {
            return;
        }
        self.note_names(cx, false);
        // Latin-script names of the feed by skeleton, to name a look-alike the feed also has.
        // Names repeat across releases: each distinct value is keyed once (the first one wins).
        let mut firsts: Vec<(u32, &str)> = self
            .names
            .iter()
            .filter_map(|(value, at)| at.map(|at| (at, value.as_ref())))
            .collect();
        firsts.sort_unstable();
        let mut latin: HashMap<String, &str> = HashMap::new();
        for (_, value) in firsts {
            latin.entry(skeleton(value.trim())).or_insert(value.trim());
        }
        let mut expected: HashMap<String, Option<ScriptCode>> = HashMap::new();
        for c in candidates {
            let twin = latin.get(&skeleton(&c.value));
            // A name in the script its language is written in (`КОМЕТА` tagged `ru`) is taken as
            // genuine unless the feed also has its Latin look-alike. Unknown expectations (`sr`,
            // malformed tags) count as "not this script" only with a Latin twin.
            let tag = c.tag.as_str();
            let expects = *expected.entry(tag.to_string()).or_insert_with(|| expected_script(tag));
            let native = expects.is_none_or(|e| e.components().contains(c.script));
            if twin.is_none() && native {
                continue;
            }
            let script = c.script.full_name();
            let also = twin
                .map(|l| format!("; the feed also has the Latin name '{l}'"))
                .unwrap_or_else(|| format!("; its language '{tag}' is not written in {script}"));
            let reads_as = &c.reads_as;
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
                    c.elem,
                    c.span,
                    format!(
                        "the {} '{}' is written in {script} letters that all look like Latin letters: it reads as '{reads_as}' but is a different name for search and matching{also}",
                        c.noun, c.value,
                    ),
                )
                .with_help(help),
            );
        }
    }
}
