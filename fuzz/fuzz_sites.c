/* fuzz/fuzz_sites: the site-model loader (copydesk_sites_load, src/site/model.c)
 * and the token-side block scanner behind copydesk_sites_observe.
 *
 * The input is read as a saved model, whole (copydesk_sites_load) and
 * streamed in pieces the input chooses (copydesk_sites_load_from: the same
 * verdict, the same model, into an empty model and into one holding a page;
 * a refused input or a read error leaves the model as it was). When it loads, the model must save to
 * bytes that load again and save to the very same bytes (the format is
 * canonical), merging it into itself or into an empty model must not change
 * those bytes, and its counts must be sane. A rejected input must leave the
 * model empty. The same bytes are then observed as a page (HTML, gzip or not)
 * into the loaded model, which must still save and load. Everything is freed
 * on every path (LeakSanitizer checks). Inputs of even length get their
 * trailing checksum recomputed first (the format's FNV-1a over all bytes but
 * the last 8), so that mutations reach the structural checks behind it.
 *
 * The same bytes are also counted as a page (copydesk_sites_host, the key a
 * batch counts before learning: with a URL taken from the input's first line
 * or without one) and read from their start alone (copydesk_sites_host_head,
 * on the page padded with spaces to past the 4096 bytes it needs, and on a
 * shorter start of it): the keys are NUL-terminated within their buffer, and
 * a start that decides the key (1) gives the key the whole page gives. Read
 * on step by step on one model (as the CLI reads a gzip page's start), each
 * longer start gives what it gives read alone. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "copydesk.h"

static void S_check(int ok)
{
    if (!ok)
        abort();
}

/* The head check reads at least this many bytes (S_HEAD_MIN, src/site/model.c). */
#define S_HEAD 4096u

static void S_key_ok(const char *k, size_t cap)
{
    S_check(memchr(k, 0, cap) != NULL);
}

/* Counting: copydesk_sites_host and copydesk_sites_host_head agree. */
static void S_hosts(const uint8_t *data, size_t size)
{
    copydesk_sites *m = copydesk_sites_new();
    if (!m)
        return;
    char k1[COPYDESK_SITES_KEY_MAX], k2[COPYDESK_SITES_KEY_MAX], url[128];
    /* With a URL: the first line (up to 127 bytes) when the input opens with
     * one; the key must come from it or, when it names no host, the page. */
    size_t ul = 0;
    while (ul < size && ul < sizeof url - 1 && data[ul] != '\n' && data[ul] != 0)
        ul++;
    if (ul < size && data[ul] == '\n') {
        memcpy(url, data, ul);
        url[ul] = '\0';
        (void)copydesk_sites_host(m, (const char *)data + ul + 1, size - ul - 1, url, NULL, k1, sizeof k1);
        S_key_ok(k1, sizeof k1);
    }
    /* Without: the page padded with spaces past what the head check reads. */
    size_t pl = size < S_HEAD + 64 ? S_HEAD + 64 : size;
    char *page = malloc(pl);
    if (!page) {
        copydesk_sites_free(m);
        return;
    }
    if (size)
        memcpy(page, data, size);
    memset(page + size, ' ', pl - size);
    copydesk_status st = copydesk_sites_host(m, page, pl, NULL, NULL, k1, sizeof k1);
    S_key_ok(k1, sizeof k1);
    size_t lens[3] = {pl, S_HEAD + (pl - S_HEAD) / 2, S_HEAD - 1};
    for (int i = 0; i < 3; i++) {
        int r = copydesk_sites_host_head(m, page, lens[i], k2, sizeof k2);
        S_key_ok(k2, sizeof k2);
        S_check(r >= -1 && r <= 1);
        if (r == 1) {
            S_check(k2[0] != '\0');
            if (st == COPYDESK_OK)
                S_check(strcmp(k1, k2) == 0);
        } else {
            S_check(k2[0] == '\0');
        }
    }
    /* Longer and longer starts on one model (each call reads on from where
     * the previous one stopped when it said -1 and the new start extends it)
     * give what each start gives on a model of its own: the page after 4096
     * spaces, cut at five points inside it. */
    size_t ql = S_HEAD + size + 64;
    char *q = malloc(ql);
    copydesk_sites *m2 = copydesk_sites_new();
    if (q && m2) {
        memset(q, ' ', ql);
        if (size)
            memcpy(q + S_HEAD, data, size);
        for (size_t i = 1; i <= 6; i++) {
            size_t l = i == 6 ? ql : S_HEAD + size * i / 5;
            char k3[COPYDESK_SITES_KEY_MAX];
            int r2 = copydesk_sites_host_head(m2, q, l, k2, sizeof k2);
            copydesk_sites *m3 = copydesk_sites_new();
            if (!m3)
                break;
            int r3 = copydesk_sites_host_head(m3, q, l, k3, sizeof k3);
            copydesk_sites_free(m3);
            S_check(r2 == r3 && strcmp(k2, k3) == 0);
            if (r2 != -1)
                break;
        }
    }
    copydesk_sites_free(m2);
    free(q);
    /* A buffer too small is refused, with an empty key. */
    S_check(copydesk_sites_host(m, page, pl, NULL, NULL, k2, 8) == COPYDESK_ERR_ARG && k2[0] == '\0');
    S_check(copydesk_sites_host_head(m, page, pl, k2, 8) == 0 && k2[0] == '\0');
    free(page);
    copydesk_sites_free(m);
}

/* The streaming loader (copydesk_sites_load_from) reads the input in
 * pieces whose sizes the input itself chooses (its bytes, cycled), sometimes
 * with a read error after `fail` bytes. */
typedef struct S_src {
    const uint8_t *d;
    size_t n, at, i, fail;
} S_src;

static size_t S_read(void *ctx, void *buf, size_t len, int *err)
{
    S_src *r = ctx;
    size_t k = r->n ? 1 + (size_t)((r->d[(r->i * 7) % r->n] ^ r->i) % 97) : 1;
    if (r->i % 11 == 10)
        k = 1 << 16; /* now and then a big piece */
    r->i++;
    if (k > len)
        k = len;
    if (k > r->n - r->at)
        k = r->n - r->at;
    if (r->at + k > r->fail) {
        *err = 1;
        k = r->fail > r->at ? r->fail - r->at : 0;
    }
    memcpy(buf, r->d + r->at, k);
    r->at += k;
    return k;
}

static int S_same(const copydesk_sites *a, const copydesk_sites *b)
{
    size_t na = 0, nb = 0;
    copydesk_status st;
    char *x = copydesk_sites_save(a, &na, &st), *y = copydesk_sites_save(b, &nb, &st);
    int same = !x || !y || (na == nb && memcmp(x, y, na) == 0); /* out of memory: no verdict */
    copydesk_free(x);
    copydesk_free(y);
    return same;
}

/* The streaming loader against the one that has the whole input: the same
 * verdict and the same model, into an empty model and into one that holds a
 * page already; a refused input (or a read error) leaves the model as it was. */
static void S_stream(const uint8_t *data, size_t size, copydesk_status whole)
{
    static const char page[] = "<html><head><link rel=canonical href=\"https://example.org/a\"></head><body>"
                               "<nav><li>Home page</li><li>World news</li></nav><p>A story of its own.</p></body></html>";
    copydesk_sites *a = copydesk_sites_new(), *b = copydesk_sites_new(), *c = copydesk_sites_new(),
                   *e = copydesk_sites_new();
    if (a && b && c && e) {
        copydesk_sites_observe(b, page, sizeof page - 1, NULL, NULL);
        copydesk_sites_observe(c, page, sizeof page - 1, NULL, NULL);
        S_src r = {data, size, 0, 0, SIZE_MAX};
        copydesk_status st = copydesk_sites_load_from(e, S_read, &r);
        if (st != COPYDESK_ERR_NOMEM && whole != COPYDESK_ERR_NOMEM) {
            S_check((st == COPYDESK_OK) == (whole == COPYDESK_OK));
            if (st == COPYDESK_OK) {
                S_check(copydesk_sites_load(a, (const char *)data, size) == COPYDESK_OK);
                S_check(S_same(a, e));
            } else {
                S_check(copydesk_sites_hosts(e) == 0 && copydesk_sites_pages(e) == 0);
            }
        }
        /* Into a model holding a page (c: as load merges it, b: as it was). */
        S_src r2 = {data, size, 0, 3, SIZE_MAX};
        st = copydesk_sites_load_from(c, S_read, &r2);
        if (st == COPYDESK_OK) {
            copydesk_sites *d = copydesk_sites_new();
            if (d) {
                copydesk_sites_observe(d, page, sizeof page - 1, NULL, NULL);
                if (copydesk_sites_load(d, (const char *)data, size) == COPYDESK_OK)
                    S_check(S_same(c, d));
                copydesk_sites_free(d);
            }
        } else if (st != COPYDESK_ERR_NOMEM) {
            S_check(S_same(b, c));
        }
        /* A read error wherever the input says: refused, nothing changed. */
        if (size) {
            S_src r3 = {data, size, 0, 5, data[size - 1] * size / 256};
            S_check(copydesk_sites_load_from(b, S_read, &r3) != COPYDESK_OK);
            copydesk_sites *f = copydesk_sites_new();
            if (f) {
                copydesk_sites_observe(f, page, sizeof page - 1, NULL, NULL);
                S_check(S_same(b, f));
                copydesk_sites_free(f);
            }
        }
    }
    copydesk_sites_free(a);
    copydesk_sites_free(b);
    copydesk_sites_free(c);
    copydesk_sites_free(e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    S_hosts(data, size);
    uint8_t *fixed = NULL;
    if (size >= 16 && size % 2 == 0 && (fixed = malloc(size)) != NULL) {
        memcpy(fixed, data, size);
        uint64_t h = 1469598103934665603ull;
        for (size_t i = 0; i + 8 < size; i++)
            h = (h ^ fixed[i]) * 1099511628211ull;
        for (int i = 0; i < 8; i++)
            fixed[size - 8 + (size_t)i] = (uint8_t)(h >> (8 * i));
        data = fixed;
    }
    copydesk_sites *m = copydesk_sites_new();
    if (!m) {
        free(fixed);
        return 0;
    }
    copydesk_status st = copydesk_sites_load(m, (const char *)data, size);
    S_stream(data, size, st);
    if (st != COPYDESK_OK) {
        S_check(copydesk_sites_hosts(m) == 0 && copydesk_sites_pages(m) == 0);
    } else {
        S_check(copydesk_sites_pages(m) >= copydesk_sites_hosts(m));
        size_t n1 = 0, n2 = 0, n3 = 0;
        char *a = copydesk_sites_save(m, &n1, &st);
        if (a) {
            copydesk_sites *b = copydesk_sites_new();
            if (b) {
                S_check(copydesk_sites_load(b, a, n1) == COPYDESK_OK);
                char *c = copydesk_sites_save(b, &n2, &st);
                if (c) {
                    S_check(n1 == n2 && memcmp(a, c, n1) == 0);
                    copydesk_free(c);
                }
                if (copydesk_sites_merge(b, m) == COPYDESK_OK) {
                    c = copydesk_sites_save(b, &n3, &st);
                    if (c) {
                        S_check(n1 == n3 && memcmp(a, c, n1) == 0);
                        copydesk_free(c);
                    }
                }
                copydesk_sites_free(b);
            }
            copydesk_free(a);
        }
    }
    /* The same bytes as a page. */
    copydesk_sites_observe(m, (const char *)data, size, size & 1 ? "http://www.example.org/a" : NULL, NULL);
    size_t n = 0;
    char *s = copydesk_sites_save(m, &n, &st);
    if (s) {
        copydesk_sites *b = copydesk_sites_new();
        if (b) {
            S_check(copydesk_sites_load(b, s, n) == COPYDESK_OK);
            copydesk_sites_free(b);
        }
        copydesk_free(s);
    }
    copydesk_sites_free(m);
    free(fixed);
    return 0;
}
