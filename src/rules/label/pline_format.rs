use crate::ern::{RightsLine, Text};
use crate::finding::{Applicability, Finding, Fix, Severity};
use crate::rules::label::rights_text::{each_rights_line, element_names, read, shown, MarkKind, Notice};
use crate::rules::structure::struct_empty_or_invisible_text::blank_description;
use crate::rules::{Category, Check, Context, FixClass, Rule};

pub static RULE: Rule = Rule {
    id: "pline-format",
    category: Category::Label,
    severity: Severity::Warning,
    fix: FixClass::Suggest,
    summary: "a P/C line text without a year, with a year other than <Year> or in the future, or a doubled symbol",
    doc: r#"## What it does
Checks the form of every `PLine` and `CLine` (on releases and resources, ERN 3 and 4). A
notice should read *symbol* (optional) + *year* + *owner*, e.g. `℗ 2024 Hafenkante
Tonträger`. Reported:
- a `PLineText`/`CLineText` without a year;
- a year in the text that differs from the line's `<Year>` (a range such as `2019-2024`
  matches either end);
- a year later than the current year, in `<Year>` or in the text;
- a `<Year>` that is not a four-digit year (`94`, `2024-05-01`);
- a doubled symbol at the start: `℗ ℗ 2024`, `(P) ℗ 2024`, `© (C) 2024`;
- a text that names no owner after the symbol and year (`℗ 2024`).

The symbol itself is optional: some senders put it in the text, some leave it to the DSP.
Both `℗` and `(P)` are accepted. A `©` in a P line or a `℗` in a C line is
`pline-cline-symbol-mixup`; an empty text is `struct-empty-or-invisible-text`.

## Why
DDEX Knowledge Base: "In its correct form, a ℗ notice should appear as the symbol "℗"
displayed alongside: 1. the year the sound recording was first released anywhere in the
world; and 2. the name of the rights owner". DSPs show `PLineText` as is (Spotify with
`(P)`, Apple with `℗`), and some compose their own notice from `<Year>`: a text that
disagrees with `<Year>` shows two different years for one release. Pipelines that prepend
a symbol produce `℗ (P) 2024` when the sender typed one too. A future year is a typo or a
placeholder.

## Example
```xml
<PLine>
  <Year>2024</Year>
  <PLineText>(P) ℗ 2023 Hafenkante Tonträger</PLineText>
</PLine>
```

## Use instead
```xml
<PLine>
  <Year>2024</Year>
  <PLineText>℗ 2024 Hafenkante Tonträger</PLineText>
</PLine>
```

## Fix
Suggests `symbol year owner` with the text's own symbol style, the `<Year>` (else the text's
year) and the text's owner (else the `…Company`). Never applied: which year is right is a
rights question, and a future year has no suggestion."#,
    check: Check::Item(check),
};

/// A `<Year>` value: `Some(year)` when it is four digits (a gYear time zone is allowed).
fn parse_year(s: &str) -> Option<u32> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let tz = &s[4..];
    let tz_ok = tz.is_empty()
        || tz == "Z"
        || (tz.len() == 6
            && matches!(tz.as_bytes()[0], b'+' | b'-')
            && tz.as_bytes()[3] == b':'
            && tz
                .bytes()
                .enumerate()
                .all(|(i, c)| i == 0 || i == 3 || c.is_ascii_digit()));
    if tz_ok {
        s[..4].parse().ok()
    } else {
        None
    }
}

/// The symbol to use in a suggestion: the style of the text's first leading mark (turned
/// into this line's kind), or none if the text had none.
fn symbol(n: &Notice, kind: MarkKind) -> Option<&'static str> {
    let m = n.lead_marks.first()?;
    if m.word {
        return Some(if kind == MarkKind::C { "Copyright" } else { "℗" });
    }
    Some(m.symbol_for(kind))
}

fn check_line(cx: &Context, line: &RightsLine, out: &mut Vec<Finding>) {
    let (_, text_el, _) = element_names(line.kind);
    let kind = MarkKind::of(line.kind);
    let now = cx.options.current_year.max(0) as u32;

    // <Year> itself.
    let mut year: Option<u32> = None;
    let mut year_future = false;
    if let Some(y) = line.year.as_ref().filter(|y: &&Text| !y.value.trim().is_empty()) {
        match parse_year(&y.value) {
            None => out.push(
                RULE.finding(
                    y.elem,
                    y.span,
                    format!("<Year> '{}' is not a four-digit year", y.value.trim()),
                )
                .with_help("give the year of first release, e.g. <Year>2024</Year>"),
            ),
            Some(v) => {
                year = Some(v);
                if v > now {
                    year_future = true;
                    out.push(
                        RULE.finding(
                            y.elem,
                            y.span,
                            format!("<Year>{v}</Year> lies in the future (it is {now})"),
                        )
                        .with_help("the year of first release cannot be later than this year; check for a typo"),
                    );
                }
            }
        }
    }

    // The text.
    let Some(t) = &line.text else { return };
    let value = t.value();
    if blank_description(value).is_some() {
        return;
    }
    let n = read(value);
    let mut issues: Vec<String> = Vec::new();

    let doubled: Vec<_> = n.lead_symbols(kind).collect();
    if doubled.len() > 1 {
        let span = &value[doubled[0].range.start..doubled[doubled.len() - 1].range.end];
        issues.push(format!("the symbol is doubled ('{span}')"));
    }
    let year_in_text = |y: u32| n.all_years.contains(&y);
    if n.years.is_empty() && !year.is_some_and(year_in_text) {
        issues.push(match year {
            Some(y) => format!("it has no year (only <Year>{y}</Year> has)"),
            None => "it has no year".into(),
        });
    } else if let Some(y) = year {
        if !n.years.is_empty() && !n.years.iter().any(|ny| ny.value == y) {
            issues.push(format!("its year {} differs from <Year>{y}</Year>", n.years[0].value));
        }
    }
    if let Some(f) = n.years.iter().find(|ny| ny.value > now) {
        // A future <Year> repeated in the text is reported once, on <Year>.
        if !(year_future && year == Some(f.value)) {
            issues.push(format!("its year {} lies in the future (it is {now})", f.value));
        }
    }
    if !n.has_owner() {
        issues.push("it names no owner".into());
    }
    if issues.is_empty() {
        return;
    }

    // Suggestion: symbol + year + owner, when all are known and not in the future.
    let owner = if n.has_owner() {
        Some(n.owner.to_string())
    } else {
        line.company
            .as_ref()
            .map(|c| c.value().trim().to_string())
            .filter(|c| !c.is_empty())
    };
    let sugg_year = year.filter(|&y| y <= now).or_else(|| {
        if year.is_some() {
            None
        } else {
            n.years.first().map(|y| y.value).filter(|&y| y <= now)
        }
    });
    let suggestion = match (sugg_year, owner) {
        (Some(y), Some(o)) => {
            let s = match symbol(&n, kind) {
                Some(sym) => format!("{sym} {y} {o}"),
                None => format!("{y} {o}"),
            };
            (s != value.trim()).then_some(s)
        }
        _ => None,
    };
    let fix = suggestion.map(|s| {
        if t.text.editable {
            Fix::replace_text(Applicability::Suggestion, t.text.span, s)
        } else {
            Fix::suggest(s)
        }
    });
    let mut f = RULE.finding(
        t.text.elem,
        t.text.span,
        format!("{text_el} '{}': {}", shown(value), issues.join("; ")),
    );
    if let Some(fix) = fix {
        f = f
            .with_help("write the notice as symbol, year of first release and owner")
            .with_fix(fix);
    }
    out.push(f);
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    each_rights_line(cx, |line| check_line(cx, line, out));
}

#[cfg(test)]
mod tests {
    use super::parse_year;

    #[test]
    fn years() {
        assert_eq!(parse_year(" 2024 "), Some(2024));
        assert_eq!(parse_year("2024Z"), Some(2024));
        assert_eq!(parse_year("2024+01:00"), Some(2024));
        assert_eq!(parse_year("94"), None);
        assert_eq!(parse_year("2024-05-01"), None);
    }
}
