//! `--format github`: GitHub Actions workflow commands, which GitHub turns into annotations
//! on the pull request's changed files.
//!
//! ```text
//! ::error file=feeds/a.xml,line=48,col=13,endLine=48,endColumn=34,title=ddexlint (id-isrc)::feeds/a.xml:48:13: id-isrc ISRC …
//! ```
//!
//! Two traps (research Part B1). Escaping: `@actions/core` escapes `%`, `\r` and `\n` in the
//! message, and additionally `:` and `,` in property values, since those delimit the
//! properties; a path or title with a comma would otherwise cut the command short. Limits:
//! GitHub shows only 10 annotations of each level per step, so the message repeats the
//! location (as ruff does) and the log stays a complete record past the cap. Columns are
//! given only for single-line findings: GitHub rejects them when `line` and `endLine` differ.

use std::io::{self, Write};

use crate::finding::Severity;
use crate::report::{Located, Report};

pub(super) fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for l in super::ordered_findings(report) {
        writeln!(out, "{}", command(l))?;
    }
    Ok(())
}

fn command(l: &Located) -> String {
    let f = &l.finding;
    let level = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut props = vec![format!("file={}", escape_property(&l.path))];
    if l.line > 0 {
        props.push(format!("line={}", l.line));
        if l.end_line == l.line {
            props.push(format!("col={}", l.column));
        }
        props.push(format!("endLine={}", l.end_line.max(l.line)));
        if l.end_line == l.line {
            props.push(format!("endColumn={}", l.column_end.max(l.column)));
        }
    }
    props.push(format!("title={}", escape_property(&format!("ddexlint ({})", f.rule))));

    let place = match l.line {
        0 => l.path.clone(),
        _ => format!("{}:{}:{}", l.path, l.line, l.column),
    };
    let mut message = format!("{place}: {} {}", f.rule, f.message);
    if let Some(help) = &f.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    format!("::{level} {}::{}", props.join(","), escape_data(&message))
}

/// The message (data) escapes of `@actions/core` `escapeData`.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// The property escapes of `@actions/core` `escapeProperty`: data escapes plus `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::super::tests::{located, sample_report};
    use super::super::{render, Format, RenderOptions};
    use super::command;
    use crate::finding::{Finding, Severity, Span};

    fn github(report: &crate::report::Report) -> String {
        let mut out = Vec::new();
        render(report, Format::Github, &RenderOptions::default(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn sample_report_as_github() {
        insta::assert_snapshot!(github(&sample_report()));
    }

    #[test]
    fn escapes_message_and_properties() {
        let f = Finding::new(
            "label-missing",
            Severity::Warning,
            0,
            Span::empty(0),
            "100% sure: a,b\r\nnext",
        );
        let l = located(f, "label", "feeds/50%,a:b\r\nc.xml", (3, 5), (3, 9), None, None);
        let cmd = command(&l);
        assert_eq!(
            cmd,
            "::warning file=feeds/50%25%2Ca%3Ab%0D%0Ac.xml,line=3,col=5,endLine=3,endColumn=9,\
             title=ddexlint (label-missing)::feeds/50%25,a:b%0D%0Ac.xml:3:5: label-missing 100%25 sure: a,b%0D%0Anext"
        );
        assert_eq!(cmd.lines().count(), 1);
    }

    #[test]
    fn levels_and_multi_line_spans() {
        let text = github(&sample_report());
        assert_eq!(text.lines().filter(|l| l.starts_with("::error ")).count(), 2);
        assert_eq!(text.lines().filter(|l| l.starts_with("::warning ")).count(), 4);
        let notice = text.lines().find(|l| l.starts_with("::notice ")).unwrap();
        // line 31 to 35: no columns.
        assert!(notice.contains("line=31,endLine=35,title="), "{notice}");
    }
}
