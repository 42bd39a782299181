//! `--format gitlab`: a GitLab Code Quality report (`artifacts:reports:codequality`), a JSON
//! array of issues that GitLab shows in the merge request widget and diff.
//!
//! GitLab compares the reports of the source and target branches by `fingerprint` to tell new
//! findings from old ones, so the fingerprint must not change when a finding only moves: see
//! [`super::fingerprint`]. Severity maps onto GitLab's five levels as info→info,
//! warning→minor, error→major; `critical` and `blocker` are left for problems worse than any
//! ddexlint finds.

use std::io::{self, Write};

use serde::Serialize;

use crate::finding::Severity;
use crate::report::{Located, Report};

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: u32,
}

pub(super) fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let findings = super::ordered_findings(report);
    let fingerprints = super::fingerprint::fingerprints(&findings);
    let issues: Vec<Issue> = findings
        .into_iter()
        .zip(fingerprints)
        .map(|(l, fingerprint)| issue(l, fingerprint))
        .collect();
    serde_json::to_writer_pretty(&mut *out, &issues).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

fn issue(l: &Located, fingerprint: String) -> Issue<'_> {
    let f = &l.finding;
    Issue {
        // The rule id up front: the widget shows only the description.
        description: format!("{}: {}", f.rule, f.message),
        check_name: f.rule,
        fingerprint,
        severity: match f.severity {
            Severity::Info => "info",
            Severity::Warning => "minor",
            Severity::Error => "major",
        },
        location: Location {
            path: &l.path,
            // GitLab needs a line; a file-level finding points at the first.
            lines: Lines { begin: l.line.max(1) },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{empty_report, sample_report};
    use super::super::{render, Format, RenderOptions};
    use serde_json::Value;

    fn gitlab(report: &crate::report::Report) -> Value {
        let mut out = Vec::new();
        render(report, Format::Gitlab, &RenderOptions::default(), &mut out).unwrap();
        serde_json::from_slice(&out).unwrap()
    }

    fn fingerprints(report: &crate::report::Report) -> Vec<String> {
        let issues = gitlab(report);
        let issues = issues.as_array().unwrap();
        issues
            .iter()
            .map(|i| i["fingerprint"].as_str().unwrap().to_owned())
            .collect()
    }

    #[test]
    fn sample_report_as_gitlab() {
        let mut out = Vec::new();
        render(&sample_report(), Format::Gitlab, &RenderOptions::default(), &mut out).unwrap();
        insta::assert_snapshot!(String::from_utf8(out).unwrap());
    }

    #[test]
    fn severities_and_required_keys() {
        let issues = gitlab(&sample_report());
        let severities: Vec<&str> = issues
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["severity"].as_str().unwrap())
            .collect();
        assert!(severities.contains(&"major") && severities.contains(&"minor") && severities.contains(&"info"));
        for i in issues.as_array().unwrap() {
            for key in ["description", "check_name", "fingerprint", "severity"] {
                assert!(i[key].is_string(), "{key} in {i}");
            }
            assert!(i["location"]["path"].is_string() && i["location"]["lines"]["begin"].as_u64() >= Some(1));
        }
        assert_eq!(gitlab(&empty_report()), Value::Array(vec![]));
    }

    #[test]
    fn fingerprints_are_unique_and_survive_moved_lines() {
        let report = sample_report();
        let before = fingerprints(&report);
        let unique: std::collections::HashSet<_> = before.iter().collect();
        assert_eq!(unique.len(), before.len());

        // Ten lines inserted above every finding: lines and byte offsets move, nothing else.
        let mut moved = report.clone();
        for l in &mut moved.findings {
            l.line += 10;
            l.end_line += 10;
            l.finding.anchor += 400;
            l.finding.span.start += 400;
            l.finding.span.end += 400;
        }
        assert_eq!(fingerprints(&moved), before);
    }
}
