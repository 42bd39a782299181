//! The one table of every rule ddexlint has. Order: by category, then id.

use super::{identifier, label, language, reference, structure, xml, Category, Rule};

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
    // language: localized variants
    &language::lang_default_duplicate::RULE,
    &language::lang_localization_duplicate_or_identical::RULE,
    &language::lang_transliteration_without_original::RULE,
    &language::lang_transliteration_casing::RULE,
    &language::label_script_without_latin_alternative::RULE,
    &language::artist_non_latin_without_latin_name::RULE,
    &language::title_non_latin_without_latin_variant::RULE,
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
