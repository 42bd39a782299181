use crate::finding::Severity;
use crate::rules::{Category, Check, FixClass, Rule};

pub static RULE: Rule = Rule {
    id: "ern-unsupported-version",
    category: Category::Structure,
    severity: Severity::Error,
    fix: FixClass::No,
    summary: "the root is not an ERN NewReleaseMessage of a version ddexlint reads",
    doc: r#"## What it does
Reports a file whose root element is not a `NewReleaseMessage` of ERN 4.1, 4.1.1, 4.2, 4.3,
4.3.1, 4.3.2 or ERN 3.8, 3.8.1, 3.8.2, 3.8.3 (3.7.x is read best effort). The version is read
from the namespace (`http://ddex.net/xml/ern/43`) and, for ERN 3, from
`MessageSchemaVersionId`, whatever way it is written (`ern/382`, `/ern/382`, `3.8.2`,
`2010/ern-main/382`). The message names what was found.

## Why
DDEX stopped supporting ERN 3 versions before 3.8 and most DSPs only ingest 3.8.x and 4.x.
A file of another kind (a purge message, a sales report) in a release folder is a delivery
mistake.

## Example
```xml
<ern:NewReleaseMessage xmlns:ern="http://ddex.net/xml/ern/341" MessageSchemaVersionId="ern/341">
```

## Use instead
```xml
<ern:NewReleaseMessage xmlns:ern="http://ddex.net/xml/ern/43" LanguageAndScriptCode="en" AvsVersionId="7">
```

## Fix
None: upgrading a message to another ERN version is a conversion, not a fix."#,
    check: Check::Reader,
};
