use unicode_script::Script;

use super::fieldtext::{char_label, field, fix, has_cjk, has_script, non_ascii_texts, position, Hits};
use crate::finding::{Applicability, Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};
use crate::text::{classify_invisible, InvisibleKind};

pub static RULE: Rule = Rule {
    id: "unicode-nonstandard-spaces",
    category: Category::Unicode,
    severity: Severity::Warning,
    fix: FixClass::Safe,
    summary: "no-break, thin, em, figure and other spaces that are not U+0020",
    doc: r#"## What it does
Reports space characters other than U+0020 in titles, names and P/C lines: U+00A0 NO-BREAK
SPACE, U+202F NARROW NO-BREAK SPACE, U+2000–U+200A (en, em, thin, hair, figure, punctuation
spaces …), U+205F MEDIUM MATHEMATICAL SPACE, U+1680 OGHAM SPACE MARK, and U+3000
IDEOGRAPHIC SPACE in text without Han, kana, Hangul or Bopomofo.

Not reported, because the script uses them:
- U+3000 IDEOGRAPHIC SPACE in CJK text (`夜明けのうた　ライブ`): the full-width separator of
  Japanese, Chinese and Korean typography;
- U+202F in Mongolian text (it separates Mongolian suffixes);
- U+1680 in Ogham text (it is Ogham's word separator).

## Why
No-break and typographic spaces come from word processors, web pages and French
typography. They look like spaces but are other characters: `Où es-tu ?` with a no-break
space is not the same string as with a space, so exact matching, de-duplication and typed
search treat the two as different titles, and some DSP pipelines render them as boxes.
MusicBrainz: "you can use normal spaces instead of unbreakable spaces".

## Example
```xml
<TitleText>Où⟨U+00A0⟩es-tu⟨U+202F⟩?</TitleText>
```

## Use instead
```xml
<TitleText>Où es-tu ?</TitleText>
```

## Fix
Safe: each reported character becomes U+0020. The ideographic space in CJK text is not
reported, so never touched."#,
    check: Check::Item(check),
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (kind, loc, facts) in non_ascii_texts(cx) {
        if !facts.may_have_wide(is_nonstandard_space, |b| {
            b.may_have('\u{00A0}') || b.may_have_range('\u{1680}', '\u{3000}')
        }) {
            continue;
        }
        let text = &loc.text;
        let s: &str = &text.value;
        if !s.chars().any(is_nonstandard_space) {
            continue;
        }
        let mut cjk: Option<bool> = None;
        let mut hits = Hits::default();
        let mut fixed = String::with_capacity(s.len());
        for (i, c) in s.char_indices() {
            let report = is_nonstandard_space(c)
                && match c {
                    '\u{3000}' => !*cjk.get_or_insert_with(|| has_cjk(s)),
                    '\u{202F}' => !has_script(s, Script::Mongolian),
                    '\u{1680}' => !has_script(s, Script::Ogham),
                    _ => true,
                };
            if report {
                hits.add(char_label(c), position(s, i));
                fixed.push(' ');
            } else {
                fixed.push(c);
            }
        }
        if hits.is_empty() {
            continue;
        }
        out.push(
            RULE.finding(
                text.elem,
                text.span,
                format!("{} of {}", hits.describe(), field(cx, kind, text)),
            )
            .with_help("use a plain space (U+0020)")
            .with_fix_opt(fix(text, Applicability::Safe, fixed)),
        );
    }
}

fn is_nonstandard_space(c: char) -> bool {
    !c.is_ascii() && classify_invisible(c) == Some(InvisibleKind::NonstandardSpace)
}
