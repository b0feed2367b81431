/* util/json: a small reader of strict JSON into a flat array (json.h). */
#include "json.h"

#include <string.h>

#include "utf8.h"

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define S_SSE2 1
#endif

void cd_json_init(cd_json *j, const cd_mem *mem)
{
    memset(j, 0, sizeof *j);
    j->mem = mem;
}

void cd_json_clear(cd_json *j)
{
    j->nv = j->nkids = j->npend = 0;
    j->oom = 0;
}

void cd_json_free(cd_json *j)
{
    if (j->mem) {
        j->mem->free(j->v);
        j->mem->free(j->kids);
        j->mem->free(j->pend);
    }
    const cd_mem *mem = j->mem;
    memset(j, 0, sizeof *j);
    j->mem = mem;
}

/* Room for `more` more items of size sz in *p (count *n, capacity *cap). */
static int S_grow(cd_json *j, void **p, uint32_t n, uint32_t *cap, uint32_t more, size_t sz)
{
    if (n + (uint64_t)more <= *cap)
        return 1;
    uint64_t want = *cap ? (uint64_t)*cap * 2 : 256;
    while (want < n + (uint64_t)more)
        want *= 2;
    if (want > UINT32_MAX / 2 || want * sz > SIZE_MAX / 2) {
        j->oom = 1;
        return 0;
    }
    void *q = j->mem->realloc(*p, (size_t)want * sz);
    if (!q) {
        j->oom = 1;
        return 0;
    }
    *p = q;
    *cap = (uint32_t)want;
    return 1;
}

uint32_t cd_json_add(cd_json *j, uint8_t type)
{
    if (j->nv >= j->capv && !S_grow(j, (void **)&j->v, j->nv, &j->capv, 1, sizeof *j->v))
        return UINT32_MAX;
    cd_jv *v = &j->v[j->nv];
    memset(v, 0, sizeof *v);
    v->type = type;
    return j->nv++;
}

uint32_t cd_json_close(cd_json *j, uint32_t base)
{
    uint32_t n = j->npend - base;
    if (!S_grow(j, (void **)&j->kids, j->nkids, &j->capkids, n, sizeof *j->kids))
        return UINT32_MAX;
    uint32_t at = j->nkids;
    if (n)
        memcpy(j->kids + at, j->pend + base, n * sizeof *j->kids);
    j->nkids += n;
    j->npend = base;
    return at;
}

int cd_json_push(cd_json *j, uint32_t id)
{
    if (j->npend >= j->cappend && !S_grow(j, (void **)&j->pend, j->npend, &j->cappend, 1, sizeof *j->pend))
        return 0;
    j->pend[j->npend++] = id;
    return 1;
}

/* JSON's white space: space, tab, LF, CR. */
static inline size_t S_ws(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
        i++;
    return i;
}

static int S_hex4(const char *s, uint32_t *out)
{
    uint32_t v = 0;
    for (int k = 0; k < 4; k++) {
        unsigned char c = (unsigned char)s[k];
        uint32_t d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
            d = (uint32_t)((c | 0x20) - 'a' + 10);
        else
            return 0;
        v = v * 16 + d;
    }
    *out = v;
    return 1;
}

/* Bytes that end a plain run inside a string: the quote, the backslash, NUL. */
static const unsigned char S_stop[256] = {[0] = 1, ['"'] = 1, ['\\'] = 1};

/* A string starting just past its opening quote at s[i]: its bytes in *out,
 * *outn; *pos past the closing quote. 0 when it is not one this reader takes,
 * -1 when the input ends inside it. */
static int S_string(cd_arena *strings, const char *s, size_t n, size_t i, size_t *pos, const char **out,
                    uint32_t *outn)
{
    size_t start = i;
#ifdef S_SSE2
    /* Sixteen bytes at a time while none is a quote, a backslash or NUL. */
    const __m128i q = _mm_set1_epi8('"'), b = _mm_set1_epi8('\\'), z = _mm_setzero_si128();
    while (n - i >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, q), _mm_cmpeq_epi8(x, b)), _mm_cmpeq_epi8(x, z));
        unsigned mask = (unsigned)_mm_movemask_epi8(hit);
        if (mask) {
            i += (size_t)__builtin_ctz(mask);
            break;
        }
        i += 16;
    }
#endif
    while (i < n && !S_stop[(unsigned char)s[i]])
        i++;
    if (i >= n)
        return -1;
    if (s[i] == '\0')
        return 0;
    if (s[i] == '"') {
        if (i - start > UINT32_MAX)
            return 0;
        *out = s + start;
        *outn = (uint32_t)(i - start);
        *pos = i + 1;
        return 1;
    }
    /* Escapes: find the end, then decode (never longer than the raw bytes). */
    size_t end = i;
    for (;;) {
        if (end >= n)
            return -1;
        if (s[end] == '\0')
            return 0;
        if (s[end] == '"')
            break;
        if (s[end] == '\\')
            end++;
        end++;
    }
    if (end - start > UINT32_MAX)
        return 0;
    char *buf = cd_arena_alloc(strings, end - start + 1);
    if (!buf)
        return 0;
    size_t o = i - start;
    memcpy(buf, s + start, o);
    while (i < end) {
        unsigned char c = (unsigned char)s[i];
        if (c != '\\') {
            buf[o++] = (char)c;
            i++;
            continue;
        }
        char e = s[i + 1];
        i += 2;
        switch (e) {
        case '"':
        case '\\':
        case '/':
            buf[o++] = e;
            break;
        case 'b':
            buf[o++] = '\b';
            break;
        case 'f':
            buf[o++] = '\f';
            break;
        case 'n':
            buf[o++] = '\n';
            break;
        case 'r':
            buf[o++] = '\r';
            break;
        case 't':
            buf[o++] = '\t';
            break;
        case 'u': {
            uint32_t cp, lo;
            if (end - i < 4 || !S_hex4(s + i, &cp) || cp == 0)
                return 0;
            i += 4;
            if (cp >= 0xDC00 && cp <= 0xDFFF)
                return 0; /* a lone low surrogate */
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (end - i < 6 || s[i] != '\\' || s[i + 1] != 'u' || !S_hex4(s + i + 2, &lo) || lo < 0xDC00 ||
                    lo > 0xDFFF)
                    return 0; /* a lone high surrogate */
                i += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            o += cd_utf8_encode(cp, buf + o);
            break;
        }
        default:
            return 0;
        }
    }
    buf[o] = '\0';
    *out = buf;
    *outn = (uint32_t)o;
    *pos = end + 1;
    return 1;
}

/* A number by JSON's grammar; *pos past it. Its int value when it has no
 * fraction or exponent and at most 9 digits. */
static int S_number(const char *s, size_t n, size_t i, size_t *pos, cd_jv *v)
{
    size_t start = i;
    int neg = 0;
    if (s[i] == '-') {
        neg = 1;
        i++;
    }
    if (i >= n || s[i] < '0' || s[i] > '9')
        return 0;
    int32_t val = 0;
    size_t d0 = i;
    if (s[i] == '0') {
        i++;
        if (i < n && s[i] >= '0' && s[i] <= '9')
            return 0; /* a leading zero */
    } else {
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            if (i - d0 < 9)
                val = val * 10 + (s[i] - '0');
            i++;
        }
    }
    int simple = i - d0 <= 9;
    if (i < n && s[i] == '.') {
        simple = 0;
        i++;
        if (i >= n || s[i] < '0' || s[i] > '9')
            return 0;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        simple = 0;
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        if (i >= n || s[i] < '0' || s[i] > '9')
            return 0;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    v->s = s + start;
    v->n = (uint32_t)(i - start);
    if (simple) {
        v->ival = neg ? -val : val;
        v->has_ival = 1;
    }
    *pos = i;
    return 1;
}

int cd_json_parse(cd_json *j, cd_arena *strings, const char *s, size_t n, size_t *pos, uint32_t *root)
{
    struct {
        uint32_t id, base;
        int obj;
    } st[CD_JSON_DEPTH];
    int top = 0;
    size_t i = S_ws(s, n, *pos);
    j->eof = 0;
    if (i >= n || (s[i] != '{' && s[i] != '['))
        return 0;
    const char *key = NULL;
    uint32_t kn = 0, id;
    for (;;) {
        /* A value at s[i]. */
        i = S_ws(s, n, i);
        if (i >= n)
            goto eof;
        char c = s[i];
        uint8_t type;
        switch (c) {
        case '{':
            type = CD_JSON_OBJ;
            break;
        case '[':
            type = CD_JSON_ARR;
            break;
        case '"':
            type = CD_JSON_STR;
            break;
        case 't':
        case 'f':
            type = CD_JSON_BOOL;
            break;
        case 'n':
            type = CD_JSON_NULL;
            break;
        default:
            if (c != '-' && (c < '0' || c > '9'))
                return 0;
            type = CD_JSON_NUM;
            break;
        }
        id = cd_json_add(j, type);
        if (id == UINT32_MAX)
            return 0;
        cd_jv *v = &j->v[id];
        v->k = key;
        v->kn = kn;
        key = NULL;
        kn = 0;
        int opened = 0;
        switch (type) {
        case CD_JSON_OBJ:
        case CD_JSON_ARR:
            if (top == CD_JSON_DEPTH)
                return 0;
            v->has_ival = 1; /* json-c gives 0 for a container */
            st[top].id = id;
            st[top].base = j->npend;
            st[top].obj = type == CD_JSON_OBJ;
            top++;
            i = S_ws(s, n, i + 1);
            if (i >= n)
                goto eof;
            if (s[i] == (type == CD_JSON_OBJ ? '}' : ']')) {
                i++;
                top--;
                v->kid = j->nkids;
                break; /* empty: the value is complete */
            }
            opened = 1;
            break;
        case CD_JSON_STR: {
            int r = S_string(strings, s, n, i + 1, &i, &v->s, &v->n);
            if (r < 0)
                goto eof;
            if (r == 0)
                return 0;
            break;
        }
        case CD_JSON_BOOL:
            if (n - i >= 4 && memcmp(s + i, "true", 4) == 0) {
                v->s = s + i;
                v->n = 4;
                v->ival = 1;
            } else if (n - i >= 5 && memcmp(s + i, "false", 5) == 0) {
                v->s = s + i;
                v->n = 5;
            } else {
                return 0;
            }
            v->has_ival = 1;
            i += v->n;
            break;
        case CD_JSON_NULL:
            if (n - i < 4 || memcmp(s + i, "null", 4) != 0)
                return 0;
            v->has_ival = 1;
            i += 4;
            break;
        default:
            if (!S_number(s, n, i, &i, v))
                return 0;
            break;
        }
        if (!opened) {
            /* The value id is complete: close the containers it completes. */
            for (;;) {
                if (top == 0) {
                    *pos = i;
                    *root = id;
                    return 1;
                }
                if (!cd_json_push(j, id))
                    return 0;
                int obj = st[top - 1].obj;
                char close = obj ? '}' : ']';
                i = S_ws(s, n, i);
                if (i >= n)
                    goto eof;
                if (s[i] == ',') {
                    i = S_ws(s, n, i + 1);
                    if (i >= n)
                        goto eof;
                    if (s[i] != close)
                        break; /* the next member */
                    /* A trailing comma: json-c's default mode takes it. */
                } else if (s[i] != close) {
                    return 0;
                }
                i++;
                top--;
                id = st[top].id;
                uint32_t cnt = j->npend - st[top].base, at = cd_json_close(j, st[top].base);
                if (at == UINT32_MAX)
                    return 0;
                j->v[id].kid = at;
                j->v[id].nkid = cnt;
            }
        }
        /* The next member of the innermost open container. */
        if (st[top - 1].obj) {
            i = S_ws(s, n, i);
            if (i >= n)
                goto eof;
            if (s[i] != '"')
                return 0;
            int r = S_string(strings, s, n, i + 1, &i, &key, &kn);
            if (r < 0)
                goto eof;
            if (r == 0)
                return 0;
            i = S_ws(s, n, i);
            if (i >= n)
                goto eof;
            if (s[i] != ':')
                return 0;
            i++;
        }
    }
eof:
    j->eof = 1;
    return 0;
}

const cd_jv *cd_json_get(const cd_json *j, const cd_jv *v, const char *key)
{
    if (!v || v->type != CD_JSON_OBJ)
        return NULL;
    size_t kl = strlen(key);
    for (uint32_t m = v->nkid; m > 0; m--) {
        const cd_jv *e = &j->v[j->kids[v->kid + m - 1]];
        if (e->kn == kl && (kl == 0 || (e->k[0] == key[0] && memcmp(e->k, key, kl) == 0)))
            return e->type == CD_JSON_NULL ? NULL : e;
    }
    return NULL;
}

static int S_has(const char *s, size_t n, const char *const *words, size_t nwords)
{
    for (size_t w = 0; w < nwords; w++) {
        size_t l = strlen(words[w]);
        for (size_t i = 0; i + l <= n; i++) {
            const char *p = memchr(s + i, words[w][0], n - l - i + 1);
            if (!p)
                break;
            i = (size_t)(p - s);
            if (memcmp(p, words[w], l) == 0)
                return 1;
        }
    }
    return 0;
}

int cd_json_has_word(const cd_json *j, const cd_jv *v, const char *const *words, size_t nwords)
{
    if (!v)
        return 0;
    if (v->type == CD_JSON_STR) {
        const char *z = memchr(v->s, '\0', v->n);
        return S_has(v->s, z ? (size_t)(z - v->s) : v->n, words, nwords);
    }
    if (v->type != CD_JSON_ARR && v->type != CD_JSON_OBJ)
        return 0;
    /* Every key and string below v: the values of v's subtree, found through
     * the member lists (an explicit stack of (container, next member)). */
    struct {
        const cd_jv *c;
        uint32_t m;
    } st[CD_JSON_DEPTH + 40];
    int top = 0;
    st[top].c = v;
    st[top++].m = 0;
    while (top) {
        const cd_jv *c = st[top - 1].c;
        if (st[top - 1].m >= c->nkid) {
            top--;
            continue;
        }
        const cd_jv *e = &j->v[j->kids[c->kid + st[top - 1].m++]];
        if (e->k && S_has(e->k, e->kn, words, nwords))
            return 1;
        if (e->type == CD_JSON_STR && S_has(e->s, e->n, words, nwords))
            return 1;
        if ((e->type == CD_JSON_ARR || e->type == CD_JSON_OBJ) && e->nkid) {
            if (top == (int)(sizeof st / sizeof st[0]))
                return 0;
            st[top].c = e;
            st[top++].m = 0;
        }
    }
    return 0;
}
