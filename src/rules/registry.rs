//! The one table of every rule ddexlint has. Order: by category, then id.

use super::{identifier, label, reference, structure, unicode, xml, Category, Rule};

pub static RULES: &[&Rule] = &[
    // xml
    &xml::xml_malformed::RULE,
    &xml::xml_doctype_not_allowed::RULE,
    &xml::xml_encoding_unsupported::RULE,
    // structure
    &structure::ern_unsupported_version::RULE,
    // reference
    &reference::ref_unresolved::RULE,
    &reference::ref_duplicate::RULE,
    &reference::ref_unused::RULE,
    // label
    &label::label_missing::RULE,
    // unicode: look-alikes, lost and garbled characters, punctuation (unicode2)
    &unicode::unicode_punctuation_variants::RULE,
    &unicode::unicode_mixed_script_confusable::RULE,
    &unicode::unicode_whole_script_confusable_name::RULE,
    &unicode::unicode_unassigned_private_use_replacement::RULE,
    &unicode::unicode_mojibake::RULE,
    &unicode::unicode_romanian_cedilla::RULE,
    // unicode: language-dependent case (unicode2)
    &unicode::case_turkish_dotted_i::RULE,
    &unicode::case_greek_final_sigma::RULE,
    &unicode::case_german_eszett::RULE,
];

#[allow(unused_imports)]
use identifier as _;

/// A rule by id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}

/// The rules of a category.
pub fn in_category(category: Category) -> impl Iterator<Item = &'static Rule> {
    RULES.iter().copied().filter(move |r| r.category == category)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique_and_docs_complete() {
        let mut seen = HashSet::new();
        for r in RULES {
            assert!(seen.insert(r.id), "duplicate rule id {}", r.id);
            for section in ["## What it does", "## Why", "## Example", "## Use instead", "## Fix"] {
                assert!(r.doc.contains(section), "{} doc lacks '{section}'", r.id);
            }
            assert!(!r.summary.is_empty());
        }
    }
}
