//! Identifier checks: ISRC, ICPN (UPC/EAN), GRid, ISNI and DPID.
//!
//! Pure functions from the text written in the feed to an [`IdCheck`]. They decide which
//! problems are formatting only (`Fixable`: separators, case, a display prefix), which is
//! what `--fix` may apply safely, and compute the corrected value when a check character
//! is wrong, which is only ever proposed. None of them panics, whatever the input.

mod checksum;
mod clean;
mod country;
mod dpid;
mod grid;
mod icpn;
mod isni;
mod isrc;
mod mod37_36;

pub use checksum::{gs1_check_digit, iso7064_mod11_2_check, iso7064_mod37_36_check};
pub(crate) use clean::is_invisible;
pub use dpid::check_dpid;
pub use grid::check_grid;
pub use icpn::check_icpn;
pub use isni::check_isni;
pub use isrc::check_isrc;

/// Result of checking one identifier value as written in the feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdCheck {
    Valid,
    /// Only the formatting is wrong (separators, spaces, case, a prefix like "ISRC"):
    /// `normalized` is the correct form, `problem` says what was wrong in a short phrase
    /// a label manager understands, e.g. "has separators", "is lowercase", "has an 'ISRC' prefix".
    Fixable {
        normalized: String,
        problem: String,
    },
    /// Wrong beyond formatting. `reason` is a full sentence fragment, e.g.
    /// "check digit is 7 but should be 2", "has 11 digits; an ICPN has 8, 12, 13 or 14",
    /// "country code 'XY' is not an ISO 3166 code". `expected` = a corrected value when one
    /// can be computed (e.g. the value with the right check character), else None.
    Invalid {
        reason: String,
        expected: Option<String>,
    },
}

impl IdCheck {
    /// The identifier as DDEX wants it written: `raw` itself (trimmed) when valid, the
    /// normalized form when only its formatting is wrong; `Err(reason)` when it is wrong
    /// beyond formatting.
    pub fn clean(self, raw: &str) -> Result<String, String> {
        match self {
            IdCheck::Valid => Ok(raw.trim().to_string()),
            IdCheck::Fixable { normalized, .. } => Ok(normalized),
            IdCheck::Invalid { reason, .. } => Err(reason),
        }
    }
}

/// The property each check's shortcut for well-written values rests on: `is_canonical(raw)`
/// exactly when cleaning finds `raw` valid and written as it should be (nothing to trim).
#[cfg(test)]
pub(crate) fn assert_shortcut_agrees(raw: &str, is_canonical: fn(&str) -> bool, by_cleaning: fn(&str) -> IdCheck) {
    assert_eq!(
        is_canonical(raw),
        by_cleaning(raw) == IdCheck::Valid && raw.trim() == raw,
        "{raw:?}"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    type Check = fn(&str) -> IdCheck;

    const CHECKS: [(&str, Check); 5] = [
        ("isrc", check_isrc),
        ("icpn", check_icpn),
        ("grid", check_grid),
        ("isni", check_isni),
        ("dpid", check_dpid),
    ];

    /// Deterministic xorshift64 generator: no dependency, reproducible failures.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            self.0 = x;
            x
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        fn pick<T: Copy>(&mut self, items: &[T]) -> T {
            items[self.below(items.len())]
        }
    }

    /// Pieces that exercise every branch: valid identifiers, their labels and separators,
    /// and characters that are multi-byte, invisible, control, combining or full-width.
    const PIECES: [&str; 40] = [
        "GBABC2400012",
        "036000291452",
        "A12425GABC1234002M",
        "0000000121032683",
        "PADPIDA3897722461G",
        "ISRC",
        "isni",
        "ISNI:",
        "https://isni.org/isni/",
        "PADPIDA",
        "A1",
        "0",
        "7",
        "9",
        "x",
        "X",
        "Z",
        "a",
        "-",
        " ",
        ".",
        "_",
        "/",
        ":",
        "\u{00A0}",
        "\u{200B}",
        "\u{FEFF}",
        "\u{0301}",
        "\u{7}",
        "é",
        "Ä",
        "０",
        "－",
        "日本",
        "😀",
        "\u{202E}",
        "\u{10FFFF}",
        "\r\n",
        "\u{3000}",
        "İ",
    ];

    fn garbage(rng: &mut XorShift) -> String {
        let pieces = rng.below(8);
        (0..pieces).map(|_| rng.pick(&PIECES)).collect()
    }

    /// Invariants every check must keep, beyond not panicking.
    /// Returns 0, 1 or 2 for Valid, Fixable, Invalid so callers can tally coverage.
    fn assert_consistent(name: &str, check: Check, raw: &str) -> usize {
        match check(raw) {
            IdCheck::Valid => 0,
            IdCheck::Fixable { normalized, problem } => {
                assert!(!problem.is_empty(), "{name}: {raw:?}");
                assert_eq!(check(&normalized), IdCheck::Valid, "{name}: {raw:?} -> {normalized:?}");
                1
            }
            IdCheck::Invalid { reason, expected } => {
                assert!(!reason.is_empty(), "{name}: {raw:?}");
                assert!(reason.len() < 200, "{name}: reason must not echo huge input");
                if let Some(expected) = expected {
                    assert_eq!(check(&expected), IdCheck::Valid, "{name}: {raw:?} -> {expected:?}");
                }
                2
            }
        }
    }

    #[test]
    fn never_panics_and_stays_consistent_on_garbage() {
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        let mut seen = [[0usize; 3]; CHECKS.len()];
        for _ in 0..20_000 {
            let raw = garbage(&mut rng);
            for (i, (name, check)) in CHECKS.into_iter().enumerate() {
                seen[i][assert_consistent(name, check, &raw)] += 1;
            }
        }
        // The generator must reach every outcome of every check, or the invariants are idle.
        for (i, (name, _)) in CHECKS.into_iter().enumerate() {
            assert!(seen[i].iter().all(|&n| n > 0), "{name}: {:?}", seen[i]);
        }
    }

    #[test]
    fn single_character_edits_of_valid_ids_are_caught() {
        let mut rng = XorShift(42);
        let alphabet: Vec<char> = ('0'..='9').chain('A'..='Z').collect();
        for (name, check, valid) in [
            ("icpn", check_icpn as Check, "5901234123457"),
            ("grid", check_grid, "A12425GABC1234002M"),
            ("isni", check_isni, "1422458635730476"),
            ("dpid", check_dpid, "PADPIDA2013042401U"),
        ] {
            for _ in 0..2_000 {
                let mut chars: Vec<char> = valid.chars().collect();
                let at = rng.below(chars.len());
                let new = rng.pick(&alphabet);
                if chars[at] == new {
                    continue;
                }
                chars[at] = new;
                let edited: String = chars.into_iter().collect();
                assert_ne!(check(&edited), IdCheck::Valid, "{name}: {edited}");
                assert_consistent(name, check, &edited);
            }
        }
    }

    #[test]
    fn very_long_values_do_not_panic() {
        let long_digits = "7".repeat(1_000_000);
        let long_mixed = "GB-ABC-24-00012 日本 \u{200B}".repeat(50_000);
        for (name, check) in CHECKS {
            assert_consistent(name, check, &long_digits);
            assert_consistent(name, check, &long_mixed);
        }
        assert!(gs1_check_digit(&long_digits).is_some());
        assert!(iso7064_mod11_2_check(&long_digits).is_some());
        assert!(iso7064_mod37_36_check(&long_digits).is_some());
    }
}
