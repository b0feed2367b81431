/* api: the public entry points — one call and the full document path.
 *
 * Pipeline per page: gunzip (by magic) → decode to UTF-8 → parse into the
 * arena tree → metadata → extraction (which uses the metadata title to find
 * the headline) → rendering on demand. */
#include <string.h>

#include "../output/output.h"
#include "../util/isotime.h"
#include "../util/limits.h"
#include "doc.h"

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
        return "corrupt gzip data";
    case COPYDESK_ERR_PARSE:
        return "HTML parser failed";
    case COPYDESK_ERR_NOT_HTML:
        return "not an HTML document";
    case COPYDESK_ERR_STATE:
        return "call out of order";
    case COPYDESK_ERR_IO:
        return "read error";
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

copydesk_status copydesk_doc_set_charset(copydesk_doc *doc, const char *charset, size_t len)
{
    return doc ? S_set(&doc->charset_hint, charset, len) : COPYDESK_ERR_ARG;
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
        copydesk_status st = cd_input_gunzip(in, len, CD_MAX_DECODED, &doc->raw);
        if (st != COPYDESK_OK)
            return st;
        in = (const unsigned char *)doc->raw.data;
        len = doc->raw.len;
        if (len == 0)
            return COPYDESK_ERR_EMPTY;
    }

    copydesk_status st = cd_input_decode(in, len, doc->charset_hint.len ? doc->charset_hint.data : NULL,
                                         &doc->decoded, &doc->dinfo);
    if (st != COPYDESK_OK)
        return st;
    if (doc->dinfo.source == CD_CHARSET_DETECTED)
        S_warn(doc, COPYDESK_WARN_CHARSET_GUESSED, 0);
    if (doc->dinfo.declared_wrong)
        S_warn(doc, COPYDESK_WARN_CHARSET_WRONG, 0);
    if (doc->dinfo.replaced)
        S_warn(doc, COPYDESK_WARN_INVALID_BYTES, doc->dinfo.first_invalid);
    if (doc->dinfo.nul_bytes)
        S_warn(doc, COPYDESK_WARN_NUL_BYTES, 0);

    st = cd_parse_html(doc->parser, doc->decoded.data, doc->decoded.len, &doc->dom);
    if (st != COPYDESK_OK)
        return st;
    if (doc->dom.truncated)
        S_warn(doc, COPYDESK_WARN_TRUNCATED, 0);

    const char *url = doc->url.len ? doc->url.data : NULL;
    cd_meta_read_at(&doc->meta, &doc->dom, &doc->arena, url, doc->ref_time);
    st = cd_extract_run(&doc->ext, &doc->dom, doc->options, doc->meta.title);
    if (st != COPYDESK_OK)
        return st;
    if (!(doc->options & COPYDESK_OPT_NO_EXTRACT))
        cd_meta_parts(&doc->meta, &doc->dom, &doc->arena, &doc->ext, url,
                      (doc->options & COPYDESK_OPT_KEEP_PARTS) != 0);
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
        cd_render_text(&doc->dom, &doc->ext, doc->options, &doc->text);
        if (doc->text.failed)
            return 0;
        if (!doc->text.data)
            cd_buf_put(&doc->text, "", 0);
        doc->text_ready = 1;
    }
    return 1;
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
    if (!S_ensure_text(doc)) {
        *status = COPYDESK_ERR_NOMEM;
        return NULL;
    }
    cd_buf_clear(&doc->render);
    switch (format) {
    case COPYDESK_FORMAT_TEXT:
        cd_buf_put(&doc->render, doc->text.data, doc->text.len);
        break;
    case COPYDESK_FORMAT_MARKDOWN:
        cd_render_markdown(&doc->dom, &doc->ext, doc->options, S_effective_url(doc), &doc->render);
        if (!doc->render.data)
            cd_buf_put(&doc->render, "", 0);
        break;
    case COPYDESK_FORMAT_JSON: {
        cd_json_fields f;
        memset(&f, 0, sizeof f);
        f.source = doc->source.len ? doc->source.data : NULL;
        f.meta = &doc->meta;
        f.url = S_effective_url(doc);
        f.text = doc->text.data;
        f.text_len = doc->text.len;
        f.charset = doc->dinfo.charset[0] ? doc->dinfo.charset : NULL;
        f.explain = (doc->options & COPYDESK_OPT_EXPLAIN) != 0;
        f.dom = &doc->dom;
        f.ext = &doc->ext;
        cd_buf md;
        cd_buf_init(&md, &doc->mem);
        if (doc->options & COPYDESK_OPT_JSON_MARKDOWN) {
            cd_render_markdown(&doc->dom, &doc->ext, doc->options, f.url, &md);
            if (md.failed) {
                cd_buf_free(&md);
                *status = COPYDESK_ERR_NOMEM;
                return NULL;
            }
            f.markdown = md.data ? md.data : "";
            f.markdown_len = md.len;
        }
        cd_render_json(&f, &doc->render);
        cd_buf_free(&md);
        break;
    }
    default:
        *status = COPYDESK_ERR_ARG;
        return NULL;
    }
    if (doc->render.failed) {
        *status = COPYDESK_ERR_NOMEM;
        return NULL;
    }
    *status = COPYDESK_OK;
    if (out_len)
        *out_len = doc->render.len;
    return doc->render.data;
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

#define S_FIELD(name, expr)                                                                        \
    const char *copydesk_doc_##name(const copydesk_doc *doc, size_t *len)                          \
    {                                                                                              \
        const char *s = (doc && doc->state == CD_DOC_PARSED) ? (expr) : NULL;                      \
        if (len)                                                                                   \
            *len = s ? strlen(s) : 0;                                                              \
        return s;                                                                                  \
    }

S_FIELD(title, doc->meta.title)
S_FIELD(date_published, doc->meta.date_published)
S_FIELD(date_modified, doc->meta.date_modified)
S_FIELD(description, doc->meta.description)
S_FIELD(site_name, doc->meta.site_name)
S_FIELD(language, doc->meta.language)
S_FIELD(url, S_effective_url(doc))
S_FIELD(charset, doc->dinfo.charset[0] ? doc->dinfo.charset : NULL)
S_FIELD(deck, doc->meta.deck)
S_FIELD(section, doc->meta.section)
S_FIELD(image_url, doc->meta.image_url)
S_FIELD(image_caption, doc->meta.image_caption)
S_FIELD(image_credit, doc->meta.image_credit)
S_FIELD(credit, doc->meta.credit)
S_FIELD(dateline, doc->meta.dateline)

size_t copydesk_doc_tag_count(const copydesk_doc *doc)
{
    return doc && doc->state == CD_DOC_PARSED ? doc->meta.ntags : 0;
}

const char *copydesk_doc_tag(const copydesk_doc *doc, size_t i, size_t *len)
{
    const char *s = NULL;
    if (doc && doc->state == CD_DOC_PARSED && i < doc->meta.ntags)
        s = doc->meta.tags[i];
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

size_t copydesk_doc_author_count(const copydesk_doc *doc)
{
    return doc && doc->state == CD_DOC_PARSED ? doc->meta.nauthors : 0;
}

const char *copydesk_doc_author(const copydesk_doc *doc, size_t i, size_t *len)
{
    const char *s = NULL;
    if (doc && doc->state == CD_DOC_PARSED && i < doc->meta.nauthors)
        s = doc->meta.authors[i];
    if (len)
        *len = s ? strlen(s) : 0;
    return s;
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
