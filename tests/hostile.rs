//! Hostile and broken input: a finding or a clear error, never a panic, a hang or runaway
//! memory. (Speed is measured by the benchmark, not here.)

use ddexlint::lint::{lint_bytes, FileOutcome, Settings};

fn lint(bytes: Vec<u8>) -> FileOutcome {
    lint_bytes("hostile.xml", bytes, &Settings::default())
}

fn rules(out: &FileOutcome) -> Vec<&'static str> {
    out.findings.iter().map(|l| l.finding.rule).collect()
}

const BASE: &str = include_str!("fixtures/base-ern43.xml");

#[test]
fn billion_laughs_is_not_expanded() {
    let mut dtd = String::from("<!DOCTYPE lolz [\n<!ENTITY lol0 \"lol\">\n");
    for i in 1..10 {
        let prev = format!("&lol{};", i - 1).repeat(10);
        dtd.push_str(&format!("<!ENTITY lol{i} \"{prev}\">\n"));
    }
    dtd.push_str("]>\n");
    let doc = BASE
        .replacen("<ern:NewReleaseMessage", &format!("{dtd}<ern:NewReleaseMessage"), 1)
        .replace("<GenreText>Pop</GenreText>", "<GenreText>&lol9;</GenreText>");
    let out = lint(doc.into_bytes());
    assert!(rules(&out).contains(&"xml-doctype-not-allowed"), "{:?}", rules(&out));
    let msg = &out
        .findings
        .iter()
        .find(|l| l.finding.rule == "xml-doctype-not-allowed")
        .unwrap()
        .finding
        .message;
    assert!(msg.contains("lol9"), "{msg}");
}

#[test]
fn external_entity_is_never_fetched() {
    let doc = BASE
        .replacen(
            "<ern:NewReleaseMessage",
            "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<ern:NewReleaseMessage",
            1,
        )
        .replace(
            "<FullName>Nordlys Plater</FullName></PartyName>\n      <PartyId>",
            "<FullName>&xxe;</FullName></PartyName>\n      <PartyId>",
        );
    let out = lint(doc.into_bytes());
    assert!(rules(&out).contains(&"xml-doctype-not-allowed"));
    // Nothing of /etc/passwd can appear in any message.
    assert!(out.findings.iter().all(|l| !l.finding.message.contains("root:")));
}

#[test]
fn every_truncation_is_malformed_not_a_panic() {
    let bytes = BASE.as_bytes();
    let end = BASE.trim_end().len();
    for cut in (0..end).step_by(7) {
        let out = lint(bytes[..cut].to_vec());
        let r = rules(&out);
        assert!(r.contains(&"xml-malformed"), "cut at {cut}: {r:?}");
    }
}

#[test]
fn empty_and_whitespace_files() {
    for doc in ["", "   \n", "<?xml version=\"1.0\"?>"] {
        let out = lint(doc.as_bytes().to_vec());
        assert_eq!(rules(&out), vec!["xml-malformed"], "{doc:?}");
    }
}

#[test]
fn binary_garbage_never_panics() {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for len in [1usize, 2, 3, 7, 64, 1000, 4096] {
        for _ in 0..50 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    (x >> 24) as u8
                })
                .collect();
            let out = lint(bytes);
            assert!(!out.findings.is_empty(), "garbage of {len} bytes accepted");
        }
    }
    // Garbage after a valid start.
    let mut doc = BASE.as_bytes()[..400].to_vec();
    doc.extend((0..=255u8).cycle().take(3000));
    assert!(rules(&lint(doc)).contains(&"xml-malformed"));
}

#[test]
fn deep_nesting_does_not_overflow() {
    let depth = 10_000;
    let doc = BASE.replace(
        "<Genre><GenreText>Pop</GenreText></Genre>",
        &format!(
            "<Genre>{}<GenreText>Pop</GenreText>{}</Genre>",
            "<x>".repeat(depth),
            "</x>".repeat(depth)
        ),
    );
    let out = lint(doc.into_bytes());
    assert!(!rules(&out).contains(&"xml-malformed"), "{:?}", rules(&out));
    assert_eq!(out.summary.releases, 1);
    // And unclosed deep nesting is malformed.
    let doc = format!("<a>{}", "<b>".repeat(depth));
    assert!(rules(&lint(doc.into_bytes())).contains(&"xml-malformed"));
}

#[test]
fn huge_text_node_is_read() {
    let big = "a".repeat(50 * 1024 * 1024);
    let doc = BASE.replace("<GenreText>Pop</GenreText>", &format!("<GenreText>{big}</GenreText>"));
    let out = lint(doc.into_bytes());
    assert!(!rules(&out).contains(&"xml-malformed"));
    assert_eq!(out.summary.releases, 1);
}

#[test]
fn invalid_utf8_is_reported_at_its_line() {
    let mut doc = BASE.as_bytes().to_vec();
    let at = BASE.find("Vinterlys").unwrap();
    doc[at] = 0xE9; // Latin-1 é
    let out = lint(doc);
    let f = &out.findings[0];
    assert_eq!(f.finding.rule, "xml-malformed");
    assert_eq!(f.line as usize, BASE[..at].lines().count());
}

/// A feed above the two-thread threshold reads exactly as on one thread, also when broken.
#[test]
fn two_thread_reading_matches_one_thread() {
    let sr_start = BASE.find("    <SoundRecording>").unwrap();
    let sr_end = BASE.find("  </ResourceList>").unwrap();
    let sr = &BASE[sr_start..sr_end];
    let mut many = String::with_capacity(10 << 20);
    let mut i = 0;
    while many.len() < 9 << 20 {
        many.push_str(
            &sr.replace(">A1<", &format!(">A{i}<"))
                .replace("NOABC2600001", &format!("NOABC26{i:05}")),
        );
        i += 1;
    }
    let doc = format!("{}{}{}", &BASE[..sr_start], many, &BASE[sr_end..]);
    for text in [doc.clone(), doc[..doc.len() - 5000].to_string()] {
        let a = ddexlint::ern::read(&text);
        let b = ddexlint::ern::read_single_threaded(&text);
        assert_eq!(format!("{:?}", a.findings), format!("{:?}", b.findings));
        assert_eq!(a.feed.is_some(), b.feed.is_some());
        if let (Some(fa), Some(fb)) = (&a.feed, &b.feed) {
            assert_eq!(fa.resources.len(), i);
            assert_eq!(format!("{:?}", fa.identifiers), format!("{:?}", fb.identifiers));
            assert_eq!(format!("{:?}", fa.refs), format!("{:?}", fb.refs));
            assert_eq!(format!("{:?}", fa.releases), format!("{:?}", fb.releases));
            assert_eq!(format!("{:?}", fa.lang_attrs), format!("{:?}", fb.lang_attrs));
        }
    }
}

/// Well-formedness edge cases, each checked against expat (Python's xml.dom.minidom) when
/// written: `true` = well-formed.
#[test]
fn well_formedness_matches_a_strict_parser() {
    const CASES: &[(&str, bool)] = &[
        ("<a/>", true),
        ("<a>x</a><b/>", false),
        ("<a><b>x</b>", false),
        ("<a>x < y</a>", false),
        ("<a>x & y</a>", false),
        ("<a>&foo;</a>", false),
        ("<a>&#0;</a>", false),
        ("<a>&#x1F600;</a>", true),
        ("<a>&#xD800;</a>", false),
        ("<a b='1' b='2'/>", false),
        ("<a xmlns:p='u' xmlns:q='u' p:x='1' q:x='2'/>", false),
        ("<a xmlns:p='u' p:x='1' x='2'/>", true),
        ("<p:a/>", false),
        ("<a p:x='1'/>", false),
        ("<a b='<'/>", false),
        ("<a b='&amp;&lt;'/>", true),
        ("<a>]]></a>", false),
        ("<a><![CDATA[ ]]> ]]></a>", false),
        ("<a><![CDATA[x]]></a>", true),
        ("<a><!-- a -- b --></a>", false),
        ("<a><?xml version='1.0'?></a>", false),
        ("<a><?pi ok?></a>", true),
        ("<1a/>", false),
        ("<a b=1/>", false),
        ("<a b='1'c='2'/>", false),
        ("<a>\u{1}</a>", false),
        ("<a>\u{FFFE}</a>", false),
        ("  <?xml version='1.0'?><a/>", false),
        ("<?xml version='1.0'?>\n<a/>\n<!-- trailing -->\n", true),
        ("<a></a >", true),
        ("<a></ a>", false),
        (
            "<a xmlns:xml='http://www.w3.org/XML/1998/namespace' xml:lang='en'/>",
            true,
        ),
        ("<a xml:lang='en'/>", true),
        ("<a xmlns:p=''/>", false),
    ];
    let mut wrong = Vec::new();
    for &(doc, well_formed) in CASES {
        let mut reader = ddexlint::xml::XmlReader::new(doc);
        let ok = loop {
            match reader.next() {
                Ok(Some(_)) => continue,
                Ok(None) => break true,
                Err(_) => break false,
            }
        };
        if ok != well_formed {
            wrong.push((doc, well_formed));
        }
    }
    assert!(
        wrong.is_empty(),
        "disagrees with expat on (document, expected well-formed): {wrong:?}"
    );
}

#[test]
fn html_entities_get_a_precise_message() {
    let doc = BASE.replace("<GenreText>Pop</GenreText>", "<GenreText>Caf&eacute;</GenreText>");
    let out = lint(doc.into_bytes());
    let f = out
        .findings
        .iter()
        .find(|l| l.finding.rule == "xml-malformed")
        .expect("malformed");
    assert!(
        f.finding.message.contains("write 'é' itself (or &#233;)"),
        "{}",
        f.finding.message
    );
}
