//! The settings of a `check` run: `ddexlint.toml` (found upward, or `--config`) with the
//! command line on top, and `--show-settings`.
//!
//! Precedence, as in ruff: a flag beats the file. `--select` replaces the file's selection
//! (its `ignore` too, since it was written against the file's `select`); `--ignore` adds to
//! the file's `ignore`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ddexlint::config::{self, ConfigFile, FailOn, PerPathIgnores};
use ddexlint::labels::LabelRegistry;
use ddexlint::lint::{Selection, Settings};
use ddexlint::rules::registry;
use ddexlint::rules::RuleOptions;

use super::args::{self, CheckArgs, FormatArg};
use super::CliError;

/// Everything `check` needs beyond the paths.
#[derive(Debug)]
pub struct Resolved {
    pub settings: Settings,
    pub fail_on: FailOn,
    /// The label registry's path (the parsed registry is in the rule options).
    pub labels: Option<PathBuf>,
    /// The config file used, if any.
    pub config: Option<PathBuf>,
}

pub fn resolve(args: &CheckArgs) -> Result<Resolved, CliError> {
    let config_path = match &args.config {
        Some(p) if !p.is_file() => return Err(format!("{}: config file not found", p.display()).into()),
        Some(p) => Some(p.clone()),
        None => std::env::current_dir().ok().and_then(|d| config::find_upward(&d)),
    };
    let file = match &config_path {
        Some(p) => {
            let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
            ConfigFile::parse(&text).map_err(|e| format!("{}: {e}", p.display()))?
        }
        None => ConfigFile::default(),
    };
    let base = config_path
        .as_deref()
        .map(|p| p.parent().unwrap_or(Path::new(".")).to_path_buf());
    let in_file = |e: String| -> CliError {
        match &config_path {
            Some(p) => format!("{}: {e}", p.display()).into(),
            None => e.into(),
        }
    };

    let selection = if args.select.is_empty() {
        let mut ignore = file.ignore.clone().unwrap_or_default();
        ignore.extend(args.ignore.iter().cloned());
        Selection::new(file.select.as_deref().unwrap_or_default(), &ignore)?
    } else {
        Selection::new(&args.select, &args.ignore)?
    };
    let per_path = file
        .per_path_ignores
        .iter()
        .map(|(glob, names)| (glob.clone(), names.iter().flat_map(|n| config::rule_ids(n)).collect()))
        .collect();
    let per_path = PerPathIgnores::new(per_path, base.clone()).map_err(in_file)?;

    let labels = match (&args.labels, &file.labels) {
        (Some(p), _) => Some(p.clone()),
        (None, Some(p)) => Some(base.as_deref().unwrap_or(Path::new(".")).join(p)),
        (None, None) => None,
    };
    let registry = match &labels {
        Some(p) if !p.is_file() => return Err(format!("{}: label registry not found", p.display()).into()),
        // A registry with errors is never used: every error is reported, with its line.
        Some(p) => Some(std::sync::Arc::new(LabelRegistry::load(p)?)),
        None => None,
    };
    let fail_on = match args.fail_on {
        Some(f) => match f {
            args::FailOn::Error => FailOn::Error,
            args::FailOn::Warning => FailOn::Warning,
            args::FailOn::Info => FailOn::Info,
            args::FailOn::Never => FailOn::Never,
        },
        None => file.fail_on.unwrap_or(FailOn::Error),
    };
    let mut settings = Settings {
        selection,
        severities: config::severities(&file).into_iter().collect(),
        options: RuleOptions {
            extra_distributors: file.distributors.clone(),
            labels: registry,
            ..RuleOptions::default()
        },
        per_path,
        catalogue: false,
        catalogue_names_only: false,
        without_source_lines: !matches!(args.format, FormatArg::Human | FormatArg::Sarif | FormatArg::Gitlab),
        streaming: Default::default(),
    };
    settings.catalogue = ddexlint::catalogue::wanted(&settings);
    Ok(Resolved {
        settings,
        fail_on,
        labels,
        config: config_path,
    })
}

/// `--show-settings`: plain text, one setting per line, rules in registry order.
pub fn show(r: &Resolved) -> String {
    let mut s = String::new();
    let path = |p: &Option<PathBuf>| p.as_ref().map_or("(none)".to_string(), |p| p.display().to_string());
    let _ = writeln!(s, "config: {}", path(&r.config));
    let _ = writeln!(s, "fail-on: {}", r.fail_on.as_str());
    let _ = writeln!(s, "labels: {}", path(&r.labels));
    let _ = writeln!(s, "distributors: {:?}", r.settings.options.extra_distributors);
    let enabled = r.settings.selection.enabled_ids();
    let _ = writeln!(s, "rules ({} of {} enabled):", enabled.len(), registry::RULES.len());
    for id in enabled {
        let default = registry::rule(id).map(|r| r.severity);
        let severity = r.settings.severities.get(id).copied().or(default);
        let marker = if r.settings.severities.contains_key(id) {
            " (config)"
        } else {
            ""
        };
        let _ = writeln!(s, "  {id} = {}{marker}", severity.map_or("?", |s| s.as_str()));
    }
    let _ = writeln!(s, "per-path-ignores:");
    for (glob, ids) in r.settings.per_path.entries() {
        let _ = writeln!(s, "  {glob:?} = {ids:?}");
    }
    s
}
