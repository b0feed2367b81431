/* fuzz/fuzz_sites: the site-model loader (copydesk_sites_load, src/site/model.c)
 * and the token-side block scanner behind copydesk_sites_observe.
 *
 * The input is read as a saved model. When it loads, the model must save to
 * bytes that load again and save to the very same bytes (the format is
 * canonical), merging it into itself or into an empty model must not change
 * those bytes, and its counts must be sane. A rejected input must leave the
 * model empty. The same bytes are then observed as a page (HTML, gzip or not)
 * into the loaded model, which must still save and load. Everything is freed
 * on every path (LeakSanitizer checks). Inputs of even length get their
 * trailing checksum recomputed first (the format's FNV-1a over all bytes but
 * the last 8), so that mutations reach the structural checks behind it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "copydesk.h"

static void S_check(int ok)
{
    if (!ok)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
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
