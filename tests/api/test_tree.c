/* The tree builder (src/parse/tree.c) on raw UTF-8, below src/input: the
 * cases --dump-tree cannot reach (src/input turns NUL bytes into U+FFFD
 * before the parser sees them), the shape of the trees extraction reads
 * (comments, the doctype and SVG content dropped; ids in document order),
 * and regression cases for bugs found by fuzzing and the differential check.
 *
 *   test_tree            run the cases
 *   test_tree FILE ...   print each file's tree (raw bytes, keep-all parse) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dom/dom.h"
#include "harness.h"
#include "parse/ports.h"
#include "util/buf.h"
#include "util/limits.h"

static cd_own_parser *S_p;
static cd_arena S_arena;
static cd_dom S_dom;

static void S_parse(const char *html, size_t len, unsigned opts)
{
    cd_dom_reset(&S_dom);
    cd_arena_reset(&S_arena);
    INT_EQ(cd_own_parse(S_p, html, len, &S_dom, opts), COPYDESK_OK, "parse");
    OK(cd_dom_check(&S_dom), "tree links");
}

/* The dump of html (keep-all parse) must be `want`. */
static void S_tree(const char *html, size_t len, const char *want, const char *what)
{
    S_parse(html, len, CD_PARSE_KEEP_ALL);
    cd_buf out;
    cd_buf_init(&out, cd_mem_default());
    cd_parse_dump(&S_dom, &out);
    const char *got = out.data ? out.data : "";
    OK(strcmp(got, want) == 0, "%s:\n--- want\n%s--- got\n%s", what, want, got);
    cd_buf_free(&out);
}

#define TREE(html, want, what) S_tree(html, sizeof(html) - 1, want, what)

/* Ids in document order: every node's parent and previous sibling have smaller ids. */
static void S_order(const char *what)
{
    int bad = 0;
    for (cd_nid id = 2; id < S_dom.count; id++) {
        const cd_node *n = cd_dom_node(&S_dom, id);
        if (n->parent >= id || (n->prev && n->prev >= id))
            bad++;
    }
    INT_EQ(bad, 0, "%s: ids out of document order", what);
    /* Every node is in the tree. */
    uint32_t seen = 0;
    for (cd_nid id = 1; id; id = cd_dom_next(&S_dom, id, 1))
        seen++;
    INT_EQ(seen, S_dom.count - 1, "%s: nodes outside the tree", what);
}

static void S_nul_cases(void)
{
    /* html5lib plain-text-unsafe.dat: NUL in body text is dropped, in
     * foreign content it is U+FFFD, "in table text" drops it. */
    TREE("<body><table>\0filler\0text\0",
         "| <html>\n|   <head>\n|   <body>\n|     \"fillertext\"\n|     <table>\n", "NUL in table text");
    TREE("<html>\0<frameset></frameset>", "| <html>\n|   <head>\n|   <frameset>\n", "NUL before frameset");
    TREE("<body><svg><foreignObject>\0filler\0text",
         "| <html>\n|   <head>\n|   <body>\n|     <svg svg>\n|       <svg foreignObject>\n"
         "|         \"fillertext\"\n",
         "NUL in an HTML integration point");
    TREE("<svg>\0x</svg>", "| <html>\n|   <head>\n|   <body>\n|     <svg svg>\n|       \"\xEF\xBF\xBDx\"\n",
         "NUL in foreign content");
}

static void S_shape_cases(void)
{
    /* A normal parse: no comment, no doctype, nothing inside <svg>, template
     * contents as the template's children. */
    static const char page[] = "<!DOCTYPE html><!--a--><p>x<!--b-->y<svg><g><text>drawn</text></g></svg>"
                               "<template><i>t</i></template>";
    S_parse(page, sizeof page - 1, 0);
    int comments = 0, doctypes = 0, frags = 0, svg_children = 0, texts = 0;
    for (cd_nid id = 1; id < S_dom.count; id++) {
        const cd_node *n = cd_dom_node(&S_dom, id);
        comments += n->type == CD_NODE_COMMENT;
        doctypes += n->type == CD_NODE_DOCTYPE;
        frags += n->type == CD_NODE_FRAGMENT;
        texts += n->type == CD_NODE_TEXT;
        if (n->type == CD_NODE_ELEMENT && n->tag == CD_TAG_SVG)
            svg_children += n->first != CD_NONE;
    }
    INT_EQ(comments + doctypes + frags, 0, "normal parse: dump-only nodes");
    INT_EQ(svg_children, 0, "normal parse: SVG content dropped");
    /* "x" and "y" stay two text nodes (a comment stood between them). */
    INT_EQ(texts, 3, "normal parse: text nodes x, y, t");
    OK(S_dom.html && S_dom.head && S_dom.body, "html, head, body found");
    S_order("normal parse");
}

static void S_order_cases(void)
{
    /* Foster parenting, the adoption agency and late head content put nodes
     * before older ones; the final pass restores document order. */
    static const char *const pages[] = {
        "<table>a<tr>b<td>c</td>d</tr>e</table>",
        "<a><p>x</a>y</p>",
        "<b><i><p>1</b>2</i>3",
        "<head></head> <meta charset=utf-8><body>x",
        "<table><tr><td><b><table><tr>x</table></b>y</td></tr></table>",
        "<div><a><div><a>z</a></div></a></div>",
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        S_parse(pages[i], strlen(pages[i]), 0);
        S_order(pages[i]);
        S_parse(pages[i], strlen(pages[i]), CD_PARSE_KEEP_ALL);
        S_order(pages[i]);
    }
    /* Text foster-parented in pieces is one text node, as in the standard. */
    TREE("<table>a<tr>b</tr>c</table>",
         "| <html>\n|   <head>\n|   <body>\n|     \"abc\"\n|     <table>\n|       <tbody>\n|         <tr>\n",
         "fostered text merged");
}

/* Past the node budget elements are dropped but their text is kept, in the
 * nearest element the tree holds (pathological br-1m lost its last line
 * when text shared the elements' budget). */
static void S_budget_cases(void)
{
    cd_buf b;
    cd_buf_init(&b, cd_mem_default());
    cd_buf_puts(&b, "<body><p>first");
    for (int i = 0; i < 400000; i++)
        cd_buf_put(&b, "<i></i>", 7);
    cd_buf_puts(&b, "<div><span>the tail text</span></div></p>");
    S_parse(b.data, b.len, 0);
    OK(S_dom.truncated, "budget reached");
    OK(S_dom.count < 400000, "node budget: %u nodes", S_dom.count);
    int tail = 0;
    for (cd_nid id = 1; id < S_dom.count; id++) {
        const cd_node *n = cd_dom_node(&S_dom, id);
        if (n->type == CD_NODE_TEXT && n->len == 13 && memcmp(n->u.text, "the tail text", 13) == 0)
            tail = 1;
    }
    OK(tail, "text after the budget kept");
    S_order("past the budget");
    cd_buf_free(&b);
}

/* The depth of the deepest node (the document's children are at 1). */
static unsigned S_deepest(void)
{
    unsigned deepest = 0;
    for (cd_nid id = 1; id; id = cd_dom_next(&S_dom, id, 1)) {
        unsigned depth = 0;
        for (cd_nid up = cd_dom_node(&S_dom, id)->parent; up; up = cd_dom_node(&S_dom, up)->parent)
            depth++;
        if (depth > deepest)
            deepest = depth;
    }
    return deepest;
}

/* A keep-all parse (--dump-tree) gives each <template> a contents node the
 * stack of open elements does not count: 200 nested templates made a tree of
 * depth 400 past CD_MAX_DEPTH (fuzz_parse_own).
 *
 * A misnested </form> takes the form off the stack but leaves what is inside
 * it open, one level deeper in the tree than on the stack: 200 times
 * <form><div></form> made a tree twice as deep as the stack, and the final
 * pass, started from the stack's depth, did not run (fuzz_parse_own, round 5,
 * fuzz/corpus/parse_own/parse_own-depth-050ee581: a normal parse 2 levels
 * past CD_MAX_DEPTH + 1). */
static void S_depth_cases(void)
{
    cd_buf b;
    cd_buf_init(&b, cd_mem_default());
    for (int i = 0; i < 200; i++)
        cd_buf_puts(&b, "<template>");
    cd_buf_puts(&b, "deep");
    S_parse(b.data, b.len, CD_PARSE_KEEP_ALL);
    unsigned deepest = S_deepest();
    OK(deepest <= CD_MAX_DEPTH + 1u, "nested templates: depth %u past CD_MAX_DEPTH", deepest);
    S_order("nested templates");

    for (unsigned opts = 0; opts <= CD_PARSE_KEEP_ALL; opts += CD_PARSE_KEEP_ALL) {
        cd_buf_clear(&b);
        cd_buf_puts(&b, "<body>");
        for (int i = 0; i < 200; i++)
            cd_buf_puts(&b, "<form><div></form>");
        cd_buf_puts(&b, "<p>deep text</p>");
        S_parse(b.data, b.len, opts);
        deepest = S_deepest();
        OK(deepest <= CD_MAX_DEPTH + 1u, "misnested </form> (opts %u): depth %u past CD_MAX_DEPTH", opts, deepest);
        OK(deepest >= CD_MAX_DEPTH, "misnested </form> (opts %u): depth %u, flattened too far", opts, deepest);
        OK(S_dom.truncated, "misnested </form> (opts %u): truncation flagged", opts);
        int text = 0;
        for (cd_nid id = 1; id; id = cd_dom_next(&S_dom, id, 1)) {
            const cd_node *n = cd_dom_node(&S_dom, id);
            if (n->type == CD_NODE_TEXT && n->len == 9 && memcmp(n->u.text, "deep text", 9) == 0)
                text = 1;
        }
        OK(text, "misnested </form> (opts %u): the deep text kept", opts);
        S_order("misnested </form>");
    }
    cd_buf_free(&b);
}

static void S_dump_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(2);
    }
    cd_buf in;
    cd_buf_init(&in, cd_mem_default());
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        cd_buf_put(&in, chunk, n);
    fclose(f);
    S_parse(in.data ? in.data : "", in.len, CD_PARSE_KEEP_ALL);
    cd_buf out;
    cd_buf_init(&out, cd_mem_default());
    cd_parse_dump(&S_dom, &out);
    fwrite(out.data ? out.data : "", 1, out.len, stdout);
    cd_buf_free(&out);
    cd_buf_free(&in);
}

/* A normal parse keeps no text in a <script> that is not JSON-LD (no stage
 * reads it), nor in a <style> unless it is short (1 KB at most) and sets a
 * value none or hidden (extract/ reads its rules for the ids they hide);
 * JSON-LD scripts keep theirs whole, and the keep-all parse (--dump-tree)
 * keeps everything. */
static void S_long_style_case(void)
{
    static char page[2200];
    size_t n = 0;
    n += (size_t)snprintf(page + n, sizeof page - n, "<style>");
    while (n < 1200)
        n += (size_t)snprintf(page + n, sizeof page - n, "#a%zu{display:none}", n);
    n += (size_t)snprintf(page + n, sizeof page - n, "</style><p>x");
    S_parse(page, n, 0);
    int texts_in = 0;
    for (cd_nid id = 1; id < S_dom.count; id++) {
        const cd_node *e = cd_dom_node(&S_dom, id);
        if (e->type == CD_NODE_ELEMENT && e->tag == CD_TAG_STYLE)
            for (cd_nid c = e->first; c; c = cd_dom_node(&S_dom, c)->next)
                texts_in += cd_dom_node(&S_dom, c)->type == CD_NODE_TEXT;
    }
    INT_EQ(texts_in, 0, "a style sheet over 1 KB keeps no text");
}

static void S_script_cases(void)
{
    static const char page[] = "<head><style>p{color:red}</style><style>#b{display:none}</style>"
                               "<script>var a = 1;</script>"
                               "<script type=\"application/LD+JSON\">{\"@type\":\"NewsArticle\"}</script>"
                               "</head><body><p>x<script>document.write(1)</script>y<svg><script>s</script></svg>";
    for (int keep = 0; keep < 2; keep++) {
        S_parse(page, sizeof page - 1, keep ? CD_PARSE_KEEP_ALL : 0);
        int scripts = 0, styles = 0, texts_in = 0, json = 0;
        for (cd_nid id = 1; id < S_dom.count; id++) {
            const cd_node *n = cd_dom_node(&S_dom, id);
            if (n->type != CD_NODE_ELEMENT || (n->flags & CD_NF_NS) ||
                (n->tag != CD_TAG_SCRIPT && n->tag != CD_TAG_STYLE))
                continue;
            scripts += n->tag == CD_TAG_SCRIPT;
            styles += n->tag == CD_TAG_STYLE;
            for (cd_nid c = n->first; c; c = cd_dom_node(&S_dom, c)->next) {
                const cd_node *t = cd_dom_node(&S_dom, c);
                if (t->type != CD_NODE_TEXT)
                    continue;
                texts_in++;
                json += t->len == 23 && memcmp(t->u.text, "{\"@type\":\"NewsArticle\"}", 23) == 0;
            }
        }
        INT_EQ(scripts, 3, "scripts kept as elements (keep %d)", keep);
        INT_EQ(styles, 2, "styles kept as elements (keep %d)", keep);
        INT_EQ(json, 1, "JSON-LD text kept whole (keep %d)", keep);
        INT_EQ(texts_in, keep ? 5 : 2, "script and style texts (keep %d)", keep);
        S_order(keep ? "script cases, keep-all" : "script cases");
    }
}

int main(int argc, char **argv)
{
    cd_arena_init(&S_arena, cd_mem_default(), 64 * 1024);
    cd_dom_init(&S_dom, cd_mem_default(), &S_arena);
    S_p = cd_own_parser_new(cd_mem_default());
    if (!S_p)
        return 1;
    if (argc > 1) {
        for (int i = 1; i < argc; i++)
            S_dump_file(argv[i]);
    } else {
        S_nul_cases();
        S_shape_cases();
        S_script_cases();
        S_long_style_case();
        S_order_cases();
        S_budget_cases();
        S_depth_cases();
    }
    cd_own_parser_free(S_p);
    cd_dom_free(&S_dom);
    cd_arena_free(&S_arena);
    return argc > 1 ? 0 : cd_t_done();
}
