//! Reading the registry TOML with line numbers ([`toml::Spanned`]), then validating it.

use std::collections::HashMap;

use serde::Deserialize;
use toml::Spanned;

use super::{LabelEntry, RegistryError};
use crate::ids::{check_dpid, check_isni};
use crate::rules::label::names::display_form;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    label: Vec<RawLabel>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLabel {
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    dpid: Option<Spanned<String>>,
    isni: Option<Spanned<String>>,
    parent: Option<Spanned<String>>,
}

/// 1-based line of byte offset `at`.
fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

pub(super) fn parse(text: &str) -> Result<Vec<LabelEntry>, Vec<RegistryError>> {
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(text, s.start));
        vec![RegistryError {
            line,
            message: e.message().trim().to_string(),
        }]
    })?;
    let mut errors = Vec::new();
    let mut err = |s: &Spanned<String>, message: String| {
        errors.push(RegistryError {
            line: line_of(text, s.span().start),
            message,
        })
    };
    // Display form -> (line, is alias, owner name): every name and alias must be unique.
    let mut seen: HashMap<String, (usize, bool, String)> = HashMap::new();
    for l in &raw.label {
        let key = display_form(l.name.get_ref());
        if key.is_empty() {
            err(&l.name, "label name is empty".into());
            continue;
        }
        let line = line_of(text, l.name.span().start);
        if let Some((first, alias, owner)) = seen.get(&key) {
            let msg = if *alias {
                format!("label name '{key}' is also an alias of '{owner}' (line {first})")
            } else {
                format!("duplicate label name '{key}' (first at line {first})")
            };
            err(&l.name, msg);
        } else {
            seen.insert(key.clone(), (line, false, key.clone()));
        }
    }
    for l in &raw.label {
        let owner = display_form(l.name.get_ref());
        for a in &l.aliases {
            let key = display_form(a.get_ref());
            if key.is_empty() {
                err(a, format!("empty alias of '{owner}'"));
                continue;
            }
            let line = line_of(text, a.span().start);
            match seen.get(&key) {
                Some((first, false, _)) => err(
                    a,
                    format!("alias '{key}' of '{owner}' is a canonical label name (line {first})"),
                ),
                Some((first, true, other)) if *other == owner => {
                    err(a, format!("alias '{key}' of '{owner}' is listed twice (line {first})"))
                }
                Some((first, true, other)) => err(
                    a,
                    format!("alias '{key}' of '{owner}' is also an alias of '{other}' (line {first})"),
                ),
                None => {
                    seen.insert(key, (line, true, owner.clone()));
                }
            }
        }
    }
    let mut out = Vec::new();
    for l in &raw.label {
        let dpid = l
            .dpid
            .as_ref()
            .and_then(|d| match check_dpid(d.get_ref()).clean(d.get_ref()) {
                Ok(v) => Some(v),
                Err(reason) => {
                    err(d, format!("DPID '{}' of '{}' {reason}", d.get_ref(), l.name.get_ref()));
                    None
                }
            });
        let isni = l
            .isni
            .as_ref()
            .and_then(|d| match check_isni(d.get_ref()).clean(d.get_ref()) {
                Ok(v) => Some(v),
                Err(reason) => {
                    err(d, format!("ISNI '{}' of '{}' {reason}", d.get_ref(), l.name.get_ref()));
                    None
                }
            });
        if let Some(p) = &l.parent {
            let key = display_form(p.get_ref());
            match seen.get(&key) {
                Some((_, false, _)) if key == display_form(l.name.get_ref()) => {
                    err(p, format!("'{key}' is its own parent"))
                }
                Some((_, false, _)) => {}
                _ => err(
                    p,
                    format!(
                        "parent '{key}' of '{}' is not a registered label name",
                        l.name.get_ref()
                    ),
                ),
            }
        }
        out.push(LabelEntry {
            name: display_form(l.name.get_ref()),
            aliases: l.aliases.iter().map(|a| display_form(a.get_ref())).collect(),
            dpid,
            isni,
            parent: l.parent.as_ref().map(|p| display_form(p.get_ref())),
            line: line_of(text, l.name.span().start),
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        errors.sort_by_key(|e| e.line);
        Err(errors)
    }
}
