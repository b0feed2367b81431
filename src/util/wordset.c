/* util/wordset: look-up in a generated word set; see wordset.h. */
#include <string.h>

#include "ctype.h"
#include "wordset.h"

/* Byte i of an entry. */
static inline unsigned char S_byte(const uint64_t *key, size_t i)
{
    return (unsigned char)(key[i / 8] >> (56 - 8 * (i % 8)));
}

/* Eight bytes as a big-endian integer. */
static inline uint64_t S_be64(const unsigned char *p)
{
    return (uint64_t)p[0] << 56 | (uint64_t)p[1] << 48 | (uint64_t)p[2] << 40 |
           (uint64_t)p[3] << 32 | (uint64_t)p[4] << 24 | (uint64_t)p[5] << 16 |
           (uint64_t)p[6] << 8 | (uint64_t)p[7];
}

/* Binary search of q (chunks integers) in [lo, hi); the index or -1. The
 * chunk count is a constant at each call, so the compare loop unrolls. */
static inline long S_search(const uint64_t *keys, size_t lo, size_t hi, const uint64_t *q,
                            size_t chunks)
{
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const uint64_t *e = keys + mid * chunks;
        size_t c = 0;
        while (c < chunks && q[c] == e[c])
            c++;
        if (c == chunks)
            return (long)mid;
        if (q[c] < e[c])
            hi = mid;
        else
            lo = mid + 1;
    }
    return -1;
}

/* The value of the entry equal to the n bytes of b (lower-cased, zero-padded
 * to chunks * 8 bytes), 0 for none. */
static inline uint32_t S_find(const cd_wordset *set, const unsigned char *b, size_t n, size_t chunks)
{
    size_t lo = set->from[b[0]], hi = set->from[b[0] + 1];
    uint64_t q[CD_WORDSET_MAX_CHUNKS];
    for (size_t c = 0; c < chunks; c++)
        q[c] = S_be64(b + 8 * c);
    long at = S_search(set->keys, lo, hi, q, chunks);
    /* A zero byte in the word would match the padding of a shorter entry:
     * the entry found must be n bytes long (its last byte not zero). */
    if (at < 0 || !S_byte(set->keys + (size_t)at * chunks, n - 1))
        return 0;
    return set->values ? set->values[at] : 1;
}

/* ASCII upper case to lower in the eight bytes of w (other bytes unchanged):
 * per byte, bit 7 of h + 0x3F is "at least 'A'", of h + 0x25 "above 'Z'"
 * (h: the byte without bit 7, so no carry crosses a byte). */
static inline uint64_t S_lower8(uint64_t w)
{
    const uint64_t hi = 0x8080808080808080ull;
    uint64_t h = w & ~hi;
    uint64_t up = (h + 0x3F3F3F3F3F3F3F3Full) & ~(h + 0x2525252525252525ull) & ~w & hi;
    return w | (up >> 2);
}

uint32_t cd_wordset_find(const cd_wordset *set, const char *s, size_t n)
{
    if (n == 0)
        return 0;
    /* Sorted: the first byte's entries span a range of second bytes. Most
     * words of a page fall outside it: they are not lower-cased whole. */
    {
        unsigned char b0 = (unsigned char)cd_tolower((unsigned char)s[0]);
        unsigned char b1 = n > 1 ? (unsigned char)cd_tolower((unsigned char)s[1]) : 0;
        size_t lo = set->from[b0], hi = set->from[b0 + 1];
        if (lo == hi || b1 < S_byte(set->keys + lo * set->chunks, 1) ||
            b1 > S_byte(set->keys + (hi - 1) * set->chunks, 1))
            return 0;
    }
    /* Most sets hold words of up to 15 bytes (two integers): a buffer of
     * constant size is zeroed in two stores, and a word of 8 to 16 bytes is
     * copied in two overlapping moves and lower-cased 8 bytes at a time. */
    if (set->chunks <= 2) {
        unsigned char b[16] = {0};
        if (n >= 8 && n <= 16) {
            memcpy(b, s, 8);
            memcpy(b + n - 8, s + n - 8, 8);
            uint64_t w[2];
            memcpy(w, b, 16);
            w[0] = S_lower8(w[0]);
            w[1] = S_lower8(w[1]);
            memcpy(b, w, 16);
        } else {
            for (size_t i = 0; i < n; i++)
                b[i] = (unsigned char)cd_tolower((unsigned char)s[i]);
        }
        return set->chunks == 1 ? S_find(set, b, n, 1) : S_find(set, b, n, 2);
    }
    unsigned char b[CD_WORDSET_MAX_CHUNKS * 8] = {0};
    for (size_t i = 0; i < n; i++)
        b[i] = (unsigned char)cd_tolower((unsigned char)s[i]);
    return S_find(set, b, n, set->chunks);
}

void cd_wordset_pairs(const cd_wordset *set, uint32_t pairs[32])
{
    memset(pairs, 0, 32 * sizeof *pairs);
    for (size_t i = 0; i < set->count; i++) {
        const uint64_t *key = set->keys + i * set->chunks;
        unsigned a = (S_byte(key, 0) | 0x20u) & 31u, b = (S_byte(key, 1) | 0x20u) & 31u;
        if (!S_byte(key, 1))
            b = 0;
        pairs[a] |= 1u << b;
    }
}

int cd_wordset_ok(const cd_wordset *set)
{
    const size_t chunks = set->chunks, w = chunks * 8;
    if (!set->count || !chunks || chunks > CD_WORDSET_MAX_CHUNKS || set->from[0] != 0 ||
        set->from[256] != set->count)
        return 0;
    size_t minlen = w, maxlen = 0;
    for (size_t i = 0; i < set->count; i++) {
        const uint64_t *e = set->keys + i * chunks;
        size_t len = 0;
        while (len < w && S_byte(e, len))
            len++;
        if (len == 0 || len >= w)
            return 0;
        for (size_t k = len; k < w; k++)
            if (S_byte(e, k))
                return 0;
        for (size_t k = 0; k < len; k++)
            if (cd_tolower(S_byte(e, k)) != S_byte(e, k))
                return 0;
        if (i > 0) {
            const uint64_t *p = e - chunks;
            size_t c = 0;
            while (c < chunks && p[c] == e[c])
                c++;
            if (c == chunks || p[c] > e[c])
                return 0;
        }
        unsigned char f = S_byte(e, 0);
        if (i < set->from[f] || i >= set->from[f + 1])
            return 0;
        if (set->values && !set->values[i])
            return 0;
        minlen = len < minlen ? len : minlen;
        maxlen = len > maxlen ? len : maxlen;
    }
    for (size_t f = 0; f < 256; f++)
        if (set->from[f] > set->from[f + 1])
            return 0;
    return minlen == set->minlen && maxlen == set->maxlen;
}
