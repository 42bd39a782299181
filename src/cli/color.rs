//! `--color auto|always|never` and the `NO_COLOR` convention (<https://no-color.org>).

use std::ffi::OsStr;

use super::args::ColorArg;

/// Whether to colour the report. `auto` colours only a terminal, and only when `NO_COLOR` is
/// unset or empty: escapes in a file or a pipe are noise for whatever reads them. An explicit
/// `--color` beats `NO_COLOR`, as no-color.org asks of per-invocation flags, so `always` is
/// the way to get colour into a CI log that renders ANSI.
pub fn enabled(choice: ColorArg, to_terminal: bool, no_color: Option<&OsStr>) -> bool {
    match choice {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => to_terminal && no_color.is_none_or(OsStr::is_empty),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_needs_a_terminal_and_no_no_color() {
        let set = Some(OsStr::new("1"));
        let empty = Some(OsStr::new(""));
        assert!(enabled(ColorArg::Auto, true, None));
        assert!(enabled(ColorArg::Auto, true, empty));
        assert!(!enabled(ColorArg::Auto, true, set));
        assert!(!enabled(ColorArg::Auto, false, None));
    }

    #[test]
    fn explicit_choice_wins() {
        let set = Some(OsStr::new("1"));
        assert!(enabled(ColorArg::Always, false, set));
        assert!(!enabled(ColorArg::Never, true, None));
    }
}
