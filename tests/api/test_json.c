/* util/json: what it reads, what it leaves to json-c, and that what it reads
 * it reads as json-c does (json_diff.h), on hand-made cases and on seeded
 * mutations of JSON-LD-like scripts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "json_diff.h"
#include "meta/cand.h"
#include "meta/jsonld.h"

/* want: 1 = util/json reads it (and agrees with json-c), 0 = it refuses. */
static void S_case(const char *s, int want)
{
    int r = cd_t_json_diff(s, strlen(s));
    OK(r != -1, "util/json and json-c differ on %s", s);
    OK((r == 1) == (want == 1), "util/json %s %s", r == 1 ? "took" : "refused", s);
}

static void S_cases(void)
{
    S_case("{}", 1);
    S_case("[]", 1);
    S_case(" \n\t\r{ } ", 1);
    S_case("{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\"}}", 1);
    S_case("{\"a\":1,\"a\":2}", 1);
    S_case("{\"\":1,\"x\":{\"\":[]}}", 1);               /* empty keys (fuzz_json) */                      /* the last one, as json-c */
    S_case("{\"a\":\"x\\u00e9\\u2019\\ud83d\\ude00\\/\\\"\\\\\\b\\f\\n\\r\\t\"}", 1);
    S_case("{\"a\":\"raw\nnewline\ttab\"}", 1);        /* json-c's default takes these */
    S_case("{\"a\":\"\xff\xfe bytes\"}", 1);              /* not checked as UTF-8, as json-c */
    S_case("[1,2,]", 1);                                 /* one trailing comma */
    S_case("{\"a\":1 , }", 1);
    S_case("[0,-0,1.5,-2.25e3,1E+2,1e-5,123456789,1234567890,99999999999999999999999]", 1);
    S_case("[\"2\",\" 3\",\"4x\",\"\",\"-5\",\"1.9\"]", 1);
    S_case("{\"a\":1} {\"b\":2}", 1);
    S_case("{\"a\":1};[2]", 1);
    /* Left to json-c: */
    S_case("\"top-level string\"", 0);
    S_case("123", 0);
    S_case("{\"a\":01}", 0);                             /* a leading zero */
    S_case("{\"a\":1.}", 0);
    S_case("{\"a\":.5}", 0);
    S_case("{\"a\":NaN}", 0);
    S_case("{\"a\":nulL}", 0);
    S_case("{'a':'b'}", 0);
    S_case("{a:1}", 0);
    S_case("{\"a\":1 /* c */}", 0);
    S_case("{\"a\":\"\\u0000\"}", 0);                    /* an escaped NUL */
    S_case("{\"a\":\"\\ud800x\"}", 0);                   /* lone surrogates */
    S_case("{\"a\":\"\\udc00\"}", 0);
    S_case("{\"a\":\"\\x\"}", 0);
    S_case("[1,,2]", 0);
    S_case("[,]", 0);
    S_case("{\"a\":1", 0); /* cut short (eof): json-c stops too */
    S_case("[\"abc\\u12", 0);
    S_case("{\"a\":[1,", 0);
    S_case("{\"a\" ", 0);
    S_case("{\"a\"", 0);
    S_case("[\"abc", 0);
    S_case("\v{}", 0);
    S_case("{\"a\":\v1}", 0);
    /* Nesting: CD_JSON_DEPTH levels are read, one more is left to json-c. */
    char deep[2 * CD_JSON_DEPTH + 8];
    for (int d = CD_JSON_DEPTH; d <= CD_JSON_DEPTH + 1; d++) {
        memset(deep, '[', (size_t)d);
        memset(deep + d, ']', (size_t)d);
        deep[2 * d] = '\0';
        S_case(deep, d <= CD_JSON_DEPTH);
    }
    /* A NUL inside the bytes ends nothing: it is refused. */
    OK(cd_t_json_diff("{\"a\":\"x\0y\"}", 11) == 0, "NUL in a string");
}

static void S_tree(void)
{
    const char *s = "[{\"@type\":\"NewsArticle\",\"headline\":\"Caf\\u00e9\",\"n\":null,\"position\":\"7\","
                    "\"author\":[{\"name\":\"A\"},null]}, 3]";
    cd_arena arena;
    cd_arena_init(&arena, cd_mem_default(), 4096);
    cd_json j;
    cd_json_init(&j, cd_mem_default());
    size_t pos = 0;
    uint32_t root;
    OK(cd_json_parse(&j, &arena, s, strlen(s), &pos, &root), "parse");
    INT_EQ(pos, strlen(s), "the end");
    const cd_jv *a = cd_json_at(&j, root);
    OK(cd_json_is(a, CD_JSON_ARR) && a->nkid == 2, "array of two");
    const cd_jv *o = cd_json_elem(&j, a, 0);
    OK(cd_json_is(o, CD_JSON_OBJ), "object");
    const cd_jv *h = cd_json_get(&j, o, "headline");
    OK(h && h->n == 5 && memcmp(h->s, "Caf\xc3\xa9", 5) == 0, "decoded headline");
    OK(cd_json_get(&j, o, "n") == NULL, "null reads as NULL");
    OK(cd_json_get(&j, o, "missing") == NULL, "absent");
    OK(cd_json_get(&j, o, "") == NULL, "no empty key");
    const cd_jv *au = cd_json_get(&j, o, "author");
    OK(cd_json_elem(&j, au, 1) == NULL && cd_json_elem(&j, au, 2) == NULL, "null element, out of range");
    static const char *const words[] = {"Article"};
    OK(cd_json_has_word(&j, cd_json_get(&j, o, "@type"), words, 1), "word in a string");
    OK(cd_json_has_word(&j, a, words, 1), "word below an array");
    OK(!cd_json_has_word(&j, au, words, 1), "no word");
    cd_json_free(&j);
    cd_arena_free(&arena);
}

/* Seeded mutations of JSON-LD-like scripts: every one util/json takes must
 * read as json-c reads it. */
static void S_mutations(void)
{
    static const char *const seeds[] = {
        "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"A \\\"quoted\\\" "
        "title \\u2014 here\",\"datePublished\":\"2020-01-02T03:04:05Z\",\"author\":[{\"@type\":\"Person\","
        "\"name\":\"Jane Doe\"},{\"@type\":\"Organization\",\"name\":\"Wire\"}],\"image\":{\"@type\":"
        "\"ImageObject\",\"url\":\"https://e.com/a.jpg\",\"width\":1200,\"height\":6.75e2},\"keywords\":[\"a\","
        "\"b\"],\"isAccessibleForFree\":true,\"x\":null}",
        "[{\"@type\":\"BreadcrumbList\",\"itemListElement\":[{\"position\":1,\"name\":\"Home\",\"item\":"
        "\"https://e.com/\"},{\"position\":\"2\",\"item\":{\"@id\":\"https://e.com/news\",\"name\":\"News\"}}]},"
        "{\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"E\"}]}]",
    };
    uint32_t seed = 12345;
    int took = 0, total = 0;
    char buf[1024];
    for (size_t k = 0; k < sizeof seeds / sizeof seeds[0]; k++) {
        size_t len = strlen(seeds[k]);
        for (int round = 0; round < 4000; round++) {
            memcpy(buf, seeds[k], len);
            size_t n = len;
            int edits = 1 + (int)(seed % 3);
            for (int e = 0; e < edits; e++) {
                seed = seed * 1103515245u + 12345u;
                size_t at = (seed >> 8) % n;
                static const char alphabet[] = "{}[]\",:\\/ \n\tu0123456789abcdefeE+-.tnxAZ\x01\x80";
                char ch = alphabet[(seed >> 20) % (sizeof alphabet - 1)];
                switch ((seed >> 4) % 3) {
                case 0:
                    buf[at] = ch;
                    break;
                case 1:
                    if (n + 1 < sizeof buf) {
                        memmove(buf + at + 1, buf + at, n - at);
                        buf[at] = ch;
                        n++;
                    }
                    break;
                default:
                    if (n > 1) {
                        memmove(buf + at, buf + at + 1, n - at - 1);
                        n--;
                    }
                    break;
                }
            }
            int r = cd_t_json_diff(buf, n);
            total++;
            took += r == 1;
            /* And the mutation cut short somewhere (a script cut by a page limit). */
            int cut = cd_t_json_diff(buf, (seed >> 3) % n);
            if (r == -1 || cut == -1) {
                buf[n] = '\0';
                OK(0, "util/json and json-c differ on mutation%s: %s", r == -1 ? "" : " cut short", buf);
            }
        }
    }
    OK(took > 100 && took < total, "mutations read: %d of %d", took, total);
    printf("mutations: %d of %d read by util/json, all as json-c reads them\n", took, total);
}

/* meta/jsonld.c on scripts util/json refuses: json-c's tree copied into the
 * flat form (an empty array there once pointed past a NULL member list), and
 * the candidates read from it. */
static void S_fallback(void)
{
    static const char *const scripts[] = {
        "[]]]{\"@type\":\"NewsArticle\"}",
        "{'@type':'NewsArticle','headline':'Single quotes','keywords':[],'author':{}} // c\n",
        "[{\"@type\":\"NewsArticle\",\"headline\":\"Commented\"} /* c */, {}]",
    };
    static const char *const titles[] = {NULL, "Single quotes", "Commented"};
    for (size_t i = 0; i < sizeof scripts / sizeof scripts[0]; i++) {
        cd_arena arena;
        cd_arena_init(&arena, cd_mem_default(), 4096);
        cd_meta_ctx c;
        memset(&c, 0, sizeof c);
        c.arena = &arena;
        c.cands = cd_arena_alloc(&arena, CD_META_MAX_CANDS * sizeof *c.cands);
        OK(c.cands != NULL, "candidates");
        if (c.cands) {
            cd_meta_jsonld(&c, scripts[i], strlen(scripts[i]), 0);
            const char *title = NULL;
            for (uint32_t k = 0; k < c.ncands; k++)
                if (c.cands[k].field == CD_MF_TITLE)
                    title = c.cands[k].s;
            STR_EQ(title, titles[i], "script %zu", i);
        }
        cd_arena_free(&arena);
    }
}

int main(void)
{
    S_fallback();
    S_cases();
    S_tree();
    S_mutations();
    return cd_t_done();
}
