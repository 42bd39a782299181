//! The merged, interned index of a run's catalogue facts.

use std::collections::HashMap;
use std::sync::Arc;

use crate::hash::FastMap;

use super::facts::{FileFacts, Place};

/// An interned string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sym(u32);

impl Sym {
    pub(super) fn index(self) -> u32 {
        self.0
    }
    pub(super) fn from_index(i: u32) -> Sym {
        Sym(i)
    }
}

/// One spelling (or one identifier's name) seen in one file: 40 bytes, whatever the text.
#[derive(Clone, Copy, Debug)]
pub struct Occurrence {
    /// The file's number in the run (input order: "first seen" is the lowest).
    pub file: u32,
    /// The spelling, or the name an identifier is given.
    pub text: Sym,
    /// ISRC: the display artists; otherwise unused.
    pub extra: Sym,
    /// How many uses in the file (releases that show the label, elements that carry the name).
    pub uses: u32,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub xpath: Option<Sym>,
    /// [`Place::suppressed`].
    pub suppressed: u8,
}

/// All catalogue facts of a run.
#[derive(Debug, Default)]
pub struct CatalogueIndex {
    strings: Vec<Arc<str>>,
    /// ahash, not SipHash: interning runs under the run's index lock, several times per fact.
    interned: FastMap<Arc<str>, Sym>,
    paths: HashMap<u32, Sym>,
    /// Label loose key → spellings seen. (ahash: `merge` hashes a `Sym` per fact under the run's
    /// lock. The order is random per run, so no output depends on it.)
    pub labels: FastMap<Sym, Vec<Occurrence>>,
    /// Artist loose key → spellings seen.
    pub artists: FastMap<Sym, Vec<Occurrence>>,
    /// ISRC → (title, artists) per file.
    pub isrcs: FastMap<Sym, Vec<Occurrence>>,
    /// ICPN / GRid → release title per file.
    pub releases: FastMap<Sym, Vec<Occurrence>>,
    /// DPID / ISNI → party names (joined by U+001F) per file.
    pub parties: FastMap<Sym, Vec<Occurrence>>,
}

impl CatalogueIndex {
    fn intern(&mut self, s: &str) -> Sym {
        if let Some(&sym) = self.interned.get(s) {
            return sym;
        }
        let sym = Sym(self.strings.len() as u32);
        let arc: Arc<str> = Arc::from(s);
        self.strings.push(arc.clone());
        self.interned.insert(arc, sym);
        sym
    }

    /// The text of an interned string.
    pub fn str(&self, sym: Sym) -> &str {
        &self.strings[sym.0 as usize]
    }

    /// The path of file number `file`.
    pub fn path(&self, file: u32) -> &str {
        self.paths.get(&file).map_or("", |&s| self.str(s))
    }

    /// Number of distinct strings held (names, keys, identifiers, paths, XPaths).
    pub fn distinct_strings(&self) -> usize {
        self.strings.len()
    }

    /// Number of files merged.
    pub fn files(&self) -> usize {
        self.paths.len()
    }

    /// The number to give the next file merged: after every file the index holds.
    pub fn next_file_number(&self) -> u32 {
        self.paths.keys().max().map_or(0, |m| m + 1)
    }

    /// The interned strings and (file number, path) pairs, for storing.
    pub(super) fn parts(&self) -> (Vec<String>, Vec<(u32, u32)>) {
        let strings = self.strings.iter().map(|s| s.to_string()).collect();
        let paths = self.paths.iter().map(|(&f, &p)| (f, p.0)).collect();
        (strings, paths)
    }

    /// An index with these strings and paths and no occurrences yet.
    pub(super) fn from_parts(strings: Vec<String>, paths: Vec<(u32, u32)>) -> CatalogueIndex {
        let mut index = CatalogueIndex::default();
        for s in strings {
            let arc: Arc<str> = Arc::from(s);
            let sym = Sym(index.strings.len() as u32);
            index.strings.push(arc.clone());
            index.interned.entry(arc).or_insert(sym);
        }
        index.paths = paths.into_iter().map(|(f, p)| (f, Sym(p))).collect();
        index
    }

    /// File numbers whose path is one of `paths`.
    pub(super) fn files_at(&self, paths: &std::collections::HashSet<&str>) -> Vec<u32> {
        self.paths
            .iter()
            .filter(|(_, &p)| paths.contains(self.str(p)))
            .map(|(&f, _)| f)
            .collect()
    }

    pub(super) fn forget_files(&mut self, files: &[u32]) {
        self.paths.retain(|f, _| !files.contains(f));
    }

    fn occurrence(&mut self, file: u32, text: &str, extra: &str, uses: u32, place: &Place) -> Occurrence {
        Occurrence {
            file,
            text: self.intern(text),
            extra: self.intern(extra),
            uses,
            line: place.line,
            column: place.column,
            end_line: place.end_line,
            end_column: place.end_column,
            xpath: place.xpath.as_deref().map(|x| self.intern(x)),
            suppressed: place.suppressed,
        }
    }

    /// Add file number `file` (its position in the run) with its facts. The order of calls
    /// does not matter: every decision orders by file number.
    pub fn merge(&mut self, file: u32, path: &str, facts: FileFacts) {
        let p = self.intern(path);
        self.paths.insert(file, p);
        for (list, target) in [(facts.labels, 0), (facts.artists, 1)] {
            for s in list {
                if s.key.is_empty() {
                    continue;
                }
                let key = self.intern(&s.key);
                let occ = self.occurrence(file, &s.text, "", s.uses, &s.place);
                let map = if target == 0 {
                    &mut self.labels
                } else {
                    &mut self.artists
                };
                map.entry(key).or_default().push(occ);
            }
        }
        for (list, target) in [(facts.isrcs, 0), (facts.releases, 1), (facts.parties, 2)] {
            for n in list {
                let key = self.intern(&n.id);
                let occ = self.occurrence(file, &n.name, &n.artists, 1, &n.place);
                let map = match target {
                    0 => &mut self.isrcs,
                    1 => &mut self.releases,
                    _ => &mut self.parties,
                };
                map.entry(key).or_default().push(occ);
            }
        }
    }
}
