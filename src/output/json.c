/* output/json: one JSON object per page (JSON Lines when written one per line).
 *
 * The keys are the rows of include/copydesk_fields.def in their order, between
 * `source` and `text` (docs/schema.md); the writer knows no field by name. */
#include <pthread.h>
#include <string.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define CD_JSON_SSE2 1
#endif

#include "../util/utf8.h"
#include "output.h"

/* The first i' >= i where s[i'] is a control character, '"', '\\' or not
 * ASCII, or a position short of it (the caller then goes byte by byte). */
static inline size_t S_plain(const char *s, size_t i, size_t len)
{
#ifdef CD_JSON_SSE2
    const __m128i sp = _mm_set1_epi8(0x20), q = _mm_set1_epi8('"'), bs = _mm_set1_epi8('\\');
    while (len - i >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        /* Signed: bytes >= 0x80 are below 0x20 too. */
        __m128i bad = _mm_or_si128(_mm_cmplt_epi8(x, sp), _mm_or_si128(_mm_cmpeq_epi8(x, q), _mm_cmpeq_epi8(x, bs)));
        unsigned m = (unsigned)_mm_movemask_epi8(bad);
        if (m)
            return i + (size_t)__builtin_ctz(m);
        i += 16;
    }
#endif
    (void)s;
    (void)len;
    return i;
}

/* A JSON string's contents and its closing quote (the opening one written). */
static void S_json_rest(cd_buf *out, const char *s, size_t len);
/* Its contents alone. */
static void S_json_body(cd_buf *out, const char *s, size_t len);

void cd_json_string(cd_buf *out, const char *s, size_t len)
{
    cd_buf_putc(out, '"');
    S_json_rest(out, s, len);
}

static void S_json_rest(cd_buf *out, const char *s, size_t len)
{
    S_json_body(out, s, len);
    cd_buf_putc(out, '"');
}

/* Raw bytes escaped in pieces of about this many. */
#define S_PIECE ((size_t)64 * 1024)

/* The end of the piece of s[at..len) that starts at at: at most S_PIECE
 * bytes, cut before a byte that is not a continuation byte (no sequence
 * before it can claim it), else, when the last four are all continuation
 * bytes, before the last (no lead byte within 3 before it: it decodes
 * alone), so that pieces escape as the whole string does. */
static size_t S_piece_end(const char *s, size_t at, size_t len)
{
    if (len - at <= S_PIECE)
        return len;
    size_t e = at + S_PIECE;
    for (size_t q = e; q + 3 >= e && q > at; q--)
        if (((unsigned char)s[q] & 0xC0) != 0x80)
            return q;
    return e;
}

/* Escape out[at..len) as a JSON string's contents where it lies, then close
 * the string: JSON's `markdown` is rendered into out and escaped there, not
 * rendered into a buffer of its own and escaped into out (which held both,
 * issue #14). Escaping never shortens: the raw bytes are moved to the end of
 * the escaped length and escaped forward, piece by piece, the writer never
 * passing the reader. */
static void S_json_escape_tail(cd_buf *out, size_t at)
{
    if (out->failed)
        return;
    size_t m = out->len - at, e = 0;
    cd_buf piece;
    cd_buf_init(&piece, out->mem);
    for (size_t r = at; r < out->len;) {
        size_t end = S_piece_end(out->data, r, out->len);
        cd_buf_clear(&piece);
        S_json_body(&piece, out->data + r, end - r);
        e += piece.len;
        r = end;
    }
    if (!piece.failed && e != m && cd_buf_reserve(out, e - m)) {
        char *d = out->data;
        memmove(d + at + e - m, d + at, m);
        size_t w = at, r = at + e - m, stop = at + e;
        while (r < stop) {
            size_t end = S_piece_end(d, r, stop);
            cd_buf_clear(&piece);
            S_json_body(&piece, d + r, end - r);
            if (piece.failed)
                break;
            memcpy(d + w, piece.data, piece.len);
            w += piece.len;
            r = end;
        }
        out->len = w;
        out->data[w] = '\0';
    }
    if (piece.failed)
        out->failed = 1;
    cd_buf_free(&piece);
    cd_buf_putc(out, '"');
}

static void S_json_body(cd_buf *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    /* Bytes go out in runs: s[start..i) is still to copy. A valid UTF-8
     * sequence is copied as it is, except U+2028/9 (escaped: JavaScript) and
     * what decodes as U+FFFD (ill-formed bytes become its three bytes). */
    size_t i = 0, start = 0;
    while (i < len) {
        i = S_plain(s, i, len);
        if (i >= len)
            break;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0x80) {
            uint32_t cp;
            size_t k = cd_utf8_decode((const unsigned char *)s + i, len - i, &cp);
            if (k == 0)
                k = 1;
            if (cp != CD_REPLACEMENT && cp != 0x2028 && cp != 0x2029) {
                i += k;
                continue;
            }
            if (i > start)
                cd_buf_put(out, s + start, i - start);
            if (cp == CD_REPLACEMENT)
                cd_buf_put_cp(out, CD_REPLACEMENT);
            else
                cd_buf_printf(out, "\\u%04x", (unsigned)cp);
            i += k;
            start = i;
            continue;
        }
        if (i > start)
            cd_buf_put(out, s + start, i - start);
        switch (c) {
        case '"':
            cd_buf_put(out, "\\\"", 2);
            break;
        case '\\':
            cd_buf_put(out, "\\\\", 2);
            break;
        case '\n':
            cd_buf_put(out, "\\n", 2);
            break;
        case '\t':
            cd_buf_put(out, "\\t", 2);
            break;
        case '\r':
            cd_buf_put(out, "\\r", 2);
            break;
        default: {
            char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            cd_buf_put(out, e, 6);
        }
        }
        i++;
        start = i;
    }
    if (len > start)
        cd_buf_put(out, s + start, len - start);
}

static void S_keyn(cd_buf *out, int *first, const char *key, size_t n)
{
    if (!*first)
        cd_buf_putc(out, ',');
    *first = 0;
    cd_buf_putc(out, '"');
    cd_buf_put(out, key, n);
    cd_buf_put(out, "\":", 2);
}

static void S_key(cd_buf *out, int *first, const char *key)
{
    S_keyn(out, first, key, strlen(key));
}

static void S_str(cd_buf *out, int *first, const char *key, const char *v)
{
    S_key(out, first, key);
    if (v)
        cd_json_string(out, v, strlen(v));
    else
        cd_buf_put(out, "null", 4);
}

static void S_list(cd_buf *out, const cd_meta *m, int f)
{
    cd_buf_putc(out, '[');
    size_t n = cd_meta_count(m, f, NULL);
    for (size_t i = 0; i < n; i++) {
        if (i)
            cd_buf_putc(out, ',');
        const char *v = cd_meta_value(m, f, i, NULL);
        cd_json_string(out, v, strlen(v));
    }
    cd_buf_putc(out, ']');
}

/* The shape of the field table, taken once (S_fields runs once a page): each
 * row's "group." length (when it has one) and the row after its group's run. */
static size_t S_glen[COPYDESK_FIELD_COUNT];
static size_t S_klen[COPYDESK_FIELD_COUNT]; /* and its name's length */
static int S_gend[COPYDESK_FIELD_COUNT], S_dotted[COPYDESK_FIELD_COUNT];
/* Each row's key as written, with the comma before it: ,"name": for the
 * row's own key (the part after the dot in a group), ,"group": for its
 * group; S_q_ok when every one fitted. */
#define S_QMAX 48
static char S_q[COPYDESK_FIELD_COUNT][2][S_QMAX];
static size_t S_ql[COPYDESK_FIELD_COUNT][2];
static int S_q_ok;
static pthread_once_t S_shape_once = PTHREAD_ONCE_INIT;
/* The empty form of each item (a row without a dot, or a group) with the comma
 * before it, one after another in row order: ,"url":null,"authors":[] …
 * ,"image":null …; S_eoff[f] is where the item starting at row f begins
 * (S_eoff[COPYDESK_FIELD_COUNT] the end). A run of empty items, most of a
 * small page's, is then one write. */
static char S_empty[COPYDESK_FIELD_COUNT * S_QMAX];
static size_t S_eoff[COPYDESK_FIELD_COUNT + 1];

static int S_quote(char *q, size_t *ql, const char *key, size_t n)
{
    if (n + 5 > S_QMAX)
        return 0;
    q[0] = ',';
    q[1] = '"';
    memcpy(q + 2, key, n);
    q[n + 2] = '"';
    q[n + 3] = ':';
    q[n + 4] = '"'; /* a string value's opening quote, written with it (S_fvalue) */
    *ql = n + 4;
    return 1;
}

static void S_shape(void)
{
    S_q_ok = 1;
    for (int f = 0; f < COPYDESK_FIELD_COUNT; f++) {
        const char *json = cd_meta_fields[f].json, *dot = strchr(json, '.');
        S_dotted[f] = dot != NULL;
        S_klen[f] = strlen(json);
        S_glen[f] = dot ? (size_t)(dot - json) : 0;
        int end = f;
        while (dot && end < COPYDESK_FIELD_COUNT && strncmp(cd_meta_fields[end].json, json, S_glen[f] + 1) == 0)
            end++;
        S_gend[f] = end;
        size_t own = dot ? S_glen[f] + 1 : 0;
        if (!S_quote(S_q[f][0], &S_ql[f][0], json + own, S_klen[f] - own) ||
            !S_quote(S_q[f][1], &S_ql[f][1], json, S_glen[f]))
            S_q_ok = 0;
    }
    size_t e = 0;
    for (int f = 0; f < COPYDESK_FIELD_COUNT && S_q_ok;) {
        int grp = S_dotted[f], next = grp ? S_gend[f] : f + 1;
        const char *q = S_q[f][grp], *v = cd_meta_fields[f].kind == CD_FIELD_LIST && !grp ? "[]" : "null";
        size_t ql = S_ql[f][grp], vl = strlen(v);
        S_eoff[f] = e;
        if (e + ql + vl > sizeof S_empty) {
            S_q_ok = 0;
            break;
        }
        memcpy(S_empty + e, q, ql);
        memcpy(S_empty + e + ql, v, vl);
        e += ql + vl;
        f = next;
    }
    S_eoff[COPYDESK_FIELD_COUNT] = e;
}

/* Row f's own key (which 0) or its group's (1), with the comma before it
 * unless it is the first of its object. */
static void S_fkey(cd_buf *out, int *first, int f, int which)
{
    if (S_q_ok) {
        size_t skip = *first ? 1 : 0;
        *first = 0;
        cd_buf_put(out, S_q[f][which] + skip, S_ql[f][which] - skip);
        return;
    }
    const char *json = cd_meta_fields[f].json;
    if (which)
        S_keyn(out, first, json, S_glen[f]);
    else if (S_dotted[f])
        S_keyn(out, first, json + S_glen[f] + 1, S_klen[f] - S_glen[f] - 1);
    else
        S_keyn(out, first, json, S_klen[f]);
}

/* Row f's own key and its value v (a string, or null). */
static void S_fvalue(cd_buf *out, int *first, int f, const char *v)
{
    if (v && S_q_ok) {
        size_t skip = *first ? 1 : 0;
        *first = 0;
        cd_buf_put(out, S_q[f][0] + skip, S_ql[f][0] + 1 - skip);
        S_json_rest(out, v, strlen(v));
        return;
    }
    S_fkey(out, first, f, 0);
    if (v)
        cd_json_string(out, v, strlen(v));
    else
        cd_buf_put(out, "null", 4);
}

/* Flush the run of empty items from row from to row to. */
static void S_empties(cd_buf *out, int *first, int from, int to)
{
    size_t skip = *first ? 1 : 0;
    *first = 0;
    cd_buf_put(out, S_empty + S_eoff[from] + skip, S_eoff[to] - S_eoff[from] - skip);
}

/* The fields of copydesk_fields.def in its order. A run of rows "group.key" is
 * one object "group", written as null when all of its fields are. Runs of empty items are
 * written from S_empty at once (one by one when S_q could not hold a key). */
static void S_fields(cd_buf *out, int *first, const cd_result *r)
{
    pthread_once(&S_shape_once, S_shape);
    const cd_meta *m = r->meta;
    int run = -1; /* the first row of the pending run of empty items */
    for (int f = 0; f < COPYDESK_FIELD_COUNT;) {
        const cd_meta_field_info *d = &cd_meta_fields[f];
        int end = S_dotted[f] ? S_gend[f] : f + 1;
        const char *v = NULL;
        int empty = 1;
        if (S_dotted[f]) {
            for (int g = f; g < end && empty; g++)
                empty = cd_meta_value(m, g, 0, NULL) == NULL;
        } else if (d->kind == CD_FIELD_LIST) {
            empty = cd_meta_count(m, f, NULL) == 0;
        } else {
            v = d->kind == CD_FIELD_URL ? r->url : m ? *(const char *const *)((const char *)m + d->value) : NULL;
            empty = v == NULL;
        }
        if (empty && S_q_ok) {
            if (run < 0)
                run = f;
            f = end;
            continue;
        }
        if (run >= 0) {
            S_empties(out, first, run, f);
            run = -1;
        }
        if (!S_dotted[f]) {
            if (d->kind == CD_FIELD_LIST) {
                S_fkey(out, first, f, 0);
                S_list(out, m, f);
            } else {
                S_fvalue(out, first, f, v);
            }
        } else if (empty) {
            S_fkey(out, first, f, 1); /* a group of no value (when S_q could not hold the keys) */
            cd_buf_put(out, "null", 4);
        } else {
            int f2 = 1;
            S_fkey(out, first, f, 1);
            cd_buf_putc(out, '{');
            for (int g = f; g < end; g++)
                S_fvalue(out, &f2, g, cd_meta_value(m, g, 0, NULL));
            cd_buf_putc(out, '}');
        }
        f = end;
    }
    if (run >= 0)
        S_empties(out, first, run, COPYDESK_FIELD_COUNT);
}

/* One JSON object, no trailing newline, keys in a fixed order (docs/schema.md). */
void cd_render_json(const cd_result *r, unsigned options, cd_buf *out)
{
    int first = 1;
    cd_buf_putc(out, '{');
    if (r->source)
        S_str(out, &first, "source", r->source);
    S_fields(out, &first, r);
    if (options & COPYDESK_OPT_EXPLAIN) {
        /* Where each field came from, for those that record it and have a value. */
        int f2 = 1;
        S_key(out, &first, "sources");
        cd_buf_putc(out, '{');
        for (int f = 0; f < COPYDESK_FIELD_COUNT; f++) {
            const char *src = cd_meta_source(r->meta, f);
            if (!src)
                continue;
            size_t n;
            const char *name = cd_meta_source_name(f, &n);
            S_keyn(out, &f2, name, n);
            cd_json_string(out, src, strlen(src));
        }
        cd_buf_putc(out, '}');
        if (r->ext && r->dom)
            cd_render_explain(r->dom, r->ext, out);
    }
    S_key(out, &first, "text");
    cd_json_string(out, r->text ? r->text : "", r->text ? r->text_len : 0);
    if (options & COPYDESK_OPT_JSON_MARKDOWN) {
        /* Rendered in place, then escaped there (S_json_escape_tail). */
        S_key(out, &first, "markdown");
        cd_buf_putc(out, '"');
        size_t at = out->len;
        cd_render_markdown(r, options, out);
        S_json_escape_tail(out, at);
    }
    cd_buf_putc(out, '}');
}
