//! RFC 5646 language-tag syntax: the ABNF parser, canonical case, and the safe repairs of
//! common malformations (catalogue G1). Registry checks live in `langtag.rs`.

use super::registry::{registry, SubtagKind};

/// How a well-formed tag is built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagForm {
    /// `language[-extlang][-script][-region][-variant]*[-extension]*[-privateuse]`.
    LangTag,
    /// A private-use tag (`x-whatever`).
    PrivateUse,
    /// One of the grandfathered tags of RFC 5646 (`i-klingon`, `zh-min-nan`).
    Grandfathered,
}

/// The subtags of a well-formed tag, in canonical case.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagParts {
    /// The primary language subtag (empty for private-use tags; the whole tag when
    /// grandfathered).
    pub language: String,
    /// Extended language subtags (`yue` in `zh-yue`).
    pub extlangs: Vec<String>,
    /// The script subtag (`Latn`).
    pub script: Option<String>,
    /// The region subtag (`GB`, `419`).
    pub region: Option<String>,
    /// Variant subtags.
    pub variants: Vec<String>,
    /// Extensions, each with its singleton (`u-co-phonebk`).
    pub extensions: Vec<String>,
    /// The private-use part including `x` (`x-foo`).
    pub private_use: Option<String>,
}

/// A repair step [`parse_tag`](super::langtag::parse_tag) applied to get
/// [`TagAnalysis::repaired`](super::langtag::TagAnalysis::repaired).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Repair {
    /// Leading/trailing whitespace removed.
    Trimmed,
    /// `_` replaced by `-`.
    UnderscoreToHyphen,
    /// A POSIX locale suffix (`.UTF-8`, `@euro`) removed.
    PosixSuffixRemoved,
    /// Subtag case changed to the canonical case.
    CaseFixed,
}

fn is_alpha(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphabetic())
}
fn is_digit(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}
fn is_alnum(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn titlecase(s: &str) -> String {
    let mut out = s.to_ascii_lowercase();
    if let Some(f) = out.get_mut(0..1) {
        f.make_ascii_uppercase();
    }
    out
}

/// Parses `tag` strictly per the RFC 5646 ABNF (case-insensitive). Returns the subtags in
/// canonical case, or a message saying what is wrong.
pub fn parse_well_formed(tag: &str) -> Result<(TagForm, TagParts), String> {
    if tag.is_empty() {
        return Err("empty language tag".into());
    }
    if let Some(bad) = tag.chars().find(|c| !c.is_ascii_alphanumeric() && *c != '-') {
        return Err(format!("character {bad:?} is not allowed in a language tag"));
    }
    if let Some(g) = registry()
        .lookup(SubtagKind::Grandfathered, tag)
        .map(|e| e.subtag.to_string())
    {
        let parts = TagParts {
            language: g,
            ..TagParts::default()
        };
        return Ok((TagForm::Grandfathered, parts));
    }
    let subtags: Vec<&str> = tag.split('-').collect();
    if let Some(i) = subtags.iter().position(|s| s.is_empty()) {
        return Err(format!("empty subtag at position {}", i + 1));
    }
    if let Some(s) = subtags.iter().find(|s| s.len() > 8) {
        return Err(format!("subtag {s:?} is longer than 8 characters"));
    }
    let mut parts = TagParts::default();
    let mut i = 0;
    let first = subtags[0];
    if first.eq_ignore_ascii_case("x") {
        let pu = parse_private_use(&subtags)?;
        parts.private_use = Some(pu);
        return Ok((TagForm::PrivateUse, parts));
    }
    if !is_alpha(first) || first.len() < 2 {
        return Err(format!("{first:?} is not a language subtag (2–8 letters expected)"));
    }
    parts.language = first.to_ascii_lowercase();
    i += 1;
    if first.len() <= 3 {
        while i < subtags.len() && parts.extlangs.len() < 3 {
            let s = subtags[i];
            if s.len() == 3 && is_alpha(s) {
                parts.extlangs.push(s.to_ascii_lowercase());
                i += 1;
            } else {
                break;
            }
        }
    }
    if i < subtags.len() && subtags[i].len() == 4 && is_alpha(subtags[i]) {
        parts.script = Some(titlecase(subtags[i]));
        i += 1;
    }
    if i < subtags.len() {
        let s = subtags[i];
        if s.len() == 2 && is_alpha(s) {
            parts.region = Some(s.to_ascii_uppercase());
            i += 1;
        } else if s.len() == 3 && is_digit(s) {
            parts.region = Some(s.to_string());
            i += 1;
        }
    }
    while i < subtags.len() {
        let s = subtags[i];
        let variant = is_alnum(s) && ((5..=8).contains(&s.len()) || (s.len() == 4 && s.as_bytes()[0].is_ascii_digit()));
        if !variant {
            break;
        }
        parts.variants.push(s.to_ascii_lowercase());
        i += 1;
    }
    while i < subtags.len() {
        let s = subtags[i];
        if s.eq_ignore_ascii_case("x") {
            parts.private_use = Some(parse_private_use(&subtags[i..])?);
            return Ok((TagForm::LangTag, parts));
        }
        if s.len() != 1 {
            return Err(format!("subtag {s:?} is out of place or has the wrong length"));
        }
        let mut ext = s.to_ascii_lowercase();
        i += 1;
        let start = i;
        while i < subtags.len() && subtags[i].len() >= 2 {
            ext.push('-');
            ext.push_str(&subtags[i].to_ascii_lowercase());
            i += 1;
        }
        if i == start {
            return Err(format!("extension {s:?} has no subtags"));
        }
        parts.extensions.push(ext);
    }
    Ok((TagForm::LangTag, parts))
}

fn parse_private_use(subtags: &[&str]) -> Result<String, String> {
    if subtags.len() < 2 {
        return Err("private-use \"x\" has no subtags".into());
    }
    Ok(subtags
        .iter()
        .map(|s| s.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join("-"))
}

/// Joins parts back into a tag.
pub(crate) fn join(form: TagForm, p: &TagParts) -> String {
    if form == TagForm::Grandfathered {
        return p.language.clone();
    }
    let mut v: Vec<&str> = Vec::new();
    if !p.language.is_empty() {
        v.push(&p.language);
    }
    v.extend(p.extlangs.iter().map(String::as_str));
    v.extend(p.script.as_deref());
    v.extend(p.region.as_deref());
    v.extend(p.variants.iter().map(String::as_str));
    v.extend(p.extensions.iter().map(String::as_str));
    v.extend(p.private_use.as_deref());
    v.join("-")
}

/// Applies the safe repairs (trim, `_`→`-`, POSIX suffix removal) to `raw`.
pub(crate) fn repair(raw: &str) -> (String, Vec<Repair>) {
    let mut steps = Vec::new();
    let mut s = raw.trim().to_string();
    if s.len() != raw.len() {
        steps.push(Repair::Trimmed);
    }
    if s.contains('_') {
        s = s.replace('_', "-");
        steps.push(Repair::UnderscoreToHyphen);
    }
    // POSIX: language[_territory][.codeset][@modifier]
    let mut stripped = false;
    if let Some(at) = s.rfind('@') {
        let m = &s[at + 1..];
        if !m.is_empty() && m.chars().all(|c| c.is_alphanumeric() || c == '_') {
            s.truncate(at);
            stripped = true;
        }
    }
    if let Some(dot) = s.find('.') {
        let m = &s[dot + 1..];
        if !m.is_empty() && m.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            s.truncate(dot);
            stripped = true;
        }
    }
    if stripped {
        steps.push(Repair::PosixSuffixRemoved);
    }
    (s, steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_in_canonical_case() {
        let (form, p) = parse_well_formed("ZH-yue-hant-hk-1996-u-CO-x-Ab").unwrap();
        assert_eq!(form, TagForm::LangTag);
        assert_eq!(p.language, "zh");
        assert_eq!(p.extlangs, ["yue"]);
        assert_eq!(p.script.as_deref(), Some("Hant"));
        assert_eq!(p.region.as_deref(), Some("HK"));
        assert_eq!(p.variants, ["1996"]);
        assert_eq!(p.extensions, ["u-co"]);
        assert_eq!(p.private_use.as_deref(), Some("x-ab"));
        assert_eq!(join(form, &p), "zh-yue-Hant-HK-1996-u-co-x-ab");
        let (form, p) = parse_well_formed("EN-gb-OED").unwrap();
        assert_eq!((form, p.language.as_str()), (TagForm::Grandfathered, "en-GB-oed"));
        assert!(parse_well_formed("en-GB-oed-x").is_err());
        assert!(parse_well_formed("abcd-Latn").is_ok()); // 4-letter language: reserved, well-formed
        assert!(parse_well_formed("a-Latn").is_err());
        assert!(parse_well_formed("en-Latn-Latn").is_err());
    }

    #[test]
    fn repair_steps() {
        assert_eq!(
            repair(" de_AT.ISO8859-1@euro "),
            (
                "de-AT".to_string(),
                vec![Repair::Trimmed, Repair::UnderscoreToHyphen, Repair::PosixSuffixRemoved]
            )
        );
        assert_eq!(repair("en-US"), ("en-US".to_string(), vec![]));
    }
}
