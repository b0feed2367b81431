/* meta/classes: the class and id words of an element, tested against word
 * lists (cd_meta_class_has, see cand.h).
 *
 * Class and id say what a block is for ("byline", "comments", "sidebar").
 * Each element's words are worked out once and kept in the context for the
 * several checks made on it; each list's first letters and lengths are
 * worked out once per page, so that most checks end on one bitmap test. */
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define S_SSE2 1
#endif

#include "../util/ctype.h"
#include "../util/classword.h"

#if defined(__GNUC__)
#define S_NOINLINE __attribute__((noinline))
#else
#define S_NOINLINE
#endif
#include "cand.h"
#include "wordlists.h"

/* Does v[0..n) hold a byte of a utility class (':', '[', '(' or '/')? */
static int S_has_util_byte(const char *v, size_t n)
{
    size_t k = 0;
#ifdef S_SSE2
    const __m128i colon = _mm_set1_epi8(':'), brack = _mm_set1_epi8('['), paren = _mm_set1_epi8('('),
                  slash = _mm_set1_epi8('/');
    for (; k + 16 <= n; k += 16) {
        __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(v + k));
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(b, colon), _mm_cmpeq_epi8(b, brack)),
                                 _mm_or_si128(_mm_cmpeq_epi8(b, paren), _mm_cmpeq_epi8(b, slash)));
        if (_mm_movemask_epi8(m))
            return 1;
    }
#endif
    for (; k < n; k++)
        if (v[k] == ':' || v[k] == '[' || v[k] == '(' || v[k] == '/')
            return 1;
    return 0;
}

/* Fill c->words with the words of element id's class and id attributes,
 * each token as "w1-w2" (lower case), and index them (see cd_meta_ctx); the
 * length. Utility classes ("md:flex", "w-[20px]") are left out: a token's
 * words go out as they are read and are taken back if it proves one. */
static size_t S_class_words(cd_meta_ctx *c, cd_nid id)
{
    char *out = c->words;
    const size_t cap = sizeof c->words, maxw = sizeof c->word / sizeof c->word[0];
    size_t o = 0;
    c->nword = 0;
    static const char *const attrs[] = {"class", "id"};
    for (size_t a = 0; a < 2 && o < cap; a++) {
        size_t n, at = 0, len, start = o;
        const char *v = cd_dom_attr(c->dom, id, attrs[a], &n), *w;
        unsigned fl, w0 = c->nword;
        int skip = 0;
        /* Most values hold no utility class at all: then no token is
         * looked at for one. */
        int util = v && S_has_util_byte(v, n);
        /* One word rule for every stage (util/classword.h): "mostRead" is
         * "most-read" here as in extract's hints. A utility class's words
         * ("md:hidden") are skipped: "reset-author" names no author. */
        while (v && (len = cd_class_next_word(v, n, &at, &w, &fl)) != 0) {
            if (fl & CD_CW_TOKEN) {
                for (unsigned k = w0; k < c->nword; k++)
                    c->word[k].end = (uint16_t)o;
                w0 = c->nword;
                if (o >= cap)
                    break;
                skip = util && cd_class_token_is_utility(v, n, (size_t)(w - v));
                if (skip)
                    continue;
                if (o)
                    out[o++] = ' ';
                start = o;
            } else if (skip) {
                continue;
            } else if (o < cap) {
                out[o++] = '-';
            }
            if (o < cap && c->nword < maxw) {
                c->word[c->nword].at = (uint16_t)o;
                c->word[c->nword].hump = !(fl & CD_CW_TOKEN) && cd_isalnum((unsigned char)w[-1]);
                c->word[c->nword++].tok = (uint16_t)start;
            }
            size_t take = len < cap - o ? len : cap - o; /* o <= cap here */
            /* A word is ASCII letters and digits: | 0x20 lower-cases the
             * letters and leaves the digits (0x30-0x39) as they are. */
            for (size_t k = 0; k < take; k++)
                out[o + k] = (char)(w[k] | 0x20);
            o += take;
        }
        for (unsigned k = w0; k < c->nword; k++)
            c->word[k].end = (uint16_t)o;
    }
    memset(c->word_first, 0, sizeof c->word_first);
    c->word_pairs = 0;
    for (unsigned k = 0; k < c->nword; k++) {
        size_t at = c->word[k].at;
        unsigned char f = (unsigned char)out[at];
        c->word_first[f >> 5] |= 1u << (f & 31);
        if (at + 1 < c->word[k].end)
            c->word_pairs |= CD_META_PAIR(f, out[at + 1]);
    }
    return o;
}

/* Class tokens that describe the page or the post rather than a block
 * (WordPress puts "category-…", "tag-…" on the article, themes put
 * "has-sidebar" on the body): a token starting with one of the
 * class-modifier-prefixes, or holding one of the class-modifier-parts, is
 * skipped as a whole. */
static int S_modifier(const char *t, size_t n)
{
    const char *const *pre = cd_list_class_modifier_prefixes;
    for (size_t i = 0; pre[i]; i++) {
        size_t l = strlen(pre[i]);
        if (n >= l && memcmp(t, pre[i], l) == 0)
            return 1;
    }
    const char *const *parts = cd_list_class_modifier_parts;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; parts[k]; k++) {
            size_t l = strlen(parts[k]);
            if (n - i >= l && memcmp(t + i, parts[k], l) == 0)
                return 1;
        }
    return 0;
}

_Static_assert(CD_META_LISTS <= 32, "a list's bit in cd_meta_keymemo");

/* The lists' first letters and lengths, kept per thread from page to page:
 * they depend on nothing but the lists (constant arrays of words), and
 * working them out again on each page was 0.4 % of the instructions of a
 * 10 KB page. A list's index here is its bit in cd_meta_keymemo (a page is
 * read on one thread). */
typedef struct cd_meta_lcache {
    cd_meta_list lists[CD_META_LISTS];
    unsigned nlists;
    uint8_t list_slot[128]; /* lists[list_slot[hash of a list's address] - 1] (0: none) */
} S_lcache;
static _Thread_local S_lcache S_lc;

struct cd_meta_lcache *cd_meta_lcache(void)
{
    return &S_lc;
}

/* The slot of a list's address in list_slot. */
static unsigned S_slot(const char *const *words)
{
    uintptr_t a = (uintptr_t)words;
    return (unsigned)((a >> 3) ^ (a >> 10)) & 127u;
}

/* S_list past its slot: the list found in lc or added to it. Apart from
 * S_list, whose usual path then saves no registers. */
static S_NOINLINE const cd_meta_list *S_list_slow(S_lcache *lc, const char *const *words,
                                                                   unsigned slot)
{
    for (unsigned i = 0; i < lc->nlists; i++)
        if (lc->lists[i].words == words) {
            lc->list_slot[slot] = (uint8_t)(i + 1);
            return &lc->lists[i];
        }
    if (lc->nlists >= CD_META_LISTS)
        return NULL;
    cd_meta_list *l = &lc->lists[lc->nlists++];
    lc->list_slot[slot] = (uint8_t)lc->nlists;
    memset(l->first, 0, sizeof l->first);
    l->words = words;
    l->n = 0;
    l->pairs = 0;
    for (size_t k = 0; words[k]; k++) {
        unsigned char f = (unsigned char)words[k][0];
        l->first[f >> 5] |= 1u << (f & 31);
        size_t len = strlen(words[k]);
        l->pairs |= len >= 2 ? CD_META_PAIR(f, words[k][1]) : ~0ull;
        if (l->n == k && k < CD_META_LIST_WORDS && len < 256)
            l->len[l->n++] = (uint8_t)len;
    }
    return l;
}

/* The first letters and lengths of list words (cached in c per page; NULL
 * when the cache is full and the caller works them out itself). Not inline:
 * inlined, it changed how cd_meta_class_has was compiled (session 8). */
static S_NOINLINE const cd_meta_list *S_list(cd_meta_ctx *c, const char *const *words)
{
    S_lcache *lc = c->lcache;
    unsigned slot = S_slot(words), at = lc->list_slot[slot];
    if (at && lc->lists[at - 1].words == words)
        return &lc->lists[at - 1];
    return S_list_slow(lc, words, slot);
}

/* Does a word of c->words (the current element's) start with an entry of
 * words? A word in a page-describing token (S_modifier) does not count
 * when skip_modifiers is set. */
static int S_words_have(const cd_meta_ctx *c, const char *const *words, const cd_meta_list *info,
                        int skip_modifiers)
{
    /* First letters of the entries: most words are rejected on one lookup,
     * most elements on eight. */
    uint32_t own[8] = {0};
    const uint32_t *first = own;
    if (info && !(info->pairs & c->word_pairs))
        return 0; /* no word starts as any entry does */
    if (info)
        first = info->first;
    else
        for (size_t k = 0; words[k]; k++)
            own[(unsigned char)words[k][0] >> 5] |= 1u << ((unsigned char)words[k][0] & 31);
    uint32_t any = 0;
    for (size_t b = 0; b < 8; b++)
        any |= first[b] & c->word_first[b];
    if (!any)
        return 0;
    const char *w = c->words;
    for (unsigned x = 0; x < c->nword; x++) {
        size_t p = c->word[x].at, st = c->word[x].tok, i = c->word[x].end;
        unsigned char ch = (unsigned char)w[p];
        if (!(first[ch >> 5] & (1u << (ch & 31))))
            continue;
        if (info && p + 1 < i && !(info->pairs & CD_META_PAIR(ch, w[p + 1])))
            continue; /* no entry starts with these two bytes */
        for (size_t k = 0; words[k]; k++) {
            if (w[p] != words[k][0])
                continue;
            size_t l = info && k < info->n ? info->len[k] : strlen(words[k]);
            /* An entry matches from a word's start on (a prefix: "byline"
             * finds "bylines", "author" "author-name"); from a camelCase
             * hump only as the whole word ("articleDek", not "Deckhand"). */
            if (i - p >= l && memcmp(w + p, words[k], l) == 0 &&
                (!c->word[x].hump || p + l == i || w[p + l] == '-' || words[k][l - 1] == '-')) {
                if (skip_modifiers && S_modifier(w + st, i - st))
                    break; /* the token describes the page, not a block */
                return 1;
            }
        }
    }
    return 0;
}

/* A class key's words as S_class_words left them in c: the header, then
 * nword entries of c->word, then len bytes of c->words. */
typedef struct cd_meta_kwords {
    uint32_t len, nword;
    uint32_t first[8];
    uint64_t pairs;
} S_kwords;

#define CD_META_KWORDS_BYTES (2u << 20) /* a page's cache of class words */

/* c's words from the cache for class key (1), or 0 when not there. */
static int S_kwords_get(cd_meta_ctx *c, uint32_t key)
{
    const S_kwords *k = key && c->kwords ? c->kwords[key] : NULL;
    if (!k)
        return 0;
    const unsigned char *p = (const unsigned char *)(k + 1);
    size_t wsz = (size_t)k->nword * sizeof c->word[0];
    memcpy(c->word, p, wsz);
    memcpy(c->words, p + wsz, k->len);
    c->nword = k->nword;
    c->words_len = k->len;
    memcpy(c->word_first, k->first, sizeof c->word_first);
    c->word_pairs = k->pairs;
    return 1;
}

/* Keep c's words for class key, while the page's budget lasts. */
static void S_kwords_put(cd_meta_ctx *c, uint32_t key)
{
    if (!key || c->kwords_bytes >= CD_META_KWORDS_BYTES)
        return;
    if (!c->kwords) {
        size_t bytes = ((size_t)c->dom->nclasses + 1) * sizeof *c->kwords;
        if (bytes > CD_META_KWORDS_BYTES / 2) {
            c->kwords_bytes = CD_META_KWORDS_BYTES; /* too many keys to index */
            return;
        }
        c->kwords = cd_arena_alloc(c->arena, bytes);
        if (!c->kwords) {
            c->kwords_bytes = CD_META_KWORDS_BYTES;
            return;
        }
        memset(c->kwords, 0, bytes);
        c->kwords_bytes += bytes;
    }
    size_t wsz = (size_t)c->nword * sizeof c->word[0];
    size_t bytes = sizeof(S_kwords) + wsz + c->words_len;
    S_kwords *k = cd_arena_alloc(c->arena, bytes);
    if (!k)
        return;
    c->kwords_bytes += bytes;
    k->len = c->words_len;
    k->nword = c->nword;
    memcpy(k->first, c->word_first, sizeof k->first);
    k->pairs = c->word_pairs;
    unsigned char *p = (unsigned char *)(k + 1);
    memcpy(p, c->word, wsz);
    memcpy(p + wsz, c->words, c->words_len);
    c->kwords[key] = k;
}

/* Make c->words the words of element id (kept for the several checks on
 * one node, and for the next element of the same class key, and per class
 * key in c->kwords); their length. */
static size_t S_words_of(cd_meta_ctx *c, cd_nid id)
{
    uint32_t key = c->dom->classes_indexed ? cd_dom_class_key(c->dom, id) : 0;
    if (c->words_id != id && !(key && key == c->words_key)) {
        if (!S_kwords_get(c, key)) {
            c->words_len = (uint32_t)S_class_words(c, id);
            S_kwords_put(c, key);
        }
        c->nhits = 0;
    }
    c->words_id = id;
    c->words_key = key;
    return c->words_len;
}

/* Element id's class key memo: 1 with *m set, 0 when id has no class or id
 * value (no word at all), -1 when there is no index (or no memory for it). */
static int S_memo(cd_meta_ctx *c, cd_nid id, cd_meta_keymemo **m)
{
    const cd_dom *dom = c->dom;
    if (!dom->classes_indexed)
        return -1;
    uint32_t key = cd_dom_class_key(dom, id);
    if (!key)
        return 0;
    if (!c->kmemo) {
        size_t bytes = ((size_t)dom->nclasses + 1) * sizeof *c->kmemo;
        c->kmemo = cd_arena_alloc(c->arena, bytes);
        if (!c->kmemo)
            return -1;
        memset(c->kmemo, 0, bytes);
    }
    *m = &c->kmemo[key];
    return 1;
}

int cd_meta_class_has_words(cd_meta_ctx *c, cd_nid id, const char *const *words)
{
    cd_meta_keymemo *m = NULL;
    int k = S_memo(c, id, &m);
    if (k == 0)
        return 0;
    const cd_meta_list *l = S_list(c, words);
    uint32_t bit = l && m ? 1u << (unsigned)(l - c->lcache->lists) : 0;
    if (bit && (m->done & bit))
        return (m->yes & bit) != 0;
    int r = 0;
    if (S_words_of(c, id)) {
        unsigned i = 0;
        while (i < c->nhits && c->hit_list[i] != words)
            i++;
        if (i < c->nhits) {
            r = c->hit[i];
        } else {
            r = S_words_have(c, words, l, 0);
            if (c->nhits < 8) {
                c->hit_list[c->nhits] = words;
                c->hit[c->nhits++] = r;
            }
        }
    }
    if (bit) {
        m->done |= bit;
        m->yes |= r ? bit : 0;
    }
    return r;
}

int cd_meta_class_has_block(cd_meta_ctx *c, cd_nid id, const char *const *words)
{
    cd_meta_keymemo *m = NULL;
    int k = S_memo(c, id, &m);
    if (k == 0)
        return 0;
    const cd_meta_list *l = S_list(c, words);
    uint32_t bit = l && m ? 1u << (unsigned)(l - c->lcache->lists) : 0;
    if (bit && (m->bdone & bit))
        return (m->byes & bit) != 0;
    int r = S_words_of(c, id) && S_words_have(c, words, l, 1);
    if (bit) {
        m->bdone |= bit;
        m->byes |= r ? bit : 0;
    }
    return r;
}
