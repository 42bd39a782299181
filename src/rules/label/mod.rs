pub mod label_missing;

// P and C line rules (branch plinerules)
pub mod pline_cline_missing;
pub mod pline_cline_symbol_mixup;
pub mod pline_format;
pub mod pline_owner_differs_from_label;
pub mod rights_text;
