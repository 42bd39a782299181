use super::*;
use crate::finding::Severity;

/// `<a>` holds the suppression target `<b>` (with a child) and a sibling `<c>`.
const DOC: &str = "<a>\n<!-- ddexlint-disable-next-element id-isrc, id-grid: legacy -->\n<b><x/></b>\n<c/></a>";

fn finding(rule: &'static str, at: &str) -> Finding {
    let o = DOC.find(at).unwrap() as u32;
    Finding::new(rule, Severity::Error, o, Span::new(o, o + 1), "m")
}

/// [`Suppressions::apply`] with the suppressions of `text`.
fn apply(text: &str, findings: &mut Vec<Finding>, selection: &Selection, deferred: &[&str]) {
    Suppressions::of(text).apply(findings, selection, deferred);
}

fn rules(v: &[Finding]) -> Vec<&str> {
    v.iter().map(|f| f.rule).collect()
}

#[test]
fn silences_named_rules_in_the_next_element_and_its_children() {
    let mut v = vec![
        finding("id-isrc", "<x/>"),
        finding("id-grid", "<b>"),
        finding("id-isrc", "<c/>"),
        finding("id-dpid", "<b>"),
    ];
    apply(DOC, &mut v, &Selection::default(), &[]);
    assert_eq!(rules(&v), ["id-isrc", "id-dpid"]);
}

#[test]
fn reports_unused_rules_only_when_they_ran() {
    let mut v = vec![finding("id-isrc", "<x/>")];
    apply(DOC, &mut v, &Selection::default(), &[]);
    assert_eq!(rules(&v), ["suppression-unused"]);
    assert!(v[0].message.contains("'id-grid'"));
    let mut v = vec![finding("id-isrc", "<x/>")];
    let sel = Selection::new(&["id-isrc".into(), "structure".into()], &[]).unwrap();
    apply(DOC, &mut v, &sel, &[]);
    assert!(v.is_empty());
}

#[test]
fn invalid_suppressions() {
    let cases = [
        ("<!-- ddexlint-disable-next-element id-isrc -->", "without a reason"),
        (
            "<!-- ddexlint-disable-next-element id-isrcc: x -->",
            "did you mean 'id-isrc'?",
        ),
        ("<!-- ddexlint-disable-next-elemnt id-isrc: x -->", "unknown directive"),
        ("<!-- ddexlint-disable-next-element : x -->", "names no rule"),
    ];
    for (comment, expected) in cases {
        let doc = format!("<a>{comment}<b/></a>");
        let mut v = Vec::new();
        apply(&doc, &mut v, &Selection::default(), &[]);
        let msgs: Vec<_> = v
            .iter()
            .filter(|f| f.rule == "suppression-invalid")
            .map(|f| &f.message)
            .collect();
        assert!(msgs.iter().any(|m| m.contains(expected)), "{comment}: {msgs:?}");
    }
    let mut v = Vec::new();
    apply(
        "<a><b/><!-- ddexlint-disable-next-element id-isrc: x --></a>",
        &mut v,
        &Selection::default(),
        &[],
    );
    assert!(v[0].message.contains("no element follows"), "{:?}", v[0].message);
}

#[test]
fn a_suppression_without_reason_still_applies() {
    let doc = "<a><!-- ddexlint-disable-next-element id-isrc --><b/></a>";
    let o = doc.find("<b/>").unwrap() as u32;
    let mut v = vec![Finding::new("id-isrc", Severity::Error, o, Span::new(o, o), "m")];
    apply(doc, &mut v, &Selection::default(), &[]);
    assert_eq!(rules(&v), ["suppression-invalid"]);
}

#[test]
fn text_without_the_marker_is_untouched() {
    let mut v = vec![finding("id-isrc", "<c/>")];
    apply("<a><!-- a comment --><b/></a>", &mut v, &Selection::default(), &[]);
    assert_eq!(v.len(), 1);
}
