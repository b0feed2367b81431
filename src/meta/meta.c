/* meta: the article's metadata, read from the tree in one walk.
 *
 * The walk feeds four sources (jsonld.c, metatags.c, microdata.c, visible.c),
 * each of which adds candidates; then every field is chosen by precedence:
 *   title     title.c (JSON-LD/og/h1/<title>, cross-checked and suffix-stripped)
 *   authors   JSON-LD > named <meta> > og article:author > microdata > visible byline
 *             (organisations only when nothing names a person)
 *   dates     JSON-LD > og article:* > named <meta> > microdata/<time> > visible > URL path
 *   site      og:site_name > JSON-LD publisher > application-name
 *   language  <html lang> > content-language > og:locale > JSON-LD inLanguage
 * The order follows what the page author stated most deliberately; Readability's
 * _getArticleMetadata and trafilatura's metadata module take the same view.
 * Subtrees whose class or id say comments, related stories, sidebars or footers
 * are not read for bylines and dates. */
#include <string.h>

#include "../util/ctype.h"
#include "../util/isotime.h"
#include "../util/utf8.h"
#include "meta_int.h"

/* ---- shared helpers ------------------------------------------------------ */

static int S_is_space_cp(uint32_t cp)
{
    return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000 || cp == 0xFEFF || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

char *cd_meta_clean(cd_arena *a, const char *s, size_t len, size_t *out_len)
{
    if (out_len)
        *out_len = 0;
    if (!s || !len)
        return NULL;
    size_t cap = len < CD_META_MAX_VALUE ? len : CD_META_MAX_VALUE;
    /* Repair may grow a byte into U+FFFD (3 bytes). */
    char *out = cd_arena_alloc(a, cap * 3 + 1);
    if (!out)
        return NULL;
    size_t o = 0, i = 0;
    int pend = 0;
    while (i < cap) {
        uint32_t cp;
        size_t k = cd_utf8_decode((const unsigned char *)s + i, cap - i, &cp);
        if (i + k >= cap && cap < len && k > 1 && cp == CD_REPLACEMENT)
            break; /* a character cut by the cap */
        i += k;
        if (S_is_space_cp(cp)) {
            pend = o > 0;
            continue;
        }
        if (cp == 0x200C || cp == 0x200D || cp == 0x00AD)
            continue; /* invisible joiners and soft hyphens */
        if (pend)
            out[o++] = ' ';
        pend = 0;
        o += cd_utf8_encode(cp, out + o);
    }
    out[o] = '\0';
    if (out_len)
        *out_len = o;
    return o ? out : NULL;
}

cd_meta_cand *cd_meta_add(cd_meta_ctx *c, int field, int src, int rank, cd_nid pos, const char *s,
                          size_t len)
{
    if (c->ncands >= CD_META_MAX_CANDS)
        return NULL;
    size_t n;
    char *v = cd_meta_clean(c->arena, s, len, &n);
    if (!v)
        return NULL;
    cd_meta_cand *k = &c->cands[c->ncands++];
    k->s = v;
    k->len = (uint32_t)n;
    k->pos = pos;
    k->field = (uint8_t)field;
    k->src = (uint8_t)src;
    k->rank = (uint8_t)(rank < 0 ? 0 : rank > 255 ? 255 : rank);
    k->flags = 0;
    return k;
}

char *cd_meta_node_text(const cd_meta_ctx *c, cd_nid id, size_t max, size_t *out_len)
{
    const cd_dom *dom = c->dom;
    char buf[CD_META_MAX_VALUE];
    size_t n = 0;
    unsigned seen = 0;
    if (max > sizeof buf)
        max = sizeof buf;
    for (cd_nid k = id; k && n < max && seen < CD_META_TEXT_NODES; seen++) {
        const cd_node *nd = cd_dom_node(dom, k);
        if (nd->type == CD_NODE_TEXT) {
            size_t take = nd->len < max - n ? nd->len : max - n;
            memcpy(buf + n, nd->u.text, take);
            n += take;
        } else if (nd->type == CD_NODE_ELEMENT && k != id) {
            unsigned f = cd_tag_flags(nd->tag);
            if (f & CD_TF_SKIP) {
                k = cd_dom_next_skip(dom, k, id);
                continue;
            }
            if (((f & CD_TF_BLOCK) || nd->tag == CD_TAG_BR) && n < max)
                buf[n++] = ' ';
        }
        k = cd_dom_next(dom, k, id);
    }
    return cd_meta_clean(c->arena, buf, n, out_len);
}

/* Fill c->words with the words of element id's class and id attributes,
 * each token as "w1-w2" (lower case), and index them (see cd_meta_ctx); the
 * length. Utility classes ("md:flex", "w-[20px]") are left out: a token's
 * words go out as they are read and are taken back if it proves one. */
static size_t S_class_words(cd_meta_ctx *c, cd_nid id)
{
    char *out = c->words;
    const size_t cap = sizeof c->words, maxw = sizeof c->word / sizeof c->word[0];
    size_t o = 0;
    c->nword = 0;
    static const char *const attrs[] = {"class", "id"};
    for (size_t a = 0; a < 2; a++) {
        size_t n;
        const char *v = cd_dom_attr(c->dom, id, attrs[a], &n);
        for (size_t i = 0; v && i < n && o < cap;) {
            while (i < n && cd_isspace((unsigned char)v[i]))
                i++;
            if (i >= n)
                break;
            size_t o0 = o;
            unsigned w0 = c->nword;
            if (o)
                out[o++] = ' ';
            size_t start = o;
            int gap = 0, utility = 0;
            for (; i < n && !cd_isspace((unsigned char)v[i]); i++) {
                unsigned char ch = (unsigned char)v[i];
                if (ch == ':' || ch == '[' || ch == '(' || ch == '/')
                    utility = 1;
                if (utility || o >= cap)
                    continue; /* read on to the token's end */
                if (!cd_isalnum(ch)) {
                    gap = 1;
                    continue;
                }
                if (gap && o > start)
                    out[o++] = '-';
                gap = 0;
                if (o < cap) {
                    if ((o == start || out[o - 1] == '-') && c->nword < maxw) {
                        c->word[c->nword].at = (uint16_t)o;
                        c->word[c->nword++].tok = (uint16_t)start;
                    }
                    out[o++] = (char)cd_tolower(ch);
                }
            }
            if (utility) {
                o = o0;
                c->nword = w0;
                continue;
            }
            for (unsigned k = w0; k < c->nword; k++)
                c->word[k].end = (uint16_t)o;
        }
    }
    memset(c->word_first, 0, sizeof c->word_first);
    c->word_pairs = 0;
    for (unsigned k = 0; k < c->nword; k++) {
        size_t at = c->word[k].at;
        unsigned char f = (unsigned char)out[at];
        c->word_first[f >> 5] |= 1u << (f & 31);
        if (at + 1 < c->word[k].end)
            c->word_pairs |= CD_META_PAIR(f, out[at + 1]);
    }
    return o;
}

/* Class tokens that describe the page or the post rather than a block
 * (WordPress puts "category-…", "tag-…" on the article, themes put
 * "has-sidebar" on the body): a token starting with one of these words is
 * skipped as a whole. */
static int S_modifier(const char *t, size_t n)
{
    static const char *const pre[] = {"category-", "tag-", "has-", "no-", "with-", "is-", "ehf-", NULL};
    for (size_t i = 0; pre[i]; i++) {
        size_t l = strlen(pre[i]);
        if (n >= l && memcmp(t, pre[i], l) == 0)
            return 1;
    }
    for (size_t i = 0; i < n; i++)
        if ((n - i >= 10 && memcmp(t + i, "full-width", 10) == 0) ||
            (n - i >= 5 && memcmp(t + i, "slide", 5) == 0))
            return 1;
    return 0;
}

/* The first letters and lengths of list words (cached in c per page; NULL
 * when the cache is full and the caller works them out itself). */
static const cd_meta_list *S_list(cd_meta_ctx *c, const char *const *words)
{
    for (unsigned i = 0; i < c->nlists; i++)
        if (c->lists[i].words == words)
            return &c->lists[i];
    if (c->nlists >= CD_META_LISTS)
        return NULL;
    cd_meta_list *l = &c->lists[c->nlists++];
    memset(l->first, 0, sizeof l->first);
    l->words = words;
    l->n = 0;
    l->pairs = 0;
    for (size_t k = 0; words[k]; k++) {
        unsigned char f = (unsigned char)words[k][0];
        l->first[f >> 5] |= 1u << (f & 31);
        size_t len = strlen(words[k]);
        l->pairs |= len >= 2 ? CD_META_PAIR(f, words[k][1]) : ~0ull;
        if (l->n == k && k < CD_META_LIST_WORDS && len < 256)
            l->len[l->n++] = (uint8_t)len;
    }
    return l;
}

/* Does a word of c->words (the current element's) start with an entry of
 * words? A word in a page-describing token (S_modifier) does not count
 * when skip_modifiers is set. */
static int S_words_have(const cd_meta_ctx *c, const char *const *words, const cd_meta_list *info,
                        int skip_modifiers)
{
    /* First letters of the entries: most words are rejected on one lookup,
     * most elements on eight. */
    uint32_t own[8] = {0};
    const uint32_t *first = own;
    if (info && !(info->pairs & c->word_pairs))
        return 0; /* no word starts as any entry does */
    if (info)
        first = info->first;
    else
        for (size_t k = 0; words[k]; k++)
            own[(unsigned char)words[k][0] >> 5] |= 1u << ((unsigned char)words[k][0] & 31);
    uint32_t any = 0;
    for (size_t b = 0; b < 8; b++)
        any |= first[b] & c->word_first[b];
    if (!any)
        return 0;
    const char *w = c->words;
    for (unsigned x = 0; x < c->nword; x++) {
        size_t p = c->word[x].at, st = c->word[x].tok, i = c->word[x].end;
        unsigned char ch = (unsigned char)w[p];
        if (!(first[ch >> 5] & (1u << (ch & 31))))
            continue;
        if (info && p + 1 < i && !(info->pairs & CD_META_PAIR(ch, w[p + 1])))
            continue; /* no entry starts with these two bytes */
        for (size_t k = 0; words[k]; k++) {
            if (w[p] != words[k][0])
                continue;
            size_t l = info && k < info->n ? info->len[k] : strlen(words[k]);
            if (i - p >= l && memcmp(w + p, words[k], l) == 0) {
                if (skip_modifiers && S_modifier(w + st, i - st))
                    break; /* the token describes the page, not a block */
                return 1;
            }
        }
    }
    return 0;
}

/* Make c->words the words of element id (kept for the several checks on
 * one node); their length. */
static size_t S_words_of(cd_meta_ctx *c, cd_nid id)
{
    if (c->words_id != id) {
        c->words_len = (uint32_t)S_class_words(c, id);
        c->words_id = id;
        c->nhits = 0;
    }
    return c->words_len;
}

int cd_meta_class_has(cd_meta_ctx *c, cd_nid id, const char *const *words)
{
    if (!S_words_of(c, id))
        return 0;
    for (unsigned i = 0; i < c->nhits; i++)
        if (c->hit_list[i] == words)
            return c->hit[i];
    int r = S_words_have(c, words, S_list(c, words), 0);
    if (c->nhits < 8) {
        c->hit_list[c->nhits] = words;
        c->hit[c->nhits++] = r;
    }
    return r;
}

size_t cd_meta_host_label(const char *url, size_t *at, const char **label)
{
    const char *h = url ? strstr(url, "://") : NULL;
    if (!h) return 0;
    h += 3;
    size_t hl = strcspn(h, "/?#:");
    while (*at < hl) {
        size_t st = *at, i = st;
        while (i < hl && h[i] != '.')
            i++;
        *at = i + 1;
        if (i > st) {
            *label = h + st;
            return i - st;
        }
    }
    return 0;
}

int cd_meta_eq_nocase(const char *a, size_t alen, const char *b, size_t blen)
{
    if (alen != blen)
        return 0;
    for (size_t i = 0; i < alen; i++)
        if (cd_tolower((unsigned char)a[i]) != cd_tolower((unsigned char)b[i]))
            return 0;
    return 1;
}

int cd_meta_in_link_card(const cd_dom *dom, cd_nid id)
{
    cd_nid a = cd_dom_node(dom, id)->parent;
    for (int d = 0; a && d < 6; d++, a = cd_dom_node(dom, a)->parent) {
        const cd_node *n = cd_dom_node(dom, a);
        if (n->type != CD_NODE_ELEMENT || n->tag != CD_TAG_A)
            continue;
        int seen = 0;
        for (cd_nid k = n->first; k && seen < 64; k = cd_dom_next(dom, k, a), seen++) {
            const cd_node *x = cd_dom_node(dom, k);
            if (x->type == CD_NODE_ELEMENT && (cd_tag_flags(x->tag) & CD_TF_HEADING))
                return 1;
        }
        return 0;
    }
    return 0;
}

/* ---- the walk ---------------------------------------------------------- */

/* Blocks whose bylines and dates belong to other stories or to readers. */
static const char *const S_bad_words[] = {"comment", "related", "sidebar", "footer", "recommend",
                                          "popular", "trending", "newsletter", "most-read",
                                          "mostread", "outbrain", "taboola", "also-read",
                                          "more-stories", "read-more", "readmore", "reply",
                                          "discussion", "cookie", "consent", "gdpr", NULL};

/* The page's first <h1> in document order (CD_NONE for none). */
static cd_nid S_first_h1(const cd_dom *dom)
{
    cd_nid top = dom->body ? dom->body : cd_dom_root(dom);
    for (cd_nid id = top; id; id = cd_dom_next(dom, id, top))
        if (cd_dom_node(dom, id)->type == CD_NODE_ELEMENT && cd_dom_node(dom, id)->tag == CD_TAG_H1)
            return id;
    return CD_NONE;
}

/* Is id an ancestor of node k? */
static int S_holds(const cd_dom *dom, cd_nid id, cd_nid k)
{
    for (cd_nid a = k ? cd_dom_node(dom, k)->parent : 0; a; a = cd_dom_node(dom, a)->parent)
        if (a == id)
            return 1;
    return 0;
}

static int S_is_bad_region(cd_meta_ctx *c, cd_nid id, const cd_node *n, cd_nid h1)
{
    if (n->tag == CD_TAG_NAV)
        return 1;
    if (n->tag == CD_TAG_BODY || n->tag == CD_TAG_HTML || n->tag == CD_TAG_ARTICLE ||
        n->tag == CD_TAG_MAIN || n->tag == CD_TAG_H1)
        return 0;
    if (n->tag != CD_TAG_FOOTER && n->tag != CD_TAG_ASIDE) {
        if (!S_words_of(c, id) || !S_words_have(c, S_bad_words, S_list(c, S_bad_words), 1))
            return 0;
    }
    /* The headline is never in a footer, side column or comments: a block
     * so named that holds the page's first <h1> wraps the page (an <aside>
     * left unclosed, a "footerfix" or "m-article-sidebar-right" wrapper). */
    return !S_holds(c->dom, id, h1);
}

/* A side column or a footer (by tag or a "sidebar" class) without any of
 * the stronger words: blogs put the post's date there ("single-post-sidebar",
 * <footer class="author__meta">), so its date elements are read as a last
 * resort, where comments and related stories are never read. */
static int S_is_side_region(cd_meta_ctx *c, cd_nid id, const cd_node *n)
{
    static const char *const side[] = {"sidebar", NULL};
    static const char *const hard[] = {"comment", "related", "recommend", "popular", "trending",
                                       "newsletter", "most-read", "mostread", "outbrain",
                                       "taboola", "also-read", "more-stories", "read-more",
                                       "readmore", "reply", "discussion", "cookie", "consent",
                                       "gdpr", NULL};
    size_t len = S_words_of(c, id);
    if (len && S_words_have(c, hard, S_list(c, hard), 1))
        return 0;
    return n->tag == CD_TAG_FOOTER || n->tag == CD_TAG_ASIDE || (len && S_words_have(c, side, S_list(c, side), 1));
}

static int S_is_article_region(const cd_dom *dom, cd_nid id, const cd_node *n)
{
    if (n->tag == CD_TAG_ARTICLE || n->tag == CD_TAG_MAIN)
        return 1;
    size_t len;
    const char *t = cd_dom_attr(dom, id, "itemtype", &len);
    return t && (cd_contains_nocase(t, len, "Article") || cd_contains_nocase(t, len, "BlogPosting"));
}

static int S_is_jsonld(const cd_dom *dom, cd_nid id)
{
    size_t len;
    const char *t = cd_dom_attr(dom, id, "type", &len);
    return t && cd_contains_nocase(t, len, "ld+json");
}

/* The text of a script element: its text children, joined when there are several. */
static void S_script(cd_meta_ctx *c, cd_nid id)
{
    const cd_dom *dom = c->dom;
    const cd_node *n = cd_dom_node(dom, id);
    if (!n->first || c->nscripts >= CD_META_MAX_SCRIPTS)
        return;
    c->nscripts++;
    const cd_node *t = cd_dom_node(dom, n->first);
    if (t->type == CD_NODE_TEXT && !t->next) {
        cd_meta_jsonld(c, t->u.text, t->len, id);
        return;
    }
    size_t total = 0;
    for (cd_nid k = n->first; k; k = cd_dom_node(dom, k)->next)
        if (cd_dom_node(dom, k)->type == CD_NODE_TEXT)
            total += cd_dom_node(dom, k)->len;
    if (total > CD_META_MAX_JSONLD)
        total = CD_META_MAX_JSONLD;
    char *buf = cd_arena_alloc(c->arena, total + 1);
    if (!buf)
        return;
    size_t o = 0;
    for (cd_nid k = n->first; k && o < total; k = cd_dom_node(dom, k)->next) {
        const cd_node *x = cd_dom_node(dom, k);
        if (x->type != CD_NODE_TEXT)
            continue;
        size_t take = x->len < total - o ? x->len : total - o;
        memcpy(buf + o, x->u.text, take);
        o += take;
    }
    cd_meta_jsonld(c, buf, o, id);
}

static void S_walk(cd_meta_ctx *c)
{
    const cd_dom *dom = c->dom;
    cd_nid root = cd_dom_root(dom);
    cd_meta_vis vis;
    memset(&vis, 0, sizeof vis);
    /* Regions end where the walk leaves the element: its pre-order successor
     * past the subtree (CD_NONE at the end of the document, never reached). */
    int in_bad = 0, in_art = 0, in_body = 0, bad_side = 0;
    cd_nid bad_end = 0, art_end = 0, body_end = 0, hard_end = 0;
    cd_nid h1 = S_first_h1(dom);
    for (cd_nid id = root; id;) {
        if (in_bad && id == bad_end)
            in_bad = 0, hard_end = 0;
        if (hard_end && id == hard_end) {
            bad_side = 1; /* out of the comments inside the side column */
            hard_end = 0;
        }
        if (in_art && id == art_end)
            in_art = 0;
        if (in_body && id == body_end)
            in_body = 0;
        const cd_node *n = cd_dom_node(dom, id);
        unsigned flags = in_art ? CD_MC_INARTICLE : 0;
        if (n->type == CD_NODE_TEXT) {
            if (in_body && !in_bad)
                cd_meta_visible_text(c, &vis, id, flags);
            else if (in_body && bad_side)
                cd_meta_visible_side_text(c, &vis, id);
            id = cd_dom_next(dom, id, root);
            continue;
        }
        if (n->type != CD_NODE_ELEMENT) {
            id = cd_dom_next(dom, id, root);
            continue;
        }
        switch (n->tag) {
        case CD_TAG_META:
        case CD_TAG_LINK:
        case CD_TAG_HTML:
            cd_meta_tag(c, id);
            break;
        case CD_TAG_TITLE:
            if (!c->title_seen && !in_body) {
                size_t len;
                char *t = cd_meta_node_text(c, id, 1024, &len);
                if (t) {
                    cd_meta_add(c, CD_MF_TITLE, CD_MS_TITLE, 0, id, t, len);
                    c->title_seen = 1;
                }
            }
            id = cd_dom_next_skip(dom, id, root);
            continue;
        case CD_TAG_SCRIPT:
            if (S_is_jsonld(dom, id))
                S_script(c, id);
            id = cd_dom_next_skip(dom, id, root);
            continue;
        case CD_TAG_BODY:
            if (!in_body) {
                in_body = 1;
                body_end = cd_dom_next_skip(dom, id, root);
            }
            break;
        default:
            break;
        }
        if ((cd_tag_flags(n->tag) & CD_TF_SKIP) && n->tag != CD_TAG_HEAD) {
            id = cd_dom_next_skip(dom, id, root);
            continue;
        }
        /* <main> holds the page's dominant content (HTML): a wrapper whose
         * class names the layout around it ("main-container fixed-sidebar")
         * is no side column, and the walk leaves it there. */
        if (in_bad && bad_side && n->tag == CD_TAG_MAIN)
            in_bad = 0;
        if (!in_bad && in_body && S_is_bad_region(c, id, n, h1)) {
            in_bad = 1;
            bad_end = cd_dom_next_skip(dom, id, root);
            bad_side = S_is_side_region(c, id, n);
        } else if (in_bad && bad_side && S_is_bad_region(c, id, n, h1) && !S_is_side_region(c, id, n)) {
            /* Comments inside the side column: nothing of it is read, the
             * rest of the column is read again after them. */
            bad_side = 0;
            hard_end = cd_dom_next_skip(dom, id, root);
        }
        if (!in_art && S_is_article_region(dom, id, n)) {
            in_art = 1;
            art_end = cd_dom_next_skip(dom, id, root);
            flags |= CD_MC_INARTICLE;
        }
        cd_meta_microdata(c, id, flags | (in_bad ? CD_MC_BAD : 0) | (in_bad && bad_side ? CD_MC_SIDE : 0));
        if (in_body && !in_bad)
            cd_meta_visible_element(c, &vis, id, flags);
        else if (in_body && bad_side)
            cd_meta_visible_element(c, &vis, id, flags | CD_MC_BAD);
        if (in_body)
            cd_meta_news_element(c, id, flags | (in_bad ? CD_MC_BAD : 0));
        id = cd_dom_next(dom, id, root);
    }
    cd_meta_news_kicker(c, vis.nh1 ? vis.h1[0] : CD_NONE);
}

/* ---- choosing ------------------------------------------------------------ */

static const char *const S_src_names[CD_MS__COUNT] = {
    "json-ld", "og", "meta", "twitter", "microdata", "visible", "title", "html", "url"};

const char *cd_meta_src_name(int s)
{
    return s >= 0 && s < CD_MS__COUNT ? S_src_names[s] : NULL;
}

/* Candidates of one field and source in order of rank then document position. */
size_t cd_meta_collect(const cd_meta_ctx *c, int field, int src, int skip_bad,
                       const cd_meta_cand **out, size_t max)
{
    size_t n = 0;
    for (uint32_t i = 0; i < c->ncands && n < max; i++) {
        const cd_meta_cand *k = &c->cands[i];
        if (k->field != field || k->src != src || (skip_bad && (k->flags & CD_MC_BAD)))
            continue;
        size_t j = n++;
        while (j > 0 && out[j - 1]->rank > k->rank) {
            out[j] = out[j - 1];
            j--;
        }
        out[j] = k;
    }
    return n;
}

static size_t S_collect(const cd_meta_ctx *c, int field, int src, const cd_meta_cand **out,
                        size_t max)
{
    return cd_meta_collect(c, field, src, 0, out, max);
}

static const char *S_first(const cd_meta_ctx *c, int field, const int *srcs, size_t nsrcs,
                           const char **source)
{
    for (size_t s = 0; s < nsrcs; s++) {
        const cd_meta_cand *list[1];
        if (S_collect(c, field, srcs[s], list, 1)) {
            *source = S_src_names[srcs[s]];
            return list[0]->s;
        }
    }
    return NULL;
}

/* How the page writes numeric dates: 1 day first, -1 month first, 0 unknown. */
static int S_dayfirst(const char *lang)
{
    if (!lang || !*lang)
        return 0;
    size_t n = strlen(lang);
    if (n >= 5 && cd_eq_nocase(lang, 5, "en-us"))
        return -1;
    if (n >= 5 && cd_eq_nocase(lang, 5, "en_us"))
        return -1;
    if (n == 2 && cd_eq_nocase(lang, 2, "en"))
        return 0;
    return 1;
}

/* How the page itself writes dates, when its language leaves numeric ones
 * open ("en"): the order of the dates it writes out ("3 October 2023" on
 * a page dated "03/10/2023") or of numeric ones that settle it. The
 * majority of its visible dates, 0 on a tie. */
static int S_page_dayfirst(const cd_meta_ctx *c)
{
    int votes = 0;
    for (uint32_t i = 0; i < c->ncands; i++) {
        const cd_meta_cand *k = &c->cands[i];
        if ((k->field == CD_MF_DATE || k->field == CD_MF_MODIFIED) && k->src == CD_MS_VISIBLE)
            votes += cd_meta_date_order(k->s, k->len);
    }
    return votes > 0 ? 1 : votes < 0 ? -1 : 0;
}

/* A date element in a side column or footer (visible, flagged CD_MC_BAD):
 * after everything else, the URL included. */
static const char *S_side_date(cd_meta_ctx *c, int field, int dayfirst, const char **source)
{
    char out[CD_META_DATE_LEN];
    const cd_meta_cand *list[64];
    size_t n = S_collect(c, field, CD_MS_VISIBLE, list, 64);
    for (size_t i = 0; i < n; i++) {
        if (!(list[i]->flags & CD_MC_BAD))
            continue;
        size_t len = cd_meta_date_norm(list[i]->s, list[i]->len, 0, dayfirst, out);
        if (len) {
            *source = S_src_names[CD_MS_VISIBLE];
            return cd_arena_strndup(c->arena, out, len);
        }
    }
    return NULL;
}

/* Days since 1970-01-01 of "YYYY-MM-DD…" (Howard Hinnant's days_from_civil). */
static long S_day_number(const char *d)
{
    int y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
    int m = (d[5] - '0') * 10 + (d[6] - '0'), dd = (d[8] - '0') * 10 + (d[9] - '0');
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The stated date against the date line the reader sees. A structured
 * datePublished (JSON-LD, og, <meta>) is usually right, but two things make
 * the visible date line under the headline the better witness: a
 * datePublished within a day of the dateModified, later than the date shown
 * (the CMS stamped both when it regenerated the page, or wrote them in UTC
 * past the publisher's midnight: 2025-12-19T02:41Z on a page that says
 * "December 18, 2025"), and a datePublished more than a day after the date
 * shown (an import's stamp on an older post). A timestamp a day away from
 * the date shown is not enough alone: as often the page shows UTC and the
 * timestamp local time.
 * The visible date is a date line right after the h1 or an element named a
 * date (ranks 0-2), never one labelled "Updated" (those are modified
 * candidates). On a match, out gets the visible date (YYYY-MM-DD). */
static int S_shown_date(cd_meta_ctx *c, int dayfirst, const char *pub, size_t plen, char *out)
{
    if (plen < 10)
        return 0;
    char vis[CD_META_DATE_LEN], mod[CD_META_DATE_LEN];
    const cd_meta_cand *list[64];
    size_t n = S_collect(c, CD_MF_DATE, CD_MS_VISIBLE, list, 64), vl = 0;
    for (size_t i = 0; i < n && !vl; i++)
        if (!(list[i]->flags & CD_MC_BAD) && list[i]->rank <= 2)
            vl = cd_meta_date_norm(list[i]->s, list[i]->len, 0, dayfirst, vis);
    if (vl < 10)
        return 0;
    /* The first date line must be that one: "Page updated: …" first means
     * the page dates itself by its updates. */
    cd_nid first_date = 0, first_mod = 0;
    for (uint32_t i = 0; i < c->ncands; i++) {
        const cd_meta_cand *k = &c->cands[i];
        if (k->src != CD_MS_VISIBLE || k->rank > 2 || (k->flags & CD_MC_BAD))
            continue;
        if (k->field == CD_MF_DATE && (!first_date || k->pos < first_date))
            first_date = k->pos;
        if (k->field == CD_MF_MODIFIED && (!first_mod || k->pos < first_mod))
            first_mod = k->pos;
    }
    if (first_mod && first_mod < first_date)
        return 0;
    long p = S_day_number(pub), v = S_day_number(vis);
    int stale = 0;
    if (v < p) {
        static const int msrcs[] = {CD_MS_JSONLD, CD_MS_OG, CD_MS_META};
        for (size_t s = 0; s < 3 && !stale; s++) {
            size_t k = S_collect(c, CD_MF_MODIFIED, msrcs[s], list, 1);
            if (k && cd_meta_date_norm(list[0]->s, list[0]->len, 1, dayfirst, mod) >= 10) {
                stale = S_day_number(mod) >= p - 1 && S_day_number(mod) <= p + 1;
                break;
            }
        }
    }
    /* A stated date days after the one shown: the page was moved or
     * re-imported (a migration's stamp, a re-published archive), and the
     * date line keeps the original day. */
    if (v < p - 1)
        stale = 1;
    if (!stale)
        return 0;
    memcpy(out, vis, 10);
    out[10] = '\0';
    return 1;
}

/* A stated time in UTC ("…T23:25:38Z", "+00:00") against the page's own
 * <time datetime> giving the same instant with its local offset
 * ("2025-12-19T04:25:38+05:00"): the local form is what the page shows,
 * and its day is the page's day. On a match out gets that form and the
 * length is returned, else 0. */
static size_t S_local_form(cd_meta_ctx *c, int dayfirst, const char *pub, size_t plen, char *out)
{
    long long t, u;
    if (plen < 20 || !(pub[plen - 1] == 'Z' || (plen >= 6 && memcmp(pub + plen - 6, "+00:00", 6) == 0)) ||
        !cd_time_parse(pub, plen, &t))
        return 0;
    char loc[CD_META_DATE_LEN];
    const cd_meta_cand *list[64];
    size_t n = S_collect(c, CD_MF_DATE, CD_MS_MICRODATA, list, 64);
    for (size_t i = 0; i < n; i++) {
        size_t l = cd_meta_date_norm(list[i]->s, list[i]->len, 1, dayfirst, loc);
        if (l < 25 || loc[l - 1] == 'Z' || memcmp(loc + l - 6, "+00:00", 6) == 0 ||
            !cd_time_parse(loc, l, &u) || u != t)
            continue;
        memcpy(out, loc, l + 1);
        return l;
    }
    return 0;
}

/* The best JSON-LD date k describes no article (a VideoObject's
 * uploadDate, a WebPage's datePublished: ranks of the non-article types,
 * see jsonld.c) and the page's article:published_time is days away from
 * it: the article's own date wins over a thing embedded in or around it. */
static int S_ld_other_than_og(const cd_meta_ctx *c, int field, int dayfirst, const cd_meta_cand *k)
{
    const cd_meta_cand *og[1];
    char a[CD_META_DATE_LEN], b[CD_META_DATE_LEN];
    if (field != CD_MF_DATE || k->rank < CD_META_RANK_LD_OTHER || !cd_meta_collect(c, field, CD_MS_OG, 1, og, 1) ||
        og[0]->rank != 0 || cd_meta_date_norm(k->s, k->len, 1, dayfirst, a) < 10 ||
        cd_meta_date_norm(og[0]->s, og[0]->len, 1, dayfirst, b) < 10)
        return 0;
    /* Within a day, they state one moment (often the JSON-LD in local time). */
    long d = S_day_number(a) - S_day_number(b);
    return d > 1 || d < -1;
}

static const char *S_pick_date(cd_meta_ctx *c, int field, int dayfirst, const char *page_url,
                               const char **source)
{
    static const int srcs[] = {CD_MS_JSONLD, CD_MS_OG, CD_MS_META, CD_MS_MICRODATA, CD_MS_VISIBLE};
    char out[CD_META_DATE_LEN];
    for (size_t s = 0; s < sizeof srcs / sizeof srcs[0]; s++) {
        const cd_meta_cand *list[64];
        size_t n = S_collect(c, field, srcs[s], list, 64);
        if (srcs[s] == CD_MS_JSONLD && n && S_ld_other_than_og(c, field, dayfirst, list[0]))
            continue;
        for (size_t i = 0; i < n; i++) {
            if (list[i]->flags & CD_MC_BAD)
                continue;
            int whole = srcs[s] != CD_MS_VISIBLE;
            size_t len = cd_meta_date_norm(list[i]->s, list[i]->len, whole, dayfirst, out);
            if (len) {
                *source = S_src_names[srcs[s]];
                size_t ll;
                if (field == CD_MF_DATE && s < 3 && S_shown_date(c, dayfirst, out, len, out))
                    *source = S_src_names[CD_MS_VISIBLE], len = strlen(out);
                else if (field == CD_MF_DATE && s < 3 && (ll = S_local_form(c, dayfirst, out, len, out)))
                    *source = S_src_names[CD_MS_MICRODATA], len = ll;
                return cd_arena_strndup(c->arena, out, len);
            }
        }
    }
    /* Then a structured date from a block otherwise skipped: on a forum the
     * whole thread sits in "discussion"/"comment" blocks, and its first
     * datePublished is the opening post's. */
    {
        const cd_meta_cand *list[64];
        size_t n = S_collect(c, field, CD_MS_MICRODATA, list, 64);
        for (size_t i = 0; i < n; i++) {
            if (!(list[i]->flags & CD_MC_BAD))
                continue;
            size_t len = cd_meta_date_norm(list[i]->s, list[i]->len, 1, dayfirst, out);
            if (len) {
                *source = S_src_names[CD_MS_MICRODATA];
                return cd_arena_strndup(c->arena, out, len);
            }
        }
    }
    if (field != CD_MF_DATE)
        return S_side_date(c, field, dayfirst, source);
    /* Last resort: a date in the URL path (canonical, og:url, then the caller's). */
    static const int usrcs[] = {CD_MS_HTML, CD_MS_OG, CD_MS_JSONLD};
    for (size_t s = 0; s < sizeof usrcs / sizeof usrcs[0]; s++) {
        const cd_meta_cand *list[8];
        size_t n = S_collect(c, CD_MF_URL, usrcs[s], list, 8);
        for (size_t i = 0; i < n; i++) {
            size_t len = cd_meta_date_from_url(list[i]->s, list[i]->len, out);
            if (len) {
                *source = S_src_names[CD_MS_URL];
                return cd_arena_strndup(c->arena, out, len);
            }
        }
    }
    if (page_url) {
        size_t len = cd_meta_date_from_url(page_url, strlen(page_url), out);
        if (len) {
            *source = S_src_names[CD_MS_URL];
            return cd_arena_strndup(c->arena, out, len);
        }
    }
    return S_side_date(c, field, dayfirst, source);
}

/* Are links a and b (a first) items of one list of names: nothing but
 * list separators (",", "&", "and") between them? Not "Jane Doe –
 * Updated … | Fact-checked by <a>Frank Bass</a>". */
static int S_listed(const cd_dom *dom, cd_nid a, cd_nid b)
{
    static const char *const words[] = {"and", "und", "et", "y", "e", "with", NULL};
    unsigned steps = 0;
    int sep = 0;
    for (cd_nid k = cd_dom_next_skip(dom, a, CD_NONE); k && k != b; k = cd_dom_next(dom, k, CD_NONE)) {
        if (++steps > 24)
            return 0;
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type != CD_NODE_TEXT)
            continue;
        const char *t = n->u.text;
        for (size_t i = 0; i < n->len;) {
            if (cd_isspace((unsigned char)t[i]) || t[i] == ',' || t[i] == '&' || t[i] == ';') {
                sep |= !cd_isspace((unsigned char)t[i]);
                i++;
                continue;
            }
            size_t st = i;
            while (i < n->len && cd_isalpha((unsigned char)t[i]))
                i++;
            int ok = 0;
            for (size_t w = 0; words[w] && i > st && !ok; w++)
                ok = cd_meta_eq_nocase(t + st, i - st, words[w], strlen(words[w]));
            if (!ok)
                return 0;
            sep = 1;
        }
    }
    return sep;
}

/* The credits one source gives at one pass (see S_pick_authors). */
static void S_take_authors(cd_meta_ctx *c, cd_meta *m, int src, int pass, int links)
{
    const cd_meta_cand *list[64];
    size_t n = S_collect(c, CD_MF_AUTHOR, src, list, 64);
    /* Page elements credit one story in one place: after the first
     * credit, only credits right next to it (a list of names). */
    int local = src == CD_MS_MICRODATA || src == CD_MS_VISIBLE;
    cd_nid last = 0;
    int rank = -1;
    for (size_t i = 0; i < n; i++) {
        const cd_meta_cand *k = list[i];
        int org = (k->flags & CD_MC_ORG) != 0;
        if (org && !pass)
            continue;
        if (((k->flags & CD_MC_BAD) != 0) != (pass == 2))
            continue;
        if (src == CD_MS_MICRODATA && (k->rank == CD_META_RANK_LINK) != links)
            continue;
        if (src == CD_MS_VISIBLE && k->rank == CD_META_RANK_HOLDER && !m->date_published)
            continue; /* a shop's copyright line on an undated product page */
        /* Only the best-ranked statement of a source (one JSON-LD
         * article, not the authors of every related item). */
        if (rank >= 0 && k->rank != rank)
            break;
        if (local && last && (k->pos < last || k->pos - last > 40))
            continue;
        if (links && last && !S_listed(c->dom, last, k->pos))
            break;
        /* One JSON-LD script states the article; the authors of
         * another (a list of related stories) are not its. */
        if (src == CD_MS_JSONLD && last && k->pos != last)
            continue;
        /* An itemprop=author (ranks 0-1; rel=author links rank
         * after) is a statement like JSON-LD's: taken as written
         * ("annette thurmon"). */
        int stated = src == CD_MS_MICRODATA && k->rank <= 1;
        if (cd_meta_authors_add(m, c->arena, k->s, k->len, org || !local || stated)) {
            rank = k->rank;
            last = k->pos;
        }
    }
}

static void S_pick_authors(cd_meta_ctx *c, cd_meta *m)
{
    static const int srcs[] = {CD_MS_JSONLD, CD_MS_META, CD_MS_OG, CD_MS_MICRODATA, CD_MS_VISIBLE,
                               CD_MS_TWITTER};
    /* First pass: people only; second: organisations too (the only credit);
     * third: bylines in a side column or footer (CD_MC_BAD). */
    for (int pass = 0; pass < 3 && !m->nauthors; pass++) {
        for (size_t s = 0; s < sizeof srcs / sizeof srcs[0] && !m->nauthors; s++) {
            S_take_authors(c, m, srcs[s], pass, 0);
            if (m->nauthors)
                m->author_source = S_src_names[srcs[s]];
        }
    }
}

/* Is name the stated one, maybe after a title ("Dr Jane Doe")? */
static int S_same_name(const char *stated, const char *name)
{
    size_t a = strlen(stated), b = strlen(name);
    if (cd_meta_eq_nocase(stated, a, name, b))
        return 1;
    return b > a + 1 && name[b - a - 1] == ' ' && cd_meta_eq_nocase(stated, a, name + b - a, a) &&
           b - a - 1 <= 4 && name[0] >= 'A' && name[0] <= 'Z';
}

/* Does word w (wl bytes) stand as a whole word in s? */
static int S_has_word(const char *s, const char *w, size_t wl)
{
    size_t n = strlen(s);
    for (size_t p = 0; p < n;) {
        while (p < n && s[p] == ' ')
            p++;
        size_t st = p;
        while (p < n && s[p] != ' ')
            p++;
        if (p - st == wl && cd_meta_eq_nocase(s + st, wl, w, wl))
            return 1;
    }
    return 0;
}

/* Does name share a word (or run into one: "Jane DoeUpdated") with a
 * stated name? */
static int S_overlaps(const cd_meta *m, const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < m->nauthors; i++) {
        const char *s = m->authors[i];
        size_t sl = strlen(s);
        if (n >= sl && cd_meta_eq_nocase(name, sl, s, sl))
            return 1;
        for (size_t p = 0; p < n;) {
            while (p < n && name[p] == ' ')
                p++;
            size_t st = p;
            while (p < n && name[p] != ' ')
                p++;
            /* "van", "de": particles many names share */
            if (p > st && !(name[st] >= 'a' && name[st] <= 'z') && S_has_word(s, name + st, p - st))
                return 1;
        }
    }
    return 0;
}

/* Does name hold a word of three capitals or more ("ACLU Speech", "NASA
 * Goddard"): an acronym, which names a body? */
static int S_acronym(const char *name)
{
    for (const char *p = name; *p;) {
        size_t caps = 0, len = 0;
        for (; *p && *p != ' '; p++, len++)
            caps += *p >= 'A' && *p <= 'Z';
        if (len >= 3 && caps == len)
            return 1;
        while (*p == ' ')
            p++;
    }
    return 0;
}

/* Co-authors the stated author leaves out. A <meta name=author> or JSON-LD
 * author often names the first author only ("Rui Ma") where the byline
 * lists them all ("Rui Ma, Heba Ledwon, … & Suparn Patra"): when the
 * page's byline (microdata, links to author pages, then the visible
 * byline) names every stated person and more, each extra one a name of
 * two words or more sharing no word with a stated one (not "Jane Doe
 * Updated", "VP") and not an organisation ("The Texas Newsroom"), the
 * byline's list is taken. */
static void S_coauthors(cd_meta_ctx *c, cd_meta *m)
{
    if (!m->nauthors || !m->author_source || strcmp(m->author_source, "visible") == 0 ||
        strcmp(m->author_source, "microdata") == 0)
        return;
    static const int srcs[] = {CD_MS_MICRODATA, CD_MS_MICRODATA, CD_MS_VISIBLE};
    for (size_t s = 0; s < 3; s++) {
        cd_meta v;
        memset(&v, 0, sizeof v);
        v.site_name = m->site_name;
        S_take_authors(c, &v, srcs[s], 0, s == 1);
        if (v.nauthors <= m->nauthors)
            continue;
        size_t found = 0, bad = 0;
        /* An acronym beside stated names written without one ("Jane Doe,
         * Senior Technologist, ACLU Speech, Privacy …"): an affiliation. */
        int caps = 0;
        for (size_t i = 0; i < m->nauthors; i++)
            caps |= S_acronym(m->authors[i]);
        for (size_t j = 0; j < v.nauthors; j++) {
            int same = 0;
            for (size_t i = 0; i < m->nauthors && !same; i++)
                same = S_same_name(m->authors[i], v.authors[j]);
            if (same)
                found++;
            else if (!strchr(v.authors[j], ' ') || S_overlaps(m, v.authors[j]) ||
                     cd_meta_author_orgish(v.authors[j], strlen(v.authors[j])) ||
                     (!caps && S_acronym(v.authors[j])))
                bad++; /* not another person: an affiliation is no co-author */
        }
        if (found != m->nauthors || bad)
            continue;
        memcpy(m->authors, v.authors, sizeof v.authors);
        m->nauthors = v.nauthors;
        m->author_source = S_src_names[srcs[s]];
        return;
    }
}

/* The credit chosen is the site's own name ("Transfer Orbit" on Transfer
 * Orbit): an organisation. A person another structured source states
 * (JSON-LD, meta, og, itemprop, the twitter "Written by" pair) wins. */
static void S_site_credit(cd_meta_ctx *c, cd_meta *m)
{
    if (!m->nauthors || !m->site_name)
        return;
    size_t sl = strlen(m->site_name);
    for (size_t i = 0; i < m->nauthors; i++)
        if (!cd_meta_eq_nocase(m->authors[i], strlen(m->authors[i]), m->site_name, sl))
            return;
    static const int srcs[] = {CD_MS_JSONLD, CD_MS_META, CD_MS_OG, CD_MS_MICRODATA, CD_MS_TWITTER};
    for (size_t s = 0; s < sizeof srcs / sizeof srcs[0]; s++) {
        cd_meta v;
        memset(&v, 0, sizeof v);
        v.site_name = m->site_name;
        S_take_authors(c, &v, srcs[s], 0, 0);
        size_t keep = 0;
        for (size_t j = 0; j < v.nauthors; j++)
            if (!cd_meta_eq_nocase(v.authors[j], strlen(v.authors[j]), m->site_name, sl) &&
                strchr(v.authors[j], ' '))
                v.authors[keep++] = v.authors[j];
        if (!keep || keep != v.nauthors)
            continue;
        memcpy(m->authors, v.authors, sizeof v.authors);
        m->nauthors = v.nauthors;
        m->author_source = S_src_names[srcs[s]];
        return;
    }
}

/* Does any byline or microdata credit on the page mention name? */
static int S_shown(const cd_meta_ctx *c, const char *name, int max_rank)
{
    for (uint32_t i = 0; i < c->ncands; i++) {
        const cd_meta_cand *k = &c->cands[i];
        if (k->field == CD_MF_AUTHOR && (k->src == CD_MS_VISIBLE || k->src == CD_MS_MICRODATA) &&
            k->rank <= max_rank && !(k->src == CD_MS_MICRODATA && k->rank == CD_META_RANK_LINK) && cd_contains_nocase(k->s, k->len, name))
            return 1;
    }
    return 0;
}

/* Does name read as an organisation: the site's name, or a word that
 * names a body ("British Heart Foundation", "Clemson News")? */
static int S_orgish(const char *name, const char *site)
{
    static const char *const org[] = {"foundation", "institute", "university", "association",
                                      "society", "inc", "llc", "ltd", "corp", "company", "news",
                                      "media", "group", "clinic", "hospital", "council", "agency",
                                      "department", "magazine", "press", "network", NULL};
    size_t n = strlen(name);
    if (site && cd_meta_site_like(name, n, site, strlen(site)))
        return 1;
    for (size_t i = 0; i < n;) {
        while (i < n && !cd_isalpha((unsigned char)name[i]))
            i++;
        size_t st = i;
        while (i < n && cd_isalpha((unsigned char)name[i]))
            i++;
        for (size_t k = 0; org[k] && i > st; k++)
            if (cd_meta_eq_nocase(name + st, i - st, org[k], strlen(org[k])))
                return 1;
    }
    return 0;
}

/* The byline under the headline against the stated author. A <meta
 * name=author> or JSON-LD author is often the account that uploaded the post
 * ("KatieS", a previous editor) while the page credits the writer: when the
 * byline right under the h1 (rank 0-1: a byline block or a "By …" line)
 * names a person (two words or more) and no credit shown anywhere on the
 * page mentions the stated author, the byline wins. */
static void S_byline_check(cd_meta_ctx *c, cd_meta *m)
{
    if (!m->nauthors || !m->author_source || strcmp(m->author_source, "visible") == 0 ||
        strcmp(m->author_source, "microdata") == 0)
        return;
    /* A stated user name ("andrew.keaveney", "CC7567": the account, not
     * the writer) or organisation yields also to a byline element (rank 2),
     * unless a credit near the article shows it (ranks 0-3: not a "last
     * edited by" in the footer). */
    int handles = 1;
    for (size_t i = 0; i < m->nauthors; i++)
        if (strchr(m->authors[i], ' ') && !S_orgish(m->authors[i], m->site_name))
            handles = 0;
    const cd_meta_cand *list[64];
    size_t n = S_collect(c, CD_MF_AUTHOR, CD_MS_VISIBLE, list, 64), f = 0;
    while (f < n && (list[f]->flags & CD_MC_BAD))
        f++; /* not a byline in a side column */
    if (f == n || list[f]->rank > (handles ? 2 : 1))
        return;
    for (size_t i = 0; i < m->nauthors; i++)
        if (S_shown(c, m->authors[i], handles ? 3 : 255))
            return;
    cd_meta v;
    memset(&v, 0, sizeof v);
    v.site_name = m->site_name;
    if (!cd_meta_authors_add(&v, c->arena, list[f]->s, list[f]->len, 0) || !strchr(v.authors[0], ' '))
        return;
    memcpy(m->authors, v.authors, sizeof v.authors);
    m->nauthors = v.nauthors;
    m->author_source = S_src_names[CD_MS_VISIBLE];
}

void cd_meta_read(cd_meta *m, const cd_dom *dom, cd_arena *arena, const char *page_url)
{
    cd_meta_read_at(m, dom, arena, page_url, 0);
}

void cd_meta_read_at(cd_meta *m, const cd_dom *dom, cd_arena *arena, const char *page_url,
                     long long ref_time)
{
    memset(m, 0, sizeof *m);
    if (!dom || !arena || cd_dom_root(dom) == CD_NONE)
        return;
    cd_meta_ctx c;
    memset(&c, 0, sizeof c);
    c.dom = dom;
    c.arena = arena;
    c.ref_time = ref_time;
    c.cands = cd_arena_alloc(arena, CD_META_MAX_CANDS * sizeof *c.cands);
    if (!c.cands)
        return;
    S_walk(&c);

    const char *src = NULL;
    static const int lang_srcs[] = {CD_MS_HTML, CD_MS_META, CD_MS_OG, CD_MS_JSONLD};
    m->language = S_first(&c, CD_MF_LANG, lang_srcs, 4, &src);
    static const int site_srcs[] = {CD_MS_OG, CD_MS_JSONLD, CD_MS_META, CD_MS_TWITTER};
    m->site_name = S_first(&c, CD_MF_SITE, site_srcs, 4, &src);
    static const int url_srcs[] = {CD_MS_HTML, CD_MS_OG, CD_MS_JSONLD};
    m->url = S_first(&c, CD_MF_URL, url_srcs, 3, &src);
    if (!m->url && page_url && *page_url)
        m->url = cd_meta_clean(arena, page_url, strlen(page_url), NULL);
    static const int desc_srcs[] = {CD_MS_OG, CD_MS_META, CD_MS_JSONLD, CD_MS_TWITTER};
    m->description = S_first(&c, CD_MF_DESC, desc_srcs, 4, &src);

    int dayfirst = S_dayfirst(m->language);
    if (!dayfirst)
        dayfirst = S_page_dayfirst(&c);
    m->date_published = S_pick_date(&c, CD_MF_DATE, dayfirst, page_url, &m->date_source);
    m->date_modified = S_pick_date(&c, CD_MF_MODIFIED, dayfirst, NULL, &m->modified_source);
    /* A page that states only when it was modified (article:modified_time on
     * a landing page) is dated by that: the only date the publisher gives
     * for the text (trafilatura falls back the same way). */
    if (!m->date_published && m->date_modified) {
        m->date_published = m->date_modified;
        m->date_source = "modified";
    }
    S_pick_authors(&c, m);
    S_byline_check(&c, m);
    S_coauthors(&c, m);
    S_site_credit(&c, m);
    m->title = cd_meta_title_pick(&c, m->site_name, m->url ? m->url : page_url, &m->title_source);
    cd_meta_news_pick(&c, m, page_url);
}
