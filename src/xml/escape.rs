//! Escaping replacement text for the XML context it is written into.

use std::borrow::Cow;

/// Escape for element content: `&`, `<` and `>` (the last so that `]]>` cannot appear).
pub fn escape_text(s: &str) -> Cow<'_, str> {
    escape(s, |c| match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '\r' => Some("&#13;"),
        _ => None,
    })
}

/// Escape for an attribute value in either kind of quotes. White space characters other
/// than space are written as references so that attribute-value normalization keeps them.
pub fn escape_attr(s: &str) -> Cow<'_, str> {
    escape(s, |c| match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '"' => Some("&quot;"),
        '\'' => Some("&apos;"),
        '\t' => Some("&#9;"),
        '\n' => Some("&#10;"),
        '\r' => Some("&#13;"),
        _ => None,
    })
}

fn escape(s: &str, rep: impl Fn(char) -> Option<&'static str>) -> Cow<'_, str> {
    if !s.chars().any(|c| rep(c).is_some()) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match rep(c) {
            Some(r) => out.push_str(r),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_by_context() {
        assert_eq!(escape_text("Rock & Roll <Live>"), "Rock &amp; Roll &lt;Live&gt;");
        assert_eq!(escape_attr("a\"b'c"), "a&quot;b&apos;c");
        assert!(matches!(escape_text("plain"), Cow::Borrowed(_)));
    }
}
