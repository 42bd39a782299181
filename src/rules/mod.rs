//! Rules: one file per rule under `rules/<category>/`, each a [`Rule`] with its
//! documentation (the single source of `ddexlint explain`) and a check over the model.

pub mod registry;

pub mod catalogue;

mod memo;
mod shared;

mod identifier;
pub(crate) mod label;
pub(crate) mod language;
mod reference;
pub(crate) mod structure;
pub(crate) mod unicode;
mod xml;

use crate::ern::{Feed, Localized, TextField};
use crate::finding::{Finding, Severity, Span};
use crate::source::Source;

/// Rule families, for `--select`/`--ignore` and the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    Xml,
    Structure,
    Reference,
    Label,
    Identifier,
    Language,
    Unicode,
    Catalogue,
}

impl Category {
    pub const ALL: &'static [Category] = &[
        Category::Xml,
        Category::Structure,
        Category::Reference,
        Category::Label,
        Category::Identifier,
        Category::Language,
        Category::Unicode,
        Category::Catalogue,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Xml => "xml",
            Category::Structure => "structure",
            Category::Reference => "reference",
            Category::Label => "label",
            Category::Identifier => "identifier",
            Category::Language => "language",
            Category::Unicode => "unicode",
            Category::Catalogue => "catalogue",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.iter().copied().find(|c| c.as_str() == s)
    }
}

/// What `--fix` may do with a rule's findings (rules.md "Fix classes").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixClass {
    /// Applied by `--fix` (possibly only in the cases the doc names).
    Safe,
    /// Applied only with `--fix --unsafe-fixes`.
    Unsafe,
    /// A proposed value is shown, never applied.
    Suggest,
    /// Nothing to propose.
    No,
}

impl FixClass {
    pub fn as_str(self) -> &'static str {
        match self {
            FixClass::Safe => "safe",
            FixClass::Unsafe => "unsafe",
            FixClass::Suggest => "suggest",
            FixClass::No => "no",
        }
    }
}

/// What a rule reads.
#[derive(Clone, Copy)]
pub enum Check {
    /// Reported outside the model's rules: by the reader (well-formedness, DOCTYPE, version)
    /// or by the suppression-comment pass (`suppression-*`).
    Reader,
    /// Runs over one feed's model, and what it finds about an item depends only on that item
    /// and the message's context (root, header, parties, the uses of party references): it
    /// finds the same in segments of the message as in the whole
    /// ([`crate::ern::Feed::segment`]; `tests/segments.rs`).
    Item(fn(&Context, &mut Vec<Finding>)),
    /// Needs the whole message (the rule's entry says why), and reads it one segment at a
    /// time: the function starts the rule's state for a message ([`MessageRule`]), given its
    /// context (of which it may read the root and the header, such as the ERN version).
    Message(StartMessageRule),
    /// Runs on the catalogue index of a whole run: the check is in
    /// [`catalogue::CHECKS`], by rule id.
    Catalogue,
}

impl Check {
    /// Runs the check over a whole feed's model (item and message scope alike; a message
    /// rule reads the feed as its one segment and as its context). False for the checks that
    /// do not run on a model.
    pub fn run_on_feed(self, cx: &Context, out: &mut Vec<Finding>) -> bool {
        match self {
            Check::Item(check) => check(cx, out),
            Check::Message(start) => {
                let mut rule = start(cx);
                rule.collect(cx);
                rule.finish(cx, out);
            }
            Check::Reader | Check::Catalogue => return false,
        }
        true
    }

    /// Whether the check runs over a feed's model.
    pub fn is_on_feed(self) -> bool {
        matches!(self, Check::Item(_) | Check::Message(_))
    }
}

/// Starts a [`MessageRule`]'s state for a message.
pub type StartMessageRule = for<'f, 'a> fn(&Context<'f, 'a>) -> Box<dyn MessageRule<'a> + 'a>;

/// What a rule of message scope carries from one segment of a message to the next: what it
/// needs of every item, kept small (a batch file's model is not held whole), and turned into
/// findings at the end.
///
/// A segment ([`crate::ern::Feed::message_segment`]) holds some content items (releases and
/// resources, with their identifiers and the references, `LanguageAndScriptCode` and
/// `IsDefault` attributes inside them) and, for looking things up, the message's root,
/// header and parties. `collect` reads the content items only: the context is the same in
/// every segment, and is read once, by `finish`
/// ([`crate::ern::Feed::message_context`]: the root, the header, the parties, what lies
/// outside the content items, such as the deals and their references, and every use of a
/// party reference, which tells how the parties are used). Segments come in
/// document order. A message read whole is one segment, and `finish` then gets the whole
/// feed too: it tells the references and attributes of the context from the others by
/// [`Context::is_in_content`] (in `collect`, those of a segment are all inside).
/// `tests/segments.rs` checks that the findings are the same, in the same order, whether a
/// message comes whole or one item a segment.
pub trait MessageRule<'a>: Send {
    /// Reads one segment's content items.
    fn collect(&mut self, cx: &Context<'_, 'a>);
    /// After the last segment: reads the context and gives the findings.
    fn finish(self: Box<Self>, cx: &Context<'_, 'a>, out: &mut Vec<Finding>);
}

/// See [`Context::content_walk`].
pub(crate) struct ContentWalk<'c> {
    marks: &'c [(u32, u32)],
    /// How many marks start at or before `last`.
    k: usize,
    last: u32,
}

impl ContentWalk<'_> {
    /// Whether `at` lies inside a content item: fastest when asked in document order.
    pub(crate) fn contains(&mut self, at: u32) -> bool {
        if at < self.last {
            self.k = self.marks.partition_point(|m| m.0 <= at);
        } else {
            while self.k < self.marks.len() && self.marks[self.k].0 <= at {
                self.k += 1;
            }
        }
        self.last = at;
        self.k > 0 && at < self.marks[self.k - 1].1
    }
}

/// One rule: metadata, documentation and check.
pub struct Rule {
    pub id: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub fix: FixClass,
    /// One line, shown by `ddexlint rules`.
    pub summary: &'static str,
    /// Markdown with the sections *What it does*, *Why*, *Example*, *Use instead*, *Fix*.
    pub doc: &'static str,
    pub check: Check,
}

impl Rule {
    /// A finding of this rule at its default severity.
    pub fn finding(&self, anchor: u32, span: Span, message: impl Into<String>) -> Finding {
        Finding::new(self.id, self.severity, anchor, span, message)
    }

    /// A finding of this rule at another severity (rules with two levels).
    pub fn finding_at(&self, severity: Severity, anchor: u32, span: Span, message: impl Into<String>) -> Finding {
        Finding::new(self.id, severity, anchor, span, message)
    }
}

/// Options rules may read.
#[derive(Clone, Debug)]
pub struct RuleOptions {
    /// Distributor names added to the built-in list (`distributors` in the config).
    pub extra_distributors: Vec<String>,
    /// The year "now" is, for P/C line years in the future.
    pub current_year: i32,
    /// The label registry (`--labels`, `labels =`), for the registry rules; shared by every
    /// file of a run.
    pub labels: Option<std::sync::Arc<crate::labels::LabelRegistry>>,
}

impl Default for RuleOptions {
    fn default() -> Self {
        RuleOptions {
            extra_distributors: Vec::new(),
            current_year: current_year(),
            labels: None,
        }
    }
}

/// The calendar year of the system clock (UTC).
pub fn current_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    // Days to civil year (Howard Hinnant's algorithm), enough for a year.
    let days = (secs / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2)) as i32
}

/// What a rule sees.
pub struct Context<'f, 'a> {
    pub feed: &'f Feed<'a>,
    pub source: &'f Source,
    pub options: &'f RuleOptions,
    shared: shared::Shared<'f, 'a>,
    message: Carried<'f, 'a>,
}

/// What the rules of message scope share across the segments of one message (rather than
/// each carrying a copy): kept by a streaming reader from segment to segment
/// ([`Context::within`]); a context of its own has one for its feed alone.
#[derive(Default)]
pub struct MessageShared<'a> {
    /// The content items' definitions of references read so far (the reference rules').
    definitions: std::sync::RwLock<reference::ContentDefinitions<'a>>,
    /// What the content items read so far use each party as (the language rules that judge
    /// a party's names by its role).
    party_roles: std::sync::RwLock<language::variants::PartyRoles>,
}

enum Carried<'f, 'a> {
    Own(Box<MessageShared<'a>>),
    Within(&'f MessageShared<'a>),
}

impl<'f, 'a> Context<'f, 'a> {
    pub fn new(feed: &'f Feed<'a>, source: &'f Source, options: &'f RuleOptions) -> Self {
        Context::carrying(feed, source, options, Carried::Own(Box::default()))
    }

    /// A context for one segment of a message, or for its context at the end, sharing
    /// `message` with the others.
    pub fn within(
        feed: &'f Feed<'a>,
        source: &'f Source,
        options: &'f RuleOptions,
        message: &'f MessageShared<'a>,
    ) -> Self {
        Context::carrying(feed, source, options, Carried::Within(message))
    }

    fn carrying(feed: &'f Feed<'a>, source: &'f Source, options: &'f RuleOptions, message: Carried<'f, 'a>) -> Self {
        Context {
            feed,
            source,
            options,
            shared: shared::Shared::default(),
            message,
        }
    }

    fn message(&self) -> &MessageShared<'a> {
        match &self.message {
            Carried::Own(m) => m,
            Carried::Within(m) => m,
        }
    }

    /// Builds every shared view now, one after the other, and says what each cost by `measure`:
    /// CPU time in `examples/rule_times` (otherwise the first rule that asks for a view is
    /// charged for it), resident memory in `examples/view_sizes`.
    #[doc(hidden)]
    pub fn build_shared_views(&self, measure: fn() -> f64) -> Vec<(&'static str, f64)> {
        let mut costs = Vec::new();
        let mut cost = |name, f: &dyn Fn()| {
            let before = measure();
            f();
            costs.push((name, measure() - before));
        };
        cost("display texts", &|| {
            self.display_texts();
        });
        cost("language texts", &|| {
            language::texts(self);
            language::texts_with_attr(self, 0);
        });
        cost("nouns", &|| {
            self.nouns();
        });
        cost("variant sets", &|| {
            self.variant_sets();
        });
        cost("display facts", &|| {
            unicode::fieldtext::display_facts(self);
        });
        cost("label names", &|| {
            self.label_names();
        });
        cost("label parties", &|| {
            self.label_parties();
        });
        cost("reference targets", &|| {
            self.ref_targets();
        });
        cost("content marks", &|| {
            self.content_walk();
        });
        costs
    }

    /// Builds the shared views the rules of the enabled categories read, several at once,
    /// before the rules run in parallel: otherwise a rule that finds a view being built by
    /// another waits for it and leaves its core idle.
    pub(crate) fn build_shared_views_in_parallel(&self, enabled: impl Fn(Category) -> bool) {
        let (language, unicode, label) = (
            enabled(Category::Language),
            enabled(Category::Unicode),
            enabled(Category::Label),
        );
        let reference = enabled(Category::Reference);
        if language || unicode {
            self.display_texts();
        }
        rayon::scope(|s| {
            if language {
                s.spawn(|_| {
                    self.variant_sets();
                });
                s.spawn(|_| {
                    language::texts(self);
                });
            }
            if unicode {
                s.spawn(|_| {
                    unicode::fieldtext::display_facts(self);
                });
            }
            if label {
                s.spawn(|_| {
                    self.label_names();
                    self.label_parties();
                });
            }
            if reference {
                s.spawn(|_| {
                    self.ref_targets();
                });
            }
        });
    }

    /// Whether the element whose start tag is at `elem` lies inside a content item (a
    /// release or a resource) of this context's feed. A rule of message scope reads what
    /// lies inside in `collect` and what lies outside in `finish`: the same test whether it
    /// reads a message whole or a segment at a time ([`MessageRule`]).
    pub fn is_in_content(&self, elem: u32) -> bool {
        let marks = self.content_marks();
        let k = marks.partition_point(|m| m.0 <= elem);
        k > 0 && elem < marks[k - 1].1
    }

    /// [`Feed::content_marks`], found once per file.
    fn content_marks(&self) -> &[(u32, u32)] {
        self.shared.content_marks.get_or_init(|| self.feed.content_marks())
    }

    /// [`Context::is_in_content`] for offsets asked in document order (the elements of a
    /// list in document order): walks the content items beside them rather than searching.
    pub(crate) fn content_walk(&self) -> ContentWalk<'_> {
        ContentWalk {
            marks: self.content_marks(),
            k: 0,
            last: 0,
        }
    }

    /// [`Feed::display_texts`], computed once for all the rules of a run.
    pub fn display_texts(&self) -> &[(TextField, &'f Localized<'a>)] {
        self.shared.display_texts.get_or_init(|| self.feed.display_texts())
    }
}
