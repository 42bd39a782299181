use crate::text::FastUnicode;
use std::ops::Range;

use unicode_properties::GeneralCategory;
use unicode_script::{Script, UnicodeScript};

use super::fieldtext::non_ascii_texts;
use super::textlang::text_fix;
use crate::finding::{Applicability, Finding, Severity};
use crate::rules::{Category, Check, Context, FixClass, Rule};
use crate::text::{is_noncharacter, is_private_use};

pub static RULE: Rule = Rule {
    id: "unicode-mojibake",
    category: Category::Unicode,
    severity: Severity::Warning,
    fix: FixClass::Unsafe,
    summary: "UTF-8 text that was read as Windows-1252 or Latin-1 (CafÃ©, â€™)",
    doc: r#"## What it does
Reports a title, artist name, label name or P/C line that contains *mojibake*: the bytes of
a UTF-8 character shown as two to four Windows-1252 (or Latin-1) characters. `é` is the two
UTF-8 bytes C3 A9; read as Windows-1252 they show as `Ã©`, so `Café` becomes `CafÃ©`. The
typographic apostrophe `’` becomes `â€™`, `ö` becomes `Ã¶`, `š` becomes `Å¡`, Cyrillic
`м` becomes `Ð¼`. Text converted twice (`Ã¢â‚¬â„¢`) is recognised too.

A sequence counts only when its characters re-encode to one valid UTF-8 character that is a
plausible letter, digit, punctuation mark or symbol (not a control, format, private-use,
unassigned or IPA character), and a decoded letter of a script other than Latin counts only
with at least one more of its script (mojibake of Cyrillic or Japanese garbles whole words).
Legitimate text is left alone: `SÃO PAULO` (an `Ã` followed by a letter), `São Paulo`,
`“AMANHÃ”` and `JOSÉ’S` (an upper-case accented letter followed by a quote, apostrophe, dash
or ellipsis in capitals: the pattern is ambiguous, so it is not reported), `„Groß”`.

## Why
Mojibake is what a listener sees on the store: `BeyoncÃ©`. The name no longer matches the
artist's other releases, and search for `Beyoncé` does not find it. It appears when a tool
in the delivery chain (a spreadsheet export, a database connection, a CMS) decodes UTF-8 as
Windows-1252 and writes the result back as UTF-8.

## Example
```xml
<TitleText>CafÃ© del Mar</TitleText>
<TitleText>Donâ€™t Stop</TitleText>
```

## Use instead
```xml
<TitleText>Café del Mar</TitleText>
<TitleText>Don’t Stop</TitleText>
```

## Fix
Unsafe (applied with `--fix --unsafe-fixes`): each sequence re-encoded as Windows-1252 and
decoded as UTF-8, repeated for text converted twice. The fix is offered only when every
suspicious sequence of the value decodes unambiguously; otherwise the finding comes without
one. Check the result: the fix cannot know whether the source meant the garbled text."#,
    check: Check::Item(check),
};

/// The Windows-1252 byte a character stands for, as a decoder that read UTF-8 bytes as
/// Windows-1252 (or Latin-1, whose 0x80–0x9F are the C1 controls) would have produced it.
fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u <= 0xFF {
        return Some(u as u8);
    }
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    })
}

/// Continuation characters that also follow a word in legitimate text (quotes, apostrophes,
/// dashes, ellipsis, trade mark, no-break space, guillemets): after an upper-case accented
/// letter they are ambiguous (`“OLÉ”` is C9 94, a valid UTF-8 sequence).
fn is_word_follower(c: char) -> bool {
    matches!(
        c,
        '’' | '‘' | '”' | '“' | '…' | '–' | '—' | '•' | '™' | '\u{A0}' | '«' | '»' | '‹' | '›'
    )
}

fn is_lowercase_letter(c: Option<char>) -> bool {
    c.is_some_and(|c| c.general_category_fast() == GeneralCategory::LowercaseLetter)
}

fn is_letter(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphabetic)
}

/// A character that real text plausibly contains, so that decoding to it is believable.
fn plausible(d: char) -> bool {
    use GeneralCategory::*;
    let u = d as u32;
    !matches!(
        d.general_category_fast(),
        Control | Unassigned | PrivateUse | Surrogate | Format | LineSeparator | ParagraphSeparator
    ) && !is_private_use(d)
        && !is_noncharacter(d)
        // IPA and spacing modifier letters: what an upper-case Latin-1 letter followed by a
        // quote decodes to (`É”` → `ɔ`), and almost never mojibake of real metadata.
        && !(0x0250..=0x02FF).contains(&u)
}

/// One sequence of Windows-1252 characters that re-encodes to one UTF-8 character.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Sequence {
    /// Byte range in the scanned string.
    range: Range<usize>,
    decoded: char,
}

#[derive(Debug, Default)]
struct Scan {
    /// Sequences that are mojibake.
    found: Vec<Sequence>,
    /// Sequences that decode but could be legitimate text.
    ambiguous: usize,
}

fn scan(s: &str) -> Scan {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut candidates: Vec<(Sequence, bool)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, lead) = chars[i];
        let need = match cp1252_byte(lead) {
            Some(0xC2..=0xDF) => 1,
            Some(0xE0..=0xEF) => 2,
            Some(0xF0..=0xF4) => 3,
            _ => 0,
        };
        if need == 0 || i + need >= chars.len() {
            i += 1;
            continue;
        }
        let mut bytes = vec![cp1252_byte(lead).unwrap_or(0)];
        let conts = &chars[i + 1..=i + need];
        for &(_, c) in conts {
            match cp1252_byte(c) {
                Some(b @ 0x80..=0xBF) => bytes.push(b),
                _ => break,
            }
        }
        let decoded = match std::str::from_utf8(&bytes) {
            Ok(d) if bytes.len() == need + 1 => d.chars().next(),
            _ => None,
        };
        let Some(decoded) = decoded.filter(|d| plausible(*d)) else {
            i += 1;
            continue;
        };
        let end = chars.get(i + need + 1).map_or(s.len(), |&(o, _)| o);
        let before = i.checked_sub(1).map(|j| chars[j].1);
        let after = chars.get(i + need + 1).map(|&(_, c)| c);
        let sure = if need == 1 {
            // An upper-case letter (or `ß`) followed by a character that can end a word:
            // mojibake only inside lower-case text ("siÄ™", "Ã–sterreich").
            !is_word_follower(conts[0].1)
                || is_lowercase_letter(before)
                || (!is_letter(before) && is_lowercase_letter(after))
        } else {
            // Two or three continuation characters that could all follow a word ("é…”").
            conts.iter().any(|&(_, c)| !is_word_follower(c))
        };
        candidates.push((
            Sequence {
                range: start..end,
                decoded,
            },
            sure,
        ));
        i += need + 1;
    }
    // A sequence right next to a sure one is sure too: in "Ð›ÑŽ" the `›` of `Ð›` is followed
    // by another sequence, not by a letter of the text.
    loop {
        let mut changed = false;
        for k in 0..candidates.len() {
            if candidates[k].1 {
                continue;
            }
            let r = candidates[k].0.range.clone();
            let touches = |j: usize| {
                candidates[j].1 && (candidates[j].0.range.end == r.start || candidates[j].0.range.start == r.end)
            };
            if (k > 0 && touches(k - 1)) || (k + 1 < candidates.len() && touches(k + 1)) {
                candidates[k].1 = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // A decoded letter of a script other than Latin must have company: real mojibake of
    // Cyrillic, Greek or Japanese text garbles whole words, not one letter.
    let script_of = |d: char| match d.script() {
        Script::Common | Script::Inherited | Script::Latin => None,
        s => Some(s),
    };
    let mut out = Scan::default();
    for (seq, sure) in &candidates {
        let lone = script_of(seq.decoded).is_some_and(|sc| {
            candidates
                .iter()
                .filter(|(x, ok)| *ok && script_of(x.decoded) == Some(sc))
                .count()
                < 2
        });
        if *sure && !lone {
            out.found.push(seq.clone());
        } else {
            out.ambiguous += 1;
        }
    }
    out
}

fn replace(s: &str, found: &[Sequence]) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for q in found {
        out.push_str(&s[last..q.range.start]);
        out.push(q.decoded);
        last = q.range.end;
    }
    out.push_str(&s[last..]);
    out
}

/// What a value's mojibake is: the first pass's sequences (as written, decoded) and the
/// repaired value, `None` when decoding is ambiguous somewhere.
#[derive(Debug)]
struct Mojibake {
    sequences: Vec<(String, char)>,
    repaired: Option<String>,
    /// The text was converted more than once.
    twice: bool,
}

/// Whether `s` may hold a sequence: one of Â…ô (U+00C2–U+00F4, for the lead bytes C2–F4)
/// right before a non-ASCII character (every continuation byte 80–BF stands for one). In
/// UTF-8: C3 82–B4, then a byte of 80 or more.
fn may_have_sequence(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(0xC3, b)
        .any(|i| b.get(i + 1).is_some_and(|x| (0x82..=0xB4).contains(x)) && b.get(i + 2).is_some_and(|x| *x >= 0x80))
}

fn detect(s: &str) -> Option<Mojibake> {
    if !may_have_sequence(s) {
        return None;
    }
    let first = scan(s);
    if first.found.is_empty() {
        return None;
    }
    let sequences = first
        .found
        .iter()
        .map(|q| (s[q.range.clone()].to_string(), q.decoded))
        .collect();
    let mut repaired = (first.ambiguous == 0).then(|| replace(s, &first.found));
    let mut twice = false;
    // Text converted twice ("Ã¢â‚¬â„¢" → "â€™" → "’"): decode again while it stays clean.
    for _ in 0..2 {
        let Some(cur) = &repaired else { break };
        let next = scan(cur);
        if next.found.is_empty() {
            break;
        }
        twice = true;
        repaired = (next.ambiguous == 0).then(|| replace(cur, &next.found));
    }
    Some(Mojibake {
        sequences,
        repaired,
        twice,
    })
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (field, t, facts) in non_ascii_texts(cx) {
        // A sequence needs a lead (Â…ô) and a continuation character.
        let lead = facts.may_have_wide(|c| matches!(c as u32, 0xC2..=0xF4), |b| b.has(0xC3));
        if !lead || !facts.may_have_wide(|c| cp1252_byte(c).is_some_and(|x| (0x80..=0xBF).contains(&x)), |_| true) {
            continue;
        }
        let value = t.value();
        let Some(m) = detect(value) else { continue };
        let (seq, decoded) = &m.sequences[0];
        let mut message = format!(
            "the {} '{value}' looks garbled: '{seq}' is how '{decoded}' appears when UTF-8 text is read as Windows-1252 or Latin-1",
            cx.nouns().of(field, t)
        );
        if m.twice {
            message.push_str(", and the text was converted more than once");
        } else if m.sequences.len() > 1 {
            message.push_str(&format!(" ({} such sequences)", m.sequences.len()));
        }
        let help = match &m.repaired {
            Some(r) => format!("it probably should read '{r}'; fix the tool that converted it, then the value"),
            None => "retype the value from the original source and fix the tool that converted it".to_string(),
        };
        let fix = m.repaired.map(|r| text_fix(t, Applicability::Unsafe, r));
        out.push(
            RULE.finding(t.text.elem, t.text.span, message)
                .with_help(help)
                .with_fix_opt(fix),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(s: &str) -> Option<String> {
        detect(s).and_then(|m| m.repaired)
    }

    #[test]
    fn repairs_mojibake() {
        for (bad, good) in [
            ("CafÃ©", "Café"),
            ("Donâ€™t Stop", "Don’t Stop"),
            ("â€œQuotedâ€\u{9D}", "“Quoted”"),
            ("MÃ¶rket faller", "Mörket faller"),
            ("BrÃ¸drene", "Brødrene"),
            ("PÃ¥ vei", "På vei"),
            ("Ã–sterreich", "Österreich"),
            ("Ã‰tÃ©", "Été"),
            ("CAFÃ‰", "CAFÉ"),
            ("siÄ™ PiÄ…tek gÅ‚os", "się Piątek głos"),
            ("Å¡koda", "škoda"),
            ("Ð¼Ð¾Ñ\u{81}ÐºÐ²Ð°", "москва"),
            ("Ð›ÑŽÐ±Ð¾Ð²ÑŒ", "Любовь"),
            ("æ—¥æœ¬", "日本"),
            ("ðŸ˜€ Party", "😀 Party"),
            ("Â© 2024", "© 2024"),
            ("Ã¢â‚¬â„¢", "’"),
            ("BeyoncÃ©â€™s", "Beyoncé’s"),
        ] {
            assert_eq!(fixed(bad).as_deref(), Some(good), "{bad}");
        }
    }

    #[test]
    fn leaves_legitimate_text() {
        for ok in [
            "SÃO PAULO",
            "São Paulo",
            "NÃO",
            "AÇÃO",
            "MAMÃ",
            "“AMANHÔ",
            "“OLÉ”",
            "JOSÉ’S",
            "Café…”",
            "Straße",
            "“Groß”",
            "Weiß’",
            "Beyoncé’s",
            "Ελληνικός",
            "İstanbul",
            "Ｍｏｔｈｅｒ’ｓ",
            "Mötley Crüe",
            "3×½",
            "À la carte",
            "",
        ] {
            assert!(detect(ok).is_none(), "{ok}: {:?}", detect(ok));
        }
    }
}
