use crate::text::FastUnicode;
use unicode_properties::GeneralCategoryGroup;
use unicode_script::{Script, UnicodeScript};

use super::fieldtext::non_ascii_texts;
use super::textlang::text_fix;
use crate::finding::{Applicability, Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};

pub static RULE: Rule = Rule {
    id: "case-greek-final-sigma",
    category: Category::Unicode,
    severity: Severity::Warning,
    fix: FixClass::Safe,
    summary: "σ at the end of a Greek word (should be ς), or ς inside one (should be σ)",
    doc: r#"## What it does
Reports Greek words whose lower-case sigma has the wrong form: `σ` (U+03C3) as the last
letter of a word, where Greek writes the final form `ς` (U+03C2), or `ς` followed by more
letters, where it writes `σ`. Only words written in Greek letters are looked at, whatever
the language tag says.

Left alone:
- a single `σ` or `ς` that is not part of a longer Greek word;
- elision: `σ` followed by an apostrophe (`σ’ αγαπώ`, `Σ’ αγαπώ`), where `σ` is correct;
- abbreviations: `σ` followed by a full stop (a cut-off word keeps `σ`);
- capitals (`ΟΔΟΣ`: upper case has one sigma).

## Why
A tool that lower-cases or title-cases one letter at a time turns `ΒΑΣΙΛΗΣ` into
`βασιλησ` instead of `Βασίλης`. The wrong sigma is a spelling mistake every Greek reader sees
on the store page, and the word no longer matches the same word spelled right: search,
de-duplication and artist matching treat `σ` and `ς` as different letters.

## Example
```xml
<TitleText LanguageAndScriptCode="el">Ο δρόμοσ</TitleText>
```

## Use instead
```xml
<TitleText LanguageAndScriptCode="el">Ο δρόμος</TitleText>
```

## Fix
Safe: every final `σ` becomes `ς` and every medial `ς` becomes `σ`, with the guards above."#,
    check: Check::Item(check),
};

fn is_greek_letter(c: char) -> bool {
    c.general_category_group_fast() == GeneralCategoryGroup::Letter && c.script() == Script::Greek
}

fn is_mark(c: char) -> bool {
    c.general_category_group_fast() == GeneralCategoryGroup::Mark
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '`' | '´' | '\u{1FBD}' | '\u{1FBF}')
}

/// What is wrong with one sigma.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Wrong {
    /// `σ` at the end of a word.
    FinalSigma,
    /// `ς` inside a word.
    MedialFinalSigma,
}

/// The corrected value and the first mistake (its word); `None` if nothing is wrong.
fn corrected(s: &str) -> Option<(String, Wrong, String)> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = chars.clone();
    let mut first: Option<(Wrong, usize)> = None;
    for (i, &c) in chars.iter().enumerate() {
        if c != 'σ' && c != 'ς' {
            continue;
        }
        // Previous letter, skipping combining marks.
        let prev = chars[..i].iter().rev().find(|c| !is_mark(**c)).copied();
        // Next character after combining marks.
        let next = chars[i + 1..].iter().find(|c| !is_mark(**c)).copied();
        let prev_greek = prev.is_some_and(is_greek_letter);
        let next_letter = next.is_some_and(|n| n.is_alphabetic());
        let wrong = if c == 'σ' {
            let guarded = next.is_some_and(|n| is_apostrophe(n) || n == '.');
            (prev_greek && !next_letter && !guarded).then_some(Wrong::FinalSigma)
        } else {
            next.is_some_and(is_greek_letter).then_some(Wrong::MedialFinalSigma)
        };
        if let Some(w) = wrong {
            out[i] = if c == 'σ' { 'ς' } else { 'σ' };
            first.get_or_insert((w, i));
        }
    }
    let (wrong, at) = first?;
    // The word around the first mistake, for the message.
    let is_word = |c: &char| c.is_alphabetic() || is_mark(*c);
    let start = chars[..at].iter().rposition(|c| !is_word(c)).map_or(0, |p| p + 1);
    let end = chars[at..]
        .iter()
        .position(|c| !is_word(c))
        .map_or(chars.len(), |p| at + p);
    let word: String = chars[start..end].iter().collect();
    Some((out.into_iter().collect(), wrong, word))
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (field, t, facts) in non_ascii_texts(cx) {
        if !facts.may_have_any(&['σ', 'ς']) {
            continue;
        }
        let value = t.value();
        if !value.contains(['σ', 'ς']) {
            continue;
        }
        let Some((fixed, wrong, word)) = corrected(value) else {
            continue;
        };
        let what = match wrong {
            Wrong::FinalSigma => format!("'{word}' ends in 'σ', where Greek writes the final sigma 'ς'"),
            Wrong::MedialFinalSigma => {
                format!("'{word}' has the final sigma 'ς' inside the word, where Greek writes 'σ'")
            }
        };
        out.push(
            RULE.finding(
                t.text.elem,
                t.text.span,
                format!(
                    "the {} '{value}' has a wrong Greek sigma: {what}",
                    cx.nouns().of(field, t)
                ),
            )
            .with_help(format!("write it '{fixed}'"))
            .with_fix(text_fix(t, Applicability::Safe, fixed)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> Option<String> {
        corrected(s).map(|x| x.0)
    }

    #[test]
    fn corrects() {
        assert_eq!(fix("Ο δρόμοσ").as_deref(), Some("Ο δρόμος"));
        assert_eq!(fix("βασιλησ").as_deref(), Some("βασιλης"));
        assert_eq!(fix("Ο δρόμοσ, η ζωή").as_deref(), Some("Ο δρόμος, η ζωή"));
        assert_eq!(fix("ςτο σπίτι").as_deref(), Some("στο σπίτι"));
        assert_eq!(fix("Βαςίλης").as_deref(), Some("Βασίλης"));
        // NFD: the accent is a combining mark before the final sigma.
        assert_eq!(fix("δρο\u{301}μοσ").as_deref(), Some("δρο\u{301}μος"));
    }

    #[test]
    fn leaves_correct_text() {
        for ok in [
            "Ελληνικός",
            "Ο δρόμος",
            "Σ’ αγαπώ",
            "σ’ αγαπώ",
            "μεσ’ την καρδιά",
            "ΟΔΟΣ",
            "σ",
            "α σ β",
            "Σταυρός",
            "κεφ. σελ. προσ.",
            "Kσ",
            "Hello",
        ] {
            assert_eq!(fix(ok), None, "{ok}");
        }
    }
}
