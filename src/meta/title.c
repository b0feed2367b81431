/* meta/title: the headline, from the candidates, cleaned of the site name.
 *
 * The page states its title in several places: JSON-LD headline, og:title,
 * other <meta>, microdata headline, the <h1> and <title>. The visible <h1> is
 * the headline a reader sees, so it wins when another source confirms it (the
 * same text; a title that starts or ends with it, holds it, or has it as its
 * first part), less a site name after it. An h1 that names the site (a logo,
 * the book over its chapters) is no headline but more evidence of the site
 * name. Otherwise the most deliberate metadata title is used (JSON-LD
 * article, Dublin Core, og:title …, <title> last), unless the h1 rewords it
 * or adds only a label or a date to it. Site names are then cut: "Headline |
 * Site", "Headline » Section » Site", and "Site: Headline" on a dated
 * article, when the cut part matches og:site_name, the publisher, a site h1
 * or the domain, or, without such evidence, by Readability's
 * _getArticleTitle rule (cut at the last separator when at least four words
 * remain, so that a title that legitimately contains a dash keeps it). An
 * undated page (a home page, a shop) keeps a brand in front: "Figma: The
 * Collaborative Interface Design Tool" is that page's name. */
#if defined(CD_DEBUG_TITLE_RUNS) || defined(CD_DEBUG_TITLE_FEATS)
#include <stdio.h>
#include <stdlib.h>
#endif
#ifdef CD_DEBUG_TITLE_FEATS
#include "../extract/article.h"
#endif
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#include "../util/ctype.h"
#include "../util/url.h"
#include "../util/utf8.h"
#include "cand.h"
#include "headline.h"
#include "pick.h"
#include "title.h"
#include "wordlists.h"

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define S_SSE2 1
#endif

/* The loose form titles are compared in (headline.h). */
static size_t S_key(const char *s, size_t n, char *out, size_t cap)
{
    return cd_meta_title_key(s, n, out, cap);
}

static int S_same(const char *a, size_t an, const char *b, size_t bn)
{
    char ka[1024], kb[1024];
    size_t x = S_key(a, an, ka, sizeof ka), y = S_key(b, bn, kb, sizeof kb);
    return x > 0 && x == y && memcmp(ka, kb, x) == 0;
}

/* cd_meta_site_like on the keys kp[0..x) and ks[0..y). */
static int S_site_keys(const char *kp, size_t x, const char *ks, size_t y)
{
    if (!x || !y)
        return 0;
    if (x <= y) {
        for (size_t i = 0; i + x <= y; i++)
            if (memcmp(ks + i, kp, x) == 0)
                return x >= 3 || x == y;
        return 0;
    }
    for (size_t i = 0; i + y <= x; i++)
        if (memcmp(kp + i, ks, y) == 0)
            return y >= 4 && x <= y + 12;
    return 0;
}

int cd_meta_site_like(const char *part, size_t pn, const char *site, size_t sn)
{
    char kp[512], ks[512];
    size_t x = S_key(part, pn, kp, sizeof kp), y = S_key(site, sn, ks, sizeof ks);
    return S_site_keys(kp, x, ks, y);
}

/* The domain of url without "www." and the public suffix part, e.g.
 * "https://www.example.co.uk/x" -> "example". */
static size_t S_domain_label(const char *url, char *out, size_t cap)
{
    if (!url)
        return 0;
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    const char *end = p;
    while (*end && *end != '/' && *end != ':' && *end != '?' && *end != '#')
        end++;
    if (end - p > 4 && cd_eq_nocase(p, 4, "www."))
        p += 4;
    /* The registrable name: the label before the public suffix ("slashdot"
     * in developers.slashdot.org, "bbc" in news.bbc.co.uk), where a second
     * level of two or three letters ("co", "com", "org", "gov", "ac") is
     * taken for a part of the suffix. */
    const char *lab[16];
    size_t ll[16], nl = 0;
    for (const char *q = p; q < end && nl < 16;) {
        const char *d = q;
        while (d < end && *d != '.')
            d++;
        lab[nl] = q;
        ll[nl++] = (size_t)(d - q);
        q = d < end ? d + 1 : end;
    }
    const char *best = NULL;
    size_t bl = 0;
    if (nl >= 2) {
        size_t k = nl - 2;
        if (k > 0 && ll[k] <= 3 && ll[nl - 1] == 2)
            k--;
        best = lab[k];
        bl = ll[k];
    }
    if (!best || bl >= cap)
        return 0;
    memcpy(out, best, bl);
    out[bl] = '\0';
    return bl;
}

/* The separators are src/lists/separators.txt (cd_list_separators: the
 * separator and its kind, bits of title.h: none for a dash, CD_META_SEP_HIER
 * for a hierarchical one (| » / \ usually part a site path), with
 * CD_META_SEP_HARD when it is never inside a headline). */

/* The separators' first bytes: most bytes of a title start none, and most
 * that do (a space) are followed by no separator's second byte. Built once
 * (S_find_seps runs some 50 times a page). */
static uint32_t S_sep_can[8], S_sep_one[8]; /* first bytes; those of 1-byte separators */
static uint64_t S_sep_pairs;                /* CD_META_PAIR bits of the first two */
static pthread_once_t S_seps_once = PTHREAD_ONCE_INIT;
/* Set (release) when the index is built: the look-ups test it before
 * calling pthread_once (a call and a lock-free check per look-up). */
static atomic_int S_seps_once_ready;
#ifdef S_SSE2
/* The distinct first bytes when there are at most four (0 otherwise): a
 * title is then screened sixteen bytes at a time. */
static unsigned char S_sep_first[4];
static unsigned S_sep_nfirst;
/* Set when every separator that starts with a space has a second byte that
 * is no ASCII letter, digit or space: a space then starts one only before
 * such a byte, and the screen passes the spaces between words too. */
static int S_sep_space_pair;
#endif

/* Exactly: the second bytes of the separators of two bytes or more, by
 * their first byte (S_sep_sec[S_sep_fidx[b] - 1]; S_sep_fidx 0 for none),
 * when there are at most 16 first bytes (S_sep_exact); else the pairs'
 * bits above screen. */
static uint8_t S_sep_fidx[256];
static uint32_t S_sep_sec[16][8];
static int S_sep_exact;

static void S_seps_index(void)
{
    unsigned nfi = 0;
    S_sep_exact = 1;
    for (const cd_list_pair *k = cd_list_separators; k->s; k++) {
        unsigned char f = (unsigned char)k->s[0], s1 = (unsigned char)k->s[1];
        if (!S_sep_fidx[f]) {
            if (nfi < 16)
                S_sep_fidx[f] = (uint8_t)++nfi;
            else
                S_sep_exact = 0;
        }
        if (s1 && S_sep_fidx[f])
            S_sep_sec[S_sep_fidx[f] - 1][s1 >> 5] |= 1u << (s1 & 31);
    }
#ifdef S_SSE2
    unsigned nf = 0;
#endif
    for (const cd_list_pair *k = cd_list_separators; k->s; k++) {
        unsigned char f = (unsigned char)k->s[0];
#ifdef S_SSE2
        if (!(S_sep_can[f >> 5] & (1u << (f & 31)))) {
            if (nf < 4)
                S_sep_first[nf] = f;
            nf++;
        }
#endif
        S_sep_can[f >> 5] |= 1u << (f & 31);
        if (k->s[1])
            S_sep_pairs |= CD_META_PAIR(f, k->s[1]);
        else
            S_sep_one[f >> 5] |= 1u << (f & 31);
    }
#ifdef S_SSE2
    S_sep_space_pair = S_sep_can[' ' >> 5] & (1u << (' ' & 31)) ? 1 : 0;
    for (const cd_list_pair *k = cd_list_separators; k->s; k++)
        if (k->s[0] == ' ' && (!k->s[1] || cd_isalnum((unsigned char)k->s[1]) || k->s[1] == ' '))
            S_sep_space_pair = 0;
    if (nf > 4)
        S_sep_space_pair = 0;
    if (S_sep_space_pair) { /* the space is screened with its next byte */
        unsigned o = 0;
        for (unsigned j = 0; j < nf; j++)
            if (S_sep_first[j] != ' ')
                S_sep_first[o++] = S_sep_first[j];
        if (o == 0)
            S_sep_space_pair = 0;
        else
            nf = o;
    }
    for (unsigned j = nf; j > 0 && j < 4; j++)
        S_sep_first[j] = S_sep_first[0];
    S_sep_nfirst = nf <= 4 ? nf : 0;
#endif
    atomic_store_explicit(&S_seps_once_ready, 1, memory_order_release);
}

/* Positions of the first and last separator in t; 0 when none. */
static int S_find_seps(const char *t, size_t n, size_t *first, size_t *flen, size_t *last,
                       size_t *llen)
{
    if (!atomic_load_explicit(&S_seps_once_ready, memory_order_acquire))
        pthread_once(&S_seps_once, S_seps_index);
    const uint32_t *can = S_sep_can, *one = S_sep_one;
    uint64_t pairs = S_sep_pairs;
    int found = 0;
#ifdef S_SSE2
    const __m128i f0 = _mm_set1_epi8((char)S_sep_first[0]), f1 = _mm_set1_epi8((char)S_sep_first[1]),
                  f2 = _mm_set1_epi8((char)S_sep_first[2]), f3 = _mm_set1_epi8((char)S_sep_first[3]);
#endif
    for (size_t i = 1; i < n; i++) {
#ifdef S_SSE2
        /* On to the next byte that starts a separator (the checks below
         * decide on it). */
        if (S_sep_nfirst) {
            while (i < n) {
                /* The last bytes through a padded copy (the screen reads
                 * sixteen and their followers). */
                unsigned char pad[32];
                const char *p = t + i;
                size_t r = n - i;
                if (r < 17) {
                    memset(pad, 0, sizeof pad);
                    memcpy(pad, t + i, r);
                    p = (const char *)pad;
                }
                __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
                __m128i e = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, f0), _mm_cmpeq_epi8(v, f1)),
                                         _mm_or_si128(_mm_cmpeq_epi8(v, f2), _mm_cmpeq_epi8(v, f3)));
                if (S_sep_space_pair) {
                    /* A space before a byte that is no letter, digit or
                     * space (a space before the end counts). */
                    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
                    __m128i l = _mm_sub_epi8(_mm_or_si128(x, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
                    __m128i d = _mm_sub_epi8(x, _mm_set1_epi8('0'));
                    __m128i word = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(l, _mm_set1_epi8(25)), l),
                                                _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d),
                                                             _mm_cmpeq_epi8(x, _mm_set1_epi8(' '))));
                    e = _mm_or_si128(e, _mm_andnot_si128(word, _mm_cmpeq_epi8(v, _mm_set1_epi8(' '))));
                }
                unsigned m = (unsigned)_mm_movemask_epi8(e);
                if (r < 16)
                    m &= (1u << r) - 1;
                if (m) {
                    i += (size_t)__builtin_ctz(m);
                    break;
                }
                i += 16;
            }
            if (i >= n)
                break;
        }
#endif
        unsigned char b = (unsigned char)t[i];
        if (!(can[b >> 5] & (1u << (b & 31))))
            continue;
        if (!(one[b >> 5] & (1u << (b & 31)))) {
            if (i + 1 >= n)
                continue;
            unsigned char b1 = (unsigned char)t[i + 1];
            if (S_sep_exact ? !(S_sep_sec[S_sep_fidx[b] - 1][b1 >> 5] & (1u << (b1 & 31)))
                            : !(pairs & CD_META_PAIR(b, b1)))
                continue; /* no separator starts with these two bytes */
        }
        for (const cd_list_pair *k = cd_list_separators; k->s; k++) {
            if (t[i] != k->s[0])
                continue;
            if (k->s[1] && (i + 1 >= n || t[i + 1] != k->s[1]))
                continue; /* cannot match: its second byte differs or t ends */
            size_t l = strlen(k->s);
            if (n - i >= l && memcmp(t + i, k->s, l) == 0) {
                if (!found) {
                    *first = i;
                    *flen = l;
                }
                *last = i;
                *llen = l;
                found = 1;
                i += l - 1;
                break;
            }
        }
    }
    return found;
}

static const char *S_dup(cd_arena *a, const char *s, size_t n)
{
    while (n && cd_isspace((unsigned char)*s))
        s++, n--;
    while (n && cd_isspace((unsigned char)s[n - 1]))
        n--;
    return cd_meta_clean(a, s, n, NULL);
}

/* Is the separator s[0..n) hierarchical (| » / …)? */
static int S_sep_hier(const char *s, size_t n)
{
    for (const cd_list_pair *k = cd_list_separators; k->s; k++)
        if (strlen(k->s) == n && memcmp(s, k->s, n) == 0)
            return (k->value & CD_META_SEP_HIER) != 0;
    return 0;
}

/* The names a title part may carry for the site: og:site_name (or the
 * publisher), the domain's label, and a logo h1 (S_h1_is_site). */
/* The keys of the names, made when S_is_site first needs one (for the
 * name it was made of: a name set later is keyed again). */
typedef struct S_name_keys {
    const char *of[3];
    size_t len[3];
    char k[3][512];
} S_name_keys;

typedef struct S_names {
    const char *n[3];
    S_name_keys *keys; /* NULL: none kept */
} S_names;

/* Is the domain's label dom the initials of part's words ("osha" of
 * "Occupational Safety and Health Administration"), with or without the
 * small words ("and", "of", "the", "for")? */
static int S_acronym(const char *part, size_t pn, const char *dom)
{
    size_t dn = strlen(dom);
    if (dn < 3 || dn > 8)
        return 0;
    for (int small = 0; small < 2; small++) {
        char ini[16];
        size_t o = 0;
        for (size_t i = 0; i < pn && o < sizeof ini;) {
            while (i < pn && !cd_isalpha((unsigned char)part[i]))
                i++;
            size_t st = i;
            while (i < pn && cd_isalpha((unsigned char)part[i]))
                i++;
            if (i == st)
                break;
            size_t wl = i - st;
            int is_small = (wl == 3 && (cd_eq_nocase(part + st, 3, "and") || cd_eq_nocase(part + st, 3, "the") ||
                                        cd_eq_nocase(part + st, 3, "for"))) ||
                           (wl == 2 && cd_eq_nocase(part + st, 2, "of"));
            if (!(small && is_small))
                ini[o++] = (char)cd_tolower((unsigned char)part[st]);
        }
        if (o == dn && cd_eq_nocase(ini, o, dom))
            return 1;
    }
    return 0;
}

static int S_is_site(const char *part, size_t pn, const S_names *names)
{
    S_name_keys *nk = names->keys;
    char kp[512];
    size_t x = 0;
    int keyed = 0;
    for (size_t i = 0; i < 3; i++) {
        const char *nm = names->n[i];
        if (!nm || !*nm)
            continue;
        if (!nk) {
            if (cd_meta_site_like(part, pn, nm, strlen(nm)))
                return 1;
            continue;
        }
        if (!keyed) {
            x = S_key(part, pn, kp, sizeof kp);
            keyed = 1;
        }
        if (nk->of[i] != nm) {
            nk->len[i] = S_key(nm, strlen(nm), nk->k[i], sizeof nk->k[i]);
            nk->of[i] = nm;
        }
        if (S_site_keys(kp, x, nk->k[i], nk->len[i]))
            return 1;
    }
    return 0;
}

/* Does s[0..n) open as a name does, with a capital letter (or a non-ASCII
 * letter)? */
static int S_name_like(const char *s, size_t n)
{
    unsigned char ch = n ? (unsigned char)s[0] : 0;
    return (ch >= 'A' && ch <= 'Z') || ch >= 0x80;
}

/* Cut the site name off t (see the file comment). h1 may be NULL.
 * tail_only: cut only a site name that follows the headline (for an h1,
 * where a name in front belongs to it: "Nintendo Switch - OLED Model").
 * dated: the page states a publication date (an article). */
static const char *S_strip(cd_arena *a, const char *t, const S_names *names, const char *h1,
                           int tail_only, int dated)
{
    size_t n = strlen(t);
    /* "Site: Headline" on a dated article. An undated page (a home page, a
     * shop, a product) written "Brand: what it does" or "Brand - what it
     * does" is named so: "Figma: The Collaborative Interface Design Tool"
     * (WCXB's annotators keep 19 such names in front and cut 6). */
    const char *colon = strstr(t, ": ");
    if (dated && !tail_only && colon && colon > t && S_is_site(t, (size_t)(colon - t), names)) {
        t = S_dup(a, colon + 2, n - (size_t)(colon - t) - 2);
        if (!t)
            return NULL;
        n = strlen(t);
    }
    int cut_hier = 0; /* a site part went after "|", "·", "»" … */
    for (int round = 0; round < 3; round++) {
        size_t f = 0, fl = 0, l = 0, ll = 0;
        if (!S_find_seps(t, n, &f, &fl, &l, &ll))
            break;
        const char *head = t, *tail = t + l + ll;
        size_t headn = l, tailn = n - l - ll;
        const char *pre = t, *rest = t + f + fl;
        size_t pren = f, restn = n - f - fl;
        /* Evidence: the cut part names the site. */
        int suffix_site = S_is_site(tail, tailn, names);
        int prefix_site = !tail_only && dated && S_is_site(pre, pren, names);
        /* The h1 is the kept part only when it is the longer side (a
         * site-name h1 is the short side). */
        if (h1 && headn > tailn && S_same(head, headn, h1, strlen(h1)))
            return S_dup(a, head, headn);
        if (h1 && restn > pren && S_same(rest, restn, h1, strlen(h1)))
            return S_dup(a, rest, restn);
        if (suffix_site && headn) {
            cut_hier = S_sep_hier(t + l, ll);
            t = S_dup(a, head, headn);
            if (!t)
                return NULL;
            n = strlen(t);
            continue;
        }
        if (prefix_site && restn) {
            t = S_dup(a, rest, restn);
            if (!t)
                return NULL;
            n = strlen(t);
            continue;
        }
        /* "Using promises - JavaScript | MDN": once the site has gone after
         * a "|", a dash before a short last part separates the page from
         * its section (the documentation set, the forum, the product
         * line), the same hierarchy written with two kinds of separator;
         * or the same one ("Topic / Arch Discussion / Arch Linux Forums").
         * A section is a name and opens with a capital ("Web APIs", "Learn
         * web development"); "Friday Facts #282 - 0.17 in sight" is one
         * headline. */
        if (cut_hier && headn && cd_meta_space_words(tail, tailn) <= 6 && S_name_like(tail, tailn))
            return S_dup(a, head, headn);
        break;
    }
    return t;
}

/* Does t open with the site's name before a separator ("Brand - …")? */
static int S_site_first(const char *t, const S_names *names)
{
    size_t f = 0, fl = 0, l = 0, ll = 0;
    return S_find_seps(t, strlen(t), &f, &fl, &l, &ll) && S_is_site(t, f, names);
}

/* Is url the address of a page below the site's home page (a path beyond
 * "/")? */
static int S_inner_page(const char *url)
{
    const char *p = url ? strstr(url, "://") : NULL;
    if (!p)
        return 0;
    p = strchr(p + 3, '/');
    while (p && *p == '/')
        p++;
    return p && *p && *p != '?' && *p != '#';
}

/* Is the title raw the site's own name and motto ("Brand | Tools for every
 * team", the site first) set on an inner page? A home page is named so; an
 * inner page titled so has kept its template's default title, and its h1
 * (the only one on the page, not a card's among others) names it. (On
 * WCXB-dev, where such a title and the h1 differ on an inner page, the
 * annotated title is the h1 16 times, the title 7.) */
static int S_site_default(const char *raw, const S_names *names, const char *url)
{
    return S_inner_page(url) && S_site_first(raw, names);
}

/* Readability's rule for a title with separators and no evidence. */
static const char *S_readability_cut(cd_arena *a, const char *t)
{
    size_t n = strlen(t), f = 0, fl = 0, l = 0, ll = 0;
    if (!S_find_seps(t, n, &f, &fl, &l, &ll))
        return t;
    const char *cur = t;
    size_t curn = l;
    if (cd_meta_space_words(cur, curn) < 3) {
        cur = t + f + fl;
        curn = n - f - fl;
    }
    if (cd_meta_space_words(cur, curn) <= 4)
        return t;
    return S_dup(a, cur, curn);
}

/* The best title of source src: the lowest rank; among <meta> tags of one
 * rank the last, as a browser's or Readability's table of meta values
 * keeps the last one written (a page that states og:title twice, or the
 * same Dublin Core title as name="DC.title" and property="dc:title", means
 * its later statement), unless that one is only the site's name (a second
 * set of tags from a plug-in that knows no more of the page); among JSON-LD
 * objects the first (the page's own item comes before related ones). */
static const cd_meta_cand *S_best(const cd_meta_ctx *c, int src, const char *site_name)
{
    const cd_meta_cand *best = NULL;
    int last = src == CD_MS_OG || src == CD_MS_META || src == CD_MS_TWITTER;
    for (uint32_t i = 0; i < c->ncands; i++) {
        const cd_meta_cand *k = &c->cands[i];
        if (k->field != CD_MF_TITLE || k->src != src)
            continue;
        if (!best || k->rank < best->rank)
            best = k;
        else if (last && k->rank == best->rank &&
                 !(site_name && S_same(k->s, k->len, site_name, strlen(site_name))))
            best = k;
    }
    return best;
}

/* Does t start or end with h (loosely) so that h is t without a site part? */
static int S_affix(const char *t, const char *h)
{
    char kt[1024], kh[1024];
    size_t x = S_key(t, strlen(t), kt, sizeof kt), y = S_key(h, strlen(h), kh, sizeof kh);
    /* The rest must be the shorter part (a site name), not the headline
     * behind a site-name h1. */
    if (!y || y > x || y < 8 || x - y > y)
        return 0;
    if (memcmp(kt, kh, y) == 0 || memcmp(kt + x - y, kh, y) == 0)
        return 1;
    /* Inside: "Amazon.com: <h1> : Electronics", "tag - <h1> - Site". */
    for (size_t i = 1; i + y < x; i++)
        if (memcmp(kt + i, kh, y) == 0)
            return 1;
    return 0;
}

/* ---- the visible headline against the metadata title ---------------------- */

/* The lower-cased words of s (ASCII letters/digits and any UTF-8 byte; other
 * punctuation separates), as (offset, length) pairs into key; at most
 * CD_META_TITLE_WORDS. */
/* A byte of a word, lower-cased (ASCII letters and digits, any byte from
 * 0x80 as it is), or 0 for the rest. */
static inline unsigned S_word_byte(unsigned char b)
{
    return b < 0x80 ? cd_alnum_lower[b] : b;
}

static size_t S_wordlist(const char *s, char *key, size_t cap, size_t *off, size_t *len)
{
    size_t nw = 0, o = 0;
    for (size_t i = 0; s[i] && nw < CD_META_TITLE_WORDS;) {
        while (s[i] && !S_word_byte((unsigned char)s[i]))
            i++;
        if (!s[i])
            break;
        size_t st = o;
        unsigned c;
        while ((c = S_word_byte((unsigned char)s[i])) != 0) {
            /* Typographic apostrophes and dashes (E2 80 xx) end a word. */
            if (c == 0xE2 && (unsigned char)s[i + 1] == 0x80)
                break;
            if (o < cap)
                key[o++] = (char)c;
            i++;
        }
        if ((unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 && s[i + 2])
            i += 3;
        if (o > st) {
            off[nw] = st;
            len[nw++] = o - st;
        }
    }
    return nw;
}

static int S_word_in(const char *k, size_t off, size_t len, const char *k2, const size_t *off2,
                     const size_t *len2, size_t n2)
{
    for (size_t j = 0; j < n2; j++)
        if (len2[j] == len && memcmp(k + off, k2 + off2[j], len) == 0)
            return 1;
    return 0;
}

/* The distinct words of a and b: how many each has and how many they
 * share. 0 when either has none. */
static int S_word_sets(const char *a, const char *b, size_t *da, size_t *db, size_t *both)
{
    char ka[1024], kb[1024];
    size_t oa[CD_META_TITLE_WORDS], la[CD_META_TITLE_WORDS], ob[CD_META_TITLE_WORDS], lb[CD_META_TITLE_WORDS];
    size_t na = S_wordlist(a, ka, sizeof ka, oa, la), nb = S_wordlist(b, kb, sizeof kb, ob, lb);
    if (!na || !nb)
        return 0;
    *da = *db = *both = 0;
    for (size_t i = 0; i < na; i++) {
        if (S_word_in(ka, oa[i], la[i], ka, oa, la, i))
            continue; /* repeated word */
        (*da)++;
        *both += (size_t)S_word_in(ka, oa[i], la[i], kb, ob, lb, nb);
    }
    for (size_t i = 0; i < nb; i++)
        if (!S_word_in(kb, ob[i], lb[i], kb, ob, lb, i))
            (*db)++;
    return 1;
}

/* Does the social card's title t (og:title, twitter:title) say something
 * else than the document's own title doc, both less the site's name? A
 * card may carry a teaser or the site's motto ("Where good teams get
 * going", a question to the reader) where <title> names the page; they
 * then share under a fifth of their words. doc must name something: three
 * words or more, not the site. (On WCXB-dev, of the pages titled from
 * og:title that share so little with <title>, the gold is the <title> 5
 * times, og:title never; passing over such cards when the h1 does not
 * reword them changes 6 titles, 4 to the gold, none away from it.) */
static int S_card_elsewhere(const char *t, const char *doc, const S_names *names)
{
    size_t dn = strlen(doc), da, db, both;
    if (cd_meta_space_words(doc, dn) < 3 || S_is_site(doc, dn, names))
        return 0;
    return S_word_sets(t, doc, &da, &db, &both) && both * 10 < (da + db - both) * 2;
}

/* Is the h1 the same headline as the metadata title t, reworded? Publishers
 * tune <title>/og:title for search ("Top 11 SEO Strategies for 2025") while
 * the page shows the editorial headline ("11 SEO Strategies for 2025 to Boost
 * Rankings"); a reader (and WCXB's annotators) take the visible one. The two
 * must share most words, so that an h1 holding a section name, a slogan or
 * the site name ("Blog", "Yoga With Olivia") never replaces the title:
 * at least 70 % of the h1's distinct words occur in t and the word sets
 * overlap by at least 40 % (Jaccard).
 *
 * loose: the page has a single h1, which is then the one headline it shows
 * wherever it sits; half of its words in t and a 20 % overlap suffice (on
 * WCXB-dev, where h1 and metadata title differ so, the h1 is the annotated
 * title 90 times and the metadata title 56 times; the readability test
 * pages lose 3). */
static int S_h1_rephrases(const char *h1, const char *t, int loose)
{
    size_t da, db, both;
    if (!S_word_sets(h1, t, &da, &db, &both))
        return 0;
    size_t uni = da + db - both;
    /* The same words in another order ("Online Graphic Design Course" for
     * "Graphic Design Course Online"; the same order would be the same
     * title): the page shows its headline's own order. */
    if (both == da && da == db)
        return 1;
    if (loose)
        return both * 10 >= da * 5 && both * 10 >= uni * 2;
    return both * 10 >= da * 7 && both * 10 >= uni * 4;
}

/* The headline before the first "|", "·" or "•": WCXB's annotators and most
 * readers take "Best Movers in NYC 2025 | Top 19 Companies" as the headline
 * and a tagline; these separators never join the parts of one sentence,
 * unlike dashes and colons, which are kept. */
static const char *S_first_segment(cd_arena *a, const char *t)
{
    const char *best = NULL;
    for (const cd_list_pair *k = cd_list_separators; k->s; k++) {
        if (!(k->value & CD_META_SEP_HARD))
            continue;
        const char *p = strstr(t, k->s);
        if (p && (!best || p < best))
            best = p;
    }
    if (!best || best == t)
        return t;
    const char *h = S_dup(a, t, (size_t)(best - t));
    return h ? h : t;
}

/* Is s[0..n) a label or a date line, not words of a headline: it ends with
 * a colon ("Thread:", "Blog:") or holds digits in two words or more ("Dec 18
 * 2025", "(example.com) 139"; a lone "2025" belongs to the headline)? */
static int S_label_like(const char *s, size_t n)
{
    while (n && (cd_isspace((unsigned char)s[n - 1]) || s[n - 1] == '-'))
        n--;
    while (n && cd_isspace((unsigned char)*s))
        s++, n--;
    if (!n || cd_meta_space_words(s, n) > 4)
        return 0;
    if (s[n - 1] == ':')
        return 1;
    int digit = 0;
    for (size_t i = 0; i < n; i++)
        digit |= cd_isdigit((unsigned char)s[i]);
    return digit && cd_meta_space_words(s, n) >= 2;
}

/* Does the h1 hold the metadata title t and a label or a date set in the
 * same element ("Thread: t", "Dec 18 2025 t", "t (example.com) 139")? Then
 * t is the headline without them. */
static int S_h1_label(const char *h1, const char *t)
{
    size_t hn = strlen(h1), tn = strlen(t);
    if (tn < 8 || S_same(h1, hn, t, tn))
        return 0;
    for (size_t p = 1; p < hn; p++) {
        if (!cd_isspace((unsigned char)h1[p - 1]) || cd_isspace((unsigned char)h1[p]))
            continue;
        /* The label in front, then after. */
        if (S_same(h1 + p, hn - p, t, tn) && S_label_like(h1, p))
            return 1;
        if (S_same(h1, p, t, tn) && S_label_like(h1 + p, hn - p))
            return 1;
    }
    return 0;
}

/* A long title cut short at a length limit (schema.org headlines are held
 * to 110 characters, <title>s to 60 or 70: "… laptop, and k", "… Solutions
 * (Including") is replaced by the whole one that another source states: the
 * h1 or another title that begins with it and goes on. */
static const char *S_untruncate(cd_meta_ctx *c, const char *t, const S_names *names,
                                const char *h1, int dated)
{
    size_t tn = strlen(t);
    if (tn < 60)
        return t;
    char kt[1024], kk[1024];
    size_t x = S_key(t, tn, kt, sizeof kt);
    if (x < 40 || x >= sizeof kt)
        return t;
    const char *best = NULL;
    size_t bestn = 0;
    for (uint32_t i = 0; i < c->ncands; i++) {
        const cd_meta_cand *k = &c->cands[i];
        if (k->field != CD_MF_TITLE || k->len <= tn)
            continue;
        if (k->src == CD_MS_VISIBLE && k->s != h1)
            continue;
        const char *u =
            k->src == CD_MS_VISIBLE ? k->s : S_strip(c->arena, k->s, names, h1, 0, dated);
        if (!u)
            continue;
        size_t un = strlen(u), y = S_key(u, un, kk, sizeof kk);
        /* It goes on inside the same words, not behind a separator (a
         * section, a site) or as a label ("… (example.com) 139"). */
        size_t f = 0, fl = 0, l = 0, ll = 0;
        if (un <= tn || !cd_eq_nocase(u, tn, t) ||
            S_find_seps(u + tn - 1, un - tn + 1, &f, &fl, &l, &ll) || S_label_like(u + tn, un - tn))
            continue;
        if (y > x + 1 && y < sizeof kk && memcmp(kk, kt, x) == 0 && un > bestn) {
            best = u;
            bestn = un;
        }
    }
    return best ? best : t;
}

/* Is h the part of t before its first separator ("Quickstart" in
 * "Quickstart — Flask Documentation (3.1.x)")? */
static int S_first_part(const char *t, size_t n, const char *h)
{
    size_t f = 0, fl = 0, l = 0, ll = 0;
    return S_find_seps(t, n, &f, &fl, &l, &ll) && S_same(t, f, h, strlen(h));
}

/* Is h the first or the last part of t (between its outer separators)?
 * The parts of a title may be cut by separators of two kinds ("Station /
 * FOX Providence - Providence News, Weather | Headline": the last part is
 * the one after " | ", not after the last " - "). */
static int S_end_part(const char *t, size_t n, const char *h)
{
    size_t f = 0, fl = 0, l = 0, ll = 0;
    size_t hn = strlen(h);
    if (!S_find_seps(t, n, &f, &fl, &l, &ll))
        return 0;
    if (S_same(t, f, h, hn) || S_same(t + l + ll, n - l - ll, h, hn))
        return 1;
    size_t ps[CD_META_PARTS], pe[CD_META_PARTS];
    size_t np = cd_meta_title_parts(t, n, ps, pe);
    return np >= 2 && (S_same(t + ps[0], pe[0] - ps[0], h, hn) ||
                       S_same(t + ps[np - 1], pe[np - 1] - ps[np - 1], h, hn));
}

/* Do the titles a and b (either may be NULL) state the same headline, one
 * perhaps with a site name added? */
static int S_agrees(const cd_meta_cand *a, const cd_meta_cand *b)
{
    return a && b &&
           (S_same(a->s, a->len, b->s, b->len) || S_affix(b->s, a->s) || S_affix(a->s, b->s));
}

/* Is every letter of element id a link's (a banner's h1 linking to the
 * blog's or section's front page)? */
static int S_link_only(const cd_dom *dom, cd_nid id)
{
    for (cd_nid a = cd_dom_node(dom, id)->parent; a; a = cd_dom_node(dom, a)->parent)
        if (cd_dom_is(dom, a, CD_TAG_A))
            return 1;
    int any = 0;
    for (cd_nid x = cd_dom_next(dom, id, id); x;) {
        const cd_node *nd = cd_dom_node(dom, x);
        if (nd->type == CD_NODE_ELEMENT && nd->tag == CD_TAG_A) {
            any = 1;
            x = cd_dom_next_skip(dom, x, id);
            continue;
        }
        if (nd->type == CD_NODE_TEXT)
            for (uint32_t i = 0; i < nd->len; i++)
                if (cd_isalnum((unsigned char)nd->u.text[i]))
                    return 0;
        x = cd_dom_next(dom, x, id);
    }
    return any;
}

/* Does a metadata source state the h1 as the title, alone? */
static int S_stated(const cd_meta_ctx *c, const cd_meta_cand *h)
{
    for (uint32_t i = 0; i < c->ncands; i++) {
        const cd_meta_cand *k = &c->cands[i];
        if (k->field == CD_MF_TITLE && k->src != CD_MS_VISIBLE &&
            S_same(k->s, k->len, h->s, h->len))
            return 1;
    }
    return 0;
}

/* Is the h1 the site's name rather than the headline: a logo or a
 * documentation set's title set as an h1 ("The Rust Programming Language"
 * over "What is Ownership?")? It names the site (og:site_name, the domain),
 * or the page's title ends with it after a separator ("What is Ownership? -
 * The Rust Programming Language", "… / Arch Linux Forums" for "Arch Linux")
 * while its first part names something else. Titles put the site last and
 * the page first; an h1 that is the title's last part is the site's. (On
 * WCXB-dev, of the h1s equal to the last part of a <title>, 31 are the site
 * and 6 the headline, those 6 behind a first part that names the site.) */
static int S_h1_is_site(const char *h1, const S_names *names, const cd_meta_cand *const *titles,
                        size_t ntitles)
{
    size_t hn = strlen(h1);
    char kh[256], kn[256];
    size_t x = S_key(h1, hn, kh, sizeof kh);
    if (!x)
        return 0;
    /* The h1 is (part of) a site name: equal, or inside it. */
    for (size_t i = 0; i < 2; i++) {
        if (!names->n[i] || !*names->n[i])
            continue;
        size_t y = S_key(names->n[i], strlen(names->n[i]), kn, sizeof kn);
        if (x <= y && x >= 4)
            for (size_t j = 0; j + x <= y; j++)
                if (memcmp(kn + j, kh, x) == 0)
                    return 1;
    }
    int last = 0;
    for (size_t i = 0; i < ntitles; i++) {
        if (!titles[i])
            continue;
        const char *t = titles[i]->s;
        size_t n = titles[i]->len, f = 0, fl = 0, l = 0, ll = 0;
        if (!S_find_seps(t, n, &f, &fl, &l, &ll) || !f)
            continue;
        if (S_is_site(t, f, names))
            return 0; /* "Site | Headline": the h1 is the headline */
        char kt[256];
        size_t y = S_key(t + l + ll, n - l - ll, kt, sizeof kt);
        for (size_t j = 0; x >= 4 && j + x <= y && !last; j++)
            last = memcmp(kt + j, kh, x) == 0;
    }
    return last;
}

/* Character references left in a title by a publisher that escaped it
 * twice ("And finally&#8230; trouble", "TFC8&amp;reg;" once decoded): the
 * numeric ones and the few named ones titles use. Returns t itself when it
 * holds none. */
static const char *S_unescape(cd_arena *a, const char *t)
{
    static const struct {
        const char *name;
        uint32_t cp;
    } named[] = {{"amp", '&'},      {"quot", '"'},     {"apos", '\''},   {"lt", '<'},
                 {"gt", '>'},       {"nbsp", 0xA0},    {"reg", 0xAE},     {"copy", 0xA9},
                 {"trade", 0x2122}, {"hellip", 0x2026}, {"ndash", 0x2013}, {"mdash", 0x2014},
                 {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D}};
    if (!t || !strchr(t, '&'))
        return t;
    size_t n = strlen(t);
    char *out = cd_arena_alloc(a, n + 1);
    if (!out)
        return t;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp = 0;
        size_t used = 0;
        if (t[i] == '&' && t[i + 1] == '#') {
            size_t j = i + 2;
            int hex = t[j] == 'x' || t[j] == 'X';
            j += (size_t)hex;
            while (j < n && j - i < 10) {
                int ch = cd_tolower((unsigned char)t[j]);
                unsigned d;
                if (cd_isdigit(ch))
                    d = (unsigned)(ch - '0');
                else if (hex && ch >= 'a' && ch <= 'f')
                    d = (unsigned)(ch - 'a' + 10);
                else
                    break;
                cp = cp * (hex ? 16u : 10u) + d;
                j++;
            }
            if (j < n && t[j] == ';' && j > i + 2 + (size_t)hex && cp)
                used = j + 1 - i;
        } else if (t[i] == '&') {
            for (size_t k = 0; k < sizeof named / sizeof named[0] && !used; k++) {
                size_t l = strlen(named[k].name);
                if (i + 1 + l < n && memcmp(t + i + 1, named[k].name, l) == 0 &&
                    t[i + 1 + l] == ';') {
                    cp = named[k].cp;
                    used = l + 2;
                }
            }
        }
        if (!used) {
            out[o++] = t[i++];
            continue;
        }
        char enc[4];
        size_t el = cd_utf8_encode(cp, enc);
        if (el > used) { /* never longer than the reference it replaces */
            out[o++] = t[i++];
            continue;
        }
        memcpy(out + o, enc, el);
        o += el;
        i += used;
    }
    out[o] = '\0';
    return out;
}

/* Is element a an ancestor of element b? */
static int S_inside(const cd_dom *dom, cd_nid a, cd_nid b)
{
    for (cd_nid p = b ? cd_dom_node(dom, b)->parent : 0; p; p = cd_dom_node(dom, p)->parent)
        if (p == a)
            return 1;
    return 0;
}

/* Letters and digits in t[from, to). */
static size_t S_letters(const char *t, size_t from, size_t to)
{
    char k[1024];
    return S_key(t + from, to - from, k, sizeof k);
}

/* S_is_site, or the domain's initials (the title's runs: a logo's text
 * repeated in the body names the site however it is written). */
static int S_run_site(const char *part, size_t pn, const S_names *names)
{
    return S_is_site(part, pn, names) || (names->n[1] && S_acronym(part, pn, names->n[1]));
}

/* Does part[0..pn) hold a host name as a word ("… Entertainment WDTN.com,
 * 2 On Your Side …": letters, a dot, two to four letters, no space)? A
 * <title> part that names a host is the site's blurb, not a headline the
 * page leaves unprinted. */
static int S_holds_host(const char *part, size_t pn)
{
    for (size_t i = 0; i < pn;) {
        while (i < pn && (part[i] == ' ' || part[i] == ','))
            i++;
        size_t st = i, dot = 0, letters = 0;
        while (i < pn && part[i] != ' ' && part[i] != ',') {
            if (part[i] == '.') dot = i;
            else if (cd_isalpha((unsigned char)part[i])) letters++;
            i++;
        }
        size_t e = i;
        if (dot > st + 1 && e - dot - 1 >= 2 && e - dot - 1 <= 4 && letters == e - st - 1) {
            size_t k = dot + 1;
            while (k < e && cd_isalpha((unsigned char)part[k]))
                k++;
            if (k == e) return 1;
        }
    }
    return 0;
}

/* The heading level of element id (1-6), 0 for another element. */
static int S_level(const cd_meta_ctx *c, cd_nid id)
{
    static const uint16_t h[] = {CD_TAG_H1, CD_TAG_H2, CD_TAG_H3, CD_TAG_H4, CD_TAG_H5, CD_TAG_H6};
    for (int i = 0; i < 6; i++)
        if (cd_dom_is(c->dom, id, h[i]))
            return i + 1;
    return 0;
}

/* s[0..n) without the marks a template puts around a headline ("=> ",
 * "» ", a trailing " |"): leading and trailing punctuation other than
 * quotes, brackets and sentence marks. */
static const char *S_trim_marks(cd_arena *a, const char *s, size_t n)
{
    static const char junk[] = "=>-|:;,*~#+<\\/_";
    size_t b = 0, e = n;
    while (b < e && (strchr(junk, s[b]) || s[b] == ' '))
        b++;
    while (e > b && (strchr(junk, s[e - 1]) || s[e - 1] == ' '))
        e--;
    if (b == 0 && e == n)
        return s;
    return b < e ? S_dup(a, s + b, e - b) : NULL;
}

/* Does s[0..n) read as a name ("The Modesto Bee", "www.kansascity.com",
 * "Manchester.com"), not as a sentence: no ? or !, each word capitalised,
 * a number, a domain or a small word (the, of, and, a, for, in, on, at)? */
static int S_reads_as_name(const char *s, size_t n)
{
    static const char *const small[] = {"the", "of", "and", "a", "for", "in", "on", "at", "to", NULL};
    for (size_t i = 0; i < n;) {
        if (s[i] == '?' || s[i] == '!')
            return 0;
        if (s[i] == ' ') {
            i++;
            continue;
        }
        size_t st = i;
        int dot = 0;
        while (i < n && s[i] != ' ') {
            dot |= s[i] == '.' && i > st && i + 1 < n && cd_isalpha((unsigned char)s[i + 1]);
            if (s[i] == '?' || s[i] == '!')
                return 0;
            i++;
        }
        unsigned char ch = (unsigned char)s[st];
        if (ch >= 'a' && ch <= 'z' && !dot) {
            int ok = 0;
            for (size_t k = 0; small[k] && !ok; k++)
                ok = cd_eq_nocase(s + st, i - st, small[k]);
            if (!ok)
                return 0;
        }
    }
    return 1;
}

/* The headline inside the <title> t, as the page prints it: a run of t's
 * parts (see headline.c) that an element of the body repeats, other than
 * the whole title and the site's name; NULL when none. site_h1 (may be
 * NULL) is an h1 taken for the site's name (S_h1_is_site): its run is
 * taken only when no other is.
 * - A run only a link repeats, not in a heading, is a menu's or a logo's.
 * - A run printed by an element that holds another's run inside it (a cell
 *   holding the section's label and the headline) is that other's: the
 *   inner element is the headline's. So is a run printed by a plain
 *   element when a heading prints part of it; and of an h1 and a lower
 *   heading in one block (the headline and its deck: "Headline , Deck -
 *   Site"), the h1's.
 * - Then the longest.
 * - A run that is shorter than a part of the title it leaves out, not the
 *   site's name, is a section's or the site's (a logo's text, a menu's
 *   current item): the headline is that part, which the page does not
 *   repeat as one element. */
/* Is run k the whole <title> set only in bold within a line of other
 * words: the site's name mentioned ("Search <strong>Cape Argus</strong>:"
 * in a search form: L3S c2783abe, 1c0265ec; "<b>Morris Daily Herald</b>
 * <br>1804 N. Division St." in the footer: acc703fe), not printed as the
 * page's headline? A text node beside the bold element, with a letter or a
 * digit, tells it. */
static int S_bold_mention(cd_meta_ctx *c, const char *t, size_t n, const cd_meta_run *k)
{
    (void)t;
    if (k->from != 0 || k->to != n || !k->el || (k->flags & (CD_HL_HEADING | CD_HL_HEADCLASS)) ||
        !(k->flags & CD_HL_BOLD))
        return 0;
    const cd_dom *dom = c->dom;
    cd_nid par = cd_dom_node(dom, k->el)->parent;
    for (cd_nid s = par ? cd_dom_node(dom, par)->first : CD_NONE; s; s = cd_dom_node(dom, s)->next) {
        const cd_node *nd = cd_dom_node(dom, s);
        if (s == k->el || nd->type != CD_NODE_TEXT)
            continue;
        for (size_t i = 0; i < nd->len; i++)
            if (cd_isalnum((unsigned char)nd->u.text[i]))
                return 1;
    }
    return 0;
}

static const char *S_title_run(cd_meta_ctx *c, const char *t, const S_names *names, const char *site_h1,
                               int *printed)
{
    cd_meta_run runs[CD_META_RUNS];
    size_t nr = cd_meta_headline_runs(c, t, runs, CD_META_RUNS), n = strlen(t);
    const unsigned strong = CD_HL_HEADING | CD_HL_HEADCLASS;
    unsigned char ok[CD_META_RUNS], late[CD_META_RUNS];
    for (size_t r = 0; r < nr; r++) {
        const cd_meta_run *k = &runs[r];
        ok[r] = !(k->from == 0 && k->to == n) && k->words >= 2 && !(k->flags & CD_HL_HIDDEN) &&
                !((k->flags & CD_HL_LINK) && !(k->flags & strong)) &&
                !S_run_site(t + k->from, (size_t)(k->to - k->from), names);
        late[r] = site_h1 && S_same(t + k->from, (size_t)(k->to - k->from), site_h1, strlen(site_h1));
        if (k->words >= 2 && !(k->flags & (CD_HL_HIDDEN | CD_HL_LINK)) &&
            !S_run_site(t + k->from, (size_t)(k->to - k->from), names) && !S_bold_mention(c, t, n, k))
            *printed = 1;
    }
    for (size_t r = 0; r < nr; r++)
        for (size_t q = 0; q < nr && ok[r]; q++) {
            const cd_meta_run *a = &runs[r], *b = &runs[q];
            if (q == r || !ok[q] || b->from < a->from || b->to > a->to)
                continue;
            if (S_inside(c->dom, a->el, b->el) || ((b->flags & strong) && !(a->flags & strong)))
                ok[r] = 0;
        }
    /* An h1 and a lower heading in a block that repeats both. */
    for (size_t r = 0; r < nr; r++) {
        if (!runs[r].el || S_level(c, runs[r].el) < 2)
            continue;
        for (size_t q = 0; q < nr && ok[r]; q++) {
            if (!ok[q] || S_level(c, runs[q].el) != 1)
                continue;
            for (size_t w = 0; w < nr; w++) {
                const cd_meta_run *u = &runs[w];
                if (u->from <= runs[r].from && u->from <= runs[q].from && u->to >= runs[r].to &&
                    u->to >= runs[q].to && S_inside(c->dom, u->el, runs[r].el) &&
                    S_inside(c->dom, u->el, runs[q].el)) {
                    ok[r] = 0;
                    break;
                }
            }
        }
    }
    const cd_meta_run *best = NULL;
    for (int pass = 0; pass < 2 && !best; pass++) {
        for (size_t r = 0; r < nr; r++) {
            const cd_meta_run *k = &runs[r];
            if (!ok[r] || late[r] != pass)
                continue;
            /* A run set as a heading or classed as a headline before one
             * that is neither (div.headline1 "Slow Start Cost the Majors
             * in Ottawa" over a logo's tag line div.headerwords "Independent
             * and Minor League Sports News", both parts of the <title>: L3S
             * 1e3a9cbb); then the longest. */
            int ks = (k->flags & strong) != 0, bs = best && (best->flags & strong) != 0;
            if (!best || ks > bs || (ks == bs && k->to - k->from > best->to - best->from))
                best = k;
        }
        /* The h1 taken for the site's name is the headline only when the
         * title's other parts read as names ("ITN : Headline"), not as a
         * headline ("What is Ownership? - Book"). */
        if (best && pass == 1) {
            size_t ps[CD_META_PARTS], pe[CD_META_PARTS];
            size_t np = cd_meta_title_parts(t, n, ps, pe);
            for (size_t p = 0; p < np && best; p++)
                if ((pe[p] <= best->from || ps[p] >= best->to) && !S_reads_as_name(t + ps[p], pe[p] - ps[p]))
                    best = NULL;
        }
        if (best) {
            size_t ps[CD_META_PARTS], pe[CD_META_PARTS];
            size_t np = cd_meta_title_parts(t, n, ps, pe), own = S_letters(t, best->from, best->to);
            for (size_t p = 0; p < np && best; p++)
                if ((pe[p] <= best->from || ps[p] >= best->to) && S_letters(t, ps[p], pe[p]) > own &&
                    !S_run_site(t + ps[p], pe[p] - ps[p], names) && !S_holds_host(t + ps[p], pe[p] - ps[p]) &&
                    !(site_h1 && S_same(t + ps[p], pe[p] - ps[p], site_h1, strlen(site_h1))))
                    best = NULL;
        }
    }
#ifdef CD_DEBUG_TITLE_RUNS
    if (getenv("CD_DEBUG_TITLE"))
        for (size_t r = 0; r < nr; r++)
            fprintf(stderr, "RUN\t%s\t%s\t%u\t%u\t%u\t%u\t%u\t%.*s\t%s\n", getenv("CD_DEBUG_TITLE"),
                    &runs[r] == best ? "*" : ok[r] ? "+" : " ", runs[r].from, runs[r].to, (unsigned)n, runs[r].el,
                    runs[r].flags, (int)(runs[r].to - runs[r].from), t + runs[r].from,
                    cd_tag_name(cd_dom_node(c->dom, runs[r].el)->tag));
#endif
    if (!best)
        return NULL;
    size_t len;
    char *v = cd_meta_node_text(c, best->el, 1024, &len);
    if (!v)
        return S_dup(c->arena, t + best->from, (size_t)(best->to - best->from));
    return S_trim_marks(c->arena, v, len);
}

/* The headline printed above the article's first prose (headline.c), in
 * the page's words, when it is not the site's name. */
static const char *S_body_headline_far(cd_meta_ctx *c, const S_names *names, int h1_only, cd_nid skip,
                                       size_t between)
{
    cd_nid e = cd_meta_body_headline_within(c, skip, between);
    /* Only an h1 when the page has one, unless the line is classed as the
     * headline by name (class-headline-named: p.headline under sidebar h1s
     * "HOT JOBS", "COUPONS": L3S 0cab2c4b, Winona Daily News). */
    if (e && h1_only && !cd_dom_is(c->dom, e, CD_TAG_H1) &&
        !(cd_meta_class_has(c, e, cd_list_class_headline_named) &&
          !cd_meta_class_has(c, e, cd_list_class_headline_not)))
        return NULL;
    size_t len;
    char *v = e ? cd_meta_node_text(c, e, 1024, &len) : NULL;
    /* A heading of one word over the story's own is the desk's label
     * (h2 "Editorials", then h3 "Capping the deal" above the prose: L3S
     * fcb21363, Winnipeg Free Press): the head is the next heading. */
    if (v && len && skip == CD_NONE && cd_meta_space_words(v, len) < 2)
        return S_body_headline_far(c, names, h1_only, e, between);
    if (!v || !len || cd_meta_space_words(v, len) < 2 || S_run_site(v, len, names))
        return NULL;
    return S_trim_marks(c->arena, v, len);
}

static const char *S_body_headline_skip(cd_meta_ctx *c, const S_names *names, int h1_only, cd_nid skip)
{
    return S_body_headline_far(c, names, h1_only, skip, 300);
}

static const char *S_body_headline(cd_meta_ctx *c, const S_names *names, int h1_only)
{
    return S_body_headline_skip(c, names, h1_only, CD_NONE);
}

/* Does the page print a date (a visible date candidate)? */
static int S_date_shown(const cd_meta_ctx *c)
{
    for (uint32_t i = 0; i < c->ncands; i++)
        if (c->cands[i].field == CD_MF_DATE && c->cands[i].src == CD_MS_VISIBLE)
            return 1;
    return 0;
}

/* Does the page state a date in its metadata (a date candidate neither
 * printed nor read from the address)? */
static int S_date_stated(const cd_meta_ctx *c)
{
    for (uint32_t i = 0; i < c->ncands; i++)
        if (c->cands[i].field == CD_MF_DATE && c->cands[i].src != CD_MS_VISIBLE &&
            c->cands[i].src != CD_MS_URL)
            return 1;
    return 0;
}

/* Do the letters of t hold all of h's (loosely compared)? */
static int S_holds(const char *t, const char *h)
{
    char kt[1024], kh[1024];
    size_t nt = S_key(t, strlen(t), kt, sizeof kt), nh = S_key(h, strlen(h), kh, sizeof kh);
    if (!nh || nh > nt)
        return 0;
    for (size_t i = 0; i + nh <= nt; i++)
        if (memcmp(kt + i, kh, nh) == 0)
            return 1;
    return 0;
}

/* Does h hold a part of title t of three words or more (the headline the
 * title holds, h adding a date or a link's text)? */
static int S_holds_part(const char *h, const char *t)
{
    size_t ps[CD_META_PARTS], pe[CD_META_PARTS], np = cd_meta_title_parts(t, strlen(t), ps, pe);
    char part[1024];
    for (size_t p = 0; p < np; p++) {
        size_t l = pe[p] - ps[p];
        if (l >= sizeof part || cd_meta_space_words(t + ps[p], l) < 3)
            continue;
        memcpy(part, t + ps[p], l);
        part[l] = '\0';
        if (S_holds(h, part))
            return 1;
    }
    return 0;
}

/* Is h the article's headline t behind a short label set in the same
 * element ("News Digital Cameras: …" over the JSON-LD headline "Digital
 * Cameras: …", "Tips/Techniques ProxMox or …": a forum thread's prefix
 * tag)? One to three words before t, and t of three words or more. */
static int S_label_before(const char *h, const char *t)
{
    char kh[1024], kt[1024];
    size_t hn = strlen(h), tn = strlen(t);
    size_t x = S_key(h, hn, kh, sizeof kh), y = S_key(t, tn, kt, sizeof kt);
    size_t wh = cd_meta_space_words(h, hn), wt = cd_meta_space_words(t, tn);
    return y >= 8 && x > y && x < sizeof kh && memcmp(kh + x - y, kt, y) == 0 && wt >= 3 && wh > wt &&
           wh - wt <= 3;
}

/* Is h the title t less the dashes between its parts ("Info - Ultimate
 * …" shown as "Info Ultimate …": a prefix tag and the thread's title in two
 * elements of the h1, "not. - Defining" as "not. Defining")? Every " - ",
 * " – " or " — " of t a single space in h, the rest byte for byte. */
static int S_lost_dashes(const char *t, const char *h)
{
    static const char *const dash[] = {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "};
    int lost = 0;
    while (*t && *h) {
        size_t l = 0;
        for (size_t d = 0; d < 3 && !l; d++)
            if (strncmp(t, dash[d], strlen(dash[d])) == 0)
                l = strlen(dash[d]);
        if (l && *h == ' ') {
            t += l;
            h++;
            lost = 1;
            continue;
        }
        if (*t != *h)
            return 0;
        t++;
        h++;
    }
    return lost && !*t && !*h;
}

static const char *S_pick(cd_meta_ctx *c, const char *site_name, const char *url,
                          const char **source, int novis, const char **site_h1);

/* Is s[0..n) a host name alone ("cbs4denver.com")? */
static int S_host_alone(const char *s, size_t n)
{
    if (!n || memchr(s, ' ', n))
        return 0;
    size_t d = n;
    while (d && s[d - 1] != '.')
        d--;
    if (d < 2 || n - d < 2 || n - d > 4)
        return 0;
    for (size_t i = d; i < n; i++)
        if (!cd_isalpha((unsigned char)s[i]))
            return 0;
    return 1;
}

/* The text of headline element e, its marks trimmed, and its word count in
 * *bw; NULL when empty or a run of the site's names. */
static const char *S_head_words(cd_meta_ctx *c, cd_nid e, const S_names *sites, size_t *bw)
{
    size_t len = 0;
    char *v = cd_meta_node_text(c, e, 1024, &len);
    if (!v || !len || S_run_site(v, len, sites))
        return NULL;
    const char *b = S_trim_marks(c->arena, v, len);
    *bw = b ? cd_meta_space_words(b, strlen(b)) : 0;
    return b;
}

/* The story's own headline when the title t (t[0..n)) names only the site:
 * the headline above the article's prose (any heading level, a head-classed
 * element, a bold line of its own), or with none on a dated page the line of
 * its own just above the prose (a styled <span>: L3S round 16's
 * blackenterprise, and so when the title names the host's own digest:
 * indiantelevision's bold line); on an undated page a heading only
 * (footballworld's h3).
 * Three words or more, more than t, not the site's name again nor holding t. */
static const char *S_site_only(cd_meta_ctx *c, const char *t, size_t n, const S_names *sites, int dated,
                               int shared)
{
    cd_nid e = cd_meta_body_headline(c, CD_NONE);
    if (!e && dated)
        e = cd_meta_body_line(c);
    if (!e || (!dated && !S_level(c, e)))
        return NULL;
    size_t bw;
    const char *b = S_head_words(c, e, sites, &bw);
    if (!b)
        return NULL;
    if (bw < 3 || S_holds(b, t))
        return NULL;
    /* A <title> the host's pages share may be longer than the story's
     * headline ("The Sports Network - National Hockey League"): then four
     * words or more, none of it a part of that title. */
    if (shared ? bw < 4 || S_holds(t, b) : bw <= cd_meta_space_words(t, n))
        return NULL;
    return b;
}

/* Is s[0..n) a section's name: one to three words, each opening with a
 * capital or a digit, no comma nor sentence mark ("National Hockey League",
 * "Japan")? */
static int S_section_name(const char *s, size_t n)
{
    size_t w = cd_meta_space_words(s, n);
    if (!n || w > 3)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == ',' || ch == '.' || ch == '!' || ch == '?' || ch == ':' || ch == '\'')
            return 0;
        if ((i == 0 || cd_isspace((unsigned char)s[i - 1])) && ch >= 'a' && ch <= 'z')
            return 0;
    }
    return 1;
}

/* The story's headline when the title t (t[0..n)) is the <title> of the
 * site's name first and a section's name after it ("Bloomberg.com: Japan",
 * "SportsAustralia.com :: News Article", "The Sports Network - National
 * Hockey League": L3S 9858dfc5, c98e6425, e6ae8230, b31cc3b5 and three
 * sportsnetwork pages when the address is known), whole or its section's
 * part: the template's title names the section, the heading or the
 * head-classed element above the article's prose names the story (dated or
 * not). That line has four words or more, more than the section's, is not
 * the site's name, and shares no word with the section's: a page's own
 * slogan does ("Freedcamp - Free Project Management" over "The first truly
 * intelligent Project Management": WCXB 4464). The site's name last ("AI
 * Assistants - SmartCat") is a page's own name, left alone. */
static const char *S_site_section(cd_meta_ctx *c, const char *t, size_t n, const char *site_name,
                                  const S_names *sites)
{
    const cd_meta_cand *tt = S_best(c, CD_MS_TITLE, site_name);
    size_t ps[CD_META_PARTS], pe[CD_META_PARTS];
    if (!tt || cd_meta_title_parts(tt->s, tt->len, ps, pe) != 2)
        return NULL;
    const char *q = tt->s + ps[0], *o = tt->s + ps[1];
    size_t qn = pe[0] - ps[0], on = pe[1] - ps[1];
    char ob[128];
    if (on >= sizeof ob || !(S_host_alone(q, qn) || S_is_site(q, qn, sites)) || S_is_site(o, on, sites) ||
        !S_section_name(o, on) || (!S_same(t, n, tt->s, tt->len) && !S_same(t, n, o, on)))
        return NULL;
    cd_nid e = cd_meta_body_headline(c, CD_NONE);
    if (!e || !(S_level(c, e) || (cd_meta_class_has(c, e, cd_list_class_headline) &&
                                 !cd_meta_class_has(c, e, cd_list_class_headline_not))))
        return NULL;
    size_t bw;
    const char *b = S_head_words(c, e, sites, &bw);
    if (!b)
        return NULL;
    memcpy(ob, o, on);
    ob[on] = '\0';
    size_t da = 0, db = 0, both = 0;
    if (bw < 4 || bw <= cd_meta_space_words(ob, on) || !S_word_sets(ob, b, &da, &db, &both) || both)
        return NULL;
    return b;
}

/* Never the site's name: a pick t that names the site (og:site_name, the
 * domain, or an h1 taken for the site's or a section's name: "wjz.com -
 * Local Sports Wire" over an h1 "Local Sports Wire") on a page that states
 * or prints a date gives way to the headline above the article's prose
 * (any heading level: old pages set the story's headline as an h2 under a
 * section's h1), of four words or more and more words than t (a label
 * under the headline is shorter than it). */
static const char *S_not_site(cd_meta_ctx *c, const char *t, const char *site_name, const char *url,
                              const char *site_h1, const char **source)
{
    if (!t || !*t)
        return t;
    int dated = S_date_shown(c) || S_date_stated(c);
    char dom[128];
    int dom_ok = S_domain_label(url, dom, sizeof dom) > 0;
    S_names names = {{site_name, dom_ok ? dom : NULL, site_h1}, NULL};
    S_names sites = {{site_name, dom_ok ? dom : NULL, NULL}, NULL};
    size_t n = strlen(t);
    /* t names the site and nothing else: a host name, og:site_name or the
     * domain's label, or a <title> of a host name and one other part (its
     * tagline: "Footballworld.com | A Netsports Site"). Then even an
     * undated page's story has its own headline above its prose. */
    int host = S_host_alone(t, n), only = host;
    for (size_t i = 0; i < 2 && !only; i++)
        only = sites.n[i] && S_same(t, n, sites.n[i], strlen(sites.n[i]));
    if (!host) {
        const cd_meta_cand *t0 = S_best(c, CD_MS_TITLE, site_name);
        size_t qs[CD_META_PARTS], qe[CD_META_PARTS];
        if (t0 && S_same(t, n, t0->s, t0->len) && cd_meta_title_parts(t0->s, t0->len, qs, qe) == 2)
            host = S_host_alone(t0->s + qs[0], qe[0] - qs[0]) || S_host_alone(t0->s + qs[1], qe[1] - qs[1]);
        /* Or "Host.com's Evening Digest": the site's own page named by the
         * host in the possessive and a label of three words or fewer. */
        const char *ap = !host && t0 && S_same(t, n, t0->s, t0->len) ? memchr(t0->s, '\'', t0->len) : NULL;
        if (ap && (size_t)(ap - t0->s) + 3 < t0->len && ap[1] == 's' && ap[2] == ' ' &&
            S_host_alone(t0->s, (size_t)(ap - t0->s)) &&
            cd_meta_space_words(ap + 3, t0->len - (size_t)(ap + 3 - t0->s)) <= 3)
            host = 2;
        only |= host;
    }
    /* Or the page's <title> recurs on its host's other pages (a site
     * model's evidence: "Reddit - The heart of the internet", "The Sports
     * Network - National Hockey League" over each story), and t is that
     * <title> or one of its parts: it names the site or a section, on a
     * dated page or not (the headline must then be a heading, S_site_only). */
    int shared = 0;
    if (!only && c->site_title) {
        const cd_meta_cand *t0 = S_best(c, CD_MS_TITLE, site_name);
        size_t qs[CD_META_PARTS], qe[CD_META_PARTS];
        size_t np = t0 ? cd_meta_title_parts(t0->s, t0->len, qs, qe) : 0;
        shared = t0 && S_same(t, n, t0->s, t0->len);
        for (size_t i = 0; i < np && !shared; i++)
            shared = S_same(t, n, t0->s + qs[i], qe[i] - qs[i]);
    }
    /* On an undated page only when a host name is the title: a product's
     * or a service's home page is named by its brand (og:site_name; wcxb
     * 2849, 4225: the h1 over the prose is its slogan). A host's digest
     * (host == 2) names a page of stories: any line above the prose, as on
     * a dated page. */
    if ((only && (dated || host)) || shared) {
        const char *b = S_site_only(c, t, n, &sites, dated || host == 2, shared && !only);
        if (b) {
            *source = "h1";
            return b;
        }
    }
    {
        const char *b = S_site_section(c, t, n, site_name, &sites);
        if (b) {
            *source = "h1";
            return b;
        }
    }
    if (!dated)
        return t;
    int site = S_host_alone(t, n);
    for (size_t i = 0; i < 3 && !site; i++)
        site = names.n[i] && S_same(t, n, names.n[i], strlen(names.n[i]));
    /* Or t is the part of a <title> that names only a host and t: the
     * site's section ("cbs4denver.com - Sports Wire"); a title of the
     * site's name and t gives the part (sect) a section's h1 may print. */
    const cd_meta_cand *tt = S_best(c, CD_MS_TITLE, site_name);
    const char *sect = NULL;
    size_t sectn = 0;
    int weak = 0; /* t is the section beside a host: only if printed above the story */
    if (tt) {
        size_t ps[CD_META_PARTS], pe[CD_META_PARTS];
        size_t np = cd_meta_title_parts(tt->s, tt->len, ps, pe);
        for (size_t p = 0; np == 2 && p < 2 && !sect; p++) {
            const char *o = tt->s + ps[1 - p];
            size_t on = pe[1 - p] - ps[1 - p];
            int o_host = S_host_alone(o, on);
            if (o_host || S_is_site(o, on, &sites)) {
                sect = tt->s + ps[p];
                sectn = pe[p] - ps[p];
                if (o_host && S_same(sect, sectn, t, n))
                    weak = 1;
            }
        }
    }
    if (!site && !weak)
        return t;
    cd_nid e = cd_meta_body_headline(c, CD_NONE);
    size_t len = 0;
    char *v = e ? cd_meta_node_text(c, e, 1024, &len) : NULL;
    /* The site's or section's h1 heads the group of headings above the
     * prose: the headline is the next one, in a container of its own. */
    if (v && (S_same(v, len, t, n) || (sect && S_same(v, len, sect, sectn)))) {
        cd_nid f = cd_meta_body_headline(c, e);
        /* Not a sibling of it: a headline and its deck sit side by side,
         * a section's banner and the story apart. */
        if (f && cd_dom_node(c->dom, f)->parent == cd_dom_node(c->dom, e)->parent)
            f = CD_NONE;
        e = f;
        v = e ? cd_meta_node_text(c, e, 1024, &len) : NULL;
    } else if (!site) {
        return t;
    }
    /* A heading (not a deck's paragraph or a bold line) of more words
     * than t. */
    if (!v || !S_level(c, e) || S_run_site(v, len, &sites))
        return t;
    const char *b = S_trim_marks(c->arena, v, len);
    size_t bw = b ? cd_meta_space_words(b, strlen(b)) : 0;
    /* A heading that names t again ("About the Workforce Development
     * Program" under "Workforce Development") is a part of t's page. */
    if (bw < 4 || bw <= cd_meta_space_words(t, n) || S_holds(b, t))
        return t;
    *source = "h1";
    return b;
}

/* A label before the headline: the pick t is "Label: H" or "Label | H" (a
 * column's, a series' or a tag's name of one or two words, then H of three
 * words or more), a heading (h1-h6, not hidden; a permalink inside it is
 * fine) prints H alone and nothing prints "Label: H" (L3S round 17's
 * gizmodo: "Clips: …" in <title> and <meta name=title> over the post's
 * h2): H. At scale (eval.sh all) it moves that page only. */
static const char *S_label_off(cd_meta_ctx *c, const char *t, const char **source)
{
    size_t ps[CD_META_PARTS], pe[CD_META_PARTS];
    size_t n = t ? strlen(t) : 0;
    if (*source && strcmp(*source, "h1") == 0)
        return t; /* a heading's own text */
    while (n && cd_isspace((unsigned char)t[n - 1]))
        n--;
    /* H runs to the end ("… Rocking (Via Magic Pick)": a bracket parts it
     * too). */
    if (!n || cd_meta_title_parts(t, n, ps, pe) < 2 || ps[0] != 0 || cd_meta_space_words(t, pe[0]) > 2 ||
        cd_meta_space_words(t + ps[1], n - ps[1]) < 3 ||
        (!memchr(t + pe[0], ':', ps[1] - pe[0]) && !memchr(t + pe[0], '|', ps[1] - pe[0])))
        return t; /* (a label's colon or bar: "Clips: …", "Ask Mint | …") */
    cd_meta_run runs[CD_META_RUNS];
    size_t nr = cd_meta_headline_runs(c, t, runs, CD_META_RUNS);
    int part = 0, whole = 0;
    for (size_t r = 0; r < nr; r++) {
        const cd_meta_run *k = &runs[r];
        if (k->flags & CD_HL_HIDDEN)
            continue;
        if (k->from <= ps[0] && k->to >= pe[0] && k->to > ps[1])
            whole = 1; /* "Label: H" printed so: that is the headline */
        else if (k->from == ps[1] && k->to >= n && (k->flags & CD_HL_HEADING))
            part = 1;
    }
    if (!part || whole)
        return t;
    *source = "h1";
    return S_dup(c->arena, t + ps[1], n - ps[1]);
}

static const char *S_h1_cand(cd_meta_ctx *c, const char *site_name, const char *url);
static const char *S_by_slug(cd_meta_ctx *c, const char *site_name, const char *url,
                             const char *t, const char **source);
#ifdef CD_DEBUG_TITLE_FEATS
static void S_feats(cd_meta_ctx *c, const char *site_name, const char *url, const char *pick,
                    const char *psrc);
#endif

const char *cd_meta_title_pick(cd_meta_ctx *c, const char *site_name, const char *url,
                               const char **source)
{
    const char *site_h1 = NULL;
    /* No address (a file read alone): a host name written in the <title>
     * ("winnipegsun.com - Other Sports - Podium for Canuck") names the
     * site as the address would. */
    char dom[128], host[140];
    if (S_domain_label(url, dom, sizeof dom) == 0) {
        const cd_meta_cand *tt = S_best(c, CD_MS_TITLE, site_name);
        size_t ps[CD_META_PARTS], pe[CD_META_PARTS];
        size_t np = tt ? cd_meta_title_parts(tt->s, tt->len, ps, pe) : 0;
        for (size_t p = 0; p < np; p++)
            if (pe[p] - ps[p] < sizeof host - 8 && S_host_alone(tt->s + ps[p], pe[p] - ps[p])) {
                memcpy(host, "http://", 7);
                memcpy(host + 7, tt->s + ps[p], pe[p] - ps[p]);
                host[7 + pe[p] - ps[p]] = '\0';
                url = host;
                break;
            }
    }
    const char *t = S_pick(c, site_name, url, source, 0, &site_h1);
    t = S_unescape(c->arena, S_not_site(c, t, site_name, url, site_h1, source));
    t = S_label_off(c, t, source);
    t = S_by_slug(c, site_name, url, t, source);
#ifdef CD_DEBUG_TITLE_FEATS
    if (getenv("CD_TITLE_FEATS"))
        S_feats(c, site_name, url, t, *source);
#endif
    return t;
}

static const char *S_pick(cd_meta_ctx *c, const char *site_name, const char *url,
                          const char **source, int novis, const char **site_h1)
{
    const cd_meta_cand *ld = S_best(c, CD_MS_JSONLD, site_name),
                       *og = S_best(c, CD_MS_OG, site_name), *mt = S_best(c, CD_MS_META, site_name),
                       *tw = S_best(c, CD_MS_TWITTER, site_name),
                       *md = S_best(c, CD_MS_MICRODATA, site_name),
                       *tt = S_best(c, CD_MS_TITLE, site_name);
    /* A JSON-LD title from an article or another creative work is a headline;
     * a WebPage name is only as good as <title>. */
    char dom[128];
    int dom_ok = S_domain_label(url, dom, sizeof dom) > 0;
    S_name_keys name_keys;
    memset(name_keys.of, 0, sizeof name_keys.of);
    S_names names = {{site_name, dom_ok ? dom : NULL, NULL}, &name_keys};
    const cd_meta_cand *ldpage = ld && ld->rank >= 32 && ld->rank < 48 ? ld : NULL;
    if (ld && ld->rank >= 32)
        ld = NULL;
    /* Another creative work (a product, a review, a video, an event: rank
     * 16-31) names the page's subject when og:title or <title> agrees;
     * otherwise it may be one item on the page (a review under a product,
     * a video in a list), ranked after them. */
    /* A JSON-LD title that is the site's name (an Organization's page
     * typed as a creative work) says nothing of the page. */
    if (ld && ((site_name && S_same(ld->s, ld->len, site_name, strlen(site_name))) ||
               (dom_ok && S_same(ld->s, ld->len, dom, strlen(dom)))))
        ld = NULL;
    const cd_meta_cand *ldwork = NULL;
    if (ld && ld->rank >= 16 && !S_agrees(ld, og) && !S_agrees(ld, tt)) {
        ldwork = ld;
        ld = NULL;
    }

    int dated = S_date_stated(c);
    /* The h1s, less those that name the site (kept as more evidence of
     * the site's name). */
    const cd_meta_cand *titles[] = {tt, og};
    const cd_meta_cand *h1s[4];
    unsigned nh1 = 0, nvis = 0;
    for (uint32_t i = 0; i < c->ncands; i++) {
        const cd_meta_cand *k = &c->cands[i];
        if (k->field != CD_MF_TITLE || k->src != CD_MS_VISIBLE || novis)
            continue;
        nvis++;
        if (S_h1_is_site(k->s, &names, titles, 2) && !S_stated(c, k)) {
            if (!names.n[2])
                names.n[2] = *site_h1 = k->s;
        } else if (nh1 < 4)
            h1s[nh1++] = k;
    }

    /* Dublin Core's title (rank 0 of the named <meta>) is the document's
     * own statement of its title, ahead of the social cards. */
    const cd_meta_cand *dc = mt && mt->rank == 0 ? mt : NULL;
    if (dc)
        mt = NULL;
    const cd_meta_cand *meta[] = {ld, dc, og, mt, tw, md, ldwork, ldpage, tt};
    const size_t nmeta = sizeof meta / sizeof meta[0];
    /* The h1 confirmed by another source is the headline. */
    for (unsigned j = 0; j < nh1; j++) {
        const char *h = h1s[j]->s;
        for (size_t i = 0; i < nmeta; i++) {
            if (!meta[i])
                continue;
            int same = S_same(meta[i]->s, meta[i]->len, h, strlen(h)) || S_affix(meta[i]->s, h);
            if (same || S_first_part(meta[i]->s, meta[i]->len, h)) {
                *source = "h1";
                /* The h1 is the title's first part only ("Blog: Column :
                 * Headline" over an h1 "Blog: Column"), a link (to the
                 * blog's front page), and the heading above the article's
                 * prose prints another part of the title: that one is the
                 * headline, the h1 the blog's or section's banner. */
                const char *b;
                if (!same && !novis && h1s[j]->pos && S_link_only(c->dom, h1s[j]->pos) &&
                    (b = S_body_headline(c, &names, 0)) != NULL &&
                    cd_meta_space_words(b, strlen(b)) >= 3 && !S_same(b, strlen(b), h, strlen(h)) &&
                    S_holds(meta[i]->s, b) && !S_holds(h, b)) {
                    const char *t = S_strip(c->arena, b, &names, NULL, 1, dated);
                    return t ? S_first_segment(c->arena, t) : NULL;
                }
                /* Another h1 that is its first part ("Topic" and "Topic -
                 * Forum name") is the headline without the section. */
                for (unsigned k = 0; k < nh1; k++)
                    if (k != j && S_first_part(h, strlen(h), h1s[k]->s))
                        h = h1s[k]->s;
                /* The article's JSON-LD headline is the h1 without a label
                 * in front (a thread's prefix tag). */
                if (ld && ld->rank < 16 && S_label_before(h, ld->s)) {
                    *source = cd_meta_src_name(ld->src);
                    h = ld->s;
                } else if (S_lost_dashes(meta[i]->s, h)) {
                    *source = cd_meta_src_name(meta[i]->src);
                    h = meta[i]->s;
                }
                const char *t = S_strip(c->arena, h, &names, NULL, 1, dated);
                return t ? S_first_segment(c->arena, t) : NULL;
            }
        }
    }
    const char *h1 = nh1 ? h1s[0]->s : NULL;
    unsigned h1flags = nh1 ? h1s[0]->flags : 0;
    int cards_elsewhere = 0;
    for (size_t i = 0; i < nmeta; i++) {
        if (!meta[i])
            continue;
        /* "| Site": the page left its headline empty. */
        if (meta[i]->s[0] == '|' && (h1 || i + 1 < nmeta))
            continue;
        /* On a dated page (a story; a home page or a product is named by
         * its brand), a metadata title that is the site's name alone
         * ("Edmonton Sun" for edmontonsun.com) says nothing of the page:
         * <title> may. */
        if ((dated || S_date_shown(c)) && meta[i] != tt && tt &&
            ((site_name && S_same(meta[i]->s, meta[i]->len, site_name, strlen(site_name))) ||
             (dom_ok && S_same(meta[i]->s, meta[i]->len, dom, strlen(dom)))))
            continue;
        /* A social card that says something else than <title> and the h1
         * is passed over, and so is the rest of its set (a twitter:title
         * beside it, often just the site's name). */
        if ((meta[i] == og || meta[i] == tw) && tt) {
            const char *a = S_strip(c->arena, meta[i]->s, &names, h1, 0, dated);
            const char *b = S_strip(c->arena, tt->s, &names, h1, 0, dated);
            if (cards_elsewhere || (a && b && S_card_elsewhere(a, b, &names) &&
                                    !(h1 && S_h1_rephrases(h1, a, nh1 == 1)))) {
                cards_elsewhere = 1;
                continue;
            }
        }
        *source = cd_meta_src_name(meta[i]->src);
        if (meta[i] == tt) {
            S_names sites = {{names.n[0], names.n[1], NULL}, &name_keys};
            int printed = 0;
            const char *v = S_title_run(c, tt->s, &sites, names.n[2], &printed);
            if (v)
                return v;
            /* The one h1 holds the whole title and is printed nowhere else
             * as a headline: it is the site's banner ("Winnipeg Free Press
             * Live" under a <title> "Winnipeg Free Press": L3S fcb21363),
             * and the headline may be any heading above the prose. */
            int h1_banner = nh1 == 1 && S_holds(h1s[0]->s, tt->s) &&
                            cd_meta_space_words(tt->s, tt->len) >= 2;
            /* No part of the title is printed again (but as a link's or
             * the site's name) and the h1, if any, is the headline above
             * the prose: the title names the site or a section ("Edmonton
             * Sun", "Latest News"); the headline is the one above the
             * article's prose, unless the title holds it or it holds a
             * part of the title; on a dated page, if only by a date it
             * prints (an undated one, a home page or a listing, is named
             * by its title). */
            if (!printed && !novis && (dated || S_date_shown(c)) &&
                (v = S_body_headline(c, &names, nh1 > 0 && !h1_banner)) != NULL && !S_holds(tt->s, v) &&
                !S_holds_part(v, tt->s)) {
                *source = "h1";
                return v;
            }
            /* A part of the title is printed, but shorter than a part it
             * leaves out (S_title_run gave none): when the heading above
             * the article's prose is the title's first or last part, that
             * part is the headline ("Berkshire Eagle Online - Kerry
             * endorses Obama" over a "Kerry endorses Obama" line above
             * the story). */
            if (printed && !novis && (v = S_body_headline_far(c, &sites, 0, CD_NONE, 900)) != NULL &&
                cd_meta_space_words(v, strlen(v)) >= 3 && S_end_part(tt->s, tt->len, v)) {
                *source = "h1";
                return v;
            }
        }
        const char *t = S_strip(c->arena, meta[i]->s, &names, h1, 0, dated);
        if (t && t == meta[i]->s && meta[i] == tt && (dated || !S_site_first(t, &names))) {
            t = S_readability_cut(c->arena, t);
            /* The cut took a tag line off and bared the site's name before
             * it ("Moon Learns From His Mistake - HOOPSWORLD | NBA News,
             * Rumors and Information", l3s hoopsworld): cut that too. */
            if (t && t != meta[i]->s)
                t = S_strip(c->arena, t, &names, h1, 1, dated);
        }
        if (t)
            t = S_untruncate(c, t, &names, h1, dated);
        if (t && h1 && nvis == 1 && S_site_default(meta[i]->s, &names, url) &&
            !S_is_site(h1, strlen(h1), &names)) {
            *source = "h1";
            return S_first_segment(c->arena, h1);
        }
        if (t && h1 && S_h1_label(h1, t))
            return S_first_segment(c->arena, t);
        if (t && h1 &&
            ((nh1 <= 2 && (h1flags & CD_MC_INARTICLE) && S_h1_rephrases(h1, t, 0)) ||
             (nh1 == 1 && S_h1_rephrases(h1, t, 1))) &&
            !S_is_site(h1, strlen(h1), &names)) {
            *source = "h1";
            return S_first_segment(c->arena, h1);
        }
        if (t && !dated && S_site_first(t, &names))
            return t; /* "Brand | what it does" names the page */
        return t ? S_first_segment(c->arena, t) : NULL;
    }
    if (h1) {
        *source = "h1";
        return S_first_segment(c->arena, h1);
    }
    const char *b = novis ? NULL : S_body_headline(c, &names, 0);
    /* Nothing else: a line of its own just above the story's prose (a
     * <div class="sh">, <p><strong>, a table cell: L3S's BBC pages, 104ac8ce
     * and three more; d30c53de, artzone) names it, not null. */
    if (!b && !novis) {
        cd_nid e = cd_meta_body_line(c);
        size_t len = 0;
        char *v = e ? cd_meta_node_text(c, e, 1024, &len) : NULL;
        if (v && len && !S_run_site(v, len, &names))
            b = S_trim_marks(c->arena, v, len);
    }
    if (b)
        *source = "h1";
    return b;
}

#ifdef CD_DEBUG_TITLE_FEATS
static void S_feats(cd_meta_ctx *c, const char *site_name, const char *url, const char *pick,
                    const char *psrc)
{
    const char *msrc = "";
    const char *m = S_unescape(c->arena, S_pick(c, site_name, url, &msrc, 1, &(const char *){NULL}));
    char dom[128];
    int dom_ok = S_domain_label(url, dom, sizeof dom) > 0;
    S_name_keys name_keys;
    memset(name_keys.of, 0, sizeof name_keys.of);
    S_names names = {{site_name, dom_ok ? dom : NULL, NULL}, &name_keys};
    int dated = S_date_stated(c);
    const cd_meta_cand *ld = S_best(c, CD_MS_JSONLD, site_name), *og = S_best(c, CD_MS_OG, site_name),
                       *tt = S_best(c, CD_MS_TITLE, site_name), *tw = S_best(c, CD_MS_TWITTER, site_name),
                       *mt = S_best(c, CD_MS_META, site_name);
    const cd_meta_cand *titles[] = {tt, og};
    const cd_meta_cand *h1 = NULL;
    unsigned nvis = 0, nsite = 0;
    for (uint32_t i = 0; i < c->ncands; i++) {
        const cd_meta_cand *k = &c->cands[i];
        if (k->field != CD_MF_TITLE || k->src != CD_MS_VISIBLE)
            continue;
        nvis++;
        if (S_h1_is_site(k->s, &names, titles, 2) && !S_stated(c, k))
            nsite++;
        else if (!h1)
            h1 = k;
    }
    const char *h = S_h1_cand(c, site_name, url);
    fprintf(stderr, "FEAT\t%s\t%s\t%s\t%s\t%s\t%s\t%u\t%u\t%u\t%d\t%d\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\n",
            getenv("CD_TITLE_FEATS"), pick ? pick : "", psrc ? psrc : "", m ? m : "", msrc ? msrc : "",
            h ? h : "", nvis, nsite, h1 ? h1->flags : 0, dated, S_date_shown(c),
            h1 ? h1->s : "", tt ? tt->s : "", og ? og->s : "", ld ? ld->rank : -1, ld ? ld->s : "",
            site_name ? site_name : "", tw ? tw->s : "", mt ? mt->s : "", url ? url : "");
    fprintf(stderr, "TYPED\t%s\t%d\n", getenv("CD_TITLE_FEATS"), cd_article_typed(c->dom));
}
#endif

/* The h1 candidate as tools/title_cv.py names it H: the first h1 that is not
 * the site's name, cut as the picker cuts it, else the heading above the
 * article's prose. */
static const char *S_h1_cand(cd_meta_ctx *c, const char *site_name, const char *url)
{
    char dom[128];
    int dom_ok = S_domain_label(url, dom, sizeof dom) > 0;
    S_name_keys name_keys;
    memset(name_keys.of, 0, sizeof name_keys.of);
    S_names names = {{site_name, dom_ok ? dom : NULL, NULL}, &name_keys};
    int dated = S_date_stated(c);
    const cd_meta_cand *og = S_best(c, CD_MS_OG, site_name), *tt = S_best(c, CD_MS_TITLE, site_name);
    const cd_meta_cand *titles[] = {tt, og};
    const cd_meta_cand *h1 = NULL;
    for (uint32_t i = 0; i < c->ncands && !h1; i++) {
        const cd_meta_cand *k = &c->cands[i];
        if (k->field == CD_MF_TITLE && k->src == CD_MS_VISIBLE &&
            !(S_h1_is_site(k->s, &names, titles, 2) && !S_stated(c, k)))
            h1 = k;
    }
    if (h1) {
        const char *t = S_strip(c->arena, h1->s, &names, NULL, 1, dated);
        return t ? S_unescape(c->arena, S_first_segment(c->arena, t)) : NULL;
    }
    const char *h = S_body_headline(c, &names, 0);
    return h ? S_unescape(c->arena, h) : NULL;
}

/* Words of a title or of an address's slug: runs of ASCII letters and
 * digits, compared without case; bytes past ASCII part words. A slug drops
 * numbers but a year (post ids, dates in the path). */
enum { S_SLUG_MAX = 48 };
typedef struct S_words {
    const char *s[S_SLUG_MAX];
    unsigned char n[S_SLUG_MAX];
    unsigned count;
} S_words;

static void S_words_of(const char *s, size_t n, int slug, S_words *w)
{
    w->count = 0;
    for (size_t i = 0; i < n;) {
        if (!cd_isalnum((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t j = i;
        int digits = 1;
        while (j < n && cd_isalnum((unsigned char)s[j])) {
            digits &= cd_isdigit((unsigned char)s[j]);
            j++;
        }
        int keep = j - i < 64 && !(slug && digits && j - i != 4);
        for (unsigned k = 0; keep && k < w->count; k++)
            if (cd_meta_eq_nocase(w->s[k], w->n[k], s + i, j - i))
                keep = 0;
        if (keep && w->count < S_SLUG_MAX) {
            w->s[w->count] = s + i;
            w->n[w->count++] = (unsigned char)(j - i);
        }
        i = j;
    }
}

static unsigned S_words_common(const S_words *a, const S_words *b)
{
    unsigned k = 0;
    for (unsigned i = 0; i < a->count; i++)
        for (unsigned j = 0; j < b->count; j++)
            if (cd_meta_eq_nocase(a->s[i], a->n[i], b->s[j], b->n[j])) {
                k++;
                break;
            }
    return k;
}

/* Jaccard share of the words of t and of the slug, in thousandths. */
static unsigned S_slug_share(const S_words *slug, const char *t)
{
    S_words w;
    S_words_of(t, strlen(t), 0, &w);
    unsigned k = S_words_common(slug, &w), u = slug->count + w.count - k;
    return u ? k * 1000 / u : 0;
}

/* The largest share of the slug's words (as S_slug_share) of a run of
 * consecutive parts of title t[0..n). */
static unsigned S_nearest_run(const S_words *slug, const char *t, size_t n)
{
    size_t ps[CD_META_PARTS], pe[CD_META_PARTS];
    size_t np = cd_meta_title_parts(t, n, ps, pe);
    if (!np) {
        ps[0] = 0;
        pe[0] = n;
        np = 1;
    }
    unsigned best = 0;
    for (size_t a = 0; a < np; a++)
        for (size_t b = a; b < np; b++) {
            S_words w;
            S_words_of(t + ps[a], pe[b] - ps[a], 0, &w);
            unsigned k = S_words_common(slug, &w), u = slug->count + w.count - k;
            unsigned share = u ? k * 1000 / u : 0;
            best = share > best ? share : best;
        }
    return best;
}

static int S_same_words(const char *a, const char *b)
{
    S_words x, y;
    S_words_of(a, strlen(a), 0, &x);
    S_words_of(b, strlen(b), 0, &y);
    if (x.count != y.count)
        return 0;
    for (unsigned i = 0; i < x.count; i++)
        if (!cd_meta_eq_nocase(x.s[i], x.n[i], y.s[i], y.n[i]))
            return 0;
    return 1;
}

/* The page's own address names it: a permalink's slug
 * ("/best-moving-companies-new-york/") is written from the title its author
 * meant. When the picker took the h1 and the metadata title says the page
 * otherwise, or the reverse, the one whose words are far nearer the slug's
 * (Jaccard share of words, more than 0.3 apart) is taken. Chosen on one half
 * of wcxb-dev's hosts and scored on the other (docs/quality.md, session 16,
 * h/title6). */
static const char *S_by_slug(cd_meta_ctx *c, const char *site_name, const char *url,
                             const char *t, const char **source)
{
    if (!t || !url)
        return t;
    size_t n = strlen(url), e;
    const char *host = strstr(url, "://");
    size_t path = host ? (size_t)(host - url) + 3 : 0;
    while (path < n && url[path] != '/')
        path++;
    cd_url_last_segment(url, n, &e);
    while (e > path + 1 && url[e - 1] == '/')
        e--;
    if (e <= path + 1)
        return t; /* no path: a site's front page */
    size_t s = e;
    while (s > path && url[s - 1] != '/')
        s--;
    static const char *const exts[] = {".html", ".htm", ".php", ".aspx", ".asp"};
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
        size_t k = strlen(exts[i]);
        if (e - s > k && cd_meta_eq_nocase(url + e - k, k, exts[i], k)) {
            e -= k;
            break;
        }
    }
    S_words slug;
    S_words_of(url + s, e - s, 1, &slug);
    if (slug.count < 2)
        return t;
    unsigned ts = S_slug_share(&slug, t);
    if (ts >= 700)
        return t; /* nothing can be nearer by more than 0.3 */
    /* The h1 candidate is a run of an h1's parts and the metadata pick one
     * of a metadata title's: when no run is far nearer the slug than the
     * pick, neither is, and neither need be made. */
    unsigned near_meta = 0, near_vis = 0;
    int has_vis = 0;
    for (uint32_t i = 0; i < c->ncands; i++) {
        const cd_meta_cand *k = &c->cands[i];
        if (k->field != CD_MF_TITLE)
            continue;
        int vis = k->src == CD_MS_VISIBLE;
        has_vis |= vis;
        unsigned *near = vis ? &near_vis : &near_meta;
        if (*near > ts + 300)
            continue;
        unsigned share = S_nearest_run(&slug, k->s, k->len);
        *near = share > *near ? share : *near;
    }
    if (near_meta <= ts + 300 && has_vis && near_vis <= ts + 300)
        return t;
    const char *h = S_h1_cand(c, site_name, url);
    if (!h)
        return t;
    int took_h = S_same_words(t, h);
    if (took_h ? near_meta <= ts + 300 : S_slug_share(&slug, h) <= ts + 300)
        return t;
    const char *msrc = "", *nul = NULL;
    const char *m = S_unescape(c->arena, S_pick(c, site_name, url, &msrc, 1, &nul));
    if (!m || S_same_words(m, h))
        return t;
    const char *o = took_h ? m : S_same_words(t, m) ? h : NULL;
    if (!o || (o == m && S_slug_share(&slug, m) <= ts + 300))
        return t;
    /* One holds every word of the other ("Allotment open day" and the h1
     * "Allotment open day draws record crowd" on /open-day): a short slug
     * is nearer the shorter by its length alone, so the slug must name
     * every word of the shorter to take it. */
    S_words wo, wt;
    S_words_of(o, strlen(o), 0, &wo);
    S_words_of(t, strlen(t), 0, &wt);
    unsigned k = S_words_common(&wo, &wt);
    const S_words *shorter = k == wo.count ? &wo : k == wt.count ? &wt : NULL;
    if (shorter && S_words_common(shorter, &slug) < shorter->count)
        return t;
    *source = o == h ? "h1" : msrc;
    return o;
}
