use crate::ern::{RightsKind, RightsLine};
use crate::finding::{Applicability, Finding, Fix, Severity};
use crate::rules::label::rights_text::{each_rights_line, element_names, read, shown, MarkKind};
use crate::rules::{Category, Check, Context, FixClass, Rule};

pub static RULE: Rule = Rule {
    id: "pline-cline-symbol-mixup",
    category: Category::Label,
    severity: Severity::Warning,
    fix: FixClass::Suggest,
    summary: "© in a P line, ℗ in a C line, or both notices in one line",
    doc: r#"## What it does
Reports a rights line that carries the other notice's symbol:
- a `PLineText` that starts with `©`, `(C)` or "Copyright" and has no `℗`/`(P)`;
- a `CLineText` that starts with `℗` or `(P)` and has no `©`/`(C)`;
- a `PLineText` or `CLineText` holding both notices (`℗ & © 2024 X`, `(P)+(C) 2024 X`,
  `℗ 2024 X, © 2024 X`).

## Why
The P line (℗, phonogram) notices the rights in the sound recording, the C line (©) the
copyright in the release's artwork and text, or on a track the composition. "Because the
P Line and C Line refer to different rights you will always see them written separately,
even when the owner of the rights is the same" (SoundCloud); "Do not combine the two
notices as this may invalidate both notices". A DSP that shows the P line as "℗ …" displays
`℗ © 2024 X` or a copyright notice where the recording's owner belongs.

## Example
```xml
<PLine><Year>2024</Year><PLineText>© 2024 Kallisto Records</PLineText></PLine>
<CLine><Year>2024</Year><CLineText>℗ &amp; © 2024 Kallisto Records</CLineText></CLine>
```

## Use instead
```xml
<PLine><Year>2024</Year><PLineText>℗ 2024 Kallisto Records</PLineText></PLine>
<CLine><Year>2024</Year><CLineText>© 2024 Kallisto Records</CLineText></CLine>
```

## Fix
Suggests the text with the right symbol (in the same style: `©` → `℗`, `(C)` → `(P)`), or,
for a line holding both notices at its start, the text with only this line's notice. Never
applied: a `©` in a P line may also mean the whole line was pasted into the wrong element."#,
    check: Check::Item(check),
};

fn check_line(line: &RightsLine, out: &mut Vec<Finding>) {
    let (_, text_el, _) = element_names(line.kind);
    let Some(t) = &line.text else { return };
    let value = t.value();
    let n = read(value);
    let kind = MarkKind::of(line.kind);
    let other = kind.other();
    // "Copyright" the word is a C mark only at the start of a P line.
    let has_other_symbol = n.marks.iter().any(|m| m.kind == other && !m.word);
    let (message, suggestion) = if n.has(kind) && has_other_symbol {
        // Both notices. If both sit in the leading notice, keep this line's own.
        let lead_only = n.lead_marks.iter().any(|m| m.kind == kind)
            && n.marks
                .iter()
                .filter(|m| m.kind == other && !m.word)
                .all(|m| m.range.end <= n.lead_end);
        let mine = n.lead_marks.iter().find(|m| m.kind == kind);
        let sugg = match (lead_only, mine) {
            (true, Some(m)) => {
                let rest = value[n.lead_end..].trim();
                let years: Vec<String> = n
                    .years
                    .iter()
                    .filter(|y| y.range.end <= n.lead_end)
                    .map(|y| y.value.to_string())
                    .collect();
                let mut s = m.symbol_for(kind).to_string();
                if !years.is_empty() {
                    s.push(' ');
                    s.push_str(&years.join("-"));
                }
                if !rest.is_empty() {
                    s.push(' ');
                    s.push_str(rest);
                }
                Some(s)
            }
            _ => None,
        };
        let other_line = match line.kind {
            RightsKind::P => "CLine",
            RightsKind::C => "PLine",
        };
        (
            format!(
                "{text_el} '{}' holds both a ℗ and a © notice; give the {other_line} its own element",
                shown(value)
            ),
            sugg,
        )
    } else if !n.has(kind)
        && n.lead_marks
            .first()
            .is_some_and(|m| m.kind == other && (kind == MarkKind::P || !m.word))
    {
        let m = n.lead_marks.first().unwrap();
        let found = &value[m.range.clone()];
        let sym = if m.word { "℗" } else { m.symbol_for(kind) };
        let sugg = format!("{}{sym}{}", &value[..m.range.start], &value[m.range.end..]);
        let what = match kind {
            MarkKind::P => "a copyright (©) notice, not a sound recording (℗) one",
            MarkKind::C => "a sound recording (℗) notice, not a copyright (©) one",
        };
        (
            format!("{text_el} '{}' starts with '{found}': it reads as {what}", shown(value)),
            Some(sugg.trim().to_string()),
        )
    } else {
        return;
    };
    let mut f = RULE.finding(t.text.elem, t.text.span, message);
    if let Some(s) = suggestion {
        let fix = if t.text.editable {
            Fix::replace_text(Applicability::Suggestion, t.text.span, s)
        } else {
            Fix::suggest(s)
        };
        f = f.with_help("a P line takes ℗ or (P), a C line © or (C)").with_fix(fix);
    }
    out.push(f);
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    each_rights_line(cx, |line| check_line(line, out));
}
