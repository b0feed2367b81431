/* util/wordset: a sorted word list with a fast, case-insensitive look-up.
 *
 * The word lists of src/lists/ are compiled by tools/gen_wordlists.py into
 * the generated wordlists.c / wordlists.h (in the build tree): a list marked
 * "@kind set" becomes a cd_wordset, the others NULL-terminated arrays. A set
 * holds its entries lower-cased (ASCII), zero-padded to a multiple of eight
 * bytes, each eight bytes stored as a big-endian integer (so that comparing
 * the integers compares the bytes as memcmp does), sorted, with the index of
 * each first byte: a look-up is a binary search among the entries of the
 * word's first byte, comparing one or a few integers per step. */
#ifndef CD_UTIL_WORDSET_H
#define CD_UTIL_WORDSET_H

#include <stddef.h>
#include <stdint.h>

/* The longest entry a set may hold (bytes), and its room in integers. */
#define CD_WORDSET_MAX_LEN 63
#define CD_WORDSET_MAX_CHUNKS 8

typedef struct cd_wordset {
    const uint64_t *keys;    /* count entries of `chunks` integers each, sorted */
    const uint32_t *values;  /* the value of each entry; NULL: every entry's value is 1 */
    const uint16_t *from;    /* 257 entries: where the entries of each first byte begin */
    uint16_t count, chunks;  /* chunks: integers an entry spans (1 .. CD_WORDSET_MAX_CHUNKS) */
    uint16_t minlen, maxlen; /* the shortest and longest entry (bytes) */
    const char *name;        /* the list's file name, for messages */
} cd_wordset;

/* The look-up proper; call cd_wordset_get. */
uint32_t cd_wordset_find(const cd_wordset *set, const char *s, size_t n);

/* The value of s[0..n) in set (ASCII case-insensitive; other bytes as they
 * are), 0 when it is not an entry. */
static inline uint32_t cd_wordset_get(const cd_wordset *set, const char *s, size_t n)
{
    if (n < set->minlen || n > set->maxlen)
        return 0; /* most words of a page, at the cost of two compares */
    return cd_wordset_find(set, s, n);
}

/* Is s[0..n) an entry of set (ASCII case-insensitive)? */
static inline int cd_wordset_has(const cd_wordset *set, const char *s, size_t n)
{
    return cd_wordset_get(set, s, n) != 0;
}

/* A screen of a set's entries by their first two bytes (ASCII case folded,
 * five bits each): bit b of pairs[a] is set when an entry starts with bytes
 * of those classes (its second byte 0 for a one-byte entry). A word whose
 * pair is not there is no entry; one whose pair is may be. */
void cd_wordset_pairs(const cd_wordset *set, uint32_t pairs[32]);

static inline int cd_wordset_pair_maybe(const uint32_t pairs[32], const char *s, size_t n)
{
    unsigned a = ((unsigned char)s[0] | 0x20u) & 31u, b = n > 1 ? ((unsigned char)s[1] | 0x20u) & 31u : 0;
    return (pairs[a] >> b) & 1u;
}

/* Is set well formed: sorted without duplicates, lower-case, padded with
 * zeros, the first-byte index and the lengths right (for the tests)? */
int cd_wordset_ok(const cd_wordset *set);

#endif
