/* bench: throughput of the HTML tokenizer alone (src/parse/tokenizer.c).
 *
 *   bench_tokenizer [-n RUNS] DIR
 *
 * Loads every *.html / *.htm / *.html.gz in DIR (not recursive), gunzips and
 * decodes each to UTF-8 with the library's own decode (src/input: what the
 * tokenizer sees in production) into memory FIRST; none of that is timed.
 * Then, pinned to one core, pulls every token of every page with one reused
 * cd_tokenizer, RUNS times (default 5), switching state after the start tags
 * that make the tree builder switch it (script, style, title, textarea, ...:
 * S_switch below; foreign content and <![CDATA[ are left out), so that the
 * text of scripts and styles is scanned as the parser will scan it.
 * Reports the median run as MB/s (10^6 bytes of decoded UTF-8 per second),
 * the fastest and slowest runs, and tokens per second; then the same median
 * over CPU time, which a machine shared with other jobs disturbs less. */
#define _GNU_SOURCE /* sched_setaffinity, strdup */
#include <dirent.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "dom/dom.h"
#include "input/input.h"
#include "parse/tokenizer.h"
#include "util/buf.h"

static int S_cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int S_has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

/* Read a file through zlib: gzread passes plain files through unchanged. */
static char *S_load(const char *path, size_t *out_len)
{
    gzFile f = gzopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (cap - len < (1 << 15)) {
            char *nb = cap < ((size_t)1 << 30) ? realloc(buf, cap * 2) : NULL;
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        int n = gzread(f, buf + len, (unsigned)(cap - len));
        if (n < 0) {
            free(buf);
            buf = NULL;
        }
        if (n <= 0)
            break;
        len += (size_t)n;
    }
    gzclose(f);
    *out_len = len;
    return buf;
}

static double S_clock(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int S_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* What the tree builder does after a start tag (scripting off: <noscript>
 * content is markup). */
static void S_switch(cd_tokenizer *t, const cd_token *tok)
{
    switch (tok->tag) {
    case CD_TAG_SCRIPT:
        cd_tokenizer_set_state(t, CD_TS_SCRIPT_DATA);
        break;
    case CD_TAG_STYLE:
    case CD_TAG_XMP:
    case CD_TAG_IFRAME:
    case CD_TAG_NOEMBED:
    case CD_TAG_NOFRAMES:
        cd_tokenizer_set_state(t, CD_TS_RAWTEXT);
        break;
    case CD_TAG_TITLE:
    case CD_TAG_TEXTAREA:
        cd_tokenizer_set_state(t, CD_TS_RCDATA);
        break;
    case CD_TAG_PLAINTEXT:
        cd_tokenizer_set_state(t, CD_TS_PLAINTEXT);
        break;
    default:
        break;
    }
}

int main(int argc, char **argv)
{
    int runs = 5;
    const char *dir = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (argv[i][0] != '-' && !dir)
            dir = argv[i];
        else
            dir = NULL, runs = 0;
    }
    if (!dir || runs < 1 || runs > 64) {
        fputs("usage: bench_tokenizer [-n RUNS] DIR\n", stderr);
        return 2;
    }
    DIR *d = opendir(dir);
    if (!d) {
        perror(dir);
        return 1;
    }
    size_t nnames = 0, cap = 256;
    char **names = malloc(cap * sizeof *names);
    struct dirent *e;
    while (names && (e = readdir(d))) {
        if (!(S_has_suffix(e->d_name, ".html") || S_has_suffix(e->d_name, ".htm") ||
              S_has_suffix(e->d_name, ".html.gz")))
            continue;
        if (nnames == cap) {
            char **nn = realloc(names, cap * 2 * sizeof *names);
            if (!nn)
                break;
            names = nn;
            cap *= 2;
        }
        names[nnames++] = strdup(e->d_name);
    }
    closedir(d);
    if (!names || nnames == 0) {
        fprintf(stderr, "bench_tokenizer: no pages in %s\n", dir);
        return 1;
    }
    qsort(names, nnames, sizeof *names, S_cmp_name);

    char **pages = calloc(nnames, sizeof *pages);
    size_t *lens = calloc(nnames, sizeof *lens);
    size_t npages = 0, total = 0, raw_total = 0;
    for (size_t i = 0; i < nnames && pages && lens; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t len = 0;
        char *raw = S_load(path, &len);
        if (!raw) {
            fprintf(stderr, "bench_tokenizer: cannot read %s\n", path);
            continue;
        }
        cd_buf out;
        cd_buf_init(&out, cd_mem_default());
        cd_decode_info info;
        if (cd_input_decode((const unsigned char *)raw, len, NULL, &out, &info) != COPYDESK_OK) {
            fprintf(stderr, "bench_tokenizer: cannot decode %s\n", path);
            free(raw);
            cd_buf_free(&out);
            continue;
        }
        free(raw);
        raw_total += len;
        pages[npages] = cd_buf_detach(&out, &lens[npages]);
        total += lens[npages];
        npages++;
    }

    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(sched_getcpu() < 0 ? 0 : sched_getcpu(), &set);
    int pinned = sched_setaffinity(0, sizeof set, &set) == 0;

    cd_tokenizer *t = cd_tokenizer_new(cd_mem_default());
    if (!t)
        return 1;
    double secs[64], cpu[64];
    size_t ntok = 0, sum = 0;
    for (int r = 0; r < runs; r++) {
        ntok = sum = 0;
        double t0 = S_clock(CLOCK_MONOTONIC), c0 = S_clock(CLOCK_PROCESS_CPUTIME_ID);
        for (size_t i = 0; i < npages; i++) {
            cd_tokenizer_reset(t, pages[i], lens[i]);
            cd_token tok;
            do {
                if (!cd_tokenizer_next(t, &tok))
                    return 1;
                ntok++;
                if (tok.kind == CD_TOK_START_TAG)
                    S_switch(t, &tok);
                sum += tok.len + tok.nattrs;
            } while (tok.kind != CD_TOK_EOF);
        }
        secs[r] = S_clock(CLOCK_MONOTONIC) - t0;
        cpu[r] = S_clock(CLOCK_PROCESS_CPUTIME_ID) - c0;
    }
    cd_tokenizer_free(t);
    double sorted[64];
    memcpy(sorted, cpu, (size_t)runs * sizeof *cpu);
    qsort(sorted, (size_t)runs, sizeof *sorted, S_cmp_double);
    double cmed = runs % 2 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
    memcpy(sorted, secs, (size_t)runs * sizeof *secs);
    qsort(sorted, (size_t)runs, sizeof *sorted, S_cmp_double);
    double med = runs % 2 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
    printf("bench_tokenizer: %zu pages, %.1f MB decoded (%.1f MB as read), %d runs%s\n", npages,
           (double)total / 1e6, (double)raw_total / 1e6, runs, pinned ? ", pinned to one core" : "");
    printf("  median %.3f s  %.1f MB/s  (fastest %.1f MB/s, slowest %.1f MB/s)\n", med,
           (double)total / 1e6 / med, (double)total / 1e6 / sorted[0],
           (double)total / 1e6 / sorted[runs - 1]);
    printf("  CPU time: median %.3f s  %.1f MB/s\n", cmed, (double)total / 1e6 / cmed);
    printf("  %zu tokens per run, %.1f M tokens/s (checksum %zu)\n", ntok, (double)ntok / 1e6 / med,
           sum);
    for (size_t i = 0; i < npages; i++)
        free(pages[i]);
    for (size_t i = 0; i < nnames; i++)
        free(names[i]);
    free(pages);
    free(lens);
    free(names);
    return 0;
}
