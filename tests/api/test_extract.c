/* Extraction internals: the class-word table and what it says about elements.
 * Whole-page behaviour is tested by the folders in tests/regression. */
#include <stdlib.h>
#include <string.h>

#include "extract/boiler.h"
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

    cd_dom_free(&S_dom);
    cd_arena_free(&S_arena);
    cd_parser_free(S_parser);
    return cd_t_done();
}
