//! Property test of `--fix` on generated feeds: random mixes of fixable defects in titles,
//! names, identifiers and language attributes of the base feed, written in UTF-8 (with and
//! without BOM) and UTF-16 (LE, BE), with LF or CRLF line ends. For each:
//! - only the values a defect was put into change (checked independently of the fixer's own
//!   bookkeeping: the skeleton of the input against the output);
//! - the result is well-formed;
//! - a second `--fix` changes nothing;
//! - no fixable finding remains.
//!
//! The generator is a small deterministic PRNG: a failure names its seed and reproduces.

mod fixcommon;

use ddexlint::fix::{apply_fixes, skeleton};
use ddexlint::source::Source;

use fixcommon::{assert_only_values_changed, changed_values, fixable_left, settings_for, ENCODINGS};

/// xorshift64*: enough randomness for a generator, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Damage a text value: each defect is fixable by a safe or unsafe fix.
fn damage_text(rng: &mut Rng, value: &str) -> String {
    let mut chars: Vec<char> = value.chars().collect();
    let defects = 1 + rng.below(3);
    for _ in 0..defects {
        let at = 1 + rng.below(chars.len().saturating_sub(1).max(1));
        match rng.below(9) {
            0 => chars.insert(at, '\u{200B}'),             // zero width space
            1 => chars.insert(at, '\u{00AD}'),             // soft hyphen
            2 => chars.insert(0, ' '),                     // leading space
            3 => chars.push(' '),                          // trailing space
            4 => chars.insert(at, '\u{00A0}'),             // no-break space
            5 => chars.insert(at, '\t'),                   // tab in a one-line field
            6 => chars.extend(" e\u{0301}".chars()),       // decomposed é
            7 => drop(chars.splice(at..at, "  ".chars())), // doubled space
            _ => chars.insert(at, '\u{FF21}'),             // fullwidth A (unsafe)
        }
    }
    chars.into_iter().collect()
}

/// XML-escape for text content (the generator writes values as a feed would).
fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;")
}

/// A generated feed (UTF-8 text, LF) and the base it was made from.
fn generate(rng: &mut Rng) -> String {
    let mut text = fixcommon::base();
    // Text values: titles and names.
    for (open, value, close) in [
        ("<DisplayTitleText>", "Vinterlys", "</DisplayTitleText>"),
        ("<TitleText>", "Vinterlys", "</TitleText>"),
        ("<FullName>", "Ane Fjell", "</FullName>"),
        ("<DisplayArtistName>", "Ane Fjell", "</DisplayArtistName>"),
        (
            "<FullName>",
            "Nordlys Plater",
            "</FullName></PartyName>\n      <PartyId>",
        ),
    ] {
        if rng.below(3) == 0 {
            continue;
        }
        let from = format!("{open}{value}{close}");
        let to = format!("{open}{}{close}", esc(&damage_text(rng, value)));
        text = text.replacen(&from, &to, 1);
    }
    // Identifiers: separators and case.
    if rng.below(2) == 0 {
        let isrc = rng.pick(&["NO-ABC-26-00001", "no abc 26 00001", "ISRC NOABC2600001"]);
        text = text.replace("<ISRC>NOABC2600001</ISRC>", &format!("<ISRC>{isrc}</ISRC>"));
    }
    // Attributes: language tags.
    if rng.below(2) == 0 {
        let tag = rng.pick(&["en_US", "EN", " en ", "en-us", "iw"]);
        text = text.replacen(
            "LanguageAndScriptCode=\"en\"",
            &format!("LanguageAndScriptCode=\"{tag}\""),
            1,
        );
    }
    text
}

#[test]
fn fix_generated_feeds() {
    let settings = settings_for(&[]);
    let mut rules_applied = std::collections::BTreeSet::new();
    for seed in 1..=60u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let lf = generate(&mut rng);
        let crlf = rng.below(2) == 0;
        let text = if crlf { lf.replace('\n', "\r\n") } else { lf };
        let (_, encode) = ENCODINGS[rng.below(ENCODINGS.len())];
        let unsafe_ok = rng.below(2) == 0;
        let name = format!("seed {seed} (crlf {crlf}, unsafe {unsafe_ok})");

        // The values the generator damaged: the only ones allowed to change.
        let base = if crlf {
            fixcommon::base().replace('\n', "\r\n")
        } else {
            fixcommon::base()
        };
        let damaged = changed_values(&name, &base, &text);

        let source = Source::decode("gen.xml", encode(&text)).unwrap();
        let out = apply_fixes(&source, &settings, unsafe_ok).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_only_values_changed(&name, &source.text, &out.text);
        rules_applied.extend(out.applied.iter().map(|a| a.rule));
        let changed = changed_values(&name, &source.text, &out.text);
        let stray: Vec<_> = changed.difference(&damaged).collect();
        assert!(
            stray.is_empty(),
            "{name}: undamaged values changed: {stray:?}\n{}",
            out.text
        );
        assert_eq!(
            fixable_left(&out.remaining, unsafe_ok),
            0,
            "{name}: fixable findings remain"
        );

        // Write, read back, fix again: nothing changes.
        let written = source.encode_like_original(&out.text);
        assert_eq!(written[..2], encode(&text)[..2], "{name}: encoding changed");
        let reread = Source::decode("gen.xml", written).unwrap();
        assert_eq!(reread.text, out.text);
        let again = apply_fixes(&reread, &settings, unsafe_ok).unwrap();
        assert!(
            again.applied.is_empty(),
            "{name}: second --fix applied {:?}",
            again.applied
        );
        assert_eq!(again.text, out.text);
        assert_eq!(skeleton::cut(&again.text).len(), skeleton::cut(&text).len());
    }
    // The generator exercises the fixes it means to.
    for rule in [
        "unicode-invisible-format-characters",
        "unicode-not-nfc",
        "unicode-nonstandard-spaces",
        "unicode-control-characters",
        "unicode-compatibility-characters",
        "whitespace-trim-collapse-and-punctuation-spacing",
        "id-isrc",
        "lang-tag-malformed",
        "lang-tag-invalid-or-deprecated-subtag",
    ] {
        assert!(rules_applied.contains(rule), "{rule} never applied: {rules_applied:?}");
    }
}
