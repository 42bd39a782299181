#!/usr/bin/env python3
"""Deterministic generator of synthetic DDEX ERN 4.3 feeds for the ddexlint benchmark.

    gen_ern.py --big OUT.xml [--size-mb 200]        one NewReleaseMessage with many releases
    gen_ern.py --small DIR [--count 10000]          COUNT files, one album each (~20 KB)
    gen_ern.py --catalogue DIR [--count 100000]     COUNT files of one label group's catalogue,
                                                    with a few planted label/artist name variants
    common options: --seed N (default 4242), --bad-rate R (share of releases with one planted
                    problem; default 0.03 for --big/--small, 0 for --catalogue)

Adapted from the generator in research/performance.md. What the data looks like:
  * ERN 4.3, element order of the official DDEX sample "1 Audio.xml", 2-space indentation;
  * per release: artist, label and 2-4 contributor parties, 3-10 sound recordings (1-6 in the
    catalogue) with technical details, a front cover image, the album Release, one TrackRelease
    per track, 1-3 deals; every reference resolves and every party/resource/release is used;
  * titles in en, fr, de, es, pt, pl, ja-Jpan (+ ja-Latn), el (+ el-Latn), ru-Cyrl (+ ru-Latn),
    some with a version SubTitle; DisplayTitleText always matches its DisplayTitle;
    ~3 % of titles (and, outside the catalogue, names) in NFD; `&amp;` and apostrophes;
  * identifiers with correct check characters (ISRC unique per run, GTIN-12/13/14, DPID, ISNI),
    except the planted problems.

--big writes all Releases first, then all TrackReleases: ERN 4.3 allows one Release per message,
so a multi-release batch file is schema-invalid on that one point (and on no other); the small
and catalogue files validate against the ERN 4.3 XSD.

Every mode writes a manifest of what it planted (which ddexlint rule should fire where):
  --big OUT: OUT.planted.json   --small DIR / --catalogue DIR: DIR/planted.json
--catalogue also writes DIR/labels.toml, a label registry of the canonical label names (the
"ltd-suffix" variants are listed there as aliases, so with --labels they become
label-registry-alias findings instead of label-name-variant ones).
"""
import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import unicodedata
from xml.sax.saxutils import escape as e

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ddexids  # noqa: E402

NS = "http://ddex.net/xml/ern/43"

# ---------------------------------------------------------------- word and name pools
LATIN_WORDS = {
    "en": ["Midnight", "River", "Echoes", "Golden", "Heart", "Rock & Roll", "Don't", "Stop", "Summer",
           "Rain", "Light", "Shadows", "Forever", "Young", "Blue", "Fire", "Dance", "Home", "Lovers' Lane",
           "Salt & Pepper", "Tomorrow's", "Hollow", "Satellite", "Paper Moon"],
    "fr": ["Été", "Rêve", "Cœur", "Éternité", "Château", "Déjà vu", "Ça va", "Garçon", "Noël", "L'été",
           "d'amour", "Aujourd'hui", "Lumière", "Hélène"],
    "de": ["Straße", "Über", "Mädchen", "Grün", "Frühling", "Schön", "Träume", "Größe", "Nachtzug",
           "Sehnsucht", "Wolken & Wind"],
    "es": ["Corazón", "Canción", "Mañana", "Niño", "Pasión", "Señor", "Fiesta", "Olvídame", "Año Nuevo"],
    "pt": ["Saudade", "Coração", "São Paulo", "Ação", "Você", "Irmão", "Manhã", "Maré"],
    "pl": ["Łąka", "Źródło", "Życie", "Ścieżka", "Gwiazdy", "Mróz", "Jesień"],
}
# (code of the original, code of the romanization, separator, [(original, romanization)])
NONLATIN_WORDS = {
    "ja": ("ja-Jpan", "ja-Latn", "", [("夜明け", "Yoake"), ("東京", "Tokyo"), ("さくら", "Sakura"), ("未来", "Mirai"),
                                      ("ありがとう", "Arigatou"), ("夢の中へ", "Yume no Naka e"), ("青い空", "Aoi Sora"),
                                      ("恋", "Koi"), ("星", "Hoshi"), ("雨上がり", "Ameagari"), ("風のうた", "Kaze no Uta")]),
    "el": ("el", "el-Latn", " ", [("Αγάπη", "Agapi"), ("Θάλασσα", "Thalassa"), ("Νύχτα", "Nychta"), ("Ήλιος", "Ilios"),
                                  ("Όνειρο", "Oneiro"), ("Καλοκαίρι", "Kalokairi"), ("Μουσική", "Mousiki"), ("Ψυχή", "Psychi")]),
    "ru": ("ru-Cyrl", "ru-Latn", " ", [("Любовь", "Lyubov"), ("Ночь", "Noch"), ("Звёзды", "Zvyozdy"), ("Зима", "Zima"),
                                       ("Город", "Gorod"), ("Песня", "Pesnya"), ("Ветер", "Veter"), ("Мечта", "Mechta"),
                                       ("Сердце", "Serdtse")]),
}
TITLE_LANGS = ["en"] * 6 + ["fr", "de", "es", "pt", "pl", "ja", "ja", "el", "ru"]
VERSIONS = ["Radio Edit", "Live", "Acoustic", "Remastered 2011", "Extended Mix", "Instrumental"]

# artists: per language (first names, last names); non-Latin ones as (original, romanization)
LATIN_NAMES = {
    "nb": (["Solveig", "Ingrid", "Eirik", "Astrid", "Henrik", "Sigrid", "Håkon"], ["Haugland", "Nyheim", "Sørensen", "Aasen", "Bjørnstad", "Lie"]),
    "sv": (["Linnea", "Maja", "Björn", "Åsa", "Oskar", "Elin"], ["Lindqvist", "Håkansson", "Nyström", "Åberg", "Ekström", "Mäkelä"]),
    "fi": (["Aino", "Kaisa", "Eero", "Jussi", "Päivi"], ["Virtanen", "Mäkelä", "Järvinen", "Heikkilä", "Kärkkäinen"]),
    "de": (["Lotte", "Jonas", "Mara", "Jürgen", "Anke", "Felix"], ["Brandes", "Müller", "Schröder", "Weiß", "Adler", "Köhler"]),
    "fr": (["Camille", "Élodie", "Noël", "Renée", "Zoë", "Théo", "Chloë"], ["Roussel", "Lefèvre", "Dubois", "Mercier", "Bélanger", "Fournier"]),
    "es": (["José", "Raúl", "Lucía", "Inés", "Álvaro"], ["García", "Núñez", "Ibáñez", "Ortega", "Peña"]),
    "pt": (["João", "Inês", "Mateus", "Conceição"], ["Silva", "Gonçalves", "Araújo", "Simões"]),
    "pl": (["Łukasz", "Zofia", "Wojciech", "Małgorzata"], ["Nowak", "Wiśniewska", "Dąbrowski", "Król"]),
    "ga": (["Aoife", "Seán", "Niamh", "Ciarán"], ["O'Brien", "Ó Súilleabháin", "McCarthy", "O'Neill"]),
    "ro": (["Ioana", "Andrei", "Ștefan", "Mălina"], ["Petrescu", "Popescu", "Țurcanu", "Dumitrescu"]),
}
NONLATIN_NAMES = {
    # (code, romanization code, family-name-first?, firsts, lasts)
    "el": ("el", "el-Latn", False, [("Ελένη", "Eleni"), ("Νίκος", "Nikos"), ("Καλλιόπη", "Kalliopi"), ("Γιώργος", "Giorgos")],
           [("Σταθοπούλου", "Stathopoulou"), ("Παπαδόπουλος", "Papadopoulos"), ("Αλεξίου", "Alexiou"), ("Δημητρίου", "Dimitriou")]),
    "ru": ("ru-Cyrl", "ru-Latn", False, [("Алексей", "Aleksey"), ("Мария", "Mariya"), ("Дмитрий", "Dmitriy"), ("Анна", "Anna")],
           [("Иванова", "Ivanova"), ("Соколов", "Sokolov"), ("Морозова", "Morozova"), ("Волков", "Volkov")]),
    "ja": ("ja-Jpan", "ja-Latn", True, [("美咲", "Misaki"), ("健太", "Kenta"), ("ゆき", "Yuki"), ("翔", "Sho")],
           [("山田", "Yamada"), ("佐藤", "Sato"), ("中村", "Nakamura"), ("鈴木", "Suzuki")]),
}
BAND_ADJ = ["Golden", "Hollow", "Paper", "Velvet", "Northern", "Silver", "Electric", "Quiet", "Wandering", "Lonely",
            "Crimson", "Midnight", "Frozen", "Salt", "Amber", "Broken"]
BAND_NOUN = ["Rivers", "Satellites", "Foxes", "Lanterns", "Harbours", "Ghosts", "Engines", "Sparrows", "Tides",
             "Machines", "Orchards", "Echoes", "Kings & Queens", "Lovers"]

# labels: one per stem (never two labels that differ only by a generic word)
# (name, country, language, symbol style)
LABELS = [
    ("Nordlys Plater", "NO", "nb"), ("Fjellklang Records", "NO", "nb"), ("Sølvtrykk Plater", "NO", "nb"),
    ("Havgap Musikk", "NO", "nb"), ("Midnattsol Records", "NO", "nb"),
    ("Norrsken Skivor", "SE", "sv"), ("Skärgårdsljud", "SE", "sv"), ("Mälarvåg Records", "SE", "sv"),
    ("Vinterväg Musik", "SE", "sv"), ("Revontuli Levyt", "FI", "fi"), ("Järvenpää Äänite", "FI", "fi"),
    ("Tuulensuu Records", "FI", "fi"), ("Bølgeslag Plader", "DK", "da"), ("Kystlys Records", "DK", "da"),
    ("Hafenkante Tonträger", "DE", "de"), ("Nordlicht Records", "DE", "de"), ("Kaleidoskop Records", "DE", "de"),
    ("Straßenbahn Süd", "DE", "de"), ("Spreewelle Schallplatten", "DE", "de"), ("Tonwerk Köln", "DE", "de"),
    ("Lärmschutz Records", "DE", "de"), ("Wolkenbruch Musik", "AT", "de"), ("Almrausch Records", "AT", "de"),
    ("Zürisee Tonträger", "CH", "de"), ("Disques Lueur", "FR", "fr"), ("Éditions Mouvantes", "FR", "fr"),
    ("Ondes Légères", "FR", "fr"), ("Phare Bleu Records", "FR", "fr"), ("Cœur de Pierre", "FR", "fr"),
    ("Belle Époque Musique", "BE", "fr"), ("Vinilo Ámbar", "ES", "es"), ("Canción Eterna", "ES", "es"),
    ("Sello Marea", "ES", "es"), ("Discos Tramontana", "ES", "es"), ("Saudade Discos", "PT", "pt"),
    ("Maré Alta Records", "PT", "pt"), ("Łąka Records", "PL", "pl"), ("Źródło Muzyka", "PL", "pl"),
    ("Vltava Records", "CZ", "cs"), ("Dvořák Hall Records", "CZ", "cs"), ("Tulpenveld Records", "NL", "nl"),
    ("Grachtengeluid", "NL", "nl"), ("Blue Harbour Records", "GB", "en"), ("Salt & Vinegar Records", "GB", "en"),
    ("Paper Moon Recordings", "GB", "en"), ("Foggy Dew Records", "IE", "en"), ("Lagoon Dischi", "IT", "it"),
    ("Cinque Terre Records", "IT", "it"), ("Μελτέμι Δισκογραφική", "GR", "el"), ("Αιγαίο Ήχοι", "GR", "el"),
    ("Тёплый Звук", "EE", "ru"), ("Şarkı Evi Records", "TR", "tr"), ("Casa Lumină", "RO", "ro"),
    ("Dunaj Hanglemez", "HU", "hu"), ("Baltijos Garsas", "LT", "lt"), ("Kalevala Sound", "FI", "fi"),
]
GS1_PREFIX = {"NO": "70", "SE": "73", "FI": "64", "DK": "57", "DE": "40", "AT": "90", "CH": "76", "FR": "37",
              "BE": "54", "ES": "84", "PT": "560", "PL": "590", "CZ": "859", "NL": "87", "GB": "50", "IE": "539",
              "IT": "80", "GR": "520", "EE": "474", "TR": "869", "RO": "594", "HU": "599", "LT": "477"}
DISTRIBUTORS = ["DistroKid", "TuneCore", "CD Baby", "Amuse", "RouteNote", "FUGA", "The Orchard", "Believe", "AWAL",
                "Symphonic", "Ingrooves", "Bandcamp", "Spotify"]
SENDERS = ["Fjordlyd Distribusjon", "Spreewelle Vertrieb", "Ondes Courtes Distribution", "Aegean Digital Distribution",
           "Polderwave Distributie", "Ostsee Digital Vertrieb"]
ROLES = ["Composer", "Lyricist", "StudioProducer", "MixingEngineer", "MasteringEngineer", "Arranger"]
GENRES = ["Pop", "Rock", "Jazz", "Classical", "Electronic", "J-Pop", "Folk", "Hip Hop/Rap", "Indie", "Singer/Songwriter"]
TERR = ["Worldwide", "US", "GB", "JP", "DE", "FR", "GR", "BR", "PL", "NO", "SE"]
ALNUM = ddexids.ALNUM

PROBLEM_RULES = {
    "isrc-hyphens": "id-isrc",
    "isrc-duplicate": "id-isrc-duplicate",
    "icpn-check-digit": "id-icpn-check-digit",
    "dpid-check-char": "id-dpid",
    "isni-spaces": "id-isni",
    "label-pline-in-name": "label-contains-rights-notice",
    "label-distributor": "label-is-distributor-or-placeholder",
    "label-legal-suffix": "label-legal-entity-suffix",
    "label-no-name": "label-name-missing",
    "label-dangling-ref": "ref-unresolved",
}
PROBLEMS = sorted(PROBLEM_RULES)


def strip_marks(s):
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", s)
                                                if unicodedata.category(c) != "Mn"))


def nfd_sometimes(rnd, s, rate=0.03):
    if rnd.random() < rate:
        d = unicodedata.normalize("NFD", s)
        return d, d != s
    return s, False


# ---------------------------------------------------------------- the world: labels, artists, ids
class World:
    """Labels and artists shared by every file of a run, plus identifier counters."""

    def __init__(self, seed):
        rnd = random.Random(f"world:{seed}")
        self.rnd = rnd
        self.labels = []
        used_reg = set()
        for i, (name, cc, lang) in enumerate(LABELS):
            while True:
                reg = "".join(rnd.choice(ALNUM[10:] + "0123456789") for _ in range(3))
                if reg not in used_reg and reg[0].isalpha():
                    used_reg.add(reg)
                    break
            upc = rnd.random() < 0.1                                 # some send 12-digit UPC-A codes
            pre = "06" if upc else GS1_PREFIX[cc]
            company = pre + "".join(str(rnd.randint(0, 9)) for _ in range(7 - len(pre)))   # 7-digit company prefix
            dpid = ddexids.complete("dpid", "PADPIDA%010d" % rnd.randint(10**9, 10**10 - 1)) if rnd.random() < 0.85 else None
            self.labels.append({
                "name": name, "country": cc, "lang": lang, "reg": reg, "gs1": company,
                "upc": upc,
                "dpid": dpid,
                "propid": None if dpid else (f"LBL-{i:04d}" if rnd.random() < 0.5 else None),
                "symbol": "(P)" if rnd.random() < 0.25 else "℗",
            })
        self.senders = [(n, ddexids.complete("dpid", "PADPIDA%010d" % rnd.randint(10**9, 10**10 - 1))) for n in SENDERS]
        self.recipient = ("Example Streaming Service", "PADPIDA20191107023")
        # artists: every (first, last) pair of every language, plus band names; each on one label
        artists = []
        for lang, (firsts, lasts) in LATIN_NAMES.items():
            for f in firsts:
                for la in lasts:
                    artists.append({"name": f"{f} {la}", "lang": lang, "latin": None, "lcode": None})
        for lang, (code, lcode, fam_first, firsts, lasts) in NONLATIN_NAMES.items():
            for f, fl in firsts:
                for la, ll in lasts:
                    orig = la + f if fam_first else f"{f} {la}"
                    artists.append({"name": orig, "lang": lang, "code": code, "latin": f"{fl} {ll}", "lcode": lcode})
        for a in BAND_ADJ:
            for n in BAND_NOUN:
                artists.append({"name": f"The {a} {n}", "lang": "en", "latin": None, "lcode": None})
        rnd.shuffle(artists)
        for a in artists:
            a["isni"] = ddexids.complete("isni", "%015d" % rnd.randint(10**8, 10**10)) if rnd.random() < 0.8 else None
            # artists sign to a label of their own country most of the time
            same = [lb for lb in self.labels if lb["lang"] == a["lang"]]
            a["label"] = rnd.choice(same if same and rnd.random() < 0.7 else self.labels)
        self.artists = artists
        self.contributors = [a for a in artists if a["latin"] is None and not a["name"].startswith("The ")]
        self.isrc_next = {}
        self.icpn_next = {}

    def isrc(self, label, year):
        key = (label["reg"], year % 100)
        n = self.isrc_next.get(key, 0)
        if n > 99999:
            raise SystemExit(f"gen_ern: ISRC space of {label['name']} in {year} exhausted")
        self.isrc_next[key] = n + 1
        cc = "GB" if label["country"] == "GB" else label["country"]
        return "%s%s%02d%05d" % (cc, label["reg"], year % 100, n)

    def icpn(self, label):
        n = self.icpn_next.get(label["name"], 0)
        self.icpn_next[label["name"]] = n + 1
        if n > 99999:
            raise SystemExit(f"gen_ern: ICPN space of {label['name']} exhausted")
        body = label["gs1"] + "%05d" % n                            # 12 data digits -> GTIN-13
        g = body + ddexids.gs1_check(body)
        if label["upc"]:
            return g[1:]                                            # UPC-A: the GTIN-13 without its leading 0
        if n % 17 == 5:
            return "0" + g                                          # a few GTIN-14 with a leading 0
        return g


# ---------------------------------------------------------------- one album
def title(rnd, nfd_rate):
    """-> ([(code, text, subtitle)], nfd?) : variants of one title; the first is the default."""
    lang = rnd.choice(TITLE_LANGS)
    n = rnd.randint(1, 3)
    sub = rnd.choice(VERSIONS) if rnd.random() < 0.1 else None
    if lang in NONLATIN_WORDS:
        code, lcode, sep, pool = NONLATIN_WORDS[lang]
        words = [rnd.choice(pool) for _ in range(n)]
        orig = sep.join(w[0] for w in words)
        latin = " ".join(w[1] for w in words)
        r = rnd.random()
        if r < 0.05:
            variants = [(lcode, latin, sub)]                        # romanization only
        elif r < 0.75:
            variants = [(code, orig, sub), (lcode, latin, sub)]
        else:
            variants = [(code, orig, sub)]
    else:
        variants = [(lang, " ".join(rnd.choice(LATIN_WORDS[lang]) for _ in range(n)), sub)]
    nfd = False
    if rnd.random() < nfd_rate:
        c, t, s = variants[0]
        d = unicodedata.normalize("NFD", t)
        if d != t:
            variants[0] = (c, d, s)
            nfd = True
    return variants, nfd


def title_xml(variants, ind):
    """DisplayTitleText + DisplayTitle elements, consistent with each other."""
    out = []
    for i, (code, t, sub) in enumerate(variants):
        attrs = f' LanguageAndScriptCode="{code}"' + (' IsDefault="true"' if i == 0 and len(variants) > 1 else "")
        full = f"{t} ({sub})" if sub else t
        out.append(f"{ind}<DisplayTitleText{attrs}>{e(full)}</DisplayTitleText>\n")
    for i, (code, t, sub) in enumerate(variants):
        attrs = f' LanguageAndScriptCode="{code}"' + (' IsDefault="true"' if i == 0 and len(variants) > 1 else "")
        s = f'{ind}  <SubTitle SubTitleType="Version">{e(sub)}</SubTitle>\n' if sub else ""
        out.append(f"{ind}<DisplayTitle{attrs}>\n{ind}  <TitleText>{e(t)}</TitleText>\n{s}{ind}</DisplayTitle>\n")
    return "".join(out)


def artist_name_xml(artist, name, ind):
    if artist["latin"]:
        return (f'{ind}<DisplayArtistName LanguageAndScriptCode="{artist["code"]}" IsDefault="true">{e(name)}</DisplayArtistName>\n'
                f'{ind}<DisplayArtistName LanguageAndScriptCode="{artist["lcode"]}">{e(artist["latin"])}</DisplayArtistName>\n')
    return f"{ind}<DisplayArtistName>{e(name)}</DisplayArtistName>\n"


def party_xml(ref, names, ids):
    """names: [(code or None, text)], ids: [(tag, value, attrs)]"""
    s = f"    <Party>\n      <PartyReference>{ref}</PartyReference>\n"
    for code, t in names:
        a = f' LanguageAndScriptCode="{code}"' if code else ""
        s += f"      <PartyName{a}>\n        <FullName>{e(t)}</FullName>\n      </PartyName>\n"
    if ids:
        s += "      <PartyId>\n" + "".join(f"        <{t}{a}>{e(v)}</{t}>\n" for t, v, a in ids) + "      </PartyId>\n"
    return s + "    </Party>\n"


def album(w, rnd, idx, sender_dpid, opts, plant=None, artist=None, label_name=None, artist_name=None,
          forced_isrc=None):
    """One album -> (parties, sound recordings, images, [release], track releases, deals, info),
    each a list of XML fragments. `plant` is one PROBLEMS kind or None.
    label_name / artist_name override the canonical spelling (catalogue variants)."""
    nfd_rate = opts["nfd_rate"]
    info = {"nfd_titles": 0, "nfd_names": 0, "isrcs": [], "title": None}
    p = str(idx)
    artist = artist or rnd.choice(w.artists)
    label = artist["label"]
    a_name = artist_name or artist["name"]
    if opts["nfd_names"] and artist_name is None:
        a_name, changed = nfd_sometimes(rnd, a_name)
        info["nfd_names"] += changed
    l_name = label_name or label["name"]
    year = rnd.randint(1965, 2025)
    sym = label["symbol"]
    a_ref, l_ref = f"P{p}A", f"P{p}L"

    # ---- parties
    P = []
    names = [(artist.get("code"), a_name)] + ([(artist["lcode"], artist["latin"])] if artist["latin"] else [])
    ids = []
    if artist["isni"]:
        isni = artist["isni"]
        if plant == "isni-spaces":
            isni = " ".join(isni[i:i + 4] for i in range(0, 16, 4))
            info["where"] = isni
        ids.append(("ISNI", isni, ""))
    elif plant == "isni-spaces":
        plant = None                                                 # nothing to plant on
    P.append(party_xml(a_ref, names, ids))
    lab_ids = []
    if label["dpid"]:
        d = label["dpid"]
        if plant == "dpid-check-char":
            d = d[:-1] + ALNUM[(ALNUM.index(d[-1]) + 1 + rnd.randint(0, 34)) % 36]
            info["where"] = d
        lab_ids.append(("DPID", d, ""))
    elif plant == "dpid-check-char":
        plant = None
    if label["propid"]:
        lab_ids.append(("ProprietaryId", label["propid"], f' Namespace="{sender_dpid}"'))
    disp_label = l_name
    if plant == "label-pline-in-name":
        disp_label = f"{sym} {year} {l_name}"
    elif plant == "label-distributor":
        disp_label = rnd.choice(DISTRIBUTORS)
    elif plant == "label-legal-suffix":
        disp_label = l_name + rnd.choice([" Ltd", " GmbH", " AB", " S.A.", " Sp. z o.o."])
    if plant in ("label-pline-in-name", "label-distributor", "label-legal-suffix"):
        info["where"] = disp_label
    if plant == "label-no-name":
        if not lab_ids:
            lab_ids = [("ProprietaryId", f"LBL-{idx}", f' Namespace="{sender_dpid}"')]
        P.append(party_xml(l_ref, [], lab_ids))
    elif plant == "label-dangling-ref":
        pass                                                         # the label party is missing
    else:
        lcode = "el" if label["lang"] == "el" else ("ru-Cyrl" if label["lang"] == "ru" else None)
        P.append(party_xml(l_ref, [(lcode, disp_label)], lab_ids))
    label_ref_value = f"P{p}LX" if plant == "label-dangling-ref" else l_ref
    if plant in ("label-dangling-ref", "label-no-name"):
        info["where"] = label_ref_value
    contrib = rnd.sample(w.contributors, rnd.randint(2, 4))
    c_refs = []
    for c, ca in enumerate(contrib):
        ref = f"P{p}C{c}"
        c_refs.append(ref)
        cn = ca["name"]
        if opts["nfd_names"]:
            cn, changed = nfd_sometimes(rnd, cn)
            info["nfd_names"] += changed
        P.append(party_xml(ref, [(None, cn)], [("ISNI", ca["isni"], "")] if ca["isni"] else []))

    # ---- resources
    R = []
    ntracks = rnd.randint(*opts["tracks"])
    if plant == "isrc-duplicate":
        ntracks = max(ntracks, 2)
    total = 0
    items = []
    used_c = set()
    track_isrcs = []
    for t in range(ntracks):
        rref = f"A{p}_{t + 1}"
        variants, nfd = title(rnd, nfd_rate)
        info["nfd_titles"] += nfd
        secs = rnd.randint(95, 420)
        total += secs
        isrc = w.isrc(label, year)
        if forced_isrc and t == 0:
            isrc = forced_isrc
        track_isrcs.append(isrc)
        shown = isrc
        if plant == "isrc-hyphens" and t == ntracks - 1:
            shown = f"{isrc[:2]}-{isrc[2:5]}-{isrc[5:7]}-{isrc[7:]}"
            info["where"] = shown
        if plant == "isrc-duplicate" and t == ntracks - 1 and t > 0:
            shown = track_isrcs[0]
            track_isrcs[-1] = shown
            info["where"] = shown
        if t == 0:
            info["first_title"] = variants[0][1]
        n_c = rnd.randint(1, len(c_refs))
        chosen = rnd.sample(range(len(c_refs)), n_c)
        if t == ntracks - 1:
            chosen = sorted(set(chosen) | (set(range(len(c_refs))) - used_c))   # every contributor is used
        used_c.update(chosen)
        contribs = "".join(f"""      <Contributor SequenceNumber="{i + 1}">
        <ContributorPartyReference>{c_refs[ci]}</ContributorPartyReference>
        <Role>{rnd.choice(ROLES)}</Role>
      </Contributor>
""" for i, ci in enumerate(chosen))
        R.append(f"""    <SoundRecording>
      <ResourceReference>{rref}</ResourceReference>
      <Type>MusicalWorkSoundRecording</Type>
      <SoundRecordingEdition>
        <ResourceId>
          <ISRC>{shown}</ISRC>
        </ResourceId>
        <PLine>
          <Year>{year}</Year>
          <PLineCompany>{e(l_name)}</PLineCompany>
          <PLineText>{sym} {year} {e(l_name)}</PLineText>
        </PLine>
        <TechnicalDetails>
          <TechnicalResourceDetailsReference>T{p}_{t + 1}</TechnicalResourceDetailsReference>
          <DeliveryFile>
            <Type>AudioFile</Type>
            <AudioCodecType>FLAC</AudioCodecType>
            <SamplingRate UnitOfMeasure="kHz">96</SamplingRate>
            <BitsPerSample>24</BitsPerSample>
            <File>
              <URI>resources/{rref}.flac</URI>
              <HashSum>
                <Algorithm>MD5</Algorithm>
                <HashSumValue>{rnd.getrandbits(128):032x}</HashSumValue>
              </HashSum>
            </File>
          </DeliveryFile>
        </TechnicalDetails>
      </SoundRecordingEdition>
{title_xml(variants, "      ")}{artist_name_xml(artist, a_name, "      ")}      <DisplayArtist SequenceNumber="1">
        <ArtistPartyReference>{a_ref}</ArtistPartyReference>
        <DisplayArtistRole>MainArtist</DisplayArtistRole>
      </DisplayArtist>
{contribs}      <Duration>PT{secs // 60}M{secs % 60}S</Duration>
      <CreationDate IsApproximate="true">{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}</CreationDate>
      <ParentalWarningType>{rnd.choice(["NotExplicit", "NotExplicit", "Explicit", "NoAdviceAvailable"])}</ParentalWarningType>
      <LanguageOfPerformance>{variants[0][0].split("-")[0]}</LanguageOfPerformance>
    </SoundRecording>
""")
        items.append(f"""        <ResourceGroupContentItem>
          <SequenceNumber>{t + 1}</SequenceNumber>
          <ReleaseResourceReference>{rref}</ReleaseResourceReference>
        </ResourceGroupContentItem>
""")
    info["isrcs"] = track_isrcs
    icpn = w.icpn(label)
    if plant == "icpn-check-digit":
        icpn = icpn[:-1] + str((int(icpn[-1]) + rnd.randint(1, 9)) % 10)
        info["where"] = icpn
    img = f"A{p}_img"
    I = [f"""    <Image>
      <ResourceReference>{img}</ResourceReference>
      <Type>FrontCoverImage</Type>
      <ResourceId>
        <ProprietaryId Namespace="{sender_dpid}">PACKSHOT:{icpn}</ProprietaryId>
      </ResourceId>
      <ParentalWarningType>NotExplicit</ParentalWarningType>
      <TechnicalDetails>
        <TechnicalResourceDetailsReference>T{p}_img</TechnicalResourceDetailsReference>
        <File>
          <URI>resources/{icpn}.jpg</URI>
        </File>
      </TechnicalDetails>
    </Image>
"""]

    # ---- releases
    variants, nfd = title(rnd, nfd_rate)
    info["nfd_titles"] += nfd
    info["title"] = variants[0][1]
    relref = f"R{p}"
    rtype = "Single" if ntracks <= 2 else ("EP" if ntracks <= 5 else "Album")
    Rel = f"""    <Release>
      <ReleaseReference>{relref}</ReleaseReference>
      <ReleaseType>{rtype}</ReleaseType>
      <ReleaseId>
        <ICPN>{icpn}</ICPN>
      </ReleaseId>
{title_xml(variants, "      ")}{artist_name_xml(artist, a_name, "      ")}      <DisplayArtist SequenceNumber="1">
        <ArtistPartyReference>{a_ref}</ArtistPartyReference>
        <DisplayArtistRole>MainArtist</DisplayArtistRole>
      </DisplayArtist>
      <ReleaseLabelReference ApplicableTerritoryCode="Worldwide">{label_ref_value}</ReleaseLabelReference>
      <PLine>
        <Year>{year}</Year>
        <PLineCompany>{e(l_name)}</PLineCompany>
        <PLineText>{sym} {year} {e(l_name)}</PLineText>
      </PLine>
      <CLine>
        <Year>{year}</Year>
        <CLineCompany>{e(l_name)}</CLineCompany>
        <CLineText>{"(C)" if sym == "(P)" else "©"} {year} {e(l_name)}</CLineText>
      </CLine>
      <Duration>PT{total // 60}M{total % 60}S</Duration>
      <Genre>
        <GenreText>{e(rnd.choice(GENRES))}</GenreText>
      </Genre>
      <ReleaseDate>{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}</ReleaseDate>
      <ParentalWarningType>NotExplicit</ParentalWarningType>
      <ResourceGroup>
        <SequenceNumber>1</SequenceNumber>
{"".join(items)}        <LinkedReleaseResourceReference>{img}</LinkedReleaseResourceReference>
      </ResourceGroup>
    </Release>
"""
    TR = []
    rel_refs = [relref]
    for t in range(ntracks):
        tref = f"R{p}_{t + 1}"
        rel_refs.append(tref)
        TR.append(f"""    <TrackRelease>
      <ReleaseReference>{tref}</ReleaseReference>
      <ReleaseId>
        <ProprietaryId Namespace="{sender_dpid}">{icpn}_{track_isrcs[t]}</ProprietaryId>
      </ReleaseId>
      <ReleaseResourceReference>A{p}_{t + 1}</ReleaseResourceReference>
      <ReleaseLabelReference ApplicableTerritoryCode="Worldwide">{label_ref_value}</ReleaseLabelReference>
      <Genre>
        <GenreText>{e(rnd.choice(GENRES))}</GenreText>
      </Genre>
    </TrackRelease>
""")

    # ---- deals
    terrs = ["Worldwide"] if rnd.random() < 0.5 else rnd.sample(TERR[1:], rnd.randint(1, 4))
    start = f"{year if year > 2005 else rnd.randint(2005, 2025)}-01-01"
    models = rnd.sample([("PayAsYouGoModel", "PermanentDownload"), ("SubscriptionModel", "OnDemandStream"),
                         ("AdvertisementSupportedModel", "OnDemandStream")], rnd.randint(1, 3))
    deals = "".join(f"""      <Deal>
        <DealTerms>
{"".join(f"          <TerritoryCode>{t}</TerritoryCode>{chr(10)}" for t in terrs)}          <ValidityPeriod>
            <StartDate>{start}</StartDate>
          </ValidityPeriod>
          <CommercialModelType>{m}</CommercialModelType>
          <UseType>{u}</UseType>
        </DealTerms>
      </Deal>
""" for m, u in models)
    D = [f"""    <ReleaseDeal>
{"".join(f"      <DealReleaseReference>{r}</DealReleaseReference>{chr(10)}" for r in rel_refs)}{deals}    </ReleaseDeal>
"""]
    info["plant"] = plant
    info["release"] = relref
    info["label"] = disp_label
    info["artist"] = a_name
    return P, R, I, [Rel], TR, D, info


def header(rnd, w, msg_id):
    sname, sdpid = w.senders[msg_id % len(w.senders)]
    rname, rdpid = w.recipient
    return sdpid, f"""<?xml version="1.0" encoding="UTF-8"?>
<ern:NewReleaseMessage xmlns:ern="{NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="{NS} http://ddex.net/xml/ern/43/release-notification.xsd" ReleaseProfileVersionId="Audio" LanguageAndScriptCode="en" AvsVersionId="3">
  <MessageHeader>
    <MessageThreadId>T{msg_id:010d}</MessageThreadId>
    <MessageId>M{msg_id:010d}</MessageId>
    <MessageSender>
      <PartyId>{sdpid}</PartyId>
      <PartyName>
        <FullName>{e(sname)}</FullName>
      </PartyName>
    </MessageSender>
    <MessageRecipient>
      <PartyId>{rdpid}</PartyId>
      <PartyName>
        <FullName>{e(rname)}</FullName>
      </PartyName>
    </MessageRecipient>
    <MessageCreatedDateTime>2024-05-{rnd.randint(1, 28):02d}T12:{rnd.randint(0, 59):02d}:00+00:00</MessageCreatedDateTime>
    <MessageControlType>LiveMessage</MessageControlType>
  </MessageHeader>
"""


def one_file(path, w, rnd, msg_id, opts, **kw):
    sdpid, head = header(rnd, w, msg_id)
    P, R, I, Rel, TR, D, info = album(w, rnd, msg_id, sdpid, opts, **kw)
    s = (head + "  <PartyList>\n" + "".join(P) + "  </PartyList>\n  <ResourceList>\n" + "".join(R) + "".join(I)
         + "  </ResourceList>\n  <ReleaseList>\n" + "".join(Rel) + "".join(TR) + "  </ReleaseList>\n  <DealList>\n"
         + "".join(D) + "  </DealList>\n</ern:NewReleaseMessage>\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write(s)
    return info, len(s.encode("utf-8"))


def pick_plant(rnd, rate):
    return rnd.choice(PROBLEMS) if rnd.random() < rate else None


# ---------------------------------------------------------------- modes
def gen_small(out, count, seed, bad_rate):
    os.makedirs(out, exist_ok=True)
    w = World(seed)
    opts = {"nfd_rate": 0.03, "nfd_names": True, "tracks": (3, 10)}
    planted = {k: [] for k in PROBLEMS}
    nfd_t = nfd_n = total = 0
    for i in range(count):
        rnd = random.Random(f"small:{seed}:{i}")
        name = "ern_%06d.xml" % i
        info, n = one_file(os.path.join(out, name), w, rnd, i, opts, plant=pick_plant(rnd, bad_rate))
        total += n
        nfd_t += info["nfd_titles"]
        nfd_n += info["nfd_names"]
        if info["plant"]:
            planted[info["plant"]].append({"file": name, "release": info["release"], "value": info.get("where")})
    manifest = {"mode": "small", "seed": seed, "files": count, "bytes": total, "bad_rate": bad_rate,
                "expected_rules": PROBLEM_RULES, "planted": planted,
                "nfd_titles": nfd_t, "nfd_names": nfd_n,
                "note": "each planted entry should give at least one finding of expected_rules[kind] in that file; "
                        "nfd_* count decomposed texts (unicode-not-nfc), each written in a DisplayTitleText + "
                        "DisplayTitle/TitleText pair (titles) or in PartyName + DisplayArtistName (names)"}
    with open(os.path.join(out, "planted.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
    print(f"small: {count} files, {total} bytes ({total / 1e6:.1f} MB), "
          f"{sum(len(v) for v in planted.values())} planted problems -> {out}/planted.json")


def gen_big(out, size_mb, seed, bad_rate):
    w = World(seed)
    rnd = random.Random(f"big:{seed}")
    opts = {"nfd_rate": 0.03, "nfd_names": True, "tracks": (3, 10)}
    target = int(size_mb * 1e6)
    d = os.path.dirname(os.path.abspath(out))
    os.makedirs(d, exist_ok=True)
    sdpid, head = header(rnd, w, 1)
    # sections in XSD order, each streamed to a temporary file and concatenated at the end
    sections = [("PartyList", "  <PartyList>\n"), (None, "  </PartyList>\n  <ResourceList>\n"), (None, ""),
                ("ReleaseList", "  </ResourceList>\n  <ReleaseList>\n"), (None, ""),
                ("DealList", "  </ReleaseList>\n  <DealList>\n")]
    tmps = [tempfile.TemporaryFile("w+", encoding="utf-8", dir=d) for _ in sections]
    size = len(head.encode()) + 200
    planted = {k: [] for k in PROBLEMS}
    nfd_t = nfd_n = 0
    n = 0
    while size < target:
        arnd = random.Random(f"big:{seed}:{n}")
        parts = album(w, arnd, n, sdpid, opts, plant=pick_plant(arnd, bad_rate))
        info = parts[-1]
        for tf, frag in zip(tmps, parts[:-1]):
            s = "".join(frag)
            tf.write(s)
            size += len(s.encode("utf-8"))
        nfd_t += info["nfd_titles"]
        nfd_n += info["nfd_names"]
        if info["plant"]:
            planted[info["plant"]].append({"release": info["release"], "value": info.get("where")})
        n += 1
    with open(out, "w", encoding="utf-8") as f:
        f.write(head)
        for (_, opening), tf in zip(sections, tmps):
            f.write(opening)
            tf.seek(0)
            shutil.copyfileobj(tf, f, 1 << 20)
            tf.close()
        f.write("  </DealList>\n</ern:NewReleaseMessage>\n")
    real = os.path.getsize(out)
    manifest = {"mode": "big", "seed": seed, "file": os.path.basename(out), "bytes": real, "albums": n,
                "bad_rate": bad_rate, "expected_rules": PROBLEM_RULES, "planted": planted,
                "nfd_titles": nfd_t, "nfd_names": nfd_n}
    with open(out + ".planted.json", "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
    print(f"big: {n} albums, {real} bytes ({real / 1e6:.1f} MB), "
          f"{sum(len(v) for v in planted.values())} planted problems -> {out}")


def gen_catalogue(out, count, seed, bad_rate, variants_per_type=2, budget=12, isrc_conflicts=5):
    """A label group's catalogue: the same labels and artists across COUNT files, always spelled
    the same, except a few planted variants (recorded in DIR/planted.json)."""
    os.makedirs(out, exist_ok=True)
    w = World(seed)
    prnd = random.Random(f"catalogue-plan:{seed}")
    opts = {"nfd_rate": 0.03, "nfd_names": False, "tracks": (1, 6)}
    label_use = {}
    for a in w.artists:
        label_use[a["label"]["name"]] = label_use.get(a["label"]["name"], 0) + 1
    used_labels = [lb for lb in w.labels if label_use.get(lb["name"])]

    # --- choose the planted variants
    variants = []
    chosen = set()

    def add(kind, target, variant, vtype, expected):
        chosen.add(target if kind == "artist" else ("L", target))
        variants.append({"kind": kind, "canonical": target, "variant": variant, "type": vtype,
                         "expected_rule": expected, "files": []})

    def pick_labels(pred, k):
        cands = [lb for lb in used_labels if pred(lb) and ("L", lb["name"]) not in chosen]
        return prnd.sample(cands, min(k, len(cands)))

    for lb in pick_labels(lambda lb: True, variants_per_type):
        add("label", lb["name"], lb["name"].upper(), "case", "label-name-variant")
    for lb in pick_labels(lambda lb: True, variants_per_type):
        add("label", lb["name"], lb["name"] + " Ltd", "ltd-suffix", "label-name-variant")
    for lb in pick_labels(lambda lb: lb["name"].endswith(" Records"), variants_per_type):
        add("label", lb["name"], lb["name"][:-len("Records")] + "Recordings", "records-recordings", "label-name-variant")
    for lb in pick_labels(lambda lb: strip_marks(lb["name"]) != lb["name"], variants_per_type):
        add("label", lb["name"], strip_marks(lb["name"]), "diacritics-stripped", "label-name-variant")
    lat = [a for a in w.artists if a["latin"] is None]
    for a in prnd.sample([a for a in lat if a["name"] not in chosen], variants_per_type):
        add("artist", a["name"], a["name"].upper(), "case", "artist-name-variant")
    for a in prnd.sample([a for a in lat if strip_marks(a["name"]) != a["name"] and a["name"] not in chosen],
                         variants_per_type):
        add("artist", a["name"], strip_marks(a["name"]), "diacritics-stripped", "artist-name-variant")
    by_label = {v["canonical"]: v for v in variants if v["kind"] == "label"}
    by_artist = {v["canonical"]: v for v in variants if v["kind"] == "artist"}
    for v in variants:
        if v["kind"] == "label":
            lb = next(x for x in w.labels if x["name"] == v["canonical"])
            v["party_id"] = lb["dpid"]
            v["registry_alias"] = v["type"] == "ltd-suffix"
        else:
            a = next(x for x in w.artists if x["name"] == v["canonical"])
            v["party_id"] = a["isni"]
        if v["party_id"]:
            v["also"] = ["id-party-conflict"]       # same DPID/ISNI under two names across files
    # probability to apply a variant when its label/artist comes up: aim at `budget` files each
    n_art = len(w.artists)
    # (at most half of the uses, so that the canonical spelling stays the most frequent one)
    p_artist = min(0.5, budget / max(1.0, count / n_art))
    p_label = {v["canonical"]: min(0.5, budget / max(1.0, count * label_use[v["canonical"]] / n_art))
               for v in variants if v["kind"] == "label"}

    conflicts = []
    # ISRC conflicts: the first track of file dst reuses the first ISRC of file src (another title)
    pairs = [(k * 7 + 3, count - 1 - k * 11) for k in range(isrc_conflicts)] if count >= 200 else []
    src_of = {s: None for s, _ in pairs}
    dst_of = {d: s for s, d in pairs}
    total = 0
    shard = count > 2000
    for i in range(count):
        rnd = random.Random(f"catalogue:{seed}:{i}")
        artist = rnd.choice(w.artists)
        label_name = artist_name = None
        lv = by_label.get(artist["label"]["name"])
        if lv and len(lv["files"]) < budget and rnd.random() < p_label[lv["canonical"]]:
            label_name = lv["variant"]
        av = by_artist.get(artist["name"])
        if av and len(av["files"]) < budget and rnd.random() < p_artist:
            artist_name = av["variant"]
        forced = src_of[dst_of[i]]["isrc"] if i in dst_of else None
        sub = "%03d" % (i // 1000) if shard else ""
        d = os.path.join(out, sub)
        if sub and i % 1000 == 0:
            os.makedirs(d, exist_ok=True)
        name = os.path.join(sub, "cat_%06d.xml" % i) if sub else "cat_%06d.xml" % i
        info, n = one_file(os.path.join(out, name), w, rnd, i, opts, plant=pick_plant(rnd, bad_rate),
                           artist=artist, label_name=label_name, artist_name=artist_name, forced_isrc=forced)
        total += n
        if label_name:
            lv["files"].append(name)
        if artist_name:
            av["files"].append(name)
        if i in src_of:
            src_of[i] = {"isrc": info["isrcs"][0], "file": name, "title": info["first_title"]}
        if forced:
            src = src_of[dst_of[i]]
            conflicts.append({"isrc": forced, "files": [src["file"], name],
                              "titles": [src["title"], info["first_title"]], "expected_rule": "id-isrc-conflict"})
    manifest = {"mode": "catalogue", "seed": seed, "files": count, "bytes": total,
                "variants": variants, "isrc_conflicts": conflicts,
                "note": "label/artist names are spelled canonically everywhere except in the files listed "
                        "under each variant; with --labels DIR/labels.toml the ltd-suffix variants are "
                        "registered aliases (label-registry-alias)"}
    with open(os.path.join(out, "planted.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
    with open(os.path.join(out, "labels.toml"), "w", encoding="utf-8") as f:
        f.write("# label registry of the generated catalogue (bench/gen_ern.py --catalogue)\n")
        for lb in w.labels:
            f.write(f'\n[[label]]\nname = "{lb["name"]}"\n')
            al = [v["variant"] for v in variants if v["kind"] == "label" and v["canonical"] == lb["name"]
                  and v["registry_alias"]]
            if al:
                f.write("aliases = [" + ", ".join(f'"{a}"' for a in al) + "]\n")
            if lb["dpid"]:
                f.write(f'dpid = "{lb["dpid"]}"\n')
    nv = sum(len(v["files"]) for v in variants)
    print(f"catalogue: {count} files, {total} bytes ({total / 1e6:.1f} MB), {len(variants)} variants "
          f"in {nv} files, {len(conflicts)} ISRC conflicts -> {out}/planted.json, {out}/labels.toml")



def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--big", metavar="OUT")
    g.add_argument("--small", metavar="DIR")
    g.add_argument("--catalogue", metavar="DIR")
    ap.add_argument("--size-mb", type=float, default=200)
    ap.add_argument("--count", type=int)
    ap.add_argument("--seed", type=int, default=4242)
    ap.add_argument("--bad-rate", type=float)
    ap.add_argument("--variants-per-type", type=int, default=2, help="catalogue: planted variants per type")
    ap.add_argument("--variant-files", type=int, default=12, help="catalogue: at most this many files per variant")
    a = ap.parse_args()
    if a.big:
        gen_big(a.big, a.size_mb, a.seed, 0.03 if a.bad_rate is None else a.bad_rate)
    elif a.small:
        gen_small(a.small, a.count or 10000, a.seed, 0.03 if a.bad_rate is None else a.bad_rate)
    else:
        gen_catalogue(a.catalogue, a.count or 100000, a.seed, 0.0 if a.bad_rate is None else a.bad_rate,
                      a.variants_per_type, a.variant_files)


if __name__ == "__main__":
    main()
