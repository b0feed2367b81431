/* tools/parse_diff: our tree builder against myhtml, page by page.
 *
 *   parse_diff [-v] [-d DIR] PATH...
 *
 * Every *.html / *.htm / *.html.gz under the PATHs (directories walked
 * recursively) is decoded as extraction decodes it (src/input) and parsed by
 * both parsers into copydesk's tree, as extraction reads it (comments,
 * doctype and SVG content dropped). The trees are walked side by side; the
 * first difference of each page is printed as one tab-separated line:
 *
 *   FILE  KIND  PATH  OURS  MYHTML
 *
 * KIND is shape (a node's kind, tag or depth differs), attr or text; PATH
 * the element path down to the node. A page whose trees differ may still
 * have the same text: the text (all text nodes in document order) is
 * compared too. The last line sums up. -v also prints pages that agree;
 * -d DIR writes both trees of each page in the --dump-tree format to
 * DIR/own.txt and DIR/myhtml.txt, and the decoded page to DIR/input.html
 * (for one page at a time).
 * (Built while both parsers are; tools/parse_diff.sh compares the two
 * builds' --json output, which is what the equivalence target counts.) */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "dom/dom.h"
#include "input/input.h"
#include "parse/ports.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/limits.h"

#if !defined(CD_HAVE_OWN_PARSER) || !defined(CD_HAVE_MYHTML)
int main(void)
{
    fputs("parse_diff: needs both parsers built\n", stderr);
    return 2;
}
#else

typedef struct {
    cd_arena arena;
    cd_dom dom;
} S_tree;

static cd_own_parser *S_own;
static cd_myhtml_parser *S_my;
static S_tree S_a, S_b;
static int S_verbose;
static const char *S_dump_dir;
static long S_pages, S_same_tree, S_same_text, S_failed;

static void S_tree_init(S_tree *t)
{
    cd_arena_init(&t->arena, cd_mem_default(), 64 * 1024);
    cd_dom_init(&t->dom, cd_mem_default(), &t->arena);
}

static void S_tree_reset(S_tree *t)
{
    cd_dom_reset(&t->dom);
    cd_arena_reset(&t->arena);
}

static char *S_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    cd_buf b;
    cd_buf_init(&b, cd_mem_default());
    char chunk[1 << 16];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        cd_buf_put(&b, chunk, n);
    fclose(f);
    return cd_buf_detach(&b, len);
}

/* A node in a few words. */
static void S_describe(const cd_dom *d, cd_nid id, cd_buf *out)
{
    if (!id) {
        cd_buf_puts(out, "(none)");
        return;
    }
    const cd_node *n = cd_dom_node(d, id);
    if (n->type == CD_NODE_TEXT) {
        cd_buf_putc(out, '"');
        size_t l = n->len < 60 ? n->len : 60;
        for (size_t i = 0; i < l; i++) {
            char c = n->u.text[i];
            cd_buf_putc(out, c == '\n' || c == '\t' ? ' ' : c);
        }
        cd_buf_puts(out, n->len > 60 ? "...\"" : "\"");
    } else if (n->type == CD_NODE_ELEMENT) {
        cd_buf_printf(out, "<%s", n->name ? n->name : cd_tag_name(n->tag));
        for (uint32_t i = 0; i < n->len && i < 6; i++) {
            const cd_attr *a = &n->u.attr[i];
            cd_buf_putc(out, ' ');
            for (uint32_t k = 0; k < a->name_len && k < 30; k++)
                cd_buf_putc(out, (unsigned char)a->name[k] < 0x20 ? ' ' : a->name[k]);
            cd_buf_put(out, "=\"", 2);
            for (uint32_t k = 0; k < a->value_len && k < 30; k++)
                cd_buf_putc(out, (unsigned char)a->value[k] < 0x20 ? ' ' : a->value[k]);
            cd_buf_putc(out, '"');
        }
        cd_buf_puts(out, n->len > 6 ? " ...>" : ">");
    } else {
        cd_buf_printf(out, "#type%d", n->type);
    }
}

static void S_path(const cd_dom *d, cd_nid id, cd_buf *out)
{
    cd_nid chain[CD_MAX_DEPTH + 8];
    int n = 0;
    for (cd_nid a = id ? cd_dom_node(d, id)->parent : 0; a > 1 && n < (int)(sizeof chain / sizeof chain[0]);
         a = cd_dom_node(d, a)->parent)
        chain[n++] = a;
    int from = n > 8 ? 8 : n;
    if (n > 8)
        cd_buf_puts(out, "...");
    for (int i = from - 1; i >= 0; i--) {
        const cd_node *e = cd_dom_node(d, chain[i]);
        cd_buf_printf(out, "/%s", e->name ? e->name : cd_tag_name(e->tag));
    }
}

static int S_same_node(const cd_dom *a, cd_nid x, const cd_dom *b, cd_nid y, const char **kind)
{
    const cd_node *m = cd_dom_node(a, x), *n = cd_dom_node(b, y);
    *kind = "shape";
    if (m->type != n->type)
        return 0;
    if (m->type == CD_NODE_TEXT) {
        *kind = "text";
        return m->len == n->len && memcmp(m->u.text, n->u.text, m->len) == 0;
    }
    if (m->type != CD_NODE_ELEMENT)
        return 1;
    if (m->tag != n->tag)
        return 0;
    if (m->tag == CD_TAG_UNKNOWN && strcmp(m->name ? m->name : "", n->name ? n->name : "") != 0)
        return 0;
    /* Known differences that are not ours to fix: myhtml keeps duplicate
     * attributes (the standard drops all but the first: ours does), and
     * stores a foreign element's xlink:href / xmlns:xlink by local name. */
    *kind = "attr";
    uint32_t j = 0;
    for (uint32_t i = 0; i < m->len; i++, j++) {
        const cd_attr *p = &m->u.attr[i];
        const cd_attr *q = NULL;
        for (; j < n->len; j++) {
            q = &n->u.attr[j];
            int dup = 0;
            for (uint32_t k = 0; k < j && !dup; k++)
                dup = n->u.attr[k].name_len == q->name_len && memcmp(n->u.attr[k].name, q->name, q->name_len) == 0;
            if (!dup)
                break;
            q = NULL;
        }
        if (!q)
            return 0;
        const char *pn = p->name;
        size_t pl = p->name_len;
        const char *colon = (m->flags & CD_NF_NS) ? memchr(pn, ':', pl) : NULL;
        if (colon && !(q->name_len == pl && memcmp(q->name, pn, pl) == 0)) {
            pl -= (size_t)(colon + 1 - pn);
            pn = colon + 1;
        }
        if (pl != q->name_len || memcmp(pn, q->name, pl) != 0 || p->value_len != q->value_len ||
            memcmp(p->value, q->value, p->value_len) != 0)
            return 0;
    }
    for (; j < n->len; j++) {
        const cd_attr *q = &n->u.attr[j];
        int dup = 0;
        for (uint32_t k = 0; k < j && !dup; k++)
            dup = n->u.attr[k].name_len == q->name_len && memcmp(n->u.attr[k].name, q->name, q->name_len) == 0;
        if (!dup)
            return 0;
    }
    return 1;
}

static void S_text(const cd_dom *d, cd_buf *out)
{
    for (cd_nid id = cd_dom_root(d); id; id = cd_dom_next(d, id, cd_dom_root(d))) {
        const cd_node *n = cd_dom_node(d, id);
        if (n->type == CD_NODE_TEXT)
            cd_buf_put(out, n->u.text, n->len);
    }
}

static void S_page(const char *path)
{
    size_t len = 0;
    char *raw = S_read(path, &len);
    if (!raw) {
        perror(path);
        S_failed++;
        return;
    }
    cd_buf gz, dec;
    cd_buf_init(&gz, cd_mem_default());
    cd_buf_init(&dec, cd_mem_default());
    const unsigned char *in = (const unsigned char *)raw;
    if (cd_input_is_gzip(in, len) && cd_input_gunzip(in, len, CD_MAX_DECODED, &gz) == COPYDESK_OK) {
        in = (const unsigned char *)gz.data;
        len = gz.len;
    }
    cd_decode_info info;
    if (!len || cd_input_decode(in, len, NULL, &dec, &info) != COPYDESK_OK) {
        free(raw);
        cd_buf_free(&gz);
        cd_buf_free(&dec);
        return;
    }
    S_tree_reset(&S_a);
    S_tree_reset(&S_b);
    copydesk_status sa = cd_own_parse(S_own, dec.data, dec.len, &S_a.dom, 0);
    copydesk_status sb = cd_myhtml_parse(S_my, dec.data, dec.len, &S_b.dom, 0);
    S_pages++;
    if (sa != COPYDESK_OK || sb != COPYDESK_OK) {
        printf("%s\tstatus\t\t%d\t%d\n", path, sa, sb);
        S_failed++;
        goto done;
    }
    if (S_dump_dir) {
        cd_buf fn;
        cd_buf_init(&fn, cd_mem_default());
        cd_buf_printf(&fn, "%s/input.html", S_dump_dir);
        FILE *f = fopen(fn.data, "wb");
        if (f) {
            fwrite(dec.data, 1, dec.len, f);
            fclose(f);
        }
        cd_buf_free(&fn);
    }
    if (S_dump_dir) {
        const char *names[2] = {"own.txt", "myhtml.txt"};
        const cd_dom *doms[2] = {&S_a.dom, &S_b.dom};
        for (int k = 0; k < 2; k++) {
            cd_buf o, fn;
            cd_buf_init(&o, cd_mem_default());
            cd_buf_init(&fn, cd_mem_default());
            cd_parse_dump(doms[k], &o);
            cd_buf_printf(&fn, "%s/%s", S_dump_dir, names[k]);
            FILE *f = fopen(fn.data, "wb");
            if (f) {
                fwrite(o.data ? o.data : "", 1, o.len, f);
                fclose(f);
            }
            cd_buf_free(&o);
            cd_buf_free(&fn);
        }
    }
    /* Side by side, pre-order, with depth. */
    const cd_dom *A = &S_a.dom, *B = &S_b.dom;
    cd_nid x = cd_dom_root(A), y = cd_dom_root(B);
    const char *kind = "shape";
    int same = 1;
    while (x || y) {
        if (!x || !y || !S_same_node(A, x, B, y, &kind)) {
            same = 0;
            break;
        }
        /* Same depth next: both descend, or both climb the same way. */
        const cd_node *m = cd_dom_node(A, x), *n = cd_dom_node(B, y);
        if ((m->first != 0) != (n->first != 0)) {
            kind = "shape";
            same = 0;
            /* Report the child one side has. */
            x = m->first ? m->first : x;
            y = n->first ? n->first : y;
            break;
        }
        if (m->first) {
            x = m->first;
            y = n->first;
            continue;
        }
        while (x && y && !cd_dom_node(A, x)->next && !cd_dom_node(B, y)->next) {
            x = cd_dom_node(A, x)->parent;
            y = cd_dom_node(B, y)->parent;
        }
        if (!x || !y)
            break;
        if ((cd_dom_node(A, x)->next != 0) != (cd_dom_node(B, y)->next != 0)) {
            kind = "shape";
            same = 0;
            x = cd_dom_node(A, x)->next ? cd_dom_node(A, x)->next : x;
            y = cd_dom_node(B, y)->next ? cd_dom_node(B, y)->next : y;
            break;
        }
        x = cd_dom_node(A, x)->next;
        y = cd_dom_node(B, y)->next;
    }
    cd_buf ta, tb;
    cd_buf_init(&ta, cd_mem_default());
    cd_buf_init(&tb, cd_mem_default());
    S_text(A, &ta);
    S_text(B, &tb);
    int same_text = ta.len == tb.len && (ta.len == 0 || memcmp(ta.data, tb.data, ta.len) == 0);
    S_same_tree += same;
    S_same_text += same_text;
    if (!same) {
        cd_buf line;
        cd_buf_init(&line, cd_mem_default());
        cd_buf_printf(&line, "%s\t%s%s\t", path, kind, same_text ? "" : "+text");
        S_path(A, x, &line);
        cd_buf_putc(&line, '\t');
        S_describe(A, x, &line);
        cd_buf_putc(&line, '\t');
        S_describe(B, y, &line);
        puts(line.data ? line.data : "");
        cd_buf_free(&line);
    } else if (S_verbose) {
        printf("%s\tsame\n", path);
    }
    cd_buf_free(&ta);
    cd_buf_free(&tb);
done:
    free(raw);
    cd_buf_free(&gz);
    cd_buf_free(&dec);
}

static int S_wanted(const char *name)
{
    size_t n = strlen(name);
    static const char *const ext[] = {".html", ".htm", ".html.gz", ".htm.gz"};
    for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
        size_t m = strlen(ext[i]);
        if (n >= m && strcmp(name + n - m, ext[i]) == 0)
            return 1;
    }
    return 0;
}

static int S_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void S_walk(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        perror(path);
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        S_page(path);
        return;
    }
    DIR *d = opendir(path);
    if (!d)
        return;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            names = realloc(names, cap * sizeof *names);
        }
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, S_cmp);
    for (size_t i = 0; i < n; i++) {
        char *full = NULL;
        if (asprintf(&full, "%s/%s", path, names[i]) > 0) {
            struct stat s2;
            if (stat(full, &s2) == 0 && (S_ISDIR(s2.st_mode) || S_wanted(names[i])))
                S_walk(full);
        }
        free(full);
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv)
{
    S_own = cd_own_parser_new(cd_mem_default());
    S_my = cd_myhtml_parser_new(cd_mem_default());
    if (!S_own || !S_my)
        return 2;
    S_tree_init(&S_a);
    S_tree_init(&S_b);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0)
            S_verbose = 1;
        else if (strcmp(argv[i], "-d") == 0 && i + 1 < argc)
            S_dump_dir = argv[++i];
        else
            S_walk(argv[i]);
    }
    printf("# %ld pages: %ld same tree (%.2f %%), %ld same text (%.2f %%), %ld failed\n", S_pages, S_same_tree,
           S_pages ? 100.0 * S_same_tree / S_pages : 0.0, S_same_text, S_pages ? 100.0 * S_same_text / S_pages : 0.0,
           S_failed);
    cd_own_parser_free(S_own);
    cd_myhtml_parser_free(S_my);
    return 0;
}
#endif
