//! XML 1.0 character classes (Fifth Edition): what may appear in a document and in names.

/// `Char` production: what may appear anywhere in an XML 1.0 document.
#[inline]
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// The first character of a character that is not allowed, if any. Fast path for ASCII.
pub fn first_invalid_char(s: &str) -> Option<(usize, char)> {
    let bytes = s.as_bytes();
    // Only bytes < 0x20 and the sequences for U+FFFE/U+FFFF (EF BF BE/BF) can be invalid in UTF-8 text.
    let suspicious = bytes
        .iter()
        .position(|&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0xEF)?;
    s[suspicious..]
        .char_indices()
        .map(|(i, c)| (i + suspicious, c))
        .find(|&(_, c)| !is_xml_char(c))
}

#[inline]
pub fn is_name_start_char(c: char) -> bool {
    matches!(c,
        ':' | 'A'..='Z' | '_' | 'a'..='z'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

#[inline]
pub fn is_name_char(c: char) -> bool {
    is_name_start_char(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// `Name` production.
pub fn is_name(s: &str) -> bool {
    // Nearly every name in a feed is ASCII: check bytes against a table (0 for non-ASCII
    // bytes, so a name that passes is ASCII; one that fails is decided by chars if not ASCII).
    if let Some((&first, rest)) = s.as_bytes().split_first() {
        if ASCII_NAME[first as usize] == 2 && rest.iter().all(|&b| ASCII_NAME[b as usize] > 0) {
            return true;
        }
        if s.is_ascii() {
            return false;
        }
    }
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if is_name_start_char(c)) && chars.all(is_name_char)
}

/// The element name at the start of a tag's content (up to the first XML space), in one pass:
/// its length, whether it is certainly a `Name` (an ASCII name: otherwise ask [`is_name`]),
/// and whether it has a `:` (a prefix to check).
#[inline]
pub fn scan_tag_name(raw: &str) -> TagName {
    let bytes = raw.as_bytes();
    let first_class = bytes.first().map_or(0, |&b| TAG_NAME_CLASS[b as usize]);
    // One table look-up per byte: the classes of the name's bytes, and-ed and or-ed.
    let (mut all, mut any) = (NAME_START | NAME_CHAR, 0);
    let mut len = bytes.len();
    for (i, &b) in bytes.iter().enumerate() {
        let class = TAG_NAME_CLASS[b as usize];
        if class & SPACE != 0 {
            len = i;
            break;
        }
        all &= class;
        any |= class;
    }
    TagName {
        len,
        ascii_name: first_class & NAME_START != 0 && all & NAME_CHAR != 0,
        has_colon: any & COLON != 0,
    }
}

/// The run of ASCII name bytes at the start of a tag's content, as [`scan_tag_name`] would
/// describe it if the tag held nothing else. The tokenizer reads it first: when it ends at
/// the tag's '>' (most tags), the tag needs no quote-aware search and no second scan.
#[inline]
pub fn scan_ascii_name(bytes: &[u8]) -> TagName {
    let first_class = bytes.first().map_or(0, |&b| TAG_NAME_CLASS[b as usize]);
    // Most names are mostly letters: skip those eight at a time, the rest byte by byte.
    let mut len = 0;
    while let Some(word) = bytes.get(len..len + 8) {
        let letters = ascii_letters(u64::from_le_bytes(word.try_into().expect("eight bytes")));
        if letters != HIGH_BITS {
            len += (!letters & HIGH_BITS).trailing_zeros() as usize / 8;
            break;
        }
        len += 8;
    }
    let mut any = 0; // classes of the bytes after the letters (a letter is no colon)
    for &b in &bytes[len..] {
        let class = TAG_NAME_CLASS[b as usize];
        if class & NAME_CHAR == 0 {
            break;
        }
        any |= class;
        len += 1;
    }
    TagName {
        len,
        ascii_name: first_class & NAME_START != 0,
        has_colon: any & COLON != 0,
    }
}

/// The high bit of every byte of a word (for the eight-bytes-at-a-time scans).
pub(crate) const HIGH_BITS: u64 = u64::from_le_bytes([0x80; 8]);

/// The high bit of each byte of `word` that is an ASCII letter.
#[inline]
fn ascii_letters(word: u64) -> u64 {
    let splat = |b: u8| u64::from_le_bytes([b; 8]);
    // Lower case, without the high bit: no sum below carries into the next byte.
    let lower = (word | splat(0x20)) & splat(0x7F);
    let from_a = lower + splat(0x80 - b'a'); // high bit set: >= 'a'
    let past_z = lower + splat(0x80 - b'z' - 1); // high bit set: > 'z'
    from_a & !past_z & !word & HIGH_BITS
}

/// What [`scan_tag_name`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TagName {
    pub len: usize,
    /// An ASCII `Name` (a non-ASCII name may still be one: see [`is_name`]).
    pub ascii_name: bool,
    pub has_colon: bool,
}

/// For ASCII bytes: 2 = may start a name, 1 = may continue one, 0 = neither.
static ASCII_NAME: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() || c == b'_' || c == b':' {
            2
        } else if c.is_ascii_digit() || c == b'-' || c == b'.' {
            1
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Byte classes for [`scan_tag_name`] (a byte may be in several).
const NAME_CHAR: u8 = 1;
const NAME_START: u8 = 2;
const COLON: u8 = 4;
const SPACE: u8 = 8;

static TAG_NAME_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match ASCII_NAME[b] {
            2 => NAME_START | NAME_CHAR,
            1 => NAME_CHAR,
            _ => 0,
        };
        b += 1;
    }
    t[b':' as usize] |= COLON;
    t[b' ' as usize] = SPACE;
    t[b'\t' as usize] = SPACE;
    t[b'\n' as usize] = SPACE;
    t[b'\r' as usize] = SPACE;
    t
};

/// Bytes after which text (without markup) needs a closer look: control characters
/// (including CR, for end-of-line handling), the lead byte of U+FFFE/U+FFFF, and '>' (of "]]>").
/// Text without any of them is valid as it stands.
pub fn text_needs_checks(s: &str) -> bool {
    s.bytes().any(|b| SPECIAL[b as usize] & IN_TEXT != 0)
}

/// The same for a raw attribute value: control characters (tab, LF and CR are normalized),
/// the lead byte of U+FFFE/U+FFFF, '<' and '&'.
pub fn attr_value_needs_checks(s: &str) -> bool {
    s.bytes().any(|b| SPECIAL[b as usize] & IN_ATTR != 0)
}

const IN_TEXT: u8 = 1;
const IN_ATTR: u8 = 2;

static SPECIAL: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = IN_TEXT | IN_ATTR;
        b += 1;
    }
    t[b'\t' as usize] = IN_ATTR;
    t[b'\n' as usize] = IN_ATTR;
    t[0xEF] = IN_TEXT | IN_ATTR;
    t[b'>' as usize] = IN_TEXT;
    t[b'<' as usize] = IN_ATTR;
    t[b'&' as usize] = IN_ATTR;
    t
};

#[inline]
pub fn is_xml_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

#[cfg(test)]
mod tag_name_tests {
    use super::*;

    #[test]
    fn scan_agrees_with_is_name_and_the_first_space() {
        for raw in [
            "a",
            "Release",
            "ern:NewReleaseMessage",
            "a b=\"1\"",
            "a\tb",
            "1a",
            "-a",
            "a-b.c_d",
            "",
            " a",
            "Tëst",
            "名前 x",
            "a:b:c",
            "a/",
        ] {
            let t = scan_tag_name(raw);
            let name = &raw[..raw.find([' ', '\t', '\n', '\r']).unwrap_or(raw.len())];
            assert_eq!(t.len, name.len(), "{raw:?}");
            assert_eq!(t.has_colon, name.contains(':'), "{raw:?}");
            if t.ascii_name {
                assert!(is_name(name), "{raw:?}");
            } else {
                assert!(!name.is_ascii() || !is_name(name), "{raw:?}");
            }
            // A tag holding only an ASCII name is described alike by both scans.
            let ascii = scan_ascii_name(raw.as_bytes());
            if ascii.len == raw.len() {
                assert_eq!(ascii, t, "{raw:?}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_name_scan_agrees_with_a_byte_loop() {
        let base = b"ResourceReferenceList";
        for len in 0..base.len() {
            for at in 0..=len {
                for b in 0..=255u8 {
                    let mut bytes = base[..len].to_vec();
                    if at < len {
                        bytes[at] = b;
                    } else {
                        bytes.push(b);
                    }
                    let name_len = bytes
                        .iter()
                        .position(|&c| TAG_NAME_CLASS[c as usize] & NAME_CHAR == 0)
                        .unwrap_or(bytes.len());
                    let t = scan_ascii_name(&bytes);
                    assert_eq!(t.len, name_len, "{bytes:?}");
                    assert_eq!(t.has_colon, bytes[..name_len].contains(&b':'), "{bytes:?}");
                    assert_eq!(
                        t.ascii_name,
                        bytes.first().is_some_and(|&c| ASCII_NAME[c as usize] == 2),
                        "{bytes:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn names() {
        assert!(is_name("ern:NewReleaseMessage"));
        assert!(is_name("Titre_é"));
        assert!(!is_name("1a"));
        assert!(!is_name(" y"));
        assert!(!is_name(""));
    }

    #[test]
    fn what_needs_checks() {
        assert!(!text_needs_checks("plain text, é 夢 \t\n"));
        for s in ["a\rb", "]]>", "\u{FFFE}", "\u{1}", "ﬁ"] {
            assert!(text_needs_checks(s), "{s:?}");
        }
        assert!(!attr_value_needs_checks("plain > é"));
        for s in ["a\tb", "a\nb", "a\rb", "<", "&amp;", "\u{FFFF}", "\u{1}"] {
            assert!(attr_value_needs_checks(s), "{s:?}");
        }
    }

    #[test]
    fn chars() {
        assert_eq!(first_invalid_char("ok\tfine"), None);
        assert_eq!(first_invalid_char("a\u{1}b"), Some((1, '\u{1}')));
        assert_eq!(first_invalid_char("a\u{FFFE}"), Some((1, '\u{FFFE}')));
        assert_eq!(first_invalid_char("ﬁ夢"), None);
    }
}
