/* meta/microdata: schema.org microdata (itemprop), rel=author links and <time>.
 *
 * An itemprop value is, per the HTML microdata spec, the content attribute of
 * <meta>, the datetime of <time>, the href of <a>/<link>, else the text. An
 * author item (itemprop=author itemscope) names itself in a descendant
 * itemprop=name. <time> elements rank by how sure they are to be the
 * publication date: pubdate attribute, then a "published" class, then the
 * first inside an <article>/<main>, then any other. The walk in read.c does not
 * call this inside comment, related-story, sidebar or footer blocks. */
#include <string.h>

#include "../util/ctype.h"
#include "authors.h"
#include "cand.h"
#include "microdata.h"
#include "wordlists.h"

/* The value of an itemprop element; *len gets its length. */
/* An element's text is read into the caller's buf (S_VALUE_MAX * 3 + 1
 * bytes), not the arena: cd_meta_add keeps a copy of what it takes, and a
 * page of nested itemprop elements (each reading the same text) would
 * otherwise keep one per element until the page is done. */
#define S_VALUE_MAX 256
#define S_TEXT_MAX 128
static const char *S_value(cd_meta_ctx *c, cd_nid id, size_t *len, char *buf)
{
    const cd_dom *dom = c->dom;
    const char *v = cd_dom_attr(dom, id, "content", len);
    if (v && *len)
        return v;
    v = cd_dom_attr(dom, id, "datetime", len);
    if (v && *len)
        return v;
    if (cd_dom_is(dom, id, CD_TAG_META))
        return NULL;
    *len = cd_meta_node_text_to(c, id, S_VALUE_MAX, buf);
    return *len ? buf : NULL;
}

static void S_author_item(cd_meta_ctx *c, cd_nid id, int rank)
{
    const cd_dom *dom = c->dom;
    size_t len;
    unsigned seen = 0;
    /* itemscope: the name is a descendant itemprop=name. */
    if (cd_dom_attr(dom, id, "itemscope", &len)) {
        for (cd_nid k = cd_dom_next(dom, id, id); k && seen < CD_META_TEXT_NODES;
             k = cd_dom_next(dom, k, id), seen++) {
            const char *ip = cd_dom_attr(dom, k, "itemprop", &len);
            if (ip && cd_meta_word_in(ip, len, "name")) {
                char vb[S_VALUE_MAX * 3 + 1];
                const char *v = S_value(c, k, &len, vb);
                if (v)
                    cd_meta_add(c, CD_MF_AUTHOR, CD_MS_MICRODATA, rank, id, v, len);
                return;
            }
        }
    }
    char vb[S_VALUE_MAX * 3 + 1];
    const char *v = S_value(c, id, &len, vb);
    if (v && !(len >= 4 && cd_eq_nocase(v, 4, "http")))
        cd_meta_add(c, CD_MF_AUTHOR, CD_MS_MICRODATA, rank, id, v, len);
}

/* Is the item that id is a property of (its nearest itemscope ancestor) one
 * of a list: another element with itemscope and the same itemtype under the
 * item's grandparent, outside the item? A grid of related posts each stating
 * its writer (wcxb 4365: three BlogPosting cards after the story, "Marie
 * Stafford" over the page's own "David Gracey"), a listing of 24 Articles
 * (2903), a shelf of Books (2908), two customers' Reviews (4771): the
 * writer of one card is not the page's. A thread's replies (Comment,
 * Answer) are left alone: a forum's first post may be typed so. */
#define S_LIST_WALK 4000
static int S_listed_item(const cd_dom *dom, cd_nid id)
{
    size_t len, tl = 0;
    cd_nid own = cd_dom_node(dom, id)->parent;
    const char *type = NULL;
    for (; own; own = cd_dom_node(dom, own)->parent)
        if (cd_dom_attr(dom, own, "itemscope", &len)) {
            type = cd_dom_attr(dom, own, "itemtype", &tl);
            break;
        }
    if (!type || !tl)
        return 0;
    size_t b = tl;
    while (b && type[b - 1] != '/')
        b--;
    if ((tl - b == 7 && cd_eq_nocase(type + b, 7, "comment")) ||
        (tl - b == 6 && cd_eq_nocase(type + b, 6, "answer")))
        return 0;
    cd_nid top = cd_dom_node(dom, own)->parent;
    if (top && cd_dom_node(dom, top)->parent)
        top = cd_dom_node(dom, top)->parent;
    if (!top)
        return 0;
    unsigned seen = 0;
    for (cd_nid k = cd_dom_next(dom, top, top); k && seen < S_LIST_WALK; seen++) {
        if (k == own) {
            k = cd_dom_next_skip(dom, k, top);
            continue;
        }
        size_t kl;
        const char *kt;
        if (cd_dom_node(dom, k)->type == CD_NODE_ELEMENT &&
            cd_dom_attr(dom, k, "itemscope", &len) &&
            (kt = cd_dom_attr(dom, k, "itemtype", &kl)) && kl == tl && !memcmp(kt, type, tl))
            return 1;
        k = cd_dom_next(dom, k, top);
    }
    return 0;
}

/* Does href lead to an author's page: a path segment "author" or
 * "authors" followed by another ("/blog/author/jane-doe/")? */
static int S_author_href(const char *h, size_t n)
{
    size_t i = 0;
    /* Skip the scheme and host ("https://x.org", "//x.org"). */
    size_t c = 0;
    while (c < n && c < 12 && cd_isalpha((unsigned char)h[c]))
        c++;
    if (c < n && h[c] == ':')
        c++;
    else
        c = 0;
    if (c + 1 < n && h[c] == '/' && h[c + 1] == '/') {
        i = c + 2;
        while (i < n && h[i] != '/')
            i++;
    } else if (c) {
        return 0; /* mailto:, javascript: … */
    }
    while (i < n && h[i] != '?' && h[i] != '#') {
        while (i < n && h[i] == '/')
            i++;
        size_t st = i;
        while (i < n && h[i] != '/' && h[i] != '?' && h[i] != '#')
            i++;
        size_t l = i - st;
        if ((l == 6 && cd_eq_nocase(h + st, 6, "author")) ||
            (l == 7 && cd_eq_nocase(h + st, 7, "authors")))
            return i + 1 < n && h[i] == '/' && h[i + 1] != '?' && h[i + 1] != '#' && h[i + 1] != '/';
    }
    return 0;
}

/* Is the link's text its path's last segment, a person's own page: a
 * segment "u", "user", "users", "member", "members", "profile", "profiles",
 * "people", "author" or "authors", then maybe a number (an account's id),
 * then the last segment, the same as the text in letters and digits, case
 * and separators aside ("/u/DaleJack" DaleJack, "/users/4818/kumikogoingcrazy"
 * KumikoGoingCrAzY, "/authors/trevor-jackins" Trevor Jackins)? Forums
 * (Discourse, NodeBB, Stack Exchange) and blogs link the poster so when
 * their microdata is gone (the div-soup probe, docs/quality.md session 22,
 * h/byline). A link whose text names its target is no "View profile". */
static int S_profile_href(const char *h, size_t n, size_t *lb, size_t *le)
{
    static const char *const segs[] = {"u", "user", "users", "member", "members", "profile",
                                       "profiles", "people", "author", "authors"};
    static const unsigned char lens[] = {1, 4, 5, 6, 7, 7, 8, 6, 6, 7};
    /* Asked of every link: the query and fragment found by memchr, the
     * segment screened by its length before any name is compared. */
    size_t e = n;
    const char *q = memchr(h, '?', n);
    if (q) e = (size_t)(q - h);
    q = memchr(h, '#', e);
    if (q) e = (size_t)(q - h);
    while (e && h[e - 1] == '/')
        e--;
    size_t b = e;
    while (b && h[b - 1] != '/')
        b--;
    if (!b || b == e)
        return 0;
    /* The segment before it (or before an id of digits). */
    size_t pe = b - 1, pb = pe;
    while (pb && h[pb - 1] != '/')
        pb--;
    int digits = pe > pb;
    for (size_t k = pb; k < pe && digits; k++)
        digits = cd_isdigit((unsigned char)h[k]);
    if (digits && pb) {
        pe = pb - 1;
        pb = pe;
        while (pb && h[pb - 1] != '/')
            pb--;
    }
    size_t sl = pe - pb;
    if (!sl || sl > 8) return 0;
    for (size_t k = 0; k < sizeof segs / sizeof segs[0]; k++) {
        if (lens[k] == sl && cd_eq_nocase(h + pb, sl, segs[k])) {
            *lb = b;
            *le = e;
            return 1;
        }
    }
    return 0;
}

/* Does the block that link id signs open with an edit's label ("<div>
 * edited <span>Mar 5</span> <a href=/users/…>editor</a></div>": a thread's
 * post signed by its editor, then by its asker)? The first text of the
 * nearest of its three ancestors whose first text is not the link's own is
 * read. */
static int S_edit_signature(const cd_dom *dom, cd_nid id)
{
    static const char *const labels[] = {"edited", "last edited", "updated", "modified"};
    cd_nid a = id;
    for (int up = 0; up < 3 && (a = cd_dom_node(dom, a)->parent) != CD_NONE; up++) {
        unsigned seen = 0;
        for (cd_nid q = cd_dom_next(dom, a, a); q && seen < 64; q = cd_dom_next(dom, q, a), seen++) {
            const cd_node *n = cd_dom_node(dom, q);
            if (n->type != CD_NODE_TEXT)
                continue;
            size_t b = 0;
            while (b < n->len && cd_isspace((unsigned char)n->u.text[b]))
                b++;
            if (b == n->len)
                continue;
            cd_nid end = cd_dom_next_skip(dom, id, a);
            if (q > id && (!end || q < end))
                break; /* the link's own text: the block is one level up */
            for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++) {
                size_t ll = strlen(labels[k]);
                if (n->len - b >= ll && cd_eq_nocase(n->u.text + b, ll, labels[k]) &&
                    (n->len - b == ll || !cd_isalpha((unsigned char)n->u.text[b + ll])))
                    return 1;
            }
            return 0;
        }
    }
    return 0;
}

/* Is link id in a teaser card: one of its two nearest ancestors holds a
 * heading that links another page ("<div><h3><a href=/2024/05/…>Sowing
 * beans late</a></h3><a href=/authors/ada-fenwick>Ada Fenwick</a></div>")? */
static int S_in_teaser_card(const cd_dom *dom, cd_nid id)
{
    cd_nid a = id;
    for (int up = 0; up < 2 && (a = cd_dom_node(dom, a)->parent) != CD_NONE; up++) {
        unsigned seen = 0;
        for (cd_nid k = cd_dom_node(dom, a)->first; k && seen < 16; k = cd_dom_node(dom, k)->next, seen++) {
            const cd_node *x = cd_dom_node(dom, k);
            if (x->type != CD_NODE_ELEMENT || !(cd_tag_flags(x->tag) & CD_TF_HEADING))
                continue;
            unsigned s2 = 0;
            for (cd_nid q = cd_dom_next(dom, k, k); q && s2 < 32; q = cd_dom_next(dom, q, k), s2++)
                if (cd_dom_is(dom, q, CD_TAG_A))
                    return 1;
        }
    }
    return 0;
}

/* Is link id one item of a list of links to people's pages ("<ul><li><a
 * href=/author/jane-doe/>Jane Doe</a></li><li><a href=/author/john-roe/>
 * …": a site's list of its writers, tests/api/test_authors.c)? Its <li>
 * (the link's parent or grandparent) has a sibling item holding such a link. */
static int S_listed_profile(const cd_dom *dom, cd_nid id)
{
    cd_nid li = cd_dom_node(dom, id)->parent;
    if (li && !cd_dom_is(dom, li, CD_TAG_LI))
        li = cd_dom_node(dom, li)->parent;
    if (!li || !cd_dom_is(dom, li, CD_TAG_LI))
        return 0;
    unsigned steps = 0;
    for (cd_nid q = cd_dom_node(dom, cd_dom_node(dom, li)->parent)->first; q && steps < 64;
         q = cd_dom_node(dom, q)->next, steps++) {
        if (q == li || !cd_dom_is(dom, q, CD_TAG_LI))
            continue;
        unsigned seen = 0;
        for (cd_nid r = cd_dom_next(dom, q, q); r && seen < 32; r = cd_dom_next(dom, r, q), seen++) {
            size_t hl, b, e;
            const char *h = cd_dom_is(dom, r, CD_TAG_A) ? cd_dom_attr(dom, r, "href", &hl) : NULL;
            if (h && S_profile_href(h, hl, &b, &e))
                return 1;
        }
    }
    return 0;
}

/* Are text t and slug g the same in letters and digits, case and
 * separators aside (three or more of them)? */
static int S_slug_is(const char *t, size_t tl, const char *g, size_t gl)
{
    size_t i = 0, j = 0, matched = 0;
    for (;;) {
        while (i < tl && !cd_isalnum((unsigned char)t[i]))
            i++;
        while (j < gl && !cd_isalnum((unsigned char)g[j]))
            j++;
        if (i >= tl || j >= gl)
            break;
        if (cd_tolower((unsigned char)t[i]) != cd_tolower((unsigned char)g[j]))
            return 0;
        i++, j++, matched++;
    }
    return i >= tl && j >= gl && matched >= 3;
}

/* Class words of a publication or a change date: src/lists/class-published.txt, class-modified.txt. */

void cd_meta_microdata(cd_meta_ctx *c, cd_nid id, unsigned flags)
{
    const cd_dom *dom = c->dom;
    const cd_node *n = cd_dom_node(dom, id);
    int inart = (flags & CD_MC_INARTICLE) != 0;
    size_t len;
    const char *ip = cd_dom_attr(dom, id, "itemprop", &len);
    if (flags & CD_MC_BAD) {
        /* Inside comments, related stories …: only a stated datePublished,
         * kept as a last resort (see S_pick_date in pick_dates.c). */
        if (ip && len && cd_meta_word_in(ip, len, "datePublished")) {
            size_t vl;
            char vb[S_VALUE_MAX * 3 + 1];
            const char *v = S_value(c, id, &vl, vb);
            cd_meta_cand *k = v ? cd_meta_add(c, CD_MF_DATE, CD_MS_MICRODATA, 0, id, v, vl) : NULL;
            if (k)
                k->flags |= CD_MC_BAD;
        } else if (n->tag == CD_TAG_TIME) {
            /* A <time> in an <aside> beside the article is often its date
             * line; after any stated datePublished. */
            size_t vl;
            const char *v = cd_dom_attr(dom, id, "datetime", &vl);
            cd_meta_cand *k = v && vl ? cd_meta_add(c, CD_MF_DATE, CD_MS_MICRODATA, 1, id, v, vl) : NULL;
            if (k)
                k->flags |= CD_MC_BAD;
        } else if ((flags & CD_MC_SIDE) && n->tag == CD_TAG_A) {
            /* A rel=author link in the article's side column (its meta
             * column): a last resort, never in comments. */
            const char *rel = cd_dom_attr(dom, id, "rel", &len);
            char tb[S_TEXT_MAX * 3 + 1];
            size_t tl = rel && cd_meta_word_in(rel, len, "author")
                            ? cd_meta_node_text_to(c, id, S_TEXT_MAX, tb)
                            : 0;
            char *t = tl ? tb : NULL;
            cd_meta_cand *k = t ? cd_meta_add(c, CD_MF_AUTHOR, CD_MS_MICRODATA, 3, id, t, tl) : NULL;
            if (k)
                k->flags |= CD_MC_BAD;
        }
        return;
    }
    if (ip && len) {
        if (cd_meta_word_in(ip, len, "author") || cd_meta_word_in(ip, len, "creator")) {
            /* "Researched by:" over the person's card: not the writer. */
            size_t pl;
            cd_nid at;
            const char *p = cd_meta_prev_text(dom, id, &pl, &at);
            if ((!p || !cd_meta_author_other_role(p, pl)) && !S_listed_item(dom, id))
                S_author_item(c, id, inart ? 0 : 1);
        } else if (cd_meta_word_in(ip, len, "headline")) {
            size_t vl;
            char vb[S_VALUE_MAX * 3 + 1];
            const char *v = S_value(c, id, &vl, vb);
            if (v)
                cd_meta_add(c, CD_MF_TITLE, CD_MS_MICRODATA, inart ? 0 : 1, id, v, vl);
        } else if (cd_meta_word_in(ip, len, "datePublished") || cd_meta_word_in(ip, len, "dateCreated")) {
            size_t vl;
            char vb[S_VALUE_MAX * 3 + 1];
            const char *v = S_value(c, id, &vl, vb);
            if (v)
                cd_meta_add(c, CD_MF_DATE, CD_MS_MICRODATA, 0,
                            id, v, vl);
        } else if (cd_meta_word_in(ip, len, "dateModified")) {
            size_t vl;
            char vb[S_VALUE_MAX * 3 + 1];
            const char *v = S_value(c, id, &vl, vb);
            if (v)
                cd_meta_add(c, CD_MF_MODIFIED, CD_MS_MICRODATA, 0, id, v, vl);
        }
    }
    if (n->tag == CD_TAG_A) { /* (a <link rel> was read here and never used) */
        const char *rel = cd_dom_attr(dom, id, "rel", &len);
        if (rel && cd_meta_word_in(rel, len, "author")) {
            char tb[S_TEXT_MAX * 3 + 1];
            size_t tl = cd_meta_node_text_to(c, id, S_TEXT_MAX, tb);
            char *t = tl ? tb : NULL;
            if (t)
                cd_meta_add(c, CD_MF_AUTHOR, CD_MS_MICRODATA, inart ? 2 : 3, id, t, tl);
        } else if (n->tag == CD_TAG_A && c->nprofiles < CD_META_MAX_PROFILES) {
            size_t hl, gb, ge;
            const char *h = cd_dom_attr(dom, id, "href", &hl);
            char tb[S_TEXT_MAX * 3 + 1];
            size_t tl = h && S_profile_href(h, hl, &gb, &ge) ? cd_meta_node_text_to(c, id, S_TEXT_MAX, tb) : 0;
            if (tl && S_slug_is(tb, tl, h + gb, ge - gb) && !S_edit_signature(dom, id) &&
                !cd_meta_in_link_card(dom, id) && !S_in_teaser_card(dom, id) && !S_listed_profile(dom, id)) {
                c->profile[c->nprofiles] = cd_arena_strndup(c->arena, tb, tl);
                if (c->profile[c->nprofiles])
                    c->profile_pos[c->nprofiles++] = id;
            }
        }
        if (n->tag == CD_TAG_A && !(rel && cd_meta_word_in(rel, len, "author")) && c->author_links < 16) {
            /* A link to an author's page: no statement of its own (rank
             * CD_META_RANK_LINK, only read to complete a list of
             * co-authors, see S_coauthors in pick_authors.c). */
            size_t hl;
            const char *h = cd_dom_attr(dom, id, "href", &hl);
            if (h && S_author_href(h, hl)) {
                char tb[S_TEXT_MAX * 3 + 1];
                size_t tl = cd_meta_node_text_to(c, id, S_TEXT_MAX, tb);
                char *t = tl ? tb : NULL;
                if (t && tl) {
                    c->author_links++;
                    cd_meta_add(c, CD_MF_AUTHOR, CD_MS_MICRODATA, CD_META_RANK_LINK, id, t, tl);
                }
            }
        }
    }
    if (n->tag == CD_TAG_TIME && !cd_meta_in_link_card(dom, id)) {
        size_t vl;
        char tb[S_TEXT_MAX * 3 + 1];
        const char *v = cd_dom_attr(dom, id, "datetime", &vl);
        if (!v || !vl) {
            vl = cd_meta_node_text_to(c, id, S_TEXT_MAX, tb);
            v = vl ? tb : NULL;
        }
        if (!v)
            return;
        int mod = cd_meta_class_has(c, id, cd_list_class_modified);
        int rank = cd_dom_attr(dom, id, "pubdate", &len)          ? 2
                   : cd_meta_class_has(c, id, cd_list_class_published)      ? 3
                   : inart                                         ? 4
                                                                   : 5;
        /* "Updated: <time>": the label outside says what the class does not. */
        if (rank > 2 && cd_meta_date_updated(c, id, "", 0))
            mod = 1, rank = 4;
        if (!mod || rank <= 3)
            cd_meta_add(c, CD_MF_DATE, CD_MS_MICRODATA, rank, id, v, vl);
        else
            cd_meta_add(c, CD_MF_MODIFIED, CD_MS_MICRODATA, rank, id, v, vl);
    }
}
