/* fuzz/fuzz_warc: the archive reader (src/input/warc.c) and what the CLI does
 * with its records.
 *
 * Byte 0 picks how many bytes each read callback returns (1 to 4096: record
 * and member boundaries land everywhere in the reader's buffers) and whether
 * the reader's allocations start failing after a budget (byte 1), so the
 * out-of-memory paths are explored too. The rest is the file (WARC, ARC, gzip
 * or not). Every HTML record goes through copydesk_doc_parse and a JSON
 * render. Invariants: records come in a finite number (the reader always
 * advances), an error record has a reason, an HTML record a non-empty payload
 * within the limit, every string is NUL-terminated, no record is refused by
 * an inflation limit that is off; everything is freed on
 * every path (LeakSanitizer checks). The same bytes then go through the
 * public reader (copydesk_warc_*), whose accessors must agree with the kind. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "copydesk.h"
#include "input/warc.h"

/* Small, so the fuzzer explores parsing, not memory. */
#define S_MAX_PAYLOAD ((size_t)1 << 20)

typedef struct {
    const uint8_t *data;
    size_t len, pos, step;
} S_src;

static size_t S_read(void *ctx, void *buf, size_t len, int *err)
{
    S_src *s = ctx;
    (void)err;
    size_t n = s->len - s->pos;
    if (n > len) n = len;
    if (n > s->step) n = s->step;
    memcpy(buf, s->data + s->pos, n);
    s->pos += n;
    return n;
}

static long S_budget = -1;
static int S_spend(void)
{
    if (S_budget < 0) return 1;
    if (S_budget == 0) return 0;
    S_budget--;
    return 1;
}
static void *S_calloc(size_t n, size_t size)
{
    return S_spend() ? calloc(n, size) : NULL;
}
static void *S_realloc(void *p, size_t size)
{
    return S_spend() ? realloc(p, size) : NULL;
}
static const copydesk_mem S_failing = {S_calloc, S_realloc, free};

static void S_str(const cd_buf *b)
{
    if (b->data && (b->data[b->len] != '\0')) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2) return 0;
    S_src src = {data + 2, size - 2, 0, 1 + (size_t)(data[0] & 0x7F) * 32};
    const cd_mem *mem = cd_mem_default();
    S_budget = -1;
    if (data[0] & 0x80) {
        S_budget = data[1];
        mem = &S_failing;
    }
    size_t sniff = src.len < 4096 ? src.len : 4096;
    (void)cd_warc_sniff(src.data, sniff);

    cd_warc *r = cd_warc_new(S_read, &src, NULL, 0, S_MAX_PAYLOAD, mem);
    if (!r) return 0;
    /* The inflation limit (docs/limits.md, "Session 15"), small enough to be
     * reached: without the failing allocator, byte 1 picks a ratio (0: off)
     * and a floor of 0 to 7 KiB. */
    if (!(data[0] & 0x80)) cd_warc_set_inflate(r, (unsigned)(data[1] & 0x1F), (size_t)(data[1] >> 5) << 10);
    copydesk_doc *doc = copydesk_doc_new(0);
    cd_warc_record rec;
    cd_warc_record_init(&rec, mem);
    /* Every record consumes input or ends the stream: bound the count. */
    size_t max_records = size + 16, n = 0;
    while (cd_warc_next(r, &rec)) {
        if (++n > max_records) abort();
        S_str(&rec.type);
        S_str(&rec.record_id);
        S_str(&rec.date);
        S_str(&rec.url);
        S_str(&rec.charset);
        if (rec.kind == CD_WARC_ERROR && !rec.error) abort();
        if (rec.kind == CD_WARC_ERROR && rec.inflate_what && !(data[1] & 0x1F)) abort(); /* off */
        if (rec.kind != CD_WARC_HTML) {
            if (rec.payload.len) abort();
            continue;
        }
        if (rec.payload.len == 0 || rec.payload.len > S_MAX_PAYLOAD) abort();
        if (!doc) continue;
        copydesk_doc_reset(doc);
        if (rec.url.len) copydesk_doc_set_url(doc, rec.url.data, rec.url.len);
        if (rec.charset.len) copydesk_doc_set_charset(doc, rec.charset.data, rec.charset.len);
        if (copydesk_doc_parse(doc, rec.payload.data, rec.payload.len) == COPYDESK_OK) {
            size_t len = 0;
            copydesk_status st;
            const char *out = copydesk_doc_render(doc, COPYDESK_FORMAT_JSON, &len, &st);
            if (out && out[len] != '\0') abort();
        }
    }
    cd_warc_record_free(&rec);
    cd_warc_free(r);
    copydesk_doc_free(doc);

    /* The public reader (copydesk_warc_*, what the Python binding uses) over the
     * same bytes (its payload limit is the library's, not S_MAX_PAYLOAD), with
     * the CLI's names and messages for the records. */
    (void)copydesk_warc_sniff((const char *)src.data, sniff);
    src.pos = 0;
    S_budget = data[0] & 0x80 ? data[1] : -1;
    copydesk_warc *w = copydesk_warc_new_with_mem(S_read, &src, mem);
    if (!w) return 0;
    size_t m = 0;
    while (copydesk_warc_next(w)) {
        if (++m > max_records) abort();
        copydesk_warc_kind kind = copydesk_warc_record_kind(w);
        size_t len = 0;
        const char *p = copydesk_warc_payload(w, &len);
        if ((kind == COPYDESK_WARC_HTML) != (p != NULL && len > 0)) abort();
        if ((kind == COPYDESK_WARC_ERROR) != (copydesk_warc_error(w) != NULL)) abort();
        if ((kind == COPYDESK_WARC_SKIPPED) != (copydesk_warc_skip_reason(w) != NULL)) abort();
        const char *name = copydesk_warc_source(w, "f", 1, &len);
        if (name && (name[len] != '\0' || (name[1] != '#' && name[1] != '@'))) abort();
        const char *msg = copydesk_warc_error_message(w, &len);
        if (msg && (kind != COPYDESK_WARC_ERROR || msg[len] != '\0')) abort();
    }
    copydesk_warc_free(w);
    return 0;
}
