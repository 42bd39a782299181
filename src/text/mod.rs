//! Text toolkit: language tags and the IANA registry, script detection, normalization,
//! confusables, invisible characters and name keys. No DDEX knowledge lives here; rules and
//! fixes both use it.
//!
//! Data versions (print them in reports): [`registry_file_date`] for the language subtag
//! registry and [`UNICODE_VERSION`] for the script/confusable tables.

pub mod chars;
pub mod confusable;
pub mod fast;
pub mod langtables;
pub mod langtag;
pub mod namekey;
pub mod normalize;
pub mod registry;
pub mod script;
pub mod tagsyntax;

pub use chars::{
    classify_invisible, has_rtl, invisible_char_name, is_bidi_control, is_default_ignorable, is_noncharacter,
    is_private_use, is_rtl_char, InvisibleKind,
};
pub use confusable::{
    has_mixed_script_confusable, latin_lookalike, lookalike_in, mixed_script_confusables, skeleton, words, Lookalike,
    MixedScriptWord,
};
pub use fast::{ByteSet, FastUnicode, TextFacts};
pub use langtables::{
    country_code_trap, languages_for_script, suggest_language_for, CountryCodeTrap, COUNTRY_CODE_TRAPS,
};
pub use langtag::{
    expected_script, native_script, parse_tag, parse_tag_shared, parse_well_formed, DeprecatedSubtag, Repair,
    TagAnalysis, TagForm, TagParts, UnknownSubtag,
};
pub use namekey::{legal_form_of, loose_key, nfkc_casefold, strict_key, NameKind};
pub use normalize::{
    first_non_nfc_offset, has_cjk_compat_ideograph, is_cjk_compat_ideograph, is_nfc, is_nfc_starter, to_nfc,
};
pub use registry::{registry, registry_file_date, Registry, RegistryEntry, SubtagKind};
pub use script::{
    dominant_script, has_latin_letters, has_non_latin_letters, is_highly_restrictive, is_latin_only, is_single_script,
    resolved_scripts, script_matches_tag, script_share, scripts_of, ResolvedScripts, ScriptCode, ScriptSet,
    ScriptShare,
};
pub use unicode_script::Script;

/// The Unicode version of the script and confusable tables (`unicode-script`,
/// `unicode-security`).
pub const UNICODE_VERSION: (u64, u64, u64) = unicode_security::UNICODE_VERSION;

#[cfg(test)]
mod tests;
