/* news/lines: the supplemental lines of the article's head and foot.
 *
 * Before a story's first paragraph of prose and after its last, a news
 * page's body often keeps lines that are not the story but about it: the
 * byline ("By GRANT PECK, Associated Press Writer"), a date line ("Posted:
 * 7:54 am EST January 23, 2008"), a copyright notice ("(c) 2008 The
 * Associated Press. All rights reserved."). Annotated news sets put them
 * apart from the body, and the fields (authors, date_published, credit)
 * carry what they say; they leave the text (unless keep_parts), each with
 * its reason for --explain. A byline goes only when the fields hold its
 * author or agency. A source line ("The Associated Press", "Source: ITN")
 * is passed over: the closing blocks left after the peeling are the credit
 * stage's (credit.c). Contact lines (an e-mail address after the story)
 * were tried and left: a page listing addresses lost its content.
 *
 * Lines are peeled from the top down and from the bottom up, one line (a run
 * of text without a block or <br> inside) at a time: a line of one of those
 * kinds goes, a short line of another kind (a kicker, a photo credit, a
 * label) is passed over and stays, and the first line of prose (a sentence,
 * or a dozen words) ends the peeling. Inside the story nothing is read. */
#include <string.h>
#ifdef CD_NEWS_DEBUG
#include <stdio.h>
#endif

#include "../extract/furniture.h"
#include "../util/ctype.h"
#include "news_int.h"
#include "parts_text.h"
#include "wordlists.h"

#define S_LINES 24u /* lines of one block looked at */
#define S_PASS 6u   /* short lines of other kinds passed over, at most */

typedef struct S_line {
    uint32_t a, b; /* t.s[a, b) */
} S_line;

/* The lines of the gathered block t: runs of segments without a gap (a
 * block boundary or a <br> put a space between them). */
static unsigned S_split(const cd_news_text *t, S_line *ln, unsigned max)
{
    unsigned k = 0;
    for (uint32_t i = 0; i < t->nseg && k < max;) {
        uint32_t a = t->seg[i].at, b = a + t->seg[i].len;
        while (i + 1 < t->nseg && t->seg[i + 1].at == b) {
            i++;
            b += t->seg[i].len;
        }
        i++;
        /* Only lines with something visible. */
        int text = 0;
        for (uint32_t c = a; c < b && !text; c++)
            text = !cd_isspace((unsigned char)t->s[c]);
        if (text) ln[k++] = (S_line){a, b};
    }
    return k;
}

enum { S_PROSE = -1, S_OTHER = 0 };

/* What the line s (cleaned) is: a CD_WHY_* reason to leave the text,
 * S_OTHER (a short line of another kind) or S_PROSE. */
/* Does s hold a year (19xx, 20xx) as a run of four digits of its own? */
static int S_year(const char *s, size_t n)
{
    for (size_t i = 0; i + 4 <= n; i++) {
        if (i && cd_isdigit((unsigned char)s[i - 1])) continue;
        if (!((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0'))) continue;
        if (cd_isdigit((unsigned char)s[i + 2]) && cd_isdigit((unsigned char)s[i + 3]) &&
            (i + 4 == n || !cd_isdigit((unsigned char)s[i + 4])))
            return 1;
    }
    return 0;
}

/* A copyright notice: "© 2008 The Associated Press. All rights reserved.",
 * "Copyright PA Sport 2007", "(c) Indo-Asian News Service". words is
 * cd_parts_words(s, n) counted to 17 at most (17: 17 or more). */
static int S_copyright(const char *s, size_t n, unsigned words)
{
    const char *q = s;
    size_t m = n;
    if (m && (*q == '(' || *q == '[')) q++, m--;
    /* "©", also after a stray byte of a mis-decoded page ("Â©"). */
    const char *c = m >= 2 ? memchr(q, 0xC2, m < 4 ? m - 1 : 3) : NULL;
    int mark = (c && (unsigned char)c[1] == 0xA9) || cd_parts_starts(s, n, "(c) ") ||
               cd_parts_starts(q, m, "copyright ") || cd_parts_starts(q, m, "copyright,");
    if (words > 16 && !mark) return 0; /* past 16 words, both tests below need the mark */
    int reserved = cd_contains_nocase(s, n, "all rights reserved");
    /* The notice may go on with the agency's terms ("This material may
     * not be published, broadcast, rewritten or redistributed."), to 60
     * words (counted on here, for the rare line that needs it). */
    if (reserved && (words <= 16 || cd_parts_words_max(s, n, 61) <= 60)) return 1;
    return words <= 16 && mark && (words <= 8 || S_year(s, n));
}

/* The owner a copyright notice names, when it is a news agency ("(c) 2008
 * by The Associated Press. All rights reserved." names The Associated
 * Press): the text is the agency's copy. NULL otherwise. */
const char *cd_news_copyright_agency(cd_news_ctx *p, const char *s, size_t n)
{
    size_t i = cd_parts_starts(s, n, "(c)") ? 3 : 0;
    /* Past the mark, the years and "by". */
    for (unsigned step = 0; i < n && step < 8; step++) {
        while (i < n && (cd_isspace((unsigned char)s[i]) || s[i] == '(' || s[i] == '[' || s[i] == ',' ||
                         s[i] == '-'))
            i++;
        size_t e = i;
        while (e < n && !cd_isspace((unsigned char)s[e]) && s[e] != ',')
            e++;
        const char *w = s + i;
        size_t wl = e - i;
        int year = wl >= 4 && cd_isdigit((unsigned char)w[0]);
        int mark = cd_eq_nocase(w, wl, "copyright") || cd_eq_nocase(w, wl, "(c)") || cd_eq_nocase(w, wl, "by") ||
                   (wl >= 2 && memchr(w, 0xC2, wl) && memchr(w, 0xA9, wl));
        if (!wl || !(year || mark)) break;
        /* "©2008": the mark glued to the year. */
        i = e;
    }
    size_t e = i;
    while (e < n && s[e] != ',' && s[e] != '(' && s[e] != ';' && s[e] != ')' &&
           !(s[e] == '.' && (e + 1 == n || cd_isspace((unsigned char)s[e + 1]))))
        e++;
    /* "Reuters 2008": the year after the name. */
    size_t f = e;
    while (f > i && (cd_isspace((unsigned char)s[f - 1]) || cd_isdigit((unsigned char)s[f - 1]) || s[f - 1] == '-'))
        f--;
    if (f > i && !cd_parts_is_agency(s + i, f - i)) {
        /* "© 2008 AAP Brought to you by": the longest run of the first words
         * (up to six) that names an agency, the notice's line having run on
         * into the next (a <br> inside one block). */
        size_t best = 0, w = i;
        for (unsigned words = 0; w < f && words < 6; words++) {
            while (w < f && !cd_isspace((unsigned char)s[w]))
                w++;
            if (cd_parts_is_agency(s + i, w - i)) best = w;
            while (w < f && cd_isspace((unsigned char)s[w]))
                w++;
        }
        /* "© 2008 Sun Media Corporation": the company that owns the paper,
         * no wire (h/wire7: a chain's news service is in the agency list). */
        static const char *const firm[] = {"corporation", "corp", "corp.", "inc", "inc.", "ltd", "ltd.",
                                           "limited", "group", "company", "llc", NULL};
        size_t fw = best;
        while (best && fw < f && cd_isspace((unsigned char)s[fw]))
            fw++;
        size_t fe = fw;
        while (fe < f && !cd_isspace((unsigned char)s[fe]))
            fe++;
        for (size_t q = 0; best && fe > fw && firm[q]; q++)
            if (cd_eq_nocase(s + fw, fe - fw, firm[q])) return NULL;
        if (best) f = best;
    }
    /* "Copyright © 2008 WorldSoccerNews.com and AFP": the site and a wire
     * as the owners, the wire last (round 14 wldcup-grant-chelsea). */
    for (size_t k = f; k > i + 5 && (f <= i || !cd_parts_is_agency(s + i, f - i)); k--)
        if (cd_eq_nocase(s + k - 5, 5, " and ")) {
            if (cd_parts_is_agency(s + k, f - k) && !cd_parts_photo_agency(s + k, f - k))
                return cd_news_clean(p, s + k, f - k);
            break;
        }
    if (f <= i || !cd_parts_is_agency(s + i, f - i) || cd_parts_photo_agency(s + i, f - i)) {
        /* The agency after the notice's words, "from" or "by" it ("©All rights
         * reserved, news from Canadian Press", l3s eastottawa-airlines-disabled):
         * the words after the last "from " / "by " to the end, a known wire. */
        size_t t = n;
        while (t && (cd_isspace((unsigned char)s[t - 1]) || s[t - 1] == '.'))
            t--;
        for (size_t k = t; k > 4; k--) {
            size_t l = cd_isspace((unsigned char)s[k - 1]) && k >= 6 && cd_eq_nocase(s + k - 6, 5, " from") ? 6
                       : cd_isspace((unsigned char)s[k - 1]) && k >= 4 && cd_eq_nocase(s + k - 4, 3, " by") ? 4 : 0;
            if (!l) continue;
            if (k < t && cd_parts_is_agency(s + k, t - k) && !cd_parts_photo_agency(s + k, t - k))
                return cd_news_clean(p, s + k, t - k);
            break;
        }
        return NULL;
    }
    return cd_news_clean(p, s + i, f - i);
}

/* A byline of its own ("By GRANT PECK, Associated Press Writer", "By Tom
 * Ashby") whose author the fields hold, or an agency's. */
static int S_byline(cd_news_ctx *p, const char *s, size_t n, unsigned words)
{
    if (words < 2 || words > 10 || !cd_parts_starts(s, n, "by ") || n < 4) return 0;
    const char *r = s + 3;
    size_t rl = n - 3;
    while (rl && *r == ' ')
        r++, rl--;
    if (!rl || !(*r >= 'A' && *r <= 'Z')) return 0;
    if (s[n - 1] == '.' || s[n - 1] == '?' || s[n - 1] == '!' || s[n - 1] == ':') return 0;
    for (size_t i = 0; i < p->m->nauthors; i++) {
        const char *a = p->m->authors[i];
        /* The last word of the name: "Grant Peck" in "By GRANT PECK". */
        const char *sp = strrchr(a, ' ');
        const char *last = sp ? sp + 1 : a;
        size_t ll = strlen(last);
        if (ll >= 2 && cd_contains_nocase(r, rl, last)) return 1;
    }
    return p->m->credit && cd_contains_nocase(r, rl, p->m->credit);
}

static int S_kind(cd_news_ctx *p, const char *s, size_t n)
{
    /* A member's "Joined: <date>" dates no story: it is a thread's furniture. */
    if (cd_extract_profile_line(s, n)) return S_OTHER;
    if (cd_parts_date_line(s, n)) return CD_WHY_DATE_LINE;
    /* Every test below compares w with 16 or less (S_copyright counts on
     * when it needs to): counted to 17 at most, so a paragraph's words past
     * its seventeenth are not read. */
    unsigned w = cd_parts_words_max(s, n, 17);
    if (S_copyright(s, n, w)) return CD_WHY_COPYRIGHT;
    if (S_byline(p, s, n, w)) return CD_WHY_BYLINE;
    if (w >= 12 || (w >= 5 && cd_furniture_sentence(s, n))) return S_PROSE;
    return S_OTHER;
}

/* Leave line l of block blk (gathered in t) out of the text for reason why. */
static void S_leave(cd_news_ctx *p, cd_nid blk, const cd_news_text *t, S_line l, int why)
{
    if (p->keep) return;
    int whole = 1;
    for (uint32_t c = 0; c < t->n && whole; c++)
        if ((c < l.a || c >= l.b) && !cd_isspace((unsigned char)t->s[c])) whole = 0;
    if (whole && !t->more)
        cd_extract_drop_as(p->x, blk, (uint8_t)why);
    else
        cd_news_cut(p, t, l.a, l.b, (uint8_t)why);
}

/* Is blk inside an item of a list or a cell of a table that does not hold
 * the story's first block too (a layout table's cell holds the story)? */
static int S_in_list(cd_news_ctx *p, cd_nid blk)
{
    unsigned d = 0;
    for (cd_nid a = blk; a && d < 6; a = cd_dom_node(p->dom, a)->parent, d++) {
        uint16_t tag = cd_dom_node(p->dom, a)->tag;
        if (tag == CD_TAG_LI || tag == CD_TAG_TD || tag == CD_TAG_TH || tag == CD_TAG_DD ||
            tag == CD_TAG_DT)
            return !(p->nfirst && cd_news_inside(p->dom, p->first[0], a));
    }
    return 0;
}

/* Is blk in a list's item or a link, not around the story's first block? */
static int S_card(cd_news_ctx *p, cd_nid blk)
{
    if (S_in_list(p, blk)) return 1;
    unsigned d = 0;
    for (cd_nid a = blk; a && d < 8; a = cd_dom_node(p->dom, a)->parent, d++)
        if (cd_dom_is(p->dom, a, CD_TAG_A) || cd_dom_is(p->dom, a, CD_TAG_LI)) return 1;
    return 0;
}

/* Like cd_news_gather, but the last lines of top rather than the first:
 * the text nodes that end it, as many as fit; t->more when earlier text was
 * left out. */
static void S_gather_tail(const cd_news_ctx *p, cd_nid top, cd_nid skip, cd_news_text *t)
{
    const cd_dom *dom = p->dom;
    cd_nid ring[CD_NEWS_SEGS];
    uint8_t gap[CD_NEWS_SEGS];
    unsigned count = 0, seen = 0;
    int pending = 0; /* a block or <br> since the last text node */
    t->n = 0;
    t->nseg = 0;
    t->nbr = 0;
    t->more = 0;
    for (cd_nid k = top; k; seen++) {
        if (seen >= CD_NEWS_TAIL_NODES) {
            t->more = 1;
            return;
        }
        const cd_node *nd = cd_dom_node(dom, k);
        if (k != top && (k == skip || cd_news_marked(p, k))) {
            k = cd_dom_next_skip(dom, k, top);
            continue;
        }
        if (nd->type == CD_NODE_TEXT) {
            /* A text after a block's end ("<p>…</p> <font>Copyright …</font>")
             * starts a line of its own, as one after a block's start does. */
            if (!pending) pending = cd_news_after_block(dom, k, top);
            ring[count % CD_NEWS_SEGS] = k;
            gap[count % CD_NEWS_SEGS] = (uint8_t)pending;
            count++;
            pending = 0;
        } else if (nd->type == CD_NODE_ELEMENT && k != top) {
            unsigned f = cd_tag_flags(nd->tag);
            if ((f & CD_TF_SKIP) || !cd_extract_node_visible(dom, k)) {
                k = cd_dom_next_skip(dom, k, top);
                continue;
            }
            if ((f & CD_TF_BLOCK) || nd->tag == CD_TAG_BR) pending = 1;
        }
        k = cd_dom_next(dom, k, top);
    }
    /* The last nodes that fit, then written in order. */
    unsigned take = 0;
    uint32_t bytes = 0;
    while (take < count && take < CD_NEWS_SEGS) {
        unsigned i = (count - 1 - take) % CD_NEWS_SEGS;
        uint32_t need = cd_dom_node(dom, ring[i])->len + 1;
        if (bytes + need > CD_NEWS_TEXT_MAX) break;
        bytes += need;
        take++;
    }
    t->more = take < count;
    for (unsigned j = count - take; j < count; j++) {
        const cd_node *nd = cd_dom_node(dom, ring[j % CD_NEWS_SEGS]);
        if (gap[j % CD_NEWS_SEGS] && t->n) t->s[t->n++] = ' ';
        memcpy(t->s + t->n, nd->u.text, nd->len);
        t->seg[t->nseg++] = (cd_news_seg){ring[j % CD_NEWS_SEGS], t->n, nd->len};
        t->n += nd->len;
    }
}

/* A line of the head read as another kind may hold a date line that
 * follows a block's end with no space between ("<h4>Jason Botchford, The
 * Province</h4><span>Published: Friday, January 18, 2008</span>", l3s-gn1
 * 3df0f8d9 and four more pages of one template): the part of line l from
 * such a text node on leaves the text when it is a date line. Only that part
 * is read, so a line already read as a byline or a date line whole stays so
 * (splitting every line there let "By GILLIAN WONG</div><b>The Associated
 * Press" leave only its first half). */
static void S_date_after_block(cd_news_ctx *p, cd_nid blk, const cd_news_text *t, S_line l)
{
    for (uint32_t i = 0; i < t->nseg; i++) {
        uint32_t a = t->seg[i].at;
        if (a <= l.a || a >= l.b) continue;
        if (!cd_news_after_block(p->dom, t->seg[i].node, blk)) continue;
        size_t len;
        char *c = cd_meta_clean(p->arena, t->s + a, l.b - a, &len);
        if (c && cd_parts_date_line(c, len) && !cd_extract_profile_line(c, len))
            S_leave(p, blk, t, (S_line){a, l.b}, CD_WHY_DATE_LINE);
        return;
    }
}

/* Peel lines from one end of the body: blocks blks[0..n) in peeling order
 * (the head top down, the foot bottom up). A block met inside one already
 * read was read with it; a block around it is read without it. */
static void S_peel(cd_news_ctx *p, const cd_nid *blks, unsigned n, int foot)
{
    cd_news_text t;
    S_line ln[S_LINES];
    unsigned passed = 0;
    cd_nid prev = CD_NONE;
    for (unsigned b = 0; b < n; b++) {
        cd_nid blk = blks[b];
        if (!blk || !cd_news_rendered(p, blk)) continue;
        if (prev && cd_news_inside(p->dom, blk, prev)) continue;
        cd_nid skip = prev && cd_news_inside(p->dom, prev, blk) ? prev : CD_NONE;
        prev = blk;
        /* After the story, a list or a table of its own is the page's
         * (references, a box score): the foot ends there. */
        if (foot && S_in_list(p, blk)) return;
        if (foot)
            S_gather_tail(p, blk, skip, &t);
        else
            cd_news_gather(p, blk, skip, 1, &t);
        /* A footer holding the source label is the credit's to read. */
        cd_nid src = foot ? cd_news_find(p, blk, cd_news_pred_source) : CD_NONE;
        if (src && src != blk) return;
        unsigned nl = S_split(&t, ln, S_LINES);
        /* The line at the cut end may be cut short: it ends the peeling. */
        if (t.more) nl = nl > 1 ? nl - 1 : 0;
        for (unsigned i = 0; i < nl; i++) {
            S_line l = ln[foot ? nl - 1 - i : i];
            if (foot && t.more) l = ln[nl - i]; /* ln[0] is the cut one */
            size_t len;
            char *c = cd_meta_clean(p->arena, t.s + l.a, l.b - l.a, &len);
            if (!c) continue;
            /* The deck stays, and the head goes on after it. */
            if (!foot && p->m->deck && cd_meta_eq_nocase(c, len, p->m->deck, strlen(p->m->deck)))
                continue;
            int k = S_kind(p, c, len);
            /* The byline of a card in a list of stories is the card's. */
            if (k == CD_WHY_BYLINE && S_card(p, blk)) k = S_OTHER;
#ifdef CD_NEWS_DEBUG
            fprintf(stderr, "peel %s blk=%u k=%d [%s]\n", foot ? "foot" : "head", blk, k, c);
#endif
            if (k == S_PROSE) {
                /* "Juliet O'Neill and Jack Aubry, CanWest News Service</h4>
                 * <span>Published: …" reads as a dozen words (7028acaa). */
                if (!foot) S_date_after_block(p, blk, &t, l);
                return;
            }
            if (k == S_OTHER) {
                if (!foot) S_date_after_block(p, blk, &t, l);
                if (++passed > S_PASS) return;
                continue;
            }
            if (k == CD_WHY_COPYRIGHT && foot) p->foot_notice = 1;
            if (k == CD_WHY_COPYRIGHT && foot && !p->foot_agency)
                p->foot_agency = cd_news_copyright_agency(p, c, len);
            if (k == CD_WHY_COPYRIGHT && foot && !p->foot_contrib)
                p->foot_contrib = cd_news_notice_contrib(p, c, len);
            S_leave(p, blk, &t, l, k);
        }
        if (t.more) return;
    }
}

void cd_news_head_lines(cd_news_ctx *p)
{
    S_peel(p, p->first, p->nfirst, 0);
}

/* The last rendered text node with words under blk (CD_NONE). */
static cd_nid S_last_text(cd_news_ctx *p, cd_nid blk)
{
    cd_nid last = CD_NONE;
    unsigned seen = 0;
    for (cd_nid k = blk; k && seen < CD_NEWS_GATHER_NODES; seen++) {
        const cd_node *n = cd_dom_node(p->dom, k);
        if (k != blk && cd_news_marked(p, k)) {
            k = cd_dom_next_skip(p->dom, k, blk);
            continue;
        }
        if (n->type == CD_NODE_TEXT && !cd_news_space_text(n)) last = k;
        k = cd_dom_next(p->dom, k, blk);
    }
    return last;
}

void cd_news_foot_lines(cd_news_ctx *p)
{
    unsigned n = 0;
    while (n < CD_NEWS_TAIL && p->tail[n])
        n++;
    S_peel(p, p->tail, n, 1);
    /* The closing blocks are now those left. */
    unsigned k = 0;
    cd_nid last[CD_NEWS_LAST] = {CD_NONE};
    for (unsigned b = 0; b < n && k < CD_NEWS_LAST; b++)
        if (cd_news_rendered(p, p->tail[b]) && S_last_text(p, p->tail[b])) last[k++] = p->tail[b];
    if (last[0] != p->last[0] || (k > 1 && last[1] != p->last[1])) {
        memcpy(p->last, last, sizeof last);
        cd_nid lt = last[0] ? S_last_text(p, last[0]) : CD_NONE;
        if (lt) p->last_text = lt;
    }
}
