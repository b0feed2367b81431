/* tests/site/sitebatch: a batch with site-chrome learning, on the public API.
 *
 *   sitebatch [options] FILE|DIR ...
 *     (default)        observe every page, then extract every page with the model
 *     --off            extract without a model
 *     --sites FILE     extract with a saved model only (no observing); repeatable
 *     --learn FILE     also save the model learned from the inputs
 *     --explain        the records carry --explain's mode and dropped blocks
 *     --url-from-gold DIR  (measurement) a page's URL from DIR/NAME.json "url"
 *     --stats          per page, to stderr: host blocks / chrome blocks
 *
 * Prints JSON Lines, one record per page in the order of the sorted inputs
 * (a directory's files sorted by name), as `copydesk --json` does. Used by
 * tests/site/run.sh and for the figures of docs/sites.md until the CLI's
 * two-pass mode lands. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "copydesk.h"

static char **S_files;
static size_t S_nfiles, S_cap;

static void S_add(const char *p)
{
    if (S_nfiles == S_cap) {
        S_cap = S_cap ? S_cap * 2 : 256;
        S_files = realloc(S_files, S_cap * sizeof *S_files);
        if (!S_files)
            exit(2);
    }
    S_files[S_nfiles++] = strdup(p);
}

static int S_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void S_walk(const char *p)
{
    struct stat sb;
    if (stat(p, &sb) != 0)
        return;
    if (!S_ISDIR(sb.st_mode)) {
        S_add(p);
        return;
    }
    DIR *d = opendir(p);
    if (!d)
        return;
    size_t from = S_nfiles;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char buf[4096];
        snprintf(buf, sizeof buf, "%s/%s", p, e->d_name);
        S_walk(buf);
    }
    closedir(d);
    qsort(S_files + from, S_nfiles - from, sizeof *S_files, S_cmp);
}

static char *S_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    size_t k;
    while (b && (k = fread(b + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            cap *= 2;
            b = realloc(b, cap);
        }
    }
    fclose(f);
    *len = n;
    return b;
}

/* The "url" of DIR/<basename without extensions>.json, for pages that carry none. */
static char *S_gold_url(const char *dir, const char *path)
{
    if (!dir)
        return NULL;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char name[1024];
    snprintf(name, sizeof name, "%s", base);
    char *dot = strchr(name, '.');
    if (dot)
        *dot = '\0';
    char gp[4096];
    snprintf(gp, sizeof gp, "%s/%s.json", dir, name);
    size_t n;
    char *g = S_read(gp, &n);
    if (!g)
        return NULL;
    char *u = NULL;
    char *k = strstr(g, "\"url\"");
    if (k && n) {
        k = strchr(k + 5, '"');
        if (k) {
            char *e = strchr(k + 1, '"');
            if (e) {
                *e = '\0';
                u = strdup(k + 1);
            }
        }
    }
    free(g);
    return u;
}

int main(int argc, char **argv)
{
    int off = 0, explain = 0, stats = 0, observe = 1;
    const char *learn = NULL, *gold = NULL;
    copydesk_sites *model = copydesk_sites_new();
    if (!model)
        return 2;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--off")) {
            off = 1;
        } else if (!strcmp(argv[i], "--explain")) {
            explain = 1;
        } else if (!strcmp(argv[i], "--stats")) {
            stats = 1;
        } else if (!strcmp(argv[i], "--learn") && i + 1 < argc) {
            learn = argv[++i];
        } else if (!strcmp(argv[i], "--url-from-gold") && i + 1 < argc) {
            gold = argv[++i];
        } else if (!strcmp(argv[i], "--sites") && i + 1 < argc) {
            size_t n;
            char *m = S_read(argv[++i], &n);
            if (!m || copydesk_sites_load(model, m, n) != COPYDESK_OK) {
                fprintf(stderr, "sitebatch: %s: not a site model\n", argv[i]);
                return 2;
            }
            free(m);
            observe = 0;
        } else {
            S_walk(argv[i]);
        }
    }
    if (off)
        observe = 0;
    if (observe) {
        for (size_t i = 0; i < S_nfiles; i++) {
            size_t n;
            char *b = S_read(S_files[i], &n);
            char *u = S_gold_url(gold, S_files[i]);
            if (b)
                copydesk_sites_observe(model, b, n, u, NULL);
            free(u);
            free(b);
        }
    }
    if (learn) {
        size_t n;
        copydesk_status st;
        char *m = copydesk_sites_save(model, &n, &st);
        FILE *f = m ? fopen(learn, "wb") : NULL;
        if (!f || fwrite(m, 1, n, f) != n) {
            fprintf(stderr, "sitebatch: cannot write %s\n", learn);
            return 2;
        }
        fclose(f);
        copydesk_free(m);
    }
    if (stats)
        fprintf(stderr, "model: %zu hosts, %zu pages, %zu bytes\n", copydesk_sites_hosts(model),
                copydesk_sites_pages(model), copydesk_sites_bytes(model));
    copydesk_doc *doc = copydesk_doc_new(explain ? COPYDESK_OPT_EXPLAIN : 0);
    if (!doc)
        return 2;
    for (size_t i = 0; i < S_nfiles; i++) {
        size_t n;
        char *b = S_read(S_files[i], &n);
        char *u = S_gold_url(gold, S_files[i]);
        copydesk_doc_reset(doc);
        copydesk_doc_set_sites(doc, off ? NULL : model);
        copydesk_doc_set_source(doc, S_files[i], strlen(S_files[i]));
        if (u)
            copydesk_doc_set_url(doc, u, strlen(u));
        copydesk_status st = b ? copydesk_doc_parse(doc, b, n) : COPYDESK_ERR_IO;
        const char *r = NULL;
        size_t rl = 0;
        if (st == COPYDESK_OK)
            r = copydesk_doc_render(doc, COPYDESK_FORMAT_JSON, &rl, &st);
        if (r)
            printf("%.*s\n", (int)rl, r);
        else
            printf("{\"source\":\"%s\",\"error\":\"%s\"}\n", S_files[i], copydesk_status_str(st));
        free(u);
        free(b);
    }
    copydesk_doc_free(doc);
    copydesk_sites_free(model);
    for (size_t i = 0; i < S_nfiles; i++)
        free(S_files[i]);
    free(S_files);
    return 0;
}
