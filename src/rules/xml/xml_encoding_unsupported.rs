use crate::finding::Severity;
use crate::rules::{Category, Check, FixClass, Rule};

pub static RULE: Rule = Rule {
    id: "xml-encoding-unsupported",
    category: Category::Xml,
    severity: Severity::Error,
    fix: FixClass::No,
    summary: "the XML declaration names an encoding other than UTF-8 or UTF-16",
    doc: r#"## What it does
Reports an XML declaration whose `encoding` is not UTF-8 or UTF-16 (for example
`ISO-8859-1` or `windows-1252`) in a file that has non-ASCII text. ddexlint reads the bytes
as UTF-8 (or UTF-16 with a byte order mark) and checks the rest of the file.

## Why
DDEX feeds are exchanged in UTF-8. A receiver that honours a Latin-1 declaration turns every
accented or non-Latin character of a UTF-8 file into mojibake (`CafÃ©`), and a real Latin-1
file cannot carry Greek, Cyrillic or Japanese titles at all.

## Example
```xml
<?xml version="1.0" encoding="ISO-8859-1"?>
```

## Use instead
```xml
<?xml version="1.0" encoding="UTF-8"?>
```

## Fix
None: whether the declaration or the bytes are wrong needs a human."#,
    check: Check::Reader,
};
