//! `--format json`: the machine-readable report of `spec/interface.md`.
//!
//! Each finding is a borrowing struct whose field order *is* the key order: serde derives
//! serialise fields in declaration order, so the contract cannot drift the way a map built at
//! run time could. The top-level keys are written in order by [`render`], which lays the
//! document out exactly as `serde_json::to_writer_pretty` would, but renders the findings
//! (tens of thousands in a catalogue run) in chunks on all cores. `schemas/report.schema.json`
//! describes the same shape, and `tests/report_schema.rs` checks the two agree.

use std::io::{self, Write};

use serde::Serialize;

use crate::finding::{Applicability, Severity};
use crate::report::{Located, Report};

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
/// `cat` leaves the prompt on its own line. Keys in the contract's order; `fixed` only after
/// `--fix` changed something (so a plain check run has no misleading `"fixed": 0`),
/// `baseline` only with `--baseline`/`--write-baseline`.
pub(super) fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let tool = Tool {
        name: "ddexlint",
        version: env!("CARGO_PKG_VERSION"),
    };
    out.write_all(b"{\n")?;
    entry(out, "tool", &tool, true)?;
    entry(out, "files", &super::ordered_files(report), false)?;
    out.write_all(b",\n  \"findings\": ")?;
    findings_array(out, &super::ordered_findings(report))?;
    entry(out, "summary", &report.summary(), false)?;
    if report.fixed > 0 {
        entry(out, "fixed", &report.fixed, false)?;
    }
    if let Some(baseline) = &report.baseline {
        entry(out, "baseline", baseline, false)?;
    }
    out.write_all(b"\n}\n")
}

/// One top-level `"key": value`, the value laid out one level deep.
fn entry(out: &mut dyn Write, key: &str, value: &impl Serialize, first: bool) -> io::Result<()> {
    if !first {
        out.write_all(b",\n")?;
    }
    write!(out, "  \"{key}\": ")?;
    let mut text = Vec::new();
    pretty(&mut text, value, b"  ")?;
    out.write_all(&text)
}

/// The `findings` array, two levels deep, its elements rendered in chunks in parallel, a
/// window of chunks at a time: a catalogue run's report is hundreds of megabytes, which
/// need not all be in memory before they are written.
fn findings_array(out: &mut dyn Write, findings: &[&Located]) -> io::Result<()> {
    use rayon::prelude::*;
    const CHUNK: usize = 1024;
    const WINDOW: usize = 32 * CHUNK;
    if findings.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    for (w, window) in findings.chunks(WINDOW).enumerate() {
        let chunks: Vec<io::Result<Vec<u8>>> = window
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut text = Vec::with_capacity(chunk.len() * 600);
                for &l in chunk {
                    text.extend_from_slice(b",\n    ");
                    pretty(&mut text, &JsonFinding::from(l), b"    ")?;
                }
                Ok(text)
            })
            .collect();
        for (i, chunk) in chunks.into_iter().enumerate() {
            let chunk = chunk?;
            // Every element starts with its separator; the first element's is only the line end.
            out.write_all(if w == 0 && i == 0 { &chunk[1..] } else { &chunk })?;
        }
    }
    out.write_all(b"\n  ]")
}

/// `value` pretty-printed as serde_json nests it: `indent` after every line feed (JSON
/// strings never hold a raw line feed, so every one is layout).
fn pretty(out: &mut Vec<u8>, value: &impl Serialize, indent: &[u8]) -> io::Result<()> {
    let mut text = Vec::new();
    serde_json::to_writer_pretty(&mut text, value).map_err(io::Error::from)?;
    for piece in text.split_inclusive(|&b| b == b'\n') {
        out.extend_from_slice(piece);
        if piece.ends_with(b"\n") {
            out.extend_from_slice(indent);
        }
    }
    Ok(())
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

    /// The document as one serde value, the way it was written before the findings were
    /// rendered in parallel: the reference layout [`super::render`] must reproduce.
    #[derive(serde::Serialize)]
    struct Whole<'a> {
        tool: super::Tool,
        files: Vec<&'a crate::report::FileSummary>,
        findings: Vec<super::JsonFinding<'a>>,
        summary: crate::report::Summary,
        #[serde(skip_serializing_if = "Option::is_none")]
        fixed: Option<usize>,
        #[serde(skip_serializing_if = "Option::is_none")]
        baseline: Option<crate::report::BaselineStats>,
    }

    fn as_one_value(report: &crate::report::Report) -> String {
        let whole = Whole {
            tool: super::Tool {
                name: "ddexlint",
                version: env!("CARGO_PKG_VERSION"),
            },
            files: super::super::ordered_files(report),
            findings: super::super::ordered_findings(report)
                .into_iter()
                .map(super::JsonFinding::from)
                .collect(),
            summary: report.summary(),
            fixed: (report.fixed > 0).then_some(report.fixed),
            baseline: report.baseline,
        };
        serde_json::to_string_pretty(&whole).unwrap() + "\n"
    }

    #[test]
    fn layout_matches_serde_pretty_printing_of_the_whole_document() {
        assert_eq!(json(&empty_report()), as_one_value(&empty_report()));
        let mut report = sample_report();
        assert_eq!(json(&report), as_one_value(&report));
        // Several windows of parallel chunks, with the optional keys present.
        let one = report.findings.clone();
        for line in 0..8000 {
            let mut more = one.clone();
            more.iter_mut().for_each(|l| l.line += line);
            report.findings.extend(more);
        }
        assert!(report.findings.len() > 32 * 1024);
        report.sort();
        report.fixed = 4;
        report.baseline = Some(crate::report::BaselineStats {
            suppressed: 1,
            stale: 2,
        });
        assert_eq!(json(&report), as_one_value(&report));
    }

    #[test]
    fn output_ends_with_one_newline() {
        let text = json(&sample_report());
        assert!(text.ends_with("}\n") && !text.ends_with("\n\n"));
    }
}
