/* tests/site/sitedump: measurement aid for docs/sites.md (internal API).
 *
 *   sitedump agree FILE|DIR ...   per page, the blocks of the token side and
 *                                 of the tree side, and how many agree
 *                                 (multiset of fingerprints); totals last
 *   sitedump host [--gold DIR] FILE|DIR ...
 *                                 per page its site key (and the gold URL's)
 *   sitedump hostscan FILE|DIR ...
 *                                 per page the key copydesk_sites_host gives
 *                                 (the reading stopped at the first canonical)
 *                                 against the full token scan's; exit 1 if
 *                                 any differs
 *   sitedump blocks MODEL FILE    the page's blocks with the count of the
 *                                 host's sampled pages holding each
 *   sitedump mem PAGES HOSTS [BLOCKS [FILE]]
 *                                 observe PAGES made-up pages over HOSTS
 *                                 hosts (BLOCKS paragraphs each, default
 *                                 120, plus 40 chrome blocks of their host),
 *                                 then print the model's accounted bytes,
 *                                 the process's peak RSS, save the model
 *                                 streamed (copydesk_sites_save_to; into
 *                                 FILE if given) and print the save size and
 *                                 the peak RSS after it
 *   sitedump load FILE ...        load saved models streamed
 *                                 (copydesk_sites_load_from) into one, then
 *                                 print its counts and the peak RSS */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "dom/dom.h"
#include "parse/parse.h"
#include "input/input.h"
#include "site/site.h"
#include "util/arena.h"
#include "util/buf.h"

copydesk_status cd_site_decode(cd_buf *raw, cd_buf *decoded, const char *bytes, size_t len, const char *charset);

static char **S_files;
static size_t S_nfiles, S_cap;

static void S_add(const char *p)
{
    if (S_nfiles == S_cap) {
        S_cap = S_cap ? S_cap * 2 : 256;
        S_files = realloc(S_files, S_cap * sizeof *S_files);
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
    size_t cap = 1 << 16, n = 0, k;
    char *b = malloc(cap);
    while ((k = fread(b + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap)
            b = realloc(b, cap *= 2);
    }
    fclose(f);
    *len = n;
    return b;
}

typedef struct V {
    uint32_t *fp;
    cd_site_block *b;
    size_t n, cap;
} V;

static void S_on(void *ctx, const cd_site_block *b)
{
    V *v = ctx;
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 256;
        v->fp = realloc(v->fp, v->cap * sizeof *v->fp);
        v->b = realloc(v->b, v->cap * sizeof *v->b);
    }
    v->b[v->n] = *b;
    v->fp[v->n++] = b->fp;
}

static int S_cmpu(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* A made-up word from x: letters only (digits fold in fingerprints). */
static size_t S_word(char *o, uint64_t x)
{
    size_t n = 3 + (size_t)(x % 6);
    for (size_t i = 0; i < n; i++, x /= 26)
        o[i] = (char)('a' + (x % 26));
    return n;
}

static uint64_t S_rnd(uint64_t *st)
{
    uint64_t x = (*st += 0x9E3779B97F4A7C15ull);
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

typedef struct S_out {
    FILE *f; /* NULL: count only */
    size_t n;
} S_out;

static copydesk_status S_write(void *ctx, const void *buf, size_t len)
{
    S_out *o = ctx;
    o->n += len;
    return !o->f || fwrite(buf, 1, len, o->f) == len ? COPYDESK_OK : COPYDESK_ERR_IO;
}

static size_t S_fread(void *ctx, void *buf, size_t len, int *err)
{
    size_t n = fread(buf, 1, len, ctx);
    if (n < len && ferror((FILE *)ctx))
        *err = 1;
    return n;
}

/* sitedump load FILE ...: the models streamed into one. */
static int S_load(int argc, char **argv)
{
    copydesk_sites *m = copydesk_sites_new();
    if (!m)
        return 2;
    for (int i = 0; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        copydesk_status st = f ? copydesk_sites_load_from(m, S_fread, f) : COPYDESK_ERR_IO;
        if (f)
            fclose(f);
        if (st != COPYDESK_OK) {
            fprintf(stderr, "sitedump: %s: %s\n", argv[i], copydesk_status_str(st));
            return 1;
        }
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("loaded %d file(s): model %zu hosts, %zu pages sampled, %zu bytes (%.1f MiB); peak RSS %.1f MiB\n", argc,
           copydesk_sites_hosts(m), copydesk_sites_pages(m), copydesk_sites_bytes(m),
           (double)copydesk_sites_bytes(m) / 1048576.0, (double)ru.ru_maxrss / 1024.0);
    copydesk_sites_free(m);
    return 0;
}

static int S_mem(unsigned long pages, unsigned long hosts, unsigned long blocks, const char *out_path)
{
    copydesk_sites *m = copydesk_sites_new();
    size_t cap = 1 << 20;
    char *b = malloc(cap);
    if (!m || !b)
        return 2;
    for (unsigned long p = 0; p < pages; p++) {
        unsigned long h = (p * 2654435761ul) % hosts;
        uint64_t st = p * 7919u + 1;
        size_t n = 0;
        n += (size_t)snprintf(b + n, cap - n, "<html><head><link rel=canonical href=\"https://www.h%lx-example.com/p\"></head><body><nav>", h);
        for (int k = 0; k < 40; k++) {
            uint64_t cs = h * 1000003u + (uint64_t)k;
            n += (size_t)snprintf(b + n, cap - n, "<li class=\"menu\">");
            n += S_word(b + n, S_rnd(&cs));
            b[n++] = ' ';
            n += S_word(b + n, S_rnd(&cs));
            n += (size_t)snprintf(b + n, cap - n, "</li>");
        }
        n += (size_t)snprintf(b + n, cap - n, "</nav><article>");
        for (unsigned long k = 0; k < blocks && n + 400 < cap; k++) {
            n += (size_t)snprintf(b + n, cap - n, "<p>");
            for (int w = 0; w < 12; w++) {
                n += S_word(b + n, S_rnd(&st));
                b[n++] = ' ';
            }
            n += (size_t)snprintf(b + n, cap - n, "</p>");
        }
        n += (size_t)snprintf(b + n, cap - n, "</article></body></html>");
        if (copydesk_sites_observe(m, b, n, NULL, NULL) != COPYDESK_OK)
            return 3;
    }
    struct rusage ru, ru2;
    getrusage(RUSAGE_SELF, &ru);
    S_out out = {out_path ? fopen(out_path, "wb") : NULL, 0};
    if (out_path && !out.f)
        return 2;
    copydesk_status st = copydesk_sites_save_to(m, S_write, &out);
    if (out.f && fclose(out.f) != 0)
        st = COPYDESK_ERR_IO;
    getrusage(RUSAGE_SELF, &ru2);
    printf("pages %lu hosts %lu: model %zu hosts, %zu pages sampled, %zu bytes (%.1f MiB); peak RSS %.1f MiB; "
           "saved %zu bytes (%s), peak RSS %.1f MiB\n",
           pages, hosts, copydesk_sites_hosts(m), copydesk_sites_pages(m), copydesk_sites_bytes(m),
           (double)copydesk_sites_bytes(m) / 1048576.0, (double)ru.ru_maxrss / 1024.0, out.n,
           copydesk_status_str(st), (double)ru2.ru_maxrss / 1024.0);
    copydesk_sites_free(m);
    free(b);
    return 0;
}

static void S_noop(void *ctx, const cd_site_block *b)
{
    (void)ctx;
    (void)b;
}

int main(int argc, char **argv)
{
    if (argc < 3)
        return 2;
    if (!strcmp(argv[1], "mem"))
        return S_mem(strtoul(argv[2], NULL, 10), argc > 3 ? strtoul(argv[3], NULL, 10) : 1,
                     argc > 4 ? strtoul(argv[4], NULL, 10) : 120, argc > 5 ? argv[5] : NULL);
    if (!strcmp(argv[1], "load"))
        return S_load(argc - 2, argv + 2);
    const cd_mem *mem = cd_mem_default();
    cd_buf raw, dec;
    cd_buf_init(&raw, mem);
    cd_buf_init(&dec, mem);
    cd_site_scanner *sc = cd_site_scanner_new(mem);
    cd_parser *ps = cd_parser_new(mem);
    cd_arena arena;
    cd_arena_init(&arena, mem, 1 << 18);
    cd_dom dom;
    cd_dom_init(&dom, mem, &arena);
    const char *mode = argv[1];
    const char *gold = NULL;
    copydesk_sites *model = NULL;
    int ai = 2;
    if (!strcmp(mode, "blocks")) {
        size_t n;
        char *m = S_read(argv[2], &n);
        model = copydesk_sites_new();
        if (!m || copydesk_sites_load(model, m, n) != COPYDESK_OK)
            return 2;
        free(m);
        ai = 3;
    }
    for (; ai < argc; ai++) {
        if (!strcmp(argv[ai], "--gold") && ai + 1 < argc)
            gold = argv[++ai];
        else
            S_walk(argv[ai]);
    }
    if (!strcmp(mode, "hostscan")) {
        copydesk_sites *scratch = copydesk_sites_new();
        copydesk_sites *stepper = copydesk_sites_new();
        unsigned long differ = 0, keyed = 0, headed = 0;
        for (size_t i = 0; i < S_nfiles; i++) {
            size_t n;
            char *b = S_read(S_files[i], &n);
            char k2[COPYDESK_SITES_KEY_MAX];
            if (!b || copydesk_sites_host(scratch, b, n, NULL, NULL, k2, sizeof k2) != COPYDESK_OK ||
                cd_site_decode(&raw, &dec, b, n, NULL) != COPYDESK_OK) {
                free(b);
                continue;
            }
            char *b0 = b;
            size_t n0 = n;
            cd_site_hostinfo hi;
            /* The scan observe runs (with a callback: every block hashed). */
            cd_site_scan_html(sc, dec.data, dec.len, S_noop, NULL, &hi);
            char k1[CD_SITE_HOSTLEN];
            cd_site_host_key(NULL, &hi, k1);
            keyed += k1[0] != 0;
            if (strcmp(k1, k2)) {
                differ++;
                printf("%s\tfull %s\thost %s\tDIFFERS\n", S_files[i], k1, k2);
            }
            /* The start alone (copydesk_sites_host_head), as the CLI reads
             * a gzip page the cache cannot keep: its first 64 KiB. */
            const char *pg = raw.data;
            size_t pl = raw.len;
            if (!cd_input_is_gzip((const unsigned char *)b0, n0)) {
                pg = b0;
                pl = n0;
            }
            char k3[COPYDESK_SITES_KEY_MAX];
            /* Step by step on one model (4, 8 ... 64 KiB, as the CLI reads a
             * gzip page's start): each step gives what that start gives alone. */
            for (size_t st = 4096; st <= 65536 && st <= pl; st *= 2) {
                char k4[COPYDESK_SITES_KEY_MAX];
                int r1 = copydesk_sites_host_head(stepper, pg, st, k3, sizeof k3);
                copydesk_sites *fresh = copydesk_sites_new();
                int r2 = copydesk_sites_host_head(fresh, pg, st, k4, sizeof k4);
                copydesk_sites_free(fresh);
                if (r1 != r2 || strcmp(k3, k4)) {
                    differ++;
                    printf("%s\tstep %zu: %d %s\talone: %d %s\tDIFFERS\n", S_files[i], st, r1, k3, r2, k4);
                }
                if (r1 != -1)
                    break;
            }
            size_t hl = pl < 65536 ? pl : 65536;
            if (copydesk_sites_host_head(scratch, pg, hl, k3, sizeof k3) == 1) {
                headed++;
                if (strcmp(k1, k3)) {
                    differ++;
                    printf("%s\tfull %s\thead %s\tDIFFERS\n", S_files[i], k1, k3);
                }
            }
            free(b0);
        }
        printf("TOTAL pages %zu keyed %lu decided by their first 64 KiB %lu differ %lu\n", S_nfiles, keyed,
               headed, differ);
        copydesk_sites_free(scratch);
        copydesk_sites_free(stepper);
        cd_site_scanner_free(sc);
        cd_parser_free(ps);
        cd_dom_free(&dom);
        cd_arena_free(&arena);
        cd_buf_free(&raw);
        cd_buf_free(&dec);
        for (size_t i = 0; i < S_nfiles; i++)
            free(S_files[i]);
        free(S_files);
        return differ ? 1 : 0;
    }
    unsigned long long tot_tok = 0, tot_tree = 0, tot_same = 0, pages_exact = 0;
    for (size_t i = 0; i < S_nfiles; i++) {
        size_t n;
        char *b = S_read(S_files[i], &n);
        if (!b || cd_site_decode(&raw, &dec, b, n, NULL) != COPYDESK_OK) {
            free(b);
            continue;
        }
        free(b);
        V tv = {0}, rv = {0};
        cd_site_hostinfo hi, hi2;
        cd_site_scan_html(sc, dec.data, dec.len, S_on, &tv, &hi);
        cd_dom_reset(&dom);
        cd_arena_reset(&arena);
        cd_parse_html(ps, dec.data, dec.len, &dom);
        cd_site_scan_tree(&dom, S_on, &rv, &hi2);
        char k1[CD_SITE_HOSTLEN], k2[CD_SITE_HOSTLEN];
        cd_site_host_key(NULL, &hi, k1);
        cd_site_host_key(NULL, &hi2, k2);
        if (!strcmp(mode, "agree")) {
            qsort(tv.fp, tv.n, sizeof *tv.fp, S_cmpu);
            qsort(rv.fp, rv.n, sizeof *rv.fp, S_cmpu);
            size_t a = 0, c = 0, same = 0;
            while (a < tv.n && c < rv.n) {
                if (tv.fp[a] == rv.fp[c])
                    same++, a++, c++;
                else if (tv.fp[a] < rv.fp[c])
                    a++;
                else
                    c++;
            }
            tot_tok += tv.n;
            tot_tree += rv.n;
            tot_same += same;
            pages_exact += same == tv.n && same == rv.n;
            printf("%s\ttok %zu\ttree %zu\tsame %zu\thost %s%s\n", S_files[i], tv.n, rv.n, same, k1,
                   strcmp(k1, k2) ? "\tHOST-DIFFERS" : "");
        } else if (!strcmp(mode, "host")) {
            char gurl[2048] = "";
            if (gold) {
                const char *base = strrchr(S_files[i], '/');
                base = base ? base + 1 : S_files[i];
                char nm[1024];
                snprintf(nm, sizeof nm, "%s", base);
                char *dot = strchr(nm, '.');
                if (dot)
                    *dot = 0;
                char gp[4096];
                snprintf(gp, sizeof gp, "%s/%s.json", gold, nm);
                size_t gl;
                char *g = S_read(gp, &gl);
                char *u = g ? strstr(g, "\"url\"") : NULL;
                if (u && (u = strchr(u + 5, '"'))) {
                    char *e = strchr(u + 1, '"');
                    if (e) {
                        *e = 0;
                        snprintf(gurl, sizeof gurl, "%s", u + 1);
                    }
                }
                free(g);
            }
            char gk[CD_SITE_HOSTLEN] = "";
            if (gurl[0])
                cd_site_host_key(gurl, NULL, gk);
            printf("%s\t%s\tgold %s\tcanon %s\tlinks %u\trss %s\tname %s\n", S_files[i], k1, gk, hi.canonical,
                   hi.nlinks, hi.rss, hi.sitename);
        } else {
            const cd_site_host *h = cd_site_find(model, k2, strlen(k2));
            printf("host %s pages %u\n", k2, cd_site_pages(h));
            for (size_t j = 0; j < rv.n; j++) {
                const cd_site_block *bb = &rv.b[j];
                printf("%3u %08x  ", h ? cd_site_count(h, bb->fp) : 0, h ? cd_site_mask(h, bb->fp) : 0);
                /* SITEDUMP_PATH set: the block's structural path hash and
                 * whether its visible text is all inside links. */
                if (getenv("SITEDUMP_PATH"))
                    printf("%08x %d  ", (unsigned)bb->path, cd_site_all_link(&dom, bb->first, bb->last));
                /* the text of the block's nodes */
                /* (SITEDUMP_FULL set: all of it, not the first 100 bytes.) */
                int out = 0, lim = getenv("SITEDUMP_FULL") ? 1 << 30 : 100;
                for (cd_nid id = bb->first; id && id <= bb->last && out < lim; id++) {
                    const cd_node *nd = cd_dom_node(&dom, id);
                    if (nd->type == CD_NODE_TEXT)
                        for (uint32_t q = 0; q < nd->len && out < lim; q++, out++)
                            putchar(nd->u.text[q] == '\n' || nd->u.text[q] == '\r' ? ' ' : nd->u.text[q]);
                }
                putchar('\n');
            }
        }
        free(tv.fp);
        free(tv.b);
        free(rv.fp);
        free(rv.b);
    }
    if (!strcmp(mode, "agree"))
        printf("TOTAL pages %zu exact %llu tok %llu tree %llu same %llu (%.4f of tree, %.4f of tok)\n", S_nfiles,
               pages_exact, tot_tok, tot_tree, tot_same, tot_tree ? (double)tot_same / (double)tot_tree : 0,
               tot_tok ? (double)tot_same / (double)tot_tok : 0);
    return 0;
}
