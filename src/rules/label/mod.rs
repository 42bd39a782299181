//! Label identity: is there a label, is it a label (not a notice, a company form, a
//! distributor or a placeholder), and is it spelled one way.

pub mod label_contains_rights_notice;
pub mod label_display_label_ambiguous;
pub mod label_equals_artist;
pub mod label_is_distributor_or_placeholder;
pub mod label_legal_entity_suffix;
pub mod label_missing;
pub mod label_name_missing;
pub mod label_name_variant;
pub mod label_party_without_identifier;
pub mod label_registry_alias;
pub mod label_registry_identifier_mismatch;
pub mod label_stray_punctuation;
pub mod label_unregistered;
pub(crate) mod names;

// P and C line rules (branch plinerules)
pub mod pline_cline_missing;
pub mod pline_cline_symbol_mixup;
pub mod pline_format;
pub mod pline_owner_differs_from_label;
pub mod rights_text;
