//! `ddexlint rules` and `ddexlint explain`.

use std::io::Write;

use ddexlint::rules::registry::{self, RULES};

use super::args::{RulesArgs, RulesFormat};
use super::{CliError, EXIT_ERROR};

pub fn list(args: &RulesArgs) -> Result<u8, CliError> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        RulesFormat::Json => {
            let rules: Vec<_> = RULES
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "id": r.id,
                        "category": r.category.as_str(),
                        "severity": r.severity.as_str(),
                        "fix": r.fix.as_str(),
                        "summary": r.summary,
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &rules).map_err(|e| CliError::Message(e.to_string()))?;
            writeln!(out)?;
        }
        RulesFormat::Text => {
            let width = RULES.iter().map(|r| r.id.len()).max().unwrap_or(0);
            for r in RULES {
                writeln!(
                    out,
                    "{:width$}  {:10}  {:7}  {:7}  {}",
                    r.id,
                    r.category.as_str(),
                    r.severity.as_str(),
                    r.fix.as_str(),
                    r.summary,
                )?;
            }
        }
    }
    Ok(0)
}

pub fn explain(id: &str) -> Result<u8, CliError> {
    let Some(rule) = registry::rule(id) else {
        let hint = ddexlint::suggest::closest(id, RULES.iter().map(|r| r.id))
            .map(|c| format!(" (did you mean '{c}'?)"))
            .unwrap_or_default();
        eprintln!("ddexlint: error: unknown rule '{id}'{hint}; `ddexlint rules` lists them all");
        return Ok(EXIT_ERROR);
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "# {}\n", rule.id)?;
    writeln!(
        out,
        "Category: {} · Default severity: {} · Fix: {}\n",
        rule.category.as_str(),
        rule.severity.as_str(),
        rule.fix.as_str()
    )?;
    writeln!(out, "{}\n", rule.summary)?;
    writeln!(out, "{}", rule.doc)?;
    Ok(0)
}
