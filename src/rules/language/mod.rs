// Localized variants (branch langvariants).
pub mod artist_non_latin_without_latin_name;
pub mod label_script_without_latin_alternative;
pub mod lang_default_duplicate;
pub mod lang_localization_duplicate_or_identical;
pub mod lang_transliteration_casing;
pub mod lang_transliteration_without_original;
pub mod title_non_latin_without_latin_variant;
pub mod variants;
