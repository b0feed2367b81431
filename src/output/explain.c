/* output/explain: what extraction left out of the article, for --explain.
 *
 * Every block extraction dropped inside the content roots is listed with
 * the rule that dropped it (cd_extract_reason: "teaser-list",
 * "comment-thread", "furniture", "chrome-class", "clean-link-density",
 * "field" for a line moved into a metadata field, the news stage's
 * "byline", "dateline", "date-line", "credit", "copyright", "caption" …) and
 * the start of its text, in document order, with the bytes cut out of a
 * text node (a dateline) listed where they stood; "mode" says how the content was chosen:
 * "article" (one article: the lists, comments and furniture beside it
 * dropped), "broad" (the page minus its chrome: not one article) or
 * "container" (the best container). What lies outside the roots was never
 * chosen and is not listed. */
#include <string.h>

#include "../util/ctype.h"
#include "output.h"

#define CD_EXPLAIN_MAX 200 /* dropped blocks listed, at most */
#define CD_EXPLAIN_TEXT 80 /* characters of each block's text */

/* The bytes of a white-space character at s[i] (of n): ASCII's, U+0085,
 * the no-break spaces (U+00A0, U+202F), U+1680, U+2000-U+200A, U+2028,
 * U+2029, U+205F, U+3000; 0 for any other character. *zero is set for the
 * zero-width ones (U+200B, U+FEFF), which are no space either. */
static size_t S_space(const unsigned char *s, size_t n, size_t i, int *zero)
{
    *zero = 0;
    if (cd_isspace(s[i])) return 1;
    if (s[i] == 0xC2 && i + 1 < n && (s[i + 1] == 0xA0 || s[i + 1] == 0x85)) return 2;
    if (i + 2 >= n) return 0;
    unsigned a = s[i + 1], b = s[i + 2];
    if ((s[i] == 0xE2 && a == 0x80 && (b == 0x8B)) || (s[i] == 0xEF && a == 0xBB && b == 0xBF)) {
        *zero = 1;
        return 3;
    }
    if ((s[i] == 0xE1 && a == 0x9A && b == 0x80) ||
        (s[i] == 0xE2 && a == 0x80 && (b <= 0x8A || b == 0xA8 || b == 0xA9 || b == 0xAF)) ||
        (s[i] == 0xE2 && a == 0x81 && b == 0x9F) || (s[i] == 0xE3 && a == 0x80 && b == 0x80))
        return 3;
    return 0;
}

/* The opening of a block's text being gathered: at most CD_EXPLAIN_TEXT
 * characters, white space (S_space) collapsed to one space and trimmed, so
 * that a block of nothing but no-break spaces opens with nothing (and is
 * not listed: it leaves nothing visible out). */
typedef struct {
    char *buf;
    size_t cap, len, chars;
    int space;
} S_open;

/* Append s[0..n) to o; 0 when o is full. */
static int S_feed(S_open *o, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        if (o->chars >= CD_EXPLAIN_TEXT) return 0;
        int zero;
        size_t w = S_space(u, n, i, &zero);
        if (w) {
            if (!zero) o->space = o->len > 0;
            i += w;
            continue;
        }
        /* A whole UTF-8 sequence or nothing. */
        size_t k = u[i] < 0x80 ? 1 : u[i] >= 0xF0 ? 4 : u[i] >= 0xE0 ? 3 : 2;
        if (o->len + k + 2 >= o->cap || i + k > n) return 0;
        if (o->space) {
            o->buf[o->len++] = ' ';
            o->chars++;
        }
        o->space = 0;
        memcpy(o->buf + o->len, s + i, k);
        o->len += k;
        i += k;
        o->chars++;
    }
    return 1;
}

/* The opening of the text under id (S_open), passing over the elements
 * whose content is never text. */
static size_t S_text(const cd_dom *dom, cd_nid id, char *buf, size_t cap)
{
    S_open o = {buf, cap, 0, 0, 0};
    for (cd_nid t = id; t;) {
        const cd_node *n = cd_dom_node(dom, t);
        if (n->type == CD_NODE_ELEMENT && t != id && (cd_tag_flags(n->tag) & CD_TF_SKIP)) {
            t = cd_dom_next_skip(dom, t, id);
            continue;
        }
        if (n->type == CD_NODE_TEXT) {
            if (!S_feed(&o, n->u.text, n->len)) break;
            o.space = o.len > 0;
        }
        t = cd_dom_next(dom, t, id);
    }
    return o.len;
}

/* The opening of s[0..n) (S_open). */
static size_t S_span(const char *s, size_t n, char *buf, size_t cap)
{
    S_open o = {buf, cap, 0, 0, 0};
    S_feed(&o, s, n);
    return o.len;
}

static void S_item(cd_buf *out, int *first, const char *why, const char *text, size_t len)
{
    if (!*first) cd_buf_putc(out, ',');
    *first = 0;
    cd_buf_puts(out, "{\"reason\":\"");
    cd_buf_puts(out, why);
    cd_buf_puts(out, "\",\"text\":");
    cd_json_string(out, text, len);
    cd_buf_putc(out, '}');
}

#ifdef CD_EXTRACT_DEBUG
#include <stdio.h>
#include <stdlib.h>

/* CD_CONTENT=1 (a -DCD_EXTRACT_DEBUG build): the chosen content, whatever
 * its marks, as one JSON line on stderr: every text node of the roots that
 * holds more than white space, split where cuts stand, as
 * [root, node, unit, state, why, reason, skip, text]: state 'k' rendered,
 * 'd' under the dropped node unit (why its code, reason its
 * cd_extract_reason, "" for none), 't' under the
 * headline, 'c' cut (unit the text node); skip 1 when, below the unit,
 * an element whose content is never text (CD_TF_SKIP) holds it.
 * tools/explain_audit.py reads it. */
static void S_piece(cd_buf *b, int *first, uint32_t r, cd_nid t, cd_nid unit, char state, int why, int skip,
                    const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && cd_isspace((unsigned char)s[i]))
        i++;
    if (i == n) return;
    const char *name = why < 0 ? "" : cd_extract_reason((uint8_t)why);
    cd_buf_printf(b, "%s[%u,%u,%u,\"%c\",%d,\"%s\",%d,", *first ? "" : ",", r, t, unit, state, why,
                  name ? name : "", skip);
    cd_json_string(b, s, n);
    cd_buf_putc(b, ']');
    *first = 0;
}

static void S_content_dump(const cd_dom *dom, const cd_extract *x)
{
    if (!getenv("CD_CONTENT")) return;
    cd_buf b;
    cd_buf_init(&b, x->mem);
    int first = 1;
    cd_buf_printf(&b, "{\"content\":1,\"nroots\":%u,\"pieces\":[", x->nroots);
    for (uint32_t r = 0; r < x->nroots && x->mark; r++) {
        cd_nid root = x->roots[r];
        for (cd_nid t = root; t; t = cd_dom_next(dom, t, root)) {
            const cd_node *n = cd_dom_node(dom, t);
            if (n->type != CD_NODE_TEXT) continue;
            /* at: the outermost marked node; skip: an element of no text
             * below it (S_text passes over those, not over at itself). */
            cd_nid at = CD_NONE;
            int skip = 0, below = 0;
            for (cd_nid a = t;; a = cd_dom_node(dom, a)->parent) {
                const cd_node *an = cd_dom_node(dom, a);
                if (a < x->mark_cap && x->mark[a] != CD_MARK_NONE) at = a, skip = below;
                if (an->type == CD_NODE_ELEMENT && (cd_tag_flags(an->tag) & CD_TF_SKIP)) below = 1;
                if (a == root || !an->parent) break;
            }
            if (at) {
                int title = x->mark[at] == CD_MARK_TITLE;
                S_piece(&b, &first, r, t, at, title ? 't' : 'd', title ? -1 : x->why[at], skip, n->u.text, n->len);
                continue;
            }
            uint32_t off = 0;
            for (uint32_t c = 0; c < x->ncuts; c++) {
                const cd_cut *cut = &x->cuts[c];
                if (cut->node != t) continue;
                if (cut->off > off) S_piece(&b, &first, r, t, 0, 'k', -1, skip, n->u.text + off, cut->off - off);
                S_piece(&b, &first, r, t, t, 'c', cut->why, skip, n->u.text + cut->off, cut->len);
                off = cut->off + cut->len;
            }
            if (off < n->len) S_piece(&b, &first, r, t, 0, 'k', -1, skip, n->u.text + off, n->len - off);
        }
    }
    cd_buf_puts(&b, "]}\n");
    if (b.data) fwrite(b.data, 1, b.len, stderr);
    cd_buf_free(&b);
}
#endif

/* The blocks past CD_EXPLAIN_MAX: a count per reason, in the order each
 * reason first came. */
typedef struct {
    uint32_t count[256];
    uint8_t order[256];
    int nreasons;
} S_rest;

/* One block left out for reason code why (cd_extract_reason gives its name),
 * opening with buf[0..len): listed, or counted once CD_EXPLAIN_MAX are. */
static void S_block(cd_buf *out, int *first, int *listed, S_rest *rest, uint8_t why, const char *buf, size_t len)
{
    if (*listed < CD_EXPLAIN_MAX) {
        S_item(out, first, cd_extract_reason(why), buf, len);
        ++*listed;
        return;
    }
    if (!rest->count[why]++) rest->order[rest->nreasons++] = why;
}

void cd_render_explain(const cd_dom *dom, const cd_extract *x, cd_buf *out)
{
#ifdef CD_EXTRACT_DEBUG
    S_content_dump(dom, x);
#endif
    cd_buf_puts(out, ",\"mode\":");
    cd_buf_puts(out, x->index     ? "\"index\""
                     : x->broad   ? "\"broad\""
                     : x->article ? "\"article\""
                                  : "\"container\"");
    cd_buf_puts(out, ",\"dropped\":[");
    char buf[CD_EXPLAIN_TEXT * 4 + 8];
    int first = 1, listed = 0;
    S_rest rest;
    rest.nreasons = 0;
    memset(rest.count, 0, sizeof rest.count);
    for (uint32_t r = 0; r < x->nroots && x->mark && x->why; r++) {
        cd_nid root = x->roots[r];
        for (cd_nid id = root; id;) {
            const cd_node *n = cd_dom_node(dom, id);
            if (x->mark[id] != CD_MARK_DROP) {
                /* The bytes of a text node cut out (a dateline, a sign-off). */
                for (uint32_t c = 0; n->type == CD_NODE_TEXT && c < x->ncuts; c++) {
                    const cd_cut *cut = &x->cuts[c];
                    const char *why = cut->node == id ? cd_extract_reason(cut->why) : NULL;
                    size_t len = why ? S_span(n->u.text + cut->off, cut->len, buf, sizeof buf) : 0;
                    if (len) S_block(out, &first, &listed, &rest, cut->why, buf, len);
                }
                id = cd_dom_next(dom, id, root);
                continue;
            }
            const char *why = cd_extract_reason(x->why[id]);
            size_t len = why && n->type != CD_NODE_DOCUMENT ? S_text(dom, id, buf, sizeof buf) : 0;
            if (len) S_block(out, &first, &listed, &rest, x->why[id], buf, len);
            id = cd_dom_next_skip(dom, id, root);
        }
    }
    /* Past the cap, what is not listed is still counted, by reason: every
     * block left out has its reason in the record. */
    for (int i = 0; i < rest.nreasons; i++) {
        uint8_t why = rest.order[i];
        cd_buf_puts(out, ",{\"reason\":\"");
        cd_buf_puts(out, cd_extract_reason(why));
        cd_buf_printf(out, "\",\"text\":\"\",\"more\":%u}", rest.count[why]);
    }
    cd_buf_putc(out, ']');
}
