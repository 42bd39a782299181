//! A file's bytes to text: UTF-8 (a byte order mark optional), UTF-16 with a byte order mark
//! or recognised by its first character; and back, for writing a fixed file.

use super::{Bytes, DecodeError, Encoding, Text};

pub(super) fn decode_bytes(bytes: Bytes) -> Result<(Text, Encoding), DecodeError> {
    if bytes.len() > u32::MAX as usize - 1 {
        return Err(DecodeError {
            byte_offset: 0,
            message: "file is larger than 4 GiB".into(),
            bytes: Vec::new(),
        });
    }
    let utf16 = |from: usize, big_endian: bool, encoding: Encoding| {
        utf16(&bytes[from..], big_endian, from).map(|t| (Text::from(t), encoding))
    };
    if bytes.starts_with(b"\xFF\xFE") {
        return utf16(2, false, Encoding::Utf16Le);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return utf16(2, true, Encoding::Utf16Be);
    }
    if bytes.starts_with(b"<\0?\0") {
        return utf16(0, false, Encoding::Utf16Le);
    }
    if bytes.starts_with(b"\0<\0?") {
        return utf16(0, true, Encoding::Utf16Be);
    }
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let encoding = Encoding::Utf8 { bom };
    match bytes {
        Bytes::Owned(mut bytes) => {
            if bom {
                // In place: a copy of a large file would fill as many fresh pages again.
                bytes.drain(..3);
            }
            utf8(bytes, if bom { 3 } else { 0 }).map(|t| (Text::from(t), encoding))
        }
        Bytes::Mapped(map) => {
            let start = if bom { 3 } else { 0 };
            if is_utf8(&map[start..]) {
                // SAFETY: just validated as UTF-8.
                return Ok((unsafe { Text::mapped(map, start) }, encoding));
            }
            let at = std::str::from_utf8(&map[start..]).map_or_else(|e| e.valid_up_to(), |t| t.len());
            Err(not_utf8(
                map[start..start + at].to_vec(),
                map.get(start + at).copied(),
                start,
            ))
        }
    }
}

/// Whether `bytes` are UTF-8, a large file's two halves checked on two cores (text is valid
/// exactly when both halves are, if the cut falls on a character's first byte).
fn is_utf8(bytes: &[u8]) -> bool {
    const TWO_HALVES_FROM: usize = 8 << 20;
    let valid = |b: &[u8]| simdutf8::basic::from_utf8(b).is_ok();
    if bytes.len() < TWO_HALVES_FROM {
        return valid(bytes);
    }
    let mut cut = bytes.len() / 2;
    // Back to a character's first byte: at most three continuation bytes precede it.
    for _ in 0..3 {
        if bytes[cut] & 0xC0 == 0x80 {
            cut -= 1;
        }
    }
    let (a, b) = bytes.split_at(cut);
    let (a, b) = rayon::join(|| valid(a), || valid(b));
    a && b
}

fn utf8(bytes: Vec<u8>, base: usize) -> Result<String, DecodeError> {
    // SIMD validation first (several times faster on large files); std finds the error offset.
    if is_utf8(&bytes) {
        // SAFETY: just validated as UTF-8.
        return Ok(unsafe { String::from_utf8_unchecked(bytes) });
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bad = e.as_bytes().get(at).copied();
        let mut prefix = e.into_bytes();
        prefix.truncate(at);
        not_utf8(prefix, bad, base)
    })
}

/// The error of a text that is UTF-8 up to the end of `prefix` (read after `base` bytes of
/// byte order mark), where `bad` is.
fn not_utf8(mut prefix: Vec<u8>, bad: Option<u8>, base: usize) -> DecodeError {
    let at = prefix.len();
    if base > 0 {
        prefix.splice(0..0, std::iter::repeat_n(b' ', base));
    }
    DecodeError {
        bytes: prefix,
        byte_offset: base + at,
        message: format!(
            "byte 0x{:02X} at offset {} is not valid UTF-8; the file may be in another encoding (Latin-1, Windows-1252)",
            bad.unwrap_or(0),
            base + at
        ),
    }
}

fn utf16(bytes: &[u8], big_endian: bool, base: usize) -> Result<String, DecodeError> {
    if bytes.len() % 2 != 0 {
        return Err(DecodeError {
            byte_offset: base + bytes.len() - 1,
            message: "UTF-16 file has an odd number of bytes".into(),
            bytes: Vec::new(),
        });
    }
    let units = bytes.chunks_exact(2).map(|c| {
        if big_endian {
            u16::from_be_bytes([c[0], c[1]])
        } else {
            u16::from_le_bytes([c[0], c[1]])
        }
    });
    let mut out = String::with_capacity(bytes.len() / 2);
    for (i, r) in char::decode_utf16(units).enumerate() {
        match r {
            Ok(c) => out.push(c),
            Err(e) => {
                return Err(DecodeError {
                    bytes: Vec::new(),
                    byte_offset: base + i * 2,
                    message: format!("unpaired UTF-16 surrogate 0x{:04X}", e.unpaired_surrogate()),
                })
            }
        }
    }
    Ok(out)
}

pub(super) fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 { bom } => {
            let mut out = Vec::with_capacity(text.len() + 3);
            if bom {
                out.extend_from_slice(b"\xEF\xBB\xBF");
            }
            out.extend_from_slice(text.as_bytes());
            out
        }
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let be = encoding == Encoding::Utf16Be;
            let mut out = Vec::with_capacity(text.len() * 2 + 2);
            out.extend_from_slice(if be { b"\xFE\xFF" } else { b"\xFF\xFE" });
            for u in text.encode_utf16() {
                out.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;

    #[test]
    fn large_text_is_checked_in_halves_like_a_whole() {
        // 10 MiB of two- and three-byte characters, the middle falling inside one.
        let text = format!("ab{}", "é日".repeat(1 << 21));
        assert!(text.len() >= 8 << 20 && !text.is_char_boundary(text.len() / 2));
        assert!(is_utf8(text.as_bytes()));
        for at in [
            10,
            text.len() / 2 - 1,
            text.len() / 2,
            text.len() / 2 + 1,
            text.len() - 1,
        ] {
            let mut bytes = text.clone().into_bytes();
            bytes[at] = 0xFF;
            assert!(!is_utf8(&bytes), "0xFF at {at}");
        }
        // A character cut at the very end.
        let bytes = text.as_bytes();
        assert!(!is_utf8(&bytes[..bytes.len() - 1]));
    }

    #[test]
    fn utf16_round_trips() {
        for enc in [Encoding::Utf16Le, Encoding::Utf16Be, Encoding::Utf8 { bom: true }] {
            let text = "<a>Ελλάδα 夢</a>";
            let bytes = encode(text, enc);
            let s = Source::decode("x", bytes.clone()).unwrap();
            assert_eq!(s.text, text);
            assert_eq!(s.encoding, enc);
            assert_eq!(s.encode_like_original(&s.text), bytes);
        }
    }

    #[test]
    fn a_mapped_file_decodes_as_its_bytes_do() {
        use std::io::Write;
        let files: [&[u8]; 5] = [
            b"<a>\xCE\x95\xCE\xBB</a>",
            b"\xEF\xBB\xBF<a>\xCE\x95</a>",
            b"<a>caf\xE9</a>",
            b"\xEF\xBB\xBF<a>caf\xE9</a>",
            &[0xFF, 0xFE, b'<', 0, b'a', 0, b'/', 0, b'>', 0],
        ];
        for bytes in files {
            let mut file = tempfile::NamedTempFile::new().unwrap();
            file.write_all(bytes).unwrap();
            let mapped = unsafe { Bytes::map(file.as_file()) }.unwrap();
            assert!(matches!(mapped, Bytes::Mapped(_)));
            match (Source::decode("x", mapped), Source::decode("x", bytes.to_vec())) {
                (Ok(m), Ok(o)) => {
                    assert_eq!((m.text.as_str(), m.encoding), (o.text.as_str(), o.encoding));
                    assert_eq!(m.text.is_mapped(), matches!(m.encoding, Encoding::Utf8 { .. }));
                }
                (Err(m), Err(o)) => assert_eq!(m, o),
                (m, o) => panic!("{bytes:?}: mapped {:?}, owned {:?}", m.is_ok(), o.is_ok()),
            }
        }
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let err = Source::decode("x", b"<a>caf\xE9</a>".to_vec()).unwrap_err();
        assert_eq!(err.byte_offset, 6);
    }
}
