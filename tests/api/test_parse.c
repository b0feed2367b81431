/* The parse stage (src/parse/) on inputs that broke it: every string in the
 * tree must be valid UTF-8. Cases found by fuzz/fuzz_parse land here (the
 * first ones broke myhtml, the parser before issue #14; the CLI cannot reach
 * them: the input stage turns NUL bytes into U+FFFD before the parser sees
 * them). */
#include <string.h>

#include "dom/dom.h"
#include "harness.h"
#include "parse/parse.h"
#include "util/utf8.h"

/* fuzz_parse crash: NUL bytes and a character reference (&#x2F600;) in one
 * text run made myhtml return a text whose end held stale bytes, cutting a
 * 4-byte character: invalid UTF-8 in the tree. */
static const char S_nul_charref[] =
    "<p a=1 b=\"2\" c='3' d e=f g=\"x&amp;y\"\000\000shift_jis\000\000\000\000\000\000\000"
    "\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000"
    "\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000"
    "\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000</blockquote>\000\000\000"
    "\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000"
    "\000\000 h=\"&#x2F600;\" data-x=\"\303\251\" A=dup\001\000\000\000\000\000\000\011attrs<"
    "/p><my-element foo=bar>custo>";

static void S_check_utf8(const char *html, size_t len, const char *what)
{
    cd_arena arena;
    cd_dom dom;
    cd_arena_init(&arena, cd_mem_default(), 64 * 1024);
    cd_dom_init(&dom, cd_mem_default(), &arena);
    cd_parser *p = cd_parser_new(cd_mem_default());
    OK(p != NULL, "parser");
    for (int pass = 0; p && pass < 2; pass++) {
        INT_EQ(cd_parse_html(p, html, len, &dom), COPYDESK_OK, "%s", what);
        OK(cd_dom_check(&dom), "%s: tree", what);
        int bad = 0;
        for (cd_nid id = 1; id < dom.count; id++) {
            const cd_node *n = cd_dom_node(&dom, id);
            if (n->type == CD_NODE_TEXT)
                bad += cd_utf8_valid_prefix((const unsigned char *)n->u.text, n->len) != n->len;
            else if (n->type == CD_NODE_ELEMENT)
                for (uint32_t i = 0; i < n->len; i++) {
                    const cd_attr *a = &n->u.attr[i];
                    bad += cd_utf8_valid_prefix((const unsigned char *)a->name, a->name_len) != a->name_len;
                    bad += cd_utf8_valid_prefix((const unsigned char *)a->value, a->value_len) != a->value_len;
                }
        }
        INT_EQ(bad, 0, "%s: invalid UTF-8 strings in the tree (pass %d)", what, pass);
        cd_dom_reset(&dom);
        cd_arena_reset(&arena);
    }
    cd_parser_free(p);
    cd_dom_free(&dom);
    cd_arena_free(&arena);
}

int main(void)
{
    S_check_utf8(S_nul_charref, sizeof S_nul_charref - 1, "nul-charref");
    const char nul_text[] = "<p>a\0\0&#x1F600;\0b&amp;\0c</p><p title=\"\0&#xD800;\0\">\0x</p>";
    S_check_utf8(nul_text, sizeof nul_text - 1, "nul text");
    return cd_t_done();
}
