//! Byte offsets to lines and columns. A line ends at LF, CRLF or a lone CR; columns count
//! Unicode scalar values. A large text counts its lines from the line feeds of each 4 KiB
//! block; a small one (or one with CRs) builds a line index. A column far into a long line
//! (a minified feed is one line) is counted from the characters before each block.

use super::Source;

impl Source {
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
                let line = self.line_of(offset as u32);
                (line, self.line_start_by_blocks(blocks, offset, line))
            }
            None => self.indexed_line(offset),
        };
        (line, self.chars_between(line_start, offset.max(line_start)) + 1)
    }

    /// The line holding `offset` (1-based) by the line index, and where it starts.
    fn indexed_line(&self, offset: usize) -> (u32, usize) {
        let starts = self.line_starts();
        let idx = starts.partition_point(|&s| s as usize <= offset).saturating_sub(1);
        (idx as u32 + 1, starts[idx] as usize)
    }

    /// Where line `line` (holding `offset`) starts, by the line-feed counts of the blocks: the
    /// last LF before `offset` is near it on most lines, and found by its block on a long one.
    fn line_start_by_blocks(&self, blocks: &[u32], offset: usize, line: u32) -> usize {
        let bytes = self.text.as_bytes();
        let near = offset.saturating_sub(LINE_BLOCK);
        if let Some(lf) = memchr::memrchr(b'\n', &bytes[near..offset]) {
            return near + lf + 1;
        }
        // The line starts after the text's LF number `line - 1`, in the last block that
        // starts with fewer LFs before it.
        let lfs = line - 1;
        if lfs == 0 {
            return 0;
        }
        let block = blocks.partition_point(|&before| before < lfs) - 1;
        let from = block * LINE_BLOCK;
        let nth = (lfs - blocks[block] - 1) as usize;
        memchr::memchr_iter(b'\n', &bytes[from..])
            .nth(nth)
            .map_or(0, |lf| from + lf + 1)
    }

    /// The characters in `text[from..to]` (both on character boundaries): counted, or far
    /// apart (a long line's column), by the characters before each block.
    fn chars_between(&self, from: usize, to: usize) -> u32 {
        const FAR: usize = 64 << 10;
        if to - from <= FAR {
            return self.text[from..to].chars().count() as u32;
        }
        let blocks = self.char_blocks.get_or_init(|| char_blocks(self.text.as_bytes()));
        let before = |at: usize| {
            let block = at / LINE_BLOCK;
            blocks[block] + count_chars(&self.text.as_bytes()[block * LINE_BLOCK..at])
        };
        before(to) - before(from)
    }

    /// The 1-based line of a byte offset, for messages that name another place ("line 76").
    pub fn line_of(&self, offset: u32) -> u32 {
        let bytes = self.text.as_bytes();
        let at = (offset as usize).min(bytes.len());
        let Some(blocks) = self.blocks() else {
            return self.indexed_line(at).0;
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
                Some((at, l, col)) if l == line => col + self.chars_between(at, offset),
                _ => {
                    let start = match (self.lines.get(), self.blocks()) {
                        (Some(_), _) => self.indexed_line(offset).1,
                        (None, Some(blocks)) => self.line_start_by_blocks(blocks, offset, line),
                        // The line starts after the offset before (on an earlier line), if any.
                        (None, None) => {
                            let from = before.map_or(0, |(at, ..)| at);
                            memchr::memrchr(b'\n', &bytes[from..offset]).map_or(from, |lf| from + lf + 1)
                        }
                    };
                    self.chars_between(start, offset) + 1
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

/// The characters before each [`LINE_BLOCK`] of `bytes` (UTF-8), and before their end.
fn char_blocks(bytes: &[u8]) -> Vec<u32> {
    let mut before = Vec::with_capacity(bytes.len() / LINE_BLOCK + 2);
    let mut chars = 0;
    for block in bytes.chunks(LINE_BLOCK) {
        before.push(chars);
        chars += count_chars(block);
    }
    before.push(chars);
    before
}

/// The characters that start in `bytes` (UTF-8): the bytes that are not continuation bytes.
fn count_chars(bytes: &[u8]) -> u32 {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u32
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

#[cfg(test)]
mod tests {
    use super::*;

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

    /// Lines of hundreds of kilobytes (a minified feed), with characters of one to four bytes:
    /// lines and columns by the blocks' counts are those of the line index.
    #[test]
    fn long_lines_are_placed_by_blocks_as_by_the_line_index() {
        let long = "<T a=\"x\">Ελλάδα 日本 🎵 ok</T>".repeat(20_000);
        let chars = long.chars().count();
        let mut text = String::new();
        for i in 0..6 {
            text.extend(long.chars().take(chars / (i + 1)));
            text.push('\n');
            text.push_str("<Short/>\n");
        }
        assert!(text.len() > 1 << 20);
        let by_blocks = Source::from_text("min.xml", text.clone());
        let by_index = Source::from_text("min.xml", text.clone());
        by_index.line_starts();
        let offsets: Vec<u32> = (0..text.len())
            .step_by(9_973)
            .chain([0, 1, text.len() - 1, text.len()])
            .filter(|&o| text.is_char_boundary(o))
            .map(|o| o as u32)
            .collect();
        for &o in &offsets {
            assert_eq!(by_blocks.line_col(o), by_index.line_col(o), "offset {o}");
        }
        assert_eq!(by_blocks.line_cols(&offsets), by_index.line_cols(&offsets));
        assert!(by_blocks.lines.get().is_none(), "the line index was built");
        assert!(
            by_blocks.char_blocks.get().is_some(),
            "columns far into a line were counted"
        );
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
}
