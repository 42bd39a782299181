//! A feed's bytes, decoded to UTF-8 text, with what is needed to write it back unchanged
//! (encoding, byte order mark) and to turn byte offsets into lines and columns.

use std::sync::OnceLock;

/// How the file was encoded on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8 { bom: bool },
    Utf16Le,
    Utf16Be,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 { .. } => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
        }
    }
}

/// Why a file's bytes could not be decoded as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// Byte offset in the original file where decoding failed.
    pub byte_offset: usize,
    pub message: String,
    /// The file's bytes up to the failure (to place it at a line).
    pub bytes: Vec<u8>,
}

/// A decoded feed.
#[derive(Debug)]
pub struct Source {
    /// The path as the user named it (or `-` for stdin).
    pub path: String,
    pub text: String,
    pub encoding: Encoding,
    lines: OnceLock<Vec<u32>>,
    /// [`Source::line_of`]'s line feeds before each block (`None`: the text has CRs).
    lf_blocks: OnceLock<Option<Vec<u32>>>,
}

impl Source {
    /// Decode a file's bytes: UTF-8 (BOM optional) or UTF-16 with a BOM. UTF-16 without a BOM
    /// is recognised by the `<\0?\0` pattern of its first character.
    pub fn decode(path: impl Into<String>, bytes: Vec<u8>) -> Result<Source, DecodeError> {
        let path = path.into();
        let (text, encoding) = decode_bytes(bytes)?;
        Ok(Source {
            path,
            text,
            encoding,
            lines: OnceLock::new(),
            lf_blocks: OnceLock::new(),
        })
    }

    /// A source built from text already in memory (tests, generated feeds).
    pub fn from_text(path: impl Into<String>, text: impl Into<String>) -> Source {
        Source {
            path: path.into(),
            text: text.into(),
            encoding: Encoding::Utf8 { bom: false },
            lines: OnceLock::new(),
            lf_blocks: OnceLock::new(),
        }
    }

    /// The same file with other text (a fixed version): same path and encoding.
    pub fn with_text(&self, text: impl Into<String>) -> Source {
        Source {
            path: self.path.clone(),
            text: text.into(),
            encoding: self.encoding,
            lines: OnceLock::new(),
            lf_blocks: OnceLock::new(),
        }
    }

    /// Encode `text` (a fixed version of this source's text) the way the original was encoded.
    pub fn encode_like_original(&self, text: &str) -> Vec<u8> {
        encode(text, self.encoding)
    }

    fn line_starts(&self) -> &[u32] {
        self.lines.get_or_init(|| line_starts(&self.text))
    }

    /// 1-based line and column (in Unicode scalar values) of a byte offset.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let starts = self.line_starts();
        let line_idx = starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let line_start = starts[line_idx] as usize;
        let offset = (offset as usize).min(self.text.len());
        let offset = floor_char_boundary(&self.text, offset);
        let col = self.text[line_start..offset.max(line_start)].chars().count() as u32 + 1;
        (line_idx as u32 + 1, col)
    }

    /// The 1-based line of a byte offset, for messages that name another place ("line 76").
    /// A large file's rules ask it while the model and their shared views are all in memory:
    /// there it counts line feeds from a count per 4 KiB block (a thousandth of the size of
    /// the line index, which is 23 MiB for 200 MB of text and is built later, for placing the
    /// findings, once the views are freed), unless the index is built already or the text has
    /// CRs.
    pub fn line_of(&self, offset: u32) -> u32 {
        const SMALL: usize = 1 << 20;
        if self.text.len() < SMALL || self.lines.get().is_some() {
            return self.line_col(offset).0;
        }
        let bytes = self.text.as_bytes();
        let Some(blocks) = self.lf_blocks.get_or_init(|| lf_blocks(bytes)) else {
            return self.line_col(offset).0;
        };
        let at = (offset as usize).min(bytes.len());
        let block = at / LINE_BLOCK;
        blocks[block] + count_lf(&bytes[block * LINE_BLOCK..at]) + 1
    }

    /// [`Source::line_col`] of each of `offsets`. Without a line index already built (a file
    /// the per-file rules found nothing in) and without CR before the last offset, lines are
    /// counted with a vectorised LF count up to each offset instead: building the index visits
    /// every line of the file, while a few places need only a count.
    pub fn line_cols(&self, offsets: &[u32]) -> Vec<(u32, u32)> {
        let bytes = self.text.as_bytes();
        let last = offsets.iter().max().map_or(0, |&o| (o as usize).min(bytes.len()));
        if self.lines.get().is_some() || memchr::memchr(b'\r', &bytes[..last]).is_some() {
            return offsets.iter().map(|&o| self.line_col(o)).collect();
        }
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_unstable_by_key(|&i| offsets[i]);
        let mut out = vec![(0, 0); offsets.len()];
        // LFs before `counted`, which only moves forward.
        let (mut counted, mut lfs) = (0usize, 0u32);
        for i in order {
            let offset = floor_char_boundary(&self.text, (offsets[i] as usize).min(bytes.len()));
            lfs += count_lf(&bytes[counted..offset]);
            counted = offset;
            let line_start = memchr::memrchr(b'\n', &bytes[..offset]).map_or(0, |lf| lf + 1);
            let col = self.text[line_start..offset].chars().count() as u32 + 1;
            out[i] = (lfs + 1, col);
        }
        out
    }

    /// Build the line index now (before threads that place many offsets share it), so that
    /// [`Source::line_cols`] and [`Source::line_spans`] use it rather than count.
    pub fn index_lines(&self) {
        self.line_starts();
    }

    /// [`Source::line_span`] of each of `offsets`. Without a line index already built and
    /// without any CR in the text, each line is found by the LFs around its offset instead
    /// (as [`Source::line_cols`] counts them).
    pub fn line_spans(&self, offsets: &[u32]) -> Vec<(usize, usize)> {
        let bytes = self.text.as_bytes();
        if self.lines.get().is_some() || memchr::memchr(b'\r', bytes).is_some() {
            return offsets.iter().map(|&o| self.line_span(o)).collect();
        }
        offsets
            .iter()
            .map(|&o| {
                let at = (o as usize).min(bytes.len());
                let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |lf| lf + 1);
                let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |lf| at + lf);
                (start, end)
            })
            .collect()
    }

    /// The byte range of the line holding `offset`, without its line end.
    pub fn line_span(&self, offset: u32) -> (usize, usize) {
        let starts = self.line_starts();
        let idx = starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let start = starts[idx] as usize;
        let mut end = starts.get(idx + 1).map(|&e| e as usize).unwrap_or(self.text.len());
        let bytes = self.text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        (start, end)
    }
}

/// Bytes per block of [`Source::line_of`]'s count.
const LINE_BLOCK: usize = 4096;

/// The number of LFs before each [`LINE_BLOCK`] of `bytes`, and before their end; `None` if
/// `bytes` has a CR (a line end of its own, or half of a CRLF: then the line index counts).
fn lf_blocks(bytes: &[u8]) -> Option<Vec<u32>> {
    let mut before = Vec::with_capacity(bytes.len() / LINE_BLOCK + 2);
    let mut lfs = 0;
    // Block by block, so that the text is read from memory once for both searches.
    for block in bytes.chunks(LINE_BLOCK) {
        if memchr::memchr(b'\r', block).is_some() {
            return None;
        }
        before.push(lfs);
        lfs += count_lf(block);
    }
    before.push(lfs);
    Some(before)
}

/// The LFs in `bytes` (memchr's vectorised search).
fn count_lf(bytes: &[u8]) -> u32 {
    memchr::memchr_iter(b'\n', bytes).count() as u32
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Offsets where lines start. A line ends at LF, CRLF or a lone CR.
fn line_starts(text: &str) -> Vec<u32> {
    let bytes = text.as_bytes();
    let mut starts = vec![0u32];
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            continue; // the LF of this CRLF ends the line
        }
        starts.push(i as u32 + 1);
    }
    starts
}

fn decode_bytes(mut bytes: Vec<u8>) -> Result<(String, Encoding), DecodeError> {
    if bytes.len() > u32::MAX as usize - 1 {
        return Err(DecodeError {
            byte_offset: 0,
            message: "file is larger than 4 GiB".into(),
            bytes: Vec::new(),
        });
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        // In place: a copy of a large file would fill as many fresh pages again.
        bytes.drain(..3);
        return utf8(bytes, 3).map(|t| (t, Encoding::Utf8 { bom: true }));
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return utf16(&bytes[2..], false, 2).map(|t| (t, Encoding::Utf16Le));
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return utf16(&bytes[2..], true, 2).map(|t| (t, Encoding::Utf16Be));
    }
    if bytes.starts_with(b"<\0?\0") {
        return utf16(&bytes, false, 0).map(|t| (t, Encoding::Utf16Le));
    }
    if bytes.starts_with(b"\0<\0?") {
        return utf16(&bytes, true, 0).map(|t| (t, Encoding::Utf16Be));
    }
    utf8(bytes, 0).map(|t| (t, Encoding::Utf8 { bom: false }))
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
        let bad = e.as_bytes().get(at).copied().unwrap_or(0);
        let mut prefix = e.into_bytes();
        prefix.truncate(at);
        if base > 0 {
            prefix.splice(0..0, std::iter::repeat_n(b' ', base));
        }
        DecodeError {
            bytes: prefix,
            byte_offset: base + at,
            message: format!(
                "byte 0x{bad:02X} at offset {} is not valid UTF-8; the file may be in another encoding (Latin-1, Windows-1252)",
                base + at
            ),
        }
    })
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

fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
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
    fn line_col_counts_scalars_and_all_line_ends() {
        let s = Source::from_text("t", "a\r\nbé\rc\nd");
        assert_eq!(s.line_col(0), (1, 1));
        assert_eq!(s.line_col(3), (2, 1));
        assert_eq!(s.line_col(6), (2, 3)); // after 'b' and 'é'
        assert_eq!(s.line_col(7), (3, 1));
        assert_eq!(s.line_col(9), (4, 1));
    }

    #[test]
    fn line_of_a_large_text_agrees_with_line_col() {
        let line = "<Title>Ελλάδα</Title>\n";
        let mut text = line.repeat((2 << 20) / line.len());
        text.push_str("<Last/>");
        let counted = Source::from_text("big.xml", text.clone());
        let indexed = Source::from_text("big.xml", text.clone());
        let len = text.len() as u32;
        for offset in (0..len)
            .step_by(4093)
            .chain([0, 4095, 4096, 4097, len - 1, len, len + 10])
        {
            assert_eq!(counted.line_of(offset), indexed.line_col(offset).0, "offset {offset}");
        }
        assert!(counted.lines.get().is_none(), "the line index was built");
        // With CRs the line index counts (a lone CR ends a line).
        let with_cr = Source::from_text("cr.xml", text.replacen('\n', "\r", 3));
        assert_eq!(with_cr.line_of(len), indexed.line_col(len).0);
    }

    #[test]
    fn line_cols_agree_with_line_col() {
        let texts = ["a\nbé\n\nc dé\nd\n", "a\r\nbé\rc\nd", "", "abc"];
        for text in texts {
            let offsets: Vec<u32> = (0..=text.len() as u32 + 2).rev().collect();
            let expected: Vec<(u32, u32)> = offsets
                .iter()
                .map(|&o| Source::from_text("t", text).line_col(o))
                .collect();
            assert_eq!(Source::from_text("t", text).line_cols(&offsets), expected, "{text:?}");
        }
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
    fn invalid_utf8_names_the_offset() {
        let err = Source::decode("x", b"<a>caf\xE9</a>".to_vec()).unwrap_err();
        assert_eq!(err.byte_offset, 6);
    }
}
