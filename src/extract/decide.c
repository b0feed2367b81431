/* extract/decide: the article decision. After a reading has chosen its
 * roots (extract.c's scoring), is the page one article, a page of many
 * parts, or a section front?
 *
 *   - cd_x_broaden, at the end of each reading: roots holding under half of
 *     the page's prose are still one article when the page's long
 *     paragraphs are mostly inside them and a date, the headline or the
 *     structured data says so; or the story under its dated headline
 *     (S_anchor) is the article the container missed; else the page is read
 *     broadly (the page minus its chrome).
 *   - cd_x_decide, after the readings: a container with a date by its start
 *     or a story followed by its readers' thread is an article; else the
 *     story under its dated headline, when there is one.
 *   - cd_x_index_page, at the end: a section front holds no article.
 *
 * An article page keeps the article and only the article (drops.c); a
 * broad page keeps lists and threads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/ctype.h"
#include "article.h"
#include "comments.h"
#include "decide.h"
#include "drops.h"

/* Tuning knobs, as in extract.c: constants in release builds, read from the
 * environment in a -DCD_EXTRACT_DEBUG build. */
#ifdef CD_EXTRACT_DEBUG
static float S_param(const char *name, float def)
{
    const char *v = getenv(name);
    return v ? (float)atof(v) : def;
}
char cd_x_featbuf[512];
#else
#define S_param(name, def) (def)
#endif

typedef cd_xstat S_stat;

/* Prose: visible characters outside links, plus a little for link text: link
 * text counts for this much of plain text when measuring a region's share of
 * the page (lists of headlines are content on a listing page). */
#define CD_LINK_WEIGHT 0.3f

static uint32_t S_prose(const S_stat *s)
{
    uint32_t p = s->chars > s->link ? s->chars - s->link : 0;
    return p + (uint32_t)((float)s->link * S_param("CD_ALPHA", CD_LINK_WEIGHT));
}

/* When the chosen region holds less than half of the page's prose, the page is
 * not one article with chrome around it but a page of many parts (a product, a
 * service, a listing, a forum thread): then the content is the whole page
 * minus its chrome, narrowed to the smallest container that still holds
 * CD_BROAD_KEEP of the prose. Measured on wcxb-dev (docs/quality.md): below a
 * share of 0.5, the whole page scores better than the best container. */
#define CD_BROAD_SHARE 0.5f
#define CD_BROAD_KEEP 0.9f

/* Is there a date in the live text just before the first root (a byline and
 * date line under the headline) or at the start of it (a dateline)? */
#define CD_HEAD_BEFORE 400 /* bytes of text looked at before the root */
#define CD_HEAD_INSIDE 300 /* and at its start */
#define CD_HEAD_CAP (2 * (CD_HEAD_BEFORE + CD_HEAD_INSIDE) + 64) /* bytes of the window: UTF-8, spaces */
/* The live text just before the first root and at its start, into buf
 * (CD_HEAD_BEFORE + CD_HEAD_INSIDE + 64 bytes); returns its length. */
/* Append text[0..n) to buf (len bytes used, cap in all) with runs of
 * white space as one, and a space after it; with line set, on a new line
 * (another block's text). Returns the new length. */
static size_t S_put_text(char *buf, size_t len, size_t cap, const char *text, size_t n, int line)
{
    if (line && len && len < cap - 2)
        buf[len - 1] = '\n'; /* over the space that ends the text before */
    size_t i = 0;
    while (i < n && len < cap - 2) {
        if (cd_isspace((unsigned char)text[i])) {
            if (len && buf[len - 1] != ' ')
                buf[len++] = ' ';
            i++;
            continue;
        }
        /* A run the loop would copy as it stands: other bytes, and single
         * ' ' between them. Copied whole (to the room left). */
        size_t j = i + 1;
        while (j < n) {
            unsigned char d = (unsigned char)text[j];
            if (!cd_isspace(d)) {
                j++;
                continue;
            }
            if (d != ' ' || j + 1 >= n || cd_isspace((unsigned char)text[j + 1])) break;
            j += 2;
        }
        size_t take = j - i;
        if (take > cap - 2 - len) take = cap - 2 - len;
        memcpy(buf + len, text + i, take);
        len += take;
        i += take;
    }
    if (len < cap - 1 && (!len || buf[len - 1] != ' '))
        buf[len++] = ' ';
    return len;
}

/* The block a text node's line belongs to: its nearest block ancestor. */
static cd_nid S_block_of(const cd_dom *dom, cd_nid id)
{
    cd_nid a = cd_dom_node(dom, id)->parent;
    while (a && cd_dom_node(dom, a)->type == CD_NODE_ELEMENT && !cd_x_is_block(cd_dom_node(dom, a)->tag))
        a = cd_dom_node(dom, a)->parent;
    return a;
}

/* A date that dates the story stands in a line of its own (a byline and
 * date line, "Posted by … on <date>") or opens a paragraph (a dateline):
 * a date inside a sentence of a longer block ("available since July
 * 2015", "the deadline of 15 March") says nothing about the page. */
#define CD_DATE_LINE 160 /* characters of a line read whole */
#define CD_DATE_OPEN 80  /* characters of a longer line's start */
/* Does line[0..n) read as a sentence (ten words or more, closed by a full
 * stop, question or exclamation mark)? Its date is then the story's only
 * when it opens it. */
static int S_line_sentence(const char *line, size_t n)
{
    while (n && (line[n - 1] == ' ' || line[n - 1] == '"' || line[n - 1] == ')'))
        n--;
    if (!n || (line[n - 1] != '.' && line[n - 1] != '!' && line[n - 1] != '?'))
        return 0;
    size_t words = 0;
    for (size_t i = 0; i < n; i++)
        if (line[i] != ' ' && (i == 0 || line[i - 1] == ' '))
            words++;
    return words >= 10;
}

/* A member's profile line in a forum or comment thread ("Joined: Dec 17,
 * 2023", "Registered: …", "Member since …"): the page is a thread. */
int cd_extract_profile_line(const char *line, size_t n)
{
    static const char *const lead[] = {"joined", "registered", "member since"};
    while (n && *line == ' ')
        line++, n--;
    for (size_t k = 0; k < sizeof lead / sizeof lead[0]; k++) {
        size_t l = strlen(lead[k]);
        if (n > l && cd_eq_nocase(line, l, lead[k]) && !cd_isalpha((unsigned char)line[l]))
            return 1;
    }
    return 0;
}

/* 1 when a line of the window dates the story, -1 when a line is a
 * member's profile (the page is a thread of posts: its dates are posts'),
 * else 0. */
static int S_window_dated(const char *buf, size_t len)
{
    int dated = 0;
    for (size_t i = 0; i < len;) {
        size_t e = i;
        while (e < len && buf[e] != '\n')
            e++;
        size_t n = e - i;
        size_t look = n <= (size_t)S_param("CD_DL", CD_DATE_LINE) && !S_line_sentence(buf + i, n)
                          ? n
                          : (size_t)S_param("CD_DO", CD_DATE_OPEN);
        if (n && cd_extract_profile_line(buf + i, n))
            return -1;
        if (n && !dated && cd_article_date(buf + i, look < n ? look : n))
            dated = 1;
        i = e + 1;
    }
    return dated;
}

/* A block that is mostly one long link: a headline link ("February 26:
 * <a>Version 18.3 released!</a>" in a news ticker, a teaser), whose date
 * dates the story it links to. A date that is itself the link (a
 * permalink) is shorter than CD_HEADLINK_MIN. The block is a line
 * (CD_HEADLINK_MAX): a page's text outside any block is the body's. */
#define CD_HEADLINK_MIN 45
#define CD_HEADLINK_MAX 250 /* a line, not a container of links (a menu) */
static int S_headline_block(const S_stat *st, cd_nid b)
{
    return b && st[b].chars <= CD_HEADLINK_MAX && st[b].link >= CD_HEADLINK_MIN &&
           (float)st[b].link >= 0.6f * (float)st[b].chars;
}

static size_t S_head_text(const cd_extract *x, const cd_dom *dom, const S_stat *st, char *buf, int dates)
{
    if (!x->nroots)
        return 0;
    cd_nid first = x->roots[0];
    for (uint32_t r = 1; r < x->nroots; r++)
        if (x->roots[r] < first)
            first = x->roots[r];
    /* Walk back to where CD_HEAD_BEFORE bytes of live text begin. */
    cd_nid from = first;
    size_t got = 0;
    for (cd_nid id = first - 1; id > 1 && got < (size_t)S_param("CD_HB", CD_HEAD_BEFORE); id--) {
        const cd_node *n = cd_dom_node(dom, id);
        if (n->type == CD_NODE_TEXT && !st[id].dead && !st[n->parent].dead && st[id].chars) {
            got += st[id].chars; /* visible characters: markup's indentation is no text */
            from = id;
        }
    }
    const size_t cap = CD_HEAD_CAP;
    size_t len = 0;
    cd_nid stop = cd_dom_next_skip(dom, first, cd_dom_root(dom));
    size_t inside = 0;
    cd_nid block = CD_NONE;
    for (cd_nid id = from; id && id != stop && len < cap - 1; id = cd_dom_next(dom, id, cd_dom_root(dom))) {
        const cd_node *n = cd_dom_node(dom, id);
        if (n->type == CD_NODE_ELEMENT && (cd_x_is_block(n->tag) || n->tag == CD_TAG_BR))
            block = CD_NONE; /* a line ends at a block's edge or a break */
        if (n->type != CD_NODE_TEXT || st[id].dead || st[n->parent].dead)
            continue;
        if (!st[id].chars)
            continue;
        if (id > first && (inside += st[id].chars) > (size_t)S_param("CD_HI", CD_HEAD_INSIDE) + st[id].chars)
            break;
        uint32_t off = n->len > cap ? n->len - (uint32_t)(cap / 2) : 0; /* the tail of a long node before */
        if (id > first)
            off = 0;
        cd_nid b = S_block_of(dom, id);
        if (dates && S_headline_block(st, b))
            continue;
        len = S_put_text(buf, len, cap, n->u.text + off, n->len - off, b != block);
        block = b;
    }
    return len;
}

/* Does the text before the chosen container hold the page's title (the
 * headline above the story)? Titles of three words or more. */
static int S_titled_head(const cd_extract *x, const cd_dom *dom, const S_stat *st, const char *title)
{
    if (!title || !x->nroots)
        return 0;
    char t[256];
    size_t tl = 0, words = 0;
    for (const char *p = title; *p && tl < sizeof t - 1; p++) {
        unsigned char c = (unsigned char)*p;
        if (cd_isspace(c)) {
            if (tl && t[tl - 1] != ' ')
                t[tl++] = ' ', words++;
        } else {
            t[tl++] = (char)cd_tolower(c);
        }
    }
    while (tl && t[tl - 1] == ' ')
        tl--;
    if (tl < 15 || words < 2)
        return 0;
    char buf[CD_HEAD_CAP];
    size_t len = S_head_text(x, dom, st, buf, 0);
    /* Collapse and lower the window as the title. */
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)buf[i];
        if (cd_isspace(c)) {
            if (k && buf[k - 1] != ' ')
                buf[k++] = ' ';
        } else {
            buf[k++] = (char)cd_tolower(c);
        }
    }
    for (size_t i = 0; i + tl <= k; i++)
        if (memcmp(buf + i, t, tl) == 0)
            return 1;
    return 0;
}

int cd_x_dated_head(const cd_extract *x, const cd_dom *dom, const S_stat *st)
{
    char buf[CD_HEAD_CAP];
    size_t len = S_head_text(x, dom, st, buf, 1);
    if (!x->nroots)
        return 0;
#ifdef CD_EXTRACT_DEBUG
    if (getenv("CD_DATEDBG"))
        fprintf(stderr, "head window: %.*s\n", (int)len, buf);
#endif
    int dated = S_window_dated(buf, len);
    if (dated)
        return dated > 0;
    /* The end of the last root: "Posted by … on <date>" closing a story. */
    cd_nid last = x->roots[0];
    for (uint32_t r = 1; r < x->nroots; r++)
        if (x->roots[r] > last)
            last = x->roots[r];
    cd_nid lend = cd_dom_next_skip(dom, last, cd_dom_root(dom));
    uint32_t e = lend ? lend : dom->count;
    size_t got = 0;
    cd_nid from = last;
    for (uint32_t id = e - 1; id > last && got < (size_t)S_param("CD_HI", CD_HEAD_INSIDE); id--) {
        const cd_node *n = cd_dom_node(dom, id);
        if (n->type == CD_NODE_TEXT && !st[id].dead && !st[n->parent].dead && st[id].chars) {
            got += st[id].chars;
            from = id;
        }
    }
    len = 0;
    cd_nid block = CD_NONE;
    for (cd_nid id = from; id && id < e && len < sizeof buf - 1; id = cd_dom_next(dom, id, cd_dom_root(dom))) {
        const cd_node *n = cd_dom_node(dom, id);
        if (n->type == CD_NODE_ELEMENT && (cd_x_is_block(n->tag) || n->tag == CD_TAG_BR))
            block = CD_NONE; /* a line ends at a block's edge or a break */
        if (n->type != CD_NODE_TEXT || st[id].dead || st[n->parent].dead)
            continue;
        /* Dead ancestors further up: skip (a dropped block inside the root). */
        int live = 1;
        for (cd_nid a = n->parent; a && a != last && live; a = cd_dom_node(dom, a)->parent)
            live = !st[a].dead;
        if (!live || !st[id].chars)
            continue;
        uint32_t off = n->len > sizeof buf / 2 ? n->len - (uint32_t)(sizeof buf / 2) : 0;
        cd_nid b = S_block_of(dom, id);
        if (S_headline_block(st, b))
            continue;
        len = S_put_text(buf, len, sizeof buf, n->u.text + off, n->len - off, b != block);
        block = b;
    }
#ifdef CD_EXTRACT_DEBUG
    if (getenv("CD_DATEDBG"))
        fprintf(stderr, "tail window: %.*s\n", (int)len, buf);
#endif
    return S_window_dated(buf, len) > 0;
}

/* Long paragraphs: blocks of at least CD_LONG_PARA characters of their own
 * text with few links. The share of their text inside the roots tells one
 * dominant run of prose (an article) from a page of many parts; 0 when the
 * roots hold none. Measured on the four dev sets (docs/quality.md): at a share
 * of 0.5 the article is kept on 22 of L3S-GN1's 39 broad pages, none worse;
 * on wcxb-dev only 7 pages change (2 articles better, 2 forums and 2 products
 * worse). */
/* end[r]: the node after root r's subtree (dom->count at the document's end). */
static void S_roots_end(const cd_extract *x, const cd_dom *dom, cd_nid *end)
{
    for (uint32_t r = 0; r < x->nroots; r++) {
        cd_nid e = cd_dom_next_skip(dom, x->roots[r], cd_dom_root(dom));
        end[r] = e ? e : dom->count;
    }
}

/* Is node id inside one of the roots (end from S_roots_end)? */
static int S_in_roots(const cd_extract *x, const cd_nid *end, cd_nid id)
{
    for (uint32_t r = 0; r < x->nroots; r++)
        if (id >= x->roots[r] && id < end[r]) return 1;
    return 0;
}

#define CD_ARTICLE_LONG_SHARE 0.5f
#define CD_ARTICLE_HEAD_SHARE 0.3f /* with the headline and a date at its head */
/* The story ends where the page's other parts begin: after the roots, the
 * long paragraphs run on (a story continued in sibling blocks, past a box
 * of two or three links) until a stretch of links of at least far
 * characters in CD_FAR_LINKS links or more (story lists, menus, the links
 * around a comment form) parts a long paragraph from the last one; that
 * paragraph and every one after it are the page's other parts (readers'
 * comments, a site footer's prose), left out of the count. far 0 counts
 * every paragraph. */
#define CD_FAR_LINKS 10
#define CD_FAR_CHARS 400
static float S_long_share_far(const cd_extract *x, const cd_dom *dom, const S_stat *st, uint32_t para, uint32_t *nin,
                              uint32_t far)
{
    *nin = 0;
    cd_nid end[CD_MAX_ROOTS];
    S_roots_end(x, dom, end);
    uint32_t rend = 0, lchars = 0, nlinks = 0;
    for (uint32_t r = 0; r < x->nroots; r++)
        if (end[r] > rend) rend = end[r];
    const uint32_t nfar = (uint32_t)S_param("CD_FARN", CD_FAR_LINKS);
    uint64_t in = 0, all = 0;
    for (uint32_t id = 2; id < dom->count; id++) {
        const cd_node *n = cd_dom_node(dom, id);
        const S_stat *s = &st[id];
        if (far && id >= rend && n->type == CD_NODE_ELEMENT && n->tag == CD_TAG_A && s->chars) {
            lchars += s->chars;
            nlinks++;
        }
        if (s->dead || n->type != CD_NODE_ELEMENT || s->flow < para || !cd_x_is_block(n->tag) ||
            (cd_tag_flags(n->tag) & CD_TF_HEADING) || cd_xstat_ld(s) >= 0.2f || s->kind)
            continue;
        if (far && id >= rend) {
#ifdef CD_EXTRACT_DEBUG
            if (getenv("CD_BDBG") && getenv("CD_BDBG")[0] == '3')
                fprintf(stderr, "far? #%u flow=%u lchars=%u nlinks=%u\n", id, s->flow, lchars, nlinks);
#endif
            if (lchars >= far && nlinks >= nfar)
                break;
            lchars = nlinks = 0;
        }
        all += s->flow;
#ifdef CD_EXTRACT_DEBUG
        if (getenv("CD_BDBG") && getenv("CD_BDBG")[0] == '2')
            cd_x_debug_node(dom, st, id, "long");
#endif
        if (S_in_roots(x, end, id)) {
            in += s->flow;
            (*nin)++;
        }
    }
    return in ? (float)in / (float)all : 0.0f;
}

static float S_long_share(const cd_extract *x, const cd_dom *dom, const S_stat *st, uint32_t para, uint32_t *nin)
{
    return S_long_share_far(x, dom, st, para, nin, 0);
}

/* Is the container one of a series: it, or one of its ancestors up to
 * CD_SERIES_UP levels, has a sibling of the same tag and class that holds a
 * long paragraph too (the posts of a thread, the entries of a blog's page)? */
#define CD_SERIES_UP 3
int cd_x_series(const cd_dom *dom, const S_stat *st, cd_nid root)
{
    cd_nid a = root;
    for (int up = 0; up <= CD_SERIES_UP && a && a != dom->body; up++, a = cd_dom_node(dom, a)->parent) {
        size_t cl = 0;
        if (!cd_dom_attr(dom, a, "class", &cl) || !cl)
            continue;
        cd_nid par = cd_dom_node(dom, a)->parent;
        if (!par)
            break;
        for (cd_nid c = cd_dom_node(dom, par)->first; c; c = cd_dom_node(dom, c)->next) {
            if (c == a || st[c].dead || cd_dom_node(dom, c)->type != CD_NODE_ELEMENT ||
                cd_dom_node(dom, c)->tag != cd_dom_node(dom, a)->tag || !cd_x_same_class(dom, a, c))
                continue;
            /* A long paragraph inside the namesake. */
            for (cd_nid t = c; t;) {
                if (st[t].dead) {
                    t = cd_dom_next_skip(dom, t, c);
                    continue;
                }
                if (cd_dom_node(dom, t)->type == CD_NODE_ELEMENT && st[t].flow >= CD_LONG_PARA &&
                    cd_xstat_ld(&st[t]) < 0.2f)
                    return 1;
                t = cd_dom_next(dom, t, c);
            }
        }
    }
    return 0;
}

/* The story under its headline. A page whose chosen container misses the
 * story (a box of promotions with a sentence each outscored four short
 * paragraphs) or holds the whole page (a table layout) is still one article
 * when an element saying the page's title (three words or more, a line of
 * its own) is followed, within CD_ANCHOR_DATE characters, by a line that
 * dates it (a date line, a byline and date), and then, within
 * CD_ANCHOR_GAP characters, by a paragraph of a sentence (CD_OWN_SENTENCE,
 * few links, no list's or thread's item): the story is that paragraph's
 * container, when it holds at least CD_ANCHOR_SHARE of the page's
 * paragraphs of a sentence and is not one of a series (a forum's posts).
 * Returns the container, or CD_NONE. */
#define CD_ANCHOR_DATE 300
#define CD_ANCHOR_GAP 600
#define CD_ANCHOR_SHARE 0.5f
static cd_nid S_anchor(const cd_extract *x, const cd_dom *dom, const S_stat *st, const char *title)
{
    if (!title || x->typed < 0)
        return CD_NONE;
    size_t tl = 0, words = 0;
    for (const char *p = title; *p; p++, tl++)
        if (!cd_isspace((unsigned char)*p) && (p == title || cd_isspace((unsigned char)p[-1])))
            words++;
    if (tl < 15 || words < 3)
        return CD_NONE;
    cd_nid root = cd_dom_root(dom);
    cd_nid from = dom->body ? dom->body : root;
    cd_nid head = CD_NONE;
    for (cd_nid id = from; id; id = cd_dom_next(dom, id, root)) {
        const cd_node *n = cd_dom_node(dom, id);
        if (n->type != CD_NODE_ELEMENT || st[id].dead || !st[id].chars || st[id].chars > 2 * tl + 20 ||
            st[id].link || n->tag == CD_TAG_A)
            continue;
        if (cd_x_text_equals(dom, id, title)) {
            head = id;
            break;
        }
    }
    if (!head)
        return CD_NONE;
    /* The lines after the headline: a date among the first of them. */
    char buf[CD_HEAD_CAP];
    size_t len = 0, seen = 0;
    cd_nid block = CD_NONE, para = CD_NONE;
    for (cd_nid id = cd_dom_next_skip(dom, head, root); id;) {
        const cd_node *n = cd_dom_node(dom, id);
        if (st[id].dead) {
            id = cd_dom_next_skip(dom, id, root);
            continue;
        }
        if (n->type == CD_NODE_ELEMENT) {
            if (cd_x_is_block(n->tag) || n->tag == CD_TAG_BR)
                block = CD_NONE;
            if (cd_x_is_block(n->tag) && !(cd_tag_flags(n->tag) & CD_TF_HEADING) && st[id].flow >= CD_OWN_SENTENCE &&
                cd_xstat_ld(&st[id]) < 0.2f && !st[id].kind) {
                para = id;
                break;
            }
        } else if (n->type == CD_NODE_TEXT && st[id].chars) {
            if ((seen += st[id].chars) > CD_ANCHOR_GAP)
                break;
            if (seen <= CD_ANCHOR_DATE + st[id].chars) {
                cd_nid b = S_block_of(dom, id);
                size_t take = n->len < sizeof buf / 2 ? n->len : sizeof buf / 2;
                len = S_put_text(buf, len, sizeof buf, n->u.text, take, b != block);
                block = b;
            }
        }
        id = cd_dom_next(dom, id, root);
    }
    if (!para)
        return CD_NONE;
    cd_nid story = cd_dom_node(dom, para)->parent;
    if (!story || story == root || cd_dom_node(dom, story)->type != CD_NODE_ELEMENT || cd_x_series(dom, st, story))
        return CD_NONE;
    if (S_window_dated(buf, len) <= 0) {
        /* Or the lines right after the story: "Writer: … Date: <date>"
         * closing it (text outside links, lists of headlines skipped). */
        len = 0;
        seen = 0;
        block = CD_NONE;
        for (cd_nid id = cd_dom_next_skip(dom, story, root); id && seen <= CD_ANCHOR_DATE;) {
            const cd_node *n = cd_dom_node(dom, id);
            if (st[id].dead || (n->type == CD_NODE_ELEMENT && (n->tag == CD_TAG_A || S_headline_block(st, id)))) {
                id = cd_dom_next_skip(dom, id, root);
                continue;
            }
            if (n->type == CD_NODE_ELEMENT && (cd_x_is_block(n->tag) || n->tag == CD_TAG_BR))
                block = CD_NONE;
            if (n->type == CD_NODE_TEXT && st[id].chars) {
                seen += st[id].chars;
                cd_nid b = S_block_of(dom, id);
                size_t take = n->len < sizeof buf / 2 ? n->len : sizeof buf / 2;
                len = S_put_text(buf, len, sizeof buf, n->u.text, take, b != block);
                block = b;
            }
            id = cd_dom_next(dom, id, root);
        }
        if (S_window_dated(buf, len) <= 0)
            return CD_NONE;
    }
    /* Its share of the page's paragraphs of a sentence (as S_long_share). */
    cd_nid send = cd_dom_next_skip(dom, story, root);
    uint32_t end = send ? send : dom->count;
    uint64_t in = 0, all = 0;
    for (uint32_t id = 2; id < dom->count; id++) {
        const cd_node *n = cd_dom_node(dom, id);
        const S_stat *s = &st[id];
        if (s->dead || n->type != CD_NODE_ELEMENT || s->flow < CD_OWN_SENTENCE || !cd_x_is_block(n->tag) ||
            (cd_tag_flags(n->tag) & CD_TF_HEADING) || cd_xstat_ld(s) >= 0.2f || s->kind)
            continue;
        all += s->flow;
        if (id >= story && id < end)
            in += s->flow;
    }
    if (!all || (float)in < (float)all * CD_ANCHOR_SHARE)
        return CD_NONE;
    return story;
}

/* The paragraphs of a sentence or more in the roots: runs of text of at
 * least CD_LONE_PARA characters ending with a full stop (or a closing
 * quote, ! or ?), split by blocks and by two line breaks in a row (a story
 * typed as one <p> with <br><br> between its paragraphs). */
#define CD_LONE_PARA 60
static int S_para_end(uint32_t len, unsigned char last)
{
    return len >= CD_LONE_PARA && (last == '.' || last == '"' || last == '!' || last == '?');
}

static uint32_t S_sentence_paras(const cd_extract *x, const cd_dom *dom, const S_stat *st)
{
    uint32_t k = 0;
    for (uint32_t r = 0; r < x->nroots; r++) {
        cd_nid root = x->roots[r];
        uint32_t len = 0;
        unsigned char last = 0;
        int br = 0;
        for (cd_nid id = root; id;) {
            const cd_node *n = cd_dom_node(dom, id);
            if (st[id].dead) {
                id = cd_dom_next_skip(dom, id, root);
                continue;
            }
            int cut = 0;
            if (n->type == CD_NODE_TEXT) {
                for (uint32_t i = 0; i < n->len; i++) {
                    unsigned char c = (unsigned char)n->u.text[i];
                    if (!cd_isspace(c)) {
                        len++;
                        last = c;
                        br = 0;
                    }
                }
            } else if (n->type == CD_NODE_ELEMENT && n->tag == CD_TAG_BR) {
                cut = br;
                br = 1;
            } else if (n->type == CD_NODE_ELEMENT && cd_x_is_block(n->tag)) {
                cut = 1;
            }
            if (cut) {
                k += S_para_end(len, last);
                len = 0;
                last = 0;
                br = 0;
            }
            id = cd_dom_next(dom, id, root);
        }
        k += S_para_end(len, last);
    }
    return k;
}

/* A short story alone on a page of links (l3s 75feb450: four paragraphs of
 * agency copy in a table cell, among menus and a rail of fifteen
 * headlines): the roots hold under half of the page's prose only because
 * link text counts for some, yet every long paragraph of the page is in
 * them, the page's other paragraphs (blocks of their own text, links under
 * half) hold less than the roots do, and the roots hold CD_LONE_PARAS
 * paragraphs of a sentence or more. Then the roots are the content, not the
 * whole page. A listing's or a category's introduction above its grid of
 * items is one paragraph (wcxb 4468, 4636: with no count of paragraphs they
 * lost their grids). */
#define CD_LONE_PARAS 3
#define CD_LONE_SHARE 0.99f /* of the page's long paragraphs in the roots: all */
static int S_lone_story(const cd_extract *x, const cd_dom *dom, const S_stat *st, float share, uint32_t nlong)
{
    if (!nlong || share < CD_LONE_SHARE || x->typed < 0 || cd_x_series(dom, st, x->roots[0]))
        return 0;
    cd_nid end[CD_MAX_ROOTS];
    S_roots_end(x, dom, end);
    uint64_t in = 0, out = 0;
    for (uint32_t id = 2; id < dom->count; id++) {
        const cd_node *n = cd_dom_node(dom, id);
        const S_stat *s = &st[id];
        if (s->dead || n->type != CD_NODE_ELEMENT || s->flow < CD_MIN_PARA || !cd_x_is_block(n->tag) ||
            (cd_tag_flags(n->tag) & CD_TF_HEADING) || cd_xstat_ld(s) > 0.5f)
            continue;
        if (S_in_roots(x, end, id))
            in += s->flow;
        else
            out += s->flow;
    }
    return in && out < in && S_sentence_paras(x, dom, st) >= CD_LONE_PARAS;
}

/* The story spread over sibling blocks. Without the class words that make
 * the story's whole body outscore its parts, the chosen container can be
 * one block of a story whose other blocks are its siblings (the lead apart
 * from the rest, a body of several sections): the roots hold a fifth of the
 * page's prose while an ancestor a few levels up holds half of it or more
 * (the class-free probe: 21 wcxb article pages read broad that are read as
 * their story as served). Before the page is read broadly, the nearest
 * such ancestor within CD_WIDEN_UP levels is the story when it is a run of
 * prose (links under CD_WIDEN_LD of its text), holds most of the page's
 * long paragraphs (CD_ARTICLE_LONG_SHARE, CD_WIDEN_PARAS of them or more),
 * is no list or thread a detector found, the structured data types the
 * page an article and a date line stands at its head. No class, id or
 * word list is read. Measured (docs/quality.md, session 20 h/broad): wcxb
 * as served 2 pages, both better; the probe's wcxb 13, 11 better. Returns
 * the ancestor, or CD_NONE. */
#define CD_WIDEN_UP 6
#define CD_WIDEN_LD 0.2f
#define CD_WIDEN_PARAS 2
static cd_nid S_widen(const cd_extract *x, const cd_dom *dom, const S_stat *st, uint32_t total, uint32_t para)
{
    if (!x->nroots || x->typed <= 0)
        return CD_NONE;
    cd_nid body = dom->body ? dom->body : cd_dom_root(dom);
    cd_nid a = x->roots[0];
    for (uint32_t r = 1; r < x->nroots; r++)
        while (a && !cd_x_is_ancestor(dom, a, x->roots[r]))
            a = cd_dom_node(dom, a)->parent;
    for (int up = 0; up <= (int)S_param("CD_WUP", CD_WIDEN_UP) && a && a != body;
         up++, a = cd_dom_node(dom, a)->parent) {
        if (st[a].dead || st[a].kind)
            return CD_NONE; /* a list's or a thread's: no story above */
        if ((float)S_prose(&st[a]) < (float)total * S_param("CD_WKEEP", CD_BROAD_SHARE))
            continue;
        if (cd_xstat_ld(&st[a]) >= S_param("CD_WLD", CD_WIDEN_LD))
            return CD_NONE;
        cd_extract y = *x;
        y.nroots = 1;
        y.roots[0] = a;
        uint32_t nl = 0;
        float sh = S_long_share(&y, dom, st, para, &nl);
        if (sh < CD_ARTICLE_LONG_SHARE || nl < CD_WIDEN_PARAS || cd_x_series(dom, st, a))
            return CD_NONE;
#ifdef CD_EXTRACT_DEBUG
        if (getenv("CD_WDBG"))
            fprintf(stderr, "widen: up=%d #%u prose=%.2f ld=%.2f sh=%.2f nl=%u typed=%d dated=%d roots=%u\n", up, a,
                    (double)S_prose(&st[a]) / total, cd_xstat_ld(&st[a]), sh, nl, x->typed, cd_x_dated_head(&y, dom, st),
                    x->nroots);
#endif
        /* Nor a thread's posts (asked last: it reads the short lines). */
        return cd_x_dated_head(&y, dom, st) && !cd_comments_posts(dom, st, a, para) ? a : CD_NONE;
    }
    return CD_NONE;
}


/* Link-only runs: a part of the page outside the chosen roots whose text is
 * nearly all links (cd_xstat_links_only with CD_LINKRUN_LINKS links or more:
 * a menu, a mega menu, a blog's archive of every post, a footer's site map)
 * is the page's chrome whatever its tag or class says. The share test does
 * not count it as page prose: as link text it would count CD_LINK_WEIGHT of
 * its length, and a menu of 20,000 link characters then outweighs a story of
 * 5,000 (the div-soup probe, docs/quality.md, h/soup). Text between the links
 * (teasers with a sentence each, a list of products with prices) keeps a
 * region below CD_LINKS_ONLY_LD. More links than drops.c's menus before the
 * headline (CD_NAV_LINKS 8) ask for: these runs may be anywhere outside the
 * story and their links of any length, and 10 is what h/soup measured. */
#define CD_LINKRUN_LINKS 10
#define CD_LINKRUN_PARAS 2
static uint32_t S_menu_prose(const cd_extract *x, const cd_dom *dom, const S_stat *st, cd_nid body)
{
    const uint32_t nmin = (uint32_t)S_param("CD_MENU_N", CD_LINKRUN_LINKS);
    cd_nid end[CD_MAX_ROOTS];
    S_roots_end(x, dom, end);
    uint64_t sum = 0;
    /* Linear in the page: a root's subtree is skipped by its id range, and
     * only an element that qualifies asks whether it holds a root (its own
     * range: the walk up to its next node, at most the depth). */
    for (cd_nid id = cd_dom_node(dom, body)->first; id;) {
        const cd_node *n = cd_dom_node(dom, id);
        if (n->type != CD_NODE_ELEMENT || st[id].dead || !st[id].chars || S_in_roots(x, end, id)) {
            id = cd_dom_next_skip(dom, id, body);
            continue;
        }
        if (cd_xstat_links_only(&st[id], nmin)) {
            cd_nid after = cd_dom_next_skip(dom, id, body);
            uint32_t stop = after ? after : dom->count;
            int holds = 0;
            for (uint32_t r = 0; r < x->nroots && !holds; r++)
                holds = x->roots[r] > id && x->roots[r] < stop;
            if (!holds) {
                sum += S_prose(&st[id]);
                id = after;
                continue;
            }
        }
        id = cd_dom_next(dom, id, body);
    }
    return sum > UINT32_MAX ? UINT32_MAX : (uint32_t)sum;
}

void cd_x_broaden(cd_extract *x, const cd_dom *dom, const S_stat *st, const char *title)
{
    cd_nid body = dom->body ? dom->body : cd_dom_root(dom);
    uint32_t total = S_prose(&st[body]);
    uint32_t have = 0;
    for (uint32_t r = 0; r < x->nroots; r++)
        have += S_prose(&st[x->roots[r]]);
    if (S_param("CD_MENU_ON", 1) > 0) {
        uint32_t menus = S_menu_prose(x, dom, st, body);
        uint32_t nl = 0;
        if (menus && menus < total) {
            (void)S_long_share(x, dom, st, CD_LONG_PARA, &nl);
            if (nl >= (uint32_t)S_param("CD_MENU_P", CD_LINKRUN_PARAS))
                total -= menus;
        }
#ifdef CD_EXTRACT_DEBUG
        if (getenv("CD_MENUDBG"))
            fprintf(stderr, "menus: %u of %u nlong=%u used=%d have=%u\n", menus, S_prose(&st[body]), nl,
                    menus && menus < S_prose(&st[body]) && nl >= CD_LINKRUN_PARAS, have);
#endif
    }
#ifdef CD_EXTRACT_DEBUG
    if (getenv("CD_FEAT") && total) {
        int dated = cd_x_dated_head(x, dom, st);
        int typed = x->typed;
        /* Paragraph prose inside and outside the roots. */
        uint32_t pin = 0, pout = 0, lin = 0, lout = 0, nlin = 0, nlout = 0;
        for (uint32_t id = 2; id < dom->count; id++) {
            const cd_node *n = cd_dom_node(dom, id);
            if (st[id].dead || n->type != CD_NODE_ELEMENT || !cd_x_is_block(n->tag) || st[id].flow < CD_MIN_PARA ||
                (cd_tag_flags(n->tag) & CD_TF_HEADING) || cd_xstat_ld(&st[id]) > 0.5f)
                continue;
            int in = 0;
            for (uint32_t r = 0; r < x->nroots && !in; r++)
                in = cd_x_is_ancestor(dom, x->roots[r], id);
            uint32_t f = st[id].flow;
            if (in)
                pin += f;
            else
                pout += f;
            if (f >= 150 && cd_xstat_ld(&st[id]) < 0.2f) {
                if (in)
                    lin += f, nlin++;
                else
                    lout += f, nlout++;
            }
        }
        snprintf(cd_x_featbuf, sizeof cd_x_featbuf, "{\"feat\":1,\"total\":%u,\"have\":%u,\"pin\":%u,\"pout\":%u,\"lin\":%u,\"lout\":%u,\"nlin\":%u,\"nlout\":%u,\"best\":%.1f,\"dated\":%d,\"typed\":%d}",
                total, have, pin, pout, lin, lout, nlin, nlout, x->nroots ? st[x->roots[0]].score : 0.0f, dated, typed);
    }
    if (getenv("CD_TREE")) {
        /* The live tree at broaden time: elements holding CD_TREE characters or more. */
        uint32_t min = (uint32_t)atoi(getenv("CD_TREE"));
        for (cd_nid id = body; id;) {
            const cd_node *n = cd_dom_node(dom, id);
            if (n->type != CD_NODE_ELEMENT || st[id].dead || st[id].chars < min) {
                id = cd_dom_next_skip(dom, id, body);
                continue;
            }
            int depth = 0;
            for (cd_nid a = id; a != body; a = cd_dom_node(dom, a)->parent)
                depth++;
            int inr = 0;
            for (uint32_t r = 0; r < x->nroots; r++)
                inr |= x->roots[r] == id;
            fprintf(stderr, "%*s%s<%s> #%u chars=%u link=%u flow=%u kind=%d prose=%.2f%s: ", depth, "", inr ? "ROOT " : "",
                    cd_tag_name(n->tag), id, st[id].chars, st[id].link, st[id].flow, st[id].kind,
                    total ? (double)S_prose(&st[id]) / total : 0.0, cd_x_long_para(dom, st, id, CD_LONG_PARA) ? " LONG" : "");
            int k = 0;
            for (cd_nid t = id; t && k < 60; t = cd_dom_next(dom, t, id))
                if (cd_dom_node(dom, t)->type == CD_NODE_TEXT && st[t].chars)
                    for (uint32_t i = 0; i < cd_dom_node(dom, t)->len && k < 60; i++) {
                        char c = cd_dom_node(dom, t)->u.text[i];
                        if (c != '\n' && c != '\t' && !(c == ' ' && k && 0)) fputc(c, stderr), k++;
                    }
            fputc('\n', stderr);
            id = cd_dom_next(dom, id, body);
        }
    }
    if (getenv("CD_BDBG"))
        fprintf(stderr, "broaden0: have=%u total=%u prose=%.2f nroots=%u root=#%u <%s>\n", have, total,
                total ? (double)have / total : 0.0, x->nroots, x->nroots ? x->roots[0] : 0,
                x->nroots ? cd_tag_name(cd_dom_node(dom, x->roots[0])->tag) : "-");
#endif
    if (total == 0 || (float)have >= (float)total * S_param("CD_SHARE", CD_BROAD_SHARE))
        return;
    /* An article with much else around it (lists of other stories, comments,
     * teasers with a sentence each) is still one article: when the page
     * says it is one or shows a date by the start of the chosen container,
     * and that container holds most of the page's long paragraphs, it stays
     * the content. */
    uint32_t nlong = 0, nlong_para = CD_LONG_PARA;
    float share = S_long_share(x, dom, st, CD_LONG_PARA, &nlong);
    /* A story of short paragraphs (none of 150 characters in the roots):
     * its paragraphs of 100 characters and more then. */
    if (!nlong) {
        nlong_para = CD_OWN_SENTENCE;
        share = S_long_share(x, dom, st, CD_OWN_SENTENCE, &nlong);
    }
    /* Nor of 100 (pixnet: a story set a phrase a line): the blocks that
     * score then. */
    if (!nlong) {
        nlong_para = CD_MIN_PARA;
        share = S_long_share(x, dom, st, CD_MIN_PARA, &nlong);
    }
#ifdef CD_EXTRACT_DEBUG
    if (getenv("CD_BDBG"))
        fprintf(stderr, "broaden: share=%.2f nlong=%u dated=%d typed=%d titled=%d series=%d\n", share, nlong,
                cd_x_dated_head(x, dom, st), x->typed, S_titled_head(x, dom, st, title), cd_x_series(dom, st, x->roots[0]));
#endif
    if (share >= S_param("CD_LSHARE", CD_ARTICLE_LONG_SHARE) &&
        ((x->typed >= 0 && cd_x_dated_head(x, dom, st)) || (x->typed > 0 && nlong >= 2) ||
         (x->typed >= 0 && nlong >= 2 && S_titled_head(x, dom, st, title))) &&
        !cd_x_series(dom, st, x->roots[0])) {
        x->article = 1;
        return;
    }
    /* The headline and a date line at the head of the container, and a long
     * paragraph in it: a story whose page carries more prose around it than
     * in it (lists of other stories with a sentence each, a long footer) is
     * still the story. The share of the long paragraphs may then fall below
     * half; on L3S-GN1 3 broad pages become their article (P +0.0014), on
     * wcxb-dev and Readability no page changes (tested down to a share of 0).
     * The long paragraphs past the story's end (S_long_share_far: beyond a
     * stretch of ten links or more after the container) are the page's other
     * parts, not in the share: readers' comments or a footer's prose that no
     * class word dropped (the class-free probe: l3s 6150b773 and c70a8f0b
     * read as their article again; the four sets as served unchanged). */
    float near = share;
    if (share < CD_ARTICLE_HEAD_SHARE && nlong) {
        uint32_t nnear = 0;
        near = S_long_share_far(x, dom, st, nlong_para, &nnear, (uint32_t)S_param("CD_FAR", CD_FAR_CHARS));
    }
#ifdef CD_EXTRACT_DEBUG
    if (getenv("CD_BDBG"))
        fprintf(stderr, "broaden: near=%.2f\n", near);
#endif
    if (near >= CD_ARTICLE_HEAD_SHARE && nlong >= 1 && x->typed >= 0 && S_titled_head(x, dom, st, title) &&
        cd_x_dated_head(x, dom, st) && !cd_x_series(dom, st, x->roots[0])) {
        x->article = 1;
        return;
    }

    if (S_lone_story(x, dom, st, share, nlong))
        return;
    /* The story under its dated headline, which the container missed. */
    cd_nid story = S_anchor(x, dom, st, title);
    if (story) {
        x->nroots = 1;
        x->roots[0] = story;
        x->article = 1;
        return;
    }
    cd_nid wide = S_widen(x, dom, st, total, nlong_para);
    if (wide) {
        x->nroots = 1;
        x->roots[0] = wide;
        return;
    }
    cd_nid top = body;
    for (;;) {
        cd_nid next = CD_NONE;
        for (cd_nid c = cd_dom_node(dom, top)->first; c; c = cd_dom_node(dom, c)->next) {
            if (cd_dom_node(dom, c)->type == CD_NODE_ELEMENT && !st[c].dead &&
                (float)S_prose(&st[c]) >= (float)total * CD_BROAD_KEEP) {
                next = c;
                break;
            }
        }
        if (!next)
            break;
        top = next;
    }
    x->nroots = 1;
    x->roots[0] = top;
    x->broad = 1;
}

/* A story followed by its readers' comments: CD_STORY_PARAS long
 * paragraphs in the chosen container before a comment thread the
 * detectors found (signed items, Comment microdata) after them. An undated
 * blog post or story is then an article as surely as a dated one. */
#define CD_STORY_PARAS 2
static int S_story_then_thread(const cd_extract *x, const cd_dom *dom, const S_stat *st)
{
    for (uint32_t r = 0; r < x->nroots; r++) {
        cd_nid root = x->roots[r];
        if (st[root].kind)
            continue;
        uint32_t nlong = 0;
        for (cd_nid id = root; id;) {
            if (st[id].dead) {
                id = cd_dom_next_skip(dom, id, root);
                continue;
            }
#ifdef CD_EXTRACT_DEBUG
            if (getenv("CD_STT") && st[id].kind)
                fprintf(stderr, "stt: #%u kind %u nlong %u\n", id, st[id].kind, nlong);
#endif
            if (st[id].kind == CD_KIND_THREAD)
                return nlong >= CD_STORY_PARAS;
            if (st[id].kind) {
                id = cd_dom_next_skip(dom, id, root);
                continue;
            }
            if (cd_x_long_para(dom, st, id, CD_LONG_PARA)) {
                nlong++;
                id = cd_dom_next_skip(dom, id, root);
                continue;
            }
            id = cd_dom_next(dom, id, root);
        }
    }
    return 0;
}

/* A section front: a page of teasers -- each a linked headline and a
 * sentence or two -- that holds no article. The region's headings are nearly
 * all links to other pages (at least CD_INDEX_TEASERS of them and
 * CD_INDEX_LINKED of its headings), none of its blocks is longer than a
 * teaser's summary (CD_INDEX_PARA characters) and they are no more than the
 * linked headings (a summary each at most: a story with a rail of related
 * headlines has more paragraphs), and the page declares no article in its
 * structured data. One page cannot tell such a page from a
 * listing whose lists are its content (wcxb-dev's listing and collection
 * pages keep them in their gold), so the decision needs its site's
 * evidence: a host of at least 3 pages in the model whose typical page
 * holds a template this page lacks (it holds under CD_INDEX_TEMPLATE of the
 * common blocks the host's median page holds: the article template's
 * share tools, related rails and labels are not on a section front). Then
 * the record is empty and carries no headline (docs/sites.md, session 8). */
#define CD_INDEX_TEASERS 3
#define CD_INDEX_LINKED 0.75f
#define CD_INDEX_PARA 250
#define CD_INDEX_TEMPLATE 0.7f

int cd_x_index_page(const cd_extract *x, const cd_dom *dom, const S_stat *st)
{
    if (!x->site.common || x->typed > 0 || x->broad || !x->nroots ||
        (float)x->site.held >= (float)x->site.typical * CD_INDEX_TEMPLATE)
        return 0;
    uint32_t heads = 0, linked = 0, paras = 0;
    for (uint32_t r = 0; r < x->nroots; r++) {
        cd_nid root = x->roots[r];
        for (cd_nid t = root; t;) {
            const cd_node *n = cd_dom_node(dom, t);
            if (st[t].dead || n->type != CD_NODE_ELEMENT) {
                t = cd_dom_next_skip(dom, t, root);
                continue;
            }
            if ((cd_tag_flags(n->tag) & CD_TF_HEADING) && st[t].chars) {
                heads++;
                if ((float)st[t].link >= 0.9f * (float)st[t].chars)
                    linked++;
                t = cd_dom_next_skip(dom, t, root);
                continue;
            }
            if (cd_x_is_block(n->tag) && st[t].flow >= CD_INDEX_PARA)
                return 0;
            if (cd_x_is_block(n->tag) && st[t].flow >= CD_MIN_PARA)
                paras++;
            t = cd_dom_next(dom, t, root);
        }
    }
    return linked >= CD_INDEX_TEASERS && (float)linked >= (float)heads * CD_INDEX_LINKED && paras <= linked;
}

uint32_t cd_x_roots_prose(const cd_extract *x, const S_stat *st)
{
    uint32_t have = 0;
    for (uint32_t r = 0; r < x->nroots; r++)
        have += S_prose(&st[x->roots[r]]);
    return have;
}

void cd_x_decide(cd_extract *x, const cd_dom *dom, const S_stat *st, const char *title)
{
    /* On an article page, the article and only the article: the lists of
     * other stories and the comments the detectors found inside it go. The
     * page is one when a date stands by the start of the chosen container
     * (a byline and date line, a dateline) and its structured data does not
     * call it something else (a forum thread, a product, a website's page:
     * there lists and replies are the content), and the container is not
     * one of a series (a forum's posts). og:type "article" alone is no
     * evidence: documentation, listings and service pages carry it (on
     * wcxb-dev, taking it or a JSON-LD article type as enough cost 0.0005). */
    if (!x->broad && !x->article && x->nroots)
        x->article = x->typed >= 0 && (cd_x_dated_head(x, dom, st) || S_story_then_thread(x, dom, st)) &&
                     !cd_x_series(dom, st, x->roots[0]);
    if (!x->broad && !x->article && x->nroots) {
        /* The container missed the story under its dated headline (a box of
         * promotions chosen), or holds the whole page: the story. */
        cd_nid story = S_anchor(x, dom, st, title);
        if (story) {
            x->nroots = 1;
            x->roots[0] = story;
            x->article = 1;
        }
    }
}
