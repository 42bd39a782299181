//! `--fix`: a fixed snapshot for every fixable rule, and the guarantees of `interface.md`
//! ("--fix guarantees") checked on the library. The command line (writes, diff, stdin) is
//! covered in `fix_cli.rs`; generated feeds in `fix_props.rs`; the real corpus in
//! `fix_corpus.rs`.

mod fixcommon;

use std::path::Path;

use ddexlint::fix::{apply_fixes, unified_diff};
use ddexlint::rules::registry::RULES;
use ddexlint::rules::FixClass;
use ddexlint::source::Source;

use fixcommon::{assert_only_values_changed, fixable_left, fixtures, settings_for};

/// For every rule whose fixes `--fix` applies: each failing fixture with an applicable fix is
/// fixed by that rule alone, the diff is snapshotted, and the guarantees hold. Every such
/// rule has at least one fixture where a fix applies.
#[test]
fn every_fixable_rule_has_a_fixed_snapshot() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let mut without = Vec::new();
    for rule in RULES
        .iter()
        .filter(|r| matches!(r.fix, FixClass::Safe | FixClass::Unsafe))
    {
        let settings = settings_for(&[rule.id]);
        let mut fixed_any = false;
        for f in fixtures(&root.join(rule.id), "fail") {
            let name = format!("{}/{}", rule.id, f.file_name().unwrap().to_string_lossy());
            let source = Source::decode(name.as_str(), std::fs::read(&f).unwrap()).unwrap();
            let out = apply_fixes(&source, &settings, true).unwrap_or_else(|e| panic!("{name}: {e}"));
            if out.applied.is_empty() {
                continue;
            }
            fixed_any = true;
            assert!(out.applied.iter().all(|a| a.rule == rule.id), "{name}");
            assert_only_values_changed(&name, &source.text, &out.text);
            assert_eq!(fixable_left(&out.remaining, true), 0, "{name}: fixable findings remain");
            let again = apply_fixes(&source.with_text(out.text.clone()), &settings, true).unwrap();
            assert!(again.applied.is_empty(), "{name}: a second --fix changed it again");
            let diff = unified_diff(&name, &source.text, &out.text);
            insta::assert_snapshot!(format!("fixed__{}", name.replace(['/', '.'], "__")), diff);
        }
        if !fixed_any {
            without.push(rule.id);
        }
    }
    assert!(
        without.is_empty(),
        "fixable rules without a fixture that a fix applies to: {without:?}"
    );
}

/// Only the fixed values change: comments, attribute order and quoting, character and entity
/// references elsewhere, CRLF line ends, the declaration.
#[test]
fn everything_outside_the_fixed_values_is_kept() {
    let text = fixcommon::base()
        .replace(
            "<MessageId>",
            "<!-- a comment with &amp; and  two spaces --><MessageId>",
        )
        .replace(
            "<DisplayTitleText>Vinterlys</DisplayTitleText>",
            "<DisplayTitleText>Vinter&#108;ys  </DisplayTitleText>",
        )
        .replacen(
            "<DisplayArtist SequenceNumber=\"1\">",
            "<DisplayArtist SequenceNumber='1' >",
            1,
        )
        .replace("<FullName>Ane Fjell</FullName>", "<FullName>An&#101; Fjell</FullName>")
        .replace('\n', "\r\n");
    let source = Source::from_text("t.xml", text.as_str());
    let out = apply_fixes(&source, &settings_for(&[]), false).unwrap();
    assert!(!out.applied.is_empty());
    let expected = text.replace("Vinter&#108;ys  </", "Vinterlys</");
    assert_eq!(out.text, expected);
}

/// UTF-16 (both byte orders), UTF-8 with a BOM, CRLF: the fixed file is encoded as the
/// original was, and differs from the fixed UTF-8 text only by that encoding.
#[test]
fn encodings_and_line_ends_round_trip() {
    let text = fixcommon::base()
        .replace(
            "<TitleText>Vinterlys</TitleText>",
            "<TitleText>Vinte\u{200B}rlys</TitleText>",
        )
        .replace('\n', "\r\n");
    let utf8 = apply_fixes(&Source::from_text("t", text.as_str()), &settings_for(&[]), false).unwrap();
    assert!(utf8.text != text);
    for (bom, encode) in fixcommon::ENCODINGS {
        let bytes = encode(&text);
        assert!(bytes.starts_with(bom));
        let source = Source::decode("t", bytes).unwrap();
        let out = apply_fixes(&source, &settings_for(&[]), false).unwrap();
        assert_eq!(out.text, utf8.text);
        assert_eq!(source.encode_like_original(&out.text), encode(&utf8.text));
    }
}

/// A replacement is escaped for where it is written.
#[test]
fn replacements_are_escaped() {
    let text = fixcommon::base().replace(
        "<TitleText>Vinterlys</TitleText>",
        "<TitleText> Rock &amp; &lt;Roll&gt; </TitleText>",
    );
    let out = apply_fixes(&Source::from_text("t", text.as_str()), &settings_for(&[]), false).unwrap();
    assert!(
        out.text.contains("<TitleText>Rock &amp; &lt;Roll&gt;</TitleText>"),
        "{}",
        out.text
    );
}

/// `--select` / `--ignore` decide which fixes apply.
#[test]
fn only_selected_rules_fix() {
    let text = fixcommon::base().replace(
        "<TitleText>Vinterlys</TitleText>",
        "<TitleText> Vinte\u{200B}rlys</TitleText>",
    );
    let source = Source::from_text("t", text.as_str());
    let out = apply_fixes(&source, &settings_for(&["unicode-invisible-format-characters"]), false).unwrap();
    assert!(out.text.contains("<TitleText> Vinterlys</TitleText>"), "{}", out.text);
    assert!(out
        .applied
        .iter()
        .all(|a| a.rule == "unicode-invisible-format-characters"));
}
