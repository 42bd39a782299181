//! `--format json-lines`: one finding per line, each the finding object of the JSON report.
//!
//! For streaming consumers and `jq -c` pipelines: every line parses on its own, and a report
//! of a million findings never has to be held as one document. Only findings are written;
//! files and summary belong to `--format json`.

use std::io::{self, Write};

use crate::report::Report;

use super::json::JsonFinding;

pub(super) fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for l in super::ordered_findings(report) {
        serde_json::to_writer(&mut *out, &JsonFinding::from(l)).map_err(io::Error::from)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample_report;
    use super::super::{render, Format, RenderOptions};
    use serde_json::Value;

    fn text(format: Format) -> String {
        let mut out = Vec::new();
        render(&sample_report(), format, &RenderOptions::default(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn sample_report_as_json_lines() {
        insta::assert_snapshot!(text(Format::JsonLines));
    }

    #[test]
    fn each_line_is_the_json_reports_finding() {
        let report: Value = serde_json::from_str(&text(Format::Json)).unwrap();
        let lines: Vec<Value> = text(Format::JsonLines)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(&lines, report["findings"].as_array().unwrap());
    }
}
