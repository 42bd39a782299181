use std::borrow::Cow;
use std::collections::HashMap;

use unicode_script::{Script, UnicodeScript};

use super::fieldtext::{field_noun, texts_with_facts};
use super::textlang::LangCache;
use crate::ern::{Localized, TextField};
use crate::finding::{Finding, Fix, Severity, Span};
use crate::hash::FastMap;
use crate::rules::shared::prefetch_lists_ahead;
use crate::rules::{Category, Check, Context, FixClass, MessageRule, Rule};
use crate::text::TextFacts;

pub static RULE: Rule = Rule {
    id: "unicode-punctuation-variants",
    category: Category::Unicode,
    severity: Severity::Info,
    fix: FixClass::Suggest,
    summary: "mixed apostrophe or quote styles in one feed (' and ’, \"…\" and “…”)",
    doc: r#"## What it does
Compares the apostrophes and double quotes of all titles, names and P/C lines of a feed and
reports the values that do not follow the feed's majority style:
- apostrophes between two letters (`Don't`, `L’été`): the straight `'` and the typographic
  `’` in one feed; the value with the less used one is reported. The acute accent `´` and
  the grave accent `` ` `` used as an apostrophe (`Don´t`) are always reported (except the
  `` ` `` of Uzbek and Hawaiian text, which stands for the letter `ʻ`). The opening quote
  `‘` between letters is left alone: it stands for the okina in `Hawai‘i` and for `ʻ` in
  `O‘zbekiston`.
- double quotes: straight `"…"` and typographic quotes (`“…”`, `„…“`, `«…»`) in one feed.
  Which typographic quotes a language uses is its own business: `“…”` in English next to
  `„…“` in German is not reported. A `"` after a digit is an inch mark (`12" Mix`) and does
  not count.

A feed that uses one style throughout is not reported, whichever it is. Only apostrophes
between Latin, Greek or Cyrillic letters count (Hebrew and Arabic use other marks), and the
modifier letter `ʼ` (U+02BC), a letter in Ukrainian and other orthographies, is never
touched.

## Why
Search engines and DSP matching do not all fold `'` into `’`: the same title typed two ways
can fail to match, and one artist's catalogue shows two spellings. The accents `´` and
`` ` `` are not apostrophes at all; some stores reject them. House style guides (Apple,
MusicBrainz) prefer the typographic `’`; consistency within a delivery is the minimum.

## Example
```xml
<TitleText>Don't Look Back</TitleText>
<TitleText>L’été d’avant</TitleText>
<TitleText>Rock’n’Roll Queen</TitleText>
```

## Use instead
```xml
<TitleText>Don’t Look Back</TitleText>
<TitleText>L’été d’avant</TitleText>
<TitleText>Rock’n’Roll Queen</TitleText>
```

## Fix
Suggestion only: the value with the feed's majority apostrophe (ties: `’`) and quote style.
Straight quotes become the typographic quotes most used in the feed for the value's
language."#,
    // Whole message: compares each text with the message's most used punctuation. Carries
    // the counts of each style (typographic quote pairs by language) and, for each content
    // text with an apostrophe or quote, its value, place, noun and language, to report once
    // the style is known.
    check: Check::Message(start),
};

/// An apostrophe-like character between two letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Apostrophe {
    Straight,
    Typographic,
    /// `´` or `` ` ``: accents, never an apostrophe.
    Wrong,
}

/// The non-ASCII apostrophes and quotes this rule knows ([`apostrophe_kind`],
/// [`is_typographic_quote`]).
const NON_ASCII_MARKS: [char; 8] = ['’', '´', '“', '”', '„', '«', '»', '‟'];

fn apostrophe_kind(c: char) -> Option<Apostrophe> {
    match c {
        '\'' => Some(Apostrophe::Straight),
        '’' => Some(Apostrophe::Typographic),
        '´' | '`' => Some(Apostrophe::Wrong),
        _ => None,
    }
}

/// A Latin, Greek or Cyrillic letter, but not a fullwidth one (`Ｍｏｔｈｅｒ’ｓ` is set in CJK
/// typography, where `’` is the norm).
fn is_european_letter(c: Option<char>) -> bool {
    c.is_some_and(|c| {
        c.is_alphabetic()
            && matches!(c.script(), Script::Latin | Script::Greek | Script::Cyrillic)
            && !('\u{FF00}'..='\u{FFEF}').contains(&c)
    })
}

/// Apostrophes between two letters: (byte offset, character, kind).
fn apostrophes(s: &str) -> Vec<(usize, char, Apostrophe)> {
    if !s.contains(['\'', '’', '´', '`']) {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let Some(kind) = apostrophe_kind(c) else { continue };
        let prev = i.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(i + 1).map(|x| x.1);
        if is_european_letter(prev) && is_european_letter(next) {
            out.push((at, c, kind));
        }
    }
    out
}

fn is_typographic_quote(c: char) -> bool {
    matches!(c, '“' | '”' | '„' | '«' | '»' | '‟')
}

/// Straight double quotes used as quotes (inch marks after a digit left out), when they
/// pair up: their byte offsets.
fn straight_quotes(s: &str) -> Vec<usize> {
    let mut prev = None;
    let mut out = Vec::new();
    for (i, c) in s.char_indices() {
        if c == '"' && !prev.is_some_and(|p: char| p.is_ascii_digit()) {
            out.push(i);
        }
        prev = Some(c);
    }
    if out.len() % 2 == 1 {
        out.clear();
    }
    out
}

/// The first pair of typographic quotes of a value (opening, closing).
fn typographic_pair(s: &str) -> Option<(char, char)> {
    let mut q = s.chars().filter(|c| is_typographic_quote(*c));
    Some((q.next()?, q.next()?))
}

/// The word around byte offset `at` (letters and apostrophes), for messages.
fn word_at(s: &str, at: usize) -> &str {
    let is_word = |c: char| c.is_alphabetic() || apostrophe_kind(c).is_some();
    let start = s[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| !is_word(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = s[at..]
        .char_indices()
        .find(|(_, c)| !is_word(*c))
        .map_or(s.len(), |(i, _)| at + i);
    &s[start..end]
}

/// What a message's texts count of each style, and the texts that may be reported.
#[derive(Default)]
struct State<'a> {
    langs: LangCache,
    straight_apos: usize,
    typo_apos: usize,
    straight_pairs: usize,
    typo_pairs: usize,
    /// By language (the key of [`State::lang_ids`]): how often each typographic pair opens
    /// a value.
    pairs_by_lang: Vec<HashMap<(char, char), usize>>,
    lang_ids: FastMap<String, u32>,
    /// The content texts with an apostrophe or quote, in document order.
    texts: Vec<Pending<'a>>,
}

/// A text that holds an apostrophe or a quote: what its finding needs, once the message's
/// style is known.
struct Pending<'a> {
    value: Cow<'a, str>,
    elem: u32,
    span: Span,
    /// Index into [`State::pairs_by_lang`] when the value holds quotes.
    lang: u32,
    /// Uzbek or Hawaiian, where `` ` `` stands for a letter.
    turned_comma: bool,
    noun: &'static str,
}

fn start<'a>(_: &Context<'_, 'a>) -> Box<dyn MessageRule<'a> + 'a> {
    Box::new(State::default())
}

/// Only texts with an apostrophe or quote character count or can be reported: the others
/// are left out by their bytes, before any decoding.
fn may_hold_marks(f: &TextFacts) -> bool {
    f.bytes.has(b'\'') || f.bytes.has(b'"') || f.bytes.has(b'`') || f.may_have_any(&NON_ASCII_MARKS)
}

/// [`may_hold_marks`] of one character, for the few texts read without their facts.
fn is_mark(c: char) -> bool {
    matches!(c, '\'' | '"' | '`') || NON_ASCII_MARKS.contains(&c)
}

impl<'a> State<'a> {
    /// Counts the marks of `t`, and gives what its finding needs if it holds any.
    fn add(&mut self, t: &Localized<'a>, noun: impl FnOnce() -> &'static str) -> Option<Pending<'a>> {
        let value = t.value();
        let marks = apostrophes(value);
        for (_, _, k) in &marks {
            match k {
                Apostrophe::Straight => self.straight_apos += 1,
                Apostrophe::Typographic => self.typo_apos += 1,
                Apostrophe::Wrong => {}
            }
        }
        let straight = straight_quotes(value).len();
        self.straight_pairs += straight / 2;
        let n = value.chars().filter(|c| is_typographic_quote(*c)).count();
        self.typo_pairs += n.div_ceil(2);
        let pair = typographic_pair(value);
        let lang = if pair.is_some() || straight > 0 {
            let language = &self.langs.of(t).language;
            let id = match self.lang_ids.get(language) {
                Some(&id) => id,
                None => {
                    let id = self.pairs_by_lang.len() as u32;
                    self.lang_ids.insert(language.clone(), id);
                    self.pairs_by_lang.push(HashMap::new());
                    id
                }
            };
            if let Some(pair) = pair {
                *self.pairs_by_lang[id as usize].entry(pair).or_default() += 1;
            }
            id
        } else {
            u32::MAX
        };
        if marks.is_empty() && straight == 0 && n == 0 {
            return None;
        }
        // Uzbek and Hawaiian write a letter (ʻ, the okina) that keyboards replace with `.
        let turned_comma = marks.iter().any(|m| m.2 == Apostrophe::Wrong) && self.langs.of(t).is_any(&["uz", "haw"]);
        Some(Pending {
            value: t.text.value.clone(),
            elem: t.text.elem,
            span: t.text.span,
            lang,
            turned_comma,
            noun: noun(),
        })
    }
}

impl<'a> MessageRule<'a> for State<'a> {
    fn collect(&mut self, cx: &Context<'_, 'a>) {
        let mut content = cx.content_walk();
        for (field, t, f) in texts_with_facts(cx) {
            if !may_hold_marks(f) || !content.contains(t.text.elem) {
                continue; // the parties' texts are read by `finish`
            }
            // Only the ERN 3 artists named inside an item are party names here.
            let noun = || match field {
                TextField::PartyName | TextField::PartyNameOther => cx.nouns().of(field, t),
                _ => field_noun(field),
            };
            if let Some(p) = self.add(t, noun) {
                self.texts.push(p);
            }
        }
    }

    fn finish(mut self: Box<Self>, cx: &Context<'_, 'a>, out: &mut Vec<Finding>) {
        // The context's displayed texts ([`crate::ern::Feed::display_texts`]) are its
        // parties' names: read from them rather than from every text of a whole message.
        let mut parties = Vec::new();
        let all = cx.feed.reported_parties();
        for (i, party) in all.iter().enumerate() {
            prefetch_lists_ahead(all, i, |p| &p.names, |n| n.full_name.as_ref().map(|t| t.value()));
            for n in &party.names {
                let full = n.full_name.iter().map(|t| (TextField::PartyName, t));
                for (field, t) in full.chain(n.other_names.iter().map(|t| (TextField::PartyNameOther, t))) {
                    if !t.value().contains(is_mark) {
                        continue;
                    }
                    if let Some(p) = self.add(t, || cx.nouns().of(field, t)) {
                        parties.push(p);
                    }
                }
            }
        }
        let State {
            straight_apos,
            typo_apos,
            straight_pairs,
            typo_pairs,
            pairs_by_lang,
            mut texts,
            ..
        } = *self;
        // The whole message's order: every text in document order.
        texts.extend(parties);
        texts.sort_by_key(|p| p.span.start);

        let apostrophe = if straight_apos > typo_apos { '\'' } else { '’' };
        let minority_apostrophe = if straight_apos > 0 && typo_apos > 0 {
            Some(if apostrophe == '\'' {
                Apostrophe::Typographic
            } else {
                Apostrophe::Straight
            })
        } else {
            None
        };
        let mixed_quotes = straight_pairs > 0 && typo_pairs > 0;
        let straight_wins = straight_pairs > typo_pairs;
        let most_used = |m: &HashMap<(char, char), usize>| {
            let mut v: Vec<(&(char, char), &usize)> = m.iter().collect();
            v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            v.first().map(|(p, _)| **p)
        };
        let mut all_pairs: HashMap<(char, char), usize> = HashMap::new();
        for m in &pairs_by_lang {
            for (p, n) in m {
                *all_pairs.entry(*p).or_default() += n;
            }
        }
        let feed_pair = most_used(&all_pairs).unwrap_or(('“', '”'));

        for p in &texts {
            let value: &str = &p.value;
            let mut edits: Vec<(usize, usize, String)> = Vec::new();
            let mut issues: Vec<String> = Vec::new();

            for (at, c, kind) in apostrophes(value) {
                let wrong = (kind == Apostrophe::Wrong && !p.turned_comma) || Some(kind) == minority_apostrophe;
                if !wrong {
                    continue;
                }
                edits.push((at, at + c.len_utf8(), apostrophe.to_string()));
                if issues.is_empty() || kind == Apostrophe::Wrong {
                    let word = word_at(value, at);
                    let issue = match c {
                        '´' => format!("the acute accent '´' as an apostrophe (in '{word}')"),
                        '`' => format!("the grave accent '`' as an apostrophe (in '{word}')"),
                        '\'' => format!("the straight apostrophe ' (in '{word}') where most of this feed uses ’"),
                        _ => format!("the typographic apostrophe ’ (in '{word}') where most of this feed uses '"),
                    };
                    if !issues.contains(&issue) {
                        issues.push(issue);
                    }
                }
            }

            if mixed_quotes {
                let straight = straight_quotes(value);
                if !straight_wins && !straight.is_empty() {
                    let (open, close) = pairs_by_lang
                        .get(p.lang as usize)
                        .and_then(most_used)
                        .unwrap_or(feed_pair);
                    for (n, &at) in straight.iter().enumerate() {
                        let q = if n % 2 == 0 { open } else { close };
                        edits.push((at, at + 1, q.to_string()));
                    }
                    issues.push(format!(
                        "straight quotes \"…\" where most of this feed uses typographic quotes {open}…{close}"
                    ));
                } else if straight_wins && value.contains(is_typographic_quote) {
                    for (at, c) in value.char_indices().filter(|(_, c)| is_typographic_quote(*c)) {
                        edits.push((at, at + c.len_utf8(), "\"".to_string()));
                    }
                    let (open, close) = typographic_pair(value).unwrap_or(('“', '”'));
                    issues.push(format!(
                        "typographic quotes {open}…{close} where most of this feed uses straight quotes \"…\""
                    ));
                }
            }

            if issues.is_empty() {
                continue;
            }
            edits.sort();
            let mut fixed = String::with_capacity(value.len());
            let mut last = 0;
            for (start, end, with) in &edits {
                fixed.push_str(&value[last..*start]);
                fixed.push_str(with);
                last = *end;
            }
            fixed.push_str(&value[last..]);
            out.push(
                RULE.finding(
                    p.elem,
                    p.span,
                    format!("the {} '{value}' uses {}", p.noun, issues.join("; and ")),
                )
                .with_help("use one apostrophe and quote style throughout the feed: search may treat ' and ’ as different characters")
                .with_fix(Fix::suggest(fixed)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_apostrophes() {
        let a = apostrophes("L'été d’avant");
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].2, Apostrophe::Straight);
        assert_eq!(a[1].2, Apostrophe::Typographic);
        assert!(apostrophes("Rock 'n' Roll").is_empty());
        assert!(apostrophes("ג'ורג'").is_empty());
        assert!(apostrophes("пʼять").is_empty());
        assert_eq!(apostrophes("Don´t")[0].2, Apostrophe::Wrong);
        assert!(apostrophes("Ｍｏｔｈｅｒ’ｓ").is_empty());
        assert_eq!(word_at("say Don't go", 7), "Don't");
    }

    #[test]
    fn quotes() {
        assert_eq!(straight_quotes("12\" Mix").len(), 0);
        assert_eq!(straight_quotes("The \"Best\" of").len(), 2);
        assert_eq!(straight_quotes("A \"B").len(), 0);
        assert_eq!(typographic_pair("„Hallo“ Welt"), Some(('„', '“')));
    }
}
