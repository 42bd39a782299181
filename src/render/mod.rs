//! Renderers: turn a [`Report`] into bytes for people (`human`, `concise`), programs (`json`,
//! `json-lines`) and CI systems (`sarif`, `junit`, `github`, `gitlab`).
//!
//! Each format is a small module over the same plain data, so adding one (SARIF, JUnit,
//! GitHub annotations, …) never touches the rules. Renderers write only to the `out` they are
//! given and never look at the terminal: the CLI decides colour, and the output is the same on
//! every machine, which is what makes it snapshot-testable.

mod anchor_line;
mod concise;
mod fingerprint;
mod fixes;
mod github;
mod gitlab;
mod human;
mod json;
mod json_lines;
mod junit;
mod sarif;
mod snippet;

use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

pub use fixes::render_applied;

use crate::report::{FileSummary, Located, Report};

/// An output format of `ddexlint check --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// rustc/ruff-style diagnostics with the source line underlined, then a summary line.
    Human,
    /// One JSON object, the contract of `spec/interface.md` and `schemas/report.schema.json`.
    Json,
    /// One line per finding: `path:line:col: severity[rule] message`.
    Concise,
    /// One JSON object per line, each a finding object of the JSON report.
    JsonLines,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// JUnit XML: one test case per file, one failure per finding.
    Junit,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// GitLab Code Quality JSON.
    Gitlab,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 8] = [
        Format::Human,
        Format::Json,
        Format::Concise,
        Format::JsonLines,
        Format::Sarif,
        Format::Junit,
        Format::Github,
        Format::Gitlab,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Json => "json",
            Format::Concise => "concise",
            Format::JsonLines => "json-lines",
            Format::Sarif => "sarif",
            Format::Junit => "junit",
            Format::Github => "github",
            Format::Gitlab => "gitlab",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A `--format` value that names no format; its message lists the valid ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        write!(f, "unknown format '{}' (expected one of: {})", self.0, names.join(", "))
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| UnknownFormat(s.to_owned()))
    }
}

/// Presentation choices made by the caller (the CLI), never guessed from the environment here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RenderOptions {
    /// ANSI colours in human output (the CLI turns them off for pipes and `NO_COLOR`).
    pub color: bool,
    /// Show each proposed fix (`= fix (safe): replace with '…'`) under its finding.
    pub show_fixes: bool,
    /// `--diff`: `report.fixed` counts fixes that would be applied, not applied ones.
    pub preview: bool,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            color: false,
            show_fixes: true,
            preview: false,
        }
    }
}

/// Write `report` to `out` in `format`.
///
/// Findings are written in the contract's order, (path, line, column, rule), whether or not
/// the caller sorted the report: output order is part of the interface.
pub fn render(report: &Report, format: Format, opts: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Human => human::render(report, opts, out),
        Format::Json => json::render(report, out),
        Format::Concise => concise::render(report, out),
        Format::JsonLines => json_lines::render(report, out),
        Format::Sarif => sarif::render(report, out),
        Format::Junit => junit::render(report, out),
        Format::Github => github::render(report, out),
        Format::Gitlab => gitlab::render(report, out),
    }
}

/// The files of `report` sorted by path, as `Report::sort` would leave them.
fn ordered_files(report: &Report) -> Vec<&FileSummary> {
    let mut files: Vec<&FileSummary> = report.files.iter().collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// The findings of `report` in the contract's order, without copying or mutating them.
fn ordered_findings(report: &Report) -> Vec<&Located> {
    let mut findings: Vec<&Located> = report.findings.iter().collect();
    findings.sort_by(|a, b| crate::report::report_order(a, b));
    findings
}

#[cfg(test)]
mod tests;
