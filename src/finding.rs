//! Findings: plain data produced by rules and consumed by renderers and the fixer.

use std::borrow::Cow;

use serde::Serialize;

/// A byte range in the decoded (UTF-8) text of a source file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub const fn new(start: u32, end: u32) -> Self {
        Span { start, end }
    }
    pub const fn empty(at: u32) -> Self {
        Span { start: at, end: at }
    }
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
    pub fn len(self) -> u32 {
        self.end - self.start
    }
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// How confident a fix is. Ordered: `Suggestion < Unsafe < Safe`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// A proposed value shown to the user, never applied.
    Suggestion,
    /// Applied only with `--fix --unsafe-fixes`.
    Unsafe,
    /// Applied by `--fix`.
    Safe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Suggestion => "suggestion",
            Applicability::Unsafe => "unsafe",
            Applicability::Safe => "safe",
        }
    }
}

/// Replace `span` of the decoded text with `content` (already escaped for its XML context).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub span: Span,
    pub content: String,
}

/// A proposed repair: the value a user should see, and the edits that write it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub applicability: Applicability,
    /// The corrected value, unescaped, as shown to the user (`"replacement"` in JSON).
    pub replacement: String,
    /// Byte edits on the decoded text, sorted by start. Empty for a pure suggestion
    /// that has no single place to write (e.g. "rename the label").
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix that replaces the raw content at `span` with `value` (escaped for text content).
    pub fn replace_text(applicability: Applicability, span: Span, value: impl Into<String>) -> Fix {
        let value = value.into();
        let content = crate::xml::escape_text(&value).into_owned();
        Fix {
            applicability,
            replacement: value,
            edits: vec![Edit { span, content }],
        }
    }
    /// A fix that replaces an attribute value at `span` (without its quotes) with `value`.
    pub fn replace_attr(applicability: Applicability, span: Span, value: impl Into<String>) -> Fix {
        let value = value.into();
        let content = crate::xml::escape_attr(&value).into_owned();
        Fix {
            applicability,
            replacement: value,
            edits: vec![Edit { span, content }],
        }
    }
    /// A proposed value with nothing to apply.
    pub fn suggest(value: impl Into<String>) -> Fix {
        Fix {
            applicability: Applicability::Suggestion,
            replacement: value.into(),
            edits: Vec::new(),
        }
    }
}

/// One problem found in one file.
#[derive(Clone, Debug)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    /// Start of the start tag of the element at fault: gives `line`/`column`.
    pub anchor: u32,
    /// What to underline (the value, the attribute value, or the start tag); `end` gives
    /// `end_line`/`end_column`.
    pub span: Span,
    pub message: String,
    /// Most rules' help is a fixed text: it is borrowed rather than copied into each of a
    /// catalogue run's hundreds of thousands of findings.
    pub help: Option<Cow<'static, str>>,
    pub fix: Option<Fix>,
}

impl Finding {
    /// A finding anchored at an element start (`anchor`) that underlines `span`.
    pub fn new(rule: &'static str, severity: Severity, anchor: u32, span: Span, message: impl Into<String>) -> Self {
        Finding {
            rule,
            severity,
            anchor,
            span,
            message: message.into(),
            help: None,
            fix: None,
        }
    }
    pub fn with_help(mut self, help: impl Into<Cow<'static, str>>) -> Self {
        self.help = Some(help.into());
        self
    }
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
    pub fn with_fix_opt(mut self, fix: Option<Fix>) -> Self {
        self.fix = fix;
        self
    }
}
