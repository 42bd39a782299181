//! Linting one file: decode, read, run the enabled rules, place the findings.

mod locate;
mod stream;

pub use locate::locate;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use crate::catalogue::FileFacts;
use crate::config::PerPathIgnores;
use crate::ern;
use crate::finding::{Finding, Severity, Span};
use crate::report::{FileSummary, Located};
use crate::rules::registry::{self, RULES};
use crate::rules::{Category, Context, RuleOptions};
use crate::source::{Bytes, Source};

/// Which rules run.
#[derive(Clone, Debug)]
pub struct Selection {
    enabled: HashSet<&'static str>,
}

impl Default for Selection {
    fn default() -> Self {
        Selection {
            enabled: RULES.iter().map(|r| r.id).collect(),
        }
    }
}

impl Selection {
    /// `select` (empty = all) minus `ignore`; entries are rule ids or categories.
    pub fn new(select: &[String], ignore: &[String]) -> Result<Selection, String> {
        let mut enabled: HashSet<&'static str> = if select.is_empty() {
            RULES.iter().map(|r| r.id).collect()
        } else {
            HashSet::new()
        };
        for s in select {
            enabled.extend(expand(s)?);
        }
        for s in ignore {
            for id in expand(s)? {
                enabled.remove(id);
            }
        }
        Ok(Selection { enabled })
    }

    pub fn is_enabled(&self, id: &str) -> bool {
        self.enabled.contains(id)
    }

    /// This selection without `ids` (per-path ignores).
    pub fn without(&self, ids: &[&str]) -> Selection {
        let enabled = self.enabled.iter().copied().filter(|id| !ids.contains(id)).collect();
        Selection { enabled }
    }

    /// The enabled rule ids, in registry order.
    pub fn enabled_ids(&self) -> Vec<&'static str> {
        RULES
            .iter()
            .map(|r| r.id)
            .filter(|id| self.enabled.contains(id))
            .collect()
    }
}

/// A rule id or a category, as the rule ids it stands for.
fn expand(name: &str) -> Result<Vec<&'static str>, String> {
    let name = name.trim();
    if let Some(r) = registry::rule(name) {
        return Ok(vec![r.id]);
    }
    if let Some(c) = Category::parse(name) {
        return Ok(registry::in_category(c).map(|r| r.id).collect());
    }
    let candidates = RULES
        .iter()
        .map(|r| r.id)
        .chain(Category::ALL.iter().map(|c| c.as_str()));
    Err(match crate::suggest::closest(name, candidates) {
        Some(best) => format!("unknown rule or category '{name}' (did you mean '{best}'?)"),
        None => format!("unknown rule or category '{name}'"),
    })
}

/// Everything that shapes a run's findings.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    pub selection: Selection,
    pub severities: HashMap<&'static str, Severity>,
    pub options: RuleOptions,
    /// Rules left out for some paths (`[per-path-ignores]` of the config file).
    pub per_path: PerPathIgnores,
    /// Copy each file's [`FileFacts`] out for the catalogue pass (the CLI sets it when a
    /// catalogue rule is enabled; library callers that lint one file leave it off).
    pub catalogue: bool,
    /// With `catalogue`, copy only the label and artist names, not the identifiers: the CLI
    /// sets it when no rule would compare them (one file and no catalogue index: the
    /// `id-*-conflict` rules compare files; or those rules are off).
    pub catalogue_names_only: bool,
    /// Leave [`Located::source_line`] empty: only the human, SARIF and GitLab formats read it
    /// (the CLI sets this for the others; a catalogue run's copies of lines are megabytes).
    pub without_source_lines: bool,
    /// Which files are read a segment at a time.
    pub streaming: Streaming,
}

/// Which files are read a segment at a time ([`crate::ern::read_in_segments`]): a batch
/// file's model is then never held whole.
#[derive(Clone, Copy, Debug)]
pub struct Streaming {
    /// Files from this size (bytes of decoded text) on.
    pub from_bytes: usize,
    /// Content items (releases and resources) per segment.
    pub items_per_segment: usize,
}

impl Default for Streaming {
    fn default() -> Self {
        Streaming {
            from_bytes: 8 << 20,
            // On the 200 MB batch file: 4,096 items peaked 10-15 MB higher, 1,024 took 0.3 s
            // longer (each segment builds its views and runs every rule once).
            items_per_segment: 2048,
        }
    }
}

impl Settings {
    /// The selection for one file: the run's, minus its per-path ignores.
    pub fn selection_for(&self, path: &str) -> Cow<'_, Selection> {
        let ignored = self.per_path.ignored(path);
        if ignored.is_empty() {
            Cow::Borrowed(&self.selection)
        } else {
            Cow::Owned(self.selection.without(&ignored))
        }
    }
}

/// One linted file.
#[derive(Debug)]
pub struct FileOutcome {
    pub summary: FileSummary,
    pub findings: Vec<Located>,
    /// The text each finding underlines (its offending value), index for index with
    /// `findings`: with the XPath, the place a baseline recognises a finding by, which
    /// unlike the line survives edits elsewhere in the file.
    pub values: Vec<String>,
    /// What the file contributes to the catalogue index (with [`Settings::catalogue`]).
    pub catalogue: Option<FileFacts>,
}

impl FileOutcome {
    /// Put the findings (and their values) in the report's order within a file
    /// ([`crate::report::in_file_order`]; stable, so equal places keep the rules' order).
    pub fn sort_findings(&mut self) {
        debug_assert_eq!(self.findings.len(), self.values.len());
        if self
            .findings
            .is_sorted_by(|a, b| crate::report::in_file_order(a, b).is_le())
        {
            return;
        }
        let mut pairs: Vec<(Located, String)> = self.findings.drain(..).zip(self.values.drain(..)).collect();
        pairs.sort_by(|a, b| crate::report::in_file_order(&a.0, &b.0));
        (self.findings, self.values) = pairs.into_iter().unzip();
    }
}

/// Lint a file's bytes (`path` is how the report names it).
pub fn lint_bytes(path: &str, bytes: impl Into<Bytes>, settings: &Settings) -> FileOutcome {
    let bytes = bytes.into();
    // Keep the head for the encoding sniff; the decoded text takes over the rest.
    let head = bytes[..bytes.len().min(200)].to_vec();
    match Source::decode(path, bytes) {
        Ok(source) => lint_source(&source, settings),
        Err(e) => {
            let (rule, message) = match declared_encoding(&String::from_utf8_lossy(&head)) {
                Some(enc) if !is_utf(&enc) => (
                    "xml-encoding-unsupported",
                    format!("the file declares encoding '{enc}' and is not UTF-8 ({})", e.message),
                ),
                _ => (
                    "xml-malformed",
                    format!("the file is not well-formed XML: {}", e.message),
                ),
            };
            let before = &e.bytes[..e.byte_offset.min(e.bytes.len())];
            let line = before.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
            let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
            let column = String::from_utf8_lossy(&before[line_start..]).chars().count() as u32 + 1;
            let finding = Finding::new(rule, Severity::Error, 0, Span::empty(0), message)
                .with_help("save the feed as UTF-8: DDEX feeds are exchanged in UTF-8");
            let findings = if settings.selection_for(path).is_enabled(rule) {
                vec![Located {
                    finding,
                    category: "xml",
                    path: path.to_string(),
                    line,
                    column,
                    end_line: line,
                    column_end: column,
                    xpath: None,
                    source_line: None,
                    source_line_column: 1,
                }]
            } else {
                Vec::new()
            };
            FileOutcome {
                summary: FileSummary {
                    path: path.to_string(),
                    ern_version: None,
                    releases: 0,
                    findings: findings.len(),
                },
                values: vec![String::new(); findings.len()],
                findings,
                catalogue: None,
            }
        }
    }
}

/// Files from this size (bytes of decoded text) run their rules in parallel.
const PARALLEL_RULES_FROM: usize = 1 << 20;

/// Lint a decoded source.
pub fn lint_source(source: &Source, settings: &Settings) -> FileOutcome {
    let selection = settings.selection_for(&source.path);
    let selection = selection.as_ref();
    let large = source.text.len() >= PARALLEL_RULES_FROM;
    // Suppression comments are found once, for the catalogue facts and for this file's
    // findings; a batch file's while it is read (its reading threads leave a core partly idle).
    let find_suppressions = || crate::suppress::Suppressions::of(&source.text);
    // A batch file is read a segment at a time, its rules run as it is read.
    let streamed = if stream::applies(source, settings) {
        let (streamed, suppressions) = rayon::join(
            || stream::read_and_check(source, settings, selection),
            find_suppressions,
        );
        streamed.map(|checked| (checked, suppressions))
    } else {
        None
    };
    let mut catalogue = None;
    let (outcome, suppressions, streamed_findings) = match streamed {
        Some((checked, suppressions)) => {
            if let (Some(facts), Some(feed)) = (checked.facts, &checked.outcome.feed) {
                catalogue = Some(facts.finish(feed, source, &suppressions));
            }
            (checked.outcome, suppressions, Some(checked.found))
        }
        None if large => {
            let (outcome, suppressions) = rayon::join(|| ern::read(&source.text), find_suppressions);
            (outcome, suppressions, None)
        }
        None => (ern::read(&source.text), find_suppressions(), None),
    };
    let mut findings = outcome.findings;
    findings.extend(encoding_declaration(&source.text));
    let facts = |feed: &ern::Feed| {
        settings
            .catalogue
            .then(|| FileFacts::extract(feed, source, &suppressions, !settings.catalogue_names_only))
    };
    if let Some(mut found) = streamed_findings {
        // A batch file's tens of thousands: moved, not copied beside themselves.
        if findings.is_empty() {
            findings = found;
        } else {
            findings.append(&mut found);
        }
    } else if let Some(feed) = &outcome.feed {
        let cx = Context::new(feed, source, &settings.options);
        // Rules are independent readers of the model: run them in parallel for a large batch
        // file (beside the catalogue facts); a small file's rules run on its own thread (files
        // already run in parallel and a task per rule would cost more than the rule). Either
        // way the registry's order is kept, so output does not depend on scheduling.
        let run = |rule: &&crate::rules::Rule| {
            if !selection.is_enabled(rule.id) {
                return None;
            }
            let mut out = Vec::new();
            rule.check.run_on_feed(&cx, &mut out).then_some(out)
        };
        let per_rule: Vec<Vec<Finding>>;
        (per_rule, catalogue) = if large {
            rayon::join(
                || {
                    cx.build_shared_views_in_parallel(|c| {
                        RULES.iter().any(|r| r.category == c && selection.is_enabled(r.id))
                    });
                    RULES.par_iter().filter_map(run).collect()
                },
                || facts(feed),
            )
        } else {
            (RULES.iter().filter_map(run).collect(), facts(feed))
        };
        findings.extend(per_rule.into_iter().flatten());
    }
    findings.retain(|f| selection.is_enabled(f.rule));
    let deferred: Vec<&str> = if settings.catalogue {
        crate::rules::catalogue::CHECKS.iter().map(|(id, _)| *id).collect()
    } else {
        Vec::new()
    };
    suppressions.apply(&mut findings, selection, &deferred);
    for f in &mut findings {
        if let Some(&s) = settings.severities.get(f.rule) {
            f.severity = s;
        }
    }
    let releases = outcome.feed.as_ref().map_or(0, ern::Feed::release_count);
    let values = findings.iter().map(|f| value_at(&source.text, f.span)).collect();
    let mut feed = outcome.feed;
    let lines = !settings.without_source_lines;
    let located = if large {
        // Placing findings needs only the item marks: a batch file's hundreds of thousands
        // of items are freed meanwhile on the other core, not after it (−35 ms of 1.55 s).
        let items = feed.as_mut().map(take_item_data);
        rayon::join(
            || locate::locate_lines(source, feed.as_ref(), findings, lines),
            move || drop(items),
        )
        .0
    } else {
        locate::locate_lines(source, feed.as_ref(), findings, lines)
    };
    FileOutcome {
        summary: FileSummary {
            path: source.path.clone(),
            ern_version: outcome.version_label,
            releases,
            findings: located.len(),
        },
        findings: located,
        values,
        catalogue,
    }
}

/// What a model holds about its items beyond their marks, taken out of it (to be dropped).
fn take_item_data<'a>(feed: &mut ern::Feed<'a>) -> impl Send + 'a {
    use std::mem::take;
    (
        take(&mut feed.releases),
        take(&mut feed.resources),
        take(&mut feed.parties),
        take(&mut feed.identifiers),
        take(&mut feed.refs),
        take(&mut feed.lang_attrs),
    )
}

/// The text under `span`, cut at 200 bytes (a span may cover a whole element).
fn value_at(text: &str, span: crate::finding::Span) -> String {
    let mut end = (span.end as usize).min(text.len()).min(span.start as usize + 200);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(span.start as usize..end).unwrap_or("").to_string()
}

/// `encoding="…"` of the XML declaration, if any.
fn declared_encoding(text: &str) -> Option<String> {
    let decl = text.strip_prefix("<?xml")?;
    let decl = &decl[..decl.find("?>")?];
    let at = decl.find("encoding")?;
    let rest = decl[at + 8..].trim_start().strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let rest = &rest[1..];
    Some(rest[..rest.find(quote)?].to_string())
}

fn is_utf(enc: &str) -> bool {
    matches!(
        enc.to_ascii_lowercase().as_str(),
        "utf-8" | "utf8" | "utf-16" | "utf-16le" | "utf-16be" | "us-ascii" | "ascii"
    )
}

/// A declared non-UTF encoding in a file that has non-ASCII text (an ASCII-only file reads
/// the same in any of these encodings).
fn encoding_declaration(text: &str) -> Option<Finding> {
    let enc = declared_encoding(text)?;
    if is_utf(&enc) || text.is_ascii() {
        return None;
    }
    let at = text.find(&enc).unwrap_or(0) as u32;
    Some(Finding::new(
        "xml-encoding-unsupported",
        Severity::Error,
        0,
        Span::new(at, at + enc.len() as u32),
        format!("the XML declaration says encoding '{enc}', but the file's bytes are UTF-8: a receiver that trusts the declaration garbles every non-ASCII character"),
    ).with_help("declare encoding=\"UTF-8\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_findings_keeps_each_value_with_its_finding() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/identifiers-hafenkante-ern43.xml");
        let mut outcome = lint_bytes("feed.xml", std::fs::read(path).unwrap(), &Settings::default());
        assert!(outcome.findings.len() > 3);
        let pairs = |o: &FileOutcome| -> Vec<_> {
            let pair =
                |(l, v): (&Located, &String)| (l.line, l.column, l.finding.rule, l.finding.message.clone(), v.clone());
            o.findings.iter().zip(&o.values).map(pair).collect()
        };
        let mut before = pairs(&outcome);
        outcome.findings.reverse();
        outcome.values.reverse();
        outcome.sort_findings();
        assert!(outcome
            .findings
            .is_sorted_by(|a, b| crate::report::in_file_order(a, b).is_le()));
        let mut after = pairs(&outcome);
        before.sort();
        after.sort();
        assert_eq!(before, after);
    }
}
