#!/usr/bin/env python3
"""Audit of the wire credit, dateline and lead-image credit over every page.

usage: tools/credit_audit.py OUT.jsonl [DATA] [--show SHAPE[:hit|miss|false|all]] [--sample N] [--seed S]

OUT.jsonl is copydesk's `--json -q --ordered` output over DATA (l3s-gn1,
readability and wcxb-dev; other records are skipped). The page's visible
text is read from its raw HTML (html.parser: text nodes outside script,
style, noscript, template and head; block elements and <br> end a line), not
from copydesk's output, and every candidate of the shapes issue #12 names is
listed:

  dl-wire     "WASHINGTON (AP) —", "LONDON, Nov 6 (Reuters) -", "(CBS/AP)"
              opening a line: the dateline and the wire credit
  dl-plain    "CITY, State —" / "CITY:" in capitals opening a line of 12+ words
  cr-contrib  "... contributed to this report" / "Some information ... provided by"
  cr-source   "Source: X" (a short line)
  cr-reporting "Reporting by X; Editing by Y" (a Reuters foot)
  cr-files    "With files from X"
  cr-wire     a short closing line naming a wire ("— Associated Press",
              "The Canadian Press", "(AP)", "- Sapa")
  cr-slot     (h/wire4) a line naming a wire alone above the story's first
              line (the author slot: "Press Trust Of India" in a byline box)
  cr-writer   (h/wire4) "By NAME - Associated Press Writer", "NAME, AP Sports
              Writer": a byline whose writer's title names a wire (h/wire5: and
              "By NAME Associated Press Writer", no separator)
  cr-copy     (h/wire4) a short "© AAP" / "Copyright 2008 The Associated Press"
              line naming a wire
  dl-date     (h/wire4) "Kolkata, January 13, 2008", "VENTURA, Calif., Jan. 15,
              2008": a place (and regions) and a full date, a line of its own
              above the story's first line
  dl-wire2    (h/wire5) a wire dateline closed by no dash: "WASHINGTON (AP) The
              …", "(AP), ", "(AP) _ " (AP's old underscore)
  dl-mixed    (h/wire5) a wire dateline whose place is in mixed case:
              "Springfield, Ill. (AP) —", "New Delhi (PTI):", "Fairfield (AP) _"
  dl-bold     (h/wire5) a place in capitals set in bold opening a paragraph,
              no dash needed: "<b>BAGHDAD</b> The …"
  cr-contrib2 (h/wire5) "The Associated Press contributed.", "Reuters
              contributed reporting" (a wire contributing, any words after)
  cr-byname   (h/wire5) a byline naming a person and a wire with no writer's
              title: "By NAME, Associated Press", "NAME | AFP", "By NAME (AP)"
  cr-multi    (h/wire5) a line naming two wires or more: "AFP, AP", "AP and
              Reuters", "— Reuters/AP"
  cr-meta     (h/wire5) a wire named as the author or publisher in <meta> or
              JSON-LD, og:site_name not naming it (one row per page)
  g-wire      (h/wire5, l3s-gn1 only) a page whose gold names a wire in its
              `supplemental`, its body's first 200 or last 250 characters,
              whatever the line's shape: hit = our credit names that wire
              (a shape-free count; photo credits count too: hand-check)
  g-dl        (h/wire5, l3s-gn1 only) a page whose gold body opens with a
              dateline ("PLACE[, Region][, date] [(WIRE)] —/:/_"): hit = our
              dateline starts like its place
  cr-service  (h/wire6) a paper's news service in the byline slot, alone or
              after the writers' names: "Express News Service", "NAME,
              Canwest News Service; Regina Leader-Post"
  dl-release  (h/wire6) a press release's dateline: "LAS VEGAS, Jan. 8
              /PRNewswire/ --", "New York, NY -- (Sports Network) -"
  ph-paren    "(AP Photo/Name)", "(Reuters/Name)", "(Name/Getty Images)"
  ph-label    "Photo: Name", "Photo by Name", "Credit: X", "Photograph: X"

Whether a candidate is the article's is read from the set's gold, not from
our output: l3s-gn1's `body` + `supplemental` (the annotators' article text,
bylines, datelines, captions and credits), wcxb-dev's `main_content`
(article pages only) and Readability's expected.html. A candidate whose line
the gold holds is "in"; else "out" (a teaser, a sidebar, chrome). For each
shape and each of in/out: hit (our field carries it), miss (it does not),
and for out: false (our field carries it: a value from a teaser). Photo
credits count only the first one in the article's gold, and only when our
image.caption or the gold puts it by the lead picture (an approximation;
hand-check with --show).
"""
import sys, os, re, json, gzip, random, html
from html.parser import HTMLParser

args = [a for a in sys.argv[1:]]
def opt(name, default=None):
    if name in args:
        i = args.index(name); v = args[i + 1]; del args[i:i + 2]; return v
    return default
SHOW = opt('--show'); SAMPLE = int(opt('--sample', '0')); SEED = int(opt('--seed', '1'))
OUT = args[0]
DATA = args[1] if len(args) > 1 else os.environ.get('CD_DATA', '/work/shared/data')

BLOCK = set('p div br li ul ol h1 h2 h3 h4 h5 h6 td th tr table figcaption figure blockquote section article '
            'header footer aside nav dd dt dl pre hr form center address main caption'.split())
SKIP = set('script style noscript template head select option textarea iframe object'.split())

class Vis(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines = []; self.cur = []; self.skip = 0; self.skiptag = []
        self.bold = {}; self.bstart = None; self.meta = []; self.ld = []; self.inld = False
    def flush(self):
        s = re.sub(r'\s+', ' ', ''.join(self.cur)).strip()
        if s: self.lines.append(s)
        self.cur = []; self.bstart = None
    def handle_starttag(self, tag, attrs):
        if tag == 'meta':
            a = dict(attrs); k = (a.get('name') or a.get('property') or '').lower()
            if k in ('author', 'article:author', 'og:site_name', 'dc.creator', 'byl', 'sailthru.author', 'parsely-author', 'dc.publisher', 'article:publisher'):
                self.meta.append((k, a.get('content') or ''))
        if tag == 'script' and dict(attrs).get('type', '').lower() == 'application/ld+json':
            self.inld = True
        if tag in ('b', 'strong') and not self.skip and not ''.join(self.cur).strip() and self.bstart is None:
            self.bstart = len(''.join(self.cur))
        if tag in SKIP and tag not in ('br',):
            if tag == 'head': return
            self.skip += 1; self.skiptag.append(tag); return
        if tag in BLOCK: self.flush()
    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK: self.flush()
    def handle_endtag(self, tag):
        if tag == 'script': self.inld = False
        if tag in ('b', 'strong') and self.bstart is not None and self.bstart >= 0 and not self.skip:
            b = re.sub(r'\s+', ' ', ''.join(self.cur)).strip()
            if b: self.bold[len(self.lines)] = b
            self.bstart = -1
        if self.skiptag and tag == self.skiptag[-1]:
            self.skip -= 1; self.skiptag.pop(); return
        if tag in BLOCK: self.flush()
    def handle_data(self, d):
        if self.inld: self.ld.append(d)
        if not self.skip: self.cur.append(d)

def visible(raw):
    m = re.search(rb'charset=["\']?([A-Za-z0-9_-]+)', raw[:4000])
    enc = m.group(1).decode() if m else 'utf-8'
    try: s = raw.decode(enc, errors='replace')
    except LookupError: s = raw.decode('utf-8', errors='replace')
    v = Vis()
    try: v.feed(s); v.close()
    except Exception: pass
    v.flush()
    global BOLD, META, LD
    BOLD = v.bold; META = v.meta; LD = ''.join(v.ld)
    return v.lines

def norm(s): return ' '.join(re.findall(r'[0-9a-z]+', s.lower()))

WIRE = {'ap': 'AP', 'associated press': 'AP', 'the associated press': 'AP', 'reuters': 'Reuters', 'afp': 'AFP',
        'agence france presse': 'AFP', 'agence france-presse': 'AFP', 'cp': 'CP', 'canadian press': 'CP',
        'the canadian press': 'CP', 'xinhua': 'Xinhua', 'upi': 'UPI', 'pti': 'PTI', 'ians': 'IANS', 'ani': 'ANI',
        'aap': 'AAP', 'dpa': 'dpa', 'sapa': 'Sapa', 'nzpa': 'NZPA', 'bloomberg': 'Bloomberg', 'ips': 'IPS', 'efe': 'EFE',
        'ansa': 'ANSA', 'kyodo': 'Kyodo', 'yonhap': 'Yonhap', 'itar-tass': 'ITAR-TASS', 'ria novosti': 'RIA Novosti',
        'pa': 'PA', 'press trust of india': 'PTI', 'indo asian news service': 'IANS', 'indo-asian news service': 'IANS', 'asian news international': 'ANI',
        'press association': 'PA', 'australian associated press': 'AAP', 'bernama': 'Bernama', 'wam': 'WAM', 'apa': 'APA', 'unb': 'UNB',
        'united press international': 'UPI', 'uni': 'UNI', 'united news of india': 'UNI'}
def wires_in(s):
    """The wires a string names (canonical)."""
    out = set(); low = ' ' + re.sub(r'[^0-9a-z\- ]', ' ', s.lower()) + ' '
    for k, v in WIRE.items():
        if ' ' + k + ' ' in low: out.add(v)
    return out

DASH = r'(?:--|—|–|-|:|\u2015)'
PLACE = r"[A-Z][A-Z.'\u2019\-]+(?: [A-Z][A-Z.'\u2019\-]+){0,3}"
WN = r"(?:The )?(?:Associated Press|Canadian Press|Reuters|AFP|AP|CP|Sapa|NZPA|AAP|Xinhua|PTI|IANS|UPI|Agence France-Presse|Agence France Presse|Bloomberg News|dpa|Press Trust [Oo]f India|Press Association|Australian Associated Press|Indo-Asian News Service|Asian News International)"
RX = [
    ('dl-wire', re.compile(r"^(?P<place>" + PLACE + r")(?P<rest>[^()]{0,40}?)\s*\((?P<wire>[A-Za-z][A-Za-z/ .&\-]{0,28})\)\s*" + DASH)),
    ('dl-wire', re.compile(r"^\((?P<wire>[A-Z][A-Za-z]{1,8}/[A-Za-z]{2,8})\)\s*" + DASH + r"?")),
    # h/wire5: a wire dateline closed by no dash ("WASHINGTON (AP) The …", "(AP),")
    ('dl-wire2', re.compile(r"^(?P<place>" + PLACE + r")(?P<rest>[^()]{0,40}?)\s*\((?P<wire>" + WN + r"(?:[ /,]+(?:and )?" + WN + r")*)\)\s*(?:[,.;_]\s*|\s)(?=[A-Z\"\u201c'])")),
    # h/wire5: a wire dateline with its place in mixed case ("Springfield, Ill. (AP) —")
    ('dl-mixed', re.compile(r"^(?P<place>[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,2})(?P<rest>(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?){0,2})\s*\((?P<wire>" + WN + r"(?:[ /,]+(?:and )?" + WN + r")*)\)\s*(?:" + DASH + r"|_ )")),
    ('dl-plain', re.compile(r"^(?P<place>" + PLACE + r")(?P<rest>(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?){0,2}(?:,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2})?)\s*" + DASH + r"\s+\S")),
    ('cr-contrib', re.compile(r"(?i)(contributed to this (?:report|story|article)|information (?:for|in) this (?:report|story) (?:was|came) (?:provided )?(?:by|from))")),
    # h/wire5: "The Associated Press contributed.", "Reuters contributed reporting from X"
    ('cr-contrib2', re.compile(r"(?:^|\W)(?P<val>" + WN + r")(?: and " + WN + r")? contributed\b")),
    ('cr-source', re.compile(r"^(?:Source|SOURCE|Sources)\s*:\s*(?P<val>\S.{0,60})$")),
    ('cr-reporting', re.compile(r"^\(?(?:Additional )?[Rr]eporting by .{2,120}(?:[Ee]diting by|[Ww]riting by)")),
    ('cr-files', re.compile(r"^[-—–]?\s*(?:With|with) files from (?P<val>.{2,60})$")),
    ('cr-writer', re.compile(r"^(?:By |BY )?(?P<name>[A-Z][^,()]{2,50}?)(?:,| -+| —| –| (?=[A-Z]))\s*(?:For |for )?(?P<val>(?:The )?(?:Associated Press|Canadian Press|Reuters|AFP|AP|CP|Sapa|NZPA|AAP|Xinhua|PTI|IANS|UPI|Agence France-Presse|Agence France Presse|Bloomberg News|dpa|Press Trust [Oo]f India|Press Association|Australian Associated Press|Indo-Asian News Service|Asian News International))(?: [A-Z][a-z]+){0,2} (?:Writer|Correspondent|Reporter|Editor|Columnist)s?\b")),
    ('cr-copy', re.compile(r"^(?:©|\(c\)|Copyright|COPYRIGHT)\s*(?:\d{4}\s*)?(?:[,-]\s*)?(?P<val>(?:The )?(?:Associated Press|Canadian Press|Reuters|AFP|AP|CP|Sapa|NZPA|AAP|Xinhua|PTI|IANS|UPI|Agence France-Presse|Agence France Presse|Bloomberg News|dpa|Press Trust [Oo]f India|Press Association|Australian Associated Press|Indo-Asian News Service|Asian News International))[ .,]*(?:\d{4})?[ .]*(?:All [Rr]ights [Rr]eserved\.?)?$")),
    # h/wire5: a byline naming a person and a wire, no title ("By NAME, Associated Press", "NAME | AFP", "By NAME (AP)")
    ('cr-byname', re.compile(r"^(?:(?:By |BY |by )(?P<name>[A-Z][A-Za-z.'\- ]{2,40}?(?: and [A-Z][A-Za-z.'\- ]{2,30})?)\s*(?:,|\||-+|—|–|\(|of|for|For)|(?P<name2>[A-Z][a-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){1,3})\s*(?:\||-+|—|–))\s*(?P<val>" + WN + r")\)?\.?$")),
    # h/wire5: more than one wire ("AP and Reuters", "Reuters/AP", "— AFP, Reuters")
    ('cr-multi', re.compile(r"^(?:[-—–]+ ?|\(|By |From )?(?P<val>" + WN + r"(?:\s*(?:,|/|and|&)\s*" + WN + r")+)\)?\.?$")),
    ('cr-wire', re.compile(r"^(?:[-—–]+ ?|\(|By |BY |[-—–]+ ?By )?(?P<val>(?:The )?(?:Associated Press|Canadian Press|Reuters|AFP|AP|CP|Sapa|NZPA|AAP|Xinhua|PTI|IANS|UPI|Agence France-Presse|Agence France Presse|Bloomberg News|dpa|Press Trust [Oo]f India|Press Association|Australian Associated Press|Indo-Asian News Service|Asian News International))\)?\.?$")),
    # h/wire6: a paper's news service in the byline slot, alone or after the writers ("Express News Service",
    # "NAME, Canwest News Service; Regina Leader-Post", "CanWest News Service; with files from Reuters")
    ('cr-service', re.compile(r"^(?:By |BY )?(?:[A-Z][^,;()]{2,50}?\s*,\s*)?(?P<val>(?:[A-Z][A-Za-z\-]+ ){1,4}(?:News Services?|NEWS SERVICES?|Features? Service|FEATURES? SERVICE|Wire Service))\s*(?:;.{0,60})?$")),
    # h/wire6: a press release's dateline, the distributor in slashes or in parentheses between dashes
    # ("LAS VEGAS, Jan. 8 /PRNewswire/ --", "New York, NY -- (Sports Network) -")
    ('dl-release', re.compile(r"^(?P<place>[A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){0,3})(?P<rest>(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?(?: \d{1,2})?){0,2})\s*(?:/(?P<wire>[A-Z][A-Za-z\-]{2,30})/\s*--|--\s*\((?P<wire2>[A-Z][A-Za-z ]{2,30})\)\s*-)")),
    ('dl-date', re.compile(r"^(?P<place>[A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){0,2}(?:, (?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))[A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){0,2}){0,2}),\s+(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,? \d{4})$")),
    ('ph-paren', re.compile(r"\((?P<val>(?:(?:AP|AFP|Reuters|CP|EPA|UPI|AAP) ?(?:Photo|PHOTO|Photograph)s?\s*/\s*[^()]{2,60}|[A-Z][^()]{1,50}/\s*(?:Getty Images|AFP|Reuters|AP|EPA|Bloomberg|Corbis)[^()]{0,20}))\)")),
    ('ph-label', re.compile(r"(?:^|[\s(|\[])(?:Photo|PHOTO|Photograph|Photo credit|Image|Picture|Credit|CREDIT|Photos)(?: by|:)\s*(?P<val>[A-Z][^()|\]]{2,60}?)(?:[)\]|]|$)")),
]
NOT_PLACE = set('UPDATE UPDATED NOTE EDITOR EDITORS WARNING ALERT BREAKING NEWS PHOTOS VIDEO PHOTO Q A FAQ TV CLICK MORE READ '
                'RELATED SEE ALSO AUDIO WATCH LIVE ADVERTISEMENT SPONSORED NEW ANALYSIS COMMENTARY OPINION EDITORIAL REVIEW '
                'SOURCE SOURCES CORRECTION CORRECTIONS TOP BY I II III IV PS FYI OK TAGS TAG FILED UNDER HOME SHARE EMAIL PRINT'.split())

def candidates(lines):
    out = []
    for i, l in enumerate(lines):
        for shape, rx in RX:
            m = rx.search(l)
            if not m: continue
            d = m.groupdict()
            if shape.startswith('dl-'):
                place = d.get('place') or ''
                if shape == 'dl-plain':
                    if place.split()[0].strip(".'") in NOT_PLACE or len(place) < 3: continue
                    if len(l.split()) < 12: continue
                    if not re.search(r'[A-Z]{2}', place): continue
                if shape == 'dl-wire' and place and place.split()[0] in NOT_PLACE: continue
                if shape == 'dl-date' and (re.search(r'(?i)\b((mon|tue|wed|thu|fri|sat|sun)[a-z]*|the)\b', place) or re.match(r'(?i)(mon|tues|wednes|thurs|fri|satur|sun)day|(jan|febr)uary|march|april|may|june|july|august|(sept|nov|dec)ember|october|updated|posted|published|last|first|date|filed', place) or place.upper() in NOT_PLACE):
                    continue
                if shape == 'dl-wire' and not wires_in(d.get('wire', '')) and not re.match(r'^[A-Z][A-Za-z]{1,}(?:[ /][A-Z][A-Za-z]+){0,2}$', d.get('wire', '')):
                    continue
                if any(c[0].startswith('dl-') and c[1] == i for c in out): continue
            if shape.startswith('cr-') and shape not in ('cr-contrib', 'cr-reporting', 'cr-writer') and len(l) > 90: continue
            if shape == 'cr-writer' and len(l) > 120: continue
            if shape == 'cr-contrib' and len(l) > 300: continue
            out.append((shape, i, l, d))
            if not shape.startswith('dl-'): break
        # h/wire5: a dateline set in bold opening its paragraph ("<b>BAGHDAD</b> The …", "<strong>LONDON:</strong> …")
        b = BOLD.get(i)
        if b and l.startswith(b) and not any(c[0].startswith('dl-') and c[1] == i for c in out) and len(l.split()) >= 12:
            bp = re.sub(r"\s*(?:--|—|–|-|:|\u2015)\s*$", '', b)
            if re.match(r"^" + PLACE + r"(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?){0,2}$", bp) and bp.split()[0].strip(".'") not in NOT_PLACE and re.search(r'[A-Z]{3}', bp):
                out.append(('dl-bold', i, l, {'place': bp}))
    return out

def gold_of(src):
    if '/l3s-gn1/' in src:
        g = json.load(open(os.path.join(DATA, 'l3s-gn1/ground-truth', os.path.basename(src).split('.')[0] + '.json')))
        b = norm(g['body'])
        return norm(g['body'] + ' \n ' + g['supplemental']), norm(g['supplemental']) + ' ' + b[:800], b[-500:] + ' ' + norm(g['supplemental']), norm(g['related'] + ' ' + ' '.join(g.get('boilerplate_sample') if isinstance(g.get('boilerplate_sample'), list) else [str(g.get('boilerplate_sample'))]))
    if '/wcxb-dev/' in src:
        g = json.load(open(os.path.join(DATA, 'wcxb-dev/ground-truth', os.path.basename(src).split('.')[0] + '.json')))
        if g['_internal']['page_type']['primary'] != 'article': return None, None, None, None
        gt = g['ground_truth']
        mc = norm(gt.get('main_content') or '')
        return norm((gt.get('main_content') or '') + ' ' + ' '.join(gt.get('with') or [])), mc[:800], mc[-500:], norm(' '.join(gt.get('without') or []))
    if '/readability/' in src:
        p = os.path.join(os.path.dirname(src), 'expected.html')
        if not os.path.exists(p): return None, None, None, None
        t = norm(re.sub(r'<[^>]+>', ' ', html.unescape(open(p, encoding='utf-8', errors='replace').read())))
        return t, t[:1500], t[-500:], ''
    return None, None, None, None

def in_gold(g, s):
    n = norm(s)
    if len(n) > 80: n = n[:80].rsplit(' ', 1)[0]
    return bool(n) and n in g

def place_hit(ours, place):
    if not ours or not place: return False
    a, b = norm(ours), norm(place)
    return a.startswith(b) or b.startswith(a)

def overlap(ours, val):
    if not ours or not val: return False
    a = set(w for w in norm(ours).split() if len(w) > 2 or w in ('ap', 'cp'))
    b = set(w for w in norm(val).split() if len(w) > 2 or w in ('ap', 'cp'))
    b -= {'photo', 'photos', 'the', 'credit', 'images', 'file', 'staff', 'and'}
    if wires_in(ours) & wires_in(val): return True
    return bool(a & b)

def wires_strict(s):
    """wires_in, short names (AP, CP, PA …) only in capitals as words (g-wire)."""
    out = set(); s = s or ''; low = ' ' + re.sub(r'[^0-9a-z\- ]', ' ', s.lower()) + ' '
    for k, v in WIRE.items():
        if len(k) <= 4 and ' ' not in k:
            if re.search(r'(?<![A-Za-z])' + re.escape(k.upper()) + r'(?![A-Za-z])', s) or (k in ('reuters',) and ' ' + k + ' ' in low): out.add(v)
        elif ' ' + k + ' ' in low: out.add(v)
    return out
GDL = re.compile(r"^(?:By [^\n]{0,60}?\s+)?(?P<place>[A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){0,3})(?P<rest>(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}){0,2}(?:,?\s*(?:[A-Za-z]{3,9}\.? \d{1,2}|\d{1,2} [A-Za-z]{3,9}))?)\s*(?:\((?P<wire>[^()]{1,30})\))?\s*(?:--|—|–|-|:|_|\u2015)\s")
GDL_NOT = set('The A An In On At It He She We They This That But And As By For If When After Before While Update UPDATE'.split())

recs = []
for line in open(OUT, encoding='utf-8'):
    try: r = json.loads(line)
    except ValueError: continue
    src = r.get('source', '')
    if not any(k in src for k in ('/l3s-gn1/', '/wcxb-dev/', '/readability/')): continue
    if '/readability/' in src and not src.endswith('source.html'): continue
    recs.append(r)

stats = {}; rows = []
def add(shape, field, where, kind, r, l, val):
    ctx = ' | '.join(lines[LI + 1:LI + 3])[:150]
    stats.setdefault((shape, field), {}).setdefault(where + '-' + kind, 0)
    stats[(shape, field)][where + '-' + kind] += 1
    rows.append((shape, field, where, kind, r['source'], l, val, ctx))

pages = 0
for r in recs:
    src = r['source']
    g, gstart, gend, bad = gold_of(src)
    if g is None: continue
    pages += 1
    op = gzip.open if src.endswith('.gz') else open
    with op(src, 'rb') as f: raw = f.read()
    lines = visible(raw)
    cands = candidates(lines)
    text = norm(r.get('text') or '')
    dl = r.get('dateline'); cr = r.get('credit'); img = r.get('image') or {}
    icr = img.get('credit'); icap = img.get('caption')
    seen = set(); first_photo = True; dl_done = False; foot_done = set()
    # The story's first line: the first long visible line the gold's body opens with (h/wire4).
    gb = gstart[len(gstart) - 800:] if gstart else ''
    body_i = next((j for j, x in enumerate(lines) if len(x) > 60 and norm(x)[:60] in g and norm(x)[:40] in gb), len(lines))
    # h/wire5: a wire as the page's meta or JSON-LD author / publisher, the site not that wire
    site = ' '.join(v for k, v in META if k == 'og:site_name')
    mw = set()
    for k, v in META:
        if k != 'og:site_name': mw |= wires_in(v)
    for m in re.finditer(r'"(?:author|creator|publisher|sourceOrganization)"\s*:\s*(\{[^{}]*\}|\[[^\]]*\]|"[^"]*")', LD):
        for nm in re.findall(r'"name"\s*:\s*"([^"]*)"', m.group(1)) or [m.group(1).strip('"')]:
            if len(nm) < 60: mw |= wires_in(nm)
    mw -= wires_in(site)
    if mw:
        LI = 0
        hit = bool(cr) and bool(wires_in(cr) & mw)
        add('cr-meta', 'credit', 'in', 'hit' if hit else 'miss', r, 'meta/ld: ' + ','.join(sorted(mw)) + ' site=' + site, cr)
    if '/l3s-gn1/' in src:  # h/wire5: shape-free counts from the gold
        LI = 0
        gj = json.load(open(os.path.join(DATA, 'l3s-gn1/ground-truth', os.path.basename(src).split('.')[0] + '.json')))
        gbody = gj['body']; zone = gj['supplemental'] + '\n' + gbody[:200] + '\n' + gbody[-250:]
        gw = wires_strict(zone)
        if gw:
            add('g-wire', 'credit', 'in', ('hit' if wires_strict(cr) & gw else 'wrong') if cr else 'miss', r, zone.replace('\n', ' | ')[:150], cr)
        m = GDL.match(gbody.lstrip()[:150])
        if m and m.group('place').split()[0] not in GDL_NOT:
            pl = m.group('place')
            caps = sum(c.isupper() for c in pl) >= len(pl.replace(' ', '')) * 0.8
            if caps or m.group('wire') or m.group(0).rstrip()[-1] == ':':
                hit = dl and (pl.lower().startswith(dl.lower()[:4]) or dl.lower().startswith(pl.lower()[:4]))
                add('g-dl', 'dateline', 'in', ('hit' if hit else 'wrong') if dl else 'miss', r, gbody.lstrip()[:150], dl)
    for shape, i, l, d in cands:
        LI = i
        if shape == 'cr-wire' and i < body_i: shape = 'cr-slot'  # the author/byline slot (h/wire4)
        if shape == 'dl-date' and i >= body_i: continue  # a date line inside or after the story
        where = 'in' if in_gold(g, l) else 'out'
        if shape.startswith('dl-'):
            if where == 'in' and not in_gold(gstart, l): continue  # a label inside the story, no dateline
            if where == 'in' and dl_done and shape != 'dl-date': continue  # the story's dateline is its first
            if where == 'in' and shape != 'dl-date': dl_done = True
            place = d.get('place')
            if place:
                hit = place_hit(dl, place)
                add(shape, 'dateline', where, ('false' if where == 'out' else 'hit') if hit else 'miss', r, l, dl)
            if shape == 'dl-date':
                pass
            elif shape == 'dl-release':
                w = d.get('wire') or d.get('wire2') or ''
                hit = bool(cr) and norm(w) in norm(cr)
                add(shape, 'credit', where, ('false' if where == 'out' else 'hit') if hit else 'miss', r, l, cr)
            elif shape in ('dl-wire', 'dl-wire2', 'dl-mixed'):
                w = wires_in(d.get('wire', '')) or {d.get('wire')}
                hit = bool(cr) and (bool(wires_in(cr) & w) or overlap(cr, d.get('wire', '')))
                add(shape, 'credit', where, ('false' if where == 'out' else 'hit') if hit else 'miss', r, l, cr)
        elif shape in ('cr-slot', 'cr-writer', 'cr-service') or (shape in ('cr-byname', 'cr-multi') and i < body_i):
            key = (shape, where)
            if key in foot_done: continue
            foot_done.add(key)
            val = d.get('val') or l
            hit = bool(cr) and (overlap(cr, val) or norm(cr) in norm(l))
            add(shape, 'credit', where, ('false' if where == 'out' else 'hit') if hit else 'miss', r, l, cr)
        elif shape.startswith('cr-'):
            if where == 'in' and not in_gold(gend, l): where = 'mid'  # inside the story: a chart's source, no closing credit
            key = (shape, where)
            if key in foot_done: continue
            foot_done.add(key)
            val = d.get('val') or l
            hit = bool(cr) and (overlap(cr, val) or norm(cr) in norm(l) or shape == 'cr-reporting')  # a Reuters sign-off: the wire
            add(shape, 'credit', where, ('false' if where == 'out' else 'hit') if hit else 'miss', r, l, cr)
        else:
            if where != 'in' or not first_photo: continue
            first_photo = False
            val = d.get('val') or l
            hit = overlap(icr, val)
            add(shape, 'image.credit', where, 'hit' if hit else ('wrong' if icr else 'miss'), r, l, icr)

print("%d pages (l3s-gn1, wcxb-dev article pages, readability) from %s" % (pages, OUT))
print("%-13s %-13s %5s %5s %5s %6s | %5s %5s %6s" % ("shape", "field", "in", "hit", "miss", "wrong", "out", "out-hit", "rate"))
for (shape, field), s in sorted(stats.items()):
    ni = s.get('in-hit', 0) + s.get('in-miss', 0) + s.get('in-wrong', 0)
    no = s.get('out-miss', 0) + s.get('out-false', 0) + s.get('mid-miss', 0) + s.get('mid-hit', 0)
    print("%-13s %-13s %5d %5d %5d %6d | %5d %5d  %s" % (shape, field, ni, s.get('in-hit', 0), s.get('in-miss', 0), s.get('in-wrong', 0),
          no, s.get('mid-hit', 0) + s.get('out-false', 0), "%.0f%%" % (100.0 * s.get('in-hit', 0) / ni) if ni else '-'))
print("in = the gold holds the line (a dateline: within the gold story's first 800 characters); out-hit = our field")
print("carries a candidate the gold does not hold (a teaser's, or the gold left it out: hand-check with --show SHAPE:out-false)")
if SHOW:
    sh, _, kind = SHOW.partition(':')
    sel = [x for x in rows if (sh == 'all' or x[0] == sh or x[1] == sh) and (not kind or kind == 'all' or x[2] + '-' + x[3] == kind or x[3] == kind or x[2] == kind)]
    if SAMPLE: random.Random(SEED).shuffle(sel); sel = sel[:SAMPLE]
    for shape, field, where, kind, src, l, val, ctx in sel:
        print("%-11s %-12s %s-%-5s %s\n    %s\n    next: %s\n    ours: %s" % (shape, field, where, kind, src.replace(DATA + '/', ''), l[:160], ctx, val))
