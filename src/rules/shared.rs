//! Views of a feed that several rules read, each computed at most once per file (on first
//! use, by whichever rule asks first; for a large file, up front and in parallel:
//! [`super::Context::build_shared_views_in_parallel`]) and then shared by every rule of the run.

use std::sync::OnceLock;

use crate::ern::{Localized, Party, RightsLine, Text, TextField};
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
    /// [`crate::ern::Feed::content_marks`], for [`super::Context::is_in_content`].
    pub content_marks: OnceLock<Vec<(u32, u32)>>,
    /// Whether this context's content definitions are in the message's ledger
    /// ([`super::Context::content_definitions`]).
    pub definitions_recorded: OnceLock<()>,
    /// Whether this context's party roles are in the message's
    /// ([`super::Context::message_party_roles`]).
    pub party_roles_recorded: OnceLock<()>,
    /// [`super::Context::refs_in_content`].
    pub refs_in_content: OnceLock<Vec<bool>>,
    /// [`super::label::rights_text::each_rights_line`].
    pub rights_lines: OnceLock<Vec<&'f RightsLine<'a>>>,
}

/// How many texts ahead [`prefetch_ahead`] asks for.
const AHEAD: usize = 8;

/// Asks the CPU to start loading what reading `texts[i + AHEAD]` will touch: the text's
/// [`Localized`] now for the text `2 * AHEAD` ahead, and the characters of the one `AHEAD`
/// ahead (whose `Localized` was asked for earlier). A batch file's texts lie far apart, so a
/// pass that reads each in turn otherwise waits on memory for every one.
pub(crate) fn prefetch_ahead(texts: &[(TextField, &Localized)], i: usize) {
    if let Some((_, far)) = texts.get(i + 2 * AHEAD) {
        prefetch(std::ptr::from_ref::<Localized>(far).cast());
    }
    if let Some((_, near)) = texts.get(i + AHEAD) {
        prefetch(near.value().as_ptr());
    }
}

/// [`prefetch_ahead`] for a list of other items: the item `2 * AHEAD` ahead now, and the text
/// `text` gives of the one `AHEAD` ahead.
pub(crate) fn prefetch_items_ahead<'t, T>(items: &[&'t T], i: usize, text: impl Fn(&'t T) -> Option<&'t str>) {
    if let Some(&far) = items.get(i + 2 * AHEAD) {
        prefetch(std::ptr::from_ref(far).cast());
    }
    if let Some(t) = items.get(i + AHEAD).and_then(|&near| text(near)) {
        prefetch(t.as_ptr());
    }
}

/// [`prefetch_ahead`] for items (releases, resources) that each hold a list of texts (their
/// titles, their artist names): every cache line of the list of the item `2 * AHEAD` ahead
/// now, and the texts of the one `AHEAD` ahead.
pub(crate) fn prefetch_lists_ahead<T, X>(
    items: &[T],
    i: usize,
    list: impl Fn(&T) -> &[X],
    text: impl Fn(&X) -> Option<&str>,
) {
    if let Some(far) = items.get(i + 2 * AHEAD) {
        let list = list(far);
        let start = list.as_ptr().cast::<u8>();
        for offset in (0..std::mem::size_of_val(list)).step_by(64) {
            prefetch(start.wrapping_add(offset));
        }
    }
    if let Some(near) = items.get(i + AHEAD) {
        for t in list(near).iter().filter_map(&text) {
            prefetch(t.as_ptr());
        }
    }
}

fn prefetch(p: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint that never faults, whatever the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p.cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}
