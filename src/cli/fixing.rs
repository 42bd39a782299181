//! One file of a `check` run: read it, lint it, and with `--fix`/`--diff` fix it, then write
//! the result atomically, or describe it as a diff, or hand it back for stdout.

use std::io::{Read, Write};
use std::path::Path;

use ddexlint::fix::{apply_fixes, unified_diff, AppliedFix};
use ddexlint::lint::{lint_bytes, lint_source, FileOutcome, Settings};
use ddexlint::source::{Bytes, Source};

use super::walk::Input;

/// What the run does with fixes.
#[derive(Clone, Copy, Debug)]
pub struct Mode {
    /// Compute fixes (`--fix` or `--diff`).
    pub fix: bool,
    pub unsafe_fixes: bool,
    /// Write them (`--fix` without `--diff`).
    pub write: bool,
}

/// One processed file.
pub struct FileResult {
    /// Findings of the file as it now is (after fixing, or as it would be with `--diff`).
    pub outcome: FileOutcome,
    pub applied: Vec<AppliedFix>,
    /// `--diff`: what fixing would change (none when nothing would).
    pub diff: Option<String>,
    /// stdin with `--fix`: the document to write to stdout, fixed or not.
    pub stdin_document: Option<Vec<u8>>,
    /// An internal or write error for this file (exit 2); the file was left untouched.
    pub error: Option<String>,
}

impl FileResult {
    fn lint_only(outcome: FileOutcome) -> FileResult {
        FileResult {
            outcome,
            applied: Vec::new(),
            diff: None,
            stdin_document: None,
            error: None,
        }
    }
}

/// Read, lint and (per `mode`) fix one input. `Err` only when the file cannot be read.
pub fn process(input: &Input, settings: &Settings, mode: Mode) -> Result<FileResult, String> {
    let bytes = read(input)?;
    if !mode.fix {
        return Ok(FileResult::lint_only(lint_bytes(&input.display, bytes, settings)));
    }
    let to_stdout = input.path.is_none() && mode.write;
    // stdin cannot be read twice: keep its bytes for the report of an undecodable input and
    // for echoing an unfixed document.
    let original = input.path.is_none().then(|| bytes.to_vec());
    let source = match Source::decode(input.display.as_str(), bytes) {
        Ok(s) => s,
        Err(_) => {
            // Undecodable: lint for the report (xml-malformed / encoding), never write.
            let bytes = match original.clone() {
                Some(b) => Bytes::from(b),
                None => read(input).unwrap_or_else(|_| Bytes::from(Vec::new())),
            };
            let mut r = FileResult::lint_only(lint_bytes(&input.display, bytes, settings));
            r.stdin_document = original.filter(|_| to_stdout);
            return Ok(r);
        }
    };
    let fixed = match apply_fixes(&source, settings, mode.unsafe_fixes) {
        Ok(f) => f,
        Err(e) => {
            let mut r = FileResult::lint_only(lint_source(&source, settings));
            r.error = Some(format!(
                "{}: internal error: fixes dropped, file left untouched: {e}",
                input.display
            ));
            r.stdin_document = original.filter(|_| to_stdout);
            return Ok(r);
        }
    };
    let changed = fixed.changed(&source);
    let mut result = FileResult {
        outcome: fixed.remaining,
        applied: fixed.applied,
        diff: None,
        stdin_document: None,
        error: None,
    };
    if !mode.write {
        result.diff = changed.then(|| unified_diff(&input.display, &source.text, &fixed.text));
    } else if to_stdout {
        result.stdin_document = Some(if changed {
            source.encode_like_original(&fixed.text)
        } else {
            original.unwrap_or_default()
        });
    } else if changed {
        let path = input.path.as_deref().expect("a file input has a path");
        if let Err(e) = write_atomic(path, &source.encode_like_original(&fixed.text)) {
            let r = FileResult::lint_only(lint_source(&source, settings));
            return Ok(FileResult {
                error: Some(format!("{}: could not write the fixed file: {e}", input.display)),
                ..r
            });
        }
    }
    Ok(result)
}

fn read(input: &Input) -> Result<Bytes, String> {
    match &input.path {
        Some(p) => read_file(p).map_err(|e| format!("{}: {}", input.display, e)),
        None => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| format!("stdin: {e}"))?;
            Ok(Bytes::from(buf))
        }
    }
}

/// Files from this size are mapped rather than read.
const MAP_FROM: u64 = 8 << 20;

/// A file's bytes; a large regular file mapped rather than copied into memory: the copy
/// (the kernel filling fresh pages) took 100 ms of a 200 MB batch file's 1.8 s.
fn read_file(path: &Path) -> std::io::Result<Bytes> {
    let mut file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    if meta.is_file() && meta.len() >= MAP_FROM {
        // SAFETY: a regular file, read for this check only; a file changed while it is
        // checked is outside what ddexlint guarantees (see `Bytes::map`).
        if let Ok(bytes) = unsafe { Bytes::map(&file) } {
            return Ok(bytes);
        }
    }
    // As `std::fs::read`, on the file already open.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.read_to_end(&mut bytes)?;
    Ok(Bytes::from(bytes))
}

/// Replace `path` with `bytes` so that a reader sees the old file or the new one, never half
/// of one: a temporary file in the same folder (same file system, so the rename is atomic),
/// given the original's permissions, flushed to disk, then renamed over the original. A
/// symbolic link is followed: the file it points to is replaced, the link stays.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = std::fs::canonicalize(path)?;
    let dir = target.parent().unwrap_or(Path::new("."));
    let permissions = std::fs::metadata(&target)?.permissions();
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().set_permissions(permissions)?;
    tmp.as_file().sync_all()?;
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_file_is_mapped_and_reads_as_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let bytes: Vec<u8> = (0..(9 << 20) + 7).map(|i: u32| (i % 251) as u8).collect();
        let path = dir.path().join("big.xml");
        std::fs::write(&path, &bytes).unwrap();
        let read = read_file(&path).unwrap();
        assert!(matches!(read, Bytes::Mapped(_)));
        assert!(*read == *bytes);
        let small = dir.path().join("small.xml");
        std::fs::write(&small, b"<a/>").unwrap();
        let read = read_file(&small).unwrap();
        assert!(matches!(read, Bytes::Owned(_)));
        assert_eq!(&*read, b"<a/>");
        assert!(read_file(&dir.path().join("missing.xml")).is_err());
    }
}
