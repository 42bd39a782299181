//! The cross-file half of `label-name-variant` (the rule and its documentation are
//! `label-name-variant` in `rules::label`).

use std::collections::HashMap;

use crate::catalogue::CatalogueIndex;
use crate::finding::Fix;
use crate::labels::Lookup;
use crate::report::Located;
use crate::rules::label::label_name_variant::RULE;
use crate::rules::label::names::{canonical_index, has_diacritics, label_key, variant_relation};
use crate::rules::RuleOptions;

use super::spellings::{seen_elsewhere, spellings};

/// Label spellings grouped by loose label key over the whole run. The canonical spelling is
/// the registry's name when the group holds one, else the most used (ties: first file).
/// Left out: files that hold several spellings of the group themselves (the per-feed rule
/// reports those) and spellings the registry lists as aliases (`label-registry-alias`
/// reports them, with a safe fix).
pub fn check(index: &CatalogueIndex, options: &RuleOptions) -> Vec<Located> {
    let registry = options.labels.as_deref();
    let mut out = Vec::new();
    for (key, occs) in &index.labels {
        let group = spellings(occs);
        // The registry's name for the group, even when no file of the run spells it so.
        let registered = registry.and_then(|r| r.canonical_for_loose_key(index.str(*key)));
        if group.len() < 2 && registered.is_none_or(|e| e.name == index.str(group[0].text)) {
            continue;
        }
        let fallback = canonical_index(&group, |s| {
            // On a tie in files, the spelling with diacritics (catalogue L4/A4), then the first seen.
            (
                s.files * 2 + usize::from(has_diacritics(index.str(s.text))),
                u64::from(s.first_file),
            )
        });
        let canon_text = registered.map_or(index.str(group[fallback].text), |e| e.name.as_str());
        let canonical = group.iter().find(|s| index.str(s.text) == canon_text);
        let mut per_file: HashMap<u32, usize> = HashMap::new();
        for o in occs {
            *per_file.entry(o.file).or_default() += 1;
        }
        let canon_key = label_key(canon_text);
        for s in group.iter().filter(|s| index.str(s.text) != canon_text) {
            let text = index.str(s.text);
            if registry.is_some_and(|r| matches!(r.lookup(text), Lookup::Alias(_))) {
                continue;
            }
            let (how, stripped) = variant_relation(text, canon_text, label_key(text) == canon_key);
            for o in s.occs.iter().filter(|o| per_file[&o.file] == 1) {
                let message = format!(
                    "label name '{text}' here {how} '{canon_text}': {}; DSPs may list them as different labels",
                    canonical.map_or("the label registry's name".to_string(), |c| seen_elsewhere(
                        index, c, o.file
                    ))
                );
                let (help, fix) = if stripped {
                    (
                        format!("spell the label one way everywhere; if '{text}' (with diacritics) is right, use it on every release"),
                        None,
                    )
                } else {
                    (
                        format!("spell the label the same way in every file: '{canon_text}'"),
                        Some(Fix::suggest(canon_text.to_string())),
                    )
                };
                out.extend(super::located(&RULE, index, o, message, help, fix));
            }
        }
    }
    out
}
