/* tests/api/test_api: the public API's contract — one call, full path, reuse,
 * NULL tolerance, status codes, allocator hooks, warnings. */
#include <stdlib.h>
#include <string.h>

#include "copydesk.h"
#include "harness.h"
#include "util/utf8.h"

static const char PAGE[] =
    "<html lang=\"en\"><head><title>Big News - The Daily</title>"
    "<meta property=\"og:title\" content=\"Big News\">"
    "<meta name=\"author\" content=\"Jane Doe\">"
    "<meta property=\"article:published_time\" content=\"2014-11-06T17:00:00Z\">"
    "<meta property=\"article:modified_time\" content=\"2014-11-07T08:15:00Z\">"
    "<meta name=\"description\" content=\"A  story in   three paragraphs.\">"
    "</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
    "<article><h1>Big News</h1>"
    "<p>The first paragraph of the story is long enough to count, with commas, clauses, "
    "and a full stop at the end.</p>"
    "<p>The second paragraph continues the story, adding detail, quotes, and context "
    "that a reader would want.</p>"
    "<p>The third paragraph closes it, with one more sentence of plain prose, as articles do.</p>"
    "</article><footer>Copyright The Daily</footer></body></html>";

/* A counting allocator: every allocation copydesk makes itself goes through it. */
static long S_live, S_calls;
static void *S_calloc(size_t n, size_t s)
{
    void *p = calloc(n, s);
    if (p) {
        S_live++;
        S_calls++;
    }
    return p;
}
static void *S_realloc(void *p, size_t s)
{
    void *q = realloc(p, s);
    if (q && !p) {
        S_live++;
        S_calls++;
    }
    return q;
}
static void S_free(void *p)
{
    if (p)
        S_live--;
    free(p);
}

/* An allocator that fails after a budget of calls. */
static long S_budget;
static void *S_fail_calloc(size_t n, size_t s)
{
    return S_budget-- > 0 ? calloc(n, s) : NULL;
}
static void *S_fail_realloc(void *p, size_t s)
{
    return S_budget-- > 0 ? realloc(p, s) : NULL;
}

static void test_one_call(void)
{
    size_t n = 0;
    copydesk_status st = COPYDESK_ERR_STATE;
    char *text = copydesk_extract(PAGE, sizeof PAGE - 1, NULL, COPYDESK_FORMAT_TEXT, 0, &n, &st);
    INT_EQ(st, COPYDESK_OK, "");
    OK(text != NULL, "text rendered");
    OK(text && strlen(text) == n, "length matches");
    OK(text && strstr(text, "The first paragraph") != NULL, "body kept");
    OK(text && strstr(text, "Home") == NULL, "nav dropped");
    OK(text && strstr(text, "Copyright") == NULL, "footer dropped");
    OK(text && strncmp(text, "Big News\n", 9) == 0, "text opens with the head: the headline");
    copydesk_free(text);
    text = copydesk_extract(PAGE, sizeof PAGE - 1, NULL, COPYDESK_FORMAT_TEXT, COPYDESK_OPT_BODY_ONLY, &n, &st);
    INT_EQ(st, COPYDESK_OK, "");
    OK(text && strstr(text, "The first paragraph") != NULL, "body-only: body kept");
    OK(text && strstr(text, "Big News") == NULL, "body-only: the headline is not in the text");
    copydesk_free(text);

    char *json = copydesk_extract(PAGE, sizeof PAGE - 1, "https://example.org/a",
                                  COPYDESK_FORMAT_JSON, 0, &n, &st);
    INT_EQ(st, COPYDESK_OK, "");
    OK(json && json[0] == '{' && json[n - 1] == '}', "one JSON object");
    OK(json && strstr(json, "\"url\":\"https://example.org/a\"") != NULL, "url from the caller");
    OK(json && strstr(json, "\"title\":\"Big News\"") != NULL, "title without site suffix");
    copydesk_free(json);

    /* Empty input and NULL with a length are errors, not crashes. */
    OK(copydesk_extract("", 0, NULL, COPYDESK_FORMAT_TEXT, 0, &n, &st) == NULL, "empty -> NULL");
    INT_EQ(st, COPYDESK_ERR_EMPTY, "");
    OK(copydesk_extract(NULL, 5, NULL, COPYDESK_FORMAT_TEXT, 0, &n, &st) == NULL, "NULL -> NULL");
    INT_EQ(st, COPYDESK_ERR_ARG, "");
    copydesk_free(NULL);
}

static void test_full_path(void)
{
    copydesk_doc *doc = copydesk_doc_new(0);
    OK(doc != NULL, "doc");
    /* Before parse: accessors are neutral, render is out of order. */
    OK(copydesk_doc_title(doc, NULL) == NULL, "no title yet");
    copydesk_status st;
    OK(copydesk_doc_render(doc, COPYDESK_FORMAT_TEXT, NULL, &st) == NULL, "render before parse");
    INT_EQ(st, COPYDESK_ERR_STATE, "");

    for (int round = 0; round < 3; round++) {
        copydesk_doc_reset(doc);
        INT_EQ(copydesk_doc_set_url(doc, "https://example.org/x", 21), COPYDESK_OK, "");
        INT_EQ(copydesk_doc_parse(doc, PAGE, sizeof PAGE - 1), COPYDESK_OK, "");
        size_t len = 0;
        STR_EQ(copydesk_doc_title(doc, &len), "Big News", "");
        INT_EQ(len, 8, "");
        INT_EQ(copydesk_doc_author_count(doc), 1, "");
        STR_EQ(copydesk_doc_author(doc, 0, NULL), "Jane Doe", "");
        OK(copydesk_doc_author(doc, 1, NULL) == NULL, "author out of range");
        const char *date = copydesk_doc_date_published(doc, NULL);
        OK(date && strncmp(date, "2014-11-06", 10) == 0, "date %s", date ? date : "(null)");
        STR_EQ(copydesk_doc_language(doc, NULL), "en", "");
        const char *mod = copydesk_doc_date_modified(doc, NULL);
        OK(mod && strncmp(mod, "2014-11-07", 10) == 0, "modified %s", mod ? mod : "(null)");
        STR_EQ(copydesk_doc_description(doc, NULL), "A story in three paragraphs.", "");
        STR_EQ(copydesk_doc_url(doc, NULL), "https://example.org/x", "");
        /* Where fields came from; unknown names and empty fields give NULL. */
        OK(copydesk_doc_field_source(doc, "authors") != NULL, "authors source");
        OK(copydesk_doc_field_source(doc, "title") != NULL, "title source");
        OK(copydesk_doc_field_source(doc, "no-such-field") == NULL, "unknown field");
        OK(copydesk_doc_field_source(doc, NULL) == NULL, "NULL field");
        OK(copydesk_doc_tag(doc, copydesk_doc_tag_count(doc), NULL) == NULL, "tag out of range");
        const char *text = copydesk_doc_text(doc, &len);
        OK(text && len > 100, "text");
        size_t n = 0;
        const char *md = copydesk_doc_render(doc, COPYDESK_FORMAT_MARKDOWN, &n, &st);
        INT_EQ(st, COPYDESK_OK, "");
        OK(md && cd_utf8_valid_prefix((const unsigned char *)md, n) == n, "markdown is UTF-8");
        const char *js = copydesk_doc_render(doc, COPYDESK_FORMAT_JSON, &n, &st);
        OK(js && strstr(js, "\"authors\":[\"Jane Doe\"]") != NULL, "authors in JSON");
        OK(copydesk_doc_render(doc, (copydesk_format)99, &n, &st) == NULL, "bad format");
        INT_EQ(st, COPYDESK_ERR_ARG, "");
    }
    /* A failed parse leaves neutral accessors. */
    INT_EQ(copydesk_doc_parse(doc, "", 0), COPYDESK_ERR_EMPTY, "");
    OK(copydesk_doc_title(doc, NULL) == NULL, "no title after failure");
    OK(copydesk_doc_text(doc, NULL) == NULL, "no text after failure");
    copydesk_doc_free(doc);
    copydesk_doc_free(NULL);
}

static void test_null_tolerance(void)
{
    OK(copydesk_doc_title(NULL, NULL) == NULL, "");
    OK(copydesk_doc_date_modified(NULL, NULL) == NULL, "");
    OK(copydesk_doc_description(NULL, NULL) == NULL, "");
    OK(copydesk_doc_deck(NULL, NULL) == NULL, "");
    OK(copydesk_doc_section(NULL, NULL) == NULL, "");
    OK(copydesk_doc_image_url(NULL, NULL) == NULL, "");
    OK(copydesk_doc_image_caption(NULL, NULL) == NULL, "");
    OK(copydesk_doc_image_credit(NULL, NULL) == NULL, "");
    OK(copydesk_doc_credit(NULL, NULL) == NULL, "");
    OK(copydesk_doc_dateline(NULL, NULL) == NULL, "");
    INT_EQ(copydesk_doc_tag_count(NULL), 0, "");
    OK(copydesk_doc_tag(NULL, 0, NULL) == NULL, "");
    OK(copydesk_doc_field_source(NULL, "title") == NULL, "");
    INT_EQ(copydesk_doc_set_reference_time(NULL, 1), COPYDESK_ERR_ARG, "");
    INT_EQ(copydesk_doc_author_count(NULL), 0, "");
    OK(copydesk_doc_author(NULL, 0, NULL) == NULL, "");
    OK(copydesk_doc_text(NULL, NULL) == NULL, "");
    INT_EQ(copydesk_doc_warning_count(NULL), 0, "");
    INT_EQ(copydesk_doc_parse(NULL, "x", 1), COPYDESK_ERR_ARG, "");
    INT_EQ(copydesk_doc_set_url(NULL, "x", 1), COPYDESK_ERR_ARG, "");
    copydesk_doc_reset(NULL);
    for (int s = 0; s <= 10; s++)
        OK(copydesk_status_str((copydesk_status)s) != NULL, "status %d has a string", s);
    OK(strcmp(copydesk_version_string(), COPYDESK_VERSION_STRING) == 0, "version string");
    INT_EQ(copydesk_version(), COPYDESK_VERSION, "");
}

static void test_allocator(void)
{
    copydesk_mem mem = {S_calloc, S_realloc, S_free};
    S_live = S_calls = 0;
    copydesk_doc *doc = copydesk_doc_new_with_mem(0, &mem);
    OK(doc != NULL, "doc with hooks");
    for (int i = 0; i < 5; i++) {
        copydesk_doc_reset(doc);
        INT_EQ(copydesk_doc_parse(doc, PAGE, sizeof PAGE - 1), COPYDESK_OK, "");
        OK(copydesk_doc_render(doc, COPYDESK_FORMAT_JSON, NULL, NULL) != NULL, "render");
    }
    OK(S_calls > 0, "hooks were used");
    copydesk_doc_free(doc);
    INT_EQ(S_live, 0, "every allocation through the hooks was freed");

    /* Out of memory at every point of a page: a status, never a crash or leak. */
    copydesk_mem failing = {S_fail_calloc, S_fail_realloc, free};
    int nomem = 0, ok = 0;
    for (long budget = 0; budget < 80; budget++) {
        S_budget = budget;
        copydesk_doc *d = copydesk_doc_new_with_mem(0, &failing);
        if (!d) {
            nomem++;
            continue;
        }
        copydesk_status st = copydesk_doc_parse(d, PAGE, sizeof PAGE - 1);
        if (st == COPYDESK_OK && copydesk_doc_render(d, COPYDESK_FORMAT_JSON, NULL, &st))
            ok++;
        else if (st == COPYDESK_ERR_NOMEM)
            nomem++;
        copydesk_doc_free(d);
    }
    OK(nomem > 0 && ok > 0, "failing allocator: %d nomem, %d ok", nomem, ok);

    copydesk_mem incomplete = {S_calloc, NULL, S_free};
    OK(copydesk_doc_new_with_mem(0, &incomplete) == NULL, "incomplete hooks refused");
}

static void test_warnings_and_bytes(void)
{
    copydesk_doc *doc = copydesk_doc_new(0);
    /* Invalid UTF-8 and NUL bytes: valid UTF-8 out, with warnings. */
    static const char bad[] = "<meta charset=utf-8><p>na\xc3\xafve caf\xc3\xa9s, \xc3\xbc" "ber, "
                              "\xc3\xa9t\xc3\xa9, caf\xc3 au lait, \xff and a NUL \0 here, "
                              "long enough to be a paragraph of text.</p>";
    INT_EQ(copydesk_doc_parse(doc, bad, sizeof bad - 1), COPYDESK_OK, "");
    size_t n = 0;
    const char *t = copydesk_doc_text(doc, &n);
    OK(t && cd_utf8_valid_prefix((const unsigned char *)t, n) == n, "valid UTF-8");
    OK(t && memchr(t, 0, n) == NULL, "no NUL in text");
    int saw_invalid = 0;
    for (size_t i = 0; i < copydesk_doc_warning_count(doc); i++)
        if (copydesk_doc_warning(doc, i, NULL) == COPYDESK_WARN_INVALID_BYTES)
            saw_invalid = 1;
    OK(saw_invalid, "invalid bytes warned");
    INT_EQ(copydesk_doc_warning(doc, 999, NULL), 0, "");

    /* gzip detected by content. */
    /* gzip.compress(b"<p>Hello world</p>", mtime=0) */
    static const unsigned char gz[] = {
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xb3, 0x29, 0xb0,
        0xf3, 0x48, 0xcd, 0xc9, 0xc9, 0x57, 0x28, 0xcf, 0x2f, 0xca, 0x49, 0xb1, 0xd1,
        0x2f, 0xb0, 0x03, 0x00, 0xd4, 0xbb, 0x8d, 0x17, 0x12, 0x00, 0x00, 0x00};
    copydesk_doc_reset(doc);
    INT_EQ(copydesk_doc_parse(doc, (const char *)gz, sizeof gz), COPYDESK_OK, "");
    t = copydesk_doc_text(doc, &n);
    OK(t && strstr(t, "Hello world") != NULL, "gzip page: %s", t ? t : "(null)");
    copydesk_doc_free(doc);
}

int main(void)
{
    test_one_call();
    test_full_path();
    test_null_tolerance();
    test_allocator();
    test_warnings_and_bytes();
    return cd_t_done();
}
