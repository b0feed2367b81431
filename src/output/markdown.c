/* output/markdown: the article as CommonMark (with GFM pipe tables).
 *
 * The same pre-order walk as output/text (explicit enter/leave events, no
 * recursion), writing through two small stacks, after cmark's renderer:
 *  - containers (block quotes and list items), each owing a line prefix
 *    ("> ", or the item marker on its first line and spaces after), capped at
 *    CD_MD_MAX_NEST levels: deeper ones render flat at the cap;
 *  - inline spans (strong, emphasis, link), whose opening markers are written
 *    lazily before the first text inside them, so whitespace stays outside the
 *    markers and empty spans vanish; a span crossing a block boundary is closed
 *    before the break and reopened after it.
 * Separators between blocks are owed, merged and written before the next
 * text, as in the text renderer. Text is escaped where a character would
 * change meaning (CommonMark spec, "Backslash escapes"): always * _ ` [ ] \ <,
 * & before a name or #, | in table cells, and # > - + = ~ and "1." or "1)" at
 * the start of a line. */
#include <string.h>

#include "../util/ctype.h"
#include "../util/limits.h"
#include "../util/url.h"
#include "output.h"
#include "walk.h"

/* Nesting of block quotes and list items rendered with indentation. */
#define CD_MD_MAX_NEST 8

enum { S_NONE = 0, S_SPACE = 1, S_BR = 2, S_LINE = 3, S_PARA = 4 };
enum { S_QUOTE = 1, S_ITEM = 2 };
enum { S_STRONG = 1, S_EM = 2, S_LINK = 3 };

typedef struct {
    uint8_t kind;
    uint8_t started; /* its first line has been written */
    uint8_t width;   /* item: marker width, the indentation of its later lines */
    char marker[16];
} S_box;

typedef struct {
    uint8_t kind;
    uint8_t open;   /* marker written */
    uint8_t closed; /* a link closed at a block boundary, to be reopened after it */
    uint8_t dead;   /* a link not reopened (CD_MD_URL_ROOM_*): its text goes on plain */
    cd_nid node;    /* the <a>, for its href */
} S_span;

typedef struct {
    uint8_t ordered;
    uint32_t items;
    char delim; /* '-' / '*' for bullets, '.' / ')' for ordered */
    uint32_t next;
} S_list;

typedef struct {
    cd_buf *out;
    size_t base;
    const cd_dom *dom;
    const cd_extract *x;
    const char *base_url;
    size_t base_len;
    size_t url_room;    /* base URL bytes resolutions may still use (CD_MD_URL_ROOM_*) */
    size_t prefix_room; /* bytes of container prefixes still to write (CD_MD_PREFIX_ROOM_*) */
    int prefix_flat;    /* past it: lines go out without their container prefixes */
    int pending;
    int dirty; /* spans or a heading marker wait to be written */
    int brs;
    int bol;    /* drop a pending space (start of a table cell) */
    int lstate; /* line-start escaping: 0 at line start, 1 digits only so far, 2 past */
    S_box box[CD_MD_MAX_NEST];
    int nbox, box_over;
    S_list list[CD_MD_MAX_NEST];
    int nlist, list_over;
    size_t list_end;     /* out->len when the last list closed ... */
    int list_end_nbox;   /* ... at this container depth ... */
    char list_end_delim; /* ... using this delimiter */
    S_span span[3];
    int nspan;
    int strong, em, link; /* open elements of each kind (nested ones add no marker) */
    int heading;          /* level of the open heading, 0 if none */
    int heading_depth;
    int heading_pending; /* its "#" marker waits for text */
    int inl;             /* headings and data cells: line breaks become spaces */
    int figure;
    cd_nid dtable;
    uint32_t ncols, rows, cells;
    int pad_rows;      /* every row padded to ncols, not only the first */
    uint32_t row_left; /* cells of the row still to come */
    int in_cell;
    cd_buf scratch; /* text of a code span or block */
    cd_buf ubuf;    /* a resolved URL */
} S_md;

/* ---- output primitives --------------------------------------------------- */

static void S_put(S_md *w, const char *s, size_t n)
{
    cd_buf_put(w->out, s, n);
}

static void S_puts(S_md *w, const char *s)
{
    cd_buf_put(w->out, s, strlen(s));
}

static void S_sep(S_md *w, int sep)
{
    if (w->inl && sep >= S_BR) sep = S_SPACE;
    /* A paragraph opening a list item sits on the marker's line. */
    if (sep == S_PARA && w->nbox && w->box[w->nbox - 1].kind == S_ITEM &&
        !w->box[w->nbox - 1].started)
        sep = S_LINE;
    if (sep > w->pending) w->pending = sep;
}

/* May n more bytes of container prefixes be written? Each line inside
 * quotes and list items repeats the prefixes of all of them (up to 8 x 11
 * bytes): a page gets CD_MD_PREFIX_ROOM_* bytes of that, then its lines go
 * out flat (the text stays, the nesting goes). */
static int S_prefix_fits(S_md *w, size_t n)
{
    if (!w->prefix_flat && n > w->prefix_room) w->prefix_flat = 1;
    if (w->prefix_flat) return 0;
    w->prefix_room -= n;
    return 1;
}

/* The prefix of a new line inside the open containers. */
static void S_prefix(S_md *w)
{
    size_t n = 0;
    for (int i = 0; i < w->nbox; i++)
        n += w->box[i].kind == S_QUOTE ? 2 : w->box[i].width;
    if (!S_prefix_fits(w, n)) {
        for (int i = 0; i < w->nbox; i++)
            w->box[i].started = 1;
        w->lstate = 0;
        return;
    }
    for (int i = 0; i < w->nbox; i++) {
        S_box *b = &w->box[i];
        if (b->kind == S_QUOTE) {
            S_put(w, "> ", 2);
        } else if (!b->started) {
            S_put(w, b->marker, b->width);
        } else {
            S_put(w, "                ", b->width);
        }
        b->started = 1;
    }
    w->lstate = 0;
}

/* The prefix of a blank line: only containers already started, no trailing spaces. */
static void S_blank_prefix(S_md *w)
{
    size_t start = w->out->len, n = 0;
    for (int i = 0; i < w->nbox && w->box[i].started; i++)
        n += w->box[i].kind == S_QUOTE ? 2 : w->box[i].width;
    if (!S_prefix_fits(w, n)) return;
    for (int i = 0; i < w->nbox && w->box[i].started; i++) {
        if (w->box[i].kind == S_QUOTE)
            S_put(w, "> ", 2);
        else
            S_put(w, "                ", w->box[i].width);
    }
    size_t e = w->out->len;
    while (e > start && w->out->data[e - 1] == ' ')
        e--;
    cd_buf_truncate(w->out, e);
}

static const char *S_span_open(const S_span *s)
{
    return s->kind == S_STRONG ? "**" : s->kind == S_EM ? "*" : "[";
}

static void S_link_close(S_md *w, cd_nid a);

/* A link reopened after a block boundary (an <a> around paragraphs, list
 * items or table cells) writes its URL once more at its next close: one
 * more use of the page's CD_MD_URL_ROOM_*, else it is not reopened. */
static int S_url_again(S_md *w, cd_nid a)
{
    size_t len = 0;
    cd_dom_attr(w->dom, a, "href", &len);
    if (len > w->url_room) {
        w->url_room = 0;
        return 0;
    }
    w->url_room -= len;
    return 1;
}

static void S_close_spans(S_md *w)
{
    for (int i = w->nspan - 1; i >= 0; i--) {
        S_span *s = &w->span[i];
        if (!s->open) continue;
        if (s->kind == S_LINK) {
            S_link_close(w, s->node);
            s->closed = 1;
        } else {
            S_puts(w, S_span_open(s));
        }
        s->open = 0;
        w->dirty = 1;
    }
}

/* Write the owed separator and the line prefix, closing spans across line
 * breaks; `inline_next` also writes the heading marker and reopens spans, as
 * text follows. */
static void S_flush_ex(S_md *w, int inline_next)
{
    int p = w->pending;
    w->pending = S_NONE;
    w->brs = 0;
    if (w->out->len == w->base) {
        if (p >= S_BR || w->nbox) S_prefix(w);
    } else {
        if (p >= S_LINE) S_close_spans(w);
        switch (p) {
        case S_PARA:
            S_put(w, "\n", 1);
            S_blank_prefix(w);
            S_put(w, "\n", 1);
            S_prefix(w);
            break;
        case S_LINE:
            S_put(w, "\n", 1);
            S_prefix(w);
            break;
        case S_BR:
            S_put(w, "\\\n", 2);
            S_prefix(w);
            break;
        case S_SPACE:
            if (!w->bol) S_put(w, " ", 1);
            break;
        default:
            break;
        }
    }
    w->bol = 0;
    if (!inline_next) return;
    if (w->heading_pending) {
        S_put(w, "######", (size_t)w->heading);
        S_put(w, " ", 1);
        w->heading_pending = 0;
        w->lstate = 2;
    }
    for (int i = 0; i < w->nspan; i++) {
        S_span *s = &w->span[i];
        if (s->open || s->dead) continue;
        if (s->kind == S_LINK && s->closed && !S_url_again(w, s->node)) {
            s->dead = 1;
            continue;
        }
        S_puts(w, S_span_open(s));
        s->open = 1;
        w->lstate = 2;
    }
    w->dirty = 0;
}

static void S_flush(S_md *w)
{
    if (w->pending || w->dirty || w->out->len == w->base) S_flush_ex(w, 1);
    w->bol = 0;
}

/* ---- text ---------------------------------------------------------------- */

/* Byte classes: 1 whitespace, 2 lead of U+00A0, 3 always escaped, 4 '&',
 * 5 '_', 6 '|'. */
static const unsigned char S_cls[256] = {
    [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\f'] = 1, ['\v'] = 1, [0xC2] = 2, ['\\'] = 3,
    ['`'] = 3, ['*'] = 3,  ['['] = 3,  [']'] = 3,  ['<'] = 3,  ['&'] = 4,  ['_'] = 5,  ['|'] = 6,
};

static int S_is_nbsp(const char *s, uint32_t i, uint32_t n)
{
    return (unsigned char)s[i] == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0;
}

/* Write s[i..j) (no whitespace in it) escaped; room reserved by the caller. */
static char *S_escape_run(S_md *w, char *o, const char *s, uint32_t i, uint32_t j)
{
    const char *start = w->out->data;
    while (i < j && w->lstate != 2) {
        unsigned char c = (unsigned char)s[i];
        if (w->lstate == 0) {
            if (c == '#' || c == '>' || c == '-' || c == '+' || c == '=' || c == '~') *o++ = '\\';
            w->lstate = cd_isdigit(c) ? 1 : 2;
        } else if (!cd_isdigit(c)) {
            if (c == '.' || c == ')') *o++ = '\\';
            w->lstate = 2;
        }
        if (S_cls[c] >= 3) break; /* the general loop escapes it */
        *o++ = (char)c;
        i++;
    }
    while (i < j) {
        uint32_t k = i;
        while (k < j && S_cls[(unsigned char)s[k]] < 3)
            k++;
        memcpy(o, s + i, k - i);
        o += k - i;
        if (k == j) break;
        unsigned char c = (unsigned char)s[k];
        int esc = 1;
        if (c == '&') {
            esc = k + 1 < j && (cd_isalnum((unsigned char)s[k + 1]) || s[k + 1] == '#');
        } else if (c == '_') {
            esc = !(o > start && cd_isalnum((unsigned char)o[-1]) && k + 1 < j &&
                    cd_isalnum((unsigned char)s[k + 1]));
        } else if (c == '|') {
            esc = w->in_cell;
        }
        if (esc) *o++ = '\\';
        *o++ = (char)c;
        i = k + 1;
    }
    return o;
}

static void S_text(S_md *w, const char *s, uint32_t n)
{
    cd_buf *out = w->out;
    uint32_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (S_cls[c] == 1 || S_is_nbsp(s, i, n)) {
            if (w->pending < S_SPACE) w->pending = S_SPACE;
            if (w->lstate == 1) w->lstate = 2;
            i += S_cls[c] == 1 ? 1 : 2;
            continue;
        }
        uint32_t j = i + 1;
        while (j < n && S_cls[(unsigned char)s[j]] != 1 && !S_is_nbsp(s, j, n))
            j++;
        S_flush(w);
        if (!cd_buf_reserve(out, 2 * (size_t)(j - i) + 1)) return;
        char *o = S_escape_run(w, out->data + out->len, s, i, j);
        out->len = (size_t)(o - out->data);
        out->data[out->len] = '\0';
        i = j;
    }
}

/* ---- subtrees written at once: code, images ------------------------------ */

/* The text of the subtree of top into w->scratch: raw (pre) keeps whitespace,
 * otherwise runs of it become one space. NBSP is a space either way. */
static void S_collect(S_md *w, cd_nid top, int raw)
{
    const cd_dom *dom = w->dom;
    cd_buf *b = &w->scratch;
    int space = 0;
    cd_buf_clear(b);
    for (cd_nid id = cd_dom_next(dom, top, top); id;) {
        const cd_node *n = cd_dom_node(dom, id);
        if (cd_walk_skip(dom, w->x, id)) {
            id = cd_dom_next_skip(dom, id, top);
            continue;
        }
        if (n->type == CD_NODE_TEXT) {
            /* + 1: a space owed by the previous node */
            if (!cd_buf_reserve(b, (size_t)n->len + 1)) return;
            char *o = b->data + b->len;
            for (uint32_t i = 0; i < n->len; i++) {
                unsigned char c = (unsigned char)n->u.text[i];
                int sp = S_cls[c] == 1 || S_is_nbsp(n->u.text, i, n->len);
                if (sp && c == 0xC2) i++;
                if (raw) {
                    *o++ = sp && c == 0xC2 ? ' ' : (char)c;
                } else if (sp) {
                    space = 1;
                } else {
                    if (space && o > b->data) *o++ = ' ';
                    space = 0;
                    *o++ = (char)c;
                }
            }
            b->len = (size_t)(o - b->data);
            b->data[b->len] = '\0';
        } else if (n->tag == CD_TAG_BR) {
            if (raw)
                cd_buf_putc(b, '\n');
            else
                space = 1;
        }
        id = cd_dom_next(dom, id, top);
    }
}

static size_t S_longest_tick_run(const char *s, size_t n)
{
    size_t best = 0, run = 0;
    for (size_t i = 0; i < n; i++) {
        run = s[i] == '`' ? run + 1 : 0;
        if (run > best) best = run;
    }
    return best;
}

static void S_ticks(S_md *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        S_put(w, "`", 1);
}

/* An inline code span (CommonMark 6.1): a fence one backtick longer than the
 * longest run inside, padded with spaces when the content touches a backtick. */
static void S_code_span(S_md *w, cd_nid id)
{
    S_collect(w, id, 0);
    const char *s = w->scratch.data;
    size_t n = w->scratch.len;
    if (!s || n == 0) return;
    size_t fence = S_longest_tick_run(s, n) + 1;
    int pad = s[0] == '`' || s[n - 1] == '`';
    S_flush(w);
    S_ticks(w, fence);
    if (pad) S_put(w, " ", 1);
    if (w->in_cell) {
        for (size_t i = 0; i < n; i++) {
            if (s[i] == '|') S_put(w, "\\", 1);
            S_put(w, s + i, 1);
        }
    } else {
        /* s lives in scratch, not in out: no aliasing. */
        S_put(w, s, n);
    }
    if (pad) S_put(w, " ", 1);
    S_ticks(w, fence);
    w->lstate = 2;
}

/* The language of a code block from class="language-x" (or "lang-x") on the
 * <pre> or its first <code>, as highlight.js and Prism mark it. */
static size_t S_code_lang(const cd_dom *dom, cd_nid pre, char *lang, size_t cap)
{
    cd_nid cands[2] = {pre, CD_NONE};
    for (cd_nid c = cd_dom_node(dom, pre)->first; c; c = cd_dom_node(dom, c)->next) {
        if (cd_dom_is(dom, c, CD_TAG_CODE)) {
            cands[1] = c;
            break;
        }
        if (cd_dom_node(dom, c)->type == CD_NODE_ELEMENT) break;
    }
    for (int k = 0; k < 2; k++) {
        size_t len = 0;
        const char *v = cands[k] ? cd_dom_attr(dom, cands[k], "class", &len) : NULL;
        for (size_t i = 0; v && i < len;) {
            while (i < len && cd_isspace((unsigned char)v[i]))
                i++;
            size_t j = i;
            while (j < len && !cd_isspace((unsigned char)v[j]))
                j++;
            size_t skip = 0;
            if (j - i > 9 && memcmp(v + i, "language-", 9) == 0)
                skip = 9;
            else if (j - i > 5 && memcmp(v + i, "lang-", 5) == 0)
                skip = 5;
            if (skip) {
                size_t o = 0;
                for (size_t q = i + skip; q < j && o + 1 < cap; q++) {
                    unsigned char c = (unsigned char)v[q];
                    if (!(cd_isalnum(c) || c == '-' || c == '_' || c == '+' || c == '#' ||
                          c == '.'))
                        return 0;
                    lang[o++] = (char)c;
                }
                lang[o] = '\0';
                return o;
            }
            i = j;
        }
    }
    return 0;
}

/* A fenced code block (CommonMark 4.5) for <pre>. */
static void S_code_block(S_md *w, cd_nid id)
{
    S_collect(w, id, 1);
    const char *s = w->scratch.data;
    size_t n = w->scratch.len;
    size_t i = 0;
    while (i < n && (s[i] == '\n' || s[i] == '\r'))
        i++;
    while (n > i && cd_isspace((unsigned char)s[n - 1]))
        n--;
    if (!s || n == i) return;
    char lang[33];
    size_t ll = S_code_lang(w->dom, id, lang, sizeof lang);
    size_t fence = S_longest_tick_run(s + i, n - i) + 1;
    if (fence < 3) fence = 3;
    S_sep(w, S_PARA);
    S_flush_ex(w, 0);
    w->dirty = w->nspan > 0;
    S_ticks(w, fence);
    S_put(w, lang, ll);
    while (i <= n) {
        S_put(w, "\n", 1);
        S_prefix(w);
        const char *nl = memchr(s + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - s) : n;
        if (e > i && s[e - 1] == '\r')
            S_put(w, s + i, e - i - 1);
        else
            S_put(w, s + i, e - i);
        if (!nl) break;
        i = e + 1;
    }
    S_put(w, "\n", 1);
    S_prefix(w);
    S_ticks(w, fence);
    w->pending = S_NONE;
    S_sep(w, S_PARA);
}

/* Write a link destination: spaces and controls percent-encoded, parentheses escaped. */
static void S_dest(S_md *w, const char *u, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)u[i];
        if (c > 0x20 && c != 0x7F && c != '<' && c != '>' && c != '(' && c != ')' && c != '\\') {
            run++;
            continue;
        }
        S_put(w, u + i - run, run);
        run = 0;
        if (c == '(' || c == ')') {
            char e[2] = {'\\', (char)c};
            S_put(w, e, 2);
        } else {
            char e[3] = {'%', hex[c >> 4], hex[c & 15]};
            S_put(w, e, 3);
        }
    }
    S_put(w, u + n - run, run);
}

/* Does ref[0..len) start with a scheme (ALPHA *(ALPHA / DIGIT / "+" / "-" / ".") ":"
 * after leading whitespace)? Such a reference resolves to itself. */
static int S_has_scheme(const char *ref, size_t len)
{
    size_t i = 0;
    while (i < len && (unsigned char)ref[i] <= 0x20)
        i++;
    if (i == len || !cd_isalpha((unsigned char)ref[i])) return 0;
    for (i++; i < len; i++) {
        unsigned char c = (unsigned char)ref[i];
        if (c == ':') return 1;
        if (!cd_isalnum(c) && c != '+' && c != '-' && c != '.' && c != '\t' && c != '\n' &&
            c != '\r')
            return 0;
    }
    return 0;
}

static void S_url(S_md *w, const char *ref, size_t len)
{
    cd_buf_clear(&w->ubuf);
    /* Resolving reads the whole base URL and may copy it: a page gets
     * CD_MD_URL_ROOM_* bytes of that, then its references go out as written. */
    const char *base = w->base_url;
    if (base && S_has_scheme(ref, len)) {
        base = NULL;
    } else if (base && w->base_len > w->url_room) {
        base = NULL;
        w->url_room = 0;
    } else if (base) {
        w->url_room -= w->base_len;
    }
    cd_url_resolve(base, base ? w->base_len : 0, ref, len, &w->ubuf);
    if (w->ubuf.failed) {
        w->out->failed = 1;
        return;
    }
    S_dest(w, w->ubuf.data ? w->ubuf.data : "", w->ubuf.len);
}

static void S_link_close(S_md *w, cd_nid a)
{
    size_t len = 0;
    const char *href = cd_dom_attr(w->dom, a, "href", &len);
    S_put(w, "](", 2);
    S_url(w, href ? href : "", href ? len : 0);
    S_put(w, ")", 1);
}

/* Is the image alone in its block (no text beside it up to the nearest block
 * ancestor)? Siblings are looked at only a few deep, to stay linear. */
static int S_standalone(const cd_dom *dom, const cd_extract *x, cd_nid img)
{
    cd_nid cur = img;
    for (int level = 0; level < 6; level++) {
        const cd_node *n = cd_dom_node(dom, cur);
        for (int dir = 0; dir < 2; dir++) {
            int seen = 0;
            for (cd_nid s = dir ? n->next : n->prev; s;
                 s = dir ? cd_dom_node(dom, s)->next : cd_dom_node(dom, s)->prev) {
                const cd_node *sn = cd_dom_node(dom, s);
                if (++seen > 16) return 0;
                if (cd_walk_skip(dom, x, s)) continue;
                if (sn->type == CD_NODE_TEXT) {
                    for (uint32_t i = 0; i < sn->len; i++)
                        if (!cd_isspace((unsigned char)sn->u.text[i])) return 0;
                } else if (sn->type == CD_NODE_ELEMENT && sn->first && sn->tag != CD_TAG_PICTURE) {
                    return 0;
                }
            }
        }
        cd_nid p = n->parent;
        if (!p) return 0;
        const cd_node *pn = cd_dom_node(dom, p);
        if (pn->type != CD_NODE_ELEMENT) return 0;
        if ((cd_tag_flags(pn->tag) & CD_TF_BLOCK) || pn->tag == CD_TAG_UNKNOWN) return 1;
        cur = p;
    }
    return 0;
}

static void S_image(S_md *w, cd_nid id)
{
    const cd_dom *dom = w->dom;
    size_t slen = 0, alen = 0;
    const char *src = cd_dom_attr(dom, id, "src", &slen);
    if (!src || slen == 0 || (slen >= 5 && cd_eq_nocase(src, 5, "data:")))
        src = cd_dom_attr(dom, id, "data-src", &slen);
    while (src && slen && cd_isspace((unsigned char)*src)) {
        src++;
        slen--;
    }
    if (!src || slen == 0 || (slen >= 5 && cd_eq_nocase(src, 5, "data:"))) return;
    if (!w->figure && !S_standalone(dom, w->x, id)) return;
    const char *alt = cd_dom_attr(dom, id, "alt", &alen);
    S_flush(w);
    S_put(w, "![", 2);
    int space = 0, any = 0;
    for (size_t i = 0; alt && i < alen; i++) {
        unsigned char c = (unsigned char)alt[i];
        if (cd_isspace(c)) {
            space = 1;
            continue;
        }
        if (space && any) S_put(w, " ", 1);
        space = 0;
        any = 1;
        if (c == '[' || c == ']' || c == '\\' || (c == '|' && w->in_cell)) S_put(w, "\\", 1);
        S_put(w, alt + i, 1);
    }
    S_put(w, "](", 2);
    S_url(w, src, slen);
    S_put(w, ")", 1);
    w->lstate = 2;
}

/* ---- containers and spans ------------------------------------------------- */

static void S_push_box(S_md *w, int kind, const char *marker)
{
    if (w->nbox >= CD_MD_MAX_NEST) {
        w->box_over++;
        return;
    }
    S_box *b = &w->box[w->nbox++];
    memset(b, 0, sizeof *b);
    b->kind = (uint8_t)kind;
    if (marker) {
        size_t n = strlen(marker);
        memcpy(b->marker, marker, n);
        b->width = (uint8_t)n;
    }
}

static void S_pop_box(S_md *w)
{
    if (w->box_over)
        w->box_over--;
    else if (w->nbox)
        w->nbox--;
}

static void S_push_span(S_md *w, int kind, cd_nid node)
{
    if (w->nspan >= 3) return;
    S_span *s = &w->span[w->nspan++];
    s->kind = (uint8_t)kind;
    s->open = 0;
    s->closed = 0;
    s->dead = 0;
    s->node = node;
    w->dirty = 1;
}

static void S_pop_span(S_md *w, int kind)
{
    for (int i = w->nspan - 1; i >= 0; i--) {
        if (w->span[i].kind != kind) continue;
        /* Spans nest like the elements, so i is the top one. */
        if (w->span[i].open) {
            if (kind == S_LINK)
                S_link_close(w, w->span[i].node);
            else
                S_puts(w, S_span_open(&w->span[i]));
        }
        memmove(&w->span[i], &w->span[i + 1], (size_t)(w->nspan - i - 1) * sizeof w->span[0]);
        w->nspan--;
        return;
    }
}

static int *S_span_depth(S_md *w, uint16_t tag)
{
    switch (tag) {
    case CD_TAG_B:
    case CD_TAG_STRONG:
        return &w->strong;
    case CD_TAG_I:
    case CD_TAG_EM:
        return &w->em;
    default:
        return NULL;
    }
}

static int S_link_ok(const cd_dom *dom, cd_nid a)
{
    size_t len = 0;
    const char *href = cd_dom_attr(dom, a, "href", &len);
    if (!href) return 0;
    while (len && cd_isspace((unsigned char)*href)) {
        href++;
        len--;
    }
    while (len && cd_isspace((unsigned char)href[len - 1]))
        len--;
    if (len == 0 || (len == 1 && href[0] == '#')) return 0;
    return !cd_url_is_script(href, len);
}

static void S_list_enter(S_md *w, cd_nid id, int ordered)
{
    S_sep(w, w->nbox && w->box[w->nbox - 1].kind == S_ITEM ? S_LINE : S_PARA);
    if (w->nlist >= CD_MD_MAX_NEST) {
        w->list_over++;
        return;
    }
    S_list *l = &w->list[w->nlist++];
    l->ordered = (uint8_t)ordered;
    l->delim = ordered ? '.' : '-';
    l->next = 1;
    l->items = 0;
    /* Two lists in a row would merge into one; CommonMark starts a new list
     * when the bullet or delimiter changes. */
    if (w->list_end == w->out->len && w->list_end_nbox == w->nbox + w->box_over &&
        w->list_end_delim == l->delim)
        l->delim = ordered ? ')' : '*';
    if (ordered) {
        size_t len = 0;
        const char *v = cd_dom_attr(w->dom, id, "start", &len);
        uint32_t start = 0;
        size_t i = 0;
        for (; v && i < len && cd_isdigit((unsigned char)v[i]) && start < 100000000u; i++)
            start = start * 10 + (uint32_t)(v[i] - '0');
        if (v && i > 0) l->next = start;
    }
}

static void S_list_leave(S_md *w)
{
    char delim = '-';
    if (w->list_over) {
        w->list_over--;
    } else if (w->nlist) {
        delim = w->list[--w->nlist].delim;
    }
    S_sep(w, w->nbox && w->box[w->nbox - 1].kind == S_ITEM ? S_LINE : S_PARA);
    w->list_end = w->out->len;
    w->list_end_nbox = w->nbox + w->box_over;
    w->list_end_delim = delim;
}

static void S_item_enter(S_md *w)
{
    char marker[16];
    S_list *l = w->nlist ? &w->list[w->nlist - 1] : NULL;
    /* Between items, the blank line owed by a paragraph ending the previous
     * item would make the list loose: items are one line apart. */
    if (l && l->items && w->pending == S_PARA) w->pending = S_LINE;
    if (l) l->items++;
    S_sep(w, S_LINE);
    if (l && l->ordered) {
        uint32_t v = l->next < 999999999u ? l->next : 999999999u;
        size_t k = 0;
        char digits[12];
        do {
            digits[k++] = (char)('0' + v % 10);
            v /= 10;
        } while (v);
        size_t o = 0;
        while (k)
            marker[o++] = digits[--k];
        marker[o++] = l->delim;
        marker[o++] = ' ';
        marker[o] = '\0';
        l->next++;
    } else {
        marker[0] = l ? l->delim : '-';
        marker[1] = ' ';
        marker[2] = '\0';
    }
    S_push_box(w, S_ITEM, marker);
}

/* ---- data tables ---------------------------------------------------------- */

static void S_row_enter(S_md *w, cd_nid row)
{
    /* Its cells, so that a colspan's fillers leave room for them. */
    w->row_left = 0;
    for (cd_nid c = cd_dom_node(w->dom, row)->first; c; c = cd_dom_node(w->dom, c)->next)
        if ((cd_dom_is(w->dom, c, CD_TAG_TD) || cd_dom_is(w->dom, c, CD_TAG_TH)) &&
            !cd_walk_skip(w->dom, w->x, c))
            w->row_left++;
    S_sep(w, S_LINE);
    S_flush_ex(w, 0);
    w->dirty = w->nspan > 0;
    S_put(w, "|", 1);
    w->cells = 0;
    w->lstate = 2;
}

static void S_row_leave(S_md *w)
{
    for (; (w->rows == 0 || w->pad_rows || !w->cells) && w->cells < w->ncols; w->cells++)
        S_put(w, "  |", 3);
    if (w->rows++ == 0) {
        S_put(w, "\n", 1);
        S_prefix(w);
        S_put(w, "|", 1);
        for (uint32_t i = 0; i < w->ncols; i++)
            S_put(w, " --- |", 6);
    }
    w->pending = S_NONE;
    S_sep(w, S_LINE);
}

static void S_cell_enter(S_md *w)
{
    S_put(w, " ", 1);
    w->pending = S_NONE;
    w->bol = 1;
    w->in_cell = 1;
    w->inl++;
}

static void S_cell_leave(S_md *w, cd_nid id)
{
    S_close_spans(w);
    S_put(w, " |", 2);
    uint32_t span = cd_walk_colspan(w->dom, id);
    w->cells++;
    if (w->row_left) w->row_left--;
    for (uint32_t k = 1; k < span && w->cells + w->row_left < w->ncols; k++, w->cells++)
        S_put(w, "  |", 3);
    w->pending = S_NONE;
    w->bol = 0;
    w->in_cell = 0;
    if (w->inl) w->inl--;
}

/* ---- the walk -------------------------------------------------------------- */

static int S_is_block(uint16_t tag)
{
    return (cd_tag_flags(tag) & CD_TF_BLOCK) || tag == CD_TAG_UNKNOWN;
}

static int S_is_code(uint16_t tag)
{
    return tag == CD_TAG_CODE || tag == CD_TAG_KBD || tag == CD_TAG_SAMP || tag == CD_TAG_TT;
}

/* Enter element id; returns 0 when its subtree has been written already (or is
 * to be left out) and the walk must not descend. */
static int S_enter(S_md *w, cd_nid id, const cd_node *n)
{
    uint16_t tag = n->tag;
    int *depth = S_span_depth(w, tag);
    if (depth) {
        if ((*depth)++ == 0)
            S_push_span(w, tag == CD_TAG_B || tag == CD_TAG_STRONG ? S_STRONG : S_EM, id);
        return 1;
    }
    if (S_is_code(tag)) {
        S_code_span(w, id);
        return 0;
    }
    switch (tag) {
    case CD_TAG_A:
        if (w->link++ == 0 && S_link_ok(w->dom, id)) S_push_span(w, S_LINK, id);
        return 1;
    case CD_TAG_IMG:
        S_image(w, id);
        return 0;
    case CD_TAG_BR:
        if (w->inl)
            S_sep(w, S_SPACE);
        else
            S_sep(w, w->brs ? S_PARA : S_BR);
        w->brs = 1;
        return 0;
    case CD_TAG_HR:
        if (w->inl) return 0;
        S_sep(w, S_PARA);
        S_flush_ex(w, 0);
        w->dirty = w->nspan > 0;
        {
            const S_box *b = w->nbox ? &w->box[w->nbox - 1] : NULL;
            /* "- ---" would be one thematic break, not an item holding one. */
            S_puts(w, b && b->kind == S_ITEM && b->marker[0] == '-' ? "___" : "---");
        }
        w->pending = S_NONE;
        S_sep(w, S_PARA);
        return 0;
    case CD_TAG_PRE:
    case CD_TAG_XMP:
    case CD_TAG_PLAINTEXT:
        if (w->inl)
            S_code_span(w, id);
        else
            S_code_block(w, id);
        return 0;
    case CD_TAG_BLOCKQUOTE:
        S_sep(w, S_PARA);
        S_push_box(w, S_QUOTE, NULL);
        return 1;
    case CD_TAG_UL:
    case CD_TAG_MENU:
    case CD_TAG_DIR:
        S_list_enter(w, id, 0);
        return 1;
    case CD_TAG_OL:
        S_list_enter(w, id, 1);
        return 1;
    case CD_TAG_LI:
        S_item_enter(w);
        return 1;
    case CD_TAG_TABLE: {
        S_sep(w, S_PARA);
        cd_walk_table_stats ts;
        if (!w->dtable && !w->inl && cd_walk_table_scan(w->dom, w->x, id, &w->ncols, &ts)) {
            w->dtable = id;
            w->rows = 0;
            /* GFM fills a row shorter than the header with empty cells
             * itself; a table padded in full costs rows x columns, so only
             * one that lacks no more cells than it has is (a row of 3,000
             * cells over 50,000 of one made 64 MiB of Markdown of 0.5 MB).
             * The header row is always padded, an empty row to one cell.
             * A table is no wider than it has cells, however they span:
             * its header and delimiter rows cost 9 bytes a column, and
             * one-row tables of two colspan=32 cells made 8.5 times their
             * bytes of Markdown (42.7 MB of 5 MB, 164 MB of peak RSS). */
            w->pad_rows = ts.missing <= ts.present;
            if (w->ncols > ts.elements) w->ncols = (uint32_t)ts.elements;
        }
        return 1;
    }
    case CD_TAG_THEAD:
    case CD_TAG_TBODY:
    case CD_TAG_TFOOT:
        if (!w->dtable) S_sep(w, S_PARA);
        return 1;
    case CD_TAG_TR:
        if (w->dtable)
            S_row_enter(w, id);
        else
            S_sep(w, S_PARA);
        return 1;
    case CD_TAG_TD:
    case CD_TAG_TH:
        if (w->dtable)
            S_cell_enter(w);
        else
            S_sep(w, S_PARA);
        return 1;
    case CD_TAG_FIGURE:
        w->figure++;
        S_sep(w, S_PARA);
        return 1;
    case CD_TAG_FIGCAPTION:
        S_sep(w, S_PARA);
        if (w->em++ == 0) S_push_span(w, S_EM, id);
        return 1;
    default:
        break;
    }
    if (cd_tag_flags(tag) & CD_TF_HEADING) {
        S_sep(w, S_PARA);
        if (w->heading_depth++ == 0 && !w->inl) {
            w->heading = tag - CD_TAG_H1 + 1;
            w->heading_pending = 1;
            w->dirty = 1;
        }
        w->inl++;
        return 1;
    }
    if (S_is_block(tag)) S_sep(w, S_PARA);
    return 1;
}

static void S_leave(S_md *w, cd_nid id, const cd_node *n)
{
    uint16_t tag = n->tag;
    int *depth = S_span_depth(w, tag);
    if (depth) {
        if (*depth && --*depth == 0)
            S_pop_span(w, tag == CD_TAG_B || tag == CD_TAG_STRONG ? S_STRONG : S_EM);
        return;
    }
    switch (tag) {
    case CD_TAG_A:
        if (w->link && --w->link == 0) S_pop_span(w, S_LINK);
        return;
    case CD_TAG_BLOCKQUOTE:
        S_pop_box(w);
        S_sep(w, S_PARA);
        return;
    case CD_TAG_UL:
    case CD_TAG_MENU:
    case CD_TAG_DIR:
    case CD_TAG_OL:
        S_list_leave(w);
        return;
    case CD_TAG_LI:
        S_pop_box(w);
        S_sep(w, S_LINE);
        return;
    case CD_TAG_TABLE:
        if (w->dtable == id) w->dtable = CD_NONE;
        S_sep(w, S_PARA);
        return;
    case CD_TAG_THEAD:
    case CD_TAG_TBODY:
    case CD_TAG_TFOOT:
        if (!w->dtable) S_sep(w, S_PARA);
        return;
    case CD_TAG_TR:
        if (w->dtable)
            S_row_leave(w);
        else
            S_sep(w, S_PARA);
        return;
    case CD_TAG_TD:
    case CD_TAG_TH:
        if (w->dtable)
            S_cell_leave(w, id);
        else
            S_sep(w, S_PARA);
        return;
    case CD_TAG_FIGURE:
        if (w->figure) w->figure--;
        S_sep(w, S_PARA);
        return;
    case CD_TAG_FIGCAPTION:
        if (w->em && --w->em == 0) S_pop_span(w, S_EM);
        S_sep(w, S_PARA);
        return;
    default:
        break;
    }
    if (cd_tag_flags(tag) & CD_TF_HEADING) {
        if (w->inl) w->inl--;
        if (w->heading_depth && --w->heading_depth == 0) {
            w->heading = 0;
            w->heading_pending = 0;
        }
        S_sep(w, S_PARA);
        return;
    }
    if (S_is_block(tag)) S_sep(w, S_PARA);
}

/* cd_walk_root callbacks. */
static int S_walk_enter(void *ctx, cd_nid id, const cd_node *n)
{
    return S_enter(ctx, id, n);
}

static void S_walk_leave(void *ctx, cd_nid id, const cd_node *n)
{
    S_leave(ctx, id, n);
}

static void S_walk_text(void *ctx, const cd_node *n)
{
    S_text(ctx, n->u.text, n->len);
}

static const cd_walk_ops S_ops = {S_walk_enter, S_walk_leave, S_walk_text, CD_WHY_CAPTION};

static void S_body(const cd_result *res, unsigned options, cd_buf *out, size_t start);

/* The head (output/head.c), then the body. Links and images resolve against
 * the page's effective URL (r->url). */
void cd_render_markdown(const cd_result *res, unsigned options, cd_buf *out)
{
    size_t start = out->len, head = out->len, body = out->len;
    int with_head = cd_head_wanted(options) && cd_render_head(res, 1, out);
    if (with_head) {
        head = out->len;
        cd_buf_puts(out, "\n\n");
        body = out->len;
    }
    S_body(res, options, out, start);
    if (with_head) {
        cd_head_dedupe(res, 1, out, body);
        if (out->len == body) cd_buf_truncate(out, head);
    }
}

static void S_body(const cd_result *res, unsigned options, cd_buf *out, size_t start)
{
    const cd_dom *dom = res->dom;
    const cd_extract *x = res->ext;
    const char *base_url = res->url;
    S_md w;
    memset(&w, 0, sizeof w);
    w.out = out;
    w.base = out->len;
    w.dom = dom;
    w.x = x;
    w.base_url = base_url;
    w.base_len = base_url ? strlen(base_url) : 0;
    w.url_room = CD_MD_URL_ROOM_BASE +
                 res->page_len * CD_MD_URL_ROOM_PER_BYTE; /* page_len <= CD_MAX_DECODED */
    w.prefix_room = CD_MD_PREFIX_ROOM_BASE + res->page_len * CD_MD_PREFIX_ROOM_PER_BYTE;
    w.list_end = (size_t)-1;
    cd_buf_init(&w.scratch, out->mem);
    cd_buf_init(&w.ubuf, out->mem);
    (void)options;
    for (uint32_t r = 0; r < x->nroots; r++) {
        cd_nid root = x->roots[r];
        if (!root || root >= dom->count) continue;
        S_sep(&w, S_PARA);
        cd_walk_root_from(dom, x, root, &S_ops, &w, out, start);
        /* Whatever a root left open (it cannot, short of the output cap) is closed here. */
        S_close_spans(&w);
        w.nspan = w.strong = w.em = w.link = 0;
        w.nbox = w.box_over = w.nlist = w.list_over = 0;
        w.heading = w.heading_depth = w.heading_pending = w.inl = w.figure = 0;
        w.dtable = CD_NONE;
        w.in_cell = 0;
        w.dirty = 0;
    }
    if (w.scratch.failed || w.ubuf.failed) out->failed = 1;
    cd_buf_free(&w.scratch);
    cd_buf_free(&w.ubuf);
    if (!out->data) cd_buf_put(out, "", 0);
}
