//! Baselines: the findings a legacy catalogue already has, recorded so a run reports only
//! new ones (ESLint's bulk suppressions, oxlint's `oxlint-suppressions.json`).
//!
//! A finding is recognised by file, rule, element XPath and offending value, never by line:
//! adding a release above it must not make it "new". Identical findings are counted, so
//! fixing one of three leaves two hidden and one reported as stale.
//!
//! ```json
//! {"version": 1, "files": {"feeds/a.xml": [
//!   {"rule": "id-isrc", "xpath": "/NewReleaseMessage/…/ISRC", "value": "GB-ABC-24-00012", "count": 1}
//! ]}}
//! ```

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::lint::FileOutcome;
use crate::report::{BaselineStats, Located};

/// The format version this ddexlint reads and writes.
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    /// Path (as given on the command line) → entries, sorted.
    pub files: BTreeMap<String, Vec<Entry>>,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub rule: String,
    pub xpath: Option<String>,
    pub value: String,
    pub count: usize,
}

type Key = (String, String, Option<String>, String);

fn key(l: &Located, value: &str) -> Key {
    (
        l.path.clone(),
        l.finding.rule.to_string(),
        l.xpath.clone(),
        value.to_string(),
    )
}

impl Baseline {
    /// Record `outcomes`' findings.
    pub fn record<'a>(outcomes: impl IntoIterator<Item = &'a FileOutcome>) -> Baseline {
        let mut counts: BTreeMap<Key, usize> = BTreeMap::new();
        for o in outcomes {
            for (l, v) in o.findings.iter().zip(&o.values) {
                *counts.entry(key(l, v)).or_default() += 1;
            }
        }
        let mut files: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
        for ((path, rule, xpath, value), count) in counts {
            files.entry(path).or_default().push(Entry {
                rule,
                xpath,
                value,
                count,
            });
        }
        Baseline {
            version: VERSION,
            files,
        }
    }

    /// Pretty JSON with a final newline (it is meant to be committed and diffed).
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a baseline serialises");
        s.push('\n');
        s
    }

    /// Read a baseline; the error says what is wrong (not JSON, other version, bad shape).
    pub fn parse(text: &str) -> Result<Baseline, String> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| format!("not a ddexlint baseline (invalid JSON: {e})"))?;
        match value.get("version").and_then(serde_json::Value::as_u64) {
            Some(v) if v == u64::from(VERSION) => {}
            Some(v) => {
                return Err(format!(
                    "baseline format version {v} is not supported (this ddexlint reads version {VERSION}); write it again with --write-baseline"
                ))
            }
            None => return Err("not a ddexlint baseline (no numeric \"version\" field)".to_string()),
        }
        serde_json::from_value(value).map_err(|e| format!("not a ddexlint baseline ({e})"))
    }
}

/// Applies a baseline to a run, file by file, counting what it hid.
pub struct Matcher {
    remaining: HashMap<Key, usize>,
    checked: HashSet<String>,
    suppressed: usize,
}

impl Matcher {
    pub fn new(baseline: &Baseline) -> Matcher {
        let mut remaining = HashMap::new();
        for (path, entries) in &baseline.files {
            for e in entries {
                let k = (path.clone(), e.rule.clone(), e.xpath.clone(), e.value.clone());
                *remaining.entry(k).or_insert(0) += e.count;
            }
        }
        Matcher {
            remaining,
            checked: HashSet::new(),
            suppressed: 0,
        }
    }

    /// Drop the findings of `outcome` the baseline still has occurrences for.
    pub fn filter(&mut self, outcome: &mut FileOutcome) {
        self.checked.insert(outcome.summary.path.clone());
        let mut keep = Vec::with_capacity(outcome.findings.len());
        let mut values = Vec::with_capacity(outcome.values.len());
        for (l, v) in outcome.findings.drain(..).zip(outcome.values.drain(..)) {
            match self.remaining.get_mut(&key(&l, &v)) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    self.suppressed += 1;
                }
                _ => {
                    keep.push(l);
                    values.push(v);
                }
            }
        }
        outcome.summary.findings = keep.len();
        outcome.findings = keep;
        outcome.values = values;
    }

    /// Hidden findings, and occurrences left over in the files that were checked (files not
    /// part of this run are not judged).
    pub fn stats(&self) -> BaselineStats {
        let stale = self
            .remaining
            .iter()
            .filter(|(k, _)| self.checked.contains(&k.0))
            .map(|(_, n)| n)
            .sum();
        BaselineStats {
            suppressed: self.suppressed,
            stale,
        }
    }
}
