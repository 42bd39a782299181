//! The catalogue pass: cross-file checks over a whole run (rules.md §6).
//!
//! Each file is read once, by the normal per-file pass; while its [`crate::ern::Feed`] is
//! alive, [`FileFacts::extract`] copies out the little the cross-file rules need (label and
//! artist spellings, ISRC → title/artists, ICPN/GRid → title, DPID/ISNI → party names, each
//! with where it was seen). The feed and the file's text are then dropped, and the facts are
//! merged into one [`CatalogueIndex`] whose strings are interned: memory follows the number
//! of distinct names and identifiers (plus a 24-byte record per occurrence), not the bytes
//! of the catalogue. The rules of [`crate::rules::catalogue`] run on the index once every
//! file has been read.
//!
//! The pass runs whenever one of its rules is enabled, for one file as for many: one file is
//! a catalogue of one (an artist spelled two ways within a feed is reported too); the
//! cross-file `label-name-variant` leaves alone a file in which the per-feed rule already
//! reports the group.

mod facts;
mod index;
mod store;
#[cfg(test)]
mod tests;

pub use facts::{FactsCollector, FileFacts, Place};
pub use index::{CatalogueIndex, Occurrence, Sym};
pub use store::StoreError;

use crate::lint::Settings;
use crate::report::Located;

/// Run the enabled catalogue rules on `index`, with each finding's per-path ignores and
/// severity override applied.
pub fn check(index: &CatalogueIndex, settings: &Settings) -> Vec<Located> {
    let mut out = Vec::new();
    for (id, run) in crate::rules::catalogue::CHECKS {
        if !settings.selection.is_enabled(id) {
            continue;
        }
        for mut l in run(index, &settings.options) {
            if !settings.selection_for(&l.path).is_enabled(id) {
                continue;
            }
            if let Some(&s) = settings.severities.get(id) {
                l.finding.severity = s;
            }
            out.push(l);
        }
    }
    // The index is hashed: order the findings so that runs are reproducible.
    out.sort_by(|a, b| {
        (&a.path, a.line, a.column, a.finding.rule, &a.finding.message).cmp(&(
            &b.path,
            b.line,
            b.column,
            b.finding.rule,
            &b.finding.message,
        ))
    });
    out
}

/// Whether a rule that compares identifiers across files is enabled.
pub fn identifiers_wanted(settings: &Settings) -> bool {
    use crate::rules::catalogue::{id_isrc_conflict, id_party_conflict, id_release_conflict};
    [
        &id_isrc_conflict::RULE,
        &id_release_conflict::RULE,
        &id_party_conflict::RULE,
    ]
    .iter()
    .any(|rule| settings.selection.is_enabled(rule.id))
}

/// Whether any rule that reads the catalogue index is enabled.
pub fn wanted(settings: &Settings) -> bool {
    crate::rules::catalogue::CHECKS
        .iter()
        .any(|(id, _)| settings.selection.is_enabled(id))
}
