//! A feed's bytes, decoded to UTF-8 text, with what is needed to write it back unchanged
//! (encoding, byte order mark) and to turn byte offsets into lines and columns.

use std::sync::OnceLock;

mod decode;
mod lines;
mod storage;

pub(crate) use lines::floor_char_boundary;
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
    /// The characters before each block, for columns far into a long line.
    char_blocks: OnceLock<Vec<u32>>,
}

impl Source {
    /// Decode a file's bytes: UTF-8 (BOM optional) or UTF-16 with a BOM. UTF-16 without a BOM
    /// is recognised by the `<\0?\0` pattern of its first character.
    pub fn decode(path: impl Into<String>, bytes: impl Into<Bytes>) -> Result<Source, DecodeError> {
        let path = path.into();
        let (text, encoding) = decode::decode_bytes(bytes.into())?;
        Ok(Source {
            path,
            text,
            encoding,
            lines: OnceLock::new(),
            lf_blocks: OnceLock::new(),
            char_blocks: OnceLock::new(),
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
            char_blocks: OnceLock::new(),
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
            char_blocks: OnceLock::new(),
        }
    }

    /// Encode `text` (a fixed version of this source's text) the way the original was encoded.
    pub fn encode_like_original(&self, text: &str) -> Vec<u8> {
        decode::encode(text, self.encoding)
    }
}
