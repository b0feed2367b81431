/* output/walk: what the text and Markdown renderers share about the tree.
 *
 * Both walk the content roots in pre-order without recursion and skip the same
 * nodes; both need to tell a data table (rows of cells, rendered as rows) from
 * a layout table (cells used as page columns, rendered as ordinary blocks). */
#ifndef CD_OUTPUT_WALK_H
#define CD_OUTPUT_WALK_H

#include <stdint.h>

#include "../dom/dom.h"
#include "../extract/extract.h"
#include "../util/buf.h"

/* Is node id left out of the rendering (dropped, the headline, or invisible)?
 * When extraction ran, its marks decide alone: it has already dropped what is
 * invisible, and it keeps on purpose some hidden content (a server-rendered page
 * whose whole body waits for a script to be revealed). Without marks, the
 * element's own visibility decides. */
static inline int cd_walk_skip(const cd_dom *dom, const cd_extract *x, cd_nid id)
{
    if (x->mark && id < x->mark_cap)
        return x->mark[id] != CD_MARK_NONE;
    return cd_dom_node(dom, id)->type == CD_NODE_ELEMENT && !cd_extract_node_visible(dom, id);
}

/* The pre-order walk both renderers share: over the subtree of root, skipping
 * what cd_walk_skip() leaves out. Element nodes get enter() and, when enter()
 * returned nonzero (visit the children), leave() after their children; text
 * nodes get text(). The walk stops early when out->len passes CD_MAX_OUTPUT or
 * out has failed. No recursion: it climbs with parent links. */
typedef struct cd_walk_ops {
    int (*enter)(void *ctx, cd_nid id, const cd_node *n);
    void (*leave)(void *ctx, cd_nid id, const cd_node *n);
    void (*text)(void *ctx, const cd_node *n);
    /* A reason for a drop (CD_WHY_*) this renderer shows anyway, 0 = none:
     * Markdown keeps the figure captions left out of `text` on an article
     * page (CD_WHY_CAPTION) under the pictures it shows. */
    uint8_t show_why;
} cd_walk_ops;

void cd_walk_root(const cd_dom *dom, const cd_extract *x, cd_nid root, const cd_walk_ops *ops,
                  void *ctx, const cd_buf *out);
/* The same, for a render that starts at out[base] (appended to something
 * else: JSON's `markdown`): the walk stops when out->len - base passes
 * CD_MAX_OUTPUT. */
void cd_walk_root_from(const cd_dom *dom, const cd_extract *x, cd_nid root, const cd_walk_ops *ops,
                       void *ctx, const cd_buf *out, size_t base);

/* Widest colspan counted; a hostile colspan="100000" must not make a GFM row that wide. */
#define CD_WALK_MAX_COLSPAN 32u

/* Classify the table element `table`: 1 when it is a data table (at least two
 * columns, no nested table and no paragraph-level blocks such as p, lists,
 * headings or block quotes in it), 0 for a layout table. *ncols gets the widest
 * row in cells (colspan counted); *st (when not NULL) what Markdown weighs
 * its padding with. One pass over the table's own subtree that
 * stops at the first nested table, so classifying every table of a page is
 * linear in the page. */
typedef struct {
    uint64_t missing;  /* cells the rows lack against the widest row (colspan counted) */
    uint64_t present;  /* cells the rows have (colspan counted) */
    uint64_t elements; /* td and th elements */
} cd_walk_table_stats;

int cd_walk_table_scan(const cd_dom *dom, const cd_extract *x, cd_nid table, uint32_t *ncols,
                       cd_walk_table_stats *st);

/* The colspan of a cell, 1..CD_WALK_MAX_COLSPAN. */
uint32_t cd_walk_colspan(const cd_dom *dom, cd_nid cell);

#endif
