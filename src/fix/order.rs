//! The order in which fixes of one value apply: the catalogue's order of operations (§6.2).
//! Order matters because each fix rewrites the whole value: white space controls become
//! spaces before spaces are collapsed, invisible characters go before NFC composes what they
//! separated, NFC runs before white space collapsing sees composed characters.

use crate::rules::registry::RULES;

/// Rules with fixes, first to last. Rules not listed follow, in registry order.
const ORDER: &[&str] = &[
    // Re-decoding mojibake yields the characters every later step looks at.
    "unicode-mojibake",
    "unicode-control-characters",
    "unicode-invisible-format-characters",
    "unicode-bidi-controls",
    "unicode-zwj-zwnj-misplaced",
    "unicode-not-nfc",
    "unicode-nonstandard-spaces",
    "whitespace-trim-collapse-and-punctuation-spacing",
    "unicode-compatibility-characters",
    "unicode-romanian-cedilla",
    "case-greek-final-sigma",
    "lang-tag-malformed",
    "lang-tag-invalid-or-deprecated-subtag",
    "id-isrc",
    "id-icpn-check-digit",
    "id-isni",
    "label-registry-alias",
    "label-name-variant",
];

/// Sort key of a rule's fixes: lower applies first.
pub fn priority(rule: &str) -> usize {
    ORDER
        .iter()
        .position(|r| *r == rule)
        .or_else(|| RULES.iter().position(|r| r.id == rule).map(|p| ORDER.len() + p))
        .unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_order_then_registry_order() {
        assert!(priority("unicode-control-characters") < priority("unicode-not-nfc"));
        assert!(priority("unicode-not-nfc") < priority("whitespace-trim-collapse-and-punctuation-spacing"));
        assert!(priority("id-isni") < priority("ref-unused"));
        assert_eq!(priority("no-such-rule"), usize::MAX);
    }
}
