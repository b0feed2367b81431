/* news/parts: the news stage's entry, its one pass over the extracted body,
 * and the helpers every part uses.
 *
 * Runs after extraction, over the content roots it chose. The pass notes the
 * blocks that open and close the body, its figures and the photo credits of
 * their own; then each part is read in turn: the deck and the byline line
 * (deck.c), the lead figure (figure.c), the dateline and the credit
 * (credit.c). What is carried as a field leaves the body (unless keep_parts)
 * through cd_extract_cut / cd_extract_drop; the tree itself is never
 * modified. The text patterns (dateline grammar, credit lines, photo
 * credits) are in parts_text.c. Why each part is read the way it is:
 * docs/decisions.md, "The news parts".
 *
 * Work is bounded: one pass over the body, a bounded window of nodes around
 * the headline, and a bounded number of bytes gathered from any block (the
 * CD_NEWS_* limits in util/limits.h). */
#include <string.h>

#include "../util/ctype.h"
#include "news_int.h"
#include "parts_text.h"
#include "wordlists.h"

int cd_news_marked(const cd_news_ctx *p, cd_nid id)
{
    return p->x->mark && id < p->x->mark_cap && p->x->mark[id] != CD_MARK_NONE;
}

/* Is id rendered: inside a content root, with no left-out ancestor? */
int cd_news_rendered(const cd_news_ctx *p, cd_nid id)
{
    unsigned depth = 0;
    for (cd_nid a = id; a && depth < CD_MAX_DEPTH + 8;
         a = cd_dom_node(p->dom, a)->parent, depth++) {
        if (cd_news_marked(p, a)) return 0;
        for (uint32_t r = 0; r < p->x->nroots; r++)
            if (p->x->roots[r] == a) return 1;
    }
    return 0;
}

int cd_news_space_text(const cd_node *n)
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

/* Is text node n white space of ASCII only? */
static int S_ascii_blank(const cd_node *n)
{
    for (uint32_t i = 0; i < n->len; i++)
        if (!cd_isspace((unsigned char)n->u.text[i])) return 0;
    return 1;
}

/* Gather the visible text of top (skipping the subtree `skip`; honouring the
 * extraction's marks when rendered) into t. Blocks and <br> inside become a
 * space that belongs to no node. */
/* Does text node k follow the end of a block element inside top: is the
 * nearest thing before it (white space passed, through the inline elements
 * that hold it) a block? */
int cd_news_after_block(const cd_dom *dom, cd_nid k, cd_nid top)
{
    cd_nid e = k;
    for (unsigned up = 0; e && e != top && up < 4; up++) {
        cd_nid q = cd_dom_node(dom, e)->prev;
        while (q && cd_dom_node(dom, q)->type == CD_NODE_TEXT && cd_news_space_text(cd_dom_node(dom, q)))
            q = cd_dom_node(dom, q)->prev;
        if (q) {
            const cd_node *qn = cd_dom_node(dom, q);
            return qn->type == CD_NODE_ELEMENT && (cd_tag_flags(qn->tag) & CD_TF_BLOCK) != 0;
        }
        e = cd_dom_node(dom, e)->parent;
        if (!e || e == top || (cd_tag_flags(cd_dom_node(dom, e)->tag) & CD_TF_BLOCK)) return 0;
    }
    return 0;
}

void cd_news_gather(const cd_news_ctx *p, cd_nid top, cd_nid skip, int rendered, cd_news_text *t)
{
    const cd_dom *dom = p->dom;
    t->n = 0;
    t->nseg = 0;
    t->nbr = 0;
    t->more = 0;
    unsigned seen = 0;
    for (cd_nid k = top; k; seen++) {
        if (seen >= CD_NEWS_GATHER_NODES) {
            t->more = 1;
            break;
        }
        const cd_node *nd = cd_dom_node(dom, k);
        if (k != top && (k == skip || (rendered && cd_news_marked(p, k)))) {
            k = cd_dom_next_skip(dom, k, top);
            continue;
        }
        if (nd->type == CD_NODE_TEXT) {
            if (t->nseg >= CD_NEWS_SEGS) {
                t->more = 1;
                break;
            }
            /* A run of white space only (an old page's indentation) is one
             * space: kept as a segment so that the texts around it stay one
             * line, but not let fill the buffer or the segments (a comment bar, then hundreds
             * of bytes of indentation over "DENVER (AP) —", l3s-gn1
             * winona-peterson-vikings). cd_news_cut leaves such a node. */
            if (p->gather_blank && nd->len > 1 && S_ascii_blank(nd)) {
                /* After a space already (a block's, a <br>'s, or another
                 * such run's), or at the start: nothing. */
                if (!t->n || t->s[t->n - 1] == ' ') {
                    k = cd_dom_next(dom, k, top);
                    continue;
                }
                if (t->n + 1 > CD_NEWS_TEXT_MAX) {
                    t->more = 1;
                    break;
                }
                t->s[t->n] = ' ';
                t->seg[t->nseg++] = (cd_news_seg){k, t->n, 1};
                t->n += 1;
                k = cd_dom_next(dom, k, top);
                continue;
            }
            if (t->n + nd->len > CD_NEWS_TEXT_MAX) {
                /* A long node: its start is enough for a dateline. */
                uint32_t take = CD_NEWS_TEXT_MAX - t->n;
                memcpy(t->s + t->n, nd->u.text, take);
                t->seg[t->nseg++] = (cd_news_seg){k, t->n, take};
                t->n += take;
                t->more = 1;
                break;
            }
            memcpy(t->s + t->n, nd->u.text, nd->len);
            t->seg[t->nseg++] = (cd_news_seg){k, t->n, nd->len};
            t->n += nd->len;
        } else if (nd->type == CD_NODE_ELEMENT && k != top) {
            unsigned f = cd_tag_flags(nd->tag);
            if ((f & CD_TF_SKIP) || !cd_extract_node_visible(dom, k)) {
                k = cd_dom_next_skip(dom, k, top);
                continue;
            }
            if (((f & CD_TF_BLOCK) || nd->tag == CD_TAG_BR) && t->n && t->n < CD_NEWS_TEXT_MAX) {
                if (nd->tag == CD_TAG_BR && t->nbr < CD_NEWS_BRS) t->br[t->nbr++] = t->n;
                t->s[t->n++] = ' ';
            }
        }
        k = cd_dom_next(dom, k, top);
    }
}

/* Is segment g a run of white space gathered as one space? */
static int S_collapsed(const cd_news_ctx *p, const cd_news_seg *g)
{
    return g->len < cd_dom_node(p->dom, g->node)->len && S_ascii_blank(cd_dom_node(p->dom, g->node));
}

/* Leave t->s[a, b) out of the rendering: whole text nodes are dropped, parts
 * of one cut. All or nothing: 0 when the cuts would not fit. */
int cd_news_cut(cd_news_ctx *p, const cd_news_text *t, uint32_t a, uint32_t b, uint8_t why)
{
    unsigned need = 0;
    for (uint32_t i = 0; i < t->nseg; i++) {
        const cd_news_seg *g = &t->seg[i];
        if (g->at + g->len <= a || g->at >= b || S_collapsed(p, g)) continue;
        uint32_t lo = a > g->at ? a - g->at : 0, hi = b < g->at + g->len ? b - g->at : g->len;
        if (!(lo == 0 && hi == cd_dom_node(p->dom, g->node)->len)) need++;
    }
    if (p->x->ncuts + need > CD_MAX_CUTS) return 0;
    for (uint32_t i = 0; i < t->nseg; i++) {
        const cd_news_seg *g = &t->seg[i];
        if (g->at + g->len <= a || g->at >= b || S_collapsed(p, g)) continue;
        uint32_t lo = a > g->at ? a - g->at : 0, hi = b < g->at + g->len ? b - g->at : g->len;
        if (lo == 0 && hi == cd_dom_node(p->dom, g->node)->len)
            cd_extract_drop_as(p->x, g->node, why);
        else if (hi > lo)
            cd_extract_cut_as(p->x, p->dom, g->node, lo, hi - lo, why);
    }
    return 1;
}

const char *cd_news_clean(cd_news_ctx *p, const char *s, size_t n)
{
    return cd_meta_clean(p->arena, s, n, NULL);
}

int cd_news_has(cd_news_ctx *p, cd_nid id, const char *const *words)
{
    return cd_dom_node(p->dom, id)->type == CD_NODE_ELEMENT &&
           cd_meta_class_has(&p->ctx, id, words);
}

/* The first descendant of top (itself included) that pred accepts, within
 * CD_NEWS_FIG_NODES nodes. */
cd_nid cd_news_find(cd_news_ctx *p, cd_nid top, int (*pred)(cd_news_ctx *, cd_nid))
{
    unsigned seen = 0;
    for (cd_nid k = top; k && seen < CD_NEWS_FIG_NODES; k = cd_dom_next(p->dom, k, top), seen++)
        if (cd_dom_node(p->dom, k)->type == CD_NODE_ELEMENT && pred(p, k)) return k;
    return CD_NONE;
}

int cd_news_inside(const cd_dom *dom, cd_nid id, cd_nid anc)
{
    unsigned d = 0;
    for (cd_nid a = id; a && d < CD_MAX_DEPTH + 8; a = cd_dom_node(dom, a)->parent, d++)
        if (a == anc) return 1;
    return 0;
}

static cd_nid S_block_of(const cd_dom *dom, cd_nid id, cd_nid root)
{
    cd_nid a = cd_dom_node(dom, id)->parent;
    for (unsigned d = 0; a && a != root && d < 64; d++) {
        if (cd_tag_flags(cd_dom_node(dom, a)->tag) & CD_TF_BLOCK) return a;
        a = cd_dom_node(dom, a)->parent;
    }
    return root;
}

/* A caption element other than a <figure> (a figcaption, a block classed
 * caption). */
static int S_caption_proper(cd_news_ctx *p, cd_nid id)
{
    return !cd_dom_is(p->dom, id, CD_TAG_FIGURE) && cd_news_is_caption_el(p, id);
}

static void S_scan(cd_news_ctx *p)
{
    const cd_dom *dom = p->dom;
    unsigned seen = 0, checked = 0;
    uint32_t body = 0;
    cd_nid cur = CD_NONE;
    cd_news_text t;
    for (uint32_t r = 0; r < p->x->nroots; r++) {
        cd_nid root = p->x->roots[r];
        for (cd_nid id = root; id && seen < CD_NEWS_BODY_NODES; seen++) {
            const cd_node *n = cd_dom_node(dom, id);
            if (cd_news_marked(p, id) && p->x->why && p->x->why[id] == CD_WHY_COPYRIGHT &&
                p->x->mark[id] == CD_MARK_DROP) {
                /* A copyright line extraction left out (extract/boiler.c): its
                 * agency is the credit's last resort, as for the notices the
                 * foot lines peel; --keep-parts keeps it in the text. */
                cd_news_gather(p, id, CD_NONE, 0, &t);
                const char *c = t.more ? NULL : cd_news_clean(p, t.s, t.n);
                const char *ag = c ? cd_news_copyright_agency(p, c, strlen(c)) : NULL;
                if (ag && !p->foot_agency) p->foot_agency = ag;
                if (c && !p->foot_contrib) p->foot_contrib = cd_news_notice_contrib(p, c, strlen(c));
                if (p->keep) p->x->mark[id] = CD_MARK_NONE, p->x->why[id] = 0;
            }
            if (cd_news_marked(p, id)) {
                /* A picture box the cleaning left out for holding more
                 * pictures than text ('B': one picture in two renditions
                 * for two screen sizes, popsugar-amp-review) before the
                 * story's first text: still the story's lead figure. */
                /* On a page that names no image (no og:image), also one
                 * set after the story's opening paragraphs, within the lead
                 * window (<div class=imageBox><img><h4
                 * id=storyphotocaption>: L3S 7028acaa and seven pages of its
                 * template). A page with a meta image shows that one: a box
                 * further down is a later picture (wcxb-dev 4450). */
                if (!p->lead_fig && !p->lead_img && (!body || (!p->m->image_url && body < CD_NEWS_LEAD_WINDOW)) &&
                    n->type == CD_NODE_ELEMENT && p->x->why && p->x->why[id] == 'B') {
                    cd_nid cap = cd_news_find(p, id, cd_news_is_caption_el);
                    /* Past the opening, a caption proper, not a bare
                     * <figure> (a product page's hero, wcxb-dev 0708). */
                    if (cap && body && cd_dom_is(dom, cap, CD_TAG_FIGURE) &&
                        !cd_news_find(p, cap, S_caption_proper))
                        cap = CD_NONE;
                    cd_nid fig = !cap ? CD_NONE
                                 : cd_dom_is(dom, cap, CD_TAG_FIGURE) ? cap : cd_news_container(p, cap);
                    if (fig && cd_news_inside(dom, fig, id)) {
                        p->lead_fig = fig;
                        if (p->nfigs < CD_NEWS_FIGS) p->figs[p->nfigs++] = fig;
                    }
                }
                id = cd_dom_next_skip(dom, id, root);
                continue;
            }
            if (n->type == CD_NODE_ELEMENT) {
                if ((cd_tag_flags(n->tag) & CD_TF_SKIP) || !cd_extract_node_visible(dom, id)) {
                    id = cd_dom_next_skip(dom, id, root);
                    continue;
                }
                if (!p->lead_img && !p->lead_fig && body < CD_NEWS_LEAD_WINDOW && n->tag == CD_TAG_IMG)
                    p->lead_img = cd_news_pred_bare(p, id) ? id : CD_NONE;
                if (cd_news_is_caption_el(p, id)) {
                    cd_nid fig = n->tag == CD_TAG_FIGURE ? id : cd_news_container(p, id);
                    if (fig && !p->lead_fig && body < CD_NEWS_LEAD_WINDOW) p->lead_fig = fig;
                    if (fig && p->nfigs < CD_NEWS_FIGS) p->figs[p->nfigs++] = fig;
                    if (fig || n->tag == CD_TAG_FIGCAPTION) {
                        id = cd_dom_next_skip(dom, id, root);
                        continue;
                    }
                }
            } else if (n->type == CD_NODE_TEXT && !cd_news_space_text(n)) {
                cd_nid blk = S_block_of(dom, id, root);
                if (blk != cur) {
                    cur = blk;
                    if (cd_tag_flags(cd_dom_node(dom, blk)->tag) & CD_TF_HEADING) {
                        /* Headings open sections; they are neither datelines nor credits
                         * (but a contributor line set as one may close the story). */
                        p->tail_heading = blk;
                        if (!p->nfirst && p->nhead_headings < CD_NEWS_HEAD_HEADINGS && blk != p->h1 &&
                            blk != p->head)
                            p->head_headings[p->nhead_headings++] = blk;
                    } else {
                        p->tail_heading = CD_NONE;
                        /* A photo credit of its own: "Photo: …", "Name/AFP/Getty Images". */
                        if (n->len <= CD_PARTS_PHOTO_LINE + 8 && checked < CD_NEWS_BLOCKS_CHECKED) {
                            checked++;
                            cd_news_gather(p, blk, CD_NONE, 1, &t);
                            size_t v;
                            if (!t.more && cd_parts_photo_line(t.s, t.n, 1, &v)) {
                                const char *a = t.s + v;
                                size_t l = t.n - v;
                                cd_parts_trim(&a, &l);
                                if (v > 0 || cd_parts_photo_agency(a, l) || !p->nfirst) {
                                    if (!p->nfirst && !p->loose_credit)
                                        p->loose_credit = cd_news_credit_value(p, t.s, t.n);
                                    else if (p->nfirst && v > 0) /* labelled, after the story's opening */
                                        p->tail_photo = cd_news_credit_value(p, t.s, t.n), p->tail_photo_blk = blk;
                                    cd_extract_drop_as(p->x, blk, CD_WHY_PHOTO_CREDIT);
                                    id = cd_dom_next_skip(dom, blk, root);
                                    cur = CD_NONE;
                                    continue;
                                }
                            }
                        }
                        unsigned k = 0;
                        while (k < p->nfirst && p->first[k] != blk)
                            k++;
                        if (k == p->nfirst && p->nfirst < CD_NEWS_FIRST) p->first[p->nfirst++] = blk;
                        if (p->last[0] != blk) {
                            p->last[1] = p->last[0];
                            p->last[0] = blk;
                        }
                        if (p->tail[0] != blk) {
                            memmove(&p->tail[1], &p->tail[0], (CD_NEWS_TAIL - 1) * sizeof p->tail[0]);
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

/* Does a class of id hold one of words as a camelCase part ("articleDek",
 * "styles_articleDek__Icz5H", "heroStandfirst"), which the class-word split
 * does not see? The word must start with a capital after a lower-case letter
 * and end the part. */
int cd_news_camel_has(const cd_dom *dom, cd_nid id, const char *const *words)
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

/* The headline when extraction did not mark it (an <h1> inside a <header> it
 * left out): the first <h1> that reads as the title. */
static cd_nid S_find_h1(cd_news_ctx *p)
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
        cd_news_text t;
        cd_news_gather(p, id, CD_NONE, 0, &t);
        size_t len;
        char *c = t.more ? NULL : cd_meta_clean(p->arena, t.s, t.n, &len);
        if (c && cd_meta_eq_nocase(c, len, title, tl)) return id;
    }
    return CD_NONE;
}

/* The headline of a page that sets it in another element than an <h1>:
 * for the deck and the wire line under it. */
static cd_nid S_find_head(cd_news_ctx *p)
{
    const cd_dom *dom = p->dom;
    const char *title = p->m->title;
    if (!title) return CD_NONE;
    size_t tl = strlen(title);
    /* An old page sets its headline in another element ("<div
     * class=hed>", "<font class=headline>", "<h3>"): the first one whose
     * text is the title, screened by its first text's opening bytes. */
    size_t pre = tl < 12 ? tl : 12;
    for (uint32_t id = 2; id < dom->count && id < CD_NEWS_BODY_NODES; id++) {
        const cd_node *n = cd_dom_node(dom, id);
        if (n->type != CD_NODE_ELEMENT || !n->first || (cd_tag_flags(n->tag) & CD_TF_SKIP) ||
            n->tag == CD_TAG_A || n->tag == CD_TAG_TITLE || n->tag == CD_TAG_H1)
            continue;
        cd_nid f = n->first;
        while (f && cd_dom_node(dom, f)->type == CD_NODE_TEXT && cd_news_space_text(cd_dom_node(dom, f)))
            f = cd_dom_node(dom, f)->next;
        const cd_node *fn = f ? cd_dom_node(dom, f) : NULL;
        if (!fn || fn->type != CD_NODE_TEXT) continue;
        const char *v = fn->u.text;
        size_t l = fn->len;
        while (l && cd_isspace((unsigned char)*v))
            v++, l--;
        if (l < pre || !cd_meta_eq_nocase(v, pre, title, pre)) continue;
        cd_news_text t;
        cd_news_gather(p, id, CD_NONE, 0, &t);
        size_t len;
        char *c = t.more ? NULL : cd_meta_clean(p->arena, t.s, t.n, &len);
        if (c && cd_meta_eq_nocase(c, len, title, tl) && cd_extract_node_visible(dom, id)) return id;
    }
    return CD_NONE;
}

/* Is the page a story (a news article)? A story states when it was
 * published; a shop's or a service's page rarely does, and its intro is no
 * standfirst, its first picture a product or an icon. A page whose only
 * date line is the masthead's day (meta's served_day: the date it was
 * served, not the story's, so no date_published) is a dated page all the
 * same (l3s teamtalk 17a0df1f: its deck and lead picture read). Tried and
 * left: a headline extraction found over three texts of prose or more
 * (14 non-news wcxb pages gained a false picture or deck, 2 l3s stories
 * a right one), a byline alone (4 wcxb shop pages gained a false deck). */
static int S_story(const cd_news_ctx *p)
{
    return p->m->date_published || p->m->served_day;
}

/* A page of many parts (broad extraction: no region held half of its
 * prose) may still be a story whose text lost to a live feed or a sidebar.
 * Its body's first and last blocks are the page's, not the story's, so no
 * dateline or closing credit is read; the deck and the lead figure of a
 * dated page sit by the headline and are read there. */
static void S_head_parts(cd_news_ctx *p)
{
    /* A story states when it was published; a shop's or a service's page
     * rarely does, and its intro is not a standfirst. */
    if (p->h1 && p->story) {
        cd_news_deck(p);
        cd_nid fig = cd_news_lead(p);
        if (fig) cd_news_figure(p, fig, 1);
    } else if (p->h1) {
        /* Undated: no deck, but the figure under the headline that shows
         * the picture the page names (og:image) is its lead picture. */
        cd_nid fig = cd_news_og_head_figure(p);
        if (fig) cd_news_figure(p, fig, 1);
    }
    cd_news_wire_byline(p->m);
}

/* Does the story show name: a text node in its content roots, or between
 * its headline and its first root (the byline box; CD_NEWS_HOUSE_HEAD
 * nodes at most)? */
#define CD_NEWS_HOUSE_HEAD 160
static int S_story_shows(const cd_news_ctx *p, const char *name)
{
    const cd_dom *dom = p->dom;
    const cd_extract *x = p->x;
    for (uint32_t r = 0; r <= x->nroots; r++) {
        cd_nid top = r < x->nroots ? x->roots[r] : CD_NONE;
        cd_nid id = r < x->nroots ? top : p->head;
        for (uint32_t k = 0; !top && id && k < x->nroots; k++)
            if (cd_news_inside(dom, id, x->roots[k])) id = CD_NONE; /* walked with its root */
        for (unsigned seen = 0; id && (top || seen < CD_NEWS_HOUSE_HEAD); id = cd_dom_next(dom, id, top), seen++) {
            if (!top && id == x->roots[0]) break;
            const cd_node *n = cd_dom_node(dom, id);
            if (n->type == CD_NODE_TEXT && cd_contains_nocase(n->u.text, n->len, name)) return 1;
        }
    }
    return 0;
}

/* Does the page show name as a byline anywhere: after "By" in its text
 * node, or in an element (four levels up at most) classed byline, author
 * or byline box? (A story's byline may stand outside its roots and its
 * head: beside the headline's column, under a picture.) */
static int S_byline_shows(cd_news_ctx *p, const char *name)
{
    const cd_dom *dom = p->dom;
    for (cd_nid id = 1; id < dom->count; id++) {
        const cd_node *n = cd_dom_node(dom, id);
        if (n->type != CD_NODE_TEXT || !cd_contains_nocase(n->u.text, n->len, name)) continue;
        const cd_node *pn = cd_dom_node(dom, n->parent);
        if (pn->type == CD_NODE_ELEMENT && (cd_tag_flags(pn->tag) & CD_TF_SKIP)) continue;
        /* "By" opening the name's text node, or closing the text before it
         * (a sibling's, or the parent's previous element's first text). */
        const char *t = n->u.text;
        size_t at = 0;
        while (at < n->len && cd_isspace((unsigned char)t[at]))
            at++;
        if (n->len - at >= 3 && cd_eq_nocase(t + at, 3, "by ")) return 1;
        cd_nid q = n->prev ? n->prev : pn->prev;
        while (q && cd_dom_node(dom, q)->type == CD_NODE_TEXT && cd_news_space_text(cd_dom_node(dom, q)))
            q = cd_dom_node(dom, q)->prev;
        if (q) {
            const cd_node *qn = cd_dom_node(dom, q);
            const char *qt = qn->type == CD_NODE_TEXT ? qn->u.text : NULL;
            size_t ql = qn->type == CD_NODE_TEXT ? qn->len : 0;
            if (!qt && qn->type == CD_NODE_ELEMENT && qn->first && cd_dom_node(dom, qn->first)->type == CD_NODE_TEXT) {
                qt = cd_dom_node(dom, qn->first)->u.text;
                ql = cd_dom_node(dom, qn->first)->len;
            }
            while (ql && (cd_isspace((unsigned char)qt[ql - 1]) || qt[ql - 1] == ':'))
                ql--;
            if (ql >= 2 && cd_eq_nocase(qt + ql - 2, 2, "by") && (ql == 2 || !cd_isalpha((unsigned char)qt[ql - 3])))
                return 1;
        }
        unsigned d = 0;
        for (cd_nid a = n->parent; a && d < 4; a = cd_dom_node(dom, a)->parent, d++)
            if (cd_news_has(p, a, cd_list_class_byline) || cd_news_has(p, a, cd_list_class_author) ||
                cd_news_has(p, a, cd_list_class_byline_box))
                return 1;
    }
    return 0;
}

/* A stated author (<meta name=author>, JSON-LD, og) that the story nowhere
 * shows, on a story the page credits to a news agency: the publisher's
 * house credit or its web designer, not the writer
 * ("CBSNews", "WVVA", "The Honolulu Advertiser", "Vivid Interactive and
 * Design", "winnipeg sun" over AP and CP copy: l3s-gn1 7526314a, 954487ce,
 * c5102bf8, b6cfbfa5, a0b5afad). A writer the byline shows stays. */
static void S_house_author(cd_news_ctx *p)
{
    cd_meta *m = p->m;
    if (!m->credit || !m->nauthors || !m->author_source || !strcmp(m->author_source, "visible")) return;
    /* A source label's stated writer stands ("UOL" over Folha's <meta
     * name=author> "Bruno (Henrique Zecchin) Rodrigues": readability folha). */
    if (!cd_parts_is_agency(m->credit, strlen(m->credit))) return;
    /* The agency the JSON-LD names beside the Person authors it states
     * (pick_authors.c): the statement itself tells writer from source. */
    if (m->byline_agency_source && m->byline_agency &&
        cd_meta_eq_nocase(m->credit, strlen(m->credit), m->byline_agency, strlen(m->byline_agency)))
        return;
    for (size_t i = 0; i < m->nauthors; i++)
        if (S_story_shows(p, m->authors[i]) || S_byline_shows(p, m->authors[i])) return;
    m->nauthors = 0;
    m->author_source = NULL;
}

/* A caption or credit with no picture (a figure whose picture is refused,
 * a site's logo with "Also check out tools on …" under it, wcxb-dev 0275;
 * a code listing's figure, "Listing 9-3: Opening a file", 2996, 2860): the
 * page has no lead image, so neither. */
static void S_image_whole(cd_meta *m)
{
    if (!m->image_url) m->image_caption = NULL, m->image_credit = NULL;
}

void cd_news_parts(cd_meta *m, const cd_dom *dom, cd_arena *arena, cd_extract *x,
                   const char *page_url, int keep_parts)
{
    if (!m) return;
    if (!dom || !arena || !x || !x->mark || !x->nroots) {
        cd_news_wire_byline(m);
        return;
    }
    cd_news_ctx p; /* cleared but for the big buffers of p.ctx (cd_meta_ctx_clear) */
    memset(&p, 0, offsetof(cd_news_ctx, ctx));
    cd_meta_ctx_clear(&p.ctx);
    memset(&p.first, 0, sizeof p - offsetof(cd_news_ctx, first));
    p.m = m;
    p.dom = dom;
    p.arena = arena;
    p.x = x;
    p.page_url = page_url;
    p.keep = keep_parts;
    p.ctx.dom = dom;
    p.ctx.arena = arena;
    /* The class words the metadata's reading split, per class key (the same
     * tree and arena): the checks below split only the others. */
    p.ctx.kwords = m->class_words;
    p.ctx.kwords_bytes = m->class_words_bytes;
    p.h1 = x->title_node ? x->title_node : S_find_h1(&p);
    /* The extractor's title node is the first h1 or h2 saying the title;
     * an h2 before the headline saying it too (a sticky bar's, a menu's:
     * wcxb 4677, whose div.subhead under the h1 was never reached) yields
     * to the h1 that says it. */
    if (p.h1 && !cd_dom_is(dom, p.h1, CD_TAG_H1)) {
        cd_nid h = S_find_h1(&p);
        if (h) p.h1 = h;
    }
    p.head = p.h1 ? p.h1 : S_find_head(&p);
    /* The meta image that is the site's logo names no picture of the story. */
    if (cd_news_meta_image_logo(&p)) m->image_url = NULL, m->image_source = NULL;
    if (x->broad) {
        p.story = S_story(&p);
        S_head_parts(&p);
        S_image_whole(m);
        return;
    }
    S_scan(&p);
    p.story = S_story(&p);
    cd_news_deck(&p);
    cd_news_writes_deck(&p);
    cd_news_name_byline(&p);
    cd_news_byline(&p);
    cd_news_date_lines(&p);
    cd_news_head_lines(&p);
    cd_news_foot_lines(&p);
    /* The lead picture is looked for by the headline; a story whose h1 is
     * worded otherwise than its title (an SEO title, og:title) has its
     * headline found as the page's sole h1 sharing the title's words, as the
     * deck's reader finds it (wcxb-dev 4372: the figure under the h1, its
     * caption a photo credit). Only for the picture's search: the lines
     * read by the headline above keep their own anchor. */
    cd_nid h1_kept = p.h1;
    if (!p.h1 && p.story && !(x->typed < 0 && x->other_kind)) p.h1 = cd_news_sole_h1(&p);
    cd_nid fig = cd_news_lead(&p);
    if (fig) cd_news_figure(&p, fig, 1);
    cd_nid bare = fig ? CD_NONE : cd_news_bare_lead(&p);
    if (bare) cd_news_bare_figure(&p, bare);
    /* No figure marked, but the og:image shown by the headline: its caption
     * and credit are the block after it. */
    cd_nid ogp = fig || bare || !m->image_url || m->image_caption || m->image_credit ||
                         (!p.story && !m->nauthors) ? CD_NONE : cd_news_og_picture(&p);
    if (ogp) cd_news_og_picture_read(&p, ogp);
    p.h1 = h1_kept;
    /* A labelled photo credit line closing the story, no text of the story
     * after it ("Photo Copyright Getty Images" under the last paragraph, l3s
     * keyetv-baghdad-funeral): the story's photo credit (node ids follow
     * the document's order). */
    if (!p.loose_credit && p.tail_photo && p.tail_photo_blk > p.last[0]) p.loose_credit = p.tail_photo;
    if (p.loose_credit && !m->image_credit && (m->image_url || fig)) {
        m->image_credit = p.loose_credit;
        if (!m->image_source) m->image_source = "visible";
    }
    cd_news_same_picture(&p, fig);
    cd_news_img_attrs(&p);
    cd_news_dateline(&p);
    cd_news_credit(&p);
    cd_news_source_label(&p);
    cd_news_source_class(&p);
    cd_news_agency_line(&p);
    cd_news_dateline_wire(&p);
    cd_news_signoff(&p);
    S_house_author(&p);
    /* The other figures of the body keep their captions, not their credits
     * (last: the cuts they need come after the dateline's). */
    for (unsigned i = 0; i < p.nfigs; i++)
        if (p.figs[i] != fig) cd_news_figure(&p, p.figs[i], 0);
    S_image_whole(m);
}
