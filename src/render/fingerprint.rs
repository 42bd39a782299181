//! Fingerprints that keep a finding's identity while its line moves (GitLab `fingerprint`,
//! SARIF `partialFingerprints`).
//!
//! The key is (path, rule, element XPath, offending value): editing lines above a finding
//! leaves it unchanged, so CI dashboards do not report it as fixed-and-new. The line number is
//! deliberately not part of it. The value is the text the finding underlines on its line; a
//! finding with none (a parser error, an empty span) falls back to its message, with the
//! `line N` references some messages make to other elements taken out. Identical keys in one file
//! (the same value twice under one XPath) get an occurrence number, counted in report order,
//! so fingerprints stay unique as GitLab requires.
//!
//! The hash is FNV-1a 128, written here: `std`'s hashers may change between Rust releases,
//! and a fingerprint that changes with the compiler would defeat its purpose.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::report::Located;

use super::anchor_line::AnchorLine;

/// Fingerprints of `findings`, index for index (32 lowercase hex digits each).
pub(super) fn fingerprints(findings: &[&Located]) -> Vec<String> {
    let mut seen: HashMap<u128, u32> = HashMap::new();
    findings
        .iter()
        .map(|l| {
            let fields = key_fields(l);
            let base = hash(&fields.each_ref().map(|f| f.as_ref()));
            let n = seen.entry(base).or_insert(0);
            let fp = if *n == 0 {
                base
            } else {
                hash(&[&base.to_string(), &n.to_string()])
            };
            *n += 1;
            format!("{fp:032x}")
        })
        .collect()
}

fn key_fields(l: &Located) -> [Cow<'_, str>; 4] {
    let value = match AnchorLine::of(l).and_then(|line| line.clip(l.finding.span)) {
        Some(value) => Cow::Borrowed(value),
        None => Cow::Owned(without_line_numbers(&l.finding.message)),
    };
    [
        Cow::Borrowed(&l.path),
        Cow::Borrowed(l.finding.rule),
        Cow::Borrowed(l.xpath.as_deref().unwrap_or("")),
        value,
    ]
}

/// `message` with the number of every `line N` removed ("already defined at line 12").
fn without_line_numbers(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find("line ") {
        let (head, tail) = rest.split_at(at + "line ".len());
        out.push_str(head);
        rest = tail.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    out.push_str(rest);
    out
}

/// FNV-1a 128 over length-prefixed fields, so ("ab", "c") and ("a", "bc") differ.
fn hash(fields: &[&str]) -> u128 {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013b;
    let mut h = OFFSET;
    for field in fields {
        let len = (field.len() as u64).to_le_bytes();
        for b in len.iter().chain(field.as_bytes()) {
            h ^= u128::from(*b);
            h = h.wrapping_mul(PRIME);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::{fingerprints, hash, without_line_numbers};
    use crate::finding::{Finding, Severity, Span};
    use crate::render::tests::located;
    use crate::report::Located;

    /// An ISRC finding on `line`, whose line starts at byte `line_start`.
    fn isrc(line: u32, line_start: u32, value: &str) -> Located {
        let text = format!("    <ISRC>{value}</ISRC>");
        let span = Span::new(line_start + 10, line_start + 10 + value.len() as u32);
        let f = Finding::new(
            "id-isrc",
            Severity::Error,
            line_start + 4,
            span,
            format!("bad ISRC at line {line}"),
        );
        let xpath = Some("/NewReleaseMessage/ResourceList/SoundRecording[1]/ISRC");
        let end = 11 + value.chars().count() as u32;
        located(f, "identifier", "a.xml", (line, 5), (line, end), xpath, Some(&text))
    }

    #[test]
    fn stable_when_the_finding_moves() {
        let before = isrc(10, 300, "GB-ABC-24-00012");
        let after = isrc(42, 1800, "GB-ABC-24-00012");
        assert_eq!(fingerprints(&[&before]), fingerprints(&[&after]));
    }

    #[test]
    fn different_findings_differ() {
        let a = isrc(10, 300, "GB-ABC-24-00012");
        let b = isrc(10, 300, "GB-ABC-24-00013");
        let mut c = a.clone();
        c.path = "b.xml".into();
        let mut d = a.clone();
        d.xpath = Some("/NewReleaseMessage/ResourceList/SoundRecording[2]/ISRC".into());
        let fps = fingerprints(&[&a, &b, &c, &d]);
        let unique: std::collections::HashSet<_> = fps.iter().collect();
        assert_eq!(unique.len(), 4, "{fps:?}");
    }

    #[test]
    fn repeated_keys_stay_unique() {
        let a = isrc(10, 300, "X");
        let b = isrc(11, 340, "X");
        let fps = fingerprints(&[&a, &b]);
        assert_ne!(fps[0], fps[1]);
        assert_eq!(fps, fingerprints(&[&a, &b]));
    }

    #[test]
    fn message_fallback_ignores_line_references() {
        assert_eq!(
            without_line_numbers("ISRC X of A2 is already the ISRC of A1 (line 21); see line 3"),
            "ISRC X of A2 is already the ISRC of A1 (line ); see line "
        );
        let f = Finding::new(
            "ref-duplicate",
            Severity::Error,
            0,
            Span::empty(0),
            "defined at line 12",
        );
        let a = located(f.clone(), "reference", "a.xml", (40, 1), (40, 1), Some("/A/B"), None);
        let f = Finding {
            message: "defined at line 19".into(),
            ..f
        };
        let b = located(f, "reference", "a.xml", (47, 1), (47, 1), Some("/A/B"), None);
        assert_eq!(fingerprints(&[&a]), fingerprints(&[&b]));
    }

    #[test]
    fn fields_are_delimited_and_the_hash_is_fixed() {
        assert_ne!(hash(&["ab", "c"]), hash(&["a", "bc"]));
        // Pinned: a change here changes every fingerprint users have stored.
        assert_eq!(
            format!("{:032x}", hash(&["a.xml", "id-isrc"])),
            "26d13afd8fce9b2e0645b7f8e931894e"
        );
    }
}
