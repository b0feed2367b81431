/* tests/api/test_warc_api: the public web archive reader (copydesk_warc_*).
 *
 * Runs from the repo root over ../shared/data/warc-samples (a missing sample
 * fails, it never skips). The expected counts are what `copydesk --json -j 1
 * --stats FILE` reports for each sample: records written without an error
 * (HTML), "N skipped", and error records ending in "at byte N". */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copydesk.h"
#include "harness.h"

#define S_DIR "../shared/data/warc-samples/"

static const struct {
    const char *name;
    int html, skipped, errors;
} S_samples[] = {
    {"bad.arc", 0, 1, 3},
    {"example-bad-non-chunked.warc.gz", 1, 5, 0},
    {"example-bad.warc.gz.bad", 2, 4, 0},
    {"example-digest.warc", 0, 4, 0},
    {"example-iana.org-chunked.warc", 1, 2, 0},
    {"example-resource.warc.gz", 1, 2, 0},
    {"example-space-in-target-uri.warc.gz", 0, 2, 0},
    {"example-space-in-url.arc", 0, 1, 1},
    {"example-trunc.warc", 0, 3, 1},
    {"example-wget-bad-target-uri.warc.gz", 1, 5, 0},
    {"example-wrong-chunks.warc.gz", 1, 1, 0},
    {"example.arc", 1, 1, 0},
    {"example.arc.gz", 1, 1, 0},
    {"example.warc", 1, 5, 0},
    {"example.warc.gz", 1, 5, 0},
    {"post-test.warc.gz", 0, 6, 0},
};

static size_t S_read_file(void *ctx, void *buf, size_t len, int *err)
{
    FILE *f = ctx;
    size_t n = fread(buf, 1, len, f);
    if (n < len && ferror(f)) *err = 1;
    return n;
}

static FILE *S_open(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s%s", S_DIR, name);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "test_warc_api: missing sample %s (shared data is expected at ../shared)\n",
                path);
        exit(2);
    }
    return f;
}

/* An allocator that counts live blocks (calloc/realloc/free through libc). */
static long S_live;
static void *S_calloc(size_t n, size_t size)
{
    void *p = calloc(n, size);
    if (p) S_live++;
    return p;
}
static void *S_realloc(void *p, size_t size)
{
    void *q = realloc(p, size);
    if (q && !p) S_live++;
    return q;
}
static void S_free(void *p)
{
    if (p) S_live--;
    free(p);
}

static int S_starts_html(const char *p, size_t n)
{
    size_t i = 0;
    if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) i = 3;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
        i++;
    return i < n && p[i] == '<';
}

static void test_counts(void)
{
    copydesk_mem mem = {S_calloc, S_realloc, S_free};
    for (size_t i = 0; i < sizeof S_samples / sizeof S_samples[0]; i++) {
        FILE *f = S_open(S_samples[i].name);
        copydesk_warc *w = copydesk_warc_new_with_mem(S_read_file, f, &mem);
        OK(w != NULL, "");
        int html = 0, skipped = 0, errors = 0, other = 0;
        while (copydesk_warc_next(w)) {
            size_t n = 0;
            const char *p = copydesk_warc_payload(w, &n);
            switch (copydesk_warc_record_kind(w)) {
            case COPYDESK_WARC_HTML:
                html++;
                OK(p != NULL && n > 0, "");
                OK(p && S_starts_html(p, n), "");
                OK(copydesk_warc_error(w) == NULL, "");
                OK(copydesk_warc_skip_reason(w) == NULL, "");
                break;
            case COPYDESK_WARC_SKIPPED:
                skipped++;
                OK(p == NULL && n == 0, "");
                OK(copydesk_warc_skip_reason(w) != NULL, "");
                break;
            case COPYDESK_WARC_ERROR:
                errors++;
                OK(p == NULL, "");
                OK(copydesk_warc_error(w) != NULL, "");
                OK(copydesk_warc_error_message(w, NULL) != NULL, "");
                break;
            default:
                other++;
            }
        }
        if (html != S_samples[i].html || skipped != S_samples[i].skipped ||
            errors != S_samples[i].errors)
            fprintf(stderr, "%s: html %d skipped %d errors %d\n", S_samples[i].name, html, skipped,
                    errors);
        INT_EQ(html, S_samples[i].html, "");
        INT_EQ(skipped, S_samples[i].skipped, "");
        INT_EQ(errors, S_samples[i].errors, "");
        INT_EQ(other, 0, "");
        INT_EQ(copydesk_warc_status(w), COPYDESK_OK, "");
        /* After the end: no record, and next stays at the end. */
        INT_EQ(copydesk_warc_record_kind(w), COPYDESK_WARC_NONE, "");
        INT_EQ(copydesk_warc_next(w), 0, "");
        OK(copydesk_warc_bytes_read(w) > 0, "");
        copydesk_warc_free(w);
        fclose(f);
    }
    INT_EQ(S_live, 0, "");
}

/* The fields of the one HTML record of example.warc, and the names the CLI gives. */
static void test_fields(void)
{
    FILE *f = S_open("example.warc");
    copydesk_warc *w = copydesk_warc_new(S_read_file, f);
    OK(w != NULL, "");
    INT_EQ(copydesk_warc_record_kind(w), COPYDESK_WARC_NONE, "");
    OK(copydesk_warc_url(w, NULL) == NULL, "");
    while (copydesk_warc_next(w) && copydesk_warc_record_kind(w) != COPYDESK_WARC_HTML) {
    }
    INT_EQ(copydesk_warc_record_kind(w), COPYDESK_WARC_HTML, "");
    size_t n = 0;
    const char *id = copydesk_warc_record_id(w, &n);
    OK(id && id[0] == '<' && n == strlen(id) && id[n - 1] == '>', "");
    STR_EQ(copydesk_warc_type(w, NULL), "response", "");
    OK(copydesk_warc_date(w, NULL) != NULL, "");
    const char *url = copydesk_warc_url(w, NULL);
    OK(url && strncmp(url, "http", 4) == 0, "");
    INT_EQ(copydesk_warc_is_arc(w), 0, "");
    INT_EQ(copydesk_warc_in_stream(w), 0, "");
    OK(copydesk_warc_error_message(w, NULL) == NULL, "");

    char want[256];
    snprintf(want, sizeof want, "x.warc#%s", id ? id : "");
    const char *src = copydesk_warc_source(w, "x.warc", 6, &n);
    STR_EQ(src, want, "");
    INT_EQ(n, strlen(want), "");
    snprintf(want, sizeof want, "#%s", id ? id : "");
    STR_EQ(copydesk_warc_source(w, NULL, 0, NULL), want, "");

    /* The payload goes to a document like any page. */
    size_t plen = 0;
    const char *p = copydesk_warc_payload(w, &plen);
    copydesk_doc *doc = copydesk_doc_new(COPYDESK_OPT_DEFAULT);
    INT_EQ(copydesk_doc_parse(doc, p, plen), COPYDESK_OK, "");
    copydesk_doc_free(doc);
    copydesk_warc_free(w);
    fclose(f);
}

/* Error records: the CLI's messages and names. */
static void test_errors(void)
{
    FILE *f = S_open("example-trunc.warc");
    copydesk_warc *w = copydesk_warc_new(S_read_file, f);
    while (copydesk_warc_next(w) && copydesk_warc_record_kind(w) != COPYDESK_WARC_ERROR) {
    }
    INT_EQ(copydesk_warc_record_kind(w), COPYDESK_WARC_ERROR, "");
    STR_EQ(copydesk_warc_error(w), "record length does not match Content-Length", "");
    STR_EQ(copydesk_warc_error_message(w, NULL),
           "record length does not match Content-Length at byte 1197", "");
    INT_EQ(copydesk_warc_offset(w), 1197, "");
    copydesk_warc_free(w);
    fclose(f);

    f = S_open("bad.arc");
    w = copydesk_warc_new(S_read_file, f);
    while (copydesk_warc_next(w) && copydesk_warc_record_kind(w) != COPYDESK_WARC_ERROR) {
    }
    INT_EQ(copydesk_warc_is_arc(w), 1, "");
    OK(copydesk_warc_record_id(w, NULL) == NULL, "");
    STR_EQ(copydesk_warc_source(w, "bad.arc", 7, NULL), "bad.arc@0", "");
    STR_EQ(copydesk_warc_error_message(w, NULL), "bad ARC record length at byte 0", "");
    copydesk_warc_free(w);
    fclose(f);
}

/* In-memory inputs: a page is not an archive; an empty input has no records. */
typedef struct {
    const char *p;
    size_t n, pos;
    int fail_after; /* report a read error once this many bytes are out (0: never) */
} S_mem_in;

static size_t S_read_mem(void *ctx, void *buf, size_t len, int *err)
{
    S_mem_in *in = ctx;
    size_t k = in->n - in->pos;
    if (k > len) k = len;
    if (in->fail_after && in->pos + k >= (size_t)in->fail_after) {
        k = (size_t)in->fail_after - in->pos;
        *err = 1;
    }
    memcpy(buf, in->p + in->pos, k);
    in->pos += k;
    return k;
}

static void test_memory_inputs(void)
{
    static const char page[] = "<html><p>not an archive</p></html>";
    S_mem_in in = {page, sizeof page - 1, 0, 0};
    copydesk_warc *w = copydesk_warc_new(S_read_mem, &in);
    INT_EQ(copydesk_warc_next(w), 1, "");
    INT_EQ(copydesk_warc_record_kind(w), COPYDESK_WARC_ERROR, "");
    STR_EQ(copydesk_warc_source(w, "-", 1, NULL), "-@0", "");
    STR_EQ(copydesk_warc_error_message(w, NULL), "not a WARC or ARC file at byte 0", "");
    INT_EQ(copydesk_warc_next(w), 0, "");
    copydesk_warc_free(w);

    S_mem_in empty = {"", 0, 0, 0};
    w = copydesk_warc_new(S_read_mem, &empty);
    INT_EQ(copydesk_warc_next(w), 0, "");
    INT_EQ(copydesk_warc_status(w), COPYDESK_OK, "");
    copydesk_warc_free(w);

    /* A read error ends the input: what came before is still read, and the
     * record cut short is an error record. */
    static const char rec[] =
        "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:x:1>\r\n"
        "Content-Type: text/html\r\nContent-Length: 20\r\n\r\n<html>hello</html>\r\n"
        "\r\n\r\n";
    S_mem_in cut = {rec, sizeof rec - 1, 0, 70};
    w = copydesk_warc_new(S_read_mem, &cut);
    int n = 0;
    while (copydesk_warc_next(w))
        n++;
    INT_EQ(n, 1, "");
    INT_EQ(copydesk_warc_status(w), COPYDESK_ERR_IO, "");
    copydesk_warc_free(w);

    S_mem_in whole = {rec, sizeof rec - 1, 0, 0};
    w = copydesk_warc_new(S_read_mem, &whole);
    INT_EQ(copydesk_warc_next(w), 1, "");
    INT_EQ(copydesk_warc_record_kind(w), COPYDESK_WARC_HTML, "");
    size_t plen = 0;
    STR_EQ(copydesk_warc_payload(w, &plen), "<html>hello</html>\r\n", "");
    INT_EQ(plen, 20, "");
    STR_EQ(copydesk_warc_source(w, "m", 1, NULL), "m#<urn:x:1>", "");
    OK(copydesk_warc_charset(w, NULL) == NULL, "");
    INT_EQ(copydesk_warc_next(w), 0, "");
    copydesk_warc_free(w);
}

static void test_sniff(void)
{
    static const char warc[] = "WARC/1.1\r\n";
    static const char arc[] = "filedesc://x.arc 0.0.0.0 20240101000000 text/plain 10\n";
    INT_EQ(copydesk_warc_sniff(warc, sizeof warc - 1), COPYDESK_WARC_FORMAT_WARC, "");
    INT_EQ(copydesk_warc_sniff(arc, sizeof arc - 1), COPYDESK_WARC_FORMAT_ARC, "");
    INT_EQ(copydesk_warc_sniff("<html>", 6), COPYDESK_WARC_FORMAT_NONE, "");
    INT_EQ(copydesk_warc_sniff(NULL, 10), COPYDESK_WARC_FORMAT_NONE, "");
    INT_EQ(copydesk_warc_sniff(warc, 0), COPYDESK_WARC_FORMAT_NONE, "");

    FILE *f = S_open("example.warc.gz");
    char head[4096];
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    INT_EQ(copydesk_warc_sniff(head, n), COPYDESK_WARC_FORMAT_WARC, "");
    f = S_open("example.arc.gz");
    n = fread(head, 1, sizeof head, f);
    fclose(f);
    INT_EQ(copydesk_warc_sniff(head, n), COPYDESK_WARC_FORMAT_ARC, "");
}

static void test_null(void)
{
    size_t n = 99;
    OK(copydesk_warc_new(NULL, NULL) == NULL, "");
    copydesk_mem bad = {S_calloc, NULL, S_free};
    OK(copydesk_warc_new_with_mem(S_read_file, NULL, &bad) == NULL, "");
    copydesk_warc_free(NULL);
    INT_EQ(copydesk_warc_next(NULL), 0, "");
    INT_EQ(copydesk_warc_status(NULL), COPYDESK_ERR_ARG, "");
    INT_EQ(copydesk_warc_bytes_read(NULL), 0, "");
    INT_EQ(copydesk_warc_record_kind(NULL), COPYDESK_WARC_NONE, "");
    OK(copydesk_warc_error(NULL) == NULL, "");
    OK(copydesk_warc_skip_reason(NULL) == NULL, "");
    INT_EQ(copydesk_warc_offset(NULL), 0, "");
    INT_EQ(copydesk_warc_in_stream(NULL), 0, "");
    INT_EQ(copydesk_warc_is_arc(NULL), 0, "");
    OK(copydesk_warc_type(NULL, &n) == NULL, "");
    INT_EQ(n, 0, "");
    n = 99;
    OK(copydesk_warc_record_id(NULL, &n) == NULL, "");
    INT_EQ(n, 0, "");
    OK(copydesk_warc_date(NULL, NULL) == NULL, "");
    OK(copydesk_warc_url(NULL, NULL) == NULL, "");
    OK(copydesk_warc_charset(NULL, NULL) == NULL, "");
    n = 99;
    OK(copydesk_warc_payload(NULL, &n) == NULL, "");
    INT_EQ(n, 0, "");
    OK(copydesk_warc_source(NULL, "p", 1, NULL) == NULL, "");
    OK(copydesk_warc_error_message(NULL, NULL) == NULL, "");
}

int main(void)
{
    test_counts();
    test_fields();
    test_errors();
    test_memory_inputs();
    test_sniff();
    test_null();
    return cd_t_done();
}
