/* Extraction internals: the class-word table and what it says about elements.
 * Whole-page behaviour is tested by the folders in tests/regression. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/article.h"
#include "extract/boiler.h"
#include "extract/extract.h"
#include "extract/furniture.h"
#include "extract/hints.h"
#include "harness.h"
#include "parse/parse.h"

static cd_parser *S_parser;
static cd_arena S_arena;
static cd_dom S_dom;

static void S_parse(const char *html)
{
    cd_dom_reset(&S_dom);
    cd_arena_reset(&S_arena);
    INT_EQ(cd_parse_html(S_parser, html, strlen(html), &S_dom), COPYDESK_OK, "");
}

/* The hints of the element whose id attribute is want (0 when not found). */
static unsigned S_hints(const char *want)
{
    for (uint32_t id = 1; id < S_dom.count; id++) {
        size_t l = 0;
        const char *v = cd_dom_node(&S_dom, id)->type == CD_NODE_ELEMENT ? cd_dom_attr(&S_dom, id, "id", &l) : NULL;
        if (v && l == strlen(want) && memcmp(v, want, l) == 0)
            return cd_hints_of(&S_dom, id);
    }
    OK(0, "no element with id %s", want);
    return 0;
}

static void test_table_sorted(void)
{
    /* The table is binary-searched: one word out of order hides others. */
    OK(cd_hints_table_ok(), "hints.c word table out of order, with a wrong length, or too long for S_from");
}

static void test_words(void)
{
    S_parse("<div id=a class='onetrust-consent-sdk'></div>"
            "<div id=b class='usercentrics-root'></div>"
            "<div id=c class='trustpilot-widget'></div>"
            "<div id=d class='faq-answer'></div>"
            "<div id=e class='tab-pane fade'></div>"
            "<div id=f role='tabpanel'></div>"
            "<div id=g class='accordionBody'></div>"
            "<div id=h class='cookie-notice'></div>"
            "<div id=i class='answers-count'></div>");
    unsigned h = S_hints("a");
    OK((h & CD_HINT_CHROME) && (h & CD_HINT_CONSENT), "onetrust: %u", h);
    h = S_hints("b");
    OK((h & CD_HINT_CHROME) && (h & CD_HINT_CONSENT), "usercentrics: %u", h);
    h = S_hints("c");
    OK((h & CD_HINT_COMMENT) != 0, "trustpilot: %u", h);
    OK((S_hints("d") & CD_HINT_PANEL) != 0, "faq-answer");
    OK((S_hints("e") & CD_HINT_PANEL) != 0, "tab-pane");
    OK((S_hints("f") & CD_HINT_PANEL) != 0, "role=tabpanel");
    OK((S_hints("g") & CD_HINT_PANEL) != 0, "accordionBody (camelCase)");
    h = S_hints("h");
    /* A cookie notice is chrome, but the guard may keep it: not a consent manager's dialog. */
    OK((h & CD_HINT_CHROME) && !(h & CD_HINT_CONSENT), "cookie-notice: %u", h);
    OK(!(S_hints("i") & CD_HINT_PANEL), "answers (a count) is not a panel word");
}

static int S_boiler(const char *s)
{
    return cd_boiler_phrase(s, strlen(s));
}

static void test_labels(void)
{
    /* A control's label that is a whole block is chrome. */
    OK(S_boiler("Add to cart"), "");
    OK(S_boiler("  SOLD OUT "), "");
    OK(S_boiler("Sort and filter"), "");
    OK(S_boiler("Was this helpful?"), "");
    /* Not when it is part of a sentence, nor a one-word heading. */
    OK(!S_boiler("Add to cart the vegetables you need for the week, then check out."), "");
    OK(!S_boiler("Sold out in two hours: the first print run of the atlas"), "");
    OK(!S_boiler("Filters"), "");
    OK(!S_boiler("Search"), "");
    /* The stock phrases still work. */
    OK(S_boiler("Share this article"), "");
}

static int S_date(const char *s)
{
    return cd_article_date(s, strlen(s));
}

static void test_dates(void)
{
    /* A month beside a day or a year, numeric dates, CJK dates. */
    OK(S_date("Tuesday, January 15, 2008"), "");
    OK(S_date("By Mary Holt | 15 Jan 2008"), "");
    OK(S_date("le 3 mars 2015 à 13h36"), "");
    OK(S_date("15 de enero de 2008"), "");
    OK(S_date("Posted 01/14/08 10:12 PM"), "");
    OK(S_date("2008-01-15"), "");
    OK(S_date("Aktualisiert am 15.1.2008"), "");
    OK(S_date("2008\xe5\xb9\xb4" "1\xe6\x9c\x88" "15\xe6\x97\xa5"), "");
    OK(S_date("DÉCEMBRE 2015"), "");
    /* Not a date: a month word without a number, a version, a score. */
    OK(!S_date("You may go now"), "");
    OK(!S_date("March on Washington"), "");
    OK(!S_date("version 1.2.3 released"), "");
    OK(!S_date("won 3-1 at home"), "");
    OK(!S_date(""), "");
    OK(cd_article_month("Sept", 4) && cd_article_month("MÄRZ", 5) && !cd_article_month("Monday", 6), "");
}

static void test_typed(void)
{
    S_parse("<html><head><meta property=\"og:type\" content=\"article\"></head><body><p>x</p></body></html>");
    INT_EQ(cd_article_typed(&S_dom), 1, "og:type article");
    S_parse("<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
            "\"@type\": [\"NewsArticle\", \"Thing\"]}</script></head><body><p>x</p></body></html>");
    INT_EQ(cd_article_typed(&S_dom), 2, "JSON-LD NewsArticle");
    S_parse("<html><body><div itemscope itemtype=\"http://schema.org/BlogPosting\"><p>x</p></div></body></html>");
    INT_EQ(cd_article_typed(&S_dom), 2, "microdata BlogPosting");
    S_parse("<html><head><meta property=\"og:type\" content=\"website\"><script type=\"application/ld+json\">"
            "{\"@type\":\"DiscussionForumPosting\"}</script></head><body><p>x</p></body></html>");
    INT_EQ(cd_article_typed(&S_dom), -1, "a forum thread");
    S_parse("<html><body><p>Nothing said.</p><script type=\"application/ld+json\">{\"@type\": </script></body></html>");
    INT_EQ(cd_article_typed(&S_dom), 0, "nothing, and a cut JSON-LD");
}

static int S_furn(const char *s, float ld)
{
    return cd_furniture_line(s, strlen(s), ld);
}

static void test_furniture(void)
{
    OK(S_furn("BREAKING NEWS", 0.0f), "");
    OK(S_furn("Story tools: Save | Send to a friend | Text size", 0.0f), "");
    OK(S_furn("Email article:", 0.0f), "");
    OK(S_furn("More from the Valley desk", 1.0f), "");
    /* Sentences and longer lines are not furniture. */
    OK(!S_furn("The council met on Monday.", 0.0f), "");
    OK(!S_furn("Heavy snow closed the mountain pass on Tuesday morning", 0.0f), "");
    OK(!S_furn("\xe4\xb8\x8d\xe5\xb9\xb8\xe7\x9a\x84\xe6\x98\xaf\xe5\xaf\xb9\xe4\xba\x8e\xe5\xb8\x8c\xe6\x9c\x9b"
               "\xe8\x83\xbd\xe5\x96\x9d\xe4\xb8\x8a", 0.0f), "a CJK line is no label of a few words");
    /* After the story, only links or separated items. */
    OK(!cd_furniture_links("Email article:", 14, 0.0f), "");
    OK(cd_furniture_links("Filed under: Weather | Roads | Valley", 37, 0.0f), "");
}

/* A page of nothing but its head (cut inside it, or a shell a script fills)
 * takes a short way (extract.c S_empty): its result is the full reading's, which
 * the same page with an attribute on its <body> still takes (the same nodes). */
static void test_head_only(void)
{
    static const char *const heads[] = {
        "<!doctype html><html class=\"comments no-js\" id=\"thread\" lang=\"en\"><head>\n"
        "<meta charset=\"utf-8\"><title>A story - The Paper</title>\n"
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"A story\"}</script>\n"
        "<noscript><link rel=\"stylesheet\" href=\"/plain.css\"></noscript>\n"
        "<style>body{margin:0}</style></head>\n  \n",
        ("<html><head><title>Forum</title>"
         "<script type=\"application/ld+json\">{\"@type\":\"DiscussionForumPosting\"}</script></head>"),
        "<head><meta name=\"description\" content=\"Nothing here yet.\">",
    };
    static const char *const ends[] = {"<body></body></html>", "<body data-page=\"1\"></body></html>"};
    for (size_t h = 0; h < sizeof heads / sizeof heads[0]; h++) {
        for (unsigned o = 0; o < 2; o++) {
            unsigned options = o ? COPYDESK_OPT_KEEP_COMMENTS : COPYDESK_OPT_DEFAULT;
            cd_extract x[2];
            uint32_t count[2] = {0, 0};
            for (int e = 0; e < 2; e++) {
                char page[1024];
                snprintf(page, sizeof page, "%s%s", heads[h], ends[e]);
                S_parse(page);
                cd_extract_init(&x[e], cd_mem_default());
                INT_EQ(cd_extract_run(&x[e], &S_dom, options, "A story"), COPYDESK_OK, "page %zu", h);
                count[e] = S_dom.count;
            }
            INT_EQ(count[1], count[0], "page %zu", h);
            INT_EQ(x[0].nroots, 1, "page %zu", h);
            INT_EQ(x[0].nroots, x[1].nroots, "page %zu", h);
            INT_EQ(x[0].roots[0], x[1].roots[0], "page %zu", h);
            INT_EQ(x[0].no_article, 1, "page %zu", h);
            INT_EQ(x[0].no_article, x[1].no_article, "page %zu", h);
            INT_EQ(x[0].broad, x[1].broad, "page %zu", h);
            INT_EQ(x[0].article, x[1].article, "page %zu", h);
            INT_EQ(x[0].index, x[1].index, "page %zu", h);
            INT_EQ(x[0].typed, x[1].typed, "page %zu", h);
            INT_EQ(x[0].other_kind, x[1].other_kind, "page %zu", h);
            INT_EQ((int)x[0].title_node, (int)x[1].title_node, "page %zu", h);
            INT_EQ(x[0].ncuts, x[1].ncuts, "page %zu", h);
            OK(memcmp(x[0].mark, x[1].mark, count[0]) == 0, "page %zu: marks", h);
            OK(memcmp(x[0].why, x[1].why, count[0]) == 0, "page %zu: reasons", h);
            for (int e = 0; e < 2; e++)
                cd_extract_free(&x[e]);
        }
    }
}

int main(void)
{
    S_parser = cd_parser_new(cd_mem_default());
    OK(S_parser != NULL, "parser");
    if (!S_parser)
        return cd_t_done();
    cd_arena_init(&S_arena, cd_mem_default(), 64 * 1024);
    cd_dom_init(&S_dom, cd_mem_default(), &S_arena);

    test_table_sorted();
    test_words();
    test_labels();
    test_dates();
    test_typed();
    test_furniture();
    test_head_only();

    cd_dom_free(&S_dom);
    cd_arena_free(&S_arena);
    cd_parser_free(S_parser);
    return cd_t_done();
}
