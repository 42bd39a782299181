//! A feed's bytes, decoded to UTF-8 text, with what is needed to write it back unchanged
//! (encoding, byte order mark) and to turn byte offsets into lines and columns.

use std::sync::OnceLock;

mod storage;

pub use storage::{Bytes, Text};

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
    /// The text, owned or (a large file) mapped: [`Bytes`].
    pub text: Text,
    pub encoding: Encoding,
    lines: OnceLock<Vec<u32>>,
    /// [`Source::line_of`]'s line feeds before each block (`None`: the text has CRs).
    lf_blocks: OnceLock<Option<Vec<u32>>>,
}

impl Source {
    /// Decode a file's bytes: UTF-8 (BOM optional) or UTF-16 with a BOM. UTF-16 without a BOM
    /// is recognised by the `<\0?\0` pattern of its first character.
    pub fn decode(path: impl Into<String>, bytes: impl Into<Bytes>) -> Result<Source, DecodeError> {
        let path = path.into();
        let (text, encoding) = decode_bytes(bytes.into())?;
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
            text: Text::from(text.into()),
            encoding: Encoding::Utf8 { bom: false },
            lines: OnceLock::new(),
            lf_blocks: OnceLock::new(),
        }
    }

    /// The same file with other text (a fixed version): same path and encoding.
    pub fn with_text(&self, text: impl Into<String>) -> Source {
        Source {
            path: self.path.clone(),
            text: Text::from(text.into()),
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

    /// A large text's line feeds before each 4 KiB block (`None`: a small text, the line
    /// index is built already, or the text has CRs). A large file's lines are counted from
    /// these blocks rather than from a line index: the index is a thousandth of the size (23
    /// MiB for 200 MB of text), is built by a pass of its own, and lines are asked for both
    /// while the rules run and when the findings are placed.
    fn blocks(&self) -> Option<&[u32]> {
        const SMALL: usize = 1 << 20;
        if self.text.len() < SMALL || self.lines.get().is_some() {
            return None;
        }
        self.lf_blocks.get_or_init(|| lf_blocks(&self.text)).as_deref()
    }

    /// 1-based line and column (in Unicode scalar values) of a byte offset.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let offset = floor_char_boundary(&self.text, (offset as usize).min(self.text.len()));
        let (line, line_start) = match self.blocks() {
            Some(blocks) => {
                let bytes = self.text.as_bytes();
                let block = offset / LINE_BLOCK;
                let line = blocks[block] + count_lf(&bytes[block * LINE_BLOCK..offset]) + 1;
                (line, memchr::memrchr(b'\n', &bytes[..offset]).map_or(0, |lf| lf + 1))
            }
            None => {
                let starts = self.line_starts();
                let idx = starts.partition_point(|&s| s as usize <= offset).saturating_sub(1);
                (idx as u32 + 1, starts[idx] as usize)
            }
        };
        let col = self.text[line_start..offset.max(line_start)].chars().count() as u32 + 1;
        (line, col)
    }

    /// The 1-based line of a byte offset, for messages that name another place ("line 76").
    pub fn line_of(&self, offset: u32) -> u32 {
        let bytes = self.text.as_bytes();
        let at = (offset as usize).min(bytes.len());
        let Some(blocks) = self.blocks() else {
            let starts = self.line_starts();
            return starts.partition_point(|&s| s as usize <= at).saturating_sub(1) as u32 + 1;
        };
        let block = at / LINE_BLOCK;
        blocks[block] + count_lf(&bytes[block * LINE_BLOCK..at]) + 1
    }

    /// [`Source::line_col`] of each of `offsets`, placed in increasing order: an offset on the
    /// line of the one before counts its column on from it, so a line of megabytes (a
    /// minified feed with thousands of findings) is counted once rather than once per offset.
    /// In a small text without a line index already built (a file the per-file rules found
    /// nothing in) and without CR before the last offset, lines are counted with a vectorised
    /// LF count up to each offset: building the index visits every line of the file, while a
    /// few places need only a count.
    pub fn line_cols(&self, offsets: &[u32]) -> Vec<(u32, u32)> {
        let bytes = self.text.as_bytes();
        let last = offsets.iter().max().map_or(0, |&o| (o as usize).min(bytes.len()));
        let counted_here =
            self.blocks().is_none() && self.lines.get().is_none() && memchr::memchr(b'\r', &bytes[..last]).is_none();
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_unstable_by_key(|&i| offsets[i]);
        let mut out = vec![(0, 0); offsets.len()];
        // LFs before `counted`, which only moves forward (`counted_here`).
        let (mut counted, mut lfs) = (0usize, 0u32);
        // The offset placed before: (offset, line, column).
        let mut before: Option<(usize, u32, u32)> = None;
        for i in order {
            let offset = floor_char_boundary(&self.text, (offsets[i] as usize).min(bytes.len()));
            let line = if counted_here {
                lfs += count_lf(&bytes[counted..offset]);
                counted = offset;
                lfs + 1
            } else {
                self.line_of(offset as u32)
            };
            let col = match before {
                Some((at, l, col)) if l == line => col + self.text[at..offset].chars().count() as u32,
                _ => {
                    // The line starts after the offset before (on an earlier line), if any.
                    let from = before.map_or(0, |(at, ..)| at);
                    let start = match self.lines.get() {
                        Some(starts) => {
                            let idx = starts.partition_point(|&s| s as usize <= offset).saturating_sub(1);
                            starts[idx] as usize
                        }
                        None => memchr::memrchr(b'\n', &bytes[from..offset]).map_or(from, |lf| from + lf + 1),
                    };
                    self.text[start..offset].chars().count() as u32 + 1
                }
            };
            out[i] = (line, col);
            before = Some((offset, line, col));
        }
        out
    }

    /// Prepare to place many offsets from several threads: count a large text's lines by
    /// blocks, or build the line index, now rather than in each thread.
    pub fn index_lines(&self) {
        if self.blocks().is_none() {
            self.line_starts();
        }
    }

    /// [`Source::line_span`] of each of `offsets`. Without a line index already built and
    /// without any CR in the text, each line is found by the LFs around its offset instead
    /// (as [`Source::line_cols`] counts them).
    /// The offsets are taken in increasing order, and one on the line found last is on it
    /// without a search: a line of megabytes is searched once, not once per offset.
    pub fn line_spans(&self, offsets: &[u32]) -> Vec<(usize, usize)> {
        let by_lf = self.blocks().is_some()
            || (self.lines.get().is_none() && memchr::memchr(b'\r', self.text.as_bytes()).is_none());
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_unstable_by_key(|&i| offsets[i]);
        let mut out = vec![(0, 0); offsets.len()];
        let mut last: Option<(usize, usize)> = None;
        for i in order {
            let at = (offsets[i] as usize).min(self.text.len());
            out[i] = match last {
                Some((start, end)) if (start..=end).contains(&at) => (start, end),
                _ => self.line_span_by(offsets[i], by_lf),
            };
            last = Some(out[i]);
        }
        out
    }

    /// The byte range of the line holding `offset`, without its line end.
    pub fn line_span(&self, offset: u32) -> (usize, usize) {
        self.line_span_by(offset, self.blocks().is_some())
    }

    /// [`Source::line_span`], by the LFs around `offset` (`by_lf`: the text has no CR) or by
    /// the line index.
    fn line_span_by(&self, offset: u32, by_lf: bool) -> (usize, usize) {
        let bytes = self.text.as_bytes();
        if by_lf {
            let at = (offset as usize).min(bytes.len());
            let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |lf| lf + 1);
            let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |lf| at + lf);
            return (start, end);
        }
        let starts = self.line_starts();
        let idx = starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let start = starts[idx] as usize;
        let mut end = starts.get(idx + 1).map(|&e| e as usize).unwrap_or(self.text.len());
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        (start, end)
    }
}

/// Bytes per block of [`Source::line_of`]'s count.
const LINE_BLOCK: usize = 4096;

/// The number of LFs before each [`LINE_BLOCK`] of `text`, and before their end; `None` if
/// `text` has a CR (a line end of its own, or half of a CRLF: then the line index counts).
fn lf_blocks(text: &str) -> Option<Vec<u32>> {
    let bytes = text.as_bytes();
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

/// `i`, or the start of the character it falls inside.
pub(crate) fn floor_char_boundary(s: &str, mut i: usize) -> usize {
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

fn decode_bytes(bytes: Bytes) -> Result<(Text, Encoding), DecodeError> {
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
    fn a_large_text_is_placed_by_blocks_as_by_the_line_index() {
        let line = "<Title>Ελλάδα</Title>\n\n  <T>x</T>\n";
        let mut text = line.repeat((2 << 20) / line.len());
        text.push_str("<Last/>");
        let by_blocks = Source::from_text("big.xml", text.clone());
        let by_index = Source::from_text("big.xml", text.clone());
        by_index.line_starts();
        let len = text.len() as u32;
        let offsets: Vec<u32> = (0..len)
            .step_by(4093)
            .chain([0, 1, 4095, 4096, 4097, len - 1, len, len + 10])
            .collect();
        assert_eq!(by_blocks.line_cols(&offsets), by_index.line_cols(&offsets));
        assert_eq!(by_blocks.line_spans(&offsets), by_index.line_spans(&offsets));
        for &o in &offsets {
            assert_eq!(by_blocks.line_span(o), by_index.line_span(o), "offset {o}");
            assert_eq!(by_blocks.line_of(o), by_index.line_col(o).0, "offset {o}");
        }
        assert!(by_blocks.lines.get().is_none(), "the line index was built");
        // With CRs the line index counts (a lone CR ends a line).
        let with_cr = Source::from_text("cr.xml", text.replacen('\n', "\r", 3));
        assert_eq!(with_cr.line_of(len), by_index.line_col(len).0);
        assert!(with_cr.lines.get().is_some());
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
