use crate::finding::Severity;
use crate::rules::{Category, Check, FixClass, Rule};

pub static RULE: Rule = Rule {
    id: "xml-malformed",
    category: Category::Xml,
    severity: Severity::Error,
    fix: FixClass::No,
    summary: "the file is not well-formed XML 1.0",
    doc: r#"## What it does
Reports the first place where the file stops being well-formed XML 1.0: an unclosed or
mismatched tag, content after the root element, an undeclared namespace prefix, a duplicate
attribute, a character XML does not allow (control characters), an invalid name, a bare `&`
or `<` in text, or bytes that are not valid UTF-8/UTF-16.

## Why
DSPs parse deliveries with strict parsers (libxml2, Xerces): a file that is not well-formed is
rejected whole, before any metadata is read. Fast parsers such as quick-xml accept several of
these errors silently; ddexlint checks them itself so it never vouches for a broken file.

## Example
```xml
<ReleaseList>
  <Release>
    <DisplayTitleText>Nordlys & Mørke</DisplayTitleText>
  </Release>
```

## Use instead
```xml
<ReleaseList>
  <Release>
    <DisplayTitleText>Nordlys &amp; Mørke</DisplayTitleText>
  </Release>
</ReleaseList>
```

## Fix
None: the intended structure cannot be guessed. A malformed file is never rewritten by `--fix`."#,
    check: Check::Reader,
};
