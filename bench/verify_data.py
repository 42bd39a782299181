#!/usr/bin/env python3
"""Independent check of what gen_ern.py wrote (a Python oracle, no ddexlint needed).

    verify_data.py bench-data/small          a --small folder (reads its planted.json)
    verify_data.py bench-data/big.xml        a --big file (reads big.xml.planted.json)
    verify_data.py bench-data/catalogue      a --catalogue folder (reads its planted.json)

For every message it recomputes what the planted problems should produce: invalid identifiers,
duplicate ISRCs, unresolved label references, label parties without a name, unused references,
DisplayTitleText vs DisplayTitle mismatches, NFD texts. It then compares the counts with the
manifest; for a catalogue it also compares every spelling of every label and artist with the
planted variants. Exit 1 on any disagreement.
"""
import collections
import json
import os
import sys
import unicodedata
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ddexids  # noqa: E402

REFS_USED = {"ArtistPartyReference": "party", "ContributorPartyReference": "party", "ReleaseLabelReference": "party",
             "ReleaseResourceReference": "resource", "LinkedReleaseResourceReference": "resource",
             "DealReleaseReference": "release"}
DEFS = {"PartyReference": "party", "ResourceReference": "resource", "ReleaseReference": "release"}


def local(tag):
    return tag.rsplit("}", 1)[-1]


ALL_ISRC = collections.defaultdict(set)     # value -> files (cross-file uniqueness)
ALL_ICPN = collections.defaultdict(set)


def check_message(path, stats, names=None):
    """Stream one message; add counts to `stats`. names: collects (kind, name) -> set of files."""
    defined = collections.defaultdict(set)
    used = collections.defaultdict(set)
    label_refs = set()
    isrc_count = collections.Counter()
    label_party_named = {}
    stack = []
    cur_party = None
    party_names = []
    party_ids = []
    dtt = []          # DisplayTitleText texts of the current item
    dt = []           # DisplayTitle full texts of the current item
    dt_title = None
    dt_subs = []
    artist_refs_of_release = []
    for ev, el in ET.iterparse(path, events=("start", "end")):
        tag = local(el.tag)
        if ev == "start":
            stack.append(tag)
            if tag == "Party":
                cur_party, party_names, party_ids = None, [], []
            continue
        stack.pop()
        parent = stack[-1] if stack else None
        text = el.text or ""
        if tag in ("FullName", "TitleText", "DisplayTitleText", "DisplayArtistName", "PLineText", "SubTitle"):
            if unicodedata.normalize("NFC", text) != text:
                stats["nfd_texts"] += 1
        if tag == "ISRC" and parent == "ResourceId":
            isrc_count[text] += 1
            ALL_ISRC[text].add(path)
            if not ddexids.isrc_ok(text):
                stats["bad_isrc"] += 1
        elif tag == "ICPN":
            ALL_ICPN[text].add(path)
            stats["bad_icpn"] += not ddexids.gtin_ok(text)
        elif tag == "DPID" or (tag == "PartyId" and parent in ("MessageSender", "MessageRecipient")):
            stats["bad_dpid"] += not ddexids.dpid_ok(text)
        elif tag == "ISNI":
            stats["bad_isni"] += not ddexids.isni_ok(text)
        elif tag in DEFS and parent in ("Party", "SoundRecording", "Image", "Release", "TrackRelease"):
            if text in defined[DEFS[tag]]:
                stats["duplicate_definitions"] += 1
            defined[DEFS[tag]].add(text)
            if tag == "PartyReference":
                cur_party = text
        elif tag in REFS_USED:
            used[REFS_USED[tag]].add(text)
            if tag == "ReleaseLabelReference":
                label_refs.add(text)
        if tag == "FullName" and parent == "PartyName" and len(stack) >= 2 and stack[-2] == "Party":
            party_names.append(text)
        if tag in ("ISNI", "DPID", "ProprietaryId") and parent == "PartyId":
            party_ids.append(text)
        if tag == "Party":
            label_party_named[cur_party] = bool(party_names)
            if names is not None and party_names:
                names.setdefault(("party", cur_party[-1:] if cur_party else ""), None)
                names.setdefault("_parties", {})[cur_party] = (party_names[0], party_ids[0] if party_ids else None)
        # DisplayTitleText vs DisplayTitle, per SoundRecording / Release (same order, same count)
        if tag == "DisplayTitleText" and parent in ("SoundRecording", "Release"):
            dtt.append(text)
        elif tag == "TitleText" and parent == "DisplayTitle":
            dt_title = text
        elif tag == "SubTitle" and parent == "DisplayTitle":
            dt_subs.append(text)
        elif tag == "DisplayTitle" and parent in ("SoundRecording", "Release"):
            dt.append(dt_title + "".join(f" ({s})" for s in dt_subs))
            dt_title, dt_subs = None, []
        elif tag in ("SoundRecording", "Release"):
            if dtt != dt:
                stats["title_text_mismatch"] += 1
            if tag == "SoundRecording":
                stats["first_titles"][path] = stats["first_titles"].get(path) or (dtt[0] if dtt else None)
            dtt, dt = [], []
        if tag == "ArtistPartyReference" and parent == "DisplayArtist" and "Release" in stack:
            artist_refs_of_release.append(text)
        if len(stack) <= 2:
            el.clear()
    stats["isrc_duplicates"] += sum(1 for n in isrc_count.values() if n > 1)
    for kind in ("party", "resource", "release"):
        unresolved = used[kind] - defined[kind]
        unused = defined[kind] - used[kind]
        if kind == "release":
            unused = set()                  # deal coverage is not part of the generator's promise
        stats["unresolved_" + kind] += len(unresolved)
        stats["unused_" + kind] += len(unused)
    stats["label_without_name"] += sum(1 for r in label_refs if r in label_party_named and not label_party_named[r])
    if names is not None:
        parties = names.pop("_parties", {})
        names.pop(("party", ""), None)
        for r in label_refs:
            if r in parties:
                names.setdefault("label", collections.defaultdict(set))[parties[r][0]].add(path)
        for r in set(artist_refs_of_release):
            if r in parties:
                names.setdefault("artist", collections.defaultdict(set))[parties[r][0]].add(path)


def expected_from(planted):
    p = planted.get("planted", {})
    n = {k: len(v) for k, v in p.items()}
    return {
        "bad_isrc": n.get("isrc-hyphens", 0),
        "isrc_duplicates": n.get("isrc-duplicate", 0),
        "bad_icpn": n.get("icpn-check-digit", 0),
        "bad_dpid": n.get("dpid-check-char", 0),
        "bad_isni": None,                  # an artist's ISNI appears once per party: counted below
        "unresolved_party": n.get("label-dangling-ref", 0),
        "label_without_name": n.get("label-no-name", 0),
        "unused_party": 0, "unused_resource": 0, "unresolved_resource": 0, "unresolved_release": 0,
        "duplicate_definitions": 0, "title_text_mismatch": 0,
    }


def main():
    target = sys.argv[1].rstrip("/")
    stats = collections.Counter()
    stats["first_titles"] = {}
    names = {}
    if os.path.isdir(target):
        manifest = json.load(open(os.path.join(target, "planted.json"), encoding="utf-8"))
        files = []
        for root, _, fs in os.walk(target):
            files += [os.path.join(root, f) for f in fs if f.endswith(".xml")]
        files.sort()
    else:
        manifest = json.load(open(target + ".planted.json", encoding="utf-8"))
        files = [target]
    catalogue = manifest["mode"] == "catalogue"
    for f in files:
        check_message(f, stats, names if catalogue else None)
    first_titles = stats.pop("first_titles")
    print(f"{len(files)} file(s): " + ", ".join(f"{k}={v}" for k, v in sorted(stats.items())))
    bad = 0
    if catalogue:
        exp = {k: 0 for k in expected_from({})}
        exp["isrc_duplicates"] = 0
    else:
        exp = expected_from(manifest)
        exp["bad_isni"] = len(manifest["planted"].get("isni-spaces", []))
    for k, v in exp.items():
        if v is not None and stats[k] != v:
            print(f"MISMATCH {k}: found {stats[k]}, manifest says {v}")
            bad += 1
    if not catalogue:
        want_nfd = manifest["nfd_titles"] * 2 + manifest["nfd_names"]      # title: DTT + TitleText
        print(f"nfd texts: {stats['nfd_texts']} (titles {manifest['nfd_titles']} x2 + names {manifest['nfd_names']}"
              f" x1..n, so at least {want_nfd})")
        if stats["nfd_texts"] < want_nfd:
            bad += 1
    else:
        # every planted variant appears exactly in its files; no other name has two spellings
        def key(s):
            return unicodedata.normalize("NFC", s)
        for v in manifest["variants"]:
            seen = names.get(v["kind"], {}).get(v["variant"], set())
            seen = {os.path.relpath(p, target) for p in seen}
            if seen != set(v["files"]):
                print(f"MISMATCH variant {v['variant']!r}: in {len(seen)} files, manifest lists {len(v['files'])}")
                bad += 1
            if not names.get(v["kind"], {}).get(v["canonical"]):
                print(f"note: canonical {v['canonical']!r} never seen (small --count?)")
        variant_names = {v["variant"] for v in manifest["variants"]}
        for kind in ("label", "artist"):
            groups = collections.defaultdict(set)
            for n in names.get(kind, {}):
                if n not in variant_names:
                    groups[ddexids_fold(n)].add(key(n))
            multi = {k: g for k, g in groups.items() if len(g) > 1}
            if multi:
                print(f"UNPLANTED {kind} variants: {list(multi.values())[:5]}")
                bad += 1
        print(f"catalogue: {len(manifest['variants'])} planted variants in "
              f"{sum(len(v['files']) for v in manifest['variants'])} files, "
              f"{len(names.get('label', {}))} label spellings, {len(names.get('artist', {}))} artist spellings, "
              f"{len(manifest['isrc_conflicts'])} ISRC conflicts")
        for c in manifest["isrc_conflicts"]:
            a, b = (first_titles.get(os.path.join(target, f)) for f in c["files"])
            if a == b:
                print(f"MISMATCH ISRC conflict {c['isrc']}: same title in both files")
                bad += 1
    # across files: an ICPN or ISRC in two files only where planted (catalogue ISRC conflicts)
    planted_conf = {c["isrc"] for c in manifest.get("isrc_conflicts", [])}
    multi_icpn = [v for v, fs in ALL_ICPN.items() if len(fs) > 1]
    multi_isrc = [v for v, fs in ALL_ISRC.items() if len(fs) > 1 and v not in planted_conf]
    print(f"distinct ICPNs {len(ALL_ICPN)}, in several files {len(multi_icpn)}; distinct ISRCs {len(ALL_ISRC)}, "
          f"in several files (unplanted) {len(multi_isrc)}")
    if multi_icpn or multi_isrc:
        print(f"MISMATCH identifiers repeated across files: {(multi_icpn + multi_isrc)[:5]}")
        bad += 1
    print("OK" if not bad else f"{bad} mismatch(es)")
    return 1 if bad else 0


def ddexids_fold(s):
    """Loose name key: NFKC casefold, marks stripped, generic label words and legal suffixes dropped."""
    s = unicodedata.normalize("NFKC", s).casefold()
    s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
    words = [w for w in s.replace("&", " ").split() if w not in ("records", "recordings", "ltd", "gmbh")]
    return " ".join(words)


if __name__ == "__main__":
    sys.exit(main())
