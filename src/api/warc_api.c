/* api/warc_api: the public web archive reader (copydesk_warc_*, see copydesk.h).
 *
 * Stage: api, over input. A thin wrapper: the reader itself is
 * src/input/warc.c (ISO 28500 WARC, Internet Archive ARC, RFC 9112 chunked
 * coding, RFC 1952 gzip members, WHATWG MIME sniffing), the one the CLI uses,
 * so every binding gets the same records and the same recovery from damage.
 * This file adds what a public handle needs: a copy of the allocator, one
 * current record, a read-error flag, and buffers for the names and messages
 * built by the rules in warc.c (cd_warc_record_source / _message). */
#include <string.h>

#include "../input/warc.h"
#include "../util/limits.h"
#include "copydesk.h"

struct copydesk_warc {
    copydesk_mem mem; /* a copy: the reader and its buffers point here */
    copydesk_read_fn read;
    void *ctx;
    int read_failed;
    int have; /* a current record */
    cd_warc *r;
    cd_warc_record rec;
    cd_buf source, message;
};

/* Sits between the reader and the caller's callback to remember read errors. */
static size_t S_read(void *ctx, void *buf, size_t len, int *err)
{
    copydesk_warc *w = ctx;
    int e = 0;
    size_t n = w->read(w->ctx, buf, len, &e);
    if (e) {
        w->read_failed = 1;
        *err = 1;
    }
    return n;
}

copydesk_warc_format copydesk_warc_sniff(const char *bytes, size_t len)
{
    if (!bytes || len == 0) return COPYDESK_WARC_FORMAT_NONE;
    switch (cd_warc_sniff((const unsigned char *)bytes, len)) {
    case CD_WARC_FMT_WARC:
        return COPYDESK_WARC_FORMAT_WARC;
    case CD_WARC_FMT_ARC:
        return COPYDESK_WARC_FORMAT_ARC;
    default:
        return COPYDESK_WARC_FORMAT_NONE;
    }
}

copydesk_warc *copydesk_warc_new(copydesk_read_fn read, void *ctx)
{
    return copydesk_warc_new_with_mem(read, ctx, NULL);
}

copydesk_warc *copydesk_warc_new_with_mem(copydesk_read_fn read, void *ctx, const copydesk_mem *mem)
{
    if (!mem) mem = cd_mem_default();
    if (!read || !mem->calloc || !mem->realloc || !mem->free) return NULL;
    copydesk_warc *w = mem->calloc(1, sizeof *w);
    if (!w) return NULL;
    w->mem = *mem;
    w->read = read;
    w->ctx = ctx;
    cd_warc_record_init(&w->rec, &w->mem);
    cd_buf_init(&w->source, &w->mem);
    cd_buf_init(&w->message, &w->mem);
    /* The CLI's limit: a bigger payload is an error record, not an allocation. */
    w->r = cd_warc_new(S_read, w, NULL, 0, CD_MAX_INPUT, &w->mem);
    if (!w->r) {
        copydesk_warc_free(w);
        return NULL;
    }
    return w;
}

copydesk_status copydesk_warc_set_inflate_limit(copydesk_warc *w, unsigned ratio, size_t floor)
{
    if (!w) return COPYDESK_ERR_ARG;
    cd_warc_set_inflate(w->r, ratio, floor);
    return COPYDESK_OK;
}

void copydesk_warc_free(copydesk_warc *w)
{
    if (!w) return;
    cd_warc_free(w->r);
    cd_warc_record_free(&w->rec);
    cd_buf_free(&w->source);
    cd_buf_free(&w->message);
    w->mem.free(w);
}

int copydesk_warc_next(copydesk_warc *w)
{
    if (!w) return 0;
    cd_buf_clear(&w->source);
    cd_buf_clear(&w->message);
    w->have = cd_warc_next(w->r, &w->rec);
    if (!w->have) cd_warc_record_free(&w->rec); /* the last payload need not wait for free */
    return w->have;
}

copydesk_status copydesk_warc_status(const copydesk_warc *w)
{
    if (!w) return COPYDESK_ERR_ARG;
    return w->read_failed ? COPYDESK_ERR_IO : COPYDESK_OK;
}

unsigned long long copydesk_warc_bytes_read(const copydesk_warc *w)
{
    return w ? (unsigned long long)cd_warc_raw_offset(w->r) : 0;
}

/* The current record, or NULL. */
static const cd_warc_record *S_rec(const copydesk_warc *w)
{
    return w && w->have ? &w->rec : NULL;
}

/* A field of the current record: NULL (and *len 0) when absent. */
static const char *S_str(const cd_buf *b, size_t *len)
{
    if (len) *len = 0;
    if (!b || !b->data || b->len == 0) return NULL;
    if (len) *len = b->len;
    return b->data;
}

copydesk_warc_kind copydesk_warc_record_kind(const copydesk_warc *w)
{
    const cd_warc_record *rec = S_rec(w);
    if (!rec) return COPYDESK_WARC_NONE;
    switch (rec->kind) {
    case CD_WARC_HTML:
        return COPYDESK_WARC_HTML;
    case CD_WARC_ERROR:
        return COPYDESK_WARC_ERROR;
    default:
        return COPYDESK_WARC_SKIPPED;
    }
}

const char *copydesk_warc_error(const copydesk_warc *w)
{
    const cd_warc_record *rec = S_rec(w);
    if (!rec || rec->kind != CD_WARC_ERROR) return NULL;
    return rec->error ? rec->error : "broken record";
}

const char *copydesk_warc_skip_reason(const copydesk_warc *w)
{
    const cd_warc_record *rec = S_rec(w);
    if (!rec || rec->kind != CD_WARC_SKIPPED) return NULL;
    return rec->skip_why ? rec->skip_why : "skipped";
}

unsigned long long copydesk_warc_offset(const copydesk_warc *w)
{
    const cd_warc_record *rec = S_rec(w);
    return rec ? (unsigned long long)rec->offset : 0;
}

int copydesk_warc_in_stream(const copydesk_warc *w)
{
    const cd_warc_record *rec = S_rec(w);
    return rec && rec->in_stream ? 1 : 0;
}

int copydesk_warc_is_arc(const copydesk_warc *w)
{
    const cd_warc_record *rec = S_rec(w);
    return rec && rec->arc ? 1 : 0;
}

const char *copydesk_warc_type(const copydesk_warc *w, size_t *len)
{
    const cd_warc_record *rec = S_rec(w);
    return S_str(rec ? &rec->type : NULL, len);
}

const char *copydesk_warc_record_id(const copydesk_warc *w, size_t *len)
{
    const cd_warc_record *rec = S_rec(w);
    return S_str(rec ? &rec->record_id : NULL, len);
}

const char *copydesk_warc_date(const copydesk_warc *w, size_t *len)
{
    const cd_warc_record *rec = S_rec(w);
    return S_str(rec ? &rec->date : NULL, len);
}

const char *copydesk_warc_url(const copydesk_warc *w, size_t *len)
{
    const cd_warc_record *rec = S_rec(w);
    return S_str(rec ? &rec->url : NULL, len);
}

const char *copydesk_warc_charset(const copydesk_warc *w, size_t *len)
{
    const cd_warc_record *rec = S_rec(w);
    return S_str(rec && rec->kind == CD_WARC_HTML ? &rec->charset : NULL, len);
}

const char *copydesk_warc_payload(const copydesk_warc *w, size_t *len)
{
    const cd_warc_record *rec = S_rec(w);
    return S_str(rec && rec->kind == CD_WARC_HTML ? &rec->payload : NULL, len);
}

char *copydesk_warc_take_payload(copydesk_warc *w, size_t *len)
{
    if (len) *len = 0;
    if (!S_rec(w) || w->rec.kind != CD_WARC_HTML || !w->rec.payload.data || w->rec.payload.len == 0)
        return NULL;
    return cd_buf_detach(&w->rec.payload, len);
}

/* A built string, or NULL (and *len 0) when building ran out of memory. */
static const char *S_built(cd_buf *b, size_t *len)
{
    if (len) *len = 0;
    if (b->failed || !b->data) return NULL;
    if (len) *len = b->len;
    return b->data;
}

const char *copydesk_warc_source(copydesk_warc *w, const char *path, size_t path_len, size_t *len)
{
    const cd_warc_record *rec = S_rec(w);
    if (len) *len = 0;
    if (!rec) return NULL;
    cd_buf_clear(&w->source);
    if (path) cd_buf_put(&w->source, path, path_len);
    cd_warc_record_source(rec, &w->source);
    return S_built(&w->source, len);
}

const char *copydesk_warc_error_message(copydesk_warc *w, size_t *len)
{
    const cd_warc_record *rec = S_rec(w);
    if (len) *len = 0;
    if (!rec || rec->kind != CD_WARC_ERROR) return NULL;
    cd_buf_clear(&w->message);
    cd_warc_record_message(rec, &w->message);
    return S_built(&w->message, len);
}
