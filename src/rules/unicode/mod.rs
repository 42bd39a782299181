//! Unicode hygiene of titles, names and P/C lines (rules.md §5): characters that are there but
//! should not be (invisible, control, compatibility, styled), characters that look right but
//! are not (look-alikes, mojibake, cedillas), and language-dependent letter case.

pub(crate) mod fieldtext;
pub(crate) mod textlang;

// Character-level hygiene.
pub mod unicode_bidi_controls;
pub mod unicode_compatibility_characters;
pub mod unicode_control_characters;
pub mod unicode_invisible_format_characters;
pub mod unicode_nonstandard_spaces;
pub mod unicode_not_nfc;
pub mod unicode_styled_alphanumerics;
pub mod unicode_zwj_zwnj_misplaced;
pub mod whitespace_trim_collapse_and_punctuation_spacing;

// Confusables, replacement/private-use characters, mojibake, Romanian cedillas, case.
pub mod case_german_eszett;
pub mod case_greek_final_sigma;
pub mod case_turkish_dotted_i;
pub mod unicode_mixed_script_confusable;
pub mod unicode_mojibake;
pub mod unicode_punctuation_variants;
pub mod unicode_romanian_cedilla;
pub mod unicode_unassigned_private_use_replacement;
pub mod unicode_whole_script_confusable_name;
