//! `[per-path-ignores]`: rules left out for files matching a glob.
//!
//! Globs are relative to the config file's folder, like ruff's `per-file-ignores`, so the
//! same file works from any working directory. A glob without `/` matches a file name at
//! any depth (`"legacy-*.xml"`), as in `.gitignore`.

use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

#[derive(Clone, Debug, Default)]
pub struct PerPathIgnores {
    set: GlobSet,
    /// Rule ids per glob, in the order the globs were added to `set`.
    rules: Vec<Vec<&'static str>>,
    /// The config file's folder, made absolute.
    base: Option<PathBuf>,
    /// The working directory the run's paths are relative to.
    cwd: Option<PathBuf>,
    /// The globs as written, for `--show-settings`.
    written: Vec<(String, Vec<&'static str>)>,
}

impl PerPathIgnores {
    /// `entries`: (glob, rule ids). `base`: the folder globs are relative to.
    pub fn new(entries: Vec<(String, Vec<&'static str>)>, base: Option<PathBuf>) -> Result<Self, String> {
        let mut builder = GlobSetBuilder::new();
        for (glob, _) in &entries {
            let pattern = if glob.contains('/') {
                glob.trim_start_matches("./").to_string()
            } else {
                format!("**/{glob}")
            };
            let g = GlobBuilder::new(&pattern)
                .literal_separator(true)
                .build()
                .map_err(|e| format!("[per-path-ignores]: bad glob \"{glob}\": {e}"))?;
            builder.add(g);
        }
        let set = builder.build().map_err(|e| format!("[per-path-ignores]: {e}"))?;
        let cwd = std::env::current_dir().ok();
        let base = base.map(|b| absolute(cwd.as_deref(), &b));
        Ok(PerPathIgnores {
            set,
            rules: entries.iter().map(|(_, r)| r.clone()).collect(),
            base,
            cwd,
            written: entries,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    pub fn entries(&self) -> &[(String, Vec<&'static str>)] {
        &self.written
    }

    /// Rule ids ignored for `path` (as the run names it: relative to the working directory,
    /// or absolute).
    pub fn ignored(&self, path: &str) -> Vec<&'static str> {
        if self.is_empty() || path == "-" {
            return Vec::new();
        }
        let given = Path::new(path.trim_start_matches("./"));
        let mut hits = self.set.matches(given);
        if let Some(base) = &self.base {
            let abs = absolute(self.cwd.as_deref(), given);
            if let Ok(rel) = abs.strip_prefix(base) {
                hits.extend(self.set.matches(rel));
            }
        }
        hits.sort_unstable();
        hits.dedup();
        hits.into_iter().flat_map(|i| self.rules[i].iter().copied()).collect()
    }
}

/// `p` joined to `cwd` when relative, with `.` and `..` resolved lexically.
fn absolute(cwd: Option<&Path>, p: &Path) -> PathBuf {
    let joined = match cwd {
        Some(c) if p.is_relative() => c.join(p),
        _ => p.to_path_buf(),
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}
