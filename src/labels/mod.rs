//! The label registry (`--labels FILE`, `labels =` in the config): the one spelling of every
//! label and imprint that a label group or distributor keeps under version control, with the
//! aliases it replaces, the label's DPID / ISNI and its parent label (interface.md "Label
//! registry").
//!
//! [`LabelRegistry::parse`] checks the whole file and returns *every* problem with its line,
//! so a broken registry is fixed in one pass; a registry with errors is never used (exit 2):
//! half a registry would turn good names into "unregistered" ones.

mod parse;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use crate::rules::label::names::{display_form, label_key};

/// One `[[label]]` entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelEntry {
    /// The canonical display name.
    pub name: String,
    pub aliases: Vec<String>,
    /// Normalized (compact, upper case) DPID, when given.
    pub dpid: Option<String>,
    /// Normalized (16 characters) ISNI, when given.
    pub isni: Option<String>,
    pub parent: Option<String>,
    /// 1-based line of the entry's `name`, for messages.
    pub line: usize,
}

/// A registry problem, with the 1-based line it is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegistryError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for RegistryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// How a name relates to the registry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lookup<'r> {
    /// Exactly a canonical name.
    Canonical(&'r LabelEntry),
    /// Exactly an alias of this entry.
    Alias(&'r LabelEntry),
    /// Not written in the registry.
    Unknown,
}

/// A validated label registry.
#[derive(Clone, Debug, Default)]
pub struct LabelRegistry {
    pub labels: Vec<LabelEntry>,
    /// Display form (NFC, invisible characters dropped, spaces collapsed) -> (entry, is alias).
    exact: HashMap<String, (usize, bool)>,
    /// Label key -> entries whose name or an alias has it (for "closest registered names").
    by_key: HashMap<String, Vec<usize>>,
    /// Loose label key of each canonical name → entry (the catalogue pass groups by it).
    by_loose: HashMap<String, usize>,
}

impl LabelRegistry {
    /// Parse and validate a registry file's text; `Err` holds every problem, in line order.
    pub fn parse(text: &str) -> Result<LabelRegistry, Vec<RegistryError>> {
        let labels = parse::parse(text)?;
        Ok(Self::from_entries(labels))
    }

    /// Read a registry file; errors are formatted `path:line: message`, one a line.
    pub fn load(path: &std::path::Path) -> Result<LabelRegistry, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Self::parse(&text).map_err(|errors| {
            let lines: Vec<String> = errors
                .iter()
                .map(|e| format!("{}:{}: {}", path.display(), e.line, e.message))
                .collect();
            format!("invalid label registry\n{}", lines.join("\n"))
        })
    }

    fn from_entries(labels: Vec<LabelEntry>) -> LabelRegistry {
        let mut exact = HashMap::new();
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, l) in labels.iter().enumerate() {
            exact.insert(display_form(&l.name), (i, false));
            for a in &l.aliases {
                exact.entry(display_form(a)).or_insert((i, true));
            }
            for n in std::iter::once(&l.name).chain(&l.aliases) {
                let v = by_key.entry(label_key(n)).or_default();
                if !v.contains(&i) {
                    v.push(i);
                }
            }
        }
        let by_loose = labels
            .iter()
            .enumerate()
            .map(|(i, l)| (crate::rules::label::names::label_loose_key(&l.name), i))
            .collect();
        LabelRegistry {
            labels,
            exact,
            by_key,
            by_loose,
        }
    }

    /// Where `name` (as written in a feed) stands in the registry.
    pub fn lookup(&self, name: &str) -> Lookup<'_> {
        match self.exact.get(&display_form(name)) {
            Some(&(i, false)) => Lookup::Canonical(&self.labels[i]),
            Some(&(i, true)) => Lookup::Alias(&self.labels[i]),
            None => Lookup::Unknown,
        }
    }

    /// The canonical names closest to an unregistered `name`, best first (at most 3): first
    /// those with the same label key ("NINJA TUNE" for "Ninja Tune"), then by Jaro–Winkler
    /// similarity of the display forms (≥ 0.85, the threshold of a likely misspelling).
    pub fn closest(&self, name: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        if let Some(ix) = self.by_key.get(&label_key(name)) {
            out.extend(ix.iter().map(|&i| self.labels[i].name.as_str()));
        }
        let lower = display_form(name).to_lowercase();
        let mut scored: Vec<(f64, &str)> = self
            .labels
            .iter()
            .map(|l| (strsim::jaro_winkler(&lower, &l.name.to_lowercase()), l.name.as_str()))
            .filter(|(s, _)| *s >= 0.85)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (_, n) in scored {
            if !out.contains(&n) {
                out.push(n);
            }
        }
        out.truncate(3);
        out
    }

    /// The registered canonical name whose loose label key is `key`.
    pub fn canonical_for_loose_key(&self, key: &str) -> Option<&LabelEntry> {
        self.by_loose.get(key).map(|&i| &self.labels[i])
    }

    /// The entry whose name is exactly `name` (canonical names only).
    pub fn entry(&self, name: &str) -> Option<&LabelEntry> {
        match self.lookup(name) {
            Lookup::Canonical(e) => Some(e),
            _ => None,
        }
    }
}
