/* The html5lib encoding-sniffing suites (tests1.dat, tests2.dat,
 * test-yahoo-jp.dat) run through cd_input_decode with no hint: the charset it
 * reports must match #encoding (ASCII case-insensitively).
 *
 * The data lives in shared/ beside the repo clone; the test runs from the repo
 * root and FAILS when the directory is missing (it never skips).
 *
 * Every case passes; a case that cannot pass by design would be listed here.
 * (scripted/tests1.dat is not part of this suite: its metas are built by
 * document.write and need a script engine.)
 * The cases whose <meta> sits past the first 1024 bytes (after a 1025..8193
 * character comment) pass through the late-meta scan (CD_INPUT_LATE_META_BYTES),
 * our stand-in for the tree builder's "change the encoding". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "input/input.h"
#include "util/ctype.h"
#include "util/utf8.h"

#define DATA_DIR "../shared/data/html5lib-tests/encoding"

static const char *const S_files[] = {"tests1.dat", "tests2.dat", "test-yahoo-jp.dat"};

static int S_total, S_passed;

static char *S_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *p = malloc(cap);
    size_t k;
    while (p && (k = fread(p + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            char *q = realloc(p, cap *= 2);
            if (!q) {
                free(p);
                p = NULL;
            }
            p = q;
        }
    }
    fclose(f);
    *len = n;
    return p;
}

static void S_run_case(const char *file, int index, const char *data, size_t dlen, const char *want,
                       size_t wlen)
{
    cd_buf out;
    cd_decode_info info;
    cd_buf_init(&out, cd_mem_default());
    copydesk_status st = cd_input_decode((const unsigned char *)data, dlen, NULL, &out, &info);
    int ok = st == COPYDESK_OK && cd_eq_nocase(want, wlen, info.charset);
    S_total++;
    S_passed += ok;
    OK(ok, "%s #%d: got %s, want %.*s", file, index, info.charset, (int)wlen, want);
    OK(out.data && cd_utf8_valid_prefix((const unsigned char *)out.data, out.len) == out.len,
       "%s #%d: output is not valid UTF-8", file, index);
    cd_buf_free(&out);
}

/* Split a .dat file into #data / #encoding pairs. */
static void S_run_file(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", DATA_DIR, name);
    size_t len;
    char *buf = S_slurp(path, &len);
    OK(buf != NULL, "cannot read %s (run from the repo root with shared/ beside it)", path);
    if (!buf) return;
    int index = 0, cases = 0;
    size_t p = 0;
    while (p < len) {
        /* Find a "#data\n" line. */
        if (!(p + 6 <= len && !memcmp(buf + p, "#data\n", 6) && (p == 0 || buf[p - 1] == '\n'))) {
            const char *nl = memchr(buf + p, '\n', len - p);
            p = nl ? (size_t)(nl - buf) + 1 : len;
            continue;
        }
        size_t d = p + 6, e = d;
        /* The data runs to the next "\n#encoding\n". */
        while (e < len && !(e + 11 <= len && !memcmp(buf + e, "\n#encoding\n", 11)))
            e++;
        OK(e < len, "%s: #data without #encoding", name);
        if (e >= len) break;
        size_t w = e + 11, we = w;
        while (we < len && buf[we] != '\n' && buf[we] != '\r')
            we++;
        index++;
        cases++;
        S_run_case(name, index, buf + d, e - d, buf + w, we - w);
        p = we;
    }
    OK(cases > 0, "%s: no cases found", name);
    free(buf);
}

int main(void)
{
    for (size_t i = 0; i < sizeof S_files / sizeof S_files[0]; i++)
        S_run_file(S_files[i]);
    printf("html5lib encoding: %d/%d pass\n", S_passed, S_total);
    OK(S_total == 82, "expected 82 cases (59 + 22 + 1), found %d", S_total);
    return cd_t_done();
}
