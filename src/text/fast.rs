//! Unicode property lookups with an ASCII fast path. The property crates binary-search their
//! tables for every character; feeds are mostly ASCII and the text rules ask per character,
//! so ASCII answers come from tables filled once from the same crates.

use std::sync::LazyLock;

use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};
use unicode_script::{ScriptExtension, UnicodeScript};

static ASCII_GC: LazyLock<[GeneralCategory; 128]> =
    LazyLock::new(|| std::array::from_fn(|i| (i as u8 as char).general_category()));
static ASCII_GC_GROUP: LazyLock<[GeneralCategoryGroup; 128]> =
    LazyLock::new(|| std::array::from_fn(|i| (i as u8 as char).general_category_group()));
static ASCII_SCRIPT_EXT: LazyLock<[ScriptExtension; 128]> =
    LazyLock::new(|| std::array::from_fn(|i| (i as u8 as char).script_extension()));

/// `general_category`, `general_category_group` and `script_extension`, answered from a
/// table for ASCII and by the property crates otherwise.
pub trait FastUnicode {
    fn general_category_fast(self) -> GeneralCategory;
    fn general_category_group_fast(self) -> GeneralCategoryGroup;
    fn script_extension_fast(self) -> ScriptExtension;
}

impl FastUnicode for char {
    #[inline]
    fn general_category_fast(self) -> GeneralCategory {
        if self.is_ascii() {
            ASCII_GC[self as usize]
        } else {
            self.general_category()
        }
    }
    #[inline]
    fn general_category_group_fast(self) -> GeneralCategoryGroup {
        if self.is_ascii() {
            ASCII_GC_GROUP[self as usize]
        } else {
            self.general_category_group()
        }
    }
    #[inline]
    fn script_extension_fast(self) -> ScriptExtension {
        if self.is_ascii() {
            ASCII_SCRIPT_EXT[self as usize]
        } else {
            self.script_extension()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_crates() {
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            assert_eq!(c.general_category_fast(), c.general_category());
            assert_eq!(c.general_category_group_fast(), c.general_category_group());
            assert_eq!(c.script_extension_fast(), c.script_extension());
        }
    }
}
