//! The real corpus (`../shared/corpus/real`: 112 public ERN messages): no panic anywhere, no
//! `error` on DDEX's official ERN 4 samples, the broken file found, UTF-16 files read.

use std::path::{Path, PathBuf};

use ddexlint::finding::Severity;
use ddexlint::lint::{lint_bytes, FileOutcome, Settings};

fn corpus_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real");
    assert!(dir.is_dir(), "the shared corpus is missing at {}", dir.display());
    dir
}

fn all_files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![corpus_dir()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "xml") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn lint(path: &Path) -> FileOutcome {
    let name = path.strip_prefix(corpus_dir()).unwrap().display().to_string();
    let bytes = std::fs::read(path).unwrap();
    std::panic::catch_unwind(|| lint_bytes(&name, bytes, &Settings::default()))
        .unwrap_or_else(|_| panic!("ddexlint panicked on {name}"))
}

/// Errors on official samples that are right: (file name, rule, reason).
const EXPECTED_OFFICIAL_ERRORS: &[(&str, &str, &str)] = &[
    (
        "3_MixedMedia.xml",
        "id-icpn-check-digit",
        "release ICPN 05099907138655 (all four versions of the sample) fails the GS1 check: the check digit is 5, \
         the other digits give 2",
    ),
    (
        "8_DjMix.xml",
        "id-icpn-check-digit",
        "release ICPN 123123123123 (all four versions of the sample) is a placeholder whose check digit should be 5",
    ),
    (
        "Variant_Classical.xml",
        "id-dpid",
        "MessageSender PartyId PADPIDA111111111 (16 characters) and MessageRecipient PartyId PADPIDA2222222222 \
         (17 characters) are placeholders, not 18-character DPIDs",
    ),
];

#[test]
fn every_corpus_file_is_read_without_panic() {
    let files = all_files();
    assert_eq!(files.len(), 112, "the corpus should hold 112 messages");
    let mut malformed = Vec::new();
    for f in &files {
        let out = lint(f);
        if out.findings.iter().any(|l| l.finding.rule == "xml-malformed") {
            malformed.push(out.summary.path.clone());
        }
    }
    // The one file of the corpus that is not well-formed: DDEX published it with a comment
    // inside a start tag (SOURCES.md).
    assert_eq!(
        malformed,
        vec!["miroivan12org-ddex/release-profiles/Profile_TVSeries_FimBundle.xml"]
    );
}

#[test]
fn official_ern4_samples_have_no_errors() {
    let official: Vec<_> = all_files()
        .into_iter()
        .filter(|p| {
            p.parent()
                .and_then(|d| d.file_name())
                .is_some_and(|n| n.to_string_lossy().starts_with("ddex-samples-ern4"))
        })
        .collect();
    assert_eq!(
        official.len(),
        33,
        "4.1.1, 4.2, 4.3 and 4.3.1 folders: 8 samples each, plus Variant_Classical"
    );
    for f in &official {
        let out = lint(f);
        assert!(
            out.summary.ern_version.is_some(),
            "{} not read as ERN",
            out.summary.path
        );
        for l in out.findings.iter().filter(|l| l.finding.severity == Severity::Error) {
            let expected = EXPECTED_OFFICIAL_ERRORS
                .iter()
                .any(|(file, rule, _)| out.summary.path.ends_with(file) && l.finding.rule == *rule);
            assert!(
                expected,
                "{}:{}: unexpected error [{}] {}",
                out.summary.path, l.line, l.finding.rule, l.finding.message
            );
        }
    }
}

#[test]
fn utf16_deliveries_are_read() {
    for name in [
        "originalworks-protocol/revelator-ern43-utf16be_2024-12-03.xml",
        "originalworks-protocol/ow-annotated-example-utf16be_ERN_NewReleaseMessage_example.xml",
    ] {
        let out = lint(&corpus_dir().join(name));
        assert_eq!(out.summary.ern_version.as_deref(), Some("4.3"), "{name}");
        assert!(out.summary.releases >= 1, "{name}: no release read");
        assert!(
            !out.findings.iter().any(|l| l.finding.rule == "xml-malformed"),
            "{name}"
        );
    }
}

#[test]
fn old_versions_are_named_not_read() {
    let out = lint(&corpus_dir().join("rhizomik-redefer-ddex2rdf/ern312_Sample-08.05.xml"));
    let f = out
        .findings
        .iter()
        .find(|l| l.finding.rule == "ern-unsupported-version")
        .expect("unsupported version reported");
    assert!(f.finding.message.contains("ern-main/312"), "{}", f.finding.message);
}

#[test]
fn item_xpaths_match_a_full_scan() {
    use ddexlint::xml::{xpath::xpaths_at, Event, XmlReader};
    for name in [
        "sshaw-ddex/ddex-samples-ern43/1_Audio.xml",
        "miroivan12org-ddex/release-profiles/Profile_AudioAlbumMusicOnly.xml",
    ] {
        let text = String::from_utf8(std::fs::read(corpus_dir().join(name)).unwrap()).unwrap();
        let mut starts = Vec::new();
        let mut r = XmlReader::new(&text);
        while let Some(ev) = r.next().unwrap() {
            if let Event::Start { span, .. } = ev {
                starts.push(span.start);
            }
        }
        let feed = ddexlint::ern::read(&text).feed.expect("read");
        let fast = feed.xpaths_at(&text, &starts);
        let full = xpaths_at(&text, &starts);
        let mut compared = 0;
        for (f, s) in fast.iter().zip(&full) {
            if let Some(f) = f {
                assert_eq!(Some(f), s.as_ref(), "{name}");
                compared += 1;
            }
        }
        // Everything but the lists themselves is inside an item or is the root.
        assert!(
            compared * 10 > starts.len() * 9,
            "{name}: only {compared} of {} compared",
            starts.len()
        );
    }
}
