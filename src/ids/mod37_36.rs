//! Identifiers made of a fixed scheme prefix, alphanumerics and an ISO 7064 MOD 37,36 check
//! character: GRid and DPID share everything but their prefix and name.

use super::checksum::iso7064_mod37_36_check;
use super::clean::{bad_char, count, empty, first_disallowed, invalid, Cleaned};
use super::IdCheck;

/// The shape of one such identifier.
pub(crate) struct Scheme {
    /// Name with its article, for messages: "a GRid".
    pub(crate) name: &'static str,
    /// Fixed leading characters: "A1", "PADPIDA".
    pub(crate) prefix: &'static str,
    /// Total length including the check character.
    pub(crate) len: usize,
}

/// Cleans separators and case, then checks shape and check character.
///
/// Hyphens and spaces are how these identifiers are shown to people
/// (`PA-DPIDA-3897722461-G`, `A1-2425G-ABC1234002-M`) and lowercase letters stand for the
/// same values in MOD 37,36, so removing or uppercasing them cannot change which
/// identifier is meant: those are `Fixable`. A wrong check character is never fixed.
pub(crate) fn check(raw: &str, scheme: &Scheme) -> IdCheck {
    let Some(mut cleaned) = Cleaned::start(raw) else {
        return empty();
    };
    cleaned.strip_separators();
    cleaned.uppercase();
    let verdict = validate(&cleaned.value, scheme);
    cleaned.finish(verdict)
}

fn validate(value: &str, scheme: &Scheme) -> IdCheck {
    if let Some(c) = first_disallowed(value, |c| c.is_ascii_alphanumeric()) {
        return bad_char(c, scheme.name);
    }
    if value.len() != scheme.len {
        let has = count(value.len(), "character");
        return invalid(format!("has {has}; {} has {}", scheme.name, scheme.len), None);
    }
    if !value.starts_with(scheme.prefix) {
        return invalid(format!("does not start with '{}'", scheme.prefix), None);
    }
    let (data, written) = value.split_at(value.len() - 1);
    match iso7064_mod37_36_check(data) {
        Some(want) if !written.starts_with(want) => invalid(
            format!("check character is '{written}' but should be '{want}'"),
            Some(format!("{data}{want}")),
        ),
        _ => IdCheck::Valid,
    }
}
