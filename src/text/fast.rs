//! Unicode property lookups with an ASCII fast path. The property crates binary-search their
//! tables for every character; feeds are mostly ASCII and the text rules ask per character,
//! so ASCII answers come from tables filled once from the same crates.

use std::sync::LazyLock;

use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};
use unicode_script::{ScriptExtension, UnicodeScript};

static ASCII_GC: LazyLock<[GeneralCategory; 128]> =
    LazyLock::new(|| std::array::from_fn(|i| (i as u8 as char).general_category()));
static ASCII_GC_GROUP: LazyLock<[GeneralCategoryGroup; 128]> =
    LazyLock::new(|| std::array::from_fn(|i| (i as u8 as char).general_category_group()));
static ASCII_SCRIPT_EXT: LazyLock<[ScriptExtension; 128]> =
    LazyLock::new(|| std::array::from_fn(|i| (i as u8 as char).script_extension()));

/// `general_category`, `general_category_group` and `script_extension`, answered from a
/// table for ASCII and by the property crates otherwise.
pub trait FastUnicode {
    fn general_category_fast(self) -> GeneralCategory;
    fn general_category_group_fast(self) -> GeneralCategoryGroup;
    fn script_extension_fast(self) -> ScriptExtension;
}

impl FastUnicode for char {
    #[inline]
    fn general_category_fast(self) -> GeneralCategory {
        if self.is_ascii() {
            ASCII_GC[self as usize]
        } else {
            self.general_category()
        }
    }
    #[inline]
    fn general_category_group_fast(self) -> GeneralCategoryGroup {
        if self.is_ascii() {
            ASCII_GC_GROUP[self as usize]
        } else {
            self.general_category_group()
        }
    }
    #[inline]
    fn script_extension_fast(self) -> ScriptExtension {
        if self.is_ascii() {
            ASCII_SCRIPT_EXT[self as usize]
        } else {
            self.script_extension()
        }
    }
}

/// The byte values a text holds. A character can only be in a text whose set has every byte
/// of its UTF-8 encoding, so one test per text rules out the many texts that cannot hold what
/// a rule looks for, before any per-character decoding or property lookup.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ByteSet {
    ascii: u128,
    high: u128,
}

impl ByteSet {
    pub fn of(s: &str) -> ByteSet {
        // Four 64-bit words indexed by the byte's top two bits: no branch and no 128-bit
        // shift per byte.
        let mut words = [0u64; 4];
        for &b in s.as_bytes() {
            words[usize::from(b >> 6)] |= 1 << (b & 63);
        }
        let join = |lo: u64, hi: u64| u128::from(lo) | u128::from(hi) << 64;
        ByteSet {
            ascii: join(words[0], words[1]),
            high: join(words[2], words[3]),
        }
    }

    #[inline]
    pub fn has(&self, b: u8) -> bool {
        if b < 0x80 {
            self.ascii & (1 << b) != 0
        } else {
            self.high & (1 << (b & 0x7F)) != 0
        }
    }

    /// Whether the set has a byte in `lo..=hi`.
    #[inline]
    pub fn has_in(&self, lo: u8, hi: u8) -> bool {
        (lo..=hi).any(|b| self.has(b))
    }

    /// Whether the text is ASCII.
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.high == 0
    }

    /// Whether `c` may be in the text: every byte of its UTF-8 encoding is.
    #[inline]
    pub fn may_have(&self, c: char) -> bool {
        c.encode_utf8(&mut [0; 4]).bytes().all(|b| self.has(b))
    }

    /// Whether any of `chars` may be in the text ([`ByteSet::may_have`]).
    #[inline]
    pub fn may_have_any(&self, chars: &[char]) -> bool {
        chars.iter().any(|&c| self.may_have(c))
    }

    /// Whether a character of `lo..=hi` may be in the text (UTF-8 keeps code point order).
    #[inline]
    pub fn may_have_range(&self, lo: char, hi: char) -> bool {
        let (mut a, mut b) = ([0; 4], [0; 4]);
        let (a, b) = (lo.encode_utf8(&mut a).as_bytes(), hi.encode_utf8(&mut b).as_bytes());
        if a.len() != b.len() {
            return self.has_in(a[0], b[0]);
        }
        // Same length: the characters between share the prefix both ends share, and their next
        // byte lies between theirs.
        for (&x, &y) in a.iter().zip(b) {
            if x != y {
                return self.has_in(x, y);
            }
            if !self.has(x) {
                return false;
            }
        }
        true
    }
}

/// How many distinct non-ASCII characters [`TextFacts`] keeps.
const WIDE: usize = 6;

/// What one pass over a text tells: its byte values, and its distinct non-ASCII characters
/// when there are at most a few (most Latin text has one or two: `ø`, `é`, `℗`). Rules test
/// these before reading the text itself, which for most texts they never need to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextFacts {
    pub bytes: ByteSet,
    wide: [char; WIDE],
    /// Number of `wide` in use; `WIDE + 1` when the text has more.
    n: u8,
    /// The first and last byte (0 for an empty text).
    pub first: u8,
    pub last: u8,
    /// The [`SPACE_NEIGHBOURS`] right after a space (U+0020), and right before one: bit
    /// `i` for `SPACE_NEIGHBOURS[i]`. Sixteen bits, not one per byte 0x20–0x5F, keep the
    /// facts of a text in 64 bytes (a batch file has hundreds of thousands of texts).
    after_space: u16,
    before_space: u16,
}

/// The bytes whose spacing [`TextFacts`] records exactly: the space and the punctuation the
/// spacing rules look at.
const SPACE_NEIGHBOURS: &[u8; 16] = b" !\"'(),-./:;?[]}";

/// The bit of `b` in [`TextFacts`]' space neighbours, if it has one.
const fn space_bit(b: u8) -> Option<u16> {
    let mut i = 0;
    while i < SPACE_NEIGHBOURS.len() {
        if SPACE_NEIGHBOURS[i] == b {
            return Some(1 << i);
        }
        i += 1;
    }
    None
}

/// [`space_bit`] of every byte, 0 for none: one table lookup per byte asked about.
const SPACE_BITS: [u16; 256] = {
    let mut bits = [0; 256];
    let mut b = 0;
    while b < 256 {
        if let Some(bit) = space_bit(b as u8) {
            bits[b] = bit;
        }
        b += 1;
    }
    bits
};

impl TextFacts {
    pub fn of(s: &str) -> TextFacts {
        let bytes = ByteSet::of(s);
        let b = s.as_bytes();
        let mut facts = TextFacts {
            bytes,
            first: b.first().copied().unwrap_or(0),
            last: b.last().copied().unwrap_or(0),
            ..TextFacts::default()
        };
        if bytes.has(b' ') {
            for pair in b.windows(2) {
                let (x, y) = (pair[0], pair[1]);
                if x == b' ' {
                    facts.after_space |= SPACE_BITS[usize::from(y)];
                }
                if y == b' ' {
                    facts.before_space |= SPACE_BITS[usize::from(x)];
                }
            }
        }
        if bytes.is_ascii() {
            return facts;
        }
        for c in s.chars().filter(|c| !c.is_ascii()) {
            if facts.wide[..usize::from(facts.n)].contains(&c) {
                continue;
            }
            if usize::from(facts.n) == WIDE {
                facts.n += 1;
                break;
            }
            facts.wide[usize::from(facts.n)] = c;
            facts.n += 1;
        }
        facts
    }

    /// The distinct non-ASCII characters of the text, in order of appearance; `None` when
    /// there are too many to keep.
    #[inline]
    pub fn wide_chars(&self) -> Option<&[char]> {
        self.wide.get(..usize::from(self.n))
    }

    /// Whether a non-ASCII character of the text may satisfy `pred`: exact when the text has
    /// few of them, otherwise `otherwise(bytes)` (a test on [`ByteSet`]) decides.
    #[inline]
    pub fn may_have_wide(&self, pred: impl Fn(char) -> bool, otherwise: impl FnOnce(&ByteSet) -> bool) -> bool {
        match self.wide_chars() {
            Some(cs) => cs.iter().any(|&c| pred(c)),
            None => otherwise(&self.bytes),
        }
    }

    /// Whether the text may hold one of `chars` (all non-ASCII).
    #[inline]
    pub fn may_have_any(&self, chars: &[char]) -> bool {
        self.may_have_wide(|c| chars.contains(&c), |b| b.may_have_any(chars))
    }

    /// Whether a space (U+0020) of the text may be right before the byte `next` (exact for
    /// the sixteen bytes the facts track: space and `!"'(),-./:;?[]}`).
    #[inline]
    pub fn has_space_before(&self, next: u8) -> bool {
        let bit = SPACE_BITS[usize::from(next)];
        bit == 0 || self.after_space & bit != 0
    }

    /// Whether a space (U+0020) of the text may be right after the byte `prev` (exact for
    /// the sixteen bytes the facts track).
    #[inline]
    pub fn has_space_after(&self, prev: u8) -> bool {
        let bit = SPACE_BITS[usize::from(prev)];
        bit == 0 || self.before_space & bit != 0
    }

    /// Whether the text has an ASCII letter.
    #[inline]
    pub fn has_ascii_letter(&self) -> bool {
        const LETTERS: u128 = (((1u128 << 26) - 1) << 0x41) | (((1u128 << 26) - 1) << 0x61);
        self.bytes.ascii & LETTERS != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_crates() {
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            assert_eq!(c.general_category_fast(), c.general_category());
            assert_eq!(c.general_category_group_fast(), c.general_category_group());
            assert_eq!(c.script_extension_fast(), c.script_extension());
        }
    }

    #[test]
    fn byte_sets() {
        let s = ByteSet::of("Sørensen’s \u{200D}");
        assert!(!s.is_ascii());
        assert!(ByteSet::of("Talvi").is_ascii());
        for c in ['S', 'ø', '’', '\u{200D}', ' '] {
            assert!(s.may_have(c), "{c}");
        }
        for c in ['x', 'ö', '\u{200C}', '“'] {
            assert!(!s.may_have(c), "{c}");
        }
        assert!(s.may_have_any(&['x', 'ø']));
        assert!(s.may_have_range('\u{2000}', '\u{206F}'));
        assert!(!s.may_have_range('\u{3000}', '\u{3FFF}'));
        assert!(s.has_in(b'a', b'f'));
        assert!(!s.may_have_range('\u{2018}', '\u{2019}') || s.may_have('’'));
        assert!(!ByteSet::of("℗ ©").may_have_range('\u{2160}', '\u{217F}'));
    }

    #[test]
    fn byte_set_has_exactly_the_bytes_of_the_text() {
        for s in [
            "",
            "Talvi",
            "Sørensen’s \u{200D}",
            "\u{7F}\u{80}\u{BF}\u{FFFF}\u{10FFFF} ~",
        ] {
            let set = ByteSet::of(s);
            for b in 0..=255u8 {
                assert_eq!(set.has(b), s.as_bytes().contains(&b), "{s:?} {b:#x}");
            }
        }
    }

    #[test]
    fn text_facts() {
        let f = TextFacts::of("℗ 2024 Sølvtrykk ø");
        assert_eq!(f.wide_chars(), Some(&['℗', 'ø'][..]));
        assert!(f.has_ascii_letter());
        assert!(f.may_have_any(&['ø']));
        assert!(!f.may_have_any(&['é']));
        assert!(!TextFacts::of("2024 ©").has_ascii_letter());
        assert_eq!(TextFacts::of("Talvi").wide_chars(), Some(&[][..]));
        let many = TextFacts::of("Ελληνικός");
        assert_eq!(many.wide_chars(), None);
        assert!(many.may_have_any(&['λ']));
        assert!(many.may_have_wide(|c| c == 'x', |_| true));
        let f = TextFacts::of("Talvi ( Live ) ,x  y");
        assert!(f.has_space_before(b','));
        assert!(f.has_space_before(b' '));
        assert!(f.has_space_after(b'('));
        assert!(f.has_space_before(b'x')); // not kept: "may"
        assert!(!f.has_space_after(b','));
        assert_eq!((f.first, f.last), (b'T', b'y'));
        assert!(std::mem::size_of::<TextFacts>() <= 64);
        // Exact for every byte the spacing rule asks about.
        for &x in b" ,)].([" {
            assert!(SPACE_NEIGHBOURS.contains(&x));
        }
    }
}
