//! The IANA Language Subtag Registry, built into the binary as static tables.
//!
//! The data is `data/language-subtag-registry/registry.json` (see `data/SOURCES.md`), a JSON
//! conversion of the IANA registry with one record per subtag or tag; `build.rs` turns it into
//! sorted tables, one per record type, so that nothing is parsed at run time. All lookups are
//! ASCII case-insensitive (RFC 5646 §2.1.1).

use std::cmp::Ordering;
use std::sync::OnceLock;

use serde::Deserialize;

const META_JSON: &str = include_str!("../../data/language-subtag-registry/meta.json");

/// The record type of a registry entry (the registry's `Type` field).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SubtagKind {
    /// A primary language subtag (`en`, `yue`).
    Language,
    /// An extended language subtag (`yue` in `zh-yue`).
    Extlang,
    /// A script subtag (`Latn`).
    Script,
    /// A region subtag (`GB`, `419`).
    Region,
    /// A variant subtag (`1996`, `valencia`).
    Variant,
    /// A whole grandfathered tag (`i-klingon`).
    Grandfathered,
    /// A whole redundant tag (`zh-Hant`, `zh-yue`).
    Redundant,
}

impl SubtagKind {
    /// The lowercase name used by the registry's `Type` field.
    pub fn as_str(self) -> &'static str {
        match self {
            SubtagKind::Language => "language",
            SubtagKind::Extlang => "extlang",
            SubtagKind::Script => "script",
            SubtagKind::Region => "region",
            SubtagKind::Variant => "variant",
            SubtagKind::Grandfathered => "grandfathered",
            SubtagKind::Redundant => "redundant",
        }
    }
}

/// One registry record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegistryEntry {
    /// The record type.
    pub kind: SubtagKind,
    /// The subtag (or whole tag for grandfathered/redundant records) in the registry's
    /// spelling, which is the canonical case. Private-use ranges keep their `a..b` form.
    pub subtag: &'static str,
    /// The `Description` fields (English names).
    pub descriptions: &'static [&'static str],
    /// The `Deprecated` date, if the record is deprecated.
    pub deprecated: Option<&'static str>,
    /// The `Preferred-Value` field.
    pub preferred_value: Option<&'static str>,
    /// The `Suppress-Script` field (languages and extlangs only).
    pub suppress_script: Option<&'static str>,
    /// The `Macrolanguage` field.
    pub macrolanguage: Option<&'static str>,
    /// The `Scope` field (`macrolanguage`, `collection`, `special`, `private-use`).
    pub scope: Option<&'static str>,
    /// The `Prefix` fields (extlangs and variants).
    pub prefixes: &'static [&'static str],
}

impl RegistryEntry {
    /// Whether the record carries a `Deprecated` field.
    pub fn is_deprecated(&self) -> bool {
        self.deprecated.is_some()
    }

    /// The first description, or the empty string.
    pub fn name(&self) -> &str {
        self.descriptions.first().copied().unwrap_or("")
    }
}

include!(concat!(env!("OUT_DIR"), "/language_subtags.rs"));

/// The registry's lookups (its tables are static: see the module's doc).
#[derive(Debug, Default)]
pub struct Registry {
    _tables_are_static: (),
}

/// `key` compared with `wanted` lowercased (ASCII), without lowercasing `wanted` first.
fn cmp_lowercased(key: &str, wanted: &str) -> Ordering {
    key.bytes().cmp(wanted.bytes().map(|b| b.to_ascii_lowercase()))
}

impl Registry {
    /// Looks a subtag (or, for grandfathered/redundant, a whole tag) up, ignoring ASCII case.
    /// Private-use ranges (`qaa..qtz` …) match every subtag inside them.
    pub fn lookup(&self, kind: SubtagKind, subtag: &str) -> Option<&RegistryEntry> {
        let table = TABLES[kind as usize];
        if let Ok(i) = table.binary_search_by(|(key, _)| cmp_lowercased(key, subtag)) {
            return Some(&ENTRIES[usize::from(table[i].1)]);
        }
        RANGES.iter().find_map(|&(lo, hi, i)| {
            let e = &ENTRIES[usize::from(i)];
            let inside =
                subtag.len() == lo.len() && cmp_lowercased(lo, subtag).is_le() && cmp_lowercased(hi, subtag).is_ge();
            (e.kind == kind && inside).then_some(e)
        })
    }

    /// A primary language subtag.
    pub fn language(&self, subtag: &str) -> Option<&RegistryEntry> {
        self.lookup(SubtagKind::Language, subtag)
    }

    /// An extended language subtag.
    pub fn extlang(&self, subtag: &str) -> Option<&RegistryEntry> {
        self.lookup(SubtagKind::Extlang, subtag)
    }

    /// A script subtag.
    pub fn script(&self, subtag: &str) -> Option<&RegistryEntry> {
        self.lookup(SubtagKind::Script, subtag)
    }

    /// A region subtag.
    pub fn region(&self, subtag: &str) -> Option<&RegistryEntry> {
        self.lookup(SubtagKind::Region, subtag)
    }

    /// A variant subtag.
    pub fn variant(&self, subtag: &str) -> Option<&RegistryEntry> {
        self.lookup(SubtagKind::Variant, subtag)
    }

    /// A whole grandfathered or redundant tag (`i-klingon`, `zh-yue`, `zh-Hant`).
    pub fn whole_tag(&self, tag: &str) -> Option<&RegistryEntry> {
        self.lookup(SubtagKind::Grandfathered, tag)
            .or_else(|| self.lookup(SubtagKind::Redundant, tag))
    }

    /// The language subtag whose registry description equals `name` (case-insensitive),
    /// e.g. `English` → `en`, `Japanese` → `ja`. Deprecated records are skipped.
    pub fn language_by_name(&self, name: &str) -> Option<&str> {
        let name = name.trim().to_lowercase();
        let i = NAMES.binary_search_by(|(n, _)| (*n).cmp(name.as_str())).ok()?;
        Some(NAMES[i].1)
    }

    /// Number of records of one kind (ranges excluded).
    pub fn count(&self, kind: SubtagKind) -> usize {
        TABLES[kind as usize].len()
    }

    /// Every grandfathered tag, in registry spelling.
    pub fn grandfathered_tags(&self) -> impl Iterator<Item = &str> {
        TABLES[SubtagKind::Grandfathered as usize]
            .iter()
            .map(|&(_, i)| ENTRIES[usize::from(i)].subtag)
    }
}

/// The embedded registry.
pub fn registry() -> &'static Registry {
    static REG: Registry = Registry { _tables_are_static: () };
    &REG
}

#[derive(Deserialize)]
struct Meta {
    #[serde(rename = "File-Date")]
    file_date: String,
}

/// The `File-Date` of the embedded registry (e.g. `2025-08-25`), for reports.
pub fn registry_file_date() -> &'static str {
    static DATE: OnceLock<String> = OnceLock::new();
    DATE.get_or_init(|| {
        serde_json::from_str::<Meta>(META_JSON)
            .map(|m| m.file_date)
            .unwrap_or_else(|_| "unknown".to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_tables_are_sorted_for_binary_search() {
        for table in TABLES {
            assert!(table.is_sorted_by(|a, b| a.0 < b.0));
            assert!(table
                .iter()
                .all(|(key, i)| ENTRIES[usize::from(*i)].subtag.eq_ignore_ascii_case(key)));
        }
        assert!(NAMES.is_sorted_by(|a, b| a.0 < b.0));
    }

    #[test]
    fn file_date_and_counts() {
        assert_eq!(registry_file_date(), "2025-08-25");
        let r = registry();
        assert!(r.count(SubtagKind::Language) > 8000);
        assert!(r.count(SubtagKind::Script) > 200);
        assert!(r.count(SubtagKind::Region) > 300);
        assert!(r.count(SubtagKind::Extlang) > 200);
        assert!(r.count(SubtagKind::Variant) > 100);
        assert_eq!(r.count(SubtagKind::Grandfathered), 26);
        assert!(r.count(SubtagKind::Redundant) > 60);
    }

    #[test]
    fn language_facts() {
        let r = registry();
        assert_eq!(r.language("ja").unwrap().suppress_script, Some("Jpan"));
        assert_eq!(r.language("KO").unwrap().suppress_script, Some("Kore"));
        for l in ["zh", "sr", "az", "yue"] {
            assert_eq!(r.language(l).unwrap().suppress_script, None, "{l}");
        }
        let iw = r.language("iw").unwrap();
        assert!(iw.is_deprecated());
        assert_eq!(iw.preferred_value, Some("he"));
        for (old, new) in [("in", "id"), ("mo", "ro"), ("ji", "yi")] {
            assert_eq!(r.language(old).unwrap().preferred_value, Some(new));
        }
        assert_eq!(r.language("sr").unwrap().macrolanguage, Some("sh"));
        for absent in ["jp", "cz", "gr", "dk", "ua", "sp", "ger", "chi", "english"] {
            assert!(r.language(absent).is_none(), "{absent}");
        }
        assert_eq!(r.language("si").unwrap().name(), "Sinhala");
        // private-use range qaa..qtz
        assert!(r.language("qab").is_some());
        assert!(r.language("qzz").is_none());
    }

    #[test]
    fn other_kinds() {
        let r = registry();
        assert!(r.region("UK").is_none());
        assert_eq!(r.region("gb").unwrap().subtag, "GB");
        assert_eq!(r.region("BU").unwrap().preferred_value, Some("MM"));
        assert!(r.region("419").is_some());
        assert!(r.region("QO").is_some()); // QM..QZ private use
        assert_eq!(r.script("jpan").unwrap().subtag, "Jpan");
        assert!(r.script("Ltn").is_none());
        assert_eq!(r.extlang("yue").unwrap().prefixes, ["zh"]);
        assert!(r.variant("1996").is_some());
        let zh_yue = r.whole_tag("ZH-YUE").unwrap();
        assert_eq!(zh_yue.kind, SubtagKind::Redundant);
        assert_eq!(zh_yue.preferred_value, Some("yue"));
        assert_eq!(r.whole_tag("i-klingon").unwrap().kind, SubtagKind::Grandfathered);
        assert_eq!(r.language_by_name("ENGLISH"), Some("en"));
        assert_eq!(r.language_by_name("Japanese"), Some("ja"));
        assert_eq!(r.language_by_name("German"), Some("de"));
    }
}
