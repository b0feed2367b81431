/* cli: the copydesk command.
 *
 *   copydesk [options] FILE|DIR|- ...
 *
 * Every input becomes one article (text or Markdown) or one JSON Lines record;
 * a web archive (WARC, ARC; detected by content) becomes one per HTML record.
 * A page that fails becomes an error record (JSON) or a message on stderr, the
 * batch goes on, and the exit status is 1 when anything failed.
 *
 * Parallelism: the main thread reads the inputs (it opens each file to sniff
 * it, and streams archives record by record) and feeds a bounded queue; -j N
 * workers each own one copydesk_doc (reset between pages), render a record into
 * their own buffer and write it with one fwrite under a mutex, so lines never
 * interleave. Records come out in input order (--unordered: as they finish)
 * through a reorder window of bounded size: the reader waits when it gets
 * that far ahead of the oldest unwritten record. Memory is bounded by (queue
 * + window) records, whatever the input size. -j 1 runs everything on the
 * main thread.
 *
 * The command line is checked before anything is read (S_check): an invalid
 * value, a contradiction, or an option that would have no effect is an error
 * (exit 2, one line); what only the input can tell (--url given for an
 * archive) is a warning. --report FILE writes the explain page of one page
 * (S_report) and --dump-tree FILE the parser's tree: both are modes of their
 * own.
 *
 * Site chrome (--site-chrome auto, the default, on a batch; --learn-sites):
 * two passes. Pass 1 reads every input (archives record by record) on the same
 * kind of workers, each observing pages into its own copydesk_sites model; the
 * models are merged when the pass ends (the model depends on the set of pages
 * only, so on neither -j nor input order). Without --learn-sites, pass 1 only
 * counts: it takes each page's host key (copydesk_sites_host: the URL, else
 * the page read up to its first canonical link, often from its first 4 to
 * 64 KiB alone, see S_learn_run; a page file whose start does not give it is
 * read whole only after every other page's start, S_put_off, so that more of
 * them are observed at once) and counts the pages of each host; a second
 * round then observes only the pages of hosts with COPYDESK_SITES_MIN_PAGES
 * or more (with a --sites model's pages of the host), from memory or read
 * again. The model is the same as observing every page would give for those
 * hosts (a host with fewer pages gets no site chrome either way). Pass 2 is the extraction above, every
 * document reading the finished model. Pass 1 keeps the records of web
 * archives it read, gzip already undone, in a cache of at most --site-cache
 * MiB (default S_SITE_CACHE_MIB): pass 2 takes them from memory instead of
 * inflating the archive again; archives that did not fit are read again. Page
 * files are not kept: a plain page is read again from the system's page
 * cache, a gzip page decoded again by libdeflate, for less than fresh memory
 * to keep it costs (docs/benchmarks.md, sessions 9 and 12: keeping them saves
 * 0.3 G instructions on wcxb-dev but costs more system time than it saves).
 * The output does not depend on what was cached. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "cache.h"
#include "copydesk.h"
#include "files.h"
#include "gunzip.h"
#include "jsonw.h"

/* Largest plain input read into memory; also the largest archive record. */
#define CD_CLI_MAX_INPUT COPYDESK_MAX_INPUT
/* Bytes read from each input to tell an archive from a page. */
#define S_SNIFF 4096
#define S_MAX_JOBS 256
/* A worker's document is replaced after this many pages, or after a page of
 * S_DOC_BIG bytes or more (see S_recycle). */
#define S_DOC_RECYCLE 500
#define S_DOC_BIG ((size_t)1024 * 1024)
/* Payload bytes waiting in the queue; past it the reader waits (a job bigger
 * than this still goes through, alone). Keeps memory flat when big pages come
 * in a row. */
#define S_QUEUE_BYTES ((size_t)8 * 1024 * 1024)
/* Progress updates at most this often (ns). */
#define S_PROGRESS_NS 250000000LL
/* Distinct error / skip reasons counted by name; more go to "other". */
#define S_MAX_KINDS 32
/* --ordered with workers: a record of this many bytes or more that finishes
 * before an earlier one waits for its turn instead of being copied into the
 * reorder window (S_emit). */
#define S_WAIT_BYTES ((size_t)1024 * 1024)
/* --site-cache default (MiB): pass 1's archive records kept for pass 2. */
#define S_SITE_CACHE_MIB 64
/* --sites given more often than this is refused. */
#define S_MAX_SITES_FILES 64

static void S_usage(FILE *f)
{
    fputs("usage: copydesk [options] FILE|DIR|- ...\n"
          "Extract the article from web pages (HTML, plain or gzip) and web archives\n"
          "(WARC 1.0/1.1 and ARC, plain, gzip per record or whole-file gzip).\n"
          "Directories are read recursively for *.html, *.htm, *.html.gz, *.htm.gz,\n"
          "*.warc, *.warc.gz, *.arc and *.arc.gz (other names, hidden entries and\n"
          "special files are skipped: --stats counts them); a file named on the\n"
          "command line is read whatever its name. - reads standard input.\n"
          "Text and Markdown open with the article's head (headline, deck, byline,\n"
          "dates, section, dateline, credit); JSON carries them as fields.\n"
          "Records come out in input order.\n\n"
          "  --format FMT      text (default), markdown, json or report (report: as\n"
          "                    --report -)\n"
          "  --json            JSON Lines: one object per page or archive record (with\n"
          "                    --format markdown, the object also carries `markdown`)\n"
          "  --body-only       text and Markdown without the head: the body alone\n"
          "  --url URL         the page's URL (one plain page; archives carry their own)\n"
          "  --charset NAME    transport charset hint, a WHATWG encoding label such as\n"
          "                    utf-8 or windows-1252 (archives: used when the HTTP header\n"
          "                    gives none)\n"
          "  --keep-comments   keep user comments\n"
          "  --no-tables       leave tables out\n"
          "  --no-captions     leave figure captions out\n"
          "  --no-extract      render the whole visible page (no head; the four options\n"
          "                    above do not apply)\n"
          "  --keep-parts      keep the dateline and wire credit in the text as well as\n"
          "                    in their fields\n"
          "  --explain         JSON: add `sources` (where each field came from), `mode`\n"
          "                    and `dropped` (the blocks left out, with the reason; a\n"
           "                    site's chrome says `site-chrome`)\n"
          "  --report FILE     write the explain page of one page to FILE (- = stdout):\n"
          "                    one self-contained HTML file showing every block of the\n"
          "                    page, kept or dropped and why, and every field with its\n"
          "                    source; nothing else is written\n"
          "  --dump-tree FILE  print FILE's (- = stdin) HTML5 tree in html5lib's\n"
          "                    tree-construction test format and exit\n"
          "  --reference-time T  when the pages were fetched (ISO 8601 UTC such as\n"
          "                    2014-11-06T17:00:00Z, or @UNIXSECONDS), for relative dates\n"
          "                    (\"3 hours ago\"); archive records use their WARC-Date\n"
          "  --site-chrome MODE  auto (default) or off: learn each site's chrome (blocks\n"
          "                    that recur on many pages of one host) from the batch and\n"
          "                    drop it, for hosts with at least 3 pages in the batch or\n"
          "                    in a --sites model; stdin and a single page learn nothing\n"
          "  --sites FILE      read a site model (from --learn-sites) and use it, also\n"
          "                    for a single page or stdin; may be given several times\n"
          "                    (the models merge)\n"
          "  --learn-sites FILE  write the site model learned from the inputs to FILE\n"
          "                    (extraction goes on as usual)\n"
          "  --site-cache MIB  memory kept between the learning pass and extraction\n"
          "                    (web archive records; default 64, 0 = none)\n"
          "  --max-inflation RATIO[:FLOOR]  a gzip page, or an archive record's gzip\n"
          "                    body, may inflate to FLOOR MiB or RATIO times its\n"
          "                    compressed size, whichever is more; past it the page is\n"
          "                    an error record (a decompression bomb). Default 32:8;\n"
          "                    0 = no limit but 256 MiB\n",
          f);
    fputs("  -j, --jobs N      worker threads (default: the number of online cores)\n"
          "  --unordered       write records as they finish, not in input order\n"
          "  --ordered         input order (the default; accepted for old scripts)\n"
          "  --stats           print a summary on stderr even when it is not a terminal\n"
          "                    (pages, errors and skipped files by reason;\n"
           "                    the site model's hosts and pages)\n"
          "  -q, --quiet       no progress, summary, warnings or per-page messages on\n"
          "                    stderr\n"
          "  -h, --help        this help\n"
          "  -V, --version     print the version\n\n"
          "Exit status: 0 when every input gave an article, 1 when any gave an error\n"
          "record (unreadable, damaged gzip, not HTML, a directory with nothing to\n"
          "read), 2 for a usage error (an invalid value, options that contradict each\n"
          "other or would have no effect) or when output cannot be written.\n",
          f);
}

typedef struct {
    copydesk_format format;
    int json;
    int quiet;
    int stats;
    int ordered; /* input order (the default; --unordered clears it) */
    long jobs;
    const char *url;
    const char *charset;
    long long ref_time; /* --reference-time, 0 = none */
    unsigned options;
    const char *report; /* --report FILE (--format report: "-") */
    int site_chrome;   /* --site-chrome: 1 auto, 0 off */
    const char *learn; /* --learn-sites FILE */
    const char *sites[S_MAX_SITES_FILES];
    int nsites;
    size_t site_cache; /* --site-cache, bytes */
} S_opts;

/* --reference-time and WARC-Date values as Unix seconds; -1 when malformed. */
static long long S_parse_time(const char *v)
{
    long long t = 0;
    if (!v || copydesk_parse_time(v, strlen(v), &t) != COPYDESK_OK)
        return -1;
    return t;
}

/* One unit of work: a page to read, bytes from an archive, or an error to
 * report. J_SKIP (an archive record skipped, reason in `reason`) exists only
 * in the lists pass 1 keeps for pass 2; it is counted, never run. */
typedef enum { J_PATH, J_BYTES, J_ERROR, J_SKIP } S_jkind;

typedef struct S_job {
    struct S_job *next;
    uint64_t seq;
    S_jkind kind;
    const char *path; /* as given; owned by the path list */
    int many;         /* text output: print a "==> source <==" header */
    int warc;         /* an archive record: splice the warc_* fields */
    char *bytes;      /* J_BYTES: malloc'd, or in the cache when chunk is set */
    size_t len;
    cd_cache_chunk *chunk;
    char *source; /* "path#<id>" or "path@offset"; NULL = path */
    char *url, *charset, *record_id, *date;
    char reason[256]; /* J_ERROR */
} S_job;

typedef struct {
    char name[96];
    uint64_t n;
} S_kind;

typedef struct {
    const S_opts *o;
    const copydesk_sites *model; /* the site model documents read, or NULL */
    int learning;                /* pass 1 runs: the progress line says so */
    /* queue (qmu) */
    pthread_mutex_t qmu;
    pthread_cond_t qnonempty, qnonfull;
    S_job *head, *tail;
    size_t qlen, qcap, qbytes;
    int closing;
    /* output, order and statistics (omu) */
    pthread_mutex_t omu;
    pthread_cond_t room;
    uint64_t next_seq;   /* the reader's next sequence number */
    uint64_t next_write; /* --ordered: the next record to write */
    size_t window;       /* --ordered: ring size */
    struct {
        char *data;
        size_t len;
        int ready;
    } * ring;
    uint64_t ok, failed, skipped, records;
    const unsigned long *files_skipped; /* the directory walks' counts (cd_paths) */
    int url_warned;                     /* --url given and an archive met: said once */
    uint64_t bytes_read, bytes_total;
    S_kind errors[S_MAX_KINDS + 1], skips[S_MAX_KINDS + 1];
    int progress, progress_shown;
    int64_t t0, last_progress;
    /* --stats: the site model (sites_shown: there is something to say) */
    int sites_shown, learned_ok;
    size_t learned_hosts, learned_pages, model_hosts, model_pages;
    size_t counted_hosts, counted_pages; /* pass 1 counted (0: every page observed) */
    double learn_secs;
} S_sched;

static int64_t S_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void S_count(S_kind *k, const char *name)
{
    for (int i = 0; i < S_MAX_KINDS; i++) {
        if (k[i].n == 0) {
            snprintf(k[i].name, sizeof k[i].name, "%s", name);
            k[i].n = 1;
            return;
        }
        if (strcmp(k[i].name, name) == 0) {
            k[i].n++;
            return;
        }
    }
    snprintf(k[S_MAX_KINDS].name, sizeof k[S_MAX_KINDS].name, "other");
    k[S_MAX_KINDS].n++;
}

/* The kind of an error reason: the text before " at byte" (archives) or
 * " under " (a directory with nothing to read). */
static void S_count_error(S_sched *s, const char *reason)
{
    char kind[96];
    const char *at = strstr(reason, " at byte ");
    if (!at) at = strstr(reason, " under ");
    size_t n = at ? (size_t)(at - reason) : strlen(reason);
    if (n >= sizeof kind) n = sizeof kind - 1;
    memcpy(kind, reason, n);
    kind[n] = '\0';
    S_count(s->errors, kind);
}

static void S_fmt_mb(char *buf, size_t n, uint64_t bytes)
{
    snprintf(buf, n, "%.1f", (double)bytes / 1e6);
}

/* The progress line; called with omu held. */
static void S_progress(S_sched *s, int force)
{
    if (!s->progress) return;
    int64_t now = S_now();
    if (!force && now - s->last_progress < S_PROGRESS_NS) return;
    s->last_progress = now;
    double secs = (double)(now - s->t0) / 1e9;
    double rate = secs > 0 ? (double)(s->ok + s->failed) / secs : 0;
    char read[32], total[32], eta[32] = "";
    S_fmt_mb(read, sizeof read, s->bytes_read);
    S_fmt_mb(total, sizeof total, s->bytes_total);
    if (s->learning) {
        fprintf(stderr, "\rlearning sites: %s/%s MB\033[K", read, total);
        fflush(stderr);
        s->progress_shown = 1;
        return;
    }
    if (s->bytes_total && s->bytes_read > 0 && secs > 0.5 && s->bytes_read <= s->bytes_total) {
        double left = (double)(s->bytes_total - s->bytes_read) * secs / (double)s->bytes_read;
        long l = (long)(left + 0.5);
        snprintf(eta, sizeof eta, "  ETA %ld:%02ld:%02ld", l / 3600, l / 60 % 60, l % 60);
    }
    fprintf(stderr, "\r%llu records  %s/%s MB  %.0f pages/s%s\033[K",
            (unsigned long long)s->records, read, total, rate, eta);
    fflush(stderr);
    s->progress_shown = 1;
}

static void S_progress_clear(S_sched *s)
{
    if (s->progress_shown) {
        fputs("\r\033[K", stderr);
        s->progress_shown = 0;
    }
}

/* Pass 1's pages kept for pass 2 (NULL: none). */
static cd_cache *S_cache;
/* --max-inflation RATIO[:FLOOR] (docs/limits.md, "Session 15"): every
 * document and archive reader gets it. */
static unsigned S_inflate_ratio = COPYDESK_INFLATE_RATIO;
static size_t S_inflate_floor = COPYDESK_INFLATE_FLOOR;

static copydesk_doc *S_doc_new(unsigned options)
{
    copydesk_doc *d = copydesk_doc_new(options);
    if (d) copydesk_doc_set_inflate_limit(d, S_inflate_ratio, S_inflate_floor);
    return d;
}

/* The most a gzip page of len bytes may inflate to (the library's rule). */
static size_t S_inflate_max(size_t len)
{
    if (!S_inflate_ratio) return CD_CLI_MAX_INPUT;
    size_t m = len > SIZE_MAX / S_inflate_ratio ? SIZE_MAX : len * S_inflate_ratio;
    if (m < S_inflate_floor) m = S_inflate_floor;
    return m < CD_CLI_MAX_INPUT ? m : CD_CLI_MAX_INPUT;
}

/* The job's page is no longer needed. */
static void S_job_drop_bytes(S_job *j)
{
    if (j->chunk)
        cd_cache_release(S_cache, j->chunk);
    else
        free(j->bytes);
    j->bytes = NULL;
    j->chunk = NULL;
}

static void S_job_free(S_job *j)
{
    if (!j) return;
    S_job_drop_bytes(j);
    free(j->source);
    free(j->url);
    free(j->charset);
    free(j->record_id);
    free(j->date);
    free(j);
}

/* ---- output ----------------------------------------------------------- */

static void S_write(const char *data, size_t len)
{
    if (len) fwrite(data, 1, len, stdout);
}

/* A finished record: the bytes for stdout are head, then body[0..blen) (the
 * document's render, not copied: NULL when none), then tail (any may be
 * empty); reason the error (NULL on success). A record written in its turn
 * (always with -j 1 or --unordered) goes out from where it lies; one that
 * must wait for an earlier record is copied into the reorder window, or, from
 * S_WAIT_BYTES on, waits for its turn in its worker. */
static void S_emit(S_sched *s, S_job *j, cd_cli_buf *head, const char *body, size_t blen, cd_cli_buf *tail,
                   const char *reason)
{
    pthread_mutex_lock(&s->omu);
    s->records++;
    if (reason) {
        s->failed++;
        S_count_error(s, reason);
        if (!s->o->quiet) {
            S_progress_clear(s);
            fprintf(stderr, "copydesk: %s: %s\n", j->source ? j->source : j->path, reason);
        }
    } else {
        s->ok++;
    }
    size_t total = head->len + blen + tail->len;
    if (s->o->ordered && j->seq != s->next_write && total >= S_WAIT_BYTES) {
        /* A big record waits for its turn here, holding its document, rather
         * than being copied: the window then holds at most S_WAIT_BYTES a
         * record. Jobs leave the queue in input order, so the oldest
         * unwritten record is always on a worker that is not waiting. */
        while (j->seq != s->next_write)
            pthread_cond_wait(&s->room, &s->omu);
    }
    if (!s->o->ordered || j->seq == s->next_write) {
        S_write(head->data, head->len);
        S_write(body, blen);
        S_write(tail->data, tail->len);
        if (s->o->ordered) s->next_write++;
    } else {
        size_t slot = (size_t)(j->seq % s->window);
        size_t len = total;
        char *d = malloc(len + 1);
        if (!d) {
            /* No room to wait: the record is lost, the batch goes on. */
            len = 0;
            if (!reason) {
                s->ok--;
                s->failed++;
                S_count_error(s, "out of memory");
            }
        } else {
            if (head->len) memcpy(d, head->data, head->len);
            if (blen) memcpy(d + head->len, body, blen);
            if (tail->len) memcpy(d + head->len + blen, tail->data, tail->len);
        }
        s->ring[slot].data = d;
        s->ring[slot].len = len;
        s->ring[slot].ready = 1;
    }
    if (s->o->ordered) {
        for (;;) {
            size_t k = (size_t)(s->next_write % s->window);
            if (!s->ring[k].ready) break;
            S_write(s->ring[k].data, s->ring[k].len);
            free(s->ring[k].data);
            s->ring[k].data = NULL;
            s->ring[k].ready = 0;
            s->next_write++;
        }
        pthread_cond_broadcast(&s->room);
    }
    S_progress(s, 0);
    pthread_mutex_unlock(&s->omu);
}

static void S_error_record(cd_cli_buf *out, const char *source, const char *reason)
{
    cd_cli_buf_puts(out, "{\"source\":");
    cd_cli_json_str(out, source, strlen(source));
    cd_cli_buf_puts(out, ",\"error\":");
    cd_cli_json_str(out, reason, strlen(reason));
    cd_cli_buf_puts(out, "}\n");
}

/* Run one job on doc; the result goes to S_emit. */
static void S_run(S_sched *s, copydesk_doc *doc, S_job *j, cd_cli_buf *out, cd_cli_buf *tmp)
{
    const S_opts *o = s->o;
    const char *source = j->source ? j->source : j->path;
    char reason[256];
    const char *why = NULL;
    /* The record: out (head), body (the document's render), tmp (tail). */
    const char *body = NULL;
    size_t blen = 0;
    cd_cli_buf_clear(out);
    cd_cli_buf_clear(tmp);
    if (j->kind == J_ERROR) {
        snprintf(reason, sizeof reason, "%s", j->reason);
        why = reason;
    } else {
        if (j->kind == J_PATH) {
            errno = 0;
            j->bytes = cd_read_file(j->path, CD_CLI_MAX_INPUT, &j->len);
            if (!j->bytes) {
                snprintf(reason, sizeof reason, "read error: %s",
                         errno == EFBIG ? "input too large" : strerror(errno ? errno : EIO));
                why = reason;
            }
        }
        if (!why) {
            copydesk_doc_reset(doc);
            copydesk_doc_set_source(doc, source, strlen(source));
            const char *url = j->warc ? j->url : o->url;
            if (url && *url) copydesk_doc_set_url(doc, url, strlen(url));
            const char *cs = j->charset && *j->charset ? j->charset : o->charset;
            if (cs) copydesk_doc_set_charset(doc, cs, strlen(cs));
            long long ref = o->ref_time;
            if (!ref && j->warc && j->date) {
                ref = S_parse_time(j->date);
                if (ref < 0) ref = 0;
            }
            if (ref) copydesk_doc_set_reference_time(doc, ref);
            copydesk_doc_set_sites(doc, s->model);
            copydesk_status st = copydesk_doc_parse(doc, j->bytes, j->len);
            S_job_drop_bytes(j);
            if (st == COPYDESK_ERR_INFLATION) {
                snprintf(reason, sizeof reason,
                         "%s: more than %zu bytes from %zu compressed bytes (ratio %u, floor %zu; --max-inflation)",
                         copydesk_status_str(st), S_inflate_max(j->len), j->len, S_inflate_ratio, S_inflate_floor);
                why = reason;
            } else if (st != COPYDESK_OK) {
                snprintf(reason, sizeof reason, "%s", copydesk_status_str(st));
                why = reason;
            } else {
                size_t n = 0;
                copydesk_format fmt = o->json ? COPYDESK_FORMAT_JSON : o->format;
                const char *r = copydesk_doc_render(doc, fmt, &n, &st);
                if (!r) {
                    snprintf(reason, sizeof reason, "%s", copydesk_status_str(st));
                    why = reason;
                } else if (fmt == COPYDESK_FORMAT_JSON) {
                    body = r;
                    blen = n;
                    if (j->warc) {
                        static const char *const keys[] = {"warc_record_id", "warc_date"};
                        const char *vals[2] = {j->record_id, j->date};
                        blen = cd_cli_json_splice_tail(tmp, r, n, keys, vals, 2);
                    }
                    cd_cli_buf_putc(tmp, '\n');
                } else {
                    if (j->many) {
                        cd_cli_buf_puts(out, "==> ");
                        cd_cli_buf_puts(out, source);
                        cd_cli_buf_puts(out, " <==\n");
                    }
                    body = r;
                    blen = n;
                    cd_cli_buf_puts(tmp, j->many ? "\n\n" : "\n");
                }
            }
        }
    }
    if (why && o->json) S_error_record(out, source, why);
    if (out->failed || tmp->failed) {
        cd_cli_buf_clear(out);
        cd_cli_buf_clear(tmp);
        body = NULL;
        blen = 0;
        why = "out of memory";
        if (o->json) S_error_record(out, source, why);
    }
    S_emit(s, j, out, body, blen, tmp, why);
}

/* Should the document that just served a page of len bytes be replaced? A
 * document keeps the memory of the largest page it has seen, and over
 * thousands of pages the allocator's free lists fragment: starting afresh
 * after a big page and now and then keeps RSS flat over a whole crawl (see
 * docs/benchmarks.md, "WARC and parallelism"). */
static int S_recycle(unsigned long *pages, size_t len)
{
    if (++*pages < S_DOC_RECYCLE && len < S_DOC_BIG) return 0;
    *pages = 0;
    return 1;
}

/* ---- workers and the queue ---------------------------------------------- */

typedef struct {
    S_sched *s;
    pthread_t tid;
} S_worker;

static void *S_worker_main(void *arg)
{
    S_worker *w = arg;
    S_sched *s = w->s;
    copydesk_doc *doc = S_doc_new(s->o->options);
    unsigned long pages = 0;
    cd_cli_buf out, tmp;
    cd_cli_buf_init(&out);
    cd_cli_buf_init(&tmp);
    for (;;) {
        pthread_mutex_lock(&s->qmu);
        while (!s->head && !s->closing)
            pthread_cond_wait(&s->qnonempty, &s->qmu);
        S_job *j = s->head;
        if (j) {
            s->head = j->next;
            if (!s->head) s->tail = NULL;
            s->qlen--;
            s->qbytes -= j->len;
            pthread_cond_signal(&s->qnonfull);
        }
        pthread_mutex_unlock(&s->qmu);
        if (!j) break;
        if (!doc) {
            j->kind = J_ERROR;
            snprintf(j->reason, sizeof j->reason, "out of memory");
        }
        S_run(s, doc, j, &out, &tmp);
        size_t len = j->len;
        S_job_free(j);
        if (doc && S_recycle(&pages, len)) {
            copydesk_doc_free(doc);
            doc = S_doc_new(s->o->options);
        }
    }
    cd_cli_buf_free(&out);
    cd_cli_buf_free(&tmp);
    copydesk_doc_free(doc);
    return NULL;
}

typedef struct {
    S_sched *s;
    S_worker *workers;
    long nworkers;
    /* -j 1: the main thread runs jobs itself */
    copydesk_doc *doc;
    unsigned long pages;
    cd_cli_buf out, tmp;
} S_run_ctx;

/* Hand a job over (and wait for room). Takes ownership of j. */
static void S_submit(S_run_ctx *c, S_job *j)
{
    S_sched *s = c->s;
    pthread_mutex_lock(&s->omu);
    if (s->o->ordered && c->nworkers > 0) {
        while (s->next_seq - s->next_write >= s->window)
            pthread_cond_wait(&s->room, &s->omu);
    }
    j->seq = s->next_seq++;
    pthread_mutex_unlock(&s->omu);
    if (c->nworkers == 0) {
        if (!c->doc) {
            j->kind = J_ERROR;
            snprintf(j->reason, sizeof j->reason, "out of memory");
        }
        S_run(s, c->doc, j, &c->out, &c->tmp);
        size_t len = j->len;
        S_job_free(j);
        if (c->doc && S_recycle(&c->pages, len)) {
            copydesk_doc_free(c->doc);
            c->doc = S_doc_new(s->o->options);
        }
        return;
    }
    pthread_mutex_lock(&s->qmu);
    while (s->qlen >= s->qcap || (s->qlen > 0 && s->qbytes + j->len > S_QUEUE_BYTES))
        pthread_cond_wait(&s->qnonfull, &s->qmu);
    s->qbytes += j->len;
    j->next = NULL;
    if (s->tail)
        s->tail->next = j;
    else
        s->head = j;
    s->tail = j;
    s->qlen++;
    pthread_cond_signal(&s->qnonempty);
    pthread_mutex_unlock(&s->qmu);
}

static S_job *S_job_new(const char *path, S_jkind kind)
{
    S_job *j = calloc(1, sizeof *j);
    if (!j) {
        fprintf(stderr, "copydesk: out of memory\n");
        exit(2);
    }
    j->path = path;
    j->kind = kind;
    return j;
}

/* A copy of s[0..n), NULL when s is NULL or empty (or memory runs out). */
static char *S_dup(const char *s, size_t n)
{
    if (!s || n == 0) return NULL;
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

static void S_add_bytes(S_sched *s, uint64_t n)
{
    pthread_mutex_lock(&s->omu);
    s->bytes_read += n;
    S_progress(s, 0);
    pthread_mutex_unlock(&s->omu);
}

static S_job *S_error_job(const char *path, const char *fmt, const char *arg)
{
    S_job *j = S_job_new(path, J_ERROR);
    snprintf(j->reason, sizeof j->reason, fmt, arg);
    return j;
}

static void S_submit_error(S_run_ctx *c, const char *path, const char *fmt, const char *arg)
{
    S_submit(c, S_error_job(path, fmt, arg));
}

/* Where an archive's records go (S_archive): pass 2 runs them (S_submit),
 * pass 1 learns from them and may keep them for pass 2 (S_learn_*). */
typedef struct S_sink {
    void (*job)(struct S_sink *k, S_job *j);          /* takes ownership */
    void (*skip)(struct S_sink *k, const char *reason); /* a skipped record */
    void (*bytes)(struct S_sink *k, uint64_t n);      /* n more bytes read */
} S_sink;

typedef struct {
    S_sink sink;
    S_run_ctx *c;
} S_run_sink;

static void S_run_sink_job(S_sink *k, S_job *j)
{
    S_submit(((S_run_sink *)k)->c, j);
}

/* A skipped record: counted, no output. */
static void S_count_skip(S_sched *s, const char *reason)
{
    pthread_mutex_lock(&s->omu);
    s->skipped++;
    s->records++;
    S_count(s->skips, reason);
    pthread_mutex_unlock(&s->omu);
}

static void S_run_sink_skip(S_sink *k, const char *reason)
{
    S_count_skip(((S_run_sink *)k)->c->s, reason);
}

static void S_run_sink_bytes(S_sink *k, uint64_t n)
{
    S_add_bytes(((S_run_sink *)k)->c->s, n);
}

/* The archive reader's input: the n bytes already read to sniff it, then the
 * rest of the stream. */
typedef struct {
    FILE *f;
    const unsigned char *pre;
    size_t n, at;
} S_stream;

static size_t S_stream_read(void *ctx, void *buf, size_t len, int *err)
{
    S_stream *st = ctx;
    if (st->at < st->n) {
        size_t k = st->n - st->at < len ? st->n - st->at : len;
        memcpy(buf, st->pre + st->at, k);
        st->at += k;
        return k;
    }
    size_t r = fread(buf, 1, len, st->f);
    if (r < len && ferror(st->f)) *err = 1;
    return r;
}

/* Stream an archive's records into jobs for the sink. */
static void S_archive(S_sink *k, const char *path, FILE *f, const unsigned char *pre, size_t n)
{
    S_stream in = {f, pre, n, 0};
    copydesk_warc *w = copydesk_warc_new(S_stream_read, &in);
    if (!w) {
        k->job(k, S_error_job(path, "%s", "out of memory"));
        return;
    }
    copydesk_warc_set_inflate_limit(w, S_inflate_ratio, S_inflate_floor);
    uint64_t seen = 0;
    size_t plen = strlen(path);
    while (copydesk_warc_next(w)) {
        uint64_t at = copydesk_warc_bytes_read(w);
        if (at > seen) {
            k->bytes(k, at - seen);
            seen = at;
        }
        copydesk_warc_kind kind = copydesk_warc_record_kind(w);
        if (kind == COPYDESK_WARC_SKIPPED) {
            k->skip(k, copydesk_warc_skip_reason(w));
            continue;
        }
        S_job *j = S_job_new(path, kind == COPYDESK_WARC_HTML ? J_BYTES : J_ERROR);
        j->warc = 1;
        j->many = 1;
        size_t len = 0;
        const char *v;
        /* path#<record-id>, or path@offset when the record has no id (ARC). */
        v = copydesk_warc_source(w, path, plen, &len);
        j->source = S_dup(v, len);
        v = copydesk_warc_record_id(w, &len);
        j->record_id = S_dup(v, len);
        v = copydesk_warc_date(w, &len);
        j->date = S_dup(v, len);
        v = copydesk_warc_url(w, &len);
        j->url = S_dup(v, len);
        if (kind == COPYDESK_WARC_HTML) {
            v = copydesk_warc_charset(w, &len);
            j->charset = S_dup(v, len);
            j->bytes = copydesk_warc_take_payload(w, &j->len);
            if (!j->bytes) {
                j->kind = J_ERROR;
                snprintf(j->reason, sizeof j->reason, "out of memory");
            }
        } else {
            const char *msg = copydesk_warc_error_message(w, NULL);
            const char *e = copydesk_warc_error(w);
            /* The inflation limit names the option that changes it. */
            snprintf(j->reason, sizeof j->reason, "%s%s", msg ? msg : "out of memory",
                     e && strstr(e, "inflation limit") ? "; --max-inflation" : "");
        }
        k->job(k, j);
    }
    uint64_t at = copydesk_warc_bytes_read(w);
    if (at > seen) k->bytes(k, at - seen);
    if (ferror(f)) k->job(k, S_error_job(path, "read error: %s", strerror(EIO)));
    copydesk_warc_free(w);
}

/* The rest of a stream after the n bytes already read into pre. */
static char *S_read_rest(FILE *f, const unsigned char *pre, size_t n, size_t *len, int *too_large)
{
    size_t cap = n > 0 ? n * 2 : 4096, used = n;
    char *buf = malloc(cap);
    if (!buf) return NULL;
    memcpy(buf, pre, n);
    for (;;) {
        if (used == cap) {
            if (cap > CD_CLI_MAX_INPUT) {
                free(buf);
                *too_large = 1;
                return NULL;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
        size_t r = fread(buf + used, 1, cap - used, f);
        used += r;
        if (r == 0) break;
    }
    *len = used;
    return buf;
}

/* One input: sniff it, then queue it as a page or stream it as an archive.
 * error: why the input cannot be read (a directory with nothing to read), or NULL. */
static void S_input(S_run_ctx *c, const char *path, const char *error, int many)
{
    S_sched *s = c->s;
    if (error) {
        S_submit_error(c, path, "%s", error);
        return;
    }
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        S_submit_error(c, path, "read error: %s", strerror(errno ? errno : EIO));
        return;
    }
    unsigned char pre[S_SNIFF];
    size_t n = fread(pre, 1, sizeof pre, f);
    if (ferror(f)) {
        S_submit_error(c, path, "read error: %s", strerror(EIO));
        if (!is_stdin) fclose(f);
        return;
    }
    if (copydesk_warc_sniff((const char *)pre, n) != COPYDESK_WARC_FORMAT_NONE) {
        if (s->o->url && !s->url_warned && !s->o->quiet) {
            /* Only the bytes tell: a warning, not an error. */
            pthread_mutex_lock(&s->omu);
            S_progress_clear(s);
            fprintf(stderr, "copydesk: warning: %s is a web archive: --url is not used (each record "
                            "carries its own URL)\n", path);
            pthread_mutex_unlock(&s->omu);
        }
        s->url_warned = 1;
        S_run_sink k = {{S_run_sink_job, S_run_sink_skip, S_run_sink_bytes}, c};
        S_archive(&k.sink, path, f, pre, n);
        if (!is_stdin) fclose(f);
        return;
    }
    S_job *j;
    if (!is_stdin) {
        struct stat sb;
        uint64_t size = fstat(fileno(f), &sb) == 0 ? (uint64_t)sb.st_size : 0;
        fclose(f);
        S_add_bytes(s, size);
        j = S_job_new(path, J_PATH);
    } else {
        /* stdin cannot be read twice: keep what was sniffed, read the rest. */
        j = S_job_new(path, J_BYTES);
        size_t len = 0;
        int too_large = 0;
        char *buf = S_read_rest(stdin, pre, n, &len, &too_large);
        if (!buf || ferror(stdin)) {
            free(buf);
            j->kind = J_ERROR;
            snprintf(j->reason, sizeof j->reason, "read error: %s",
                     too_large ? "input too large" : strerror(ferror(stdin) ? EIO : ENOMEM));
        } else {
            j->bytes = buf;
            j->len = len;
        }
        S_add_bytes(s, len);
    }
    j->many = many;
    S_submit(c, j);
}

/* ---- pass 1: learning the sites ----------------------------------------- */

/* Counting: the start of a page read for its key (copydesk_sites_host_head);
 * of a gzip page the cache cannot keep, only that much is decompressed. */
#define S_HEAD ((size_t)64 * 1024)

/* What pass 1 leaves for pass 2 about one input. */
typedef struct {
    S_job *head, *tail; /* ready: the input's jobs, to run instead of reading it */
    uint64_t bytes;     /* the bytes its reading counted (progress) */
    int ready;
    /* Counting pass 1: the host of each page (a key id, 0: none), in the
     * order of its pages (an archive's HTML records; a page file has one). */
    uint32_t *keys;
    size_t nkeys;
    int archive;
    /* Counting: a page file observed in pass 1 already (S_learn_run), which
     * the second round leaves out. */
    int observed;
} S_kept;

typedef struct S_ltask {
    struct S_ltask *next;
    S_job *job;   /* J_PATH: a page to read; J_BYTES: an archive record */
    size_t input; /* its index among the inputs */
    uint32_t ord; /* the page's rank in the input (S_kept.keys) */
    int borrowed; /* the job sits in a kept list: observe it, do not free it */
    /* Counting: a page file whose start did not give its key, put off until
     * every page's start has been read (S_learn_run); head_tried as then. */
    int put_off, head_tried;
} S_ltask;

/* Counting pass 1: the host keys met, with their pages. */
typedef struct {
    char **name;     /* [id], id 1.. */
    uint32_t *count; /* [id] pages */
    uint32_t n, cap; /* ids used (name[0] unused), allocated */
    uint32_t *slot;  /* open addressing: ids, 0 empty */
    uint32_t nslot;  /* a power of two */
} S_keys;

typedef struct S_learn S_learn;

typedef struct {
    S_learn *L;
    copydesk_sites *model;
    char *zbuf; /* gunzip output, reused page after page */
    size_t zcap;
    cd_cli_head *head; /* counting: a gzip page's first S_HEAD bytes */
    pthread_t tid;
} S_lworker;


struct S_learn {
    S_sched *s;
    const S_opts *o;
    pthread_mutex_t mu; /* queue, cache budget, nomem */
    pthread_cond_t nonempty, nonfull;
    S_ltask *head, *tail;
    size_t qlen, qcap, qbytes;
    int closing;
    S_kept *kept; /* one per input */
    S_lworker *workers;
    long nworkers;
    S_lworker main; /* -j 1: the main thread's model and buffer */
    int nomem;
    size_t kept_meta; /* bytes of the job records kept for archives (main thread) */
    /* Counting (--site-chrome auto without --learn-sites): pass 1 only takes
     * each page's host key (copydesk_sites_host: cheap) and counts the pages
     * of each host; a second round then observes only the pages of hosts that
     * reach COPYDESK_SITES_MIN_PAGES (with the pages a --sites model holds). */
    int counting;
    int observing; /* the second round runs: tasks observe */
    /* Counting: the page files whose start does not give the key are read
     * whole after the other pages' starts (put_off), so that more of them
     * find their host's pages counted already and are observed at once. */
    int putting_off;
    struct S_put_off {
        size_t input;
        uint32_t ord;
        int head_tried;
    } *off;
    size_t noff, offcap;
    const copydesk_sites *loaded;
    S_keys keys;
};

static uint64_t S_key_hash(const char *k)
{
    uint64_t h = 1469598103934665603ull;
    for (; *k; k++)
        h = (h ^ (unsigned char)*k) * 1099511628211ull;
    return h;
}

/* The id of key (interned); 0 when out of memory. Called with L->mu held. */
static uint32_t S_key_id(S_keys *t, const char *key)
{
    if ((t->n + 1) * 2 >= t->nslot) {
        uint32_t ns = t->nslot ? t->nslot * 2 : 1024;
        uint32_t *sl = calloc(ns, sizeof *sl);
        if (!sl) return 0;
        for (uint32_t i = 0; i < t->nslot; i++) {
            uint32_t id = t->slot[i];
            if (!id) continue;
            uint32_t at = (uint32_t)S_key_hash(t->name[id]) & (ns - 1);
            while (sl[at]) at = (at + 1) & (ns - 1);
            sl[at] = id;
        }
        free(t->slot);
        t->slot = sl;
        t->nslot = ns;
    }
    uint32_t at = (uint32_t)S_key_hash(key) & (t->nslot - 1);
    while (t->slot[at]) {
        if (strcmp(t->name[t->slot[at]], key) == 0) return t->slot[at];
        at = (at + 1) & (t->nslot - 1);
    }
    if (t->n + 2 > t->cap) {
        uint32_t nc = t->cap ? t->cap * 2 : 256;
        char **nn = realloc(t->name, nc * sizeof *nn);
        if (!nn) return 0;
        t->name = nn;
        uint32_t *cc = realloc(t->count, nc * sizeof *cc);
        if (!cc) return 0;
        t->count = cc;
        t->cap = nc;
    }
    if (t->n == 0) t->n = 1; /* id 0: no host */
    char *d = S_dup(key, strlen(key));
    if (!d) return 0;
    uint32_t id = t->n++;
    t->name[id] = d;
    t->count[id] = 0;
    t->slot[at] = id;
    return id;
}

static void S_keys_free(S_keys *t)
{
    for (uint32_t i = 1; i < t->n; i++)
        free(t->name[i]);
    free(t->name);
    free(t->count);
    free(t->slot);
    memset(t, 0, sizeof *t);
}

/* Record page ord of input's host key (counting): the pages of that key
 * counted so far, this one included (0: no key). */
static uint32_t S_count_key(S_learn *L, size_t input, uint32_t ord, const char *key)
{
    pthread_mutex_lock(&L->mu);
    uint32_t id = 0, n = 0;
    if (key[0]) {
        id = S_key_id(&L->keys, key);
        if (!id)
            L->nomem = 1;
        else
            n = ++L->keys.count[id];
    }
    if (ord < L->kept[input].nkeys) L->kept[input].keys[ord] = id;
    pthread_mutex_unlock(&L->mu);
    return n;
}

/* Room for page ord of input in its key list (main thread, before the task). */
static void S_key_slot(S_learn *L, size_t input, uint32_t ord)
{
    S_kept *k = &L->kept[input];
    pthread_mutex_lock(&L->mu);
    if (ord >= k->nkeys) {
        size_t n = k->nkeys ? k->nkeys * 2 : 1;
        while (n <= ord) n *= 2;
        uint32_t *nk = realloc(k->keys, n * sizeof *nk);
        if (!nk) {
            L->nomem = 1;
        } else {
            memset(nk + k->nkeys, 0, (n - k->nkeys) * sizeof *nk);
            k->keys = nk;
            k->nkeys = n;
        }
    }
    pthread_mutex_unlock(&L->mu);
}

/* Is page ord of input to be observed in the second round? Its host has
 * enough pages in the batch and in the --sites model together. */
static int S_key_needed(const S_learn *L, size_t input, uint32_t ord)
{
    const S_kept *k = &L->kept[input];
    if (ord >= k->nkeys || !k->keys[ord]) return 0;
    uint32_t id = k->keys[ord];
    size_t n = L->keys.count[id];
    if (L->loaded) n += copydesk_sites_host_pages(L->loaded, L->keys.name[id]);
    return n >= COPYDESK_SITES_MIN_PAGES;
}

/* Take the host key of a page (counting) instead of observing it: the pages
 * of that key counted so far (S_count_key); the key into key[] when given. */
static uint32_t S_take_key(S_learn *L, S_lworker *w, size_t input, uint32_t ord, const char *bytes, size_t len,
                           const char *url, const char *charset, int head_tried, char *key)
{
    char own[COPYDESK_SITES_KEY_MAX];
    if (!key) key = own;
    /* Most pages name their canonical URL near the top, before any byte
     * that needs the page's charset: then nothing else is read. */
    if (!head_tried && !(url && *url) && !(charset && *charset) &&
        copydesk_sites_host_head(w->model, bytes, len < S_HEAD ? len : S_HEAD, key, COPYDESK_SITES_KEY_MAX) == 1)
        return S_count_key(L, input, ord, key);
    copydesk_status st =
        copydesk_sites_host(w->model, bytes, len, url && *url ? url : NULL, charset, key, COPYDESK_SITES_KEY_MAX);
    if (st == COPYDESK_ERR_NOMEM) {
        pthread_mutex_lock(&L->mu);
        L->nomem = 1;
        pthread_mutex_unlock(&L->mu);
        key[0] = '\0';
        return 0;
    }
    if (st != COPYDESK_OK) key[0] = '\0'; /* observe skips such a page too */
    return S_count_key(L, input, ord, key);
}

/* The URL the second round gives observe for a page file of counted key
 * key: the key as a domain (http://KEY/; a name: key is not one), so that
 * observe does not read the page's hints again (the key is the one observe
 * would take from them: docs/sites.md); the --url given wins. */
static const char *S_key_url(const char *url, const char *key, char *buf, size_t cap)
{
    if (url && *url) return url;
    if (key && *key && strncmp(key, "name:", 5) != 0) {
        snprintf(buf, cap, "http://%s/", key);
        return buf;
    }
    return url;
}

static void S_observe(S_learn *L, copydesk_sites *m, const char *bytes, size_t len, const char *url,
                      const char *charset)
{
    /* A page that cannot be read is not observed (pass 2 reports it). */
    if (copydesk_sites_observe(m, bytes, len, url && *url ? url : NULL, charset) ==
        COPYDESK_ERR_NOMEM) {
        pthread_mutex_lock(&L->mu);
        L->nomem = 1;
        pthread_mutex_unlock(&L->mu);
    }
}

/* Put page file t off (L->putting_off): 0 when out of memory (then it is
 * read whole now, as it would be without putting off). */
static int S_put_off(S_learn *L, const S_ltask *t, int head_tried)
{
    int ok = 1;
    pthread_mutex_lock(&L->mu);
    if (L->noff == L->offcap) {
        size_t nc = L->offcap ? L->offcap * 2 : 64;
        struct S_put_off *no = realloc(L->off, nc * sizeof *no);
        if (no) {
            L->off = no;
            L->offcap = nc;
        } else {
            ok = 0;
        }
    }
    if (ok) {
        L->off[L->noff].input = t->input;
        L->off[L->noff].ord = t->ord;
        L->off[L->noff].head_tried = head_tried;
        L->noff++;
    }
    pthread_mutex_unlock(&L->mu);
    return ok;
}

/* One task on worker w's model (the main thread's with -j 1). */
static void S_learn_run(S_learn *L, S_lworker *w, S_ltask *t)
{
    const S_opts *o = L->o;
    copydesk_sites *m = w->model;
    S_job *j = t->job;
    if (j->kind == J_PATH && L->observing) {
        /* The second round: a page pass 1 could not keep, read again. Its
         * host key was counted: a domain is given as the page's URL, so
         * that observe does not read the page's hints again (the key is
         * the one observe would take from them: docs/sites.md). */
        size_t len = 0;
        char *buf = cd_read_file(j->path, CD_CLI_MAX_INPUT, &len);
        if (buf) {
            const char *page = buf;
            if (cd_cli_is_gzip(buf, len)) {
                /* A page that does not inflate (damaged, or past the
                 * inflation limit) is not observed: pass 2 reports it. */
                size_t n = cd_cli_gunzip(buf, len, S_inflate_max(len), &w->zbuf, &w->zcap);
                if (n) page = w->zbuf, len = n;
                else page = NULL;
            }
            char kurl[COPYDESK_SITES_KEY_MAX + 16];
            const S_kept *kk = &L->kept[t->input];
            const char *key = t->ord < kk->nkeys && kk->keys[t->ord] ? L->keys.name[kk->keys[t->ord]] : NULL;
            if (page) S_observe(L, m, page, len, S_key_url(o->url, key, kurl, sizeof kurl), o->charset);
            free(buf);
        }
        S_job_free(j);
    } else if (j->kind == J_PATH) {
        /* Pass 1 keeps nothing of a page file: a plain page is read again
         * from the system's page cache, and a gzip page decoded again (one
         * libdeflate call), for less than what fresh memory to keep it in
         * costs (docs/benchmarks.md, session 9). Counting, the job holds
         * the file's first bytes (read to sniff it): they often give the
         * key, and the rest of the file is not read. */
        const char *pre = j->bytes;
        size_t pn = pre ? j->len : 0, len = 0;
        char *buf = NULL;
        int decided = 0, head_tried = t->head_tried, failed = 0;
        char key[COPYDESK_SITES_KEY_MAX];
        int keyable = L->counting && !(o->url && *o->url) && !(o->charset && *o->charset);
        if (t->put_off) {
            /* Its start was read already and did not decide: read it whole. */
        } else if (keyable && pre && cd_cli_is_gzip(pre, pn) &&
            (w->head || (w->head = cd_cli_head_new(S_HEAD)) != NULL)) {
            /* A gzip page's start, 4 KiB first: most canonical links are
             * there (pass 2 decompresses the page anyway). */
            head_tried = 1;
            cd_cli_head_start(w->head, pre, pn, pn == S_SNIFF);
            for (size_t h = S_HEAD / 16; h <= S_HEAD && !decided; h *= 2) {
                const char *hb = cd_cli_head_get(w->head, h);
                if (!hb && cd_cli_head_starved(w->head)) {
                    if (!buf && (buf = cd_read_file(j->path, CD_CLI_MAX_INPUT, &len)) == NULL) {
                        failed = 1;
                        break;
                    }
                    cd_cli_head_more(w->head, buf, len);
                    hb = cd_cli_head_get(w->head, h);
                }
                if (!hb)
                    break;
                int r = copydesk_sites_host_head(m, hb, h, key, sizeof key);
                if (r == 1) {
                    S_count_key(L, t->input, t->ord, key);
                    decided = 1;
                } else if (r == 0) {
                    break;
                }
            }
        } else if (keyable && pre && pn == S_SNIFF &&
                   copydesk_sites_host_head(m, pre, pn, key, sizeof key) == 1) {
            S_count_key(L, t->input, t->ord, key); /* a plain page's first 4 KiB */
            decided = 1;
        }
        if (!decided && !failed && L->putting_off && S_put_off(L, t, head_tried)) {
            /* Read whole later, when the pages whose start gives the key
             * are counted: a page whose host then has enough pages is
             * observed at once instead of being read again in the second
             * round. The model is a function of the set of pages observed,
             * so when a page is read changes nothing but the cost. */
            free(buf);
            S_job_free(j);
            free(t);
            return;
        }
        if (!decided && !failed && (buf || (buf = cd_read_file(j->path, CD_CLI_MAX_INPUT, &len)) != NULL)) {
            const char *page = buf;
            size_t n = 0;
            if (cd_cli_is_gzip(buf, len)) {
                /* Not inflated (damaged, or past the inflation limit): no
                 * key, not observed; pass 2 reports it. */
                n = cd_cli_gunzip(buf, len, S_inflate_max(len), &w->zbuf, &w->zcap);
                page = n ? w->zbuf : NULL;
                len = n;
            }
            if (!page) {
                if (L->counting) S_count_key(L, t->input, t->ord, "");
            } else if (L->counting) {
                /* The whole page was decompressed for its key: when its host
                 * has enough pages already, it is observed now (the second
                 * round would read and decompress it again). Which round
                 * observes a page changes nothing: the model is a function
                 * of the set of pages observed. */
                char ck[COPYDESK_SITES_KEY_MAX], kurl[COPYDESK_SITES_KEY_MAX + 16];
                if (S_take_key(L, w, t->input, t->ord, page, len, o->url, o->charset, head_tried, ck) >=
                    COPYDESK_SITES_MIN_PAGES) {
                    S_observe(L, m, page, len, S_key_url(o->url, ck, kurl, sizeof kurl), o->charset);
                    pthread_mutex_lock(&L->mu);
                    L->kept[t->input].observed = 1;
                    pthread_mutex_unlock(&L->mu);
                }
            } else {
                S_observe(L, m, page, len, o->url, o->charset);
            }
        }
        free(buf);
        S_job_free(j); /* pass 2 reads it again (and reports an error) */
    } else {
        const char *cs = j->charset && *j->charset ? j->charset : o->charset;
        if (L->counting && !L->observing)
            S_take_key(L, w, t->input, t->ord, j->bytes, j->len, j->url, cs, 0, NULL);
        else
            S_observe(L, m, j->bytes, j->len, j->url, cs);
        if (!t->borrowed) S_job_free(j);
    }
    free(t);
}

static void *S_lworker_main(void *arg)
{
    S_lworker *w = arg;
    S_learn *L = w->L;
    for (;;) {
        pthread_mutex_lock(&L->mu);
        while (!L->head && !L->closing)
            pthread_cond_wait(&L->nonempty, &L->mu);
        S_ltask *t = L->head;
        if (t) {
            L->head = t->next;
            if (!L->head) L->tail = NULL;
            L->qlen--;
            if (!t->borrowed) L->qbytes -= t->job->len;
            pthread_cond_signal(&L->nonfull);
        }
        pthread_mutex_unlock(&L->mu);
        if (!t) break;
        S_learn_run(L, w, t);
    }
    return NULL;
}

/* head_tried: -1 for a new task, else a page file put off (S_put_off). */
static void S_learn_task(S_learn *L, S_job *j, size_t input, uint32_t ord, int borrowed, int head_tried)
{
    S_ltask *t = calloc(1, sizeof *t);
    if (!t) {
        fprintf(stderr, "copydesk: out of memory\n");
        exit(2);
    }
    t->job = j;
    t->input = input;
    t->ord = ord;
    t->borrowed = borrowed;
    t->put_off = head_tried >= 0;
    t->head_tried = head_tried > 0;
    if (L->counting && !L->observing) S_key_slot(L, input, ord);
    if (L->nworkers == 0) {
        S_learn_run(L, &L->main, t);
        return;
    }
    size_t cost = borrowed ? 0 : j->len;
    pthread_mutex_lock(&L->mu);
    while (L->qlen >= L->qcap || (L->qlen > 0 && L->qbytes + cost > S_QUEUE_BYTES))
        pthread_cond_wait(&L->nonfull, &L->mu);
    L->qbytes += cost;
    if (L->tail)
        L->tail->next = t;
    else
        L->head = t;
    L->tail = t;
    L->qlen++;
    pthread_cond_signal(&L->nonempty);
    pthread_mutex_unlock(&L->mu);
}

static void S_learn_submit(S_learn *L, S_job *j, size_t input, uint32_t ord, int borrowed)
{
    S_learn_task(L, j, input, ord, borrowed, -1);
}

/* The sink of an archive's records in pass 1: each HTML record is observed;
 * while the cache budget lasts, every job is also kept for pass 2. */
typedef struct {
    S_sink sink;
    S_learn *L;
    size_t input;
    int keep;
    uint32_t ord; /* HTML records met */
} S_learn_sink;

static void S_kept_add(S_kept *k, S_job *j)
{
    j->next = NULL;
    if (k->tail)
        k->tail->next = j;
    else
        k->head = j;
    k->tail = j;
}

/* The memory a kept job record holds besides its payload. */
static size_t S_job_meta(const S_job *j)
{
    size_t n = sizeof *j;
    const char *f[] = {j->source, j->url, j->charset, j->record_id, j->date};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        if (f[i]) n += strlen(f[i]) + 1;
    return n;
}

/* Keeping j's record for pass 2 stays within a quarter of --site-cache (an
 * archive of millions of skipped or tiny records would otherwise grow the
 * kept lists without bound); past it, the archive is read again. */
static int S_keep_meta(S_learn_sink *k, const S_job *j)
{
    size_t n = S_job_meta(j);
    if (k->L->kept_meta + n > k->L->o->site_cache / 4) return 0;
    k->L->kept_meta += n;
    return 1;
}

static void S_learn_sink_job(S_sink *sk, S_job *j)
{
    S_learn_sink *k = (S_learn_sink *)sk;
    S_kept *kept = &k->L->kept[k->input];
    if (k->keep && !S_keep_meta(k, j)) k->keep = 0;
    if (k->keep && j->kind == J_BYTES) {
        /* The payload moves into the cache (packed, in huge pages). */
        cd_cache_chunk *chunk = NULL;
        char *p = cd_cache_put(S_cache, j->bytes, j->len, &chunk);
        if (p) {
            free(j->bytes);
            j->bytes = p;
            j->chunk = chunk;
        } else {
            k->keep = 0;
        }
    }
    if (k->keep) S_kept_add(kept, j);
    if (j->kind == J_BYTES)
        S_learn_submit(k->L, j, k->input, k->ord++, k->keep);
    else if (!k->keep)
        S_job_free(j);
}

static void S_learn_sink_skip(S_sink *sk, const char *reason)
{
    S_learn_sink *k = (S_learn_sink *)sk;
    if (!k->keep) return;
    S_job *j = S_job_new("", J_SKIP);
    snprintf(j->reason, sizeof j->reason, "%s", reason ? reason : "");
    if (!S_keep_meta(k, j)) {
        k->keep = 0;
        S_job_free(j);
        return;
    }
    S_kept_add(&k->L->kept[k->input], j);
}

static void S_learn_sink_bytes(S_sink *sk, uint64_t n)
{
    S_learn_sink *k = (S_learn_sink *)sk;
    k->L->kept[k->input].bytes += n;
    S_add_bytes(k->L->s, n);
}

/* Pass 1 over one input. stdin, and anything that is not a regular file (a
 * pipe cannot be read twice), is left to pass 2 alone: never observed. */
static void S_learn_input(S_learn *L, size_t input, const char *path, int many)
{
    if (strcmp(path, "-") == 0) return;
    FILE *f = fopen(path, "rb");
    if (!f) return;
    struct stat sb;
    if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
        fclose(f);
        return;
    }
    unsigned char pre[S_SNIFF];
    size_t n = fread(pre, 1, sizeof pre, f);
    if (ferror(f)) {
        fclose(f);
        return;
    }
    if (copydesk_warc_sniff((const char *)pre, n) != COPYDESK_WARC_FORMAT_NONE) {
        S_learn_sink k = {{S_learn_sink_job, S_learn_sink_skip, S_learn_sink_bytes}, L, input, 1, 0};
        L->kept[input].archive = 1;
        S_archive(&k.sink, path, f, pre, n);
        fclose(f);
        L->kept[input].ready = k.keep;
        return;
    }
    fclose(f);
    L->kept[input].bytes = (uint64_t)sb.st_size;
    S_add_bytes(L->s, (uint64_t)sb.st_size);
    S_job *j = S_job_new(path, J_PATH);
    j->many = many;
    /* Counting: the bytes sniffed go with the job (S_learn_run). */
    const S_opts *o = L->o;
    if (L->counting && !(o->url && *o->url) && !(o->charset && *o->charset) && n > 0 &&
        (j->bytes = S_dup((const char *)pre, n)) != NULL)
        j->len = n;
    S_learn_submit(L, j, input, 0, 0);
}

/* The sink of an archive read again in the second round: the records whose
 * host has enough pages are observed, the others dropped. */
static void S_again_sink_job(S_sink *sk, S_job *j)
{
    S_learn_sink *k = (S_learn_sink *)sk;
    if (j->kind == J_BYTES && S_key_needed(k->L, k->input, k->ord++))
        S_learn_submit(k->L, j, k->input, 0, 0);
    else
        S_job_free(j);
}

static void S_again_sink_skip(S_sink *sk, const char *reason)
{
    (void)sk;
    (void)reason;
}

static void S_again_sink_bytes(S_sink *sk, uint64_t n)
{
    (void)sk;
    (void)n;
}

/* The second round over one input: its pages whose host has enough pages
 * are observed, from the kept jobs or read again. */
static void S_observe_input(S_learn *L, size_t input, const char *path, int many)
{
    S_kept *k = &L->kept[input];
    int any = 0;
    for (uint32_t i = 0; i < k->nkeys && !any; i++)
        any = S_key_needed(L, input, i);
    if (!any) return;
    if (k->ready) {
        uint32_t ord = 0;
        for (S_job *j = k->head; j; j = j->next)
            if (j->kind == J_BYTES && S_key_needed(L, input, ord++))
                S_learn_submit(L, j, input, 0, 1);
        return;
    }
    if (!k->archive) {
        if (k->observed) return; /* in pass 1 already */
        S_job *j = S_job_new(path, J_PATH);
        j->many = many;
        S_learn_submit(L, j, input, 0, 0);
        return;
    }
    FILE *f = fopen(path, "rb");
    if (!f) return;
    unsigned char pre[S_SNIFF];
    size_t n = fread(pre, 1, sizeof pre, f);
    if (!ferror(f) && copydesk_warc_sniff((const char *)pre, n) != COPYDESK_WARC_FORMAT_NONE) {
        S_learn_sink s = {{S_again_sink_job, S_again_sink_skip, S_again_sink_bytes}, L, input, 0, 0};
        S_archive(&s.sink, path, f, pre, n);
    }
    fclose(f);
}

static void S_kept_free(S_kept *k)
{
    while (k->head) {
        S_job *j = k->head;
        k->head = j->next;
        S_job_free(j);
    }
    k->tail = NULL;
    k->ready = 0;
}

/* Pass 1: the model learned from the inputs (NULL when memory runs out:
 * reported). *kept gets what pass 2 can take from memory (free with
 * S_kept_free on each, then free()), NULL if nothing. */
/* Start the workers on their models (made before); 0 if none started. */
static void S_pool_start(S_learn *L)
{
    L->closing = 0;
    for (long i = 0; i < L->nworkers; i++)
        if (pthread_create(&L->workers[i].tid, NULL, S_lworker_main, &L->workers[i]) != 0) {
            /* The task queue still runs on the threads that started. */
            fprintf(stderr, "copydesk: cannot start a thread\n");
            exit(2);
        }
}

/* Wait for the queue to drain and the workers to end. */
static void S_pool_finish(S_learn *L)
{
    if (!L->nworkers) return;
    pthread_mutex_lock(&L->mu);
    L->closing = 1;
    pthread_cond_broadcast(&L->nonempty);
    pthread_mutex_unlock(&L->mu);
    for (long i = 0; i < L->nworkers; i++)
        pthread_join(L->workers[i].tid, NULL);
}

static copydesk_sites *S_learn_sites(S_sched *s, const S_opts *o, const cd_paths *paths,
                                     const copydesk_sites *loaded, S_kept **kept_out)
{
    S_learn L;
    memset(&L, 0, sizeof L);
    L.s = s;
    L.o = o;
    L.qcap = (size_t)o->jobs * 2 + 2;
    L.kept = calloc(paths->count ? paths->count : 1, sizeof *L.kept);
    copydesk_sites *learned = copydesk_sites_new();
    if (!L.kept || !learned) {
        free(L.kept);
        copydesk_sites_free(learned);
        fprintf(stderr, "copydesk: out of memory\n");
        return NULL;
    }
    pthread_mutex_init(&L.mu, NULL);
    pthread_cond_init(&L.nonempty, NULL);
    pthread_cond_init(&L.nonfull, NULL);
    /* Count first unless every page is to be learned (--learn-sites). */
    L.counting = !o->learn;
    L.loaded = loaded;
    if (o->jobs > 1) {
        L.workers = calloc((size_t)o->jobs, sizeof *L.workers);
        for (long i = 0; L.workers && i < o->jobs; i++) {
            S_lworker *w = &L.workers[L.nworkers];
            w->L = &L;
            w->model = copydesk_sites_new();
            if (!w->model) break;
            L.nworkers++;
        }
    }
    if (L.nworkers == 0) L.main.model = learned; /* the main thread learns alone */
    S_pool_start(&L);

    pthread_mutex_lock(&s->omu);
    s->learning = 1;
    pthread_mutex_unlock(&s->omu);
    L.putting_off = L.counting;
    for (size_t i = 0; i < paths->count; i++)
        if (!paths->errors[i]) /* an input that cannot be read is reported by pass 2 */
            S_learn_input(&L, i, paths->items[i], paths->count > 1);
    S_pool_finish(&L);
    if (L.noff) {
        /* The page files whose start did not give the key, read whole now. */
        L.putting_off = 0;
        S_pool_start(&L);
        for (size_t i = 0; i < L.noff; i++) {
            S_job *j = S_job_new(paths->items[L.off[i].input], J_PATH);
            j->many = paths->count > 1;
            S_learn_task(&L, j, L.off[i].input, L.off[i].ord, 0, L.off[i].head_tried);
        }
        S_pool_finish(&L);
    }
    free(L.off);
    L.off = NULL;
    L.noff = L.offcap = 0;

    if (L.counting && !L.nomem) {
        /* The second round: the pages of hosts with enough pages. */
        L.observing = 1;
        S_pool_start(&L);
        for (size_t i = 0; i < paths->count; i++)
            if (!paths->errors[i])
                S_observe_input(&L, i, paths->items[i], paths->count > 1);
        S_pool_finish(&L);
    }
    for (size_t i = 0; i < paths->count; i++) {
        free(L.kept[i].keys);
        L.kept[i].keys = NULL;
        L.kept[i].nkeys = 0;
    }
    if (L.counting) {
        s->counted_hosts = L.keys.n ? L.keys.n - 1 : 0;
        for (uint32_t i = 1; i < L.keys.n; i++)
            s->counted_pages += L.keys.count[i];
    }
    S_keys_free(&L.keys);

    if (L.nworkers) {
        /* Merging is commutative and associative: the order does not matter. */
        for (long i = 0; i < L.nworkers; i++) {
            if (copydesk_sites_merge(learned, L.workers[i].model) != COPYDESK_OK) L.nomem = 1;
            copydesk_sites_free(L.workers[i].model);
            free(L.workers[i].zbuf);
            cd_cli_head_free(L.workers[i].head);
        }
    }
    free(L.main.zbuf);
    cd_cli_head_free(L.main.head);
    free(L.workers);
    pthread_mutex_lock(&s->omu);
    s->learning = 0;
    S_progress_clear(s);
    s->bytes_read = 0;
    pthread_mutex_unlock(&s->omu);
    pthread_mutex_destroy(&L.mu);
    pthread_cond_destroy(&L.nonempty);
    pthread_cond_destroy(&L.nonfull);

    int any = 0;
    for (size_t i = 0; i < paths->count; i++) {
        if (!L.kept[i].ready)
            S_kept_free(&L.kept[i]); /* an archive that did not fit: read again */
        else
            any = 1;
    }
    cd_cache_seal(S_cache);
    if (!any) {
        free(L.kept);
        L.kept = NULL;
    }
    *kept_out = L.kept;
    if (L.nomem) {
        fprintf(stderr, "copydesk: out of memory while learning the sites: no site model\n");
        copydesk_sites_free(learned);
        return NULL;
    }
    return learned;
}

/* Pass 2 for an input pass 1 kept: its jobs, as S_input would make them. */
static void S_replay(S_run_ctx *c, S_kept *k)
{
    S_add_bytes(c->s, k->bytes);
    while (k->head) {
        S_job *j = k->head;
        k->head = j->next;
        if (j->kind == J_SKIP) {
            S_count_skip(c->s, j->reason);
            S_job_free(j);
        } else {
            S_submit(c, j);
        }
    }
    k->tail = NULL;
    k->ready = 0;
}

/* --sites: the model file streamed in (copydesk_sites_load_from), never
 * held whole beside the model (docs/sites.md "Memory bound"). */
typedef struct S_sites_in {
    FILE *f;
    int err; /* errno of a failed read */
} S_sites_in;

static size_t S_sites_read(void *ctx, void *buf, size_t len, int *err)
{
    S_sites_in *in = ctx;
    size_t n = fread(buf, 1, len, in->f);
    if (n < len && ferror(in->f)) {
        in->err = errno ? errno : EIO;
        *err = 1;
    }
    return n;
}

/* A site model file (--sites) merged into m; 0, or -1 after a message. */
static int S_load_sites(copydesk_sites *m, const char *path)
{
    errno = 0;
    S_sites_in in = {fopen(path, "rb"), 0};
    if (!in.f) {
        fprintf(stderr, "copydesk: --sites %s: %s\n", path, strerror(errno ? errno : EIO));
        return -1;
    }
    errno = 0;
    copydesk_status st = copydesk_sites_load_from(m, S_sites_read, &in);
    fclose(in.f);
    if (st == COPYDESK_ERR_IO) {
        fprintf(stderr, "copydesk: --sites %s: %s\n", path, strerror(in.err ? in.err : EIO));
        return -1;
    }
    if (st == COPYDESK_ERR_NOMEM) {
        fprintf(stderr, "copydesk: --sites %s: out of memory\n", path);
        return -1;
    }
    if (st != COPYDESK_OK) {
        fprintf(stderr,
                "copydesk: --sites %s: not a copydesk site model (damaged, or written by a newer "
                "version)\n",
                path);
        return -1;
    }
    return 0;
}

/* --learn-sites: the model streamed (copydesk_sites_save_to) to fd. */
typedef struct S_sites_out {
    int fd;
    int err; /* errno of a failed write */
} S_sites_out;

static copydesk_status S_sites_write(void *ctx, const void *buf, size_t len)
{
    S_sites_out *out = ctx;
    const char *p = buf;
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(out->fd, p + done, len - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
            out->err = w < 0 && errno ? errno : EIO;
            return COPYDESK_ERR_IO;
        }
        done += (size_t)w;
    }
    return COPYDESK_OK;
}

/* --learn-sites: the model into the temporary file made at start, then
 * renamed over FILE. 0, or -1 after a message. */
static int S_save_sites(const copydesk_sites *m, int fd, const char *tmp, const char *path)
{
    S_sites_out out = {fd, 0};
    copydesk_status st = copydesk_sites_save_to(m, S_sites_write, &out);
    int err = st == COPYDESK_ERR_IO ? out.err : 0;
    if (close(fd) != 0 && !err && st == COPYDESK_OK) err = errno;
    if (st == COPYDESK_OK && !err && rename(tmp, path) != 0) err = errno;
    if (st != COPYDESK_OK || err) {
        fprintf(stderr, "copydesk: --learn-sites %s: %s\n", path,
                err ? strerror(err) : copydesk_status_str(st));
        unlink(tmp);
        return -1;
    }
    return 0;
}

/* Is the one input of a run an archive (a batch), not a single page? */
static int S_is_archive(const char *path)
{
    if (strcmp(path, "-") == 0) return 0;
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    unsigned char pre[S_SNIFF];
    size_t n = fread(pre, 1, sizeof pre, f);
    fclose(f);
    return copydesk_warc_sniff((const char *)pre, n) != COPYDESK_WARC_FORMAT_NONE;
}

static void S_summary(S_sched *s)
{
    double secs = (double)(S_now() - s->t0) / 1e9;
    char mb[32];
    S_fmt_mb(mb, sizeof mb, s->bytes_read);
    fprintf(stderr, "copydesk: %llu page%s ok, %llu error%s", (unsigned long long)s->ok, s->ok == 1 ? "" : "s",
            (unsigned long long)s->failed, s->failed == 1 ? "" : "s");
    for (int i = 0, first = 1; i <= S_MAX_KINDS; i++) {
        if (!s->errors[i].n) continue;
        fprintf(stderr, "%s%llu %s", first ? " (" : ", ", (unsigned long long)s->errors[i].n,
                s->errors[i].name);
        first = 0;
        if (i == S_MAX_KINDS || !s->errors[i + 1].n) fputc(')', stderr);
    }
    unsigned long files = 0;
    for (int i = 0; i < CD_SKIP_COUNT; i++)
        files += s->files_skipped ? s->files_skipped[i] : 0;
    fprintf(stderr, ", %lu file%s skipped", files, files == 1 ? "" : "s");
    for (int i = 0, first = 1; i < CD_SKIP_COUNT && files; i++) {
        if (!s->files_skipped[i]) continue;
        fprintf(stderr, "%s%lu %s", first ? " (" : ", ", s->files_skipped[i], cd_skip_names[i]);
        first = 0;
    }
    if (files) fputc(')', stderr);
    fprintf(stderr, ", %llu archive record%s skipped", (unsigned long long)s->skipped,
            s->skipped == 1 ? "" : "s");
    for (int i = 0, first = 1; i <= S_MAX_KINDS; i++) {
        if (!s->skips[i].n) continue;
        fprintf(stderr, "%s%llu %s", first ? " (" : ", ", (unsigned long long)s->skips[i].n,
                s->skips[i].name);
        first = 0;
        if (i == S_MAX_KINDS || !s->skips[i + 1].n) fputc(')', stderr);
    }
    fprintf(stderr, "; %s MB in %.2f s (%.1f MB/s, %.1f pages/s)\n", mb, secs,
            secs > 0 ? (double)s->bytes_read / 1e6 / secs : 0.0,
            secs > 0 ? (double)s->ok / secs : 0.0);
    if (s->sites_shown) {
        /* The summary's second line (one "copydesk: " message in all). */
        fprintf(stderr, "  sites:");
        if (s->learned_ok && s->counted_pages)
            fprintf(stderr, " %zu pages of %zu hosts counted;", s->counted_pages, s->counted_hosts);
        if (s->learned_ok)
            fprintf(stderr, " learned %zu pages of %zu hosts in %.2f s;", s->learned_pages,
                    s->learned_hosts, s->learn_secs);
        if (s->model)
            fprintf(stderr, " model in use: %zu hosts, %zu pages\n", s->model_hosts, s->model_pages);
        else
            fprintf(stderr, " no model in use%s\n", s->o->site_chrome ? "" : " (--site-chrome off)");
    }
}

/* --dump-tree FILE: the parser's tree in html5lib's test format on stdout. */
static int S_dump_tree(const char *path, const char *charset)
{
    size_t len = 0, out_len = 0;
    char *in = cd_read_file(path, CD_CLI_MAX_INPUT, &len);
    if (!in) {
        fprintf(stderr, "copydesk: %s: %s\n", path, strerror(errno));
        return 2;
    }
    copydesk_status st;
    char *out = copydesk_dump_tree(in, len, charset, &out_len, &st);
    free(in);
    if (!out) {
        fprintf(stderr, "copydesk: %s: %s\n", path, copydesk_status_str(st));
        return 1;
    }
    int bad = fwrite(out, 1, out_len, stdout) != out_len || fflush(stdout) != 0;
    copydesk_free(out);
    return bad ? 2 : 0;
}

static long S_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > S_MAX_JOBS ? S_MAX_JOBS : n;
}

/* ---- the command line ----------------------------------------------------- */

/* The options named on the command line, for S_check. */
enum {
    G_FORMAT, G_JSON, G_URL, G_CHARSET, G_KEEP_COMMENTS, G_NO_TABLES, G_NO_CAPTIONS, G_NO_EXTRACT,
    G_KEEP_PARTS, G_EXPLAIN, G_BODY_ONLY, G_REPORT, G_DUMP_TREE, G_REF_TIME, G_JOBS, G_ORDERED,
    G_UNORDERED, G_STATS, G_QUIET, G_COUNT
};
static const char *const S_gname[G_COUNT] = {
    "--format", "--json", "--url", "--charset", "--keep-comments", "--no-tables", "--no-captions",
    "--no-extract", "--keep-parts", "--explain", "--body-only", "--report", "--dump-tree",
    "--reference-time", "-j", "--ordered", "--unordered", "--stats", "-q"};

/* The inputs as named (expanded after the checks). */
typedef struct {
    const char **v;
    size_t n;
    size_t dirs;  /* of which directories */
    size_t nstdin; /* of which "-" */
    const char *dir; /* the first directory */
} S_inputs;

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static int S_err(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("copydesk: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return 2;
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void S_warn(const S_opts *o, const char *fmt, ...)
{
    if (o->quiet) return;
    va_list ap;
    va_start(ap, fmt);
    fputs("copydesk: warning: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

/* The rules between options (docs/schema.md, "Errors and warnings"), so that
 * nothing is silently ignored. An option whose effect would be missing from
 * the output (it asks for something that will not happen), an invalid value
 * or two options that contradict each other are an error: one line, exit 2,
 * nothing read. An option that asks for what happens anyway is a warning
 * (silenced by -q). 0, or 2 after the message. */
static int S_check(const S_opts *o, const unsigned char *g, const S_inputs *in, const char *dump_tree)
{
    if (dump_tree) {
        /* --dump-tree FILE: a mode of its own; only the charset hint applies. */
        for (int k = 0; k < G_COUNT; k++)
            if (g[k] && k != G_DUMP_TREE && k != G_CHARSET && k != G_QUIET)
                return S_err("%s does not apply to --dump-tree (it prints FILE's tree)", S_gname[k]);
        if (in->n) return S_err("--dump-tree reads its FILE only: '%s' would not be read", in->v[0]);
        return 0;
    }
    if (g[G_NO_EXTRACT]) {
        /* The whole visible page: tables and captions in it, comments and the
         * dateline too, and no head. */
        if (g[G_NO_TABLES] || g[G_NO_CAPTIONS])
            return S_err("%s has no effect with --no-extract (it renders the whole visible page)",
                         S_gname[g[G_NO_TABLES] ? G_NO_TABLES : G_NO_CAPTIONS]);
        static const int moot[] = {G_KEEP_COMMENTS, G_KEEP_PARTS, G_BODY_ONLY};
        for (size_t k = 0; k < sizeof moot / sizeof moot[0]; k++)
            if (g[moot[k]])
                S_warn(o, "%s is implied by --no-extract (it renders the whole visible page%s)",
                       S_gname[moot[k]], moot[k] == G_BODY_ONLY ? ", without a head" : "");
    }
    if (o->report) {
        /* --report FILE: one page in, the explain page out, nothing else. */
        static const int moot[] = {G_JSON, G_BODY_ONLY, G_JOBS, G_ORDERED, G_UNORDERED, G_STATS};
        for (size_t k = 0; k < sizeof moot / sizeof moot[0]; k++)
            if (g[moot[k]])
                return S_err("%s does not apply to --report (it writes the explain page only)", S_gname[moot[k]]);
        if (g[G_REPORT] && o->format == COPYDESK_FORMAT_REPORT)
            return S_err("--format report and --report both name the report's file: give one");
        if (g[G_FORMAT] && o->format != COPYDESK_FORMAT_REPORT)
            return S_err("--format does not apply to --report (it writes the explain page only)");
        if (in->n != 1 || in->dirs)
            return S_err("--report explains one page: name one file (or -)%s%s",
                         in->dirs ? ", not a directory: " : "", in->dirs ? in->dir : "");
        if (g[G_EXPLAIN]) S_warn(o, "--explain is implied by --report (the page shows sources and dropped blocks)");
        return 0;
    }
    if (g[G_EXPLAIN] && !o->json)
        return S_err("--explain adds `sources`, `mode` and `dropped` to JSON records: use it with --json "
                     "(or --report for a page, in the browser)");
    if (g[G_ORDERED] && g[G_UNORDERED]) return S_err("--ordered and --unordered contradict each other");
    if (o->url && in->dirs) return S_err("--url is the URL of one page, and %s is a directory", in->dir);
    if (o->url && in->n > 1) return S_err("--url is the URL of one page, and %zu inputs are named", in->n);
    if (in->nstdin > 1) return S_err("- (standard input) is named twice");
    if (g[G_BODY_ONLY] && o->json && o->format != COPYDESK_FORMAT_MARKDOWN && !g[G_NO_EXTRACT])
        S_warn(o, "--body-only is implied by --json: `text` is always the body (with --format markdown "
                  "it drops the head from `markdown`)");
    return 0;
}

/* --report: the explain page of one page, written to o->report ("-" = stdout).
 * 0, 1 when the page cannot be read or processed, 2 when the report cannot be
 * written or the input is not a page. */
static int S_report(const S_opts *o, const char *path)
{
    size_t len = 0;
    errno = 0;
    char *in = cd_read_file(path, CD_CLI_MAX_INPUT, &len);
    if (!in) {
        fprintf(stderr, "copydesk: %s: read error: %s\n", path,
                errno == EFBIG ? "input too large" : strerror(errno ? errno : EIO));
        return 1;
    }
    if (copydesk_warc_sniff(in, len < S_SNIFF ? len : S_SNIFF) != COPYDESK_WARC_FORMAT_NONE) {
        free(in);
        fprintf(stderr, "copydesk: %s: --report explains a page, and this is a web archive\n", path);
        return 2;
    }
    copydesk_doc *doc = S_doc_new(o->options);
    if (!doc) {
        free(in);
        fprintf(stderr, "copydesk: out of memory\n");
        return 2;
    }
    copydesk_doc_set_source(doc, path, strlen(path));
    if (o->url) copydesk_doc_set_url(doc, o->url, strlen(o->url));
    if (o->charset) copydesk_doc_set_charset(doc, o->charset, strlen(o->charset));
    if (o->ref_time) copydesk_doc_set_reference_time(doc, o->ref_time);
    copydesk_status st = copydesk_doc_parse(doc, in, len);
    free(in);
    size_t n = 0;
    const char *r = st == COPYDESK_OK ? copydesk_doc_render(doc, COPYDESK_FORMAT_REPORT, &n, &st) : NULL;
    if (!r) {
        fprintf(stderr, "copydesk: %s: %s\n", path, copydesk_status_str(st));
        copydesk_doc_free(doc);
        return 1;
    }
    int to_stdout = strcmp(o->report, "-") == 0;
    FILE *f = to_stdout ? stdout : fopen(o->report, "wb");
    int bad = !f || fwrite(r, 1, n, f) != n;
    if (f && !to_stdout)
        bad |= fclose(f) != 0;
    else if (f)
        bad |= fflush(f) != 0;
    copydesk_doc_free(doc);
    if (bad) {
        fprintf(stderr, "copydesk: %s: cannot write the report: %s\n", o->report, strerror(errno ? errno : EIO));
        return 2;
    }
    if (!o->quiet && !to_stdout) fprintf(stderr, "copydesk: report of %s written to %s\n", path, o->report);
    return 0;
}

int main(int argc, char **argv)
{
    S_opts o = {.format = COPYDESK_FORMAT_TEXT,
                .ordered = 1,
                .site_chrome = 1,
                .site_cache = (size_t)S_SITE_CACHE_MIB * 1024 * 1024};
    cd_paths paths = {0};
    int only_inputs = 0;
    const char *dump_tree = NULL; /* --dump-tree FILE */
    unsigned char given[G_COUNT] = {0};
    /* The inputs are kept in argv itself, compacted to its front (argv[k] is
     * written only once argv[k + 1] has been read): nothing to free on the
     * many early returns of the checks below. */
    S_inputs in = {0};
    in.v = (const char **)argv;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_inputs || a[0] != '-' || strcmp(a, "-") == 0) {
            struct stat sb;
            in.v[in.n++] = a;
            if (strcmp(a, "-") == 0)
                in.nstdin++;
            else if (stat(a, &sb) == 0 && S_ISDIR(sb.st_mode) && !in.dirs++)
                in.dir = a;
            continue;
        }
        const char *val = NULL;
        const char *eq = strchr(a, '=');
        char name[64];
        size_t nl = eq ? (size_t)(eq - a) : strlen(a);
        if (nl >= sizeof name) nl = sizeof name - 1;
        memcpy(name, a, nl);
        name[nl] = '\0';
        /* -jN */
        if (a[0] == '-' && a[1] == 'j' && a[2]) {
            strcpy(name, "-j");
            val = a + 2;
        }
        int needs = strcmp(name, "--format") == 0 || strcmp(name, "--url") == 0 ||
                    strcmp(name, "--charset") == 0 || strcmp(name, "--jobs") == 0 ||
                    strcmp(name, "-j") == 0 || strcmp(name, "--reference-time") == 0 ||
                    strcmp(name, "--dump-tree") == 0 || strcmp(name, "--report") == 0 ||
                    strcmp(name, "--site-chrome") == 0 || strcmp(name, "--sites") == 0 ||
                    strcmp(name, "--learn-sites") == 0 || strcmp(name, "--site-cache") == 0 ||
                    strcmp(name, "--max-inflation") == 0;
        if (needs && !val) {
            if (eq)
                val = eq + 1;
            else if (i + 1 < argc)
                val = argv[++i];
            else {
                fprintf(stderr, "copydesk: %s needs a value\n", name);
                return 2;
            }
        } else if (!needs && eq && a[1] == '-') {
            fprintf(stderr, "copydesk: %s takes no value\n", name);
            return 2;
        }
        for (int k = 0; k < G_COUNT; k++)
            if (strcmp(name, S_gname[k]) == 0) given[k] = 1;
        if (strcmp(name, "--") == 0) {
            only_inputs = 1;
        } else if (strcmp(name, "--format") == 0) {
            int id = copydesk_format_from_name(val, strlen(val));
            if (id == COPYDESK_FORMAT_JSON)
                o.json = 1;
            else if (id >= 0)
                o.format = (copydesk_format)id;
            else {
                fprintf(stderr, "copydesk: unknown format '%s' (", val);
                for (int k = 0; copydesk_format_name((copydesk_format)k); k++)
                    fprintf(stderr, "%s%s", k ? ", " : "", copydesk_format_name((copydesk_format)k));
                fputs(")\n", stderr);
                return 2;
            }
        } else if (strcmp(name, "--json") == 0) {
            o.json = 1;
        } else if (strcmp(name, "--url") == 0) {
            o.url = val;
        } else if (strcmp(name, "--charset") == 0) {
            if (!copydesk_charset_name(val, strlen(val))) {
                fprintf(stderr, "copydesk: unknown charset '%s' (a WHATWG encoding label such as utf-8, "
                                "windows-1252, iso-8859-2, shift_jis, gbk)\n", val);
                return 2;
            }
            o.charset = val;
        } else if (strcmp(name, "-j") == 0 || strcmp(name, "--jobs") == 0) {
            char *end = NULL;
            errno = 0;
            long n = strtol(val, &end, 10);
            if (errno || !end || *end || n < 1 || n > S_MAX_JOBS) {
                fprintf(stderr, "copydesk: -j wants a number from 1 to %d\n", S_MAX_JOBS);
                return 2;
            }
            o.jobs = n;
            given[G_JOBS] = 1;
        } else if (strcmp(name, "--site-chrome") == 0) {
            if (strcmp(val, "auto") == 0)
                o.site_chrome = 1;
            else if (strcmp(val, "off") == 0)
                o.site_chrome = 0;
            else {
                fprintf(stderr, "copydesk: --site-chrome wants auto or off\n");
                return 2;
            }
        } else if (strcmp(name, "--sites") == 0) {
            if (o.nsites == S_MAX_SITES_FILES) {
                fprintf(stderr, "copydesk: --sites given more than %d times\n", S_MAX_SITES_FILES);
                return 2;
            }
            o.sites[o.nsites++] = val;
        } else if (strcmp(name, "--learn-sites") == 0) {
            o.learn = val;
        } else if (strcmp(name, "--site-cache") == 0) {
            char *end = NULL;
            errno = 0;
            long long n = strtoll(val, &end, 10);
            if (errno || !end || *end || n < 0 || n > 1024LL * 1024) {
                fprintf(stderr, "copydesk: --site-cache wants MiB, from 0 to 1048576\n");
                return 2;
            }
            o.site_cache = (size_t)n * 1024 * 1024;
        } else if (strcmp(name, "--max-inflation") == 0) {
            /* RATIO[:FLOOR]: RATIO 0 to 100000 (0: off), FLOOR MiB 0 to 256. */
            char *end = NULL;
            errno = 0;
            long long r = strtoll(val, &end, 10);
            long long fl = (long long)(COPYDESK_INFLATE_FLOOR >> 20);
            int bad = errno || !end || end == val || r < 0 || r > 100000;
            if (!bad && *end == ':') {
                const char *f = end + 1;
                errno = 0;
                fl = strtoll(f, &end, 10);
                bad = errno || end == f || fl < 0 || fl > 256;
            }
            if (bad || *end) {
                fprintf(stderr, "copydesk: --max-inflation wants RATIO[:FLOOR], RATIO from 0 (no limit) to 100000, "
                                "FLOOR in MiB from 0 to 256 (default %u:%zu)\n",
                        COPYDESK_INFLATE_RATIO, COPYDESK_INFLATE_FLOOR >> 20);
                return 2;
            }
            S_inflate_ratio = (unsigned)r;
            S_inflate_floor = (size_t)fl << 20;
        } else if (strcmp(name, "--ordered") == 0) {
            o.ordered = 1; /* the default */
        } else if (strcmp(name, "--unordered") == 0) {
            o.ordered = 0;
        } else if (strcmp(name, "--stats") == 0) {
            o.stats = 1;
        } else if (strcmp(name, "--keep-comments") == 0) {
            o.options |= COPYDESK_OPT_KEEP_COMMENTS;
        } else if (strcmp(name, "--no-tables") == 0) {
            o.options |= COPYDESK_OPT_NO_TABLES;
        } else if (strcmp(name, "--no-captions") == 0) {
            o.options |= COPYDESK_OPT_NO_CAPTIONS;
        } else if (strcmp(name, "--no-extract") == 0) {
            o.options |= COPYDESK_OPT_NO_EXTRACT;
        } else if (strcmp(name, "--keep-parts") == 0) {
            o.options |= COPYDESK_OPT_KEEP_PARTS;
        } else if (strcmp(name, "--body-only") == 0) {
            o.options |= COPYDESK_OPT_BODY_ONLY;
        } else if (strcmp(name, "--dump-tree") == 0) {
            dump_tree = val;
        } else if (strcmp(name, "--report") == 0) {
            o.report = val;
        } else if (strcmp(name, "--explain") == 0) {
            o.options |= COPYDESK_OPT_EXPLAIN;
        } else if (strcmp(name, "--reference-time") == 0) {
            o.ref_time = S_parse_time(val);
            if (o.ref_time <= 0) {
                fprintf(stderr, "copydesk: --reference-time wants 2014-11-06T17:00:00Z or @SECONDS\n");
                return 2;
            }
        } else if (strcmp(name, "-q") == 0 || strcmp(name, "--quiet") == 0) {
            o.quiet = 1;
            given[G_QUIET] = 1;
        } else if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0) {
            S_usage(stdout);
            return 0;
        } else if (strcmp(name, "-V") == 0 || strcmp(name, "--version") == 0) {
            printf("copydesk %s\n", copydesk_version_string());
            return 0;
        } else {
            fprintf(stderr, "copydesk: unknown option '%s' (copydesk --help lists them)\n", a);
            return 2;
        }
    }
    if (o.format == COPYDESK_FORMAT_REPORT && !o.json && !o.report) o.report = "-";
    if (o.format == COPYDESK_FORMAT_REPORT && o.json)
        return S_err("--format report and --json are two formats: choose one");
    if (S_check(&o, given, &in, dump_tree) != 0) return 2;
    if (dump_tree) {
        return S_dump_tree(dump_tree, o.charset);
    }
    if (in.n == 0) {
        if (!isatty(STDIN_FILENO)) {
            /* `copydesk --json < page.html`: say how to read standard input. */
            fprintf(stderr, "copydesk: no input named; to read standard input, name it '-': "
                            "copydesk [options] - < page.html\n");
        } else {
            fputs("usage: copydesk [options] FILE|DIR|- ...\n"
                  "copydesk --help lists the options.\n",
                  stderr);
        }
        return 2;
    }
    if (o.report) {
        int rc = S_report(&o, in.v[0]);
        return rc;
    }
    for (size_t i = 0; i < in.n; i++) {
        if (cd_paths_add(&paths, in.v[i]) != 0) {
            fprintf(stderr, "copydesk: %s: %s\n", in.v[i], strerror(errno ? errno : ENOMEM));
            return 2;
        }
    }
    if (o.json && o.format == COPYDESK_FORMAT_MARKDOWN) o.options |= COPYDESK_OPT_JSON_MARKDOWN;
    if (o.jobs == 0) o.jobs = S_default_jobs();
    /* One thread writes in order anyway; no ring needed. */
    if (o.jobs == 1) o.ordered = 0;

    /* The --sites models first: a damaged one stops the run before any work.
     * The --learn-sites file is made now (a temporary beside it, renamed at
     * the end of pass 1), so that a path that cannot be written fails early. */
    copydesk_sites *loaded = NULL;
    if (o.nsites) {
        loaded = copydesk_sites_new();
        if (!loaded) {
            fprintf(stderr, "copydesk: out of memory\n");
            return 2;
        }
        for (int i = 0; i < o.nsites; i++) {
            if (S_load_sites(loaded, o.sites[i]) != 0) {
                copydesk_sites_free(loaded);
                cd_paths_free(&paths);
                return 2;
            }
        }
    }
    int learn_fd = -1;
    char *learn_tmp = NULL;
    if (o.learn) {
        size_t n = strlen(o.learn) + 16;
        learn_tmp = malloc(n);
        if (learn_tmp) {
            snprintf(learn_tmp, n, "%s.tmp-XXXXXX", o.learn);
            learn_fd = mkstemp(learn_tmp);
        }
        if (learn_fd < 0) {
            fprintf(stderr, "copydesk: --learn-sites %s: %s\n", o.learn,
                    strerror(learn_tmp ? errno : ENOMEM));
            free(learn_tmp);
            copydesk_sites_free(loaded);
            cd_paths_free(&paths);
            return 2;
        }
        mode_t mask = umask(0);
        umask(mask);
        fchmod(learn_fd, 0666 & ~mask);
    }
    /* Pass 1 (learning) on a batch: more than one input, or an archive. A
     * single page or stdin alone learns nothing (--learn-sites still reads
     * what it can). */
    int batch = paths.count > 1 || (paths.count == 1 && S_is_archive(paths.items[0]));
    int learn = o.learn || (o.site_chrome && batch);

    S_sched s;
    memset(&s, 0, sizeof s);
    s.o = &o;
    pthread_mutex_init(&s.qmu, NULL);
    pthread_mutex_init(&s.omu, NULL);
    pthread_cond_init(&s.qnonempty, NULL);
    pthread_cond_init(&s.qnonfull, NULL);
    pthread_cond_init(&s.room, NULL);
    s.qcap = (size_t)o.jobs * 2 + 2;
    s.window = (size_t)o.jobs * 4 + 8;
    if (o.ordered) {
        s.ring = calloc(s.window, sizeof *s.ring);
        if (!s.ring) {
            fprintf(stderr, "copydesk: out of memory\n");
            return 2;
        }
    }
    s.progress = !o.quiet && isatty(STDERR_FILENO);
    s.t0 = S_now();
    for (size_t i = 0; i < paths.count; i++) {
        struct stat sb;
        if (strcmp(paths.items[i], "-") != 0 && stat(paths.items[i], &sb) == 0 &&
            S_ISREG(sb.st_mode))
            s.bytes_total += (uint64_t)sb.st_size;
    }

    S_kept *kept = NULL;
    copydesk_sites *learned = NULL;
    if (learn) {
        int64_t t = S_now();
        S_cache = o.site_cache ? cd_cache_new(o.site_cache) : NULL;
        learned = S_learn_sites(&s, &o, &paths, o.site_chrome ? loaded : NULL, &kept);
        s.learn_secs = (double)(S_now() - t) / 1e9;
        if (learned) {
            s.learned_ok = 1;
            s.learned_hosts = copydesk_sites_hosts(learned);
            s.learned_pages = copydesk_sites_pages(learned);
        }
    }
    if (o.learn) {
        int bad = !learned || S_save_sites(learned, learn_fd, learn_tmp, o.learn) != 0;
        if (!learned) {
            close(learn_fd);
            unlink(learn_tmp);
        }
        free(learn_tmp);
        if (bad) {
            copydesk_sites_free(learned);
            copydesk_sites_free(loaded);
            cd_paths_free(&paths);
            return 2;
        }
    }
    copydesk_sites *model = NULL;
    if (o.site_chrome) {
        model = loaded ? loaded : learned;
        if (loaded && learned && copydesk_sites_merge(loaded, learned) != COPYDESK_OK) {
            fprintf(stderr, "copydesk: out of memory merging the site models\n");
            return 2;
        }
    }
    s.model = model;
    s.sites_shown = learn || o.nsites;
    s.model_hosts = copydesk_sites_hosts(model);
    s.model_pages = copydesk_sites_pages(model);

    S_run_ctx c;
    memset(&c, 0, sizeof c);
    c.s = &s;
    cd_cli_buf_init(&c.out);
    cd_cli_buf_init(&c.tmp);
    if (o.jobs == 1) {
        c.doc = S_doc_new(o.options);
        if (!c.doc) {
            fprintf(stderr, "copydesk: out of memory\n");
            return 2;
        }
    } else {
        c.workers = calloc((size_t)o.jobs, sizeof *c.workers);
        if (!c.workers) {
            fprintf(stderr, "copydesk: out of memory\n");
            return 2;
        }
        for (long i = 0; i < o.jobs; i++) {
            c.workers[i].s = &s;
            if (pthread_create(&c.workers[i].tid, NULL, S_worker_main, &c.workers[i]) != 0) break;
            c.nworkers++;
        }
        if (c.nworkers == 0) {
            /* No threads to be had: run on the main thread. */
            free(c.workers);
            c.workers = NULL;
            o.ordered = 0;
            c.doc = S_doc_new(o.options);
            if (!c.doc) {
                fprintf(stderr, "copydesk: out of memory\n");
                return 2;
            }
        }
    }

    s.files_skipped = paths.skipped;
    for (size_t i = 0; i < paths.count; i++) {
        if (kept && kept[i].ready)
            S_replay(&c, &kept[i]);
        else
            S_input(&c, paths.items[i], paths.errors[i], paths.count > 1);
    }
    free(kept);

    if (c.nworkers) {
        pthread_mutex_lock(&s.qmu);
        s.closing = 1;
        pthread_cond_broadcast(&s.qnonempty);
        pthread_mutex_unlock(&s.qmu);
        for (long i = 0; i < c.nworkers; i++)
            pthread_join(c.workers[i].tid, NULL);
    }
    free(c.workers);
    copydesk_doc_free(c.doc);
    cd_cli_buf_free(&c.out);
    cd_cli_buf_free(&c.tmp);
    free(s.ring);

    int out_err = fflush(stdout) != 0 || ferror(stdout);
    pthread_mutex_lock(&s.omu);
    S_progress_clear(&s);
    if (o.stats || (!o.quiet && isatty(STDERR_FILENO))) S_summary(&s);
    pthread_mutex_unlock(&s.omu);
    copydesk_sites_free(loaded);
    copydesk_sites_free(learned);
    cd_cache_free(S_cache);
    cd_paths_free(&paths);
    if (out_err) return 2;
    return s.failed ? 1 : 0;
}
