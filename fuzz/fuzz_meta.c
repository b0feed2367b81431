/* fuzz/fuzz_meta: the metadata stage boundary (src/meta/).
 *
 * The first byte picks the target: even -> the input (its valid UTF-8 prefix)
 * is parsed as HTML and read by cd_meta_read (with a URL when bit 1 is set);
 * odd -> the input goes straight to the JSON-LD reader and to the date
 * normaliser (whole and search modes, every dayfirst setting), the URL date
 * reader and the ISO 8601 time-stamp reader (util/isotime.c). Every string produced must be valid, NUL-terminated UTF-8; the
 * arena, tree and parser are released on every path. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "meta/authors.h"
#include "meta/cand.h"
#include "meta/dates.h"
#include "meta/jsonld.h"
#include "meta/meta.h"
#include "parse/parse.h"
#include "util/isotime.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void S_check(const char *s)
{
    if (!s)
        return;
    size_t n = strlen(s);
    if (cd_utf8_valid_prefix((const unsigned char *)s, n) != n)
        abort();
}

static void S_check_meta(const cd_meta *m)
{
    S_check(m->title);
    S_check(m->date_published);
    S_check(m->date_modified);
    S_check(m->site_name);
    S_check(m->language);
    S_check(m->url);
    S_check(m->description);
    S_check(m->deck);
    S_check(m->section);
    S_check(m->image_url);
    S_check(m->image_caption);
    S_check(m->image_credit);
    S_check(m->credit);
    S_check(m->dateline);
    if (m->ntags > CD_MAX_TAGS)
        abort();
    for (size_t i = 0; i < m->ntags; i++)
        S_check(m->tags[i]);
    if (m->nauthors > CD_MAX_AUTHORS)
        abort();
    for (size_t i = 0; i < m->nauthors; i++)
        S_check(m->authors[i]);
}

static void S_html(const char *s, size_t n, int with_url)
{
    cd_arena arena;
    cd_dom dom;
    cd_arena_init(&arena, cd_mem_default(), 64 * 1024);
    cd_dom_init(&dom, cd_mem_default(), &arena);
    cd_parser *p = cd_parser_new(cd_mem_default());
    if (p) {
        n = cd_utf8_valid_prefix((const unsigned char *)s, n);
        if (cd_parse_html(p, s, n, &dom) == COPYDESK_OK) {
            cd_meta m;
            /* With a URL, also a reference time for relative dates. */
            cd_meta_read_at(&m, &dom, &arena, with_url ? "https://example.com/2014/11/06/story" : NULL,
                            with_url ? 1415293200LL : 0);
            S_check_meta(&m);
        }
        cd_parser_free(p);
    }
    cd_dom_free(&dom);
    cd_arena_free(&arena);
}

static void S_direct(const char *s, size_t n)
{
    cd_arena arena;
    cd_arena_init(&arena, cd_mem_default(), 64 * 1024);
    cd_meta_ctx c;
    memset(&c, 0, sizeof c);
    c.arena = &arena;
    c.cands = cd_arena_alloc(&arena, CD_META_MAX_CANDS * sizeof *c.cands);
    if (c.cands) {
        cd_meta_jsonld(&c, s, n, 0);
        for (uint32_t i = 0; i < c.ncands; i++)
            S_check(c.cands[i].s);
    }
    char out[CD_META_DATE_LEN];
    for (int whole = 0; whole < 2; whole++)
        for (int df = -1; df <= 1; df++)
            if (cd_meta_date_norm(s, n, whole, df, out) && strlen(out) >= CD_META_DATE_LEN)
                abort();
    if (cd_meta_date_from_url(s, n, out) && strlen(out) != 10)
        abort();
    /* The time stamp reader behind --reference-time and WARC-Date. */
    long long t = -1;
    if (cd_time_parse(s, n, &t) && t < 0)
        abort();
    cd_meta m;
    memset(&m, 0, sizeof m);
    cd_meta_authors_add(&m, &arena, s, n, 0);
    cd_meta_authors_add(&m, &arena, s, n, 1);
    S_check_meta(&m);
    cd_arena_free(&arena);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    unsigned mode = data[0];
    const char *s = (const char *)data + 1;
    size--;
    if (mode & 1)
        S_direct(s, size);
    else
        S_html(s, size, (mode & 2) != 0);
    return 0;
}
