/* extract/boiler: short blocks that are page chrome by what they say.
 *
 * Share bars, newsletter prompts, "Advertisement" labels and "Related
 * articles" headings use a small stock of phrases across the web (the seed
 * page ends with "Related News", "Get email updates from …" and "Sign up for our
 * weekly newsletter"). A block qualifies only when it is short (the caller
 * passes blocks of at most CD_BOILER_MAX bytes) and the phrase is a large part
 * of it, so a sentence of article prose that happens to mention a newsletter
 * stays. Lists are for English plus the most frequent equivalents in other
 * major languages; matching is ASCII-case-insensitive. Besides the phrases:
 * sign-up prompts (a paragraph with a link that names a newsletter and asks
 * for it), donation labels (whose link marks an appeal box, extract.c drops
 * it) and result-count lines. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define S_BOILER_SSE2 1
#endif

#include "../util/classword.h"
#include "../util/ctype.h"
#include "boiler.h"
#include "wordlists.h"

/* The phrases are the lists src/lists/boiler-*.txt (one entry a line, with
 * where they come from), compiled into wordlists.c at build time. */

/* Does s start with the phrase p at a word boundary? */
static int S_starts_with(const char *s, size_t n, const char *p)
{
    size_t m = strlen(p);
    if (m > n || !cd_eq_nocase(s, m, p))
        return 0;
    if (m == n)
        return 1;
    unsigned char next = (unsigned char)s[m];
    return !cd_isalnum(next) || !cd_isalnum((unsigned char)p[m - 1]);
}

/* Does s[0..n) contain one of the phrases of list as whole words? One pass
 * over the word starts, each tried against the phrases that begin with its
 * letter. */
/* Does the phrase list[k] stand at word start i of s[0..n) (c: s[i]
 * lower-cased)? */
static int S_word_at(const char *s, size_t n, size_t i, int c, const char *const *list)
{
    for (int k = 0; list[k]; k++) {
        if (cd_tolower((unsigned char)list[k][0]) != c)
            continue;
        size_t m = strlen(list[k]);
        if (m <= n - i && cd_eq_nocase(s + i, m, list[k]) &&
            (i + m == n || !cd_isalnum((unsigned char)s[i + m])))
            return 1;
    }
    return 0;
}

static int S_any_words(const char *s, size_t n, const char *const *list)
{
    /* The entries' first letters: a word starting otherwise is passed at
     * one look-up. */
    uint32_t first[8] = {0};
    for (int k = 0; list[k]; k++) {
        unsigned f = (unsigned)cd_tolower((unsigned char)list[k][0]);
        first[f >> 5] |= 1u << (f & 31);
    }
#define S_FIRST(c) (first[(unsigned)(c) >> 5] & (1u << ((unsigned)(c) & 31)))
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
#ifdef S_BOILER_SSE2
    /* Sixteen bytes at a time: the word starts are the bytes after one
     * that is no letter or digit (and the first byte of s). */
    unsigned prev = 0; /* the byte before i is a letter or digit */
    const __m128i sp20 = _mm_set1_epi8(0x20), a = _mm_set1_epi8('a'), z25 = _mm_set1_epi8(25),
                  zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
        __m128i la = _mm_sub_epi8(_mm_or_si128(v, sp20), a), d = _mm_sub_epi8(v, zero);
        __m128i al = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(la, z25), la), _mm_cmpeq_epi8(_mm_min_epu8(d, nine), d));
        unsigned am = (unsigned)_mm_movemask_epi8(al);
        unsigned starts = ~((am << 1) | prev) & 0xFFFFu;
        prev = (am >> 15) & 1u;
        for (; starts; starts &= starts - 1) {
            size_t at = i + (size_t)__builtin_ctz(starts);
            int c = cd_tolower(u[at]);
            if (S_FIRST(c) && S_word_at(s, n, at, c, list))
                return 1;
        }
    }
    if (prev) { /* i is inside a word: on to the byte after its end */
        while (i < n && (cd_class_bytes[u[i]] & CD_CWB_ALNUM))
            i++;
        i++;
    }
#endif
    /* i runs over the word starts (the start of s, and each byte after one
     * that is no letter or digit); a letter or digit's run is passed whole. */
    for (size_t next; i < n; i = next) {
        next = i + 1;
        if (cd_class_bytes[u[i]] & CD_CWB_ALNUM) {
            while (next < n && (cd_class_bytes[u[next]] & CD_CWB_ALNUM))
                next++;
            next++; /* past the byte that ends the run */
        }
        int c = cd_tolower(u[i]);
        if (S_FIRST(c) && S_word_at(s, n, i, c, list))
            return 1;
    }
#undef S_FIRST
    return 0;
}

/* A result count or page number: "Showing 24 of 291 results", "Page 1 of
 * 8", "33 Results" -- numbers and these words only. */
static int S_count_line(const char *s, size_t n)
{
    int digits = 0, named = 0;
    size_t i = 0;
    if (n > 40)
        return 0;
    while (i < n) {
        size_t w = i;
        while (i < n && cd_isalpha((unsigned char)s[i]))
            i++;
        if (i > w) {
            if (!cd_wordset_has(&cd_list_boiler_count_words, s + w, i - w))
                return 0;
            named = 1;
        } else {
            digits |= cd_isdigit((unsigned char)s[i]) != 0;
            i++;
        }
    }
    return digits && named;
}

int cd_boiler_prompt(const char *text, size_t len)
{
    return len <= CD_PROMPT_MAX && S_any_words(text, len, cd_list_boiler_prompt_things) &&
           S_any_words(text, len, cd_list_boiler_prompt_asks);
}

/* Is s[0..n) a placeholder a script fills in: a short block opening with a
 * word of boiler-placeholders.txt and closing with an ellipsis ("Loading
 * paragraph...", wcxb-dev 0046 and 4503; "Loading prices for your region…",
 * 4674)? */
static int S_placeholder(const char *s, size_t n)
{
    if (n > 60) return 0;
    int dots = (n >= 3 && memcmp(s + n - 3, "...", 3) == 0) ||
               (n >= 3 && memcmp(s + n - 3, "\xE2\x80\xA6", 3) == 0);
    if (!dots) return 0;
    for (int k = 0; cd_list_boiler_placeholders[k]; k++)
        if (S_starts_with(s, n, cd_list_boiler_placeholders[k])) return 1;
    return 0;
}

/* Is s[0..n) a forum's control to follow a thread: "Watch this topic",
 * "Watch thread", "Follow this thread", "Subscribe to this topic",
 * "Unwatch thread" (phpBB, XenForo, vBulletin, MyBB, Discourse wordings)? */
static int S_topic_control(const char *s, size_t n)
{
    size_t at = 0, l;
    const char *w;
    if (n > 40)
        return 0;
    l = cd_next_word(s, n, &at, &w);
    if (cd_eq_nocase(w, l, "subscribe") || cd_eq_nocase(w, l, "unsubscribe")) {
        l = cd_next_word(s, n, &at, &w);
        if (!cd_eq_nocase(w, l, "to") && !cd_eq_nocase(w, l, "from"))
            return 0;
    } else if (!cd_eq_nocase(w, l, "watch") && !cd_eq_nocase(w, l, "unwatch") &&
               !cd_eq_nocase(w, l, "follow") && !cd_eq_nocase(w, l, "unfollow")) {
        return 0;
    }
    l = cd_next_word(s, n, &at, &w);
    if (cd_eq_nocase(w, l, "this"))
        l = cd_next_word(s, n, &at, &w);
    if (!cd_eq_nocase(w, l, "topic") && !cd_eq_nocase(w, l, "thread"))
        return 0;
    return cd_next_word(s, n, &at, &w) == 0;
}

/* cd_list_boiler_starts by first letter (lower-cased): the entries
 * S_starts_order[k] for k in [S_starts_at[c], S_starts_at[c + 1]), in list
 * order. Built once per process: a block used to be compared with the first
 * letter of each of the 125 phrases. */
#define S_STARTS_MAX 1024
static uint16_t S_starts_at[257], S_starts_order[S_STARTS_MAX];
static pthread_once_t S_starts_once = PTHREAD_ONCE_INIT;
_Static_assert(sizeof cd_list_boiler_starts / sizeof cd_list_boiler_starts[0] <= S_STARTS_MAX,
               "boiler-starts.txt too long");

static void S_starts_index(void)
{
    unsigned count[256] = {0}, next[256], total = 0, at = 0;
    for (unsigned k = 0; cd_list_boiler_starts[k]; k++, total++)
        count[cd_tolower((unsigned char)cd_list_boiler_starts[k][0])]++;
    for (unsigned c = 0; c < 256; c++) {
        S_starts_at[c] = (uint16_t)at;
        next[c] = at;
        at += count[c];
    }
    S_starts_at[256] = (uint16_t)at;
    for (unsigned k = 0; k < total; k++)
        S_starts_order[next[cd_tolower((unsigned char)cd_list_boiler_starts[k][0])]++] = (uint16_t)k;
}

/* A copyright line: "Copyright 2008 The Associated Press. All rights
 * reserved.", "© 2008 AFP", "(c) 2007 Reuters": the mark (the word, ©, or
 * (c), one or more of them) and then a year, within its first words. The
 * year is what sets it apart from a sentence about copyright ("Copyright
 * law changed …"). */
static int S_copyright_line(const char *s, size_t n)
{
    size_t i = 0;
    int mark = 0;
    for (;;) {
        while (i < n && (cd_isspace((unsigned char)s[i]) || s[i] == ':'))
            i++;
        if (i + 9 <= n && cd_eq_nocase(s + i, 9, "copyright")) {
            i += 9;
            mark = 1;
        } else if (i + 2 <= n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA9) {
            i += 2; /* © */
            mark = 1;
        } else if (i + 3 <= n && s[i] == '(' && (s[i + 1] == 'c' || s[i + 1] == 'C') && s[i + 2] == ')') {
            i += 3;
            mark = 1;
        } else {
            break;
        }
    }
    if (!mark || i + 4 > n)
        return 0;
    if (!(s[i] == '1' && s[i + 1] == '9') && !(s[i] == '2' && s[i + 1] == '0'))
        return 0;
    if (!cd_isdigit((unsigned char)s[i + 2]) || !cd_isdigit((unsigned char)s[i + 3]))
        return 0;
    return i + 4 == n || !cd_isalnum((unsigned char)s[i + 4]);
}

int cd_boiler_phrase(const char *text, size_t len)
{
    size_t i = 0;
    /* Spaces, no-break spaces ("&nbsp;View larger image") and list marks
     * around the words. */
    for (;;) {
        if (i < len && (cd_isspace((unsigned char)text[i]) || text[i] == '|' || text[i] == '-' || text[i] == '['))
            i++;
        else if (i + 1 < len && (unsigned char)text[i] == 0xC2 && (unsigned char)text[i + 1] == 0xA0)
            i += 2;
        else
            break;
    }
    const char *s = text + i;
    size_t n = len - i;
    for (;;) {
        if (n && (cd_isspace((unsigned char)s[n - 1]) || s[n - 1] == ']'))
            n--;
        else if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xA0)
            n -= 2;
        else
            break;
    }
    if (n == 0)
        return 0;
    if (n <= 40 && S_any_words(s, n, cd_list_boiler_donate))
        return CD_BOILER_DONATE;
    if (S_count_line(s, n))
        return CD_BOILER_CHROME;
    if (S_copyright_line(s, n))
        return CD_BOILER_COPYRIGHT;
    if (cd_wordset_has(&cd_list_boiler_labels, s, n) || S_topic_control(s, n) || S_placeholder(s, n))
        return CD_BOILER_CHROME;
    /* A recommendation heading says so anywhere in it ("Other posts you may
     * enjoy", "People who viewed this item also viewed"). */
    if (n <= 60 && S_any_words(s, n, cd_list_boiler_heading_phrases))
        return CD_BOILER_CHROME;
    /* Only the phrases that begin with the block's first letter are tried,
     * and of those only the ones whose second letter is the block's too. */
    pthread_once(&S_starts_once, S_starts_index);
    unsigned first = (unsigned)cd_tolower((unsigned char)s[0]);
    int second = n > 1 ? cd_tolower((unsigned char)s[1]) : -1;
    for (unsigned k = S_starts_at[first]; k < S_starts_at[first + 1]; k++) {
        const char *phrase = cd_list_boiler_starts[S_starts_order[k]];
        if (phrase[1] && cd_tolower((unsigned char)phrase[1]) != second)
            continue;
        if (S_starts_with(s, n, phrase)) {
            /* The phrase must dominate: a short block, not a paragraph that opens
             * with "Subscribe" and goes on for two sentences. A copyright line,
             * or a sign-up prompt that names the newsletter it sells, is
             * chrome up to the longest block the caller passes (a footer's
             * "Copyright © 2023 NPR. All rights reserved. Visit our website
             * terms of use …"). */
            if (n <= 100)
                return CD_BOILER_CHROME;
            for (int j = 0; cd_list_boiler_strong[j]; j++)
                if (S_starts_with(s, n, cd_list_boiler_strong[j]))
                    return CD_BOILER_CHROME;
            if ((S_starts_with(s, n, "sign up") || S_starts_with(s, n, "subscribe")) &&
                cd_contains_nocase(s, n, "newsletter"))
                return CD_BOILER_CHROME;
            return 0;
        }
    }
    return 0;
}

int cd_boiler_stamp(const char *text, size_t len)
{
    size_t i = 0;
#ifdef S_BOILER_SSE2
    /* Sixteen places at a time: only a '.', '!' or '?' before a space is
     * looked at, as below. */
    for (; i + 17 <= len; i += 16) {
        __m128i a = _mm_loadu_si128((const __m128i *)(const void *)(text + i));
        __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(text + i + 1));
        __m128i stop = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(a, _mm_set1_epi8('.')),
                                                 _mm_cmpeq_epi8(a, _mm_set1_epi8('!'))),
                                    _mm_cmpeq_epi8(a, _mm_set1_epi8('?')));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(stop, _mm_cmpeq_epi8(b, _mm_set1_epi8(' '))));
        for (; m; m &= m - 1) {
            size_t j = i + (size_t)__builtin_ctz(m);
            if (j > 0 && cd_isalpha((unsigned char)text[j - 1]))
                return 0;
        }
    }
#endif
    for (; i + 1 < len; i++)
        if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && text[i + 1] == ' ' && i > 0 &&
            cd_isalpha((unsigned char)text[i - 1]))
            return 0;
    return 1;
}
