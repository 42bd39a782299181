use crate::hash::FastMap;

use crate::finding::{Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};

pub static RULE: Rule = Rule {
    id: "lang-default-duplicate",
    category: Category::Language,
    severity: Severity::Error,
    fix: FixClass::No,
    summary: "more than one IsDefault=\"true\" among sibling elements of one name",
    doc: r#"## What it does
Reports an element with `IsDefault="true"` when an earlier sibling *of the same element name*
(same parent) already carries `IsDefault="true"`: two default `DisplayTitle`s of one release,
two default `DisplayArtistName`s of one resource, two default `PartyName`s of one party, two
default `ReleaseLabelReference`s, `PLine`s, `CLine`s … This is DDEX Release Profile 2.1 rule
1014-1 (*Fatal*): "An IsDefault flag with value true may only be provided once". Every
element that carries `IsDefault` is checked, exactly as the DDEX Schematron does
(`count(../*[name(.)=name(current()) and @IsDefault='true']) = 1`).

Not duplicates: defaults on elements of *different* names (a default `DisplayTitle` and a
default `DisplayTitleText` side by side), and defaults under different parents (ERN 3
`ReleaseDetailsByTerritory` each with their own default, two different releases).
`IsDefault="1"` counts as true (`xs:boolean`).

## Why
`IsDefault` tells the recipient which of several localized variants to show when none
matches the user's language or territory. With two defaults the recipient picks one
arbitrarily (YouTube takes the first in the message), so a transliteration or a
translation can become the title everybody sees. The XML Schema does not catch this; only
the Release Profile does, and DSPs that run it reject the message.

## Example
```xml
<DisplayTitle IsDefault="true"><TitleText>Yume no Lullaby</TitleText></DisplayTitle>
<DisplayTitle LanguageAndScriptCode="ja" IsDefault="true"><TitleText>夢のララバイ</TitleText></DisplayTitle>
```

## Use instead
```xml
<DisplayTitle IsDefault="true"><TitleText>Yume no Lullaby</TitleText></DisplayTitle>
<DisplayTitle LanguageAndScriptCode="ja"><TitleText>夢のララバイ</TitleText></DisplayTitle>
```

## Fix
None: only the sender knows which variant is the default. Remove `IsDefault` (or set it to
`false`) on every other sibling."#,
    check: Check::Item(check),
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    // ahash, not SipHash: one lookup per IsDefault flag, hundreds of thousands in a batch.
    let mut first: FastMap<(u32, &str), u32> = FastMap::default();
    for f in &cx.feed.default_flags {
        match first.entry((f.parent, f.element)) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(f.attr.elem);
            }
            std::collections::hash_map::Entry::Occupied(o) => {
                let at = *o.get();
                let line = cx.source.line_of(at);
                out.push(
                    RULE.finding(
                        f.attr.elem,
                        f.attr.span,
                        format!(
                            "a second {} with IsDefault=\"true\": the {} at line {line} is already the default",
                            f.element, f.element
                        ),
                    )
                    .with_help(format!(
                        "keep IsDefault=\"true\" on one {} of this parent only (DDEX RP 2.1 rule 1014-1)",
                        f.element
                    )),
                );
            }
        }
    }
}
