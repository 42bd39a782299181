//! What a run found, file by file, resolved to lines, columns and XPaths: the input of
//! every renderer.

use serde::Serialize;

use crate::finding::{Finding, Severity};

/// One finding, placed in its file.
#[derive(Clone, Debug)]
pub struct Located {
    pub finding: Finding,
    pub category: &'static str,
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub column_end: u32,
    pub xpath: Option<String>,
    /// The source line that holds `line` (for human output), without its line end; a long
    /// line (a minified feed is one line of megabytes) cut to a window around the finding.
    pub source_line: Option<String>,
    /// The column (1-based, in characters) of the line where `source_line` starts: 1 unless a
    /// long line was cut.
    pub source_line_column: u32,
}

/// What was read of one file.
#[derive(Clone, Debug, Serialize)]
pub struct FileSummary {
    pub path: String,
    pub ern_version: Option<String>,
    pub releases: usize,
    pub findings: usize,
}

/// A whole run: files and findings sorted by (path, line, column, rule).
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub files: Vec<FileSummary>,
    pub findings: Vec<Located>,
    /// Fixes applied by `--fix` (count), when fixing.
    pub fixed: usize,
    /// What `--baseline` hid and what of it no longer occurs, when a baseline was given.
    pub baseline: Option<BaselineStats>,
}

/// The effect of a baseline on a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct BaselineStats {
    /// Findings left out because the baseline records them.
    pub suppressed: usize,
    /// Baseline occurrences (of the files checked) that no longer occur: fixed since.
    pub stale: usize,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub fixable: usize,
}

/// The report's order of two findings of the same file: line, column, rule.
pub fn in_file_order(a: &Located, b: &Located) -> std::cmp::Ordering {
    (a.line, a.column, a.finding.rule).cmp(&(b.line, b.column, b.finding.rule))
}

/// The report's order of two findings: path, then [`in_file_order`].
pub fn report_order(a: &Located, b: &Located) -> std::cmp::Ordering {
    a.path.cmp(&b.path).then_with(|| in_file_order(a, b))
}

impl Report {
    /// Files by path, findings by (path, line, column, rule). Both sorts are stable and cost
    /// one comparison per element on input already in this order, so a caller that sorted
    /// each file's findings with [`in_file_order`] on all cores and added the files in path
    /// order pays little here.
    pub fn sort(&mut self) {
        self.files.sort_by(|a, b| a.path.cmp(&b.path));
        self.findings.sort_by(report_order);
    }

    pub fn summary(&self) -> Summary {
        let mut s = Summary {
            files: self.files.len(),
            ..Summary::default()
        };
        for l in &self.findings {
            match l.finding.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
            if l.finding.fix.as_ref().is_some_and(|f| !f.edits.is_empty()) {
                s.fixable += 1;
            }
        }
        s
    }

    /// The most severe finding, if any.
    pub fn max_severity(&self) -> Option<Severity> {
        self.findings.iter().map(|l| l.finding.severity).max()
    }
}
