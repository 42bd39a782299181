pub mod ern_unsupported_version;

// Text structure rules (branch plinerules)
pub mod struct_display_title_text_consistency;
pub mod struct_empty_or_invisible_text;

// Inline suppression comments (branch config)
pub mod suppression_invalid;
pub mod suppression_unused;
