//! GRid (Global Release Identifier): `A1` + issuer code (5) + release number (10) + check.

use super::mod37_36::{check, Scheme};
use super::IdCheck;

const GRID: Scheme = Scheme {
    name: "a GRid",
    prefix: "A1",
    len: 18,
};

/// Checks a GRid as written in the feed.
///
/// Lowercase is `Fixable` rather than `Valid`: the RP regex `[a-zA-Z0-9]{18}` admits it and
/// MOD 37,36 reads letters case-insensitively, so the uppercase form is the same GRid, but
/// receivers compare identifiers as strings and the GRid standard writes them in uppercase.
/// Hyphens (the human-readable `A1-2425G-ABC1234002-M`) are `Fixable` the same way.
pub fn check_grid(raw: &str) -> IdCheck {
    check(raw, &GRID)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verified_example_is_valid() {
        assert_eq!(check_grid("A12425GABC1234002M"), IdCheck::Valid);
    }

    #[test]
    fn wrong_check_character_proposes_the_right_one() {
        assert_eq!(
            check_grid("A12425GABC1234002N"),
            IdCheck::Invalid {
                reason: "check character is 'N' but should be 'M'".into(),
                expected: Some("A12425GABC1234002M".into()),
            }
        );
    }

    #[test]
    fn case_and_hyphens_are_fixable() {
        assert_eq!(
            check_grid("a12425gabc1234002m"),
            IdCheck::Fixable {
                normalized: "A12425GABC1234002M".into(),
                problem: "is lowercase".into()
            }
        );
        assert_eq!(
            check_grid("A1-2425G-ABC1234002-M"),
            IdCheck::Fixable {
                normalized: "A12425GABC1234002M".into(),
                problem: "has separators".into()
            }
        );
        // Lowercase with a wrong check character stays invalid.
        assert!(matches!(check_grid("a12425gabc1234002n"), IdCheck::Invalid { .. }));
    }

    #[test]
    fn wrong_shape_is_invalid() {
        let reason = |raw| match check_grid(raw) {
            IdCheck::Invalid { reason, expected: None } => reason,
            other => panic!("{other:?}"),
        };
        assert_eq!(reason("A12425GABC1234002"), "has 17 characters; a GRid has 18");
        assert_eq!(reason("B12425GABC1234002M"), "does not start with 'A1'");
        assert_eq!(
            reason("A1 2425G ABC1234002 M!"),
            "contains '!', which cannot appear in a GRid"
        );
    }
}
