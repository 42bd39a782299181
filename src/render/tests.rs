//! Hand-built reports shared by the renderer tests: every severity, with and without help,
//! XPath, source line and fix, Greek and Japanese text, tabs and an invisible character.

use crate::finding::{Applicability, Edit, Finding, Fix, Severity, Span};
use crate::report::{FileSummary, Located, Report};

/// A finding on one source line, placed the way the linter places it: `anchor` is where the
/// element's start tag begins on `line_text`, `value` the text the span covers (the first
/// occurrence after the anchor). Columns count characters; the span is in file bytes.
struct OnLine<'a> {
    line: u32,
    /// Byte offset of the line's start in its file.
    line_start: u32,
    text: &'a str,
}

impl OnLine<'_> {
    fn find(&self, anchor: &str, value: &str, rule: &'static str, severity: Severity, message: &str) -> Finding {
        let a = self.text.find(anchor).expect("anchor on line");
        let v = a + self.text[a..].find(value).expect("value after anchor");
        let span = Span::new(self.line_start + v as u32, self.line_start + (v + value.len()) as u32);
        Finding::new(rule, severity, self.line_start + a as u32, span, message)
    }

    /// `Located` for a finding made by [`OnLine::find`], computed like `lint::locate`.
    fn locate(&self, finding: Finding, category: &'static str, path: &str, xpath: Option<&str>) -> Located {
        let column = |byte: u32| self.text[..(byte - self.line_start) as usize].chars().count() as u32 + 1;
        let (column_start, column_end) = (column(finding.anchor), column(finding.span.end));
        located(
            finding,
            category,
            path,
            (self.line, column_start),
            (self.line, column_end),
            xpath,
            Some(self.text),
        )
    }
}

pub(super) fn located(
    finding: Finding,
    category: &'static str,
    path: &str,
    (line, column): (u32, u32),
    (end_line, column_end): (u32, u32),
    xpath: Option<&str>,
    source_line: Option<&str>,
) -> Located {
    Located {
        finding,
        category,
        path: path.to_owned(),
        line,
        column,
        end_line,
        column_end,
        xpath: xpath.map(str::to_owned),
        source_line: source_line.map(str::to_owned),
        source_line_column: 1,
    }
}

fn fix(applicability: Applicability, span: Span, value: &str) -> Fix {
    Fix {
        applicability,
        replacement: value.to_owned(),
        edits: vec![Edit {
            span,
            content: value.to_owned(),
        }],
    }
}

const BROKEN: &str = "feeds/broken.xml";
const NINJA: &str = "feeds/ninja-tune-ern43.xml";
const POLYDOR: &str = "feeds/polydor-ern382.xml";

/// Three files, seven findings (2 errors, 4 warnings, 1 info), deliberately out of order.
pub(super) fn sample_report() -> Report {
    let mut findings = Vec::new();

    // ERN 4.3, spaces for indentation.
    let isrc = OnLine {
        line: 48,
        line_start: 1712,
        text: "            <ISRC>GB-ABC-24-00012</ISRC>",
    };
    let f = isrc.find(
        "<ISRC>",
        "GB-ABC-24-00012",
        "id-isrc",
        Severity::Error,
        "ISRC 'GB-ABC-24-00012' has separators; DDEX wants the 12 bare characters",
    );
    let f = f
        .clone()
        .with_help("write it as GBABC2400012")
        .with_fix(fix(Applicability::Safe, f.span, "GBABC2400012"));
    findings.push(isrc.locate(
        f,
        "identifier",
        NINJA,
        Some("/NewReleaseMessage/ResourceList/SoundRecording[2]/SoundRecordingEdition/ResourceId/ISRC"),
    ));

    let greek = OnLine {
        line: 112,
        line_start: 4003,
        text: "        <TitleText LanguageAndScriptCode=\"el\">Ο Δρόμος της Αθήνασ</TitleText>",
    };
    let f = greek.find(
        "<TitleText",
        "Αθήνασ",
        "case-greek-final-sigma",
        Severity::Warning,
        "'Αθήνασ' ends in a medial sigma 'σ'; Greek words end in 'ς'",
    );
    let whole = Span::new(f.span.start - "Ο Δρόμος της ".len() as u32, f.span.end);
    let f = f
        .with_help("a lowercase word ends in final sigma ς (U+03C2)")
        .with_fix(fix(Applicability::Safe, whole, "Ο Δρόμος της Αθήνας"));
    findings.push(greek.locate(
        f,
        "unicode",
        NINJA,
        Some("/NewReleaseMessage/ReleaseList/Release/DisplayTitle[2]/TitleText"),
    ));

    let japanese = OnLine {
        line: 131,
        line_start: 4890,
        text: "        <TitleText LanguageAndScriptCode=\"ja-Jpan\">東京ﾅｲﾄ・ドライブ</TitleText>",
    };
    let f = japanese.find(
        "<TitleText",
        "ﾅｲﾄ",
        "unicode-compatibility-characters",
        Severity::Warning,
        "half-width katakana 'ﾅｲﾄ' in a title",
    );
    let whole = Span::new(
        f.span.start - "東京".len() as u32,
        f.span.end + "・ドライブ".len() as u32,
    );
    let f = f
        .with_help("stores index the full-width forms; NFKC maps them, but also changes other characters")
        .with_fix(fix(Applicability::Unsafe, whole, "東京ナイト・ドライブ"));
    findings.push(japanese.locate(
        f,
        "unicode",
        NINJA,
        Some("/NewReleaseMessage/ReleaseList/Release/DisplayTitle[3]/TitleText"),
    ));

    // ERN 3.8.2, tabs for indentation.
    let suffix = OnLine {
        line: 20,
        line_start: 640,
        text: "\t\t\t<LabelName>Polydor Records Ltd</LabelName>",
    };
    let f = suffix.find(
        "<LabelName>",
        "Polydor Records Ltd",
        "label-legal-entity-suffix",
        Severity::Warning,
        "label name 'Polydor Records Ltd' carries the legal-entity suffix 'Ltd'",
    );
    let f = f
        .with_help("DSPs show the label name as written; the company form belongs in the P line")
        .with_fix(Fix::suggest("Polydor Records"));
    findings.push(suffix.locate(
        f,
        "label",
        POLYDOR,
        Some("/ern:NewReleaseMessage/ReleaseList/Release[1]/ReleaseDetailsByTerritory/LabelName"),
    ));

    let zwsp = OnLine {
        line: 9,
        line_start: 301,
        text: "\t\t\t\t<FullName>Nils\u{200B} Frahm</FullName>",
    };
    let f = zwsp.find(
        "<FullName>",
        "\u{200B}",
        "unicode-invisible-format-characters",
        Severity::Warning,
        "zero width space (U+200B) in a party name",
    );
    let whole = Span::new(f.span.start - 4, f.span.end + 6);
    let f = f.with_fix(fix(Applicability::Safe, whole, "Nils Frahm"));
    findings.push(zwsp.locate(
        f,
        "unicode",
        POLYDOR,
        Some("/ern:NewReleaseMessage/PartyList/Party[3]/PartyName/FullName"),
    ));

    // A span that runs onto later lines, with neither help, XPath nor fix.
    let party = OnLine {
        line: 31,
        line_start: 1004,
        text: "\t\t<Party>",
    };
    let f = party.find(
        "<Party>",
        "<Party>",
        "label-party-without-identifier",
        Severity::Info,
        "label party P-LABEL-1 has no DPID, ISNI or ProprietaryId",
    );
    let f = Finding {
        span: Span::new(f.span.start, f.span.start + 120),
        ..f
    };
    findings.push(located(f, "label", POLYDOR, (31, 3), (35, 11), None, Some(party.text)));

    // Malformed XML: a position from the parser, no source line, no XPath.
    let f = Finding::new(
        "xml-malformed",
        Severity::Error,
        0,
        Span::empty(0),
        "the file is not well-formed XML: expected `</TitleText>`, found `</Title>`",
    )
    .with_help("every start tag needs the end tag of the same name");
    findings.push(located(f, "xml", BROKEN, (14, 37), (14, 37), None, None));

    findings.reverse();
    Report {
        files: vec![
            FileSummary {
                path: POLYDOR.into(),
                ern_version: Some("3.8.2".into()),
                releases: 2,
                findings: 3,
            },
            FileSummary {
                path: NINJA.into(),
                ern_version: Some("4.3".into()),
                releases: 1,
                findings: 3,
            },
            FileSummary {
                path: BROKEN.into(),
                ern_version: None,
                releases: 0,
                findings: 1,
            },
        ],
        findings,
        fixed: 0,
        baseline: None,
    }
}

/// The same three files, nothing found.
pub(super) fn empty_report() -> Report {
    let mut report = sample_report();
    report.findings.clear();
    for file in &mut report.files {
        file.findings = 0;
    }
    report
}

#[test]
fn sample_has_what_the_snapshots_claim() {
    let s = sample_report().summary();
    assert_eq!((s.files, s.errors, s.warnings, s.infos, s.fixable), (3, 2, 4, 1, 4));
}

#[test]
fn every_format_name_parses_back() {
    use super::Format;
    for format in Format::ALL {
        assert_eq!(format.name().parse::<Format>(), Ok(format));
    }
    let err = "xml".parse::<Format>().unwrap_err().to_string();
    assert!(err.contains("json-lines, sarif, junit, github, gitlab"), "{err}");
}

/// A long line (a minified feed) reaches the renderers as a window around each finding, and
/// every renderer that shows or reads the line gives what it gives with the whole line.
#[test]
fn a_long_line_cut_to_windows_renders_as_the_whole_line() {
    let mut text = String::new();
    for name in ["unicode-nordlicht-ern43.xml", "identifiers-hafenkante-ern43.xml"] {
        let path = format!("{}/samples/{name}", env!("CARGO_MANIFEST_DIR"));
        let feed = std::fs::read_to_string(path).unwrap();
        let minified = feed.replace(['\n', '\r'], " ");
        // The second feed's root after the first's, inside it: one message, twice the text.
        if text.is_empty() {
            text = minified;
        } else {
            let at = text.rfind("</ResourceList>").unwrap();
            let from = minified.find("<SoundRecording>").unwrap();
            let to = minified.rfind("</ResourceList>").unwrap();
            text.insert_str(at, &minified[from..to]);
        }
    }
    let source = crate::source::Source::from_text("one-line.xml", text.clone());
    let settings = crate::lint::Settings::default();
    let windowed = crate::lint::lint_source(&source, &settings);
    let cut = windowed.findings.iter().filter(|l| l.source_line_column > 1).count();
    assert!(cut > 3, "{} findings, {cut} cut", windowed.findings.len());
    let whole_line: Vec<Located> = windowed
        .findings
        .iter()
        .cloned()
        .map(|mut l| {
            l.source_line = Some(text.clone());
            l.source_line_column = 1;
            l
        })
        .collect();
    let report = |findings: Vec<Located>| Report {
        files: vec![windowed.summary.clone()],
        findings,
        fixed: 0,
        baseline: None,
    };
    let (windowed, whole) = (report(windowed.findings.clone()), report(whole_line));
    use crate::render::{Format, RenderOptions};
    for format in [Format::Human, Format::Sarif, Format::Gitlab] {
        let rendered = |r: &Report| {
            let mut out = Vec::new();
            crate::render::render(r, format, &RenderOptions::default(), &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        assert_eq!(rendered(&windowed), rendered(&whole), "{format:?}");
    }
}
