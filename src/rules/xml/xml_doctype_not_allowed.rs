use crate::finding::Severity;
use crate::rules::{Category, Check, FixClass, Rule};

pub static RULE: Rule = Rule {
    id: "xml-doctype-not-allowed",
    category: Category::Xml,
    severity: Severity::Error,
    fix: FixClass::No,
    summary: "a DOCTYPE or entity declaration in a DDEX message",
    doc: r#"## What it does
Reports a `<!DOCTYPE …>` in the file, naming the entities it declares. ddexlint never expands
a declared entity and never fetches an external one: references to them stay as written.

## Why
DDEX messages are defined by XML Schema and carry no DTD. A DOCTYPE in a delivery is either a
tool's leftover or an attack: entity expansion ("billion laughs") exhausts a parser's memory
and external entities (XXE) read files or URLs on the receiving side. DSP ingestion rejects or
strips them, and entity references then lose their text.

## Example
```xml
<!DOCTYPE NewReleaseMessage [ <!ENTITY label "Kaleidoskop Records"> ]>
<ern:NewReleaseMessage …>
  … <FullName>&label;</FullName>
```

## Use instead
```xml
<ern:NewReleaseMessage …>
  … <FullName>Kaleidoskop Records</FullName>
```

## Fix
None: remove the DOCTYPE by hand and write the entity texts out."#,
    check: Check::Reader,
};
