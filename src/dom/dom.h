/* dom: copydesk's own compact tree, built by src/parse/ and read by every later stage.
 *
 * Nodes live in one growable array and refer to each other by index (cd_nid,
 * 0 = none), so a tree is a few allocations however large the page, and the
 * stages that score nodes keep their numbers in parallel arrays indexed the
 * same way. Strings (text, attribute names and values) are copied into the
 * document's arena. Comments and doctypes are not kept by the parses every
 * stage reads; only a "keep everything" parse for --dump-tree (see
 * parse/parse.h) adds comment, doctype and template-contents nodes, so no
 * stage ever meets them. Walks never recurse: cd_dom_next() gives pre-order
 * with an explicit stop node. */
#ifndef CD_DOM_H
#define CD_DOM_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/mem.h"

typedef uint32_t cd_nid;
#define CD_NONE 0u

enum cd_tag {
    CD_TAG_NONE = 0, /* the document node and text nodes */
    CD_TAG_UNKNOWN,  /* an element copydesk does not know (custom element) */
#define CD_TAG(e, n, f) CD_TAG_##e,
#include "tags.def"
#undef CD_TAG
    CD_TAG__COUNT
};

#define CD_TF_BLOCK 1u
#define CD_TF_VOID 2u
#define CD_TF_SKIP 4u
#define CD_TF_HEADING 8u
#define CD_TF_CLOSES_P 16u /* its start tag closes an open <p> (HTML §13.2.6.4.7) */

typedef enum cd_node_type {
    CD_NODE_DOCUMENT = 0,
    CD_NODE_ELEMENT = 1,
    CD_NODE_TEXT = 2,
    /* Only in trees parsed with CD_PARSE_KEEP_ALL (--dump-tree): */
    CD_NODE_COMMENT = 3,  /* u.text / len: the comment's data */
    CD_NODE_DOCTYPE = 4,  /* name: the name ("" when none); u.attr[0] public id, u.attr[1] system id */
    CD_NODE_FRAGMENT = 5  /* a <template>'s contents: the template element's only child */
} cd_node_type;

typedef struct cd_attr {
    const char *name; /* lower case */
    const char *value;
    uint32_t name_len;
    uint32_t value_len;
} cd_attr;

typedef struct cd_node {
    cd_nid parent, first, last, prev, next;
    uint16_t tag;  /* enum cd_tag */
    uint8_t type;  /* cd_node_type */
    uint8_t flags; /* CD_NF_*: low bits free for stages, high bits set by the parser */
    uint32_t len;  /* text, comment: byte length; element, doctype: attribute count */
    uint32_t cls;  /* element: its class key (cd_dom_index_classes), 0 before the index */
    union {
        const char *text;    /* text node: UTF-8, not NUL-terminated */
        const cd_attr *attr; /* element: its attributes */
    } u;
    const char *name; /* CD_TAG_UNKNOWN: the element's lower-case name */
} cd_node;

/* Node flags set by stages. */
#define CD_NF_HIDDEN 1u /* hidden by markup (hidden, aria-hidden, display:none) */
/* Set by the parser: the element's namespace when it is not HTML (foreign
 * content). Its tag is then still looked up by name (an SVG <a> is CD_TAG_A),
 * so code that cares must test these bits; the <svg> and <math> roots are
 * CD_TAG_SVG / CD_TAG_MATH with CD_NF_SVG / CD_NF_MATHML. */
#define CD_NF_SVG 0x40u
#define CD_NF_MATHML 0x80u
#define CD_NF_NS (CD_NF_SVG | CD_NF_MATHML)

typedef struct cd_dom {
    const cd_mem *mem;
    cd_arena *arena; /* borrowed from the document */
    cd_node *nodes;  /* nodes[0] is unused, nodes[1] is the document */
    uint32_t count;
    uint32_t cap;
    cd_nid html, head, body; /* CD_NONE when absent */
    /* Class keys (cd_dom_index_classes): elements whose class and id values
     * are the same bytes share a key 1..nclasses, whose first element is
     * class_rep[key]; an element with neither (or both empty) has key 0.
     * Stages keep what they work out from class and id words per key, not
     * per element (a page repeats its class names: on wcxb-dev one element in
     * three with a class or id has a combination of its own). */
    int classes_indexed;
    uint32_t nclasses;
    const cd_nid *class_rep; /* [nclasses + 1], in the arena */
    int truncated;           /* a limit (nodes, depth) cut the tree */
    uint32_t style_hides;    /* <style> elements that kept their text: short, setting none or hidden (parse/tree.c) */
    int failed;              /* out of memory while building */
} cd_dom;

void cd_dom_init(cd_dom *dom, const cd_mem *mem, cd_arena *arena);
/* Empty the tree (keeps the node array's memory); the arena is reset by its owner. */
void cd_dom_reset(cd_dom *dom);
void cd_dom_free(cd_dom *dom);

/* Create a node (not yet in the tree); CD_NONE when out of memory or past CD_MAX_NODES.
 * The first node created must be the document (cd_dom_new_document). */
cd_nid cd_dom_new_document(cd_dom *dom);
cd_nid cd_dom_new_element(cd_dom *dom, uint16_t tag, const char *name, size_t name_len);
cd_nid cd_dom_new_text(cd_dom *dom, const char *text, size_t len);
/* For CD_PARSE_KEEP_ALL parses only (see cd_node_type). CD_NONE on out-of-memory
 * or past CD_MAX_NODES. */
cd_nid cd_dom_new_comment(cd_dom *dom, const char *text, size_t len);
cd_nid cd_dom_new_doctype(cd_dom *dom, const char *name, size_t name_len, const char *public_id,
                          size_t public_len, const char *system_id, size_t system_len);
cd_nid cd_dom_new_fragment(cd_dom *dom);
/* Append child as the last child of parent. */
void cd_dom_append(cd_dom *dom, cd_nid parent, cd_nid child);
/* Insert child (not in the tree) into parent just before its child `before`
 * (CD_NONE: append). */
void cd_dom_insert_before(cd_dom *dom, cd_nid parent, cd_nid child, cd_nid before);
/* Detach a node (and its subtree) from its parent. */
void cd_dom_detach(cd_dom *dom, cd_nid id);
/* Set the attributes of an element (copied into the arena); 0 on out-of-memory. */
int cd_dom_set_attrs(cd_dom *dom, cd_nid id, const cd_attr *attrs, uint32_t n);

static inline cd_node *cd_dom_node(const cd_dom *dom, cd_nid id)
{
    return &dom->nodes[id];
}
static inline cd_nid cd_dom_root(const cd_dom *dom)
{
    return dom->count > 1 ? 1u : CD_NONE;
}

/* Give every element its class key (cd_node.cls, cd_dom.nclasses); call
 * once the tree is built (the parse does, parse.h). 0 on out-of-memory (the
 * tree is then left without an index: classes_indexed stays 0, and stages
 * work from the attributes of each element). The first "class" and "id"
 * attributes count, as cd_dom_attr finds them. */
int cd_dom_index_classes(cd_dom *dom);

/* The class key of node id (0: no class or id value, or not an element). */
static inline uint32_t cd_dom_class_key(const cd_dom *dom, cd_nid id)
{
    return dom->nodes[id].cls;
}

/* Pre-order successor that skips id's children. (The walks run over every
 * node of every page several times: these are inline.) */
static inline cd_nid cd_dom_next_skip(const cd_dom *dom, cd_nid id, cd_nid top)
{
    while (id && id != top) {
        const cd_node *n = &dom->nodes[id];
        if (n->next)
            return n->next;
        id = n->parent;
    }
    return CD_NONE;
}

/* Pre-order successor of id within the subtree of top (CD_NONE at the end). */
static inline cd_nid cd_dom_next(const cd_dom *dom, cd_nid id, cd_nid top)
{
    const cd_node *n = &dom->nodes[id];
    if (n->first)
        return n->first;
    return cd_dom_next_skip(dom, id, top);
}

/* Pre-order predecessor of id: its previous sibling's last descendant, else
 * its parent (CD_NONE before the root). */
static inline cd_nid cd_dom_prev(const cd_dom *dom, cd_nid id)
{
    const cd_node *n = &dom->nodes[id];
    if (!n->prev)
        return n->parent;
    cd_nid k = n->prev;
    while (dom->nodes[k].last)
        k = dom->nodes[k].last;
    return k;
}

/* The value of attribute name[0..name_len) (lower case) on element id, or
 * NULL; *len gets its length (0 when there is none). Inline: the look-up runs
 * on every element, mostly with a literal name whose length and bytes the
 * compiler then knows. */
static inline const char *cd_dom_attr_n(const cd_dom *dom, cd_nid id, const char *name, size_t nl,
                                        size_t *len)
{
    const cd_node *n = &dom->nodes[id];
    uint32_t na = n->type == CD_NODE_ELEMENT ? n->len : 0;
    for (uint32_t i = 0; i < na; i++) {
        const cd_attr *a = &n->u.attr[i];
        /* The first byte rules out most names of the same length (class/style/title). */
        if (a->name_len == nl && (nl == 0 || a->name[0] == name[0]) &&
            memcmp(a->name, name, nl) == 0) {
            if (len)
                *len = a->value_len;
            return a->value;
        }
    }
    if (len)
        *len = 0;
    return NULL;
}
/* The same for a NUL-terminated name. */
static inline const char *cd_dom_attr(const cd_dom *dom, cd_nid id, const char *name, size_t *len)
{
    return cd_dom_attr_n(dom, id, name, strlen(name), len);
}

/* Tag facts. */
const char *cd_tag_name(uint16_t tag);
extern const unsigned char cd_tag_flags_table[CD_TAG__COUNT];
static inline unsigned cd_tag_flags(uint16_t tag)
{
    return tag < CD_TAG__COUNT ? cd_tag_flags_table[tag] : 0;
}
/* Lower-case name → tag (CD_TAG_UNKNOWN when not listed). */
uint16_t cd_tag_lookup(const char *name, size_t len);

static inline int cd_dom_is(const cd_dom *dom, cd_nid id, uint16_t tag)
{
    return id && dom->nodes[id].type == CD_NODE_ELEMENT && dom->nodes[id].tag == tag;
}

/* Check the tree's invariants (links agree, no cycles); 1 when sound. For tests and debug builds. */
int cd_dom_check(const cd_dom *dom);

#endif
