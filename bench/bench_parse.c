/* bench_parse: parse-only throughput of the parsers behind src/parse/,
 * side by side (in issue #14, ours and myhtml; since myhtml left, ours
 * alone: parse/ports.h is where another would be added).
 *
 *   bench_parse [-n RUNS] [--limit N] [--only NAME] [--density] PATH...
 *
 * Loads every *.html / *.htm / *.html.gz under the PATHs (files or
 * directories, not recursive), decompresses and decodes each to UTF-8 FIRST
 * (src/input), so that only the parse is timed: HTML bytes -> copydesk's
 * tree (src/dom/), with one parser, tree and arena reused from page to page
 * as a batch does. Pinned to one core, each parser parses the whole set RUNS
 * times (default 5), alternating parsers from run to run so that both see
 * the same machine load; prints each parser's best and median run in MB/s
 * (10^6 bytes of decoded HTML per CPU second of this thread) and the ratio.
 * --limit N takes the first N pages of a directory (sorted by name);
 * --only runs one parser; --density prints the tree's nodes per KB of page
 * (the densest pages: what the per-page node budget must allow). */
#define _GNU_SOURCE /* sched_setaffinity */
#include <dirent.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "dom/dom.h"
#include "input/input.h"
#include "parse/ports.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/limits.h"

typedef struct {
    char *data;
    size_t len;
} S_page;

static S_page *S_pages;
static size_t S_npages, S_cap, S_total;

static char *S_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    cd_buf b;
    cd_buf_init(&b, cd_mem_default());
    char chunk[1 << 16];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        cd_buf_put(&b, chunk, n);
    fclose(f);
    return cd_buf_detach(&b, len);
}

static void S_add(const char *path)
{
    size_t len = 0;
    char *raw = S_read(path, &len);
    if (!raw)
        return;
    cd_buf gz, dec;
    cd_buf_init(&gz, cd_mem_default());
    cd_buf_init(&dec, cd_mem_default());
    const unsigned char *in = (const unsigned char *)raw;
    if (cd_input_is_gzip(in, len) && cd_input_gunzip(in, len, CD_MAX_DECODED, &gz) == COPYDESK_OK) {
        in = (const unsigned char *)gz.data;
        len = gz.len;
    }
    cd_decode_info info;
    if (len && cd_input_decode(in, len, NULL, &dec, &info) == COPYDESK_OK) {
        if (S_npages == S_cap) {
            S_cap = S_cap ? S_cap * 2 : 256;
            S_pages = realloc(S_pages, S_cap * sizeof *S_pages);
            if (!S_pages)
                exit(2);
        }
        S_pages[S_npages].len = dec.len;
        S_pages[S_npages].data = cd_buf_detach(&dec, NULL);
        S_total += S_pages[S_npages].len;
        S_npages++;
    }
    free(raw);
    cd_buf_free(&gz);
    cd_buf_free(&dec);
}

static int S_wanted(const char *name)
{
    size_t n = strlen(name);
    static const char *const ext[] = {".html", ".htm", ".html.gz", ".htm.gz"};
    for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
        size_t m = strlen(ext[i]);
        if (n >= m && strcmp(name + n - m, ext[i]) == 0)
            return 1;
    }
    return 0;
}

static int S_cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void S_add_path(const char *path, size_t limit)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        perror(path);
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        S_add(path);
        return;
    }
    DIR *d = opendir(path);
    if (!d)
        return;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!S_wanted(e->d_name))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            names = realloc(names, cap * sizeof *names);
            if (!names)
                exit(2);
        }
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, S_cmp_str);
    for (size_t i = 0; i < n; i++) {
        if (!limit || S_npages < limit) {
            char *full = NULL;
            if (asprintf(&full, "%s/%s", path, names[i]) > 0)
                S_add(full);
            free(full);
        }
        free(names[i]);
    }
    free(names);
}

static double S_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int S_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

typedef struct {
    const char *name;
    void *parser;
    copydesk_status (*parse)(void *p, const char *html, size_t len, cd_dom *dom);
    double secs[64];
    unsigned long nodes;
} S_bench;

static copydesk_status S_own_parse(void *p, const char *html, size_t len, cd_dom *dom)
{
    return cd_own_parse(p, html, len, dom, 0);
}


int main(int argc, char **argv)
{
    int runs = 5;
    size_t limit = 0;
    int npaths = 0;
    const char *only = NULL;
    int density = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc)
            limit = (size_t)atol(argv[++i]);
        else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc)
            only = argv[++i];
        else if (strcmp(argv[i], "--density") == 0)
            density = 1;
        else {
            S_add_path(argv[i], limit);
            npaths++;
        }
    }
    if (!npaths || runs < 1 || runs > 64 || !S_npages) {
        fputs("usage: bench_parse [-n RUNS] [--limit N] PATH...\n", stderr);
        return 2;
    }
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(sched_getcpu() >= 0 ? sched_getcpu() : 0, &set);
    sched_setaffinity(0, sizeof set, &set);

    S_bench b[2];
    int nb = 0;
    memset(b, 0, sizeof b);
    if (!only || strcmp(only, "own") == 0) {
        b[nb].name = "own";
        b[nb].parser = cd_own_parser_new(cd_mem_default());
        b[nb].parse = S_own_parse;
        nb++;
    }
    if (!nb) {
        fputs("bench_parse: no such parser in this build\n", stderr);
        return 2;
    }
    cd_arena arena;
    cd_dom dom;
    cd_arena_init(&arena, cd_mem_default(), 64 * 1024);
    cd_dom_init(&dom, cd_mem_default(), &arena);
    if (density) {
        double *d = calloc(S_npages, sizeof(double));
        for (size_t i = 0; d && i < S_npages; i++) {
            cd_dom_reset(&dom);
            cd_arena_reset(&arena);
            b[0].parse(b[0].parser, S_pages[i].data, S_pages[i].len, &dom);
            d[i] = (double)dom.count * 1024.0 / (double)(S_pages[i].len ? S_pages[i].len : 1);
        }
        qsort(d, S_npages, sizeof(double), S_cmp_double);
        printf("%s: nodes per KB of page: median %.1f, 99th percentile %.1f, max %.1f\n", b[0].name,
               d[S_npages / 2], d[S_npages * 99 / 100], d[S_npages - 1]);
        free(d);
    }
    /* One warm-up pass each, then alternate. */
    for (int r = -1; r < runs; r++) {
        for (int k = 0; k < nb; k++) {
            unsigned long nodes = 0;
            double t0 = S_cpu();
            for (size_t i = 0; i < S_npages; i++) {
                cd_dom_reset(&dom);
                cd_arena_reset(&arena);
                b[k].parse(b[k].parser, S_pages[i].data, S_pages[i].len, &dom);
                nodes += dom.count;
            }
            double t = S_cpu() - t0;
            if (r >= 0)
                b[k].secs[r] = t;
            b[k].nodes = nodes;
        }
    }
    printf("bench_parse: %zu pages, %.1f MB decoded, %d runs, parse only (HTML -> copydesk tree), one core\n",
           S_npages, (double)S_total / 1e6, runs);
    double best[2] = {0, 0};
    for (int k = 0; k < nb; k++) {
        qsort(b[k].secs, (size_t)runs, sizeof(double), S_cmp_double);
        double bst = (double)S_total / 1e6 / b[k].secs[0];
        double med = (double)S_total / 1e6 / b[k].secs[runs / 2];
        best[k] = med;
        printf("  %-7s best %7.1f MB/s   median %7.1f MB/s   (%lu nodes)\n", b[k].name, bst, med, b[k].nodes);
    }
    if (nb == 2)
        printf("  %s / %s median: %.2fx\n", b[0].name, b[1].name, best[0] / best[1]);
    for (int k = 0; k < nb; k++)
        cd_own_parser_free(b[k].parser);
    cd_dom_free(&dom);
    cd_arena_free(&arena);
    for (size_t i = 0; i < S_npages; i++)
        free(S_pages[i].data);
    free(S_pages);
    return 0;
}
