//! `--baseline FILE` and `--write-baseline FILE`.

use ddexlint::baseline::{Baseline, Matcher};
use ddexlint::lint::FileOutcome;

use super::args::CheckArgs;
use super::CliError;

/// The baseline of `--baseline`, read before any linting so a bad file fails fast.
pub fn load(args: &CheckArgs) -> Result<Option<Matcher>, CliError> {
    let Some(path) = &args.baseline else {
        return Ok(None);
    };
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let baseline = Baseline::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Some(Matcher::new(&baseline)))
}

/// With `--write-baseline`, record `outcomes` and return that baseline to apply, so the run
/// that writes it reports nothing new and exits 0.
pub fn write(args: &CheckArgs, outcomes: &[&FileOutcome]) -> Result<Option<Matcher>, CliError> {
    let Some(path) = &args.write_baseline else {
        return Ok(None);
    };
    let baseline = Baseline::record(outcomes.iter().copied());
    std::fs::write(path, baseline.to_json()).map_err(|e| format!("{}: {e}", path.display()))?;
    let n: usize = baseline.files.values().flatten().map(|e| e.count).sum();
    eprintln!(
        "ddexlint: wrote {} ({n} findings in {} files)",
        path.display(),
        baseline.files.len()
    );
    Ok(Some(Matcher::new(&baseline)))
}
