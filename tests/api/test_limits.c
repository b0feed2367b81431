/* The hard limits of src/util/limits.h at the stage boundaries, one test each
 * (docs/limits.md maps every limit to its tests; tests/pathological/ runs the
 * same shapes at full size through the CLI). Each test also checks the tree
 * with cd_dom_check and that every string kept is valid UTF-8. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "copydesk.h"
#include "dom/dom.h"
#include "harness.h"
#include "input/input.h"
#include "parse/parse.h"
#include "util/limits.h"
#include "util/utf8.h"

typedef struct S_page {
    cd_arena arena;
    cd_dom dom;
    cd_parser *parser;
} S_page;

static void S_open(S_page *pg)
{
    cd_arena_init(&pg->arena, cd_mem_default(), 64 * 1024);
    cd_dom_init(&pg->dom, cd_mem_default(), &pg->arena);
    pg->parser = cd_parser_new(cd_mem_default());
    OK(pg->parser != NULL, "parser");
}

static void S_close(S_page *pg)
{
    cd_parser_free(pg->parser);
    cd_dom_free(&pg->dom);
    cd_arena_free(&pg->arena);
}

static copydesk_status S_parse(S_page *pg, const char *html, size_t len)
{
    cd_dom_reset(&pg->dom);
    cd_arena_reset(&pg->arena);
    copydesk_status st = cd_parse_html(pg->parser, html, len, &pg->dom);
    OK(cd_dom_check(&pg->dom), "tree invariants");
    return st;
}

/* A string of n copies of s (caller frees). */
static char *S_repeat(const char *head, const char *s, size_t n, const char *tail, size_t *len)
{
    size_t hl = strlen(head), sl = strlen(s), tl = strlen(tail);
    char *out = malloc(hl + sl * n + tl + 1);
    if (!out) abort();
    memcpy(out, head, hl);
    for (size_t i = 0; i < n; i++) memcpy(out + hl + i * sl, s, sl);
    memcpy(out + hl + sl * n, tail, tl + 1);
    *len = hl + sl * n + tl;
    return out;
}

static unsigned S_depth(const cd_dom *dom, cd_nid id)
{
    unsigned d = 0;
    for (cd_nid up = dom->nodes[id].parent; up; up = dom->nodes[up].parent) d++;
    return d;
}

/* The first text node holding `needle`, or CD_NONE. */
static cd_nid S_find_text(const cd_dom *dom, const char *needle)
{
    size_t nl = strlen(needle);
    for (cd_nid id = cd_dom_root(dom); id; id = cd_dom_next(dom, id, cd_dom_root(dom))) {
        const cd_node *n = cd_dom_node(dom, id);
        if (n->type == CD_NODE_TEXT && n->len >= nl) {
            for (size_t i = 0; i + nl <= n->len; i++)
                if (!memcmp(n->u.text + i, needle, nl)) return id;
        }
    }
    return CD_NONE;
}

/* CD_MAX_PARSE_DEPTH: start tags past it never reach the tree builder
 * (a block becomes a <br>), the text inside is kept; CD_MAX_DEPTH: our tree
 * is no deeper. */
static void test_depth(void)
{
    S_page pg;
    S_open(&pg);
    size_t len;
    char *html = S_repeat("<body>", "<div>", 100000, "deep text", &len);
    INT_EQ(S_parse(&pg, html, len), COPYDESK_OK, "");
    OK(pg.dom.truncated, "deep page marked truncated");
    unsigned divs = 0;
    for (cd_nid id = 1; id < pg.dom.count; id++) divs += cd_dom_is(&pg.dom, id, CD_TAG_DIV);
    OK(divs < CD_MAX_PARSE_DEPTH, "only about CD_MAX_PARSE_DEPTH divs: %u", divs);
    cd_nid t = S_find_text(&pg.dom, "deep text");
    OK(t != CD_NONE, "text at the bottom kept");
    if (t) OK(S_depth(&pg.dom, t) <= CD_MAX_DEPTH, "depth %u", S_depth(&pg.dom, t));
    free(html);

    /* Formatting elements too (Noah's ark and reconstruction scan the stack). */
    html = S_repeat("<body>", "<b class=x>", 50000, "bold text", &len);
    INT_EQ(S_parse(&pg, html, len), COPYDESK_OK, "");
    OK(S_find_text(&pg.dom, "bold text") != CD_NONE, "bold text kept");
    free(html);

    /* Script text stays script past the limit: it never becomes visible text. */
    html = S_repeat("<body>", "<span>", 1000, "<script>var secret = 1;</script>after", &len);
    INT_EQ(S_parse(&pg, html, len), COPYDESK_OK, "");
    cd_nid s = S_find_text(&pg.dom, "var secret");
    OK(s == CD_NONE || cd_dom_is(&pg.dom, pg.dom.nodes[s].parent, CD_TAG_SCRIPT), "script text not visible");
    OK(S_find_text(&pg.dom, "after") != CD_NONE, "text after the script");
    free(html);
    /* A normal parse keeps no text of a script that is not JSON-LD (none
     * above); a JSON-LD script keeps its text, under the script. */
    html = S_repeat("<body>", "<span>", 1000, "<script type=application/ld+json>{\"secret\": 1}</script>after", &len);
    INT_EQ(S_parse(&pg, html, len), COPYDESK_OK, "");
    s = S_find_text(&pg.dom, "{\"secret\"");
    OK(s != CD_NONE && cd_dom_is(&pg.dom, pg.dom.nodes[s].parent, CD_TAG_SCRIPT), "JSON-LD script kept as script");
    OK(S_find_text(&pg.dom, "after") != CD_NONE, "text after the JSON-LD script");
    free(html);

    /* A normal page is not touched. */
    const char *ok = "<div><div><p>a <b>b</b></p></div></div>";
    INT_EQ(S_parse(&pg, ok, strlen(ok)), COPYDESK_OK, "");
    OK(!pg.dom.truncated, "shallow page not truncated");
    S_close(&pg);
}

/* CD_MAX_ATTRS and CD_MAX_ATTR_LEN (cut at a character boundary). */
static void test_attrs(void)
{
    S_page pg;
    S_open(&pg);
    size_t len;
    char *html = S_repeat("<p title=\"", "\xE2\x82\xAC", CD_MAX_ATTR_LEN, "\" a1 a2 a3>x</p>", &len);
    INT_EQ(S_parse(&pg, html, len), COPYDESK_OK, "");
    cd_nid x = S_find_text(&pg.dom, "x");
    OK(x != CD_NONE, "text");
    if (x) {
        size_t vl = 0;
        const char *v = cd_dom_attr(&pg.dom, pg.dom.nodes[x].parent, "title", &vl);
        OK(v != NULL, "title kept");
        OK(vl <= CD_MAX_ATTR_LEN && vl + 3 > CD_MAX_ATTR_LEN, "cut near the limit: %zu", vl);
        OK(v && cd_utf8_valid_prefix((const unsigned char *)v, vl) == vl, "cut value is valid UTF-8");
    }
    free(html);

    /* 4000 distinct attribute names on one tag. */
    html = malloc(4000 * 8 + 16);
    if (!html) abort();
    len = (size_t)sprintf(html, "<p ");
    for (int i = 0; i < 4000; i++) len += (size_t)sprintf(html + len, "a%04d=1 ", i);
    len += (size_t)sprintf(html + len, ">y</p>");
    INT_EQ(S_parse(&pg, html, len), COPYDESK_OK, "");
    cd_nid y = S_find_text(&pg.dom, "y");
    OK(y != CD_NONE, "text after many attributes");
    if (y) INT_EQ(pg.dom.nodes[pg.dom.nodes[y].parent].len, CD_MAX_ATTRS, "attributes kept");
    free(html);
    S_close(&pg);
}

/* CD_MAX_NODES: the tree stops growing, the page still parses. */
static void test_nodes(void)
{
    S_page pg;
    S_open(&pg);
    size_t len;
    char *html = S_repeat("<body>", "<i></i>", CD_MAX_NODES + 1000, "", &len);
    INT_EQ(S_parse(&pg, html, len), COPYDESK_OK, "");
    OK(pg.dom.truncated, "truncated");
    OK(pg.dom.count <= CD_MAX_NODES + 2, "count %u", pg.dom.count);
    free(html);
    S_close(&pg);
}

/* CD_MAX_DECODED: a small gzip stream expanding past the limit is refused. */
/* gzip (deflate with a gzip wrapper, or raw/zlib deflate by wbits) of the
 * html prefix, then fill spaces up to plain bytes, then the html suffix. */
static unsigned char *S_deflate(const char *pre, size_t plain, const char *post, int wbits, size_t *len)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    OK(deflateInit2(&z, 9, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY) == Z_OK, "deflate");
    size_t cap = 2u << 20, outlen = 0, chunk_len = 1u << 20;
    unsigned char *out = malloc(cap), *chunk = calloc(1, chunk_len);
    if (!out || !chunk) abort();
    memset(chunk, ' ', chunk_len);
    size_t fill = plain - strlen(pre) - strlen(post);
    for (int part = 0; part < 3; part++) {
        size_t todo = part == 1 ? fill : strlen(part ? post : pre);
        while (todo > 0 || part == 2) {
            size_t k = part == 1 ? (todo < chunk_len ? todo : chunk_len) : todo;
            z.next_in = part == 1 ? chunk : (unsigned char *)(part ? post : pre);
            z.avail_in = (uInt)k;
            int flush = part == 2 ? Z_FINISH : Z_NO_FLUSH;
            do {
                z.next_out = out + outlen;
                z.avail_out = (uInt)(cap - outlen);
                deflate(&z, flush);
                outlen = cap - z.avail_out;
            } while (z.avail_in || (flush == Z_FINISH && z.avail_out == 0));
            todo -= k;
            if (part == 2) break;
        }
    }
    deflateEnd(&z);
    free(chunk);
    *len = outlen;
    return out;
}

/* CD_MAX_DECODED, and the inflation limit (CD_INFLATE_RATIO, CD_INFLATE_FLOOR;
 * docs/limits.md, "Session 15"). */
static void test_gzip_bomb(void)
{
    size_t outlen = 0;
    unsigned char *out = S_deflate("<p>", CD_MAX_DECODED + (1u << 20), "</p>", 16 + MAX_WBITS, &outlen);
    OK(outlen < (1u << 20), "bomb is small: %zu", outlen);
    copydesk_status st;
    /* The default limit stops it at the floor (8 MiB), not at 256 MiB. */
    char *r = copydesk_extract((const char *)out, outlen, NULL, COPYDESK_FORMAT_JSON, 0, NULL, &st);
    OK(r == NULL, "no result");
    INT_EQ(st, COPYDESK_ERR_INFLATION, "");
    STR_EQ(copydesk_status_str(st), "gzip data inflates past the inflation limit", "");
    /* Without it, CD_MAX_DECODED. */
    copydesk_doc *doc = copydesk_doc_new(0);
    INT_EQ(copydesk_doc_set_inflate_limit(doc, 0, 0), COPYDESK_OK, "");
    INT_EQ(copydesk_doc_parse(doc, (const char *)out, outlen), COPYDESK_ERR_TOO_LARGE, "");
    /* A ratio that lets it through only to CD_MAX_DECODED. */
    INT_EQ(copydesk_doc_set_inflate_limit(doc, 100000, 0), COPYDESK_OK, "");
    INT_EQ(copydesk_doc_parse(doc, (const char *)out, outlen), COPYDESK_ERR_TOO_LARGE, "");
    INT_EQ(copydesk_doc_set_inflate_limit(NULL, 1, 1), COPYDESK_ERR_ARG, "");
    free(out);

    /* 2 MiB of page from a few KB: under the default floor it is a page; with
     * a floor of 1 MiB it is refused; with the ratio raised past its own, read. */
    out = S_deflate("<html><title>t</title><p>word", 2u << 20, "word</p>", 16 + MAX_WBITS, &outlen);
    OK(outlen * 32 < (1u << 20), "small: %zu", outlen);
    copydesk_doc_free(doc);
    doc = copydesk_doc_new(0);
    INT_EQ(copydesk_doc_parse(doc, (const char *)out, outlen), COPYDESK_OK, "default: under the floor");
    copydesk_doc_reset(doc); /* the limit stays */
    INT_EQ(copydesk_doc_set_inflate_limit(doc, 32, 1u << 20), COPYDESK_OK, "");
    INT_EQ(copydesk_doc_parse(doc, (const char *)out, outlen), COPYDESK_ERR_INFLATION, "floor 1 MiB");
    copydesk_doc_reset(doc);
    INT_EQ(copydesk_doc_parse(doc, (const char *)out, outlen), COPYDESK_ERR_INFLATION, "kept across reset");
    size_t ratio = ((2u << 20) + outlen - 1) / outlen;
    INT_EQ(copydesk_doc_set_inflate_limit(doc, (unsigned)ratio, 1u << 20), COPYDESK_OK, "");
    INT_EQ(copydesk_doc_parse(doc, (const char *)out, outlen), COPYDESK_OK, "ratio %zu", ratio);
    INT_EQ(copydesk_doc_set_inflate_limit(doc, (unsigned)ratio - 1, 1u << 20), COPYDESK_OK, "");
    INT_EQ(copydesk_doc_parse(doc, (const char *)out, outlen), COPYDESK_ERR_INFLATION, "ratio %zu", ratio - 1);
    copydesk_doc_free(doc);
    free(out);
}

/* Web archives: a record of an HTML page around the inflated one. */
typedef struct {
    const unsigned char *p;
    size_t n, pos;
} S_mem;

static size_t S_mem_read(void *ctx, void *buf, size_t len, int *err)
{
    (void)err;
    S_mem *m = ctx;
    size_t k = m->n - m->pos < len ? m->n - m->pos : len;
    memcpy(buf, m->p + m->pos, k);
    m->pos += k;
    return k;
}

static size_t S_record(unsigned char *dst, const char *id, const char *enc, const unsigned char *body, size_t n)
{
    char http[256], head[512];
    int hn = snprintf(http, sizeof http, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n%s%s%s\r\n",
                      enc ? "Content-Encoding: " : "", enc ? enc : "", enc ? "\r\n" : "");
    int wn = snprintf(head, sizeof head,
                      "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:%s>\r\n"
                      "WARC-Target-URI: http://example.com/%s\r\nContent-Type: application/http\r\n"
                      "Content-Length: %zu\r\n\r\n",
                      id, id, (size_t)hn + n);
    memcpy(dst, head, (size_t)wn);
    memcpy(dst + wn, http, (size_t)hn);
    memcpy(dst + wn + hn, body, n);
    memcpy(dst + wn + hn + n, "\r\n\r\n", 4);
    return (size_t)wn + (size_t)hn + n + 4;
}

/* Read every record of arc[0..n): kinds into kinds[] (at most 8), the first
 * error message into msg. */
static int S_records(const unsigned char *arc, size_t n, unsigned ratio, size_t floor, int *kinds, char *msg,
                     size_t cap)
{
    S_mem m = {arc, n, 0};
    copydesk_warc *w = copydesk_warc_new(S_mem_read, &m);
    INT_EQ(copydesk_warc_set_inflate_limit(w, ratio, floor), COPYDESK_OK, "");
    int k = 0;
    msg[0] = '\0';
    while (copydesk_warc_next(w) && k < 8) {
        kinds[k++] = (int)copydesk_warc_record_kind(w);
        const char *e = copydesk_warc_error_message(w, NULL);
        if (e && !msg[0]) snprintf(msg, cap, "%s", e);
    }
    copydesk_warc_free(w);
    return k;
}

static void test_warc_inflation(void)
{
    static const char small[] = "<html><title>t</title><p>a short page</p></html>";
    size_t blen = 0, dlen = 0, glen = 0;
    unsigned char *gz = S_deflate("<html><p>", 2u << 20, "</p></html>", 16 + MAX_WBITS, &blen);
    unsigned char *df = S_deflate("<html><p>", 2u << 20, "</p></html>", MAX_WBITS, &dlen);
    size_t cap = (6u << 20) + blen + dlen;
    unsigned char *arc = malloc(cap);
    if (!arc) abort();
    size_t n = 0;
    n += S_record(arc + n, "a", NULL, (const unsigned char *)small, sizeof small - 1);
    n += S_record(arc + n, "b", "gzip", gz, blen);
    n += S_record(arc + n, "c", "deflate", df, dlen);
    n += S_record(arc + n, "d", NULL, (const unsigned char *)small, sizeof small - 1);
    int kinds[8];
    char msg[512];
    /* Under the default floor: four pages. */
    INT_EQ(S_records(arc, n, COPYDESK_INFLATE_RATIO, COPYDESK_INFLATE_FLOOR, kinds, msg, sizeof msg), 4, "");
    for (int i = 0; i < 4; i++)
        INT_EQ(kinds[i], COPYDESK_WARC_HTML, "record %d", i);
    /* A floor of 1 MiB: the two bodies are error records, the others read. */
    INT_EQ(S_records(arc, n, 32, 1u << 20, kinds, msg, sizeof msg), 4, "");
    INT_EQ(kinds[0], COPYDESK_WARC_HTML, "");
    INT_EQ(kinds[1], COPYDESK_WARC_ERROR, "");
    INT_EQ(kinds[2], COPYDESK_WARC_ERROR, "");
    INT_EQ(kinds[3], COPYDESK_WARC_HTML, "");
    OK(strstr(msg, "Content-Encoding: gzip body inflates past the inflation limit: more than 1048576 bytes") != NULL,
       "%s", msg);
    /* Off: read. */
    INT_EQ(S_records(arc, n, 0, 0, kinds, msg, sizeof msg), 4, "");
    INT_EQ(kinds[1], COPYDESK_WARC_HTML, "");
    INT_EQ(kinds[2], COPYDESK_WARC_HTML, "");

    /* A gzip page inside a gzip body (two layers, each within 32 times the
     * layer before it, 2 MiB from a few hundred bytes): held to the record's
     * compressed size, not to the inner layer's; read when the limit allows. */
    {
        size_t ilen = 0, olen = 0;
        unsigned char *inner = S_deflate("<html><p>", 2u << 20, "</p></html>", 16 + MAX_WBITS, &ilen);
        z_stream z;
        memset(&z, 0, sizeof z);
        OK(deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK, "");
        unsigned char *outer = malloc(ilen + 1024);
        if (!outer) abort();
        z.next_in = inner;
        z.avail_in = (uInt)ilen;
        z.next_out = outer;
        z.avail_out = (uInt)(ilen + 1024);
        OK(deflate(&z, Z_FINISH) == Z_STREAM_END, "");
        olen = ilen + 1024 - z.avail_out;
        deflateEnd(&z);
        size_t ratio = ((size_t)(2u << 20) + olen - 1) / olen;
        OK(ilen * 32 > (1u << 20) || ratio > 32, "the layers: %zu, %zu", ilen, olen);
        n = S_record(arc, "nested", "gzip", outer, olen);
        INT_EQ(S_records(arc, n, 32, 1u << 10, kinds, msg, sizeof msg), 1, "");
        INT_EQ(kinds[0], COPYDESK_WARC_ERROR, "nested: refused");
        OK(strstr(msg, "gzip page in a record inflates past the inflation limit") != NULL, "%s", msg);
        INT_EQ(S_records(arc, n, (unsigned)ratio + 1, 1u << 10, kinds, msg, sizeof msg), 1, "");
        INT_EQ(kinds[0], COPYDESK_WARC_HTML, "nested: read at ratio %zu", ratio + 1);
        /* ... and its payload is the page, inflated. */
        S_mem m = {arc, n, 0};
        copydesk_warc *w = copydesk_warc_new(S_mem_read, &m);
        INT_EQ(copydesk_warc_next(w), 1, "");
        size_t plen = 0;
        const char *p = copydesk_warc_payload(w, &plen);
        OK(p && plen == (2u << 20) && memcmp(p, "<html><p>", 9) == 0, "payload %zu", plen);
        copydesk_warc_free(w);
        free(inner);
        free(outer);
    }

    /* Per-record gzip: the records above (no Content-Encoding), one member
     * each; the 2 MiB record is refused from its member's compressed size. */
    unsigned char *plain = malloc((2u << 20) + 4096);
    if (!plain) abort();
    memset(plain, ' ', 2u << 20);
    memcpy(plain, "<html><p>", 9);
    n = 0;
    size_t lens[3];
    lens[0] = S_record(arc, "a", NULL, (const unsigned char *)small, sizeof small - 1);
    lens[1] = S_record(arc + lens[0], "b", NULL, plain, 2u << 20);
    lens[2] = S_record(arc + lens[0] + lens[1], "c", NULL, (const unsigned char *)small, sizeof small - 1);
    unsigned char *members = malloc(cap), *p = arc;
    if (!members) abort();
    for (int i = 0; i < 3; i++) {
        uLongf dl = (uLongf)(cap - glen);
        z_stream z;
        memset(&z, 0, sizeof z);
        deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
        z.next_in = p;
        z.avail_in = (uInt)lens[i];
        z.next_out = members + glen;
        z.avail_out = (uInt)dl;
        OK(deflate(&z, Z_FINISH) == Z_STREAM_END, "member %d", i);
        glen += dl - z.avail_out;
        deflateEnd(&z);
        p += lens[i];
    }
    INT_EQ(S_records(members, glen, 32, 1u << 20, kinds, msg, sizeof msg), 3, "");
    INT_EQ(kinds[0], COPYDESK_WARC_HTML, "");
    INT_EQ(kinds[1], COPYDESK_WARC_ERROR, "");
    INT_EQ(kinds[2], COPYDESK_WARC_HTML, "");
    OK(strstr(msg, "record of a gzip archive inflates past the inflation limit") != NULL, "%s", msg);
    INT_EQ(S_records(members, glen, COPYDESK_INFLATE_RATIO, COPYDESK_INFLATE_FLOOR, kinds, msg, sizeof msg), 3, "");
    INT_EQ(kinds[1], COPYDESK_WARC_HTML, "default: under the floor");
    /* Whole-file gzip, no floor: a record is held to the raw bytes read since
     * the inflate call that made its first byte, not since the reader got to
     * it (the window is filled ahead: the records after the first came from
     * bytes read already, and were refused as if from none). */
    {
        z_stream z;
        memset(&z, 0, sizeof z);
        deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
        z.next_in = arc;
        z.avail_in = (uInt)(lens[0] + lens[1] + lens[2]);
        z.next_out = members;
        z.avail_out = (uInt)cap;
        OK(deflate(&z, Z_FINISH) == Z_STREAM_END, "whole file");
        size_t wlen = cap - z.avail_out;
        deflateEnd(&z);
        INT_EQ(S_records(members, wlen, 32, 0, kinds, msg, sizeof msg), 3, "");
        INT_EQ(kinds[0], COPYDESK_WARC_HTML, "whole file: first");
        INT_EQ(kinds[1], COPYDESK_WARC_ERROR, "whole file: the 2 MiB record");
        INT_EQ(kinds[2], COPYDESK_WARC_HTML, "whole file: the one after it");
    }
    free(plain);
    free(members);
    free(arc);
    free(gz);
    free(df);
}

/* CD_MAX_INPUT: refused before a byte is read; CD_MAX_OUTPUT: the rendering
 * stops (checked between nodes, so it may pass the limit by one text node). */
static void test_input_output(void)
{
    copydesk_status st;
    char one = '<';
    char *r = copydesk_extract(&one, CD_MAX_INPUT + 1, NULL, COPYDESK_FORMAT_TEXT, 0, NULL, &st);
    OK(r == NULL, "no result");
    INT_EQ(st, COPYDESK_ERR_TOO_LARGE, "");

    size_t para = 1u << 20, n = CD_MAX_OUTPUT / para + 8, len = 0;
    char *html = malloc(n * (para + 8) + 16);
    if (!html) abort();
    for (size_t i = 0; i < n; i++) {
        memcpy(html + len, "<p>", 3);
        len += 3;
        memset(html + len, 'a' + (int)(i % 26), para);
        len += para;
        memcpy(html + len, "</p>", 4);
        len += 4;
    }
    size_t on = 0;
    r = copydesk_extract(html, len, NULL, COPYDESK_FORMAT_TEXT, COPYDESK_OPT_NO_EXTRACT, &on, &st);
    OK(r != NULL, "rendered: %s", copydesk_status_str(st));
    OK(on > CD_MAX_OUTPUT / 2 && on <= CD_MAX_OUTPUT + para + 8, "output %zu bytes", on);
    OK(on < len - 4 * para, "output cut: %zu of %zu", on, len);
    free(r);
    free(html);
}

/* Markdown resolves relative links against the page's URL: a long URL before
 * many short links gets CD_MD_URL_ROOM_BASE + CD_MD_URL_ROOM_PER_BYTE per page
 * byte of base URL in all, then links are written as the page gives them; a
 * link with a scheme costs nothing (issue #14: a 2 KiB canonical made 128
 * times the page in Markdown, and a 120 KB URL cost as much CPU per link). */
static void test_md_url_room(void)
{
    size_t ulen = 100 * 1024, nlinks = 3000;
    char *url = malloc(ulen + 1);
    cd_buf page;
    cd_buf_init(&page, cd_mem_default());
    if (!url) abort();
    memcpy(url, "https://example.com/", 20);
    for (size_t i = 20; i < ulen; i++)
        url[i] = (i % 2) ? '/' : 'a';
    url[ulen] = '\0';
    cd_buf_puts(&page, "<html><head><title>Links</title></head><body><article><h1>Links</h1><p>Words of prose "
                       "before the links, long enough to be read as the article.</p><p>"
                       "<a href=\"https://other.example/abs\">abs</a> ");
    for (size_t i = 0; i < nlinks; i++)
        cd_buf_puts(&page, "<a href=x>y</a> ");
    cd_buf_puts(&page, "<a href=last>z</a></p></article></body></html>");
    OK(!page.failed, "page built");
    copydesk_status st;
    size_t on = 0;
    char *r = copydesk_extract(page.data, page.len, url, COPYDESK_FORMAT_MARKDOWN, 0, &on, &st);
    OK(r != NULL, "rendered: %s", copydesk_status_str(st));
    size_t room = CD_MD_URL_ROOM_BASE + page.len * CD_MD_URL_ROOM_PER_BYTE;
    OK(on <= room + 8 * page.len, "markdown %zu bytes of a %zu-byte page", on, page.len);
    OK(r && strstr(r, "[abs](https://other.example/abs)"), "a link with a scheme as it is");
    OK(r && strstr(r, "[y](https://example.com/a/a/"), "the first links resolved");
    OK(r && strstr(r, "[z](last)"), "the last link as the page gives it");
    free(r);
    cd_buf_free(&page);
    free(url);
}

/* Markdown repeats the prefixes of the open quotes and list items on every
 * line inside them (8 levels of 11 bytes for `<ol start=2147483647>`): a page
 * writes CD_MD_PREFIX_ROOM_BASE + CD_MD_PREFIX_ROOM_PER_BYTE per page byte of
 * them, then its lines go out flat, their text kept (issue #14: 18 bytes of
 * Markdown per 5 of the page, 374 MiB of peak RSS for 20 MB). */
static void test_md_prefix_room(void)
{
    size_t nlines = 100000;
    cd_buf page;
    cd_buf_init(&page, cd_mem_default());
    cd_buf_puts(&page, "<html><head><title>Lines</title></head><body><article><h1>Lines</h1><p>Words of prose "
                       "before the list, long enough to be read as the article.</p>");
    for (int i = 0; i < 8; i++)
        cd_buf_puts(&page, "<ol start=2147483647><li>");
    cd_buf_puts(&page, "first");
    for (size_t i = 0; i < nlines; i++)
        cd_buf_puts(&page, "x<br>");
    cd_buf_puts(&page, "last</article></body></html>");
    OK(!page.failed, "page built");
    copydesk_status st;
    size_t on = 0;
    char *r = copydesk_extract(page.data, page.len, NULL, COPYDESK_FORMAT_MARKDOWN, 0, &on, &st);
    OK(r != NULL, "rendered: %s", copydesk_status_str(st));
    size_t room = CD_MD_PREFIX_ROOM_BASE + page.len * CD_MD_PREFIX_ROOM_PER_BYTE;
    OK(on <= room + 2 * page.len, "markdown %zu bytes of a %zu-byte page", on, page.len);
    OK(r && strstr(r, "214748364. 214748364. 214748364. 214748364. 214748364. 214748364. 214748364. "
                      "214748364. first"), "the first lines nested");
    OK(r && strstr(r, "\nx\\\nlast"), "the last lines flat, their text kept");
    free(r);
    cd_buf_free(&page);
}

/* A link around many paragraphs is closed before each block and reopened
 * after it, its URL written each time: past CD_MD_URL_ROOM_* it is not
 * reopened (issue #14: one 60 KB href around 3,000 paragraphs made 67 MB of
 * Markdown from 84 KB). */
static void test_md_link_reopen_room(void)
{
    size_t hlen = 60000, nparas = 3000;
    cd_buf page;
    cd_buf_init(&page, cd_mem_default());
    cd_buf_puts(&page, "<html><head><title>Link</title></head><body><article><h1>Link</h1><p>Words of prose "
                       "before the link, long enough to be read as the article.</p><a href=\"https://example.com/");
    for (size_t i = 0; i < hlen; i++)
        cd_buf_puts(&page, "a");
    cd_buf_puts(&page, "\">");
    for (size_t i = 0; i < nparas; i++)
        cd_buf_puts(&page, "<p>x</p>");
    cd_buf_puts(&page, "<p>last paragraph</p></a></article></body></html>");
    OK(!page.failed, "page built");
    copydesk_status st;
    size_t on = 0;
    char *r = copydesk_extract(page.data, page.len, NULL, COPYDESK_FORMAT_MARKDOWN, 0, &on, &st);
    OK(r != NULL, "rendered: %s", copydesk_status_str(st));
    size_t room = CD_MD_URL_ROOM_BASE + page.len * CD_MD_URL_ROOM_PER_BYTE;
    OK(on <= room + 4 * page.len, "markdown %zu bytes of a %zu-byte page", on, page.len);
    OK(r && strstr(r, "[x](https://example.com/aaaa"), "the first paragraphs linked");
    OK(r && strstr(r, "\n\nlast paragraph"), "the last paragraph plain");
    free(r);
    cd_buf_free(&page);
}

int main(void)
{
    test_depth();
    test_attrs();
    test_nodes();
    test_gzip_bomb();
    test_warc_inflation();
    test_input_output();
    test_md_url_room();
    test_md_prefix_room();
    test_md_link_reopen_room();
    return cd_t_done();
}
