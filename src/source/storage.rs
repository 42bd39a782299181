//! How a feed's bytes and text are held: owned, or (a large file) mapped from the file.
//!
//! A large file is mapped rather than read: reading copies it into fresh pages the kernel
//! first fills with zeros (100 ms of a 200 MB batch file's 1.8 s); a mapping shows the page
//! cache's pages as they are.

use std::fmt;
use std::ops::Deref;

/// A file's bytes as read: in memory, or mapped.
pub enum Bytes {
    Owned(Vec<u8>),
    Mapped(memmap2::Mmap),
}

impl Bytes {
    /// Maps `file` read-only.
    ///
    /// # Safety
    /// The file must not be changed while the mapping lives: a mapping shows the file as it
    /// is, so a change shows through (and a file cut shorter ends the process with SIGBUS
    /// where a page past its new end is read). Callers map only regular files they are about
    /// to read, as `ripgrep` does; the check of a delivered feed does not race its writer.
    pub unsafe fn map(file: &std::fs::File) -> std::io::Result<Bytes> {
        // SAFETY: forwarded to the caller.
        unsafe { memmap2::Mmap::map(file) }.map(Bytes::Mapped)
    }
}

impl From<Vec<u8>> for Bytes {
    fn from(bytes: Vec<u8>) -> Bytes {
        Bytes::Owned(bytes)
    }
}

impl Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Owned(v) => v,
            Bytes::Mapped(m) => m,
        }
    }
}

/// A feed's decoded text (valid UTF-8), owned or mapped.
pub struct Text(Repr);

enum Repr {
    Owned(String),
    /// Validated as UTF-8 from `start` (after a byte order mark) to the end.
    Mapped {
        map: memmap2::Mmap,
        start: usize,
    },
}

impl Text {
    /// A mapped text.
    ///
    /// # Safety
    /// `map[start..]` must be valid UTF-8 (and stay so: see [`Bytes::map`]).
    pub(super) unsafe fn mapped(map: memmap2::Mmap, start: usize) -> Text {
        Text(Repr::Mapped { map, start })
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Owned(s) => s,
            // SAFETY: validated when the text was made (`Text::mapped`).
            Repr::Mapped { map, start } => unsafe { std::str::from_utf8_unchecked(&map[*start..]) },
        }
    }

    /// Whether the text is mapped from its file.
    pub fn is_mapped(&self) -> bool {
        matches!(self.0, Repr::Mapped { .. })
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text(Repr::Owned(s))
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text(Repr::Owned(s.to_string()))
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_mapped_text_is_the_file() {
        let content: String = (0..10_000).map(|i| format!("<T>{i} Ελλάδα</T>\n")).collect();
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(content.as_bytes()).unwrap();
        let Bytes::Mapped(map) = unsafe { Bytes::map(file.as_file()) }.unwrap() else {
            unreachable!()
        };
        let text = unsafe { Text::mapped(map, 0) };
        assert!(text.is_mapped());
        assert_eq!(text.as_str(), content);
        assert!(!Text::from("owned").is_mapped());
    }
}
