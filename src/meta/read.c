/* meta/read: the one walk over the tree that feeds the metadata sources.
 *
 * Every <meta>, <link> and <html> goes to metatags.c, every ld+json script
 * to jsonld.c, every element to microdata.c and section.c, and the body's
 * elements and text to visible.c, with flags saying where they stand
 * (inside the article, or in comments, related stories, a side column or a
 * footer, whose bylines and dates are other stories' or readers'). Then the
 * pickers (pick.c) choose every field from the candidates. */
#include <string.h>

#include "../util/ctype.h"
#include "cand.h"
#include "dates.h"
#include "jsonld.h"
#include "metatags.h"
#include "microdata.h"
#include "pick.h"
#include "section.h"
#include "visible.h"
#include "wordlists.h"

/* The page's first <h1> in document order (CD_NONE for none). */
static cd_nid S_first_h1(const cd_dom *dom)
{
    cd_nid top = dom->body ? dom->body : cd_dom_root(dom);
    for (cd_nid id = top; id; id = cd_dom_next(dom, id, top))
        if (cd_dom_node(dom, id)->type == CD_NODE_ELEMENT && cd_dom_node(dom, id)->tag == CD_TAG_H1)
            return id;
    return CD_NONE;
}

/* The page's next <h1> after h1 in the body, within 400 nodes (a header's
 * logo h1 over the story's: 153-164 nodes apart on The Times' pages; each
 * 1000 nodes scanned cost ~4 M instructions on p200). */
static cd_nid S_next_h1(const cd_dom *dom, cd_nid h1)
{
    cd_nid top = dom->body ? dom->body : cd_dom_root(dom);
    unsigned seen = 0;
    for (cd_nid id = cd_dom_next_skip(dom, h1, top); id && seen < 400; id = cd_dom_next(dom, id, top), seen++)
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

/* The element right after the headline: the next element sibling of the
 * first <h1>, or of a wrapper holding nothing else but it (up to two
 * levels: <div class=title-wrap><h1>…</h1></div><div class=…>). */
static int S_after_h1(const cd_dom *dom, cd_nid id, cd_nid h1)
{
    cd_nid a = h1;
    for (int d = 0; a && d < 3; d++) {
        cd_nid q = cd_dom_node(dom, a)->next;
        while (q && cd_dom_node(dom, q)->type != CD_NODE_ELEMENT)
            q = cd_dom_node(dom, q)->next;
        if (q == id)
            return 1;
        cd_nid p = cd_dom_node(dom, a)->parent;
        if (!p || q)
            return 0;
        /* Up only when a is its parent's one element. */
        for (cd_nid k = cd_dom_node(dom, p)->first; k; k = cd_dom_node(dom, k)->next)
            if (k != a && cd_dom_node(dom, k)->type == CD_NODE_ELEMENT)
                return 0;
        a = p;
    }
    return 0;
}

/* Does element id's class or id value name comments or other stories, a
 * side column or a footer? Asked once a class key (cd_meta_class_key_ask),
 * not once an element. */
static int S_names_bad(cd_meta_ctx *c, cd_nid id)
{
    return cd_meta_class_has_block(c, id, cd_list_class_other_stories) ||
           cd_meta_class_has_block(c, id, cd_list_class_sidebar) ||
           cd_meta_class_has_block(c, id, cd_list_class_footer);
}

static int S_is_bad_region(cd_meta_ctx *c, cd_nid id, const cd_node *n, cd_nid h1, cd_nid h1b, uint8_t **named)
{
    if (n->tag == CD_TAG_NAV)
        return 1;
    if (n->tag == CD_TAG_BODY || n->tag == CD_TAG_HTML || n->tag == CD_TAG_ARTICLE ||
        n->tag == CD_TAG_MAIN || n->tag == CD_TAG_H1)
        return 0;
    if (n->tag != CD_TAG_FOOTER && n->tag != CD_TAG_ASIDE) {
        /* Blocks whose bylines and dates belong to other stories or to
         * readers, side columns and footers. */
        if (!cd_meta_class_key_ask(c, id, named, S_names_bad))
            return 0;
        /* A short line right under the headline is its date and byline line,
         * whatever other-stories word its class has ("newsletter-details-
         * wrapper" on a newsletter's page): other stories and sign-up boxes
         * are longer. (Not a block named a side column or a footer.) */
        size_t len = 0;
        if (h1 && S_after_h1(c->dom, id, h1) && !cd_meta_class_has_block(c, id, cd_list_class_sidebar) &&
            !cd_meta_class_has_block(c, id, cd_list_class_footer) && cd_meta_node_text(c, id, 161, &len) &&
            len <= 160)
            return 0;
        /* … and a date line alone right above it ("story-date comments-grey"
         * holding "January 5, 2008 - 6:11 PM" over the h1, l3s 5d341f23):
         * a comment count's class word does not make it the readers'. */
        char o[CD_META_DATE_LEN];
        const char *t;
        if (h1 && !S_after_h1(c->dom, id, h1) && !cd_meta_class_has_block(c, id, cd_list_class_sidebar) &&
            !cd_meta_class_has_block(c, id, cd_list_class_footer) && (t = cd_meta_node_text(c, id, 81, &len)) != NULL &&
            len >= 6 && len <= 80 && (cd_meta_date_norm(t, len, 0, 1, o) || cd_meta_date_norm(t, len, 0, -1, o)) &&
            cd_meta_date_by_headline(c, id))
            return 0;
    }
    /* The headline is never in a footer, side column or comments: a block
     * so named that holds the page's first <h1> wraps the page (an <aside>
     * left unclosed, a "footerfix" or "m-article-sidebar-right" wrapper).
     * The first <h1> may be the logo's over a later headline's: so does a
     * block holding the second ("region-body-and-footer" around The Times'
     * h1.heading under its logo's h1, l3s 46956db6). */
    if (S_holds(c->dom, id, h1))
        return 0;
    return !S_holds(c->dom, id, h1b);
}

/* A side column or a footer (by tag or a "sidebar" class) without any of
 * the stronger words: blogs put the post's date there ("single-post-sidebar",
 * <footer class="author__meta">), so its date elements are read as a last
 * resort, where comments and related stories are never read. */
static int S_is_side_region(cd_meta_ctx *c, cd_nid id, const cd_node *n)
{
    if (cd_meta_class_has_block(c, id, cd_list_class_other_stories))
        return 0;
    return n->tag == CD_TAG_FOOTER || n->tag == CD_TAG_ASIDE ||
           cd_meta_class_has_block(c, id, cd_list_class_sidebar);
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
    cd_nid h1 = S_first_h1(dom), h1b = h1 ? S_next_h1(dom, h1) : CD_NONE;
    uint8_t *named = NULL; /* S_names_bad's answers per class key */
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
            /* The document's title is its first <title> wherever it
             * stands (HTML's document.title): old pages print one inside
             * the body after a table or an include. Not an SVG or MathML
             * <title> (a graphic's tooltip). */
            if (!c->title_seen && !(n->flags & CD_NF_NS)) {
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
        if (!in_bad && in_body && S_is_bad_region(c, id, n, h1, h1b, &named)) {
            in_bad = 1;
            bad_end = cd_dom_next_skip(dom, id, root);
            bad_side = S_is_side_region(c, id, n);
        } else if (in_bad && bad_side && S_is_bad_region(c, id, n, h1, h1b, &named) && !S_is_side_region(c, id, n)) {
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
    cd_meta_news_trail_near(c, vis.nh1 ? vis.h1[0] : CD_NONE);
    cd_meta_news_kicker(c, vis.nh1 ? vis.h1[0] : CD_NONE);
}

void cd_meta_read(cd_meta *m, const cd_dom *dom, cd_arena *arena, const char *page_url)
{
    cd_meta_read_at(m, dom, arena, page_url, 0);
}

void cd_meta_read_at(cd_meta *m, const cd_dom *dom, cd_arena *arena, const char *page_url,
                     long long ref_time)
{
    cd_meta_read_site(m, dom, arena, page_url, ref_time, 0);
}

void cd_meta_read_site(cd_meta *m, const cd_dom *dom, cd_arena *arena, const char *page_url,
                       long long ref_time, int site_title)
{
    memset(m, 0, sizeof *m);
    if (!dom || !arena || cd_dom_root(dom) == CD_NONE)
        return;
    cd_meta_ctx c;
    cd_meta_ctx_clear(&c);
    c.dom = dom;
    c.arena = arena;
    c.ref_time = ref_time;
    c.site_title = site_title;
    c.cands = cd_arena_alloc(arena, CD_META_MAX_CANDS * sizeof *c.cands);
    if (!c.cands)
        return;
    S_walk(&c);
    cd_meta_pick(&c, m, page_url);
    m->class_words = c.kwords;
    m->class_words_bytes = c.kwords_bytes;
}
