/* parse/myhtml_port: build copydesk's tree with myhtml (libmodest), an HTML5
 * (WHATWG) conformant tokenizer and tree builder.
 *
 * myhtml runs in single-threaded mode and keeps one tree per cd_parser,
 * cleaned after each page so its internal pools are reused (that reuse is
 * what makes it fast; with a fresh tree per page it runs at less than half the
 * speed). We copy what we need into our own tree right after parsing and
 * clean myhtml's at once, so no myhtml pointer escapes this file. */
#include <string.h>

#include <myhtml/api.h>

#include "../util/limits.h"
#include "parse.h"

struct cd_parser {
    const cd_mem *mem;
    myhtml_t *myhtml;
    myhtml_tree_t *tree;
    uint16_t map[MyHTML_TAG_LAST_ENTRY]; /* myhtml tag id -> enum cd_tag */
};

cd_parser *cd_parser_new(const cd_mem *mem)
{
    cd_parser *p = mem->calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->mem = mem;
    p->myhtml = myhtml_create();
    if (!p->myhtml || myhtml_init(p->myhtml, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0) != MyHTML_STATUS_OK)
        goto fail;
    p->tree = myhtml_tree_create();
    if (!p->tree || myhtml_tree_init(p->tree, p->myhtml) != MyHTML_STATUS_OK)
        goto fail;
    myhtml_tree_parse_flags_set(p->tree, MyHTML_TREE_PARSE_FLAGS_WITHOUT_DOCTYPE_IN_TREE);
    for (unsigned id = 0; id < MyHTML_TAG_LAST_ENTRY; id++) {
        size_t len = 0;
        const char *name = myhtml_tag_name_by_id(p->tree, id, &len);
        p->map[id] = name ? cd_tag_lookup(name, len) : CD_TAG_UNKNOWN;
    }
    return p;
fail:
    cd_parser_free(p);
    return NULL;
}

void cd_parser_free(cd_parser *p)
{
    if (!p)
        return;
    if (p->tree)
        myhtml_tree_destroy(p->tree);
    if (p->myhtml)
        myhtml_destroy(p->myhtml);
    p->mem->free(p);
}

/* Copy one myhtml element into a new cd node (tag, name, attributes). */
static cd_nid S_copy_element(cd_parser *p, cd_dom *dom, myhtml_tree_node_t *mn)
{
    myhtml_tag_id_t tid = myhtml_node_tag_id(mn);
    uint16_t tag;
    const char *name = NULL;
    size_t name_len = 0;
    if (tid < MyHTML_TAG_LAST_ENTRY) {
        tag = p->map[tid];
        if (tag == CD_TAG_UNKNOWN)
            name = myhtml_tag_name_by_id(p->tree, tid, &name_len);
    } else {
        name = myhtml_tag_name_by_id(p->tree, tid, &name_len);
        tag = name ? cd_tag_lookup(name, name_len) : CD_TAG_UNKNOWN;
    }
    /* Foreign content: keep the <svg>/<math> root, drop what is inside SVG. */
    myhtml_namespace_t ns = myhtml_node_namespace(mn);
    if (ns == MyHTML_NAMESPACE_SVG)
        tag = CD_TAG_SVG;
    cd_nid id = cd_dom_new_element(dom, tag, name, name_len);
    if (!id)
        return CD_NONE;

    cd_attr attrs[CD_MAX_ATTRS];
    uint32_t n = 0;
    for (myhtml_tree_attr_t *a = myhtml_node_attribute_first(mn); a && n < CD_MAX_ATTRS;
         a = myhtml_attribute_next(a)) {
        size_t kl = 0, vl = 0;
        const char *k = myhtml_attribute_key(a, &kl);
        const char *v = myhtml_attribute_value(a, &vl);
        if (!k || kl == 0 || kl > 256)
            continue;
        attrs[n].name = k;
        attrs[n].name_len = (uint32_t)kl;
        attrs[n].value = v ? v : "";
        attrs[n].value_len = v ? (uint32_t)(vl > CD_MAX_ATTR_LEN ? CD_MAX_ATTR_LEN : vl) : 0;
        n++;
    }
    cd_dom_set_attrs(dom, id, attrs, n);
    return id;
}

copydesk_status cd_parse_html(cd_parser *p, const char *html, size_t len, cd_dom *dom)
{
    if (myhtml_parse(p->tree, MyENCODING_UTF_8, html, len) != MyHTML_STATUS_OK) {
        myhtml_tree_clean(p->tree);
        return COPYDESK_ERR_PARSE;
    }
    cd_nid root = cd_dom_new_document(dom);
    if (!root) {
        myhtml_tree_clean(p->tree);
        return COPYDESK_ERR_NOMEM;
    }

    /* Iterative pre-order walk over myhtml's tree. `parent` is the cd node the
     * next copied node attaches to; depth counts cd depth so that a page
     * nested deeper than CD_MAX_DEPTH is flattened at that depth. */
    myhtml_tree_node_t *mroot = myhtml_tree_get_document(p->tree);
    myhtml_tree_node_t *mn = mroot ? myhtml_node_child(mroot) : NULL;
    cd_nid parent = root;
    unsigned depth = 1, clamped = 0; /* clamped: myhtml levels entered beyond the limit */
    while (mn && !dom->failed) {
        myhtml_tag_id_t tid = myhtml_node_tag_id(mn);
        cd_nid made = CD_NONE;
        int descend = 0;
        if (tid == MyHTML_TAG__TEXT) {
            size_t tl = 0;
            const char *t = myhtml_node_text(mn, &tl);
            if (t && tl) {
                /* Merge with a preceding text sibling (myhtml may split runs). */
                made = cd_dom_new_text(dom, t, tl);
                if (made)
                    cd_dom_append(dom, parent, made);
            }
        } else if (tid != MyHTML_TAG__COMMENT && tid != MyHTML_TAG__DOCTYPE &&
                   tid != MyHTML_TAG__UNDEF) {
            made = S_copy_element(p, dom, mn);
            if (made) {
                cd_dom_append(dom, parent, made);
                uint16_t tag = dom->nodes[made].tag;
                if (tag == CD_TAG_HTML && !dom->html)
                    dom->html = made;
                else if (tag == CD_TAG_HEAD && !dom->head)
                    dom->head = made;
                else if (tag == CD_TAG_BODY && !dom->body)
                    dom->body = made;
                /* SVG internals are drawings, not text. */
                descend = tag != CD_TAG_SVG;
            }
        }
        myhtml_tree_node_t *child = descend ? myhtml_node_child(mn) : NULL;
        if (child) {
            if (depth < CD_MAX_DEPTH) {
                parent = made;
                depth++;
            } else {
                clamped++;
                dom->truncated = 1;
            }
            mn = child;
            continue;
        }
        /* Climb until a node with a next sibling. */
        while (mn && !myhtml_node_next(mn)) {
            mn = myhtml_node_parent(mn);
            if (!mn || mn == mroot) {
                mn = NULL;
                break;
            }
            if (clamped)
                clamped--;
            else {
                parent = dom->nodes[parent].parent;
                depth--;
            }
        }
        if (mn)
            mn = myhtml_node_next(mn);
    }
    myhtml_tree_clean(p->tree);
    return dom->failed ? COPYDESK_ERR_NOMEM : COPYDESK_OK;
}
