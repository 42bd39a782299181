use unicode_script::Script;

use super::fieldtext::non_ascii_texts;
use super::textlang::code_point;
use crate::finding::{Finding, Fix, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};
use crate::text::confusable::letters_share_one_script;
use crate::text::mixed_script_confusables;

pub static RULE: Rule = Rule {
    id: "unicode-mixed-script-confusable",
    category: Category::Unicode,
    severity: Severity::Error,
    fix: FixClass::Suggest,
    summary: "a word mixing scripts through look-alike letters (Cyrillic 'е' inside a Latin word)",
    doc: r#"## What it does
Reports a word of a title, artist name, label name or P/C line that mixes writing systems
through look-alike letters: a Latin word with a Cyrillic `е`, `о`, `а`, `р` or `с` in it, a
Cyrillic word with a Latin `o`, a Greek word with a Latin `K`. A word is a run of letters,
marks and digits; it is reported when its letters share no script (UTS #39 resolved script
set) and every letter of the minority script looks exactly like a letter of the majority
script (same UTS #39 skeleton, Unicode `confusables.txt`).

The severity is `error` in artist, party and label names, `warning` in titles and P/C lines.

Not reported: words in one script (Serbian `Београд` and `Beograd` side by side, Greek
`Ελληνικός`), words mixing scripts that are written together (`LOVEソング`: Latin with
Japanese, also Latin with Chinese or Korean), different scripts in different words
(`Тихий Дом Live`), and minority letters that look like nothing in the majority script
(`ΩMEGA`).

## Why
The word looks right on screen but is a different string: typing `Records` on a Latin
keyboard does not find `Rеcords` with a Cyrillic `е`, so the title or artist cannot be
searched, and the name does not match the artist's or label's other releases: the catalogue
splits. Look-alike names are also how impersonators pass review. It happens when text is
copied from a source typed on a Cyrillic or Greek keyboard layout, or by OCR.

## Example
```xml
<PartyName><FullName>Nordlicht Rеcords</FullName></PartyName>  <!-- 'е' is Cyrillic U+0435 -->
<TitleText>Тихий Дoм</TitleText>                             <!-- 'o' is Latin U+006F -->
```

## Use instead
```xml
<PartyName><FullName>Nordlicht Records</FullName></PartyName>
<TitleText>Тихий Дом</TitleText>
```

## Fix
Suggestion only: the value with every minority letter replaced by its look-alike in the
word's majority script. It is never applied automatically, because some orthographies borrow
letters on purpose (Serbian and Macedonian `ј`) and only the label knows the intended
spelling."#,
    check: Check::Item(check),
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    // ASCII text has one script only, and so has text whose few non-ASCII characters are
    // letters of the script of its ASCII letters (Latin) or of each other.
    for (field, t, facts) in non_ascii_texts(cx) {
        let latin = facts.has_ascii_letter().then_some('a');
        if facts
            .wide_chars()
            .is_some_and(|cs| letters_share_one_script(latin.into_iter().chain(cs.iter().copied())))
        {
            continue;
        }
        let value = t.value();
        let words = mixed_script_confusables(value);
        let Some(first) = words.first() else { continue };
        let mut fixed = String::with_capacity(value.len());
        let mut last = 0;
        for w in &words {
            fixed.push_str(&value[last..w.range.start]);
            fixed.push_str(&w.suggestion);
            last = w.range.end;
        }
        fixed.push_str(&value[last..]);

        let l = &first.lookalikes[0];
        let majority = script_name(first.majority);
        let more = words.iter().map(|w| w.lookalikes.len()).sum::<usize>() - 1;
        let more = match more {
            0 => String::new(),
            1 => " (and 1 more look-alike letter)".to_string(),
            n => format!(" (and {n} more look-alike letters)"),
        };
        let severity = if field.is_name() {
            Severity::Error
        } else {
            Severity::Warning
        };
        out.push(
            RULE.finding_at(
                severity,
                t.text.elem,
                t.text.span,
                format!(
                    "the {} '{}' mixes scripts: in the {majority} word '{}', '{}' is {} ({}) and only looks like the {majority} '{}'{more}",
                    cx.nouns().of(field, t),
                    value,
                    first.word,
                    l.ch,
                    script_name(l.script),
                    code_point(l.ch),
                    l.replacement,
                ),
            )
            .with_help(format!(
                "retype it in {majority} letters: search and catalogue matching treat look-alike letters as different letters"
            ))
            .with_fix(Fix::suggest(fixed)),
        );
    }
}

fn script_name(s: Script) -> &'static str {
    s.full_name()
}
