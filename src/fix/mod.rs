//! `--fix`: apply the findings' fixes to a file's decoded text, and prove the result safe to
//! write.
//!
//! Fixes are byte-range edits of whole values (a text content or an attribute value). Several
//! rules may each propose a full replacement of the same value (NFC, invisible characters,
//! white space…), so fixes are applied in rounds, as ruff does: in each round the applicable
//! fixes are taken in the catalogue's order of operations (§6.2), a fix whose edits overlap
//! one already taken waits for the next round, the text is re-linted, and so on until no
//! applicable fix remains. A fix thus always applies to the value as the previous fixes left
//! it, and nothing is applied twice or half.
//!
//! The result is then verified: it must be well-formed, and every byte outside the values
//! that fixes targeted must be unchanged (see [`skeleton`]). A failed check drops every fix of
//! the file: [`FixError`]. The library never writes files; the CLI does.

mod diff;
mod order;
pub mod skeleton;

use std::collections::HashSet;
use std::fmt;

use crate::finding::{Applicability, Edit};
use crate::lint::{lint_source, FileOutcome, Settings};
use crate::source::Source;

pub use diff::unified_diff;
pub use order::priority;

/// Rounds of fixing before a file is declared unstable: more than the number of rules that
/// can rewrite one value, so a file that needs them all still converges.
pub const MAX_ROUNDS: usize = 16;

/// One fix that was applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppliedFix {
    pub rule: &'static str,
    pub applicability: Applicability,
    /// Line and column of the finding in the text the fix was applied to.
    pub line: u32,
    pub column: u32,
    /// The raw value before and after (as written in the file, escaped).
    pub before: String,
    pub after: String,
}

/// A file after fixing.
#[derive(Debug)]
pub struct FixOutcome {
    /// The fixed text (equal to the source's text when nothing applied).
    pub text: String,
    pub applied: Vec<AppliedFix>,
    /// The findings of the fixed text.
    pub remaining: FileOutcome,
}

impl FixOutcome {
    pub fn changed(&self, source: &Source) -> bool {
        self.text != source.text.as_str()
    }
}

/// Why a file's fixes were dropped. Each is an internal error: a rule proposed an edit that
/// the guarantees of `--fix` do not allow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FixError {
    /// An edit does not lie inside one value (text content or attribute value).
    OutsideValue { rule: &'static str, start: usize },
    /// Applying the edits changed something other than the targeted values.
    Leaked { round: usize, detail: String },
    /// The fixed text is not well-formed.
    Malformed { message: String },
    /// Fixes kept applying after [`MAX_ROUNDS`] rounds.
    Unstable { rules: Vec<&'static str> },
}

impl fmt::Display for FixError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FixError::OutsideValue { rule, start } => {
                write!(
                    f,
                    "a {rule} fix edits byte {start}, outside any text or attribute value"
                )
            }
            FixError::Leaked { round, detail } => {
                write!(f, "fixes of round {round} changed more than their values: {detail}")
            }
            FixError::Malformed { message } => write!(f, "the fixed text is not well-formed: {message}"),
            FixError::Unstable { rules } => write!(
                f,
                "fixes did not converge after {MAX_ROUNDS} rounds (still applicable: {})",
                rules.join(", ")
            ),
        }
    }
}

impl std::error::Error for FixError {}

/// Whether `--fix` (with `unsafe_ok` for `--unsafe-fixes`) applies fixes of this class.
pub fn applies(applicability: Applicability, unsafe_ok: bool) -> bool {
    match applicability {
        Applicability::Safe => true,
        Applicability::Unsafe => unsafe_ok,
        Applicability::Suggestion => false,
    }
}

/// Apply every applicable fix of `source` (the enabled rules of `settings`; unsafe ones only
/// with `unsafe_ok`). A malformed file is returned unchanged: it is never rewritten.
pub fn apply_fixes(source: &Source, settings: &Settings, unsafe_ok: bool) -> Result<FixOutcome, FixError> {
    apply_with(source, |s| lint_source(s, settings), unsafe_ok)
}

/// [`apply_fixes`] with the linter as a parameter, so tests can feed it broken fixes.
fn apply_with(source: &Source, lint: impl Fn(&Source) -> FileOutcome, unsafe_ok: bool) -> Result<FixOutcome, FixError> {
    let first = lint(source);
    if is_malformed(&source.text).is_some() {
        return Ok(FixOutcome {
            text: source.text.to_string(),
            applied: Vec::new(),
            remaining: first,
        });
    }
    let original = skeleton::cut(&source.text);
    let mut text = source.text.to_string();
    let mut cut = original.clone();
    let mut outcome = first;
    let mut applied = Vec::new();
    let mut targeted: HashSet<usize> = HashSet::new();
    for round in 1..=MAX_ROUNDS + 1 {
        let chosen = choose(&text, &outcome, unsafe_ok);
        if chosen.is_empty() {
            break;
        }
        if round > MAX_ROUNDS {
            let mut rules: Vec<_> = chosen.iter().map(|c| c.rule).collect();
            rules.dedup();
            return Err(FixError::Unstable { rules });
        }
        let mut edits: Vec<&Edit> = Vec::new();
        for c in &chosen {
            for e in c.edits {
                let value = skeleton::value_at(&cut, &e.span.range()).ok_or(FixError::OutsideValue {
                    rule: c.rule,
                    start: e.span.start as usize,
                })?;
                targeted.insert(value);
                edits.push(e);
            }
            applied.push(AppliedFix {
                rule: c.rule,
                applicability: c.applicability,
                line: c.line,
                column: c.column,
                before: c.edits.iter().map(|e| &text[e.span.range()]).collect(),
                after: c.edits.iter().map(|e| e.content.as_str()).collect(),
            });
        }
        let next = splice(&text, edits);
        let next_cut = skeleton::cut(&next);
        let mut changed = Vec::new();
        if let Some(detail) = skeleton::compare(&text, &cut, &next, &next_cut, &mut changed) {
            return Err(FixError::Leaked { round, detail });
        }
        if let Some(&i) = changed.iter().find(|i| !targeted.contains(i)) {
            let detail = format!("untargeted value at byte {} changed", next_cut[i].span.start);
            return Err(FixError::Leaked { round, detail });
        }
        text = next;
        cut = next_cut;
        outcome = lint(&source.with_text(text.clone()));
    }
    if text != source.text.as_str() {
        if let Some(message) = is_malformed(&text) {
            return Err(FixError::Malformed { message });
        }
        // The whole run, checked end to end: only targeted values differ from the original.
        let mut changed = Vec::new();
        if let Some(detail) = skeleton::compare(&source.text, &original, &text, &cut, &mut changed) {
            return Err(FixError::Leaked { round: 0, detail });
        }
        if changed.iter().any(|i| !targeted.contains(i)) {
            let detail = "a value no fix targeted changed".to_string();
            return Err(FixError::Leaked { round: 0, detail });
        }
    }
    Ok(FixOutcome {
        text,
        applied,
        remaining: outcome,
    })
}

/// The message of the strict reader's `xml-malformed` finding, if any.
fn is_malformed(text: &str) -> Option<String> {
    crate::ern::read(text)
        .findings
        .into_iter()
        .find(|f| f.rule == "xml-malformed")
        .map(|f| f.message)
}

/// A fix picked for a round.
struct Chosen<'o> {
    rule: &'static str,
    applicability: Applicability,
    line: u32,
    column: u32,
    edits: &'o [Edit],
}

/// The fixes of one round: applicable, not a no-op, in catalogue order, none overlapping a
/// fix taken before it (an insertion at the boundary of another edit counts as overlapping,
/// so the order of two edits at one point never depends on chance).
fn choose<'o>(text: &str, outcome: &'o FileOutcome, unsafe_ok: bool) -> Vec<Chosen<'o>> {
    let mut candidates: Vec<_> = outcome
        .findings
        .iter()
        .filter_map(|l| {
            let fix = l.finding.fix.as_ref()?;
            if !applies(fix.applicability, unsafe_ok) || fix.edits.is_empty() {
                return None;
            }
            let noop = fix
                .edits
                .iter()
                .all(|e| text.get(e.span.range()) == Some(e.content.as_str()));
            (!noop).then_some((l, fix))
        })
        .collect();
    candidates.sort_by_key(|(l, fix)| (priority(l.finding.rule), fix.edits[0].span.start));
    let mut taken: Vec<std::ops::Range<usize>> = Vec::new();
    let mut out = Vec::new();
    for (l, fix) in candidates {
        let overlaps = |r: &std::ops::Range<usize>| {
            fix.edits.iter().any(|e| {
                let s = e.span.range();
                s.start <= r.end && r.start <= s.end
            })
        };
        let valid = fix.edits.iter().all(|e| text.get(e.span.range()).is_some());
        if !valid || taken.iter().any(overlaps) {
            continue;
        }
        taken.extend(fix.edits.iter().map(|e| e.span.range()));
        out.push(Chosen {
            rule: l.finding.rule,
            applicability: fix.applicability,
            line: l.line,
            column: l.column,
            edits: &fix.edits,
        });
    }
    out
}

/// `text` with the non-overlapping `edits` applied.
fn splice(text: &str, mut edits: Vec<&Edit>) -> String {
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.span.start as usize]);
        out.push_str(&e.content);
        at = e.span.end as usize;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests;
