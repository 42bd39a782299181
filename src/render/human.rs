//! `--format human`: rustc/ruff-style diagnostics, then one summary line.
//!
//! ```text
//! error[id-isrc]: ISRC 'GB-ABC-24-00012' has separators; DDEX wants the 12 bare characters
//!   --> feeds/ninja-tune-ern43.xml:48:13
//!    |
//! 48 |             <ISRC>GB-ABC-24-00012</ISRC>
//!    |                   ^^^^^^^^^^^^^^^
//!    |
//!    = xpath: /NewReleaseMessage/ResourceList/SoundRecording[2]/SoundRecordingEdition/ResourceId/ISRC
//!    = help: write it as GBABC2400012
//!    = fix (safe): replace with 'GBABC2400012'
//! ```
//!
//! Written by hand rather than through miette's `GraphicalReportHandler`, which was tried
//! (miette 7.6) and fights this layout: it prints the rule code on a line of its own and the
//! location as `╭─[path:line:col]`, has no `info` level and no place for a fix, and its
//! `ascii()` theme still emits ANSI colours. Two things matter more for feeds: miette prints
//! the whole source line, and a minified feed is one line of megabytes; and it prints
//! zero-width and bidi characters raw, so the underline of a `unicode` finding points at
//! nothing visible. Here long lines are windowed around the span, invisible characters are
//! shown as `\u{200B}`, and nothing depends on the terminal: no width probe, no colour probe.

use std::borrow::Cow;
use std::fmt::{self, Write as _};
use std::io::{self, Write};

use crate::finding::{Applicability, Severity};
use crate::report::{Located, Report};

use super::snippet::{excerpt, visible};
use super::RenderOptions;

/// Columns a rendered source line may take, gutter included. Fixed, not the terminal's width,
/// so the output is the same everywhere.
const WIDTH: usize = 100;

const IN_MEMORY: &str = "formatting into a String cannot fail";

pub(super) fn render(report: &Report, opts: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let paint = Paint { color: opts.color };
    let mut text = String::new();
    for l in super::ordered_findings(report) {
        write_finding(&mut text, l, opts, paint).expect(IN_MEMORY);
        text.push('\n');
        // Flush per finding: a large report streams instead of piling up in memory.
        out.write_all(text.as_bytes())?;
        text.clear();
    }
    write_summary(&mut text, report, opts.preview).expect(IN_MEMORY);
    write_baseline(&mut text, report).expect(IN_MEMORY);
    out.write_all(text.as_bytes())
}

fn write_finding(w: &mut String, l: &Located, opts: &RenderOptions, paint: Paint) -> fmt::Result {
    let f = &l.finding;
    let level = severity_style(f.severity);
    let digits = l.line.max(1).to_string().len();
    let pad = " ".repeat(digits);

    let header = format!("{}[{}]", f.severity.as_str(), f.rule);
    writeln!(
        w,
        "{}{}",
        paint.on(level, &header),
        paint.on(BOLD, &format!(": {}", visible(&f.message)))
    )?;

    let location = match l.line {
        0 => visible(&l.path).into_owned(),
        _ => format!("{}:{}:{}", visible(&l.path), l.line, l.column),
    };
    writeln!(w, "{pad}{} {location}", paint.on(GUTTER, "-->"))?;

    let bar = paint.on(GUTTER, "|");
    let snippet = l.source_line.as_deref().filter(|_| l.line > 0);
    if let Some(source_line) = snippet {
        let (shown, carets) = excerpt(source_line, l, WIDTH - digits - 3);
        writeln!(w, "{pad} {bar}")?;
        writeln!(
            w,
            "{} {bar} {}",
            paint.on(GUTTER, &l.line.to_string()),
            shown.trim_end()
        )?;
        writeln!(
            w,
            "{pad} {bar} {}{}",
            " ".repeat(carets.start),
            paint.on(level, &"^".repeat(carets.len()))
        )?;
    }

    let mut notes: Vec<(&str, Style, String)> = Vec::new();
    if let Some(xpath) = &l.xpath {
        notes.push(("xpath", BOLD, visible(xpath).into_owned()));
    }
    if let Some(help) = &f.help {
        notes.push(("help", BOLD, visible(help).into_owned()));
    }
    if let Some(fix) = f.fix.as_ref().filter(|_| opts.show_fixes) {
        let label = match fix.applicability {
            Applicability::Safe => "fix (safe)",
            Applicability::Unsafe => "fix (unsafe)",
            Applicability::Suggestion => "fix (suggestion)",
        };
        notes.push((label, FIX, format!("replace with '{}'", visible(&fix.replacement))));
    }
    if !notes.is_empty() && snippet.is_some() {
        writeln!(w, "{pad} {bar}")?;
    }
    for (label, style, text) in notes {
        // Continuation lines of a multi-line note line up under its first character.
        let indent = format!("\n{pad}   {}", " ".repeat(label.len() + 2));
        let text = text.replace('\n', &indent);
        writeln!(w, "{pad} {} {}: {text}", paint.on(GUTTER, "="), paint.on(style, label))?;
    }
    Ok(())
}

/// `Found 3 errors, 2 warnings, 1 info in 4 files (2 fixable with --fix).`, or
/// `All checks passed: 4 files.`, preceded by `Fixed N findings.` after a fix run (`Would fix
/// N findings …` for `--diff`, which writes nothing).
fn write_summary(w: &mut String, report: &Report, preview: bool) -> fmt::Result {
    if report.fixed > 0 && preview {
        writeln!(
            w,
            "Would fix {} (--diff: nothing written).",
            plural(report.fixed, "finding", "findings")
        )?;
    } else if report.fixed > 0 {
        writeln!(w, "Fixed {}.", plural(report.fixed, "finding", "findings"))?;
    }
    let s = report.summary();
    let files = plural(s.files, "file", "files");
    if report.findings.is_empty() {
        return writeln!(w, "All checks passed: {files}.");
    }
    let counts: Vec<String> = [
        (s.errors, "error", "errors"),
        (s.warnings, "warning", "warnings"),
        (s.infos, "info", "infos"),
    ]
    .into_iter()
    .filter(|&(n, ..)| n > 0)
    .map(|(n, one, many)| plural(n, one, many))
    .collect();
    write!(w, "Found {} in {files}", counts.join(", "))?;

    // Say which flag applies each fix: `--fix` alone writes only the safe ones.
    let applicable = |a: Applicability| {
        report
            .findings
            .iter()
            .filter_map(|l| l.finding.fix.as_ref())
            .filter(|f| f.applicability == a && !f.edits.is_empty())
            .count()
    };
    let (safe, unsafe_) = (applicable(Applicability::Safe), applicable(Applicability::Unsafe));
    match (safe, unsafe_) {
        (0, 0) => {}
        (s, 0) => write!(w, " ({s} fixable with --fix)")?,
        (0, u) => write!(w, " ({u} fixable with --fix --unsafe-fixes)")?,
        (s, u) => write!(w, " ({s} fixable with --fix, {u} more with --fix --unsafe-fixes)")?,
    }
    writeln!(w, ".")
}

/// After `--baseline`: what it hid, and what of it is gone (time to rewrite it).
fn write_baseline(w: &mut String, report: &Report) -> fmt::Result {
    let Some(b) = report.baseline else { return Ok(()) };
    write!(w, "Baseline: {} hidden", plural(b.suppressed, "finding", "findings"))?;
    if b.stale > 0 {
        let gone = plural(b.stale, "entry no longer occurs", "entries no longer occur");
        write!(w, ", {gone} (update it with --write-baseline)")?;
    }
    writeln!(w, ".")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// An SGR parameter string (`1;31` = bold red).
type Style = &'static str;
const BOLD: Style = "1";
const GUTTER: Style = "1;34";
const FIX: Style = "1;32";

fn severity_style(s: Severity) -> Style {
    match s {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Info => "1;36",
    }
}

/// Applies ANSI styles only when colour was asked for.
#[derive(Clone, Copy)]
struct Paint {
    color: bool,
}

impl Paint {
    fn on<'a>(self, style: Style, text: &'a str) -> Cow<'a, str> {
        match self.color {
            true => Cow::Owned(format!("\x1b[{style}m{text}\x1b[0m")),
            false => Cow::Borrowed(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{empty_report, located, sample_report};
    use super::super::{render, Format, RenderOptions};
    use crate::finding::{Finding, Severity, Span};
    use crate::report::{FileSummary, Report};

    fn human(report: &Report, opts: RenderOptions) -> String {
        let mut out = Vec::new();
        render(report, Format::Human, &opts, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn sample_report_as_human() {
        insta::assert_snapshot!(human(&sample_report(), RenderOptions::default()));
    }

    #[test]
    fn fixes_can_be_hidden() {
        let text = human(
            &sample_report(),
            RenderOptions {
                color: false,
                show_fixes: false,
                preview: false,
            },
        );
        assert!(!text.contains("= fix"));
        assert!(text.contains("= help"));
    }

    #[test]
    fn clean_run() {
        assert_eq!(
            human(&empty_report(), RenderOptions::default()),
            "All checks passed: 3 files.\n"
        );
        let one = Report {
            files: empty_report().files[..1].to_vec(),
            ..Report::default()
        };
        assert_eq!(human(&one, RenderOptions::default()), "All checks passed: 1 file.\n");
    }

    #[test]
    fn summary_after_a_fix_run() {
        let mut report = sample_report();
        report.fixed = 1;
        let text = human(&report, RenderOptions::default());
        let tail: Vec<&str> = text.lines().rev().take(2).collect();
        assert_eq!(
            tail,
            [
                "Found 2 errors, 4 warnings, 1 info in 3 files (3 fixable with --fix, 1 more with --fix --unsafe-fixes).",
                "Fixed 1 finding."
            ]
        );
    }

    #[test]
    fn colour_only_when_asked() {
        let plain = human(&sample_report(), RenderOptions::default());
        assert!(!plain.contains('\x1b'));
        let coloured = human(
            &sample_report(),
            RenderOptions {
                color: true,
                show_fixes: true,
                preview: false,
            },
        );
        assert!(coloured.contains("\x1b[1;31merror[id-isrc]\x1b[0m"));
        assert!(coloured.contains("\x1b[1;33mwarning["));
    }

    /// A line handed over with its CR still attached must not move the terminal's cursor.
    #[test]
    fn carriage_return_is_not_written() {
        let mut report = sample_report();
        for l in &mut report.findings {
            if let Some(line) = &mut l.source_line {
                line.push('\r');
            }
        }
        let text = human(&report, RenderOptions::default());
        assert!(!text.contains('\r'));
        assert_eq!(text, human(&sample_report(), RenderOptions::default()));
    }

    /// A minified feed is one enormous line: only a window around the span is shown.
    #[test]
    fn long_line_is_windowed() {
        let filler = "<Deal><DealTerms><CommercialModelType>SubscriptionModel</CommercialModelType></DealTerms></Deal>";
        let line = format!("{}<ISRC>gb abc 24 00012</ISRC>{}", filler.repeat(40), filler.repeat(40));
        let anchor = (filler.len() * 40) as u32;
        let span = Span::new(anchor + 6, anchor + 23);
        let finding = Finding::new(
            "id-isrc",
            Severity::Error,
            anchor,
            span,
            "ISRC 'gb abc 24 00012' is not 12 bare characters",
        );
        let column = filler.chars().count() as u32 * 40 + 1;
        let l = located(
            finding,
            "identifier",
            "min.xml",
            (1, column),
            (1, column + 23),
            None,
            Some(&line),
        );
        let report = Report {
            files: vec![FileSummary {
                path: "min.xml".into(),
                ern_version: Some("4.3".into()),
                releases: 1,
                findings: 1,
            }],
            findings: vec![l],
            fixed: 0,
            baseline: None,
        };
        let text = human(&report, RenderOptions::default());
        insta::assert_snapshot!(text);
        assert!(text.lines().all(|l| l.chars().count() <= super::WIDTH), "{text}");
    }
}
