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

/* The first CD_EXPLAIN_TEXT characters of the text under id, spaces collapsed. */
static size_t S_text(const cd_dom *dom, cd_nid id, char *buf, size_t cap)
{
    size_t len = 0, chars = 0;
    int space = 0;
    for (cd_nid t = id; t && chars < CD_EXPLAIN_TEXT;) {
        const cd_node *n = cd_dom_node(dom, t);
        if (n->type == CD_NODE_ELEMENT && t != id && (cd_tag_flags(n->tag) & CD_TF_SKIP)) {
            t = cd_dom_next_skip(dom, t, id);
            continue;
        }
        if (n->type == CD_NODE_TEXT) {
            for (uint32_t i = 0; i < n->len && chars < CD_EXPLAIN_TEXT; i++) {
                unsigned char b = (unsigned char)n->u.text[i];
                if (cd_isspace(b)) {
                    space = len > 0;
                    continue;
                }
                /* A whole UTF-8 sequence or nothing. */
                size_t k = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                if (len + k + 1 >= cap || i + k > n->len) return len;
                if (space) {
                    buf[len++] = ' ';
                    chars++;
                }
                space = 0;
                memcpy(buf + len, n->u.text + i, k);
                len += k;
                i += (uint32_t)(k - 1);
                chars++;
            }
            space = len > 0;
        }
        t = cd_dom_next(dom, t, id);
    }
    return len;
}

/* The first CD_EXPLAIN_TEXT characters of s[0..n), spaces collapsed and
 * trimmed. */
static size_t S_span(const char *s, size_t n, char *buf, size_t cap)
{
    size_t len = 0, chars = 0;
    int space = 0;
    for (size_t i = 0; i < n && chars < CD_EXPLAIN_TEXT; i++) {
        unsigned char b = (unsigned char)s[i];
        if (cd_isspace(b)) {
            space = len > 0;
            continue;
        }
        size_t k = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
        if (len + k + 1 >= cap || i + k > n) break;
        if (space) {
            buf[len++] = ' ';
            chars++;
        }
        space = 0;
        memcpy(buf + len, s + i, k);
        len += k;
        i += k - 1;
        chars++;
    }
    return len;
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

void cd_render_explain(const cd_dom *dom, const cd_extract *x, cd_buf *out)
{
    cd_buf_puts(out, ",\"mode\":");
    cd_buf_puts(out, x->broad ? "\"broad\"" : x->article ? "\"article\"" : "\"container\"");
    cd_buf_puts(out, ",\"dropped\":[");
    char buf[CD_EXPLAIN_TEXT * 4 + 8];
    int first = 1, listed = 0;
    for (uint32_t r = 0; r < x->nroots && x->mark && x->why && listed < CD_EXPLAIN_MAX; r++) {
        cd_nid root = x->roots[r];
        for (cd_nid id = root; id && listed < CD_EXPLAIN_MAX;) {
            const cd_node *n = cd_dom_node(dom, id);
            if (x->mark[id] != CD_MARK_DROP) {
                /* The bytes of a text node cut out (a dateline, a sign-off). */
                for (uint32_t c = 0;
                     n->type == CD_NODE_TEXT && c < x->ncuts && listed < CD_EXPLAIN_MAX; c++) {
                    const cd_cut *cut = &x->cuts[c];
                    const char *why = cut->node == id ? cd_extract_reason(cut->why) : NULL;
                    size_t len = why ? S_span(n->u.text + cut->off, cut->len, buf, sizeof buf) : 0;
                    if (!len) continue;
                    S_item(out, &first, why, buf, len);
                    listed++;
                }
                id = cd_dom_next(dom, id, root);
                continue;
            }
            const char *why = cd_extract_reason(x->why[id]);
            size_t len = why && n->type != CD_NODE_DOCUMENT ? S_text(dom, id, buf, sizeof buf) : 0;
            if (len) {
                S_item(out, &first, why, buf, len);
                listed++;
            }
            id = cd_dom_next_skip(dom, id, root);
        }
    }
    cd_buf_putc(out, ']');
}
