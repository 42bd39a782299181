//! The catalogue index on disk, for incremental use: `ddexlint index build` writes it once
//! for the catalogue already delivered, and `ddexlint check NEW --catalogue FILE` checks new
//! deliveries against it without reading the old files again.
//!
//! The format is JSON with a header (`format`, `version`); any other version, or a file that
//! does not parse, is refused with a message saying to rebuild it.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::index::{CatalogueIndex, Occurrence, Sym};

const FORMAT: &str = "ddexlint-catalogue-index";
/// Bump when the stored shape or the meaning of a field changes.
const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Stored {
    format: String,
    version: u32,
    /// The ddexlint that wrote it (information only).
    ddexlint: String,
    strings: Vec<String>,
    /// (file number, path string)
    paths: Vec<(u32, u32)>,
    labels: Vec<(u32, Vec<StoredOccurrence>)>,
    artists: Vec<(u32, Vec<StoredOccurrence>)>,
    isrcs: Vec<(u32, Vec<StoredOccurrence>)>,
    releases: Vec<(u32, Vec<StoredOccurrence>)>,
    parties: Vec<(u32, Vec<StoredOccurrence>)>,
}

#[derive(Serialize, Deserialize)]
struct StoredOccurrence {
    file: u32,
    text: u32,
    extra: u32,
    uses: u32,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    xpath: Option<u32>,
    suppressed: u8,
}

/// Why an index file cannot be used.
#[derive(Debug, PartialEq, Eq)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl CatalogueIndex {
    /// The index as an index file's bytes. Deterministic whatever order files were merged
    /// in: strings are renumbered in sorted order, maps and occurrence lists are sorted.
    pub fn to_bytes(&self) -> Vec<u8> {
        let (strings, paths) = self.parts();
        let mut order: Vec<u32> = (0..strings.len() as u32).collect();
        order.sort_by(|&a, &b| strings[a as usize].cmp(&strings[b as usize]));
        let mut remap = vec![0u32; strings.len()];
        for (new, &old) in order.iter().enumerate() {
            remap[old as usize] = new as u32;
        }
        let sym = |s: Sym| remap[s.index() as usize];
        let occurrences = |map: &crate::hash::FastMap<Sym, Vec<Occurrence>>| {
            let mut v: Vec<(u32, Vec<StoredOccurrence>)> = map
                .iter()
                .map(|(k, occ)| {
                    let mut list: Vec<StoredOccurrence> = occ.iter().map(|o| StoredOccurrence::new(o, &sym)).collect();
                    list.sort_by_key(|o| (o.file, o.line, o.column, o.text, o.extra));
                    (sym(*k), list)
                })
                .collect();
            v.sort_by_key(|(k, _)| *k);
            v
        };
        let mut paths: Vec<(u32, u32)> = paths.into_iter().map(|(f, p)| (f, remap[p as usize])).collect();
        paths.sort_unstable();
        let stored = Stored {
            format: FORMAT.into(),
            version: VERSION,
            ddexlint: env!("CARGO_PKG_VERSION").into(),
            strings: order.iter().map(|&i| strings[i as usize].clone()).collect(),
            paths,
            labels: occurrences(&self.labels),
            artists: occurrences(&self.artists),
            isrcs: occurrences(&self.isrcs),
            releases: occurrences(&self.releases),
            parties: occurrences(&self.parties),
        };
        serde_json::to_vec(&stored).expect("an index serializes")
    }

    /// Read an index file written by [`CatalogueIndex::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<CatalogueIndex, StoreError> {
        // Check the header first, so an index of another version says so rather than
        // failing on a field it does not know.
        #[derive(Deserialize)]
        struct Header {
            format: Option<String>,
            version: Option<u32>,
            ddexlint: Option<String>,
        }
        let header: Header = serde_json::from_slice(bytes).map_err(|e| {
            // A cut-off or damaged index still starts with its header.
            let head = &bytes[..bytes.len().min(200)];
            let ours = head.windows(FORMAT.len()).any(|w| w == FORMAT.as_bytes());
            let what = if ours {
                "corrupt catalogue index"
            } else {
                "not a ddexlint catalogue index"
            };
            StoreError(format!("{what} ({e}); rebuild it with `ddexlint index build`"))
        })?;
        if header.format.as_deref() != Some(FORMAT) {
            return Err(StoreError(
                "not a ddexlint catalogue index; rebuild it with `ddexlint index build`".into(),
            ));
        }
        if header.version != Some(VERSION) {
            return Err(StoreError(format!(
                "catalogue index format version {} (written by ddexlint {}), this ddexlint reads version {VERSION}: rebuild it with `ddexlint index build`",
                header.version.map_or("?".to_string(), |v| v.to_string()),
                header.ddexlint.as_deref().unwrap_or("?"),
            )));
        }
        let stored: Stored = serde_json::from_slice(bytes).map_err(|e| {
            StoreError(format!(
                "corrupt catalogue index ({e}); rebuild it with `ddexlint index build`"
            ))
        })?;
        let n = stored.strings.len() as u32;
        let valid = |s: u32| s < n;
        let occurrences_ok = [
            &stored.labels,
            &stored.artists,
            &stored.isrcs,
            &stored.releases,
            &stored.parties,
        ]
        .iter()
        .flat_map(|m| m.iter())
        .all(|(k, occ)| {
            valid(*k)
                && occ
                    .iter()
                    .all(|o| valid(o.text) && valid(o.extra) && o.xpath.is_none_or(valid))
        });
        if !occurrences_ok || !stored.paths.iter().all(|&(_, p)| valid(p)) {
            return Err(StoreError(
                "corrupt catalogue index (a string number is out of range); rebuild it with `ddexlint index build`"
                    .into(),
            ));
        }
        let mut index = CatalogueIndex::from_parts(stored.strings, stored.paths);
        let fill = |list: Vec<(u32, Vec<StoredOccurrence>)>| {
            list.into_iter()
                .map(|(k, occ)| (Sym::from_index(k), occ.into_iter().map(Occurrence::from).collect()))
                .collect()
        };
        index.labels = fill(stored.labels);
        index.artists = fill(stored.artists);
        index.isrcs = fill(stored.isrcs);
        index.releases = fill(stored.releases);
        index.parties = fill(stored.parties);
        Ok(index)
    }

    /// Forget the files at `paths` (a re-delivery replaces what the index had of it).
    pub fn remove_paths(&mut self, paths: &HashSet<&str>) {
        let gone = self.files_at(paths);
        if gone.is_empty() {
            return;
        }
        for map in [
            &mut self.labels,
            &mut self.artists,
            &mut self.isrcs,
            &mut self.releases,
            &mut self.parties,
        ] {
            map.retain(|_, occ| {
                occ.retain(|o| !gone.contains(&o.file));
                !occ.is_empty()
            });
        }
        self.forget_files(&gone);
    }
}

impl StoredOccurrence {
    fn new(o: &Occurrence, sym: &impl Fn(Sym) -> u32) -> Self {
        StoredOccurrence {
            file: o.file,
            text: sym(o.text),
            extra: sym(o.extra),
            uses: o.uses,
            line: o.line,
            column: o.column,
            end_line: o.end_line,
            end_column: o.end_column,
            xpath: o.xpath.map(sym),
            suppressed: o.suppressed,
        }
    }
}

impl From<StoredOccurrence> for Occurrence {
    fn from(o: StoredOccurrence) -> Self {
        Occurrence {
            file: o.file,
            text: Sym::from_index(o.text),
            extra: Sym::from_index(o.extra),
            uses: o.uses,
            line: o.line,
            column: o.column,
            end_line: o.end_line,
            end_column: o.end_column,
            xpath: o.xpath.map(Sym::from_index),
            suppressed: o.suppressed,
        }
    }
}
