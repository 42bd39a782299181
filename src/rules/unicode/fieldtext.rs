//! Helpers shared by the character-level Unicode rules: how a field and a character are named
//! in messages, character positions, script tests, and fixes that respect [`Text::editable`].

use crate::text::{FastUnicode, TextFacts};
use unicode_properties::GeneralCategoryGroup;
use unicode_script::{Script, ScriptExtension};

use crate::ern::{Localized, Text, TextField};
use crate::finding::{Applicability, Fix};
use crate::rules::shared::prefetch_ahead;
use crate::rules::Context;
use crate::text::invisible_char_name;

/// Every displayed or indexed text of the feed (catalogue §0.3), with its kind.
pub(super) fn texts<'c, 'f, 'a>(cx: &'c Context<'f, 'a>) -> impl Iterator<Item = (TextField, &'f Localized<'a>)> + 'c {
    cx.display_texts().iter().copied()
}

/// [`texts`] with what one pass over each tells ([`TextFacts`]): most rules can tell from
/// that alone that a text holds nothing they look for, without reading the text (a cache miss
/// per text on a big feed).
pub(super) fn texts_with_facts<'c, 'f, 'a>(
    cx: &'c Context<'f, 'a>,
) -> impl Iterator<Item = (TextField, &'f Localized<'a>, &'c TextFacts)> + 'c {
    texts(cx).zip(display_facts(cx)).map(|((k, t), f)| (k, t, f))
}

pub(in crate::rules) fn display_facts<'c>(cx: &'c Context) -> &'c [TextFacts] {
    cx.shared.display_facts.get_or_init(|| {
        let all = cx.display_texts();
        (0..all.len())
            .map(|i| {
                prefetch_ahead(all, i);
                TextFacts::of(all[i].1.value())
            })
            .collect()
    })
}

/// [`texts_with_facts`] for the texts with a non-ASCII character: the only ones the rules
/// about invisible, compatibility, styled or space characters can find anything in.
pub(super) fn non_ascii_texts<'c, 'f, 'a>(
    cx: &'c Context<'f, 'a>,
) -> impl Iterator<Item = (TextField, &'f Localized<'a>, &'c TextFacts)> + 'c {
    let (texts, facts) = (cx.display_texts(), display_facts(cx));
    let indexes = cx.shared.non_ascii_texts.get_or_init(|| {
        (0..facts.len() as u32)
            .filter(|&i| !facts[i as usize].bytes.is_ascii())
            .collect()
    });
    indexes.iter().map(move |&i| {
        let (k, t) = texts[i as usize];
        (k, t, &facts[i as usize])
    })
}

/// What a field is called in messages.
pub(super) fn field_noun(kind: TextField) -> &'static str {
    match kind {
        TextField::Title => "title",
        TextField::SubTitle => "subtitle",
        TextField::ArtistName => "display artist name",
        TextField::PartyName | TextField::PartyNameOther => "party name",
        TextField::LabelName => "label name",
        TextField::RightsLine => "rights line",
        TextField::RightsCompany => "rights line company",
    }
}

/// The field in messages: `the title (DisplayTitleText)`.
pub(super) fn field(cx: &Context, kind: TextField, text: &Text) -> String {
    format!(
        "the {} ({})",
        field_noun(kind),
        element_name(&cx.source.text, text.elem)
    )
}

/// Local name of the element whose start tag begins at `at`.
fn element_name(src: &str, at: u32) -> &str {
    let rest = src.get(at as usize..).unwrap_or("");
    let rest = rest.strip_prefix('<').unwrap_or(rest);
    let end = rest
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(rest.len());
    crate::xml::local_name(&rest[..end])
}

/// `U+200B`.
pub(super) fn code(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// `zero width space (U+200B)` for characters the toolkit names, `"ﬁ" (U+FB01)` otherwise.
pub(super) fn char_label(c: char) -> String {
    match invisible_char_name(c) {
        Some(name) => format!("{} ({})", lower_name(name), code(c)),
        None if c.is_control() => format!("control character {}", code(c)),
        None => format!("\"{c}\" ({})", code(c)),
    }
}

/// Lower-cases a Unicode name, keeping abbreviations in parentheses (`(BOM)`, `(NEL)`).
fn lower_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut depth = 0u32;
    for c in name.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// 1-based character position of byte offset `byte` in `s`.
pub(super) fn position(s: &str, byte: usize) -> usize {
    s[..byte].chars().count() + 1
}

/// `a`, `a and b`, `a, b and c`.
pub(super) fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Occurrences of characters grouped by a label, in order of first appearance, for messages
/// such as `zero width space (U+200B) at positions 5 and 9 and soft hyphen (U+00AD) at
/// position 12`.
#[derive(Default)]
pub(super) struct Hits {
    items: Vec<(String, Vec<usize>)>,
}

impl Hits {
    pub(super) fn add(&mut self, label: String, position: usize) {
        match self.items.iter_mut().find(|(l, _)| *l == label) {
            Some((_, p)) => p.push(position),
            None => self.items.push((label, vec![position])),
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub(super) fn describe(&self) -> String {
        const MAX_LABELS: usize = 4;
        const MAX_POSITIONS: usize = 3;
        let mut parts: Vec<String> = self
            .items
            .iter()
            .take(MAX_LABELS)
            .map(|(label, p)| {
                let mut shown: Vec<String> = p.iter().take(MAX_POSITIONS).map(|n| n.to_string()).collect();
                if p.len() > MAX_POSITIONS {
                    shown.push(format!("{} more", p.len() - MAX_POSITIONS));
                }
                let noun = if p.len() == 1 { "position" } else { "positions" };
                format!("{label} at {noun} {}", join_and(&shown))
            })
            .collect();
        if self.items.len() > MAX_LABELS {
            parts.push(format!("{} other characters", self.items.len() - MAX_LABELS));
        }
        parts.join(", ")
    }
}

/// A fix writing `value` over the whole text: applied with `applicability` when the text can
/// be rewritten in one edit, otherwise only proposed. `None` when the corrected value would be
/// empty (a title made only of invisible characters): removing them would not give a value.
pub(super) fn fix(text: &Text, applicability: Applicability, value: String) -> Option<Fix> {
    if value.chars().all(is_xml_space) && !text.value.chars().all(is_xml_space) {
        return None;
    }
    Some(if applicability == Applicability::Suggestion || !text.editable {
        Fix::suggest(value)
    } else {
        Fix::replace_text(applicability, text.span, value)
    })
}

/// Whether the `Script_Extensions` of `c` name one of `scripts` (Common and Inherited
/// characters name none).
pub(super) fn in_scripts(c: char, scripts: &[Script]) -> bool {
    let ext: ScriptExtension = c.script_extension_fast();
    !ext.is_common() && !ext.is_inherited() && scripts.iter().any(|s| ext.contains_script(*s))
}

const CJK: &[Script] = &[
    Script::Han,
    Script::Hiragana,
    Script::Katakana,
    Script::Hangul,
    Script::Bopomofo,
];

/// Han, Hiragana, Katakana, Hangul or Bopomofo, including CJK punctuation whose
/// `Script_Extensions` name them (`、` `「`) and halfwidth katakana.
pub(super) fn is_cjk_char(c: char) -> bool {
    !c.is_ascii() && in_scripts(c, CJK)
}

/// Whether the text has any CJK character ([`is_cjk_char`]).
pub(super) fn has_cjk(s: &str) -> bool {
    s.chars().any(is_cjk_char)
}

/// Whether the text has a letter of `script` (by `Script_Extensions`). Only letters count, so
/// U+202F or U+1680, whose extensions name Mongolian or Ogham, do not vouch for themselves.
pub(super) fn has_script(s: &str, script: Script) -> bool {
    s.chars()
        .any(|c| !c.is_ascii() && c.is_alphabetic() && in_scripts(c, &[script]))
}

/// Combining marks (General_Category M*).
pub(super) fn is_mark(c: char) -> bool {
    c.general_category_group_fast() == GeneralCategoryGroup::Mark
}

/// XML whitespace: space, tab, line feed, carriage return.
pub(super) fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Byte offsets (in the decoded value) of the characters of `text` that the source writes as
/// a character or entity reference (`&#9;`, `&#x0A;`, `&amp;`), sorted. Everything else is
/// literal source text, where a line break is the file's own line wrapping. Empty when the
/// raw text cannot be matched with the value (then everything counts as literal).
pub(super) fn referenced_chars(src: &str, text: &Text) -> Vec<usize> {
    let Some(raw) = src.get(text.span.range()) else {
        return Vec::new();
    };
    if !raw.contains('&') {
        return Vec::new();
    }
    map_references(raw)
        .filter(|(decoded, _)| *decoded == *text.value)
        .map(|(_, refs)| refs)
        .unwrap_or_default()
}

/// Decodes raw element content (text, references, CDATA, comments), returning the value and
/// the offsets of characters that came from references; `None` for anything unexpected.
fn map_references(raw: &str) -> Option<(String, Vec<usize>)> {
    let mut decoded = String::with_capacity(raw.len());
    let mut refs = Vec::new();
    let mut rest = raw;
    while let Some(c) = rest.chars().next() {
        if let Some(r) = rest.strip_prefix("<![CDATA[") {
            let end = r.find("]]>")?;
            decoded.push_str(&r[..end].replace("\r\n", "\n").replace('\r', "\n"));
            rest = &r[end + 3..];
        } else if let Some(r) = rest.strip_prefix("<!--") {
            rest = &r[r.find("-->")? + 3..];
        } else if rest.starts_with("<?") {
            rest = &rest[rest.find("?>")? + 2..];
        } else if c == '<' {
            return None;
        } else if c == '&' {
            let end = rest.find(';')?;
            let ch = match &rest[1..end] {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                n => {
                    let n = n.strip_prefix('#')?;
                    let code = match n.strip_prefix('x') {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => n.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            refs.push(decoded.len());
            decoded.push(ch);
            rest = &rest[end + 1..];
        } else if let Some(r) = rest.strip_prefix("\r\n") {
            decoded.push('\n');
            rest = r;
        } else {
            decoded.push(if c == '\r' { '\n' } else { c });
            rest = &rest[c.len_utf8()..];
        }
    }
    Some((decoded, refs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_lists() {
        assert_eq!(char_label('\u{200B}'), "zero width space (U+200B)");
        assert_eq!(char_label('\u{FEFF}'), "zero width no-break space (BOM) (U+FEFF)");
        assert_eq!(char_label('ﬁ'), "\"ﬁ\" (U+FB01)");
        assert_eq!(char_label('\u{0092}'), "control character U+0092");
        assert_eq!(join_and(&["a".into(), "b".into(), "c".into()]), "a, b and c");
        let mut h = Hits::default();
        h.add("x".into(), 1);
        h.add("y".into(), 2);
        h.add("x".into(), 5);
        assert_eq!(h.describe(), "x at positions 1 and 5, y at position 2");
        assert_eq!(position("aé b", 4), 4);
        assert_eq!(element_name("<ern:TitleText x=\"1\">", 0), "TitleText");
        assert!(has_cjk("夜明け"));
        assert!(has_cjk("ﾕﾒ"));
        assert!(!has_cjk("Talvi（Live）"));
        let (v, refs) = map_references("A&#9;B&amp;\r\n C<!-- x --><![CDATA[<&>]]>&#x0A;").unwrap();
        assert_eq!(v, "A\tB&\n C<&>\n");
        assert_eq!(refs, vec![1, 3, 10]);
    }

    /// Every rule of this set, on hostile values: no panic, and applying a finding's fix (safe
    /// or unsafe) makes that rule quiet on the value (fixes are idempotent and complete).
    #[test]
    fn fixes_silence_their_own_findings() {
        use crate::lint::{lint_source, Selection, Settings};
        use crate::source::Source;
        const IDS: &[&str] = &[
            "unicode-not-nfc",
            "unicode-compatibility-characters",
            "unicode-styled-alphanumerics",
            "unicode-invisible-format-characters",
            "unicode-zwj-zwnj-misplaced",
            "unicode-bidi-controls",
            "unicode-control-characters",
            "unicode-nonstandard-spaces",
            "whitespace-trim-collapse-and-punctuation-spacing",
        ];
        let values = [
            "Ka\u{0069}sa Ma\u{0308}kela\u{0308}",
            "\u{1107}\u{1169}\u{11B7}비 \u{FA19} e\u{0301}",
            "Ｔａｌｖｉ ｶﾞｲﾄﾞ ﬁn Ⅳ",
            "𝓝𝓪𝓬𝓱𝓽𝔃𝓾𝓰 ᴛᴀʟᴠɪ",
            "\u{FEFF}Talvi\u{200B} \u{00AD}x\u{2060}\u{200E}\u{FE0F}\u{E0067}\u{3164}",
            "Émile\u{200D} Sørensen\u{200C}\u{200C}",
            "\u{202E}ivlaT\u{2066}",
            "Mörket\tfaller\u{0092}\u{0085}\u{2028}x\u{0001}",
            "Où\u{00A0}es-tu\u{202F}? Saeko\u{3000}Shu",
            "  Talvi  ( Live ) ,  x .  ",
            "\u{200B}",
            "\u{200D}",
            "\u{00A0}",
            "   ",
            "",
            "a\u{0308}\u{200B}\u{00A0} ",
            "Mörket\tfaller \t x\u{2029}",
        ];
        let base = include_str!("../../../tests/fixtures/base-ern43.xml");
        let anchor = r#"<DisplayTitle IsDefault="true"><TitleText>Vinterlys</TitleText>"#;
        let mut applied = 0;
        for value in values {
            let xml = base.replacen(
                anchor,
                &format!(
                    r#"<DisplayTitle IsDefault="true"><TitleText>{}</TitleText>"#,
                    crate::xml::escape_text(value)
                ),
                1,
            );
            for id in IDS {
                let settings = Settings {
                    selection: Selection::new(&[id.to_string()], &[]).unwrap(),
                    ..Settings::default()
                };
                let out = lint_source(&Source::from_text("t.xml", xml.clone()), &settings);
                for l in &out.findings {
                    let Some(fix) = &l.finding.fix else { continue };
                    assert!(!fix.replacement.trim().is_empty(), "{id} on {value:?}: empty fix");
                    let [edit] = fix.edits.as_slice() else { continue };
                    applied += 1;
                    let mut fixed = xml.clone();
                    fixed.replace_range(edit.span.range(), &edit.content);
                    let again = lint_source(&Source::from_text("t.xml", fixed), &settings);
                    let same: Vec<_> = again
                        .findings
                        .iter()
                        .filter(|a| {
                            a.finding.anchor == l.finding.anchor
                                && a.finding.fix.as_ref().is_some_and(|f| !f.edits.is_empty())
                        })
                        .map(|a| &a.finding.message)
                        .collect();
                    assert!(same.is_empty(), "{id} on {value:?}: after the fix still {same:?}");
                }
            }
        }
        assert!(applied >= 11, "only {applied} fixes applied");
    }
}
