/* bench: extraction throughput of libcopydesk over a directory of pages.
 *
 *   bench_extract [-n RUNS] [-f text|markdown|json] [--json] DIR
 *
 * Loads every *.html / *.htm / *.html.gz in DIR (not recursive), decompressed
 * into memory FIRST, so neither disk nor zlib is timed. Then, pinned to one
 * core, extracts each page with one reused copydesk_doc (reset between pages)
 * and renders it (JSON by default), RUNS times (default 3). Reports the median
 * run as MB/s (10^6 bytes of uncompressed HTML per second) and pages/s, the
 * fastest and slowest runs, and the growth of VmRSS / VmHWM over the timed
 * batch (from /proc/self/status), which shows whether reuse really reuses.
 * Beside the wall clock it reports the CPU time of the thread (median run,
 * CLOCK_THREAD_CPUTIME_ID): on a machine shared with other work the wall
 * clock counts time spent waiting for the core, the CPU time does not.
 * It also reports the thread's minor page faults (the first run's apart: it
 * takes memory for the first time; in later runs, faults are memory the
 * library gave back to the system and took again), major faults and
 * involuntary context switches over the timed runs (getrusage).
 * --json prints one JSON object instead, for bench/bench.py. */
#define _GNU_SOURCE /* sched_setaffinity, d_type */
#include <dirent.h>
#include <sched.h>
#include <sys/resource.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "copydesk.h"

typedef struct {
    char *name;
    char *data;
    size_t len;
} S_page;

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
    for (;;) {
        if (!buf)
            break;
        if (cap - len < (1 << 15)) {
            if (cap > ((size_t)1 << 30)) {
                free(buf);
                buf = NULL;
                break;
            }
            char *nb = realloc(buf, cap * 2);
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
            break;
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    gzclose(f);
    *out_len = len;
    return buf;
}

/* VmRSS and VmHWM in kB, -1 when /proc is not there. */
static void S_mem(long *rss, long *hwm)
{
    char line[256];
    *rss = *hwm = -1;
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "VmRSS:", 6) == 0)
            *rss = strtol(line + 6, NULL, 10);
        else if (strncmp(line, "VmHWM:", 6) == 0)
            *hwm = strtol(line + 6, NULL, 10);
    }
    fclose(f);
}

static double S_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int S_cmp_double(const void *a, const void *b);

static double S_cpu(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
        return 0;
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double S_median(const double *v, int n, double *lo, double *hi)
{
    double s[64];
    int k = n < 64 ? n : 64;
    memcpy(s, v, (size_t)k * sizeof *v);
    qsort(s, (size_t)k, sizeof *s, S_cmp_double);
    *lo = s[0];
    *hi = s[k - 1];
    return k % 2 ? s[k / 2] : (s[k / 2 - 1] + s[k / 2]) / 2;
}

static int S_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void S_usage(void)
{
    fputs("usage: bench_extract [-n RUNS] [-f text|markdown|json] [--json] DIR\n", stderr);
}

int main(int argc, char **argv)
{
    int runs = 3, json = 0;
    copydesk_format fmt = COPYDESK_FORMAT_JSON;
    const char *fmt_name = "json";
    const char *dir = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) {
            runs = atoi(argv[++i]);
        } else if (strcmp(argv[i], "-f") == 0 && i + 1 < argc) {
            fmt_name = argv[++i];
            if (strcmp(fmt_name, "text") == 0)
                fmt = COPYDESK_FORMAT_TEXT;
            else if (strcmp(fmt_name, "markdown") == 0)
                fmt = COPYDESK_FORMAT_MARKDOWN;
            else if (strcmp(fmt_name, "json") == 0)
                fmt = COPYDESK_FORMAT_JSON;
            else {
                S_usage();
                return 2;
            }
        } else if (strcmp(argv[i], "--json") == 0) {
            json = 1;
        } else if (argv[i][0] == '-' || dir) {
            S_usage();
            return 2;
        } else {
            dir = argv[i];
        }
    }
    if (!dir || runs < 1 || runs > 64) {
        S_usage();
        return 2;
    }

    /* Collect and sort the names so every run sees the same order. */
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
        fprintf(stderr, "bench_extract: no pages in %s\n", dir);
        return 1;
    }
    qsort(names, nnames, sizeof *names, S_cmp_name);

    S_page *pages = calloc(nnames, sizeof *pages);
    size_t npages = 0, total = 0;
    for (size_t i = 0; i < nnames; i++) {
        size_t plen = strlen(dir) + strlen(names[i]) + 2;
        char *path = malloc(plen);
        if (!path || !pages)
            return 1;
        snprintf(path, plen, "%s/%s", dir, names[i]);
        size_t len = 0;
        char *data = S_load(path, &len);
        free(path);
        if (!data) {
            fprintf(stderr, "bench_extract: cannot read %s/%s\n", dir, names[i]);
            continue;
        }
        pages[npages].name = names[i];
        pages[npages].data = data;
        pages[npages].len = len;
        npages++;
        total += len;
    }

    /* One core: the number means per-core throughput whatever the machine. */
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(sched_getcpu() < 0 ? 0 : sched_getcpu(), &set);
    int pinned = sched_setaffinity(0, sizeof set, &set) == 0;

    copydesk_doc *doc = copydesk_doc_new(COPYDESK_OPT_DEFAULT);
    if (!doc) {
        fputs("bench_extract: out of memory\n", stderr);
        return 1;
    }
    double *secs = calloc((size_t)runs, sizeof *secs), *cpus = calloc((size_t)runs, sizeof *cpus);
    if (!secs || !cpus)
        return 1;
    long rss0, hwm0, rss1, hwm1;
    size_t errors = 0, out_bytes = 0;
    S_mem(&rss0, &hwm0);
    /* Page faults and context switches of the thread over the timed runs. */
    struct rusage ru0, ru_first, ru1;
    memset(&ru0, 0, sizeof ru0);
    memset(&ru_first, 0, sizeof ru_first);
    memset(&ru1, 0, sizeof ru1);
    getrusage(RUSAGE_THREAD, &ru0);
    for (int r = 0; r < runs; r++) {
        errors = out_bytes = 0;
        double t0 = S_now(), c0 = S_cpu();
        for (size_t i = 0; i < npages; i++) {
            copydesk_doc_reset(doc);
            copydesk_status st = copydesk_doc_parse(doc, pages[i].data, pages[i].len);
            if (st != COPYDESK_OK) {
                errors++;
                continue;
            }
            size_t n = 0;
            if (copydesk_doc_render(doc, fmt, &n, &st))
                out_bytes += n;
            else
                errors++;
        }
        secs[r] = S_now() - t0;
        cpus[r] = S_cpu() - c0;
        if (r == 0)
            getrusage(RUSAGE_THREAD, &ru_first);
    }
    getrusage(RUSAGE_THREAD, &ru1);
    S_mem(&rss1, &hwm1);
    copydesk_doc_free(doc);
    /* Faults of the first run (memory first taken) apart from the others'
     * (memory taken again page after page). */
    long minflt_first = ru_first.ru_minflt - ru0.ru_minflt;
    long minflt = ru1.ru_minflt - ru_first.ru_minflt, majflt = ru1.ru_majflt - ru0.ru_majflt;
    long nivcsw = ru1.ru_nivcsw - ru0.ru_nivcsw;
    double flt_page = runs > 1 ? (double)minflt / ((double)npages * (runs - 1)) : 0;

    double lo, hi, clo, chi;
    double med = S_median(secs, runs, &lo, &hi), cmed = S_median(cpus, runs, &clo, &chi);
    double mbs = (double)total / 1e6 / med, pps = (double)npages / med;
    double cmbs = cmed > 0 ? (double)total / 1e6 / cmed : 0;

    if (json) {
        printf("{\"tool\":\"copydesk\",\"version\":\"%s\",\"dir\":\"%s\",\"pages\":%zu,\"bytes\":%zu,"
               "\"runs\":%d,\"format\":\"%s\",\"pinned\":%s,\"median_s\":%.6f,\"min_s\":%.6f,"
               "\"max_s\":%.6f,\"mb_per_s\":%.3f,\"cpu_median_s\":%.6f,\"cpu_min_s\":%.6f,"
               "\"cpu_mb_per_s\":%.3f,\"pages_per_s\":%.2f,\"errors\":%zu,"
               "\"out_bytes\":%zu,\"rss_kb_before\":%ld,\"rss_kb_after\":%ld,"
               "\"hwm_kb_before\":%ld,\"hwm_kb_after\":%ld,\"minor_faults_first_run\":%ld,"
               "\"minor_faults_later_runs\":%ld,\"minor_faults_per_page\":%.3f,"
               "\"major_faults\":%ld,\"involuntary_switches\":%ld}\n",
               copydesk_version_string(), dir, npages, total, runs, fmt_name,
               pinned ? "true" : "false", med, lo, hi, mbs, cmed, clo, cmbs, pps, errors,
               out_bytes, rss0, rss1, hwm0, hwm1, minflt_first, minflt, flt_page, majflt, nivcsw);
    } else {
        printf("copydesk %s: %zu pages, %.1f MB uncompressed HTML, %s output, %d runs%s\n",
               copydesk_version_string(), npages, (double)total / 1e6, fmt_name, runs,
               pinned ? ", pinned to one core" : "");
        for (int r = 0; r < runs; r++)
            printf("  run %d: %.3f s wall, %.3f s CPU\n", r + 1, secs[r], cpus[r]);
        printf("median %.3f s: %.2f MB/s, %.1f pages/s (errors %zu, %zu bytes out)\n", med, mbs, pps,
               errors, out_bytes);
        printf("CPU time of the thread: median %.3f s, %.2f MB/s (best %.3f s, %.2f MB/s)\n", cmed, cmbs,
               clo, clo > 0 ? (double)total / 1e6 / clo : 0);
        printf("VmRSS %ld -> %ld kB (%+ld), VmHWM %ld -> %ld kB (%+ld) over the timed batch\n", rss0,
               rss1, rss1 - rss0, hwm0, hwm1, hwm1 - hwm0);
        printf("minor page faults: %ld in the first run, %ld in the others (%.2f a page); %ld major; "
               "%ld involuntary context switches\n",
               minflt_first, minflt, flt_page, majflt, nivcsw);
    }

    for (size_t i = 0; i < npages; i++)
        free(pages[i].data);
    free(pages);
    for (size_t i = 0; i < nnames; i++)
        free(names[i]);
    free(names);
    free(secs);
    free(cpus);
    return 0;
}
