//! The unified diff `--diff` prints: what `--fix` would write, as a reviewer reads it.

use similar::TextDiff;

/// A unified diff of `before` → `after` with `--- a/PATH` / `+++ b/PATH` headers and three
/// lines of context; empty when nothing changed. Lines keep their own line ends (a CRLF file
/// shows CRLF), and a last line without one is marked as `diff` does.
pub fn unified_diff(path: &str, before: &str, after: &str) -> String {
    if before == after {
        return String::new();
    }
    let diff = TextDiff::from_lines(before, after);
    // `a/` + the path as given, like git; an absolute path keeps a single slash.
    let path = path.trim_start_matches("./").trim_start_matches('/');
    diff.unified_diff()
        .context_radius(3)
        .missing_newline_hint(true)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_hunks() {
        let d = unified_diff("x.xml", "<a>\n<b>Foo  </b>\n</a>\n", "<a>\n<b>Foo</b>\n</a>\n");
        assert_eq!(
            d,
            "--- a/x.xml\n+++ b/x.xml\n@@ -1,3 +1,3 @@\n <a>\n-<b>Foo  </b>\n+<b>Foo</b>\n </a>\n"
        );
        assert_eq!(unified_diff("x", "same", "same"), "");
    }
}
