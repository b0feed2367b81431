/* site/blocks: cut a page into blocks and fingerprint them, from its tokens
 * (learning: no tree is built) or from its tree (extraction).
 *
 * One segmenter takes three events -- an element opens, an element closes,
 * text -- and keeps its own stack of open elements. The tree driver feeds it
 * a pre-order walk, which is exact. The token driver feeds it the token
 * stream with a light emulation of the tree builder's implied closings (a
 * block start tag closes an open <p>, <li> closes the open <li>, <td> the
 * open cell, an end tag pops up to its element, <head> closes when body
 * content starts), and switches the tokenizer into RAWTEXT / RCDATA / script
 * data after the elements whose content is text. docs/sites.md gives how often
 * the two agree on real pages. */
#include <string.h>

#include "../parse/tokenizer.h"
#include "../util/ctype.h"
#include "../util/limits.h"
#include "site.h"

#define S_DEPTH CD_MAX_DEPTH

typedef struct S_frame {
    uint64_t elh;  /* hash of the tag (or unknown name) and class words */
    uint64_t nh;   /* an unknown element's name hash (end tags match on it) */
    /* lazy: elh is hashed from name and cls when a path first steps through
     * the frame (many block elements are more than CD_SITE_PATH block levels
     * above any text); their bytes stay valid while the frame is open. */
    const char *name, *cls;
    uint32_t nlen, clen;
    uint32_t ck;   /* tree side: the element's class key (0: none, or not cached) */
    uint16_t tag;
    uint8_t block; /* a block boundary (and a path step) */
    uint8_t skip;  /* its content is never text */
    uint8_t lazy;
} S_frame;

typedef struct S_seg {
    S_frame st[S_DEPTH];
    uint32_t depth;
    uint32_t over; /* start tags past S_DEPTH not pushed */
    uint32_t skip; /* open skip frames */
    uint32_t np;   /* open <p> frames (a tag that closes a <p> searches only when there is one) */
    /* the current block */
    uint64_t h;
    uint32_t len, alnum; /* alnum: letters and digits, counted up to CD_SITE_MIN_ALNUM at least */
    int pending_space, prev_digit;
    uint64_t path;
    /* Bytes that stay valid for the whole scan (the page, or the tree's
     * arena: lo NULL): a name or class word there is hashed lazily. */
    const char *lo, *hi_end;
    int tree;
    cd_nid first, last;
    cd_site_block_fn fn;
    void *ctx;
    cd_site_hostinfo *hi;
    /* Tree side: element hashes by class key (elements with the same key
     * have the same class value: cd_dom_index_classes), per tag; NULL: none. */
    struct S_elc {
        uint64_t elh;
        uint16_t tag1; /* tag + 1; 0: empty */
    } *elc;
    /* Token side: recent element hashes by tag and class bytes (in the page
     * scanned: an entry of an earlier scan, gen != tgen, is stale). */
    struct S_tc {
        const char *cls;
        uint32_t clen, gen;
        uint64_t elh;
        uint16_t tag;
    } *tc;
    uint32_t tgen;
} S_seg;

/* A checkpoint of a host scan of a page's start (cd_site_scan_host_head):
 * the segmenter's stack right after a tag, the tokenizer in the data state
 * at offset off. A longer start with the same first bytes is read on from
 * there: the tokens before are the same, and so are the ones after (a tag
 * ends at its '>': nothing after it changes them). */
typedef struct S_ck {
    int valid;
    size_t off;
    uint32_t depth, over, skip, np;
    int in_foreign;
    S_frame st[S_DEPTH];
} S_ck;

/* Checkpoints are taken at most every S_CK_STEP bytes. */
#define S_CK_STEP 1024u

/* Whose attributes the token scan reads (cd_tokenizer_keep_attrs): a block's
 * class (when blocks are hashed), a host element's (when hints are read). */
enum { S_KEEP_BLOCK = 1, S_KEEP_HOST = 2 };

/* Slots of the token side's element hash cache (direct-mapped). */
#define S_TC 1024u

struct cd_site_scanner {
    const cd_mem *mem;
    cd_tokenizer *tok;
    uint8_t keep[3][CD_TAG__COUNT]; /* [S_KEEP_* combination - 1] */
    S_seg seg;
    S_ck ck;
    struct S_tc tc[S_TC];
    uint32_t tgen;
};

#define S_FNV_OFF 1469598103934665603ull
#define S_FNV_PRIME 1099511628211ull

static inline uint64_t S_byte(uint64_t h, unsigned char c)
{
    return (h ^ c) * S_FNV_PRIME;
}

static uint64_t S_mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return x;
}

static int S_is_block_tag(uint16_t tag)
{
    return tag == CD_TAG_UNKNOWN || (cd_tag_flags(tag) & CD_TF_BLOCK);
}

static int S_is_host_tag(uint16_t tag)
{
    return tag == CD_TAG_LINK || tag == CD_TAG_META || tag == CD_TAG_BASE || tag == CD_TAG_A;
}

/* Whose attribute values the token scan reads (cd_tokenizer_want_values):
 * a host element's (S_host_el; the raw scan's canonical_end looks at every
 * value of the element), and of any other element whose attributes are
 * kept (a block), the class only. */
static int S_want_value(void *ctx, uint16_t tag, const char *name, size_t len)
{
    (void)ctx;
    return S_is_host_tag(tag) || (len == 5 && memcmp(name, "class", 5) == 0);
}

cd_site_scanner *cd_site_scanner_new(const cd_mem *mem)
{
    if (!mem)
        mem = cd_mem_default();
    cd_site_scanner *s = mem->calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->mem = mem;
    s->tok = cd_tokenizer_new(mem);
    if (!s->tok) {
        mem->free(s);
        return NULL;
    }
    cd_tokenizer_want_values(s->tok, S_want_value, NULL);
    for (unsigned tag = 0; tag < CD_TAG__COUNT; tag++) {
        int block = S_is_block_tag((uint16_t)tag), host = S_is_host_tag((uint16_t)tag);
        for (unsigned k = 1; k <= 3; k++)
            s->keep[k - 1][tag] = (uint8_t)(((k & S_KEEP_BLOCK) && block) || ((k & S_KEEP_HOST) && host));
    }
    return s;
}

void cd_site_scanner_free(cd_site_scanner *s)
{
    if (!s)
        return;
    cd_tokenizer_free(s->tok);
    s->mem->free(s);
}

/* ---- the segmenter ---- */

/* Elements left out of a path: the ones a tree builder adds by itself. */
static int S_path_step(uint16_t tag)
{
    return tag != CD_TAG_HTML && tag != CD_TAG_BODY && tag != CD_TAG_TBODY && tag != CD_TAG_THEAD &&
           tag != CD_TAG_TFOOT;
}

/* Byte classes for S_text: 1 white space (cd_isspace), 2 digit, 4 a letter
 * or the lead byte of a UTF-8 sequence (what counts as alphanumeric), 8 an
 * upper-case ASCII letter. */
#define S_C(c)                                                                                                    \
    ((c) == ' ' || ((c) >= '\t' && (c) <= '\r')   ? 1                                                            \
     : ((c) >= '0' && (c) <= '9')                 ? 2                                                            \
     : ((c) >= 'A' && (c) <= 'Z')                 ? 12                                                           \
     : ((c) >= 'a' && (c) <= 'z') || (c) >= 0xC0 ? 4                                                            \
                                                  : 0)
#define S_C4(c) S_C(c), S_C((c) + 1), S_C((c) + 2), S_C((c) + 3)
#define S_C16(c) S_C4(c), S_C4((c) + 4), S_C4((c) + 8), S_C4((c) + 12)
#define S_C64(c) S_C16(c), S_C16((c) + 16), S_C16((c) + 32), S_C16((c) + 48)
static const unsigned char S_cls[256] = {S_C64(0), S_C64(64), S_C64(128), S_C64(192)};
/* Each byte ASCII-lower-cased. */
#define S_L(c) ((c) >= 'A' && (c) <= 'Z' ? (c) | 0x20 : (c))
#define S_L4(c) S_L(c), S_L((c) + 1), S_L((c) + 2), S_L((c) + 3)
#define S_L16(c) S_L4(c), S_L4((c) + 4), S_L4((c) + 8), S_L4((c) + 12)
#define S_L64(c) S_L16(c), S_L16((c) + 16), S_L16((c) + 32), S_L16((c) + 48)
static const unsigned char S_low[256] = {S_L64(0), S_L64(64), S_L64(128), S_L64(192)};

/* The element's hash: its tag (an unknown element's name) and its class
 * words, lower-cased, digits dropped, in their order. */
static uint64_t S_elhash(uint16_t tag, const char *name, size_t nlen, const char *cls, size_t clen)
{
    uint64_t h = S_FNV_OFF;
    h = S_byte(h, (unsigned char)(tag & 0xff));
    h = S_byte(h, (unsigned char)(tag >> 8));
    if (tag == CD_TAG_UNKNOWN)
        for (size_t i = 0; i < nlen; i++)
            h = S_byte(h, (unsigned char)cd_tolower((unsigned char)name[i]));
    h = S_byte(h, '.');
    int sp = 0, any = 0;
    for (size_t i = 0; i < clen; i++) {
        unsigned char c = (unsigned char)cls[i];
        unsigned k = S_cls[c];
        if (k & 3) { /* white space (a word ends), digit (dropped) */
            if (k & 1)
                sp = any;
            continue;
        }
        if (sp) {
            h = S_byte(h, ' ');
            sp = 0;
        }
        any = 1;
        h = S_byte(h, S_low[c]);
    }
    return h;
}

static void S_flush(S_seg *g)
{
    if (g->alnum >= CD_SITE_MIN_ALNUM && g->fn) {
        cd_site_block b;
        b.text = S_mix(g->h ^ g->len);
        b.path = g->path;
        b.fp = (uint32_t)(S_mix(b.text ^ (g->path * 0x9E3779B97F4A7C15ull)) >> 32);
        b.chars = g->len;
        b.first = g->first;
        b.last = g->last;
        g->fn(g->ctx, &b);
    }
    g->h = S_FNV_OFF;
    g->len = g->alnum = 0;
    g->pending_space = g->prev_digit = 0;
    g->first = g->last = 0;
}

static void S_seg_reset(S_seg *g, cd_site_block_fn fn, void *ctx, cd_site_hostinfo *hi)
{
    g->depth = g->over = g->skip = g->np = 0;
    g->lo = g->hi_end = NULL;
    g->tree = 0;
    g->fn = fn;
    g->ctx = ctx;
    g->hi = hi;
    g->elc = NULL;
    g->tc = NULL;
    g->h = S_FNV_OFF;
    g->len = g->alnum = 0;
    g->pending_space = g->prev_digit = 0;
    g->first = g->last = 0;
}

static uint64_t S_path(S_seg *g)
{
    uint64_t p = 0x51ed27;
    int k = 0;
    for (uint32_t i = g->depth; i > 0 && k < CD_SITE_PATH; i--) {
        S_frame *f = &g->st[i - 1];
        if (!f->block || !S_path_step(f->tag))
            continue;
        if (f->lazy && g->tc && f->tag != CD_TAG_UNKNOWN) {
            /* The same tag and class bytes give the same hash: a cached one
             * is taken when its bytes compare equal. */
            uint32_t n = f->clen;
            const unsigned char *c = (const unsigned char *)f->cls;
            uint32_t slot = n * 31u + f->tag;
            if (n)
                slot = slot * 131u + c[0] * 7u + c[n - 1] * 13u + c[n / 2];
            struct S_tc *t = &g->tc[slot & (S_TC - 1)];
            if (t->gen == g->tgen && t->tag == f->tag && t->clen == n && (!n || memcmp(t->cls, c, n) == 0)) {
                f->elh = t->elh;
            } else {
                f->elh = S_elhash(f->tag, f->name, f->nlen, f->cls, f->clen);
                t->cls = f->cls;
                t->clen = n;
                t->gen = g->tgen;
                t->elh = f->elh;
                t->tag = f->tag;
            }
            f->lazy = 0;
        }
        if (f->lazy) {
            struct S_elc *e = f->ck && g->elc ? &g->elc[f->ck] : NULL;
            if (e && e->tag1 == f->tag + 1u) {
                f->elh = e->elh;
            } else {
                f->elh = S_elhash(f->tag, f->name, f->nlen, f->cls, f->clen);
                if (e) {
                    e->elh = f->elh;
                    e->tag1 = (uint16_t)(f->tag + 1u);
                }
            }
            f->lazy = 0;
        }
        p = S_mix(p ^ f->elh) + (uint64_t)k;
        k++;
    }
    return p;
}

/* Do s[0..n) lie in the bytes of the page scanned (not in scratch)? */
static int S_in(const S_seg *g, const char *s, size_t n)
{
    if (!n)
        return 1;
    uintptr_t p = (uintptr_t)s, lo = (uintptr_t)g->lo, e = (uintptr_t)g->hi_end;
    return p >= lo && p <= e && n <= e - p;
}

static void S_open(S_seg *g, uint16_t tag, const char *name, size_t nlen, const char *cls, size_t clen)
{
    int block = S_is_block_tag(tag);
    if (block)
        S_flush(g);
    if (g->depth >= S_DEPTH) {
        g->over++;
        return;
    }
    S_frame *f = &g->st[g->depth++];
    f->ck = 0;
    f->tag = tag;
    f->block = (uint8_t)block;
    f->skip = (cd_tag_flags(tag) & CD_TF_SKIP) != 0;
    /* Without a callback (the host scan) no path is ever hashed, and a path
     * steps only through block frames (S_path). */
    f->lazy = 0;
    f->elh = 0;
    if (g->fn && block) {
        if (g->tree || (S_in(g, cls, clen) && (tag != CD_TAG_UNKNOWN || S_in(g, name, nlen)))) {
            f->lazy = 1;
            f->name = name;
            f->nlen = (uint32_t)nlen;
            f->cls = cls;
            f->clen = (uint32_t)clen;
        } else {
            f->elh = S_elhash(tag, name, nlen, cls, clen);
        }
    }
    f->nh = tag == CD_TAG_UNKNOWN ? S_elhash(tag, name, nlen, NULL, 0) : 0;
    if (f->skip)
        g->skip++;
    g->np += tag == CD_TAG_P;
}

/* Pop the top frame. */
static void S_pop(S_seg *g)
{
    if (g->over) {
        g->over--;
        return;
    }
    if (!g->depth)
        return;
    S_frame *f = &g->st[--g->depth];
    if (f->block)
        S_flush(g);
    if (f->skip && g->skip)
        g->skip--;
    g->np -= f->tag == CD_TAG_P;
}

static void S_text(S_seg *g, const char *s, size_t n, cd_nid node)
{
    if (g->skip || !g->fn)
        return; /* no callback (the host scan): no block to hash */
    /* The block's state in locals for the loop (the same bytes hashed). */
    uint64_t h = g->h;
    uint32_t len = g->len, alnum = g->alnum;
    int pending_space = g->pending_space, prev_digit = g->prev_digit;
    int put = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        unsigned k = S_cls[c];
        if (k & 1) {
            pending_space = len > 0;
            prev_digit = 0;
            while (i + 1 < n && (S_cls[(unsigned char)s[i + 1]] & 1)) /* the rest of the run */
                i++;
            continue;
        }
        if (k & 2) {
            if (prev_digit && !pending_space)
                continue;
            c = '0';
            prev_digit = 1;
        } else {
            prev_digit = 0;
        }
        if (!len) {
            g->path = S_path(g);
            g->first = node;
        }
        if (pending_space) {
            h = S_byte(h, ' ');
            len++;
            pending_space = 0;
        }
        h = S_byte(h, (unsigned char)(c | ((k & 8) << 2))); /* upper case + 32 */
        len++;
        put = 1;
        alnum += (k & 6) != 0;
        /* The bytes after it that are neither white space nor digits (the
         * letters of a word): hashed in a short loop. alnum need only tell
         * whether it reached CD_SITE_MIN_ALNUM, so it is counted here only
         * while below. */
        size_t j = i + 1;
        unsigned char d;
        while (j < n && !(S_cls[d = (unsigned char)s[j]] & 3)) {
            h = S_byte(h, S_low[d]);
            j++;
        }
        if (j > i + 1) {
            for (size_t q = i + 1; q < j && alnum < CD_SITE_MIN_ALNUM; q++)
                alnum += (S_cls[(unsigned char)s[q]] & 4) != 0;
            len += (uint32_t)(j - i - 1);
            prev_digit = 0;
            i = j - 1;
        }
    }
    g->h = h;
    g->len = len;
    g->alnum = alnum;
    g->pending_space = pending_space;
    g->prev_digit = prev_digit;
    if (put)
        g->last = node;
}

/* ---- host hints ---- */

static int S_attr_is(const char *v, size_t n, const char *lit)
{
    return cd_eq_nocase(v, n, lit);
}

/* Does the space-separated list v hold word lit (ASCII case-insensitive)? */
static int S_has_word(const char *v, size_t n, const char *lit)
{
    size_t at = 0;
    const char *w;
    size_t wl;
    while ((wl = cd_next_word(v, n, &at, &w)) > 0)
        if (cd_eq_nocase(w, wl, lit))
            return 1;
    return 0;
}

static void S_copy_domain(char *dst, const char *v, size_t n)
{
    if (!dst[0])
        cd_site_domain(v, n, dst);
}

static int S_high(const char *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)v[i] >= 0x80)
            return 1;
    return 0;
}

/* The canonical domain from URL v, first found wins. A URL with non-ASCII
 * bytes gives another domain (or none) in another charset: noted. */
static void S_canonical(cd_site_hostinfo *hi, const char *v, size_t n)
{
    if (hi->canonical[0])
        return;
    if (S_high(v, n))
        hi->unsure = 1;
    cd_site_domain(v, n, hi->canonical);
}

typedef struct S_at {
    const char *name, *value;
    uint32_t name_len, value_len;
} S_at;

static const char *S_get(const S_at *a, uint32_t n, const char *name, size_t *len)
{
    for (uint32_t i = 0; i < n; i++)
        if (cd_eq_nocase(a[i].name, a[i].name_len, name)) {
            *len = a[i].value_len;
            return a[i].value;
        }
    return NULL;
}

static int S_absolute_http(const char *v, size_t n)
{
    size_t i = 0;
    while (i < n && cd_isspace((unsigned char)v[i]))
        i++;
    return (n - i > 7 && cd_eq_nocase(v + i, 7, "http://")) || (n - i > 8 && cd_eq_nocase(v + i, 8, "https://")) ||
           (n - i > 2 && v[i] == '/' && v[i + 1] == '/');
}

static void S_host_el(cd_site_hostinfo *hi, uint16_t tag, const S_at *a, uint32_t n)
{
    size_t l1 = 0, l2 = 0, l3 = 0;
    const char *v1, *v2, *v3;
    switch (tag) {
    case CD_TAG_LINK:
        v1 = S_get(a, n, "rel", &l1);
        v2 = S_get(a, n, "href", &l2);
        if (!v1 || !v2 || !S_absolute_http(v2, l2))
            return;
        if (S_has_word(v1, l1, "canonical")) {
            S_canonical(hi, v2, l2);
        } else if (S_has_word(v1, l1, "alternate")) {
            v3 = S_get(a, n, "type", &l3);
            if (v3 && (cd_contains_nocase(v3, l3, "rss") || cd_contains_nocase(v3, l3, "atom")))
                S_copy_domain(hi->rss, v2, l2);
        }
        return;
    case CD_TAG_META:
        v1 = S_get(a, n, "property", &l1);
        if (!v1)
            v1 = S_get(a, n, "name", &l1);
        v2 = S_get(a, n, "content", &l2);
        if (!v1 || !v2)
            return;
        if (S_attr_is(v1, l1, "og:url") && S_absolute_http(v2, l2)) {
            S_canonical(hi, v2, l2);
        } else if (S_attr_is(v1, l1, "og:site_name") && !hi->sitename[0]) {
            size_t k = 0;
            int sp = 0;
            for (size_t i = 0; i < l2 && k + 2 < CD_SITE_HOSTLEN; i++) {
                unsigned char c = (unsigned char)v2[i];
                if (cd_isspace(c)) {
                    sp = k > 0;
                    continue;
                }
                if (sp)
                    hi->sitename[k++] = ' ';
                sp = 0;
                hi->sitename[k++] = (char)cd_tolower(c);
            }
            hi->sitename[k] = '\0';
        }
        return;
    case CD_TAG_BASE:
        v2 = S_get(a, n, "href", &l2);
        if (v2 && S_absolute_http(v2, l2))
            S_canonical(hi, v2, l2);
        return;
    case CD_TAG_A: {
        v2 = S_get(a, n, "href", &l2);
        if (!v2 || !S_absolute_http(v2, l2))
            return;
        char d[CD_SITE_HOSTLEN];
        size_t dl = cd_site_domain(v2, l2, d);
        if (!dl)
            return;
        hi->nlinks++;
        uint64_t h = S_FNV_OFF;
        for (size_t i = 0; i < dl; i++)
            h = S_byte(h, (unsigned char)d[i]);
        for (uint32_t i = 0; i < hi->ndom; i++)
            if (hi->dom[i].h == h) {
                hi->dom[i].n++;
                return;
            }
        if (hi->ndom < CD_SITE_LINKDOMS) {
            hi->dom[hi->ndom].h = h;
            hi->dom[hi->ndom].n = 1;
            memcpy(hi->dom[hi->ndom].name, d, dl + 1);
            hi->ndom++;
        }
        return;
    }
    default:
        return;
    }
}

/* ---- the tree driver ---- */

/* What the page's LINK, META, BASE and A elements say about its host: the
 * same elements in the same order as cd_site_scan_tree's walk, without the
 * segmenter (cd_site_page_host reads the host first: cd_site_mark scans only
 * pages whose host has enough pages). */
static void S_tree_host_el(const cd_node *n, cd_site_hostinfo *hi)
{
    S_at at[16];
    uint32_t k = 0;
    for (uint32_t i = 0; i < n->len && k < 16; i++) {
        at[k].name = n->u.attr[i].name;
        at[k].value = n->u.attr[i].value;
        at[k].name_len = n->u.attr[i].name_len;
        at[k].value_len = n->u.attr[i].value_len;
        k++;
    }
    S_host_el(hi, n->tag, at, k);
}


void cd_site_tree_host(const cd_dom *dom, cd_site_hostinfo *hi)
{
    memset(hi, 0, sizeof *hi);
    cd_nid root = cd_dom_root(dom);
    if (!root || dom->count < 2)
        return;
    /* Preorder over every node, as cd_site_scan_tree walks them. */
    for (cd_nid id = root; id; id = cd_dom_next(dom, id, root)) {
        const cd_node *n = cd_dom_node(dom, id);
        if (n->type == CD_NODE_ELEMENT && S_is_host_tag(n->tag)) {
            S_tree_host_el(n, hi);
            /* The first canonical domain decides the key (cd_site_host_key
             * prefers it to everything later): the rest is not read. */
            if (hi->canonical[0])
                return;
        }
    }
}

/* Does the tree walk give the element a frame? Only a block (a boundary
 * and a path step) or an element whose content is never text needs one:
 * S_path reads only block frames, and the other fields of a frame serve the
 * token driver. Elements at walk depth S_DEPTH or more have none either way
 * (S_open's "over"); the walk counts them itself. */
static int S_tree_frame(uint16_t tag)
{
    return S_is_block_tag(tag) || (cd_tag_flags(tag) & CD_TF_SKIP);
}

void cd_site_scan_tree(const cd_dom *dom, cd_site_block_fn fn, void *ctx, cd_site_hostinfo *hi)
{
    /* The segmenter is large (its stack): keep it off the C stack. */
    S_seg *g = dom->mem->calloc(1, sizeof *g);
    if (!g)
        return;
    if (hi)
        memset(hi, 0, sizeof *hi);
    S_seg_reset(g, fn, ctx, hi);
    g->tree = 1;
    cd_nid root = cd_dom_root(dom);
    if (!root || dom->count < 2) {
        dom->mem->free(g);
        return;
    }
    /* Without it (out of memory) each element's hash is worked out alone. */
    if (fn && dom->classes_indexed && dom->nclasses)
        g->elc = dom->mem->calloc((size_t)dom->nclasses + 1, sizeof *g->elc);
    /* The walk's depth in elements that open a frame or would (what S_open
     * counts in depth + over): an element at S_DEPTH or deeper is "over". */
    uint32_t wd = 0;
    cd_nid id = root;
    for (;;) {
        const cd_node *n = cd_dom_node(dom, id);
        int descend = 0;
        if (n->type == CD_NODE_ELEMENT) {
            if (hi && S_is_host_tag(n->tag))
                S_tree_host_el(n, hi);
            if (!(n->flags & CD_NF_NS) || n->tag == CD_TAG_SVG || n->tag == CD_TAG_MATH) {
                if (wd >= S_DEPTH) {
                    /* S_open past its stack: a block still breaks the text. */
                    if (S_is_block_tag(n->tag))
                        S_flush(g);
                    g->over++;
                } else if (!S_tree_frame(n->tag)) {
                    /* An inline element: no flush, no frame. */
                } else {
                    /* Only a block's class words go into a path (S_open);
                     * an element without class or id (class key 0) has none. */
                    size_t cl = 0;
                    const char *c = S_is_block_tag(n->tag) && (n->cls || !dom->classes_indexed)
                                        ? cd_dom_attr(dom, id, "class", &cl)
                                        : NULL;
                    const char *nm = n->name ? n->name : "";
                    uint32_t d0 = g->depth;
                    S_open(g, n->tag, nm, n->tag == CD_TAG_UNKNOWN ? strlen(nm) : 0, c, c ? cl : 0);
                    /* An unknown element's hash holds its name: not cached. */
                    if (g->depth > d0 && g->elc && n->tag != CD_TAG_UNKNOWN && n->cls <= dom->nclasses)
                        g->st[d0].ck = n->cls;
                }
                if (n->first) {
                    wd++;
                    descend = 1;
                } else if (wd < S_DEPTH && !S_tree_frame(n->tag)) {
                    /* no frame to pop */
                } else {
                    S_pop(g);
                }
            } else if (n->first) {
                /* foreign content inside svg/math: no frame, but walk it */
                descend = 2;
            }
        } else if (n->type == CD_NODE_TEXT) {
            S_text(g, n->u.text, n->len, id);
        } else if (n->type == CD_NODE_DOCUMENT && n->first) {
            descend = 2;
        }
        if (descend) {
            id = n->first;
            continue;
        }
        /* Up: close every element left. */
        for (;;) {
            const cd_node *c = cd_dom_node(dom, id);
            if (c->next) {
                id = c->next;
                break;
            }
            id = c->parent;
            if (!id) {
                S_flush(g);
                dom->mem->free(g->elc);
                dom->mem->free(g);
                return;
            }
            const cd_node *p = cd_dom_node(dom, id);
            if (p->type == CD_NODE_ELEMENT && (!(p->flags & CD_NF_NS) || p->tag == CD_TAG_SVG || p->tag == CD_TAG_MATH)) {
                wd--;
                if (wd >= S_DEPTH || S_tree_frame(p->tag))
                    S_pop(g);
            }
        }
    }
}

/* ---- the token driver ---- */

static int S_scope_stop(uint16_t tag)
{
    return tag == CD_TAG_TABLE || tag == CD_TAG_TD || tag == CD_TAG_TH || tag == CD_TAG_CAPTION ||
           tag == CD_TAG_HTML || tag == CD_TAG_TEMPLATE || tag == CD_TAG_OBJECT || tag == CD_TAG_BUTTON;
}

/* Pop up to and including the nearest open tag, searching down to a frame
 * for which stop() holds (NULL: the whole stack). */
static void S_close(S_seg *g, uint16_t tag, uint64_t elh_name, int (*stop)(uint16_t))
{
    if (g->over)
        return;
    for (uint32_t i = g->depth; i > 0; i--) {
        const S_frame *f = &g->st[i - 1];
        int match = f->tag == tag && (tag != CD_TAG_UNKNOWN || f->nh == elh_name);
        if (match) {
            while (g->depth >= i)
                S_pop(g);
            return;
        }
        if (stop && stop(f->tag))
            return;
    }
}

static int S_li_stop(uint16_t tag)
{
    return tag == CD_TAG_UL || tag == CD_TAG_OL || S_scope_stop(tag) ||
           (S_is_block_tag(tag) && tag != CD_TAG_DIV && tag != CD_TAG_ADDRESS && tag != CD_TAG_P && tag != CD_TAG_LI &&
            tag != CD_TAG_DD && tag != CD_TAG_DT);
}

static int S_cell_stop(uint16_t tag)
{
    return tag == CD_TAG_TABLE || tag == CD_TAG_HTML || tag == CD_TAG_TEMPLATE;
}

static int S_row_stop(uint16_t tag)
{
    return tag == CD_TAG_TABLE || tag == CD_TAG_HTML || tag == CD_TAG_TEMPLATE;
}

static int S_open_tag(const S_seg *g, uint16_t tag)
{
    for (uint32_t i = g->depth; i > 0; i--)
        if (g->st[i - 1].tag == tag)
            return 1;
    return 0;
}

static int S_head_content(uint16_t tag)
{
    return tag == CD_TAG_BASE || tag == CD_TAG_LINK || tag == CD_TAG_META || tag == CD_TAG_NOFRAMES ||
           tag == CD_TAG_SCRIPT || tag == CD_TAG_STYLE || tag == CD_TAG_TEMPLATE || tag == CD_TAG_TITLE ||
           tag == CD_TAG_NOSCRIPT || tag == CD_TAG_HEAD;
}

/* Unknown elements are matched by name: the hash of a frame with no class. */
static uint64_t S_name_hash(uint16_t tag, const char *name, size_t len)
{
    return S_elhash(tag, name, len, NULL, 0);
}

/* stop_host: return as soon as hi holds a canonical domain (the host scan);
 * raw: cd_site_scan_host_raw's checks too; ck: 0 no checkpoints (the last one
 * is forgotten), 1 keep checkpoints, 2 also start from the last one. */
static int S_scan_html(cd_site_scanner *s, const char *html, size_t len, cd_site_block_fn fn, void *ctx,
                       cd_site_hostinfo *hi, int stop_host, int raw, int ck)
{
    S_seg *g = &s->seg;
    if (hi)
        memset(hi, 0, sizeof *hi);
    S_seg_reset(g, fn, ctx, hi);
    if (fn) {
        /* A new generation: the entries of earlier scans point into other
         * bytes. At wrap-around every entry is cleared. */
        if (++s->tgen == 0) {
            memset(s->tc, 0, sizeof s->tc);
            s->tgen = 1;
        }
        g->tc = s->tc;
        g->tgen = s->tgen;
    }
    g->lo = html;
    g->hi_end = html + len;
    int in_foreign = 0; /* inside svg / math: honour self-closing */
    size_t base = 0;    /* where the tokenizer starts in html */
    if (ck == 2 && s->ck.valid && s->ck.off <= len) {
        /* Read on from the last checkpoint of the shorter start. */
        const S_ck *c = &s->ck;
        g->depth = c->depth;
        g->over = c->over;
        g->skip = c->skip;
        g->np = c->np;
        memcpy(g->st, c->st, c->depth * sizeof *g->st);
        in_foreign = c->in_foreign;
        base = c->off;
    } else {
        s->ck.valid = 0;
    }
    size_t ck_next = s->ck.valid ? s->ck.off + S_CK_STEP : 0;
    /* Only the attributes read below: a block's class (fn), a host element's
     * (hi; raw: their names too). */
    unsigned keep = (fn ? S_KEEP_BLOCK : 0) | (hi ? S_KEEP_HOST : 0);
    cd_tokenizer_keep_attrs(s->tok, keep ? s->keep[keep - 1] : NULL);
    cd_tokenizer_reset(s->tok, html + base, len - base);
    cd_token tk;
    memset(&tk, 0, sizeof tk);
    int ok = 1, tagged = 0;
    for (;;) {
        if (tagged && ck) {
            /* Right after a tag, the tokenizer in the data state: a checkpoint. */
            size_t off;
            if (cd_tokenizer_data_offset(s->tok, &off) && base + off >= ck_next) {
                S_ck *c = &s->ck;
                c->off = base + off;
                c->depth = g->depth;
                c->over = g->over;
                c->skip = g->skip;
                c->np = g->np;
                memcpy(c->st, g->st, g->depth * sizeof *g->st);
                c->in_foreign = in_foreign;
                c->valid = 1;
                ck_next = c->off + S_CK_STEP;
            }
        }
        if (!cd_tokenizer_next_lean(s->tok, &tk)) {
            ok = 0;
            break;
        }
        if (tk.kind == CD_TOK_EOF)
            break;
        tagged = tk.kind == CD_TOK_START_TAG || tk.kind == CD_TOK_END_TAG;
        if (tk.kind == CD_TOK_CHARS) {
            /* Text in the head moves the tree builder into the body. */
            if (g->depth && g->st[g->depth - 1].tag == CD_TAG_HEAD) {
                size_t i = 0;
                while (i < tk.len && cd_isspace((unsigned char)tk.data[i]))
                    i++;
                if (i < tk.len)
                    S_pop(g);
            }
            S_text(g, tk.data, tk.len, 0);
            continue;
        }
        if (raw && (tk.kind == CD_TOK_START_TAG || tk.kind == CD_TOK_END_TAG)) {
            /* A name with non-ASCII bytes is another name in another charset
             * (end tags match unknown elements by name); so, for the first
             * 16 attributes read below, are duplicate attribute names. */
            int bad = S_high(tk.data, tk.len);
            if (tk.kind == CD_TOK_START_TAG &&
                (tk.tag == CD_TAG_LINK || tk.tag == CD_TAG_META || tk.tag == CD_TAG_BASE))
                for (uint32_t i = 0; i < tk.nattrs && !bad; i++)
                    bad = S_high(tk.attrs[i].name, tk.attrs[i].name_len);
            if (bad) {
                hi->unsure = 1;
                return ok;
            }
        }
        if (tk.kind == CD_TOK_START_TAG) {
            uint16_t tag = tk.tag;
            /* After the first canonical domain nothing changes the key
             * (cd_site_host_key prefers it): the rest is not read. */
            if (hi && !hi->canonical[0] &&
                (tag == CD_TAG_LINK || tag == CD_TAG_META || tag == CD_TAG_BASE || tag == CD_TAG_A)) {
                S_at at[16];
                uint32_t k = 0;
                for (uint32_t i = 0; i < tk.nattrs && k < 16; i++) {
                    at[k].name = tk.attrs[i].name;
                    at[k].value = tk.attrs[i].value;
                    at[k].name_len = tk.attrs[i].name_len;
                    at[k].value_len = tk.attrs[i].value_len;
                    k++;
                }
                S_host_el(hi, tag, at, k);
                if (raw && hi->canonical[0]) {
                    /* Where the element's last attribute value ends in the
                     * input (a value copied out of it: unknown). */
                    size_t e = 0;
                    uintptr_t lo = (uintptr_t)html, hi_end = lo + len;
                    for (uint32_t i = 0; i < tk.nattrs && e < len; i++) {
                        uintptr_t v = (uintptr_t)tk.attrs[i].value;
                        if (!tk.attrs[i].value_len)
                            continue;
                        if (v < lo || v > hi_end)
                            e = len;
                        else if (v - lo + tk.attrs[i].value_len > e)
                            e = v - lo + tk.attrs[i].value_len;
                    }
                    hi->canonical_end = e < len ? e : len;
                }
                /* The key prefers the first canonical / og:url / base to
                 * anything later in the page: the rest cannot change it. */
                if (stop_host && (hi->canonical[0] || (raw && hi->unsure)))
                    return ok;
            }
            if (hi && tag != CD_TAG_HTML && !S_head_content(tag))
                hi->body = 1;
            if (tag == CD_TAG_HTML || tag == CD_TAG_BODY)
                continue; /* the tree builder merges them into the elements it made */
            if (in_foreign) {
                /* Foreign content: no frames (the tree walk makes none). */
                if (!tk.self_closing)
                    in_foreign++;
                continue;
            }
            /* Body content closes the head. */
            if (g->depth && g->st[g->depth - 1].tag == CD_TAG_HEAD && !S_head_content(tag))
                S_pop(g);
            if (g->np && (cd_tag_flags(tag) & CD_TF_CLOSES_P)) /* as the tree builder (dom/tags.def) */
                S_close(g, CD_TAG_P, 0, S_scope_stop);
            switch (tag) {
            case CD_TAG_LI:
                S_close(g, CD_TAG_LI, 0, S_li_stop);
                break;
            case CD_TAG_DD:
            case CD_TAG_DT:
                S_close(g, CD_TAG_DD, 0, S_li_stop);
                S_close(g, CD_TAG_DT, 0, S_li_stop);
                break;
            case CD_TAG_TD:
            case CD_TAG_TH:
                S_close(g, CD_TAG_TD, 0, S_cell_stop);
                S_close(g, CD_TAG_TH, 0, S_cell_stop);
                break;
            case CD_TAG_TR:
                S_close(g, CD_TAG_TD, 0, S_cell_stop);
                S_close(g, CD_TAG_TH, 0, S_cell_stop);
                S_close(g, CD_TAG_TR, 0, S_row_stop);
                break;
            case CD_TAG_H1:
            case CD_TAG_H2:
            case CD_TAG_H3:
            case CD_TAG_H4:
            case CD_TAG_H5:
            case CD_TAG_H6:
                if (g->depth && (cd_tag_flags(g->st[g->depth - 1].tag) & CD_TF_HEADING) && !g->over)
                    S_pop(g);
                break;
            case CD_TAG_OPTION:
            case CD_TAG_OPTGROUP:
                if (g->depth && g->st[g->depth - 1].tag == CD_TAG_OPTION && !g->over)
                    S_pop(g);
                break;
            case CD_TAG_BUTTON:
                if (S_open_tag(g, CD_TAG_BUTTON))
                    S_close(g, CD_TAG_BUTTON, 0, NULL);
                break;
            default:
                break;
            }
            if (cd_tag_flags(tag) & CD_TF_VOID) {
                /* A void block (hr) still breaks the text. */
                if (S_is_block_tag(tag))
                    S_flush(g);
                continue;
            }
            size_t cl = 0;
            const char *c = NULL;
            /* Attribute names come lower-cased from the tokenizer. */
            for (uint32_t i = 0; g->fn && S_is_block_tag(tag) && i < tk.nattrs; i++)
                if (tk.attrs[i].name_len == 5 && memcmp(tk.attrs[i].name, "class", 5) == 0) {
                    c = tk.attrs[i].value;
                    cl = tk.attrs[i].value_len;
                    break;
                }
            S_open(g, tag, tk.data, tk.len, c, cl);
            switch (tag) {
            case CD_TAG_SVG:
            case CD_TAG_MATH:
                in_foreign = 1;
                if (tk.self_closing)
                    in_foreign = 0, S_pop(g);
                break;
            case CD_TAG_TITLE:
            case CD_TAG_TEXTAREA:
                cd_tokenizer_set_state(s->tok, CD_TS_RCDATA);
                break;
            case CD_TAG_STYLE:
            case CD_TAG_XMP:
            case CD_TAG_IFRAME:
            case CD_TAG_NOEMBED:
            case CD_TAG_NOFRAMES:
                cd_tokenizer_set_state(s->tok, CD_TS_RAWTEXT);
                break;
            case CD_TAG_SCRIPT:
                cd_tokenizer_set_state(s->tok, CD_TS_SCRIPT_DATA);
                break;
            case CD_TAG_PLAINTEXT:
                cd_tokenizer_set_state(s->tok, CD_TS_PLAINTEXT);
                break;
            default:
                break;
            }
            continue;
        }
        if (tk.kind == CD_TOK_END_TAG) {
            uint16_t tag = tk.tag;
            if (in_foreign) {
                if (in_foreign == 1 || ((tag == CD_TAG_SVG || tag == CD_TAG_MATH) && S_open_tag(g, tag))) {
                    if (tag == CD_TAG_SVG || tag == CD_TAG_MATH)
                        S_close(g, tag, 0, NULL);
                    in_foreign = 0;
                } else {
                    in_foreign--;
                }
                continue;
            }
            if (tag == CD_TAG_HTML || tag == CD_TAG_BODY)
                continue;
            if (tag == CD_TAG_BR) {
                continue;
            }
            if (tag == CD_TAG_P && !g->np) {
                S_flush(g); /* an empty <p> */
                continue;
            }
            if (S_is_block_tag(tag))
                S_flush(g);
            if (tag == CD_TAG_LI)
                S_close(g, tag, 0, S_li_stop);
            else
                S_close(g, tag, tag == CD_TAG_UNKNOWN ? S_name_hash(tag, tk.data, tk.len) : 0, NULL);
            continue;
        }
    }
    S_flush(g);
    return ok;
}

int cd_site_scan_html(cd_site_scanner *s, const char *html, size_t len, cd_site_block_fn fn, void *ctx,
                      cd_site_hostinfo *hi)
{
    return S_scan_html(s, html, len, fn, ctx, hi, 0, 0, 0);
}

int cd_site_scan_host(cd_site_scanner *s, const char *html, size_t len, cd_site_hostinfo *hi)
{
    /* The same tokens as cd_site_scan_html (the segmenter's stack still
     * decides the implied closings and the tokenizer's states), no block
     * hashed, and the scan ends at the first canonical domain. */
    return S_scan_html(s, html, len, NULL, NULL, hi, 1, 0, 0);
}

int cd_site_scan_host_raw(cd_site_scanner *s, const char *html, size_t len, cd_site_hostinfo *hi)
{
    return S_scan_html(s, html, len, NULL, NULL, hi, 1, 1, 0);
}

int cd_site_scan_host_head(cd_site_scanner *s, const char *html, size_t len, int raw, int resume,
                           cd_site_hostinfo *hi)
{
    return S_scan_html(s, html, len, NULL, NULL, hi, 1, raw, resume ? 2 : 1);
}
