#!/bin/sh
# Build an old commit with the candidate instrument of h/cands patched in, for
# `tools/cands_cv.py blind` (each held-out round read on the build that had not
# seen it; docs/quality.md "Session 19, h/cands").
#   tools/cands_oldbuild.sh COMMIT DIR      -> DIR/build-cands/copydesk
# The readers, helpers and fields an old tree lacks are left out of the
# instrument (a section reader, the label-over-headline call, p->story,
# S_sole_h1, the keywords check); the build fails loudly otherwise.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$2"; mkdir -p "$2"; cd "$2"
git -C "$top" archive "$1" | tar -x
git -C "$top" show 740b53d1 -- src | patch -p1 || true
python3 - <<'PY'
import re
p='src/meta/pick_news.c'
s=open(p).read()
if 'const char *ld_all = ld;' not in s:
    s=s.replace('''    const char *vis = S_crumb_section(c, &c->vis_crumbs, m, page_url);
''','''    const char *vis = S_crumb_section(c, &c->vis_crumbs, m, page_url);
#ifdef CD_DEBUG_NEWS_CANDS
    const char *ld_all = ld;
#endif
''',1)
for fn in ['S_story_head','S_title_label_shown','S_date_label','S_arrow_label']:
    if not re.search(r'^static .*\b%s\(' % fn, s, re.M) and 'cd_nid head = m->title ? S_story_head' in s:
        i=s.index('    cd_nid head = m->title ? S_story_head(c, m) : CD_NONE;')
        j=s.index('    }\n}\n#endif',i)
        s=s[:i]+s[j+6:]
for fn in ['S_nav_section_id','S_label_category','S_byline_category','S_tag_category','S_header_h1','S_url_label','S_nav_current','S_title_section','S_news_flow']:
    if not re.search(r'^static .*\b%s\(' % fn, s, re.M):
        if fn == 'S_news_flow':
            s=s.replace('S_news_flow(c, v)','0',1)
        else:
            s=re.sub(r'\n    S_section_cand\(c, m, \d+, "[^"]+", %s\([^;]*\);' % fn, '', s)
if not re.search(r'^static void S_kicker_over_heading\(', s, re.M):
    s=s.replace('    S_kicker_over_heading(c, m);\n','',1) if s.count('S_kicker_over_heading(c, m);')==1 else s
if not re.search(r'^static int S_keyword_list\(', s, re.M):
    s=s.replace('''srcs[s] == CD_MS_META && S_keyword_list(list[i]->s, list[i]->len)
                                                 ? "meta-keywords" : cd_meta_src_name(srcs[s])''', 'cd_meta_src_name(srcs[s])')
if '#include <stdio.h>' not in s:
    s=s.replace('#include <string.h>','#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>',1)
open(p,'w').write(s)
p='src/news/deck.c'
s=open(p).read()
if not re.search(r'int story;', open('src/news/news_int.h').read()):
    s=s.replace('(unsigned)h1, p->story, p->m->deck','(unsigned)h1, 0, p->m->deck')
if not re.search(r'^static cd_nid S_sole_h1\(', s, re.M):
    s=s.replace('S_deck_cands(p, p->head ? p->head : S_sole_h1(p))','S_deck_cands(p, p->head)')
open(p,'w').write(s)
PY
cmake -S . -B build-cands -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS="-DCD_DEBUG_NEWS_CANDS" >/dev/null
cmake --build build-cands --target copydesk -j2 2>&1 | grep -E "error|Built target copydesk"
