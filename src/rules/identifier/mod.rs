//! Identifier rules: ISRC, ICPN (UPC/EAN), GRid, ISNI and DPID values, checked with the
//! pure functions of [`crate::ids`].
//!
//! The five format rules share one shape: every identifier of their kind is checked, a
//! value whose only fault is formatting gets the clean form (a safe fix when the rule's
//! contract allows it and the element's text can be rewritten in one edit, otherwise a
//! suggestion), and a wrong value gets the corrected one as a suggestion when a check
//! character makes it computable.

pub mod id_dpid;
pub mod id_grid;
pub mod id_icpn_check_digit;
pub mod id_isni;
pub mod id_isrc;
pub mod id_isrc_duplicate;

use crate::ern::{Feed, IdKind, Identifier, Owner};
use crate::finding::{Applicability, Finding, Fix};
use crate::ids::IdCheck;
use crate::rules::{Context, Rule};

/// What distinguishes one identifier format rule from another.
pub(crate) struct IdFormat {
    pub(crate) rule: &'static Rule,
    pub(crate) kind: IdKind,
    /// As people call it: "ISRC".
    pub(crate) name: &'static str,
    pub(crate) check: fn(&str) -> IdCheck,
    /// How DDEX wants it written, after "DDEX wants": "the 12 bare characters".
    pub(crate) wanted: &'static str,
    /// Whether `--fix` may rewrite `raw` as `normalized` (the rule's fix class in rules.md
    /// names which formatting problems are safe). `None`: formatting is only suggested.
    pub(crate) safe: Option<fn(raw: &str, normalized: &str) -> bool>,
    /// Help when no value can be proposed: what the identifier looks like, where to get it.
    pub(crate) write_help: &'static str,
    /// Said after "did you mean X?" when a check character gives the corrected value.
    pub(crate) verify_help: &'static str,
}

/// Checks every identifier of `format.kind` in the feed.
pub(crate) fn check_format(cx: &Context, out: &mut Vec<Finding>, format: &IdFormat) {
    for (index, ident) in cx
        .feed
        .identifiers
        .iter()
        .enumerate()
        .filter(|(_, i)| i.kind == format.kind)
        .filter(|(_, i)| cx.feed.reports_context || !matches!(i.owner, Owner::Header | Owner::Party(_)))
    {
        if let Some(f) = format_finding(cx.feed, index, ident, format) {
            out.push(f);
        }
    }
}

fn format_finding(feed: &Feed, index: usize, ident: &Identifier, format: &IdFormat) -> Option<Finding> {
    let text = &ident.text;
    let raw: &str = &text.value;
    let check = (format.check)(raw);
    if matches!(check, IdCheck::Valid) {
        return None; // most identifiers: no name to format
    }
    let name = format!("{}{}", header_role(feed, index, ident), format.name);
    let finding = |message: String| format.rule.finding(text.elem, text.span, message);
    match check {
        IdCheck::Valid => None,
        IdCheck::Fixable { normalized, problem } => {
            let safe = text.editable && format.safe.is_some_and(|safe| safe(raw, &normalized));
            let fix = if safe {
                Fix::replace_text(Applicability::Safe, text.span, normalized.as_str())
            } else {
                Fix::suggest(normalized.as_str())
            };
            let message = format!("{name} '{}' {problem}; DDEX wants {}", shown(raw), format.wanted);
            Some(
                finding(message)
                    .with_help(format!("write it as {normalized}"))
                    .with_fix(fix),
            )
        }
        IdCheck::Invalid { reason, expected } => {
            let message = if raw.trim().is_empty() {
                format!("{name} is empty")
            } else {
                format!("{name} '{}': {reason}", shown(raw))
            };
            Some(match expected {
                Some(expected) => finding(message)
                    .with_help(format!("did you mean {expected}? {}", format.verify_help))
                    .with_fix(Fix::suggest(expected)),
                None => finding(message).with_help(format.write_help),
            })
        }
    }
}

/// "MessageSender " for an identifier of the message header, else "".
fn header_role(feed: &Feed, index: usize, ident: &Identifier) -> String {
    if ident.owner != Owner::Header {
        return String::new();
    }
    feed.header
        .iter()
        .find(|h| h.ids.contains(&index))
        .map(|h| format!("{} ", h.role))
        .unwrap_or_default()
}

/// The value as quoted in a message: trimmed, control characters escaped, at most 40
/// characters (a pasted paragraph must not become the message).
pub(crate) fn shown(raw: &str) -> String {
    const MAX: usize = 40;
    let trimmed = raw.trim();
    let mut out = String::new();
    for (n, c) in trimmed.chars().enumerate() {
        if n == MAX {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.push_str(&format!("\\u{{{:X}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{lint_source, Selection, Settings};
    use crate::report::Located;
    use crate::source::Source;

    fn lint(text: &str) -> Vec<Located> {
        let settings = Settings {
            selection: Selection::new(&["identifier".to_string()], &[]).unwrap(),
            ..Settings::default()
        };
        lint_source(&Source::from_text("t.xml", text), &settings).findings
    }

    /// Applies every safe fix of the fixtures: the fixed values must be the clean ones, the
    /// file must stay well-formed, and only the findings without a safe fix must remain.
    #[test]
    fn safe_fixes_write_the_clean_value() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rules");
        for (fixture, fixed_values) in [
            (
                "id-isrc/fail-ern4.xml",
                &["<ISRC>NOABC2600001</ISRC>", "<ISRC>NOABC2600002</ISRC>"][..],
            ),
            ("id-isrc/fail-ern3.xml", &["<ISRC>FRX202600001</ISRC>"][..]),
            (
                "id-icpn-check-digit/fail-ern4-spaces.xml",
                &["<ICPN>5901234123457</ICPN>"][..],
            ),
            ("id-isni/fail-ern4.xml", &["<ISNI>0000000121032683</ISNI>"][..]),
        ] {
            let text = std::fs::read_to_string(format!("{dir}/{fixture}")).unwrap();
            let before = lint(&text);
            let mut edits: Vec<_> = before
                .iter()
                .filter_map(|l| l.finding.fix.as_ref())
                .filter(|f| f.applicability == Applicability::Safe)
                .flat_map(|f| f.edits.iter().cloned())
                .collect();
            assert_eq!(edits.len(), fixed_values.len(), "{fixture}");
            edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
            let mut fixed = text.clone();
            for e in &edits {
                fixed.replace_range(e.span.range(), &e.content);
            }
            for value in fixed_values {
                assert!(fixed.contains(value), "{fixture}: {value} not written");
            }
            let after = lint(&fixed);
            assert!(after.iter().all(|l| l.finding.rule != "xml-malformed"), "{fixture}");
            assert_eq!(after.len(), before.len() - edits.len(), "{fixture}: {after:?}");
            assert!(after.iter().all(|l| l
                .finding
                .fix
                .as_ref()
                .is_none_or(|f| f.applicability != Applicability::Safe)));
        }
    }

    #[test]
    fn escaped_values_are_fixed_in_their_raw_span() {
        let base = include_str!("../../../tests/fixtures/base-ern43.xml");
        let text = base.replace("<ISRC>NOABC2600001</ISRC>", "<ISRC>NO&#x2D;ABC&#45;26-00001</ISRC>");
        let found = lint(&text);
        let fix = found.iter().find_map(|l| l.finding.fix.as_ref()).expect("a fix");
        assert_eq!(fix.applicability, Applicability::Safe);
        let mut fixed = text.clone();
        fixed.replace_range(fix.edits[0].span.range(), &fix.edits[0].content);
        assert!(fixed.contains("<ISRC>NOABC2600001</ISRC>"), "{fixed}");
    }

    #[test]
    fn shown_trims_escapes_and_truncates() {
        assert_eq!(shown("  GB-ABC-24-00012\n"), "GB-ABC-24-00012");
        assert_eq!(shown("GB\tABC"), "GB\\u{9}ABC");
        let long = "7".repeat(100);
        assert_eq!(shown(&long), format!("{}…", "7".repeat(40)));
    }
}
