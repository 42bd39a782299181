#!/usr/bin/env python3
"""Check characters of the identifiers ddexlint checks (shared by gen_ern.py and the samples).

    python3 bench/ddexids.py check VALUE...      say, for each value, which scheme it is and if it is valid
    python3 bench/ddexids.py complete KIND BODY  print BODY + its check character
                                                 (KIND: gtin | dpid | grid | isni)

Algorithms (see research/anchors-ddex.md §5):
  GTIN/ICPN  GS1 mod 10, weights 3,1,3,... from the rightmost data digit
  DPID/GRid  ISO/IEC 7064 MOD 37,36 (hybrid) over 0-9A-Z
  ISNI       ISO/IEC 7064 MOD 11-2
  ISRC       no check character; [A-Z]{2}[A-Z0-9]{3}[0-9]{7}
"""
import re
import sys

ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def gs1_check(body: str) -> str:
    """Check digit for the data digits `body` (7, 11, 12 or 13 digits)."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        total += int(ch) * (3 if i % 2 == 0 else 1)
    return str((10 - total % 10) % 10)


def gtin_ok(code: str) -> bool:
    return bool(re.fullmatch(r"[0-9]{8}|[0-9]{12,14}", code)) and gs1_check(code[:-1]) == code[-1]


def mod37_36(body: str) -> str:
    m = 36
    p = m
    for ch in body.upper():
        p = (p + ALNUM.index(ch)) % m
        if p == 0:
            p = m
        p = (2 * p) % (m + 1)
    return ALNUM[(m + 1 - p) % m]


def dpid_ok(code: str) -> bool:
    return bool(re.fullmatch(r"PADPIDA[0-9A-Z]{11}", code)) and mod37_36(code[:-1]) == code[-1]


def grid_ok(code: str) -> bool:
    return bool(re.fullmatch(r"A1[0-9A-Z]{16}", code)) and mod37_36(code[:-1]) == code[-1]


def mod11_2(body: str) -> str:
    t = 0
    for ch in body:
        t = (t + int(ch)) * 2
    r = (12 - t % 11) % 11
    return "X" if r == 10 else str(r)


def isni_ok(code: str) -> bool:
    return bool(re.fullmatch(r"[0-9]{15}[0-9X]", code)) and mod11_2(code[:-1]) == code[-1]


ISRC_RE = re.compile(r"[A-Z]{2}[A-Z0-9]{3}[0-9]{7}")


def isrc_ok(code: str) -> bool:
    return bool(ISRC_RE.fullmatch(code))


def complete(kind: str, body: str) -> str:
    f = {"gtin": gs1_check, "icpn": gs1_check, "dpid": mod37_36, "grid": mod37_36, "isni": mod11_2}[kind]
    return body + f(body)


def _selftest():
    # published examples (anchors-ddex.md §5)
    assert complete("dpid", "PADPIDA3897722461") == "PADPIDA3897722461G"
    assert complete("dpid", "PADPIDA2013042401") == "PADPIDA2013042401U"
    assert complete("dpid", "PADPIDA2009101501") == "PADPIDA2009101501Y"
    assert complete("dpid", "PADPIDA2014122301") == "PADPIDA2014122301Q"
    assert complete("grid", "A12425GABC1234002") == "A12425GABC1234002M"
    for ok in ("1422458635730476", "0000000121032683", "0000000122807671"):
        assert isni_ok(ok), ok
    for ok in ("036000291452", "5901234123457", "00094631432057", "04988006110809"):
        assert gtin_ok(ok), ok
    assert not gtin_ok("00094631432058")
    assert not dpid_ok("PADPIDA2013042401X")


def main(argv):
    _selftest()
    if len(argv) >= 3 and argv[1] == "complete":
        print(complete(argv[2], argv[3]))
        return 0
    if len(argv) >= 2 and argv[1] == "check":
        bad = 0
        for v in argv[2:]:
            if v.startswith("PADPIDA"):
                kind, ok = "DPID", dpid_ok(v)
            elif v.startswith("A1") and len(v) == 18:
                kind, ok = "GRid", grid_ok(v)
            elif re.fullmatch(r"[0-9]{15}[0-9X]", v):
                kind, ok = "ISNI", isni_ok(v)
            elif v.isdigit():
                kind, ok = "GTIN", gtin_ok(v)
            else:
                kind, ok = "ISRC", isrc_ok(v)
            print(f"{kind:5} {v:22} {'ok' if ok else 'BAD'}")
            bad += not ok
        return 1 if bad else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
