//! Two-letter prefixes an ISRC may start with.

/// ISO 3166-1 alpha-2: the 249 officially assigned codes (checked against the Debian
/// `iso-codes` package). Sorted, for binary search.
const ISO_3166_1_ALPHA_2: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB", "BD",
    "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA",
    "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE",
    "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA",
    "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK",
    "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP",
    "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT",
    "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS",
    "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ",
    "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS",
    "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST",
    "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW",
    "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI", "VN", "VU", "WF", "WS", "YE", "YT", "ZA",
    "ZM", "ZW",
];

/// Prefixes the ISRC system uses that are not ISO 3166-1 codes.
///
/// The first seven are the list of DDEX RP 2.1 rule 1011-2 (ZZ and CP, DG are the
/// International ISRC Agency's own). The rest are in the IFPI "Valid_Characters" list of
/// prefixes, as reproduced in third-party ISRC libraries (IFPI's own PDF was not read):
/// extra prefixes given to agencies that ran out of registrant codes (Brazil BC BK BP BX,
/// Canada CB, UK GX, Korea KS, US QT, South Africa ZB), QN (International Agency), XK
/// (Kosovo), and the former CS (Serbia and Montenegro) and YU (Yugoslavia), whose ISRCs stay
/// valid for ever. Rejecting these would flag real catalogue ISRCs.
const ISRC_AGENCY_PREFIXES: [&str; 20] = [
    "FX", "QM", "QZ", "UK", "CP", "DG", "ZZ", // DDEX RP 1011-2
    "BC", "BK", "BP", "BX", "CB", "GX", "KS", "QN", "QT", "ZB", "XK", // IFPI allocations
    "CS", "YU", // former countries
];

/// Whether `code` may open an ISRC.
pub(crate) fn is_isrc_country(code: &str) -> bool {
    ISO_3166_1_ALPHA_2.binary_search(&code).is_ok() || ISRC_AGENCY_PREFIXES.contains(&code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_list_is_sorted_and_unique() {
        assert!(ISO_3166_1_ALPHA_2.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn accepts_iso_and_agency_codes_only() {
        for code in ["GB", "JP", "US", "SS", "UK", "QM", "QZ", "ZZ", "FX", "CP", "DG", "QT"] {
            assert!(is_isrc_country(code), "{code}");
        }
        for code in ["XY", "AA", "EU", "gb", "", "G"] {
            assert!(!is_isrc_country(code), "{code}");
        }
    }
}
