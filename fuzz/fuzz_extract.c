/* fuzz/fuzz_extract: the whole public pipeline, every entry point and format.
 *
 * Byte 0 picks the options (COPYDESK_OPT_* bits 0-4; the input size's two low
 * bits add KEEP_PARTS and EXPLAIN), whether a URL (and a reference time) is set,
 * and whether allocations start failing (byte 1 says after how many), so the
 * out-of-memory paths are explored too. The rest is the page. For each page:
 * the full path (new -> set_url/source -> parse -> every accessor -> render
 * text, Markdown, JSON -> reset -> parse again, which must render the same
 * text) and the one-call path in all three formats. Every output must be
 * NUL-terminated, valid UTF-8 of its reported length with no NUL inside, and
 * everything is freed on every path (LeakSanitizer checks). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "copydesk.h"
#include "util/utf8.h"

static const char *const S_urls[] = {"https://example.com/news/2024/story.html?id=1#top",
                                     "http://a/b/c/d;p?q", "file:///tmp/x.html", "not a url"};

/* An allocator that fails after a budget of calls (when armed). */
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

static void S_check(const char *s, size_t n)
{
    if (!s) return;
    if (s[n] != '\0' || memchr(s, '\0', n)) abort();
    if (cd_utf8_valid_prefix((const unsigned char *)s, n) != n) abort();
}

static void S_check_field(const char *s, size_t n)
{
    if (s && strlen(s) != n) abort();
    S_check(s, n);
}

static void S_accessors(copydesk_doc *doc)
{
    size_t n = 0;
    S_check_field(copydesk_doc_title(doc, &n), n);
    S_check_field(copydesk_doc_date_published(doc, &n), n);
    S_check_field(copydesk_doc_site_name(doc, &n), n);
    S_check_field(copydesk_doc_language(doc, &n), n);
    S_check_field(copydesk_doc_url(doc, &n), n);
    S_check_field(copydesk_doc_charset(doc, &n), n);
    for (size_t i = 0; i <= copydesk_doc_author_count(doc); i++)
        S_check_field(copydesk_doc_author(doc, i, &n), n);
    S_check_field(copydesk_doc_deck(doc, &n), n);
    S_check_field(copydesk_doc_section(doc, &n), n);
    S_check_field(copydesk_doc_image_url(doc, &n), n);
    S_check_field(copydesk_doc_image_caption(doc, &n), n);
    S_check_field(copydesk_doc_image_credit(doc, &n), n);
    S_check_field(copydesk_doc_credit(doc, &n), n);
    S_check_field(copydesk_doc_dateline(doc, &n), n);
    for (size_t i = 0; i <= copydesk_doc_tag_count(doc); i++)
        S_check_field(copydesk_doc_tag(doc, i, &n), n);
    static const char *const fields[] = {"title", "authors", "date_published", "date_modified",
                                         "deck", "section", "image", "credit", "dateline", "tags",
                                         "nonsense"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        const char *src = copydesk_doc_field_source(doc, fields[i]);
        if (src) S_check_field(src, strlen(src));
    }
    for (size_t i = 0; i <= copydesk_doc_warning_count(doc); i++)
        (void)copydesk_doc_warning(doc, i, &n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2) return 0;
    unsigned options = data[0] & 0x1Fu;
    if (size & 1) options |= COPYDESK_OPT_KEEP_PARTS;
    if (size & 2) options |= COPYDESK_OPT_EXPLAIN;
    int with_url = (data[0] >> 5) & 1;
    int failing = (data[0] >> 6) == 3;
    const char *url = S_urls[data[1] & 3];
    long budget = (long)(data[1] >> 2) * 8;
    const char *html = (const char *)data + 2;
    size_t len = size - 2;

    S_budget = failing ? budget : -1;
    copydesk_doc *doc =
        failing ? copydesk_doc_new_with_mem(options, &S_failing) : copydesk_doc_new(options);
    if (!doc) {
        if (!failing) abort();
        S_budget = -1;
        return 0;
    }
    if (with_url) {
        copydesk_doc_set_url(doc, url, strlen(url));
        copydesk_doc_set_reference_time(doc, 1415293200LL);
    }
    copydesk_doc_set_source(doc, "fuzz\"input\".html", 17);
    copydesk_status st = copydesk_doc_parse(doc, html, len);
    char *text1 = NULL;
    size_t text1_len = 0;
    if (st == COPYDESK_OK) {
        S_accessors(doc);
        for (int f = 0; f < 3; f++) {
            size_t n = 0;
            copydesk_status rs;
            const char *r = copydesk_doc_render(doc, (copydesk_format)f, &n, &rs);
            if (!r && rs != COPYDESK_ERR_NOMEM) abort();
            S_check(r, n);
        }
        size_t n = 0;
        const char *t = copydesk_doc_text(doc, &n);
        S_check(t, n);
        /* The body (the text format opens with the head since issue #15). */
        if (t && !failing) {
            text1 = malloc(n + 1);
            if (text1) {
                memcpy(text1, t, n);
                text1[n] = '\0';
                text1_len = n;
            }
        }
    } else if (copydesk_doc_render(doc, COPYDESK_FORMAT_TEXT, NULL, NULL)) {
        abort(); /* nothing to render after a failed parse */
    }

    /* The same page again on the reset document must render the same text. */
    copydesk_doc_reset(doc);
    if (with_url) {
        copydesk_doc_set_url(doc, url, strlen(url));
        copydesk_doc_set_reference_time(doc, 1415293200LL);
    }
    st = copydesk_doc_parse(doc, html, len);
    if (st == COPYDESK_OK && text1) {
        size_t n = 0;
        const char *t = copydesk_doc_text(doc, &n);
        if (!t || n != text1_len || memcmp(t, text1, n) != 0) abort();
    }
    free(text1);
    copydesk_doc_free(doc);
    S_budget = -1;

    if (!failing) {
        for (int f = 0; f < 3; f++) {
            size_t n = 0;
            copydesk_status rs;
            char *r = copydesk_extract(html, len, with_url ? url : NULL, (copydesk_format)f,
                                       options, &n, &rs);
            if (!r && rs == COPYDESK_OK) abort();
            S_check(r, n);
            copydesk_free(r);
        }
    }
    return 0;
}
