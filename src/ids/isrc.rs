//! ISRC (ISO 3901): `CC` country + `XXX` registrant + `YY` year + `NNNNN` designation.
//!
//! There is no check character, so only the shape and the country prefix can be checked.
//! The ISRC standard says a display prefix, hyphens and spaces are never part of the code
//! and lowercase means uppercase: removing them is a safe fix.

use super::clean::{bad_char, count, empty, first_disallowed, invalid, Cleaned};
use super::country::is_isrc_country;
use super::IdCheck;

/// Checks an ISRC as written in the feed.
pub fn check_isrc(raw: &str) -> IdCheck {
    if is_canonical_isrc(raw) {
        return IdCheck::Valid; // the usual case, without the cleaning's copies
    }
    check_by_cleaning(raw)
}

/// [`check_isrc`] the long way: clean a copy of the value, then validate it.
fn check_by_cleaning(raw: &str) -> IdCheck {
    let Some(start) = Cleaned::start(raw) else {
        return empty();
    };
    // Try without removing an "ISRC" label first: "ISRC12400001" is a valid Icelandic ISRC
    // (country IS, registrant RC1), not a labelled "12400001".
    let mut plain = start.clone();
    plain.strip_separators();
    plain.uppercase();
    let verdict = validate(&plain.value);
    if verdict == IdCheck::Valid {
        return plain.finish(verdict);
    }
    let mut labelled = start;
    if !labelled.strip_label("ISRC", "has an 'ISRC' prefix") {
        return plain.finish(verdict);
    }
    labelled.strip_separators();
    labelled.uppercase();
    let verdict = validate(&labelled.value);
    labelled.finish(verdict)
}

/// Whether `raw` is a valid ISRC written exactly as DDEX wants it, so that cleaning says
/// `Valid` and leaves it as it is. Far cheaper than cleaning (no copies).
fn is_canonical_isrc(raw: &str) -> bool {
    raw.len() == 12
        && raw.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && validate(raw) == IdCheck::Valid
}

/// Checks a cleaned (no separators, uppercased) value against
/// `[A-Z]{2}[A-Z0-9]{3}[0-9]{7}` and the list of country prefixes.
fn validate(value: &str) -> IdCheck {
    if let Some(c) = first_disallowed(value, |c| c.is_ascii_alphanumeric()) {
        return bad_char(c, "an ISRC");
    }
    // From here on the value is ASCII, so byte slicing is character slicing.
    if value.len() != 12 {
        return invalid(format!("has {}; an ISRC has 12", count(value.len(), "character")), None);
    }
    let (country, rest) = value.split_at(2);
    let digits = &rest[3..];
    if !country.bytes().all(|b| b.is_ascii_uppercase()) {
        return invalid(
            format!("starts with '{country}'; an ISRC starts with a two-letter country code"),
            None,
        );
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return invalid(
            format!("ends with '{digits}'; the last 7 characters of an ISRC (year and number) must be digits"),
            None,
        );
    }
    if !is_isrc_country(country) {
        return invalid(format!("country code '{country}' is not an ISO 3166 code"), None);
    }
    IdCheck::Valid
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixable(normalized: &str, problem: &str) -> IdCheck {
        IdCheck::Fixable {
            normalized: normalized.into(),
            problem: problem.into(),
        }
    }

    #[test]
    fn canonical_means_valid_as_written() {
        let raws = [
            "DKBAX9600000",
            "USRC17607839",
            "ISRC12400001",
            "XYRC17607839",
            "usrc17607839",
            "US-RC1-76-07839",
            " USRC17607839",
            "USRC1760783",
            "USRC1760783A",
            "1SRC17607839",
        ];
        for raw in raws {
            crate::ids::assert_shortcut_agrees(raw, is_canonical_isrc, check_by_cleaning);
        }
    }

    fn reason(check: IdCheck) -> String {
        match check {
            IdCheck::Invalid { reason, expected: None } => reason,
            other => panic!("expected Invalid without a proposal, got {other:?}"),
        }
    }

    #[test]
    fn valid_examples() {
        for isrc in [
            "GBABC2400012",
            "JPTO09404900",
            "USRC17607839",
            "ISRC12400001",
            "QZES82400001",
        ] {
            assert_eq!(check_isrc(isrc), IdCheck::Valid, "{isrc}");
        }
    }

    #[test]
    fn formatting_only_is_fixable() {
        assert_eq!(check_isrc("GB-ABC-24-00012"), fixable("GBABC2400012", "has separators"));
        assert_eq!(check_isrc("gbabc2400012"), fixable("GBABC2400012", "is lowercase"));
        assert_eq!(
            check_isrc("ISRC GBABC2400012"),
            fixable("GBABC2400012", "has an 'ISRC' prefix")
        );
        assert_eq!(check_isrc("JP-TO0-94-04900"), fixable("JPTO09404900", "has separators"));
        assert_eq!(check_isrc("GB ABC 24 00012"), fixable("GBABC2400012", "has spaces"));
        assert_eq!(
            check_isrc(" isrc: gb-abc-24-00012\n"),
            fixable(
                "GBABC2400012",
                "has surrounding whitespace, has an 'ISRC' prefix, has separators and is lowercase"
            )
        );
        assert_eq!(
            check_isrc("GBabc2400012"),
            fixable("GBABC2400012", "has lowercase letters")
        );
        assert_eq!(
            check_isrc("JP－TO0－94－04900"),
            fixable("JPTO09404900", "has separators"),
            "full-width hyphens"
        );
    }

    #[test]
    fn wrong_country_is_invalid() {
        assert_eq!(
            reason(check_isrc("XYABC2400012")),
            "country code 'XY' is not an ISO 3166 code"
        );
        // Formatting problems do not make a wrong value fixable.
        assert_eq!(
            reason(check_isrc("xy-abc-24-00012")),
            "country code 'XY' is not an ISO 3166 code"
        );
    }

    #[test]
    fn wrong_shape_is_invalid() {
        assert_eq!(reason(check_isrc("GBABC24000123")), "has 13 characters; an ISRC has 12");
        assert_eq!(
            reason(check_isrc("GB-ABC-24-0001")),
            "has 11 characters; an ISRC has 12"
        );
        assert_eq!(
            reason(check_isrc("G1ABC2400012")),
            "starts with 'G1'; an ISRC starts with a two-letter country code"
        );
        assert_eq!(
            reason(check_isrc("GBABC24O0012")),
            "ends with '24O0012'; the last 7 characters of an ISRC (year and number) must be digits"
        );
        assert_eq!(
            reason(check_isrc("GBABC24000€2")),
            "contains '€' (U+20AC), which cannot appear in an ISRC"
        );
        assert_eq!(
            reason(check_isrc("ISRC: GB+ABC2400012")),
            "contains '+', which cannot appear in an ISRC"
        );
    }

    #[test]
    fn empty_values() {
        assert_eq!(reason(check_isrc("")), "is empty");
        assert_eq!(reason(check_isrc(" \t\n")), "is empty");
        assert_eq!(reason(check_isrc("--")), "contains no identifier characters");
    }
}
