//! `ddexlint check`: lint (and with `--fix`/`--diff`, fix) files in parallel, add the
//! catalogue findings, apply the baseline, then sort and render.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::sync::Mutex;

use rayon::prelude::*;

use ddexlint::catalogue::CatalogueIndex;
use ddexlint::fix::AppliedFix;
use ddexlint::lint::Settings;
use ddexlint::render::{render, render_applied, Format, RenderOptions};
use ddexlint::report::{Located, Report};

use super::args::{CheckArgs, FormatArg};
use super::fixing::{process, FileResult, Mode};
use super::walk::{collect, Input};
use super::{CliError, EXIT_ERROR, EXIT_FINDINGS};

type FileResults = Vec<Result<FileResult, String>>;

pub fn run(args: &CheckArgs) -> Result<u8, CliError> {
    let mut resolved = super::settings::resolve(args)?;
    if args.show_settings {
        let mut out = std::io::stdout().lock();
        out.write_all(super::settings::show(&resolved).as_bytes())?;
        return Ok(0);
    }
    let inputs = collect(&args.paths)?;
    // The identifiers are compared across files: one file alone has none to compare with.
    let comparable = inputs.len() > 1 || args.catalogue.is_some();
    resolved.settings.catalogue_names_only =
        !(comparable && ddexlint::catalogue::identifiers_wanted(&resolved.settings));
    let settings = &resolved.settings;
    let mut baseline = super::baseline::load(args)?;
    // `--jobs` threads for the files and for sorting and rendering what they found.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .map_err(|e| CliError::Message(e.to_string()))?;
    let results = lint_all(args, settings, &inputs, &pool)?;

    let outcomes: Vec<&ddexlint::lint::FileOutcome> = results
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|f| &f.outcome)
        .collect();
    if let Some(written) = super::baseline::write(args, &outcomes)? {
        baseline = Some(written);
    }
    let mut run = Collected::default();
    let mut files = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(mut file) => {
                if let Some(b) = baseline.as_mut() {
                    b.filter(&mut file.outcome);
                }
                files.push(file);
            }
            Err(e) => run.errors.push(e),
        }
    }
    // Each file's findings in report order on all cores, the files in path order: the
    // run-wide sort below then finds its input sorted instead of comparing paths n log n times.
    pool.install(|| files.par_iter_mut().for_each(|f| f.outcome.sort_findings()));
    files.sort_by(|a, b| a.outcome.summary.path.cmp(&b.outcome.summary.path));
    // Sized once: grown file by file, a catalogue run's findings were copied at each doubling,
    // the old copy and the new both in memory.
    run.report
        .findings
        .reserve(files.iter().map(|f| f.outcome.findings.len()).sum());
    for file in files {
        run.add(file);
    }
    run.report.baseline = baseline.map(|b| b.stats());
    run.report.sort();
    run.applied
        .sort_by(|a, b| (&a.0, a.1.line, a.1.column).cmp(&(&b.0, b.1.line, b.1.column)));

    pool.install(|| write_output(args, &run))?;
    for e in &run.errors {
        eprintln!("ddexlint: error: {e}");
    }
    let failed = match (resolved.fail_on.threshold(), run.report.max_severity()) {
        (Some(t), Some(max)) => max >= t,
        _ => false,
    };
    let errors = !run.errors.is_empty();
    free_in_background(run);
    Ok(if errors {
        EXIT_ERROR
    } else if failed {
        EXIT_FINDINGS
    } else {
        0
    })
}

/// Drop `value` on a thread of its own: freeing a run's hundreds of thousands of findings
/// or catalogue entries one by one would only delay the next step, or the exit, for nothing.
/// (Should no thread be available, the value is dropped here.)
fn free_in_background<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new().spawn(move || drop(value));
}

/// Lint (or fix) every input in parallel, merging each file's catalogue facts into the index
/// as soon as the file is done (so only the index, distinct names and identifiers, outlives
/// the per-file pass), then run the catalogue rules and hand their findings to their files.
fn lint_all(
    args: &CheckArgs,
    settings: &Settings,
    inputs: &[Input],
    pool: &rayon::ThreadPool,
) -> Result<FileResults, CliError> {
    let mode = Mode {
        fix: args.fix || args.diff,
        unsafe_fixes: args.unsafe_fixes,
        write: args.fix && !args.diff,
    };
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
    // Progress: stderr only, and only on a terminal.
    let progress = super::progress::Progress::new(inputs.len(), !args.no_progress, std::io::stderr().is_terminal());
    let mut results: FileResults = pool.install(|| {
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
        free_in_background(index);
    }
    Ok(results)
}

/// What a run produced, gathered from its files.
#[derive(Default)]
struct Collected {
    report: Report,
    errors: Vec<String>,
    applied: Vec<(String, AppliedFix)>,
    diffs: Vec<String>,
    /// stdin with `--fix`: the document to write to stdout.
    stdin_document: Option<Vec<u8>>,
}

impl Collected {
    fn add(&mut self, file: FileResult) {
        self.report.fixed += file.applied.len();
        let path = &file.outcome.summary.path;
        self.applied.extend(file.applied.into_iter().map(|a| (path.clone(), a)));
        self.report.files.push(file.outcome.summary);
        self.report.findings.extend(file.outcome.findings);
        self.errors.extend(file.error);
        self.diffs.extend(file.diff);
        self.stdin_document = self.stdin_document.take().or(file.stdin_document);
    }
}

/// Render the report and write it, with the fixed stdin document and the diffs, where they go.
fn write_output(args: &CheckArgs, run: &Collected) -> Result<(), CliError> {
    let format = format_of(args.format);
    // With stdin and --fix, stdout carries the fixed document: the report goes to stderr.
    let report_to_stderr = args.output.is_none() && run.stdin_document.is_some();
    let to_terminal = args.output.is_none() && !report_to_stderr && std::io::stdout().is_terminal();
    let opts = RenderOptions {
        color: super::color::enabled(args.color, to_terminal, std::env::var_os("NO_COLOR").as_deref()),
        show_fixes: args.show_fixes,
        preview: args.diff,
    };
    // The report is written as it is rendered (a catalogue run's is hundreds of megabytes),
    // after the fixed stdin document and the diffs.
    let report = |out: &mut dyn Write| -> std::io::Result<()> {
        let mut out = std::io::BufWriter::with_capacity(1 << 20, out);
        if args.show_fixes && format == Format::Human {
            render_applied(&run.applied, &mut out)?;
        }
        render(&run.report, format, &opts, &mut out)?;
        out.flush()
    };
    let mut out = std::io::stdout().lock();
    if let Some(doc) = &run.stdin_document {
        out.write_all(doc)?;
    }
    for d in &run.diffs {
        out.write_all(d.as_bytes())?;
    }
    match &args.output {
        Some(path) => std::fs::File::create(path)
            .and_then(|mut file| report(&mut file))
            .map_err(|e| format!("{}: {}", path.display(), e))?,
        None if report_to_stderr => report(&mut std::io::stderr().lock())?,
        None => report(&mut out)?,
    }
    out.flush()?;
    Ok(())
}

fn format_of(arg: FormatArg) -> Format {
    match arg {
        FormatArg::Human => Format::Human,
        FormatArg::Json => Format::Json,
        FormatArg::Concise => Format::Concise,
        FormatArg::JsonLines => Format::JsonLines,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Junit => Format::Junit,
        FormatArg::Github => Format::Github,
        FormatArg::Gitlab => Format::Gitlab,
    }
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
