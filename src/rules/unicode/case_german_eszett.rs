use super::fieldtext::texts_with_facts;
use super::textlang::LangCache;
use crate::ern::TextField;
use crate::finding::{Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};
use crate::text::words;

pub static RULE: Rule = Rule {
    id: "case-german-eszett",
    category: Category::Unicode,
    severity: Severity::Info,
    fix: FixClass::No,
    summary: "SS/ß/ẞ casing notes in German text",
    doc: r#"## What it does
Notes the places where German `ß` and letter case meet:
- a lower-case `ß` inside a word written in capitals (`STRAßE`): capitals use `SS` or the
  capital `ẞ` (U+1E9E);
- a capital `ẞ` inside a word in lower or mixed case (`Straẞe`): there it is `ß`;
- a German title (effective language `de`) written all in capitals with `SS` in it
  (`WEISSES RAUSCHEN`): if it is ever recased, each `SS` may be `ss` or `ß`
  (`Weißes Rauschen`), which only a German speaker can tell;
- `ß` in a title tagged Swiss or Liechtenstein Standard German (`de-CH`, `de-LI`, `gsw`),
  which writes `ss` (names keep the spelling their owner chose).

Correct text is left alone: `Straße`, `STRASSE`, `STRAẞE`, `Weißes Rauschen`.

## Why
`ß` has no traditional capital: upper-casing `Straße` gives `STRASSE`, and lower-casing
`STRASSE` cannot know whether to give `Strasse` or `Straße`. Case conversions in the delivery
chain therefore lose information, and stores that recase titles (or match them
case-insensitively) may show or match a different spelling from the one the label chose.
These are notes, not errors.

## Example
```xml
<TitleText LanguageAndScriptCode="de">STRAßENBAHN SÜD</TitleText>
```

## Use instead
```xml
<TitleText LanguageAndScriptCode="de">STRASSENBAHN SÜD</TitleText>
```
or, if the title is not meant to be in capitals, `Straßenbahn Süd`.

## Fix
None: case is the artist's choice, and `SS`→`ß` needs a German speaker. A case fix must never
lower-case `SS` to `ss` or `ß` automatically."#,
    check: Check::Item(check),
};

/// Letters of a word other than `ß`/`ẞ`: (upper-case count, lower-case count).
fn case_counts(word: &str) -> (usize, usize) {
    word.chars()
        .filter(|c| !matches!(c, 'ß' | 'ẞ'))
        .fold((0, 0), |(u, l), c| {
            (u + usize::from(c.is_uppercase()), l + usize::from(c.is_lowercase()))
        })
}

/// Whether the value's letters are all capitals (at least two, `ß` not counted).
fn all_caps(s: &str) -> bool {
    let (u, l) = case_counts(s);
    u >= 2 && l == 0
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let mut langs = LangCache::default();
    for (field, t, facts) in texts_with_facts(cx) {
        // Without `ß` only a title or subtitle in capitals with `SS` can be reported (a
        // lower-case ASCII letter rules out capitals): no need for its language or name.
        let may_have_eszett = facts.may_have_any(&['ß', 'ẞ']);
        let caps_title = matches!(field, TextField::Title | TextField::SubTitle)
            && facts.bytes.has(b'S')
            && !facts.bytes.has_in(b'a', b'z');
        if !may_have_eszett && !caps_title {
            continue;
        }
        let value = t.value();
        let has_eszett = may_have_eszett && value.contains(['ß', 'ẞ']);
        if !has_eszett && !value.contains("SS") {
            continue;
        }
        // Only when reporting: the names are computed on first use.
        let noun = || cx.nouns().of(field, t);
        let lang = langs.of(t);
        let german = lang.is("de");
        let swiss = (german && matches!(lang.region.as_deref(), Some("ch" | "li"))) || lang.is("gsw");
        let note = if has_eszett {
            let ws = words(value);
            if let Some((_, w)) = ws.iter().find(|(_, w)| {
                let (u, l) = case_counts(w);
                w.contains('ß') && u >= 2 && l == 0
            }) {
                Some((
                    format!(
                        "the {} '{value}' has a lower-case 'ß' in the capitals of '{w}': capitals write 'SS' or the capital 'ẞ'", noun()
                    ),
                    format!("write '{}' or '{}'", w.replace('ß', "SS"), w.replace('ß', "ẞ")),
                ))
            } else if let Some((_, w)) = ws.iter().find(|(_, w)| w.contains('ẞ') && case_counts(w).1 > 0) {
                Some((
                    format!(
                        "the {} '{value}' has the capital 'ẞ' in '{w}', which is not in capitals: there it is 'ß'",
                        noun()
                    ),
                    format!("write '{}'", w.replace('ẞ', "ß")),
                ))
            } else if swiss && value.contains('ß') && matches!(field, TextField::Title | TextField::SubTitle) {
                Some((
                    format!(
                        "the {} '{value}' is tagged Swiss or Liechtenstein German ('{}'), which writes 'ss' for 'ß': check the tag or the spelling", noun(),
                        t.lang.tag()
                    ),
                    "if the text is not Swiss German, tag it 'de'; if it is, and the spelling is not the artist's choice, write 'ss'"
                        .to_string(),
                ))
            } else {
                None
            }
        } else if german
            && !swiss
            && matches!(field, TextField::Title | TextField::SubTitle)
            && value.contains("SS")
            && all_caps(value)
        {
            let w = words(value)
                .into_iter()
                .map(|(_, w)| w)
                .find(|w| w.contains("SS"))
                .unwrap_or(value);
            Some((
                format!(
                    "the German {} '{value}' is in capitals with 'SS' in '{w}': if it is recased, 'SS' may be 'ss' or 'ß' (WEISSES → Weißes), which needs a German speaker", noun()
                ),
                "keep the capitals if the artist chose them; never turn 'SS' into 'ss' or 'ß' by automatic case conversion"
                    .to_string(),
            ))
        } else {
            None
        };
        if let Some((message, help)) = note {
            out.push(RULE.finding(t.text.elem, t.text.span, message).with_help(help));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps() {
        assert!(all_caps("WEISSES RAUSCHEN"));
        assert!(all_caps("STRAßE"));
        assert!(!all_caps("Straße"));
        assert_eq!(case_counts("Straẞe"), (1, 4));
    }
}
