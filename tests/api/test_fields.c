/* tests/api/test_fields: the public field table, the format table and the
 * helpers the CLI uses (copydesk_json_string, copydesk_warc_take_payload).
 *
 * Public header only: what a binding sees. The first check is made by the
 * compiler: every row of copydesk_fields.def must have its named accessor
 * declared with the right signature, or this file does not build. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copydesk.h"
#include "harness.h"

typedef const char *(*S_str_fn)(const copydesk_doc *, size_t *);
typedef size_t (*S_count_fn)(const copydesk_doc *);
typedef const char *(*S_item_fn)(const copydesk_doc *, size_t, size_t *);

/* Every field: its named accessors, from the table. */
#define S_ROW_STR(id, name) {COPYDESK_FIELD_##id, #name, copydesk_doc_##name, NULL, NULL},
#define S_ROW_URL(id, name) S_ROW_STR(id, name)
#define S_ROW_LIST(id, name)                                                                       \
    {COPYDESK_FIELD_##id, #name, NULL, copydesk_doc_##name##_count, copydesk_doc_##name},
static const struct {
    copydesk_field id;
    const char *name;
    S_str_fn str;
    S_count_fn count;
    S_item_fn item;
} S_rows[] = {
#define COPYDESK_FIELD(id, kind, json, name, max, source, cands) S_ROW_##kind(id, name)
#include "copydesk_fields.def"
#undef COPYDESK_FIELD
};

static const char PAGE[] =
    "<html lang=\"en\"><head><title>Rain in Spain - The Daily</title>"
    "<meta property=\"og:site_name\" content=\"The Daily\">"
    "<meta property=\"og:image\" content=\"/i/rain.jpg\">"
    "<meta name=\"description\" content=\"Mostly on the plain.\">"
    "<meta property=\"article:section\" content=\"Weather\">"
    "<meta property=\"article:tag\" content=\"rain\"><meta property=\"article:tag\" content=\"Spain\">"
    "<meta name=\"author\" content=\"Ann Lee\">"
    "<meta property=\"article:published_time\" content=\"2024-03-01T10:00:00Z\">"
    "</head><body><article><h1>Rain in Spain</h1>"
    "<p>The rain in Spain stays mainly in the plain, say the forecasters who have "
    "watched it for many years from the hills above the city.</p>"
    "<p>Farmers welcome it; tourists less so, and the cafés fill up by noon when "
    "the showers roll in from the west over the river.</p></article></body></html>";

static void test_fields(void)
{
    INT_EQ(sizeof S_rows / sizeof S_rows[0], COPYDESK_FIELD_COUNT, "");
    for (size_t i = 0; i < sizeof S_rows / sizeof S_rows[0]; i++) {
        INT_EQ(S_rows[i].id, i, ""); /* ids are row numbers */
        OK(copydesk_field_name(S_rows[i].id) != NULL, "field %zu has no name", i);
        INT_EQ(copydesk_field_is_list(S_rows[i].id), S_rows[i].count != NULL, "");
    }
    /* Names as in JSON; the ids of today's fields never change. */
    STR_EQ(copydesk_field_name(COPYDESK_FIELD_URL), "url", "");
    STR_EQ(copydesk_field_name(COPYDESK_FIELD_AUTHOR), "authors", "");
    STR_EQ(copydesk_field_name(COPYDESK_FIELD_IMAGE), "image.url", "");
    STR_EQ(copydesk_field_name(COPYDESK_FIELD_TAG), "tags", "");
    INT_EQ(COPYDESK_FIELD_URL, 0, "");
    INT_EQ(COPYDESK_FIELD_TITLE, 1, "");
    INT_EQ(COPYDESK_FIELD_TAG, 15, "");
    STR_EQ(copydesk_field_name(COPYDESK_FIELD_COUNT), NULL, "");
    STR_EQ(copydesk_field_name((copydesk_field)-1), NULL, "");
    INT_EQ(copydesk_field_is_list(COPYDESK_FIELD_COUNT), 0, "");

    copydesk_doc *doc = copydesk_doc_new(0);
    OK(doc != NULL, "doc");
    /* Before parsing: neutral values. */
    INT_EQ(copydesk_doc_field_count(doc, COPYDESK_FIELD_TITLE), 0, "");
    STR_EQ(copydesk_doc_field(doc, COPYDESK_FIELD_TITLE, 0, NULL), NULL, "");
    copydesk_doc_set_url(doc, "http://daily.example/2024/rain", 31);
    INT_EQ(copydesk_doc_parse(doc, PAGE, sizeof PAGE - 1), COPYDESK_OK, "");
    /* Each field by id is what its named accessor returns. */
    int seen = 0;
    for (size_t i = 0; i < sizeof S_rows / sizeof S_rows[0]; i++) {
        copydesk_field f = S_rows[i].id;
        size_t n = copydesk_doc_field_count(doc, f), len = 99, len2 = 99;
        if (S_rows[i].str) {
            const char *a = S_rows[i].str(doc, &len);
            const char *b = copydesk_doc_field(doc, f, 0, &len2);
            OK(a == b && len == len2, "%s", S_rows[i].name);
            INT_EQ(n, a ? 1 : 0, "");
            OK(!a || strlen(a) == len, "%s length", S_rows[i].name);
            STR_EQ(copydesk_doc_field(doc, f, 1, NULL), NULL, "");
            seen += a != NULL;
        } else {
            INT_EQ(S_rows[i].count(doc), n, "");
            for (size_t k = 0; k <= n; k++) {
                const char *a = S_rows[i].item(doc, k, &len);
                const char *b = copydesk_doc_field(doc, f, k, &len2);
                OK(a == b && len == len2, "%s %zu", S_rows[i].name, k);
                OK(k < n ? a != NULL : a == NULL, "%s %zu", S_rows[i].name, k);
            }
            seen += n > 0;
        }
    }
    OK(seen >= 8, "the page fills %d fields", seen);
    STR_EQ(copydesk_doc_field(doc, COPYDESK_FIELD_URL, 0, NULL), "http://daily.example/2024/rain", "");
    STR_EQ(copydesk_doc_field(doc, COPYDESK_FIELD_TAG, 1, NULL), "Spain", "");
    STR_EQ(copydesk_doc_field(doc, COPYDESK_FIELD_COUNT, 0, NULL), NULL, "");
    INT_EQ(copydesk_doc_field_count(doc, (copydesk_field)-1), 0, "");
    STR_EQ(copydesk_doc_field_source(doc, "tags"), "og", "");
    STR_EQ(copydesk_doc_field_source(doc, "image"), "og", "");
    copydesk_doc_free(doc);
    INT_EQ(copydesk_doc_field_count(NULL, COPYDESK_FIELD_TITLE), 0, "");
    STR_EQ(copydesk_doc_field(NULL, COPYDESK_FIELD_TITLE, 0, NULL), NULL, "");
}

static void test_formats(void)
{
    STR_EQ(copydesk_format_name(COPYDESK_FORMAT_TEXT), "text", "");
    STR_EQ(copydesk_format_name(COPYDESK_FORMAT_MARKDOWN), "markdown", "");
    STR_EQ(copydesk_format_name(COPYDESK_FORMAT_JSON), "json", "");
    STR_EQ(copydesk_format_name(COPYDESK_FORMAT_COUNT), NULL, "");
    STR_EQ(copydesk_format_name((copydesk_format)-1), NULL, "");
    INT_EQ(COPYDESK_FORMAT_TEXT, 0, "");
    INT_EQ(COPYDESK_FORMAT_MARKDOWN, 1, "");
    INT_EQ(COPYDESK_FORMAT_JSON, 2, "");
    INT_EQ(copydesk_format_from_name("md", 2), COPYDESK_FORMAT_MARKDOWN, "");
    INT_EQ(copydesk_format_from_name("markdown", 8), COPYDESK_FORMAT_MARKDOWN, "");
    INT_EQ(copydesk_format_from_name("jsonx", 4), COPYDESK_FORMAT_JSON, "");
    INT_EQ(copydesk_format_from_name("jso", 3), -1, "");
    INT_EQ(copydesk_format_from_name("", 0), -1, "");
    INT_EQ(copydesk_format_from_name(NULL, 4), -1, "");
    INT_EQ(copydesk_format_from_name("Text", 4), -1, "");
    /* Every format renders, and an id past the table is refused. */
    copydesk_doc *doc = copydesk_doc_new(0);
    INT_EQ(copydesk_doc_parse(doc, PAGE, sizeof PAGE - 1), COPYDESK_OK, "");
    for (int f = 0; copydesk_format_name((copydesk_format)f); f++) {
        copydesk_status st = COPYDESK_ERR_IO;
        size_t n = 0;
        const char *r = copydesk_doc_render(doc, (copydesk_format)f, &n, &st);
        OK(r && n > 0 && st == COPYDESK_OK, "format %d", f);
    }
    copydesk_status st = COPYDESK_OK;
    OK(copydesk_doc_render(doc, COPYDESK_FORMAT_COUNT, NULL, &st) == NULL, "");
    INT_EQ(st, COPYDESK_ERR_ARG, "");
    copydesk_doc_free(doc);
}

static void test_json_string(void)
{
    size_t n = 99;
    char *s = copydesk_json_string("a\"b\n\xff/", 6, &n);
    STR_EQ(s, "\"a\\\"b\\n\xef\xbf\xbd/\"", "");
    INT_EQ(n, s ? strlen(s) : 0, "");
    copydesk_free(s);
    s = copydesk_json_string(NULL, 0, &n);
    STR_EQ(s, "\"\"", "");
    INT_EQ(n, 2, "");
    copydesk_free(s);
    n = 99;
    OK(copydesk_json_string(NULL, 3, &n) == NULL, "NULL with a length");
    INT_EQ(n, 0, "");
}

static size_t S_read_mem(void *ctx, void *buf, size_t len, int *err)
{
    const char **p = ctx;
    size_t n = strlen(*p);
    if (n > len) n = len;
    memcpy(buf, *p, n);
    *p += n;
    (void)err;
    return n;
}

static void test_take_payload(void)
{
    static const char body[] = "<html><body><p>Hello archive.</p></body></html>";
    char rec[1024];
    char http[256];
    int hn = snprintf(http, sizeof http,
                      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %zu\r\n\r\n%s",
                      sizeof body - 1, body);
    snprintf(rec, sizeof rec,
             "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
             "WARC-Target-URI: http://a.example/\r\nContent-Type: application/http; msgtype=response\r\n"
             "Content-Length: %d\r\n\r\n%s\r\n\r\n",
             hn, http);
    const char *p = rec;
    copydesk_warc *w = copydesk_warc_new(S_read_mem, &p);
    OK(w != NULL, "reader");
    size_t len = 99;
    OK(copydesk_warc_take_payload(w, &len) == NULL && len == 0, "no record yet");
    OK(copydesk_warc_next(w) == 1, "a record");
    INT_EQ(copydesk_warc_record_kind(w), COPYDESK_WARC_HTML, "");
    char *taken = copydesk_warc_take_payload(w, &len);
    STR_EQ(taken, body, "");
    INT_EQ(len, sizeof body - 1, "");
    OK(copydesk_warc_payload(w, &len) == NULL && len == 0, "taken: gone from the reader");
    OK(copydesk_warc_take_payload(w, &len) == NULL, "taken twice");
    copydesk_free(taken);
    OK(copydesk_warc_next(w) == 0, "end");
    copydesk_warc_free(w);
    OK(copydesk_warc_take_payload(NULL, NULL) == NULL, "NULL reader");
}

/* Two pages through one doc (and the second alone): nothing of the first
 * page's meta state leaks into the second. The per-page meta context is no
 * longer cleared whole (cd_meta_ctx_clear leaves its class-word buffers as
 * they were, and the list cache is kept per thread), so the first page fills
 * them with other words. */
static const char PAGE_A[] =
    "<html><head><title>Storm hits the coast | Daily Example - News</title>"
    "<meta property=\"og:site_name\" content=\"Daily Example\"></head><body>"
    "<div class=\"byline author-name related-posts sidebar comments share-tools\">"
    "<span class=\"author vcard\">By Ann Lee</span></div>"
    "<article class=\"post-content entry-content\"><h1 class=\"entry-title headline\">Storm hits the coast</h1>"
    "<p class=\"lead standfirst\">A long first paragraph about the storm and the coast and what it did "
    "to the towns along it over the night.</p>"
    "<p>Another paragraph with enough words to count as the body of the story here.</p></article>"
    "<footer class=\"site-footer copyright\">(c) Daily Example</footer></body></html>";
static const char PAGE_B[] =
    "<html><head><title>Rain &raquo; Quiet Town</title></head><body>"
    "<div class=\"x\"><p class=\"y\">Rain fell on the quiet town for the whole of the day, and the river "
    "rose to the bridge by the evening.</p><p>People stayed in.</p></div></body></html>";

static char *S_json_of(copydesk_doc *doc, const char *page, size_t n)
{
    if (copydesk_doc_parse(doc, page, n) != COPYDESK_OK)
        return NULL;
    size_t len = 0;
    copydesk_status st = COPYDESK_OK;
    const char *r = copydesk_doc_render(doc, COPYDESK_FORMAT_JSON, &len, &st);
    char *out = r ? malloc(len + 1) : NULL;
    if (out) {
        memcpy(out, r, len);
        out[len] = '\0';
    }
    return out;
}

static void test_two_pages(void)
{
    copydesk_doc *alone = copydesk_doc_new(0), *both = copydesk_doc_new(0);
    char *b1 = S_json_of(alone, PAGE_B, sizeof PAGE_B - 1);
    char *a = S_json_of(both, PAGE_A, sizeof PAGE_A - 1);
    char *b2 = S_json_of(both, PAGE_B, sizeof PAGE_B - 1);
    char *b3 = S_json_of(alone, PAGE_B, sizeof PAGE_B - 1);
    OK(a && strstr(a, "Daily Example"), "page A read");
    OK(b1 && b2 && b3, "page B read");
    if (b1 && b2 && b3) {
        STR_EQ(b2, b1, "B after A in one doc");
        STR_EQ(b3, b1, "B after A in another doc");
        OK(!strstr(b2, "Daily Example") && !strstr(b2, "Storm"), "nothing of A in B");
    }
    free(a), free(b1), free(b2), free(b3);
    copydesk_doc_free(alone);
    copydesk_doc_free(both);
}

int main(void)
{
    test_fields();
    test_formats();
    test_json_string();
    test_take_payload();
    test_two_pages();
    return cd_t_done();
}
