#!/usr/bin/env python3
"""Translated-label probe (issue #12, h/lang): L3S-GN1 pages whose English chrome labels,
when they are the whole of a text node ("Comments", "3 Comments:", "Related Articles",
"Leave a Reply", "Most Read"...), are put into German or French; nothing else changes.

    tools/label_probe.py de|fr SRC_HTML_DIR OUT_HTML_DIR

Score OUT with ../shared/eval/score.py l3s as usual. It measures how much of the text's
precision rests on English label words, and whether the lists' other languages take
their place. The mapping uses the stock wording of those languages' sites; the labels
are written in the page's charset (UTF-8, else windows-1252).
"""
import gzip, os, re, sys
lang, src, dst = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(dst, exist_ok=True)
M = {
 'de': {'comments': 'Kommentare', 'reader comments': 'Leserkommentare', 'user comments': 'Leserkommentare', 'leave a reply': 'Schreiben Sie einen Kommentar',
        'leave a comment': 'Kommentar schreiben', 'post a comment': 'Kommentar verfassen', 'add a comment': 'Kommentar schreiben', 'comments are closed': 'Kommentare geschlossen',
        'have your say': 'Diskutieren Sie mit', 'related articles': 'Ähnliche Artikel', 'related stories': 'Ähnliche Artikel', 'related news': 'Weitere Nachrichten',
        'related': 'Ähnliche Artikel', 'most read': 'Meistgelesene Artikel', 'most popular': 'Meistgelesene Artikel', 'latest news': 'Neueste Artikel',
        'more news': 'Weitere Nachrichten', 'you may also like': 'Das könnte Sie auch interessieren', 'you might also like': 'Das könnte Sie auch interessieren',
        'more stories': 'Weitere Nachrichten', 'top stories': 'Meistgelesene Artikel', 'recent posts': 'Neueste Artikel', 'related posts': 'Ähnliche Beiträge'},
 'fr': {'comments': 'Commentaires', 'reader comments': 'Vos commentaires', 'user comments': 'Vos commentaires', 'leave a reply': 'Laisser un commentaire',
        'leave a comment': 'Laisser un commentaire', 'post a comment': 'Poster un commentaire', 'add a comment': 'Ajouter un commentaire', 'comments are closed': 'Les commentaires sont fermés',
        'have your say': 'Réagissez à cet article', 'related articles': 'Articles similaires', 'related stories': 'Sur le même thème', 'related news': 'Articles liés',
        'related': 'Articles liés', 'most read': 'Les plus lus', 'most popular': 'Les plus populaires', 'latest news': 'Dernières actualités',
        'more news': "Plus d'articles", 'you may also like': 'Vous aimerez aussi', 'you might also like': 'Vous aimerez aussi',
        'more stories': "Plus d'articles", 'top stories': 'Les plus lus', 'recent posts': 'Dernières actualités', 'related posts': 'Articles similaires'},
}[lang]
pat = re.compile(r'>(\s*)(\d+\s+)?(' + '|'.join(re.escape(k) for k in sorted(M, key=len, reverse=True)) + r')(\s*(?:\(\d+\))?\s*:?\s*)<', re.I)
tot = pages = 0
for f in sorted(os.listdir(src)):
    b = gzip.open(os.path.join(src, f)).read()
    t = b.decode('latin-1')  # byte-transparent
    cs = re.search(r'charset=["\']?([\w-]+)', t[:4000], re.I)
    enc = 'utf-8' if not cs or cs.group(1).lower() in ('utf-8', 'utf8') else 'cp1252'
    n = [0]
    def rep(m):
        n[0] += 1
        return '>' + m.group(1) + (m.group(2) or '') + M[m.group(3).lower()].encode(enc).decode('latin-1') + m.group(4) + '<'
    t2 = pat.sub(rep, t)
    tot += n[0]; pages += n[0] > 0
    with gzip.open(os.path.join(dst, f), 'wb') as o: o.write(t2.encode('latin-1'))
print(lang, 'labels replaced', tot, 'on', pages, 'pages')
