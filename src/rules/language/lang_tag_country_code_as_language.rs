use std::borrow::Cow;

use crate::ern::{AttrValue, TextField};
use crate::finding::{Finding, Fix, Severity};
use crate::hash::FastMap;
use crate::rules::{Category, Check, Context, FixClass, MessageRule, Rule};
use crate::text::{CountryCodeTrap, ScriptCode, TagAnalysis};

use super::variants::trimmed_text;
use super::{
    attr_label, field_noun, fits_trap_language, language_name, outer_attr_texts, quote, script_fits_language,
    script_name, text_script, texts_with_attr, trap_verdict, with_language, TagCache, TextUse,
};

pub static RULE: Rule = Rule {
    id: "lang-tag-country-code-as-language",
    category: Category::Language,
    severity: Severity::Warning,
    fix: FixClass::Suggest,
    summary: "a country code used as the language of a tag (`jp`, `cz`, `gr`; `kr` on Hangul, `si` on Latin text)",
    doc: r#"## What it does
Reports a `LanguageAndScriptCode` whose language subtag is a country code:
- codes that are no language at all: `jp` (Japan → `ja`), `cz` (→ `cs`), `gr` (→ `el`),
  `dk` (→ `da`), `ua` (→ `uk`), `sp` (→ `es`), `cn` (→ `zh`), `ge` (→ `ka` or `de`) …;
- *valid-but-wrong* codes: a registered language that is also a country code, when the texts
  the tag applies to contradict that language and fit the one likely meant:
  `si` (Sinhala, not Slovenia) on Latin text, `kr` (Kanuri, not Korea) on Hangul, `ch`
  (Chamorro) on Chinese characters, `be` (Belarusian, not Belgium) and `uk` (Ukrainian, not
  the United Kingdom) on Latin text, `se` (Northern Sami, not Sweden) on text with å, ä or ö
  and none of the Sami letters á č đ ŋ š ŧ ž.

A valid-but-wrong code is reported only when the texts say so: Latin text under `ca`, `cy`,
`kr` or `ee` is left alone (Catalan, Welsh, Kanuri and Ewe are written in Latin), and so is
any code when one of its texts is written in the code's own script (a Sinhala title under
`si`).

## Why
The language is not the territory: DDEX's knowledge base says "the language is independent
from the territory", and territories go in `ApplicableTerritoryCode`. A country code in the
language slot declares another language or none: `kr` tells the recipient that a Korean title
is Kanuri, so it is not offered to Korean users, gets the wrong casing and sorting rules, and
is not matched with the other Korean variants. Codes that are no language at all are also
errors of `lang-tag-invalid-or-deprecated-subtag`; this rule says which language was meant.

## Example
```xml
<DisplayTitle LanguageAndScriptCode="kr"><TitleText>봄비</TitleText></DisplayTitle>
<DisplayTitle LanguageAndScriptCode="jp-JP"><TitleText>夜明けのうた</TitleText></DisplayTitle>
```

## Use instead
```xml
<DisplayTitle LanguageAndScriptCode="ko"><TitleText>봄비</TitleText></DisplayTitle>
<DisplayTitle LanguageAndScriptCode="ja-JP"><TitleText>夜明けのうた</TitleText></DisplayTitle>
```

## Fix
Suggestion only: the tag with the likely language (`kr` → `ko`, `jp-JP` → `ja-JP`). When a
code stands for several languages (`ge`, `be`, `ch`), the texts' script picks one if it can;
otherwise the candidates are listed."#,
    // Whole message: judges an attribute by the texts that inherit it, on any item.
    // Carries the findings about the attributes inside content items (whose texts are in the
    // same item), and for each attribute outside them with a country code (the root's) what
    // the texts inside content items that inherit it tell: their scripts, whether one fits
    // the code's own language, the first that contradicts it.
    check: Check::Message(start),
};

#[derive(Default)]
struct State<'a> {
    cache: TagCache,
    /// About the attributes inside content items.
    found: Vec<Finding>,
    /// What the texts inside content items tell of the attributes outside them with a
    /// country code, by start of the attribute's value.
    outer: FastMap<u32, Evidence<'a>>,
}

fn start<'a>(_: &Context<'_, 'a>) -> Box<dyn MessageRule<'a> + 'a> {
    Box::<State>::default()
}

impl<'a> MessageRule<'a> for State<'a> {
    fn collect(&mut self, cx: &Context<'_, 'a>) {
        // `lang_attrs` is in document order.
        let mut content = cx.content_walk();
        for attr in &cx.feed.lang_attrs {
            if !content.contains(attr.elem) {
                continue; // read by `finish`
            }
            let a = self.cache.get(&attr.value);
            let Some(trap) = a.country_code_trap else {
                continue;
            };
            // The texts that inherit an attribute inside an item are in that item.
            let users = texts_with_attr(cx, attr.span.start);
            let evidence = Evidence::of(cx, trap, &users);
            self.found.extend(finding(cx, attr, a, trap, &evidence));
        }
        let cache = &mut self.cache;
        let outer = outer_attr_texts(cx, |tag| cache.get(tag).country_code_trap.is_some());
        for (attr, users) in outer {
            let Some(trap) = self.cache.get(&attr.value).country_code_trap else {
                continue;
            };
            let evidence = Evidence::of(cx, trap, &users);
            self.outer.entry(attr.span.start).or_default().add(evidence);
        }
    }

    fn finish(mut self: Box<Self>, cx: &Context<'_, 'a>, out: &mut Vec<Finding>) {
        let mut outer_found = Vec::new();
        let mut content = cx.content_walk();
        for attr in &cx.feed.lang_attrs {
            if content.contains(attr.elem) {
                continue; // read by `collect`
            }
            let a = self.cache.get(&attr.value);
            let Some(trap) = a.country_code_trap else {
                continue;
            };
            let users: Vec<&TextUse> = texts_with_attr(cx, attr.span.start)
                .into_iter()
                .filter(|t| !cx.is_in_content(t.loc.text.elem))
                .collect();
            let mut evidence = Evidence::of(cx, trap, &users);
            if let Some(inside) = self.outer.remove(&attr.span.start) {
                evidence.add(inside);
            }
            outer_found.extend(finding(cx, attr, a, trap, &evidence));
        }
        // Both in the document order of their attributes, as the whole message's are.
        let mut inner = std::mem::take(&mut self.found).into_iter().peekable();
        for f in outer_found {
            while let Some(g) = inner.next_if(|g| g.anchor < f.anchor) {
                out.push(g);
            }
            out.push(f);
        }
        out.extend(inner);
    }
}

/// What the texts an attribute applies to tell about its country code.
#[derive(Default)]
struct Evidence<'a> {
    /// The distinct scripts of the texts ([`text_script`]), for a code that is no language.
    scripts: Vec<ScriptCode>,
    /// For a registered code: whether a text fits the code's own language.
    fits: bool,
    /// For a registered code, unless a text fits its language: the first text that
    /// contradicts it ([`trap_verdict`]).
    first: Option<Witness<'a>>,
}

/// A text that contradicts a code, with the language likely meant.
struct Witness<'a> {
    field: TextField,
    elem: u32,
    /// Start of the text: the texts' document order.
    at: u32,
    value: Cow<'a, str>,
    likely: &'static str,
}

impl<'a> Evidence<'a> {
    fn of(cx: &Context<'_, 'a>, trap: &CountryCodeTrap, users: &[&TextUse<'_, 'a>]) -> Evidence<'a> {
        let mut e = Evidence::default();
        if !trap.is_registered_language() {
            for s in users.iter().filter_map(|t| text_script(t.loc.value())) {
                if !e.scripts.contains(&s) {
                    e.scripts.push(s);
                }
            }
        } else if let Some((t, likely)) = trap_verdict(cx, trap, users) {
            e.first = Some(Witness {
                field: t.field,
                elem: t.loc.text.elem,
                at: t.loc.text.span.start,
                value: trimmed_text(&t.loc.text.value),
                likely,
            });
        } else {
            e.fits = users.iter().any(|t| fits_trap_language(trap, t.loc.value()));
        }
        e
    }

    /// Adds what other texts of the attribute tell.
    fn add(&mut self, other: Evidence<'a>) {
        for s in other.scripts {
            if !self.scripts.contains(&s) {
                self.scripts.push(s);
            }
        }
        self.fits |= other.fits;
        if let Some(w) = other.first {
            if self.first.as_ref().is_none_or(|f| w.at < f.at) {
                self.first = Some(w);
            }
        }
    }
}

/// The finding about `attr`, whose tag `a` has the country code `trap`, by what its texts tell.
fn finding(cx: &Context, attr: &AttrValue, a: &TagAnalysis, trap: &CountryCodeTrap, e: &Evidence) -> Option<Finding> {
    let label = attr_label(cx, attr);
    let base = a.best().unwrap_or(trap.code).to_string();
    if !trap.is_registered_language() {
        let candidates = likely_for_scripts(trap.likely, &e.scripts);
        let names: Vec<String> = candidates
            .iter()
            .map(|l| format!("'{l}' ({})", language_name(l)))
            .collect();
        let finding = RULE.finding(
            attr.elem,
            attr.span,
            format!(
                "{label}: '{}' is not a language subtag: it stands for a country ({})",
                trap.code,
                country(trap)
            ),
        );
        return Some(if let [only] = candidates.as_slice() {
            let tag = with_language(&base, only);
            finding
                .with_help(format!(
                    "the language is {}: write '{tag}' (put the territory in ApplicableTerritoryCode)",
                    names[0]
                ))
                .with_fix(Fix::suggest(tag))
        } else {
            finding.with_help(format!("the language is probably {}", names.join(" or ")))
        });
    }
    if e.fits {
        return None;
    }
    let text = e.first.as_ref()?;
    let likely = text.likely;
    let own = trap.registered_name().unwrap_or(trap.code);
    let value: &str = &text.value;
    let evidence = if trap.code == "se" && text_script(value) == Some(ScriptCode::LATN) {
        "has å, ä or ö and no Northern Sami letter".to_string()
    } else {
        format!(
            "is in {} script",
            text_script(value).map(script_name).unwrap_or_default()
        )
    };
    let detected = text_script(value);
    let candidates: Vec<&str> = match detected {
        Some(d) if likely != "sv" => trap
            .likely
            .iter()
            .copied()
            .filter(|l| script_fits_language(d, l))
            .collect(),
        _ => vec![likely],
    };
    let writes: Vec<String> = candidates
        .iter()
        .map(|l| format!("for {} write '{}'", language_name(l), with_language(&base, l)))
        .collect();
    let mut help = writes.join(", ");
    let own_script = crate::text::native_script(trap.code);
    if own_script.is_some_and(|s| s != ScriptCode::LATN) && detected == Some(ScriptCode::LATN) {
        help.push_str(&format!(
            "; if the text is romanized {own}, write '{}'",
            with_language(&base, &format!("{}-Latn", trap.code))
        ));
    }
    let fix = match candidates.as_slice() {
        [only] => Some(Fix::suggest(with_language(&base, only))),
        _ => None,
    };
    Some(
        RULE.finding(
            attr.elem,
            attr.span,
            format!(
                "{label}: '{}' is the language code of {own} (not of {}), but the {} '{}' (line {}) {evidence}",
                trap.code,
                country(trap),
                field_noun(text.field),
                quote(value),
                cx.source.line_of(text.elem)
            ),
        )
        .with_help(help)
        .with_fix_opt(fix),
    )
}

/// The country in words: `United Kingdom`, `Switzerland or China`.
fn country(trap: &CountryCodeTrap) -> String {
    let c = trap.country;
    match c.split_once(" (") {
        Some((name, rest)) if rest.starts_with("or ") => format!("{name} {}", rest.trim_end_matches(')')),
        Some((name, _)) => name.to_string(),
        None => c.to_string(),
    }
}

/// The likely languages the texts' scripts allow (all of them when the texts cannot tell).
fn likely_for_scripts(likely: &'static [&'static str], scripts: &[ScriptCode]) -> Vec<&'static str> {
    if scripts.is_empty() || likely.len() == 1 {
        return likely.to_vec();
    }
    let fitting: Vec<&str> = likely
        .iter()
        .copied()
        .filter(|l| scripts.iter().all(|s| script_fits_language(*s, l)))
        .collect();
    if fitting.is_empty() {
        likely.to_vec()
    } else {
        fitting
    }
}
