//! Spelling groups across files, shared by the label and artist variant rules.

use std::collections::HashMap;

use crate::catalogue::{CatalogueIndex, Occurrence, Sym};

/// One spelling of a name group across the run.
pub(crate) struct Spelling<'i> {
    pub text: Sym,
    pub uses: usize,
    pub first_file: u32,
    pub files: usize,
    pub occs: Vec<&'i Occurrence>,
}

/// The spellings of one key group, in first-seen order.
pub(crate) fn spellings<'i>(occs: &'i [Occurrence]) -> Vec<Spelling<'i>> {
    let mut by_text: HashMap<Sym, Spelling> = HashMap::new();
    for o in occs {
        let s = by_text.entry(o.text).or_insert_with(|| Spelling {
            text: o.text,
            uses: 0,
            first_file: o.file,
            files: 0,
            occs: Vec::new(),
        });
        s.uses += o.uses as usize;
        s.files += 1;
        s.first_file = s.first_file.min(o.file);
        s.occs.push(o);
    }
    let mut v: Vec<Spelling> = by_text.into_values().collect();
    for s in &mut v {
        s.occs.sort_by_key(|o| (o.file, o.line, o.column));
    }
    // First seen: by file, then by place in the file (never by hash order).
    v.sort_by_key(|s| {
        let o = s.occs[0];
        (o.file, o.line, o.column, o.text)
    });
    v
}

/// "'Ninja Tune' in 212 uses in 57 other files, first in deliveries/a.xml": where the
/// canonical spelling was seen, from the point of view of a file.
pub(crate) fn seen_elsewhere(index: &CatalogueIndex, canonical: &Spelling, here: u32) -> String {
    let others: Vec<&&Occurrence> = canonical.occs.iter().filter(|o| o.file != here).collect();
    let uses: usize = others.iter().map(|o| o.uses as usize).sum();
    match others.first() {
        None => format!("'{}' in this file", index.str(canonical.text)),
        Some(first) => format!(
            "'{}' in {} other file{} ({} use{}), first in {}",
            index.str(canonical.text),
            others.len(),
            if others.len() == 1 { "" } else { "s" },
            uses,
            if uses == 1 { "" } else { "s" },
            index.path(first.file)
        ),
    }
}
