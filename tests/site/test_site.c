/* tests/site/test_site: site chrome (issue #13) -- host keys, block
 * fingerprints (token and tree side), the model (order independence,
 * merge, save/load, damage, eviction) and the extraction hook. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copydesk.h"
#include "dom/dom.h"
#include "harness.h"
#include "parse/parse.h"
#include "site/site.h"
#include "util/arena.h"

/* ---- made-up pages ---- */

static char S_page_buf[1 << 16];

/* Page i of site `host` (a canonical link names it): the same menu, a
 * newsletter box inside the article and a footer on every page, the story
 * its own. */
static const char *S_page(const char *host, int i, size_t *len)
{
    static const char *stories[] = {
        "The river rose above the old bridge overnight, and the town council met at dawn to decide "
        "whether the market square should close.",
        "A small bakery on the corner has won the regional prize for its rye bread, its owner said, "
        "after thirty years of early mornings.",
        "Engineers began replacing the tram lines along the avenue, a job the city expects to finish "
        "before the first snow arrives.",
        "The museum reopened its east wing with a collection of maps drawn by sailors who charted the "
        "northern coast by hand.",
        "Volunteers planted four hundred trees along the canal path, which had been bare since the "
        "storm of last spring.",
        "The library will stay open late on weekdays from next month, giving students a quiet place "
        "to work through the exam season.",
    };
    const char *s = stories[i % 6];
    int n = snprintf(S_page_buf, sizeof S_page_buf,
                     "<!doctype html><html><head><title>Story %d</title>"
                     "<link rel=\"canonical\" href=\"https://www.%s/news/%d\"></head><body>"
                     "<div class=\"menu\"><a href=\"/\">Home</a> <a href=\"/world\">World</a> "
                     "<a href=\"/sport\">Sport</a></div>"
                     "<div class=\"story\"><h1>Headline number %c</h1>"
                     "<p>%s %s</p><p>%s</p>"
                     "<div class=\"note\"><p>Get our morning briefing delivered to your inbox every "
                     "weekday, free of charge, with the stories that matter.</p></div>"
                     "<p>%s</p></div>"
                     "<div class=\"foot\"><p>Copyright the Example Gazette, all rights reserved.</p></div>"
                     "</body></html>",
                     i, host, i, 'A' + i % 26, s, s, stories[(i + 1) % 6], stories[(i + 2) % 6]);
    *len = (size_t)n;
    return S_page_buf;
}

static char *S_save(const copydesk_sites *m, size_t *n)
{
    copydesk_status st;
    char *s = copydesk_sites_save(m, n, &st);
    OK(s != NULL && st == COPYDESK_OK, "");
    return s;
}

static int S_same(const copydesk_sites *a, const copydesk_sites *b)
{
    size_t na, nb;
    char *x = S_save(a, &na), *y = S_save(b, &nb);
    int same = x && y && na == nb && memcmp(x, y, na) == 0;
    copydesk_free(x);
    copydesk_free(y);
    return same;
}

static void S_observe(copydesk_sites *m, const char *host, int i)
{
    size_t n;
    const char *p = S_page(host, i, &n);
    INT_EQ(copydesk_sites_observe(m, p, n, NULL, NULL), COPYDESK_OK, "");
}

/* ---- host keys ---- */

static void test_domain(void)
{
    char out[CD_SITE_HOSTLEN];
    const char *u = "https://News.BBC.co.uk:443/news/x";
    OK(cd_site_domain(u, strlen(u), out) > 0, "");
    STR_EQ(out, "bbc.co.uk", "");
    u = "http://www.example.com/a?b";
    cd_site_domain(u, strlen(u), out);
    STR_EQ(out, "example.com", "");
    u = "//m.example.org";
    cd_site_domain(u, strlen(u), out);
    STR_EQ(out, "example.org", "");
    u = "https://user@blog.example.com.au/x";
    cd_site_domain(u, strlen(u), out);
    STR_EQ(out, "example.com.au", "");
    u = "http://localhost/x";
    INT_EQ(cd_site_domain(u, strlen(u), out), 0, "");
    u = "http://10.0.0.1/x";
    cd_site_domain(u, strlen(u), out);
    STR_EQ(out, "10.0.0.1", "");
    u = "http:///x";
    INT_EQ(cd_site_domain(u, strlen(u), out), 0, "");
}

static void test_host_key(void)
{
    cd_site_hostinfo hi;
    char out[CD_SITE_HOSTLEN];
    memset(&hi, 0, sizeof hi);
    INT_EQ(cd_site_host_key(NULL, &hi, out), 0, "");
    strcpy(hi.sitename, "the gazette");
    cd_site_host_key(NULL, &hi, out);
    STR_EQ(out, "name:the gazette", "");
    strcpy(hi.rss, "feeds.example.net");
    cd_site_host_key(NULL, &hi, out);
    STR_EQ(out, "feeds.example.net", "");
    hi.nlinks = 10;
    hi.ndom = 2;
    strcpy(hi.dom[0].name, "other.com");
    hi.dom[0].n = 2;
    strcpy(hi.dom[1].name, "links.com");
    hi.dom[1].n = 7;
    cd_site_host_key(NULL, &hi, out);
    STR_EQ(out, "links.com", "");
    strcpy(hi.canonical, "canon.org");
    cd_site_host_key(NULL, &hi, out);
    STR_EQ(out, "canon.org", "");
    cd_site_host_key("https://www.given.com/x", &hi, out);
    STR_EQ(out, "given.com", "");
}

/* ---- fingerprints: the token and the tree side agree ---- */

typedef struct S_fps {
    uint32_t fp[256];
    uint32_t n;
} S_fps;

static void S_on(void *ctx, const cd_site_block *b)
{
    S_fps *v = ctx;
    if (v->n < 256)
        v->fp[v->n++] = b->fp;
}

static void test_agree(void)
{
    const char *pages[] = {
        "<p>One <b>two</b><p>Three<div class=x>Four 12<ul><li>a b<li>c d</ul></div>",
        "<table><tr><td>Cell one<td>Cell two<tr><td>Cell three</table><p>After it",
        ("<html><head><title>T</title><style>p{}</style></head><body><h1>Head line</h1>"
         "<h2>Sub line<h3>Third</h3><script>var x = '<p>no</p>';</script><p>Text</body>"),
        "<svg><text>in svg</text></svg><p>para one</p><unknown-el>custom text</unknown-el><hr>tail words",
    };
    const cd_mem *mem = cd_mem_default();
    cd_site_scanner *sc = cd_site_scanner_new(mem);
    cd_parser *ps = cd_parser_new(mem);
    cd_arena arena;
    cd_arena_init(&arena, mem, 1 << 16);
    cd_dom dom;
    cd_dom_init(&dom, mem, &arena);
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        S_fps a = {{0}, 0}, b = {{0}, 0};
        OK(cd_site_scan_html(sc, pages[i], strlen(pages[i]), S_on, &a, NULL), "");
        cd_dom_reset(&dom);
        cd_arena_reset(&arena);
        cd_parse_html(ps, pages[i], strlen(pages[i]), &dom);
        cd_site_scan_tree(&dom, S_on, &b, NULL);
        INT_EQ(a.n, b.n, "page %zu", i);
        OK(a.n == b.n && memcmp(a.fp, b.fp, a.n * sizeof a.fp[0]) == 0, "page %zu", i);
    }
    /* Digits fold, case folds, white space folds; the path counts. */
    S_fps x = {{0}, 0}, y = {{0}, 0}, z = {{0}, 0};
    const char *p1 = "<div class=a><p>Updated 12:30  Today</p></div>";
    const char *p2 = "<div class=a><p>updated 9:05 today</p></div>";
    const char *p3 = "<div class=b><p>Updated 12:30 Today</p></div>";
    cd_site_scan_html(sc, p1, strlen(p1), S_on, &x, NULL);
    cd_site_scan_html(sc, p2, strlen(p2), S_on, &y, NULL);
    cd_site_scan_html(sc, p3, strlen(p3), S_on, &z, NULL);
    OK(x.n == 1 && y.n == 1 && z.n == 1 && x.fp[0] == y.fp[0] && x.fp[0] != z.fp[0], "");
    cd_dom_free(&dom);
    cd_arena_free(&arena);
    cd_parser_free(ps);
    cd_site_scanner_free(sc);
}

/* ---- the tree's host alone (cd_site_tree_host) is the full walk's ---- */

static void test_tree_host(void)
{
    const char *pages[] = {
        ("<html><head><link rel=canonical href='https://www.one.com/a'><meta property=og:site_name "
         "content='  The   One '></head><body><a href='https://two.org/x'>x</a><a href=/rel>r</a>"
         "<link rel=canonical href='http://late.net/b'></body></html>"),
        ("<p><a href='https://a.co.uk/1'>1</a><a href='//a.co.uk/2'>2</a><a href='https://b.com/'>b</a>"
         "<svg><a href='https://c.com/'>in svg</a></svg><table><tr><td><a href='https://a.co.uk/3'>3</a>"
         "</table><link rel=alternate type='application/rss+xml' href='https://feeds.d.com/rss'>"),
        ("<base href='https://base.example/'><meta name=og:url content='https://og.example/p'>"
         "<div><div><span><a href='https://deep.example/'>deep</a></span></div></div>"),
        "",
        "just text, no elements",
    };
    const cd_mem *mem = cd_mem_default();
    cd_parser *ps = cd_parser_new(mem);
    cd_arena arena;
    cd_arena_init(&arena, mem, 1 << 16);
    cd_dom dom;
    cd_dom_init(&dom, mem, &arena);
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        cd_site_hostinfo a, b;
        S_fps v = {{0}, 0};
        cd_dom_reset(&dom);
        cd_arena_reset(&arena);
        cd_parse_html(ps, pages[i], strlen(pages[i]), &dom);
        memset(&a, 0x5a, sizeof a);
        memset(&b, 0xa5, sizeof b);
        cd_site_scan_tree(&dom, S_on, &v, &a);
        cd_site_tree_host(&dom, &b);
        /* tree_host stops at the first canonical domain: the same key. */
        char ka[CD_SITE_HOSTLEN], kb[CD_SITE_HOSTLEN];
        cd_site_host_key(NULL, &a, ka);
        cd_site_host_key(NULL, &b, kb);
        STR_EQ(ka, kb, "page %zu", i);
        STR_EQ(a.canonical, b.canonical, "page %zu", i);
        if (!a.canonical[0])
            OK(memcmp(&a, &b, sizeof a) == 0, "page %zu: without a canonical, all of it", i);
    }
    /* The walk saw them: the first canonical wins, and nothing after it is
     * read (the og:site_name and the links after it would not change the key). */
    cd_site_hostinfo h;
    cd_dom_reset(&dom);
    cd_arena_reset(&arena);
    cd_parse_html(ps, pages[0], strlen(pages[0]), &dom);
    cd_site_tree_host(&dom, &h);
    STR_EQ(h.canonical, "one.com", "");
    STR_EQ(h.sitename, "", "");
    INT_EQ(h.nlinks, 0, "");
    cd_dom_reset(&dom);
    cd_arena_reset(&arena);
    cd_parse_html(ps, pages[1], strlen(pages[1]), &dom);
    cd_site_tree_host(&dom, &h);
    STR_EQ(h.canonical, "", "");
    STR_EQ(h.rss, "d.com", "");
    INT_EQ(h.nlinks, 4, "");
    cd_dom_free(&dom);
    cd_arena_free(&arena);
    cd_parser_free(ps);
}

/* ---- the counting pass's key (copydesk_sites_host) is observe's ---- */

static void S_noop(void *ctx, const cd_site_block *b)
{
    (void)ctx;
    (void)b;
}

static void test_host_scan(void)
{
    /* Each page: its bytes, the URL given (or NULL), the key expected. The
     * reading stops at the first canonical: what comes before it must be
     * read exactly as the full scan reads it (script, textarea, comments,
     * foreign content hide tags; a relative or hostless canonical is not
     * one), and a page without one needs all of its links. */
    static const struct {
        const char *html, *url, *key;
    } pages[] = {
        {"<link rel=canonical href='https://www.one.com/a'><p>Some text here</p>"
         "<link rel=canonical href='https://late.net/'>",
         NULL, "one.com"},
        {"<script>var s = \"<link rel=canonical href='https://script.com/'>\";</script>"
         "<link rel=canonical href='https://real.com/'><p>Text of it</p>",
         NULL, "real.com"},
        {"<textarea><meta property=og:url content='https://area.com/'></textarea>"
         "<!-- <base href='https://comment.com/'> --><p>Body text</p>"
         "<meta property=og:url content='https://news.og.co.uk/x'>",
         NULL, "og.co.uk"},
        {"<link rel=canonical href='/relative'><link rel=canonical href='https://localhost/'>"
         "<base href='https://base.org/'><p>Body text</p>",
         NULL, "base.org"},
        {"<p><a href='https://links.com/1'>one</a> <a href='https://links.com/2'>two</a>"
         " <a href='//links.com/3'>three</a> <a href='https://other.net/'>x</a></p>",
         NULL, "links.com"},
        {"<svg><style><link rel=canonical href='https://svg.com/'></style></svg>"
         "<style><link rel=canonical href='https://style.com/'></style><p>Words here</p>"
         "<meta property=og:site_name content='  Site   Name '>",
         NULL, "svg.com"},
        {"<p>Words of a page with no host at all</p>", NULL, ""},
        {"<link rel=canonical href='https://page.com/'><p>Body text</p>", "http://www.given.com/a", "given.com"},
        {"<p>Body text</p>", "not a url", ""},
    };
    const cd_mem *mem = cd_mem_default();
    cd_site_scanner *sc = cd_site_scanner_new(mem);
    copydesk_sites *scratch = copydesk_sites_new();
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        const char *h = pages[i].html;
        char k1[CD_SITE_HOSTLEN], k2[COPYDESK_SITES_KEY_MAX];
        cd_site_hostinfo hi;
        OK(cd_site_scan_html(sc, h, strlen(h), S_noop, NULL, &hi), "page %zu", i);
        cd_site_host_key(pages[i].url, &hi, k1);
        INT_EQ(copydesk_sites_host(scratch, h, strlen(h), pages[i].url, NULL, k2, sizeof k2), COPYDESK_OK,
               "page %zu", i);
        STR_EQ(k2, k1, "page %zu: the full scan's key", i);
        STR_EQ(k2, pages[i].key, "page %zu", i);
        /* observe files the page under that key */
        copydesk_sites *m = copydesk_sites_new();
        INT_EQ(copydesk_sites_observe(m, h, strlen(h), pages[i].url, NULL), COPYDESK_OK, "page %zu", i);
        INT_EQ(copydesk_sites_host_pages(m, k2), k2[0] ? 1 : 0, "page %zu", i);
        INT_EQ(copydesk_sites_hosts(m), k2[0] ? 1 : 0, "page %zu", i);
        copydesk_sites_free(m);
    }
    INT_EQ(copydesk_sites_hosts(scratch), 0, "the scratch model learned nothing");
    char k[COPYDESK_SITES_KEY_MAX];
    INT_EQ(copydesk_sites_host(scratch, "x", 1, NULL, NULL, k, 8), COPYDESK_ERR_ARG, "a short buffer");
    INT_EQ(copydesk_sites_host(NULL, "x", 1, NULL, NULL, k, sizeof k), COPYDESK_ERR_ARG, "");
    INT_EQ(copydesk_sites_host(scratch, "", 0, NULL, NULL, k, sizeof k), COPYDESK_ERR_EMPTY, "");
    INT_EQ(copydesk_sites_host_pages(NULL, "one.com"), 0, "");

    /* The start of a page alone (copydesk_sites_host_head). */
    static char big[8192];
    const char *top = "<html><head><title>A page</title><link rel=canonical href='https://www.head.com/a'>";
    memset(big, ' ', sizeof big);
    memcpy(big, top, strlen(top));
    INT_EQ(copydesk_sites_host_head(scratch, big, sizeof big, k, sizeof k), 1, "canonical in a plain start");
    STR_EQ(k, "head.com", "");
    INT_EQ(copydesk_sites_host_head(scratch, big, 4095, k, sizeof k), 0, "fewer bytes than the UTF-16 guess reads");
    /* A tag cut by the end of the head is not read: a longer head may tell. */
    memset(big, ' ', sizeof big);
    memcpy(big + sizeof big - 40, "<link rel=canonical href='https://cut.co", 40);
    INT_EQ(copydesk_sites_host_head(scratch, big, sizeof big, k, sizeof k), -1, "a cut tag");
    STR_EQ(k, "", "");
    memcpy(big + sizeof big - 40, "<base href=https://cut.com/ target=x   ", 39);
    INT_EQ(copydesk_sites_host_head(scratch, big, sizeof big, k, sizeof k), -1, "a cut tag (unquoted)");
    /* Non-ASCII bytes before the canonical: read as every charset the page
     * may have would read them (docs/sites.md); when the start decides, the
     * key is the whole page's. */
    memset(big, ' ', sizeof big);
    memcpy(big, "<title>caf\xc3\xa9</title>", 20);
    memcpy(big + 100, top, strlen(top));
    INT_EQ(copydesk_sites_host_head(scratch, big, sizeof big, k, sizeof k), 1, "non-ASCII first");
    STR_EQ(k, "head.com", "");
    {
        char kf[COPYDESK_SITES_KEY_MAX];
        static const struct {
            const char *start; /* then spaces to 8 KiB, then a late canonical */
            int want;          /* host_head: 1, 0 or -1 */
        } hard[] = {
            /* text only: every charset reads the tags alike */
            {"<meta charset=utf-8><title>\xe6\x97\xa5\xe6\x9c\xac caf\xc3\xa9 na\xefve</title>"
             "<link rel=canonical href='https://a.com/x'>", 1},
            {"\xef\xbb\xbf<title>\xe6\x97\xa5\xe6\x9c\xac</title><link rel=canonical href='https://a.com/'>", 1},
            {"<meta charset=windows-1251><title>\xcf\xf0\xe8\xe2\xe5\xf2</title><meta property=og:url "
             "content='https://a.com/'>", 1},
            /* euc-kr's decoder drops the byte after A2 E8: here the '<' of the
             * first canonical, so the page's key is the late one */
            {"<meta charset=euc-kr><title>x</title>\xa2\xe8<link rel=canonical href='https://a.com/'>", 0},
            {"<title>x</title>\xa2\xe8<link rel=canonical href='https://a.com/'>", 0},
            /* gbk, big5, shift_jis and euc-kr take the letter after UTF-8's
             * "\xe2\x80\x99" (99 73 is one character): that letter is no
             * token's first, so the start decides without converting it whole */
            {"<title>it\xe2\x80\x99s caf\xc3\xa9s</title><link rel=canonical href='https://a.com/'>", 1},
            {"<link rel='\xe2\x80\x99" "canonical' href='https://a.com/'><link rel=canonical href='https://b.com/'>",
             1},
            /* a multi-byte charset may take a letter after a non-ASCII byte */
            {"<meta charset=shift_jis><link \x82rel=canonical href='https://a.com/'>", 0},
            {"<meta charset=utf-8><link rel=canonical \x82href='https://a.com/'>", 0},
            /* non-ASCII in the URL, in a tag name */
            {"<link rel=canonical href='https://caf\xc3\xa9.com/'>", 0},
            {"<meta property=og:url content='https://a.com\xc3\xa9/'><link rel=canonical href='https://b.com/'>", 0},
            {"<x\xc3\xa9></x\xc3\xa9><link rel=canonical href='https://a.com/'>", 0},
            /* a control byte after the non-ASCII ones */
            {"<title>caf\xc3\xa9\x01</title><link rel=canonical href='https://a.com/'>", 0},
            /* a UTF-16 byte order mark */
            {"\xff\xfe<link rel=canonical href='https://a.com/'>", 0},
            /* no canonical in the start yet */
            {"<title>caf\xc3\xa9</title>", -1},
        };
        for (size_t i = 0; i < sizeof hard / sizeof hard[0]; i++) {
            memset(big, ' ', sizeof big);
            memcpy(big, hard[i].start, strlen(hard[i].start));
            const char *late = "<link rel=canonical href='https://late.com/'>";
            memcpy(big + sizeof big - 100, late, strlen(late));
            int r = copydesk_sites_host_head(scratch, big, sizeof big - 200, k, sizeof k);
            INT_EQ(r, hard[i].want, "hard start %zu", i);
            INT_EQ(copydesk_sites_host(scratch, big, sizeof big, NULL, NULL, kf, sizeof kf), COPYDESK_OK,
                   "hard start %zu", i);
            if (r == 1)
                STR_EQ(k, kf, "hard start %zu: the whole page's key", i);
            else
                STR_EQ(k, "", "hard start %zu", i);
        }
    }
    /* A NUL among the first 4096 bytes (UTF-16 may be guessed). */
    memset(big, ' ', sizeof big);
    memcpy(big, top, strlen(top));
    big[3000] = '\0';
    INT_EQ(copydesk_sites_host_head(scratch, big, sizeof big, k, sizeof k), 0, "a NUL");
    /* The same key as the whole page's, past a script hiding a tag. */
    memset(big, ' ', sizeof big);
    const char *hid = "<script>document.write(\"<link rel=canonical href='https://no.com/'>\")</script>"
                      "<link rel=canonical href='https://yes.com/'>";
    memcpy(big, hid, strlen(hid));
    INT_EQ(copydesk_sites_host_head(scratch, big, sizeof big, k, sizeof k), 1, "");
    STR_EQ(k, "yes.com", "");
    char kfull[COPYDESK_SITES_KEY_MAX];
    INT_EQ(copydesk_sites_host(scratch, big, sizeof big, NULL, NULL, kfull, sizeof kfull), COPYDESK_OK, "");
    STR_EQ(kfull, k, "the whole page's key");
    copydesk_sites_free(scratch);
    cd_site_scanner_free(sc);
}

/* ---- the model ---- */

static void test_model(void)
{
    copydesk_sites *a = copydesk_sites_new(), *b = copydesk_sites_new(), *c = copydesk_sites_new();
    INT_EQ(copydesk_sites_hosts(a), 0, "");
    INT_EQ(copydesk_sites_hosts(NULL), 0, "");
    INT_EQ(copydesk_sites_observe(a, "", 0, NULL, NULL), COPYDESK_ERR_EMPTY, "");
    INT_EQ(copydesk_sites_observe(NULL, "x", 1, NULL, NULL), COPYDESK_ERR_ARG, "");
    /* Order independence. */
    for (int i = 0; i < 5; i++)
        S_observe(a, "gazette.example", i);
    S_observe(a, "other.example", 0);
    S_observe(b, "other.example", 0);
    for (int i = 4; i >= 0; i--)
        S_observe(b, "gazette.example", i);
    INT_EQ(copydesk_sites_hosts(a), 2, "");
    INT_EQ(copydesk_sites_pages(a), 6, "");
    OK(S_same(a, b), "observe order");
    /* The same page twice is one page. */
    S_observe(b, "gazette.example", 3);
    INT_EQ(copydesk_sites_pages(b), 6, "");
    /* Merge: split batches combine to the whole, in any order. */
    copydesk_sites *d = copydesk_sites_new();
    for (int i = 0; i < 2; i++)
        S_observe(c, "gazette.example", i);
    for (int i = 2; i < 5; i++)
        S_observe(d, "gazette.example", i);
    S_observe(d, "other.example", 0);
    INT_EQ(copydesk_sites_merge(c, d), COPYDESK_OK, "");
    OK(S_same(a, c), "merge");
    INT_EQ(copydesk_sites_merge(c, c), COPYDESK_OK, "");
    OK(S_same(a, c), "merge with itself");
    /* Save and load. */
    size_t n;
    char *s = S_save(a, &n);
    copydesk_sites *e = copydesk_sites_new();
    INT_EQ(copydesk_sites_load(e, s, n), COPYDESK_OK, "");
    OK(S_same(a, e), "load");
    INT_EQ(copydesk_sites_load(e, s, n), COPYDESK_OK, ""); /* loading twice merges */
    OK(S_same(a, e), "load twice");
    /* Damage: every truncation and a flipped byte anywhere are refused,
     * leaving the model unchanged. */
    copydesk_sites *f = copydesk_sites_new();
    for (size_t k = 0; k < n; k += 1 + n / 97) {
        INT_EQ(copydesk_sites_load(f, s, k), COPYDESK_ERR_ARG, "truncated at %zu", k);
        s[k] ^= 0x20;
        INT_EQ(copydesk_sites_load(f, s, n), COPYDESK_ERR_ARG, "byte %zu", k);
        s[k] ^= 0x20;
    }
    INT_EQ(copydesk_sites_hosts(f), 0, "");
    /* A newer version is refused. */
    s[8] = 3;
    INT_EQ(copydesk_sites_load(f, s, n), COPYDESK_ERR_ARG, "");
    INT_EQ(copydesk_sites_load(f, "CDSITES\n", 8), COPYDESK_ERR_ARG, "");
    INT_EQ(copydesk_sites_load(f, NULL, 0), COPYDESK_ERR_ARG, "");
    copydesk_free(s);
    /* An empty model saves and loads. */
    copydesk_sites *g = copydesk_sites_new();
    s = S_save(g, &n);
    INT_EQ(copydesk_sites_load(f, s, n), COPYDESK_OK, "");
    INT_EQ(copydesk_sites_hosts(f), 0, "");
    copydesk_free(s);
    OK(copydesk_sites_bytes(a) > 0 && copydesk_sites_bytes(NULL) == 0, "");
    copydesk_sites_free(a);
    copydesk_sites_free(b);
    copydesk_sites_free(c);
    copydesk_sites_free(d);
    copydesk_sites_free(e);
    copydesk_sites_free(f);
    copydesk_sites_free(g);
    copydesk_sites_free(NULL);
}

/* A host keeps CD_SITE_K pages: the same ones whatever the order. */
/* A URL that names the host decides the key before the page is read (the
 * page's hints are then not read: the CLI's second round gives the counted
 * key so): the model is the one the page's own canonical link gives. */
static void test_observe_url(void)
{
    copydesk_sites *a = copydesk_sites_new(), *b = copydesk_sites_new(), *c = copydesk_sites_new();
    OK(a && b && c, "");
    for (int i = 0; i < 4; i++) {
        size_t n;
        const char *p = S_page("example.org", i, &n);
        INT_EQ(copydesk_sites_observe(a, p, n, NULL, NULL), COPYDESK_OK, "page %d", i);
        INT_EQ(copydesk_sites_observe(b, p, n, "http://example.org/", NULL), COPYDESK_OK, "page %d", i);
        INT_EQ(copydesk_sites_observe(c, p, n, "http://news.example.net/x", NULL), COPYDESK_OK, "page %d", i);
    }
    OK(S_same(a, b), "the key as URL gives the same model");
    INT_EQ((int)copydesk_sites_host_pages(b, "example.org"), 4, "");
    INT_EQ((int)copydesk_sites_host_pages(c, "example.net"), 4, "another URL: filed under it");
    INT_EQ((int)copydesk_sites_host_pages(c, "example.org"), 0, "");
    copydesk_sites_free(a);
    copydesk_sites_free(b);
    copydesk_sites_free(c);
}

/* S_page(host, i) with the <title> title. */
static const char *S_titled(const char *host, int i, const char *title, size_t *len)
{
    static char buf[sizeof S_page_buf + 256];
    size_t n;
    const char *p = S_page(host, i, &n);
    const char *o = strstr(p, "<title>") + 7, *e = strstr(p, "</title>");
    int k = snprintf(buf, sizeof buf, "%.*s%s%s", (int)(o - p), p, title, e);
    *len = (size_t)k;
    return buf;
}

/* Each sampled page's <title> hash (model version 2, h/hostfields). */
static void test_titles(void)
{
    const char *a = "<html><head><TITLE>  The Evening\n Wire </title>", *b = "<title id=x>the evening wire</TITLE>";
    uint32_t ha = cd_site_title_hash(a, strlen(a));
    OK(ha != 0 && ha == cd_site_title_hash(b, strlen(b)), "case and white space folded");
    OK(ha != cd_site_title_hash("<title>The Evening Wire 2</title>", 33), "");
    INT_EQ((int)cd_site_title_hash("<titles>x</titles>", 18), 0, "another element");
    INT_EQ((int)cd_site_title_hash("<title> </title>", 16), 0, "empty");
    INT_EQ((int)cd_site_title_hash("<title>cut", 10), 0, "no end");
    INT_EQ((int)cd_site_title_hash(NULL, 0), 0, "");
    copydesk_sites *m = copydesk_sites_new(), *r = copydesk_sites_new();
    size_t n;
    for (int i = 0; i < 4; i++) {
        const char *p = S_titled("example.org", i, "The Evening Wire", &n);
        INT_EQ(copydesk_sites_observe(m, p, n, NULL, NULL), COPYDESK_OK, "");
        p = S_titled("example.org", 3 - i, "The Evening Wire", &n);
        INT_EQ(copydesk_sites_observe(r, p, n, NULL, NULL), COPYDESK_OK, "");
    }
    const cd_site_host *h = cd_site_find(m, "example.org", 11);
    uint32_t tw = cd_site_title_hash("<title>the evening wire</title>", 31);
    INT_EQ((int)cd_site_titles(h, tw), 4, "");
    INT_EQ((int)cd_site_titles(h, 0), 0, "no title counts for none");
    OK(S_same(m, r), "observe order");
    /* The same page (the same blocks) under two titles keeps the smaller,
     * whatever the order, and so does a merge. */
    copydesk_sites *x = copydesk_sites_new(), *y = copydesk_sites_new(), *z = copydesk_sites_new();
    const char *t1 = "First title", *t2 = "Second title";
    const char *p = S_titled("example.org", 0, t1, &n);
    INT_EQ(copydesk_sites_observe(x, p, n, NULL, NULL), COPYDESK_OK, "");
    INT_EQ(copydesk_sites_observe(z, p, n, NULL, NULL), COPYDESK_OK, "");
    p = S_titled("example.org", 0, t2, &n);
    INT_EQ(copydesk_sites_observe(x, p, n, NULL, NULL), COPYDESK_OK, "");
    INT_EQ(copydesk_sites_observe(y, p, n, NULL, NULL), COPYDESK_OK, "");
    p = S_titled("example.org", 0, t1, &n);
    INT_EQ(copydesk_sites_observe(y, p, n, NULL, NULL), COPYDESK_OK, "");
    OK(S_same(x, y), "two titles of one page: order");
    copydesk_sites *w = copydesk_sites_new();
    p = S_titled("example.org", 0, t2, &n);
    INT_EQ(copydesk_sites_observe(w, p, n, NULL, NULL), COPYDESK_OK, "");
    INT_EQ(copydesk_sites_merge(w, z), COPYDESK_OK, "");
    OK(S_same(x, w), "two titles of one page: merge");
    uint32_t h1 = cd_site_title_hash("<title>First title</title>", 26), h2 = cd_site_title_hash("<title>Second title</title>", 27);
    INT_EQ((int)cd_site_titles(cd_site_find(x, "example.org", 11), h1 < h2 ? h1 : h2), 1, "");
    copydesk_sites_free(m);
    copydesk_sites_free(r);
    copydesk_sites_free(x);
    copydesk_sites_free(y);
    copydesk_sites_free(z);
    copydesk_sites_free(w);
}

static void test_eviction(void)
{
    copydesk_sites *a = copydesk_sites_new(), *b = copydesk_sites_new(), *c = copydesk_sites_new();
    int total = CD_SITE_K + 12;
    for (int i = 0; i < total; i++)
        S_observe(a, "big.example", i);
    for (int i = total - 1; i >= 0; i--)
        S_observe(b, "big.example", i);
    for (int i = 0; i < total; i += 2)
        S_observe(c, "big.example", i);
    copydesk_sites *d = copydesk_sites_new();
    for (int i = 1; i < total; i += 2)
        S_observe(d, "big.example", i);
    INT_EQ(copydesk_sites_pages(a), CD_SITE_K, "");
    OK(S_same(a, b), "eviction order");
    INT_EQ(copydesk_sites_merge(d, c), COPYDESK_OK, "");
    OK(S_same(a, d), "eviction merge");
    copydesk_sites_free(a);
    copydesk_sites_free(b);
    copydesk_sites_free(c);
    copydesk_sites_free(d);
}

/* ---- streaming save and load ---- */

/* A reader over data[0..n) in pieces of `step` bytes (0: pieces of 1, 2, 3,
 * ... bytes), failing with an error after `fail_at` bytes (SIZE_MAX: never). */
typedef struct S_src {
    const char *data;
    size_t n, at, step, piece, fail_at;
} S_src;

static size_t S_src_read(void *ctx, void *buf, size_t len, int *err)
{
    S_src *r = ctx;
    size_t k = r->step ? r->step : ++r->piece;
    if (k > len)
        k = len;
    if (k > r->n - r->at)
        k = r->n - r->at;
    if (r->at + k > r->fail_at) {
        *err = 1;
        k = r->fail_at > r->at ? r->fail_at - r->at : 0;
    }
    memcpy(buf, r->data + r->at, k);
    r->at += k;
    return k;
}

static copydesk_status S_load_stream(copydesk_sites *m, const char *data, size_t n, size_t step, size_t fail_at)
{
    S_src r = {data, n, 0, step, 0, fail_at};
    return copydesk_sites_load_from(m, S_src_read, &r);
}

/* A writer into a growing buffer that fails with COPYDESK_ERR_IO once it
 * holds `fail_at` bytes or more. */
typedef struct S_sink {
    char *data;
    size_t n, fail_at;
    int calls;
} S_sink;

static copydesk_status S_sink_write(void *ctx, const void *buf, size_t len)
{
    S_sink *w = ctx;
    w->calls++;
    if (w->n + len > w->fail_at)
        return COPYDESK_ERR_IO;
    char *p = realloc(w->data, w->n + len);
    if (!p)
        return COPYDESK_ERR_NOMEM;
    memcpy(p + w->n, buf, len);
    w->data = p;
    w->n += len;
    return COPYDESK_OK;
}

/* Page i of `host` with 300 paragraphs of its own (letters only: digits
 * fold in fingerprints). */
static void S_observe_long(copydesk_sites *m, const char *host, int i)
{
    size_t n = (size_t)snprintf(S_page_buf, sizeof S_page_buf,
                                "<html><head><link rel=\"canonical\" href=\"https://www.%s/p\"></head><body>", host);
    unsigned x = (unsigned)i * 2654435761u + 12345u;
    for (int k = 0; k < 300 && n + 100 < sizeof S_page_buf; k++) {
        S_page_buf[n++] = '<';
        S_page_buf[n++] = 'p';
        S_page_buf[n++] = '>';
        for (int w = 0; w < 24; w++) {
            x = x * 1103515245u + 12345u;
            S_page_buf[n++] = (char)(w % 6 == 5 ? ' ' : 'a' + (x >> 16) % 26);
        }
        memcpy(S_page_buf + n, "</p>", 4);
        n += 4;
    }
    memcpy(S_page_buf + n, "</body></html>", 14);
    n += 14;
    INT_EQ(copydesk_sites_observe(m, S_page_buf, n, NULL, NULL), COPYDESK_OK, "");
}

static void test_stream(void)
{
    /* A model whose file is bigger than the streaming buffers' 64 KiB (the
     * save writes and the load reads it in several pieces): hosts of long
     * pages, one with its sample full (CD_SITE_K pages). */
    copydesk_sites *a = copydesk_sites_new();
    for (int i = 0; i < CD_SITE_K + 8; i++)
        S_observe(a, "big.example", i);
    static const char *longs[] = {"long.example", "longer.example", "longest.example", "lengthy.example"};
    for (int i = 0; i < 16; i++)
        for (int h = 0; h < 4; h++)
            S_observe_long(a, longs[h], 100 * h + i);
    for (int i = 0; i < 4; i++)
        S_observe(a, "gazette.example", i);
    S_observe(a, "other.example", 0);
    size_t n;
    char *s = S_save(a, &n);
    OK(n > 65536 + 4096, "the file (%zu bytes) spans several buffers", n);
    /* save_to: the very bytes of save (which is built on it), in pieces. */
    S_sink w = {NULL, 0, SIZE_MAX, 0};
    INT_EQ(copydesk_sites_save_to(a, S_sink_write, &w), COPYDESK_OK, "");
    OK(w.n == n && memcmp(w.data, s, n) == 0, "save_to gives save's bytes");
    free(w.data);
    /* A write error stops the save, which returns it, wherever it falls. */
    for (size_t k = 0; k < n; k += 1 + n / 7) {
        S_sink f = {NULL, 0, k, 0};
        INT_EQ(copydesk_sites_save_to(a, S_sink_write, &f), COPYDESK_ERR_IO, "write fails at %zu", k);
        OK(f.n <= k, "");
        free(f.data);
    }
    INT_EQ(copydesk_sites_save_to(NULL, S_sink_write, &w), COPYDESK_ERR_ARG, "");
    INT_EQ(copydesk_sites_save_to(a, NULL, &w), COPYDESK_ERR_ARG, "");
    /* load_from in pieces of any size gives load's model. */
    size_t steps[] = {1, 3, 8, 4096, 65536, 1 << 20, 0};
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
        copydesk_sites *b = copydesk_sites_new();
        INT_EQ(S_load_stream(b, s, n, steps[i], SIZE_MAX), COPYDESK_OK, "step %zu", steps[i]);
        OK(S_same(a, b), "load_from in pieces of %zu", steps[i]);
        copydesk_sites_free(b);
    }
    /* Into a model that holds other pages: what load gives there. */
    copydesk_sites *c = copydesk_sites_new(), *d = copydesk_sites_new();
    for (int i = 3; i < 7; i++) {
        S_observe(c, "gazette.example", i);
        S_observe(d, "gazette.example", i);
    }
    INT_EQ(copydesk_sites_load(c, s, n), COPYDESK_OK, "");
    INT_EQ(S_load_stream(d, s, n, 1000, SIZE_MAX), COPYDESK_OK, "");
    OK(S_same(c, d), "load_from into a model merges as load does");
    /* Damage, truncation, bytes after the end and read errors are refused,
     * leaving the model unchanged: an empty one and one that holds pages. */
    size_t dn;
    char *before = S_save(d, &dn);
    char *longer = malloc(n + 1);
    memcpy(longer, s, n);
    longer[n] = 0;
    copydesk_sites *e = copydesk_sites_new();
    for (size_t k = 0; k < n; k += 1 + n / 53) {
        INT_EQ(S_load_stream(e, s, k, 7, SIZE_MAX), COPYDESK_ERR_ARG, "truncated at %zu", k);
        INT_EQ(S_load_stream(d, s, k, 0, SIZE_MAX), COPYDESK_ERR_ARG, "truncated at %zu", k);
        INT_EQ(S_load_stream(e, s, n, 4096, k), COPYDESK_ERR_IO, "read error at %zu", k);
        INT_EQ(S_load_stream(d, s, n, 4096, k), COPYDESK_ERR_IO, "read error at %zu", k);
        s[k] ^= 0x20;
        INT_EQ(S_load_stream(e, s, n, 1 + k % 13, SIZE_MAX), COPYDESK_ERR_ARG, "byte %zu", k);
        INT_EQ(S_load_stream(d, s, n, 65536, SIZE_MAX), COPYDESK_ERR_ARG, "byte %zu", k);
        s[k] ^= 0x20;
    }
    INT_EQ(S_load_stream(e, longer, n + 1, 5, SIZE_MAX), COPYDESK_ERR_ARG, "a byte after the end");
    INT_EQ(S_load_stream(d, longer, n + 1, 5, SIZE_MAX), COPYDESK_ERR_ARG, "a byte after the end");
    INT_EQ(copydesk_sites_hosts(e), 0, "");
    INT_EQ(copydesk_sites_pages(e), 0, "");
    size_t an;
    char *after = S_save(d, &an);
    OK(an == dn && memcmp(before, after, dn) == 0, "damage left the model unchanged");
    INT_EQ(copydesk_sites_load_from(NULL, S_src_read, NULL), COPYDESK_ERR_ARG, "");
    INT_EQ(copydesk_sites_load_from(e, NULL, NULL), COPYDESK_ERR_ARG, "");
    /* The load takes what it is given whole: the same file twice is the
     * same model (the same set of pages). */
    INT_EQ(S_load_stream(e, s, n, 100, SIZE_MAX), COPYDESK_OK, "");
    INT_EQ(S_load_stream(e, s, n, 0, SIZE_MAX), COPYDESK_OK, "");
    OK(S_same(a, e), "loaded twice");
    copydesk_free(before);
    copydesk_free(after);
    copydesk_free(s);
    free(longer);
    copydesk_sites_free(a);
    copydesk_sites_free(c);
    copydesk_sites_free(d);
    copydesk_sites_free(e);
}

/* ---- extraction ---- */

static char *S_extract(const copydesk_sites *m, const char *host, int i, unsigned opts)
{
    copydesk_doc *doc = copydesk_doc_new(opts);
    copydesk_doc_set_sites(doc, m);
    size_t n;
    const char *p = S_page(host, i, &n);
    INT_EQ(copydesk_doc_parse(doc, p, n), COPYDESK_OK, "");
    size_t rl;
    copydesk_status st;
    const char *r = copydesk_doc_render(doc, COPYDESK_FORMAT_JSON, &rl, &st);
    char *out = r ? strdup(r) : NULL;
    copydesk_doc_free(doc);
    return out;
}

static void test_extract(void)
{
    copydesk_sites *m = copydesk_sites_new();
    for (int i = 0; i < 2; i++)
        S_observe(m, "gazette.example", i);
    /* Two pages: exactly as without a model. */
    char *off = S_extract(NULL, "gazette.example", 0, 0);
    char *on = S_extract(m, "gazette.example", 0, 0);
    OK(off && on && strcmp(off, on) == 0, "below COPYDESK_SITES_MIN_PAGES");
    OK(off && strstr(off, "morning briefing"), "the box is there without learning");
    free(on);
    for (int i = 2; i < 5; i++)
        S_observe(m, "gazette.example", i);
    on = S_extract(m, "gazette.example", 0, 0);
    OK(on && !strstr(on, "morning briefing"), "the box is site chrome");
    OK(on && strstr(on, "river rose above the old bridge"), "the story stays");
    OK(on && strstr(on, "bakery on the corner"), "the story stays");
    free(on);
    /* --explain names it. */
    on = S_extract(m, "gazette.example", 1, COPYDESK_OPT_EXPLAIN);
    OK(on && strstr(on, "site-chrome"), "explain: %s", on ? on : "");
    free(on);
    /* Another host of one page: untouched. */
    char *o1 = S_extract(NULL, "solo.example", 3, 0), *o2 = S_extract(m, "solo.example", 3, 0);
    OK(o1 && o2 && strcmp(o1, o2) == 0, "a one-page host");
    free(o1);
    free(o2);
    free(off);
    copydesk_sites_free(m);
}

/* ---- the page's host, read once for the title and the marks ---- */

static void test_page_host(void)
{
    copydesk_sites *m = copydesk_sites_new();
    for (int i = 0; i < 4; i++)
        S_observe(m, "example.org", i);
    S_observe(m, "small.net", 0);
    const cd_mem *mem = cd_mem_default();
    cd_parser *ps = cd_parser_new(mem);
    cd_arena arena;
    cd_arena_init(&arena, mem, 1 << 16);
    cd_dom dom;
    cd_dom_init(&dom, mem, &arena);
    size_t n;
    const char *p = S_page("example.org", 5, &n);
    cd_parse_html(ps, p, n, &dom);
    const cd_site_host *want = cd_site_find(m, "example.org", 11);
    OK(want != NULL, "");
    /* By the tree (its canonical link), by a URL, and a URL naming another
     * host wins over the tree. */
    OK(cd_site_page_host(m, NULL, &dom) == want, "tree");
    OK(cd_site_page_host(m, "", &dom) == want, "empty URL: tree");
    OK(cd_site_page_host(m, "https://news.example.org/x", &dom) == want, "URL");
    OK(cd_site_page_host(m, "https://small.net/x", &dom) == NULL, "a host of one page");
    OK(cd_site_page_host(m, "https://other.com/x", &dom) == NULL, "a host the model lacks");
    OK(cd_site_page_host(NULL, NULL, &dom) == NULL, "no model");
    /* No host, no evidence and no marks. */
    OK(!cd_site_title_recurs(NULL, 12345u), "");
    cd_site_marks marks;
    memset(&marks, 0, sizeof marks);
    INT_EQ(cd_site_mark(&marks, mem, NULL, &dom), COPYDESK_OK, "");
    INT_EQ(marks.on, 0, "");
    INT_EQ(cd_site_mark(&marks, mem, want, &dom), COPYDESK_OK, "");
    OK(marks.on && marks.chrome > 0, "the host's chrome marked");
    cd_site_marks_free(&marks, mem);
    cd_dom_free(&dom);
    cd_arena_free(&arena);
    cd_parser_free(ps);
    copydesk_sites_free(m);
}

int main(void)
{
    test_domain();
    test_host_key();
    test_agree();
    test_tree_host();
    test_host_scan();
    test_model();
    test_observe_url();
    test_titles();
    test_eviction();
    test_stream();
    test_extract();
    test_page_host();
    return cd_t_done();
}
