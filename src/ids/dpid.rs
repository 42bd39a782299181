//! DPID (DDEX Party Identifier): `PA` + `DPIDA` + party number (10) + check character.

use super::mod37_36::{check, Scheme};
use super::IdCheck;

const DPID: Scheme = Scheme {
    name: "a DPID",
    prefix: "PADPIDA",
    len: 18,
};

/// Checks a DPID as written in the feed.
///
/// The DDEX Knowledge Base shows DPIDs to people as `PA-DPIDA-3897722461-G`; in XML they
/// carry no hyphens, so hyphens and spaces are `Fixable`, and so is lowercase (DPIDs are
/// issued in uppercase and the check character reads letters case-insensitively). A wrong
/// check character is `Invalid`: published example DPIDs are often wrong, and which
/// character is the typo cannot be known.
pub fn check_dpid(raw: &str) -> IdCheck {
    check(raw, &DPID)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrong_check(written: char, want: char, expected: &str) -> IdCheck {
        IdCheck::Invalid {
            reason: format!("check character is '{written}' but should be '{want}'"),
            expected: Some(expected.into()),
        }
    }

    #[test]
    fn verified_examples_are_valid() {
        for dpid in [
            "PADPIDA3897722461G",
            "PADPIDA2013042401U",
            "PADPIDA2009101501Y",
            "PADPIDA2014122301Q",
        ] {
            assert_eq!(check_dpid(dpid), IdCheck::Valid, "{dpid}");
        }
    }

    #[test]
    fn documented_bad_examples_are_invalid() {
        assert_eq!(
            check_dpid("PADPIDA2014101001U"),
            wrong_check('U', 'E', "PADPIDA2014101001E")
        );
        assert_eq!(
            check_dpid("PADPIDA2014120301U"),
            wrong_check('U', 'L', "PADPIDA2014120301L")
        );
    }

    #[test]
    fn human_readable_form_is_fixable() {
        assert_eq!(
            check_dpid("PA-DPIDA-3897722461-G"),
            IdCheck::Fixable {
                normalized: "PADPIDA3897722461G".into(),
                problem: "has separators".into()
            }
        );
        assert_eq!(
            check_dpid("PA-DPIDA-3897722461-H"),
            wrong_check('H', 'G', "PADPIDA3897722461G")
        );
    }

    #[test]
    fn wrong_shape_is_invalid() {
        let reason = |raw| match check_dpid(raw) {
            IdCheck::Invalid { reason, expected: None } => reason,
            other => panic!("{other:?}"),
        };
        assert_eq!(reason("DADPIDA3897722461J"), "does not start with 'PADPIDA'");
        assert_eq!(reason("PADPIDA3897722461"), "has 17 characters; a DPID has 18");
        assert_eq!(reason("PADPIDA2014101001UUUU"), "has 21 characters; a DPID has 18");
        assert_eq!(reason("  "), "is empty");
    }
}
