#!/usr/bin/env python3
"""Generate the spec cases whose input is not plain UTF-8 text.

    python3 tests/spec/gen_encoded.py

Writes input + expected files for: gzip-input, charset-windows1252-undeclared,
charset-shift-jis-meta, charset-utf16-bom, utf8-bom-wins, empty-file,
binary-garbage. The article texts below are the source of truth: the
expected.txt of each case is exactly its paragraphs, blank-line separated.
Output is deterministic (fixed gzip mtime, seeded random bytes), so running it
again leaves git clean. Review the diff before committing a change here.
"""
import codecs
import gzip
import io
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def page(title, paras, head_extra="", lang="en"):
    body = "\n".join("<p>%s</p>" % p for p in paras)
    return ("<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n%s<title>%s</title>\n</head>\n<body>\n"
            "<article>\n<h1>%s</h1>\n%s\n</article>\n</body>\n</html>\n"
            % (lang, head_extra, title, title, body))


def write(case, name, data):
    d = os.path.join(HERE, case)
    os.makedirs(d, exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(os.path.join(d, name), mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as f:
        f.write(data)


def expected(case, paras):
    write(case, "expected.txt", "\n\n".join(paras) + "\n")


# ---- gzip ---------------------------------------------------------------
GZ_PARAS = [
    "The harbour authority has approved a plan to replace the old wooden pier with a floating "
    "pontoon that rises and falls with the tide, ending decades of awkward climbs at low water.",
    "Work is due to begin after the summer sailing season and should take about four months. "
    "The ferry to the islands will use the fishing quay in the meantime.",
    "Fishermen asked for the new pontoon to include a crane for unloading catches, and the "
    "authority said it would study the request before the final design is agreed.",
]
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="") as gz:
    gz.write(page("A floating pier for the harbour", GZ_PARAS, '<meta charset="utf-8">\n').encode("utf-8"))
write("gzip-input", "input.html.gz", buf.getvalue())
expected("gzip-input", GZ_PARAS)

# ---- windows-1252, no declaration anywhere ------------------------------
CP_PARAS = [
    "The café on Rue Martel reopened on Monday after a winter of repairs, and by nine o’clock "
    "the queue for croissants already reached the corner.",
    "“We didn’t expect so many people,” said the owner, Hélène Durand, who has run the place "
    "for twenty-two years. “Some of them came back just to see the new ceiling.”",
    "Prices went up a little — a coffee now costs €2.40 — but regulars said the naïve mural "
    "on the back wall, restored by a local artist, was worth the wait.",
]
write("charset-windows1252-undeclared", "input.html",
      page("A café reopens on Rue Martel", CP_PARAS).encode("windows-1252"))
expected("charset-windows1252-undeclared", CP_PARAS)

# ---- Shift_JIS, declared with <meta charset> -----------------------------
SJ_PARAS = [
    "市立図書館は四月から、工具の貸し出しを始めると発表した。電動ドリルやはしご、ミシンなど約百点を用意し、"
    "利用者は一週間まで借りることができる。",
    "図書館によると、昨年秋の利用者アンケートで「一度しか使わない道具を買ってしまった」という声が多く寄せられた。",
    "貸し出しには図書館カードが必要で、返却された道具はボランティアが一点ずつ点検する。",
]
write("charset-shift-jis-meta", "input.html",
      page("図書館で工具の貸し出し", SJ_PARAS, '<meta charset="Shift_JIS">\n', "ja").encode("shift_jis"))
expected("charset-shift-jis-meta", SJ_PARAS)

# ---- UTF-16LE with a BOM, no declaration --------------------------------
U16_PARAS = [
    "Olive growers on the island of Kéa say this year’s harvest is the best in a decade, after "
    "a wet spring and a mild, dry autumn.",
    "At the cooperative press in Ioulida, signs in Greek read «Ελαιόλαδο — παραγωγή 2023», and "
    "the machines run late into the evening.",
    "The cooperative expects to bottle about forty tonnes of oil, twice last year’s amount.",
]
write("charset-utf16-bom", "input.html",
      codecs.BOM_UTF16_LE + page("A record olive harvest on Kéa", U16_PARAS).encode("utf-16-le"))
expected("charset-utf16-bom", U16_PARAS)

# ---- UTF-8 BOM beats a wrong <meta charset> -----------------------------
BOM_PARAS = [
    "The byte order mark at the start of this file says UTF-8, and the HTML standard lets it win "
    "over the windows-1252 declared in the meta element below it.",
    "So the words naïve, Zürich and São Paulo must come out intact, and no stray U+FEFF may "
    "appear at the start of the text.",
]
write("utf8-bom-wins", "input.html",
      codecs.BOM_UTF8 + page("A byte order mark wins", BOM_PARAS,
                             '<meta charset="windows-1252">\n').encode("utf-8"))
expected("utf8-bom-wins", BOM_PARAS)

# ---- empty file: an error record ----------------------------------------
write("empty-file", "input.html", b"")
write("empty-file", "expected.json", json.dumps({"error": True}) + "\n")

# ---- binary garbage: valid UTF-8 article or an error record -------------
rng = random.Random(20240314)
garbage = bytes(rng.randrange(256) for _ in range(8192))
write("binary-garbage", "input.html", garbage)
write("binary-garbage", "expect", "ok-or-error\n")
