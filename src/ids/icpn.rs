//! ICPN: the release bar code (UPC-A 12, EAN/JAN 13, GTIN-14, EAN-8 8 digits).
//!
//! Leading zeros are significant: a bar code is a fixed-length string, not a number, so
//! nothing here ever strips or adds them silently.

use super::checksum::gs1_check_digit;
use super::clean::{bad_char, count, empty, first_disallowed, invalid, Cleaned};
use super::IdCheck;

/// Checks an ICPN (UPC/EAN/GTIN) as written in the feed.
pub fn check_icpn(raw: &str) -> IdCheck {
    if is_canonical_icpn(raw) {
        return IdCheck::Valid; // the usual case, without the cleaning's copies
    }
    check_by_cleaning(raw)
}

/// [`check_icpn`] the long way: clean a copy of the value, then validate it.
fn check_by_cleaning(raw: &str) -> IdCheck {
    let Some(mut cleaned) = Cleaned::start(raw) else {
        return empty();
    };
    cleaned.strip_separators();
    let verdict = validate(&cleaned.value);
    cleaned.finish(verdict)
}

/// Whether `raw` is a valid ICPN written exactly as DDEX wants it (digits only), so that
/// cleaning says `Valid` and leaves it as it is; without its copies.
fn is_canonical_icpn(raw: &str) -> bool {
    raw.bytes().all(|b| b.is_ascii_digit()) && validate(raw) == IdCheck::Valid
}

fn validate(digits: &str) -> IdCheck {
    if let Some(c) = first_disallowed(digits, |c| c.is_ascii_digit()) {
        return bad_char(c, "an ICPN (digits only)");
    }
    if !matches!(digits.len(), 8 | 12 | 13 | 14) {
        return wrong_length(digits);
    }
    check_digit(digits)
}

/// Compares the last digit with the GS1 mod-10 check digit of the others.
fn check_digit(digits: &str) -> IdCheck {
    let (data, written) = digits.split_at(digits.len() - 1);
    match gs1_check_digit(data) {
        Some(want) if written != want.to_string() => invalid(
            format!("check digit is {written} but should be {want}"),
            Some(format!("{data}{want}")),
        ),
        _ => IdCheck::Valid,
    }
}

/// 11 digits is usually a UPC whose leading zero a spreadsheet dropped: propose it back,
/// but only when the padded value passes the check.
fn wrong_length(digits: &str) -> IdCheck {
    let reason = format!("has {}; an ICPN has 8, 12, 13 or 14", count(digits.len(), "digit"));
    if digits.len() == 11 {
        let padded = format!("0{digits}");
        if check_digit(&padded) == IdCheck::Valid {
            return invalid(format!("{reason} (a leading zero may have been lost)"), Some(padded));
        }
    }
    invalid(reason, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_means_valid_as_written() {
        for base in [
            "",
            "579997700000",
            "03600029145",
            "0360002914",
            "9638507",
            "1234567890123",
            "579-997700000",
        ] {
            for last in ["", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "X", " "] {
                let raw = format!("{base}{last}");
                crate::ids::assert_shortcut_agrees(&raw, is_canonical_icpn, check_by_cleaning);
            }
        }
    }

    fn invalid_with(reason: &str, expected: Option<&str>) -> IdCheck {
        invalid(reason, expected.map(str::to_owned))
    }

    #[test]
    fn verified_examples_are_valid() {
        for icpn in [
            "036000291452",
            "5901234123457",
            "00094631432057",
            "04988006110809",
            "96385074",
        ] {
            assert_eq!(check_icpn(icpn), IdCheck::Valid, "{icpn}");
        }
    }

    #[test]
    fn wrong_check_digit_proposes_the_right_one() {
        assert_eq!(
            check_icpn("00094631432058"),
            invalid_with("check digit is 8 but should be 7", Some("00094631432057"))
        );
        // Separators plus a wrong digit: not fixable, and the proposal is the clean form.
        assert_eq!(
            check_icpn("5 901234 123458"),
            invalid_with("check digit is 8 but should be 7", Some("5901234123457"))
        );
    }

    #[test]
    fn separators_only_are_fixable() {
        assert_eq!(
            check_icpn("0 36000 29145 2"),
            IdCheck::Fixable {
                normalized: "036000291452".into(),
                problem: "has spaces".into()
            }
        );
        assert_eq!(
            check_icpn("5-901234-123457"),
            IdCheck::Fixable {
                normalized: "5901234123457".into(),
                problem: "has separators".into()
            }
        );
    }

    #[test]
    fn lost_leading_zero_is_proposed() {
        assert_eq!(
            check_icpn("36000291452"),
            invalid_with(
                "has 11 digits; an ICPN has 8, 12, 13 or 14 (a leading zero may have been lost)",
                Some("036000291452"),
            )
        );
        assert_eq!(
            check_icpn("36000291453"),
            invalid_with("has 11 digits; an ICPN has 8, 12, 13 or 14", None)
        );
    }

    #[test]
    fn non_digits_and_lengths() {
        assert_eq!(
            check_icpn("UPC 036000291452"),
            invalid_with("contains 'U', which cannot appear in an ICPN (digits only)", None)
        );
        assert_eq!(
            check_icpn("1"),
            invalid_with("has 1 digit; an ICPN has 8, 12, 13 or 14", None)
        );
        assert_eq!(check_icpn(""), invalid_with("is empty", None));
    }
}
