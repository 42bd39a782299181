//! Inline suppressions: `<!-- ddexlint-disable-next-element RULE[, RULE…]: reason -->`.
//!
//! The XML reader skips comments, and most feeds have none of ours, so this is a separate,
//! cheap pass: one `memmem` search for the marker, and only where it occurs a parse of the
//! comment and a walk to the end of the element that follows. A suppression silences the
//! rules it names on findings anchored inside that element (its start tag to its end tag).
//!
//! Suppressions are checked like code: one without a reason or naming an unknown rule is
//! `suppression-invalid`, and a rule it names that found nothing there is
//! `suppression-unused`, so stale suppressions do not outlive the problem they hid.

use memchr::memmem;
use quick_xml::events::Event;
use quick_xml::Reader;

use crate::finding::{Finding, Span};
use crate::lint::Selection;
use crate::rules::registry::{self, RULES};
use crate::rules::structure::{suppression_invalid, suppression_unused};

const MARKER: &str = "ddexlint-";

/// Whether `text` holds [`MARKER`] at all: the usual answer, no, by a searcher built once
/// rather than per call (two calls per file).
fn has_marker(text: &str) -> bool {
    static FINDER: std::sync::LazyLock<memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memmem::Finder::new(MARKER.as_bytes()));
    FINDER.find(text.as_bytes()).is_some()
}
pub const DIRECTIVE: &str = "ddexlint-disable-next-element";

/// One parsed `ddexlint-` comment.
#[derive(Debug)]
struct Directive {
    /// The whole comment, `<!--` to `-->`.
    comment: Span,
    rules: Vec<&'static str>,
    /// What is wrong with it, if anything (reported as `suppression-invalid`).
    problems: Vec<String>,
    /// The element it applies to: start tag to end of end tag.
    target: Option<Span>,
}

/// A file's suppression comments, found once per file: the file's own pass applies them
/// ([`Suppressions::apply`]) and the catalogue facts record what they silence
/// ([`Suppressions::rules_at`]).
#[derive(Debug, Default)]
pub struct Suppressions(Vec<Directive>);

impl Suppressions {
    /// The suppression comments of `text`: in most files none, after one search.
    pub fn of(text: &str) -> Suppressions {
        Suppressions(if has_marker(text) { scan(text) } else { Vec::new() })
    }

    /// Remove the findings that suppressions silence and add findings about the suppressions.
    /// `selection` is the run's: unused is judged only for rules that ran. `deferred` rules
    /// are not judged either: the catalogue pass reports them later, after this file is done,
    /// and honours the suppression itself (see [`Suppressions::rules_at`]).
    pub fn apply(&self, findings: &mut Vec<Finding>, selection: &Selection, deferred: &[&str]) {
        let directives = &self.0;
        if directives.is_empty() {
            return;
        }
        let mut used: Vec<Vec<bool>> = directives.iter().map(|d| vec![false; d.rules.len()]).collect();
        findings.retain(|f| {
            let mut keep = true;
            for (d, used) in directives.iter().zip(used.iter_mut()) {
                let Some(target) = d.target else { continue };
                if !(target.start..target.end).contains(&f.anchor) {
                    continue;
                }
                if let Some(i) = d.rules.iter().position(|r| *r == f.rule) {
                    used[i] = true;
                    keep = false;
                }
            }
            keep
        });
        for (d, used) in directives.iter().zip(&used) {
            if selection.is_enabled(suppression_invalid::RULE.id) {
                for p in &d.problems {
                    findings.push(suppression_invalid::RULE.finding(d.comment.start, d.comment, p.clone()));
                }
            }
            if d.target.is_none() || !selection.is_enabled(suppression_unused::RULE.id) {
                continue;
            }
            for (rule, _) in d
                .rules
                .iter()
                .zip(used)
                .filter(|(r, u)| !**u && selection.is_enabled(r) && !deferred.contains(*r))
            {
                findings.push(
                    suppression_unused::RULE
                        .finding(
                            d.comment.start,
                            d.comment,
                            format!(
                                "this suppression of '{rule}' silences nothing: the next element has no such finding"
                            ),
                        )
                        .with_help(format!("remove '{rule}' from the comment")),
                );
            }
        }
    }

    /// For each of `anchors` (element starts), the rules that a valid suppression silences
    /// there: for findings made after the file's own pass (the catalogue pass).
    pub fn rules_at(&self, anchors: &[u32]) -> Vec<Vec<&'static str>> {
        let mut out = vec![Vec::new(); anchors.len()];
        for d in &self.0 {
            let Some(target) = d.target else { continue };
            for (a, rules) in anchors.iter().zip(out.iter_mut()) {
                if (target.start..target.end).contains(a) {
                    rules.extend(d.rules.iter().copied());
                }
            }
        }
        out
    }
}

/// Every `<!-- ddexlint-… -->` comment of `text`.
fn scan(text: &str) -> Vec<Directive> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for at in memmem::find_iter(bytes, MARKER.as_bytes()) {
        let before = text[..at].trim_end();
        let Some(open) = before.strip_suffix("<!--").map(str::len) else {
            continue;
        };
        let Some(close) = memmem::find(&bytes[at..], b"-->").map(|p| at + p) else {
            continue;
        };
        let comment = Span::new(open as u32, (close + 3) as u32);
        let mut d = parse(&text[at..close], comment);
        if !d.rules.is_empty() || d.problems.is_empty() {
            d.target = next_element(text, close + 3);
            if d.target.is_none() {
                d.problems.push("no element follows this suppression".to_string());
            }
        }
        out.push(d);
    }
    out
}

/// The comment's content from `ddexlint-` on.
fn parse(content: &str, comment: Span) -> Directive {
    let mut d = Directive {
        comment,
        rules: Vec::new(),
        problems: Vec::new(),
        target: None,
    };
    let content = content.trim_end();
    let name_end = content
        .find(|c: char| c.is_whitespace() || c == ':')
        .unwrap_or(content.len());
    let (name, rest) = content.split_at(name_end);
    if name != DIRECTIVE {
        let hint = crate::suggest::closest(name, [DIRECTIVE])
            .map(|s| format!(" (did you mean '{s}'?)"))
            .unwrap_or_else(|| format!(" (the one directive is '{DIRECTIVE}')"));
        d.problems.push(format!("unknown directive '{name}'{hint}"));
        return d;
    }
    let (list, reason) = match rest.split_once(':') {
        Some((list, reason)) => (list, reason.trim()),
        None => (rest, ""),
    };
    if reason.is_empty() {
        d.problems
            .push("suppression without a reason: write why after a colon, e.g. 'RULE: the label spells it so'".into());
    }
    for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        match registry::rule(name) {
            Some(r) if !d.rules.contains(&r.id) => d.rules.push(r.id),
            Some(_) => {}
            None => d
                .problems
                .push(match crate::suggest::closest(name, RULES.iter().map(|r| r.id)) {
                    Some(best) => format!("unknown rule '{name}' (did you mean '{best}'?)"),
                    None => format!("unknown rule '{name}'"),
                }),
        }
    }
    if list.trim().is_empty() {
        d.problems.push("suppression names no rule".to_string());
    }
    d
}

/// The first element after `from` (skipping whitespace, comments and processing
/// instructions): its start tag to the end of its end tag. `None` when the parent closes
/// first. A document that breaks off inside the element ends it at the end of the text.
fn next_element(text: &str, from: usize) -> Option<Span> {
    let mut reader = Reader::from_str(&text[from..]);
    reader.config_mut().check_end_names = false;
    let mut start = None;
    let mut depth = 0usize;
    loop {
        let at = from + reader.buffer_position() as usize;
        let ev = match reader.read_event() {
            Ok(ev) => ev,
            Err(_) => return start.map(|s| Span::new(s as u32, text.len() as u32)),
        };
        let end = (from + reader.buffer_position() as usize) as u32;
        match ev {
            Event::Start(_) => {
                start.get_or_insert(at);
                depth += 1;
            }
            Event::Empty(_) if start.is_none() => return Some(Span::new(at as u32, end)),
            Event::End(_) => {
                let s = start?;
                depth -= 1;
                if depth == 0 {
                    return Some(Span::new(s as u32, end));
                }
            }
            Event::Text(t) if start.is_none() && !t.as_ref().trim().is_empty() => return None,
            Event::Eof => return start.map(|s| Span::new(s as u32, text.len() as u32)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
