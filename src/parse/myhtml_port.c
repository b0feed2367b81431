/* parse/myhtml_port: build copydesk's tree with myhtml (libmodest), an HTML5
 * (WHATWG) conformant tokenizer and tree builder.
 *
 * Compiled only while libmodest is found (CD_HAVE_MYHTML): the default parser
 * is chosen in parse.c.
 *
 * myhtml runs in single-threaded mode and keeps one tree per parser,
 * cleaned after each page so its internal pools are reused (that reuse is
 * what makes it fast; with a fresh tree per page it runs at less than half the
 * speed). We copy what we need into our own tree right after parsing and
 * clean myhtml's at once, so no myhtml pointer escapes this file. */
#ifdef CD_HAVE_MYHTML
#include <string.h>

/* myhtml's full headers (installed by libmodest-dev; api.h is their public
 * subset and cannot be mixed with them): S_bound_depth reads the token and
 * the tree's stack of open elements. */
#include <myhtml/callback.h>
#include <myhtml/myhtml.h>
#include <myhtml/token.h>
#include <myhtml/tree.h>

#include "../util/limits.h"
#include "../util/utf8.h"
#include "ports.h"

struct cd_myhtml_parser {
    const cd_mem *mem;
    myhtml_t *myhtml;
    myhtml_tree_t *tree;
    uint16_t map[MyHTML_TAG_LAST_ENTRY]; /* myhtml tag id -> enum cd_tag */
    size_t dropped;                      /* start tags dropped by S_bound_depth */
};

/* Tags that switch the tokenizer to raw text (their content is one text token):
 * dropping their start tag would turn script or style source into visible text.
 * Each adds at most one open element, so they are kept up to a little slack. */
static int S_rawtext_tag(myhtml_tag_id_t t)
{
    return t == MyHTML_TAG_SCRIPT || t == MyHTML_TAG_STYLE || t == MyHTML_TAG_TEXTAREA ||
           t == MyHTML_TAG_TITLE || t == MyHTML_TAG_XMP || t == MyHTML_TAG_IFRAME ||
           t == MyHTML_TAG_NOEMBED || t == MyHTML_TAG_NOFRAMES || t == MyHTML_TAG_PLAINTEXT;
}

/* myhtml calls this for every token before its tree builder sees it. The tree
 * builder scans the stack of open elements for most start and end tags ("has
 * a p element in button scope", Noah's ark, reconstructing formatting
 * elements), so its cost is tags x depth: 100k nested <div>s take minutes.
 * Past CD_MAX_PARSE_DEPTH open elements a start tag is turned into a comment
 * token (which the tree builder inserts in O(1) and we drop), or into a <br>
 * for a block: the element is lost and its content goes to the element at
 * the limit, as with CD_MAX_DEPTH. */
static void *S_bound_depth(myhtml_tree_t *tree, myhtml_token_node_t *tok, void *ctx)
{
    if (!tree->open_elements || tree->open_elements->length < CD_MAX_PARSE_DEPTH)
        return ctx;
    if ((tok->type & MyHTML_TOKEN_TYPE_CLOSE) || tok->tag_id <= MyHTML_TAG__DOCTYPE)
        return ctx;
    if (S_rawtext_tag(tok->tag_id) && tree->open_elements->length < CD_MAX_PARSE_DEPTH + 16)
        return ctx;
    /* A block keeps a line break in its place (its text would otherwise run
     * into its neighbour's); anything else vanishes. */
    cd_myhtml_parser *p = ctx;
    uint16_t tag = tok->tag_id < MyHTML_TAG_LAST_ENTRY ? p->map[tok->tag_id] : CD_TAG_UNKNOWN;
    tok->tag_id = (cd_tag_flags(tag) & CD_TF_BLOCK) ? MyHTML_TAG_BR : MyHTML_TAG__COMMENT;
    p->dropped++;
    return ctx;
}

cd_myhtml_parser *cd_myhtml_parser_new(const cd_mem *mem)
{
    cd_myhtml_parser *p = mem->calloc(1, sizeof *p);
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
    myhtml_callback_before_token_done_set(p->tree, S_bound_depth, p);
    for (unsigned id = 0; id < MyHTML_TAG_LAST_ENTRY; id++) {
        size_t len = 0;
        const char *name = myhtml_tag_name_by_id(p->tree, id, &len);
        p->map[id] = name ? cd_tag_lookup(name, len) : CD_TAG_UNKNOWN;
    }
    return p;
fail:
    cd_myhtml_parser_free(p);
    return NULL;
}

void cd_myhtml_parser_free(cd_myhtml_parser *p)
{
    if (!p)
        return;
    if (p->tree)
        myhtml_tree_destroy(p->tree);
    if (p->myhtml)
        myhtml_destroy(p->myhtml);
    p->mem->free(p);
}

/* myhtml's strings are UTF-8 for UTF-8 input, but not always: a text run
 * mixing NUL bytes and character references can come out with stale bytes at
 * its end, cutting a character (found by fuzz_parse; regression case
 * tests/regression/parse-nul-charref-invalid-utf8). So every string is checked
 * (one pass, the common case) and a bad one is copied with U+FFFD for each
 * ill-formed sequence. NULL when out of memory. */
static const char *S_utf8(cd_dom *dom, const char *s, size_t *len)
{
    size_t n = *len;
    if (!s || cd_utf8_valid_prefix((const unsigned char *)s, n) == n)
        return s;
    if (n > (SIZE_MAX - 1) / 3) {
        dom->failed = 1;
        return NULL;
    }
    char *out = cd_arena_alloc(dom->arena, n * 3 + 1);
    if (!out) {
        dom->failed = 1;
        return NULL;
    }
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += cd_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        o += cd_utf8_encode(cp, out + o);
    }
    out[o] = '\0';
    *len = o;
    return out;
}

/* Copy one myhtml element into a new cd node (tag, name, attributes). */
static cd_nid S_copy_element(cd_myhtml_parser *p, cd_dom *dom, myhtml_tree_node_t *mn)
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
        const char *k = S_utf8(dom, myhtml_attribute_key(a, &kl), &kl);
        const char *v = S_utf8(dom, myhtml_attribute_value(a, &vl), &vl);
        if (!k || kl == 0 || kl > 256)
            continue;
        attrs[n].name = k;
        attrs[n].name_len = (uint32_t)kl;
        attrs[n].value = v ? v : "";
        /* Whole length (inputs are far below 4 GiB): cd_dom_set_attrs cuts it
         * to CD_MAX_ATTR_LEN at a character boundary. */
        attrs[n].value_len = v ? (uint32_t)vl : 0;
        n++;
    }
    cd_dom_set_attrs(dom, id, attrs, n);
    return id;
}

copydesk_status cd_myhtml_parse(cd_myhtml_parser *p, const char *html, size_t len, cd_dom *dom,
                                unsigned opts)
{
    (void)opts; /* CD_PARSE_KEEP_ALL: not supported; the tree is the normal one */
    p->dropped = 0;
    if (myhtml_parse(p->tree, MyENCODING_UTF_8, html, len) != MyHTML_STATUS_OK) {
        myhtml_tree_clean(p->tree);
        return COPYDESK_ERR_PARSE;
    }
    if (p->dropped)
        dom->truncated = 1;
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
            const char *t = S_utf8(dom, myhtml_node_text(mn, &tl), &tl);
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
        if (child && depth >= CD_MAX_DEPTH) {
            dom->truncated = 1;
            if (myhtml_node_tag_id(child) == MyHTML_TAG__TEXT && !myhtml_node_next(child)) {
                /* A leaf element at the limit (a script, a style, a title, a
                 * link) keeps its one text child, one level past the limit:
                 * flattening it would turn script source into visible text. */
                size_t tl = 0;
                const char *t = S_utf8(dom, myhtml_node_text(child, &tl), &tl);
                cd_nid tn = t && tl ? cd_dom_new_text(dom, t, tl) : CD_NONE;
                if (tn)
                    cd_dom_append(dom, made, tn);
                child = NULL;
            } else if (cd_tag_flags(dom->nodes[made].tag) & CD_TF_SKIP) {
                child = NULL; /* never visible: dropped rather than flattened into view */
            }
        }
        if (child) {
            if (depth < CD_MAX_DEPTH) {
                parent = made;
                depth++;
            } else {
                clamped++;
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

#endif /* CD_HAVE_MYHTML */
