//! ISNI (ISO 27729): 15 digits + an ISO 7064 MOD 11-2 check character (`0-9` or `X`).

use super::checksum::iso7064_mod11_2_check;
use super::clean::{bad_char, count, empty, first_disallowed, invalid, Cleaned};
use super::IdCheck;

/// isni.org URL forms people paste instead of the bare identifier.
const URL_PREFIXES: [&str; 5] = [
    "https://isni.org/isni/",
    "http://isni.org/isni/",
    "https://www.isni.org/isni/",
    "http://www.isni.org/isni/",
    "isni.org/isni/",
];

/// Checks an ISNI as written in the feed.
///
/// ISNIs are displayed as "ISNI 0000 0001 2103 2683"; in XML they are bare. The display
/// label, an isni.org URL, spaces or hyphens, and a lowercase `x` check character are
/// formatting only (`Fixable`). A wrong check character is `Invalid`.
pub fn check_isni(raw: &str) -> IdCheck {
    if is_canonical_isni(raw) {
        return IdCheck::Valid; // the usual case, without the cleaning's copies
    }
    check_by_cleaning(raw)
}

/// [`check_isni`] the long way: clean a copy of the value, then validate it.
fn check_by_cleaning(raw: &str) -> IdCheck {
    let Some(mut cleaned) = Cleaned::start(raw) else {
        return empty();
    };
    cleaned.strip_any_prefix(&URL_PREFIXES, "is an isni.org URL");
    cleaned.strip_label("ISNI", "has an 'ISNI' prefix");
    cleaned.strip_separators();
    cleaned.uppercase_trailing_x("has a lowercase 'x'");
    let verdict = validate(&cleaned.value);
    cleaned.finish(verdict)
}

/// Whether `raw` is a valid ISNI written exactly as DDEX wants it (bare, uppercase `X`), so
/// that cleaning says `Valid` and leaves it as it is; without its copies.
fn is_canonical_isni(raw: &str) -> bool {
    raw.len() == 16 && raw.bytes().all(|b| b.is_ascii_digit() || b == b'X') && validate(raw) == IdCheck::Valid
}

fn validate(value: &str) -> IdCheck {
    if let Some(c) = first_disallowed(value, |c| c.is_ascii_digit() || c == 'X') {
        return bad_char(c, "an ISNI");
    }
    if value.len() != 16 {
        return invalid(format!("has {}; an ISNI has 16", count(value.len(), "character")), None);
    }
    let (data, written) = value.split_at(15);
    if data.contains('X') {
        return invalid("has an 'X' before the end; only the check character may be X", None);
    }
    match iso7064_mod11_2_check(data) {
        Some(want) if !written.starts_with(want) => invalid(
            format!("check character is {written} but should be {want}"),
            Some(format!("{data}{want}")),
        ),
        _ => IdCheck::Valid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_means_valid_as_written() {
        for base in [
            "000000012103268",
            "000000012146438",
            "00000001210326X",
            "12345",
            "0000 0001 2103 268",
        ] {
            for last in ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "X", "x", " "] {
                let raw = format!("{base}{last}");
                crate::ids::assert_shortcut_agrees(&raw, is_canonical_isni, check_by_cleaning);
            }
        }
    }

    fn fixable(normalized: &str, problem: &str) -> IdCheck {
        IdCheck::Fixable {
            normalized: normalized.into(),
            problem: problem.into(),
        }
    }

    #[test]
    fn verified_examples_are_valid() {
        for isni in [
            "1422458635730476",
            "0000000121032683",
            "0000000122807671",
            "000000021694233X",
        ] {
            assert_eq!(check_isni(isni), IdCheck::Valid, "{isni}");
        }
    }

    #[test]
    fn display_forms_are_fixable() {
        assert_eq!(
            check_isni("ISNI 0000 0001 2103 2683"),
            fixable("0000000121032683", "has an 'ISNI' prefix and has spaces")
        );
        assert_eq!(
            check_isni("0000-0001-2103-2683"),
            fixable("0000000121032683", "has separators")
        );
        assert_eq!(
            check_isni("isni:0000000121032683"),
            fixable("0000000121032683", "has an 'ISNI' prefix")
        );
        assert_eq!(
            check_isni("https://isni.org/isni/0000000121032683"),
            fixable("0000000121032683", "is an isni.org URL")
        );
        assert_eq!(
            check_isni("000000021694233x"),
            fixable("000000021694233X", "has a lowercase 'x'")
        );
    }

    #[test]
    fn wrong_check_character_proposes_the_right_one() {
        assert_eq!(
            check_isni("0000000121032684"),
            invalid("check character is 4 but should be 3", Some("0000000121032683".into()))
        );
        assert_eq!(
            check_isni("ISNI 0000 0001 2103 2684"),
            invalid("check character is 4 but should be 3", Some("0000000121032683".into()))
        );
    }

    #[test]
    fn wrong_shape_is_invalid() {
        assert_eq!(
            check_isni("000000012103268"),
            invalid("has 15 characters; an ISNI has 16", None)
        );
        assert_eq!(
            check_isni("00000001X1032683"),
            invalid("has an 'X' before the end; only the check character may be X", None)
        );
        assert_eq!(
            check_isni("0000000A21032683"),
            invalid("contains 'A', which cannot appear in an ISNI", None)
        );
        assert_eq!(check_isni(""), invalid("is empty", None));
    }
}
