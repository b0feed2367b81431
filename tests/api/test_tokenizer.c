/* test_tokenizer: src/parse/tokenizer.c against html5lib's tokenizer tests,
 * plus our own cases (limits, the pull contract, hostile input).
 *
 *   test_tokenizer [-v] [DIR]      (DIR: ../shared/data/html5lib-tests/tokenizer)
 *
 * Every test of every DIR/NAME.test file is run once per initial state it lists;
 * each (test, state) pair counts as one. The tokens are compared after
 * merging adjacent character tokens, as the format asks; attributes are
 * compared as a set. What is NOT checked:
 *   - the "errors" lists: copydesk counts parse errors, it does not name or
 *     place them (cd_tokenizer_errors), so only the tokens are compared;
 *   - xmlViolation.test: it expects the "coercing an HTML DOM into an
 *     infoset" tweaks, which a browser-style parser does not apply.
 * How the format maps onto our API:
 *   - "CDATA section state": the input is prefixed with "<![CDATA[" and CDATA
 *     allowed (the tokenizer enters the CDATA section state exactly so);
 *   - doubleEscaped inputs with a lone surrogate (\uD800 alone) cannot be UTF-8;
 *     such code points are written as their 3-byte (WTF-8) form on both sides,
 *     which the tokenizer passes through as it passes any byte.
 * A (test, state) pair in tests/html5lib/tokenizer-known-failures.txt may
 * fail (each line says why); one that passes there fails the run, so the
 * list cannot go stale. The run prints the pass count and fails unless every
 * other pair passes. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <dirent.h>
#include <json-c/json.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "parse/tokenizer.h"
#include "dom/dom.h"
#include "util/buf.h"
#include "util/limits.h"

static int S_verbose;

/* ---- expected / actual tokens as one canonical string ----------------- */

/* Append s[0..n) with \, |, control bytes and newlines escaped. */
static void S_esc(cd_buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\' || c == '|')
            cd_buf_printf(b, "\\%c", c);
        else if (c < 0x20 || c == 0x7f)
            cd_buf_printf(b, "\\x%02x", c);
        else
            cd_buf_putc(b, (char)c);
    }
}

/* \uHHHH (and surrogate pairs) -> UTF-8; a lone surrogate as its 3-byte form. */
static char *S_unescape(const char *s, size_t n, size_t *out_len)
{
    char *o = malloc(n * 2 + 1);
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        unsigned v;
        if (s[i] == '\\' && i + 6 <= n && s[i + 1] == 'u' && sscanf(s + i + 2, "%4x", &v) == 1) {
            i += 6;
            if (v >= 0xD800 && v <= 0xDBFF && i + 6 <= n && s[i] == '\\' && s[i + 1] == 'u') {
                unsigned lo;
                if (sscanf(s + i + 2, "%4x", &lo) == 1 && lo >= 0xDC00 && lo <= 0xDFFF) {
                    v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
            }
            if (v < 0x80) {
                o[k++] = (char)v;
            } else if (v < 0x800) {
                o[k++] = (char)(0xC0 | (v >> 6));
                o[k++] = (char)(0x80 | (v & 0x3F));
            } else if (v < 0x10000) {
                o[k++] = (char)(0xE0 | (v >> 12));
                o[k++] = (char)(0x80 | ((v >> 6) & 0x3F));
                o[k++] = (char)(0x80 | (v & 0x3F));
            } else {
                o[k++] = (char)(0xF0 | (v >> 18));
                o[k++] = (char)(0x80 | ((v >> 12) & 0x3F));
                o[k++] = (char)(0x80 | ((v >> 6) & 0x3F));
                o[k++] = (char)(0x80 | (v & 0x3F));
            }
        } else {
            o[k++] = s[i++];
        }
    }
    o[k] = '\0';
    *out_len = k;
    return o;
}

/* A JSON string (unescaped again when dbl) appended escaped, or "<null>". */
static void S_jstr(cd_buf *b, json_object *o, int dbl)
{
    if (!o || json_object_get_type(o) != json_type_string) {
        cd_buf_puts(b, "<null>");
        return;
    }
    const char *s = json_object_get_string(o);
    size_t n = (size_t)json_object_get_string_len(o);
    if (dbl) {
        size_t m;
        char *u = S_unescape(s, n, &m);
        S_esc(b, u, m);
        free(u);
    } else {
        S_esc(b, s, n);
    }
}

typedef struct {
    char *k, *v;
} S_kv;

static int S_kv_cmp(const void *a, const void *b)
{
    return strcmp(((const S_kv *)a)->k, ((const S_kv *)b)->k);
}

/* Attributes "|name=value" sorted by name. kv[i].k/v are escaped strings. */
static void S_put_attrs(cd_buf *b, S_kv *kv, size_t n)
{
    qsort(kv, n, sizeof *kv, S_kv_cmp);
    for (size_t i = 0; i < n; i++) {
        cd_buf_printf(b, "|%s=%s", kv[i].k, kv[i].v);
        free(kv[i].k);
        free(kv[i].v);
    }
}

static char *S_escdup(const char *s, size_t n)
{
    cd_buf b;
    cd_buf_init(&b, cd_mem_default());
    S_esc(&b, s, n);
    size_t len;
    char *r = cd_buf_detach(&b, &len);
    return r ? r : strdup("");
}

/* Expected tokens of a test, one per line, adjacent Character tokens merged. */
static char *S_expected(json_object *output, int dbl)
{
    cd_buf b, chars;
    cd_buf_init(&b, cd_mem_default());
    cd_buf_init(&chars, cd_mem_default());
    size_t n = json_object_array_length(output);
    for (size_t i = 0; i < n; i++) {
        json_object *tk = json_object_array_get_idx(output, i);
        const char *kind = json_object_get_string(json_object_array_get_idx(tk, 0));
        if (strcmp(kind, "Character") == 0) {
            S_jstr(&chars, json_object_array_get_idx(tk, 1), dbl);
            continue;
        }
        if (chars.len) {
            cd_buf_printf(&b, "Character|%s\n", chars.data);
            cd_buf_clear(&chars);
        }
        cd_buf_puts(&b, kind);
        if (strcmp(kind, "DOCTYPE") == 0) {
            for (int j = 1; j <= 3; j++) {
                cd_buf_putc(&b, '|');
                S_jstr(&b, json_object_array_get_idx(tk, (size_t)j), dbl);
            }
            cd_buf_printf(&b, "|%s",
                          json_object_get_boolean(json_object_array_get_idx(tk, 4)) ? "correct"
                                                                                    : "quirks");
        } else if (strcmp(kind, "StartTag") == 0) {
            cd_buf_putc(&b, '|');
            S_jstr(&b, json_object_array_get_idx(tk, 1), dbl);
            json_object *attrs = json_object_array_get_idx(tk, 2);
            size_t na = attrs ? (size_t)json_object_object_length(attrs) : 0, k = 0;
            S_kv *kv = calloc(na + 1, sizeof *kv);
            if (attrs) {
                json_object_object_foreach(attrs, key, val)
                {
                    cd_buf tmp;
                    cd_buf_init(&tmp, cd_mem_default());
                    if (dbl) {
                        size_t m;
                        char *u = S_unescape(key, strlen(key), &m);
                        S_esc(&tmp, u, m);
                        free(u);
                    } else {
                        S_esc(&tmp, key, strlen(key));
                    }
                    size_t l;
                    kv[k].k = cd_buf_detach(&tmp, &l);
                    if (!kv[k].k)
                        kv[k].k = strdup("");
                    S_jstr(&tmp, val, dbl);
                    kv[k].v = cd_buf_detach(&tmp, &l);
                    if (!kv[k].v)
                        kv[k].v = strdup("");
                    k++;
                }
            }
            S_put_attrs(&b, kv, k);
            free(kv);
            json_object *sc = json_object_array_get_idx(tk, 3);
            if (sc && json_object_get_boolean(sc))
                cd_buf_puts(&b, "|/");
        } else { /* EndTag, Comment */
            cd_buf_putc(&b, '|');
            S_jstr(&b, json_object_array_get_idx(tk, 1), dbl);
        }
        cd_buf_putc(&b, '\n');
    }
    if (chars.len)
        cd_buf_printf(&b, "Character|%s\n", chars.data);
    cd_buf_free(&chars);
    size_t len;
    char *r = cd_buf_detach(&b, &len);
    return r ? r : strdup("");
}

/* Tokenize in[0..n) from the given state; the tokens in the same form. */
static char *S_actual(cd_tokenizer *t, const char *in, size_t n, const char *state,
                      const char *last, int *bad_contract)
{
    cd_buf b, chars;
    cd_buf_init(&b, cd_mem_default());
    cd_buf_init(&chars, cd_mem_default());
    char *prefixed = NULL;
    int cdata = strcmp(state, "CDATA section state") == 0;
    if (cdata) {
        prefixed = malloc(n + 9);
        memcpy(prefixed, "<![CDATA[", 9);
        memcpy(prefixed + 9, in, n);
        in = prefixed;
        n += 9;
    }
    cd_tokenizer_reset(t, in, n);
    if (cdata)
        cd_tokenizer_allow_cdata(t, 1);
    if (strcmp(state, "RCDATA state") == 0)
        cd_tokenizer_set_state(t, CD_TS_RCDATA);
    else if (strcmp(state, "RAWTEXT state") == 0)
        cd_tokenizer_set_state(t, CD_TS_RAWTEXT);
    else if (strcmp(state, "Script data state") == 0)
        cd_tokenizer_set_state(t, CD_TS_SCRIPT_DATA);
    else if (strcmp(state, "PLAINTEXT state") == 0)
        cd_tokenizer_set_state(t, CD_TS_PLAINTEXT);
    if (last)
        cd_tokenizer_set_last_start_tag(t, last, strlen(last));
    int prev_chars = 0;
    for (int guard = 0;; guard++) {
        cd_token tok;
        if (!cd_tokenizer_next(t, &tok) || guard > 100000) {
            *bad_contract = 1;
            break;
        }
        if (!tok.data || (tok.kind == CD_TOK_CHARS && (tok.len == 0 || prev_chars)))
            *bad_contract = 1; /* runs are never empty, never two in a row */
        prev_chars = tok.kind == CD_TOK_CHARS;
        if (tok.kind == CD_TOK_CHARS) {
            S_esc(&chars, tok.data, tok.len);
            continue;
        }
        if (chars.len) {
            cd_buf_printf(&b, "Character|%s\n", chars.data);
            cd_buf_clear(&chars);
        }
        if (tok.kind == CD_TOK_EOF)
            break;
        switch (tok.kind) {
        case CD_TOK_DOCTYPE:
            cd_buf_puts(&b, "DOCTYPE|");
            if (tok.has_name)
                S_esc(&b, tok.data, tok.len);
            else
                cd_buf_puts(&b, "<null>");
            cd_buf_putc(&b, '|');
            if (tok.has_public_id)
                S_esc(&b, tok.public_id, tok.public_id_len);
            else
                cd_buf_puts(&b, "<null>");
            cd_buf_putc(&b, '|');
            if (tok.has_system_id)
                S_esc(&b, tok.system_id, tok.system_id_len);
            else
                cd_buf_puts(&b, "<null>");
            cd_buf_puts(&b, tok.force_quirks ? "|quirks" : "|correct");
            break;
        case CD_TOK_START_TAG: {
            cd_buf_puts(&b, "StartTag|");
            S_esc(&b, tok.data, tok.len);
            S_kv *kv = calloc(tok.nattrs + 1u, sizeof *kv);
            for (uint32_t i = 0; i < tok.nattrs; i++) {
                kv[i].k = S_escdup(tok.attrs[i].name, tok.attrs[i].name_len);
                kv[i].v = S_escdup(tok.attrs[i].value, tok.attrs[i].value_len);
            }
            S_put_attrs(&b, kv, tok.nattrs);
            free(kv);
            if (tok.self_closing)
                cd_buf_puts(&b, "|/");
            break;
        }
        case CD_TOK_END_TAG:
            cd_buf_puts(&b, "EndTag|");
            S_esc(&b, tok.data, tok.len);
            break;
        case CD_TOK_COMMENT:
            cd_buf_puts(&b, "Comment|");
            S_esc(&b, tok.data, tok.len);
            break;
        default:
            break;
        }
        cd_buf_putc(&b, '\n');
    }
    cd_buf_free(&chars);
    free(prefixed);
    size_t len;
    char *r = cd_buf_detach(&b, &len);
    return r ? r : strdup("");
}

/* ---- known failures ----------------------------------------------------- */

typedef struct {
    char **keys;
    int *seen;
    size_t n;
} S_known;

/* Lines "FILE#INDEX STATE: reason" ('#' lines and blank lines ignored). */
static void S_known_load(S_known *k, const char *path)
{
    memset(k, 0, sizeof *k);
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char *colon = strstr(line, ": ");
        if (!colon) {
            fprintf(stderr, "%s: line without a reason: %s", path, line);
            cd_t_fail++;
            continue;
        }
        *colon = '\0';
        k->keys = realloc(k->keys, (k->n + 1) * sizeof *k->keys);
        k->seen = realloc(k->seen, (k->n + 1) * sizeof *k->seen);
        k->keys[k->n] = strdup(line);
        k->seen[k->n] = 0;
        k->n++;
    }
    fclose(f);
}

static int S_known_find(S_known *k, const char *key)
{
    for (size_t i = 0; i < k->n; i++)
        if (strcmp(k->keys[i], key) == 0)
            return (int)i;
    return -1;
}

/* ---- the html5lib suite ---------------------------------------------- */

static int S_cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void S_html5lib(const char *dir, const char *known_path)
{
    S_known known;
    S_known_load(&known, known_path);
    DIR *d = opendir(dir);
    OK(d != NULL, "html5lib tokenizer tests not found at %s", dir);
    if (!d)
        return;
    char *files[64];
    size_t nf = 0;
    struct dirent *de;
    while ((de = readdir(d)) && nf < 64) {
        size_t l = strlen(de->d_name);
        if (l > 5 && strcmp(de->d_name + l - 5, ".test") == 0)
            files[nf++] = strdup(de->d_name);
    }
    closedir(d);
    qsort(files, nf, sizeof *files, S_cmp_str);
    cd_tokenizer *t = cd_tokenizer_new(cd_mem_default());
    unsigned total = 0, passed = 0, known_failed = 0, unexpected = 0, contract = 0;
    for (size_t fi = 0; fi < nf; fi++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, files[fi]);
        json_object *root = json_object_from_file(path);
        OK(root != NULL, "cannot parse %s", path);
        json_object *tests = NULL;
        if (!root || !json_object_object_get_ex(root, "tests", &tests)) {
            /* xmlViolation.test has only "xmlViolationTests": see the header. */
            json_object_put(root);
            free(files[fi]);
            continue;
        }
        size_t nt = json_object_array_length(tests);
        for (size_t ti = 0; ti < nt; ti++) {
            json_object *test = json_object_array_get_idx(tests, ti), *o;
            int dbl = json_object_object_get_ex(test, "doubleEscaped", &o) &&
                      json_object_get_boolean(o);
            json_object_object_get_ex(test, "input", &o);
            const char *raw = json_object_get_string(o);
            size_t raw_len = (size_t)json_object_get_string_len(o);
            size_t in_len = raw_len;
            char *in = dbl ? S_unescape(raw, raw_len, &in_len) : NULL;
            const char *input = dbl ? in : raw;
            const char *last = NULL;
            if (json_object_object_get_ex(test, "lastStartTag", &o))
                last = json_object_get_string(o);
            json_object *output = NULL;
            json_object_object_get_ex(test, "output", &output);
            char *want = S_expected(output, dbl);
            json_object *states = NULL;
            json_object_object_get_ex(test, "initialStates", &states);
            size_t ns = states ? json_object_array_length(states) : 1;
            for (size_t si = 0; si < ns; si++) {
                const char *state =
                    states ? json_object_get_string(json_object_array_get_idx(states, si))
                           : "Data state";
                int bad = 0;
                char *got = S_actual(t, input, in_len, state, last, &bad);
                int ok = strcmp(got, want) == 0 && !bad;
                char key[512];
                snprintf(key, sizeof key, "%s#%zu %s", files[fi], ti, state);
                int ki = S_known_find(&known, key);
                total++;
                if (bad)
                    contract++;
                if (ok) {
                    passed++;
                    if (ki >= 0) {
                        fprintf(stderr, "known failure now passes (remove it): %s\n", key);
                        cd_t_fail++;
                    }
                } else if (ki >= 0) {
                    known_failed++;
                    known.seen[ki] = 1;
                } else {
                    unexpected++;
                    cd_t_fail++;
                }
                if (!ok && (ki < 0 || S_verbose)) {
                    json_object_object_get_ex(test, "description", &o);
                    fprintf(stderr, "FAIL %s (%s)%s\n  input: ", key, json_object_get_string(o),
                            bad ? " [contract]" : "");
                    cd_buf e;
                    cd_buf_init(&e, cd_mem_default());
                    S_esc(&e, input, in_len);
                    fprintf(stderr, "%s\n  want:\n%s  got:\n%s", e.data ? e.data : "", want, got);
                    cd_buf_free(&e);
                }
                if (ki >= 0)
                    known.seen[ki] = 1;
                free(got);
            }
            free(want);
            free(in);
        }
        json_object_put(root);
        free(files[fi]);
    }
    cd_tokenizer_free(t);
    for (size_t i = 0; i < known.n; i++) {
        if (!known.seen[i]) {
            fprintf(stderr, "known failure names no test (remove it): %s\n", known.keys[i]);
            cd_t_fail++;
        }
        free(known.keys[i]);
    }
    free(known.keys);
    free(known.seen);
    printf("html5lib tokenizer: %u/%u (test, initial state) pairs pass (%.2f %%); "
           "%u known failures, %u unexpected failures, %u contract violations\n",
           passed, total, total ? 100.0 * passed / total : 0.0, known_failed, unexpected, contract);
    cd_t_pass += (int)passed;
}

/* ---- our own cases ----------------------------------------------------- */

/* A counting allocator: the peak of bytes held, to check memory stays O(input). */
static size_t S_held, S_peak;
typedef struct {
    size_t size;
    size_t pad;
} S_hdr;
static void *S_calloc(size_t n, size_t size)
{
    size_t bytes = n * size;
    S_hdr *h = calloc(1, sizeof *h + bytes);
    if (!h)
        return NULL;
    h->size = bytes;
    S_held += bytes;
    if (S_held > S_peak)
        S_peak = S_held;
    return h + 1;
}
static void *S_realloc(void *p, size_t size)
{
    S_hdr *h = p ? (S_hdr *)p - 1 : NULL;
    size_t old = h ? h->size : 0;
    S_hdr *n = realloc(h, sizeof *n + size);
    if (!n)
        return NULL;
    n->size = size;
    S_held = S_held - old + size;
    if (S_held > S_peak)
        S_peak = S_held;
    return n + 1;
}
static void S_free(void *p)
{
    if (!p)
        return;
    S_hdr *h = (S_hdr *)p - 1;
    S_held -= h->size;
    free(h);
}
static const cd_mem S_counting = {S_calloc, S_realloc, S_free};

/* Every token of in[0..n) (data state), with a running count by kind. */
typedef struct {
    unsigned chars, start, end, comment, doctype;
    size_t chars_bytes;
    uint32_t max_attrs;
} S_counts;

static S_counts S_tokenize(cd_tokenizer *t, const char *in, size_t n)
{
    S_counts c;
    memset(&c, 0, sizeof c);
    cd_tokenizer_reset(t, in, n);
    cd_token tok;
    while (cd_tokenizer_next(t, &tok) && tok.kind != CD_TOK_EOF) {
        switch (tok.kind) {
        case CD_TOK_CHARS:
            c.chars++;
            c.chars_bytes += tok.len;
            break;
        case CD_TOK_START_TAG:
            c.start++;
            if (tok.nattrs > c.max_attrs)
                c.max_attrs = tok.nattrs;
            break;
        case CD_TOK_END_TAG:
            c.end++;
            break;
        case CD_TOK_COMMENT:
            c.comment++;
            break;
        default:
            c.doctype++;
            break;
        }
    }
    return c;
}

static char *S_repeat(const char *head, const char *unit, size_t times, const char *tail, size_t *len)
{
    size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
    char *s = malloc(hl + ul * times + tl + 1);
    memcpy(s, head, hl);
    for (size_t i = 0; i < times; i++)
        memcpy(s + hl + i * ul, unit, ul);
    memcpy(s + hl + ul * times, tail, tl + 1);
    *len = hl + ul * times + tl;
    return s;
}

/* Hostile shapes: right tokens, memory within 3x the input (+ fixed). */
static void S_hostile(void)
{
    S_peak = S_held = 0;
    cd_tokenizer *t = cd_tokenizer_new(&S_counting);
    OK(t != NULL, "%s", "");
    size_t base = S_peak, n;
    static const struct {
        const char *name, *head, *unit, *tail;
        size_t times;
    } cases[] = {
        {"a million attributes", "<p ", "a=1 b c='x' ", ">x</p>", 300000},
        {"distinct attribute names", "<p ", "a=1 aa=1 ab=1 ba=1 bb=1 ", ">x</p>", 200000},
        {"& and a megabyte of letters", "<p>&", "abcdefghij", "</p>", 100000},
        {"an entity prefix repeated", "<p>", "&CounterClockwiseContourIntegra", "</p>", 30000},
        {"legacy references in a value", "<a href='", "&amp&copy=&lt1", "'>x</a>", 70000},
        {"decimal digits", "<p>&#", "9999999999", ";</p>", 100000},
        {"an unclosed comment", "<!--", "- -- --! <!-- ", "", 70000},
        {"CR LF", "<p>", "a\r\n\r", "</p>", 300000},
        {"references that grow", "<p>", "&nGt;&nLt;&#1;&#x80;", "", 100000},
        {"less-than signs", "", "< <", "", 300000},
        {"end tag opens", "", "</ </", "", 200000},
        {"script escapes", "<script><!--", "<script>-<!--", "", 80000},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *in = S_repeat(cases[i].head, cases[i].unit, cases[i].times, cases[i].tail, &n);
        S_peak = S_held;
        size_t held0 = S_held;
        S_counts c = S_tokenize(t, in, n);
        OK(S_peak - held0 <= 3 * n + 65536, "%s: scratch grew by %zu for %zu bytes", cases[i].name,
           S_peak - held0, n);
        OK(c.max_attrs <= CD_MAX_TOKEN_ATTRS, "%s", cases[i].name);
        OK(c.chars + c.start + c.end + c.comment + c.doctype <= n, "%s", cases[i].name);
        free(in);
    }
    (void)base;
    {
        /* NUL in RCDATA becomes U+FFFD: the worst growth, 3x. */
        n = 1000000;
        char *z = calloc(1, n);
        size_t held0 = S_held;
        S_peak = S_held;
        cd_tokenizer_reset(t, z, n);
        cd_tokenizer_set_state(t, CD_TS_RCDATA);
        cd_token tk;
        OK(cd_tokenizer_next(t, &tk) && tk.kind == CD_TOK_CHARS && tk.len == 3 * n, "%s", "");
        OK(S_peak - held0 <= 3 * n + 65536, "NUL: scratch grew by %zu", S_peak - held0);
        free(z);
    }
    /* Exact outcomes of some. */
    char *in = S_repeat("<p ", "a=1 b c='x' ", 1000, ">", &n);
    cd_tokenizer_reset(t, in, n);
    cd_token tok;
    OK(cd_tokenizer_next(t, &tok) && tok.kind == CD_TOK_START_TAG, "%s", "");
    INT_EQ(tok.nattrs, 3, ""); /* duplicates dropped, the first kept */
    OK(tok.nattrs == 3 && tok.attrs[0].value_len == 1 && tok.attrs[0].value[0] == '1', "%s", "");
    free(in);
    in = S_repeat("<p", "", 0, "", &n);
    free(in);
    {
        /* More distinct names than CD_MAX_TOKEN_ATTRS: the first ones kept. */
        char buf[64];
        size_t cap = 16 + (CD_MAX_TOKEN_ATTRS + 100) * 12, len = 0;
        char *s = malloc(cap);
        len += (size_t)snprintf(s, cap, "<p");
        for (unsigned i = 0; i < CD_MAX_TOKEN_ATTRS + 100; i++) {
            int w = snprintf(buf, sizeof buf, " x%u=%u", i, i);
            memcpy(s + len, buf, (size_t)w);
            len += (size_t)w;
        }
        s[len++] = '>';
        cd_tokenizer_reset(t, s, len);
        OK(cd_tokenizer_next(t, &tok) && tok.kind == CD_TOK_START_TAG, "%s", "");
        INT_EQ(tok.nattrs, CD_MAX_TOKEN_ATTRS, "");
        OK(tok.nattrs > 0 && tok.attrs[0].name_len == 2 && memcmp(tok.attrs[0].name, "x0", 2) == 0, "%s", "");
        free(s);
    }
    {
        /* "&" then letters: the text comes back unchanged, as one run, zero-copy. */
        char *s2 = S_repeat("&", "q", 100000, "", &n);
        cd_tokenizer_reset(t, s2, n);
        OK(cd_tokenizer_next(t, &tok) && tok.kind == CD_TOK_CHARS, "%s", "");
        OK(tok.len == n && tok.data == s2, "one zero-copy run");
        free(s2);
    }
    cd_tokenizer_free(t);
    INT_EQ(S_held, 0, "");
}

/* The pull contract: a run then a tag is two calls; state switches apply to
 * what follows the tag; strings stay valid until the next call. */
static void S_contract(void)
{
    cd_tokenizer *t = cd_tokenizer_new(NULL);
    static const char in[] = "ab<title>x<b>&amp;</title><p>";
    cd_tokenizer_reset(t, in, sizeof in - 1);
    cd_token tok;
    OK(cd_tokenizer_next(t, &tok) && tok.kind == CD_TOK_CHARS && tok.len == 2 && tok.data == in, "%s", "");
    OK(cd_tokenizer_next(t, &tok) && tok.kind == CD_TOK_START_TAG && tok.tag == CD_TAG_TITLE, "%s", "");
    OK(tok.data == in + 3, "tag name points into the input");
    cd_tokenizer_set_state(t, CD_TS_RCDATA);
    OK(cd_tokenizer_next(t, &tok) && tok.kind == CD_TOK_CHARS && tok.len == 5 &&
       memcmp(tok.data, "x<b>&", 5) == 0, "%s", "");
    OK(cd_tokenizer_next(t, &tok) && tok.kind == CD_TOK_END_TAG && tok.tag == CD_TAG_TITLE, "%s", "");
    OK(cd_tokenizer_next(t, &tok) && tok.kind == CD_TOK_START_TAG && tok.tag == CD_TAG_P, "%s", "");
    OK(cd_tokenizer_next(t, &tok) && tok.kind == CD_TOK_EOF, "%s", "");
    OK(cd_tokenizer_next(t, &tok) && tok.kind == CD_TOK_EOF, "%s", "");
    /* Upper case and unknown tags. */
    static const char in2[] = "<DIV Class=A><my-el>";
    cd_tokenizer_reset(t, in2, sizeof in2 - 1);
    OK(cd_tokenizer_next(t, &tok) && tok.kind == CD_TOK_START_TAG && tok.tag == CD_TAG_DIV, "%s", "");
    OK(tok.len == 3 && memcmp(tok.data, "div", 3) == 0, "%s", "");
    OK(tok.nattrs == 1 && memcmp(tok.attrs[0].name, "class", 5) == 0 && tok.attrs[0].value[0] == 'A', "%s", "");
    OK(cd_tokenizer_next(t, &tok) && tok.kind == CD_TOK_START_TAG && tok.tag == CD_TAG_UNKNOWN, "%s", "");
    /* Errors are counted. */
    static const char in3[] = "<p a=1 a=2></p x>&#0;";
    cd_tokenizer_reset(t, in3, sizeof in3 - 1);
    while (cd_tokenizer_next(t, &tok) && tok.kind != CD_TOK_EOF)
        ;
    OK(cd_tokenizer_errors(t) >= 3, "errors %u", cd_tokenizer_errors(t));
    /* NULL input and a reset after EOF. */
    cd_tokenizer_reset(t, NULL, 0);
    OK(cd_tokenizer_next(t, &tok) && tok.kind == CD_TOK_EOF && tok.data, "%s", "");
    cd_tokenizer_free(t);
    cd_tokenizer_free(NULL);
}

int main(int argc, char **argv)
{
    const char *dir = "../shared/data/html5lib-tests/tokenizer";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0)
            S_verbose = 1;
        else
            dir = argv[i];
    }
    S_html5lib(dir, "tests/html5lib/tokenizer-known-failures.txt");
    S_contract();
    S_hostile();
    return cd_t_done();
}
