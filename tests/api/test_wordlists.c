/* The compiled word lists (src/lists/ via tools/gen_wordlists.py):
 * every set well formed, and the look-up's edge cases. */
#include <string.h>

#include "harness.h"
#include "util/ctype.h"
#include "util/wordset.h"
#include "wordlists.h"

static void test_sets_ok(void)
{
    int n = 0;
    for (const cd_wordset *const *s = cd_list_sets; *s; s++, n++)
        OK(cd_wordset_ok(*s), "set %s is not well formed", (*s)->name);
    OK(n > 0, "no sets compiled");
}

static void test_lookup(void)
{
    const cd_wordset *roles = &cd_list_aria_chrome_roles;
    OK(cd_wordset_has(roles, "navigation", 10), "");
    OK(cd_wordset_has(roles, "NaviGation", 10), "any ASCII case");
    OK(!cd_wordset_has(roles, "navigatio", 9), "a prefix is no entry");
    OK(!cd_wordset_has(roles, "navigations", 11), "nor a longer word");
    OK(!cd_wordset_has(roles, "menu\0", 5), "a zero byte never matches the padding");
    OK(!cd_wordset_has(roles, "me\0u", 4), "");
    OK(!cd_wordset_has(roles, "", 0), "");
    OK(cd_wordset_has(roles, "complementary", 13), "the longest entry");
    OK(!cd_wordset_has(roles, "complementaryy", 14), "");
    OK(!cd_wordset_has(roles, "\xc3\xa9", 2), "");
    /* Values: the OR of the hints files an entry is in. */
    OK(cd_wordset_get(&cd_list_hints, "author", 6) > 1, "author is in several hints files");
    INT_EQ(cd_wordset_get(&cd_list_hints, "authorx", 7), 0, "");
}

/* Every entry of every set found in upper case, and not found with a byte
 * that differs only in bit 7 (0x80 | 'A' .. 'Z' is no letter): the look-up
 * lower-cases words of 8 to 16 bytes eight bytes at a time. */
static void test_every_entry(void)
{
    for (const cd_wordset *const *sp = cd_list_sets; *sp; sp++) {
        const cd_wordset *set = *sp;
        size_t w = (size_t)set->chunks * 8;
        uint32_t pairs[32];
        cd_wordset_pairs(set, pairs);
        for (size_t i = 0; i < set->count; i++) {
            char word[CD_WORDSET_MAX_CHUNKS * 8 + 1];
            size_t n = 0;
            for (; n < w; n++) {
                const uint64_t *e = set->keys + i * set->chunks;
                unsigned char c = (unsigned char)(e[n / 8] >> (56 - 8 * (n % 8)));
                if (!c)
                    break;
                word[n] = (char)c;
            }
            uint32_t want = set->values ? set->values[i] : 1;
            INT_EQ(cd_wordset_get(set, word, n), want, "%s: entry %zu", set->name, i);
            OK(cd_wordset_pair_maybe(pairs, word, n), "%s: entry %zu passes the pair screen", set->name, i);
            for (size_t k = 0; k < n; k++)
                word[k] = (char)cd_toupper((unsigned char)word[k]);
            INT_EQ(cd_wordset_get(set, word, n), want, "%s: entry %zu in upper case", set->name, i);
            OK(cd_wordset_pair_maybe(pairs, word, n), "%s: entry %zu in upper case, pair screen", set->name, i);
            for (size_t k = 0; k < n; k++) {
                unsigned char c = (unsigned char)word[k];
                if (c < 'A' || c > 'Z')
                    continue;
                word[k] = (char)(c | 0x80);
                INT_EQ(cd_wordset_get(set, word, n), 0, "%s: entry %zu, byte %zu", set->name, i, k);
                word[k] = (char)c;
            }
        }
    }
}

/* cd_contains_nocase against the plain definition, the match (or a near
 * miss) at every offset around the 16-byte steps of its scan. */
static int S_contains_ref(const char *s, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    for (size_t i = 0; i + m <= n; i++) {
        size_t j = 0;
        while (j < m && cd_tolower((unsigned char)s[i + j]) == cd_tolower((unsigned char)lit[j]))
            j++;
        if (j == m)
            return 1;
    }
    return m == 0;
}

static void test_contains(void)
{
    static const char *const lits[] = {"breadcrumb", "Article", "x", "ld+json", ""};
    char s[80];
    for (size_t l = 0; l < sizeof lits / sizeof *lits; l++) {
        const char *lit = lits[l];
        size_t m = strlen(lit);
        for (size_t n = 0; n <= 70; n += 7) {
            for (size_t at = 0; at + m <= n; at++) {
                for (int miss = 0; miss < 3; miss++) {
                    memset(s, '.', sizeof s);
                    for (size_t k = 0; k < m; k++)
                        s[at + k] = (char)(k % 2 ? cd_toupper((unsigned char)lit[k]) : lit[k]);
                    if (miss == 1 && m)
                        s[at + m - 1] = '#'; /* the first byte matches, the rest not */
                    if (miss == 2 && m)
                        s[at] = (char)((unsigned char)lit[0] | 0x80);
                    INT_EQ(cd_contains_nocase(s, n, lit), S_contains_ref(s, n, lit), "\"%s\" at %zu of %zu (%d)",
                           lit, at, n, miss);
                }
            }
        }
    }
    OK(cd_contains_nocase("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaB", 34, "ab"), "the last place");
    OK(!cd_contains_nocase("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaB", 33, "ab"), "past the end");
}

int main(void)
{
    test_sets_ok();
    test_lookup();
    test_every_entry();
    test_contains();
    return cd_t_done();
}
