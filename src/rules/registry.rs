//! The one table of every rule ddexlint has. Order: by category, then id.

use super::{catalogue, identifier, label, language, reference, structure, unicode, xml, Category, Rule};

pub static RULES: &[&Rule] = &[
    // xml
    &xml::xml_malformed::RULE,
    &xml::xml_doctype_not_allowed::RULE,
    &xml::xml_encoding_unsupported::RULE,
    // structure
    &structure::ern_unsupported_version::RULE,
    // structure: text (plinerules)
    &structure::struct_display_title_text_consistency::RULE,
    &structure::struct_empty_or_invisible_text::RULE,
    // structure: inline suppression comments (config)
    &structure::suppression_invalid::RULE,
    &structure::suppression_unused::RULE,
    // reference
    &reference::ref_unresolved::RULE,
    &reference::ref_duplicate::RULE,
    &reference::ref_unused::RULE,
    // label
    &label::label_contains_rights_notice::RULE,
    &label::label_display_label_ambiguous::RULE,
    &label::label_equals_artist::RULE,
    &label::label_is_distributor_or_placeholder::RULE,
    &label::label_legal_entity_suffix::RULE,
    &label::label_missing::RULE,
    &label::label_name_missing::RULE,
    &label::label_name_variant::RULE,
    &label::label_party_without_identifier::RULE,
    &label::label_registry_alias::RULE,
    &label::label_registry_identifier_mismatch::RULE,
    &label::label_unregistered::RULE,
    &label::label_stray_punctuation::RULE,
    // label: P and C lines (plinerules)
    &label::pline_cline_missing::RULE,
    &label::pline_cline_symbol_mixup::RULE,
    &label::pline_format::RULE,
    &label::pline_owner_differs_from_label::RULE,
    // identifier
    &identifier::id_dpid::RULE,
    &identifier::id_grid::RULE,
    &identifier::id_icpn_check_digit::RULE,
    &identifier::id_isni::RULE,
    &identifier::id_isrc::RULE,
    &identifier::id_isrc_duplicate::RULE,
    // language: localized variants
    &language::lang_default_duplicate::RULE,
    &language::lang_localization_duplicate_or_identical::RULE,
    &language::lang_transliteration_without_original::RULE,
    &language::lang_transliteration_casing::RULE,
    &language::label_script_without_latin_alternative::RULE,
    &language::artist_non_latin_without_latin_name::RULE,
    &language::title_non_latin_without_latin_variant::RULE,
    // unicode: character-level hygiene (unicode1)
    &unicode::unicode_not_nfc::RULE,
    &unicode::unicode_compatibility_characters::RULE,
    &unicode::unicode_styled_alphanumerics::RULE,
    &unicode::unicode_invisible_format_characters::RULE,
    &unicode::unicode_zwj_zwnj_misplaced::RULE,
    &unicode::unicode_bidi_controls::RULE,
    &unicode::unicode_control_characters::RULE,
    &unicode::unicode_nonstandard_spaces::RULE,
    &unicode::whitespace_trim_collapse_and_punctuation_spacing::RULE,
    // end unicode1
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
    // language
    &language::lang_chinese_without_script::RULE,
    &language::lang_script_mismatch::RULE,
    &language::lang_tag_country_code_as_language::RULE,
    &language::lang_tag_invalid_or_deprecated_subtag::RULE,
    &language::lang_tag_malformed::RULE,
    &language::lang_tag_missing_inherits_english::RULE,
    &language::lang_tag_redundant_script::RULE,
    // catalogue (needs the index of a whole run)
    &catalogue::artist_name_variant::RULE,
    &catalogue::id_isrc_conflict::RULE,
    &catalogue::id_party_conflict::RULE,
    &catalogue::id_release_conflict::RULE,
];

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
