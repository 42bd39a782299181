//! Unit tests of `langtag.rs`.

use super::*;

fn codes(a: &TagAnalysis) -> Vec<(String, SubtagKind)> {
    a.unknown
        .iter()
        .map(|u| (u.subtag.clone(), u.kind))
        .collect()
}

#[test]
fn well_formed_and_canonical_case() {
    let a = parse_tag("en-GB");
    assert!(a.well_formed && a.is_canonical_case() && a.is_valid());
    assert_eq!(a.repaired, None);
    let a = parse_tag("EN-gb");
    assert!(a.well_formed && !a.is_canonical_case());
    assert_eq!(a.canonical_case.as_deref(), Some("en-GB"));
    assert_eq!(a.repaired.as_deref(), Some("en-GB"));
    assert_eq!(a.repairs, [Repair::CaseFixed]);
    assert_eq!(
        parse_tag("ja-jpan").canonical_case.as_deref(),
        Some("ja-Jpan")
    );
    assert_eq!(parse_tag("JA-JPAN").best(), Some("ja-Jpan"));
    assert_eq!(parse_tag("SR-LATN-rs").best(), Some("sr-Latn-RS"));
    assert_eq!(parse_tag("es-419").best(), Some("es-419"));
    assert_eq!(
        parse_tag("de-DE-1996-U-CO-PHONEBK-X-Foo").best(),
        Some("de-DE-1996-u-co-phonebk-x-foo")
    );
    assert_eq!(parse_tag("I-KLINGON").best(), Some("i-klingon"));
    assert_eq!(parse_tag("x-Private").form, Some(TagForm::PrivateUse));
    assert!(parse_tag("x-private").is_valid());
}

#[test]
fn malformed() {
    for bad in [
        "",
        " ",
        "en_US",
        "en-",
        "-en",
        "en--US",
        "e",
        "en-US-",
        "toolongsubtag",
        "en-a",
        "en-x",
        "1en",
        "en-a-x-foo",
        "de_DE.UTF-8",
        "fr@euro",
        "en US",
        "ja-Jpan-JP-x-",
        "日本語",
    ] {
        let a = parse_tag(bad);
        assert!(!a.well_formed, "{bad:?}");
        assert!(a.syntax_error.is_some(), "{bad:?}");
        assert_eq!(a.canonical_case, None);
    }
}

#[test]
fn repairs() {
    let cases = [
        ("ja_Jpan", "ja-Jpan", vec![Repair::UnderscoreToHyphen]),
        ("en_US", "en-US", vec![Repair::UnderscoreToHyphen]),
        (" fr ", "fr", vec![Repair::Trimmed]),
        (
            "sr_latn_rs",
            "sr-Latn-RS",
            vec![Repair::UnderscoreToHyphen, Repair::CaseFixed],
        ),
        (
            "de_DE.UTF-8",
            "de-DE",
            vec![Repair::UnderscoreToHyphen, Repair::PosixSuffixRemoved],
        ),
        (
            "de_DE.UTF-8@euro",
            "de-DE",
            vec![Repair::UnderscoreToHyphen, Repair::PosixSuffixRemoved],
        ),
        (
            "fr_FR@euro",
            "fr-FR",
            vec![Repair::UnderscoreToHyphen, Repair::PosixSuffixRemoved],
        ),
        (
            "\tEN_gb\n",
            "en-GB",
            vec![
                Repair::Trimmed,
                Repair::UnderscoreToHyphen,
                Repair::CaseFixed,
            ],
        ),
    ];
    for (raw, fixed, steps) in cases {
        let a = parse_tag(raw);
        assert!(!a.well_formed, "{raw:?}");
        assert_eq!(a.repaired.as_deref(), Some(fixed), "{raw:?}");
        assert_eq!(a.repairs, steps, "{raw:?}");
        assert!(a.is_valid(), "{raw:?}");
        assert_eq!(a.best(), Some(fixed));
    }
    assert_eq!(parse_tag("en US").repaired, None);
    assert_eq!(parse_tag("").repaired, None);
}

#[test]
fn unknown_subtags() {
    let a = parse_tag("english");
    assert!(a.well_formed && !a.is_valid());
    assert_eq!(codes(&a), [("english".into(), SubtagKind::Language)]);
    assert_eq!(a.suggested_language, Some("en"));
    let a = parse_tag("en-UK");
    assert_eq!(codes(&a), [("UK".into(), SubtagKind::Region)]);
    assert!(!a.is_valid());
    let a = parse_tag("ger");
    assert_eq!(codes(&a), [("ger".into(), SubtagKind::Language)]);
    assert_eq!(a.suggested_language, Some("de"));
    assert_eq!(parse_tag("chi").suggested_language, Some("zh"));
    let a = parse_tag("ar-Ltn");
    assert_eq!(codes(&a), [("ltn".into(), SubtagKind::Extlang)]);
    let a = parse_tag("en-Abcd-1234x");
    assert_eq!(
        codes(&a),
        [
            ("Abcd".into(), SubtagKind::Script),
            ("1234x".into(), SubtagKind::Variant)
        ]
    );
    assert!(parse_tag("de-yue").extlang_prefix_mismatch == ["yue"]);
    assert_eq!(parse_tag("de-1996-1996").duplicates, ["1996"]);
    assert_eq!(parse_tag("en-u-aa-u-bb").duplicates, ["u"]);
    assert_eq!(parse_tag("English").suggested_language, Some("en"));
    assert_eq!(parse_tag("Japanese").suggested_language, Some("ja"));
    assert_eq!(parse_tag("en").suggested_language, None);
}

#[test]
fn deprecated_subtags() {
    for (old, new) in [("iw", "he"), ("in", "id"), ("mo", "ro"), ("ji", "yi")] {
        let a = parse_tag(old);
        assert!(a.is_valid(), "{old}");
        assert_eq!(a.deprecated.len(), 1);
        assert_eq!(a.deprecated[0].preferred_value.as_deref(), Some(new));
        assert_eq!(a.preferred.as_deref(), Some(new));
    }
    assert_eq!(parse_tag("iw-IL").preferred.as_deref(), Some("he-IL"));
    assert_eq!(parse_tag("iw").suppress_script, Some(ScriptCode::HEBR));
    let a = parse_tag("zh-yue");
    assert_eq!(a.deprecated[0].kind, SubtagKind::Redundant);
    assert_eq!(a.preferred.as_deref(), Some("yue"));
    assert_eq!(parse_tag("zh-yue-HK").preferred.as_deref(), Some("yue-HK"));
    assert_eq!(
        parse_tag("zh-cmn-Hans").preferred.as_deref(),
        Some("cmn-Hans")
    );
    assert_eq!(parse_tag("my-BU").preferred.as_deref(), Some("my-MM"));
    assert_eq!(parse_tag("i-klingon").preferred.as_deref(), Some("tlh"));
    let a = parse_tag("en-GB");
    assert!(a.deprecated.is_empty() && a.preferred.is_none());
}

#[test]
fn scripts_and_suppress_script() {
    let a = parse_tag("de-Latn");
    assert!(a.redundant_script);
    assert_eq!(a.script(), Some(ScriptCode::LATN));
    for t in [
        "en-Latn", "ru-Cyrl", "uk-Cyrl", "el-Grek", "he-Hebr", "ar-Arab", "ja-Jpan", "ko-Kore",
    ] {
        assert!(parse_tag(t).redundant_script, "{t}");
    }
    for t in ["sr-Latn", "ja-Latn", "zh-Hant", "de", "az-Cyrl"] {
        assert!(!parse_tag(t).redundant_script, "{t}");
    }
    assert_eq!(expected_script("ja"), Some(ScriptCode::JPAN));
    assert_eq!(expected_script("ja-Latn"), Some(ScriptCode::LATN));
    assert_eq!(expected_script("ja_JP"), Some(ScriptCode::JPAN));
    assert_eq!(expected_script("ko"), Some(ScriptCode::KORE));
    assert_eq!(expected_script("en-US"), Some(ScriptCode::LATN));
    assert_eq!(expected_script("ru"), Some(ScriptCode::CYRL));
    assert_eq!(expected_script("zh-Hant-TW"), Some(ScriptCode::HANT));
    for t in ["zh", "zh-TW", "sr", "az", "yue", "english", "", "x-foo"] {
        assert_eq!(expected_script(t), None, "{t}");
    }
    assert_eq!(native_script("zh"), Some(ScriptCode::HANI));
    assert_eq!(native_script("ja"), Some(ScriptCode::JPAN));
    assert_eq!(native_script("iw"), Some(ScriptCode::HEBR));
    assert_eq!(native_script("sr"), None);
}

#[test]
fn country_code_traps() {
    for (code, likely) in [
        ("jp", "ja"),
        ("cz", "cs"),
        ("gr", "el"),
        ("dk", "da"),
        ("ua", "uk"),
        ("sp", "es"),
        ("cn", "zh"),
    ] {
        let a = parse_tag(code);
        assert!(!a.is_valid(), "{code}");
        let t = a.country_code_trap.unwrap();
        assert!(!t.is_registered_language());
        assert_eq!(t.likely[0], likely);
        assert_eq!(a.suggested_language, Some(likely), "{code}");
    }
    for (code, likely) in [
        ("se", "sv"),
        ("si", "sl"),
        ("kr", "ko"),
        ("ee", "et"),
        ("uk", "en"),
    ] {
        let a = parse_tag(code);
        assert!(a.is_valid(), "{code}");
        let t = a.country_code_trap.unwrap();
        assert!(t.is_registered_language());
        assert_eq!(t.likely[0], likely);
        assert_eq!(a.suggested_language, None);
    }
    assert_eq!(parse_tag("jp-JP").country_code_trap.unwrap().code, "jp");
    assert_eq!(parse_tag("JP_jp").country_code_trap.unwrap().code, "jp");
    assert!(parse_tag("ja").country_code_trap.is_none());
}

#[test]
fn langid_conversion() {
    let id = parse_tag("sr_Latn_RS").to_langid().unwrap();
    assert_eq!(id.to_string(), "sr-Latn-RS");
    assert_eq!(parse_tag("tr").to_langid().unwrap().language.as_str(), "tr");
    assert!(parse_tag("x-foo").to_langid().is_none());
    assert!(parse_tag("en_").to_langid().is_none());
}
