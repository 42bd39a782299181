//! Catalogue-wide rules (rules.md §6): they run once on the [`CatalogueIndex`] of a whole
//! run, after every file has been read, not on one feed.

pub mod artist_name_variant;
pub mod id_isrc_conflict;
pub mod id_party_conflict;
pub mod id_release_conflict;
pub mod label_name_variant;
mod spellings;

use std::collections::HashMap;

use crate::catalogue::{CatalogueIndex, Occurrence};
use crate::finding::{Finding, Fix, Span};
use crate::report::Located;
use crate::rules::{Rule, RuleOptions};

/// A catalogue rule's check.
pub type CatalogueCheck = fn(&CatalogueIndex, &RuleOptions) -> Vec<Located>;

/// Every check on the index, by rule id. `label-name-variant` is the per-feed rule's id: its
/// cross-file half lives here.
pub static CHECKS: &[(&str, CatalogueCheck)] = &[
    ("label-name-variant", label_name_variant::check),
    ("artist-name-variant", artist_name_variant::check),
    ("id-isrc-conflict", id_isrc_conflict::check),
    ("id-release-conflict", id_release_conflict::check),
    ("id-party-conflict", id_party_conflict::check),
];

/// A finding of `rule` at an occurrence, unless an inline suppression silences the rule
/// there.
pub(crate) fn located(
    rule: &Rule,
    index: &CatalogueIndex,
    occ: &Occurrence,
    message: String,
    help: String,
    fix: Option<Fix>,
) -> Option<Located> {
    let bit = CHECKS.iter().position(|(id, _)| *id == rule.id)?;
    if occ.suppressed & (1 << bit) != 0 {
        return None;
    }
    let finding = Finding::new(rule.id, rule.severity, 0, Span::empty(0), message)
        .with_help(help)
        .with_fix_opt(fix);
    Some(Located {
        finding,
        category: rule.category.as_str(),
        path: index.path(occ.file).to_string(),
        line: occ.line,
        column: occ.column,
        end_line: occ.end_line,
        column_end: occ.end_column,
        xpath: occ.xpath.map(|x| index.str(x).to_string()),
        source_line: None,
        source_line_column: 1,
    })
}

/// Identifier conflicts: occurrences of one identifier put into classes by `class` (what
/// the identifier names, as a comparison key). The canonical class is the one seen in most
/// files (on a tie, the one seen first); every occurrence of another class for which
/// `conflicts(occurrence, canonical occurrence)` holds is returned with the canonical class's
/// first occurrence and file count. One file's occurrences are never compared with each other.
/// `class` must depend only on an occurrence's `text` and `extra`.
pub(crate) fn conflicts(
    occs: &[Occurrence],
    class: impl Fn(&Occurrence) -> String,
    conflicts: impl Fn(&Occurrence, &Occurrence) -> bool,
) -> Vec<(&Occurrence, &Occurrence, usize)> {
    // Classes are computed from the spelling (and the ISRC's artists) only: one spelling, one
    // class. Most identifiers are spelt one way; skip computing their keys.
    if occs.iter().all(|o| o.text == occs[0].text && o.extra == occs[0].extra) {
        return Vec::new();
    }
    let mut classes: HashMap<String, Vec<&Occurrence>> = HashMap::new();
    for o in occs {
        classes.entry(class(o)).or_default().push(o);
    }
    if classes.len() < 2 {
        return Vec::new();
    }
    let files = |v: &Vec<&Occurrence>| {
        let mut f: Vec<u32> = v.iter().map(|o| o.file).collect();
        f.sort_unstable();
        f.dedup();
        f
    };
    let canonical = classes
        .values()
        .max_by_key(|v| {
            let f = files(v);
            (f.len(), std::cmp::Reverse(f[0]))
        })
        .expect("non-empty");
    let first = *canonical.iter().min_by_key(|o| o.file).expect("non-empty");
    let canon_files = files(canonical);
    let mut out = Vec::new();
    for v in classes.values().filter(|v| !std::ptr::eq(*v, canonical)) {
        for o in v {
            if canon_files.iter().any(|&f| f != o.file) && conflicts(o, first) {
                let others = canon_files.iter().filter(|&&f| f != o.file).count();
                out.push((*o, first, others));
            }
        }
    }
    out.sort_by_key(|(o, _, _)| (o.file, o.line, o.column));
    out
}
