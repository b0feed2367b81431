/* output/text: the article as plain text.
 *
 * A walk over the content roots that emits inline text with whitespace
 * collapsed, and a paragraph break (a blank line) around every block element.
 * Pending breaks are merged, so nesting never doubles blank lines. */
#include "../util/ctype.h"
#include "output.h"

enum { S_NONE = 0, S_SPACE = 1, S_LINE = 2, S_PARA = 3 };

typedef struct {
    cd_buf *out;
    int pending; /* strongest separator owed before the next text */
    int pre;     /* inside <pre>: keep whitespace */
} S_w;

static void S_sep(S_w *w, int sep)
{
    if (sep > w->pending)
        w->pending = sep;
}

static void S_flush(S_w *w)
{
    if (w->out->len == 0) {
        w->pending = S_NONE;
        return;
    }
    if (w->pending == S_PARA)
        cd_buf_put(w->out, "\n\n", 2);
    else if (w->pending == S_LINE)
        cd_buf_putc(w->out, '\n');
    else if (w->pending == S_SPACE)
        cd_buf_putc(w->out, ' ');
    w->pending = S_NONE;
}

static void S_text(S_w *w, const char *s, uint32_t n)
{
    uint32_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (w->pre) {
            if (c == '\n') {
                S_sep(w, S_LINE);
                i++;
                continue;
            }
            S_flush(w);
            cd_buf_putc(w->out, (char)c);
            i++;
            continue;
        }
        if (cd_isspace(c)) {
            S_sep(w, S_SPACE);
            i++;
            continue;
        }
        uint32_t j = i;
        while (j < n && !cd_isspace((unsigned char)s[j]))
            j++;
        S_flush(w);
        cd_buf_put(w->out, s + i, j - i);
        i = j;
    }
}

static int S_block_sep(uint16_t tag)
{
    switch (tag) {
    case CD_TAG_LI:
    case CD_TAG_TR:
    case CD_TAG_DT:
    case CD_TAG_DD:
        return S_LINE;
    case CD_TAG_TD:
    case CD_TAG_TH:
        return S_NONE;
    default:
        return (cd_tag_flags(tag) & CD_TF_BLOCK) || tag == CD_TAG_UNKNOWN ? S_PARA : S_NONE;
    }
}

static void S_root(S_w *w, const cd_dom *dom, const cd_extract *x, cd_nid root)
{
    cd_nid id = root;
    while (id) {
        const cd_node *n = cd_dom_node(dom, id);
        if (x->mark && x->mark[id] != CD_MARK_NONE) {
            id = cd_dom_next_skip(dom, id, root);
            continue;
        }
        if (n->type == CD_NODE_TEXT) {
            S_text(w, n->u.text, n->len);
        } else if (n->type == CD_NODE_ELEMENT) {
            if (!cd_extract_node_visible(dom, id)) {
                id = cd_dom_next_skip(dom, id, root);
                continue;
            }
            if (n->tag == CD_TAG_BR) {
                S_sep(w, S_LINE);
            } else if (n->tag == CD_TAG_TD || n->tag == CD_TAG_TH) {
                if (n->prev)
                    S_sep(w, S_SPACE);
            } else {
                S_sep(w, S_block_sep(n->tag));
            }
            if (n->tag == CD_TAG_PRE)
                w->pre++;
        }
        /* Advance; on leaving elements, close their blocks. */
        if (n->first && n->type != CD_NODE_TEXT) {
            id = n->first;
            continue;
        }
        cd_nid cur = id;
        for (;;) {
            const cd_node *cn = cd_dom_node(dom, cur);
            if (cn->type == CD_NODE_ELEMENT) {
                S_sep(w, S_block_sep(cn->tag));
                if (cn->tag == CD_TAG_PRE && w->pre)
                    w->pre--;
            }
            if (cur == root) {
                id = CD_NONE;
                break;
            }
            if (cn->next) {
                id = cn->next;
                break;
            }
            cur = cn->parent;
            if (!cur) {
                id = CD_NONE;
                break;
            }
        }
    }
}

void cd_render_text(const cd_dom *dom, const cd_extract *x, unsigned options, cd_buf *out)
{
    S_w w = {out, S_NONE, 0};
    (void)options;
    for (uint32_t r = 0; r < x->nroots; r++) {
        S_sep(&w, S_PARA);
        S_root(&w, dom, x, x->roots[r]);
    }
    if (!out->data)
        cd_buf_put(out, "", 0);
}
