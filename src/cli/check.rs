//! `ddexlint check`: lint (and with `--fix`/`--diff`, fix) files in parallel, then sort and
//! render.

use std::io::{IsTerminal, Write};

use rayon::prelude::*;

use ddexlint::fix::AppliedFix;
use ddexlint::render::{render, render_applied, Format, RenderOptions};
use ddexlint::report::Report;

use super::args::{CheckArgs, FormatArg};
use super::fixing::{process, FileResult, Mode};
use super::walk::collect;
use super::{CliError, EXIT_ERROR, EXIT_FINDINGS};

pub fn run(args: &CheckArgs) -> Result<u8, CliError> {
    let resolved = super::settings::resolve(args)?;
    if args.show_settings {
        let mut out = std::io::stdout().lock();
        out.write_all(super::settings::show(&resolved).as_bytes())?;
        return Ok(0);
    }
    let settings = &resolved.settings;
    let mut baseline = super::baseline::load(args)?;
    let inputs = collect(&args.paths)?;
    let mode = Mode {
        fix: args.fix || args.diff,
        unsafe_fixes: args.unsafe_fixes,
        write: args.fix && !args.diff,
    };

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .map_err(|e| CliError::Message(e.to_string()))?;
    // Progress (issue 5): stderr only, and only on a terminal.
    let progress = super::progress::Progress::new(inputs.len(), !args.no_progress, std::io::stderr().is_terminal());
    let results: Vec<Result<FileResult, String>> = pool.install(|| {
        inputs
            .par_iter()
            .map(|input| {
                let result = process(input, settings, mode);
                progress.file_done(result.as_ref().map_or(0, |f| f.outcome.findings.len()));
                result
            })
            .collect()
    });
    progress.finish();

    let mut report = Report::default();
    let mut errors = Vec::new();
    let mut applied: Vec<(String, AppliedFix)> = Vec::new();
    let mut diffs = Vec::new();
    let mut stdin_document = None;
    let outcomes: Vec<&ddexlint::lint::FileOutcome> = results
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|f| &f.outcome)
        .collect();
    if let Some(written) = super::baseline::write(args, &outcomes)? {
        baseline = Some(written);
    }
    drop(outcomes);
    for r in results {
        match r {
            Ok(mut file) => {
                if let Some(b) = baseline.as_mut() {
                    b.filter(&mut file.outcome);
                }
                report.fixed += file.applied.len();
                let path = &file.outcome.summary.path;
                applied.extend(file.applied.into_iter().map(|a| (path.clone(), a)));
                report.files.push(file.outcome.summary);
                report.findings.extend(file.outcome.findings);
                errors.extend(file.error);
                diffs.extend(file.diff);
                stdin_document = stdin_document.or(file.stdin_document);
            }
            Err(e) => errors.push(e),
        }
    }
    report.baseline = baseline.map(|b| b.stats());
    report.sort();
    applied.sort_by(|a, b| (&a.0, a.1.line, a.1.column).cmp(&(&b.0, b.1.line, b.1.column)));

    let format = match args.format {
        FormatArg::Human => Format::Human,
        FormatArg::Json => Format::Json,
        FormatArg::Concise => Format::Concise,
        FormatArg::JsonLines => Format::JsonLines,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Junit => Format::Junit,
        FormatArg::Github => Format::Github,
        FormatArg::Gitlab => Format::Gitlab,
    };
    // With stdin and --fix, stdout carries the fixed document: the report goes to stderr.
    let report_to_stderr = args.output.is_none() && stdin_document.is_some();
    let to_terminal = args.output.is_none() && !report_to_stderr && std::io::stdout().is_terminal();
    let color = super::color::enabled(args.color, to_terminal, std::env::var_os("NO_COLOR").as_deref());
    let opts = RenderOptions {
        color,
        show_fixes: args.show_fixes,
        preview: args.diff,
    };
    let mut buf = Vec::new();
    if args.show_fixes && format == Format::Human {
        render_applied(&applied, &mut buf)?;
    }
    render(&report, format, &opts, &mut buf)?;

    {
        let mut out = std::io::stdout().lock();
        if let Some(doc) = &stdin_document {
            out.write_all(doc)?;
        }
        for d in &diffs {
            out.write_all(d.as_bytes())?;
        }
        match &args.output {
            Some(_) => {}
            None if report_to_stderr => std::io::stderr().write_all(&buf)?,
            None => out.write_all(&buf)?,
        }
        out.flush()?;
    }
    if let Some(path) = &args.output {
        std::fs::write(path, &buf).map_err(|e| format!("{}: {}", path.display(), e))?;
    }
    for e in &errors {
        eprintln!("ddexlint: error: {e}");
    }
    if !errors.is_empty() {
        return Ok(EXIT_ERROR);
    }
    let threshold = resolved.fail_on.threshold();
    let failed = match (threshold, report.max_severity()) {
        (Some(t), Some(max)) => max >= t,
        _ => false,
    };
    Ok(if failed { EXIT_FINDINGS } else { 0 })
}
