//! The IANA Language Subtag Registry, embedded and parsed once on first use.
//!
//! The data is `data/language-subtag-registry/registry.json` (see `data/SOURCES.md`), a JSON
//! conversion of the IANA registry with one record per subtag or tag. It is parsed lazily into
//! one lookup table per record type; all lookups are ASCII case-insensitive (RFC 5646 §2.1.1).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

const REGISTRY_JSON: &str = include_str!("../../data/language-subtag-registry/registry.json");
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
    pub subtag: String,
    /// The `Description` fields (English names).
    pub descriptions: Vec<String>,
    /// The `Deprecated` date, if the record is deprecated.
    pub deprecated: Option<String>,
    /// The `Preferred-Value` field.
    pub preferred_value: Option<String>,
    /// The `Suppress-Script` field (languages and extlangs only).
    pub suppress_script: Option<String>,
    /// The `Macrolanguage` field.
    pub macrolanguage: Option<String>,
    /// The `Scope` field (`macrolanguage`, `collection`, `special`, `private-use`).
    pub scope: Option<String>,
    /// The `Prefix` fields (extlangs and variants).
    pub prefixes: Vec<String>,
}

impl RegistryEntry {
    /// Whether the record carries a `Deprecated` field.
    pub fn is_deprecated(&self) -> bool {
        self.deprecated.is_some()
    }

    /// The first description, or the empty string.
    pub fn name(&self) -> &str {
        self.descriptions.first().map(String::as_str).unwrap_or("")
    }
}

#[derive(Deserialize)]
struct RawRecord {
    #[serde(rename = "Type")]
    kind: String,
    #[serde(rename = "Subtag")]
    subtag: Option<String>,
    #[serde(rename = "Tag")]
    tag: Option<String>,
    #[serde(rename = "Description", default)]
    description: Vec<String>,
    #[serde(rename = "Deprecated")]
    deprecated: Option<String>,
    #[serde(rename = "Preferred-Value")]
    preferred_value: Option<String>,
    #[serde(rename = "Suppress-Script")]
    suppress_script: Option<String>,
    #[serde(rename = "Macrolanguage")]
    macrolanguage: Option<String>,
    #[serde(rename = "Scope")]
    scope: Option<String>,
    #[serde(rename = "Prefix", default)]
    prefix: Vec<String>,
}

/// The parsed registry: one case-insensitive table per record type.
#[derive(Debug, Default)]
pub struct Registry {
    tables: HashMap<SubtagKind, HashMap<String, RegistryEntry>>,
    /// Private-use ranges such as `qaa..qtz`, `Qaaa..Qabx`, `QM..QZ` (lowercased bounds).
    ranges: Vec<(String, String, RegistryEntry)>,
    /// Lowercased language descriptions → language subtag (first non-deprecated claimant).
    names: HashMap<String, String>,
}

fn kind_of(s: &str) -> Option<SubtagKind> {
    Some(match s {
        "language" => SubtagKind::Language,
        "extlang" => SubtagKind::Extlang,
        "script" => SubtagKind::Script,
        "region" => SubtagKind::Region,
        "variant" => SubtagKind::Variant,
        "grandfathered" => SubtagKind::Grandfathered,
        "redundant" => SubtagKind::Redundant,
        _ => return None,
    })
}

impl Registry {
    fn parse(json: &str) -> Registry {
        // The embedded file is checked by the unit tests; a broken file yields an empty registry
        // rather than a panic in a linter run.
        let raw: Vec<RawRecord> = serde_json::from_str(json).unwrap_or_default();
        let mut reg = Registry::default();
        for r in raw {
            let Some(kind) = kind_of(&r.kind) else {
                continue;
            };
            let Some(subtag) = r.subtag.or(r.tag) else {
                continue;
            };
            let entry = RegistryEntry {
                kind,
                subtag: subtag.clone(),
                descriptions: r.description,
                deprecated: r.deprecated,
                preferred_value: r.preferred_value,
                suppress_script: r.suppress_script,
                macrolanguage: r.macrolanguage,
                scope: r.scope,
                prefixes: r.prefix,
            };
            if kind == SubtagKind::Language && entry.deprecated.is_none() {
                for d in &entry.descriptions {
                    reg.names
                        .entry(d.to_lowercase())
                        .or_insert_with(|| subtag.clone());
                }
            }
            if let Some((lo, hi)) = subtag.split_once("..") {
                reg.ranges
                    .push((lo.to_ascii_lowercase(), hi.to_ascii_lowercase(), entry));
            } else {
                reg.tables
                    .entry(kind)
                    .or_default()
                    .insert(subtag.to_ascii_lowercase(), entry);
            }
        }
        reg
    }

    /// Looks a subtag (or, for grandfathered/redundant, a whole tag) up, ignoring ASCII case.
    /// Private-use ranges (`qaa..qtz` …) match every subtag inside them.
    pub fn lookup(&self, kind: SubtagKind, subtag: &str) -> Option<&RegistryEntry> {
        let key = subtag.to_ascii_lowercase();
        if let Some(e) = self.tables.get(&kind).and_then(|t| t.get(&key)) {
            return Some(e);
        }
        self.ranges.iter().find_map(|(lo, hi, e)| {
            (e.kind == kind && key.len() == lo.len() && key >= *lo && key <= *hi).then_some(e)
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
        self.names
            .get(&name.trim().to_lowercase())
            .map(String::as_str)
    }

    /// Number of records of one kind (ranges excluded).
    pub fn count(&self, kind: SubtagKind) -> usize {
        self.tables.get(&kind).map_or(0, HashMap::len)
    }

    /// Every grandfathered tag, in registry spelling.
    pub fn grandfathered_tags(&self) -> impl Iterator<Item = &str> {
        self.tables
            .get(&SubtagKind::Grandfathered)
            .into_iter()
            .flat_map(|t| t.values().map(|e| e.subtag.as_str()))
    }
}

/// The embedded registry, parsed on first use.
pub fn registry() -> &'static Registry {
    static REG: OnceLock<Registry> = OnceLock::new();
    REG.get_or_init(|| Registry::parse(REGISTRY_JSON))
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
        assert_eq!(
            r.language("ja").unwrap().suppress_script.as_deref(),
            Some("Jpan")
        );
        assert_eq!(
            r.language("KO").unwrap().suppress_script.as_deref(),
            Some("Kore")
        );
        for l in ["zh", "sr", "az", "yue"] {
            assert_eq!(r.language(l).unwrap().suppress_script, None, "{l}");
        }
        let iw = r.language("iw").unwrap();
        assert!(iw.is_deprecated());
        assert_eq!(iw.preferred_value.as_deref(), Some("he"));
        for (old, new) in [("in", "id"), ("mo", "ro"), ("ji", "yi")] {
            assert_eq!(
                r.language(old).unwrap().preferred_value.as_deref(),
                Some(new)
            );
        }
        assert_eq!(
            r.language("sr").unwrap().macrolanguage.as_deref(),
            Some("sh")
        );
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
        assert_eq!(
            r.region("BU").unwrap().preferred_value.as_deref(),
            Some("MM")
        );
        assert!(r.region("419").is_some());
        assert!(r.region("QO").is_some()); // QM..QZ private use
        assert_eq!(r.script("jpan").unwrap().subtag, "Jpan");
        assert!(r.script("Ltn").is_none());
        assert_eq!(r.extlang("yue").unwrap().prefixes, vec!["zh".to_string()]);
        assert!(r.variant("1996").is_some());
        let zh_yue = r.whole_tag("ZH-YUE").unwrap();
        assert_eq!(zh_yue.kind, SubtagKind::Redundant);
        assert_eq!(zh_yue.preferred_value.as_deref(), Some("yue"));
        assert_eq!(
            r.whole_tag("i-klingon").unwrap().kind,
            SubtagKind::Grandfathered
        );
        assert_eq!(r.language_by_name("ENGLISH"), Some("en"));
        assert_eq!(r.language_by_name("Japanese"), Some("ja"));
        assert_eq!(r.language_by_name("German"), Some("de"));
    }
}
