//! Helpers for the language-aware unicode rules (confusables, cedillas, case): how a
//! field is named in messages, the effective language of a text, and how a corrected value
//! becomes a fix.

use crate::ern::{Feed, Localized, RefKind, TextField};
use crate::finding::{Applicability, Fix};

use super::fieldtext::field_noun;

/// Names for the fields of one feed: `field_noun`, except that an ERN 4 party name says
/// what the party is (`label name`, `artist name`) when the message references it as such.
pub(crate) struct Nouns {
    by_text: crate::hash::FastMap<u32, &'static str>,
}

impl<'f, 'a> crate::rules::Context<'f, 'a> {
    /// The [`Nouns`] of this feed, computed on first use.
    pub(crate) fn nouns(&self) -> &Nouns {
        self.shared.nouns.get_or_init(|| Nouns::new(self.feed))
    }
}

impl Nouns {
    fn new(feed: &Feed) -> Nouns {
        // What each party reference is used as: bit 1 label, bit 2 artist, bit 4 contributor.
        let mut roles: crate::hash::FastMap<&str, u8> = crate::hash::FastMap::default();
        for r in feed.refs.iter().filter(|r| r.kind == RefKind::Party) {
            let bit = match r.element {
                "ReleaseLabelReference" => 1,
                e if e.contains("Artist") => 2,
                e if e.contains("Contributor") => 4,
                _ => continue,
            };
            *roles.entry(r.text.value.trim()).or_default() |= bit;
        }
        let mut by_text = crate::hash::FastMap::default();
        // A streaming reader's segment reports on no party text: its nouns are not asked.
        for p in feed.reported_parties() {
            let Some(role) = p.reference.as_ref().and_then(|r| roles.get(r.value.trim())) else {
                continue;
            };
            let noun = match role {
                r if r & 3 == 3 => "artist and label name",
                r if r & 1 == 1 => "label name",
                r if r & 2 == 2 => "artist name",
                _ => "contributor name",
            };
            for n in &p.names {
                for t in n.full_name.iter().chain(&n.other_names) {
                    by_text.insert(t.text.span.start, noun);
                }
            }
        }
        // ERN 3 names its artists inline, in `DisplayArtist/PartyName`.
        for d in feed.displays() {
            for n in d.artists.iter().flat_map(|a| &a.names) {
                for t in n.full_name.iter().chain(&n.other_names) {
                    by_text.insert(t.text.span.start, "artist name");
                }
            }
        }
        Nouns { by_text }
    }

    /// How the field holding `t` is called in a message.
    pub fn of(&self, field: TextField, t: &Localized) -> &'static str {
        match field {
            TextField::PartyName | TextField::PartyNameOther => self
                .by_text
                .get(&t.text.span.start)
                .copied()
                .unwrap_or(field_noun(field)),
            _ => field_noun(field),
        }
    }
}

/// A fix that writes `value` as the whole new value of `t` ([`super::fieldtext::fix`]); a
/// proposed value where that gives none.
pub(super) fn text_fix(t: &Localized, applicability: Applicability, value: String) -> Fix {
    super::fieldtext::fix(&t.text, applicability, value.clone()).unwrap_or_else(|| Fix::suggest(value))
}

/// The language of a text as the rules need it: primary language subtag and region, both
/// lowercase, after the registry's Preferred-Value (`mo` → `ro`) and the usual repairs
/// (`ro_RO` → `ro`, `TR` → `tr`). ISO 639-2 codes are understood (`rum`, `tur`, `ger`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct TextLang {
    pub language: String,
    pub region: Option<String>,
}

impl TextLang {
    pub fn is(&self, language: &str) -> bool {
        self.language == language
    }
    pub fn is_any(&self, languages: &[&str]) -> bool {
        languages.contains(&self.language.as_str())
    }
}

fn text_lang(tag: &str) -> TextLang {
    let a = crate::text::parse_tag_shared(tag);
    let tag = a.preferred.clone().or_else(|| a.best().map(str::to_string));
    let mut lang = TextLang::default();
    if let Some(tag) = tag {
        let mut parts = tag.split('-');
        lang.language = parts.next().unwrap_or("").to_ascii_lowercase();
        lang.region = parts
            .filter(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_alphabetic()))
            .map(|p| p.to_ascii_lowercase())
            .next();
    }
    if let Some(s) = a.suggested_language {
        if crate::text::registry().language(&lang.language).is_none() {
            lang.language = s.to_string();
        }
    }
    lang
}

/// Parses each distinct tag once (a feed has a handful of tags and thousands of texts).
#[derive(Default)]
pub(super) struct LangCache {
    memo: crate::rules::memo::StrMemo<TextLang>,
}

impl LangCache {
    /// The effective language of `t` (catalogue §0.4).
    pub fn of(&mut self, t: &Localized) -> &TextLang {
        self.memo.get_or(t.lang.tag(), text_lang)
    }
}

pub(super) use super::fieldtext::code as code_point;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages() {
        assert_eq!(text_lang("ro").language, "ro");
        assert_eq!(text_lang("ro-RO").region.as_deref(), Some("ro"));
        assert_eq!(text_lang("mo").language, "ro");
        assert_eq!(text_lang("ro_MD").language, "ro");
        assert_eq!(text_lang("TR").language, "tr");
        assert_eq!(text_lang("de-CH").region.as_deref(), Some("ch"));
        assert_eq!(text_lang("de-Latn-CH").region.as_deref(), Some("ch"));
        assert_eq!(text_lang("ger").language, "de");
        assert_eq!(text_lang("el").language, "el");
        assert_eq!(text_lang("").language, "");
    }
}
