//! Placeholder renderers until the full ones land (replaced by the render branch).
use std::io::Write;

use crate::report::Report;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

pub struct RenderOptions {
    pub color: bool,
    pub show_fixes: bool,
}

pub fn render(report: &Report, format: Format, _opts: &RenderOptions, out: &mut dyn Write) -> std::io::Result<()> {
    match format {
        Format::Human | Format::Json => {
            for l in &report.findings {
                writeln!(out, "{}:{}:{}: {}[{}] {}", l.path, l.line, l.column, l.finding.severity.as_str(), l.finding.rule, l.finding.message)?;
            }
            Ok(())
        }
    }
}
