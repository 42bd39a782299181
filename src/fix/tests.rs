use super::*;
use crate::finding::{Finding, Fix, Severity, Span};
use crate::lint::Settings;
use crate::source::Source;

const BASE: &str = include_str!("../../tests/fixtures/base-ern43.xml");

/// The base feed with `from` replaced by `to` (once).
fn feed(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "{from}");
    BASE.replacen(from, to, 1)
}

fn fix(text: &str) -> FixOutcome {
    apply_fixes(&Source::from_text("t.xml", text), &Settings::default(), false).unwrap()
}

#[test]
fn fixes_compose_on_one_value() {
    // Decomposed å, a zero width space and doubled/trailing spaces in one title: three rules
    // each rewrite the whole value, applied one after another.
    let text = feed(
        "<TitleText>Vinterlys</TitleText></DisplayTitle>\n      <DisplayArtistName>",
        "<TitleText>Vinte\u{200B}rlys  pa\u{030A} fjellet </TitleText></DisplayTitle>\n      <DisplayArtistName>",
    );
    let out = fix(&text);
    assert!(
        out.text.contains("<TitleText>Vinterlys på fjellet</TitleText>"),
        "{}",
        out.text
    );
    let rules: Vec<_> = out.applied.iter().map(|a| a.rule).collect();
    assert!(rules.contains(&"unicode-invisible-format-characters"), "{rules:?}");
    assert!(rules.contains(&"unicode-not-nfc"), "{rules:?}");
    assert!(
        rules.contains(&"whitespace-trim-collapse-and-punctuation-spacing"),
        "{rules:?}"
    );
    // Idempotent: a second run finds nothing to apply.
    let again = fix(&out.text);
    assert!(again.applied.is_empty());
    assert_eq!(again.text, out.text);
}

#[test]
fn everything_else_is_kept() {
    let text = feed("<MessageId>", "<!-- keep &amp; me --><MessageId>")
        .replace("<ISRC>NOABC2600001</ISRC>", "<ISRC>no-abc-26-00001</ISRC>")
        .replace("\n", "\r\n");
    let out = fix(&text);
    assert!(out.text.contains("<ISRC>NOABC2600001</ISRC>"));
    assert_eq!(out.text.replace("NOABC2600001", "no-abc-26-00001"), text);
}

#[test]
fn replacements_are_escaped_for_their_context() {
    let text = feed(
        "<TitleText>Vinterlys</TitleText>",
        "<TitleText>Rock &amp; Roll </TitleText>",
    );
    let out = fix(&text);
    assert!(
        out.text.contains("<TitleText>Rock &amp; Roll</TitleText>"),
        "{}",
        out.text
    );
}

#[test]
fn malformed_files_are_left_alone() {
    let text = feed("<TitleText>Vinterlys</TitleText>", "<TitleText>Vinterlys </TitleText");
    let out = fix(&text);
    assert_eq!(out.text, text);
    assert!(out.applied.is_empty());
}

#[test]
fn unsafe_fixes_need_the_flag() {
    let text = feed("<TitleText>Vinterlys</TitleText>", "<TitleText>Ｖinterlys</TitleText>");
    let source = Source::from_text("t.xml", text.as_str());
    let safe = apply_fixes(&source, &Settings::default(), false).unwrap();
    assert!(!safe
        .applied
        .iter()
        .any(|a| a.rule == "unicode-compatibility-characters"));
    let all = apply_fixes(&source, &Settings::default(), true).unwrap();
    assert!(all.applied.iter().any(|a| a.rule == "unicode-compatibility-characters"));
    assert!(all.text.contains("<TitleText>Vinterlys</TitleText>"));
}

/// A leaking edit is caught by the skeleton check.
#[test]
fn an_edit_that_leaks_out_of_its_value_is_refused() {
    let text = "<a><b>x</b></a>";
    let mut outcome = crate::lint::lint_source(&Source::from_text("t", text), &Settings::default());
    let leaking = Fix {
        applicability: Applicability::Safe,
        replacement: "<c/>".into(),
        edits: vec![Edit {
            span: Span::new(6, 7),
            content: "<c/>".into(),
        }],
    };
    let finding = Finding::new("unicode-not-nfc", Severity::Warning, 3, Span::new(6, 7), "x").with_fix(leaking);
    outcome.findings = crate::lint::locate(&Source::from_text("t", text), None, vec![finding]);
    let chosen = choose(text, &outcome, false);
    assert_eq!(chosen.len(), 1);
    let next = splice(text, chosen[0].edits.iter().collect());
    let mut changed = Vec::new();
    let err = skeleton::compare(text, &skeleton::cut(text), &next, &skeleton::cut(&next), &mut changed);
    assert!(err.is_some());
}

#[test]
fn overlapping_fixes_wait_for_the_next_round() {
    let text = "<a><b>x</b></a>";
    let source = Source::from_text("t", text);
    let mk = |rule: &'static str, content: &str| {
        Finding::new(rule, Severity::Warning, 3, Span::new(6, 7), "x").with_fix(Fix::replace_text(
            Applicability::Safe,
            Span::new(6, 7),
            content,
        ))
    };
    let findings = vec![
        mk("whitespace-trim-collapse-and-punctuation-spacing", "w"),
        mk("unicode-not-nfc", "n"),
    ];
    let mut outcome = crate::lint::lint_source(&source, &Settings::default());
    outcome.findings = crate::lint::locate(&source, None, findings);
    let chosen = choose(text, &outcome, false);
    assert_eq!(chosen.len(), 1);
    assert_eq!(chosen[0].rule, "unicode-not-nfc");
}

/// A linter that reports one finding with a fix of `content` over the `<b>` text of
/// `<a><b>x</b></a>`-shaped documents, found by searching for `<b>`.
fn buggy(content: &'static str) -> impl Fn(&Source) -> crate::lint::FileOutcome {
    move |s: &Source| {
        let mut outcome = crate::lint::lint_source(s, &Settings::default());
        let start = s.text.find("<b>").unwrap() as u32 + 3;
        let end = s.text.find("</b>").unwrap() as u32;
        let f = Finding::new(
            "unicode-not-nfc",
            Severity::Warning,
            start - 3,
            Span::new(start, end),
            "x",
        )
        .with_fix(Fix {
            applicability: Applicability::Safe,
            replacement: content.into(),
            edits: vec![Edit {
                span: Span::new(start, end),
                content: content.into(),
            }],
        });
        outcome.findings = crate::lint::locate(s, None, vec![f]);
        outcome
    }
}

#[test]
fn broken_fixes_drop_every_fix_of_the_file() {
    let source = Source::from_text("t", "<a><b>x</b></a>");
    let leaked = apply_with(&source, buggy("<c/>"), false).unwrap_err();
    assert!(matches!(leaked, FixError::Leaked { .. }), "{leaked}");
    let malformed = apply_with(&source, buggy("\u{1}"), false).unwrap_err();
    assert!(matches!(malformed, FixError::Malformed { .. }), "{malformed}");
    // A fix that keeps proposing a change (the linter always finds one): never converges.
    let unstable = apply_with(
        &source,
        |s: &Source| {
            let content = if s.text.contains(">y<") { "x" } else { "y" };
            buggy(content)(s)
        },
        false,
    )
    .unwrap_err();
    assert!(matches!(unstable, FixError::Unstable { .. }), "{unstable}");
}

#[test]
fn edits_outside_values_are_refused() {
    let source = Source::from_text("t", "<a><b>x</b></a>");
    let lint = |s: &Source| {
        let mut outcome = crate::lint::lint_source(s, &Settings::default());
        let f = Finding::new("unicode-not-nfc", Severity::Warning, 0, Span::new(1, 2), "x")
            .with_fix(Fix::replace_text(Applicability::Safe, Span::new(1, 2), "z"));
        outcome.findings = crate::lint::locate(s, None, vec![f]);
        outcome
    };
    let err = apply_with(&source, lint, false).unwrap_err();
    assert!(matches!(err, FixError::OutsideValue { .. }), "{err}");
}
