use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

use super::fieldtext::{code, field, non_ascii_texts, position};
use crate::finding::{Finding, Fix, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};
use crate::text::{to_nfc, ByteSet};

pub static RULE: Rule = Rule {
    id: "unicode-styled-alphanumerics",
    category: Category::Unicode,
    severity: Severity::Error,
    fix: FixClass::Suggest,
    summary: "\"fancy font\" letters such as 𝐁𝐨𝐥𝐝 or ᴛᴀʟᴠɪ (error in names, warning elsewhere)",
    doc: r#"## What it does
Reports a title, name or P/C line written with two or more "fancy font" characters:
- Mathematical Alphanumeric Symbols (`𝐁𝐨𝐥𝐝`, `𝓝𝓪𝓬𝓱𝓽𝔃𝓾𝓰`, `𝟚𝟘𝟚𝟜`, U+1D400–U+1D7FF);
- circled, squared, negative circled and negative squared Latin letters (`Ⓝⓞⓡⓓ`, `🄽🄾🅁🄳`,
  `🅝🅞`, `🅽🅾`);
- letterlike symbols used as letters (`ℕ` `ℜ` `ℊ`);
- small capitals used as a font (`ᴛᴀʟᴠɪ`, `ʀᴇᴄᴏʀᴅs`);
- superscript and subscript modifier letters used as a font (`ᵀᵃˡᵛⁱ`).

It is an **error** in artist, party and label names and a **warning** in titles, subtitles and
P/C lines. A single such character is not reported (`ℓ` in a unit, one styled initial).

## Why
These characters defeat typed search and catalogue matching: nobody types `𝓝𝓪𝓬𝓱𝓽𝔃𝓾𝓰`, and
while NFKC folds mathematical letters back, it leaves small capitals such as `ᴛᴀʟᴠɪ`
unchanged, so no normalisation a DSP might apply rescues them. Screen readers spell them out
letter by letter. MusicBrainz asks for stylised characters to be "changed to the letters they
represent", distributors require titles in "plain text", and an artist name that cannot be
found splits the artist's catalogue.

## Example
```xml
<FullName>𝓝𝓪𝓬𝓱𝓽𝔃𝓾𝓰</FullName>
<TitleText>ᴛᴀʟᴠɪ</TitleText>
```

## Use instead
```xml
<FullName>Nachtzug</FullName>
<TitleText>talvi</TitleText>
```

## Fix
Suggestion only: mathematical, enclosed, letterlike and modifier letters are replaced by
their compatibility (NFKC) letter, negative circled and squared letters by the capital
letter, and small capitals by the lowercase letter (style generators turn lowercase input
into small capitals). It is never applied automatically: the intended letter case is the
artist's choice."#,
    check: Check::Item(check),
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Math,
    Enclosed,
    Letterlike,
    SmallCapital,
    Modifier,
}

impl Style {
    fn noun(self) -> &'static str {
        match self {
            Style::Math => "mathematical alphanumeric symbols",
            Style::Enclosed => "circled or squared letters",
            Style::Letterlike => "letterlike symbols",
            Style::SmallCapital => "small capitals",
            Style::Modifier => "superscript or subscript letters",
        }
    }
}

/// The style of `c` and the plain letter it stands for, if it is a styled letter.
fn styled(c: char) -> Option<(Style, char)> {
    let single_nfkc = || single_nfkc(c);
    let u = c as u32;
    match c {
        '\u{1D400}'..='\u{1D7FF}' => single_nfkc().map(|p| (Style::Math, p)),
        '\u{24B6}'..='\u{24E9}' | '\u{1F130}'..='\u{1F149}' => single_nfkc().map(|p| (Style::Enclosed, p)),
        '\u{1F150}'..='\u{1F169}' => char::from_u32('A' as u32 + u - 0x1F150).map(|p| (Style::Enclosed, p)),
        '\u{1F170}'..='\u{1F189}' => char::from_u32('A' as u32 + u - 0x1F170).map(|p| (Style::Enclosed, p)),
        // Looked up: `℗` is in most P lines.
        '\u{2100}'..='\u{214F}' => LETTERLIKE[(u - 0x2100) as usize].map(|p| (Style::Letterlike, p)),
        '\u{02B0}'..='\u{02B8}'
        | '\u{02E0}'..='\u{02E4}'
        | '\u{1D2C}'..='\u{1D6A}'
        | '\u{1D9B}'..='\u{1DBF}'
        | '\u{2071}'
        | '\u{207F}'
        | '\u{2090}'..='\u{209C}' => single_nfkc().map(|p| (Style::Modifier, p)),
        _ => small_capital(c).map(|p| (Style::SmallCapital, p)),
    }
}

/// The single alphanumeric character NFKC makes of `c`, if it changes it.
fn single_nfkc(c: char) -> Option<char> {
    let one = c.to_string();
    let mut it = one.nfkc();
    match (it.next(), it.next()) {
        (Some(p), None) if p != c && p.is_alphanumeric() => Some(p),
        _ => None,
    }
}

/// The plain letter of each letterlike symbol U+2100–U+214F that stands for one.
static LETTERLIKE: LazyLock<[Option<char>; 0x50]> = LazyLock::new(|| {
    std::array::from_fn(|i| {
        let c = char::from_u32(0x2100 + i as u32)?;
        // U+2139 INFORMATION SOURCE is an emoji; K, Å, Ω signs are canonical (unicode-not-nfc).
        if c == '\u{2139}' || !to_nfc(&c.to_string()).chars().eq(std::iter::once(c)) {
            return None;
        }
        single_nfkc(c).filter(|p| p.is_ascii_alphabetic())
    })
});

/// Whether the text may hold a character [`styled`] knows: the UTF-8 lead bytes of U+0262–U+02E4
/// (small capitals, modifier letters), U+1D00–U+24E9, U+A730–U+A7AF and U+1D400–U+1F189.
fn may_have_styled(b: &ByteSet) -> bool {
    b.may_have_range('\u{0262}', '\u{02E4}')
        || b.may_have_range('\u{1D00}', '\u{24E9}')
        || b.may_have_range('\u{A730}', '\u{A7AF}')
        || b.may_have_range('\u{1D400}', '\u{1F189}')
}

/// The lowercase letter a LATIN LETTER SMALL CAPITAL stands for.
fn small_capital(c: char) -> Option<char> {
    Some(match c {
        'ᴀ' => 'a',
        'ᴁ' => 'æ',
        'ʙ' => 'b',
        'ᴄ' => 'c',
        'ᴅ' => 'd',
        'ᴆ' => 'ð',
        'ᴇ' => 'e',
        'ꜰ' => 'f',
        'ɢ' => 'g',
        'ʜ' => 'h',
        'ɪ' => 'i',
        'ᴊ' => 'j',
        'ᴋ' => 'k',
        'ʟ' => 'l',
        'ᴌ' => 'ł',
        'ᴍ' => 'm',
        'ɴ' => 'n',
        'ᴏ' => 'o',
        'ɶ' => 'œ',
        'ᴘ' => 'p',
        'ꞯ' => 'q',
        'ʀ' => 'r',
        'ꜱ' => 's',
        'ᴛ' => 't',
        'ᴜ' => 'u',
        'ᴠ' => 'v',
        'ᴡ' => 'w',
        'ʏ' => 'y',
        'ᴢ' => 'z',
        _ => return None,
    })
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (kind, loc, facts) in non_ascii_texts(cx) {
        if !facts.may_have_wide(|c| styled(c).is_some(), may_have_styled) {
            continue;
        }
        let text = &loc.text;
        let s: &str = &text.value;
        let mut count = 0;
        let mut first: Option<(char, usize)> = None;
        let mut styles: Vec<Style> = Vec::new();
        for (i, c) in s.char_indices().filter(|(_, c)| !c.is_ascii()) {
            if let Some((style, _)) = styled(c) {
                count += 1;
                first.get_or_insert((c, i));
                if !styles.contains(&style) {
                    styles.push(style);
                }
            }
        }
        let Some((c, at)) = first else { continue };
        if count < 2 {
            continue;
        }
        let plain: String = s.chars().map(|c| styled(c).map_or(c, |(_, p)| p)).collect();
        let severity = if kind.is_name() {
            Severity::Error
        } else {
            Severity::Warning
        };
        let kinds: Vec<&str> = styles.iter().map(|s| s.noun()).collect();
        let plain = to_nfc(&plain);
        out.push(
            RULE.finding_at(
                severity,
                text.elem,
                text.span,
                format!(
                    "{} is written with {count} styled characters ({}), first \"{c}\" ({}) at position {}",
                    field(cx, kind, text),
                    kinds.join(", "),
                    code(c),
                    position(s, at)
                ),
            )
            .with_help(format!(
                "type it in plain letters (\"{plain}\"): search, sorting and screen readers do not see styled letters as text"
            ))
            .with_fix(Fix::suggest(plain)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(s: &str) -> String {
        s.chars().map(|c| styled(c).map_or(c, |(_, p)| p)).collect()
    }

    #[test]
    fn byte_prefilter_keeps_every_styled_char() {
        for c in (0x80u32..0x2_0000).filter_map(char::from_u32) {
            if styled(c).is_some() {
                assert!(may_have_styled(&ByteSet::of(&c.to_string())), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn styles() {
        assert_eq!(plain("𝓝𝓪𝓬𝓱𝓽𝔃𝓾𝓰"), "Nachtzug");
        assert_eq!(plain("ᴛᴀʟᴠɪ"), "talvi");
        assert_eq!(plain("Ⓝⓞⓡⓓ"), "Nord");
        assert_eq!(plain("🅽🅾🆁🅳"), "NORD");
        assert_eq!(plain("🅝🅞"), "NO");
        assert_eq!(plain("🄽🄾"), "NO");
        assert_eq!(plain("ℕℜ"), "NR");
        assert_eq!(plain("ᵀᵃˡᵛⁱ"), "Talvi");
        assert_eq!(plain("𝟚𝟘𝟚𝟜"), "2024");
        for ok in ['ℹ', '™', '℗', 'Ω', 'K', 'Å', 'ʼ', 'ʻ', 'a', 'İ', 'ı', 'ß', '①', '²'] {
            assert!(styled(ok).is_none(), "{ok}");
        }
    }
}
