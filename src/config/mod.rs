//! `ddexlint.toml`: the settings a label group or distributor keeps next to its feeds.
//!
//! Parsing is pure (text in, [`ConfigFile`] or a message out) so every error path is unit
//! tested; finding the file and merging it with command-line flags is the CLI's job. Every
//! name a user types is checked here, with the closest valid name on a typo: a misspelt key
//! or rule id that was silently ignored would leave a rule running (or not) without anyone
//! noticing.

mod per_path;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::finding::Severity;
use crate::rules::registry::{self, RULES};
use crate::rules::Category;

pub use per_path::PerPathIgnores;

/// The file name looked for upward from the current folder.
pub const FILE_NAME: &str = "ddexlint.toml";

/// Top-level keys, for "did you mean" on unknown ones.
const KEYS: &[&str] = &[
    "select",
    "ignore",
    "fail-on",
    "labels",
    "distributors",
    "severity",
    "per-path-ignores",
];

/// The file as written (before resolution against the command line).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    pub select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    pub fail_on: Option<FailOn>,
    /// Label registry, relative to the config file's folder.
    pub labels: Option<PathBuf>,
    #[serde(default)]
    pub distributors: Vec<String>,
    /// Rule id (or category) → severity.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// Glob (relative to the config file's folder) → rule ids or categories left out there.
    #[serde(default)]
    pub per_path_ignores: BTreeMap<String, Vec<String>>,
}

/// `fail-on`: the lowest severity that makes the run exit 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Error => "error",
            FailOn::Warning => "warning",
            FailOn::Info => "info",
            FailOn::Never => "never",
        }
    }
}

impl ConfigFile {
    /// Parse and check a config file's text. Errors name the problem and, for syntax and type
    /// errors, the line and column (toml's own message).
    pub fn parse(text: &str) -> Result<ConfigFile, String> {
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| e.to_string())?;
        check_keys(&table)?;
        let file: ConfigFile = toml::from_str(text).map_err(|e| e.to_string())?;
        file.check_names()?;
        Ok(file)
    }

    /// Every rule id or category named anywhere in the file exists.
    fn check_names(&self) -> Result<(), String> {
        let lists = [("select", &self.select), ("ignore", &self.ignore)];
        for (key, list) in lists {
            for name in list.iter().flatten() {
                check_rule_name(name).map_err(|e| format!("{key}: {e}"))?;
            }
        }
        for name in self.severity.keys() {
            check_rule_name(name).map_err(|e| format!("[severity]: {e}"))?;
        }
        for (glob, names) in &self.per_path_ignores {
            for name in names {
                check_rule_name(name).map_err(|e| format!("[per-path-ignores] \"{glob}\": {e}"))?;
            }
        }
        Ok(())
    }
}

/// Unknown top-level keys, with the closest known one.
fn check_keys(table: &toml::Table) -> Result<(), String> {
    for key in table.keys() {
        if !KEYS.contains(&key.as_str()) {
            return Err(match crate::suggest::closest(key, KEYS.iter().copied()) {
                Some(best) => format!("unknown key '{key}' (did you mean '{best}'?)"),
                None => format!("unknown key '{key}' (expected one of: {})", KEYS.join(", ")),
            });
        }
    }
    Ok(())
}

/// A rule id or category, or the error `Selection::new` gives for it.
pub fn check_rule_name(name: &str) -> Result<(), String> {
    crate::lint::Selection::new(&[name.to_string()], &[]).map(|_| ())
}

/// The rule ids a rule id or category stands for (names are checked beforehand).
pub fn rule_ids(name: &str) -> Vec<&'static str> {
    let name = name.trim();
    if let Some(r) = registry::rule(name) {
        return vec![r.id];
    }
    match Category::parse(name) {
        Some(c) => registry::in_category(c).map(|r| r.id).collect(),
        None => Vec::new(),
    }
}

/// Severity overrides by rule id, categories expanded (a rule id wins over its category).
pub fn severities(file: &ConfigFile) -> Vec<(&'static str, Severity)> {
    let mut by_id: BTreeMap<&'static str, Severity> = BTreeMap::new();
    for pass_rules in [false, true] {
        for (name, &sev) in &file.severity {
            if (registry::rule(name).is_some()) == pass_rules {
                for id in rule_ids(name) {
                    by_id.insert(id, sev);
                }
            }
        }
    }
    let order = |id: &str| RULES.iter().position(|r| r.id == id);
    let mut v: Vec<_> = by_id.into_iter().collect();
    v.sort_by_key(|(id, _)| order(id));
    v
}

/// `ddexlint.toml` in `start` or the nearest folder above it.
pub fn find_upward(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

#[cfg(test)]
mod tests;
