/* news/parts: the article's parts read from the extracted body.
 *
 * Runs after extraction, over the content roots it chose: the dateline that
 * opens the body, the wire credit that closes it, the lead figure's caption
 * and photo credit, and a visible deck right under the headline. What is
 * carried as a field leaves the body (unless keep_parts) through
 * cd_extract_cut / cd_extract_drop; the tree itself is never modified.
 *
 * This file walks the tree: which blocks open and close the body, which
 * figure leads, where the deck sits, and what to cut. The text patterns
 * (dateline grammar, credit lines, photo credits) are in parts_text.c.
 *
 * Why each part is read the way it is (which figure leads, which credit
 * wins, what leaves the text): docs/decisions.md, "The news parts".
 *
 * Work is bounded: one pass over the body, a bounded window of nodes around
 * the headline, and a bounded number of bytes gathered from any block (the
 * CD_NEWS_* limits in util/limits.h). */
#include <string.h>

#include "../extract/extract.h"
#include "../meta/cand.h"
#include "../meta/dates.h"
#include "../meta/title.h"
#include "../util/buf.h"
#include "../util/ctype.h"
#include "../util/limits.h"
#include "../util/url.h"
#include "../util/utf8.h"
#include "news.h"
#include "parts_text.h"

#define S_FIRST 4u             /* first blocks kept for the dateline and deck */
#define S_LAST 2u              /* closing blocks tested as credit lines */
#define S_TAIL 8u              /* closing blocks searched for a contributor line */
#define S_LEAD_WINDOW 1500u    /* body bytes before which a figure is the lead */

/* ---- the state of one run ---------------------------------------------- */

typedef struct S_parts {
    cd_meta *m;
    const cd_dom *dom;
    cd_arena *arena;
    cd_extract *x;
    const char *page_url;
    int keep;
    cd_meta_ctx ctx; /* for cd_meta_class_has */
    /* From the body pass. */
    cd_nid first[S_FIRST];
    unsigned nfirst;
    cd_nid last[S_LAST];      /* last[0] the closing block, last[1] the one before */
    cd_nid tail[S_TAIL];      /* the last S_TAIL blocks, tail[0] the closing one */
    cd_nid last_text;         /* the last text node with words */
    cd_nid lead_fig;          /* the lead figure (or figure-like block) */
    cd_nid figs[CD_NEWS_FIGS]; /* the figures of the body, in order */
    unsigned nfigs;
    const char *loose_credit; /* a standalone photo credit before the first paragraph */
    const char *agency;       /* the agency named in the dateline */
    cd_nid h1;                /* the headline element */
} S_parts;

/* Text gathered from a subtree, with the map back to its text nodes. */
typedef struct S_seg {
    cd_nid node;
    uint32_t at, len; /* s[at, at+len) is the node's bytes [0, len) */
} S_seg;

typedef struct S_text {
    char s[CD_NEWS_TEXT_MAX];
    uint32_t n;
    S_seg seg[CD_NEWS_SEGS];
    uint32_t nseg;
    int more; /* the subtree holds more than was gathered */
} S_text;

static int S_marked(const S_parts *p, cd_nid id)
{
    return p->x->mark && id < p->x->mark_cap && p->x->mark[id] != CD_MARK_NONE;
}

/* Is id rendered: inside a content root, with no left-out ancestor? */
static int S_rendered(const S_parts *p, cd_nid id)
{
    unsigned depth = 0;
    for (cd_nid a = id; a && depth < CD_MAX_DEPTH + 8;
         a = cd_dom_node(p->dom, a)->parent, depth++) {
        if (S_marked(p, a)) return 0;
        for (uint32_t r = 0; r < p->x->nroots; r++)
            if (p->x->roots[r] == a) return 1;
    }
    return 0;
}

static int S_is_space_text(const cd_node *n)
{
    for (uint32_t i = 0; i < n->len; i++) {
        unsigned char c = (unsigned char)n->u.text[i];
        if (!cd_isspace(c) &&
            !(c == 0xC2 && i + 1 < n->len && (unsigned char)n->u.text[i + 1] == 0xA0))
            return 0;
        if (c == 0xC2) i++;
    }
    return 1;
}

/* Gather the visible text of top (skipping the subtree `skip`; honouring the
 * extraction's marks when rendered) into t. Blocks and <br> inside become a
 * space that belongs to no node. */
static void S_gather(const S_parts *p, cd_nid top, cd_nid skip, int rendered, S_text *t)
{
    const cd_dom *dom = p->dom;
    t->n = 0;
    t->nseg = 0;
    t->more = 0;
    unsigned seen = 0;
    for (cd_nid k = top; k; seen++) {
        if (seen >= CD_NEWS_GATHER_NODES) {
            t->more = 1;
            break;
        }
        const cd_node *nd = cd_dom_node(dom, k);
        if (k != top && (k == skip || (rendered && S_marked(p, k)))) {
            k = cd_dom_next_skip(dom, k, top);
            continue;
        }
        if (nd->type == CD_NODE_TEXT) {
            if (t->nseg >= CD_NEWS_SEGS) {
                t->more = 1;
                break;
            }
            if (t->n + nd->len > CD_NEWS_TEXT_MAX) {
                /* A long node: its start is enough for a dateline. */
                uint32_t take = CD_NEWS_TEXT_MAX - t->n;
                memcpy(t->s + t->n, nd->u.text, take);
                t->seg[t->nseg++] = (S_seg){k, t->n, take};
                t->n += take;
                t->more = 1;
                break;
            }
            memcpy(t->s + t->n, nd->u.text, nd->len);
            t->seg[t->nseg++] = (S_seg){k, t->n, nd->len};
            t->n += nd->len;
        } else if (nd->type == CD_NODE_ELEMENT && k != top) {
            unsigned f = cd_tag_flags(nd->tag);
            if ((f & CD_TF_SKIP) || !cd_extract_node_visible(dom, k)) {
                k = cd_dom_next_skip(dom, k, top);
                continue;
            }
            if (((f & CD_TF_BLOCK) || nd->tag == CD_TAG_BR) && t->n && t->n < CD_NEWS_TEXT_MAX)
                t->s[t->n++] = ' ';
        }
        k = cd_dom_next(dom, k, top);
    }
}

/* Leave t->s[a, b) out of the rendering: whole text nodes are dropped, parts
 * of one cut. All or nothing: 0 when the cuts would not fit. */
static int S_cut(S_parts *p, const S_text *t, uint32_t a, uint32_t b)
{
    unsigned need = 0;
    for (uint32_t i = 0; i < t->nseg; i++) {
        const S_seg *g = &t->seg[i];
        if (g->at + g->len <= a || g->at >= b) continue;
        uint32_t lo = a > g->at ? a - g->at : 0, hi = b < g->at + g->len ? b - g->at : g->len;
        if (!(lo == 0 && hi == cd_dom_node(p->dom, g->node)->len)) need++;
    }
    if (p->x->ncuts + need > CD_MAX_CUTS) return 0;
    for (uint32_t i = 0; i < t->nseg; i++) {
        const S_seg *g = &t->seg[i];
        if (g->at + g->len <= a || g->at >= b) continue;
        uint32_t lo = a > g->at ? a - g->at : 0, hi = b < g->at + g->len ? b - g->at : g->len;
        if (lo == 0 && hi == cd_dom_node(p->dom, g->node)->len)
            cd_extract_drop(p->x, g->node);
        else if (hi > lo)
            cd_extract_cut(p->x, p->dom, g->node, lo, hi - lo);
    }
    return 1;
}

static const char *S_clean(S_parts *p, const char *s, size_t n)
{
    return cd_meta_clean(p->arena, s, n, NULL);
}

static void S_dateline(S_parts *p)
{
    S_text t;
    for (unsigned b = 0; b < p->nfirst && b < 3; b++) {
        if (S_marked(p, p->first[b])) continue;
        S_gather(p, p->first[b], CD_NONE, 1, &t);
        /* The dateline and the sentence it opens share one line: stop at the
         * first block or <br> inside ("<strong>GNW: Title</strong><p>…"). */
        uint32_t line = t.n;
        for (uint32_t i = 0; i + 1 < t.nseg; i++)
            if (t.seg[i + 1].at > t.seg[i].at + t.seg[i].len) {
                line = t.seg[i].at + t.seg[i].len;
                break;
            }
        cd_parts_dl d;
        int ok = cd_parts_dateline(t.s, line, &d) || cd_parts_agency_opener(t.s, line, &d);
        if (ok) {
            if (d.place_end > d.place_at && !p->m->dateline) {
                p->m->dateline = S_clean(p, t.s + d.place_at, d.place_end - d.place_at);
                if (p->m->dateline) p->m->dateline_source = "visible";
            }
            if (d.agency_end > d.agency_at)
                p->agency = S_clean(p, t.s + d.agency_at, d.agency_end - d.agency_at);
            if (!p->keep) S_cut(p, &t, d.place_at, d.end);
            return;
        }
        /* Only a short opener (a kicker, a stray byline) is passed over. */
        if (t.more || t.n > 100) return;
    }
}

static void S_credit_set(S_parts *p, const char *s, size_t n)
{
    cd_parts_trim(&s, &n);
    if (p->m->credit) return; /* a structured statement stays */
    p->m->credit = S_clean(p, s, n);
    if (p->m->credit) p->m->credit_source = "visible";
}

/* A wire byline: the agency credited as the only author ("By AFP") is the
 * source of the text, when nothing else says so. */
static void S_wire_byline(cd_meta *m)
{
    if (m->credit || m->nauthors != 1) return;
    const char *a = m->authors[0];
    size_t al = strlen(a);
    if (cd_parts_is_agency(a, al) && !cd_parts_photo_agency(a, al)) {
        m->credit = a;
        m->credit_source = m->author_source ? m->author_source : "visible";
    }
}

static int S_has(S_parts *p, cd_nid id, const char *const *words);
static int S_source_footer(S_parts *p, cd_nid blk);

/* Is blk (or one of its four nearest ancestors) the byline box, where
 * "Jane Doe and John Roe contributed." lists the story's reporters next to
 * the authors' bios: people, not the source of the text? */
static int S_in_byline(S_parts *p, cd_nid blk)
{
    static const char *const byline[] = {"byline", "author", NULL};
    cd_nid a = blk;
    for (unsigned d = 0; a && d < 5; d++, a = cd_dom_node(p->dom, a)->parent)
        if (S_has(p, a, byline)) return 1;
    return 0;
}

static void S_credit(S_parts *p)
{
    S_text t;
    int kind = CD_PARTS_CREDIT_NONE;
    for (unsigned b = 0; b < S_LAST && !kind; b++) {
        cd_nid blk = p->last[b];
        if (!blk || S_marked(p, blk) || S_in_byline(p, blk)) continue;
        /* The first paragraph is never the closing credit. */
        if (p->nfirst && blk == p->first[0] && b == 0 && !p->last[1]) break;
        S_gather(p, blk, CD_NONE, 1, &t);
        if (t.more) continue;
        const char *s = t.s;
        size_t n = t.n;
        kind = cd_parts_credit_line(s, n);
        /* A structured credit confirms a line that says just that. */
        if (!kind && p->m->credit) {
            cd_parts_trim(&s, &n);
            size_t cl = strlen(p->m->credit);
            char *c = cd_meta_clean(p->arena, s, n, &n);
            if (c && cd_meta_eq_nocase(c, n, p->m->credit, cl)) kind = CD_PARTS_CREDIT_LINE;
        }
        if (!kind) continue;
        if (kind == CD_PARTS_CREDIT_STAFF && p->agency)
            S_credit_set(p, p->agency, strlen(p->agency));
        else
            S_credit_set(p, t.s, t.n);
        if (!p->keep) cd_extract_drop(p->x, blk);
    }
    if (!kind && p->last[0] && !S_marked(p, p->last[0]))
        kind = S_source_footer(p, p->last[0]);
    if (!kind && p->last_text && !S_marked(p, p->last_text)) {
        const cd_node *n = cd_dom_node(p->dom, p->last_text);
        size_t at = cd_parts_signoff(n->u.text, n->len);
        if (at < n->len) {
            kind = CD_PARTS_CREDIT_STAFF;
            if (p->agency)
                S_credit_set(p, p->agency, strlen(p->agency));
            else
                S_credit_set(p, n->u.text + at, n->len - at);
            if (!p->keep)
                cd_extract_cut(p->x, p->dom, p->last_text, (uint32_t)at, (uint32_t)(n->len - at));
        }
    }
    /* "Heba Habib contributed to this report." above a few closing blocks
     * (a "Read more" list, the author's bio): the contributor line still
     * closes the story. Only that form, so deep in the tail. */
    for (unsigned b = S_LAST; !kind && b < S_TAIL; b++) {
        cd_nid blk = p->tail[b];
        if (!blk || S_marked(p, blk) || (p->nfirst && blk == p->first[0]) || S_in_byline(p, blk))
            continue;
        S_gather(p, blk, CD_NONE, 1, &t);
        if (t.more || !cd_contains_nocase(t.s, t.n, "contributed") ||
            cd_parts_credit_line(t.s, t.n) != CD_PARTS_CREDIT_LINE)
            continue;
        kind = CD_PARTS_CREDIT_LINE;
        S_credit_set(p, t.s, t.n);
        if (!p->keep) cd_extract_drop(p->x, blk);
    }
    if (!kind && p->agency) S_credit_set(p, p->agency, strlen(p->agency));
    if (!kind && !p->agency) S_wire_byline(p->m);
}

/* ---- the lead figure ------------------------------------------------------ */

/* Caption classes: "caption", French "légende", and a description named
 * after the picture it describes ("photo__desc"). Not English "legend": it
 * names any label ("authorLegend", a chart's key). */
static const char *const S_caption_words[] = {"caption",    "figcaption", "legende",
                                              "photo-desc", "image-desc", "img-desc",
                                              "media-desc", "foto-desc",  "picture-desc",
                                              NULL};
static const char *const S_credit_words[] = {"credit",       "copyright", "photographer",
                                             "attribution",  "courtesy",  "photo-source",
                                             "image-source", "source",    "caption-owner", NULL};
static const char *const S_deck_words[] = {
    "dek",         "deck",         "standfirst", "stand-first",    "subtitle",  "sub-title",
    "subheadline", "sub-headline", "subhead",    "sub-head",       "strapline", "summary",
    "lede",        "lead-text",    "leadtext",   "lead-paragraph", "intro",     "excerpt",
    "teaser",      "abstract",     "synopsis",   "kicker-sub",     "tagline",
    /* the standfirst's name in other newsrooms: Czech/Slovak, German, French, Spanish */
    "perex",       "anriss",       "chapo",      "chapeau",        "bajada",    "entradilla",
    NULL};
/* Words that name a story's opening paragraph as much as a standfirst. */
static const char *const S_first_para_words[] = {"intro", "lede", "lead-paragraph", NULL};
/* Words only a news standfirst carries: such a deck leaves the body. The others
 * (intro, summary, subtitle, an h2 under the h1) name blocks that annotated
 * pages (WCXB, Readability's test pages) keep in the main text. */
static const char *const S_deck_strong[] = {
    "dek", "deck", "standfirst", "stand-first", "strapline", "subheadline", "sub-headline", NULL};

static int S_has(S_parts *p, cd_nid id, const char *const *words)
{
    return cd_dom_node(p->dom, id)->type == CD_NODE_ELEMENT &&
           cd_meta_class_has(&p->ctx, id, words);
}

static int S_is_img(const cd_dom *dom, cd_nid id)
{
    const cd_node *n = cd_dom_node(dom, id);
    if (n->type != CD_NODE_ELEMENT) return 0;
    if (n->tag == CD_TAG_IMG) return 1;
    return n->tag == CD_TAG_UNKNOWN && n->name && strcmp(n->name, "amp-img") == 0;
}

/* The first descendant of top (itself included) that pred accepts, within
 * CD_NEWS_FIG_NODES nodes. */
static cd_nid S_find(S_parts *p, cd_nid top, int (*pred)(S_parts *, cd_nid))
{
    unsigned seen = 0;
    for (cd_nid k = top; k && seen < CD_NEWS_FIG_NODES; k = cd_dom_next(p->dom, k, top), seen++)
        if (cd_dom_node(p->dom, k)->type == CD_NODE_ELEMENT && pred(p, k)) return k;
    return CD_NONE;
}

/* Does attribute name of id hold any of the words (ASCII, case-insensitive)? */
static int S_attr_says(const cd_dom *dom, cd_nid id, const char *name, const char *const *words)
{
    size_t l = 0;
    const char *v = cd_dom_attr(dom, id, name, &l);
    if (!v || l > 4096) return 0;
    for (size_t i = 0; words[i]; i++)
        if (cd_contains_nocase(v, l, words[i])) return 1;
    return 0;
}

static int S_small_attr(const cd_dom *dom, cd_nid id, const char *name)
{
    size_t l = 0;
    const char *v = cd_dom_attr(dom, id, name, &l);
    if (!v || !l || !cd_isdigit((unsigned char)v[0])) return 0;
    unsigned x = 0;
    for (size_t i = 0; i < l && i < 6 && cd_isdigit((unsigned char)v[i]); i++)
        x = x * 10 + (unsigned)(v[i] - '0');
    return x < 100;
}

/* A picture, not an avatar, a logo, an icon or a tracking pixel. */
static int S_pred_img(S_parts *p, cd_nid id)
{
    static const char *const junk[] = {"avatar",  "gravatar", "logo",   "icon",
                                       "favicon", "sprite",   "spacer", NULL};
    const cd_dom *dom = p->dom;
    if (!S_is_img(dom, id)) return 0;
    return !S_small_attr(dom, id, "width") && !S_small_attr(dom, id, "height") &&
           !S_attr_says(dom, id, "src", junk) && !S_attr_says(dom, id, "class", junk) &&
           !S_attr_says(dom, id, "data-src", junk);
}

static int S_pred_figcaption(S_parts *p, cd_nid id)
{
    return cd_dom_is(p->dom, id, CD_TAG_FIGCAPTION);
}

/* A video player: the caption of a figure that holds one and no picture
 * describes the video, not the og:image (its poster at most). */
static int S_pred_player(S_parts *p, cd_nid id)
{
    const cd_node *n = cd_dom_node(p->dom, id);
    return n->tag == CD_TAG_IFRAME || n->tag == CD_TAG_VIDEO || n->tag == CD_TAG_AUDIO ||
           n->tag == CD_TAG_EMBED || n->tag == CD_TAG_OBJECT;
}

/* A class saying the block has no caption ("no_caption", "nocaption"). */
static int S_no_caption(const cd_dom *dom, cd_nid id)
{
    static const char *const no[] = {"no_caption", "no-caption", "nocaption", "without-caption",
                                     NULL};
    return S_attr_says(dom, id, "class", no);
}

static int S_pred_caption(S_parts *p, cd_nid id)
{
    return S_has(p, id, S_caption_words) && !S_has(p, id, S_credit_words) &&
           !S_no_caption(p->dom, id);
}

/* A link to a place on the same page (href="#…"). */
static int S_pred_anchor_link(S_parts *p, cd_nid id)
{
    size_t l = 0;
    const char *h = cd_dom_is(p->dom, id, CD_TAG_A) ? cd_dom_attr(p->dom, id, "href", &l) : NULL;
    return h && l && h[0] == '#';
}

static int S_pred_quote(S_parts *p, cd_nid id)
{
    return cd_dom_is(p->dom, id, CD_TAG_BLOCKQUOTE);
}

static int S_pred_credit(S_parts *p, cd_nid id)
{
    if (S_has(p, id, S_credit_words)) return 1;
    /* <cite> in a caption names the picture's source (<figcaption><cite>Adobe</cite>). */
    if (cd_dom_is(p->dom, id, CD_TAG_CITE)) {
        /* Not a quotation's source (<figure><blockquote>…<figcaption><cite>):
         * the caption's figure shows a picture and quotes nothing. */
        int cap = 0;
        /* It ends the caption ("Stream <cite>Silo</cite> on TV" names a work). */
        for (cd_nid nx = cd_dom_node(p->dom, id)->next; nx; nx = cd_dom_node(p->dom, nx)->next) {
            const cd_node *x = cd_dom_node(p->dom, nx);
            if (x->type == CD_NODE_ELEMENT || (x->type == CD_NODE_TEXT && !S_is_space_text(x)))
                return 0;
        }
        cd_nid a = cd_dom_node(p->dom, id)->parent;
        for (unsigned d = 0; a && d < 5; d++, a = cd_dom_node(p->dom, a)->parent) {
            cap |= cd_dom_is(p->dom, a, CD_TAG_FIGCAPTION) || S_has(p, a, S_caption_words);
            if (cap && cd_dom_is(p->dom, a, CD_TAG_FIGURE))
                return S_find(p, a, S_pred_img) && !S_find(p, a, S_pred_quote);
        }
    }
    size_t l = 0;
    const char *v = cd_dom_attr(p->dom, id, "itemprop", &l);
    return v && (cd_eq_nocase(v, l, "copyrightHolder") || cd_eq_nocase(v, l, "creditText"));
}

/* A credit value: without its label and outer parentheses. */
static const char *S_credit_value(S_parts *p, const char *s, size_t n)
{
    cd_parts_trim(&s, &n);
    for (unsigned again = 0; again < 3; again++) {
        size_t lab = cd_parts_photo_label(s, n);
        /* "Credit" as a screen-reader label glued to the name ("CreditJane Doe"). */
        if (!lab && n > 7 && memcmp(s, "Credit", 6) == 0 &&
            (s[6] == ' ' || (s[6] >= 'A' && s[6] <= 'Z')))
            lab = 6;
        /* In an element already known to hold the photo credit, "Source:"
         * (and its translations) is a label too. */
        static const char *const src[] = {"source:", "source :", "quelle:", "fuente:",
                                          "fonte:",  "bron:",    NULL};
        for (size_t i = 0; !lab && src[i]; i++)
            if (n > strlen(src[i]) && cd_parts_starts(s, n, src[i])) lab = strlen(src[i]);
        if (!lab) break;
        s += lab;
        n -= lab;
        cd_parts_trim(&s, &n);
    }
    return S_clean(p, s, n);
}

static void S_image_url(S_parts *p, cd_nid img)
{
    /* A lazy loader's real URL first: its src is often a placeholder. */
    static const char *const attrs[] = {
        "data-src", "data-lazy-src", "data-original", "src", "data-srcset", "srcset", NULL};
    static const char *const placeholder[] = {"blank.", "placeholder",  "pixel.", "spacer",
                                              "lazy",   "transparent.", NULL};
    const char *base = p->page_url ? p->page_url : p->m->url;
    for (size_t i = 0; attrs[i]; i++) {
        size_t l = 0;
        const char *v = cd_dom_attr(p->dom, img, attrs[i], &l);
        while (v && l && cd_isspace((unsigned char)*v))
            v++, l--;
        if (!v || !l || cd_parts_starts(v, l, "data:") || cd_url_is_script(v, l) || l > 4096 ||
            S_attr_says(p->dom, img, attrs[i], placeholder))
            continue;
        if (attrs[i][strlen(attrs[i]) - 1] == 't') { /* srcset: the first URL */
            size_t k = 0;
            while (k < l && !cd_isspace((unsigned char)v[k]) && v[k] != ',')
                k++;
            l = k;
        }
        cd_buf b;
        cd_buf_init(&b, p->x->mem);
        cd_url_resolve(base, base ? strlen(base) : 0, v, l, &b);
        if (!b.failed && b.len) {
            char *u = cd_arena_alloc(p->arena, b.len + 1);
            if (u) {
                memcpy(u, b.data, b.len);
                u[b.len] = '\0';
                p->m->image_url = u;
                if (!p->m->image_source) p->m->image_source = "visible";
            }
        }
        cd_buf_free(&b);
        return;
    }
}

static int S_inside(const cd_dom *dom, cd_nid id, cd_nid anc)
{
    unsigned d = 0;
    for (cd_nid a = id; a && d < CD_MAX_DEPTH + 8; a = cd_dom_node(dom, a)->parent, d++)
        if (a == anc) return 1;
    return 0;
}

/* Does c hold a span of years ("1996-2015", "2010–2024"), as a site's
 * copyright notice does and a photo credit does not? */
static int S_year_range(const char *c)
{
    size_t n = strlen(c);
    for (size_t i = 0; i + 9 <= n; i++) {
        if ((i && cd_isdigit((unsigned char)c[i - 1])) || !cd_isdigit((unsigned char)c[i]) ||
            !cd_isdigit((unsigned char)c[i + 1]) || !cd_isdigit((unsigned char)c[i + 2]) ||
            !cd_isdigit((unsigned char)c[i + 3]) || (c[i] != '1' && c[i] != '2'))
            continue;
        size_t k = i + 4;
        while (k < n && c[k] == ' ')
            k++;
        if (k < n && c[k] == '-') k++;
        else if (k + 2 < n && (unsigned char)c[k] == 0xE2 && (unsigned char)c[k + 1] == 0x80 &&
                 ((unsigned char)c[k + 2] == 0x93 || (unsigned char)c[k + 2] == 0x94))
            k += 3;
        else continue;
        while (k < n && c[k] == ' ')
            k++;
        if (k + 4 <= n && (c[k] == '1' || c[k] == '2') && cd_isdigit((unsigned char)c[k + 1]) &&
            cd_isdigit((unsigned char)c[k + 2]) && cd_isdigit((unsigned char)c[k + 3]) &&
            (k + 4 == n || !cd_isdigit((unsigned char)c[k + 4])))
            return 1;
    }
    return 0;
}

/* A caption set just after a figure rather than in it (<figure><img>
 * </figure><figcaption>, or the caption in the next block of a wrapper):
 * the first element after fig or after one of its two nearest ancestors, if
 * it is or holds a caption and shows no picture of its own. */
static cd_nid S_caption_after(S_parts *p, cd_nid fig)
{
    cd_nid a = fig;
    for (unsigned up = 0; a && up < 3; up++, a = cd_dom_node(p->dom, a)->parent) {
        cd_nid e = cd_dom_node(p->dom, a)->next;
        while (e && cd_dom_node(p->dom, e)->type != CD_NODE_ELEMENT)
            e = cd_dom_node(p->dom, e)->next;
        if (!e) continue;
        if (S_find(p, e, S_pred_img)) return CD_NONE;
        cd_nid cap = S_find(p, e, S_pred_figcaption);
        if (!cap) cap = S_find(p, e, S_pred_caption);
        return cap;
    }
    return CD_NONE;
}

/* The caption, the photo credit and the picture of figure fig: read into
 * the fields when it is the lead, and its photo credit taken out of the text
 * in every case. */
static void S_figure(S_parts *p, cd_nid fig, int lead)
{
    const cd_dom *dom = p->dom;
    S_text t;
    cd_nid cap = S_find(p, fig, S_pred_figcaption);
    if (!cap) cap = S_find(p, fig, S_pred_caption);
    int after = 0;
    if (!cap && lead && (cap = S_caption_after(p, fig)) != CD_NONE) after = 1;
    cd_nid cred = S_find(p, fig, S_pred_credit);
    if (!cred && after) cred = S_find(p, cap, S_pred_credit);
    if (cred == fig || (cred && cap && S_inside(dom, cap, cred))) cred = CD_NONE;
    cd_nid img = S_find(p, fig, S_pred_img);
    if (lead && img && !p->m->image_url) S_image_url(p, img);
    const char *credit = NULL, *caption = NULL;
    if (cred) {
        S_gather(p, cred, CD_NONE, 0, &t);
        /* "View image credit" linking to the credits further down is a control. */
        int control = S_find(p, cred, S_pred_anchor_link) != CD_NONE;
        size_t cs, vs, ve;
        if (!control && !t.more && cd_parts_photo_trailing(t.s, t.n, &cs, &vs, &ve)) {
            /* A credit block holding the caption too ("… | Photo by Name"). */
            credit = S_clean(p, t.s + vs, ve - vs);
            if (!cap) caption = S_clean(p, t.s, cd_parts_caption_end(t.s, cs));
        } else if (!control) {
            credit = S_credit_value(p, t.s, t.n);
        }
        cd_extract_drop(p->x, cred); /* a photo credit never stays in the text */
    }
    if (cap) {
        S_gather(p, cap, cred, 0, &t);
        size_t cs, vs, ve, v;
        if (!t.more && cd_parts_photo_line(t.s, t.n, 0, &v)) {
            /* The caption is only a credit. */
            if (!credit) credit = S_credit_value(p, t.s, t.n);
            cd_extract_drop(p->x, cap);
        } else if (!t.more && cd_parts_photo_trailing(t.s, t.n, &cs, &vs, &ve)) {
            if (!credit) credit = S_clean(p, t.s + vs, ve - vs);
            size_t ce = cd_parts_caption_end(t.s, cs);
            caption = S_clean(p, t.s, ce);
            if (S_rendered(p, cap)) S_cut(p, &t, (uint32_t)ce, t.n);
        } else if (cred && S_inside(dom, cred, cap)) {
            /* The credit element was skipped: the separator before it goes
             * too ("Caption - <span class=credit>Name</span>"). */
            caption = S_clean(p, t.s, cd_parts_caption_end(t.s, t.n));
        } else {
            caption = S_clean(p, t.s, t.n);
        }
    }
    /* A credit line of its own inside the figure ("<p>Photo: …</p>"). */
    if (!cred) {
        unsigned seen = 0;
        for (cd_nid k = fig; k && seen < CD_NEWS_FIG_NODES; seen++) {
            const cd_node *n = cd_dom_node(dom, k);
            if (k == cap) {
                k = cd_dom_next_skip(dom, k, fig);
                continue;
            }
            if (n->type == CD_NODE_TEXT && n->len <= CD_PARTS_PHOTO_LINE && !S_is_space_text(n)) {
                cd_nid e = n->parent;
                if (e != fig) {
                    S_gather(p, e, CD_NONE, 0, &t);
                    size_t v;
                    if (!t.more && cd_parts_photo_line(t.s, t.n, 0, &v)) {
                        if (!credit) credit = S_credit_value(p, t.s, t.n);
                        cd_extract_drop(p->x, e);
                        k = cd_dom_next_skip(dom, e, fig);
                        continue;
                    }
                }
            }
            k = cd_dom_next(dom, k, fig);
        }
    }
    if (caption && (cd_parts_bare_label(caption) || !cd_parts_words(caption, strlen(caption))))
        caption = NULL;
    /* "Henry Gilbert • February 15, 2017": a byline with its date, not a photo credit. */
    char date[CD_META_DATE_LEN];
    if (credit && cd_meta_date_norm(credit, strlen(credit), 0, 0, date) >= 10) credit = NULL;
    /* "washingtonpost.com © 1996-2015 The Washington Post": a site's copyright line. */
    if (credit && S_year_range(credit)) credit = NULL;
    if (!lead) return;
    if (!img && S_find(p, fig, S_pred_player)) return;
    if (caption && !p->m->image_caption) p->m->image_caption = caption;
    if (credit && !p->m->image_credit) p->m->image_credit = credit;
    if ((caption || credit) && !p->m->image_source) p->m->image_source = "visible";
}

/* The figure-like block around a caption outside <figure>: the nearest of
 * three ancestors that holds a picture. */
static cd_nid S_container(S_parts *p, cd_nid cap)
{
    if (S_find(p, cap, S_pred_img)) return cap;
    cd_nid a = cd_dom_node(p->dom, cap)->parent;
    for (unsigned d = 0; a && d < 3; d++, a = cd_dom_node(p->dom, a)->parent)
        if (cd_dom_node(p->dom, a)->type == CD_NODE_ELEMENT && S_find(p, a, S_pred_img)) return a;
    return CD_NONE;
}

/* ---- the body pass -------------------------------------------------------- */

static cd_nid S_block_of(const cd_dom *dom, cd_nid id, cd_nid root)
{
    cd_nid a = cd_dom_node(dom, id)->parent;
    for (unsigned d = 0; a && a != root && d < 64; d++) {
        if (cd_tag_flags(cd_dom_node(dom, a)->tag) & CD_TF_BLOCK) return a;
        a = cd_dom_node(dom, a)->parent;
    }
    return root;
}

static int S_is_caption_el(S_parts *p, cd_nid id)
{
    uint16_t tag = cd_dom_node(p->dom, id)->tag;
    if (tag == CD_TAG_FIGURE || tag == CD_TAG_FIGCAPTION) return 1;
    return S_has(p, id, S_caption_words);
}

static void S_scan(S_parts *p)
{
    const cd_dom *dom = p->dom;
    unsigned seen = 0, checked = 0;
    uint32_t body = 0;
    cd_nid cur = CD_NONE;
    S_text t;
    for (uint32_t r = 0; r < p->x->nroots; r++) {
        cd_nid root = p->x->roots[r];
        for (cd_nid id = root; id && seen < CD_NEWS_BODY_NODES; seen++) {
            const cd_node *n = cd_dom_node(dom, id);
            if (S_marked(p, id)) {
                id = cd_dom_next_skip(dom, id, root);
                continue;
            }
            if (n->type == CD_NODE_ELEMENT) {
                if ((cd_tag_flags(n->tag) & CD_TF_SKIP) || !cd_extract_node_visible(dom, id)) {
                    id = cd_dom_next_skip(dom, id, root);
                    continue;
                }
                if (S_is_caption_el(p, id)) {
                    cd_nid fig = n->tag == CD_TAG_FIGURE ? id : S_container(p, id);
                    if (fig && !p->lead_fig && body < S_LEAD_WINDOW) p->lead_fig = fig;
                    if (fig && p->nfigs < CD_NEWS_FIGS) p->figs[p->nfigs++] = fig;
                    if (fig || n->tag == CD_TAG_FIGCAPTION) {
                        id = cd_dom_next_skip(dom, id, root);
                        continue;
                    }
                }
            } else if (n->type == CD_NODE_TEXT && !S_is_space_text(n)) {
                cd_nid blk = S_block_of(dom, id, root);
                if (blk != cur) {
                    cur = blk;
                    if (cd_tag_flags(cd_dom_node(dom, blk)->tag) & CD_TF_HEADING) {
                        /* Headings open sections; they are neither datelines nor credits. */
                    } else {
                        /* A photo credit of its own: "Photo: …", "Name/AFP/Getty Images". */
                        if (n->len <= CD_PARTS_PHOTO_LINE + 8 && checked < CD_NEWS_BLOCKS_CHECKED) {
                            checked++;
                            S_gather(p, blk, CD_NONE, 1, &t);
                            size_t v;
                            if (!t.more && cd_parts_photo_line(t.s, t.n, 1, &v)) {
                                const char *a = t.s + v;
                                size_t l = t.n - v;
                                cd_parts_trim(&a, &l);
                                if (v > 0 || cd_parts_photo_agency(a, l) || !p->nfirst) {
                                    if (!p->nfirst && !p->loose_credit)
                                        p->loose_credit = S_credit_value(p, t.s, t.n);
                                    cd_extract_drop(p->x, blk);
                                    id = cd_dom_next_skip(dom, blk, root);
                                    cur = CD_NONE;
                                    continue;
                                }
                            }
                        }
                        unsigned k = 0;
                        while (k < p->nfirst && p->first[k] != blk)
                            k++;
                        if (k == p->nfirst && p->nfirst < S_FIRST) p->first[p->nfirst++] = blk;
                        if (p->last[0] != blk) {
                            p->last[1] = p->last[0];
                            p->last[0] = blk;
                        }
                        if (p->tail[0] != blk) {
                            memmove(&p->tail[1], &p->tail[0], (S_TAIL - 1) * sizeof p->tail[0]);
                            p->tail[0] = blk;
                        }
                    }
                }
                p->last_text = id;
                body += n->len;
            }
            id = cd_dom_next(dom, id, root);
        }
    }
}

/* Is id one of the content roots, or inside one? */
static int S_in_roots(const S_parts *p, cd_nid id)
{
    for (uint32_t r = 0; r < p->x->nroots; r++)
        if (S_inside(p->dom, id, p->x->roots[r])) return 1;
    return 0;
}

/* Does the caption cap end with a photo credit, or hold a credit element? */
static int S_credits_photo(S_parts *p, cd_nid cap)
{
    S_text t;
    S_gather(p, cap, CD_NONE, 0, &t);
    size_t cs, vs, ve;
    if (!t.more && cd_parts_photo_trailing(t.s, t.n, &cs, &vs, &ve)) return 1;
    cd_nid cred = S_find(p, cap, S_pred_credit);
    return cred && cred != cap;
}

/* Which content root is id (0 when none, else its index + 1)? */
static uint32_t S_root_no(const S_parts *p, cd_nid id)
{
    for (uint32_t r = 0; r < p->x->nroots; r++)
        if (id == p->x->roots[r]) return r + 1;
    return 0;
}

/* The lead figure between the headline and the body: from the headline to
 * the content root that opens the body. A first root followed by others
 * (a standfirst in a block of its own, then the picture, then the body) is
 * passed over. When the headline is inside a content root (in a header the
 * extraction left out), the body opens at the first text it renders. */
static cd_nid S_head_figure(S_parts *p)
{
    const cd_dom *dom = p->dom;
    cd_nid h1 = p->h1;
    if (!h1) return CD_NONE;
    int inside = S_in_roots(p, h1);
    unsigned seen = 0, passed = 0;
    for (cd_nid k = cd_dom_next_skip(dom, h1, cd_dom_root(dom)); k && seen < CD_NEWS_HEAD_NODES; seen++) {
        if (inside) {
            const cd_node *t = cd_dom_node(dom, k);
            if (t->type == CD_NODE_TEXT && !S_is_space_text(t) && S_rendered(p, k)) return CD_NONE;
        }
        uint32_t r = inside ? 0 : S_root_no(p, k);
        if (r) {
            if (passed++ || r == p->x->nroots) return CD_NONE;
            k = cd_dom_next_skip(dom, k, cd_dom_root(dom));
            continue;
        }
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_ELEMENT) {
            if ((cd_tag_flags(n->tag) & CD_TF_SKIP) || !cd_extract_node_visible(dom, k)) {
                k = cd_dom_next_skip(dom, k, cd_dom_root(dom));
                continue;
            }
            if (S_is_caption_el(p, k)) {
                cd_nid fig = n->tag == CD_TAG_FIGURE ? k : S_container(p, k);
                if (fig) return fig;
                /* A caption with no picture near it that credits a
                 * photographer: the lead picture is shown apart (full width
                 * above the headline, or as a background) and the caption
                 * under the headline names it. */
                if (n->tag == CD_TAG_FIGCAPTION && S_credits_photo(p, k)) return k;
            }
        }
        k = cd_dom_next(dom, k, cd_dom_root(dom));
    }
    return CD_NONE;
}

static int S_pred_figure_like(S_parts *p, cd_nid id)
{
    return cd_dom_is(p->dom, id, CD_TAG_FIGURE) || S_pred_figcaption(p, id) ||
           S_pred_caption(p, id) || S_pred_credit(p, id);
}

/* Is id inside a <nav> below top (the site's menu, whose "© 1996-2015 The
 * Post" line is no photo credit)? */
static int S_in_nav_below(const cd_dom *dom, cd_nid id, cd_nid top)
{
    unsigned d = 0;
    for (cd_nid a = id; a && a != top && d < CD_MAX_DEPTH + 8; a = cd_dom_node(dom, a)->parent, d++)
        if (cd_dom_is(dom, a, CD_TAG_NAV)) return 1;
    return 0;
}

/* The lead picture just above the headline (a photo with its credit over the
 * h1, as on many news pages): among the few element siblings before the h1
 * and before its near ancestors, one holding a picture and a figure, a
 * caption or a credit. */
static cd_nid S_pre_figure(S_parts *p)
{
    const cd_dom *dom = p->dom;
    cd_nid a = p->h1;
    for (unsigned up = 0; a && up < 3; up++, a = cd_dom_node(dom, a)->parent) {
        unsigned sibs = 0;
        for (cd_nid e = cd_dom_node(dom, a)->prev; e && sibs < 4; e = cd_dom_node(dom, e)->prev) {
            const cd_node *n = cd_dom_node(dom, e);
            if (n->type != CD_NODE_ELEMENT) continue;
            sibs++;
            if (!cd_extract_node_visible(dom, e) || (cd_tag_flags(n->tag) & CD_TF_SKIP) ||
                n->tag == CD_TAG_NAV || n->tag == CD_TAG_HEADER)
                continue;
            cd_nid f = S_find(p, e, S_pred_figure_like);
            if (!f || !S_find(p, e, S_pred_img) || S_in_nav_below(p->dom, f, e)) continue;
            if (cd_dom_is(dom, f, CD_TAG_FIGURE)) return f;
            return S_find(p, f, S_pred_img) ? f : e;
        }
    }
    return CD_NONE;
}

/* Does the subtree of id (without id) hold a heading: a box, not a deck? */
static int S_has_heading(S_parts *p, cd_nid id)
{
    unsigned seen = 0;
    for (cd_nid k = cd_dom_next(p->dom, id, id); k && seen < CD_NEWS_FIG_NODES;
         k = cd_dom_next(p->dom, k, id), seen++) {
        const cd_node *n = cd_dom_node(p->dom, k);
        if (n->type == CD_NODE_ELEMENT && (cd_tag_flags(n->tag) & CD_TF_HEADING)) return 1;
    }
    return 0;
}

/* Blocks that describe the author, the page or an offer, not the story. */
static const char *const S_deck_bad[] = {
    "author",     "bio",   "byline",  "disclosure", "disclaimer", "affiliate",
    "newsletter", "promo", "cta",     "notice",     "alert",      "warning",
    "toc",        "quick", "related", "card",       NULL};

/* itemprop="alternativeHeadline" or "description" on a block after the h1. */
static int S_itemprop_deck(const cd_dom *dom, cd_nid id)
{
    size_t l = 0;
    const char *v = cd_dom_attr(dom, id, "itemprop", &l);
    return v && (cd_eq_nocase(v, l, "alternativeHeadline") || cd_eq_nocase(v, l, "description"));
}

/* Does a class of id hold word as a whole word ("article__lead", "lead"; not
 * "leaderboard")? For words too short to match as a prefix. */
static int S_class_word(const cd_dom *dom, cd_nid id, const char *word)
{
    size_t l = 0, wl = strlen(word);
    const char *v = cd_dom_attr(dom, id, "class", &l);
    if (!v || l > 1024)
        return 0;
    for (size_t i = 0; i + wl <= l; i++) {
        if ((i > 0 && cd_isalnum((unsigned char)v[i - 1])) || !cd_eq_nocase(v + i, wl, word))
            continue;
        if (i + wl == l || !cd_isalnum((unsigned char)v[i + wl]))
            return 1;
    }
    return 0;
}

/* Does a class of id hold one of words as a camelCase part ("articleDek",
 * "styles_articleDek__Icz5H", "heroStandfirst"), which the class-word split
 * does not see? The word must start with a capital after a lower-case letter
 * and end the part. */
static int S_camel_has(const cd_dom *dom, cd_nid id, const char *const *words)
{
    size_t l = 0;
    const char *v = cd_dom_attr(dom, id, "class", &l);
    if (!v || l > 1024) return 0;
    for (size_t i = 1; i < l; i++) {
        if (!(v[i] >= 'A' && v[i] <= 'Z') || !(v[i - 1] >= 'a' && v[i - 1] <= 'z')) continue;
        for (size_t w = 0; words[w]; w++) {
            size_t wl = strlen(words[w]);
            if (i + wl > l || !cd_eq_nocase(v + i, wl, words[w])) continue;
            if (i + wl == l || !(v[i + wl] >= 'a' && v[i + wl] <= 'z')) return 1;
        }
    }
    return 0;
}

static void S_drop_first(S_parts *p, cd_nid id)
{
    cd_extract_drop(p->x, id);
    unsigned k = 0;
    while (k < p->nfirst && p->first[k] != id)
        k++;
    if (k < p->nfirst) {
        memmove(&p->first[k], &p->first[k + 1], (p->nfirst - k - 1) * sizeof p->first[0]);
        p->nfirst--;
    }
    if (p->last[0] == id) {
        p->last[0] = p->last[1];
        p->last[1] = CD_NONE;
    } else if (p->last[1] == id) {
        p->last[1] = CD_NONE;
    }
}

/* The next and previous element siblings of id. */
static cd_nid S_next_el(const cd_dom *dom, cd_nid id)
{
    cd_nid k = cd_dom_node(dom, id)->next;
    while (k && cd_dom_node(dom, k)->type != CD_NODE_ELEMENT)
        k = cd_dom_node(dom, k)->next;
    return k;
}

/* Is k the paragraph that closes the headline's own block, right after the
 * h1 and with nothing after it (<div><h1>…</h1><p>…</p></div>)? A block of
 * a headline and one sentence is a title block, whatever its classes say;
 * the body's first paragraph has the next ones after it. */
static int S_headline_pair(const cd_dom *dom, cd_nid h1, cd_nid k)
{
    return cd_dom_node(dom, k)->parent == cd_dom_node(dom, h1)->parent &&
           S_next_el(dom, h1) == k && !S_next_el(dom, k);
}

/* A byline block inside a standfirst block ("<p>Standfirst</p><p>by Jane Doe
 * (reporting)</p>"): the child that reads as one, not the first. */
static cd_nid S_deck_byline(S_parts *p, cd_nid k)
{
    S_text t;
    unsigned kids = 0;
    for (cd_nid c = cd_dom_node(p->dom, k)->first; c && kids < 8; c = cd_dom_node(p->dom, c)->next) {
        const cd_node *n = cd_dom_node(p->dom, c);
        if (n->type != CD_NODE_ELEMENT || !(cd_tag_flags(n->tag) & CD_TF_BLOCK)) continue;
        if (kids++ == 0) continue;
        S_gather(p, c, CD_NONE, 0, &t);
        size_t len;
        char *s = t.more ? NULL : cd_meta_clean(p->arena, t.s, t.n, &len);
        if (s && cd_parts_not_deck(s, len)) return c;
    }
    return CD_NONE;
}

static void S_deck(S_parts *p)
{
    const cd_dom *dom = p->dom;
    cd_nid h1 = p->h1;
    unsigned fi = 0;
    cd_nid first = p->nfirst ? p->first[0] : CD_NONE;
    S_text t;
    if (h1) {
        /* The header the headline sits in (<header>, <hgroup>), if any. */
        cd_nid hdr = CD_NONE;
        cd_nid a = cd_dom_node(dom, h1)->parent;
        for (unsigned d = 0; a && d < 3; d++, a = cd_dom_node(dom, a)->parent)
            if (cd_dom_is(dom, a, CD_TAG_HEADER) || cd_dom_is(dom, a, CD_TAG_HGROUP)) {
                hdr = a;
                break;
            }
        unsigned seen = 0, texts = 0;
        cd_nid top = cd_dom_root(dom);
        for (cd_nid k = cd_dom_next_skip(dom, h1, top); k && seen < CD_NEWS_DECK_NODES; seen++) {
            const cd_node *n = cd_dom_node(dom, k);
            if (n->type == CD_NODE_TEXT) {
                if (!S_is_space_text(n) && ++texts > 12) break;
                k = cd_dom_next(dom, k, top);
                continue;
            }
            if (n->type != CD_NODE_ELEMENT) {
                k = cd_dom_next(dom, k, top);
                continue;
            }
            /* A share bar (<aside>, <nav>) between the headline and the deck
             * is neither, and its labels are not the body's text. */
            if ((cd_tag_flags(n->tag) & CD_TF_SKIP) || !cd_extract_node_visible(dom, k) ||
                n->tag == CD_TAG_FIGURE || n->tag == CD_TAG_ASIDE || n->tag == CD_TAG_NAV ||
                S_has(p, k, S_caption_words)) {
                k = cd_dom_next_skip(dom, k, top);
                continue;
            }
            int camel = S_camel_has(dom, k, S_deck_words);
            int cls = S_has(p, k, S_deck_words) || camel || S_itemprop_deck(dom, k) ||
                      (n->tag == CD_TAG_P && S_class_word(dom, k, "lead"));
            int h2 = n->tag == CD_TAG_H2 && texts == 0;
            int hp = n->tag == CD_TAG_P && texts == 0 &&
                     ((hdr && S_inside(dom, k, hdr)) || S_headline_pair(dom, h1, k));
            if (cls || h2 || hp) {
                S_gather(p, k, S_deck_byline(p, k), 0, &t);
                size_t len;
                char *c = t.more ? NULL : cd_meta_clean(p->arena, t.s, t.n, &len);
                unsigned w = c ? cd_parts_words(c, len) : 0;
                int strong = cls && (S_has(p, k, S_deck_strong) || S_camel_has(dom, k, S_deck_strong));
                /* An "intro" in the body with the story's paragraphs right after
                 * it is the story's first paragraph, not a standfirst. */
                if (c && !strong && S_has(p, k, S_first_para_words) && S_rendered(p, k)) {
                    cd_nid nx = S_next_el(dom, k);
                    if (nx && cd_dom_is(dom, nx, CD_TAG_P)) c = NULL;
                }
                if (c && w >= (cls ? 4u : 6u) && len <= 600 && !cd_parts_not_deck(c, len) &&
                    (strong || !cd_parts_title_case(c, len)) && !S_has(p, k, S_deck_bad) &&
                    !S_has_heading(p, k) &&
                    !(p->m->title && cd_meta_eq_nocase(c, len, p->m->title, strlen(p->m->title)))) {
                    int same =
                        p->m->deck && cd_meta_eq_nocase(c, len, p->m->deck, strlen(p->m->deck));
                    if (!p->m->deck) {
                        p->m->deck = c;
                        p->m->deck_source = "visible";
                        same = 1;
                    }
                    /* The text of a page of many parts is kept whole. */
                    if (same && strong && !p->x->broad && S_rendered(p, k)) S_drop_first(p, k);
                    return;
                }
            }
            /* The body has begun at its first paragraph of prose (a short
             * first block, such as a byline kept in the body, is passed). */
            if (k == first || (first && S_inside(dom, first, k) && n->tag != CD_TAG_DIV &&
                               n->tag != CD_TAG_SECTION && n->tag != CD_TAG_ARTICLE &&
                               n->tag != CD_TAG_MAIN && n->tag != CD_TAG_HEADER)) {
                S_gather(p, first, CD_NONE, 1, &t);
                if (t.more || t.n > 120)
                    break;
                fi++;
                first = fi < p->nfirst ? p->first[fi] : CD_NONE;
            }
            k = cd_dom_next(dom, k, top);
        }
    }
}

/* ---- the figure showing the og:image -------------------------------------- */

/* The key of an image URL: the longest run of five or more digits in its file
 * name ("TELEMMGLPICT000146889449-xlarge.jpeg", "4905689_2_seoimageog.jpg"),
 * which renditions of one picture share; else the file name's stem when it is
 * long enough to be the picture's own (S_img_stem). 0 when there is none. */
static size_t S_img_stem(const char *u, size_t f, size_t q, const char **key);

static size_t S_img_key(const char *u, const char **key)
{
    size_t n = strlen(u), q = 0;
    while (q < n && u[q] != '?' && u[q] != '#')
        q++;
    size_t f = q;
    while (f && u[f - 1] != '/')
        f--;
    size_t best = 0;
    for (size_t i = f; i < q;) {
        size_t j = i;
        while (j < q && cd_isdigit((unsigned char)u[j]))
            j++;
        if (j - i > best) {
            best = j - i;
            *key = u + i;
        }
        i = j > i ? j : i + 1;
    }
    if (best >= 5 && best <= 40) return best;
    return S_img_stem(u, f, q, key);
}

/* The stem of the file name u[f, q): up to its extension, without a
 * rendition's size suffix ("view-from-airplane-3-1024x683.jpg" ->
 * "view-from-airplane-3"); kept when it has at least S_STEM_MIN characters
 * and a letter (a CMS names uploads after the picture; "image", "1" or a
 * hash-less "photo" would match other pictures). */
#define S_STEM_MIN 12u
static size_t S_img_stem(const char *u, size_t f, size_t q, const char **key)
{
    size_t e = f;
    while (e < q && u[e] != '.')
        e++;
    /* "-1024x683": digits, 'x', digits after a dash or an underscore. */
    size_t k = e;
    while (k > f && cd_isdigit((unsigned char)u[k - 1]))
        k--;
    if (k < e && k > f && u[k - 1] == 'x') {
        size_t x = k - 1;
        while (x > f && cd_isdigit((unsigned char)u[x - 1]))
            x--;
        if (x < k - 1 && x > f && (u[x - 1] == '-' || u[x - 1] == '_')) e = x - 1;
    }
    int alpha = 0;
    for (size_t i = f; i < e; i++)
        alpha |= cd_isalpha((unsigned char)u[i]);
    if (!alpha || e - f < S_STEM_MIN || e - f > 200) return 0;
    *key = u + f;
    return e - f;
}

/* Does attribute value v hold the key, not inside a longer run of digits (a
 * digit key) or of letters and digits (a file stem)? */
static int S_has_key(const char *v, size_t l, const char *key, size_t kl)
{
    int (*word)(int) = cd_isdigit;
    for (size_t i = 0; i < kl; i++)
        if (!cd_isdigit((unsigned char)key[i])) word = cd_isalnum;
    for (size_t i = 0; i + kl <= l; i++)
        if (memcmp(v + i, key, kl) == 0 && (i == 0 || !word((unsigned char)v[i - 1])) &&
            (i + kl == l || !word((unsigned char)v[i + kl])))
            return 1;
    return 0;
}

/* 1 when a picture of fig shows the image with this key, -1 when fig has
 * pictures and none does, 0 when it has none. */
static int S_fig_shows(S_parts *p, cd_nid fig, const char *key, size_t kl)
{
    static const char *const attrs[] = {"src",    "data-src", "data-lazy-src", "data-original",
                                        "srcset", "data-srcset", NULL};
    int pics = 0;
    unsigned seen = 0;
    for (cd_nid k = fig; k && seen < CD_NEWS_FIG_NODES; k = cd_dom_next(p->dom, k, fig), seen++) {
        const cd_node *n = cd_dom_node(p->dom, k);
        if (n->type != CD_NODE_ELEMENT) continue;
        if (!S_is_img(p->dom, k) && n->tag != CD_TAG_SOURCE) continue;
        pics = 1;
        for (size_t i = 0; attrs[i]; i++) {
            size_t l = 0;
            const char *v = cd_dom_attr(p->dom, k, attrs[i], &l);
            if (v && l <= 8192 && S_has_key(v, l, key, kl)) return 1;
        }
    }
    return pics ? -1 : 0;
}

/* The lead figure: the first of the body (or the one between the headline and
 * the body, or just above the headline), unless it shows another picture than
 * the page's og:image and another figure of the page shows that one. */
static cd_nid S_lead(S_parts *p)
{
    cd_nid fig = S_head_figure(p);
    if (!fig) fig = p->lead_fig;
    if (!fig && p->h1) fig = S_pre_figure(p);
    const char *key = NULL;
    size_t kl = p->m->image_url ? S_img_key(p->m->image_url, &key) : 0;
    if (!kl || (fig && S_fig_shows(p, fig, key, kl) >= 0)) return fig;
    cd_nid cand[3 + CD_NEWS_FIGS];
    unsigned nc = 0;
    cand[nc++] = S_head_figure(p);
    cand[nc++] = p->h1 ? S_pre_figure(p) : CD_NONE;
    for (unsigned i = 0; i < p->nfigs; i++)
        cand[nc++] = p->figs[i];
    for (unsigned i = 0; i < nc; i++)
        if (cand[i] && cand[i] != fig && S_fig_shows(p, cand[i], key, kl) > 0) return cand[i];
    return fig;
}

/* ---- the source label under the headline ---------------------------------- */

/* "来源： 网易科学人" in the info line under the headline: the source of the
 * text (Chinese news pages print it so). The value is the rest of the label's
 * text node, else the next text (a link), up to a space. */
static void S_source_label(S_parts *p)
{
    static const char *const labels[] = {"\xE6\x9D\xA5\xE6\xBA\x90\xEF\xBC\x9A", /* 来源： */
                                         "\xE6\x9D\xA5\xE6\xBA\x90:",             /* 来源: */
                                         "\xE4\xBE\x86\xE6\xBA\x90\xEF\xBC\x9A", /* 來源： */
                                         NULL};
    const cd_dom *dom = p->dom;
    if (!p->h1 || p->m->credit) return;
    unsigned seen = 0, texts = 0;
    cd_nid top = cd_dom_root(dom);
    int want = 0;
    for (cd_nid k = cd_dom_next_skip(dom, p->h1, top); k && seen < CD_NEWS_DECK_NODES; seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_ELEMENT &&
            ((cd_tag_flags(n->tag) & CD_TF_SKIP) || !cd_extract_node_visible(dom, k))) {
            k = cd_dom_next_skip(dom, k, top);
            continue;
        }
        if (n->type == CD_NODE_TEXT && !S_is_space_text(n)) {
            if (++texts > 16) return;
            const char *v = n->u.text;
            size_t l = n->len;
            while (l && (cd_isspace((unsigned char)*v)))
                v++, l--;
            if (!want) {
                size_t lab = 0;
                for (size_t i = 0; labels[i] && !lab; i++)
                    if (cd_parts_starts(v, l, labels[i])) lab = strlen(labels[i]);
                if (lab) {
                    v += lab;
                    l -= lab;
                    want = 1;
                }
            }
            if (want) {
                for (;;) {
                    size_t sk = l && cd_isspace((unsigned char)*v)                   ? 1
                                : (l >= 3 && memcmp(v, "\xE3\x80\x80", 3) == 0) ? 3
                                                                                    : 0;
                    if (!sk) break;
                    v += sk;
                    l -= sk;
                }
                size_t e = 0;
                while (e < l && !cd_isspace((unsigned char)v[e]) &&
                       !(e + 3 <= l && memcmp(v + e, "\xE3\x80\x80", 3) == 0))
                    e++;
                if (e) {
                    if (e <= 60) S_credit_set(p, v, e);
                    return;
                }
            }
        }
        k = cd_dom_next(dom, k, top);
    }
}

/* ---- the source named by a class ------------------------------------------ */

/* Class words of a label naming where the text comes from: the outlet a
 * syndicated story was taken from ("sourcename", "source"), its provider, or
 * the agency in the signature that closes it ("c-signature__agency"). */
static const char *const S_source_words[] = {"source", "provider", "agency", NULL};

static int S_pred_link(S_parts *p, cd_nid id)
{
    return cd_dom_is(p->dom, id, CD_TAG_A);
}

/* Does a word of name (four letters or more) equal a label of the page's
 * host ("Yahoo Finance" on finance.yahoo.com)? The site's own desk is not
 * the source of a text it publishes. */
static int S_names_host(const S_parts *p, const char *name, size_t n)
{
    const char *urls[] = {p->page_url, p->m->url}, *lab;
    for (size_t u = 0; u < 2; u++)
        for (size_t at = 0, l; (l = cd_meta_host_label(urls[u], &at, &lab)) != 0;)
            for (size_t w = 0; l >= 4 && w < n;) {
                size_t ws = w;
                while (w < n && cd_isalnum((unsigned char)name[w]))
                    w++;
                if (cd_meta_eq_nocase(name + ws, w - ws, lab, l)) return 1;
                while (w < n && !cd_isalnum((unsigned char)name[w]))
                    w++;
            }
    return 0;
}

/* Is s a name: every word of four letters or more that starts with an ASCII
 * letter capitalised ("Tech Insider", "CNNMoney (New York)"), and no "by"
 * ("Powered by …" is a label)? "Read original" is no name. */
static int S_name_like(const char *s, size_t n)
{
    if (cd_contains_nocase(s, n, " by ")) return 0;
    const char *w;
    for (size_t at = 0, l; (l = cd_next_word(s, n, &at, &w)) != 0;)
        if (l >= 4 && w[0] >= 'a' && w[0] <= 'z') return 0;
    return 1;
}

/* The name in source label el: its link's text when it has one (the label
 * goes on with the time: "CNET Japan 3/9 18:45配信"), else its own text; a
 * name of one to five words that is neither a date nor the site itself. */
static int S_source_name(S_parts *p, cd_nid el, int bureau)
{
    static const char *const photo[] = {"credit", "copyright", "photo", "image", "caption", NULL};
    /* A share bar's "provider-facebook" names a network, not a source. */
    static const char *const share[] = {"share", "social", "follow", NULL};
    if (S_has(p, el, photo)) return 0;
    cd_nid up = el;
    for (unsigned d = 0; up && d < 4; d++, up = cd_dom_node(p->dom, up)->parent)
        if (S_has(p, up, share)) return 0;
    if (cd_meta_in_link_card(p->dom, el) || S_find(p, el, S_pred_img) ||
        S_find(p, el, S_is_caption_el) != CD_NONE)
        return 0;
    cd_nid a = S_find(p, el, S_pred_link);
    S_text t;
    S_gather(p, a ? a : el, CD_NONE, 0, &t);
    size_t len;
    char *c = t.more ? NULL : cd_meta_clean(p->arena, t.s, t.n, &len);
    char date[CD_META_DATE_LEN];
    /* A name: capitalised (or in a script without case), not a label
     * ("by:", "View Article Sources") nor a sentence ("editorial policy."). */
    if (!c || len > 60 || !((c[0] >= 'A' && c[0] <= 'Z') || (unsigned char)c[0] >= 0x80) ||
        memchr(c, ':', len) || c[len - 1] == '.' || cd_contains_nocase(c, len, "source") ||
        !cd_parts_words(c, len) || cd_parts_words(c, len) > 5 || !S_name_like(c, len) ||
        cd_parts_not_deck(c, len) || cd_meta_date_norm(c, len, 0, 0, date) ||
        S_names_host(p, c, len))
        return 0;
    /* The site itself is no source; in a footer, its desk with a place
     * ("CNNMoney (New York)") says where the story was filed and is. */
    const char *site = p->m->site_name;
    if (site && cd_meta_site_like(c, len, site, strlen(site)) &&
        (!bureau || cd_meta_eq_nocase(c, len, site, strlen(site))))
        return 0;
    S_credit_set(p, c, len);
    return 1;
}

static int S_pred_source(S_parts *p, cd_nid id)
{
    return S_has(p, id, S_source_words) || S_camel_has(p->dom, id, S_source_words);
}

/* The closing block that holds the story's source label and its time stamp
 * ("<span class=cnnStorySource>CNNMoney (New York)</span> <span>First
 * published February 1, 2016</span>"): the label gives the credit, and the
 * footer leaves the text with it (unless keep_parts). CD_PARTS_CREDIT_LINE
 * when a credit was read. */
static int S_source_footer(S_parts *p, cd_nid blk)
{
    cd_nid src = S_find(p, blk, S_pred_source);
    if (!src || src == blk) return CD_PARTS_CREDIT_NONE;
    S_text t;
    S_gather(p, blk, src, 1, &t);
    char date[CD_META_DATE_LEN];
    if (t.more || t.n > 120 || cd_meta_date_norm(t.s, t.n, 0, 0, date) < 10)
        return CD_PARTS_CREDIT_NONE;
    const char *before = p->m->credit;
    if (!S_source_name(p, src, 1) || p->m->credit == before) return CD_PARTS_CREDIT_NONE;
    if (!p->keep) cd_extract_drop(p->x, blk);
    return CD_PARTS_CREDIT_LINE;
}

/* A source label by the headline (before the body) or in the signature
 * right after the body: the provider of a syndicated story. */
static void S_source_class(S_parts *p)
{
    const cd_dom *dom = p->dom;
    if (p->m->credit) return;
    cd_nid top = cd_dom_root(dom);
    if (p->h1) {
        unsigned seen = 0, texts = 0;
        for (cd_nid k = cd_dom_next_skip(dom, p->h1, top); k && seen < CD_NEWS_DECK_NODES; seen++) {
            const cd_node *n = cd_dom_node(dom, k);
            if (n->type == CD_NODE_TEXT && !S_is_space_text(n)) {
                if (++texts > 16 || S_rendered(p, k)) break; /* the body has begun */
            } else if (n->type == CD_NODE_ELEMENT) {
                if ((cd_tag_flags(n->tag) & CD_TF_SKIP) || !cd_extract_node_visible(dom, k) ||
                    n->tag == CD_TAG_FIGURE) {
                    k = cd_dom_next_skip(dom, k, top);
                    continue;
                }
                if (S_has(p, k, S_source_words) && S_source_name(p, k, 0)) return;
            }
            k = cd_dom_next(dom, k, top);
        }
    }
    /* The signature after the body: the first elements after the last
     * content root or after one of its two nearest ancestors. */
    cd_nid a = p->x->roots[p->x->nroots - 1];
    for (unsigned up = 0; a && up < 3; up++, a = cd_dom_node(dom, a)->parent) {
        unsigned els = 0;
        for (cd_nid e = cd_dom_node(dom, a)->next; e && els < 2; e = cd_dom_node(dom, e)->next) {
            if (cd_dom_node(dom, e)->type != CD_NODE_ELEMENT) continue;
            els++;
            if (!cd_extract_node_visible(dom, e)) continue;
            unsigned seen = 0;
            for (cd_nid k = e; k && seen < 16; k = cd_dom_next(dom, k, e), seen++)
                if (cd_dom_node(dom, k)->type == CD_NODE_ELEMENT && S_has(p, k, S_source_words))
                    if (S_source_name(p, k, 0)) return;
        }
    }
}

/* ---- the byline line ------------------------------------------------------ */

/* A byline of its own among the first blocks ("By Md Aynal Haque", naming
 * the author found): it is the authors field, not body text. */
static void S_byline(S_parts *p)
{
    if (!p->m->nauthors) return;
    const char *a = p->m->authors[0];
    size_t al = strlen(a);
    S_text t;
    for (unsigned b = 0; b < p->nfirst && b < 3; b++) {
        cd_nid blk = p->first[b];
        if (S_marked(p, blk)) continue;
        S_gather(p, blk, CD_NONE, 1, &t);
        if (t.more || t.n > 160) continue;
        size_t len;
        char *c = cd_meta_clean(p->arena, t.s, t.n, &len);
        if (!c || len < 4 || !cd_parts_starts(c, len, "by ")) continue;
        const char *r = c + 3;
        size_t rl = len - 3;
        while (rl && *r == ' ')
            r++, rl--;
        /* The author's name, alone or heading a list of names. */
        int named = rl >= al && cd_eq_nocase(r, al, a) &&
                    (rl == al || (p->m->nauthors > 1 && (r[al] == ',' || r[al] == ' ')));
        if (!named) continue;
        /* Not the byline of a card in a list of stories. */
        int card = 0;
        unsigned d = 0;
        for (cd_nid q = blk; q && d < 8 && !card; q = cd_dom_node(p->dom, q)->parent, d++)
            card = cd_dom_is(p->dom, q, CD_TAG_LI) || cd_dom_is(p->dom, q, CD_TAG_A);
        if (card) continue;
        S_drop_first(p, blk);
        return;
    }
}

/* ---- entry ---------------------------------------------------------------- */

/* The headline when extraction did not mark it (an <h1> inside a <header> it
 * left out): the first <h1> that reads as the title. */
static cd_nid S_find_h1(S_parts *p)
{
    const cd_dom *dom = p->dom;
    const char *title = p->m->title;
    if (!title) return CD_NONE;
    size_t tl = strlen(title);
    unsigned h1s = 0;
    for (uint32_t id = 2; id < dom->count && id < CD_NEWS_BODY_NODES; id++) {
        const cd_node *n = cd_dom_node(dom, id);
        if (n->type != CD_NODE_ELEMENT || n->tag != CD_TAG_H1) continue;
        if (++h1s > 8) break;
        S_text t;
        S_gather(p, id, CD_NONE, 0, &t);
        size_t len;
        char *c = t.more ? NULL : cd_meta_clean(p->arena, t.s, t.n, &len);
        if (c && cd_meta_eq_nocase(c, len, title, tl)) return id;
    }
    return CD_NONE;
}

/* A page of many parts (broad extraction: no region held half of its
 * prose) may still be a story whose text lost to a live feed or a sidebar.
 * Its body's first and last blocks are the page's, not the story's, so no
 * dateline or closing credit is read; the deck and the lead figure of a
 * dated page sit by the headline and are read there. */
static void S_head_parts(S_parts *p)
{
    /* A story states when it was published; a shop's or a service's page
     * rarely does, and its intro is not a standfirst. */
    if (p->h1 && p->m->date_published) {
        S_deck(p);
        cd_nid fig = S_lead(p);
        if (fig) S_figure(p, fig, 1);
    }
    S_wire_byline(p->m);
}

void cd_news_parts(cd_meta *m, const cd_dom *dom, cd_arena *arena, cd_extract *x,
                   const char *page_url, int keep_parts)
{
    if (!m) return;
    if (!dom || !arena || !x || !x->mark || !x->nroots) {
        S_wire_byline(m);
        return;
    }
    S_parts p;
    memset(&p, 0, sizeof p);
    p.m = m;
    p.dom = dom;
    p.arena = arena;
    p.x = x;
    p.page_url = page_url;
    p.keep = keep_parts;
    p.ctx.dom = dom;
    p.ctx.arena = arena;
    p.h1 = x->title_node ? x->title_node : S_find_h1(&p);
    if (x->broad) {
        S_head_parts(&p);
        return;
    }
    S_scan(&p);
    S_deck(&p);
    S_byline(&p);
    cd_nid fig = S_lead(&p);
    if (fig) S_figure(&p, fig, 1);
    if (p.loose_credit && !m->image_credit && (m->image_url || fig)) {
        m->image_credit = p.loose_credit;
        if (!m->image_source) m->image_source = "visible";
    }
    S_dateline(&p);
    S_credit(&p);
    S_source_label(&p);
    S_source_class(&p);
    /* The other figures of the body keep their captions, not their credits
     * (last: the cuts they need come after the dateline's). */
    for (unsigned i = 0; i < p.nfigs; i++)
        if (p.figs[i] != fig) S_figure(&p, p.figs[i], 0);
}
