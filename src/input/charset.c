/* input/charset: charset labels and the <meta> prescan.
 *
 * Stage: input (bytes -> UTF-8). Two algorithms, both straight from the specs:
 *  - WHATWG Encoding Standard §4.2 "get an encoding": trim ASCII whitespace,
 *    lower-case, look the label up in the generated table (charset_labels.h);
 *  - WHATWG HTML §13.2.3.2 "prescan a byte stream to determine its encoding",
 *    including "get an attribute", "algorithm for extracting a character
 *    encoding from a meta element" (http-equiv content) and "get an XML
 *    encoding" (the <?xml encoding="..."?> fallback).
 * The step names in the comments below are the spec's. */
#include <string.h>

#include "../util/ctype.h"
#include "charset_labels.h"
#include "input.h"

/* The spec's "ASCII whitespace" (no vertical tab). */
static int S_ws(unsigned c)
{
    return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20;
}

const char *cd_input_charset_canonical(const char *label, size_t len)
{
    char key[CD_CHARSET_LABEL_MAX + 1];
    if (!label) return NULL;
    while (len && S_ws((unsigned char)label[0])) {
        label++;
        len--;
    }
    while (len && S_ws((unsigned char)label[len - 1]))
        len--;
    if (len == 0 || len > CD_CHARSET_LABEL_MAX) return NULL;
    if (len == 5 && cd_eq_nocase(label, 5, "utf-8"))
        return cd_charset_names[0]; /* nearly every page's, as the search below finds it */
    for (size_t i = 0; i < len; i++)
        key[i] = (char)cd_tolower((unsigned char)label[i]);
    key[len] = '\0';
    size_t lo = 0, hi = CD_CHARSET_LABEL_COUNT;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(key, cd_charset_labels[mid].label);
        if (c == 0) return cd_charset_names[cd_charset_labels[mid].name];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* ---- prescan ---------------------------------------------------------- */

/* Longest attribute name / value looked at. Only three names matter (the
 * longest, "http-equiv", is 10 bytes); values past the cap cannot be a
 * charset label or a sane content attribute. */
#define S_NAME_CAP 16
#define S_VALUE_CAP 1024

typedef struct S_scan {
    const unsigned char *s;
    size_t len; /* the window: reaching it aborts the prescan */
    size_t pos;
} S_scan;

/* An attribute as the bytes of the input it spans: the spec lower-cases the
 * name and value it collects, but every use below compares them without
 * regard to ASCII case (cd_eq_nocase, cd_input_charset_canonical), so they
 * are not copied. */
typedef struct S_attr {
    const char *name;
    size_t name_len; /* over S_NAME_CAP: the name is "other" */
    const char *value;
    size_t value_len; /* over S_VALUE_CAP: the value is unusable */
} S_attr;

/* The bytes that end an attribute name: white space, '/', '>' and '='. */
static const unsigned char S_name_end[256] = {
    ['\t'] = 1, ['\n'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1, ['/'] = 1, ['>'] = 1, ['='] = 1,
};

/* White space and '/', passed over before an attribute. */
static const unsigned char S_ws_slash[256] = {
    ['\t'] = 1, ['\n'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1, ['/'] = 1,
};

/* "Get an attribute". Returns 1 with an attribute, 0 when there is none
 * (position at '>'), -1 when the window ends (the prescan then fails). */
static int S_get_attribute(S_scan *sc, S_attr *a)
{
    const unsigned char *s = sc->s;
    size_t n = sc->len, p = sc->pos;
    a->name_len = a->value_len = 0;
    a->value = "";
    while (p < n && S_ws_slash[s[p]])
        p++;
    if (p >= n) return -1;
    if (s[p] == 0x3E) {
        sc->pos = p;
        return 0;
    }
    /* Attribute name: a run of bytes (a first '=' is one of them), to white
     * space, '/', '>' or a later '='. */
    a->name = (const char *)s + p;
    if (s[p] == 0x3D) {
        a->name_len = 1;
        p++;
    }
    {
        size_t st = p;
        while (p < n && !S_name_end[s[p]])
            p++;
        a->name_len += p - st;
    }
    if (p >= n) return -1;
    if (s[p] == 0x3D) {
        p++;
        goto value;
    }
    if (s[p] == 0x2F || s[p] == 0x3E) {
        sc->pos = p;
        return 1;
    }
    /* Spaces. */
    while (p < n && S_ws(s[p]))
        p++;
    if (p >= n) return -1;
    if (s[p] != 0x3D) {
        sc->pos = p;
        return 1;
    }
    p++;
value:
    while (p < n && S_ws(s[p]))
        p++;
    if (p >= n) return -1;
    if (s[p] == 0x22 || s[p] == 0x27) {
        unsigned q = s[p++];
        const unsigned char *e = memchr(s + p, (int)q, n - p);
        if (!e) return -1;
        a->value = (const char *)s + p;
        a->value_len = (size_t)(e - (s + p));
        sc->pos = (size_t)(e - s) + 1;
        return 1;
    }
    if (s[p] == 0x3E) {
        sc->pos = p;
        return 1;
    }
    a->value = (const char *)s + p;
    for (;;) {
        if (p >= n) return -1;
        if (S_ws(s[p]) || s[p] == 0x3E) {
            sc->pos = p;
            return 1;
        }
        a->value_len++;
        p++;
    }
}

/* "Algorithm for extracting a character encoding from a meta element". */
static const char *S_from_content(const char *v, size_t n)
{
    size_t p = 0;
    for (;;) {
        size_t i = p;
        while (i + 7 <= n && !cd_eq_nocase(v + i, 7, "charset"))
            i++;
        if (i + 7 > n) return NULL;
        p = i + 7;
        while (p < n && S_ws((unsigned char)v[p]))
            p++;
        if (p >= n || v[p] != '=') continue; /* "jump back to loop" from just before that byte */
        p++;
        while (p < n && S_ws((unsigned char)v[p]))
            p++;
        if (p >= n) return NULL;
        if (v[p] == '"' || v[p] == '\'') {
            const char *end = memchr(v + p + 1, v[p], n - p - 1);
            if (!end) return NULL;
            return cd_input_charset_canonical(v + p + 1, (size_t)(end - (v + p + 1)));
        }
        size_t e = p;
        while (e < n && !S_ws((unsigned char)v[e]) && v[e] != ';')
            e++;
        return cd_input_charset_canonical(v + p, e - p);
    }
}

/* "Get an XML encoding": only for a stream that starts with "<?xml". */
static const char *S_xml_encoding(const unsigned char *s, size_t n)
{
    if (n < 5 || memcmp(s, "<?xml", 5) != 0) return NULL;
    const unsigned char *gt = memchr(s, '>', n);
    if (!gt) return NULL;
    size_t end = (size_t)(gt - s), p = 5;
    while (p + 8 <= end && memcmp(s + p, "encoding", 8) != 0)
        p++;
    if (p + 8 > end) return NULL;
    p += 8;
    while (p < end && s[p] <= 0x20)
        p++;
    if (p >= end || s[p] != '=') return NULL;
    p++;
    while (p < end && s[p] <= 0x20)
        p++;
    if (p >= end || (s[p] != '"' && s[p] != '\'')) return NULL;
    unsigned char q = s[p++];
    size_t e = p;
    while (e < end && s[e] != q) {
        if (s[e] <= 0x20) return NULL;
        e++;
    }
    if (e >= end) return NULL;
    const char *enc = cd_input_charset_canonical((const char *)s + p, e - p);
    if (enc && (!strcmp(enc, "utf-16be") || !strcmp(enc, "utf-16le"))) enc = "utf-8";
    return enc;
}

/* Advance past the first '>' at or after p; the window end aborts. */
static int S_skip_to_gt(const unsigned char *s, size_t n, size_t *p)
{
    const unsigned char *gt = *p < n ? memchr(s + *p, '>', n - *p) : NULL;
    if (!gt) return 0;
    *p = (size_t)(gt - s);
    return 1;
}

/* The <meta> branch of the prescan, with position just past "<meta" and its
 * space or slash. Returns the encoding, or NULL to go on; *abort set when the
 * window ended. */
static const char *S_meta(S_scan *sc, int *abort)
{
    S_attr a;
    int seen_http_equiv = 0, seen_content = 0, seen_charset = 0;
    int got_pragma = 0, need_pragma = -1; /* -1: null */
    const char *charset = NULL;
    for (;;) {
        int r = S_get_attribute(sc, &a);
        if (r < 0) {
            *abort = 1;
            return NULL;
        }
        if (r == 0) break;
        if (a.name_len > S_NAME_CAP) continue;
        if (cd_eq_nocase(a.name, a.name_len, "http-equiv")) {
            if (seen_http_equiv++) continue;
            if (a.value_len <= S_VALUE_CAP && cd_eq_nocase(a.value, a.value_len, "content-type"))
                got_pragma = 1;
        } else if (cd_eq_nocase(a.name, a.name_len, "content")) {
            if (seen_content++) continue;
            if (a.value_len > S_VALUE_CAP) continue;
            const char *enc = S_from_content(a.value, a.value_len);
            if (enc && !charset) {
                charset = enc;
                need_pragma = 1;
            }
        } else if (cd_eq_nocase(a.name, a.name_len, "charset")) {
            if (seen_charset++) continue;
            charset = a.value_len <= S_VALUE_CAP ? cd_input_charset_canonical(a.value, a.value_len)
                                                 : NULL;
            need_pragma = 0;
        }
    }
    /* Processing. */
    if (need_pragma < 0 || (need_pragma == 1 && !got_pragma) || !charset) return NULL;
    if (!strcmp(charset, "utf-16be") || !strcmp(charset, "utf-16le")) return "utf-8";
    if (!strcmp(charset, "x-user-defined")) return "windows-1252";
    return charset;
}

const char *cd_input_prescan_window(const unsigned char *in, size_t len, size_t window)
{
    if (!in) return NULL;
    S_scan sc = {in, len < window ? len : window, 0};
    const unsigned char *s = sc.s;
    size_t n = sc.len;
    const char *fallback = S_xml_encoding(s, n);
    while (sc.pos < n) {
        size_t p = sc.pos;
        if (s[p] != '<') {
            const unsigned char *lt = memchr(s + p, '<', n - p);
            if (!lt) break;
            sc.pos = (size_t)(lt - s);
            continue;
        }
        if (p + 4 <= n && !memcmp(s + p, "<!--", 4)) {
            /* The first '>' preceded by "--" that comes after the '<'
             * ("-->" from p + 2 on: its '>' at p + 4 or later). */
            const unsigned char *gt = s + p + 4;
            while ((gt = gt < s + n ? memchr(gt, '>', (size_t)(s + n - gt)) : NULL) &&
                   (gt[-1] != '-' || gt[-2] != '-'))
                gt++;
            if (!gt) break;
            sc.pos = (size_t)(gt - s) + 1;
            continue;
        }
        if (p + 6 <= n && cd_eq_nocase((const char *)s + p + 1, 4, "meta") &&
            (S_ws(s[p + 5]) || s[p + 5] == '/')) {
            int abort = 0;
            sc.pos = p + 6;
            const char *enc = S_meta(&sc, &abort);
            if (enc) return enc;
            if (abort) break;
            sc.pos++; /* "next byte" */
            continue;
        }
        if (p + 1 < n &&
            (cd_isalpha(s[p + 1]) || (s[p + 1] == '/' && p + 2 < n && cd_isalpha(s[p + 2])))) {
            size_t q = p + 2;
            while (q < n && !S_ws(s[q]) && s[q] != '>')
                q++;
            if (q >= n) break;
            /* Without a quote before the next '>', the attributes end
             * there: no value can hold a '>' (what "get an attribute"
             * below would find, byte by byte). */
            const unsigned char *gt = memchr(s + q, '>', n - q);
            if (gt && !memchr(s + q, '"', (size_t)(gt - (s + q))) && !memchr(s + q, '\'', (size_t)(gt - (s + q)))) {
                sc.pos = (size_t)(gt - s) + 1;
                continue;
            }
            sc.pos = q;
            S_attr a;
            int r;
            while ((r = S_get_attribute(&sc, &a)) > 0)
                ;
            if (r < 0) break;
            sc.pos++;
            continue;
        }
        if (p + 1 < n && (s[p + 1] == '!' || s[p + 1] == '/' || s[p + 1] == '?')) {
            size_t q = p + 2;
            if (!S_skip_to_gt(s, n, &q)) break;
            sc.pos = q + 1;
            continue;
        }
        sc.pos = p + 1;
    }
    return fallback;
}

const char *cd_input_prescan(const unsigned char *in, size_t len)
{
    return cd_input_prescan_window(in, len, CD_INPUT_PRESCAN_BYTES);
}
