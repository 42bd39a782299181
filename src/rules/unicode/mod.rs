//! Unicode hygiene of titles, names and P/C lines (rules.md §5).

// Character-level hygiene (branch unicode1).
mod fieldtext;
pub mod unicode_bidi_controls;
pub mod unicode_compatibility_characters;
pub mod unicode_control_characters;
pub mod unicode_invisible_format_characters;
pub mod unicode_nonstandard_spaces;
pub mod unicode_not_nfc;
pub mod unicode_styled_alphanumerics;
pub mod unicode_zwj_zwnj_misplaced;
pub mod whitespace_trim_collapse_and_punctuation_spacing;
