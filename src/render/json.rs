//! `--format json`: the machine-readable report of `spec/interface.md`.
//!
//! The document is built from borrowing structs whose field order *is* the key order: serde
//! derives serialise fields in declaration order, so the contract cannot drift the way a map
//! built at run time could. `schemas/report.schema.json` describes the same shape, and
//! `tests/report_schema.rs` checks the two agree.

use std::io::{self, Write};

use serde::Serialize;

use crate::finding::{Applicability, Severity};
use crate::report::{BaselineStats, FileSummary, Located, Report, Summary};

#[derive(Serialize)]
struct Document<'a> {
    tool: Tool,
    files: Vec<&'a FileSummary>,
    findings: Vec<JsonFinding<'a>>,
    summary: Summary,
    /// Present only after `--fix` changed something, so a plain check run has no
    /// misleading `"fixed": 0`.
    #[serde(skip_serializing_if = "Option::is_none")]
    fixed: Option<usize>,
    /// Present only with `--baseline`/`--write-baseline`.
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<BaselineStats>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
pub(super) struct JsonFinding<'a> {
    rule: &'a str,
    category: &'a str,
    severity: Severity,
    path: &'a str,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    /// `null` rather than absent: every finding has the same keys, so consumers can index
    /// without checking.
    xpath: Option<&'a str>,
    message: &'a str,
    help: Option<&'a str>,
    /// Absent when there is nothing to propose (the contract's wording).
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<JsonFix<'a>>,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    applicability: Applicability,
    replacement: &'a str,
}

impl<'a> From<&'a Located> for JsonFinding<'a> {
    fn from(l: &'a Located) -> Self {
        let f = &l.finding;
        JsonFinding {
            rule: f.rule,
            category: l.category,
            severity: f.severity,
            path: &l.path,
            line: l.line,
            column: l.column,
            end_line: l.end_line,
            end_column: l.column_end,
            xpath: l.xpath.as_deref(),
            message: &f.message,
            help: f.help.as_deref(),
            fix: f.fix.as_ref().map(|fix| JsonFix {
                applicability: fix.applicability,
                replacement: &fix.replacement,
            }),
        }
    }
}

/// Pretty-printed (two-space indent) and newline-terminated, so the file diffs well and
/// `cat` leaves the prompt on its own line.
pub(super) fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let doc = Document {
        tool: Tool {
            name: "ddexlint",
            version: env!("CARGO_PKG_VERSION"),
        },
        files: super::ordered_files(report),
        findings: super::ordered_findings(report)
            .into_iter()
            .map(JsonFinding::from)
            .collect(),
        summary: report.summary(),
        fixed: (report.fixed > 0).then_some(report.fixed),
        baseline: report.baseline,
    };
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::super::tests::{empty_report, sample_report};
    use super::super::{render, Format, RenderOptions};

    fn json(report: &crate::report::Report) -> String {
        let mut out = Vec::new();
        render(report, Format::Json, &RenderOptions::default(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn sample_report_as_json() {
        insta::assert_snapshot!(json(&sample_report()));
    }

    #[test]
    fn clean_run_as_json() {
        insta::assert_snapshot!(json(&empty_report()));
    }

    /// Keys at one indent level of the pretty-printed text, in the order written.
    /// (`serde_json::Value` sorts keys, so order must be read from the text itself.)
    fn keys_at(text: &str, indent: usize) -> Vec<&str> {
        let prefix = format!("{}\"", " ".repeat(indent));
        text.lines()
            .filter_map(|l| l.strip_prefix(prefix.as_str()))
            .filter_map(|rest| rest.split_once("\":").map(|(k, _)| k))
            .collect()
    }

    #[test]
    fn fixed_is_written_only_after_a_fix_run() {
        let mut report = sample_report();
        assert_eq!(keys_at(&json(&report), 2), ["tool", "files", "findings", "summary"]);
        report.fixed = 2;
        let text = json(&report);
        assert_eq!(keys_at(&text, 2), ["tool", "files", "findings", "summary", "fixed"]);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["fixed"], 2);
    }

    #[test]
    fn baseline_is_written_only_with_a_baseline() {
        let mut report = sample_report();
        report.baseline = Some(crate::report::BaselineStats {
            suppressed: 3,
            stale: 1,
        });
        let text = json(&report);
        assert_eq!(keys_at(&text, 2), ["tool", "files", "findings", "summary", "baseline"]);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["baseline"], serde_json::json!({"suppressed": 3, "stale": 1}));
    }

    #[test]
    fn finding_keys_keep_contract_order() {
        let text = json(&sample_report());
        let findings = &text[text.find("\"findings\": [").unwrap()..text.find("\"summary\"").unwrap()];
        let with_fix = findings.split("\n    }").find(|f| f.contains("\"fix\": {")).unwrap();
        let keys: Vec<&str> = keys_at(with_fix, 6);
        assert_eq!(
            keys,
            [
                "rule",
                "category",
                "severity",
                "path",
                "line",
                "column",
                "end_line",
                "end_column",
                "xpath",
                "message",
                "help",
                "fix"
            ]
        );
    }

    #[test]
    fn output_ends_with_one_newline() {
        let text = json(&sample_report());
        assert!(text.ends_with("}\n") && !text.ends_with("\n\n"));
    }
}
