use crate::finding::{Finding, Fix, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};

use super::names::legal_affix;

pub static RULE: Rule = Rule {
    id: "label-legal-entity-suffix",
    category: Category::Label,
    severity: Severity::Warning,
    fix: FixClass::Suggest,
    summary: "a legal form (\"Ltd\", \"GmbH\", \"Inc.\", …) in a label name",
    doc: r#"## What it does
Reports a label name that ends with a company's legal form: `Ltd`, `Limited`, `LLC`,
`Inc.`, `Corp.`, `GmbH`, `GmbH & Co. KG`, `AG`, `UG (haftungsbeschränkt)`, `e.K.`, `S.A.`,
`S.L.`, `S.r.l.`, `S.p.A.`, `SARL`, `SAS`, `B.V.`, `N.V.`, `AB`, `AS`, `A/S`, `ApS`, `Oy`,
`Kft.`, `Sp. z o.o.`, `s.r.o.`, `Co., Ltd.`, `(Pty) Ltd` …, or starts with one (`ООО`,
`PT.`, `株式会社`; Japanese forms also at the end). Short forms that are ordinary words ("As",
"Spa") count only in their usual capitals or with dots.

## Why
The label field is the imprint shown to listeners and used by label search, not the company
that owns it: MusicBrainz separates the imprint from the company in ©/℗ mentions, and
Discogs treats "EMI Records Ltd" and "EMI Records Limited" as one label. A suffix on some
releases and not on others splits the label's catalogue on DSPs. The legal entity belongs in
`PLineCompany`/`CLineCompany`.

## Example
```xml
<LabelName>Łąka Records Sp. z o.o.</LabelName>
```

## Use instead
```xml
<LabelName>Łąka Records</LabelName>
<PLine><Year>2026</Year><PLineCompany>Łąka Records Sp. z o.o.</PLineCompany>
  <PLineText>℗ 2026 Łąka Records Sp. z o.o.</PLineText></PLine>
```

## Fix
A suggestion, never applied: the name without the legal form. Some labels are known by a
name that includes it; keep it then, but use it the same way on every release."#,
    check: Check::Item(check),
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let names = cx.label_names();
    // Judged once per distinct value: a batch repeats a few label names on every release.
    let affixes = names.map_values(|_, text| legal_affix(text));
    for (name, v, text) in names.iter() {
        let Some(affix) = &affixes[v] else {
            continue;
        };
        let suffix = &text[affix.start..affix.end];
        let place = if affix.start == 0 { "starts" } else { "ends" };
        out.push(
            RULE.finding(
                name.text.elem,
                name.text.span,
                format!("label name '{text}' {place} with the legal form '{suffix}': the label shown on DSPs should be the imprint, not the company"),
            )
            .with_help(format!("use '{}' and keep the company name in PLineCompany/CLineCompany", affix.rest))
            .with_fix(Fix::suggest(affix.rest.clone())),
        );
    }
}
