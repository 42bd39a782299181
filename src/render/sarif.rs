//! `--format sarif`: SARIF 2.1.0, for GitHub code scanning (`github/codeql-action/upload-sarif`)
//! and any other SARIF viewer.
//!
//! Hand-rolled serde structs, as ruff and oxlint do: the subset used is small, and field order
//! stays fixed. What GitHub requires (research Part B1) is always present: `tool.driver.rules`
//! with short and full descriptions and help, and for each result a message and a location
//! with a full region. Beyond that:
//!
//! - `columnKind` is `unicodeCodePoints`, which is what ddexlint's columns count;
//! - the element's XPath is a `logicalLocation` of kind `element`;
//! - `partialFingerprints["ddexlint/v1"]` is the line-independent fingerprint also used for
//!   GitLab; GitHub still computes its own `primaryLocationLineHash`;
//! - a fix with edits becomes SARIF `fixes` with regions in lines and columns (never byte
//!   offsets, which are wrong for files with a BOM or in UTF-16); every fix, suggestions
//!   included, is also in `properties.fix`.
//!
//! Only the rules the results use are listed, in registry order, so a report stays small and
//! `ruleIndex` points into a list that is the same for the same findings.

use std::io::{self, Write};

use serde::Serialize;

use crate::finding::{Applicability, Severity};
use crate::report::{Located, Report};
use crate::rules::{registry, Rule};

use super::anchor_line::AnchorLine;

const SCHEMA: &str = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/// GitHub's limit for `shortDescription`/`fullDescription`.
const DESCRIPTION_LIMIT: usize = 1024;

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<RuleDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: &'static str,
    markdown: &'static str,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: [&'static str; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: [Location<'a>; 1],
    partial_fingerprints: Fingerprints,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix>,
    properties: ResultProperties<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    logical_locations: Vec<LogicalLocation<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Clone, Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<u32>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation<'a> {
    fully_qualified_name: &'a str,
    kind: &'static str,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "ddexlint/v1")]
    ddexlint: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix {
    description: Text,
    artifact_changes: [ArtifactChange; 1],
}

#[derive(Serialize)]
struct ArtifactChange {
    #[serde(rename = "artifactLocation")]
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    inserted_content: Text,
}

#[derive(Serialize)]
struct ResultProperties<'a> {
    category: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<ProposedFix<'a>>,
}

#[derive(Serialize)]
struct ProposedFix<'a> {
    applicability: Applicability,
    replacement: &'a str,
}

pub(super) fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let findings = super::ordered_findings(report);
    let fingerprints = super::fingerprint::fingerprints(&findings);
    let rules: Vec<&'static Rule> = registry::RULES
        .iter()
        .copied()
        .filter(|r| findings.iter().any(|l| l.finding.rule == r.id))
        .collect();
    let results = findings
        .iter()
        .zip(fingerprints)
        .map(|(l, fp)| result(l, fp, &rules))
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "ddexlint",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules: rules.iter().map(|r| descriptor(r)).collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn descriptor(rule: &'static Rule) -> RuleDescriptor {
    RuleDescriptor {
        id: rule.id,
        short_description: Text {
            text: truncate(rule.summary),
        },
        full_description: Text {
            text: truncate(&what_it_does(rule.doc)),
        },
        help: Help {
            text: rule.doc,
            markdown: rule.doc,
        },
        default_configuration: Configuration {
            level: level(rule.severity),
        },
        properties: RuleProperties {
            tags: [rule.category.as_str()],
        },
    }
}

/// The `## What it does` section of a rule's doc, as one paragraph; the summary's longer form.
fn what_it_does(doc: &str) -> String {
    let section = doc
        .split_once("## What it does")
        .map(|(_, rest)| rest.split("\n## ").next().unwrap_or(rest))
        .unwrap_or(doc);
    section.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn truncate(s: &str) -> String {
    match s.char_indices().nth(DESCRIPTION_LIMIT - 1) {
        Some((at, _)) if s.chars().count() > DESCRIPTION_LIMIT => format!("{}…", &s[..at]),
        _ => s.to_owned(),
    }
}

fn result<'a>(l: &'a Located, fingerprint: String, rules: &[&Rule]) -> SarifResult<'a> {
    let f = &l.finding;
    let uri = ArtifactLocation { uri: uri(&l.path) };
    SarifResult {
        rule_id: f.rule,
        rule_index: rules.iter().position(|r| r.id == f.rule),
        level: level(f.severity),
        message: Text {
            text: f.message.clone(),
        },
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: uri.clone(),
                region: region(l),
            },
            logical_locations: l
                .xpath
                .as_deref()
                .map(|xpath| LogicalLocation {
                    fully_qualified_name: xpath,
                    kind: "element",
                })
                .into_iter()
                .collect(),
        }],
        partial_fingerprints: Fingerprints { ddexlint: fingerprint },
        fixes: sarif_fix(l, uri).into_iter().collect(),
        properties: ResultProperties {
            category: l.category,
            help: f.help.as_deref(),
            fix: f.fix.as_ref().map(|fix| ProposedFix {
                applicability: fix.applicability,
                replacement: &fix.replacement,
            }),
        },
    }
}

/// The finding's region; a file-level finding (line 0) points at the first line, since
/// GitHub needs a region.
fn region(l: &Located) -> Region {
    if l.line == 0 {
        return Region {
            start_line: 1,
            start_column: None,
            end_line: None,
            end_column: None,
        };
    }
    let end_line = l.end_line.max(l.line);
    let end_column = if end_line == l.line {
        l.column_end.max(l.column)
    } else {
        l.column_end
    };
    Region {
        start_line: l.line,
        start_column: Some(l.column.max(1)),
        end_line: Some(end_line),
        end_column: Some(end_column.max(1)),
    }
}

/// SARIF `fixes` for a fix with edits, when every edit can be placed in lines and columns:
/// an edit's start on the anchor's line, its end there too or at the finding's own end.
fn sarif_fix(l: &Located, artifact: ArtifactLocation) -> Option<SarifFix> {
    let fix = l.finding.fix.as_ref().filter(|fix| !fix.edits.is_empty())?;
    let line = AnchorLine::of(l)?;
    let replacements = fix
        .edits
        .iter()
        .map(|edit| {
            let (start_line, start_column) = line.position(edit.span.start)?;
            let (end_line, end_column) = match line.position(edit.span.end) {
                Some(end) => end,
                None if edit.span.end == l.finding.span.end => (l.end_line, l.column_end),
                None => return None,
            };
            Some(Replacement {
                deleted_region: Region {
                    start_line,
                    start_column: Some(start_column),
                    end_line: Some(end_line),
                    end_column: Some(end_column),
                },
                inserted_content: Text {
                    text: edit.content.clone(),
                },
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(SarifFix {
        description: Text {
            text: format!(
                "Replace with '{}' ({} fix)",
                fix.replacement,
                fix.applicability.as_str()
            ),
        },
        artifact_changes: [ArtifactChange {
            artifact_location: artifact,
            replacements,
        }],
    })
}

/// A path as a URI reference: relative paths stay relative (GitHub resolves them against the
/// repository root), absolute ones become `file://` URIs; both percent-encoded, and `\`
/// turned into `/`, so a path with spaces, `#` or a drive letter is still a valid URI.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let bytes = path.as_bytes();
    let drive = bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/';
    if drive {
        format!("file:///{}:{}", &path[..1], encode(&path[2..]))
    } else if path.starts_with('/') {
        format!("file://{}", encode(&path))
    } else {
        encode(&path)
    }
}

fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
#[path = "sarif_tests.rs"]
mod tests;
