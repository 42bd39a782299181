#!/usr/bin/env python3
"""Sanity checks for samples/*.xml (no ddexlint needed):

  * every sample is well-formed XML (xml.dom.minidom) and 60-200 lines long;
  * every identifier value (ISRC, ICPN, GRid, ISNI, DPID) has a correct check character,
    except the ones planted on purpose (EXPECTED_BAD), which must really be wrong;
  * the invisible characters planted in the Unicode sample are really there.

usage: python3 bench/check_samples.py [SAMPLES_DIR]
"""
import glob
import os
import re
import sys
import unicodedata
import xml.dom.minidom

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ddexids  # noqa: E402

# identifiers that are wrong on purpose: (file, element, value)
EXPECTED_BAD = {
    ("identifiers-hafenkante-ern43.xml", "ISRC", "DE-A6Z-24-00123"),
    ("identifiers-hafenkante-ern43.xml", "ICPN", "4012345000017"),
    ("identifiers-hafenkante-ern43.xml", "DPID", "PADPIDA20170851093"),
    ("identifiers-hafenkante-ern43.xml", "ISNI", "0000 0005 2345 6788"),
}
# identifiers that must appear twice in one file (duplicate ISRC)
EXPECTED_DUP = {("identifiers-hafenkante-ern43.xml", "DEA6Z2400124")}


def text_of(node):
    return "".join(c.data for c in node.childNodes if c.nodeType == c.TEXT_NODE)


def check_value(tag, v, attrs):
    if tag == "ISRC":
        return ddexids.isrc_ok(v)
    if tag == "ICPN":
        return ddexids.gtin_ok(v)
    if tag == "GRid":
        return ddexids.grid_ok(v)
    if tag == "ISNI" or (tag == "PartyId" and attrs.get("IsISNI") == "true"):
        return ddexids.isni_ok(v)
    if tag in ("DPID",) or (tag == "PartyId" and v.startswith("PADPIDA")):
        return ddexids.dpid_ok(v)
    return None


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "samples")
    files = sorted(glob.glob(os.path.join(d, "*.xml")))
    problems = 0
    seen_bad = set()
    for f in files:
        name = os.path.basename(f)
        raw = open(f, encoding="utf-8").read()
        nlines = raw.count("\n")
        try:
            doc = xml.dom.minidom.parse(f)
        except Exception as e:  # noqa: BLE001
            print(f"FAIL {name}: not well-formed: {e}")
            problems += 1
            continue
        if not 60 <= nlines <= 200:
            print(f"FAIL {name}: {nlines} lines (want 60-200)")
            problems += 1
        ids = 0
        isrcs = {}
        for el in doc.getElementsByTagName("*"):
            tag = el.tagName
            attrs = {k: v for k, v in el.attributes.items()}
            if tag not in ("ISRC", "ICPN", "GRid", "ISNI", "DPID", "PartyId"):
                continue
            v = text_of(el)
            ok = check_value(tag, v, attrs)
            if ok is None:
                continue
            ids += 1
            if tag == "ISRC" and el.parentNode.tagName in ("ResourceId", "SoundRecordingId"):
                isrcs[v] = isrcs.get(v, 0) + 1
            key = (name, "DPID" if tag == "PartyId" and v.startswith("PADPIDA") else tag, v)
            if not ok:
                if key in EXPECTED_BAD:
                    seen_bad.add(key)
                else:
                    print(f"FAIL {name}: unexpected bad {tag} {v!r}")
                    problems += 1
            elif key in EXPECTED_BAD:
                print(f"FAIL {name}: {tag} {v!r} was meant to be wrong but is valid")
                problems += 1
        for v, n in isrcs.items():
            if n > 1 and (name, v) not in EXPECTED_DUP:
                print(f"FAIL {name}: unexpected duplicate ISRC {v}")
                problems += 1
        for (fn, v) in EXPECTED_DUP:
            if fn == name and isrcs.get(v, 0) < 2:
                print(f"FAIL {name}: ISRC {v} should be duplicated")
                problems += 1
        nonnfc = sum(1 for el in doc.getElementsByTagName("*")
                     if text_of(el) != unicodedata.normalize("NFC", text_of(el)))
        print(f"ok   {name}: {nlines} lines, {ids} identifiers checked, {nonnfc} non-NFC text nodes")
    missing = EXPECTED_BAD - seen_bad
    for m in sorted(missing):
        print(f"FAIL planted bad identifier not found: {m}")
        problems += 1
    uni = os.path.join(d, "unicode-nordlicht-ern43.xml")
    if os.path.exists(uni):
        s = open(uni, encoding="utf-8").read()
        for what, needle in (("U+0308 after a", "a\u0308"), ("ZWSP", "\u200b"), ("Cyrillic e", "R\u0435cords"),
                             ("s-cedilla", "\u015e"), ("t-cedilla", "\u0163")):
            if needle not in s:
                print(f"FAIL unicode sample lacks {what}")
                problems += 1
    gr = os.path.join(d, "greek-meltemi-ern43.xml")
    if os.path.exists(gr) and "ήλιοσ " not in open(gr, encoding="utf-8").read():
        print("FAIL greek sample lacks the final-sigma mistake")
        problems += 1
    print("all samples OK" if not problems else f"{problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
