/* fuzz/fuzz_parse: the parse stage boundary (src/parse/ -> src/dom/).
 *
 * The input's valid UTF-8 prefix (cd_parse_html's contract) is parsed twice
 * with one cd_parser, as a batch reuses it: the second tree must be the same
 * size as the first (the parser's scratch memory is reused between pages).
 * Every tree must pass cd_dom_check, stay within CD_MAX_NODES and
 * CD_MAX_DEPTH, hold only valid UTF-8 in its text and attribute values, and
 * keep at most CD_MAX_ATTRS attributes of at most CD_MAX_ATTR_LEN bytes per
 * element. The arena, tree and parser are released on every path. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dom/dom.h"
#include "parse/parse.h"
#include "util/limits.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void S_valid(const char *s, size_t n)
{
    if (n && !s)
        abort();
    if (n && cd_utf8_valid_prefix((const unsigned char *)s, n) != n)
        abort();
}

/* Walk the tree without recursion and check what cd_dom_check does not. */
static void S_check_tree(const cd_dom *dom)
{
    if (!cd_dom_check(dom))
        abort();
    if (dom->count > CD_MAX_NODES + 2u)
        abort();
    cd_nid root = cd_dom_root(dom);
    for (cd_nid id = root; id; id = cd_dom_next(dom, id, root)) {
        const cd_node *n = cd_dom_node(dom, id);
        unsigned depth = 0;
        for (cd_nid up = n->parent; up; up = cd_dom_node(dom, up)->parent)
            if (++depth > CD_MAX_DEPTH + 1u)
                abort();
        if (n->type == CD_NODE_TEXT) {
            S_valid(n->u.text, n->len);
        } else if (n->type == CD_NODE_ELEMENT) {
            if (n->len > CD_MAX_ATTRS)
                abort();
            for (uint32_t i = 0; i < n->len; i++) {
                const cd_attr *a = &n->u.attr[i];
                if (!a->name || a->name_len == 0 || a->value_len > CD_MAX_ATTR_LEN)
                    abort();
                S_valid(a->name, a->name_len);
                S_valid(a->value, a->value_len);
            }
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *html = (const char *)data;
    size_t n = cd_utf8_valid_prefix(data, size);

    cd_arena arena;
    cd_dom dom;
    cd_arena_init(&arena, cd_mem_default(), 64 * 1024);
    cd_dom_init(&dom, cd_mem_default(), &arena);
    cd_parser *p = cd_parser_new(cd_mem_default());
    if (!p)
        abort();
    uint32_t first = 0;
    for (int pass = 0; pass < 2; pass++) {
        copydesk_status st = cd_parse_html(p, html, n, &dom);
        if (st == COPYDESK_OK) {
            S_check_tree(&dom);
            if (pass == 0)
                first = dom.count;
            else if (dom.count != first)
                abort();
        } else if (st != COPYDESK_ERR_PARSE && st != COPYDESK_ERR_NOMEM) {
            abort();
        }
        cd_dom_reset(&dom);
        cd_arena_reset(&arena);
    }
    cd_parser_free(p);
    cd_dom_free(&dom);
    cd_arena_free(&arena);
    return 0;
}
