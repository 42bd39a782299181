//! `ddexlint check`: lint files in parallel, then sort and render.

use std::io::{IsTerminal, Read, Write};

use rayon::prelude::*;

use ddexlint::lint::{lint_bytes, FileOutcome, Settings};
use ddexlint::render::{render, Format, RenderOptions};
use ddexlint::report::Report;

use super::args::{CheckArgs, FormatArg};
use super::walk::{collect, Input};
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

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .map_err(|e| CliError::Message(e.to_string()))?;
    let results: Vec<Result<FileOutcome, String>> =
        pool.install(|| inputs.par_iter().map(|input| lint_input(input, settings)).collect());

    let mut report = Report::default();
    let mut io_errors = Vec::new();
    if let Some(written) = super::baseline::write(args, &results)? {
        baseline = Some(written);
    }
    for r in results {
        match r {
            Ok(mut outcome) => {
                if let Some(b) = baseline.as_mut() {
                    b.filter(&mut outcome);
                }
                report.files.push(outcome.summary);
                report.findings.extend(outcome.findings);
            }
            Err(e) => io_errors.push(e),
        }
    }
    report.baseline = baseline.map(|b| b.stats());
    report.sort();

    let format = match args.format {
        FormatArg::Human => Format::Human,
        FormatArg::Json => Format::Json,
    };
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let color = to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let opts = RenderOptions {
        color,
        show_fixes: false,
    };
    match &args.output {
        Some(path) => {
            let mut buf = Vec::new();
            render(&report, format, &opts, &mut buf)?;
            std::fs::write(path, buf).map_err(|e| format!("{}: {}", path.display(), e))?;
        }
        None => {
            let mut out = std::io::stdout().lock();
            render(&report, format, &opts, &mut out)?;
            out.flush()?;
        }
    }
    for e in &io_errors {
        eprintln!("ddexlint: error: {e}");
    }
    if !io_errors.is_empty() {
        return Ok(EXIT_ERROR);
    }
    let threshold = resolved.fail_on.threshold();
    let failed = match (threshold, report.max_severity()) {
        (Some(t), Some(max)) => max >= t,
        _ => false,
    };
    Ok(if failed { EXIT_FINDINGS } else { 0 })
}

fn lint_input(input: &Input, settings: &Settings) -> Result<FileOutcome, String> {
    let bytes = match &input.path {
        Some(p) => std::fs::read(p).map_err(|e| format!("{}: {}", input.display, e))?,
        None => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| format!("stdin: {e}"))?;
            buf
        }
    };
    Ok(lint_bytes(&input.display, bytes, settings))
}
