//! `ddexlint check`: lint (and with `--fix`/`--diff`, fix) files in parallel, then sort and
//! render.

use std::io::{IsTerminal, Write};

use std::collections::HashMap;
use std::sync::Mutex;

use rayon::prelude::*;

use ddexlint::catalogue::CatalogueIndex;
use ddexlint::fix::AppliedFix;
use ddexlint::render::{render, render_applied, Format, RenderOptions};
use ddexlint::report::Located;
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
    // Each file's catalogue facts are merged into the index as soon as the file is done, so
    // that only the index (distinct names and identifiers) outlives the per-file pass.
    // With `--catalogue`, the index of what was delivered before; this run's files come after.
    let base = match &args.catalogue {
        Some(path) => {
            let checked: Vec<String> = inputs.iter().map(|i| i.display.clone()).collect();
            super::index::load(path, &checked)?
        }
        None => CatalogueIndex::default(),
    };
    let first_file = base.next_file_number();
    let index = Mutex::new(base);
    let mut results: Vec<Result<FileResult, String>> = pool.install(|| {
        inputs
            .par_iter()
            .enumerate()
            .map(|(i, input)| {
                let mut r = process(input, settings, mode);
                if let Ok(file) = r.as_mut() {
                    if let Some(facts) = file.outcome.catalogue.take() {
                        let path = file.outcome.summary.path.clone();
                        index
                            .lock()
                            .expect("index lock")
                            .merge(first_file + i as u32, &path, facts);
                    }
                }
                progress.file_done(r.as_ref().map_or(0, |f| f.outcome.findings.len()));
                r
            })
            .collect()
    });
    progress.finish();
    if settings.catalogue {
        let index = index.into_inner().expect("index lock");
        add_catalogue_findings(&mut results, ddexlint::catalogue::check(&index, settings));
    }

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

/// Hand each catalogue finding to the file it is in, before baselines see the findings (so a
/// baseline records and hides them like any other).
fn add_catalogue_findings(results: &mut [Result<FileResult, String>], found: Vec<Located>) {
    let by_path: HashMap<String, usize> = results
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.as_ref().ok().map(|f| (f.outcome.summary.path.clone(), i)))
        .collect();
    for l in found {
        let Some(&i) = by_path.get(&l.path) else { continue };
        if let Ok(file) = results[i].as_mut() {
            // The value a baseline matches on: the message carries run-wide counts, so none.
            file.outcome.values.push(String::new());
            file.outcome.findings.push(l);
            file.outcome.summary.findings += 1;
        }
    }
}
