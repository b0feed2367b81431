/* meta/section: the news fields read from page elements.
 *
 * Fed by the walk in read.c with every element of the body, including those
 * in navigation and other skipped blocks (breadcrumb trails often sit in a
 * <nav>), each with the CD_MC_* flags of its place:
 *   - microdata itemprop articleSection, keywords and image, the last two
 *     only when they belong to an article item (an author's or publisher's
 *     image is not the lead image);
 *   - rel=tag links inside the article (WordPress writes rel="category tag"
 *     on category links, and themes rel=tag on links to category pages:
 *     those are not tags);
 *   - the first breadcrumb trail (class or id "breadcrumb", aria-label
 *     "breadcrumb", itemtype BreadcrumbList): its links, kept in
 *     c->vis_crumbs for pick_news.c to pick the section from;
 *   - after the walk, the section label ("kicker", "eyebrow", "rubric",
 *     "rubrique") that sits right above the first h1: one of the three texts
 *     before it (texts of a <nav> passed over), in an element so named,
 *     short, and never inside a menu (its trailing " —" dropped); or,
 *     whatever its classes, the lone link to a section page
 *     ("/apple", "/sections/education/") that is the only text between the
 *     headline and an ancestor at most three levels above it.
 *   - after the walk, when it found no trail: the links right above the
 *     first h1 tried as a trail by their shape alone (cd_meta_news_trail_near:
 *     2-6 links from the front page on, joined by one kind of separator or
 *     the items of a list; by bars, slashes or bare items only when the run
 *     ends at the page's name or its desks nest).
 * Navigation menus are never read as a section: a trail must say it is one,
 * and a label inside a <nav>, a menu or a list of more than three items is
 * refused. */
#include <string.h>

#include "../util/ctype.h"
#include "../util/utf8.h"
#include "cand.h"
#include "section.h"
#include "wordlists.h"

#define S_KICKER_TEXTS 3u  /* texts before the h1 examined */
#define S_KICKER_MAX 48u   /* bytes: a label, not a sentence */
#define S_KICKER_NAMED_TEXTS 12u /* texts before the h1 examined for a label classed so */
#define S_KICKER_FAR_MAX 32u     /* bytes of such a label (a heading) past the first S_KICKER_TEXTS */
#define S_TRAIL_LINKS 10u  /* links in a breadcrumb trail, at most */
#define S_TRAIL_TEXT 1000u /* bytes of text (with indentation) in a trail, at most */

/* Class words of a breadcrumb trail, a section label and a menu:
 * src/lists/class-breadcrumb.txt, class-kicker.txt, class-menu.txt. */

/* The value of an itemprop element (HTML microdata: content, src, href, else
 * its text); *len gets its length. */
static const char *S_value(cd_meta_ctx *c, cd_nid id, size_t *len)
{
    const char *v;
    if (((v = cd_dom_attr(c->dom, id, "content", len)) && *len) ||
        ((v = cd_dom_attr(c->dom, id, "src", len)) && *len) ||
        ((v = cd_dom_attr(c->dom, id, "href", len)) && *len))
        return v;
    if (cd_dom_is(c->dom, id, CD_TAG_META) || cd_dom_is(c->dom, id, CD_TAG_IMG)) return NULL;
    return cd_meta_node_text(c, id, 256, len);
}

/* Is element id a link to another page of the site, or does it hold one
 * link and no other text (a category shown as a link)? */
static int S_category_link(cd_meta_ctx *c, cd_nid id)
{
    const cd_dom *dom = c->dom;
    cd_nid a = cd_dom_is(dom, id, CD_TAG_A) ? id : CD_NONE;
    unsigned seen = 0, links = 0;
    if (!a)
        for (cd_nid k = cd_dom_next(dom, id, id); k && seen < 8; k = cd_dom_next(dom, k, id), seen++)
            if (cd_dom_is(dom, k, CD_TAG_A)) a = k, links++;
    if (!a || links > 1 || seen >= 8) return 0;
    size_t hl, tl, al;
    const char *h = cd_dom_attr(dom, a, "href", &hl);
    if (!h || !hl || h[0] == '#' || cd_eq_nocase(h, hl < 11 ? hl : 11, "javascript:")) return 0;
    const char *t = cd_meta_node_text(c, id, 128, &tl), *at = cd_meta_node_text(c, a, 128, &al);
    return t && at && tl && tl == al;
}

/* Is href a link to a blog's category page: a "/category/" folder and one
 * or two segments after it ("/category/technology/", an absolute URL too),
 * no query? (Looked for at each '/' only: it runs on the links of a page.) */
static int S_category_path(const char *h, size_t n)
{
    const char *e = h + n, *p = memchr(h, '/', n);
    while (p && (size_t)(e - p) >= 10 && !cd_eq_nocase(p, 10, "/category/"))
        p = memchr(p + 1, '/', (size_t)(e - p - 1));
    if (!p || (size_t)(e - p) < 10) return 0;
    unsigned segs = 0;
    for (const char *k = p + 10; k < e; k++) {
        if (*k == '?' || *k == '#' || *k == '.') return 0;
        if (*k != '/' && (k == p + 10 || k[-1] == '/')) segs++;
    }
    return segs >= 1 && segs <= 2;
}

/* Is href a listing whose last query parameter is the category
 * ("/latest?category=consumer-electronics", Readability simplyfound-1's
 * category buttons under the h1)? q: its '?'. */
static int S_category_query(const char *h, size_t n, const char *q)
{
    size_t at = (size_t)(q - h) + 1;
    for (size_t k = at; k + 9 <= n; k++)
        if ((k == at || h[k - 1] == '&') && cd_eq_nocase(h + k, 9, "category=")) {
            size_t e = k + 9;
            while (e < n && h[e] != '&' && h[e] != '#')
                e++;
            return e > k + 9 && e == n;
        }
    return 0;
}

/* Is the last query value of href[0..hn) text t[0..tn) written as a slug
 * (letters and digits alike, case aside; anything else a separator)? */
static int S_query_names(const char *h, size_t hn, const char *t, size_t tn)
{
    size_t i = hn;
    while (i && h[i - 1] != '=')
        i--;
    size_t j = 0;
    for (;;) {
        while (i < hn && !cd_isalnum((unsigned char)h[i]))
            i++;
        while (j < tn && !cd_isalnum((unsigned char)t[j]))
            j++;
        if (i == hn || j == tn) return i == hn && j == tn;
        if (cd_tolower((unsigned char)h[i]) != cd_tolower((unsigned char)t[j])) return 0;
        i++, j++;
    }
}

/* Is element id inside a list item, a <nav> or a block classed as a menu
 * (a site menu's "?category=" links: l3s d234a669's "BUSINESS")? */
static int S_in_menu(cd_meta_ctx *c, cd_nid id)
{
    const cd_dom *dom = c->dom;
    unsigned k = 0;
    for (cd_nid p = cd_dom_node(dom, id)->parent; p && k < CD_META_ANCESTORS;
         p = cd_dom_node(dom, p)->parent, k++) {
        const cd_node *n = cd_dom_node(dom, p);
        if (n->type != CD_NODE_ELEMENT) break;
        if (n->tag == CD_TAG_LI || n->tag == CD_TAG_NAV || cd_meta_class_has(c, p, cd_list_class_menu)) return 1;
    }
    return 0;
}

/* Does the item scope that element id belongs to describe an article? */
static int S_article_scope(const cd_meta_ctx *c, cd_nid id)
{
    const cd_dom *dom = c->dom;
    unsigned k = 0;
    for (cd_nid p = cd_dom_node(dom, id)->parent; p && k < CD_META_ANCESTORS;
         p = cd_dom_node(dom, p)->parent, k++) {
        size_t len;
        if (cd_dom_node(dom, p)->type != CD_NODE_ELEMENT || !cd_dom_attr(dom, p, "itemscope", &len))
            continue;
        const char *t = cd_dom_attr(dom, p, "itemtype", &len);
        return t &&
               (cd_contains_nocase(t, len, "Article") || cd_contains_nocase(t, len, "Posting"));
    }
    return 0;
}

static unsigned S_links(const cd_dom *dom, cd_nid id);

/* Does element id's class or id value hold "crum" (any case)? Asked once a
 * class key (cd_meta_class_key_ask, kept in c->crum_memo): the walk asks
 * it of most elements, and most class values recur. */
static int S_has_crum(cd_meta_ctx *c, cd_nid id)
{
    size_t cl, il;
    const char *cls = cd_dom_attr(c->dom, id, "class", &cl), *ids = cd_dom_attr(c->dom, id, "id", &il);
    return (cls && cd_contains_nocase(cls, cl, "crum")) || (ids && cd_contains_nocase(ids, il, "crum"));
}

static int S_is_trail(cd_meta_ctx *c, cd_nid id)
{
    const cd_dom *dom = c->dom;
    const cd_node *n = cd_dom_node(dom, id);
    /* The container, not one of its items ("breadcrumb-item"); a span so
     * classed is one crumb unless it holds the links of a trail ("<span
     * class=breadcrumbs><span><a href=/>Homepage</a> &gt; </span><span><a
     * href=/money/>Money</a></span></span>", l3s 22a72ae6). */
    if (n->tag == CD_TAG_LI || n->tag == CD_TAG_A) return 0;
    size_t len;
    /* A span is one only by its class (below); spans are many: the
     * other names are not looked up for them. */
    if (n->tag == CD_TAG_SPAN) {
        const char *cls = cd_dom_attr(dom, id, "class", &len);
        return cls && cd_contains_nocase(cls, len, "crumb") &&
               cd_meta_class_has(c, id, cd_list_class_breadcrumb) && S_links(dom, id) >= 2;
    }
    const char *v = cd_dom_attr(dom, id, "aria-label", &len);
    if (v && cd_contains_nocase(v, len, "breadcrumb")) return 1;
    /* A <nav> labelled by a heading so named (Drupal's "<nav aria-labelledby=
     * system-breadcrumb><h2 id=system-breadcrumb class=visually-hidden>
     * Breadcrumb</h2><ol>", wcxb-dev 0214 almanac). */
    v = n->tag == CD_TAG_NAV ? cd_dom_attr(dom, id, "aria-labelledby", &len) : NULL;
    if (v && cd_contains_nocase(v, len, "breadcrumb")) return 1;
    v = cd_dom_attr(dom, id, "itemtype", &len);
    if (v && cd_contains_nocase(v, len, "BreadcrumbList")) return 1;
    /* Most elements name no crumb at all: a substring test spares them the
     * class-word split (the walk's hot path). */
    if (!cd_meta_class_key_ask(c, id, &c->crum_memo, S_has_crum)) {
        size_t cl, il;
        const char *cls;
        /* A list no class names whose items are crumbs ("<ol
         * class=styles__Container-sc-…><li class=styles__BreadcrumbItem-
         * sc-…>", wcxb-dev 4565): the list is the trail. */
        if (n->tag != CD_TAG_OL && n->tag != CD_TAG_UL) return 0;
        cd_nid li = n->first;
        while (li && cd_dom_node(dom, li)->type != CD_NODE_ELEMENT)
            li = cd_dom_node(dom, li)->next;
        if (!li || !cd_dom_is(dom, li, CD_TAG_LI)) return 0;
        cls = cd_dom_attr(dom, li, "class", &cl);
        if (!cls || !cd_contains_nocase(cls, cl, "crumb") || !cd_meta_class_has(c, li, cd_list_class_breadcrumb))
            return 0;
        /* Every item a crumb: a footer's link list whose first item alone
         * is classed so (phpBB's "<li class='… breadcrumbs'>" home link
         * before "Delete cookies", wcxb-dev 0535) is no trail. */
        unsigned items = 0;
        for (; li; li = cd_dom_node(dom, li)->next) {
            if (cd_dom_node(dom, li)->type != CD_NODE_ELEMENT) continue;
            const char *ic = cd_dom_is(dom, li, CD_TAG_LI) ? cd_dom_attr(dom, li, "class", &il) : NULL;
            if (!ic || !cd_contains_nocase(ic, il, "crumb") || ++items > S_TRAIL_LINKS) return 0;
        }
        return items >= 2;
    }
    return cd_meta_class_has(c, id, cd_list_class_breadcrumb);
}

/* The links inside element id (counted up to a bound). */
static unsigned S_links(const cd_dom *dom, cd_nid id)
{
    unsigned links = 0, seen = 0;
    for (cd_nid k = cd_dom_next(dom, id, id); k && seen < CD_META_TEXT_NODES;
         k = cd_dom_next(dom, k, id), seen++)
        links += cd_dom_is(dom, k, CD_TAG_A);
    return links;
}

/* The links of a breadcrumb trail, in page order; only a trail going
 * through a link to through when that is given. 1 when read. */
static int S_trail(cd_meta_ctx *c, cd_nid id, const char *through)
{
    const cd_dom *dom = c->dom;
    cd_meta_crumbs *t = &c->vis_crumbs;
    /* The innermost trail of two links or more: a "breadcrumb-row" may also
     * hold a language menu, a "breadcrumb__item" is one crumb. */
    unsigned seen = 0;
    for (cd_nid k = cd_dom_next(dom, id, id); k && seen < CD_META_TEXT_NODES;
         k = cd_dom_next(dom, k, id), seen++)
        if (cd_dom_node(dom, k)->type == CD_NODE_ELEMENT && S_is_trail(c, k) &&
            S_links(dom, k) >= 2)
            id = k;
    /* A trail is a few links; a block holding more is a header or a menu
     * that only mentions breadcrumbs ("site-header--w-breadcrumb"). */
    unsigned links = 0;
    size_t text = 0;
    seen = 0;
    for (cd_nid k = cd_dom_next(dom, id, id); k && seen < CD_META_TEXT_NODES;
         k = cd_dom_next(dom, k, id), seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        links += cd_dom_is(dom, k, CD_TAG_A);
        if (n->type == CD_NODE_TEXT) text += n->len;
    }
    if (links > S_TRAIL_LINKS || text > S_TRAIL_TEXT || seen >= CD_META_TEXT_NODES) return 0;
    /* A trail of one link (the page's name after it plain, "<a>Gardening:
     * Tips, Guides, and Seasonal Advice …</a> > <span>How-To-Garden</span>"
     * in the header of wcxb-dev 0214) may give way to a fuller one later
     * that goes through the same link (cd_meta_news_trail_again); any
     * other later trail is another widget's (a one-link tab bar classed so,
     * then a footer's links: wcxb-dev 0316, 2393). */
    if (through) {
        int via = 0;
        seen = 0;
        for (cd_nid k = cd_dom_next(dom, id, id); k && seen < CD_META_TEXT_NODES && !via;
             k = cd_dom_next(dom, k, id), seen++) {
            size_t hl;
            const char *h = cd_dom_is(dom, k, CD_TAG_A) ? cd_dom_attr(dom, k, "href", &hl) : NULL;
            via = h && links >= 2 && strlen(through) == hl && memcmp(through, h, hl) == 0;
        }
        if (!via) return 0;
    }
    t->n = 0;
    t->seen = 1;
    t->at = id;
    seen = 0;
    for (cd_nid k = cd_dom_next(dom, id, id); k && seen < CD_META_TEXT_NODES; seen++) {
        size_t tl, hl;
        /* A language switch ("Español") is not a crumb. */
        if (!cd_dom_is(dom, k, CD_TAG_A) || cd_dom_attr(dom, k, "hreflang", &hl)) {
            k = cd_dom_is(dom, k, CD_TAG_A) ? cd_dom_next_skip(dom, k, id)
                                            : cd_dom_next(dom, k, id);
            continue;
        }
        const char *name = cd_meta_node_text(c, k, 128, &tl);
        const char *href = cd_dom_attr(dom, k, "href", &hl);
        if (name) {
            if (t->n == CD_META_MAX_CRUMBS) {
                /* Keep the end of a long trail. */
                memmove(t->name, t->name + 1, (CD_META_MAX_CRUMBS - 1) * sizeof t->name[0]);
                memmove(t->url, t->url + 1, (CD_META_MAX_CRUMBS - 1) * sizeof t->url[0]);
                t->n--;
            }
            t->name[t->n] = name;
            t->url[t->n++] = href ? cd_meta_clean(c->arena, href, hl, NULL) : NULL;
        }
        k = cd_dom_next_skip(dom, k, id);
    }
    return 1;
}

/* Is text node n only white space? */
static int S_blank(const cd_node *n)
{
    for (size_t i = 0; i < n->len; i++)
        if (!cd_isspace((unsigned char)n->u.text[i])) return 0;
    return 1;
}

/* Is text node n only spaces and breadcrumb arrows (">", ">>", "»", "›"),
 * with one arrow at least? */
static int S_arrow_text(const cd_node *n)
{
    if (n->type != CD_NODE_TEXT) return 0;
    const unsigned char *s = (const unsigned char *)n->u.text;
    int arrows = 0;
    for (size_t i = 0; i < n->len; i++) {
        if (s[i] == '>')
            arrows++;
        else if (i + 1 < n->len && s[i] == 0xC2 && (s[i + 1] == 0xBB || s[i + 1] == 0xA0))
            arrows += s[++i] == 0xBB;
        else if (i + 2 < n->len && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0xBA)
            arrows++, i += 2;
        else if (!cd_isspace(s[i]))
            return 0;
    }
    return arrows > 0;
}

/* A trail no class names, written as links joined by arrows ("<a>Home</a>
 * &gt;&gt; <a>World</a> &gt;&gt; <a>Americas</a>" in div#p_navigator on
 * peopledaily-srilanka-minister; "<a>JPost.com</a> » <a>Israel</a> »
 * <b>Article</b>" in td.announcement on jpost-arab-pledges): element id
 * holds two links or more, the first to the site's front page, each after
 * it set off by an arrow, and at most the page's own name (one element or
 * text) after a last arrow. A tool bar of links behind arrow bullets
 * ("> Send to a friend > Print version", l3s-gn1 92474c42) opens with no
 * link home. One arrow may open the trail ahead of the link home and one
 * may close it after the last link (the page's name left out). */
/* Does link a lead to the site's front page: named so ("Home", a host name
 * "JPost.com"), or linking to the root or its index ("/", "/index.html")? */
static int S_home_link(cd_meta_ctx *c, cd_nid a)
{
    const cd_dom *dom = c->dom;
    size_t tl, hl;
    const char *t = cd_meta_node_text(c, a, 64, &tl);
    if (t && tl && cd_wordset_has(&cd_list_crumb_home, t, tl)) return 1;
    if (t && tl && !memchr(t, ' ', tl)) {
        const char *dot = memchr(t, '.', tl);
        if (dot && dot > t && dot + 2 < t + tl && cd_isalpha((unsigned char)dot[1])) return 1;
    }
    const char *h = cd_dom_attr(dom, a, "href", &hl);
    if (!h) return 0;
    size_t i = 0;
    if (hl > 8 && (cd_eq_nocase(h, 7, "http://") || cd_eq_nocase(h, 8, "https://"))) {
        i = cd_eq_nocase(h, 7, "http://") ? 7 : 8;
        while (i < hl && h[i] != '/')
            i++;
        if (i == hl) return 1;
    }
    if (i >= hl || h[i] != '/') return 0;
    i++;
    return i == hl || (hl - i >= 6 && cd_eq_nocase(h + i, 6, "index.") && !memchr(h + i, '/', hl - i) &&
                       !memchr(h + i, '?', hl - i));
}

/* Does text node n open with an arrow (spaces before it) and go on with
 * words ("&gt; Hellga on ")? */
static int S_arrow_lead(const cd_node *n)
{
    const unsigned char *s = (const unsigned char *)n->u.text;
    size_t i = 0;
    while (i < n->len && (cd_isspace(s[i]) || (s[i] == 0xC2 && i + 1 < n->len && s[i + 1] == 0xA0)))
        i += s[i] == 0xC2 ? 2 : 1;
    if (i < n->len && s[i] == '>')
        i++;
    else if (i + 1 < n->len && s[i] == 0xC2 && s[i + 1] == 0xBB)
        i += 2;
    else if (i + 2 < n->len && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0xBA)
        i += 3;
    else
        return 0;
    /* A space or a no-break space after the arrow ("&raquo;&nbsp;How many
     * lives", bramptonnews-blood-donors). */
    if (i >= n->len || !(cd_isspace(s[i]) || (s[i] == 0xC2 && i + 1 < n->len && s[i + 1] == 0xA0)))
        return 0;
    for (; i < n->len; i++)
        if (cd_isalnum(s[i]) || s[i] >= 0x80) return 1;
    return 0;
}

static int S_is_arrow_trail(cd_meta_ctx *c, cd_nid id)
{
    const cd_dom *dom = c->dom;
    const cd_node *e = cd_dom_node(dom, id);
    if (e->tag == CD_TAG_A || e->tag == CD_TAG_LI) return 0;
    cd_nid k = e->first;
    /* Blank texts, and one arrow ahead of the link home ("&nbsp;&raquo;&nbsp;
     * <a>Home</a> &raquo; <a>Community News</a>", div.Trail on
     * bramptonnews-blood-donors), come before the first crumb. */
    int lead = 0;
    for (; k && cd_dom_node(dom, k)->type == CD_NODE_TEXT; k = cd_dom_node(dom, k)->next) {
        const cd_node *t = cd_dom_node(dom, k);
        if (S_blank(t)) continue;
        /* Most texts open with a word: a look at the first byte spares them. */
        if (lead || cd_isalnum((unsigned char)t->u.text[0]) || !S_arrow_text(t)) break;
        lead = 1;
    }
    /* Most elements do not open with a link and an arrow: one test spares them. */
    if (!k || !cd_dom_is(dom, k, CD_TAG_A)) return 0;
    cd_nid nx = cd_dom_node(dom, k)->next;
    if (!nx || !S_arrow_text(cd_dom_node(dom, nx)) || !S_home_link(c, k)) return 0;
    unsigned links = 0, tail = 0;
    int sep = 1; /* an arrow (or the start) came last */
    for (; k; k = cd_dom_node(dom, k)->next) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_TEXT && S_blank(n)) continue;
        if (n->type == CD_NODE_TEXT && S_arrow_text(n)) {
            if (sep || tail) return 0;
            sep = 1;
            continue;
        }
        /* The page's name may run over a few pieces ("Hellga on
         * <i>American Gladiators</i>", l3s 1db34a39): no link among them. */
        if (tail && tail < 4 &&
            (n->type == CD_NODE_TEXT || (n->type == CD_NODE_ELEMENT && !S_links(dom, k)))) {
            tail++;
            continue;
        }
        /* " > Hellga on " after the last link: the arrow, then the
         * page's name, in one text. */
        if (!sep && !tail && n->type == CD_NODE_TEXT && S_arrow_lead(n)) {
            tail = 1;
            continue;
        }
        if (!sep || tail) return 0;
        if (n->type == CD_NODE_ELEMENT && n->tag == CD_TAG_A) {
            if (++links > S_TRAIL_LINKS) return 0;
        } else if (n->type == CD_NODE_TEXT || n->type == CD_NODE_ELEMENT) {
            if (n->type == CD_NODE_ELEMENT && S_links(dom, k)) return 0;
            tail = 1;
        }
        sep = 0;
    }
    /* An arrow may close the trail as one opens it ("<a>The Register</a> »
     * <a>Security</a> » <a>Spyware</a> »", div.YouAreHere on
     * theregister-facebook-secret-crush): the page's name left out. */
    return links >= 2;
}

/* Is img element k a breadcrumb arrow: its alt or its file naming one
 * ("<img src=../images/BreadCrumb.gif alt=arrow>")? */
static int S_arrow_img(const cd_dom *dom, cd_nid k)
{
    size_t l;
    const char *v = cd_dom_attr(dom, k, "alt", &l);
    if (v && (cd_contains_nocase(v, l, "arrow") || cd_contains_nocase(v, l, "crumb"))) return 1;
    v = cd_dom_attr(dom, k, "src", &l);
    return v && l < 512 && (cd_contains_nocase(v, l, "arrow") || cd_contains_nocase(v, l, "crumb"));
}

/* What item li holds, looked at cheaply: 1 a link (the walk stops
 * there), 2 an arrow (text or image) and no link, 0 neither. */
static unsigned S_item_marks(const cd_dom *dom, cd_nid li)
{
    unsigned m = 0, seen = 0;
    for (cd_nid k = cd_dom_next(dom, li, li); k && seen < 16; k = cd_dom_next(dom, k, li), seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_ELEMENT && n->tag == CD_TAG_A) return 1;
        if (n->type == CD_NODE_ELEMENT && n->tag == CD_TAG_IMG && S_arrow_img(dom, k)) m |= 2;
        else if (n->type == CD_NODE_TEXT && S_arrow_text(n)) m |= 2;
    }
    return m;
}

/* The first link inside element id (id has one: S_crumb_item said so). */
static cd_nid S_first_link(const cd_dom *dom, cd_nid id)
{
    for (cd_nid k = cd_dom_next(dom, id, id); k; k = cd_dom_next(dom, k, id))
        if (cd_dom_is(dom, k, CD_TAG_A)) return k;
    return id;
}

/* What list item li holds: 1 one link and no other text, 2 an arrow alone
 * (arrow text or an arrow image, spaces), 3 text alone (the page's own
 * name), 4 an image alone (an icon), 0 anything else. */
static int S_crumb_item(cd_meta_ctx *c, cd_nid li)
{
    const cd_dom *dom = c->dom;
    unsigned links = 0, arrows = 0, imgs = 0, text = 0, seen = 0;
    for (cd_nid k = cd_dom_next(dom, li, li); k && seen < 16; seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_ELEMENT && n->tag == CD_TAG_A) {
            links++;
            k = cd_dom_next_skip(dom, k, li);
            continue;
        }
        if (n->type == CD_NODE_ELEMENT && n->tag == CD_TAG_IMG) {
            if (S_arrow_img(dom, k)) arrows++;
            else imgs++;
        } else if (n->type == CD_NODE_TEXT && !S_blank(n)) {
            if (S_arrow_text(n)) arrows++;
            else if (cd_meta_clean(c->arena, n->u.text, n->len, NULL)) text++;
        }
        k = cd_dom_next(dom, k, li);
    }
    if (seen >= 16) return 0;
    if (links == 1 && !arrows && !text && !imgs) return 1;
    if (!links && arrows == 1 && !imgs) return text ? 5 : 2; /* 5: arrow, then the page's name */
    if (!links && !arrows && text && !imgs) return 3;
    if (!links && !arrows && !text && imgs) return 4;
    return 0;
}

/* A trail no class names, set as a list: items of one link each, an item
 * holding only an arrow (text or image) between every two ("<ul class=
 * headerlist><li><a>Home</a></li><li>&nbsp;<img alt=arrow
 * src=BreadCrumb.gif>&nbsp;</li><li><a>News</a></li>…<li><img alt=arrow>
 * Story</li></ul>", tests/spec/news/hindustantimes-burrabazar-fire), the
 * first link to the site's front page, an icon item before it and the
 * page's name after a last arrow allowed. A menu ("Home | News | Sport")
 * is set off by bars, no arrows. */
static int S_is_list_arrow_trail(cd_meta_ctx *c, cd_nid id)
{
    const cd_dom *dom = c->dom;
    const cd_node *e = cd_dom_node(dom, id);
    if (e->tag != CD_TAG_UL && e->tag != CD_TAG_OL) return 0;
    /* Most lists are menus, an item of one link after another: the item
     * after the first one holding a link must hold an arrow and no link. */
    cd_nid li = e->first;
    for (unsigned skip = 0; li; li = cd_dom_node(dom, li)->next) {
        if (!cd_dom_is(dom, li, CD_TAG_LI)) continue;
        if (S_item_marks(dom, li) & 1) break;
        if (++skip > 1) return 0;
    }
    if (!li) return 0;
    do
        li = cd_dom_node(dom, li)->next;
    while (li && !cd_dom_is(dom, li, CD_TAG_LI));
    if (!li || S_item_marks(dom, li) != 2) return 0;
    unsigned links = 0, items = 0;
    int sep = 1, tail = 0, first = 1;
    for (cd_nid k = e->first; k; k = cd_dom_node(dom, k)->next) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_TEXT && S_blank(n)) continue;
        if (n->type != CD_NODE_ELEMENT || n->tag != CD_TAG_LI || ++items > 2 * S_TRAIL_LINKS + 2) return 0;
        /* Most lists are menus: their first item's link is looked at first. */
        int kind = S_crumb_item(c, k);
        if (first && kind == 4) continue;
        if (tail) return 0;
        switch (kind) {
        case 1:
            if (!sep) return 0;
            if (first && !S_home_link(c, S_first_link(dom, k))) return 0;
            links++, sep = 0;
            break;
        case 2:
            if (sep) return 0;
            sep = 1;
            break;
        case 5:
            if (sep) return 0;
            tail = 1;
            break;
        case 3:
            if (!sep || first) return 0;
            tail = 1;
            break;
        default:
            return 0;
        }
        first = 0;
    }
    return links >= 2;
}

void cd_meta_news_element(cd_meta_ctx *c, cd_nid id, unsigned flags)
{
    const cd_dom *dom = c->dom;
    const cd_node *n = cd_dom_node(dom, id);
    /* Each try scans up to CD_META_TEXT_NODES nodes: a page of a million
     * "breadcrumb" elements is not scanned a million times. */
    if (!c->vis_crumbs.seen && c->vis_crumbs.tries < CD_META_MAX_TRAILS &&
        (S_is_trail(c, id) ||
         (n->type == CD_NODE_ELEMENT && (S_is_arrow_trail(c, id) || S_is_list_arrow_trail(c, id))))) {
        c->vis_crumbs.tries++;
        S_trail(c, id, NULL);
    }
    int inart = (flags & CD_MC_INARTICLE) != 0;
    size_t len, vl;
    /* An article item's category shown as a link and marked itemprop=genre
     * (Medical News Today's "<span itemprop=genre class=category_main><a
     * href=/categories/neurology>Neurology / Neuroscience</a>", then two
     * category_sub the same way): a section, after articleSection, the first
     * in page order. A <meta> genre ("News", nytimes) is the kind of text. */
    const char *gp = (flags & CD_MC_BAD) ? NULL : cd_dom_attr(dom, id, "itemprop", &len);
    if (gp && len && cd_meta_word_in(gp, len, "genre") && S_article_scope(c, id) && S_category_link(c, id) &&
        cd_meta_room(c, CD_MF_SECTION)) {
        char *t = cd_meta_node_text(c, id, 128, &vl);
        if (t && vl) cd_meta_add(c, CD_MF_SECTION, CD_MS_MICRODATA, 2, id, t, vl);
    }
    int cat = !(flags & CD_MC_BAD) && !c->chead[CD_MF_SECTION][CD_MS_HTML];
    if (n->tag == CD_TAG_A && (inart || cat)) {
        const char *rel = cd_dom_attr(dom, id, "rel", &len);
        size_t hl;
        const char *href = cd_dom_attr(dom, id, "href", &hl);
        int tag = rel && cd_meta_word_in(rel, len, "tag");
        /* A tag link into the blog's category folder ("<a
         * href=/category/technology/ rel=tag>Technology News</a>" closing
         * the topics line under the headline, Readability salon-1), or a
         * link into a listing by category query outside menus: the story's
         * category, a section of last resort (meta/pick_news
         * S_tag_category), the first outside boilerplate. */
        const char *q = cat && href ? memchr(href, '?', hl) : NULL;
        /* ... or a link into that folder classed as a category label
         * ("<a href=/blog/category/Consulting class='blog-item-category'>"
         * in the post's meta line under the h1, wcxb-dev 0230), outside
         * menus (a blog's categories menu by the headline, "<a
         * class=…-categories-menu_…>", wcxb-dev 4668). */
        if (cat && href && ((!q && (tag || cd_dom_attr(dom, id, "class", &vl)) && S_category_path(href, hl) &&
                             (tag || (cd_meta_class_has(c, id, cd_list_class_kicker) &&
                                      !cd_meta_class_has(c, id, cd_list_class_menu) && !S_in_menu(c, id)))) ||
                            (q && S_category_query(href, hl, q) && (tag || !S_in_menu(c, id)))) &&
            cd_meta_room(c, CD_MF_SECTION)) {
            char *t = cd_meta_node_text(c, id, 128, &vl);
            /* By query, the link names the category its text shows
             * ("?category=consumer-electronics", Consumer Electronics; not
             * "?CATEGORY=OPINION04", "Letter to editor", l3s d234a669). */
            if (t && vl && (!q || S_query_names(href, hl, t, vl)))
                cd_meta_add(c, CD_MF_SECTION, CD_MS_HTML, 0, id, t, vl);
        }
        if (inart) {
            /* The tag list often sits in the article's own <footer>, which the
             * walk counts as boilerplate: taken from there too, after the rest. */
            if (tag && !cd_meta_word_in(rel, len, "category") &&
                !(href && cd_contains_nocase(href, hl, "categor")) && cd_meta_room(c, CD_MF_TAG)) {
                char *t = cd_meta_node_text(c, id, 128, &vl);
                if (t) cd_meta_add(c, CD_MF_TAG, CD_MS_HTML, (flags & CD_MC_BAD) ? 1 : 0, id, t, vl);
            }
            return;
        }
    }
    if (flags & CD_MC_BAD) return;
    const char *ip = cd_dom_attr(dom, id, "itemprop", &len);
    if (ip && len) {
        if (cd_meta_word_in(ip, len, "articleSection") && cd_meta_room(c, CD_MF_SECTION)) {
            const char *v = S_value(c, id, &vl);
            if (v) cd_meta_add(c, CD_MF_SECTION, CD_MS_MICRODATA, inart ? 0 : 1, id, v, vl);
        } else if (cd_meta_word_in(ip, len, "keywords") && S_article_scope(c, id) &&
                   cd_meta_room(c, CD_MF_TAG)) {
            const char *v = S_value(c, id, &vl);
            if (v) cd_meta_add(c, CD_MF_TAG, CD_MS_MICRODATA, 0, id, v, vl);
        } else if (cd_meta_word_in(ip, len, "image") && S_article_scope(c, id) &&
                   cd_meta_room(c, CD_MF_IMAGE)) {
            const char *v = S_value(c, id, &vl);
            if (v) cd_meta_add(c, CD_MF_IMAGE, CD_MS_MICRODATA, 0, id, v, vl);
        }
    }
}

/* Is a contains b? */
static int S_contains(const cd_dom *dom, cd_nid a, cd_nid b)
{
    for (cd_nid p = b; p; p = cd_dom_node(dom, p)->parent)
        if (p == a) return 1;
    return 0;
}

/* ---- a trail read by its shape, near the headline ---------------------- */

#define S_NEAR_STEPS 160u /* nodes walked back from the headline */
#define S_NEAR_TEXTS 16u  /* texts walked back from the headline */
#define S_NEAR_LINKS 8u   /* links before the headline tried as a trail's */
#define S_NEAR_LEVELS 4u  /* levels above such a link tried as the trail */
#define S_SHAPE_NODES 96u /* nodes of a trail, at most */
#define S_SHAPE_LINKS 6u  /* links of a trail read by its shape, at most */
#define S_SHAPE_TOKENS 16u

/* Is text node n only white space and no-break spaces? */
static int S_blank_nbsp(const cd_node *n)
{
    const unsigned char *s = (const unsigned char *)n->u.text;
    for (size_t i = 0; i < n->len; i++)
        if (s[i] == 0xC2 && i + 1 < n->len && s[i + 1] == 0xA0)
            i++;
        else if (!cd_isspace(s[i]))
            return 0;
    return 1;
}

/* Does link a show something: a text not blank or an image (a home icon)? */
static int S_link_shows(const cd_dom *dom, cd_nid a)
{
    unsigned seen = 0;
    for (cd_nid k = cd_dom_next(dom, a, a); k && seen < 8; k = cd_dom_next(dom, k, a), seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_TEXT ? !S_blank_nbsp(n)
                                    : (n->tag == CD_TAG_IMG || n->tag == CD_TAG_SVG))
            return 1;
    }
    return 0;
}

/* Is text node n a crumb separator: spaces and one mark? 1 an arrow (">",
 * ">>", "»", "›", "→"), 2 a bar or slash ("|", "/"), menus' separators
 * too; 0 anything else. */
static int S_sep_text(const cd_node *n)
{
    const unsigned char *s = (const unsigned char *)n->u.text;
    int kind = 0, marks = 0;
    for (size_t i = 0; i < n->len; i++) {
        if (s[i] == '>') {
            if (!(i && s[i - 1] == '>')) marks++;
            kind = 1;
        } else if (s[i] == '|' || s[i] == '/') {
            marks++;
            kind = kind ? kind : 2;
        } else if (i + 1 < n->len && s[i] == 0xC2 && (s[i + 1] == 0xBB || s[i + 1] == 0xA0)) {
            if (s[++i] == 0xBB) marks++, kind = 1;
        } else if (i + 2 < n->len && s[i] == 0xE2 &&
                   ((s[i + 1] == 0x80 && s[i + 2] == 0xBA) ||
                    (s[i + 1] == 0x86 && s[i + 2] == 0x92))) {
            marks++, kind = 1, i += 2;
        } else if (!cd_isspace(s[i])) {
            return 0;
        }
    }
    return marks == 1 ? kind : 0;
}

/* Does element id read as a breadcrumb trail by its shape alone, whatever
 * its class: a run of 2 to S_SHAPE_LINKS links, the first to the site's
 * front page, each after it set off by a separator ("Home › News ›
 * Politics", the links bare or each in its own element), or the items of
 * a list; at most a plain last item (the page's own name) after them. A
 * trail joined by arrows is one as it stands; one joined by bars or
 * slashes, or a list with no marks, is a menu as often ("Home | News |
 * Sport"): it counts only when it ends at the page's own name (plain
 * text) or each of its desks lies inside the one before ("/news/",
 * "/news/politics/"). */
static int S_shape_trail(cd_meta_ctx *c, cd_nid id, cd_nid *links_out, unsigned *nlinks)
{
    const cd_dom *dom = c->dom;
    const cd_node *e = cd_dom_node(dom, id);
    if (e->type != CD_NODE_ELEMENT || e->tag == CD_TAG_BODY || e->tag == CD_TAG_HTML) return -1;
    int list = e->tag == CD_TAG_UL || e->tag == CD_TAG_OL;
    /* tokens: 'L' link, 'S' arrow, 'W' bar or slash, 'T' text */
    char tok[S_SHAPE_TOKENS];
    unsigned nt = 0, links = 0, seen = 0;
    for (cd_nid k = cd_dom_next(dom, id, id); k; seen++) {
        if (seen >= S_SHAPE_NODES || nt >= S_SHAPE_TOKENS)
            return -1; /* too big: so is every ancestor */
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_ELEMENT) {
            if (n->tag == CD_TAG_A) {
                /* An empty link (a template's "<a href='<%collapse%>'></a>"
                 * between crumbs, l3s 63fc89f8) is no crumb. */
                if (!S_link_shows(dom, k)) {
                    k = cd_dom_next_skip(dom, k, id);
                    continue;
                }
                if (links == S_SHAPE_LINKS) return -1;
                links_out[links++] = k;
                tok[nt++] = 'L';
                k = cd_dom_next_skip(dom, k, id);
                continue;
            }
            if (n->tag == CD_TAG_IMG && S_arrow_img(dom, k))
                tok[nt++] = 'S';
            else if (cd_tag_flags(n->tag) & CD_TF_SKIP) {
                k = cd_dom_next_skip(dom, k, id);
                continue;
            } else if (n->tag == CD_TAG_H1 || n->tag == CD_TAG_H2 || n->tag == CD_TAG_P ||
                       n->tag == CD_TAG_FORM || n->tag == CD_TAG_INPUT)
                return -1; /* a heading, a paragraph, a form: no ancestor is a trail either */
        } else if (n->type == CD_NODE_TEXT && !S_blank(n)) {
            int sk = S_sep_text(n);
            if (sk)
                tok[nt++] = sk == 1 ? 'S' : 'W';
            else if (!S_blank_nbsp(n))
                tok[nt++] = 'T';
            if (nt == 1 && tok[0] != 'L') return 0; /* a trail opens with its link home */
        }
        k = cd_dom_next(dom, k, id);
    }
    if (links < 2 || tok[0] != 'L') return 0;
    int home = S_home_link(c, links_out[0]);
    /* The grammar: L (sep L)* [sep] [T], every sep the same kind; a list's
     * items may go without marks. */
    char kind = 0;
    int tail = 0, sep = 0;
    for (unsigned i = 0; i < nt; i++) {
        char t = tok[i];
        if (tail) return 0;
        if (t == 'S' || t == 'W') {
            if (sep || (kind && kind != t)) return 0;
            kind = t, sep = 1;
        } else if (t == 'L') {
            if (i && !sep && !(list && !kind)) return 0;
            sep = 0;
        } else {
            if (!sep && !list) return 0;
            tail = 1;
        }
    }
    *nlinks = links;
    /* Without the link home, arrows joining the links and the page's name
     * closing them ("<a>Deccan Herald</a> » <a>Sports</a> » <font>Detailed
     * Story</font>" over a headline in a table cell, l3s 3e992547). */
    if (!home) return kind == 'S' && tail;
    if (kind == 'S') return 1;
    if (tail) return 1;
    /* Nested desks: each link's path inside the one before (home aside). */
    if (links < 3) return 0;
    size_t pl = 0;
    const char *prev = NULL;
    for (unsigned i = 1; i < links; i++) {
        size_t hl;
        const char *h = cd_dom_attr(dom, links_out[i], "href", &hl);
        if (!h || !hl) return 0;
        const char *p = h;
        if (hl > 8 && (cd_eq_nocase(h, 7, "http://") || cd_eq_nocase(h, 8, "https://"))) {
            p = memchr(h + 8, '/', hl - 8);
            if (!p) return 0;
        }
        size_t l = hl - (size_t)(p - h);
        while (l > 1 && p[l - 1] == '/')
            l--;
        if (prev && !(l > pl && memcmp(p, prev, pl) == 0 && p[pl] == '/')) return 0;
        prev = p, pl = l;
    }
    return 1;
}

void cd_meta_news_trail_near(cd_meta_ctx *c, cd_nid h1)
{
    const cd_dom *dom = c->dom;
    if (!h1 || c->vis_crumbs.seen) return;
    unsigned steps = 0, texts = 0, tried = 0, ndone = 0;
    cd_nid links[S_SHAPE_LINKS], done[S_NEAR_LINKS * S_NEAR_LEVELS];
    for (cd_nid k = cd_dom_prev(dom, h1);
         k && steps < S_NEAR_STEPS && texts < S_NEAR_TEXTS && tried < S_NEAR_LINKS;
         k = cd_dom_prev(dom, k), steps++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_TEXT && !S_blank(n)) texts++;
        if (!cd_dom_is(dom, k, CD_TAG_A)) continue;
        tried++;
        cd_nid p = n->parent;
        for (unsigned lv = 0; p && lv < S_NEAR_LEVELS; lv++, p = cd_dom_node(dom, p)->parent) {
            unsigned nl = 0, seen = 0;
            /* A container tried already (its ancestors too), or holding the
             * headline, ends the climb. */
            while (seen < ndone && done[seen] != p)
                seen++;
            if (seen < ndone || S_contains(dom, p, h1)) break;
            done[ndone++] = p;
            int r = S_shape_trail(c, p, links, &nl);
            if (r < 0) break;
            if (!r) continue;
            cd_meta_crumbs *t = &c->vis_crumbs;
            t->seen = 1;
            for (unsigned i = 0; i < nl && t->n < CD_META_MAX_CRUMBS; i++) {
                size_t tl, hl;
                const char *name = cd_meta_node_text(c, links[i], 128, &tl);
                const char *href = cd_dom_attr(dom, links[i], "href", &hl);
                if (!name) continue;
                t->name[t->n] = name;
                t->url[t->n++] = href ? cd_meta_clean(c->arena, href, hl, NULL) : NULL;
            }
            return;
        }
    }
}

void cd_meta_news_trail_again(cd_meta_ctx *c)
{
    const cd_dom *dom = c->dom;
    cd_meta_crumbs *t = &c->vis_crumbs;
    if (t->n != 1 || !t->url[0] || !t->at) return;
    const char *through = t->url[0];
    unsigned tries = 0;
    for (cd_nid k = cd_dom_next_skip(dom, t->at, 0); k && tries < CD_META_MAX_TRAILS;
         k = cd_dom_next(dom, k, 0)) {
        if (cd_dom_node(dom, k)->type != CD_NODE_ELEMENT || !S_is_trail(c, k)) continue;
        tries++;
        if (S_trail(c, k, through)) return;
    }
}

/* Is the label at text node t (before h1) a section label? Its own elements,
 * those that do not hold the headline too, must name it so; no ancestor may
 * be a menu or a long list. */
static int S_is_kicker(cd_meta_ctx *c, cd_nid t, cd_nid h1)
{
    const cd_dom *dom = c->dom;
    int named = 0;
    unsigned k = 0;
    for (cd_nid p = cd_dom_node(dom, t)->parent; p && k < CD_META_ANCESTORS;
         p = cd_dom_node(dom, p)->parent, k++) {
        const cd_node *n = cd_dom_node(dom, p);
        if (n->type != CD_NODE_ELEMENT) break;
        if (n->tag == CD_TAG_NAV || cd_meta_class_has(c, p, cd_list_class_menu)) return 0;
        if (n->tag == CD_TAG_UL || n->tag == CD_TAG_OL) {
            unsigned items = 0;
            for (cd_nid i = n->first; i && items <= 3; i = cd_dom_node(dom, i)->next)
                items += cd_dom_is(dom, i, CD_TAG_LI);
            if (items > 3) return 0;
        }
        if (!named && !S_contains(dom, p, h1) && cd_meta_class_has(c, p, cd_list_class_kicker)) named = 1;
    }
    return named;
}

/* Is href a link to a section page: a site path of one or two short
 * segments ("/apple", "/sections/education/"), no query, no file, no id?
 * A bare relative segment counts too ("australia" beside the page, l3s
 * sbs-baghdatis-fans' panel header over the headline). */
static int S_section_href(const char *h, size_t n)
{
    size_t i = 0;
    if (n > 8 && (cd_eq_nocase(h, 7, "http://") || cd_eq_nocase(h, 8, "https://"))) {
        i = cd_eq_nocase(h, 7, "http://") ? 7 : 8;
        while (i < n && h[i] != '/')
            i++;
    } else if (n && n <= 24 && cd_isalpha((unsigned char)h[0])) {
        /* Letters, digits, '-' and '_' only: no scheme ("mailto:"), no
         * folder walk, no file, no query. */
        size_t letters = 0;
        for (size_t k = 0; k < n; k++) {
            unsigned char ch = (unsigned char)h[k];
            if (!(cd_isalnum(ch) || ch == '-' || ch == '_')) return 0;
            letters += cd_isalpha(ch) != 0;
        }
        return letters >= 2;
    }
    if (i >= n || h[i] != '/' || n - i > 40) return 0;
    unsigned segs = 0;
    while (i < n) {
        while (i < n && h[i] == '/')
            i++;
        if (i >= n) break;
        size_t st = i;
        int letters = 0;
        while (i < n && h[i] != '/') {
            unsigned char ch = (unsigned char)h[i];
            if (!(cd_isalnum(ch) || ch == '-' || ch == '_')) return 0;
            letters += cd_isalpha(ch) != 0;
            i++;
        }
        if (letters < 2 || i - st > 24 || ++segs > 2) return 0;
    }
    return segs > 0;
}

/* Is the last path segment of href[0..hn) text t[0..tn) written as a slug,
 * a listing page named for it ("/38-world-news.htm" for "World News",
 * tests/spec/news/prinside-taiwan-election): its file extension, a
 * leading number and the separator after it aside; two words at least
 * (a one-word slug names an article as often). */
static int S_page_names(const char *h, size_t hn, const char *t, size_t tn)
{
    size_t e = 0;
    while (e < hn && h[e] != '?' && h[e] != '#')
        e++;
    while (e && h[e - 1] == '/')
        e--;
    size_t st = e;
    while (st && h[st - 1] != '/')
        st--;
    for (size_t k = e; k > st && e - k <= 5; k--)
        if (h[k - 1] == '.') {
            e = k - 1;
            break;
        }
    while (st < e && cd_isdigit((unsigned char)h[st]))
        st++;
    while (st < e && (h[st] == '-' || h[st] == '_'))
        st++;
    if (e - st < 4 || !memchr(h + st, '-', e - st)) return 0;
    /* A story's file is named for its headline too ("/2024/05/other-
     * story.html", tests/api/test_news.c): none under a date folder (a
     * segment of at most four digits), none of more than four words. */
    unsigned words = 1;
    for (size_t k = st; k < e; k++)
        words += h[k] == '-' || h[k] == '_';
    if (words > 4) return 0;
    for (size_t k = 0, d = 0; k < st; k++) {
        if (h[k] == '/') {
            if (d && d <= 4 && k > d && h[k - d - 1] == '/') return 0;
            d = 0;
        } else {
            d = cd_isdigit((unsigned char)h[k]) ? d + 1 : 0;
        }
    }
    size_t i = st, j = 0;
    for (;;) {
        while (i < e && !cd_isalnum((unsigned char)h[i]))
            i++;
        while (j < tn && !cd_isalnum((unsigned char)t[j]))
            j++;
        if (i == e || j == tn) return i == e && j == tn;
        if (cd_tolower((unsigned char)h[i]) != cd_tolower((unsigned char)t[j])) return 0;
        i++, j++;
    }
}

/* Is text node t, the last text before the h1, the only text of a link to a
 * section page that sits right above the headline (the two share an ancestor
 * at most three levels above the h1), outside any menu? The label "Apple",
 * "Education" a news page prints over its headline without naming its
 * class so. */
static int S_is_section_link(cd_meta_ctx *c, cd_nid t, cd_nid h1)
{
    const cd_dom *dom = c->dom;
    cd_nid a = cd_dom_node(dom, t)->parent;
    for (unsigned d = 0; a && d < 2 && !cd_dom_is(dom, a, CD_TAG_A); d++)
        a = cd_dom_node(dom, a)->parent;
    if (!a || !cd_dom_is(dom, a, CD_TAG_A)) return 0;
    size_t hl, tl;
    const char *href = cd_dom_attr(dom, a, "href", &hl);
    const char *text = href ? cd_meta_node_text(c, a, 64, &tl) : NULL;
    if (!href || !(S_section_href(href, hl) || (text && S_page_names(href, hl, text, tl))))
        return 0;
    cd_nid anc = cd_dom_node(dom, h1)->parent;
    for (unsigned d = 0; anc && d < 3 && !S_contains(dom, anc, a); d++)
        anc = cd_dom_node(dom, anc)->parent;
    if (!anc || !S_contains(dom, anc, a)) return 0;
    /* The link is the only text between the common ancestor's start and the h1. */
    unsigned seen = 0;
    for (cd_nid k = cd_dom_next(dom, anc, anc); k && k != h1 && seen < 200;
         k = cd_dom_next(dom, k, anc), seen++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type == CD_NODE_ELEMENT && (cd_tag_flags(n->tag) & CD_TF_SKIP)) {
            k = cd_dom_next_skip(dom, k, anc);
            if (!k || k == h1) break;
            n = cd_dom_node(dom, k);
        }
        if (n->type == CD_NODE_TEXT && k != t && cd_meta_clean(c->arena, n->u.text, n->len, NULL))
            return 0;
    }
    for (cd_nid p = a; p && p != anc; p = cd_dom_node(dom, p)->parent)
        if (cd_dom_is(dom, p, CD_TAG_NAV) || cd_meta_class_has(c, p, cd_list_class_menu)) return 0;
    return 1;
}

/* Does label s[0..n) end with a dash ("Biz & IT —", "Opinion -"): the
 * typographic kicker, a section name run into the headline below it? */
static int S_dash_label(const char *s, size_t n)
{
    while (n && s[n - 1] == ' ')
        n--;
    if (n >= 2 && s[n - 1] == '-' && s[n - 2] == ' ')
        return 1;
    return cd_utf8_dash_ends(s, n);
}

static int S_in_nav(const cd_dom *dom, cd_nid id)
{
    unsigned k = 0;
    for (cd_nid p = cd_dom_node(dom, id)->parent; p && k < CD_META_ANCESTORS;
         p = cd_dom_node(dom, p)->parent, k++)
        if (cd_dom_is(dom, p, CD_TAG_NAV)) return 1;
    return 0;
}

void cd_meta_news_kicker(cd_meta_ctx *c, cd_nid h1)
{
    const cd_dom *dom = c->dom;
    if (!h1) return;
    unsigned texts = 0, steps = 0;
    for (cd_nid k = cd_dom_prev(dom, h1); k && steps < CD_META_KICKER_STEPS && texts < S_KICKER_NAMED_TEXTS;
         k = cd_dom_prev(dom, k), steps++) {
        const cd_node *n = cd_dom_node(dom, k);
        if (n->type != CD_NODE_TEXT) continue;
        const cd_node *p = cd_dom_node(dom, n->parent);
        if (p->type == CD_NODE_ELEMENT && (cd_tag_flags(p->tag) & CD_TF_SKIP)) continue;
        size_t len;
        char *s = cd_meta_clean(c->arena, n->u.text, n->len, &len);
        /* A menu of the section's pages between its label and the headline
         * ("Pixels" over <nav>Vie en ligne, Jeux vidéo …</nav>) is passed. */
        if (!s || S_in_nav(dom, k)) continue;
        texts++;
        /* Past the first few texts, only a heading its elements name so
         * ("<h2 id=section_name>Latest NFL News</h2>" above the story's
         * date and tools). */
        if (len > S_KICKER_MAX ||
            (!((texts <= S_KICKER_TEXTS ||
                (len <= S_KICKER_FAR_MAX && (cd_tag_flags(p->tag) & CD_TF_HEADING))) &&
               S_is_kicker(c, k, h1)) &&
             !(texts == 1 && (S_is_section_link(c, k, h1) || S_dash_label(s, len)))))
            continue;
        /* The whole label, when the text is one piece of it. */
        char *whole = cd_meta_node_text(c, n->parent, S_KICKER_MAX + 1, &len);
        /* "Biz & IT —": the label without the separator after it. */
        while (whole && len) {
            unsigned char e = (unsigned char)whole[len - 1];
            if (e == ' ' || e == '-' || e == '|' || e == ':' || e == '/')
                len--;
            else if (cd_utf8_dash_ends(whole, len))
                len -= 3;
            else
                break;
        }
        if (whole && len && len <= S_KICKER_MAX)
            cd_meta_add(c, CD_MF_SECTION, CD_MS_VISIBLE, 0, n->parent, whole, len);
        return;
    }
}
