//! `check --fix` / `--diff` / `--show-fixes` on the command line: what is written, where, and
//! the exit status.

mod fixcommon;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn ddexlint() -> Command {
    Command::cargo_bin("ddexlint").unwrap()
}

/// The base feed with a safe-fixable error (a spaced ISRC) and a safe-fixable warning (a zero
/// width space in a title), CRLF line ends.
fn fixable_feed() -> String {
    fixcommon::base()
        .replace("<ISRC>NOABC2600001</ISRC>", "<ISRC>NO-ABC-26-00001</ISRC>")
        .replace(
            "<TitleText>Vinterlys</TitleText></DisplayTitle>\n      <DisplayArtistName>Ane",
            "<TitleText>Vinte\u{200B}rlys</TitleText></DisplayTitle>\n      <DisplayArtistName>Ane",
        )
        .replace('\n', "\r\n")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn fix_writes_fixes_and_reports_what_remains() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "a.xml", fixable_feed().as_bytes());
    let before = ddexlint().args(["check", p.to_str().unwrap()]).output().unwrap();
    assert_eq!(before.status.code(), Some(1));
    let out = ddexlint()
        .args(["check", "--fix", p.to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("Fixed 2 findings."), "{stdout}");
    let fixed = std::fs::read_to_string(&p).unwrap();
    let expected = fixable_feed()
        .replace("NO-ABC-26-00001", "NOABC2600001")
        .replace("Vinte\u{200B}rlys", "Vinterlys");
    assert_eq!(fixed, expected);
    // Twice: nothing more to do, the file is not touched.
    let out = ddexlint()
        .args(["check", "--fix", p.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Fixed"));
    assert_eq!(std::fs::read_to_string(&p).unwrap(), expected);
}

#[test]
fn diff_prints_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let feed = fixable_feed().replace("\r\n", "\n");
    let p = write(dir.path(), "a.xml", feed.as_bytes());
    let out = ddexlint()
        .current_dir(dir.path())
        .args(["check", "--diff", "a.xml"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    // Exit status of a check of the fixed result: the ISRC error would be gone.
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.starts_with("--- a/a.xml\n+++ b/a.xml\n@@ "), "{stdout}");
    assert!(stdout.contains("-        <ResourceId><ISRC>NO-ABC-26-00001</ISRC></ResourceId>\n+        <ResourceId><ISRC>NOABC2600001</ISRC></ResourceId>\n"), "{stdout}");
    assert_eq!(std::fs::read_to_string(&p).unwrap(), feed);
}

#[test]
fn show_fixes_lists_each_fix() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "a.xml", fixable_feed().as_bytes());
    let out = ddexlint()
        .args(["check", "--fix", "--show-fixes", p.to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Applied fixes:"), "{stdout}");
    assert!(
        stdout.contains("id-isrc (safe): 'NO-ABC-26-00001' -> 'NOABC2600001'"),
        "{stdout}"
    );
    assert!(
        stdout.contains("unicode-invisible-format-characters (safe): 'Vinte\\u{200B}rlys' -> 'Vinterlys'"),
        "{stdout}"
    );
}

#[cfg(unix)]
#[test]
fn writes_keep_permissions_and_leave_no_temp_files() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "a.xml", fixable_feed().as_bytes());
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
    ddexlint()
        .args(["check", "--fix", p.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(std::fs::metadata(&p).unwrap().permissions().mode() & 0o777, 0o640);
    assert!(std::fs::read_to_string(&p).unwrap().contains("NOABC2600001"));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["a.xml"]);
}

#[test]
fn malformed_files_are_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let bad = fixable_feed().replace("</ern:NewReleaseMessage>", "");
    let p = write(dir.path(), "a.xml", bad.as_bytes());
    let out = ddexlint()
        .args(["check", "--fix", p.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("xml-malformed"));
    assert_eq!(std::fs::read(&p).unwrap(), bad.as_bytes());
}

#[test]
fn stdin_writes_the_fixed_document_to_stdout() {
    let out = ddexlint()
        .args(["check", "--fix", "-"])
        .write_stdin(fixable_feed())
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("<?xml"), "{stdout}");
    assert!(stdout.contains("<ISRC>NOABC2600001</ISRC>"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Fixed 2 findings."));
    // Nothing to fix: the document passes through unchanged.
    let clean = fixcommon::base();
    let out = ddexlint()
        .args(["check", "--fix", "-"])
        .write_stdin(clean.clone())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), clean);
}

#[test]
fn folders_are_fixed_in_parallel_with_select() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (_, encode)) in fixcommon::ENCODINGS.iter().enumerate() {
        write(dir.path(), &format!("f{i}.xml"), &encode(&fixable_feed()));
    }
    let out = ddexlint()
        .args([
            "check",
            "--fix",
            "--select",
            "identifier",
            "--jobs",
            "2",
            dir.path().to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Fixed 4 findings."));
    let expected = fixable_feed().replace("NO-ABC-26-00001", "NOABC2600001");
    for (i, (_, encode)) in fixcommon::ENCODINGS.iter().enumerate() {
        // Fixed in its own encoding; the zero width space (not selected) is still there.
        assert_eq!(
            std::fs::read(dir.path().join(format!("f{i}.xml"))).unwrap(),
            encode(&expected)
        );
    }
}
