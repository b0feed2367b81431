#!/usr/bin/env python3
"""Field-side analysis of copydesk on L3S-GN1 (docs/news-fields-analysis.md).

    build/copydesk --json --explain -q --ordered ../shared/data/l3s-gn1/html > /tmp/l3s.jsonl
    tools/l3s_fields.py /tmp/l3s.jsonl [--data ../shared/data/l3s-gn1] [--examples N]

Reads our JSON records and the gold (ground-truth/UUID.json) and prints:
  titles   -- every headline miss (title != gold after score.py's
              normalisation) sorted into kinds, and what two candidate rules
              would do (pages fixed / broken);
  credit   -- pages whose gold shows a wire/source attribution, by kind, and
              how many have no `credit`;
  dateline -- pages whose gold body opens with a dateline, by form, and how
              many have no `dateline` (and why: not at the start of our text);
  authors  -- author values by where they come from (byline, comment, a
              site-wide meta author, a desk or job title);
  dates    -- our date_published against the date line of the gold's
              supplemental text (agreeing, later = masthead/crawl date,
              numeric and ambiguous);
  supplemental -- gold supplemental lines (bylines, dates, credits,
              captions) still in our text, by kind.
The kinds come from regular expressions over the gold text; docs/
news-fields-analysis.md gives hand-checked samples of each. Standard library
only; about 20 s.
"""
import argparse
import collections
import datetime
import gzip
import html.parser
import json
import os
import re
import sys
import unicodedata

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORD = re.compile(r"\w+")
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                        "\u2013": "-", "\u2014": "-", "\u00a0": " "})

# Hand-checked: pages whose gold headline is not the page's headline (a
# sentence of the body, a byline or date glued on, a promo box, a deck). Used
# only to report them apart; they stay in score.py's denominator.
GOLD_NOT_HEADLINE = {
    "6150b773": "gold is the first body sentence",
    "a96b194d": "gold is the dateline-less first sentence",
    "5ee66caf": "byline glued to the headline ('disappearby Paola Messana')",
    "ec407a8c": "byline glued to the headline ('govtby Boonradom Chitradon')",
    "3dc6f702": "date glued to the headline ('@ Tuesday 15 January, 06:55 GMT')",
    "89329982": "a promo h1 ('NEXT RACE - 16th March') labelled as headline",
    "716e8d79": "a kicker under the headline ('Welcome to The Club.')",
    "35778215": "the film's name, not the page's h1 'Fun returns'",
    "c61a5b06": "the sub-head, not the headline",
}
# Hand-checked: pages whose <title> words the headline differently from the
# visible headline (the gold follows the visible one).
TITLE_REWORDED = {"1b3baca6", "693d6d1c", "6f9799e1", "91ddef71", "ab4e0f91", "1db34a39", "32221fe9",
                  "5bdc9783"}

AG = (r"(?:AP|The Associated Press|Associated Press|Reuters|AFP|Agence France[- ]Presse|The Canadian Press|"
      r"Canadian Press|CP|PTI|IANS|ANI|UNI|AAP|UPI|Xinhua|Bloomberg(?: News)?|dpa|DPA|Press Association|PA|"
      r"PA Sport|Kyodo|WENN|World Entertainment News Network|Sapa|SAPA|NZPA|CNN|Dow Jones|AP-Dow Jones|"
      r"Thomson Financial|Business Wire|PR Newswire|Marketwire|CNW|KUNA|WAM|IRNA|Itar-Tass|ITAR-TASS|"
      r"RIA Novosti|Interfax|Yonhap|EFE|ANSA|ITN|China Daily/Agencies|Agencies|agencies|BERNAMA|Bernama|APP|"
      r"NNA|TNN|RTT(?:News)?)")
AGR = re.compile(r"\b" + AG + r"\b")
MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
RE_DATELINE = re.compile(
    r"^\s*(?P<place>(?:[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+)*|[A-Z][a-z.'\-]+(?: [A-Z][a-z.'\-]+)*)"
    r"(?:,\s*[A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+)*){0,2}"
    r"(?:,?\s*" + MONTHS + r"[a-zA-Z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)?)\s*"
    r"(?P<ag>\(\s*" + AG + r"(?:/[A-Za-z ]+)?\s*\)|\[\s*" + AG + r"\s*\])?\s*(?P<dash>--|-|—|–|―|:)\s")


def words(t):
    return WORD.findall((t or "").lower())


def seq(t):
    return " " + " ".join(words(t)) + " "


def norm(s):
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", str(s)).translate(QUOTES).lower()
    return " ".join(s.split()).strip(" .,;:|-")


def key(s):
    return re.sub(r"[\W_]+", "", norm(s))


# ---- the page: head <title>, elements in document order ----------------------------------------

BLOCK = {"p", "div", "td", "th", "li", "h1", "h2", "h3", "h4", "h5", "h6", "span", "font", "b", "strong", "a",
         "center", "dt", "dd", "em", "i", "cite", "u", "title"}
HEADLIKE = re.compile(r"head|title|hdln", re.I)


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_body = False
        self.title = None       # the <title> before <body> (None: no such element)
        self.any_title = False  # a <title> element anywhere
        self._tbuf = None
        self.stack, self.skip, self.els, self.n = [], 0, [], 0

    def handle_starttag(self, t, a):
        a = dict(a)
        if t == "body":
            self.in_body = True
        if t in ("script", "style"):
            self.skip += 1
            return
        if t == "title":
            self.any_title = True
            if self.title is None and not self.in_body:
                self._tbuf = ""
        if t in BLOCK:
            self.n += 1
            self.stack.append([t, (a.get("class") or "") + " " + (a.get("id") or ""), "", self.n])

    def handle_endtag(self, t):
        if t in ("script", "style"):
            if self.skip:
                self.skip -= 1
            return
        if t == "title" and self._tbuf is not None:
            self.title = " ".join(self._tbuf.split())
            self._tbuf = None
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == t:
                el = self.stack.pop(i)
                txt = " ".join(el[2].split())
                if txt and len(txt) < 2000:
                    self.els.append((el[3], el[0], el[1], txt))
                if self.stack:
                    self.stack[-1][2] += " " + el[2]
                break

    def handle_data(self, d):
        if self.skip:
            return
        if self._tbuf is not None:
            self._tbuf += d
        if self.stack:
            self.stack[-1][2] += d


def parse_page(path):
    p = Page()
    try:
        p.feed(gzip.open(path).read().decode("utf-8", "replace"))
        p.close()
    except Exception:  # a damaged page: keep what was parsed
        pass
    p.els.sort()
    return p


SEP = re.compile(r"\s*(?:\|+|::|»|›|>|·|–|—| - | -- |: | : |_English_|\s-\s|-\s)\s*")


def title_parts(t):
    t = re.sub(r"\(from ([^)]*)\)\s*$", r"| \1", t or "")
    return [x for x in (s.strip(" -:|") for s in SEP.split(t)) if x]


def title_runs(t):
    """Every run of consecutive <title> parts, as written."""
    parts, out = title_parts(t), []
    for i in range(len(parts)):
        for j in range(len(parts), i, -1):
            a = t.find(parts[i])
            b = t.find(parts[j - 1], a)
            if a >= 0 and b >= 0:
                out.append(t[a:b + len(parts[j - 1])])
    return out


def longest_confirmed(runs, keys):
    best = None
    for c in runs:
        if key(c) in keys and len(c.split()) >= 2 and (best is None or len(c) > len(best)):
            best = c
    return best


# ---- titles --------------------------------------------------------------------------------------

def title_kind(pid, g, rec, p):
    G, O = key(g["title"]), key(rec.get("title"))
    T = key(p.title)
    gid = pid[:8]
    if gid in GOLD_NOT_HEADLINE:
        return "gold is not the page's headline (annotation)"
    if not O:
        if p.title is not None or p.any_title:
            return ("null: a <title> exists but is read as part of <body> (stray text before <html>, "
                    "or a cut head)")
        return "null: no <title>, no metadata (head lost in the snapshot); headline only in the body"
    if O == G:
        return "the same words; punctuation differs (a '=> ' or quote left)"
    if G in O and G != O:
        return "site part left: " + ("suffix" if O.startswith(G) else "prefix" if O.endswith(G) else "both")
    if O in G and O != G:
        return "gold longer (a column name or kicker in the gold)"
    if gid in TITLE_REWORDED:
        return "<title> words the headline differently from the page (gold = visible)"
    if G in T:
        return "<title> 'Site [| Section] | Headline': the site/section part returned"
    g_head = any(key(x) == G and (t in ("h1", "h2", "h3", "h4") or HEADLIKE.search(c)) for n, t, c, x in p.els)
    return ("<title> (or the h1) names only the site/section; headline only in the body, "
            + ("in an h1-h4 or a *head*/*title* class" if g_head else "in another element (b, font, span, td)"))


def titles(data, recs, examples):
    kinds, ex = collections.Counter(), collections.defaultdict(list)
    sim = collections.Counter()
    n = 0
    for pid, g in gold(data):
        if not g.get("title"):
            continue
        n += 1
        rec = recs[pid]
        ok0 = norm(rec.get("title")) == norm(g["title"])
        p = parse_page(os.path.join(data, "html", pid + ".html.gz"))
        # Rule A: the longest run of <title> parts that a visible element repeats.
        vis = set(key(x) for _, t, _, x in p.els if t != "title")
        head = set(key(x) for _, t, c, x in p.els
                   if (t in ("h1", "h2", "h3", "h4") or HEADLIKE.search(c)) and 2 <= len(x.split()) <= 30)
        runs = title_runs(p.title) if p.title else []
        for name, keys in (("A: <title> part repeated by any visible element", vis),
                           ("A': <title> part repeated by a heading / *head*-class element", head)):
            v = longest_confirmed(runs, keys) or rec.get("title")
            ok = norm(v) == norm(g["title"])
            sim[(name, "fixed" if ok and not ok0 else "broken" if ok0 and not ok else "ok" if ok else "wrong")] += 1
        if ok0:
            continue
        k = title_kind(pid, g, rec, p)
        kinds[k] += 1
        if len(ex[k]) < examples:
            ex[k].append("%s: gold %r, ours %r, <title> %r" % (pid[:8], g["title"][:60], (rec.get("title") or "")[:60],
                                                              (p.title or "")[:80]))
    print("== titles: exact %d/%d (%.1f%%), %d misses" % (n - sum(kinds.values()), n,
                                                          100.0 * (n - sum(kinds.values())) / n, sum(kinds.values())))
    for k, v in kinds.most_common():
        print("%4d  %s" % (v, k))
        for e in ex[k]:
            print("        " + e)
    for name in sorted(set(k[0] for k in sim)):
        c = {k[1]: v for k, v in sim.items() if k[0] == name}
        good = c.get("ok", 0) + c.get("fixed", 0)
        print("  rule %s: exact %d/%d = %.1f%% (fixed %d, broken %d)" % (name, good, n, 100.0 * good / n,
                                                                        c.get("fixed", 0), c.get("broken", 0)))


# ---- supplemental lines ----------------------------------------------------------------------

def line_kind(s):
    s = s.strip()
    n = len(words(s))
    if re.search(r"contributed to this report|contributed reporting|With files from|This (?:news )?(?:article|story) "
                 r"(?:was )?provided by|Article from:|^\(?Source\s*:|Information from:|(?:^|\s)(?:--|—|-)\s*" + AG
                 + r"\s*$", s, re.I):
        return "credit line"
    if re.match(r"^\(?\s*(?:©|\(c\)|Copyright)", s, re.I):
        return "copyright line"
    if re.search(r"\b(?:Photo|Photograph|Photos|Picture|Getty|Image)s?\b\s*[:/]|\b(?:AP|AFP|Reuters|EPA) Photo\b|"
                 r"/(?:AP|AFP|Reuters|Getty Images|EPA)\)?$", s):
        return "photo credit / caption"
    if re.match(r"^\s*(?:By|BY|by)\s+\S", s) and n <= 14:
        return "byline"
    if n <= 4 and AGR.fullmatch(s.strip(" -–—()")):
        return "credit line"
    if re.search(r"\b(?:19|20)\d\d\b|\b\d{1,2}[:.]\d\d\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\bago\b|Updated|Posted|"
                 r"Published|Last Modified", s) and n <= 16:
        return "date line"
    if n >= 12:
        return "caption or other long line"
    return "other short line (labels, names, places)"


def body_dateline(first):
    m = RE_DATELINE.match(first)
    if not m:
        return None
    place = m.group("place")
    if not m.group("ag") and not re.match(r"^[A-Z][A-Z.'\- ]+[A-Z.]$", place.split(",")[0]):
        return None
    if len(place.split()) > 6:
        return None
    return m.group(0).strip()


def wire_evidence(g, kinds):
    paras = (g["body"] or "").split("\n\n")
    first, last = paras[0], paras[-1]
    ev = []
    dl = body_dateline(first)
    if dl and re.search(r"[(\[]", dl):
        ev.append(('dateline "PLACE (AGENCY) -"', dl))
    else:
        m = re.search(r"\((?:" + AG + r")\)", first[:200])
        if m:
            ev.append(("agency in brackets in the first sentence (no dash)", m.group(0)))
    for s in kinds.get("credit line", []) + ([last] if re.search(
            r"contributed to this report|With files from|(?:--|—|-)\s*" + AG + r"\s*$", last) else []):
        if re.search(r"contributed to this report|contributed reporting", s, re.I):
            k = '"… contributed to this report."'
        elif re.search(r"With files from", s, re.I):
            k = '"With files from …"'
        elif re.search(r"^\(?Source\s*:|Information from", s, re.I):
            k = '"Source: …" line'
        elif re.search(r"provided by|Article from", s, re.I):
            k = '"… provided by …" / "Article from: …"'
        elif re.search(r"\w.*(?:--|—|-)\s*" + AG + r"\s*$", s):
            k = 'agency closing the last paragraph ("… - Sapa")'
        else:
            k = "agency name as a line of its own (source label)"
        ev.append((k, s))
    for s in kinds.get("copyright line", []):
        if AGR.search(s):
            ev.append(("copyright line naming an agency", s))
    for s in kinds.get("byline", []):
        if re.search(r"Associated Press|Reuters|AFP|Canadian Press|Bloomberg|\bAP\b|PA Sport|Press Association", s):
            ev.append(('byline naming an agency ("…, Associated Press Writer")', s))
    return ev


def fields(data, recs, examples):
    cred, cred_miss, cred_intext = collections.Counter(), collections.Counter(), collections.Counter()
    cred_ex = collections.defaultdict(list)
    dl_n, dl_miss, dl_ex = collections.Counter(), collections.Counter(), collections.defaultdict(list)
    dl_where = collections.Counter()
    supp_pages, supp_leak_pages, supp_lines, supp_leak_lines = (collections.Counter() for _ in range(4))
    supp_ex = collections.defaultdict(list)
    any_leak = 0
    wire_pages = wire_null = nowire_set = 0
    dl_false = []
    for pid, g in gold(data):
        rec = recs[pid]
        text = rec.get("text") or ""
        tseq, bseq = seq(text), seq(g["body"])
        supp = [s for s in (g.get("supplemental") or "").split("\n\n") if s.strip()]
        kinds = collections.defaultdict(list)
        for s in supp:
            kinds[line_kind(s)].append(s)
        # credit
        ev = wire_evidence(g, kinds)
        if ev:
            wire_pages += 1
            wire_null += not rec.get("credit")
            if not rec.get("credit"):
                cred_intext["evidence line in our text" if any(
                    seq(s) in tseq for k, s in ev if not k.startswith("byline")) else "evidence not in our text"] += 1
        elif rec.get("credit"):
            nowire_set += 1
        for k in sorted(set(k for k, _ in ev)):
            cred[k] += 1
            if not rec.get("credit"):
                cred_miss[k] += 1
                if len(cred_ex[k]) < examples:
                    cred_ex[k].append("%s %r" % (pid[:8], [s for kk, s in ev if kk == k][0][:70]))
        # dateline
        first = (g["body"] or "").split("\n\n")[0]
        dl = body_dateline(first)
        if dl:
            form = (("CAPS" if re.match(r"^[A-Z][A-Z.'\- ]+[A-Z.](?:[ ,(]|$)", dl) else "Mixed-case") + " place"
                    + (", date" if re.search(r"\d", dl) else "") + (" (AGENCY)" if re.search(r"[(\[]", dl) else "")
                    + (" + colon" if dl.endswith(":") else " + dash"))
            dl_n[form] += 1
            if not rec.get("dateline"):
                dl_miss[form] += 1
                if len(dl_ex[form]) < examples:
                    dl_ex[form].append("%s %r" % (pid[:8], dl[:40]))
                i = text.find(dl[:12])
                dl_where["at the very start of our text" if i >= 0 and not text[:i].strip() else
                         "after other blocks (byline, date, kicker …) in our text" if i >= 0 else
                         "not in our text"] += 1
        elif rec.get("dateline"):
            dl_false.append("%s %r" % (pid[:8], rec["dateline"]))
        # supplemental lines left in the text
        leaked_any = False
        for k, v in kinds.items():
            supp_pages[k] += 1
            supp_lines[k] += len(v)
            lk = [s for s in v if len(words(s)) >= 2 and seq(s) in tseq and seq(s) not in bseq]
            if lk:
                leaked_any = True
                supp_leak_pages[k] += 1
                supp_leak_lines[k] += len(lk)
                if len(supp_ex[k]) < examples:
                    supp_ex[k].append("%s %r" % (pid[:8], lk[0][:70]))
        any_leak += leaked_any
    n = len(recs)
    print("== credit: %d pages show a wire/source attribution in the gold; credit null on %d; "
          "credit set on %d other pages" % (wire_pages, wire_null, nowire_set))
    print("   of the misses: %s" % dict(cred_intext))
    for k, v in cred.most_common():
        print("%4d pages, %3d credit null  %s" % (v, cred_miss[k], k))
        for e in cred_ex[k]:
            print("        " + e)
    print("== dateline: %d gold bodies open with a dateline; dateline null on %d" % (sum(dl_n.values()),
                                                                                   sum(dl_miss.values())))
    print("   where the missed dateline is: %s" % dict(dl_where))
    for k, v in dl_n.most_common():
        print("%4d pages, %3d missed  %s" % (v, dl_miss[k], k))
        for e in dl_ex[k]:
            print("        " + e)
    print("   dateline set where the gold body opens with none (%d; many are right, the gold splits them off): %s"
          % (len(dl_false), dl_false[:examples * 3]))
    print("== supplemental lines (captions, bylines, dates, credits) still in our text: %d of %d pages" % (any_leak, n))
    for k in sorted(supp_pages, key=lambda k: -supp_pages[k]):
        print("%4d pages (%4d lines) hold %-42s in our text on %3d pages (%3d lines)" % (
            supp_pages[k], supp_lines[k], k + ";", supp_leak_pages[k], supp_leak_lines[k]))
        for e in supp_ex[k]:
            print("        " + e)


def authors(data, recs, examples):
    C, EX = collections.Counter(), collections.defaultdict(list)
    pages = collections.defaultdict(set)
    for pid, g in gold(data):
        au = recs[pid].get("authors") or []
        supp = (g.get("supplemental") or "").lower()
        body = (g["body"] or "").lower()
        com = (g.get("comments") or "").lower()
        raw = gzip.open(os.path.join(data, "html", pid + ".html.gz")).read().decode("utf-8", "replace")
        meta = re.findall(r"<meta[^>]+name=[\"']?author[\"']?[^>]*content=[\"']([^\"']*)", raw, re.I)
        by = [s for s in (g.get("supplemental") or "").split("\n\n") if re.match(r"^\s*(?:By|BY|by)\s", s)]
        if by and not au:
            C["a 'By …' byline in the gold, authors []"] += 1
            pages["a 'By …' byline in the gold, authors []"].add(pid)
            if len(EX["a 'By …' byline in the gold, authors []"]) < examples:
                EX["a 'By …' byline in the gold, authors []"].append("%s %r" % (pid[:8], by[0][:60]))
        for a in au:
            al = a.lower()
            if any(al in m.lower() for m in meta) and al not in supp and al not in body[:300]:
                k = "a site-wide <meta name=author> (the organisation)"
            elif al in com:
                k = "a reader comment's author"
            elif re.search(r"<br>|photo|editor|writer|correspondent|reporter|staff|press|news|network|tribune|"
                           r"review|sport|ledger|\bap\b|associated", al):
                k = "a job title, desk, agency or paper (alone or glued to the name)"
            elif al in supp or al in body[:400]:
                k = "the byline's name (right)"
            else:
                k = "a name found elsewhere on the page (not checked)"
            C[k] += 1
            pages[k].add(pid)
            if len(EX[k]) < examples:
                EX[k].append("%s %r" % (pid[:8], a))
    print("== authors: values by where they come from")
    for k, v in C.most_common():
        print("%4d values on %3d pages  %s" % (v, len(pages[k]), k))
        for e in EX[k]:
            print("        " + e)


MON = {m: i + 1 for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                        "dec"])}


def find_dates(s):
    out = []
    for m in re.finditer(r"\b(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>[A-Za-z]{3,9})\.?,?\s+"
                         r"(?P<y1>(?:19|20)\d\d)|(?P<m2>[A-Za-z]{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+"
                         r"(?P<y2>(?:19|20)\d\d))\b", s):
        mon = (m.group("m1") or m.group("m2"))[:3].lower()
        if mon in MON:
            try:
                out.append(datetime.date(int(m.group("y1") or m.group("y2")), MON[mon],
                                         int(m.group("d1") or m.group("d2"))))
            except ValueError:
                pass
    for m in re.finditer(r"\b(\d{1,2})([./-])(\d{1,2})\2((?:19|20)?\d\d)\b", s):
        y = int(m.group(4))
        out.append(("num", int(m.group(1)), int(m.group(3)), y + 2000 if y < 100 else y))
    return out


def dates(data, recs, examples):
    C, EX = collections.Counter(), collections.defaultdict(list)
    for pid, g in gold(data):
        ours = recs[pid].get("date_published")
        od = datetime.date.fromisoformat(ours[:10]) if ours else None
        ds = find_dates(g.get("supplemental") or "")
        named = [d for d in ds if isinstance(d, datetime.date) and d.year in (2007, 2008)]
        nums = [d for d in ds if isinstance(d, tuple)]
        if named:
            gd = named[0]
            k = ("agrees with the gold's date line" if od in named else "null; the gold has a date line" if od is None
                 else "later than the gold's date (a masthead 'today' or crawl date)" if od > gd
                 else "earlier than the gold's date")
        elif nums:
            a, b, y = nums[0][1:]
            cand = set()
            for mm, dd in ((a, b), (b, a)):
                try:
                    cand.add(datetime.date(y, mm, dd))
                except ValueError:
                    pass
            k = ("null; the gold's date is numeric only ('01/08/2008')" if od is None else
                 "numeric and ambiguous; one reading taken" if od in cand and len(cand) == 2 else
                 "numeric, unambiguous, read right" if od in cand else
                 "numeric; ours is another date (masthead/crawl)")
        else:
            k = "no date in the gold supplemental; ours " + ("set" if od else "null")
        C[k] += 1
        if len(EX[k]) < examples and "agrees" not in k and "read right" not in k:
            EX[k].append("%s ours %s, gold %r" % (pid[:8], od, (g.get("supplemental") or "")[:60].replace("\n", " ")))
    print("== date_published against the gold's date line")
    for k, v in C.most_common():
        print("%4d  %s" % (v, k))
        for e in EX[k]:
            print("        " + e)


def gold(data):
    gt = os.path.join(data, "ground-truth")
    for f in sorted(os.listdir(gt)):
        if f.endswith(".json"):
            with open(os.path.join(gt, f), encoding="utf-8") as fh:
                yield f[:-5], json.load(fh)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pred")
    ap.add_argument("--data", default=os.path.join(TOP, "..", "shared", "data", "l3s-gn1"))
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--only", choices=["titles", "fields", "authors", "dates"])
    a = ap.parse_args()
    recs = {}
    with open(a.pred, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                recs[os.path.basename(r["source"]).split(".")[0]] = r
    missing = [pid for pid, _ in gold(a.data) if pid not in recs]
    if missing:
        sys.exit("%d gold pages have no record in %s (e.g. %s)" % (len(missing), a.pred, missing[0]))
    for name, fn in (("titles", titles), ("fields", fields), ("authors", authors), ("dates", dates)):
        if a.only in (None, name):
            fn(a.data, recs, a.examples)


if __name__ == "__main__":
    main()
