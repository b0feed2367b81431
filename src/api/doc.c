/* api: the public entry points — one call and the full document path.
 *
 * Pipeline per page: gunzip (by magic) → decode to UTF-8 → parse into the
 * arena tree → metadata → extraction (which uses the metadata title to find
 * the headline) → rendering on demand. */
#include <string.h>

#include "../news/news.h"
#include "../output/output.h"
#include "../util/isotime.h"
#include "../util/limits.h"
#include "doc.h"

_Static_assert(CD_INFLATE_RATIO == COPYDESK_INFLATE_RATIO && CD_INFLATE_FLOOR == COPYDESK_INFLATE_FLOOR,
               "the inflation limit's defaults: one value");

_Static_assert(COPYDESK_MAX_INPUT == CD_MAX_INPUT, "copydesk.h states the input limit of util/limits.h");

int copydesk_version(void)
{
    return COPYDESK_VERSION;
}

const char *copydesk_version_string(void)
{
    return COPYDESK_VERSION_STRING;
}

const char *copydesk_status_str(copydesk_status status)
{
    switch (status) {
    case COPYDESK_OK:
        return "ok";
    case COPYDESK_ERR_NOMEM:
        return "out of memory";
    case COPYDESK_ERR_ARG:
        return "invalid argument";
    case COPYDESK_ERR_EMPTY:
        return "empty input";
    case COPYDESK_ERR_TOO_LARGE:
        return "input too large";
    case COPYDESK_ERR_GZIP:
        return "damaged gzip data (truncated or corrupt)";
    case COPYDESK_ERR_PARSE:
        return "HTML parser failed";
    case COPYDESK_ERR_NOT_HTML:
        return "not an HTML document (binary data)";
    case COPYDESK_ERR_STATE:
        return "call out of order";
    case COPYDESK_ERR_IO:
        return "read error";
    case COPYDESK_ERR_INFLATION:
        return "gzip data inflates past the inflation limit";
    }
    return "unknown status";
}

void copydesk_free(void *ptr)
{
    cd_mem_default()->free(ptr);
}

copydesk_doc *copydesk_doc_new(unsigned options)
{
    return copydesk_doc_new_with_mem(options, NULL);
}

copydesk_doc *copydesk_doc_new_with_mem(unsigned options, const copydesk_mem *mem)
{
    if (!mem)
        mem = cd_mem_default();
    if (!mem->calloc || !mem->realloc || !mem->free)
        return NULL;
    copydesk_doc *doc = mem->calloc(1, sizeof *doc);
    if (!doc)
        return NULL;
    doc->mem = *mem;
    doc->options = options;
    doc->inflate_ratio = CD_INFLATE_RATIO;
    doc->inflate_floor = CD_INFLATE_FLOOR;
    const cd_mem *m = &doc->mem;
    cd_arena_init(&doc->arena, m, 256 * 1024);
    cd_dom_init(&doc->dom, m, &doc->arena);
    cd_extract_init(&doc->ext, m);
    cd_buf_init(&doc->raw, m);
    cd_buf_init(&doc->decoded, m);
    cd_buf_init(&doc->text, m);
    cd_buf_init(&doc->render, m);
    cd_buf_init(&doc->url, m);
    cd_buf_init(&doc->charset_hint, m);
    cd_buf_init(&doc->source, m);
    doc->parser = cd_parser_new(m);
    if (!doc->parser) {
        copydesk_doc_free(doc);
        return NULL;
    }
    return doc;
}

void copydesk_doc_free(copydesk_doc *doc)
{
    if (!doc)
        return;
    cd_parser_free(doc->parser);
    cd_extract_free(&doc->ext);
    cd_dom_free(&doc->dom);
    cd_arena_free(&doc->arena);
    cd_buf_free(&doc->raw);
    cd_buf_free(&doc->decoded);
    cd_buf_free(&doc->text);
    cd_buf_free(&doc->render);
    cd_buf_free(&doc->url);
    cd_buf_free(&doc->charset_hint);
    cd_buf_free(&doc->source);
    void (*release)(void *) = doc->mem.free;
    release(doc);
}

/* Large buffers grown for one huge page are released rather than kept. */
static void S_trim(cd_buf *b)
{
    if (b->cap > 8u * 1024 * 1024)
        cd_buf_free(b);
    else
        cd_buf_clear(b);
}

void copydesk_doc_reset(copydesk_doc *doc)
{
    if (!doc)
        return;
    cd_dom_reset(&doc->dom);
    cd_arena_reset(&doc->arena);
    memset(&doc->meta, 0, sizeof doc->meta);
    S_trim(&doc->raw);
    S_trim(&doc->decoded);
    S_trim(&doc->text);
    S_trim(&doc->render);
    cd_buf_clear(&doc->url);
    cd_buf_clear(&doc->charset_hint);
    cd_buf_clear(&doc->source);
    doc->ref_time = 0;
    memset(&doc->dinfo, 0, sizeof doc->dinfo);
    doc->nwarnings = 0;
    doc->text_ready = 0;
    doc->state = CD_DOC_EMPTY;
}

static copydesk_status S_set(cd_buf *b, const char *s, size_t len)
{
    cd_buf_clear(b);
    if (!s)
        return COPYDESK_OK;
    cd_buf_put(b, s, len);
    return b->failed ? COPYDESK_ERR_NOMEM : COPYDESK_OK;
}

copydesk_status copydesk_doc_set_url(copydesk_doc *doc, const char *url, size_t len)
{
    return doc ? S_set(&doc->url, url, len) : COPYDESK_ERR_ARG;
}

void copydesk_doc_set_sites(copydesk_doc *doc, const copydesk_sites *s)
{
    if (doc)
        doc->sites = s;
}

copydesk_status copydesk_doc_set_charset(copydesk_doc *doc, const char *charset, size_t len)
{
    return doc ? S_set(&doc->charset_hint, charset, len) : COPYDESK_ERR_ARG;
}

const char *copydesk_charset_name(const char *label, size_t len)
{
    return cd_input_charset_canonical(label, len);
}

copydesk_status copydesk_doc_set_reference_time(copydesk_doc *doc, long long unix_seconds)
{
    if (!doc || unix_seconds < 0)
        return COPYDESK_ERR_ARG;
    doc->ref_time = unix_seconds;
    return COPYDESK_OK;
}

copydesk_status copydesk_parse_time(const char *s, size_t len, long long *unix_seconds)
{
    long long t = 0;
    if (!s || !unix_seconds || !cd_time_parse(s, len, &t))
        return COPYDESK_ERR_ARG;
    *unix_seconds = t;
    return COPYDESK_OK;
}

copydesk_status copydesk_doc_set_inflate_limit(copydesk_doc *doc, unsigned ratio, size_t floor)
{
    if (!doc)
        return COPYDESK_ERR_ARG;
    doc->inflate_ratio = ratio;
    doc->inflate_floor = floor;
    return COPYDESK_OK;
}

copydesk_status copydesk_doc_set_source(copydesk_doc *doc, const char *source, size_t len)
{
    return doc ? S_set(&doc->source, source, len) : COPYDESK_ERR_ARG;
}

static void S_warn(copydesk_doc *doc, int code, size_t offset)
{
    if (doc->nwarnings < CD_MAX_WARNINGS) {
        doc->warnings[doc->nwarnings].code = code;
        doc->warnings[doc->nwarnings].offset = offset;
        doc->nwarnings++;
    }
}

copydesk_status copydesk_doc_parse(copydesk_doc *doc, const char *bytes, size_t len)
{
    if (!doc || (!bytes && len))
        return COPYDESK_ERR_ARG;
    if (doc->state != CD_DOC_EMPTY) {
        /* Parsing again without a reset: keep the hints, drop the page. */
        cd_dom_reset(&doc->dom);
        cd_arena_reset(&doc->arena);
        memset(&doc->meta, 0, sizeof doc->meta);
        doc->nwarnings = 0;
        doc->text_ready = 0;
    }
    doc->state = CD_DOC_FAILED;
    if (len == 0)
        return COPYDESK_ERR_EMPTY;
    if (len > CD_MAX_INPUT)
        return COPYDESK_ERR_TOO_LARGE;

    const unsigned char *in = (const unsigned char *)bytes;
    if (cd_input_is_gzip(in, len)) {
        cd_buf_clear(&doc->raw);
        /* The inflation limit (a gzip bomb stops at max(floor, ratio x len)). */
        size_t max = cd_input_inflate_max(len, doc->inflate_ratio, doc->inflate_floor, CD_MAX_DECODED);
        copydesk_status st = cd_input_gunzip(in, len, max, &doc->raw);
        if (st == COPYDESK_ERR_TOO_LARGE && max < CD_MAX_DECODED)
            st = COPYDESK_ERR_INFLATION;
        if (st != COPYDESK_OK) {
            S_trim(&doc->raw);
            return st;
        }
        in = (const unsigned char *)doc->raw.data;
        len = doc->raw.len;
        if (len == 0)
            return COPYDESK_ERR_EMPTY;
    }

    /* A page that is valid UTF-8 is parsed where it lies (the caller's bytes
     * or the gunzipped copy): the tree holds copies of what it keeps. */
    const char *html = NULL;
    size_t html_len = 0;
    copydesk_status st = cd_input_decode_view(in, len, doc->charset_hint.len ? doc->charset_hint.data : NULL,
                                              &doc->decoded, &doc->dinfo, &html, &html_len);
    if (st != COPYDESK_OK)
        return st;
    if (cd_input_not_html(in, len, html, html_len))
        return COPYDESK_ERR_NOT_HTML;
    if (doc->dinfo.source == CD_CHARSET_DETECTED)
        S_warn(doc, COPYDESK_WARN_CHARSET_GUESSED, 0);
    if (doc->dinfo.declared_wrong)
        S_warn(doc, COPYDESK_WARN_CHARSET_WRONG, 0);
    if (doc->dinfo.replaced)
        S_warn(doc, COPYDESK_WARN_INVALID_BYTES, doc->dinfo.first_invalid);
    if (doc->dinfo.nul_bytes)
        S_warn(doc, COPYDESK_WARN_NUL_BYTES, 0);

    doc->page_len = html_len;
    st = cd_parse_html(doc->parser, html, html_len, &doc->dom);
    const char *url = doc->url.len ? doc->url.data : NULL;
    /* The page's host in the site model, read once: the <title> evidence and
     * the chrome marks (site/mark.c) both ask for it. The <title>'s hash is
     * read from the bytes the site model learned from, before they go, and
     * only for a page whose host has a model (most pages of a batch have
     * none). */
    const cd_site_host *host = st == COPYDESK_OK ? cd_site_page_host(doc->sites, url, &doc->dom) : NULL;
    uint32_t title_hash = host ? cd_site_title_hash(html, html_len) : 0;
    /* The tree holds copies of what it keeps: a huge gunzipped or decoded page
     * is let go now rather than held beside the renders (issue #14). */
    S_trim(&doc->raw);
    S_trim(&doc->decoded);
    if (st != COPYDESK_OK)
        return st;
    if (doc->dom.truncated)
        S_warn(doc, COPYDESK_WARN_TRUNCATED, 0);

    int site_title = cd_site_title_recurs(host, title_hash);
    cd_meta_read_site(&doc->meta, &doc->dom, &doc->arena, url, doc->ref_time, site_title);
    doc->ext.site_host = host;
    doc->ext.authors = (const char *const *)doc->meta.authors;
    doc->ext.nauthors = doc->meta.nauthors;
    st = cd_extract_run(&doc->ext, &doc->dom, doc->options, doc->meta.title);
    if (st != COPYDESK_OK)
        return st;
    if (!(doc->options & COPYDESK_OPT_NO_EXTRACT))
        cd_news_parts(&doc->meta, &doc->dom, &doc->arena, &doc->ext, url,
                      (doc->options & COPYDESK_OPT_KEEP_PARTS) != 0);
    if (doc->ext.index) {
        /* A section front holds no article: its record has no headline. */
        doc->meta.title = NULL;
        doc->meta.title_source = NULL;
    }
    if (doc->ext.no_article)
        S_warn(doc, COPYDESK_WARN_NO_ARTICLE, 0);
    doc->state = CD_DOC_PARSED;
    return COPYDESK_OK;
}

static int S_ensure_text(copydesk_doc *doc)
{
    if (doc->state != CD_DOC_PARSED)
        return 0;
    if (!doc->text_ready) {
        cd_buf_clear(&doc->text);
        cd_text_walk(&doc->dom, &doc->ext, doc->options, &doc->text);
        if (doc->text.failed)
            return 0;
        if (!doc->text.data)
            cd_buf_put(&doc->text, "", 0);
        doc->text_ready = 1;
    }
    return 1;
}

/* The URL the caller set, or NULL. */
static const char *S_set_url(const copydesk_doc *doc)
{
    return doc->url.len ? doc->url.data : NULL;
}

static const char *S_effective_url(const copydesk_doc *doc)
{
    if (doc->url.len)
        return doc->url.data;
    return doc->meta.url;
}

const char *copydesk_doc_render(copydesk_doc *doc, copydesk_format format, size_t *out_len,
                                copydesk_status *status)
{
    copydesk_status dummy;
    if (!status)
        status = &dummy;
    if (out_len)
        *out_len = 0;
    if (!doc) {
        *status = COPYDESK_ERR_ARG;
        return NULL;
    }
    if (doc->state != CD_DOC_PARSED) {
        *status = COPYDESK_ERR_STATE;
        return NULL;
    }
    const cd_format *fmt = cd_format_get((int)format);
    if (!fmt) {
        *status = COPYDESK_ERR_ARG;
        return NULL;
    }
    /* Only text and JSON carry the plain text: Markdown and the report walk
     * the tree themselves, without a copy of the article beside theirs. */
    int want_text = format == COPYDESK_FORMAT_TEXT || format == COPYDESK_FORMAT_JSON;
    if (want_text && !S_ensure_text(doc)) {
        *status = COPYDESK_ERR_NOMEM;
        return NULL;
    }
    cd_result r = {
        .dom = &doc->dom,
        .ext = &doc->ext,
        .meta = &doc->meta,
        .url = S_effective_url(doc),
        .source = doc->source.len ? doc->source.data : NULL,
        .text = want_text ? doc->text.data : NULL,
        .text_len = want_text ? doc->text.len : 0,
        .page_len = doc->page_len,
    };
    cd_buf_clear(&doc->render);
    fmt->render(&r, doc->options, &doc->render);
    if (!doc->render.data)
        cd_buf_put(&doc->render, "", 0);
    if (doc->render.failed) {
        *status = COPYDESK_ERR_NOMEM;
        return NULL;
    }
    *status = COPYDESK_OK;
    if (out_len)
        *out_len = doc->render.len;
    return doc->render.data;
}

const char *copydesk_format_name(copydesk_format format)
{
    const cd_format *f = cd_format_get((int)format);
    return f ? f->name : NULL;
}

int copydesk_format_from_name(const char *name, size_t len)
{
    return name ? cd_format_find(name, len) : -1;
}

char *copydesk_json_string(const char *s, size_t len, size_t *out_len)
{
    if (out_len)
        *out_len = 0;
    if (!s && len)
        return NULL;
    cd_buf b;
    cd_buf_init(&b, cd_mem_default());
    cd_json_string(&b, s ? s : "", len);
    size_t n = 0;
    char *p = cd_buf_detach(&b, &n);
    if (p && out_len)
        *out_len = n;
    return p;
}

char *copydesk_extract(const char *html, size_t len, const char *url, copydesk_format format,
                       unsigned options, size_t *out_len, copydesk_status *status)
{
    copydesk_status dummy;
    if (!status)
        status = &dummy;
    if (out_len)
        *out_len = 0;
    copydesk_doc *doc = copydesk_doc_new(options);
    if (!doc) {
        *status = COPYDESK_ERR_NOMEM;
        return NULL;
    }
    char *result = NULL;
    if (url)
        copydesk_doc_set_url(doc, url, strlen(url));
    *status = copydesk_doc_parse(doc, html, len);
    if (*status == COPYDESK_OK) {
        size_t n = 0;
        const char *r = copydesk_doc_render(doc, format, &n, status);
        if (r) {
            result = cd_mem_default()->calloc(1, n + 1);
            if (result) {
                memcpy(result, r, n);
                if (out_len)
                    *out_len = n;
            } else {
                *status = COPYDESK_ERR_NOMEM;
            }
        }
    }
    copydesk_doc_free(doc);
    return result;
}

const char *copydesk_field_name(copydesk_field f)
{
    return (int)f >= 0 && f < COPYDESK_FIELD_COUNT ? cd_meta_fields[f].json : NULL;
}

int copydesk_field_is_list(copydesk_field f)
{
    return (int)f >= 0 && f < COPYDESK_FIELD_COUNT && cd_meta_fields[f].kind == CD_FIELD_LIST;
}

size_t copydesk_doc_field_count(const copydesk_doc *doc, copydesk_field f)
{
    if (!doc || doc->state != CD_DOC_PARSED)
        return 0;
    return cd_meta_count(&doc->meta, (int)f, S_set_url(doc));
}

const char *copydesk_doc_field(const copydesk_doc *doc, copydesk_field f, size_t i, size_t *len)
{
    const char *s = NULL;
    if (doc && doc->state == CD_DOC_PARSED)
        s = cd_meta_value(&doc->meta, (int)f, i, S_set_url(doc));
    if (len)
        *len = s ? strlen(s) : 0;
    return s;
}

/* The named accessors, one (a string) or two (a list: count and item) per row of
 * copydesk_fields.def, declared by copydesk.h from the same rows. */
#define S_ACCESSOR_STR(id, name)                                                                   \
    const char *copydesk_doc_##name(const copydesk_doc *doc, size_t *len)                          \
    {                                                                                              \
        return copydesk_doc_field(doc, COPYDESK_FIELD_##id, 0, len);                               \
    }
#define S_ACCESSOR_URL(id, name) S_ACCESSOR_STR(id, name)
#define S_ACCESSOR_LIST(id, name)                                                                  \
    size_t copydesk_doc_##name##_count(const copydesk_doc *doc)                                    \
    {                                                                                              \
        return copydesk_doc_field_count(doc, COPYDESK_FIELD_##id);                                 \
    }                                                                                              \
    const char *copydesk_doc_##name(const copydesk_doc *doc, size_t i, size_t *len)                \
    {                                                                                              \
        return copydesk_doc_field(doc, COPYDESK_FIELD_##id, i, len);                               \
    }
#define COPYDESK_FIELD(id, kind, json, name, max, source, cands) S_ACCESSOR_##kind(id, name)
#include "copydesk_fields.def"
#undef COPYDESK_FIELD

const char *copydesk_doc_charset(const copydesk_doc *doc, size_t *len)
{
    const char *s = NULL;
    if (doc && doc->state == CD_DOC_PARSED && doc->dinfo.charset[0])
        s = doc->dinfo.charset;
    if (len)
        *len = s ? strlen(s) : 0;
    return s;
}

const char *copydesk_doc_field_source(const copydesk_doc *doc, const char *field)
{
    if (!doc || !field || doc->state != CD_DOC_PARSED)
        return NULL;
    return cd_meta_field_source(&doc->meta, field);
}

const char *copydesk_doc_text(copydesk_doc *doc, size_t *len)
{
    if (len)
        *len = 0;
    if (!doc || !S_ensure_text(doc))
        return NULL;
    if (len)
        *len = doc->text.len;
    return doc->text.data;
}

size_t copydesk_doc_warning_count(const copydesk_doc *doc)
{
    return doc ? doc->nwarnings : 0;
}

int copydesk_doc_warning(const copydesk_doc *doc, size_t i, size_t *offset)
{
    if (!doc || i >= doc->nwarnings)
        return 0;
    if (offset)
        *offset = doc->warnings[i].offset;
    return doc->warnings[i].code;
}
