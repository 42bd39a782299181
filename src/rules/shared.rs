//! Views of a feed that several rules read, each computed at most once per file (on first
//! use, by whichever rule asks first; for a large file, up front and in parallel:
//! [`super::Context::build_shared_views_in_parallel`]) and then shared by every rule of the run.

use std::sync::OnceLock;

use crate::ern::{Localized, Party, Text, TextField};
use crate::text::TextFacts;

use super::label::names::{LabelNames, LabelUse};
use super::language::variants::VariantSets;
use super::language::LanguageTexts;
use super::reference::{Definitions, Target};
use super::unicode::textlang::Nouns;

#[derive(Default)]
pub(crate) struct Shared<'f, 'a> {
    /// [`crate::ern::Feed::display_texts`].
    pub display_texts: OnceLock<Vec<(TextField, &'f Localized<'a>)>>,
    /// What one pass over each display text tells, in the order of `display_texts`.
    pub display_facts: OnceLock<Vec<TextFacts>>,
    /// Indexes of the display texts with a non-ASCII character.
    pub non_ascii_texts: OnceLock<Vec<u32>>,
    /// The texts the language rules judge ([`super::language::texts`]).
    pub language_texts: OnceLock<LanguageTexts<'f, 'a>>,
    /// `(position of the attribute that gives their language) << 32 | index into
    /// language_texts`, sorted.
    pub language_texts_by_attr: OnceLock<Vec<u64>>,
    pub nouns: OnceLock<Nouns>,
    pub variant_sets: OnceLock<VariantSets<'f, 'a>>,
    /// [`crate::ern::Feed::label_parties`].
    pub label_parties: OnceLock<Vec<(&'f Party<'a>, &'f Text<'a>)>>,
    pub label_uses: OnceLock<Vec<LabelUse<'f, 'a>>>,
    pub label_names: OnceLock<LabelNames<'f, 'a>>,
    pub ref_definitions: OnceLock<Definitions<'f>>,
    /// For each of [`crate::ern::Feed::refs`], the definition it names.
    pub ref_targets: OnceLock<Vec<Target>>,
}
