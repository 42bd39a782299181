//! `--format junit`: JUnit XML, the test-report format every CI dashboard reads (GitLab
//! `artifacts:reports:junit`, Jenkins, Azure DevOps, CircleCI).
//!
//! One `<testsuite>` for the run and one `<testcase>` per checked file, so a clean file is a
//! passing test and a dashboard shows how many feeds passed, not just what failed. Each finding
//! is one `<failure>` of its file's test case, `type` the rule id, `message` the finding's
//! message, and the body its location, XPath and help.
//!
//! Text comes from feeds and may hold characters XML 1.0 cannot carry at all, not even as
//! character references (C0 controls, U+FFFE/U+FFFF): those are written as `[U+0001]`, so the
//! report always parses. No timestamp or duration is written, so reports are reproducible.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use crate::report::{Located, Report};
use crate::xml::{escape_attr, escape_text};

pub(super) fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    // Files with findings but no summary (never from the CLI) still get a test case.
    let mut by_file: BTreeMap<&str, Vec<&Located>> = super::ordered_files(report)
        .into_iter()
        .map(|f| (f.path.as_str(), Vec::new()))
        .collect();
    for l in super::ordered_findings(report) {
        by_file.entry(l.path.as_str()).or_default().push(l);
    }
    let failing = by_file.values().filter(|f| !f.is_empty()).count();

    let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let (tests, findings) = (by_file.len(), report.findings.len());
    let _ = writeln!(
        x,
        "<testsuites name=\"ddexlint\" tests=\"{tests}\" failures=\"{failing}\" errors=\"0\">"
    );
    let _ = writeln!(
        x,
        "  <testsuite name=\"ddexlint\" tests=\"{tests}\" failures=\"{failing}\" errors=\"0\" skipped=\"0\">"
    );
    let _ = writeln!(x, "    <properties>");
    let _ = writeln!(
        x,
        "      <property name=\"version\" value=\"{}\"/>",
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(x, "      <property name=\"findings\" value=\"{findings}\"/>");
    let _ = writeln!(x, "    </properties>");
    for (path, findings) in &by_file {
        let name = attr(path);
        if findings.is_empty() {
            let _ = writeln!(
                x,
                "    <testcase name=\"{name}\" classname=\"ddexlint\" file=\"{name}\"/>"
            );
            continue;
        }
        let _ = writeln!(
            x,
            "    <testcase name=\"{name}\" classname=\"ddexlint\" file=\"{name}\">"
        );
        for l in findings {
            write_failure(&mut x, l);
        }
        let _ = writeln!(x, "    </testcase>");
    }
    x.push_str("  </testsuite>\n</testsuites>\n");
    out.write_all(x.as_bytes())
}

fn write_failure(x: &mut String, l: &Located) {
    let f = &l.finding;
    let mut body = match l.line {
        0 => format!("{}: {}[{}]", l.path, f.severity.as_str(), f.rule),
        _ => format!(
            "{}:{}:{}: {}[{}]",
            l.path,
            l.line,
            l.column,
            f.severity.as_str(),
            f.rule
        ),
    };
    body.push_str(&format!(" {}", f.message));
    if let Some(xpath) = &l.xpath {
        body.push_str(&format!("\nxpath: {xpath}"));
    }
    if let Some(help) = &f.help {
        body.push_str(&format!("\nhelp: {help}"));
    }
    if let Some(fix) = &f.fix {
        body.push_str(&format!("\nfix ({}): {}", fix.applicability.as_str(), fix.replacement));
    }
    let _ = writeln!(
        x,
        "      <failure type=\"{}\" message=\"{}\">{}</failure>",
        attr(f.rule),
        attr(&f.message),
        escape_text(&xml_chars(&body))
    );
}

fn attr(s: &str) -> String {
    escape_attr(&xml_chars(s)).into_owned()
}

/// `s` with the characters XML 1.0 forbids written as `[U+XXXX]`.
fn xml_chars(s: &str) -> String {
    let allowed = |c: char| matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}');
    s.chars().fold(String::with_capacity(s.len()), |mut out, c| {
        if allowed(c) {
            out.push(c);
        } else {
            let _ = write!(out, "[U+{:04X}]", c as u32);
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::{empty_report, sample_report};
    use super::super::{render, Format, RenderOptions};
    use quick_xml::escape::resolve_predefined_entity;
    use quick_xml::events::{BytesStart, Event};
    use quick_xml::{Reader, XmlVersion};

    fn junit(report: &crate::report::Report) -> String {
        let mut out = Vec::new();
        render(report, Format::Junit, &RenderOptions::default(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// An element's name, attributes and text.
    type Element = (String, Vec<(String, String)>, String);

    /// Every element as (name, attributes, text), read with quick-xml, which fails on anything
    /// not well-formed; and no character XML 1.0 forbids anywhere in the document.
    fn parse(xml: &str) -> Vec<Element> {
        assert!(!xml
            .chars()
            .any(|c| (c < ' ' && !"\t\n\r".contains(c)) || c == '\u{FFFF}'));
        let mut reader = Reader::from_str(xml);
        let mut elements = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        let element = |e: &BytesStart| {
            let name = e.name().0.to_owned();
            let attrs = e
                .attributes()
                .map(|a| {
                    let a = a.unwrap();
                    let key = a.key.0.to_owned();
                    (key, a.normalized_value(XmlVersion::Implicit1_0).unwrap().into_owned())
                })
                .collect();
            (name, attrs, String::new())
        };
        loop {
            match reader.read_event().expect("well-formed XML") {
                Event::Start(e) => {
                    elements.push(element(&e));
                    open.push(elements.len() - 1);
                }
                Event::Empty(e) => elements.push(element(&e)),
                Event::Text(t) => {
                    if let Some(&i) = open.last() {
                        elements[i].2.push_str(&t.xml10_content());
                    }
                }
                Event::GeneralRef(r) => {
                    let i = *open.last().unwrap();
                    match r.resolve_char_ref().unwrap() {
                        Some(c) => elements[i].2.push(c),
                        None => {
                            let name = r.xml10_content();
                            elements[i].2.push_str(resolve_predefined_entity(&name).unwrap());
                        }
                    }
                }
                Event::End(_) => {
                    open.pop();
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert!(open.is_empty());
        elements
    }

    fn attr<'a>(e: &'a Element, key: &str) -> &'a str {
        e.1.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str()).unwrap()
    }

    #[test]
    fn sample_report_as_junit() {
        insta::assert_snapshot!(junit(&sample_report()));
    }

    #[test]
    fn one_suite_one_case_per_file_one_failure_per_finding() {
        let elements = parse(&junit(&sample_report()));
        let count = |name: &str| elements.iter().filter(|e| e.0 == name).count();
        assert_eq!((count("testsuites"), count("testsuite")), (1, 1));
        assert_eq!(count("testcase"), 3);
        assert_eq!(count("failure"), 7);
        let isrc = elements
            .iter()
            .find(|e| e.0 == "failure" && attr(e, "type") == "id-isrc")
            .unwrap();
        assert!(attr(isrc, "message").starts_with("ISRC 'GB-ABC-24-00012'"));
        assert!(
            isrc.2.starts_with("feeds/ninja-tune-ern43.xml:48:13: error[id-isrc]"),
            "{}",
            isrc.2
        );
        assert!(isrc.2.contains("\nxpath: /NewReleaseMessage/"));

        let clean = parse(&junit(&empty_report()));
        assert_eq!(clean.iter().filter(|e| e.0 == "testcase").count(), 3);
        assert!(clean.iter().all(|e| e.0 != "failure"));
    }

    #[test]
    fn hostile_text_stays_well_formed() {
        let mut report = sample_report();
        let hostile = "a <b> & \"c\" 'd'\nline\u{1}\u{FFFF}]]>";
        report.findings[0].finding.message = hostile.into();
        report.findings[0].path = "feeds/<&>.xml".into();
        let elements = parse(&junit(&report));
        let failure = elements
            .iter()
            .find(|e| e.0 == "failure" && attr(e, "message").starts_with("a <b>"))
            .unwrap();
        assert_eq!(attr(failure, "message"), "a <b> & \"c\" 'd'\nline[U+0001][U+FFFF]]]>");
        assert!(failure.2.contains("feeds/<&>.xml"));
    }
}
