//! `--format concise`: one line per finding, `path:line:col: severity[rule] message`.
//!
//! The shape compilers use, so editors' and terminals' "file:line:col" links work and `grep`,
//! `sort` and `wc -l` work on it. Nothing else is written (no summary line): the line count
//! is the finding count. Hidden characters and line breaks in a message are escaped, so one
//! finding never spans two lines.

use std::io::{self, Write};

use crate::report::{Located, Report};

use super::snippet::visible;

pub(super) fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for l in super::ordered_findings(report) {
        writeln!(out, "{}", line(l))?;
    }
    Ok(())
}

fn line(l: &Located) -> String {
    let f = &l.finding;
    let path = one_line(&l.path);
    let place = match l.line {
        // No position (a file-level problem): the path alone, as the human format does.
        0 => path,
        _ => format!("{path}:{}:{}", l.line, l.column),
    };
    format!("{place}: {}[{}] {}", f.severity.as_str(), f.rule, one_line(&f.message))
}

fn one_line(s: &str) -> String {
    visible(s).replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::super::tests::{empty_report, sample_report};
    use super::super::{render, Format, RenderOptions};

    fn concise(report: &crate::report::Report) -> String {
        let mut out = Vec::new();
        render(report, Format::Concise, &RenderOptions::default(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn sample_report_as_concise() {
        insta::assert_snapshot!(concise(&sample_report()));
    }

    #[test]
    fn one_line_per_finding() {
        let mut report = sample_report();
        report.findings[0].finding.message = "two\nlines".into();
        let text = concise(&report);
        assert_eq!(text.lines().count(), report.findings.len());
        assert!(text.contains("two\\nlines"));
        assert_eq!(concise(&empty_report()), "");
    }
}
