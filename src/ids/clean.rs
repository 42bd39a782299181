//! Formatting cleanup shared by the identifier checks.
//!
//! A [`Cleaned`] value records each formatting problem it removes, so a check can answer
//! `Fixable` (only formatting was wrong) or report what is wrong with the cleaned value.

use super::IdCheck;

/// A value after formatting cleanup, with the problems that were removed.
#[derive(Clone, Debug)]
pub(crate) struct Cleaned {
    pub(crate) value: String,
    problems: Vec<&'static str>,
}

impl Cleaned {
    /// Trims surrounding whitespace. `None` when nothing is left: the value is empty.
    pub(crate) fn start(raw: &str) -> Option<Cleaned> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return None;
        }
        let mut cleaned = Cleaned {
            value: trimmed.to_owned(),
            problems: Vec::new(),
        };
        if trimmed.len() != raw.len() {
            cleaned.problems.push("has surrounding whitespace");
        }
        Some(cleaned)
    }

    /// Removes a leading label such as `ISRC` (any case), an optional colon after it, and
    /// whitespace. Returns whether the label was there.
    pub(crate) fn strip_label(&mut self, label: &str, problem: &'static str) -> bool {
        let Some(rest) = strip_prefix_ignore_ascii_case(&self.value, label) else {
            return false;
        };
        let rest = rest.trim_start();
        let rest = rest.strip_prefix(':').unwrap_or(rest).trim_start();
        self.value = rest.to_owned();
        self.problems.push(problem);
        true
    }

    /// Removes the first matching prefix of `prefixes` (ASCII case-insensitive).
    pub(crate) fn strip_any_prefix(&mut self, prefixes: &[&str], problem: &'static str) {
        let found = prefixes
            .iter()
            .find_map(|p| strip_prefix_ignore_ascii_case(&self.value, p));
        if let Some(rest) = found {
            self.value = rest.to_owned();
            self.problems.push(problem);
        }
    }

    /// Removes separators people type for readability (spaces, hyphens and dashes, dots,
    /// underscores, slashes) and invisible characters pasted along with the value.
    pub(crate) fn strip_separators(&mut self) {
        let mut spaces = false;
        let mut separators = false;
        let mut invisible = false;
        self.value.retain(|c| {
            if c.is_whitespace() {
                spaces = true;
            } else if is_separator(c) {
                separators = true;
            } else if is_invisible(c) {
                invisible = true;
            } else {
                return true;
            }
            false
        });
        if separators {
            self.problems.push("has separators");
        } else if spaces {
            self.problems.push("has spaces");
        }
        if invisible {
            self.problems.push("has invisible characters");
        }
    }

    /// Uppercases ASCII letters; other letters are left for the check to reject.
    pub(crate) fn uppercase(&mut self) {
        let has_lower = self.value.bytes().any(|b| b.is_ascii_lowercase());
        if !has_lower {
            return;
        }
        let has_upper = self.value.bytes().any(|b| b.is_ascii_uppercase());
        self.problems.push(if has_upper {
            "has lowercase letters"
        } else {
            "is lowercase"
        });
        self.value.make_ascii_uppercase();
    }

    /// Uppercases a trailing `x` (the only letter an ISNI may hold).
    pub(crate) fn uppercase_trailing_x(&mut self, problem: &'static str) {
        if self.value.ends_with('x') {
            self.value.pop();
            self.value.push('X');
            self.problems.push(problem);
        }
    }

    /// Combines the cleanup with the verdict on the cleaned value: a valid value that needed
    /// cleanup is `Fixable`; anything else passes through.
    pub(crate) fn finish(self, verdict: IdCheck) -> IdCheck {
        if self.value.is_empty() {
            return invalid("contains no identifier characters", None);
        }
        match verdict {
            IdCheck::Valid if self.problems.is_empty() => IdCheck::Valid,
            IdCheck::Valid => IdCheck::Fixable {
                problem: join_phrases(&self.problems),
                normalized: self.value,
            },
            other => other,
        }
    }
}

/// `Invalid` for an empty or whitespace-only value.
pub(crate) fn empty() -> IdCheck {
    invalid("is empty", None)
}

pub(crate) fn invalid(reason: impl Into<String>, expected: Option<String>) -> IdCheck {
    IdCheck::Invalid {
        reason: reason.into(),
        expected,
    }
}

/// The first character that fails `allowed`.
pub(crate) fn first_disallowed(value: &str, allowed: impl Fn(char) -> bool) -> Option<char> {
    value.chars().find(|&c| !allowed(c))
}

/// `Invalid` naming a character that cannot appear in the identifier.
pub(crate) fn bad_char(c: char, id_name: &str) -> IdCheck {
    invalid(
        format!("contains {}, which cannot appear in {id_name}", show_char(c)),
        None,
    )
}

/// A character as a label manager can find it: `'x'`, `'０' (U+FF10)`, or `U+200B` when
/// it is invisible.
pub(crate) fn show_char(c: char) -> String {
    if c.is_ascii_graphic() {
        format!("'{c}'")
    } else if c.is_control() || c.is_whitespace() || is_invisible(c) {
        format!("U+{:04X}", c as u32)
    } else {
        format!("'{c}' (U+{:04X})", c as u32)
    }
}

/// "1 character", "13 characters".
pub(crate) fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn strip_prefix_ignore_ascii_case<'a>(value: &'a str, prefix: &str) -> Option<&'a str> {
    // `get` returns None rather than panicking when `prefix.len()` splits a character.
    let head = value.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &value[prefix.len()..])
}

/// Separators in ASCII, their full-width forms (typed with a CJK input method) and the
/// Unicode dashes word processors substitute for a hyphen.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        '-' | '.' | '_' | '/' | '\u{2010}'
            ..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' | '\u{FF0E}' | '\u{FF0F}' | '\u{FF3F}'
    )
}

/// Format characters that render as nothing and are often pasted from web pages.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// "a", "a and b", "a, b and c".
fn join_phrases(phrases: &[&str]) -> String {
    match phrases {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(raw: &str) -> Cleaned {
        let mut c = Cleaned::start(raw).unwrap();
        c.strip_separators();
        c.uppercase();
        c
    }

    #[test]
    fn records_each_problem_once() {
        let c = cleaned(" ab-c d.e_f/g\u{200B} ");
        assert_eq!(c.value, "ABCDEFG");
        assert_eq!(
            join_phrases(&c.problems),
            "has surrounding whitespace, has separators, has invisible characters and is lowercase"
        );
    }

    #[test]
    fn spaces_alone_are_named_as_spaces() {
        let c = cleaned("AB C");
        assert_eq!(c.problems, ["has spaces"]);
    }

    #[test]
    fn strip_label_never_splits_a_character() {
        let mut c = Cleaned::start("ÄÄ").unwrap();
        assert!(!c.strip_label("ISRC", "p"));
        let mut c = Cleaned::start("isrc : AB").unwrap();
        assert!(c.strip_label("ISRC", "p"));
        assert_eq!(c.value, "AB");
    }

    #[test]
    fn shows_invisible_characters_by_code_point() {
        assert_eq!(show_char('x'), "'x'");
        assert_eq!(show_char('\u{200B}'), "U+200B");
        assert_eq!(show_char('\u{7}'), "U+0007");
        assert_eq!(show_char('０'), "'０' (U+FF10)");
    }
}
