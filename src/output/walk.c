/* output/walk: table classification shared by the text and Markdown renderers.
 *
 * The test is the one readers and converters commonly use (Readability's
 * _isDataTable in spirit, simplified): a table whose cells hold paragraphs,
 * lists, headings or other tables is page layout; one with at least two
 * columns of inline content is data. */
#include "../util/limits.h"
#include "walk.h"

uint32_t cd_walk_colspan(const cd_dom *dom, cd_nid cell)
{
    size_t len = 0;
    const char *v = cd_dom_attr(dom, cell, "colspan", &len);
    uint32_t span = 0;
    for (size_t i = 0; v && i < len && v[i] >= '0' && v[i] <= '9'; i++) {
        span = span * 10 + (uint32_t)(v[i] - '0');
        if (span >= CD_WALK_MAX_COLSPAN) return CD_WALK_MAX_COLSPAN;
    }
    return span ? span : 1;
}

int cd_walk_table_scan(const cd_dom *dom, const cd_extract *x, cd_nid table, uint32_t *ncols,
                       cd_walk_table_stats *st)
{
    uint32_t widest = 0, cur = 0, rows = 0;
    uint64_t cells = 0, elements = 0;
    cd_nid id = cd_dom_next(dom, table, table);
    *ncols = 0;
    while (id) {
        const cd_node *n = cd_dom_node(dom, id);
        if (n->type != CD_NODE_ELEMENT) {
            id = cd_dom_next(dom, id, table);
            continue;
        }
        if (cd_walk_skip(dom, x, id)) {
            id = cd_dom_next_skip(dom, id, table);
            continue;
        }
        switch (n->tag) {
        case CD_TAG_TR:
            if (cur > widest) widest = cur;
            cur = 0;
            rows++;
            break;
        case CD_TAG_TD:
        case CD_TAG_TH:
            cur += cd_walk_colspan(dom, id);
            if (rows) cells += cd_walk_colspan(dom, id);
            elements++;
            break;
        case CD_TAG_TABLE:
        case CD_TAG_P:
        case CD_TAG_H1:
        case CD_TAG_H2:
        case CD_TAG_H3:
        case CD_TAG_H4:
        case CD_TAG_H5:
        case CD_TAG_H6:
        case CD_TAG_UL:
        case CD_TAG_OL:
        case CD_TAG_DL:
        case CD_TAG_BLOCKQUOTE:
        case CD_TAG_PRE:
        case CD_TAG_ARTICLE:
        case CD_TAG_SECTION:
        case CD_TAG_MAIN:
        case CD_TAG_FIGURE:
        case CD_TAG_HR:
        case CD_TAG_FORM:
        case CD_TAG_HEADER:
        case CD_TAG_FOOTER:
        case CD_TAG_NAV:
        case CD_TAG_ASIDE:
        case CD_TAG_ADDRESS:
        case CD_TAG_DETAILS:
        case CD_TAG_FIELDSET:
            return 0;
        default:
            break;
        }
        id = cd_dom_next(dom, id, table);
    }
    if (cur > widest) widest = cur;
    *ncols = widest;
    if (st) {
        st->missing = (uint64_t)rows * widest > cells ? (uint64_t)rows * widest - cells : 0;
        st->present = cells;
        st->elements = elements;
    }
    return rows >= 1 && widest >= 2;
}

/* A text node with cuts (cd_extract_cut) is rendered as the pieces between them. */
static void S_text_cut(const cd_extract *x, cd_nid id, const cd_node *n, const cd_walk_ops *ops,
                       void *ctx)
{
    uint32_t at = 0;
    for (uint32_t i = 0; i < x->ncuts; i++) {
        const cd_cut *c = &x->cuts[i];
        if (c->node != id)
            continue;
        if (c->off > at) {
            cd_node piece = *n;
            piece.u.text = n->u.text + at;
            piece.len = c->off - at;
            ops->text(ctx, &piece);
        }
        at = c->off + c->len;
    }
    if (at == 0) {
        ops->text(ctx, n);
    } else if (at < n->len) {
        cd_node piece = *n;
        piece.u.text = n->u.text + at;
        piece.len = n->len - at;
        ops->text(ctx, &piece);
    }
}

void cd_walk_root(const cd_dom *dom, const cd_extract *x, cd_nid root, const cd_walk_ops *ops,
                  void *ctx, const cd_buf *out)
{
    cd_walk_root_from(dom, x, root, ops, ctx, out, 0);
}

void cd_walk_root_from(const cd_dom *dom, const cd_extract *x, cd_nid root, const cd_walk_ops *ops,
                       void *ctx, const cd_buf *out, size_t base)
{
    cd_nid id = root;
    while (id) {
        const cd_node *n = cd_dom_node(dom, id);
        if (cd_walk_skip(dom, x, id) &&
            !(ops->show_why && x->mark && x->why && x->mark[id] == CD_MARK_DROP && x->why[id] == ops->show_why)) {
            /* left out, with its subtree */
        } else if (n->type == CD_NODE_TEXT) {
            if (x->ncuts)
                S_text_cut(x, id, n, ops, ctx);
            else
                ops->text(ctx, n);
        } else {
            if (out->len - base > CD_MAX_OUTPUT || out->failed)
                return;
            int descend = n->type == CD_NODE_ELEMENT ? ops->enter(ctx, id, n) : 1;
            if (descend && n->first) {
                id = n->first;
                continue;
            }
            if (descend && n->type == CD_NODE_ELEMENT)
                ops->leave(ctx, id, n);
        }
        /* Up to the next sibling, leaving every element we climb out of. */
        cd_nid cur = id;
        id = CD_NONE;
        while (cur != root) {
            const cd_node *cn = cd_dom_node(dom, cur);
            if (cn->next) {
                id = cn->next;
                break;
            }
            cur = cn->parent;
            if (!cur)
                break;
            const cd_node *pn = cd_dom_node(dom, cur);
            if (pn->type == CD_NODE_ELEMENT)
                ops->leave(ctx, cur, pn);
        }
    }
}
