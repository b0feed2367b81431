/* site/model: per host, a deterministic sample of its pages and, for every
 * block fingerprint of them, which of those pages hold it.
 *
 * The state is a function of the set of pages observed, never of their order
 * or of how they were split between models later merged (docs/sites.md
 * proves it): a page is identified by its page key (a hash of its blocks'
 * texts, so the same story crawled twice is one page); a host keeps the
 * longest run of its pages in increasing key order that fits CD_SITE_K pages
 * and CD_SITE_HOST_BLOCKS fingerprints, and the model keeps the longest run
 * of all pages in increasing key order whose hosts' samples fit
 * CD_SITE_BUDGET bytes. What falls out is remembered as the smallest key
 * excluded (per host, and for the model), so that a later page beyond it is
 * refused as it would have been had it come first.
 *
 * A host's fingerprints are one sorted array of 64-bit entries: the 32-bit
 * fingerprint above a 32-bit mask of the sampled pages (bit i: the page with
 * the i-th smallest key) holding it. */
#include <stdlib.h>
#include <string.h>

#include "../input/input.h"
#include "../util/buf.h"
#include "../util/limits.h"
#include "site.h"

_Static_assert(CD_SITE_K <= 32, "a host's page mask is 32 bits");
_Static_assert(CD_SITE_PAGE_BLOCKS <= CD_SITE_HOST_BLOCKS, "one page always fits its host");

struct cd_site_host {
    uint64_t key; /* hash of name */
    uint64_t tau; /* the smallest page key this host left out (UINT64_MAX: none) */
    uint64_t pkey[CD_SITE_K];
    uint32_t ptitle[CD_SITE_K]; /* each sampled page's <title> hash (cd_site_title_hash; 0: none) */
    uint64_t *blk; /* nblk entries, ascending: fingerprint << 32 | page mask */
    uint32_t nblk;
    uint32_t npages;
    char name[CD_SITE_HOSTLEN];
};

/* The multi-byte legacy charsets copydesk_sites_host_head reads a start as. */
#define S_NMULTIBYTE 5

struct copydesk_sites {
    const cd_mem *mem;
    cd_site_host **host; /* ascending key */
    uint32_t nhost, hcap;
    uint64_t gtau; /* the smallest page key the budget left out */
    uint64_t cost; /* accounted bytes: S_HOST_COST per host, 8 per fingerprint */
    /* observe's scratch */
    cd_site_scanner *scan;
    cd_buf raw, decoded;
    void *conv[S_NMULTIBYTE]; /* copydesk_sites_host_head's converters (S_multibyte) */
    int conv_open;
    /* copydesk_sites_host_head's last start when it said -1 (a longer start
     * may tell): a call on a longer start with the same first bytes reads
     * on from the scanner's last checkpoint. */
    cd_buf head;
    int head_open; /* head holds such a start */
    int head_raw;  /* its run went on over bytes >= 0x80 */
    uint32_t *vec;
    uint64_t *tvec;
    uint32_t nvec, vcap;
};

#define S_HOST_COST ((uint64_t)sizeof(cd_site_host) + sizeof(cd_site_host *))
#define S_NONE UINT64_MAX

static uint64_t S_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

copydesk_sites *copydesk_sites_new(void)
{
    const cd_mem *mem = cd_mem_default();
    copydesk_sites *s = mem->calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->mem = mem;
    s->gtau = S_NONE;
    cd_buf_init(&s->raw, mem);
    cd_buf_init(&s->decoded, mem);
    cd_buf_init(&s->head, mem);
    return s;
}

static void S_host_free(const cd_mem *mem, cd_site_host *h)
{
    if (h) {
        mem->free(h->blk);
        mem->free(h);
    }
}

void copydesk_sites_free(copydesk_sites *s)
{
    if (!s)
        return;
    for (uint32_t i = 0; i < s->nhost; i++)
        S_host_free(s->mem, s->host[i]);
    s->mem->free(s->host);
    cd_site_scanner_free(s->scan);
    for (size_t i = 0; i < sizeof s->conv / sizeof *s->conv; i++)
        cd_input_converter_close(s->conv[i]);
    cd_buf_free(&s->raw);
    cd_buf_free(&s->decoded);
    cd_buf_free(&s->head);
    s->mem->free(s->vec);
    s->mem->free(s->tvec);
    s->mem->free(s);
}

size_t copydesk_sites_hosts(const copydesk_sites *s)
{
    return s ? s->nhost : 0;
}

size_t copydesk_sites_pages(const copydesk_sites *s)
{
    size_t n = 0;
    for (uint32_t i = 0; s && i < s->nhost; i++)
        n += s->host[i]->npages;
    return n;
}

size_t copydesk_sites_bytes(const copydesk_sites *s)
{
    if (!s)
        return 0;
    size_t n = sizeof *s + (size_t)s->hcap * sizeof *s->host;
    for (uint32_t i = 0; i < s->nhost; i++)
        n += sizeof(cd_site_host) + (size_t)s->host[i]->nblk * sizeof(uint64_t);
    return n;
}

/* ---- look-up ---- */

static uint32_t S_find_pos(const copydesk_sites *s, uint64_t key, int *found)
{
    uint32_t lo = 0, hi = s->nhost;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (s->host[mid]->key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = lo < s->nhost && s->host[lo]->key == key;
    return lo;
}

const cd_site_host *cd_site_find(const copydesk_sites *s, const char *key, size_t len)
{
    if (!s || !len)
        return NULL;
    int found;
    uint32_t i = S_find_pos(s, S_hash(key, len), &found);
    return found ? s->host[i] : NULL;
}

uint32_t cd_site_pages(const cd_site_host *h)
{
    return h ? h->npages : 0;
}

uint32_t cd_site_count(const cd_site_host *h, uint32_t fp)
{
    /* Most masks hold a bit or two: one step a bit (without a popcnt
     * instruction, __builtin_popcount is a library call). */
    uint32_t n = 0;
    for (uint32_t m = cd_site_mask(h, fp); m; m &= m - 1)
        n++;
    return n;
}

uint32_t cd_site_titles(const cd_site_host *h, uint32_t title)
{
    uint32_t n = 0;
    for (uint32_t j = 0; h && title && j < h->npages; j++)
        n += h->ptitle[j] == title;
    return n;
}

uint32_t cd_site_mask(const cd_site_host *h, uint32_t fp)
{
    uint32_t lo = 0, hi = h->nblk;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if ((uint32_t)(h->blk[mid] >> 32) < fp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < h->nblk && (uint32_t)(h->blk[lo] >> 32) == fp)
        return (uint32_t)h->blk[lo];
    return 0;
}

uint32_t cd_site_common(const cd_site_host *h, uint32_t pages, uint32_t thr, uint32_t *held)
{
    uint32_t common = 0;
    memset(held, 0, CD_SITE_K * sizeof *held);
    for (uint32_t i = 0; h && i < h->nblk; i++) {
        uint32_t mask = (uint32_t)h->blk[i] & pages;
        if ((uint32_t)__builtin_popcount(mask) < thr)
            continue;
        common++;
        for (; mask; mask &= mask - 1)
            held[__builtin_ctz(mask)]++;
    }
    return common;
}

/* ---- eviction ---- */

/* Drop the host's page with the largest key. */
static void S_evict_top(copydesk_sites *s, cd_site_host *h)
{
    uint32_t t = h->npages - 1;
    uint64_t bit = 1ull << t;
    uint32_t k = 0;
    for (uint32_t i = 0; i < h->nblk; i++) {
        uint64_t e = h->blk[i] & ~bit;
        if ((uint32_t)e)
            h->blk[k++] = e;
    }
    s->cost -= (uint64_t)(h->nblk - k) * 8;
    h->nblk = k;
    if (h->pkey[t] < h->tau)
        h->tau = h->pkey[t];
    h->npages--;
    if (!k) {
        s->mem->free(h->blk);
        h->blk = NULL;
    }
}

static void S_remove_host(copydesk_sites *s, uint32_t i)
{
    S_host_free(s->mem, s->host[i]);
    memmove(&s->host[i], &s->host[i + 1], (size_t)(s->nhost - i - 1) * sizeof s->host[0]);
    s->nhost--;
    s->cost -= S_HOST_COST;
}

/* The budget: drop the pages with the largest keys of the whole model. */
static void S_budget(copydesk_sites *s)
{
    while (s->cost > CD_SITE_BUDGET && s->nhost) {
        uint32_t best = 0;
        uint64_t bk = 0;
        for (uint32_t i = 0; i < s->nhost; i++) {
            const cd_site_host *h = s->host[i];
            if (h->npages && h->pkey[h->npages - 1] >= bk) {
                bk = h->pkey[h->npages - 1];
                best = i;
            }
        }
        if (bk < s->gtau)
            s->gtau = bk;
        cd_site_host *h = s->host[best];
        S_evict_top(s, h);
        if (!h->npages)
            S_remove_host(s, best);
    }
}

/* Pages at or beyond the model's or the host's bound go. */
static void S_trim_host(copydesk_sites *s, cd_site_host *h, uint64_t tau)
{
    if (tau < h->tau)
        h->tau = tau;
    uint64_t lim = h->tau < s->gtau ? h->tau : s->gtau;
    while (h->npages && h->pkey[h->npages - 1] >= lim)
        S_evict_top(s, h);
}

/* ---- adding a page ---- */

static copydesk_status S_host_get(copydesk_sites *s, const char *name, size_t len, cd_site_host **out)
{
    int found;
    uint64_t key = S_hash(name, len);
    uint32_t i = S_find_pos(s, key, &found);
    if (found) {
        *out = s->host[i];
        return COPYDESK_OK;
    }
    if (s->nhost == s->hcap) {
        uint32_t nc = s->hcap ? s->hcap * 2 : 64;
        cd_site_host **nh = s->mem->realloc(s->host, (size_t)nc * sizeof *nh);
        if (!nh)
            return COPYDESK_ERR_NOMEM;
        s->host = nh;
        s->hcap = nc;
    }
    cd_site_host *h = s->mem->calloc(1, sizeof *h);
    if (!h)
        return COPYDESK_ERR_NOMEM;
    h->key = key;
    h->tau = S_NONE;
    if (len >= CD_SITE_HOSTLEN)
        len = CD_SITE_HOSTLEN - 1;
    memcpy(h->name, name, len);
    h->name[len] = '\0';
    memmove(&s->host[i + 1], &s->host[i], (size_t)(s->nhost - i) * sizeof s->host[0]);
    s->host[i] = h;
    s->nhost++;
    s->cost += S_HOST_COST;
    *out = h;
    return COPYDESK_OK;
}

/* Add page key with fingerprints fp[0..m) (ascending, distinct) to host h.
 * Nothing changes on COPYDESK_ERR_NOMEM. */
static copydesk_status S_host_add(copydesk_sites *s, cd_site_host *h, uint64_t key, uint32_t title,
                                  const uint32_t *fp, uint32_t m)
{
    if (key >= h->tau || key >= s->gtau || !m)
        return COPYDESK_OK;
    uint32_t i = 0;
    while (i < h->npages && h->pkey[i] < key)
        i++;
    if (i < h->npages && h->pkey[i] == key) {
        /* The same page again; of two titles, the smaller stays (a function
         * of the set of pages, whatever their order). */
        if (title < h->ptitle[i])
            h->ptitle[i] = title;
        return COPYDESK_OK;
    }
    if (h->npages == CD_SITE_K && i == CD_SITE_K) {
        h->tau = key; /* beyond the sample: it would go at once */
        return COPYDESK_OK;
    }
    uint64_t *nb = s->mem->calloc((size_t)h->nblk + m, sizeof *nb);
    if (!nb)
        return COPYDESK_ERR_NOMEM;
    if (h->npages == CD_SITE_K)
        S_evict_top(s, h); /* room for one bit; the page above goes anyway */
    uint64_t low = (1ull << i) - 1, bit = 1ull << i;
    uint32_t a = 0, b = 0, k = 0;
    while (a < h->nblk || b < m) {
        uint64_t e;
        if (b >= m || (a < h->nblk && (uint32_t)(h->blk[a] >> 32) < fp[b])) {
            e = h->blk[a++];
            e = (e & 0xffffffff00000000ull) | ((e & low) | ((e & 0xffffffffull & ~low) << 1));
        } else if (a >= h->nblk || fp[b] < (uint32_t)(h->blk[a] >> 32)) {
            e = ((uint64_t)fp[b++] << 32) | bit;
        } else {
            e = h->blk[a++];
            e = (e & 0xffffffff00000000ull) | ((e & low) | ((e & 0xffffffffull & ~low) << 1)) | bit;
            b++;
        }
        nb[k++] = e;
    }
    s->cost += (uint64_t)(k - h->nblk) * 8;
    s->mem->free(h->blk);
    h->blk = nb;
    h->nblk = k;
    memmove(&h->pkey[i + 1], &h->pkey[i], (size_t)(h->npages - i) * sizeof h->pkey[0]);
    memmove(&h->ptitle[i + 1], &h->ptitle[i], (size_t)(h->npages - i) * sizeof h->ptitle[0]);
    h->pkey[i] = key;
    h->ptitle[i] = title;
    h->npages++;
    while (h->nblk > CD_SITE_HOST_BLOCKS && h->npages > 1)
        S_evict_top(s, h);
    if (h->nblk < k && h->nblk) {
        uint64_t *sh = s->mem->realloc(h->blk, (size_t)h->nblk * sizeof *sh);
        if (sh)
            h->blk = sh;
    }
    return COPYDESK_OK;
}

static copydesk_status S_add_page(copydesk_sites *s, const char *name, size_t len, uint64_t tau, uint64_t key,
                                  uint32_t title, const uint32_t *fp, uint32_t m)
{
    if (key >= s->gtau)
        return COPYDESK_OK;
    cd_site_host *h;
    int found;
    S_find_pos(s, S_hash(name, len), &found);
    copydesk_status st = S_host_get(s, name, len, &h);
    if (st != COPYDESK_OK)
        return st;
    S_trim_host(s, h, tau);
    st = S_host_add(s, h, key, title, fp, m);
    if (!h->npages) {
        int f2;
        uint32_t i = S_find_pos(s, h->key, &f2);
        if (f2)
            S_remove_host(s, i);
    }
    S_budget(s);
    (void)found;
    return st;
}

/* ---- observe ---- */

static int S_grow(copydesk_sites *s, uint32_t need)
{
    if (need <= s->vcap)
        return 1;
    uint32_t nc = s->vcap ? s->vcap : 256;
    while (nc < need)
        nc *= 2;
    uint32_t *v = s->mem->realloc(s->vec, (size_t)nc * sizeof *v);
    if (!v)
        return 0;
    s->vec = v;
    uint64_t *t = s->mem->realloc(s->tvec, (size_t)nc * sizeof *t);
    if (!t)
        return 0;
    s->tvec = t;
    s->vcap = nc;
    return 1;
}

typedef struct S_collect {
    copydesk_sites *s;
    int failed;
} S_collect;

static void S_on_block(void *ctx, const cd_site_block *b)
{
    S_collect *c = ctx;
    copydesk_sites *s = c->s;
    if (c->failed || s->nvec >= CD_MAX_NODES)
        return;
    if (!S_grow(s, s->nvec + 1)) {
        c->failed = 1;
        return;
    }
    s->vec[s->nvec] = b->fp;
    s->tvec[s->nvec] = b->text;
    s->nvec++;
}

/* The page key of blocks whose text hashes are t[0..n): the hash of their
 * sequence (digits folded: two crawls of one story are one page). */
static uint64_t S_page_key(const uint64_t *t, uint32_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ull;
    for (uint32_t i = 0; i < n; i++) {
        h ^= t[i];
        h *= 0xff51afd7ed558ccdull;
        h ^= h >> 31;
    }
    return h;
}

void cd_site_sort_u32(uint32_t *a, uint32_t n, uint32_t *tmp)
{
    if (n < 2)
        return;
    /* Four stable passes of eight bits (LSD radix): O(n), no comparisons. */
    uint32_t *src = a, *dst = tmp;
    for (unsigned sh = 0; sh < 32; sh += 8) {
        uint32_t cnt[256] = {0};
        for (uint32_t i = 0; i < n; i++)
            cnt[(src[i] >> sh) & 0xff]++;
        if (cnt[(src[0] >> sh) & 0xff] == n)
            continue; /* every key has this byte alike */
        uint32_t at = 0;
        for (unsigned b = 0; b < 256; b++) {
            uint32_t c = cnt[b];
            cnt[b] = at;
            at += c;
        }
        for (uint32_t i = 0; i < n; i++)
            dst[cnt[(src[i] >> sh) & 0xff]++] = src[i];
        uint32_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != a)
        memcpy(a, src, n * sizeof *a);
}

/* Sort and deduplicate fp[0..n); the first and last CD_SITE_PAGE_BLOCKS / 2
 * in document order when there are more. Returns the new count. */
static uint32_t S_page_set(uint32_t *fp, uint32_t n)
{
    if (n > CD_SITE_PAGE_BLOCKS) {
        uint32_t half = CD_SITE_PAGE_BLOCKS / 2;
        memmove(fp + half, fp + n - half, half * sizeof *fp);
        n = CD_SITE_PAGE_BLOCKS;
    }
    uint32_t tmp[CD_SITE_PAGE_BLOCKS];
    cd_site_sort_u32(fp, n, tmp);
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++)
        if (!k || fp[k - 1] != fp[i])
            fp[k++] = fp[i];
    return k;
}

copydesk_status cd_site_decode(cd_buf *raw, cd_buf *decoded, const char *bytes, size_t len, const char *charset);

/* The page as valid UTF-8 in *html: the caller's bytes (or the gunzipped
 * copy in raw) when they are that already, else the copy in decoded (the
 * tree's reading of a page, src/api/doc.c, does the same). */
static copydesk_status S_decode_view(cd_buf *raw, cd_buf *decoded, const char *bytes, size_t len, const char *charset,
                                     const char **html, size_t *hlen)
{
    *html = "";
    *hlen = 0;
    if (len == 0)
        return COPYDESK_ERR_EMPTY;
    if (len > CD_MAX_INPUT)
        return COPYDESK_ERR_TOO_LARGE;
    const unsigned char *in = (const unsigned char *)bytes;
    if (cd_input_is_gzip(in, len)) {
        cd_buf_clear(raw);
        copydesk_status st = cd_input_gunzip(in, len, cd_input_inflate_max(len, CD_INFLATE_RATIO, CD_INFLATE_FLOOR, CD_MAX_DECODED), raw);
        if (st != COPYDESK_OK)
            return st;
        in = (const unsigned char *)raw->data;
        len = raw->len;
        if (len == 0)
            return COPYDESK_ERR_EMPTY;
    }
    cd_decode_info info;
    memset(&info, 0, sizeof info);
    cd_buf_clear(decoded);
    copydesk_status st = cd_input_decode_view(in, len, charset, decoded, &info, html, hlen);
    if (st != COPYDESK_OK)
        return st;
    if (cd_input_not_html(in, len, *html, *hlen))
        return COPYDESK_ERR_NOT_HTML;
    return COPYDESK_OK;
}

copydesk_status cd_site_decode(cd_buf *raw, cd_buf *decoded, const char *bytes, size_t len, const char *charset)
{
    const char *html;
    size_t hlen;
    copydesk_status st = S_decode_view(raw, decoded, bytes, len, charset, &html, &hlen);
    if (st == COPYDESK_OK && html != decoded->data) {
        cd_buf_clear(decoded);
        cd_buf_put(decoded, html, hlen);
        if (decoded->failed)
            st = COPYDESK_ERR_NOMEM;
    }
    return st;
}

/* The page decoded (*html: see S_decode_view), and the scanner ready: what
 * observe and host read before they scan. */
static copydesk_status S_read(copydesk_sites *s, const char *bytes, size_t len, const char *charset, const char **html,
                              size_t *hlen)
{
    copydesk_status st = S_decode_view(&s->raw, &s->decoded, bytes, len, charset, html, hlen);
    if (st != COPYDESK_OK)
        return st;
    if (!s->scan && !(s->scan = cd_site_scanner_new(s->mem)))
        return COPYDESK_ERR_NOMEM;
    return COPYDESK_OK;
}

copydesk_status copydesk_sites_observe(copydesk_sites *s, const char *bytes, size_t len, const char *url,
                                       const char *charset)
{
    if (!s || (!bytes && len))
        return COPYDESK_ERR_ARG;
    const char *html;
    size_t hlen;
    copydesk_status st = S_read(s, bytes, len, charset, &html, &hlen);
    if (st != COPYDESK_OK)
        return st;
    cd_site_hostinfo hi;
    char key[CD_SITE_HOSTLEN];
    /* A URL naming a host decides the key (cd_site_host_key prefers it):
     * the page's own hints are then not read. */
    size_t kl = url && *url ? cd_site_host_key(url, NULL, key) : 0;
    S_collect c = {s, 0};
    s->nvec = 0;
    if (!cd_site_scan_html(s->scan, html, hlen, S_on_block, &c, kl ? NULL : &hi) ||
        c.failed)
        return COPYDESK_ERR_NOMEM;
    if (!kl)
        kl = cd_site_host_key(url, &hi, key);
    if (!kl || !s->nvec)
        return COPYDESK_OK;
    uint64_t pk = S_page_key(s->tvec, s->nvec);
    uint32_t m = S_page_set(s->vec, s->nvec);
    return S_add_page(s, key, kl, S_NONE, pk, cd_site_title_hash(html, hlen), s->vec, m);
}

copydesk_status copydesk_sites_host(copydesk_sites *s, const char *bytes, size_t len, const char *url,
                                    const char *charset, char *out, size_t cap)
{
    if (out && cap)
        out[0] = '\0';
    if (!s || !out || cap < CD_SITE_HOSTLEN || (!bytes && len))
        return COPYDESK_ERR_ARG;
    char key[CD_SITE_HOSTLEN];
    size_t kl = 0;
    /* A URL names the host before the page is read. */
    if (url && *url && (kl = cd_site_host_key(url, NULL, key)) > 0) {
        memcpy(out, key, kl + 1);
        return COPYDESK_OK;
    }
    /* observe's reading, up to what decides the key. */
    const char *html;
    size_t hlen;
    copydesk_status st = S_read(s, bytes, len, charset, &html, &hlen);
    if (st != COPYDESK_OK)
        return st;
    cd_site_hostinfo hi;
    if (!cd_site_scan_host(s->scan, html, hlen, &hi))
        return COPYDESK_ERR_NOMEM;
    kl = cd_site_host_key(url, &hi, key);
    memcpy(out, key, kl + 1);
    return COPYDESK_OK;
}

/* Bytes whose decoding is themselves in every charset the page may turn out
 * to have (UTF-16 aside): printable ASCII and the white space controls. */
#define S_P(c) (((c) >= 0x20 && (c) < 0x80) || (c) == '\t' || (c) == '\n' || (c) == '\f' || (c) == '\r')
#define S_P4(c) S_P(c), S_P((c) + 1), S_P((c) + 2), S_P((c) + 3)
#define S_P16(c) S_P4(c), S_P4((c) + 4), S_P4((c) + 8), S_P4((c) + 12)
#define S_P64(c) S_P16(c), S_P16((c) + 16), S_P16((c) + 32), S_P16((c) + 48)
static const unsigned char S_plain[256] = {S_P64(0), S_P64(64), S_P64(128), S_P64(192)};

/* The end of the run of plain bytes (high: or bytes >= 0x80) from u[k]:
 * eight bytes a step while none is a control byte (or >= 0x80). */
static size_t S_run_end(const unsigned char *u, size_t k, size_t len, int high)
{
    const uint64_t ones = 0x0101010101010101ull, tops = 0x8080808080808080ull;
    for (;;) {
        while (k + 8 <= len) {
            uint64_t x;
            memcpy(&x, u + k, 8);
            /* a byte < 0x20 sets its top bit in x - 0x20..; one >= 0x80 has it */
            uint64_t low = (x - ones * 0x20) & ~x & tops;
            if (low || (!high && (x & tops)))
                break;
            k += 8;
        }
        size_t stop = k + 8 < len ? k + 8 : len;
        while (k < stop && (S_plain[u[k]] || (high && u[k] >= 0x80)))
            k++;
        if (k < stop || k == len)
            return k;
    }
}

/* The first byte >= 0x80 of u[k..e) (e when none): eight bytes a step. */
static size_t S_next_high(const unsigned char *u, size_t k, size_t e)
{
    while (k + 8 <= e) {
        uint64_t x;
        memcpy(&x, u + k, 8);
        if (x & 0x8080808080808080ull)
            break;
        k += 8;
    }
    while (k < e && u[k] < 0x80)
        k++;
    return k;
}

/* The bytes the decoder reads to guess UTF-16 (src/input/decode.c). */
#define S_HEAD_MIN 4096u
/* Past the end of a canonical element's last attribute value, the bytes a
 * charset's reading of the start includes (the rest of the tag; a tag that
 * does not end there is not found, and the start does not decide). */
#define S_HEAD_TAG_TAIL 64u

/* The charsets whose decoders may read an ASCII byte after a non-ASCII one
 * as part of a character (or drop it): the multi-byte legacy ones. UTF-8 and
 * the single-byte charsets never do (docs/sites.md). */
static const char *const S_multibyte[S_NMULTIBYTE] = {"gbk", "big5", "shift_jis", "euc-kr", "euc-jp"};

static int S_is_multibyte(const char *cs)
{
    if (!strcmp(cs, "gb18030") || !strcmp(cs, "iso-2022-jp"))
        return 1;
    for (size_t i = 0; i < sizeof S_multibyte / sizeof *S_multibyte; i++)
        if (!strcmp(cs, S_multibyte[i]))
            return 1;
    return 0;
}

/* Does multi-byte charset S_multibyte[i] read every run of bytes >= 0x80 of
 * head that starts before e as non-ASCII characters only (at least one),
 * and the ASCII bytes after it as themselves? Then it reads head[0..e) as
 * the raw scan does (S_head_high). Each run is converted with the (up to 4)
 * ASCII bytes after it, from the initial state: the decoders are stateless
 * at an ASCII character, and take at most 3 bytes after a lead byte. */
static int S_keeps_ascii(copydesk_sites *s, size_t i, const unsigned char *u, size_t len, size_t e)
{
    size_t p = 0;
    while ((p = S_next_high(u, p, e)) < e) {
        size_t st = p;
        while (p < len && u[p] >= 0x80)
            p++;
        size_t q = p;
        while (q < len && q < p + 4 && u[q] < 0x80)
            q++;
        size_t na = q - p;
        if (!na || cd_input_convert(u + st, q - st, S_multibyte[i], s->conv[i], &s->raw) != COPYDESK_OK)
            return 0;
        const unsigned char *o = (const unsigned char *)s->raw.data;
        size_t ol = s->raw.len;
        /* The charset may take the letters or digits right after the run
         * into its characters (UTF-8's "’s" read as GBK: E2 80, 99 73):
         * then the start reads as the raw scan's with those letters turned
         * into other non-ASCII characters, which no token the scan reads can
         * tell (docs/sites.md: a letter right after a byte >= 0x80 is never
         * a tag's, a word's or a keyword's first, and a name or URL holding
         * such a byte makes the start unsure already). At least one ASCII
         * byte must come out as itself after them: the decoder is in its
         * initial state there. */
        size_t m = 0;
        while (m < na && (ol <= na - m || memcmp(o + ol - (na - m), u + p + m, na - m) != 0)) {
            unsigned char a = u[p + m];
            if (!((a >= '0' && a <= '9') || ((a | 32) >= 'a' && (a | 32) <= 'z')))
                return 0;
            m++;
        }
        if (m == na)
            return 0;
        for (size_t k = 0; k < ol - (na - m); k++)
            if (o[k] < 0x80)
                return 0;
        p = q;
    }
    return 1;
}

/* The key from head[0..len), whose bytes are plain or >= 0x80 (at least one):
 * 1 (key in out), -1 (a longer start may tell), 0 (the whole page is needed).
 * The page's charset is not known (it may depend on all of the page), so the
 * start is read as every charset it may have reads it:
 *  - UTF-8 and the single-byte charsets turn each non-ASCII byte into non-ASCII
 *    characters and leave every ASCII byte as it is: the tokens are those of
 *    the start with each such byte as one Latin-1 character (cd_site_scan_host_raw),
 *    except where a non-ASCII byte sits in a name the tokens are matched by (a
 *    tag name, an attribute name of link/meta/base) or in the URL of an element
 *    that may give the canonical domain: then 0 (hi.unsure);
 *  - a multi-byte legacy charset may take an ASCII byte after a non-ASCII one
 *    into a character: unless a byte order mark or the page's <meta> prescan
 *    (its first 1024 bytes, in the head) rules them out, the start up to the
 *    canonical element is converted from each (cd_input_convert, as decode
 *    would) and must give the same key. */
static int S_head_high(copydesk_sites *s, const char *head, size_t len, int utf8_bom, int resume, char *out)
{
    /* The tokenizer treats every byte >= 0x80 as an ordinary character byte
     * (only ASCII bytes are special to it, and it never decodes UTF-8), so
     * the raw start gives the tokens of its Latin-1 reading, each non-ASCII
     * byte standing for its character: no copy is needed. */
    cd_site_hostinfo hi;
    if (!cd_site_scan_host_head(s->scan, head, len, 1, resume, &hi) || hi.unsure)
        return 0;
    if (!hi.canonical[0])
        return hi.body ? 0 : -1;
    char key[CD_SITE_HOSTLEN];
    memcpy(key, hi.canonical, strlen(hi.canonical) + 1);
    int verify = !utf8_bom;
    if (verify) {
        const char *cs = cd_input_prescan((const unsigned char *)head, len);
        if (cs && (!strcmp(cs, "replacement") || (strcmp(cs, "utf-8") && !S_is_multibyte(cs))))
            verify = 0; /* read as cs or as UTF-8 (or as nothing: no key) */
    }
    if (verify) {
        /* The start up to the canonical element (canonical_end: an offset
         * in head). */
        size_t e = hi.canonical_end < len ? hi.canonical_end : len;
        /* No byte >= 0x80 before it: every charset reads that start alike. */
        if (S_next_high((const unsigned char *)head, 0, e) == e)
            verify = 0;
        e += S_HEAD_TAG_TAIL;
        if (e > len)
            e = len;
        cd_buf *conv = &s->raw;
        if (verify && !s->conv_open) {
            for (size_t i = 0; i < sizeof S_multibyte / sizeof *S_multibyte; i++)
                s->conv[i] = cd_input_converter_open(S_multibyte[i]);
            s->conv_open = 1;
        }
        for (size_t i = 0; verify && i < sizeof S_multibyte / sizeof *S_multibyte; i++) {
            if (S_keeps_ascii(s, i, (const unsigned char *)head, len, e))
                continue; /* read as the raw scan did: the same key */
            if (cd_input_convert((const unsigned char *)head, e, S_multibyte[i], s->conv[i], conv) != COPYDESK_OK)
                return 0;
            cd_site_hostinfo h2;
            if (!cd_site_scan_host(s->scan, conv->data, conv->len, &h2) || strcmp(h2.canonical, key) != 0)
                return 0;
        }
    }
    memcpy(out, key, strlen(key) + 1);
    return 1;
}

/* copydesk_sites_host_head's reading of head[0..len); resume: the previous
 * call said -1 on head[0..done) (the same bytes), whose run of plain bytes
 * (*raw: or bytes >= 0x80) reached its end, and whose scan left a checkpoint.
 * *raw says on return whether the run went on over bytes >= 0x80. */
static int S_head_read(copydesk_sites *s, const char *head, size_t len, int resume, size_t done, int *raw,
                       char *out)
{
    /* No NUL in the bytes the UTF-16 guess reads, and no UTF-16 byte order
     * mark: whatever charset the whole page gets, it is not UTF-16. */
    if (memchr(head, 0, S_HEAD_MIN))
        return 0;
    const unsigned char *u = (const unsigned char *)head;
    if ((u[0] == 0xFE && u[1] == 0xFF) || (u[0] == 0xFF && u[1] == 0xFE))
        return 0;
    /* A UTF-8 byte order mark: the page is UTF-8, read after it. */
    int bom = u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF;
    size_t from = bom ? 3 : 0;
    size_t k = S_run_end(u, resume ? done : from, len, *raw);
    if (!s->scan && !(s->scan = cd_site_scanner_new(s->mem)))
        return 0;
    /* The run of plain ASCII: every charset reads it byte for byte. The
     * tokenizer emits no tag cut by the end: a canonical found is a whole
     * element of the page, and every token before it is the page's. When
     * a non-ASCII byte ends the run, S_head_high reads the run and what
     * follows at once: the same tokens up to that byte, so the same first
     * canonical when it lies before, found without a second scan. */
    if (!*raw && (k == len || u[k] < 0x80)) {
        cd_site_hostinfo hi;
        if (!cd_site_scan_host_head(s->scan, head + from, k - from, 0, resume, &hi))
            return 0;
        if (hi.canonical[0]) {
            size_t l = strlen(hi.canonical);
            memcpy(out, hi.canonical, l + 1);
            return 1;
        }
        /* All plain so far: more of it may tell; a control byte: the
         * whole page is needed. */
        return k == len && !hi.body ? -1 : 0;
    }
    /* A non-ASCII byte: read on while the bytes are plain or non-ASCII. */
    if (!*raw)
        k = S_run_end(u, k, len, 1);
    *raw = 1;
    int r = S_head_high(s, head + from, k - from, bom, resume, out);
    if (r == -1 && k < len)
        r = 0; /* a control byte ends the run: the whole page is needed */
    return r;
}

int copydesk_sites_host_head(copydesk_sites *s, const char *head, size_t len, char *out, size_t cap)
{
    if (out && cap)
        out[0] = '\0';
    if (!s || !head || !out || cap < CD_SITE_HOSTLEN || len < S_HEAD_MIN)
        return 0;
    /* The previous call said -1 on a start this one extends: its run and
     * its scan are read on, not read again (the same bytes give the same
     * tokens; S_head_read). */
    int resume = s->head_open && len > s->head.len && memcmp(head, s->head.data, s->head.len) == 0;
    size_t done = resume ? s->head.len : 0;
    int raw = resume && s->head_raw;
    s->head_open = 0;
    int r = S_head_read(s, head, len, resume, done, &raw, out);
    if (r == -1) {
        cd_buf_clear(&s->head);
        cd_buf_put(&s->head, head, len);
        s->head_open = !s->head.failed;
        s->head_raw = raw;
    }
    return r;
}

size_t copydesk_sites_host_pages(const copydesk_sites *s, const char *key)
{
    if (!s || !key)
        return 0;
    return cd_site_pages(cd_site_find(s, key, strlen(key)));
}

/* ---- merge ---- */

/* Add host h's pages (of another model) to s. */
static copydesk_status S_merge_host(copydesk_sites *s, const cd_site_host *h, uint32_t *tmp)
{
    copydesk_status st = COPYDESK_OK;
    size_t nl = strlen(h->name);
    int found;
    uint32_t at = S_find_pos(s, h->key, &found);
    if (found)
        S_trim_host(s, s->host[at], h->tau);
    for (uint32_t j = 0; j < h->npages && st == COPYDESK_OK; j++) {
        uint32_t m = 0;
        for (uint32_t i = 0; i < h->nblk; i++)
            if (h->blk[i] & (1ull << j))
                tmp[m++] = (uint32_t)(h->blk[i] >> 32);
        st = S_add_page(s, h->name, nl, h->tau, h->pkey[j], h->ptitle[j], tmp, m);
    }
    return st;
}

static void S_set_gtau(copydesk_sites *s, uint64_t gtau)
{
    if (gtau >= s->gtau)
        return;
    s->gtau = gtau;
    for (uint32_t i = s->nhost; i > 0; i--) {
        cd_site_host *h = s->host[i - 1];
        S_trim_host(s, h, S_NONE);
        if (!h->npages)
            S_remove_host(s, i - 1);
    }
}

copydesk_status copydesk_sites_merge(copydesk_sites *dst, const copydesk_sites *src)
{
    if (!dst || !src)
        return COPYDESK_ERR_ARG;
    if (dst == src)
        return COPYDESK_OK;
    uint32_t *tmp = dst->mem->calloc(CD_SITE_HOST_BLOCKS, sizeof *tmp);
    if (!tmp)
        return COPYDESK_ERR_NOMEM;
    S_set_gtau(dst, src->gtau);
    copydesk_status st = COPYDESK_OK;
    for (uint32_t i = 0; i < src->nhost && st == COPYDESK_OK; i++)
        st = S_merge_host(dst, src->host[i], tmp);
    dst->mem->free(tmp);
    return st;
}

/* ---- the file format (docs/sites.md) ----
 *
 * Both ways stream: the save writes host by host through a small buffer and
 * hashes as it goes, and the load reads through a small window, so that
 * neither holds the file beside the model (issue #13's 64 MiB bound covers
 * learning and saving a model of 100,000 pages over 10,000 hosts:
 * docs/sites.md "Memory bound"). copydesk_sites_save and copydesk_sites_load
 * are the same code over a memory buffer. */

#define S_MAGIC "CDSITES\n"
#define S_VERSION 2u
/* The save's buffer and the streaming load's window. */
#define S_IOBUF (64u * 1024)

typedef struct S_wr {
    copydesk_write_fn write;
    void *ctx;
    unsigned char *buf;
    size_t n;
    uint64_t hash; /* FNV-1a of every byte put so far */
    copydesk_status st;
} S_wr;

static void S_flush(S_wr *w)
{
    if (w->n && w->st == COPYDESK_OK)
        w->st = w->write(w->ctx, w->buf, w->n);
    w->n = 0;
}

static void S_put(S_wr *w, const void *p, size_t n)
{
    const unsigned char *u = p;
    uint64_t h = w->hash;
    for (size_t i = 0; i < n; i++)
        h = (h ^ u[i]) * 1099511628211ull;
    w->hash = h;
    while (n && w->st == COPYDESK_OK) {
        size_t k = S_IOBUF - w->n < n ? S_IOBUF - w->n : n;
        memcpy(w->buf + w->n, u, k);
        w->n += k;
        u += k;
        n -= k;
        if (w->n == S_IOBUF)
            S_flush(w);
    }
}

static void S_put32(S_wr *w, uint32_t v)
{
    unsigned char x[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    S_put(w, x, 4);
}

static void S_put64(S_wr *w, uint64_t v)
{
    S_put32(w, (uint32_t)v);
    S_put32(w, (uint32_t)(v >> 32));
}

copydesk_status copydesk_sites_save_to(const copydesk_sites *s, copydesk_write_fn write, void *ctx)
{
    if (!s || !write)
        return COPYDESK_ERR_ARG;
    S_wr w = {write, ctx, s->mem->calloc(1, S_IOBUF), 0, 1469598103934665603ull, COPYDESK_OK};
    if (!w.buf)
        return COPYDESK_ERR_NOMEM;
    S_put(&w, S_MAGIC, 8);
    S_put32(&w, S_VERSION);
    S_put32(&w, CD_SITE_K);
    S_put32(&w, CD_SITE_HOST_BLOCKS);
    S_put64(&w, s->gtau);
    S_put32(&w, s->nhost);
    for (uint32_t i = 0; i < s->nhost && w.st == COPYDESK_OK; i++) {
        const cd_site_host *h = s->host[i];
        size_t nl = strlen(h->name);
        unsigned char c = (unsigned char)nl;
        S_put(&w, &c, 1);
        S_put(&w, h->name, nl);
        S_put64(&w, h->tau);
        S_put32(&w, h->npages);
        for (uint32_t j = 0; j < h->npages; j++)
            S_put64(&w, h->pkey[j]);
        for (uint32_t j = 0; j < h->npages; j++)
            S_put32(&w, h->ptitle[j]);
        S_put32(&w, h->nblk);
        for (uint32_t j = 0; j < h->nblk; j++)
            S_put64(&w, h->blk[j]);
    }
    S_put64(&w, w.hash);
    S_flush(&w);
    s->mem->free(w.buf);
    return w.st;
}

static copydesk_status S_to_buf(void *ctx, const void *p, size_t n)
{
    cd_buf *b = ctx;
    cd_buf_put(b, p, n);
    return b->failed ? COPYDESK_ERR_NOMEM : COPYDESK_OK;
}

char *copydesk_sites_save(const copydesk_sites *s, size_t *len, copydesk_status *status)
{
    copydesk_status dummy;
    if (!status)
        status = &dummy;
    if (len)
        *len = 0;
    if (!s) {
        *status = COPYDESK_ERR_ARG;
        return NULL;
    }
    cd_buf b;
    cd_buf_init(&b, cd_mem_default());
    copydesk_status st = copydesk_sites_save_to(s, S_to_buf, &b);
    if (st != COPYDESK_OK || !b.data) {
        cd_buf_free(&b);
        *status = st != COPYDESK_OK ? st : COPYDESK_ERR_NOMEM;
        return NULL;
    }
    *status = COPYDESK_OK;
    if (len)
        *len = b.len;
    return b.data; /* allocated by the default allocator: copydesk_free() */
}

/* The load's reader: a window p[at..n) over the input, refilled from read()
 * (NULL: the window is all the input). */
typedef struct S_rd {
    const unsigned char *p;
    size_t n, at;
    copydesk_read_fn read;
    void *ctx;
    unsigned char *buf; /* read()'s window, S_IOBUF bytes */
    uint64_t hash;      /* FNV-1a of every byte taken so far */
    int bad;            /* damaged or truncated */
    int io;             /* read() reported an error */
    int end;            /* read() said the input ended */
} S_rd;

/* 1 when a byte is there to take. */
static int S_fill(S_rd *r)
{
    if (r->at < r->n)
        return 1;
    if (!r->read || r->end)
        return 0;
    int err = 0;
    size_t got = r->read(r->ctx, r->buf, S_IOBUF, &err);
    if (got > S_IOBUF)
        got = S_IOBUF;
    if (err)
        r->io = r->end = 1; /* a read error fails the load: its bytes do not matter */
    else if (!got)
        r->end = 1;
    if (r->end)
        return 0;
    r->p = r->buf;
    r->n = got;
    r->at = 0;
    return 1;
}

static int S_take(S_rd *r, void *out, size_t n)
{
    unsigned char *o = out;
    while (n && !r->bad) {
        if (!S_fill(r)) {
            r->bad = 1;
            break;
        }
        size_t k = r->n - r->at < n ? r->n - r->at : n;
        const unsigned char *p = r->p + r->at;
        uint64_t h = r->hash;
        for (size_t i = 0; i < k; i++)
            h = (h ^ p[i]) * 1099511628211ull;
        r->hash = h;
        memcpy(o, p, k);
        r->at += k;
        o += k;
        n -= k;
    }
    if (r->bad)
        memset(o, 0, n);
    return !r->bad;
}

static uint32_t S_get32(S_rd *r)
{
    unsigned char p[4];
    if (!S_take(r, p, 4))
        return 0;
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t S_get64(S_rd *r)
{
    uint64_t lo = S_get32(r);
    return lo | (uint64_t)S_get32(r) << 32;
}

/* Read (and check) the next host into h, its entries into buf (h->blk
 * points there). Returns 0 when damaged. */
static int S_read_host(S_rd *r, cd_site_host *h, uint64_t *buf, uint32_t version)
{
    unsigned char c;
    if (!S_take(r, &c, 1))
        return 0;
    size_t nl = c;
    if (nl == 0 || nl >= CD_SITE_HOSTLEN || !S_take(r, h->name, nl))
        return 0;
    h->name[nl] = '\0';
    if (memchr(h->name, '\0', nl))
        return 0;
    h->key = S_hash(h->name, nl);
    h->tau = S_get64(r);
    h->npages = S_get32(r);
    if (r->bad || h->npages == 0 || h->npages > CD_SITE_K)
        return 0;
    for (uint32_t j = 0; j < h->npages; j++) {
        h->pkey[j] = S_get64(r);
        if (r->bad || h->pkey[j] >= h->tau || (j && h->pkey[j] <= h->pkey[j - 1]))
            return 0;
    }
    /* Version 1 knew no titles: its pages have none. */
    for (uint32_t j = 0; j < h->npages; j++)
        h->ptitle[j] = version >= 2 ? S_get32(r) : 0;
    h->nblk = S_get32(r);
    if (r->bad || h->nblk == 0 || h->nblk > CD_SITE_HOST_BLOCKS)
        return 0;
    uint32_t all = h->npages == 32 ? 0xffffffffu : (1u << h->npages) - 1;
    uint32_t used = 0;
    for (uint32_t j = 0; j < h->nblk; j++) {
        buf[j] = S_get64(r);
        uint32_t mask = (uint32_t)buf[j];
        if (r->bad || !mask || (mask & ~all) || (j && (buf[j] >> 32) <= (buf[j - 1] >> 32)))
            return 0;
        used |= mask;
    }
    h->blk = buf;
    return used == all; /* every page holds a block */
}

/* Read the whole file from r, checking all of it, and merge each host into
 * dst as it is read (dst NULL: check only). On an error dst may hold part of
 * the file: the callers merge into a model of their own until the file is
 * known good. */
static copydesk_status S_read_file(copydesk_sites *dst, S_rd *r, const cd_mem *mem)
{
    unsigned char magic[8];
    if (!S_take(r, magic, 8) || memcmp(magic, S_MAGIC, 8) != 0)
        return r->io ? COPYDESK_ERR_IO : COPYDESK_ERR_ARG;
    uint32_t version = S_get32(r);
    uint32_t k = S_get32(r);
    uint32_t hb = S_get32(r);
    uint64_t gtau = S_get64(r);
    uint32_t nhost = S_get32(r);
    if (r->bad || version < 1 || version > S_VERSION || k != CD_SITE_K || hb != CD_SITE_HOST_BLOCKS)
        return r->io ? COPYDESK_ERR_IO : COPYDESK_ERR_ARG;
    uint64_t *buf = mem->calloc(CD_SITE_HOST_BLOCKS, sizeof *buf);
    uint32_t *fps = dst ? mem->calloc(CD_SITE_HOST_BLOCKS, sizeof *fps) : NULL;
    cd_site_host *h = mem->calloc(1, sizeof *h);
    copydesk_status st = COPYDESK_OK;
    if (!buf || !h || (dst && !fps))
        st = COPYDESK_ERR_NOMEM;
    if (st == COPYDESK_OK && dst)
        S_set_gtau(dst, gtau);
    uint64_t prev = 0;
    for (uint32_t i = 0; i < nhost && st == COPYDESK_OK; i++) {
        if (!S_read_host(r, h, buf, version) || h->pkey[h->npages - 1] >= gtau || (i && h->key <= prev)) {
            st = COPYDESK_ERR_ARG;
            break;
        }
        prev = h->key;
        if (dst)
            st = S_merge_host(dst, h, fps);
    }
    if (st == COPYDESK_OK) {
        uint64_t want = r->hash;
        if (S_get64(r) != want || r->bad || S_fill(r))
            st = COPYDESK_ERR_ARG; /* a bad hash, or bytes after it */
    }
    if (r->io)
        st = COPYDESK_ERR_IO;
    mem->free(buf);
    mem->free(fps);
    mem->free(h);
    return st;
}

copydesk_status copydesk_sites_load(copydesk_sites *s, const char *data, size_t len)
{
    if (!s || !data)
        return COPYDESK_ERR_ARG;
    /* The whole file is at hand: check it all, then merge it in a second
     * pass (no model of its own needed). */
    S_rd r = {(const unsigned char *)data, len, 0, NULL, NULL, NULL, 1469598103934665603ull, 0, 0, 0};
    copydesk_status st = S_read_file(NULL, &r, s->mem);
    if (st != COPYDESK_OK)
        return st;
    S_rd r2 = {(const unsigned char *)data, len, 0, NULL, NULL, NULL, 1469598103934665603ull, 0, 0, 0};
    return S_read_file(s, &r2, s->mem);
}

copydesk_status copydesk_sites_load_from(copydesk_sites *s, copydesk_read_fn read, void *ctx)
{
    if (!s || !read)
        return COPYDESK_ERR_ARG;
    /* One pass: the file is merged into a model of its own as it is read,
     * and that model into s once the file proved whole (its hash is last).
     * Into an empty s the staged model is taken as it is: merging a file
     * into an empty model is what made it. */
    copydesk_sites *t = copydesk_sites_new();
    unsigned char *buf = s->mem->calloc(1, S_IOBUF);
    copydesk_status st = COPYDESK_ERR_NOMEM;
    if (t && buf) {
        S_rd r = {buf, 0, 0, read, ctx, buf, 1469598103934665603ull, 0, 0, 0};
        st = S_read_file(t, &r, s->mem);
    }
    s->mem->free(buf);
    if (st == COPYDESK_OK) {
        if (s->nhost == 0 && s->gtau == S_NONE) {
            cd_site_host **ph = s->host;
            uint32_t hc = s->hcap;
            s->host = t->host;
            s->nhost = t->nhost;
            s->hcap = t->hcap;
            s->gtau = t->gtau;
            s->cost = t->cost;
            t->host = ph;
            t->nhost = 0;
            t->hcap = hc;
        } else {
            st = copydesk_sites_merge(s, t);
        }
    }
    copydesk_sites_free(t);
    return st;
}
