/* output/text: the article as plain text (what the quality scorer reads).
 *
 * One pre-order walk over the content roots with explicit enter/leave events
 * (no recursion). Inline text is written with whitespace collapsed; block
 * elements owe a separator (a space, a table-cell " | ", a line break or a
 * blank line) that is only written before the next text, so nesting never
 * doubles blank lines and nothing dangles at the ends. The layout follows
 * what a reader sees in a browser's reader view: a list is one block with an
 * item per line, a data table a row per line, a layout table a run of blocks.
 *
 * Speed: text nodes are scanned with a byte-class table and copied in runs
 * straight into the output buffer, reserved once per node. */
#include <string.h>

#include "../util/limits.h"
#include "output.h"
#include "walk.h"

/* Separators, weakest first; pending ones merge by keeping the strongest. */
enum { S_NONE = 0, S_SPACE = 1, S_CELL = 2, S_LINE = 3, S_PARA = 4 };

/* Byte classes: 1 ASCII whitespace, 2 the lead byte of U+00A0 (C2 A0). */
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define S_TEXT_SSE2 1
#endif

static const unsigned char S_cls[256] = {
    [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\f'] = 1, ['\v'] = 1, [0xC2] = 2,
};

typedef struct {
    cd_buf *out;
    size_t base;      /* out->len when rendering began */
    int pending;      /* strongest separator owed before the next text */
    int brs;          /* a <br> was the last thing seen (a second one makes a blank line) */
    int list;         /* open lists: blank lines inside a list become line breaks */
    int inl;          /* open headings and data cells: line breaks become spaces */
    int pre;          /* open <pre> elements */
    int pre_started;  /* the outermost <pre> has written text */
    size_t pre_start; /* where that text starts in out */
    cd_nid dtable;    /* the data table being rendered (tables in it are impossible) */
    uint32_t row_cells;
    const cd_dom *dom;
    const cd_extract *x;
} S_w;

static void S_sep(S_w *w, int sep)
{
    if (w->inl && sep >= S_LINE)
        sep = S_SPACE;
    else if (w->list && sep == S_PARA)
        sep = S_LINE;
    if (sep > w->pending) w->pending = sep;
}

/* Write the pending separator at o (room for 3 bytes reserved); returns the new end. */
static char *S_flush(S_w *w, char *o)
{
    int p = w->pending;
    w->pending = S_NONE;
    w->brs = 0;
    if (o == w->out->data + w->base) /* nothing written yet: no leading separator */
        return o;
    switch (p) {
    case S_PARA:
        *o++ = '\n';
        *o++ = '\n';
        break;
    case S_LINE:
        *o++ = '\n';
        break;
    case S_CELL:
        memcpy(o, " | ", 3);
        o += 3;
        break;
    case S_SPACE:
        *o++ = ' ';
        break;
    default:
        break;
    }
    return o;
}

static void S_text(S_w *w, const char *s, uint32_t n)
{
    cd_buf *out = w->out;
    /* Output never exceeds input plus one separator: each later separator
     * stands for at least one whitespace byte consumed, NBSP shrinks. */
    if (!cd_buf_reserve(out, (size_t)n + 3)) return;
    char *o = out->data + out->len;
    const unsigned char *u = (const unsigned char *)s;
    uint32_t i = 0;
    while (i < n) {
        unsigned k = S_cls[u[i]];
        if (k == 1) {
            /* Indentation: skip eight spaces at a time. */
            do {
                i++;
                while (i + 8 <= n && memcmp(u + i, "        ", 8) == 0)
                    i += 8;
            } while (i < n && S_cls[u[i]] == 1);
            if (w->pending < S_SPACE) w->pending = S_SPACE;
            continue;
        }
        if (k == 2 && i + 1 < n && u[i + 1] == 0xA0) {
            i += 2;
            if (w->pending < S_SPACE) w->pending = S_SPACE;
            continue;
        }
        uint32_t j = i + 1;
        for (;;) {
#ifdef S_TEXT_SSE2
            /* Prose sixteen bytes at a time: no 0xC2, no white space but
             * single spaces, each followed by a byte of no class (the run
             * goes on past it, as below). */
            {
                const __m128i sp = _mm_set1_epi8(' '), nine = _mm_set1_epi8(9), four = _mm_set1_epi8(4),
                              c2 = _mm_set1_epi8((char)0xC2);
                while (j + 17 <= n) {
                    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + j));
                    __m128i t9 = _mm_sub_epi8(v, nine); /* \t..\r: 0..4 */
                    unsigned spm = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, sp));
                    unsigned odd = (unsigned)_mm_movemask_epi8(
                        _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(t9, four), t9), _mm_cmpeq_epi8(v, c2)));
                    if (odd || (spm & (spm >> 1)) || ((spm & 0x8000u) && S_cls[u[j + 16]]))
                        break;
                    j += 16;
                }
            }
#endif
            /* Eight bytes at a time while none is <= 0x20 or 0xC2 (SWAR). */
            while (j + 8 <= n) {
                uint64_t v;
                memcpy(&v, u + j, 8);
                uint64_t c2 = v ^ 0xC2C2C2C2C2C2C2C2u;
                if ((((v - 0x2121212121212121u) & ~v) | ((c2 - 0x0101010101010101u) & ~c2)) &
                    0x8080808080808080u)
                    break;
                j += 8;
            }
            while (j < n && S_cls[u[j]] == 0)
                j++;
            if (j >= n) break;
            /* One plain space between two words is already what we would
             * write: keep it in the run rather than cut the copy there. */
            if (u[j] == ' ' && j + 1 < n && S_cls[u[j + 1]] == 0) {
                j += 2;
                continue;
            }
            /* A C2 lead byte that does not start U+00A0 is ordinary text. */
            if (S_cls[u[j]] == 2 && !(j + 1 < n && u[j + 1] == 0xA0)) {
                j++;
                continue;
            }
            break;
        }
        if (w->pending || w->brs) o = S_flush(w, o);
        memcpy(o, s + i, j - i);
        o += j - i;
        i = j;
    }
    out->len = (size_t)(o - out->data);
    out->data[out->len] = '\0';
}

/* Text inside <pre>: kept byte for byte (NBSP as a space), except the blank
 * lines that open the block, which would double the separator before it. */
static void S_pre_text(S_w *w, const char *s, uint32_t n)
{
    cd_buf *out = w->out;
    uint32_t i = 0;
    if (!w->pre_started) {
        while (i < n && (s[i] == '\n' || s[i] == '\r'))
            i++;
        if (i == n) return;
    }
    if (!cd_buf_reserve(out, (size_t)(n - i) + 3)) return;
    char *o = out->data + out->len;
    o = S_flush(w, o);
    if (!w->pre_started) {
        w->pre_started = 1;
        w->pre_start = (size_t)(o - out->data);
    }
    while (i < n) {
        const char *nb = memchr(s + i, 0xC2, n - i);
        uint32_t j = nb ? (uint32_t)(nb - s) : n;
        memcpy(o, s + i, j - i);
        o += j - i;
        i = j;
        if (i < n) {
            if (i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
                *o++ = ' ';
                i += 2;
            } else {
                *o++ = s[i++];
            }
        }
    }
    out->len = (size_t)(o - out->data);
    out->data[out->len] = '\0';
}

static int S_is_block(uint16_t tag)
{
    return (cd_tag_flags(tag) & CD_TF_BLOCK) || tag == CD_TAG_UNKNOWN;
}

static void S_enter(S_w *w, const cd_dom *dom, const cd_extract *x, cd_nid id, const cd_node *n)
{
    switch (n->tag) {
    case CD_TAG_BR:
        if (w->inl)
            S_sep(w, S_SPACE);
        else
            S_sep(w, w->brs ? S_PARA : S_LINE);
        w->brs = 1;
        return;
    case CD_TAG_TABLE: {
        uint32_t ncols;
        S_sep(w, S_PARA);
        if (!w->dtable && cd_walk_table_scan(dom, x, id, &ncols, NULL)) w->dtable = id;
        return;
    }
    case CD_TAG_THEAD:
    case CD_TAG_TBODY:
    case CD_TAG_TFOOT:
        if (!w->dtable) S_sep(w, S_PARA);
        return;
    case CD_TAG_TR:
        S_sep(w, w->dtable ? S_LINE : S_PARA);
        w->row_cells = 0;
        return;
    case CD_TAG_TD:
    case CD_TAG_TH:
        if (!w->dtable) break;
        if (w->row_cells++) S_sep(w, S_CELL);
        w->inl++;
        return;
    case CD_TAG_UL:
    case CD_TAG_OL:
    case CD_TAG_DL:
    case CD_TAG_MENU:
    case CD_TAG_DIR:
        S_sep(w, S_PARA);
        w->list++;
        return;
    case CD_TAG_LI:
    case CD_TAG_DT:
    case CD_TAG_DD:
        S_sep(w, S_LINE);
        return;
    case CD_TAG_PRE:
    case CD_TAG_XMP:
    case CD_TAG_PLAINTEXT:
        S_sep(w, S_PARA);
        w->pre++;
        return;
    default:
        if (cd_tag_flags(n->tag) & CD_TF_HEADING) {
            S_sep(w, S_PARA);
            w->inl++;
            return;
        }
        break;
    }
    if (S_is_block(n->tag)) S_sep(w, S_PARA);
}

static void S_leave(S_w *w, cd_nid id, const cd_node *n)
{
    switch (n->tag) {
    case CD_TAG_TABLE:
        if (w->dtable == id) w->dtable = CD_NONE;
        S_sep(w, S_PARA);
        return;
    case CD_TAG_THEAD:
    case CD_TAG_TBODY:
    case CD_TAG_TFOOT:
        if (!w->dtable) S_sep(w, S_PARA);
        return;
    case CD_TAG_TR:
        S_sep(w, w->dtable ? S_LINE : S_PARA);
        return;
    case CD_TAG_TD:
    case CD_TAG_TH:
        if (!w->dtable) break;
        if (w->inl) w->inl--;
        return;
    case CD_TAG_UL:
    case CD_TAG_OL:
    case CD_TAG_DL:
    case CD_TAG_MENU:
    case CD_TAG_DIR:
        if (w->list) w->list--;
        S_sep(w, S_PARA);
        return;
    case CD_TAG_LI:
    case CD_TAG_DT:
    case CD_TAG_DD:
        S_sep(w, S_LINE);
        return;
    case CD_TAG_PRE:
    case CD_TAG_XMP:
    case CD_TAG_PLAINTEXT:
        if (w->pre && --w->pre == 0 && w->pre_started) {
            /* Trailing blank lines and spaces of the block would show as extra
             * separator; whitespace inside it is kept. */
            cd_buf *out = w->out;
            size_t e = out->len;
            while (e > w->pre_start && (out->data[e - 1] == '\n' || out->data[e - 1] == ' ' ||
                                        out->data[e - 1] == '\t' || out->data[e - 1] == '\r'))
                e--;
            cd_buf_truncate(out, e);
            w->pre_started = 0;
        }
        S_sep(w, S_PARA);
        return;
    default:
        if (cd_tag_flags(n->tag) & CD_TF_HEADING) {
            if (w->inl) w->inl--;
            S_sep(w, S_PARA);
            return;
        }
        break;
    }
    if (S_is_block(n->tag)) S_sep(w, S_PARA);
}

/* cd_walk_root callbacks. */
static int S_walk_enter(void *ctx, cd_nid id, const cd_node *n)
{
    S_w *w = ctx;
    S_enter(w, w->dom, w->x, id, n);
    return 1;
}

static void S_walk_leave(void *ctx, cd_nid id, const cd_node *n)
{
    S_leave(ctx, id, n);
}

static void S_walk_text(void *ctx, const cd_node *n)
{
    S_w *w = ctx;
    if (w->pre)
        S_pre_text(w, n->u.text, n->len);
    else
        S_text(w, n->u.text, n->len);
}

static const cd_walk_ops S_ops = {S_walk_enter, S_walk_leave, S_walk_text, 0};

void cd_text_walk(const cd_dom *dom, const cd_extract *x, unsigned options, cd_buf *out)
{
    S_w w;
    memset(&w, 0, sizeof w);
    w.out = out;
    w.base = out->len;
    w.dom = dom;
    w.x = x;
    (void)options;
    for (uint32_t r = 0; r < x->nroots; r++) {
        if (!x->roots[r] || x->roots[r] >= dom->count) continue;
        S_sep(&w, S_PARA);
        cd_walk_root(dom, x, x->roots[r], &S_ops, &w, out);
        /* A root that ends inside an unclosed walk state starts the next clean. */
        w.list = w.inl = w.pre = 0;
        w.pre_started = 0;
        w.dtable = CD_NONE;
    }
    if (!out->data) cd_buf_put(out, "", 0);
}

/* The text format: the head (output/head.c), then the page's text as walked
 * once for it (r->text), or a walk now when the caller has none. */
void cd_render_text(const cd_result *r, unsigned options, cd_buf *out)
{
    size_t head = out->len, body = out->len;
    int with_head = cd_head_wanted(options) && cd_render_head(r, 0, out);
    if (with_head) {
        head = out->len;
        cd_buf_puts(out, "\n\n");
        body = out->len;
    }
    if (r->text)
        cd_buf_put(out, r->text, r->text_len);
    else
        cd_text_walk(r->dom, r->ext, options, out);
    if (with_head) {
        cd_head_dedupe(r, 0, out, body);
        if (out->len == body) cd_buf_truncate(out, head);
    }
}
