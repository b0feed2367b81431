/* dom: the arena tree; see dom.h. */
#include <string.h>

#include "../util/ctype.h"
#include "../util/limits.h"
#include "dom.h"

static const char *const S_tag_names[CD_TAG__COUNT] = {
    [CD_TAG_NONE] = "#none",
    [CD_TAG_UNKNOWN] = "#unknown",
#define CD_TAG(e, n, f) [CD_TAG_##e] = n,
#include "tags.def"
#undef CD_TAG
};

const unsigned char cd_tag_flags_table[CD_TAG__COUNT] = {
#define CD_TAG(e, n, f) [CD_TAG_##e] = (f),
#include "tags.def"
#undef CD_TAG
};

const char *cd_tag_name(uint16_t tag)
{
    return tag < CD_TAG__COUNT ? S_tag_names[tag] : "#unknown";
}

uint16_t cd_tag_lookup(const char *name, size_t len)
{
    /* The table is sorted by name (tags.def is alphabetical): binary search. */
    size_t lo = CD_TAG_UNKNOWN + 1, hi = CD_TAG__COUNT;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *t = S_tag_names[mid];
        size_t tl = strlen(t);
        size_t m = len < tl ? len : tl;
        int c = memcmp(name, t, m);
        if (c == 0)
            c = len < tl ? -1 : len > tl ? 1 : 0;
        if (c == 0)
            return (uint16_t)mid;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return CD_TAG_UNKNOWN;
}

void cd_dom_init(cd_dom *dom, const cd_mem *mem, cd_arena *arena)
{
    memset(dom, 0, sizeof *dom);
    dom->mem = mem;
    dom->arena = arena;
}

void cd_dom_reset(cd_dom *dom)
{
    dom->count = 0;
    dom->html = dom->head = dom->body = CD_NONE;
    dom->truncated = dom->failed = 0;
    dom->style_hides = 0;
    dom->classes_indexed = 0;
    dom->nclasses = 0;
    dom->class_rep = NULL;
}

void cd_dom_free(cd_dom *dom)
{
    if (dom->nodes)
        dom->mem->free(dom->nodes);
    dom->nodes = NULL;
    dom->count = dom->cap = 0;
}

static inline cd_nid S_new(cd_dom *dom, cd_node_type type)
{
    if (dom->count == 0)
        dom->count = 1; /* nodes[0] stays unused so that 0 can mean "none" */
    if (dom->count >= CD_MAX_NODES + 2) {
        dom->truncated = 1;
        return CD_NONE;
    }
    if (dom->count >= dom->cap) {
        uint32_t cap = dom->cap ? dom->cap * 2 : 1024;
        if (cap > CD_MAX_NODES + 2)
            cap = CD_MAX_NODES + 2;
        size_t bytes;
        if (!cd_mul_ok(cap, sizeof(cd_node), &bytes)) {
            dom->failed = 1;
            return CD_NONE;
        }
        cd_node *n = dom->mem->realloc(dom->nodes, bytes);
        if (!n) {
            dom->failed = 1;
            return CD_NONE;
        }
        dom->nodes = n;
        dom->cap = cap;
    }
    cd_nid id = dom->count++;
    cd_node *n = &dom->nodes[id];
    memset(n, 0, sizeof *n);
    n->type = (uint8_t)type;
    return id;
}

cd_nid cd_dom_new_document(cd_dom *dom)
{
    return S_new(dom, CD_NODE_DOCUMENT);
}

cd_nid cd_dom_new_element(cd_dom *dom, uint16_t tag, const char *name, size_t name_len)
{
    cd_nid id = S_new(dom, CD_NODE_ELEMENT);
    if (!id)
        return CD_NONE;
    dom->nodes[id].tag = tag;
    if (tag == CD_TAG_UNKNOWN && name) {
        char *s = cd_arena_strndup(dom->arena, name, name_len);
        if (!s) {
            dom->failed = 1;
            return CD_NONE;
        }
        for (size_t i = 0; i < name_len; i++)
            s[i] = (char)cd_tolower((unsigned char)s[i]);
        dom->nodes[id].name = s;
    }
    return id;
}

cd_nid cd_dom_new_text(cd_dom *dom, const char *text, size_t len)
{
    if (len > UINT32_MAX)
        len = UINT32_MAX;
    char *s = cd_arena_strndup(dom->arena, text, len);
    if (!s) {
        dom->failed = 1;
        return CD_NONE;
    }
    cd_nid id = S_new(dom, CD_NODE_TEXT);
    if (!id)
        return CD_NONE;
    dom->nodes[id].u.text = s;
    dom->nodes[id].len = (uint32_t)len;
    return id;
}

cd_nid cd_dom_new_comment(cd_dom *dom, const char *text, size_t len)
{
    cd_nid id = cd_dom_new_text(dom, text, len);
    if (id)
        dom->nodes[id].type = CD_NODE_COMMENT;
    return id;
}

cd_nid cd_dom_new_doctype(cd_dom *dom, const char *name, size_t name_len, const char *public_id,
                          size_t public_len, const char *system_id, size_t system_len)
{
    cd_attr *a = cd_arena_alloc(dom->arena, 2 * sizeof(cd_attr));
    char *n = cd_arena_strndup(dom->arena, name ? name : "", name ? name_len : 0);
    char *pub = cd_arena_strndup(dom->arena, public_id ? public_id : "", public_id ? public_len : 0);
    char *sys = cd_arena_strndup(dom->arena, system_id ? system_id : "", system_id ? system_len : 0);
    if (!a || !n || !pub || !sys || public_len > UINT32_MAX || system_len > UINT32_MAX) {
        dom->failed = 1;
        return CD_NONE;
    }
    cd_nid id = S_new(dom, CD_NODE_DOCTYPE);
    if (!id)
        return CD_NONE;
    a[0] = (cd_attr){.name = "public", .name_len = 6, .value = pub, .value_len = (uint32_t)public_len};
    a[1] = (cd_attr){.name = "system", .name_len = 6, .value = sys, .value_len = (uint32_t)system_len};
    dom->nodes[id].name = n;
    dom->nodes[id].u.attr = a;
    dom->nodes[id].len = 2;
    return id;
}

cd_nid cd_dom_new_fragment(cd_dom *dom)
{
    return S_new(dom, CD_NODE_FRAGMENT);
}

void cd_dom_insert_before(cd_dom *dom, cd_nid parent, cd_nid child, cd_nid before)
{
    if (!before) {
        cd_dom_append(dom, parent, child);
        return;
    }
    cd_node *c = &dom->nodes[child], *b = &dom->nodes[before];
    c->parent = parent;
    c->next = before;
    c->prev = b->prev;
    if (b->prev)
        dom->nodes[b->prev].next = child;
    else
        dom->nodes[parent].first = child;
    b->prev = child;
}

void cd_dom_append(cd_dom *dom, cd_nid parent, cd_nid child)
{
    cd_node *p = &dom->nodes[parent], *c = &dom->nodes[child];
    c->parent = parent;
    c->next = CD_NONE;
    c->prev = p->last;
    if (p->last)
        dom->nodes[p->last].next = child;
    else
        p->first = child;
    p->last = child;
}

void cd_dom_detach(cd_dom *dom, cd_nid id)
{
    cd_node *n = &dom->nodes[id];
    if (!n->parent)
        return;
    cd_node *p = &dom->nodes[n->parent];
    if (n->prev)
        dom->nodes[n->prev].next = n->next;
    else
        p->first = n->next;
    if (n->next)
        dom->nodes[n->next].prev = n->prev;
    else
        p->last = n->prev;
    n->parent = n->prev = n->next = CD_NONE;
}

int cd_dom_set_attrs(cd_dom *dom, cd_nid id, const cd_attr *attrs, uint32_t n)
{
    if (n == 0)
        return 1;
    if (n > CD_MAX_ATTRS)
        n = CD_MAX_ATTRS;
    cd_attr *a = cd_arena_alloc(dom->arena, n * sizeof(cd_attr));
    if (!a) {
        dom->failed = 1;
        return 0;
    }
    for (uint32_t i = 0; i < n; i++) {
        size_t nl = attrs[i].name_len, vl = attrs[i].value_len;
        if (vl > CD_MAX_ATTR_LEN) {
            /* Cut at a character boundary: the value stays valid UTF-8. */
            vl = CD_MAX_ATTR_LEN;
            while (vl > 0 && ((unsigned char)attrs[i].value[vl] & 0xC0) == 0x80)
                vl--;
        }
        char *name = cd_arena_strndup(dom->arena, attrs[i].name, nl);
        char *value = cd_arena_strndup(dom->arena, attrs[i].value ? attrs[i].value : "", vl);
        if (!name || !value) {
            dom->failed = 1;
            return 0;
        }
        for (size_t k = 0; k < nl; k++)
            name[k] = (char)cd_tolower((unsigned char)name[k]);
        a[i].name = name;
        a[i].name_len = (uint32_t)nl;
        a[i].value = value;
        a[i].value_len = (uint32_t)vl;
    }
    dom->nodes[id].u.attr = a;
    dom->nodes[id].len = n;
    return 1;
}

/* A hash of s[0..n) mixed into h, eight bytes at a time. */
static inline uint64_t S_hash(uint64_t h, const char *s, size_t n)
{
    const uint64_t k = 0x9E3779B97F4A7C15ull;
    for (; n >= 8; s += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * k;
        h ^= h >> 29;
    }
    /* The tail (s may be NULL when n is 0: an absent class or id) in two
     * overlapping loads: with n mixed in below, every byte counts. */
    uint64_t w = 0;
    if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        w = a | (uint64_t)b << 32;
    } else if (n >= 2) {
        uint16_t a, b;
        memcpy(&a, s, 2);
        memcpy(&b, s + n - 2, 2);
        w = a | (uint64_t)b << 16;
    } else if (n) {
        w = (unsigned char)s[0];
    }
    h = (h ^ w ^ ((uint64_t)n << 56)) * k;
    return h ^ (h >> 32);
}

/* The class and id values of element id (NULL, 0 when absent). */
static void S_class_id(const cd_node *n, const char **cv, size_t *cl, const char **iv, size_t *il)
{
    *cv = *iv = NULL;
    *cl = *il = 0;
    for (uint32_t i = 0; i < n->len; i++) {
        const cd_attr *a = &n->u.attr[i];
        if (a->name_len == 5 && !*cv && memcmp(a->name, "class", 5) == 0) {
            *cv = a->value;
            *cl = a->value_len;
        } else if (a->name_len == 2 && !*iv && a->name[0] == 'i' && a->name[1] == 'd') {
            *iv = a->value;
            *il = a->value_len;
        }
    }
}

int cd_dom_index_classes(cd_dom *dom)
{
    dom->classes_indexed = 0;
    dom->nclasses = 0;
    dom->class_rep = NULL;
    uint32_t m = 0;
    for (uint32_t id = 1; id < dom->count; id++) {
        cd_node *n = &dom->nodes[id];
        n->cls = 0;
        m += n->type == CD_NODE_ELEMENT && n->len;
    }
    size_t cap = 16;
    while (cap < (size_t)m * 2)
        cap *= 2;
    /* slot: a key (0 = empty); rep, hash and the class and id values per key. */
    uint32_t *slot = cd_arena_alloc(dom->arena, cap * sizeof *slot);
    cd_nid *rep = cd_arena_alloc(dom->arena, ((size_t)m + 1) * sizeof *rep);
    uint32_t *hash = cd_arena_alloc(dom->arena, ((size_t)m + 1) * sizeof *hash);
    const char **kv = cd_arena_alloc(dom->arena, ((size_t)m + 1) * 2 * sizeof *kv);
    uint32_t *kl = cd_arena_alloc(dom->arena, ((size_t)m + 1) * 2 * sizeof *kl);
    if (!slot || !rep || !hash || !kv || !kl)
        return 0;
    memset(slot, 0, cap * sizeof *slot);
    rep[0] = CD_NONE;
    uint32_t nk = 0;
    for (uint32_t id = 1; id < dom->count; id++) {
        cd_node *n = &dom->nodes[id];
        if (n->type != CD_NODE_ELEMENT || !n->len)
            continue;
        const char *cv, *iv;
        size_t cl, il;
        S_class_id(n, &cv, &cl, &iv, &il);
        if (!cl && !il)
            continue;
        uint64_t h64 = S_hash(S_hash(0x243F6A8885A308D3ull, cv, cl), iv, il);
        uint32_t h = (uint32_t)h64 ^ (uint32_t)(h64 >> 32);
        size_t k = h & (cap - 1);
        for (; slot[k]; k = (k + 1) & (cap - 1)) {
            uint32_t key = slot[k];
            if (hash[key] != h)
                continue;
            if (kl[2 * key] == cl && kl[2 * key + 1] == il && (!cl || memcmp(cv, kv[2 * key], cl) == 0) &&
                (!il || memcmp(iv, kv[2 * key + 1], il) == 0))
                break;
        }
        if (!slot[k]) {
            slot[k] = ++nk;
            rep[nk] = id;
            hash[nk] = h;
            kv[2 * nk] = cv;
            kv[2 * nk + 1] = iv;
            kl[2 * nk] = (uint32_t)cl;
            kl[2 * nk + 1] = (uint32_t)il;
        }
        n->cls = slot[k];
    }
    dom->nclasses = nk;
    dom->class_rep = rep;
    dom->classes_indexed = 1;
    return 1;
}

int cd_dom_check(const cd_dom *dom)
{
    if (dom->count <= 1)
        return 1;
    uint32_t seen = 0;
    for (cd_nid id = 1; id; id = cd_dom_next(dom, id, 1)) {
        const cd_node *n = &dom->nodes[id];
        if (++seen > dom->count)
            return 0; /* a cycle */
        if (n->first && dom->nodes[n->first].prev)
            return 0;
        if (n->last && dom->nodes[n->last].next)
            return 0;
        if (n->next && dom->nodes[n->next].prev != id)
            return 0;
        if (n->first && dom->nodes[n->first].parent != id)
            return 0;
        if (n->next && dom->nodes[n->next].parent != n->parent)
            return 0;
    }
    return 1;
}
