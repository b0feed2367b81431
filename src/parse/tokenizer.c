/* parse/tokenizer: the WHATWG HTML tokenizer (HTML Living Standard §13.2.5),
 * pulled one token at a time by the tree builder (see tokenizer.h).
 *
 * One state machine, one case per state of the spec and named after it; the
 * character reference states (§13.2.5.72-80) are one function, S_charref,
 * since what they consume is bounded lookahead (a name is at most
 * CD_ENT_MAX_NAME bytes, digits are consumed once). The input-stream
 * preprocessing (CR LF and lone CR -> LF) is done on the fly: wherever a state
 * reads a character, '\r' reads as '\n' and a CR LF pair is consumed as one.
 *
 * Speed. The input is UTF-8 and every byte the spec treats specially is
 * ASCII, so the machine walks bytes; the states where pages spend their bytes
 * (data, text, comments, attribute values, script) skip runs of ordinary bytes
 * sixteen at a time (SSE2 where the compiler has it, a byte loop otherwise),
 * and names run through a 256-entry class table. A string that is the same
 * bytes as the input (nearly every tag name, attribute and text run) points
 * into the input; a string in which anything changed (a reference, CR, NUL,
 * upper case) is copied into one of two scratch buffers as soon as it changes:
 * S_str below. Each call emits exactly one token, and a text run followed by a
 * tag is two calls: the tag waits in t->pending. Nothing is allocated per
 * token; the scratch buffers grow to the largest token and stay.
 *
 * Bounds on hostile input: every byte is consumed once, except the lookahead
 * of a named reference (<= CD_ENT_MAX_NAME bytes, binary search on a sorted
 * table) and the duplicate-attribute check (<= CD_MAX_TOKEN_ATTRS names per
 * attribute, only when a 64-bit filter of the names seen collides). A string
 * is at most three times the input bytes it was read from (a NUL in RCDATA
 * becomes U+FFFD), and each scratch buffer stops growing at three times the
 * input: memory is O(input) whatever the page.
 *
 * Parse errors are counted, not named (cd_tokenizer_errors), where the states
 * raise them; the input stream's own errors (control characters,
 * noncharacters, surrogates in the input) are not counted: that would take a
 * UTF-8 decode of every character. */
#include "tokenizer.h"

#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define CD_TOK_SSE2 1
#endif

#include "../dom/dom.h"
#include "../util/limits.h"
#include "../util/utf8.h"
#include "tok_entities.h"

/* The states of §13.2.5 (the character reference states excepted). */
enum {
    S_DATA,
    S_RCDATA,
    S_RAWTEXT,
    S_SCRIPT,
    S_PLAINTEXT,
    S_TAG_OPEN,
    S_END_TAG_OPEN,
    S_TAG_NAME,
    S_RCDATA_LT,
    S_RAWTEXT_LT,
    S_SCRIPT_LT,
    S_TEXT_END_OPEN, /* RCDATA / RAWTEXT / script data (escaped) end tag open */
    S_TEXT_END_NAME, /* ... end tag name; the text state to go back to is `ts` */
    S_SCRIPT_ESC_START,
    S_SCRIPT_ESC_START_DASH,
    S_SCRIPT_ESC,
    S_SCRIPT_ESC_DASH,
    S_SCRIPT_ESC_DASH_DASH,
    S_SCRIPT_ESC_LT,
    S_SCRIPT_DESC_START,
    S_SCRIPT_DESC,
    S_SCRIPT_DESC_DASH,
    S_SCRIPT_DESC_DASH_DASH,
    S_SCRIPT_DESC_LT,
    S_SCRIPT_DESC_END,
    S_BEFORE_ATTR_NAME,
    S_ATTR_NAME,
    S_AFTER_ATTR_NAME,
    S_BEFORE_ATTR_VALUE,
    S_ATTR_VALUE_DQ,
    S_ATTR_VALUE_SQ,
    S_ATTR_VALUE_UQ,
    S_AFTER_ATTR_VALUE_Q,
    S_SELF_CLOSING,
    S_BOGUS_COMMENT,
    S_MARKUP_DECL,
    S_COMMENT_START,
    S_COMMENT_START_DASH,
    S_COMMENT,
    S_COMMENT_LT,
    S_COMMENT_LT_BANG,
    S_COMMENT_LT_BANG_DASH,
    S_COMMENT_LT_BANG_DASH_DASH,
    S_COMMENT_END_DASH,
    S_COMMENT_END,
    S_COMMENT_END_BANG,
    S_DOCTYPE,
    S_BEFORE_DOCTYPE_NAME,
    S_DOCTYPE_NAME,
    S_AFTER_DOCTYPE_NAME,
    S_AFTER_DOCTYPE_PUBLIC_KW,
    S_BEFORE_DOCTYPE_PUBLIC_ID,
    S_DOCTYPE_PUBLIC_ID_DQ,
    S_DOCTYPE_PUBLIC_ID_SQ,
    S_AFTER_DOCTYPE_PUBLIC_ID,
    S_BETWEEN_DOCTYPE_IDS,
    S_AFTER_DOCTYPE_SYSTEM_KW,
    S_BEFORE_DOCTYPE_SYSTEM_ID,
    S_DOCTYPE_SYSTEM_ID_DQ,
    S_DOCTYPE_SYSTEM_ID_SQ,
    S_AFTER_DOCTYPE_SYSTEM_ID,
    S_BOGUS_DOCTYPE,
    S_CDATA,
    S_CDATA_BRACKET,
    S_CDATA_END
};

/* A growable byte buffer (scratch). */
typedef struct S_buf {
    char *data;
    size_t len, cap;
} S_buf;

/* A string under construction: a range of the input while its bytes are the
 * input's (zc, len), else bytes [off, off+len) of a scratch buffer, of which
 * it is then the last thing written (sc = 1). */
typedef struct S_str {
    const unsigned char *zc;
    size_t off, len;
    int sc;
} S_str;

typedef struct S_attr {
    S_str name, value;
} S_attr;

/* Tag names: an open-addressing table from name to enum cd_tag. */
#define S_TAGHASH_SIZE 512u

struct cd_tokenizer {
    const cd_mem *mem;
    const unsigned char *in, *p, *end;
    int state;
    int allow_cdata;
    int failed; /* out of memory: every call says EOF */
    int done;   /* EOF emitted */
    uint32_t errors;

    S_buf cbuf; /* the text run when it differs from the input */
    S_str run;
    S_buf tbuf; /* every other string of the token under construction */

    /* The token under construction. */
    int kind;
    S_str name;
    uint8_t self_closing, force_quirks, has_name, has_pub, has_sys;
    S_str pub, sys;
    S_attr *attrs;    /* CD_MAX_TOKEN_ATTRS kept + 1 being read */
    uint32_t nattrs;  /* kept */
    uint32_t acur;    /* index of the attribute being read */
    size_t attr_mark; /* tbuf.len when it started (rewound when it is dropped) */
    uint64_t bloom;   /* one bit per kept attribute name */
    cd_tok_attr *pattrs;

    int has_pending;
    cd_token pending;

    S_buf last;           /* the last start tag's name when it is not the input's */
    const char *last_ptr; /* the last start tag's name (input or `last`) */
    size_t last_len;
    int has_last;

    /* cd_tokenizer_keep_attrs: whose attributes are read (NULL: every tag's) */
    const uint8_t *keep;
    /* cd_tokenizer_want_values: whose attribute values are read (NULL: all) */
    int (*want)(void *ctx, uint16_t tag, const char *name, size_t len);
    void *want_ctx;
    /* cd_tokenizer_next_lean: the kind of a token waiting behind its text */
    int lean_k;
    uint8_t lean_pending;
    uint16_t cur_tag; /* the tag of the one being read, when cur_known */
    uint8_t cur_known;

    uint16_t taghash[S_TAGHASH_SIZE];
    const char *tagname[CD_TAG__COUNT];
    uint8_t taglen[CD_TAG__COUNT];
};

static const char S_empty[1] = "";
static const char S_fffd[3] = {'\xEF', '\xBF', '\xBD'};

/* ---- byte classes --------------------------------------------------------- */

/* Bits of S_cls[]: which bytes end a fast run in each kind of name or value. */
#define C_TAGNAME 1u  /* tag name state: whitespace / > NUL CR upper */
#define C_ATTRNAME 2u /* attribute name: + = " ' < */
#define C_UQVALUE 4u  /* unquoted value: whitespace & > NUL CR " ' < = ` */
#define C_WS 8u       /* tab LF FF space CR (CR reads as LF) */
#define C_ALPHA 16u
#define C_ALNUM 32u
#define C_UPPER 64u
#define C_DIGIT 128u

/* Whitespace: tab LF FF space, and CR (which reads as LF). */
#define K_WS (C_TAGNAME | C_ATTRNAME | C_UQVALUE | C_WS)
#define K_UP (C_TAGNAME | C_ATTRNAME | C_ALPHA | C_ALNUM | C_UPPER)
#define K_LO (C_ALPHA | C_ALNUM)
#define K_DG (C_ALNUM | C_DIGIT)
static const uint8_t S_cls[256] = {
    [0] = C_TAGNAME | C_ATTRNAME | C_UQVALUE,
    ['\t'] = K_WS, ['\n'] = K_WS, ['\f'] = K_WS, ['\r'] = K_WS, [' '] = K_WS,
    ['/'] = C_TAGNAME | C_ATTRNAME,
    ['>'] = C_TAGNAME | C_ATTRNAME | C_UQVALUE,
    ['='] = C_ATTRNAME | C_UQVALUE, ['"'] = C_ATTRNAME | C_UQVALUE,
    ['\''] = C_ATTRNAME | C_UQVALUE, ['<'] = C_ATTRNAME | C_UQVALUE,
    ['&'] = C_UQVALUE, ['`'] = C_UQVALUE,
    ['0'] = K_DG, ['1'] = K_DG, ['2'] = K_DG, ['3'] = K_DG, ['4'] = K_DG,
    ['5'] = K_DG, ['6'] = K_DG, ['7'] = K_DG, ['8'] = K_DG, ['9'] = K_DG,
    ['A'] = K_UP, ['B'] = K_UP, ['C'] = K_UP, ['D'] = K_UP, ['E'] = K_UP, ['F'] = K_UP,
    ['G'] = K_UP, ['H'] = K_UP, ['I'] = K_UP, ['J'] = K_UP, ['K'] = K_UP, ['L'] = K_UP,
    ['M'] = K_UP, ['N'] = K_UP, ['O'] = K_UP, ['P'] = K_UP, ['Q'] = K_UP, ['R'] = K_UP,
    ['S'] = K_UP, ['T'] = K_UP, ['U'] = K_UP, ['V'] = K_UP, ['W'] = K_UP, ['X'] = K_UP,
    ['Y'] = K_UP, ['Z'] = K_UP,
    ['a'] = K_LO, ['b'] = K_LO, ['c'] = K_LO, ['d'] = K_LO, ['e'] = K_LO, ['f'] = K_LO,
    ['g'] = K_LO, ['h'] = K_LO, ['i'] = K_LO, ['j'] = K_LO, ['k'] = K_LO, ['l'] = K_LO,
    ['m'] = K_LO, ['n'] = K_LO, ['o'] = K_LO, ['p'] = K_LO, ['q'] = K_LO, ['r'] = K_LO,
    ['s'] = K_LO, ['t'] = K_LO, ['u'] = K_LO, ['v'] = K_LO, ['w'] = K_LO, ['x'] = K_LO,
    ['y'] = K_LO, ['z'] = K_LO,
};

#define IS(c, k) (S_cls[(unsigned char)(c)] & (k))

/* First byte of [p, end) equal to a, b, c or d (end when none). */
static inline const unsigned char *S_scan4(const unsigned char *p, const unsigned char *end,
                                           unsigned char a, unsigned char b, unsigned char c,
                                           unsigned char d)
{
#ifdef CD_TOK_SSE2
    const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b);
    const __m128i vc = _mm_set1_epi8((char)c), vd = _mm_set1_epi8((char)d);
    while (end - p >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)),
                                 _mm_or_si128(_mm_cmpeq_epi8(x, vc), _mm_cmpeq_epi8(x, vd)));
        unsigned mask = (unsigned)_mm_movemask_epi8(m);
        if (mask)
            return p + __builtin_ctz(mask);
        p += 16;
    }
#endif
    while (p < end && *p != a && *p != b && *p != c && *p != d)
        p++;
    return p;
}

/* Past the current character when it is CR: a CR LF pair is one character. */
static inline const unsigned char *S_adv(const unsigned char *p, const unsigned char *end)
{
    if (*p == '\r' && p + 1 < end && p[1] == '\n')
        return p + 2;
    return p + 1;
}

/* ---- scratch buffers and strings --------------------------------------- */

static int S_grow(cd_tokenizer *t, S_buf *b, size_t n)
{
    if (t->failed)
        return 0;
    size_t need = b->len + n;
    if (need < b->len) {
        t->failed = 1;
        return 0;
    }
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need) {
        if (cap > SIZE_MAX / 2) {
            cap = need;
            break;
        }
        cap *= 2;
    }
    /* No string of this input can be longer than 3 bytes per input byte:
     * doubling stops there, so a buffer never exceeds 3x the input. */
    size_t in_len = (size_t)(t->end - t->in);
    size_t most = in_len <= (SIZE_MAX - 64) / 3 ? 3 * in_len + 64 : SIZE_MAX;
    if (cap > most && need <= most && b->cap < most)
        cap = most;
    char *d = t->mem->realloc(b->data, cap);
    if (!d) {
        t->failed = 1;
        return 0;
    }
    b->data = d;
    b->cap = cap;
    return 1;
}

static inline void S_put(cd_tokenizer *t, S_buf *b, const void *s, size_t n)
{
    if (b->cap - b->len < n && !S_grow(t, b, n))
        return;
    if (n <= 8) { /* most appends are a byte or a short run: no call */
        const unsigned char *from = s;
        unsigned char *to = (unsigned char *)b->data + b->len;
        for (size_t i = 0; i < n; i++)
            to[i] = from[i];
    } else {
        memcpy(b->data + b->len, s, n);
    }
    b->len += n;
}

static inline void S_str_reset(S_str *s)
{
    s->zc = NULL;
    s->len = 0;
    s->sc = 0;
}

/* Move s into scratch b (it must be the next thing written there). */
static void S_str_to_scratch(cd_tokenizer *t, S_buf *b, S_str *s)
{
    s->off = b->len;
    s->sc = 1;
    if (s->len)
        S_put(t, b, s->zc, s->len);
    if (t->failed)
        s->len = 0;
}

/* Append bytes to a string that is (or is about to be) in scratch. */
static void S_str_slow(cd_tokenizer *t, S_buf *b, S_str *s, const void *from, size_t n)
{
    if (!s->sc)
        S_str_to_scratch(t, b, s);
    size_t l0 = b->len;
    S_put(t, b, from, n);
    s->len += b->len - l0;
}

/* Append input bytes [from, from+n): zero-copy while the string is the input's. */
static inline void S_str_in(cd_tokenizer *t, S_buf *b, S_str *s, const unsigned char *from, size_t n)
{
    if (!s->sc) {
        if (s->len == 0) {
            s->zc = from;
            s->len = n;
            return;
        }
        if (s->zc + s->len == from) {
            s->len += n;
            return;
        }
    }
    S_str_slow(t, b, s, from, n);
}

/* Append bytes that are not (known to be) the input's. */
static inline void S_str_bytes(cd_tokenizer *t, S_buf *b, S_str *s, const char *bytes, size_t n)
{
    S_str_slow(t, b, s, bytes, n);
}

/* Append the literal lit[0..n): taken from the input when the bytes there are
 * the same (right after the string, or at `at` when the string is empty), so
 * that a string that only ever re-emits what it read stays zero-copy. */
static void S_str_lit(cd_tokenizer *t, S_buf *b, S_str *s, const unsigned char *at, const char *lit,
                      size_t n)
{
    if (!s->sc) {
        const unsigned char *nx = s->len ? s->zc + s->len : at;
        if (nx && nx >= t->in && (size_t)(t->end - nx) >= n && memcmp(nx, lit, n) == 0) {
            S_str_in(t, b, s, nx, n);
            return;
        }
    }
    S_str_bytes(t, b, s, lit, n);
}

/* The current character (CR reads as LF) appended. */
static inline void S_str_cur(cd_tokenizer *t, S_buf *b, S_str *s, const unsigned char *p)
{
    if (*p == '\r')
        S_str_bytes(t, b, s, "\n", 1);
    else
        S_str_in(t, b, s, p, 1);
}

static inline void S_str_lower(cd_tokenizer *t, S_buf *b, S_str *s, unsigned char c)
{
    char l = (char)(c + 32);
    S_str_bytes(t, b, s, &l, 1);
}

static inline const char *S_str_ptr(const S_buf *b, const S_str *s)
{
    if (!s->len)
        return S_empty;
    return s->sc ? b->data + s->off : (const char *)s->zc;
}

/* Shorthands for the text run and the token's current strings. */
#define RUN_IN(from, n) S_str_in(t, &t->cbuf, &t->run, (from), (size_t)(n))
#define RUN_BYTES(s, n) S_str_bytes(t, &t->cbuf, &t->run, (s), (n))
#define RUN_LIT(at, s, n) S_str_lit(t, &t->cbuf, &t->run, (at), (s), (n))
#define RUN_CUR(p) S_str_cur(t, &t->cbuf, &t->run, (p))
#define TOK_IN(str, from, n) S_str_in(t, &t->tbuf, (str), (from), (size_t)(n))
#define TOK_BYTES(str, s, n) S_str_bytes(t, &t->tbuf, (str), (s), (n))
#define TOK_LIT(str, at, s, n) S_str_lit(t, &t->tbuf, (str), (at), (s), (n))
#define TOK_CUR(str, p) S_str_cur(t, &t->tbuf, (str), (p))
#define TOK_LOWER(str, c) S_str_lower(t, &t->tbuf, (str), (c))
#define CUR_ATTR (&t->attrs[t->acur])
#define ERR() (t->errors++)

/* Short names compared inline (memcmp is a call). */
static inline int S_same(const char *a, const unsigned char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)a[i] != b[i])
            return 0;
    return 1;
}

/* ---- tag names --------------------------------------------------------- */

/* The length and three bytes (first, middle, last) tell the ~150 tag names
 * apart well enough for a table of 512 with linear probing; cheaper than
 * hashing every byte of every tag name. n > 0. */
static inline uint32_t S_hash(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    return (uint32_t)n * 97u + u[0] * 7u + u[n >> 1] * 31u + u[n - 1] * 3u;
}

static void S_taghash_init(cd_tokenizer *t)
{
    memset(t->taghash, 0, sizeof t->taghash);
    for (unsigned tag = CD_TAG_UNKNOWN + 1; tag < CD_TAG__COUNT; tag++) {
        const char *nm = cd_tag_name((uint16_t)tag);
        size_t n = strlen(nm);
        t->tagname[tag] = nm;
        t->taglen[tag] = (uint8_t)(n < 255 ? n : 255);
        uint32_t h = S_hash(nm, n) & (S_TAGHASH_SIZE - 1);
        while (t->taghash[h])
            h = (h + 1) & (S_TAGHASH_SIZE - 1);
        t->taghash[h] = (uint16_t)tag;
    }
}

static inline uint16_t S_tag_lookup(const cd_tokenizer *t, const char *s, size_t n)
{
    if (n == 0 || n > 16)
        return CD_TAG_UNKNOWN;
    uint32_t h = S_hash(s, n) & (S_TAGHASH_SIZE - 1);
    for (;;) {
        uint16_t tag = t->taghash[h];
        if (!tag)
            return CD_TAG_UNKNOWN;
        if (t->taglen[tag] == n && S_same(t->tagname[tag], (const unsigned char *)s, n))
            return tag;
        h = (h + 1) & (S_TAGHASH_SIZE - 1);
    }
}

/* ---- character references (§13.2.5.72-80) ------------------------------- */

/* The longest entity name that is a prefix of [p, end): its entry, or NULL.
 * The table is sorted: the candidates sharing the first k bytes are a range,
 * narrowed one byte at a time by binary search, so the work is bounded by
 * CD_ENT_MAX_NAME steps whatever follows. */
static const cd_ent *S_named(const unsigned char *p, const unsigned char *end)
{
    unsigned c0 = *p;
    if (c0 >= 128)
        return NULL;
    size_t lo = cd_ent_first[c0][0], hi = cd_ent_first[c0][1];
    const cd_ent *best = NULL;
    for (size_t k = 1; lo < hi; k++) {
        /* Every entry of [lo, hi) starts with p[0..k); the one of length k
         * (if any) sorts first. */
        if (cd_ent_table[lo].name_len == k)
            best = &cd_ent_table[lo++];
        if (lo >= hi || (size_t)(end - p) <= k)
            break;
        unsigned char ch = p[k];
        size_t a = lo, z = hi;
        while (a < z) {
            size_t m = a + (z - a) / 2;
            if ((unsigned char)cd_ent_names[cd_ent_table[m].name_off + k] < ch)
                a = m + 1;
            else
                z = m;
        }
        lo = a;
        z = hi;
        while (a < z) {
            size_t m = a + (z - a) / 2;
            if ((unsigned char)cd_ent_names[cd_ent_table[m].name_off + k] <= ch)
                a = m + 1;
            else
                z = m;
        }
        hi = a;
    }
    return best;
}

/* The entity named exactly p[0..n), or NULL. */
static const cd_ent *S_named_exact(const unsigned char *p, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 16777619u;
    for (;; h++) {
        unsigned idx = cd_ent_hash[h & (CD_ENT_HASH_SIZE - 1)];
        if (!idx)
            return NULL;
        const cd_ent *e = &cd_ent_table[idx - 1];
        if (e->name_len == n && S_same(cd_ent_names + e->name_off, p, n))
            return e;
    }
}

/* Windows-1252 for the C1 range: the spec's numeric reference table (0 = as is). */
static const uint16_t S_c1[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                  0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/* A character reference at amp ('&'), into string s of buffer b (the text run
 * or an attribute value: in_attr). Returns the input position after it. */
static const unsigned char *S_charref(cd_tokenizer *t, const unsigned char *amp,
                                      const unsigned char *end, S_buf *b, S_str *s, int in_attr)
{
    const unsigned char *p = amp + 1;
    if (p >= end || (!IS(*p, C_ALNUM) && *p != '#')) {
        S_str_in(t, b, s, amp, 1); /* not a reference: the '&' as is */
        return p;
    }
    if (*p == '#') {
        const unsigned char *q = p + 1;
        int hex = 0;
        if (q < end && (*q == 'x' || *q == 'X')) {
            hex = 1;
            q++;
        }
        const unsigned char *digits = q;
        uint32_t code = 0;
        if (hex) {
            for (; q < end; q++) {
                unsigned d;
                if (*q >= '0' && *q <= '9')
                    d = *q - '0';
                else if ((*q | 0x20) >= 'a' && (*q | 0x20) <= 'f')
                    d = (*q | 0x20) - 'a' + 10;
                else
                    break;
                if (code <= 0x10FFFF)
                    code = code * 16 + d;
            }
        } else {
            for (; q < end && *q >= '0' && *q <= '9'; q++)
                if (code <= 0x10FFFF)
                    code = code * 10 + (*q - '0');
        }
        if (q == digits) { /* absence-of-digits: "&#" / "&#x" as is */
            ERR();
            S_str_in(t, b, s, amp, (size_t)(q - amp));
            return q;
        }
        if (q < end && *q == ';')
            q++;
        else
            ERR();
        uint32_t cp = code;
        if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            ERR();
            cp = CD_REPLACEMENT;
        } else {
            if ((code >= 0xFDD0 && code <= 0xFDEF) || (code & 0xFFFE) == 0xFFFE)
                ERR(); /* noncharacter: kept */
            if (code == 0x0D || (code < 0x20 && code != 0x09 && code != 0x0A && code != 0x0C) ||
                (code >= 0x7F && code <= 0x9F)) {
                ERR();
                if (code >= 0x80 && code <= 0x9F && S_c1[code - 0x80])
                    cp = S_c1[code - 0x80];
            }
        }
        char u[4];
        size_t n = cd_utf8_encode(cp, u);
        S_str_bytes(t, b, s, u, n);
        return q;
    }
    /* Most references are closed by ';' ("&amp;", "&nbsp;"): the name with its
     * ';' is then the only candidate for the longest match, found with one
     * hash probe; else the general longest-prefix search. */
    /* The five references pages use most, without a lookup. */
    static const struct {
        char name[6];
        uint8_t len;
        char ch;
    } common[] = {{"quot;", 5, '"'}, {"amp;", 4, '&'}, {"lt;", 3, '<'}, {"gt;", 3, '>'}};
    for (size_t i = 0; i < sizeof common / sizeof common[0]; i++) {
        size_t n = common[i].len;
        if ((size_t)(end - p) >= n && *p == (unsigned char)common[i].name[0] &&
            S_same(common[i].name, p, n)) {
            S_str_bytes(t, b, s, &common[i].ch, 1);
            return p + n;
        }
    }
    if ((size_t)(end - p) >= 5 && S_same("nbsp;", p, 5)) {
        S_str_bytes(t, b, s, "\xC2\xA0", 2);
        return p + 5;
    }
    const cd_ent *e = NULL;
    const unsigned char *r = p;
    while (r < end && r - p <= CD_ENT_MAX_NAME && IS(*r, C_ALNUM))
        r++;
    int whole = r - p <= CD_ENT_MAX_NAME; /* r ends the alphanumerics */
    if (whole && r < end && *r == ';')
        e = S_named_exact(p, (size_t)(r + 1 - p));
    if (!e && in_attr) {
        /* In a value, a match shorter than the alphanumerics is followed by
         * one, so it is not decoded (the legacy rule below): only the whole
         * run can be a reference, when nothing but '=' follows it. */
        if (whole && !(r < end && *r == '='))
            e = S_named_exact(p, (size_t)(r - p));
    } else if (!e) {
        e = S_named(p, end);
    }
    if (!e) {
        /* The ambiguous ampersand state: '&' and the alphanumerics after it as
         * they are; an error when a ';' ends them. */
        const unsigned char *q = p;
        while (q < end && IS(*q, C_ALNUM))
            q++;
        if (q < end && *q == ';')
            ERR();
        S_str_in(t, b, s, amp, (size_t)(q - amp));
        return q;
    }
    const unsigned char *q = p + e->name_len;
    if (cd_ent_names[e->name_off + e->name_len - 1] != ';') {
        /* Legacy name without ';': in an attribute value followed by '=' or
         * an alphanumeric it is not a reference (a URL's "&copy=1"). */
        if (in_attr && q < end && (*q == '=' || IS(*q, C_ALNUM))) {
            S_str_in(t, b, s, amp, (size_t)(q - amp));
            return q;
        }
        ERR();
    }
    S_str_bytes(t, b, s, e->utf8, e->utf8_len);
    return q;
}

/* ---- tokens under construction ----------------------------------------- */

static void S_new_tag(cd_tokenizer *t, int kind)
{
    t->kind = kind;
    S_str_reset(&t->name);
    t->cur_known = 0;
    t->self_closing = 0;
    t->nattrs = 0;
    t->acur = UINT32_MAX;
    t->bloom = 0;
}

static void S_new_comment(cd_tokenizer *t)
{
    t->kind = CD_TOK_COMMENT;
    S_str_reset(&t->name);
}

static void S_new_doctype(cd_tokenizer *t)
{
    t->kind = CD_TOK_DOCTYPE;
    S_str_reset(&t->name);
    S_str_reset(&t->pub);
    S_str_reset(&t->sys);
    t->force_quirks = t->has_name = t->has_pub = t->has_sys = 0;
}

/* Start a new attribute; the slot of a dropped one (duplicate, past the cap,
 * on an end tag) is reused and its scratch bytes given back. */
static void S_new_attr(cd_tokenizer *t)
{
    if (t->acur != UINT32_MAX && t->acur == t->nattrs)
        t->tbuf.len = t->attr_mark; /* the previous one was dropped */
    t->acur = t->nattrs;
    t->attr_mark = t->tbuf.len;
    S_str_reset(&CUR_ATTR->name);
    S_str_reset(&CUR_ATTR->value);
}

/* Leaving the attribute name state: keep the attribute unless its name is
 * already on the tag (the first one wins), the tag has CD_MAX_TOKEN_ATTRS
 * already, or it is an end tag (whose attributes are dropped). */
static inline void S_attr_name_done(cd_tokenizer *t)
{
    if (t->acur != t->nattrs)
        return; /* already decided */
    if (t->kind == CD_TOK_END_TAG) {
        if (t->acur == 0 && t->nattrs == 0)
            ERR(); /* end-tag-with-attributes (counted once) */
        return;
    }
    if (t->nattrs >= CD_MAX_TOKEN_ATTRS)
        return;
    const S_str *nm = &CUR_ATTR->name;
    const char *s = S_str_ptr(&t->tbuf, nm);
    size_t n = nm->len;
    uint64_t bit = (uint64_t)1 << ((n * 7 + (n ? (unsigned char)s[0] * 3 + (unsigned char)s[n - 1] : 0)) & 63);
    if (t->bloom & bit) {
        for (uint32_t i = 0; i < t->nattrs; i++) {
            const S_str *o = &t->attrs[i].name;
            if (o->len == n && memcmp(S_str_ptr(&t->tbuf, o), s, n) == 0) {
                ERR(); /* duplicate-attribute: dropped */
                return;
            }
        }
    }
    t->bloom |= bit;
    t->nattrs++;
}

/* The last start tag's name (for "appropriate end tag"): a name that is the
 * input's bytes is pointed to (valid for the whole page), others copied. */
static void S_set_last(cd_tokenizer *t, const char *s, size_t n, int copy)
{
    if (copy) {
        t->last.len = 0;
        S_put(t, &t->last, s, n);
        s = t->last.data;
    }
    t->last_ptr = s;
    t->last_len = n;
    t->has_last = !t->failed;
}

static int S_appropriate(const cd_tokenizer *t, const unsigned char *s, size_t n)
{
    if (!t->has_last || t->last_len != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((s[i] | 0x20) != (unsigned char)t->last_ptr[i])
            return 0;
    return 1;
}

/* A start or end tag's fields of *tok (kind k), for both S_finish and
 * S_finish_lean; *tok's other fields are the caller's. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline void S_finish_tag(cd_tokenizer *t, cd_token *tok, int k)
{
    tok->data = S_str_ptr(&t->tbuf, &t->name);
    tok->len = t->name.len;
    tok->tag = t->cur_known ? t->cur_tag : S_tag_lookup(t, tok->data, tok->len);
    if (k == CD_TOK_END_TAG) {
        if (t->self_closing)
            ERR(); /* end-tag-with-trailing-solidus */
        return;
    }
    tok->self_closing = t->self_closing;
    S_set_last(t, tok->data, tok->len, t->name.sc);
    for (uint32_t i = 0; i < t->nattrs; i++) {
        const S_attr *a = &t->attrs[i];
        cd_tok_attr *o = &t->pattrs[i];
        o->name = S_str_ptr(&t->tbuf, &a->name);
        o->name_len = (uint32_t)(a->name.len > UINT32_MAX ? UINT32_MAX : a->name.len);
        o->value = S_str_ptr(&t->tbuf, &a->value);
        o->value_len = (uint32_t)(a->value.len > UINT32_MAX ? UINT32_MAX : a->value.len);
    }
    tok->attrs = t->pattrs;
    tok->nattrs = t->nattrs;
}

/* Fill *tok with the token under construction (kind k). */
static void S_finish(cd_tokenizer *t, cd_token *tok, int k)
{
    memset(tok, 0, sizeof *tok);
    tok->kind = (cd_tok_kind)k;
    tok->data = S_empty;
    switch (k) {
    case CD_TOK_START_TAG:
    case CD_TOK_END_TAG:
        S_finish_tag(t, tok, k);
        break;
    case CD_TOK_COMMENT:
        tok->data = S_str_ptr(&t->tbuf, &t->name);
        tok->len = t->name.len;
        break;
    case CD_TOK_DOCTYPE:
        tok->data = S_str_ptr(&t->tbuf, &t->name);
        tok->len = t->name.len;
        tok->has_name = t->has_name;
        tok->force_quirks = t->force_quirks;
        tok->has_public_id = t->has_pub;
        tok->has_system_id = t->has_sys;
        tok->public_id = S_str_ptr(&t->tbuf, &t->pub);
        tok->public_id_len = (uint32_t)(t->pub.len > UINT32_MAX ? UINT32_MAX : t->pub.len);
        tok->system_id = S_str_ptr(&t->tbuf, &t->sys);
        tok->system_id_len = (uint32_t)(t->sys.len > UINT32_MAX ? UINT32_MAX : t->sys.len);
        break;
    default:
        break;
    }
}

/* ASCII case-insensitive: does [p, p+n) equal lower-case lit? */
static int S_ieq(const unsigned char *p, const char *lit, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (c >= 'A' && c <= 'Z')
            c += 32;
        if (c != (unsigned char)lit[i])
            return 0;
    }
    return 1;
}

/* cd_tokenizer_keep_attrs: past the attributes of a tag whose attributes are
 * not kept, from the before-attribute-name state: the same states as below
 * (§13.2.5.32-40), keeping nothing, so the tag ends where they end it. Only
 * what ends a name or a value matters here: a character reference never
 * consumes white space, '>' or a quote, and CR and NUL change only the
 * bytes of a name or value. Returns the byte after the tag's '>' (self-
 * closing set as the states set it), or NULL at the end of the input (the
 * tag is dropped: eof-in-tag). Parse errors of these states go uncounted. */
static const unsigned char *S_skip_attrs(cd_tokenizer *t, const unsigned char *p, const unsigned char *end)
{
    for (;;) {
        /* before attribute name */
        while (p < end && IS(*p, C_WS))
            p++;
        if (p >= end)
            return NULL;
        if (*p != '/' && *p != '>') {
            /* attribute name: a leading '=' is part of it */
            if (*p == '=')
                p++;
        name:
            /* Up to white space, '/', '>' or '=': the class table stops at
             * those and at the bytes below, which belong to the name. */
            for (;;) {
                while (p < end && !IS(*p, C_ATTRNAME))
                    p++;
                if (p >= end || IS(*p, C_WS) || *p == '/' || *p == '>' || *p == '=')
                    break;
                p++; /* " ' < NUL or an upper-case letter */
            }
            /* after attribute name */
            while (p < end && IS(*p, C_WS))
                p++;
            if (p >= end)
                return NULL;
            if (*p == '=') {
                /* before attribute value */
                p++;
                while (p < end && IS(*p, C_WS))
                    p++;
                if (p < end && (*p == '"' || *p == '\'')) {
                    const unsigned char *q = memchr(p + 1, *p, (size_t)(end - p - 1));
                    if (!q)
                        return NULL;
                    p = q + 1;
                    /* after attribute value (quoted) */
                    if (p >= end)
                        return NULL;
                    if (IS(*p, C_WS))
                        continue;
                    if (*p != '/' && *p != '>')
                        continue; /* missing-whitespace-between-attributes */
                } else {
                    if (p < end && *p == '>')
                        return p + 1; /* missing-attribute-value */
                    /* unquoted */
                    while (p < end && !IS(*p, C_WS) && *p != '>')
                        p++;
                    if (p >= end)
                        return NULL;
                    if (*p == '>')
                        return p + 1;
                    continue;
                }
            } else if (*p != '/' && *p != '>') {
                goto name; /* another attribute */
            }
        }
        /* after attribute name: '/' or '>' */
        if (*p == '>')
            return p + 1;
        p++; /* self-closing start tag */
        if (p >= end)
            return NULL;
        if (*p == '>') {
            t->self_closing = 1;
            return p + 1;
        }
        /* unexpected-solidus-in-tag: before attribute name again */
    }
}

/* Are the attributes of the tag being read dropped (cd_tokenizer_keep_attrs)? */
static int S_drop_attrs(cd_tokenizer *t)
{
    if (t->kind == CD_TOK_END_TAG)
        return 1;
    t->cur_tag = S_tag_lookup(t, S_str_ptr(&t->tbuf, &t->name), t->name.len);
    t->cur_known = 1; /* the name is complete: S_finish need not look it up again */
    return !t->keep[t->cur_tag];
}

/* ---- the state machine ----------------------------------------------- */

/* Run until one token other than characters is complete: its kind. The text
 * before it is in t->run. Inlined into each entry point (cd_tokenizer_next
 * and cd_tokenizer_next_lean), as it was into the one before there were
 * two: a call per token costs the parser as much as the lean entry saves. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline int S_run(cd_tokenizer *t)
{
    const unsigned char *p = t->p;
    const unsigned char *const end = t->end;
    int st = t->state;
    int ts = S_DATA;                   /* the text state an end-tag check falls back to */
    const unsigned char *mark = NULL; /* start of an end tag's name / a double-escape word */
    int c;
    int k; /* the kind emitted */

/* The current character: -1 at the end of input, CR reads as LF. */
#define CUR() (p < end ? (*p == '\r' ? '\n' : (int)*p) : -1)
#define WS(ch) ((ch) == '\t' || (ch) == '\n' || (ch) == '\f' || (ch) == ' ')
#define UPPER(ch) ((ch) >= 'A' && (ch) <= 'Z')
#define ALPHA(ch) ((ch) >= 0 && IS(ch, C_ALPHA))
#define SKIP_WS()                                                                                  \
    while (p < end && IS(*p, C_WS))                                                                \
    p++

    /* Out of memory is not checked here: appends become no-ops, every state
     * still consumes input, and cd_tokenizer_next() reports it at the end. */
    for (;;) {
        switch (st) {
        case S_DATA:
            for (;;) {
                const unsigned char *q = S_scan4(p, end, '<', '&', '\r', 0);
                if (q > p)
                    RUN_IN(p, q - p);
                p = q;
                if (p >= end)
                    goto eof;
                if (*p == '<')
                    break;
                if (*p == '&') {
                    p = S_charref(t, p, end, &t->cbuf, &t->run, 0);
                } else if (*p == '\r') {
                    RUN_BYTES("\n", 1);
                    p = S_adv(p, end);
                } else { /* unexpected-null-character: emitted as is */
                    ERR();
                    RUN_IN(p, 1);
                    p++;
                }
            }
            p++;
            st = S_TAG_OPEN;
            break;

        case S_RCDATA:
            for (;;) {
                const unsigned char *q = S_scan4(p, end, '<', '&', '\r', 0);
                if (q > p)
                    RUN_IN(p, q - p);
                p = q;
                if (p >= end)
                    goto eof;
                if (*p == '<')
                    break;
                if (*p == '&') {
                    p = S_charref(t, p, end, &t->cbuf, &t->run, 0);
                } else if (*p == '\r') {
                    RUN_BYTES("\n", 1);
                    p = S_adv(p, end);
                } else {
                    ERR();
                    RUN_BYTES(S_fffd, 3);
                    p++;
                }
            }
            p++;
            st = S_RCDATA_LT;
            break;

        case S_RAWTEXT:
        case S_SCRIPT:
        case S_PLAINTEXT: {
            unsigned char lt = st == S_PLAINTEXT ? 0 : '<';
            for (;;) {
                const unsigned char *q = S_scan4(p, end, lt, '\r', 0, 0);
                if (q > p)
                    RUN_IN(p, q - p);
                p = q;
                if (p >= end)
                    goto eof;
                if (*p == '<' && lt)
                    break;
                if (*p == '\r') {
                    RUN_BYTES("\n", 1);
                    p = S_adv(p, end);
                } else {
                    ERR();
                    RUN_BYTES(S_fffd, 3);
                    p++;
                }
            }
            p++;
            st = st == S_SCRIPT ? S_SCRIPT_LT : S_RAWTEXT_LT;
            break;
        }

        case S_TAG_OPEN:
            c = CUR();
            if (c == '!') {
                p++;
                st = S_MARKUP_DECL;
            } else if (c == '/') {
                p++;
                st = S_END_TAG_OPEN;
            } else if (ALPHA(c)) {
                S_new_tag(t, CD_TOK_START_TAG);
                st = S_TAG_NAME;
            } else if (c == '?') { /* unexpected-question-mark-instead-of-tag-name */
                ERR();
                S_new_comment(t);
                st = S_BOGUS_COMMENT;
            } else { /* invalid-first-character-of-tag-name / eof-before-tag-name */
                ERR();
                RUN_LIT(p - 1, "<", 1);
                if (c < 0)
                    goto eof;
                st = S_DATA;
            }
            break;

        case S_END_TAG_OPEN:
            c = CUR();
            if (ALPHA(c)) {
                S_new_tag(t, CD_TOK_END_TAG);
                st = S_TAG_NAME;
            } else if (c == '>') { /* missing-end-tag-name: nothing */
                ERR();
                p++;
                st = S_DATA;
            } else if (c < 0) {
                ERR();
                RUN_LIT(p - 2, "</", 2);
                goto eof;
            } else {
                ERR();
                S_new_comment(t);
                st = S_BOGUS_COMMENT;
            }
            break;

        case S_TAG_NAME:
            for (;;) {
                const unsigned char *q = p;
                while (q < end && !IS(*q, C_TAGNAME))
                    q++;
                if (q > p)
                    TOK_IN(&t->name, p, q - p);
                p = q;
                if (p >= end) { /* eof-in-tag: the tag is dropped */
                    ERR();
                    goto eof;
                }
                c = *p;
                if (IS(c, C_WS)) {
                    p = S_adv(p, end);
                    st = S_BEFORE_ATTR_NAME;
                    if (t->keep && S_drop_attrs(t)) {
                        p = S_skip_attrs(t, p, end);
                        if (!p) {
                            p = end;
                            goto eof;
                        }
                        goto emit_tag;
                    }
                    break;
                }
                if (c == '/') {
                    p++;
                    st = S_SELF_CLOSING;
                    break;
                }
                if (c == '>') {
                    p++;
                    goto emit_tag;
                }
                if (UPPER(c)) {
                    TOK_LOWER(&t->name, (unsigned char)c);
                } else { /* NUL */
                    ERR();
                    TOK_BYTES(&t->name, S_fffd, 3);
                }
                p++;
            }
            break;

        case S_RCDATA_LT:
        case S_RAWTEXT_LT:
            if (p < end && *p == '/') {
                p++;
                ts = st == S_RCDATA_LT ? S_RCDATA : S_RAWTEXT;
                st = S_TEXT_END_OPEN;
            } else {
                RUN_LIT(p - 1, "<", 1);
                st = st == S_RCDATA_LT ? S_RCDATA : S_RAWTEXT;
            }
            break;

        case S_SCRIPT_LT:
            if (p < end && *p == '/') {
                p++;
                ts = S_SCRIPT;
                st = S_TEXT_END_OPEN;
            } else if (p < end && *p == '!') {
                p++;
                RUN_LIT(p - 2, "<!", 2);
                st = S_SCRIPT_ESC_START;
            } else {
                RUN_LIT(p - 1, "<", 1);
                st = S_SCRIPT;
            }
            break;

        case S_TEXT_END_OPEN:
            if (p < end && IS(*p, C_ALPHA)) {
                mark = p;
                st = S_TEXT_END_NAME;
            } else {
                RUN_LIT(p - 2, "</", 2);
                st = ts;
            }
            break;

        case S_TEXT_END_NAME: {
            const unsigned char *q = p;
            while (q < end && IS(*q, C_ALPHA))
                q++;
            p = q;
            c = CUR();
            if ((WS(c) || c == '/' || c == '>') && S_appropriate(t, mark, (size_t)(p - mark))) {
                S_new_tag(t, CD_TOK_END_TAG);
                for (q = mark; q < p; q++) {
                    if (UPPER(*q))
                        TOK_LOWER(&t->name, *q);
                    else
                        TOK_IN(&t->name, q, 1);
                }
                if (c == '>') {
                    p++;
                    goto emit_tag;
                }
                if (c == '/') {
                    p++;
                    st = S_SELF_CLOSING;
                } else {
                    p = S_adv(p, end);
                    st = S_BEFORE_ATTR_NAME;
                }
                break;
            }
            /* Not an end tag: "</" and the letters are text. */
            RUN_IN(mark - 2, p - mark + 2);
            st = ts;
            break;
        }

        case S_SCRIPT_ESC_START:
        case S_SCRIPT_ESC_START_DASH:
            if (p < end && *p == '-') {
                RUN_IN(p, 1);
                p++;
                st = st == S_SCRIPT_ESC_START ? S_SCRIPT_ESC_START_DASH : S_SCRIPT_ESC_DASH_DASH;
            } else {
                st = S_SCRIPT;
            }
            break;

        case S_SCRIPT_ESC:
        case S_SCRIPT_DESC:
            for (;;) {
                const unsigned char *q = S_scan4(p, end, '-', '<', '\r', 0);
                if (q > p)
                    RUN_IN(p, q - p);
                p = q;
                if (p >= end) { /* eof-in-script-html-comment-like-text */
                    ERR();
                    goto eof;
                }
                if (*p == '-') {
                    RUN_IN(p, 1);
                    p++;
                    st = st == S_SCRIPT_ESC ? S_SCRIPT_ESC_DASH : S_SCRIPT_DESC_DASH;
                    break;
                }
                if (*p == '<') {
                    if (st == S_SCRIPT_DESC)
                        RUN_IN(p, 1);
                    p++;
                    st = st == S_SCRIPT_ESC ? S_SCRIPT_ESC_LT : S_SCRIPT_DESC_LT;
                    break;
                }
                if (*p == '\r') {
                    RUN_BYTES("\n", 1);
                    p = S_adv(p, end);
                } else {
                    ERR();
                    RUN_BYTES(S_fffd, 3);
                    p++;
                }
            }
            break;

        case S_SCRIPT_ESC_DASH:
        case S_SCRIPT_ESC_DASH_DASH:
        case S_SCRIPT_DESC_DASH:
        case S_SCRIPT_DESC_DASH_DASH: {
            int dbl = st == S_SCRIPT_DESC_DASH || st == S_SCRIPT_DESC_DASH_DASH;
            int dd = st == S_SCRIPT_ESC_DASH_DASH || st == S_SCRIPT_DESC_DASH_DASH;
            c = CUR();
            if (c < 0) {
                ERR();
                goto eof;
            }
            if (c == '-') {
                RUN_IN(p, 1);
                p++;
                st = dbl ? S_SCRIPT_DESC_DASH_DASH : S_SCRIPT_ESC_DASH_DASH;
            } else if (c == '<') {
                if (dbl)
                    RUN_IN(p, 1);
                p++;
                st = dbl ? S_SCRIPT_DESC_LT : S_SCRIPT_ESC_LT;
            } else if (c == '>' && dd) {
                RUN_IN(p, 1);
                p++;
                st = S_SCRIPT;
            } else if (c == 0) {
                ERR();
                RUN_BYTES(S_fffd, 3);
                p++;
                st = dbl ? S_SCRIPT_DESC : S_SCRIPT_ESC;
            } else {
                RUN_CUR(p);
                p = S_adv(p, end);
                st = dbl ? S_SCRIPT_DESC : S_SCRIPT_ESC;
            }
            break;
        }

        case S_SCRIPT_ESC_LT:
            if (p < end && *p == '/') {
                p++;
                ts = S_SCRIPT_ESC;
                st = S_TEXT_END_OPEN;
            } else if (p < end && IS(*p, C_ALPHA)) {
                RUN_LIT(p - 1, "<", 1);
                mark = p;
                st = S_SCRIPT_DESC_START;
            } else {
                RUN_LIT(p - 1, "<", 1);
                st = S_SCRIPT_ESC;
            }
            break;

        case S_SCRIPT_DESC_START:
        case S_SCRIPT_DESC_END: {
            /* The letters are text; the word they make decides, at the next
             * whitespace, '/' or '>', whether the script is double-escaped. */
            const unsigned char *q = p;
            while (q < end && IS(*q, C_ALPHA))
                q++;
            if (q > p)
                RUN_IN(p, q - p);
            p = q;
            c = CUR();
            int start = st == S_SCRIPT_DESC_START;
            if (WS(c) || c == '/' || c == '>') {
                int script = p - mark == 6 && S_ieq(mark, "script", 6);
                if (start)
                    st = script ? S_SCRIPT_DESC : S_SCRIPT_ESC;
                else
                    st = script ? S_SCRIPT_ESC : S_SCRIPT_DESC;
                RUN_CUR(p);
                p = S_adv(p, end);
            } else {
                st = start ? S_SCRIPT_ESC : S_SCRIPT_DESC;
            }
            break;
        }

        case S_SCRIPT_DESC_LT:
            if (p < end && *p == '/') {
                RUN_IN(p, 1);
                p++;
                mark = p;
                st = S_SCRIPT_DESC_END;
            } else {
                st = S_SCRIPT_DESC;
            }
            break;

        case S_BEFORE_ATTR_NAME:
            SKIP_WS();
            if (p >= end || *p == '/' || *p == '>') {
                st = S_AFTER_ATTR_NAME;
                break;
            }
            S_new_attr(t);
            if (*p == '=') { /* unexpected-equals-sign-before-attribute-name */
                ERR();
                TOK_IN(&CUR_ATTR->name, p, 1);
                p++;
            }
            st = S_ATTR_NAME;
            break;

        case S_ATTR_NAME:
            for (;;) {
                const unsigned char *q = p;
                while (q < end && !IS(*q, C_ATTRNAME))
                    q++;
                if (q > p)
                    TOK_IN(&CUR_ATTR->name, p, q - p);
                p = q;
                if (p >= end || IS(*p, C_WS) || *p == '/' || *p == '>') {
                    S_attr_name_done(t);
                    st = S_AFTER_ATTR_NAME;
                    break;
                }
                c = *p;
                if (c == '=') {
                    S_attr_name_done(t);
                    p++;
                    st = S_BEFORE_ATTR_VALUE;
                    break;
                }
                if (UPPER(c)) {
                    TOK_LOWER(&CUR_ATTR->name, (unsigned char)c);
                } else if (c == 0) {
                    ERR();
                    TOK_BYTES(&CUR_ATTR->name, S_fffd, 3);
                } else { /* " ' < : unexpected-character-in-attribute-name, kept */
                    ERR();
                    TOK_IN(&CUR_ATTR->name, p, 1);
                }
                p++;
            }
            break;

        case S_AFTER_ATTR_NAME:
            SKIP_WS();
            if (p >= end) {
                ERR();
                goto eof;
            }
            if (*p == '/') {
                p++;
                st = S_SELF_CLOSING;
            } else if (*p == '=') {
                p++;
                st = S_BEFORE_ATTR_VALUE;
            } else if (*p == '>') {
                p++;
                goto emit_tag;
            } else {
                S_new_attr(t);
                st = S_ATTR_NAME;
            }
            break;

        case S_BEFORE_ATTR_VALUE:
            SKIP_WS();
            if (t->want && t->cur_known && t->kind == CD_TOK_START_TAG && p < end && *p != '>' &&
                !t->want(t->want_ctx, t->cur_tag, S_str_ptr(&t->tbuf, &CUR_ATTR->name), CUR_ATTR->name.len)) {
                /* A value nobody reads (cd_tokenizer_want_values): past it
                 * as the value states go, keeping nothing (a character
                 * reference never consumes a quote, white space or '>',
                 * as in S_skip_attrs); the attribute stays, its value
                 * empty. Parse errors inside it go uncounted. */
                if (*p == '"' || *p == '\'') {
                    const unsigned char *q = memchr(p + 1, *p, (size_t)(end - p - 1));
                    if (!q) {
                        ERR();
                        p = end;
                        goto eof;
                    }
                    p = q + 1;
                    st = S_AFTER_ATTR_VALUE_Q;
                    break;
                }
                while (p < end && !IS(*p, C_WS) && *p != '>')
                    p++;
                if (p >= end) {
                    ERR();
                    goto eof;
                }
                if (*p == '>') {
                    p++;
                    goto emit_tag;
                }
                p = S_adv(p, end);
                st = S_BEFORE_ATTR_NAME;
                break;
            }
            if (p < end && *p == '"') {
                p++;
                st = S_ATTR_VALUE_DQ;
            } else if (p < end && *p == '\'') {
                p++;
                st = S_ATTR_VALUE_SQ;
            } else if (p < end && *p == '>') { /* missing-attribute-value */
                ERR();
                p++;
                goto emit_tag;
            } else {
                st = S_ATTR_VALUE_UQ;
            }
            break;

        case S_ATTR_VALUE_DQ:
        case S_ATTR_VALUE_SQ: {
            unsigned char quote = st == S_ATTR_VALUE_DQ ? '"' : '\'';
            for (;;) {
                const unsigned char *q = S_scan4(p, end, quote, '&', '\r', 0);
                if (q > p)
                    TOK_IN(&CUR_ATTR->value, p, q - p);
                p = q;
                if (p >= end) {
                    ERR();
                    goto eof;
                }
                if (*p == quote) {
                    p++;
                    st = S_AFTER_ATTR_VALUE_Q;
                    break;
                }
                if (*p == '&') {
                    p = S_charref(t, p, end, &t->tbuf, &CUR_ATTR->value, 1);
                } else if (*p == '\r') {
                    TOK_BYTES(&CUR_ATTR->value, "\n", 1);
                    p = S_adv(p, end);
                } else {
                    ERR();
                    TOK_BYTES(&CUR_ATTR->value, S_fffd, 3);
                    p++;
                }
            }
            break;
        }

        case S_ATTR_VALUE_UQ:
            for (;;) {
                const unsigned char *q = p;
                while (q < end && !IS(*q, C_UQVALUE))
                    q++;
                if (q > p)
                    TOK_IN(&CUR_ATTR->value, p, q - p);
                p = q;
                if (p >= end) {
                    ERR();
                    goto eof;
                }
                c = *p;
                if (IS(c, C_WS)) {
                    p = S_adv(p, end);
                    st = S_BEFORE_ATTR_NAME;
                    break;
                }
                if (c == '>') {
                    p++;
                    goto emit_tag;
                }
                if (c == '&') {
                    p = S_charref(t, p, end, &t->tbuf, &CUR_ATTR->value, 1);
                    continue;
                }
                ERR();
                if (c == 0)
                    TOK_BYTES(&CUR_ATTR->value, S_fffd, 3);
                else /* " ' < = ` : kept */
                    TOK_IN(&CUR_ATTR->value, p, 1);
                p++;
            }
            break;

        case S_AFTER_ATTR_VALUE_Q:
            c = CUR();
            if (c < 0) {
                ERR();
                goto eof;
            }
            if (WS(c)) {
                p = S_adv(p, end);
                st = S_BEFORE_ATTR_NAME;
            } else if (c == '/') {
                p++;
                st = S_SELF_CLOSING;
            } else if (c == '>') {
                p++;
                goto emit_tag;
            } else { /* missing-whitespace-between-attributes */
                ERR();
                st = S_BEFORE_ATTR_NAME;
            }
            break;

        case S_SELF_CLOSING:
            c = CUR();
            if (c < 0) {
                ERR();
                goto eof;
            }
            if (c == '>') {
                p++;
                t->self_closing = 1;
                goto emit_tag;
            }
            ERR(); /* unexpected-solidus-in-tag */
            st = S_BEFORE_ATTR_NAME;
            break;

        case S_BOGUS_COMMENT:
            for (;;) {
                const unsigned char *q = S_scan4(p, end, '>', '\r', 0, 0);
                if (q > p)
                    TOK_IN(&t->name, p, q - p);
                p = q;
                if (p >= end)
                    goto emit_comment;
                if (*p == '>') {
                    p++;
                    goto emit_comment;
                }
                if (*p == '\r') {
                    TOK_BYTES(&t->name, "\n", 1);
                    p = S_adv(p, end);
                } else {
                    ERR();
                    TOK_BYTES(&t->name, S_fffd, 3);
                    p++;
                }
            }
            break;

        case S_MARKUP_DECL:
            if (end - p >= 2 && p[0] == '-' && p[1] == '-') {
                p += 2;
                S_new_comment(t);
                st = S_COMMENT_START;
            } else if (end - p >= 7 && S_ieq(p, "doctype", 7)) {
                p += 7;
                st = S_DOCTYPE;
            } else if (end - p >= 7 && memcmp(p, "[CDATA[", 7) == 0) {
                p += 7;
                if (t->allow_cdata) {
                    st = S_CDATA;
                } else { /* cdata-in-html-content */
                    ERR();
                    S_new_comment(t);
                    TOK_IN(&t->name, p - 7, 7);
                    st = S_BOGUS_COMMENT;
                }
            } else { /* incorrectly-opened-comment */
                ERR();
                S_new_comment(t);
                st = S_BOGUS_COMMENT;
            }
            break;

        case S_COMMENT_START:
            c = CUR();
            if (c == '-') {
                p++;
                st = S_COMMENT_START_DASH;
            } else if (c == '>') { /* abrupt-closing-of-empty-comment */
                ERR();
                p++;
                goto emit_comment;
            } else {
                st = S_COMMENT;
            }
            break;

        case S_COMMENT_START_DASH:
            c = CUR();
            if (c == '-') {
                p++;
                st = S_COMMENT_END;
            } else if (c == '>') {
                ERR();
                p++;
                goto emit_comment;
            } else if (c < 0) {
                ERR();
                goto emit_comment;
            } else {
                TOK_LIT(&t->name, p - 1, "-", 1);
                st = S_COMMENT;
            }
            break;

        case S_COMMENT:
            for (;;) {
                const unsigned char *q = S_scan4(p, end, '<', '-', '\r', 0);
                if (q > p)
                    TOK_IN(&t->name, p, q - p);
                p = q;
                if (p >= end) { /* eof-in-comment */
                    ERR();
                    goto emit_comment;
                }
                if (*p == '<') {
                    TOK_IN(&t->name, p, 1);
                    p++;
                    st = S_COMMENT_LT;
                    break;
                }
                if (*p == '-') {
                    p++;
                    st = S_COMMENT_END_DASH;
                    break;
                }
                if (*p == '\r') {
                    TOK_BYTES(&t->name, "\n", 1);
                    p = S_adv(p, end);
                } else {
                    ERR();
                    TOK_BYTES(&t->name, S_fffd, 3);
                    p++;
                }
            }
            break;

        case S_COMMENT_LT:
            c = CUR();
            if (c == '!') {
                TOK_IN(&t->name, p, 1);
                p++;
                st = S_COMMENT_LT_BANG;
            } else if (c == '<') {
                TOK_IN(&t->name, p, 1);
                p++;
            } else {
                st = S_COMMENT;
            }
            break;

        case S_COMMENT_LT_BANG:
            if (p < end && *p == '-') {
                p++;
                st = S_COMMENT_LT_BANG_DASH;
            } else {
                st = S_COMMENT;
            }
            break;

        case S_COMMENT_LT_BANG_DASH:
            if (p < end && *p == '-') {
                p++;
                st = S_COMMENT_LT_BANG_DASH_DASH;
            } else {
                st = S_COMMENT_END_DASH;
            }
            break;

        case S_COMMENT_LT_BANG_DASH_DASH:
            if (p < end && *p != '>')
                ERR(); /* nested-comment */
            st = S_COMMENT_END;
            break;

        case S_COMMENT_END_DASH:
            c = CUR();
            if (c == '-') {
                p++;
                st = S_COMMENT_END;
            } else if (c < 0) {
                ERR();
                goto emit_comment;
            } else {
                TOK_LIT(&t->name, p - 1, "-", 1);
                st = S_COMMENT;
            }
            break;

        case S_COMMENT_END:
            c = CUR();
            if (c == '>') {
                p++;
                goto emit_comment;
            } else if (c == '!') {
                p++;
                st = S_COMMENT_END_BANG;
            } else if (c == '-') {
                TOK_LIT(&t->name, p - 2, "-", 1);
                p++;
            } else if (c < 0) {
                ERR();
                goto emit_comment;
            } else {
                TOK_LIT(&t->name, p - 2, "--", 2);
                st = S_COMMENT;
            }
            break;

        case S_COMMENT_END_BANG:
            c = CUR();
            if (c == '-') {
                TOK_LIT(&t->name, p - 3, "--!", 3);
                p++;
                st = S_COMMENT_END_DASH;
            } else if (c == '>') { /* incorrectly-closed-comment */
                ERR();
                p++;
                goto emit_comment;
            } else if (c < 0) {
                ERR();
                goto emit_comment;
            } else {
                TOK_LIT(&t->name, p - 3, "--!", 3);
                st = S_COMMENT;
            }
            break;

        case S_DOCTYPE:
            c = CUR();
            if (WS(c)) {
                p = S_adv(p, end);
            } else if (c < 0) {
                ERR();
                S_new_doctype(t);
                t->force_quirks = 1;
                goto emit_doctype;
            } else if (c != '>') {
                ERR(); /* missing-whitespace-before-doctype-name */
            }
            st = S_BEFORE_DOCTYPE_NAME;
            break;

        case S_BEFORE_DOCTYPE_NAME:
            SKIP_WS();
            S_new_doctype(t);
            c = CUR();
            if (c < 0 || c == '>') { /* eof-in-doctype / missing-doctype-name */
                ERR();
                t->force_quirks = 1;
                if (c == '>')
                    p++;
                goto emit_doctype;
            }
            t->has_name = 1;
            st = S_DOCTYPE_NAME;
            break;

        case S_DOCTYPE_NAME:
            for (;;) {
                const unsigned char *q = p;
                while (q < end && !IS(*q, C_TAGNAME))
                    q++;
                if (q > p)
                    TOK_IN(&t->name, p, q - p);
                p = q;
                if (p >= end) {
                    ERR();
                    t->force_quirks = 1;
                    goto emit_doctype;
                }
                c = *p;
                if (IS(c, C_WS)) {
                    p = S_adv(p, end);
                    st = S_AFTER_DOCTYPE_NAME;
                    break;
                }
                if (c == '>') {
                    p++;
                    goto emit_doctype;
                }
                if (UPPER(c)) {
                    TOK_LOWER(&t->name, (unsigned char)c);
                } else if (c == 0) {
                    ERR();
                    TOK_BYTES(&t->name, S_fffd, 3);
                } else { /* '/' is part of a doctype name */
                    TOK_IN(&t->name, p, 1);
                }
                p++;
            }
            break;

        case S_AFTER_DOCTYPE_NAME:
            SKIP_WS();
            if (p >= end) {
                ERR();
                t->force_quirks = 1;
                goto emit_doctype;
            }
            if (*p == '>') {
                p++;
                goto emit_doctype;
            }
            if (end - p >= 6 && S_ieq(p, "public", 6)) {
                p += 6;
                st = S_AFTER_DOCTYPE_PUBLIC_KW;
            } else if (end - p >= 6 && S_ieq(p, "system", 6)) {
                p += 6;
                st = S_AFTER_DOCTYPE_SYSTEM_KW;
            } else { /* invalid-character-sequence-after-doctype-name */
                ERR();
                t->force_quirks = 1;
                st = S_BOGUS_DOCTYPE;
            }
            break;

        case S_AFTER_DOCTYPE_PUBLIC_KW:
        case S_BEFORE_DOCTYPE_PUBLIC_ID:
        case S_AFTER_DOCTYPE_SYSTEM_KW:
        case S_BEFORE_DOCTYPE_SYSTEM_ID: {
            int pub = st == S_AFTER_DOCTYPE_PUBLIC_KW || st == S_BEFORE_DOCTYPE_PUBLIC_ID;
            int kw = st == S_AFTER_DOCTYPE_PUBLIC_KW || st == S_AFTER_DOCTYPE_SYSTEM_KW;
            c = CUR();
            if (kw && WS(c)) {
                p = S_adv(p, end);
                st = pub ? S_BEFORE_DOCTYPE_PUBLIC_ID : S_BEFORE_DOCTYPE_SYSTEM_ID;
                break;
            }
            SKIP_WS();
            c = CUR();
            if (c == '"' || c == '\'') {
                if (kw)
                    ERR(); /* missing-whitespace-after-doctype-*-keyword */
                if (pub) {
                    t->has_pub = 1;
                    st = c == '"' ? S_DOCTYPE_PUBLIC_ID_DQ : S_DOCTYPE_PUBLIC_ID_SQ;
                } else {
                    t->has_sys = 1;
                    st = c == '"' ? S_DOCTYPE_SYSTEM_ID_DQ : S_DOCTYPE_SYSTEM_ID_SQ;
                }
                p++;
                break;
            }
            ERR();
            t->force_quirks = 1;
            if (c < 0)
                goto emit_doctype;
            if (c == '>') {
                p++;
                goto emit_doctype;
            }
            st = S_BOGUS_DOCTYPE;
            break;
        }

        case S_DOCTYPE_PUBLIC_ID_DQ:
        case S_DOCTYPE_PUBLIC_ID_SQ:
        case S_DOCTYPE_SYSTEM_ID_DQ:
        case S_DOCTYPE_SYSTEM_ID_SQ: {
            int pub = st == S_DOCTYPE_PUBLIC_ID_DQ || st == S_DOCTYPE_PUBLIC_ID_SQ;
            unsigned char quote = st == S_DOCTYPE_PUBLIC_ID_DQ || st == S_DOCTYPE_SYSTEM_ID_DQ ? '"' : '\'';
            S_str *id = pub ? &t->pub : &t->sys;
            for (;;) {
                const unsigned char *q = S_scan4(p, end, quote, '>', '\r', 0);
                if (q > p)
                    TOK_IN(id, p, q - p);
                p = q;
                if (p >= end) {
                    ERR();
                    t->force_quirks = 1;
                    goto emit_doctype;
                }
                if (*p == quote) {
                    p++;
                    st = pub ? S_AFTER_DOCTYPE_PUBLIC_ID : S_AFTER_DOCTYPE_SYSTEM_ID;
                    break;
                }
                if (*p == '>') { /* abrupt-doctype-*-identifier */
                    ERR();
                    t->force_quirks = 1;
                    p++;
                    goto emit_doctype;
                }
                if (*p == '\r') {
                    TOK_BYTES(id, "\n", 1);
                    p = S_adv(p, end);
                } else {
                    ERR();
                    TOK_BYTES(id, S_fffd, 3);
                    p++;
                }
            }
            break;
        }

        case S_AFTER_DOCTYPE_PUBLIC_ID:
        case S_BETWEEN_DOCTYPE_IDS: {
            int after = st == S_AFTER_DOCTYPE_PUBLIC_ID;
            c = CUR();
            if (after && WS(c)) {
                p = S_adv(p, end);
                st = S_BETWEEN_DOCTYPE_IDS;
                break;
            }
            SKIP_WS();
            c = CUR();
            if (c == '>') {
                p++;
                goto emit_doctype;
            }
            if (c == '"' || c == '\'') {
                if (after)
                    ERR(); /* missing-whitespace-between-doctype-public-and-system-identifiers */
                t->has_sys = 1;
                st = c == '"' ? S_DOCTYPE_SYSTEM_ID_DQ : S_DOCTYPE_SYSTEM_ID_SQ;
                p++;
                break;
            }
            ERR();
            t->force_quirks = 1;
            if (c < 0)
                goto emit_doctype;
            st = S_BOGUS_DOCTYPE;
            break;
        }

        case S_AFTER_DOCTYPE_SYSTEM_ID:
            SKIP_WS();
            c = CUR();
            if (c == '>') {
                p++;
                goto emit_doctype;
            }
            if (c < 0) {
                ERR();
                t->force_quirks = 1;
                goto emit_doctype;
            }
            ERR(); /* unexpected-character-after-doctype-system-identifier: no quirks */
            st = S_BOGUS_DOCTYPE;
            break;

        case S_BOGUS_DOCTYPE:
            for (;;) {
                const unsigned char *q = S_scan4(p, end, '>', 0, 0, 0);
                p = q;
                if (p >= end)
                    goto emit_doctype;
                if (*p == '>') {
                    p++;
                    goto emit_doctype;
                }
                ERR(); /* NUL: ignored */
                p++;
            }
            break;

        case S_CDATA:
            for (;;) {
                const unsigned char *q = S_scan4(p, end, ']', '\r', ']', ']');
                if (q > p)
                    RUN_IN(p, q - p);
                p = q;
                if (p >= end) { /* eof-in-cdata */
                    ERR();
                    goto eof;
                }
                if (*p == ']') {
                    p++;
                    st = S_CDATA_BRACKET;
                    break;
                }
                RUN_BYTES("\n", 1);
                p = S_adv(p, end);
            }
            break;

        case S_CDATA_BRACKET:
            if (p < end && *p == ']') {
                p++;
                st = S_CDATA_END;
            } else {
                RUN_LIT(p - 1, "]", 1);
                st = S_CDATA;
            }
            break;

        case S_CDATA_END:
            if (p < end && *p == ']') {
                RUN_LIT(p - 2, "]", 1);
                p++;
            } else if (p < end && *p == '>') {
                p++;
                st = S_DATA;
            } else {
                RUN_LIT(p - 2, "]]", 2);
                st = S_CDATA;
            }
            break;

        default: /* unreachable */
            goto eof;
        }
    }

emit_tag:
    k = t->kind;
    st = S_DATA;
    goto out;
emit_comment:
    k = CD_TOK_COMMENT;
    st = S_DATA;
    goto out;
emit_doctype:
    k = CD_TOK_DOCTYPE;
    st = S_DATA;
    goto out;
eof:
    k = CD_TOK_EOF;
out:
    t->p = p;
    t->state = st;
    return k;
#undef CUR
#undef WS
#undef UPPER
#undef ALPHA
#undef SKIP_WS
}

/* ---- API ------------------------------------------------------------------ */

cd_tokenizer *cd_tokenizer_new(const cd_mem *mem)
{
    if (!mem)
        mem = cd_mem_default();
    cd_tokenizer *t = mem->calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->mem = mem;
    t->attrs = mem->calloc(CD_MAX_TOKEN_ATTRS + 1u, sizeof *t->attrs);
    t->pattrs = mem->calloc(CD_MAX_TOKEN_ATTRS, sizeof *t->pattrs);
    if (!t->attrs || !t->pattrs) {
        cd_tokenizer_free(t);
        return NULL;
    }
    S_taghash_init(t);
    cd_tokenizer_reset(t, NULL, 0);
    return t;
}

void cd_tokenizer_free(cd_tokenizer *t)
{
    if (!t)
        return;
    const cd_mem *mem = t->mem;
    mem->free(t->cbuf.data);
    mem->free(t->tbuf.data);
    mem->free(t->last.data);
    mem->free(t->attrs);
    mem->free(t->pattrs);
    mem->free(t);
}

void cd_tokenizer_reset(cd_tokenizer *t, const char *in, size_t len)
{
    if (!in)
        in = S_empty, len = 0;
    t->in = t->p = (const unsigned char *)in;
    t->end = t->in + len;
    t->state = S_DATA;
    t->allow_cdata = 0;
    t->failed = 0;
    t->done = 0;
    t->errors = 0;
    t->has_pending = 0;
    t->lean_pending = 0;
    t->has_last = 0;
    t->cbuf.len = t->tbuf.len = 0;
}

int cd_tokenizer_next(cd_tokenizer *t, cd_token *tok)
{
    if (t->has_pending) {
        t->has_pending = 0;
        *tok = t->pending;
        if (tok->kind == CD_TOK_EOF)
            t->done = 1;
        return 1;
    }
    if (t->failed || t->done) {
        memset(tok, 0, sizeof *tok);
        tok->kind = CD_TOK_EOF;
        tok->data = S_empty;
        return !t->failed;
    }
    t->cbuf.len = t->tbuf.len = 0;
    S_str_reset(&t->run);
    int k = S_run(t);
    if (t->failed) {
        memset(tok, 0, sizeof *tok);
        tok->kind = CD_TOK_EOF;
        tok->data = S_empty;
        return 0;
    }
    if (t->run.len) {
        memset(tok, 0, sizeof *tok);
        tok->kind = CD_TOK_CHARS;
        tok->data = S_str_ptr(&t->cbuf, &t->run);
        tok->len = t->run.len;
        S_finish(t, &t->pending, k);
        t->has_pending = 1;
        return 1;
    }
    S_finish(t, tok, k);
    if (k == CD_TOK_EOF)
        t->done = 1;
    return 1;
}

/* S_finish for cd_tokenizer_next_lean: the fields it promises only. */
static void S_finish_lean(cd_tokenizer *t, cd_token *tok, int k)
{
    tok->kind = (cd_tok_kind)k;
    tok->self_closing = 0;
    tok->nattrs = 0;
    if (k == CD_TOK_START_TAG || k == CD_TOK_END_TAG) {
        S_finish_tag(t, tok, k);
        return;
    }
    if (k == CD_TOK_COMMENT || k == CD_TOK_DOCTYPE) {
        tok->data = S_str_ptr(&t->tbuf, &t->name);
        tok->len = t->name.len;
        return;
    }
    tok->data = S_empty;
    tok->len = 0;
}

int cd_tokenizer_next_lean(cd_tokenizer *t, cd_token *tok)
{
    if (t->lean_pending) {
        /* The tag (or EOF) after a text: its strings are still in tbuf. */
        t->lean_pending = 0;
        S_finish_lean(t, tok, t->lean_k);
        if (t->lean_k == CD_TOK_EOF)
            t->done = 1;
        return 1;
    }
    if (t->failed || t->done) {
        S_finish_lean(t, tok, CD_TOK_EOF);
        return !t->failed;
    }
    t->cbuf.len = t->tbuf.len = 0;
    S_str_reset(&t->run);
    int k = S_run(t);
    if (t->failed) {
        S_finish_lean(t, tok, CD_TOK_EOF);
        return 0;
    }
    if (t->run.len) {
        tok->kind = CD_TOK_CHARS;
        tok->data = S_str_ptr(&t->cbuf, &t->run);
        tok->len = t->run.len;
        tok->self_closing = 0;
        tok->nattrs = 0;
        t->lean_k = k;
        t->lean_pending = 1;
        return 1;
    }
    S_finish_lean(t, tok, k);
    if (k == CD_TOK_EOF)
        t->done = 1;
    return 1;
}

void cd_tokenizer_set_state(cd_tokenizer *t, cd_tok_state s)
{
    switch (s) {
    case CD_TS_RCDATA:
        t->state = S_RCDATA;
        break;
    case CD_TS_RAWTEXT:
        t->state = S_RAWTEXT;
        break;
    case CD_TS_SCRIPT_DATA:
        t->state = S_SCRIPT;
        break;
    case CD_TS_PLAINTEXT:
        t->state = S_PLAINTEXT;
        break;
    default:
        t->state = S_DATA;
        break;
    }
}

void cd_tokenizer_allow_cdata(cd_tokenizer *t, int allow)
{
    t->allow_cdata = allow != 0;
}

void cd_tokenizer_set_last_start_tag(cd_tokenizer *t, const char *name, size_t len)
{
    if (!name) {
        t->has_last = 0;
        return;
    }
    S_set_last(t, name, len, 1);
}

int cd_tokenizer_data_offset(const cd_tokenizer *t, size_t *off)
{
    if (t->has_pending || t->lean_pending || t->done || t->failed || t->state != S_DATA)
        return 0;
    *off = (size_t)(t->p - t->in);
    return 1;
}

void cd_tokenizer_keep_attrs(cd_tokenizer *t, const uint8_t *keep)
{
    t->keep = keep;
}

void cd_tokenizer_want_values(cd_tokenizer *t, int (*want)(void *ctx, uint16_t tag, const char *name, size_t len),
                              void *ctx)
{
    t->want = want;
    t->want_ctx = ctx;
}

uint32_t cd_tokenizer_errors(const cd_tokenizer *t)
{
    return t->errors;
}
