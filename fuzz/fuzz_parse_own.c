/* fuzz/fuzz_parse_own: our tokenizer and tree builder (src/parse/tree.c),
 * directly (parse/ports.h). Run with no sanitizer suppressions at all
 * (docs/reliability.md).
 *
 * The input's first byte picks the options (bit 0: CD_PARSE_KEEP_ALL, as
 * --dump-tree parses); the rest, as raw bytes (NUL, invalid UTF-8 and all:
 * the tree builder must cope even though src/input cleans pages first), is
 * parsed twice with one parser, as a batch reuses it, and must give the same
 * tree both times. Every tree must pass cd_dom_check, have its ids in
 * document order (parent and previous sibling before a node) with every node
 * in the tree, stay within CD_MAX_NODES, CD_MAX_DEPTH (+1 for a leaf's text),
 * CD_MAX_ATTRS and CD_MAX_ATTR_LEN, hold only the node types of its mode, and
 * print with cd_parse_dump. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dom/dom.h"
#include "parse/ports.h"
#include "util/limits.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void S_check(const cd_dom *dom, int keep)
{
    if (!cd_dom_check(dom) || dom->count > CD_MAX_NODES + 2u)
        abort();
    uint32_t seen = 0;
    for (cd_nid id = 1; id; id = cd_dom_next(dom, id, 1)) {
        const cd_node *n = cd_dom_node(dom, id);
        seen++;
        if (id > 1 && (n->parent >= id || (n->prev && n->prev >= id)))
            abort();
        unsigned depth = 0;
        for (cd_nid up = n->parent; up; up = cd_dom_node(dom, up)->parent)
            if (++depth > CD_MAX_DEPTH + 1u)
                abort();
        switch (n->type) {
        case CD_NODE_DOCUMENT:
            if (id != 1)
                abort();
            break;
        case CD_NODE_TEXT:
            if (n->len && !n->u.text)
                abort();
            break;
        case CD_NODE_ELEMENT:
            if (n->len > CD_MAX_ATTRS)
                abort();
            for (uint32_t i = 0; i < n->len; i++) {
                const cd_attr *a = &n->u.attr[i];
                if (!a->name || !a->value || a->value_len > CD_MAX_ATTR_LEN)
                    abort();
            }
            if (n->tag == CD_TAG_UNKNOWN && !n->name)
                abort();
            break;
        case CD_NODE_COMMENT:
        case CD_NODE_DOCTYPE:
        case CD_NODE_FRAGMENT:
            if (!keep)
                abort();
            break;
        default: abort();
        }
    }
    if (seen != dom->count - 1)
        abort(); /* a node outside the tree */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned opts = (data[0] & 1) ? CD_PARSE_KEEP_ALL : 0;
    const char *html = (const char *)data + 1;
    size_t n = size - 1;

    cd_arena arena;
    cd_dom dom;
    cd_buf out;
    cd_arena_init(&arena, cd_mem_default(), 64 * 1024);
    cd_dom_init(&dom, cd_mem_default(), &arena);
    cd_buf_init(&out, cd_mem_default());
    cd_own_parser *p = cd_own_parser_new(cd_mem_default());
    if (!p)
        abort();
    uint32_t first = 0;
    size_t first_dump = 0;
    for (int pass = 0; pass < 2; pass++) {
        copydesk_status st = cd_own_parse(p, html, n, &dom, opts);
        if (st == COPYDESK_OK) {
            S_check(&dom, opts & CD_PARSE_KEEP_ALL);
            cd_buf_clear(&out);
            cd_parse_dump(&dom, &out);
            if (pass == 0) {
                first = dom.count;
                first_dump = out.len;
            } else if (dom.count != first || out.len != first_dump) {
                abort();
            }
        } else if (st != COPYDESK_ERR_NOMEM) {
            abort();
        }
        cd_dom_reset(&dom);
        cd_arena_reset(&arena);
    }
    cd_own_parser_free(p);
    cd_buf_free(&out);
    cd_dom_free(&dom);
    cd_arena_free(&arena);
    return 0;
}
