//! `--show-fixes`: the list of fixes a `--fix` run applied, one line each, so a reviewer sees
//! every value that changed without reading a diff.

use std::io::{self, Write};

use crate::fix::AppliedFix;

use super::snippet::visible;

/// `path:line:col rule: 'before' -> 'after'`, in the order given (the caller sorts), with
/// invisible characters spelled out (`\u{200B}`) so that a removed one shows.
pub fn render_applied(applied: &[(String, AppliedFix)], out: &mut dyn Write) -> io::Result<()> {
    if applied.is_empty() {
        return Ok(());
    }
    writeln!(out, "Applied fixes:")?;
    for (path, a) in applied {
        writeln!(
            out,
            "  {path}:{}:{} {} ({}): '{}' -> '{}'{}",
            a.line,
            a.column,
            a.rule,
            a.applicability.as_str(),
            visible(&a.before),
            visible(&a.after),
            code_points(&a.before, &a.after)
        )?;
    }
    writeln!(out)
}

/// ` [U+0061 U+0308 -> U+00E4]`: the code points of each change that is not plain ASCII (an
/// NFC or space fix looks the same before and after on screen). Repeated changes are listed
/// once.
fn code_points(before: &str, after: &str) -> String {
    use similar::{ChangeTag, TextDiff};
    let list = |s: &str| {
        let v: Vec<String> = s.chars().map(|c| format!("U+{:04X}", c as u32)).collect();
        if v.is_empty() {
            "nothing".to_string()
        } else {
            v.join(" ")
        }
    };
    let mut groups: Vec<(String, String)> = Vec::new();
    let (mut del, mut ins) = (String::new(), String::new());
    let diff = TextDiff::from_chars(before, after);
    let mut flush = |del: &mut String, ins: &mut String| {
        if !(del.is_ascii() && ins.is_ascii()) {
            let g = (list(del), list(ins));
            if !groups.contains(&g) {
                groups.push(g);
            }
        }
        del.clear();
        ins.clear();
    };
    for change in diff.iter_all_changes() {
        match change.tag() {
            ChangeTag::Delete => del.push_str(change.value()),
            ChangeTag::Insert => ins.push_str(change.value()),
            ChangeTag::Equal => flush(&mut del, &mut ins),
        }
    }
    flush(&mut del, &mut ins);
    if groups.is_empty() {
        return String::new();
    }
    let shown: Vec<String> = groups.iter().take(4).map(|(d, i)| format!("{d} -> {i}")).collect();
    let more = if groups.len() > 4 { ", …" } else { "" };
    format!(" [{}{more}]", shown.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Applicability;

    #[test]
    fn lists_each_fix_with_invisibles_spelled_out() {
        let a = AppliedFix {
            rule: "unicode-invisible-format-characters",
            applicability: Applicability::Safe,
            line: 3,
            column: 7,
            before: "Vinte\u{200B}rlys".into(),
            after: "Vinterlys".into(),
        };
        let mut out = Vec::new();
        render_applied(&[("a.xml".into(), a)], &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("Applied fixes:\n  a.xml:3:7 unicode-invisible-format-characters (safe): 'Vinte"));
        assert!(!text.contains('\u{200B}'), "{text}");
        assert!(text.contains("[U+200B -> nothing]"), "{text}");
        assert_eq!(
            code_points("Ma\u{308}kela\u{308}", "Mäkelä"),
            " [U+0061 U+0308 -> U+00E4]"
        );
        assert_eq!(code_points("a-b", "ab"), "");
    }
}
