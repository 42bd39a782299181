//! Unicode hygiene of titles, names and P/C lines: characters that look right but are not
//! (look-alikes, mojibake, cedillas) and language-dependent letter case.

// Confusables, replacement/private-use characters, mojibake, Romanian cedillas, case (unicode2).
pub mod case_german_eszett;
pub mod case_greek_final_sigma;
pub mod case_turkish_dotted_i;
mod fieldtext;
pub mod unicode_mixed_script_confusable;
pub mod unicode_mojibake;
pub mod unicode_punctuation_variants;
pub mod unicode_romanian_cedilla;
pub mod unicode_unassigned_private_use_replacement;
pub mod unicode_whole_script_confusable_name;
