pub mod xml_doctype_not_allowed;
pub mod xml_encoding_unsupported;
pub mod xml_malformed;
