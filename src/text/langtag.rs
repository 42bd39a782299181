//! BCP 47 language tags (RFC 5646): syntax, canonical case, repairs, registry checks.
//!
//! [`parse_tag`] never panics. It reports what the language rules (catalogue G1–G4, §0.4)
//! need: well-formedness, the canonical-case form, a repaired form for common malformations,
//! unknown and deprecated subtags (checked against the embedded IANA registry), the script
//! subtag, the language's Suppress-Script and whether the script subtag is redundant.

use super::langtables::{country_code_trap, suggest_language_for, CountryCodeTrap};
use super::registry::{registry, SubtagKind};
use super::script::ScriptCode;
use super::tagsyntax::{join, repair};
pub use super::tagsyntax::{parse_well_formed, Repair, TagForm, TagParts};

/// A subtag that is not in the registry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownSubtag {
    /// The subtag in canonical case.
    pub subtag: String,
    /// The position it occupies (language, extlang, script, region, variant).
    pub kind: SubtagKind,
}

/// A deprecated subtag or tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeprecatedSubtag {
    /// The subtag (or whole redundant/grandfathered tag) in canonical case.
    pub subtag: String,
    /// Its record type.
    pub kind: SubtagKind,
    /// The registry's replacement, if any (`iw` → `he`).
    pub preferred_value: Option<String>,
}

/// Everything [`parse_tag`] found out about a raw `LanguageAndScriptCode` value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagAnalysis {
    /// The value as given.
    pub raw: String,
    /// Whether `raw` is a well-formed BCP 47 tag exactly as given (RFC 5646 §2.1 ABNF).
    pub well_formed: bool,
    /// Why `raw` is not well-formed.
    pub syntax_error: Option<String>,
    /// The form of the tag analysed below (raw if well-formed, else the repaired one).
    pub form: Option<TagForm>,
    /// `raw` in canonical case, when `raw` is well-formed (`EN-gb` → `en-GB`).
    pub canonical_case: Option<String>,
    /// The result of the safe repairs (trim, `_`→`-`, POSIX suffix removal, canonical case)
    /// when it is well-formed and differs from `raw` (`ja_Jpan` → `ja-Jpan`, ` fr ` → `fr`,
    /// `JA-JPAN` → `ja-Jpan`). Whether it is also *valid* is [`TagAnalysis::is_valid`].
    pub repaired: Option<String>,
    /// The repair steps that produced `repaired`.
    pub repairs: Vec<Repair>,
    /// The subtags of the analysed tag (raw if well-formed, else `repaired`).
    pub parts: Option<TagParts>,
    /// Subtags not in the registry (`english`, region `UK` in `en-UK`, `ger`).
    pub unknown: Vec<UnknownSubtag>,
    /// Extlangs whose registry `Prefix` is not the tag's language (`de-yue`).
    pub extlang_prefix_mismatch: Vec<String>,
    /// Variants or extension singletons that occur twice (not valid per RFC 5646 §2.2.9).
    pub duplicates: Vec<String>,
    /// Deprecated subtags or whole tags, with their Preferred-Value.
    pub deprecated: Vec<DeprecatedSubtag>,
    /// The Suppress-Script of the language (of its Preferred-Value when deprecated).
    pub suppress_script: Option<ScriptCode>,
    /// Whether the script subtag equals the Suppress-Script (`de-Latn`, `ja-Jpan`).
    pub redundant_script: bool,
    /// The tag with Preferred-Values applied, in canonical case (`iw-IL` → `he-IL`,
    /// `zh-yue` → `yue`); `None` when it equals the canonical form or the tag is invalid.
    pub preferred: Option<String>,
    /// The primary language is a country code (`jp`, `cz`) or a country-code trap (`si`, `se`).
    pub country_code_trap: Option<&'static CountryCodeTrap>,
    /// A language subtag suggested for a language *name* or ISO 639-2 code (`English` → `en`,
    /// `ger` → `de`). Suggestion only.
    pub suggested_language: Option<&'static str>,
}

impl TagAnalysis {
    /// The best tag to work with: the canonical-case form of a well-formed `raw`, else the
    /// repaired form. `None` when nothing well-formed could be made.
    pub fn best(&self) -> Option<&str> {
        self.canonical_case.as_deref().or(self.repaired.as_deref())
    }

    /// Whether `raw` is well-formed and already in canonical case.
    pub fn is_canonical_case(&self) -> bool {
        self.well_formed && self.canonical_case.as_deref() == Some(self.raw.as_str())
    }

    /// Valid per RFC 5646 §2.2.9 (for the analysed tag): well-formed (possibly after repair),
    /// every subtag registered, extlang prefixes right, no duplicates. Deprecated subtags
    /// are still valid.
    pub fn is_valid(&self) -> bool {
        self.parts.is_some()
            && self.unknown.is_empty()
            && self.duplicates.is_empty()
            && self.extlang_prefix_mismatch.is_empty()
    }

    /// The primary language subtag of the analysed tag (lowercase).
    pub fn language(&self) -> Option<&str> {
        self.parts
            .as_ref()
            .map(|p| p.language.as_str())
            .filter(|l| !l.is_empty())
    }

    /// The explicit script subtag.
    pub fn script(&self) -> Option<ScriptCode> {
        self.parts
            .as_ref()
            .and_then(|p| p.script.as_deref())
            .and_then(ScriptCode::new)
    }

    /// The expected script (§0.4 step 3): the script subtag, else the Suppress-Script,
    /// else `None` (`zh`, `sr`, `az`, `yue`).
    pub fn expected_script(&self) -> Option<ScriptCode> {
        self.script().or(self.suppress_script)
    }

    /// The analysed tag as a `unic_langid` identifier (language, script, region, variants;
    /// extensions and private use dropped), e.g. for locale-aware case mapping.
    pub fn to_langid(&self) -> Option<unic_langid::LanguageIdentifier> {
        let p = self.parts.as_ref()?;
        if p.language.is_empty() || p.language.contains('-') {
            return None;
        }
        let mut s = p.language.clone();
        for x in p.script.iter().chain(p.region.iter()).chain(&p.variants) {
            s.push('-');
            s.push_str(x);
        }
        s.parse().ok()
    }
}

/// Analyses a raw `LanguageAndScriptCode` value. Never panics.
///
/// A run meets the same few tags in every text of thousands of files, and many rules ask
/// about each: analyses are remembered per thread (a bounded cache).
pub fn parse_tag(raw: &str) -> TagAnalysis {
    (*parse_tag_shared(raw)).clone()
}

/// [`parse_tag`] without copying the analysis: memoized per thread (feeds repeat a handful of
/// tags in every file), shared.
pub fn parse_tag_shared(raw: &str) -> std::sync::Arc<TagAnalysis> {
    thread_local! {
        static CACHE: std::cell::RefCell<crate::hash::FastMap<String, std::sync::Arc<TagAnalysis>>> =
            std::cell::RefCell::new(crate::hash::FastMap::default());
    }
    const MAX_CACHED: usize = 4096;
    if let Some(hit) = CACHE.with(|c| c.borrow().get(raw).cloned()) {
        return hit;
    }
    let a = std::sync::Arc::new(analyse_tag(raw));
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= MAX_CACHED {
            c.clear();
        }
        c.insert(raw.to_string(), a.clone());
    });
    a
}

fn analyse_tag(raw: &str) -> TagAnalysis {
    let mut a = TagAnalysis {
        raw: raw.to_string(),
        ..TagAnalysis::default()
    };
    let analysed = match parse_well_formed(raw) {
        Ok((form, parts)) => {
            a.well_formed = true;
            let canon = join(form, &parts);
            if canon != raw {
                a.repaired = Some(canon.clone());
                a.repairs.push(Repair::CaseFixed);
            }
            a.canonical_case = Some(canon);
            Some((form, parts))
        }
        Err(e) => {
            a.syntax_error = Some(e);
            let (fixed, steps) = repair(raw);
            match parse_well_formed(&fixed) {
                Ok((form, parts)) if fixed != raw => {
                    let canon = join(form, &parts);
                    a.repairs = steps;
                    if canon != fixed {
                        a.repairs.push(Repair::CaseFixed);
                    }
                    a.repaired = Some(canon);
                    Some((form, parts))
                }
                _ => None,
            }
        }
    };
    if let Some((form, parts)) = analysed {
        check_registry(&mut a, form, &parts);
        a.form = Some(form);
        a.parts = Some(parts);
    }
    let primary = a.language().map(str::to_string).unwrap_or_else(|| first_token(raw));
    a.country_code_trap = country_code_trap(&primary);
    if a.language().is_none_or(|l| registry().language(l).is_none()) {
        a.suggested_language = suggest_language_for(raw.trim())
            .or_else(|| suggest_language_for(&primary))
            .or_else(|| a.country_code_trap.map(|t| t.likely[0]));
    }
    a
}

fn first_token(raw: &str) -> String {
    raw.trim()
        .split(|c: char| c == '-' || c == '_' || c == '.' || c == '@' || c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn check_registry(a: &mut TagAnalysis, form: TagForm, p: &TagParts) {
    let reg = registry();
    if form == TagForm::Grandfathered {
        if let Some(e) = reg.lookup(SubtagKind::Grandfathered, &p.language) {
            if e.is_deprecated() {
                a.deprecated.push(DeprecatedSubtag {
                    subtag: e.subtag.to_string(),
                    kind: e.kind,
                    preferred_value: e.preferred_value.map(str::to_string),
                });
                a.preferred = e.preferred_value.map(str::to_string);
            }
        }
        return;
    }
    if form == TagForm::PrivateUse {
        return;
    }
    let mut pref = p.clone();
    let unknown = |a: &mut TagAnalysis, s: &str, kind| {
        a.unknown.push(UnknownSubtag {
            subtag: s.to_string(),
            kind,
        })
    };
    let deprecated = |a: &mut TagAnalysis, e: &super::registry::RegistryEntry| {
        a.deprecated.push(DeprecatedSubtag {
            subtag: e.subtag.to_string(),
            kind: e.kind,
            preferred_value: e.preferred_value.map(str::to_string),
        })
    };
    // A whole redundant tag (zh-yue, sgn-BR …) may be deprecated as a unit.
    let mut head = vec![p.language.clone()];
    head.extend(p.extlangs.iter().cloned());
    head.extend(p.script.iter().cloned());
    head.extend(p.region.iter().cloned());
    head.extend(p.variants.iter().cloned());
    let mut whole_replaced: Option<String> = None;
    for n in (2..=head.len()).rev() {
        let t = head[..n].join("-");
        if let Some(e) = reg.lookup(SubtagKind::Redundant, &t) {
            if e.is_deprecated() {
                deprecated(a, e);
                if let Some(pv) = e.preferred_value {
                    let mut v = vec![pv.to_string()];
                    v.extend(head[n..].iter().cloned());
                    v.extend(p.extensions.iter().cloned());
                    v.extend(p.private_use.iter().cloned());
                    whole_replaced = Some(v.join("-"));
                }
            }
            break;
        }
    }
    match reg.language(&p.language) {
        None => unknown(a, &p.language, SubtagKind::Language),
        Some(e) => {
            let mut lang_entry = e;
            if e.is_deprecated() {
                deprecated(a, e);
                if let Some(pv) = e.preferred_value {
                    pref.language = pv.to_string();
                    lang_entry = reg.language(pv).unwrap_or(e);
                }
            }
            a.suppress_script = e
                .suppress_script
                .or(lang_entry.suppress_script)
                .and_then(ScriptCode::new);
        }
    }
    for x in &p.extlangs {
        match reg.extlang(x) {
            None => unknown(a, x, SubtagKind::Extlang),
            Some(e) => {
                if !e.prefixes.iter().any(|pf| pf.eq_ignore_ascii_case(&p.language)) {
                    a.extlang_prefix_mismatch.push(x.clone());
                }
                // RFC 5646 §4.5: the extlang form is replaced by its Preferred-Value.
                if p.extlangs.len() == 1 {
                    if let Some(pv) = e.preferred_value {
                        pref.language = pv.to_string();
                        pref.extlangs.clear();
                    }
                }
            }
        }
    }
    if let Some(s) = &p.script {
        match reg.script(s) {
            None => unknown(a, s, SubtagKind::Script),
            Some(e) if e.is_deprecated() => {
                deprecated(a, e);
                if let Some(pv) = e.preferred_value {
                    pref.script = Some(pv.to_string());
                }
            }
            _ => {}
        }
        a.redundant_script = a.suppress_script.is_some_and(|ss| ScriptCode::new(s) == Some(ss));
    }
    if let Some(r) = &p.region {
        match reg.region(r) {
            None => unknown(a, r, SubtagKind::Region),
            Some(e) if e.is_deprecated() => {
                deprecated(a, e);
                if let Some(pv) = e.preferred_value {
                    pref.region = Some(pv.to_string());
                }
            }
            _ => {}
        }
    }
    let mut seen: Vec<&str> = Vec::new();
    for (idx, v) in p.variants.iter().enumerate() {
        if seen.contains(&v.as_str()) {
            a.duplicates.push(v.clone());
        }
        seen.push(v);
        match reg.variant(v) {
            None => unknown(a, v, SubtagKind::Variant),
            Some(e) if e.is_deprecated() => {
                deprecated(a, e);
                if let Some(pv) = e.preferred_value {
                    pref.variants[idx] = pv.to_string();
                }
            }
            _ => {}
        }
    }
    let mut singletons: Vec<&str> = Vec::new();
    for e in &p.extensions {
        let s = &e[..1];
        if singletons.contains(&s) {
            a.duplicates.push(s.to_string());
        }
        singletons.push(s);
    }
    if a.is_valid_so_far() {
        let canon = join(TagForm::LangTag, p);
        let preferred = whole_replaced.unwrap_or_else(|| join(TagForm::LangTag, &pref));
        if preferred != canon {
            a.preferred = Some(preferred);
        }
    }
}

impl TagAnalysis {
    fn is_valid_so_far(&self) -> bool {
        self.unknown.is_empty() && self.extlang_prefix_mismatch.is_empty()
    }
}

/// The expected script of a raw tag (§0.4 step 3, after the repairs of [`parse_tag`]): the
/// explicit script subtag, else the language's Suppress-Script, else `None` (`zh`, `sr`, `az`,
/// `yue`, unknown or malformed tags).
pub fn expected_script(tag: &str) -> Option<ScriptCode> {
    parse_tag(tag).expected_script()
}

/// The native script of a language for transliteration checks (G8): the Suppress-Script,
/// else `Hani` for `zh`/`yue`/`cmn` (script-ambiguous but Han-based), else `None` (`sr`, `az`).
pub fn native_script(language: &str) -> Option<ScriptCode> {
    let l = language.to_ascii_lowercase();
    if matches!(l.as_str(), "zh" | "yue" | "cmn" | "lzh" | "wuu" | "hak" | "nan") {
        return Some(ScriptCode::HANI);
    }
    let reg = registry();
    let e = reg.language(&l)?;
    e.suppress_script
        .or_else(|| {
            e.preferred_value
                .and_then(|p| reg.language(p))
                .and_then(|p| p.suppress_script)
        })
        .and_then(ScriptCode::new)
}

#[cfg(test)]
#[path = "langtag_tests.rs"]
mod tests;
