/* meta: combine the metadata sources (first cut: <title>). */
#include <string.h>

#include "meta.h"

void cd_meta_read(cd_meta *m, const cd_dom *dom, cd_arena *arena, const char *page_url)
{
    memset(m, 0, sizeof *m);
    (void)page_url;
    if (!dom->head)
        return;
    for (cd_nid id = dom->head; id; id = cd_dom_next(dom, id, dom->head)) {
        const cd_node *n = cd_dom_node(dom, id);
        if (n->type == CD_NODE_ELEMENT && n->tag == CD_TAG_TITLE && n->first) {
            const cd_node *t = cd_dom_node(dom, n->first);
            if (t->type == CD_NODE_TEXT)
                m->title = cd_arena_strndup(arena, t->u.text, t->len);
            break;
        }
    }
}
